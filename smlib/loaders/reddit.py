"""Reddit JSON API responses: a post's comments page (``/comments/<id>.json``: a list of two
``Listing``s, the ``t3`` post then nested ``t1`` comments with ``replies`` and ``more`` stubs),
a single Listing, ``/api/morechildren`` (``{"json": {"data": {"things": [...]}}}``), or a
Pushshift-style dump (a JSON list or JSON Lines of bare comment/post objects).

Mapping: ``name`` (``t1_abc``) → message_id; ``parent_id`` → parent_id; ``link_id`` (the post) →
thread_id; post title + selftext, or comment ``body`` → text; ``author`` → author_id/author_name;
``created_utc`` → created_at; ``score`` (negative → 0) → likes; a post's ``num_comments`` →
replies. kind: ``post`` (t3), ``comment`` (reply to the post), ``reply`` (reply to a comment).
Skipped and counted: ``more`` stubs (comments Reddit did not send), ``[deleted]``/``[removed]``
bodies. ``author_is_org`` only from ``org_handles``/profile.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from ._options import Options

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
        things = ((obj["json"].get("data") or {}).get("things"))
        if isinstance(things, list):
            return [{"kind": "Listing", "data": {"children": things}}]
    return None


def detect(obj: Any) -> bool:
    return _things(obj) is not None


def _score(d: dict) -> int:
    try:
        return max(0, int(d.get("score") or 0))
    except (TypeError, ValueError):
        return 0


def parse(obj: Any, opts: Options) -> pd.DataFrame:
    rows: list[dict] = []
    n_in = 0
    sub: list[str] = []
    stack: list[tuple[str, Any, str]] = [("listing", lst, f"[{i}]")
                                         for i, lst in reversed(list(enumerate(_things(obj) or [])))]
    while stack:
        typ, ch, w = stack.pop()
        if typ == "listing":
            children = ((ch or {}).get("data") or {}).get("children") or []
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
        if d.get("subreddit"):
            sub.append(str(d["subreddit"]))
        if kind == "t3":
            name = d.get("name") or f"t3_{d.get('id')}"
            text = "\n\n".join(x for x in (d.get("title"), d.get("selftext")) if x)
            rows.append({"_row": w, "message_id": name, "parent_id": None, "thread_id": name,
                         "created_at": d.get("created_utc"), "author_id": d.get("author"),
                         "author_name": d.get("author"), "kind": "post", "text": text,
                         "likes": _score(d), "replies": d.get("num_comments") or 0,
                         "_has_media": bool(d.get("url") and not d.get("is_self", True))})
            continue
        body = d.get("body") or ""
        if body.strip() in ("[deleted]", "[removed]"):
            opts.tracker.skip("deleted or removed comment", 1, [w])
        else:
            parent = d.get("parent_id")
            rows.append({"_row": w, "message_id": d.get("name") or f"t1_{d.get('id')}",
                         "parent_id": parent, "thread_id": d.get("link_id"),
                         "created_at": d.get("created_utc"), "author_id": d.get("author"),
                         "author_name": d.get("author"),
                         "kind": "comment" if str(parent).startswith("t3_") else "reply",
                         "text": body, "likes": _score(d)})
        rep = d.get("replies")
        if isinstance(rep, dict) and rep.get("kind") == "Listing":
            stack.append(("listing", rep, f"{w}.replies"))
    opts.tracker.rows_in = n_in
    if sub:
        opts.natural_org = f"r-{max(set(sub), key=sub.count).lower()}"
    return pd.DataFrame(rows)
