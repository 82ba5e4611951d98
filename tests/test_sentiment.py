"""smlib.sentiment: every customer-service rule has a case it fixes and a case it must not break.

"Fixes" cases are checked against plain VADER where VADER gets them wrong, so a test fails if
the rule stops working; "must not break" cases guard the opposite mistake.
"""
from __future__ import annotations

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import smlib
from smlib import DataError
from smlib import sentiment as S

VADER = SentimentIntensityAnalyzer()


def label(text: str) -> str:
    return smlib.explain_sentiment(text).attrs["label"]


def score(text: str) -> float:
    return smlib.explain_sentiment(text).attrs["score"]


def vader_label(text: str) -> str:
    c = VADER.polarity_scores(text)["compound"]
    return "positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral"


# (rule, text smlib must get right, expected label, VADER is wrong on it?)
FIXES = [
    ("domain: waiting", "Still waiting for my refund", "negative", True),
    ("domain: no reply", "no reply after 3 days", "negative", False),
    ("domain: delay + nobody told", "my train was delayed 3 hours and nobody told us", "negative", False),
    ("domain: fault", "The app doesn't work", "negative", True),
    ("domain: on hold", "on hold for 40 minutes", "negative", True),
    ("domain: broken promise", "You promised a call back and nothing", "negative", True),
    ("domain: never again", "never again", "negative", True),
    ("domain: joke", "what a joke", "negative", True),
    ("domain: reassurance", "could not be happier with the staff", "positive", True),
    ("domain: can't fault", "can't fault the staff", "positive", False),
    ("requests are not praise", "please help my bag is lost", "negative", True),
    ("polite words do not cancel a complaint", "thanks but my parcel still hasn't arrived", "negative", True),
    ("question signed off thanks", "what time do you open on Sunday? thanks", "neutral", True),
    ("friendly question", "Is the sauna open during half term? Would be good to know 🙂", "neutral", True),
    ("sarcasm: love waiting", "Love waiting on hold for an hour", "negative", True),
    ("sarcasm: thanks for nothing", "thanks for nothing", "negative", True),
    ("sarcasm: thanks for losing", "Thanks for losing my bag", "negative", True),
    ("sarcasm: ... not", "great job... not", "negative", True),
    ("sarcasm: oh brilliant", "Oh brilliant, the 17:39 cancelled AGAIN", "negative", True),
    ("sarcasm: irony emoji", "Great to see my council tax being spent on such lovely dark streets 🙄", "negative", True),
    ("sarcasm: nothing says", "Nothing says great service like a two hour queue", "negative", False),
    ("sarcasm: oh wait", "Love the new water feature. Oh wait, it's a pothole", "negative", True),
    ("emoji", "My order hasn't arrived 😡", "negative", False),
    ("emoji not negated", "I've done that twice and nothing happened 😡", "negative", True),
    ("emoji not negated (👎)", "They did the same to me and never replied 👎", "negative", True),
    ("happy emoji in a complaint", "only 50 minutes late today 👏👏", "negative", True),
    ("hashtag", "#NeverAgain", "negative", True),
    ("hashtag glued to a word", "2nd time trying to switch#CS sucks", "negative", False),
    ("inability", "I can't log in to my account", "negative", True),
    ("why-challenge", "why is it always freezing on this train??", "negative", False),
    ("exasperation", "what am I supposed to do with this information?", "negative", True),
    ("contrast across sentences", "I love the app. I was impressed. However I do have a problem with streaming.",
     "neutral", True),
    ("expect better", "asked for oat milk and got cow's milk. Expect better tbh", "negative", True),
    # second round: complaints without an emotional word
    ("failed expectation: not refunded", "My refund hasn't been processed", "negative", True),
    ("failed expectation: did not turn up", "The engineer didn't turn up this morning", "negative", True),
    ("failed expectation: never got back", "You never got back to me", "negative", True),
    ("failed expectation: yet to receive", "Still yet to receive my replacement card", "negative", True),
    ("why is ... without '?'", "why is my parcel always the last one", "negative", True),
    ("waiting time: been 3 hours", "It has been 3 hours", "negative", True),
    ("waiting time: and counting", "45 minutes and counting", "negative", True),
    ("waiting time: since yesterday", "Waiting for a callback since yesterday", "negative", True),
    ("repeated contact", "I've called 4 times about this", "negative", True),
    ("repeated failure: once again", "Once again the 8:15 is full", "negative", True),
    ("where are my", "Where are my tickets", "negative", True),
    ("chasing: any update", "Any update on my order?", "negative", True),
    ("chasing: answer this", "@Northway answer this please", "negative", True),
    ("no one", "no one got back to me", "negative", False),
    ("still nothing", "Two weeks and still nothing.", "negative", True),
    ("question ending with an emoji is a question", "Do I get a replacement or just my money back? 🙏", "neutral", False),
    # third round: product and service nouns are not praise; problems said plainly
    ("'play' is using a product", "Can't log in or play since Tuesday", "negative", True),
    ("'original' is the first one", "My original booking was moved to Tuesday", "neutral", True),
    ("'security' is a thing", "Airport security took 10 minutes", "neutral", True),
    ("'gift card' is a way to pay", "Paid with a gift card", "neutral", True),
    ("'customer care' is a department", "Customer care put me through to another department", "neutral", True),
    ("'order no 12345' is a number", "Is order no 40426 still coming today?", "neutral", True),
    ("zero-weight words stay zero after a booster", "Who wants to learn how I quit my 9-5? Comment YES", "neutral", True),
    ("nightmare", "Nightmare journey this morning", "negative", True),
    ("getting nowhere", "Spent all morning on the phone and got nowhere", "negative", True),
    ("took so long", "Took so long to arrive", "negative", True),
    ("demand to fix", "Please get this sorted", "negative", True),
    ("needs fixing", "This really needs fixing", "negative", True),
    ("rebooked", "I was rebooked on the 6am", "negative", True),
    ("'get your act together'", "Get your act together", "negative", True),
    ("yet another", "Yet another parcel left in the rain", "negative", True),
    ("still charging", "You are still charging me", "negative", True),
    ("chasing", "How many times do I have to chase you?", "negative", True),
    ("a penalty fine", "Got a hefty fine for overstaying", "negative", True),
    ("sarcasm: love + standstill", "Really love being at a standstill outside Leeds", "negative", True),
    ("sarcasm: love doing + a problem", "Love signing up and then hearing nothing for six weeks", "negative", True),
    ("device fault: won't open", "The banking app won't open since Monday", "negative", True),
    ("device fault: doesn't load", "The page doesn't load on my phone", "negative", True),
    ("'…, why?' at the end", "The receipt says 38 and my card shows 45, why?", "negative", True),
    ("text-speak 'y do i'", "y do i have to reset my password every day", "negative", True),
    ("failed expectation: nothing received", "Nothing has been received yet", "negative", True),
    ("failed expectation: and not heard", "I wrote to you last week and not heard anything since", "negative", True),
    ("failed expectation: didn't make it", "My bag didn't make it to Denver", "negative", True),
    ("negated fix verb: the problem is still there", "You haven't solved the problem", "negative", True),
    ("brand empathy is an apology", "We understand how frustrating that is. Thanks for letting us know, the team are on it.",
     "positive", True),
    # session 12: a review with messages from many sectors (no airline tweets) found the layer
    # turning sincere thanks negative; plain VADER got these right, so they guard the layer
    ("'thank you so much for' is not 'so much for'", "Thank you so much for your help today", "positive", False),
    ("'thanks so much for' + a fix", "Thanks so much for sorting my refund", "positive", False),
    ("thanks for a problem put right", "Thanks for finding my lost bag, you're a star", "positive", False),
    ("thanks for a refund of a cancelled order", "Thanks for refunding the cancelled order so fast!", "positive", False),
    ("thanks for keeping me updated is sincere", "Thanks for keeping me updated, really appreciate it", "positive", False),
    ("'only took' a short time is praise", "The repair only took an hour, brilliant", "positive", False),
    ("lost property is a place", "Loved the lost property team, they found my wallet in an hour", "positive", False),
    ("a short wait is good news", "Nice when the wait is only 5 minutes", "positive", False),
    ("negation over 'your'", "Not your fault at all, thanks for sorting it", "positive", False),
    ("negation over 'major'", "There were no major delays today, good job", "positive", False),
    ("negation over 'had any'", "Haven't had any crashes since the update 👍", "positive", True),
    ("opening hours are not a delay", "We're open late every Thursday until 9pm", "neutral", False),
    ("sarcasm: well done for a failure", "Well done for charging me twice", "negative", True),
]

