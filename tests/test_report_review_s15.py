"""Defects a reviewer found in reports built from real exports (session 15).

1. the report's data paragraph printed the loader's raw warnings, code and all
   ('name it with org=, e.g. smlib.load(path, org="my-shop")', "totalItems = 1557");
2. a file with nothing by or to the organisation said so only deep in the customer-care text;
3. numpy counts were shown unformatted ("7870") and the crisis text wrote "1365 negative messages";
4. the daily chart's labels had no year when the monitoring days are years apart;
5. an empty crisis chart (axes -1…6) was drawn when nobody from the public wrote;
6. the index's headings differed from the report's, said "Crisis alarm: no" where nothing could
   be checked, and its table overflowed at 1,100 px;
7. a cell embedding ~5 MB of plotly hit nbclient's 4-second output (iopub) timeout under load;
8. "Answered 0%" for a file whose replies are mostly not in it (a lower bound, not a figure).

The slow test builds three small exports through the real report notebook and index.
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

import smlib
from smlib import reportview as rv
from smlib.report import render_index

CODE = re.compile(r"\w=|smlib\.load|totalItems|part=snippet|comments\.list|'more' stub")

RAW_WARNINGS = [
    "neither the file nor its name ('comments.json') names the organisation, so it is called "
    "'this organisation'; name it with org=, e.g. smlib.load(path, org=\"my-shop\")",
    "the archive says totalItems = 1557 but holds 1586 activities; the activities actually "
    "present were counted",
    "5 replies counted by YouTube are not in the file (ask the API for part=snippet,replies, "
    "or fetch comments.list per thread)",
    "the date column's name says its times are UTC, but timezone='Europe/London' was given and used",
]


def _write(path: Path, rows: list[dict], fields: list[str]) -> Path:
    with path.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    return path


OFF_TOPIC = ["My grandad died last week and I miss him", "Sorry for your loss, it gets easier",
             "I lost my dog too, it was awful", "Such a sad week", "Thinking of you all"]


def _not_about(tmp_path: Path) -> Path:
    """Nothing by or to the organisation; two days with activity a year apart; the file's name
    names it (a loader warning that ends in code)."""
    days = ["2023-03-11", "2023-03-11", "2024-03-12", "2024-03-12", "2024-03-12"]
    return _write(tmp_path / "acme-shop.csv",
                  [{"id": f"c{i}", "date": f"{d}T1{i}:00:00Z", "author": f"person{i}", "text": t}
                   for i, (d, t) in enumerate(zip(days, OFF_TOPIC))], ["id", "date", "author", "text"])


def _own_posts(tmp_path: Path) -> Path:
    """Only the organisation's own posts: nobody from the public, so no crisis check."""
    return _write(tmp_path / "beta-posts.csv",
                  [{"id": f"p{i}", "date": f"2024-03-1{i}T09:00:00Z", "author": "BetaShop",
                    "text": f"Our new range, part {i}"} for i in range(1, 4)],
                  ["id", "date", "author", "text"])


def _replies_elsewhere(tmp_path: Path) -> Path:
    """The public's messages count a reply each that the file does not hold (twcs-style)."""
    rows = [{"id": f"c{i}", "date": f"2024-03-1{1 + i % 3}T1{i}:00:00Z", "author": f"cust{i}",
             "text": "@GammaShop where is my order?", "replies": "1", "in_reply_to": ""}
            for i in range(6)]
    rows.append({"id": "p1", "date": "2024-03-11T08:00:00Z", "author": "GammaShop",
                 "text": "Sale starts today", "replies": "0", "in_reply_to": ""})
    return _write(tmp_path / "gamma.csv", rows, ["id", "date", "author", "text", "replies", "in_reply_to"])


# ── 1. the loader's notes, cleaned once for notebook 01 and the report ────────────────────────
def test_warning_notes_have_no_code_and_notebook_01_shows_the_same(tmp_path):
    ds = smlib.load(_not_about(tmp_path))
    notes = smlib.summary.warning_notes(ds, every_note=True)
    assert notes and all(not CODE.search(n) for n in notes), notes
    lines = smlib.summary.load_lines(ds)
    assert all(n in lines for n in smlib.summary.warning_notes(ds)), (notes, lines)
    cleaned = [smlib.summary._warning_words(w) for w in RAW_WARNINGS]
    assert all(not CODE.search(c) for c in cleaned), cleaned
    assert "1,557" in cleaned[1] and "1,586" in cleaned[1]
    assert cleaned[2] == "5 replies counted by YouTube are not in the file."
    assert "('comments.json')" in cleaned[0]   # a file's name in brackets is not code


