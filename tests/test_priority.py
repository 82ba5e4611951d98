"""smlib.prioritise / explain_extremes on small hand-made cases (M2)."""
from __future__ import annotations

import copy
import math

import pandas as pd
import pytest

import smlib
from smlib.priority import (load_priority_rules, load_responses, priority_queue, reason_points,
                            format_wait)
from smlib.schema import Profile, conform_interactions

T0 = pd.Timestamp("2026-01-05 09:00", tz="UTC")  # a Monday


def make(rows: list[dict]) -> pd.DataFrame:
    """Rows with sensible defaults; each dict may set any interactions column."""
    base = []
    for i, r in enumerate(rows):
        d = {"org": "shop", "platform": "x", "message_id": str(i + 1), "created_at": T0,
             "author_id": f"cust{i + 1}", "author_name": f"cust{i + 1}", "author_is_org": False,
             "kind": "mention", "text": ""}
        d.update(r)
        base.append(d)
    return conform_interactions(pd.DataFrame(base))


PROFILE = Profile(slug="shop", name="ShopCo", handles={"x": "ShopCo", "facebook": "ShopCo"})

SAFETY = "There are exposed wires hanging by the tills, a child nearly touched them"
COMPLAINT = "My order arrived broken and the refund still hasn't come. Really disappointed."
QUESTION = "What time do you open on Sunday?"
PRAISE = "Lovely staff in the Leeds shop today, thank you"
CHAT = "Watching the football tonight with my mates"


def by_text(p: pd.DataFrame) -> dict[str, pd.Series]:
    return {r["text"]: r for _, r in p.iterrows()}


def test_ordering_safety_complaint_question_praise_chat():
    f = make([{"text": t} for t in (CHAT, PRAISE, QUESTION, COMPLAINT, SAFETY)]
             + [{"text": "ok", "created_at": T0 + pd.Timedelta(hours=2), "author_id": "x9"}])
    p = by_text(smlib.prioritise(f))
    s, c, q, pr, ch = (p[t]["priority"] for t in (SAFETY, COMPLAINT, QUESTION, PRAISE, CHAT))
    assert s > c > q > pr > ch == 0
    assert [p[t]["category"] for t in (SAFETY, COMPLAINT, QUESTION, PRAISE)] == ["needs_action"] * 4
    assert p[CHAT]["category"] == "no_action"
    assert p[SAFETY]["urgent"] and not p[COMPLAINT]["urgent"] and not p[CHAT]["urgent"]


def test_reasons_add_up_to_priority_everywhere_including_the_cap():
    everything = ("I will call my solicitor: my disabled mum slipped on broken glass and is hurt, "
                  "this is disgusting and nobody answers. When will someone call me? "
                  "Also your 'support' asked me to DM your password")
    f = make([{"text": everything, "author_followers": 250_000, "shares": 2_000},
              {"text": COMPLAINT}, {"text": QUESTION}, {"text": CHAT},
              {"text": "later", "created_at": T0 + pd.Timedelta(days=2)}])
    p = smlib.prioritise(f)
    for _, r in p.iterrows():
        assert sum(reason_points(x) for x in r["reasons"]) == r["priority"], r["reasons"]
        assert 0 <= r["priority"] <= 100
    top = p.iloc[0]
    assert top["priority"] == 100
    raw = sum(reason_points(x) for x in top["reasons"] if "capped" not in x)
    assert raw > 100
    assert any(x.startswith("-") and "capped at the 100-point maximum" in x for x in top["reasons"])


def test_points_match_rules_file_independently():
    rules = load_priority_rules()
    F = rules["factors"]
    # question at T0, now = T0 + 3 h 10 min -> waiting points floor(per_hour * 3.1667)
    f = make([{"text": "Do you sell gift wrap"},
              {"text": "x", "created_at": T0 + pd.Timedelta(minutes=190), "author_id": "z"}])
    r = smlib.prioritise(f).iloc[0]
    wait_pts = min(F["waiting"]["max_points"], math.floor(F["waiting"]["points_per_hour"] * 190 / 60))
    assert r["priority"] == F["question"]["points"] + wait_pts
    assert f"+{wait_pts} waiting 3 h 10 min without a reply" in r["reasons"]


