"""Run many papermill jobs in parallel *processes*, keep going past failures, report each outcome.

Why processes: papermill's ``cwd=`` changes the whole process's working folder, so two runs in
threads would trample each other's folder. Each job here runs in its own worker process
(``forkserver`` on Linux/macOS, ``spawn`` elsewhere — never plain ``fork``, which copies a
half-initialised parent), in its own working folder, with kernel ``python3`` (the interpreter
running smlib, so a fresh venv works without registering a kernel).

A job's result is a plain dict (it crosses a process boundary): ``key``, ``ok``, ``seconds``,
``error`` (``"NameError: name 'x' is not defined"`` — the failing cell's error, taken from
papermill's ``PapermillExecutionError``), ``cell`` (the failing cell's execution count),
``retries`` (only when the kernel failed to start and the job was run again, see
``kernel_did_not_start``) and whatever the job's ``after`` step returned.

Example
-------
>>> jobs = [Job(key="a", notebook="nb.ipynb", output="out/a.ipynb", cwd="out",
...             parameters={"org": "a"})]                                       # doctest: +SKIP
>>> results = run_jobs(jobs, workers=2)                                          # doctest: +SKIP
"""
from __future__ import annotations

import multiprocessing as mp
import os
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any, Callable

KERNEL = "python3"
KERNEL_LOG = "kernel.log"
IOPUB_TIMEOUT = 120
"""Seconds nbclient waits, after a cell has finished, for the rest of its output to arrive
(``iopub_timeout``, 4 by default, and papermill raises when it runs out). The report's first
chart cell sends about 5 MB (plotly.js) and on a loaded machine took longer than 4 s: the build
failed with "CellTimeoutError: A cell timed out … after 4 seconds" although the job's own limit
(``Job.timeout``) was far off."""


@dataclass
class Job:
    """One notebook run: inputs, where the executed copy goes, and the working folder.

    ``after`` is an optional importable function ``f(job, result) -> dict`` run in the worker
    after papermill (e.g. HTML export); ``result`` holds ``ok``, ``error`` and ``cell`` so far,
    and the dict it returns is merged in. It must be a module-level function (it is pickled).
    """

    key: str
    notebook: str
    output: str
    cwd: str
    parameters: dict[str, Any] = field(default_factory=dict)
    after: Callable[["Job", dict[str, Any]], dict[str, Any]] | None = None
    timeout: int = 900
    iopub_timeout: int = IOPUB_TIMEOUT
    meta: dict[str, Any] = field(default_factory=dict)


def describe_error(exc: BaseException) -> tuple[str, int | None]:
    """A one-line reason a tutor can act on, and the failing cell's execution count if known."""
    ename = getattr(exc, "ename", None)
    if ename:  # PapermillExecutionError: the error raised inside the notebook
        evalue = str(getattr(exc, "evalue", "")).strip().splitlines()
        return f"{ename}: {evalue[0] if evalue else ''}".strip(), getattr(exc, "exec_count", None)
    msg = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {msg[0] if msg else ''}".strip(), None


START_RETRIES = 2


def kernel_did_not_start(exc: BaseException, output: str) -> bool:
    """True when ``exc`` is a kernel start-up failure, so running the job again may well work.

    Why: two kernels started at the same moment can pick the same TCP port (jupyter_client
    binds a free port, releases it and hands the number to the kernel; see papermill issue
    #511), and a kernel on a loaded machine can miss nbclient's start-up timeout. Both fail
    before any cell runs, as a ``RuntimeError``/``TimeoutError`` or an error from zmq or
    jupyter_client. An error *inside* a cell (``PapermillExecutionError``) or a run that got as
    far as executing a cell is the notebook's own failure and is never retried.
    """
    if getattr(exc, "ename", None):
        return False
    module = type(exc).__module__ or ""
    if not (isinstance(exc, (RuntimeError, TimeoutError))
            or module.split(".")[0] in {"zmq", "jupyter_client", "nbclient"}):
        return False
    try:
        import nbformat
        nb = nbformat.read(output, as_version=4)
    except Exception:  # noqa: BLE001 — no output notebook yet: nothing ran
        return True
    return not any(c.get("execution_count") for c in nb.cells if c.cell_type == "code")


