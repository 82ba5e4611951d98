"""Four gaps in the generic loaders, each with the mistake the loader used to make: column names
in French, German, Spanish, Italian, Dutch and Portuguese; quotes escaped as ``\\"`` (LinkedIn's
export); a time-zone column next to Excel day numbers; Meta's Threads download.

Fixtures are in ``tests/data/loaders/more/`` (made-up rows; the README there says where each
layout comes from).
"""
from __future__ import annotations

import pandas as pd
import pytest

import smlib
from smlib.loaders import detect_format
from smlib.loaders._csv import backslash_quotes

from _loader_checks import HERE, check_summary, utc

MORE = HERE / "more"


def load(path, **kw) -> tuple[pd.DataFrame, dict]:
    ds = smlib.load(path, **kw)
    return ds.interactions, check_summary(ds)


def write(tmp_path, name: str, text: str):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# ── 1. column names in other languages ─────────────────────────────────────────────────────
ROWS = "2024-03-05 10:00{s}\"Hello, the train is late\"{s}anna_k\n2024-03-06 11:30{s}Thanks for the help{s}ben_r\n"


@pytest.mark.parametrize("header, sep", [
    ("Datum;Nachricht;Autor", ";"),                    # German
    ("Fecha,Mensaje,Usuario", ","),                    # Spanish
    ("Date de publication,Texte,Auteur", ","),         # French
    ("DATE DE PUBLICATION,TEXTE,AUTEUR", ","),         # case does not matter
    ("Data,Messaggio,Autore", ","),                    # Italian
    ("Datum,Bericht,Auteur", ","),                     # Dutch
    ("Data,Mensagem,Autor", ","),                      # Portuguese
    ("Fecha de publicación,Comentario,Nombre de usuario", ","),   # accents
    ("Fecha de publicacion,Comentario,Nombre de usuario", ","),   # ... or none
    ("Data de publicação,Publicação,Utilizador", ","),
])
def test_headers_in_other_languages_are_guessed(tmp_path, header, sep):
    """These headers failed with 'cannot tell which column holds … headers found'."""
    p = write(tmp_path, "export.csv", header + "\n" + ROWS.format(s=sep))
    df, s = load(p)
    names = header.split(sep)
    assert s["columns_used"]["created_at"] == names[0]
    assert s["columns_used"]["text"] == names[1]
    assert s["columns_used"]["author_id"] == names[2]
    assert df["text"].tolist() == ["Hello, the train is late", "Thanks for the help"]
    assert df["author_id"].tolist() == ["anna_k", "ben_r"]
    assert df["created_at"].tolist() == [utc("2024-03-05 10:00"), utc("2024-03-06 11:30")]


def test_german_export_date_time_counts_and_no_author_from_a_figure():
    """Datum + Uhrzeit are combined, Gefällt mir / Geteilt are counts, and 'Abonnenten des
    Autors' (the author's followers) is not taken for the author."""
    df, s = load(MORE / "de_beitraege.csv")
    used = s["columns_used"]
    assert used["created_at"] == "Datum" and used["_time"] == "Uhrzeit"
    assert used["text"] == "Beitrag" and used["author_id"] == "Autor"
    assert used["likes"] == "Gefällt mir" and used["shares"] == "Geteilt"
    assert "Abonnenten des Autors" not in used.values()
    assert df["created_at"].tolist() == [utc("2024-03-05 14:05"), utc("2024-03-05 14:30"), utc("2024-03-06 08:10")]
    assert df["likes"].tolist() == [12, 3, 0] and df["shares"].tolist() == [1, 0, 0]
    assert df["author_id"].tolist() == ["bahnfahrer_k", "pendlerin88", "bahnfahrer_k"]


def test_spanish_export_ids_replies_and_counts():
    """Fecha de publicación (accented), ID, En respuesta a (a reply linked to its post), Me gusta,
    Compartidos, Comentarios."""
    df, s = load(MORE / "es_mensajes.csv")
    used = s["columns_used"]
    assert used == {"text": "Mensaje", "created_at": "Fecha de publicación", "message_id": "ID",
                    "parent_id": "En respuesta a", "author_id": "Usuario", "likes": "Me gusta",
                    "shares": "Compartidos", "replies": "Comentarios"}
    assert df["message_id"].tolist() == ["101", "102", "103"]
    assert df["parent_id"].tolist()[1] == "101" and pd.isna(df["parent_id"].iloc[0])
    assert df["thread_id"].tolist() == ["101", "101", "103"]
    assert df["likes"].tolist() == [4, 2, 0]


def test_specific_date_name_wins_over_a_bare_date_in_french():
    """'Date' here is the reporting period ('Lifetime'), as in Meta exports: 'DATE DE
    PUBLICATION' must win, in capitals too, and 'Portée' (reach) is not the text."""
    df, s = load(MORE / "fr_publications.csv")
    assert s["columns_used"]["created_at"] == "DATE DE PUBLICATION"
    assert s["columns_used"]["text"] == "TEXTE" and s["columns_used"]["reach"] == "Portée"
    assert s["reasons"] == {}
    assert df["reach"].tolist() == [120, 95]


