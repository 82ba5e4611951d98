"""P3 checks: monitor five days of activity across platforms and describe it.

Expected values come from :func:`smlib.monitor` on the practice organisation, for the monitoring
days :func:`smlib.default_days` gives and the two platforms :attr:`Context.platforms` picks.
Common wrong answers (counting messages instead of people, counting the business's own posts,
counting outside the five days, mixing platforms) get their own feedback.
"""
from __future__ import annotations

import datetime as dt
import re
import warnings
from typing import Any

import pandas as pd

from ..privacy import person_keys, pseudonym
from ._answers import (age_band, age_bands, as_number, clean_text, has_any, is_whole,
                       figures, known_figures, looks_like_percent, mentions_platform, negated,
                       placeholders, PLACEHOLDER_HINT, real_sentences, unknown_figures)
from ._context import Context
from ._core import TEXT, Verdict, task

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def task_platforms(ds: Any, days: Any) -> list[str]:
    """The two platforms of the P3 tasks: most customer messages on the monitoring days.

    >>> task_platforms(smlib.load_sample("tidy-paws"), days)      # doctest: +SKIP
    ['instagram', 'facebook']
    """
    return Context(org=ds.org, ds=ds, days_given=days).platforms


def monitored(ctx: Context) -> dict[str, Any]:
    """``smlib.monitor`` for the context's days and two platforms (cached on the context)."""
    cache = ctx.__dict__.setdefault("_p3_monitor", {})
    if "res" not in cache:
        from ..metrics import monitor
        cache["res"] = monitor(ctx.ds, days=ctx.days, platforms=ctx.platforms)
    return cache["res"]


def _count(value: Any) -> float | None:
    n = as_number(value, words=True)
    return n if n is not None and is_whole(n) and n >= 0 else None


GENERAL = "is not the number of different people yet"


def _users_feedback(n: float, plat: str, ctx: Context, right: set[int]) -> str | None:
    """None when right, else what is wrong with the count for one platform."""
    if int(n) in right:
        return None
    f, w = ctx.frame, ctx.window
    on = w[w["platform"].astype(str) == plat]
    cust = on[~on["author_is_org"].astype(bool)]
    all_cust = f[(f["platform"].astype(str) == plat) & ~f["author_is_org"].astype(bool)]
    every_platform = ctx.customers
    if n == len(cust):
        return "counts every message, not every person"
    # n == on["author_id"].nunique() (the business's own account counted too) gets the general
    # message: the business has one account per platform, so naming that mistake would say
    # the right answer is exactly one less.
    if n == person_keys(all_cust["author_id"]).nunique():
        return "counts people from outside the five monitoring days"
    both = every_platform[every_platform["platform"].astype(str).isin(ctx.platforms)]
    if n in (person_keys(every_platform["author_id"]).nunique(), person_keys(both["author_id"]).nunique()):
        return "counts people on more than one platform, not just this one"
    if n == len(on):
        return "counts every message, including the business's own, not every person"
    return GENERAL


def _platform_counts(ctx: Context, plat: str) -> set[int]:
    """The counts a learner may make for one platform, right or wrong (people or messages, with
    or without the business, in or outside the five days): a number for platform 1 that is one
    of platform 2's is a platform mix-up."""
    f, w = ctx.frame, ctx.window
    on = w[w["platform"].astype(str) == plat]
    cust = on[~on["author_is_org"].astype(bool)]
    all_cust = f[(f["platform"].astype(str) == plat) & ~f["author_is_org"].astype(bool)]
    return {len(cust), len(on), int(on["author_id"].nunique()),
            int(person_keys(all_cust["author_id"]).nunique())}


@task("p3.users", "P3 task 1 (number of users on two platforms)", ("users_1", "users_2"),
      ("whole number", "whole number"))
