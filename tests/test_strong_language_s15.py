"""A content note before real messages with swearing or slurs (session 15).

Real exports hold what the public wrote. Reports and notebooks 01–04 showed it to a class of
16-year-olds with no word of warning; they now say how many of the public's messages on the
days contain strong language (``data/strong_language.toml``), and change nothing in the text.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import smlib
from smlib.config import check_config
from smlib.errors import DataError
from smlib.strong_language import (content_note, content_note_for, has_strong_language,
                                   strong_language_count)
from smlib.summary import load_lines

DAYS = ["2024-03-11", "2024-03-12", "2024-03-13", "2024-03-14", "2024-03-15"]


@pytest.mark.parametrize("text", [
    "What a shit service", "fucking delays again", "Fuuuuck sake", "SH1IIIT", "you absolute wanker",
    "Ｆｕｃｋ this", "total bullshit", "bastards!", "this is a shitshow", "pissed off with you",
])
def test_strong_language_is_found(text):
    assert has_strong_language([text]).tolist() == [True]


@pytest.mark.parametrize("text", [
    "Scunthorpe station, classic delay", "the prickly pear was off", "the stopcock leaks",
    "£5 for 20 fags is a rip-off", "flame retardant sofa", "Dick Turpin tour was great",
    "Wankel engine museum", "f*** this", "sh*t service", "Mississippi", "assessment booked",
    "shiitake mushrooms", "bloody awful, crap and damn slow",
])
def test_harmless_words_and_mild_swearing_are_not(text):
    """Guards: whole words only; a word hidden on purpose and mild British words do not count."""
    assert has_strong_language([text]).tolist() == [False]


def test_missing_texts_are_not_errors():
    assert has_strong_language([None, float("nan"), 3, ""]).tolist() == [False] * 4


def _csv(tmp_path, swear: bool) -> Path:
    rows = []
    for i, d in enumerate(DAYS):
        rows.append({"id": f"p{i}", "date": f"{d}T09:00:00Z", "author": "@shopco",
                     "text": "Fucking brilliant offer, team!" if i == 0 else f"Our offer {i}"})
        rows.append({"id": f"c{i}", "date": f"{d}T10:00:00Z", "author": f"@person{i}",
                     "text": ("Where the fuck is my parcel" if swear and i < 2 else "My parcel is late")})
    path = tmp_path / "shopco.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_monitor_counts_the_public_messages_and_load_lines_warn(tmp_path):
    """Two messages from the public swear; the business's own post is not counted."""
    ds = smlib.load(_csv(tmp_path, swear=True), org_handles=["@shopco"])
    res = smlib.monitor(smlib.enrich(ds), days=DAYS)
    assert res["meta"]["strong_language"] == 2
    lines = load_lines(ds, res)
    assert ("Content note: 2 messages from the public on these days contain strong language "
            "(swearing or slurs); some may be quoted below.") in lines
    assert "fuck" in " ".join(smlib.enrich(ds).interactions["text"]).lower()   # nothing is changed


def test_no_note_without_strong_language(tmp_path):
    """Guard: the business's own swearing alone gives no note about the public's messages."""
    ds = smlib.load(_csv(tmp_path, swear=False), org_handles=["@shopco"])
    res = smlib.monitor(smlib.enrich(ds), days=DAYS)
    assert res["meta"]["strong_language"] == 0
    assert not [line for line in load_lines(ds, res) if "Content note" in line]
    assert content_note_for(ds.interactions) == ""


def test_note_for_one_message():
    assert content_note(1) == ("Content note: 1 message from the public on these days contains strong "
                               "language (swearing or slurs); some may be quoted below.")


def test_sample_organisations_need_no_note():
    for org in smlib.list_organisations(include_practice=True):
        assert strong_language_count(smlib.load_sample(org).interactions) == 0, org


def test_a_tutors_word_is_used(tutor_data):
    path = tutor_data / "strong_language.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('"slag", ', '"slag", "numpty", '),
                    encoding="utf-8")
    assert has_strong_language(["what a numpty"]).tolist() == [True]


@pytest.mark.parametrize("edit, says", [
    (('words = [', 'wordz = ['), "expected 'words = ["),
    (('"bastard*", "prick", ', '"bastard*", "prick it", '), "each entry must be one word"),
])
def test_a_broken_word_file_is_named_by_check_config(tutor_data, edit, says):
    path = tutor_data / "strong_language.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(*edit, 1), encoding="utf-8")
    with pytest.raises(DataError) as e:
        check_config()
    assert str(path) in str(e.value) and says in str(e.value)


def test_report_says_it_before_the_messages(tmp_path):
    """The HTML report's first paragraph carries the note (run through papermill once)."""
    out = tmp_path / "reports"
    summary = smlib.build_reports([str(_csv(tmp_path, swear=True))], out, days=DAYS, workers=1,
                                  progress=False, org_handles="@shopco")
    assert not summary["failed"], summary["failed"]
    pages = [p for p in out.rglob("*.html") if p.name != "index.html"]
    assert pages, list(out.rglob("*"))
    text = re.sub(r"<[^>]+>", " ", pages[0].read_text(encoding="utf-8"))
    note = text.find("Content note: 2 messages from the public")
    assert note != -1
    assert note < text.find("Where the fuck is my parcel")   # the note comes first


@pytest.mark.parametrize("notebook", ["01_monitoring", "02_sentiment_and_themes", "03_priorities", "04_tools"])
def test_each_notebook_says_it_on_an_export(tmp_path, notebook):
    from _nbrun import run_in
    nb = Path(__file__).parent.parent / "notebooks" / f"{notebook}.ipynb"
    out = run_in(tmp_path, nb, org=str(_csv(tmp_path, swear=True)), days=DAYS, org_handles=["@shopco"])
    assert "Content note: 2 messages from the public on these days contain strong language" in out


def test_wtf_and_other_abbreviations_count():
    assert has_strong_language(["WTF is going on with my order", "stfu", "gtfo"]).tolist() == [True] * 3


def test_examples_shown_to_a_class_prefer_messages_without_strong_language(tmp_path):
    """The reviewer: the example complaint for r/politics was the one that swore. With enough
    other negative messages, the examples are those without strong language."""
    rows = []
    for i, d in enumerate(DAYS):
        rows.append({"id": f"s{i}", "date": f"{d}T09:00:00Z", "author": f"@angry{i}",
                     "text": f"Worst fucking service ever, parcel {i} is lost and broken"})
        for j in range(2):
            rows.append({"id": f"c{i}{j}", "date": f"{d}T10:0{j}:00Z", "author": f"@p{i}{j}",
                         "text": f"My parcel {i}{j} is late and the tracking is wrong, very disappointed"})
    path = tmp_path / "shopco.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    res = smlib.monitor(smlib.enrich(smlib.load(path)), days=DAYS)
    ex = res["complaint_examples"]["text"].tolist()
    assert len(ex) == 5 and not any("fucking" in t for t in ex)
    themes = res["themes"]
    delivery = themes.set_index("theme").loc["delivery", "example"]   # both kinds are about it
    assert "fucking" not in delivery


def test_the_only_examples_are_still_shown():
    """Guard: with no other message, a message with strong language is still an example."""
    import smlib.metrics as m
    frame = pd.DataFrame({"_day": [None], "platform": ["x"], "author_id": ["a"], "author_name": [None],
                          "author_is_org": [False], "text": ["what the fuck"]})
    assert m._examples(frame, 3)["text"].tolist() == ["what the fuck"]
