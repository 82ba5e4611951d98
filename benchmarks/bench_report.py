"""Benchmark the report batch: every sample organisation, in parallel and one at a time, same run.

Usage::

    .venv/bin/python benchmarks/bench_report.py                 # print the table
    .venv/bin/python benchmarks/bench_report.py --write docs/reports.md

``--workers`` sets the parallel run (default: CPU count); the baseline is ``workers=1`` measured
in the same run, on the same machine, straight after. Both runs use the real report notebook
and write to temporary folders. Per-organisation time is measured in the worker (papermill
plus HTML export); wall time includes starting the worker processes and writing the index.
The machine's load average is recorded because the cores may be shared.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import sys
import tempfile
from pathlib import Path

import smlib

START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def run(workers: int, orgs: list[str]) -> dict:
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix=f"bench-w{workers}-") as out:
        summary = smlib.build_reports(orgs, out, workers=workers, progress=False)
    if summary["failed"]:
        raise SystemExit(f"benchmark run failed: {summary['failed']}")
    return {"workers": summary["workers"], "wall": summary["seconds"], "load": load_before,
            "per_org": {r["slug"]: r["seconds"] for r in summary["results"]}}


def table(par: dict, seq: dict, orgs: list[str]) -> str:
    lines = [f"Measured {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} "
             f"CPU core(s), Python {platform.python_version()}; load average before each run: "
             f"sequential {seq['load']:.1f}, parallel {par['load']:.1f}.", "",
             f"| organisation | sequential (1 worker), s | parallel ({par['workers']} workers), s |",
             "|---|---:|---:|"]
    for slug in orgs:
        lines.append(f"| {slug} | {seq['per_org'][slug]:.1f} | {par['per_org'][slug]:.1f} |")
    lines += [f"| **sum of per-organisation times** | {sum(seq['per_org'].values()):.1f} | "
              f"{sum(par['per_org'].values()):.1f} |",
              f"| **wall time, whole batch** | **{seq['wall']:.1f}** | **{par['wall']:.1f}** |", "",
              f"Speed-up of the whole batch: {seq['wall'] / par['wall']:.2f}× "
              f"({par['workers']} workers vs 1)."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--write", type=Path, help="replace the benchmark block in this Markdown file")
    args = ap.parse_args(argv)
    orgs = smlib.list_organisations()
    seq = run(1, orgs)
    par = run(args.workers, orgs)
    text = table(par, seq, orgs)
    print(text)
    if args.write:
        doc = args.write.read_text(encoding="utf-8")
        if START not in doc or END not in doc:
            print(f"{args.write}: no {START} … {END} block to replace", file=sys.stderr)
            return 1
        doc = re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _m: f"{START}\n{text}\n{END}",
                     doc, flags=re.S)
        args.write.write_text(doc, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