def test_skip_reasons_in_words():
    s = rv.data_sentence({"source": "/x/thread.json", "rows_skipped": 130,
                          "reasons": {"'more' stub (comments Reddit did not send)": 125,
                                      "deleted or removed comment": 5}}, 195, 195)
    assert "'more' stub" not in s and "125 comments Reddit did not send" in s, s


# ── 2. nothing by or to the organisation: one sentence, shared ────────────────────────────────
def test_not_about_org_sentence_is_shared(tmp_path):
    ds = smlib.load(_not_about(tmp_path), org_handles=["@AcmeShop"])
    res = smlib.monitor(smlib.enrich(ds), days=["2023-03-11", "2024-03-12"])
    assert res["meta"]["org_addressed"] == 0
    alone = smlib.summary.not_about_org_sentence(res, "Acme")
    assert alone.startswith("This file holds no message by Acme") and not re.search(r"(?<!P)\d", alone)
    assert smlib.summary.not_about_org_sentence(res, res["meta"]["name"], either=True) \
        in smlib.describe_activity(res)
    res["meta"]["org_addressed"] = 2
    assert smlib.summary.not_about_org_sentence(res, "Acme") == ""


# ── 3. numbers ────────────────────────────────────────────────────────────────────────────────
def test_numpy_numbers_are_formatted():
    assert rv.fmt_number(np.int64(7870)) == "7,870"
    assert rv.fmt_number(np.float64(1234.4)) == "1,234"
    assert rv.fmt_number(pd.Series([3, 4]).sum()) == "7"
    assert rv.fmt_number(np.float64("nan")) == "n/a"


def test_crisis_counts_have_thousands_separators():
    start = pd.Timestamp("2024-03-01", tz="UTC")
    rows = [{"created_at": start + pd.Timedelta(hours=h), "author_id": f"calm{h}"} for h in range(72)]
    spike = start + pd.Timedelta(hours=72, minutes=5)
    rows += [{"created_at": spike + pd.Timedelta(seconds=i), "author_id": f"angry{i % 1200}"}
             for i in range(1365)]
    frame = pd.DataFrame(rows).assign(author_is_org=False, text="awful", sentiment_label="negative",
                                      platform="x", message_id=lambda f: [f"m{i}" for i in range(len(f))])
    summary = smlib.detect_crisis(frame).summary
    assert "1,365 negative messages from 1,200 people" in summary, summary


# ── 4 and 5. the charts, 1, 2 and 8 in the report: the real notebook on three exports ─────────
def _figures(nb) -> dict[str, dict]:
    out = {}
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            fig = o.get("data", {}).get("application/vnd.plotly.v1+json")
            if fig:
                title = (fig.get("layout", {}).get("title") or {}).get("text", "")
                out[title] = fig
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review-s15")
    a, b, c = _not_about(tmp), _own_posts(tmp), _replies_elsewhere(tmp)
    out = tmp / "out"
    summary = smlib.build_reports([str(a), str(b), str(c)], out, workers=2, progress=False,
                                 org_handles="BetaShop,GammaShop")
    assert not summary["failed"], summary["failed"]
    return out


@pytest.mark.slow
def test_report_first_paragraph_has_notes_in_words_and_the_not_about_sentence_first(built):
    page = (built / "acme-shop" / "report.html").read_text(encoding="utf-8")
    assert "name it with org=" not in page and "smlib.load(" not in page
    text = re.sub(r"<[^>]+>", " ", page)
    first = text.index("This file holds no message by")
    assert first < text.index("Data: 5 messages read from acme-shop.csv")
    assert "check that this file is about the organisation you are monitoring" in text[first:first + 400]


@pytest.mark.slow
def test_daily_chart_labels_have_years_and_whole_number_ticks(built):
    nb = nbformat.read(built / "acme-shop" / "report.ipynb", as_version=4)
    figs = _figures(nb)
    daily = next(f for t, f in figs.items() if t.startswith("Messages per monitoring day"))
    labels = list(daily["data"][0]["x"])
    assert labels == ["Sat 11 Mar 2023", "Tue 12 Mar 2024"], labels
    assert daily["layout"]["yaxis"]["tickformat"] == ",d"


@pytest.mark.slow
def test_no_empty_crisis_chart_without_the_public(built):
    nb = nbformat.read(built / "beta-posts" / "report.ipynb", as_version=4)
    assert not [t for t in _figures(nb) if t.startswith("Negative messages per hour")]
    page = (built / "beta-posts" / "report.html").read_text(encoding="utf-8")
    assert "No customer messages, so nothing to check for a crisis." in page
    head = json.loads((built / "beta-posts" / "metrics.json").read_text())["headline"]
    assert head["crisis_checked"] is False and head["crisis_alarm"] is False
    # the others still draw it
    nb = nbformat.read(built / "gamma" / "report.ipynb", as_version=4)
    assert [t for t in _figures(nb) if t.startswith("Negative messages per hour")]


