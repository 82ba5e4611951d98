"""Any other JSON that is a list of flat records (a JSON array, JSON Lines, or the lists inside an
object such as ``{"data": [...]}``): review dumps, API results, scraped data.

Each record becomes a table row (nested objects one level deep become ``user.name`` style
columns) and the columns are mapped exactly as for a CSV (:mod:`smlib.loaders.tabular`): by
``columns=`` or by obvious names (``text``, ``message``, ``date``, ``created_at``, …). Tried
after every known export shape, so it never claims a file another format reads.

An object holding several such lists (``{"posts": [...], "comments": [...]}``) gives the rows of
all of them (``_row`` says which list, e.g. ``comments[0]``); its other lists of objects (not
under one of :data:`LIST_KEYS`) are named in a warning. Bluesky API responses (``getAuthorFeed``
/ ``getTimeline``: ``{"feed": [{"post": {uri, author{handle, displayName}, record{text, createdAt,
reply{parent{uri}, root{uri}}, langs}, likeCount, repostCount, replyCount}}]}``; ``searchPosts``:
``{"posts": [post, …]}``) are made flat records first (platform ``bluesky``, id = the post's
``at://`` uri, parent = ``record.reply.parent.uri``). So is a thread (``getPostThread``:
``{"thread": threadViewPost}``, each ``{post, parent?, replies?: [...]}`` nested both ways, as in the
``app.bsky.feed.defs`` lexicon): every post once, the anchor, its ``parent`` chain and all nested
``replies``; a post the API left out (``#notFoundPost``: deleted or gone; ``#blockedPost``) has no
text or date and is counted under a named reason, with its place (``thread.replies[2]``).

Google Takeout "My Activity" files (``watch-history.json``, ``search-history.json``: ``{header,
title: "Watched …", time, products}``) are not messages: a DataError says what the file is and
which Takeout file holds comments.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from ..errors import DataError
from . import tabular
from ._options import Options
from ._rows import mostly_items

PLATFORM = ""   # from a 'platform' column, else platform= or 'other'
LIST_KEYS = ("data", "items", "results", "records", "rows", "reviews", "comments", "messages", "posts",
             "tweets", "feed")


def _is_records(v: Any) -> bool:
    return isinstance(v, list) and bool(v) and mostly_items(v[:20], lambda x: isinstance(x, dict))


def _lists(obj: Any) -> list[tuple[str, list]]:
    """The lists of records: the list itself, or every list under one of :data:`LIST_KEYS` in an
    object (in the file's order)."""
    if isinstance(obj, list):
        return [("", obj)] if _is_records(obj) else []
    if isinstance(obj, dict):
        return [(k, v) for k, v in obj.items() if k in LIST_KEYS and _is_records(v)]
    return []


def _bluesky_post(x: Any) -> dict | None:
    """A Bluesky post view (``{uri, author{handle, displayName}, record{$type:
    app.bsky.feed.post, text, createdAt, reply, langs}, likeCount, …}``), or a feed item holding
    one (``{"post": {...}, "reason"?, "reply"?}``), as a flat record; else None."""
    v = x.get("post") if isinstance(x, dict) and isinstance(x.get("post"), dict) else x
    rec = v.get("record") if isinstance(v, dict) else None
    if not (isinstance(rec, dict) and rec.get("$type") == "app.bsky.feed.post" and isinstance(v.get("uri"), str)):
        return None
    who = v.get("author") if isinstance(v.get("author"), dict) else {}
    reply = rec.get("reply") if isinstance(rec.get("reply"), dict) else {}
    parent = reply.get("parent") if isinstance(reply.get("parent"), dict) else {}
    root = reply.get("root") if isinstance(reply.get("root"), dict) else {}
    langs = rec.get("langs") if isinstance(rec.get("langs"), list) else []
    return {"id": v["uri"], "text": rec.get("text"), "created_at": rec.get("createdAt"),
            "author": who.get("handle"), "author_name": who.get("displayName"),
            "parent_id": parent.get("uri"), "thread_id": root.get("uri") or (None if parent else v["uri"]),
            "likes": v.get("likeCount"), "shares": v.get("repostCount"), "replies": v.get("replyCount"),
            "language": langs[0] if langs else None, "platform": "bluesky"}


def _flat(items: list) -> list:
    """The list's items, Bluesky posts made flat when the first items are Bluesky posts."""
    first = [x for x in items[:20] if isinstance(x, dict)]
    if first and all(_bluesky_post(x) is not None for x in first):
        return [_bluesky_post(x) or (x if not isinstance(x, dict) else {}) for x in items]
    return items


def _records(obj: Any) -> list[tuple[str, list]]:
    if _is_thread(obj):
        return [("thread", _thread(obj)[0])]
    return [(k, _flat(v)) for k, v in _lists(obj)]


NOT_FOUND = "Bluesky post not found (deleted, or its account is gone)"
BLOCKED = "Bluesky post blocked (the API gives no text)"
NOT_A_POST = "not a Bluesky post (thread item)"


def _gone(node: Any) -> str | None:
    """Why a thread item holds no post: a ``#notFoundPost`` or ``#blockedPost`` (by ``$type``, or
    by the ``notFound`` / ``blocked`` flag the lexicon requires on them); else None."""
    if not isinstance(node, dict):
        return None
    kind = str(node.get("$type") or "")
    if node.get("notFound") is True or kind.endswith("#notFoundPost"):
        return NOT_FOUND
    if node.get("blocked") is True or kind.endswith("#blockedPost"):
        return BLOCKED
    return None


def _is_thread(obj: Any) -> bool:
    """A ``getPostThread`` response: ``{"thread": <threadViewPost | notFoundPost | blockedPost>}``."""
    top = obj.get("thread") if isinstance(obj, dict) else None
    return isinstance(top, dict) and (_bluesky_post(top.get("post")) is not None or _gone(top) is not None)


def _node_uri(node: Any) -> str | None:
    """The at:// uri of a thread item (its post's, or the uri a not-found/blocked item keeps)."""
    if not isinstance(node, dict):
        return None
    post = node.get("post")
    uri = post.get("uri") if isinstance(post, dict) else node.get("uri")
    return uri if isinstance(uri, str) and uri else None


def _thread_items(obj: dict) -> list[tuple[Any, str, str | None]]:
    """Every item of a thread once, with its place and the uri of the item it hangs under: the
    anchor, its ``parent`` chain (each parent above the item that holds it) and all nested
    ``replies``. Walked with a list, not recursion: a thread can be hundreds of replies deep."""
    out, todo = [], [(obj["thread"], "thread", None)]
    while todo:
        node, where, up = todo.pop()
        above = node.get("parent") if isinstance(node, dict) else None
        out.append((node, where, _node_uri(above) or up))
        if not isinstance(node, dict):
            continue
        kids = node.get("replies") if isinstance(node.get("replies"), list) else []
        todo.extend((k, f"{where}.replies[{i}]", _node_uri(node)) for i, k in reversed(list(enumerate(kids))))
        if isinstance(above, dict):
            todo.append((above, f"{where}.parent", None))
    # the parent chain first, top down (the order the conversation was written in)
    return sorted(out, key=lambda t: 0 if ".replies" in t[1] else -t[1].count(".parent"))


def _thread(obj: dict) -> tuple[list[dict], list[str], list[tuple[str, str]]]:
    """A ``getPostThread`` response as (flat posts, each one's place, (reason, place) of the items
    that are not posts). A post's parent is its record's ``reply.parent.uri``, else the item it
    hangs under in the thread."""
    posts, places, skipped = [], [], []
    items = _thread_items(obj)
    for node, where, up in items:
        flat = _bluesky_post(node.get("post")) if isinstance(node, dict) else None
        if flat is None:
            skipped.append((_gone(node) or NOT_A_POST, where))
            continue
        if not flat["parent_id"] and up:
            flat["parent_id"], flat["thread_id"] = up, None
        posts.append(flat)
        places.append(where)
    root = _thread_root(posts, items)
    for flat in posts:
        flat["thread_id"] = flat["thread_id"] or root
    return posts, places, skipped


def _thread_root(posts: list[dict], items: list[tuple[Any, str, str | None]]) -> str | None:
    """The uri of the thread's first post: what a reply's record names as its root, else the
    topmost item of the ``parent`` chain (all posts of one getPostThread share it)."""
    named = next((p["thread_id"] for p in posts if p["parent_id"] and p["thread_id"]), None)
    top = max(((w.count(".parent"), _node_uri(n)) for n, w, _ in items if not w.count(".replies")),
              default=(0, None))[1]
    return named or top


MY_ACTIVITY_KEYS = frozenset({"header", "title", "time"})


def _my_activity(obj: Any) -> str | None:
    """What a Google Takeout "My Activity" JSON holds (``watch-history.json``, ``search-history.json``:
    items ``{header, title, titleUrl, subtitles, time, products, activityControls}``), else None."""
    items = obj if isinstance(obj, list) else []
    first = [x for x in items[:20] if isinstance(x, dict)]
    if not first or not all(MY_ACTIVITY_KEYS <= set(x) and isinstance(x.get("products"), list) for x in first):
        return None
    controls = [c for x in first for c in (x.get("activityControls") or []) if isinstance(c, str)]
    what = controls[0] if controls else f"{first[0].get('header') or 'Google'} activity"
    return f"a Google Takeout activity history ({what}: entries such as {str(first[0].get('title'))[:60]!r})"


def _not_messages_error(what: str, source: str) -> DataError:
    youtube = "youtube" in what.lower()
    where = ("in Takeout choose 'YouTube and YouTube Music' > 'comments' and load comments.csv (or "
             "'live chats.csv')") if youtube else "load a file of comments, posts or messages instead"
    return DataError(f"this is {what}, not comments or messages: {where}", source=source)


def _as_text_ints(x: Any, levels: int = 2) -> Any:
    """Whole numbers as text (in a record and one level into nested objects), so that a 19-digit
    id is not turned into a rounded float when another record lacks it; counts are made numbers
    again later."""
    if isinstance(x, bool):
        return x
    if isinstance(x, int):
        return str(x)
    if isinstance(x, dict) and levels > 0:
        return {k: _as_text_ints(v, levels - 1) for k, v in x.items()}
    return x


def _frame(items: list) -> pd.DataFrame:
    dicts = [_as_text_ints(x) if isinstance(x, dict) else {} for x in items]
    df = pd.json_normalize(dicts, max_level=1)
    df.columns = [str(c) for c in df.columns]
    return df


def detect(obj: Any, columns: dict | None = None) -> bool:
    """A list of records whose keys name a text and a date field (or ``columns=`` says which); also
    a Google "My Activity" history, which :func:`parse` refuses with a message saying what it is."""
    if _my_activity(obj) is not None or _is_thread(obj):
        return True   # a Bluesky thread: parse reads it, or says it holds no post
    found = _records(obj)
    if not found:
        return False
    keys = list(_frame([x for _, items in found for x in items[:50]]).columns)
    try:
        tabular.resolve_columns(keys, dict(columns) if columns else None, "")
    except DataError:
        return False
    return True


def parse(obj: Any, opts: Options) -> pd.DataFrame:
    what = _my_activity(obj)
    if what is not None and not opts.columns:
        raise _not_messages_error(what, opts.source)
    if _is_thread(obj):
        return _parse_thread(obj, opts)
    found = _records(obj)
    if not found:
        raise DataError("this JSON is not a list of records (objects with the same keys); columns= "
                        "works on such a list, a CSV or an Excel sheet", source=opts.source, field="columns")
    items = [x for _, v in found for x in v]
    where = [f"{key}[{i}]" if key else f"[{i}]" for key, v in found for i in range(len(v))]
    return _parse_items(obj, found, items, where, opts)


def _parse_thread(obj: dict, opts: Options) -> pd.DataFrame:
    """A Bluesky ``getPostThread`` response: its posts as records; the items that are not posts
    (not found, blocked) counted under their reasons, with their places in the thread."""
    posts, where, skipped = _thread(obj)
    if not posts:
        why = ", ".join(sorted({r for r, _ in skipped}))
        raise DataError(f"this Bluesky thread (getPostThread) holds no post to read: {why}",
                        source=opts.source)
    out = _parse_items(obj, [("thread", posts)], posts, where, opts)
    for reason, place in skipped:
        opts.tracker.skip(reason, 1, [place])
    opts.tracker.rows_in += len(skipped)
    return out


def _parse_items(obj: Any, found: list[tuple[str, list]], items: list, where: list[str],
                 opts: Options) -> pd.DataFrame:
    """The records (``items``, each one's place in ``where``) read as a table, mapped as a CSV."""
    if isinstance(obj, dict):
        used = {k for k, _ in found}
        other = [k for k, v in obj.items() if k not in used and _is_records(v)]
        if other:
            opts.tracker.warnings.append(
                f"read the list(s) {sorted(used)}; the file also holds list(s) of objects {other[:6]} that "
                "were not read (not known as messages: save that list on its own and load it with "
                "columns= if it holds messages)")
    df = _frame(items)
    bad = [i for i, x in enumerate(items) if not isinstance(x, dict)]
    mapping = tabular.resolve_columns(list(df.columns), dict(opts.columns) if opts.columns else None,
                                      opts.source)
    out = tabular.parse(df, opts, mapping)
    out["_row"] = where
    if bad:   # not records: counted, not read as empty rows
        keep = [i for i in range(len(items)) if i not in set(bad)]
        opts.tracker.skip("not a record (object)", len(bad), [out["_row"].iloc[i] for i in bad[:5]])
        out = out.iloc[keep].reset_index(drop=True)
    opts.tracker.rows_in = len(items)
    return out