def test_waiting_counts_business_hours_with_a_profile():
    fri = pd.Timestamp("2026-01-09 16:00", tz="UTC")   # Friday 16:00 (London = UTC in January)
    mon = pd.Timestamp("2026-01-12 10:00", tz="UTC")   # Monday 10:00 -> 2 open hours
    f = make([{"text": "Do you sell gift wrap", "created_at": fri}])
    p = smlib.prioritise(f, profile=PROFILE, now=mon).iloc[0]
    per_hour = load_priority_rules()["factors"]["waiting"]["points_per_hour"]
    waiting = [x for x in p["reasons"] if "waiting" in x]
    assert waiting == [f"+{int(per_hour * 2)} waiting 2 days 18 h without a reply "
                       f"(2 h of it in opening hours)"]
    no_profile = smlib.prioritise(f, now=mon).iloc[0]
    assert no_profile["priority"] > p["priority"]  # 66 wall-clock hours score more (until the cap)


def test_now_defaults_to_last_message_not_the_clock():
    f = make([{"text": QUESTION}, {"text": "hi", "created_at": T0 + pd.Timedelta(hours=1)}])
    a = smlib.prioritise(f)
    b = smlib.prioritise(f, now=T0 + pd.Timedelta(hours=1))
    assert a["priority"].tolist() == b["priority"].tolist()
    later = smlib.prioritise(f, now=T0 + pd.Timedelta(hours=5))
    assert later["priority"].iloc[0] > a["priority"].iloc[0]


def test_urgent_reason_is_a_copyable_sentence():
    f = make([{"text": SAFETY, "platform": "facebook"},
              {"text": "x", "created_at": T0 + pd.Timedelta(minutes=190), "author_id": "z"}])
    r = smlib.prioritise(f).iloc[0]
    assert r["urgent_reason"] == ("flagged urgent: reports a safety hazard or someone being hurt "
                                  "on Facebook; waiting 3 h 10 min")


def test_business_posts_and_answered_messages():
    f = make([
        {"text": COMPLAINT, "message_id": "c1"},
        {"text": "So sorry, please DM us", "message_id": "r1", "parent_id": "c1", "author_id": "ShopCo",
         "author_name": "ShopCo", "author_is_org": True, "kind": "reply",
         "created_at": T0 + pd.Timedelta(minutes=30)},
        {"text": COMPLAINT, "message_id": "c2", "author_id": "other"},
    ])
    p = smlib.prioritise(f).set_index("message_id")
    assert p.loc["r1", "category"] == "posted_by_business" and p.loc["r1", "priority"] == 0
    assert p.loc["c1", "handled"] and p.loc["c1", "category"] == "no_action"
    assert p.loc["c1", "priority"] == 0 and "already answered" in p.loc["c1", "reasons"][0]
    assert "30 min" in p.loc["c1", "reasons"][0]
    assert not p.loc["c2", "handled"] and p.loc["c2", "category"] == "needs_action"
    assert p.loc["c1", "suggested_response"] == "" and p.loc["c2", "suggested_response"]


def test_reply_after_now_does_not_count_as_handled():
    f = make([{"text": COMPLAINT, "message_id": "c1"},
              {"text": "Sorry!", "message_id": "r1", "parent_id": "c1", "author_id": "ShopCo",
               "author_is_org": True, "kind": "reply", "created_at": T0 + pd.Timedelta(hours=3)}])
    p = smlib.prioritise(f, now=T0 + pd.Timedelta(hours=1)).set_index("message_id")
    assert not p.loc["c1", "handled"] and p.loc["c1", "category"] == "needs_action"


def test_repeat_contact_and_reach():
    rules = load_priority_rules()["factors"]
    f = make([{"text": QUESTION, "author_id": "same", "created_at": T0 + pd.Timedelta(hours=h)}
              for h in (0, 1, 2)] + [{"text": QUESTION, "author_id": "big", "author_followers": 12_000,
                                      "created_at": T0 + pd.Timedelta(hours=2)}])
    p = smlib.prioritise(f)
    third, big = p.iloc[2], p.iloc[3]
    rp = min(rules["repeat_contact"]["max_points"], 2 * rules["repeat_contact"]["points_per_message"])
    assert f"+{rp} has contacted the business 3 times (repeat contact)" in third["reasons"]
    assert not any("repeat" in x for x in p.iloc[0]["reasons"])
    assert any(x.startswith("+5 ") and "12,000 followers" in x for x in big["reasons"])
    # repeat contact outside the window does not count
    far = make([{"text": QUESTION, "author_id": "same"},
                {"text": QUESTION, "author_id": "same", "created_at": T0 + pd.Timedelta(days=5)}])
    assert not any("repeat" in x for x in smlib.prioritise(far).iloc[1]["reasons"])


