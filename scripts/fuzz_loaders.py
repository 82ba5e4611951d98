"""Mutational fuzzing of ``smlib.load``: damaged copies of real-shaped exports must either load
with honest counts or raise ``smlib.DataError`` naming the file - never anything else.

Why: exports reach learners half-downloaded, re-saved by Excel, opened in the wrong program.
The loader promises (docs/loading.md) a Dataset or a DataError; this driver checks that promise
on thousands of damaged inputs.

Usage (from the repository root)::

    .venv/bin/python scripts/fuzz_loaders.py --seed 1 --budget 300          # 5 minutes
    .venv/bin/python scripts/fuzz_loaders.py --seed 7 --count 2000 --no-realdata
    .venv/bin/python scripts/fuzz_loaders.py --seed 1 --budget 60 --out /tmp/fuzz_out

* ``--seed``: the run is fully determined by it (and the corpus): same seed, same mutations.
* ``--budget``: seconds to run (stops at the first of budget and ``--count``).
* ``--count``: number of mutated loads (default: unlimited, i.e. the budget decides).
* corpus: every file in ``tests/data/loaders/good`` and ``bad`` (all formats; an .xlsx workbook
  is made in memory from the CSV fixtures), plus, unless ``--no-realdata``, the first ~200
  lines or list items of each file under ``../shared/realdata`` (``SMLIB_SHARED``), read at run
  time only and never written into the repository.
* ``--out``: where each contract break is saved (the mutated file, and a ``.txt`` with the
  options, the mutation and the traceback); default ``/tmp/fuzz_out``. At most 3 per class.
* ``--replay DIR``: load the saved breaks again (after a fix every one should pass).
* ``--options``: share of loads given options (default 0.25); ``--messages`` lists the
  DataError messages seen (digits blurred), to review what users would read.

Mutations: byte flips, truncation, inserted/deleted quotes and separators, CR/LF/CRLF changes,
NUL bytes, BOMs, UTF-16, duplicated/swapped/deleted lines, huge fields, non-UTF-8 bytes; for JSON
(parsed, edited, written back): deleted keys, changed value types, deeper nesting, empty
arrays, a wrong top-level type, duplicated items, numbers as strings, odd dates and ids; for
CSV: odd dates/ids in their columns, deleted/renamed/duplicated columns; for workbooks: typed
cells (dates, times, 18-digit ids, 1e300, -3, bools, formulas as text) and dropped columns.
Sometimes two or three are stacked. About one load in four also gets options (``org=``, ``org_handles=``, ``columns=``, ``platform=``, ``encoding=``,
``timezone=``, ``format=`` forced to any name).

The contract checked (:func:`check_contract`): a DataError whose message names the file, or a
Dataset with ``rows_kept + rows_skipped == rows_in``, reasons summing to ``rows_skipped``,
``len(interactions) == rows_kept``, ``validate_interactions`` passing (ids unique within a
platform), ``created_at`` UTC, no missing text; and no load slower than ``--hang`` seconds.
A DataError that only wraps a loader bug counts as a break too: ``load``'s catch-all ("could not
read this file as ...", the original exception kept as ``__context__``), the internal count
check, or the loader's own table failing validation. And a *neutral* mutation (CRLF, BOM,
UTF-16 with BOM, numbers as text, item order) must give the same counts as the unmutated file.

The exit status is 1 when any break was found. :func:`run` is what the tests call.
"""
from __future__ import annotations

import argparse
import copy
import io
import json
import os
import random
import re
import signal
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import pandas as pd  # noqa: E402

import smlib  # noqa: E402
from smlib.errors import DataError  # noqa: E402
from smlib.schema import validate_interactions  # noqa: E402

FIXTURES = REPO / "tests" / "data" / "loaders"
REAL_ITEMS = 200
"""Lines (CSV) or list items (JSON) kept from each real-data file."""


# ---------------------------------------------------------------------------------- corpus

@dataclass
class Seed:
    """One corpus file: its name (kept as the file name, since some loaders look at it) and bytes."""
    name: str
    data: bytes
    origin: str


def _cap_lists(obj: Any, n: int) -> Any:
    """The JSON value with every list cut to its first ``n`` items (real files, read small)."""
    if isinstance(obj, list):
        return [_cap_lists(v, n) for v in obj[:n]]
    if isinstance(obj, dict):
        return {k: _cap_lists(v, n) for k, v in obj.items()}
    return obj


def _head_of_real(p: Path) -> bytes | None:
    """The first ~200 lines or items of a real-data file (None when it cannot be read)."""
    data = p.read_bytes()
    if p.suffix.lower() in (".json", ".js"):
        text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
        prefix = ""
        if text.startswith("window.YTD."):
            prefix, _, text = text.partition("=")
            prefix += "= "
        try:
            obj = json.loads(text.strip().rstrip(";"))
        except json.JSONDecodeError:
            return None
        return (prefix + json.dumps(_cap_lists(obj, REAL_ITEMS), ensure_ascii=False)).encode("utf-8")
    if p.suffix.lower() in (".csv", ".txt"):
        end = 0
        for _ in range(REAL_ITEMS + 1):
            nxt = data.find(b"\n", end)
            if nxt < 0:
                return data
            end = nxt + 1
        return data[:end]
    return None


