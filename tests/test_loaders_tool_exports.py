"""CSV/Excel exports from monitoring and analytics tools, read by the generic table loader.

The fixtures in ``tests/data/loaders/tools/`` copy the *layouts* (column names, date
styles, title rows, sheets) of real exports; their rows are made up. See the README there for
which layouts were checked against public copies and which come from the tools' help pages or
memory. Each test names the mistake the loader used to make with that layout.
"""
from __future__ import annotations

import pandas as pd
import pytest

import smlib
from smlib.loaders import tabular

from _loader_checks import HERE, check_summary, utc

TOOLS = HERE / "tools"


def load(name: str, **kw) -> tuple[pd.DataFrame, dict]:
    ds = smlib.load(TOOLS / name, **kw)
    return ds.interactions, check_summary(ds)


# ── which column is which ─────────────────────────────────────────────────────────────────
def test_a_metric_column_is_never_the_author():
    """X's tweet_activity_metrics: 'user profile clicks' was taken as the author (authors '4.0')."""
    df, s = load("x_tweet_activity_metrics.csv", org_handles=["MyCollege"], platform="x")
    assert "author_id" not in s["columns_used"]
    assert df["author_id"].tolist() == ["MyCollege", "MyCollege"]
    assert df["author_is_org"].all() and (df["kind"] == "post").all()
    assert any("only the account's owner sees" in w for w in s["warnings"])


@pytest.mark.parametrize("headers, author", [
    (["Author", "Author Gender", "Author influence score", "Text", "Date"], "Author"),
    (["Text", "Date", "User engagement", "Handle clicks", "Account reach"], None),
    (["Text", "Date", "reviewer.profilePhotoUrl", "reviewer.displayName"], "reviewer.displayName"),
])
def test_properties_of_an_author_are_not_the_author(headers, author):
    got = tabular.guess_columns(headers)
    assert got.get("author_id", got.get("author_name")) == author


@pytest.mark.parametrize("header", ["Query Id", "Campaign ID", "Ad ID", "Location Id", "Tag ID",
                                    "Resource Id", "Order id", "cluster_id", "Thread Id"])
def test_bookkeeping_ids_are_not_message_ids(header):
    assert "message_id" not in tabular.guess_columns([header, "Text", "Date"])


@pytest.mark.parametrize("header", ["Message ID", "Tweet id", "Post ID", "Media ID", "Mention Id",
                                    "Review ID", "id", "Comment Id"])
def test_message_ids_are_still_found(header):
    assert tabular.guess_columns([header, "Text", "Date"])["message_id"] == header


def test_listening_tool_exports_keep_every_mention():
    """Brandwatch's 'Query Id' and Talkwalker's 'cluster_id' repeat on every row: as message ids
    they made every mention but the first a duplicate."""
    for name in ("brandwatch_mentions.csv", "talkwalker_export.csv"):
        df, s = load(name, org_handles=["RiversideColl"])
        assert s["rows_kept"] == 2 and "duplicate message_id" not in s["reasons"], name
    df, s = load("brandwatch_mentions.csv", org_handles=["RiversideColl"])
    assert df["author_id"].tolist() == ["student_jo", "RiversideColl"]
    assert df["author_is_org"].tolist() == [False, True]


def test_a_constant_id_column_is_not_an_id(tmp_path):
    p = tmp_path / "export.csv"
    p.write_text("id,text,date\n" + "".join(f"export-7,message {i},2026-01-05 09:{i:02d}\n" for i in range(30)))
    ds = smlib.load(p)
    s = check_summary(ds)
    assert s["rows_kept"] == 30 and s["reasons"] == {}
    assert ds.interactions["message_id"].str.startswith("row-").all()
    assert any("repeats its values (1 different in 30 rows)" in w for w in s["warnings"])


def test_real_duplicates_are_still_duplicates(tmp_path):
    p = tmp_path / "dups.csv"
    p.write_text("id,text,date\n1,a,2026-01-05\n1,b,2026-01-05\n2,c,2026-01-05\n3,d,2026-01-05\n")
    assert smlib.load(p).load_summary["reasons"] == {"duplicate message_id": 1}


