"""The exercises: generator, tutor sources and learner notebooks.

* scripts/make_exercises.py turns solutions into stubs and drops tutor-only cells;
* the committed tutor and learner notebooks are exactly what the script makes from the sources;
* every check task is used by an exercise, and every answer a check reads is stubbed;
* (slow) every tutor notebook passes all its checks — for its own practice organisation and
  for the other one, which proves no answer is stored in a notebook;
* (slow) every blank learner notebook runs top to bottom and each check says "not yet done".
"""
from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path

import pytest

from _nbrun import output_text, run_notebook
from smlib.checks import TASKS, practice_orgs
from smlib.checks._core import default_org

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_exercises", REPO / "scripts" / "make_exercises.py")
mx = importlib.util.module_from_spec(_spec)
sys.modules["make_exercises"] = mx
_spec.loader.exec_module(mx)

SOURCES = mx.sources()
SRC_IDS = [s.stem for s in SOURCES]
CHECK_CALL = re.compile(r"""check\(\s*["']([\w.]+)["']""")


def check_keys(nb) -> list[str]:
    return [k for c in nb.cells if c.cell_type == "code" for k in CHECK_CALL.findall(c.source)]


def check_cells(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "code" and "check" in c.metadata.get("tags", [])]


# ------------------------------------------------------------------ the generator
def test_strip_solutions_stubs_each_kind_of_answer():
    src = "\n".join([
        "x = 1", "### BEGIN SOLUTION", "n = len(t)", "text = f'{n} rows'", "plain = 'a row'",
        "cats = {1: 'a', 2: 'b'}", "tools = ['Klout']", "for i in range(3):", "    pass",
        "_helper = n * 2",
        "### END SOLUTION", "print(x)"])
    out = mx.strip_solutions(src)
    assert "BEGIN SOLUTION" not in out and "len(t)" not in out and "Klout" not in out
    assert "'a'" not in out and "range" not in out
    ns: dict = {}
    exec(out, ns)  # the stub is valid Python
    assert ns["n"] is ... and ns["tools"] == []
    assert ns["text"].strip() == ns["plain"].strip() == mx.PLACEHOLDER
    assert ns["cats"] == {1: ..., 2: ...}
    assert "_helper" not in ns  # the solution's own helpers get no stub
    assert out.splitlines()[0] == "x = 1" and out.splitlines()[-1] == "print(x)"
    assert "# YOUR ANSWER HERE" in out


def test_strip_solutions_keeps_indentation_and_rejects_unmatched_markers():
    out = mx.strip_solutions("if True:\n    ### BEGIN SOLUTION\n    a = 2\n    ### END SOLUTION")
    ns: dict = {}
    exec(out, ns)
    assert ns["a"] is ...
    with pytest.raises(ValueError):
        mx.strip_solutions("### BEGIN SOLUTION\na = 1")
    with pytest.raises(ValueError):
        mx.strip_solutions("a = 1\n### END SOLUTION")


@pytest.mark.parametrize("src", SOURCES, ids=SRC_IDS)
def test_learner_version_hides_solutions_and_tutor_notes(src):
    tutor, learner = mx.tutor_notebook(src), mx.learner_notebook(src)
    text = "\n".join(c.source for c in learner.cells)
    assert mx.BEGIN not in text and mx.END not in text
    assert not any(mx.TUTOR_TAG in c.metadata.get("tags", []) for c in learner.cells)
    assert any(mx.TUTOR_TAG in c.metadata.get("tags", []) for c in tutor.cells), \
        "each exercise should carry a tutor note"
    assert all(not c.get("outputs") for c in learner.cells if c.cell_type == "code")
    # every solution line that computes something is gone from the learner version
    for cell in tutor.cells:
        if mx.BEGIN in cell.source:
            body = cell.source.split(mx.BEGIN, 1)[1].split(mx.END, 1)[0]
            for line in body.splitlines():
                if "=" in line and len(line.split("=", 1)[1].strip()) > 3:
                    assert line not in text, line


@pytest.mark.parametrize("src", SOURCES, ids=SRC_IDS)
def test_committed_notebooks_match_the_generator(src):
    assert mx.stale(src) == [], "run: python scripts/make_exercises.py " + str(src.relative_to(REPO))


@pytest.mark.parametrize("src", SOURCES, ids=SRC_IDS)
def test_every_answer_a_check_reads_is_stubbed_before_its_check(src):
    learner = mx.learner_notebook(src)
    assigned: set[str] = set()
    for cell in learner.cells:
        if cell.cell_type != "code":
            continue
        for key in CHECK_CALL.findall(cell.source):
            missing = set(TASKS[key].answers) - assigned
            assert not missing, f"check {key!r} reads {missing} before any cell sets them"
        tree = ast.parse(cell.source)
        assigned |= {t.id for n in tree.body if isinstance(n, ast.Assign)
                     for t in n.targets if isinstance(t, ast.Name)}


