"""Review-site exports (smlib/loaders/review_exports.py): Google Play Console's reviews report,
Trustpilot's business export (CSV, Excel) and API JSON, App Store Connect's customerReviews.

Each fixture in tests/data/loaders/review_exports/ is hand-made (invented text) in the column
layout the platform documents (see docs/loading.md, *Review-site exports*). Before this module
they loaded as generic tables or records: the business's answers were lost (Google Play,
Trustpilot, App Store) or the stars were (App Store), so no review could count as answered.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import smlib
from smlib.loaders import detect_format

DATA = Path(__file__).parent / "data" / "loaders" / "review_exports"
PLAY = DATA / "reviews_reviews_com.example.busapp_202603.csv"
TP_CSV = DATA / "trustpilot_reviews_export.csv"
TP_JSON = DATA / "trustpilot_api_reviews.json"
APPLE = DATA / "app_store_customer_reviews.json"


def check(ds: smlib.Dataset) -> dict:
    """The load summary, after the counting promise every load keeps."""
    s = ds.load_summary
    assert s["rows_kept"] + s["rows_skipped"] == s["rows_in"]
    assert sum(s["reasons"].values()) == s["rows_skipped"]
    assert len(ds.interactions) == s["rows_kept"]
    return s


def by_id(ds: smlib.Dataset) -> pd.DataFrame:
    return ds.interactions.set_index("message_id")


def utc(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


# ── Google Play Console ──────────────────────────────────────────────────────────────────────
def play_utf16(tmp_path: Path) -> Path:
    """The report as Google's bucket holds it: UTF-16 with a byte-order mark. (The fixture itself
    is kept in UTF-8 so that the byte-level fuzzing of the fixtures can edit it as text.)"""
    p = tmp_path / PLAY.name
    p.write_bytes(PLAY.read_text(encoding="utf-8").encode("utf-16"))
    assert p.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    return p


def test_google_play_utf16_report_gives_reviews_and_developer_replies(tmp_path):
    """The monthly report as Google writes it (UTF-16 with a BOM): 4 reviews, 3 developer replies
    (one of them with no words), title + text as the message, epoch milliseconds as the time."""
    ds = smlib.load(play_utf16(tmp_path))
    s = check(ds)
    assert (s["format"], s["encoding"]) == ("google_play", "utf-16")
    assert smlib.load(PLAY).interactions.equals(ds.interactions)   # the same in UTF-8
    assert (s["rows_in"], s["rows_kept"], s["reasons"]) == (7, 6, {"no text": 1})
    f = by_id(ds)
    assert f["kind"].astype(str).to_dict() == {
        "gp:AOqpTOE1": "review", "gp:AOqpTOE1/reply": "reply", "gp:AOqpTOE2": "review",
        "gp:AOqpTOE3": "review", "gp:AOqpTOE4": "review", "gp:AOqpTOE4/reply": "reply"}
    assert f["author_is_org"].to_dict() == {k: k.endswith("/reply") for k in f.index}
    assert set(f["platform"].astype(str)) == {"reviews"}
    reply = f.loc["gp:AOqpTOE1/reply"]
    assert (reply["parent_id"], reply["thread_id"]) == ("gp:AOqpTOE1", "gp:AOqpTOE1")
    assert f.loc["gp:AOqpTOE1", "thread_id"] == "gp:AOqpTOE1"
    assert reply["created_at"] == utc("2026-03-02 11:45")
    assert f.loc["gp:AOqpTOE1", "created_at"] == utc("2026-03-02 09:15")
    assert f.loc["gp:AOqpTOE1", "text"].startswith("Crashes on start\n\nThe app closes")
    assert f.loc["gp:AOqpTOE2", "text"] == "Quick and easy to buy a day pass"   # no title
    assert f.loc["gp:AOqpTOE1", "language"] == "en"


def test_google_play_package_names_the_organisation_unless_org_is_given():
    ds = smlib.load(PLAY)
    assert set(ds.interactions["org"].astype(str)) == {"com-example-busapp"}
    assert by_id(ds).loc["gp:AOqpTOE1/reply", "author_id"] == "com.example.busapp"
    assert not any("after the file's name" in w for w in ds.load_summary["warnings"])
    ds = smlib.load(PLAY, org="bus-co", org_handles=["BusCo"])
    assert set(ds.interactions["org"].astype(str)) == {"bus-co"}
    assert by_id(ds).loc["gp:AOqpTOE1/reply", "author_id"] == "BusCo"


def test_a_review_without_a_reply_and_a_reply_without_text():
    """gp:AOqpTOE2 has no developer reply (no reply row, 0 replies); gp:AOqpTOE3's reply has a
    date but no words: counted under 'no text' (row '3 (reply)'), not silently dropped."""
    ds = smlib.load(PLAY)
    s = check(ds)
    f = by_id(ds)
    assert "gp:AOqpTOE2/reply" not in f.index and f.loc["gp:AOqpTOE2", "replies"] == 0
    assert f.loc["gp:AOqpTOE1", "replies"] == 1
    assert "gp:AOqpTOE3/reply" not in f.index and "gp:AOqpTOE3" in f.index
    assert s["reasons"] == {"no text": 1} and s["examples"]["no text"] == ["3 (reply)"]


def test_a_bad_star_value_keeps_its_review_with_the_rating_unknown_and_warns():
    ds = smlib.load(PLAY)
    s = check(ds)
    f = by_id(ds)
    assert f.loc[["gp:AOqpTOE1", "gp:AOqpTOE2", "gp:AOqpTOE3"], "rating"].tolist() == [1, 5, 2]
    assert pd.isna(f.loc["gp:AOqpTOE4", "rating"]) and f.loc["gp:AOqpTOE4", "kind"] == "review"
    assert pd.isna(f.loc["gp:AOqpTOE1/reply", "rating"])   # a reply has no stars
    warned = [w for w in s["warnings"] if "star rating" in w]
    assert len(warned) == 1 and warned[0].startswith("1 star rating(s) in 'Star Rating'") and "'lots'" in warned[0]


def test_google_play_without_review_links_or_millis(tmp_path):
    """Rows whose link is empty get row numbers; without the millis column the date text is used."""
    text = PLAY.read_text(encoding="utf-8").splitlines()
    head = text[0].split(",")
    drop = [head.index("Review Submit Millis Since Epoch"), head.index("Developer Reply Millis Since Epoch")]
    import csv
    import io
    rows = list(csv.reader(io.StringIO("\n".join(text))))
    rows = [[c for i, c in enumerate(r) if i not in drop] for r in rows]
    rows[1][-1] = ""   # no Review Link on the first review
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    p = tmp_path / "play.csv"
    p.write_text(out.getvalue(), encoding="utf-8")
    ds = smlib.load(p)
    check(ds)
    f = by_id(ds)
    assert f.loc["row-1/reply", "parent_id"] == "row-1"
    assert f.loc["row-1", "created_at"] == utc("2026-03-02 09:15")
    assert f.loc["row-1/reply", "created_at"] == utc("2026-03-02 11:45")


# ── Trustpilot ───────────────────────────────────────────────────────────────────────────────
def test_trustpilot_business_csv_export():
    ds = smlib.load(TP_CSV)
    s = check(ds)
    assert (s["format"], s["rows_in"], s["rows_kept"]) == ("trustpilot", 5, 5)
    f = by_id(ds)
    assert f["kind"].astype(str).tolist() == ["review", "reply", "review", "review", "reply"]
    assert f.loc["5f1a0001/reply", "parent_id"] == "5f1a0001" and f.loc["5f1a0001/reply", "author_is_org"]
    assert f.loc["5f1a0003/reply", "thread_id"] == "5f1a0003"
    assert f.loc["5f1a0001", "author_id"] == "c-101" and f.loc["5f1a0001", "author_name"] == "Ann P."
    assert f.loc[["5f1a0001", "5f1a0002", "5f1a0003"], "rating"].tolist() == [2, 5, 1]
    assert f.loc["5f1a0001/reply", "created_at"] == utc("2026-03-02 15:30")   # "(UTC)" obeyed
    assert set(ds.interactions["org"].astype(str)) == {"acme-shop"}          # Webshop Name
    assert f.loc["5f1a0001", "text"].startswith("Late delivery\n\nMy parcel came")
    # the organisation's zone does not move times the header says are UTC
    g = by_id(smlib.load(TP_CSV, org="riverside-leisure"))
    assert g.loc["5f1a0001", "created_at"] == utc("2026-03-02 10:00")


def test_trustpilot_export_saved_as_a_workbook(tmp_path):
    df = pd.read_csv(TP_CSV, dtype=str, keep_default_na=False)
    p = tmp_path / "Trustpilot reviews.xlsx"
    df.to_excel(p, index=False)
    ds = smlib.load(p)
    s = check(ds)
    assert (s["format"], s["rows_kept"]) == ("trustpilot", 5)
    assert ds.interactions["kind"].astype(str).tolist().count("reply") == 2
    assert detect_format(p) == "trustpilot"


def test_trustpilot_api_json_with_company_replies():
    ds = smlib.load(TP_JSON)
    s = check(ds)
    assert (s["format"], s["rows_in"], s["rows_kept"]) == ("trustpilot", 3, 3)
    f = by_id(ds)
    assert f.loc["6a0b0001", "author_name"] == "Dee R." and f.loc["6a0b0001", "author_id"] == "c-201"
    assert f.loc["6a0b0001/reply", "text"] == "Sorry Dee, a replacement is on its way today."
    assert f.loc["6a0b0001/reply", "created_at"] == utc("2026-03-02 09:30")
    assert (f.loc["6a0b0001/reply", "parent_id"], f.loc["6a0b0001/reply", "author_is_org"]) == ("6a0b0001", True)
    assert "6a0b0002/reply" not in f.index   # companyReply: null
    assert f.loc[["6a0b0001", "6a0b0002"], "rating"].tolist() == [1, 4]
    assert set(ds.interactions["org"].astype(str)) == {"acme-shop"}   # businessUnit.displayName


def test_trustpilot_json_with_damaged_items_keeps_honest_counts(tmp_path):
    obj = json.loads(TP_JSON.read_text())
    obj["reviews"][1]["stars"] = "ten"
    obj["reviews"][0]["companyReply"] = {"text": "", "createdAt": "2026-03-02T09:30:00Z"}
    obj["reviews"].append("not a review")
    p = tmp_path / "tp.json"
    p.write_text(json.dumps(obj))
    ds = smlib.load(p)
    s = check(ds)
    assert (s["rows_in"], s["rows_kept"]) == (4, 2)
    assert s["reasons"] == {"no text": 1, "not a Trustpilot review": 1}
    assert pd.isna(by_id(ds).loc["6a0b0002", "rating"])
    assert any("'stars'" in w and "'ten'" in w for w in s["warnings"])


# ── App Store Connect ────────────────────────────────────────────────────────────────────────
def test_app_store_connect_reviews_with_included_responses():
    ds = smlib.load(APPLE, org="bus-co")
    s = check(ds)
    assert (s["format"], s["rows_in"], s["rows_kept"]) == ("app_store", 3, 3)
    f = by_id(ds)
    assert f.loc[["00000028-0001", "00000028-0002"], "rating"].tolist() == [2, 5]
    r = f.loc["00000028-0001/reply"]
    assert (r["kind"], r["author_is_org"], r["parent_id"], r["thread_id"]) == \
        ("reply", True, "00000028-0001", "00000028-0001")
    assert r["created_at"] == utc("2026-03-02 20:00")            # -08:00 read as its offset
    assert f.loc["00000028-0001", "created_at"] == utc("2026-03-02 16:10:34")
    assert f.loc["00000028-0001", "author_id"] == "fenwick22" and f.loc["00000028-0001", "location"] == "GBR"
    assert f.loc["00000028-0001", "text"] == "Login loop\n\nKeeps asking me to log in again"
    assert "00000028-0002/reply" not in f.index


def test_app_store_response_linked_from_its_own_relationship(tmp_path):
    """A response may name its review (relationships.review) instead of the review naming it."""
    obj = json.loads(APPLE.read_text())
    del obj["data"][0]["relationships"]
    obj["included"][0]["relationships"] = {"review": {"data": {"type": "customerReviews", "id": "00000028-0001"}}}
    p = tmp_path / "asc.json"
    p.write_text(json.dumps(obj))
    f = by_id(smlib.load(p))
    assert f.loc["00000028-0001/reply", "parent_id"] == "00000028-0001"


# ── detection, format names, the analyses ────────────────────────────────────────────────────
def test_detection_claims_these_layouts_and_nothing_else(tmp_path):
    assert [detect_format(p) for p in (PLAY, TP_CSV, TP_JSON, APPLE)] == \
        ["google_play", "trustpilot", "trustpilot", "app_store"]
    plain = tmp_path / "feedback.csv"
    plain.write_text("date,author,stars,review\n2026-03-01 09:00,Ann,4,Good service\n", encoding="utf-8")
    flat = tmp_path / "flat.json"
    flat.write_text(json.dumps({"reviews": [{"id": "t1", "stars": 1, "text": "Late", "createdAt": "2026-03-01T09:00:00Z",
                                             "author": "ann"}]}))
    assert [detect_format(plain), detect_format(flat)] == ["csv", "records"]


def test_format_names_can_be_forced_and_are_checked():
    assert smlib.load(TP_CSV, format="trustpilot").load_summary["format"] == "trustpilot"
    assert smlib.load(TP_JSON, format="trustpilot").load_summary["format"] == "trustpilot"
    assert smlib.load(PLAY, format="play").load_summary["format"] == "google_play"
    assert smlib.load(APPLE, format="app_store").load_summary["format"] == "app_store"
    with pytest.raises(smlib.DataError, match="google_play columns"):
        smlib.load(TP_CSV, format="google_play")
    with pytest.raises(smlib.DataError, match="app_store shape"):
        smlib.load(TP_JSON, format="app_store")


@pytest.mark.parametrize("path, customers, answered, first_minutes", [
    (PLAY, 4, 2, 150.0), (TP_CSV, 3, 2, 330.0), (TP_JSON, 2, 1, 90.0), (APPLE, 2, 1, 229.4333)])
def test_monitor_counts_the_replied_reviews_as_answered(path, customers, answered, first_minutes):
    ds = smlib.enrich(smlib.load(path, org="bus-co"))
    res = smlib.monitor(ds)
    care = res["customer_care"].set_index("platform").loc["reviews"]
    assert (care["customer_messages"], care["answered"]) == (customers, answered)
    f = ds.interactions
    first = f[f["kind"].astype(str) == "review"].sort_values("created_at").iloc[0]
    assert bool(first["answered"]) and first["response_minutes"] == pytest.approx(first_minutes, abs=0.01)
