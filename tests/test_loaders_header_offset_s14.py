"""A date column named "Date (GMT+1)" holds times one hour ahead of UTC; they were taken as UTC
with a warning that the dates had no time zone (session 14 review)."""
from __future__ import annotations

import pandas as pd
import pytest

import smlib


@pytest.mark.parametrize("header, utc_hour", [("Date (GMT+1)", 9), ("Time (UTC-5)", 15),
                                              ("Date (UTC+05:30)", 4), ("Date (GMT)", 10)])
def test_offset_in_the_date_header_is_read(tmp_path, header, utc_hour):
    p = tmp_path / "export.csv"
    p.write_text(f"{header},Message,Author\n2026-03-02 10:00,Still waiting for my refund,@amy\n",
                 encoding="utf-8")
    ds = smlib.load(p, org="shop")
    got = ds.interactions["created_at"].iloc[0]
    want = pd.Timestamp("2026-03-02 10:00", tz="UTC").replace(hour=utc_hour)
    if header == "Date (UTC+05:30)":
        want = pd.Timestamp("2026-03-02 04:30", tz="UTC")
    assert got == want
    assert not any("no time zone" in w for w in ds.load_summary["warnings"])


def test_a_date_with_its_own_zone_still_wins(tmp_path):
    p = tmp_path / "export.csv"
    p.write_text("Date (GMT+1),Message,Author\n2026-03-02T10:00:00Z,Late again,@amy\n", encoding="utf-8")
    assert smlib.load(p, org="shop").interactions["created_at"].iloc[0] == pd.Timestamp("2026-03-02 10:00", tz="UTC")