def test_spam_needs_no_action_but_scam_needs_reporting():
    f = make([{"text": "follow back for follow! check my profile"},
              {"text": "Claim your refund now: https://shopco-refunds.xyz/claim", "author_id": "ShopCo_Help",
               "author_name": "ShopCo_Help"}])
    p = smlib.prioritise(f, profile=PROFILE)
    assert p.iloc[0]["category"] == "no_action" and "spam" in p.iloc[0]["reasons"][0]
    scam = p.iloc[1]
    assert scam["category"] == "needs_action" and scam["urgent"]
    assert any("scam" in x for x in scam["reasons"])
    assert "NOT an official ShopCo account" in scam["suggested_response"]


def test_sarcastic_praise_words_in_a_complaint_are_not_praise():
    f = make([{"text": "Great, another delay. Thanks a lot, awful service"}])
    r = smlib.prioritise(f).iloc[0]
    assert any("complaint" in x for x in r["reasons"])
    assert not any("praise" in x for x in r["reasons"])


def test_reviews_are_thanked():
    f = make([{"text": "Visited on Saturday.", "kind": "review", "platform": "reviews"}])
    r = smlib.prioritise(f, profile=PROFILE).iloc[0]
    assert r["category"] == "needs_action"
    assert "review" in r["suggested_response"].lower() and "ShopCo" in r["suggested_response"]


def test_suggested_response_fits_the_situation():
    f = make([{"text": t} for t in (SAFETY, COMPLAINT, QUESTION, PRAISE)]
             + [{"text": QUESTION, "kind": "message", "author_id": "dm"}])
    p = smlib.prioritise(f, profile=PROFILE)
    sits = load_responses()["situations"]
    first_words = {k: " ".join(v["text"].split()[:5]) for k, v in sits.items()}
    for i, sit in enumerate(["safety", "complaint", "question", "praise"]):
        assert p.iloc[i]["suggested_response"].startswith(first_words[sit]), sit
        assert "{" not in p.iloc[i]["suggested_response"]
    assert "send us a private message" in p.iloc[2]["suggested_response"]
    assert "reply here" in p.iloc[4]["suggested_response"]


def test_explain_extremes_picks_from_needs_action_and_pseudonymises():
    f = make([{"text": t, "author_id": f"real_handle_{i}"} for i, t in
              enumerate((CHAT, PRAISE, QUESTION, SAFETY))]
             + [{"text": "x", "author_id": "y", "created_at": T0 + pd.Timedelta(hours=1)}])
    p = smlib.prioritise(f)
    ex = smlib.explain_extremes(p)
    assert ex["highest"][0]["text"] == SAFETY
    assert ex["lowest"][0]["text"] == PRAISE     # the chat needs no action, so it is not "lowest"
    assert ex["highest"][0]["author"].startswith("user-")
    assert "real_handle" not in ex["text"]
    assert "Highest priority" in ex["text"] and "Lowest priority" in ex["text"]
    assert "safety hazard" in ex["text"]


def test_explain_extremes_names_two_different_messages_when_scores_and_times_tie():
    """Three identical complaints at the same minute: both sorts broke the tie on message_id
    ascending, so 'highest' and 'lowest' were the same message."""
    f = make([{"text": COMPLAINT, "author_id": f"c{i}"} for i in range(3)]
             + [{"text": "ok", "author_id": "later", "created_at": T0 + pd.Timedelta(hours=1)}])
    ex = smlib.explain_extremes(smlib.prioritise(f))
    hi, lo = ex["highest"][0], ex["lowest"][0]
    assert hi["priority"] == lo["priority"]
    assert hi["message_id"] != lo["message_id"]
    assert "0 points more" not in ex["text"] and "a tie" in ex["text"]


def test_explain_extremes_with_one_message_needing_action_says_so():
    f = make([{"text": COMPLAINT}, {"text": CHAT, "created_at": T0 + pd.Timedelta(hours=1)}])
    ex = smlib.explain_extremes(smlib.prioritise(f))
    assert len(ex["highest"]) == 1 and ex["lowest"] == []
    assert ex["text"].startswith("Only one message needs action")
    assert "Lowest priority" not in ex["text"] and "points more" not in ex["text"]


