"""Notebook 04 (tools, P4 and D1) under papermill: what it shows is written in words.

Review (hopewell-trust): 'Platforms: blog, facebook, …'; the facts table showed
'own_accounts; listening' and 'number_of_users'; the P3-through-a-tool table had rows
'customer_messages', 'national_share', 'top_age_group'; the sensitivity table was headed
'winner_name  changed' with 'False'; the catalogue cut its '2.1 measures' column with '…'.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

import smlib
from smlib import tools

from _nbrun import run_in  # noqa: E402
from test_notebooks import table_problems, words_not_codes_problems  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NB = ROOT / "notebooks" / "04_tools.ipynb"


@pytest.mark.slow
def test_notebook_04_shows_words_not_codes(tmp_path):
    out = run_in(tmp_path, NB, org="hopewell-trust")
    assert "Recommended tool:" in out
    assert not words_not_codes_problems(out), words_not_codes_problems(out)
    assert "False" not in out and "True" not in out
    for row in ("messages from the public", "share of followers in the home country", "largest age group"):
        assert row in out
    nb = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    assert not table_problems(nb), table_problems(nb)
    html = "".join(o.get("data", {}).get("text/html", "") for c in nb.cells for o in c.get("outputs", []))
    assert "own_accounts" not in html and "number_of_users" not in html and "ease_of_use" not in html
    # every measure of every tool written out in full (the catalogue was cut with '…')
    for measures in tools.catalogue_table()["2.1 measures"]:
        assert measures in html
    assert smlib.load_org("hopewell-trust").name in out
