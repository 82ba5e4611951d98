"""Facebook "Download your information" JSON: posts (``your_posts_1.json``: a list of
``{timestamp, data[{post}], attachments, title}``), comments (``{"comments_v2": [...]}``,
``group_comments_v2``) and reactions (``reactions_v2``), also when several are joined in a list.

Facebook writes UTF-8 bytes as Latin-1 code points; every string is repaired with
``s.encode("latin-1").decode("utf-8")`` when (and only when) that round-trips.

Mapping: post text (``data[].post``; else the shared link's URL) → text, kind ``post``; comment
``data[].comment.comment`` → text, ``author`` → author, kind ``comment``; ``timestamp`` (epoch
seconds) → created_at. The export has no ids, so message_id is ``fb-<k>-<section>-<n>``.
All items are the archive owner's own activity, so ``author_is_org`` is True, except other
people's posts on the owner's timeline or page (``other_people's_posts_to_your_timeline.json``:
``wall_posts_sent_to_you_v2``, older ``wall_posts_sent_to_you`` as a list or as
``{"activity_log_data": [...]}``): their writer is read from the ``title`` ("John Smith wrote on
Acme's timeline.", "… posted on …", "… shared a link to …"), they are the organisation's only when
that name is one of its handles, and their kind follows the shared rules (``comment``). A title
in another language leaves the author empty, with a warning. Skipped and counted: reactions (a
like is not a message; ``reactions_v2`` or a
``likes_and_reactions_1.json`` list whose items hold ``data[].reaction``), comments whose text the
export left out (only a title such as "X commented on Y's post"): ``no text``. Photo posts, and
comments that are only a sticker, photo or GIF (``attachments``), are kept with empty text.
Older exports: ``{"comments": [...]}``, ``{"status_updates": [...]}``; group posts
``group_posts_v2``; a comment given as plain text (``{"comment": "..."}``) is read too.

The newer ``label_values`` layout (posts on other pages, and other files since about 2024) is
read by :mod:`smlib.loaders._meta`.

A page's posts saved from the Graph API (``{"data": [{id, message, created_time, from{id, name},
comments{data[...]}}], "paging": …}``, a list of such pages, or the bare list) are read too: each
post and nested comment is a row; the page (the ``{page-id}`` in ``{page-id}_{post-id}``) is the
organisation; likes from ``like_count`` / ``reactions.summary.total_count``, shares from
``shares.count``.

Messenger conversations (``messages/inbox/<thread>/message_1.json``: ``{participants[{name}],
messages[{sender_name, timestamp_ms, content, photos…}], title, thread_path}``; Instagram writes
the same shape for its DMs: platform ``instagram`` when the file sits under
``your_instagram_activity/`` or an ``instagram-<user>-<date>`` folder, or its media paths start
there; else pass ``platform="instagram"``) → kind ``message``, thread_id =
``thread_path`` (else title), message_id ``fb-msg-<thread>-<n>``. The organisation's messages are
those from ``org_handles``; without them, in a two-person thread the participant who is not the
thread's title (Facebook titles a chat with the other person's name). Unsent messages, calls
and people joining or leaving (``type`` ``Call``, ``Subscribe``, ``Unsubscribe``), and Instagram's
reaction echoes ("Liked a message", "Reacted ❤️ to your message") are skipped and counted.
"""
from __future__ import annotations

import re
from typing import Any

import pandas as pd

from . import _meta
from ._options import Options
from ._rows import mostly_items
from ._text import as_id, as_text as _str, clean_text, fix_mojibake_deep

PLATFORM = "facebook"
COMMENT_KEYS = ("comments_v2", "group_comments_v2", "comments")
REACTION_KEYS = ("reactions_v2", "reactions")
POST_KEYS = ("status_updates_v2", "status_updates", "posts", "your_posts", "wall_posts_sent_to_you",
             "other_people_posts", "group_posts_v2", "group_posts")
