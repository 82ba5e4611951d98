"""Building blocks that make the report notebook read like a hand-out, safely.

Every helper returns an ``IPython.display.HTML`` (or a plotly figure) whose text is escaped:
organisation names, theme names and message text can come from the public, so nothing here
ever puts raw text into HTML. Tables of messages go through :func:`message_table`, which also
pseudonymises customers (unless ``show_handles``) and makes links inert.

Example
-------
>>> from smlib.reportview import kpi_cards, paragraph
>>> kpi_cards([("Messages", "1,204", "all platforms")])        # doctest: +SKIP
>>> paragraph("A <b> stays text")                              # doctest: +SKIP
"""
from __future__ import annotations

import numbers
import re
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from .privacy import PSEUDONYM, escape_html as _e, strip_bidi_controls
from .schema import is_utc

CHART_HEIGHT = 380
COLOURS = {"posted_by_business": "#1f4e79", "needs_action": "#c0392b", "no_action": "#95a5a6",
           "negative": "#c0392b", "neutral": "#95a5a6", "positive": "#27ae60",
           "Posted by the business": "#1f4e79", "Needs action": "#c0392b", "No action": "#95a5a6",
           "Negative": "#c0392b", "Neutral": "#95a5a6", "Positive": "#27ae60",
           "by_business": "#1f4e79", "by_followers": "#e67e22"}
LABELS = {"posted_by_business": "Posted by the business", "needs_action": "Needs action",
          "no_action": "No action", "negative": "Negative", "neutral": "Neutral",
          "positive": "Positive"}
"""How category and sentiment codes read in charts and tables."""


def _html(markup: str):
    from IPython.display import HTML
    return HTML(markup)


def heading(text: str, sub: str | None = None):
    """A title block: big escaped heading and an optional escaped sub-line."""
    sub_html = f'<p style="color:#555;margin-top:-.4rem">{_e(sub)}</p>' if sub else ""
    return _html(f'<h1 style="color:#1f4e79;border-bottom:3px solid #1f4e79">{_e(text)}</h1>{sub_html}')


def report_title(name: str | None) -> str:
    """The report's heading: the organisation's name, or a plain title when the data did not
    name the organisation (the loader then calls it "this organisation").

    >>> report_title("Northway Rail"), report_title("this organisation")
    ('Northway Rail: social media monitoring report', 'Social media monitoring report')
    """
    from .loaders._options import UNNAMED_ORG
    if not name or str(name) == UNNAMED_ORG:
        return "Social media monitoring report"
    from .summary import name_at_start   # "The organisation in tiny.csv: …", a capital to start
    return f"{name_at_start(str(name))}: social media monitoring report"


def _block(text: str, style: str) -> str:
    """One block of lines: runs of ``- item`` lines become a bullet list, other lines a paragraph."""
    out, para, items = [], [], []

    def flush():
        if para:
            out.append(f"<p{style}>{'<br>'.join(_e(x) for x in para)}</p>")
            para.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{_e(x)}</li>" for x in items) + "</ul>")
            items.clear()

    for line in text.splitlines():
        if line.startswith("- "):
            if para:
                flush()
            items.append(line[2:])
        elif line.strip():
            if items:
                flush()
            para.append(line)
    flush()
    return "".join(out)


def paragraph(text: str, note: bool = False):
    """Plain text as escaped HTML: blank lines split paragraphs, ``- `` lines become bullets."""
    style = ' style="color:#555;font-size:.9rem"' if note else ""
    parts = [p for p in str(text).split("\n\n") if p.strip()]
    return _html("".join(_block(p, style) for p in parts))


def time_zone_sentence(timezone: str | None, from_profile: bool) -> str:
    """One plain sentence saying which clock the report's days and hours are on.

    >>> time_zone_sentence("UTC", False)[:60]
    'Days and times in this report are in UTC (Coordinated Univer'
    """
    tz = timezone or "UTC"
    if is_utc(tz):
        s = ("Days and times in this report are in UTC (Coordinated Universal Time, the same as UK "
             "time in winter; in summer UK clocks are one hour ahead).")
        if not from_profile:
            s += (" The data does not say where the organisation is, so a message sent near "
                  "midnight on its own clocks may count on a different day here.")
        return s
    return (f"Days and times in this report are the organisation's local time ({tz}), so "
            "\"Monday\" means Monday on its own clocks.")


