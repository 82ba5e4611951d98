"""Notebook 01 (P3 monitoring) under papermill: every sample organisation and a real export.

Each run's printed figures are compared with smlib.monitor computed here, in the test process,
so the notebook is checked for the right numbers, not only for running.
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import smlib
from smlib.priority import format_wait

from _nbrun import run_in  # noqa: E402
from test_notebooks import table_problems, words_not_codes_problems  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NB = ROOT / "notebooks" / "01_monitoring.ipynb"
SRC = ROOT / "notebooks" / "src" / "01_monitoring.py"
SAMPLE_ORGS = ["northway-rail", "brightmart", "bean-and-leaf", "riverside-leisure",
               "hopewell-trust", "kelby-council"]


def _run(tmp_path: Path, **params) -> str:
    return run_in(tmp_path, NB, **params)


def _expected_lines(ds, days=None, platforms=None) -> list[str]:
    res = smlib.monitor(ds, days=days, platforms=platforms)
    h = res["headline"]
    name = res["meta"]["name"]
    cmp = smlib.compare_periods(ds, days=days, platforms=platforms)
    return [
        f"Organisation: {name}",
        "Monitoring days: " + ", ".join(res["meta"]["days"]),
        f"Messages on those days: {h['messages']} ({h['business_messages']} by {name}, "
        f"{h['customer_messages']} from the public)",
        f"Different people who wrote: {h['users']}",
        f"Negative messages from the public: {h['negative']} of {h['customer_messages']}",
        f"Questions: {h['questions']}",
        f"Praise: {h['praise']}",
        f"Still waiting for a reply: {h['waiting']}",
        smlib.describe_activity(res, comparison=cmp),
    ] + [f"{r.meaning}: {r.status}" for r in cmp[cmp["status"] != "no target"].itertuples()] + (
        [f"{t.label}: {t.messages} message{'' if t.messages == 1 else 's'} ({t.negative} negative)"
         for t in res["themes"].head(5).itertuples()] if smlib.metrics.available(res["themes"]) else [])


def test_committed_notebook_matches_its_source_and_is_checkable():
    import importlib.util
    spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "scripts" / "build_notebooks.py")
    bn = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bn)
    want = [c.source for c in bn.percent_to_notebook(SRC.read_text("utf-8")).cells]
    nb = nbformat.read(NB, as_version=4)
    assert [c.source for c in nb.cells] == want, "run scripts/build_notebooks.py notebooks/src/01_monitoring.py"
    assert nb.metadata["kernelspec"]["name"] == "python3"
    tags = [t for c in nb.cells for t in c.metadata.get("tags", [])]
    assert "parameters" in tags
    checked = [c for c in nb.cells if "nbval-check-output" in c.metadata.get("tags", [])]
    assert len(checked) >= 8
    # nbval only compares cells with a stored count and output
    assert all(c.execution_count and c.outputs for c in checked)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    assert re.search(r'^org = "', params.source, re.M) and re.search(r"^days = None", params.source, re.M)


@pytest.mark.slow
@pytest.mark.parametrize("org", SAMPLE_ORGS)
def test_notebook_runs_for_every_sample_org_with_the_right_figures(org, tmp_path):
    if org not in smlib.list_organisations():
        pytest.skip(f"{org} is not in the sample")
    text = _run(tmp_path, org=org)
    for line in _expected_lines(smlib.load_sample(org)):
        assert line in text, f"notebook output is missing: {line[:200]}"
    # review (hopewell-trust): 'Platforms: blog, facebook', 'Largest age group on facebook',
    # 'Busiest platform: facebook' and tables headed new_users, change_pct, as_of, by_followers,
    # better_when with cells 'facebook', 'GB'
    assert not words_not_codes_problems(text), words_not_codes_problems(text)
    nb = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    assert not table_problems(nb), table_problems(nb)
    html = "".join(o.get("data", {}).get("text/html", "") for c in nb.cells for o in c.get("outputs", []))
    assert not re.search(r"<td[^>]*>(GB|IE|US)</td>", html), "country codes instead of names"
    # the customer-care table: seven columns that fit, waits in words
    care = next(c for c in nb.cells if c.source.startswith("care = "))
    care_html = care.outputs[0]["data"]["text/html"]
    assert care_html.count("<th") <= 8 and "business_minutes" not in care_html


@pytest.mark.slow
def test_notebook_runs_with_chosen_days_and_platforms(tmp_path):
    ds = smlib.load_sample("northway-rail")
    days = [d.isoformat() for d in smlib.default_days(ds, 7)][::2]   # four days, not consecutive
    plats = sorted(set(ds.interactions["platform"].astype(str)))[:2]
    text = _run(tmp_path, org="northway-rail", days=days, platforms=plats)
    for line in _expected_lines(ds, days=days, platforms=plats):
        assert line in text, f"notebook output is missing: {line[:200]}"


@pytest.mark.slow
@pytest.mark.realdata
def test_notebook_runs_on_a_real_export(realdata, tmp_path):
    path = realdata / "twcs" / "twcs_head5000.csv"
    text = _run(tmp_path, org=str(path))
    for line in _expected_lines(smlib.load_org(str(path))):
        assert line in text, f"notebook output is missing: {line[:200]}"
    assert "Followers: not available from this source" in text
    assert "Median in business hours only: not available" in text  # no profile, no opening hours


@pytest.mark.slow
def test_notebook_runs_on_an_export_of_the_organisations_own_posts_only(tmp_path):
    """A Mastodon outbox (the account's own posts) has no messages from the public: every
    section still runs and says so, instead of a TypeError on a share of 0 of 0."""
    path = ROOT / "tests" / "data" / "loaders" / "good" / "outbox.json"
    text = _run(tmp_path, org=str(path))
    ds = smlib.load_org(str(path))
    res = smlib.monitor(ds)
    h, name = res["headline"], res["meta"]["name"]
    assert h["customer_messages"] == 0 and h["messages"] > 0   # the case this test is about
    cmp = smlib.compare_periods(ds)
    for line in (f"Messages on those days: {h['messages']} ({h['business_messages']} by {name}, "
                 "0 from the public)",
                 "Negative messages from the public: none",
                 "Busiest hour for the public: none",
                 "Messages from the public answered: n/a",
                 "Reply times: not available",
                 f"Messages: {h['messages']} now; nothing to compare with",
                 smlib.describe_activity(res, comparison=cmp)):
        assert line in text, f"notebook output is missing: {line[:200]}"
    assert "None minutes" not in text and "nan" not in text


@pytest.mark.slow
def test_notebook_runs_on_a_tiktok_download_with_customer_messages(tmp_path):
    """A TikTok 'Download your data' file (this session's new format): the customers' direct
    messages are the public, the owner's replies are the business, and the notebook's figures
    are the library's - 2 from the public, 1 negative, half answered after 20 minutes."""
    path = ROOT / "tests" / "data" / "loaders" / "good" / "tiktok_user_data.json"
    text = _run(tmp_path, org=str(path))
    ds = smlib.load_org(str(path))
    h = smlib.monitor(ds)["headline"]
    assert (h["customer_messages"], h["negative"], h["first_response_median_minutes"]) == (2, 1, 20)
    for line in _expected_lines(ds) + ["Messages from the public answered: 50%",
                                       f"Median time to first reply: {format_wait(h['first_response_median_minutes'])}"]:
        assert line in text, f"notebook output is missing: {line[:200]}"


def test_notebook_runs_on_google_reviews_and_counts_in_good_english(tmp_path):
    """Google Business Profile reviews with the business's reply: the reply is an answer, and one
    message is '1 message', not '1 messages'. (4 reviews since session 10: Sam Lee's 4 stars with
    no words are kept.)"""
    path = ROOT / "tests" / "data" / "loaders" / "tools" / "google_reviews.json"
    text = _run(tmp_path, org=str(path))
    ds = smlib.load_org(str(path))
    h = smlib.monitor(ds)["headline"]
    assert (h["customer_messages"], h["business_messages"], h["busiest_day_messages"]) == (4, 1, 1)
    # every day had 1 message: no single busiest day (session 14: ties are said to be ties)
    for line in _expected_lines(ds) + ["Busiest day: none - every monitoring day had 1 message\n",
                                       "Messages from the public answered: 25%"]:
        assert line in text, f"notebook output is missing: {line[:200]}"
    assert "1 messages" not in text
