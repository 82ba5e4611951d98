"""reportview.figures_for_people: headline figures written the way a person says them."""
from __future__ import annotations

import re

import pandas as pd

import smlib
from smlib import reportview as rv
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


def test_a_change_is_the_difference_of_the_figures_as_shown():
    """twcs: '6 min | 6 min | -1 min', '67% | 75% | -9 pts' and '7 | 157 | -150.4': the change
    was worked out on unrounded figures, so it did not match the two numbers beside it."""
    from smlib.reportview import figures_for_people
    cmp = pd.DataFrame({"figure": ["first_response_median_minutes", "answered_share", "new_users", "top_theme"],
                        "this_period": [5.6, 0.6672, 7.4, "delays"],
                        "previous_period": [6.4, 0.7549, 157.8, "staff"],
                        "change": [-0.8, -0.0877, -150.4, None], "target": [60, 0.9, None, None]})
    out = figures_for_people(cmp, ["this_period", "previous_period", "change", "target"])
    assert out.values.tolist()[:3] == [
        ["first_response_median_minutes", "6 min", "6 min", "no change", "1 h"],
        ["answered_share", "67%", "75%", "-8 pts", "90%"],
        ["new_users", "7", "158", "-151", ""]]


def test_rows_beyond_the_table_are_only_said_to_be_in_a_file_that_holds_them():
    """Under the themes table the report said '… and 1 more rows (all are in the CSV)', but only
    the action queue is written as a CSV."""
    from smlib.reportview import table
    f = pd.DataFrame({"a": range(14)})
    assert "… and 2 more rows.</p>" in table(f, max_rows=12).data
    assert "… and 1 more row.</p>" in table(f.head(13), max_rows=12).data
    assert "(all are in action_queue.csv)" in table(f, max_rows=12, rest_in="action_queue.csv").data
    assert "CSV" not in table(f, max_rows=12).data


def test_a_row_with_no_example_is_blank_not_no_words():
    """A Mastodon outbox (no messages from the public): the feedback table showed '(no words)'
    as the example of 0 questions, 0 suggestions and 0 praise."""
    from smlib.reportview import message_table
    f = pd.DataFrame({"type": ["question", "praise"], "messages": [0, 1], "text": [None, ""]})
    html = message_table(f, show_handles=True).data
    assert html.count("(no words)") == 1        # the real message with no words still says so


def test_a_change_rounded_to_nothing_has_no_minus_sign():
    """Northway's and Kelby's follower tables said "Change (%) -0.0"."""
    html = rv.table(pd.DataFrame({"change": [-0.04, -1.26, 0.0, 0.04]})).data
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", html)
    assert cells == ["0.0", "-1.3", "0.0", "0.0"]


def test_times_still_in_utc_say_so_and_local_times_do_not():
    t = pd.Series(pd.to_datetime(["2026-07-01 10:00"], utc=True))
    html_utc = rv.table(pd.DataFrame({"when": t})).data
    html_local = rv.table(pd.DataFrame({"when": t.dt.tz_convert("Europe/London")})).data
    assert "Wed 01 Jul 10:00 UTC" in html_utc
    assert "Wed 01 Jul 11:00<" in html_local