def data_sentence(summary: Mapping[str, Any], read: int, in_period: int) -> str:
    """The report's opening 'Data:' sentence: messages read, rows not used, how many fall on the days.

    >>> data_sentence({"source": "/x/shop.csv", "rows_skipped": 1, "reasons": {"missing date": 1}}, 1, 1)
    'Data: 1 message read from shop.csv (1 row could not be used: 1 missing date). It falls on the monitoring days.'
    >>> data_sentence({"source": "/x/shop.csv"}, 1200, 1)
    'Data: 1,200 messages read from shop.csv. 1 of them falls on the monitoring days.'
    """
    import os

    skipped = int(summary.get("rows_skipped") or 0)
    s = (f"Data: {read:,} message{'' if read == 1 else 's'} read from "
         f"{os.path.basename(str(summary.get('source', 'the sample')))}")
    if skipped:
        s += (f" ({skipped:,} row{' could' if skipped == 1 else 's could'} not be used: "
              f"{_reasons(summary)})")
    if read == 1 and in_period == 1:
        return s + ". It falls on the monitoring days."
    return s + f". {in_period:,} of them fall{'s' if in_period == 1 else ''} on the monitoring days."


def _reasons(summary: Mapping[str, Any]) -> str:
    """The skip reasons in words, each as a learner reads it ("125 comments Reddit did not send",
    not "125 'more' stub"): :func:`smlib.summary.reason_words`."""
    from .summary import reason_words
    reasons = summary.get("reasons")
    if not isinstance(reasons, Mapping):
        return ""
    return "; ".join(f"{int(count):,} {reason_words(why)}" for why, count in reasons.items())


def corrections_sentence(frame) -> str:
    """What people's sentiment corrections changed, in one sentence; '' when none were given.

    Reads ``frame.attrs["sentiment_corrections"]`` (set by :func:`smlib.add_sentiment`).

    >>> import pandas as pd
    >>> f = pd.DataFrame(); f.attrs["sentiment_corrections"] = {"applied": 2, "given": 3, "unmatched": 1}
    >>> corrections_sentence(f)
    'A person corrected the sentiment label of 2 messages; every table and chart uses their labels (1 correction matched no message in this data).'
    """
    c = getattr(frame, "attrs", {}).get("sentiment_corrections")
    if not c:
        return ""
    n, miss = int(c.get("applied", 0)), int(c.get("unmatched", 0))
    s = (f"A person corrected the sentiment label of {n:,} message{'' if n == 1 else 's'}; every "
         "table and chart uses their labels")
    if miss:
        s += f" ({miss:,} correction{'' if miss == 1 else 's'} matched no message in this data)"
    return s + "."


def ratings_sentence(frame) -> str:
    """What reviews' star ratings did to the sentiment labels, in one sentence; '' when no
    message has stars.

    Reads ``frame.attrs["sentiment_ratings"]`` (set by :func:`smlib.add_sentiment`).

    >>> import pandas as pd
    >>> f = pd.DataFrame(); f.attrs["sentiment_ratings"] = {"rated": 120, "changed": 12, "not_used": 0, "why": ""}
    >>> ratings_sentence(f)
    "120 reviews have star ratings. In 12 of them the stars and the words disagreed, so the reviewer's stars decide the label (1–2 stars negative, 4–5 positive)."
    """
    r = getattr(frame, "attrs", {}).get("sentiment_ratings")
    if not r or not (int(r.get("rated", 0)) or int(r.get("unreadable", 0))):
        return ""
    if int(r.get("not_used", 0)):
        return f"Star ratings were not used: {r['why']}."
    n, k = int(r["rated"]), int(r.get("changed", 0))
    unread = f" Note: {r['why']}." if int(r.get("unreadable", 0)) else ""
    if not n:
        return unread.strip()
    s = f"{n:,} review{' has a star rating' if n == 1 else 's have star ratings'}. "
    if not k:
        return s + "The stars and the words agreed, so the words decide the label." + unread
    return (s + f"In {k:,} of them the stars and the words disagreed, so the reviewer's stars "
            "decide the label (1–2 stars negative, 4–5 positive)." + unread)


def bullets(items: Iterable[str]):
    """An escaped bullet list."""
    return _html("<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>")


