"""Business hours arithmetic: how many *open* minutes lie between two moments.

Response times "in business hours" and "how long has the customer waited" both need it.
Vectorised: each moment is turned into "business minutes since a fixed Monday", so a wait
is a subtraction, whatever the number of rows.

Example
-------
>>> import pandas as pd
>>> from smlib.schema import Profile
>>> p = Profile(slug="t", name="T")            # Mon-Fri 09:00-17:00, Europe/London
>>> a = pd.Series(pd.to_datetime(["2026-01-09 16:00"], utc=True))   # Friday 16:00
>>> b = pd.Series(pd.to_datetime(["2026-01-12 10:00"], utc=True))   # Monday 10:00
>>> business_minutes_between(a, b, p).tolist()
[120.0]
"""
from __future__ import annotations

import re
from typing import Iterable

import numpy as np
import pandas as pd

from .errors import DataError
from .textforms import fold_unicode
from .schema import WEEKDAYS, Profile

CLOSED_WORDS = ("closed", "", "none", "shut")
"""What a profile may say for a day the organisation is closed."""
_TO = re.compile(r"\s*(?:[-\u2010-\u2015\u2212~]+|\b(?:to|till|til|until)\b)\s*")
"""Between opening and closing time: a hyphen, an en or em dash (what Word, a Mac or a phone
make of '-'), a minus sign, '~', or the words 'to', 'till', 'until'."""
_TIME = re.compile(r"(?:(?P<h>\d{1,2})(?:\s*(?::\s*(?P<m>\d{1,2})|\.(?P<dm>\d{2})))?|(?P<hhmm>\d{4}))"
                   r"\s*(?:(?P<ap>[ap])\.?\s*m\.?)?")
_NAMED = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}
HOURS_FORMS = "'09:00-17:00', '9am-5pm', '9.30am to 5.30pm' or 'closed'"


def read_hours(spec: object, source: str | None = None, field: str | None = None,
               what: str = "business hours") -> tuple[int, int] | None:
    """One day's opening hours as (open minute, close minute) from midnight, or None when closed.

    Reads what a UK tutor writes, in any editor: ``09:00-17:00``, ``9:00 – 17:30`` (en or em
    dash), ``09:00 to 17:00``, ``09.00-17.00``, ``0900-1730``, ``9am-5pm``, ``9.30 a.m. till
    5.30 p.m.``, ``9-5pm`` (am/pm written once: the other time is read so that it opens first),
    ``noon``, ``midnight``, full-width digits. A closing time of 00:00 (or ``midnight``,
    ``12am``) is the end of the day. Anything else, a time that does not exist (``25:00``,
    ``13pm``) and hours that close before they open (``9-5``: am or pm?) are a
    :class:`smlib.DataError` naming ``source`` and ``field``; ``what`` starts its message.

    >>> read_hours("9am – 5.30pm"), read_hours("09.00 to 17.00"), read_hours("closed")
    ((540, 1050), (540, 1020), None)
    """

    raw = str(spec)
    text = " ".join(fold_unicode(raw).lower().split())
    if text.rstrip(".") in CLOSED_WORDS:
        return None
    parts = _TO.split(text)
    times = [_clock(p) for p in parts] if len(parts) == 2 else [None]
    if None in times:
        raise DataError(f"{what} must look like {HOURS_FORMS}, got {raw!r}", source=source, field=field)
    (ha, ma, apa), (hb, mb, apb) = times
    if not all((1 <= h <= 12) if ap else (0 <= h <= 24) for h, ap in ((ha, apa), (hb, apb))) \
            or max(ma, mb) > 59:
        raise DataError(f"{what} must be times of day like {HOURS_FORMS}, got {raw!r}",
                        source=source, field=field)
    if apb and not apa and 1 <= ha < 12:      # "9-5pm": 9am; "1-5pm": 1pm
        apa = apb if _minute(ha, ma, apb) < _minute(hb, mb, apb, end=True) else {"a": "p", "p": "a"}[apb]
    if apa and not apb and 1 <= hb < 12:      # "9am-5": 5pm
        apb = apa if _minute(ha, ma, apa) < _minute(hb, mb, apa, end=True) else {"a": "p", "p": "a"}[apa]
    start, end = _minute(ha, ma, apa), _minute(hb, mb, apb, end=True)
    if start >= 24 * 60 or end > 24 * 60:
        raise DataError(f"{what} must be times of day like {HOURS_FORMS}, got {raw!r}",
                        source=source, field=field)
    if end <= start:
        raise DataError(f"{what} close before they open ({raw!r}); write the times as 09:00-17:00 "
                        "or with am/pm (9am-5pm); hours past midnight are not supported: end the "
                        "day at 00:00 (e.g. '22:00-00:00') and start the next day at 00:00",
                        source=source, field=field)
    return start, end


def _clock(text: str) -> tuple[int, int, str | None] | None:
    """'9.30am' -> (9, 30, 'a'); '17:00' -> (17, 0, None); 'noon' -> (12, 0, None); else None."""
    if text in _NAMED:
        return (*_NAMED[text], None)
    m = _TIME.fullmatch(text)
    if m is None:
        return None
    if m["hhmm"]:
        return int(m["hhmm"][:2]), int(m["hhmm"][2:]), m["ap"]
    return int(m["h"]), int(m["m"] or m["dm"] or 0), m["ap"]   # "9:5" is 09:05, as it always was


