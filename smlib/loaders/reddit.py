"""Reddit JSON API responses: a post's comments page (``/comments/<id>.json``: a list of two
``Listing``s, the ``t3`` post then nested ``t1`` comments with ``replies`` and ``more`` stubs),
a single Listing, ``/api/morechildren`` (``{"json": {"data": {"things": [...]}}}``), or a
Pushshift-style dump (a JSON list or JSON Lines of bare comment/post objects).

Mapping: ``name`` (``t1_abc``) → message_id; ``parent_id`` → parent_id; ``link_id`` (the post) →
thread_id; post title + selftext, or comment ``body`` → text; ``author`` → author_id/author_name;
``created_utc`` → created_at; ``score`` (negative → 0) → likes; a post's ``num_comments`` →
replies. kind: ``post`` (t3), ``comment`` (reply to the post, or no parent given), ``reply``
(reply to a comment). Reddit's JSON escapes ``&``, ``<`` and ``>`` in bodies and titles (``&amp;``,
``&gt;`` for quotes) unless fetched with ``raw_json=1``; these three are decoded, and the new
editor's ``&#x200B;`` (zero-width space written as an entity for an empty paragraph) is dropped. A post whose
selftext is ``[deleted]``/``[removed]`` keeps its title only.
Also read: a subreddit listing (``/r/x/new.json``: t3 posts), a user's comment listing (t1),
morechildren responses. Skipped and counted: ``more`` stubs (comments Reddit did not send),
``[deleted]``/``[removed]`` bodies, things of other kinds (``t2`` accounts, ``t5`` subreddits).
``author_is_org`` only from ``org_handles``/profile. A saved error (``{"message": "Forbidden",
"error": 403}``, or morechildren ``json.errors``) is a DataError quoting it.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from ..errors import DataError
from ._options import Options
from ._text import as_id, drop_zero_width_entity

PLATFORM = "reddit"


def _is_bare(x: Any) -> bool:
    """A comment or post object without the ``{"kind", "data"}`` wrapper (Pushshift-style dumps)."""
    return isinstance(x, dict) and "created_utc" in x and ("body" in x or "selftext" in x or "title" in x) \
        and ("subreddit" in x or "link_id" in x)


def _things(obj: Any) -> list | None:
    if isinstance(obj, list) and obj and all(_is_bare(x) for x in obj[:20]):
        wrapped = [{"kind": "t1" if "body" in x else "t3", "data": x} for x in obj]
        return [{"kind": "Listing", "data": {"children": wrapped}}]
    if isinstance(obj, dict) and obj.get("kind") == "Listing":
        return [obj]
    if isinstance(obj, list) and obj and all(isinstance(x, dict) and x.get("kind") == "Listing" for x in obj):
        return obj
    if isinstance(obj, dict) and isinstance(obj.get("json"), dict):
        data = obj["json"].get("data")
        things = data.get("things") if isinstance(data, dict) else None
        if isinstance(things, list):
            return [{"kind": "Listing", "data": {"children": things}}]
    return None


def _api_error(obj: Any) -> str | None:
    """Reddit's error answer saved instead of data, as text; else None."""
    if isinstance(obj, dict) and isinstance(obj.get("error"), int) and "kind" not in obj:
        return f"{obj['error']} {obj.get('message') or ''} {obj.get('reason') or ''}".strip()
    j = obj.get("json") if isinstance(obj, dict) else None
    data = j.get("data") if isinstance(j, dict) else None
    errors = j.get("errors") if isinstance(j, dict) else None
    if isinstance(errors, list) and errors and not (isinstance(data, dict) and isinstance(data.get("things"), list)):
        return "; ".join(" ".join(map(str, e)) if isinstance(e, list) else str(e) for e in errors[:3])
    return None


def detect(obj: Any) -> bool:
    return _things(obj) is not None or _api_error(obj) is not None


_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


def _text(v: Any) -> str:
    """Reddit text with its three escaped characters decoded (``&amp;gt;`` → ``&gt;``)."""
    if v is None or isinstance(v, (dict, list)):
        return ""
    s = str(v)
    if "&" in s:
        for ent, ch in _ENTITIES:
            s = s.replace(ent, ch)
        s = drop_zero_width_entity(s)   # the editor's empty-paragraph marker, not words
    return s



