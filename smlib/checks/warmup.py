"""Warm-up checks: load the data, read the table, read a chart, say what a row is.

Every expected value is computed from the practice organisation's whole table when the check
runs. Messages say what is wrong in learner language and never contain the expected value.
"""
from __future__ import annotations

import re
from typing import Any


from ._answers import (as_number, clean_text, is_whole, looks_like_percent, named_platforms,
                       read_platform)
from ._context import Context
from ._core import TEXT, Verdict, task

NOT_A_COUNT = "your answer should be a whole number (a count of messages)."
BELOW_ZERO = "a count can't be below zero."


PERCENT = "your answer looks like a percentage; the task asks how many messages (a count)."


def _whole_number(value: Any) -> float | None:
    """A count from ``12``, ``"12"``, ``"1,234"`` or ``"12 messages"``; None when not a whole number."""
    n = as_number(value, words=True)
    return n if n is not None and is_whole(n) else None


@task("warmup.rows", "Warm-up task 1 (how many messages)", ("n_messages",),
      ("whole number",))
def rows(n_messages: Any, ctx: Context) -> Verdict:
    if looks_like_percent(n_messages):
        return Verdict.no(PERCENT)
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
    # one more or one less than the right count gets the general message: "out by one" would
    # narrow the answer to two numbers
    if n == 5 or n == 10:
        return Verdict.no("that looks like the number of rows shown on screen, not in the whole table.")
    return Verdict.no("that is not the number of messages in the whole table. Count the rows "
                      "with code (for example len()), rather than reading row numbers.")


@task("warmup.business", "Warm-up task 2 (messages the business wrote)", ("n_business",),
      ("whole number",))
def business(n_business: Any, ctx: Context) -> Verdict:
    if looks_like_percent(n_business):
        return Verdict.no(PERCENT)
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
    if code is None and isinstance(busiest_platform, str) and re.fullmatch(
            r"(?:the )?(?:all|total|totals|all platforms|grand total|sum)(?: row| column)?",
            re.sub(r"[^a-z ]+", " ", busiest_platform.lower()).strip()):
        return Verdict.no("that is the table's total row ('All': every platform added together), "
                          "not a platform; name one platform.")
    if code is None:
        if len(named_platforms(busiest_platform, list(counts.index))) > 1:
            return Verdict.no("name just one platform: the one with the most messages.")
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
_HOUR = re.compile(rf"^\s*(?:at|around|about)?\s*{_TIME}\s*$", re.IGNORECASE)
# "9-10", "9:00 to 10:00", "between 9 and 10", "12:00-12:59", "12-1": the bar that starts at 9
_HOUR_SPAN = re.compile(rf"^\s*(?:between|from)?\s*{_TIME}\s*(?:-|–|—|to|and|until|till)\s*{_TIME}\s*$",
                        re.IGNORECASE)
_NAMED_HOURS = {"noon": 12, "midday": 12, "mid day": 12, "12 noon": 12, "12 midday": 12,
                "midnight": 0, "12 midnight": 0}


