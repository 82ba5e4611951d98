"""Session 14 review of the table loaders: each defect with the small file that shows it
(``tests/data/loaders/s14_tabular/``, made-up people) and a guard that a nearby valid case is
unchanged.

1. message ids were checked for repeats across the whole file, not per platform;
2. ids Excel rounded and wrote out in full (``570306133677760000``) were kept as real ids;
3. a time zone in the date column's name (``Date (ET)``, ``Created Time (PST)``) was ignored;
4. any header with the word "data" was taken for the date (``Extra data``) or the author;
5. error messages gave wrong advice (compressed files, PDF, OpenDocument, Meta/Google HTML, URLs,
   Mac Roman);
6. a real ``.xls`` could not be read (python-calamine missing);
7. ``platform=`` was stored as typed (``"tiktokk"``, ``"Facebook Page"``);
8. default spreadsheet file names (``Book1.csv``) became the organisation's name;
9. epoch milliseconds picked up float noise;
10. ``org=5``, ids wrapped as ``="123"`` or ``'123``, a reversed ``columns=``, a forced encoding
    that does not fit.
"""
from __future__ import annotations

import gzip
import io
import tarfile

import pandas as pd
import pytest

import smlib

from _loader_checks import HERE, check_summary, utc

S14 = HERE / "s14_tabular"


def load(name, **kw):
    ds = smlib.load(S14 / name, **kw)
    return ds.interactions, check_summary(ds)


# ── 1. repeats are per platform ─────────────────────────────────────────────────────────
def test_the_same_id_on_two_platforms_is_two_messages():
    """id 1 on X and id 1 on Facebook: the second was dropped as 'duplicate message_id'."""
    f, s = load("multiplat_same_ids.csv")
    keys = list(zip(f["platform"].astype(str), f["message_id"]))
    assert keys == [("x", "1"), ("facebook", "1"), ("facebook", "2"), ("x", "2"), ("x", "3")]
    # guard: 'Twitter' and 'x' are one platform, so the last row still repeats x's id 3
    assert s["reasons"] == {"duplicate message_id": 1}


def test_reply_links_stay_on_their_own_platform():
    """A Facebook reply to '1' answers Facebook's 1, never X's 1 (threads and reply counts)."""
    f, _ = load("multiplat_same_ids.csv")
    by = f.set_index([f["platform"].astype(str), "message_id"])
    assert by.loc[("facebook", "2"), "thread_id"] == "1" and by.loc[("x", "2"), "thread_id"] == "1"
    assert by.loc[("facebook", "1"), "replies"] == 1 and by.loc[("x", "1"), "replies"] == 1
    answered = smlib.threads.add_response_times(f.assign(author_is_org=f["message_id"] == "2"))
    got = answered.set_index([answered["platform"].astype(str), "message_id"])["first_response_at"]
    assert got[("x", "1")] == utc("2026-11-20 10:03") and got[("facebook", "1")] == utc("2026-11-20 10:02")


def test_a_repeat_on_one_platform_is_still_dropped(tmp_path):
    p = tmp_path / "dups.csv"
    p.write_text("id,platform,text,date\n7,x,a,2026-11-20T10:00:00Z\n7,x,b,2026-11-20T10:01:00Z\n")
    f, s = smlib.load(p).interactions, smlib.load(p).load_summary
    assert f["text"].tolist() == ["a"] and s["reasons"] == {"duplicate message_id": 1}


# ── 2. ids Excel rounded and wrote out in full ─────────────────────────────────────────────
def test_excel_zero_tail_ids_are_reported_like_the_e17_form():
    f, s = load("excel_zero_tail_ids.csv")
    assert s["rows_kept"] == 3 and s["reasons"] == {}
    assert f["message_id"].tolist() == ["row-1", "row-2", "row-3"]
    assert f["parent_id"].isna().all()
    assert s["repairs"] == {"message_id mangled by Excel (replaced by row number)": 3,
                            "parent_id mangled by Excel (reply link dropped)": 1}
    assert any("rounded by Excel (e.g. '570306133677760000')" in w for w in s["warnings"])


