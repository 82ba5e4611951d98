"""What happens when a tutor edits the files in data/ as a non-programmer would: in Notepad or
Excel, by copying an entry and changing it. A valid edit must take effect; a mistake must be a
smlib.DataError naming the file, the entry and the field, never a traceback or a silent change.
"""
from __future__ import annotations

import os
import time

import pandas as pd
import pytest

import smlib
from smlib import DataError
from smlib import themes as T


def _theme(keywords, **extra):
    return {"x": {"label": "X", "keywords": list(keywords), **extra}}


# --------------------------------------------------------------------------- themes.toml

def test_number_inside_a_keyword_matches():
    # the bundled file has "£<n>" and "$<n>" in price_refunds; they never matched
    assert "price_refunds" in T.match_themes("they took £5 off me")
    df = pd.DataFrame({"text": ["they took £5.99 off me", "up 15% again", "nothing here"]})
    got = T.add_themes(df, themes=_theme(["£<n>", "<n>%"]))["themes"].tolist()
    assert got == [["x"], ["x"], []]


def test_keyword_starting_with_a_number_is_tagged_by_add_themes():
    # match_themes found "<n> hours late" but add_themes never tagged it
    th = _theme(["<n> hours late"])
    df = pd.DataFrame({"text": ["train was 3 hours late", "two hours late again", "plan hours late"]})
    assert T.add_themes(df, themes=th)["themes"].tolist() == [["x"], ["x"], []]
    assert [bool(T.match_themes(t, th)) for t in df["text"]] == [True, True, False]


@pytest.mark.parametrize("kw, text", [("doesn't work", "the app doesn't work"),
                                      ("can’t log in", "I can't log in"),
                                      ("Café", "Lovely CAFÉ"), ("😡", "I 😡 this"),
                                      ("Call Centre", "the call  centre again")])
def test_keywords_as_a_tutor_types_them_match(kw, text):
    df = pd.DataFrame({"text": [text]})
    assert T.add_themes(df, themes=_theme([kw]))["themes"][0] == ["x"]


@pytest.mark.parametrize("kw", ["*", "cancel *", "a", "I", "x*", "<n>", "can*cel"])
def test_keyword_that_would_match_everything_or_nothing_is_refused(kw):
    with pytest.raises(DataError) as e:
        T._themes_from_dict(_theme([kw, "late"]), "themes.toml")
    assert e.value.source == "themes.toml" and e.value.field == "x.keywords" and repr(kw) in str(e.value)


@pytest.mark.parametrize("typo", ["keyword", "keywrds", "lable"])
def test_typo_in_a_theme_key_is_named(typo):
    spec = _theme(["late"])
    spec["x"][typo] = ["delay"]
    if typo == "keyword":
        del spec["x"]["keywords"]
    with pytest.raises(DataError) as e:
        T._themes_from_dict(spec, "themes.toml")
    assert e.value.field == f"x.{typo}" and "typo" in str(e.value)


def test_edited_theme_file_is_read_again_without_a_restart(tmp_path):
    path = tmp_path / "themes.toml"
    df = pd.DataFrame({"text": ["it was ok", "I am gutted"]})
    path.write_text('[x]\nlabel = "X"\nkeywords = ["ok"]\n', encoding="utf-8")
    assert T.add_themes(df, themes=str(path))["themes"].tolist() == [["x"], []]
    path.write_text('[x]\nlabel = "X"\nkeywords = ["gutted"]\n', encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
    assert T.add_themes(df, themes=str(path))["themes"].tolist() == [[], ["x"]]
