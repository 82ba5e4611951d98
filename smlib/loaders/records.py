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
``at://`` uri, parent = ``record.reply.parent.uri``).

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
    return [(k, _flat(v)) for k, v in _lists(obj)]


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
    if _my_activity(obj) is not None:
        return True
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
    found = _records(obj)
    if not found:
        raise DataError("this JSON is not a list of records (objects with the same keys); columns= "
                        "works on such a list, a CSV or an Excel sheet", source=opts.source, field="columns")
    items = [x for _, v in found for x in v]
    where = [f"{key}[{i}]" if key else f"[{i}]" for key, v in found for i in range(len(v))]
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
