"""Benchmark: notebook 01 (P3 monitoring) in a fresh kernel, against an empty fresh kernel.

Target (issue 4): the whole notebook runs in under 10 s on the sample, from kernel start.
Both are timed in the same run, interleaved, a few times each; medians are reported:

* ``baseline``  a fresh ``python3`` kernel running one cell, ``import pandas`` (start-up cost);
* ``notebook``  a fresh kernel running every cell of ``notebooks/01_monitoring.ipynb``
  (parameters as committed: ``org="northway-rail"``, the last five active days).

Also times the library calls alone (in this process) so a slow notebook can be traced to its
cause. Results go in docs/monitoring.md.

    .venv/bin/python benchmarks/bench_notebook01.py            # 3 repeats
    .venv/bin/python benchmarks/bench_notebook01.py --repeats 5 --org brightmart
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NB = ROOT / "notebooks" / "01_monitoring.ipynb"


def run(nb: nbformat.NotebookNode) -> float:
    t = time.perf_counter()
    NotebookClient(nb, kernel_name="python3", timeout=300,
                   resources={"metadata": {"path": str(NB.parent)}}).execute()
    return time.perf_counter() - t


def with_org(org: str) -> nbformat.NotebookNode:
    nb = nbformat.read(NB, as_version=4)
    for cell in nb.cells:
        if "parameters" in cell.metadata.get("tags", []):
            cell.source = cell.source.replace('org = "northway-rail"', f"org = {org!r}")
    return nb


def library_only(org: str) -> dict[str, float]:
    import matplotlib
    matplotlib.use("Agg")
    import smlib
    from smlib import charts
    out = {}
    t = time.perf_counter()
    ds = smlib.load_org(org)
    out["load_org"] = time.perf_counter() - t
    t = time.perf_counter()
    res = smlib.monitor(ds)
    out["monitor"] = time.perf_counter() - t
    t = time.perf_counter()
    cmp = smlib.compare_periods(ds)
    out["compare_periods"] = time.perf_counter() - t
    t = time.perf_counter()
    smlib.describe_activity(res, comparison=cmp)
    out["describe_activity"] = time.perf_counter() - t
    t = time.perf_counter()
    charts.all_charts(res)
    out["all static charts"] = time.perf_counter() - t
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--org", default="northway-rail")
    args = ap.parse_args()
    base_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import pandas")])
    base_nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    base, full = [], []
    load0 = os.getloadavg()[0]
    for _ in range(args.repeats):
        base.append(run(nbformat.from_dict(base_nb)))
        full.append(run(with_org(args.org)))
    print(f"organisation: {args.org}, repeats: {args.repeats}, cores: {os.cpu_count()}, "
          f"1-min load average at start/end: {load0:.1f}/{os.getloadavg()[0]:.1f}")
    print(f"| run | median s | min s | max s |\n|---|---|---|---|")
    for name, xs in (("baseline: fresh kernel + import pandas", base),
                     ("notebook 01, fresh kernel, all cells", full)):
        print(f"| {name} | {statistics.median(xs):.2f} | {min(xs):.2f} | {max(xs):.2f} |")
    print(f"notebook minus baseline: {statistics.median(full) - statistics.median(base):.2f} s")
    print("library calls alone (this process, first call):")
    for k, v in library_only(args.org).items():
        print(f"  {k}: {v:.2f} s")


if __name__ == "__main__":
    main()
