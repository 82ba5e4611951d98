"""The report batch machinery, proved with tiny fixture notebooks in tests/data/report/.

These run real papermill kernels in worker processes (a few seconds each), independent of the
analyses: ``minimal.ipynb`` (a chart, a table of hostile messages, metrics, action queue),
``broken.ipynb`` (writes metrics.json, then fails for orgs named ``broken*``) and
``no_parameters.ipynb`` (no parameters cell: papermill injects them at the top).
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import nbformat
import pytest

import smlib
from smlib import report as rpt
from smlib.errors import DataError
from smlib.htmlexport import atomic_write_bytes, atomic_write_text

FIX = Path(__file__).parent / "data" / "report"
pytestmark = pytest.mark.slow


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _leftovers(out: Path) -> list[str]:
    return [p.name for p in out.iterdir() if p.name.startswith(".")]


# ── batch behaviour ──────────────────────────────────────────────────────────────────────
@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory):
    """One batch with two good orgs and one failing org, on two worker processes."""
    out = tmp_path_factory.mktemp("mixed")
    summary = smlib.build_reports(["good-a", "broken-b", "good-c"], out, workers=2,
                                  notebook=FIX / "broken.ipynb", progress=False)
    return out, summary


def test_failing_org_does_not_stop_the_others(mixed_run):
    out, summary = mixed_run
    assert summary["succeeded"] == ["good-a", "good-c"], summary["failed"]   # say why a run failed
    assert [f["slug"] for f in summary["failed"]] == ["broken-b"]
    # the failing cell's own error, not a generic papermill message
    assert summary["failed"][0]["error"] == "ValueError: deliberate failure for broken-b"
    assert summary["failed"][0]["cell"] == 4  # parameters, injected, metrics, then the failing cell


def test_failed_org_leaves_no_complete_looking_report(mixed_run):
    out, _ = mixed_run
    files = _files(out / "broken-b")
    # the notebook wrote metrics.json before failing: it must not survive
    assert "report.html" not in files and "metrics.json" not in files
    assert {"FAILED.txt", "report.failed.ipynb", "kernel.log"} <= files
    assert "deliberate failure for broken-b" in (out / "broken-b" / "FAILED.txt").read_text()
    for good in ("good-a", "good-c"):
        assert {"report.html", "report.ipynb", "metrics.json"} <= _files(out / good)
        assert "kernel.log" not in _files(out / good)
    assert _leftovers(out) == []  # no staging folders or temp files left behind


def test_kernel_that_dies_is_a_reported_failure(tmp_path):
    summary = smlib.build_reports(["k1", "k2"], tmp_path, workers=2,
                                  notebook=FIX / "kernel_dies.ipynb", progress=False)
    assert summary["succeeded"] == []
    assert [f["error"] for f in summary["failed"]] == ["DeadKernelError: Kernel died"] * 2
    for slug in ("k1", "k2"):
        files = _files(tmp_path / slug)
        assert "metrics.json" not in files and "report.html" not in files and "FAILED.txt" in files
    assert _leftovers(tmp_path) == []


def test_summary_text_names_successes_and_failure_reason(mixed_run):
    _, summary = mixed_run
    text = rpt.format_summary(summary)
    assert re.search(r"Succeeded \(2\)", text) and re.search(r"Failed \(1\)", text)
    assert "broken-b" in text and "deliberate failure for broken-b" in text


def test_index_lists_every_org_with_status(mixed_run):
    out, _ = mixed_run
    page = (out / "index.html").read_text()
    assert 'href="good-a/report.html"' in page and 'href="good-c/report.html"' in page
    assert 'href="broken-b/report.html"' not in page
    assert "FAILED: ValueError: deliberate failure for broken-b" in page
    assert "2 of 3 organisation report(s) ready" in page


def test_rerun_that_fails_replaces_an_old_good_report(tmp_path):
    ok = smlib.build_reports(["broken-x"], tmp_path, workers=1,
                             notebook=FIX / "no_parameters.ipynb", progress=False)
    assert ok["succeeded"] == ["broken-x"], ok["failed"]   # say why a run failed
    assert (tmp_path / "broken-x" / "report.html").exists()
    bad = smlib.build_reports(["broken-x"], tmp_path, workers=1,
                              notebook=FIX / "broken.ipynb", progress=False)
    assert bad["succeeded"] == [] and len(bad["failed"]) == 1
    files = _files(tmp_path / "broken-x")
    assert "report.html" not in files and "metrics.json" not in files and "FAILED.txt" in files
    assert _leftovers(tmp_path) == []


def test_each_run_has_its_own_working_folder_and_parameters(tmp_path):
    summary = smlib.build_reports(["one", "two"], tmp_path, workers=2,
                                  notebook=FIX / "no_parameters.ipynb", days="2026-01-05,2026-01-07",
                                  progress=False)
    assert summary["succeeded"] == ["one", "two"], summary["failed"]   # say why a run failed
    for slug in ("one", "two"):
        nb = nbformat.read(tmp_path / slug / "report.ipynb", as_version=4)
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(injected) == 1
        src = injected[0].source
        assert f'org = "{slug}"' in src and "2026-01-07" in src
        # out_dir pointed at the run's own (staging) folder, which became <out>/<slug>
        metrics = json.loads((tmp_path / slug / "metrics.json").read_text())
        assert metrics["org"] == slug and metrics["headline"] == {"messages": 3}


def test_html_has_no_code_and_no_parameter_cells(tmp_path):
    smlib.build_reports(["param-org"], tmp_path, workers=1, notebook=FIX / "no_parameters.ipynb",
                        progress=False)
    page = (tmp_path / "param-org" / "report.html").read_text()
    assert "Report for param-org" in page          # the output is there
    assert "write_metrics" not in page              # the code is not
    assert 'org = "param-org"' not in page          # nor the injected parameters


def test_minimal_report_outputs_are_safe(tmp_path):
    summary = smlib.build_reports(["alpha"], tmp_path, workers=1, notebook=FIX / "minimal.ipynb",
                                  progress=False)
    assert summary["succeeded"] == ["alpha"], summary["failed"]   # say why a run failed
    folder = tmp_path / "alpha"
    page = (folder / "report.html").read_text()
    # message text escaped, links inert, handles pseudonymised
    assert "&lt;script&gt;window.__pwned = 1" in page
    assert "<script>window.__pwned" not in page
    assert "&lt;img src=x onerror=" in page and "<img src=x" not in page
    assert "hxxps://bad[.]example[.]com/x" in page and "https://bad.example.com" not in page
    assert "cust1" not in page and smlib.privacy.pseudonym("cust1") in page
    # offline: plotly.js embedded, nothing loaded from a CDN
    assert "window.Plotly = Plotly" in page or "Plotly.newPlot" in page
    assert not re.findall(r'<script[^>]+src="https?://', page)
    # the CSV neutralises formulas
    rows = list(csv.DictReader(io.StringIO((folder / "action_queue.csv").read_text())))
    assert rows[2]["text"].startswith("'=HYPERLINK")
    assert rows[0]["text"].startswith("<script>")  # CSV keeps text as text


def test_show_handles_opt_out(tmp_path):
    smlib.build_reports(["alpha"], tmp_path, workers=1, notebook=FIX / "minimal.ipynb",
                        show_handles=True, progress=False)
    page = (tmp_path / "alpha" / "report.html").read_text()
    assert ">cust1<" in page


def test_cli_exit_code_and_summary(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(rpt, "REPORT_NOTEBOOK", FIX / "broken.ipynb")
    code = smlib.cli.main(["report", "--org", "fine", "--org", "broken-z", "--out", str(tmp_path),
                           "--workers", "2"])
    out = capsys.readouterr().out
    assert code == 1
    assert "Failed (1)" in out and "ValueError: deliberate failure for broken-z" in out
    code = smlib.cli.main(["report", "--org", "fine", "--out", str(tmp_path), "--workers", "1"])
    assert code == 0


# ── smlib only ever replaces a folder it made ────────────────────────────────────────────
def test_report_never_replaces_a_folder_holding_the_input_file(tmp_path, monkeypatch, capsys):
    """`cd out && smlib report --org mybrand/mybrand.csv --out .` used to move mybrand/ aside and
    delete it, input file and notes included, and exit 0."""
    folder = tmp_path / "mybrand"
    folder.mkdir()
    data = folder / "mybrand.csv"
    data.write_text("created_at,platform,text\n2026-03-02T10:00:00Z,x,hello\n")
    (folder / "notes.txt").write_text("notes")
    monkeypatch.chdir(tmp_path)
    code = smlib.cli.main(["report", "--org", "mybrand/mybrand.csv", "--out", ".", "--workers", "1"])
    err = capsys.readouterr().err
    assert code == 2
    assert str(folder) in err and "will not replace" in err
    assert sorted(_files(folder)) == ["mybrand.csv", "notes.txt"]
    assert data.read_text().startswith("created_at")
    assert _leftovers(tmp_path) == []                 # no staging folder was made


def test_report_never_replaces_someone_elses_folder(tmp_path):
    """`smlib report --all --out data/sample` must not wipe the sample folders: a folder with
    files smlib did not make (or a lone report.html smlib did not write) is refused, untouched."""
    other = tmp_path / "out" / "northway-rail"
    other.mkdir(parents=True)
    (other / "interactions.csv").write_text("x")
    with pytest.raises(DataError, match=r"northway-rail.*interactions\.csv.*will not replace"):
        smlib.build_reports(["northway-rail"], tmp_path / "out", workers=1,
                            notebook=FIX / "no_parameters.ipynb", progress=False)
    assert _files(other) == {"interactions.csv"}
    mine = tmp_path / "out2" / "alpha"
    mine.mkdir(parents=True)
    (mine / "report.html").write_text("<p>my own page</p>")
    with pytest.raises(DataError, match="not made by smlib"):
        smlib.build_reports(["alpha"], tmp_path / "out2", workers=1,
                            notebook=FIX / "no_parameters.ipynb", progress=False)
    assert (mine / "report.html").read_text() == "<p>my own page</p>"


def test_report_folder_is_marked_and_replaced_only_while_it_holds_report_files(tmp_path):
    ok = smlib.build_reports(["alpha"], tmp_path, workers=1,
                             notebook=FIX / "no_parameters.ipynb", progress=False)
    assert ok["succeeded"] == ["alpha"], ok["failed"]
    assert rpt.MARKER_NAME in _files(tmp_path / "alpha")
    assert rpt.refuse_to_replace(tmp_path / "alpha") is None          # ours: rebuilt freely
    (tmp_path / "alpha" / "my-notes.txt").write_text("keep me")
    with pytest.raises(DataError, match="my-notes.txt"):
        smlib.build_reports(["alpha"], tmp_path, workers=1,
                            notebook=FIX / "no_parameters.ipynb", progress=False)
    assert (tmp_path / "alpha" / "my-notes.txt").read_text() == "keep me"
    # a report folder from before the marker existed is still recognised and rebuilt
    (tmp_path / "alpha" / "my-notes.txt").unlink()
    (tmp_path / "alpha" / rpt.MARKER_NAME).unlink()
    assert rpt.refuse_to_replace(tmp_path / "alpha") is None


def test_swap_checks_again_just_before_replacing(tmp_path):
    """A folder that appeared while the notebook ran is not replaced either."""
    staging, final = tmp_path / ".staging-a", tmp_path / "a"
    staging.mkdir()
    final.mkdir()
    (final / "data.csv").write_text("x")
    with pytest.raises(DataError, match="will not replace"):
        rpt._swap_into_place(staging, final)
    assert _files(final) == {"data.csv"} and staging.exists()


# ── pieces without kernels ───────────────────────────────────────────────────────────────
@pytest.mark.parametrize("org, slug", [
    ("northway-rail", "northway-rail"),
    ("/tmp/exports/My Café (2025).csv", "my-cafe-2025"),
    ("exports/brightmart_x.json", "brightmart_x"),
])
def test_org_slug(org, slug):
    assert rpt.org_slug(org) == slug


def test_org_slug_for_a_name_with_no_latin_letters():
    """'Кафе.csv' and '店.csv' could not be reported ('cannot make a report folder name')."""
    a, b = rpt.org_slug("/x/Кафе.csv"), rpt.org_slug("店.csv")
    assert re.fullmatch(r"export-[0-9a-f]{8}", a) and re.fullmatch(r"export-[0-9a-f]{8}", b)
    assert a != b and rpt.org_slug("/elsewhere/Кафе.csv") == a     # the same name, the same folder


def test_org_slug_rejects_empty():
    with pytest.raises(DataError, match="folder name"):
        rpt.org_slug("///")


def test_duplicate_slugs_get_their_own_folders(tmp_path):
    a, b = tmp_path / "a" / "same.csv", tmp_path / "b" / "same.csv"
    for p in (a, b):
        p.parent.mkdir()
        p.write_text("x")
    summary = smlib.build_reports([a, b], tmp_path / "out", workers=1,
                                  notebook=FIX / "no_parameters.ipynb", progress=False)
    assert summary["succeeded"] == ["same", "same-2"], summary["failed"]   # say why a run failed
    nb = nbformat.read(tmp_path / "out" / "same-2" / "report.ipynb", as_version=4)
    # each path reaches the kernel relative to its report folder (no home folder in the kept notebook)
    org = re.search(r'^org = "(.*)"$', nb.cells[0].source, re.M).group(1)
    assert not Path(org).is_absolute() and (tmp_path / "out" / "same-2" / org).resolve() == b.resolve()


def test_days_text_keeps_each_year_when_the_days_span_years():
    """['2026-03-02', '2027-03-02'] read '2 Mar, 2 Mar 2027' in the index."""
    assert rpt.days_text(["2026-03-02", "2027-03-02"]) == "2 Mar 2026, 2 Mar 2027"
    assert rpt.days_text(["2026-12-31", "2027-01-01", "2026-12-30"]) == "30 Dec 2026 – 1 Jan 2027 (3 days)"
    assert rpt.days_text(["2026-11-02", "2026-11-05"]) == "2 Nov, 5 Nov 2026"


def test_parse_days():
    assert rpt.parse_days(None) is None
    assert rpt.parse_days(" 2026-01-05, 2026-01-07 ") == ["2026-01-05", "2026-01-07"]
    with pytest.raises(DataError, match="YYYY-MM-DD"):
        rpt.parse_days("5/1/2026")
    with pytest.raises(DataError, match="not a real date"):
        rpt.parse_days("2026-02-30")


def test_missing_notebook_is_a_clear_error(tmp_path):
    with pytest.raises(DataError, match="report notebook not found"):
        smlib.build_reports(["a"], tmp_path, notebook=tmp_path / "nope.ipynb", progress=False)


def test_write_metrics_json_safe(tmp_path):
    import numpy as np
    import pandas as pd
    data = rpt.write_metrics({"headline": {"n": np.int64(5), "share": np.float64(0.123456),
                                           "median": float("nan"), "when": pd.Timestamp("2026-01-05")}},
                             tmp_path, org="x", days=["2026-01-05"])
    on_disk = json.loads((tmp_path / "metrics.json").read_text())
    assert on_disk["headline"] == {"n": 5, "share": 0.1235, "median": None,
                                   "when": "2026-01-05T00:00:00"}
    assert on_disk["days"] == ["2026-01-05"] and on_disk == data
    assert rpt.write_metrics({"a": 1}, None)["headline"] == {"a": 1}  # plain mapping, no file


def test_write_action_queue_neutralises_formulas(tmp_path):
    import pandas as pd
    frame = pd.DataFrame({"text": ["=1+1", "+44 7700", "-2", "@SUM(A1)", "fine"], "priority": [1, 2, 3, 4, 5]})
    rpt.write_action_queue(frame, tmp_path / "q.csv")
    rows = list(csv.DictReader(open(tmp_path / "q.csv")))
    assert [r["text"] for r in rows] == ["'=1+1", "'+44 7700", "'-2", "'@SUM(A1)", "fine"]
    assert [r["priority"] for r in rows] == ["1", "2", "3", "4", "5"]


def test_index_escapes_everything(tmp_path):
    rows = [{"slug": "a b", "status": "ok", "name": "<script>alert(1)</script>",
             "sector": "<img src=x onerror=alert(2)>", "days": ["<b>d</b>"],
             "headline": {"messages": 10, "answered_share": 0.25}},
            {"slug": "bad", "status": "failed", "error": "<script>x</script>"}]
    page = rpt.render_index(rows)
    assert "<script>" not in page and "<img" not in page and "<b>d" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="a%20b/report.html"' in page
    assert "25%" in page and ">10<" in page


def test_index_tells_export_reports_apart_by_their_file(tmp_path):
    """Exports have no sector; the line under the name says which file each came from (two X
    archives are both 'archive-owner'), escaped like everything else."""
    rows = [{"slug": s, "status": "ok", "name": "archive-owner", "source_file": f, "days": [],
             "headline": {"messages": 5}}
            for s, f in (("tweets", "tweets.js"), ("tweets-2", "<i>tweets</i>.js"))]
    rows.append({"slug": "kelby", "status": "ok", "name": "Kelby", "sector": "Public sector",
                 "source_file": "", "days": [], "headline": {"messages": 5}})
    page = rpt.render_index(rows)
    assert '<div class="sub">from tweets.js</div>' in page
    assert '<div class="sub">from &lt;i&gt;tweets&lt;/i&gt;.js</div>' in page
    assert '<div class="sub">Public sector</div>' in page


def test_atomic_write_keeps_old_file_when_interrupted(tmp_path):
    target = tmp_path / "report.html"
    atomic_write_text(target, "old complete report")

    with pytest.raises(TypeError):
        atomic_write_bytes(target, object())  # fails mid-write
    assert target.read_text() == "old complete report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temp file left


def test_summary_text_keeps_one_column_for_long_names():
    """Export files give long slugs (instagram_saved_posts_label_values): the times and paths
    still line up in one column instead of being pushed right on those lines only."""
    long = "instagram_saved_posts_label_values"
    summary = {"out": "reports", "seconds": 3.0, "workers": 1, "index": "reports/index.html",
               "succeeded": ["short", long], "failed": [{"slug": "x", "error": "DataError: bad"}],
               "results": [{"slug": "short", "seconds": 1.0}, {"slug": long, "seconds": 2.0}]}
    lines = rpt.format_summary(summary).splitlines()
    rows = [ln for ln in lines if ln.startswith(("  ✓", "  ✗"))]
    assert len(rows) == 3
    starts = {ln.index(" s  ") for ln in rows if " s  " in ln}
    assert len(starts) == 1                                # the seconds column lines up
    assert rows[2].index("DataError") == rows[0].index("1.0") - 3


# ── kernel start-up failures are retried, notebook failures are not ─────────────────────
def _job(tmp_path, notebook="no_parameters.ipynb"):
    from smlib.batch import Job
    return Job(key="solo", notebook=str(FIX / notebook), output=str(tmp_path / "out.ipynb"),
               cwd=str(tmp_path), parameters={"org": "solo", "out_dir": str(tmp_path)})


def test_kernel_start_failure_is_retried(tmp_path, monkeypatch):
    import papermill
    from smlib import batch
    real, calls = papermill.execute_notebook, []

    def flaky(*args, **kwargs):      # the first start loses the port race (papermill #511)
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")
        return real(*args, **kwargs)

    monkeypatch.setattr(papermill, "execute_notebook", flaky)
    monkeypatch.setattr(batch.time, "sleep", lambda s: None)
    res = batch.run_job(_job(tmp_path))
    assert res["ok"] and res["error"] is None, res
    assert len(calls) == 2 and res["retries"] == 1
    assert json.loads((tmp_path / "metrics.json").read_text())["org"] == "solo"


def test_kernel_that_never_starts_fails_after_retries(tmp_path, monkeypatch):
    import papermill
    from smlib import batch
    calls = []

    def never(*args, **kwargs):
        calls.append(1)
        raise TimeoutError("Kernel didn't respond in 60 seconds")

    monkeypatch.setattr(papermill, "execute_notebook", never)
    monkeypatch.setattr(batch.time, "sleep", lambda s: None)
    res = batch.run_job(_job(tmp_path))
    assert not res["ok"] and res["error"] == "TimeoutError: Kernel didn't respond in 60 seconds"
    assert len(calls) == 1 + batch.START_RETRIES


def test_errors_after_a_cell_ran_are_not_retried(tmp_path, monkeypatch):
    """A cell error, or a kernel that dies while running a cell, is the notebook's own failure."""
    import papermill
    from smlib import batch
    real, calls = papermill.execute_notebook, []

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(papermill, "execute_notebook", counted)
    res = batch.run_job(_job(tmp_path, "kernel_dies.ipynb"))
    assert res["error"] == "DeadKernelError: Kernel died" and len(calls) == 1
    calls.clear()
    job = _job(tmp_path, "broken.ipynb")
    job.parameters = {"org": "broken-x", "out_dir": str(tmp_path)}
    res = batch.run_job(job)
    assert not res["ok"] and "deliberate failure" in res["error"] and len(calls) == 1


