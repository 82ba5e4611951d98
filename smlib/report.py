"""One HTML report per organisation: run the report notebook with papermill, export, index.

This is the product's main job (``smlib report --all --out reports``). For each organisation
(a bundled sample slug, or a path to exported data) it:

1. runs ``notebooks/report.ipynb`` with papermill in its own worker process and its own working
   folder (a hidden staging folder next to the final one), passing ``org``, ``days``,
   ``out_dir`` and ``show_handles``; the notebook itself writes ``metrics.json`` (headline
   figures, :func:`write_metrics`) and ``action_queue.csv`` (:func:`write_action_queue`);
2. renders the executed notebook to ``report.html`` without code (:mod:`smlib.htmlexport`);
3. swaps the finished staging folder into ``<out>/<slug>/`` with ``os.replace``, so an
   interrupted run never leaves a half-written report that looks complete. A failed
   organisation gets ``FAILED.txt`` (the failing cell's error) and ``report.failed.ipynb``
   instead — no ``report.html`` and no ``metrics.json``;
4. writes ``<out>/index.html`` listing every organisation in the folder with its headline KPIs.

Example
-------
>>> import smlib
>>> summary = smlib.build_reports(["northway-rail"], "reports", workers=1)    # doctest: +SKIP
>>> summary["succeeded"], summary["failed"]                                   # doctest: +SKIP
(['northway-rail'], [])
"""
from __future__ import annotations

import datetime as dt
import html
import json
import math
import os
import re
import secrets
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence
from urllib.parse import quote

from .errors import DataError
from .htmlexport import atomic_write_text, export_html
from .paths import REPO_DIR
from .reportview import message_table  # noqa: F401  (re-exported for report notebooks)

REPORT_NOTEBOOK = REPO_DIR / "notebooks" / "report.ipynb"
"""The notebook every organisation's report is made from (built from notebooks/src/report.py)."""

HTML_NAME, NOTEBOOK_NAME, METRICS_NAME, QUEUE_NAME = (
    "report.html", "report.ipynb", "metrics.json", "action_queue.csv")
FAILED_NAME, FAILED_NOTEBOOK_NAME = "FAILED.txt", "report.failed.ipynb"
MARKER_NAME = ".smlib-report"
"""Written into every report folder: smlib only ever replaces a folder that has it."""
REPORT_FILES = frozenset({HTML_NAME, NOTEBOOK_NAME, METRICS_NAME, QUEUE_NAME, FAILED_NAME,
                          FAILED_NOTEBOOK_NAME, "kernel.log", MARKER_NAME})
"""Everything smlib writes into a report folder; a folder holding anything else is not replaced."""

INDEX_KPIS: dict[str, str] = {
    "messages": "Messages", "customer_messages": "From the public", "users": "People",
    "unique_users": "People", "negative_share": "Negative", "answered_share": "Answered",
    "first_response_median_minutes": "Median first reply", "needs_action": "Need action",
    "urgent": "Urgent", "crisis_alarm": "Crisis alarm", "recommended_tool": "Recommended tool"}
"""Headline keys shown in ``index.html`` when present, in this order, with their column headings
(the report's own words for them; every other figure is in each organisation's metrics.json)."""

_SLUG_OK = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# ── inputs ────────────────────────────────────────────────────────────────────────────────
def org_slug(org: str | os.PathLike) -> str:
    """The folder name for an organisation: the slug itself, or a slug made from a file name.

    Accents are dropped (``Café`` -> ``cafe``); a name with no Latin letters or digits at all
    (``Кафе.csv``, ``店.csv``) gets ``export-`` and a short code made from the name, the same
    each time, so a second run replaces the same folder. The report itself shows the name as
    written.

    >>> org_slug("northway-rail")
    'northway-rail'
    >>> org_slug("/exports/My Café (2025).csv")
    'my-cafe-2025'
    >>> org_slug("/exports/Кафе.csv")
    'export-d2438fb2'
    """
    import hashlib
    import unicodedata
    text = str(org)
    looks_like_path = (os.sep in text or "/" in text or Path(text).suffix != "" or Path(text).exists())
    base = Path(text).stem if looks_like_path else text
    latin = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9_]+", "-", latin.lower()).strip("-_")
    if not slug and base.strip(" ._-"):
        slug = "export-" + hashlib.sha256(base.strip().encode("utf-8")).hexdigest()[:8]
    if not slug:
        raise DataError(f"cannot make a report folder name from {text!r}; give a sample "
                        "organisation slug (see `smlib orgs`) or a path to an export", field="org")
    return slug


