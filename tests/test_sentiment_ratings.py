"""A review's star rating is the reviewer's own verdict: where stars and words disagree, the stars
decide the sentiment label (and the score that priority uses). Each rule has a case it fixes and a
case it must not break."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import smlib
from smlib import reportview as rv
from smlib.errors import DataError
from smlib.sentiment import apply_ratings

SARCASM = "Wow, a whole 9 days to answer an email, you're really spoiling us"
THANKS = "You helped my family when we had nothing. Forever grateful."
PLAIN_BAD = "The train was cancelled and nobody told us"
PLAIN_GOOD = "Brilliant service, thank you so much"
FLAT = "The train arrived at 9."


def _frame(texts, ratings):
    return pd.DataFrame({"platform": "reviews", "message_id": [str(i) for i in range(len(texts))],
                         "text": texts, "rating": pd.array(ratings, dtype="Int64")})


def test_words_alone_get_these_wrong():
    """The cases below are ones the words alone mislabel (else the star rule proves nothing)."""
    words = smlib.add_sentiment(_frame([SARCASM], [1]), rating_col=None)
    assert words["sentiment_label"].tolist() != ["negative"]


def test_low_stars_make_a_review_negative_and_high_stars_positive():
    f = smlib.add_sentiment(_frame([SARCASM, "", PLAIN_BAD, FLAT], [1, 2, 5, 4]))
    assert f["sentiment_label"].tolist() == ["negative", "negative", "positive", "positive"]
    assert f["sentiment"].tolist() == [-1.0, -0.5, 1.0, 0.5]      # the stars' own score
    assert "1 of 5 stars" in f["sentiment_rules"][0]
    assert "2 of 5 stars" in f["sentiment_rules"][1]
    assert f.attrs["sentiment_ratings"] == {"rated": 4, "changed": 4, "not_used": 0, "unreadable": 0, "why": ""}


def test_agreeing_stars_three_stars_and_no_stars_keep_the_words():
    texts = [PLAIN_BAD, PLAIN_GOOD, PLAIN_BAD, PLAIN_GOOD, SARCASM]
    with_stars = smlib.add_sentiment(_frame(texts, [1, 5, 3, 3, None]))
    words = smlib.add_sentiment(_frame(texts, [None] * 5), rating_col=None)
    assert with_stars["sentiment"].tolist() == words["sentiment"].tolist()
    assert with_stars["sentiment_label"].tolist() == words["sentiment_label"].tolist()
    assert not with_stars["sentiment_rules"].str.contains("stars").any()


def test_ratings_on_another_scale_are_not_used_and_that_is_said():
    texts = [SARCASM, PLAIN_GOOD]
    f = smlib.add_sentiment(_frame(texts, [1, 9]))       # a 0-10 scale: 1 is not "1 star"
    words = smlib.add_sentiment(_frame(texts, [None, None]), rating_col=None)
    assert f["sentiment_label"].tolist() == words["sentiment_label"].tolist()
    info = f.attrs["sentiment_ratings"]
    assert info["changed"] == 0 and info["not_used"] == 2 and "9" in info["why"]
    assert rv.ratings_sentence(f).startswith("Star ratings were not used: column 'rating'")


def test_rating_col_none_and_frames_without_ratings_are_untouched():
    f = smlib.add_sentiment(_frame([SARCASM], [1]), rating_col=None)
    assert "sentiment_ratings" not in f.attrs and f["sentiment_label"][0] != "negative"
    g = smlib.add_sentiment(pd.DataFrame({"text": [SARCASM]}))
    assert "sentiment_ratings" not in g.attrs and rv.ratings_sentence(g) == ""


def test_a_persons_correction_beats_the_stars():
    fr = _frame([SARCASM], [1])
    corr = pd.DataFrame({"platform": ["reviews"], "message_id": ["0"], "sentiment_label": ["neutral"]})
    f = smlib.add_sentiment(fr, corrections=corr)
    assert f["sentiment_label"][0] == "neutral" and bool(f["sentiment_corrected"][0])


def test_ratings_as_text_or_decimals_of_whole_stars_are_read():
    f = pd.DataFrame({"text": [SARCASM, THANKS], "rating": ["1", 5.0]})
    out = smlib.add_sentiment(f)
    assert out["sentiment_label"].tolist()[0] == "negative"
    assert out.attrs["sentiment_ratings"]["rated"] == 2


def test_star_ratings_written_as_text_are_read_and_unreadable_ones_counted():
    texts = [SARCASM, SARCASM, SARCASM, FLAT, FLAT]
    f = smlib.add_sentiment(_frame(texts, [None] * 5).assign(
        rating=["1/5", "★☆☆☆☆", "Rated 1 out of 5 stars", "five stars", "great"]))
    assert f["sentiment_label"].tolist() == ["negative"] * 3 + ["positive", "neutral"]
    info = f.attrs["sentiment_ratings"]
    assert (info["rated"], info["changed"], info["unreadable"]) == (4, 4, 1)
    s = rv.ratings_sentence(f)
    assert s.startswith("4 reviews have star ratings. In 4 of them") and "1 value(s) in column 'rating'" in s


@pytest.mark.parametrize("value, stars", [
    (4, 4.0), ("4", 4.0), ("4.0", 4.0), ("4,5", 4.5), ("4/5", 4.0), ("4 / 5", 4.0),
    ("4 out of 5", 4.0), ("Rated 4 of 5 stars", 4.0), ("4 stars", 4.0), ("1 star", 1.0),
    ("Rating: 3", 3.0), ("★★★★☆", 4.0), ("★ ★ ☆ ☆ ☆", 2.0), ("⭐⭐⭐", 3.0), ("⭐️⭐️", 2.0),
    ("FOUR", 4.0), ("five stars", 5.0), ("4★", 4.0), (None, None), ("", None), ("  ", None)])
def test_read_stars_reads_the_usual_forms(value, stars):
    from smlib.stars import read_stars
    got, unread = read_stars(pd.Series([value], dtype="object"))
    assert unread == 0
    assert (np.isnan(got[0]) if stars is None else got[0] == stars)


@pytest.mark.parametrize("value", ["8/10", "4 out of 10", "great", "4-5", "★★★★★★", True, "4 stars 5"])
def test_read_stars_counts_what_it_cannot_read(value):
    from smlib.stars import read_stars
    got, unread = read_stars(pd.Series([value, "3"], dtype="object"))
    assert unread == 1 and np.isnan(got[0]) and got[1] == 3.0


def test_half_stars_are_another_scale():
    s, changed, info = apply_ratings(np.array([0.5]), [1.5])
    assert not changed.any() and "1.5" in info["why"]


def test_explain_sentiment_shows_the_star_rule():
    e = smlib.explain_sentiment(SARCASM, rating=1)
    assert e.attrs["label"] == "negative" and e.attrs["score"] == -1.0
    assert e["why"].str.contains("1 of 5 stars").any()
    plain = smlib.explain_sentiment(SARCASM)
    assert plain.attrs["label"] != "negative"
    with pytest.raises(DataError, match="rating"):
        smlib.explain_sentiment(SARCASM, rating=7)


def test_priority_counts_a_one_star_sarcastic_review_as_a_complaint():
    t0 = pd.Timestamp("2026-03-02 10:00", tz="UTC")
    fr = _frame([SARCASM], [1]).assign(
        created_at=[t0], author="@cust", author_id="c1", author_is_org=False, kind="review",
        thread_id="0", in_reply_to_id=None)
    with_stars = smlib.prioritise(fr, now=t0 + pd.Timedelta(hours=1))
    without = smlib.prioritise(fr.drop(columns="rating"), now=t0 + pd.Timedelta(hours=1))
    assert with_stars["priority"][0] > without["priority"][0]
    assert "complain" in " ".join(with_stars["reasons"][0]).lower()
    assert "complain" not in " ".join(without["reasons"][0]).lower()


def test_google_reviews_export_gets_star_verdicts(tmp_path):
    reviews = {"reviews": [
        {"reviewId": "r1", "reviewer": {"displayName": "A"}, "starRating": "ONE",
         "comment": SARCASM, "createTime": "2026-03-02T10:00:00Z"},
        {"reviewId": "r2", "reviewer": {"displayName": "B"}, "starRating": "FOUR",
         "comment": FLAT, "createTime": "2026-03-02T11:00:00Z"}]}
    p = tmp_path / "reviews.json"
    p.write_text(json.dumps(reviews), encoding="utf-8")
    ds = smlib.load(p, org="Shop")
    f = smlib.add_sentiment(ds.interactions).set_index("message_id")
    assert f.loc["r1", "sentiment_label"] == "negative"
    assert f.loc["r2", "sentiment_label"] == "positive"


def test_report_sentence_counts_the_sample_reviews():
    ds = smlib.enrich(smlib.load_sample("northway-rail"), themes=False, priorities=False)
    f = ds.interactions
    info = f.attrs["sentiment_ratings"]
    assert info["rated"] == int(f["rating"].notna().sum()) > 0
    assert info["changed"] == int(f["sentiment_rules"].str.contains("of 5 stars").sum()) > 0
    s = rv.ratings_sentence(f)
    assert f"{info['rated']:,} reviews have star ratings" in s and f"In {info['changed']:,} of them" in s
    rated = f[f["rating"].notna()]
    assert not ((rated["rating"] <= 2) & (rated["sentiment_label"] != "negative")).any()
    assert not ((rated["rating"] >= 4) & (rated["sentiment_label"] != "positive")).any()


@pytest.mark.slow
def test_documented_sample_figures_are_recomputed():
    """docs/sentiment.md's star-rating table is what evaluation/sentiment_sample.py computes now."""
    import importlib.util
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("sentiment_sample", root / "evaluation" / "sentiment_sample.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    f = mod.labelled()
    t = mod.table(f)
    doc = (root / "docs" / "sentiment.md").read_text(encoding="utf-8")
    assert (f"{len(f):,} sample messages that are in\nthe answer key, {int(f['rating'].notna().sum()):,} "
            f"of them reviews with stars; the stars changed {int((f['words'] != f['stars']).sum()):,} labels") in doc
    for what, r in t.iterrows():
        line = f"| {what} | {int(r['messages']):,} | {r['vader']:.1%} | {r['words']:.1%} | {r['stars']:.1%}"
        assert line in doc, f"docs/sentiment.md does not have: {line}"
    assert t.loc["reviews with 1-2 stars scored negative", "words"] < 1.0
    assert t.loc["sarcastic messages scored negative", "stars"] > t.loc["sarcastic messages scored negative", "words"]


def test_a_csv_with_ratings_written_as_text_loads_them(tmp_path):
    p = tmp_path / "reviews.csv"
    p.write_text("date,review,rating\n"
                 f'2026-03-01 10:00,"{SARCASM}",1/5\n'
                 f"2026-03-01 11:00,{FLAT},★★★★☆\n"
                 "2026-03-01 12:00,ok,great\n"
                 "2026-03-01 13:00,fine,4\n", encoding="utf-8")
    ds = smlib.load(p, org="Shop")
    assert ds.interactions["rating"].tolist()[:2] == [1, 4] and pd.isna(ds.interactions["rating"][2])
    assert ds.load_summary["rows_kept"] == 4
    assert any("1 value(s) in column 'rating' are not a whole number of stars" in w for w in ds.load_summary["warnings"])
    f = smlib.add_sentiment(ds.interactions)
    assert f["sentiment_label"].tolist()[:2] == ["negative", "positive"]


def _review_frame(texts, ratings):
    t0 = pd.Timestamp("2026-03-02 10:00", tz="UTC")
    return _frame(texts, ratings).assign(
        created_at=t0, author=[f"@c{i}" for i in range(len(texts))],
        author_id=[f"c{i}" for i in range(len(texts))], author_is_org=False, kind="review",
        thread_id=[str(i) for i in range(len(texts))], in_reply_to_id=None), t0


def test_a_two_star_review_with_mild_words_is_a_complaint_not_thanked():
    """'Waited 40 minutes for a table' with 2 stars: the words are only mildly negative (above
    the complaint tone cut), so priority thanked it as a review. Few stars are a complaint."""
    fr, t0 = _review_frame(["Waited 40 minutes for a table"], [2])
    assert smlib.add_sentiment(fr)["sentiment"][0] > -0.35              # the case this is about
    p = smlib.prioritise(fr, now=t0 + pd.Timedelta(hours=1))
    reasons = " ".join(p["reasons"][0])
    assert "a complaint that needs putting right (2 of 5 stars)" in reasons
    assert "to thank" not in reasons and not p["suggested_response"][0].startswith("Thank you")


def test_the_stars_complaint_rule_is_set_in_the_rules_file(tmp_path):
    from smlib.priority import load_priority_rules
    from smlib.paths import data_file
    text = data_file("priority_rules.toml").read_text(encoding="utf-8")
    assert "stars_at_or_below = 2" in text
    off = tmp_path / "rules.toml"
    off.write_text(text.replace("stars_at_or_below = 2", "stars_at_or_below = 0"), encoding="utf-8")
    fr, t0 = _review_frame(["Waited 40 minutes for a table"], [2])
    p = smlib.prioritise(fr, now=t0 + pd.Timedelta(hours=1), rules=off)
    assert "stars" not in " ".join(p["reasons"][0])
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace("stars_at_or_below = 2", 'stars_at_or_below = "two"'), encoding="utf-8")
    with pytest.raises(DataError, match="stars_at_or_below"):
        load_priority_rules(bad)


