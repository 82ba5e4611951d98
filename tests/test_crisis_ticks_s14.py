"""Crisis chart dates read without doubt: "03-12 00" was read as 3 December by UK learners
(session 14 notebook review); ticks now say "Tue 12 Mar" / "09:00" in the chart's own zone."""
from __future__ import annotations

import re

import matplotlib
import pandas as pd

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from smlib import crisis  # noqa: E402


def _labels(frame: pd.DataFrame) -> tuple[list[str], str]:
    r = crisis.detect_crisis(frame)
    ax = crisis.plot_crisis(r)
    try:
        ax.figure.canvas.draw()
        return [t.get_text() for t in ax.get_xticklabels()], ax.xaxis.get_offset_text().get_text()
    finally:
        plt.close(ax.figure)


def _frame(times: list[str]) -> pd.DataFrame:
    n = len(times)
    return pd.DataFrame({"created_at": pd.to_datetime(times, utc=True), "sentiment": [-0.6] * n,
                         "sentiment_label": ["negative"] * n, "author_is_org": [False] * n,
                         "author_id": [f"u{i}" for i in range(n)], "platform": ["x"] * n,
                         "message_id": [str(i) for i in range(n)], "text": ["late again"] * n})


def test_one_day_shows_clock_times_and_the_date_once():
    ticks, offset = _labels(_frame(["2024-03-12 09:10", "2024-03-12 18:20"]))
    assert ticks and all(re.fullmatch(r"\d\d:\d\d", t) for t in ticks if t)
    assert "12 Mar 2024" in offset


def test_weeks_show_month_names_not_number_pairs():
    times = [f"2024-03-{d:02d} 10:00" for d in range(1, 29)]
    ticks, _ = _labels(_frame(times))
    assert not any(re.search(r"\d\d-\d\d", t) for t in ticks)
    assert any(re.search(r"[A-Z][a-z]{2}", t) for t in ticks)
