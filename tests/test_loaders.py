"""smlib.load on small hand-made files: every format, the shared rules, and the bad-input corpus.

Expected figures come from reading the fixtures by eye (they are a few lines each, in
tests/data/loaders/good/) or from an independent calculation in the test, never from smlib.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import smlib
from smlib import DataError
from smlib.loaders import FORMATS, detect_format
from smlib.loaders._text import fix_mojibake, html_to_text
from smlib.loaders._time import to_utc
from smlib.schema import conform_interactions

from _loader_checks import BAD, GOOD, HERE, check_summary, utc  # noqa: F401


# ---------------------------------------------------------------- helpers

def test_fix_mojibake_only_when_it_round_trips():
    assert fix_mojibake("Mobiloverf\u00c3\u00b8rsler") == "Mobiloverførsler"
    assert fix_mojibake("f\u00e2\u0080\u00a6 my foot") == "f… my foot"
    assert fix_mojibake("café") == "café"          # real Latin-1 text: not valid UTF-8 bytes
    assert fix_mojibake("Zoë 😀") == "Zoë 😀"       # outside Latin-1: cannot be mojibake
    assert fix_mojibake("plain") == "plain"


def test_html_to_text_mastodon_and_youtube_shapes():
    mast = ('<p><span class="h-card"><a href="https://s/@mcg" class="u-url mention">@<span>mcg</span></a>'
            '</span> see <a href="https://d.io/x"><span class="invisible">https://</span><span class='
            '"ellipsis">d.io/</span><span class="invisible">x</span></a></p><p>bye &amp; thanks</p>')
    assert html_to_text(mast) == "@mcg see https://d.io/x\nbye & thanks"
    assert html_to_text("Line one<br />Line &lt;3\ufeff") == "Line one\nLine <3"
    assert html_to_text(None) == ""


@pytest.mark.parametrize("raw, expected", [
    ("Tue Oct 31 22:10:47 +0000 2017", "2017-10-31 22:10:47"),
    ("2015-02-24 11:35:52 -0800", "2015-02-24 19:35:52"),
    ("2022-11-08T03:07:14Z", "2022-11-08 03:07:14"),
    ("2016-07-01T10:22:56.000Z", "2016-07-01 10:22:56"),
    ("1354805114", "2012-12-06 14:45:14"),
    ("1366044279.0", "2013-04-15 16:44:39"),
    ("1354805114000", "2012-12-06 14:45:14"),   # milliseconds
])
def test_to_utc_single_formats(raw, expected):
    out, blank = to_utc(pd.Series([raw, raw]))
    assert out.tolist() == [utc(expected)] * 2
    assert not blank.any()


def test_to_utc_mixed_blank_and_bad():
    warn: list[str] = []
    out, blank = to_utc(pd.Series(["2026-01-05T09:00:00Z", "", "   ", "soon", "1767603600"]), warn)
    assert out[0] == utc("2026-01-05 09:00") and out[4] == utc("2026-01-05 09:00")
    assert out[[1, 2, 3]].isna().all()
    assert blank.tolist() == [False, True, True, False, False]


def test_to_utc_uk_day_first_and_warning():
    warn: list[str] = []
    out, _ = to_utc(pd.Series(["05/01/2026 09:30", "06/01/2026 10:00"]), warn)
    assert out.tolist() == [utc("2026-01-05 09:30"), utc("2026-01-06 10:00")]
    assert any("day first" in w for w in warn)
    warn = []
    out, _ = to_utc(pd.Series(["01/13/2026 09:30", "01/05/2026 10:00"]), warn)  # US order, proven
    assert out.tolist() == [utc("2026-01-13 09:30"), utc("2026-01-05 10:00")]
    assert not any("could be" in w for w in warn)
    warn = []
    out, _ = to_utc(pd.Series(["13/01/2026 09:30", "05/01/2026 10:00"]), warn)  # UK order, proven
    assert out.tolist() == [utc("2026-01-13 09:30"), utc("2026-01-05 10:00")]


def test_to_utc_ambiguous_order_follows_the_field_that_changes():
    warn: list[str] = []
    us = ["01/05/2026", "01/06/2026", "01/07/2026", "01/09/2026"]   # five days in January, US order
    out, _ = to_utc(pd.Series(us), warn)
    assert out.dt.day.tolist() == [5, 6, 7, 9] and set(out.dt.month) == {1}
    assert any("month first" in w for w in warn)
    warn = []
    uk = ["05/01/2026", "06/01/2026", "07/01/2026", "09/01/2026"]
    out, _ = to_utc(pd.Series(uk), warn)
    assert out.dt.day.tolist() == [5, 6, 7, 9] and any("day first" in w for w in warn)


def test_conform_matches_the_plain_reference():
    f = pd.DataFrame({"org": "o", "platform": "x", "message_id": ["1", "2", "3"],
                      "parent_id": [None, "1", None], "created_at": pd.to_datetime(
                          ["2026-01-05", "2026-01-06", "2026-01-07"], utc=True),
                      "author_id": ["a", "b", "c"], "author_is_org": [True, False, False],
                      "kind": ["post", "reply", "comment"], "text": ["x", "", "z"],
                      "likes": [1, None, 3], "reach": [None, 5, None], "extra": [1, 2, 3]})
    pd.testing.assert_frame_equal(conform_interactions(f), _reference_conform(f))
    g = f.assign(author_id=[1, 2, 3])  # numbers in a text column: written as text, same result
    pd.testing.assert_frame_equal(conform_interactions(g), _reference_conform(g))


# ---------------------------------------------------------------- formats

def test_generic_csv_cp1252_crlf_guessed_columns_and_skips():
    ds = smlib.load(GOOD / "generic_cp1252_crlf.csv", org_handles=["cafenova"], platform="instagram")
    s = check_summary(ds)
    assert s["format"] == "csv" and s["encoding"] == "cp1252"
    assert s["rows_in"] == 6 and s["rows_kept"] == 3
    assert s["reasons"] == {"no text": 1, "unparseable date": 1, "duplicate message_id": 1}
    assert s["columns_used"]["text"] == "Message" and s["columns_used"]["created_at"] == "Sent"
    f = ds.interactions.set_index("message_id")
    assert f.loc["m1", "text"] == "Thanks for visiting! Café open till 5"   # cp1252 é decoded
    assert f.loc["m2", "text"] == "Cold coffee, again – not happy"          # cp1252 en dash
    assert f.loc["m3", "text"] == "Line one\nline two"                      # quoted CRLF newline
    assert f.loc["m2", "created_at"] == utc("2026-01-05 10:15")             # first m2 kept
    assert f.loc["m3", "created_at"] == utc("2026-01-13 11:00")             # day first
    assert f["author_is_org"].tolist() == [True, False, False]              # '@CafeNova' matched
    assert set(f["platform"].astype(str)) == {"instagram"}
    assert f["likes"].tolist() == [3, 0, 1]
    assert any("not UTF-8" in w for w in s["warnings"])


def test_generic_bom_iso_platform_column_and_generated_ids():
    ds = smlib.load(GOOD / "generic_bom_iso.csv")
    check_summary(ds)
    f = ds.interactions
    assert f["message_id"].tolist() == ["row-1", "row-2"]
    assert f["platform"].astype(str).tolist() == ["x", "facebook"]   # Twitter→x, FB→facebook
    assert f["created_at"].tolist() == [utc("2026-01-05 09:00"), utc("2026-01-05 09:00")]
    assert f["org"].astype(str).tolist() == ["generic-bom-iso"] * 2   # from the file name
    assert not any("platform name" in w for w in ds.load_summary["warnings"])


def test_columns_map_is_used_and_checked(tmp_path):
    p = tmp_path / "export.csv"
    p.write_text("Body,When,Who,Ref\nhello,2026-01-05 09:00,ann,7\nbye,2026-01-05 10:00,bob,8\n")
    ds = smlib.load(p, columns={"text": "Body", "created_at": "When", "author_id": "Who",
                                "message_id": "Ref"}, org="my-org")
    check_summary(ds)
    assert ds.interactions["message_id"].tolist() == ["7", "8"]
    assert ds.interactions["author_id"].tolist() == ["ann", "bob"]
    assert ds.interactions["org"].astype(str).tolist() == ["my-org"] * 2
    with pytest.raises(DataError) as e:
        smlib.load(p, columns={"text": "Message", "created_at": "When"})
    assert "Message" in str(e.value) and "Body" in str(e.value) and "export.csv" in str(e.value)
    with pytest.raises(DataError) as e:
        smlib.load(p, columns={"txt": "Body"})
    assert "txt" in str(e.value)


def test_twcs_bare_cr_threads_orgs_and_flags():
    ds = smlib.load(GOOD / "twcs_bare_cr.csv")
    s = check_summary(ds)
    assert s["format"] == "twcs" and s["rows_kept"] == 6
    f = ds.interactions.set_index("message_id")
    assert f.loc["3", "text"] == "@BrandCare my parcel\n\nnever came"   # bare CRs kept inside
    assert f.loc["1", "text"] == "@100 Sorry! DM us & we will help"     # &amp; decoded
    assert f.loc["1", "parent_id"] == "3" and f.loc["2", "parent_id"] == "1"   # '3.0' → '3'
    assert f.loc["2", "thread_id"] == "3"                                # root of 3 → 1 → 2
    assert f["author_is_org"].to_dict() == {"1": True, "2": False, "3": False, "4": False,
                                            "5": True, "6": False}
    assert f["org"].astype(str).to_dict() == {
        "1": "brandcare", "2": "brandcare", "3": "brandcare",
        "4": "otherhelp",    # first @mention that is a brand tweeting in the file
        "5": "otherhelp", "6": "thirdbrand"}   # no brand tweets: first non-numeric @mention
    assert f["kind"].astype(str).to_dict() == {"1": "reply", "2": "reply", "3": "mention",
                                               "4": "mention", "5": "reply", "6": "mention"}
    assert f.loc["3", "replies"] == 1
    assert any("bare carriage return" in w for w in s["warnings"])


def test_twcs_handles_override_inbound():
    ds = smlib.load(GOOD / "twcs_bare_cr.csv", org_handles=["@brandcare"], org="brandcare")
    f = ds.interactions.set_index("message_id")
    assert f["author_is_org"].sum() == 1 and f.loc["1", "author_is_org"]
    assert set(f["org"].astype(str)) == {"brandcare"}


def test_x_archive_strings_media_and_bad_date():
    ds = smlib.load(GOOD / "tweets.js", org_handles=["cafenova"])
    s = check_summary(ds)
    assert s["format"] == "twitter_archive" and s["reasons"] == {"unparseable date": 1}
    f = ds.interactions.set_index("message_id")
    assert f.loc["10", "text"] == "New menu today & more" and f.loc["10", "likes"] == 4
    assert f.loc["10", "shares"] == 1 and f.loc["10", "kind"] == "post"
    assert f.loc["11", "kind"] == "reply" and f.loc["11", "parent_id"] == "9"
    assert f.loc["12", "text"] == ""            # a photo with no words is kept
    assert f["author_is_org"].all() and set(f["author_id"]) == {"cafenova"}


def test_youtube_threads_replies_and_channel_owner():
    ds = smlib.load(GOOD / "youtube_threads.json")
    s = check_summary(ds)
    f = ds.interactions.set_index("message_id")
    assert f.loc["C1", "text"] == "Love it\n<3"                      # textOriginal preferred
    assert f.loc["C2", "text"] == "Sound is awful"                   # HTML textDisplay cleaned
    assert f.loc["C1.r1", "parent_id"] == "C1" and f.loc["C1.r1", "kind"] == "reply"
    assert f.loc["C1.r1", "thread_id"] == "T1"
    assert f["author_is_org"].to_dict() == {"C1": False, "C1.r1": True, "C2": False}
    assert f.loc["C1", "likes"] == 5 and f.loc["C1", "replies"] == 2
    assert any("1 repl" in w for w in s["warnings"])                # 2 counted, 1 included


def test_reddit_nesting_more_and_deleted():
    ds = smlib.load(GOOD / "reddit_thread.json", org_handles=["u_b"])
    s = check_summary(ds)
    assert s["rows_in"] == 5
    assert s["reasons"] == {"deleted or removed comment": 1, "'more' stub (comments Reddit did not send)": 1}
    f = ds.interactions.set_index("message_id")
    assert f["kind"].astype(str).to_dict() == {"t3_p": "post", "t1_a": "comment", "t1_b": "reply"}
    assert f.loc["t1_b", "parent_id"] == "t1_a" and f.loc["t1_b", "thread_id"] == "t3_p"
    assert f.loc["t1_b", "likes"] == 0           # score -2 → 0 (likes cannot be negative)
    assert f.loc["t3_p", "text"] == "Is the app down?\n\nCan't log in"
    assert f["author_is_org"].to_dict() == {"t3_p": False, "t1_a": False, "t1_b": True}
    assert set(f["org"].astype(str)) == {"r-brandsub"}


def test_mastodon_outbox_html_cw_boosts():
    ds = smlib.load(GOOD / "outbox.json")
    s = check_summary(ds)
    assert s["rows_in"] == 3 and s["reasons"] == {"boost of another post (text not in the archive)": 1}
    f = ds.interactions
    assert f["text"].tolist() == ["Open today https://x.example\nCome & see", "[CW: food] @cust sorry!"]
    assert f["kind"].astype(str).tolist() == ["post", "reply"]
    assert f["parent_id"].tolist()[1] == "https://other.example/users/cust/statuses/7"
    assert set(f["author_id"]) == {"@brand@m.example"} and f["author_is_org"].all()
    assert f["language"].tolist() == ["en", "en"]


def test_facebook_mojibake_reactions_and_textless_comment():
    ds = smlib.load(GOOD / "facebook_comments.json")
    s = check_summary(ds)
    assert s["reasons"] == {"reaction (not a message)": 1, "no text": 1}
    assert ds.interactions["text"].tolist() == ["Mobiloverførsler virker ikke"]
    assert ds.interactions["created_at"].tolist() == [utc("2026-01-05 10:00")]


def test_instagram_new_comment_layout():
    ds = smlib.load(GOOD / "instagram_post_comments_1.json")
    check_summary(ds)
    assert ds.interactions["text"].tolist() == ["Café looks great", "second"]
    assert ds.interactions["kind"].astype(str).tolist() == ["comment", "comment"]


def test_excel_mangled_ids_in_csv_are_reported_and_kept():
    ds = smlib.load(GOOD / "excel_mangled_ids.csv")
    s = check_summary(ds)
    assert s["rows_kept"] == 3                          # not merged as false duplicates
    assert s["repairs"] == {"message_id mangled by Excel (replaced by row number)": 2}
    assert any("5.70306E+17" in w for w in s["warnings"])
    assert ds.interactions["message_id"].tolist() == ["row-1", "row-2", "570306133677760999"]


def test_excel_workbook_with_mangled_ids(tmp_path):
    p = tmp_path / "export.xlsx"
    pd.DataFrame({"id": [5.70306133677760e17, 5.70306133677761e17, 12.0],
                  "message": ["a", "b", "c"],
                  "date": pd.to_datetime(["2026-01-05 09:00", "2026-01-05 10:00", "2026-01-06 11:00"])}
                 ).to_excel(p, index=False)
    ds = smlib.load(p)
    s = check_summary(ds)
    assert s["format"] == "excel" and s["rows_kept"] == 3
    assert sum(s["repairs"].values()) == 2
    assert ds.interactions["created_at"].tolist()[2] == utc("2026-01-06 11:00")
    assert ds.interactions["message_id"].tolist()[2] == "12"


def test_utf16_and_old_mac_line_ends(tmp_path):
    p = tmp_path / "u16.csv"
    p.write_bytes("text,date\nZoë said hi,2026-01-05\n".encode("utf-16"))
    assert smlib.load(p).interactions["text"].tolist() == ["Zoë said hi"]
    t = tmp_path / "excel_unicode_text.txt"    # Excel's "Unicode Text": UTF-16 with BOM, tabs
    t.write_bytes("Message\tDate\r\nCafé, open?\t2026-01-05 09:00\r\n".encode("utf-16"))
    assert smlib.load(t).interactions["text"].tolist() == ["Café, open?"]
    q = tmp_path / "mac.csv"
    q.write_bytes(b"text,date\rone,2026-01-05\rtwo,2026-01-06\r")
    assert smlib.load(q).interactions["text"].tolist() == ["one", "two"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark(tmp_path, codec):
    p = tmp_path / "nobom.csv"
    p.write_bytes("text,date\nZoë said hi,2026-01-05\nStill no refund,2026-01-06\n".encode(codec))
    ds = smlib.load(p)
    assert ds.interactions["text"].tolist() == ["Zoë said hi", "Still no refund"]
    assert ds.load_summary["encoding"] == codec
    assert any("without a byte-order mark" in w for w in ds.load_summary["warnings"])


def test_stray_nul_bytes_are_removed_and_reported_not_binary(tmp_path):
    p = tmp_path / "nul.csv"     # a text export with NUL padding in two cells (database dumps do this)
    p.write_bytes(b"text,date\nlate\x00 train,2026-01-05\nok\x00\x00,2026-01-06\n" + b"fine,2026-01-07\n" * 50)
    ds = smlib.load(p)
    assert ds.interactions["text"].tolist()[:2] == ["late train", "ok"]
    assert ds.load_summary["rows_kept"] == 52
    assert any(w.startswith("3 NUL byte(s)") for w in ds.load_summary["warnings"])
    dense = tmp_path / "dense.csv"   # text-looking start, but NULs all through: binary, refused
    dense.write_bytes(b"text,date\n" + b"ab\x00cd\x00" * 2000)
    with pytest.raises(DataError, match="binary"):
        smlib.load(dense)


def test_quoted_bare_cr_is_not_a_line_end(tmp_path):
    p = tmp_path / "q.csv"
    p.write_bytes(b'text,date\r\n"a\rb",2026-01-05\r\nc,2026-01-06\r\n')
    ds = smlib.load(p)
    assert ds.interactions["text"].tolist() == ["a\nb", "c"]   # kept in the field, as a newline


def test_detect_format_from_content_not_name(tmp_path):
    p = tmp_path / "renamed.txt"
    p.write_bytes((GOOD / "twcs_bare_cr.csv").read_bytes())
    assert detect_format(p) == "twcs"
    q = tmp_path / "data.csv"
    q.write_bytes((GOOD / "outbox.json").read_bytes())
    assert detect_format(q) == "mastodon"
    assert smlib.load(q).load_summary["format"] == "mastodon"


def test_forcing_a_format():
    ds = smlib.load(GOOD / "twcs_bare_cr.csv", format="csv")   # generic mapping of the same file
    assert ds.load_summary["format"] == "csv"
    assert ds.interactions["text"].str.contains("@").all()
    with pytest.raises(DataError) as e:
        smlib.load(GOOD / "twcs_bare_cr.csv", format="tiktok_magic")
    for name in ("twcs", "mastodon", "csv", "auto"):
        assert name in str(e.value)
    with pytest.raises(DataError) as e:
        smlib.load(GOOD / "twcs_bare_cr.csv", format="mastodon")
    assert "JSON" in str(e.value)
    with pytest.raises(DataError):
        smlib.load(GOOD / "outbox.json", format="youtube")


def test_sample_org_brings_profile_and_handles(tmp_path):
    orgs = getattr(smlib, "list_organisations", None)
    try:
        org = orgs()[0]
        prof = smlib.load_profile(org)
    except Exception:
        pytest.skip("sample organisations not available yet")
    handle = next(iter(prof.handles.values()))
    p = tmp_path / "x.csv"
    p.write_text(f"text,date,author\nhello,2026-01-05,{handle}\nhi,2026-01-05,someone\n")
    ds = smlib.load(p, org=org)
    assert ds.profile is not None and ds.profile.slug == org
    assert ds.interactions["author_is_org"].tolist() == [True, False]
    ds2 = smlib.load(p, org="not-a-sample-org")
    assert ds2.profile is None and not ds2.interactions["author_is_org"].any()


# ---------------------------------------------------------------- bad input

BAD_CASES = {
    # name: (path or builder, expected words in the message or None for a successful load)
    "missing file": (lambda d: d / "nope.csv", ["not found"]),
    "a folder": (lambda d: d, ["folder"]),
    "empty file": (lambda d: BAD / "empty.csv", ["empty"]),
    "header only": (lambda d: BAD / "header_only.csv", ["header", "no rows"]),
    "truncated JSON": (lambda d: BAD / "truncated.json", ["not valid JSON"]),
    "truncated X archive": (lambda d: BAD / "truncated_tweets.js", ["truncated"]),
    "unrelated JSON": (lambda d: BAD / "unrelated.json", ["keys", "name", "Expected"]),
    "unrelated JSON list": (lambda d: BAD / "unrelated_list.json", ["list of 3"]),
    "unrelated CSV": (lambda d: BAD / "unrelated.csv", ["product", "price", "columns="]),
    "binary junk": (lambda d: BAD / "binary_junk.bin", ["binary"]),
    "binary named csv": (lambda d: BAD / "binary_junk.csv", ["binary"]),
    "ragged CSV": (lambda d: BAD / "ragged.csv", ["cannot be read"]),
    "damaged zip": (lambda d: BAD / "fake.zip", ["zip"]),
    # a bit-flipped workbook that zipfile refuses with NotImplementedError (fuzz seed 12)
    "damaged workbook, odd zip version": (lambda d: BAD / "zip_damaged_version.xlsx", ["zip", "damaged"]),
    "mastodon profile": (lambda d: BAD / "actor.json", ["outbox.json"]),
    "latin-1 unknown headers": (lambda d: BAD / "latin1_no_dates.csv", ["texte", "auteur"]),
    "bad dates": (lambda d: BAD / "bad_dates.csv", None),
    "duplicate ids": (lambda d: BAD / "duplicate_ids.csv", None),
    "None path": (lambda d: None, ["no file"]),
    "number path": (lambda d: 42, ["file path", "int"]),
    "path with NUL byte": (lambda d: str(d / "a\x00b.csv"), ["not found"]),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_input_gives_only_dataerror_or_counted_load(case, tmp_path):
    build, words = BAD_CASES[case]
    path = build(tmp_path)
    try:
        ds = smlib.load(path)
    except Exception as exc:  # noqa: BLE001 - the point is to see every type
        assert type(exc) is DataError, f"{case}: {type(exc).__name__}: {exc}"
        assert words is not None, f"{case} should load, got: {exc}"
        msg = str(exc)
        if path is not None and case not in ("number path", "path with NUL byte"):
            assert Path(path).name in msg, f"{case}: message does not name the file: {msg}"
        for w in words:
            assert w.lower() in msg.lower(), f"{case}: {w!r} not in {msg!r}"
        return
    assert words is None, f"{case} should fail but loaded {ds.load_summary}"
    check_summary(ds)


def test_bad_dates_and_duplicates_are_counted_with_rows():
    s = smlib.load(BAD / "bad_dates.csv").load_summary
    assert (s["rows_in"], s["rows_kept"]) == (4, 2)
    assert s["reasons"] == {"missing date": 1, "unparseable date": 1}
    assert s["examples"] == {"missing date": [3], "unparseable date": [2]}   # data rows
    d = smlib.load(BAD / "duplicate_ids.csv")
    assert d.load_summary["reasons"] == {"duplicate message_id": 2}
    assert d.interactions["text"].tolist() == ["first", "other"]            # first copy kept


def test_unexpected_shapes_inside_known_formats_stay_dataerror(tmp_path):
    cases = {
        "tweets.js": 'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "x", '
                     '"created_at": "Mon Jan 05 09:00:00 +0000 2026", "favorite_count": {"a": 1}}}]',
        "yt.json": json.dumps({"kind": "youtube#commentThreadListResponse", "items": [
            {"kind": "youtube#commentThread", "snippet": {"topLevelComment": {"id": 5, "snippet": []}}}]}),
        "outbox.json": json.dumps({"type": "OrderedCollection", "orderedItems": [
            {"type": "Create", "object": {"id": "a", "content": 5, "published": None}}]}),
        "reddit.json": json.dumps([{"kind": "Listing", "data": {"children": [{"kind": "t1", "data": {
            "name": "t1_a", "body": "hi", "created_utc": "never", "score": "lots"}}]}}]),
        "fb.json": json.dumps({"comments_v2": [{"timestamp": "x", "data": "oops", "title": 3}]}),
    }
    for name, text in cases.items():
        p = tmp_path / name
        p.write_text(text)
        try:
            ds = smlib.load(p)
        except Exception as exc:  # noqa: BLE001
            assert type(exc) is DataError, f"{name}: {type(exc).__name__}: {exc}"
            assert name in str(exc)
        else:
            check_summary(ds)


def test_format_names_are_listed():
    assert {"twitter_archive", "facebook", "instagram", "youtube", "reddit", "mastodon", "twcs",
            "airline", "youtube_takeout", "tiktok", "google_reviews", "reddit_export", "records", "threads", "google_play", "trustpilot",
            "app_store", "csv",
            "excel", "auto"} == set(FORMATS)


def test_input_is_not_changed_and_loading_runs_no_analysis():
    before = (GOOD / "twcs_bare_cr.csv").read_bytes()
    ds = smlib.load(GOOD / "twcs_bare_cr.csv")
    assert (GOOD / "twcs_bare_cr.csv").read_bytes() == before
    assert not {"sentiment", "priority", "themes", "category"} & set(ds.interactions.columns)
    assert len(ds.audience) == 0 and list(ds.audience.columns)[:2] == ["org", "platform"]
    assert np.issubdtype(ds.interactions["likes"].dtype, np.integer)


def test_columns_are_independent_after_load():
    """Editing one column of a loaded table must not change another (no shared arrays)."""
    f = smlib.load(GOOD / "generic_bom_iso.csv").interactions
    f.loc[0, "location"] = "GB"
    f.loc[1, "likes"] = 7
    assert f["age_band"].isna().all() and f["language"].isna().all()
    assert f["shares"].tolist() == [0, 0] and f["replies"].tolist() == [0, 0]


@pytest.mark.parametrize("name", ["twcs_bare_cr.csv", "generic_cp1252_crlf.csv", "tweets.js", "outbox.json",
                                  "youtube_threads.json", "reddit_thread.json"])
def test_no_two_columns_share_memory(name):
    """Writing into one column of a freshly loaded table changes no other column."""
    before = smlib.load(GOOD / name).interactions
    for col in before.columns:
        f = smlib.load(GOOD / name).interactions
        f.loc[0, col] = before[col].iloc[1] if len(f) > 1 else before[col].iloc[0]
        for other in f.columns:
            if other != col:
                pd.testing.assert_series_equal(f[other], before[other], obj=f"{col} -> {other}")


def _reference_conform(df: pd.DataFrame) -> pd.DataFrame:
    """The model's conform step written the plain, slow way (one Python call per text value):
    the oracle that smlib.schema.conform_interactions must agree with."""
    from smlib.schema import INTERACTION_COLUMNS
    out = df.copy()
    for col, (kind, _req, _m) in INTERACTION_COLUMNS.items():
        if col not in out.columns:
            if kind == "int":
                out[col] = 0
            elif kind == "bool":
                out[col] = False
            elif col == "thread_id":
                out[col] = out["message_id"]
            else:
                out[col] = pd.Series([pd.NA] * len(out), index=out.index, dtype="object")
        s = out[col]
        if kind == "category":
            out[col] = s.astype("category")
        elif kind == "datetime":
            out[col] = pd.to_datetime(s, utc=True).dt.tz_convert("UTC").astype("datetime64[ns, UTC]")
        elif kind == "bool":
            out[col] = s.fillna(False).astype(bool)
        elif kind == "int":
            out[col] = pd.to_numeric(s, errors="coerce").fillna(0).astype("int64")
        elif kind == "Int":
            out[col] = pd.to_numeric(s, errors="coerce").astype("Int64")
        else:
            vals = [None if pd.isna(v) else v if isinstance(v, str) else str(v) for v in s]
            out[col] = pd.Series(vals, index=s.index, dtype="object") if all(v is None for v in vals) \
                else pd.Series(vals, index=s.index, dtype="str")
    ordered = list(INTERACTION_COLUMNS) + [c for c in out.columns if c not in INTERACTION_COLUMNS]
    return out[ordered].reset_index(drop=True)


def test_conform_agrees_with_plain_reference_on_every_fixture(monkeypatch):
    """The loaders' conform step (smlib.schema.conform_interactions, vectorised) gives exactly
    what the plain per-value reference gives, on every good fixture."""
    from smlib.loaders import _rows
    seen = []
    fast = _rows.conform_interactions

    def both(df):
        a = fast(df)
        pd.testing.assert_frame_equal(a, _reference_conform(df))
        seen.append(len(a))
        return a

    monkeypatch.setattr(_rows, "conform_interactions", both)
    for p in sorted(GOOD.iterdir()):
        smlib.load(p)
    assert len(seen) == len(list(GOOD.iterdir()))


def test_conform_writes_numbers_in_text_columns_as_text():
    f = pd.DataFrame({"org": ["o"] * 3, "platform": ["x"] * 3, "message_id": [1, 2, 3],
                      "created_at": ["2026-01-05T09:00:00Z"] * 3, "author_id": ["a", None, 7],
                      "author_is_org": [False] * 3, "kind": ["comment"] * 3, "text": ["hi", 5, 2.5]})
    out = conform_interactions(f)
    pd.testing.assert_frame_equal(out, _reference_conform(f))
    assert out["message_id"].tolist() == ["1", "2", "3"]
    assert out["text"].tolist() == ["hi", "5", "2.5"]
    assert out["author_id"].isna().tolist() == [False, True, False]


def test_separate_date_and_time_columns_are_combined(tmp_path):
    p = tmp_path / "tool_export.csv"
    p.write_text("Date,Time,Network,Message,Likes\n"
                 "05/01/2026,09:30,Facebook,\"Love it, thanks\",\"1,204\"\n"
                 "13/01/2026,17:05,Instagram,Queue too long,0\n")
    ds = smlib.load(p)
    check_summary(ds)
    f = ds.interactions
    assert f["created_at"].tolist() == [utc("2026-01-05 09:30"), utc("2026-01-13 17:05")]
    assert f["platform"].astype(str).tolist() == ["facebook", "instagram"]
    assert f["likes"].tolist() == [1204, 0]                      # thousands separator
    assert ds.load_summary["columns_used"]["_time"] == "Time"
    odd = tmp_path / "odd_platform.csv"
    odd.write_text("text,date,platform\nhi,2026-01-05,Snapchat\nyo,2026-01-05,\n")
    ds = smlib.load(odd)
    assert ds.interactions["platform"].astype(str).tolist() == ["snapchat", "other"]
    assert any("snapchat" in w for w in ds.load_summary["warnings"])


def test_excel_other_sheets_are_reported(tmp_path):
    p = tmp_path / "book.xlsx"
    with pd.ExcelWriter(p) as w:
        pd.DataFrame({"text": ["hi"], "date": ["2026-01-05 09:00"]}).to_excel(w, sheet_name="Posts", index=False)
        pd.DataFrame({"x": [1]}).to_excel(w, sheet_name="Notes", index=False)
    ds = smlib.load(p)
    assert ds.interactions["text"].tolist() == ["hi"]
    assert any("2 sheets" in w and "'Posts'" in w for w in ds.load_summary["warnings"])


def test_damaged_workbook_is_a_dataerror(tmp_path):
    good = tmp_path / "ok.xlsx"
    pd.DataFrame({"text": ["hi"], "date": ["2026-01-05"]}).to_excel(good, index=False)
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    with pytest.raises(DataError) as e:
        smlib.load(bad)
    assert "broken.xlsx" in str(e.value)


def test_damaged_copies_of_every_fixture_give_only_dataerror(tmp_path):
    """Truncated, byte-flipped and cut copies of each good fixture (fixed seed): each one either
    loads with honest counts or raises DataError naming the file - never another exception."""
    import random
    rng = random.Random(7)
    tried = 0
    for p in sorted(GOOD.iterdir()):
        data = p.read_bytes()
        variants = [data[: rng.randrange(1, len(data))] for _ in range(6)]
        for _ in range(6):
            b = bytearray(data)
            for _ in range(rng.randrange(1, 6)):
                b[rng.randrange(len(b))] = rng.randrange(256)
            variants.append(bytes(b))
        for i, v in enumerate(variants):
            q = tmp_path / f"{p.stem}_{i}{p.suffix}"
            q.write_bytes(v)
            tried += 1
            try:
                ds = smlib.load(q)
            except Exception as exc:  # noqa: BLE001
                assert type(exc) is DataError, f"{q.name}: {type(exc).__name__}: {exc}"
                assert q.name in str(exc)
            else:
                check_summary(ds)
    assert tried == 12 * len(list(GOOD.iterdir()))


def test_encoding_argument_and_handles_as_text(tmp_path):
    p = tmp_path / "latin.csv"
    p.write_bytes("text,date,author\ncaf\xe9 ok,2026-01-05,@Shop\n".encode("latin-1"))
    ds = smlib.load(p, encoding="latin-1", org_handles="@shop, other")
    assert ds.interactions["text"].tolist() == ["café ok"] and ds.interactions["author_is_org"].all()
    assert ds.load_summary["encoding"] == "latin-1" and not ds.load_summary["warnings"][:0]
    with pytest.raises(DataError) as e:
        smlib.load(p, encoding="klingon")
    assert "klingon" in str(e.value) and "latin.csv" in str(e.value)
    with pytest.raises(DataError) as e:
        smlib.load(GOOD / "outbox.json", columns={"text": "content"})
    assert "columns=" in str(e.value)


@pytest.mark.parametrize("module", ["smlib.loaders._text", "smlib.loaders._time", "smlib.loaders.tabular",
                                    "smlib.loaders.youtube_takeout"])
def test_docstring_examples(module):
    import doctest
    import importlib
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_x_direct_messages():
    ds = smlib.load(GOOD / "direct-messages.js", org_handles=["shop"])
    s = check_summary(ds)
    assert s["rows_in"] == 4 and s["reasons"] == {"conversation event 'joinConversation' (not a message)": 1}
    f = ds.interactions.set_index("message_id")
    assert set(f["kind"].astype(str)) == {"message"}
    assert f["thread_id"].to_dict() == {"d1": "500-900", "d2": "500-900", "d3": "500-901"}
    # 500 takes part in both conversations: it is the archive owner
    assert f["author_is_org"].to_dict() == {"d1": False, "d2": True, "d3": False}
    assert f.loc["d2", "author_id"] == "shop" and f.loc["d1", "author_id"] == "900"
    assert f.loc["d1", "text"] == "Hi, my order #123 never came & I paid extra"
    assert f.loc["d3", "text"] == ""                 # a photo sent without words is kept
    # the DM conversation is answered in 20 minutes (threads treat kind 'message' by thread)
    from smlib.threads import add_response_times
    r = add_response_times(ds.interactions).set_index("message_id")
    assert r.loc["d1", "response_minutes"] == 20.0 and not r.loc["d3", "answered"]


def test_tool_export_headers_are_guessed(tmp_path):
    """Header lines shaped like a Meta Business Suite post export and an X analytics export
    (hand-made rows: no real tool export was found, see SOURCES.md)."""
    meta = tmp_path / "meta_posts.csv"
    meta.write_text("Post ID,Page ID,Page name,Title,Description,Duration (sec),Publish time,Permalink,"
                    "Post type,Reach,Reactions,Comments,Shares\n"
                    "111_1,111,Bean Cafe,,New winter menu!,,2026-01-05 09:00,https://fb/1,Photo,1500,40,6,2\n")
    ds = smlib.load(meta, platform="facebook", org_handles=["Bean Cafe"])
    check_summary(ds)
    r = ds.interactions.iloc[0]
    assert (r["message_id"], r["text"], r["author_id"]) == ("111_1", "New winter menu!", "Bean Cafe")
    assert (r["reach"], r["likes"], r["replies"], r["shares"]) == (1500, 40, 6, 2)
    assert r["author_is_org"] and r["kind"] == "post"
    xa = tmp_path / "tweet_activity_metrics.csv"
    xa.write_text("Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,engagement rate,"
                  "retweets,replies,likes\n"
                  "1101,https://x/1101,Open till 8 tonight,2026-01-05 17:05 +0000,900,30,0.033,3,1,12\n")
    r = smlib.load(xa, platform="x").interactions.iloc[0]
    assert (r["message_id"], r["text"], r["reach"], r["shares"], r["replies"], r["likes"]) == (
        "1101", "Open till 8 tonight", 900, 3, 1, 12)
    assert r["created_at"] == utc("2026-01-05 17:05")
    li = tmp_path / "Shares.csv"        # LinkedIn "Shares.csv" header line
    li.write_text('Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n'
                  '2026-01-05 10:00:00,https://li/1,"We are hiring, apply today",,,MEMBER_NETWORK\n')
    r = smlib.load(li, platform="linkedin").interactions.iloc[0]
    assert (r["text"], r["platform"], r["created_at"]) == ("We are hiring, apply today", "linkedin",
                                                           utc("2026-01-05 10:00"))


def test_fast_twitter_dates_equal_pandas_strptime():
    from smlib.loaders._time import _TWITTER, _twitter_fast
    vals = pd.Series(["Tue Oct 31 22:10:47 +0000 2017", "Sun Dec 31 23:59:59 +1400 2017",
                      "Mon Jan 01 00:00:00 -1200 2018", "Tue Oct 31 22:10:47 -0130 2017",
                      "Thu Feb 29 12:00:00 +0000 2024", "not a date at all, thirty chars",
                      "Tue Oct 31 22:10:47 +0000 17", ""])
    fast = _twitter_fast(vals)
    slow = pd.to_datetime(vals, format=_TWITTER, utc=True, errors="coerce")
    assert fast.isna().tolist() == slow.isna().tolist() == [False] * 5 + [True] * 3
    assert (fast[:5] == slow[:5]).all()
    assert fast[1] == utc("2017-12-31 09:59:59") and fast[3] == utc("2017-10-31 23:40:47")


@pytest.mark.parametrize("values", [
    ["2022-11-08T03:07:14Z", "2022-11-09T13:07:15Z"],
    ["2016-07-01T10:22:56.000Z", "2016-07-01T10:22:57.123Z"],
    ["2015-02-24 11:35:52 -0800", "2015-02-16 23:36:05 -0800"],
    ["2026-01-05T10:00:00+01:00", "2026-01-05T10:00:00-05:30"],
    ["2026-01-05T09:30:00+0000", "2026-01-05T09:30:00+0530"],
    ["2026-01-05 09:30", "2026-01-06 17:05"],
    ["2026-01-05", "2026-01-06", ""],
    ["2026-01-05T00:00:00Z", None, "2026-01-07T00:00:00Z"],
])
def test_fast_iso_dates_equal_pandas(values):
    from smlib.loaders._time import _iso_fast
    s = pd.Series(values, dtype="str")
    fast = _iso_fast(s)
    slow = pd.to_datetime(s.replace("", None), format="ISO8601", utc=True, errors="coerce")
    assert fast is not None
    assert fast.isna().tolist() == slow.isna().tolist()
    assert (fast[fast.notna()] == slow[slow.notna()]).all()


@pytest.mark.parametrize("values", [
    ["2022-11-08T03:07:14Z", "2022-11-08T03:07:14Zabc"],     # longer value
    ["2022-11-08T03:07:14Z", "2022-11-08 03:07:14Z"],        # mixed layouts
    ["2026-02-30T00:00:00Z", "2026-01-05T00:00:00Z"],        # impossible day
    ["2026-01-05T00:00:00Z", "2026-01-05T00:00:00Ω"],        # not ASCII
])
def test_fast_iso_dates_decline_what_they_cannot_do(values):
    from smlib.loaders._time import _iso_fast, to_utc
    s = pd.Series(values, dtype="str")
    assert _iso_fast(s) is None
    out, _ = to_utc(s)            # the general path still parses what it can
    expect = pd.to_datetime(pd.Series(values[:1]), format="ISO8601", utc=True, errors="coerce")[0]
    assert (pd.isna(out.iloc[0]) and pd.isna(expect)) or out.iloc[0] == expect


def test_messenger_conversation():
    ds = smlib.load(GOOD / "messenger_message_1.json")
    s = check_summary(ds)
    assert s["format"] == "facebook" and s["rows_in"] == 4
    assert s["reasons"] == {"message unsent by its author": 1}
    f = ds.interactions.sort_values("created_at")
    assert f["text"].tolist() == ["My latte was cold", "", "Sorry Jo! We’ll refund you."]   # mojibake fixed
    assert f["author_is_org"].tolist() == [False, False, True]     # the one who is not the title
    assert set(f["kind"].astype(str)) == {"message"} and set(f["thread_id"]) == {"inbox/jobloggs_1"}
    assert f["created_at"].tolist()[0] == utc("2026-01-05 09:00")  # timestamp_ms
    from smlib.threads import add_response_times
    r = add_response_times(ds.interactions).sort_values("created_at")
    assert r["response_minutes"].tolist()[0] == 15.0
    ig = smlib.load(GOOD / "messenger_message_1.json", platform="instagram", org_handles=["Jo Bloggs"])
    assert set(ig.interactions["platform"].astype(str)) == {"instagram"}
    assert ig.interactions.sort_values("created_at")["author_is_org"].tolist() == [True, True, False]


def test_reply_loops_and_long_chains_do_not_hang(tmp_path):
    rows = ["id,text,date,in_reply_to", "a,x,2026-01-05,b", "b,y,2026-01-05,a"]     # a loop
    rows += [f"c{i},t,2026-01-05,{'c' + str(i - 1) if i else ''}" for i in range(300)]   # a chain
    p = tmp_path / "loops.csv"
    p.write_text("\n".join(rows) + "\n")
    f = smlib.load(p).interactions.set_index("message_id")
    assert f.loc["c299", "thread_id"] == "c0" and f.loc["c0", "thread_id"] == "c0"
    assert f.loc["c1", "replies"] == 1 and f.loc["c299", "replies"] == 0
    assert set(f.loc[["a", "b"], "thread_id"]) <= {"a", "b"}


def test_archive_owner_uses_the_profile_handle_for_that_platform():
    try:
        prof = smlib.load_profile("bean-and-leaf")
    except Exception:
        pytest.skip("sample organisations not available yet")
    if "facebook" not in prof.handles or "x" not in prof.handles:
        pytest.skip("profile lacks the handles this test needs")
    fb = smlib.load(GOOD / "facebook_comments.json", org="bean-and-leaf").interactions
    assert set(fb["author_id"]) == {"Brand Page"}            # the export names the comment author
    x = smlib.load(GOOD / "tweets.js", org="bean-and-leaf").interactions
    assert set(x["author_id"]) == {prof.handles["x"]} and x["author_is_org"].all()
    ig = smlib.load(GOOD / "instagram_post_comments_1.json", org="bean-and-leaf").interactions
    assert set(ig["author_id"]) == {prof.handles["instagram"]}


def test_reddit_pushshift_json_lines(tmp_path):
    lines = [
        {"id": "p1", "title": "Broken app?", "selftext": "", "author": "u1", "created_utc": 1767607200,
         "subreddit": "shop", "num_comments": 2, "score": 4},
        {"id": "c1", "body": "Same", "author": "u2", "created_utc": "1767607260", "subreddit": "shop",
         "parent_id": "t3_p1", "link_id": "t3_p1", "score": 1},
        {"id": "c2", "body": "[removed]", "author": "u3", "created_utc": 1767607320, "subreddit": "shop",
         "parent_id": "t1_c1", "link_id": "t3_p1", "score": 1},
    ]
    p = tmp_path / "RC_shop.ndjson"
    p.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    ds = smlib.load(p)
    s = check_summary(ds)
    assert s["format"] == "reddit" and s["rows_in"] == 3
    assert s["reasons"] == {"deleted or removed comment": 1}
    f = ds.interactions.set_index("message_id")
    assert f["kind"].astype(str).to_dict() == {"t3_p1": "post", "t1_c1": "comment"}
    assert f.loc["t1_c1", "parent_id"] == "t3_p1"
    broken = tmp_path / "half.ndjson"
    broken.write_text(json.dumps(lines[0]) + "\n" + json.dumps(lines[1])[:30] + "\n")
    with pytest.raises(DataError):
        smlib.load(broken)


def test_bundled_sample_csv_round_trips_through_the_generic_loader(sample_dir):
    """The sample's interactions.csv (canonical headers) loaded by smlib.load gives the same table
    as smlib.load_sample, which reads it with its own code."""
    try:
        orgs = smlib.list_organisations()
    except Exception:
        pytest.skip("sample organisations not available yet")
    checked = 0
    for org in orgs[:3]:
        path = sample_dir / org / "interactions.csv"
        if not path.exists():
            continue
        a = smlib.load_sample(org).interactions
        ds = smlib.load(path)
        s = check_summary(ds)
        assert s["reasons"] == {} and s["warnings"] == []
        b = ds.interactions
        assert list(b.columns)[:len(a.columns) - ("rating" in a.columns)] == \
            [c for c in a.columns if c != "rating"]
        for col in a.columns:
            x = a[col].astype("str").fillna("<NA>").to_numpy()
            y = b[col].astype("str").fillna("<NA>").to_numpy()
            assert (x == y).all(), (org, col)
        checked += 1
    assert checked > 0


def test_excel_sep_hint_and_title_rows_above_the_header(tmp_path):
    p = tmp_path / "excel_sep.csv"
    p.write_text("sep=;\nMessage;Date;Likes\nHallo, wereld;2026-01-05 09:00;3\n")
    ds = smlib.load(p)
    check_summary(ds)
    assert ds.interactions["text"].tolist() == ["Hallo, wereld"] and ds.interactions["likes"].tolist() == [3]
    q = tmp_path / "tool_report.csv"
    q.write_text("Engagement report\nBean Cafe - 5 to 9 January 2026\n\n"
                 "Date,Network,Message,Likes\n2026-01-05 09:00,Facebook,Hi there,2\n2026-01-06 10:00,X,Yo,1\n")
    ds = smlib.load(q)
    s = check_summary(ds)
    assert s["rows_in"] == 2 and ds.interactions["text"].tolist() == ["Hi there", "Yo"]
    assert any("skipped 3 line(s)" in w for w in s["warnings"])
    bad = tmp_path / "no_header_anywhere.csv"
    bad.write_text("Report\nfoo,bar\n1,2\n")
    with pytest.raises(DataError) as e:
        smlib.load(bad)
    assert "Report" in str(e.value)


_LOAD_ALL_WITHOUT_PYARROW = r"""
import sys, pickle
sys.modules["pyarrow"] = None        # pandas as installed without pyarrow (Python-string text)
from pathlib import Path
import smlib
out = {}
for p in sorted(Path(sys.argv[1]).iterdir()):
    ds = smlib.load(p)
    out[p.name] = (ds.interactions.astype(object), ds.load_summary)
