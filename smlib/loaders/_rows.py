"""Skip-reason bookkeeping and the shared last step every loader runs (:func:`finish`).

Why: every unusable row must be counted under a named reason, never silently dropped, so that
``rows_kept + rows_skipped == rows_in`` always holds and a tutor can see what was left out.

A format parser returns a frame with some model columns plus helpers (``_row``: where the row
came from, for messages; ``_has_media``: the post has a photo/video, so an empty caption is not
an empty message). :func:`finish` then, in this order, skips and counts:

1. ``no text`` - empty text, no media attached and no star rating (media posts, and reviews
   that give 1-5 stars and no words, are kept with text "");
   ``deleted or removed comment`` - a text that is only ``[deleted]`` / ``[removed]``
2. ``missing date`` / ``unparseable date``
3. ``missing message_id``
4. ``duplicate message_id`` - the first row with an id *on its platform* is kept (ids are
   unique within a platform; reply links are matched within the reply's platform too)

(Excel-rounded ids are repaired, not skipped: see :func:`repair_excel_ids`), fills org,
platform, author_is_org, thread_id and reply counts, then conforms the table
(:func:`smlib.schema.conform_interactions`) and checks it with
:func:`smlib.schema.validate_interactions`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

import numpy as np
import pandas as pd

from ..errors import DataError
from ..schema import (IN_FILE, NOT_RECORDED, PLATFORMS, RECORDED, conform_interactions,
                      duplicated_ids, new_load_summary, validate_interactions)
from ._text import normalise_line_ends
from ._time import NOT_DATES, to_utc

_EXCEL_ID = re.compile(r"^\s*\d(\.\d+)?[eE]\+?\d+\s*$")
PLATFORM_ALIASES = {"twitter": "x", "tweet": "x", "x.com": "x", "fb": "facebook", "meta": "facebook",
                    "twitter.com": "x", "facebook.com": "facebook", "messenger": "facebook", "thread": "threads",
                    "ig": "instagram", "insta": "instagram", "yt": "youtube", "li": "linkedin",
                    "tik tok": "tiktok", "google reviews": "reviews", "trustpilot": "reviews",
                    "review": "reviews", "google my business": "reviews", "google business profile": "reviews",
                    "google business": "reviews", "tripadvisor": "reviews", "yelp": "reviews",
                    "feefo": "reviews", "reviews.io": "reviews"}


@dataclass
class Tracker:
    """What happened to the rows of one file: read, skipped (why, and example rows), repaired."""

    source: str
    rows_in: int = 0
    reasons: Counter = field(default_factory=Counter)
    examples: dict[str, list[Any]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    repairs: Counter = field(default_factory=Counter)
    info: dict[str, Any] = field(default_factory=dict)
    may_have_cr: bool = True   # False when the raw file has no CR byte at all (skip a text scan)
    may_have_exp: bool = True  # False when the raw file has no 'E+'/'e+' at all (no Excel-rounded ids)
    no_nan: bool = False       # True when text columns cannot hold NaN (CSV read without NA guessing)

    def skip(self, reason: str, n: int = 1, where: Iterable[Any] = ()) -> None:
        if n <= 0:
            return
        self.reasons[reason] += n
        ex = self.examples.setdefault(reason, [])
        for w in where:
            if len(ex) >= 5:
                break
            ex.append(w.item() if hasattr(w, "item") else w)

    def drop(self, frame: pd.DataFrame, mask: pd.Series | np.ndarray, reason: str) -> pd.DataFrame:
        """Return ``frame`` without the rows in ``mask``, counting them under ``reason``."""
        mask = np.asarray(mask, dtype=bool)
        n = int(mask.sum())
        if n == 0:
            return frame
        where = frame["_row"].to_numpy()[mask][:5] if "_row" in frame.columns else []
        self.skip(reason, n, where)
        return frame.loc[~mask]

    def summary(self, kept: int, **extra: Any) -> dict[str, Any]:
        s = new_load_summary(self.source, self.rows_in)
        s["rows_kept"] = int(kept)
        s["rows_skipped"] = int(sum(self.reasons.values()))
        s["reasons"] = {k: int(v) for k, v in self.reasons.most_common()}
        s["examples"] = {k: v for k, v in self.examples.items() if v}
        s["warnings"] = list(dict.fromkeys(self.warnings))
        s["repairs"] = {k: int(v) for k, v in self.repairs.items()}
        s.update(self.info)
        s.update(extra)
        if s["rows_kept"] + s["rows_skipped"] != s["rows_in"]:
            raise DataError(f"internal count error: kept {s['rows_kept']} + skipped {s['rows_skipped']}"
                            f" != read {s['rows_in']}; please report this file", source=self.source)
        return s


def mostly_items(items: list, is_item: Callable[[Any], bool],
                 first_is: Callable[[Any], bool] | None = None) -> bool:
    """Does this JSON list hold a format's items? The first one must be an item (``first_is``,
    default ``is_item``) and at least half of ``items`` must be (an empty list counts as yes).

    Why not all of them: a damaged item further on (null, a string) is counted as a skip reason
    when parsing, so it must not make detection refuse the whole file (X tweets and DMs,
    Facebook items).

    >>> mostly_items([{"a": 1}, None, {"a": 2}], lambda x: isinstance(x, dict))
    True
    """
    if not items:
        return True
    ok = [bool(is_item(x)) for x in items]
    return bool((first_is or is_item)(items[0])) and sum(ok) * 2 >= len(ok)


_RELATIVE_DATE = re.compile(
    r"^\s*(?:(?:about|over|almost|streamed|premiered|edited)\s+)*(?:\d+|an?|one|a few)\s*"
    r"(?:s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mos|months?|y|yrs?|years?)"
    r"\s+ago\b.*$|^\s*(?:" + "|".join(sorted(map(re.escape, NOT_DATES), key=len, reverse=True))
    + r")\s*(?:\(edited\))?\s*$"
    # LinkedIn's and Instagram's short forms without "ago": "2w", "3d", "1mo", "1yr", "2 w •"
    # (not "5h": "12h" alone is also a French clock time, so it stays an unparseable date)
    r"|^\s*\d{1,3}\s?(?:m|min|d|w|wk|mo|y|yr)\s*(?:•\s*(?:edited)?\s*)?$", re.IGNORECASE)
"""'2 weeks ago', 'a year ago (edited)', 'yesterday', '2w': what scrapers copy from a page,
relative to the day it was read."""


def _relative_dates(raw: pd.Series, unread: np.ndarray) -> np.ndarray:
    """Which unread dates are written relative to the day the file was made."""
    out = np.zeros(len(raw), dtype=bool)
    if not unread.any():
        return out
    vals = raw.to_numpy(dtype=object)
    for i in np.flatnonzero(unread):
        v = vals[i]
        out[i] = isinstance(v, str) and bool(_RELATIVE_DATE.match(v))
    return out


def norm_handle(v: Any) -> str:
    """'@SpotifyCares ' -> 'spotifycares': handles compare case-blind, without @, in one Unicode
    form; the same key pseudonyms are made from (:func:`smlib.privacy.handle_key`)."""
    from ..privacy import handle_key
    return handle_key(v)


_PLATFORM_FILLER = frozenset(
    "page pages account accounts profile profiles channel channels group groups business company official "
    "comments comment posts post messages message dm dms direct inbox ads ad organic paid formerly com the "
    "feed app mentions mention stories story reels reel live video videos shorts network social media "
    "and or".split())
"""Words that may stand next to a platform's name without changing the platform: ``Facebook Page``,
``Instagram Business``, ``X (formerly Twitter)``, ``YouTube channel``, ``LinkedIn company page``."""


def _platform_word(w: str) -> str | None:
    """The platform code one word names (``twitter`` → ``x``, ``blogs`` → ``blog``), else None."""
    for cand in (w, w[:-1] if w.endswith("s") and len(w) > 3 else None):
        if cand in PLATFORMS:
            return cand
        if cand in PLATFORM_ALIASES:
            return PLATFORM_ALIASES[cand]
    return None


def norm_platform(v: Any) -> str:
    """A platform as written (a column's value or ``platform=``) → smlib's code: case and spaces
    ignored, aliases mapped (``Twitter`` → ``x``, ``FB`` → ``facebook``), and a platform's name
    with words that do not change it (``Facebook Page`` → ``facebook``, ``Tik-Tok`` → ``tiktok``,
    ``X (formerly Twitter)`` → ``x``). Anything else is returned as written, in lower case.

    >>> [norm_platform(v) for v in ["Twitter", "Facebook Page", "X (formerly Twitter)", "Tik-Tok", "WhatsApp", " "]]
    ['x', 'facebook', 'x', 'tiktok', 'whatsapp', 'other']
    """
    p = " ".join(str(v).strip().lower().split())
    if not p:
        return "other"
    if p in PLATFORMS or p in PLATFORM_ALIASES:
        return PLATFORM_ALIASES.get(p, p)
    one = _platform_word(re.sub(r"[^a-z0-9]+", "", p))
    if one:
        return one
    words = re.findall(r"[^\W_]+", p)
    named = {_platform_word(w) for w in words} - {None}
    if len(named) == 1 and all(_platform_word(w) or w in _PLATFORM_FILLER for w in words):
        return named.pop()
    return p


def check_platform(value: Any, source: str | None = None) -> tuple[str, str | None]:
    """``platform=`` as smlib's code, and a warning when it is not one of smlib's platforms.
    A near miss of a known platform (``tiktokk``, ``facebok``) is a :class:`DataError` listing
    them, as it is surely a typing slip; another name (``whatsapp``) is kept as written, with
    the warning a platform column's unknown value gets.
    """
    import difflib
    code = norm_platform(value)
    if code in PLATFORMS:
        return code, None
    near = difflib.get_close_matches(code, [*PLATFORMS, *PLATFORM_ALIASES], n=1, cutoff=0.75)
    if near:
        raise DataError(f"platform={value!r} is not one of smlib's platforms {list(PLATFORMS)}; did you mean "
                        f"platform={norm_platform(near[0])!r}?", source=source, field="platform")
    return code, (f"platform={value!r} is not among smlib's platforms {list(PLATFORMS)}; it was kept as "
                  f"written ({code!r}). Use platform='other' for a network smlib does not know")


def as_str(s: pd.Series) -> pd.Series:
    """The column as pandas text (missing stays missing); no copy when it already is."""
    return s if s.dtype == "str" else s.astype("str")


class Joined:
    """A text column joined into one string (``\\x00`` between values), so that questions like
    "does any value end in '.0'?" cost one C-speed scan instead of a Python call per row.
    ``ok`` is False when the column holds something other than text (then ask row by row)."""

    _WS_ONLY = re.compile(r"\x00[^\S\x00]+\x00")

    def __init__(self, s: pd.Series) -> None:
        self.arrow = s if is_arrow_text(s) else None
        if self.arrow is not None:  # Arrow strings: ask vectorised questions instead (no join)
            self.all_text = not bool(s.isna().any())
            self.ok, self.text = True, ""
            return
        vals = s.to_numpy(dtype=object)
        self.all_text = pd.api.types.infer_dtype(vals, skipna=False) in ("string", "empty")
        if not self.all_text:
            vals = vals[~pd.isna(vals)]
        try:
            self.text = "\x00" + "\x00".join(vals) + "\x00"
            self.ok = True
        except TypeError:
            self.text, self.ok = "", False

    def _arrow_any(self, fn: str, subs: tuple[str, ...]) -> bool:
        """Does any value match? pyarrow's own kernels, without pandas' wrapping (2-3 times
        faster on a million ids: this runs on every id column of every load)."""
        import pyarrow.compute as pc
        arr = self.arrow.array._pa_array
        return any(bool(pc.any(getattr(pc, fn)(arr, x)).as_py()) for x in subs)

    def contains(self, *subs: str) -> bool:
        if self.arrow is not None:
            return self._arrow_any("match_substring", subs)
        return not self.ok or any(x in self.text for x in subs)

    def starts(self, *subs: str) -> bool:
        if self.arrow is not None:
            return self._arrow_any("starts_with", subs)
        return not self.ok or any("\x00" + x in self.text for x in subs)

    def ends(self, *subs: str) -> bool:
        if self.arrow is not None:
            return self._arrow_any("ends_with", subs)
        return not self.ok or any(x + "\x00" in self.text for x in subs)

    def any_white_only(self) -> bool:
        if self.arrow is not None:
            return bool(self.arrow.str.isspace().any())
        return not self.ok or self._WS_ONLY.search(self.text) is not None


def is_arrow_text(s: pd.Series) -> bool:
    """True for pandas text backed by pyarrow (fast vectorised string functions)."""
    return isinstance(s.dtype, pd.StringDtype) and s.dtype.storage == "pyarrow"


def text_read_dtype() -> object:
    """How CSV text columns are read: pandas ``str`` when pyarrow backs it (no Python objects,
    much faster), else ``object`` (plain Python strings, the fastest option without pyarrow)."""
    return "str" if pd.StringDtype().storage == "pyarrow" else object


def any_contains(s: pd.Series, subs: tuple[str, ...]) -> bool:
    """Does any value of the text column contain one of ``subs``? (one scan, see :class:`Joined`)"""
    return Joined(s).contains(*subs)


_SPACE = (" ", "\t", "\n", "\r", "\xa0")
_RE_ID_WRAPPER = re.compile(r'^\s*(?:="([^"]*)"|\'(\d+))\s*$')
"""What a spreadsheet adds to an id to keep it as text: ``="1234567890123456789"`` (a formula)
or a leading ``'``; the id is what is inside."""


def clean_ids(s: pd.Series) -> pd.Series:
    """Ids as text without surrounding spaces or a float tail (``'3.0'`` → ``'3'``, from pandas
    re-saves). Per-row work runs only when one scan of the column says some value needs it."""
    j = Joined(s)
    s = as_str(s)
    if j.starts(" ") or j.ends(" "):
        s = s.str.strip()
    if j.starts("=\"", "'"):   # a spreadsheet's text marks: ="1234…" (a formula) or '1234…
        s = s.str.replace(_RE_ID_WRAPPER, r"\1\2", regex=True)
    if j.ends(".0", ".0 "):
        tail = s.str.endswith(".0").fillna(False).to_numpy(dtype=bool)
        cut = s[tail].str.slice(0, -2)
        digits = cut.str.isdigit().fillna(False).to_numpy(dtype=bool)   # '3.0' -> '3'
        fixed = cut.where(digits, s[tail].str.replace(r"^(-?\d+)\.0+$", r"\1", regex=True)) \
            if not digits.all() else cut
        s = s.copy()
        s[tail] = fixed
    return s


def _missing(s: pd.Series, j: Joined | None = None, no_nan: bool = False) -> np.ndarray:
    """True where a value is missing or the empty string (cheap: no white-space test)."""
    if is_arrow_text(s):
        return np.array((s.isna() | (s == "")).to_numpy(dtype=bool, na_value=True), dtype=bool)
    v = s.to_numpy(dtype=object)
    try:
        out = v == ""
    except TypeError:  # pd.NA in the column (a parser's "not given"): compare the others only
        na = pd.isna(v)
        out = na.copy()
        out[~na] = v[~na] == ""
        return np.asarray(out, dtype=bool)
    if not no_nan and (j is None or not j.all_text):
        out |= pd.isna(v)
    return out


def _whole_stars(rating: pd.Series) -> np.ndarray:
    """True where a row's rating is a whole number of stars 1…5 (what sentiment and priority use)."""
    from ..stars import not_whole_stars
    r = pd.to_numeric(rating, errors="coerce").astype("float64")
    return (r.notna() & ~not_whole_stars(r)).to_numpy(dtype=bool)


DELETED_MARKERS = ("[deleted]", "[removed]")
"""What Reddit (and dumps of it) write in place of a deleted or removed body or account name."""


def _deleted_marker(s: pd.Series) -> np.ndarray:
    """True where a value is only ``[deleted]`` or ``[removed]`` (spaces before it allowed). Only
    values ending in ``]`` are looked at closely: one fast scan for a big file (≈ 7 ms per
    million Arrow strings; a full ``isin`` costs 15-30 ms)."""
    if not (pd.api.types.is_string_dtype(s.dtype) or s.dtype == object) or len(s) == 0:
        return np.zeros(len(s), dtype=bool)
    text = as_str(s)
    cand = text.str.endswith("]").to_numpy(dtype=bool, na_value=False)
    out = np.zeros(len(s), dtype=bool)
    if cand.any():
        out[cand] = text[cand].str.strip().isin(DELETED_MARKERS).to_numpy(dtype=bool, na_value=False)
    return out


def _blank(s: pd.Series, j: Joined | None = None) -> np.ndarray:
    """True where a value is missing, empty or only white space."""
    if not (pd.api.types.is_string_dtype(s.dtype) or s.dtype == object):
        return s.isna().to_numpy()
    j = j or Joined(s)
    out = _missing(s, j)
    if j.any_white_only():
        out |= as_str(s).str.isspace().to_numpy(dtype=bool, na_value=False)
    return out


def category(values: pd.Series | np.ndarray | str, n: int, mapper: Any = None) -> pd.Categorical:
    """A categorical column built from its distinct values (fast for a few values over many rows);
    the categories are the sorted distinct values, as ``astype("category")`` gives."""
    if isinstance(values, str):
        codes, uniq = np.zeros(n, dtype="int8"), [values]
    elif isinstance(values, pd.Series) and is_arrow_text(values) and not values.isna().any():
        arr = values.array._pa_array
        enc = (arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)).dictionary_encode()
        codes, uniq = enc.indices.to_numpy(zero_copy_only=False), enc.dictionary.to_pylist()
    else:
        codes, uniq = pd.factorize(values, use_na_sentinel=False)
        uniq = list(uniq)
    if mapper is not None:
        uniq = [mapper(u) for u in uniq]
    cats = sorted(set(uniq))
    where = {c: i for i, c in enumerate(cats)}
    remap = np.array([where[u] for u in uniq], dtype="int32")
    return pd.Categorical.from_codes(remap[codes], categories=pd.Index(cats, dtype="str"))