@pytest.mark.parametrize("header", [
    "Date,Author,Comments",        # English: 'Comments' is a count, so there is no text column
    "Datum,Autor,Kommentare",      # the same in German ...
    "Fecha,Usuario,Comentarios",   # ... and Spanish
])
def test_a_table_without_a_text_column_is_still_an_error(tmp_path, header):
    p = write(tmp_path, "counts.csv", header + "\n2024-03-05 10:00,anna_k,3\n")
    with pytest.raises(smlib.DataError, match="headers found"):
        smlib.load(p)


def test_foreign_metric_of_the_author_is_not_the_author(tmp_path):
    """A loose match ('… Autor …') must not take a figure about the author (followers, gender)."""
    p = write(tmp_path, "m.csv", "Datum;Nachricht;Geschlecht des Autors\n2024-03-05 10:00;Hallo zusammen;w\n")
    df, s = load(p)
    assert "author_id" not in s["columns_used"]
    assert df["author_id"].tolist() == [""]


def test_excel_sheet_with_spanish_headers(tmp_path):
    p = tmp_path / "hoja.xlsx"
    pd.DataFrame({"Fecha": ["2024-03-05 10:00"], "Mensaje": ["Hola, el tren va tarde"],
                  "Usuario": ["ana"]}).to_excel(p, index=False)
    df, s = load(p)
    assert s["columns_used"]["text"] == "Mensaje" and df["text"].tolist() == ["Hola, el tren va tarde"]


# ── 2. quotes escaped with a backslash (LinkedIn) ───────────────────────────────────────────
def test_linkedin_comments_with_backslash_quotes():
    """The first row was read as 'Thanks for the \\quick\\" reply' (', great' lost): pandas ends the
    quoted field at the first \\" and then splits at the comma."""
    df, s = load(MORE / "linkedin_comments_backslash.csv", org_handles=["@northway"])
    assert df["text"].tolist() == ['Thanks for the "quick" reply, great',
                                   '"Open day" was a success, thank you all',
                                   "Plain comment without quotes"]
    assert df["author_id"].tolist() == ["@northway"] * 3 and df["author_is_org"].all()
    assert df["platform"].astype(str).tolist() == ["linkedin"] * 3
    assert any('written \\"' in w and "4 were read as quotes" in w for w in s["warnings"])


def test_linkedin_shares_with_backslash_quotes():
    df, s = load(MORE / "linkedin_shares_backslash.csv")
    assert df["text"].tolist()[0] == 'Our new timetable is out. Staff call it "the big one", and it starts Monday'
    assert df["kind"].astype(str).tolist() == ["post", "post"]
    assert s["rows_in"] == 2 and s["reasons"] == {}


def test_backslash_before_a_closing_quote_stays_ordinary_text():
    """A standard CSV whose fields end in a backslash ('"C:\\"') must not be read as escaped."""
    df, s = load(MORE / "backslash_paths_standard.csv", columns={"text": "Message", "created_at": "Date",
                                                                   "location": "Folder"})
    assert df["text"].tolist() == ["Saved the report in the shared drive", 'He said "thanks" and left',
                                   "Folder moved, see note"]
    assert df["location"].tolist() == ["C:\\", "D:\\reports\\", "C:\\temp"]
    assert not any("written \\\"" in w for w in s["warnings"])


@pytest.mark.parametrize("data", [
    b'a,b\n"C:\\",x\n"say \\"hi\\" ok",y\n',      # both readings meet in one file: not clear, left alone
    b'a,b\n1,"x \\"y\\" z",extra\n',               # backslash reading gives 3 fields, header 2
    b'a,b\n1,"tab\\"\n',                           # \" only ever before a line end
])
def test_backslash_reading_only_when_clear(data):
    assert backslash_quotes(data, ",", 2) is None


def test_backslash_reading_keeps_line_structure():
    data = b'a,b\r\n1,"line one\r\nsays \\"hi\\""\r\n2,plain\r\n'
    fixed, n = backslash_quotes(data, ",", 2)
    assert n == 2 and fixed == b'a,b\r\n1,"line one\r\nsays ""hi"""\r\n2,plain\r\n'


# ── 3. a time-zone column next to Excel day numbers ─────────────────────────────────────────
def _serial_book(tmp_path, zones):
    p = tmp_path / "serials.xlsx"
    # 45474.375 = 1 July 2024 09:00; 45292.5 = 1 January 2024 12:00 (winter)
    pd.DataFrame({"Date": [45474.375, 45474.375, 45292.5], "Message": ["summer a", "summer b", "winter"],
                  "Timezone": zones}).to_excel(p, index=False)
    return p


