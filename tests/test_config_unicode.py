"""What a tutor types in data/ (on a Mac, a phone, in Excel or Notepad) matches what the public
writes, whatever the Unicode form: emoji with or without a variation selector or skin tone,
accents composed or decomposed (NFD, from Macs), curly or straight apostrophes, no-break spaces,
full-width letters. One normalisation does it (smlib.textforms.fold_unicode) for theme
keywords, priority word lists, the sentiment lexicon and profile handles; opening hours are
read as a UK tutor writes them. Each fix has a case that must not match (accents still count,
a different emoji is a different emoji).
"""
from __future__ import annotations

import copy
import shutil

import pandas as pd
import pytest

import smlib
from smlib import DataError
from smlib import themes as T
from smlib.schema import Profile, conform_interactions

NFD_CAFE = "cafe\u0301"        # "café" as a Mac may store it: e + combining acute accent
NFC_CAFE = "caf\u00e9"


def _tagged(keyword: str, text: str) -> bool:
    """Does a theme with this one keyword tag this message (add_themes and match_themes agree)?"""
    th = {"x": {"label": "X", "keywords": [keyword]}}
    by_add = T.add_themes(pd.DataFrame({"text": [text]}), themes=th)["themes"][0] == ["x"]
    assert by_add == bool(T.match_themes(text, th)), (keyword, text)
    return by_add


# --------------------------------------------------------------------------- themes.toml

@pytest.mark.parametrize("keyword, text", [
    ("❤️", "I ❤ this place"),                    # keyword from a phone, plain heart in the message
    ("❤", "I ❤️ this place"),                    # and the other way round
    ("👍🏽", "great service 👍"),                 # a skin tone in the keyword
    ("👍", "great service 👍🏾"),                 # ... or in the message
    (NFD_CAFE + " closed", f"the {NFC_CAFE} closed early"),
    (f"{NFC_CAFE} closed", f"the {NFD_CAFE} closed early"),
    ("don’t care", "they don't care"), ("don't care", "they don’t care"),
    ("call\u00a0centre", "the call centre again"), ("call centre", "the call\u00a0centre again"),
    ("ｒｅｆｕｎｄ", "I want a refund"), ("refund", "I want a ｒｅｆｕｎｄ"),
])
def test_theme_keyword_matches_whatever_the_unicode_form(keyword, text):
    assert _tagged(keyword, text)


@pytest.mark.parametrize("keyword, text", [
    ("❤️", "💔 gutted"), ("👍🏽", "👎 no thanks"),        # a different emoji is a different emoji
    ("cafe", f"the {NFD_CAFE} was shut"),                # an accent still counts (was matched: the
    ("cafe", f"the {NFC_CAFE} was shut"),                # combining accent was not part of the word)
    (NFD_CAFE, "the cafeteria"), ("ｒｅｆｕｎｄ", "refunded"), ("don’t care", "do care"),
])
def test_theme_keyword_does_not_match_something_else(keyword, text):
    assert not _tagged(keyword, text)


@pytest.mark.parametrize("keyword", ["＊", "ｘ", "@brand", "https://example.com"])
def test_theme_keyword_that_folds_to_nothing_useful_is_refused(keyword):
    # a full-width '＊' is a '*' (matched every message); '@brand' and a link are removed from
    # messages before matching, so nothing was left of them (IndexError before)
    with pytest.raises(DataError) as e:
        T._themes_from_dict({"x": {"label": "X", "keywords": [keyword, "late"]}}, "themes.toml")
    assert e.value.field == "x.keywords" and repr(keyword) in str(e.value)


# --------------------------------------------------------------------------- priority_rules.toml

T0 = pd.Timestamp("2026-01-05 09:00", tz="UTC")
SHOP = Profile(slug="shop", name="ShopCo", handles={"x": "ShopCo"})


def _safety_hits(words: list[str], texts: list[str]) -> list[list[str]]:
    """The safety evidence found in each message when the safety words are ``words``."""
    rules = copy.deepcopy(smlib.priority.load_priority_rules())
    rules["factors"]["safety"]["words"] = words
    rules["factors"]["safety"]["patterns"] = []
    frame = conform_interactions(pd.DataFrame([
        {"org": "shop", "platform": "x", "message_id": str(i), "created_at": T0, "author_id": f"c{i}",
         "author_name": f"c{i}", "author_is_org": False, "kind": "mention", "text": t}
        for i, t in enumerate(texts)]))
    out = smlib.prioritise(frame, SHOP, rules=rules)
    reason = rules["factors"]["safety"]["reason"]
    return [[r.split("(", 1)[1].rstrip(")") for r in rs if reason in r] for rs in out["reasons"]]


