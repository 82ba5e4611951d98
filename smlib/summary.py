"""A descriptive summary of the monitoring period in plain English (Unit 3 P3).

P3 ends with "produce a descriptive summary of the activity". :func:`describe_activity` writes
the paragraphs a learner would write from the monitor's tables: what happened each day and on
which platform, who the users are, what they talked about, how well the business answered, and
what stands out. Every figure in the text is read from a table in the :func:`smlib.monitor`
result (or the :func:`smlib.compare_periods` table when given), so a learner can point to where
each number comes from.

The text is plain (no HTML). Quoted example messages are written by the public: escape the text
(``smlib.privacy.escape_html``) before putting it into HTML.

Example
-------
>>> import smlib                                        # doctest: +SKIP
>>> print(smlib.describe_activity(smlib.load_sample("northway-rail")))   # doctest: +SKIP
"""
from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import pandas as pd

from .metrics import ALL, COUNTS, available, monitor
from .errors import DataError
from .schema import IN_FILE, NOT_RECORDED, SEVERAL_ORGS, Dataset, is_utc

PLATFORM_NAMES = {"x": "X", "facebook": "Facebook", "instagram": "Instagram", "threads": "Threads",
                  "linkedin": "LinkedIn", "tiktok": "TikTok", "youtube": "YouTube",
                  "reddit": "Reddit", "mastodon": "Mastodon", "bluesky": "Bluesky", "blog": "the blog",
                  "reviews": "review sites", "other": "other sites"}
COUNTRY_NAMES = {"GB": "the UK", "UK": "the UK", "US": "the USA", "IE": "Ireland",
                 "FR": "France", "DE": "Germany", "ES": "Spain", "IT": "Italy", "NL": "the Netherlands",
                 "PL": "Poland", "IN": "India", "AU": "Australia", "CA": "Canada",
                 "PK": "Pakistan", "BD": "Bangladesh", "NG": "Nigeria", "ZA": "South Africa",
                 "NZ": "New Zealand", "PT": "Portugal", "BE": "Belgium", "SE": "Sweden",
                 "NO": "Norway", "DK": "Denmark", "CH": "Switzerland", "AT": "Austria",
                 "GR": "Greece", "TR": "Turkey", "RO": "Romania", "AE": "the United Arab Emirates",
                 "CN": "China", "JP": "Japan", "SG": "Singapore", "PH": "the Philippines",
                 "BR": "Brazil", "MX": "Mexico"}


def country_name(code: str, article: bool = True) -> str:
    """A country code in words: ``"GB"`` -> ``"the UK"`` (``article=False``: ``"UK"``); an
    unknown code is returned as it is."""
    name = COUNTRY_NAMES.get(str(code).upper(), str(code))
    return name if article else name.removeprefix("the ")


def platform_name(code: str) -> str:
    """How a platform code reads in a sentence ('x' -> 'X', 'reviews' -> 'review sites')."""
    return PLATFORM_NAMES.get(str(code), str(code))


def platform_label(code: str) -> str:
    """How a platform code reads as a label on its own: a table cell, an axis tick, a legend
    entry ('reviews' -> 'Review sites', 'blog' -> 'Blog', 'all' -> 'All platforms').

    >>> [platform_label(p) for p in ("x", "reviews", "blog", "all", "myspace")]
    ['X', 'Review sites', 'Blog', 'All platforms', 'Myspace']
    """
    if str(code) == "all":
        return "All platforms"
    return _capital(platform_name(code).removeprefix("the "))


_MENTION = re.compile(r"@(\w{2,30})")


def _handle_for(slug: str, frame: pd.DataFrame) -> str | None:
    """The organisation's public handle ("@SpotifyCares") for an org slug ("spotifycares"), as
    the data writes it: the name on its own messages, else the @mention in the public's
    messages to it whose letters match the slug ("@USAirways" for "us-airways")."""
    key = re.sub(r"[^a-z0-9]", "", slug.lower())
    if not key or not len(frame):
        return None
    rows = frame[frame["org"].astype(str) == slug] if "org" in frame.columns else frame
    if "author_is_org" in rows.columns and "author_name" in rows.columns:
        own = rows.loc[rows["author_is_org"].astype(bool), "author_name"].dropna().astype(str)
        own = own[own.str.lstrip("@").str.lower().str.replace(r"[^a-z0-9]", "", regex=True) == key]
        if len(own):
            return "@" + own.value_counts().index[0].lstrip("@")
    if "text" in rows.columns:
        exact: dict[str, int] = {}
        longer: dict[str, int] = {}   # "@AmericanAir" for "american"
        for t in rows["text"].dropna().astype(str).head(2000):
            for m in _MENTION.findall(t):
                k = re.sub(r"[^a-z0-9]", "", m.lower())
                if k == key:
                    exact[m] = exact.get(m, 0) + 1
                elif len(key) >= 4 and k.startswith(key):
                    longer[m] = longer.get(m, 0) + 1
        for found in (exact, longer):
            if found:
                return "@" + max(found, key=found.get)
    return None


def display_name(dataset: Any) -> str:
    """The organisation's name for a learner to read, never a code.

    The profile's name for a sample organisation. For an export: the organisation's public
    handle as the data writes it ("@SpotifyCares", not the slug "spotifycares"); for a file
    about several organisations their handles ("6 organisations (@united, @USAirways,
    @AmericanAir, …)"); for an organisation named only after the file it came from, "the
    organisation in tiny.csv" (not "tiny").

    >>> import smlib
    >>> display_name(smlib.load_sample("northway-rail"))
    'Northway Rail'
    """
    import os
    name = str(getattr(dataset, "name", "") or "")
    if getattr(dataset, "profile", None) is not None and dataset.profile.name:
        return name
    f = dataset.interactions
    summary = dataset.load_summary if isinstance(dataset.load_summary, dict) else {}
    orgs = (f["org"].dropna().astype(str).value_counts().index.tolist()
            if "org" in f.columns and len(f) else [])
    orgs = [o for o in orgs if o.strip() and o.lower() != "unknown"]
    if len(orgs) > 1 and re.match(r"^\d[\d,]* organisations \(", name):
        shown = [_handle_for(o, f) or o for o in orgs[:3]]
        return f"{len(orgs):,} organisations ({', '.join(shown)}{', …' if len(orgs) > 3 else ''})"
    if len(orgs) == 1 and name == orgs[0]:
        handle = _handle_for(orgs[0], f)
        if handle:
            return handle
        warned = " ".join(map(str, summary.get("warnings") or ()))
        if f"called '{orgs[0]}' after the file" in warned:
            return f"the organisation in {os.path.basename(str(summary.get('source', '')))}"
    return name