def parse_days(days: str | Sequence[str] | None) -> list[str] | None:
    """``"2026-01-05,2026-01-07"`` (or a list) -> checked ``["2026-01-05", "2026-01-07"]``; None stays None."""
    if days is None:
        return None
    if not isinstance(days, str):
        try:
            days = list(days)
        except TypeError:  # a number or True: not a list of days
            raise DataError(f"days must be 'YYYY-MM-DD' dates separated by commas (e.g. "
                            f"2026-01-05,2026-01-07), got {days!r}", field="days") from None
    items = [d.strip() for d in (days.split(",") if isinstance(days, str) else map(str, days))]
    items = [d for d in items if d]
    if not items:
        return None
    for d in items:
        if not _DAY.match(d):
            raise DataError(f"monitoring day {d!r} must look like YYYY-MM-DD (e.g. 2026-01-05)",
                            field="days")
        try:
            dt.date.fromisoformat(d)
        except ValueError:
            raise DataError(f"monitoring day {d!r} is not a real date", field="days") from None
    return items


def _org_argument(org: str | os.PathLike, start: str | os.PathLike | None = None) -> str:
    """A path for the kernel (it runs in another folder); slugs unchanged.

    With ``start`` (the report's folder) the path is relative to it, so the report notebook
    kept next to the HTML names no one's home folder and still runs when re-opened there (the
    staging folder and the final one are siblings). Absolute when no relative path exists (another
    drive on Windows).
    """
    text = str(org)
    p = Path(text).expanduser()
    if not p.exists():
        return text
    p = p.resolve()
    if start is not None:
        try:
            return os.path.relpath(p, Path(start).resolve())
        except ValueError:
            pass
    return str(p)


