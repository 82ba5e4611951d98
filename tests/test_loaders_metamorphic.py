"""Adding rows that must be skipped does not change the rows that are kept.

Each CSV is read with Python's csv module and written back: as it is (B0), and with a blank-text
copy, a bad-date copy, or both, inserted after every third row (B1). Loading B1 must give exactly
B0's table - same texts, dates, authors, kinds, counts, in the same order - plus the inserted rows
counted under 'no text' and 'unparseable date'. This is the check that would have
caught dates moving onto other rows after a skipped row (fixed in _time._arrow_iso); it runs over
every step of the shared finish, not just dates.
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import smlib
from smlib.paths import data_dir

from _loader_checks import GOOD, check_summary

TEXT_NAMES = ("text", "comment text", "live chat text", "body")
DATE_NAMES = ("created_at", "tweet_created", "comment create timestamp", "live chat create timestamp", "date")


def _table(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    return [r for r in csv.reader(io.StringIO(text, newline="")) if r]


def _write(path: Path, rows: list[list[str]]) -> Path:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def _column(header: list[str], summary: dict, field: str, names: tuple[str, ...]) -> int:
    used = summary.get("columns_used", {}).get(field)
    if used is not None:
        return [h.strip() for h in header].index(str(used).strip())
    return next(i for i, h in enumerate(header) if h.strip().lower() in names)


def check_skips_change_nothing(src: Path, tmp_path: Path, **load_args) -> None:
    rows = _table(src)
    header, body = rows[0], rows[1:]
    (tmp_path / "b0").mkdir(exist_ok=True)
    b0 = smlib.load(_write(tmp_path / "b0" / src.name, rows), **load_args)   # same name: same org
    s0 = check_summary(b0)
    assert s0["rows_kept"] > 0, src.name
    ti = _column(header, s0, "text", TEXT_NAMES)
    di = _column(header, s0, "created_at", DATE_NAMES)
    # a row with stars and no words is a review that is kept: an inserted 'no text' row has no stars
    ri = _column(header, s0, "rating", ()) if "rating" in s0.get("columns_used", {}) else None
    # one file with blank texts only (so the dates are still all good: the fast parsers run), one
    # with bad dates only, one with both
    for what in (("no text",), ("unparseable date",), ("no text", "unparseable date")):
        out, added = [header], Counter()
        for k, r in enumerate(body):
            out.append(r)
            if k % 3 == 1 and len(r) == len(header):
                if "no text" in what:
                    blank = list(r)
                    blank[ti] = ""
                    if ri is not None:
                        blank[ri] = ""
                    out.append(blank)
                if "unparseable date" in what:
                    bad_date = list(r)
                    bad_date[di] = "not a date"
                    bad_date[ti] = "an inserted row"
                    out.append(bad_date)
                added.update(what)
        assert added, f"{src.name}: nothing inserted"
        folder = tmp_path / "_".join(w.split()[0] for w in what)
        folder.mkdir(exist_ok=True)
        b1 = smlib.load(_write(folder / src.name, out), **load_args)
        s1 = check_summary(b1)
        assert Counter(s1["reasons"]) == Counter(s0["reasons"]) + added, (src.name, what)
        t0, t1 = b0.interactions.reset_index(drop=True), b1.interactions.reset_index(drop=True)
        if t0["message_id"].astype(str).str.startswith("row-").any():   # ids from row numbers move
            t0, t1 = (t.drop(columns=["message_id", "parent_id", "thread_id"]) for t in (t0, t1))
        pd.testing.assert_frame_equal(t0, t1, obj=f"{src.name} with {' and '.join(what)} rows")


CSV_FIXTURES = ["generic_bom_iso.csv", "generic_cp1252_crlf.csv", "excel_mangled_ids.csv",
                "youtube_takeout_comments.csv", "youtube_takeout_comments_2025.csv",
                "youtube_takeout_live_chats.csv", "reddit_export_comments.csv"]   # (messages: subject stands in)


@pytest.mark.parametrize("name", CSV_FIXTURES)
def test_inserted_skips_leave_kept_rows_unchanged(name, tmp_path):
    check_skips_change_nothing(GOOD / name, tmp_path)


def test_inserted_skips_leave_the_sample_unchanged(tmp_path):
    """A bundled sample organisation's interactions.csv (through the generic reader)."""
    src = data_dir() / "sample" / "northway-rail" / "interactions.csv"
    rows = _table(src)
    small = _write(tmp_path / "interactions.csv", rows[:400])   # 399 messages are plenty
    check_skips_change_nothing(small, tmp_path, timezone="Europe/London")


@pytest.mark.realdata
@pytest.mark.parametrize("rel", ["twcs/twcs_random5000.csv", "airline/Tweets.csv"])
def test_inserted_skips_leave_real_files_unchanged(rel, realdata, tmp_path):
    """The first 600 rows of real twcs and airline files (their own readers)."""
    src = realdata / rel
    rows = _table(src)
    check_skips_change_nothing(_write(tmp_path / Path(rel).name, rows[:601]), tmp_path)
