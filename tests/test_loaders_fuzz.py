"""Regression tests for the contract breaks found by fuzzing ``smlib.load``
(``scripts/fuzz_loaders.py``), one per bug, each with a small hand-made input; and a short
fixed-seed fuzz run over the repository's own fixtures that must find no break.

The contract (docs/loading.md): a Dataset with honest counts, or a ``smlib.DataError`` naming
the file - never another exception, never a loader-made table that fails validation.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import smlib
from smlib.errors import DataError

from _loader_checks import check_summary

REPO = Path(__file__).resolve().parent.parent


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


# ------------------------------------------------------------------ bug 1: BOM inside the header

def test_bom_header_after_sep_hint_is_found(tmp_path):
    """Excel's ``sep=`` line above a UTF-8 BOM header: the BOM starts line 2, so the first column
    was named '\\ufefftext' when guessing columns but 'text' in the frame (wrapped KeyError)."""
    p = _write(tmp_path, "sep_bom.csv", b"sep=,\n\xef\xbb\xbftext,created_at\nhi,2026-01-05T10:00:00Z\n")
    s = check_summary(ds := smlib.load(p))
    assert ds.interactions["text"].tolist() == ["hi"]
    assert s["columns_used"] == {"text": "text", "created_at": "created_at"}


def test_header_equal_after_trimming_stays_two_columns(tmp_path):
    """'text' and ' text' became two columns both named 'text' after trimming, so df['text'] was a
    table, not a column (wrapped AttributeError in twcs). The second is now 'text.1'."""
    p = _write(tmp_path, "twcs_dup.csv",
               "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id, text\n"
               "1,abc,True,Tue Oct 31 22:10:47 +0000 2017,hello,,,other\n")
    s = check_summary(ds := smlib.load(p))
    assert s["format"] == "twcs"
    assert ds.interactions["text"].tolist() == ["hello"]


# ------------------------------------------------------------------ bug 2: negative/absurd counts

def test_negative_retweet_count_is_unknown_not_a_failed_file(tmp_path):
    """airline Tweets.csv with retweet_count -3 and 'Infinity': the loader's own table failed
    validation ('shares must not be negative'), so the whole file was refused. Now those cells
    read as unknown (0) with a warning naming the column, and the good row keeps its count."""
    p = _write(tmp_path, "Tweets.csv",
               "tweet_id,airline_sentiment,airline,text,tweet_created,retweet_count,name\n"
               "1,negative,United,hello,2015-02-24 11:35:52 -0800,-3,bob\n"
               "2,negative,United,hi,2015-02-24 11:36:52 -0800,Infinity,bob\n"
               "3,negative,United,hey,2015-02-24 11:37:52 -0800,2,bob\n")
    s = check_summary(ds := smlib.load(p))
    assert s["rows_kept"] == 3
    assert ds.interactions["shares"].tolist() == [0, 0, 2]
    assert any("2 value(s) in 'shares'" in w and "-3" in w for w in s["warnings"])


def test_negative_and_huge_counts_in_x_archive(tmp_path):
    """The same in a JSON export: favorite_count -1 and 1e300 in tweets.js."""
    p = _write(tmp_path, "tweets.js",
               'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "a", '
               '"created_at": "Tue Oct 31 22:10:47 +0000 2017", "favorite_count": -1, "retweet_count": "4"}},'
               '{"tweet": {"id_str": "2", "full_text": "b", "created_at": "Tue Oct 31 22:11:47 +0000 2017", '
               '"favorite_count": 1e300, "retweet_count": "x"}}]')
    s = check_summary(ds := smlib.load(p, org_handles=["me"]))
    assert ds.interactions["likes"].tolist() == [0, 0]
    assert ds.interactions["shares"].tolist() == [4, 0]
    assert any("2 value(s) in 'likes'" in w for w in s["warnings"])
    assert any("1 value(s) in 'shares'" in w for w in s["warnings"])


# ------------------------------------------------------------------ bug 3: epoch far out of range

def test_epoch_number_outside_pandas_range_is_an_unparseable_date(tmp_path):
    """A JSON timestamp of -99999999999 s (the year -1199) passed the date step and then failed
    in conform with OutOfBoundsDatetime (wrapped), refusing the file. Now that row is counted
    under 'unparseable date' and the other is kept."""
    p = _write(tmp_path, "comments.json",
               '{"comments_v2": [{"timestamp": -99999999999, "data": [{"comment": {"comment": "old", '
               '"author": "a"}}]}, {"timestamp": 1767607200, "data": [{"comment": {"comment": "new", '
               '"author": "b"}}]}]}')
    s = check_summary(ds := smlib.load(p))
    assert s["rows_in"] == 2 and s["reasons"] == {"unparseable date": 1}
    assert ds.interactions["text"].tolist() == ["new"]


# ------------------------------------------------------------------ bug 4: pd.NA from a parser

def test_airline_file_without_name_column(tmp_path):
    """Tweets.csv without its 'name' column: the airline parser fills authors with pd.NA, and the
    shared step's empty-author test (``values == ""``) raised 'boolean value of NA is ambiguous'
    (wrapped TypeError). Now those authors are 'unknown'."""
    p = _write(tmp_path, "Tweets.csv",
               "tweet_id,airline_sentiment,airline,text,tweet_created\n"
               "1,negative,United,hello,2015-02-24 11:35:52 -0800\n")
    s = check_summary(ds := smlib.load(p))
    assert s["format"] == "airline"
    assert ds.interactions["author_id"].tolist() == [""]


# ------------------------------------------------------------------ bug 5: a codec that refuses bytes

def test_forced_encoding_that_cannot_decode_is_a_dataerror(tmp_path):
    """encoding='punycode' (a real codec, so the name check passed) raises UnicodeDecodeError even
    with errors='replace' on non-ASCII bytes: it escaped as a wrapped UnicodeDecodeError. Now a
    DataError naming the file, the field and the encoding."""
    p = _write(tmp_path, "outbox.json", '{"orderedItems": [], "name": "caf\u00e9 —"}')
    with pytest.raises(DataError) as err:
        smlib.load(p, encoding="punycode")
    msg = str(err.value)
    assert "outbox.json" in msg and "field 'encoding'" in msg and "'punycode'" in msg
    assert "could not read this file as" not in msg


# ------------------------------------------------------------------ bug 6: half an emoji in JSON

def test_lone_surrogate_escape_in_json_text(tmp_path):
    """A JSON string holding half an emoji ("\\ud83d", a post cut at a length limit) is valid
    JSON, but the lone surrogate cannot be stored as text (wrapped UnicodeEncodeError in
    instagram, and in any format). Now it becomes U+FFFD with a warning, and the row is kept."""
    p = _write(tmp_path, "tweets.js",
               'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "cut \\ud83d", '
               '"created_at": "Tue Oct 31 22:10:47 +0000 2017"}}, {"tweet": {"id_str": "2", '
               '"full_text": "whole \\ud83d\\ude00", "created_at": "Tue Oct 31 22:11:47 +0000 2017"}}]')
    s = check_summary(ds := smlib.load(p, org_handles=["me"]))
    assert ds.interactions["text"].tolist() == ["cut \ufffd", "whole \U0001F600"]
    assert any("1 broken character" in w for w in s["warnings"])


# ------------------------------------------------------------------ bug 7: an empty header name

def test_empty_header_mapped_by_columns_is_a_named_dataerror(tmp_path):
    """A CSV saved with its index has an empty first header (pandas calls it 'Unnamed: 0').
    columns={'text': ''} matched the empty header name, then the frame had no column '' (wrapped
    KeyError ''). Empty names are now 'Unnamed: <position>' everywhere, so the map is refused
    plainly, and a load without columns= still works."""
    p = _write(tmp_path, "saved_with_index.csv", ",tweet_id,text,created_at\n0,1,hi,2026-01-05T10:00:00Z\n")
    with pytest.raises(DataError) as err:
        smlib.load(p, columns={"text": ""})
    assert "saved_with_index.csv" in str(err.value) and "not in the file" in str(err.value)
    assert "Unnamed: 0" in str(err.value)
    s = check_summary(ds := smlib.load(p))
    assert ds.interactions["message_id"].tolist() == ["1"] and s["columns_used"]["text"] == "text"


# ------------------------------------------------------------------ bug 8: option errors without the file

@pytest.mark.parametrize("options, fld", [({"format": "nonsense"}, "format"),
                                          ({"timezone": "Mars/Base"}, "timezone"),
                                          ({"org_handles": 5}, "org_handles"),
                                          ({"columns": "text"}, "columns")])
def test_bad_option_errors_name_the_file(tmp_path, options, fld):
    """A bad format=, timezone=, org_handles= or columns= gave a DataError naming only the field,
    not the file, against the contract (a batch of loads could not say which file failed)."""
    p = _write(tmp_path, "posts.csv", "text,date\nhi,2026-01-05 10:00\n")
    with pytest.raises(DataError) as err:
        smlib.load(p, **options)
    assert str(err.value).startswith(f"{p}, field '{fld}'")


# ------------------------------------------------------------------ bug 9: columns= not a dict, Excel

def test_columns_as_a_list_on_a_workbook(tmp_path):
    """columns=['text'] was checked on the CSV path only; on an .xlsx workbook dict(['text'])
    raised a wrapped ValueError. Now the same DataError as for a CSV, naming file and field."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("openpyxl")
    p = tmp_path / "sheet.xlsx"
    pd.DataFrame({"text": ["hi"], "date": ["2026-01-05 10:00"]}).to_excel(p, index=False)
    with pytest.raises(DataError) as err:
        smlib.load(p, columns=["text"])
    assert str(err.value).startswith(f"{p}, field 'columns': columns= must be a dict")


