"""smlib.themes: the keyword file, tagging on hand-made messages, and discovery of new themes."""
from __future__ import annotations

import math
import re
from collections import Counter

import pandas as pd
import pytest

import smlib
from smlib import DataError
from smlib import themes as T
from smlib.sentiment import clean_text


def test_bundled_theme_file_is_valid():
    ths = T.read_themes()
    keys = [t.key for t in ths]
    assert len(keys) == len(set(keys)) >= 10
    for needed in ("delays", "staff", "price_refunds", "faults", "delivery", "booking_online",
                   "cleanliness", "safety", "lost_property", "praise"):
        assert needed in keys
    for t in ths:
        assert t.label and t.keywords
        assert all(k == k.lower() for k in t.keywords)


# each message written to hit one theme and only that one
ONE_THEME = [
    ("My 08:15 was cancelled", "delays"),
    ("The driver was really rude to my mum", "staff"),
    ("I want my money back for the broken kettle", None),  # two themes, checked below
    ("Still no reply to my e-mail", "contact"),
    ("The toilets were filthy", None),
    ("Where is my parcel? Tracking says nothing", "delivery"),
    ("Your website keeps logging me out", "booking_online"),
    ("Left my wallet on the bus", "lost_property"),
    ("Someone tried to scam me pretending to be you", "safety"),
    ("Thank you, brilliant afternoon", "praise"),
]


@pytest.mark.parametrize("text,theme", [x for x in ONE_THEME if x[1]])
def test_single_theme_messages(text, theme):
    out = smlib.add_themes(pd.DataFrame({"text": [text]}))
    assert out["themes"][0] == [theme]
    assert out["primary_theme"][0] == theme


def test_messages_with_two_themes():
    out = smlib.add_themes(pd.DataFrame({"text": ["I want my money back for the broken kettle",
                                                  "The toilets were filthy"]}))
    assert out["themes"][0] == ["price_refunds", "faults"]
    assert out["themes"][1] == ["comfort", "cleanliness"]


def test_several_themes_and_primary_by_count_then_file_order():
    ths = {"a": {"label": "A", "keywords": ["late"]},
           "b": {"label": "B", "keywords": ["refund*", "money back"]}}
    df = pd.DataFrame({"text": ["late, refund please, I want my money back", "late and refund", "nothing here", None]})
    out = smlib.add_themes(df, themes=ths)
    assert out["themes"].tolist() == [["a", "b"], ["a", "b"], [], []]
    assert out["primary_theme"].tolist() == ["b", "a", "none", "none"]


def test_whole_words_stems_numbers_and_short_forms():
    ths = {"x": {"label": "X", "keywords": ["cancel*", "for <n> hours", "does not work", "app"]}}
    hit = lambda t: smlib.add_themes(pd.DataFrame({"text": [t]}), themes=ths)["themes"][0] == ["x"]
    assert hit("it got cancelled") and hit("waited for 3 hours") and hit("waited for two hours")
    assert hit("it doesn't work") and hit("the app")
    assert not hit("happy days")
    assert not hit("it was uncancelled")   # stems match from the start of a word only
    assert not hit("my apple")


def test_praise_is_only_given_to_positive_messages():
    df = pd.DataFrame({"text": ["Thanks for nothing, the train was late", "Thanks, brilliant service",
                                "Is the cafe open on Sunday? Thanks"]})
    scored = smlib.add_sentiment(df)
    assert scored["sentiment_label"].tolist() == ["negative", "positive", "neutral"]
    out = smlib.add_themes(scored)
    assert "praise" not in out["themes"][0] and "delays" in out["themes"][0]
    assert out["primary_theme"][0] == "delays"
    assert "praise" in out["themes"][1]
    assert out["themes"][2] == [] and out["primary_theme"][2] == "none"
    # without sentiment the keywords decide ("thanks for nothing" is praise by keyword alone),
    # but a plain "thanks" signing off a question is politeness either way (smlib.signoff)
    plain = smlib.add_themes(df)["themes"]
    assert "praise" in plain[0] and "praise" in plain[1]
    assert "praise" not in plain[2]


