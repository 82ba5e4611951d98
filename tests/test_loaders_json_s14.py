"""Session 14 review of the JSON loaders: defects a reviewer found (repro files kept in
tests/data/loaders/s14_json/, trimmed, with made-up people), each with a guard that a nearby valid
case does not change. Expected figures are read from the fixtures by eye, never from smlib.

1. Facebook "other people's posts to your timeline" were loaded as the owner's own posts.
2. Every version of an edited tweet was its own message.
3. X API text cut short (v1.1 compatibility mode, v2 long posts) was kept cut.
4. An object with several record lists kept one; ``{"tweets": …}`` and Bluesky feeds were refused.
5. Google "My Activity" histories and Instagram follower lists loaded as messages.
6. An empty ``tweets.js`` was "not an export smlib knows".
7. Instagram's 2020 ``comments.json`` (``[date, text, owner]`` rows) was skipped entirely.
"""
from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pytest

import smlib
from smlib import DataError
from smlib.loaders import detect_format

from _loader_checks import GOOD, HERE, check_summary, utc

S14 = HERE / "s14_json"


def rows(ds: smlib.Dataset) -> pd.DataFrame:
    return ds.interactions.set_index("message_id")


def missing(v: Any) -> bool:
    return v is None or pd.isna(v)


# ---------------------------------------------------------------- 1. Facebook: posts by others

def test_facebook_other_peoples_posts_are_by_their_writers_not_the_owner():
    ds = smlib.load(S14 / "facebook_other_peoples_posts_v2.json", org_handles=["cafenova", "Cafe Nova"])
    s = check_summary(ds)
    assert s["format"] == "facebook" and (s["rows_in"], s["rows_kept"], s["reasons"]) == (4, 4, {})
    f = rows(ds)
    complaint = f.loc["fb-0-wall_posts_sent_to_you_v2-0"]
    assert complaint["text"] == "My order never came, please call me"
    assert (complaint["author_id"], complaint["author_name"]) == ("Jane Doe", "Jane Doe")
    assert not complaint["author_is_org"] and complaint["kind"] == "comment"
    assert complaint["created_at"] == utc("2024-11-25 13:06:40")
    assert f.loc["fb-0-wall_posts_sent_to_you_v2-1", "author_id"] == "Sam Lee"     # "posted on"
    own = f.loc["fb-0-wall_posts_sent_to_you_v2-2"]                 # "shared a link to", by a handle
    assert own["author_is_org"] and own["kind"] == "post"
    french = f.loc["fb-0-wall_posts_sent_to_you_v2-3"]              # title not in English
    assert french["author_id"] == "" and missing(french["author_name"]) and not french["author_is_org"]
    assert french["text"] == "Merci pour le café"                   # mojibake repaired
    assert any("does not say who wrote them" in w and "wall_posts_sent_to_you_v2[3]" in w for w in s["warnings"])


@pytest.mark.parametrize("name", ["facebook_other_peoples_posts_list.json",
                                  "facebook_other_peoples_posts_activity_log.json"])
