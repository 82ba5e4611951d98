"""Notebook 02 (sentiment and themes) under papermill: the printed figures are recomputed here.

Runs the committed notebook with other parameters (another organisation, chosen days, one
platform) and checks its headline counts against a calculation made in the test process.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import nbformat
import pytest

import smlib

from _nbrun import run_in  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NB = ROOT / "notebooks" / "02_sentiment_and_themes.ipynb"


def _run(tmp_path: Path, **params) -> str:
    return run_in(tmp_path, NB, **params)


def _expected(org: str, days, platforms) -> list[str]:
    ds = smlib.load_org(org)
    tz = ds.profile.timezone
    chosen = smlib.default_days(ds, platforms=platforms) if days is None else \
        sorted(dt.date.fromisoformat(d) for d in days)
    f = ds.interactions
    local_day = f["created_at"].dt.tz_convert(tz).dt.date
    keep = local_day.isin(chosen) & ~f["author_is_org"]
    if platforms:
        keep &= f["platform"].astype(str).isin(platforms)
    cust = f[keep]
    labels = smlib.add_sentiment(cust)["sentiment_label"].astype(str)
    n = len(cust)
    lines = [f"Messages from the public on those days: {n}",
             "Monitoring days: " + ", ".join(d.isoformat() for d in chosen)]
    for lab in ("negative", "neutral", "positive"):
        k = int((labels == lab).sum())
        lines.append(f"  {lab}: {k} ({k / max(1, n):.0%})")
    neg = int((labels == "negative").sum())
    lines.append(f"Total: {neg} of {n} messages from the public ({neg / max(1, n):.0%})")
    return lines


@pytest.mark.slow
@pytest.mark.parametrize("org,days,platforms", [
    ("brightmart", None, None),
    ("kelby-council", ["2026-10-27", "2026-10-29", "2026-10-30"], ["x"]),
])
def test_notebook_02_prints_the_right_figures(tmp_path, org, days, platforms):
    out = _run(tmp_path, org=org, days=days, platforms=platforms)
    for line in _expected(org, days, platforms):
        assert line in out, f"missing or different: {line!r}"
    assert "Score: " in out and "-> negative" in out   # the worked example
    assert "Computer said:" in out                     # the correction demo ran


def test_notebook_02_has_parameters_and_checked_cells():
    nb = nbformat.read(NB, as_version=4)
    tags = [t for c in nb.cells for t in c.metadata.get("tags", [])]
    assert tags.count("parameters") == 1
    assert tags.count("nbval-check-output") >= 6
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.slow
@pytest.mark.realdata
def test_notebook_02_runs_on_a_real_export(realdata, tmp_path):
    path = realdata / "twcs" / "twcs_head5000.csv"
    out = _run(tmp_path, org=str(path))
    assert "Messages from the public on those days:" in out
    assert "No answer key for this data" in out      # real data has no answer key: the notebook says so


@pytest.mark.slow
def test_notebook_02_runs_on_an_export_with_no_messages_from_the_public(tmp_path):
    """Own posts only (a Mastodon outbox): nothing to score, and every section says so."""
    path = ROOT / "tests" / "data" / "loaders" / "good" / "outbox.json"
    assert not (~smlib.load_org(str(path)).interactions["author_is_org"]).any()
    out = _run(tmp_path, org=str(path))
    for line in ("Messages from the public on those days: 0",
                 "Nobody from the public wrote on these days",
                 "No negative messages from the public on these days, so there is no chart to draw.",
                 "No message from the public has a theme on these days",
                 "No messages from the public on these days, so there is nothing to correct."):
        assert line in out, f"notebook output is missing: {line}"
