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

    .venv/bin/python benchmarks/bench_sentiment.py --n 1000000
    .venv/bin/python benchmarks/bench_sentiment.py --n 50000       # quick check while developing
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
import pandas as pd
sys.path.insert(0, {root!r})
method, path = sys.argv[1], sys.argv[2]
df = pd.read_pickle(path)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
if method == "naive":
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    out = df.text.apply(SentimentIntensityAnalyzer().polarity_scores)
    n_out = len(out)
else:
    import smlib
    out = smlib.add_sentiment(df)
    n_out = len(out)
secs = time.perf_counter() - t0
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({{"method": method, "seconds": secs, "rows": n_out, "peak_mb_process": me / 1024,
                  "loaded_mb": base / 1024, "peak_mb_largest_worker": kids / 1024}}))
"""


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
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "frame.pkl"
        info = make_data(args.n, path)
        naive = run("naive", path)
        fast = run("smlib", path)
    speedup = naive["seconds"] / fast["seconds"]
    peak = max(fast["peak_mb_process"], fast["peak_mb_largest_worker"])
    result = {"n": info["rows"], "unique_texts": info["unique_texts"], "cpus": os.cpu_count(),
              "load_average": os.getloadavg(), "naive": naive, "smlib": fast, "speedup": speedup,
              "smlib_peak_mb": peak}
    print(f"{info['rows']:,} interactions, {info['unique_texts']:,} unique texts "
          f"({info['unique_texts'] / info['rows']:.0%}); {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    print("| method | seconds | peak memory (MB) |")
    print("|---|---:|---:|")
    print(f"| naive `df.text.apply(SentimentIntensityAnalyzer().polarity_scores)` | {naive['seconds']:.1f} | "
          f"{naive['peak_mb_process']:.0f} |")
    print(f"| `smlib.add_sentiment(df)` | {fast['seconds']:.1f} | {fast['peak_mb_process']:.0f} "
          f"(+ largest worker {fast['peak_mb_largest_worker']:.0f}) |")
    print(f"speed-up: {speedup:.2f}x (target >= 2x); smlib peak {peak:.0f} MB (target <= 2048 MB)")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, default=float))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