def test_facebook_older_other_peoples_posts_layouts(name):
    """The older key, as a list and wrapped in ``{"activity_log_data": [...]}`` (was refused)."""
    ds = smlib.load(S14 / name, org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "facebook" and s["reasons"] == {}
    f = rows(ds)
    first = f.loc["fb-0-wall_posts_sent_to_you-0"]
    assert (first["author_id"], first["text"]) == ("Tom Brown", "Still waiting for my refund")
    assert not first["author_is_org"] and first["kind"] == "comment"
    assert first["created_at"] == utc("2018-07-25 17:33:20")
    if "activity_log" in name:
        assert s["rows_in"] == s["rows_kept"] == 2
        link = f.loc["fb-0-wall_posts_sent_to_you-1"]
        assert (link["author_id"], link["text"]) == ("Ann Green", "https://example.org/review")
    assert not ds.interactions["author_is_org"].any()


def test_facebook_guard_owners_own_post_on_someone_elses_timeline_stays_the_owners():
    ds = smlib.load(S14 / "facebook_own_post_on_other_timeline.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (1, 1)
    r = ds.interactions.iloc[0]
    assert (r["author_id"], r["author_is_org"], r["kind"]) == ("cafenova", True, "post")
    real = smlib.load(GOOD / "facebook_your_posts_1.json", org_handles=["cafenova"])   # as before
    assert real.interactions["author_is_org"].all() and set(real.interactions["author_id"]) == {"cafenova"}


# ---------------------------------------------------------------- 2. X: edited tweets

def test_x_edited_tweet_is_one_message_with_its_latest_text():
    ds = smlib.load(S14 / "tweets_edited.js", org_handles=["cafenova"])
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (4, 3, {"earlier version of an edited post": 1})
    f = rows(ds)
    assert sorted(f.index) == ["100", "102", "103"]
    assert f.loc["100", "text"] == "We open at 9 tomorrow"          # the latest version's words
    assert f.loc["100", "created_at"] == utc("2022-10-06 21:49:02")  # when it was first posted
    assert f.loc["100", "likes"] == 5                               # the latest version's counts
    assert f.loc["103", "parent_id"] == "100" and f.loc["103", "thread_id"] == "100"
    assert f.loc["102", "text"] == "Fresh bread today"              # guard: never edited
    assert any("edited post" in w for w in s["warnings"])


def test_x_api_v2_edits_and_replies_to_an_earlier_version(tmp_path):
    page = {"data": [
        {"id": "11", "text": "Open till 5", "created_at": "2026-11-20T10:00:00.000Z", "author_id": "9",
         "conversation_id": "11", "edit_history_tweet_ids": ["11"]},
        {"id": "12", "text": "Open till 6", "created_at": "2026-11-20T10:05:00.000Z", "author_id": "9",
         "conversation_id": "11", "edit_history_tweet_ids": ["11", "12"]},
        {"id": "13", "text": "@cafenova great", "created_at": "2026-11-20T10:02:00.000Z", "author_id": "8",
         "conversation_id": "11", "referenced_tweets": [{"type": "replied_to", "id": "11"}],
         "edit_history_tweet_ids": ["13"]}],
        "includes": {"users": [{"id": "9", "username": "cafenova"}, {"id": "8", "username": "jdoe"}]}}
    p = tmp_path / "v2.json"
    p.write_text(json.dumps(page))
    ds = smlib.load(p, org_handles=["cafenova"])
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (3, 2, {"earlier version of an edited post": 1})
    f = rows(ds)
    assert f.loc["11", "text"] == "Open till 6" and f.loc["11", "created_at"] == utc("2026-11-20 10:00")
    assert f.loc["13", "parent_id"] == "11"


# ---------------------------------------------------------------- 3. X: whole text

def test_x_api_v1_compat_mode_tweets_keep_their_whole_text():
    ds = smlib.load(S14 / "x_stream_truncated.jsonl", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "twitter_archive" and (s["rows_in"], s["rows_kept"]) == (3, 3)
    f = rows(ds)
    whole = ("@cafenova my parcel never arrived and nobody answers the phone, this is the third time I "
             "write to you about order 12345, please help")
    assert f.loc["1000", "text"] == whole
    assert f.loc["1002", "text"] == "RT @jdoe: " + whole               # a retweet of it
    assert f.loc["1001", "text"] == "@jdoe so sorry, we are on it"     # guard: not cut, unchanged
    assert not any("https://t.co" in t for t in f["text"])


def test_x_api_v1_compat_mode_tweets_saved_as_a_json_list(tmp_path):
    items = [json.loads(x) for x in (S14 / "x_stream_truncated.jsonl").read_text().splitlines()]
    assert items[0]["truncated"] is True
    p = tmp_path / "stream_list.json"
    p.write_text(json.dumps(items))
    ds = smlib.load(p, org_handles=["cafenova"])
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (3, 3)
    assert rows(ds).loc["1000", "text"].endswith("about order 12345, please help")


def test_x_api_v2_long_post_keeps_its_note_tweet_text():
    ds = smlib.load(S14 / "x_v2_note_tweet.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (2, 2)
    f = rows(ds)
    assert f.loc["1", "text"].endswith("Thank you for your patience while we settle in.")
    assert "https://t.co" not in f.loc["1", "text"] and len(f.loc["1", "text"]) > 280
    assert f.loc["2", "text"] == "@cafenova thanks!"                   # guard: no note_tweet


def test_x_archive_long_post_whole_text_from_note_tweet_js_next_to_it(tmp_path):
    """tweets.js has no ``note_tweet`` field: a long post is cut ("… https://t.co/…"); its whole
    text is in note-tweet.js of the same archive."""
    ds = smlib.load(S14 / "archive_long" / "tweets.js", org_handles=["cafenova"])
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (2, 2)
    f = rows(ds)
    assert f.loc["200", "text"].endswith("every tenth coffee free.") and "t.co" not in f.loc["200", "text"]
    assert "winter & the loyalty" in f.loc["200", "text"]                # &amp; decoded
    assert f.loc["201", "text"].endswith("nothing was cut here …")     # guard: no long post starts so
    assert any("note-tweet.js" in w for w in s["warnings"])
    alone = tmp_path / "tweets.js"                                     # guard: without note-tweet.js
    alone.write_bytes((S14 / "archive_long" / "tweets.js").read_bytes())
    f2 = rows(smlib.load(alone, org_handles=["cafenova"]))
    assert f2.loc["200", "text"].endswith("https://t.co/Ab12Cd")


def test_x_guard_archive_full_text_unchanged():
    ds = smlib.load(GOOD / "tweets-part1.js", org_handles=["cafenova"])
    assert rows(ds).loc["23", "text"] == "Closed for the holiday"


# ---------------------------------------------------------------- 4. records: several lists

def test_records_object_with_several_lists_reads_them_all():
    ds = smlib.load(S14 / "records_posts_and_comments.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "records" and (s["rows_in"], s["rows_kept"], s["reasons"]) == (3, 3, {})
    f = rows(ds)
    assert sorted(f.index) == ["c1", "c2", "p1"]
    assert f.loc["c1", "parent_id"] == "p1" and f.loc["c1", "author_is_org"] and f.loc["c1", "kind"] == "reply"
    assert f.loc["c2", "thread_id"] == "p1" and f.loc["p1", "replies"] == 1
    assert any("'users'" in w and "not read" in w for w in s["warnings"])   # named, not silent


def test_records_tweets_key_is_a_list_of_records():
    ds = smlib.load(S14 / "records_tweets_key.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "records" and (s["rows_in"], s["rows_kept"]) == (2, 2)
    assert rows(ds).loc["t2", "parent_id"] == "t1"


def test_records_bluesky_author_feed():
    ds = smlib.load(S14 / "bluesky_author_feed.json", org_handles=["cafenova.bsky.social"])
    s = check_summary(ds)
    assert s["format"] == "records" and (s["rows_in"], s["rows_kept"]) == (2, 2)
    f = rows(ds)
    root, reply = "at://did:plc:cafe/app.bsky.feed.post/3k1", "at://did:plc:jdoe/app.bsky.feed.post/3k2"
    assert f.loc[root, "text"] == "New hours from Monday" and f.loc[root, "author_is_org"]
    assert f.loc[root, "likes"] == 3 and f.loc[root, "created_at"] == utc("2026-11-20 10:00")
    assert (f.loc[reply, "author_id"], f.loc[reply, "author_name"]) == ("jdoe.bsky.social", "Jane Doe")
    assert f.loc[reply, "parent_id"] == root and f.loc[reply, "thread_id"] == root
    assert f.loc[reply, "language"] == "en" and set(f["platform"].astype(str)) == {"bluesky"}


def test_records_guard_one_list_loads_as_before(tmp_path):
    p = tmp_path / "wrapped.json"
    p.write_text(json.dumps({"data": [{"id": "a", "text": "hello", "date": "2026-11-20T10:00:00Z"}],
                             "paging": {"next": "x"}}))
    ds = smlib.load(p)
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (1, 1) and not any("not read" in w for w in s["warnings"])


# ---------------------------------------------------------------- 5. files that are not messages

@pytest.mark.parametrize("name, words", [
    ("watch-history.json", ["YouTube watch history", "'Watched How to bake bread'", "comments.csv"]),
    ("search-history.json", ["YouTube search history", "Searched for", "comments.csv"]),
    ("instagram_followers_1.json", ["Instagram accounts", "not messages", "post_comments_1.json"]),
    ("instagram_following.json", ["Instagram accounts", "not messages"]),
])
def test_files_that_are_not_messages_say_what_they_are(name, words):
    with pytest.raises(DataError) as exc:
        smlib.load(S14 / name)
    msg = str(exc.value)
    assert name in msg and all(w in msg for w in words), msg


def test_guard_records_with_a_title_and_a_time_are_still_messages():
    ds = smlib.load(S14 / "records_title_time.json")
    s = check_summary(ds)
    assert s["format"] == "records" and (s["rows_in"], s["rows_kept"]) == (2, 2)
    assert ds.interactions["text"].tolist() == ["Watched your video, loved it", "When do you open?"]


def test_guard_instagram_comments_without_links_still_load(tmp_path):
    p = tmp_path / "post_comments_1.json"
    p.write_text(json.dumps({"comments_media_comments": [
        {"title": "jdoe", "string_list_data": [{"value": "Lovely!", "timestamp": 1732540000}]}]}))
    ds = smlib.load(p, org_handles=["cafenova"])
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (1, 1) and ds.interactions["text"].tolist() == ["Lovely!"]


# ---------------------------------------------------------------- 6. empty tweets.js

def test_x_empty_tweets_js_is_an_archive_with_no_posts():
    ds = smlib.load(S14 / "tweets_empty.js", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "twitter_archive" and (s["rows_in"], s["rows_kept"]) == (0, 0)
    assert len(ds.interactions) == 0
    assert any("X archive" in w and "no posts" in w for w in s["warnings"])
    assert detect_format(S14 / "tweets_empty.js") == "twitter_archive"


def test_x_empty_non_message_archive_file_and_plain_empty_list_are_dataerrors(tmp_path):
    with pytest.raises(DataError, match="like.js"):
        smlib.load(S14 / "like_empty.js")
    p = tmp_path / "empty.json"
    p.write_text("[]")
    with pytest.raises(DataError, match="not an export smlib knows"):    # as before
        smlib.load(p)


# ---------------------------------------------------------------- 7. Instagram 2020 comments.json

def test_instagram_2020_comments_json():
    ds = smlib.load(S14 / "instagram_comments_2020.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "instagram"
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (3, 2, {"not an Instagram comment": 1})
    f = ds.interactions
    assert f["text"].tolist() == ["great pic 😍", "see you Saturday"]              # mojibake repaired
    assert f["created_at"].tolist() == [utc("2020-01-02 10:00"), utc("2020-03-01 12:34:56")]
    assert f["author_is_org"].all() and set(f["author_id"]) == {"cafenova"}
    assert set(f["kind"].astype(str)) == {"comment"}


def test_instagram_guard_newer_comment_layouts_unchanged():
    ds = smlib.load(GOOD / "instagram_post_comments_1.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["rows_kept"] == s["rows_in"] > 0 and s["reasons"] == {}