@pytest.mark.slow
def test_answered_is_a_lower_bound_when_replies_are_not_in_the_file(built):
    head = json.loads((built / "gamma" / "metrics.json").read_text())["headline"]
    assert head["answered_share"] == 0.0 and head["replies_not_in_file"] == 6   # the metric stays
    text = re.sub(r"<[^>]+>", " ", (built / "gamma" / "report.html").read_text(encoding="utf-8"))
    card = re.search(r"Answered\s+(.{0,40}?)\s+of messages from the public", text)
    assert card and card[1].strip() == "not known", card and card[1]
    index = (built / "index.html").read_text(encoding="utf-8")
    row = next(r for r in index.split("<tr") if "gamma/report.html" in r)
    assert ">not known<" in row and ">0%<" not in row
    beta = next(r for r in index.split("<tr") if "beta-posts/report.html" in r)
    assert ">not checked<" in beta
    assert "<th class=\"num\">From the public</th>" in index and ">People</th>" in index


# ── 6. the index ──────────────────────────────────────────────────────────────────────────────
def _row(slug, **headline):
    return {"slug": slug, "status": "ok", "name": slug, "days": ["2024-03-11"],
            "headline": {"messages": 10, "customer_messages": 8, "users": 5, "negative_share": 0.25,
                         "answered_share": 0.2, "first_response_median_minutes": None,
                         "needs_action": 1, "urgent": 0, "crisis_alarm": False,
                         "recommended_tool": "Brand24", **headline}}


def test_index_words_match_the_report():
    page = render_index([_row("a"), _row("b", crisis_checked=False, customer_messages=0),
                         _row("c", answered_share=0.216, replies_not_in_file=216),
                         _row("d", answered_share=0.0, replies_not_in_file=216)])
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", page)
    assert "From the public" in heads and "People" in heads
    assert "From customers" not in heads and "Users" not in heads
    rows = {r.split('href="')[1].split("/")[0]: r for r in page.split("<tr")[2:]}
    assert ">not checked<" in rows["b"] and ">no<" in rows["a"]
    assert ">at least 22%<" in rows["c"] and ">not known<" in rows["d"] and ">20%<" in rows["a"]


def test_answered_text():
    assert rv.answered_text(0.4) == "40%"
    assert rv.answered_text(0.216, 216) == "at least 22%"
    assert rv.answered_text(0.0, 216) == "not known"
    assert rv.answered_text(None, 216) == "n/a"


def test_index_table_fits_1100px(tmp_path):
    from browser import chromium_or_skip, open_report
    chromium = chromium_or_skip()
    rows = [_row(f"org-{i}", recommended_tool="Hootsuite") for i in range(3)]
    rows.insert(1, {"slug": "posts_and_comments", "status": "failed",
                    "error": "DataError: ../../../../work/shared/realdata/exports/facebook/"
                             "posts_and_comments.json: there are no messages to monitor in this data"})
    page = tmp_path / "index.html"
    page.write_text(render_index(rows), encoding="utf-8")
    rep = open_report(page, tmp_path / "index.png", chromium=chromium, width=1100)
    assert rep.page_overflow <= 0 and rep.box_overflow <= 0, (rep.page_overflow, rep.box_overflow)


# ── 7. nbclient's output timeout ──────────────────────────────────────────────────────────────
def test_iopub_timeout_reaches_nbclient(tmp_path, monkeypatch):
    """papermill passes extra keywords to nbclient's NotebookClient; its iopub_timeout (4 s by
    default, and papermill raises when it runs out) must be the batch's, not the default."""
    from papermill.clientwrap import PapermillNotebookClient

    from smlib.batch import Job, run_job
    seen = {}

    def fake_execute(self, **kwargs):   # no kernel: record what the engine was given
        seen["iopub_timeout"] = self.iopub_timeout
        seen["raise_on_iopub_timeout"] = self.raise_on_iopub_timeout
        return self.nb

    monkeypatch.setattr(PapermillNotebookClient, "execute", fake_execute)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    src = tmp_path / "nb.ipynb"
    nbformat.write(nb, src)
    result = run_job(Job(key="k", notebook=str(src), output=str(tmp_path / "out.ipynb"),
                         cwd=str(tmp_path / "run")))
    assert result["ok"], result
    assert seen["iopub_timeout"] >= 60, seen