# ── written from inside the notebook ─────────────────────────────────────────────────────
def _jsonable(value: Any) -> Any:
    """Numbers, strings, lists and dicts only; numpy/pandas scalars unwrapped; NaN -> None."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()
        except (ValueError, TypeError):
            pass
    if isinstance(value, (dt.datetime, dt.date)) or type(value).__name__ == "Timestamp":
        return value.isoformat()
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else round(value, 4)
    if value is None or isinstance(value, (bool, int, str)):
        return value
    try:
        import pandas as pd
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def write_metrics(result: Mapping[str, Any], path: str | os.PathLike | None, **extra: Any) -> dict:
    """Write the headline figures as JSON (atomically) for the batch index; return what was written.

    ``result`` is what :func:`smlib.monitor` returns (its ``headline`` dict is used) or any
    mapping of figures. ``extra`` adds fields such as ``org``, ``name``, ``days``. With
    ``path=None`` nothing is written (a tutor running the notebook by hand).
    """
    headline = result.get("headline", result) if isinstance(result, Mapping) else {}
    data = {"headline": _jsonable(dict(headline)), **_jsonable(extra),
            "generated_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    if path is not None:
        p = Path(path)
        if p.is_dir() or p.suffix == "":
            p = p / METRICS_NAME
        atomic_write_text(p, json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n")
    return data


def write_action_queue(frame, path: str | os.PathLike | None) -> str:
    """Write the action queue as formula-safe CSV (atomically); return the CSV text.

    Cells starting with ``=``, ``+``, ``-``, ``@`` are neutralised by :func:`smlib.privacy.safe_csv`
    so a spreadsheet shows them as text instead of running them.
    """
    from .privacy import safe_csv
    text = safe_csv(frame)
    if path is not None:
        p = Path(path)
        if p.is_dir() or p.suffix == "":
            p = p / QUEUE_NAME
        atomic_write_text(p, text)
    return text


# ── the batch ─────────────────────────────────────────────────────────────────────────────
def _finish(job, result: dict[str, Any]) -> dict[str, Any]:
    """Worker-side step after papermill: export HTML (or FAILED.txt), then swap into place."""
    staging, final = Path(job.cwd), Path(job.meta["final"])
    ok = bool(result.get("ok"))
    out: dict[str, Any] = {}
    metrics = staging / METRICS_NAME
    if ok and not metrics.exists():
        ok = False
        out["error"] = (f"the notebook finished but wrote no {METRICS_NAME} "
                        "(it must call smlib.report.write_metrics(..., out_dir))")
    if ok:
        try:
            _forget_folders(staging / NOTEBOOK_NAME)
            out["metrics"] = json.loads(metrics.read_text(encoding="utf-8"))
            name = out["metrics"].get("name") or job.key
            export_html(staging / NOTEBOOK_NAME, staging / HTML_NAME,
                        title=f"{name}: social media monitoring report")
        except Exception as exc:  # noqa: BLE001
            from .batch import describe_error
            ok = False
            out["error"] = f"HTML export failed: {describe_error(exc)[0]}"
    if not ok:
        for name in (METRICS_NAME, QUEUE_NAME, HTML_NAME):
            (staging / name).unlink(missing_ok=True)
        nb = staging / NOTEBOOK_NAME
        if nb.exists():
            os.replace(nb, staging / FAILED_NOTEBOOK_NAME)
        _write_failed(staging, job.meta["org"], out.get("error") or result.get("error") or "unknown error",
                      result.get("cell"))
        out["ok"] = False
    _swap_into_place(staging, final, job.meta.get("inputs", ()))
    return out


def _forget_folders(notebook: Path) -> None:
    """Drop the absolute paths papermill records in the kept notebook's metadata.

    ``input_path`` and ``output_path`` name the computer's folders (often a person's home
    folder) and the staging folder, which no longer exists once the report is swapped into place.
    """
    import nbformat
    nb = nbformat.read(notebook, as_version=4)
    meta = nb.metadata.get("papermill")
    if not meta:
        return
    for key in ("input_path", "output_path"):
        if meta.get(key):
            meta[key] = os.path.basename(str(meta[key]))
    nbformat.write(nb, notebook)


def _write_marker(folder: Path) -> None:
    atomic_write_text(folder / MARKER_NAME,
                      "This folder was made by `smlib report`. smlib deletes and rebuilds it when the\n"
                      "report is made again, so keep nothing else in it.\n")


def _write_failed(folder: Path, org: str, error: str, cell: Any) -> None:
    lines = [f"The report for {org!r} FAILED, so there is no report.html here.",
             f"Error: {error}"]
    if cell is not None:
        lines.append(f"It happened in the cell with execution count {cell} "
                     f"(open {FAILED_NOTEBOOK_NAME} in JupyterLab to see it).")
    lines.append(f"Time: {dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')}")
    atomic_write_text(folder / FAILED_NAME, "\n".join(lines) + "\n")


def _looks_like_old_report(folder: Path, names: set[str]) -> bool:
    """A report folder made before smlib wrote its marker: a report.html with the metrics.json
    smlib writes, or smlib's FAILED.txt (and, in both cases, nothing but report files)."""
    try:
        if {HTML_NAME, METRICS_NAME} <= names:
            data = json.loads((folder / METRICS_NAME).read_text(encoding="utf-8"))
            return isinstance(data, dict) and "headline" in data and "generated_at" in data
        if FAILED_NAME in names:
            return (folder / FAILED_NAME).read_text(encoding="utf-8").startswith("The report for ")
    except (OSError, ValueError):
        return False
    return False


def refuse_to_replace(final: str | os.PathLike, inputs: Iterable[str | os.PathLike] = ()) -> str | None:
    """Why the report folder ``final`` must not be replaced, or None when it may be.

    smlib replaces (deletes) only a folder it made itself: one holding its marker file
    (``.smlib-report``) and nothing but report files, or an older report folder of the same
    shape. A folder with anyone else's files in it, or one an input file or folder lives in, is
    left alone. A folder that does not exist yet is fine.
    """
    final = Path(final)
    if not os.path.lexists(final):
        return None
    if final.is_symlink() or not final.is_dir():
        return (f"{final} already exists and is not a report folder made by smlib; smlib will not "
                "replace it. Move it away or choose another --out folder")
    here = final.resolve()
    for item in inputs:
        p = Path(item).expanduser()
        if not p.exists():
            continue
        p = p.resolve()
        if p == here or here in p.parents:
            return (f"the report would go in {final}, which holds the data being reported on "
                    f"({p}); smlib will not replace it. Choose another --out folder")
    try:
        names = {c.name for c in final.iterdir()}
    except OSError as exc:
        return f"cannot look inside {final} ({exc.strerror or exc}); smlib will not replace it"
    others = sorted(names - REPORT_FILES)
    if others:
        shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
        return (f"{final} already exists and holds files smlib did not make ({shown}); smlib "
                "will not replace it. Move those files away or choose another --out folder")
    if names and MARKER_NAME not in names and not _looks_like_old_report(final, names):
        return (f"{final} already exists and was not made by smlib report; smlib will not "
                "replace it. Move it away or choose another --out folder")
    return None