def test_priority_queue_sorted_and_inert():
    f = make([{"text": QUESTION + " see https://example.com/x"}, {"text": SAFETY}, {"text": CHAT}])
    q = priority_queue(smlib.prioritise(f))
    assert q["priority"].is_monotonic_decreasing and len(q) == 2
    assert "hxxps://example[.]com" in q.iloc[1]["text"]


def test_input_not_mutated_and_columns_added():
    f = make([{"text": COMPLAINT}])
    before = f.copy()
    p = smlib.prioritise(f)
    pd.testing.assert_frame_equal(f, before)
    for col in ("category", "priority", "reasons", "urgent", "urgent_reason", "suggested_response",
                "handled"):
        assert col in p.columns
    assert p.attrs["priority_notes"]


def test_weights_come_from_the_rules():
    rules = copy.deepcopy(load_priority_rules())
    rules["factors"]["question"]["points"] = 60
    f = make([{"text": QUESTION}, {"text": COMPLAINT}])
    default = smlib.prioritise(f)
    changed = smlib.prioritise(f, rules=rules)
    assert default["priority"].iloc[0] < default["priority"].iloc[1]
    assert changed["priority"].iloc[0] > changed["priority"].iloc[1]


def test_bad_rules_and_bad_input_give_clear_errors(tmp_path):
    bad = tmp_path / "rules.toml"
    bad.write_text('[factors.safety]\npoints = "lots"\nreason = "x"\nwords = ["fire"]\n')
    with pytest.raises(smlib.DataError, match=r"factors\.(safety\.points|distress)"):
        load_priority_rules(bad)
    rules = copy.deepcopy(load_priority_rules())
    rules["factors"]["safety"]["points"] = "lots"
    with pytest.raises(smlib.DataError, match=r"factors\.safety\.points"):
        smlib.prioritise(make([{"text": "x"}]), rules=rules)
    with pytest.raises(smlib.DataError, match="text"):
        smlib.prioritise(pd.DataFrame({"created_at": [T0], "author_is_org": [False]}))


def test_data_files_are_valid():
    rules = load_priority_rules()
    for name, f in rules["factors"].items():
        assert f["reason"].strip(), name
    resp = load_responses()
    sits = resp["situations"]
    assert len(sits) >= 4                      # OSM007: at least four standard responses
    assert len({s["text"] for s in sits.values()}) == len(sits)
    for name in ("safety", "distress", "legal", "complaint", "question", "praise", "security"):
        assert name in sits


def test_format_wait():
    assert format_wait(190) == "3 h 10 min"
    assert format_wait(45) == "45 min"
    assert format_wait(120) == "2 h"
    assert format_wait(60 * 24 + 5) == "1 day 0 h 5 min"


def test_minimal_frame_degrades_gracefully_and_says_so():
    f = pd.DataFrame({"text": [SAFETY, CHAT],
                      "created_at": pd.to_datetime(["2026-01-05 10:00", "2026-01-05 11:00"], utc=True),
                      "author_is_org": [False, False]})
    p = smlib.prioritise(f)
    assert p["category"].astype(str).tolist() == ["needs_action", "no_action"]
    # since session 12 the missing reply columns are filled (analysis_frame), so replies are
    # looked for and, with no reply links, none is found: nothing is marked handled
    assert any(n.startswith("handled:") for n in p.attrs["priority_notes"])
    assert not p["handled"].any()


def test_sentiment_column_in_the_frame_is_used():
    f = make([{"text": "The parcel came."}, {"text": "x", "author_id": "z",
                                            "created_at": T0 + pd.Timedelta(minutes=1)}])
    f["sentiment"] = [-0.9, 0.0]        # e.g. a learner's or another tool's verdict
    r = smlib.prioritise(f).iloc[0]
    assert r["category"] == "needs_action"
    assert any("negative tone: sentiment -0.90" in x for x in r["reasons"])
    assert "taken from the frame" in smlib.prioritise(f).attrs["priority_notes"][0]


def test_queue_keeps_the_organisations_own_handle_but_hides_customers():
    f = make([{"text": "@ShopCo my order is broken, please help", "author_id": "jane_doe", "message_id": "1"},
              {"text": "hello", "author_id": "ShopCo", "author_name": "ShopCo", "author_is_org": True,
               "message_id": "2", "kind": "post"},
              {"text": "ok", "author_id": "z", "message_id": "3", "created_at": T0 + pd.Timedelta(hours=1)}])
    q = priority_queue(smlib.prioritise(f))
    assert q.iloc[0]["text"].startswith("@ShopCo ")
    assert q.iloc[0]["author_id"].startswith("user-")


