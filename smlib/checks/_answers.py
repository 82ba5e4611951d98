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

import datetime as dt
import itertools
import math
import re
import types
from collections.abc import Iterator
from numbers import Number
from typing import Any

PLACEHOLDER = "YOUR ANSWER HERE"
# "none" is not here: it is a real answer ("no action" group; "none" when a tool misses nothing)
_BLANK_TEXT = {"", "...", "…", "todo", "your answer here", "answer here", "?"}


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


_QUOTES = "'\"`‘’“”"
_ONE_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w.])")


def strip_quotes(text: str) -> str:
    """``"'12'"`` → ``"12"``: quotes a learner typed inside the quotes, and spaces, removed."""
    return text.strip().strip(_QUOTES).strip()


def as_number(value: Any, words: bool = False) -> float | None:
    """A number from an int, float, numpy number, or a string such as ``" 1,234 "`` or ``"12%"``.

    Returns ``None`` for booleans, blanks, text that is not a number, and NaN. With
    ``words=True`` a string holding exactly one number among words (``"12 messages"``,
    ``"about 12"``) gives that number; two numbers (``"12 or 13"``) give ``None``.

    >>> as_number("'1 234'"), as_number("12 people", words=True), as_number("12 or 13", words=True)
    (1234.0, 12.0, None)
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
    if isinstance(value, (bytes, bytearray)):
        value = value.decode("utf-8", "replace")
    if isinstance(value, str):
        s = strip_quotes(value.replace("\u200b", "").replace("\u00a0", " "))
        if re.fullmatch(r"\d{1,3}(?: \d{3})+(?:\.\d+)?", s):  # "1 234": a space between thousands
            s = s.replace(" ", "")
        s = s.replace("%", "").replace("£", "").strip()
        if re.fullmatch(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):  # "1,234": thousands
            s = s.replace(",", "")
        elif re.fullmatch(r"[-+]?\d+,\d+", s):  # "71,3" or "9,05": a decimal comma
            s = s.replace(",", ".")
        try:
            out = float(s)
        except ValueError:
            if not words or negated(value):
                return None
            found = _ONE_NUMBER.findall(strip_quotes(value))
            if len(found) != 1:
                return None
            out = float(found[0].replace(",", ""))
        return out if math.isfinite(out) else None
    return None


def is_nan(value: Any) -> bool:
    """True for a single missing value: ``float("nan")``, ``numpy.nan``, ``pandas.NA``, ``NaT``."""
    if value is None or isinstance(value, (str, bytes, list, tuple, dict, set)):
        return False
    try:
        import pandas as pd
        out = pd.isna(value)
    except Exception:  # noqa: BLE001 - anything pandas cannot test is not a missing value
        return False
    return out if isinstance(out, bool) else False


def describe_kind(value: Any) -> str:
    """What sort of Python value an answer is, in learner words (``"a table"``, ``"a list"``)."""
    import pandas as pd
    if isinstance(value, pd.DataFrame):
        return "a table"
    if isinstance(value, pd.Series):
        return "a column of a table"
    if isinstance(value, dict):
        return "a dictionary"
    if isinstance(value, (list, tuple, set, frozenset, range)) or type(value).__name__ == "ndarray":
        return "a list"
    if isinstance(value, types.ModuleType):
        return "a module"
    if isinstance(value, Iterator):
        return "a list"
    if callable(value):
        return "a function"
    if isinstance(value, bool):
        return "True or False"
    return "a Python value of type " + type(value).__name__


def _items(value: Any) -> tuple[int | None, list[Any]] | None:
    """(how many values, the first two) of a list-like answer; None when it is not list-like.

    Sized containers are not copied (``range(10**12)`` is fine); a generator or iterator is
    read only as far as its second value, so its count is None when it has more than one.
    """
    import pandas as pd
    if isinstance(value, (str, bytes, bytearray, dict, pd.DataFrame)):
        return None
    if type(value).__name__ == "ndarray":
        if not value.ndim:
            return None
        value = value.ravel()
    elif not isinstance(value, (list, tuple, set, frozenset, range, pd.Series, pd.Index,
                                Iterator)):
        return None
    first = list(itertools.islice(iter(value), 2))
    size = len(value) if hasattr(value, "__len__") else (len(first) if len(first) < 2 else None)
    return size, first


def one_value(value: Any, name: str, what: str) -> tuple[Any, str | None]:
    """Read an answer that should be ONE value: ``(value, None)`` or ``(None, problem)``.

    A list, column or table holding exactly one value gives that value (``[12]`` → ``12``);
    bytes are read as text. The problem says, in learner words, what kind of thing ``name``
    holds instead (several values, a whole table, a function without brackets) — never what
    the right value is.

    >>> one_value([12], "n", "whole number")
    (12, None)
    >>> one_value((777, 6), "n", "whole number")[1]
    "'n' holds several values (is it the table's shape: rows and columns?); the task asks for one whole number."
    """
    import pandas as pd
    if isinstance(value, (bytes, bytearray)):
        return value.decode("utf-8", "replace"), None
    if isinstance(value, pd.DataFrame):
        if value.shape == (1, 1):
            return one_value(value.iat[0, 0], name, what)
        if value.empty:
            return None, (f"'{name}' is an empty table: the code that made it found nothing. "
                          f"The task asks for one {what}.")
        if len(value) == 1:
            return None, (f"'{name}' is a whole row of a table; the task asks for one {what}."
                          + _count_hint(what))
        return None, (f"'{name}' is a whole table, not one value; the task asks for one {what}."
                      + _count_hint(what, "rows"))
    if isinstance(value, dict):
        return None, f"'{name}' is a dictionary; the task asks for one {what}."
    seen = _items(value)
    if seen is None:
        if isinstance(value, types.ModuleType) or (callable(value) and not isinstance(value, Number)):
            return None, (f"'{name}' is a function, not its result: did you forget the brackets "
                          "() at the end?")
        return value, None
    size, first = seen
    if size == 1:
        return one_value(first[0], name, what)
    if size == 0:
        return None, (f"'{name}' is empty (it holds no values): the code that made it found "
                      f"nothing. The task asks for one {what}.")
    shape = (isinstance(value, tuple) and size == 2
             and all(isinstance(i, int) and not isinstance(i, bool) for i in first))
    hint = " (is it the table's shape: rows and columns?)" if shape else ""
    # never the size itself: how many values a learner's list holds is often the answer
    things = "true/false" if _true_false(value, first) else "values"
    return None, (f"'{name}' holds several values{hint}; the task asks for one {what}."
                  + ("" if shape else _count_hint(what, things)))


def _true_false(value: Any, first: list[Any]) -> bool:
    """Is a list-like answer a column of True/False values (a filter forgotten to be counted)?
    len() or .nunique() of it gives a wrong count; the True values are what it counts."""
    import numpy as np
    dtype = getattr(value, "dtype", None)
    if dtype is not None and str(dtype) != "object":
        return str(dtype) in ("bool", "boolean")
    if isinstance(value, (list, tuple)):
        return bool(value) and all(isinstance(v, (bool, np.bool_)) for v in value)
    return bool(first) and all(isinstance(v, (bool, np.bool_)) for v in first)


def _count_hint(what: str, things: str = "values") -> str:  # noqa: D401
    """A nudge towards counting, for a task that wants a number (never the count itself)."""
    if "number" not in what:
        return ""
    if things == "true/false":
        return (" It is a column of True/False values: if the task wants how many are True, "
                "count the True values with code (for example .sum()), not len() or .nunique().")
    if things == "rows":
        return " If the task wants how many rows there are, count them with code (for example len())."
    return (" If the task wants how many there are, count them with code (for example len() or "
            ".nunique()).")


def looks_like_percent(value: Any) -> bool:
    """A text answer written as a percentage (``"18%"``, ``"18 percent"``)."""
    return isinstance(value, str) and bool(re.search(r"%|per ?cent", value.lower()))


def as_text(value: Any, name: str) -> tuple[str | None, str | None]:
    """Read a written answer: ``(text, None)`` or ``(None, problem)``.

    Text is kept as it is; a list of sentences is joined into one text (one per line); bytes
    are decoded; a number stays a (very short) text. A table, dictionary or function is not
    the learner's own writing, so it gives a problem.
    """
    if isinstance(value, str):
        return value, None
    if isinstance(value, (bytes, bytearray)):
        return value.decode("utf-8", "replace"), None
    if isinstance(value, (Number, dt.date)) and not isinstance(value, bool):
        return str(value), None
    if isinstance(value, (list, tuple)) and all(isinstance(i, str) for i in value):
        return "\n".join(value), None
    return None, (f"'{name}' should be your own sentences written between the triple quotes "
                  f"\"\"\" \"\"\", not {describe_kind(value)}.")


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
    "threads": "threads", "mastodon": "mastodon", "blog": "blog", "the blog": "blog", "reviews": "reviews",
    "review": "reviews", "review site": "reviews", "review sites": "reviews",
    "google reviews": "reviews", "trustpilot": "reviews",
}


def platform_code(value: Any) -> str | None:
    """The platform code (as in ``smlib.schema.PLATFORMS``) for a learner's spelling, or None."""
    key = norm_label(value)
    return _PLATFORM_ALIASES.get(key) or _PLATFORM_ALIASES.get(key.replace(" ", ""))