def test_every_check_task_is_used_by_exactly_one_exercise():
    used = [k for s in SOURCES for k in check_keys(mx.tutor_notebook(s))]
    assert sorted(used) == sorted(TASKS), "tasks unused or used twice"
    for s in SOURCES:  # each exercise checks only its own tasks (its org default applies)
        prefixes = {k.split(".")[0] for k in check_keys(mx.tutor_notebook(s))}
        assert len(prefixes) == 1


def test_solutions_compute_answers_rather_than_store_them():
    """No solution assigns a bare number: answers come from the data at run time."""
    for s in SOURCES:
        for cell in mx.tutor_notebook(s).cells:
            if mx.BEGIN not in cell.source:
                continue
            body = cell.source.split(mx.BEGIN, 1)[1].split(mx.END, 1)[0]
            for node in ast.walk(ast.parse(body)):
                if isinstance(node, ast.Assign):
                    assert not (isinstance(node.value, ast.Constant)
                                and isinstance(node.value.value, (int, float))), (s.name, body)


def test_exercise_settings_are_valid(repo):
    orgs = practice_orgs()
    assert len(orgs) >= 2
    from smlib.sample import list_organisations
    assert set(orgs) <= set(list_organisations(include_practice=True))
    for s in SOURCES:
        keys = check_keys(mx.tutor_notebook(s))
        assert default_org(keys[0].split(".")[0]) in orgs


def test_p3_p4_m2_d1_use_the_same_organisation():
    """Unit 3: learners use the same selected organisation for P3, M2, P4 and D1."""
    assert len({default_org(e) for e in ("p3", "m2", "p4", "d1")}) == 1


def test_exercise_orgs_are_practice_orgs_not_assessment_orgs():
    """Practice material must differ from what is assessed (the handbook): the practice orgs
    are marked ``practice = true`` and are not among the organisations the reports use."""
    from smlib.sample import list_organisations, load_profile
    assert not set(practice_orgs()) & set(list_organisations())
    for org in practice_orgs():
        assert load_profile(org).extra.get("practice") is True


# ------------------------------------------------------------------ running them (slow)
def _other_org(src: Path) -> str:
    keys = check_keys(mx.tutor_notebook(src))
    own = default_org(keys[0].split(".")[0])
    return next(o for o in practice_orgs() if o != own)


def _assert_all_checks(nb, prefix: str, n_expected: int) -> None:
    cells = check_cells(nb)
    assert len(cells) == n_expected
    for cell in cells:
        text = output_text(cell)
        assert text.startswith(prefix), text
        assert "Traceback" not in text


@pytest.mark.slow
@pytest.mark.parametrize("src", SOURCES, ids=SRC_IDS)
def test_tutor_notebook_passes_every_check(src):
    tutor, _ = mx.targets(src)
    nb = run_notebook(str(tutor))
    _assert_all_checks(nb, "✓", len(check_keys(nb)))


@pytest.mark.slow
@pytest.mark.parametrize("src", SOURCES, ids=SRC_IDS)
def test_tutor_notebook_passes_for_the_other_practice_organisation(src):
    tutor, _ = mx.targets(src)
    nb = run_notebook(str(tutor), (("org", _other_org(src)),))
    _assert_all_checks(nb, "✓", len(check_keys(nb)))


@pytest.mark.slow
@pytest.mark.parametrize("src", SOURCES, ids=SRC_IDS)
def test_blank_learner_notebook_says_not_yet_done_everywhere(src):
    _, learner = mx.targets(src)
    nb = run_notebook(str(learner))
    _assert_all_checks(nb, "… Not yet done", len(check_keys(nb)))
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors


def test_notebook_text_names_the_tool_and_weights_the_checks_use():
    from smlib.checks.d1 import COST_FIRST
    from smlib.checks.p4 import COVERAGE_TOOL
    from smlib.tools import load_tool_catalogue
    name = load_tool_catalogue().set_index("id").loc[COVERAGE_TOOL, "name"]
    p4 = "\n".join(c.source for c in mx.learner_notebook(SOURCES[3]).cells if c.cell_type == "markdown")
    assert name in p4
    d1 = "\n".join(c.source for c in mx.learner_notebook(SOURCES[4]).cells)
    assert str(COST_FIRST).replace("'", '"') in d1


def test_handout_copies_only_learner_versions(tmp_path):
    assert mx.main(["--handout", str(tmp_path / "out")]) == 0
    copied = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert copied == sorted(f"{s.stem}.ipynb" for s in SOURCES)
    for p in (tmp_path / "out").iterdir():
        assert mx.BEGIN not in p.read_text(encoding="utf-8")
