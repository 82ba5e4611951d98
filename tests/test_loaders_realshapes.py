"""Shapes of real exports found in public code and bug reports, that the format readers were not
built from. Each fixture in tests/data/loaders/realshapes/ is small and hand-made in the structure
the cited source shows (invented text and names). Expected figures are read from the fixtures by
eye, never from smlib.

Sources (Nov 2026 code search):
* Facebook: public parsers of the download reading ``attachments.data.media.description`` for
  group and photo posts, ``{"videos_v2": [...]}``, ``{"other_photos_v2": [...]}`` and album
  ``{"photos": [...]}`` files, and ``poll`` attachments in ``group_posts_v2``.
* Mastodon: mastodon/mastodon app/lib/activitypub/tag_manager.rb (to/cc by visibility: direct
  messages are addressed to the mentioned actors only); ``Question`` objects with ``oneOf``.
* TikTok: abrignoni/RLEAPP scripts/artifacts/tikTokArchiveJson.py and zollo/tiktok-downloader
  data_structure.yml (``Tiktok Live`` → ``Watch Live History`` → ``WatchLiveMap`` comments).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import smlib

from _loader_checks import check_summary, utc

SHAPES = Path(__file__).parent / "data" / "loaders" / "realshapes"


def rows(ds: smlib.Dataset) -> pd.DataFrame:
    return ds.interactions.set_index("message_id")


# ---------------------------------------------------------------- Facebook

def test_facebook_photo_post_caption_only_in_media_description():
    """2024 posts file: a photo post whose words are only the media ``description`` (``data`` holds
    just ``update_timestamp``) kept its photo but lost its text; the album name in ``title`` is not
    a caption; a note's title and text are its words; a check-in with no words is still no text."""
    ds = smlib.load(SHAPES / "facebook_your_posts__check_ins__photos_and_videos_1.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "facebook" and (s["rows_in"], s["rows_kept"], s["reasons"]) == (5, 4, {"no text": 1})
    f = rows(ds)
    assert f.loc["fb-0-posts-0", "text"] == "New café counter ☕ opens Monday"     # mojibake repaired
    assert f.loc["fb-0-posts-0", "created_at"] == utc("2024-06-01 12:00")
    assert f.loc["fb-0-posts-1", "text"] == "Busy morning — thanks all!"
    assert f.loc["fb-0-posts-3", "text"] == ""                                  # photo, empty caption
    assert f.loc["fb-0-posts-4", "text"] == "Opening hours\n\nMon-Fri 8-6"       # a note
    assert "fb-0-posts-2" not in f.index                                        # check-in only
    assert f["author_is_org"].all() and set(f["kind"].astype(str)) == {"post"}


def test_facebook_group_poll_has_its_question_as_text():
    ds = smlib.load(SHAPES / "facebook_group_posts_and_comments.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (2, 2, {})
    f = rows(ds)
    assert f.loc["fb-0-group_posts_v2-0", "text"] == "Which cake next week? (Lemon / Carrot)"
    assert f.loc["fb-0-group_posts_v2-1", "text"] == "Open late on Friday"


def test_facebook_videos_and_album_files_load_as_posts():
    """``your_videos.json`` / album files were 'not an export smlib knows'."""
    ds = smlib.load(SHAPES / "facebook_your_videos.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "facebook" and (s["rows_in"], s["rows_kept"]) == (2, 2)
    f = rows(ds)
    assert f.loc["fb-0-videos_v2-0", "text"] == "Latte art in slow motion"
    assert f.loc["fb-0-videos_v2-1", "text"] == ""                      # a video without words is kept
    assert f.loc["fb-0-videos_v2-1", "created_at"] == utc("2024-06-02 12:00")
    assert f["author_is_org"].all() and set(f["author_id"]) == {"cafenova"}
    album = smlib.load(SHAPES / "facebook_album_0.json", org_handles=["cafenova"])
    s = check_summary(album)
    assert (s["rows_in"], s["rows_kept"]) == (1, 1)
    assert album.interactions["text"].tolist() == ["Menu board for June"]   # not "Mobile uploads"


# ---------------------------------------------------------------- Mastodon

def test_mastodon_outbox_direct_messages_and_polls():
    ds = smlib.load(SHAPES / "mastodon_outbox_direct_poll.json")
    s = check_summary(ds)
    assert s["format"] == "mastodon" and (s["rows_in"], s["rows_kept"]) == (8, 7)
    f = rows(ds)
    base = "https://social.example/users/cafenova/statuses/"
    kinds = {k.rsplit("/", 1)[-1]: str(v) for k, v in f["kind"].items()}
    # public post, followers-only reply, DM, DM that replies, public poll, unlisted, compact as:Public
    assert kinds == {"1": "post", "2": "reply", "3": "message", "4": "message", "5": "post", "6": "post", "7": "post"}
    assert f.loc[base + "4", "parent_id"] == "https://other.example/users/ann/statuses/11"
    assert f.loc[base + "3", "text"] == "@ann your order number is 12"
    assert f.loc[base + "5", "text"] == "Which cake next? (Lemon / Carrot)"
    assert f["author_is_org"].all()


# ---------------------------------------------------------------- TikTok

def test_tiktok_posts_have_threads_and_live_comments_are_read():
    ds = smlib.load(SHAPES / "tiktok_user_data_live.json")
    s = check_summary(ds)
    assert s["format"] == "tiktok" and (s["rows_in"], s["rows_kept"], s["reasons"]) == (6, 6, {})
    f = rows(ds)
    post = "https://www.tiktokv.com/share/video/7360000000000000001/"
    # posts and comments were left with no thread_id when the file also had DMs
    assert f["thread_id"].notna().all()
    assert f.loc[post, "thread_id"] == post and f.loc["tt-comment-0", "thread_id"] == "tt-comment-0"
    live = f[f["thread_id"] == "tt-live-7360000000000000099"]
    assert sorted(live["text"]) == ["Do you ship to Leeds?", "Great stream"]
    assert (live["kind"].astype(str) == "comment").all() and live["author_is_org"].all()
    assert set(live["author_id"]) == {"cafenova"}
    assert f.loc["tt-live-7360000000000000099-comments-0", "created_at"] == utc("2024-05-05 20:01")
    assert f.loc["tt-dm-ann_lee-1", "author_is_org"] and not f.loc["tt-dm-ann_lee-0", "author_is_org"]


# ---------------------------------------------------------------- files with ids but no text

def test_header_only_files_say_which_file_to_load():
    """X's tweet-headers.js / direct-message-headers.js and Reddit's comment_headers.csv /
    post_headers.csv hold ids and dates without the words (public readers of both exports list
    them as 'a strict subset without the body'). Before: tweet-headers.js was 'not an export smlib
    knows', the DM headers loaded 1 -> 0 rows ('no text') with a warning about the owner, and the
    Reddit files asked for a text column."""
    for name, wanted in (("tweet-headers.js", "load tweets.js"),
                         ("direct-message-headers.js", "load direct-messages.js"),
                         ("reddit_comment_headers.csv", "load comments.csv"),
                         ("reddit_post_headers.csv", "load posts.csv")):
        with pytest.raises(smlib.DataError) as e:
            smlib.load(SHAPES / name)
        msg = str(e.value)
        assert name in msg and wanted in msg and "ids and dates" in msg, msg


# ---------------------------------------------------------------- Reddit

def test_reddit_zero_width_space_entities_are_not_words():
    """New Reddit's editor saves an empty paragraph as ``&#x200B;`` in the markdown, so API bodies
    carry ``&amp;#x200B;`` and data-request CSVs ``&#x200B;``; public readers strip it
    (``selftext.replace("&#x200B;", "")``). smlib kept it as text, and a body of only that marker
    as a message."""
    ds = smlib.load(SHAPES / "reddit_thread_zero_width.json")
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (4, 3, {"no text": 1})
    f = rows(ds)
    assert f.loc["t3_p1", "text"] == "Cold coffee again & again\n\nThird time this week.\n\nAnyone else?"
    assert f.loc["t1_c1", "text"] == "Sorry Ann  we have fixed the machine"
    assert f.loc["t1_c3", "text"] == "> Anyone else?\n\nYes, me"          # &gt; decoded, quote kept
    assert not f["text"].str.contains("&#", regex=False).any()
    ex = smlib.load(SHAPES / "reddit_export_comments_zero_width.csv")
    s = check_summary(ex)
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (2, 1, {"no text": 1})
    assert ex.interactions["text"].tolist() == ["We are sorry.\n\nFixed now & thanks"]


# ---------------------------------------------------------------- Instagram

def test_instagram_label_values_posts_caption_in_media_title():
    """2024-25 Instagram posts in the label_values dialect with only a ``Media`` label: the caption
    is the media's ``title`` and the media sit in Instagram's ``media/posts/`` folder. Before: read
    as Facebook, caption lost, and a warning that the labels were untranslated."""
    ds = smlib.load(SHAPES / "instagram_posts_label_values_media_title.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "instagram" and s["platforms"] == ["instagram"]
    assert (s["rows_in"], s["rows_kept"], s["reasons"], s["warnings"]) == (2, 2, {}, [])
    assert ds.interactions["text"].tolist() == ["Sunset latte ☕", ""]        # mojibake repaired
    assert ds.interactions["author_is_org"].all()


def test_instagram_dm_reaction_echoes_are_not_messages():
    """Instagram DMs write each reaction also as a line ("Liked a message", "Reacted ❤️ to your
    message "); public DM readers drop them. A customer's sentence that merely starts with
    "Reacted" is kept."""
    ds = smlib.load(SHAPES / "instagram_dm_message_1.json", org_handles=["Cafe Nova"], platform="instagram")
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (4, 2, {"reaction (not a message)": 2})
    f = ds.interactions.sort_values("created_at")
    assert f["text"].tolist() == ["Reacted to the news, are you open today?", "Yes, until 6pm"]
    assert f["author_is_org"].tolist() == [False, True]


# ---------------------------------------------------------------- Google Business Profile

def test_google_takeout_single_review_file():
    """Takeout's Google Business Profile folder also holds files of one review each (a public
    reader of it, dudaka/GReviewSignals, handles 'Individual review file'); smlib called that
    'not an export smlib knows'."""
    ds = smlib.load(SHAPES / "google_review_single.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "google_reviews" and (s["rows_in"], s["rows_kept"]) == (2, 2)
    f = rows(ds)
    assert f.loc["AbCdEf9", "text"] == "Long wait at the counter" and f.loc["AbCdEf9", "rating"] == 2
    assert f.loc["AbCdEf9", "created_at"] == utc("2025-08-01 10:00:00.123")
    assert f.loc["AbCdEf9/reply", "parent_id"] == "AbCdEf9" and f.loc["AbCdEf9/reply", "author_is_org"]
    assert str(f.loc["AbCdEf9", "kind"]) == "review" and not f.loc["AbCdEf9", "author_is_org"]


# ---------------------------------------------------------------- YouTube via yt-dlp

def test_youtube_comments_saved_by_yt_dlp():
    """yt-dlp --write-comments (fields per yt-dlp/extractor/common.py: parent 'root' or the
    parent's id, epoch timestamp, author_is_uploader). Before: read as generic records, with
    'root' taken as every comment's parent and thread, the uploader's reply not the
    organisation's, and platform 'other'."""
    ds = smlib.load(SHAPES / "ytdlp_vid12345678.info.json")
    s = check_summary(ds)
    assert s["format"] == "youtube" and s["platforms"] == ["youtube"]
    assert (s["rows_in"], s["rows_kept"]) == (3, 3)
    f = rows(ds)
    assert pd.isna(f.loc["UgzA", "parent_id"]) and f.loc["UgzA", "thread_id"] == "UgzA"
    assert f.loc["UgzA.r1", "parent_id"] == "UgzA" and str(f.loc["UgzA.r1", "kind"]) == "reply"
    assert f.loc["UgzA.r1", "author_is_org"] and not f.loc["UgzA", "author_is_org"]
    assert f.loc["UgzA", "created_at"] == utc("2024-05-02 08:00")
    assert (f.loc["UgzA", "likes"], f.loc["UgzB", "likes"]) == (2, 0)        # null like_count
    assert f.loc["UgzA", "replies"] == 1 and set(f["org"]) == {"cafenova"}
    only = smlib.load(SHAPES / "ytdlp_comments_only.json")                    # the list alone
    assert only.load_summary["format"] == "youtube"
    assert rows(only).loc["UgzA.r1", "author_is_org"] and len(only.interactions) == 3


# ---------------------------------------------------------------- Graph API saves

def test_facebook_graph_api_page_feed_with_nested_comments():
    """A page feed saved from the Graph API (two pages of /feed with comments{...,comments{...}}).
    Before: the generic records reader kept the 3 posts, silently lost the 5 nested comments, and
    marked none of the page's own posts or replies as the organisation's."""
    ds = smlib.load(SHAPES / "facebook_graph_feed_pages.json")
    s = check_summary(ds)
    assert s["format"] == "facebook" and s["platforms"] == ["facebook"]
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (7, 7, {})
    f = rows(ds)
    post, c1, r1, r2 = ("104000000000001_900000000000001", "900000000000001_300000000000001",
                        "900000000000001_300000000000002", "900000000000001_300000000000004")
    assert f.loc[post, "author_is_org"] and str(f.loc[post, "kind"]) == "post"
    assert (f.loc[post, "likes"], f.loc[post, "shares"]) == (7, 2)
    assert f.loc[c1, "parent_id"] == post and str(f.loc[c1, "kind"]) == "comment" and not f.loc[c1, "author_is_org"]
    assert f.loc[r1, "parent_id"] == c1 and f.loc[r1, "thread_id"] == post and f.loc[r1, "author_is_org"]
    assert str(f.loc[r1, "kind"]) == "reply" and str(f.loc[r2, "kind"]) == "reply"
    assert f.loc["900000000000001_300000000000003", "text"] == ""            # a sticker: kept
    assert f.loc["104000000000001_900000000000002", "text"] == ""            # cover photo: kept, the
    assert f.loc["104000000000001_900000000000002", "author_is_org"]         # 'story' is Facebook's words
    assert pd.isna(f.loc["900000000000001_300000000000003", "author_name"])  # 'from' withheld
    visitor = f.loc["104000000000001_900000000000003"]
    assert not visitor["author_is_org"] and visitor["author_name"] == "Bo King"
    assert f.loc[c1, "created_at"] == utc("2024-05-01 11:00")
    assert set(f["org"]) == {"cafe-nova"}
    assert any("2 comment(s) counted by Facebook" in w for w in s["warnings"])


def test_instagram_graph_api_media_with_comments_and_replies():
    ds = smlib.load(SHAPES / "instagram_graph_media.json")
    s = check_summary(ds)
    assert s["format"] == "instagram" and (s["rows_in"], s["rows_kept"], s["reasons"]) == (5, 5, {})
    f = rows(ds)
    assert f.loc["17900000000000001", "author_is_org"] and f.loc["17900000000000001", "likes"] == 12
    assert f.loc["17800000000000001", "parent_id"] == "17900000000000001" and not f.loc["17800000000000001", "author_is_org"]
    assert f.loc["17800000000000002", "parent_id"] == "17800000000000001" and f.loc["17800000000000002", "author_is_org"]
    assert f.loc["17800000000000002", "thread_id"] == "17900000000000001"
    assert f.loc["17900000000000002", "text"] == ""                                  # a video, no caption
    assert set(f["org"]) == {"cafenova"}
    assert any("1 comment(s) counted by Instagram" in w for w in s["warnings"])


# ---------------------------------------------------------------- hostile edits of these fixtures

JSON_SHAPES = sorted(p.name for p in SHAPES.iterdir() if p.suffix in (".json", ".js"))


@pytest.mark.parametrize("name", JSON_SHAPES)
def test_hostile_edits_of_real_shapes(name, tmp_path):
    """A fixed random sample of 3 values per fixture replaced by null, wrong types, an empty
    container or 60-level nesting (the helpers of test_loaders_formats): every load keeps honest
    counts or raises a DataError naming the file. (A full sweep of every value of every fixture,
    6,288 loads, found no break when these readers were written.)"""
    import json
    import random

    from test_loaders_formats import _edits, _paths, _read, _replace
    prefix, obj = _read(SHAPES / name)
    places = _paths(obj)
    for at in random.Random(name).sample(places, min(3, len(places))):
        cur = obj
        for k in at:
            cur = cur[k]
        for j, v in enumerate(_edits(cur)):
            q = tmp_path / f"{j}_{name}"
            q.write_text(prefix + json.dumps(_replace(obj, at, v)), encoding="utf-8")
            try:
                ds = smlib.load(q)
            except smlib.DataError as exc:
                assert q.name in str(exc)
            else:
                check_summary(ds)


def test_messenger_calls_and_membership_changes_are_not_messages():
    """Messenger writes calls (type Call, call_duration) and people joining or leaving a group
    (Subscribe / Unsubscribe, users) as messages with automatic text; they were kept as messages
    from the customer and the organisation."""
    ds = smlib.load(SHAPES / "facebook_messenger_group_events.json", org_handles=["Cafe Nova"])
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (6, 3)
    assert s["reasons"] == {"call (not a message)": 1, "people added to the chat (not a message)": 1,
                            "people left or removed from the chat (not a message)": 1}
    f = ds.interactions.sort_values("created_at")
    assert f["text"].tolist() == ["Can you do lunch for 20 on Friday?", "",   # a shared link: kept
                                  "Your order for 20 is confirmed – see you at 12"]
    assert f["author_is_org"].tolist() == [False, False, True]


def test_youtube_live_chat_messages_from_the_data_api():
    """liveChatMessages.list pages: before, every item was skipped as 'not a YouTube comment
    thread' (5 -> 0 rows)."""
    ds = smlib.load(SHAPES / "youtube_live_chat_messages.json")
    s = check_summary(ds)
    assert s["format"] == "youtube" and (s["rows_in"], s["rows_kept"]) == (5, 3)
    assert s["reasons"] == {"live chat event 'messageDeletedEvent' (not a message)": 1,
                            "live chat event 'chatEndedEvent' (not a message)": 1}
    f = rows(ds)
    assert f.loc["LCC.a1", "text"] == "Is the shop open on Sunday?" and not f.loc["LCC.a1", "author_is_org"]
    assert f.loc["LCC.a2", "author_is_org"] and f.loc["LCC.a2", "author_id"] == "UCcafenova00000000000001"
    assert f.loc["LCC.a3", "text"] == "Love the new blend"                    # a Super Chat's comment
    assert set(f["thread_id"]) == {"Cg0KC3ZpZDEyMzQ1Njc4"} and set(f["kind"].astype(str)) == {"message"}
    assert f.loc["LCC.a1", "created_at"] == utc("2024-05-05 20:01:00.123")


def test_x_api_v2_without_conversation_id_still_has_threads():
    """X API v2 returns conversation_id only when asked for (tweet.fields); tweets without it had
    thread_id NaN (the shared last step fills threads only when no row has one)."""
    ds = smlib.load(SHAPES / "x_api_v2_no_conversation_id.json", org_handles=["cafenova"])
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"]) == (3, 3)
    f = rows(ds)
    assert f["thread_id"].tolist() == ["1790000000000000301"] * 3
    assert f.loc["1790000000000000302", "author_is_org"] and str(f.loc["1790000000000000302", "kind"]) == "reply"


def test_instagram_dms_in_messenger_shape_are_instagram(tmp_path):
    """Instagram's download writes DMs in Messenger's shape; they were labelled platform facebook
    unless platform='instagram' was passed. The folder (your_instagram_activity/, instagram-<user>-
    <date>/) or the messages' media paths say which download a thread came from."""
    import json
    import shutil
    src = Path(__file__).parent / "data" / "loaders" / "good" / "messenger_message_1.json"
    assert str(smlib.load(src).interactions["platform"].iloc[0]) == "facebook"      # Messenger stays
    for folder in ("your_instagram_activity/messages/inbox/jo_123", "instagram-shop-2025-01-02-abc/messages/inbox/jo_1"):
        p = tmp_path / folder / "message_1.json"
        p.parent.mkdir(parents=True)
        shutil.copy(src, p)
        assert set(smlib.load(p).interactions["platform"].astype(str)) == {"instagram"}
        assert set(smlib.load(p, platform="facebook").interactions["platform"].astype(str)) == {"facebook"}
    obj = json.loads(src.read_text(encoding="utf-8"))
    obj["messages"][0]["photos"] = [{"uri": "your_instagram_activity/messages/inbox/jo_123/photos/1.jpg",
                                     "creation_timestamp": 1700000000}]
    q = tmp_path / "elsewhere" / "message_1.json"
    q.parent.mkdir()
    q.write_text(json.dumps(obj), encoding="utf-8")
    assert set(smlib.load(q).interactions["platform"].astype(str)) == {"instagram"}
