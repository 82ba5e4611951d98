"""The real report notebook, run by the batch for every sample organisation and a hostile export.

One module-scoped batch (two worker processes) builds the six sample reports plus one from
``tests/data/report/hostile_export.csv`` (a generic CSV export whose messages contain
``<script>``, ``<img onerror>``, a ``javascript:`` link and spreadsheet formulas). The checks:

* every report succeeds and its metrics.json agrees with figures computed here independently
  from the raw CSV files (days, messages, messages from the public, people);
* the action queue CSV has one row per message needing action, highest priority first, and no
  cell a spreadsheet would run as a formula;
* the HTML has no code, has each criterion's section, shows no customer handle, and, opened in
  headless Chromium with the network off, draws its charts and runs no script from the messages.
"""
from __future__ import annotations

import csv
import html
import json
import re
import sys
import tomllib
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import smlib
from smlib.report import REPORT_NOTEBOOK

from browser import SCREENS, chromium_or_skip, open_report

FIX = Path(__file__).parent / "data" / "report"
HOSTILE_CSV = FIX / "hostile_export.csv"
# which of these reach the report depends on the priority rules: the tests check those that the
# report's queue table shows (the top of action_queue.csv), and that there is at least one
HOSTILE_TEXT = ("<script>window.__pwned = 1; alert('xss')</script>",
                '<img src=x onerror="window.__pwned=2;alert(2)">',
                '<a href="javascript:alert(3)">here</a>')
FORMULA_START = ("=", "+", "-", "@")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    orgs = [*smlib.list_organisations(), str(HOSTILE_CSV)]
    summary = smlib.build_reports(orgs, out, workers=2, progress=False)
    return out, summary


def _raw(slug: str) -> tuple[pd.DataFrame, str]:
    """The sample's interactions straight from CSV, and the organisation's time zone."""
    frame = pd.read_csv(smlib.paths.data_file("sample", slug, "interactions.csv"), dtype=str)
    prof = tomllib.loads(smlib.paths.data_file("organisations", f"{slug}.toml").read_text())
    return frame, prof.get("business_hours", {}).get("timezone", "Europe/London")


def _expected(slug: str) -> dict:
    frame, tz = _raw(slug)
    local_day = pd.to_datetime(frame["created_at"], utc=True).dt.tz_convert(tz).dt.date.astype(str)
    days = sorted(set(local_day))[-5:]
    on = frame[local_day.isin(days)]
    cust = on[on["author_is_org"] != "True"]
    return {"days": days, "messages": len(on), "customer_messages": len(cust),
            "users": cust["author_id"].nunique(),
            "customer_ids": set(cust["author_id"]), "customer_names": set(cust["author_name"].dropna())}