def kpi_cards(cards: Sequence[tuple[str, str, str]]):
    """A row of KPI boxes: ``(label, value, explanation)`` each, all escaped."""
    box = ("display:inline-block;vertical-align:top;width:10.5rem;margin:0 .6rem .6rem 0;"
           "padding:.6rem .7rem;border:1px solid #c9d3dd;border-radius:6px;background:#f6f9fc")
    html = "".join(
        f'<div style="{box}"><div style="font-size:.8rem;color:#555">{_e(label)}</div>'
        f'<div style="font-size:{"1.5rem" if len(str(value)) <= 12 else "1.05rem"};font-weight:600;'
        f'color:#1f4e79">{_e(value)}</div>'
        f'<div style="font-size:.75rem;color:#666">{_e(expl)}</div></div>'
        for label, value, expl in cards)
    return _html(f"<div>{html}</div>")


def fmt_number(value: Any, kind: str = "int") -> str:
    """Format a figure for people; None -> 'n/a'.

    ``kind``: int, float, pct (a 0-1 share as %), pct2 (two decimals), pct_number (a figure
    already in %), minutes ('1 h 30 min'),
    and for *changes*: pts / pts2 (a change in a 0-1 share, in percentage points), pts_number
    (a change in a figure already in %), minutes_change ('+1 h 30 min'), change (signed number).

    >>> fmt_number(-0.17, "pts"), fmt_number(90.0, "minutes_change"), fmt_number(2.5, "pts_number")
    ('-17 pts', '+1 h 30 min', '+2.5 pts')
    """
    if value is None or (isinstance(value, numbers.Real) and pd.isna(value)):
        return "n/a"
    if kind in ("pts", "pts2", "pts_number", "minutes_change", "change"):
        v = float(value)
        sign = "+" if v > 0 else ("-" if v < 0 else "")
        if kind == "minutes_change":
            from .priority import format_wait
            return "no change" if round(v) == 0 else sign + format_wait(abs(v))
        size = {"pts": 100 * abs(v), "pts2": 100 * abs(v)}.get(kind, abs(v))
        digits = {"pts": 0, "pts2": 2}.get(kind, 0 if kind == "change" and v == round(v) else 1)
        text = f"{size:,.{digits}f}"
        if float(text.replace(",", "")) == 0:
            sign = ""
        return sign + text + ("" if kind == "change" else " pts")
    if kind == "pct":
        return f"{float(value):.0%}"
    if kind == "pct_number":
        text = f"{float(value):,.1f}"
        return ("0.0" if float(text.replace(",", "")) == 0 else text) + "%"   # never "-0.0%"
    if kind == "pct2":
        return f"{float(value):.2%}"
    if kind == "minutes":
        from .priority import format_wait
        return format_wait(float(value))
    if kind == "float":
        return f"{float(value):,.1f}"
    # numpy's numbers too (np.int64 from a pandas count is not an int): "7,870", not "7870"
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return f"{int(round(float(value))):,}"
    return str(value)


def answered_text(share: Any, replies_not_in_file: Any = 0) -> str:
    """The answered share for a KPI box or the index. When some of the public's messages have
    replies the file does not hold (``replies_not_in_file``), the share is only a lower bound:
    "at least 22%", and "not known" rather than "0%".

    >>> answered_text(0.4), answered_text(0.216, 216), answered_text(0.0, 216), answered_text(None, 3)
    ('40%', 'at least 22%', 'not known', 'n/a')
    """
    text = fmt_number(share, "pct")
    if text == "n/a" or not replies_not_in_file or pd.isna(replies_not_in_file):
        return text
    return "not known" if float(share) * 100 < 0.5 else f"at least {text}"


def count_axis(fig, top: Any, axis: str = "y"):
    """Ticks at whole numbers only on a plotly axis of counts (plotly puts ticks at 0.5, 1.5 …
    under small bars: half a message); one apart when the tallest bar is under 8."""
    try:
        top = float(top)
    except (TypeError, ValueError):
        top = 0.0
    kw = {"tickformat": ",d", **({"dtick": 1} if not top >= 8 else {})}
    (fig.update_yaxes if axis == "y" else fig.update_xaxes)(**kw)
    return fig


