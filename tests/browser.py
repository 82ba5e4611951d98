"""Open an HTML report in Debian's headless Chromium with the network off (for the report tests).

``chromium_or_skip()`` finds ``/usr/bin/chromium`` (trying ``apt-get install -y chromium`` once
when running as root) or skips the test with the reason. ``open_report()`` loads a file:// page
with every non-file request aborted, records dialogs (``alert``) and page errors, and returns
what the page shows: plotly figures drawn, ``window.__pwned``, blocked requests, a screenshot.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
SCREENS = Path(os.environ.get("SMLIB_SCREENSHOT_DIR", Path(tempfile.gettempdir()) / "smlib-screens"))
"""Where the tests save screenshots for a person to look at."""
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
_tried_install = False


def chromium_or_skip() -> str:
    """Path of a Chromium binary, installing Debian's package if we can, else ``pytest.skip``."""
    global _tried_install
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("browser check: the python package 'playwright' is not installed "
                    "(pip install playwright; never run `playwright install`)")
    path = shutil.which("chromium") or (CHROMIUM if os.path.exists(CHROMIUM) else None)
    if path is None and not _tried_install and shutil.which("apt-get") and os.geteuid() == 0:
        _tried_install = True
        subprocess.run(["apt-get", "install", "-y", "-q", "chromium"], capture_output=True,
                       timeout=600, check=False)
        path = shutil.which("chromium")
    if path is None:
        pytest.skip("browser check: Debian's 'chromium' is not installed and could not be "
                    "installed here (needs root and apt: apt-get install -y chromium)")
    return path


@dataclass
class PageReport:
    plots: int = 0          # charts plotly actually drew (a .js-plotly-plot with an SVG inside)
    plot_divs: int = 0      # chart containers in the HTML
    pwned: object = None
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    text: str = ""
    screenshot: Path | None = None
    page_overflow: int = 0  # px the page is wider than the window (a horizontal page scroll)
    box_overflow: int = 0   # px the widest .scroll box's content is wider than the box


def open_report(html: Path, screenshot: Path | None = None, chromium: str | None = None,
                width: int = 1100) -> PageReport:
    """Load ``html`` offline in headless Chromium and report what happened."""
    from playwright.sync_api import sync_playwright

    rep = PageReport()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium or chromium_or_skip(), headless=True,
                                    args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})

            def _route(route):
                url = route.request.url
                if url.startswith(("file:", "data:", "blob:", "about:")):
                    route.continue_()
                else:
                    rep.blocked.append(url)
                    route.abort()

            page.route("**/*", _route)
            page.on("dialog", lambda d: (rep.dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: rep.errors.append(str(e)))
            page.goto(html.resolve().as_uri(), wait_until="load", timeout=120_000)
            page.wait_for_timeout(1500)  # let plotly finish drawing
            rep.plot_divs = page.locator("div.plotly-graph-div").count()
            rep.plots = page.locator(".js-plotly-plot:has(.main-svg)").count()
            rep.pwned = page.evaluate("window.__pwned === undefined ? null : window.__pwned")
            rep.text = page.inner_text("body")
            rep.page_overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth")
            rep.box_overflow = page.evaluate(
                "Math.max(0, ...[...document.querySelectorAll('.scroll')].map(b => b.scrollWidth - b.clientWidth))")
            if screenshot is not None:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot), full_page=True)
                rep.screenshot = screenshot
        finally:
            browser.close()
    return rep
