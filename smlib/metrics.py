"""P3 monitoring figures: what happened between an organisation and its followers on chosen days.

Unit 3 P3 asks learners to monitor an organisation's social media over five days (not
necessarily consecutive), across platforms, and summarise it. Teaching content 2.1 lists what to
look at: number of users, their location and age group, complaints and negative comments,
themes, stakeholder feedback. :func:`monitor` computes all of them, plus volume, engagement and
customer care, as small tables a learner can read and a report can print.

* :func:`default_days` - the default monitoring days: the last ``n`` days that had any message.
* :func:`monitor` - every figure for the chosen days (see its docstring for every key/column).
* :func:`compare_periods` - the same headline figures for the previous period of equal length,
  the change, and progress against the organisation's KPI targets.

Days are calendar days in the organisation's time zone (``profile.business_hours.timezone``;
UTC when there is no profile). Audience figures (followers, countries, regions, age bands) come
from platform insights in ``dataset.audience``; real exports usually have none, and then those
tables hold one row whose ``note`` says "not available from this source" (never a crash).

Example
-------
>>> import smlib                                                   # doctest: +SKIP
>>> ds = smlib.load_sample("northway-rail")                        # doctest: +SKIP
>>> res = smlib.monitor(ds, days=["2026-10-26", "2026-10-28"])     # doctest: +SKIP
>>> res["headline"]["users"], res["customer_care"].head()          # doctest: +SKIP
"""
from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache
from typing import Any, Iterable

import numpy as np
import pandas as pd

from .errors import DataError
from .language import not_english_count
from .strong_language import has_strong_language
from .paths import data_file, file_stamp, read_toml
from .privacy import person_keys
from .schema import (AGE_BANDS, INTERACTION_COLUMNS, NOT_RECORDED, RECORDED, Dataset, Profile, analysis_frame,
                     conform_interactions, org_flags, skip_reasons_text)
from .textforms import fold_unicode

NOT_AVAILABLE = "not available from this source"
ALL = "all"
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# KPI target name -> (headline key, direction): "higher"/"lower" is better, "max" = upper limit.
KPI_MAP = {
    "first_response_median_minutes": ("first_response_median_minutes", "lower"),
    "answered_share": ("answered_share", "higher"),
    "negative_share_max": ("negative_share", "max"),
    "follower_growth_pct": ("follower_growth_pct", "higher"),
    "engagement_rate": ("engagement_rate", "higher"),
}

# Headline figures compared between periods, with a plain-English label.
COMPARED = {
    "messages": "messages in total",
    "customer_messages": "messages from the public",
    "business_messages": "messages by the business",
    "users": "people who interacted",
    "new_users": "new people (not seen before)",
    "follower_growth_pct": "follower growth (%)",
    "engagement_rate": "engagement rate per business post",
    "negative": "complaints and negative comments",
    "negative_share": "share of messages that are negative",
    "questions": "questions",
    "suggestions": "suggestions",
    "praise": "praise",
    "answered_share": "share of customer messages answered",
    "first_response_median_minutes": "median minutes to first reply",
    "first_response_p90_minutes": "minutes within which 90% were answered",
    "first_response_median_business_minutes": "median business-hours minutes to first reply",
    "waiting": "messages still waiting for a reply",
}


# ----------------------------------------------------------------------------- small helpers
def available(table: pd.DataFrame) -> bool:
    """False for a placeholder table that says its figures are not available from this source."""
    return "note" not in table.columns


def _na_table(columns: Iterable[str], why: str) -> pd.DataFrame:
    row: dict[str, Any] = {c: pd.NA for c in columns}
    row["note"] = f"{NOT_AVAILABLE} ({why})"
    return pd.DataFrame([row])


def _share(part: float, whole: float) -> float:
    return round(float(part) / float(whole), 4) if whole else float("nan")


