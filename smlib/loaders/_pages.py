"""Where the reviews are in a saved review-site answer (Google Business Profile, Trustpilot).

Both APIs answer ``{"reviews": [...]}``; people save one answer, a list of them (pages), a bare
list of reviews or a single review. :func:`review_items` finds the reviews in any of these and
says where each came from, so a reader can count what is not a review by its place.
"""
from __future__ import annotations

from typing import Any, Callable


def review_items(obj: Any, is_review: Callable[[Any], bool]) -> list[tuple[str, Any]] | None:
    """(where, item) pairs of a saved answer, or None when it is not one (most of its first 20
    items are not reviews). A page that is not a page keeps its place as an item, so a reader
    counts it instead of losing it.

    >>> is_r = lambda x: isinstance(x, dict) and "stars" in x
    >>> review_items([{"reviews": [{"stars": 5}]}, {"reviews": [{"stars": 1}, 3]}], is_r)
    [('[0].reviews[0]', {'stars': 5}), ('[1].reviews[0]', {'stars': 1}), ('[1].reviews[1]', 3)]
    >>> review_items({"stars": 2}, is_r), review_items([1, 2], is_r)
    ([('review', {'stars': 2})], None)
    """
    if isinstance(obj, list) and obj and all(isinstance(p, dict) and isinstance(p.get("reviews"), list)
                                             for p in obj[:20]):
        out = [(f"[{k}].reviews[{i}]", r) for k, p in enumerate(obj)
               for i, r in enumerate(p.get("reviews") if isinstance(p, dict) and isinstance(p.get("reviews"), list)
                                     else [p])]
    elif isinstance(obj, dict) and isinstance(obj.get("reviews"), list):
        out = [(f"reviews[{i}]", r) for i, r in enumerate(obj["reviews"])]
    elif isinstance(obj, dict) and is_review(obj):
        out = [("review", obj)]
    elif isinstance(obj, list):
        out = [(f"[{i}]", r) for i, r in enumerate(obj)]
    else:
        return None
    first = [r for _, r in out[:20]]
    if not first or sum(bool(is_review(r)) for r in first) * 2 <= len(first):
        return None
    return out