MUST_NOT_BREAK = [
    ("negation: no problems", "no problems at all", "positive"),
    ("negation: never liked", "never liked it", "negative"),
    ("negation of a domain word", "my train wasn't delayed today", "positive"),
    ("no delays", "no delays today, well done", "positive"),
    ("praise stays praise", "Thanks for the quick reply!", "positive"),
    ("praise with help", "Thank you so much, you were a great help", "positive"),
    ("strong praise in a question", "Brilliant service today! Can I book the same driver again?", "positive"),
    ("love stays love", "Love the new autumn menu", "positive"),
    ("thanks for everything", "thanks for everything", "positive"),
    ("great job", "great job!", "positive"),
    ("oh brilliant, genuine", "Oh brilliant, thank you so much!", "positive"),
    ("happy emoji in praise", "Great service 🙂", "positive"),
    ("not every 'not' is sarcasm", "I am not happy", "negative"),
    ("can't wait", "can't wait to travel with you again", "positive"),
    ("why not", "Why not try the new menu", "neutral"),
    ("plain question", "can I bring my dog?", "neutral"),
    ("problem report stays a complaint", "My discount code isn't working, can you help?", "negative"),
    ("sorry but", "sorry but this is unacceptable", "negative"),
    ("cancellation", "my flight was cancelled", "negative"),
    ("hashtag praise", "#legends", "positive"),
    ("handle is not a word", "@HappyDays my parcel never arrived", "negative"),
    # second round: the case each new rule must not break
    ("failed expectation: a condition is not a report",
     "If the order hasn't been dispatched yet, DM us and we'll change it", "neutral"),
    ("failed expectation: not a service verb", "my train was not delayed today", "positive"),
    ("failed expectation: praise", "You have never let me down", "positive"),
    ("why not (no auxiliary)", "Why not pop in and see us", "neutral"),
    ("a time that is not a wait", "We're open 24 hours a day", "neutral"),
    ("'still' alone is not a complaint", "Are there still spaces in the yoga class on Tuesday?", "neutral"),
    ("times without contact", "Great to see you 3 times this week!", "positive"),
    ("money back as a question", "Can I get my money back?", "neutral"),
    ("failed expectation: praise for speed", "Didn't expect such a quick reply, thank you!", "positive"),
    ("fallen leaf emoji", "Autumn menu is here 🍂", "neutral"),
    # third round
    ("'play' is 0, not negative", "Love playing the new game", "positive"),
    ("a device that works", "the app opens fine now, thanks", "positive"),
    ("'no' before a number that is not an id", "No 2 days are the same here, love it", "positive"),
    ("a request to explain is not a challenge", "Can you explain why?", "neutral"),
    ("why not?", "why not?", "neutral"),
    ("a brand promising to sort it", "We'll get this sorted for you", "neutral"),
    ("a customer's 'I understand' is not an apology", "I understand it's busy but my train is 40 minutes late",
     "negative"),
    ("'yet' still contrasts", "It was late. Yet it was still lovely", "positive"),
    ("'nothing' that is not a failure", "nothing to worry about, it all arrived", "positive"),
    ("'nothing received' in a condition", "If nothing has arrived by Friday, DM us", "neutral"),
    ("love + -ing without a problem", "Loving being back in the pool", "positive"),
    ("rebooking as a question", "Can I rebook my flight?", "neutral"),
    ("a fee as a question", "Is there a fee for an extra bag?", "neutral"),
    ("'would not change' is praise", "great product, would not change a thing", "positive"),
    ("'not' on a problem word still negates it", "I haven't had any problems", "positive"),
    ("'look' is not a fix verb", "They didn't look bad", "positive"),
    # session 12: the case each narrowed rule must still catch
    ("sarcastic 'so much for'", "So much for next day delivery", "negative"),
    ("'thanks so much for nothing'", "Thanks so much for nothing", "negative"),
    ("keeping me waiting is sarcasm", "Thanks for keeping me waiting an hour", "negative"),
    ("'only took' weeks is sarcasm", "It only took three weeks to get a reply, brilliant", "negative"),
    ("love waiting is still sarcasm", "Love waiting on hold for an hour", "negative"),
    ("thanks for a fix but a problem remains", "Thanks for sorting my refund but the train was late again",
     "negative"),
    ("a fix thanked, another problem still there", "Thanks for sorting it, the app still crashes", "negative"),
    ("well done for losing", "well done for losing my parcel again", "negative"),
    ("well done stays praise", "Well done to the team", "positive"),
    ("a late train is still late", "The train was late", "negative"),
    ("a wish for no delays is not a delay", "no more delays please, it's been a great week", "positive"),
    # a review of session 12's own changes: cases the first versions of the new rules broke
    ("a 'not' aimed at a verb over 'my'", "I didn't get my cancelled fare refunded", "negative"),
    ("thanks, then a list of failures", "Cheers for sorting it... three weeks late, broken and damaged, awful.",
     "negative"),
    ("thanks for handling it badly", "Thank you for dealing with my complaint so badly, absolutely appalling.",
     "negative"),
]