pickle.dump(out, open(sys.argv[2], "wb"))
"""


def test_loading_without_pyarrow_gives_the_same_tables(tmp_path):
    """pyarrow is a dependency (fast text), but a machine without it must get the same data:
    every good fixture is loaded in a process where pandas cannot import pyarrow and compared
    value by value (and summary by summary) with this process's load."""
    import pickle
    import subprocess
    import sys
    dump = tmp_path / "no_arrow.pkl"
    subprocess.run([sys.executable, "-c", _LOAD_ALL_WITHOUT_PYARROW, str(GOOD), str(dump)], check=True,
                   capture_output=True, text=True, timeout=600)
    other = pickle.loads(dump.read_bytes())
    assert sorted(other) == sorted(p.name for p in GOOD.iterdir())
    for p in sorted(GOOD.iterdir()):
        ds = smlib.load(p)
        frame, summary = other[p.name]
        pd.testing.assert_frame_equal(ds.interactions.astype(object), frame, obj=p.name,
                                      check_column_type=False)  # column labels: str storage differs
        assert ds.load_summary == summary, p.name


@pytest.mark.parametrize("header,row,expect,when", [
    # social-media tool exports whose headers are not plain names (shapes of common exports)
    ("Date (GMT),Network,Post Content,Permalink,Likes",
     '2026-01-05 09:30,Twitter,"Parcel still missing, day 6",https://x.com/a/status/1,2',
     {"text": "Post Content", "created_at": "Date (GMT)", "platform": "Network", "likes": "Likes"},
     "2026-01-05 09:30"),
    ("Tweet id,Tweet permalink,Tweet text,time,impressions,retweets,replies,likes",
     "1880000000000000001,https://x.com/a/status/1880000000000000001,Thanks for the help!,"
     "2026-01-05 09:30 +0000,120,1,0,3",
     {"text": "Tweet text", "created_at": "time", "message_id": "Tweet id", "reach": "impressions",
      "shares": "retweets"}, "2026-01-05 09:30"),
    ("Post ID,Account name,Description,Publish time,Permalink,Post type,Date,Reach,Likes",
     "9001,Bean and Leaf,New menu out today,01/25/2026 09:30,https://fb.com/9001,Photo,Lifetime,300,12",
     {"text": "Description", "created_at": "Publish time", "message_id": "Post ID", "reach": "Reach"},
     "2026-01-25 09:30"),   # US order, told by the 25; "Date" here is a reporting period
])
def test_tool_export_header_variants_are_guessed(tmp_path, header, row, expect, when):
    p = tmp_path / "export.csv"
    p.write_text(header + "\n" + row + "\n", encoding="utf-8")
    ds = smlib.load(p)
    s = check_summary(ds)
    assert s["rows_kept"] == 1, s
    for field, column in expect.items():
        assert s["columns_used"][field] == column
    assert ds.interactions["created_at"].iloc[0] == utc(when)


