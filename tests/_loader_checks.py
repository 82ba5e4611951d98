"""Shared by the loader tests: where the fixtures live and the invariants every load keeps."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

import smlib

HERE = Path(__file__).parent / "data" / "loaders"
GOOD = HERE / "good"
BAD = HERE / "bad"


def check_summary(ds: smlib.Dataset) -> dict:
    """The invariants every successful load must keep: kept + skipped = read, every skip has a
    reason, the table has the kept rows, and it passes the model's validation."""
    s = ds.load_summary
    assert s["rows_kept"] + s["rows_skipped"] == s["rows_in"]
    assert s["rows_skipped"] == sum(s["reasons"].values())
    assert len(ds.interactions) == s["rows_kept"]
    ds.validate()
    return s


def utc(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")
