"""Benchmark: ``smlib.load`` on a 1M-row CSV against a plain ``pandas.read_csv`` of the same file.

Both are timed in the same run, interleaved, a few times each. Three ratios are printed: of the
medians, the median of the paired (back-to-back) ratios, and of the fastest runs (least disturbed
by other jobs on a shared machine).
Target (issue 3): load ≤ 1.5 × read_csv. Results go in docs/loading.md.

    .venv/bin/python benchmarks/bench_load.py            # 1,000,000 rows, 3 repeats
    .venv/bin/python benchmarks/bench_load.py --rows 200000 --repeats 5

The file is synthesised with numpy (a fixed seed): id, created_at (ISO 8601 UTC), author,
platform, text (a few words chosen at random), likes — the columns smlib needs. ``--wide 24``
adds 24 more columns (numbers and short labels), as real tool exports carry (reach, clicks,
campaign, …); smlib reads only the columns it maps, plain ``read_csv`` parses them all.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

WORDS = np.array("the order was late again thanks for the quick reply my parcel never came great "
                 "service love this app is broken please help refund still waiting where is it".split())


def make_csv(path: Path, rows: int, seed: int = 3, wide: int = 0) -> None:
    rng = np.random.default_rng(seed)
    start = np.datetime64("2026-01-05T00:00:00")
    secs = np.sort(rng.integers(0, 5 * 86400, rows))
    n_words = rng.integers(3, 18, rows)
    words = WORDS[rng.integers(0, len(WORDS), (rows, 18))]
    text = [" ".join(w[:k]) for w, k in zip(words, n_words)]
    df = pd.DataFrame({
        "id": np.arange(1, rows + 1).astype(str),
        "created_at": pd.to_datetime(start + secs.astype("timedelta64[s]")).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "author": np.char.add("user", rng.integers(0, rows // 5 + 1, rows).astype(str)),
        "platform": rng.choice(["x", "facebook", "instagram"], rows),
        "text": text,
        "likes": rng.integers(0, 50, rows),
    })
    for i in range(wide):  # extra export columns smlib does not need
        df[f"metric_{i}"] = rng.integers(0, 10_000, rows) if i % 2 else rng.choice(["organic", "paid", "boosted"], rows)
    df.to_csv(path, index=False)


def stage_times(path: Path) -> dict[str, float]:
    """One load with the main steps timed (wraps the loader's functions for this call only)."""
    import functools

    import smlib.loaders as L
    from smlib.loaders import _rows, tabular
    spent: dict[str, float] = {}
    targets = [(L, "open_source"), (L, "read_delimited"), (tabular, "parse"), (_rows, "to_utc"),
               (_rows, "duplicated_ids"), (_rows, "conform_interactions"), (_rows, "validate_interactions"),
               (L, "finish")]
    saved = [(m, n, getattr(m, n)) for m, n in targets]

    def wrap(name, fn):
        @functools.wraps(fn)
        def inner(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t
        return inner

    try:
        for m, n, fn in saved:
            setattr(m, n, wrap(n, fn))
        t = time.perf_counter()
        L.load(path)
        spent["total load"] = time.perf_counter() - t
    finally:
        for m, n, fn in saved:
            setattr(m, n, fn)
    return spent


_NO_ARROW_READ = """
import sys, time
sys.modules["pyarrow"] = None          # pandas as installed without pyarrow: Python-string text
import pandas as pd
t = time.perf_counter(); pd.read_csv(sys.argv[1]); print(time.perf_counter() - t)
"""


def read_without_pyarrow(path: Path) -> float:
    """Seconds for a plain ``read_csv`` in a fresh process where pandas cannot use pyarrow (the
    reference most tutors' machines had before pandas 3). A second baseline, same run."""
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-c", _NO_ARROW_READ, str(path)], capture_output=True,
                         text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--wide", type=int, default=0, help="extra, unused columns in the file")
    ap.add_argument("--stages", action="store_true", help="also time the main steps of one load")
    ap.add_argument("--no-arrow-baseline", action="store_true",
                    help="also time read_csv in a process where pandas has no pyarrow")
    args = ap.parse_args()
    import smlib

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.csv"
        make_csv(path, args.rows, wide=args.wide)
        size_mb = path.stat().st_size / 1e6
        base, ours, plain = [], [], []
        ds = smlib.load(path)  # warm-up (imports, page cache)
        assert ds.load_summary["rows_kept"] == args.rows, ds.load_summary
        try:
            import pyarrow  # noqa: F401
            arrow = True
        except ImportError:
            arrow = False
        for _ in range(args.repeats):
            base.append(timed(lambda: pd.read_csv(path)))
            ours.append(timed(lambda: smlib.load(path)))
            if arrow and args.no_arrow_baseline:
                plain.append(read_without_pyarrow(path))
        b, o = statistics.median(base), statistics.median(ours)
        pairs = [y / x for x, y in zip(base, ours)]
        print(f"rows: {args.rows:,}  columns: {6 + args.wide}  file: {size_mb:.1f} MB  repeats: {args.repeats}"
              f"  pandas {pd.__version__}, pyarrow {'yes' if arrow else 'no'}")
        print(f"pandas.read_csv   median {b:.2f} s   (all: {', '.join(f'{x:.2f}' for x in base)})")
        print(f"smlib.load        median {o:.2f} s   (all: {', '.join(f'{x:.2f}' for x in ours)})")
        print(f"ratio of medians: {o / b:.2f}   median of paired ratios: {statistics.median(pairs):.2f}   "
              f"ratio of fastest runs: {min(ours) / min(base):.2f}   (target ≤ 1.5)")
        if plain:
            p = statistics.median(plain)
            print(f"read_csv without pyarrow (fresh process)  median {p:.2f} s   (all: "
                  f"{', '.join(f'{x:.2f}' for x in plain)})   smlib.load / that: {o / p:.2f} "
                  f"(fastest {min(ours) / min(plain):.2f})")
        if args.stages:
            base_one = timed(lambda: pd.read_csv(path))
            st = stage_times(path)
            print(f"stages (baseline read_csv {base_one:.2f} s; 'finish' includes dates, conform, validate): "
                  + "  ".join(f"{k}={v:.2f}" for k, v in st.items()))


if __name__ == "__main__":
    main()
