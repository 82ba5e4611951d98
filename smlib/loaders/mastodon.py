"""Mastodon account archive ``outbox.json`` (ActivityStreams 2.0 ``OrderedCollection``), a saved
outbox page (``OrderedCollectionPage``, as a server sends it), and Mastodon API statuses: the JSON
array from ``/api/v1/accounts/:id/statuses`` (or a timeline), ``/api/v1/statuses/:id/context``
(``{ancestors, descendants}``) and ``/api/v2/search`` (``{statuses}``).

Outbox mapping per ``Create`` activity with a ``Note``: object ``id`` → message_id; ``inReplyTo`` →
parent_id (kind ``reply``, else ``post``; a direct message, addressed to neither the public nor
followers, is kind ``message``); ``published`` → created_at; ``content`` (HTML; else the
first ``contentMap`` text) → plain text, with the content warning (``summary``) in front as
``[CW: …]``; a poll (``Question``) gets its options (``oneOf``/``anyOf`` names) after the question;
``contentMap`` language → language; ``attachment`` → media (kept with empty text).
The author is the archive owner (``@user@server`` from ``actor``), so ``author_is_org`` is True.
Skipped and counted: ``Announce`` (a boost of someone else's post: the archive holds only its
address, not its text), a ``Create`` whose object is only a link (some servers' outbox pages),
and any other activity type. ``totalItems`` often differs from the real number of items; the
items are what is counted.

API status mapping: ``id`` → message_id; ``in_reply_to_id`` → parent_id; ``created_at``;
``account.acct`` → author_id as ``@user@server``; ``display_name`` → author_name; ``content``
(HTML) and ``spoiler_text`` as above; ``favourites_count`` → likes, ``reblogs_count`` → shares,
``replies_count`` → replies; ``language``; ``media_attachments`` → media; visibility ``direct`` →
kind ``message``. ``author_is_org``: the account matches ``org_handles`` or the profile's handles
(``brand``, ``@brand`` or ``@brand@server``); when no handle is named for Mastodon and a plain
list (``/accounts/:id/statuses``) is all one account's, that account is the owner, as in an
outbox, and all its statuses are the organisation's (the summary says so). Skipped and counted:
boosts (``reblog`` set: the wrapper has no text of its own).
"""
from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import pandas as pd

from ..errors import DataError
from ._options import Options
from ._text import html_to_text

PLATFORM = "mastodon"
_COLLECTIONS = ("OrderedCollection", "OrderedCollectionPage", "Collection", "CollectionPage")


def _is_status(x: Any) -> bool:
    return isinstance(x, dict) and "content" in x and "created_at" in x and isinstance(x.get("account"), dict)


def _statuses(obj: Any) -> list[tuple[str, Any]] | None:
    """(where, status) pairs for Mastodon API responses, else None."""
    if isinstance(obj, list) and obj and all(_is_status(x) for x in obj[:20]):
        return [(f"[{i}]", x) for i, x in enumerate(obj)]
    if isinstance(obj, dict) and isinstance(obj.get("ancestors"), list) and isinstance(obj.get("descendants"), list):
        pairs = [(f"{k}[{i}]", x) for k in ("ancestors", "descendants") for i, x in enumerate(obj[k])]
        if all(_is_status(x) for _, x in pairs[:20]):
            return pairs
    if isinstance(obj, dict) and isinstance(obj.get("statuses"), list) and "accounts" in obj \
            and all(_is_status(x) for x in obj["statuses"][:20]):
        return [(f"statuses[{i}]", x) for i, x in enumerate(obj["statuses"])]
    return None


def detect(obj: Any) -> bool:
    if _statuses(obj) is not None:
        return True
    return isinstance(obj, dict) and (
        obj.get("type") in _COLLECTIONS and ("orderedItems" in obj or "items" in obj or "first" in obj)
        or obj.get("type") in ("Person", "Service", "Organization", "Application") and "outbox" in obj)


def _handle(actor: Any) -> str | None:
    if not isinstance(actor, str) or not actor.startswith("http"):
        return None
    u = urlparse(actor)
    name = u.path.rstrip("/").rsplit("/", 1)[-1]
    return f"@{name}@{u.netloc}" if name else None