def test_loose_header_guess_ignores_other_meanings():
    from smlib.loaders.tabular import guess_columns
    got = guess_columns(["Last updated", "Text length", "Comment text", "Created date"])
    assert got == {"text": "Comment text", "created_at": "Created date"}


def test_rows_with_more_fields_than_the_header_are_counted_not_cut(tmp_path):
    """An unquoted comma shifts a row's columns. Reading only the needed columns would let pandas
    keep such a row silently (text cut at the comma); it must be skipped and counted instead."""
    p = tmp_path / "hand_made.csv"
    p.write_text("id,date,text\n"
                 "1,2026-01-05 09:00,Fine thanks\n"
                 "2,2026-01-05 10:00,Still waiting, three days now\n"        # unquoted comma
                 '3,2026-01-05 11:00,"Quoted, so fine"\n'
                 '4,2026-01-05 12:00,"A quoted line\nbreak, with a comma"\n'
                 "5,2026-01-05 13:00,ok\n", encoding="utf-8")
    ds = smlib.load(p)
    s = check_summary(ds)
    assert s["rows_in"] == 5 and s["rows_kept"] == 4
    assert s["reasons"] == {"more fields than the header": 1}
    assert s["examples"]["more fields than the header"] == ["line 3"]
    assert ds.interactions["message_id"].tolist() == ["1", "3", "4", "5"]
    assert ds.interactions["text"].tolist()[1:3] == ["Quoted, so fine", "A quoted line\nbreak, with a comma"]
    assert any("more fields than the header" in w for w in s["warnings"])


