"""Exports from listening tools and scrapers that tutors bring (session 12 review of real shapes).

Headers as the tools write them (sources: Meltwater exports read in public projects with
``encoding='utf-16', sep='\\t'`` and mapped ``'Hit Sentence': 'text'``; the field lists of the
Apify TikTok and YouTube comment scrapers; Freshdesk's ticket export). Texts are invented.
"""
from __future__ import annotations

import pandas as pd

import smlib

MELTWATER = ("Date\tHeadline\tURL\tOpening Text\tHit Sentence\tSource\tInfluencer\tCountry\tLanguage\tReach\t"
             "Tweet Id\tTwitter Screen Name\tTwitter Followers\tTime\n"
             "05-Jul-2024 09:32AM\t\thttps://twitter.com/angry_parent/status/1\t\t@RiversideColl the car park "
             "barrier is broken again\tTwitter\t@angry_parent\tUnited Kingdom\tEnglish\t1250\t1817000000000000001\t"
             "angry_parent\t1,250\t09:32 AM\n"
             "05-Jul-2024 02:05PM\tCollege open day\thttps://news.example/1\tRiverside College opens its doors..."
             "\t...opens its doors to new students...\tNews\t\tUnited Kingdom\tEnglish\t9000\t\t\t\t02:05 PM\n")


def _load(tmp_path, name, text, encoding="utf-8", **kw):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    ds = smlib.load(p, **kw)
    s = ds.load_summary
    assert s["rows_kept"] + s["rows_skipped"] == s["rows_in"]
    return ds


def test_meltwater_posts_are_read_from_hit_sentence(tmp_path):
    """The text was taken from 'Opening Text', empty for tweets: every social post was skipped
    as 'no text'."""
    ds = _load(tmp_path, "Riverside - Jul 7, 2025 - 5 12 53 PM.csv", "\ufeff" + MELTWATER, encoding="utf-16-le")
    assert ds.load_summary["columns_used"]["text"] == "Hit Sentence"
    # the news item has no tweet id: counted, not dropped silently
    assert ds.load_summary["rows_kept"] == 1 and ds.load_summary["reasons"] == {"missing message_id": 1}
    assert ds.interactions["text"].iloc[0] == "@RiversideColl the car park barrier is broken again"


def test_scraped_tiktok_comments_take_the_author_not_a_true_false_column(tmp_path):
    """'likedByAuthor' (true/false) was taken for the author: every comment by one person 'false'."""
    csv = ("avatarThumbnail,cid,createTime,createTimeISO,diggCount,likedByAuthor,pinnedByAuthor,repliesToId,"
           "replyCommentTotal,text,uid,uniqueId,videoWebUrl\n"
           "https://p16.example/a.jpeg,7390000000000000001,1720171800,2024-07-05T09:30:00.000Z,12,false,false,,2,"
           "is the pool open on sunday??,6800000000000000001,swimmer_sam,https://www.tiktok.com/@riv/video/1\n"
           "https://p16.example/b.jpeg,7390000000000000002,1720175400,2024-07-05T10:30:00.000Z,3,false,false,"
           "7390000000000000001,0,yes 8am-4pm on sundays!,6800000000000000009,riversideleisure,"
           "https://www.tiktok.com/@riv/video/1\n")
    ds = _load(tmp_path, "dataset_tiktok-comments-scraper_2024-07-06.csv", csv, org_handles="riversideleisure")
    f = ds.interactions
    assert f["author_id"].tolist() == ["swimmer_sam", "riversideleisure"]
    assert f["message_id"].tolist() == ["7390000000000000001", "7390000000000000002"]
    assert f["parent_id"].iloc[1] == "7390000000000000001" and f["likes"].tolist() == [12, 3]
    assert f["author_is_org"].tolist() == [False, True]


def test_scraped_youtube_comments_with_only_relative_times_say_so(tmp_path):
    csv = ("author,authorIsChannelOwner,cid,comment,publishedTimeText,replyToCid,voteCount\n"
           "@swimmer_sam,false,Ugw1,Great tour of the new pool!,2 weeks ago,,4\n"
           "@RiversideLeisure,true,Ugw1.r1,Thanks Sam!,1 week ago (edited),Ugw1,1\n"
           "@kim,false,Ugw2,Is it open today?,today,,0\n")
    ds = _load(tmp_path, "dataset_youtube-comments-scraper.csv", csv)
    s = ds.load_summary
    assert s["rows_kept"] == 0 and s["reasons"] == {"relative date ('2 weeks ago')": 3}
    assert any("relative to the day the file was made" in w for w in s["warnings"])


def test_today_and_now_are_not_read_as_the_moment_of_loading(tmp_path):
    """pandas reads 'today' and 'now' as the current time: a row was kept, dated the day the file
    was loaded."""
    ds = _load(tmp_path, "log.csv", "author,text,date\na,bad service,today\nb,why,now\nc,fine,2026-01-05 10:00\n")
    assert ds.interactions["text"].tolist() == ["fine"]
    assert ds.load_summary["rows_skipped"] == 2
    # ISO files keep the fast path and read as before
    iso = _load(tmp_path, "iso.csv", "author,text,date\na,x,2026-01-05T10:00:00Z\nb,y,2026-01-06T10:00:00Z\n")
    assert iso.interactions["created_at"].tolist() == list(pd.to_datetime(
        ["2026-01-05T10:00:00Z", "2026-01-06T10:00:00Z"], utc=True))


