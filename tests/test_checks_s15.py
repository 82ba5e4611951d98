"""Session 15: three weaknesses of the exercise checks, each test failing on the checks before.

1. ``m2.why_highest`` passed vague reasons ("it is very important" on the word "very") and
   reasons that are not true of the chosen message (a spike, a happy customer, many people
   seeing it, a longer wait, another priority).
2. ``m2.categories`` told, one changed message at a time, which group each message belongs in
   (a probing loop learned the answer in about two checks a message).
3. ``p3.summary`` passed figures that do not say what they count ("There were 21 and 15.").

Facts (which message is highest, what scored it, the monitoring figures) are worked out here
with the checks' own helpers and smlib's public functions, for both practice organisations.
"""
from __future__ import annotations

import itertools
import math
import re

import pandas as pd
import pytest

from smlib.checks import context_for, judge

ORGS = ("tidy-paws", "lakeside-cinema")


@pytest.fixture(scope="module", params=ORGS)
def ctx(request):
    return context_for(request.param)


# --------------------------------------------------------------------------- 1. why_highest

def _top(ctx) -> pd.Series:
    q = ctx.scored[ctx.scored["category"].astype(str) == "needs_action"]
    return q.sort_values("priority", kind="stable").iloc[-1]


def _factors(row) -> set[str]:
    from smlib.checks.m2 import factors_of
    return {k for k, pts, _ in factors_of(row["reasons"]) if pts > 0}


# a true reason for each factor, in a learner's words
TRUE_PHRASE = {"safety": "someone was hurt", "complaint": "it is a complaint that needs sorting",
               "distress": "the customer is in distress", "legal": "they threaten legal action",
               "security": "it could be a scam", "question": "they ask a question"}


def _true_phrase(row) -> str:
    return next(TRUE_PHRASE[k] for k in TRUE_PHRASE if k in _factors(row))


def _why(ctx, text):
    return judge("m2.why_highest", _top(ctx)["message_id"], text, ctx=ctx)


@pytest.mark.parametrize("vague", [
    "It is important.",
    "It is very important and urgent.",
    "It is the most important message because it is very serious.",
    "There is an issue with this message.",
    "It is a big problem, so it has to be the highest.",
])
def test_why_highest_vague_reasons_do_not_pass(ctx, vague):
    fb = _why(ctx, vague)
    assert not fb.ok and "does not say what made" in fb.message, (vague, fb.message)


def test_why_highest_a_spike_the_message_was_not_in_is_not_true(ctx):
    row = _top(ctx)
    if "spike" in _factors(row):
        pytest.skip("the highest message is part of a spike")
    fb = _why(ctx, f"It is part of a wave of complaints at the same time, and {_true_phrase(row)}.")
    assert not fb.ok and "not true of this message" in fb.message, fb.message


def test_why_highest_a_happy_customer_is_not_true_of_a_negative_message(ctx):
    row = _top(ctx)
    assert row["sentiment"] < 0 and "praise" not in _factors(row)
    fb = _why(ctx, f"The customer is happy with the service and {_true_phrase(row)}.")
    assert not fb.ok and "not true of this message" in fb.message, fb.message


def test_why_highest_many_people_seeing_it_needs_reach(ctx):
    row = _top(ctx)
    if "reach" in _factors(row):
        pytest.skip("the highest message scored for its reach")
    fb = _why(ctx, f"Lots of people could see it, and {_true_phrase(row)}.")
    assert not fb.ok and "not true of this message" in fb.message, fb.message


def _waited_minutes(row) -> int | None:
    text = " ".join(list(row["reasons"]) + [str(row.get("urgent_reason") or "")])
    m = re.search(r"waiting ((?:\d+ days? )?(?:\d+ h ?)?(?:\d+ min)?)", text)
    if not m:
        return None
    unit = {"day": 1440, "days": 1440, "h": 60, "min": 1}
    return sum(int(n) * unit[u] for n, u in re.findall(r"(\d+) (days?|h|min)", m.group(1)))