def _num(v: Any) -> Any:
    """A plain JSON-friendly value: python int/float/str/bool, None for missing."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, (np.bool_, bool)):
        return bool(v)
    if isinstance(v, (np.integer, int)):
        return int(v)
    if isinstance(v, (np.floating, float)):
        return None if math.isnan(float(v)) else float(v)
    if isinstance(v, (dt.date, pd.Timestamp)):
        return v.isoformat()
    return v if isinstance(v, str) else str(v)


def _keywords() -> dict[str, Any]:
    path = data_file("monitoring_keywords.toml")
    return _keywords_read(str(path), file_stamp(path))   # an edited file is read again


@lru_cache(maxsize=2)
def _keywords_read(path: str, stamp: Any) -> dict[str, Any]:
    data = read_toml(path, "keyword file")
    need = {"questions": "question_starts", "suggestions": "phrases", "praise": "phrases",
            "negative": "words"}
    for table in data:
        if table not in need:
            raise DataError(f"[{table}] is not a section smlib uses; the sections are "
                            f"{', '.join('[' + t + ']' for t in need)} (is it a typo?)",
                            source=str(path), field=table)
    for table, key in need.items():
        section = data.get(table, {})
        if not isinstance(section, dict):
            raise DataError(f"{table} must be a section: a line [{table}] and under it {key} = [...]",
                            source=str(path), field=table)
        vals = section.get(key)
        if not isinstance(vals, list) or not vals or not all(isinstance(v, str) and v.strip()
                                                            for v in vals):
            raise DataError(f"[{table}] {key} must be a non-empty list of words or phrases",
                            source=str(path), field=f"{table}.{key}")
        allowed = {key, "not_in"} if table in ("suggestions", "praise") else {key}
        extra = sorted(set(section) - allowed)
        if extra:
            raise DataError(f"[{table}] has {', '.join(map(repr, extra))}, which smlib does not use: "
                            f"the section has only {' and '.join(sorted(allowed))} (is it a typo?)",
                            source=str(path), field=f"{table}.{extra[0]}")
        skip = section.get("not_in", [])
        if not isinstance(skip, list) or not all(isinstance(v, str) and v.strip() for v in skip):
            raise DataError(f"[{table}] not_in must be a list of phrases", source=str(path),
                            field=f"{table}.not_in")
    return data


def _phrase_regex(phrases: Iterable[str]) -> re.Pattern:
    """One regex for a keyword list, matched on whole words in any letter case. As in the other
    files a tutor edits, a '*' at the end matches any ending ("suggest*"), and an apostrophe
    matches both ' and ’ (phrases pasted from Word: "why don’t you")."""
    from .textforms import fold_unicode

    def one(p: str) -> str:
        star = p.endswith("*")
        body = re.escape(p.rstrip("*")).replace("'", "['’ʼ]")
        return body + (r"\w*" if star else "")
    alts = sorted({fold_unicode(p.strip().lower()) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(one(a) for a in alts) + r")(?!\w)",
                      re.IGNORECASE)


def _has_phrase(text: pd.Series, section: dict[str, Any]) -> pd.Series:
    """Whether each text has one of the section's phrases outside its ``not_in`` phrases
    ("idea" is a suggestion, but not in "no idea" or "any idea when…")."""
    skip = section.get("not_in") or []
    if skip:
        text = text.str.replace(_phrase_regex(skip), " ", regex=True)
    return text.str.contains(_phrase_regex(section["phrases"]))


def _text(frame: pd.DataFrame) -> pd.Series:
    return frame["text"].astype("object").where(frame["text"].notna(), "").astype(str)


# ----------------------------------------------------------------------------- days & platforms
def analysis_timezone(dataset: Dataset) -> str:
    """The analysis clock: the profile's zone; else the zone the loader read local times in
    (``load_summary["timezone"]``: ``timezone=`` or a header such as ``Date (PST)``), so that
    ``2026-07-01`` loaded with ``timezone="Europe/London"`` counts on 1 July; else UTC.
    Every analysis that counts days or hours uses it, so their days agree.

    >>> import smlib
    >>> analysis_timezone(smlib.load_sample("northway-rail"))
    'Europe/London'
    """
    return _tz(dataset)


def _tz(dataset: Dataset) -> str:
    """See :func:`analysis_timezone`."""
    if dataset.profile is not None:
        return dataset.profile.timezone
    summary = dataset.load_summary if isinstance(dataset.load_summary, dict) else {}
    given = summary.get("timezone")
    if isinstance(given, str) and given.strip():
        try:
            pd.Timestamp(0, tz="UTC").tz_convert(given)   # a zone pandas knows, else UTC
            return given
        except Exception:  # noqa: BLE001 - an unknown zone in a hand-made summary
            pass
    return "UTC"


def _local(frame: pd.DataFrame, tz: str) -> pd.Series:
    return frame["created_at"].dt.tz_convert(tz)


def _parse_days(days: Any) -> list[dt.date]:
    if isinstance(days, (str, dt.date)):
        days = [days]
    try:
        items = list(days)
    except TypeError:
        raise DataError(f"days must be a list of dates like ['2026-10-26', '2026-10-28'], "
                        f"got {days!r}", field="days") from None
    out = []
    for d in items:
        if isinstance(d, np.datetime64):
            d = pd.Timestamp(d)  # NaT stays NaT, refused below
        if d is pd.NaT or d is None or (isinstance(d, float) and math.isnan(d)):
            raise DataError(f"monitoring day {d!r} is missing, not a date; write it as "
                            f"'YYYY-MM-DD', e.g. '2026-10-28'", field="days")
        if isinstance(d, dt.datetime):  # includes pandas Timestamp
            out.append(d.date())
        elif isinstance(d, dt.date):
            out.append(d)
        elif isinstance(d, str):
            try:
                out.append(dt.date.fromisoformat(d.strip()))
            except ValueError:
                raise DataError(f"monitoring day {d!r} is not a date; write it as 'YYYY-MM-DD', "
                                f"e.g. '2026-10-28'", field="days") from None
        else:
            raise DataError(f"monitoring day {d!r} is not a date; write it as 'YYYY-MM-DD'",
                            field="days")
    if not out:
        raise DataError("days is empty: give at least one monitoring day, or None for the "
                        "default (the last five days with activity)", field="days")
    return sorted(set(out))


def _parse_platforms(platforms: Any, frame: pd.DataFrame) -> list[str]:
    present = sorted(map(str, pd.unique(frame["platform"].astype(str))))
    if platforms is None:
        return present
    if isinstance(platforms, str):
        platforms = [platforms]
    want = [str(p).strip().lower() for p in platforms]
    if not want:
        raise DataError(f"platforms is empty: give some of {present}, or None for all",
                        field="platforms")
    unknown = [p for p in want if p not in present]
    if unknown:
        raise DataError(f"platform(s) {unknown} have no messages in this data; "
                        f"choose from {present}", field="platforms")
    return sorted(set(want))


def _check_dataset(dataset: Any) -> Dataset:
    if not isinstance(dataset, Dataset):
        raise DataError(f"expected a smlib Dataset (from smlib.load_org / load_sample / load), "
                        f"got {type(dataset).__name__}")
    needed = {"platform", "created_at", "author_id", "author_is_org", "kind", "text"}
    missing = sorted(needed - set(dataset.interactions.columns))
    if missing:
        raise DataError(f"the interactions table is missing column(s) {missing}",
                        source=str(dataset.load_summary.get("source", "")), field=missing[0])
    # a table built or changed by hand: text flags and times read, repeats refused (see analysis_frame)
    f = analysis_frame(dataset.interactions, "the interactions table")
    return dataset if f is dataset.interactions else dataset.replace(interactions=f)


def activity_days(dataset: Dataset, platforms: Any = None) -> list[dt.date]:
    """Every local calendar day that has at least one message (on the chosen platforms)."""
    ds = _check_dataset(dataset)
    f = ds.interactions
    plats = _parse_platforms(platforms, f)
    f = f[f["platform"].astype(str).isin(plats)]
    return sorted(set(_local(f, _tz(ds)).dt.date.dropna()))


def default_days(dataset: Dataset, n: int = 5, platforms: Any = None) -> list[dt.date]:
    """The default monitoring days: the last ``n`` days that had any message.

    "Had any message" means at least one interaction (by anyone, on the chosen platforms) on
    that calendar day in the organisation's time zone. Days without activity are skipped, so
    the result need not be consecutive, as P3 allows.

    >>> default_days(ds)            # doctest: +SKIP
    [datetime.date(2026, 10, 28), ..., datetime.date(2026, 11, 1)]
    """
    if not isinstance(n, (int, np.integer)) or isinstance(n, bool) or n < 1:
        raise DataError(f"n (number of monitoring days) must be a whole number of at least 1, "
                        f"got {n!r}", field="n")
    ds = _check_dataset(dataset)
    summary = ds.load_summary
    why = ""
    if ds.interactions.empty and summary.get("rows_skipped") and skip_reasons_text(summary):
        why = (f" (the file had {summary['rows_skipped']} row(s), all skipped: "
               f"{skip_reasons_text(summary)})")
    empty = DataError(f"there are no messages to monitor in this data{why}",
                      source=str(summary.get("source", "")))
    if ds.interactions.empty:   # before the platforms check, which would call [] 'empty platforms'
        raise empty
    days = activity_days(ds, platforms)
    if not days:
        raise empty
    return days[-int(n):]


def previous_days(dataset: Dataset, days: Any = None, platforms: Any = None) -> list[dt.date]:
    """The comparison period: as many days with activity as ``days``, just before the first.

    May return fewer days (or none) when the data starts soon before the monitoring period.
    """
    chosen = default_days(dataset, platforms=platforms) if days is None else _parse_days(days)
    before = [d for d in activity_days(dataset, platforms) if d < chosen[0]]
    return before[-len(chosen):] if before else []


# ----------------------------------------------------------------------------- enrichment
def _with_sentiment(frame: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """Add ``sentiment_label`` when absent: smlib.add_sentiment if it exists, else keywords."""
    if "sentiment_label" in frame.columns:
        return frame, "sentiment_label column already in the data"
    try:
        from .sentiment import add_sentiment  # written in parallel; may not exist yet
    except (ImportError, AttributeError):
        add_sentiment = None
    if add_sentiment is not None:
        return add_sentiment(frame), "smlib.add_sentiment (VADER with customer-service rules)"
    kw = _keywords()
    neg = _text(frame).str.contains(_phrase_regex(kw["negative"]["words"]))
    pos = _text(frame).str.contains(_phrase_regex(kw["praise"]["phrases"]))
    out = frame.copy()
    out["sentiment_label"] = np.where(neg, "negative", np.where(pos, "positive", "neutral"))
    return out, "keyword fallback (data/monitoring_keywords.toml [negative] words)"


def _with_themes(frame: pd.DataFrame) -> tuple[pd.DataFrame, str | None]:
    if "themes" in frame.columns:
        return frame, "themes column already in the data"
    try:
        from .themes import add_themes  # written in parallel; may not exist yet
    except (ImportError, AttributeError):
        return frame, None
    return add_themes(frame), "smlib.add_themes (keyword lists in data/)"


def _theme_labels() -> Any:
    """Theme key -> readable label (from the themes file when the module is there)."""
    labels: dict[str, str] = {}
    try:
        from .themes import read_themes
        labels = {t.key: t.label for t in read_themes()}
    except (ImportError, AttributeError, DataError):
        pass
    return lambda k: labels.get(k, str(k).replace("_", " "))


def _theme_lists(s: pd.Series) -> pd.Series:
    def split(v: Any) -> list[str]:
        if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
            return []
        if isinstance(v, str):
            return [t.strip() for t in re.split(r"[;,|]", v) if t.strip()]
        try:
            return [str(t).strip() for t in v if str(t).strip()]
        except TypeError:
            return [str(v)]
    return s.map(split)


def _spam_or_scam(frame: pd.DataFrame) -> np.ndarray:
    """True for messages the priority step found to be spam or a scam (its reasons say so), and
    for texts posted three times or more (copy-and-paste campaigns, spam the rules missed): they
    are counted like any message, but never chosen as an example when another will do."""
    if not len(frame):
        return np.zeros(0, dtype=bool)
    text = frame["text"].astype("object")
    repeated = text.map(text.value_counts()).fillna(0).to_numpy() >= 3
    if "reasons" not in frame.columns:
        return repeated
    from .priority import reason_prefixes
    marks = [prefix for prefix, key in reason_prefixes() if key in ("spam", "security")]
    return repeated | np.array([isinstance(r, (list, tuple)) and any(m in str(x).lower() for x in r for m in marks)
                                for r in frame["reasons"]], dtype=bool)


def _examples(frame: pd.DataFrame, n: int = 3, keep: Iterable[str] = (),
              people: pd.DataFrame | None = None) -> pd.DataFrame:
    """Example messages safe to show learners: pseudonymous authors, inert links, and messages
    without strong language (:mod:`smlib.strong_language`) before those with it.

    ``keep``: the organisation's own handles, left readable where the text mentions them.
    ``people``: all the messages they were chosen from, so that a customer named in an example
    is pseudonymised even when they did not write one of the examples.
    """
    from .privacy import inert_urls, pseudonymise
    from .stars import shown_text
    cols = ["_day", "platform", "author_id", "author_name", "author_is_org", "text"]
    if len(frame) > n and "text" in frame.columns:
        # examples are shown to a class: a message without swearing or slurs is chosen first
        # when there are enough of them (the order among each kind is kept)
        strong = (frame["_strong"].to_numpy(dtype=bool) if "_strong" in frame.columns
                  else has_strong_language(frame["text"]))
        if strong.any():
            frame = pd.concat([frame[~strong], frame[strong]])
    ex = pseudonymise(frame[cols + (["rating"] if "rating" in frame.columns else [])].head(n),
                      keep=keep, people=people)
    return pd.DataFrame({"day": ex["_day"].to_numpy(),
                         "platform": ex["platform"].astype(str).to_numpy(),
                         "author": ex["author_id"].astype(str).to_numpy(),
                         "text": shown_text(ex).map(inert_urls).to_numpy()})


# ----------------------------------------------------------------------------- audience
def _audience(dataset: Dataset, plats: list[str], dimension: str) -> pd.DataFrame:
    a = dataset.audience
    if a is None or not len(a):
        return a.iloc[0:0] if a is not None else pd.DataFrame()
    a = a[(a["dimension"].astype(str) == dimension) & a["platform"].astype(str).isin(plats)]
    return a.assign(platform=a["platform"].astype(str), value=a["value"].astype(str),
                    _day=a["date"].dt.tz_convert("UTC").dt.date)


def _latest_on_or_before(a: pd.DataFrame, day: dt.date,
                         fallback_until: dt.date | None = None) -> pd.DataFrame:
    """Per platform, the audience rows of the latest date on or before ``day``.

    A platform with no figures by then uses its earliest date on or before ``fallback_until``
    (when given), else its earliest date of all; figures from after that are never used.
    """
    parts = []
    for _plat, g in a.groupby("platform", sort=True):
        dates = sorted(set(g["_day"]))
        before = [d for d in dates if d <= day]
        if before:
            pick = before[-1]
        elif fallback_until is not None:
            later = [d for d in dates if d <= fallback_until]
            if not later:
                continue
            pick = later[0]
        else:
            pick = dates[0]
        parts.append(g[g["_day"] == pick])
    return pd.concat(parts) if parts else a.iloc[0:0]


def _breakdown(dataset: Dataset, plats: list[str], dimension: str, day: dt.date, name: str,
               home: str | None = None) -> pd.DataFrame:
    a = _audience(dataset, plats, dimension)
    cols = (["platform", name, "people", "share"] + (["national"] if home is not None else [])
            + ["as_of"])
    if not len(a):
        return _na_table(cols, f"no {dimension.replace('_', ' ')} figures in the audience insights")
    a = _latest_on_or_before(a, day)
    g = a.groupby(["platform", "value"], sort=True).agg(count=("count", "sum"),
                                                        as_of=("_day", "first")).reset_index()
    g["share"] = g.groupby("platform")["count"].transform(lambda c: (c / c.sum()).round(4))
    g = g.rename(columns={"value": name, "count": "people"})
    if dimension == "age_band":
        order = {b: i for i, b in enumerate(AGE_BANDS)}
        g = g.assign(_o=g[name].map(lambda v: order.get(v, 99))).sort_values(
            ["platform", "_o"]).drop(columns="_o")
    else:
        g = g.sort_values(["platform", "people"], ascending=[True, False])
    if home is not None:
        g["national"] = g[name].str.upper() == home.upper()
    g["people"] = g["people"].astype(int)
    return g[cols].reset_index(drop=True)


def _followers(dataset: Dataset, plats: list[str], days: list[dt.date]) -> pd.DataFrame:
    cols = ["platform", "followers_start", "followers_end", "change", "change_pct",
            "start_date", "end_date"]
    a = _audience(dataset, plats, "followers")
    if not len(a):
        return _na_table(cols, "no follower counts in the audience insights")
    start = _latest_on_or_before(a, days[0], fallback_until=days[-1]).groupby("platform").agg(
        followers_start=("count", "sum"), start_date=("_day", "first"))
    end = _latest_on_or_before(a, days[-1], fallback_until=days[-1]).groupby("platform").agg(
        followers_end=("count", "sum"), end_date=("_day", "first"))
    t = start.join(end, how="inner").reset_index()
    if not len(t):
        return _na_table(cols, "no follower counts in the audience insights up to these days")
    t["change"] = t["followers_end"] - t["followers_start"]
    t["change_pct"] = (100 * t["change"] / t["followers_start"].where(t["followers_start"] > 0)
                       ).astype(float).round(2)
    total = {"platform": ALL, "followers_start": int(t["followers_start"].sum()),
             "followers_end": int(t["followers_end"].sum()),
             "start_date": min(t["start_date"]), "end_date": max(t["end_date"])}
    total["change"] = total["followers_end"] - total["followers_start"]
    total["change_pct"] = (round(100 * total["change"] / total["followers_start"], 2)
                           if total["followers_start"] else float("nan"))
    t = pd.concat([t, pd.DataFrame([total])], ignore_index=True)
    for c in ("followers_start", "followers_end", "change"):
        t[c] = t[c].astype(int)
    return t[cols]


# ----------------------------------------------------------------------------- the monitor
def _prepare(dataset: Dataset, platforms: Any) -> tuple[pd.DataFrame, list[str], str]:
    from .threads import response_times
    ds = _check_dataset(dataset)
    f = ds.interactions
    if any(c not in f.columns for c in INTERACTION_COLUMNS) or not isinstance(
            f["created_at"].dtype, pd.DatetimeTZDtype):
        f = conform_interactions(f)  # fill optional columns (counts 0, NA) and fix dtypes
    plats = _parse_platforms(platforms, f)
    f = f[f["platform"].astype(str).isin(plats)]
    f = response_times(f, ds.profile)
    tz = _tz(ds)
    local = _local(f, tz)
    # _person: one key per person (@Jane and @jane are one account, as they are one pseudonym)
    f = f.assign(_day=local.dt.date, _hour=local.dt.hour, _platform=f["platform"].astype(str),
                 _person=person_keys(f["author_id"]))
    return f, plats, tz


COUNTS = ("likes", "shares", "replies")


def count_sources(dataset: Dataset, frame: pd.DataFrame | None = None) -> dict[str, str]:
    """Whether the source records each engagement count: ``{"likes": ..., "shares": ..., "replies": ...}``.

    Values are ``"recorded"``, ``"not recorded"`` (the model holds 0, which must not be shown as
    "0 likes") or, for replies, ``"counted from this file"`` (counted from the reply links in the
    file: only the replies the export holds). Loaders say which in ``load_summary["counts"]``
    (:func:`smlib.loaders._rows.count_sources`). For data built another way, a count is taken as
    recorded when a tabular file had its column with one readable value, or when any message in
    the data (any day) has it above 0.

    >>> import smlib
    >>> count_sources(smlib.load_sample("kelby-council"))["likes"]
    'recorded'
    """
    summary = dataset.load_summary if isinstance(dataset.load_summary, dict) else {}
    given = summary.get("counts")
    if isinstance(given, dict) and all(isinstance(given.get(c), str) for c in COUNTS):
        return {c: str(given[c]) for c in COUNTS}
    used = summary.get("columns_used") or {}
    unread = set(summary.get("counts_unread") or ())   # a column with not one readable count
    f = dataset.interactions if frame is None else frame
    out = {}
    for c in COUNTS:
        above = c in f.columns and bool((pd.to_numeric(f[c], errors="coerce").fillna(0) > 0).any())
        out[c] = RECORDED if (c in used and c not in unread) or above else NOT_RECORDED
    return out


def engagement_counted(dataset: Dataset, frame: pd.DataFrame | None = None) -> bool:
    """Whether the source records likes or shares at all (see :func:`count_sources`).

    Loaders write 0 when a source has no such counts (a CSV without those columns, a
    platform export of someone's own posts), so "0 likes" can mean "not recorded". Replies
    counted from the file's own reply links do not tell, but a source's own reply counts do.
    """
    return _counted(count_sources(dataset, frame))


def _counted(counts: dict[str, str]) -> bool:
    """:func:`engagement_counted` for counts already read with :func:`count_sources`."""
    return RECORDED in (counts["likes"], counts["shares"], counts["replies"])


def _replies_not_in_file(frame: pd.DataFrame, cust: pd.DataFrame) -> int:
    """How many of ``cust`` have more replies counted than reply messages in ``frame``."""
    if "replies" not in cust.columns or not len(cust):
        return 0
    has = frame[frame["parent_id"].notna()]
    held = pd.Series(1, index=pd.MultiIndex.from_arrays(
        [has["platform"].astype(str), has["parent_id"].astype(str)])).groupby(level=[0, 1]).sum()
    keys = pd.MultiIndex.from_arrays([cust["platform"].astype(str), cust["message_id"].astype(str)])
    in_file = pd.Series(held.reindex(keys).fillna(0).to_numpy(), index=cust.index)
    return int((pd.to_numeric(cust["replies"], errors="coerce").fillna(0) > in_file).sum())


def _q(s: pd.Series, q: float) -> float:
    s = s.dropna()
    return round(float(s.quantile(q)), 1) if len(s) else float("nan")


NEW_NOT_KNOWN = "new or returning: not known (the data starts on the first monitoring day)"
"""The users table's note when nobody can be told new or returning (no earlier data)."""


def monitor(dataset: Dataset, days: Any = None, platforms: Any = None) -> dict[str, Any]:
    """Every P3 figure (teaching content 2.1) for the chosen monitoring days and platforms.

    ``days``: dates or ``'YYYY-MM-DD'`` strings, need not be consecutive; ``None`` gives
    :func:`default_days` (the last five days with activity). ``platforms``: platform codes or
    ``None`` for all. Raises :class:`smlib.DataError` for unusable arguments or when none of
    the days has any message.

    "Customer" / "follower" messages are all messages not written by the organisation.
    Returned keys (each table is a new DataFrame; ``platform == "all"`` rows are totals):

    ``meta`` dict: org, name, days (ISO strings), platforms, timezone, sentiment_method,
        themes_method, not_available (tables without data), quiet_days (chosen days with no
        message), answered_by (ISO time: replies after this do not count as answered),
        engagement_counted (False when the source records no likes, shares or replies at all:
        see :func:`engagement_counted`), counts (``{"likes"|"shares"|"replies": "recorded" |
        "not recorded" | "counted from this file"}``, :func:`count_sources`), earlier_data (False when the data starts on the first
        monitoring day, so nobody can be known to be new or returning), replies_not_in_file
        (messages from the public on the days whose reply count is higher than the replies the
        file holds: an API save without the replies, so "answered" cannot be known for them),
        public_in_file (messages from the public in the whole file, any day: 0 for an export
        of the organisation's own posts), org_addressed (None when the organisation wrote in the file; else how many messages
        from the public on the days are a mention, review or private message or name one of its
        handles or names: 0 asks whether the file is about it at all), unknown_authors (messages from the public on the days whose author the data does not
        name – deleted or hidden accounts, or an export without authors – so they are not counted
        as people), unknown_authors_by_day ({ISO day: count}, days with any) and not_english
        (messages from the public on the days that do not look English,
        :func:`smlib.language.looks_english`: sentiment and themes read English only) and
        strong_language (messages from the public on the days with swearing or slurs, for a
        content note: :mod:`smlib.strong_language`).
    ``headline`` dict of plain JSON types (for metrics.json): messages, business_messages,
        customer_messages, business_posts, users, new_users, returning_users, followers_end,
        follower_change, follower_growth_pct, national_share, engagement_rate, negative,
        negative_share, questions, suggestions, praise, answered_share,
        first_response_median_minutes, first_response_p90_minutes,
        first_response_median_business_minutes, first_response_p90_business_minutes, waiting,
        busiest_day, busiest_day_messages, busiest_hour, busiest_hour_messages (None when the public
        wrote nothing), busiest_platform, top_theme, sentiment_method (None where not available);
        busiest_days and busiest_platforms list every day or platform tied with the busiest.
    ``users``: platform, users (unique authors of customer messages), new_users,
        returning_users (author seen in the data before the first monitoring day), messages.
    ``followers``: platform, followers_start (insights on the first day or latest before),
        followers_end (same for the last day), change, change_pct, start_date, end_date.
    ``location``: platform, country, people, share (of that platform's audience), national,
        as_of (the insights date used: the latest on or before the last monitoring day).
    ``location_summary``: source (a platform's audience, "all" platforms' audience, or
        "messages" that give a location), national, international, unknown (message locations
        we cannot place, e.g. "up north"), national_share and international_share (of those
        placed).
    ``regions``: platform, region, people, share, as_of (UK regions from audience insights).
    ``message_locations``: location (as written), messages, users, area (national /
        international / unknown, from data/places.toml), national (bool).
    ``age``: platform, age_band, people, share, as_of (from audience insights).
    ``message_ages``: age_band, messages, users (where messages give one).
    ``daily``: day, weekday, messages, by_business, by_followers, users, negative, top_platform,
        top_platform_messages.
    ``volume_by_day``: day, platform, by_business, by_followers, total.
    ``volume_by_platform``: platform, by_business, by_followers, total, share (of all messages).
    ``busiest_hours``: hour (0-23 local), by_business, by_followers, total.
    ``engagement``: platform, posts (business posts, kind "post"), likes, shares, replies,
        interactions (likes + shares + replies), interactions_per_post, followers,
        engagement_rate (interactions per post / followers), followers_source.
    ``complaints``: platform, customer_messages, negative, negative_share.
    ``complaints_by_day``: day, customer_messages, negative, negative_share.
    ``complaint_examples``: day, platform, author (pseudonym), text (links made inert).
    ``top_messages``: the public's five most shared messages (then most liked): day, platform,
        author (pseudonym), shares, likes, author_followers, sentiment, text (shares, likes and
        author_followers are left out when the source does not record them).
    ``themes``: theme (key), label (readable name), messages, share (of customer messages),
        negative (how many of them are negative), example.
    ``feedback``: type (question / suggestion / praise), messages, share, example.
    ``feedback_examples``: type, day, platform, author, text (up to three of each type).
    ``customer_care``: platform, customer_messages, answered (reply by ``answered_by``; NaN,
        like answered_share and waiting, when the file holds no message by the organisation),
        answered_share, waiting, median_minutes, p90_minutes, median_hours, p90_hours,
        median_business_minutes, p90_business_minutes (business-hours needs a profile).

    A table whose data the source lacks is one row with a ``note`` column saying
    "not available from this source (why)"; :func:`available` tells them apart.
    """
    ds = _check_dataset(dataset)
    f, plats, tz = _prepare(ds, platforms)
    counts = count_sources(ds, f)   # which engagement counts the source records (read once)
    chosen = default_days(ds, platforms=platforms) if days is None else _parse_days(days)
    w = f[f["_day"].isin(chosen)]
    if not len(w):
        have = sorted(set(f["_day"]))
        span = f"{have[0]} to {have[-1]}" if have else "no days"
        raise DataError(f"none of the monitoring days {[d.isoformat() for d in chosen]} has any "
                        f"message; this data covers {span}", field="days")
    w, sentiment_method = _with_sentiment(w)
    is_org = w["author_is_org"].astype(bool)
    cust = w[~is_org]
    cust, themes_method = _with_themes(cust)
    # read once: the content note counts them, examples avoid them
    cust = cust.assign(_strong=has_strong_language(_text(cust)) if len(cust) else np.zeros(0, dtype=bool))
    profile: Profile | None = ds.profile
    home = profile.home_country if profile is not None else "GB"
    keep = _org_handles(ds, w)
    res: dict[str, Any] = {}
    not_available: list[str] = []

    # --- users -----------------------------------------------------------------------------
    earlier = set(f.loc[(f["_day"] < chosen[0]) & ~f["author_is_org"].astype(bool), "_person"].dropna())
    # the data starts on the first monitoring day: everyone would look new, so new and
    # returning are not known (None), not "all new, 0 returning"
    told = bool((f["_day"] < chosen[0]).any())
    rows = []
    for plat, g in [(p, cust[cust["_platform"] == p]) for p in plats] + [(ALL, cust)]:
        people = set(g["_person"].dropna())
        ret = len(people & earlier)
        rows.append({"platform": plat, "users": len(people),
                     "new_users": len(people) - ret if told else None,
                     "returning_users": ret if told else None, "messages": len(g)})
        if not told:
            rows[-1]["note"] = NEW_NOT_KNOWN
    res["users"] = pd.DataFrame(rows)
    res["followers"] = _followers(ds, plats, chosen)

    # --- location and age ------------------------------------------------------------------
    res["location"] = _breakdown(ds, plats, "country", chosen[-1], "country", home=home)
    res["regions"] = _breakdown(ds, plats, "region", chosen[-1], "region")
    res["age"] = _breakdown(ds, plats, "age_band", chosen[-1], "age_band")
    loc = cust[cust["location"].notna()] if "location" in cust else cust.iloc[0:0]
    # a blank location cell is no location (the airline file has 4,687: they were counted as
    # 'said where the writer is' and headed the places table as "")
    loc = loc[loc["location"].astype(str).str.strip() != ""]
    if len(loc):
        locs = loc["location"].astype(str).str.strip()
        ml = (pd.DataFrame({"location": locs, "person": loc["_person"]})
              .groupby("location").agg(messages=("person", "size"),
                                       users=("person", "nunique")).reset_index()
              .sort_values(["messages", "location"], ascending=[False, True]))
        # with no profile the organisation's country is unknown: 'national' would mean the UK for
        # six US airlines, so no message is placed (the summary says why)
        ml["area"] = ml["location"].map(lambda v: place_area(v, home)) if profile is not None else "unknown"
        ml["national"] = ml["area"] == "national"
        res["message_locations"] = ml.reset_index(drop=True)
    else:
        res["message_locations"] = _na_table(["location", "messages", "users", "area", "national"],
                                             "messages carry no location")
    summ = []
    if available(res["location"]):
        for plat, g in res["location"].groupby("platform", sort=True):
            nat = int(g.loc[g["national"], "people"].sum())
            intl = int(g.loc[~g["national"], "people"].sum())
            summ.append(_nat_row(plat, nat, intl))
        summ.append(_nat_row(ALL, sum(r["national"] for r in summ),
                             sum(r["international"] for r in summ)))
    if available(res["message_locations"]):
        ml = res["message_locations"]
        nat = int(ml.loc[ml["area"] == "national", "messages"].sum())
        intl = int(ml.loc[ml["area"] == "international", "messages"].sum())
        summ.append(_nat_row("messages", nat, intl,
                             int(ml.loc[ml["area"] == "unknown", "messages"].sum())))
    res["location_summary"] = (pd.DataFrame(summ) if summ else _na_table(
        ["source", "national", "international", "unknown", "national_share",
         "international_share"],
        "no audience countries and no message locations"))
    ages = cust[cust["age_band"].notna()] if "age_band" in cust else cust.iloc[0:0]
    if len(ages):
        ma = (pd.DataFrame({"age_band": ages["age_band"].astype(str), "person": ages["_person"]})
              .groupby("age_band").agg(messages=("person", "size"),
                                       users=("person", "nunique")).reset_index())
        res["message_ages"] = ma
    else:
        res["message_ages"] = _na_table(["age_band", "messages", "users"], "messages carry no age band")

    # --- volume ----------------------------------------------------------------------------
    vol = (pd.DataFrame({"day": w["_day"], "platform": w["_platform"],
                         "by_business": is_org.astype(int), "by_followers": (~is_org).astype(int)})
           .groupby(["day", "platform"], sort=True)[["by_business", "by_followers"]].sum()
           .reset_index())
    vol["total"] = vol["by_business"] + vol["by_followers"]
    res["volume_by_day"] = vol
    vp = vol.groupby("platform", sort=True)[["by_business", "by_followers", "total"]].sum().reset_index()
    vp["share"] = (vp["total"] / vp["total"].sum()).round(4)
    res["volume_by_platform"] = vp.sort_values(["total", "platform"], ascending=[False, True]
                                               ).reset_index(drop=True)
    bh = pd.DataFrame({"hour": range(24)})
    bh["by_business"] = bh["hour"].map(w.loc[is_org, "_hour"].value_counts()).fillna(0).astype(int)
    bh["by_followers"] = bh["hour"].map(w.loc[~is_org, "_hour"].value_counts()).fillna(0).astype(int)
    bh["total"] = bh["by_business"] + bh["by_followers"]
    res["busiest_hours"] = bh

    # --- engagement ------------------------------------------------------------------------
    posts = w[is_org & (w["kind"].astype(str) == "post")]
    fol = res["followers"]
    rows = []
    for plat in plats:
        g = posts[posts["_platform"] == plat]
        followers, source = None, None
        if available(fol) and plat in set(fol["platform"]):
            followers, source = int(fol.loc[fol["platform"] == plat, "followers_end"].iloc[0]), "audience"
        elif "author_followers" in g and g["author_followers"].notna().any():
            followers = int(g["author_followers"].dropna().iloc[-1])
            source = "post author_followers"
        inter = int(g["likes"].sum() + g["shares"].sum() + g["replies"].sum())
        per_post = round(inter / len(g), 2) if len(g) else float("nan")
        rows.append({"platform": plat, "posts": len(g), "likes": int(g["likes"].sum()),
                     "shares": int(g["shares"].sum()), "replies": int(g["replies"].sum()),
                     "interactions": inter, "interactions_per_post": per_post,
                     "followers": followers,
                     "engagement_rate": (round(inter / len(g) / followers, 5)
                                         if len(g) and followers else float("nan")),
                     "followers_source": source})
    eng = pd.DataFrame(rows)
    # overall: mean over posts of interactions / followers of the post's platform (a platform
    # with 0 followers has no rate, as on its own row: dividing by 0 would give infinity)
    known = eng[eng["followers"].notna() & (eng["posts"] > 0)]
    known = known[known["followers"].astype(float) > 0]
    rate_all = (round(float((known["interactions"] / known["followers"].astype(float)).sum()
                            / known["posts"].sum()), 5) if len(known) else float("nan"))
    tot = {"platform": ALL, "posts": int(eng["posts"].sum()), "likes": int(eng["likes"].sum()),
           "shares": int(eng["shares"].sum()), "replies": int(eng["replies"].sum()),
           "interactions": int(eng["interactions"].sum()),
           "interactions_per_post": (round(eng["interactions"].sum() / eng["posts"].sum(), 2)
                                     if eng["posts"].sum() else float("nan")),
           "followers": int(known["followers"].sum()) if len(known) else None,
           "engagement_rate": rate_all, "followers_source": None}
    eng = pd.concat([eng, pd.DataFrame([tot])], ignore_index=True)
    eng["followers"] = eng["followers"].astype("Int64")
    res["engagement"] = eng

    # --- complaints and negative comments --------------------------------------------------
    neg = cust["sentiment_label"].astype(str) == "negative"
    rows = []
    for plat in plats + [ALL]:
        m = (cust["_platform"] == plat) if plat != ALL else pd.Series(True, index=cust.index)
        n_c, n_n = int(m.sum()), int((m & neg).sum())
        rows.append({"platform": plat, "customer_messages": n_c, "negative": n_n,
                     "negative_share": _share(n_n, n_c)})
    res["complaints"] = pd.DataFrame(rows)
    cb = []
    for d in chosen:
        m = cust["_day"] == d
        cb.append({"day": d, "customer_messages": int(m.sum()), "negative": int((m & neg).sum()),
                   "negative_share": _share(int((m & neg).sum()), int(m.sum()))})
    res["complaints_by_day"] = pd.DataFrame(cb)
    negs = cust[neg]
    if "sentiment" in negs.columns:
        negs = negs.sort_values("sentiment", kind="stable")
    # examples with words first: a stars-only review (-1.00) would otherwise always lead
    has_words = (_text(negs).str.strip() != "").to_numpy(dtype=bool)
    negs = pd.concat([negs[has_words], negs[~has_words]])
    res["complaint_examples"] = _examples(negs, 5, keep, people=cust)

    # --- the public's most shared messages (an influential complaint spreads) --------------
    top = cust[(cust["shares"] > 0) | (cust["likes"] > 0)].sort_values(
        ["shares", "likes", "created_at"], ascending=[False, False, True], kind="stable").head(5)
    ex = _examples(top, 5, keep, people=cust)
    res["top_messages"] = ex.assign(
        shares=top["shares"].astype(int).to_numpy(), likes=top["likes"].astype(int).to_numpy(),
        author_followers=top["author_followers"].astype("Int64").to_numpy(),
        sentiment=top["sentiment_label"].astype(str).to_numpy())[
        ["day", "platform", "author", "shares", "likes", "author_followers", "sentiment", "text"]]
    # a count the source does not record is not shown as 0 for every row (the airline tweets
    # have retweets but no likes and no follower numbers)
    gone = [c for c in ("shares", "likes") if counts[c] == NOT_RECORDED]
    if res["top_messages"]["author_followers"].isna().all():
        gone.append("author_followers")
    if gone:
        res["top_messages"] = res["top_messages"].drop(columns=gone)

    # --- themes ----------------------------------------------------------------------------
    if themes_method is None:
        res["themes"] = _na_table(["theme", "label", "messages", "share", "negative", "example"],
                                  "the themes module (smlib.add_themes) is not installed yet")
    else:
        lists = _theme_lists(cust["themes"])
        ex = pd.DataFrame({"theme": lists, "negative": neg.to_numpy(), "unfit": _spam_or_scam(cust) | cust["_strong"].to_numpy(dtype=bool),
                           "row": range(len(cust))}).explode("theme")
        ex = ex[ex["theme"].notna()]
        if len(ex):
            t = ex.groupby("theme").agg(messages=("row", "nunique"), negative=("negative", "sum"),
                                        first=("row", "min")).reset_index()
            # example: a negative message for mostly-negative themes, else a non-negative one;
            # never spam, a scam or strong language when another message will do ("Check out my
            # page for the best deals online" was the example of praise)
            for i, r in t.iterrows():
                g = ex[ex["theme"] == r["theme"]]
                g = pd.concat([g[~g["unfit"]], g[g["unfit"]]])
                want = g[g["negative"] == (2 * r["negative"] > r["messages"])]
                t.loc[i, "first"] = int((want if len(want) else g)["row"].iloc[0])
            t["share"] = t["messages"].map(lambda n: _share(n, len(cust)))
            safe = _examples(cust.iloc[t["first"].astype(int).tolist()], len(t), keep, people=cust)
            t["example"] = safe["text"].to_numpy()
            t["negative"] = t["negative"].astype(int)
            t["label"] = t["theme"].map(_theme_labels())
            res["themes"] = (t.sort_values(["messages", "theme"], ascending=[False, True])
                             [["theme", "label", "messages", "share", "negative", "example"]]
                             .reset_index(drop=True))
        else:
            res["themes"] = pd.DataFrame({"theme": [], "label": [], "messages": [], "share": [],
                                          "negative": [], "example": []})

    # --- stakeholder feedback --------------------------------------------------------------
    kw = _keywords()
    text = _text(cust)
    starts = tuple(s.lower() for s in kw["questions"]["question_starts"])
    # the first word after any @mentions, however the handles are written ("＠ＫｅｌｂｙＣｏｕｎｃｉｌ",
    # "@Uber＿Support": full-width "＠", "＿", "．" are "@", "_", "." as in smlib.privacy.handle_key)
    lead = text.str.strip().str.lower().str.extract(r"^(?:[@＠][\w.＿．]+\s+)*([\w']+)", expand=False)
    is_q = text.str.contains("?", regex=False) | lead.isin(starts)
    is_s = _has_phrase(text, kw["suggestions"])
    is_p = _has_phrase(text, kw["praise"]) & ~neg
    fb, fbe = [], []
    label = cust["sentiment_label"].astype(str)
    typical = {"question": text.str.contains("?", regex=False), "suggestion": is_s,
               "praise": label == "positive"}
    for kind, mask in (("question", is_q), ("suggestion", is_s), ("praise", is_p)):
        # examples: the clearest cases first (a "?" for questions, positive praise)
        sel = pd.concat([cust[mask & typical[kind]], cust[mask & ~typical[kind]]])
        ex = _examples(sel, 3, keep, people=cust)
        fb.append({"type": kind, "messages": int(mask.sum()), "share": _share(int(mask.sum()), len(cust)),
                   "example": ex["text"].iloc[0] if len(ex) else None})
        fbe.append(ex.assign(type=kind))
    res["feedback"] = pd.DataFrame(fb)
    res["feedback_examples"] = pd.concat(fbe, ignore_index=True)[["type", "day", "platform",
                                                                  "author", "text"]]

    # --- customer care ---------------------------------------------------------------------
    cutoff = (pd.Timestamp(chosen[-1] + dt.timedelta(days=1)).tz_localize(tz).tz_convert("UTC"))
    answered = cust["first_response_at"].notna() & (cust["first_response_at"] < cutoff)
    # a file with no message by the organisation at all (customers' side only: the airline
    # tweets, a brand's inbound requests) cannot show whether anyone was answered: its share
    # answered is unknown, not 0%
    org_in_file = bool(f["author_is_org"].astype(bool).any())
    rows = []
    for plat in plats + [ALL]:
        m = (cust["_platform"] == plat) if plat != ALL else pd.Series(True, index=cust.index)
        a = m & answered
        mins = cust.loc[a, "response_minutes"]
        bmins = cust.loc[a, "response_business_minutes"]
        med, p90 = _q(mins, 0.5), _q(mins, 0.9)
        rows.append({"platform": plat, "customer_messages": int(m.sum()),
                     # unknown, not 0, when no reply could be in the file ("Answered 0" beside a
                     # blank share read as "nobody was answered")
                     "answered": int(a.sum()) if org_in_file else float("nan"),
                     "answered_share": _share(int(a.sum()), int(m.sum())) if org_in_file else float("nan"),
                     # unknown, like the share answered, when no reply could be in the file
                     "waiting": int(m.sum() - a.sum()) if org_in_file else float("nan"),
                     "median_minutes": med, "p90_minutes": p90,
                     "median_hours": round(med / 60, 1), "p90_hours": round(p90 / 60, 1),
                     "median_business_minutes": _q(bmins, 0.5),
                     "p90_business_minutes": _q(bmins, 0.9)})
    res["customer_care"] = pd.DataFrame(rows)

    # --- daily story -----------------------------------------------------------------------
    rows = []
    for d in chosen:
        g = w[w["_day"] == d]
        gc = cust[cust["_day"] == d]
        by_p = g["_platform"].value_counts()
        top = sorted(by_p.items(), key=lambda kv: (-kv[1], kv[0]))[0] if len(by_p) else (None, 0)
        rows.append({"day": d, "weekday": WEEKDAY_NAMES[d.weekday()], "messages": len(g),
                     "by_business": int(g["author_is_org"].astype(bool).sum()),
                     "by_followers": len(gc), "users": int(gc["_person"].nunique()),
                     "negative": int((gc["sentiment_label"].astype(str) == "negative").sum()),
                     "top_platform": top[0], "top_platform_messages": int(top[1])})
    res["daily"] = pd.DataFrame(rows)

    for k in ("followers", "location", "regions", "age", "message_locations", "message_ages",
              "themes", "location_summary"):
        if not available(res[k]):
            not_available.append(k)
    if not available(res["followers"]) and not eng["followers"].notna().any():
        not_available.append("engagement_rate")

    res["meta"] = {
        "org": ds.org, "name": _display_name(ds),
        "days": [d.isoformat() for d in chosen], "platforms": plats, "timezone": tz,
        "sentiment_method": sentiment_method, "themes_method": themes_method,
        "not_available": not_available,
        "quiet_days": [d.isoformat() for d in chosen if d not in set(w["_day"])],
        # chosen days before the file's first day or after its last: not quiet, just not in it
        "file_days": ([min(f["_day"]).isoformat(), max(f["_day"]).isoformat()] if len(f) else []),
        "answered_by": cutoff.isoformat(), "source": str(ds.load_summary.get("source", "")),
        "engagement_counted": _counted(counts),
        "counts": counts,
        "earlier_data": bool((f["_day"] < chosen[0]).any()),
        "replies_not_in_file": _replies_not_in_file(f, cust),
        "org_in_file": org_in_file,
        # an export of the organisation's own posts and replies holds no message of the public's
        # on any day: "nobody wrote" would be wrong, the file just does not have them
        "public_in_file": int((~f["author_is_org"].astype(bool)).sum()),
        # with no message by the organisation, how many of the public's are to or about it (0:
        # is this file about the organisation at all? a Reddit thread on a personal matter is not)
        "org_addressed": None if org_in_file else _addressing(cust, keep, profile),
        "home_country": profile.home_country if profile is not None else None,
        "unknown_authors": int(cust["_person"].isna().sum()),
        "unknown_authors_by_day": {d.isoformat(): int(n) for d, n in
                                   cust.loc[cust["_person"].isna(), "_day"].value_counts().items()},
        "not_english": not_english_count(cust),
        "strong_language": int(cust["_strong"].sum()),
    }
    res["headline"] = _headline(res)
    if not res["meta"]["engagement_counted"]:   # 0 reactions here means "not recorded", not 0%
        res["headline"]["engagement_rate"] = None
    order = ["meta", "headline", "users", "followers", "location", "location_summary", "regions",
             "message_locations", "age", "message_ages", "daily", "volume_by_day",
             "volume_by_platform", "busiest_hours", "engagement", "complaints",
             "complaints_by_day", "complaint_examples", "top_messages", "themes", "feedback", "feedback_examples",
             "customer_care"]
    return {k: res[k] for k in order}


HAND_LABEL_COLUMNS = ("airline_sentiment", "true_sentiment", "hand_sentiment", "sentiment_truth")
"""Columns in which a file carries sentiment labelled by people (the airline tweets'
``airline_sentiment``): an answer key to check the computer's scores against."""


def hand_labels(frame: pd.DataFrame) -> pd.Series | None:
    """The sentiment people gave each message ("negative", "neutral", "positive"), when the file
    carries such labels (:data:`HAND_LABEL_COLUMNS`); None when it does not. Messages with no
    label are NA.

    >>> hand_labels(pd.DataFrame({"airline_sentiment": ["Negative", None]})).tolist()
    ['negative', <NA>]
    >>> hand_labels(pd.DataFrame({"text": ["hi"]})) is None
    True
    """
    for col in HAND_LABEL_COLUMNS:
        if col in frame.columns:
            lab = frame[col].astype("string").str.strip().str.lower()
            ok = lab.isin(["negative", "neutral", "positive"])
            if ok.any():
                return lab.where(ok, pd.NA)
    return None


def hand_label_lines(scored: pd.DataFrame, labels: pd.Series) -> list[str]:
    """How often the computer's label (``sentiment_label``) agrees with the people's labels,
    in sentences for notebook 02."""
    have = labels.notna() & scored["sentiment_label"].notna()
    if not have.any():
        return ["This file has labels given by people, but none on these days' messages."]
    lab, got = labels[have], scored.loc[have, "sentiment_label"]
    out = [f"This file carries labels given by people (an answer key) for {int(have.sum()):,} of "
           f"these messages. The computer agreed with them on {int((lab == got).sum()):,} "
           f"({(lab == got).mean():.0%})."]
    for want, word in (("negative", "Labelled negative by people"), ("positive", "Labelled positive"),
                       ("neutral", "Labelled neutral")):
        n = int((lab == want).sum())
        if n:
            k = int(((lab == want) & (got == want)).sum())
            out.append(f"{word}: {n:,}; the computer said {want} too for {k:,} ({k / n:.0%}).")
    return out


def _display_name(ds: Dataset) -> str:
    """The organisation's name for people (:func:`smlib.summary.display_name`): a handle or the
    profile's name, never a slug such as "spotifycares"."""
    from .summary import display_name
    return display_name(ds) or ds.name or ds.org


def _nat_row(source: str, nat: int, intl: int, unknown: int = 0) -> dict[str, Any]:
    return {"source": source, "national": nat, "international": intl, "unknown": unknown,
            "national_share": _share(nat, nat + intl), "international_share": _share(intl, nat + intl)}


def org_handles(dataset: Dataset) -> list[str]:
    """The organisation's own handles and names in ``dataset``: its profile's handles plus every
    author the data marks as the organisation (an export has no profile).

    Pass them as ``keep`` to :func:`smlib.pseudonymise` when showing messages from the public
    only: "@AppleSupport" in a customer's message stays readable instead of becoming
    "@user-1b5c6f", as it does in tables that include the organisation's own rows.
    """
    ds = _check_dataset(dataset)       # (flags read as they say: text "False" is not the organisation)
    return _org_handles(ds, ds.interactions)


def _org_handles(ds: Dataset, frame: pd.DataFrame) -> list[str]:
    """The organisation's own handles and names (kept readable in example texts)."""
    names = set(ds.profile.handles.values()) if ds.profile is not None else set()
    org_rows = frame[org_flags(frame["author_is_org"])]
    for col in ("author_id", "author_name"):
        if col in org_rows:
            names |= set(map(str, org_rows[col].dropna()))
    # a file about several organisations (twcs) names each one in ``org``, also those with no
    # message of their own in the file: "@ThirdBrand" is an organisation, not a customer. A file
    # about one (SpotifyCares' inbound tweets: no reply of its own on the monitoring days) names
    # it too: "@SpotifyCares" was shown as a customer's pseudonym
    orgs = set(map(str, frame["org"].dropna().unique())) if "org" in frame else set()
    if len(orgs) > 1 or not names:
        # the slug written as a handle: "virgin-america" is @VirginAmerica, "us-airways" @USAirways
        names |= orgs | {o.replace("-", "") for o in orgs if "-" in o}
        names |= _addressed_handles(frame, orgs)
    # spaces around a handle ("@NorthwayRail " typed in a profile) do not make it a name of
    # several words: it is the handle (smlib.privacy.handle_key strips them too)
    names = {fold_unicode(str(n)).strip() for n in names}
    return sorted(n for n in names if n and " " not in n)


def _addressing(frame: pd.DataFrame, names: Iterable[str], profile: Profile | None) -> int | None:
    """How many messages of ``frame`` are to or about the organisation: a mention, a review or a
    private message (what the data says they are, ``kind``), or a text that names it (one of its
    handles or names, ``names`` from :func:`_org_handles`, with or without "@", or its profile's
    name, as a whole word in any letter case). None when the data gives no name to look for
    ("this organisation") and marks no message as addressed to it."""
    to_it = (frame["kind"].astype(str).isin(["mention", "review", "message"]).to_numpy()
             if "kind" in frame.columns else np.zeros(len(frame), dtype=bool))
    words = {str(n).lstrip("@＠").strip() for n in names}
    if profile is not None and profile.name:
        words.add(profile.name.strip())
    words = sorted((w for w in words if len(w) >= 2), key=len, reverse=True)
    if not words:
        return int(to_it.sum()) or None
    if "text" in frame.columns and len(frame):
        rx = r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)"
        text = frame["text"].astype("object").where(frame["text"].notna(), "").astype(str).map(fold_unicode)
        to_it = to_it | text.str.contains(rx, case=False, regex=True).to_numpy(dtype=bool)
    return int(to_it.sum())


_LEADING_HANDLE = re.compile(r"^\s*[@＠]([\w.＿．]{2,30})")


def _addressed_handles(frame: pd.DataFrame, orgs: set[str], sample: int = 2000) -> set[str]:
    """For a file of the public's messages to organisations with none of their own (the airline
    tweets: "american" is written "@AmericanAir"), the handle each organisation's messages start
    with: the one that opens at least half of them (its first ``sample`` messages are read)."""
    if "org" not in frame or "text" not in frame or not orgs:
        return set()
    found: set[str] = set()
    groups = frame.groupby(frame["org"].astype("object"), sort=False, observed=True)["text"]
    for org, texts in groups:
        if str(org) not in orgs:
            continue
        lead = texts.head(sample).astype("object").map(
            lambda t: (m.group(1).lower() if (m := _LEADING_HANDLE.match(t)) else None) if isinstance(t, str) else None)
        counts = lead.value_counts()
        if not len(counts) or counts.iloc[0] * 2 < len(lead) or len(lead) < 3:
            continue
        # and only a handle made of the organisation's name ("americanair" for "american"): a
        # customer answered in most of a tiny file's messages is never one
        handle, name = str(counts.index[0]), re.sub(r"[^a-z0-9]", "", str(org).lower())
        plain = re.sub(r"[^a-z0-9]", "", handle)
        if len(name) >= 3 and (name in plain or plain in name):
            found.add(handle)
    return found


def _places() -> dict[str, Any]:
    path = data_file("places.toml")
    return _places_read(str(path), file_stamp(path))   # an edited file is read again (its time or size changed)


@lru_cache(maxsize=2)
def _places_read(path: str, stamp: Any) -> dict[str, Any]:
    data = read_toml(path, "place list")

    def names(table: Any, where: str) -> set[str]:
        v = table.get("places") if isinstance(table, dict) else None
        if not isinstance(v, list) or not all(isinstance(p, str) and p.strip() for p in v):
            raise DataError(f"[{where}] needs places = [\"a place\", \"another\", ...]: a list of names "
                            f"in quotes, got {v!r}"[:300], source=path, field=f"{where}.places")
        return {p.strip().lower() for p in v}

    nat = data.get("national", {})
    if not isinstance(nat, dict):
        raise DataError("[national.XX] must be sections such as [national.GB]", source=path, field="national")
    national = {str(code).upper(): names(v, f"national.{code}") for code, v in nat.items()}
    if not national or "international" not in data:
        raise DataError("the place list needs [national.XX] places and [international] places",
                        source=path)
    intl = names(data["international"], "international")
    return {"national": national, "international": intl}


_PLACE_CLEAN = re.compile(r"[^\w\s.'-]+", re.UNICODE)


def place_area(location: Any, home: str = "GB") -> str:
    """'national', 'international' or 'unknown' for a free-text location (data/places.toml).

    >>> place_area("Leeds, England"), place_area("Paris, France"), place_area("up north")
    ('national', 'international', 'unknown')
    """
    if location is None or (isinstance(location, float) and math.isnan(location)):
        return "unknown"
    places = _places()
    home_names = places["national"].get(home.upper(), set()) | {home.lower()}
    text = str(location).lower()
    parts = [text] + re.split(r",|\||/| - ", text)
    found = set()
    for part in parts:
        p = " ".join(_PLACE_CLEAN.sub(" ", part).split())
        p = p[4:] if p.startswith("the ") else p
        if not p:
            continue
        if p in places["international"]:
            found.add("international")
        elif p in home_names:
            found.add("national")
    if "international" in found:
        return "international"
    return "national" if found else "unknown"


def _row(table: pd.DataFrame, key: str, value: str) -> dict[str, Any]:
    """One row of a table as a dict, keeping each column's own type."""
    return table[table[key] == value].to_dict("records")[0]


def _headline(res: dict[str, Any]) -> dict[str, Any]:
    u = _row(res["users"], "platform", ALL)
    cc = _row(res["customer_care"], "platform", ALL)
    co = _row(res["complaints"], "platform", ALL)
    fb = dict(zip(res["feedback"]["type"], res["feedback"]["messages"]))
    daily = res["daily"]
    h: dict[str, Any] = {
        "org": res["meta"]["org"], "days": res["meta"]["days"],
        "platforms": res["meta"]["platforms"],
        "messages": int(daily["messages"].sum()),
        "business_messages": int(daily["by_business"].sum()),
        "customer_messages": int(daily["by_followers"].sum()),
        "business_posts": _row(res["engagement"], "platform", ALL)["posts"],
        "users": u["users"], "new_users": u["new_users"], "returning_users": u["returning_users"],
        "followers_end": None, "follower_change": None, "follower_growth_pct": None,
        "national_share": None,
        "engagement_rate": _row(res["engagement"], "platform", ALL)["engagement_rate"],
        "negative": co["negative"], "negative_share": co["negative_share"],
        "questions": fb["question"], "suggestions": fb["suggestion"], "praise": fb["praise"],
        "answered_share": cc["answered_share"],
        "first_response_median_minutes": cc["median_minutes"],
        "first_response_p90_minutes": cc["p90_minutes"],
        "first_response_median_business_minutes": cc["median_business_minutes"],
        "first_response_p90_business_minutes": cc["p90_business_minutes"],
        "waiting": None if pd.isna(cc["waiting"]) else int(cc["waiting"]),
    }
    if available(res["followers"]):
        f = _row(res["followers"], "platform", ALL)
        h.update(followers_end=f["followers_end"], follower_change=f["change"],
                 follower_growth_pct=f["change_pct"])
    ls = res["location_summary"]
    if available(ls):
        src = ALL if ALL in set(ls["source"]) else "messages"
        h["national_share"] = _row(ls, "source", src)["national_share"]
    busy = daily.sort_values(["messages", "day"], ascending=[False, True]).iloc[0]
    h["busiest_day"], h["busiest_day_messages"] = busy["day"], busy["messages"]
    # a tie is a tie: every day (platform) with the top count, first one as above
    h["busiest_days"] = [str(d) for d in daily.loc[daily["messages"] == busy["messages"], "day"].sort_values()]
    bh = res["busiest_hours"].sort_values(["by_followers", "hour"], ascending=[False, True]).iloc[0]
    # no message from the public at all: there is no busiest hour (not "00:00 with 0")
    h["busiest_hour"], h["busiest_hour_messages"] = ((bh["hour"], bh["by_followers"])
                                                     if bh["by_followers"] > 0 else (None, None))
    vp = res["volume_by_platform"]
    h["busiest_platform"] = vp["platform"].iloc[0] if len(vp) else None
    h["busiest_platforms"] = ([str(p) for p in vp.loc[vp["total"] == vp["total"].iloc[0], "platform"]]
                              if len(vp) else [])
    th = res["themes"]
    h["top_theme"] = th["theme"].iloc[0] if available(th) and len(th) else None
    h["sentiment_method"] = res["meta"]["sentiment_method"]
    return {k: (_num(v) if not isinstance(v, list) else v) for k, v in h.items()}


# ----------------------------------------------------------------------------- comparison
def _kpi_status(value: Any, target: float | None, direction: str) -> str:
    if target is None:
        return "no target"
    if value is None:
        return "no data"
    ok = value <= target if direction in ("lower", "max") else value >= target
    return "met" if ok else "not met"


def compare_periods(dataset: Dataset, days: Any = None, platforms: Any = None,
                    current: dict[str, Any] | None = None) -> pd.DataFrame:
    """Headline figures now vs the previous period of equal length, and KPI progress.

    The previous period is the same number of days with activity immediately before the first
    monitoring day (see :func:`previous_days`). Columns: figure, meaning, this_period,
    previous_period, change (this - previous), target (from ``profile.kpi_targets``),
    better_when (higher / lower / at most), status (met / not met / no target / no data).
    ``DataFrame.attrs`` holds ``days`` and ``previous_days`` (ISO strings), and ``previous_spikes``
    and ``spikes``: the days a spike of negative messages began in each (when the messages carry
    sentiment), because a period with a crisis is no typical one to compare with. ``current``: the
    :func:`monitor` result for the same days and platforms, if already computed (saves time).

    >>> smlib.compare_periods(ds).set_index("figure").loc["answered_share"]   # doctest: +SKIP
    """
    ds = _check_dataset(dataset)
    now = current if current is not None else monitor(ds, days=days, platforms=platforms)
    prev_days = previous_days(ds, now["meta"]["days"], platforms)
    prev = monitor(ds, days=prev_days, platforms=platforms)["headline"] if prev_days else {}
    targets = dict(ds.profile.kpi_targets) if ds.profile is not None else {}
    by_key = {v[0]: (k, v[1]) for k, v in KPI_MAP.items()}
    rows = []
    for key, meaning in COMPARED.items():
        a, b = now["headline"].get(key), prev.get(key)
        kpi, direction = by_key.get(key, (None, None))
        target = targets.get(kpi) if kpi else None
        rows.append({
            "figure": key, "meaning": meaning, "this_period": a, "previous_period": b,
            "change": (round(a - b, 4) if a is not None and b is not None else None),
            "target": target,
            # "at most" needs a number after it: with no target, a lower figure is simply better
            "better_when": {"lower": "lower", "higher": "higher",
                            "max": "at most" if target is not None else "lower"}.get(direction, ""),
            "status": _kpi_status(a, target, direction or "higher"),
        })
    # KPI targets the profile sets that the monitor does not measure are still listed honestly
    for kpi, target in targets.items():
        if kpi not in KPI_MAP:
            rows.append({"figure": kpi, "meaning": "target set in the profile; not measured here",
                         "this_period": None, "previous_period": None, "change": None,
                         "target": target, "better_when": "", "status": "no data"})
    # per day as well: a file may hold fewer earlier days with activity than monitoring days
    n_now, n_prev = len(now["meta"]["days"]), len(prev_days)
    a = now["headline"].get("messages")
    b = prev.get("messages")
    a_d = round(a / n_now, 2) if a is not None and n_now else None
    b_d = round(b / n_prev, 2) if b is not None and n_prev else None
    rows.append({"figure": "messages_per_day", "meaning": "messages a day", "this_period": a_d,
                 "previous_period": b_d,
                 "change": round(a_d - b_d, 4) if a_d is not None and b_d is not None else None,
                 "target": None, "better_when": "", "status": "no target"})
    out = pd.DataFrame(rows)
    for c in ("this_period", "previous_period", "change", "target"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
    out.attrs["days"] = now["meta"]["days"]
    out.attrs["previous_days"] = [d.isoformat() for d in prev_days]
    out.attrs["previous_spikes"], out.attrs["spikes"] = _spike_days(ds, prev_days, now["meta"]["days"])
    return out


def _spike_days(ds: Dataset, prev_days: list, days: list) -> tuple[list[str], list[str]]:
    """The days of each period on which a spike of negative messages began (smlib.detect_crisis,
    daily): a period with a crisis in it is no typical period to compare with. Only worked out
    when the messages already carry sentiment (scoring a whole dataset here would be slow)."""
    frame = ds.interactions
    if not prev_days or not ({"sentiment_label", "sentiment"} & set(frame.columns)) or not len(frame):
        return [], []
    from .crisis import detect_crisis
    try:
        periods = detect_crisis(ds, "D").periods
    except DataError:
        return [], []
    if periods is None or not len(periods):
        return [], []
    from .crisis import periods_on_days

    def starts(on: list) -> list[str]:
        hit = periods_on_days(periods, [str(d)[:10] for d in on])
        return sorted({pd.Timestamp(t).date().isoformat() for t in hit["start"]}) if len(hit) else []
    return starts(prev_days), starts(days)
