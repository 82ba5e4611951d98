"""Star ratings as people and review sites write them, read as numbers.

Review exports and hand-made spreadsheets write a rating in many ways: ``4``, ``4.0``, ``"4/5"``,
``"4 out of 5 stars"``, ``"Rated 4 of 5"``, ``"4 stars"``, ``"★★★★☆"``, ``"⭐⭐⭐⭐"``, ``"FOUR"``
(Google's API). :func:`read_stars` turns each into a number of stars and counts the values it
could not read, so a caller can report them instead of dropping them silently. A rating out of
something other than 5 (``"8/10"``) is not read: turning it into stars would be a guess.

>>> import pandas as pd
>>> stars, unread = read_stars(pd.Series(["4/5", "★★☆☆☆", "Rated 5 out of 5 stars", "8/10", None]))
>>> stars.tolist(), unread
([4.0, 2.0, 5.0, nan, nan], 1)
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "zero": 0}
_FULL, _EMPTY = "★⭐🌟", "☆"
_NUMBER = r"(\d+(?:[.,]\d+)?|one|two|three|four|five|zero)"
_PATTERN = re.compile(
    rf"^(?:rated|rating|score|stars?)?\s*:?\s*{_NUMBER}\s*(?:stars?|[{_FULL}]\ufe0f?)?\s*"
    rf"(?:(?:/|out\s+of|of)\s*(\d+)\s*(?:stars?|[{_FULL}]\ufe0f?)?)?\s*[.!]?$", re.IGNORECASE)


class _Unhashable(str):
    """Stands in for a list or dict found in a rating cell (never read as stars)."""


def _one(value: object) -> float | None:
    """Stars in one value; None when it cannot be read (NaN when nothing is given)."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return float("nan")
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, (int, float, np.integer, np.floating)):
        try:
            return float(value)
        except OverflowError:      # a whole number too big for a float is no star rating
            return None
    if isinstance(value, _Unhashable):
        return None
    text = str(value).strip()
    if not text:
        return float("nan")
    symbols = "".join(ch for ch in text if not ch.isspace() and ch != "\ufe0f")
    if symbols and all(ch in _FULL + _EMPTY for ch in symbols):
        full = sum(ch in _FULL for ch in symbols)
        return float(full) if full + symbols.count(_EMPTY) <= 5 else None
    m = _PATTERN.match(text)
    if not m:
        return None
    number, out_of = m.group(1).lower(), m.group(2)
    if out_of is not None and int(out_of) != 5:
        return None
    return float(WORDS[number]) if number in WORDS else float(number.replace(",", "."))


SCALE = (1, 5)
"""Star ratings smlib understands: whole numbers 1…5 (Google, Trustpilot, app stores)."""


def not_whole_stars(stars: pd.Series | np.ndarray) -> np.ndarray:
    """True where a value read by :func:`read_stars` is given but is not a whole number of stars
    1…5 (another scale, half stars, 0 for "not rated"). The one test the loaders, sentiment and
    priority use to decide whether a rating counts.

    >>> not_whole_stars(pd.Series([1, 5, 0, 2.5, 8, None], dtype=float)).tolist()
    [False, False, True, True, True, False]
    """
    r = np.asarray(stars, dtype=float)
    lo, hi = SCALE
    return ~np.isnan(r) & ((r < lo) | (r > hi) | (r != np.round(r)))


def read_stars(values: pd.Series) -> tuple[pd.Series, int]:
    """Star ratings as floats (NaN where none is given) and the count of given values not read.

    Numbers pass through unchanged (the caller decides which scale it accepts); text is read
    with the forms in the module docstring. Distinct values are read once, so a 1M-row column
    with a handful of ratings costs a handful of parses.
    """
    s = pd.Series(values, copy=False)
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        return pd.to_numeric(s, errors="coerce").astype("float64"), 0
    obj = s.astype("object")
    try:
        codes, uniques = pd.factorize(obj, use_na_sentinel=True)
    except TypeError:   # a list or a dict in a cell (JSON): not a rating, and cannot be hashed
        odd = obj.map(lambda v: isinstance(v, (list, dict, set, np.ndarray)))
        obj = obj.where(~odd, pd.Series([_Unhashable(type(v).__name__) for v in obj[odd]],
                                        index=obj.index[odd.to_numpy()], dtype=object))
        codes, uniques = pd.factorize(obj, use_na_sentinel=True)
    read = [_one(u) for u in uniques]
    table = np.array([np.nan if r is None else r for r in read] + [np.nan], dtype=float)
    out = table[np.where(codes < 0, len(uniques), codes)]
    bad = np.array([r is None for r in read] + [False], dtype=bool)
    unread = int(bad[np.where(codes < 0, len(uniques), codes)].sum())
    return pd.Series(out, index=s.index, name=s.name), unread


def no_words(rating: object = None) -> str:
    """What to show in place of a message with no words: a review that gives stars and nothing
    else (``'(no words: 1 of 5 stars)'``), or a post with only a photo or video (``'(no words)'``).

    >>> no_words(1), no_words(4.0), no_words(None), no_words(7)
    ('(no words: 1 of 5 stars)', '(no words: 4 of 5 stars)', '(no words)', '(no words)')
    """
    r = _one(rating) if not isinstance(rating, (list, dict)) else None
    if r is None or np.isnan(r) or not_whole_stars(np.array([r])).any():
        return "(no words)"
    return f"(no words: {int(r)} of 5 stars)"


def shown_text(frame: pd.DataFrame, column: str = "text") -> pd.Series:
    """``frame[column]`` for people to read: a blank text becomes :func:`no_words` (with the row's
    stars when the frame has a ``rating``), so a stars-only review is never shown as "".
    Analyses keep the real, empty text; this is for tables, quotes and examples only."""
    text = frame[column]
    blank = text.astype("object").fillna("").astype(str).str.strip().eq("")
    if not blank.any():
        return text
    ratings = frame["rating"] if "rating" in frame.columns else pd.Series(None, index=frame.index, dtype=object)
    out = text.astype("object").copy()
    out[blank] = [no_words(r) for r in ratings[blank]]
    return out
