"""Unit tests of the exercise check functions (smlib.checks) on a small hand-made dataset.

Expected values are worked out here with plain Python over ROWS (independently of smlib).
Every test of a wrong answer also checks that the feedback never contains the expected value.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from smlib.checks import DONE, NOT_STARTED, NOT_YET, TASKS, Context, judge
from smlib.checks._answers import age_band, as_number, is_blank, platform_code
from smlib.schema import Dataset, Profile, conform_interactions, new_load_summary

PROFILE = Profile(slug="hand", name="Hand Groomers", sector="dog grooming",
                  handles={"instagram": "@hand", "facebook": "Hand Groomers", "x": "@hand"})

# November 2026: London time == UTC. Activity on every day 2-8 Nov; the default five
# monitoring days are 4, 5, 6, 7, 8 Nov.
# id, platform, created (UTC), author, is_org, kind, text, sentiment label
ROWS = [
    # before the monitoring days
    ("i0", "instagram", "2026-11-02 10:00", "biz", True, "post", "Max after his bath", "positive"),
    ("i01", "instagram", "2026-11-02 11:00", "g", False, "comment", "So cute", "positive"),
    ("i02", "instagram", "2026-11-03 11:00", "h", False, "comment", "bad cut", "negative"),
    ("f0", "facebook", "2026-11-02 12:00", "Hand Groomers", True, "post", "Open late today", "neutral"),
    ("f01", "facebook", "2026-11-02 13:00", "p", False, "comment", "great", "positive"),
    ("f02", "facebook", "2026-11-03 13:00", "q", False, "comment", "bad", "negative"),
    ("f03", "facebook", "2026-11-03 14:00", "r", False, "comment", "awful", "negative"),
    # monitoring days: instagram, customers a a a b f f f (7 messages, 3 people)
    ("i1", "instagram", "2026-11-04 09:00", "biz", True, "post", "Bath day", "neutral"),
    ("i2", "instagram", "2026-11-04 18:00", "a", False, "comment", "My dog came home with a cut on his ear", "negative"),
    ("i3", "instagram", "2026-11-04 18:30", "b", False, "comment", "Love this", "positive"),
    ("i4", "instagram", "2026-11-05 18:10", "a", False, "comment", "Still waiting for an answer", "negative"),
    ("i5", "instagram", "2026-11-06 18:10", "a", False, "comment", "Hello?", "neutral"),
    ("i6", "instagram", "2026-11-06 18:20", "f", False, "comment", "cute", "positive"),
    ("i7", "instagram", "2026-11-07 18:20", "f", False, "comment", "lovely", "positive"),
    ("i8", "instagram", "2026-11-08 18:20", "f", False, "comment", "nice", "positive"),
    # facebook, customers c c c d m n (6 messages, 4 people)
    ("f1", "facebook", "2026-11-05 12:00", "Hand Groomers", True, "post", "Open on Saturday", "neutral"),
    ("f2", "facebook", "2026-11-05 18:20", "c", False, "comment", "Do you clip nails?", "neutral"),
    ("f3", "facebook", "2026-11-06 18:40", "d", False, "review", "Terrible service", "negative"),
    ("f4", "facebook", "2026-11-06 19:50", "c", False, "comment", "Thanks", "positive"),
    ("f5", "facebook", "2026-11-06 20:50", "c", False, "comment", "ok", "neutral"),
    ("f6", "facebook", "2026-11-07 18:50", "m", False, "comment", "meh", "neutral"),
    ("f7", "facebook", "2026-11-08 18:50", "n", False, "comment", "Rude staff", "negative"),
    # x, customers e s t (3 messages, 3 people)
    ("x1", "x", "2026-11-06 18:00", "e", False, "mention", "@hand great job", "positive"),
    ("x2", "x", "2026-11-06 18:05", "s", False, "mention", "@hand no reply again", "negative"),
    ("x3", "x", "2026-11-08 17:00", "t", False, "mention", "@hand slow replies", "negative"),
    ("x4", "x", "2026-11-08 17:30", "biz", True, "reply", "Sorry, looking now", "neutral"),
]
DAYS = ["2026-11-04", "2026-11-05", "2026-11-06", "2026-11-07", "2026-11-08"]
COLUMNS = ("message_id", "platform", "created_at", "author_id", "author_is_org", "kind", "text",
           "sentiment_label")


def make_dataset() -> Dataset:
    df = pd.DataFrame([dict(zip(COLUMNS, r)) for r in ROWS])
    df["org"] = "hand"
    df["created_at"] = pd.to_datetime(df["created_at"], utc=True)
    inter = conform_interactions(df)
    summ = new_load_summary("hand-made", len(inter))
    summ["rows_kept"] = len(inter)
    aud = pd.DataFrame({
        "org": "hand", "platform": ["instagram"] * 3 + ["facebook"] * 2 + ["instagram"] * 3
        + ["facebook"] * 2,
        "date": pd.to_datetime(["2026-11-08"] * 10, utc=True),
        "dimension": ["age_band"] * 5 + ["country"] * 5,
        "value": ["18-24", "25-34", "35-44", "35-44", "45-54", "GB", "IE", "US", "GB", "FR"],
        "count": [30, 50, 20, 10, 40, 80, 15, 5, 40, 10]})
    for c in ("org", "platform", "dimension"):
        aud[c] = aud[c].astype("category")
    aud["date"] = aud["date"].astype("datetime64[ns, UTC]")
    return Dataset(interactions=inter, audience=aud, profile=PROFILE, load_summary=summ)


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context(org="hand", ds=make_dataset(), days_given=DAYS)


# ---------------------------------------------------------------- plain-Python expectations
def in_window(r) -> bool:
    return r[2][:10] in DAYS


N_ROWS = len(ROWS)
N_BUSINESS = sum(1 for r in ROWS if r[4])


def users(platform: str, window: bool = True, with_org: bool = False) -> int:
    return len({r[3] for r in ROWS if r[1] == platform and (in_window(r) or not window)
                and (with_org or not r[4])})


def no_leak(fb, *expected) -> None:
    """The feedback message never contains an expected value."""
    for e in expected:
        s = str(e)
        if re.fullmatch(r"\d+", s):
            assert not re.search(rf"(?<!\d){s}(?!\d)", fb.message), (fb.message, s)
        else:
            assert s.lower() not in fb.message.lower(), (fb.message, s)


def test_hand_made_values_are_distinct():
    """Guard: wrong answers we test for must not collide with the right one."""
    assert len({users("instagram"), users("instagram", with_org=True), users("instagram", window=False),
                sum(1 for r in ROWS if r[1] == "instagram" and in_window(r) and not r[4])}) == 4
    assert N_ROWS not in (N_BUSINESS, N_ROWS - N_BUSINESS, len(COLUMNS))


# ---------------------------------------------------------------- answer readers
@pytest.mark.parametrize("value, expected", [
    (42, 42.0), (np.int64(42), 42.0), (" 42 ", 42.0), ("1,234", 1234.0), ("12%", 12.0),
    (np.float32(0.5), 0.5), (True, None), ("forty", None), (None, None), (float("nan"), None)])
def test_as_number(value, expected):
    assert as_number(value) == expected


@pytest.mark.parametrize("value", [None, ..., "", "  ", "...", "YOUR ANSWER HERE",
                                   "\nYOUR ANSWER HERE\n", {1: ..., 2: ...}, [], [...]])
def test_blank_answers(value):
    assert is_blank(value)


@pytest.mark.parametrize("value", [0, "x", {1: "no action", 2: ...}, ["Klout"], np.int64(0)])
def test_not_blank(value):
    assert not is_blank(value)


def test_platform_and_age_spellings():
    assert [platform_code(v) for v in ("Twitter", " X ", "Insta", "IG", "Face book", "tik tok")] == \
        ["x", "x", "instagram", "instagram", "facebook", "tiktok"]
    assert platform_code("myspace") is None
    assert [age_band(v) for v in ("25 to 34", "25 – 34", "25-34 year olds", "65 +", "65 and over")] == \
        ["25-34", "25-34", "25-34", "65+", "65+"]


# ---------------------------------------------------------------- the framework
def test_every_task_says_not_started_for_blank_answers(ctx):
    for key, t in TASKS.items():
        for blank in (..., None, "   "):
            fb = judge(key, *([blank] * len(t.answers)), ctx=ctx)
            assert fb.status == NOT_STARTED, (key, fb)
            assert "Not yet done" in str(fb) and "Traceback" not in str(fb)


def test_unknown_org_is_refused_without_loading_anything():
    fb = judge("warmup.rows", 3, org="northway-rail")
    assert fb.status == NOT_YET and "practice organisations" in fb.message


def test_a_judge_that_crashes_gives_a_friendly_message(ctx):
    broken = Context(org="hand", ds=Dataset(interactions=pd.DataFrame({"x": [1]})), days_given=DAYS)
    fb = judge("warmup.rows", 3, ctx=broken)
    assert fb.status == NOT_YET and "could not read" in fb.message


def test_check_reads_answers_from_the_callers_namespace(monkeypatch, ctx):
    import smlib.checks._context as c
    monkeypatch.setattr(c, "context_for", lambda org: ctx)
    from smlib.checks import check
    ns = {"check": check, "org": "tidy-paws"}
    exec("fb = check('warmup.rows')", ns)
    assert ns["fb"].status == NOT_STARTED and "'n_messages'" in ns["fb"].message
    ns["n_messages"] = N_ROWS
    exec("fb = check('warmup.rows')", ns)
    assert ns["fb"].status == DONE, ns["fb"]


def test_feedback_display():
    from smlib.checks import Feedback
    ok = Feedback("k", "Task", DONE, "well done.")
    assert str(ok).startswith("✓") and "<b>✓</b>" in ok._repr_html_()
    bad = Feedback("k", "Task", NOT_YET, "a <b> tag")
    assert "&lt;b&gt;" in bad._repr_html_()


# ---------------------------------------------------------------- warm-up
def test_warmup_rows(ctx):
    assert judge("warmup.rows", N_ROWS, ctx=ctx).ok
    assert judge("warmup.rows", np.int64(N_ROWS), ctx=ctx).ok
    assert judge("warmup.rows", f" {N_ROWS} ", ctx=ctx).ok
    fb = judge("warmup.rows", len(ctx.ds.interactions.columns), ctx=ctx)
    assert fb.status == NOT_YET and "columns" in fb.message
    no_leak(fb, N_ROWS)
    for near in (N_ROWS - 1, N_ROWS + 1):  # no "out by one": that narrows it to two numbers
        fb = judge("warmup.rows", near, ctx=ctx)
        assert not fb.ok and "out by one" not in fb.message
        no_leak(fb, N_ROWS)
    fb = judge("warmup.rows", "lots", ctx=ctx)
    assert "whole number" in fb.message


def test_warmup_business(ctx):
    assert judge("warmup.business", N_BUSINESS, ctx=ctx).ok
    fb = judge("warmup.business", N_ROWS - N_BUSINESS, ctx=ctx)
    assert not fb.ok and "customers" in fb.message
    no_leak(fb, N_BUSINESS)
    posts = sum(1 for r in ROWS if r[4] and r[5] == "post")
    assert posts != N_BUSINESS
    fb = judge("warmup.business", posts, ctx=ctx)
    assert not fb.ok and "one kind of message" in fb.message
    no_leak(fb, N_BUSINESS)


def test_warmup_platform(ctx):
    counts = pd.Series([r[1] for r in ROWS]).value_counts()
    best = counts.idxmax()
    assert counts["instagram"] == counts["facebook"] == counts.max()  # a tie: either is right
    for spelling in ("instagram", " Instagram ", "INSTA", "ig", "Facebook"):
        assert judge("warmup.platform", spelling, ctx=ctx).ok, spelling
    fb = judge("warmup.platform", "twitter", ctx=ctx)
    assert not fb.ok and "another platform" in fb.message
    no_leak(fb, best)
    assert "not a number" in judge("warmup.platform", 12, ctx=ctx).message
    assert "no messages on that platform" in judge("warmup.platform", "tiktok", ctx=ctx).message
    assert "recognise" in judge("warmup.platform", "myspace", ctx=ctx).message


def test_warmup_hour(ctx):
    hours = pd.Series([int(r[2][11:13]) for r in ROWS]).value_counts()
    best = int(hours.idxmax())
    assert best == 18 and (hours == hours.max()).sum() == 1
    for v in (18, np.int64(18), "18", "18:00", "6pm", "6 pm"):
        assert judge("warmup.hour", v, ctx=ctx).ok, v
    fb = judge("warmup.hour", 6, ctx=ctx)
    assert not fb.ok and "24-hour" in fb.message
    no_leak(fb, best)
    fb = judge("warmup.hour", 10, ctx=ctx)
    assert not fb.ok and "not the tallest" in fb.message
    no_leak(fb, best)
    assert "0 to 23" in judge("warmup.hour", "teatime", ctx=ctx).message


def test_warmup_row(ctx):
    assert judge("warmup.row", "Each row is one message posted on a platform.", ctx=ctx).ok
    assert judge("warmup.row", "a single comment or review by someone", ctx=ctx).ok
    fb = judge("warmup.row", "Each row is one customer of the business.", ctx=ctx)
    assert not fb.ok and "not a person" in fb.message
    assert "own words" in judge("warmup.row", "msg", ctx=ctx).message


# ---------------------------------------------------------------- P3
def customers(platforms, window=True):
    return [r for r in ROWS if r[1] in platforms and not r[4] and (in_window(r) or not window)]


def test_p3_platforms_are_the_two_busiest_for_customers(ctx):
    counts = pd.Series([r[1] for r in customers({"instagram", "facebook", "x"})]).value_counts()
    assert ctx.platforms == list(counts.index[:2]) == ["instagram", "facebook"]


def test_p3_users_right(ctx):
    a, b = users("instagram"), users("facebook")
    assert (a, b) == (3, 4)
    assert judge("p3.users", a, b, ctx=ctx).ok
    assert judge("p3.users", np.int64(a), f" {b} ", ctx=ctx).ok
    fb = judge("p3.users", b, a, ctx=ctx)  # swapped: "wrong way round" would give both away
    assert not fb.ok and "wrong way round" not in fb.message


@pytest.mark.parametrize("wrong, phrase", [
    (lambda: len(customers({"instagram"})), "every message, not every person"),
    (lambda: users("instagram", with_org=True), "business's own account"),
    (lambda: users("instagram", window=False), "outside the five monitoring days"),
    (lambda: len({r[3] for r in customers({"instagram", "facebook", "x"})}), "more than one platform"),
])
def test_p3_users_common_mistakes(ctx, wrong, phrase):
    fb = judge("p3.users", wrong(), users("facebook"), ctx=ctx)
    assert fb.status == NOT_YET and phrase in fb.message and "platform 1" in fb.message
    assert "platform 2" not in fb.message
    no_leak(fb, users("instagram"), users("facebook"))


def test_p3_busiest_day(ctx):
    per_day = pd.Series([r[2][:10] for r in customers({"instagram", "facebook"})]).value_counts()
    best = per_day.idxmax()
    assert best == "2026-11-06" and (per_day == per_day.max()).sum() == 1
    for v in (best, "Friday", "fri", pd.Timestamp(best), pd.Timestamp(best).date(), "6/11/2026"):
        assert judge("p3.busiest_day", v, ctx=ctx).ok, v
    fb = judge("p3.busiest_day", "2026-11-03", ctx=ctx)
    assert "not one of the five" in fb.message
    fb = judge("p3.busiest_day", "2026-11-05", ctx=ctx)
    assert not fb.ok and "another monitoring day" in fb.message
    no_leak(fb, best, "friday")
    assert "date" in judge("p3.busiest_day", 6, ctx=ctx).message
    assert "none of the five" in judge("p3.busiest_day", "Tuesday", ctx=ctx).message


def test_p3_busiest_day_counting_business_messages():
    """A day that is busiest only because of the business's own posts gets its own message."""
    rows = ROWS + [(f"b{i}", "instagram", f"2026-11-05 08:0{i}", "biz", True, "post", "x", "neutral")
                   for i in range(6)]
    df = pd.DataFrame([dict(zip(COLUMNS, r)) for r in rows]).assign(org="hand")
    df["created_at"] = pd.to_datetime(df["created_at"], utc=True)
    ds = make_dataset().replace(interactions=conform_interactions(df))
    c = Context(org="hand", ds=ds, days_given=DAYS)
    fb = judge("p3.busiest_day", "2026-11-05", ctx=c)
    assert not fb.ok and "business's own messages" in fb.message


