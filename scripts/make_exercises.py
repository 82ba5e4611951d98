"""Build the exercise notebooks: tutor versions with solutions, learner versions without.

Sources are percent-format Python files in ``exercises/src/`` (see ``scripts/build_notebooks.py``
for the format). In a source:

* code between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` is the tutor's solution. In the
  learner version it becomes ``# YOUR ANSWER HERE`` plus a stub for every name the solution
  assigns at its own level: ``name = ...``; a text answer (a string or f-string) becomes a
  triple-quoted placeholder; names starting with ``_`` are the solution's own helpers and get
  no stub;
  a dict with constant keys keeps its keys with ``...`` values (so learners see what to fill);
* cells tagged ``tutor-only`` (notes, marking guidance) appear in the tutor version only;
* check cells are tagged ``check`` and ``nbval-check-output``: in the tutor version their
  output (always ✓) is stored and compared by nbval in CI; the learner version stores no output.

Outputs::

    exercises/tutor/NAME.ipynb   run top to bottom; outputs kept only on checked cells
    exercises/NAME.ipynb         learner version, no outputs (hand these out)

Usage::

    python scripts/make_exercises.py                 # build everything
    python scripts/make_exercises.py exercises/src/01_p3_monitoring.py
    python scripts/make_exercises.py --learner-only  # no kernel needed
    python scripts/make_exercises.py --check         # fail if a committed notebook is stale
    python scripts/make_exercises.py --handout DIR   # copy the learner notebooks to DIR
"""
from __future__ import annotations

import argparse
import ast
import copy
import shutil
import sys
import textwrap
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_notebooks import CHECK_TAG, execute, keep_checked_outputs, percent_to_notebook  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ROOT / "exercises"
SRC = EXERCISES / "src"
TUTOR = EXERCISES / "tutor"
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
TUTOR_TAG = "tutor-only"
PLACEHOLDER = "YOUR ANSWER HERE"


def _stub_lines(block: list[str], indent: str) -> list[str]:
    """The learner's stub for one solution block (see the module docstring)."""
    out = [f"{indent}# {PLACEHOLDER}"]
    try:
        tree = ast.parse(textwrap.dedent("\n".join(block)))
    except SyntaxError:
        return out
    stubs: dict[str, list[str]] = {}
    for node in tree.body:
        targets = []
        if isinstance(node, ast.Assign):
            targets = [t.id for t in node.targets if isinstance(t, ast.Name)]
            value = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            targets, value = [node.target.id], node.value
        for name in targets:
            if name.startswith("_"):  # a helper of the tutor's solution: no stub
                continue
            if (isinstance(value, ast.Constant) and isinstance(value.value, str)) \
                    or isinstance(value, ast.JoinedStr):
                stubs[name] = [f'{indent}{name} = """', PLACEHOLDER, '"""']
            elif (isinstance(value, ast.Dict) and value.keys
                  and all(isinstance(k, ast.Constant) for k in value.keys)):
                stubs[name] = ([f"{indent}{name} = {{"]
                               + [f"{indent}    {k.value!r}: ...," for k in value.keys]  # type: ignore[union-attr]
                               + [f"{indent}}}"])
            elif isinstance(value, (ast.List, ast.Tuple, ast.Set)):
                stubs[name] = [f"{indent}{name} = []"]
            else:
                stubs[name] = [f"{indent}{name} = ..."]
    for lines in stubs.values():
        out.extend(lines)
    return out


def strip_solutions(source: str) -> str:
    """Replace every solution block in a code cell's source with its learner stub."""
    lines = source.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() == BEGIN:
            indent = line[: len(line) - len(line.lstrip())]
            j = i + 1
            while j < len(lines) and lines[j].strip() != END:
                j += 1
            if j == len(lines):
                raise ValueError(f"'{BEGIN}' without a matching '{END}'")
            out.extend(_stub_lines(lines[i + 1:j], indent))
            i = j + 1
            continue
        if line.strip() == END:
            raise ValueError(f"'{END}' without a matching '{BEGIN}'")
        out.append(line)
        i += 1
    return "\n".join(out)


def tutor_notebook(src: Path) -> nbformat.NotebookNode:
    """The tutor version's cells (not yet run)."""
    return percent_to_notebook(src.read_text(encoding="utf-8"))


def learner_notebook(src: Path) -> nbformat.NotebookNode:
    """The learner version: tutor-only cells removed, solutions stubbed, no outputs."""
    nb = copy.deepcopy(tutor_notebook(src))
    cells = []
    for cell in nb.cells:
        tags = list(cell.metadata.get("tags", []))
        if TUTOR_TAG in tags:
            continue
        if cell.cell_type == "code":
            cell.source = strip_solutions(cell.source)
            cell.outputs, cell.execution_count = [], None
        elif BEGIN in cell.source:
            raise ValueError(f"{src.name}: solution markers in a markdown cell; tag it '{TUTOR_TAG}'")
        tags = [t for t in tags if t != CHECK_TAG]
        if tags:
            cell.metadata["tags"] = tags
        else:
            cell.metadata.pop("tags", None)
        cells.append(cell)
    nb.cells = cells
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:03d}"
    return nb


def write(nb: nbformat.NotebookNode, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def targets(src: Path) -> tuple[Path, Path]:
    """(tutor path, learner path) for a source file."""
    return TUTOR / f"{src.stem}.ipynb", EXERCISES / f"{src.stem}.ipynb"


def build(src: Path, run: bool = True, learner_only: bool = False) -> None:
    tutor_path, learner_path = targets(src)
    write(learner_notebook(src), learner_path)
    if learner_only:
        return
    nb = tutor_notebook(src)
    if run:
        execute(nb, tutor_path.parent)
    write(keep_checked_outputs(nb), tutor_path)


def stale(src: Path) -> list[Path]:
    """Committed notebooks that do not match what this script makes from ``src``."""
    tutor_path, learner_path = targets(src)
    bad = []
    want = nbformat.writes(learner_notebook(src)) + "\n"
    if not learner_path.exists() or learner_path.read_text(encoding="utf-8") != want:
        bad.append(learner_path)
    cells = [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in tutor_notebook(src).cells]
    have = None
    if tutor_path.exists():
        have = [(c.cell_type, c.source, c.metadata.get("tags", []))
                for c in nbformat.read(tutor_path, as_version=4).cells]
    if cells != have:
        bad.append(tutor_path)
    return bad


def sources() -> list[Path]:
    return sorted(SRC.glob("*.py"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sources", nargs="*", type=Path)
    ap.add_argument("--check", action="store_true", help="fail if a committed notebook is stale")
    ap.add_argument("--learner-only", action="store_true", help="only write the learner versions")
    ap.add_argument("--handout", type=Path, metavar="DIR",
                    help="copy the learner notebooks into DIR to hand out")
    args = ap.parse_args(argv)
    srcs = [s.resolve() for s in args.sources] or sources()
    if args.handout:
        args.handout.mkdir(parents=True, exist_ok=True)
        for src in srcs:
            learner = targets(src)[1]
            shutil.copy2(learner, args.handout / learner.name)
            print(f"copied {learner.name} → {args.handout}")
        return 0
    if args.check:
        bad = [p for s in srcs for p in stale(s)]
        if bad:
            print("stale exercise notebooks (run scripts/make_exercises.py):",
                  *[str(p.relative_to(ROOT)) for p in bad], sep="\n  ")
            return 1
        print(f"{len(srcs)} exercise sources: notebooks up to date")
        return 0
    for src in srcs:
        print(f"building {src.relative_to(ROOT)} …", flush=True)
        build(src, learner_only=args.learner_only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
