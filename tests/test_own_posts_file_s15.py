"""An export of the organisation's own posts is not "nobody from the public wrote" (session 15).

A reviewer's report on @SpotifyCares' outbound tweets said "2,499 written by @SpotifyCares itself
and 0 from the public. Nobody from the public wrote to or about @SpotifyCares on these days",
when those 2,499 are replies to the public: the file just does not hold the public's side.
"""
from __future__ import annotations

import pandas as pd

import smlib

DAYS = ["2024-03-11", "2024-03-12"]


def _res(tmp_path, rows):
    path = tmp_path / "shopco.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    ds = smlib.load(path, org_handles=["@shopco"])
    return smlib.monitor(smlib.enrich(ds), days=DAYS)


def test_a_file_of_only_the_organisations_messages_says_so(tmp_path):
    rows = [{"id": f"r{i}", "date": f"{d}T09:0{i}:00Z", "author": "@shopco", "text": f"Sorry to hear that {i}",
             "parent_id": f"x{i}"} for i, d in enumerate(DAYS * 2)]
    res = _res(tmp_path, rows)
    assert res["meta"]["public_in_file"] == 0
    text = smlib.describe_activity(res)
    assert "Nobody from the public wrote" not in text
    assert "This file holds only the organisation in shopco.csv's own messages" in text
    assert "All 2 were the business's own." in text


def test_public_silent_on_the_days_but_in_the_file(tmp_path):
    """Guard: the public wrote on another day, so on these days nobody did."""
    rows = [{"id": "p1", "date": f"{DAYS[0]}T09:00:00Z", "author": "@shopco", "text": "Sale on"},
            {"id": "c1", "date": "2024-03-01T09:00:00Z", "author": "@ann", "text": "Where is my parcel"}]
    res = _res(tmp_path, rows)
    assert res["meta"]["public_in_file"] == 1
    assert "Nobody from the public wrote to or about the organisation in shopco.csv on these days." \
        in smlib.describe_activity(res)


def test_repeat_contact_counts_one_organisation_at_a_time():
    """The reviewer: 347 of 3,565 'has contacted the business N times' reasons in the six-airline
    file came from people writing to more than one airline (15 to American, 3 to United)."""
    from smlib.priority import _repeat_counts
    t0 = pd.Timestamp("2024-03-11 09:00", tz="UTC")
    frame = pd.DataFrame({"author_id": ["ann"] * 4, "platform": ["x"] * 4,
                          "org": ["united", "american", "united", "american"],
                          "created_at": [t0 + pd.Timedelta(hours=h) for h in range(4)]})
    got = _repeat_counts(frame, pd.Series(True, index=frame.index), 48).tolist()
    assert got == [1, 1, 2, 2]
    one_org = frame.assign(org="united")   # guard: one organisation, every message counts
    assert _repeat_counts(one_org, pd.Series(True, index=frame.index), 48).tolist() == [1, 2, 3, 4]


def test_tool_recommendation_on_own_posts_says_what_its_shares_are_of(tmp_path):
    """Mastodon outbox: 'It would see 100% of the organisation's messages' rested on the
    organisation's own posts only; the caution says so."""
    rows = [{"id": f"r{i}", "date": f"{d}T09:0{i}:00Z", "author": "@shopco", "text": f"New offer {i}",
             "platform": "facebook"} for i, d in enumerate(DAYS * 2)]
    path = tmp_path / "shopco.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    ds = smlib.enrich(smlib.load(path, org_handles=["@shopco"]))
    text = smlib.recommend_tool(ds, days=DAYS).text()
    assert "holds only the organisation's own posts and replies" in text


def test_tool_recommendation_with_the_public_gives_no_such_caution():
    rec = smlib.recommend_tool(smlib.enrich(smlib.load_sample("northway-rail")))
    assert "holds only the organisation's own posts" not in rec.text()