def test_one_real_id_ending_in_000_is_kept():
    """Guard: a real id ends in 000 once in a thousand; alone it proves nothing."""
    f, s = load("real_ids_one_ending_000.csv")
    assert f["message_id"].tolist()[1] == "570306133677761000"
    assert f["parent_id"].tolist()[2] == "570306133677761000"
    assert s["repairs"] == {} and not any("Excel" in w for w in s["warnings"])


def test_a_repeated_row_with_a_zero_tail_id_is_a_repeat_not_excel():
    """Guard: the same message twice (real exports repeat rows) is a duplicate, as before."""
    f, s = load("repeated_row_with_zero_tail_id.csv")
    assert s["reasons"] == {"duplicate message_id": 1} and s["repairs"] == {}
    assert f["message_id"].iloc[0] == "570306133677760000"


# ── 3. a zone in the date column's name ───────────────────────────────────────────────────
@pytest.mark.parametrize("name, when, zone", [
    ("date_et.csv", "2026-07-20 14:00", "America/New_York"),      # EDT in July
    ("created_time_pst.csv", "2026-07-20 18:00", "UTC-08:00"),    # PST is -08:00, as in values
    ("time_est.csv", "2026-07-20 15:00", "UTC-05:00"),
    ("timestamp_europe_berlin.csv", "2026-07-20 08:00", "Europe/Berlin"),
])
def test_a_zone_in_the_date_header_is_read(name, when, zone):
    f, s = load(name)
    assert f["created_at"].iloc[0] == utc(when)
    assert any(f"column's name says its times are {zone}" in w for w in s["warnings"])
    assert not any(w.startswith("dates had no time zone") for w in s["warnings"])


def test_a_date_with_its_own_zone_wins_over_the_header():
    f, _ = load("timestamp_europe_berlin.csv")
    assert f["created_at"].iloc[1] == utc("2026-07-20 10:00")


@pytest.mark.parametrize("header, zone", [("Date (UTC)", "UTC"), ("Date (GMT+1)", "UTC+01:00"), ("Date", None),
                                          ("Date (dd/mm/yyyy)", None), ("Date (Local)", None),
                                          ("Created Time (PST)", "UTC-08:00"), ("Date (ET)", "America/New_York")])
def test_header_zone_reads_only_zones(header, zone):
    from smlib.loaders import tabular
    assert tabular.header_zone({"created_at": header}) == zone


def test_a_zone_given_by_the_user_still_wins_over_the_header():
    f, s = load("created_time_pst.csv", timezone="Europe/London")
    assert f["created_at"].iloc[0] == utc("2026-07-20 09:00")
    assert any("was given and used" in w for w in s["warnings"])


# ── 4. "data" is a date header only on its own ───────────────────────────────────────────
def test_extra_data_is_not_the_date_column():
    """'Extra data' was taken as the date: every row skipped as 'unparseable date'."""
    with pytest.raises(smlib.DataError, match="cannot tell which column holds 'created_at'"):
        smlib.load(S14 / "extra_data_column.csv")


def test_user_data_is_not_the_author():
    f, s = load("user_data_column.csv")
    assert "author_id" not in s["columns_used"] and s["columns_used"]["created_at"] == "Posted on"


def test_an_italian_data_column_is_still_the_date():
    f, s = load("italian_data_column.csv")
    assert s["columns_used"]["created_at"] == "Data" and f["created_at"].iloc[0] == utc("2026-11-20 10:00")
    assert f["author_id"].tolist() == ["Giulia Neri"]


# ── 5. what the file is, in the error ─────────────────────────────────────────────────────
def test_a_gzip_file_is_said_to_be_compressed(tmp_path):
    p = tmp_path / "tweets.csv.gz"
    p.write_bytes(gzip.compress(b"id,text,date\n1,hi,2026-11-20T10:00:00Z\n"))
    with pytest.raises(smlib.DataError, match="compressed .*decompress it first") as e:
        smlib.load(p)
    assert "encoding" not in str(e.value) and "tweets.csv.gz" in str(e.value)


def test_a_tar_gz_is_said_to_be_an_archive(tmp_path):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        data = b"id,text,date\n1,hi,2026-11-20T10:00:00Z\n"
        info = tarfile.TarInfo("export/tweets.csv")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    p = tmp_path / "export.tar.gz"
    p.write_bytes(buf.getvalue())
    with pytest.raises(smlib.DataError, match="archive .*extract it first"):
        smlib.load(p)


