"""YouTube Data API v3 ``commentThreads.list`` responses (with or without ``replies``), a bare
list of commentThread items, or a ``comments.list`` response.

Mapping: thread ``topLevelComment`` → kind ``comment`` (message_id = comment id, thread_id = thread
id, replies = ``totalReplyCount``); each ``replies.comments[]`` → kind ``reply`` with parent_id =
``parentId`` (or the top comment). ``textOriginal`` → text, else ``textDisplay`` turned from HTML
into plain text (stray U+FEFF removed); ``authorChannelId.value`` → author_id (else the display
name); ``authorDisplayName`` → author_name; ``likeCount`` → likes; ``publishedAt`` → created_at.
``author_is_org``: the author is the video's channel (``channelId``, when the response has it) or
one of ``org_handles``. Replies YouTube counted but did not include are reported as a warning.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from ._options import Options
from ._text import clean_text, html_to_text

PLATFORM = "youtube"


def _items(obj: Any) -> list | None:
    if isinstance(obj, dict) and str(obj.get("kind", "")).startswith("youtube#") and isinstance(obj.get("items"), list):
        return obj["items"]
    if isinstance(obj, list) and obj and all(isinstance(x, dict) and str(x.get("kind", "")).startswith(
            "youtube#comment") for x in obj[:20]):
        return obj
    return None


def detect(obj: Any) -> bool:
    return _items(obj) is not None


def _row(c: dict, where: str, kind: str, thread: str | None, parent: str | None, channel: str | None) -> dict:
    s = c.get("snippet") or {}
    author = (s.get("authorChannelId") or {}).get("value") if isinstance(s.get("authorChannelId"), dict) else None
    text = s.get("textOriginal")
    text = clean_text(text) if isinstance(text, str) else html_to_text(s.get("textDisplay"))
    return {"_row": where, "message_id": c.get("id"), "parent_id": parent or s.get("parentId"),
            "thread_id": thread or c.get("id"), "created_at": s.get("publishedAt"),
            "author_id": author or s.get("authorDisplayName"), "author_name": s.get("authorDisplayName"),
            "author_is_org": bool(channel and author and author == channel), "kind": kind,
            "text": text, "likes": s.get("likeCount")}


def parse(obj: Any, opts: Options) -> pd.DataFrame:
    items = _items(obj) or []
    rows, n_in, missing = [], 0, 0
    for i, it in enumerate(items):
        n_in += 1
        where = f"items[{i}]"
        kind = str(it.get("kind", "")) if isinstance(it, dict) else ""
        if kind == "youtube#comment":  # comments.list response
            rows.append(_row(it, where, "reply" if (it.get("snippet") or {}).get("parentId") else "comment",
                             None, None, (it.get("snippet") or {}).get("channelId")))
            continue
        sn = it.get("snippet") if isinstance(it, dict) else None
        top = sn.get("topLevelComment") if isinstance(sn, dict) else None
        if not isinstance(top, dict):
            opts.tracker.skip("not a YouTube comment thread", 1, [where])
            continue
        channel = sn.get("channelId")
        r = _row(top, where, "comment", it.get("id") or top.get("id"), None, channel)
        r["replies"] = sn.get("totalReplyCount") or 0
        rows.append(r)
        got = (it.get("replies") or {}).get("comments") or []
        for j, c in enumerate(got):
            n_in += 1
            rows.append(_row(c, f"{where}.replies[{j}]", "reply", r["thread_id"], top.get("id"), channel))
        missing += max(0, int(sn.get("totalReplyCount") or 0) - len(got))
    if missing:
        opts.tracker.warnings.append(
            f"{missing} repl(ies) counted by YouTube are not in the file (ask the API for "
            "part=snippet,replies, or fetch comments.list per thread)")
    opts.tracker.rows_in = n_in
    return pd.DataFrame(rows)
