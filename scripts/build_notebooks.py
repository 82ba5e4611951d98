"""Build the committed notebooks from their readable sources.

Sources are Python files in the "percent" format (``# %%`` starts a code cell,
``# %% [markdown]`` a markdown cell, ``tags=["parameters"]`` sets cell tags). This script:

1. turns ``notebooks/src/NAME.py`` into ``notebooks/NAME.ipynb`` (kernel ``python3``);
2. runs it top to bottom in a fresh kernel, in the notebook's own folder;
3. keeps the outputs and execution counts **only** of cells tagged ``nbval-check-output``
   (those are the figures nbval compares in CI) and strips every other output.

Usage::

    python scripts/build_notebooks.py                 # every source in notebooks/src
    python scripts/build_notebooks.py notebooks/src/01_monitoring.py
    python scripts/build_notebooks.py --check         # fail if a committed notebook is stale

Other scripts (the exercises) import :func:`percent_to_notebook`, :func:`execute` and
:func:`keep_checked_outputs`.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
CHECK_TAG = "nbval-check-output"
_HEADER = re.compile(r"^# %%(?P<rest>.*)$")
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def percent_to_notebook(text: str) -> nbformat.NotebookNode:
    """Parse percent-format source text into a notebook (no outputs)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    cells: list[tuple[str, list[str], list[str]]] = []
    for line in text.splitlines():
        m = _HEADER.match(line)
        if m:
            rest = m.group("rest")
            kind = "markdown" if "[markdown]" in rest else "code"
            tags_m = re.search(r"tags\s*=\s*(\[.*?\])", rest)
            tags = json.loads(tags_m.group(1)) if tags_m else []
            cells.append((kind, tags, []))
        elif cells:
            cells[-1][2].append(line)
    for kind, tags, lines in cells:
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        if kind == "markdown":
            src = "\n".join(re.sub(r"^# ?", "", ln) for ln in lines)
            cell = nbformat.v4.new_markdown_cell(src)
        else:
            cell = nbformat.v4.new_code_cell("\n".join(lines))
        if tags:
            cell.metadata["tags"] = tags
        nb.cells.append(cell)
    for i, cell in enumerate(nb.cells):  # stable ids keep diffs small
        cell["id"] = f"cell-{i:03d}"
    return nb


def execute(nb: nbformat.NotebookNode, workdir: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Run every cell in a fresh ``python3`` kernel with ``workdir`` as the current folder."""
    client = NotebookClient(nb, kernel_name="python3", timeout=timeout,
                            resources={"metadata": {"path": str(workdir)}})
    client.execute()
    return nb


def keep_checked_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Keep outputs and counts only on cells tagged for nbval; strip the rest."""
    count = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.metadata.pop("execution", None)
        if CHECK_TAG in cell.metadata.get("tags", []):
            count += 1
            cell.execution_count = count
            for out in cell.outputs:
                if "execution_count" in out:
                    out["execution_count"] = count
        else:
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("widgets", None)
    return nb


def build(src: Path, out: Path | None = None, run: bool = True) -> Path:
    out = out or src.parent.parent / (src.stem + ".ipynb")
    nb = percent_to_notebook(src.read_text(encoding="utf-8"))
    if run:
        execute(nb, out.parent)
    keep_checked_outputs(nb)
    out.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sources", nargs="*", type=Path)
    ap.add_argument("--check", action="store_true",
                    help="only check that each notebook's cells match its source")
    args = ap.parse_args(argv)
    sources = args.sources or sorted((ROOT / "notebooks" / "src").glob("*.py"))
    stale = []
    for src in sources:
        src = src.resolve()
        target = src.parent.parent / (src.stem + ".ipynb")
        if args.check:
            want = [c.source for c in percent_to_notebook(src.read_text(encoding="utf-8")).cells]
            have = [c.source for c in nbformat.read(target, as_version=4).cells] if target.exists() else None
            if want != have:
                stale.append(target)
            continue
        print(f"building {target.relative_to(ROOT)} …", flush=True)
        build(src, target)
    if stale:
        print("stale notebooks (run scripts/build_notebooks.py):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