@pytest.mark.parametrize("rule,text,expected,vader_wrong", FIXES, ids=[f[0] for f in FIXES])
def test_rule_fixes_case(rule, text, expected, vader_wrong):
    assert label(text) == expected, smlib.explain_sentiment(text)
    if vader_wrong:
        assert vader_label(text) != expected, f"plain VADER already gets this right: {text!r}"


@pytest.mark.parametrize("rule,text,expected", MUST_NOT_BREAK, ids=[m[0] for m in MUST_NOT_BREAK])
def test_rule_does_not_break(rule, text, expected):
    assert label(text) == expected, smlib.explain_sentiment(text)


def test_hashtags_are_read_as_words():
    assert "sucks" in set(smlib.explain_sentiment("2nd time trying to switch#CS sucks")["what"])


def test_no_dataset_specific_text_repair():
    """The scorer is general: it does not undo one dataset's damage (the airline file's
    "Cancelled Flightled"), which would be fitting it to the evaluation data."""
    assert S.clean_text("Late Flightr than ever")[0] == "Late Flightr than ever"
    assert not hasattr(S, "_DAMAGE")


def test_apology_is_milder_than_the_complaint_it_names():
    apology = score("We're sorry for the delay to your train")
    complaint = score("Delay to your train")
    assert complaint < apology <= 0
    assert label("sorry but this is unacceptable") == "negative"