def test_why_highest_a_longer_wait_than_the_message_had_is_not_true(ctx):
    row = _top(ctx)
    waited = _waited_minutes(row)
    assert waited is not None
    too_long = math.ceil(waited / 1440) + 2
    fb = _why(ctx, f"They have been waiting {too_long} days without a reply, and {_true_phrase(row)}.")
    assert not fb.ok and "look at its figures again" in fb.message, fb.message
    # a wait it really had is true ("over 2 hours" when it waited longer)
    fb = _why(ctx, f"They have been waiting over {waited // 60} hours, and {_true_phrase(row)}.")
    assert fb.ok, fb.message


def test_why_highest_another_priority_or_more_contacts_is_not_true(ctx):
    row = _top(ctx)
    p = int(row["priority"])
    assert _why(ctx, f"It has a priority of {p} because {_true_phrase(row)}.").ok
    fb = _why(ctx, f"It has a priority of {p + 7} because {_true_phrase(row)}.")
    assert not fb.ok and "look at its figures again" in fb.message, fb.message
    if "repeat_contact" in _factors(row):
        count = int(re.search(r"contacted the business (\d+) times", " ".join(row["reasons"])).group(1))
        assert _why(ctx, f"The customer has contacted the business {count} times and "
                         f"{_true_phrase(row)}.").ok
        fb = _why(ctx, f"The customer has contacted the business {count + 3} times and "
                       f"{_true_phrase(row)}.")
        assert not fb.ok and "look at its figures again" in fb.message, fb.message


def test_why_highest_untrue_feedback_never_names_the_right_factor(ctx):
    from smlib.checks.m2 import UNTRUE_FIGURES, UNTRUE_TOPIC
    for message in (UNTRUE_FIGURES, UNTRUE_TOPIC):
        assert not re.search(r"safety|hurt|complain|waiting|repeat|follower|sentiment|question",
                             message), message


GOOD_REASONS = {
    "tidy-paws": [
        "It is the highest priority because it reports a safety hazard or someone being hurt "
        "(a nick on), and the business has not replied to it yet.",
        "The dog came back with a nick on its ear, so the dog was hurt and that is a safety problem.",
        "This is the most important because the customer's spaniel was injured and they are also "
        "complaining that their appointment was cancelled.",
        "The customer is very angry. Their dog got hurt and nobody has answered them.",
        "The review is really negative and the dog was cut on the ear at the salon.",
        "Someone's pet was harmed, which could be dangerous, and they are still waiting for an answer.",
        "It's top because a dog got injured during the groom and the owner is upset about it.",
        "Safety comes first: the dog was hurt, so this needs dealing with before anything else.",
        "You can see from the message that the dog was hurt.",
        "It is a complaint and a question at the same time, and the dog was injured.",
        "It is more serious than many other messages because the dog was hurt.",
        "Their appointment was cancelled a day before, they are still waiting, and the dog was hurt.",
    ],
    "lakeside-cinema": [
        "It is the highest priority because it is a complaint that needs putting right, and the "
        "business has not replied to it yet.",
        "The customer has already tried twice and it still hasn't worked, so they are annoyed.",
        "They have been waiting over a day without a reply and it is a complaint.",
        "The customer is unhappy and has contacted the business 2 times about it.",
        "It scored 48 points because it is a complaint with negative sentiment, it has waited more "
        "than 16 hours and it is a repeat contact.",
        "This person is frustrated because nothing happened, and nobody has replied for a long time.",
        "The customer keeps asking and has been ignored, so they are getting angry.",
        "It is a repeat complaint from someone who is clearly fed up.",
        "The customer feels ignored because nobody has replied to their complaint.",
        "It has a sentiment of -0.61, so it is a negative complaint.",
    ],
}


WRITTEN_FOR = {"tidy-paws": "re-2720000033", "lakeside-cinema": "100000002098535_1265000000000272"}
"""The highest messages GOOD_REASONS were written about (they quote their words and figures)."""


def test_why_highest_true_reasons_in_many_wordings_still_pass(ctx):
    if str(_top(ctx)["message_id"]) != WRITTEN_FOR[ctx.org]:
        pytest.skip("the sample data changed: these reasons were written for another message")
    for reason in GOOD_REASONS[ctx.org]:
        fb = _why(ctx, reason)
        assert fb.ok, (reason, fb.message)