def _str(v: Any) -> str | None:
    if isinstance(v, dict):
        v = v.get("id")
    return v if isinstance(v, str) and v.strip() else None


def _plain(v: Any) -> str | None:
    """A name as text; a list or object where a name should be is treated as missing."""
    return None if v is None or isinstance(v, (dict, list, bool)) else str(v).strip() or None


def _content(ob: dict, body_key: str, cw_key: str) -> str:
    body = ob.get(body_key)
    cmap = ob.get("contentMap")
    if not isinstance(body, str) and isinstance(cmap, dict):
        body = next((v for v in cmap.values() if isinstance(v, str)), None)
    text = html_to_text(body if isinstance(body, str) else None)
    cw = ob.get(cw_key)
    if isinstance(cw, str) and cw.strip():
        text = f"[CW: {html_to_text(cw)}] {text}".strip()
    return text


_PUBLIC = {"https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public"}


def _is_direct(ob: dict, act: dict) -> bool:
    """A direct message in an outbox: addressed (``to``/``cc``) to neither the public nor a
    followers collection, only to the people mentioned. Mastodon writes public posts ``to`` Public,
    unlisted ``cc`` Public, followers-only ``to`` the account's ``/followers``, direct ones ``to`` the
    mentioned actors only (mastodon/mastodon app/lib/activitypub/tag_manager.rb ``to``/``cc``; the
    same rule is used by public readers that turn to/cc back into a visibility). No addressing at
    all says nothing, so that is not a DM."""
    found = [x for k in ("to", "cc") for src in (ob, act)
             for x in (src.get(k) if isinstance(src.get(k), list) else [src.get(k)]) if isinstance(x, str) and x]
    return bool(found) and not any(x in _PUBLIC or x.rstrip("/").endswith("/followers") for x in found)


def parse(obj: Any, opts: Options) -> pd.DataFrame:
    statuses = _statuses(obj)
    if statuses is not None:
        return _parse_statuses(statuses, opts, account_list=isinstance(obj, list))
    if obj.get("type") not in _COLLECTIONS:
        raise DataError("this is the Mastodon profile (actor.json), which holds no posts; load "
                        "outbox.json from the same archive", source=opts.source)
    key = "orderedItems" if "orderedItems" in obj else "items"
    if key not in obj:
        raise DataError("this collection holds no posts, only a link to its first page ('first'); "
                        "save that page, or load outbox.json from the account's archive",
                        source=opts.source, field="first")
    items = obj.get(key)
    if not isinstance(items, list):
        raise DataError(f"'{key}' should be a list of activities", source=opts.source, field=key)
    if items and all(isinstance(x, str) for x in items[:50]):
        raise DataError("this collection holds only links (e.g. likes.json or bookmarks.json), not posts; "
                        "load outbox.json", source=opts.source, field=key)
    rows = []
    owner_found = None
    for i, act in enumerate(items):
        where = f"{key}[{i}]"
        typ = act.get("type") if isinstance(act, dict) else None
        owner_found = owner_found or _handle(act.get("actor") if isinstance(act, dict) else None)
        if typ == "Announce":
            opts.tracker.skip("boost of another post (text not in the archive)", 1, [where])
            continue
        ob = act.get("object") if isinstance(act, dict) else None
        if typ == "Create" and isinstance(ob, str):
            opts.tracker.skip("post given only as a link (text not in the file)", 1, [where])
            continue
        if typ != "Create" or not isinstance(ob, dict):
            opts.tracker.skip(f"{typ if isinstance(typ, str) else 'unknown'} activity (not a post)", 1, [where])
            continue
        cmap = ob.get("contentMap")
        parent = _str(ob.get("inReplyTo"))
        text = _content(ob, "content", "summary")
        choices = [c.get("name") for k in ("oneOf", "anyOf") for c in (ob.get(k) if isinstance(ob.get(k), list) else [])
                   if isinstance(c, dict) and isinstance(c.get("name"), str) and c["name"].strip()]
        if ob.get("type") == "Question" and choices:   # a poll: its options are part of what was asked
            text = f"{text} ({' / '.join(c.strip() for c in choices)})".strip()
        rows.append({"_row": where, "message_id": _str(ob.get("id")), "parent_id": parent,
                     "created_at": ob.get("published") or act.get("published"),
                     "author_is_org": True,
                     "kind": "message" if _is_direct(ob, act) else "reply" if parent else "post",
                     "text": text,
                     "language": next(iter(cmap), None) if isinstance(cmap, dict) and cmap else None,
                     "_has_media": bool(ob.get("attachment"))})
    owner = opts.owner(owner_found, platform="mastodon")
    f = pd.DataFrame(rows)
    if len(f):
        f["author_id"] = owner
        f["author_name"] = owner
    opts.tracker.rows_in = len(items)
    total = obj.get("totalItems")
    if isinstance(total, int) and total != len(items) and obj.get("type") in ("OrderedCollection", "Collection"):
        opts.tracker.warnings.append(f"the archive says totalItems = {total} but holds {len(items)} "
                                     "activities; the activities actually present were counted")
    opts.natural_org = owner.lstrip("@").split("@")[0] if owner else None
    return f


