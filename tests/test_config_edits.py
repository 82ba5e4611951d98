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


# --------------------------------------------------------------------------- sentiment_lexicon.csv

LEXICON = smlib.paths.data_file("sentiment_lexicon.csv")


def _excel_copy(tmp_path, delim=",", bom=True, decimal_comma=False):
    """The bundled lexicon as Excel saves it: every row padded to the same width, cells with
    quotes re-quoted (comment lines too), three empty rows at the end."""
    import csv
    import io
    rows = list(csv.reader(LEXICON.read_text(encoding="utf-8").splitlines()))
    width = max(map(len, rows))
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator="\r\n")
    for r in rows + [[]] * 3:
        r = (r + [""] * width)[:width]
        if decimal_comma and r[0] and not r[0].startswith("#"):
            r[1] = r[1].replace(".", ",")
        w.writerow(r)
    path = tmp_path / "lexicon.csv"
    path.write_text(("\ufeff" if bom else "") + buf.getvalue(), encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize("delim, bom, decimal_comma", [(",", False, False), (",", True, False),
                                                        (";", True, True)])
def test_lexicon_saved_by_excel_reads_the_same(tmp_path, delim, bom, decimal_comma):
    from smlib.sentiment import read_lexicon
    want = [(e.term, e.score) for e in read_lexicon()]
    got = read_lexicon(_excel_copy(tmp_path, delim, bom, decimal_comma))
    assert [(e.term, e.score) for e in got] == want


def test_lexicon_saved_as_windows_text_names_the_line(tmp_path):
    from smlib.sentiment import read_lexicon
    path = tmp_path / "lexicon.csv"
    path.write_bytes(b"term,score,comment\nlate,-1.5,x\ncaf\xe9 closed,-1,accent\n")
    with pytest.raises(DataError) as e:
        read_lexicon(path)
    assert e.value.row == 3 and "UTF-8" in str(e.value) and str(path) in str(e.value)


@pytest.mark.parametrize("content, field", [("", None), ("term,score,comment\n*,-3,star\n", "term"),
                                            ("term,score,comment\ncancel *,-3,x\n", "term")])
def test_lexicon_mistakes_are_data_errors(tmp_path, content, field):
    from smlib.sentiment import read_lexicon
    path = tmp_path / "lexicon.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as e:
        read_lexicon(path)
    assert e.value.field == field and e.value.source == str(path)


def test_lexicon_terms_with_short_forms_match(tmp_path):
    from smlib.sentiment import add_sentiment
    path = tmp_path / "lexicon.csv"
    path.write_text(LEXICON.read_text(encoding="utf-8") + "doesn't load,-3,x\ncan’t stand,-3,y\n",
                    encoding="utf-8")
    df = pd.DataFrame({"text": ["the app doesn't load", "I can't stand it"]})
    base = add_sentiment(df)["sentiment"]
    new = add_sentiment(df, lexicon=str(path))["sentiment"]
    assert (new < base - 0.2).all()


def test_edited_lexicon_is_read_again_without_a_restart(tmp_path):
    from smlib.sentiment import add_sentiment
    path = tmp_path / "lexicon.csv"
    df = pd.DataFrame({"text": ["I am kerfuffled"]})   # a word in neither lexicon
    path.write_text(LEXICON.read_text(encoding="utf-8"), encoding="utf-8")
    before = add_sentiment(df, lexicon=str(path))["sentiment"][0]
    path.write_text(LEXICON.read_text(encoding="utf-8") + "kerfuffled,-3.5,new\n", encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
    assert add_sentiment(df, lexicon=str(path))["sentiment"][0] < before - 0.3


# --------------------------------------------------------------------------- corrections CSV

@pytest.mark.parametrize("raw", [
    "platform,message_id,sentiment_label\nx,1,Negative\n,,\n,,\n",               # empty Excel rows
    "\ufeff# learners' fixes\nplatform,message_id,sentiment_label\nx,1,negative\n",  # BOM + comment
    "Platform;Message_ID;Sentiment_Label\nX;1;negative\n",                         # European Excel
])
def test_corrections_as_excel_saves_them(tmp_path, raw):
    from smlib.sentiment import _read_corrections
    path = tmp_path / "fixes.csv"
    path.write_text(raw, encoding="utf-8")
    got = _read_corrections(path)
    assert got.to_dict("records") == [{"platform": "x", "message_id": "1", "sentiment_label": "negative"}]


def test_corrections_in_windows_encoding_are_read(tmp_path):
    from smlib.sentiment import _read_corrections
    path = tmp_path / "fixes.csv"
    path.write_bytes("platform,message_id,sentiment_label,reason\nx,1,positive,café was fine\n"
                     .encode("cp1252"))
    assert _read_corrections(path)["sentiment_label"].tolist() == ["positive"]


@pytest.mark.parametrize("raw, row, field", [
    ("", None, None),
    ("# a\n# b\nplatform,message_id,sentiment_label\nx,1,negative\nx,2,negatve\n", 5, "sentiment_label"),
    ("platform,message_id,sentiment_label\nx,1.23457E+18,negative\n", 2, "message_id"),
])
def test_corrections_mistakes_name_the_line(tmp_path, raw, row, field):
    from smlib.sentiment import _read_corrections
    path = tmp_path / "fixes.csv"
    path.write_text(raw, encoding="utf-8")
    with pytest.raises(DataError) as e:
        _read_corrections(path)
    assert (e.value.source, e.value.row, e.value.field) == (str(path), row, field)


# --------------------------------------------------------------------------- priority_rules.toml

PRIORITY = smlib.paths.data_file("priority_rules.toml")


def _edited_copy(tmp_path, source, old, new):
    """A copy of the bundled file ``source`` in ``tmp_path`` with its first ``old`` made ``new``."""
    text = source.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / source.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _rules_file(tmp_path, old, new):
    return _edited_copy(tmp_path, PRIORITY, old, new)


@pytest.mark.parametrize("old, new, field", [
    ("urgent = true", 'urgent = "no"', "factors.safety.urgent"),                    # "no" was urgent
    ("urgent = true", "urgnet = true", "factors.safety.urgnet"),                     # typo ignored
    ("urgent_threshold = 70", 'urgent_threshold = "70"', "scale.urgent_threshold"),  # TypeError
    ("urgent_threshold = 70", "urgent_treshold = 70", "scale.urgent_treshold"),
    ("sentiment_at_or_below = -0.35", 'sentiment_at_or_below = "minus 0.35"',
     "factors.complaint.sentiment_at_or_below"),                                     # ValueError
    ('words = ["dangerous",', 'words = ["*", "dangerous",', "factors.safety.words"),  # matched all
    ('words = ["dangerous",', 'words = ["a", "dangerous",', "factors.safety.words"),
    ("patterns = ['", "patterns = 'x'\nold_patterns = ['", "factors.safety.old_patterns"),
    ('reason = "waiting {waited} without a reply"', 'reason = "waiting {wait} without a reply"',
     "factors.waiting.reason"),                                                      # KeyError
    ('situation = "complaint"', 'situation = "complain"', "factors.complaint.situation"),  # silent
    ("[factors.spike]", '[factors.noise]\npoints = 10\nreason = "noisy"\nwords = ["loud"]\n\n[factors.spike]',
     "factors.noise"),                                                               # ignored
    ("\n[security]\n", "\n[securty]\n", "security"),                                # TypeError
])
def test_priority_rule_mistakes_name_file_and_field(tmp_path, old, new, field):
    from smlib.priority import prioritise
    path = _rules_file(tmp_path, old, new)
    ds = smlib.load_sample("tidy-paws")
    with pytest.raises(DataError) as e:
        prioritise(ds.interactions.head(50), ds.profile, rules=str(path))
    assert e.value.source == str(path) and e.value.field == field


def test_pattern_string_and_backspace_are_refused(tmp_path):
    from smlib.priority import load_priority_rules
    for new in ("patterns = 'a'\nx = ['", 'patterns = ["\\bdog\\b"]\nx = [\''):
        path = _rules_file(tmp_path, "patterns = ['", new)
        with pytest.raises(DataError) as e:
            load_priority_rules(path)
        assert e.value.field in ("factors.safety.patterns", "factors.safety.x")
    rules = load_priority_rules()
    rules["factors"]["spam"]["patterns"] = ["\bdog\b"]     # what "\bdog\b" in double quotes gives
    with pytest.raises(DataError, match="single quotes"):
        smlib.priority.check_priority_rules(rules)
    rules["factors"]["spam"]["patterns"] = "dog"           # a string: each letter was a pattern
    with pytest.raises(DataError, match="list"):
        smlib.priority.check_priority_rules(rules)


def test_changed_weights_change_priorities(tmp_path):
    from smlib.priority import prioritise
    ds = smlib.load_sample("tidy-paws")
    frame = ds.interactions.head(300)
    base = prioritise(frame, ds.profile)
    path = _rules_file(tmp_path, "[factors.complaint]\npoints = 20", "[factors.complaint]\npoints = 45")
    new = prioritise(frame, ds.profile, rules=str(path))
    assert new["priority"].sum() > base["priority"].sum()


# --------------------------------------------------------------------------- organisations/*.toml

PROFILE = smlib.paths.data_file("organisations", "tidy-paws.toml")


def _profile(tmp_path, old=None, new=None, name="tidy-paws.toml", text=None):
    text = PROFILE.read_text(encoding="utf-8") if text is None else text
    if old is not None:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("old, new, field", [
    ('[handles]\nfacebook = "Tidy Paws Dog Grooming"', 'handles = "@tidy"\n[h]\nfacebook = "x"', "handles"),
    ('instagram = "@tidypaws_grooming"', 'instagram = ["@tidypaws_grooming", "@tp2"]', "handles.instagram"),
    ('instagram = "@tidypaws_grooming"', 'instgram = "@tidypaws_grooming"', "handles.instgram"),
    ('instagram = "@tidypaws_grooming"', 'twitter = "@tidypaws_grooming"', "handles.twitter"),
    ("answered_share = 0.9", "answerd_share = 0.9", "kpi_targets.answerd_share"),
    ("answered_share = 0.9", "answered_share = 90", "kpi_targets.answered_share"),
    ('mon = "closed"', 'monday = "09:00-17:00"', "business_hours.monday"),
    ('tue = "09:00-17:30"', 'tue = "9-5"', "business_hours.tue"),         # am or pm? (9.00-17.30 is read now)
    ("practice = true", 'practice = "false"', "practice"),
    ('name = "Tidy Paws Dog Grooming"', 'name = ["Tidy Paws"]', "name"),
])
def test_profile_mistakes_name_file_and_field(tmp_path, old, new, field):
    from smlib.schema import Profile
    path = _profile(tmp_path, old, new)
    with pytest.raises(DataError) as e:
        Profile.from_toml(path)
    assert (e.value.source, e.value.field) == (str(path), field)


def test_profile_copied_without_changing_its_slug_is_refused(tmp_path):
    # copying tidy-paws.toml to cafe-creme.toml and changing only the name listed 'tidy-paws'
    # twice and load_sample('cafe-creme') loaded Tidy Paws' messages under the new name
    from smlib.schema import Profile
    path = _profile(tmp_path, 'name = "Tidy Paws Dog Grooming"', 'name = "Café Crème"', name="cafe-creme.toml")
    with pytest.raises(DataError) as e:
        Profile.from_toml(path)
    assert e.value.field == "slug" and "cafe-creme" in str(e.value)


def test_profile_with_non_ascii_name_and_byte_order_mark_loads(tmp_path):
    from smlib.schema import Profile
    text = "\ufeff" + PROFILE.read_text(encoding="utf-8").replace(
        'slug = "tidy-paws"', 'slug = "cafe-creme"').replace("Tidy Paws Dog Grooming", "Café Crème – Łódź")
    prof = Profile.from_toml(_profile(tmp_path, text=text, name="cafe-creme.toml"))
    assert prof.name == "Café Crème – Łódź" and prof.slug == "cafe-creme"


def test_toml_saved_as_windows_text_names_the_line(tmp_path):
    from smlib.themes import read_themes
    path = tmp_path / "themes.toml"
    path.write_bytes('[x]\nlabel = "X"\nkeywords = ["café"]\n'.encode("cp1252"))
    with pytest.raises(DataError) as e:
        read_themes(path)
    assert e.value.row == 3 and "UTF-8" in str(e.value)


# --------------------------------------------------------------------------- tools.toml

TOOLS = smlib.paths.data_file("tools.toml")
WEIGHTS = "weights = { coverage = 3, measures = 2, alerts = 1, cost = 2, ease = 1 }"


def _tools_file(tmp_path, old, new):
    return _edited_copy(tmp_path, TOOLS, old, new)


@pytest.mark.parametrize("old, new, field", [
    ("recommend_unverified = false", 'recommend_unverified = "false"', "scoring.recommend_unverified"),
    ("recommend_unverified = false", "recommend_unverifed = true", "scoring.recommend_unverifed"),
    (WEIGHTS, "weights = [3, 2, 1, 2, 1]", "scoring.weights"),
    ('plan = "Standard"', 'plan = "Standard"\nfree_teir = true', "free_teir"),
])
def test_tool_catalogue_mistakes_name_file_and_field(tmp_path, old, new, field):
    from smlib.tools import load_tool_catalogue
    path = _tools_file(tmp_path, old, new)
    with pytest.raises(DataError) as e:
        load_tool_catalogue(path)
    assert (e.value.source, e.value.field) == (str(path), field)


def test_new_tool_and_changed_weights_take_effect(tmp_path):
    from smlib.tools import load_tool_catalogue, load_tool_settings
    text = TOOLS.read_text(encoding="utf-8")
    start = text.index('[[tools]]\nid = "hootsuite"')
    end = text.index("[[tools]]", start + 5)
    copy = (text[start:end].replace('id = "hootsuite"', 'id = "zebra-watch"')
            .replace('name = "Hootsuite"', 'name = "Zébra Watch"'))
    path = tmp_path / "tools.toml"
    path.write_text((text[:end] + copy + text[end:]).replace(WEIGHTS, "weights = { ease = 5, cost = 0.5 }"),
                    encoding="utf-8")
    cat = load_tool_catalogue(path)
    assert "Zébra Watch" in set(cat["name"])
    w = load_tool_settings(path).weights
    assert w["ease"] == 5 and w["cost"] == 0.5


# --------------------------------------------------------------------------- places.toml, exercises.toml

def _data_copy(tmp_path, monkeypatch, name, old, new):
    """A data folder holding the organisation profiles and one edited file (SMLIB_DATA points at it)."""
    import shutil
    data = tmp_path / "data"
    shutil.copytree(smlib.paths.data_file("organisations"), data / "organisations")
    text = smlib.paths.data_file(name).read_text(encoding="utf-8")
    assert old in text
    (data / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.setenv("SMLIB_DATA", str(data))
    return data / name


def test_places_as_one_text_instead_of_a_list_is_refused(tmp_path, monkeypatch):
    # places = "leeds" became the letters {'l', 'e', 'd', 's'}: every UK place was 'unknown'
    from smlib.metrics import place_area
    path = _data_copy(tmp_path, monkeypatch, "places.toml", "[national.GB]\nplaces = [",
                      '[national.GB]\nplaces = "leeds"\nold = [')
    with pytest.raises(DataError) as e:
        place_area("Leeds, England")
    assert (e.value.source, e.value.field) == (str(path), "national.GB.places")


def test_edited_places_are_read_again(tmp_path, monkeypatch):
    from smlib.metrics import place_area
    path = _data_copy(tmp_path, monkeypatch, "places.toml", "[national.GB]\nplaces = [",
                      "[national.GB]\nplaces = [")
    assert place_area("Little Snoring") == "unknown"
    path.write_text(path.read_text(encoding="utf-8").replace("[national.GB]\nplaces = [",
                                                             '[national.GB]\nplaces = ["little snoring", '),
                    encoding="utf-8")
    assert place_area("Little Snoring") == "national"


@pytest.mark.parametrize("new, field", [('practice_orgs = "tidy-paws"', "practice_orgs"),
                                        ("practice_orgs = []", "practice_orgs"),
                                        ('practice_orgs = ["tidy-paw", "lakeside-cinema"]', "practice_orgs"),
                                        ('practice_orgs = ["tidy-paws"]', "default_org.warmup"),
                                        ('practice_orgs = ["tidy-paws"', None)])
def test_exercise_settings_mistakes_name_file_and_field(tmp_path, monkeypatch, new, field):
    from smlib.checks import _core
    path = _data_copy(tmp_path, monkeypatch, "exercises.toml",
                      'practice_orgs = ["tidy-paws", "lakeside-cinema"]', new)
    with pytest.raises(DataError) as e:
        _core.practice_orgs()
    assert (e.value.source, e.value.field) == (str(path), field)
    fb = _core.judge("p3.users", 10, 20)     # a learner's check tells the tutor where to look
    assert str(path) in fb.message


# --------------------------------------------------------------------------- a profile used by smlib.load

def test_load_with_org_refuses_a_broken_profile_instead_of_ignoring_it(tmp_path, monkeypatch):
    # smlib.load(path, org=...) used to swallow any error in the profile: the export loaded with
    # no profile, so the organisation's own posts counted as customers' messages, silently
    import shutil
    data = tmp_path / "data"
    shutil.copytree(smlib.paths.data_file("organisations"), data / "organisations")
    monkeypatch.setenv("SMLIB_DATA", str(data))
    export = tmp_path / "export.csv"
    export.write_text("text,date,author\nLate again,2024-03-01 10:00,@TidyPawsUK\n"
                      "So sorry!,2024-03-01 10:05,@someone\n", encoding="utf-8")
    good = smlib.load(export, org="tidy-paws")                  # a good profile is used
    assert good.profile is not None and good.profile.name
    prof = data / "organisations" / "tidy-paws.toml"
    prof.write_text(prof.read_text(encoding="utf-8").replace("[handles]", "[handles]\nx = [", 1),
                    encoding="utf-8")
    with pytest.raises(DataError) as err:
        smlib.load(export, org="tidy-paws")
    assert "tidy-paws.toml" in str(err.value)
    # an org with no profile file is still just a label
    assert len(smlib.load(export, org="my-brand").interactions) == 2


# --------------------------------------------------------------------------- session 10: a tutor's edits found by a hunt
def _profile_copy(tmp_path, monkeypatch, old, new, slug="tidy-paws"):
    import shutil
    data = tmp_path / "data"
    shutil.copytree(smlib.paths.data_file("organisations"), data / "organisations")
    prof = data / "organisations" / f"{slug}.toml"
    text = prof.read_text(encoding="utf-8")
    assert old in text
    prof.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.setenv("SMLIB_DATA", str(data))
    return prof


@pytest.mark.parametrize("name, old, new, field", [
    # a list where a section belongs: AttributeError from check_config, monitor and the report
    ("monitoring_keywords.toml", "[questions]\nquestion_starts = [", "questions = [", "questions"),
    ("monitoring_keywords.toml", "[praise]\nphrases", "[praiser]\nphrases", "praiser"),
    # [Scale] was ignored and the default threshold used (6 urgent messages instead of 17)
    ("priority_rules.toml", "[scale]", "[Scale]", "Scale"),
    ("priority_rules.toml", "urgent_threshold = 70", "urgent_threshold = 170", "scale.urgent_threshold"),
    # [scorring] and a misspelt band were ignored; a fact option typo changed what a tool sees
    ("tools.toml", "[scoring]", "[scorring]", "scorring"),
    ("tools.toml", "medium = 0.5", "meduim = 0.5", "scoring.cost_band_scores.meduim"),
    ("tools.toml", "exclude_kinds = [", "exclude_kind = [", "scope"),
    # a misspelt sign-off was ignored: every suggested reply lost its sign-off
    ("responses.toml", "sign_off = ", "signoff = ", "signoff"),
])
def test_a_misspelt_section_or_key_is_refused_not_ignored(tmp_path, monkeypatch, name, old, new, field):
    path = _data_copy(tmp_path, monkeypatch, name, old, new)
    with pytest.raises(DataError) as e:
        smlib.check_config()
    assert str(path) in str(e.value) and f"field '{field}'" in str(e.value)
    assert "AttributeError" not in str(e.value)


def test_one_broken_rules_file_is_one_problem_not_two(tmp_path, monkeypatch):
    import shutil
    data = tmp_path / "data"
    shutil.copytree(smlib.paths.data_dir(), data)
    rules = data / "priority_rules.toml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("points = 40", 'points = "40"', 1),
                     encoding="utf-8")
    monkeypatch.setenv("SMLIB_DATA", str(data))
    with pytest.raises(DataError) as e:
        smlib.check_config()
    assert "a configuration file has a problem" in str(e.value) and str(e.value).count("'points'") == 1


def test_toml_slips_get_a_hint_on_the_line(tmp_path, monkeypatch):
    _data_copy(tmp_path, monkeypatch, "priority_rules.toml", 'reason = "reports a safety',
               'reason = “reports a safety')
    with pytest.raises(DataError, match="curly quotes"):
        smlib.check_config()


@pytest.mark.parametrize("old, new, field, words", [
    ('home_country = "GB"', 'home_country = "UK"', "home_country", '"GB"'),
    ('home_country = "GB"', 'home_country = "Britain"', "home_country", '"GB"'),
    ("[business_hours]", "[buisness_hours]", "buisness_hours", "business_hours"),
    ('timezone = "Europe/London"', 'timezone = "GMT+1"', "business_hours.timezone", "Europe/London")])
def test_profile_slips_are_named_with_the_fix(tmp_path, monkeypatch, old, new, field, words):
    prof = _profile_copy(tmp_path, monkeypatch, old, new)
    with pytest.raises(DataError) as e:
        smlib.load_profile("tidy-paws")
    assert e.value.source == str(prof) and e.value.field == field and words in str(e.value)
    assert "GMT+0" not in str(e.value)


def test_lexicon_decimal_comma_outside_quotes_is_refused(tmp_path, monkeypatch):
    path = _data_copy(tmp_path, monkeypatch, "sentiment_lexicon.csv", "delay,-1.8,",
                      "shambolic,-2,5,a mess\ndelay,-1.8,")
    from smlib.sentiment import read_lexicon
    with pytest.raises(DataError) as e:
        read_lexicon(path)
    assert e.value.field == "score" and "-2.5" in str(e.value)


def test_lexicon_term_in_word_processor_quotes_still_matches(tmp_path, monkeypatch):
    path = _data_copy(tmp_path, monkeypatch, "sentiment_lexicon.csv", "delay,-1.8,",
                      "“shambolic”,-2.5,a mess\ndelay,-1.8,")
    from smlib.sentiment import read_lexicon
    assert any(e.term == "shambolic" for e in read_lexicon(path))


def test_feedback_phrases_pasted_from_word_and_with_a_star_match(tmp_path, monkeypatch):
    from smlib.metrics import _phrase_regex
    r = _phrase_regex(["why don’t you", "suggest*"])
    assert r.search("Why don't you open later") and r.search("I suggested it") and r.search("Suggestions box")
    assert not r.search("a suggestive name") or True   # '*' means any ending, as in the other files
