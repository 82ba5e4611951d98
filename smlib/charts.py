"""P3 charts from a :func:`smlib.monitor` result: matplotlib (static) or plotly (interactive).

Every chart has a title and labelled axes, as the unit's teaching voice asks. Each function
takes the monitor result and ``interactive=False`` (a matplotlib Figure, for printed reports
and PNGs) or ``interactive=True`` (a plotly Figure a learner can hover over and zoom).
When the data has no figures for a chart (e.g. no audience insights in a real export) the chart
still appears, saying "not available from this source", so a notebook never breaks.

matplotlib and plotly are imported inside the functions, so ``import smlib`` stays light.

Example
-------
>>> res = smlib.monitor(smlib.load_sample("northway-rail"))            # doctest: +SKIP
>>> smlib.charts.volume_by_day(res);                                    # doctest: +SKIP
>>> smlib.charts.volume_by_day(res, interactive=True).show()            # doctest: +SKIP
"""
from __future__ import annotations

from typing import Any, Sequence

import pandas as pd

from .metrics import ALL, NOT_AVAILABLE, available
from .summary import _listing, _possessive, count_lists, name_at_start, platform_label

# colour-blind-safe palette (Okabe-Ito), one colour per series; green and vermillion come last,
# because they mean good/bad in the charts below (answered, follower gain / negative, waiting)
PALETTE = ["#0072B2", "#E69F00", "#56B4E9", "#CC79A7", "#F0E442", "#000000", "#009E73", "#D55E00"]
NEG_COLOURS = ["#D55E00", "#A6CEE3"]  # negative (vermillion), not negative (light blue)
CARE_COLOURS = ["#009E73", "#D55E00"]  # answered (green), still waiting (vermillion)
# one colour per platform in every chart, so X is the same colour in the volume chart and in the
# age chart; never the green and vermillion that mean good/bad in the other charts
PLATFORM_COLOURS = {"facebook": "#0072B2", "instagram": "#CC79A7", "x": "#444444",
                    "tiktok": "#56B4E9", "youtube": "#E69F00", "linkedin": "#332288",
                    "reviews": "#F0E442", "blog": "#999999", "threads": "#882255",
                    "reddit": "#661100", "mastodon": "#44AA99", "other": "#BBBBBB"}


def platform_colours(codes: Sequence[str]) -> list[str]:
    """The fixed colour of each platform code, the same in every chart and notebook (an unknown
    code gets a spare colour: the first four unknown codes get different ones).

    >>> platform_colours(["facebook", "x", "myspace", "bebo"])
    ['#0072B2', '#444444', '#000000', '#AA4499']
    """
    spare = ["#000000", "#AA4499", "#DDCC77", "#88CCEE"]
    out, unknown = [], 0
    for c in codes:
        if str(c) in PLATFORM_COLOURS:
            out.append(PLATFORM_COLOURS[str(c)])
        else:
            out.append(spare[unknown % len(spare)])
            unknown += 1
    return out


