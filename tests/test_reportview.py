"""reportview.figures_for_people: headline figures written the way a person says them."""
from __future__ import annotations

import pandas as pd

import smlib
from smlib import tools
from smlib.reportview import figure_kind, figures_for_people


def test_comparison_table_has_units_not_raw_floats():
    ds = smlib.load_sample("northway-rail")
    days = smlib.default_days(ds, 5)
    cmp = smlib.compare_periods(ds, days=days)
    shown = figures_for_people(cmp).set_index("figure")
    raw = cmp.set_index("figure")
    share = raw.loc["answered_share", "this_period"]
    assert shown.loc["answered_share", "this_period"] == f"{share:.0%}"
    change = raw.loc["negative_share", "change"]
    assert shown.loc["negative_share", "change"].endswith(" pts")
    assert shown.loc["negative_share", "change"].startswith("-" if change < 0 else "+")
    assert shown.loc["first_response_median_minutes", "this_period"].endswith("min")
    assert shown.loc["messages", "this_period"] == f"{int(raw.loc['messages', 'this_period']):,}"
    # no target: a blank, not 'nan'
    assert shown.loc["messages", "target"] == ""
    # the words columns are left alone
    assert (shown["status"] == raw["status"]).all()
    assert not shown.to_string().count("nan")


def test_tool_views_show_dashes_percentages_and_theme_names():
    ds = smlib.load_sample("northway-rail")
    days = smlib.default_days(ds, 5)
    views = tools.compare_views(ds, ["meta-business-suite", "brand24"], days=days)
    shown = figures_for_people(views, missing="–")
    assert shown.index.tolist() == views.index.tolist()
    assert shown.loc["national_share"].str.endswith("%").all()
    assert shown.loc["negative", "Meta Business Suite"] == "–"       # not given by the tool
    theme = views.loc["top_theme", "full picture"]
    assert shown.loc["top_theme", "full picture"] == smlib.themes.theme_labels()[theme]
    assert shown.loc["top_age_group", "full picture"] == views.loc["top_age_group", "full picture"]


def test_figure_kinds():
    assert figure_kind("engagement_rate") == "pct2"
    assert figure_kind("follower_growth_pct", change=True) == "pts_number"
    assert figure_kind("top_theme") == "text"
    assert figure_kind("waiting", change=True) == "change"
    frame = pd.DataFrame({"figure": ["waiting"], "now": [None]})
    assert figures_for_people(frame, ["now"], missing="n/a")["now"].tolist() == ["n/a"]


def test_a_short_word_is_never_split_across_lines_but_a_long_one_may_wrap():
    """The report's queue split 8-digit pseudonyms in two ('user-937687d / f') once they grew
    from 6 digits: short one-word cells do not wrap; long links still wrap inside their cell."""
    from smlib import reportview as rv
    html = rv.table(pd.DataFrame({"From": ["user-937687df", "x" * 60], "Message": ["a b", "c d"]})).data
    assert '<td style="white-space:nowrap">user-937687df</td>' in html
    assert "<td>" + "x" * 60 + "</td>" in html and "<td>a b</td>" in html
