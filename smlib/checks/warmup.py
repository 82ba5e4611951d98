"""Warm-up checks: load the data, read the table, read a chart, say what a row is.

Every expected value is computed from the practice organisation's whole table when the check
runs. Messages say what is wrong in learner language and never contain the expected value.
"""
from __future__ import annotations

import re
from typing import Any


from ._answers import as_number, clean_text, has_any, is_whole, read_platform
from ._context import Context
from ._core import TEXT, Verdict, task

NOT_A_COUNT = "your answer should be a whole number (a count of messages)."
BELOW_ZERO = "a count can't be below zero."


def _whole_number(value: Any) -> float | None:
    """A count from ``12``, ``"12"``, ``"1,234"`` or ``"12 messages"``; None when not a whole number."""
    n = as_number(value, words=True)
    return n if n is not None and is_whole(n) else None


@task("warmup.rows", "Warm-up task 1 (how many messages)", ("n_messages",),
      ("whole number",))
def rows(n_messages: Any, ctx: Context) -> Verdict:
    n = _whole_number(n_messages)
    if n is None:
        return Verdict.no(NOT_A_COUNT)
    if n < 0:
        return Verdict.no(BELOW_ZERO)
    f = ctx.frame
    if n == len(f):
        return Verdict.yes("that is how many messages are in the table.")
    if n == f.shape[1] or n == len(ctx.ds.interactions.columns):
        return Verdict.no("your number counts the columns (the kinds of information), not the rows.")
    if n == len(f) - 1 or n == len(f) + 1:
        return Verdict.no("you are out by one.")
    if n == 5 or n == 10:
        return Verdict.no("that looks like the number of rows shown on screen, not in the whole table.")
    return Verdict.no("that is not the number of messages in the table.")


@task("warmup.business", "Warm-up task 2 (messages the business wrote)", ("n_business",),
      ("whole number",))
def business(n_business: Any, ctx: Context) -> Verdict:
    n = _whole_number(n_business)
    if n is None:
        return Verdict.no(NOT_A_COUNT)
    if n < 0:
        return Verdict.no(BELOW_ZERO)
    f = ctx.frame
    is_org = f["author_is_org"].astype(bool)
    if n == int(is_org.sum()):
        return Verdict.yes("that is how many messages the business wrote itself.")
    if n == int((~is_org).sum()):
        return Verdict.no("your number counts the messages written by customers and other people, "
                          "not by the business.")
    if n == len(f):
        return Verdict.no("your number counts every message, not only the ones the business wrote.")
    kinds = f["kind"].astype(str)
    if n == int((kinds == "post").sum()) or n == int((is_org & (kinds == "post")).sum()):
        return Verdict.no("your number counts only one kind of message, not everything the "
                          "business wrote.")
    return Verdict.no("that is not the number of messages the business wrote.")


@task("warmup.platform", "Warm-up task 3 (busiest platform)", ("busiest_platform",),
      ("platform name, in quotes",))
def platform(busiest_platform: Any, ctx: Context) -> Verdict:
    if as_number(busiest_platform) is not None:
        return Verdict.no("give the platform's name (in quotes), not a number.")
    counts = ctx.frame["platform"].astype(str).value_counts()
    code = read_platform(busiest_platform, list(counts.index))
    if code is None:
        if not isinstance(busiest_platform, str):
            return Verdict.no("give the platform's name as text in quotes, for example "
                              "\"youtube\".")
        return Verdict.no("I don't recognise that platform name. Write it the way the table does.")
    if code not in counts.index:
        return Verdict.no("the organisation has no messages on that platform in this table.")
    if counts[code] == counts.max():
        return Verdict.yes("that platform has the most messages.")
    return Verdict.no("another platform has more messages than that one.")


_TIME = r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*(?:o'?clock|hrs|hours|h)?"
_HOUR = re.compile(rf"^\s*(?:at|around)?\s*{_TIME}\s*$", re.IGNORECASE)
# "9-10", "9:00 to 10:00", "between 9 and 10": the bar for the hour that starts at 9
_HOUR_SPAN = re.compile(rf"^\s*(?:between|from)?\s*{_TIME}\s*(?:-|–|to|and|until)\s*{_TIME}\s*$",
                        re.IGNORECASE)


def _hour_of(h: str, ampm: str | None) -> int | None:
    hour = int(h)
    ampm = (ampm or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    if ampm == "am" and hour == 12:
        hour = 0
    return hour % 24 if hour <= 24 else None


def _read_hour(value: Any) -> tuple[int | None, bool]:
    """(hour 0-23 or None, whether the learner used am/pm)."""
    n = as_number(value)
    if n is not None:
        return (int(n), False) if is_whole(n) and 0 <= n <= 24 else (None, False)
    text = clean_text(value)
    m = _HOUR.match(text)
    if m:
        return _hour_of(m.group(1), m.group(3)), bool(m.group(3))
    m = _HOUR_SPAN.match(text)
    if m:  # a one-hour span names the bar it starts at; the second time may carry am/pm
        start = _hour_of(m.group(1), m.group(3) or m.group(6))
        end = _hour_of(m.group(4), m.group(6))
        if start is not None and end is not None and (end - start) % 24 == 1:
            return start, bool(m.group(3) or m.group(6))
    return None, False


@task("warmup.hour", "Warm-up task 4 (reading the chart)", ("busiest_hour",),
      ("hour of the day",))
def hour(busiest_hour: Any, ctx: Context) -> Verdict:
    h, _ = _read_hour(busiest_hour)
    if h is None:
        return Verdict.no("give an hour of the day from the chart, as a whole number from 0 to 23.")
    hours = ctx.frame["created_at"].dt.tz_convert(ctx.tz).dt.hour
    counts = hours.value_counts().reindex(range(24), fill_value=0)
    top = set(counts.index[counts == counts.max()])
    if h in top:
        return Verdict.yes("that is the tallest bar: the busiest hour.")
    if h + 12 in top:
        return Verdict.no("the chart uses the 24-hour clock; look at how the hours are numbered.")
    return Verdict.no("that bar is not the tallest one on the chart.")


@task("warmup.row", "Warm-up task 5 (what one row is)", ("one_row_is",),
      (TEXT,))
def row(one_row_is: Any, ctx: Context) -> Verdict:
    text = clean_text(one_row_is)
    if len(re.findall(r"[A-Za-z]+", text)) < 3:
        return Verdict.no("write a short sentence in your own words.")
    if has_any(text, ("message", "post", "comment", "review", "tweet", "reply", "replies",
                      "interaction", "dm", "direct message", "mention")):
        return Verdict.yes("each row is one message.")
    if has_any(text, ("person", "people", "user", "customer", "follower", "account")):
        return Verdict.no("one row is not a person — the same person can appear on many rows.")
    if has_any(text, ("platform", "day", "date", "column")):
        return Verdict.no("your sentence describes something the table has many rows for, "
                          "not what a single row is.")
    return Verdict.no("your sentence does not say what one row of the table stands for.")
