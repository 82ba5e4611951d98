"""smlib.check_config: every tutor-edited file in data/ read once, before a batch makes anything.

Each broken file is a copy of the bundled one with one edit, in a data folder that
``SMLIB_DATA`` points at (as a tutor's own copy of ``data/`` would be).
"""
from __future__ import annotations


import pytest

import smlib
from smlib.cli import main as cli_main
from smlib.config import check_config
from smlib.errors import DataError

BUNDLED = smlib.paths.data_file()


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_bundled_files_pass_and_every_file_is_read(tutor_data):
    checked = check_config(exercises=True)
    assert checked[:9] == ["themes.toml", "sentiment_lexicon.csv", "priority_rules.toml", "responses.toml",
                           "monitoring_keywords.toml", "places.toml", "tools.toml", "strong_language.toml",
                           "exercises.toml"]
    profiles = sorted(p.name for p in (tutor_data / "organisations").glob("*.toml"))
    assert checked[9:] == [f"organisations/{p}" for p in profiles] and len(profiles) == 8


@pytest.mark.parametrize("name, old, new, field", [
    ("themes.toml", 'keywords = ["delay*"', 'keywords = ["*"', "delays.keywords"),
    ("monitoring_keywords.toml", "[negative]\nwords = [", "[negative]\nwordz = [", "negative.words"),
    ("places.toml", "[national.GB]\nplaces = [", '[national.GB]\nplaces = "leeds"\nold = [',
     "national.GB.places"),
    # a situation the replies file does not have: found only when a message is prioritised
    ("priority_rules.toml", 'situation = "complaint"', 'situation = "complain"', "factors.complaint.situation"),
    ("tools.toml", 'status = { value = "available", checked = 2026-11-23',
     'status = { value = "maybe", checked = 2026-11-23', None),
])
def test_each_broken_file_is_named_with_its_field(tutor_data, name, old, new, field):
    _edit(tutor_data / name, old, new)
    with pytest.raises(DataError) as e:
        check_config()
    msg = str(e.value)
    assert msg.startswith("a configuration file has a problem (nothing was made")
    assert str(tutor_data / name) in msg
    if field:
        assert f"field '{field}'" in msg
    assert msg.count("\n  - ") == 1


def test_every_broken_file_is_listed_at_once(tutor_data):
    _edit(tutor_data / "themes.toml", 'keywords = ["delay*"', 'keywords = ["a"')
    _edit(tutor_data / "places.toml", "[national.GB]\nplaces = [", '[national.GB]\nplaces = "leeds"\nold = [')
    _edit(tutor_data / "organisations" / "tidy-paws.toml", "[handles]", "[handles]\nx = [")
    with pytest.raises(DataError) as e:
        check_config()
    msg = str(e.value)
    assert msg.startswith("3 configuration files have problems")
    for name in ("themes.toml", "places.toml", "organisations/tidy-paws.toml"):
        assert str(tutor_data / name) in msg
    # with the organisations named, only their profiles are read
    with pytest.raises(DataError) as e:
        check_config(["northway-rail"])
    assert "tidy-paws.toml" not in str(e.value) and str(e.value).startswith("2 configuration files")


def test_exercise_settings_only_when_asked(tutor_data):
    _edit(tutor_data / "exercises.toml", 'practice_orgs = ["tidy-paws", "lakeside-cinema"]', "practice_orgs = []")
    assert "exercises.toml" not in check_config()          # reports do not read it
    with pytest.raises(DataError, match="field 'practice_orgs'"):
        check_config(exercises=True)


def test_an_edit_after_the_first_check_is_seen(tutor_data):
    check_config()
    _edit(tutor_data / "monitoring_keywords.toml", "[negative]\nwords = [", "[negative]\nwordz = [")
    with pytest.raises(DataError, match="negative.words"):
        check_config()


def test_a_bad_corrections_file_is_named_with_its_row(tutor_data, tmp_path):
    bad = tmp_path / "fixes.csv"
    bad.write_text("platform,message_id,sentiment_label\nx,123,good\n", encoding="utf-8")
    with pytest.raises(DataError) as e:
        check_config(corrections=bad)
    assert f"{bad}, row 2, field 'sentiment_label'" in str(e.value)


def test_the_batch_stops_before_making_anything(tutor_data, tmp_path):
    # before: each organisation's notebook met the broken file ~10 s in, giving one FAILED report each
    _edit(tutor_data / "themes.toml", 'keywords = ["delay*"', 'keywords = ["*"')
    out = tmp_path / "reports"
    with pytest.raises(DataError, match="themes.toml"):
        smlib.build_reports(["northway-rail", "tidy-paws"], out, workers=1, progress=False)
    assert not out.exists() or not any(out.iterdir())


def test_the_cli_says_what_to_fix_and_exits_2(tutor_data, tmp_path, capsys):
    _edit(tutor_data / "priority_rules.toml", 'situation = "complaint"', 'situation = "complain"')
    code = cli_main(["report", "--all", "--out", str(tmp_path / "reports")])
    err = capsys.readouterr().err
    assert code == 2
    assert "priority_rules.toml, field 'factors.complaint.situation'" in err
    assert "did you mean 'complaint'?" in err
    assert not any((tmp_path / "reports").iterdir())


def test_a_missing_corrections_file_stops_the_cli_before_anything_is_made(tmp_path, capsys):
    code = cli_main(["report", "--org", "tidy-paws", "--out", str(tmp_path / "reports"),
                     "--corrections", str(tmp_path / "my_fixes.csv")])
    err = capsys.readouterr().err
    assert code == 2 and f"{tmp_path / 'my_fixes.csv'}: corrections file not found" in err
    assert not any((tmp_path / "reports").iterdir())
