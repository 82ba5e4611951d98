"""Big CSV files (from 5 MB on) take a faster road through the reader: pandas reads the file
itself, with every column, so that its parallel reader can run. These tests prove that road
gives exactly what the ordinary one gives (the same table, the same counted skips), on files
with the awkward things real exports have, and that it is the road actually taken."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import smlib
from smlib.loaders import _csv

pyarrow = pytest.importorskip("pyarrow")
ROWS = 60_000   # about 6 MB with the text below: over the 5 MB line


def _write(path, *, long_row_at: int | None = None, bom: bool = False, extra_cols: int = 0) -> None:
    rng = np.random.default_rng(7)
    words = np.array("the parcel never came thanks for the quick reply still waiting refund please".split())
    lines = ["id,created_at,author,platform,text,likes" + "".join(f",extra_{i}" for i in range(extra_cols))]
    for i in range(ROWS):
        text = " ".join(words[rng.integers(0, len(words), 12)])
        if i % 997 == 500:   # quoted text over several lines, with a comma and doubled quotes
            text = f'"{text},\nsecond line with ""quotes""\nthird £ line"'
        elif i % 501 == 1:
            text = f'"{text}, with a comma"'
        row = f"{i + 1},2026-01-05T{i % 24:02d}:{i % 60:02d}:00Z,user{i % 3000},x,{text},{i % 40}"
        row += "".join(f",{i % 7}" for _ in range(extra_cols))
        if long_row_at is not None and i == long_row_at:
            row += ",one field too many"
        lines.append(row)
    body = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + body)
    assert path.stat().st_size >= 5 * 1024 * 1024   # pandas reads in parallel from 5 MB on


def _serial(monkeypatch) -> None:
    """Force the ordinary road: the bytes in memory, only the mapped columns."""
    monkeypatch.setattr(_csv, "PARALLEL_MIN_BYTES", 1 << 60, raising=False)
    monkeypatch.setattr(_csv, "_same_file", lambda src: None, raising=False)


def _load_both(path, monkeypatch):
    fast = smlib.load(path, org="Testco")
    with monkeypatch.context() as m:
        _serial(m)
        slow = smlib.load(path, org="Testco")
    return fast, slow


@pytest.mark.parametrize("case", ["plain", "bom", "long_row", "extra_columns"])
def test_big_file_reads_the_same_on_both_roads(tmp_path, monkeypatch, case):
    path = tmp_path / f"{case}.csv"
    _write(path, bom=case == "bom", long_row_at=31_337 if case == "long_row" else None,
           extra_cols=3 if case == "extra_columns" else 0)
    fast, slow = _load_both(path, monkeypatch)
    pd.testing.assert_frame_equal(fast.interactions, slow.interactions)
    assert fast.load_summary == slow.load_summary
    s = fast.load_summary
    assert s["rows_kept"] + s["rows_skipped"] == s["rows_in"]
    if case == "long_row":   # the row with a field too many is counted, never read into the table
        assert s["rows_skipped"] == 1 and s["rows_kept"] == ROWS - 1
        assert "31338" not in set(fast.interactions["message_id"])
    else:
        assert s["rows_kept"] == ROWS
    multi = fast.interactions.loc[fast.interactions["message_id"] == "501", "text"].iloc[0]
    assert multi.endswith('second line with "quotes"\nthird £ line') and "with a comma" not in multi
    assert fast.interactions["likes"].sum() == sum(i % 40 for i in range(ROWS) if not (case == "long_row" and i == 31_337))


def test_big_narrow_file_is_read_by_pandas_from_disk_with_every_column(tmp_path, monkeypatch):
    """The speed comes from pandas reading the path itself, every column, without the slow
    'warn' mode (each of which turns its parallel reader off)."""
    path = tmp_path / "narrow.csv"
    _write(path)
    calls = []
    real = pd.read_csv

    def spy(source, **kw):
        calls.append((source, kw.get("usecols"), kw.get("on_bad_lines")))
        return real(source, **kw)

    monkeypatch.setattr(pd, "read_csv", spy)
    smlib.load(path, org="Testco")
    assert calls == [(str(path), None, "error")]


def test_a_file_that_needed_changes_is_read_from_memory(tmp_path, monkeypatch):
    """NUL bytes are removed from the bytes in memory: the file on disk must not be read then."""
    path = tmp_path / "nul.csv"
    _write(path)
    data = path.read_bytes()
    at = data.index(b"still waiting")
    path.write_bytes(data[:at] + b"\x00" + data[at:])
    calls = []
    real = pd.read_csv
    monkeypatch.setattr(pd, "read_csv", lambda source, **kw: calls.append(source) or real(source, **kw))
    ds = smlib.load(path, org="Testco")
    assert calls and not any(isinstance(c, str) for c in calls)
    assert not ds.interactions["text"].str.contains("\x00", regex=False).any()
    assert any("NUL byte" in w for w in ds.load_summary["warnings"])


def test_a_wide_file_keeps_reading_only_its_mapped_columns(tmp_path, monkeypatch):
    """With many more columns than smlib maps, reading them all would cost more than it saves."""
    path = tmp_path / "wide.csv"
    _write(path, extra_cols=20)
    calls = []
    real = pd.read_csv

    def spy(source, **kw):
        calls.append(kw.get("usecols"))
        return real(source, **kw)

    monkeypatch.setattr(pd, "read_csv", spy)
    ds = smlib.load(path, org="Testco")
    assert calls and calls[0] is not None and len(calls[0]) == 6
    assert list(ds.interactions.columns) == list(smlib.load(path, org="Testco").interactions.columns)


def test_pandas_parallel_reader_really_runs_on_a_big_narrow_file(tmp_path, monkeypatch):
    """The point of the road: pandas' parallel reader (pandas 3.1+) returns the table. If pandas
    falls back to its serial reader for our call, the speed-up is gone without any error."""
    from pandas.io.parsers import readers
    if not hasattr(readers, "_read_csv_parallel"):
        pytest.skip(f"pandas {pd.__version__} has no parallel CSV reader")
    path = tmp_path / "narrow.csv"
    _write(path)
    results = []
    real = readers._read_csv_parallel
    monkeypatch.setattr(readers, "_read_csv_parallel",
                        lambda *a, **k: results.append(real(*a, **k)) or results[-1])
    monkeypatch.setattr(readers, "_default_n_workers", lambda: 2)   # as on a 2-core machine
    ds = smlib.load(path, org="Testco")
    assert len(results) == 1 and results[0] is not None
    assert ds.load_summary["rows_kept"] == ROWS
