"""Instagram data download JSON: posts/media (a list of ``{media[{uri, creation_timestamp,
title}], title, creation_timestamp}``, plus ``ig_igtv_media``/``ig_stories`` entries) and
comments (``{"comments_media_comments": [{title, string_list_data[{value, timestamp}]}]}``, and
the newer ``[{string_map_data: {Comment, Media Owner, Time}}]`` layout).

Also: reels comments (``{"comments_reels_comments": [...]}`` in either comment layout), stories
and other media lists whose items are bare media (``{"ig_stories": [{uri, creation_timestamp,
title}]}``), ``ig_archived_post_media``, and ``string_map_data`` labels in another language
(``Tijd`` for ``Time``): the comment is the first labelled ``value`` that is not the media owner,
the time the first ``timestamp``.

The newer ``label_values`` layout (2024-25 posts, saved and liked posts) is read by
:mod:`smlib.loaders._meta`.

Media saved from the Instagram Graph API (``{"data": [{id, caption, timestamp, username,
like_count, comments_count, comments{data[{id, text, timestamp, username, like_count,
replies{data[…]}}]}}]}``) are read too: the media are the account's posts, comments and replies
rows under them (the organisation's when written by the media's owner or ``org_handles``).

Text is repaired like Facebook's (Latin-1-escaped UTF-8). Mapping: caption (the post's
``title``, else its first media item's) → text, kind ``post``, kept with empty text because it is a
photo/video; a comment's ``value``/``Comment`` → text, kind ``comment``; ``creation_timestamp``/
``timestamp`` → created_at; message_id is the first media ``uri`` (posts) or ``ig-comment-<n>``.
All items are the archive owner's own activity: ``author_is_org`` True.
The 2020 ``comments.json`` (``{"media_comments": [[date, text, media owner], …], "live_comments":
[…]}``, dates as ISO text) is read the same way: the owner's comments.
Skipped and counted: the profile picture entry (not a message). Files of the download that hold
no messages — lists of accounts (``followers_1.json``, ``following.json``: entries whose link is
``instagram.com/<the name>``, or ``relationships_…`` sections) and likes (``likes_media_likes``) —
are a DataError saying what they are and which files to load.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from ..errors import DataError
from . import _meta
from .facebook import graph_items
from ._options import Options
from ._rows import mostly_items
from ._text import as_id, as_text as _str, clean_text, fix_mojibake_deep

PLATFORM = "instagram"
POST_LIST_KEYS = ("ig_igtv_media", "ig_stories", "ig_reels_media", "ig_posts", "ig_archived_post_media",
                  "ig_other_media", "ig_recently_deleted_media")
SKIP_KEYS = ("ig_profile_picture",)
OWNER_LABELS = ("media owner", "owner", "eigenaar", "propriétaire", "propietario", "besitzer",
                "proprietario", "proprietário")
COMMENT_KEYS = ("comments_media_comments", "comments_reels_comments", "comments_live_comments",
                "media_comments", "live_comments")


def _is_post(x: Any) -> bool:
    return isinstance(x, dict) and isinstance(x.get("media"), list)


def _is_new_comment(x: Any) -> bool:
    return isinstance(x, dict) and isinstance(x.get("string_map_data"), dict)


def _is_2020_comment(x: Any) -> bool:
    """A comment in the download's ``comments.json`` before 2021: ``["2020-01-02T10:00:00+00:00",
    "the comment", "media owner's username"]`` in ``media_comments`` / ``live_comments`` (as public
    readers of that file take it: ``media_comments[i][0]`` the date, ``[1]`` the text)."""
    return isinstance(x, list) and len(x) in (2, 3) and isinstance(x[0], str) and isinstance(x[1], str)


def _is_account(x: Any) -> bool:
    """An entry of a list of accounts (``followers_1.json``, ``following.json``, close friends,
    blocked…): ``{title, media_list_data, string_list_data: [{href: "https://www.instagram.com/<name>",
    value: "<name>", timestamp}]}`` (newer files put the name in ``title`` and the link alone)."""
    sl = x.get("string_list_data") if isinstance(x, dict) else None
    s = sl[0] if isinstance(sl, list) and sl and isinstance(sl[0], dict) else None
    href = s.get("href") if s else None
    if not (isinstance(href, str) and "instagram.com/" in href):
        return False
    name = href.rstrip("/").rsplit("/", 1)[-1].lower()
    return name in (_str(s.get("value")).strip().lower(), _str(x.get("title")).strip().lower())


def _not_messages(obj: Any) -> str | None:
    """What a file of the Instagram download that holds no messages is (followers, following,
    likes), recognised by its shape; else None."""
    if isinstance(obj, dict):
        if obj and all(str(k).startswith("relationships_") for k in obj):
            return "a list of Instagram accounts (followers, following and the like: names and dates)"
        if any(k in obj for k in ("likes_media_likes", "likes_comment_likes")):
            return "the posts and comments the account liked (liked_posts.json, liked_comments.json)"
        if any(k in obj for k in COMMENT_KEYS + POST_LIST_KEYS + SKIP_KEYS) or len(obj) != 1:
            return None
        obj = next(iter(obj.values()))
    if isinstance(obj, list) and obj and mostly_items(obj[:20], _is_account):
        return "a list of Instagram accounts (followers, following and the like: names and dates)"
    return None


def _is_graph_media(x: Any) -> bool:
    """A media object from the Instagram Graph API (``/{ig-user-id}/media?fields=id,caption,
    media_type,timestamp,username,like_count,comments_count,comments{id,text,timestamp,username,
    like_count,replies{…}}``): ``id``, ``timestamp`` and a caption, media type, permalink or
    nested comments (Facebook's Graph objects have ``created_time`` instead)."""
    return isinstance(x, dict) and "id" in x and "timestamp" in x and "created_time" not in x and (
        "caption" in x or "media_type" in x or "permalink" in x or isinstance(x.get("comments"), dict))


def _parse_graph(pairs: list[tuple[str, Any]], opts: Options) -> pd.DataFrame:
    """The account's media and the comments under them, saved from the Instagram Graph API (field
    names as requested by e.g. juanisidroam/od_ig_tool ig_owned_comments.py: comments{id,
    timestamp,username,text,like_count,replies{…}}). Media are the account's posts; a comment is
    the organisation's when its ``username`` is the media's owner or one of ``org_handles``;
    replies' parent is their comment, thread the media. Comments Instagram counted
    (``comments_count``) but the file lacks are reported."""
    rows: list[dict] = []
    n_in = missing = 0
    owners: list[str] = []
    stack = [(w, x, None, None, None) for w, x in reversed(pairs)]
    while stack:
        where, it, parent, thread, owner = stack.pop()
        n_in += 1
        if not isinstance(it, dict):
            opts.tracker.skip("not an Instagram media or comment", 1, [where])
            continue
        mid, user = as_id(it.get("id")), as_id(it.get("username"))
        if parent is None:   # a media item: the account's own post
            owner = user or opts.owner(platform=PLATFORM)
            owners.append(owner)
            text, mine, kind = _str(it.get("caption")), True, "post"
        else:
            text = _str(it.get("text"))
            mine = bool(user and user == owner) or opts.is_handle(user)
            kind = "reply" if mine or parent != thread else "comment"
        rows.append({"_row": where, "message_id": mid, "parent_id": parent, "thread_id": thread or mid,
                     "created_at": it.get("timestamp"), "author_id": user or (owner if parent is None else None),
                     "author_name": user, "author_is_org": mine, "kind": kind, "text": clean_text(text),
                     "likes": it.get("like_count"), "_has_media": parent is None})
        kids = []
        for key in ("comments", "replies"):
            box = it.get(key)
            kids += [(f"{where}.{key}[{j}]", c) for j, c in enumerate(
                box.get("data") if isinstance(box, dict) and isinstance(box.get("data"), list) else [])]
        if parent is None and isinstance(it.get("comments_count"), int):
            top = it.get("comments")
            shown = top.get("data") if isinstance(top, dict) and isinstance(top.get("data"), list) else []
            missing += max(0, it["comments_count"] - len(shown) - sum(
                len(c["replies"]["data"]) for c in shown if isinstance(c, dict) and isinstance(c.get("replies"), dict)
                and isinstance(c["replies"].get("data"), list)))
        stack.extend((w, c, mid, thread or mid, owner) for w, c in reversed(kids))
    if missing:
        opts.tracker.warnings.append(
            f"{missing} comment(s) counted by Instagram (comments_count) are not in the file (ask the "
            "Graph API for more comments, or follow their 'paging' links)")
    opts.tracker.rows_in = n_in
    opts.natural_org = (opts.own_handles[0] if opts.own_handles else
                        max(set(owners), key=owners.count) if owners else None)
    return pd.DataFrame(rows)


def detect(obj: Any) -> bool:
    if graph_items(obj, _is_graph_media) is not None or _not_messages(obj) is not None:
        return True
    if _meta.label_items(obj) is not None:
        return _meta.platform_of(obj) == "instagram"
    if isinstance(obj, dict):
        return any(k in obj for k in COMMENT_KEYS + POST_LIST_KEYS + SKIP_KEYS)
    if isinstance(obj, list) and obj:
        ok = 0
        for x in obj[:50]:
            if _is_post(x) or _is_new_comment(x):
                ok += 1
            elif not (isinstance(x, dict) and any(k in x for k in POST_LIST_KEYS + SKIP_KEYS)):
                return False
        return ok > 0 or any(isinstance(x, dict) and any(k in x for k in POST_LIST_KEYS) for x in obj)
    return False


def _post_row(p: dict, where: str, owner: str) -> dict:
    media = [m for m in p.get("media") or [] if isinstance(m, dict)]
    caption = _str(p.get("title")) or next((_str(m.get("title")) for m in media if _str(m.get("title"))), "")
    when = p.get("creation_timestamp") or next((m.get("creation_timestamp") for m in media
                                                if m.get("creation_timestamp")), None)
    mid = next((_str(m.get("uri")) for m in media if _str(m.get("uri"))), None) or f"ig-post-{where}"
    return {"_row": where, "message_id": mid, "created_at": when, "author_id": owner, "author_name": owner,
            "author_is_org": True, "kind": "post", "text": clean_text(caption), "_has_media": bool(media)}


def _map_comment(sm: dict) -> tuple[str, Any]:
    """(text, timestamp) from a ``string_map_data`` comment, whatever language its labels are in."""
    entries = [(str(k), v) for k, v in sm.items() if isinstance(v, dict)]
    text = sm.get("Comment") if isinstance(sm.get("Comment"), dict) else next(
        (v for k, v in entries if "value" in v and not any(o in k.lower() for o in OWNER_LABELS)), {})
    when = sm.get("Time") if isinstance(sm.get("Time"), dict) else next(
        (v for _, v in entries if v.get("timestamp")), {})
    return _str(text.get("value")), when.get("timestamp")


def parse(obj: Any, opts: Options) -> pd.DataFrame:
    pairs = graph_items(obj, _is_graph_media)
    if pairs is not None:   # the Graph API writes real UTF-8: no mojibake to repair
        return _parse_graph(pairs, opts)
    what = _not_messages(obj)
    if what is not None:
        raise DataError(f"this is {what}, not messages: load the comments (post_comments_1.json, "
                        "reels_comments.json) or posts (posts_1.json) from the same Instagram download",
                        source=opts.source)
    obj = fix_mojibake_deep(obj)
    if _meta.label_items(obj) is not None:
        return _meta.parse(obj, opts, PLATFORM)
    owner = opts.owner(platform="instagram")
    rows: list[dict] = []
    n_in = 0

    def comments(items: list, section: str) -> None:
        nonlocal n_in
        for i, c in enumerate(items):
            where = f"{section}[{i}]"
            if _is_new_comment(c):
                n_in += 1
                text, when = _map_comment(c["string_map_data"])
                rows.append({"_row": where, "message_id": f"ig-comment-{section}-{i}",
                             "created_at": when, "author_id": owner, "author_name": owner,
                             "author_is_org": True, "kind": "comment", "text": clean_text(text)})
                continue
            if _is_2020_comment(c):   # comments.json before 2021: [date, text, media owner]
                n_in += 1
                rows.append({"_row": where, "message_id": f"ig-comment-{section}-{i}",
                             "created_at": c[0], "author_id": owner, "author_name": owner,
                             "author_is_org": True, "kind": "comment", "text": clean_text(c[1])})
                continue
            sl = c.get("string_list_data") if isinstance(c, dict) else None
            if not isinstance(sl, list) or not sl:
                n_in += 1
                opts.tracker.skip("not an Instagram comment", 1, [where])
                continue
            for j, s in enumerate(sl):
                n_in += 1
                if not isinstance(s, dict):
                    opts.tracker.skip("not an Instagram comment", 1, [f"{where}[{j}]"])
                    continue
                rows.append({"_row": f"{where}[{j}]", "message_id": f"ig-comment-{section}-{i}-{j}",
                             "created_at": s.get("timestamp"), "author_id": owner, "author_name": owner,
                             "author_is_org": True, "kind": "comment", "text": clean_text(_str(s.get("value")))})

    if isinstance(obj, dict):
        for key, items in obj.items():
            if key in COMMENT_KEYS and isinstance(items, list):
                comments(items, key)
            elif key in POST_LIST_KEYS + SKIP_KEYS and isinstance(items, list):
                for i, p in enumerate(items):
                    n_in += 1
                    if key in SKIP_KEYS:
                        opts.tracker.skip("profile picture (not a message)", 1, [f"{key}[{i}]"])
                    elif _is_post(p):
                        rows.append(_post_row(p, f"{key}[{i}]", owner))
                    elif isinstance(p, dict) and _str(p.get("uri")):   # stories: bare media items
                        rows.append(_post_row({"media": [p]}, f"{key}[{i}]", owner))
                    else:
                        opts.tracker.skip("not an Instagram post", 1, [f"{key}[{i}]"])
    else:
        new_comments = [x for x in obj if _is_new_comment(x)]
        if new_comments:
            comments(new_comments, "comments")
        for i, x in enumerate(obj):
            if _is_new_comment(x):
                continue
            if _is_post(x):
                n_in += 1
                rows.append(_post_row(x, f"[{i}]", owner))
                continue
            for key, items in (x.items() if isinstance(x, dict) else []):
                for j, p in enumerate(items if isinstance(items, list) else [items]):
                    n_in += 1
                    where = f"[{i}].{key}[{j}]"
                    if key in SKIP_KEYS:
                        opts.tracker.skip("profile picture (not a message)", 1, [where])
                    elif _is_post(p):
                        rows.append(_post_row(p, where, owner))
                    elif isinstance(p, dict) and _str(p.get("uri")) and key in POST_LIST_KEYS:
                        rows.append(_post_row({"media": [p]}, where, owner))
                    else:
                        opts.tracker.skip("not an Instagram post", 1, [where])
    opts.tracker.rows_in = n_in
    opts.natural_org = owner
    return pd.DataFrame(rows)