def test_twcs_row_with_too_many_fields_is_counted(tmp_path):
    p = tmp_path / "twcs_bad_row.csv"
    p.write_text("tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
                 "1,115712,True,Tue Oct 31 22:10:47 +0000 2017,@sprintcare my phone is broken,2,\n"
                 "2,sprintcare,False,Tue Oct 31 22:11:45 +0000 2017,@115712 Sorry! DM us,,1\n"
                 "3,115713,True,Tue Oct 31 22:12:00 +0000 2017,@sprintcare no signal, again,,,\n",
                 encoding="utf-8")
    ds = smlib.load(p)
    s = check_summary(ds)
    assert s["format"] == "twcs"
    assert s["rows_in"] == 3 and s["rows_kept"] == 2 and s["reasons"] == {"more fields than the header": 1}


@pytest.mark.parametrize("data,expected", [
    (b"a,b\n1,2\n3,4\n", False),
    (b"a,b\r\n1,2\r\n3,4,5\r\n", True),
    (b'a,b\n1,"x, y"\n2,"line\none, two"\n', False),          # commas and a newline inside quotes
    (b'a,b\n1,"she said ""hi, you"""\n', False),               # doubled quotes inside quotes
    (b"a,b\n1,2\n3,4,5", True),                                # last line without a line end
    (b"a;b\n1;2,5\n", False),                                  # another separator
])
def test_has_long_rows(data, expected):
    from smlib.loaders._csv import has_long_rows
    delim = ";" if b";" in data.split(b"\n")[0] else ","
    assert has_long_rows(data, delim, 2) is expected