# ------------------------------------------------------------------ bug 10: lines joined silently

def test_unclosed_quote_that_joins_lines_is_warned(tmp_path):
    """An opening quote never closed ('"hello,...') makes the reader take every line up to the next
    quote as one field: 3 data lines became 1 row, with no reason or warning (a silent drop, found
    by the 'insert quote' mutation). The rows still cannot be told apart, but the summary now
    warns and names the line where the joined field ends."""
    p = _write(tmp_path, "joined.csv", 'text,date\n"hello,2026-01-05\nworld,2026-01-06\n"x",2026-01-07\n')
    s = check_summary(smlib.load(p))
    assert s["rows_in"] == 1
    assert any(w.startswith("line 4 has a double quote that closes a quoted field") for w in s["warnings"])


def test_text_after_a_closing_quote_on_one_line_is_not_warned(tmp_path):
    """The check must not cry wolf: '"Cold, again" - not happy' on one line is one field, as meant."""
    p = _write(tmp_path, "ok.csv", 'text,date\n"Cold, again" - not happy,2026-01-05\n"a\nb",2026-01-06\n')
    s = check_summary(ds := smlib.load(p))
    assert ds.interactions["text"].tolist() == ["Cold, again - not happy", "a\nb"]
    assert not any("double quote" in w for w in s["warnings"])


