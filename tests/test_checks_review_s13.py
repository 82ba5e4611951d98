"""The exercise checks on the answers a session-13 review found judged or explained wrongly.

Each test failed on the checks before the fix it names. Facts (the right counts, which message
is highest and what scored it, the age chart) are worked out here with smlib's public functions
or the checks' own helpers, for both practice organisations where the case applies to both.
"""
from __future__ import annotations

import re

import pandas as pd
import pytest

import smlib
from smlib.checks import context_for, judge

ORGS = ("tidy-paws", "lakeside-cinema")


@pytest.fixture(scope="module", params=ORGS)
def ctx(request):
    return context_for(request.param)


def _leaks(message: str, *expected) -> bool:
    for e in expected:
        s = str(e)
        if re.fullmatch(r"\d+", s):
            if re.search(rf"(?<!\d){s}(?!\d)", message):
                return True
        elif s.lower() in message.lower():
            return True
    return False


# --------------------------------------------------------------------------- #8 True/False column

def _negative_mask(ctx):
    ws = smlib.add_sentiment(ctx.window[ctx.window["platform"].astype(str).isin(ctx.platforms)])
    return (ws["sentiment_label"] == "negative") & ~ws["author_is_org"].astype(bool)


def test_a_true_false_column_is_told_to_count_the_true_values(ctx):
    mask = _negative_mask(ctx)
    assert mask.dtype == bool and mask.nunique() == 2
    assert judge("p3.negative", int(mask.sum()), ctx=ctx).ok     # the count of True values is right
    for answer in (mask, mask.to_numpy(), mask.tolist()):
        fb = judge("p3.negative", answer, ctx=ctx)
        assert not fb.ok
        # len() and .nunique() give wrong counts for a True/False column: never suggested alone
        assert ".sum()" in fb.message and "True" in fb.message, fb.message
        assert not re.search(r"for example len\(\) or \.nunique\(\)", fb.message), fb.message
        assert not _leaks(fb.message, int(mask.sum()))
    fb = judge("warmup.business", ctx.frame["author_is_org"].astype(bool), ctx=ctx)
    assert not fb.ok and ".sum()" in fb.message, fb.message
    # a column of numbers still gets the counting hint it had
    fb = judge("p3.negative", pd.Series([3, 4, 5]), ctx=ctx)
    assert not fb.ok and "len()" in fb.message and ".sum()" not in fb.message


# --------------------------------------------------------------------------- #3 D1 negation scope

def _tool_and_platform(ctx):
    """An available tool that covers at least one of the organisation's platforms, and that
    platform's name as learners write it."""
    cov = smlib.tool_coverage(ctx.ds, days=ctx.days).set_index("id")
    cat = smlib.load_tool_catalogue().set_index("id")
    tid = next(t for t in cov.index if cat.loc[t, "status"] == "available"
               and len(cov.loc[t, "platforms_covered"]))
    return str(cat.loc[tid, "name"]), str(cov.loc[tid, "platforms_covered"][0])


# a measure as learners write it (the reasons below must be true of the tool: since the
# session-13 claims fix, "it measures sentiment" for a tool without it is refused)
_MEASURE_WORDS = {"complaints_sentiment": "sentiment", "location": "the location of followers",
                  "age_group": "the age of followers", "themes": "themes", "feedback": "feedback",
                  "number_of_users": "the number of users"}


def test_d1_a_drawback_does_not_cancel_the_next_reason_in_the_sentence(ctx):
    tool, plat = _tool_and_platform(ctx)
    row = smlib.load_tool_catalogue().set_index("name").loc[tool]
    it_measures = _MEASURE_WORDS[row["measures"][-1]]
    for reasons in (f"{tool} is not easy to use but it covers {plat}. It measures {it_measures}.",
                    f"Although it is not easy to use, it covers {plat} and it measures {it_measures}.",
                    f"It is not cheap; it covers {plat}. It also measures {it_measures}."):
        fb = judge("d1.reasons", tool, reasons, ctx=ctx)
        assert fb.ok, (reasons, fb.message)
    # a "not" still covers a list in its own clause: these are reasons against the tool
    for against in (f"It does not measure sentiment, age or location. It covers {plat}.",
                    f"It does not send alerts, but it covers {plat}."):
        fb = judge("d1.reasons", tool, against, ctx=ctx)
        assert not fb.ok and "fewer than two different reasons" in fb.message, (against, fb.message)


# --------------------------------------------------------------------------- #4, #5 M2 reasons

def _ends(ctx):
    from smlib.checks.m2 import _queue
    q = _queue(ctx).sort_values("priority", kind="stable")
    return q.iloc[0], q.iloc[-1]


def _scored(row):
    from smlib.checks.m2 import factors_of
    return [f for f in factors_of(row["reasons"]) if f[1] > 0 and f[0] != "urgent_floor"]


# a plain sentence saying each serious factor is absent
DENIALS = {"safety": "Nobody was hurt", "complaint": "Nobody is complaining",
           "distress": "No one is scared", "legal": "Nobody is going to court",
           "security": "Nothing is a scam", "question": "Nobody is asking a question"}


