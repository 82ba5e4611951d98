"""Valid but unusual files through the whole chain: figures and sentences must stay true.

Each case comes from a session-11 review that fed odd but valid data through load → monitor →
describe_activity → enrich → explain_extremes; each was false or misleading before.
"""
from __future__ import annotations

import pandas as pd
import pytest

import smlib
from smlib.summary import pct


def _csv(tmp_path, rows, name="export.csv"):
    path = tmp_path / name
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_messages_without_authors_are_not_one_repeat_customer(tmp_path):
    texts = ["Where is my refund?", "Love the new menu", "Can I book a table for 6?",
             "Great staff today", "Is the car park open?"]
    path = _csv(tmp_path, [{"date": f"2026-03-02T{9 + i}:00:00Z", "text": t} for i, t in enumerate(texts)])
    rich = smlib.enrich(smlib.load(path, org="acme")).interactions
    assert not rich["reasons"].map(lambda r: any("contacted the business" in x for x in r)).any()
    text = smlib.explain_extremes(rich)["text"]
    assert "–  on" not in text and "someone unnamed on" in text


def test_a_file_without_the_organisations_messages_has_no_waiting_figures(tmp_path):
    rows = [{"message_id": f"m{i}", "created_at": f"2026-03-0{2 + i % 5}T1{i % 8}:00:00Z",
             "author": f"c{i % 4}", "text": "Where is my refund?"} for i in range(20)]
    ds = smlib.load(_csv(tmp_path, rows), org="acme", org_handles=["acme"])
    res = smlib.monitor(ds)
    care = res["customer_care"].set_index("platform").loc["all"]
    assert pd.isna(care["waiting"]) and pd.isna(care["answered_share"])
    assert res["headline"]["waiting"] is None
    rich = smlib.enrich(ds).interactions
    assert not rich["reasons"].map(lambda r: any("without a reply" in x for x in r)).any()
    assert any("waiting time is not scored" in n for n in rich.attrs.get("priority_notes", []))
    # a frame (which may be part of the data) is still scored for waiting
    framed = smlib.prioritise(ds.interactions)
    assert framed["reasons"].map(lambda r: any("without a reply" in x for x in r)).any()
    assert smlib.prioritise(ds)["reasons"].map(lambda r: not any("without a reply" in x for x in r)).all()


def test_counts_that_are_all_unreadable_are_not_zero_engagement(tmp_path):
    rows = [{"id": f"p{i}", "date": f"2026-03-0{2 + i}T09:00:00Z", "author": "acme",
             "text": "Our spring menu is here!", "likes": -1, "shares": "lots"} for i in range(5)]
    rows += [{"id": f"c{i}", "date": f"2026-03-0{2 + i}T10:00:00Z", "author": f"cust{i}",
              "text": "Looks lovely", "likes": -1, "shares": "lots"} for i in range(5)]
    ds = smlib.load(_csv(tmp_path, rows), org="acme", org_handles=["acme"])
    text = smlib.describe_activity(smlib.monitor(ds))
    assert "engagement cannot be measured" in text and "got 0 likes" not in text
    # one readable count keeps the column: its zeros are real
    rows[0]["likes"] = 3
    ds = smlib.load(_csv(tmp_path, rows, "b.csv"), org="acme", org_handles=["acme"])
    assert "engagement cannot be measured" not in smlib.describe_activity(smlib.monitor(ds))


def test_an_urgent_lowest_message_is_not_said_to_wait():
    from smlib.schema import conform_interactions
    t = pd.Timestamp("2026-03-02 10:00", tz="UTC")
    texts = ["There is smoke coming from the kitchen, someone is hurt. Disgraceful, my solicitor will hear about this",
             "A child cut her hand on a broken glass by the door, she is bleeding"]
    f = conform_interactions(pd.DataFrame({
        "org": "o", "platform": "x", "message_id": ["1", "2"], "created_at": [t, t],
        "author_id": ["a", "b"], "author_is_org": False, "kind": "mention", "text": texts}))
    p = smlib.prioritise(f)
    assert p["urgent"].all() and p["priority"].nunique() == 2
    text = smlib.explain_extremes(p)["text"]
    assert "can wait" not in text and "urgent too" in text


def test_one_rating_above_five_does_not_switch_off_every_star(tmp_path):
    specs = [("", 1), ("", 1), ("", 1), ("Great, thanks", 5), ("Fine", 6)]
    rows = [{"review_id": f"r{i}", "date": f"2026-03-0{2 + i}T12:00:00Z", "reviewer": f"p{i}",
             "review": t, "rating": s} for i, (t, s) in enumerate(specs)]
    ds = smlib.load(_csv(tmp_path, rows), org="acme")
    assert ds.interactions["rating"].isna().sum() == 1          # only the 6 is unknown
    assert any("found 6" in w for w in ds.load_summary["warnings"])
    rich = smlib.enrich(ds).interactions
    assert (rich["sentiment_label"].iloc[:3] == "negative").all()
    # a real 0-10 scale is still recognised: stars rules leave it alone, and a blank text with
    # a 0-10 score is not a "stars-only review"
    scores = [8, 9, 3, 10, 7, 2]
    rows = [{"review_id": f"s{i}", "date": f"2026-03-0{2 + i % 5}T12:00:00Z", "reviewer": f"q{i}",
             "review": "ok" if i else "", "rating": s} for i, s in enumerate(scores)]
    ds = smlib.load(_csv(tmp_path, rows, "ten.csv"), org="acme")
    assert any("not read as 1–5" in w for w in ds.load_summary["warnings"])
    assert ds.load_summary.get("stars_only", 0) == 0
    assert ds.load_summary["reasons"].get("no text") == 1


