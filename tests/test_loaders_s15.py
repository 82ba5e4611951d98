"""Session 15 loader fixes, each test failing before its fix:

1. An X archive's long post (cut in tweets.js, whole in note-tweet.js) is counted once: the archive's
   folder loads (before: a DataError naming tweets.js "also: note-tweet.js", so the two files were
   loaded apart and a long post counted twice), and note-tweet.js loaded on its own next to
   tweets.js warns that adding the two counts each long post twice.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import smlib
from smlib import DataError

LONG = ("Our winter opening hours, in full: Monday to Friday 8am to 6pm, Saturday 9am to 4pm, Sunday "
        "10am to 2pm. Gift cards are on sale at the counter all winter &amp; the loyalty card gives every "
        "tenth coffee free.")
CUT = LONG[:120] + "… https://t.co/Ab12Cd"
MERGED = "long post also in tweets.js (its whole text was used there)"


def _balanced(s: dict) -> None:
    assert s["rows_kept"] + s["rows_skipped"] == s["rows_in"]


def _tweet(i: str, text: str, when: str = "Mon Nov 23 09:00:00 +0000 2026") -> dict:
    return {"tweet": {"id_str": i, "id": i, "created_at": when, "full_text": text, "favorite_count": "2",
                      "retweet_count": "1", "lang": "en", "entities": {"hashtags": [], "urls": []}}}


def _note(i: str, text: str) -> dict:
    return {"noteTweet": {"noteTweetId": i, "createdAt": "2026-11-23T09:00:00.000Z",
                          "core": {"text": text, "urls": [], "mentions": []}}}


def _js(path: Path, name: str, items: list) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"window.YTD.{name}.part0 = {json.dumps(items, ensure_ascii=False, indent=1)}",
                    encoding="utf-8")
    return path


def _archive(root: Path, notes: list | None = None) -> Path:
    """An unzipped X archive: ``root/data/tweets.js`` (a cut long post and a short one) and
    ``note-tweet.js`` (the long post's whole text), plus files that hold no posts."""
    data = root / "data"
    _js(data / "tweets.js", "tweets", [_tweet("200", CUT), _tweet("201", "Short one", "Mon Nov 23 10:00:00 +0000 2026")])
    _js(data / "note-tweet.js", "note_tweet", notes if notes is not None else [_note("900", LONG)])
    _js(data / "account.js", "account", [{"account": {"username": "cafenova", "accountId": "1"}}])
    (data / "manifest.js").write_text("window.__THAR_CONFIG = {}", encoding="utf-8")
    return root


WHOLE = LONG.replace("&amp;", "&")


@pytest.mark.parametrize("where", ["", "data"])
def test_x_archive_folder_counts_a_long_post_once_with_its_whole_text(tmp_path, where):
    root = _archive(tmp_path / "archive")
    ds = smlib.load(root / where if where else root)
    f, s = ds.interactions, ds.load_summary
    assert f["message_id"].tolist() == ["200", "201"]
    assert f.set_index("message_id").loc["200", "text"] == WHOLE
    assert (f.loc[f["message_id"] == "200", "likes"] == 2).all()      # the tweet's counts are kept
    assert s["rows_in"] == 3 and s["rows_kept"] == 2 and s["reasons"] == {MERGED: 1}
    assert s["examples"][MERGED] == ["note-tweet.js[0]"]
    assert (f["author_id"] == "cafenova").all()                       # account.js names the owner
    assert any("tweets.js, note-tweet.js" in w for w in s["warnings"])
    _balanced(s)


def test_x_archive_folder_reads_tweet_parts_and_keeps_an_unmatched_long_post(tmp_path):
    root = _archive(tmp_path / "a", notes=[_note("900", LONG), _note("901", "A long post whose tweet was deleted."),
                                           "damaged"])
    _js(root / "data" / "tweets-part1.js", "tweets", [_tweet("300", "From the second part")])
    s = (ds := smlib.load(root)).load_summary
    assert sorted(ds.interactions["message_id"]) == ["200", "201", "300", "901"]
    assert s["rows_in"] == 3 + 3 and s["reasons"] == {MERGED: 1, "not a long post (noteTweet)": 1}
    assert s["examples"]["not a long post (noteTweet)"] == ["note-tweet.js[2]"]
    assert any("match no cut post" in w for w in s["warnings"])
    _balanced(s)


def test_each_file_of_the_archive_loaded_alone(tmp_path):
    """tweets.js alone: the long post once, whole (as before). note-tweet.js alone next to tweets.js:
    its rows, with a warning that adding them to tweets.js's counts each long post twice."""
    data = _archive(tmp_path / "a") / "data"
    t = smlib.load(data / "tweets.js")
    assert t.interactions["text"].tolist() == [WHOLE, "Short one"] and t.load_summary["rows_in"] == 2
    n = smlib.load(data / "note-tweet.js")
    assert n.interactions["text"].tolist() == [WHOLE]
    assert any("tweets.js" in w and "twice" in w for w in n.load_summary["warnings"])
    alone = _js(tmp_path / "b" / "note-tweet.js", "note_tweet", [_note("900", LONG)])   # guard
    assert not any("twice" in w for w in smlib.load(alone).load_summary["warnings"])


def test_x_archive_folder_with_a_damaged_note_tweet_js_names_it(tmp_path):
    root = _archive(tmp_path / "a")
    (root / "data" / "note-tweet.js").write_text("window.YTD.note_tweet.part0 = [{", encoding="utf-8")
    with pytest.raises(DataError, match="note-tweet.js"):
        smlib.load(root)


def test_a_folder_that_is_not_an_x_archive_is_still_refused(tmp_path):
    (tmp_path / "tweets.js").write_text("window.YTD.x.part0 = []", encoding="utf-8")   # not a tweets file
    (tmp_path / "comments.csv").write_text("created_at,text\n2026-01-01,hi\n", encoding="utf-8")
    with pytest.raises(DataError, match="folder"):
        smlib.load(tmp_path)
    with pytest.raises(DataError, match="folder"):
        smlib.load(_archive(tmp_path / "x"), format="csv")