def test_forced_encoding_that_does_not_fit_still_loads_with_replacements(tmp_path):
    p = tmp_path / "cafe.csv"
    p.write_bytes("text,date\nCafé open,2026-01-05 09:00\n".encode("cp1252"))
    ds = smlib.load(p, encoding="utf-8")          # wrong on purpose: é is not UTF-8 here
    check_summary(ds)
    assert ds.interactions["text"].tolist() == ["Caf\ufffd open"]
    assert smlib.load(p).interactions["text"].tolist() == ["Café open"]   # detected: cp1252


def test_pre_2019_x_archive_grailbird_loads():
    ds = smlib.load(GOOD / "grailbird_tweets_2015_01.js")
    s = check_summary(ds)
    assert s["format"] == "twitter_archive" and s["rows_in"] == 2 and s["rows_kept"] == 2
    f = ds.interactions
    assert f["message_id"].tolist() == ["555000000000000002", "555000000000000003"]
    assert f["parent_id"].iloc[0] == "555000000000000001" and pd.isna(f["parent_id"].iloc[1])
    assert f["author_id"].unique().tolist() == ["samexample"]          # from user.screen_name
    assert f["text"].iloc[0] == "@beanandleaf my latte was cold again & nobody said sorry"
    assert f["created_at"].tolist() == [utc("2015-01-14 09:30"), utc("2015-01-15 10:00")]
    assert f["kind"].astype(str).tolist() == ["reply", "post"]