def test_video_exports_take_the_title_as_the_text():
    """YouTube Studio's 'Content' is the video id; TikTok Studio's 'Post time' became the text."""
    df, s = load("youtube_studio_table.csv", platform="youtube")
    assert df["text"].tolist() == ["Campus tour 2024", "How to apply for an apprenticeship"]
    assert s["reasons"] == {"no text": 1}          # the 'Total' row
    assert any("holds codes, not words" in w for w in s["warnings"])
    df, s = load("tiktok_studio_content.csv", platform="tiktok")
    assert df["text"].tolist() == ["Open day vlog 🎥 come see our campus!", "Exam tips from our tutors"]
    assert df["created_at"].tolist() == [utc("2024-03-05 14:22"), utc("2024-03-08 09:10")]


def test_a_post_with_only_a_title_keeps_it_as_text():
    """A Meta Business Suite reel with a Title and no Description was skipped as 'no text'."""
    df, s = load("meta_fb_posts.csv")
    assert s["rows_kept"] == 3 and "no text" not in s["reasons"]
    assert df["text"].iloc[2] == "Freshers week reel"


def test_a_given_text_column_is_never_swapped(tmp_path):
    p = tmp_path / "codes.csv"
    p.write_text("Code,Title,Date\nAB12,Nice words here,2026-01-05\nCD34,More words,2026-01-06\n")
    df = smlib.load(p, columns={"text": "Code", "created_at": "Date"}).interactions
    assert df["text"].tolist() == ["AB12", "CD34"]


# ── times ────────────────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize("name", ["date_plus_time_utc.csv", "date_gmt_time_gmt.csv"])
def test_a_time_column_with_a_zone_in_its_name_is_used(name):
    """'Time (UTC)' / 'Time (GMT)' were ignored: every message landed at midnight."""
    df, s = load(name, org_handles=["RiversideColl"])
    assert df["created_at"].iloc[0] == utc("2024-03-05 14:22")
    assert df["created_at"].iloc[1] == utc("2024-03-05 15:01")


def test_a_zone_in_the_date_header_is_obeyed():
    """'Review Created (UTC)' was read as Europe/London (the profile's zone): an hour early in summer."""
    df, s = load("trustpilot_summer.csv", org="riverside-leisure", platform="reviews")
    assert df["created_at"].tolist() == [utc("2024-07-05 09:30")]
    assert any("column's name says its times are UTC" in w for w in s["warnings"])
    assert df["author_id"].tolist() == ["Jo Bloggs"] and df["rating"].tolist() == [5]


def test_a_zone_given_by_the_user_wins_over_the_header_but_is_questioned():
    df, s = load("hootsuite_date_gmt.csv")
    assert df["created_at"].iloc[0] == utc("2024-07-05 09:30")
    df, s = load("hootsuite_date_gmt.csv", timezone="Europe/London")
    assert df["created_at"].iloc[0] == utc("2024-07-05 08:30")
    assert any("timezone='Europe/London' was given and used" in w for w in s["warnings"])


@pytest.mark.parametrize("header, zone", [("Date (UTC)", "UTC"), ("Created at GMT", "UTC"),
                                          ("Date (GMT+1)", "UTC+01:00"), ("Date", None), ("Time (UTC-5)", "UTC-05:00")])
def test_header_zone(header, zone):
    assert tabular.header_zone({"created_at": header}) == zone


@pytest.mark.parametrize("name", ["excel_serial_dates.csv", "excel_serial_general.xlsx"])
def test_excel_day_numbers_are_dates(name):
    """45357.5625 is Excel's 6 March 2024 13:30; every row was skipped as 'unparseable date'."""
    df, s = load(name)
    assert df["created_at"].tolist() == [utc("2024-03-06 13:30"), utc("2024-03-07 06:00")]
    assert any("Excel day numbers" in w for w in s["warnings"])


def test_excel_day_numbers_follow_the_zone(tmp_path):
    p = tmp_path / "serial.csv"
    p.write_text("Date,Message\n45478.5,summer noon\n45478,\n99999,out of range\n")   # 5 Jul 2024
    ds = smlib.load(p, timezone="Europe/London")
    s = check_summary(ds)
    assert ds.interactions["created_at"].tolist() == [utc("2024-07-05 11:00")]
    assert s["reasons"] == {"no text": 1, "unparseable date": 1}