def test_m2_why_lowest_reads_nobody_a_few_words_back(ctx):
    from smlib.checks.m2 import FACTOR_WORDS
    low, _ = _ends(ctx)
    facs = _scored(low)
    present = {f[0] for f in facs}
    assert "safety" not in present and "distress" not in present
    own = FACTOR_WORDS[facs[0][0]][0]
    for reason in (f"It is only {own} and nobody is in danger, so it can wait.",
                   f"It is {own}. No one is in danger so it can wait.",
                   f"It is just {own} and nobody is upset or hurt."):
        fb = judge("m2.why_lowest", low["message_id"], reason, ctx=ctx)
        assert fb.ok, (reason, fb.message)
    # the danger is still read as claimed when nothing denies it
    fb = judge("m2.why_lowest", low["message_id"], f"It is {own} but someone is in danger.", ctx=ctx)
    assert not fb.ok and "does not contain" in fb.message


def test_m2_why_highest_accepts_every_factor_that_scored_the_message(ctx):
    from smlib.checks.m2 import CLAIM_WORDS, FACTOR_WORDS
    _, top = _ends(ctx)
    facs = _scored(top)
    present = {f[0] for f in facs}
    absent_claims = {w for k, ws in CLAIM_WORDS.items() if k not in present for w in ws}
    assert len(facs) >= 3        # the two largest were the only ones read before
    for k, _, _ in facs:
        word = next(w for w in FACTOR_WORDS[k] if w not in absent_claims and len(w) >= 4)
        reason = f"This message is the most important because of the {word} in it."
        fb = judge("m2.why_highest", top["message_id"], reason, ctx=ctx)
        assert fb.ok, (k, reason, fb.message)


def test_m2_why_highest_short_sentence_is_a_sentence(ctx):
    _, top = _ends(ctx)
    fb = judge("m2.why_highest", top["message_id"], "They are angry.", ctx=ctx)
    assert "list of words" not in fb.message, fb.message
    fb = judge("m2.why_highest", top["message_id"], "angry customer complaint", ctx=ctx)
    assert not fb.ok and "sentence" in fb.message


def test_m2_why_highest_denying_what_scored_it_is_not_a_reason(ctx):
    from smlib.checks.m2 import FACTOR_WORDS
    _, top = _ends(ctx)
    facs = _scored(top)
    main = facs[0][0]
    assert main in DENIALS
    second = next(w for w in FACTOR_WORDS[facs[1][0]] if len(w) >= 4)
    reason = f"{DENIALS[main]}, but the message is about the {second}."
    assert judge("m2.why_highest", top["message_id"], f"The message is about the {second}.",
                 ctx=ctx).ok
    fb = judge("m2.why_highest", top["message_id"], reason, ctx=ctx)
    assert not fb.ok and "not about something" in fb.message, (reason, fb.message)


def test_m2_why_highest_reads_the_evidence_words_as_stems():
    ctx = context_for("tidy-paws")
    _, top = _ends(ctx)
    facs = _scored(top)
    ev = {k: e for k, _, e in facs}
    if "nick" not in ev.get("safety", ""):
        pytest.skip("the highest message's safety evidence is not a nick")
    for reason in ("The dog's ear was nicked during grooming.", "The dog got nicked by the clippers."):
        fb = judge("m2.why_highest", top["message_id"], reason, ctx=ctx)
        assert fb.ok, (reason, fb.message)


# --------------------------------------------------------------------------- #7 P3 age chart

def test_p3_age_never_points_at_the_other_platforms_chart(ctx):
    ages = smlib.monitor(ctx.ds, days=ctx.days, platforms=ctx.platforms)["age"]
    first = ages[ages["platform"] == ctx.platforms[0]].set_index("age_band")["people"]
    other = ages[ages["platform"] == ctx.platforms[1]].set_index("age_band")["people"]
    best = str(first.idxmax())
    assert judge("p3.age", best, ctx=ctx).ok
    wrong = [str(b) for b in first.index if first[b] < first.max()]
    # the case the review found: a smaller bar here is the largest on the other platform
    assert str(other.idxmax()) in wrong
    for band in wrong:
        fb = judge("p3.age", band, ctx=ctx)
        assert not fb.ok and "other platform" not in fb.message, (band, fb.message)
        assert "another age group is bigger" in fb.message and not _leaks(fb.message, best)


# --------------------------------------------------------------------------- #9 M2 group labels

def _categories_with(ctx, wording):
    from smlib.checks.m2 import _picked
    ten = _picked(ctx)
    plain = {"posted_by_business": "posted by the business", "needs_action": "needs action",
             "no_action": "no action"}
    return {int(i): wording.get(c, plain[c]) for i, c in zip(ten["number"], ten["category"].astype(str))}