def test_add_themes_does_not_mutate_and_keeps_index():
    df = pd.DataFrame({"text": ["late", "rude staff"]}, index=[10, 20])
    before = df.copy()
    out = smlib.add_themes(df)
    pd.testing.assert_frame_equal(df, before)
    assert list(out.index) == [10, 20]


def test_fast_index_agrees_with_plain_regex_search():
    texts = ["Train cancelled again and no reply from customer services", "e-mail sent, no answer",
             "£20 for a sandwich!", "waited for 3 hours at the desk", "wi-fi is down", "the app crashed",
             "my suitcase is missing", "Great staff, thank you", "queueing for ages", "", "refunds?"]
    out = smlib.add_themes(pd.DataFrame({"text": texts}))
    ths = T.read_themes()
    for t, tags in zip(texts, out["themes"]):
        low = clean_text(t)[0].lower()
        assert tags == [th.key for th in ths if th.pattern.search(low)], t


@pytest.mark.parametrize("bad,field", [
    ({"Bad Key": {"label": "x", "keywords": ["a"]}}, "Bad Key"),
    ({"a": {"keywords": ["a"]}}, "a.label"),
    ({"a": {"label": "A", "keywords": []}}, "a.keywords"),
    ({"a": {"label": "A", "keywords": "late"}}, "a.keywords"),
])
def test_bad_theme_definitions_are_clear_errors(bad, field):
    with pytest.raises(DataError) as e:
        smlib.add_themes(pd.DataFrame({"text": ["x"]}), themes=bad)
    assert e.value.field == field


def test_bad_theme_file(tmp_path):
    p = tmp_path / "t.toml"
    p.write_text("[a\nlabel=1", encoding="utf-8")
    with pytest.raises(DataError, match="not valid TOML"):
        T.read_themes(p)


# ------------------------------------------------------------------ discovery

def _window():
    neg = [f"@cust{i} the zorbing ball burst again, awful http://bad.example.com/x" for i in range(4)] + \
          ["the lift is broken, awful", "awful parking, broken barrier"]
    oth = ["lovely day at the park", "is the zorbing open on sunday?", "great lift service", "thanks team"] * 2
    df = pd.DataFrame({"text": neg + oth, "author_id": [f"u{i}" for i in range(len(neg) + len(oth))],
                       "author_is_org": False})
    return smlib.add_sentiment(df)


def test_discover_themes_ranks_terms_typical_of_complaints():
    df = _window()
    assert (df["sentiment_label"][:6] == "negative").all()
    out = smlib.discover_themes(df, top=10, min_count=3)
    assert list(out.columns) == ["term", "negative_messages", "other_messages", "z", "known_theme", "examples"]
    assert out["z"].is_monotonic_decreasing
    row = out.set_index("term").loc["zorbing ball"]
    assert row["negative_messages"] == 4 and row["other_messages"] == 0
    assert row["known_theme"] == ""
    # "zorbing" alone is explained by the higher-ranked phrase and is not repeated
    assert "zorbing" not in set(out["term"])
    awful = out.set_index("term").loc["awful"]
    assert awful["negative_messages"] == 6


def test_discover_themes_z_matches_hand_calculation():
    df = _window()
    out = smlib.discover_themes(df, top=50, min_count=1).set_index("term")
    # independent re-computation for "awful" from document counts
    neg = df["sentiment_label"] == "negative"
    docs = [T._terms(clean_text(t)[0].lower()) for t in df["text"]]
    cn = Counter(w for d, n in zip(docs, neg) if n for w in d)
    co = Counter(w for d, n in zip(docs, neg) if not n for w in d)
    tot = cn + co
    a0, N = 10.0 * len(tot), sum(tot.values())
    pr = a0 * tot["awful"] / N
    nn, no = sum(cn.values()), sum(co.values())
    d = math.log((cn["awful"] + pr) / (nn + a0 - cn["awful"] - pr)) - math.log((co["awful"] + pr) / (no + a0 - co["awful"] - pr))
    z = d / math.sqrt(1 / (cn["awful"] + pr) + 1 / (co["awful"] + pr))
    assert out.loc["awful", "z"] == pytest.approx(round(z, 2))


