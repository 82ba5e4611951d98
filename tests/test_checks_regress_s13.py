"""Session-13 review #3 (/tmp/review_ex2): regressions in the checks found after today's changes.

1. a negation typed without an apostrophe ("isnt") or with a curly one ("isn’t") was read as the
   opposite claim; 2. a "not" reached across "and"/"as" into the next verb's claim; 3. claims the
   catalogue's notes support were refused (Meta "notifies you", Sprout "free for 30 days",
   "free, but you pay for adverts"), and opinions/hedges were judged ("good value", "easy once
   you have had training"). Every test failed on the checks before the fix; wrong claims are
   still refused, and feedback never gives the catalogue's value.
"""
from __future__ import annotations

import pytest

import smlib
from smlib.checks import judge

ORGS = ("tidy-paws", "lakeside-cinema")
CAT = smlib.load_tool_catalogue().set_index("id")
COVERS = "It covers Facebook, Instagram and TikTok."


def _done(key, *vals, org):
    fb = judge(key, *vals, org=org)
    assert fb.status == "done", (vals, fb.message)
    return fb


def _refused_without_value(key, *vals, org, kind):
    fb = judge(key, *vals, org=org)
    assert fb.status != "done" and kind in fb.message, (vals, fb.message)
    low = fb.message.lower()
    for v in ("free", "199", "usd", "medium", "high", "quote"):
        if v not in " ".join(map(str, vals)).lower():
            assert v not in low, fb.message
    return fb


def _paid(tid):
    r = CAT.loc[tid]
    return r["cost_band"] != "free" and not r["free_tier"]


@pytest.mark.parametrize("org", ORGS)
@pytest.mark.parametrize("neg", ["isnt", "isn\u2019t", "isn\u02bct"])
def test_negation_without_or_with_curly_apostrophe(org, neg):
    assert _paid("hootsuite") and not CAT.loc["meta-business-suite", "alerts"]
    _done("d1.reasons", "Hootsuite", f"Hootsuite {neg} free but it covers Facebook, Instagram "
          "and TikTok. It sends alerts about urgent messages.", org=org)
    _done("d1.reasons", "Meta Business Suite", "It is free and covers Facebook and Instagram. "
          "It doesnt send alerts but staff check it every day.", org=org)
    # the opposite still refused: Meta has a free tier
    _refused_without_value("d1.reasons", "Meta Business Suite", f"It {neg} free. It covers "
                           "Facebook and Instagram, where most messages are.", org=org, kind="cost")


@pytest.mark.parametrize("org", ORGS)
@pytest.mark.parametrize("tool,text", [
    ("Brand24", f"{COVERS} It doesn't cost loads and sends alerts when the business is mentioned."),
    ("Meta Business Suite", "It covers Facebook and Instagram. It doesn't cost anything and shows "
     "the age and location of followers."),
    ("Brand24", f"{COVERS} It is not expensive and shows the themes people talk about."),
    ("Hootsuite", f"Staff won't miss urgent complaints as it sends alerts. {COVERS}"),
    ("Brand24", f"{COVERS} Brand24 is not too expensive and sends alerts when someone mentions it."),
])
def test_not_stops_at_and_verb_or_as(org, tool, text):
    _done("d1.reasons", tool, text, org=org)


@pytest.mark.parametrize("org", ORGS)
def test_not_still_covers_a_list(org):
    assert "age_group" in CAT.loc["meta-business-suite", "measures"]
    _refused_without_value("d1.reasons", "Meta Business Suite", "It covers Facebook and "
                           "Instagram. It is free. It does not measure sentiment, age or location.",
                           org=org, kind="2.1 measures")
    # and a wrong claim after "and" is still judged
    _refused_without_value("d1.reasons", "Meta Business Suite", "It covers Facebook and "
                           "Instagram. It isn't expensive and sends alerts about urgent messages.",
                           org=org, kind="alerts")


@pytest.mark.parametrize("org", ORGS)
@pytest.mark.parametrize("tool,text", [
    ("Meta Business Suite", "It is free. It notifies you when someone comments or messages on "
     "Facebook and Instagram."),
    ("Meta Business Suite", "It covers Facebook and Instagram. You get a notification for every "
     "new message."),
    ("Sprout Social", f"{COVERS} It's free for 30 days."),
    ("Meta Business Suite", "It covers Facebook and Instagram. It is free, but you have to pay "
     "for adverts."),
    ("Brandwatch", f"{COVERS} It is easy to use once you have had training. It sends alerts."),
    ("Sprout Social", f"{COVERS} It is good value and shows the age of followers."),
])
def test_claims_the_catalogue_supports_or_hedged(org, tool, text):
    fb = judge("d1.reasons", tool, text, org=org)
    assert "catalogue does not support" not in fb.message, (text, fb.message)


@pytest.mark.parametrize("org", ORGS)
def test_still_refused_after_claim_fixes(org):
    assert _paid("sprout-social") and int(CAT.loc["brandwatch", "ease_of_use"]) <= 2
    _refused_without_value("d1.reasons", "Sprout Social", f"{COVERS} It is free.", org=org,
                           kind="cost")
    _refused_without_value("d1.reasons", "Brandwatch", f"{COVERS} It is easy to use.", org=org,
                           kind="ease of use")
    _refused_without_value("d1.reasons", "Sprout Social", f"{COVERS} It sends alerts.", org=org,
                           kind="alerts")


# --------------------------------------------------------------------------- 4. P3 "N people"

@pytest.mark.parametrize("org", ORGS)
def test_p3_people_figures_from_followers_age_and_feedback(org):
    from smlib.checks import context_for
    from smlib.checks.p3 import monitored
    ctx = context_for(org)
    r = monitored(ctx)
    fol, age, head = r["followers"], r["age"], r["headline"]
    u = r["users"].set_index("platform")["users"]
    p1, p2 = ctx.platforms[:2]
    base = (f"{int(u[p1])} people wrote on {p1.title()} and {int(u[p2])} on {p2.title()}. "
            f"Most followers are aged 35-44. There were {head['negative']} complaints. ")
    assert judge("p3.summary", base, org=org).ok
    fe = int(fol.set_index("platform").loc[p1, "followers_end"])
    top = age[age["platform"] == p1].sort_values("people").iloc[-1]
    for extra in (f"{int(top['people']):,} people on {p1.title()} are aged {top['age_band']}.",
                  f"{fe:,} people follow the {p1.title()} page.",
                  f"{head['suggestions']} people made suggestions.",
                  f"{head['questions']} people asked questions."):
        fb = judge("p3.summary", base + extra, org=org)
        assert fb.ok, (extra, fb.message)
    # a figure in none of the results is still refused, without the right one
    fb = judge("p3.summary", base + "987654 people follow the page.", org=org)
    assert not fb.ok and str(fe) not in fb.message.replace(",", "")
