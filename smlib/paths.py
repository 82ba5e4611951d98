"""Where smlib finds its bundled data (sample, profiles, catalogues).

The data folder is the repository's ``data/`` (editable install), or ``$SMLIB_DATA`` when set.
Notebooks resolve files through here, never through ``../data`` guesses, because papermill,
nbval and JupyterLab run kernels in different working directories.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent


def data_dir() -> Path:
    """The folder holding ``sample/``, ``organisations/`` and the editable configuration files."""
    env = os.environ.get("SMLIB_DATA")
    return Path(env).expanduser().resolve() if env else REPO_DIR / "data"


def data_file(*parts: str) -> Path:
    """Path of a file under the data folder, e.g. ``data_file("themes.toml")``."""
    return data_dir().joinpath(*parts)


def shared_dir() -> Path | None:
    """The project's ``../shared`` folder (real datasets for tests and benchmarks), if present."""
    env = os.environ.get("SMLIB_SHARED")
    cand = Path(env) if env else REPO_DIR.parent / "shared"
    return cand if (cand / "realdata").is_dir() else None


def file_stamp(path: str | Path) -> tuple[int, int] | None:
    """(modification time, size) of a file, or None: part of a cache key, so a tutor's edit to
    a configuration file is read on the next call instead of after a kernel restart."""
    try:
        st = Path(path).stat()
    except (OSError, ValueError):
        return None
    return st.st_mtime_ns, st.st_size


def _toml_line(message: str) -> int | None:
    m = re.search(r"at line (\d+)", message)
    return int(m.group(1)) if m else None


def _toml_hint(raw: bytes, message: str) -> str:
    """A hint for the usual slips in a hand-edited TOML file, from the line the parser names:
    quotes a word processor curled (“like this”), and a comma after the last item in { }."""
    line_no = _toml_line(message)
    lines = raw.decode("utf-8-sig", errors="replace").splitlines()
    if not line_no or line_no > len(lines):
        return ""
    line = lines[line_no - 1]
    if any(q in line for q in "“”‘’„"):
        return (f". Line {line_no} has curly quotes (“ ” ‘ ’), which a word processor makes: TOML needs "
                "straight quotes (\" or '); retype them in a plain text editor")
    if re.search(r",\s*}", line) or (line.rstrip().endswith(",") and "{" in line and "}" not in line):
        return f". Line {line_no} has a comma after the last item inside {{ }}, which TOML does not allow"
    return f". The line is: {line.strip()[:80]!r}"


def read_toml(path: str | Path, what: str) -> dict:
    """Read a TOML configuration file; a missing or malformed file raises :class:`smlib.DataError`
    naming the file and ``what`` it is (e.g. ``"theme keyword file"``), never a bare parser error."""
    import tomllib

    from .errors import DataError

    try:
        with open(path, "rb") as fh:
            raw = fh.read()
        # Notepad's "UTF-8 with BOM" starts the file with a byte-order mark TOML does not allow
        return tomllib.loads(raw.decode("utf-8-sig"))
    except (FileNotFoundError, IsADirectoryError):
        raise DataError(f"{what} not found", source=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{what} is not valid TOML ({exc}){_toml_hint(raw, str(exc))}",
                        source=str(path), row=_toml_line(str(exc))) from None
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise DataError(f"{what} is not UTF-8 text ({exc.reason} at line {line}); save it as UTF-8 "
                        "(in Notepad: Save as, Encoding 'UTF-8')", source=str(path), row=line) from None