def users(users_1: Any, users_2: Any, ctx: Context) -> Verdict:
    if looks_like_percent(users_1) or looks_like_percent(users_2):
        return Verdict.no("your answer looks like a percentage; the task asks how many people.")
    a, b = _count(users_1), _count(users_2)
    if a is None or b is None:
        bad = [n for n, v in (("users_1", a), ("users_2", b)) if v is None]
        return Verdict.no(" and ".join(f"'{n}'" for n in bad)
                          + (" should be a whole number" if len(bad) == 1 else
                             " should each be a whole number")
                          + " (a count of people, not below zero).")
    table = monitored(ctx)["users"]
    right = []
    for plat in ctx.platforms:
        n = int(table.loc[table["platform"] == plat, "users"].iloc[0])
        cust = ctx.customers[ctx.customers["platform"].astype(str) == plat]
        # learners may count the pseudonymised table; its codes could (rarely) collide
        right.append({n, cust["author_id"].map(pseudonym).nunique()})
    if int(a) in right[0] and int(b) in right[1]:
        return Verdict.yes("those are the numbers of different people on each platform.")
    # "swapped" is never said (it would give both answers away); the platform tip is given
    # when a number that fits nothing on its own platform is a count (right or wrong) for the
    # other one, so it does not tell a swap from other mix-ups, and is not added to every
    # answer with two wrong numbers (found by a review, session 13)
    problems, elsewhere = [], False
    for i, (n, plat) in enumerate(zip((a, b), ctx.platforms), start=1):
        why = _users_feedback(n, plat, ctx, right[i - 1])
        if why:
            problems.append(f"your number for platform {i} {why}")
        other = 2 - i
        if why == GENERAL and int(n) in right[other] | _platform_counts(ctx, ctx.platforms[other]):
            elsewhere = True
    tips = []
    if any(p.endswith(GENERAL) for p in problems):
        tips.append("Count each person once, only customers and other people (not the "
                    "business's own account), on that platform, in the five days.")
    if elsewhere:
        tips.append("Check each number is for the platform the task names.")
    return Verdict.no(("; ".join(problems) + ". " + " ".join(tips)).strip())


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
NOT_A_DAY = "that day is not one of the five monitoring days."