# ── who wrote it, and what kind of message ───────────────────────────────────────────────
def test_post_analytics_without_an_author_are_the_organisations_posts():
    for name in ("later_posts.csv", "x_account_analytics_content.csv", "linkedin_page_content.xlsx"):
        df, s = load(name, org_handles=["riverside"])
        assert df["author_is_org"].all() and (df["kind"] == "post").all(), name
        assert (df["author_id"] == "riverside").all(), name


def test_post_analytics_with_one_author_are_the_organisations_posts():
    df, s = load("meta_fb_posts.csv")
    assert df["author_is_org"].all() and (df["kind"] == "post").all()
    assert any("one author, 'Riverside College'" in w for w in s["warnings"])


def test_listening_exports_with_reach_are_not_taken_as_own_posts():
    """Brandwatch estimates impressions for other people's posts: its authors decide."""
    df, s = load("brandwatch_mentions.csv")
    assert not df["author_is_org"].any()


def test_account_username_is_the_author_and_account_name_the_name():
    df, s = load("meta_ig_posts.csv", platform="instagram", org_handles=["riversidecollege"])
    assert df["author_id"].tolist() == ["riversidecollege"] * 2
    assert df["author_name"].tolist() == ["Riverside College"] * 2
    assert df["author_is_org"].all()


def test_sprout_profile_is_the_author():
    df, s = load("sprout_post_performance.csv", org_handles=["RiversideColl", "riversidecollege",
                                                             "Riverside College"])
    assert df["author_id"].tolist() == ["RiversideColl", "Riverside College", "riversidecollege"]
    assert df["author_is_org"].all() and df["platform"].tolist() == ["x", "facebook", "instagram"]


def test_messages_to_a_named_person_are_private_messages():
    df, s = load("linkedin_messages.csv", platform="linkedin", org_handles=["Amy Smith"])
    assert (df["kind"] == "message").all()
    assert df["thread_id"].tolist() == ["2-ABCDEF==", "2-ABCDEF==", "2-GHIJK=="]
    assert df["author_is_org"].tolist() == [False, True, False]


def test_inbox_types_and_review_sites():
    df, s = load("agorapulse_inbox.csv")
    assert df["kind"].tolist() == ["comment", "reply", "message", "mention", "review", "comment"]
    assert df["platform"].tolist()[4] == "reviews"      # Google My Business


def test_counts_written_short(tmp_path):
    p = tmp_path / "k.csv"
    p.write_text("Date,Message,Likes,Views\n2024-03-05,hi there,1.2K,3M\n2024-03-05,again,5,12k\n"
                 "2024-03-05,x,lots,\n")
    ds = smlib.load(p)
    s = check_summary(ds)
    assert ds.interactions["likes"].tolist() == [1200, 5, 0]
    assert ds.interactions["reach"].tolist()[:2] == [3_000_000, 12_000]
    assert any("1 value(s) in column 'Likes'" in w for w in s["warnings"])


# ── workbooks and look-alikes ────────────────────────────────────────────────────────────
def test_the_sheet_with_the_messages_is_found():
    """LinkedIn's page export puts a 'Metrics' sheet first; only the first sheet was read."""
    df, s = load("linkedin_page_content.xlsx")
    assert s["rows_kept"] == 2
    assert any("read sheet 'All posts'" in w for w in s["warnings"])
    df, s = load("empty_first_sheet.xlsx")
    assert df["text"].tolist() == ["hi"]


def test_a_workbook_without_messages_names_its_sheets(tmp_path):
    p = tmp_path / "book.xlsx"
    with pd.ExcelWriter(p) as w:
        pd.DataFrame({"Metric": ["Followers"], "Value": [10]}).to_excel(w, sheet_name="Summary", index=False)
        pd.DataFrame({"Week": [1], "Views": [3]}).to_excel(w, sheet_name="Weekly", index=False)
    with pytest.raises(smlib.DataError, match=r"none of the workbook's 2 sheets \['Summary', 'Weekly'\]"):
        smlib.load(p)


def test_a_web_page_saved_as_xls_says_so():
    with pytest.raises(smlib.DataError, match="web page \\(HTML\\), not a CSV or Excel file"):
        smlib.load(TOOLS / "html_as_xls_export.xls")