def test_discover_themes_examples_are_pseudonymised_and_inert():
    out = smlib.discover_themes(_window(), top=10, min_count=3)
    ex = [e for lst in out["examples"] for e in lst]
    assert ex
    assert not any(re.search(r"@cust\d", e) for e in ex)
    assert any("@user-" in e for e in ex)
    assert not any("http://" in e or "bad.example.com" in e for e in ex)


def test_discover_themes_known_theme_and_empty_cases():
    df = smlib.add_sentiment(pd.DataFrame({"text": ["train cancelled, awful"] * 3 + ["nice"] * 3}))
    out = smlib.discover_themes(df, min_count=2)
    rows = out[out["term"].str.contains("cancelled")]
    assert len(rows) and (rows["known_theme"] == "delays").all()
    none_neg = smlib.add_sentiment(pd.DataFrame({"text": ["nice", "lovely"]}))
    assert smlib.discover_themes(none_neg).empty
    with pytest.raises(DataError):
        smlib.discover_themes(pd.DataFrame({"body": ["x"]}))


def test_discovered_phrases_are_written_in_their_examples():
    # "there's no train" used to give the phrase "there's train" (the short word between was
    # dropped first) with no example, since nobody wrote it; contractions were terms too
    texts = ["there's no train again, awful", "awful, there's no train at all",
             "there's no train, awful service", "i don't know, it's awful", "lovely staff"]
    df = smlib.add_sentiment(pd.DataFrame({"text": texts, "author_id": list("abcde"),
                                           "author_is_org": False}))
    out = smlib.discover_themes(df, top=20, min_count=2)
    assert "there's train" not in set(out["term"])
    assert not {"there's", "don't", "it's"} & set(out["term"])
    assert "train" in set(out["term"])


@pytest.mark.parametrize("org", ["northway-rail", "bean-and-leaf", "kelby-council"])
def test_every_discovered_term_has_examples_that_contain_it(org):
    ds = smlib.load_sample(org)
    days = smlib.default_days(ds, n=5)
    msgs = ds.interactions
    window = msgs[msgs["created_at"].dt.tz_convert("Europe/London").dt.date.isin(days)]
    out = smlib.discover_themes(smlib.add_sentiment(window), top=15, min_count=3)
    assert len(out)
    for term, examples in zip(out["term"], out["examples"]):
        assert examples, f"{term!r} has no example"
        pat = re.compile(r"\b" + r"\W+".join(map(re.escape, term.split())) + r"\b")
        assert any(pat.search(e.lower()) for e in examples), (term, examples)


def test_contractions_that_are_also_words_stay_terms():
    # "I'll" and "we'll" are stopwords, but "ill" (a sick pet) and "well" are not written that way
    assert {"ill", "well"} <= T._terms("my dog was ill after the food and not well since")
    assert not {"i'll", "we'll", "ill"} & T._terms("i'll call back, we'll see")


def test_discovered_terms_never_show_customers_names_handles_or_contact_details():
    """Found by the leak audit: terms were counted in the raw text, so a customer who signed
    three complaints or wrote their address in them put 'leakname', 'email zoe' or 'bob' into
    the report's 'Words that stand out in complaints' table, though the examples next to them
    were pseudonymised."""
    neg = [f"@leaky_friend_08 Broken kettle again, awful. Email bob.leakname@mail.example.org or ring "
           f"07700 900{i:03d}. Bob Leakname, see x.com/leaky_customer_{i:02d}" for i in range(4)]
    oth = ["lovely kettle, thanks", "is the shop open on sunday?", "great service team"] * 2
    df = smlib.add_sentiment(pd.DataFrame({
        "text": neg + oth, "author_id": [f"leaky_customer_{i:02d}" for i in range(len(neg) + len(oth))],
        "author_name": ["Bob Leakname"] * 4 + [f"Person {i}" for i in range(len(oth))],
        "author_is_org": False}))
    out = smlib.discover_themes(df, top=30, min_count=3)
    terms = " ".join(out["term"])
    assert "kettle" in terms and "awful" in terms
    friend = smlib.privacy.pseudonym("leaky_friend_08").split("-")[1]   # a pseudonym is no word either
    for part in ("bob", "leakname", "mail", "org", "leaky", "customer", "friend", "user", "phone"):
        assert not re.search(rf"\b{part}\b", terms), part
    assert not any(w in friend for w in terms.split() if re.fullmatch(r"[0-9a-f]+", w)), terms