def test_enquiry_about_a_problem_is_milder_than_the_statement():
    q = score("Can I get a refund if my train is cancelled?")
    st = score("My train is cancelled and I want a refund.")
    assert st < q
    assert abs(q) < abs(st)


def test_long_text_is_scored_sentence_by_sentence():
    review = ("I travel with you every week. The staff at the station are always friendly and helpful. "
              "The coffee on board is lovely and the seats are comfortable. The trains are clean. "
              "One morning the train was a bit late. Overall I really recommend this service.")
    ex = smlib.explain_sentiment(review)
    assert any("long text" in w for w in ex["why"])
    assert ex.attrs["label"] == "positive"
    # averaged, so not saturated at 1 as plain VADER is on long texts
    assert ex.attrs["score"] < VADER.polarity_scores(review)["compound"]
    assert not any("long text" in w for w in smlib.explain_sentiment("Late again.")["why"])


def test_labels_follow_the_neutral_band():
    texts = [t for _, t, *_ in FIXES + MUST_NOT_BREAK] + ["", "ok", "fine"]
    out = smlib.add_sentiment(pd.DataFrame({"text": texts}))
    for s, lab in zip(out["sentiment"], out["sentiment_label"]):
        assert lab == S.label_for(s)
        assert -1.0 <= s <= 1.0
    assert S.label_for(S.NEGATIVE_BELOW) == "negative"
    assert S.label_for(S.POSITIVE_FROM) == "positive"
    assert S.label_for(0.0) == "neutral"


def test_explain_matches_add_sentiment_and_names_the_words():
    text = "Love waiting on hold for an hour"
    ex = smlib.explain_sentiment(text)
    row = smlib.add_sentiment(pd.DataFrame({"text": [text]})).iloc[0]
    assert ex.attrs["score"] == pytest.approx(row["sentiment"])
    assert ex.attrs["label"] == row["sentiment_label"]
    assert {"on hold", "waiting", "love"} <= set(ex["what"])
    assert (ex.loc[ex["what"] == "love", "effect"] < 0).all()   # flipped by the sarcasm rule
    assert "sarcasm" in row["sentiment_rules"]


