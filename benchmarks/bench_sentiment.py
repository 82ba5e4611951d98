"""Benchmark: smlib.add_sentiment vs naive VADER on many interactions, in the same run.

Naive baseline (what a learner or analyst would write first)::

    df.text.apply(SentimentIntensityAnalyzer().polarity_scores)

smlib scores each unique text once (copies and retweets are common) and uses a process pool
when there are many unique texts. Each method runs in its own fresh Python process, so its
peak memory (``ru_maxrss`` of that process, plus the largest worker for smlib's pool) is its own.

The data are ``smlib.generate_sample(n)`` interactions (generated once, saved to a temporary
pickle that both methods load). Note that smlib does *more* work per text than VADER (the
customer-service layer, sarcasm and question rules), so its speed comes from de-duplication
and from using both cores.

Run (keep the 1M run to once or twice on a shared machine)::

    .venv/bin/python benchmarks/bench_sentiment.py --n 1000000 --repeats 3
    .venv/bin/python benchmarks/bench_sentiment.py --n 50000       # quick check while developing

Each round runs naive, smlib (with its process pool) and smlib without the pool, interleaved,
each in a fresh process; the report gives medians, every round, and the load average (the
machine's 2 cores are shared, so single runs are noisy).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, os, resource, sys, time
import pandas as pd
sys.path.insert(0, {root!r})
method, path = sys.argv[1], sys.argv[2]
df = pd.read_pickle(path)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
load_before = os.getloadavg()[0]
t0 = time.perf_counter()
if method == "naive":
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    out = df.text.apply(SentimentIntensityAnalyzer().polarity_scores)
    n_out = len(out)
else:
    import smlib
    from smlib import sentiment
    if method == "smlib-serial":
        sentiment.PARALLEL_FROM = 10 ** 12        # never use the process pool
    out = smlib.add_sentiment(df)
    n_out = len(out)
secs = time.perf_counter() - t0
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({{"method": method, "seconds": secs, "rows": n_out, "peak_mb_process": me / 1024,
                  "loaded_mb": base / 1024, "peak_mb_largest_worker": kids / 1024,
                  "load_before": load_before, "load_after": os.getloadavg()[0]}}))
"""

METHODS = ("naive", "smlib", "smlib-serial")


def make_data(n: int, path: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    import smlib
    t0 = time.perf_counter()
    inter = smlib.generate_sample(n).interactions
    df = inter[["platform", "message_id", "created_at", "text"]].copy()
    df.to_pickle(path)
    return {"rows": len(df), "unique_texts": int(df["text"].nunique()), "generate_seconds": time.perf_counter() - t0}


def run(method: str, path: Path) -> dict:
    code = CHILD.format(root=str(ROOT))
    res = subprocess.run([sys.executable, "-c", code, method, str(path)], capture_output=True, text=True,
                         check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="smlib.add_sentiment vs naive VADER")
    ap.add_argument("--n", type=int, default=50_000, help="interactions to generate (default 50,000)")
    ap.add_argument("--repeats", type=int, default=3, help="rounds of all methods (default 3); medians reported")
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = ap.parse_args(argv)
    runs: dict[str, list[dict]] = {m: [] for m in METHODS}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "frame.pkl"
        info = make_data(args.n, path)
        for r in range(args.repeats):
            # interleaved, so every method sees the same mix of machine load
            for m in METHODS:
                runs[m].append(run(m, path))
                print(f"round {r + 1} {m:13s} {runs[m][-1]['seconds']:7.1f} s  "
                      f"load {runs[m][-1]['load_before']:.1f}", flush=True)
    med = {m: statistics.median(x["seconds"] for x in runs[m]) for m in METHODS}
    peak = {m: max(max(x["peak_mb_process"], x["peak_mb_largest_worker"]) for x in runs[m]) for m in METHODS}
    speedup = med["naive"] / med["smlib"]
    per_round = [runs["naive"][i]["seconds"] / runs["smlib"][i]["seconds"] for i in range(args.repeats)]
    loads = [x["load_before"] for m in METHODS for x in runs[m]]
    result = {"n": info["rows"], "unique_texts": info["unique_texts"], "cpus": os.cpu_count(),
              "repeats": args.repeats, "runs": runs, "median_seconds": med, "speedup_median": speedup,
              "speedup_per_round": per_round, "speedup_serial": med["naive"] / med["smlib-serial"],
              "peak_mb": peak, "load_min_max": [min(loads), max(loads)]}
    print(f"{info['rows']:,} interactions, {info['unique_texts']:,} unique texts "
          f"({info['unique_texts'] / info['rows']:.0%}); {os.cpu_count()} CPUs, load average "
          f"{min(loads):.1f}-{max(loads):.1f} during the runs; medians of {args.repeats} rounds")
    print("| method | median seconds | all rounds | peak memory (MB, process or largest worker) |")
    print("|---|---:|---|---:|")
    names = {"naive": "naive `df.text.apply(SentimentIntensityAnalyzer().polarity_scores)`",
             "smlib": "`smlib.add_sentiment(df)` (2-process pool for many unique texts)",
             "smlib-serial": "`smlib.add_sentiment(df)` without the pool (one process)"}
    for m in METHODS:
        rounds = ", ".join(f"{x['seconds']:.1f}" for x in runs[m])
        print(f"| {names[m]} | {med[m]:.1f} | {rounds} | {peak[m]:.0f} |")
    print(f"speed-up (median naive / median smlib): {speedup:.2f}x (target >= 2x); per round "
          + ", ".join(f"{x:.2f}x" for x in per_round)
          + f"; without the pool {result['speedup_serial']:.2f}x; smlib peak {peak['smlib']:.0f} MB (target <= 2048 MB)")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, default=float))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
