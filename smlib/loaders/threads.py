"""Threads (Meta) "Download your information" JSON: ``threads_and_replies.json`` (in
``your_instagram_activity/threads/`` of the download), the account's own posts and replies::

    {"text_post_app_text_posts": [
        {"media": [{"uri": "", "creation_timestamp": 1754466859, "title": "Thanks, sorted now!",
                    "text_app_post": {"reply_control": "everyone", "is_reply": true}}]},
        {"title": "New timetable from Monday", "creation_timestamp": 1754500000,
         "media": [{"uri": "media/posts/202508/x.jpg", "creation_timestamp": 1754500000, "title": ""}]}]}

Every post is a ``media`` list, even a post of words only (one entry with an empty ``uri`` and the
words in its ``title``); a post with photos has its words and time on the post itself and one
entry per photo. Layout from public parsers of real downloads (see docs/loading.md); Meta's
text is repaired like Instagram's (Latin-1-escaped UTF-8).

Mapping: the post's ``title``, else its first media ``title`` → text; ``creation_timestamp`` (the
post's, else its first media's) → created_at; the first non-empty media ``uri`` → message_id
(else ``threads-<n>``); ``text_app_post.is_reply`` → kind ``reply`` (the download does not say
what it replies to), else ``post``. The author is the account's owner (``org_handles[0]``, else the
profile's Threads or Instagram handle, else ``org``) and ``author_is_org`` is True. A post with a
photo but no words is kept with empty text.

The download's other Threads files (likes, saved posts, followers, the profile) hold no
messages: they are a DataError naming ``threads_and_replies.json``.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from ..errors import DataError
from ._options import Options
from ._rows import mostly_items
from ._text import as_text as _str, clean_text, fix_mojibake_deep

PLATFORM = "threads"
PREFIX = "text_post_app_"
"""Every section of Meta's Threads download starts with this (Threads was "text post app")."""
POST_KEYS = ("text_post_app_text_posts",)
"""Sections holding the account's own posts and replies (``threads_and_replies.json``)."""
NOT_MESSAGES = {
    "text_post_app_media_likes": "threads the account liked (liked_threads.json)",
    "text_post_app_text_post_app_saved_posts": "threads the account saved (saved_threads.json)",
    "text_post_app_text_post_app_followers": "the account's followers (followers.json)",
    "text_post_app_text_post_app_following": "accounts the account follows (following.json)",
    "text_post_app_text_post_app_profile": "the account's profile (personal_information.json)",
}


def _is_post(x: Any) -> bool:
    return isinstance(x, dict) and isinstance(x.get("media"), list)


def detect(obj: Any) -> bool:
    """A JSON object with a section of Meta's Threads download (``text_post_app_…``)."""
    return isinstance(obj, dict) and any(isinstance(k, str) and k.startswith(PREFIX) for k in obj)


def _expected(obj: dict, source: str) -> DataError:
    found = [k for k in obj if str(k).startswith(PREFIX)]
    what = "; ".join(NOT_MESSAGES[k] for k in found if k in NOT_MESSAGES)
    return DataError(f"this is a file from Meta's Threads download (sections {found[:6]}"
                     f"{': ' + what if what else ''}), but not one of posts. Expected "
                     "threads_and_replies.json: {'text_post_app_text_posts': [{'media': [{'title': <text>, "
                     "'creation_timestamp': <epoch seconds>, 'uri': ...}]}, ...]}", source=source)


def _post_row(p: dict, where: str, n: int, owner: str) -> dict:
    media = [m for m in p["media"] if isinstance(m, dict)]
    text = _str(p.get("title")) or next((_str(m.get("title")) for m in media if _str(m.get("title"))), "")
    when = p.get("creation_timestamp") or next((m.get("creation_timestamp") for m in media
                                                if m.get("creation_timestamp")), None)
    uri = next((_str(m.get("uri")) for m in media if _str(m.get("uri"))), "")
    reply = any(isinstance(m.get("text_app_post"), dict) and m["text_app_post"].get("is_reply") is True
                for m in media)
    return {"_row": where, "message_id": uri or f"threads-{n}", "created_at": when, "author_id": owner,
            "author_name": owner, "author_is_org": True, "kind": "reply" if reply else "post",
            "text": clean_text(text), "_has_media": bool(uri)}


def parse(obj: Any, opts: Options) -> pd.DataFrame:
    obj = fix_mojibake_deep(obj)
    sections = [(k, obj[k]) for k in POST_KEYS if isinstance(obj.get(k), list)]
    if not sections or any(items and not mostly_items(items[:20], _is_post) for _, items in sections):
        raise _expected(obj, opts.source)
    owner = opts.owner(found=opts.profile_handles.get("instagram"), platform="threads")
    rows: list[dict] = []
    n_in = 0
    for key, items in sections:
        for i, p in enumerate(items):
            n_in += 1
            where = f"{key}[{i}]"
            if _is_post(p):
                rows.append(_post_row(p, where, n_in, owner))
            else:
                opts.tracker.skip("not a Threads post", 1, [where])
    opts.tracker.rows_in = n_in
    opts.natural_org = owner
    return pd.DataFrame(rows)