def _day_without_year(text: str, days: list[dt.date]) -> tuple[dt.date | None, str] | None:
    """'30 October', 'Fri 30th', '30/10': the monitoring day with that day (and month); None
    when the text has a year or is not a day-and-month."""
    if re.search(r"\d{4}", text):
        return None
    leftover = re.sub(r"\b\d{1,2}(?:st|nd|rd|th)?\b|[/.,\-\s]|\b(?:the|of|on)\b", " ", text)
    if any(not (w[:3] in MONTHS or w[:3] in {d[:3] for d in WEEKDAYS}) for w in leftover.split()):
        return None  # other words: not a day and month
    months = {i + 1 for i, m in enumerate(MONTHS) if re.search(rf"\b{m}", text)}
    weekdays = {i for i, w in enumerate(WEEKDAYS) if re.search(rf"\b{w[:3]}", text)}
    slash = re.fullmatch(r"\D*?(\d{1,2})\s*[/.-]\s*(\d{1,2})\D*", text)
    nums = [int(n) for n in re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", text)]
    if slash:  # the UK way round: day, then month
        day, months = int(slash.group(1)), {int(slash.group(2))}
    elif len(nums) == 1 and len(months) <= 1:
        day = nums[0]
    else:
        return None
    hits = [d for d in days if d.day == day and (not months or d.month in months)
            and (not weekdays or d.weekday() in weekdays)]
    if len(hits) == 1:
        return hits[0], ""
    if not hits:
        return None, NOT_A_DAY
    return None, "more than one monitoring day matches that; give the full date (YYYY-MM-DD)."


def _read_day(value: Any, days: list[dt.date]) -> tuple[dt.date | None, str]:
    """(date, problem). Accepts dates, timestamps, 'YYYY-MM-DD', '5 Nov 2026', a weekday name,
    or a day and month without the year ('5 Nov', 'Thursday 5th', '5/11')."""
    if isinstance(value, dt.datetime):
        return value.date(), ""
    if isinstance(value, dt.date):
        return value, ""
    if type(value).__name__ == "datetime64":
        return pd.Timestamp(value).date(), ""
    text = clean_text(value).lower().strip("'\"`‘’“” ")
    if not text or as_number(value) is not None or negated(text):
        return None, "write the day as a date in quotes, in the form \"YYYY-MM-DD\"."
    partial = _day_without_year(text, days)
    if partial is not None:
        return partial
    names = [w for w in WEEKDAYS if re.search(rf"\b{w[:3]}", text)]
    if len(names) == 1 and not re.search(r"\d", text):
        matches = [d for d in days if WEEKDAYS[d.weekday()] == names[0]]
        if len(matches) == 1:
            return matches[0], ""
        if not matches:
            return None, "none of the five monitoring days falls on that day of the week."
        return None, "more than one monitoring day falls on that day of the week; give the date."
    try:  # ISO dates as they are; anything else the UK way round (day first)
        iso = re.match(r"^\d{4}-\d{1,2}-\d{1,2}", text)
        with warnings.catch_warnings():  # pandas warns about guessed formats: not for learners
            warnings.simplefilter("ignore")
            ts = pd.Timestamp(text) if iso else pd.to_datetime(text, dayfirst=True)
    except (ValueError, TypeError, OverflowError):
        return None, "I can't read that as a date. Write it in the form \"YYYY-MM-DD\"."
    if pd.isna(ts):
        return None, "I can't read that as a date. Write it in the form \"YYYY-MM-DD\"."
    return ts.date(), ""


@task("p3.busiest_day", "P3 task 2 (busiest day for customers)", ("busiest_day",),
      ("date, in quotes",))
def busiest_day(busiest_day: Any, ctx: Context) -> Verdict:
    daily = monitored(ctx)["daily"]
    days = [pd.Timestamp(d).date() for d in daily["day"]]
    day, problem = _read_day(busiest_day, days)
    if day is None:
        return Verdict.no(problem)
    if day not in days:
        return Verdict.no(NOT_A_DAY)
    cust = dict(zip(days, daily["by_followers"]))
    total = dict(zip(days, daily["messages"]))
    if cust[day] == max(cust.values()):
        return Verdict.yes("that day had the most messages from customers.")
    if total[day] == max(total.values()):
        return Verdict.no("on your day the total is highest only because the business's own "
                          "messages are counted too.")
    return Verdict.no("another monitoring day had more messages from customers.")


def _labels(frame: pd.DataFrame) -> pd.Series:
    if "sentiment_label" in frame.columns:
        return frame["sentiment_label"].astype(str)
    from ..sentiment import add_sentiment
    return add_sentiment(frame)["sentiment_label"].astype(str)


@task("p3.negative", "P3 task 3 (complaints and negative comments)", ("n_negative",),
      ("whole number",))
def negative(n_negative: Any, ctx: Context) -> Verdict:
    if looks_like_percent(n_negative):
        return Verdict.no("your answer looks like a percentage; the task asks how many messages.")
    x = as_number(n_negative, words=True)
    if x is None:
        return Verdict.no("your answer should be a whole number (a count of messages).")
    if x < 0:
        return Verdict.no("a count can't be below zero.")
    comp = monitored(ctx)["complaints"]
    right = int(comp.loc[comp["platform"] == "all", "negative"].iloc[0])
    if not is_whole(x) or (0 < x < 1 and right >= 1):
        return Verdict.no("your answer looks like a share or a percentage; the task asks how many "
                          "messages.")
    if int(x) == right:
        return Verdict.yes("that is how many customer messages were negative in the five days.")
    plats = set(ctx.platforms)
    w, f = ctx.window, ctx.frame
    w_on, f_on = w[w["platform"].astype(str).isin(plats)], f[f["platform"].astype(str).isin(plats)]
    lw, lf = _labels(w_on), _labels(f_on)
    is_org_w, is_org_f = w_on["author_is_org"].astype(bool), f_on["author_is_org"].astype(bool)
    all_w = ctx.customers
    # every mistake the number could come from: two different mistakes can give the same
    # number (lakeside-cinema: the business's own negatives and the other platforms' both
    # make 27), and naming one of them confidently would send the learner the wrong way
    mistakes = [
        (x == int((lw == "negative").sum()), "includes messages the business wrote itself"),
        (x == int(((lf == "negative") & ~is_org_f).sum()) or x == int((lf == "negative").sum()),
         "includes messages from outside the five monitoring days"),
        (x == int((~is_org_w).sum()), "includes every customer message, not only the negative ones"),
        (x == int(((lw == "positive") & ~is_org_w).sum()), "is of the positive messages, not the "
                                                            "negative ones"),
        (x == int((_labels(all_w) == "negative").sum()) and len(all_w) != len(w_on[~is_org_w]),
         "includes platforms other than the two in this task"),
    ]
    found = list(dict.fromkeys(why for hit, why in mistakes if hit))
    if len(found) == 1:
        return Verdict.no(f"your count {found[0]}.")
    if found:
        return Verdict.no("that is not the number of negative customer messages yet. More than "
                          "one mistake gives that number: your count may be one that "
                          + "; or one that ".join(found) + ". Check each of these.")
    return Verdict.no("that is not the number of negative customer messages yet.")


@task("p3.age", "P3 task 4 (largest age group)", ("largest_age_group",),
      ("age group, in quotes",))
def age(largest_age_group: Any, ctx: Context) -> Verdict:
    if len(age_bands(largest_age_group)) > 1:
        return Verdict.no("give just one age group: the one the chart shows as largest.")
    band = None if negated(largest_age_group) else age_band(largest_age_group)
    if band is None:
        return Verdict.no("write an age group the way the chart labels them (in quotes).")
    table = monitored(ctx)["age"]
    if "note" in table.columns:
        return Verdict.no("this organisation has no age information — tell your tutor.")
    mine = table[table["platform"] == ctx.platforms[0]]
    people = mine.set_index(mine["age_band"].astype(str))["people"]
    if band in people.index and people[band] == people.max():
        return Verdict.yes("that is the largest age group among this platform's followers.")
    # never "that is the largest group on the other platform": the notebook shows only this
    # platform's chart, so a neighbouring bar that happened to top the other platform was told
    # about a chart the learner never saw (found by a review, session 13)
    if band not in people.index:
        return Verdict.no("that age group is not in the chart for this platform.")
    return Verdict.no("another age group is bigger on this platform (platform 1, the one the "
                      "task names): compare the heights of the bars on its chart.")


@task("p3.location", "P3 task 5 (location of users)", ("international_1",),
      ("whole number",))
def location(international_1: Any, ctx: Context) -> Verdict:
    if looks_like_percent(international_1):
        return Verdict.no("your answer looks like a percentage; the task asks how many people.")
    x = as_number(international_1, words=True)
    if x is None:
        return Verdict.no("your answer should be a whole number (a count of people).")
    if x < 0:
        return Verdict.no("a count can't be below zero.")
    table = monitored(ctx)["location"]
    if "note" in table.columns:
        return Verdict.no("this organisation has no location information — tell your tutor.")
    counts = {}
    for plat in ctx.platforms:
        mine = table[table["platform"] == plat]
        nat = mine["national"].astype(bool)
        counts[plat] = (int(mine.loc[~nat, "people"].sum()), int(mine.loc[nat, "people"].sum()),
                        int(mine["people"].sum()))
    intl, nat, total = counts[ctx.platforms[0]]
    if not is_whole(x) or (0 < x < 1):
        return Verdict.no("your answer looks like a share or a percentage; the task asks how "
                          "many people.")
    if int(x) == intl:
        return Verdict.yes("that is how many followers on platform 1 are outside the home country.")
    if int(x) == nat:
        return Verdict.no("your number counts the followers inside the home country, not outside it.")
    if int(x) == total:
        return Verdict.no("your number counts every follower on platform 1, not only those "
                          "outside the home country.")
    other = counts[ctx.platforms[1]]
    if int(x) == other[0]:
        return Verdict.no("that is the figure for platform 2, not platform 1.")
    if int(x) == other[0] + intl:
        return Verdict.no("your number adds both platforms together.")
    return Verdict.no("that is not the number of followers outside the home country yet.")


FEEDBACK_WORDS = ("complain", "complaint", "negative", "unhappy", "angry", "question", "asked",
                  "asking", "suggest", "praise", "positive", "thank", "happy", "review", "problem",
                  "issue", "feedback", "comment", "talked about", "theme", "topic", "delay", "refund")
WHO_WORDS = ("user", "people", "person", "customer", "follower", "age", "aged", "year old",
             "young", "older", "national", "international", "uk", "country", "countries",
             "region", "local", "location", "audience")


FILLER = re.compile(r"^(?:b+l+a+h*|(?:bla)+h?|lorem|ipsum|dolor|amet|consectetur|adipiscing|"
                    r"eiusmod|tempor|incididunt|labore|dolore|yada|(?:asdf)+|qwerty)$")
"""Filler words: text typed to fill the box ("blah blah", "lorem ipsum"), not a summary."""


def filler(text: str) -> bool:
    """Is some of the text filler: a filler word, or one word three times in a row?"""
    ws = re.findall(r"[a-z']+", text.lower())
    if any(FILLER.match(w) for w in ws):
        return True
    return any(a == b == c for a, b, c in zip(ws, ws[1:], ws[2:]))


def _listy(text: str) -> bool:
    """Does the text have a piece that is not a sentence (a list of words or figures)?"""
    from ._answers import sentences
    return any(not real_sentences(p) for p in sentences(text))


@task("p3.summary", "P3 task 6 (descriptive summary)", ("my_summary",),
      (TEXT,))
def summary(my_summary: Any, ctx: Context) -> Verdict:
    text = clean_text(my_summary)
    if filler(text):   # "blah blah", "lorem ipsum": not the learner's own sentences, so the
        # rest is not judged (found by a review, session 13)
        return Verdict.no("this is not yet a full descriptive summary: it has filler text (such "
                          "as \"blah\", \"lorem ipsum\" or a word repeated over and over) where "
                          "your own sentences should be. Write what you found, in your own words.")
    missing = []
    if real_sentences(str(my_summary)) < 3:  # not clean_text: it joins the lines
        # one long real sentence is not "a list of words" (found by a review, session 13)
        missing.append("it is shorter than three sentences (a list of words or figures "
                       "is not a sentence)" if _listy(str(my_summary)) else
                       "it has fewer than three sentences: the task asks for at least three")
    named = [p for p in ctx.platforms if mentions_platform(text, p)]
    if not named:
        # a summary about other platforms is not a summary of this task's monitoring
        missing.append("it does not name the platforms the activity was on (the task's two)")
    elif len(named) < len(ctx.platforms):
        missing.append("it does not name the platforms the activity was on: only one of the "
                       "task's two")
    if placeholders(text):
        missing.append(PLACEHOLDER_HINT)
    elif not figures(text):
        missing.append("it has no figures from your monitoring (write them as numbers, "
                       "for example 21 or 45%)")
    elif not any("list of words" in m for m in missing):   # a list is told already
        bare = unlabelled_figures(text)
        if bare:
            missing.append(f"{'this figure does' if len(bare) == 1 else 'these figures do'} not "
                           f"say what {'it counts' if len(bare) == 1 else 'they count'}: "
                           f"{', '.join(bare[:4])} (say what each is: messages, people, "
                           "complaints …)")
    if not has_any(text, WHO_WORDS):
        missing.append("it does not say who the users are")
    themes = monitored(ctx).get("themes")
    theme_words: tuple[str, ...] = ()
    if isinstance(themes, pd.DataFrame) and "theme" in themes.columns:
        theme_words = tuple(str(t).lower() for t in themes["theme"].dropna())
    if not (has_any(text, FEEDBACK_WORDS) or has_any(text, theme_words)):
        missing.append("it does not say what people talked about or how they felt")
    # counts are checked; percentages are not: learners work out their own shares ("57% of
    # the messages were on Facebook"), which no table holds
    odd = [w for w in odd_summary_figures(text, ctx) if not w.endswith("%")]
    if odd:   # a summary of made-up numbers is not a summary of the monitoring
        missing.append(f"{'this figure is' if len(odd) == 1 else 'these figures are'} not in the "
                       f"monitoring results for these days: {', '.join(odd[:4])} (check "
                       f"{'it' if len(odd) == 1 else 'each one'} against your notes)")
    if missing:
        return Verdict.no("this is not yet a full descriptive summary: " + "; ".join(missing) + ".")
    return Verdict.yes("your summary describes the activity: the platforms, the users, figures "
                       "and what people talked about.")


def data_figures(ctx: Context) -> set[float]:
    """Every figure a learner may take from the practice organisation's data for these days:
    the monitoring results for the task's platforms and for all of them, and the audience
    insights (cached). P4 and D1 use these; the P3 summary uses the narrower
    :func:`summary_figures`."""
    cache = ctx.__dict__.setdefault("_p3_monitor", {})
    if "figures" not in cache:
        from ..metrics import monitor
        everything = monitor(ctx.ds, days=ctx.days)
        # not the raw audience table: its daily counts for every day of the file made almost
        # any number from 13 to 100 "a figure in the data"; monitor() has the days' audience
        cache["figures"] = known_figures(monitored(ctx), everything, list(ctx.days))
    return cache["figures"]


# --------------------------------------------------------------------------- summary figures

NOT_FIGURES = ("meta", "top_messages", "complaint_examples", "feedback_examples")
"""monitor() parts whose numbers are not results (the source's dates, the examples' texts and
their authors' follower counts): not figures a summary takes from the monitoring."""
ONLY_WITH_A_NOUN = ("regions", "busiest_hours")
"""monitor() tables a summary quotes only as a count of something ("1,599 followers live in
Yorkshire", "9 messages at 1pm"): checked as counts, not accepted for a figure on its own
(their many small counts made most numbers "a figure in the results")."""

COUNT_COLUMNS = {
    # what a count in a summary is of -> {monitor() table: its columns holding such counts}
    "people": {"users": ("users", "new_users", "returning_users"), "daily": ("users",),
               "message_locations": ("users",), "message_ages": ("users",),
               "headline": ("users", "new_users", "returning_users")},
    "followers": {"followers": ("followers_start", "followers_end", "change"),
                  "location": ("people",), "location_summary": ("national", "international", "unknown"),
                  "regions": ("people",), "age": ("people",), "engagement": ("followers",),
                  "headline": ("followers_end", "follower_change")},
    "messages": {"users": ("messages",), "daily": ("messages", "by_business", "by_followers",
                                                   "top_platform_messages"),
                 "volume_by_day": ("by_business", "by_followers", "total"),
                 "volume_by_platform": ("by_business", "by_followers", "total"),
                 "busiest_hours": ("by_business", "by_followers", "total"),
                 "complaints": ("customer_messages",), "complaints_by_day": ("customer_messages",),
                 "themes": ("messages",), "feedback": ("messages",),
                 "engagement": ("posts", "likes", "shares", "replies", "interactions"),
                 "customer_care": ("customer_messages", "answered", "waiting"),
                 "message_locations": ("messages",), "message_ages": ("messages",),
                 "headline": ("messages", "business_messages", "customer_messages", "business_posts",
                              "questions", "suggestions", "praise", "waiting",
                              "busiest_day_messages", "busiest_hour_messages")},
    "negative": {"complaints": ("negative",), "complaints_by_day": ("negative",),
                 "daily": ("negative",), "themes": ("negative",), "headline": ("negative",)},
}
"""The monitoring results a count of people, followers, messages or complaints in a P3 summary
is checked against (columns a table does not have are skipped)."""
PEOPLE_ALSO = {"feedback": {"feedback": ("messages",),
                            "headline": ("questions", "suggestions", "praise")}}
"""Also counts of people: "3 people made suggestions", "29 people asked questions" (with the
followers, age-group and location counts: "528 people on Facebook are aged 35-44")."""

COUNT_NOUNS = {
    "people": r"people|persons?|users?|customers?|individuals|accounts|authors|commenters|clients|"
              r"(?:dog )?owners?|cinema-?goers|visitors|fans",
    "followers": r"followers?|subscribers?",
    "messages": r"messages?|comments?|posts?|tweets?|mentions?|repl(?:y|ies)|reviews?|questions?|"
                r"suggestions?|dms?|interactions|likes|shares|compliments|praise",
    "negative": r"complaints?|negatives|moans",
}
_BETWEEN = (r"different|unique|separate|individual|new|returning|other|more|extra|customer|customers'|"
            r"negative|positive|neutral|angry|unhappy|upset|happy|bad|good|real|active|actual|"
            r"of|the|their|these|those|all|social|media|online|public|private|direct|people's|"
            r"facebook|instagram|insta|x|twitter|tiktok|linkedin|youtube|reddit|blog|review|"
            r"critical|complaining|written|sent|posted|separate|unhappy")
_COUNT_CLAIM = re.compile(
    rf"(?<![\w.,%£$-])(?P<n2>\d+)(?![\w%]|[.,]\d)\s+(?:(?P<who>of (?:them|these|those|the \w+|"
    rf"their \w+)|people|users|customers)\s+)?(?P<complained>complained|(?:were|was) (?:negative|"
    rf"complaints?|unhappy|angry|upset|complaining))"
    rf"|(?<![\w.,%£$-])(?P<n1>\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\w%]|[.,]\d|\s*(?:%|per\s?cent))"
    rf"\s+(?P<between>(?:(?:{_BETWEEN})\s+){{0,3}})"
    rf"(?:(?P<people>{COUNT_NOUNS['people']})|(?P<followers>{COUNT_NOUNS['followers']})|"
    rf"(?P<messages>{COUNT_NOUNS['messages']})|(?P<negative>{COUNT_NOUNS['negative']}))(?![a-z])")
_NEGATIVE_WORDS = re.compile(r"\b(?:negative|angry|unhappy|upset|bad|critical|complaining)\b")
_SAME_AGAIN = re.compile(r"(?<![\w.,%£$-])(\d+)(?![\w%]|[.,]\d)\s+(?:on|in|from|for|via|at)\s+"
                         r"(?:the\s+)?(?:other\s+(?:one|platform)|[a-z]+)")
"""A bare number after a count in the same sentence ("21 people on Facebook and 15 on
Instagram"): a count of the same thing."""


def _pool(ctx: Context, what: str) -> Any:
    """The monitoring results (task platforms, monitoring days) a count of ``what`` may be."""
    cache = ctx.__dict__.setdefault("_p3_monitor", {}).setdefault("pools", {})
    if what not in cache:
        res, parts = monitored(ctx), []
        for table, cols in {**COUNT_COLUMNS, **PEOPLE_ALSO}[what].items():
            t = res.get(table)
            if isinstance(t, pd.DataFrame):
                parts += [t[c] for c in cols if c in t.columns]
            elif isinstance(t, dict):
                parts += [t[c] for c in cols if c in t]
        if what == "people":      # "36 people wrote": the two platforms' counts added up
            u = res.get("users")
            if isinstance(u, pd.DataFrame) and {"platform", "users"} <= set(u.columns):
                parts.append(int(u.loc[u["platform"].isin(ctx.platforms), "users"].sum()))
        cache[what] = known_figures(*parts)
    return cache[what]


def count_claims(text: str) -> list[tuple[str, str, tuple[int, int]]]:
    """``(number as written, what it counts, where)`` for each count of people, followers,
    messages or complaints a summary states ("21 different people", "8 negative comments",
    "8 of them were negative", and "15 on Instagram" after "21 people on Facebook").

    >>> [c[:2] for c in count_claims("21 people on Facebook and 15 on Instagram. 8 were negative.")]
    [('21', 'people'), ('15', 'people'), ('8', 'negative')]
    """
    from ._answers import sentences
    out = []
    low = clean_text(text).lower()
    pos = 0
    for sentence in sentences(low):
        start = low.find(sentence, pos)
        pos = start + len(sentence)
        claimed: list[tuple[tuple[int, int], str]] = []
        for m in _COUNT_CLAIM.finditer(sentence):
            if m.group("complained"):    # "8 were negative"; "7 people complained"
                who = m.group("who") or ""
                what = "negative+people" if who in ("people", "users", "customers") else "negative"
                num_span = m.span("n2")
            else:
                what = next(k for k in ("people", "followers", "messages", "negative") if m.group(k))
                num_span = m.span("n1")
                if what in ("messages", "people") and _NEGATIVE_WORDS.search(m.group("between")):
                    what = "negative+" + what
            claimed.append((num_span, what))
        for m in _SAME_AGAIN.finditer(sentence):
            if any(a <= m.start(1) < b for (a, b), _ in claimed):
                continue
            before = [w for (a, _b), w in claimed if a < m.start(1)]
            if before and (_platform_in(m.group(0)) or re.search(r"\bother\b", m.group(0))):
                claimed.append((m.span(1), before[-1]))
        for (a, b), what in sorted(claimed):
            out.append((sentence[a:b], what, (start + a, start + b)))
    return out


def _platform_in(text: str) -> str:
    """The first platform a text names, or ""."""
    from ._answers import PLATFORM_WORDS
    return next((c for c in PLATFORM_WORDS if mentions_platform(text, c)), "")


def odd_summary_figures(text: str, ctx: Context) -> list[str]:
    """The figures in a P3 summary that are not in the monitoring results for this task (its
    two platforms and five days): a count of people, followers, messages or complaints is
    checked against the results for that thing, small counts too ("22 different people" when
    the results have no such count; "3 complaints"); other figures against every result of the
    task's monitoring (not the other platforms', not the examples' texts, not the regions' or
    hours' counts on their own). Percentages are left to the caller."""
    low = clean_text(text).lower()
    odd, spans = [], []
    for number, what, span in count_claims(low):
        spans.append(span)
        pool = {# "528 people are aged 35-44", "2,340 people follow", "3 people made suggestions"
                # ("22 different people wrote" is still a count of message writers only)
                "people": _pool(ctx, "people") if re.search(
                    r"different|unique|separate|wr[oi]te|writ|posted|messag|comment|tweet|sent",
                    low[span[0]:span[1] + 30]) else
                _pool(ctx, "people") | _pool(ctx, "followers") | _pool(ctx, "feedback"),
                # "21 followers wrote on Facebook": learners often call the users followers
                "followers": _pool(ctx, "followers") | _pool(ctx, "people"),
                "messages": _pool(ctx, "messages") | _pool(ctx, "negative"),   # "8 messages were negative"
                "negative": _pool(ctx, "negative"),
                "negative+messages": _pool(ctx, "negative"),                  # "8 negative comments"
                # "7 people complained": the negative messages, or the people who wrote them
                "negative+people": _pool(ctx, "negative") | _pool(ctx, "people")}[what]
        if unknown_figures(number, pool, small=0):
            odd.append(number)
    rest = list(low)
    for a, b in spans:
        rest[a:b] = " " * (b - a)
    odd += unknown_figures("".join(rest), summary_figures(ctx))
    return list(dict.fromkeys(odd))


def summary_figures(ctx: Context) -> set[float]:
    """Every figure of the P3 monitoring itself: :func:`smlib.monitor` for the task's two
    platforms and five days (what the notebook's ``result`` holds) and the days' dates — not
    the other platforms' results, whose counts made 132 of the 188 whole numbers from 13 to 200
    "in the monitoring results" (found by a review, session 13)."""
    cache = ctx.__dict__.setdefault("_p3_monitor", {})
    if "summary_figures" not in cache:
        res = {k: v for k, v in monitored(ctx).items() if k not in NOT_FIGURES + ONLY_WITH_A_NOUN}
        cache["summary_figures"] = known_figures(res, list(ctx.days))
    return cache["summary_figures"]


# --------------------------------------------------------------------------- what a figure counts
# A summary's figures must say what they count (session 15: "There were 21 and 15. Complaints
# about grooming 8." passed). A figure says it when a word for what it counts follows it
# closely ("21 different people", "8 of them", "45% of the messages"), or comes before it
# joined by a small word ("the number of people was 21", "followers: 5,603", "negative
# comments went up to 8"), or when count_claims reads it as a count ("15 on Instagram" after
# "21 people on Facebook"). Dates, times, years and age groups are not counts.
COUNTED_THINGS = (
    r"people|ppl|peeps|folks|persons?|users?|customers?|individuals|accounts|authors|commenters|"
    r"clients|owners?|cinema-?goers|visitors|fans|followers?|subscribers?|messages?|msgs|"
    r"comments?|posts?|tweets?|mentions?|repl(?:y|ies)|reviews?|questions?|suggestions?|dms?|"
    r"interactions|likes|shares|views|compliments|praise|complaints?|negatives?|moans|"
    r"enquir(?:y|ies)|requests?|responses?|answers?|reactions|retweets|countries")
"""Words for what a count in a summary counts (people, messages, complaints …)."""
COUNTED = (COUNTED_THINGS + r"|days?|hours?|hrs|minutes?|mins|weeks?|platforms?|times|stars?|"
           r"percent|per\s?cent|negative|positive|neutral|complained|themes?|topics?|groups?|"
           r"year[- ]olds?|years?")
"""…and the units and kinds a figure may be followed by ("5 days", "8 negative")."""
_COUNTED_AFTER = re.compile(rf"^[\s,]*(?:[a-z'-]+\s+|\d[\d,.]*%?\s+|and\s+){{0,4}}?"
                            rf"(?:{COUNTED})(?![a-z])|^\s*(?:of\s+(?:them|these|those|which|"
                            rf"all|the|their)|(?:were|was|are)\s+(?:negative|positive|neutral))\b")
_COUNTED_BEFORE = re.compile(
    rf"(?:(?<![a-z])(?:{COUNTED_THINGS}|rate|share|growth|increase|decrease|change|proportion|"
    rf"percentage|total|number|amount|engagement)(?![a-z]))(?:\s*[:=(\-\u2013]\s*|"
    rf"[^.!?\d]{{0,40}}?\b(?:was|were|is|are|totall?ed|reached|numbered|hit|of|at|to|from|by|"
    rf"with|had|has|got|came to|stood at|about|around|over|under|nearly|almost|roughly|just|"
    rf"only|exactly|than|be)\s+(?:about\s+|around\s+|over\s+|only\s+|just\s+)?)$")
_NOT_A_COUNT = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?(?!\d)|\d{1,2}\.\d{1,2}\.\d{2,4}|"
    r"\d{1,2}:\d{2}|\d{1,2}\s*(?:am|pm)\b|\b\d{1,2}\s*(?:-|\u2013)\s*\d{1,2}\b|\d+\+|"
    r"(?:aged?|age\s+groups?|ages)\s+(?:of\s+|between\s+|from\s+)?\d+(?:\s*(?:to|and)\s*\d+)?|"
    r"\b(?:19|20)\d{2}\b|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}(?:st|nd|rd|th)?\b")