# --------------------------------------------------------------------------- 2. categories

PLAIN = {"posted_by_business": "posted by the business", "needs_action": "needs action",
         "no_action": "no action"}


def _want(ctx) -> dict[int, str]:
    from smlib.checks.m2 import _picked
    ten = _picked(ctx)
    return dict(zip(ten["number"].astype(int), ten["category"].astype(str)))


def _own_posts(ctx) -> set[int]:
    """The messages the table learners see shows as the business's (its `who` column)."""
    from smlib.checks.m2 import ten_messages
    shown = ten_messages(ctx=ctx)
    return {int(n) for n, who in shown["who"].items() if who == ctx.ds.profile.name}


def _sort(ctx, answer: dict[int, str]):
    return judge("m2.categories", {n: PLAIN[c] for n, c in answer.items()}, ctx=ctx)


def test_categories_business_group_is_what_the_table_shows(ctx):
    want = _want(ctx)
    assert {n for n, c in want.items() if c == "posted_by_business"} == _own_posts(ctx)


def test_categories_a_one_change_probing_loop_learns_nothing(ctx):
    """The loop a learner could write: start from "the business's own posts, and every other
    message needs action", change one message to "no action", read the feedback. Before,
    the feedback changed exactly when that message needs action; now it never changes."""
    want = _want(ctx)
    own = _own_posts(ctx)
    base = {n: "posted_by_business" if n in own else "needs_action" for n in want}
    seen = set()
    for n in want:
        if n in own:
            continue
        fb = _sort(ctx, {**base, n: "no_action"})
        if not fb.ok:
            seen.add(fb.message)
    assert len(seen) == 1, seen
    # hiding the others in the business's group does not help either
    hide = {n: "posted_by_business" for n in want}
    seen = {_sort(ctx, {**hide, n: c}).message for n in want if n not in own
            for c in ("needs_action", "no_action")}
    assert len(seen) == 1, seen


def test_categories_every_wrong_split_reads_the_same(ctx):
    """Over every way of splitting the others' messages into needs action / no action, the
    feedback only tells the right split from the rest (and says when all are in one group):
    finding it by checking is no faster than guessing every combination."""
    want = _want(ctx)
    own = _own_posts(ctx)
    others = [n for n in want if n not in own]
    assert len(others) <= 8
    right, by_message = 0, {}
    for split in itertools.product(("needs_action", "no_action"), repeat=len(others)):
        answer = {**{n: "posted_by_business" for n in own}, **dict(zip(others, split))}
        fb = _sort(ctx, answer)
        if fb.ok:
            right += 1
            assert answer == want
            continue
        by_message.setdefault(fb.message, []).append(len(set(split)) == 1)
    assert right == 1
    # one message for every mixed wrong split, another only for "all in one group"
    mixed = [m for m, same in by_message.items() if not all(same)]
    assert len(mixed) == 1, list(by_message)
    assert all(all(same) for m, same in by_message.items() if m not in mixed)
    assert not re.search(r"\d", mixed[0])


def test_categories_feedback_still_says_what_kind_of_mistake(ctx):
    want = _want(ctx)
    n_bus = next(n for n, c in want.items() if c == "posted_by_business")
    fb = _sort(ctx, {**want, n_bus: "needs_action"})
    assert "wrote itself is not in its own group" in fb.message
    n_act = next(n for n, c in want.items() if c == "needs_action")
    fb = _sort(ctx, {**want, n_act: "no_action"})
    assert "needs action / no action split is not right yet" in fb.message
    assert f"message {n_act}" not in fb.message


# --------------------------------------------------------------------------- 3. p3.summary