def test_stars_on_another_scale_make_no_complaint():
    fr, t0 = _review_frame(["Waited 40 minutes for a table", "Nice"], [2, 9])
    p = smlib.prioritise(fr, now=t0 + pd.Timedelta(hours=1))
    assert "stars" not in " ".join(p["reasons"][0])


def test_a_correction_beats_the_stars_in_priority_too():
    """A 1-star review a person corrected to positive kept score -1.00, so prioritise() still
    made it a complaint ('1 of 5 stars', 'strength of feeling -1.00')."""
    fr, t0 = _review_frame([SARCASM], [1])
    corr = pd.DataFrame({"platform": ["reviews"], "message_id": ["0"], "sentiment_label": ["positive"]})
    f = smlib.add_sentiment(fr, corrections=corr)
    assert f["sentiment_label"][0] == "positive" and f["sentiment"][0] == 0.5
    reasons = " ".join(smlib.prioritise(f, now=t0 + pd.Timedelta(hours=1))["reasons"][0])
    assert "complaint" not in reasons and "strength of feeling" not in reasons


@pytest.mark.parametrize("rating", ["1/5", "★", "one", "ONE star", 1])
def test_explain_sentiment_reads_text_ratings(rating):
    assert smlib.explain_sentiment("I love this, wonderful", rating=rating).attrs["label"] == "negative"


