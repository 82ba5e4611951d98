"""Mastodon account archive ``outbox.json`` (ActivityStreams 2.0 ``OrderedCollection``).

Mapping per ``Create`` activity with a ``Note``: object ``id`` → message_id; ``inReplyTo`` →
parent_id (kind ``reply``, else ``post``); ``published`` → created_at; ``content`` (HTML) → plain
text, with the content warning (``summary``) in front as ``[CW: …]``; ``contentMap`` language →
language; ``attachment`` → media (kept with empty text). The author is the archive owner
(``@user@server`` from ``actor``), so ``author_is_org`` is True.
Skipped and counted: ``Announce`` (a boost of someone else's post: the archive holds only its
address, not its text) and any other activity type. ``totalItems`` often differs from the real
number of items; the items are what is counted.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import pandas as pd

from ..errors import DataError
from ._options import Options
from ._text import html_to_text

PLATFORM = "mastodon"


def detect(obj: Any) -> bool:
    return isinstance(obj, dict) and (
        "orderedItems" in obj and str(obj.get("type", "")).endswith("Collection")
        or obj.get("type") in ("Person", "Service", "Organization", "Application") and "outbox" in obj)


def _handle(actor: Any) -> str | None:
    if not isinstance(actor, str) or not actor.startswith("http"):
        return None
    u = urlparse(actor)
    name = u.path.rstrip("/").rsplit("/", 1)[-1]
    return f"@{name}@{u.netloc}" if name else None


def parse(obj: Any, opts: Options) -> pd.DataFrame:
    if "orderedItems" not in obj:
        raise DataError("this is the Mastodon profile (actor.json), which holds no posts; load "
                        "outbox.json from the same archive", source=opts.source)
    items = obj.get("orderedItems")
    if not isinstance(items, list):
        raise DataError("'orderedItems' should be a list of activities", source=opts.source, field="orderedItems")
    if items and all(isinstance(x, str) for x in items[:50]):
        raise DataError("this collection holds only links (e.g. likes.json or bookmarks.json), not posts; "
                        "load outbox.json", source=opts.source, field="orderedItems")
    rows = []
    owner_found = None
    for i, act in enumerate(items):
        where = f"orderedItems[{i}]"
        typ = act.get("type") if isinstance(act, dict) else None
        owner_found = owner_found or _handle(act.get("actor") if isinstance(act, dict) else None)
        if typ == "Announce":
            opts.tracker.skip("boost of another post (text not in the archive)", 1, [where])
            continue
        ob = act.get("object") if isinstance(act, dict) else None
        if typ != "Create" or not isinstance(ob, dict):
            opts.tracker.skip(f"{typ or 'unknown'} activity (not a post)", 1, [where])
            continue
        text = html_to_text(ob.get("content"))
        if ob.get("summary"):
            text = f"[CW: {html_to_text(ob['summary'])}] {text}".strip()
        cmap = ob.get("contentMap")
        rows.append({"_row": where, "message_id": ob.get("id"), "parent_id": ob.get("inReplyTo"),
                     "created_at": ob.get("published") or act.get("published"),
                     "author_is_org": True, "kind": "reply" if ob.get("inReplyTo") else "post",
                     "text": text, "language": next(iter(cmap), None) if isinstance(cmap, dict) and cmap else None,
                     "_has_media": bool(ob.get("attachment"))})
    owner = opts.owner(owner_found, platform="mastodon")
    f = pd.DataFrame(rows)
    if len(f):
        f["author_id"] = owner
        f["author_name"] = owner
    opts.tracker.rows_in = len(items)
    total = obj.get("totalItems")
    if isinstance(total, int) and total != len(items):
        opts.tracker.warnings.append(f"the archive says totalItems = {total} but holds {len(items)} "
                                     "activities; the activities actually present were counted")
    opts.natural_org = owner.lstrip("@").split("@")[0] if owner else None
    return f