def _name(d: dict, prefix: str) -> str | None:
    return as_id(d.get("name")) or (f"{prefix}_{as_id(d.get('id'))}" if as_id(d.get("id")) else None)


def _score(d: dict) -> int:
    try:
        return max(0, int(d.get("score") or 0))
    except (TypeError, ValueError):
        return 0


def parse(obj: Any, opts: Options) -> pd.DataFrame:
    err = _api_error(obj)
    if err is not None:
        raise DataError(f"this is a saved Reddit error, not posts or comments: {err[:200]}; fetch the "
                        "page again (add .json to the thread's address)", source=opts.source)
    rows: list[dict] = []
    n_in = 0
    sub: list[str] = []
    stack: list[tuple[str, Any, str]] = [("listing", lst, f"[{i}]")
                                         for i, lst in reversed(list(enumerate(_things(obj) or [])))]
    while stack:
        typ, ch, w = stack.pop()
        if typ == "listing":
            data = ch.get("data") if isinstance(ch, dict) else None
            children = data.get("children") if isinstance(data, dict) else None
            children = children if isinstance(children, list) else []
            stack.extend(("thing", c, f"{w}.children[{i}]") for i, c in reversed(list(enumerate(children))))
            continue
        n_in += 1
        kind = ch.get("kind") if isinstance(ch, dict) else None
        d = ch.get("data") if isinstance(ch, dict) else None
        if kind == "more":
            opts.tracker.skip("'more' stub (comments Reddit did not send)", 1, [w])
            continue
        if kind not in ("t1", "t3") or not isinstance(d, dict):
            opts.tracker.skip("not a Reddit post or comment", 1, [w])
            continue
        if as_id(d.get("subreddit")):
            sub.append(str(d["subreddit"]))
        if kind == "t3":
            name = _name(d, "t3")
            body = _text(d.get("selftext"))
            body = "" if body.strip() in ("[deleted]", "[removed]") else body
            text = "\n\n".join(x for x in (_text(d.get("title")), body) if x)
            rows.append({"_row": w, "message_id": name, "parent_id": None, "thread_id": name,
                         "created_at": d.get("created_utc"), "author_id": as_id(d.get("author")),
                         "author_name": as_id(d.get("author")), "kind": "post", "text": text,
                         "likes": _score(d), "replies": d.get("num_comments") or 0,
                         "_has_media": bool(d.get("url") and not d.get("is_self", True))})
            continue
        body = _text(d.get("body"))
        if body.strip() in ("[deleted]", "[removed]"):
            opts.tracker.skip("deleted or removed comment", 1, [w])
        else:
            parent = as_id(d.get("parent_id"))
            rows.append({"_row": w, "message_id": _name(d, "t1"),
                         "parent_id": parent, "thread_id": as_id(d.get("link_id")),
                         "created_at": d.get("created_utc"), "author_id": as_id(d.get("author")),
                         "author_name": as_id(d.get("author")),
                         "kind": "reply" if str(parent or "").startswith("t1_") else "comment",
                         "text": body, "likes": _score(d)})
        rep = d.get("replies")
        if isinstance(rep, dict) and rep.get("kind") == "Listing":
            stack.append(("listing", rep, f"{w}.replies"))
    opts.tracker.rows_in = n_in
    if sub:
        opts.natural_org = f"r-{max(set(sub), key=sub.count).lower()}"
    return _fill_links(pd.DataFrame(rows))


def _fill_links(f: pd.DataFrame) -> pd.DataFrame:
    """Comments' reply counts from the file (a post keeps Reddit's ``num_comments``), and a
    thread for comments whose ``link_id`` is missing (the first message reachable by parents)."""
    if not len(f) or "parent_id" not in f.columns:
        return f
    ids = f["message_id"].astype("object")
    parents = f["parent_id"].astype("object").where(f["parent_id"].notna(), None)
    counts = parents.dropna().astype(str).value_counts()
    own = ids.map(lambda v: int(counts.get(str(v), 0)) if v is not None else 0)
    is_post = (f["kind"] == "post").to_numpy()
    replies = f["replies"] if "replies" in f.columns else pd.Series(0, index=f.index)
    f = f.assign(replies=replies.where(is_post, own))
    no_thread = f["thread_id"].isna().to_numpy()
    if no_thread.any():
        from ._rows import _thread_roots
        roots = _thread_roots(ids, parents)
        f = f.assign(thread_id=f["thread_id"].where(~no_thread, roots))
    return f