@pytest.mark.parametrize("cell", [[1], {"a": 1}, {1}, 10 ** 400])
def test_odd_rating_cells_are_counted_not_a_crash(cell):
    f = pd.DataFrame({"text": [SARCASM, SARCASM], "rating": pd.Series([cell, 1], dtype=object)})
    out = smlib.add_sentiment(f)
    assert out.attrs["sentiment_ratings"]["unreadable"] == 1 and out["sentiment_label"][1] == "negative"


def test_rating_column_problems_are_data_errors():
    f = pd.DataFrame([[SARCASM, 1, 2]], columns=["text", "rating", "rating"])
    with pytest.raises(DataError, match="2 columns called 'rating'"):
        smlib.add_sentiment(f)
    with pytest.raises(DataError, match="no column 'stars'"):
        smlib.add_sentiment(pd.DataFrame({"text": [SARCASM]}), rating_col="stars")
    with pytest.raises(DataError, match="2 ratings for 3 scores"):
        apply_ratings(np.array([0.1, 0.2, 0.3]), [1, 5])


@pytest.mark.parametrize("cells, kept, warned", [
    (["1", "5", "0"], [1, 5, None], "1 value(s) in column 'rating' are not a whole number of stars"),
    (["2.5/5", "Rated 4.5 out of 5 stars", "3.5"], [None, None, None], "3 value(s)"),
    (["1", "8", "10"], [1, 8, 10], "has values above 5"),
])
def test_a_loaded_rating_column_keeps_each_rows_stars_or_marks_it_unknown(tmp_path, cells, kept, warned):
    """One '0' (not rated) made add_sentiment drop every star in the file, and half stars were
    rounded (2.5 -> 2, a complaint). Now an odd value is unknown for its own row, never rounded;
    a 0-10 scale is kept as written and the star rules leave it alone."""
    p = tmp_path / "acme.csv"
    p.write_text("date,text,rating\n" + "".join(f'2026-03-02 1{i}:00,Lovely place,"{c}"\n'
                                                for i, c in enumerate(cells)), encoding="utf-8")
    ds = smlib.load(p, org="Acme")
    got = [None if pd.isna(v) else int(v) for v in ds.interactions["rating"]]
    assert got == kept and ds.load_summary["rows_kept"] == 3
    assert any(warned in w for w in ds.load_summary["warnings"])
    labels = smlib.add_sentiment(ds.interactions)["sentiment_label"].tolist()
    assert labels[0] == ("negative" if kept[0] == 1 and kept[1] != 8 else "positive")


def test_prioritise_a_frame_glued_from_two_exports_with_repeated_row_labels():
    """pd.concat without ignore_index repeats labels 0, 1, …: prioritise raised a pandas ValueError
    (found by the review, in security's per-row lookup). Now the rows are scored as if the labels
    were unique, and keep their labels."""
    fr, t0 = _review_frame(["Waited 40 minutes for a table", "Lovely staff"], [2, 5])
    glued = pd.concat([fr, fr.assign(message_id=["2", "3"], thread_id=["2", "3"])])
    p = smlib.prioritise(glued, now=t0 + pd.Timedelta(hours=1))
    single = smlib.prioritise(glued.reset_index(drop=True), now=t0 + pd.Timedelta(hours=1))
    assert p.index.tolist() == [0, 1, 0, 1]
    assert p["priority"].tolist() == single["priority"].tolist()
    assert p["category"].astype(str).tolist() == single["category"].astype(str).tolist()