def _facts(ctx) -> dict[str, object]:
    from smlib.checks.p3 import monitored
    r = monitored(ctx)
    users = r["users"].set_index("platform")
    h = r["headline"]
    daily = r["daily"]
    p1, p2 = ctx.platforms
    name = {"facebook": "Facebook", "instagram": "Instagram", "x": "X"}
    return {"org": ctx.ds.profile.name, "P1": name.get(p1, p1), "P2": name.get(p2, p2),
            "u1": int(users.loc[p1, "users"]), "u2": int(users.loc[p2, "users"]),
            "all": int(h["customer_messages"]), "biz": int(h["business_messages"]),
            "neg": int(h["negative"]), "q": int(h["questions"]), "praise": int(h["praise"]),
            "day": h["busiest_day"],
            "day_n": int(daily.loc[daily["day"].astype(str) == str(h["busiest_day"]),
                                   "by_followers"].iloc[0])}


GOOD_SUMMARIES = [
    "Over the five days {u1} people wrote to {org} on {P1} and {u2} on {P2}. The busiest day "
    "for customers was {day}. There were {neg} complaints and negative comments, and {q} "
    "questions. Most followers are from the UK.",
    "I monitored {P1} and {P2} for five days. {u1} different people posted on {P1} and {u2} on "
    "{P2}. Customers wrote {all} messages in total and the business sent {biz}. {neg} messages "
    "were negative, mostly about delays, but {praise} people gave praise.",
    "{org} got {all} messages from customers on {P1} and {P2} in five days. Most users are "
    "young adults. There were {q} questions, {praise} bits of praise and {neg} complaints. "
    "The number of people who wrote on {P1} was {u1}.",
    "Customers on {P1} and {P2} mostly asked questions ({q} of them) or said thank you. "
    "On the busiest day, {day}, customers sent {day_n} messages. Negative comments: {neg}. "
    "The users are mostly local people.",
    "The users are mainly adults from the UK. On {P1} {u1} users left comments, and on {P2} "
    "there were {u2} users. Out of {all} customer messages, {neg} were negative and they were "
    "about bookings and delays.",
]
BAD_SUMMARIES = [
    # figures with no word for what they count
    "Customers wrote on {P1} and {P2} over the five days. The numbers were {u1}, {u2} and "
    "{neg}. People mostly gave praise and asked questions.",
    "On {P1} the figure was {u1} and on {P2} it was {u2}. Customers talked about bookings and "
    "some were negative, {neg}. Most followers are from the UK.",
    "{P1} and {P2} customers. There were {u1} and {u2}. Complaints about delays {neg}. "
    "People were happy {praise}.",
    "I looked at {P1} and {P2}. The busiest day had {day_n}. There were questions and "
    "complaints from users, {q} and {neg}.",
]


@pytest.mark.parametrize("i", range(len(GOOD_SUMMARIES)))
def test_summary_good_summaries_in_varied_words_pass(ctx, i):
    text = GOOD_SUMMARIES[i].format(**_facts(ctx))
    fb = judge("p3.summary", text, ctx=ctx)
    assert fb.ok, (text, fb.message)


@pytest.mark.parametrize("i", range(len(BAD_SUMMARIES)))
def test_summary_figures_must_say_what_they_count(ctx, i):
    text = BAD_SUMMARIES[i].format(**_facts(ctx))
    fb = judge("p3.summary", text, ctx=ctx)
    assert not fb.ok, text
    assert re.search(r"do(?:es)? not say what (?:it counts|they count)", fb.message), fb.message


def test_summary_of_bare_numbers_does_not_pass(ctx):
    for text in ("120 45 3 2.5", "21 15 8. 19 12 3. 44 34 78."):
        assert not judge("p3.summary", text, ctx=ctx).ok, text


@pytest.mark.parametrize("text, bare", [
    ("There were 21 and 15. 8 people complained on 30 Oct.", ["21", "15"]),
    ("21 people on Facebook and 15 on Instagram; 45% of them were new.", []),
    ("Followers grew from 5,588 to 5,603 and most are aged 35 to 44.", []),
    ("The busiest hour was 8pm on 2026-10-30.", []),
    ("The busiest day was Friday with 13.", ["13"]),
    ("Facebook: 21 users. The share of negative messages was 18%.", []),
])
def test_unlabelled_figures_reads_what_a_figure_counts(text, bare):
    from smlib.checks.p3 import unlabelled_figures
    assert unlabelled_figures(text) == bare