def _account_handle(acc: dict) -> str:
    """``@user@server`` for an API account (local accounts' ``acct`` has no server part)."""
    acct = str(acc.get("acct") or acc.get("username") or "").lstrip("@")
    if acct and "@" not in acct:
        host = urlparse(str(acc.get("url") or "")).netloc
        acct = f"{acct}@{host}" if host else acct
    return f"@{acct}" if acct else ""


def _user(handle: str) -> str:
    """``@user@server`` → ``user`` (an organisation's name from its handle)."""
    return handle.strip().lstrip("@").split("@")[0]


def _parse_statuses(pairs: list[tuple[str, Any]], opts: Options, account_list: bool = False) -> pd.DataFrame:
    """API statuses. ``account_list``: the file is a plain list (``/accounts/:id/statuses``, or a
    timeline). When such a list is all one account's (boosts included: their wrapper is the
    booster's) and no handle is named for Mastodon (``org_handles``, the profile's Mastodon
    handle), that account is the owner, as in an outbox: its statuses are the organisation's.
    Named handles always decide."""
    rows, authors, accounts = [], [], []
    for where, st in pairs:
        if not isinstance(st, dict):
            opts.tracker.skip("not a Mastodon status", 1, [where])
            continue
        acc = st.get("account") if isinstance(st.get("account"), dict) else {}
        handle = _account_handle(acc)
        accounts.append(handle)
        if st.get("reblog"):
            opts.tracker.skip("boost (reblog) of another post", 1, [where])
            continue
        mine = any(opts.is_handle(h) for h in (handle, handle.split("@")[1] if handle.count("@") == 2 else "",
                                                 acc.get("acct"), acc.get("username")) if h)
        authors.append(handle)
        lang = st.get("language")
        rows.append({"_row": where, "message_id": _str(st.get("id")) or _str(str(st.get("id") or "")),
                     "parent_id": _str(st.get("in_reply_to_id")) or _str(str(st.get("in_reply_to_id") or "")),
                     "created_at": st.get("created_at"), "author_id": handle or None,
                     "author_name": _plain(acc.get("display_name")) or _plain(acc.get("username")) or handle or None,
                     "author_is_org": mine, "kind": "message" if st.get("visibility") == "direct" else None,
                     "text": _content(st, "content", "spoiler_text"),
                     "likes": st.get("favourites_count"), "shares": st.get("reblogs_count"),
                     "replies": st.get("replies_count"), "language": lang if isinstance(lang, str) else None,
                     "_has_media": bool(st.get("media_attachments"))})
    opts.tracker.rows_in = len(pairs)
    named = bool(opts.own_handles or opts.profile_handles.get(PLATFORM))
    one = accounts[0] if accounts and len(set(accounts)) == 1 and accounts[0] else None
    if one and account_list and not named and rows:
        for r in rows:
            r["author_is_org"] = True
        opts.tracker.warnings.append(
            f"every status is by one account, {one}, so they were taken as the organisation's own "
            "posts and replies (as in an outbox.json); if that account is not the organisation, "
            "pass org_handles= with the organisation's handle")
    if named:
        opts.natural_org = _user(opts.owner(platform=PLATFORM))
    elif authors and len(set(authors)) == 1 and authors[0]:
        opts.natural_org = _user(authors[0])
    return pd.DataFrame(rows)
