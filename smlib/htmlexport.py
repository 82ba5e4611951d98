"""Turn an executed report notebook into a self-contained, code-free HTML hand-out; write files atomically.

Why a module of its own: the batch runner, the tests and a tutor in a notebook all need the
same three things — a notebook rendered **without code** (inputs and the papermill parameter
cells removed), an HTML file that works **offline** (no require.js/MathJax/mermaid from a CDN;
plotly.js is embedded by the notebook's ``plotly_mimetype+notebook`` renderer), and writes that
never leave a half-written file behind (write a temporary file in the same folder, then
``os.replace`` it over the target: readers see the old file or the new one, never a mix).

Example
-------
>>> from smlib.htmlexport import atomic_write_text
>>> atomic_write_text("/tmp/smlib-doctest.txt", "hello")   # doctest: +SKIP
>>> html = notebook_to_html("reports/northway-rail/report.ipynb", title="Northway Rail")  # doctest: +SKIP
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Iterable

import nbformat

# plotly's "notebook" renderer hard-codes a MathJax <script src> from a CDN in every figure; the
# reports use no LaTeX, and a report must not reach out to the internet when opened, so it goes.
_CDN_SCRIPT = re.compile(
    r'<script[^>]*\bsrc="https://cdnjs\.cloudflare\.com/ajax/libs/mathjax/[^"]*"[^>]*>\s*</script>')

REMOVED_TAGS = ("parameters", "injected-parameters", "remove-cell", "remove_cell")
"""Cells with these tags are dropped from the HTML (the learner/tutor never sees them)."""

# A thin layer over nbconvert's "lab" template: no CDN scripts (the report must work offline and
# must not phone home) and a calmer, printable page for a hand-out.
_TEMPLATE = r"""{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block extra_css %}
<style type="text/css">
  body.jp-Notebook { max-width: 60rem; margin: 0 auto; padding: 1.5rem 2rem 3rem;
                     font-family: system-ui, "Segoe UI", Arial, sans-serif; line-height: 1.45; }
  .jp-Cell { padding: 0.1rem 0; }
  .jp-RenderedHTMLCommon h1 { border-bottom: 3px solid #1f4e79; padding-bottom: .3rem; color: #1f4e79; }
  .jp-RenderedHTMLCommon h2 { margin-top: 2.2rem; border-bottom: 1px solid #c9d3dd; color: #1f4e79;
                              padding-bottom: .2rem; page-break-before: auto; }
  .jp-RenderedHTMLCommon table { font-size: 0.85rem; border-collapse: collapse; }
  .jp-RenderedHTMLCommon th { background: #eef3f8; }
  .jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { vertical-align: top; max-width: 28rem; }
  .jp-RenderedHTMLCommon table.smlib-table td, .jp-RenderedHTMLCommon table.smlib-table th { text-align: left; }
  .jp-OutputArea-output pre { font-size: 0.9rem; white-space: pre-wrap; }
  .jp-InputPrompt, .jp-OutputPrompt { display: none; }
  @media print { body.jp-Notebook { max-width: none; padding: 0; } h2 { page-break-before: always; } }
</style>
{% endblock extra_css %}
"""


def _exporter(exclude_input: bool = True):
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(template_name="lab", template_file="smlib_report.html.j2",
                            extra_loaders=[DictLoader({"smlib_report.html.j2": _TEMPLATE})],
                            exclude_input=exclude_input, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    remover = TagRemovePreprocessor(remove_cell_tags=set(REMOVED_TAGS), enabled=True)
    exporter.register_preprocessor(remover, enabled=True)
    return exporter


def notebook_to_html(notebook: str | Path | nbformat.NotebookNode, title: str | None = None,
                     exclude_input: bool = True) -> str:
    """Render an (executed) notebook as HTML without code or parameter cells.

    ``title`` becomes the page's ``<title>`` (escaped by nbconvert). Markdown cells and outputs are
    kept; papermill's error cell, if any, is kept too so a failure is never hidden.
    """
    nb = notebook if isinstance(notebook, nbformat.NotebookNode) else nbformat.read(str(notebook), as_version=4)
    nb = nbformat.from_dict(nb)  # a copy: never mutate the caller's notebook
    if title:
        nb.metadata["title"] = title
    body, _resources = _exporter(exclude_input).from_notebook_node(nb)
    return _CDN_SCRIPT.sub("", body)


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and ``os.replace``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write UTF-8 text atomically (see :func:`atomic_write_bytes`)."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def export_html(notebook: str | Path, html_path: str | Path, title: str | None = None) -> Path:
    """Render ``notebook`` to ``html_path`` atomically (see :func:`notebook_to_html`)."""
    return atomic_write_text(html_path, notebook_to_html(notebook, title=title))


def cleanup_temp_files(folder: str | Path, names: Iterable[str] | None = None) -> int:
    """Remove leftover ``.*.tmp`` files from an interrupted write; return how many went."""
    n = 0
    for p in Path(folder).glob(".*.tmp"):
        if names is None or any(p.name.startswith(f".{x}.") for x in names):
            p.unlink(missing_ok=True)
            n += 1
    return n