def _int(n: Any) -> str:
    return f"{int(n):,}"


def _about(x: Any) -> str:
    """An average as a person says it: whole from 10 up, one decimal below.

    >>> _about(333.24), _about(2.456), _about(0.04), _about(1234.5)
    ('333', '2.5', '0', '1,234')
    """
    x = float(x)
    return f"{round(x):,}" if abs(x) >= 10 else f"{round(x, 1):g}"


def pct(share: Any) -> str:
    """A 0-1 share as a percentage: whole numbers from 10% up, one decimal below.

    A missing or infinite share (0 of 0) reads "n/a": callers say why in words, but a sentence
    must never show "nan%" or stop the whole summary. Notebooks use it for headline shares,
    which are None when there is nothing to divide by (e.g. an export of the organisation's
    own posts has no messages from the public).

    >>> pct(0.513), pct(0.052), pct(None), pct(1 / 10000), pct(0.99996)
    ('51%', '5.2%', 'n/a', 'under 0.1%', 'over 99.9%')
    """
    if _missing(share) or not math.isfinite(float(share)):
        return "n/a"
    p = 100 * float(share)
    if 0 < p < 0.05:          # 1 of 10,000 is not "0%"
        return "under 0.1%"
    if 99.5 <= p < 100:       # nor is 9,999 of 10,000 "100%"
        return f"{round(p, 1)}%" if round(p, 1) < 100 else "over 99.9%"
    if p >= 10 or round(p, 1) == round(p):
        return f"{round(p)}%"
    return f"{round(p, 1)}%"


def _as_date(d: Any) -> dt.date:
    if isinstance(d, dt.datetime):
        return d.date()
    return d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d)[:10])


def _day(d: Any, year: bool = False) -> str:
    """'Monday 2 March'; with ``year``, 'Monday 2 March 2026'."""
    d = _as_date(d)
    return f"{d.strftime('%A')} {d.day} {d.strftime('%B')}" + (f" {d.year}" if year else "")


def _need_year(*day_lists: Any) -> bool:
    """True when the days named together fall in more than one year, so each needs its year."""
    years = {_as_date(d).year for days in day_lists for d in (days or [])}
    return len(years) > 1


def _yr(res: dict[str, Any]) -> bool:
    return _need_year(res["meta"]["days"])


FAR_APART_DAYS = 31
"""Days with activity spread over more than this many days are 'far apart' (not one period)."""


def _far_apart(days: Any) -> str:
    """'over 2 years' / '150 days' when ``days`` spread over more than :data:`FAR_APART_DAYS`,
    else "" (a comparison period made of days years apart is no period).

    >>> _far_apart(["2009-05-21", "2011-10-23"]), _far_apart(["2026-10-01", "2026-10-05"])
    ('over 2 years', '')
    """
    if not days or len(days) < 2:
        return ""
    span = (_as_date(max(days)) - _as_date(min(days))).days
    if span <= FAR_APART_DAYS:
        return ""
    if span >= 730:
        return f"over {span // 365} years"
    if span >= 365:
        return "over a year"
    return f"{span} days"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{_int(n)} {one if int(n) == 1 else (many or one + 's')}"


def count_lists(counts: dict[str, str] | None) -> tuple[list[str], list[str], bool]:
    """``(shown, not_recorded, replies_in_file)`` for ``res["meta"]["counts"]``: the engagement
    counts to show, those the source does not record (left out, not drawn or said as 0), and
    whether replies were counted from the file's own reply links. No ``counts`` (results made
    before they were kept): all shown.

    >>> count_lists({"likes": "recorded", "shares": "not recorded", "replies": "counted from this file"})
    (['likes', 'replies'], ['shares'], True)
    """
    counts = counts or {}
    shown = [c for c in COUNTS if counts.get(c) != NOT_RECORDED]
    return shown, [c for c in COUNTS if c not in shown], counts.get("replies") == IN_FILE


def counts_said(counts: dict[str, str] | None, plus: bool = False) -> tuple[str, str]:
    """The engagement counts a sentence may name, and what it must add about the rest.

    ``("likes and shares", " (replies are not recorded in this data)")``: a count the source
    does not record is 0 in the table, and "0 replies" would be read as "nobody replied".
    ``counts`` is ``res["meta"]["counts"]`` (:func:`smlib.metrics.count_sources`); ``plus``
    writes a heading instead ("Likes + shares").

    >>> counts_said({"likes": "recorded", "shares": "not recorded", "replies": "counted from this file"})
    ('likes and replies', ' (shares are not recorded in this data; this data has no reply counts, so only the replies in the file itself are counted)')
    """
    shown, missing, in_file = count_lists(counts)
    if not shown:   # nothing recorded: callers say so before they get here
        shown = list(COUNTS)
    notes = ([f"{_listing(missing)} are not recorded in this data"]
             if missing else [])
    if in_file:
        notes.append("this data has no reply counts, so only the replies in the file itself are counted")
    what = " + ".join(shown).capitalize() if plus else _listing(shown)
    return what, (f" ({'; '.join(notes)})" if notes else "")


