"""The exercise checks on written answers, with the near-misses a session-11 review found.

Each case was judged wrongly before: wrong facts or other tools' reasons marked ✓, good answers
marked ✗, a count that let learners sort ten messages by trial and error. Facts (what a tool
covers, which message is highest) are worked out here with smlib's public functions.
"""
from __future__ import annotations

import re

import pandas as pd
import pytest

import smlib
from smlib.checks import context_for, judge
from smlib.errors import DataError

ORG = "tidy-paws"
META = "meta-business-suite"


@pytest.fixture(scope="module")
def ctx():
    return context_for(ORG)


@pytest.fixture(scope="module")
def cov(ctx):
    return smlib.tool_coverage(ctx.ds, days=ctx.days).set_index("id")


@pytest.fixture(scope="module")
def facts(ctx, cov):
    """A platform Meta Business Suite sees, one it misses, and a tool that sees what it misses."""
    seen = list(cov.loc[META, "platforms_covered"])
    plats = list(cov.attrs.get("platforms") or sorted(set(ctx.window["platform"].astype(str))))
    missed = [p for p in plats if p not in seen]
    assert seen and missed, "the practice organisation should have a platform Meta misses"
    other = next(t for t in cov.index if t != META and missed[0] in set(cov.loc[t, "platforms_covered"])
                 and seen[0] in set(cov.loc[t, "platforms_covered"])
                 and str(cov.loc[t, "status"] if "status" in cov else "available") == "available")
    name = smlib.load_tool_catalogue().set_index("id").loc
    return {"seen": seen[0], "missed": missed[0], "other": name[other, "name"],
            "meta": name[META, "name"], "share": float(cov.loc[META, "share_seen"]),
            "other_share": float(cov.loc[other, "share_seen"])}


def ok(key, *values, ctx):
    return judge(key, *values, ctx=ctx)


# ------------------------------------------------------------------ P4 describe: facts are checked

def test_p4_description_with_wrong_coverage_is_not_yet(ctx, facts):
    f = facts
    right = (f"{f['meta']} can see {f['seen']} but it cannot see {f['missed']}, so it misses some "
             f"messages. {f['other']} covers {f['missed']} too, but it costs money.")
    assert ok("p4.describe", right, ctx=ctx).ok
    for wrong in (right.replace(f"can see {f['seen']} but it cannot see {f['missed']}",
                                f"can see {f['missed']}"),
                  right.replace(f"{f['other']} covers", f"{f['other']} cannot see")):
        fb = ok("p4.describe", wrong, ctx=ctx)
        assert not fb.ok and "coverage table" in fb.message, (wrong, fb.message)


def test_p4_description_with_a_made_up_share_is_not_yet(ctx, facts):
    f = facts
    base = (f"{f['meta']} can see {f['seen']} but it cannot see {f['missed']}. It sees {{}} of the "
            f"messages. {f['other']} is more expensive.")
    assert ok("p4.describe", base.format(f"{100 * f['share']:.0f}%"), ctx=ctx).ok
    fb = ok("p4.describe", base.format("3%"), ctx=ctx)
    assert not fb.ok and "3%" in fb.message
    # and the right share is never named in the feedback
    assert f"{100 * f['share']:.0f}%" not in fb.message


# ------------------------------------------------------------------ D1 reasons

def test_d1_reasons_about_another_tool_do_not_count(ctx, facts):
    f = facts
    fb = ok("d1.reasons", f["meta"], f"I recommend {f['other']} instead. {f['other']} sees "
            f"{f['missed']} and measures sentiment.", ctx=ctx)
    assert not fb.ok and "another tool" in fb.message
    # comparing with another tool is fine when the reasons are about the chosen one
    assert ok("d1.reasons", f["meta"], f"{f['meta']} is free, unlike {f['other']}. It sees "
              f"{f['seen']}, where most of the complaints are.", ctx=ctx).ok


def test_d1_percentage_must_be_the_chosen_tools(ctx, facts):
    f = facts
    if abs(f["other_share"] - f["share"]) < 0.05:
        pytest.skip("the two tools see about the same share here")
    text = f"It is free. It sees {{}} of the messages on {f['seen']}."
    assert ok("d1.reasons", f["meta"], text.format(f"{100 * f['share']:.0f}%"), ctx=ctx).ok
    fb = ok("d1.reasons", f["meta"], text.format(f"{100 * f['other_share']:.0f}%"), ctx=ctx)
    assert not fb.ok and "not in the" in fb.message


