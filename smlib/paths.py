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
