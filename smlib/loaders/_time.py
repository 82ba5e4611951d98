"""Timestamps in every form the sources use → UTC ``datetime64[ns, UTC]``; unparseable → NaT.

Handled: epoch seconds or milliseconds (numbers or digit strings, e.g. Facebook ``1354805114``,
Reddit ``1366044279.0``), ISO 8601 (``2022-11-08T03:07:14Z``, ``2016-07-01T10:22:56.000Z``),
Twitter's ``Tue Oct 31 22:10:47 +0000 2017``, ``2015-02-24 11:35:52 -0800``, and day/month
dates from spreadsheets (``05/01/2026 09:30``: day first, as in the UK, unless the data show
otherwise). Times without a zone are taken as UTC (a warning says so).

One format is chosen from a sample and applied to the whole column at once (fast); rows it
fails on get a second, slower mixed-format pass.

>>> to_utc(pd.Series(["Tue Oct 31 22:10:47 +0000 2017", "1354805114", "rubbish"]))[0].tolist()
[Timestamp('2017-10-31 22:10:47+0000', tz='UTC'), Timestamp('2012-12-06 14:45:14+0000', tz='UTC'), NaT]
"""
from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd

from ._month_names import JOINERS, MONTHS, ORDINALS, WEEKDAYS

_TWITTER = "%a %b %d %H:%M:%S %z %Y"
_RE_EPOCH = re.compile(r"^\s*-?\d{9,13}(\.\d+)?\s*$")
_RE_TWITTER = re.compile(r"^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} [+-]\d{4} \d{4}$")
_RE_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$")
_RE_SLASH = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})")
"""Day and month as numbers before a year, with slashes, dots or dashes (05/01/2026, 05.01.2026,
05-01-2026: Dutch, Danish and Indian spreadsheets use dashes): their order is worked out for the
whole column (:func:`_column_order`), never value by value."""
_RE_TIME_ONLY = re.compile(r"^\s*\d{1,2}[:.h]\d{2}([:.]\d{2})?\s*([ap]\.?m\.?)?\s*$", re.I)
_ZONE_AT_END = (r"(?:\d\s?Z|\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?\s*[+-]\d\d?(?::?\d\d)?"
                r"(?:\s+\d{4})?|(?:UTC|GMT)(?:\s*[+-]\d{1,2}(?::?\d\d)?)?)\s*$")
