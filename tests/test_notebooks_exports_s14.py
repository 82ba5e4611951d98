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


# ---------------------------------------------------------------- 2. new / returning
def test_new_and_returning_are_not_counted_when_they_cannot_be_told(tiny, sample):
    res = smlib.monitor(tiny)
    assert res["meta"]["earlier_data"] is False
    users = res["users"]
    assert users["new_users"].isna().all() and users["returning_users"].isna().all()
    assert users["note"].str.contains("not known").all()
    assert res["headline"]["new_users"] is None and res["headline"]["returning_users"] is None
    cmp = smlib.compare_periods(tiny, current=res).set_index("figure")
    assert cmp["this_period"].isna()["new_users"]            # no "3 new people"
    # the sample has earlier data: counts as before
    s = smlib.monitor(sample)["headline"]
    assert (s["users"], s["new_users"], s["returning_users"]) == (193, 97, 96)


def test_users_chart_without_new_and_returning(tiny):
    from smlib import charts
    fig = charts.users(smlib.monitor(tiny), interactive=True)
    assert [t.name for t in fig.data] == ["people"] and list(fig.data[0].y) == [3]
    assert "not known" in fig.layout.title.text


# ---------------------------------------------------------------- 4. load summary, clock
def test_load_lines_say_what_was_dropped_and_which_clock():
    from smlib.summary import load_lines
    ds = smlib.load_org(str(TINY))
    lines = load_lines(ds, smlib.monitor(ds))
    assert lines[0] == "Data: 3 rows read from tiny.csv; 3 used."
    assert "Note: dates had no time zone; they were taken as UTC." in lines
    assert any(l.startswith("Days and hours are counted in UTC") for l in lines)
    assert not any("org=" in l or "smlib.load" in l for l in lines)
    assert any("P3 asks you to monitor five days; this is only one day" in l for l in lines)
    # a dropped row is reported with its reason
    ds = smlib.load(str(DATA / "skipped.csv"))
    assert load_lines(ds)[0] == "Data: 4 rows read from skipped.csv; 3 used, 1 not used because of: no text (1)."


def test_load_lines_sample(sample):
    from smlib.summary import load_lines
    ds = smlib.load_sample("northway-rail")
    assert load_lines(ds, smlib.monitor(ds)) == [
        "Data: the sample organisation Northway Rail (2,797 messages).",
        "Days and hours are counted in the organisation's own time zone (Europe/London)."]


# ---------------------------------------------------------------- 5. no UK assumed
def test_home_country_from_the_profile_or_none(tiny, sample):
    from smlib import charts
    from smlib.summary import home_country_sentence
    res = smlib.monitor(tiny)
    assert "UK" not in charts.regions(res, interactive=True).layout.title.text
    assert home_country_sentence(res).startswith("Home country: not known")
    s = smlib.monitor(sample)
    assert charts.regions(s, interactive=True).layout.title.text == "Where in the UK the audience lives"
    assert home_country_sentence(s) == "Home country: the UK."


# ---------------------------------------------------------------- 6. years, far-apart days
def test_days_years_apart():
    from smlib import charts
    from smlib.summary import _comparison
    assert charts.day_labels(["2012-01-05", "2017-08-26"]) == ["Thu 5 Jan 2012", "Sat 26 Aug 2017"]
    assert charts.day_labels(["2026-10-26", "2026-10-27"]) == ["Mon 26 Oct", "Tue 27 Oct"]
    ds = smlib.load(str(DATA / "years_apart.csv"))
    res = smlib.monitor(ds)
    fig = charts.volume_by_day(res, interactive=True)
    assert all(str(x)[-4:].isdigit() for x in fig.data[0].x)
    text = _comparison(smlib.compare_periods(ds, current=res))
    assert "far apart (over 2 years" in text
    assert "1 message a day then" in text and "1 messages" not in text


# ---------------------------------------------------------------- 8. line breaks, no author
def test_line_breaks_and_missing_authors_in_message_tables():
    import pandas as pd
    from smlib import reportview as rv
    html = rv.message_table(pd.DataFrame({"platform": ["reddit", "reddit"], "author": ["user-1", ""],
                                          "text": ["line one\n\nline two", "hi"]})).data
    assert "\\n" not in html and "line one line two" in html
    assert rv.NO_AUTHOR in html
    assert rv.author_label(None) == rv.NO_AUTHOR and rv.author_label("archive-owner") == "the organisation"
    assert rv.one_line("a\r\nb") == "a b"


# ---------------------------------------------------------------- 9. names, not codes
def test_display_names_are_handles_not_slugs(sample):
    from smlib.summary import display_name
    assert display_name(smlib.load(str(DATA / "airline_small.csv"))) == \
        "3 organisations (@united, @USAirways, @AmericanAir)"
    assert display_name(smlib.load_org(str(TINY))) == "the organisation in tiny.csv"
    assert smlib.monitor(smlib.load_org(str(TINY)))["meta"]["name"] == "the organisation in tiny.csv"
    assert display_name(sample) == "Northway Rail"