def figure_kind(figure: str, change: bool = False) -> str:
    """The :func:`fmt_number` kind for a headline figure, from its name (a change gets its unit).

    Shares (``*_share``) are percentages and change in percentage points; the engagement rate
    needs two decimals; ``*_minutes`` are waits; ``*_pct`` are already in %; ``top_*`` are
    words; anything else is a count.

    >>> figure_kind("answered_share"), figure_kind("answered_share", change=True)
    ('pct', 'pts')
    >>> figure_kind("first_response_median_minutes", True), figure_kind("messages")
    ('minutes_change', 'int')
    """
    if figure.startswith("top_"):
        return "text"
    if figure.endswith("_share"):
        return "pts" if change else "pct"
    if figure == "engagement_rate":
        return "pts2" if change else "pct2"
    if figure.endswith("_minutes"):
        return "minutes_change" if change else "minutes"
    if figure.endswith("_pct"):
        return "pts_number" if change else "pct_number"
    return "change" if change else "int"


def _as_shown(value: float, kind: str) -> float:
    """A figure rounded as :func:`fmt_number` writes it."""
    v = float(value)
    return {"pct": round(v * 100) / 100, "pct2": round(v * 10000) / 10000, "pct_number": round(v, 1),
            "float": round(v, 1)}.get(kind, float(round(v)))


def _shown_change(name: str, this: Any, previous: Any, change: Any) -> Any:
    """``this - previous`` as the two figures are shown (unchanged when either is not a number)."""
    kind = figure_kind(name)
    if kind == "text" or any(isinstance(x, (str, bool)) or x is None or pd.isna(x) for x in (this, previous, change)):
        return change
    try:
        return _as_shown(this, kind) - _as_shown(previous, kind)
    except (TypeError, ValueError):
        return change


