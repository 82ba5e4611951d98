"""YouTube Data API v3 ``commentThreads.list`` responses (with or without ``replies``), a bare
list of commentThread items, a ``comments.list`` response, or a JSON array of several saved
response pages (``[{"kind": "youtube#commentThreadListResponse", "items": [...]}, ...]``).

Mapping: thread ``topLevelComment`` → kind ``comment`` (message_id = comment id, thread_id = thread
id, replies = ``totalReplyCount``); each ``replies.comments[]`` → kind ``reply`` with parent_id =
``parentId`` (or the top comment). In a ``comments.list`` response a reply's thread_id is its
``parentId`` (YouTube's thread id is the top comment's id). ``textOriginal`` → text, else
``textDisplay`` turned from HTML into plain text (stray U+FEFF removed); ``authorChannelId.value`` →
author_id (else the display name); ``authorDisplayName`` → author_name; ``likeCount`` → likes;
``publishedAt`` → created_at.
``author_is_org``: the author is the video's channel (``channelId``, when the response has it) or
one of ``org_handles``. Replies YouTube counted but did not include are reported as a warning.
A saved API error (``{"error": {"code": 403, ...}}``) is a DataError quoting YouTube's reason.

Also read: a live stream's chat saved from ``liveChatMessages.list`` (``youtube#liveChatMessage``
items → kind ``message``, thread = ``liveChatId``, the chat owner is the organisation; events that
are not messages — chat ended, deletions, bans, new members — are skipped and counted), and
comments saved by yt-dlp (``--write-comments``: the video's ``.info.json`` with a
``comments`` list, or that list alone): ``parent`` ``"root"`` → kind ``comment``, else ``reply``;
``timestamp`` (epoch) → created_at; ``author_id``/``author``; ``like_count`` → likes;
``author_is_uploader`` → the organisation's; org when not given = the video's ``uploader_id``.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from ..errors import DataError
from ._options import Options
from ._text import as_id, clean_text, html_to_text

PLATFORM = "youtube"


def _is_response(x: Any) -> bool:
    return isinstance(x, dict) and str(x.get("kind", "")).startswith("youtube#") \
        and str(x.get("kind", "")).endswith("ListResponse") and isinstance(x.get("items"), list)


def _is_api_error(obj: Any) -> bool:
    err = obj.get("error") if isinstance(obj, dict) else None
    return isinstance(err, dict) and "code" in err and isinstance(err.get("errors", []), list) \
        and ("message" in err or "errors" in err)


def _items(obj: Any) -> list[tuple[str, Any]] | None:
    """(where, item) pairs, or None when this is not a YouTube comments response."""
    if isinstance(obj, dict) and str(obj.get("kind", "")).startswith("youtube#") and isinstance(obj.get("items"), list):
        return [(f"items[{i}]", x) for i, x in enumerate(obj["items"])]
    if isinstance(obj, list) and obj and all(_is_response(x) for x in obj[:20]) and all(
            _is_response(x) for x in obj):
        return [(f"[{k}].items[{i}]", x) for k, page in enumerate(obj) for i, x in enumerate(page["items"])]
    if isinstance(obj, list) and obj and all(isinstance(x, dict) and str(x.get("kind", "")).startswith(
            "youtube#comment") and not str(x.get("kind")).endswith("ListResponse") for x in obj[:20]):
        return [(f"[{i}]", x) for i, x in enumerate(obj)]
    return None


def _is_ytdlp_comment(x: Any) -> bool:
    return isinstance(x, dict) and "id" in x and "text" in x and "parent" in x and "timestamp" in x


def _ytdlp(obj: Any) -> tuple[list, dict] | None:
    """(comments, video info) for yt-dlp's ``--write-comments`` output: the video's
    ``<id>.info.json`` (``{id, title, channel_id, uploader_id, …, "comments": [...]}``) or just its
    ``comments`` list. Each comment is ``{id, parent ("root" or the parent's id), text, timestamp
    (epoch seconds), like_count, author, author_id, author_is_uploader, is_pinned, _time_text}``
    (yt-dlp/extractor/common.py, as mirrored by YoutubeDLSharp's CommentData and pukkandan's
    yt-dlp_json-prettifier.py, which nests replies by ``parent == 'root'``)."""
    info: dict = {}
    items = obj
    if isinstance(obj, dict) and isinstance(obj.get("comments"), list):
        info, items = obj, obj["comments"]
    if not (isinstance(items, list) and items):
        return None
    first = items[:20]
    ok = all(_is_ytdlp_comment(x) for x in first) and (
        bool(info.get("webpage_url") or info.get("channel_id") or info.get("uploader_id"))
        or any(x.get("parent") == "root" or "author_is_uploader" in x for x in first))
    return (items, info) if ok else None


def detect(obj: Any) -> bool:
    return _items(obj) is not None or _is_api_error(obj) or _ytdlp(obj) is not None


def _parse_ytdlp(items: list, info: dict, opts: Options) -> pd.DataFrame:
    """yt-dlp comments → rows: parent "root" means a top-level comment (kind ``comment``), else
    kind ``reply``; thread = the top-level comment (YouTube threads are one level deep);
    ``author_is_uploader`` (or the video's ``channel_id``, or ``org_handles``) → the organisation."""
    channel = as_id(info.get("channel_id"))
    rows = []
    for i, c in enumerate(items):
        where = f"comments[{i}]" if info else f"[{i}]"
        if not isinstance(c, dict):
            opts.tracker.skip("not a YouTube comment", 1, [where])
            continue
        parent = as_id(c.get("parent"))
        parent = None if parent in (None, "root") else parent
        author, name = as_id(c.get("author_id")), as_id(c.get("author"))
        mine = c.get("author_is_uploader") is True or bool(channel and author == channel) \
            or opts.is_handle(name) or opts.is_handle(author)
        text = c.get("text")
        rows.append({"_row": where, "message_id": as_id(c.get("id")), "parent_id": parent,
                     "thread_id": parent or as_id(c.get("id")), "created_at": c.get("timestamp"),
                     "author_id": author or name, "author_name": name, "author_is_org": mine,
                     "kind": "reply" if parent else "comment",
                     "text": clean_text(text) if isinstance(text, str) else "", "likes": c.get("like_count")})
    opts.tracker.rows_in = len(items)
    who = as_id(info.get("uploader_id")) or as_id(info.get("channel"))
    opts.natural_org = who.lstrip("@") if who else None
    return pd.DataFrame(rows)


def _count(v: Any) -> int:
    try:
        return max(0, int(v or 0))
    except (TypeError, ValueError):
        return 0



def _row(c: dict, where: str, kind: str, thread: str | None, parent: str | None, channel: str | None) -> dict:
    s = c.get("snippet") if isinstance(c.get("snippet"), dict) else {}
    author = as_id(s["authorChannelId"].get("value")) if isinstance(s.get("authorChannelId"), dict) else None
    text = s.get("textOriginal")
    text = clean_text(text) if isinstance(text, str) else html_to_text(s.get("textDisplay"))
    name = as_id(s.get("authorDisplayName"))
    return {"_row": where, "message_id": as_id(c.get("id")), "parent_id": parent or as_id(s.get("parentId")),
            "thread_id": thread or as_id(s.get("parentId")) or as_id(c.get("id")), "created_at": s.get("publishedAt"),
            "author_id": author or name, "author_name": name,
            "author_is_org": bool(channel and author and author == channel), "kind": kind,
            "text": text, "likes": s.get("likeCount")}


_LIVE_TEXT = {"textMessageEvent": ("textMessageDetails", "messageText"),
              "superChatEvent": ("superChatDetails", "userComment"),
              "superStickerEvent": ("superStickerDetails", "userComment")}


def _live_row(m: dict, where: str, opts: Options) -> dict | None:
    """A ``youtube#liveChatMessage`` (Data API ``liveChatMessages.list``) as a row, kind ``message``
    in the chat's thread (``liveChatId``); the chat owner (``authorDetails.isChatOwner``) is the
    organisation. None for events that are not messages (``chatEndedEvent``, ``messageDeletedEvent``,
    ``userBannedEvent``, new members, polls…). Field names per the API's LiveChatMessage resource
    (as in googleapis' generated clients: snippet{type, liveChatId, publishedAt, displayMessage,
    textMessageDetails{messageText}, superChatDetails{userComment}}, authorDetails{channelId,
    displayName, isChatOwner})."""
    sn = m.get("snippet") if isinstance(m.get("snippet"), dict) else {}
    where_text = _LIVE_TEXT.get(as_id(sn.get("type")) or "")
    if where_text is None:
        return None
    det = sn.get(where_text[0]) if isinstance(sn.get(where_text[0]), dict) else {}
    text = det.get(where_text[1])
    text = text if isinstance(text, str) else sn.get("displayMessage") if where_text[0] == "textMessageDetails" else ""
    ad = m.get("authorDetails") if isinstance(m.get("authorDetails"), dict) else {}
    author, name = as_id(ad.get("channelId")) or as_id(sn.get("authorChannelId")), as_id(ad.get("displayName"))
    return {"_row": where, "message_id": as_id(m.get("id")),
            "thread_id": as_id(sn.get("liveChatId")) or as_id(m.get("id")),
            "created_at": sn.get("publishedAt"), "author_id": author or name, "author_name": name,
            "author_is_org": ad.get("isChatOwner") is True or opts.is_handle(name) or opts.is_handle(author),
            "kind": "message", "text": clean_text(text) if isinstance(text, str) else ""}


def parse(obj: Any, opts: Options) -> pd.DataFrame:
    if _is_api_error(obj):
        err = obj["error"]
        reasons = [str(e.get("reason")) for e in err.get("errors") or [] if isinstance(e, dict) and e.get("reason")]
        raise DataError(f"this is a saved YouTube API error, not comments: {err.get('code')} "
                        f"{html_to_text(err.get('message'))[:200]}"
                        f"{' (' + ', '.join(reasons) + ')' if reasons else ''}; fetch the comments again",
                        source=opts.source)
    if _items(obj) is None and _ytdlp(obj) is not None:
        return _parse_ytdlp(*_ytdlp(obj), opts)
    items = _items(obj) or []
    rows, n_in, missing = [], 0, 0
    for where, it in items:
        n_in += 1
        kind = str(it.get("kind", "")) if isinstance(it, dict) else ""
        if kind == "youtube#liveChatMessage":   # liveChatMessages.list response
            row = _live_row(it, where, opts)
            if row is None:
                sn = it.get("snippet") if isinstance(it.get("snippet"), dict) else {}
                opts.tracker.skip(f"live chat event '{as_id(sn.get('type')) or 'unknown'}' (not a message)", 1, [where])
            else:
                rows.append(row)
            continue
        if kind == "youtube#comment":  # comments.list response
            sn = it.get("snippet") if isinstance(it.get("snippet"), dict) else {}
            rows.append(_row(it, where, "reply" if as_id(sn.get("parentId")) else "comment", None, None,
                             as_id(sn.get("channelId"))))
            continue
        sn = it.get("snippet") if isinstance(it, dict) else None
        top = sn.get("topLevelComment") if isinstance(sn, dict) else None
        if not isinstance(top, dict):
            opts.tracker.skip("not a YouTube comment thread", 1, [where])
            continue
        channel = as_id(sn.get("channelId"))
        r = _row(top, where, "comment", as_id(it.get("id")) or as_id(top.get("id")), None, channel)
        r["replies"] = _count(sn.get("totalReplyCount"))
        rows.append(r)
        rep = it.get("replies")
        got = rep.get("comments") if isinstance(rep, dict) else None
        got = got if isinstance(got, list) else []
        for j, c in enumerate(got):
            n_in += 1
            if not isinstance(c, dict):
                opts.tracker.skip("not a YouTube comment", 1, [f"{where}.replies[{j}]"])
                continue
            rows.append(_row(c, f"{where}.replies[{j}]", "reply", r["thread_id"], as_id(top.get("id")), channel))
        missing += max(0, r["replies"] - len(got))
    if missing:
        opts.tracker.warnings.append(
            f"{missing} {'reply' if missing == 1 else 'replies'} counted by YouTube "
            f"{'is' if missing == 1 else 'are'} not in the file (ask the API for "
            "part=snippet,replies, or fetch comments.list per thread)")
    opts.tracker.rows_in = n_in
    return pd.DataFrame(rows)