# Files of bare photos/videos the owner uploaded: your_videos.json {"videos_v2": [...]},
# your_uncategorized_photos.json {"other_photos_v2": [...]}, album/<n>.json {"photos": [...]}; each
# item is {uri, creation_timestamp, description?, title?} (title is the album's name, not a caption).
# Seen in public parsers of the download, e.g. a TypeScript one typing
# ``FacebookRawVideosFile = {"videos_v2": FacebookRawVideo[]}`` and a Python one reading
# ``{"photos": [..]} (albums), {"other_photos_v2": [..]}`` (found by code search, Nov 2026).
MEDIA_KEYS = ("videos_v2", "other_photos_v2", "photos")
BY_OTHERS_KEYS = ("wall_posts_sent_to_you_v2", "wall_posts_sent_to_you", "other_people_posts")
"""Sections of posts other people wrote on the owner's timeline or page
(``other_people's_posts_to_your_timeline.json``; the older download wraps the list as
``{"wall_posts_sent_to_you": {"activity_log_data": [...]}}``, as public readers of it show)."""
_WRITER = re.compile(r"(?P<who>.+?) (?:wrote|posted|shared (?:a |an )?[\w-]+(?: [\w-]+)?) (?:on|to|in) ", re.S)
"""The writer in such a post's title: "John Smith wrote on Acme's timeline.", "Mary Jones posted
on your timeline.", "Ann Lee shared a link to your timeline." (English titles only)."""


def _is_item(x: Any) -> bool:
    return isinstance(x, dict) and "timestamp" in x and ("data" in x or "title" in x or "attachments" in x)


def _is_media(x: Any) -> bool:
    """A bare uploaded photo or video (``videos_v2``, ``other_photos_v2``, album ``photos``)."""
    return isinstance(x, dict) and isinstance(x.get("uri"), str) and "creation_timestamp" in x


def _fits(section: str, x: Any) -> bool:
    return _is_item(x) or (section in MEDIA_KEYS and _is_media(x))


def _unwrap(v: Any) -> Any:
    """A section's list, also in the older ``{"activity_log_data": [...]}`` wrapping."""
    if isinstance(v, dict) and len(v) == 1 and isinstance(v.get("activity_log_data"), list):
        return v["activity_log_data"]
    return v


def _sections(obj: Any) -> list[tuple[str, list]] | None:
    if isinstance(obj, dict):
        secs = [(k, _unwrap(v)) for k, v in obj.items() if isinstance(_unwrap(v), list) and (
            k in COMMENT_KEYS + REACTION_KEYS + POST_KEYS + MEDIA_KEYS or k.endswith("_v2"))]
        return secs or None
    if isinstance(obj, list) and obj:
        if mostly_items(obj[:20], _is_item):
            return [("posts", obj)]
        secs = []
        for x in obj:
            s = _sections(x) if isinstance(x, dict) else None
            if not s:
                return None
            secs.extend(s)
        return secs
    return None


def _list(v: Any) -> list:
    return v if isinstance(v, list) else []


def _attachment_text(atts: list[dict]) -> str:
    """What the owner wrote when a post has no ``data[].post``: a photo/video's ``description``
    (the caption; 2024 ``your_posts__check_ins__photos_and_videos_1.json`` and group posts keep it
    only there, cf. public extractors reading ``attachments.data.media.description``), a note's
    title and text, a poll's question and options (``group_posts_v2`` polls), else the shared
    link's URL. A media ``title`` is the album's name ("Mobile uploads"), so it is not used."""
    def first(found: list[str]) -> str:
        return "\n".join(x for x in found if x.strip())
    media = [a["media"] for a in atts if isinstance(a.get("media"), dict)]
    notes = [a["note"] for a in atts if isinstance(a.get("note"), dict)]
    polls = [a["poll"] for a in atts if isinstance(a.get("poll"), dict)]
    poll_text = []
    for p in polls:
        opts = [_str(o.get("option")) for o in _list(p.get("options")) if isinstance(o, dict)]
        q = _str(p.get("question"))
        poll_text.append(q + (" (" + " / ".join(o for o in opts if o) + ")" if any(opts) else "") if q else "")
    return (first([_str(m.get("description")) for m in media])
            or first(["\n\n".join(x for x in (_str(n.get("title")), _str(n.get("text"))) if x.strip()) for n in notes])
            or first(poll_text)
            or first([_str(a["external_context"].get("url")) for a in atts if isinstance(a.get("external_context"), dict)]))


_REACTION_ECHO = re.compile(r"(Liked a message|Reacted .{1,20} to your message)\s*\Z", re.S)
"""Instagram DMs repeat every reaction as a line of its own ("Liked a message", "Reacted ❤️ to your
message "), besides folding it into the target message's ``reactions``; public Instagram DM readers
drop these echoes (``body === 'Liked a message' || /^Reacted .+ to your message\\s*$/``). English
only: Meta writes them in the account's language."""


_EVENT_TYPES = {"Call": "call (not a message)",
                "Subscribe": "people added to the chat (not a message)",
                "Unsubscribe": "people left or removed from the chat (not a message)"}
