"""The ``smlib`` command line with the mistakes people make: each gives a short message on
stderr (what was wrong, what is expected, the near match), a non-zero exit code, no traceback,
and nothing written. No report kernels run here: every case fails before the batch starts.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

import smlib.cli
from smlib.cli import check_org, check_out
from smlib.errors import DataError


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """``smlib argv`` in this process: (exit code, stdout, stderr); argparse exits count too."""
    try:
        code = smlib.cli.main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def assert_short_error(code, err: str, *phrases: str) -> None:
    assert code not in (0, None), err
    assert "Traceback" not in err and err.startswith("smlib"), err
    assert 1 <= len(err.strip().splitlines()) <= 2, err
    for p in phrases:
        assert p in err, (p, err)


@pytest.mark.parametrize("argv, phrases", [
    ([], ["give a command: orgs, report, generate-sample"]),
    (["reprot", "--all"], ["unknown command 'reprot'", "did you mean 'report'?"]),
    (["frobnicate"], ["unknown command 'frobnicate'", "orgs, report, generate-sample"]),
    (["orgs", "extra"], ["unrecognized arguments: extra"]),
    (["report"], ["one of the arguments --org --all is required", "smlib report --help"]),
    (["report", "--org"], ["--org: expected one argument"]),
    (["report", "--all", "--org", "brightmart"], ["not allowed with argument"]),
    (["report", "--all", "--workers", "abc"], ["--workers: 'abc' is not a whole number"]),
    (["report", "--all", "--workers", "0"], ["--workers: '0' must be 1 or more"]),
    (["report", "--all", "--days", "yesterday"], ["'yesterday' must look like YYYY-MM-DD"]),
    (["report", "--all", "--days", "2026-13-01"], ["'2026-13-01' is not a real date"]),
    (["report", "--all", "--days", "2026-1-5"], ["must look like YYYY-MM-DD"]),
    (["generate-sample", "--seed", "x"], ["--seed: 'x' is not a whole number"]),
])
def test_argument_mistakes_give_one_line(capsys, tmp_path, monkeypatch, argv, phrases):
    monkeypatch.chdir(tmp_path)  # the default --out is ./reports
    code, _, err = run(capsys, *argv)
    assert_short_error(code, err, *phrases)
    assert list(tmp_path.iterdir()) == []  # nothing made for a command that was refused


def test_unknown_org_suggests_the_near_match_and_lists_the_orgs(capsys, tmp_path):
    code, out, err = run(capsys, "report", "--org", "northway-rai", "--out", str(tmp_path / "r"))
    assert_short_error(code, err, "unknown organisation 'northway-rai'",
                       "did you mean 'northway-rail'?", "brightmart", "tidy-paws")
    assert code == 2 and out == "" and not (tmp_path / "r").exists()


def test_every_bad_org_is_refused_before_any_report_starts(capsys, tmp_path):
    code, _, err = run(capsys, "report", "--org", "brightmart", "--org", "Brightmarts",
                       "--out", str(tmp_path / "r"))
    assert_short_error(code, err, "'Brightmarts'", "did you mean 'brightmart'?")
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize("name", ["missing.csv", "exports/missing.json", "sub/dir"])
def test_missing_export_path(capsys, tmp_path, name):
    path = tmp_path / name
    code, _, err = run(capsys, "report", "--org", str(path), "--out", str(tmp_path / "r"))
    assert_short_error(code, err, str(path), "no such file or folder")


def test_empty_export_file_and_empty_folder(capsys, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    code, _, err = run(capsys, "report", "--org", str(empty), "--out", str(tmp_path / "r"))
    assert_short_error(code, err, "empty.csv", "export file is empty")
    folder = tmp_path / "nothing-here"
    folder.mkdir()
    code, _, err = run(capsys, "report", "--org", str(folder), "--out", str(tmp_path / "r"))
    assert_short_error(code, err, "nothing-here", "no exported files")
    code, _, err = run(capsys, "report", "--org", "  ", "--out", str(tmp_path / "r"))
    assert_short_error(code, err, "no organisation given")


def test_out_that_is_a_file_or_cannot_be_made(capsys, tmp_path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    code, _, err = run(capsys, "report", "--all", "--out", str(a_file))
    assert_short_error(code, err, "notes.txt", "--out must be a folder, but this is a file")
    code, _, err = run(capsys, "report", "--all", "--out", str(a_file / "sub"))
    assert_short_error(code, err, "cannot write the output folder", "Not a directory")
    code, _, err = run(capsys, "generate-sample", "--out", str(a_file))
    assert_short_error(code, err, "--out must be a folder")
    assert a_file.read_text() == "x"


def test_orgs_and_exports_that_exist_are_accepted(tmp_path):
    check_org("northway-rail")
    check_org("Northway Rail")  # load_org reads loosely written names too
    check_org("tidy-paws")
    export = tmp_path / "export.csv"
    export.write_text("text,created_at\nhi,2026-01-01T00:00:00Z\n")
    check_org(str(export))
    check_org(str(tmp_path))  # a folder holding an export
    assert check_out(str(tmp_path / "new" / "reports")).is_dir()
    with pytest.raises(DataError, match="unknown organisation"):
        check_org("nonsense-org")


def test_a_write_error_during_the_run_is_one_line(capsys, tmp_path, monkeypatch):
    import smlib.report

    def full_disk(args):
        raise OSError(28, "No space left on device", str(tmp_path / "r" / "index.html"))
    monkeypatch.setattr(smlib.report, "run_cli", full_disk)
    code, _, err = run(capsys, "report", "--org", "brightmart", "--out", str(tmp_path / "r"))
    assert_short_error(code, err, "No space left on device", "index.html")
    assert code == 1


def test_the_real_entry_point_prints_no_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "smlib", "report", "--org", "northway-rai",
                           "--out", str(tmp_path / "r")], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "Traceback" not in proc.stderr and "did you mean 'northway-rail'?" in proc.stderr


def test_orgs_piped_into_a_reader_that_stops_is_quiet():
    """`smlib orgs | head -1`: the reader stops early; that is not an error to report."""
    proc = subprocess.Popen([sys.executable, "-m", "smlib", "orgs"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    proc.stdout.close()  # the reader is gone before smlib (still importing) prints anything
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0 and err == "", err


@pytest.mark.parametrize("name", ["northway-rail", "Northway Rail", "northway-rial", "zzz-unknown",
                                  "gone/missing.csv", "missing.json", "", "   "])
def test_cli_and_load_org_read_names_the_same_way(tmp_path, monkeypatch, name):
    """`smlib report --org X` refuses exactly the names smlib.load_org refuses, with the same words."""
    import smlib
    monkeypatch.chdir(tmp_path)
    try:
        ds = smlib.load_org(name)
    except DataError as exc:
        with pytest.raises(DataError) as cli_err:
            check_org(name)
        assert str(cli_err.value) == str(exc)
    else:
        check_org(name)
        assert ds.profile.slug == "northway-rail"


def test_an_existing_path_wins_over_a_loosely_written_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Northway Rail").mkdir()            # a folder with the organisation's name, empty
    with pytest.raises(DataError, match="no exported files"):
        check_org("Northway Rail")
    assert check_org("northway-rail") is None       # the exact slug is still the sample


def test_report_org_handles_option_is_for_exports_only(tmp_path, capsys):
    from smlib.cli import main
    code = main(["report", "--org", "northway-rail", "--org-handles", "acme", "--out", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code == 2 and "--org-handles is for exported files" in err and "northway-rail" in err