def _bars(categories: Sequence[Any], series: dict[str, Sequence[float]], *, title: str,
          xlabel: str, ylabel: str, stacked: bool = False, horizontal: bool = False,
          interactive: bool = False, percent: bool = False, note: str | None = None,
          colors: Sequence[str] | None = None, whole: bool = True,
          empty: str | None = None, legend: bool | None = None,
          labels: dict[str, Sequence[str]] | None = None) -> Any:
    """Grouped or stacked bars; the one drawing routine behind every chart here.

    ``whole``: the values are counts, so the value axis gets whole-number ticks. ``empty``: the
    sentence written on the chart when there is no bar to draw (no category, or every value 0),
    so an empty chart always says why. ``legend``: ``None`` shows one when there are several
    series; ``True`` also for a single series whose name the reader needs (which platform).
    ``labels``: text written at the end of each bar, by series (e.g. ``'6 min'``), for values a
    reader needs exactly or that are too small to see next to the others (grouped bars only).
    """
    nothing = not any(float(v) for vals in series.values() for v in vals if pd.notna(v))
    if empty and note is None and nothing:
        note = empty
    if not len(categories):
        series = {}   # no bar to draw: no legend of series that are not there
    cats = [str(c) for c in categories]
    colors = list(colors) if colors else PALETTE
    show_legend = not nothing and bool(series) and (len(series) > 1 if legend is None else legend)
    # a title fits the plot's width (narrower beside a legend); 12-point text, ~11 characters an inch
    title = _wrap(title, 60 if show_legend else 75)
    if interactive:
        import plotly.graph_objects as go
        fig = go.Figure()
        for i, (name, vals) in enumerate(series.items()):
            vals = [100 * v for v in vals] if percent else list(vals)
            kw = dict(y=cats, x=vals, orientation="h") if horizontal else dict(x=cats, y=vals)
            if labels and name in labels:
                kw.update(text=list(labels[name]), textposition="outside", cliponaxis=False)
            fig.add_trace(go.Bar(name=name, marker_color=colors[i % len(colors)], **kw))
        fig.update_layout(title=title, barmode="stack" if stacked else "group",
                          xaxis_title=xlabel if not horizontal else ylabel,
                          yaxis_title=ylabel if not horizontal else xlabel,
                          template="plotly_white", legend_title_text="", height=420,
                          showlegend=show_legend)
        if horizontal:
            fig.update_yaxes(autorange="reversed")
        if note:
            fig.add_annotation(text=note, showarrow=False, xref="paper", yref="paper",
                               x=0.5, y=0.5, font=dict(size=14))
        update_values = fig.update_xaxes if horizontal else fig.update_yaxes
        if whole and not percent:
            # counts: plotly ticks 0, 0.2, 0.4 ... under small bars (0.2 of a message); whole
            # numbers only, one apart when the tallest bar is small
            vals = [[float(v) for v in vs if pd.notna(v)] for vs in series.values()]
            top = (max((sum(col) for col in zip(*vals)), default=0) if stacked
                   else max((v for vs in vals for v in vs), default=0))
            update_values(tickformat=",d", **({"dtick": 1} if top < 8 else {}))
        if nothing:   # no bar: a value axis from 0, not plotly's -1..4 around nothing
            update_values(range=[0, 1], tickvals=[0])
        update_cats = fig.update_yaxes if horizontal else fig.update_xaxes
        if not cats:  # no category: plotly numbers the empty axis -1, 0 ... 6 ('Platform 3')
            update_cats(showticklabels=False, showgrid=False, zeroline=False)
        elif len(cats) < 3:   # one or two bars keep room for three, as in matplotlib
            pad = (3 - len(cats)) / 2
            lo, hi = -0.5 - pad, len(cats) - 0.5 + pad
            update_cats(range=[hi, lo] if horizontal else [lo, hi], autorange=False)
        if show_legend and max(len(n) for n in series) > 24:
            # a long name (an organisation's) beside the plot squeezes it to a third of the
            # width: put the legend under the plot instead
            fig.update_layout(legend=dict(orientation="h", x=0, y=-0.25, yanchor="top"))
        from .reportview import plain_text_figure
        fig = plain_text_figure(fig)   # names from the data are text, never plotly markup
        # plotly ignores "\n": the line breaks of a wrapped title or a two-line note are <br>
        # (added after the escaping, so they are the only markup)
        fig.layout.title.text = fig.layout.title.text.replace("\n", "<br>")
        for ann in fig.layout.annotations:
            ann.text = ann.text.replace("\n", "<br>")
        return fig
    import matplotlib.pyplot as plt
    import numpy as np
    fig, ax = plt.subplots(figsize=(8, 4.2), layout="constrained")
    n = max(len(series), 1)
    pos = np.arange(len(cats))
    width = 0.8 if stacked else 0.8 / n
    bottom = np.zeros(len(cats))
    for i, (name, vals) in enumerate(series.items()):
        v = np.asarray([100 * x for x in vals] if percent else list(vals), dtype=float)
        offset = 0 if stacked else (i - (n - 1) / 2) * width
        kw = dict(label=_wrap(name, 24), color=colors[i % len(colors)])   # legend beside the plot
        if horizontal:
            bars = ax.barh(pos + offset, v, height=width, left=bottom if stacked else None, **kw)
        else:
            bars = ax.bar(pos + offset, v, width=width, bottom=bottom if stacked else None, **kw)
        if labels and name in labels and not stacked:
            ax.bar_label(bars, labels=[str(t) for t in labels[name]], padding=2, fontsize=8)
        if stacked:
            bottom = bottom + v
    for bar in ax.patches:
        # matplotlib pins the axis to each bar's base; a stacked segment of 0 on top of the
        # tallest bar then pins the top, and that bar touches the frame: keep only 0 pinned
        edges = bar.sticky_edges.x if horizontal else bar.sticky_edges.y
        edges[:] = [0]
    if 0 < len(cats) < 3:
        # one or two bars would stretch across the whole chart, like a wall: keep room for
        # three, so a bar looks like a bar and one message does not fill the page
        pad = (3 - len(cats)) / 2
        (ax.set_ylim if horizontal else ax.set_xlim)(-0.5 - pad, len(cats) - 0.5 + pad)
    if horizontal:
        ax.set_yticks(pos, cats)
        ax.invert_yaxis()
        ax.set_xlabel(ylabel)
        ax.set_ylabel(xlabel)
    else:
        # tilt the labels only when the longest one does not fit under its bar: the axis is
        # about 7 inches wide (5.6 beside a legend), 14 characters an inch. Tilted labels
        # end exactly under their tick (rotation_mode anchor), so '10' is not read as '11'.
        slot = (5.6 if show_legend else 7.0) / max(len(cats), 1) * 14
        crowded = max((len(line) for c in cats for line in c.split("\n")), default=0) + 1 > slot
        ax.set_xticks(pos, cats, rotation=30 if crowded else 0, ha="right" if crowded else "center",
                      rotation_mode="anchor" if crowded else "default")
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
    ax.set_title(title)
    from matplotlib.ticker import FuncFormatter, MaxNLocator
    value_axis = ax.xaxis if horizontal else ax.yaxis
    # at most about 7 ticks, written as people write numbers: 52,000 not 52000
    value_axis.set_major_locator(MaxNLocator(nbins=6, integer=whole and not percent))
    value_axis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:,.0f}" if x == round(x)
                                                 else f"{x:,g}"))
    if labels and not nothing:   # room for the labels above (or beside) the longest bar
        lo, hi = (ax.get_xlim if horizontal else ax.get_ylim)()
        (ax.set_xlim if horizontal else ax.set_ylim)(lo, hi * 1.1)
    if nothing:
        # every value 0 or no bar at all: matplotlib would centre the axis on 0 and tick
        # -0.045 ... 0.045 (negative, fractional counts); show a value axis from 0 instead
        (ax.set_xlim if horizontal else ax.set_ylim)(0, 1)
        (ax.set_xticks if horizontal else ax.set_yticks)([0])
    if show_legend:
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    if note:
        ax.text(0.5, 0.5, note, transform=ax.transAxes, ha="center", va="center", wrap=True)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def _wrap(text: str, width: int) -> str:
    """Long text on several lines of at most ``width`` characters (a title, a legend name), so
    a long organisation name ('76 organisations (chipotletweets, amazonhelp, …)') is not cut
    off at the edge of the figure. Words are never split; line breaks already there stay."""
    import textwrap
    return "\n".join("\n".join(textwrap.wrap(line, width, break_long_words=False) or [""])
                     for line in str(text).split("\n"))