"""A date's own zone at its end: ``Z``, an offset after the time (``10:00:00+01:00``,
``11:35:52 -0800``, Twitter's ``+0000 2017``), ``UTC``/``GMT``. An offset must follow a time, so
the year of ``05-01-2026`` is no offset. Written for RE2 too (no look-arounds): Arrow runs it."""
_NAIVE_TZ = re.compile(_ZONE_AT_END)
ZONE_WORDS = {"UTC": 0, "GMT": 0, "BST": 60, "WET": 0, "WEST": 60, "CET": 60, "CEST": 120, "EET": 120,
              "EEST": 180, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
              "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600, "AWST": 480,
              "ACST": 570, "ACDT": 630, "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780}
"""Time-zone abbreviations in dates ("Mon Apr 06 22:19:45 PDT 2009") → minutes east of UTC. BST is
British Summer Time and CST/CDT are US Central (the usual readings in English-language data);
IST is left out on purpose (India, Ireland or Israel)."""
_RE_ZONE_WORD = re.compile(r"(?<![A-Za-z])(" + "|".join(sorted(ZONE_WORDS, key=len, reverse=True)) +
                           r")(?:\s*([+-])(\d{1,2})(?::?(\d{2}))?)?(?![A-Za-z0-9])")


_RE_PAREN_ZONE = re.compile(r"(?<=\d)\s*\([A-Za-z][A-Za-z .'-]*\)\s*$")
"""A zone name in brackets after a numeric offset, as JavaScript writes dates:
``Mon Apr 06 2009 22:19:45 GMT-0700 (Pacific Daylight Time)``."""


def _zone_offset(m: re.Match) -> str:
    """``PDT`` → ``-0700``; ``GMT+1`` / ``UTC-05:30`` → ``+0100`` / ``-0530``."""
    minutes = ZONE_WORDS[m.group(1)]
    if m.group(2):
        extra = int(m.group(3)) * 60 + int(m.group(4) or 0)
        minutes += extra if m.group(2) == "+" else -extra
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def _words(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_NOT_LETTER_BEFORE, _NOT_LETTER_AFTER = r"(?<![^\W\d_])", r"(?![^\W\d_])"
_RE_MONTH_NAME = re.compile(_NOT_LETTER_BEFORE + "(" + _words(MONTHS) + r")\.?" + _NOT_LETTER_AFTER, re.I)
_RE_LEADING_WEEKDAY = re.compile(r"^\s*(?:" + _words(WEEKDAYS) + r")\.?,?\s+(?=\S)", re.I)
_RE_JOINER = re.compile(r"(?<=\S)\s+(?:" + _words(JOINERS) + r")\.?\s+(?=\S)|^\s*(?:" + _words(JOINERS) +
                        r")\s+(?=\d)", re.I)
_RE_ORDINAL_DAY = re.compile(r"(?<!\d)(\d{1,2})(?:" + _words(ORDINALS) + r")(?=\s)", re.I)
_RE_DAY_DOT = re.compile(r"(?<!\d)(\d{1,2})\.\s+(?=[A-Za-z])")
_RE_H_TIME = re.compile(r"(?<!\d)(\d{1,2})\s?h\s?(\d{2})?(?![\w:])", re.I)
_RE_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_RE_UHR = re.compile(r"(?<=\d)\s*Uhr\b", re.I)
_ENGLISH_MONTHS = {m.lower() for m in ("January February March April May June July August September October "
                                        "November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov "
                                        "Dec").split()}
_RE_ANY_MONTH = re.compile(_NOT_LETTER_BEFORE + "(?:" + _words(set(MONTHS) | _ENGLISH_MONTHS) + ")" +
                           _NOT_LETTER_AFTER + r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", re.I)
"""What must follow a weekday for it to be one (``mar. 5 mars``), not March (``Mar 12, 2024``)."""
_RE_LOCAL_DATE = re.compile(_NOT_LETTER_BEFORE + "(?:" + _words((set(MONTHS) | set(WEEKDAYS)) - _ENGLISH_MONTHS) +
                            r")\.?" +
                            _NOT_LETTER_AFTER + r"|\d\s?h\s?\d{2}(?![\w:])", re.I)
"""A month or weekday name in another language, or a French hour (``10h30``): the date needs
:func:`_delocalise` before it can be read."""


_RE_TIME_FIRST = re.compile(r"^\s*(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?)\s*,?\s+"
                            r"(?=[^:]*\d)(\S.*?)\s*$")
"""A time written before its date: ``14:05 12/03/2024``, ``2:05 PM, Mar 12, 2024``. Moved
after the date, so that slash dates are read day or month first like the others."""


def _english_month(m: re.Match) -> str:
    return MONTHS[m.group(1).lower()]


def _delocalise_one(v: str) -> str:
    """``lun. 4 mars 2024 à 10h30`` → ``4 Mar 2024 10:30``; ``3. März 2024, 09:15`` → ``3 Mar 2024,
    09:15``; ``12 de marzo de 2024`` → ``12 Mar 2024``. English dates are left as they are.

    >>> [_delocalise_one(v) for v in ["lun. 4 mars 2024 à 10h30", "Mo., 4. März 2024 um 09:15 Uhr",
    ...                                "12 de marzo de 2024", "1er avril 2024", "mar. 5 mars 2024", "Mar 12, 2024"]]
    ['4 Mar 2024 10:30', '4 Mar 2024 09:15', '12 Mar 2024', '1 Apr 2024', '5 Mar 2024', 'Mar 12, 2024']
    """
    day = _RE_LEADING_WEEKDAY.match(v)
    if day and _RE_ANY_MONTH.search(v, day.end()):
        v = v[day.end():]
    v = _RE_MONTH_NAME.sub(_english_month, v)
    v = _RE_JOINER.sub(" ", v)
    v = _RE_ORDINAL_DAY.sub(r"\1", v)
    v = _RE_DAY_DOT.sub(r"\1 ", v)
    if _RE_ANY_MONTH.search(v) or _RE_YEAR.search(v):   # "10h30" only next to a date, never alone
        v = _RE_H_TIME.sub(lambda m: f"{m.group(1)}:{m.group(2) or '00'}", v)
    return _RE_UHR.sub("", v).strip()


def _delocalise(s: pd.Series) -> pd.Series:
    """:func:`_delocalise_one` for a column, once per distinct value."""
    uniq = pd.unique(s.dropna())
    table = {v: _delocalise_one(v) for v in uniq if isinstance(v, str)}
    return s.map(table).where(s.notna(), s).astype("str")


_NS_MIN, _NS_MAX = np.datetime64("1677-09-22", "s"), np.datetime64("2262-04-11", "s")
"""The range of pandas' nanosecond timestamps: dates outside it would wrap round silently."""


def _to_ns(local: np.ndarray) -> np.ndarray:
    """numpy datetimes of any unit → datetime64[ns]; dates outside the nanosecond range (year
    3000, year 0) become NaT instead of wrapping round to a wrong date."""
    bad = (local < _NS_MIN) | (local > _NS_MAX)
    if bad.any():
        local = local.copy()
        local[bad] = np.datetime64("NaT")
    return local.astype("datetime64[ns]")


def _ns_utc(s: pd.Series) -> pd.Series:
    """A tz-aware pandas column of any unit → ``datetime64[ns, UTC]``, out-of-range dates NaT."""
    if s.dtype == "datetime64[ns, UTC]":
        return s
    s = s.dt.tz_convert("UTC") if isinstance(s.dtype, pd.DatetimeTZDtype) else s
    lo, hi = pd.Timestamp(_NS_MIN, tz="UTC"), pd.Timestamp(_NS_MAX, tz="UTC")
    ok = s.isna() | ((s >= lo) & (s <= hi))
    return s.where(ok).astype("datetime64[ns, UTC]")


_NS_LIMIT = 9_200_000_000_000_000_000   # nanoseconds: the edge of pandas' range (year 2262)


def _epoch(values: pd.Series) -> pd.Series:
    """Epoch seconds or milliseconds → UTC. Whole numbers are converted with integer arithmetic
    (``1732540000123`` ms is exactly …40.123, not …40.122999907 as ``/ 1000.0`` gives); only
    values with a fraction (``1366044279.5``) go through floating point."""
    num = pd.to_numeric(values, errors="coerce")
    # seconds up to year ~5000 are < 1e11; bigger numbers are milliseconds
    ms = num.abs() >= 1e11
    secs = num.where(~ms, num / 1000.0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = pd.to_datetime(secs, unit="s", utc=True, errors="coerce")
    vals = num.to_numpy(dtype="float64", na_value=np.nan)
    whole = np.isfinite(vals) & (np.abs(vals) < 2.0 ** 53)
    whole[whole] = vals[whole] == np.round(vals[whole])
    if not (whole & ms.to_numpy(dtype=bool, na_value=False)).any():
        return out   # no whole milliseconds: seconds are exact in floating point already
    ints = num.to_numpy(dtype="int64", na_value=0) if pd.api.types.is_integer_dtype(num.dtype) else \
        np.where(whole, vals, 0).astype("int64")
    scale = np.where(ms.to_numpy(dtype=bool, na_value=False), 1_000_000, 1_000_000_000)
    inside = whole & (np.abs(ints) <= _NS_LIMIT // scale)
    ns = np.where(inside, ints * np.where(inside, scale, 1), 0).astype("datetime64[ns]")
    exact = pd.Series(ns, index=num.index).dt.tz_localize("UTC")
    return exact.where(inside, out.astype("datetime64[ns, UTC]") if len(out) else out)


_MONTHS = [b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec"]
_MONTH_KEYS = np.array([m[0] * 65536 + m[1] * 256 + m[2] for m in _MONTHS])
_MONTH_ORDER = np.argsort(_MONTH_KEYS)


def _twitter_fast(values: pd.Series) -> pd.Series | None:
    """Twitter's fixed-width ``Tue Oct 31 22:10:47 +0000 2017`` rearranged into ISO bytes with
    numpy (no per-row Python), then offset to UTC. Values that do not fit the layout exactly give
    NaT (the caller retries those in other formats); None when the column is not plain ASCII."""
    v = values.to_numpy(dtype=object)
    fits = np.array(values.str.len().to_numpy(dtype=float, na_value=0) == 30, dtype=bool)
    try:
        b = np.array(np.where(fits, v, "?" * 30), dtype="S30")
    except (UnicodeEncodeError, ValueError, TypeError):
        return None
    n = len(b)
    m = b.view(np.uint8).reshape(n, 30)
    key = m[:, 4].astype(np.int64) * 65536 + m[:, 5].astype(np.int64) * 256 + m[:, 6]
    sorted_keys = _MONTH_KEYS[_MONTH_ORDER]
    pos = np.clip(np.searchsorted(sorted_keys, key), 0, 11)
    fits &= sorted_keys[pos] == key
    month = _MONTH_ORDER[pos] + 1
    fits &= (m[:, 3] == 32) & (m[:, 7] == 32) & (m[:, 10] == 32) & (m[:, 19] == 32) & (m[:, 25] == 32)
    fits &= (m[:, 20] == ord("+")) | (m[:, 20] == ord("-"))
    fits &= (m[:, 13] == ord(":")) & (m[:, 16] == ord(":"))
    digits = m[:, [8, 9, 11, 12, 14, 15, 17, 18, 21, 22, 23, 24, 26, 27, 28, 29]]
    fits &= ((digits >= 48) & (digits <= 57)).all(axis=1)
    iso = np.empty((n, 19), dtype=np.uint8)
    iso[:, 0:4] = m[:, 26:30]
    iso[:, 4] = iso[:, 7] = ord("-")
    iso[:, 5] = 48 + month // 10
    iso[:, 6] = 48 + month % 10
    iso[:, 8:10] = m[:, 8:10]
    iso[:, 10] = ord("T")
    iso[:, 11:19] = m[:, 11:19]
    iso[~fits] = np.frombuffer(b"1970-01-01T00:00:00", dtype=np.uint8)
    try:
        local = np.frombuffer(iso.tobytes(), dtype="S19").astype("datetime64[s]")
    except ValueError:  # an impossible date such as 31 February somewhere: let pandas sort it out
        return None
    d = m[:, 21:25].astype(np.int64) - 48
    offset = (d[:, 0] * 10 + d[:, 1]) * 60 + d[:, 2] * 10 + d[:, 3]
    offset = np.where(m[:, 20] == ord("-"), -offset, offset)
    utc = _to_ns(local - offset.astype("timedelta64[m]"))
    utc[~fits] = np.datetime64("NaT")
    return pd.Series(utc, index=values.index).dt.tz_localize("UTC")


_RE_ISO_LAYOUT = re.compile(
    r"^(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d{1,9})?)?)(\s?)(Z|[+-]\d{2}:?\d{2})?$")


def _iso_fast(values: pd.Series) -> pd.Series | None:
    """ISO timestamps that all share one layout (the norm in machine exports, e.g.
    ``2022-11-08T03:07:14Z`` or ``2015-02-24 11:35:52 -0800``) parsed with numpy in one go.
    Returns None when the values differ in layout (the caller then uses pandas)."""
    n = len(values)
    v = values.to_numpy(dtype=object)
    miss = pd.isna(v) | (v == "")
    if n == 0 or miss.all():
        return None
    first = str(v[int(np.argmin(miss))])
    lay = _RE_ISO_LAYOUT.match(first)
    if lay is None:
        return None
    width = len(first)
    if miss.any():
        v = np.where(miss, first, v)   # placeholders, set to NaT at the end
    try:  # one byte wider than the layout: a longer value shows there instead of being cut off
        b = np.array(v, dtype=f"S{width + 1}")
    except (UnicodeEncodeError, ValueError, TypeError):  # non-ASCII, or missing values
        return None
    full = b.view(np.uint8).reshape(n, width + 1)
    if full[:, width].any():
        return None
    digit_full = (full - 48) < 10            # uint8 wraps: one pass over contiguous memory
    m = full[:, :width]
    digit = digit_full[:, :width]
    skeleton = ~digit[0]
    zone_at = lay.start(3) if lay.group(3) else width
    sign_pos = zone_at if lay.group(3) and lay.group(3) != "Z" else None
    same = (digit_full == digit_full[0]).all()
    fixed = np.flatnonzero(skeleton)
    if sign_pos is not None:
        fixed = fixed[fixed != sign_pos]
    if not same or not (m[:, fixed] == m[0, fixed]).all():
        return None
    core = np.ascontiguousarray(m[:, :lay.end(1)])
    if core.shape[1] > 10:
        core[:, 10] = ord("T")
    unit = "ms" if "." in lay.group(1) else "s"
    try:
        local = np.frombuffer(core.tobytes(), dtype=f"S{core.shape[1]}").astype(f"datetime64[{unit}]")
    except ValueError:  # an impossible date such as 2026-02-30 somewhere
        return None
    if sign_pos is not None:
        sign = m[:, sign_pos]
        if not ((sign == ord("+")) | (sign == ord("-"))).all():
            return None
        d = m[:, sign_pos + 1:].astype(np.int64) - 48
        d = d[:, [0, 1, -2, -1]]
        offset = (d[:, 0] * 10 + d[:, 1]) * 60 + d[:, 2] * 10 + d[:, 3]
        local = local - np.where(sign == ord("-"), -offset, offset).astype("timedelta64[m]")
    out = _to_ns(local)
    out[miss] = np.datetime64("NaT")
    return pd.Series(out, index=values.index).dt.tz_localize("UTC")


def _arrow_iso(values: pd.Series) -> pd.Series | None:
    """ISO 8601 text backed by pyarrow, parsed by Arrow's own (C++) ISO parser in one go: all
    values with a zone (``Z``, ``+01:00``) or all without (taken as UTC). None when Arrow refuses
    any value (mixed layouts, impossible dates, other formats): the caller then uses pandas."""
    from ._rows import is_arrow_text
    if not is_arrow_text(values) or len(values) == 0:
        return None
    import pyarrow as pa
    import pyarrow.compute as pc
    arr = pa.chunked_array(values.array._pa_array) if hasattr(values.array, "_pa_array") else None
    if arr is None:
        return None
    empty = pc.equal(pc.utf8_length(arr), 0)
    if pc.any(empty).as_py():
        arr = pc.if_else(empty, pa.scalar(None, arr.type), arr)
    for tz in ("UTC", None):
        try:
            ts = pc.cast(arr, pa.timestamp("us", tz=tz))   # µs: no wrap-round for year 3000
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            continue
        lo, hi = pa.scalar(int(_NS_MIN.astype("int64")) * 10**6, ts.type), \
            pa.scalar(int(_NS_MAX.astype("int64")) * 10**6, ts.type)
        inside = pc.and_(pc.greater_equal(ts, lo), pc.less_equal(ts, hi))
        if not pc.all(inside).as_py():
            ts = pc.if_else(inside, ts, pa.scalar(None, ts.type))
        ts = pc.cast(ts, pa.timestamp("ns", tz=tz))
        # by position: to_pandas() gives a Series numbered 0..n-1, which pd.Series(..., index=)
        # would *align* with the caller's index (wrong dates after any skipped row)
        out = pd.Series(np.asarray(ts.to_pandas(), dtype="datetime64[ns]") if tz is None
                        else ts.to_pandas().array, index=values.index)   # NaT for nulls
        return out.dt.tz_localize("UTC") if tz is None else out.dt.tz_convert("UTC")
    return None


def _parse(values: pd.Series, kind: str, dayfirst: bool, fast_tried: bool = False) -> pd.Series:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if kind == "epoch":
            if not pd.api.types.is_numeric_dtype(values.dtype):   # text: only epoch-sized numbers
                values = values.where(values.str.match(_RE_EPOCH).fillna(False).astype(bool))
            return _epoch(values)
        if kind == "twitter":
            fast = _twitter_fast(values)
            if fast is not None:
                return fast
            return pd.to_datetime(values, format=_TWITTER, utc=True, errors="coerce")
        if kind == "iso":
            fast = None if fast_tried else _iso_fast(values)
            if fast is not None:
                return fast
            return pd.to_datetime(values, format="ISO8601", utc=True, errors="coerce")
        # a time with no date ("14:05") is not a date: pandas would give it today's date
        values = values.where(~values.str.match(_RE_TIME_ONLY).fillna(False).astype(bool))
        # mixed: day-first applies only to slash/dot dates (05/01/2026), never to ISO ones
        slash = values.str.match(_RE_SLASH).fillna(False).astype(bool)
        out = pd.to_datetime(values.where(~slash), format="mixed", dayfirst=False, utc=True, errors="coerce")
        if slash.any():
            out[slash] = pd.to_datetime(values[slash], format="mixed", dayfirst=dayfirst, utc=True,
                                        errors="coerce")
        return out


def _kind_of(sample: list[str]) -> str:
    votes = {"epoch": 0, "twitter": 0, "iso": 0}
    for v in sample:
        if _RE_EPOCH.match(v):
            votes["epoch"] += 1
        elif _RE_TWITTER.match(v):
            votes["twitter"] += 1
        elif _RE_ISO.match(v):
            votes["iso"] += 1
    best = max(votes, key=votes.get)
    return best if votes[best] >= max(1, len(sample) // 2) else "mixed"


def _arrow_of(s: pd.Series):
    """The Arrow array behind a pyarrow-backed text column (None otherwise): its regex functions
    (RE2, in C++) are many times faster than pandas' ``.str`` methods on it."""
    from ._rows import is_arrow_text
    if not is_arrow_text(s) or not hasattr(s.array, "_pa_array"):
        return None
    import pyarrow as pa
    return pa.chunked_array(s.array._pa_array)


def _matches(s: pd.Series, pattern: str) -> np.ndarray:
    """Whether each value of a text column contains ``pattern`` (RE2-compatible), as booleans."""
    arr = _arrow_of(s)
    if arr is not None:
        import pyarrow.compute as pc
        try:
            return np.asarray(pc.fill_null(pc.match_substring_regex(arr, pattern), False), dtype=bool)
        except Exception:   # noqa: BLE001 - an Arrow without RE2: pandas below
            pass
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # "has match groups": only whether it matches counts
        return s.str.contains(pattern, regex=True, na=False).to_numpy(dtype=bool, na_value=False)


_SLASH_FIELDS = r"^\s*(?P<a>\d{1,2})(?P<s1>[/.-])(?P<b>\d{1,2})(?P<s2>[/.-])\d{2,4}"


def _slash_fields(s: pd.Series) -> pd.DataFrame:
    """The day/month fields of the slash (dot, dash) dates among the *distinct* values of a text
    column: numbers a and b and the separator, one row per distinct date (indexed by the row of
    its first appearance, in the column's order)."""
    u = s.dropna().drop_duplicates()
    arr = _arrow_of(u)
    if arr is not None:
        import pyarrow.compute as pc
        parts = pc.extract_regex(arr, _SLASH_FIELDS).combine_chunks()
        got = pd.DataFrame({k: parts.field(k).to_numpy(zero_copy_only=False) for k in ("a", "s1", "b", "s2")},
                           index=u.index)
        got = got[np.asarray(parts.is_valid(), dtype=bool)]   # no match: a null struct of "" fields
    else:
        got = u.astype(str).str.extract(_SLASH_FIELDS)
    got = got[got["a"].notna() & (got["s1"] == got["s2"])]
    return pd.DataFrame({"a": pd.to_numeric(got["a"]).astype(int), "b": pd.to_numeric(got["b"]).astype(int),
                         "sep": got["s1"]}, index=got.index)


def _column_order(s: pd.Series) -> tuple[bool, bool, str, list]:
    """(dayfirst, guessed, why, examples) for the slash dates of a whole column (05/01/2026),
    from every distinct value, so that a proof anywhere decides (a busy first day of
    ``11/05/2026`` followed by ``11/13/2026`` is month first). ``why`` says which decided, for the warning: "proof", "dots", "changes" (the field that
    changes more is the day), "no clue" (UK order), or "both" (some dates can only be day first
    and others only month first: the side more dates prove is used, and pandas reads the others
    their only way). ``examples``: row labels of a slash date (and, for "both", one of each).

    A first field above 12 proves day first, a second above 12 month first; dates written with
    dots (05.03.2024) are day first; otherwise the field that changes more is the day (messages
    over a few days share their month), and with no difference the UK order (day first)."""
    f = _slash_fields(s)
    if f.empty:
        return True, False, "none", []
    big_a, big_b = (f["a"] > 12).to_numpy(), (f["b"] > 12).to_numpy()
    if big_a.any() and big_b.any():
        return int(big_a.sum()) >= int(big_b.sum()), True, "both", [f.index[big_a][0], f.index[big_b][0]]
    if big_a.any() or big_b.any():
        return bool(big_a.any()), False, "proof", []
    if (f["sep"] == ".").all():
        return True, False, "dots", []   # 05.03.2024 is day first wherever dots are used
    na, nb = f["a"].nunique(), f["b"].nunique()
    return nb <= na, True, "changes" if na != nb else "no clue", [f.index[0]]


def _warn_order(warn: list[str], values: pd.Series, order: tuple[bool, bool, str, list]) -> None:
    """Say that the day/month order was a guess, and why (examples as the file writes them)."""
    dayfirst, _, why, rows = order
    shown = [str(values.loc[r]).strip() for r in rows]
    read = "day first (UK order)" if dayfirst else "month first (US order)"
    if why == "both":
        warn.append(f"the date column mixes two orders: {shown[0]!r} can only be day/month and {shown[1]!r} "
                    f"only month/day; dates that could be either were read {read}, as more dates prove it, "
                    "and the others their only way. Save the dates as 2026-01-05 if that is wrong")
        return
    because = ("as nothing in the file tells the order" if why == "no clue" else
               f"because the {'first' if dayfirst else 'second'} field changes more across the file (so it "
               "is the day)")
    warn.append(f"dates like {shown[0]!r} could be day/month or month/day; they were read {read}, {because}. "
                "Save the dates as 2026-01-05 if that is wrong")


_RE_SERIAL = re.compile(r"^\s*\d{5}(\.\d+)?\s*$")
_RE_SMALL_NUMBER = re.compile(r"^\s*\d{1,5}(\.\d+)?\s*$")
_SERIAL_MIN, _SERIAL_MAX = 20000, 80000
"""Excel's serial day numbers for 1954-10-03 … 2119-01-11: what a date cell becomes when a
spreadsheet saves it as a plain number (45357.5625 is 6 March 2024 13:30)."""


def _excel_serial(num: pd.Series, warn: list[str] | None, local_tz: str | None,
                  example: str | None = None, row_zones: pd.Series | None = None) -> pd.Series:
    """Excel serial day numbers (days since 1899-12-30, the fraction is the time of day) → UTC,
    read as clock times like any date without a zone: in each row's zone when the file has a
    zone column (``row_zones``), else in ``local_tz``; out-of-range values NaT."""
    num = pd.to_numeric(num, errors="coerce")
    num = num.where((num >= _SERIAL_MIN) & (num < _SERIAL_MAX))
    naive = pd.Timestamp("1899-12-30") + pd.to_timedelta(num.astype("float64"), unit="D")
    naive = naive.dt.round("s")
    if warn is not None:
        ex = example if example is not None else str(num.dropna().iloc[0]) if num.notna().any() else "?"
        first = naive.dropna().iloc[0] if naive.notna().any() else None
        warn.append(f"dates are Excel day numbers (e.g. {ex!r} = {first:%d %b %Y %H:%M}); they were read as "
                    "dates. Format the column as a date in the spreadsheet to avoid this"
                    if first is not None else f"dates look like Excel day numbers (e.g. {ex!r})")
    return _naive_to_utc(_ns_utc(naive.dt.tz_localize("UTC")), local_tz, row_zones, warn)


def _naive_to_utc(out: pd.Series, local_tz: str | None, row_zones: pd.Series | None,
                  warn: list[str] | None) -> pd.Series:
    """Clock times written without a zone (held as if UTC) → UTC: each row in its own zone when
    the file has a zone column, else all in ``local_tz``."""
    if row_zones is None:
        return _from_local(out, local_tz, warn)
    return _from_row_zones(out, out.notna().to_numpy(), row_zones, local_tz, warn)


UTC_ASSUMED = "dates had no time zone; they were taken as UTC"


def local_assumed(local_tz: str) -> str:
    """The warning for times without a zone read as ``local_tz`` clock times (one wording, so
    the loader can drop it when a header has already said the zone)."""
    return (f"dates had no time zone; they were taken as {local_tz} clock times (the time "
            "zone given or the organisation's) and converted to UTC")
_RE_FIXED_ZONE = re.compile(r"^UTC([+-])(\d{2}):(\d{2})$")


def _tz(name: str) -> object:
    """A zone name as pandas takes it: an IANA name as it is; ``UTC-08:00`` (a fixed offset, from
    a header such as ``Created Time (PST)``) as a :class:`datetime.timezone`."""
    m = _RE_FIXED_ZONE.match(name)
    if not m:
        return name
    import datetime as dt
    minutes = (int(m.group(2)) * 60 + int(m.group(3))) * (-1 if m.group(1) == "-" else 1)
    return dt.timezone(dt.timedelta(minutes=minutes), name)


def _from_local(out: pd.Series, local_tz: str | None, warn: list[str] | None) -> pd.Series:
    """Times written without a zone: clock times in ``local_tz`` (the organisation's zone, e.g.
    Europe/London, so summer times are an hour ahead of UTC), or UTC when no zone is known. In the
    autumn hour that happens twice the earlier (summer) reading is used; a spring-forward gap
    time moves on to the first real time."""
    if not local_tz or local_tz.upper() == "UTC":
        if warn is not None:
            warn.append(UTC_ASSUMED)
        return out
    naive = out.dt.tz_convert("UTC").dt.tz_localize(None)
    local = naive.dt.tz_localize(_tz(local_tz), ambiguous=np.ones(len(naive), dtype=bool),
                                 nonexistent="shift_forward")
    if warn is not None:
        warn.append(local_assumed(local_tz))
    return _ns_utc(local)


_MAX_OFFSET = 14 * 60
"""No zone on Earth is further than 14 hours from UTC: ``+25:00`` is a mistake, not a zone."""
_RE_OFFSET = re.compile(r"^([+\-\u2212])(\d{1,2})(?::?(\d{2}))?$")


def zone_of(value: object) -> str | int | None:
    """A time-zone cell → an IANA name (``"Europe/London"``), minutes east of UTC (``+01:00``,
    ``+0100``, ``-5``, ``GMT+1``, ``UTC-05:30``, ``BST``, ``UTC``), or None (blank or unknown).

    >>> [zone_of(v) for v in ["Europe/London", "+01:00", "GMT+1", "-0530", "UTC", "", "Mars/Base", "+25:00"]]
    ['Europe/London', 60, 60, -330, 0, None, None, None]
    """
    import zoneinfo
    v = str(value).strip() if value is not None and not (isinstance(value, float) and value != value) else ""
    if not v:
        return None
    m = _RE_OFFSET.match(v)
    w = None if m else _RE_ZONE_WORD.fullmatch(v)
    if m and int(m.group(3) or 0) < 60:
        minutes = (-1 if m.group(1) != "+" else 1) * (int(m.group(2)) * 60 + int(m.group(3) or 0))
        return minutes if abs(minutes) <= _MAX_OFFSET else None
    if w:
        off = _zone_offset(w)
        minutes = (-1 if off[0] == "-" else 1) * (int(off[1:3]) * 60 + int(off[3:5]))
        return minutes if abs(minutes) <= _MAX_OFFSET else None
    if "/" in v or v.isalpha():
        try:
            zoneinfo.ZoneInfo(v)
            return v
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            return None
    return None


def _from_row_zones(out: pd.Series, naive: np.ndarray, zones: pd.Series, local_tz: str | None,
                    warn: list[str] | None) -> pd.Series:
    """Times without a zone in rows ``naive``, read as clock times in each row's own zone
    (``zones``, a column of the file); a blank or unknown zone falls back to ``local_tz``."""
    out = out.copy()
    cells = zones.astype("object").where(zones.notna(), "").astype(str).str.strip().to_numpy()
    meaning = {v: zone_of(v) for v in pd.unique(cells[naive])}
    got = np.array([meaning.get(v) for v in cells], dtype=object)
    for zone in {z for z in meaning.values() if z is not None}:
        rows = naive & np.array([g == zone and type(g) is type(zone) for g in got], dtype=bool)
        if not rows.any():
            continue
        idx = out.index[rows]
        if isinstance(zone, str):
            out[idx] = _from_local(out[idx], zone, None)
        else:
            out[idx] = out[idx] - pd.Timedelta(minutes=zone)
    rest = naive & np.array([g is None for g in got], dtype=bool)
    if rest.any():
        idx = out.index[rest]
        out[idx] = _from_local(out[idx], local_tz, None)
    if warn is not None:
        used = [v for v, z in meaning.items() if z is not None]
        name = zones.name if zones.name is not None else "time zone"
        warn.append(f"dates had no time zone of their own; each row's zone was taken from column '{name}' "
                    f"({int((naive & ~rest).sum())} row(s); e.g. {', '.join(map(repr, used[:4]))})")
        if rest.any():
            unknown = [v for v, z in meaning.items() if z is None and v]
            blank = int((naive & (cells == "")).sum())
            why = (f"{blank} have none" if blank else "") + ("; " if blank and unknown else "") + \
                (f"{int(rest.sum()) - blank} have one smlib does not know ({', '.join(map(repr, unknown[:4]))})"
                 if unknown else "")
            warn.append(f"{int(rest.sum())} row(s) could not use column '{name}' ({why}); they were taken as "
                        f"{local_tz or 'UTC'} clock times. Write zones as Europe/London, +01:00 or UTC")
    return out


NOT_DATES = frozenset({"now", "today", "tomorrow", "yesterday", "just now"})
"""Words pandas would read as a date relative to the moment of loading."""


def to_utc(values: pd.Series, warn: list[str] | None = None,
           local_tz: str | None = None, row_zones: pd.Series | None = None) -> tuple[pd.Series, pd.Series]:
    """Parse ``values`` into UTC datetimes. Returns ``(datetimes, blank)``: NaT marks a failure,
    ``blank`` says which of those were empty in the source (missing rather than unparseable).
    Times without a zone are read as ``local_tz`` clock times (UTC when None), or, with
    ``row_zones`` (a column giving each row's zone), in each row's own zone. Notes for the
    user (naive times, ambiguous day/month order) are appended to ``warn``."""
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        return _ns_utc(values), values.isna()
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        out = _ns_utc(values.dt.tz_localize("UTC"))
        if values.notna().any():
            out = _naive_to_utc(out, local_tz, row_zones, warn)
        return out, values.isna()
    if pd.api.types.is_numeric_dtype(values.dtype):
        given = values.dropna()
        if len(given) and bool(((given >= _SERIAL_MIN) & (given < _SERIAL_MAX)).all()):
            return _excel_serial(values, warn, local_tz, row_zones=row_zones), values.isna()
        # epoch numbers can reach far outside pandas' nanosecond range (-99999999999 s is the
        # year -1199): those become NaT ("unparseable date") instead of failing later
        return _ns_utc(_epoch(values)), values.isna()
    s = values if values.dtype == "str" else values.astype("str")
    picks = s.iloc[np.linspace(0, len(s) - 1, min(400, len(s))).astype(int)].tolist() if len(s) else []
    sample = [x.strip() for x in picks if isinstance(x, str) and x.strip()][:200]
    if not sample:
        sample = [str(x).strip() for x in s.dropna().head(5000) if str(x).strip()][:200]
    if _kind_of(sample) == "mixed":
        if any(_RE_LOCAL_DATE.search(v) for v in sample):
            s = _delocalise(s)   # "12 mars 2024", "3. März 2024": month names in English
            sample = [_delocalise_one(v) for v in sample]
        if any(_RE_TIME_FIRST.match(v) for v in sample):   # "14:05 12/03/2024" → "12/03/2024 14:05"
            s = s.str.replace(_RE_TIME_FIRST, r"\2 \1", regex=True)
            sample = [_RE_TIME_FIRST.sub(r"\2 \1", v) for v in sample]
    if any(_RE_PAREN_ZONE.search(v) for v in sample):   # JavaScript's "... GMT-0700 (PDT)": the
        s = s.str.replace(_RE_PAREN_ZONE, "", regex=True)   # offset says it; the name repeats it
        sample = [_RE_PAREN_ZONE.sub("", v) for v in sample]
    if any(_RE_ZONE_WORD.search(v) for v in sample):   # "PDT", "GMT+1": written as offsets
        s = s.str.replace(_RE_ZONE_WORD, _zone_offset, regex=True)
        sample = [_RE_ZONE_WORD.sub(_zone_offset, v) for v in sample]
    # plain numbers of up to 5 digits can be no other kind of date (epochs have 9 or more), so
    # when at least half are in the serial range the column is Excel's; the rest count as bad
    serials = [v for v in sample if _RE_SERIAL.match(v) and _SERIAL_MIN <= float(v) < _SERIAL_MAX]
    if sample and len(serials) * 2 >= len(sample) and all(_RE_SMALL_NUMBER.match(v) for v in sample):
        num = pd.to_numeric(s.where(s.str.match(_RE_SERIAL).fillna(False).astype(bool)), errors="coerce")
        blank = (s.isna() | (s.str.strip() == "")).astype(bool)
        return _excel_serial(num, warn, local_tz, example=serials[0], row_zones=row_zones), blank
    kind = _kind_of(sample)
    # day/month order from every distinct value of the column, so that a proof anywhere decides
    # (a busy first day hid it from a sample); only slash dates need it, and they are read "mixed"
    order = _column_order(s) if kind == "mixed" else None
    out = _arrow_iso(s) if kind == "iso" else None
    strict = uniform = out is not None     # Arrow's ISO reader reads no words; pandas' readers do
    if out is None and kind == "iso":
        out = _iso_fast(s)
        uniform = out is not None   # Arrow's and this reader's values share one layout: all zoned or none
    if out is None:
        out = _parse(s, kind, order[0] if order else True, fast_tried=kind == "iso")
    failed = out.isna().to_numpy()
    blank = pd.Series(False, index=s.index)
    if not strict or failed.any():
        # pandas reads "now" and "today" as the moment of loading: a scraped "today" would become
        # a real-looking date (of the day the file was loaded), so these words are not dates
        words = s.str.strip().str.lower().isin(NOT_DATES).to_numpy(dtype=bool, na_value=False)
        if words.any():
            out = _ns_utc(out).copy()
            out[words] = pd.NaT
            s = s.where(~words, "\x00")     # and no second pass reads them either
            failed = out.isna().to_numpy()
    # which dates were written without a zone, value by value (a date's own zone always wins):
    # free when one fast reader read them all (one layout), a vectorised regex otherwise
    first = ~failed
    if kind in ("epoch", "twitter") or not first.any():
        naive = np.zeros(len(s), dtype=bool)
    elif uniform:
        naive = first if not _NAIVE_TZ.search(str(s.iloc[int(np.argmax(first))]).strip()) else \
            np.zeros(len(s), dtype=bool)
    else:
        naive = first & ~(_matches(s, _ZONE_AT_END) | _matches(s, _RE_EPOCH.pattern) |
                          _matches(s, _RE_TWITTER.pattern))
    naive = pd.Series(naive, index=s.index)
    if failed.any():
        # only the rows the fast format missed: blank ones are "missing"; the rest get a second
        # pass in the other formats (spaces trimmed)
        rest = s[failed].str.strip()
        empty = rest.isna().to_numpy() | (rest == "").to_numpy(dtype=bool, na_value=True)
        blank[rest.index[empty]] = True
        rest = rest[~empty]
        out = _ns_utc(out)  # one unit, so later passes can fill it in
        if order is None and not rest.empty:   # every slash date of the column is among these
            order = _column_order(rest)
        for other in ("iso", "twitter", "epoch", "mixed"):
            if other == kind or rest.empty:
                continue
            again = _ns_utc(_parse(rest, other, order[0] if order else True))
            ok = again.notna().to_numpy()
            out[rest.index[ok]] = again[ok]
            if other in ("iso", "mixed") and ok.any():
                got = rest[ok]
                naive[got.index] = ~(_matches(got, _ZONE_AT_END) | _matches(got, _RE_EPOCH.pattern))
            rest = rest[~ok]
    if warn is not None and order is not None and order[1]:
        _warn_order(warn, values, order)
    out = _ns_utc(out)
    parsed = out.notna().to_numpy()
    naive = naive.to_numpy(dtype=bool) & parsed
    if naive.any() and naive.sum() == parsed.sum():
        out = _naive_to_utc(out, local_tz, row_zones, warn)
    elif naive.any():
        # some dates carry a zone and some do not: only those without one are local clock times
        out = out.copy()
        if row_zones is None:
            out[naive] = _from_local(out[naive], local_tz, warn)
        else:
            out = _from_row_zones(out, naive, row_zones, local_tz, warn)
        if warn is not None:
            ex = str(values.iloc[int(np.argmax(naive))]).strip()
            warn.append(f"the date column mixes dates with a time zone and {int(naive.sum())} without "
                        f"one (e.g. {ex!r}); save all dates the same way if the times look wrong")
    return out, blank