"""Messenger's ``type`` besides ``Generic`` and ``Share``: call records (``call_duration``) and
group membership changes (``users``), written with an automatic ``content`` ("X added Y to the
group"). As documented by a public Messenger JSON schema write-up (type: Generic, Share, Call,
Subscribe or Unsubscribe) and typed the same way by public readers (``enum MessageType``)."""


def _is_messenger(obj: Any) -> bool:
    return (isinstance(obj, dict) and isinstance(obj.get("messages"), list)
            and isinstance(obj.get("participants"), list)
            and any(isinstance(m, dict) and "sender_name" in m for m in obj["messages"][:20]))


def _from_instagram(obj: dict, path: Any) -> bool:
    """Is this Messenger-shaped thread an Instagram DM? Instagram's download writes the same JSON
    under ``your_instagram_activity/messages/inbox/`` (older ones in a folder ``instagram-<user>-
    <date>``), and the media ``uri`` of its messages start with that folder; Facebook's start with
    ``your_activity_across_facebook/`` or ``messages/``."""
    parts = [p.lower() for p in getattr(path, "parts", ())[:-1]]
    if "your_instagram_activity" in parts or any(p.startswith("instagram-") for p in parts):
        return True
    for m in (obj.get("messages") or [])[:200]:
        for key in ("photos", "videos", "audio_files", "gifs", "files"):
            for item in (m.get(key) or []) if isinstance(m, dict) else []:
                if isinstance(item, dict) and str(item.get("uri", "")).startswith("your_instagram_activity/"):
                    return True
    return False


def _parse_messenger(obj: dict, opts: Options) -> pd.DataFrame:
    if opts.platform is None and _from_instagram(obj, opts.path):
        opts.platform_found = "instagram"
    names = [str(p.get("name")) for p in obj.get("participants") or [] if isinstance(p, dict)]
    thread = str(obj.get("thread_path") or obj.get("title") or "thread")
    mine: set[str] = {n for n in names if opts.is_handle(n)}
    if not mine and len(names) == 2 and obj.get("title") in names:
        mine = {n for n in names if n != obj.get("title")}
    if not mine:
        opts.tracker.warnings.append("could not tell which participant is the organisation; pass "
                                     f"org_handles= with one of {names[:6]}")
    media_keys = ("photos", "videos", "gifs", "audio_files", "files", "sticker", "share")
    rows = []
    msgs = obj.get("messages") or []
    for i, m in enumerate(msgs):
        where = f"messages[{i}]"
        if not isinstance(m, dict):
            opts.tracker.skip("not a Messenger message", 1, [where])
            continue
        if m.get("is_unsent"):
            opts.tracker.skip("message unsent by its author", 1, [where])
            continue
        if _REACTION_ECHO.match(_str(m.get("content"))):
            opts.tracker.skip("reaction (not a message)", 1, [where])
            continue
        event = _EVENT_TYPES.get(_str(m.get("type")))
        if event:
            opts.tracker.skip(event, 1, [where])
            continue
        sender = str(m.get("sender_name") or "")
        rows.append({"_row": where, "message_id": f"fb-msg-{thread}-{i}", "thread_id": thread,
                     "created_at": m.get("timestamp_ms"), "author_id": sender, "author_name": sender,
                     "author_is_org": sender in mine, "kind": "message",
                     "text": clean_text(str(m.get("content") or "")),
                     "_has_media": any(m.get(k) for k in media_keys)})
    opts.tracker.rows_in = len(msgs)
    opts.natural_org = next(iter(mine), None) or opts.owner(platform=opts.platform_found or "facebook")
    return pd.DataFrame(rows)


def graph_items(obj: Any, is_item: Any) -> list[tuple[str, Any]] | None:
    """(where, item) pairs of a saved Graph API response (``{"data": [...], "paging": …}``), a list
    of such pages, or a bare list of items, when the first items pass ``is_item``; else None."""
    if isinstance(obj, list) and obj and all(isinstance(p, dict) and isinstance(p.get("data"), list)
                                             for p in obj[:20]):
        pairs = [(f"[{k}].data[{i}]", x) for k, p in enumerate(obj) if isinstance(p, dict)
                 for i, x in enumerate(p.get("data") if isinstance(p.get("data"), list) else [])]
    elif isinstance(obj, dict) and isinstance(obj.get("data"), list):
        pairs = [(f"data[{i}]", x) for i, x in enumerate(obj["data"])]
    elif isinstance(obj, list):
        pairs = [(f"[{i}]", x) for i, x in enumerate(obj)]
    else:
        return None
    first = [x for _, x in pairs[:20]]
    return pairs if first and mostly_items(first, is_item) else None


