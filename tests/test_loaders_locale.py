"""Exports written the way European (and other non-UK) spreadsheets and tools write them, read
by the generic table loader: continental numbers, month names in other languages, a time before
the date, a separate time-zone column, LinkedIn's own-comments file.

Fixtures are in ``tests/data/loaders/locale/`` (made-up rows; the README there says where each
layout comes from). Each test names the mistake the loader used to make.
"""
from __future__ import annotations

import pandas as pd
import pytest

import smlib

from _loader_checks import HERE, check_summary, utc

LOCALE = HERE / "locale"


def load(name: str, **kw) -> tuple[pd.DataFrame, dict]:
    ds = smlib.load(LOCALE / name, **kw)
    return ds.interactions, check_summary(ds)


# ── 1. continental numbers in count columns ─────────────────────────────────────────────
def test_german_excel_counts_with_dots_as_thousands():
    """A ';' file from a German Excel: '1.234' likes were read as 1, '1.234.567' reach as unknown."""
    df, s = load("de_excel_counts.csv")
    assert df["likes"].tolist() == [1234, 17, 2500]
    assert df["shares"].tolist() == [12, 1002, 0]
    assert df["reach"].tolist() == [1234567, 23456, 987654]
    # the file's own decimal commas ('12,5%' in a column smlib does not read) settle it: no doubt
    assert not any("could be whole numbers" in w for w in s["warnings"])
    assert any("'.' as the thousands separator" in w and "'Likes'" in w for w in s["warnings"])


def test_only_dotted_thousands_is_ambiguous_and_said():
    """Every value like '1.234' could be one thousand two hundred and thirty-four or 1.234: the
    loader reads whole counts (they are counts) but must say it could not be sure."""
    df, s = load("ambiguous_dots.csv")
    assert df["likes"].tolist() == [1234, 17, 3000]
    assert df["reach"].tolist()[:2] == [12345, 2500] and pd.isna(df["reach"].iloc[2])
    said = [w for w in s["warnings"] if "could be whole numbers" in w]
    assert len(said) == 1 and "'Likes'" in said[0] and "'1.234'" in said[0] and "'Reach'" in said[0]


def test_decimal_commas_and_space_thousands():
    """'1.234,6' was unknown and '1 234' (French) unknown: now 1235 and 1234."""
    df, s = load("fr_decimal_comma.csv")
    assert df["likes"].tolist() == [1234, 17]
    assert df["reach"].tolist() == [1235, 2345]
    assert not any("not whole numbers" in w for w in s["warnings"])


def test_the_column_decides_not_each_value(tmp_path):
    """A column with '2,5' (a decimal comma, no doubt) reads its '1,234' as 1.234 too, not as
    1234 the way a comma file writes thousands."""
    p = tmp_path / "mixed.csv"
    p.write_text("Date;Message;Views\n2024-03-05;a;2,5\n2024-03-06;b;1,234\n2024-03-07;c;3\n")
    df, s = load_path(p)
    assert df["reach"].tolist() == [2, 1, 3]


def test_comma_files_keep_their_thousands(tmp_path):
    """Unchanged: in a comma-separated file '"1,234"' is 1234 and '2.5' two and a half, silently."""
    p = tmp_path / "uk.csv"
    p.write_text('Date,Message,Likes,Reach\n2024-03-05,a,"1,234",2.5\n2024-03-06,b,17,"12,345,678"\n')
    df, s = load_path(p)
    assert df["likes"].tolist() == [1234, 17]
    assert df["reach"].tolist() == [2, 12345678]
    assert not any("separator" in w or "could be whole" in w for w in s["warnings"])