def test_bare_json_value_is_a_json_error(tmp_path):
    p = tmp_path / "null.json"
    p.write_text("null\n")
    with pytest.raises(DataError, match="not an export smlib knows"):
        smlib.load(p)


@pytest.mark.parametrize("dtype", ["str", object])
def test_dates_outside_the_timestamp_range_are_unparseable_not_wrapped(dtype):
    """Year 3000 or year -1 cannot be held in nanoseconds: NaT (counted), never a wrong date in
    1830 and never an error for the whole file."""
    from smlib.loaders._time import to_utc
    cases = [["2026-01-05T09:00:00Z", "3000-01-01T00:00:00Z"],
             ["Mon Jan 05 09:00:00 +0000 2026", "Mon Jan 05 09:00:00 +0000 3000"],
             ["2026-01-05 10:00:00 +0100", "9999-12-31 00:00:00 +0000"],
             ["2026-01-05 09:00", "-1"]]
    for vals in cases:
        out, blank = to_utc(pd.Series(vals, dtype=dtype))
        assert out.iloc[0] == utc("2026-01-05 09:00") and pd.isna(out.iloc[1]), vals
        assert not blank.iloc[1]


def test_out_of_range_date_rows_are_counted(tmp_path):
    p = tmp_path / "future.csv"
    p.write_text("text,date\nok,2026-01-05T09:00:00Z\nodd,3000-01-01T00:00:00Z\nneg,-1\n")
    s = check_summary(smlib.load(p))
    assert s["rows_kept"] == 1 and s["reasons"] == {"unparseable date": 2}


def test_times_without_a_zone_use_the_organisations_zone(tmp_path):
    """A UK export's 10:00 in July is 09:00 UTC (BST); with no zone known it stays UTC (warned)."""
    p = tmp_path / "local_times.csv"
    p.write_text("text,date\nsummer,2026-07-01 10:00\nwinter,2026-01-05 10:00\n"
                 "autumn repeat hour,2026-10-25 01:30\nspring gap,2026-03-29 01:30\n")
    plain = smlib.load(p)
    assert plain.interactions["created_at"].tolist() == [utc("2026-07-01 10:00"), utc("2026-01-05 10:00"),
                                                         utc("2026-10-25 01:30"), utc("2026-03-29 01:30")]
    assert any("taken as UTC" in w for w in plain.load_summary["warnings"])
    for kw in ({"org": "northway-rail"}, {"timezone": "Europe/London"}):
        ds = smlib.load(p, **kw)
        check_summary(ds)
        assert ds.interactions["created_at"].tolist() == [
            utc("2026-07-01 09:00"), utc("2026-01-05 10:00"),
            utc("2026-10-25 00:30"),     # the first (summer) 01:30 of the repeated hour
            utc("2026-03-29 01:00")], kw  # 01:30 does not exist in London that night: 02:00 BST
        assert any("Europe/London clock times" in w for w in ds.load_summary["warnings"])
    zoned = tmp_path / "zoned.csv"
    zoned.write_text("text,date\nsummer,2026-07-01T10:00:00Z\n")
    assert smlib.load(zoned, org="northway-rail").interactions["created_at"].tolist() == [utc("2026-07-01 10:00")]
    with pytest.raises(DataError, match="unknown time zone"):
        smlib.load(p, timezone="Mars/Base")


def test_thread_roots_by_pointer_jumping_match_the_stepwise_walk():
    """Random reply forests (some parents outside the file, chains up to 300 deep) and the real
    twcs head: the fast root finder agrees with the one-step-per-round walk."""
    import random
    from smlib.loaders._rows import _thread_roots, _thread_roots_stepwise
    rng = random.Random(11)
    for n in (1, 50, 2000):
        ids = [f"m{i}" for i in range(n)]
        parents = []
        for i in range(n):
            r = rng.random()
            parents.append(None if r < 0.3 or i == 0 else f"gone{i}" if r < 0.4 else
                           ids[i - 1] if r < 0.8 else ids[rng.randrange(i)])
        a = _thread_roots(pd.Series(ids), pd.Series(parents, dtype=object))
        b = _thread_roots_stepwise(pd.Series(ids), pd.Series(parents, dtype=object))
        assert a.astype(str).tolist() == b.astype(str).tolist()
    deep = pd.Series([f"d{i}" for i in range(300)])
    chain = pd.Series([None] + [f"d{i}" for i in range(299)], dtype=object)
    assert set(_thread_roots(deep, chain)) == {"d0"}
    loop = _thread_roots(pd.Series(["a", "b"]), pd.Series(["b", "a"], dtype=object))
    assert set(loop) <= {"a", "b"}                       # a loop ends without error


def test_blank_timezone_means_not_given_and_a_typo_gets_the_near_zone(tmp_path):
    """timezone="" is "not given" (as platform="" is): UTC, or the profile's zone; a typo names
    the field and the nearest zone (the same check as a profile's zone)."""
    p = tmp_path / "naive.csv"
    p.write_text("text,date\nsummer,2026-07-01 10:00\n")
    assert smlib.load(p, timezone="").interactions["created_at"].tolist() == [utc("2026-07-01 10:00")]
    assert smlib.load(p, timezone="  ", org="northway-rail").interactions["created_at"].tolist() == [
        utc("2026-07-01 09:00")]
    with pytest.raises(DataError) as err:
        smlib.load(p, timezone="Europe/Londn")
    assert "field 'timezone'" in str(err.value) and "did you mean 'Europe/London'?" in str(err.value)
    assert str(p) in str(err.value)


@pytest.mark.parametrize("stamp", ["2026-01-05T{h}:00:00Z", "2026-01-05T{h}:00:00+00:00", "2026-01-05 {h}:00:00",
                                   "2026-01-05T{h}:00:00"])
def test_dates_stay_with_their_rows_after_a_skipped_row(stamp, tmp_path):
    """A row skipped for 'no text' before the dates are parsed must not move any date onto another
    row. Arrow's ISO parser once returned its dates numbered 0..n-1, which pandas then *aligned*
    with the rows' own numbers: after a blank text, row 'c' got row 'd''s date and the last row
    fell through to a second parse."""
    hours = {"a": 10, "": 11, "c": 12, "d": 13, "e": 14}
    p = tmp_path / "blank.csv"
    p.write_text("text,date\n" + "".join(f"{t},{stamp.format(h=h)}\n" for t, h in hours.items()), encoding="utf-8")
    ds = smlib.load(p)
    s = check_summary(ds)
    assert (s["rows_kept"], s["reasons"]) == (4, {"no text": 1})
    got = dict(zip(ds.interactions["text"], ds.interactions["created_at"]))
    assert got == {t: pd.Timestamp(f"2026-01-05 {h}:00", tz="UTC") for t, h in hours.items() if t}


@pytest.mark.parametrize("layout", ["iso_z", "iso_offset", "iso_space_naive", "iso_ms_z", "twitter",
                                    "airline", "epoch_s", "epoch_ms_text"])
@pytest.mark.parametrize("dtype", ["str", "object"])
@pytest.mark.parametrize("seed", [1, 2])
def test_to_utc_matches_a_value_by_value_reading_on_any_index(layout, dtype, seed):
    """Every fast date path (numpy ISO/Twitter, Arrow ISO, epochs) against Python's own reading of
    each value, on a shuffled index with gaps (as after skipped rows) and a few blanks and
    non-dates: same instant for every row label, NaT exactly where the value is not a date."""
    import datetime as dt
    rng = np.random.default_rng(seed)
    n = 300
    secs = rng.integers(1_300_000_000, 1_900_000_000, n)
    offs = rng.choice([0, 60, -300, 330, -570, 840], n)       # minutes east of UTC
    instants = [dt.datetime.fromtimestamp(int(s), dt.timezone.utc) for s in secs]

    def write(t: dt.datetime, off: int) -> str:
        local = t.astimezone(dt.timezone(dt.timedelta(minutes=int(off))))
        if layout == "iso_z":
            return t.strftime("%Y-%m-%dT%H:%M:%SZ")
        if layout == "iso_ms_z":
            return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{int(off) % 1000:03d}Z"
        if layout == "iso_offset":
            return local.isoformat()
        if layout == "iso_space_naive":
            return t.strftime("%Y-%m-%d %H:%M:%S")
        if layout == "twitter":
            return local.strftime("%a %b %d %H:%M:%S %z %Y")
        if layout == "airline":
            return local.strftime("%Y-%m-%d %H:%M:%S %z")
        if layout == "epoch_s":
            return str(int(t.timestamp()))
        return str(int(t.timestamp()) * 1000)

    values = [write(t, o) for t, o in zip(instants, offs)]
    expect = [pd.Timestamp(t) + (pd.Timedelta(milliseconds=int(o) % 1000) if layout == "iso_ms_z" else pd.Timedelta(0))
              for t, o in zip(instants, offs)]
    for k in rng.choice(n, 6, replace=False):   # blanks; with seed 2 also words (fast paths decline)
        values[k], expect[k] = ("", pd.NaT) if seed == 1 or k % 2 else ("soon", pd.NaT)
    labels = rng.permutation(np.arange(0, 3 * n, 3))[:n]        # shuffled, with gaps
    s = pd.Series(values, index=labels, dtype=dtype)
    got, blank = to_utc(s, [])
    want = pd.Series(expect, index=labels, dtype="datetime64[ns, UTC]")
    assert got.index.equals(s.index)
    pd.testing.assert_series_equal(got, want, check_names=False, check_freq=False)
    assert blank[s.eq("")].all()



@pytest.mark.parametrize("value, expect", [
    ("Mon Apr 06 22:19:45 PDT 2009", "2009-04-07 05:19:45"),       # Sentiment140's layout
    ("Mon Apr 06 22:19:45 UTC 2009", "2009-04-06 22:19:45"),
    ("2009-04-06 22:19:45 EST", "2009-04-07 03:19:45"),
    ("2026-07-01 10:00 BST", "2026-07-01 09:00"),                   # British Summer Time
    ("2026-05-01 12:34 GMT+1", "2026-05-01 11:34"),
    ("2026-05-01 12:34 UTC-05:30", "2026-05-01 18:04"),
    ("Friday, 1 May 2026 at 10:00 CEST", "2026-05-01 08:00"),
])
def test_dates_with_zone_abbreviations(value, expect):
    """Zone words are read as their offsets, and a date that names its zone is never taken as a
    local clock time (before: 'PDT' dates were all 'unparseable date', and 'UTC' in the middle
    of a date was reported as 'no time zone' and shifted by the organisation's zone)."""
    warn: list[str] = []
    out, _ = to_utc(pd.Series([value, value], dtype="str"), warn, local_tz="Europe/London")
    assert out.iloc[0] == utc(expect)
    assert not any("no time zone" in w for w in warn)