@pytest.mark.parametrize("text", [
    # true of the tool (since the session-13 claims fix, "it measures sentiment … and it sends
    # alerts" is refused for a tool the catalogue says does neither)
    "It covers {seen}, and it measures the age and location of followers, and it is free.",
    "{meta} is free and covers {seen}, which is where many of the complaints are.",
    "{meta} sees {share}% of messages. It shows the age of followers on {seen}.",
])
def test_d1_good_reasons_in_one_sentence_or_with_a_decimal_pass(ctx, facts, text):
    row = smlib.load_tool_catalogue().set_index("name").loc[facts["meta"]]
    assert {"age_group", "location"} <= set(row["measures"]) and row["cost_band"] == "free"
    share = f"{100 * facts['share']:.1f}"
    fb = ok("d1.reasons", facts["meta"], text.format(**{**facts, "share": share}), ctx=ctx)
    assert fb.ok, fb.message


def test_d1_the_same_reason_twice_is_one_reason(ctx, facts):
    once = f"It is easy to use on {facts['seen']}."
    assert not ok("d1.reasons", facts["meta"], once + " " + once, ctx=ctx).ok
    assert not ok("d1.reasons", facts["meta"], f"It is free. It is free. It is free.", ctx=ctx).ok


# ------------------------------------------------------------------ P3 summary

def test_p3_summary_keyword_list_repeated_is_not_sentences(ctx):
    fb = ok("p3.summary", "Facebook Instagram users people customers complaints 21 15 8. " * 3, ctx=ctx)
    assert not fb.ok and "three sentences" in fb.message
    fb = ok("p3.summary", "Facebook and Instagram had 21 users with a complaint. " * 3, ctx=ctx)
    assert not fb.ok and "three sentences" in fb.message


def test_p3_summary_without_the_f_says_so(ctx):
    fb = ok("p3.summary", "Facebook had {users_1} users and Instagram had {users_2} users. Most "
            "were aged {largest_age_group}. There were {n_negative} complaints about the groom.",
            ctx=ctx)
    assert not fb.ok and "put the letter f" in fb.message


def test_p3_made_up_counts_under_100_are_questioned(ctx):
    from smlib.checks._answers import unknown_figures
    from smlib.checks.p3 import data_figures
    pool = data_figures(ctx)
    flagged = [x for x in range(13, 101) if unknown_figures(f"{x} users", pool)]
    # before: 1 of these 88 counts was questioned (the raw audience table and every share as a
    # plain number made almost any number "in the data"); a count now has to be one
    assert len(flagged) >= 15, flagged
    assert all(not unknown_figures(f"{int(x)} users", pool) for x in pool if 12 < x < 100 and x == int(x))


def test_figures_read_percent_in_words_and_skip_placeholders():
    from smlib.checks._answers import figures
    assert figures("71 percent and 3 per cent") == [("71%", 71.0), ("3%", 3.0)]
    assert figures("{users_1} users") == []


# ------------------------------------------------------------------ M2 reasons

@pytest.fixture(scope="module")
def extremes(ctx):
    q = ctx.scored[ctx.scored["category"].astype(str) == "needs_action"]
    hi = q.sort_values("priority", kind="stable").iloc[-1]
    return hi


def test_m2_highest_reasons_read_as_a_person_would(ctx, extremes):
    from smlib.checks.m2 import factors_of
    top = factors_of(extremes["reasons"])[0][0]
    if top != "safety":
        pytest.skip(f"the highest message's main factor is {top}, not safety")
    hid = extremes["message_id"]
    for good in ("The pet was wounded by the groomer, which is serious.",
                 "Dog came back injured.",                       # short, but a sentence
                 "They can't ignore that the dog was hurt.",     # the "not" is about ignoring
                 "No other message is about a dog getting hurt."):
        fb = ok("m2.why_highest", hid, good, ctx=ctx)
        assert fb.ok, (good, fb.message)
    fb = ok("m2.why_highest", hid, "safety safety safety safety", ctx=ctx)
    assert not fb.ok and "sentence" in fb.message
    assert not ok("m2.why_highest", hid, "Nobody was hurt, it is about a question.", ctx=ctx).ok


def test_m2_lowest_reason_about_the_message_itself_passes(ctx):
    q = ctx.scored[ctx.scored["category"].astype(str) == "needs_action"]
    low = q[q["priority"] == q["priority"].min()]
    praise = low[low["reasons"].map(lambda r: all("praise" in x for x in r))]
    if praise.empty:
        pytest.skip("no lowest message scored for praise only")
    row = praise.iloc[0]
    word = max(re.findall(r"[a-z]{5,}", row["text"].lower()), key=len)
    fb = ok("m2.why_lowest", row["message_id"], f"The customer is just showing us the {word}, so "
            "it is not urgent.", ctx=ctx)
    assert fb.ok, fb.message
    assert ok("m2.why_lowest", row["message_id"], "They like it a lot, so it can wait.", ctx=ctx).ok
    # "not urgent" alone says nothing about the message
    assert not ok("m2.why_lowest", row["message_id"], "It is not urgent at all really.", ctx=ctx).ok


