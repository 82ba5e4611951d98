"""Shared fixtures. Tests that need ../shared/realdata skip with a clear reason when it is absent."""
from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")
os.environ.setdefault("MPLBACKEND", "Agg")

from smlib.paths import data_dir, shared_dir  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def realdata() -> Path:
    """The real public datasets folder, or skip (it lives outside the repo, in ../shared)."""
    s = shared_dir()
    if s is None:
        pytest.skip("real-data test: ../shared/realdata is not here (set SMLIB_SHARED to the shared folder)")
    return s / "realdata"


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return data_dir() / "sample"


@pytest.fixture
def tutor_data(tmp_path, monkeypatch) -> Path:
    """A copy of data/ (configuration files and profiles; the sample linked, not copied) that
    SMLIB_DATA points at, as a tutor's own edited copy would be: tests edit files in it."""
    import shutil

    from smlib.paths import data_file
    bundled = data_file()
    folder = tmp_path / "data"
    shutil.copytree(bundled, folder, ignore=shutil.ignore_patterns("sample"))
    (folder / "sample").symlink_to(bundled / "sample")
    monkeypatch.setenv("SMLIB_DATA", str(folder))
    return folder