def negated(text: Any) -> bool:
    """Does a short answer say "not ..." (``"not Facebook"``, ``"isn't Friday"``)?"""
    return bool(re.search(r"\b(?:not|no|never)\b|n't\b", clean_text(text).lower()))


def read_platform(value: Any, platforms: list[str] | tuple[str, ...] = ()) -> str | None:
    """The platform code for a name (``"Insta"``), or the one platform a short text names
    (``"the Facebook page"``); None when there is none or more than one.

    >>> read_platform("the Facebook page"), read_platform("Facebook or Insta"), read_platform("not X")
    ('facebook', None, None)
    """
    code = platform_code(value)
    if code is not None or not isinstance(value, str) or len(value) > 60 or negated(value):
        return code
    named = named_platforms(value, platforms)
    return named.pop() if len(named) == 1 else None


def named_platforms(value: Any, platforms: list[str] | tuple[str, ...] = ()) -> set[str]:
    """Every platform a text names (``"facebook and x"`` → ``{"facebook", "x"}``)."""
    if not isinstance(value, str):
        return set()
    if platform_code(value) is not None:
        return {platform_code(value)}  # type: ignore[arg-type]
    return {c for c in set(_PLATFORM_ALIASES.values()) | set(platforms) if mentions_platform(value, c)}


