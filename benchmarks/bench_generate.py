"""Benchmark: ``smlib.generate_sample`` at benchmark sizes, against a bare baseline.

The baseline, timed in the same run, builds a frame of the same size with numpy alone
(random platforms, times, authors and texts drawn from a fixed list, no threads, no replies,
no events, no audience). The ratio says what the realism costs. Peak memory is measured in
a child process per size (ru_maxrss). Results go in docs/sample.md.

    .venv/bin/python benchmarks/bench_generate.py                 # 100k and 1M rows
    .venv/bin/python benchmarks/bench_generate.py --rows 200000
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

CHILD = r"""
import json, resource, sys, time
import numpy as np, pandas as pd
n, what = int(sys.argv[1]), sys.argv[2]
t = time.perf_counter()
if what == "smlib":
    import smlib
    rows = len(smlib.generate_sample(n, seed=1).interactions)
else:
    rng = np.random.default_rng(1)
    texts = np.array(["the train was late again", "thanks for the quick reply", "where is my refund?",
                      "love the new menu", "is the pool open on Sunday?"], dtype=object)
    df = pd.DataFrame({
        "platform": rng.choice(["x", "facebook", "instagram", "reviews"], n),
        "message_id": np.arange(n).astype(str),
        "created_at": pd.Timestamp("2026-10-05", tz="UTC") + pd.to_timedelta(rng.integers(0, 28 * 86400, n), unit="s"),
        "author_id": np.char.add("user", rng.integers(0, n // 3 + 1, n).astype(str)),
        "text": texts[rng.integers(0, len(texts), n)],
        "likes": rng.poisson(2, n)})
    rows = len(df)
secs = time.perf_counter() - t
print(json.dumps({"rows": rows, "seconds": secs,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(n: int, what: str) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(n), what], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, action="append")
    args = ap.parse_args()
    print(f"{'rows asked':>10} {'rows made':>10} {'smlib s':>8} {'peak MB':>8} "
          f"{'baseline s':>10} {'ratio':>6}")
    for n in args.rows or [100_000, 1_000_000]:
        base = run(n, "baseline")
        t0 = time.perf_counter()
        ours = run(n, "smlib")
        _ = time.perf_counter() - t0
        print(f"{n:>10,} {ours['rows']:>10,} {ours['seconds']:>8.1f} {ours['peak_mb']:>8.0f} "
              f"{base['seconds']:>10.2f} {ours['seconds'] / base['seconds']:>6.0f}")


if __name__ == "__main__":
    main()