def test_a_help_desk_ticket_is_read_from_its_description_not_its_status(tmp_path):
    csv = ("Ticket ID,Subject,Description,Status,Priority,Source,Created time,Full name\n"
           "1,Twitter mention,@RiversideColl bus late again,Open,Low,Twitter,2024-07-05 09:30:44,Jo Bloggs\n"
           "2,Facebook post,Where is lost property?,Open,Low,Facebook,2024-10-27 01:30:10,Sam Lee\n")
    ds = _load(tmp_path, "Freshdesk_tickets.csv", csv)
    assert ds.load_summary["columns_used"]["text"] == "Description"
    assert ds.interactions["text"].tolist() == ["@RiversideColl bus late again", "Where is lost property?"]


def test_post_analytics_for_several_profiles_say_how_to_mark_the_organisation(tmp_path):
    """A Sprout 'Post Performance' report covers the organisation's X, Facebook and Instagram
    profiles: with no org_handles every post became a public comment, with no warning."""
    csv = ("Date,Post ID,Network,Profile,Post,Organic Impressions,Likes\n"
           "7/5/2024 9:30 am,1809000000000000001,X,RiversideColl,Pool reopens Monday,1204,30\n"
           "7/6/2024 5:05 pm,123_98765,Facebook,Riverside Leisure,Summer timetable is out,2310,90\n")
    ds = _load(tmp_path, "Post Performance (Riverside).csv", csv)
    assert not ds.interactions["author_is_org"].any()
    assert any("2 authors" in w and "org_handles" in w for w in ds.load_summary["warnings"])
    mine = _load(tmp_path, "Post Performance (Riverside).csv", csv,
                 org_handles=["RiversideColl", "Riverside Leisure"])
    assert mine.interactions["author_is_org"].all()
    assert not any("authors (" in w for w in mine.load_summary["warnings"])


def test_the_platform_is_read_from_links_to_the_messages(tmp_path):
    """Meta's post export, X's tweet activity and listening tools have no platform column but
    link every message: every row was platform 'other', so the profile's handles per platform
    could not mark the organisation's own posts."""
    meta = ("Post ID,Page name,Description,Publish time,Permalink\n"
            "1,Riverside College,Open evening Thursday,10/20/2025 09:15,https://www.facebook.com/6157/posts/1\n"
            "2,Riverside College,Timetable out,10/21/2025 09:15,https://www.facebook.com/6157/posts/2\n")
    ds = _load(tmp_path, "posts.csv", meta)
    assert ds.interactions["platform"].astype(str).tolist() == ["facebook", "facebook"]
    assert any("column 'Permalink'" in w for w in ds.load_summary["warnings"])
    mixed = ("Date,Author,Full Text,Url\n"
             "2024-07-05 09:30,jo,the lift is broken,https://twitter.com/jo/status/1\n"
             "2024-07-05 10:30,sam,same here,https://www.reddit.com/r/leeds/comments/abc/x/def\n"
             "2024-07-05 11:30,kim,great pool,https://x.com/kim/status/2\n")
    assert _load(tmp_path, "mentions.csv", mixed).interactions["platform"].astype(str).tolist() == [
        "x", "reddit", "x"]
    # links to other sites say nothing about the platform; platform= always wins
    news = mixed.replace("twitter.com", "news.example").replace("www.reddit.com", "blog.example") \
        .replace("x.com", "shop.example")
    other = _load(tmp_path, "news.csv", news)
    assert set(other.interactions["platform"].astype(str)) == {"other"}
    assert not any("platform was read" in w for w in other.load_summary["warnings"])
    assert set(_load(tmp_path, "m.csv", mixed, platform="instagram").interactions["platform"].astype(str)) == {
        "instagram"}


def test_an_organisation_named_by_its_file_drops_dates_and_export_words(tmp_path):
    """X's own file name 'tweet_activity_metrics_RiversideColl_20240601_20240701_en.csv' put
    'tweet-activity-metrics-riversidecoll-20240601-20240701-en' on reports."""
    body = "Tweet id,Tweet text,time\n1,Exam timetable is out,2024-06-05 08:05 +0000\n"
    for name, org in (("tweet_activity_metrics_RiversideColl_20240601_20240701_en.csv", "riversidecoll"),
                      ("Riverside - Jul 7, 2025 - 5 12 53 PM.csv", "riverside"),
                      ("Complaints log (Responses) - Form responses 1.csv", "this organisation")):
        ds = _load(tmp_path, name, body)
        assert ds.interactions["org"].astype(str).tolist() == [org], name


def test_a_crm_cid_or_unique_id_column_is_not_a_message_id_or_author(tmp_path):
    """The scrapers' 'cid'/'uniqueId' first counted as ids everywhere: a CRM export's customer id
    'CID' became the message id, so a customer's second message was dropped as a repeat."""
    csv = ("CID,Date,Message\nC001,2026-01-05 10:00,Where is my order\nC001,2026-01-05 11:00,Still waiting\n"
           "C002,2026-01-05 12:00,Great service thanks\n")
    ds = _load(tmp_path, "crm.csv", csv)
    assert ds.load_summary["rows_kept"] == 3 and "message_id" not in ds.load_summary["columns_used"]


def test_the_permalink_wins_over_a_link_the_post_shares(tmp_path):
    csv = ("Date,Message,Author,Link,Permalink\n"
           "2026-01-05 10:00,Loving the new menu,@amy,https://www.youtube.com/watch?v=abc,https://www.facebook.com/shop/posts/1\n"
           "2026-01-05 11:00,Video of my delay,@bob,https://youtu.be/xyz,https://www.facebook.com/shop/posts/2\n")
    ds = _load(tmp_path, "fb.csv", csv)
    assert ds.interactions["platform"].astype(str).tolist() == ["facebook", "facebook"]