PLATFORM_WORDS: dict[str, str] = {
    # regular expressions, matched at word edges: "x" is the letter on its own ("on X", "X,"),
    # never inside "six," or "inbox."; a single "review" is a kind of message, not the platform
    "x": r"twitter|tweets?|x(?![\w'’-])|x\.com",
    "facebook": r"facebook|face book|fb",
    "instagram": r"instagram|insta|ig",
    "linkedin": r"linked ?in",
    "tiktok": r"tik ?tok",
    "youtube": r"you ?tube|yt",
    "reddit": r"reddit",
    "mastodon": r"mastodon",
    "blog": r"blogs?",
    "reviews": r"reviews|review (?:sites?|pages?|platforms?|websites?)|trustpilot|google reviews?",
}


def mentions_platform(text: str, code: str) -> bool:
    """Does free text name this platform? (``"on Insta"`` names instagram; ``"six,"`` is not X.)"""
    pattern = PLATFORM_WORDS.get(code, re.escape(code))
    return bool(re.search(rf"(?<![\w'’])(?:{pattern})(?![\w'’])", clean_text(text).lower()))


def age_band(value: Any) -> str | None:
    """``"25 to 34"``, ``"25 – 34"``, ``"25-34 year olds"`` → ``"25-34"``; ``"65 +"`` → ``"65+"``."""
    bands = age_bands(value)
    return bands[0] if len(bands) == 1 else None


def age_bands(value: Any) -> list[str]:
    """Every age group a short text names: ``"35-44 or 25-34"`` → ``["35-44", "25-34"]``."""
    s = clean_text(value).lower()
    found = []
    span = r"(?:between\s+)?(\d{2})\s*(?:-|–|—|to|and)\s*(\d{2})(?!\s*(?:\+|plus))"
    for m in re.finditer(rf"{span}|(\d{{2}})\s*(?:\+|plus|and over|or over|and above)", s):
        band = f"{m.group(1)}-{m.group(2)}" if m.group(1) else f"{m.group(3)}+"
        if band not in found:
            found.append(band)
    return found


_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n+")
"""Where a sentence ends: . ! ? before a space or the end (not the point in "82.4%"), or a new line."""