def test_m2_sorting_feedback_gives_no_count_to_search_with(ctx):
    from smlib.checks.m2 import _picked
    ten = _picked(ctx)
    want = dict(zip(ten["number"], ten["category"].astype(str)))
    other = {"needs_action": "no_action", "no_action": "needs_action",
             "posted_by_business": "needs_action"}
    msgs = set()
    for k in (1, 2, 3):
        fb = ok("m2.categories", {**want, **{i: other[want[i]] for i in range(1, k + 1)}}, ctx=ctx)
        assert not fb.ok
        assert not re.search(r"\d", fb.message), fb.message
        msgs.add(fb.message)


# ------------------------------------------------------------------ warm-up, P4 short answers

@pytest.mark.parametrize("text, good", [
    ("A row is what a user posted.", True),
    ("A row is something one customer wrote on one platform at one time", True),
    ("A row is a user who posted", False),
    ("message message message", False),
])
def test_warmup_row(text, good):
    fb = judge("warmup.row", text, org="lakeside-cinema")
    assert fb.ok == good, fb.message


def test_p4_missed_platform_in_a_sentence(ctx, facts):
    assert ok("p4.missed", f"{facts['meta']} can't see {facts['missed']}", ctx=ctx).ok
    assert not ok("p4.missed", f"It can't see {facts['seen']}", ctx=ctx).ok


def test_p4_closed_google_plus_is_not_google_alerts(ctx):
    fb = ok("p4.closed", ["Klout", "Google+"], ctx=ctx)
    assert "Google+" in fb.message and "can't find" in fb.message


@pytest.mark.parametrize("answer", ["100%", "0%", 1, 0])
def test_p4_share_of_all_or_nothing_is_not_called_rounded(ctx, answer):
    fb = ok("p4.coverage", answer, ctx=ctx)
    assert not fb.ok and "rounded" not in fb.message


# ------------------------------------------------------------------ a broken data file

def test_a_broken_tutor_file_is_not_blamed_on_the_learner(monkeypatch, ctx):
    import smlib.checks.p4 as p4

    def broken(*a, **k):
        raise DataError("status must be available, closed or unverified", source="tools.toml",
                        field="tools.klout.status")
    fresh = context_for(ORG)
    fresh.__dict__.pop("_tools", None)
    monkeypatch.setattr("smlib.tools.load_tool_catalogue", broken)
    monkeypatch.setattr(p4, "catalogue", lambda c: broken())
    fb = judge("p4.closed", ["Klout"], ctx=fresh)
    assert "tell your tutor" in fb.message and "tools.toml" in fb.message
    assert "could not read your answer" not in fb.message


# ------------------------------------------------------------------ not stricter than a marker
# (a second review found b987d21 refused many right answers; each phrasing below was refused)

@pytest.mark.parametrize("sentence", [
    "It cannot see TikTok, or the review sites.", "TikTok and reviews are not covered by it.",
    "The customers also use TikTok, which it can't see.", "Messages on TikTok would be missed.",
    "It sees neither TikTok nor reviews.", "It leaves out TikTok.",
    "Tidy Paws would still have to check TikTok and reviews by hand.",
    "It has no fee and sees Facebook and Instagram.", "It sees not only Facebook but also Instagram.",
    "It doesn't only see Facebook, it sees Instagram too.",
    "It would show that 18% of messages were negative.",
])
def test_p4_true_sentences_in_many_wordings_pass(ctx, facts, sentence):
    text = (f"{facts['meta']} is free and sees {facts['seen']}. {sentence} "
            f"{facts['other']} sees more platforms but it is expensive.")
    fb = ok("p4.describe", text.replace("TikTok", facts["missed"].title() if facts["missed"] != "tiktok" else "TikTok"), ctx=ctx)
    assert fb.ok, (sentence, fb.message)


@pytest.mark.parametrize("reasons", [
    "It is free, unlike {other}. It sees Facebook and Instagram, where most messages are.",
    "It is free, so it is cheaper than {other}. It sees Facebook and Instagram.",
    "Not only is it free, it also sees Facebook and Instagram.",
    "It is free and also sees Facebook and Instagram.",
    "It is free. It doesn't see TikTok, and TikTok only had a few messages.",
])
def test_d1_comparisons_and_compound_reasons_pass(ctx, facts, reasons):
    fb = ok("d1.reasons", facts["meta"], reasons.format(**facts), ctx=ctx)
    assert fb.ok, (reasons, fb.message)


def test_p3_own_percentages_are_not_questioned_but_counts_are(ctx):
    base = ("Facebook had 21 users and Instagram had 15 users. Many customers asked questions "
            "about prices. Facebook got {}% of customer messages.")
    assert "57%" not in ok("p3.summary", base.format(57), ctx=ctx).message
    fb = ok("p3.summary", base.replace("21 users", "7,777 users").format(57), ctx=ctx)
    assert not fb.ok and "7,777" in fb.message
