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

import numpy as np
import pandas as pd

from .schema import WEEKDAYS, Profile

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
    """Business minutes elapsed from a fixed Monday to each moment (NaN where time is NaT)."""
    t = pd.to_datetime(times, utc=True)
    local = t.dt.tz_convert(profile.timezone).dt.tz_localize(None)
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
    return pd.Series(out, index=times.index)


def business_minutes_between(start: pd.Series, end: pd.Series, profile: Profile) -> pd.Series:
    """Open minutes between ``start`` and ``end`` (element-wise; NaN where either is missing)."""
    return business_clock(end, profile) - business_clock(start, profile)


def is_open(times: pd.Series, profile: Profile) -> pd.Series:
    """True where the organisation is open at that moment (local business hours)."""
    t = pd.to_datetime(times, utc=True).dt.tz_convert(profile.timezone)
    opens, lengths, _b, _w = _week_table(profile)
    d = t.dt.day_of_week.to_numpy()
    mod = (t.dt.hour * 60 + t.dt.minute).to_numpy()
    return pd.Series((mod >= opens[d]) & (mod < opens[d] + lengths[d]), index=times.index)