# ----------------------------------------------------------------------------- round 2 rules
def _sums(r: pd.Series) -> bool:
    return sum(reason_points(x) for x in r["reasons"]) == r["priority"]


def test_distress_words_when_joking_or_thanking_for_past_help_are_not_distress():
    joke = "crying at the end of Paddington 2 again! lol"
    thanks = "your staff were amazing when I felt unwell on the train!"
    film = "Crying at the end of the film again. anyway"
    past = "honestly, your staff were amzaing when i felt unwell on the train!!"  # typo: no praise word
    real = "I'm stuck, it's dark, phone on 4%, on my own"
    thanked_but_still = "Thank you for replying but I'm still stranded at the station and scared"
    past_but_now = "I was scared last night and now I'm stranded again with no money"
    p = by_text(smlib.prioritise(make([{"text": t} for t in (joke, thanks, film, past, real,
                                                             thanked_but_still, past_but_now)]),
                                 profile=PROFILE))
    for t in (joke, thanks, film, past):
        assert not p[t]["urgent"]
        assert not any("distress or who may be vulnerable" in x for x in p[t]["reasons"])
        assert _sums(p[t])
    assert p[joke]["category"] == "no_action" and p[film]["category"] == "no_action"  # sad tone is not a complaint
    # the thank-you is still thanked, and the reasons say why "unwell" did not count
    assert p[thanks]["category"] == "needs_action"
    assert any(x.startswith("0 distress words not counted") and "unwell" in x for x in p[thanks]["reasons"])
    for t in (real, thanked_but_still, past_but_now):  # must still be urgent distress
        assert p[t]["urgent"] and any("distress" in x for x in p[t]["reasons"]) and _sums(p[t])


def test_injuries_to_people_or_animals_count_as_safety():
    nick = "My schnauzer came back with a nick on his ear after his groom"
    paw = "The groomer cut her paw and nobody told me"
    burn = "My son burned his hand on the hot tap in your toilets"
    haircut = "What a lovely cut, he looks so smart"
    price = "Have you cut the price of the large bag?"
    p = by_text(smlib.prioritise(make([{"text": t} for t in (nick, paw, burn, haircut, price)])))
    for t in (nick, paw, burn):
        assert p[t]["urgent"] and p[t]["reasons"][0].startswith("+40 reports a safety hazard"), t
    for t in (haircut, price):
        assert not any("safety" in x for x in p[t]["reasons"]) and not p[t]["urgent"], t
    # the injury outranks a plain complaint
    assert p[nick]["priority"] > smlib.prioritise(make([{"text": COMPLAINT}])).iloc[0]["priority"]


def test_chat_and_spam_are_no_action_but_praise_of_the_business_is_thanked():
    chat = ["can't wait for the weekend!", "😍😍😍", "@sam_b you'd love this place, so lovely",
            "What a beautiful sunny day!"]
    spam = ["Grow your followers fast! DM me for promo", "check my page for amazing deals",
            "Want to earn passive income? Inbox me"]
    praise = ["Love your new menu!", PRAISE, "The staff at the Leeds branch were brilliant",
              "@ShopCo thanks for sorting my order so quickly"]
    request = "Can you DM me about my order please?"
    p = by_text(smlib.prioritise(make([{"text": t} for t in chat + spam + praise + [request]]),
                                 profile=PROFILE))
    for t in chat + spam:
        assert p[t]["category"] == "no_action" and p[t]["priority"] == 0, t
    for t in spam:
        assert "spam" in p[t]["reasons"][0], t
    for t in praise:
        assert p[t]["category"] == "needs_action" and any("praise" in x for x in p[t]["reasons"]), t
    assert p[request]["category"] == "needs_action"  # "DM me" alone is a request, not spam
    assert p[request]["reasons"][0].startswith("+12 asks a question")


def test_new_word_lists_are_checked(tmp_path):
    rules = copy.deepcopy(load_priority_rules())
    rules["factors"]["praise"]["thank_you_words"] = "thanks"
    with pytest.raises(smlib.DataError) as e:
        smlib.prioritise(make([{"text": "hi"}]), rules=rules)
    assert "thank_you_words" in str(e.value)