def test_p3_negative(ctx):
    two = customers({"instagram", "facebook"})
    right = sum(1 for r in two if r[7] == "negative")
    assert right == 4
    assert judge("p3.negative", right, ctx=ctx).ok
    cases = {
        sum(1 for r in customers({"instagram", "facebook"}, window=False) if r[7] == "negative"):
            "outside the five monitoring days",
        len(two): "every customer message",
        sum(1 for r in two if r[7] == "positive"): "positive",
        sum(1 for r in customers({"instagram", "facebook", "x"}) if r[7] == "negative"):
            "other than the two",
    }
    assert len(cases) == 4 and right not in cases
    for wrong, phrase in cases.items():
        fb = judge("p3.negative", wrong, ctx=ctx)
        assert fb.status == NOT_YET and phrase in fb.message, (wrong, fb)
        no_leak(fb, right)
    fb = judge("p3.negative", 0.31, ctx=ctx)
    assert "share or a percentage" in fb.message


def test_p3_negative_counting_business_messages():
    rows = ROWS + [("bneg", "facebook", "2026-11-06 09:00", "Hand Groomers", True, "reply",
                    "Sorry, that is awful", "negative")]
    df = pd.DataFrame([dict(zip(COLUMNS, r)) for r in rows]).assign(org="hand")
    df["created_at"] = pd.to_datetime(df["created_at"], utc=True)
    c = Context(org="hand", ds=make_dataset().replace(interactions=conform_interactions(df)),
                days_given=DAYS)
    fb = judge("p3.negative", 5, ctx=c)
    assert not fb.ok and "business wrote itself" in fb.message


