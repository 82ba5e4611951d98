"""The report on real public exports (../shared/realdata; skipped when absent).

Real exports have no organisation profile and usually no audience insights, odd dates and
messy text. Each one must either give a complete report (checked in headless Chromium) or fail
with a clear ``DataError`` saying why — never a pandas traceback, never a half-made report.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import smlib
from browser import SCREENS, chromium_or_skip, open_report

EXPORTS = ["airline/Tweets.csv", "twcs/twcs_random5000.csv", "exports/reddit/thread.json",
           "exports/youtube/commentThreads.json", "exports/mastodon/outbox.json",
           "exports/x_twitter_archive/tweets.js", "exports/facebook/posts_and_comments.json"]
pytestmark = [pytest.mark.slow, pytest.mark.realdata]


@pytest.fixture(scope="module")
def real_batch(realdata, tmp_path_factory):
    out = tmp_path_factory.mktemp("real-reports")
    paths = [realdata / p for p in EXPORTS]
    return out, smlib.build_reports(paths, out, workers=2, progress=False)


def test_real_exports_report_or_fail_clearly(real_batch):
    out, summary = real_batch
    for f in summary["failed"]:
        assert f["error"].startswith("DataError:"), f"{f['slug']}: {f['error']}"
        assert not (out / f["slug"] / "report.html").exists()
    assert len(summary["succeeded"]) >= 5, summary["failed"]


def test_real_reports_render_offline(real_batch):
    out, summary = real_batch
    chromium = chromium_or_skip()
    for slug in summary["succeeded"]:
        metrics = json.loads((out / slug / "metrics.json").read_text())
        assert metrics["headline"]["messages"] > 0
        rep = open_report(out / slug / "report.html", SCREENS / f"real-{slug}.png", chromium=chromium)
        # a file with nothing from the public (an outbox of own posts) has no crisis chart to draw
        # since session 15, so one chart fewer
        least = 5 if metrics["headline"].get("customer_messages") else 4
        assert rep.plot_divs >= least and rep.plots == rep.plot_divs, slug
        assert rep.pwned is None and rep.dialogs == [] and rep.blocked == [] and rep.errors == [], slug


def test_answered_box_says_when_replies_are_not_in_the_file(real_batch, realdata):
    """twcs_random5000 holds customers' tweets whose brand replies were sampled away: its box
    said 'Answered 0%' while the text below explained 216 messages have replies not in the file
    (a session 10 look at the report). The box now says so too."""
    out, summary = real_batch
    folder = {Path(str(r["org"])).resolve(): r["slug"] for r in summary["results"] if r["ok"]}
    slug = folder[(realdata / EXPORTS[1]).resolve()]
    page = (out / slug / "report.html").read_text(encoding="utf-8")
    assert "more have replies not in this file" in page


def test_real_reports_name_what_they_cover(real_batch, realdata):
    """A file about several organisations is titled with all of them (not the first row's), and
    the index says which file each export report came from."""
    out, summary = real_batch
    index = (out / "index.html").read_text(encoding="utf-8")
    folder = {Path(str(r["org"])).resolve(): r["slug"] for r in summary["results"] if r["ok"]}
    for rel in EXPORTS:
        slug = folder.get((realdata / rel).resolve())
        if slug is None:
            continue
        metrics = json.loads((out / slug / "metrics.json").read_text())
        # the title names the organisation as people know it (its handle), session 14
        assert metrics["name"] == smlib.summary.display_name(smlib.load(realdata / rel)), rel
        assert f"from {Path(rel).name}" in index
    airline = json.loads((out / folder[(realdata / EXPORTS[0]).resolve()] / "metrics.json").read_text())
    assert airline["name"].startswith("6 organisations (@united, @USAirways, @AmericanAir")
