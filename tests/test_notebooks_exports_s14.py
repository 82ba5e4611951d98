"""Review of notebooks 01–04 run on real exports and on a tiny CSV (session 14).

``tests/data/s14_nb/tiny.csv`` is the reviewer's 3-row CSV: three messages from the public on
one day, no platform (so "other sites"), no message by the business, dates with no time zone.
Most tests call the library functions the notebooks call; a few run a notebook under papermill.
Guards check that the bundled sample organisation reads as before.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import smlib
from smlib import tools

DATA = Path(__file__).parent / "data" / "s14_nb"
NOTEBOOKS = Path(__file__).parent.parent / "notebooks"
TINY = DATA / "tiny.csv"


@pytest.fixture(scope="module")
def tiny():
    return smlib.enrich(smlib.load_org(str(TINY)))


@pytest.fixture(scope="module")
def sample():
    return smlib.enrich(smlib.load_sample("northway-rail"))


# ---------------------------------------------------------------- 1. a tool that sees nothing
def test_no_tool_is_recommended_when_no_tool_sees_a_message(tiny):
    rec = smlib.recommend_tool(tiny)
    assert rec.recommended is None and rec.runner_up is None
    text = rec.text()
    assert "Recommended tool:" not in text and "0%" not in text
    assert text.startswith("No tool in the catalogue covers other sites, where all 3 messages")
    assert "no tool is recommended" in text
    assert rec.short() == "no tool (none of them sees these messages)"
    assert "nothing for the weights to change" in rec.stability()
    assert not len(rec.flips) and not rec.sensitivity["changed"].any()


def test_the_empty_coverage_chart_says_why(tiny):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    ax = tools.plot_coverage(smlib.tool_coverage(tiny))
    words = " ".join(t.get_text() for t in ax.texts)
    assert "No tool sees any of these messages" in words and "other sites" in words
    plt.close("all")


def test_sample_recommendation_unchanged(sample):
    rec = smlib.recommend_tool(sample)
    assert rec.recommended_name == "Brand24" and rec.why_none == ""
    assert rec.text().startswith("Recommended tool: Brand24.")
    assert rec.short() == f"Brand24 (runner-up: {rec.runner_up_name})"
    ax = tools.plot_coverage(smlib.tool_coverage(sample))
    assert not ax.texts


# ---------------------------------------------------------------- 7. dash vs sees none
def test_tool_columns_tell_not_given_from_sees_none(tiny, sample):
    from smlib.reportview import figures_for_people
    v = figures_for_people(tools.compare_views(tiny, ["meta-business-suite", "brand24"]), missing="–")
    assert v.loc["messages", "Brand24"] == tools.SEES_NONE
    assert v.loc["negative", "Meta Business Suite"] == "–"      # not a measure it gives
    assert v.loc["negative", "Brand24"] == tools.SEES_NONE      # it gives it, sees nothing
    s = figures_for_people(tools.compare_views(sample, ["meta-business-suite", "brand24"]), missing="–")
    assert s.loc["negative", "Meta Business Suite"] == "–"
    assert s.loc["followers_end", "Brand24"] == tools.NO_FIGURE  # gives users, has no follower counts
    assert s.loc["messages", "Brand24"] == "302"


# ---------------------------------------------------------------- 9. codes in 04
def test_fact_sources_and_coverage_headings_are_words():
    f = tools.catalogue_facts()
    row = f[(f["tool"] == "klout") & (f["fact"] == "status")].iloc[0]
    assert row["source_name"] == "The Verge, 10 May 2018"
    assert set(f.loc[f["source"] == "unverified", "source_name"]) == {"not confirmed"}
    assert not f["source_name"].str.contains(r"^[a-z0-9]+(?:-[a-z0-9]+)+$").any()


def test_coverage_table_headings(tiny):
    tab = tools.coverage_table(smlib.tool_coverage(tiny))
    assert "seen" not in tab.columns and "of" not in tab.columns
    assert {"messages it sees", "out of"} <= set(tab.columns)