def test_p3_age(ctx):
    assert judge("p3.age", "25-34", ctx=ctx).ok
    assert judge("p3.age", "25 to 34 year olds", ctx=ctx).ok
    fb = judge("p3.age", "45-54", ctx=ctx)   # the other platform's largest: that chart is not shown
    assert not fb.ok and "other platform" not in fb.message
    no_leak(fb, "25-34")
    fb = judge("p3.age", "18-24", ctx=ctx)
    assert not fb.ok and "another age group" in fb.message
    no_leak(fb, "25-34")
    assert "not in the chart" in judge("p3.age", "65+", ctx=ctx).message
    assert "labels" in judge("p3.age", "young people", ctx=ctx).message


def test_p3_location(ctx):
    # instagram (platform 1): GB 80 (home), IE 15, US 5; facebook: GB 40, FR 10
    assert judge("p3.location", 20, ctx=ctx).ok
    assert judge("p3.location", "20", ctx=ctx).ok
    cases = {80: "inside the home country", 100: "every follower", 10: "platform 2",
             30: "both platforms"}
    for wrong, phrase in cases.items():
        fb = judge("p3.location", wrong, ctx=ctx)
        assert fb.status == NOT_YET and phrase in fb.message, (wrong, fb)
        no_leak(fb, 20)
    assert "share or a percentage" in judge("p3.location", 0.2, ctx=ctx).message


