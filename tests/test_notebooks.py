"""Every committed notebook (notebooks/, exercises/, exercises/tutor/): generic checks.

* the kernelspec is ``python3`` (papermill, nbval and JupyterLab all find it);
* notebooks in notebooks/ and exercises/ have a cell tagged ``parameters`` (papermill);
* stored outputs are deliberate: only cells tagged ``nbval-check-output`` keep outputs and an
  execution count (nbval compares exactly those and skips the rest);
* (slow) every notebook runs top to bottom under papermill with kernel ``python3`` in a fresh
  temporary folder — this catches errors nbval lets through.
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from _nbrun import run_notebook

REPO = Path(__file__).resolve().parent.parent
CHECK_TAG = "nbval-check-output"


def committed_notebooks() -> list[Path]:
    found = []
    for folder in ("notebooks", "exercises"):
        for p in sorted((REPO / folder).rglob("*.ipynb")):
            rel = p.relative_to(REPO)
            if any(part.startswith(".") or part in ("src", "_build", "learner_out")
                   for part in rel.parts):
                continue
            found.append(p)
    return found


NOTEBOOKS = committed_notebooks()
IDS = [str(p.relative_to(REPO)) for p in NOTEBOOKS]


def test_there_are_notebooks_to_test():
    assert any(p.parent.name == "exercises" for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_kernelspec_is_python3(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_parameterised_notebooks_have_a_parameters_cell(path):
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) <= 1, "more than one cell tagged 'parameters'"
    if path.parent.name in ("notebooks", "exercises"):
        assert tagged, "no cell tagged 'parameters' (papermill needs one)"
    if tagged:
        assert tagged[0].cell_type == "code"
        src = tagged[0].source
        compile(src, "parameters", "exec")  # plain Python literals
        assert "import" not in src, "keep the parameters cell to plain literals"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_papermill_sees_every_parameter(path):
    """`papermill --help-notebook` and papermill's unknown-parameter warning read the parameters
    cell line by line; a line it cannot parse (e.g. an inline comment containing '=') hides that
    parameter, so passing it gives 'Passed unknown parameter' and it is missing from the help."""
    import ast

    import papermill as pm
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    if not tagged:
        pytest.skip("no parameters cell")
    assigned = {t.id for node in ast.parse(tagged[0].source).body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)}
    assert set(pm.inspect_notebook(str(path))) == assigned


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_stored_outputs_are_only_on_checked_cells(path):
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        checked = CHECK_TAG in cell.metadata.get("tags", [])
        if checked and path.parent.name != "exercises":
            assert cell.execution_count is not None and cell.outputs, \
                f"cell {i} is tagged {CHECK_TAG} but has no stored output, so nbval skips it"
        if not checked:
            assert not cell.outputs and cell.execution_count is None, \
                f"cell {i} stores an output but is not tagged {CHECK_TAG}"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_runs_under_papermill(path):
    nb = run_notebook(str(path))
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors


# --------------------------------------------------------------------------- words, not codes
# The teaching notebooks (notebooks/01..04) are read by 16-year-olds: what they show must be
# words, never a column key ("needs_action", "winner_name") or a lower-case platform code
# ("[facebook]", "Platforms: blog, x"). These checks run on the outputs nbval compares and, in
# the notebook tests, on the tables each notebook draws.
PLATFORM_CODES = ("x", "facebook", "instagram", "linkedin", "reviews", "blog", "tiktok", "youtube",
                  "threads", "reddit", "mastodon")
_CODE = "|".join(PLATFORM_CODES)
SNAKE_CASE = re.compile(r"(?<![.\w])[a-z]+(?:_[a-z0-9]+)+\b")   # not a function: smlib.add_sentiment
PLATFORM_CODE_IN_TEXT = re.compile(
    rf"\[(?:{_CODE})\]|\bon (?:{_CODE})\b|Busiest platform: (?:{_CODE})\b"
    rf"|Platforms: (?:.*, )?(?:{_CODE})(?:,|$)", re.M)   # a list item that is a code ("the blog" is words)
PLATFORM_CODE_IN_CELL = re.compile(rf"<td[^>]*>\s*(?:{_CODE}|all)\s*</td>")
CODED_HEADING = re.compile(r"<th[^>]*>[^<]*_[^<]*</th>")


def words_not_codes_problems(text: str) -> list[str]:
    """Column keys and platform codes in printed text (empty when it reads as words)."""
    return ([f"field name {m}" for m in SNAKE_CASE.findall(text)]
            + [f"platform code in {m!r}" for m in PLATFORM_CODE_IN_TEXT.findall(text)])


def table_problems(nb: nbformat.NotebookNode) -> list[str]:
    """Headings with '_' and cells holding a bare platform code, in every HTML table shown."""
    found = []
    for i, cell in enumerate(nb.cells):
        for o in cell.get("outputs", []):
            html = o.get("data", {}).get("text/html", "")
            if "<table" not in html or "Plotly" in html:
                continue
            found += [f"cell {i}: heading {m}" for m in CODED_HEADING.findall(html)]
            found += [f"cell {i}: cell {m}" for m in PLATFORM_CODE_IN_CELL.findall(html)]
    return found


TEACHING = [p for p in NOTEBOOKS if p.parent.name == "notebooks" and p.name[:2].isdigit()]


@pytest.mark.parametrize("path", TEACHING, ids=[p.name for p in TEACHING])
def test_checked_outputs_of_teaching_notebooks_use_words_not_codes(path):
    """Review (hopewell-trust): 'Platforms: blog, facebook, …', 'Busiest platform: facebook',
    '  posted_by_business:  121', 'winner_name  changed' in the outputs nbval compares."""
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        if CHECK_TAG in cell.metadata.get("tags", []):
            text = "".join(o.get("text", "") or o.get("data", {}).get("text/plain", "")
                           for o in cell.outputs)
            assert not words_not_codes_problems(text), (i, words_not_codes_problems(text))