def test_small_numbers_are_not_dates():
    """A date cell holding '4' or '0' was read as seconds after 1 January 1970; only numbers the
    size of an epoch time (9-13 digits) are epoch times."""
    out, _ = to_utc(pd.Series(["4", "0", "1467810369", "1467810369000"], dtype="str"), [])
    assert out.isna().tolist() == [True, True, False, False]
    assert out.iloc[2] == out.iloc[3] == utc("2016-07-06 13:06:09")


def test_headerless_csv_columns_guessed_from_their_contents():
    """A file with no header row (Sentiment140's layout): the first line is data, not names. The
    columns are told apart by what they hold (dates, sentences, unique ids, user names), and the
    summary says what was guessed. Before: a DataError listing the first tweet as 'headers'."""
    ds = smlib.load(GOOD / "headerless_sentiment140_style.csv")
    s = check_summary(ds)
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (4, 3, {"no text": 1})
    assert s["columns_used"] == {"created_at": "column 3", "text": "column 6", "message_id": "column 2",
                                 "author_id": "column 5"}
    assert any("no header row" in w and "column 6" in w for w in s["warnings"])
    f = ds.interactions.set_index("message_id")
    assert f.loc["1467810369", "text"] == "@northwayrail train cancelled again, third time this week"
    assert f.loc["1467810369", "created_at"] == utc("2009-04-07 05:19:45")     # PDT = UTC-7
    assert f.loc["1467822272", "author_id"] == "jo.writes"


def test_headerless_csv_by_position(tmp_path):
    """columns= by position (0 = first column) on a file without a header keeps its first line
    as data; the fields not given are still guessed; a position past the end is a clear error."""
    ds = smlib.load(GOOD / "headerless_sentiment140_style.csv", columns={"text": 5, "created_at": 2,
                                                                          "author_id": 4})
    s = check_summary(ds)
    assert s["rows_in"] == 4 and s["columns_used"]["author_id"] == "column 5"
    assert s["columns_used"]["message_id"] == "column 2"                        # guessed
    with pytest.raises(DataError) as e:
        smlib.load(GOOD / "headerless_sentiment140_style.csv", columns={"text": 9, "created_at": 2})
    assert "position 9" in str(e.value) and "headerless_sentiment140_style.csv" in str(e.value)
    # positions also work on a file that has a header
    p = tmp_path / "with_header.csv"
    p.write_text("when,who,said\n2026-01-05 10:00,ann,hello there\n", encoding="utf-8")
    r = smlib.load(p, columns={"text": 2, "created_at": 0}).interactions.iloc[0]
    assert (r["text"], r["created_at"]) == ("hello there", utc("2026-01-05 10:00"))


def test_headerless_csv_that_cannot_be_guessed_is_a_clear_error(tmp_path):
    p = tmp_path / "numbers.csv"
    p.write_text("1,2,3\n4,5,6\n7,8,9\n", encoding="utf-8")
    with pytest.raises(DataError) as e:
        smlib.load(p)
    msg = str(e.value)
    assert "numbers.csv" in msg and "no header row" in msg and "columns=" in msg


def test_camel_case_headers_and_people_ids(tmp_path):
    """camelCase headers are words (reviewText, createdAt, likeCount), and an id that names a
    person (reviewerID) is the author, not the message id: before, a reviewer's second review
    was dropped as a 'duplicate message_id' and no text column was found at all."""
    p = tmp_path / "reviews.csv"
    p.write_text("reviewerID,asin,reviewerName,reviewText,overall,unixReviewTime\n"
                 "A2SUAM1J3GNN3B,0000013714,Ann,Arrived broken and late,1,1767610000\n"
                 "A2SUAM1J3GNN3B,0000013715,Ann,Second order was perfect,5,1767696400\n", encoding="utf-8")
    ds = smlib.load(p)
    s = check_summary(ds)
    assert s["rows_kept"] == 2 and s["reasons"] == {}
    assert s["columns_used"] == {"text": "reviewText", "author_id": "reviewerID", "author_name": "reviewerName",
                                 "created_at": "unixReviewTime"}
    assert ds.interactions["created_at"].tolist() == [pd.Timestamp(1767610000, unit="s", tz="UTC"),
                                                      pd.Timestamp(1767696400, unit="s", tz="UTC")]
    q = tmp_path / "api.csv"
    q.write_text("id,createdAt,authorName,likeCount,text\n1,2026-01-05T10:00:00Z,Bo,4,hello\n", encoding="utf-8")
    s = check_summary(smlib.load(q))
    assert s["columns_used"] == {"text": "text", "created_at": "createdAt", "message_id": "id",
                                 "author_name": "authorName", "likes": "likeCount"}


def test_zip_download_names_the_messages_file_inside(tmp_path):
    """A whole platform download passed as its zip: the error names the file with the messages
    first (not whatever the zip lists first, such as manifest.js), then the other candidates."""
    import zipfile
    z = tmp_path / "twitter-2026-01-05.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("data/manifest.js", "window.__THAR_CONFIG = {}")
        f.writestr("data/account.js", "window.YTD.account.part0 = []")
        f.writestr("data/direct-messages.js", "window.YTD.direct_messages.part0 = []")
        f.writestr("data/tweets.js", "window.YTD.tweets.part0 = []")
    with pytest.raises(DataError) as e:
        smlib.load(z)
    msg = str(e.value)
    assert "twitter-2026-01-05.zip" in msg and "'data/tweets.js'" in msg
    assert msg.index("data/tweets.js") < msg.index("data/direct-messages.js") and "manifest" not in msg
    other = tmp_path / "photos.zip"
    with zipfile.ZipFile(other, "w") as f:
        f.writestr("a.jpg", "x")
        f.writestr("notes.csv", "a,b\n")
    with pytest.raises(DataError, match=r"unzip it and pass one file inside, e\.g\. \['notes\.csv'\]"):
        smlib.load(other)


def test_excel_sheet_with_title_rows_above_the_table(tmp_path):
    """Tool exports in Excel put a title, a date and a blank row above the table (as CSVs do, which
    were already handled): the header row is found below them, and the summary says so. A sheet
    with no recognisable header anywhere keeps its clear error."""
    pytest.importorskip("openpyxl")
    rows = [["Inbox export - Cafe Nova", None, None], ["Generated 2026-01-08", None, None], [None, None, None],
            ["Date", "From", "Message"], ["2026-01-05 10:00", "ann", "Where is my order?"],
            ["2026-01-05 11:00", "bob", "Thanks for the help"]]
    p = tmp_path / "inbox.xlsx"
    pd.DataFrame(rows).to_excel(p, header=False, index=False)
    ds = smlib.load(p)
    s = check_summary(ds)
    assert s["format"] == "excel" and (s["rows_in"], s["rows_kept"]) == (2, 2)
    assert s["columns_used"] == {"text": "Message", "created_at": "Date", "author_id": "From"}
    assert any("header is row 4" in w for w in s["warnings"])
    assert ds.interactions["text"].tolist() == ["Where is my order?", "Thanks for the help"]
    q = tmp_path / "prices.xlsx"
    pd.DataFrame([["Product", "Price"], ["tea", 2]]).to_excel(q, header=False, index=False)
    with pytest.raises(DataError, match="Product"):
        smlib.load(q)


def test_unzipped_download_folder_names_the_messages_file(tmp_path):
    """An unzipped download passed as its folder: the error names the messages file first."""
    (tmp_path / "data").mkdir()
    for name in ("manifest.js", "account.js", "direct-messages.js", "tweets.js"):
        (tmp_path / "data" / name).write_text("window.YTD.x.part0 = []")
    with pytest.raises(DataError) as e:
        smlib.load(tmp_path)
    msg = str(e.value)
    assert "folder" in msg and f"'data{os.sep}tweets.js'" in msg and "manifest" not in msg
    assert msg.index("tweets.js") < msg.index("direct-messages.js")


# ---- found by an independent review of this session's loader changes (each failed before) ----

def test_positions_find_the_header_by_its_names(tmp_path):
    """columns= by position says nothing about which line holds the names: numpy whole numbers
    count as positions; a first line with a written date is data; a survey header whose column is
    a whole question is a header; title rows above a header are still skipped (CSV and Excel)."""
    h = tmp_path / "h.csv"
    h.write_text("1467810369,2026-01-05 10:00,bob,hello there\n1467810370,2026-01-06 10:00,ann,hi you\n")
    assert check_summary(smlib.load(h, columns={"text": np.int64(3), "created_at": np.int64(1)}))["rows_in"] == 2
    d = tmp_path / "d.csv"
    d.write_text("05 Jul 2026 10:00,hi\n06 Jul 2026 11:00,yo\n07 Jul 2026 11:00,hey\n")
    assert check_summary(smlib.load(d, columns={"text": 1, "created_at": 0}))["rows_kept"] == 3
    g = tmp_path / "form.csv"
    g.write_text("Timestamp,What did you think of our service today? Please tell us more,Email\n"
                 "2026-01-05 10:00,Slow but friendly,a@x.org\n2026-01-06 11:00,Great,b@x.org\n")
    s = check_summary(smlib.load(g, columns={"text": 1, "created_at": 0}))
    assert (s["rows_in"], s["reasons"]) == (2, {}) and not any("no header" in w for w in s["warnings"])
    with pytest.raises(DataError, match="cannot tell which column holds 'text'"):
        smlib.load(g)                                   # not "no header row"
    t = tmp_path / "title.csv"
    t.write_text("Messages export,,\nDate,Message,From\n2026-01-05 10:00,hello,ann\n")
    s = check_summary(smlib.load(t, columns={"text": 1, "created_at": 0}))
    assert (s["rows_in"], s["columns_used"]["author_id"]) == (1, "From")
    pytest.importorskip("openpyxl")
    x = tmp_path / "title.xlsx"
    pd.DataFrame([["Messages export", None], ["Date", "Message"], ["2026-01-05 10:00", "hello"]]).to_excel(
        x, header=False, index=False)
    s = check_summary(smlib.load(x, columns={"text": 1, "created_at": 0}))
    assert (s["rows_in"], s["rows_kept"], s["columns_used"]["text"]) == (1, 1, "Message")


def test_camel_case_never_costs_a_plain_name(tmp_path):
    """'UserName' is 'username' (an author id) before it is 'user_name' (a display name)."""
    p = tmp_path / "u.csv"
    p.write_text("Date,UserName,Message\n2026-01-05 10:00,bob,hello\n")
    ds = smlib.load(p)
    assert check_summary(ds)["columns_used"]["author_id"] == "UserName"
    assert ds.interactions["author_id"].tolist() == ["bob"]