def repeated_ids(ids: pd.Series, platforms: pd.Series) -> np.ndarray:
    """Rows whose message id already came earlier *on the same platform* (the model: an id is
    unique within its platform; ``1`` on X and ``1`` on Facebook are two messages). The fast
    whole-column check runs first; pairs are compared only when some id repeats.

    >>> repeated_ids(pd.Series(["1", "1", "2", "1"]), pd.Series(["x", "facebook", "x", "x"])).tolist()
    [False, False, False, True]
    """
    dup = duplicated_ids(ids)
    if not dup.any():
        return dup
    plat = platforms.cat.codes.to_numpy() if isinstance(platforms.dtype, pd.CategoricalDtype) \
        else pd.factorize(platforms)[0]
    if len(np.unique(plat)) < 2:
        return dup
    return pd.DataFrame({"p": plat, "m": ids.to_numpy(dtype=object)}).duplicated().to_numpy()


def _link_keys(ids: pd.Series, parents: pd.Series, platforms: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Ids and parent ids keyed by platform (``'x\x1f1'``), so that a reply on Facebook to ``1``
    finds Facebook's message ``1``, never X's."""
    plat = platforms.astype("object").astype(str).to_numpy(dtype=object) + "\x1f"
    key_ids = pd.Series(plat + ids.astype("object").astype(str).to_numpy(dtype=object), index=ids.index)
    given = parents.notna().to_numpy()
    key_par = np.full(len(parents), None, dtype=object)
    key_par[given] = plat[given] + parents.astype("object").to_numpy(dtype=object)[given].astype(str)
    return key_ids, pd.Series(key_par, index=parents.index, dtype=object)


def _parent_rows(ids: pd.Series, parents: pd.Series) -> np.ndarray | None:
    """Each row's parent row (-1: no parent, or not in the file); None when ids repeat."""
    index = pd.Index(ids.to_numpy(dtype=object))
    if not index.is_unique:
        return None
    has_parent = parents.notna().to_numpy()
    out = np.full(len(ids), -1, dtype=np.int64)
    if has_parent.any():
        out[has_parent] = index.get_indexer(parents.to_numpy(dtype=object)[has_parent])
    return out


def _thread_roots(ids: pd.Series, parents: pd.Series, parent_rows: np.ndarray | None = None) -> pd.Series:
    """Follow parent links inside the file to the first message of each conversation.

    A reply whose parent is not in the file gets the parent's id (the earliest message we know of).
    Pointer jumping on row positions: each round jumps twice as far up, so a conversation 120
    replies deep takes 7 rounds instead of 120 (real support threads are that deep).
    """
    id_vals, parent_vals = ids.to_numpy(dtype=object), parents.to_numpy(dtype=object)
    if parent_rows is None:
        parent_rows = _parent_rows(ids, parents)
    if parent_rows is None:
        return _thread_roots_stepwise(ids, parents)
    has_parent = parents.notna().to_numpy()
    up = np.arange(len(ids))
    up = np.where(parent_rows >= 0, parent_rows, up)
    for _ in range(64):  # 2**64 steps: any chain; a loop (a→b→a) just stops somewhere in it
        further = up[up]
        if np.array_equal(further, up):
            break
        up = further
    # the top message inside the file; its own parent (outside the file) is the root when it has one
    root = np.where(has_parent[up], parent_vals[up], id_vals[up])
    return pd.Series(root, index=ids.index, dtype=object)


def _thread_roots_stepwise(ids: pd.Series, parents: pd.Series) -> pd.Series:
    """:func:`_thread_roots` one step per round (for ids that repeat; also the tests' oracle)."""
    parent_of = pd.Series(parents.to_numpy(), index=ids.to_numpy())
    # a repeated id follows its first row's link (the row finish keeps); map() needs unique keys
    parent_of = parent_of[parent_of.notna() & ~parent_of.index.duplicated()]
    root = parents.where(parents.notna(), ids)
    before = -1
    for _ in range(500):  # one step up per round; stops when nothing moves, or loops (a→b→a)
        nxt = root.map(parent_of)
        moved = nxt.notna() & (nxt != root)
        n_moved = int(moved.sum())
        if n_moved == 0 or n_moved == before:
            break
        before = n_moved
        root = root.where(~moved, nxt)
    return root


def _long_id_lengths(s: pd.Series) -> np.ndarray | None:
    """Each value's length when some value of the text column is 16 characters or longer (the
    only ids Excel can round: it keeps 15 significant digits), else None (one cheap look)."""
    if is_arrow_text(s):
        import pyarrow.compute as pc
        lengths = pc.utf8_length(s.array._pa_array)
        top = pc.max(lengths).as_py()
        if top is None or top < 16:
            return None
        return lengths.to_numpy().astype("float64") if lengths.null_count == 0 else \
            np.asarray(pd.Series(lengths.to_pandas()).fillna(0), dtype="float64")
    vals = s.to_numpy(dtype=object)
    lengths = np.fromiter((len(v) if isinstance(v, str) else 0 for v in vals), dtype="float64", count=len(vals))
    return lengths if len(lengths) and lengths.max() >= 16 else None


def _zero_tailed(s: pd.Series) -> tuple[np.ndarray, int]:
    """Which values are ids of 16+ digits whose digits after the 15th are all zeros (what Excel
    writes out for a long id in a Number column: ``570306133677760000``), and how many values
    are ids of 16+ digits at all."""
    none = np.zeros(len(s), dtype=bool)
    lengths = _long_id_lengths(s)
    if lengths is None:
        return none, 0
    long_ = lengths >= 16
    txt = as_str(s[long_]).str.strip()
    digits = txt.str.fullmatch(r"\d{16,}").fillna(False).to_numpy(dtype=bool)
    zeros = txt.str.fullmatch(r"[1-9]\d{14}0+").fillna(False).to_numpy(dtype=bool)
    out = none.copy()
    out[np.flatnonzero(long_)[zeros]] = True
    return out, int(digits.sum())


def _excel_zero_ids(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """{column: rows} of ids Excel rounded and wrote out in full (``570306133677760000``).

    One real id ending in three zeros is 1 in 1,000, so a zero tail alone proves nothing; the
    message ids are taken as rounded when at least two have the tail and they are most of the
    column's long ids, or when a zero-tailed id is given to two different texts (two messages
    rounded to one id) and such ids are at least a tenth of the long ones (a big real export
    holds a few real ids ending in 000, and repeated rows).
    Reply links are taken as rounded when the message ids are, or by the same rule on their own."""
    found: dict[str, np.ndarray] = {}
    for col in ("message_id", "parent_id"):
        if col not in frame.columns or not (pd.api.types.is_string_dtype(frame[col].dtype)
                                            or frame[col].dtype == object):
            continue
        zt, long_ids = _zero_tailed(frame[col])
        k = int(zt.sum())
        if not k:
            continue
        most = k >= 2 and k * 2 >= long_ids
        clash = False
        if col == "message_id" and not most and k * 10 >= long_ids and "text" in frame.columns:
            # two different messages with one zero-tailed id (a repeated row is no proof: real
            # exports repeat rows, and a real id ends in 000 once in a thousand)
            pairs = pd.DataFrame({"id": as_str(frame[col][zt]).str.strip().to_numpy(dtype=object),
                                  "text": frame["text"][zt].astype("object").to_numpy()})
            clash = bool((pairs.drop_duplicates().groupby("id").size() > 1).any())
        if most or clash or (col == "parent_id" and "message_id" in found):
            found[col] = zt
    return found


def repair_excel_ids(frame: pd.DataFrame, tracker: Tracker) -> pd.DataFrame:
    """Ids like ``5.70306E+17``, or ``570306133677760000`` (the same rounding written out in full,
    see :func:`_excel_zero_ids`), were rounded by Excel: the real id is lost. Replace message ids
    by a row-based id (so rows are kept and not merged as false duplicates), drop broken reply
    links, and report it."""
    out = frame
    marked: dict[str, pd.Series] = {}
    if tracker.may_have_exp:
        for col in ("message_id", "parent_id"):
            if col not in out.columns or not (pd.api.types.is_string_dtype(out[col].dtype)
                                              or out[col].dtype == object):
                continue
            if not Joined(out[col]).contains("+"):
                continue
            txt = as_str(out[col])
            maybe = (txt.str.contains("E+", regex=False) | txt.str.contains("e+", regex=False)).fillna(False)
            bad = pd.Series(False, index=out.index)
            bad[maybe[maybe].index] = txt[maybe].str.match(_EXCEL_ID).fillna(False).astype(bool)
            if bad.any():
                marked[col] = bad
    for col, zt in _excel_zero_ids(out).items():
        marked[col] = marked[col] | zt if col in marked else pd.Series(zt, index=out.index)
    for col, bad in marked.items():
        n = int(bad.sum())
        ex = out.loc[bad, col].iloc[0]
        out = out.copy()
        if col == "message_id":
            out.loc[bad, col] = "row-" + out.loc[bad, "_row"].astype(str)
            tracker.repairs["message_id mangled by Excel (replaced by row number)"] += n
            tracker.warnings.append(
                f"{n} message id(s) look rounded by Excel (e.g. {ex!r}); the real ids are lost, so they "
                "were replaced by row numbers and replies to them cannot be matched. Export the data "
                "again as CSV without opening it in Excel, or format the id column as Text.")
        else:
            out.loc[bad, col] = None
            tracker.repairs["parent_id mangled by Excel (reply link dropped)"] += n
            tracker.warnings.append(f"{n} reply link(s) look rounded by Excel (e.g. {ex!r}); they were dropped")
    return out


COUNT_COLUMNS = ("likes", "shares", "replies", "reach", "author_followers")
_COUNT_MAX = 2.0 ** 53   # above this a count is not a real figure (and float64 is no longer exact)


def tidy_counts(frame: pd.DataFrame, tracker: Tracker) -> pd.DataFrame:
    """Counts as whole numbers ≥ 0. A value that is not a number, negative, infinite or absurdly
    big (``-5``, ``"lots"``, ``Infinity``, ``1e300``) becomes unknown (0, or NA for reach and
    followers) and the summary warns, naming the column. Why: the model allows only whole
    numbers ≥ 0 here, and one damaged cell must neither refuse the whole file nor pass silently."""
    f = frame
    for col in COUNT_COLUMNS:
        if col not in f.columns:
            continue
        s = f[col]
        if pd.api.types.is_integer_dtype(s.dtype) and not bool((s.dropna() < 0).any()):
            continue  # the usual case: already whole numbers ≥ 0
        if pd.api.types.is_numeric_dtype(s.dtype):   # booleans included
            num = s.astype("float64")
        else:
            num = pd.to_numeric(s.astype("object"), errors="coerce").astype("float64")
        given = ~_blank(s) if not pd.api.types.is_numeric_dtype(s.dtype) else s.notna().to_numpy()
        vals = num.to_numpy(dtype="float64", na_value=np.nan)
        ok = np.isfinite(vals) & (vals >= 0) & (vals <= _COUNT_MAX)
        bad = given & ~ok
        if bad.any():
            ex = s[bad].iloc[0]
            ex = f"{float(ex):g}" if isinstance(ex, (int, float, np.number)) and not isinstance(ex, bool) \
                else f"{ex!r:.40}"
            tracker.warnings.append(f"{int(bad.sum())} value(s) in '{col}' are not whole numbers ≥ 0 "
                                    f"(e.g. {ex}); read as unknown")
        f = f.assign(**{col: np.where(ok, np.round(np.where(ok, vals, 0.0)), np.nan)})
    return f


def count_sources(frame: pd.DataFrame, replies_from_links: bool) -> dict[str, str]:
    """Where each engagement count came from: ``{"likes": ..., "shares": ..., "replies": ...}``.

    ``"recorded"`` when the source gives the count for at least one row; ``"not recorded"`` when
    it gives none (the model then holds 0, which must not be read as "nobody liked it": an X
    archive has no reply counts, Reddit has no shares); ``"counted from this file"`` for replies
    counted from the reply links in the file itself (only the replies the export holds).
    Call after :func:`tidy_counts` (an unreadable count is NA by then).

    >>> count_sources(pd.DataFrame({"likes": [0, None], "parent_id": [None, "1"]}), True)
    {'likes': 'recorded', 'shares': 'not recorded', 'replies': 'counted from this file'}
    """
    out = {c: RECORDED if c in frame.columns and bool(frame[c].notna().any()) else NOT_RECORDED
           for c in ("likes", "shares", "replies")}
    if replies_from_links:
        out["replies"] = IN_FILE
    return out


EARLIEST_PLAUSIBLE = pd.Timestamp("1995-01-01", tz="UTC")
"""Dates before this (the first review and social sites) are kept but warned about: 1 January
1970 is what a zero or a blank becomes in many tools."""


def _warn_odd_dates(when: pd.Series, tracker: Tracker) -> None:
    """Warn (rows kept) about dates before :data:`EARLIEST_PLAUSIBLE` or more than a day in the
    future: a zero, a wrong column or a day/month mix-up, which would silently move messages
    out of the monitoring days."""
    if not len(when):
        return
    now = pd.Timestamp.now(tz="UTC")
    for mask, what, hint in (
            (when < EARLIEST_PLAUSIBLE, "before 1995, before review and social sites",
             "a zero or blank date often becomes 1 January 1970"),
            (when > now + pd.Timedelta(days=1), "in the future", "a wrong year or day/month order?")):
        n = int(mask.sum())
        if n:
            ex = when[mask].iloc[0]
            tracker.warnings.append(f"{n} message(s) are dated {what} (e.g. {ex:%d %b %Y}); "
                                    f"kept, but check the date column ({hint})")


def _warn_replies_before_parents(f: pd.DataFrame, parent_rows: np.ndarray | None, tracker: Tracker) -> None:
    """Warn (rows kept) about replies dated before the message they answer: they can never count
    as answers, so the messages look unanswered; usually the two date columns are in different
    time zones, or one was typed by hand."""
    if parent_rows is None:
        return
    rows = np.flatnonzero(parent_rows >= 0)
    t = f["created_at"].to_numpy(dtype="datetime64[ns]")   # (not Timestamp objects: 1 s per million)
    early_rows = rows[t[rows] < t[parent_rows[rows]]]
    n = len(early_rows)
    if n:
        row = f["_row"].iloc[early_rows[0]] if "_row" in f.columns else None
        tracker.warnings.append(
            f"{n} repl{'y is' if n == 1 else 'ies are'} dated before the message answered"
            + (f" (e.g. row {row})" if row is not None else "")
            + f"; kept, but {'it cannot count as an answer' if n == 1 else 'they cannot count as answers'}: "
            "check the dates' time zones")


def finish(frame: pd.DataFrame, tracker: Tracker, *, org: str, platform: str,
           org_handles: Iterable[str] = (), fmt: str, encoding: str,
           local_tz: str | None = None) -> tuple[pd.DataFrame, dict]:
    """Skip/count unusable rows, fill the derived columns, conform and validate (see module doc)."""
    f = frame
    if len(f) == 0:
        f = pd.DataFrame({c: pd.Series([], dtype="object") for c in
                          ("message_id", "created_at", "author_id", "text", "kind")})
        f["created_at"] = pd.Series([], dtype="datetime64[ns, UTC]")
        f["author_is_org"] = pd.Series([], dtype=bool)
    if "_row" not in f.columns:
        f = f.assign(_row=np.arange(1, len(f) + 1))
    # 1. text
    if "text" not in f.columns:
        f = f.assign(text="")
    nn = tracker.no_nan
    text_blank = _missing(f["text"], no_nan=nn and f["text"].dtype == object)
    if pd.api.types.is_string_dtype(f["text"].dtype) or f["text"].dtype == object:
        text_blank |= as_str(f["text"]).str.isspace().to_numpy(dtype=bool, na_value=False)
    if text_blank.any():
        media = f["_has_media"].fillna(False).to_numpy(dtype=bool) if "_has_media" in f.columns else False
        # a rating on another scale (0-10) is not stars: its blank texts are not stars-only reviews
        rated = (_whole_stars(f["rating"]) if "rating" in f.columns
                 and not tracker.info.get("rating_not_stars") else False)
        stars_only = int((text_blank & rated & ~media).sum())
        if stars_only:   # a 1-star review with no words is still a complaint to see and answer
            tracker.info["stars_only"] = stars_only
            tracker.warnings.append(f"{stars_only} review(s) give stars but no words; kept, so their stars "
                                    "count (they show as '(no words: N of 5 stars)')")
        f = tracker.drop(f, text_blank & ~media & ~rated, "no text")
        still = _blank(f["text"])
        if still.any():
            f = f.assign(text=f["text"].astype("object").where(~still, ""))
    gone = _deleted_marker(f["text"])   # 1b. a body Reddit replaced: no message left to read
    if gone.any():
        f = tracker.drop(f, gone, "deleted or removed comment")
    if tracker.may_have_cr and any_contains(f["text"], ("\r",)):  # CRLF / CR inside text → \n
        f = f.assign(text=normalise_line_ends(as_str(f["text"])))
    # 2. dates
    if "created_at" not in f.columns:
        raise DataError("no date column: expected when each message was posted", source=tracker.source,
                        field="created_at")
    zones = None
    if "_tz" in f.columns:   # each row's time zone, from a column of its own
        zones = f["_tz"].rename(tracker.info.get("columns_used", {}).get("_tz", "time zone"))
    raw_when = f["created_at"]
    when, blank = to_utc(f["created_at"], tracker.warnings, local_tz, row_zones=zones)
    f = f.assign(created_at=when)
    bad_date = when.isna().to_numpy()
    if bad_date.any():
        f = tracker.drop(f, bad_date & blank.to_numpy(), "missing date")
        relative = _relative_dates(raw_when[f.index], f["created_at"].isna().to_numpy())
        if relative.any():
            col = tracker.info.get("columns_used", {}).get("created_at", "created_at")
            tracker.warnings.append(
                f"{int(relative.sum())} date(s) in column {col!r} are relative to the day the file was "
                f"made (e.g. {str(raw_when[f.index][relative].iloc[0])!r}), so they cannot be turned into "
                "dates; if the file has a column with real dates, name it: columns={'created_at': '<column>'}")
            f = tracker.drop(f, relative, "relative date ('2 weeks ago')")
        f = tracker.drop(f, f["created_at"].isna().to_numpy(), "unparseable date")
    _warn_odd_dates(f["created_at"], tracker)
    # 3. ids
    if "message_id" not in f.columns:
        f = f.assign(message_id="row-" + f["_row"].astype(str))
    f = repair_excel_ids(f, tracker)
    f = tracker.drop(f, _missing(f["message_id"], no_nan=nn and f["message_id"].dtype == object),
                     "missing message_id")
    f = f.assign(message_id=as_str(f["message_id"]))
    # the platform first (constant or few-valued columns are built as categories directly: fast):
    # a message id is unique within its platform, so repeats are looked for per platform
    if "platform" in f.columns and platform == "":
        f = f.assign(platform=category(f["platform"], len(f), lambda v: "other" if pd.isna(v) or not str(v).strip()
                                       else norm_platform(v)))
        odd = sorted(set(map(str, f["platform"].cat.categories)) - set(PLATFORMS))
        if odd:
            tracker.warnings.append(f"platform name(s) {odd[:6]} are not among smlib's platforms "
                                    f"{list(PLATFORMS)}; they were kept as written")
    else:
        f = f.assign(platform=category(platform or "other", len(f)))
    # 4. duplicates (first kept): the same id on the same platform
    repeats = repeated_ids(f["message_id"], f["platform"])
    if repeats.any():
        f = tracker.drop(f, repeats, "duplicate message_id")
        f = f.assign(platform=f["platform"].cat.remove_unused_categories())
    n = len(f)
    several = len(f["platform"].cat.categories) > 1

    # derived columns
    if "org" not in f.columns or org:
        f = f.assign(org=category(org or "unknown", n))
    else:
        f = f.assign(org=category(f["org"], n, lambda v: "unknown" if pd.isna(v) or not str(v).strip()
                                  else str(v).strip()))
    handles = {norm_handle(h) for h in org_handles if str(h).strip()}
    is_org = f["author_is_org"].fillna(False).to_numpy(dtype=bool) if "author_is_org" in f.columns else \
        np.zeros(n, dtype=bool)
    if handles:
        for col in ("author_id", "author_name"):
            if col in f.columns:
                vals = pd.unique(f[col].dropna())
                hits = [v for v in vals if norm_handle(v) in handles]
                is_org = is_org | f[col].isin(hits).to_numpy()
    f = f.assign(author_is_org=is_org)
    # an author the source does not give (a deleted account, a withheld name) stays empty: author_id
    # "" (the model requires a value; no shared stand-in such as 'unknown', which is also a real
    # user name) and author_name NA, so they are never one made-up person
    if "author_id" not in f.columns:
        f = f.assign(author_id="")
    no_author = _missing(f["author_id"], no_nan=nn and f["author_id"].dtype == object) | \
        _deleted_marker(f["author_id"])
    if no_author.any():
        f = f.assign(author_id=f["author_id"].astype("object").where(~no_author, ""))
    if "author_name" in f.columns:
        gone_name = _deleted_marker(f["author_name"])
        if gone_name.any():
            f = f.assign(author_name=f["author_name"].astype("object").where(~gone_name, None))
    has_parent = np.zeros(n, dtype=bool)
    replies_from_links = "parent_id" in f.columns and "replies" not in f.columns
    if "parent_id" in f.columns:
        par_blank = _blank(f["parent_id"])
        par = f["parent_id"].astype("object").where(~par_blank, None)
        f = f.assign(parent_id=par)
        has_parent = ~par_blank
        # a reply is on its parent's platform: with several platforms, links are matched per platform
        parent_rows = _parent_rows(f["message_id"], par)
        if several:
            if parent_rows is None:   # the same id on two platforms: match "platform + id" keys
                parent_rows = _parent_rows(*_link_keys(f["message_id"], par, f["platform"]))
            else:                     # ids unique in the file: drop links that cross platforms
                plat = f["platform"]
                codes = (plat.cat.codes.to_numpy() if isinstance(plat.dtype, pd.CategoricalDtype)
                         else pd.factorize(plat)[0])
                linked = parent_rows >= 0
                cross = np.zeros(n, dtype=bool)
                cross[linked] = codes[parent_rows[linked]] != codes[linked]
                parent_rows[cross] = -1
        if "thread_id" not in f.columns:
            f = f.assign(thread_id=_thread_roots(f["message_id"], par, parent_rows).to_numpy())
        else:   # a source that gives thread ids for some rows only: the rest from the reply links
            no_thread = _blank(f["thread_id"])
            if no_thread.any():
                roots = _thread_roots(f["message_id"], par, parent_rows)
                f = f.assign(thread_id=f["thread_id"].astype("object").where(~no_thread, roots))
        if "replies" not in f.columns:
            if parent_rows is not None:   # the rows in the file replying to each row
                f = f.assign(replies=np.bincount(parent_rows[parent_rows >= 0], minlength=n).astype("int64"))
            else:
                counts = par.dropna().value_counts()
                f = f.assign(replies=f["message_id"].map(counts).fillna(0).astype("int64").to_numpy())
        _warn_replies_before_parents(f, parent_rows, tracker)
    if "thread_id" in f.columns and "parent_id" not in f.columns:
        no_thread = _blank(f["thread_id"])     # no reply links: a message is its own conversation
        if no_thread.any():
            f = f.assign(thread_id=f["thread_id"].astype("object").where(~no_thread, f["message_id"]))
    # kind: 0 post, 1 reply, 2 comment for rows the source did not label; 3 review for the
    # public's messages on a review site in a file of rated reviews (``_review``, from tabular)
    default_codes = np.where(is_org, np.where(has_parent, 1, 0), 2).astype("int8")
    if "_review" in f.columns:
        review = f["_review"].fillna(False).to_numpy(dtype=bool)
        default_codes[review & ~is_org & ~has_parent] = 3
    names = np.array(["post", "reply", "comment", "review"], dtype=object)
    if "kind" not in f.columns:
        k = pd.Categorical.from_codes(default_codes, categories=pd.Index(names, dtype="str"))
        f = f.assign(kind=k.remove_unused_categories().reorder_categories(
            sorted(set(names[np.unique(default_codes)]))))
    else:
        k = f["kind"].astype("object")
        f = f.assign(kind=category(k.where(k.notna(), pd.Series(names[default_codes], index=f.index)), n))
    f = f.drop(columns=[c for c in f.columns if c.startswith("_")])
    f = tidy_counts(f, tracker)
    tracker.info["counts"] = count_sources(f, replies_from_links)
    out = conform_interactions(f)
    validate_interactions(out, source=tracker.source, check_ids=False)  # repeats dropped in step 4
    summary = tracker.summary(len(out), format=fmt, encoding=encoding,
                              platforms=sorted(map(str, out["platform"].cat.categories)) if len(out) else [])
    if len(out) == 0:
        tracker.warnings.append("no messages were kept: see 'reasons' for why each row was skipped")
        summary["warnings"] = list(dict.fromkeys(tracker.warnings))
    return out, summary
