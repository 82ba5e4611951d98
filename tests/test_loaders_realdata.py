"""Every file in ../shared/realdata loads, and its counts match SOURCES.md or an independent
reading of the same file with the standard library (skipped when ../shared is absent)."""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import smlib
from smlib import DataError

pytestmark = pytest.mark.realdata


from _loader_checks import check_summary as check  # noqa: E402


def all_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name != "SOURCES.md")


def test_every_file_loads_or_says_why(realdata):
    files = all_files(realdata)
    assert len(files) >= 20
    for p in files:
        try:
            ds = smlib.load(p)
        except DataError as exc:
            # the only file that is not a data export: the Mastodon profile next to outbox.json
            assert p.name == "actor.json" and "outbox.json" in str(exc), f"{p}: {exc}"
            continue
        check(ds)


def test_airline_counts(realdata):
    p = realdata / "airline" / "Tweets.csv"
    with open(p, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    ids = [r["tweet_id"] for r in rows]
    ds = smlib.load(p)
    s = check(ds)
    assert s["format"] == "airline" and s["rows_in"] == len(rows) == 14640
    assert s["rows_kept"] == len(set(ids))
    assert s["reasons"] == {"duplicate message_id": len(ids) - len(set(ids))}
    f = ds.interactions
    assert f["created_at"].min() == pd.Timestamp("2015-02-17 07:36:05", tz="UTC")   # 23:36:05 -0800
    assert f["created_at"].max() == pd.Timestamp("2015-02-24 19:53:37", tz="UTC")
    first = {}
    for r in rows:
        first.setdefault(r["tweet_id"], r)
    airlines = Counter(first[i]["airline"] for i in first)
    assert f["airline"].value_counts().to_dict() == dict(airlines)
    assert not f["text"].str.contains("&amp;", regex=False).any()
    assert not f["author_is_org"].any() and set(f["kind"].astype(str)) == {"mention"}


def _twcs_reference(p: Path) -> pd.DataFrame:
    """SOURCES.md's recipe: dtype=str, LF as the only line end (BOM and CRLF removed first)."""
    data = p.read_bytes().replace(b"\r\n", b"\n")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    df = pd.read_csv(io.BytesIO(data), dtype=str, lineterminator="\n", keep_default_na=False)
    return df


@pytest.mark.parametrize("name, rows", [
    ("sample.csv", 93), ("twcs_head5000.csv", 5000), ("twcs_random5000.csv", 5000),
    ("spotifycares_inbound_support_requests.csv", 15096), ("spotifycares_outbound.csv", 10986)])
def test_twcs_counts_and_inbound_flag(realdata, name, rows):
    p = realdata / "twcs" / name
    ref = _twcs_reference(p)
    assert len(ref) == rows
    ds = smlib.load(p)
    s = check(ds)
    assert s["format"] == "twcs" and s["rows_in"] == rows
    assert s["rows_kept"] == ref["tweet_id"].nunique() == rows and s["reasons"] == {}
    outbound = ref["inbound"].str.lower().eq("false")
    f = ds.interactions
    assert int(f["author_is_org"].sum()) == int(outbound.sum())
    assert set(f.loc[f["author_is_org"], "org"].astype(str)) == set(
        ref.loc[outbound, "author_id"].str.lower())
    assert set(f["platform"].astype(str)) == {"x"}


def test_twcs_head_threads_resolve(realdata):
    p = realdata / "twcs" / "twcs_head5000.csv"
    f = smlib.load(p).interactions
    par = f["parent_id"].dropna()
    assert len(par) == 3694                                   # SOURCES.md
    assert int(par.isin(set(f["message_id"])).sum()) == 3688
    assert (f["message_id"] == "3399").sum() == 1
    assert "\n" in f.loc[f["message_id"] == "3399", "text"].iloc[0]   # the bare CR row, in one piece
    assert f["created_at"].min().year == 2011 and f["created_at"].max().year == 2017


def test_spotify_inbound_org_is_spotifycares(realdata):
    f = smlib.load(realdata / "twcs" / "spotifycares_inbound_support_requests.csv").interactions
    assert not f["author_is_org"].any()
    assert f["org"].astype(str).value_counts().index[0] == "spotifycares"


def test_x_archives(realdata):
    for name, n, replies in (("tweets.js", 515, 126), ("tweet_legacy_format.js", 22, 9)):
        p = realdata / "exports" / "x_twitter_archive" / name
        text = p.read_text(encoding="utf-8")
        items = json.loads(text[text.index("=") + 1:])
        ds = smlib.load(p)
        s = check(ds)
        assert len(items) == n and s["rows_in"] == n and s["rows_kept"] == n
        assert int((ds.interactions["kind"] == "reply").sum()) == replies
        fav = sum(int(t["tweet"]["favorite_count"]) for t in items)
        assert int(ds.interactions["likes"].sum()) == fav


def test_mastodon_outbox(realdata):
    p = realdata / "exports" / "mastodon" / "outbox.json"
    items = json.loads(p.read_text(encoding="utf-8"))["orderedItems"]
    types = Counter(i["type"] for i in items)
    ds = smlib.load(p)
    s = check(ds)
    assert s["rows_in"] == len(items) == 1586
    assert s["rows_kept"] == types["Create"] == 1260
    assert s["reasons"] == {"boost of another post (text not in the archive)": types["Announce"]}
    # a direct message is addressed (to/cc) to neither the public nor a followers collection; it is
    # kind 'message' whether or not it answers something (Mastodon's own visibility rules)
    def direct(i):
        to = [*(i["object"].get("to") or []), *(i["object"].get("cc") or [])]
        return bool(to) and not any(x.endswith("#Public") or x in ("as:Public", "Public")
                                    or x.rstrip("/").endswith("/followers") for x in to)
    creates = [i for i in items if i["type"] == "Create"]
    n_direct = sum(map(direct, creates))
    n_replies = sum(1 for i in creates if i["object"].get("inReplyTo") and not direct(i))
    kinds = ds.interactions["kind"].astype(str).value_counts()
    assert (kinds["reply"], kinds["message"]) == (n_replies, n_direct) == (404, 31)
    assert kinds["post"] == len(creates) - n_replies - n_direct
    assert not ds.interactions["text"].str.contains("<span", regex=False).any()
    assert set(ds.interactions["author_id"]) == {"@dealingwith@indieweb.social"}
    assert any("totalItems = 1557" in w and "1586" in w for w in s["warnings"])


def _walk_reddit(node, out: Counter) -> None:
    if isinstance(node, list):
        for x in node:
            _walk_reddit(x, out)
    elif isinstance(node, dict):
        kind = node.get("kind")
        if kind in ("t1", "t3", "more"):
            out[kind] += 1
            if kind == "t1" and node["data"].get("body", "").strip() in ("[deleted]", "[removed]"):
                out["deleted"] += 1
        data = node.get("data")
        if isinstance(data, dict):
            _walk_reddit(data.get("children"), out)
            _walk_reddit(data.get("replies"), out)
            _walk_reddit(data.get("things"), out)
        if isinstance(node.get("json"), dict):
            _walk_reddit(node["json"], out)


def test_reddit(realdata):
    for name in ("thread.json", "morechildren.json"):
        p = realdata / "exports" / "reddit" / name
        c: Counter = Counter()
        _walk_reddit(json.loads(p.read_text(encoding="utf-8")), c)
        ds = smlib.load(p)
        s = check(ds)
        assert s["rows_in"] == c["t1"] + c["t3"] + c["more"]
        assert s["rows_kept"] == c["t1"] + c["t3"] - c["deleted"]
        assert s["reasons"].get("'more' stub (comments Reddit did not send)", 0) == c["more"]
    assert c["t1"] == 50 and c["more"] == 11          # morechildren.json, as in SOURCES.md


def test_youtube(realdata):
    p = realdata / "exports" / "youtube" / "commentThreads.json"
    ds = smlib.load(p)
    s = check(ds)
    assert s["rows_in"] == s["rows_kept"] == 20
    assert any(w.startswith("5 repl") for w in s["warnings"])
    assert not ds.interactions["text"].str.contains("\ufeff|<br", regex=True).any()


def test_facebook_and_instagram(realdata):
    fb = realdata / "exports" / "facebook"
    posts = smlib.load(fb / "your_posts_1.json")
    s = check(posts)
    assert s["rows_in"] == 14
    assert posts.interactions["text"].str.contains("søndag", regex=False).any()
    for name in ("your_posts_1.json", "comments.json", "facebook_comments_redacted.json"):
        t = smlib.load(fb / name).interactions["text"]
        assert not t.str.contains("Ã", regex=False).any(), name        # mojibake repaired
    comments = json.loads((fb / "comments.json").read_text())["comments_v2"]
    s = check(smlib.load(fb / "comments.json"))
    assert s["reasons"] == {"no text": sum(1 for c in comments if "data" not in c)}
    r = check(smlib.load(fb / "posts_and_comments.json"))
    assert r["rows_kept"] == 0 and r["reasons"] == {"reaction (not a message)": 17}
    ig = smlib.load(realdata / "exports" / "instagram" / "posts_media.json")
    s = check(ig)
    assert s["rows_in"] == 6 and s["reasons"] == {"profile picture (not a message)": 1}
    assert ig.interactions["text"].str.contains("f… my foot", regex=False).any()
    assert check(smlib.load(realdata / "exports" / "instagram" / "posts_media_2.json"))["rows_kept"] == 5
    assert check(smlib.load(realdata / "exports" / "instagram" / "post_comments_redacted.json"))["rows_kept"] == 2


def test_twcs_dates_match_strptime(realdata):
    p = realdata / "twcs" / "twcs_random5000.csv"
    ref = _twcs_reference(p)
    expect = pd.to_datetime(ref["created_at"], format="%a %b %d %H:%M:%S %z %Y", utc=True)
    got = smlib.load(p).interactions.set_index("message_id")["created_at"]
    assert (got.loc[ref["tweet_id"]].to_numpy() == expect.to_numpy()).all()
