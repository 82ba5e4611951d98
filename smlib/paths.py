"""Where smlib finds its bundled data (sample, profiles, catalogues).

The data folder is the repository's ``data/`` (editable install), or ``$SMLIB_DATA`` when set.
Notebooks resolve files through here, never through ``../data`` guesses, because papermill,
nbval and JupyterLab run kernels in different working directories.
"""
from __future__ import annotations

import os
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
        raise DataError(f"{what} is not valid TOML ({exc})", source=str(path)) from None
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise DataError(f"{what} is not UTF-8 text ({exc.reason} at line {line}); save it as UTF-8 "
                        "(in Notepad: Save as, Encoding 'UTF-8')", source=str(path), row=line) from None
