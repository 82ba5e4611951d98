"""P3 charts: titled, labelled, drawing the monitor's numbers, and safe when data is missing."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

import _monitor_data as md
import smlib
from smlib import charts


@pytest.fixture(scope="module")
def res():
    return smlib.monitor(md.dataset())


@pytest.fixture(scope="module")
def res_no_audience():
    return smlib.monitor(md.dataset(with_audience=False))


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_static_chart_has_title_and_axis_labels(name, res):
    fig = charts.CHARTS[name](res)
    try:
        ax = fig.axes[0]
        assert ax.get_title().strip()
        assert ax.get_xlabel().strip() and ax.get_ylabel().strip()
    finally:
        plt.close(fig)


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_interactive_chart_has_title_and_axis_labels(name, res_no_audience):
    fig = charts.CHARTS[name](res_no_audience, interactive=True)
    assert fig.layout.title.text
    assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text


def test_volume_bars_add_up_to_the_messages_per_day(res):
    fig = charts.volume_by_day(res)
    try:
        heights = np.zeros(len(res["daily"]))
        for container in fig.axes[0].containers:
            heights += [b.get_height() for b in container]
        assert heights.tolist() == res["daily"]["messages"].tolist()
    finally:
        plt.close(fig)


def test_interactive_bars_match_the_table(res):
    fig = charts.answered(res, interactive=True)
    cc = res["customer_care"][res["customer_care"]["platform"] != "all"]
    by_name = {t.name: list(t.y) for t in fig.data}
    assert by_name["answered"] == cc["answered"].tolist()
    assert by_name["still waiting"] == cc["waiting"].tolist()


def test_missing_audience_chart_says_not_available(res_no_audience):
    fig = charts.followers(res_no_audience)
    try:
        texts = [t.get_text() for t in fig.axes[0].texts]
        assert any("not available from this source" in t for t in texts)
    finally:
        plt.close(fig)
    pfig = charts.age_groups(res_no_audience, interactive=True)
    assert "not available" in pfig.layout.annotations[0].text


def test_import_smlib_does_not_import_plotting_libraries():
    import subprocess
    import sys
    code = ("import sys, smlib; smlib.monitor; smlib.describe_activity; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'plotly', 'ipywidgets')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_tutor_widget_defaults_and_redraw(capsys):
    pytest.importorskip("ipywidgets")
    if "northway-rail" not in smlib.list_organisations():
        pytest.skip("sample not available")
    from smlib.widgets import monitor_controls
    box = monitor_controls("northway-rail")
    (org_w, chart_w, show_w), (days_w, plat_w) = box.children[0].children, box.children[1].children
    ds = smlib.load_sample("northway-rail")
    assert list(days_w.value) == smlib.default_days(ds)
    # a tutor picks two days and one platform, then presses Show
    days_w.value = tuple(smlib.default_days(ds)[:2])
    plat_w.value = ("x",)
    show_w.click()
    res = smlib.monitor(ds, days=list(days_w.value), platforms=["x"])
    out = capsys.readouterr().out
    assert f"{res['headline']['messages']} messages, {res['headline']['users']} people" in out
    assert smlib.describe_activity(res) in out


def test_followers_chart_shows_the_change_per_platform(res):
    f = res["followers"][res["followers"]["platform"] != "all"]
    pfig = charts.followers(res, interactive=True)
    assert list(pfig.data[0].y) == f["change"].tolist()          # +40 on X, -10 on Facebook
    fig = charts.followers(res)
    try:
        assert [b.get_height() for b in fig.axes[0].containers[0]] == f["change"].tolist()
    finally:
        plt.close(fig)


def test_names_from_the_data_are_text_not_plotly_markup(res):
    """Plotly draws <b>, <i>, <a href> and <br> in titles, tick labels, legends and hover boxes;
    an organisation or platform called '<b>Shop</b>' was drawn bold (a link was live)."""
    import copy

    import pandas as pd
    import plotly.express as px

    from smlib import reportview as rv
    r = copy.deepcopy(res)
    r["meta"]["name"] = 'Le Café <b>Ünï</b> & <a href="https://phish.example/">Co</a>'
    fig = charts.business_vs_followers(r, interactive=True)
    assert fig.data[0].name == 'by Le Café &lt;b&gt;Ünï&lt;/b&gt; &amp; &lt;a href="https://phish.example/"&gt;Co&lt;/a&gt;'
    fig = charts.volume_by_day(r, interactive=True)
    assert "<b>" not in fig.layout.title.text and "&lt;b&gt;Ünï&lt;/b&gt;" in fig.layout.title.text

    frame = pd.DataFrame({"Platform": ["<b>X</b>", "Face & book"], "Messages": [1, 2],
                          "Sentiment": ["Negative", "<i>odd</i>"]})
    fig = px.bar(frame, x="Platform", y="Messages", color="Sentiment")
    rv.style_figure(fig, "<a href='x'>T</a>", "<b>x</b>", "y", legend="<i>L</i>")
    shown = [fig.layout.title.text, fig.layout.xaxis.title.text, fig.layout.legend.title.text,
             *[t.name for t in fig.data], *[str(v) for t in fig.data for v in t.x],
             *[t.hovertemplate.replace("<br>", " ").replace("<extra></extra>", "") for t in fig.data]]
    assert not any("<" in s for s in shown), shown
    assert "&lt;b&gt;X&lt;/b&gt;" in shown and "Face &amp; book" in shown


# --- charts as a learner sees them: empty charts, scales, colours, legends ---------------------

@pytest.fixture(scope="module")
def res_business_only():
    """Only the business wrote on the monitoring days (an account's own export, e.g. an outbox)."""
    ds = md.dataset()
    inter = ds.interactions[ds.interactions["author_is_org"]].reset_index(drop=True)
    return smlib.monitor(smlib.schema.Dataset(interactions=inter, audience=ds.audience,
                                              profile=ds.profile, load_summary=ds.load_summary),
                         days=md.MONITOR_DAYS)


@pytest.mark.parametrize("name", ["busiest_hours", "users", "complaints", "answered",
                                  "response_times", "feedback", "themes"])
def test_empty_chart_has_a_value_axis_from_zero_not_negative_fractions(name, res_business_only):
    """With nothing from the public matplotlib centred the value axis on 0 and ticked
    -0.045 ... 0.045: negative, fractional message counts around a blank frame."""
    fig = charts.CHARTS[name](res_business_only)
    try:
        ax = fig.axes[0]
        horizontal = name == "themes"
        lo, hi = ax.get_xlim() if horizontal else ax.get_ylim()
        ticks = (ax.get_xticks() if horizontal else ax.get_yticks()).tolist()
        assert (lo, hi) == (0, 1)
        assert ticks == [0]
        assert any(t.get_text().strip() for t in ax.texts)          # it says why it is empty
    finally:
        plt.close(fig)
    pfig = charts.CHARTS[name](res_business_only, interactive=True)
    axis = pfig.layout.xaxis if name == "themes" else pfig.layout.yaxis
    assert tuple(axis.range) == (0, 1)
    assert pfig.layout.annotations and pfig.layout.annotations[0].text


@pytest.mark.parametrize("name", ["engagement", "response_times", "themes"])
def test_chart_without_a_bar_has_no_legend_of_absent_series(name, res_business_only):
    """An empty engagement chart listed 'likes, shares, replies' in the legend, all in
    matplotlib's default blue, next to no bar at all."""
    import copy
    r = copy.deepcopy(res_business_only)
    r["engagement"] = r["engagement"].iloc[0:0]
    fig = charts.CHARTS[name](r)
    try:
        assert fig.axes[0].get_legend() is None
        assert not fig.axes[0].patches
    finally:
        plt.close(fig)


def test_followers_chart_with_no_change_says_so(res):
    """On one monitoring day every change is 0: the chart was a blank frame with a line at 0
    and nothing saying why."""
    one_day = smlib.monitor(md.dataset(), days=[md.MONITOR_DAYS[-1]])
    assert (one_day["followers"]["change"] == 0).all()
    fig = charts.followers(one_day)
    try:
        texts = " ".join(t.get_text() for t in fig.axes[0].texts)
        assert "One monitoring day" in texts
    finally:
        plt.close(fig)
    pfig = charts.followers(one_day, interactive=True)
    assert "One monitoring day" in pfig.layout.annotations[0].text
    # a real change draws bars and no note
    fig = charts.followers(res)
    try:
        assert not fig.axes[0].texts
    finally:
        plt.close(fig)


@pytest.mark.parametrize("horizontal", [False, True])
def test_tallest_stacked_bar_does_not_touch_the_frame(res, horizontal):
    """When the top segment of the tallest stacked bar was 0 (no returning users on YouTube,
    no international share in Hopewell's messages) the bar ran into the top of the frame."""
    import copy
    r = copy.deepcopy(res)
    if horizontal:
        r["themes"]["negative"] = r["themes"]["messages"]          # 'not negative' all 0
        fig, top = charts.themes(r), r["themes"]["messages"].head(10).max()
    else:
        r["users"]["new_users"] = r["users"]["users"]
        r["users"]["returning_users"] = 0
        fig, top = charts.users(r), r["users"].query("platform != 'all'")["users"].max()
    try:
        ax = fig.axes[0]
        hi = ax.get_xlim()[1] if horizontal else ax.get_ylim()[1]
        assert hi > top * 1.02
        assert (ax.get_xlim()[0] if horizontal else ax.get_ylim()[0]) == 0   # still from 0
    finally:
        plt.close(fig)


def _bar_colours(fig) -> dict[str, str]:
    from matplotlib.colors import to_hex
    ax = fig.axes[0]
    return {c.get_label(): to_hex(c.patches[0].get_facecolor()) for c in ax.containers}


def test_a_platform_has_the_same_colour_in_every_chart(res):
    """X was pink in northway's volume chart and vermillion in its age chart (colours were given
    by position, and review sites has no age figures): a learner matching charts by colour
    compared the wrong platforms."""
    import copy
    r = copy.deepcopy(res)
    r["age"] = r["age"][r["age"]["platform"] == "x"]          # age figures for X only
    vol, age = charts.volume_by_day(r), charts.age_groups(r)
    try:
        v, a = _bar_colours(vol), _bar_colours(age)
        assert v["X"] == a["X"]
        assert v["Facebook"] != v["X"]
        # platform colours never borrow the colours that mean negative / positive
        assert not {c.lower() for c in v.values()} & {c.lower() for c in
                                                     charts.NEG_COLOURS + charts.CARE_COLOURS}
    finally:
        plt.close(vol)
        plt.close(age)
    pv, pa = charts.volume_by_day(r, interactive=True), charts.age_groups(r, interactive=True)
    assert {t.name: t.marker.color for t in pv.data}["X"] == {t.name: t.marker.color for t in pa.data}["X"]


def test_volume_chart_names_the_platform_even_when_there_is_one(res):
    """'messages per day, by platform' on a YouTube or Mastodon export drew one colour with no
    legend: the chart never said which platform."""
    one = smlib.monitor(md.dataset(), days=md.MONITOR_DAYS, platforms=["facebook"])
    fig = charts.volume_by_day(one)
    try:
        leg = fig.axes[0].get_legend()
        assert leg is not None and [t.get_text() for t in leg.get_texts()] == ["Facebook"]
    finally:
        plt.close(fig)
    assert charts.volume_by_day(one, interactive=True).layout.showlegend is True
    # a single series that needs no name still has no legend (feedback: 'messages')
    fig = charts.feedback(res)
    try:
        assert fig.axes[0].get_legend() is None
    finally:
        plt.close(fig)
    assert charts.feedback(res, interactive=True).layout.showlegend is False


def _tick_texts(fig, axis: str) -> list[str]:
    fig.canvas.draw()
    ax = fig.axes[0]
    labels = ax.get_xticklabels() if axis == "x" else ax.get_yticklabels()
    return [t.get_text() for t in labels if t.get_text()]


def test_large_counts_have_thousands_separators_and_few_ticks(res):
    """Kelby's regions axis read 0 6000 12000 ... 54000: ten crowded six-digit labels a
    learner has to count the zeros of."""
    import copy
    r = copy.deepcopy(res)
    r["regions"] = r["regions"].assign(people=[52609, 3700])
    fig = charts.regions(r)
    try:
        texts = _tick_texts(fig, "x")
        assert 3 <= len(texts) <= 8, texts
        big = [t for t in texts if len(t.replace(",", "")) > 3]
        assert big and all("," in t for t in big), texts
    finally:
        plt.close(fig)
    r["customer_care"] = r["customer_care"].assign(median_minutes=6.0, p90_minutes=30.0)
    fig = charts.response_times(r)                       # 0.1 h and 0.5 h keep their decimals
    try:
        assert any("." in t for t in _tick_texts(fig, "y"))
    finally:
        plt.close(fig)


def _overlaps(labels) -> bool:
    boxes = sorted((t.get_window_extent() for t in labels if t.get_text()), key=lambda b: b.x0)
    return any(a.x1 > b.x0 for a, b in zip(boxes, boxes[1:]))


def test_hour_labels_are_upright_and_do_not_overlap(res):
    """The 24 hour labels ('00' ... '23') were tilted 30 degrees and shifted left of their bars,
    so the bar above '10' looked like the bar for '11'; two-digit labels fit upright."""
    fig = charts.busiest_hours(res)
    try:
        fig.canvas.draw()
        labels = fig.axes[0].get_xticklabels()
        assert [t.get_text() for t in labels] == [f"{h:02d}" for h in range(24)]
        assert {t.get_rotation() for t in labels} == {0}
        assert not _overlaps(labels)
    finally:
        plt.close(fig)


def test_long_labels_are_tilted_and_end_under_their_tick(res):
    """Nine monitoring days do not fit upright: tilted, each label must end at its own tick."""
    days = ["2026-10-28", "2026-10-29", "2026-10-30", *md.MONITOR_DAYS, "2026-11-04"]
    fig = charts.volume_by_day(smlib.monitor(md.dataset(), days=days))
    try:
        labels = fig.axes[0].get_xticklabels()
        assert len(labels) == len(days)
        assert {t.get_rotation() for t in labels} == {30}
        assert {t.get_rotation_mode() for t in labels} == {"anchor"}
    finally:
        plt.close(fig)


def test_platform_names_fit_upright_and_empty_bars_have_no_legend(res_business_only):
    """With nobody from the public, users listed six platforms with no bar; the labels fit
    upright, and a legend 'new / returning' described bars that are not there."""
    import copy
    r = copy.deepcopy(res_business_only)
    names = ["facebook", "instagram", "reviews", "tiktok", "x", "youtube"]
    r["users"] = r["users"].iloc[[0] * len(names)].assign(platform=names, users=0, new_users=0,
                                                           returning_users=0, messages=0)
    fig = charts.users(r)
    try:
        fig.canvas.draw()
        labels = fig.axes[0].get_xticklabels()
        assert [t.get_text() for t in labels] == ["Facebook", "Instagram", "Review sites", "TikTok",
                                                  "X", "YouTube"]
        assert {t.get_rotation() for t in labels} == {0} and not _overlaps(labels)
        assert fig.axes[0].get_legend() is None
    finally:
        plt.close(fig)


@pytest.mark.parametrize("name,horizontal", [("volume_by_day", False), ("themes", True)])
def test_one_bar_does_not_fill_the_whole_chart(name, horizontal):
    """On a file of one message (or one or two themes) the single bar was 0.8 wide on an axis 0.8 wide: a solid
    block from edge to edge that does not look like a bar chart at all."""
    one = smlib.monitor(md.dataset(), days=["2026-11-09"], platforms=["x"])
    fig = charts.CHARTS[name](one)
    try:
        ax = fig.axes[0]
        bars = [p for p in ax.patches if (p.get_height() if horizontal else p.get_width()) > 0]
        assert len({(p.get_y() if horizontal else p.get_x()) for p in bars}) in (1, 2)
        lo, hi = sorted(ax.get_ylim() if horizontal else ax.get_xlim())
        size = bars[0].get_height() if horizontal else bars[0].get_width()
        assert size / (hi - lo) <= 0.3
    finally:
        plt.close(fig)


def test_interactive_count_axis_has_whole_number_ticks(res):
    """plotly ticked 0, 0.2, 0.4 ... 1 under a one-message bar (YouTube export, one message a
    day): fractions of a message. Counts get whole-number ticks; hours keep their decimals."""
    one = smlib.monitor(md.dataset(), days=["2026-11-09"], platforms=["x"])
    fig = charts.volume_by_day(one, interactive=True)
    assert fig.layout.yaxis.tickformat == ",d" and fig.layout.yaxis.dtick == 1
    fig = charts.themes(one, interactive=True)
    assert fig.layout.xaxis.tickformat == ",d" and fig.layout.xaxis.dtick == 1
    fig = charts.response_times(res, interactive=True)
    assert fig.layout.yaxis.tickformat is None and fig.layout.yaxis.dtick is None


def test_unnamed_organisation_starts_a_title_with_a_capital(res):
    """A YouTube commentThreads.json names no organisation: the volume chart was titled
    'this organisation: messages per day, by platform' and the empty engagement chart said
    'this organisation posted nothing on these days'. Real names stay exactly as written."""
    import copy
    r = copy.deepcopy(res)
    r["meta"]["name"] = "this organisation"
    r["engagement"] = r["engagement"].iloc[0:0]
    r["headline"]["business_messages"] = 0
    fig = charts.volume_by_day(r)
    try:
        assert fig.axes[0].get_title() == "This organisation: messages per day, by platform"
    finally:
        plt.close(fig)
    assert charts.engagement(r, interactive=True).layout.annotations[0].text == \
        "This organisation posted nothing on these days"
    assert "Engagement with this organisation's posts" == charts.engagement(r, interactive=True).layout.title.text
    r["meta"]["name"] = "dealingwith"                  # a Mastodon handle is not re-cased
    assert charts.volume_by_day(r, interactive=True).layout.title.text.startswith("dealingwith: ")


def test_neutral_series_do_not_wear_the_good_and_bad_colours(res):
    """'replies' in the engagement chart was green, the colour of 'answered' and of a follower
    gain; a neutral count should not look like good news."""
    good_bad = {"#009e73", "#d55e00"}
    for fn in (charts.engagement, charts.users, charts.business_vs_followers, charts.location,
               charts.response_times):
        fig = fn(res)
        try:
            colours = _bar_colours(fig)
            assert colours and not set(colours.values()) & good_bad, (fn.__name__, colours)
        finally:
            plt.close(fig)
    fig = charts.answered(res)                       # where they do mean good and bad, they stay
    try:
        assert _bar_colours(fig) == {"answered": "#009e73", "still waiting": "#d55e00"}
    finally:
        plt.close(fig)


def test_not_available_regions_chart_keeps_its_axes_where_they_are_with_data(res, res_no_audience):
    """With no region figures the chart put 'Region' along the bottom and 'Number of people' up
    the side, the other way round from the same chart with data."""
    with_data, without = charts.regions(res), charts.regions(res_no_audience)
    try:
        a, b = with_data.axes[0], without.axes[0]
        assert (b.get_xlabel(), b.get_ylabel()) == (a.get_xlabel(), a.get_ylabel()) \
            == ("Number of people", "Region")
        assert "not available" in b.texts[0].get_text()
    finally:
        plt.close(with_data)
        plt.close(without)
    p = charts.regions(res_no_audience, interactive=True)
    assert (p.layout.xaxis.title.text, p.layout.yaxis.title.text) == ("Number of people", "Region")


LONG_NAME = "76 organisations (chipotletweets, amazonhelp, applesupport, …)"


@pytest.mark.parametrize("name", ["volume_by_day", "business_vs_followers", "engagement"])
def test_long_organisation_name_is_not_cut_off(name, res):
    """On twcs (a file about 76 organisations) the volume and engagement titles ran off both
    edges of the figure, and business_vs_followers' legend entry 'by 76 organisations (...)'
    squeezed the plot to a third of the width and pushed its title off the left edge."""
    import copy
    r = copy.deepcopy(res)
    r["meta"]["name"] = LONG_NAME
    fig = charts.CHARTS[name](r)
    try:
        fig.canvas.draw()
        ax, renderer = fig.axes[0], fig.canvas.get_renderer()
        page = fig.bbox
        title = ax.title.get_window_extent(renderer)
        assert page.x0 <= title.x0 and title.x1 <= page.x1, (title, page)
        leg = ax.get_legend()
        if leg is not None:
            box = leg.get_window_extent(renderer)
            assert box.x1 <= page.x1 and box.width <= 0.3 * page.width
        assert ax.get_window_extent(renderer).width >= 0.55 * page.width
        shown = ax.get_title() + " ".join(t.get_text() for t in (leg.get_texts() if leg else []))
        assert "76 organisations" in shown.replace("\n", " ")     # wrapped, not dropped
    finally:
        plt.close(fig)


def test_interactive_titles_and_notes_break_lines_with_br(res, res_no_audience):
    """plotly ignores '\\n': a two-line note ('not available from this source\\n(no ...)') was
    one long line, and a long title one line running past the figure."""
    import copy
    r = copy.deepcopy(res)
    r["meta"]["name"] = LONG_NAME
    title = charts.volume_by_day(r, interactive=True).layout.title.text
    assert "<br>" in title and "\n" not in title and title.replace("<br>", " ").startswith(LONG_NAME)
    note = charts.followers(res_no_audience, interactive=True).layout.annotations[0].text
    assert note.startswith("not available from this source<br>(")


def test_interactive_empty_chart_has_no_made_up_category_numbers(res_no_audience):
    """With no category plotly numbered the empty axis -1, 0 ... 6 under 'Platform'."""
    fig = charts.followers(res_no_audience, interactive=True)
    assert fig.layout.xaxis.showticklabels is False
    fig = charts.regions(res_no_audience, interactive=True)       # horizontal: categories on y
    assert fig.layout.yaxis.showticklabels is False


def test_interactive_long_legend_name_goes_under_the_plot(res):
    """plotly's legend entry 'by 76 organisations (…)' beside the plot took two thirds of the
    width; under the plot it takes none."""
    import copy
    r = copy.deepcopy(res)
    r["meta"]["name"] = LONG_NAME
    fig = charts.business_vs_followers(r, interactive=True)
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.y < 0
    assert fig.data[0].name == f"by {LONG_NAME}"                  # the name itself is whole
    fig = charts.business_vs_followers(res, interactive=True)    # short names stay beside it
    assert fig.layout.legend.orientation is None


def test_interactive_one_bar_keeps_room_for_three():
    """plotly drew the one platform of a YouTube export as a block across the whole chart."""
    one = smlib.monitor(md.dataset(), days=["2026-11-09"], platforms=["x"])
    fig = charts.business_vs_followers(one, interactive=True)
    assert list(fig.layout.xaxis.range) == [-1.5, 1.5]
    fig = charts.themes(one, interactive=True)                  # one theme (waiting for a refund
    assert len(one["themes"]) == 1                              # is price, not a queue), top to bottom
    assert list(fig.layout.yaxis.range) == [1.5, -1.5]
    assert fig.layout.yaxis.autorange is False       # plotly's autorange would win over range
    assert charts.volume_by_day(smlib.monitor(md.dataset()), interactive=True).layout.xaxis.range is None


def test_location_chart_says_the_messages_bar_is_a_few_messages(res):
    """The location chart had a bar called just 'messages' next to Facebook and X: a learner
    read it as another platform, and 100% of 3 messages looked like 100% of an audience."""
    s = res["location_summary"].set_index("source")
    placed = int(s.loc["messages", "national"] + s.loc["messages", "international"])
    fig = charts.location(res)
    try:
        labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
        assert f"messages\n({placed} placed)" in labels
        assert "messages" not in labels
        assert {t.get_rotation() for t in fig.axes[0].get_xticklabels()} == {0}   # still upright
    finally:
        plt.close(fig)


def test_engagement_axis_says_what_is_counted(res):
    """The engagement value axis read 'Average per post': average of what? (the unit)."""
    fig = charts.engagement(res)
    try:
        label = fig.axes[0].get_ylabel()
        assert "per post" in label and all(w in label.lower() for w in ("likes", "shares", "replies"))
    finally:
        plt.close(fig)
    assert "likes" in charts.engagement(res, interactive=True).layout.yaxis.title.text.lower()


def test_engagement_title_of_several_organisations_is_not_a_long_possessive(res):
    """'Engagement with 6 organisations (united, …)'s posts' read badly: a file about several
    organisations names them first, then 'engagement with their posts'."""
    import copy
    r = copy.deepcopy(res)
    r["meta"]["name"] = "6 organisations (united, us-airways, american, southwest, delta, virgin-america)"
    fig = charts.engagement(r, interactive=True)
    assert fig.layout.title.text.replace("<br>", " ").endswith(
        "virgin-america): engagement with their posts")
    assert "'s posts" not in fig.layout.title.text
    r["meta"]["name"] = "Northway Rail"
    assert charts.engagement(r, interactive=True).layout.title.text == "Engagement with Northway Rail's posts"


def test_each_waiting_time_bar_says_its_time_in_words(res):
    """Half the messages answered in 6 minutes drew a sliver of 0.1 h beside a bar of 11 h:
    the number a learner needs for P3 could not be read off the chart. Every bar now carries
    its time (minutes, hours or days), in the static and the interactive chart."""
    import copy
    r = copy.deepcopy(res)
    care = r["customer_care"]
    mask = (care["platform"] != smlib.metrics.ALL) & (care["answered"] > 0)
    assert mask.sum() >= 2
    r["customer_care"] = care.assign(median_minutes=np.where(mask, 6.0, care["median_minutes"]),
                                     p90_minutes=np.where(mask, 683.0, care["p90_minutes"]))
    fig = charts.response_times(r)
    try:
        ax = fig.axes[0]
        written = [t.get_text() for t in ax.texts if t.get_text()]
        assert written.count("6 min") == mask.sum() and written.count("11 h") == mask.sum(), written
        tallest = max(p.get_height() for p in ax.patches)
        assert ax.get_ylim()[1] > tallest * 1.05    # the label above the tallest bar fits
    finally:
        plt.close(fig)
    fig = charts.response_times(r, interactive=True)
    assert [list(t.text) for t in fig.data] == [["6 min"] * int(mask.sum()), ["11 h"] * int(mask.sum())]


@pytest.mark.parametrize("minutes, words", [(0.2, "0 min"), (6, "6 min"), (59.4, "59 min"), (59.6, "1 h"),
                                            (78, "1 h 18 min"), (90, "1 h 30 min"), (599, "9 h 59 min"),
                                            (600, "10 h"), (683, "11 h"), (2849, "47 h"),
                                            (2879, "2 days"), (4000, "2 days 19 h"), (float("nan"), "")])
def test_short_wait_words(minutes, words):
    assert charts.short_wait(minutes) == words


def test_tutor_widget_shows_a_file_without_replies(capsys):
    """An export with no message by the organisation has no answered share (None): the Show
    button raised a TypeError formatting it as a percentage."""
    pytest.importorskip("ipywidgets")
    if "northway-rail" not in smlib.list_organisations():
        pytest.skip("sample not available")
    import dataclasses
    from smlib.widgets import monitor_controls
    ds = smlib.load_sample("northway-rail")
    ds = dataclasses.replace(ds, interactions=ds.interactions[~ds.interactions["author_is_org"]])
    box = monitor_controls("northway-rail", dataset=ds)
    box.children[0].children[2].click()
    out = capsys.readouterr().out
    assert smlib.monitor(ds, days=smlib.default_days(ds))["headline"]["answered_share"] is None
    assert "answered n/a" in out


def test_no_engagement_bars_because_the_business_only_replied(res):
    """twcs: 76 brands wrote 14 replies on the chosen days, and the chart said they 'posted
    nothing'. Engagement is measured on posts; the note now says replies were written."""
    import copy
    r = copy.deepcopy(res)
    r["engagement"] = r["engagement"].iloc[0:0]
    r["headline"]["business_messages"] = 14
    note = charts.engagement(r, interactive=True).layout.annotations[0].text
    assert "wrote 14 replies but no posts" in note and "posted nothing" not in note
    r["headline"]["business_messages"] = 1
    assert "wrote 1 reply but" in charts.engagement(r, interactive=True).layout.annotations[0].text