"""Dates, times, years and age groups: figures that are not counts."""
_A_FIGURE = re.compile(r"(?<![\w.,£$-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*%|\s*per\s?cent\b)?"
                       r"(?![\w]|[.,]\d)", re.IGNORECASE)


_NEAR = 120   # characters either side of a figure read for what it counts


def unlabelled_figures(text: str) -> list[str]:
    """The figures in a summary that do not say what they count (as written, first use).

    >>> unlabelled_figures("There were 21 and 15. 8 people complained on 30 Oct.")
    ['21', '15']
    >>> unlabelled_figures("21 people on Facebook and 15 on Instagram; 45% of them were new.")
    []
    >>> unlabelled_figures("Customers wrote 44 messages and the business sent 34.")
    []
    """
    from ._answers import sentences
    low = clean_text(text).lower().replace("\u2019", "'")
    claimed = [span for _n, _w, span in count_claims(low)]
    skip = [m.span() for m in _NOT_A_COUNT.finditer(low)]
    out, pos = [], 0
    for sentence in sentences(low):
        start = low.find(sentence, pos)
        pos = start + len(sentence)
        counted = False   # after a count, a bare figure counts the same ("… and the business sent 34")
        for m in _A_FIGURE.finditer(sentence):
            a = start + m.start()
            if any(x <= a < y for x, y in skip):
                continue
            # the words around a figure that can say what it counts are close to it: reading
            # only those keeps a pasted wall of numbers linear (the whole rest took 62 s for 20,000)
            if counted or any(x <= a < y for x, y in claimed) or \
                    _COUNTED_AFTER.search(sentence[m.end():m.end() + _NEAR]) or \
                    _COUNTED_BEFORE.search(sentence[max(0, m.start() - _NEAR):m.start()]):
                counted = True
                continue
            out.append(m.group(0).replace(" ", ""))
    return list(dict.fromkeys(out))