def test_m2_groups_in_learners_own_words_are_read_the_right_way(ctx):
    short = ctx.ds.profile.slug.replace("-", " ")      # "tidy paws", "lakeside cinema"
    for wording in ({"no_action": "dont reply"}, {"no_action": "doesnt need a reply"},
                    {"needs_action": "the business should reply"},
                    {"needs_action": "reply from business needed"},
                    {"posted_by_business": f"posted by {short}"},
                    {"posted_by_business": f"posted by {ctx.ds.profile.name}"},
                    {"posted_by_business": "business reply"}):
        answer = _categories_with(ctx, wording)
        fb = judge("m2.categories", answer, ctx=ctx)
        assert fb.ok, (wording, fb.message)
    # the organisation's name read as the business does not make every label the business's
    fb = judge("m2.categories", _categories_with(ctx, {"needs_action": f"{short} should reply"}), ctx=ctx)
    assert fb.ok, fb.message


# --------------------------------------------------------------------------- #10 P4 closed tools

def test_p4_closed_reads_the_table_the_notebook_shows(ctx):
    from smlib.tools import catalogue_table
    cat = smlib.load_tool_catalogue()
    table = catalogue_table(cat)
    shut = table[table["Status"].str.contains("closed")]
    assert set(shut["Tool"]) == set(cat.loc[cat["status"] == "closed", "name"])   # the right rows
    for answer in (shut, shut[["Tool"]]):
        fb = judge("p4.closed", answer, ctx=ctx)
        assert fb.ok, fb.message
    for empty in (table[table["Status"] == "gone"], table[table["Status"] == "gone"]["Tool"]):
        fb = judge("p4.closed", empty, ctx=ctx)
        assert not fb.ok and "empty" in fb.message and "matched no" in fb.message, fb.message
    # a table of the wrong rows is still judged, not refused for its shape
    fb = judge("p4.closed", table[table["Status"] == "available"], ctx=ctx)
    assert not fb.ok and "still available" in fb.message


# --------------------------------------------------------------------------- #11, #12 warm-up

def test_warmup_platform_all_is_the_total_row(ctx):
    for total in ("All", "all", " ALL ", "Total"):
        fb = judge("warmup.platform", total, ctx=ctx)
        assert not fb.ok and "total row" in fb.message and "recognise" not in fb.message, fb.message


def test_warmup_row_reads_a_message_described_by_its_parts_or_the_units_words(ctx):
    for good in ("It shows who posted, when, on which platform and what they said.",
                 "Each row is an event on the platform.",
                 "a row is one activity on social media"):
        fb = judge("warmup.row", good, ctx=ctx)
        assert fb.ok, (good, fb.message)
    # a platform, a day or an event elsewhere is still not what one row is
    for bad in ("Each row is a platform.", "One row is one day.", "A row is an event in the calendar."):
        assert not judge("warmup.row", bad, ctx=ctx).ok, bad


# --------------------------------------------------------------------------- #13, #14 P3 counts

def test_p3_negative_does_not_pick_one_of_two_mistakes_that_give_the_same_number(ctx):
    on = ctx.window[ctx.window["platform"].astype(str).isin(ctx.platforms)]
    labels = smlib.add_sentiment(on)["sentiment_label"]
    is_org = on["author_is_org"].astype(bool)
    right = int(((labels == "negative") & ~is_org).sum())
    with_business = int((labels == "negative").sum())                 # the business's own too
    every = smlib.add_sentiment(ctx.customers)["sentiment_label"]
    all_platforms = int((every == "negative").sum())                   # every platform's customers
    assert with_business != right and all_platforms != right
    fb = judge("p3.negative", with_business, ctx=ctx)
    assert not fb.ok and "business wrote itself" in fb.message and not _leaks(fb.message, right)
    fb = judge("p3.negative", all_platforms, ctx=ctx)
    assert not fb.ok and "other than the two" in fb.message and not _leaks(fb.message, right)
    if with_business == all_platforms:   # lakeside-cinema: both mistakes give one number
        assert "business wrote itself" in fb.message and "may" in fb.message, fb.message
    else:                                # each mistake named on its own, as before
        assert "business" not in fb.message, fb.message


def test_p3_users_platform_tip_only_for_a_number_from_the_other_platform(ctx):
    w = ctx.window
    cust = w[~w["author_is_org"].astype(bool)]
    per = {p: cust[cust["platform"].astype(str) == p] for p in ctx.platforms}
    people = [int(smlib.pseudonymise(per[p])["author_id"].nunique()) for p in ctx.platforms]
    messages = [len(per[p]) for p in ctx.platforms]
    assert judge("p3.users", *people, ctx=ctx).ok
    tip = "platform the task names"
    # messages counted instead of people, on the right platforms: nothing about platforms
    fb = judge("p3.users", *messages, ctx=ctx)
    assert not fb.ok and "every message" in fb.message and tip not in fb.message, fb.message
    # two numbers unrelated to either platform: nothing about platforms either
    odd = [max(people + messages) + 7, max(people + messages) + 11]
    fb = judge("p3.users", *odd, ctx=ctx)
    assert not fb.ok and tip not in fb.message, fb.message
    # a number that is a count for the other platform does get it (a swap among them)
    if people[0] != people[1]:
        fb = judge("p3.users", people[1], people[0], ctx=ctx)
        assert not fb.ok and tip in fb.message and not _leaks(fb.message, *people), fb.message
        fb = judge("p3.users", messages[1], odd[0], ctx=ctx)
        assert not fb.ok and tip in fb.message, fb.message
