"""Small mends of session 15: one answer to "is this clock UTC?" everywhere."""
from __future__ import annotations

import pandas as pd
import pytest

from smlib.reportview import table, time_zone_sentence
from smlib.schema import is_utc
from smlib.summary import _zone


@pytest.mark.parametrize("tz", ["UTC", "Etc/UTC", "GMT", "Z", "utc", "Etc/GMT", "Zulu"])
def test_every_name_of_utc(tz):
    assert is_utc(tz)
    assert time_zone_sentence(tz, True).startswith("Days and times in this report are in UTC")
    assert _zone({"meta": {"timezone": tz, "home_country": None}}) == " UTC"


@pytest.mark.parametrize("tz", ["Europe/London", "America/New_York", "", None, "GMT+1"])
def test_other_clocks_are_not_utc(tz):
    assert not is_utc(tz)


def _cell(series) -> str:
    html = table(pd.DataFrame({"when": series})).data
    return html[html.index("<td"):html.index("</td>")]


def test_a_time_column_in_gmt_says_utc():
    """A column stored in GMT (or Etc/UTC) is UTC: its times must say so, as UTC columns do."""
    for tz in ("UTC", "Etc/UTC", "GMT"):
        s = pd.Series(pd.to_datetime(["2024-03-11 09:00"])).dt.tz_localize(tz)
        assert "Mon 11 Mar 09:00 UTC" in _cell(s), tz
    local = pd.Series(pd.to_datetime(["2024-03-11 09:00"])).dt.tz_localize("Europe/London")
    assert "UTC" not in _cell(local)


@pytest.mark.parametrize("header, zone", [("Date (GMT+14)", "UTC+14:00"), ("Date (GMT-14:30)", None),
                                          ("Date (UTC+14:45)", None), ("Date (UTC-12)", "UTC-12:00")])
def test_a_header_offset_beyond_any_zone_is_not_read(header, zone):
    """zone_of refuses offsets beyond ±14:00; a date header's 'GMT-14:30' was read as one."""
    from smlib.loaders.tabular import _header_zone
    assert _header_zone(header) == zone


@pytest.mark.parametrize("header, zone", [("Date (Europe/Berlin)", "Europe/Berlin"), ("Date (UTC)", "UTC")])
def test_a_header_zone_is_said_once(tmp_path, header, zone):
    """The header's zone is said with its reason; the general 'dates had no time zone' note that
    would say it again is dropped (one wording in _time, not a copied prefix in the loader)."""
    import smlib
    path = tmp_path / "t.csv"
    path.write_text(f"text,{header}\nhello,2024-03-11 09:00\n", encoding="utf-8")
    warnings = smlib.load(path).load_summary["warnings"]
    said = [w for w in warnings if zone in w and ("time zone" in w or "times are" in w)]
    assert said == [f"the date column's name says its times are {zone}; they were read so"], warnings


def test_discovered_term_examples_cut_with_an_ellipsis():
    """'Words that stand out' examples were cut at 200 characters with no '…' (the note under
    the tables says cut messages end with it)."""
    import smlib
    long = "the refund never came " + "and I waited " * 30
    texts = [long] * 6 + ["lovely staff, thank you"] * 6
    frame = pd.DataFrame({"text": texts, "sentiment_label": ["negative"] * 6 + ["positive"] * 6})
    got = smlib.discover_themes(frame, top=5, examples=1)
    ex = [e for row in got["examples"] for e in row]
    assert ex and all(len(e) <= 200 for e in ex) and any(e.endswith("…") for e in ex)


def test_linkedin_short_relative_dates_are_counted_as_relative(tmp_path):
    """LinkedIn and Instagram pages show '2w', '3d', '1mo' without 'ago'; they were counted as
    'unparseable date' with no hint to use a column of real dates."""
    import smlib
    path = tmp_path / "li.csv"
    path.write_text("text,date\nhello,2w\nthanks,3d\nok,1mo\nfine,2024-03-11 09:00\n", encoding="utf-8")
    s = smlib.load(path).load_summary
    assert s["reasons"] == {"relative date ('2 weeks ago')": 3}
    assert any("relative to the day the file was made" in w for w in s["warnings"])


def test_priority_and_tools_count_days_on_the_loaders_zone(tmp_path):
    """A file loaded with timezone='Europe/London' and no profile: monitor counts 1 July for
    '2026-07-01 00:30' (helper fix 9c6a266); M2's days and the tools' days must agree."""
    import smlib
    from smlib.priority import monitoring_frame
    from smlib.tools import select_days, _clock
    path = tmp_path / "shop.csv"
    path.write_text("text,date,author\nwhere is my parcel,2026-07-01 00:30,ann\n"
                    "thanks,2026-07-02 12:00,bob\n", encoding="utf-8")
    ds = smlib.load(path, timezone="Europe/London")
    frame, days = monitoring_frame(ds, days=["2026-07-01"])
    assert len(frame) == 1 and frame["text"].iloc[0] == "where is my parcel"
    assert len(select_days(ds.interactions, ["2026-07-01"], _clock(ds))) == 1
    assert smlib.metrics.analysis_timezone(ds) == "Europe/London"