def test_a_pdf_is_said_to_be_a_pdf():
    with pytest.raises(smlib.DataError, match="PDF document") as e:
        smlib.load(S14 / "report.pdf")
    assert "gbk" not in str(e.value) and "encoding" not in str(e.value)


def test_an_opendocument_sheet_loads():
    """sheet.ods got "zip archive: unzip it"; python-calamine reads it."""
    f, s = load("opendocument_sheet.ods")
    assert f["text"].tolist() == ["hello"] and s["format"] == "excel"


def test_an_opendocument_sheet_without_calamine_says_save_as_xlsx(monkeypatch):
    from smlib.loaders import _source
    monkeypatch.setattr(_source, "_calamine", lambda: False)
    with pytest.raises(smlib.DataError, match="OpenDocument spreadsheet .*save it as Excel"):
        smlib.load(S14 / "opendocument_sheet.ods")


@pytest.mark.parametrize("name, says", [("your_posts_1.html", "Facebook or Instagram download"),
                                        ("my-comments.html", "Google Takeout download")])
def test_a_meta_or_google_html_download_says_ask_for_json(name, says):
    with pytest.raises(smlib.DataError, match=says) as e:
        smlib.load(S14 / name)
    assert "JSON" in str(e.value) and "Excel" not in str(e.value)


def test_other_html_keeps_the_save_as_xlsx_advice():
    """Guard: a tool's 'Excel' export saved as a web page."""
    with pytest.raises(smlib.DataError, match="save it as .xlsx or .csv"):
        smlib.load(HERE / "tools" / "html_as_xls_export.xls")


def test_a_web_address_says_download_it_first():
    with pytest.raises(smlib.DataError, match="web address.*download the file first") as e:
        smlib.load("https://example.com/data.csv")
    assert "https://example.com/data.csv" in str(e.value)


def test_a_mac_roman_csv_is_read_as_mac_roman():
    """Was refused with the advice encoding='cp1251' (Cyrillic)."""
    f, s = load("mac_roman.csv")
    assert f["text"].tolist() == ["Café – great’s", "Crème brûlée"]
    assert s["encoding"] == "mac_roman" and any("Mac Roman" in w for w in s["warnings"])


def test_a_cp1252_csv_is_still_cp1252():
    f, s = load("cp1252_accents.csv")
    assert f["text"].tolist() == ["café crème"] and s["encoding"] == "cp1252"


# ── 6. .xls ──────────────────────────────────────────────────────────────────────────────
def test_a_real_xls_workbook_loads():
    f, s = load("old_format.xls")
    assert f["text"].tolist() == ["Is the cafe open on Sunday?", "Thanks for the quick reply!"]
    assert f["created_at"].tolist() == [utc("2026-03-01 10:00"), utc("2026-03-01 11:30")]


def test_python_calamine_is_a_dependency():
    """pandas reads .xls (and .ods) only with python-calamine; without it every real .xls failed."""
    import tomllib
    py = tomllib.loads((HERE.parents[2] / "pyproject.toml").read_text())
    assert any(d.lower().startswith("python-calamine") for d in py["project"]["dependencies"])


def test_a_damaged_xls_is_a_clear_error():
    with pytest.raises(smlib.DataError, match="cannot be read.*save the sheet as CSV"):
        smlib.load(S14 / "damaged.xls")


# ── 7. platform= ─────────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize("given, code", [("Facebook Page", "facebook"), ("Twitter", "x"),
                                         ("X (formerly Twitter)", "x"), ("Instagram Business", "instagram"),
                                         ("youtube", "youtube")])
def test_platform_is_mapped_as_column_values_are(given, code):
    f, s = load("epoch_ms.csv", platform=given)
    assert set(f["platform"].astype(str)) == {code} and s["platforms"] == [code]


def test_a_misspelt_platform_is_an_error_listing_them():
    with pytest.raises(smlib.DataError, match=r"platform='tiktokk' is not one of .*'tiktok'.*did you mean"):
        smlib.load(S14 / "epoch_ms.csv", platform="tiktokk")