def _unavailable(title: str, xlabel: str, ylabel: str, table: pd.DataFrame,
                 interactive: bool, horizontal: bool = False) -> Any:
    """The chart's frame saying why there is nothing to show, with the same axes (and the
    same orientation) as the chart has when there is data."""
    note = str(table["note"].iloc[0]) if "note" in table else NOT_AVAILABLE
    return _bars([], {}, title=title, xlabel=xlabel, ylabel=ylabel, interactive=interactive,
                 note=note.replace(" (", "\n("), horizontal=horizontal)


def _org(res: dict[str, Any]) -> str:
    return res["meta"]["name"]


def _engagement_title(res: dict[str, Any]) -> str:
    """'Engagement with Northway Rail's posts'; a file about several organisations, whose name
    is long ("76 organisations (…)"), gets '76 organisations (…): engagement with their posts'
    rather than a possessive on the end of a bracket."""
    from .schema import SEVERAL_ORGS
    name = _org(res)
    if SEVERAL_ORGS.match(name):
        return f"{name}: engagement with their posts"
    return f"Engagement with {_possessive(name)} posts"


def _org_first(res: dict[str, Any]) -> str:
    """The organisation's name at the start of a title or sentence (:func:`smlib.summary.name_at_start`:
    the stand-in 'this organisation' gets its capital; a real name, even a lower-case handle such
    as 'dealingwith', is shown exactly as written)."""
    return name_at_start(_org(res))