GOOD_SUMMARY = ("Over the five days 7 people wrote to Hand Groomers on Instagram and Facebook. "
                "Most users are aged 25-34 on Instagram. Friday was the busiest day. "
                "There were 4 complaints, mostly about rude staff, and one question about nails.")


def test_p3_summary(ctx):
    assert judge("p3.summary", GOOD_SUMMARY, ctx=ctx).ok
    fb = judge("p3.summary", "It was busy. It was happy there. Lots of posts were made.", ctx=ctx)
    assert not fb.ok
    for phrase in ("name the platforms", "no figures", "who the users are"):
        assert phrase in fb.message
    fb = judge("p3.summary", "Instagram and Facebook had 13 messages from customers.", ctx=ctx)
    assert "three sentences" in fb.message and "talked about" in fb.message
    # grammar and spelling are never judged
    sloppy = GOOD_SUMMARY.lower().replace("people", "ppl").replace(".", ".  ")
    assert judge("p3.summary", sloppy, ctx=ctx).ok


# ---------------------------------------------------------------- M2
# The expected categories and priorities are smlib.prioritise's (tested in its own module);
# these tests check what the feedback says for right and wrong answers.
from smlib.checks import m2 as m2mod  # noqa: E402


def _ten(ctx):
    t = m2mod._picked(ctx)
    return dict(zip(t["number"], t["category"].astype(str)))