def figures_for_people(frame: pd.DataFrame, columns: Iterable[str] | None = None,
                       figure: str = "figure", changes: Iterable[str] = ("change",),
                       missing: str = "") -> pd.DataFrame:
    """A table of headline figures with every number written for people, as text.

    Works on :func:`smlib.compare_periods` (figures in a ``figure`` column) and
    :func:`smlib.tools.compare_views` (figures as the index). ``columns`` are the value columns
    to write (default: every column but ``figure`` and text-only ones); those in ``changes`` are
    differences and get a sign and unit ("+5 pts", "-1 h 30 min"). A blank value (the figure is
    not available) becomes ``missing``. Theme keys become theme names. Returns a new frame.

    >>> cmp = pd.DataFrame({"figure": ["messages", "answered_share"], "this_period": [432.0, 0.7265],
    ...                     "change": [-426.0, 0.0903]})
    >>> figures_for_people(cmp).values.tolist()
    [['messages', '432', '-426'], ['answered_share', '73%', '+9 pts']]
    """
    out = frame.copy()
    names = (out[figure] if figure in out.columns else pd.Series(out.index, index=out.index)).astype(str)
    if columns is None:
        columns = [c for c in out.columns if c != figure and c not in ("meaning", "better_when", "status")]
    changes = set(changes)
    if {"this_period", "previous_period"} <= set(out.columns):
        # the change a reader works out from the two figures shown: "6 min | 6 min | -1 min" and
        # "67% | 75% | -9 pts" came from changes of the unrounded figures
        for col in changes & set(out.columns):
            out[col] = [_shown_change(name, a, b, c) for name, a, b, c
                        in zip(names, out["this_period"], out["previous_period"], out[col])]
    labels = None
    for col in columns:
        values = []
        for name, v in zip(names, out[col]):
            if v is None or (not isinstance(v, str) and pd.api.types.is_scalar(v) and pd.isna(v)):
                values.append(missing)
                continue
            kind = figure_kind(name, change=col in changes)
            if kind == "text" or isinstance(v, str):
                if name == "top_theme":
                    if labels is None:
                        from .themes import theme_labels
                        labels = theme_labels()
                    v = labels.get(v, v)
                values.append(str(v))
            else:
                values.append(fmt_number(v, kind))
        out[col] = pd.Series(values, index=out.index, dtype=object)
    return out


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of a results table with names instead of codes, ready for :func:`table`:
    platforms (``"x"`` -> ``"X"``, ``"reviews"`` -> ``"Review sites"``, ``"all"`` -> ``"All
    platforms"``) in ``platform`` / ``top_platform``, countries (``"GB"`` -> ``"UK"``) in ``country``.

    >>> readable(pd.DataFrame({"platform": ["x", "blog", "all"], "country": ["GB", "PK", "ZZ"]})).values.tolist()
    [['X', 'UK'], ['Blog', 'Pakistan'], ['All platforms', 'ZZ']]
    """
    from .summary import country_name, platform_label
    out = frame.copy()
    for col in [c for c in ("platform", "top_platform") if c in out.columns]:
        out[col] = out[col].map(lambda p: platform_label(p) if isinstance(p, str) else p)
    if "country" in out.columns:
        out["country"] = out["country"].map(lambda c: c if not isinstance(c, str) else country_name(c, article=False))
    if "type" in out.columns:   # feedback types: "question" -> "Question"
        out["type"] = out["type"].map(lambda t: FEEDBACK_LABELS.get(t, t) if isinstance(t, str) else t)
    return out



_RULE_WORDS = {"sentiment": "its sentiment score", "waited": "a long time", "count": "several",
               "what": "followers, shares and views", "period": "an hour or a day"}
"""Words for the placeholders in the priority rules' reasons, when a rule is described."""


def rule_words(reason: str) -> str:
    """A priority rule's reason with its placeholders in words, for a table of the rules
    ("waiting {waited} without a reply" -> "waiting a long time without a reply"), instead of the
    reason cut short at the first placeholder ("waiting").

    >>> rule_words("strength of feeling: sentiment {sentiment:+.2f} (very negative messages come first)")
    'strength of feeling: its sentiment score (very negative messages come first)'
    """
    text = re.sub(r"sentiment \{sentiment[^}]*\}", "{sentiment}", str(reason))
    return re.sub(r"\{(\w+)[^}]*\}", lambda m: _RULE_WORDS.get(m.group(1), "…"), text)


SITUATION_LABELS = {"default": "Anything else"}
"""Standard-response situations whose key is no word for a reader."""


def situation_label(key: str) -> str:
    """A standard-response situation's name for people: "complaint" -> "Complaint",
    "default" -> "Anything else"."""
    return SITUATION_LABELS.get(str(key), str(key).replace("_", " ").capitalize())


FEEDBACK_LABELS = {"question": "Question", "suggestion": "Suggestion", "praise": "Praise"}


def _no_minus_zero(text: str) -> str:
    """"-0.0" -> "0.0": a tiny fall rounded to nothing is no fall."""
    return text[1:] if text.startswith("-") and not any(c in "123456789" for c in text) else text


_BREAKS = re.compile(r"[ \t]*(?:\r\n|\r|\n)[\s]*")


def one_line(text: Any) -> Any:
    """A message on one line: line breaks become spaces (a table cell showed them as a literal
    ``\\n``, and a printed line broke in the middle). Non-text is returned unchanged.

    >>> one_line("my wife passed away.\\n\\nit feels like")
    'my wife passed away. it feels like'
    """
    return _BREAKS.sub(" ", text).strip() if isinstance(text, str) else text


NO_AUTHOR = "(deleted or hidden account)"
"""Shown for a message whose author the data does not name (a deleted Reddit account)."""


def author_label(v: Any) -> str:
    """Who wrote a message, for a table or a printed line: :data:`NO_AUTHOR` when the data does
    not say (not a blank 'Written by' or '[Reddit] : …').

    >>> author_label(None), author_label("user-3fa9c1d2")
    ('(deleted or hidden account)', 'user-3fa9c1d2')
    """
    if v is None or (not isinstance(v, str) and pd.api.types.is_scalar(v) and pd.isna(v)):
        return NO_AUTHOR
    from .loaders._options import ARCHIVE_OWNER
    if str(v) == ARCHIVE_OWNER:   # the loaders' stand-in for whoever made the archive
        return "the organisation"
    return str(v) if str(v).strip() else NO_AUTHOR


def _cell(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return "; ".join(map(str, v))
    if isinstance(v, bool):
        return "yes" if v else "no"
    if v is None or (not isinstance(v, str) and pd.api.types.is_scalar(v) and pd.isna(v)):
        return ""  # e.g. no example message: a blank cell, not "None"
    return one_line(strip_bidi_controls(v)) if isinstance(v, str) else v


TEXT_CHARS = 280
"""Message text in report tables is cut to this many characters (the CSV keeps it whole)."""
CELL_CHARS = 600
"""Any other text cell is cut to this many characters."""
_TABLE_STYLE = ("<style>table.smlib-table td{overflow-wrap:anywhere;word-break:break-word;"
                "max-width:40rem}</style>")
"""Long words (a URL, 'xxxx…') wrap inside their cell instead of stretching the table."""


_SHORT_CELL = re.compile(r"<td>([^<\s]{1,24})</td>")


def shorten(text: Any, limit: int) -> Any:
    """``text`` cut to at most ``limit`` characters, ending with '…' when cut; non-text unchanged.

    >>> shorten("a" * 10, 5)
    'aaaa…'
    >>> shorten("short", 280)
    'short'
    """
    if not isinstance(text, str) or len(text) <= limit:
        return text
    return text[:max(limit - 1, 0)].rstrip() + "…"


def table(frame: pd.DataFrame, columns: Mapping[str, str] | Sequence[str] | None = None,
          max_rows: int = 20, percent: Iterable[str] = (), decimals: int = 1,
          note: str | None = None, empty: str | None = None,
          max_chars: Mapping[str, int] | None = None, rest_in: str | None = None):
    """A readable, escaped table: chosen columns renamed, shares as %, lists joined, no index.

    ``columns`` maps column -> heading (or lists columns to keep). Values are escaped by
    ``DataFrame.to_html(escape=True)``. A frame with no rows shows the sentence ``empty``
    instead of a table of headings only. Text longer than :data:`CELL_CHARS` (or
    ``max_chars[column]``) is cut short with '…', and a note under the table says so.
    """
    if len(frame) == 0:
        return paragraph(empty or "Nothing to show here: there are no rows.", note=True)
    limits = dict(max_chars or {})
    view = frame.copy()
    if columns is not None:
        mapping = dict(columns) if isinstance(columns, Mapping) else {c: c for c in columns}
        mapping = {k: v for k, v in mapping.items() if k in view.columns}
        view = view[list(mapping)].rename(columns=mapping)
        percent = [mapping.get(p, p) for p in percent]
        limits = {mapping.get(k, k): v for k, v in limits.items()}
    more = len(view) - max_rows
    view = view.head(max_rows)
    for col in view.columns:
        s = view[col]
        if col in set(percent):
            view[col] = s.map(lambda v: "" if v is None or pd.isna(v) else f"{float(v):.0%}")
        elif pd.api.types.is_float_dtype(s.dtype):
            view[col] = s.map(lambda v: "" if pd.isna(v) else _no_minus_zero(f"{v:,.{decimals}f}"))
        elif str(s.dtype).startswith("datetime64"):
            # times still in UTC say so (convert to the organisation's zone first to drop it)
            utc = is_utc(getattr(s.dt, "tz", None))
            view[col] = s.dt.strftime("%a %d %b %H:%M" + (" UTC" if utc else ""))
        elif pd.api.types.is_integer_dtype(s.dtype):
            view[col] = s.map(lambda v: "" if pd.isna(v) else f"{int(v):,}")
        elif pd.api.types.is_bool_dtype(s.dtype):
            view[col] = s.map({True: "yes", False: "no"})
        elif not pd.api.types.is_numeric_dtype(s.dtype):
            view[col] = s.map(_cell)
    cut = False
    for col in view.columns:
        if pd.api.types.is_object_dtype(view[col].dtype) or pd.api.types.is_string_dtype(view[col].dtype):
            limit = limits.get(col, CELL_CHARS)
            short = view[col].map(lambda v: shorten(v, limit))
            cut = cut or bool((short.map(lambda v: isinstance(v, str) and v.endswith("…"))
                               & ~view[col].map(lambda v: isinstance(v, str) and v.endswith("…"))).any())
            view[col] = short
    html = view.to_html(index=False, escape=True, na_rep="", border=0, classes="smlib-table",
                        render_links=False)
    # one short word ("user-937687df", "Facebook", "not met") is never broken across lines: the
    # wrapping that keeps a long link inside its cell split 8-digit pseudonyms in two
    html = _SHORT_CELL.sub(lambda m: f'<td style="white-space:nowrap">{m.group(1)}</td>', html)
    # only say where the other rows are when a file really holds them (the action queue's CSV)
    where = f" (all are in {_e(rest_in)})" if rest_in else ""
    extra = (f'<p style="color:#555;font-size:.85rem">… and {more} more '
             f'{"row" if more == 1 else "rows"}{where}.</p>' if more > 0 else "")
    if cut:
        extra += ('<p style="color:#555;font-size:.85rem">Very long messages are cut short here '
                  '(they end with “…”).</p>')
    if note:
        extra += f'<p style="color:#555;font-size:.85rem">{_e(note)}</p>'
    return _html(_TABLE_STYLE + html + extra)


def message_table(frame: pd.DataFrame, columns: Sequence[str] | None = None, max_rows: int = 15,
                  show_handles: bool = False, keep: Iterable[str] = (),
                  headings: Mapping[str, str] | None = None, percent: Iterable[str] = (),
                  empty: str | None = None, rest_in: str | None = None):
    """Display-ready table of messages: handles pseudonymised, links inert, text escaped.

    Use this (not ``Styler`` or hand-made HTML) wherever message text reaches a report: a
    message such as ``<script>…</script>`` shows as text. Message text is cut to
    :data:`TEXT_CHARS` characters; ``empty`` is the sentence shown when there are no rows;
    ``rest_in`` names the file that holds the rows beyond ``max_rows`` (e.g. ``action_queue.csv``).
    """
    from .privacy import inert_urls, pseudonymise
    from .stars import shown_text
    view = frame
    if not show_handles and {"author_id", "author_is_org"} <= set(view.columns):
        view = pseudonymise(view, keep=keep)
    if "text" in view.columns and len(view):   # a stars-only review is not an empty cell
        # (but a summary row with no example at all, None, stays blank: not "(no words)")
        view = view.assign(text=shown_text(view).where(view["text"].notna(), None))
    if columns is not None:
        view = view[[c for c in columns if c in view.columns]]
    view = view.copy()
    for col in ("text", "text_inert"):
        if col in view.columns:
            view[col] = view[col].map(inert_urls)
    if "platform" in view.columns:
        from .summary import platform_label
        view["platform"] = view["platform"].map(lambda p: platform_label(p) if isinstance(p, str) else p)
    for col in ("author", "author_id", "author_name"):   # a deleted account: say so, not a blank
        if col in view.columns and "text" in view.columns:
            view[col] = [author_label(a) if isinstance(t, str) else a
                         for a, t in zip(view[col], view["text"])]
    return table(view, columns=headings or list(view.columns), max_rows=max_rows, percent=percent,
                 empty=empty, max_chars={"text": TEXT_CHARS, "text_inert": TEXT_CHARS}, rest_in=rest_in)


# a pseudonym, with the "@" of a mention or the "/" of a profile address in front of it
_PSEUDONYM = re.compile(rf"([@/]?)({PSEUDONYM.pattern})")


def handle_map(frame: pd.DataFrame) -> dict[str, str]:
    """Pseudonym -> real handle for every author and @mention in ``frame`` (staff copies only).

    Library functions pseudonymise what they return; a report built with ``show_handles=True``
    uses this to put the real handles back, consistently with its own tables. Pseudonyms are
    made from :func:`smlib.privacy.handle_key`, so an author ``@ImogenM84`` and a mention
    ``@imogenm84`` are one entry; the handle as the person posted it (``author_id``) is the one
    shown.
    """
    from .privacy import _MENTION, pseudonym
    mapping: dict[str, str] = {}
    for col in ("author_id", "author_name"):
        if col in frame:
            for v in frame[col].dropna().unique():
                mapping.setdefault(pseudonym(v), str(v))
    if "text" in frame:
        for t in frame["text"].dropna():
            for m in _MENTION.finditer(str(t)):
                mapping.setdefault(pseudonym(m.group(1).lower()), m.group(1))
    return mapping


def reveal(value: Any, mapping: Mapping[str, str] | None) -> Any:
    """Replace pseudonyms in a string (or each string of a list) using :func:`handle_map`'s mapping."""
    if not mapping:
        return value
    if isinstance(value, str):
        def _real(m: re.Match) -> str:
            real = mapping.get(m.group(2))
            if real is None:
                return m.group(0)
            # "@user-…" (a mention) or "x.com/user-…" (a profile address): one "@" at most
            return m.group(1) + real.lstrip("@") if m.group(1) else real
        return _PSEUDONYM.sub(_real, value)
    if isinstance(value, (list, tuple)):
        return [reveal(v, mapping) for v in value]
    return value


def reveal_frame(frame: pd.DataFrame, mapping: Mapping[str, str] | None) -> pd.DataFrame:
    """A copy of ``frame`` with pseudonyms in its text columns replaced (no-op without a mapping)."""
    if not mapping:
        return frame
    out = frame.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col].dtype) and not str(out[col].dtype).startswith("datetime"):
            out[col] = out[col].map(lambda v: reveal(v, mapping))
    return out