def _xlsx_from_csv(data: bytes) -> bytes | None:
    """An .xlsx workbook holding the CSV's table (ids as text), so the Excel path is fuzzed too."""
    try:
        df = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
        buf = io.BytesIO()
        df.to_excel(buf, index=False)
        return buf.getvalue()
    except Exception:  # noqa: BLE001 - no openpyxl, or a CSV pandas cannot read: no workbook
        return None


def realdata_dir() -> Path | None:
    """../shared/realdata (or $SMLIB_SHARED/realdata) when present."""
    base = Path(os.environ.get("SMLIB_SHARED", REPO.parent / "shared"))
    p = base / "realdata"
    return p if p.is_dir() else None


def load_corpus(realdata: bool = True) -> list[Seed]:
    """The repo's loader fixtures (all formats, plus workbooks made from the CSVs) and, when
    asked and present, the heads of the real-data files."""
    seeds: list[Seed] = []
    for p in sorted(FIXTURES.glob("*/*")):
        if p.is_file():
            seeds.append(Seed(p.name, p.read_bytes(), f"fixture {p.parent.name}/{p.name}"))
    for s in list(seeds):
        if s.name.endswith(".csv") and "good" in s.origin:
            x = _xlsx_from_csv(s.data)
            if x:
                seeds.append(Seed(s.name[:-4] + ".xlsx", x, f"workbook made from {s.origin}"))
    if realdata and realdata_dir() is not None:
        for p in sorted(realdata_dir().rglob("*")):
            if p.is_file() and p.suffix.lower() in (".csv", ".json", ".js"):
                head = _head_of_real(p)
                if head:
                    seeds.append(Seed(p.name, head, f"realdata {p.relative_to(realdata_dir())} (head)"))
    return seeds


# ---------------------------------------------------------------------------------- mutations

ODD_DATES: list[Any] = [
    "9999-12-31T23:59:59Z", "3000-01-01", "0001-01-01T00:00:00Z", "0000-00-00", "0000-00-00 00:00:00",
    "-1", -1, -86400000, -99999999999, 0, "0", 45000, "45000", 45000.5, "45000.5", 1e20, "1e20",
    2**63, 2**70, -2**63, float("inf"), "NaN", "nan", "inf", "2026-13-45", "31/02/2026", "02/31/2026",
    "", " ", None, True, [], {}, "2026-01-05 10:00 Europe/London", "2026-01-05T10:00:00 BST",
    "Mon Jan 05 10:00:00 BST 2026", "Tue Oct 31 22:10:47 +9999 2017", "Tue Oct 31 22:10:47 +0000 20170",
    "2026-03-29 01:30", "2026-10-25 01:30", "2026-01-05T10:00:00+25:00", "2026-01-05T10:00:00.1234567891234Z",
    "2026-W02-1", "20260105", "2026-01-05T24:00:00", "1/1/1", "99/99/9999", "05.01.2026", "yesterday",
    "١٢٣٤٥٦٧٨٩٠", "2026‐01‐05", "1354805114.5", "1354805114000", "13548051140000000", "12345678901234567890",
]
ODD_IDS: list[Any] = [
    1.5, 1e17, 5.70306e17, "5.70306E+17", 2**80, -(2**70), "", " ", None, 0, "0", -1, "nan", "None",
    "NaN", "１２３", "1.0", "3.0", "007", [], {}, True, "id with spaces", "a" * 5000, "\x00", "row-1",
    "t1_", "12345678901234567890123",
]
ODD_VALUES: list[Any] = [None, "", 0, -1, 1.5, "12", True, [], {}, [None], {"a": None}, "x" * 100_000,
                         2**70, float("nan"), "\ud800", "\x00", "\r\n", "<b>", "&amp;"]

_DATE_KEY = re.compile(r"time|date|created|published|timestamp|_at$|_utc$|when|sent", re.I)
_ID_KEY = re.compile(r"(^|_)id($|_)|id_str|Id$|^name$|uri|parent|inReplyTo|link_id", re.I)