def test_urgent_messages_always_rank_above_the_others():
    """A scam link aimed at customers (urgent: security) scored 41, 24th in Northway Rail's queue
    under ordinary complaints, while the report says urgent items come before anything else.
    An urgent message is now raised to urgent_threshold with a reason of its own, so the reasons
    still add up and urgent exactly means a priority at or above the threshold."""
    scam = ("Congratulations! You have been selected for a £500 ShopCo voucher, claim here "
            "https://shopco-rewards-uk.co/win before midnight")
    angry = ("Absolutely furious, third time my order arrived broken, the refund still hasn't come "
             "and nobody answers. Worst service ever. Is anyone there?")
    f = make([{"text": scam, "author_id": "fake1"}, {"text": angry},
              {"text": "hi", "created_at": T0 + pd.Timedelta(days=3), "author_id": "later"}])
    p = smlib.prioritise(f, profile=PROFILE)
    need = p[p["category"] == "needs_action"]
    thr = load_priority_rules()["scale"]["urgent_threshold"]
    assert need["urgent"].any() and (~need["urgent"]).any()
    assert need.loc[need["urgent"], "priority"].min() >= thr > need.loc[~need["urgent"], "priority"].max()
    for _, r in need.iterrows():
        assert sum(reason_points(x) for x in r["reasons"]) == r["priority"]
    lifted = [x for x in p.loc[p["text"] == scam, "reasons"].iloc[0] if "urgent, so raised" in x]
    assert len(lifted) == 1 and lifted[0].endswith(f"({thr})")
    assert priority_queue(p)["text"].iloc[0].startswith("Congratulations")
    assert smlib.explain_extremes(p)["highest"][0]["text"].startswith("Congratulations")


def test_the_lift_to_urgent_is_not_a_reason_a_learner_must_name():
    from smlib.checks.m2 import factors_of
    from smlib.priority import URGENT_FLOOR
    facs = factors_of(["+25 possible scam, fake account or security risk: report it (claim here)",
                       f"+29 {URGENT_FLOOR} (70)", "+16 waiting 1 day"])
    assert ("urgent_floor", 29, "70") in facs


def test_cut_me_off_is_not_an_injury():
    """'They put me on hold for an hour then cut me off' was the highest priority of the airline
    tweets as '+40 reports a safety hazard (cut me)' (a session 10 run of real exports): a phrasal
    verb ('cut me off', 'cut her short'), not an injury. An injury still counts."""
    f = make([{"text": "They put me on hold for an hour then cut me off"},
              {"text": "Cut her short mid sentence, rude"},
              {"text": "The broken shelf cut me badly"}])
    p = smlib.prioritise(f)
    safety = [any("safety hazard" in r for r in rs) for rs in p["reasons"]]
    assert safety == [False, False, True]


def test_disabled_is_vulnerable_only_about_a_person_or_their_needs():
    """Session 10's real-export run: "with uBlock disabled", "the button is disabled" and "my
    account is disabled" were urgent as "a customer in distress or who may be vulnerable" (twcs
    holds 23 "disabled", most about settings). Now only a person or their needs count."""
    texts = {"with uBlock disabled neither works": False,
             "my account is disabled, help": False,
             "you disabled my ability to reply": False,
             "it's disabled in settings": False,
             "I am disabled and need help to board": True,
             "I’m registered disabled and the lift is broken": True,
             "the disabled toilet was locked again": True,
             "my disabled son couldn't get on the bus": True,
             "she has a disability and nobody helped": True,
             # someone else's disability, as people write it (a review of session 11's rule)
             "My wife is disabled and the lift is broken": True,
             "my son is disabled and nobody helped him off the train": True,
             "As a disabled woman I was left on the platform": True,
             "my mum's disabled and needs help": True,
             "My mother-in-law is disabled": True, "my son who is disabled": True,
             "My friend was disabled from posting on your page": False,
             "as a disabled account holder, no access": False}
    assert vulnerable(texts) == texts


def vulnerable(texts) -> dict[str, bool]:
    """For each text: does prioritise give it the distress / vulnerable reason?"""
    p = smlib.prioritise(make([{"text": t} for t in texts]))
    return dict(zip(texts, [any("may be vulnerable" in r for r in rs) for rs in p["reasons"]]))


def test_sayings_with_a_distress_word_are_not_distress():
    """'fall on deaf ears', 'tone deaf' and 'my phone died' are not about a vulnerable person
    (factor ``not_in``); the same words about a person still count."""
    texts = {"My complaints keep falling on deaf ears": False,
             "What a tone deaf advert": False,
             "my phone died while I was on hold for an hour": False,
             "I'm deaf and can't use your phone line": True,
             "my dad died and I need to close his account": True}
    assert vulnerable(texts) == texts