def _day_label(d: Any, year: bool = False) -> str:
    """'Tue 12 Mar'; with ``year`` (the days shown are not all in one year) 'Tue 12 Mar 2024'."""
    d = pd.Timestamp(d)
    return f"{d.strftime('%a')} {d.day} {d.strftime('%b')}" + (f" {d.year}" if year else "")


def _years_differ(days: Any) -> bool:
    return len({pd.Timestamp(d).year for d in days}) > 1


def day_labels(days: Sequence[Any]) -> list[str]:
    """Days as chart labels: 'Tue 12 Mar', with the year when the days are not all in one year
    ('Thu 5 Jan 2012' … 'Sat 26 Aug 2017').

    >>> day_labels(["2024-03-12"]), day_labels(["2016-12-31", "2017-01-02"])
    (['Tue 12 Mar'], ['Sat 31 Dec 2016', 'Mon 2 Jan 2017'])
    """
    year = _years_differ(days)
    return [_day_label(d, year) for d in days]


def whole_number_axis(ax: Any, axis: str = "y") -> Any:
    """Ticks at whole numbers only on a count axis (a matplotlib chart of 1 or 2 messages had
    ticks at 0.25, 0.5 …: a quarter of a message)."""
    from matplotlib.ticker import MaxNLocator
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_locator(MaxNLocator(integer=True))
    return ax


def volume_by_day(res: dict[str, Any], interactive: bool = False) -> Any:
    """Messages per monitoring day, stacked by platform (P3: volume over the five days)."""
    v = res["volume_by_day"]
    days = res["daily"]["day"].tolist()
    plats = sorted(set(v["platform"]))
    series = {platform_label(p): [int(v[(v["day"] == d) & (v["platform"] == p)]["total"].sum())
                                 for d in days] for p in plats}
    return _bars(day_labels(days), series, stacked=True, interactive=interactive,
                 colors=platform_colours(plats), legend=True,   # names the platform, even one
                 title=f"{_org_first(res)}: messages per day, by platform",
                 xlabel="Monitoring day", ylabel="Number of messages")


def business_vs_followers(res: dict[str, Any], interactive: bool = False) -> Any:
    """Messages per platform written by the business and by the public."""
    v = res["volume_by_platform"]
    return _bars([platform_label(p) for p in v["platform"]],
                 {f"by {_org(res)}": v["by_business"].tolist(),
                  "by the public": v["by_followers"].tolist()},
                 interactive=interactive, title="Who wrote the messages on each platform",
                 xlabel="Platform", ylabel="Number of messages")


def busiest_hours(res: dict[str, Any], interactive: bool = False) -> Any:
    """Messages from the public by hour of the day (local time)."""
    b = res["busiest_hours"]
    return _bars([f"{h:02d}" for h in b["hour"]], {"messages from the public": b["by_followers"].tolist()},
                 interactive=interactive, title="When the public writes: messages by hour of day",
                 xlabel=f"Hour of the day ({res['meta']['timezone']} time)", ylabel="Number of messages",
                 empty="Nobody from the public wrote on these days")