def _swap_lines(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    if len(lines) < 3:
        return data[::-1]
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def _dup_line(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    i = rng.randrange(len(lines))
    lines.insert(i, lines[i])
    return b"\n".join(lines)


def _del_line(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    if len(lines) > 1:
        del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def _insert(rng: random.Random, data: bytes, what: bytes) -> bytes:
    i = rng.randrange(len(data) + 1)
    return data[:i] + what + data[i:]


def _delete_byte(rng: random.Random, data: bytes, what: bytes) -> bytes:
    where = [m.start() for m in re.finditer(re.escape(what), data)]
    if not where:
        return data
    i = rng.choice(where)
    return data[:i] + data[i + len(what):]


def _flip(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8)
    return bytes(b)


def _utf16(data: bytes) -> bytes:
    return data.decode("utf-8", errors="replace").encode("utf-16")


def _cp1252(data: bytes) -> bytes:
    return data.decode("utf-8", errors="replace").encode("cp1252", errors="replace")


BYTE_MUTATIONS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "flip bits": _flip,
    "truncate": lambda r, d: d[:r.randrange(len(d))],
    "truncate near end": lambda r, d: d[:max(0, len(d) - r.randint(1, 40))],
    "insert quote": lambda r, d: _insert(r, d, b'"'),
    "delete quote": lambda r, d: _delete_byte(r, d, b'"'),
    "insert separator": lambda r, d: _insert(r, d, r.choice([b",", b";", b"\t", b"|", b",,,"])),
    "delete comma": lambda r, d: _delete_byte(r, d, b","),
    "LF to CRLF": lambda r, d: d.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"),
    "LF to CR": lambda r, d: d.replace(b"\r\n", b"\n").replace(b"\n", b"\r"),
    "insert bare CR": lambda r, d: _insert(r, d, b"\r"),
    "insert LF": lambda r, d: _insert(r, d, b"\n"),
    "insert NUL": lambda r, d: _insert(r, d, b"\x00"),
    "NUL at end": lambda r, d: d + b"\x00" * r.randint(1, 3),
    "UTF-8 BOM": lambda r, d: b"\xef\xbb\xbf" + d,
    "double BOM": lambda r, d: b"\xef\xbb\xbf\xef\xbb\xbf" + d,
    "UTF-16 with BOM": lambda r, d: _utf16(d),
    "UTF-16 without BOM": lambda r, d: _utf16(d)[2:],
    "cp1252": lambda r, d: _cp1252(d),
    "non-UTF-8 bytes": lambda r, d: _insert(r, d, r.choice([b"\xff", b"\x80", b"\xe9", b"\xc3", b"\xed\xa0\x80",
                                                            b"\xf4\x90\x80\x80"])),
    "duplicate line": _dup_line,
    "swap lines": _swap_lines,
    "delete line": _del_line,
    "huge field": lambda r, d: _insert(r, d, b"x" * r.choice([70_000, 200_000, 1_100_000])),
    "many short lines": lambda r, d: _insert(r, d, b"\n" * 5000),
    "sep= hint": lambda r, d: r.choice([b"sep=;\n", b"sep=,\r\n", b"sep=\n", b"sep=\t\n"]) + d,
    "title rows": lambda r, d: b"Report\nExported 2026\n\n" + d,
    "whitespace only": lambda r, d: b" \r\n\t" * r.randint(1, 4),
    "reversed": lambda r, d: d[::-1],
}


# ---- JSON edits

def _split_json(data: bytes) -> tuple[str, Any] | None:
    text = data.decode("utf-8", errors="strict").lstrip("\ufeff")
    prefix = ""
    if text.lstrip().startswith(("window.YTD.", "Grailbird.data.")):
        head, _, text = text.partition("=")
        prefix = head + "= "
    try:
        return prefix, json.loads(text.strip().rstrip(";"))
    except json.JSONDecodeError:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        try:
            return prefix, [json.loads(ln) for ln in lines]   # JSON Lines
        except json.JSONDecodeError:
            return None


def _json_places(obj: Any, at: tuple = (), out: list | None = None, limit: int = 4000) -> list[tuple]:
    out = [] if out is None else out
    if len(out) >= limit:
        return out
    out.append(at)
    if isinstance(obj, dict):
        for k, v in obj.items():
            _json_places(v, at + (k,), out, limit)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            _json_places(v, at + (i,), out, limit)
    return out


def _get(obj: Any, at: tuple) -> Any:
    for k in at:
        obj = obj[k]
    return obj


def _set(obj: Any, at: tuple, value: Any) -> Any:
    if not at:
        return value
    _get(obj, at[:-1])[at[-1]] = value
    return obj


def _retype(rng: random.Random, v: Any) -> Any:
    """The value as another JSON type: str <-> int <-> null <-> list <-> dict."""
    if isinstance(v, str):
        return rng.choice([None, 0, len(v), [v], {"value": v}, v.encode().hex(), 1.5])
    if isinstance(v, bool):
        return rng.choice([str(v).lower(), int(v), None, "yes"])
    if isinstance(v, (int, float)):
        return rng.choice([str(v), None, [v], {"v": v}, float(v) + 0.5, -v, True])
    if v is None:
        return rng.choice(["", 0, [], {}, "null"])
    if isinstance(v, list):
        return rng.choice([{}, "", None, 0, {str(i): x for i, x in enumerate(v)}, v[:1]])
    if isinstance(v, dict):
        return rng.choice([[], "", None, 0, list(v.values()), [v]])
    return None


def _numbers_as_text(obj: Any) -> Any:
    if isinstance(obj, bool):
        return obj
    if isinstance(obj, (int, float)):
        return str(obj)
    if isinstance(obj, list):
        return [_numbers_as_text(v) for v in obj]
    if isinstance(obj, dict):
        return {k: _numbers_as_text(v) for k, v in obj.items()}
    return obj


def mutate_json(rng: random.Random, data: bytes) -> tuple[str, bytes] | None:
    """One structural edit of a JSON export (None when the file is not JSON or too deep to edit)."""
    try:
        return _mutate_json(rng, data)
    except RecursionError:
        return None


def _mutate_json(rng: random.Random, data: bytes) -> tuple[str, bytes] | None:
    try:
        parsed = _split_json(data)
    except UnicodeDecodeError:
        return None
    if parsed is None:
        return None
    prefix, obj = parsed
    obj = copy.deepcopy(obj)
    places = _json_places(obj)
    inner = [p for p in places if p]
    how = rng.choice(["delete key", "retype", "nest deeper", "empty array", "wrong top level",
                      "duplicate item", "numbers as text", "odd date", "odd id", "odd value",
                      "drop items", "empty object item", "swap items", "non-JSON constant"])
    desc = how
    if how == "delete key":
        keyed = [p for p in inner if isinstance(p[-1], str)]
        if not keyed:
            return None
        at = rng.choice(keyed)
        del _get(obj, at[:-1])[at[-1]]
        desc += f" {at}"
    elif how == "retype":
        at = rng.choice(inner or [()])
        obj = _set(obj, at, _retype(rng, _get(obj, at)))
        desc += f" {at}"
    elif how == "nest deeper":
        at = rng.choice(places)
        v = _get(obj, at)
        for _ in range(rng.choice([1, 3, 50, 900])):
            v = rng.choice([[v], {"data": v}])
        obj = _set(obj, at, v)
        desc += f" {at}"
    elif how == "empty array":
        lists = [p for p in places if isinstance(_get(obj, p), list)]
        if not lists:
            return None
        at = rng.choice(lists)
        obj = _set(obj, at, [])
        desc += f" {at}"
    elif how == "wrong top level":
        obj = rng.choice([obj if not isinstance(obj, list) else (obj[0] if obj else {}),
                          [obj], "text", 3, None, True, {"data": obj}])
    elif how in ("duplicate item", "drop items", "swap items", "empty object item"):
        lists = [p for p in places if isinstance(_get(obj, p), list) and _get(obj, p)]
        if not lists:
            return None
        at = rng.choice(lists)
        lst = _get(obj, at)
        i = rng.randrange(len(lst))
        if how == "duplicate item":
            lst.insert(i, copy.deepcopy(lst[i]))
        elif how == "drop items":
            del lst[i:i + rng.randint(1, 3)]
        elif how == "swap items":
            j = rng.randrange(len(lst))
            lst[i], lst[j] = lst[j], lst[i]
        else:
            lst.insert(i, rng.choice([{}, [], None, "", 0]))
        desc += f" {at}[{i}]"
    elif how == "numbers as text":
        obj = _numbers_as_text(obj)
    elif how in ("odd date", "odd id"):
        pat = _DATE_KEY if how == "odd date" else _ID_KEY
        keyed = [p for p in inner if isinstance(p[-1], str) and pat.search(p[-1])]
        if not keyed:
            return None
        at = rng.choice(keyed)
        v = rng.choice(ODD_DATES if how == "odd date" else ODD_IDS)
        obj = _set(obj, at, v)
        desc += f" {at} = {v!r:.40}"
    elif how == "odd value":
        at = rng.choice(inner or [()])
        v = rng.choice(ODD_VALUES)
        obj = _set(obj, at, v)
        desc += f" {at} = {v!r:.40}"
    elif how == "non-JSON constant":
        text = json.dumps(obj, ensure_ascii=False)
        for bad in ("NaN", "Infinity", "-Infinity"):
            text = text.replace("null", bad, 1) if rng.random() < 0.5 else text
        return desc, (prefix + text).encode("utf-8", errors="surrogatepass")
    try:
        text = json.dumps(obj, ensure_ascii=rng.random() < 0.5)
    except (ValueError, RecursionError):
        return None
    return desc, (prefix + text).encode("utf-8", errors="surrogatepass")


# ---- CSV edits

def mutate_csv(rng: random.Random, data: bytes) -> tuple[str, bytes] | None:
    """One edit of a CSV's cells or columns, rewritten with Python's csv writer."""
    import csv
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if text.lstrip().startswith(("{", "[", "window.", "Grailbird")):
        return None
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:  # NUL bytes, huge fields: left to the byte mutations
        return None
    if len(rows) < 2 or len(rows[0]) < 2:
        return None
    header, body = rows[0], rows[1:]
    how = rng.choice(["odd date", "odd id", "odd cell", "delete column", "rename column",
                      "duplicate column name", "empty column", "swap columns", "blank rows",
                      "drop header", "ragged row", "header only", "all dates one", "numbers"])
    desc = how
    col = rng.randrange(len(header))
    dates = [i for i, h in enumerate(header) if _DATE_KEY.search(h) or h.lower() in ("date", "time", "sent")]
    ids = [i for i, h in enumerate(header) if re.search(r"id", h, re.I)]
    if how in ("odd date", "all dates one"):
        col = rng.choice(dates) if dates else col
        v = rng.choice(ODD_DATES)
        targets = range(len(body)) if how == "all dates one" else [rng.randrange(len(body))]
        for r in targets:
            if col < len(body[r]):
                body[r][col] = "" if v is None else str(v)
        desc += f" {header[col]!r} = {v!r:.40}"
    elif how == "odd id":
        col = rng.choice(ids) if ids else col
        v = rng.choice(ODD_IDS)
        r = rng.randrange(len(body))
        if col < len(body[r]):
            body[r][col] = "" if v is None else str(v)
        desc += f" {header[col]!r} = {v!r:.40}"
    elif how == "odd cell":
        r = rng.randrange(len(body))
        v = rng.choice(ODD_VALUES)
        if col < len(body[r]):
            body[r][col] = "" if v is None else str(v)
        desc += f" {header[col]!r} = {v!r:.40}"
    elif how == "delete column":
        header.pop(col)
        for r in body:
            if col < len(r):
                r.pop(col)
        desc += f" {col}"
    elif how == "rename column":
        header[col] = rng.choice(["", " ", "text", "date", "id", "Unnamed: 0", "created_at", header[col].upper(),
                                  "\ufefftext", "x" * 300])
        desc += f" {col} -> {header[col]!r:.30}"
    elif how == "duplicate column name":
        other = rng.randrange(len(header))
        header[col] = header[other]
        desc += f" {col} = {header[other]!r}"
    elif how == "empty column":
        for r in body:
            if col < len(r):
                r[col] = ""
        desc += f" {header[col]!r}"
    elif how == "swap columns":
        other = rng.randrange(len(header))
        header[col], header[other] = header[other], header[col]
    elif how == "blank rows":
        body = [[""] * len(header) for _ in range(rng.randint(1, 3))] + body
    elif how == "drop header":
        header = body[0]
        body = body[1:] or [header]
    elif how == "ragged row":
        r = rng.randrange(len(body))
        body[r] = body[r] + ["extra"] * rng.randint(1, 3) if rng.random() < 0.5 else body[r][:1]
    elif how == "header only":
        body = []
    elif how == "numbers":
        for r in body:
            if col < len(r):
                r[col] = str(rng.choice([0, -5, 1.5, 10**20, "1,234", "n/a"]))
        desc += f" {header[col]!r}"
    out = io.StringIO()
    w = csv.writer(out, lineterminator=rng.choice(["\n", "\r\n"]))
    w.writerow(header)
    w.writerows(body)
    return desc, out.getvalue().encode("utf-8", errors="surrogatepass")


def mutate_xlsx(rng: random.Random, data: bytes) -> tuple[str, bytes] | None:
    """One typed cell of a workbook changed (a date, a huge or negative number, a bool, an
    empty cell, a long text...), or a column dropped; None when it is not a readable workbook."""
    import datetime as dt
    import warnings
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            df = pd.read_excel(io.BytesIO(data), dtype=object)
    except Exception:  # noqa: BLE001 - damaged already: leave it to the byte mutations
        return None
    if df.empty or not len(df.columns):
        return None
    r, c = rng.randrange(len(df)), rng.randrange(len(df.columns))
    v = rng.choice([dt.datetime(2026, 1, 5, 10, 0), dt.datetime(1900, 1, 1), dt.date(2026, 3, 29),
                    dt.time(10, 30), 45000, 45000.5, 5.70306e17, 570306123456789012, -3, 1e300, True,
                    None, "", "x" * 40_000, "=1+1", "#N/A", 0.1])
    df = df.astype(object)
    if rng.random() < 0.15:
        df = df.drop(columns=df.columns[c])
        desc = f"xlsx drop column {c}"
    else:
        df.iat[r, c] = v
        desc = f"xlsx cell ({r}, {df.columns[c]!r}) = {v!r:.40}"
    buf = io.BytesIO()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # "cell contents too long, truncated"
            df.to_excel(buf, index=False)
    except Exception:  # noqa: BLE001 - a value openpyxl will not write
        return None
    return desc, buf.getvalue()


def mutate(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    """One mutation of a corpus file: structural (JSON, CSV or workbook cells) half the time,
    else byte level; sometimes two or three in a row."""
    data, steps = seed.data, []
    for _ in range(1 if rng.random() < 0.75 else rng.choice([2, 3])):
        done = None
        if rng.random() < 0.5:
            done = mutate_xlsx(rng, data) if data.startswith(b"PK") else \
                (mutate_json(rng, data) or mutate_csv(rng, data))
        if done is None:
            name = rng.choice(sorted(BYTE_MUTATIONS))
            if not data and name != "whitespace only":
                continue
            done = (name, BYTE_MUTATIONS[name](rng, data))
        steps.append(done[0])
        data = done[1]
    return " + ".join(steps) or "unchanged", data


# ---------------------------------------------------------------------------------- options

FORMAT_NAMES = list(smlib.loaders.FORMATS) + ["x", "xlsx", "nonsense", "", None]


def random_options(rng: random.Random, headers: list[str]) -> dict[str, Any]:
    """A few load options, often odd ones (see the module doc)."""
    opts: dict[str, Any] = {}
    pick = rng.sample(["org", "org_handles", "columns", "platform", "encoding", "timezone", "format"],
                      rng.randint(1, 3))
    if "org" in pick:
        opts["org"] = rng.choice([None, "", "brightmart", "northway-rail", "my org", "a/b", "..", "x" * 300])
    if "org_handles" in pick:
        opts["org_handles"] = rng.choice(["", "@a, @b", ["@x"], [None], ["", " "], ("spotifycares",),
                                          "@AmericanAir", ["@SpotifyCares", 5], [["nested"]], 5])
    if "columns" in pick:
        h = headers or ["text"]
        opts["columns"] = rng.choice([
            {"text": "nonexistent"}, {"text": rng.choice(h), "created_at": "nope"},
            {"bogus": rng.choice(h)}, {}, {"text": rng.choice(h)},
            {"text": rng.choice(h), "created_at": rng.choice(h)},
            {"message_id": rng.choice(h), "text": rng.choice(h), "created_at": rng.choice(h)},
            {"likes": rng.choice(h), "text": rng.choice(h)}, {"text": 5}, {"text": None},
            {"created_at": rng.choice(h)}, {"author_is_org": rng.choice(h), "text": rng.choice(h)},
            {"platform": rng.choice(h), "org": rng.choice(h)}, {"parent_id": rng.choice(h)},
            "text", ["text"], {"text": ""}, {"_time": rng.choice(h), "text": rng.choice(h)},
        ])
    if "platform" in pick:
        opts["platform"] = rng.choice(["x", "facebook", "nonsense", "", " ", "Twitter", "TIK TOK"])
    if "encoding" in pick:
        opts["encoding"] = rng.choice(["utf-16", "utf-16-le", "utf-32", "nonsense", "ascii", "cp1252", "latin-1",
                                       "utf-8-sig", "utf-7", "idna", "rot13", "hex", "", "UTF8", "cp500",
                                       "shift_jis", "punycode"])
    if "timezone" in pick:
        opts["timezone"] = rng.choice(["Nowhere/Land", "", "UTC", "+01:00", "Europe/London", "BST",
                                       "../../etc/passwd", "America/New_York", "Etc/GMT+14", "localtime"])
    if "format" in pick:
        opts["format"] = rng.choice(FORMAT_NAMES)
    return opts


def _headers(data: bytes) -> list[str]:
    first = data[:4096].decode("utf-8", errors="replace").lstrip("\ufeff").splitlines()[:1]
    if not first or first[0].lstrip().startswith(("{", "[", "window")):
        return []
    import csv
    try:
        return next(csv.reader(first))
    except (csv.Error, StopIteration):
        return []


# ---------------------------------------------------------------------------------- contract

class Hang(Exception):
    """Raised by the alarm when one load takes too long."""


@dataclass
class Break:
    kind: str            # e.g. "KeyError", "contract: rows sum", "hang", "DataError without file name"
    where: str           # the innermost smlib frame, file:line function
    detail: str
    tb: str = ""


def _where(tb: Any) -> str:
    frames = [f for f in traceback.extract_tb(tb) if "smlib" in f.filename]
    frames = frames or traceback.extract_tb(tb)
    if not frames:
        return "?"
    f = frames[-1]
    return f"{Path(f.filename).name}:{f.lineno} {f.name}"


def check_contract(path: Path, options: dict[str, Any],
                   hang_s: float = 20.0) -> tuple[str, Break | None, Any]:
    """Load ``path`` with ``options``: ("dataset" | "dataerror" | "break", the broken promise or
    None, what came out: (rows_in, rows_kept, reasons) or "DataError")."""
    def alarm(signum: int, frame: Any) -> None:
        raise Hang()

    use_alarm = hasattr(signal, "SIGALRM") and hang_s > 0
    if use_alarm:
        old = signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, hang_s)
    t0 = time.perf_counter()
    try:
        ds = smlib.load(path, **options)
    except Hang:
        return "break", Break("hang", "?", f"no answer after {hang_s:.0f} s"), None
    except DataError as exc:
        hidden = _hidden_break(exc)
        if hidden is not None:
            return "break", hidden, None
        if path.name not in str(exc):
            return "break", Break("DataError without the file name", _where(exc.__traceback__),
                                  str(exc)[:300], traceback.format_exc()), None
        return "dataerror", None, "DataError: " + str(exc).replace(str(path), "<file>")
    except Exception as exc:  # noqa: BLE001 - the point is to see every type
        return "break", Break(type(exc).__name__, _where(exc.__traceback__), f"{exc}"[:300],
                              traceback.format_exc()), None
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    took = time.perf_counter() - t0
    if hang_s > 0 and took > hang_s:
        return "break", Break("hang", "?", f"took {took:.1f} s"), None
    brk = check_dataset(ds)
    s = ds.load_summary
    return ("break" if brk else "dataset"), brk, (s["rows_in"], s["rows_kept"], dict(sorted(s["reasons"].items())))


_VALIDATION = ("the interactions table", "must hold UTC", "required column", "unique within a platform",
               "column 'kind' has unknown", "must be True/False", "must hold whole numbers", "must not be negative")


def _hidden_break(exc: DataError) -> Break | None:
    """A DataError that only wraps a loader bug: the catch-all in ``load`` around an unexpected
    exception ("could not read this file as ..."; the original is kept as ``__context__``), the
    internal count check, or the loader's own table failing validation."""
    msg = str(exc)
    inner = exc.__context__
    if "could not read this file as" in msg and inner is not None:
        tb = "".join(traceback.format_exception(type(inner), inner, inner.__traceback__))
        return Break(f"wrapped {type(inner).__name__}", _where(inner.__traceback__), msg[:300], tb)
    if "internal count error" in msg:
        return Break("contract: rows sum (internal count error)", _where(exc.__traceback__), msg[:300],
                     traceback.format_exc())
    if any(v in msg for v in _VALIDATION):
        return Break("loader output fails validation", _where(exc.__traceback__), msg[:300], traceback.format_exc())
    return None


def check_dataset(ds: Any) -> Break | None:
    """The promises a successful load keeps (docs/loading.md, 'The load summary')."""
    s, df = ds.load_summary, ds.interactions
    problems = []
    if s["rows_kept"] + s["rows_skipped"] != s["rows_in"]:
        problems.append(("rows sum", f"kept {s['rows_kept']} + skipped {s['rows_skipped']} != in {s['rows_in']}"))
    if sum(s["reasons"].values()) != s["rows_skipped"]:
        problems.append(("reasons sum", f"reasons {s['reasons']} != skipped {s['rows_skipped']}"))
    if len(df) != s["rows_kept"]:
        problems.append(("table length", f"{len(df)} rows != kept {s['rows_kept']}"))
    if min(s["rows_in"], s["rows_kept"], s["rows_skipped"]) < 0:
        problems.append(("negative count", str({k: s[k] for k in ("rows_in", "rows_kept", "rows_skipped")})))
    try:
        validate_interactions(df, source="fuzz", check_ids=True)
    except DataError as exc:
        problems.append(("validate_interactions", str(exc)[:300]))
    except Exception as exc:  # noqa: BLE001
        problems.append(("validate_interactions crashed", f"{type(exc).__name__}: {exc}"[:300]))
    if "created_at" in df.columns and str(getattr(df["created_at"].dtype, "tz", None)) != "UTC":
        problems.append(("created_at not UTC", str(df["created_at"].dtype)))
    if "text" in df.columns and df["text"].isna().any():
        problems.append(("NaN text", f"{int(df['text'].isna().sum())} missing text value(s)"))
    if problems:
        return Break("contract: " + problems[0][0], "?", "; ".join(f"{a}: {b}" for a, b in problems))
    return None


# ---------------------------------------------------------------------------------- driver

@dataclass
class Report:
    seed: int
    runs: int = 0
    datasets: int = 0
    data_errors: int = 0
    seconds: float = 0.0
    breaks: Counter = field(default_factory=Counter)          # class -> count
    examples: dict[str, list[str]] = field(default_factory=dict)   # class -> saved files
    by_mutation: Counter = field(default_factory=Counter)
    messages: Counter = field(default_factory=Counter)   # DataError messages, digits blurred

    def text(self) -> str:
        lines = [f"seed {self.seed}: {self.runs} mutated loads in {self.seconds:.0f} s: "
                 f"{self.datasets} loaded, {self.data_errors} DataError, {sum(self.breaks.values())} breaks"]
        for k, n in self.breaks.most_common():
            lines.append(f"  {n:5d}  {k}   e.g. {self.examples[k][0]}")
        return "\n".join(lines)


NEUTRAL = {"LF to CRLF", "UTF-8 BOM", "UTF-16 with BOM", "numbers as text", "swap items"}
"""Mutations that must not change what is read (docs/loading.md: CRLF, BOM, UTF-16 with BOM and
ids/dates given as text are all read alike; a list's order does not decide which rows count)."""


def _compare_with_original(seed: Seed, got: Any, desc: str, work: Path, cache: dict[str, Any]) -> Break | None:
    """A neutral mutation must give the same counts as the unmutated file (a silent drop or gain
    otherwise). "swap items" may only reorder: rows_in and rows_kept must stay."""
    if seed.origin not in cache:
        p = work / "baseline" / seed.name
        p.parent.mkdir(exist_ok=True)
        p.write_bytes(seed.data)
        cache[seed.origin] = check_contract(p, {}, 0)[2]
        p.unlink()
    base = cache[seed.origin]
    if base is None:
        return None
    if isinstance(base, str) and isinstance(got, str):
        return None   # refused both times (the messages may differ: say, an encoding named)
    same = (base == got) if desc != "swap items" else (
        base == got or (isinstance(base, tuple) and isinstance(got, tuple) and base[:2] == got[:2]))
    if same:
        return None
    return Break(f"silent change: {desc}", "?", f"original gave {base}, after '{desc}' {got}")


def _safe(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", s)[:80]


def run(seed: int = 1, budget: float = 300.0, count: int | None = None, realdata: bool = True,
        out: Path | None = Path("/tmp/fuzz_out"), hang_s: float = 20.0, options_share: float = 0.25,
        corpus: list[Seed] | None = None, verbose: bool = False) -> Report:
    """Run mutated loads until ``budget`` seconds or ``count`` loads; save and count breaks."""
    import tempfile
    import warnings
    rng = random.Random(seed)
    corpus = corpus if corpus is not None else load_corpus(realdata)
    report = Report(seed)
    baselines: dict[str, Any] = {}
    work = Path(tempfile.mkdtemp(prefix="smlib_fuzz_"))
    t0 = time.perf_counter()
    try:
        while (count is None or report.runs < count) and time.perf_counter() - t0 < budget:
            s = rng.choice(corpus)
            desc, data = mutate(rng, s)
            opts = random_options(rng, _headers(data)) if rng.random() < options_share else {}
            # a fresh folder per load: no account.js or other neighbours unless the seed had them
            p = work / f"{report.runs}" / s.name
            p.parent.mkdir()
            p.write_bytes(data)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                outcome, brk, got = check_contract(p, opts, hang_s)
                step = re.sub(r" [(\[].*$", "", desc)   # "swap items ('a', 0)[3]" -> "swap items"
                text_seed = not s.data.startswith((b"PK", b"\xd0\xcf"))   # byte edits break a workbook
                if brk is None and step in NEUTRAL and " + " not in desc and not opts and text_seed:
                    brk = _compare_with_original(s, got, step, work, baselines)
                    outcome = "break" if brk else outcome
            report.runs += 1
            report.datasets += outcome == "dataset"
            report.data_errors += outcome == "dataerror"
            if outcome == "dataerror":
                report.messages[re.sub(r"\d+", "N", got)[:110]] += 1
            if brk is None:
                try:
                    p.unlink()
                    p.parent.rmdir()
                except OSError:
                    pass
                continue
            key = f"{brk.kind} @ {brk.where}"
            report.breaks[key] += 1
            report.by_mutation[desc.split(" ")[0]] += 1
            saved = f"{s.name} [{desc}] {opts}"
            if out is not None and report.breaks[key] <= 3:
                d = out / _safe(key)
                d.mkdir(parents=True, exist_ok=True)
                target = d / f"{seed}_{report.runs}_{s.name}"
                target.write_bytes(data)
                target.with_name(target.name + ".txt").write_text(
                    f"origin: {s.origin}\nmutation: {desc}\noptions: {opts!r}\nbreak: {brk.kind} at {brk.where}\n"
                    f"detail: {brk.detail}\n\n{brk.tb}", encoding="utf-8")
                saved = str(target)
            report.examples.setdefault(key, []).append(saved)
            if verbose:
                print(f"BREAK {key}: {saved}\n   {brk.detail[:200]}", flush=True)
    finally:
        report.seconds = time.perf_counter() - t0
        import shutil
        shutil.rmtree(work, ignore_errors=True)
    return report


def replay(folder: Path, hang_s: float = 20.0) -> int:
    """Load every saved break under ``folder`` again (with its options); print each outcome and
    return how many still break (after a fix: 0)."""
    import ast
    import shutil
    import tempfile
    still = 0
    for txt in sorted(folder.rglob("*.txt")):
        saved = txt.with_name(txt.name[:-4])
        found = re.search(r"^options: (.*)$", txt.read_text(encoding="utf-8"), re.M)
        if not saved.is_file() or not found:
            continue
        opts = ast.literal_eval(found.group(1))
        p = Path(tempfile.mkdtemp(prefix="smlib_replay_")) / re.sub(r"^\d+_\d+_", "", saved.name)
        shutil.copy(saved, p)   # its original name: some loaders look at it
        outcome, brk, got = check_contract(p, opts, hang_s)
        shutil.rmtree(p.parent, ignore_errors=True)
        still += brk is not None
        print(f"{outcome:9s} {brk.kind if brk else '':30s} {saved}  {str(got)[:80]}")
    return still


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--budget", type=float, default=300.0, help="seconds (default 300)")
    ap.add_argument("--count", type=int, default=None, help="stop after this many loads")
    ap.add_argument("--no-realdata", action="store_true", help="only the repo's fixtures")
    ap.add_argument("--out", type=Path, default=Path("/tmp/fuzz_out"))
    ap.add_argument("--hang", type=float, default=20.0, help="seconds one load may take")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--messages", action="store_true", help="also list the DataError messages seen")
    ap.add_argument("--options", type=float, default=0.25, help="share of loads given options (0-1)")
    ap.add_argument("--replay", type=Path, default=None, help="load the breaks saved in this folder again")
    a = ap.parse_args(argv)
    if a.replay is not None:
        return 1 if replay(a.replay, a.hang) else 0
    rep = run(a.seed, a.budget, a.count, not a.no_realdata, a.out, a.hang, options_share=a.options,
              verbose=a.verbose)
    print(rep.text())
    if a.messages:
        for m, n in rep.messages.most_common():
            print(f"{n:6d}  {m}")
    return 1 if rep.breaks else 0


if __name__ == "__main__":
    sys.exit(main())
