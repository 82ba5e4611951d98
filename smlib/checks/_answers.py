"""Reading learners' answers kindly: numbers, names, labels and written text.

Learners type ``42``, ``numpy.int64(42)``, ``" 42 "``, ``"42%"`` or ``"1,234"``; ``"Insta"`` or
``"IG"``; ``"25 to 34"``. These helpers turn all of those into one comparable form, or ``None``
when the answer cannot be read (the check then says what kind of answer it expected).

>>> as_number(" 1,234 ")
1234.0
>>> platform_code("Twitter")
'x'
>>> age_band("25 to 34")
'25-34'
"""
from __future__ import annotations

import math
import re
from numbers import Number
from typing import Any

PLACEHOLDER = "YOUR ANSWER HERE"
_BLANK_TEXT = {"", "...", "…", "none", "todo", "your answer here", "answer here", "?"}


def is_blank(value: Any) -> bool:
    """True for an answer the learner has not filled in yet (``...``, ``None``, placeholder text)."""
    if value is None or value is Ellipsis:
        return True
    if isinstance(value, str):
        return clean_text(value).strip().lower() in _BLANK_TEXT
    if isinstance(value, dict):
        return len(value) == 0 or all(is_blank(v) for v in value.values())
    if isinstance(value, (list, tuple, set, frozenset)):
        return len(value) == 0 or all(is_blank(v) for v in value)
    try:  # pandas NA / numpy nan
        return bool(value != value)
    except Exception:  # noqa: BLE001 - arrays and frames are not blank
        return False


def clean_text(value: Any) -> str:
    """The learner's text without the placeholder, with runs of spaces collapsed."""
    if value is None or value is Ellipsis:
        return ""
    text = str(value).replace(PLACEHOLDER, " ")
    return re.sub(r"\s+", " ", text).strip()


def as_number(value: Any) -> float | None:
    """A number from an int, float, numpy number, or a string such as ``" 1,234 "`` or ``"12%"``.

    Returns ``None`` for booleans, blanks, text that is not a number, and NaN.
    """
    if value is None or isinstance(value, bool) or value is Ellipsis:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()  # numpy scalar / 0-d array
        except (ValueError, TypeError):
            return None
    if isinstance(value, bool):
        return None
    if isinstance(value, Number):
        try:
            out = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
        return out if math.isfinite(out) else None
    if isinstance(value, str):
        s = value.strip().replace(",", "").replace("%", "").replace("£", "").strip()
        try:
            out = float(s)
        except ValueError:
            return None
        return out if math.isfinite(out) else None
    return None


def is_whole(x: float) -> bool:
    return abs(x - round(x)) < 1e-9


def norm_label(value: Any) -> str:
    """Lower case, punctuation and underscores as single spaces: ``"Needs_Action!"`` → ``"needs action"``."""
    s = clean_text(value).lower().replace("_", " ").replace("-", " ")
    s = re.sub(r"[^\w\s+]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


_PLATFORM_ALIASES = {
    "x": "x", "twitter": "x", "x twitter": "x", "twitter x": "x", "tweets": "x", "x com": "x",
    "facebook": "facebook", "fb": "facebook", "face book": "facebook", "meta": "facebook",
    "instagram": "instagram", "insta": "instagram", "ig": "instagram", "insta gram": "instagram",
    "linkedin": "linkedin", "linked in": "linkedin", "tiktok": "tiktok", "tik tok": "tiktok",
    "youtube": "youtube", "you tube": "youtube", "yt": "youtube", "reddit": "reddit",
    "mastodon": "mastodon", "blog": "blog", "the blog": "blog", "reviews": "reviews",
    "review": "reviews", "review site": "reviews", "review sites": "reviews",
    "google reviews": "reviews", "trustpilot": "reviews",
}


def platform_code(value: Any) -> str | None:
    """The platform code (as in ``smlib.schema.PLATFORMS``) for a learner's spelling, or None."""
    key = norm_label(value)
    return _PLATFORM_ALIASES.get(key) or _PLATFORM_ALIASES.get(key.replace(" ", ""))


PLATFORM_WORDS: dict[str, tuple[str, ...]] = {
    "x": ("twitter", "tweet", " x ", "x (", "x/", "x,", "x.", "on x"),
    "facebook": ("facebook", "fb"),
    "instagram": ("instagram", "insta", " ig "),
    "linkedin": ("linkedin", "linked in"),
    "tiktok": ("tiktok", "tik tok"),
    "youtube": ("youtube", "you tube"),
    "reddit": ("reddit",),
    "mastodon": ("mastodon",),
    "blog": ("blog",),
    "reviews": ("review",),
}


def mentions_platform(text: str, code: str) -> bool:
    """Does free text name this platform? (``"on Insta"`` names instagram.)"""
    t = f" {clean_text(text).lower()} "
    return any(w in t for w in PLATFORM_WORDS.get(code, (code,)))


def age_band(value: Any) -> str | None:
    """``"25 to 34"``, ``"25 – 34"``, ``"25-34 year olds"`` → ``"25-34"``; ``"65 +"`` → ``"65+"``."""
    s = clean_text(value).lower()
    m = re.search(r"(\d{2})\s*(?:-|–|—|to)\s*(\d{2})", s)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    m = re.search(r"(\d{2})\s*(?:\+|plus|and over|or over|and above)", s)
    if m:
        return f"{m.group(1)}+"
    return None


def count_sentences(text: str) -> int:
    """Rough count of sentences: pieces ending in . ! ? or a line break with some words in them."""
    parts = re.split(r"[.!?]+\s|[.!?]+$|\n+", str(text).strip())
    return sum(1 for p in parts if len(re.findall(r"[A-Za-z]+", p)) >= 3)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", clean_text(text).lower())


def has_any(text: str, stems: tuple[str, ...] | list[str]) -> bool:
    """True when the text contains any of the word stems (matched at the start of a word)."""
    t = clean_text(text).lower()
    return any(re.search(r"(?<![a-z])" + re.escape(s.lower()), t) for s in stems)
