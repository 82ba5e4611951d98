"""A count the source does not record is not shown as 0 (session 15).

Loaders fill 0 for likes, shares or replies a source does not have (the model needs a whole
number), so "0 replies" on an X archive read as "nobody replied". The loader now says where
each count came from (``load_summary["counts"]``) and the chart, the summary sentence and the
notebook line show only what the data records.
"""
from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest

import smlib
from smlib import charts
from smlib.metrics import count_sources, engagement_counted
from smlib.summary import counts_said, describe_activity

DAYS = ["2024-03-11", "2024-03-12", "2024-03-13", "2024-03-14", "2024-03-15"]


def _csv(tmp_path, with_likes=True, with_replies=False, zero_likes=False):
    """Five days of a business's posts (with likes and shares) and the public's messages."""
    rows = []
    for i, d in enumerate(DAYS):
        rows.append({"id": f"p{i}", "date": f"{d}T09:00:00Z", "author": "@shopco",
                     "text": f"Our offer for day {i}", "shares": 3 + i,
                     "likes": 0 if zero_likes else 10 + i, "replies": 2})
        rows.append({"id": f"c{i}", "date": f"{d}T10:00:00Z", "author": f"@person{i}",
                     "text": "My parcel is late again", "shares": 0, "likes": 0, "replies": 0})
    df = pd.DataFrame(rows)
    if not with_likes:
        df = df.drop(columns="likes")
    if not with_replies:
        df = df.drop(columns="replies")
    path = tmp_path / "shopco.csv"
    df.to_csv(path, index=False)
    return path


def _monitor(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds = smlib.load(path, org_handles=["@shopco"])
        res = smlib.monitor(smlib.enrich(ds), days=DAYS)
    return ds, res


def test_loader_says_which_counts_a_csv_records(tmp_path):
    ds = smlib.load(_csv(tmp_path, with_likes=False), org_handles=["@shopco"])
    assert ds.load_summary["counts"] == {"likes": "not recorded", "shares": "recorded",
                                         "replies": "not recorded"}


def test_a_column_of_zeros_is_recorded_not_missing(tmp_path):
    """Guard: 0 likes in a likes column is a real 0 (nobody liked it)."""
    ds = smlib.load(_csv(tmp_path, zero_likes=True, with_replies=True), org_handles=["@shopco"])
    assert ds.load_summary["counts"] == {"likes": "recorded", "shares": "recorded", "replies": "recorded"}
    assert count_sources(ds)["likes"] == "recorded"


def test_x_archive_replies_are_counted_from_the_file(tmp_path):
    """tweets.js has like and retweet counts but no reply count: replies come from the file."""
    tweets = [{"tweet": {"id_str": str(100 + i), "full_text": f"Post {i}", "favorite_count": "4",
                         "retweet_count": "1", "created_at": f"Mon Mar 1{1 + i} 09:00:00 +0000 2024"}}
              for i in range(3)]
    path = tmp_path / "tweets.js"
    path.write_text("window.YTD.tweets.part0 = " + json.dumps(tweets), encoding="utf-8")
    ds = smlib.load(path)
    assert ds.load_summary["counts"] == {"likes": "recorded", "shares": "recorded",
                                         "replies": "counted from this file"}


def test_chart_leaves_out_a_count_that_is_not_recorded(tmp_path):
    _, res = _monitor(_csv(tmp_path, with_likes=True, with_replies=False))
    assert res["meta"]["counts"]["replies"] == "not recorded"
    fig = charts.engagement(res, interactive=True)
    assert [t.name for t in fig.data] == ["likes", "shares"]
    assert "replies are not recorded in this data" in fig.layout.title.text
    assert fig.layout.yaxis.title.text.startswith("Likes and shares per post")
    mfig = charts.engagement(res)
    labels = [t.get_text() for t in mfig.axes[0].get_legend().get_texts()]
    assert labels == ["likes", "shares"]


def test_chart_keeps_all_three_when_all_are_recorded(tmp_path):
    """Guard: nothing is left out or said when every count is recorded."""
    _, res = _monitor(_csv(tmp_path, with_likes=True, with_replies=True))
    fig = charts.engagement(res, interactive=True)
    assert [t.name for t in fig.data] == ["likes", "shares", "replies"]
    assert "not recorded" not in fig.layout.title.text


def test_summary_sentence_names_only_recorded_counts(tmp_path):
    _, res = _monitor(_csv(tmp_path, with_likes=False, with_replies=False))
    text = describe_activity(res)
    sentence = next(s for s in text.split(". ") if "posts got" in s)
    assert "got 25 shares (likes and replies are not recorded in this data)" in sentence
    assert "likes, shares and replies" not in text


def test_counts_said_heading_form():
    assert counts_said({"likes": "recorded", "shares": "recorded", "replies": "recorded"}, plus=True) \
        == ("Likes + shares + replies", "")
    assert counts_said({"likes": "not recorded", "shares": "recorded", "replies": "recorded"}, plus=True) \
        == ("Shares + replies", " (likes are not recorded in this data)")


def test_data_built_in_memory_falls_back_to_what_the_counts_show():
    """A Dataset made without a loader has no ``counts``: a count above 0 anywhere is recorded."""
    ds = smlib.load_sample("kelby-council")
    ds.load_summary.pop("counts", None)
    inter = ds.interactions.assign(shares=0)
    got = count_sources(smlib.Dataset(interactions=inter, load_summary=dict(ds.load_summary)))
    assert got == {"likes": "recorded", "shares": "not recorded", "replies": "recorded"}


def test_engagement_counted_uses_the_loader_record(tmp_path):
    """A file whose likes column holds only zeros still records likes (engagement 0 is real)."""
    ds = smlib.load(_csv(tmp_path, zero_likes=True), org_handles=["@shopco"])
    assert engagement_counted(ds)
    none = ds.interactions.assign(likes=0, shares=0, replies=0)
    summary = dict(ds.load_summary, counts={"likes": "not recorded", "shares": "not recorded",
                                            "replies": "counted from this file"})
    assert not engagement_counted(smlib.Dataset(interactions=none, load_summary=summary))


@pytest.mark.parametrize("org", ["kelby-council"])
def test_sample_records_every_count(org):
    assert smlib.load_sample(org).load_summary["counts"] == {
        "likes": "recorded", "shares": "recorded", "replies": "recorded"}


def test_most_shared_table_leaves_out_shares_a_source_does_not_record(tmp_path):
    """Reddit records likes (score) but no shares: the table of the public's most shared
    messages showed a Shares column of 0s."""
    rows = [{"id": f"c{i}", "date": f"{d}T10:00:00Z", "author": f"@person{i}", "likes": 5 + i,
             "text": "Still waiting for my refund"} for i, d in enumerate(DAYS)]
    path = tmp_path / "forum.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    _, res = _monitor(path)
    top = res["top_messages"]
    assert len(top) == 5 and "shares" not in top.columns and "likes" in top.columns
    assert "most shared" not in describe_activity(res)