def plotly_text(text: Any) -> Any:
    """``text`` made safe for plotly: plotly draws a few HTML tags (``<b>``, ``<a href>``, ``<br>``)
    in titles, labels, legends and hover boxes, so ``<``, ``>`` and ``&`` become entities and the
    text shows exactly as written. Non-text values are returned unchanged.

    >>> plotly_text("Le Café <b>Ünï</b> & Co")
    'Le Café &lt;b&gt;Ünï&lt;/b&gt; &amp; Co'
    """
    if not isinstance(text, str):
        return text
    import html
    return html.escape(strip_bidi_controls(text), quote=False)


def plain_text_figure(fig):
    """Escape every piece of text in a plotly figure that can come from the data (see
    :func:`plotly_text`): the title, axis and legend titles, annotations, trace names, and the
    categories on the axes (organisation and platform names come from the file)."""
    import numpy as np

    def safe_values(values):
        if values is None:
            return values
        arr = np.asarray(values, dtype=object)
        if not any(isinstance(v, str) for v in arr.ravel()):
            return values
        return np.vectorize(plotly_text, otypes=[object])(arr)

    layout = fig.layout
    if layout.title and layout.title.text:
        layout.title.text = plotly_text(layout.title.text)
    if layout.legend and layout.legend.title and layout.legend.title.text:
        layout.legend.title.text = plotly_text(layout.legend.title.text)
    for axis in [k for k in layout if k.startswith(("xaxis", "yaxis"))]:
        ax = layout[axis]
        if ax.title and ax.title.text:
            ax.title.text = plotly_text(ax.title.text)
        if ax.categoryarray is not None:
            ax.categoryarray = list(safe_values(ax.categoryarray))
    for ann in layout.annotations or ():
        ann.text = plotly_text(ann.text)
    for trace in fig.data:
        if getattr(trace, "name", None):
            raw, trace.name = trace.name, plotly_text(trace.name)
            # plotly express writes a trace's group value into its hover template too
            template = getattr(trace, "hovertemplate", None)
            if template and raw != trace.name and f"={raw}<br>" in template:
                trace.hovertemplate = template.replace(f"={raw}<br>", f"={trace.name}<br>")
        if hasattr(trace, "legendgroup") and trace.legendgroup:
            trace.legendgroup = plotly_text(trace.legendgroup)
        for key in ("x", "y", "text"):
            if key in trace and trace[key] is not None and not isinstance(trace[key], str):
                trace[key] = safe_values(trace[key])
    return fig