def test_m2_ten_messages_show_no_answers(ctx):
    shown = m2mod.ten_messages(ctx=ctx)
    assert list(shown.columns) == ["platform", "who", "kind", "text"]
    assert len(shown) == min(10, len(ctx.scored))
    assert not shown["who"].isin(["a", "b", "c", "d"]).any()  # customers are pseudonymised
    assert set(shown.attrs["keys"]) == set(shown.index)


def test_m2_categories(ctx):
    want = _ten(ctx)
    spoken = {BUS: "Posted by the business", ACT: "needs action ", NON: "No action"} \
        if (BUS := "posted_by_business") and (ACT := "needs_action") and (NON := "no_action") else {}
    right = {n: spoken[c] for n, c in want.items()}
    assert judge("m2.categories", right, ctx=ctx).ok
    assert judge("m2.categories", [right[n] for n in sorted(right)], ctx=ctx).ok
    assert judge("m2.categories", {str(n): v for n, v in right.items()}, ctx=ctx).ok
    # one business post put with "needs action"
    n_bus = next(n for n, c in want.items() if c == BUS)
    fb = judge("m2.categories", {**right, n_bus: "needs action"}, ctx=ctx)
    assert not fb.ok and "wrote itself is not in its own group" in fb.message
    assert "not every message" in fb.message and f"message {n_bus}" not in fb.message
    # one message needing action marked as no action
    n_act = next(n for n, c in want.items() if c == ACT)
    fb = judge("m2.categories", {**right, n_act: "no action"}, ctx=ctx)
    assert "should respond to is marked as needing no action" in fb.message
    assert f"message {n_act}" not in fb.message
    if NON in want.values():
        n_non = next(n for n, c in want.items() if c == NON)
        fb = judge("m2.categories", {**right, n_non: "action"}, ctx=ctx)
        assert "needs no response is marked as needing action" in fb.message
    fb = judge("m2.categories", {**right, n_act: "maybe"}, ctx=ctx)
    assert "can't read the group" in fb.message
    fb = judge("m2.categories", {**right, n_act: ...}, ctx=ctx)
    assert "have no group yet" in fb.message
    assert "dictionary" in judge("m2.categories", "needs action", ctx=ctx).message