def test_priority_words_match_whatever_the_unicode_form():
    words = [f"{NFD_CAFE} floor", "⚠️", "don’t\u00a0feel safe", "ｆｌｏｏｄ*", "🔥🏽"]
    texts = [f"the {NFC_CAFE} floor is soaking", "careful ⚠ by the door", "I don't feel safe here",
             "ｆｌｏｏｄｅｄ toilets", "🔥 in the kitchen",
             "the cafe floor is soaking", "careful ⛔ by the door", "I feel safe here", "flooding again"]
    got = _safety_hits(words, texts)
    assert got[:5] == [[f"{NFC_CAFE} floor"], ["⚠"], ["don't feel safe"], ["flooded"], ["🔥"]]
    assert got[5:] == [[], [], [], ["flooding"]]      # the ASCII stem 'flood*' as it always did


def test_priority_word_list_with_full_width_star_is_refused():
    rules = copy.deepcopy(smlib.priority.load_priority_rules())
    rules["factors"]["distress"]["joking_words"] = ["lol", "＊"]
    with pytest.raises(DataError) as e:
        smlib.priority.check_priority_rules(rules)
    assert e.value.field == "factors.distress.joking_words" and "'＊'" in str(e.value)


def test_priority_words_regex_finds_curly_apostrophes_and_skin_tones_in_raw_text():
    # security.py matches words_regex against the message as written (not folded)
    rx = smlib.priority.words_regex(["don't pay", "👍"])
    assert rx.search("please don’t pay them") and rx.search("ok 👍🏿")
    assert not rx.search("please do pay them")


# --------------------------------------------------------------------------- sentiment_lexicon.csv

LEXICON = smlib.paths.data_file("sentiment_lexicon.csv")