def test_add_sentiment_columns_no_mutation_and_duplicates():
    df = pd.DataFrame({"text": ["late again", "late again", None, "great staff", ""],
                       "platform": ["x"] * 5, "message_id": list("abcde")})
    before = df.copy()
    out = smlib.add_sentiment(df)
    pd.testing.assert_frame_equal(df, before)
    assert {"sentiment", "sentiment_label", "sentiment_rules", "sentiment_corrected"} <= set(out.columns)
    assert list(out.index) == list(df.index)
    assert out["sentiment"].iloc[0] == out["sentiment"].iloc[1]
    assert out["sentiment_label"].iloc[2] == "neutral" and out["sentiment"].iloc[2] == 0.0
    assert out["sentiment_label"].iloc[4] == "neutral"
    # each unique text scored exactly as on its own
    for t, s in zip(df["text"], out["sentiment"]):
        if isinstance(t, str) and t:
            assert s == pytest.approx(score(t))
    assert not out["sentiment_corrected"].any()


def test_parallel_path_equals_serial(monkeypatch):
    texts = [f"my train was {k} minutes late" if k % 3 else f"thanks for the help number {k}" for k in range(60)]
    serial = S.score_texts(texts, workers=1)
    monkeypatch.setattr(S, "PARALLEL_FROM", 10)
    parallel = S.score_texts(texts, workers=2)
    pd.testing.assert_frame_equal(serial, parallel)


def test_bad_input_is_a_clear_error():
    with pytest.raises(DataError, match="'text' column"):
        smlib.add_sentiment(pd.DataFrame({"body": ["x"]}))
    with pytest.raises(DataError, match="DataFrame"):
        smlib.add_sentiment(["not a frame"])


# ------------------------------------------------------------------ corrections

def _frame():
    return pd.DataFrame({"platform": ["x", "x", "facebook"], "message_id": ["1", "2", "1"],
                         "text": ["Great service, thanks!", "late again", "ok"]})


def test_corrections_win_and_are_flagged(tmp_path):
    corr = pd.DataFrame({"platform": ["x", "facebook", "x"], "message_id": ["1", "1", "99"],
                         "sentiment_label": ["Negative", "positive", "neutral"]})
    out = smlib.add_sentiment(_frame(), corrections=corr)
    assert out["sentiment_label"].tolist() == ["negative", "negative", "positive"]
    assert out["sentiment_corrected"].tolist() == [True, False, True]
    assert out.attrs["sentiment_corrections"] == {"applied": 2, "given": 3, "unmatched": 1}
    path = tmp_path / "corr.csv"
    corr.to_csv(path, index=False)
    out2 = smlib.add_sentiment(_frame(), corrections=path)
    assert out2["sentiment_label"].tolist() == out["sentiment_label"].tolist()


def test_bundled_corrections_template_is_valid(repo):
    p = repo / "data" / "sentiment_corrections.csv"
    out = smlib.add_sentiment(_frame(), corrections=p)
    assert out.attrs["sentiment_corrections"]["given"] == 0


def test_bad_corrections_name_row_and_field(tmp_path):
    bad = pd.DataFrame({"platform": ["x", "x"], "message_id": ["1", "2"], "sentiment_label": ["negative", "angry"]})
    with pytest.raises(DataError) as e:
        smlib.add_sentiment(_frame(), corrections=bad)
    assert e.value.row == 2 and e.value.field == "sentiment_label" and "angry" in str(e.value)
    with pytest.raises(DataError, match="missing column"):
        smlib.add_sentiment(_frame(), corrections=pd.DataFrame({"message_id": ["1"]}))
    with pytest.raises(DataError, match="not found"):
        smlib.add_sentiment(_frame(), corrections=tmp_path / "nope.csv")


# ------------------------------------------------------------------ the lexicon file

def test_bundled_lexicon_is_valid():
    entries = S.read_lexicon()
    assert len(entries) > 100
    terms = [e.term for e in entries]
    assert len(terms) == len(set(terms))
    assert all(-4 <= e.score <= 4 and e.comment for e in entries)


def test_tutor_can_add_words(tmp_path):
    lex = tmp_path / "lex.csv"
    lex.write_text("# my words\nterm,score,comment\nbrilliant,-3.0,sarcastic in our class\n"
                   "bang on time,2.5,praise\n", encoding="utf-8")
    df = pd.DataFrame({"text": ["brilliant", "the train was bang on time"]})
    assert smlib.add_sentiment(df)["sentiment_label"].tolist()[0] == "positive"
    custom = smlib.add_sentiment(df, lexicon=lex)
    assert custom["sentiment_label"].tolist() == ["negative", "positive"]