@pytest.mark.parametrize("share, said", [(1 / 10000, "under 0.1%"), (0.9999, "over 99.9%"),
                                         (0.996, "99.6%"), (0.0, "0%"), (1.0, "100%")])
def test_percentages_near_the_ends_are_not_rounded_to_them(share, said):
    assert pct(share) == said


def test_reply_and_people_wording_for_tiny_files(tmp_path):
    rows = [{"message_id": "1", "created_at": "2026-03-02T10:00:00Z", "author": "jo",
             "text": "Is the shop open today?"},
            {"message_id": "2", "created_at": "2026-03-02T10:00:20Z", "author": "acme",
             "text": "Yes, until 6pm!", "parent_id": "1"},
            {"message_id": "3", "created_at": "2026-03-02T11:00:00Z", "author": "jo",
             "text": "Thanks, see you later"},
            {"message_id": "4", "created_at": "2026-03-02T11:00:30Z", "author": "acme",
             "text": "See you soon", "parent_id": "3"}]
    ds = smlib.load(_csv(tmp_path, rows), org="acme", org_handles=["acme"])
    text = smlib.describe_activity(smlib.monitor(ds))
    assert "within under a minute" not in text and "within a minute" in text
    assert "1 different person" not in text and "1 person wrote" in text


def test_dates_from_1970_or_the_future_are_kept_with_a_warning(tmp_path):
    rows = [{"date": d, "text": t} for d, t in (("1970-01-01T00:00:00Z", "zero date here"),
                                                 ("2026-03-02T10:00:00Z", "an ordinary one"),
                                                 ("2099-01-01T00:00:00Z", "far in the future"))]
    ds = smlib.load(_csv(tmp_path, rows), org="acme")
    assert ds.load_summary["rows_kept"] == 3
    warned = " ".join(ds.load_summary["warnings"])
    assert "dated before 1995" in warned and "01 Jan 1970" in warned
    assert "dated in the future" in warned and "01 Jan 2099" in warned
    ok = smlib.load(_csv(tmp_path, rows[1:2], "ok.csv"), org="acme")
    assert not any("dated" in w for w in ok.load_summary["warnings"])


@pytest.mark.parametrize("scores, other_scale", [
    ([10, 10, 10, 10, 10, 10, 3, 1, 4, 2], True),         # several above 5: 0-10
    ([4, 5, 1, 10, 4, 5, 3, 2, 1, 5, 3, 4], False),        # one stray 10 is a mistake in its row
    ([1, 1, 2, 1, 3, 1, 2, 1, 7, 9, 1, 2], True),          # several above 5
    ([4, 5, 1, 6, 4, 5, 3, 2, 1, 5], False),               # one stray 6
])
def test_which_rating_columns_are_another_scale(tmp_path, scores, other_scale):
    rows = [{"review_id": f"r{i}", "date": f"2026-03-0{2 + i % 5}T12:00:00Z", "reviewer": f"p{i}",
             "review": "ok then", "rating": s} for i, s in enumerate(scores)]
    ds = smlib.load(_csv(tmp_path, rows), org="acme")
    said = any("not read as 1–5" in w for w in ds.load_summary["warnings"])
    assert said == other_scale
    if not other_scale:
        assert ds.interactions["rating"].isna().sum() == 1


def test_a_blank_likes_column_is_not_zero_engagement(tmp_path):
    rows = [{"id": f"p{i}", "date": f"2026-03-0{2 + i}T09:00:00Z", "author": "acme",
             "text": "Our spring menu is here!", "likes": ""} for i in range(4)]
    ds = smlib.load(_csv(tmp_path, rows), org="acme", org_handles=["acme"])
    assert "engagement cannot be measured" in smlib.describe_activity(smlib.monitor(ds))


def test_replies_dated_before_their_message_are_warned_about(tmp_path):
    """A review found such replies silently not counted: every message looked unanswered."""
    rows = [{"id": "1", "date": "2026-03-02T10:00:00Z", "author": "c", "text": "where is it?", "in_reply_to": ""},
            {"id": "2", "date": "2026-03-02T09:00:00Z", "author": "acme", "text": "sorry!", "in_reply_to": "1"},
            {"id": "3", "date": "2026-03-02T11:00:00Z", "author": "acme", "text": "on its way", "in_reply_to": "1"}]
    ds = smlib.load(_csv(tmp_path, rows), org="acme", org_handles=["acme"])
    assert ds.load_summary["rows_kept"] == 3
    assert any("1 reply is dated before the message answered (e.g. row 2); kept, but it cannot count as an answer" in w
               for w in ds.load_summary["warnings"])
    rows[1]["date"] = "2026-03-02T10:30:00Z"
    ok = smlib.load(_csv(tmp_path, rows, "ok.csv"), org="acme", org_handles=["acme"])
    assert not any("dated before the message" in w for w in ok.load_summary["warnings"])
