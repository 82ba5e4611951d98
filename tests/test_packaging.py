"""Set-up files agree with each other and with the README."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import pytest


def test_environment_yml_matches_pyproject(repo):
    py = tomllib.loads((repo / "pyproject.toml").read_text())
    env = (repo / "environment.yml").read_text()
    min_py = re.search(r">=\s*(\d+\.\d+)", py["project"]["requires-python"]).group(1)
    assert re.search(rf"^\s*-\s*python={re.escape(min_py)}\s*$", env, re.M), "python pin differs"
    pip_lines = re.findall(r"^\s*-\s*(-e\s+\.\S*)\s*$", env, re.M)
    assert pip_lines, "environment.yml must install the project with pip (-e .[extras])"
    extras = re.findall(r"\[([^\]]*)\]", pip_lines[0])
    for extra in (extras[0].split(",") if extras else []):
        assert extra.strip() in py["project"]["optional-dependencies"], f"unknown extra {extra}"
    # no conda package may duplicate (and so drift from) a pyproject dependency
    deps = {re.split(r"[<>=\[ ;]", d)[0].lower() for d in py["project"]["dependencies"]}
    conda_pkgs = {re.split(r"[<>= ]", m)[0].lower()
                  for m in re.findall(r"^  -\s*([A-Za-z][\w.-]*\S*)\s*$", env, re.M)} - {"python", "pip"}
    assert not (conda_pkgs & deps), f"pinned twice: {conda_pkgs & deps}"


def test_core_packages_declared(repo):
    py = tomllib.loads((repo / "pyproject.toml").read_text())
    names = {re.split(r"[<>=\[ ;]", d)[0].lower() for d in py["project"]["dependencies"]
             + py["project"]["optional-dependencies"]["test"]}
    for core in ("jupyterlab", "pandas", "matplotlib", "plotly", "vadersentiment", "papermill", "nbval"):
        assert core in names


def test_ci_runs_the_readme_test_command(repo):
    ci = [ln.strip() for ln in (repo / ".ci" / "run").read_text().splitlines()
          if ln.strip() and not ln.strip().startswith(("#", "set ", "cd "))]
    assert ci, ".ci/run runs nothing"
    assert ci[-1] in (repo / "README.md").read_text(), "CI must run exactly the README's test command"


def test_cli_entry_points_work():
    out = subprocess.run([sys.executable, "-m", "smlib", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "report" in out.stdout
    bad = subprocess.run([sys.executable, "-m", "smlib", "nonsense"], capture_output=True, text=True)
    assert bad.returncode != 0


def test_import_is_light():
    """Kernels start faster when ``import smlib`` does not pull in plotting or notebook tooling."""
    code = ("import sys, smlib; heavy = [m for m in ('matplotlib', 'plotly', 'papermill', 'nbconvert', "
            "'vaderSentiment') if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("name", ["DataError", "Dataset", "Profile", "load_response_times_missing"])
def test_unknown_names_raise_attribute_error(name):
    import smlib
    if name == "load_response_times_missing":
        with pytest.raises(AttributeError):
            getattr(smlib, name)
    else:
        assert getattr(smlib, name) is not None


@pytest.mark.slow
def test_readme_library_example_runs(repo, capsys):
    """The README's "library in ten lines" is what users copy first: it must run as written
    (it printed a dict for explain_extremes and judged crises in UTC before session 11)."""
    text = (repo / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## The library in ten lines"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "Highest priority:" in out and "Lowest priority:" in out and "{'highest'" not in out
    assert "Recommendation(" in out