@pytest.mark.parametrize("body,field", [
    ("term,score,comment\nlate,very,bad\n", "score"),
    ("term,score,comment\nlate,-9,too big\n", "score"),
    ("term,score,comment\n,-1,empty\n", "term"),
    ("term,score,comment\nlate,-1,a\nlate,-2,b\n", "term"),
    ("word,value\nlate,-1\n", None),
])
def test_bad_lexicon_names_line(tmp_path, body, field):
    p = tmp_path / "bad.csv"
    p.write_text("# comment line\n" + body, encoding="utf-8")
    with pytest.raises(DataError) as e:
        S.read_lexicon(p)
    assert e.value.row is not None and e.value.row >= 2
    if field:
        assert e.value.field == field


def test_fast_vader_core_equals_vaders_own_loop():
    """smlib re-implements VADER's per-word loop for speed; it must give VADER's exact valences."""
    an = S._analyzer()
    texts = ["The service was NOT good at all!!", "no no no problems", "kind of ok but really very bad",
             "I never so loved this", "without doubt the best", "at least it was not the worst",
             "EXTREMELY happy with the staff", "not bad, not great", "this is the shit", "no or nor good",
             "cut the mustard", "I don't like it, but the food is AMAZING", "least good thing"]
    for t in texts:
        fast = an._valences_clean(t)
        ref = an._valences_reference(t)
        assert fast[0] == ref[0]
        assert fast[1] == pytest.approx(ref[1]), t


@pytest.mark.parametrize("module", ["smlib.sentiment", "smlib.themes"])
def test_docstring_examples(module):
    import doctest
    import importlib
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_compound_equals_vaders():
    an = S._analyzer()
    for vals, text in [([1.5, -0.3], "good!!"), ([-2.0], "bad??"), ([0.5, 0.5], "ok????"), ([-1.0, 1.0], "x"),
                       ([3.1, 2.0, 1.0], "great!!!!!!")]:
        assert S._compound(vals, text) == pytest.approx(an.score_valence(vals, text)["compound"])


def test_reload_picks_up_an_edited_lexicon(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "sentiment_lexicon.csv").write_text("term,score,comment\nsplendid,-3,test\n", encoding="utf-8")
    (data / "themes.toml").write_text('[a]\nlabel = "A"\nkeywords = ["splendid"]\n', encoding="utf-8")
    monkeypatch.setenv("SMLIB_DATA", str(data))
    S.reload()
    try:
        assert label("splendid") == "negative"
        (data / "sentiment_lexicon.csv").write_text("term,score,comment\nsplendid,3,test\n", encoding="utf-8")
        assert label("splendid") == "positive"      # the edit is noticed (file changed), no reload
        (data / "sentiment_lexicon.csv").write_text("term,score,comment\nsplendid,-3,test\n", encoding="utf-8")
        S.reload()
        assert label("splendid") == "negative"
    finally:
        monkeypatch.delenv("SMLIB_DATA")
        S.reload()


VARIED = ["Still waiting 😡😡", "CAN'T LOG IN AGAIN!!!", "café closed?? no update since yesterday…",
          "10/10 would recommend", "5/5 ⭐⭐⭐", "£20 refund – still not received", "canceled, cancelled, CANCELLING",
          "no-one answered; nobody's answered", "I’ve been on hold 40 mins", "Naïve question: where’s my order?",
          "queueing queue queued", "glitchy app, crashes on start-up", "İstanbul flight delayed",
          "not bad at all 👍", "#NeverAgain #fail", "wow... just wow 🙄", "", "   ", "ok", "?!", "🍂🍂"]


def _sample_texts(sample_dir) -> list[str]:
    texts = []
    for f in sorted(sample_dir.glob("*/interactions.csv")):
        texts += pd.read_csv(f, dtype=str)["text"].dropna().tolist()
    return list(dict.fromkeys(texts))


def test_fast_phrase_scan_equals_reference(sample_dir):
    """The string-operation phrase scan gives exactly the text of the first (regex) version."""
    an = S._analyzer()
    texts = _sample_texts(sample_dir)[:3000] + VARIED
    for t in texts:
        cleaned = an.prepare(t)[0]
        for x in (cleaned, cleaned.upper(), cleaned.title()):
            assert an._phrases_to_tokens(x) == an._phrases_to_tokens_reference(x), x