def _swap_into_place(staging: Path, final: Path, inputs: Iterable[str] = ()) -> None:
    """Replace ``final`` by ``staging`` (both in the same folder) without a half-written state.

    Raises :class:`DataError` (and leaves ``final`` alone) if ``final`` is not a report folder
    smlib made (checked again here: it may have appeared while the notebook ran).
    """
    why = refuse_to_replace(final, inputs)
    if why:
        raise DataError(why)
    old = None
    if os.path.lexists(final):
        old = final.with_name(f".old-{final.name}-{secrets.token_hex(4)}")
        os.replace(final, old)
    os.replace(staging, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build_reports(orgs: Iterable[str | os.PathLike], out: str | os.PathLike = "reports",
                  days: str | Sequence[str] | None = None, workers: int | None = None,
                  show_handles: bool = False, notebook: str | os.PathLike | None = None,
                  progress: bool = True,
                  corrections: str | os.PathLike | None = None,
                  org_handles: Sequence[str] | str | None = None) -> dict[str, Any]:
    """Build one report per organisation in parallel processes; return a summary dict.

    ``org_handles``: for exported files, the organisation's own handles (``["AcmeShop"]`` or
    ``"AcmeShop,Acme_Help"``), so its posts count as the business's, not the public's; a sample
    organisation has them in its profile, so giving them with one is refused.
    ``corrections``: a CSV of people's sentiment corrections (``platform, message_id,
    sentiment_label``, see ``data/sentiment_corrections.csv``); every report uses the corrected
    labels and says how many it applied. With the bundled report notebook, the configuration
    files in ``data/`` (and this file) are checked once before anything is made
    (:func:`smlib.config.check_config`), so a tutor's typo stops the batch with one message.

    Summary keys: ``succeeded`` (slugs), ``failed`` (list of ``{"slug", "org", "error",
    "cell"}``), ``results`` (per-org dicts with ``seconds``), ``index`` (path of index.html),
    ``out`` and ``seconds`` (wall time). A failing organisation never stops the others.
    """
    from .batch import Job, run_jobs

    orgs = [str(o) for o in orgs]
    if not orgs:
        raise DataError("no organisations to report on; give --org ORG or --all", field="org")
    day_list = parse_days(days)
    handles = ([h.strip() for h in org_handles.split(",") if h.strip()]
               if isinstance(org_handles, str) else
               [str(h).strip() for h in org_handles or () if str(h).strip()])
    if handles:
        samples = [o for o in orgs if not Path(o).expanduser().exists()]
        if samples:
            raise DataError(f"--org-handles is for exported files; {samples[0]!r} is a sample "
                            "organisation, whose handles are in its profile (data/organisations)",
                            field="org_handles")
    nb_path = Path(notebook) if notebook is not None else REPORT_NOTEBOOK
    if not nb_path.exists():
        raise DataError("report notebook not found (build it with "
                        "`python scripts/build_notebooks.py notebooks/src/report.py`)",
                        source=str(nb_path))
    if nb_path.resolve() == REPORT_NOTEBOOK.resolve():
        from .config import check_config
        check_config([o for o in orgs if not Path(o).expanduser().exists()], corrections=corrections)
    elif corrections is not None:
        from .sentiment import _read_corrections
        _read_corrections(corrections)
    out_dir = Path(out).expanduser().resolve()
    out_dir.mkdir(parents=True, exist_ok=True)

    plan, seen = [], set()
    inputs = [str(Path(o).expanduser().resolve()) for o in orgs if Path(o).expanduser().exists()]
    for org in orgs:
        slug = base = org_slug(org)
        n = 2
        while slug in seen:
            slug, n = f"{base}-{n}", n + 1
        seen.add(slug)
        plan.append((org, slug))
    # Before anything is made: never replace a folder smlib did not make (exit 2, nothing deleted).
    for org, slug in plan:
        why = refuse_to_replace(out_dir / slug, inputs)
        if why:
            raise DataError(why)

    jobs = []
    for org, slug in plan:
        staging = out_dir / f".staging-{slug}-{secrets.token_hex(4)}"
        staging.mkdir()
        _write_marker(staging)
        jobs.append(Job(
            key=slug, notebook=str(nb_path), output=str(staging / NOTEBOOK_NAME), cwd=str(staging),
            parameters={"org": _org_argument(org, staging), "days": day_list, "out_dir": ".",
                        "show_handles": bool(show_handles),
                        **({"org_handles": handles} if handles else {}),
                        **({"corrections": _org_argument(corrections, staging)}
                           if corrections is not None else {})},
            after=_finish, meta={"final": str(out_dir / slug), "org": org, "inputs": inputs}))

    start = time.perf_counter()
    try:
        results = run_jobs(jobs, workers=workers, progress=progress)
    except BaseException:  # e.g. Ctrl-C: leave no staging folders behind (finished ones are swapped in)
        for job in jobs:
            shutil.rmtree(job.cwd, ignore_errors=True)
        raise
    wall = round(time.perf_counter() - start, 2)

    failed = []
    for job, res in zip(jobs, results):
        res["slug"], res["org"] = job.key, job.meta["org"]
        if not res["ok"]:
            err = res.get("error") or "unknown error"
            failed.append({"slug": job.key, "org": job.meta["org"], "error": err,
                           "cell": res.get("cell")})
            final = Path(job.meta["final"])
            if Path(job.cwd).exists() or not (final / FAILED_NAME).exists():
                # the worker died before its own clean-up and swap: do them here (only in a
                # folder smlib made: someone else's folder is never touched)
                shutil.rmtree(job.cwd, ignore_errors=True)
                if refuse_to_replace(final, inputs) is None:
                    final.mkdir(parents=True, exist_ok=True)
                    for name in (HTML_NAME, METRICS_NAME, QUEUE_NAME):
                        (final / name).unlink(missing_ok=True)
                    _write_marker(final)
                    _write_failed(final, job.meta["org"], err, res.get("cell"))
    index = write_index(out_dir)
    return {"out": str(out_dir), "succeeded": [r["slug"] for r in results if r["ok"]],
            "failed": failed, "results": results, "index": str(index), "seconds": wall,
            "workers": max(1, min(int(workers or os.cpu_count() or 1), len(jobs)))}


# ── index.html ────────────────────────────────────────────────────────────────────────────
def _fmt(key: str, value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if key.endswith("_minutes") and isinstance(value, (int, float)):
        from .priority import format_wait
        return format_wait(float(value))
    if isinstance(value, float):
        if key.endswith("_share") or key.endswith("_rate"):
            return f"{value:.0%}" if key.endswith("_share") else f"{value:.2%}"
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _index_cell(key: str, headline: Mapping[str, Any]) -> str:
    """One figure of an organisation's row as the report says it: the answered share as a lower
    bound when replies are missing from the file ("at least 22%", "not known"), and the crisis
    alarm "not checked" when no check was possible (nothing from the public, too little history)."""
    value = headline.get(key)
    if key == "answered_share" and value is not None and headline.get("replies_not_in_file"):
        from .reportview import answered_text
        return answered_text(value, headline["replies_not_in_file"])
    if key == "crisis_alarm" and not value and headline.get("crisis_checked") is False:
        return "not checked"
    return _fmt(key, value)


def days_text(days: Sequence[str]) -> str:
    """Monitoring days in few words: ``28 Oct – 1 Nov 2026 (5 days)`` or ``2, 5 and 9 Nov 2026``.

    >>> days_text(["2026-10-28", "2026-10-29", "2026-10-30"])
    '28 Oct – 30 Oct 2026 (3 days)'
    >>> days_text(["2026-11-02", "2026-11-05"])
    '2 Nov, 5 Nov 2026'
    >>> days_text(["2026-03-02", "2027-03-02"])         # different years: each date has its own
    '2 Mar 2026, 2 Mar 2027'
    """
    try:
        ds = sorted(dt.date.fromisoformat(str(d)) for d in days)
    except ValueError:
        return ", ".join(map(str, days))
    if not ds:
        return ""
    one_year = ds[0].year == ds[-1].year
    fmt = lambda d: f"{d.day} {d.strftime('%b')}" + ("" if one_year else f" {d.year}")  # noqa: E731
    year = f" {ds[-1].year}" if one_year else ""
    if len(ds) > 2 and (ds[-1] - ds[0]).days == len(ds) - 1:
        return f"{fmt(ds[0])} – {fmt(ds[-1])}{year} ({len(ds)} days)"
    return ", ".join(fmt(d) for d in ds) + year


def _label(key: str) -> str:
    return INDEX_KPIS.get(key) or key.replace("_", " ").replace("pct", "%").capitalize()


def collect_index_rows(out: str | os.PathLike) -> list[dict[str, Any]]:
    """One row per organisation folder in ``out``: ``slug``, ``status`` (ok/failed), metrics or error."""
    rows = []
    for folder in sorted(p for p in Path(out).iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        metrics, failed = folder / METRICS_NAME, folder / FAILED_NAME
        if metrics.exists() and (folder / HTML_NAME).exists():
            try:
                data = json.loads(metrics.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                rows.append({"slug": folder.name, "status": "failed",
                             "error": f"unreadable {METRICS_NAME}: {exc}"})
                continue
            rows.append({"slug": folder.name, "status": "ok", **data})
        elif failed.exists():
            text = failed.read_text(encoding="utf-8", errors="replace").splitlines()
            err = next((ln[len("Error: "):] for ln in text if ln.startswith("Error: ")), "failed")
            rows.append({"slug": folder.name, "status": "failed", "error": err})
    return rows


def _sub_line(row: Mapping[str, Any]) -> str:
    """Under the name: the sector; for an export (no profile) the file it came from, so that
    several exports of the same kind ("archive-owner") can be told apart."""
    if row.get("sector"):
        return str(row["sector"])
    return f"from {row['source_file']}" if row.get("source_file") else ""


def _num_class(value: Any) -> str:
    """' class="num"' for a number (right-aligned so digits line up), else ''."""
    return ' class="num"' if isinstance(value, (int, float)) and not isinstance(value, bool) else ""


def render_index(rows: list[dict[str, Any]], title: str = "Social media monitoring reports") -> str:
    """The index page as HTML: every value escaped, links only to files inside the folder."""
    e = html.escape
    kpis = [k for k in INDEX_KPIS if any(k in (r.get("headline") or {}) for r in rows)]
    if not kpis:  # fall back to whatever numeric headline figures exist
        seen: list[str] = []
        for r in rows:
            for k, v in (r.get("headline") or {}).items():
                if isinstance(v, (int, float)) and not isinstance(v, bool) and k not in seen:
                    seen.append(k)
        kpis = seen[:6]
    numeric = {k for k in kpis if any(_num_class((r.get("headline") or {}).get(k)) for r in rows)}
    head = "".join(("<th class=\"num\">" if k in numeric else "<th>") + f"{e(_label(k))}</th>" for k in kpis)
    body = []
    for r in rows:
        slug = r["slug"]
        if r["status"] == "ok":
            name = r.get("name") or slug
            days = r.get("days") or []
            days_txt = days_text(days) if isinstance(days, list) else str(days)
            cells = "".join(f"<td{_num_class((r.get('headline') or {}).get(k))}>"
                            f"{e(_index_cell(k, r.get('headline') or {}))}</td>" for k in kpis)
            body.append(
                f'<tr><td><a href="{e(quote(slug))}/{HTML_NAME}">{e(str(name))}</a>'
                f'<div class="sub">{e(_sub_line(r))}</div></td>'
                f"<td>{e(days_txt)}</td>{cells}"
                f'<td class="data"><a href="{e(quote(slug))}/{QUEUE_NAME}">CSV</a>'
                f'<a href="{e(quote(slug))}/{METRICS_NAME}">JSON</a></td></tr>')
        else:
            body.append(f'<tr class="failed"><td>{e(slug)}</td>'
                        f'<td colspan="{len(kpis) + 2}">FAILED: {e(str(r.get("error", "")))} '
                        f'(see <a href="{e(quote(slug))}/{FAILED_NAME}">{FAILED_NAME}</a>)</td></tr>')
    n_ok = sum(r["status"] == "ok" for r in rows)
    when = dt.datetime.now(dt.timezone.utc).strftime("%d %b %Y %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<style>
 body {{ font-family: system-ui, "Segoe UI", Arial, sans-serif; max-width: 84rem; margin: 1.5rem auto; padding: 0 1rem; color: #1b1b1b; }}
 h1 {{ color: #1f4e79; border-bottom: 3px solid #1f4e79; padding-bottom: .3rem; }}
 .scroll {{ overflow-x: auto; max-width: 100%; }}  /* a narrow window scrolls the table, not the page */
 table {{ border-collapse: collapse; width: 100%; font-size: .85rem; }}
 /* a long word (a file's path in an error, a file name) wraps rather than widen the table */
 tr.failed td {{ overflow-wrap: anywhere; }}
 td .sub {{ overflow-wrap: break-word; }}
 td.num {{ white-space: nowrap; }}
 th, td {{ border-bottom: 1px solid #d8dee4; padding: .4rem .35rem; text-align: left; vertical-align: top; }}
 td.num, th.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
 td.data a {{ display: block; white-space: nowrap; }}
 th {{ background: #eef3f8; }}
 td .sub {{ color: #666; font-size: .8rem; }}
 tr.failed td {{ background: #fdecea; color: #8a1c12; }}
 p.note {{ color: #555; }}
</style></head>
<body>
<h1>{e(title)}</h1>
<p class="note">{n_ok} of {len(rows)} organisation report(s) ready. Click a name to open its report
(it works offline). Figures are for the monitoring days shown; customer handles are pseudonymised
unless the report was built with <code>--show-handles</code>. Built {e(when)}.</p>
<div class="scroll"><table>
<thead><tr><th>Organisation</th><th>Monitoring days</th>{head}<th>Data</th></tr></thead>
<tbody>
{chr(10).join(body)}
</tbody></table></div>
</body></html>
"""


def write_index(out: str | os.PathLike) -> Path:
    """Write ``<out>/index.html`` atomically from what is in the folder; return its path."""
    out = Path(out)
    return atomic_write_text(out / "index.html", render_index(collect_index_rows(out)))


# ── CLI ───────────────────────────────────────────────────────────────────────────────────
def format_summary(summary: Mapping[str, Any]) -> str:
    """Plain-text end-of-run summary: what succeeded, what failed and why."""
    lines = [f"Reports in {summary['out']} ({summary['seconds']:.1f} s, {summary['workers']} worker(s))"]
    by_slug = {r["slug"]: r for r in summary["results"]}
    names = list(summary["succeeded"]) + [f["slug"] for f in summary["failed"]]
    w = max([24, *map(len, names)])   # one column for every name, however long
    if summary["succeeded"]:
        lines.append(f"Succeeded ({len(summary['succeeded'])}):")
        for slug in summary["succeeded"]:
            lines.append(f"  ✓ {slug:{w}} {by_slug[slug].get('seconds', 0):6.1f} s  "
                         f"{slug}/{HTML_NAME}")
    if summary["failed"]:
        lines.append(f"Failed ({len(summary['failed'])}):")
        for f in summary["failed"]:
            where = f" (cell {f['cell']})" if f.get("cell") is not None else ""
            lines.append(f"  ✗ {f['slug']:{w}} {f['error']}{where}")
    lines.append(f"Index: {summary['index']}")
    return "\n".join(lines)


def run_cli(args) -> int:
    """``smlib report``: build the reports, print the summary, exit 1 if any organisation failed."""
    if getattr(args, "all", False):
        from .sample import list_organisations
        orgs = list_organisations()
    else:
        orgs = list(args.org or [])
    summary = build_reports(orgs, out=args.out, days=args.days, workers=args.workers,
                            show_handles=getattr(args, "show_handles", False),
                            corrections=getattr(args, "corrections", None),
                            org_handles=getattr(args, "org_handles", None))
    print(format_summary(summary), file=sys.stdout)
    return 1 if summary["failed"] else 0