def test_org_handles_mark_an_exports_own_posts(tmp_path):
    """`smlib report --org-handles`: without it a CSV export's replies by the business count as
    messages from the public (a session-11 review: '0 written by acme itself'); a sample
    organisation is refused, its handles are in its profile."""
    rows = []
    for i in range(12):
        t = f"2026-03-0{2 + i % 5}T{9 + i % 6}:00:00Z"
        rows.append({"id": f"c{i}", "date": t, "author": f"cust{i % 4}", "text": "Where is my order?"})
        if i % 2 == 0:
            rows.append({"id": f"r{i}", "date": t.replace(":00:00Z", ":20:00Z"), "author": "AcmeShop",
                         "text": "Sorry, we're on it", "in_reply_to": f"c{i}"})
    path = tmp_path / "acme.csv"
    with path.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "date", "author", "text", "in_reply_to"])
        w.writeheader()
        w.writerows(rows)
    out = tmp_path / "out"
    summary = smlib.build_reports([str(path)], out, workers=1, progress=False, org_handles="AcmeShop")
    assert not summary["failed"], summary["failed"]
    head = json.loads((out / "acme" / "metrics.json").read_text())["headline"]
    assert head["business_messages"] == 6 and head["customer_messages"] == 12
    assert head["answered_share"] == 0.5
    assert "holds no message written by" not in (out / "acme" / "report.html").read_text()
    with pytest.raises(DataError, match="org_handles"):
        smlib.build_reports(["northway-rail"], out, org_handles=["x"], progress=False)
