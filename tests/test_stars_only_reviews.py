"""Reviews that give stars and no words (common on Google and the app stores).

Before session 10 they were skipped as ``no text``: a business with ten 1-star ratings and no
words saw none of them, in P3's counts or in M2's list of what needs action. Now they are kept
with text "" (analyses see the real, empty text), their stars decide their sentiment, priority
makes a 1-2 star one a complaint, and every place a person reads a message shows
``(no words: 1 of 5 stars)`` instead of an empty cell or quote.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

import smlib
from smlib.stars import no_words, shown_text


def _reviews_csv(tmp_path, rows):
    p = tmp_path / "reviews.csv"
    pd.DataFrame(rows, columns=["id", "date", "author", "rating", "text"]).to_csv(p, index=False)
    return p


ROWS = [("r1", "2026-03-02 09:00", "ann", 5, "Lovely staff, quick service"),
        ("r2", "2026-03-02 10:00", "ben", 1, ""),                      # stars, no words
        ("r3", "2026-03-02 11:00", "cy", 2, "Waited 40 minutes for a table"),
        ("r4", "2026-03-02 12:00", "di", None, ""),                    # nothing at all
        ("r5", "2026-03-02 13:00", "ed", 0, ""),                       # 0 = "not rated"
        ("r6", "2026-03-02 14:00", "flo", 4, "   "),                   # stars, white space
        ("r7", "2026-03-02 15:00", "gus", 2.5, "")]                    # not a whole star


def test_stars_without_words_are_kept_and_counted(tmp_path):
    ds = smlib.load(_reviews_csv(tmp_path, ROWS), org="Cafe")
    s = ds.load_summary
    assert s["rows_kept"] + s["rows_skipped"] == s["rows_in"] == 7
    assert s["reasons"] == {"no text": 3}             # r4 (nothing), r5 (0 stars), r7 (2.5 stars)
    assert sorted(s["examples"]["no text"]) == [4, 5, 7]
    f = ds.interactions.set_index("message_id")
    assert list(f.index) == ["r1", "r2", "r3", "r6"]
    assert f.loc["r2", "text"] == "" and f.loc["r6", "text"] == "" and f.loc["r2", "rating"] == 1
    assert (f["kind"] == "review").all()
    assert s["stars_only"] == 2
    assert any(w.startswith("2 review(s) give stars but no words") for w in s["warnings"])


def test_a_file_without_ratings_still_skips_empty_messages(tmp_path):
    p = tmp_path / "posts.csv"
    pd.DataFrame({"id": ["1", "2"], "date": ["2026-03-02", "2026-03-03"], "author": ["a", "b"],
                  "text": ["hello", ""]}).to_csv(p, index=False)
    s = smlib.load(p, org="Cafe").load_summary
    assert s["reasons"] == {"no text": 1} and "stars_only" not in s
    assert not any("no words" in w for w in s["warnings"])


def test_google_review_with_stars_only(tmp_path):
    p = tmp_path / "reviews.json"
    p.write_text(json.dumps({"reviews": [
        {"reviewId": "g1", "reviewer": {"displayName": "Sam Lee"}, "starRating": "ONE",
         "createTime": "2026-03-01T10:00:00Z"},
        {"reviewId": "g2", "reviewer": {"displayName": "Kim"}, "starRating": "FIVE",
         "comment": "Great", "createTime": "2026-03-01T11:00:00Z"},
        {"reviewId": "g3", "reviewer": {"displayName": "Lou"},
         "createTime": "2026-03-01T12:00:00Z"}]}), encoding="utf-8")
    ds = smlib.load(p, org="Cafe")
    s = ds.load_summary
    assert (s["rows_in"], s["rows_kept"], s["rows_skipped"]) == (3, 2, 1)   # g3: no stars either
    assert ds.interactions.set_index("message_id").loc["g1", "rating"] == 1


@pytest.fixture()
def enriched(tmp_path):
    return smlib.enrich(smlib.load(_reviews_csv(tmp_path, ROWS), org="Cafe"))


def test_stars_decide_sentiment_and_priority_of_a_review_with_no_words(enriched):
    f = enriched.interactions.set_index("message_id")
    assert f.loc["r2", "sentiment_label"] == "negative" and f.loc["r2", "sentiment"] == -1.0
    assert f.loc["r6", "sentiment_label"] == "positive"
    assert f.loc["r2", "category"] == "needs_action"
    assert any("(1 of 5 stars)" in r for r in f.loc["r2", "reasons"])
    assert f.loc["r2", "themes"] == []          # no words, no theme


def test_people_read_the_stars_not_an_empty_text(enriched):
    ex = smlib.explain_extremes(enriched.interactions)
    assert ex["highest"][0]["message_id"] == "r2"
    assert ex["highest"][0]["text"] == "(no words: 1 of 5 stars)"
    assert "(no words: 1 of 5 stars)" in ex["text"]
    from smlib.reportview import message_table
    html = message_table(enriched.interactions, columns=["message_id", "text"]).data
    assert "(no words: 1 of 5 stars)" in html and "(no words: 4 of 5 stars)" in html
    assert enriched.interactions.set_index("message_id").loc["r2", "text"] == ""   # the data is untouched


def test_complaint_examples_with_words_come_first(enriched):
    res = smlib.monitor(enriched, days=["2026-03-02"])
    ex = res["complaint_examples"]
    assert list(ex["text"]) == ["Waited 40 minutes for a table", "(no words: 1 of 5 stars)"]
    summary = smlib.describe_activity(res) if hasattr(smlib, "describe_activity") else ""
    assert "“”" not in str(summary)


def test_no_words_and_shown_text():
    assert no_words(2) == "(no words: 2 of 5 stars)" and no_words(None) == "(no words)"
    assert no_words(0) == no_words(2.5) == no_words(10) == no_words("x") == "(no words)"
    f = pd.DataFrame({"text": ["hi", "", None, "\n"], "rating": pd.array([1, 3, None, None], dtype="Int64")})
    assert shown_text(f).tolist() == ["hi", "(no words: 3 of 5 stars)", "(no words)", "(no words)"]
    g = pd.DataFrame({"text": ["hi"]})
    assert shown_text(g) is g["text"] or shown_text(g).tolist() == ["hi"]