def test_committed_notebook_is_built_from_its_source_and_parameterised():
    nb = nbformat.read(REPORT_NOTEBOOK, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1
    for name in ("org", "days", "out_dir", "show_handles"):
        assert f"{name} = " in params[0].source
    src = REPORT_NOTEBOOK.parent / "src" / "report.py"
    sys.path.insert(0, str(REPORT_NOTEBOOK.parent.parent / "scripts"))
    from build_notebooks import percent_to_notebook
    want = [c.source for c in percent_to_notebook(src.read_text()).cells]
    assert [c.source for c in nb.cells] == want, "notebooks/report.ipynb is stale: rebuild it"


def test_every_report_succeeds(batch):
    out, summary = batch
    assert summary["failed"] == []
    assert sorted(summary["succeeded"]) == sorted([*smlib.list_organisations(), "hostile_export"])
    for slug in summary["succeeded"]:
        assert {"report.html", "report.ipynb", "metrics.json", "action_queue.csv"} <= {
            p.name for p in (out / slug).iterdir()}


@pytest.mark.parametrize("slug", smlib.list_organisations())
def test_metrics_match_an_independent_count(batch, slug):
    out, _ = batch
    m = json.loads((out / slug / "metrics.json").read_text())
    exp = _expected(slug)
    assert m["days"] == exp["days"]
    h = m["headline"]
    assert (h["messages"], h["customer_messages"], h["users"]) == (
        exp["messages"], exp["customer_messages"], exp["users"])


@pytest.mark.parametrize("slug", [*smlib.list_organisations(), "hostile_export"])
def test_action_queue_is_ordered_complete_and_formula_safe(batch, slug):
    out, _ = batch
    m = json.loads((out / slug / "metrics.json").read_text())
    with open(out / slug / "action_queue.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == m["headline"]["needs_action"] > 0
    prios = [int(r["priority"]) for r in rows]
    assert prios == sorted(prios, reverse=True)
    risky = [v for r in rows for v in r.values() if isinstance(v, str) and v.startswith(FORMULA_START)]
    assert risky == []


@pytest.mark.parametrize("slug", smlib.list_organisations())
def test_action_queue_matches_the_m2_notebooks_prioritisation(batch, slug):
    """The report's queue = what notebook 03 and the M2 checks get from prioritise_period."""
    from smlib.priority import prioritise_period
    out, _ = batch
    m = json.loads((out / slug / "metrics.json").read_text())
    scored, _days = prioritise_period(smlib.load_org(slug), m["days"])
    want = scored[scored["category"] == "needs_action"]
    with open(out / slug / "action_queue.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {(r["platform"], r["message_id"]) for r in rows} == set(
        zip(want["platform"].astype(str), want["message_id"].astype(str)))
    assert sum(r["urgent"] == "True" for r in rows) == int(want["urgent"].sum()) == m["headline"]["urgent"]


def test_hostile_formulas_are_neutralised_not_dropped(batch):
    out, _ = batch
    text = (out / "hostile_export" / "action_queue.csv").read_text(encoding="utf-8")
    raw = HOSTILE_CSV.read_text(encoding="utf-8")
    if "+44 7700 900123" in text:  # the message needs action, so it is in the queue
        assert "'+44 7700 900123" in text
    assert "=HYPERLINK" not in text or "'=HYPERLINK" in text
    assert "+44 7700 900123" in raw  # the fixture really contains it


@pytest.mark.parametrize("slug", [*smlib.list_organisations(), "hostile_export"])
def test_html_has_sections_and_no_code(batch, slug):
    page = (Path(batch[0]) / slug / "report.html").read_text(encoding="utf-8")
    for heading in ("P3 — What happened", "Themes and sentiment", "M2 — Sorting and prioritising",
                    "P4 and D1 — Which monitoring tool?"):
        assert heading in page
    for code in ("smlib.load_org(", "import plotly", "write_metrics(", "out_dir = "):
        assert code not in page
    # the tool table says what each tool reads and why tools on the same platforms see different
    # shares; the score table says what its 0-1 parts are (a tutor walk-through, session 10)
    assert "Reads" in page and html.escape(smlib.tools.SCOPE_NOTE, quote=False) in page
    assert "scored from 0 (worst) to 1 (best)" in page


def test_table_cells_name_platforms_as_labels(batch):
    """A table cell or chart label is a name on its own: "Review sites" and "Blog", not the
    in-sentence forms "review sites" / "the blog" (session 13 visual review)."""
    page = (Path(batch[0]) / "hopewell-trust" / "report.html").read_text(encoding="utf-8")
    cells = re.findall(r"<td[^>]*>(.*?)</td>", page, flags=re.S)
    assert "Review sites" in cells and "Blog" in cells
    assert not {"review sites", "the blog", "Review Sites"} & set(cells)


@pytest.mark.parametrize("slug", smlib.list_organisations())
def test_html_shows_no_customer_handles(batch, slug):
    out, _ = batch
    page = (out / slug / "report.html").read_text(encoding="utf-8")
    exp = _expected(slug)
    frame, _ = _raw(slug)
    # fake accounts impersonating the organisation are named on purpose, so they can be reported
    ds = smlib.load_org(slug)
    risks = smlib.find_security_risks(ds)
    fake_ids = set(risks.loc[risks["risk_types"].map(lambda t: "fake account" in t), "message_id"])
    rows = ds.interactions[ds.interactions["message_id"].isin(fake_ids)]
    # (a fake account is shown by its handle; its display name is quoted in the reason)
    fakes = set(risks["author"]) | set(rows["author_id"].dropna()) | set(rows["author_name"].dropna())
    leaked = sorted(h for h in exp["customer_ids"] | {n for n in exp["customer_names"] if " " in n}
                    if len(h) >= 6 and h not in fakes and h in page)
    assert leaked == [], f"customer handles in the report: {leaked[:5]}"


def _shown_hostile(folder: Path) -> list[str]:
    """Hostile texts among the queue rows the report's table shows (its first 12)."""
    with open(folder / "action_queue.csv", newline="", encoding="utf-8") as fh:
        top = [r["text"] for r in list(csv.DictReader(fh))[:12]]
    shown = [h for h in HOSTILE_TEXT if any(h in t for t in top)]
    assert shown, "no hostile message reached the report: the fixture no longer tests escaping"
    return shown


def test_hostile_text_is_escaped_in_html(batch):
    page = (batch[0] / "hostile_export" / "report.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in page and "<img src=x" not in page
    assert '<a href="javascript:' not in page
    for h in _shown_hostile(batch[0] / "hostile_export"):
        assert html.escape(h, quote=False) in page
    assert "customer1" not in page  # handles pseudonymised for a real export too


@pytest.mark.parametrize("slug", [*smlib.list_organisations(), "hostile_export"])
def test_report_in_headless_chromium(batch, slug):
    chromium = chromium_or_skip()
    rep = open_report(batch[0] / slug / "report.html", SCREENS / f"report-{slug}.png", chromium=chromium)
    assert rep.plot_divs >= 5, "charts missing from the HTML"
    assert rep.plots == rep.plot_divs, f"only {rep.plots} of {rep.plot_divs} charts were drawn"
    assert rep.pwned is None and rep.dialogs == [], f"script from message text ran: {rep.dialogs}"
    assert rep.blocked == [], f"the report reached for the network: {rep.blocked[:3]}"
    assert rep.errors == [], f"JavaScript errors: {rep.errors[:3]}"
    if slug == "hostile_export":
        for text in _shown_hostile(batch[0] / slug):
            assert text in rep.text, f"{text!r} not shown as text"


def test_index_lists_all_reports_with_kpis(batch):
    out, summary = batch
    page = (out / "index.html").read_text(encoding="utf-8")
    for slug in summary["succeeded"]:
        assert f'href="{slug}/report.html"' in page
    assert "Need action" in page and "Recommended tool" in page
    rep = open_report(out / "index.html", SCREENS / "index.png", chromium=chromium_or_skip())
    assert f"{len(summary['succeeded'])} of {len(summary['succeeded'])} organisation report(s) ready" in rep.text


def test_chosen_days_and_show_handles_for_staff(tmp_path):
    """--days and --show-handles reach the notebook: figures for exactly those days, real handles."""
    days = ["2026-03-03", "2026-03-05", "2026-03-09"]
    summary = smlib.build_reports([HOSTILE_CSV], tmp_path, workers=1, days=",".join(days),
                                  show_handles=True, progress=False)
    assert summary["succeeded"] == ["hostile_export"], summary["failed"]
    m = json.loads((tmp_path / "hostile_export" / "metrics.json").read_text())
    raw = pd.read_csv(HOSTILE_CSV, dtype=str)
    on = raw[raw["created_at"].str[:10].isin(days)]  # the export's times are UTC
    assert m["days"] == days
    assert m["headline"]["messages"] == len(on)
    assert m["headline"]["customer_messages"] == int((on["author_is_org"] == "false").sum())
    page = (tmp_path / "hostile_export" / "report.html").read_text(encoding="utf-8")
    ids = set(on.loc[on["author_is_org"] == "false", "author_id"])
    assert any(f">{i}<" in page for i in ids)
    # text written by library functions (summary, extremes, examples) is unmasked too
    assert re.findall(r"user-[0-9a-f]{8}", page) == []


@pytest.mark.slow
def test_export_with_no_public_messages_says_so_in_the_headline_boxes(tmp_path):
    """The repo's own Mastodon outbox fixture (own posts only): the boxes read 'n/a' with the
    reason, not 'half were answered faster' under an n/a."""
    fixture = Path(__file__).parent / "data" / "loaders" / "good" / "outbox.json"
    summary = smlib.build_reports([fixture], tmp_path, workers=1, progress=False)
    assert summary["succeeded"] == ["outbox"], summary["failed"]
    html = (tmp_path / "outbox" / "report.html").read_text(encoding="utf-8")
    assert html.count("no messages from the public") >= 2 and "no replies to time" in html
    assert "half were answered faster" not in html
    assert json.loads((tmp_path / "outbox" / "metrics.json").read_text())["source_file"] == "outbox.json"


# ── small exports a reviewer found problems with (tests/data/report/review/) ──────────────
REVIEW = FIX / "review"


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    """Five small exports in one batch (default days) and the crisis one on chosen days."""
    out = tmp_path_factory.mktemp("review")
    files = ["org_only.csv", "markup_names.csv", "long_messages.csv", "previous_period.csv", "Кафе.csv"]
    summary = smlib.build_reports([REVIEW / f for f in files], out, workers=2, progress=False)
    crisis = smlib.build_reports([REVIEW / "crisis_midnight.csv"], out, workers=1, progress=False,
                                 days="2026-03-03,2026-03-04")
    assert crisis["succeeded"] == ["crisis_midnight"], crisis["failed"]
    return out, summary


def _page(out: Path, slug: str) -> str:
    return (out / slug / "report.html").read_text(encoding="utf-8")


def _metrics(out: Path, slug: str) -> dict:
    return json.loads((out / slug / "metrics.json").read_text(encoding="utf-8"))


def test_review_exports_all_succeed(review):
    out, summary = review
    assert summary["failed"] == []
    assert len(summary["succeeded"]) == 5


def test_crisis_before_the_monitoring_days_is_not_counted_on_them(review):
    """A crisis 'Mon 02 Mar 23:00–00:00' was counted as on Tue 3 Mar (end is exclusive)."""
    out, _ = review
    m = _metrics(out, "crisis_midnight")
    assert m["headline"]["crisis_periods_all_data"] == 1
    assert m["headline"]["crisis_alarm"] is False
    assert "1 crisis period in all the data; it is not on the monitoring days" in _page(out, "crisis_midnight")


def test_no_public_messages_every_section_says_so(review):
    """Only the organisation's own posts: the sentiment chart had no bars and no sentence, the
    themes and queue tables were headings only, and busiest_hour was 0 with 0 messages."""
    out, _ = review
    m = _metrics(out, "org_only")
    assert m["headline"]["customer_messages"] == 0
    assert m["headline"]["busiest_hour"] is None and m["headline"]["busiest_hour_messages"] is None
    page = _page(out, "org_only")
    assert "so there is no sentiment (how people felt) to show" in page
    assert "so there are no themes to show" in page
    assert "No message on the monitoring days needs action, so the queue is empty." in page
    assert not re.search(r"<tbody>\s*</tbody>", page)          # no table of headings only
    assert "How the public felt, per platform" not in page     # no empty chart


def test_names_from_the_file_are_text_in_charts(review):
    """The org column held '<b>Bold</b> & <a href=…>Click me</a>' and the platform '<i>Chat</i>':
    plotly drew a live link and bold text in the chart titles. Opened in Chromium, no chart
    holds a link or bold text, and the title shows the name as written."""
    out, _ = review
    slug = next(p.name for p in out.iterdir() if p.is_dir() and p.name.startswith("markup"))
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_or_skip(), headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        try:
            tab = browser.new_page()
            tab.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:", "about:")) else r.abort())
            tab.goto((out / slug / "report.html").as_uri(), wait_until="load")
            tab.wait_for_timeout(1500)
            links = tab.evaluate("document.querySelectorAll('.js-plotly-plot svg a').length")  # not the modebar's logo
            bold = tab.evaluate("[...document.querySelectorAll('.js-plotly-plot tspan')]"
                                ".filter(t => /bold|italic/.test(t.getAttribute('style') || '')).length")
            titles = tab.evaluate("[...document.querySelectorAll('.js-plotly-plot .gtitle')].map(t => t.textContent)")
            pwned = tab.evaluate("window.__pwned === undefined ? null : window.__pwned")
        finally:
            browser.close()
    assert links == 0 and bold == 0 and pwned is None
    assert any('Shop <b>Bold</b> & <a href="https://phish.example/">Click me</a>' in t
               for t in titles), titles


def test_long_messages_are_shortened_in_tables(review):
    """A 10,000-character message made the action queue table 77,000 px wide."""
    out, _ = review
    page = _page(out, "long_messages")
    assert "very bad " * 200 not in page
    assert "Very long messages are cut short here" in page
    rep = open_report(out / "long_messages" / "report.html", SCREENS / "review-long.png",
                      chromium=chromium_or_skip(), width=1280)
    assert rep.page_overflow <= 40, rep.page_overflow
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:           # a 3,000-letter word wraps inside its cell
        browser = p.chromium.launch(executable_path=chromium_or_skip(), headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 900})
            tab.goto((out / "long_messages" / "report.html").as_uri(), wait_until="load")
            widths = tab.evaluate("[...document.querySelectorAll('table')].map(t => t.scrollWidth)")
        finally:
            browser.close()
    assert max(widths) <= 1280, widths
    queue = pd.read_csv(out / "long_messages" / "action_queue.csv", dtype=str)
    assert queue["text"].str.len().max() > 10_000                 # the CSV keeps it whole


def test_changes_have_units_and_the_time_zone_is_said(review):
    """'-17%' for a change in a share (percentage points) and '90.0' for a reply time had no
    unit; nothing said days and hours were UTC."""
    out, _ = review
    page = _page(out, "previous_period")
    table = page[page.index("Compared with the previous period"):]
    table = table[:table.index("</table>")]
    cells = re.findall(r"<td>([^<]*)</td>", table)
    changes = [c for c in cells if re.fullmatch(r"[+-]?\d[\d.,]*( pts)?|[+-].*\b(min|h|day|days)|no change", c)]
    assert any(c.endswith(" pts") for c in changes), cells
    assert not any(re.fullmatch(r"[+-]?\d+\.\d", c) for c in cells), cells   # no bare '90.0'
    assert "Days and times in this report are in UTC" in page
    assert "Time (UTC)" in page and "Time (local)" not in page     # the crisis chart's axis


def test_a_file_name_with_no_latin_letters_can_be_reported(review):
    out, summary = review
    slug = next(s for s in summary["succeeded"] if s.startswith("export-"))
    assert _metrics(out, slug)["name"] == "Кафе"
    assert "Кафе: social media monitoring report" in _page(out, slug)


def test_loader_notes_in_the_report_hide_contact_details(tmp_path):
    """The Data note quotes the loader's warnings, which can quote cells: a kind column holding
    'jo.leaky@example.com' put the address on the learners' page."""
    fixture = REVIEW / "contact_in_notes.csv"
    assert "jo.leaky@example.com" in " ".join(smlib.load(fixture).load_summary["warnings"])
    summary = smlib.build_reports([fixture], tmp_path, workers=1, progress=False)
    assert summary["succeeded"] == ["contact_in_notes"], summary["failed"]
    html = _page(tmp_path, "contact_in_notes")
    assert "Note: " in html and "[email]" in html
    assert "jo.leaky@example.com" not in html and "07700 900123" not in html


def test_a_tie_for_busiest_platform_names_both_in_the_headline_box(tmp_path):
    """The 'Busiest platform' box named one of two platforms with the same number of messages."""
    p = tmp_path / "tied.csv"
    p.write_text("platform,date,author,text\n"
                 "x,2026-03-02 09:00,@a,Where is my parcel?\nfacebook,2026-03-02 10:00,@b,Late again\n"
                 "x,2026-03-03 09:00,@c,Thanks!\nfacebook,2026-03-03 10:00,@d,Any update?\n",
                 encoding="utf-8")
    summary = smlib.build_reports([p], tmp_path / "out", workers=1, progress=False)
    assert summary["succeeded"] == ["tied"], summary["failed"]
    html = _page(tmp_path / "out", "tied")
    assert "Busiest platforms" in html and "equal most messages" in html
    assert re.search(r"(Facebook and X|X and Facebook)", html)


def test_people_s_corrections_reach_the_report_and_no_folder_is_kept(tmp_path):
    """--corrections: every report uses the people's labels and says how many it applied. The
    kept report.ipynb named the computer's folders (the export's absolute path, the staging folder)."""
    export = tmp_path / "fixes.csv"
    export.write_text("id,platform,date,author,text\n"
                      "m1,x,2026-03-02 09:00,@a,Late again and nobody told us. Awful.\n"
                      "m2,facebook,2026-03-02 10:00,@b,Where is my parcel?\n"
                      "m3,x,2026-03-03 09:00,@c,Thanks!\n", encoding="utf-8")
    before = smlib.monitor(smlib.enrich(smlib.load_org(export)))["headline"]["negative"]
    assert before >= 1
    fixes = tmp_path / "corrections.csv"
    fixes.write_text("platform,message_id,sentiment_label,reason\n"
                     "x,m1,positive,a regular joking\nx,nope,negative,\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = smlib.build_reports([export], out, workers=1, progress=False, corrections=fixes)
    assert summary["succeeded"] == ["fixes"], summary["failed"]
    assert json.loads((out / "fixes" / "metrics.json").read_text())["headline"]["negative"] == before - 1
    html = _page(out, "fixes")
    assert ("A person corrected the sentiment label of 1 message; every table and chart uses their "
            "labels (1 correction matched no message in this data).") in html
    kept = (out / "fixes" / "report.ipynb").read_text(encoding="utf-8")
    assert str(tmp_path) not in kept
    params = next(c for c in nbformat.reads(kept, as_version=4).cells
                  if "injected-parameters" in c.metadata.get("tags", []))
    org = re.search(r'^org = "(.*)"$', params.source, re.M).group(1)
    assert not Path(org).is_absolute() and (out / "fixes" / org).resolve() == export.resolve()
    assert 'out_dir = "."' in params.source


def test_tool_table_names_platforms_and_never_shows_their_codes(batch):
    """The D1 table said "Platforms covered: facebook; instagram; reviews; tiktok; x"."""
    out, _ = batch
    page = _page(out, "northway-rail")
    assert "Facebook; Instagram" in page
    assert not re.search(r">[^<]*\b(?:facebook|instagram|tiktok); ", page)


def test_an_answered_security_risk_is_explained_next_to_nothing_urgent(batch):
    """Hopewell's report listed a fake account's scam link under Security risks while saying
    "No message on the monitoring days was urgent": the business had answered it after 2 min, so
    it left the queue, and nothing said so. The security table now says when and whether it was
    answered, the urgent section says how many risks were answered, and times are local."""
    out, _ = batch
    ds = smlib.load_sample("hopewell-trust")
    p, _days = smlib.priority.prioritise_period(ds)
    risks = smlib.find_security_risks(p, smlib.load_profile("hopewell-trust"))
    keys = set(zip(risks["platform"].astype(str), risks["message_id"].astype(str)))
    answered = int(sum(h for pl, m, h in zip(p["platform"].astype(str), p["message_id"].astype(str),
                                             p["handled"]) if (pl, m) in keys))
    assert len(risks) and answered      # the case this test is about is in the sample
    page = _page(out, "hopewell-trust")
    assert "Answered by the business" in page and "When (Europe/London)" in page
    word = "was" if answered == 1 else "were"
    assert f"{answered} of the security risks below {word} already answered by the business" in page
    if not p["urgent"].any():
        assert "No message still waiting on the monitoring days is urgent." in page


def test_tables_explain_the_figures_that_do_not_add_up(batch):
    """Reviewers asked why the platforms' People add up to more than All platforms, why 'Still
    waiting' is more than the M2 queue, and why Coverage is not 'Sees (all)'."""
    out, _ = batch
    res = smlib.monitor(smlib.load_sample("northway-rail"))
    u = res["users"]
    per, allp = int(u.loc[u["platform"] != "all", "users"].sum()), int(u.loc[u["platform"] == "all", "users"].iloc[0])
    page = _page(out, "northway-rail")
    if per > allp:
        assert f"so the platforms add up to {per:,}, not {allp:,}" in page
    assert "Still waiting counts every message from the public without a reply" in page
    assert "so it is not the same as &#x27;Sees (all)&#x27;" in page or "so it is not the same as 'Sees (all)'" in page
    assert ">Questions<" in page and ">question<" not in page


def test_a_file_of_public_messages_only_without_a_profile(tmp_path_factory, batch):
    """An export of customers' messages only, with no profile (the airline tweets' shape):
    - the location table said "UK (national) 0 / Abroad 0" for US messages: without a profile
      there is no home country, and the report now says so;
    - "Answered 0" stood beside a blank share, as if nobody was answered: it is unknown."""
    out = tmp_path_factory.mktemp("public_only")
    summary = smlib.build_reports([REVIEW / "public_only.csv"], out, workers=1, progress=False)
    assert summary["succeeded"] == ["public_only"], summary["failed"]
    page = _page(out, "public_only")
    assert "there is no organisation profile to say which country is home" in page
    assert "UK (national)" not in page and "Share in the UK" not in page
    assert "This file holds no message by the organisation, so it cannot show which" in page
    assert "Still waiting counts every message" not in page
    # a scam in the file: whether it was answered is not known either (own-diff review)
    risks = re.search(r"Answered by the business</th>.*?</table>", page, re.S)
    assert risks and "not known" in risks.group(0) and ">no<" not in risks.group(0)
    care = re.search(r"Messages from the public</th>.*?</table>", page, re.S).group(0)
    assert "<td>0</td>" not in care.replace(' style="white-space:nowrap"', "")
    # a sample organisation (with a profile) names its own country
    assert "In the UK (national)" in _page(batch[0], "northway-rail")
