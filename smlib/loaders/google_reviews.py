"""Google Business Profile reviews: Google Takeout's ``reviews.json`` (one per location) or a
saved Business Profile API ``reviews.list`` response — the same shape, ``{"reviews": [...]}``,
or a bare list of review objects, or a list of saved pages, or one review object on its own (Takeout
also writes those).

Mapping: each review → kind ``review``: ``reviewId`` (else the last part of ``name``) →
message_id; ``reviewer.displayName`` → author_id and author_name (Google gives no handle; an
anonymous reviewer, "A Google User", gets author_id ``anonymous-<review id>`` so that two of
them are not counted as one person); ``comment`` → text (Google appends a machine
translation after ``(Translated by Google)``; only the original is kept); ``createTime`` →
created_at; ``starRating`` ``ONE``…``FIVE`` → ``rating`` 1…5. A review with stars and no words
is kept with text "" (its stars still say how the customer feels; see ``_rows.finish``). The business's answer,
``reviewReply`` (``comment``, ``updateTime``), is a second row: kind ``reply``, by the
organisation (``org_handles[0]``, else the profile's handle, else ``org``), parent = the review.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from ._options import Options
from ._pages import review_items
from ._text import as_id, clean_text

PLATFORM = "reviews"
STARS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}
_TRANSLATED = ("(Translated by Google)", "(Original)")


def _is_review(x: Any) -> bool:
    return isinstance(x, dict) and isinstance(x.get("reviewer"), dict) and (
        "starRating" in x or "reviewReply" in x) and ("comment" in x or "createTime" in x)


def _items(obj: Any) -> list[tuple[str, Any]] | None:
    """(where, review) pairs, or None when this is not a Google reviews file. One review on its
    own is a file too: Takeout's "Google Business Profile" folder also holds files of a single
    review (dudaka/GReviewSignals greview_signals/analyzer.py: "Individual review file")."""
    return review_items(obj, _is_review)


def detect(obj: Any) -> bool:
    return _items(obj) is not None


def _text(v: Any) -> str:
    """The reviewer's own words: Google's added translation is cut off (the original is kept)."""
    if not isinstance(v, str):
        return ""
    t = v
    if t.lstrip().startswith(_TRANSLATED[0]) and _TRANSLATED[1] in t:   # translation first, then original
        t = t.split(_TRANSLATED[1], 1)[1]
    elif _TRANSLATED[0] in t:
        t = t.split(_TRANSLATED[0], 1)[0]
    return clean_text(t.strip())



def parse(obj: Any, opts: Options) -> pd.DataFrame:
    items = _items(obj) or []
    owner = opts.owner(platform=PLATFORM, found=None)
    rows, n_in = [], 0
    for where, r in items:
        n_in += 1
        if not _is_review(r):
            opts.tracker.skip("not a Google review", 1, [where])
            continue
        rid = as_id(r.get("reviewId")) or (str(r.get("name")).rstrip("/").rsplit("/", 1)[-1]
                                          if as_id(r.get("name")) else None)
        who = r["reviewer"]
        name = as_id(who.get("displayName"))
        if who.get("isAnonymous") is True or not name:   # anonymous reviewers are not one person
            author, name = f"anonymous-{rid or where}", name or "A Google User"
        else:
            author = name
        rows.append({"_row": where, "message_id": rid, "thread_id": rid, "created_at": r.get("createTime"),
                     "author_id": author, "author_name": name, "author_is_org": False, "kind": "review",
                     "text": _text(r.get("comment")), "rating": STARS.get(str(r.get("starRating", "")).upper())})
        reply = r.get("reviewReply")
        if isinstance(reply, dict):
            n_in += 1
            rows.append({"_row": f"{where}.reviewReply", "message_id": f"{rid}/reply" if rid else None,
                         "parent_id": rid, "thread_id": rid, "created_at": reply.get("updateTime"),
                         "author_id": owner, "author_name": None, "author_is_org": True, "kind": "reply",
                         "text": _text(reply.get("comment"))})
    unknown = sorted({str(r.get("starRating")) for _, r in items if isinstance(r, dict)
                      and "starRating" in r and str(r.get("starRating", "")).upper() not in STARS})
    if unknown:
        opts.tracker.warnings.append(f"star ratings {unknown[:5]} are not ONE…FIVE; read as unknown")
    opts.tracker.rows_in = n_in
    frame = pd.DataFrame(rows)
    if len(frame) and "rating" in frame.columns:
        frame["rating"] = frame["rating"].astype("Int64")
    return frame