def _listing(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _missing(v: Any) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def _capital(text: str) -> str:
    """``text`` with its first letter capitalised, to start a sentence ('review sites' -> 'Review sites')."""
    return text[:1].upper() + text[1:]


def name_at_start(name: str) -> str:
    """An organisation's name at the start of a sentence or title. Only smlib's own stand-ins
    get a capital ("This organisation", "The organisations"); a real name is shown exactly as
    written, even a lower-case handle ("dealingwith", "r-self") or a brand's "easyJet".

    >>> name_at_start("this organisation"), name_at_start("easyJet"), name_at_start("dealingwith")
    ('This organisation', 'easyJet', 'dealingwith')
    """
    from .loaders._options import UNNAMED_ORG
    stand_in = name in (UNNAMED_ORG, "the organisations") or name.startswith("the organisation in ")
    return name[:1].upper() + name[1:] if stand_in else name


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _minutes(m: float, h: float | None = None) -> str:
    """A wait as a person says it: whole minutes under two hours, else about so many hours.

    >>> _minutes(52.7), _minutes(1), _minutes(0.4), _minutes(2322.8, 38.7), _minutes(1225.1)
    ('53 minutes', '1 minute', 'under a minute', 'about 39 hours', '1225 minutes')
    """
    if m < 1:
        return "under a minute"
    if m < 120 or h is None:
        return f"{round(m)} minute" + ("" if round(m) == 1 else "s")
    return f"about {round(h)} hours"


def _within(m: float, h: float | None = None) -> str:
    """``"within 53 minutes"``, ``"within a minute"`` (never "within under a minute")."""
    return "within a minute" if m < 1 else f"within {_minutes(m, h)}"


def _quote(text: Any, limit: int = 90) -> str:
    t = " ".join(str(text).split())
    return "“" + (t if len(t) <= limit else t[: limit - 1].rstrip() + "…") + "”"


def _row(table: pd.DataFrame, key: str, value: Any) -> dict[str, Any] | None:
    rows = table[table[key] == value].to_dict("records") if key in table else []
    return rows[0] if rows else None


def describe_activity(result_or_dataset: dict[str, Any] | Dataset, days: Any = None,
                      platforms: Any = None, comparison: pd.DataFrame | None = None) -> str:
    """Plain-English paragraphs describing the monitoring period, for a P3 summary.

    ``result_or_dataset`` is a :func:`smlib.monitor` result, or a Dataset (then ``days`` and
    ``platforms`` are passed to ``monitor``). Give ``comparison`` (from
    :func:`smlib.compare_periods`) to add a paragraph on the change since the previous period
    and the KPI targets. Paragraphs are separated by blank lines.
    """
    res = (monitor(result_or_dataset, days=days, platforms=platforms)
           if isinstance(result_or_dataset, Dataset) else result_or_dataset)
    if not isinstance(res, dict) or "meta" not in res or "headline" not in res:
        raise DataError(f"describe_activity needs the result of smlib.monitor(ds) or a Dataset, got "
                        f"{type(result_or_dataset).__name__} (a table of messages? pass the Dataset)")
    name = res["meta"]["name"]
    # a file about several organisations is named "6 organisations (united, …)" (Dataset.name):
    # that long name is said once, then "the organisations"
    short = "the organisations" if SEVERAL_ORGS.match(name) else name
    paras = [
        _overview(res, name, short),
        _each_day(res),
        _platforms(res),
        _who(res, short),
        _talk(res),
        _care(res, short),
        _stands_out(res, short),
    ]
    if comparison is not None:
        paras.append(_comparison(comparison))
    return "\n\n".join(p for p in paras if p)


def _overview(res: dict[str, Any], name: str, short: str) -> str:
    meta, h = res["meta"], res["headline"]
    days = meta["days"]
    plats = [platform_name(p) for p in meta["platforms"]]
    s = (f"We monitored {name} on {_plural(len(days), 'day')} "
         f"({_listing([_day(d, _yr(res)) for d in days])}) across {_plural(len(plats), 'platform')}: "
         f"{_listing(plats)}. ")
    s += (f"There {'was' if h['messages'] == 1 else 'were'} {_plural(h['messages'], 'message')} in total: "
          f"{_int(h['business_messages'])} written by {short} "
          f"{'themselves' if short != name else 'itself'} and "
          f"{_int(h['customer_messages'])} from the public. ")
    if not h["customer_messages"] and meta.get("public_in_file", 1) == 0 and h["business_messages"]:
        # an export of the organisation's own posts and replies: the public's side is not in it
        return s + (f"This file holds only {_possessive(short)} own messages (an export of its posts "
                    "and replies), not the public's, so what people wrote to it cannot be counted "
                    "here: read the comments and replies on each platform.")
    if not h["customer_messages"]:
        return s + f"Nobody from the public wrote to or about {short} on these days."
    unknown = int(meta.get("unknown_authors") or 0)
    if not h["users"]:
        return s + (f"The data does not name who wrote {'it' if h['customer_messages'] == 1 else 'them'} "
                    "(an export without authors, or deleted accounts), so people cannot be counted.")
    if unknown:
        s += (f"{_plural(unknown, 'message')} from the public {'has' if unknown == 1 else 'have'} no "
              "named author (an export without authors, or deleted accounts), so "
              f"{'the person who wrote it is' if unknown == 1 else 'the people who wrote them are'} "
              "not counted. ")
    s += (f"{_plural(h['users'], 'different person', 'different people')}" if h["users"] != 1
          else "1 person") + f" wrote to or about {short}"
    if not meta.get("earlier_data", True):   # nothing before the first day: everyone looks new
        return s + ("; the data starts on the first monitoring day, so we cannot tell who had "
                    "been in touch before.")
    s += (f"; {_int(h['new_users'])} of them {'was' if h['new_users'] == 1 else 'were'} new "
          f"(we had not seen them before the first monitoring day) and "
          f"{_int(h['returning_users'])} had been in touch before.")
    return s


def _outside_file(res: dict[str, Any], day: Any) -> bool:
    """Is a monitoring day before the file's first day or after its last (no data, not quiet)?"""
    span = res["meta"].get("file_days") or []
    return bool(span) and not span[0] <= str(day)[:10] <= span[1]


def _file_span(res: dict[str, Any]) -> str:
    span = res["meta"].get("file_days") or []
    if not span:
        return ""
    return f" (it runs from {_day(span[0], _yr(res))} to {_day(span[1], _yr(res))})"


def _each_day(res: dict[str, Any]) -> str:
    out = []
    for r in res["daily"].to_dict("records"):
        if r["messages"] == 0:
            if _outside_file(res, r["day"]):
                out.append(f"{_day(r['day'], _yr(res))} is not covered by this file{_file_span(res)}.")
            else:
                out.append(f"On {_day(r['day'], _yr(res))} there were no messages at all.")
            continue
        vd = res["volume_by_day"]
        on_day = vd[(vd["day"].astype(str) == str(r["day"])) & (vd["total"] > 0)]
        level = on_day[on_day["total"] == r["top_platform_messages"]]["platform"].tolist()
        if r["top_platform_messages"] == r["messages"]:
            where = (f"on {platform_name(r['top_platform'])}" if r["messages"] == 1 else
                     f"all of them on {platform_name(r['top_platform'])}")
        elif len(level) > 1:      # a tie: no platform had "the most"
            where = (f"{_int(r['top_platform_messages'])} each on "
                     f"{_listing(sorted(platform_name(p) for p in level))}")
            rest = len(on_day) - len(level)
            if rest:
                where += f" and fewer on {_plural(rest, 'other platform')}"
        else:
            most = "most of them" if 2 * r["top_platform_messages"] > r["messages"] else "the most"
            where = (f"{most} on {platform_name(r['top_platform'])} "
                     f"({_int(r['top_platform_messages'])})")
        verb = "was" if r["messages"] == 1 else "were"
        s = f"On {_day(r['day'], _yr(res))} there {verb} {_plural(r['messages'], 'message')}, {where}. "
        if not r["by_followers"] and res["meta"].get("public_in_file", 1) == 0:
            out.append(s + f"All {_int(r['by_business'])} were the business's own."
                       if r["by_business"] > 1 else s.replace(", on ", " by the business, on ", 1).rstrip())
            continue
        if not r["by_followers"]:
            out.append(s + f"Nobody from the public wrote; the business sent {_int(r['by_business'])}.")
            continue
        unknown = int((res["meta"].get("unknown_authors_by_day") or {}).get(str(r["day"]), 0))
        if unknown and not r["users"]:
            s += (f"The public sent {_plural(r['by_followers'], 'message')} (the data does not name "
                  f"{'its author' if r['by_followers'] == 1 else 'their authors'}) and the business "
                  f"sent {_int(r['by_business'])}")
        else:
            s += (f"{_plural(r['users'], 'person', 'people')} from the public sent "
                  f"{_plural(r['by_followers'], 'message')}"
                  + (f" ({_plural(unknown, 'message')} with no named author)" if unknown else "")
                  + f" and the business sent {_int(r['by_business'])}")
        if r["negative"]:
            s += (f"; {_int(r['negative'])} of the public's messages "
                  f"{'was' if r['negative'] == 1 else 'were'} negative.")
        else:
            s += "; none of the public's messages were negative."
        out.append(s)
    return " ".join(out)


def _busiest_days(res: dict[str, Any]) -> list:
    """Every day tied with the busiest (one day when there is no tie)."""
    h = res["headline"]
    return h.get("busiest_days") or [h["busiest_day"]]


def _tied_hours(res: dict[str, Any]) -> int:
    """How many hours of the day had the busiest hour's number of messages from the public
    (more than 1: a tie, so no hour was the busiest; 0 when the public wrote nothing)."""
    m = res["headline"]["busiest_hour_messages"]
    return int((res["busiest_hours"]["by_followers"] == m).sum()) if m else 0


def _platforms(res: dict[str, Any]) -> str:
    vp = res["volume_by_platform"]
    if not len(vp):
        return ""
    top = vp.iloc[0]
    level = vp[vp["total"] == top["total"]]
    if len(vp) == 1:      # one platform is not "the busiest" of anything
        every = {1: "The one message was", 2: "Both messages were"}.get(
            int(top["total"]), f"All {_plural(top['total'], 'message')} were")
        s = f"{every} on {platform_name(top['platform'])}."
    elif len(level) > 1:    # a tie: say so rather than name one of them the busiest
        s = (f"{_capital(_listing([platform_name(p) for p in level['platform']]))} were equally busy, with "
             f"{_plural(top['total'], 'message')} each ({pct(top['share'])} of everything each).")
    else:
        s = (f"{_capital(platform_name(top['platform']))} was the busiest platform with "
             f"{_plural(top['total'], 'message')} ({pct(top['share'])} of everything).")
    rest = [f"{platform_name(r['platform'])} {_int(r['total'])}"
            for r in vp.iloc[len(level):].to_dict("records")]
    if rest:
        s += f" The others: {_listing(rest)}."
    hb = res["headline"]
    tied_hours = _tied_hours(res)
    if tied_hours > 1:   # a tie: no hour was the busiest
        s += (f" No hour of the day stood out: the busiest {tied_hours} hours had "
              f"{_plural(hb['busiest_hour_messages'], 'message')} from the public each.")
    elif hb["busiest_hour_messages"] and hb["customer_messages"] == 1:
        s += (f" The message from the public came between {hb['busiest_hour']:02d}:00 and "
              f"{(hb['busiest_hour'] + 1) % 24:02d}:00{_zone(res)}.")
    elif hb["busiest_hour_messages"]:
        s += (f" The public wrote most between {hb['busiest_hour']:02d}:00 and "
              f"{(hb['busiest_hour'] + 1) % 24:02d}:00{_zone(res)} "
              f"({_plural(hb['busiest_hour_messages'], 'message')}).")
    return s


def _warning_words(w: str) -> str:
    """A loader warning for a learner: its first letter a capital, without the advice in code
    at the end ("; name it with org=…")."""
    w = re.split(r";\s*(?:name it with|pass |use [a-z_]+=|e\.g\. smlib)", str(w).strip(), maxsplit=1)[0]
    # advice in code in brackets: "(ask the API for part=snippet,replies, or fetch comments.list …)"
    w = re.sub(r"\s*\([^()]*(?:[a-z]=|\bsmlib\.)[^()]*\)", "", w)
    # a later clause or sentence that is advice in code ("Leave encoding= out …", "; if the file
    # has a column with real dates, name it: columns={…}")
    parts = re.split(r"(?<=[.;])\s+", w)
    w = " ".join([parts[0], *(p for p in parts[1:] if not re.search(r"[a-z_]=|\bsmlib\.", p))])
    # a field of the file by its code name: "says totalItems = 1557 but holds 1586" ->
    # "gives its own count as 1,557 but holds 1,586"
    w = re.sub(r"\bsays [a-z]+[A-Z]\w* = (\d+)( but holds )?(\d+)?",
               lambda m: f"gives its own count as {int(m[1]):,}"
                         + (f"{m[2]}{int(m[3]):,}" if m[2] and m[3] else (m[2] or "")), w)
    w = re.sub(r"\b[a-z]+[A-Z]\w* = (\d+)", lambda m: f"a count of {int(m[1]):,}", w)
    # an option as code: "timezone='Europe/London' was given" -> "timezone Europe/London was given"
    w = re.sub(r"\b([a-z_]+)=(?:'([^']*)'|\"([^\"]*)\")",
               lambda m: f"{m[1].replace('_', ' ')} {m[2] if m[2] is not None else m[3]}", w)
    w = w.strip().rstrip(".;")
    return _capital(w) + "." if w else ""


def reason_words(why: Any) -> str:
    """A loader's reason for leaving rows out, for a learner: a name from the file's own format
    in quotes is dropped when the brackets say what it means.

    >>> reason_words("'more' stub (comments Reddit did not send)"), reason_words("no text")
    ('comments Reddit did not send', 'no text')
    """
    m = re.match(r"^\s*'[^']+'[^()]*\(([^()]+)\)\s*$", str(why))
    return m[1].strip() if m else str(why)


def warning_notes(dataset: Any, keep: Any = (), show_handles: bool = False,
                  every_note: bool = False) -> list[str]:
    """The loader's warnings as "Note: …" sentences for a learner, without code
    (:func:`_warning_words`): notebook 01 (:func:`load_lines`) and the report both show these.

    A note can quote authors' handles or names from the file: they are pseudonymised (``keep``:
    handles to leave readable, the organisation's own), and e-mail addresses and phone numbers
    hidden, unless ``show_handles`` (a staff copy). Only notes that quote something are
    searched for people (:func:`smlib.privacy.hide_people` reads the whole table) unless
    ``every_note`` (the report: a hand-out).
    """
    summary = dataset.load_summary if isinstance(dataset.load_summary, dict) else {}
    out = []
    for w in summary.get("warnings") or ():
        if re.search(r"name[s]? the organisation", str(w)):   # it is called by its display name
            out.append(f"Note: the data does not name the organisation, so it is called "
                       f"“{display_name(dataset)}” here.")
            continue
        words = _warning_words(w)
        from .privacy import hide_contact_details, hide_people
        if show_handles:
            pass
        elif words and (every_note or "'" in words or "@" in words or "[" in words):
            # a note can quote authors' handles or names from the file: pseudonymised (only
            # notes that quote something: hide_people reads the whole table)
            words = str(hide_people(words, getattr(dataset, "interactions", None), keep=tuple(keep or ())))
        elif words:   # e-mail addresses and phone numbers in any note, as the report hides them
            words = str(hide_contact_details(words))
        if words:
            out.append(f"Note: {words[0].lower() + words[1:]}")
    return out


def load_lines(dataset: Any, res: dict[str, Any] | None = None) -> list[str]:
    """What was read and what was left out, in plain English (notebook 01 shows it first).

    Rows read, used and not used with the reasons, the loader's warnings (without code), and
    which clock the days and hours are counted on (from ``res``, the :func:`smlib.monitor`
    result: the zone actually used, not an assumed local one).

    >>> import smlib
    >>> ds = smlib.load_sample("northway-rail")
    >>> load_lines(ds, smlib.monitor(ds))[0]
    'Data: the sample organisation Northway Rail (2,797 messages).'
    """
    import os
    summary = dataset.load_summary if isinstance(dataset.load_summary, dict) else {}
    src = str(summary.get("source", "") or "")
    n_in = int(summary.get("rows_in") or len(dataset.interactions))
    kept = int(summary.get("rows_kept") if summary.get("rows_kept") is not None else len(dataset.interactions))
    skipped = int(summary.get("rows_skipped") or 0)
    out = []
    if getattr(dataset, "profile", None) is not None and not skipped and not summary.get("warnings"):
        out.append(f"Data: the sample organisation {display_name(dataset)} ({_plural(kept, 'message')}).")
    else:
        s = (f"Data: {_plural(n_in, 'row')} read from {os.path.basename(src) or 'the data'}; "
             f"{_int(kept)} used")
        if skipped:
            reasons = summary.get("reasons") or {}
            why = "; ".join(f"{reason_words(r)} ({_int(c)})" for r, c in reasons.items())
            s += f", {_int(skipped)} not used" + (f" because of: {why}" if why else "")
        out.append(s + ".")
    out.extend(warning_notes(dataset))
    if res is not None:
        out.append(zone_sentence(res))
        from .strong_language import content_note
        note = content_note(res["meta"].get("strong_language") or 0)
        if note:   # before any message is shown (real exports hold swearing)
            out.append(note)
        n = len(res["meta"]["days"])
        if n < 5:   # P3 asks for five days: say so, not leave a learner to hand in one
            f = dataset.interactions
            active = (int(f["created_at"].dt.tz_convert(res["meta"].get("timezone") or "UTC").dt.date.nunique())
                      if "created_at" in f.columns and len(f) else 0)
            why = (f"the data has only {_plural(active, 'day')} with any activity" if active < 5
                   else "fewer days were chosen")
            out.append(f"Note: P3 asks you to monitor five days; "
                       f"{'this is only one day' if n == 1 else f'these are only {n} days'} "
                       f"({why}), so say so in your summary.")
    return out


def home_country_sentence(res: dict[str, Any]) -> str:
    """Which country counts as national: the profile's home country, or that the data does not
    say (an export) - never an assumed UK.

    >>> home_country_sentence({"meta": {"home_country": "GB"}})
    'Home country: the UK.'
    """
    home = res["meta"].get("home_country")
    if home:
        return f"Home country: {country_name(home)}."
    return ("Home country: not known (this data does not say where the organisation is), so "
            "national and international cannot be told apart from it.")


def zone_sentence(res: dict[str, Any]) -> str:
    """Which clock the days and hours are counted on: the zone :func:`smlib.monitor` used."""
    tz = str(res["meta"].get("timezone") or "UTC")
    if is_utc(tz):
        if res["meta"].get("home_country"):
            return "Days and hours are counted in UTC (the same as UK winter time)."
        return ("Days and hours are counted in UTC (Coordinated Universal Time): the data does not "
                "say where the organisation is, so its own clocks may differ.")
    return f"Days and hours are counted in the organisation's own time zone ({tz})."


def busiest_lines(res: dict[str, Any]) -> list[str]:
    """The busiest day, platform and hour for the public, one line each, as notebook 01 shows
    them; a tie is said to be a tie (no single busiest hour when several hours had the same
    number of messages), and one monitoring day is not "the busiest" of anything.

    >>> import smlib
    >>> busiest_lines(smlib.monitor(smlib.load_sample("northway-rail")))[0]
    'Busiest day: 2026-10-30 with 101 messages'
    """
    h = res["headline"]
    out = []
    daily = res["daily"]
    tied = _busiest_days(res)
    n = h["busiest_day_messages"]
    if len(daily) == 1:
        out.append(f"Busiest day: only one monitoring day ({_day(daily['day'].iloc[0], _yr(res))}, "
                   f"{_plural(n, 'message')}), so no day was busier than another")
    elif len(tied) == len(daily):
        out.append(f"Busiest day: none - every monitoring day had {_plural(n, 'message')}")
    elif len(tied) > 1:
        out.append(f"Busiest days: {_listing([_day(d, _yr(res)) for d in tied])} "
                   f"(a tie, {_plural(n, 'message')} each)")
    else:
        out.append(f"Busiest day: {h['busiest_day']} with {_plural(n, 'message')}")
    plats = h.get("busiest_platforms") or ([h["busiest_platform"]] if h.get("busiest_platform") else [])
    if len(plats) > 1:     # (busiest_platforms are rows of volume_by_platform)
        out.append(f"Busiest platform: none - {_listing([platform_name(p) for p in plats])} were "
                   "equally busy")
    else:
        out.append(f"Busiest platform: {platform_name(plats[0]) if plats else 'none'}")
    m = h["busiest_hour_messages"]
    tied_hours = _tied_hours(res)
    if not m:
        out.append("Busiest hour for the public: none - nobody from the public wrote on these days")
    elif tied_hours > 1:
        out.append(f"Busiest hour for the public: none stood out - the busiest {tied_hours} hours "
                   f"had {_plural(m, 'message')} each")
    else:
        out.append(f"Busiest hour for the public: {h['busiest_hour']:02d}:00-"
                   f"{(h['busiest_hour'] + 1) % 24:02d}:00 ({_plural(m, 'message')})")
    return out


def _zone(res: dict[str, Any]) -> str:
    """' UTC' when times are in UTC because no profile gave a zone: an hour of the day in an
    unnamed zone reads as local time (the US airline tweets' "21:00" was UTC)."""
    return " UTC" if is_utc(res.get("meta", {}).get("timezone")) and not res["meta"].get("home_country") else ""


def _who(res: dict[str, Any], name: str) -> str:
    parts = []
    fol = res["followers"]
    if available(fol):
        t = _row(fol, "platform", ALL)
        if t["change"] == 0:
            change = "the same as on the first day"
        else:
            direction = "more" if t["change"] > 0 else "fewer"
            pct_txt = "" if _missing(t["change_pct"]) else (
                f" ({'up' if t['change'] > 0 else 'down'} {abs(t['change_pct'])}%)")
            change = f"{_int(abs(t['change']))} {direction} than on the first day{pct_txt}"
        parts.append(f"At the end of the period {name} had {_int(t['followers_end'])} followers "
                     f"across these platforms, {change}.")
        big = fol[fol["platform"] != ALL].sort_values("change", ascending=False)
        if len(big) > 1 and big.iloc[0]["change"] > 0:
            b = big.iloc[0]
            parts.append(f"{platform_name(b['platform'])} grew most (+{_int(b['change'])}).")
    ls = res["location_summary"]
    loc = res["location"]
    t = _row(ls, "source", ALL) if available(loc) and available(ls) else None
    if t is not None and _missing(t["national_share"]):
        parts.append("The audience insights list countries but count nobody in them, so the "
                     "share of the audience in each country cannot be worked out.")
    elif t is not None:
        intl = loc[~loc["national"].astype(bool)].sort_values("people", ascending=False)
        home = loc[loc["national"].astype(bool)]["country"]
        home_name = country_name(home.iloc[0]) if len(home) else "the home country"
        s = (f"{pct(t['national_share'])} of the audience is in {home_name} (national) and "
             f"{pct(t['international_share'])} abroad (international)")
        if len(intl):
            r = intl.iloc[0]
            s += (f"; the largest group abroad is in {country_name(r['country'])} "
                  f"({_int(r['people'])} people on {platform_name(r['platform'])}).")
        else:
            s += "."
        parts.append(s)
    m = _row(ls, "source", "messages") if available(ls) else None
    if m and "home_country" in res["meta"] and res["meta"]["home_country"] is None:
        parts.append(f"{_plural(m['unknown'], 'message')} from the public said where the writer is, but "
                     "the data does not say which country the organisation is in, so they cannot be "
                     "split into national and international.")
        m = None
    if m:
        placed = m["national"] + m["international"]
        s = (f"{_plural(placed + m['unknown'], 'message')} from the public said where the writer "
             f"is")
        if placed:
            s += (f"; of the {_int(placed)} we could place, {_int(m['national'])} "
                  f"({pct(m['national_share'])}) were national and {_int(m['international'])} "
                  f"international")
        if m["unknown"]:
            s += f" ({_int(m['unknown'])} could not be placed)"
        parts.append(s + ".")
    age = res["age"]
    if available(age):
        bits = []
        for plat, g in age.groupby("platform", sort=True):
            top = g.sort_values("people", ascending=False).iloc[0]
            if top["people"] and not _missing(top["share"]):  # 0 people: no largest group
                bits.append(f"{top['age_band']} on {platform_name(plat)} ({pct(top['share'])})")
        parts.append(f"The largest age group is {_listing(bits)}." if bits else
                     "The age-group insights count nobody, so there is no largest age group.")
    if not available(fol) and not available(age):
        parts.append("This data has no audience insights, so followers, locations and age groups "
                     "are not available from this source; a learner would read them from each "
                     "platform's insights page.")
    return " ".join(parts)


NOT_ENGLISH_SHARE = 0.05
"""Say that messages may not be English when at least this share of the public's (and 3) do not
look it: on English real data 0.2-1.8% fail the rough test (device details, addresses)."""


def _talk(res: dict[str, Any]) -> str:
    h = res["headline"]
    parts = []
    co = _row(res["complaints"], "platform", ALL)
    if co["customer_messages"] == 1:
        parts.append("The one message from the public was "
                     + ("a complaint or negative comment." if co["negative"] else
                        "not negative (not a complaint)."))
    elif co["customer_messages"]:
        parts.append(f"{_int(co['negative'])} of the {_int(co['customer_messages'])} messages from the "
                     f"public ({pct(co['negative_share'])}) "
                     f"{'was a complaint or negative comment' if co['negative'] == 1 else 'were complaints or negative comments'}.")
        ex = res["complaint_examples"]
        if len(ex):
            parts.append(f"For example, on {platform_name(ex['platform'].iloc[0])}: {_quote(ex['text'].iloc[0])}.")
    foreign = res["meta"].get("not_english") or 0
    if co["customer_messages"] and foreign >= max(3, NOT_ENGLISH_SHARE * co["customer_messages"]):
        # smlib reads English only: "0% complaints" about Welsh or Polish messages would mislead
        parts.append(f"{_int(foreign)} of the messages from the public do not look like English. "
                     "smlib's sentiment and themes read English only, so complaints in them may be "
                     "missed: read those messages yourself.")
    th = res["themes"]
    if available(th) and len(th):
        bits = [f"{str(r['label']).lower()} ({_int(r['messages'])})" for r in th.head(3).to_dict("records")]
        parts.append(f"The most common themes were: {'; '.join(bits)}.")
    elif not available(th):
        parts.append("Themes were not worked out for this data.")
    # the "Praise and thanks" theme and this count use different rules: say why two praise
    # figures differ (Hopewell: "Praise and thanks (44)" next to "63 messages of praise")
    theme_praise = _row(th, "theme", "praise") if available(th) and len(th) else None
    why = ""
    if theme_praise and int(theme_praise["messages"]) != int(h["praise"]):
        why = (f" (here praise is any message with a praise word that is not negative; the "
               f"'{theme_praise['label']}' theme counts {_int(theme_praise['messages'])}: it has its "
               f"own word list and only takes messages scored positive)")
    parts.append(f"Stakeholder feedback: {_plural(h['questions'], 'question')}, "
                 f"{_plural(h['suggestions'], 'suggestion')} and {_int(h['praise'])} "
                 f"{'message' if h['praise'] == 1 else 'messages'} of praise{why}.")
    fb = res["feedback"]
    sug = _row(fb, "type", "suggestion")
    if sug and not _missing(sug["example"]):
        parts.append(f"One suggestion was {_quote(sug['example'])}.")
    return " ".join(parts)


def not_about_org_sentence(res: dict[str, Any], name: str, either: bool = False) -> str:
    """The sentence that asks whether a file is about the organisation at all, or "".

    Said when the file holds no message by the organisation and none of the public's messages
    on the monitoring days is to or about it (``res["meta"]["org_addressed"] == 0``): a Reddit
    thread on a personal matter is not complaints to "r-self". ``either``: it follows a sentence
    saying the file holds no message by the organisation (the customer-care paragraph); without
    it the sentence stands alone and names no figure (the report's first paragraph).

    >>> res = {"meta": {"org_addressed": 0}, "headline": {"customer_messages": 52}}
    >>> not_about_org_sentence(res, "r-self")[:89]
    'This file holds no message by r-self, and none of the messages from the public on the mon'
    """
    n = int(res["headline"].get("customer_messages") or 0)
    if res["meta"].get("org_addressed") != 0 or not n:
        return ""
    if either:
        s = f"{'It does not name' if n == 1 else 'Not one of them names'} {name} either"
    else:
        s = (f"This file holds no message by {name}, and "
             + ("the one message from the public on the monitoring days does not name it"
                if n == 1 else "none of the messages from the public on the monitoring days names it"))
    return s + (", so check that this file is about the organisation you are monitoring: P3 is "
                "about its interaction with its followers, and messages about something else are "
                "not complaints to it.")


def _care(res: dict[str, Any], name: str) -> str:
    cc = _row(res["customer_care"], "platform", ALL)
    if not cc["customer_messages"]:
        return ""
    who = name_at_start(name)   # starts the sentence
    if not res["meta"].get("org_in_file", True):
        n = cc["customer_messages"]
        s = (f"This file holds no message written by {name}, so it cannot show whether "
             f"{'the one message' if n == 1 else 'the ' + _plural(n, 'message')} from the public "
             f"{'was' if n == 1 else 'were'} answered: check the organisation's own replies on "
             "each platform.")
        about = not_about_org_sentence(res, name, either=True)   # nobody writes to or about it either
        return s + (" " + about if about else "")
    if cc["customer_messages"] == 1:
        s = (f"{who} {'answered' if cc['answered'] else 'had not answered'} the one message from the "
             "public by the end of the last day.")
    else:
        s = (f"{who} answered {_int(cc['answered'])} of the {_int(cc['customer_messages'])} messages "
             f"from the public ({pct(cc['answered_share'])}) by the end of the last day.")
    if cc["answered"] == 1:
        m = cc["median_minutes"]
        s += (" The one reply came in under a minute." if m < 1 else
              f" The one reply came after {_minutes(m, cc['median_hours'])}.")
    elif cc["answered"]:
        s += (f" Half of the replies came {_within(cc['median_minutes'], cc['median_hours'])}"
              f" and nine in ten {_within(cc['p90_minutes'], cc['p90_hours'])}.")
        if not _missing(cc["median_business_minutes"]):
            bm = cc["median_business_minutes"]
            s += (f" Counting only opening hours, the median wait was "
                  f"{'under a minute' if bm < 1 else _minutes(bm, bm / 60)}.")
    if cc["waiting"] and cc["customer_messages"] > 1:    # one message: the sentence above said it
        s += f" {_plural(cc['waiting'], 'message was', 'messages were')} still waiting for a reply."
    gone = res["meta"].get("replies_not_in_file") or 0
    if gone and cc["waiting"]:   # (with none waiting, 'some may have been answered' says nothing)
        s += (f" But {_plural(gone, 'message')} from the public {'has' if gone == 1 else 'have'} "
              f"replies that are not in this file (the export left them out), so some of these "
              f"may have been answered.")
    return s


def _stands_out(res: dict[str, Any], name: str) -> str:
    h = res["headline"]
    parts = []
    tied = _busiest_days(res)
    active = int((res["daily"]["messages"] > 0).sum())
    # one day with messages has no "busiest day" (the day paragraph already says it all);
    # when every day had the same number, none was busier than another
    if active > 1 and len(tied) == len(res["daily"]):
        parts.append(f"every monitoring day had the same number of messages "
                     f"({_plural(h['busiest_day_messages'], 'message')} each).")
    elif active > 1 and len(tied) > 1:
        parts.append(f"the busiest days were "
                     f"{_listing([_day(d, _yr(res)) for d in tied])}, with "
                     f"{_plural(h['busiest_day_messages'], 'message')} each.")
    elif active > 1:
        parts.append(f"the busiest day was {_day(h['busiest_day'], _yr(res))} with "
                     f"{_plural(h['busiest_day_messages'], 'message')}.")
    cbd = res["complaints_by_day"]
    if cbd["negative"].sum() and int((cbd["customer_messages"] > 0).sum()) > 1:
        worst = cbd.sort_values(["negative", "day"], ascending=[False, True]).iloc[0]
        level = cbd[cbd["negative"] == worst["negative"]]
        if len(level) > 1:   # a tie: no single day was the most negative
            parts.append(f"The most negative days were "
                         f"{_listing([_day(d, _yr(res)) for d in level['day']])}, with "
                         f"{_plural(worst['negative'], 'negative message')} each.")
        else:
            parts.append(f"The most negative day was {_day(worst['day'], _yr(res))} with "
                         f"{_plural(worst['negative'], 'negative message')} "
                         f"({pct(worst['negative_share'])} of that day's messages from the public).")
    eng = _row(res["engagement"], "platform", ALL)
    lead = name_at_start(name)   # starts a sentence, or follows "What stands out:" like "The most …"
    if eng["posts"] and not res["meta"].get("engagement_counted", True):
        parts.append(f"{lead} made {_plural(eng['posts'], 'post')}, but this data does not record "
                     f"likes or shares, so their engagement cannot be measured.")
    elif eng["posts"]:
        what, caveat = counts_said(res["meta"].get("counts"))
        s = (f"{_possessive(lead)} {_plural(eng['posts'], 'post')} got {_int(eng['interactions'])} {what}"
             f"{caveat}, {_about(eng['interactions_per_post'])} per post on average")
        if not _missing(eng["engagement_rate"]):
            # each post is divided by its own platform's followers, then averaged: not the
            # per-post figure above over all the followers together, so the sentence says how
            s += (f". On average, each post's {what} came to "
                  f"{pct(eng['engagement_rate'])} of the followers of the platform it was posted on "
                  "(its engagement rate)")
        parts.append(s + ".")
    top = res.get("top_messages")
    if top is not None and len(top) and "shares" in top and top["shares"].iloc[0] > 0:
        t = top.iloc[0]
        mood = {"negative": "a negative message ", "positive": "a positive message "}.get(
            t["sentiment"], "")
        parts.append(f"The public's most shared message was {mood}on "
                     f"{platform_name(t['platform'])} on {_day(t['day'], _yr(res))}, shared "
                     f"{_plural(t['shares'], 'time')}: {_quote(t['text'])}.")
    plats = res["customer_care"][res["customer_care"]["platform"] != ALL]
    plats = plats[plats["customer_messages"] > 0]
    plats = plats[plats["answered_share"].notna()]   # unknown (no message by the organisation)
    if len(plats) > 1:
        worst = plats.sort_values(["answered_share", "platform"]).iloc[0]
        level = plats[plats["answered_share"] == worst["answered_share"]]
        if len(level) == len(plats):
            parts.append(f"Customers were as likely to get a reply on one platform as on another "
                         f"({pct(worst['answered_share'])} answered on each).")
        elif len(level) > 1:
            names = _listing(sorted(platform_name(p) for p in level["platform"]))
            parts.append(f"Customers were least likely to get a reply on {names} "
                         f"({pct(worst['answered_share'])} answered on each).")
        else:
            parts.append(f"Customers were least likely to get a reply on "
                         f"{platform_name(worst['platform'])} ({pct(worst['answered_share'])} answered).")
    quiet = [d for d in res["meta"].get("quiet_days") or [] if not _outside_file(res, d)]
    if quiet:
        parts.append(f"There was no activity on {_listing([_day(d, _yr(res)) for d in quiet])}.")
    if not parts:
        return ""
    first = parts[0]
    if first.startswith(("the busiest", "every monitoring day")):
        parts[0] = "What stands out: " + first
    else:
        parts.insert(0, "What stands out:")
    return " ".join(parts)


def _comparison(cmp: pd.DataFrame) -> str:
    prev = cmp.attrs.get("previous_days") or []
    if not prev:
        return "There is no earlier data to compare with, so progress cannot be measured yet."
    rows = cmp.set_index("figure")
    year = _need_year(prev, cmp.attrs.get("days"))
    span = _day(prev[0], year) if len(prev) == 1 else f"{_day(prev[0], year)} to {_day(prev[-1], year)}"
    parts = [f"Compared with the previous {_plural(len(prev), 'day')} with activity ({span}):"]
    for key, what in (("messages", "messages"), ("negative", "negative messages"),
                      ("users", "people")):
        if key in rows.index and not _missing(rows.loc[key, "previous_period"]):
            a, b = rows.loc[key, "this_period"], rows.loc[key, "previous_period"]
            if a == 0 and b == 0:   # "people went from 0 to 0" says nothing
                continue
            parts.append(f"{what} stayed at {_int(a)};" if a == b else
                         f"{what} went from {_int(b)} to {_int(a)};")
    kpis = cmp[cmp["status"].isin(["met", "not met"])]
    if len(kpis):
        met = kpis[kpis["status"] == "met"]["meaning"].tolist()
        missed = kpis[kpis["status"] == "not met"]["meaning"].tolist()
        bits = []
        if met:
            bits.append(f"targets met: {_listing(met)}")
        if missed:
            bits.append(f"targets not met: {_listing(missed)}")
        parts.append("; ".join(bits) + ".")
    else:
        parts[-1] = parts[-1].rstrip(";") + "."
    days = cmp.attrs.get("days") or []
    far = _far_apart(prev)
    if far:
        parts.append(f"Careful: those earlier days are far apart ({far} from the first to the "
                     "last), so they are no single period like the monitoring days: compare them "
                     "with care.")
    if days and len(prev) < len(days) and "messages_per_day" in rows.index \
            and not _missing(rows.loc["messages_per_day", "previous_period"]):
        # the file has fewer earlier days with activity than monitoring days: totals mislead
        a, b = rows.loc["messages_per_day", "this_period"], rows.loc["messages_per_day", "previous_period"]
        parts.append(f"Careful: the previous period has only {_plural(len(prev), 'day')} with activity "
                     f"against {len(days)} now, so compare per day: {_about(b)} "
                     f"{'message' if _about(b) == '1' else 'messages'} a day then, {_about(a)} now.")
    before, now = cmp.attrs.get("previous_spikes") or [], cmp.attrs.get("spikes") or []
    if before and not now:
        parts.append(f"Careful: the previous period included an unusual spike of negative messages "
                     f"({_listing([_day(d, year) for d in before])}), so it was not a typical period: "
                     "fewer messages or complaints now does not by itself mean things got better.")
    elif now and not before:
        parts.append(f"Careful: these monitoring days included an unusual spike of negative messages "
                     f"({_listing([_day(d, year) for d in now])}), so more messages or complaints than "
                     "before may come from that one event.")
    elif now and before:
        parts.append("Both periods included an unusual spike of negative messages, so compare them "
                     "with care.")
    return " ".join(parts)