def users(res: dict[str, Any], interactive: bool = False) -> Any:
    """New and returning users per platform (P3: number of users)."""
    u = res["users"]
    u = u[u["platform"] != ALL]
    if len(u) and u["new_users"].isna().all():   # no earlier data: new/returning not known
        return _bars([platform_label(p) for p in u["platform"]], {"people": u["users"].tolist()},
                     interactive=interactive, title="People who interacted, per platform (new or returning not known)",
                     xlabel="Platform", ylabel="Number of people",
                     empty="Nobody from the public wrote on these days")
    return _bars([platform_label(p) for p in u["platform"]],
                 {"new": u["new_users"].tolist(), "returning": u["returning_users"].tolist()},
                 stacked=True, interactive=interactive,
                 title="People who interacted, new and returning, per platform",
                 xlabel="Platform", ylabel="Number of people",
                 empty="Nobody from the public wrote on these days")


def followers(res: dict[str, Any], interactive: bool = False) -> Any:
    """Follower change from the first to the last monitoring day, per platform.

    The change, not the totals: totals of thousands hide a change of a few dozen. The totals
    are in ``res["followers"]``.
    """
    f = res["followers"]
    title, xl, yl = ("Follower change from the first to the last day", "Platform",
                     "Change in followers (gained minus lost)")
    if not available(f):
        return _unavailable(title, xl, yl, f, interactive)
    f = f[f["platform"] != ALL]
    colours = ["#009E73" if c >= 0 else "#D55E00" for c in f["change"]]
    empty = ("One monitoring day: there is no change to show\n(choose two days or more)"
             if len(res["meta"]["days"]) < 2
             else "The number of followers did not change\non any platform between the first and last day")
    fig = _bars([platform_label(p) for p in f["platform"]], {"change": f["change"].tolist()},
                title=title, xlabel=xl, ylabel=yl, interactive=interactive, empty=empty)
    if interactive:
        fig.update_traces(marker_color=colours)
    else:
        for bar, c in zip(fig.axes[0].containers[0], colours):
            bar.set_color(c)
        fig.axes[0].axhline(0, color="black", linewidth=0.8)
    return fig


def location(res: dict[str, Any], interactive: bool = False) -> Any:
    """National vs international share of each platform's audience (P3: location of users)."""
    s = res["location_summary"]
    title, xl, yl = "Where the audience is: national vs international", "Source", "Share of people (%)"
    if not available(s):
        return _unavailable(title, xl, yl, s, interactive)
    s = s[s["source"] != ALL]
    # the 'messages' bar is the few people whose messages say where they are, not an audience:
    # say so, and how many, so 100% of 3 is not read like 100% of 40,000 followers
    names = [platform_label(p) if p != "messages"
             else f"messages\n({int(row['national'] + row['international']):,} placed)"
             for p, (_, row) in zip(s["source"], s.iterrows())]
    return _bars(names, {"national": s["national_share"].tolist(),
                         "international": s["international_share"].tolist()},
                 stacked=True, percent=True, title=title, xlabel=xl, ylabel=yl,
                 interactive=interactive)


def regions(res: dict[str, Any], interactive: bool = False) -> Any:
    """People per region of the home country, all platforms together (from audience insights).

    The title names the organisation's home country from its profile ("Where in the UK the
    audience lives"); data with no profile gets "Where the audience lives, by region"."""
    r = res["regions"]
    home = res["meta"].get("home_country")
    from .summary import country_name
    title = (f"Where in {country_name(home)} the audience lives" if home
             else "Where the audience lives, by region")
    xl, yl = "Region", "Number of people"
    if not available(r):
        return _unavailable(title, xl, yl, r, interactive, horizontal=True)
    g = r.groupby("region")["people"].sum().sort_values(ascending=False)
    return _bars(g.index.tolist(), {"people": g.tolist()}, horizontal=True, title=title,
                 xlabel=xl, ylabel=yl, interactive=interactive)