def sentences(text: str) -> list[str]:
    """The pieces of a text between sentence ends (see ``_SENTENCE_END``), stripped, non-empty."""
    return [p.strip() for p in _SENTENCE_END.split(str(text).strip()) if p and p.strip()]


def count_sentences(text: str) -> int:
    """Rough count of sentences: pieces ending in . ! ? or a line break with some words in them."""
    return sum(1 for p in sentences(text) if len(re.findall(r"[A-Za-z]+", p)) >= 3)


_LINK_WORDS = frozenset(
    "a an the is are was were be been has have had do does did on in of to from for by with at "
    "and but or so because than it its this that these those there their they them who which "
    "what when where can could will would not no about over under out up also as if most many "
    "some all only each every just still nothing during back more less much few".split())
"""Small words that join a sentence together ("Most followers live locally", "Just praise,
nothing urgent"); not "people" or "one", which a list of key words has too."""
_VERBS = frozenset(
    "get gets got came come comes go goes went need needs take takes took make makes made live "
    "lives say says said ask asks tell tells told want wants like likes love loves seem seems "
    "feel feels felt keep keeps kept give gives gave find finds found show shows use uses think "
    "thinks know knows see sees saw prefer prefers post posts write writes complain complains "
    "reply replies answer answers talk talks".split())


def _verb_like(word: str) -> bool:
    """A word that acts in a sentence: a common verb, or a past tense / -ing form ("injured",
    "asked", "waiting"), so "Dog came back injured." reads as a sentence."""
    return word in _VERBS or (len(word) >= 5 and word.endswith(("ed", "ing")))


def real_sentences(text: str) -> int:
    """Different sentences that read as sentences, not a list of key words: three different
    words or more, and at least one of the small words that join a sentence together ("is",
    "the", "on", "had" …) or a verb ("came", "injured", "waiting"). ``"foo bar baz."`` and
    ``"Facebook Instagram users people 1 2 3."`` are not; a sentence written twice counts once.

    >>> real_sentences("Facebook had 21 users. Most were aged 35-44. blah blah blah blah.")
    2
    >>> real_sentences("It is free on Facebook. It is free on Facebook.")
    1
    """
    seen: set[tuple[str, ...]] = set()
    for p in sentences(text):
        ws = tuple(re.findall(r"[a-z0-9']+", p.lower()))
        if len(ws) >= 3 and len(set(ws)) >= 3 and (_LINK_WORDS & set(ws) or any(map(_verb_like, ws))):
            seen.add(ws)
    return len(seen)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", clean_text(text).lower())


def has_any(text: str, stems: tuple[str, ...] | list[str]) -> bool:
    """True when the text contains any of the word stems (matched at the start of a word)."""
    t = clean_text(text).lower()
    return any(re.search(r"(?<![a-z])" + re.escape(s.lower()), t) for s in stems)


_FIGURE = re.compile(r"(?<![\w.,{])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s*%|\s*per\s?cent\b)?",
                     re.IGNORECASE)


def figures(text: str) -> list[tuple[str, float]]:
    """The figures written in a learner's text, as ``(as written, value)``: ``"1,234"``, ``"71%"``,
    ``"3.5"``. Parts of dates, times and age bands are figures too (they are checked against
    what the data holds, which has them as well).

    >>> figures("9,999 people, 71% of them aged 35-44, on 3 March")
    [('9,999', 9999.0), ('71%', 71.0), ('35', 35.0), ('44', 44.0), ('3', 3.0)]
    """
    out = []
    for m in _FIGURE.finditer(_PLACEHOLDER.sub(" ", text)):
        whole, frac, pct = m.group(1), m.group(2) or "", m.group(3) or ""
        out.append((whole + frac + ("%" if pct else ""), float(whole.replace(",", "") + frac)))
    return out


_PLACEHOLDER = re.compile(r"\{[A-Za-z_][\w.]*(?:\[[^\]{}]*\])?(?:[:!][^{}]*)?\}")
"""A Python name in braces, ``{users_1}`` or ``{share:.0%}``: what a text shows when the ``f``
before its quotes was forgotten."""


def placeholders(text: str) -> list[str]:
    """The ``{name}`` placeholders left in a text (the ``f`` of an f-string was forgotten).

    >>> placeholders("Facebook had {users_1} users and {share:.0%} were happy")
    ['{users_1}', '{share:.0%}']
    """
    return _PLACEHOLDER.findall(str(text))