def style_figure(fig, title: str, x: str, y: str, height: int = CHART_HEIGHT, legend: str | None = None):
    """Give a plotly figure the report's look: title, axis labels, white background.

    All text in it that can come from the data is shown as text, never as markup
    (:func:`plain_text_figure`): an organisation called ``<b>Shop</b>`` is not drawn in bold.
    """
    fig.update_layout(title=title, xaxis_title=x, yaxis_title=y, template="simple_white",
                      height=height, margin=dict(l=60, r=20, t=60, b=50),
                      legend_title_text=legend or "", font=dict(size=13))
    return plain_text_figure(fig)


def platform_bars(frame: pd.DataFrame, column: str, name: str, order: Sequence[str], title: str,
                  y_label: str):
    """A stacked bar chart of ``frame``'s messages per platform, split by ``column`` (labelled
    with :data:`LABELS`, stacked in ``order``, coloured with :data:`COLOURS`), in the report's look.

    The report draws two of these: sentiment of the public per platform (P3) and the three M2
    categories per platform. ``name`` is the legend title and the split's axis name.
    """
    import plotly.express as px

    from .summary import platform_label
    counts = (frame.assign(Platform=frame["platform"].map(platform_label),
                           **{name: frame[column].map(LABELS)})
              .groupby(["Platform", name], observed=True).size().reset_index(name="Messages"))
    fig = px.bar(counts, x="Platform", y="Messages", color=name, barmode="stack",
                 color_discrete_map=COLOURS, category_orders={name: list(order)})
    return style_figure(fig, title, "Platform", y_label, legend=name)