def test_not_in_phrases_work_for_any_factor_and_are_checked():
    rules = copy.deepcopy(load_priority_rules())
    rules["factors"]["complaint"]["not_in"] = ["no problem"]
    p = smlib.prioritise(make([{"text": "No problem at all, thanks"},
                               {"text": "Another problem with my order"}]), rules=rules)
    complaint = [any("complaint that needs" in r for r in rs) for rs in p["reasons"]]
    assert complaint == [False, True]
    rules["factors"]["complaint"]["not_in"] = "no problem"        # a string, not a list
    with pytest.raises(smlib.DataError, match="not_in"):
        smlib.priority.check_priority_rules(rules)
    rules["factors"]["complaint"]["not_in"] = ["*"]
    with pytest.raises(smlib.DataError, match="not_in"):
        smlib.priority.check_priority_rules(rules)


def _reasons_with(texts, phrase: str) -> dict[str, bool]:
    p = smlib.prioritise(make([{"text": t} for t in texts]))
    return dict(zip(texts, [any(phrase in r for r in rs) for rs in p["reasons"]]))


def test_a_plea_or_doing_it_alone_is_not_distress_but_being_alone_somewhere_is():
    """A notebook run on a real support file ranked "I need this song in my life! Please help
    me!" highest as distress (+35, urgent, with a 999/Samaritans reply), and "I figured it out on
    my own 🙄" too. A plea is a request; "on my own" counts only about being alone somewhere."""
    texts = {"I need this song in my life! Please help me!": False,
             "I figured it out on my own 🙄": False,
             "Great, I did it on my own in the end, thanks": False,
             "I'm on my own with three kids and the last train is cancelled": True,
             "I'm stuck at York on my own and it's dark": True,
             "I live on my own and my heating is broken": True}
    assert vulnerable(texts) == texts
    # the plea still needs action, as a request
    assert _reasons_with(["I need this song in my life! Please help me!"], "request") == {
        "I need this song in my life! Please help me!": True}


def test_recall_is_a_product_recall_not_remembering():
    texts = {"can't recall when I pressed play, the app froze": False,
             "I don't recall agreeing to this contract": False,
             "If I recall correctly you promised a refund": False,
             "Is my kettle one of the recalled ones?": True,
             "They said they'd never heard of the recall": True}
    assert _reasons_with(texts, "safety hazard") == texts


def test_thanks_in_advance_signs_off_a_request_it_is_not_praise():
    """"Need further assistance … Thanks in advance!" was the lowest priority "+5 praise" with a
    thank-you-for-your-kind-words reply; it is a request."""
    p = smlib.prioritise(make([{"text": "Need further assistance with my order 1234. Thanks in advance!"},
                               {"text": "Thanks so much, the staff were brilliant"}]))
    first, second = p["reasons"].iloc[0], p["reasons"].iloc[1]
    assert not any("praise" in r for r in first) and any("request" in r for r in first)
    assert any("praise" in r for r in second)
    assert p["category"].astype(str).tolist() == ["needs_action", "needs_action"]


def test_emergency_numbers_follow_the_organisations_country():
    """The distress and safety replies gave every file the UK's 999 and Samaritans, also the
    American airline tweets (no profile). The numbers now come from [help_lines] by the
    profile's home country; without one the person replying fills them in."""
    import dataclasses
    f = make([{"text": "I'm on my own with three kids and the last train is cancelled"},
              {"text": "There is a gas leak on platform 2"}])
    none = smlib.prioritise(f)["suggested_response"].tolist()
    assert all("999" not in r and "Samaritans" not in r for r in none)
    assert all("[the local emergency number]" in r for r in none)
    gb = smlib.load_profile("northway-rail")
    assert gb.home_country == "GB"
    uk = smlib.prioritise(f, profile=gb)["suggested_response"].tolist()
    assert "999" in uk[0] and "Samaritans on 116 123" in uk[0] and "999" in uk[1]
    us = smlib.prioritise(f, profile=dataclasses.replace(gb, home_country="US"))["suggested_response"]
    assert "911" in us.iloc[0] and "988" in us.iloc[0] and "999" not in us.iloc[0]


@pytest.mark.parametrize("lines", ['[help_lines.GB]\nemergency = "999"\n',
                                   '[help_lines.GB]\nemergency = "999"\nsupport = ""\n',
                                   'help_lines = "999"\n'])