PLACEHOLDER_HINT = ("it still shows {…} where a figure should be: put the letter f just before "
                    "the opening quotes (f\"\"\"…) so Python fills in your figures")


class Figures(set):
    """The numbers in some data (a set of floats), with ``percents``: the ones that are
    percentages (a share 0–1 as its percentage, or a number written with "%")."""

    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        self.percents: set[float] = set()

    def __or__(self, other: "Figures") -> "Figures":  # type: ignore[override]
        out = Figures(set(self) | set(other))
        out.percents = self.percents | getattr(other, "percents", set())
        return out


_PERCENT_COLUMN = re.compile(r"pct|percent|rate", re.IGNORECASE)


def known_figures(*found: Any) -> Figures:
    """Every number in the given tables, dictionaries, lists, values and texts: the figures a
    learner may quote. A share (0–1) also counts as its percentage."""
    out = Figures()

    def walk(v: Any, depth: int = 0) -> None:
        if depth > 6 or v is None:
            return
        if hasattr(v, "to_numpy") and hasattr(v, "columns"):   # a DataFrame
            for c in v.columns:
                walk(v[c], depth + 1)
                if _PERCENT_COLUMN.search(str(c)) and v[c].dtype.kind in "iuf":
                    # a column of percentages already (age "share_pct": 22.56): as written
                    out.percents.update(round(float(x), 4) for x in v[c].dropna() if 0 <= x <= 100)
            return
        if hasattr(v, "to_numpy") and hasattr(v, "dtype"):      # a Series
            if v.dtype.kind in "iuf":
                for x in v.dropna().to_numpy(dtype=float):
                    add(float(x))
            else:
                for x in v.dropna().tolist()[:5000]:
                    walk(x, depth + 1)
            return
        if isinstance(v, dict):
            for x in v.values():
                walk(x, depth + 1)
        elif isinstance(v, (list, tuple, set)):
            for x in list(v)[:5000]:
                walk(x, depth + 1)
        elif isinstance(v, bool):
            return
        elif isinstance(v, Number):
            add(float(v))   # type: ignore[arg-type]
        elif isinstance(v, (dt.date, dt.datetime)) or hasattr(v, "isoformat"):
            walk(str(v), depth + 1)
        elif isinstance(v, str):
            for w, x in figures(v):
                add(x)
                if w.endswith("%"):
                    out.percents.add(round(x, 4))

    def add(x: float) -> None:
        if math.isfinite(x):
            out.add(round(x, 4))
            if 0 < abs(x) <= 1:     # a share: a learner writes it as a percentage ("71%")
                out.percents.add(round(100 * x, 4))

    for f in found:
        walk(f)
    return out


def unknown_figures(text: str, known: Figures, small: float = 12) -> list[str]:
    """The figures in ``text`` that are none of the ``known`` ones, as the learner wrote them.

    A figure matches a known one when it is the same (a whole number under 100: a count), a
    percentage rounded to a whole one, within 2% (at least 1) of a bigger or decimal number, or is that figure rounded to one or two
    significant figures, from 20 on ("about 400" for 432, "70%" for 71.4%). Figures up to
    ``small`` (days, platforms, "3 sentences") are never questioned; a percentage ("10%") is
    always checked, against the percentages only."""
    def near(x: float, pool: set[float], percent: bool = False) -> bool:
        for k in pool:
            # a count under 100 is exact (off by one is a different count); a percentage may be
            # rounded to a whole one ("37%" for 36.6%); bigger figures and other decimals may
            # be a little out ("about 1,200" for 1,187)
            slack = (0.51 if percent else 0.0 if (abs(k) < 100 and float(k).is_integer())
                     else max(1.0, 0.02 * abs(k)))
            if abs(x - k) <= slack:
                return True
            if abs(k) >= 20 and x:   # (rounding 11.5 to "10" would let anything from 5 to 15 pass)
                digits = math.floor(math.log10(abs(k)))
                if any(abs(round(k, s - digits) - x) < 1e-9 for s in (0, 1)):
                    return True
        return False

    percents = getattr(known, "percents", known)
    return [w if len(w) <= 15 else w[:12] + "…" for w, x in figures(text)
            if (w.endswith("%") and not near(x, percents, percent=True)) or (not w.endswith("%") and x > small
                                                             and not near(x, known))]