def _hour_of(h: str, ampm: str | None) -> int | None:
    hour = int(h)
    ampm = (ampm or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    if ampm == "am" and hour == 12:
        hour = 0
    return hour % 24 if hour <= 24 else None


def _read_hour(value: Any) -> tuple[int | None, bool]:
    """(hour 0-23 or None, whether the learner used am/pm or a word such as "noon")."""
    n = as_number(value)
    if n is not None:
        return (int(n), False) if is_whole(n) and 0 <= n <= 24 else (None, False)
    text = clean_text(value).lower().strip("'\"`‘’“” .")
    text = re.sub(r"^(?:at|around|about)\s+", "", text)
    if text in _NAMED_HOURS:
        return _NAMED_HOURS[text], True
    m = _HOUR.match(text)
    if m:
        return _hour_of(m.group(1), m.group(3)), bool(m.group(3))
    m = _HOUR_SPAN.match(text)
    if m:  # a one-hour span names the bar it starts at; the second time may carry am/pm
        ampm = m.group(3) or m.group(6)
        start = _hour_of(m.group(1), ampm)
        end = _hour_of(m.group(4), m.group(6))
        if start is None or end is None:
            return None, False
        end_min = int(m.group(5) or 0)
        if (end - start) % 24 == 1 and end_min == 0:  # 9-10, 12:00-13:00
            return start, bool(ampm)
        if end == start and end_min == 59 and int(m.group(2) or 0) == 0:  # 12:00-12:59
            return start, bool(ampm)
        if not ampm and (end - start) % 12 == 1 and end_min == 0 and start <= 12:  # "12-1"
            return start, False
    return None, False


@task("warmup.hour", "Warm-up task 4 (reading the chart)", ("busiest_hour",),
      ("hour of the day",))
def hour(busiest_hour: Any, ctx: Context) -> Verdict:
    h, twelve_hour = _read_hour(busiest_hour)
    if h is None:
        return Verdict.no("give an hour of the day from the chart, as a whole number from 0 to 23.")
    hours = ctx.frame["created_at"].dt.tz_convert(ctx.tz).dt.hour
    counts = hours.value_counts().reindex(range(24), fill_value=0)
    top = set(counts.index[counts == counts.max()])
    if h in top:
        return Verdict.yes("that is the tallest bar: the busiest hour.")
    # every wrong hour before midday written without am/pm gets the same reminder, so it never
    # says whether the answer is twelve hours on
    if h < 12 and not twelve_hour:
        return Verdict.no("that bar is not the tallest one on the chart. The chart numbers the "
                          "hours 0 to 23 (the 24-hour clock).")
    return Verdict.no("that bar is not the tallest one on the chart.")


# What a sentence says one row is: the first thing it names that is not negated ("not a
# message"). A person word straight before a message word is part of that thing ("a customer
# comment", "a person's post"); "something", "one time", "an entry" … is a message when the
# sentence says someone wrote, posted or sent it.
_MESSAGE_NOUNS = (r"messages?|posts?|comments?|reviews?|tweets?|repl(?:y|ies)|interactions?|dms?|"
                  r"direct messages?|mentions?|communications?|enquir(?:y|ies)|inquir(?:y|ies)|"
                  r"questions?|complaints?|responses?|captions?|statuses|status updates?|updates?|"
                  # the unit's own word: "one activity on social media"
                  r"activit(?:y|ies)")
_PERSON_NOUNS = (r"persons?|people|users?|customers?|followers?|accounts?|authors?|posters?|"
                 r"individuals?|members?|humans?|profiles?")
_OTHER_NOUNS = r"platforms?|days?|dates?|columns?|sites?|websites?|hours?|weeks?|times? of day"
_EVENT_NOUNS = (r"something|things?|times?|entr(?:y|ies)|pieces?|items?|instances?|occasions?|"
                r"bits?|records?|pieces? of text|events?|actions?")
_ON_SOCIAL = re.compile(r"\b(?:on|in)\s+(?:(?:a|an|the|one|that|its|their)\s+)?(?:platforms?|social media|"
                        r"online|page|account|feed|site)\b")
_WROTE = (r"\b(?:wr[io]te|written|writes|posted|posts|sent|sends|said|says|contacted|contacts|"
          r"commented|replied|tweeted|messaged|typed|shared|left|put|asked|complained)\b")
_NEGATION = re.compile(r"\b(?:not|no|never|isn't|aren't|isnt|arent|nor)\b|n't\b")
_THING = re.compile(rf"(?<![\w'])(?:(?P<message>{_MESSAGE_NOUNS})|(?P<person>{_PERSON_NOUNS})"
                    rf"(?P<owner>'s|s'|’s)?|(?P<other>{_OTHER_NOUNS})|(?P<event>{_EVENT_NOUNS}))"
                    rf"(?![\w])")


def _row_is(text: str) -> tuple[str | None, bool]:
    """(what the sentence says one row is: "message", "person", "other" or None when it names
    nothing it does not negate; whether it hedges between different kinds: "a user or a message")."""
    t = clean_text(text).lower().replace("’", "'")
    t = re.sub(r"\bmessages? table\b|\btable of messages\b", " table ", t)  # the table's name
    ends = [m.start() for m in re.finditer(r"[.;:!?()]|\b(?:but|it is|it's|its|rather|instead)\b", t)]
    found: list[tuple[str, int, int]] = []
    matches = list(_THING.finditer(t))
    negated_in: set[int] = set()  # clauses where a "not" came before a thing
    for i, m in enumerate(matches):
        clause = sum(1 for e in ends if e < m.start())
        prev_end = matches[i - 1].end() if i else 0
        if i == 0 or sum(1 for e in ends if e < prev_end) != clause:
            prev_end = max([e for e in ends if e < m.start()], default=0)
        if _NEGATION.search(t[prev_end:m.start()]):
            negated_in.add(clause)
        kind = m.lastgroup if m.lastgroup != "owner" else "person"
        rest = t[m.end():min([e for e in ends if e >= m.end()], default=len(t))]
        if kind == "person":
            nxt = matches[i + 1] if i + 1 < len(matches) else None
            if m.group("owner") or (nxt is not None and nxt.lastgroup == "message"
                                    and not t[m.end():nxt.start()].strip()):
                continue  # "a customer's post", "a customer comment": the message is the thing
            if re.match(rf"\s*(?:has\s+|had\s+)?{_WROTE}", t[m.end():]):
                kind = "message"   # "what a user posted", "something a customer wrote"
        if kind == "other" and re.search(r"\b(?:on|in|across|from|which|what)\s+(?:(?:a|an|the|one|"
                                         r"that|its|their|each|which|what)\s+)?$", t[:m.start()]):
            continue   # "an event on the platform", "on which platform": where it was, not what
        if kind == "event":
            # "something a customer wrote", "an event on the platform"; not "an event in the calendar"
            if not (re.search(_WROTE, rest) or re.search(rf"\b(?:{_MESSAGE_NOUNS})\b", rest)
                    or _ON_SOCIAL.search(rest) or named_platforms(rest)):
                continue
            kind = "message"
        if clause not in negated_in:
            found.append((kind, m.start(), m.end()))
    hedged = any(a[0] != b[0] and re.fullmatch(r"[\s,/]*(?:(?:or|and/or|and)\s+)?(?:a|an|one|the)?\s*",
                                               t[a[2]:b[1]])
                 and re.search(r"\bor\b|/", t[a[2]:b[1]] + t[b[2]:b[2] + 20])
                 for a, b in zip(found, found[1:]))
    if not found and re.search(rf"\b(?:who|what)\s+(?:[a-z']+\s+){{0,2}}?(?:has\s+|had\s+)?{_WROTE}", t) \
            and not _NEGATION.search(t):
        found.append(("message", 0, 0))   # "it shows who posted, when, and what they said"
    return (found[0][0] if found else None), hedged


@task("warmup.row", "Warm-up task 5 (what one row is)", ("one_row_is",),
      (TEXT,))
def row(one_row_is: Any, ctx: Context) -> Verdict:
    text = clean_text(one_row_is)
    if len(set(re.findall(r"[a-z]+", text.lower()))) < 3:
        return Verdict.no("write a short sentence in your own words.")
    if "?" in text:
        return Verdict.no("that is a question; answer it in a sentence of your own.")
    head, hedged = _row_is(text)
    if hedged:
        return Verdict.no("your sentence gives several different things; say the one thing a "
                          "single row stands for.")
    if head == "message":
        return Verdict.yes("each row is one message.")
    if head == "person":
        return Verdict.no("one row is not a person — the same person can appear on many rows.")
    if head == "other":
        return Verdict.no("your sentence describes something the table has many rows for, "
                          "not what a single row is.")
    if _NEGATION.search(text.lower()):
        return Verdict.no("your sentence says what a row is not; say what it is.")
    return Verdict.no("your sentence does not say what one row of the table stands for.")