def _minute(h: int, m: int, ap: str | None, end: bool = False) -> int:
    """Minutes from midnight; 12am is midnight, 12pm noon; a closing 00:00 is the day's end."""
    if ap:
        h = h % 12 + (12 if ap == "p" else 0)
    minute = h * 60 + m
    return 24 * 60 if end and minute == 0 else minute

_EPOCH_MONDAY = pd.Timestamp("2000-01-03")  # a Monday
_DAY = 24 * 60


def _week_table(profile: Profile) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    hours = profile.opening_hours()
    opens = np.zeros(7)
    closes = np.zeros(7)
    for i, d in enumerate(WEEKDAYS):
        if hours[d] is not None:
            opens[i], closes[i] = hours[d]
    lengths = np.clip(closes - opens, 0, None)
    before = np.concatenate([[0.0], np.cumsum(lengths)[:-1]])
    return opens, lengths, before, float(lengths.sum())


def business_clock(times: pd.Series, profile: Profile) -> pd.Series:
    """Open minutes elapsed from a fixed Monday to each moment on the local clock (NaN where time
    is NaT). Use :func:`business_minutes_between` for a length of time: it also corrects for
    the clock changes in between."""
    t = pd.to_datetime(times, utc=True)
    local = t.dt.tz_convert(profile.timezone).dt.tz_localize(None)
    return pd.Series(_naive_clock(local, profile), index=times.index)


def _clock_changes(years: Iterable[int], profile: Profile) -> list[tuple[np.datetime64, float]]:
    """Each clock change in these years: (the first UTC moment on the new offset, open minutes to
    add to a local-clock count across it). When the clocks go back the repeated stretch happens
    twice (its open minutes count twice: +); when they go forward the skipped stretch never
    happens (-). Found on a 15-minute grid: some zones change at half past the hour."""
    changes = []
    for y in sorted(set(years)):
        grid = pd.date_range(f"{y}-01-01", f"{y + 1}-01-01", freq="15min", tz="UTC")
        offset = ((grid.tz_convert(profile.timezone).tz_localize(None) - grid.tz_localize(None))
                  / pd.Timedelta(minutes=1)).to_numpy()
        for i in np.flatnonzero(np.diff(offset) != 0) + 1:
            before, after = float(offset[i - 1]), float(offset[i])
            at = grid[i].tz_localize(None)
            a = at + pd.Timedelta(minutes=min(before, after))
            b = at + pd.Timedelta(minutes=max(before, after))
            window = _naive_clock(pd.Series([a, b]), profile)
            open_minutes = float(window[1] - window[0])
            if open_minutes:
                changes.append((at.to_datetime64(), open_minutes if after < before else -open_minutes))
    return changes


def _naive_clock(local: pd.Series, profile: Profile) -> np.ndarray:
    """Open minutes from a fixed Monday on the local clock (naive local times)."""
    opens, lengths, before, week = _week_table(profile)
    minutes = (local - _EPOCH_MONDAY) / pd.Timedelta(minutes=1)
    m = minutes.to_numpy(dtype=float)
    weeks = np.floor(m / (7 * _DAY))
    in_week = m - weeks * 7 * _DAY
    day = np.floor(in_week / _DAY)
    ok = ~np.isnan(day)
    d = np.where(ok, day, 0).astype(int)
    minute_of_day = in_week - day * _DAY
    within = np.clip(minute_of_day - opens[d], 0, lengths[d])
    out = weeks * week + before[d] + within
    out[~ok] = np.nan
    return out


def business_minutes_between(start: pd.Series, end: pd.Series, profile: Profile) -> pd.Series:
    """Open minutes between ``start`` and ``end`` (element-wise; NaN where either is missing).

    Counted on the local clock, then corrected for each clock change in between: without this,
    for an organisation open at night a reply 40 minutes after 00:30 UTC on 25 October 2026 was
    -20 business minutes (the hour repeats) and one across the March change was 80.
    """
    s = pd.to_datetime(start, utc=True)
    e = pd.to_datetime(end, utc=True)
    if isinstance(s, pd.Series) and isinstance(e, pd.Series) and len(s) == len(e) and not s.index.equals(e.index):
        e = e.set_axis(s.index)       # element-wise by position, as documented
    out = business_clock(e, profile) - business_clock(s, profile)
    both = (s.notna() & e.notna()).to_numpy()
    if not both.any():
        return out
    years = {int(y) for y in pd.concat([s[both], e[both]]).dt.year.unique()}
    if max(years) - min(years) <= 2:     # a reply a year later still crosses the changes between
        years = set(range(min(years), max(years) + 1))
    changes = _clock_changes(years, profile)
    if changes:
        ss = s.to_numpy(dtype="datetime64[ns]")
        ee = e.to_numpy(dtype="datetime64[ns]")
        fix = np.zeros(len(out))
        for at, minutes in changes:
            fix += np.where(both & (ss < at) & (ee >= at), minutes, 0.0)
            fix -= np.where(both & (ee < at) & (ss >= at), minutes, 0.0)   # end before start
        out = out + fix
    return out


def is_open(times: pd.Series, profile: Profile) -> pd.Series:
    """True where the organisation is open at that moment (local business hours)."""
    t = pd.to_datetime(times, utc=True).dt.tz_convert(profile.timezone)
    opens, lengths, _b, _w = _week_table(profile)
    d = t.dt.day_of_week.to_numpy()
    mod = (t.dt.hour * 60 + t.dt.minute).to_numpy()
    return pd.Series((mod >= opens[d]) & (mod < opens[d] + lengths[d]), index=times.index)
