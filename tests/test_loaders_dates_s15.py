"""Session 15 review of dates (probes in /tmp/rev_loaders15): decisions about a date column that
were taken from a sample of its first values now use the whole column.

1. zoned or zone-less is decided value by value: a date's own zone always wins, and every
   date without one is read in ``timezone=`` (before, the first 200 values decided for all);
2. day/month order is decided from evidence anywhere in the column, and the column is read
   one way (before, a busy first day hid the proof further down);
3. the ``timezone=`` given to ``smlib.load`` is kept (``load_summary["timezone"]``) and the
   analyses count days on that clock when there is no profile.
"""
from __future__ import annotations

import pandas as pd

import smlib
from smlib.metrics import monitor


def _csv(tmp_path, name, dates):
    rows = [f"{i},{d},u{i % 7},message number {i}" for i, d in enumerate(dates)]
    p = tmp_path / name
    p.write_text("id,date,author,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return p


def _at(ds, i):
    f = ds.interactions
    return f.loc[f["message_id"] == str(i), "created_at"].iloc[0]


def test_zoned_dates_after_many_zoneless_keep_their_zone(tmp_path):
    naive = [f"2026-07-01 10:{i % 60:02d}" for i in range(300)]
    zoned = [f"2026-07-01T10:{i % 60:02d}:00Z" for i in range(300)]
    ds = smlib.load(_csv(tmp_path, "zoned_late.csv", naive + zoned), org="x", timezone="Europe/London")
    assert _at(ds, 0) == pd.Timestamp("2026-07-01 09:00", tz="UTC")     # London clock time
    assert _at(ds, 300) == pd.Timestamp("2026-07-01 10:00", tz="UTC")   # its own Z wins
    assert any("mixes dates with a time zone and 300 without one" in w for w in ds.load_summary["warnings"])


def test_zoneless_dates_after_many_zoned_are_read_in_the_timezone_given(tmp_path):
    zoned = [f"2026-07-01T10:{i % 60:02d}:00Z" for i in range(300)]
    naive = [f"2026-07-01 10:{i % 60:02d}" for i in range(300)]
    ds = smlib.load(_csv(tmp_path, "naive_late.csv", zoned + naive), org="x", timezone="Europe/London")
    assert _at(ds, 0) == pd.Timestamp("2026-07-01 10:00", tz="UTC")
    assert _at(ds, 300) == pd.Timestamp("2026-07-01 09:00", tz="UTC")   # was 10:00, silently UTC
    warns = ds.load_summary["warnings"]
    assert any("Europe/London" in w for w in warns)
    assert any("mixes dates with a time zone and 300 without one" in w for w in warns)


def test_dash_dates_without_time_are_not_taken_for_zoned(tmp_path):
    # "05-07-2026" ends like an offset ("-2026"): it has no zone, so timezone= applies
    ds = smlib.load(_csv(tmp_path, "dash.csv", ["05-07-2026", "06-07-2026", "07-07-2026"]), org="x",
                    timezone="Europe/London")
    assert _at(ds, 0) == pd.Timestamp("2026-07-04 23:00", tz="UTC")


def test_all_zoned_or_all_zoneless_columns_unchanged(tmp_path):
    ds = smlib.load(_csv(tmp_path, "z.csv", ["2026-07-01T10:00:00Z"] * 3), org="x", timezone="Europe/London")
    assert _at(ds, 0) == pd.Timestamp("2026-07-01 10:00", tz="UTC")
    assert not any("time zone" in w for w in ds.load_summary["warnings"])
    ds = smlib.load(_csv(tmp_path, "n.csv", ["2026-07-01 10:00"] * 3), org="x", timezone="Europe/London")
    assert _at(ds, 0) == pd.Timestamp("2026-07-01 09:00", tz="UTC")
    assert not any("mixes dates" in w for w in ds.load_summary["warnings"])


def _us_busy_first_day():
    busy = [f"11/05/2026 08:{i % 60:02d}" for i in range(250)]
    later = [f"11/{d:02d}/2026 09:{k:02d}" for d in range(6, 20) for k in range(5)]
    return busy + later


def test_month_first_proof_after_a_busy_first_day_reads_the_whole_column_month_first(tmp_path):
    ds = smlib.load(_csv(tmp_path, "us_busy.csv", _us_busy_first_day()), org="x")
    when = ds.interactions["created_at"]
    assert set(when.dt.month) == {11}                       # was 250 in May, 40 in November, …
    assert _at(ds, 0).day == 5 and _at(ds, 250).day == 6 and _at(ds, 319).day == 19
    assert not any("could be day/month or month/day" in w for w in ds.load_summary["warnings"])


def test_day_first_proof_late_in_the_column(tmp_path):
    busy = [f"05/11/2026 08:{i % 60:02d}" for i in range(250)]
    later = [f"{d:02d}/11/2026 09:{k:02d}" for d in range(6, 20) for k in range(5)]
    ds = smlib.load(_csv(tmp_path, "uk_busy.csv", busy + later), org="x")
    assert set(ds.interactions["created_at"].dt.month) == {11}
    assert not any("could be day/month or month/day" in w for w in ds.load_summary["warnings"])


def test_ambiguous_order_still_warns_with_the_field_that_changes_more(tmp_path):
    dates = [f"03/{d:02d}/2026" for d in range(1, 13)]       # second field changes: month first
    ds = smlib.load(_csv(tmp_path, "amb.csv", dates), org="x")
    assert set(ds.interactions["created_at"].dt.month) == {3}
    assert any("could be day/month or month/day" in w and "month first" in w
               for w in ds.load_summary["warnings"])


def test_timezone_given_is_kept_and_monitor_counts_days_on_that_clock(tmp_path):
    p = tmp_path / "dateonly_summer.csv"
    p.write_text("Date,Author,Message\n2026-07-01,jo,hello one\n2026-07-01,al,hello two\n"
                 "2026-07-02,al,hello three\n", encoding="utf-8")
    ds = smlib.load(p, org="x", timezone="Europe/London")
    assert ds.profile is None
    assert ds.load_summary["timezone"] == "Europe/London"
    res = monitor(ds)
    days = [str(d) for d in res["daily"]["day"]]
    assert days == ["2026-07-01", "2026-07-02"]                # was 30 June and 1 July (UTC days)
    assert res["meta"]["timezone"] == "Europe/London"


def test_no_timezone_given_keeps_utc_days(tmp_path):
    p = tmp_path / "plain.csv"
    p.write_text("Date,Author,Message\n2026-07-01 23:30,jo,hello one\n", encoding="utf-8")
    ds = smlib.load(p, org="x")
    assert ds.load_summary.get("timezone") is None
    assert [str(d) for d in monitor(ds)["daily"]["day"]] == ["2026-07-01"]