def _queue(ctx):
    q = ctx.scored[ctx.scored["category"].astype(str) == "needs_action"]
    return q.sort_values(["priority", "message_id"])


def test_m2_highest_and_lowest(ctx):
    q = _queue(ctx)
    top, low = q.iloc[-1], q.iloc[0]
    assert top["priority"] > low["priority"]
    assert judge("m2.highest", top["message_id"], ctx=ctx).ok
    assert judge("m2.highest", f" {top['message_id']} ", ctx=ctx).ok
    assert judge("m2.lowest", low["message_id"], ctx=ctx).ok
    fb = judge("m2.highest", low["message_id"], ctx=ctx)
    assert not fb.ok and "higher priority" in fb.message
    no_leak(fb, top["message_id"])
    fb = judge("m2.lowest", top["message_id"], ctx=ctx)
    assert not fb.ok and "lower priority" in fb.message
    biz = ctx.scored[ctx.scored["category"].astype(str) == "posted_by_business"].iloc[0]
    assert "posted by the business" in judge("m2.highest", biz["message_id"], ctx=ctx).message
    none = ctx.scored[ctx.scored["category"].astype(str) == "no_action"].iloc[0]
    assert "does not need action" in judge("m2.lowest", none["message_id"], ctx=ctx).message
    assert "can't find" in judge("m2.highest", "nope", ctx=ctx).message


def test_m2_why_highest_needs_the_factor_that_scored_it(ctx):
    top = _queue(ctx).iloc[-1]
    factors = m2mod.factors_of(top["reasons"])
    assert factors and factors[0][1] > 0
    main = factors[0][0]
    good = f"It is the most important because it is a {main.replace('_', ' ')} " + \
        " ".join(m2mod.FACTOR_WORDS[main][:2])
    assert judge("m2.why_highest", top["message_id"], good, ctx=ctx).ok
    present = {f[0] for f in factors}
    other = next(k for k in ("legal", "security", "safety", "distress") if k not in present)
    fb = judge("m2.why_highest", top["message_id"],
               f"It is top because of {' and '.join(m2mod.FACTOR_WORDS[other][:3])}.", ctx=ctx)
    assert not fb.ok and "did not make this message score highly" in fb.message
    fb = judge("m2.why_highest", top["message_id"], "It is the top one on the list.", ctx=ctx)
    assert not fb.ok and "does not say what made" in fb.message
    low = _queue(ctx).iloc[0]
    fb = judge("m2.why_highest", low["message_id"], good, ctx=ctx)
    assert not fb.ok and "first find" in fb.message


def test_m2_why_lowest(ctx):
    low = _queue(ctx).iloc[0]
    main = m2mod.factors_of(low["reasons"])[0][0]
    text = f"It can wait: it is only about {m2mod.FACTOR_WORDS[main][0]} and nothing else."
    assert judge("m2.why_lowest", low["message_id"], text, ctx=ctx).ok
    fb = judge("m2.why_lowest", low["message_id"], "Because it is the bottom row.", ctx=ctx)
    assert not fb.ok and "less important" in fb.message


def test_m2_labels_are_read_kindly():
    assert m2mod.read_label("Needs_Action") == "needs_action"
    assert m2mod.read_label(" posted by the business ") == "posted_by_business"
    assert m2mod.read_label("NO ACTION!") == "no_action"
    assert m2mod.read_label("later") is None


# ---------------------------------------------------------------- P4 and D1
# Expected values come from the catalogue (data/tools.toml) and smlib.tool_coverage on the
# hand-made data (instagram, facebook and x).
from smlib.checks import p4 as p4mod  # noqa: E402