def test_a_broken_help_lines_section_is_a_clear_error(tmp_path, lines):
    from smlib.priority import load_responses
    from smlib.paths import data_file
    text = data_file("responses.toml").read_text(encoding="utf-8")
    start = text.index("[help_lines.GB]")
    end = text.index("[situations.safety]")
    p = tmp_path / "responses.toml"
    p.write_text(text[:start] + lines + "\n" + text[end:], encoding="utf-8")
    with pytest.raises(smlib.DataError, match="help_lines") as e:
        load_responses(p)
    assert "responses.toml" in str(e.value)


def test_struggling_with_an_app_and_loan_adverts_are_not_urgent():
    """A second review: "I'm still struggling with this … music is regularly disappearing" was
    urgent distress, and "Need a loan today? No credit checks! Whatsapp the number on my profile"
    second in the queue as a complaint and a question."""
    texts = {"I'm still struggling with this, music is regularly disappearing": False,
             "Really struggling with the app today": False,
             "I'm struggling to cope since my husband died": True,
             "I'm really struggling, I can't pay the rent": True}
    assert vulnerable(texts) == texts
    p = smlib.prioritise(make([{"text": "Need a loan today? No credit checks! Whatsapp the number on my profile"},
                               {"text": "Want free phone credit? Click the link in my profile!!!"}]))
    assert p["category"].astype(str).tolist() == ["no_action", "no_action"]
    assert all(any("spam" in r for r in rs) for rs in p["reasons"])


def test_a_thanks_that_signs_off_a_question_is_not_praise():
    """"Is it open on Sunday? Thanks" scored +12 question and +5 "praise to thank the customer
    for", so every polite enquiry looked like praise in M2's reasons (and themes.toml already
    said it is not praise). Thanking *for* something, other praise words, or a thanks on its
    own still count; the setting turns the rule off."""
    polite = ["Is it open on Sunday? Thanks", "Could you DM me the link please, thank you",
              "Where is my order? Cheers"]
    kept = ["Thank you for the quick reply! Can I also change my seat?",
            "Brilliant service, thanks! Can I book again for Friday?",
            "Thanks again, when does the sale start?", "Thanks",
            # gratitude that also asks something (own-diff review): the thanks is not a sign-off
            "Massive thanks to Dave at the Leeds branch. Could you pass on my thanks?",
            "Thank you to the driver on the 8:15 who waited for me. Can you pass this on?",
            "Thanks! Your staff were so patient and kind with my dad. Could you let them know?",
            "Thank you, I'd like to say your driver Sam was a star"]
    p = by_text(smlib.prioritise(make([{"text": t} for t in polite + kept])))
    for t in polite:
        assert p[t]["category"] == "needs_action"
        assert p[t]["reasons"][0].startswith("+12 asks a question"), p[t]["reasons"]
        assert not any("praise" in r for r in p[t]["reasons"]), (t, p[t]["reasons"])
    for t in kept:
        assert any(r.startswith("+5 praise") for r in p[t]["reasons"]), (t, p[t]["reasons"])
    rules = copy.deepcopy(load_priority_rules())
    rules["factors"]["praise"]["sign_off_is_not_praise"] = False
    old = by_text(smlib.prioritise(make([{"text": polite[0]}]), rules=rules))
    assert any(r.startswith("+5 praise") for r in old[polite[0]]["reasons"])


def test_engagement_bait_is_spam_not_a_question():
    """"Who wants to learn how I quit my 9-5? Comment YES" was in Hopewell Trust's Needs action
    (its question mark) and one of notebook 03's two needs_action examples."""
    bait = ["Who wants to learn how I quit my 9-5? Comment YES 👇",
            "My side hustle pays more than my job, who wants financial freedom?"]
    # the same words without a call to act on them are real messages (own-diff review)
    real = ["Is the shop open on Sunday?",
            "I run a small side hustle selling cakes, do I need a food licence from the council?",
            "Can I park at the station if I'm working my side hustle at weekends? Ticket machine broken",
            "Loved the be your own boss workshop at the library! When is the next one?"]
    p = by_text(smlib.prioritise(make([{"text": t} for t in bait + real])))
    for t in bait:
        assert p[t]["category"] == "no_action" and "spam" in p[t]["reasons"][0], p[t]["reasons"]
    for t in real:
        assert p[t]["category"] == "needs_action", (t, p[t]["reasons"])