def test_replies_signed_with_the_handle():
    q = smlib.prioritise(smlib.load(str(DATA / "airline_small.csv")))
    signed = q["suggested_response"].dropna().astype(str)
    signed = signed[signed != ""]
    assert len(signed) and not signed.str.contains(r"\], (?:united|us-airways|american)\b").any()
    assert signed.str.contains(r"\], @(?:united|USAirways|AmericanAir)").all()


def test_rule_and_situation_words():
    from smlib import reportview as rv
    assert rv.rule_words("waiting {waited} without a reply") == "waiting a long time without a reply"
    assert rv.situation_label("default") == "Anything else"
    import pandas as pd
    assert rv.readable(pd.DataFrame({"type": ["question", "praise"]}))["type"].tolist() == ["Question", "Praise"]


def test_better_when_at_most_only_with_a_target(tiny, sample):
    cmp = smlib.compare_periods(tiny).set_index("figure")
    assert cmp.loc["negative_share", "better_when"] == "lower"
    s = smlib.compare_periods(sample).set_index("figure")
    assert s.loc["negative_share", "better_when"] == "at most"


# ---------------------------------------------------------------- 10. ties
def test_no_single_busiest_hour_or_day_when_tied(tiny, sample):
    from smlib.summary import busiest_lines
    lines = busiest_lines(smlib.monitor(tiny))
    assert lines[0].startswith("Busiest day: only one monitoring day")
    assert lines[2] == "Busiest hour for the public: none stood out - the busiest 3 hours had 1 message each"
    ds = smlib.load(str(DATA / "years_apart.csv"))
    assert busiest_lines(smlib.monitor(ds))[0] == "Busiest day: none - every monitoring day had 1 message"
    assert busiest_lines(smlib.monitor(sample)) == [
        "Busiest day: 2026-10-30 with 101 messages", "Busiest platform: X",
        "Busiest hour for the public: 13:00-14:00 (19 messages)"]


# ---------------------------------------------------------------- 12. the file's own labels
def test_hand_labels_are_an_answer_key():
    ds = smlib.load(str(DATA / "airline_small.csv"))
    scored = smlib.add_sentiment(ds.interactions)
    labels = smlib.metrics.hand_labels(scored)
    assert labels is not None and labels.notna().all()
    lines = smlib.metrics.hand_label_lines(scored, labels)
    assert lines[0].startswith("This file carries labels given by people (an answer key) for 10 of")
    assert smlib.metrics.hand_labels(smlib.load_org(str(TINY)).interactions) is None


# ---------------------------------------------------------------- 13. whole-number axes
def test_whole_number_ticks():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from smlib import charts
    fig, ax = plt.subplots()
    ax.bar(["a"], [1])
    charts.whole_number_axis(ax, "y")
    fig.canvas.draw()
    assert all(float(t).is_integer() for t in ax.get_yticks())
    plt.close(fig)


# ---------------------------------------------------------------- the notebooks themselves
def _run(nb: str, org: Path):
    from _nbrun import notebook_stdout, run_notebook
    return notebook_stdout(run_notebook(str(NOTEBOOKS / nb), (("org", str(org)),)))


def test_notebook_01_on_the_tiny_csv():
    out = _run("01_monitoring.ipynb", TINY)
    assert "Organisation: the organisation in tiny.csv" in out
    assert "Data: 3 rows read from tiny.csv; 3 used." in out
    assert "own time zone" not in out and "Days and hours are counted in UTC" in out
    assert "Busiest hour for the public: none stood out" in out
    assert "Targets: none" in out
    assert "(here the UK)" not in out


def test_notebook_02_uses_the_file_labels_and_says_when_nothing_is_missed():
    out = _run("02_sentiment_and_themes.ipynb", DATA / "airline_small.csv")
    assert "No answer key for this data" not in out
    assert "This file carries labels given by people" in out
    out = _run("02_sentiment_and_themes.ipynb", TINY)
    assert "There is no answer key for this data, so we cannot list the complaints" in out


def test_notebook_04_recommends_no_tool_that_sees_nothing():
    out = _run("04_tools.ipynb", TINY)
    assert "Recommended tool:" not in out
    assert "No tool in the catalogue covers other sites" in out
    assert "With my weights: no tool" in out


def test_report_title_starts_with_a_capital_for_a_file_named_organisation():
    from smlib.reportview import report_title
    assert report_title("the organisation in tiny.csv") == \
        "The organisation in tiny.csv: social media monitoring report"
    assert report_title("Northway Rail") == "Northway Rail: social media monitoring report"