# ------------------------------------------------------------------ the fuzz driver itself

def _driver():
    spec = importlib.util.spec_from_file_location("fuzz_loaders", REPO / "scripts" / "fuzz_loaders.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_loaders"] = mod   # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


def test_driver_reports_a_break_it_is_shown():
    """The driver's checker can fail: a table whose counts do not add up is reported."""
    fz = _driver()

    class Fake:
        load_summary = {"rows_in": 3, "rows_kept": 1, "rows_skipped": 1, "reasons": {"no text": 1}}
        interactions = smlib.schema.empty_interactions("x").iloc[:0]

    brk = fz.check_dataset(Fake())
    assert brk is not None and brk.kind == "contract: rows sum"


def test_fixed_seed_fuzz_of_repo_fixtures_finds_no_break(tmp_path):
    """300 mutated loads (seed 20261123) of the repository's own fixtures, with options on a
    quarter of them: every load gives a Dataset with honest counts or a DataError naming the file."""
    fz = _driver()
    rep = fz.run(seed=20261123, budget=1e9, count=300, realdata=False, out=tmp_path, hang_s=0)
    assert rep.runs == 300
    assert rep.datasets + rep.data_errors == 300, rep.text()
    assert not rep.breaks, rep.text()
    assert rep.datasets > 50 and rep.data_errors > 50   # both paths really exercised


# ------------------------------------------------------------------ junk items inside a real export

GOOD = REPO / "tests" / "data" / "loaders" / "good"


def _js_list(path: Path) -> tuple[str, list]:
    import json
    text = path.read_text(encoding="utf-8")
    head, _, body = text.partition("=")
    return head + "= ", json.loads(body.strip().rstrip(";"))


@pytest.mark.parametrize("junk", ["a stray string", None, 7, ["a", "list"]])
def test_tweets_js_with_a_junk_item_loads_the_tweets_and_counts_it(tmp_path, junk):
    """A damaged item among real tweets (not the first) used to make detection refuse the whole
    file ('not an export smlib knows'); now the tweets load and the item is counted."""
    import json
    head, items = _js_list(GOOD / "tweets.js")
    whole = check_summary(smlib.load(GOOD / "tweets.js"))
    p = _write(tmp_path, "tweets.js", head + json.dumps(items[:1] + [junk] + items[1:]))
    s = check_summary(ds := smlib.load(p))
    assert s["format"] == "twitter_archive"
    assert s["rows_in"] == whole["rows_in"] + 1
    assert s["reasons"].get("not a tweet object") == 1
    assert len(ds.interactions) == whole["rows_kept"]


def test_tweets_js_whose_first_item_is_junk_is_still_refused(tmp_path):
    """Detection still needs a real tweet first: a list that starts with junk is not taken for
    an X archive by a lucky later item."""
    import json
    head, items = _js_list(GOOD / "tweets.js")
    p = _write(tmp_path, "tweets.js", head + json.dumps(["junk"] + items))
    with pytest.raises(DataError) as err:
        smlib.load(p)
    assert str(p) in str(err.value)


def test_facebook_comments_with_a_null_item_load_and_count_it(tmp_path):
    import json
    obj = json.loads((GOOD / "facebook_comments.json").read_text(encoding="utf-8"))
    whole = check_summary(smlib.load(GOOD / "facebook_comments.json"))
    key = next(k for k, v in obj.items() if isinstance(v, list) and len(v) >= 2)
    obj[key] = obj[key][:1] + [None] + obj[key][1:]
    p = _write(tmp_path, "comments.json", json.dumps(obj))
    s = check_summary(ds := smlib.load(p))
    assert s["format"] == "facebook"
    assert s["reasons"].get("not a Facebook item") == 1
    assert s["rows_in"] == whole["rows_in"] + 1 and len(ds.interactions) == whole["rows_kept"]
