"""The ``smlib`` command line: list organisations, build reports, regenerate the sample.

Each sub-command is a thin wrapper over a library function, so everything the CLI does can
also be done from a notebook.
"""
from __future__ import annotations

import argparse
import difflib
import os
import sys
import tempfile
from pathlib import Path

from .errors import DataError
from .paths import REPO_DIR

COMMANDS = ("orgs", "report", "generate-sample")
BUNDLED_REPORT = REPO_DIR / "notebooks" / "report.ipynb"


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error (no usage block): what was wrong and where to look."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def _positive_int(text: str) -> int:
    """``--workers``: a whole number of processes, 1 or more."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return n


def _whole(text: str) -> int:
    """``--seed``: any whole number."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def check_org(org: str) -> None:
    """Raise :class:`DataError` unless ``org`` is a sample organisation or an export that exists.

    Checked before any report is started, so a typo costs a one-line message (with the near
    match, from :func:`smlib.sample.resolve_org`, as ``smlib.load_org`` reads names) instead of
    a failed notebook run per organisation. An existing path is also checked for being readable
    and not empty here, as that is cheap; what is inside is the loader's job.
    """
    from .sample import resolve_org
    path = resolve_org(org)
    if not isinstance(path, Path):
        return
    text = str(org)
    if path.is_dir():
        if not any(p.is_file() for p in path.iterdir()):
            raise DataError("this folder has no exported files in it; give the export file or "
                            "a folder that holds it", source=text, field="org")
        return
    if not os.access(path, os.R_OK):
        raise DataError("this export cannot be read (no permission)", source=text, field="org")
    if path.stat().st_size == 0:
        raise DataError("this export file is empty", source=text, field="org")


def check_out(out: str, option: str = "--out") -> Path:
    """Make the output folder (if needed) and check it is a writable folder; raise DataError."""
    path = Path(out).expanduser()
    if path.exists() and not path.is_dir():
        raise DataError(f"{option} must be a folder, but this is a file", source=str(out),
                        field=option.lstrip("-"))
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".smlib-write-test-"):
            pass
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        raise DataError(f"cannot write the output folder ({why}); give a folder you can write "
                        f"to with {option}", source=str(out), field=option.lstrip("-")) from None
    return path


def _cmd_orgs(args: argparse.Namespace) -> int:
    from .sample import list_organisations, load_profile
    for slug in list_organisations():
        p = load_profile(slug)
        print(f"{slug:24} {p.name} ({p.sector}); platforms: {', '.join(p.platforms)}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from . import report
    report.parse_days(args.days)  # a bad --days is reported before anything is made
    # The bundled report notebook loads orgs with smlib.load_org, so its names are known here;
    # a different report notebook (e.g. a tutor's or a test's) may take other names.
    if Path(report.REPORT_NOTEBOOK).resolve() == BUNDLED_REPORT.resolve():
        for org in args.org or []:
            check_org(org)
    check_out(args.out)
    return report.run_cli(args)


def _cmd_generate(args: argparse.Namespace) -> int:
    from .generate import main as generate_main
    if args.out is not None:
        check_out(args.out)
    return generate_main(args)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="smlib", description=__doc__.splitlines()[0])
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
    p.add_argument("--workers", type=_positive_int, default=os.cpu_count() or 1,
                   help="parallel processes (default: number of CPU cores)")
    p.add_argument("--show-handles", action="store_true",
                   help="show real customer handles (for the organisation's own staff only)")
    p.add_argument("--corrections", default=None, metavar="CSV",
                   help="people's sentiment corrections (platform,message_id,sentiment_label) "
                        "used by every report")
    p.add_argument("--org-handles", default=None, metavar="HANDLES",
                   help="for exported files: the organisation's own handles, comma-separated "
                        "(e.g. AcmeShop,Acme_Help), so its posts count as the business's")
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("generate-sample", help="regenerate the bundled sample data (deterministic)")
    p.add_argument("--seed", type=_whole, default=None, help="a whole number")
    p.add_argument("--out", default=None, help="folder (default: data/sample)")
    p.set_defaults(func=_cmd_generate)
    return parser


def _unknown_command(argv: list[str]) -> str | None:
    """The one-line message for ``smlib reprot``, with the near match; None when it is known."""
    if not argv:
        return f"smlib: give a command: {', '.join(COMMANDS)} (see 'smlib --help')"
    first = argv[0]
    if first.startswith("-") or first in COMMANDS:
        return None
    near = difflib.get_close_matches(first, COMMANDS, n=1, cutoff=0.5)
    hint = f"did you mean '{near[0]}'? " if near else ""
    return f"smlib: unknown command {first!r}; {hint}the commands are: {', '.join(COMMANDS)}"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    unknown = _unknown_command(argv)
    if unknown:
        print(unknown, file=sys.stderr)
        return 2
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except DataError as exc:
        print(f"smlib: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `smlib orgs | head`: the reader stopped early, which is fine
        try:  # and Python's own flush at exit must not complain either
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0
    except OSError as exc:  # a disk or permission problem while writing: say which file
        where = f": {exc.filename}" if getattr(exc, "filename", None) else ""
        print(f"smlib: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
