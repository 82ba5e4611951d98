"""The ``smlib`` command line: list organisations, build reports, regenerate the sample.

Each sub-command is a thin wrapper over a library function, so everything the CLI does can
also be done from a notebook.
"""
from __future__ import annotations

import argparse
import os
import sys

from .errors import DataError


def _cmd_orgs(args: argparse.Namespace) -> int:
    from .sample import list_organisations, load_profile
    for slug in list_organisations():
        p = load_profile(slug)
        print(f"{slug:24} {p.name} ({p.sector}); platforms: {', '.join(p.platforms)}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import run_cli
    return run_cli(args)


def _cmd_generate(args: argparse.Namespace) -> int:
    from .generate import main as generate_main
    return generate_main(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="smlib", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("orgs", help="list the bundled sample organisations")
    p.set_defaults(func=_cmd_orgs)

    p = sub.add_parser("report", help="build one HTML report per organisation with papermill")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--org", action="append", metavar="ORG",
                     help="a sample organisation slug or a path to exported data (repeatable)")
    who.add_argument("--all", action="store_true", help="every bundled sample organisation")
    p.add_argument("--days", default=None,
                   help="monitoring days, comma-separated YYYY-MM-DD (default: five busiest-recent days)")
    p.add_argument("--out", default="reports", help="output folder (default: ./reports)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="parallel processes (default: number of CPU cores)")
    p.add_argument("--show-handles", action="store_true",
                   help="show real customer handles (for the organisation's own staff only)")
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("generate-sample", help="regenerate the bundled sample data (deterministic)")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--out", default=None, help="folder (default: data/sample)")
    p.set_defaults(func=_cmd_generate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except DataError as exc:
        print(f"smlib: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