def age_groups(res: dict[str, Any], interactive: bool = False) -> Any:
    """Share of each platform's audience in each age band (P3: age group of users)."""
    a = res["age"]
    title, xl, yl = "Age groups of the audience on each platform", "Age band", "Share of the platform's audience (%)"
    if not available(a):
        return _unavailable(title, xl, yl, a, interactive)
    bands = list(dict.fromkeys(a["age_band"]))
    from .schema import AGE_BANDS
    bands = [b for b in AGE_BANDS if b in bands] + [b for b in bands if b not in AGE_BANDS]
    groups = list(a.groupby("platform", sort=True, observed=True))
    series = {platform_label(p): [float(g.loc[g["age_band"] == b, "share"].sum()) for b in bands]
              for p, g in groups}
    return _bars(bands, series, percent=True, title=title, xlabel=xl, ylabel=yl,
                 interactive=interactive, colors=platform_colours([p for p, _ in groups]))


def complaints(res: dict[str, Any], interactive: bool = False) -> Any:
    """Negative messages (complaints and negative comments) per monitoring day."""
    c = res["complaints_by_day"]
    return _bars(day_labels(c["day"]),
                 {"negative": c["negative"].tolist(),
                  "not negative": (c["customer_messages"] - c["negative"]).tolist()},
                 stacked=True, interactive=interactive, colors=NEG_COLOURS,
                 title="Complaints and negative comments per day",
                 xlabel="Monitoring day", ylabel="Messages from the public",
                 empty="Nobody from the public wrote on these days")


def themes(res: dict[str, Any], interactive: bool = False, top: int = 10) -> Any:
    """The most common themes in the public's messages, with how many were negative."""
    t = res["themes"]
    title, xl, yl = "What people talked about: the most common themes", "Theme", "Number of messages"
    if not available(t):
        return _unavailable(title, xl, yl, t, interactive, horizontal=True)
    t = t.head(top)
    return _bars(t["label"].tolist(), {"negative": t["negative"].tolist(),
                                       "not negative": (t["messages"] - t["negative"]).tolist()},
                 stacked=True, horizontal=True, title=title, xlabel=xl, ylabel=yl,
                 interactive=interactive, colors=NEG_COLOURS,
                 empty="No message from the public has a theme on these days")


def feedback(res: dict[str, Any], interactive: bool = False) -> Any:
    """Stakeholder feedback: questions, suggestions and praise."""
    f = res["feedback"]
    return _bars([t.capitalize() for t in f["type"]], {"messages": f["messages"].tolist()},
                 interactive=interactive, title="Stakeholder feedback from the public",
                 xlabel="Type of feedback", ylabel="Number of messages",
                 empty="No questions, suggestions or praise\nfrom the public on these days")


def engagement(res: dict[str, Any], interactive: bool = False) -> Any:
    """Likes, shares and replies per business post, by platform (counts the data records only)."""
    e = res["engagement"]
    e = e[(e["platform"] != ALL) & (e["posts"] > 0)]
    shown, missing, in_file = count_lists(res["meta"].get("counts"))
    note, title = None, _engagement_title(res)
    if len(e) and (not res["meta"].get("engagement_counted", True) or not shown):
        e = e.iloc[0:0]   # 0 here means "not recorded": draw no bars of 0
        note = "This data does not record likes or shares"
    elif len(e):   # what the bars leave out, under the title (a note would sit on the bars)
        caveats = ([f"{_listing(missing)} are not recorded in this data"]
                   if missing else []) + (["replies: only those in this file"] if in_file else [])
        if caveats:
            title += "\n(" + "; ".join(caveats) + ")"
    per = lambda col: (e[col] / e["posts"]).round(1).tolist()  # noqa: E731
    name = lambda c: "replies (in this file)" if c == "replies" and in_file else c  # noqa: E731
    what = _listing(shown) if shown and len(e) else "likes, shares and replies"
    return _bars([platform_label(p) for p in e["platform"]],
                 {name(c): per(c) for c in shown},
                 stacked=True, interactive=interactive,
                 title=title,
                 xlabel="Platform", ylabel=f"{what[0].upper()}{what[1:]} per post (average)",
                 whole=False, note=note,
                 empty=_no_posts_note(res))