def test_counts_that_are_not_numbers_are_still_unknown(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("Date;Message;Likes\n2024-03-05;a;1.234\n2024-03-06;b;lots\n2024-03-07;c;-3\n2024-03-08;d;1,2K\n")
    df, s = load_path(p)
    assert df["likes"].tolist() == [1234, 0, 0, 1200]
    assert any("2 value(s) in column 'Likes' are not whole numbers" in w for w in s["warnings"])


def test_a_workbook_with_counts_typed_as_text(tmp_path):
    p = tmp_path / "book.xlsx"
    pd.DataFrame({"Date": ["2024-03-05", "2024-03-06"], "Message": ["a", "b"],
                  "Likes": ["1.234", "2.345,5"], "Shares": [3, 4]}).to_excel(p, index=False)
    df, s = load_path(p)
    assert df["likes"].tolist() == [1234, 2346] and df["shares"].tolist() == [3, 4]


def load_path(p, **kw) -> tuple[pd.DataFrame, dict]:
    ds = smlib.load(p, **kw)
    return ds.interactions, check_summary(ds)


# ── 2. month and weekday names in other languages ───────────────────────────────────────
def test_french_dates():
    """'12 mars 2024 14:05' and the like were all 'unparseable date' (the file lost every row)."""
    df, s = load("dates_fr.csv")
    assert df["created_at"].tolist() == [utc("2024-03-12 14:05"), utc("2024-03-04 09:00"),
                                         utc("2024-02-15 08:00"), utc("2024-04-01 10:30"),
                                         utc("2024-08-03 12:00")]
    assert s["reasons"] == {"unparseable date": 1}      # 32 mars: still counted, not guessed
    assert s["examples"]["unparseable date"] == [6]


def test_german_dates():
    df, s = load("dates_de.csv")
    assert df["created_at"].tolist() == [utc("2024-03-03 09:15"), utc("2024-03-04 10:00"),
                                         utc("2023-12-12 18:30"), utc("2024-05-05 09:15"),
                                         utc("2024-07-14 20:00")]
    assert s["reasons"] == {}


@pytest.mark.parametrize("written, meant", [
    ("12 de marzo de 2024 14:05", "2024-03-12 14:05"),          # Spanish
    ("mié, 13 mar 2024 09:00", "2024-03-13 09:00"),
    ("12 marzo 2024 ore 14:05", "2024-03-12 14:05"),            # Italian
    ("gio 14 mar 2024, 10:00", "2024-03-14 10:00"),
    ("12 maart 2024 om 14:05", "2024-03-12 14:05"),             # Dutch
    ("di 12 mrt. 2024 14:05", "2024-03-12 14:05"),
    ("12 de março de 2024 às 14:05", "2024-03-12 14:05"),       # Portuguese
    ("12 févr. 2024 14:05", "2024-02-12 14:05"),                # French abbreviation with accent
    ("Mar 12, 2024 2:05 PM", "2024-03-12 14:05"),               # English is left alone
])
def test_dates_in_other_languages(tmp_path, written, meant):
    p = tmp_path / "d.csv"
    p.write_text(f'Date,Message\n"{written}",hola\n"{written}",again\n', encoding="utf-8")
    df, s = load_path(p)
    assert df["created_at"].tolist() == [utc(meant)] * 2
    assert s["reasons"] == {}


def test_a_weekday_that_is_also_a_month_is_only_dropped_before_a_date(tmp_path):
    """'mar.' is Tuesday in French and March in Spanish; English 'Mar 12' must stay March."""
    p = tmp_path / "d.csv"
    p.write_text('Date,Message\n"mar. 5 mars 2024 10:00",a\n"Mar 12, 2024 10:00",b\n')
    df, s = load_path(p)
    assert df["created_at"].tolist() == [utc("2024-03-05 10:00"), utc("2024-03-12 10:00")]


# ── 3. a time written before the date ───────────────────────────────────────────────────
def test_a_time_before_the_date():
    """'14:05 12/03/2024' was read month first (3 December) while '09:00 25/03/2024' in the same
    column was read day first, and nothing was said."""
    df, s = load("time_first.csv")
    assert df["created_at"].tolist() == [utc("2024-03-12 14:05"), utc("2024-03-25 09:00"),
                                         utc("2024-03-12 14:05"), utc("2024-04-01 17:45")]
    assert s["reasons"] == {}


def test_a_time_before_an_ambiguous_date_is_said(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("Date,Message\n14:05 05/03/2024,a\n09:00 06/03/2024,b\n")
    df, s = load_path(p)
    assert df["created_at"].tolist() == [utc("2024-03-05 14:05"), utc("2024-03-06 09:00")]
    assert any("could be day/month or month/day" in w and "14:05 05/03/2024" in w for w in s["warnings"])


def test_a_time_before_a_us_date(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("Date,Message\n2:05 PM 03/12/2024,a\n9:00 AM 03/25/2024,b\n")
    df, s = load_path(p)
    assert df["created_at"].tolist() == [utc("2024-03-12 14:05"), utc("2024-03-25 09:00")]



# ── 4. a column giving each row's time zone ─────────────────────────────────────────────
def test_a_time_zone_column_is_used_row_by_row():
    """'Timezone' was ignored: every time was read as UTC (or the organisation's zone)."""
    df, s = load("tz_column.csv")
    assert df["created_at"].tolist() == [
        utc("2024-07-05 09:00"),    # Europe/London, summer time
        utc("2024-07-05 08:00"),    # +02:00
        utc("2024-07-05 09:00"),    # GMT+1
        utc("2024-01-15 15:00"),    # America/New_York, winter
        utc("2024-07-05 10:00"),    # no zone: the default (UTC here)
        utc("2024-07-05 10:00"),    # an unknown zone: the default, said
        utc("2024-07-05 10:00")]    # the date's own Z wins over the column
    assert s["columns_used"]["_tz"] == "Timezone"
    assert any("taken from column 'Timezone'" in w for w in s["warnings"])
    assert any("'Mars/Olympus'" in w and "taken as UTC" in w for w in s["warnings"])


def test_the_zone_column_wins_over_the_organisations_zone():
    df, s = load("tz_column.csv", org="riverside-leisure")     # a London organisation
    assert df["created_at"].iloc[1] == utc("2024-07-05 08:00")   # +02:00, not London
    assert df["created_at"].iloc[4] == utc("2024-07-05 09:00")   # blank: London


def test_a_timezone_given_by_the_user_wins_over_the_column_but_is_questioned():
    df, s = load("tz_column.csv", timezone="Europe/Paris")
    assert df["created_at"].tolist()[:4] == [utc("2024-07-05 08:00")] * 3 + [utc("2024-01-15 09:00")]
    assert any("column 'Timezone' gives each row's time zone, but timezone='Europe/Paris' was given and used"
               in w for w in s["warnings"])


@pytest.mark.parametrize("header", ["Time zone", "TZ", "utc_offset", "timeZone"])
def test_zone_column_names(header):
    from smlib.loaders import tabular
    assert tabular.resolve_columns(["Date", "Message", header], None, "x.csv")["_tz"] == header


def test_a_users_profile_time_zone_is_not_the_dates_zone():
    from smlib.loaders import tabular
    assert "_tz" not in tabular.resolve_columns(["Date", "Message", "user_timezone"], None, "x.csv")



# ── 5. LinkedIn's own-comments file ─────────────────────────────────────────────────────
def test_linkedin_export_comments_are_the_accounts_own():
    """LinkedIn's data-export Comments.csv (Date, Link, Message) holds the comments the account
    wrote; they were loaded as comments from the public (author 'unknown', platform 'other')."""
    df, s = load("Comments.csv", org_handles=["Riverside College"])
    assert s["rows_in"] == 3 and s["reasons"] == {"no text": 1}
    assert df["author_is_org"].all() and (df["author_id"] == "Riverside College").all()
    assert (df["kind"] == "comment").all() and (df["platform"] == "linkedin").all()
    assert df["created_at"].tolist() == [utc("2024-03-05 14:22:10"), utc("2024-03-06 09:01:44")]
    assert any("Comments.csv from LinkedIn's data export" in w and "not messages from the public" in w
               for w in s["warnings"])


def test_the_same_columns_with_other_links_are_left_alone(tmp_path):
    p = tmp_path / "comments.csv"
    p.write_text("Date,Link,Message\n2024-03-05 10:00,https://example.org/a,Great news\n")
    df, s = load_path(p)
    assert not df["author_is_org"].any() and df["platform"].tolist() == ["other"]
    assert not any("LinkedIn" in w for w in s["warnings"])


def test_a_platform_or_author_given_by_the_user_still_counts(tmp_path):
    df, s = load("Comments.csv", platform="x")
    assert (df["platform"] == "x").all() and df["author_is_org"].all()
    df, s = load("Comments.csv", columns={"author_id": "Link"})
    assert not df["author_is_org"].any()


def test_linkedin_export_shares_are_the_accounts_own_posts():
    """Shares.csv (Date, ShareLink, ShareCommentary, …) is the account's own posts; they were
    read as comments from the public (author 'unknown')."""
    df, s = load("Shares.csv", org_handles=["Riverside College"])
    assert s["rows_in"] == 3 and s["reasons"] == {"no text": 1}     # a re-share with no words of its own
    assert df["author_is_org"].all() and (df["author_id"] == "Riverside College").all()
    assert (df["kind"] == "post").all() and (df["platform"] == "linkedin").all()
    assert df["text"].iloc[0].endswith('"Best day of the year", says Jo.')
    assert any("Shares.csv from LinkedIn's data export" in w for w in s["warnings"])


def test_impossible_zones_fall_back_and_are_said(tmp_path):
    p = tmp_path / "z.csv"
    p.write_text("Date,Timezone,Message\n2024-07-05 10:00,+25:00,a\n2024-07-05 10:00,99,b\n"
                 "2024-07-05 10:00,UTC+14,c\n")
    df, s = load_path(p)
    assert df["created_at"].tolist() == [utc("2024-07-05 10:00")] * 2 + [utc("2024-07-04 20:00")]
    assert any("2 row(s) could not use column 'Timezone'" in w and "'+25:00'" in w for w in s["warnings"])


def test_a_french_hour_alone_is_not_a_date(tmp_path):
    """'12h' with no date must stay an unparseable date, not become today at noon."""
    p = tmp_path / "d.csv"
    p.write_text("Date,Message\n12h,a\n3 mars 2024 12h,b\n")
    df, s = load_path(p)
    assert df["created_at"].tolist() == [utc("2024-03-03 12:00")]
    assert s["reasons"] == {"unparseable date": 1}


def test_dotted_dates_are_day_first_without_a_warning(tmp_path):
    # 05.03.2024 is day first wherever dots are written; it got the day/month warning
    p = tmp_path / "dots.csv"
    p.write_text("text,date\na,05.03.2024 10:00\nb,06.03.2024 11:00\nc,07.03.2024 12:00\n", encoding="utf-8")
    ds = smlib.load(p)
    assert [str(t.date()) for t in ds.interactions["created_at"]] == ["2024-03-05", "2024-03-06", "2024-03-07"]
    assert not any("day/month" in w for w in ds.load_summary["warnings"])
    # dots with a second field above 12 are still read month first, as the data proves
    q = tmp_path / "dots_us.csv"
    q.write_text("text,date\na,03.25.2024 10:00\nb,03.26.2024 11:00\n", encoding="utf-8")
    assert [str(t.date()) for t in smlib.load(q).interactions["created_at"]] == ["2024-03-25", "2024-03-26"]


@pytest.mark.parametrize("cell", ["14:05", "2:05 PM", "14h05", "09:15:30"])
def test_a_time_with_no_date_is_an_unparseable_date_not_today(tmp_path, cell):
    p = tmp_path / "times.csv"
    p.write_text(f"text,date\na,12/03/2024 10:00\nb,{cell}\nc,13/03/2024 11:00\n", encoding="utf-8")
    ds = smlib.load(p)
    s = ds.load_summary
    assert s["rows_kept"] == 2 and s["reasons"] == {"unparseable date": 1}
    assert (ds.interactions["created_at"].dt.year == 2024).all()


# ---------------------------------------------------------------- day-month dates with dashes
@pytest.mark.parametrize("days", [range(1, 13), range(1, 29)])
def test_day_first_dates_with_dashes_are_read_for_the_whole_column(tmp_path, days):
    """Dutch, Danish and Indian spreadsheets write 02-01-2026 (2 January). Before session 10
    only slash and dot dates had their order worked out for the column; dash dates went to
    pandas value by value: with days 1-12, 11 of 12 came back as 1 Jan, 1 Feb, 1 Mar …, and
    with days 1-28 the same column was read month first up to the 12th and day first after."""
    p = tmp_path / "nl.csv"
    p.write_text("id;text;created_at\n" + "".join(f"{d};bericht {d};{d:02d}-01-2026 10:05\n" for d in days),
                 encoding="utf-8")
    ds = smlib.load(p, org="Winkel")
    check_summary(ds)
    f = ds.interactions.set_index("message_id")
    assert [f.loc[str(d), "created_at"] for d in days] == [utc(f"2026-01-{d:02d} 10:05") for d in days]
    said = [w for w in ds.load_summary["warnings"] if "day/month or month/day" in w]
    assert bool(said) == (max(days) <= 12)   # only a column with no day above 12 is a guess, and says so


def test_month_first_dates_with_dashes(tmp_path):
    p = tmp_path / "us.csv"
    p.write_text("id,text,created_at\n" + "".join(f"{d},msg {d},01-{d:02d}-2026 10:05\n" for d in range(1, 20)),
                 encoding="utf-8")
    f = smlib.load(p, org="Shop").interactions.set_index("message_id")
    assert f.loc["13", "created_at"] == utc("2026-01-13 10:05") and f.loc["2", "created_at"] == utc("2026-01-02 10:05")


def test_a_count_with_a_decimal_part_is_rounded_with_a_warning(tmp_path):
    """'3.5' likes became 4 without a word (session 10 bad-input hunt): a count is a whole
    number, so a decimal part means the value is not what it seems; the summary now says so."""
    p = tmp_path / "likes.csv"
    p.write_text("id,text,created_at,likes\n1,a,2026-01-05,3.5\n2,b,2026-01-05,12\n3,c,2026-01-05,7\n",
                 encoding="utf-8")
    ds = smlib.load(p, org="Shop")
    assert ds.interactions["likes"].tolist() == [4, 12, 7]
    assert any("1 value(s) in column 'likes' have a decimal part (e.g. '3.5')" in w
               for w in ds.load_summary["warnings"])


def test_the_thousands_note_writes_the_file_own_separator(tmp_path):
    """A tab-separated Excel 'Unicode text' save with '1,234' was told '1.234 = 1234, as German,
    French or Spanish spreadsheets write them'."""
    import smlib
    p = tmp_path / "inbox.txt"
    p.write_bytes("Date\tMessage\tLikes\n2026-01-05 10:00\thello there\t1,234\n2026-01-05 11:00\tok\t5,678\n"
                  .encode("utf-16"))
    ds = smlib.load(p)
    said = [w for w in ds.load_summary["warnings"] if "could be whole numbers" in w]
    assert len(said) == 1 and "1,234 = 1234" in said[0] and "German" not in said[0]
    assert ds.interactions["likes"].tolist() == [1234, 5678]