def run_job(job: Job) -> dict[str, Any]:
    """Execute one job (in the current process); never raises, returns the outcome dict."""
    import papermill as pm

    start = time.perf_counter()
    result: dict[str, Any] = {"key": job.key, "ok": False, "error": None, "cell": None,
                              "output": job.output}
    ok = False
    os.makedirs(job.cwd, exist_ok=True)
    # The kernel inherits this process's stderr; send its chatter (e.g. ipykernel's transport
    # warning) to kernel.log in the job's folder instead of through the progress bar.
    log_path = os.path.join(job.cwd, KERNEL_LOG)
    sys.stderr.flush()
    saved = os.dup(2)
    log_fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(log_fd, 2)
    try:
        for attempt in range(1 + START_RETRIES):
            try:
                pm.execute_notebook(job.notebook, job.output, parameters=job.parameters,
                                    kernel_name=KERNEL, cwd=job.cwd, progress_bar=False,
                                    log_output=False, execution_timeout=job.timeout,
                                    iopub_timeout=job.iopub_timeout)
                ok, result["error"], result["cell"] = True, None, None
                break
            except Exception as exc:  # noqa: BLE001 — every failure is reported, none stops the batch
                result["error"], result["cell"] = describe_error(exc)
                if attempt == START_RETRIES or not kernel_did_not_start(exc, job.output):
                    break
                result["retries"] = attempt + 1
                print(f"[smlib] kernel did not start ({result['error']}); trying again",
                      file=sys.stderr, flush=True)
                time.sleep(0.5 * (attempt + 1))
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
        os.close(log_fd)
    if ok:
        os.unlink(log_path)
    result["ok"] = ok
    if job.after is not None:
        try:
            result.update(job.after(job, dict(result)) or {})
        except Exception as exc:  # noqa: BLE001
            ok = False
            result["error"] = result["error"] or describe_error(exc)[0]
            result["traceback"] = traceback.format_exc(limit=5)
    result["ok"] = bool(result["ok"]) and not result.get("error")
    result["seconds"] = round(time.perf_counter() - start, 2)
    return result


def _context() -> mp.context.BaseContext:
    methods = mp.get_all_start_methods()
    return mp.get_context("forkserver" if "forkserver" in methods and sys.platform != "win32" else "spawn")


def run_jobs(jobs: list[Job], workers: int | None = None, progress: bool = True,
             desc: str = "reports") -> list[dict[str, Any]]:
    """Run ``jobs`` on up to ``workers`` processes (default: CPU count); results in job order.

    A progress bar (tqdm, on stderr) advances as each job finishes; a failing job is recorded
    and the others carry on.
    """
    if not jobs:
        return []
    workers = max(1, min(int(workers or os.cpu_count() or 1), len(jobs)))
    by_key: dict[str, dict[str, Any]] = {}
    bar = None
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(total=len(jobs), desc=desc, unit="org", file=sys.stderr)
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        futures = {pool.submit(run_job, job): job for job in jobs}
        for fut in as_completed(futures):
            job = futures[fut]
            try:
                res = fut.result()
            except Exception as exc:  # the worker process itself died
                res = {"key": job.key, "ok": False, "error": describe_error(exc)[0], "cell": None,
                       "output": job.output, "seconds": None}
            by_key[job.key] = res
            if bar is not None:
                bar.set_postfix_str(f"{job.key}: {'ok' if res['ok'] else 'FAILED'}")
                bar.update(1)
    if bar is not None:
        bar.close()
    return [by_key[j.key] for j in jobs]
