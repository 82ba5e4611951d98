"""Run a notebook under papermill once per test session (shared by the notebook tests).

Kernel ``python3``, a fresh temporary working directory (papermill runs the kernel in the
caller's cwd, so this catches notebooks that guess relative paths). A cell that runs longer than
``CELL_TIMEOUT`` seconds fails the test instead of hanging the suite (nbclient can wait for ever
on a kernel that went quiet, e.g. jupyter/nbclient#312).
"""
from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

import nbformat

CELL_TIMEOUT = 600


@lru_cache(maxsize=None)
def run_notebook(path: str, params: tuple[tuple[str, object], ...] = ()) -> nbformat.NotebookNode:
    """The executed notebook; raises papermill's PapermillExecutionError when a cell fails."""
    import papermill as pm

    tmp = Path(tempfile.mkdtemp(prefix="nbrun-"))
    out = tmp / Path(path).name
    pm.execute_notebook(str(path), str(out), parameters=dict(params), kernel_name="python3",
                        cwd=str(tmp), progress_bar=False, log_output=False,
                        execution_timeout=CELL_TIMEOUT)
    return nbformat.read(out, as_version=4)


def output_text(cell) -> str:
    """All text a code cell showed (stdout and plain-text results)."""
    parts = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream":
            parts.append(o.get("text", ""))
        elif "data" in o:
            parts.append(o["data"].get("text/plain", ""))
        elif o.get("output_type") == "error":
            parts.append("\n".join(o.get("traceback", [])))
    return "".join(parts)


def notebook_stdout(nb: nbformat.NotebookNode) -> str:
    """Everything the notebook printed (stdout streams only), in cell order."""
    return "".join(o["text"] for c in nb.cells for o in c.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stdout")


def run_in(tmp_path: Path, notebook: Path, **params) -> str:
    """Run ``notebook`` under papermill with ``params`` in ``tmp_path``; return what it printed."""
    import papermill as pm

    out = tmp_path / "out.ipynb"
    pm.execute_notebook(str(notebook), str(out), parameters=params, kernel_name="python3",
                        progress_bar=False, cwd=str(tmp_path), execution_timeout=CELL_TIMEOUT)
    return notebook_stdout(nbformat.read(out, as_version=4))
