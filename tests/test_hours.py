"""Business-minute arithmetic against a brute-force minute-by-minute count."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from smlib.hours import business_minutes_between, is_open
from smlib.schema import Profile

CAFE = Profile(slug="c", name="Cafe", business_hours={
    "timezone": "Europe/London", "mon": "07:00-18:00", "tue": "07:00-18:00", "wed": "07:00-18:00",
    "thu": "07:00-18:00", "fri": "07:00-21:30", "sat": "08:00-16:00", "sun": "closed"})


def brute_force(start: pd.Timestamp, end: pd.Timestamp, profile: Profile) -> int:
    minutes = pd.date_range(start, end, freq="min", inclusive="left")
    return int(is_open(pd.Series(minutes), profile).sum())


def assert_random_pairs_match(profile: Profile, base: str, seed: int, days: int, longest: int, n: int) -> None:
    """Business minutes for ``n`` random (start, end) pairs from ``base`` equal a minute-by-minute count."""
    rng = np.random.default_rng(seed)
    starts = pd.Timestamp(base, tz="UTC") + pd.to_timedelta(rng.integers(0, days * 24 * 60, n), unit="min")
    ends = starts + pd.to_timedelta(rng.integers(0, longest * 24 * 60, n), unit="min")
    got = business_minutes_between(pd.Series(starts), pd.Series(ends), profile)
    assert got.round().astype(int).tolist() == [brute_force(s, e, profile) for s, e in zip(starts, ends)]


def test_matches_brute_force_on_random_pairs():
    assert_random_pairs_match(CAFE, "2026-03-20", seed=7, days=20, longest=5, n=40)  # spans 29 March


def test_weekend_gap_counts_only_open_time():
    fri_17 = pd.Series(pd.to_datetime(["2026-01-09 17:00"], utc=True))
    mon_10 = pd.Series(pd.to_datetime(["2026-01-12 10:00"], utc=True))
    # Fri 17:00-21:30 (270) + Sat 08:00-16:00 (480) + Sun 0 + Mon 07:00-10:00 (180)
    assert business_minutes_between(fri_17, mon_10, CAFE).iloc[0] == 270 + 480 + 180


def test_missing_end_gives_nan():
    s = pd.Series(pd.to_datetime(["2026-01-09 17:00"], utc=True))
    e = pd.Series([pd.NaT], dtype="datetime64[ns, UTC]")
    assert np.isnan(business_minutes_between(s, e, CAFE).iloc[0])


def test_is_open_respects_local_time():
    # 07:30 UTC in July is 08:30 in London: open on a Monday; 06:30 UTC is 07:30 BST: also open
    t = pd.Series(pd.to_datetime(["2026-07-06 05:30", "2026-07-06 06:30", "2026-07-12 12:00"], utc=True))
    assert is_open(t, CAFE).tolist() == [False, True, False]


NIGHT = Profile(slug="n", name="Night line", business_hours={
    "timezone": "Europe/London", **{d: "00:00-00:00" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}})
LATE = Profile(slug="l", name="Late bar", business_hours={
    "timezone": "Europe/London", **{d: "00:30-03:00" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}})


@pytest.mark.parametrize("profile", [NIGHT, LATE, CAFE])
@pytest.mark.parametrize("base", ["2026-10-20", "2026-03-24"])   # across the October / March change
def test_open_minutes_across_the_clock_change_match_brute_force(profile, base):
    """An organisation open at night: a reply 40 minutes after 00:30 UTC on 25 October 2026 was
    -20 business minutes (the local clock goes back), and one across the March change was 80."""
    assert_random_pairs_match(profile, base, seed=11, days=9, longest=3, n=60)


def test_a_reply_over_the_october_change_is_never_negative():
    a = pd.Series(pd.to_datetime(["2026-10-25 00:30", "2026-03-29 00:50"], utc=True))
    b = pd.Series(pd.to_datetime(["2026-10-25 01:10", "2026-03-29 01:10"], utc=True))
    assert business_minutes_between(a, b, NIGHT).tolist() == [40.0, 20.0]


def test_clock_change_correction_survives_a_stray_old_date_and_half_hour_zones():
    a = pd.Series(pd.to_datetime(["2026-10-25 00:30", "1970-01-01 09:00"], utc=True))
    b = pd.Series(pd.to_datetime(["2026-10-25 01:10", "1970-01-01 09:10"], utc=True))
    assert business_minutes_between(a, b, NIGHT).tolist()[0] == 40.0
    howe = Profile(slug="h", name="Lord Howe line", business_hours={
        "timezone": "Australia/Lord_Howe", **{d: "00:00-00:00" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}})
    start = pd.Series(pd.to_datetime(["2026-10-03 15:10", "2026-04-04 14:40"], utc=True))
    end = start + pd.Timedelta(minutes=40)
    got = business_minutes_between(start, end, howe)
    assert got.tolist() == [brute_force(s, e, howe) for s, e in zip(start, end)] == [40, 40]
