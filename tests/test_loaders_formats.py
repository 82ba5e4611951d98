"""Variants of the JSON export formats that the real files in ../shared/realdata do not show:
second archive parts, long posts, older and newer Facebook/Instagram layouts, several saved API
pages, listings, API responses, saved error answers - and hostile edits of each.

The fixtures (tests/data/loaders/good|bad) are hand-made in the shapes documented or used by
public parsers of these exports, with invented text. Expected figures are read from the fixtures
by eye (each is a few records), never from smlib.
"""
from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import smlib
from smlib import DataError
from smlib.loaders import detect_format

from _loader_checks import BAD, GOOD, HERE, check_summary, utc  # noqa: F401


def rows(ds: smlib.Dataset) -> pd.DataFrame:
    return ds.interactions.set_index("message_id")


def no_parent(v: Any) -> bool:
    return v is None or pd.isna(v)


# ---------------------------------------------------------------- X archive

def test_x_second_part_retweet_and_legacy_text_field():
    ds = smlib.load(GOOD / "tweets-part1.js", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "twitter_archive" and (s["rows_in"], s["rows_kept"], s["reasons"]) == (4, 4, {})
    f = rows(ds)
    assert f.loc["20", "text"] == "Soup & sandwich deal <3 today only"      # &amp; &lt; decoded
    assert (f.loc["20", "likes"], f.loc["20", "shares"]) == (7, 2)          # counts given as text
    assert f.loc["21", "parent_id"] == "19" and f.loc["21", "kind"] == "reply"
    assert f.loc["21", "thread_id"] == "19"                                 # parent not in the file
    assert f.loc["22", "text"].startswith("RT @market:") and f.loc["22", "kind"] == "post"
    assert f.loc["23", "text"] == "Closed for the holiday"                 # full_text null, text given
    assert f.loc["23", "created_at"] == utc("2026-01-07 08:15")
    assert no_parent(f.loc["20", "parent_id"])
    assert set(f["author_id"]) == {"cafenova"} and f["author_is_org"].all()


def test_x_note_tweets_are_long_posts():
    ds = smlib.load(GOOD / "note-tweet.js", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "twitter_archive" and (s["rows_in"], s["rows_kept"]) == (2, 2)
    f = rows(ds)
    assert f.loc["1700000000000000001", "text"] == "Our winter hours, in full:\nMon-Fri 8-6\nSat & Sun 9-4"
    assert f.loc["1700000000000000002", "created_at"] == utc("2026-01-06 18:45:30")
    assert set(f["kind"].astype(str)) == {"post"} and f["author_is_org"].all()


def test_x_numeric_ids_and_deleted_tweets(tmp_path):
    """Ids given only as numbers (id, in_reply_to_status_id) are read as text, without '.0';
    deleted-tweets.js has the tweets.js shape (plus deleted_at)."""
    p = tmp_path / "deleted-tweets.js"
    p.write_text("window.YTD.deleted_tweets.part0 = " + json.dumps([
        {"tweet": {"id_str": None, "id": 1600000000000000001, "full_text": "gone", "deleted_at":
                   "Tue Jan 06 10:00:00 +0000 2026", "created_at": "Mon Jan 05 10:00:00 +0000 2026",
                   "in_reply_to_status_id": 1500000000000000001.0}},
        {"tweet": {"id_str": "1600000000000000002", "full_text": "also gone",
                   "created_at": "Mon Jan 05 11:00:00 +0000 2026", "in_reply_to_status_id_str": "1600000000000000001"}},
    ]))
    ds = smlib.load(p)
    check_summary(ds)
    f = rows(ds)
    assert list(f.index) == ["1600000000000000001", "1600000000000000002"]
    assert f.loc["1600000000000000001", "parent_id"] == "1500000000000000000"   # float: what JSON gave
    assert f.loc["1600000000000000002", "parent_id"] == "1600000000000000001"
    assert f.loc["1600000000000000002", "thread_id"] == "1500000000000000000"


def test_x_likes_file_is_a_clear_dataerror():
    with pytest.raises(DataError) as e:
        smlib.load(BAD / "like.js")
    assert "like.js" in str(e.value) and "tweets.js" in str(e.value)


@pytest.mark.parametrize("key, words", [("account", "account.js"), ("follower", "follower.js"),
                                        ("bookmark", "bookmark.js")])
def test_x_other_archive_files_say_which_file_to_load(key, words, tmp_path):
    p = tmp_path / f"{key}.js"
    p.write_text(f"window.YTD.{key}.part0 = " + json.dumps([{key: {"accountId": "1", "tweetId": "2"}}]))
    with pytest.raises(DataError) as e:
        smlib.load(p)
    assert words in str(e.value) and "tweets.js" in str(e.value) and p.name in str(e.value)


def test_x_bom_crlf_semicolon_and_unwrapped_legacy_tweets(tmp_path):
    """Saved by an editor: BOM, CRLF line ends, a closing semicolon; the older archive's items
    without the {"tweet": ...} wrapper."""
    p = tmp_path / "tweet.js"
    body = json.dumps([{"id_str": "5", "full_text": "line one\r\nline two", "created_at":
                        "Mon Jan 05 09:00:00 +0000 2026", "favorite_count": "2"}], indent=1)
    p.write_bytes(b"\xef\xbb\xbf" + ("window.YTD.tweet.part0 = " + body + ";").replace("\n", "\r\n").encode())
    ds = smlib.load(p)
    s = check_summary(ds)
    assert s["format"] == "twitter_archive" and s["rows_kept"] == 1
    assert ds.interactions["text"].tolist() == ["line one\nline two"] and ds.interactions["likes"].tolist() == [2]


def test_x_group_direct_messages(tmp_path):
    """direct-messages-group.js: no recipientId, and join/leave/rename events between messages."""
    p = tmp_path / "direct-messages-group.js"
    conv = {"dmConversation": {"conversationId": "g1", "messages": [
        {"joinConversation": {"initiatingUserId": "500", "participantsSnapshot": ["500", "900", "901"],
                              "createdAt": "2026-01-05T09:00:00.000Z"}},
        {"messageCreate": {"id": "m1", "senderId": "900", "text": "Is the 5th still on?", "mediaUrls": [],
                           "reactions": [], "urls": [], "createdAt": "2026-01-05T09:05:00.000Z"}},
        {"conversationNameUpdate": {"initiatingUserId": "500", "name": "Quiz team", "createdAt":
                                    "2026-01-05T09:06:00.000Z"}},
        {"messageCreate": {"id": "m2", "senderId": "500", "text": "Yes &amp; bring a pen", "mediaUrls": [],
                           "createdAt": "2026-01-05T09:10:00.000Z"}},
        {"participantsLeave": {"userIds": ["901"], "createdAt": "2026-01-05T09:20:00.000Z"}},
    ]}}
    p.write_text("window.YTD.direct_messages_group.part0 = " + json.dumps([conv, "junk"]))
    tie = smlib.load(p, org_handles=["shop"])          # 500 and 900 each in the one conversation
    assert not tie.interactions["author_is_org"].any()
    assert any("account.js" in w for w in tie.load_summary["warnings"])
    (tmp_path / "account.js").write_text('window.YTD.account.part0 = [{"account": {"accountId": "500", '
                                         '"username": "shop", "createdAt": "2020-01-01T00:00:00.000Z"}}]')
    ds = smlib.load(p, org_handles=["shop"])
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (6, 2)
    assert s["reasons"] == {"conversation event 'joinConversation' (not a message)": 1,
                            "conversation event 'conversationNameUpdate' (not a message)": 1,
                            "conversation event 'participantsLeave' (not a message)": 1,
                            "not a DM conversation": 1}
    f = rows(ds)
    assert f["text"].to_dict() == {"m1": "Is the 5th still on?", "m2": "Yes & bring a pen"}
    assert f["author_is_org"].to_dict() == {"m1": False, "m2": True}     # account.js names 500
    assert f.loc["m2", "author_id"] == "shop"
    assert set(f["thread_id"]) == {"g1"} and set(f["kind"].astype(str)) == {"message"}


# ---------------------------------------------------------------- X API (not an archive)

def test_x_api_v1_tweets_name_their_authors():
    """A list of X API v1.1 tweet objects from several users (a search saved as JSON) reads like
    an archive, but each tweet is its author's: only the organisation's handle is author_is_org.
    Before, all three were the organisation's own posts - a customer's complaint included."""
    ds = smlib.load(GOOD / "x_api_v1_search.json", org_handles=["@NorthwayRail"])
    s = check_summary(ds)
    assert s["format"] == "twitter_archive" and (s["rows_in"], s["rows_kept"]) == (3, 3)
    f = rows(ds)
    sam, brand, jo = (f.loc[i] for i in ("1050118621198921728", "1050118621198921999", "1050118621198922000"))
    assert (sam["author_id"], sam["author_name"], bool(sam["author_is_org"]), sam["kind"]) == \
        ("sam_k", "Sam K", False, "mention")
    assert sam["text"] == "@NorthwayRail my train is late again & nobody says why" and sam["author_followers"] == 120
    assert (brand["author_id"], bool(brand["author_is_org"]), brand["kind"]) == ("NorthwayRail", True, "reply")
    assert (jo["likes"], jo["shares"]) == (5, 2) and not jo["author_is_org"]
    assert set(ds.interactions["org"].astype(str)) == {"northwayrail"}
    # without handles nobody is marked, and the summary says how to mark the organisation
    s2 = check_summary(smlib.load(GOOD / "x_api_v1_search.json"))
    assert any("org_handles" in w for w in s2["warnings"])


def test_x_api_v2_response_with_users_and_metrics():
    ds = smlib.load(GOOD / "x_api_v2_recent_search.json", org_handles="NorthwayRail")
    s = check_summary(ds)
    assert s["format"] == "twitter_archive" and (s["rows_in"], s["rows_kept"]) == (2, 2)
    f = rows(ds)
    q, a = f.loc["1460323737035677698"], f.loc["1460323737035677699"]
    assert (q["author_id"], q["author_name"], bool(q["author_is_org"])) == ("jo", "Jo", False)
    assert (q["likes"], q["replies"]) == (3, 1) and q["created_at"] == utc("2021-11-15 19:08:05")
    assert a["parent_id"] == "1460323737035677698" and a["thread_id"] == "1460323737035677698"
    assert (a["author_id"], bool(a["author_is_org"]), a["kind"]) == ("NorthwayRail", True, "reply")


def test_json_records_are_read_like_a_csv():
    """JSON Lines of review records (nested user object, stars): columns guessed as for a CSV
    (user.id, user.name, stars → rating); a line that is not an object is counted, and a review
    with 1 star and no words is kept (session 10: before, it was skipped as 'no text'). Before
    all this: 'this JSON is not an export smlib knows'."""
    ds = smlib.load(GOOD / "reviews_records.jsonl")
    s = check_summary(ds)
    assert s["format"] == "records" and s["rows_in"] == 4
    assert s["reasons"] == {"not a record (object)": 1}
    assert rows(ds).loc["r3", "text"] == "" and rows(ds).loc["r3", "rating"] == 1
    assert s["columns_used"]["author_id"] == "user.id" and s["columns_used"]["rating"] == "stars"
    f = rows(ds)
    assert f.loc["r1", "text"] == "Waited 40 minutes for a table" and f.loc["r1", "rating"] == 2
    assert f.loc["r2", "author_name"] == "Ben" and f.loc["r2", "created_at"] == utc("2026-01-06 15:30")


def test_json_records_with_columns_and_clear_errors(tmp_path):
    p = tmp_path / "dump.json"
    p.write_text(json.dumps({"results": [{"body": "Where is my parcel?", "ts": 1767610000, "who": "ann"},
                                         {"body": "Sorted, thanks", "ts": 1767613600, "who": "ann"}]}))
    with pytest.raises(DataError) as e:          # no obvious names: say which keys there are
        smlib.load(p)
    assert "dump.json" in str(e.value) and "columns=" in str(e.value)
    ds = smlib.load(p, columns={"text": "body", "created_at": "ts", "author_id": "who"}, platform="facebook")
    s = check_summary(ds)
    assert s["format"] == "records" and s["rows_kept"] == 2 and s["platforms"] == ["facebook"]
    assert rows(ds)["created_at"].tolist() == [pd.Timestamp(1767610000, unit="s", tz="UTC"),
                                                pd.Timestamp(1767613600, unit="s", tz="UTC")]
    with pytest.raises(DataError) as e:          # columns naming a key that is not there
        smlib.load(p, columns={"text": "message", "created_at": "ts"})
    assert "'message'" in str(e.value) and "body" in str(e.value)
    with pytest.raises(DataError) as e:          # columns= on a known export shape
        smlib.load(GOOD / "outbox.json", columns={"text": "content"})
    assert "columns=" in str(e.value) and "outbox.json" in str(e.value)


# ---------------------------------------------------------------- Facebook

def test_facebook_posts_list_photo_link_event_and_mojibake():
    ds = smlib.load(GOOD / "facebook_your_posts_1.json", org_handles=["Café Nova"])
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (5, 4, {"no text": 1})
    assert s["examples"] == {"no text": ["posts[3]"]}                       # the event, no words
    f = ds.interactions
    assert f["text"].tolist() == ["New winter menu is here \U0001F372 – come and try it",  # 4-byte emoji
                                  "",                                        # photo, no words: kept
                                  "https://news.example/cafe-award",         # shared link
                                  "Open late on Friday"]
    assert f["created_at"].tolist() == [utc("2026-01-05 09:00"), utc("2026-01-05 12:00"),
                                        utc("2026-01-06 08:00"), utc("2026-01-07 09:30")]  # text epoch too
    assert set(f["author_id"]) == {"Café Nova"} and set(f["kind"].astype(str)) == {"post"}


def test_facebook_likes_and_reactions_list_is_all_reactions():
    ds = smlib.load(GOOD / "facebook_likes_and_reactions_1.json")
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (2, 0)
    assert s["reasons"] == {"reaction (not a message)": 2}
    assert any("no messages were kept" in w for w in s["warnings"])


def test_facebook_older_comments_key_stickers_gifs_and_groups():
    ds = smlib.load(GOOD / "facebook_comments_old.json")
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (5, 4, {"no text": 1})
    assert s["examples"] == {"no text": ["comments[3]"]}                    # only a title
    f = ds.interactions
    assert f["text"].tolist() == ["Thanks Jo, see you Saturday 😊", "", "", "Doors open at 7 for the quiz"]
    assert set(f["author_id"]) == {"Café Nova"} and set(f["kind"].astype(str)) == {"comment"}
    assert f["created_at"].tolist()[3] == utc("2026-01-05 10:30")


def test_facebook_group_posts():
    ds = smlib.load(GOOD / "facebook_group_posts.json", org_handles=["Café Nova"])
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (2, 2)
    assert ds.interactions["text"].tolist() == ["Lost umbrella at our counter - message us to collect", ""]
    assert ds.interactions["created_at"].tolist() == [utc("2026-01-06 15:00"), utc("2026-01-07 15:00")]


def test_facebook_plain_text_comment_and_odd_values(tmp_path):
    p = tmp_path / "comments.json"
    p.write_text(json.dumps({"comments_v2": [
        {"timestamp": 1767603600, "data": [{"comment": "plain text comment"}], "title": "x"},
        {"timestamp": 1767603660, "data": [{"comment": {"comment": 12345, "author": ["odd"]}}], "title": "x"},
        {"timestamp": 1767603720, "data": None, "attachments": "oops", "title": "y"},
    ]}))
    ds = smlib.load(p, org_handles=["Shop"])
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (3, 2, {"no text": 1})
    assert ds.interactions["text"].tolist() == ["plain text comment", "12345"]
    assert set(ds.interactions["author_id"]) == {"Shop"}


# ---------------------------------------------------------------- Instagram

def test_instagram_posts_2025_layout():
    ds = smlib.load(GOOD / "instagram_posts_1.json")
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (3, 3, {})
    f = ds.interactions
    assert f["message_id"].tolist() == ["media/posts/202601/111_222.jpg", "media/posts/202601/333_444.jpg",
                                        "media/posts/202601/777_888.mp4"]
    assert f["text"].tolist() == ["Fresh croissants every morning 🥐 #bakery",   # caption on the media item
                                  "Quiz night photos – thanks for coming!",     # caption on the post
                                  ""]                                            # video without caption
    assert f["created_at"].tolist() == [utc("2026-01-05 08:00"), utc("2026-01-06 17:01"), utc("2026-01-07 12:00")]
    assert set(f["kind"].astype(str)) == {"post"} and f["author_is_org"].all()


def test_instagram_reels_comments_new_layout():
    ds = smlib.load(GOOD / "instagram_reels_comments.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (2, 2)
    f = ds.interactions
    assert f["text"].tolist() == ["Glad you liked it! ❤️", "@sam.k we open at 8"]
    assert f["created_at"].tolist() == [utc("2026-01-05 19:00"), utc("2026-01-06 07:45")]
    assert set(f["kind"].astype(str)) == {"comment"} and set(f["author_id"]) == {"cafenova"}


def test_instagram_comment_labels_in_another_language():
    """Exports in another language label the fields in it ('Tijd' for 'Time' is seen in public
    parsers; the other two labels here are made up): the comment is the first value that is not
    the media owner, the time the first timestamp."""
    ds = smlib.load(GOOD / "instagram_post_comments_localised.json")
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (2, 2)
    assert ds.interactions["text"].tolist() == ["Tot zaterdag!", "Bedankt ☕"]
    assert ds.interactions["created_at"].tolist() == [utc("2026-01-05 20:00"), utc("2026-01-06 09:10")]


def test_instagram_stories_bare_media_items():
    ds = smlib.load(GOOD / "instagram_stories.json")
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (2, 2, {})
    f = ds.interactions
    assert f["message_id"].tolist() == ["media/stories/202601/s1.jpg", "media/stories/202601/s2.mp4"]
    assert f["text"].tolist() == ["Doors open!", ""]
    assert f["created_at"].tolist() == [utc("2026-01-05 07:30"), utc("2026-01-05 13:00")]


def test_instagram_profile_photo_file_and_odd_comment_entries(tmp_path):
    p = tmp_path / "profile_photos.json"
    p.write_text(json.dumps({"ig_profile_picture": [{"uri": "media/profile/1.jpg", "creation_timestamp": 1767603600}]}))
    s = check_summary(smlib.load(p))
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (1, 0, {"profile picture (not a message)": 1})
    q = tmp_path / "post_comments.json"
    q.write_text(json.dumps({"comments_media_comments": [
        {"title": "jo", "string_list_data": [{"value": "ok", "timestamp": 1767603600}, "junk", None]},
        {"title": "jo", "string_list_data": []},
        {"string_map_data": {"Comment": "not a dict", "Time": 5}},
    ]}))
    ds = smlib.load(q)
    s = check_summary(ds)
    assert s["rows_in"] == 5 and ds.interactions["text"].tolist() == ["ok"]
    assert s["reasons"] == {"not an Instagram comment": 3, "no text": 1}


# ---------------------------------------------------------------- YouTube

def test_youtube_several_saved_pages_html_text_and_overlap():
    ds = smlib.load(GOOD / "youtube_pages.json")
    s = check_summary(ds)
    assert s["format"] == "youtube"
    assert (s["rows_in"], s["rows_kept"]) == (5, 4)
    assert s["reasons"] == {"duplicate message_id": 1}                       # Ug2 is on both pages
    assert s["examples"] == {"duplicate message_id": ["[1].items[0]"]}
    assert any(w.startswith("2 repl") for w in s["warnings"])                # Ug3 counts 2, sends 0
    f = rows(ds)
    assert f.loc["Ug1", "text"] == "Is the \"winter special\" vegan?\nAsking for a friend 'cause allergies"
    assert f.loc["Ug1.r1", "text"] == "@jo Yes, fully vegan!"                # textOriginal preferred
    assert f.loc["Ug1.r1", "parent_id"] == "Ug1" and f.loc["Ug1.r1", "kind"] == "reply"
    assert f["author_is_org"].to_dict() == {"Ug1": False, "Ug1.r1": True, "Ug2": False, "Ug3": False}
    assert f.loc["Ug2", "likes"] == 3 and f.loc["Ug3", "replies"] == 2
    assert f.loc["Ug3", "created_at"] == utc("2026-01-04 09:15")


def test_youtube_comments_list_replies_belong_to_their_thread():
    ds = smlib.load(GOOD / "youtube_comments_list.json")
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (2, 2)
    f = rows(ds)
    assert f["parent_id"].to_dict() == {"Ug3.a": "Ug3", "Ug3.b": "Ug3"}
    assert f["thread_id"].to_dict() == {"Ug3.a": "Ug3", "Ug3.b": "Ug3"}     # thread = top comment id
    assert f["author_is_org"].to_dict() == {"Ug3.a": True, "Ug3.b": False}
    assert f.loc["Ug3.b", "created_at"] == utc("2026-01-04 10:20:00.123")


def test_youtube_saved_api_error_is_a_clear_dataerror():
    with pytest.raises(DataError) as e:
        smlib.load(BAD / "youtube_error.json")
    msg = str(e.value)
    assert "youtube_error.json" in msg and "403" in msg and "commentsDisabled" in msg and "<code>" not in msg


def test_youtube_odd_values_are_counted_not_crashes(tmp_path):
    p = tmp_path / "threads.json"
    p.write_text(json.dumps({"kind": "youtube#commentThreadListResponse", "items": [
        {"kind": "youtube#commentThread", "id": "T", "snippet": {"totalReplyCount": "lots", "topLevelComment": {
            "id": "T", "snippet": {"textDisplay": "hi", "publishedAt": "2026-01-05T10:00:00Z", "likeCount": "4"}}},
         "replies": {"comments": ["junk", {"id": "T.1", "snippet": {"textOriginal": "yo",
                                                                   "publishedAt": "2026-01-05T11:00:00Z"}}]}},
        {"kind": "youtube#commentThread", "snippet": None},
    ]}))
    ds = smlib.load(p)
    s = check_summary(ds)
    assert s["rows_in"] == 4 and s["rows_kept"] == 2
    assert s["reasons"] == {"not a YouTube comment": 1, "not a YouTube comment thread": 1}
    f = rows(ds)
    assert f.loc["T", "likes"] == 4 and f.loc["T", "replies"] == 0 and f.loc["T.1", "parent_id"] == "T"


# ---------------------------------------------------------------- Meta's newer label_values layout

def test_facebook_label_values_posts_on_other_pages():
    """Posts left on other pages ({timestamp, fbid, label_values[{label, value}]}): the Message
    label is the text (mojibake repaired), a photo-only post is kept with empty text, a
    feeling-only post is 'no text', and a timestamp given as a label's timestamp_value is read.
    Before, every item was skipped as 'no text' under format 'instagram'."""
    ds = smlib.load(GOOD / "facebook_posts_on_other_pages.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "facebook" and s["platforms"] == ["facebook"]
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (4, 3, {"no text": 1})
    assert s["examples"] == {"no text": ["[2]"]} and s["warnings"] == []
    f = rows(ds)
    assert f.loc["400000000000101", "text"] == "Lovely service at the caf\u00e9 today, thank you all!"
    assert f.loc["400000000000101", "created_at"] == utc("2026-01-01 10:00")
    assert f.loc["400000000000102", "text"] == ""                        # a photo: kept
    assert f.loc["400000000000104", "created_at"] == utc("2026-01-04 10:00")   # timestamp_value
    assert set(f["author_id"]) == {"cafenova"} and f["author_is_org"].all()
    assert set(f["kind"].astype(str)) == {"post"}


def test_instagram_label_values_saved_posts_have_their_own_authors():
    """Instagram's label_values items: Caption is the text; an Owner group names the author, who
    is the organisation only when it is one of its handles (a saved post is usually someone
    else's); an item without an Owner group is the archive owner's own."""
    ds = smlib.load(GOOD / "instagram_saved_posts_label_values.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "instagram" and (s["rows_in"], s["rows_kept"], s["reasons"]) == (3, 2, {"no text": 1})
    f = rows(ds)
    assert f.loc["18056521565570001", "text"] == "Fresh bagels every morning \U0001F96F"
    assert f.loc["18056521565570001", "author_id"] == "bagelbarn"
    assert not f.loc["18056521565570001", "author_is_org"]
    assert f.loc["18056521565570002", "author_id"] == "cafenova" and f.loc["18056521565570002", "author_is_org"]
    assert f.loc["18056521565570002", "created_at"] == pd.Timestamp(1767696400, unit="s", tz="UTC")


def test_label_values_in_another_language(tmp_path):
    """A wrapped list ({"saved_saved_media": [...]}) with a French label (mojibake in the key) is
    read; labels smlib does not know leave the items as 'no text' *and* say so, listing them."""
    ds = smlib.load(GOOD / "instagram_label_values_french.json")
    s = check_summary(ds)
    assert s["rows_kept"] == 1 and rows(ds)["text"].tolist() == ["Nouveau menu d'hiver"]
    p = tmp_path / "posts_1.json"
    p.write_text(json.dumps([{"timestamp": 1767610000, "label_values": [
        {"label": "URL", "value": "https://www.instagram.com/p/X1/"},
        {"label": "Bildtext", "value": "Ny vintermeny"}]}]))
    ds = smlib.load(p)
    s = check_summary(ds)
    assert (s["rows_kept"], s["reasons"]) == (0, {"no text": 1})
    assert any("label_values" in w and "'bildtext'" in w and "'url'" in w for w in s["warnings"])


def test_label_values_odd_items(tmp_path):
    """Junk among the items, a label without a value, a numeric fbid and a missing one: counted or
    kept, never a crash; two items without an fbid get different ids."""
    p = tmp_path / "odd.json"
    p.write_text(json.dumps([
        {"timestamp": 1767610000, "fbid": 12345, "label_values": [{"label": "Message", "value": "one"}]},
        None,
        {"timestamp": 1767610001, "label_values": [{"label": "Message"}, {"label": "Message", "value": 7}]},
        {"timestamp": 1767610002, "label_values": [{"label": "Message", "value": "three"}, "junk", None]},
        {"timestamp": "not a time", "label_values": [{"label": "Message", "value": "four"}]},
    ]))
    ds = smlib.load(p)
    s = check_summary(ds)
    assert s["format"] == "facebook" and s["rows_in"] == 5
    assert s["reasons"] == {"not a Facebook/Instagram item": 1, "unparseable date": 1}
    f = rows(ds)
    assert f.loc["12345", "text"] == "one" and set(f["text"]) == {"one", "7", "three"}


# ---------------------------------------------------------------- TikTok

def test_tiktok_user_data_posts_comments_and_direct_messages():
    """user_data_tiktok.json (2024-25 section names): posts with a Title (or none: a video, kept),
    the owner's comments (an empty one counted), and direct messages in which the customer and
    the owner (from the file's ProfileMap) are told apart. Zone-less dates: UTC, with a warning."""
    ds = smlib.load(GOOD / "tiktok_user_data.json")
    s = check_summary(ds)
    assert s["format"] == "tiktok" and s["platforms"] == ["tiktok"]
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (7, 6, {"no text": 1})
    assert s["examples"] == {"no text": ["Comment.CommentsList[1]"]}
    assert any("no time zone" in w for w in s["warnings"])
    f = rows(ds)
    post = "https://www.tiktokv.com/share/video/7300000000000000001/"
    assert f.loc[post, "text"] == "Behind the counter on a busy Monday #coffee" and f.loc[post, "likes"] == 42
    assert f.loc[post, "created_at"] == utc("2026-01-05 10:00") and f.loc[post, "kind"] == "post"
    assert f.loc["https://www.tiktokv.com/share/video/7300000000000000002/", "text"] == ""
    assert f.loc["tt-comment-0", "kind"] == "comment" and f.loc["tt-comment-0", "author_is_org"]
    jo0, jo1 = f.loc["tt-dm-jo_customer-0"], f.loc["tt-dm-jo_customer-1"]
    assert (jo0["author_id"], bool(jo0["author_is_org"]), jo0["kind"]) == ("jo_customer", False, "message")
    assert (jo1["author_id"], bool(jo1["author_is_org"])) == ("cafenova", True)
    assert jo0["created_at"] == utc("2026-01-06 12:00") and jo1["created_at"] == utc("2026-01-06 12:20")
    assert jo0["thread_id"] == jo1["thread_id"] != f.loc["tt-dm-sam.b-0", "thread_id"]
    assert set(ds.interactions["org"].astype(str)) == {"cafenova"}
    # timezone= for zone-less dates: 10:00 in Paris in January is 09:00 UTC
    assert rows(smlib.load(GOOD / "tiktok_user_data.json", timezone="Europe/Paris")).loc[post, "created_at"] == \
        utc("2026-01-05 09:00")


def test_tiktok_older_section_names_and_junk():
    """user_data.json (2023): Video/Videos, Comment.CommentsList with capitalised keys, 'Direct
    Messages'/'Chat History', 'Profile Information'; a null message is counted."""
    ds = smlib.load(GOOD / "tiktok_user_data_2023.json")
    s = check_summary(ds)
    assert s["format"] == "tiktok" and (s["rows_in"], s["rows_kept"]) == (4, 3)
    assert s["reasons"] == {"not a TikTok item": 1}
    f = rows(ds)
    assert f.loc["tt-comment-0", "text"] == "See you at the market on Saturday"
    assert f.loc["tt-dm-ann-0", "author_id"] == "ann" and not f.loc["tt-dm-ann-0", "author_is_org"]
    assert set(f.loc[f["author_is_org"], "author_id"]) == {"northwaybakes"}


def test_tiktok_file_without_messages_says_what_to_download(tmp_path):
    p = tmp_path / "user_data_tiktok.json"
    p.write_text(json.dumps({"Profile": {"Profile Info": {"ProfileMap": {"userName": "x"}}},
                             "Your Activity": {"Watch History": {"VideoList": []}}}))
    ds = smlib.load(p)
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (0, 0)
    assert any("no posts, comments or direct messages" in w and "Your Activity" in w for w in s["warnings"])


# ---------------------------------------------------------------- YouTube: Google Takeout CSVs

def test_youtube_takeout_comments_2023_layout():
    """Takeout comments.csv as written to mid 2024: Title-case headers, CRLF, blank lines at the
    end, text wrapped as {"takeoutSegments": [...]} (a mention is its own segment), or plain."""
    ds = smlib.load(GOOD / "youtube_takeout_comments.csv")
    s = check_summary(ds)
    assert s["format"] == "youtube_takeout" and s["platforms"] == ["youtube"]
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (4, 3, {"no text": 1})   # empty segment list
    assert s["examples"] == {"no text": [4]}
    f = rows(ds)
    assert f.loc["UgxA1", "text"] == ("Timetable for the engineering works is in the description \u2014 "
                                      "sorry for the disruption.")
    assert f.loc["UgxB2.9a", "text"] == "Hi @Sam sorry about the wait, DM us your booking ref"
    assert f.loc["UgxC3", "text"] == 'Plain text from an older export, with a comma,\na new line and a "quote"'
    assert f.loc["UgxB2.9a", "parent_id"] == "UgzCust7" and f.loc["UgxB2.9a", "kind"] == "reply"
    assert f.loc["UgxB2.9a", "thread_id"] == "UgzCust7"
    assert no_parent(f.loc["UgxA1", "parent_id"]) and f.loc["UgxA1", "kind"] == "comment"
    assert f.loc["UgxA1", "created_at"] == pd.Timestamp("2026-03-02 08:15:00.123456", tz="UTC")
    # the account holder's own comments: all the organisation's, named by the channel
    assert f["author_is_org"].all() and set(f["author_id"]) == {"UCnorthwayRail01"}
    assert set(ds.interactions["org"].astype(str)) == {"ucnorthwayrail01"}


def test_youtube_takeout_comments_2025_layout_and_owner_handle():
    """Later headers (lower-case words, Post ID, Top-level comment ID), text as comma-joined JSON
    segments; a cell that only looks like JSON stays as written. org_handles names the owner."""
    ds = smlib.load(GOOD / "youtube_takeout_comments_2025.csv", org_handles=["@CafeNova"])
    s = check_summary(ds)
    assert s["format"] == "youtube_takeout" and (s["rows_in"], s["rows_kept"]) == (4, 4)
    f = rows(ds)
    assert f.loc["Ugy10", "text"] == "New spring menu is out! \U0001F331"            # surrogate pair decoded
    assert f.loc["Ugy11", "text"] == "@alex yes, oat milk is free"
    assert f.loc["Ugy11", "thread_id"] == "UgyCust1" and f.loc["Ugy11", "parent_id"] == "UgyCust2"
    assert f.loc["Ugy12", "text"] == "Thanks for 1,000 subscribers"                  # a community post
    assert f.loc["Ugy13", "text"] == "{not json, just braces}"
    assert set(f["author_id"]) == {"@CafeNova"} and f["author_is_org"].all()
    assert set(ds.interactions["org"].astype(str)) == {"cafenova"}


def test_youtube_takeout_live_chats_are_one_chat_per_video():
    ds = smlib.load(GOOD / "youtube_takeout_live_chats.csv")
    s = check_summary(ds)
    assert s["format"] == "youtube_takeout" and (s["rows_in"], s["rows_kept"]) == (2, 2)
    f = rows(ds)
    assert set(f["kind"].astype(str)) == {"message"} and set(f["thread_id"]) == {"vidLive1"}
    assert f.loc["LCa2", "text"] == "Thanks for the super chat @jo"


def test_youtube_takeout_by_the_generic_reader_takes_the_comment_id():
    """format='csv' on the 2025 file: the generic guesses take 'Comment ID' (not the mostly empty
    'Post ID') as the id, 'Parent comment ID' as the parent and 'Top-level comment ID' as the
    thread. Before, every row was skipped as 'missing message_id'."""
    ds = smlib.load(GOOD / "youtube_takeout_comments_2025.csv", format="csv")
    s = check_summary(ds)
    assert s["columns_used"]["message_id"] == "Comment ID"
    assert s["columns_used"]["parent_id"] == "Parent comment ID"
    assert s["columns_used"]["thread_id"] == "Top-level comment ID"
    assert s["rows_kept"] == 4


def test_youtube_takeout_forced_on_another_table_is_a_clear_dataerror():
    with pytest.raises(DataError) as e:
        smlib.load(GOOD / "twcs_bare_cr.csv", format="youtube_takeout")
    assert "twcs_bare_cr.csv" in str(e.value) and "comment id" in str(e.value)
    with pytest.raises(DataError) as e:
        smlib.load(GOOD / "outbox.json", format="takeout")
    assert "JSON" in str(e.value)


def test_youtube_takeout_odd_cells_are_counted(tmp_path):
    """Missing ids, dates that are not dates, a repeated id and broken JSON text: counted rows or
    kept text, never a crash."""
    p = tmp_path / "comments.csv"
    p.write_text("Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text\n"
                 ',UC1,2026-01-01T10:00:00Z,0,,v1,"{""text"":""no id""}"\n'
                 'c2,UC1,yesterday,0,,v1,"{""text"":""bad date""}"\n'
                 'c3,UC1,2026-01-01T11:00:00Z,0,,v1,"{""text"":""first""}"\n'
                 'c3,UC1,2026-01-01T12:00:00Z,0,,v1,"{""text"":""again""}"\n'
                 'c4,UC1,2026-01-01T13:00:00Z,0,,v1,"{""takeoutSegments"":[{""text"":""cut off"\n'
                 'c5,,2026-01-01T14:00:00Z,0,,v1,"{""text"":42}"\n', encoding="utf-8")
    ds = smlib.load(p)
    s = check_summary(ds)
    assert s["format"] == "youtube_takeout" and s["rows_in"] == 6
    # "yesterday" is a date relative to the day of the download (its own reason since session 12)
    assert s["reasons"] == {"missing message_id": 1, "relative date ('2 weeks ago')": 1, "duplicate message_id": 1}
    f = rows(ds)
    assert f.loc["c4", "text"] == '{"takeoutSegments":[{"text":"cut off'     # not JSON: kept as written
    assert f.loc["c5", "text"] == '{"text":42}'


# ---------------------------------------------------------------- Reddit

def test_reddit_subreddit_listing_of_posts():
    ds = smlib.load(GOOD / "reddit_new.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (3, 3, {})
    f = rows(ds)
    assert f.loc["t3_c1", "text"] == "Card machine down? & no cash\n\nCouldn't pay this morning >:("
    assert f.loc["t3_c3", "text"] == "Rant about the queue"                  # [removed] body dropped
    assert f.loc["t3_c1", "replies"] == 4 and f.loc["t3_c2", "likes"] == 25 and f.loc["t3_c3", "likes"] == 0
    assert f.loc["t3_c1", "created_at"] == utc("2026-01-05 09:00")
    assert f["author_is_org"].to_dict() == {"t3_c1": False, "t3_c2": True, "t3_c3": False}
    assert set(f["kind"].astype(str)) == {"post"} and set(ds.interactions["org"].astype(str)) == {"r-cafenova"}


def test_reddit_user_comment_listing():
    ds = smlib.load(GOOD / "reddit_user_comments.json")
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (3, 3)
    f = rows(ds)
    assert f["kind"].astype(str).to_dict() == {"t1_k1": "comment", "t1_k2": "reply", "t1_k3": "comment"}
    assert f["parent_id"].to_dict() == {"t1_k1": "t3_c1", "t1_k2": "t1_q9", "t1_k3": "t3_c9"}
    assert f["thread_id"].to_dict() == {"t1_k1": "t3_c1", "t1_k2": "t3_c1", "t1_k3": "t3_c9"}
    assert f.loc["t1_k1", "text"] == "Sorry! It's fixed now & we'll honour yesterday's deal"
    assert f.loc["t1_k2", "text"] == "> can I pay by phone?\n\nYes, contactless works"   # &gt; quote


def test_reddit_morechildren_counts_replies_in_the_file():
    ds = smlib.load(GOOD / "reddit_morechildren.json")
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (3, 2)
    assert s["reasons"] == {"'more' stub (comments Reddit did not send)": 1}
    f = rows(ds)
    assert f["replies"].to_dict() == {"t1_m1": 1, "t1_m2": 0}
    assert f["kind"].astype(str).to_dict() == {"t1_m1": "reply", "t1_m2": "reply"}


@pytest.mark.realdata
def test_reddit_real_thread_decodes_escaped_text(realdata):
    ds = smlib.load(realdata / "exports" / "reddit" / "thread.json")
    t = ds.interactions["text"]
    assert not t.str.contains("&gt;|&lt;|&amp;", regex=True).any()
    assert t.str.startswith(">").any()                                       # quotes survive as '>'


def test_reddit_saved_errors_are_clear_dataerrors(tmp_path):
    with pytest.raises(DataError) as e:
        smlib.load(BAD / "reddit_error.json")
    assert "reddit_error.json" in str(e.value) and "403" in str(e.value)
    p = tmp_path / "morechildren.json"
    p.write_text(json.dumps({"json": {"errors": [["RATELIMIT", "you are doing that too much", "ratelimit"]]}}))
    with pytest.raises(DataError) as e:
        smlib.load(p)
    assert "RATELIMIT" in str(e.value)


def test_reddit_odd_values(tmp_path):
    p = tmp_path / "listing.json"
    p.write_text(json.dumps({"kind": "Listing", "data": {"children": [
        {"kind": "t1", "data": {"body": 42, "created_utc": "1767603600", "author": None, "score": "many"}},
        {"kind": "t1", "data": {"id": "z", "body": "no parent given", "created_utc": 1767603600.0}},
        {"kind": "t5", "data": {"display_name": "a subreddit"}},
        {"kind": "t1", "data": {"id": "y", "body": None, "created_utc": 1767603600}},
    ]}}))
    ds = smlib.load(p)
    s = check_summary(ds)
    assert s["rows_in"] == 4
    assert s["reasons"] == {"not a Reddit post or comment": 1, "missing message_id": 1, "no text": 1}
    f = rows(ds)
    assert list(f.index) == ["t1_z"] and f.loc["t1_z", "kind"] == "comment"


# ---------------------------------------------------------------- Reddit: data request CSVs

def test_reddit_export_comments_are_the_accounts_own_replies():
    """comments.csv from Reddit's 'Request your data': fullname ids so replies link up (an empty
    parent is the post in the permalink), entities decoded, CRLF inside a quoted body, a
    [deleted] body counted; the author is the account (org_handles)."""
    ds = smlib.load(GOOD / "reddit_export_comments.csv", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "reddit_export" and s["platforms"] == ["reddit"]
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (4, 3, {"deleted or removed comment": 1})
    assert s["examples"] == {"deleted or removed comment": [3]}
    f = rows(ds)
    assert f.loc["t1_jk2l3m4", "text"] == "Thanks for the heads up & sorry, we will fix the sign today"
    assert f.loc["t1_jk2l3m5", "text"] == "We open at 8 on weekdays,\nand 9 at weekends"
    assert f.loc["t1_jk2l3m5", "parent_id"] == "t3_13abcd"          # empty parent: the post
    assert f.loc["t1_jk2l3m7", "parent_id"] == "t1_jk2l3m4" and f.loc["t1_jk2l3m4", "replies"] == 1
    assert set(f["thread_id"]) == {"t3_13abcd"} and set(f["kind"].astype(str)) == {"reply"}
    assert set(f["author_id"]) == {"cafenova"} and f["author_is_org"].all()
    assert f.loc["t1_jk2l3m4", "created_at"] == utc("2026-02-02 12:34:56")


def test_reddit_export_posts_title_and_body():
    ds = smlib.load(GOOD / "reddit_export_posts.csv")
    s = check_summary(ds)
    assert s["format"] == "reddit_export" and (s["rows_in"], s["rows_kept"]) == (2, 2)
    f = rows(ds)
    assert f.loc["t3_13abcd", "text"] == "New winter menu\n\nCome and try the soup"
    assert f.loc["t3_13abce", "text"] == "Our new shop front"                # a link post: title only
    assert set(f["kind"].astype(str)) == {"post"} and f["author_is_org"].all()


def test_reddit_export_messages_find_the_account_in_every_message():
    """messages.csv holds sent and received messages: without org_handles the account is the one
    name in every message; threads join a reply to the first message; an empty body gives the
    subject. With only one correspondent the account cannot be told: a warning asks for it."""
    ds = smlib.load(GOOD / "reddit_export_messages.csv")
    s = check_summary(ds)
    assert s["format"] == "reddit_export" and (s["rows_in"], s["rows_kept"]) == (3, 3) and s["warnings"] == []
    f = rows(ds)
    assert f.loc["t4_m2", "author_id"] == "cafenova" and f.loc["t4_m2", "author_is_org"]
    assert not f.loc["t4_m1", "author_is_org"] and not f.loc["t4_m3", "author_is_org"]
    assert f.loc["t4_m1", "thread_id"] == f.loc["t4_m2", "thread_id"] == "t4_m1"
    assert f.loc["t4_m3", "text"] == "Gluten free?"
    assert set(f["kind"].astype(str)) == {"message"} and set(ds.interactions["org"].astype(str)) == {"cafenova"}


def test_reddit_export_messages_with_one_correspondent_ask_for_handles(tmp_path):
    p = tmp_path / "messages.csv"
    lines = (GOOD / "reddit_export_messages.csv").read_text().splitlines()[:3]
    p.write_text("\n".join(lines) + "\n")
    s = check_summary(smlib.load(p))
    assert any("org_handles" in w for w in s["warnings"])
    f = rows(smlib.load(p, org_handles="cafenova"))
    assert f["author_is_org"].tolist() == [False, True]


# ---------------------------------------------------------------- Mastodon

def test_mastodon_outbox_page_link_only_objects_and_content_map():
    ds = smlib.load(GOOD / "mastodon_outbox_page.json")
    s = check_summary(ds)
    assert s["format"] == "mastodon" and (s["rows_in"], s["rows_kept"]) == (6, 4)
    assert s["reasons"] == {"boost of another post (text not in the archive)": 1,
                            "post given only as a link (text not in the file)": 1}
    assert not any("totalItems" in w for w in s["warnings"])
    f = ds.interactions
    assert f["text"].tolist() == ["Pancake day! Toppings & syrups on the house\nuntil noon",
                                  "@jo we're so sorry, DM us?",               # &#39; decoded
                                  "Heute geöffnet bis 18 Uhr",                # content null → contentMap
                                  "[CW: food photo]"]                         # photo with a CW only
    assert f["kind"].astype(str).tolist() == ["post", "reply", "post", "post"]
    assert f["parent_id"].tolist()[1] == "https://other.example/users/jo/statuses/9"
    assert f["language"].tolist() == ["en", "en", "de", "en"]
    assert set(f["author_id"]) == {"@cafenova@m.example"} and f["author_is_org"].all()
    assert set(f["org"].astype(str)) == {"cafenova"}


def test_mastodon_api_statuses_array():
    ds = smlib.load(GOOD / "mastodon_statuses.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "mastodon" and (s["rows_in"], s["rows_kept"]) == (5, 4)
    assert s["reasons"] == {"boost (reblog) of another post": 1}
    f = rows(ds)
    assert f["author_id"].to_dict() == {"110": "@cafenova@m.example", "111": "@jo@other.example",
                                        "113": "@cafenova@m.example", "114": "@cafenova@m.example"}
    assert f["author_is_org"].to_dict() == {"110": True, "111": False, "113": True, "114": True}
    assert f["kind"].astype(str).to_dict() == {"110": "post", "111": "comment", "113": "message", "114": "post"}
    assert f["parent_id"].to_dict()["113"] == "111" and f.loc["113", "thread_id"] == "110"
    assert f.loc["113", "text"] == "[CW: brunch] @jo yes, 9 till 2\nevery weekend"
    assert f.loc["111", "text"] == "@cafenova will you still do brunch?"
    assert f.loc["114", "text"] == ""                                       # photo only: kept
    assert (f.loc["110", "likes"], f.loc["110", "shares"], f.loc["110", "replies"]) == (12, 3, 1)
    assert f.loc["111", "created_at"] == utc("2026-01-05 09:40")
    other = smlib.load(GOOD / "mastodon_statuses.json", org_handles=["@cafenova@m.example"]).interactions
    assert other["author_is_org"].tolist() == [True, False, True, True]


def test_mastodon_api_context_and_search_results(tmp_path):
    statuses = json.loads((GOOD / "mastodon_statuses.json").read_text())
    p = tmp_path / "context.json"
    p.write_text(json.dumps({"ancestors": statuses[:1], "descendants": statuses[1:2]}))
    ds = smlib.load(p)
    check_summary(ds)
    assert ds.interactions["message_id"].tolist() == ["110", "111"]
    q = tmp_path / "search.json"
    q.write_text(json.dumps({"accounts": [], "statuses": statuses[1:2], "hashtags": []}))
    ds = smlib.load(q)
    check_summary(ds)
    assert ds.interactions["message_id"].tolist() == ["111"] and ds.load_summary["format"] == "mastodon"


def test_mastodon_api_odd_values(tmp_path):
    statuses = json.loads((GOOD / "mastodon_statuses.json").read_text())
    statuses[0]["account"]["display_name"] = ["not", "a", "name"]
    statuses[1]["id"] = 111                                   # a number where Mastodon gives text
    statuses[1]["content"] = None
    statuses[3]["in_reply_to_id"] = {"id": "111"}
    p = tmp_path / "statuses.json"
    p.write_text(json.dumps(statuses))
    ds = smlib.load(p, org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["reasons"] == {"boost (reblog) of another post": 1, "no text": 1}
    f = rows(ds)
    assert list(f.index) == ["110", "113", "114"]
    assert f.loc["110", "author_name"] == "cafenova"          # falls back to the username
    assert f.loc["113", "parent_id"] == "111"


def test_mastodon_collection_without_items_is_a_clear_dataerror():
    with pytest.raises(DataError) as e:
        smlib.load(BAD / "outbox_first_only.json")
    assert "outbox_first_only.json" in str(e.value) and "first page" in str(e.value)


# ---------------------------------------------------------------- detection

EXPECTED_FORMAT = {
    "tweets-part1.js": "twitter_archive", "note-tweet.js": "twitter_archive",
    "facebook_your_posts_1.json": "facebook", "facebook_likes_and_reactions_1.json": "facebook",
    "facebook_comments_old.json": "facebook", "facebook_group_posts.json": "facebook",
    "instagram_posts_1.json": "instagram", "instagram_reels_comments.json": "instagram",
    "instagram_post_comments_localised.json": "instagram", "instagram_stories.json": "instagram",
    "youtube_pages.json": "youtube", "youtube_comments_list.json": "youtube", "reddit_new.json": "reddit",
    "reddit_user_comments.json": "reddit", "reddit_morechildren.json": "reddit",
    "mastodon_outbox_page.json": "mastodon", "mastodon_statuses.json": "mastodon",
    "youtube_takeout_comments.csv": "youtube_takeout", "youtube_takeout_comments_2025.csv": "youtube_takeout",
    "youtube_takeout_live_chats.csv": "youtube_takeout",
    "facebook_posts_on_other_pages.json": "facebook", "instagram_saved_posts_label_values.json": "instagram",
    "instagram_label_values_french.json": "instagram",
    "tiktok_user_data.json": "tiktok", "tiktok_user_data_2023.json": "tiktok",
    "reddit_export_comments.csv": "reddit_export", "reddit_export_posts.csv": "reddit_export",
    "reddit_export_messages.csv": "reddit_export",
    "x_api_v1_search.json": "twitter_archive", "x_api_v2_recent_search.json": "twitter_archive",
    "reviews_records.jsonl": "records",
}


@pytest.mark.parametrize("name", sorted(EXPECTED_FORMAT))
def test_each_variant_is_detected_as_its_own_format(name):
    """No format's shape test claims another's file (Mastodon statuses carry an 'account' object,
    which must not pass for the X archive's account.js wrapper)."""
    assert detect_format(GOOD / name) == EXPECTED_FORMAT[name]


# ---------------------------------------------------------------- hostile edits of every fixture

NEW_FIXTURES = ["tweets-part1.js", "note-tweet.js", "facebook_your_posts_1.json",
                "facebook_likes_and_reactions_1.json", "facebook_comments_old.json", "facebook_group_posts.json",
                "instagram_posts_1.json", "instagram_reels_comments.json", "instagram_post_comments_localised.json",
                "instagram_stories.json", "youtube_pages.json", "youtube_comments_list.json", "reddit_new.json",
                "reddit_user_comments.json", "reddit_morechildren.json", "mastodon_outbox_page.json",
                "mastodon_statuses.json", "direct-messages.js", "messenger_message_1.json", "outbox.json",
                "reddit_thread.json", "youtube_threads.json", "facebook_comments.json",
                "instagram_post_comments_1.json", "tweets.js", "facebook_posts_on_other_pages.json",
                "instagram_saved_posts_label_values.json", "instagram_label_values_french.json",
                "tiktok_user_data.json", "tiktok_user_data_2023.json", "x_api_v1_search.json",
                "x_api_v2_recent_search.json"]


def _read(p: Path) -> tuple[str, Any]:
    text = p.read_text(encoding="utf-8")
    if text.startswith("window.YTD."):
        head, _, body = text.partition("=")
        return head + "= ", json.loads(body)
    return "", json.loads(text)


def _paths(obj: Any, at: tuple = ()) -> list[tuple]:
    out = [at]
    if isinstance(obj, dict):
        for k, v in obj.items():
            out += _paths(v, at + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out += _paths(v, at + (i,))
    return out


def _replace(obj: Any, at: tuple, value: Any) -> Any:
    if not at:
        return value
    obj = copy.deepcopy(obj)
    cur = obj
    for k in at[:-1]:
        cur = cur[k]
    cur[at[-1]] = value
    return obj


def _edits(value: Any) -> list[Any]:
    """Hostile stand-ins for one value: null, wrong types, numbers as text, empty containers,
    and deep nesting."""
    deep: Any = "x"
    for _ in range(60):
        deep = {"a": [deep]}
    out: list[Any] = [None, "", [], {}, -1, [value], deep]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        out.append(f"{value}")
    elif isinstance(value, str):
        out.append(value[: len(value) // 2])
    else:
        out.append(1e308)
    return out


PLACES = 4   # JSON values edited per fixture (a fixed random sample)


@pytest.mark.parametrize("name", NEW_FIXTURES)
def test_hostile_edits_give_only_dataerror_or_counted_rows(name, tmp_path):
    """Each JSON value of the fixture (a fixed random sample of places) replaced by null, a wrong
    type, text for a number, an empty list/object or deep nesting: every load either keeps honest
    counts or raises DataError naming the file - never another exception."""
    prefix, obj = _read(GOOD / name)
    rng = random.Random(name)
    places = _paths(obj)
    tried = 0
    for at in rng.sample(places, min(PLACES, len(places))):
        cur = obj
        for k in at:
            cur = cur[k]
        for j, v in enumerate(_edits(cur)):
            q = tmp_path / f"e{tried}_{j}_{name}"
            q.write_text(prefix + json.dumps(_replace(obj, at, v)))
            try:
                ds = smlib.load(q)
            except Exception as exc:  # noqa: BLE001 - the point is to see every type
                assert type(exc) is DataError, f"{name} {at} -> {v!r:.60}: {type(exc).__name__}: {exc}"
                assert q.name in str(exc)
            else:
                check_summary(ds)
        tried += 1
    assert tried == min(PLACES, len(places))


def test_records_wrapped_in_data_are_not_taken_for_x_api_tweets(tmp_path):
    """{"data": [...]} is how many APIs and tools wrap any records. Records with id and text and
    a tool's own 'author' and 'likes' were read as X API v2 tweets (session 10 finding): author
    blank and likes 0, as if real, without a warning. A tweet has only X's field names."""
    recs = [{"id": str(1000 + i), "text": f"hello {i}", "created_at": "2026-01-05T10:00:00Z",
             "author": f"user{i}", "likes": 5 + i} for i in range(3)]
    p = tmp_path / "export.json"
    p.write_text(json.dumps({"data": recs}), encoding="utf-8")
    ds = smlib.load(p, org="Shop")
    check_summary(ds)
    assert ds.load_summary["format"] != "twitter_archive"
    assert ds.interactions["author_id"].tolist() == ["user0", "user1", "user2"]
    assert ds.interactions["likes"].tolist() == [5, 6, 7]
    tweets = {"data": [{"id": "1", "text": "hi @Shop", "author_id": "9", "created_at": "2026-01-05T10:00:00Z",
                        "edit_history_tweet_ids": ["1"], "public_metrics": {"like_count": 4}}]}
    p.write_text(json.dumps(tweets), encoding="utf-8")
    ds = smlib.load(p, org="Shop")
    assert ds.load_summary["format"] == "twitter_archive" and ds.interactions["likes"].tolist() == [4]