def _cov(ctx):
    return p4mod.coverage(ctx).set_index("id")


def test_p4_tool_names_are_read_kindly(ctx):
    cat = p4mod.catalogue(ctx)
    assert p4mod.tool_id(" meta business suite ", cat) == "meta-business-suite"
    assert p4mod.tool_id("Sprout", cat) == "sprout-social"
    assert p4mod.tool_id("KLOUT", cat) == "klout"
    assert p4mod.tool_id("Myspace", cat) is None
    text = "Hootsuite is good but Meta Business Suite is free; YouTube is not used."
    assert p4mod.tools_named(text, cat) == {"hootsuite", "meta-business-suite"}


def test_p4_closed(ctx):
    cat = p4mod.catalogue(ctx)
    closed = list(cat.loc[cat["status"] == "closed", "name"])
    available = cat.loc[cat["status"] == "available", "name"].iloc[0]
    assert judge("p4.closed", closed, ctx=ctx).ok
    assert judge("p4.closed", ", ".join(c.lower() for c in closed), ctx=ctx).ok
    fb = judge("p4.closed", closed + [available], ctx=ctx)
    assert not fb.ok and "still available" in fb.message
    fb = judge("p4.closed", [available], ctx=ctx)
    assert "missing from your list" in fb.message
    for name in closed:
        no_leak(fb, name)
    if (cat["status"] == "unverified").any():
        unv = cat.loc[cat["status"] == "unverified", "name"].iloc[0]
        assert "unverified" in judge("p4.closed", closed + [unv], ctx=ctx).message
    assert "can't find" in judge("p4.closed", ["Myspace"], ctx=ctx).message


def test_p4_coverage_share(ctx):
    row = _cov(ctx).loc[p4mod.COVERAGE_TOOL]
    # independent count: Meta Business Suite sees only the organisation's own accounts on
    # facebook and instagram: posts, comments, replies and DMs there (not mentions or reviews)
    window = [r for r in ROWS if in_window(r)]
    seen = [r for r in window if r[1] in ("facebook", "instagram")
            and r[5] in ("post", "comment", "reply", "message")]
    assert (row["messages_seen"], row["messages_total"]) == (len(seen), len(window))
    share = len(seen) / len(window)
    assert judge("p4.coverage", share, ctx=ctx).ok
    assert judge("p4.coverage", f"{100 * share:.0f}%", ctx=ctx).ok
    assert judge("p4.coverage", round(100 * share, 1), ctx=ctx).ok
    fb = judge("p4.coverage", len(seen), ctx=ctx)
    assert not fb.ok and "number of messages" in fb.message
    no_leak(fb, f"{share:.2f}", f"{100 * share:.0f}")
    insta = row["share_instagram"]
    if abs(insta - share) > 0.01:
        msg = judge("p4.coverage", insta, ctx=ctx).message
        # when the Instagram share happens to equal the urgent share, either diagnosis is true
        same_as_urgent = abs(insta - row["share_urgent"]) <= 0.01
        assert "one platform" in msg or (same_as_urgent and "urgent" in msg)
    assert "number" in judge("p4.coverage", "lots", ctx=ctx).message


def test_p4_missed_platform(ctx):
    assert judge("p4.missed", "Twitter", ctx=ctx).ok  # x is not covered by Meta Business Suite
    fb = judge("p4.missed", "Instagram", ctx=ctx)
    assert not fb.ok and "does cover" in fb.message
    assert "no messages on that platform" in judge("p4.missed", "tiktok", ctx=ctx).message


GOOD_P4 = ("Meta Business Suite is free and shows the age of followers on Instagram and Facebook, "
           "but it cannot see X. Hootsuite can see 90% of messages and sends alerts, but it costs "
           "money.")


def test_p4_describe(ctx):
    assert judge("p4.describe", GOOD_P4, ctx=ctx).ok
    fb = judge("p4.describe", "Hootsuite is good. It is great for the business.", ctx=ctx)
    assert not fb.ok
    for phrase in ("at least two tools", "cannot do", "organisation's own data"):
        assert phrase in fb.message
    fb = judge("p4.describe", GOOD_P4 + " Klout would also be useful to see influence.", ctx=ctx)
    assert "closed down as if" in fb.message
    ok = judge("p4.describe", GOOD_P4 + " Klout closed in 2018 so it is not an option.", ctx=ctx)
    assert ok.ok