def _is_graph_post(x: Any) -> bool:
    """A post (or comment) from the Graph API: ``id``, ``created_time`` and something only the
    Graph API writes (a ``from`` object, nested ``comments``, ``permalink_url``, ``story``…)."""
    return isinstance(x, dict) and "id" in x and "created_time" in x and (
        isinstance(x.get("from"), dict) or isinstance(x.get("comments"), dict)
        or any(k in x for k in ("permalink_url", "story", "status_type", "full_picture")))


def _summary_count(v: Any, key: str = "total_count") -> Any:
    """``{"summary": {"total_count": n}}`` (reactions, likes, comments) → n, else None."""
    sm = v.get("summary") if isinstance(v, dict) else None
    return sm.get(key) if isinstance(sm, dict) else None


def _n_comments(items: list) -> int:
    """Comments in a Graph ``comments.data`` list, replies (nested ``comments``) included."""
    n, stack = 0, list(items)
    while stack:
        c = stack.pop()
        n += 1
        sub = c.get("comments") if isinstance(c, dict) else None
        if isinstance(sub, dict) and isinstance(sub.get("data"), list):
            stack.extend(sub["data"])
    return n


def _parse_graph(pairs: list[tuple[str, Any]], opts: Options) -> pd.DataFrame:
    """A page's posts (``/{page-id}/feed`` or ``/posts``, ``fields=message,created_time,from,
    comments{message,created_time,from,like_count,comments{…}}``) saved from the Graph API.
    The page's own id is the part of the post ids before ``_`` (``{page-id}_{post-id}``): rows
    ``from`` it are the organisation's. Nested comments become rows (parent = what they answer,
    thread = the post); comments Facebook counted (``summary.total_count``) but did not include are
    reported. Shapes as typed by public Graph API clients (``FacebookPost {id, message,
    created_time, from, comments{data[{id, message, created_time, from}]}, attachments}``) and
    saved by page-feed scripts (``/{PAGE_ID}/feed?fields=message,created_time,from,…`` + paging)."""
    prefixes = [str(x.get("id")).split("_", 1)[0] for _, x in pairs
                if isinstance(x, dict) and "_" in str(x.get("id") or "")]
    page = max(set(prefixes), key=prefixes.count) if prefixes else None
    rows: list[dict] = []
    n_in = missing = 0
    page_name = None
    stack = [(w, x, None, None) for w, x in reversed(pairs)]
    while stack:
        where, it, parent, thread = stack.pop()
        n_in += 1
        if not isinstance(it, dict):
            opts.tracker.skip("not a Facebook post or comment", 1, [where])
            continue
        frm = it.get("from") if isinstance(it.get("from"), dict) else {}
        aid, name = as_id(frm.get("id")), as_id(frm.get("name"))
        mine = bool(page and aid == page) or opts.is_handle(name) or opts.is_handle(aid)
        page_name = page_name or (name if page and aid == page else None)
        mid = as_id(it.get("id"))
        kind = ("reply" if parent else "post") if mine else (
            None if parent is None else "reply" if parent != thread else "comment")
        likes = it.get("like_count")
        if likes is None:
            likes = _summary_count(it.get("reactions")) or _summary_count(it.get("likes"))
        shares = it.get("shares").get("count") if isinstance(it.get("shares"), dict) else None
        rows.append({"_row": where, "message_id": mid, "parent_id": parent, "thread_id": thread or mid,
                     "created_at": it.get("created_time"), "author_id": aid or name, "author_name": name,
                     "author_is_org": mine, "kind": kind, "text": clean_text(_str(it.get("message"))),
                     "likes": likes, "shares": shares,
                     "_has_media": bool(it.get("attachment") or it.get("attachments") or it.get("full_picture"))})
        com = it.get("comments")
        got = com.get("data") if isinstance(com, dict) and isinstance(com.get("data"), list) else []
        counted = _summary_count(com)   # top-level comments (filter=toplevel, the default) or all
        if isinstance(counted, int) and counted > _n_comments(got):   # (stream): compare with all
            missing += counted - _n_comments(got)
        stack.extend((f"{where}.comments[{j}]", c, mid, thread or mid) for j, c in reversed(list(enumerate(got))))
    if missing:
        opts.tracker.warnings.append(
            f"{missing} comment(s) counted by Facebook are not in the file (ask the Graph API for "
            "comments with a higher limit, or follow their 'paging' links)")
    opts.tracker.rows_in = n_in
    opts.natural_org = page_name or (opts.own_handles[0] if opts.own_handles else None)
    return pd.DataFrame(rows)