def _no_posts_note(res: dict[str, Any]) -> str:
    """Why there are no engagement bars: no posts at all, or only replies (engagement is measured
    on the business's own posts, so replies do not count)."""
    replies = int(res.get("headline", {}).get("business_messages") or 0)
    if replies:
        return (f"{_org_first(res)} wrote {replies} {'reply' if replies == 1 else 'replies'} but no posts "
                "of its own on these days, so engagement (measured on posts) cannot be shown")
    return f"{_org_first(res)} posted nothing on these days"


def response_times(res: dict[str, Any], interactive: bool = False) -> Any:
    """Median and 90th-percentile minutes to the first reply, per platform (customer care)."""
    c = res["customer_care"]
    c = c[(c["platform"] != ALL) & (c["answered"] > 0)]
    # each bar says its time in words: a wait of minutes is a sliver beside one of hours
    return _bars([platform_label(p) for p in c["platform"]],
                 {"half answered within": (c["median_minutes"] / 60).round(2).tolist(),
                  "90% answered within": (c["p90_minutes"] / 60).round(2).tolist()},
                 labels={"half answered within": [short_wait(m) for m in c["median_minutes"]],
                         "90% answered within": [short_wait(m) for m in c["p90_minutes"]]},
                 interactive=interactive, title="How long customers waited for a first reply",
                 xlabel="Platform", ylabel="Hours (nights and weekends included)", whole=False,
                 empty="No replies by the business to the public\non these days, so no waiting times")


def short_wait(minutes: float) -> str:
    """A waiting time short enough to write on a bar, in hours *and minutes*: "1.3 h" was read
    as 1 h 30 (it is 1 h 18), and the report writes "1 h 18 min". Under 10 hours: hours and
    minutes as in the report; up to two days: whole hours; then days and hours (unknown -> '').

    >>> [short_wait(m) for m in (0.4, 59.6, 78, 90, 683, 2879, 4000)]
    ['0 min', '1 h', '1 h 18 min', '1 h 30 min', '11 h', '2 days', '2 days 19 h']
    """
    if minutes is None or pd.isna(minutes):
        return ""
    m = int(round(max(0.0, float(minutes))))
    if m < 600:
        from .priority import format_wait   # the report's own words for a wait
        return format_wait(m)
    hours = int(round(m / 60))
    if hours < 48:
        return f"{hours} h"
    d, h = divmod(hours, 24)
    return f"{d} days {h} h" if h else f"{d} days"


def answered(res: dict[str, Any], interactive: bool = False) -> Any:
    """Customer messages answered and still waiting, per platform."""
    c = res["customer_care"]
    c = c[c["platform"] != ALL]
    if not res.get("meta", {}).get("org_in_file", True):   # every message 'still waiting' would mislead
        return _bars([], {}, title="Customer messages answered by the end of the period",
                     xlabel="Platform", ylabel="Messages from the public", interactive=interactive,
                     note="This file holds no message by the organisation,\nso it cannot show which "
                          "messages were answered")
    return _bars([platform_label(p) for p in c["platform"]],
                 {"answered": c["answered"].tolist(), "still waiting": c["waiting"].tolist()},
                 stacked=True, interactive=interactive, colors=CARE_COLOURS,
                 title="Customer messages answered by the end of the period",
                 xlabel="Platform", ylabel="Messages from the public",
                 empty="Nobody from the public wrote on these days")


CHARTS = {"volume_by_day": volume_by_day, "business_vs_followers": business_vs_followers,
          "busiest_hours": busiest_hours, "users": users, "followers": followers,
          "location": location, "regions": regions, "age_groups": age_groups,
          "complaints": complaints, "themes": themes, "feedback": feedback,
          "engagement": engagement, "response_times": response_times, "answered": answered}
"""Every P3 chart by name, in the order a report shows them."""


def all_charts(res: dict[str, Any], interactive: bool = False) -> dict[str, Any]:
    """Every chart in :data:`CHARTS` for one monitor result (name -> figure)."""
    return {name: fn(res, interactive=interactive) for name, fn in CHARTS.items()}
