"""TikTok "Download your data" JSON (``user_data_tiktok.json``, older ``user_data.json``).

One object of sections; smlib reads the three that hold messages (newer name, else older):

* posts: ``Post`` (``Video``) → ``Posts`` (``Videos``) → ``VideoList[{Date, Link, Likes, Title, …}]``
  → kind ``post``; the caption (``Title``, else ``Description``/``Desc``) → text, kept with empty
  text when there is none (it is a video); ``Likes`` → likes; ``Link`` → message_id.
* comments the owner wrote: ``Comment`` → ``Comments`` → ``CommentsList[{date, comment, photo,
  url}]`` (or ``Date``/``Comment``) → kind ``comment``.
* direct messages: ``Direct Message`` (``Direct Messages``) → ``Direct Messages`` (``Chat History``)
  → ``ChatHistory{"Chat History with <user>:": [{Date, From, Content}]}`` → kind ``message``,
  thread_id = the other person, author = ``From``.
* comments and questions the owner wrote in live streams: ``Tiktok Live`` → ``Watch Live History``
  → ``WatchLiveMap{<live id>: {Comments[{CommentTime, CommentContent}], Questions[{QuestionTime,
  QuestionContent}]}}`` → kind ``comment``, thread_id ``tt-live-<live id>`` (layout as read by
  abrignoni/RLEAPP scripts/artifacts/tikTokArchiveJson.py and zollo/tiktok-downloader
  data_structure.yml).

The owner is ``org_handles[0]``, else the sample profile's TikTok handle, else the file's
``Profile`` → ``Profile Info`` (``Profile Information``) → ``ProfileMap.userName``. Posts and
comments are the owner's (``author_is_org`` True); a direct message is the organisation's when
``From`` is the owner or one of its handles. Dates are written ``YYYY-MM-DD HH:MM:SS`` without a
zone (read as ``timezone=``, else UTC, with a warning). Other sections (watch history, likes,
settings, shop) are not messages and are not counted.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from ._options import Options
from ._text import as_text, clean_text

PLATFORM = "tiktok"
SECTIONS = {"Profile", "Your Activity", "Activity", "Comment", "Post", "Video", "Direct Message",
            "Direct Messages", "App Settings", "Tiktok Live", "TikTok Live", "TikTok Shop", "Ads and data"}


def _get(d: Any, *keys: str) -> Any:
    """The first of ``keys`` present in dict ``d`` (else {})."""
    if not isinstance(d, dict):
        return {}
    return next((d[k] for k in keys if k in d), {})


def _lists(obj: dict) -> tuple[Any, Any, Any]:
    posts = _get(_get(obj, "Post", "Video"), "Posts", "Videos")
    posts = posts.get("VideoList") if isinstance(posts, dict) else None
    com = _get(obj, "Comment")
    if isinstance(com, dict) and isinstance(com.get("Comments"), dict):
        com = com["Comments"]
    com = com.get("CommentsList") if isinstance(com, dict) else None
    dms = _get(_get(obj, "Direct Message", "Direct Messages"), "Direct Messages", "Chat History")
    dms = dms.get("ChatHistory") if isinstance(dms, dict) else None
    return posts, com, dms


def detect(obj: Any) -> bool:
    """Two or more of TikTok's section names at the top (an account with no posts is still one)."""
    return isinstance(obj, dict) and len(SECTIONS & set(obj)) >= 2


def _str(v: Any) -> str:
    return "" if v == "N/A" else as_text(v)   # TikTok writes "N/A" for "none"


def parse(obj: Any, opts: Options) -> pd.DataFrame:
    pm = _get(_get(_get(obj, "Profile"), "Profile Info", "Profile Information"), "ProfileMap")
    found = _str(pm.get("userName")) if isinstance(pm, dict) else ""
    owner = opts.owner(found or None, platform=PLATFORM)
    posts, comments, chats = _lists(obj)
    lives = _get(_get(_get(obj, "Tiktok Live", "TikTok Live"), "Watch Live History"), "WatchLiveMap")
    rows: list[dict] = []
    n_in = 0

    def each(items: Any, label: str):
        """(n, where, item) for the objects in a list; anything else is counted and skipped."""
        nonlocal n_in
        for n, x in enumerate(items if isinstance(items, list) else []):
            n_in += 1
            if isinstance(x, dict):
                yield n, f"{label}[{n}]", x
            else:
                opts.tracker.skip("not a TikTok item", 1, [f"{label}[{n}]"])

    for i, where, p in each(posts, "Post.VideoList"):
        text = next((_str(p.get(k)) for k in ("Title", "Description", "Desc", "Caption") if _str(p.get(k))), "")
        mid = _str(p.get("Link")) or f"tt-post-{i}"
        rows.append({"_row": where, "message_id": mid, "thread_id": mid,   # each its own thread (finish() fills
                     # thread_id only when no row has one, and DM rows do)
                     "created_at": p.get("Date"), "author_id": owner, "author_name": owner,
                     "author_is_org": True, "kind": "post", "text": clean_text(text),
                     "likes": p.get("Likes"), "_has_media": True})
    for i, where, c in each(comments, "Comment.CommentsList"):
        rows.append({"_row": where, "message_id": f"tt-comment-{i}", "thread_id": f"tt-comment-{i}",
                     "created_at": c.get("date", c.get("Date")), "author_id": owner, "author_name": owner,
                     "author_is_org": True, "kind": "comment",
                     "text": clean_text(_str(c.get("comment", c.get("Comment")))),
                     "_has_media": bool(_str(c.get("photo", c.get("Photo"))))})
    for key, msgs in (chats.items() if isinstance(chats, dict) else []):
        other = str(key).replace("Chat History with ", "").rstrip(":").strip() or str(key)
        for j, where, m in each(msgs if isinstance(msgs, list) else [msgs], f"ChatHistory[{key!r}]"):
            sender = _str(m.get("From")) or None   # not given: the author is left empty
            mine = bool(sender) and ((bool(found) and sender == found) or sender == owner or opts.is_handle(sender))
            rows.append({"_row": where, "message_id": f"tt-dm-{other}-{j}", "thread_id": f"tt-dm-{other}",
                         "created_at": m.get("Date"), "author_id": sender, "author_name": sender,
                         "author_is_org": mine, "kind": "message", "text": clean_text(_str(m.get("Content")))})
    for live_id, live in (lives.items() if isinstance(lives, dict) else []):
        if not isinstance(live, dict):
            continue
        for kind_key, time_key, text_key in (("Comments", "CommentTime", "CommentContent"),
                                             ("Questions", "QuestionTime", "QuestionContent")):
            for j, where, c in each(live.get(kind_key), f"WatchLiveMap[{live_id!r}].{kind_key}"):
                mid = f"tt-live-{live_id}-{kind_key.lower()}-{j}"
                rows.append({"_row": where, "message_id": mid, "thread_id": f"tt-live-{live_id}",
                             "created_at": c.get(time_key), "author_id": owner, "author_name": owner,
                             "author_is_org": True, "kind": "comment", "text": clean_text(_str(c.get(text_key)))})
    if n_in == 0:
        opts.tracker.warnings.append(
            "this TikTok file holds no posts, comments or direct messages (sections found: "
            f"{', '.join(map(str, list(obj)[:12]))}); download the data again with 'Posts', 'Comments' "
            "and 'Direct messages' ticked")
    opts.tracker.rows_in = n_in
    opts.natural_org = owner
    return pd.DataFrame(rows)