def test_timezone_column_applies_to_excel_day_numbers(tmp_path):
    """09:00 in London in July was read as 09:00 UTC (the zone column was ignored for serials)."""
    df, s = load(_serial_book(tmp_path, ["Europe/London", "America/New_York", "Europe/London"]))
    assert df["created_at"].tolist() == [utc("2024-07-01 08:00"), utc("2024-07-01 13:00"),
                                         utc("2024-01-01 12:00")]
    assert any("Excel day numbers" in w for w in s["warnings"])
    assert any("taken from column 'Timezone'" in w for w in s["warnings"])


def test_user_timezone_wins_over_the_column_for_day_numbers(tmp_path):
    df, s = load(_serial_book(tmp_path, ["Europe/London", "America/New_York", "Europe/London"]),
                 timezone="UTC")
    assert df["created_at"].tolist() == [utc("2024-07-01 09:00"), utc("2024-07-01 09:00"),
                                         utc("2024-01-01 12:00")]
    assert any("gives each row's time zone, but timezone='UTC' was given" in w for w in s["warnings"])


def test_blank_zone_cell_falls_back_for_day_numbers(tmp_path):
    df, s = load(_serial_book(tmp_path, ["Europe/London", "", "+02:00"]))
    assert df["created_at"].tolist() == [utc("2024-07-01 08:00"), utc("2024-07-01 09:00"),
                                         utc("2024-01-01 10:00")]
    assert any("1 row(s) could not use column 'Timezone'" in w for w in s["warnings"])


def test_timezone_column_applies_to_day_numbers_in_a_csv(tmp_path):
    p = write(tmp_path, "s.csv", "Date,Message,TZ\n45474.375,hello,Europe/London\n45474.5,again,-05:00\n")
    df, s = load(p)
    assert df["created_at"].tolist() == [utc("2024-07-01 08:00"), utc("2024-07-01 17:00")]


# ── 4. Threads (Meta) ───────────────────────────────────────────────────────────────────────
def test_threads_and_replies_json():
    """Threads had no reader: this file was refused as an unknown JSON shape."""
    assert detect_format(MORE / "threads_and_replies.json") == "threads"
    df, s = load(MORE / "threads_and_replies.json", org_handles=["@northwayrail"])
    assert s["format"] == "threads" and s["rows_in"] == 6 and s["rows_kept"] == 4
    assert s["reasons"] == {"no text": 1, "not a Threads post": 1}
    assert df["text"].tolist() == ["Our 08:10 service is running 15 minutes late \u2014 sorry!",
                                   "@commuter_jo thanks, it's fixed now \U0001F44D",
                                   "New caf\u00e9 at Kelby station opens Monday", ""]
    assert df["kind"].astype(str).tolist() == ["post", "reply", "post", "post"]
    assert df["message_id"].tolist()[2:] == ["media/posts/202407/1111.jpg", "media/posts/202407/3333.jpg"]
    assert df["created_at"].tolist()[0] == pd.Timestamp(1720000000, unit="s", tz="UTC")
    assert df["platform"].astype(str).unique().tolist() == ["threads"]
    assert df["author_id"].unique().tolist() == ["@northwayrail"] and df["author_is_org"].all()


def test_threads_owner_without_org_handles():
    """No org_handles: the sample profile's Instagram handle (Threads accounts are Instagram
    accounts), else org."""
    ds = smlib.load(MORE / "threads_and_replies.json", org="northway-rail")
    assert ds.interactions["author_id"].unique().tolist() == [ds.profile.handles["instagram"]]
    ds = smlib.load(MORE / "threads_and_replies.json", org="my-shop")
    assert ds.interactions["author_id"].unique().tolist() == ["my-shop"]


def test_other_threads_files_say_what_was_expected(tmp_path):
    with pytest.raises(smlib.DataError, match=r"liked_threads\.json.*Expected threads_and_replies\.json"):
        smlib.load(MORE / "liked_threads.json")
    p = write(tmp_path, "odd.json", '{"text_post_app_text_posts": [{"string_map_data": {}}]}')
    with pytest.raises(smlib.DataError, match="text_post_app_text_posts"):
        smlib.load(p)


def test_a_profile_can_name_its_threads_handle(tmp_path, monkeypatch):
    """'threads' was not among schema.PLATFORMS, so a profile's [handles] threads = "..." was refused
    and the Threads reader could only fall back to the Instagram handle."""
    import shutil
    from smlib.summary import platform_name
    data = tmp_path / "data"
    shutil.copytree(smlib.paths.data_file("organisations"), data / "organisations")
    prof = data / "organisations" / "northway-rail.toml"
    prof.write_text(prof.read_text(encoding="utf-8").replace("[handles]", '[handles]\nthreads = "@northway.threads"', 1),
                    encoding="utf-8")
    monkeypatch.setenv("SMLIB_DATA", str(data))
    ds = smlib.load(MORE / "threads_and_replies.json", org="northway-rail")
    assert ds.interactions["author_id"].unique().tolist() == ["@northway.threads"]
    assert platform_name("threads") == "Threads"
