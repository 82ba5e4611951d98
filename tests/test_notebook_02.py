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
from test_notebooks import table_problems, words_not_codes_problems  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NB = ROOT / "notebooks" / "02_sentiment_and_themes.ipynb"
SRC = ROOT / "notebooks" / "src" / "02_sentiment_and_themes.py"


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
    # review (hopewell-trust): 'sentiment_label' over the theme table, '[facebook]' before the
    # most negative messages, '(corrected: True)', tables headed sentiment_label, known_theme
    assert not words_not_codes_problems(out), words_not_codes_problems(out)
    assert "corrected: True" not in out
    nb = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    assert not table_problems(nb), table_problems(nb)


@pytest.mark.slow
def test_notebook_02_says_so_when_no_complaint_was_missed_and_colours_platforms_as_01(tmp_path):
    """hopewell-trust: every real complaint is scored negative, and the missed-complaints cell
    printed 'Empty DataFrame Columns: [...] Index: []'; the chart of negatives per platform drew
    Facebook green and X cyan (tab10) while notebook 01 draws them blue and dark grey."""
    from smlib.charts import PLATFORM_COLOURS

    _run(tmp_path, org="hopewell-trust")
    nb = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    missed = next(c for c in nb.cells if c.source.startswith("if truth is not None:   # the sample's answer key"))
    shown = "".join(o.get("text", "") + o.get("data", {}).get("text/html", "") for o in missed.outputs)
    assert "Empty DataFrame" not in shown and "it missed none this time" in shown
    chart = next(c for c in nb.cells if "by_day_platform.plot(" in c.source)
    assert 'color=colours' in chart.source and "tab10" not in chart.source
    setup = next(c for c in nb.cells if "colours = platform_colours(" in c.source)
    assert setup is not None and PLATFORM_COLOURS["facebook"] == "#0072B2"


def test_notebook_02_text_describes_only_what_it_shows():
    """Review: 'Rows marked (rule)' when no row is, 'the sentiment_rules column' that is not
    shown, and 'Check the security notebook' when security is notebook 03, section 8."""
    text = SRC.read_text("utf-8")
    assert "sentiment_rules" not in text
    assert "security notebook" not in text and "Notebook 03 (section 8" in text
    assert "Rows marked **(rule)** are" not in text and "This message has none" in text
    assert smlib.explain_sentiment("Still waiting for my refund after 3 weeks. Thanks for nothing 🙄")[
        "what"].ne("(rule)").all()   # so "has none" is true of the worked example


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