# ── one date column written several ways ─────────────────────────────────────────────────
def test_mixed_date_styles_are_said_and_only_zoneless_ones_are_local(tmp_path):
    """A column mixing ISO, slash, epoch and zoned dates gave no warning at all: the day-first
    slash date was not mentioned, and dates without a zone were silently UTC even for a
    London organisation."""
    p = tmp_path / "mixed.csv"
    p.write_text("id,created_at,text\na1,2026-07-02 09:00:00,one\na2,04/07/2026 10:00,two\n"
                 "a3,1783159200,three\na4,Sun Jul 05 10:00:00 +0000 2026,four\n"
                 "a5,2026-07-06T10:00:00+01:00,five\n")
    ds = smlib.load(p, timezone="Europe/London")
    s = check_summary(ds)
    got = dict(zip(ds.interactions["message_id"], ds.interactions["created_at"]))
    assert got["a1"] == utc("2026-07-02 08:00")     # London summer time, no zone written
    assert got["a2"] == utc("2026-07-04 09:00")     # day first, London time
    assert got["a3"] == utc("2026-07-04 10:00")     # epoch: UTC
    assert got["a4"] == utc("2026-07-05 10:00")     # its own +0000
    assert got["a5"] == utc("2026-07-06 09:00")     # its own +01:00
    assert any("could be day/month or month/day" in w for w in s["warnings"])
    assert any("mixes dates with a time zone and 2 without one" in w for w in s["warnings"])


# ── Google Business Profile reviews (Takeout reviews.json / API reviews.list) ─────────────
def test_google_reviews_with_the_business_replies():
    """Read through the generic records path, the author was the photo URL, the name the resource
    path, every star rating unknown, and the business's replies were lost without a count.
    Sam Lee's 4 stars with no words are a review too (kept since session 10)."""
    df, s = load("google_reviews.json", org_handles=["Riverside College"])
    assert s["format"] == "google_reviews"
    assert s["rows_in"] == 6 and s["reasons"] == {"not a Google review": 1}
    assert df["message_id"].tolist() == ["AbFvOqn1", "AbFvOqn1/reply", "AbFvOqn2", "AbFvOqn3", "AbFvOqn4"]
    assert df["kind"].tolist() == ["review", "reply", "review", "review", "review"]
    assert df["author_is_org"].tolist() == [False, True, False, False, False]
    assert df["author_id"].tolist() == ["Jo Bloggs", "Riverside College", "anonymous-AbFvOqn2", "Sam Lee",
                                        "anonymous-AbFvOqn4"]       # two anonymous people, not one
    assert df["parent_id"].iloc[1] == "AbFvOqn1" and (df["platform"] == "reviews").all()
    assert df["rating"].tolist()[:1] + df["rating"].tolist()[2:] == [5, 2, 4, 1]
    assert df["text"].iloc[3] == "" and df["text"].iloc[4] == "Personal muy antipático."   # translation cut off
    assert df["created_at"].tolist() == [utc("2023-05-01 12:34:56.789"), utc("2023-05-02 09:00"),
                                         utc("2023-06-11 08:00"), utc("2023-07-01 10:00"),
                                         utc("2023-07-02 09:00")]


def test_google_review_replies_count_as_answers():
    """The business's reply is an answer to its review (20 h 25 min later), so P3's reply figures see it."""
    ds = smlib.load(TOOLS / "google_reviews.json", org_handles=["Riverside College"])
    got = smlib.add_response_times(ds.interactions).set_index("message_id")
    assert got.loc["AbFvOqn1", "answered"] and not got.loc["AbFvOqn2", "answered"]
    assert got.loc["AbFvOqn1", "response_minutes"] == pytest.approx(20 * 60 + 25 + 3.211 / 60, abs=0.01)


def test_impressions_alone_make_a_table_the_organisations_posts(tmp_path):
    """The proof column may also be the one read as reach."""
    p = tmp_path / "posts.csv"
    p.write_text("Date,Caption,Impressions\n2024-07-05 10:00,Summer timetable out,1200\n")
    df = smlib.load(p, org_handles=["riverside"]).interactions
    assert df["author_is_org"].tolist() == [True] and df["reach"].tolist() == [1200]
