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


def test_index_table_fits_a_laptop_window_and_scrolls_in_its_box_when_narrow(tmp_path, chromium):
    """Every index column is visible at 1280 px (no sideways scroll); in a narrow window the
    table scrolls inside its own box, never the whole page (the title and note stay put)."""
    from smlib.report import INDEX_KPIS, render_index
    headline = {"messages": 432, "customer_messages": 234, "unique_users": 193, "negative_share": 0.51,
                "answered_share": 0.73, "first_response_median_minutes": 48.0, "needs_action": 56,
                "urgent": 1, "crisis_alarm": False, "recommended_tool": "Brandwatch"}
    assert set(headline) <= set(INDEX_KPIS)
    rows = [{"slug": f"org-{i}", "status": "ok", "name": "Riverside Leisure Centre",
             "sector": "Charity (homelessness and food support)",
             "days": ["2026-10-28", "2026-10-29", "2026-10-30", "2026-10-31", "2026-11-01"],
             "headline": headline} for i in range(3)]
    page = tmp_path / "index.html"
    page.write_text(render_index(rows), encoding="utf-8")
    wide = open_report(page, SCREENS / "index-1280.png", chromium=chromium, width=1280)
    assert "Recommended tool" in wide.text and "JSON" in wide.text
    assert (wide.page_overflow, wide.box_overflow) == (0, 0)
    narrow = open_report(page, SCREENS / "index-700.png", chromium=chromium, width=700)
    assert narrow.page_overflow == 0
    assert narrow.box_overflow > 0      # the table is wider than 700 px: it scrolls in its box