def test_reddit_export_does_not_claim_tables_with_authors(tmp_path):
    """A scraped comments table (it has an author column and no ip/gildings) is not the account's
    own export: authors are kept, only org_handles mark the organisation."""
    p = tmp_path / "scraped.csv"
    p.write_text("id,author,permalink,date,subreddit,link,parent,body,score\n"
                 "c1,ann,/r/x/comments/p1/t/c1/,2026-01-05 10:00:00 UTC,x,/r/x/comments/p1/t/,t3_p1,Broken again,3\n"
                 "c2,shop_support,/r/x/comments/p1/t/c2/,2026-01-05 11:00:00 UTC,x,/r/x/comments/p1/t/,t1_c1,Sorry!,1\n")
    ds = smlib.load(p, org_handles=["shop_support"])
    s = check_summary(ds)
    assert s["format"] == "csv"
    assert dict(zip(ds.interactions["author_id"], ds.interactions["author_is_org"])) == {"ann": False,
                                                                                        "shop_support": True}


def test_records_keep_long_integer_ids_exact(tmp_path):
    """A 19-digit id in JSON records stays exact when another record lacks a value in that field
    (pandas would make the column float and round it)."""
    p = tmp_path / "r.json"
    p.write_text('[{"id": 1467810369123456789, "text": "a post", "date": "2026-01-05T10:00:00Z", "parent_id": null,'
                 ' "user_id": 1234567890123456789},'
                 ' {"id": 1467810369123456791, "text": "a reply", "date": "2026-01-05T11:00:00Z",'
                 ' "parent_id": 1467810369123456789}]')
    ds = smlib.load(p)
    s = check_summary(ds)
    f = ds.interactions
    assert f["message_id"].tolist() == ["1467810369123456789", "1467810369123456791"]
    assert f["parent_id"].iloc[1] == "1467810369123456789" and f["author_id"].iloc[0] == "1234567890123456789"
    assert not any("Excel" in w for w in s["warnings"])


def test_label_values_platform_comes_from_paths_not_from_what_people_wrote(tmp_path):
    p = tmp_path / "posts.json"
    p.write_text(json.dumps([
        {"timestamp": 1767610000, "fbid": "4001", "label_values": [
            {"label": "Message", "value": "New photos on our Instagram: https://www.instagram.com/shop"}]},
        {"timestamp": 1767610001, "fbid": "4002", "label_values": [{"label": "Message", "value": "Open today"}]}]))
    assert check_summary(smlib.load(p))["platforms"] == ["facebook"]
    assert check_summary(smlib.load(p, format="instagram"))["platforms"] == ["instagram"]   # forcing works


def test_x_api_tweets_by_one_other_user_are_not_the_organisations(tmp_path):
    """One user who is not the organisation named by org_handles: their tweets are theirs; a tweet
    without a user in an API list is 'unknown', never the organisation's. A saved v2 page list
    that ends with an empty page loads."""
    tw = {"created_at": "Wed Oct 10 20:19:24 +0000 2018", "full_text": "@shop late again",
          "user": {"screen_name": "bob", "name": "Bob"}}
    p = tmp_path / "bob.json"
    p.write_text(json.dumps([dict(tw, id_str="1"), dict(tw, id_str="2")]))
    ds = smlib.load(p, org_handles=["shop"])
    s = check_summary(ds)
    assert set(ds.interactions["author_id"]) == {"bob"} and not ds.interactions["author_is_org"].any()
    assert any("['shop']" in w for w in s["warnings"])
    q = tmp_path / "mixed.json"
    q.write_text(json.dumps([dict(tw, id_str="1"), {**tw, "id_str": "2", "user": {"screen_name": "Shop"}},
                             {k: v for k, v in dict(tw, id_str="3").items() if k != "user"}]))
    f = smlib.load(q, org_handles=["shop"]).interactions.set_index("message_id")
    assert (f.loc["3", "author_id"], bool(f.loc["3", "author_is_org"])) == ("", False)
    assert bool(f.loc["2", "author_is_org"]) and not f.loc["1", "author_is_org"]
    v2 = tmp_path / "pages.json"
    v2.write_text(json.dumps([{"data": [{"id": "1", "text": "hi", "created_at": "2021-11-15T19:08:05.000Z",
                                         "author_id": "9"}], "includes": {"users": [{"id": "9", "username": "ann"}]},
                               "meta": {"result_count": 1}}, {"meta": {"result_count": 0}}]))
    s = check_summary(smlib.load(v2))
    assert (s["format"], s["rows_in"], s["rows_kept"]) == ("twitter_archive", 1, 1)


@pytest.mark.parametrize("value, expect", [
    ("Mon Apr 06 2009 22:19:45 GMT-0700 (PDT)", "2009-04-07 05:19:45"),
    ("Mon Apr 06 2009 22:19:45 GMT-0700 (Pacific Daylight Time)", "2009-04-07 05:19:45"),
    ("Sun Jul 05 2026 10:00:00 GMT+0100 (British Summer Time)", "2026-07-05 09:00:00"),
])
def test_javascript_date_strings(value, expect):
    """JavaScript's Date.toString(): the bracketed zone name repeats the offset before it."""
    warn: list[str] = []
    out, _ = to_utc(pd.Series([value, value], dtype="str"), warn, local_tz="Europe/London")
    assert out.iloc[0] == utc(expect) and not any("no time zone" in w for w in warn)


def test_forced_encoding_leaving_half_an_emoji_in_json(tmp_path):
    """encoding='utf-7' can decode to half of a UTF-16 pair ('+2D0-' is U+D83D on its own): it
    becomes \ufffd with a warning, as an escaped half does, instead of a crash deep in pandas
    (fuzz seed 13)."""
    p = tmp_path / "reviews.json"
    p.write_bytes(b'[{"text": "hi +2D0- there", "date": "2026-01-05T10:00:00Z"}]')
    ds = smlib.load(p, encoding="utf-7")
    s = check_summary(ds)
    assert ds.interactions["text"].tolist() == ["hi \ufffd there"]
    assert any("broken character" in w for w in s["warnings"])


def test_a_stray_cr_inside_a_header_name_names_the_columns_pandas_reads(tmp_path):
    """Fuzz seed 21: the header was split at a bare CR ('Post\\rTime') while pandas kept the CR
    inside the name, so the columns smlib chose were not in the table read (KeyError inside)."""
    p = tmp_path / "posts.csv"
    p.write_bytes(b"Post Date,Post\r Time,Caption,Saves\n2024-07-05,2:22 PM,Summer \xe2\x98\x80,3\n"
                  b"2024-07-06,9:05 AM,Swim lessons,1\n")
    ds = smlib.load(p)
    s = check_summary(ds)
    assert s["rows_kept"] == 2
    assert ds.interactions["created_at"].tolist() == [utc("2024-07-05 14:22"), utc("2024-07-06 09:05")]


def test_json_records_with_a_list_where_a_value_belongs(tmp_path):
    """Fuzz seed 21: a list as a user id ended in 'unhashable type: list' from deep inside."""
    p = tmp_path / "reviews.json"
    p.write_text(json.dumps([
        {"id": "r1", "user": {"id": "u1"}, "text": "fine", "date": "2026-01-05", "likes": 2},
        {"id": "r2", "user": {"id": []}, "text": "ok", "date": "2026-01-05", "likes": [3]},
        {"id": "r3", "user": {"id": "u3"}, "text": ["a", "b"], "date": "2026-01-05", "likes": 1}]))
    ds = smlib.load(p, org_handles=["@a"])
    s = check_summary(ds)
    assert ds.interactions["author_id"].tolist() == ["u1", ""]
    assert ds.interactions["likes"].tolist() == [2, 0]
    assert s["reasons"] == {"no text": 1}
    assert any("are lists or objects" in w for w in s["warnings"])


def test_a_header_line_too_long_to_read_gives_a_clear_error(tmp_path):
    """Fuzz seed 23: a 70,000-character column name; smlib's header look (the first 64 KB) and
    pandas read different names, which ended in 'could not read this file (KeyError: ...)'."""
    p = tmp_path / "posts.csv"
    p.write_text("Post Date,Post T" + "x" * 70_000 + "ime,Caption\n2024-07-05,14:22,hello\n")
    with pytest.raises(smlib.DataError, match="could not be found in the table read from the rows") as err:
        smlib.load(p)
    assert "KeyError" not in str(err.value) and str(p) in str(err.value)


def test_x_api_v2_page_with_damaged_users_loads(tmp_path):
    """Fuzz seed 23: 'includes': {'users': -1} ended in "'int' object is not iterable"."""
    obj = json.loads((GOOD / "x_api_v2_recent_search.json").read_text(encoding="utf-8"))
    pages = obj if isinstance(obj, list) else [obj]
    for page in pages:
        page.setdefault("includes", {})["users"] = -1
    p = tmp_path / "search.json"
    p.write_text(json.dumps(obj))
    s = check_summary(smlib.load(p))
    assert s["format"] == "twitter_archive" and s["rows_kept"] == s["rows_in"] > 0


@pytest.mark.parametrize("name, org", [("Кафе.csv", "кафе"), ("店.csv", "店"), ("My Café (2025).csv", "cafe")])
def test_an_organisation_named_by_its_file_keeps_its_letters(tmp_path, name, org):
    """A file name with no Latin letters made the organisation 'unknown'; accents were cut out
    with their letters ('my-caf-2025')."""
    p = tmp_path / name
    p.write_text("text,date\nhello there,2026-01-05 09:00\n", encoding="utf-8")
    assert smlib.load(p).interactions["org"].astype(str).tolist() == [org]


def test_thread_ids_given_for_some_rows_are_filled_for_the_rest(tmp_path):
    """A source giving thread ids for some rows only left the others' thread_id empty (NaN), so
    they fell out of every conversation count; they now follow their reply links, else are their own."""
    p = tmp_path / "threads.csv"
    p.write_text("id,parent_id,thread_id,date,author,text\n"
                 "a,,a,2026-03-02 09:00,@shop,New opening hours\n"
                 "b,a,,2026-03-02 09:05,@jo,What about Sundays?\n"
                 "c,b,,2026-03-02 09:07,@shop,Closed on Sundays\n"
                 "d,,,2026-03-02 10:00,@sam,Is the car park open?\n"
                 "e,zz,,2026-03-02 10:05,@ann,Replying to an older post\n", encoding="utf-8")
    df = smlib.load(p).interactions
    assert df["thread_id"].tolist() == ["a", "a", "a", "d", "zz"]
    q = tmp_path / "no_links.csv"
    q.write_text("id,thread_id,date,author,text\nx,t1,2026-03-02 09:00,@a,hi\ny,,2026-03-02 09:01,@b,hello\n",
                 encoding="utf-8")
    assert smlib.load(q).interactions["thread_id"].tolist() == ["t1", "y"]