def _with_terms(tmp_path, rows: str):
    path = tmp_path / "lexicon.csv"
    path.write_text(LEXICON.read_text(encoding="utf-8") + rows, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("term, text", [
    (f"{NFD_CAFE} closed", f"the {NFC_CAFE} closed"), (f"{NFC_CAFE} closed", f"the {NFD_CAFE} closed"),
    ("🥳🏽", "we 🥳 now"), ("🥳", "we 🥳🏽 now"), ("😇\ufe0f", "we 😇 now"),
    ("on\u00a0the dot", "arrived on the dot"), ("ｇｈｏｓｔｅｄ ｍｅ", "they ghosted me"),
    ("ghosted me", "they ｇｈｏｓｔｅｄ ｍｅ"), ("won’t budge", "it won't budge"),
])
def test_lexicon_term_counts_whatever_the_unicode_form(tmp_path, term, text):
    from smlib.sentiment import explain_sentiment, score_texts
    path = _with_terms(tmp_path, f"{term},-3.5,test\n")
    before = score_texts([text])["sentiment"][0]
    after = score_texts([text], lexicon=path)["sentiment"][0]
    assert after < before - 0.3
    assert (explain_sentiment(text, lexicon=path)["effect"] < -1).any()


def test_lexicon_term_does_not_count_for_a_different_word_or_emoji(tmp_path):
    from smlib.sentiment import score_texts
    path = _with_terms(tmp_path, f"🥳🏽,-3.5,test\n{NFD_CAFE} shut,-3.5,test\n")
    texts = ["we 🎉 now", "the cafe shut", "the cafeteria shut"]
    assert score_texts(texts, lexicon=path)["sentiment"].tolist() == score_texts(texts)["sentiment"].tolist()


def test_the_same_term_typed_two_ways_is_one_term(tmp_path):
    from smlib.sentiment import read_lexicon
    # the bundled file lists '❤️' and '❤' with one score: one term, no 'listed twice' error
    terms = [e.term for e in read_lexicon()]
    assert terms.count("❤") == 1 and "❤️" not in terms
    path = _with_terms(tmp_path, f"{NFC_CAFE} shut,-2,x\n{NFD_CAFE} shut,-3,y\n")
    with pytest.raises(DataError) as e:
        read_lexicon(path)
    msg = str(e.value)
    assert e.value.field == "term" and "listed twice" in msg and repr(NFD_CAFE + " shut") in msg


@pytest.mark.parametrize("variant, plain", [
    ("it doesnʼt work at all", "it doesn't work at all"),            # U+02BC, some phone keyboards
    ("ｔｈａｎｋｓ ｆｏｒ ｔｈｅ ｄｅｌａｙ", "thanks for the delay"),  # sarcasm rule, full-width
    ("Still\u00a0no\u00a0reply after 3 days", "Still no reply after 3 days"),
])
def test_sentiment_rules_read_the_message_alike(variant, plain):
    from smlib.sentiment import score_texts
    got = score_texts([variant, plain])
    assert got["sentiment"][0] == got["sentiment"][1]
    assert got["sentiment_rules"][0] == got["sentiment_rules"][1]


# --------------------------------------------------------------------------- profile handles

def test_profile_handle_typed_decomposed_marks_the_organisations_posts(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(smlib.paths.data_file("organisations"), data / "organisations")
    monkeypatch.setenv("SMLIB_DATA", str(data))
    prof = data / "organisations" / "tidy-paws.toml"
    text = prof.read_text(encoding="utf-8")
    start = text.index("[handles]")
    end = text.index("\n[", start + 1)
    prof.write_text(text[:start] + f'[handles]\nx = "@{NFD_CAFE}Creme"\n' + text[end:], encoding="utf-8")
    export = tmp_path / "export.csv"
    export.write_text(f"text,date,author\nSorry for the wait!,2024-03-01 10:00,@{NFC_CAFE}Creme\n"
                      "Late again,2024-03-01 10:05,@cafecreme_fan\n", encoding="utf-8")
    ds = smlib.load(export, org="tidy-paws")
    assert ds.profile.handles["x"] == f"@{NFC_CAFE}Creme"
    assert ds.interactions["author_is_org"].tolist() == [True, False]


# --------------------------------------------------------------------------- opening hours

H = 60


@pytest.mark.parametrize("spec, want", [
    ("09:00–17:00", (9 * H, 17 * H)), ("09:00 — 17:30", (9 * H, 17 * H + 30)),   # en / em dash
    ("9am – 5pm", (9 * H, 17 * H)), ("09:00 to 17:00", (9 * H, 17 * H)),
    ("09.00-17.00", (9 * H, 17 * H)), ("9.30am till 5.30pm", (9 * H + 30, 17 * H + 30)),
    ("8 a.m. - 6 p.m.", (8 * H, 18 * H)), ("9AM-5PM", (9 * H, 17 * H)),
    ("9-5pm", (9 * H, 17 * H)), ("1-5pm", (13 * H, 17 * H)), ("10am-2", (10 * H, 14 * H)),
    ("11am-12", (11 * H, 12 * H)), ("12pm-4pm", (12 * H, 16 * H)), ("6pm-12am", (18 * H, 24 * H)),
    ("noon to midnight", (12 * H, 24 * H)), ("0800-1730", (8 * H, 17 * H + 30)),
    ("９：００－１７：００", (9 * H, 17 * H)), ("09:00\u00a0-\u00a017:00", (9 * H, 17 * H)),
    ("Closed", None), ("shut", None),
    # forms read before, read the same
    ("09:00-17:00", (9 * H, 17 * H)), ("9:00 - 17:00", (9 * H, 17 * H)), ("22:00-00:00", (22 * H, 24 * H)),
])
def test_opening_hours_as_a_tutor_writes_them(spec, want):
    prof = Profile.from_dict({"slug": "t", "name": "T", "business_hours": {"mon": spec}})
    assert prof.opening_hours()["mon"] == want


@pytest.mark.parametrize("spec, words", [
    ("9-5", "close before they open"),            # am or pm? not guessed
    ("17:00–09:00", "close before they open"), ("13pm-5pm", "times of day"),
    ("9am-5pm-7pm", "must look like"), ("nine to five", "must look like"),
    ("09:75-17:00", "times of day"), ("9:00-25:00", "times of day"), ("0am-5pm", "times of day"),
    ("09:00 17:00", "must look like"), ("9.5-17.5", "must look like"),
])
def test_opening_hours_that_cannot_be_read_name_file_and_field(tmp_path, spec, words):
    src = smlib.paths.data_file("organisations", "tidy-paws.toml").read_text(encoding="utf-8")
    assert 'tue = "09:00-17:30"' in src
    path = tmp_path / "tidy-paws.toml"
    path.write_text(src.replace('tue = "09:00-17:30"', f'tue = "{spec}"', 1), encoding="utf-8")
    with pytest.raises(DataError) as e:
        Profile.from_toml(path)
    assert (e.value.source, e.value.field) == (str(path), "business_hours.tue")
    assert words in str(e.value) and repr(spec) in str(e.value)
