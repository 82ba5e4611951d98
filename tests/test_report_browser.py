"""Open the HTML reports in real headless Chromium, offline: charts drawn, no injected script ran.

Needs Debian's ``chromium`` (the test installs it with apt when it runs as root, or skips with
the reason) and the python ``playwright`` package driving it via ``executable_path``. Every
request that is not a local file is aborted, so a chart that needs a CDN would fail here.
Screenshots go to ``$SMLIB_SCREENSHOT_DIR`` (default ``<tmp>/smlib-screens``) for a human to look at.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import smlib
from browser import SCREENS, chromium_or_skip, open_report

FIX = Path(__file__).parent / "data" / "report"
HOSTILE = ("<script>window.__pwned = 1; alert(1)</script>",
           '<img src=x onerror="window.__pwned=2;alert(2)">')

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def chromium():
    return chromium_or_skip()


@pytest.fixture(scope="module")
def fixture_reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser-fixture")
    summary = smlib.build_reports(["alpha"], out, workers=1, notebook=FIX / "minimal.ipynb",
                                  progress=False)
    assert summary["succeeded"] == ["alpha"], summary["failed"]
    return out


def test_fixture_report_renders_offline_and_stays_inert(fixture_reports, chromium):
    rep = open_report(fixture_reports / "alpha" / "report.html", SCREENS / "fixture-alpha.png",
                      chromium=chromium)
    assert rep.plot_divs == 1
    assert rep.plots == 1, "the plotly chart did not draw (plotly.js missing or blocked?)"
    assert rep.pwned is None and rep.dialogs == [], "script from message text ran"
    assert rep.blocked == [], f"the report tried to reach the network: {rep.blocked[:3]}"
    assert not [e for e in rep.errors if "Plotly" in e], rep.errors
    for text in HOSTILE:  # shown to the reader as text
        assert text in rep.text
    assert rep.screenshot.stat().st_size > 10_000


def test_index_page_opens_and_links_resolve(fixture_reports, chromium):
    rep = open_report(fixture_reports / "index.html", SCREENS / "fixture-index.png", chromium=chromium)
    assert "1 of 1 organisation report(s) ready" in rep.text
    assert rep.blocked == [] and rep.errors == []
    assert (fixture_reports / "alpha" / "report.html").exists()