def test_fast_path_equals_slow_path(sample_dir, monkeypatch):
    """score_texts (de-duplication, caches, fast phrase scan, process pool) gives exactly what a
    fresh analyzer gives text by text with no caches and the reference phrase scan."""
    texts = _sample_texts(sample_dir)[:2500] + VARIED
    texts = texts + texts[:500]                         # copies, scored once by the fast path
    monkeypatch.setattr(S, "PARALLEL_FROM", 100)
    fast = S.score_texts(texts, workers=2)
    serial = S.score_texts(texts, workers=1)
    pd.testing.assert_frame_equal(fast, serial)
    monkeypatch.setattr(S, "SENTENCE_CACHE", 0)          # nothing remembered
    slow = S._CSAnalyzer(S.read_lexicon())
    slow._phrases_to_tokens = slow._phrases_to_tokens_reference
    for t, sc, ru in zip(texts, fast["sentiment"], fast["sentiment_rules"]):
        s2, r2, _ = slow.score(t, explain=False)
        assert (sc, ru) == (s2, r2), t
    assert not slow._cache


def test_lexicon_term_cannot_start_with_a_number_slot(tmp_path):
    p = tmp_path / "lex.csv"
    p.write_text("term,score,comment\n<n> times,-1,test\n", encoding="utf-8")
    with pytest.raises(DataError) as e:
        S.read_lexicon(p)
    assert e.value.row == 2 and e.value.field == "term" and "<n>" in str(e.value)


def test_explanation_keeps_the_words_a_rule_set_to_zero():
    """"Thanks" in a complaint counts for nothing; the learner must still see it in the
    explanation, with the reason, or the rule's line names a word that is not there."""
    ex = smlib.explain_sentiment("Thanks, but my parcel is still lost 🙂")
    for word, why in (("thanks", "polite word ignored"), ("🙂", "happy emoji in a complaint")):
        row = ex[ex["what"] == word]
        assert len(row) == 1 and row["effect"].iloc[0] == 0 and why in row["why"].iloc[0], ex
    q = smlib.explain_sentiment("what time do you open on Sunday? thanks")
    row = q[q["what"] == "thanks"]
    assert len(row) == 1 and row["effect"].iloc[0] == 0 and "enquiry" in row["why"].iloc[0]
    # the score is still the sum of what counts: words scoring 0 on their own are not listed
    assert "what" not in set(q["what"]) and q.attrs["label"] == "neutral"


def test_a_full_stop_ends_a_negation_even_before_a_small_letter():
    """VADER drops punctuation before looking 3 words back for a negation, and the sentence
    splitter only splits before a capital letter: "…when we had nothing. forever grateful!!"
    was negative (-0.47, "nothing" negated "grateful") and went into Hopewell Trust's M2 queue
    as a complaint. The fix must keep negation inside a sentence, and "but" after a full stop."""
    lab = lambda t: smlib.add_sentiment(pd.DataFrame({"text": [t]}))["sentiment_label"].iloc[0]
    assert lab("you helped my family when we had nothing. forever grateful!!") == "positive"
    assert lab("we could not get in. lovely staff fixed it") == "positive"
    # negation inside one sentence still works
    assert lab("we had nothing good to say, not grateful at all") == "negative"
    assert lab("I am not happy!! nothing works") == "negative"
    # "but" after a full stop still weighs what follows more
    assert lab("the staff were nice. but the delay was awful and nobody told us") == "negative"


def test_sentence_end_rule_leaves_the_thanks_for_a_fix_rule_and_pauses_alone():
    """Review of 89befb8: its new pattern took the name _CLAUSE_END of the thanks-for-a-fix rule's
    clause pattern, so that rule's clause ran past commas and dashes and watered down other
    complaints ("Thanks for fixing the heating - the lifts are broken…" became positive). And a
    pause ("not... impressed") is no sentence end: the "not" must still reach the word."""
    lab = lambda t: smlib.add_sentiment(pd.DataFrame({"text": [t]}))["sentiment_label"].iloc[0]
    for t in ["Thanks for fixing the heating - the lifts are broken and the toilets are filthy",
              "Thanks for finding my lost bag, the staff were rude and the delay was awful",
              "Thank you for sorting my refund, shame the app is broken and useless",
              "Not... impressed with the service today", "Well that's not... great",
              "Staff were not... helpful at all"]:
        assert lab(t) == "negative", t
    assert lab("Thanks for finding my lost bag") == "positive"   # the fix rule still works