def test_not_in_phrases_keep_a_keyword_out_of_its_theme():
    """'The lift at Sheffield is out of order' was tagged 'Delivery and orders' for a train company
    (the keyword 'order'): 13 messages in Northway Rail's report, all faults. A theme's not_in
    phrases now stop its keywords counting inside them; other themes still see the phrase."""
    from smlib.themes import match_themes
    assert match_themes("The lift at Sheffield is out of order") == {"faults": ["out of order"]}
    assert "delivery" not in match_themes("I rang in order to get a refund")
    assert match_themes("My order never arrived")["delivery"] == ["order", "never arrived"]
    both = match_themes("Order 4 is out of order and my order is late")
    assert both["delivery"] == ["order", "order"] and both["faults"] == ["out of order"]
    f = smlib.add_themes(pd.DataFrame({"text": ["The ticket machine is out of order again"]}))
    assert "delivery" not in f["themes"].iloc[0] and f["primary_theme"].iloc[0] == "faults"


def test_not_in_is_checked_like_keywords():
    from smlib.themes import _themes_from_dict
    good = {"t": {"label": "T", "keywords": ["order"], "not_in": ["out of order"]}}
    assert _themes_from_dict(good)[0].hits("out of order, order") == ["order"]
    for bad in ("out of order", [""], ["*"], [3]):
        with pytest.raises(smlib.DataError, match="not_in"):
            _themes_from_dict({"t": {"label": "T", "keywords": ["order"], "not_in": bad}})


def test_cant_fault_it_is_praise_not_a_fault():
    """Bean & Leaf's example of 'Product quality and faults' was "Can't fault it: gorgeous brunch
    at Altrincham today!". The faults theme's not_in phrases keep the idiom out."""
    from smlib.themes import match_themes
    for t in ("Can't fault it: gorgeous brunch today!", "Could not fault the service", "couldnt fault them"):
        assert "faults" not in match_themes(t), t
    assert match_themes("The kettle is faulty and I can't fault myself for that")["faults"] == ["faulty"]


@pytest.mark.parametrize("text,wrong", [
    ("Thanks for the feedback, we'll pass it on", "price_refunds"),   # was "fee*"
    ("I feel like the sizing has changed", "price_refunds"),
    ("Grabbed a coffee at Costa before the train", "price_refunds"),   # was "cost*"
    ("Cracking service from the café team", "faults"),                  # was "crack*"
    ("Contactless isn't taken at the gate", "contact"),                 # was "contact*"
    ("The scampi was lovely", "safety"),                                # was "scam*"
    ("stainless steel water bottles are back", "cleanliness"),          # was "stain*"
    ("We're open late every Thursday until 9pm", "delays"),             # "late" in opening hours
    ("Are you open till late on Friday?", "delays"),
    ("your new app is fire", "safety"),                                 # slang
    ("that was rubbish service", "cleanliness"),                        # UK "bad", not litter
    ("the wifi connection keeps dropping", "delays"),                   # was "connection"
    ("I'll deal with it tomorrow", "price_refunds"),
])
def test_keywords_do_not_find_other_words(text, wrong):
    """Stems such as "fee*", "cost*" and "crack*" matched feel, feedback, Costa and "cracking
    service"; the bundled file lists those word forms one by one instead."""
    from smlib.themes import match_themes
    assert wrong not in match_themes(text), match_themes(text)