def test_d1_tool(ctx):
    assert judge("d1.tool", "Hootsuite", ctx=ctx).ok
    fb = judge("d1.tool", "Klout", ctx=ctx)
    assert not fb.ok and "closed down" in fb.message
    cat = p4mod.catalogue(ctx)
    if (cat["status"] == "unverified").any():
        unv = cat.loc[cat["status"] == "unverified", "name"].iloc[0]
        assert "could confirm" in judge("d1.tool", unv, ctx=ctx).message
    assert "does not cover any platform" in judge("d1.tool", "YouTube Studio", ctx=ctx).message
    assert "can't find" in judge("d1.tool", "Myspace", ctx=ctx).message


def test_d1_reasons(ctx):
    good = ("Hootsuite sees Instagram, Facebook and X, which is where the customers are. "
            "It also sends alerts so urgent complaints are answered quickly.")
    assert judge("d1.reasons", "Hootsuite", good, ctx=ctx).ok
    fb = judge("d1.reasons", "Hootsuite", "It is the best tool.", ctx=ctx)
    assert not fb.ok and "fewer than two different reasons" in fb.message
    assert "organisation's own data" in fb.message
    fb = judge("d1.reasons", "Meta Business Suite",
               "It sees our X account where most customers are. It is also free.", ctx=ctx)
    assert not fb.ok and "does not cover" in fb.message
    fb = judge("d1.reasons", "Klout", good, ctx=ctx)
    assert not fb.ok and "closed down" in fb.message


def test_d1_weights(ctx):
    from smlib.checks.d1 import COST_FIRST
    from smlib.tools import score_tools
    cov = p4mod.coverage(ctx)
    cat = p4mod.catalogue(ctx).set_index("id")

    def best(weights):  # independent of recommend_tool: highest total among available tools
        from smlib.tools import load_tool_settings
        st = load_tool_settings()
        sc = score_tools(cov, {**st.weights, **weights}, st.band_scores)
        sc = sc[sc["status"] == "available"].sort_values(["total", "id"], ascending=[False, True])
        return sc["id"].iloc[0]

    usual, cost_first = best({}), best(COST_FIRST)
    assert judge("d1.weights", cat.loc[cost_first, "name"], ctx=ctx).ok
    if usual != cost_first:
        fb = judge("d1.weights", cat.loc[usual, "name"], ctx=ctx)
        assert not fb.ok and "starting weights" in fb.message
        no_leak(fb, cat.loc[cost_first, "name"])
    assert "never recommends" in judge("d1.weights", "Klout", ctx=ctx).message


# ---------------------------------------------------------------- robustness
WEIRD = [pd.Series([1, 2]), pd.DataFrame({"a": [1]}), np.array([3, 4]), object(), {"x": 1},
         [1, "a"], -5, 10**9, "🙂", b"bytes", pd.Timestamp("2020-01-01"), float("inf")]


@pytest.mark.parametrize("key", sorted(TASKS))
def test_any_kind_of_answer_gives_feedback_not_a_crash(ctx, key):
    n = len(TASKS[key].answers)
    for value in WEIRD:
        fb = judge(key, *([value] * n), ctx=ctx)
        assert fb.status in (NOT_YET, DONE), (key, value, fb)
        assert fb.message and "Traceback" not in fb.message
        assert "could not read" not in fb.message, (key, value, fb)


@pytest.mark.parametrize("module", ["smlib.checks", "smlib.checks._answers"])
def test_docstring_examples(module):
    import doctest
    import importlib
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_no_feedback_on_a_wrong_number_contains_the_right_one(ctx):
    """Sweep wrong answers around each right number: the message never shows the right one."""
    right = {"warmup.rows": N_ROWS, "warmup.business": N_BUSINESS, "warmup.hour": 18,
             "p3.negative": 4}
    for key, value in right.items():
        for wrong in range(max(0, value - 6), value + 7):
            if wrong == value:
                continue
            fb = judge(key, wrong, ctx=ctx)
            assert fb.status == NOT_YET, (key, wrong)
            no_leak(fb, value)
    a, b = users("instagram"), users("facebook")
    for wa in range(0, 12):
        for wb in range(0, 12):
            fb = judge("p3.users", wa, wb, ctx=ctx)
            if (wa, wb) != (a, b):
                assert fb.status == NOT_YET
                no_leak(fb, a, b)


def test_broken_settings_file_gives_a_message_not_a_traceback(monkeypatch):
    import smlib.checks._core as core

    def broken():
        raise ValueError("bad toml")
    monkeypatch.setattr(core, "settings", broken)
    fb = judge("warmup.rows", 3)
    assert fb.status == NOT_YET and "data/exercises.toml" in fb.message