def test_an_unknown_platform_is_kept_with_a_warning():
    f, s = load("epoch_ms.csv", platform="WhatsApp")
    assert set(f["platform"].astype(str)) == {"whatsapp"}
    assert any("platform='WhatsApp' is not among smlib's platforms" in w for w in s["warnings"])


# ── 8. default file names name no organisation ───────────────────────────────────────────
@pytest.mark.parametrize("name", ["Book1.csv", "Untitled spreadsheet - Sheet1.csv", "mentions_last_week.csv",
                                  "P3 evidence.csv", "comments 2026-11-25.csv", "unit3_task2.csv",
                                  "Monitoring log.csv", "student work.csv", "output.csv"])
def test_a_default_file_name_names_no_organisation(tmp_path, name):
    p = tmp_path / name
    p.write_text("text,date\nhello,2026-11-20T10:00:00Z\n")
    assert smlib.load(p).interactions["org"].astype(str).tolist() == ["this organisation"]


@pytest.mark.parametrize("name, org", [("reviews_acme.csv", "acme"), ("Riverside Cafe mentions last week.csv",
                                                                      "riverside-cafe")])
def test_a_file_name_with_a_name_still_names_it(tmp_path, name, org):
    p = tmp_path / name
    p.write_text("text,date\nhello,2026-11-20T10:00:00Z\n")
    assert smlib.load(p).interactions["org"].astype(str).tolist() == [org]


# ── 9. epoch milliseconds ────────────────────────────────────────────────────────────────
def test_epoch_milliseconds_are_exact():
    f, _ = load("epoch_ms.csv")
    assert f["created_at"].tolist() == [pd.Timestamp("2024-11-25 13:06:40.123", tz="UTC"),
                                        pd.Timestamp("2024-11-25 13:06:40.999", tz="UTC"),
                                        pd.Timestamp("2024-11-25 13:06:40", tz="UTC")]


def test_epoch_fractions_and_range_as_before():
    from smlib.loaders._time import _epoch
    got = _epoch(pd.Series(["1366044279.5", "", "-99999999999", "1732540000123"])).tolist()
    assert got[0] == pd.Timestamp("2013-04-15 16:44:39.5", tz="UTC") and pd.isna(got[1]) and pd.isna(got[2])
    assert got[3] == pd.Timestamp("2024-11-25 13:06:40.123", tz="UTC")


# ── 10. small things ─────────────────────────────────────────────────────────────────────
def test_org_must_be_text():
    with pytest.raises(smlib.DataError, match="org= must be the organisation's name or handle as text") as e:
        smlib.load(S14 / "epoch_ms.csv", org=5)
    assert "factorize" not in str(e.value)


@pytest.mark.parametrize("name", ["apostrophe_ids.csv", "formula_ids.csv"])
def test_spreadsheet_id_wrappers_are_removed(name):
    f, _ = load(name)
    assert f["message_id"].tolist() == ["1234567890123456789", "1234567890123456790"]
    assert f["parent_id"].tolist()[1] == "1234567890123456789" and f["replies"].tolist() == [1, 0]


def test_ids_with_other_quotes_are_kept(tmp_path):
    """Guard: only a spreadsheet's own marks are taken off."""
    p = tmp_path / "ids.csv"
    p.write_text("id,text,date\nab'12,hello,2026-11-25T14:03:00Z\n'abc,hi,2026-11-25T14:04:00Z\n")
    assert smlib.load(p).interactions["message_id"].tolist() == ["ab'12", "'abc"]


def test_a_reversed_columns_map_suggests_the_swap():
    with pytest.raises(smlib.DataError, match=r"wrong way round: try columns=\{'text': 'Comment'\}"):
        smlib.load(S14 / "user_data_column.csv", columns={"Comment": "text"})


def test_a_forced_encoding_that_does_not_fit_is_warned_with_a_count():
    f, s = load("cp1252_accents.csv", encoding="utf-8")
    assert f["text"].tolist() == ["caf\ufffd cr\ufffdme"]
    assert any(w.startswith("2 character(s) could not be read as encoding='utf-8'") for w in s["warnings"])
    f, s = load("cp1252_accents.csv", encoding="cp1252")   # guard: a fitting one says nothing
    assert f["text"].tolist() == ["café crème"] and not any("could not be read" in w for w in s["warnings"])