@pytest.mark.parametrize("text,theme", [
    ("The fees went up again", "price_refunds"), ("I was charged twice", "price_refunds"),
    ("It costs £40 now", "price_refunds"), ("Fares are a rip off", "price_refunds"),
    ("The screen is cracked", "faults"), ("I contacted you twice", "contact"),
    ("I've been scammed by a fake account", "safety"), ("The seat was stained", "cleanliness"),
    ("Rubbish everywhere on platform 2", "cleanliness"), ("The bus is on fire", "safety"),
    ("The train was late again", "delays"), ("I'll miss my connection at York", "delays"),
    ("No plug sockets on the train", "comfort"), ("The roof is leaking", "faults"),
])
def test_the_word_forms_that_replaced_stems_still_find_their_theme(text, theme):
    from smlib.themes import match_themes
    assert theme in match_themes(text), match_themes(text)


def test_fire_slang_does_not_hide_a_real_fire():
    from smlib.themes import match_themes
    for t in ("There is fire on the train", "there was fire coming out of the bus engine"):
        assert "safety" in match_themes(t), t
    assert "safety" not in match_themes("your new app is fire")
    assert "safety" in match_themes("scammy text pretending to be you")
    assert "contact" in match_themes("You are not contactable at all")


def test_a_word_in_single_quotes_is_still_that_word():
    """'left in a safe place' (British single quotes) kept 'safe' in the safety theme, because the
    quote after 'place' stopped the not_in phrase; "was 'late'" was in no theme at all."""
    from smlib.themes import match_themes
    assert "safety" not in match_themes("Delivery said 'left in a safe place' and it's nowhere to be seen!")
    assert "delays" in match_themes("the train was 'late' again")
    f = smlib.add_themes(pd.DataFrame({"text": ["the train was 'late' again", "can't fault them"]}))
    assert "delays" in f["themes"].iloc[0] and "faults" not in f["themes"].iloc[1]
    assert "safety" not in match_themes("I cleared my cache in privacy settings and it fixed it")


def test_a_thanks_that_signs_off_a_question_is_not_praise_even_without_sentiment():
    df = pd.DataFrame({"text": ["Is it open on Sunday? Thanks", "Thanks for the help! Is it open Sunday?",
                                "Lovely staff, thanks. Is it open Sunday?", "Thanks!",
                                "Where is my parcel? Cheers"]})
    th = smlib.add_themes(df)["themes"].tolist()
    assert "praise" not in th[0] and "praise" not in th[4]
    assert "delivery" in th[4]
    assert all("praise" in t for t in th[1:4])


def test_phrases_that_only_look_like_a_theme():
    """Found in the reports' theme examples: "Credit where it's due" was the example of
    "Price, charges and refunds", "Still waiting for a reply to my DM" of "Queues and waiting
    in person", and a charity's coffee morning of "Comfort and facilities"."""
    df = pd.DataFrame({"text": ["Credit where it's due: so proud to have done the sleepout",
                                "Still waiting for a reply to my DM",
                                "who's doing the coffee morning on Saturday?",
                                # guards: the themes still find what they are for
                                "I want a refund and my credit back", "Waited 40 minutes in the queue",
                                "The coffee on the train was cold"]})
    th = smlib.add_themes(df)["themes"].tolist()
    assert "price_refunds" not in th[0]
    assert "queues" not in th[1] and "contact" in th[1]
    assert "comfort" not in th[2]
    assert "price_refunds" in th[3] and "queues" in th[4] and "comfort" in th[5]


def test_a_discovered_word_is_linked_to_a_theme_as_the_messages_use_it():
    """Northway's 'Words that stand out' linked "order" to "Delivery and orders" while its
    examples said "out of order" (a fault, which the theme file's not_in excludes)."""
    fault = ["The ticket machine is out of order again", "out of order machine, useless",
             "ticket machine out of order, awful"]
    orders = ["my order never arrived, awful", "my order is late again, awful", "where is my order, awful"]
    happy = ["Great day", "Lovely staff", "nice trip"]
    def known(neg):
        f = pd.DataFrame({"text": neg + happy, "sentiment_label": ["negative"] * len(neg) + ["positive"] * 3})
        return smlib.discover_themes(f, min_count=2).set_index("term").loc["order", "known_theme"]
    assert known(fault + orders[:1]) == ""             # mostly "out of order": not delivery
    assert known(orders) == "delivery"                 # every use is about an order
