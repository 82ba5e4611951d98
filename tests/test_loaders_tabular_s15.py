"""Session 15 review of the generic table reader: a long first row, space before a quote, a count
column named like the text, spaces around handles, repeated headers, a date column of "2w"."""
from __future__ import annotations

import smlib


def _load(tmp_path, name: str, text: str, **kw):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    ds = smlib.load(p, org="acme", **kw)
    s = ds.load_summary
    assert s["rows_kept"] + s["rows_skipped"] == s["rows_in"]
    return ds, s


def test_unquoted_comma_in_first_row_is_counted_not_cut(tmp_path):
    # pandas cut every row to the header's width without a word when the FIRST data row was long
    ds, s = _load(tmp_path, "c.csv", "id,date,author,text\n"
                  "1,2026-11-25 14:05,jo,Hello, where is my order?\n"
                  "2,2026-11-25 14:30,MyBrand,Sorry Jo, DM us\n"
                  "3,2026-11-25 15:00,al,great shop\n")
    assert s["rows_in"] == 3
    assert s["reasons"] == {"more fields than the header": 2}
    assert s["examples"]["more fields than the header"][:2] == ["line 2", "line 3"]
    assert ds.interactions["text"].tolist() == ["great shop"]


def test_separator_at_end_of_every_line_still_reads(tmp_path):
    # guard: empty extra fields (a trailing separator) lose nothing and are not counted
    ds, s = _load(tmp_path, "t.csv", "id,date,author,text\n"
                  "1,2026-11-25 14:05,jo,Hello there,\n2,2026-11-25 14:30,al,hi,\n")
    assert s["rows_kept"] == 2 and s["reasons"] == {}
    assert ds.interactions["text"].tolist() == ["Hello there", "hi"]


def test_space_before_quote_keeps_the_comma_in_the_text(tmp_path):
    ds, s = _load(tmp_path, "q.csv", 'id, date, author, text\n'
                  '1, 2026-11-25 14:05, jo, "Hello, where is my order?"\n'
                  '2, 2026-11-25 14:30, MyBrand, "Sorry Jo, DM us"\n')
    assert s["rows_kept"] == 2, s["reasons"]
    assert ds.interactions["text"].tolist() == ["Hello, where is my order?", "Sorry Jo, DM us"]
    assert ds.interactions["author_id"].tolist() == ["jo", "MyBrand"]


def test_count_column_named_comment_is_not_the_text(tmp_path):
    ds, s = _load(tmp_path, "m.csv", "Posted,Post Message,comment,like,share\n"
                  "2026-11-25 14:05,Great new menu today,4,20,3\n"
                  "2026-11-25 15:05,Closed for the holiday,2,10,1\n")
    df = ds.interactions
    assert df["text"].tolist() == ["Great new menu today", "Closed for the holiday"]
    assert df["likes"].tolist() == [20, 10] and df["shares"].tolist() == [3, 1]
    assert df["replies"].tolist() == [4, 2]
    assert s["columns_used"]["text"] == "Post Message"
    assert any("'comment' holds only whole numbers" in w for w in s["warnings"])
    for head in ("Date,Caption,comment,like", "Date,Description,comment,like"):
        ds, s = _load(tmp_path, "m2.csv", head + "\n2026-11-25 14:05,Great new menu today,4,20\n")
        assert ds.interactions["text"].tolist() == ["Great new menu today"]
        assert ds.interactions["likes"].tolist() == [20]


def test_text_column_of_words_named_comment_stays(tmp_path):
    # guard: the usual case is unchanged
    ds, s = _load(tmp_path, "w.csv", "date,comment,notes\n2026-11-25 14:05,4 stars at best,x y z\n")
    assert ds.interactions["text"].tolist() == ["4 stars at best"]


def test_spaces_around_author_are_one_author(tmp_path):
    ds, s = _load(tmp_path, "h.csv", "id,date,author,name,text\n"
                  "1,2026-11-25 14:05, MyBrand ,  Acme Ltd ,post one\n"
                  "2,2026-11-25 14:06,MyBrand,Acme Ltd,post two\n")
    assert ds.interactions["author_id"].tolist() == ["MyBrand", "MyBrand"]
    assert ds.interactions["author_name"].tolist() == ["Acme Ltd", "Acme Ltd"]


def test_repeated_header_is_warned(tmp_path):
    ds, s = _load(tmp_path, "d.csv", "id,date,author,text,date,text\n"
                  "1,2026-11-25 14:05,a,hello one,2020-01-01,other one\n")
    assert ds.interactions["text"].tolist() == ["hello one"]
    said = [w for w in s["warnings"] if "columns named" in w]
    assert any("2 columns named 'date'" in w and "the first was used for created_at" in w for w in said)
    assert any("2 columns named 'text'" in w and "columns={'text': 'text.1'}" in w for w in said)


def test_date_column_of_relative_ages_gives_way_to_real_dates(tmp_path):
    # PhantomBuster's LinkedIn activity export: postDate is "2w", postTimestamp the real time,
    # timestamp when the scrape ran
    ds, s = _load(tmp_path, "pb.csv",
                  "postUrl,type,postContent,likeCount,postDate,timestamp,postTimestamp\n"
                  "https://www.linkedin.com/feed/update/urn:li:activity:1/,Text,Proud of our campus,120,2w,"
                  "2026-11-26T10:00:00.000Z,2026-11-12T09:15:00.000Z\n"
                  "https://www.linkedin.com/feed/update/urn:li:activity:2/,Image,Open evening,80,3w,"
                  "2026-11-26T10:00:00.000Z,2026-11-05T17:30:00.000Z\n")
    assert s["rows_kept"] == 2, s["reasons"]
    assert s["columns_used"]["created_at"] == "postTimestamp"
    assert [str(t) for t in ds.interactions["created_at"]] == ["2026-11-12 09:15:00+00:00",
                                                                "2026-11-05 17:30:00+00:00"]