def detect(obj: Any) -> bool:
    if graph_items(obj, _is_graph_post) is not None:
        return True
    if _is_messenger(obj):
        return True
    if _meta.label_items(obj) is not None:
        return _meta.platform_of(obj) == "facebook"
    secs = _sections(obj)
    return bool(secs) and all(mostly_items(items[:5], lambda x, k=k: _fits(k, x)) for k, items in secs)


def parse(obj: Any, opts: Options) -> pd.DataFrame:
    pairs = graph_items(obj, _is_graph_post)
    if pairs is not None:   # the Graph API writes real UTF-8: no mojibake to repair
        return _parse_graph(pairs, opts)
    obj = fix_mojibake_deep(obj)
    if _is_messenger(obj):
        return _parse_messenger(obj, opts)
    if _meta.label_items(obj) is not None:
        return _meta.parse(obj, opts, PLATFORM)
    owner = opts.owner(platform="facebook")
    rows = []
    n_in = 0
    unnamed: list[str] = []
    for k, (section, items) in enumerate(_sections(obj) or []):
        for i, it in enumerate(items):
            n_in += 1
            where = f"{section}[{i}]"
            if section in REACTION_KEYS or section.startswith("reactions"):
                opts.tracker.skip("reaction (not a message)", 1, [where])
                continue
            if not isinstance(it, dict):
                opts.tracker.skip("not a Facebook item", 1, [where])
                continue
            if section in MEDIA_KEYS and _is_media(it):   # a photo/video: its caption, if any
                rows.append({"_row": where, "message_id": f"fb-{k}-{section}-{i}",
                             "created_at": it.get("creation_timestamp"), "author_id": owner,
                             "author_name": owner, "author_is_org": True, "kind": "post",
                             "text": clean_text(_str(it.get("description"))), "_has_media": True})
                continue
            data = [d for d in _list(it.get("data")) if isinstance(d, dict)]
            atts = [a for att in _list(it.get("attachments")) if isinstance(att, dict)
                    for a in _list(att.get("data")) if isinstance(a, dict)]
            if data and all("reaction" in d for d in data):   # likes_and_reactions_1.json
                opts.tracker.skip("reaction (not a message)", 1, [where])
                continue
            if section in COMMENT_KEYS or "comment" in section:
                c = next((d["comment"] for d in data if isinstance(d.get("comment"), dict)), None)
                if c is None:   # older exports: the comment as plain text
                    c = next(({"comment": d["comment"]} for d in data if isinstance(d.get("comment"), str)), {})
                author = _str(c.get("author")) or owner
                rows.append({"_row": where, "message_id": f"fb-{k}-{section}-{i}",
                             "created_at": c.get("timestamp", it.get("timestamp")),
                             "author_id": author, "author_name": author,
                             "author_is_org": True, "kind": "comment", "text": clean_text(_str(c.get("comment"))),
                             "_has_media": bool(atts)})
            else:
                text = "\n".join(_str(d["post"]) for d in data if d.get("post")) or _attachment_text(atts)
                row = {"_row": where, "message_id": f"fb-{k}-{section}-{i}",
                       "created_at": it.get("timestamp"), "author_id": owner, "author_name": owner,
                       "author_is_org": True, "kind": "post", "text": clean_text(text),
                       "_has_media": any("media" in a for a in atts)}
                if section in BY_OTHERS_KEYS:   # someone else's post on the owner's timeline
                    m = _WRITER.match(_str(it.get("title")).strip())
                    who = m.group("who").strip() if m else ""
                    if not who:
                        unnamed.append(where)
                    row.update(author_id=who, author_name=who or None, author_is_org=opts.is_handle(who),
                               kind=None)   # the shared rules: a comment (a post when by the org)
                rows.append(row)
    if unnamed:
        opts.tracker.warnings.append(
            f"{len(unnamed)} post(s) other people wrote on the timeline (e.g. {unnamed[0]}) have a title "
            "that does not say who wrote them (English titles such as 'Ann Lee wrote on …' are read); "
            "their author is left empty")
    opts.tracker.rows_in = n_in
    opts.natural_org = owner
    return pd.DataFrame(rows)
