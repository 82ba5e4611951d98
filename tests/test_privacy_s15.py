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


# ── 5. phone numbers written without "+" ────────────────────────────────────────────────

@pytest.mark.parametrize("text, want", [
    ("ring me on (555) 123-4567", "ring me on [phone]"),
    ("ring me on 555-123-4567 please", "ring me on [phone] please"),
    ("555.123.4567", "[phone]"), ("555 123 4567", "[phone]"), ("call (555)123-4567 now", "call [phone] now"),
    ("1-555-123-4567", "[phone]"), ("tel:555-123-4567", "tel:[phone]"),
    ("case 555-123-4567", "case [phone]"),                 # phone-shaped: hidden whatever the word before
    ("（５５５） １２３-４５６７ ｏｋ", "[phone] ｏｋ"),                # full-width
    # a UK number followed by another number: the phone is hidden, the number after it stays
    ("ring 07700 900123 2 times", "ring [phone] 2 times"),
    ("０７７００ ９００１２３ ２", "[phone] ２"),
    # two numbers with only a space between: both hidden (one 16-digit run, left whole before)
    ("07700 900123 07700 900456", "[phone] [phone]"),
])
def test_phone_numbers_without_plus_are_hidden(text, want):
    assert hide_contact_details(text) == want


@pytest.mark.parametrize("text", [
    "07700 900123", "07700900123", "0161 496 0000", "(0161) 496 0000", "020 7946 0000", "0044 7700 900123",
    "+1 555 123 4567", "+44 (0)7700-900-456",
])
def test_uk_and_plus_phone_numbers_are_still_hidden(text):
    assert hide_contact_details(text) == "[phone]"


@pytest.mark.parametrize("text", [
    # order, booking and reference numbers that are not phone-shaped
    "order 012345678901", "order 12345678901", "booking ref 1234567890", "ref ABC-123-4567",
    "order 123-4567890-1234567", "order #555-123-4567", "case 12345678",
    # dates, times, prices, flights, postcodes, tracking codes, ISBNs, links
    "12/03/2024", "2024-03-12", "on 02-03-2026 at 10:30", "10:30-12:45", "£1,234.56", "£1,234,567.89",
    "2,000-3,000 people", "BA 2490", "flight BA2490 at 07:45", "SW1A 1AA", "M1 1AE",
    "tracking 1Z999AA10123456784", "AB123456789GB", "ISBN 978-0-12-345678-9", "the 555 bus at 12.30",
    "555-123-4567.89", "https://x.com/jane/status/1234567890", "https://twitter.com/i/web/status/1234567890",
    "example.com/555-123-4567", "01234 5678901 2345",
])
def test_numbers_that_are_not_phones_stay(text):
    assert hide_contact_details(text) == text


def test_a_us_phone_in_a_message_is_hidden_by_pseudonymise_and_the_organisations_number_stays():
    assert _shown("my number is 555-123-4567, order 12345678") == "my number is [phone], order 12345678"
    # the organisation's own rows keep landlines and numbers that are not UK mobiles, as before
    assert _shown("Call us on (555) 123-4567", org=True) == "Call us on (555) 123-4567"


@pytest.mark.parametrize("text, want", [
    ("555-" * N, "555-" * N), ("(555) " * N, "(555) " * N), ("1-555-123-" * (N // 3), "1-555-123-" * (N // 3)),
    ("555 123 " * (N // 2), "555 123 " * (N // 2)), ("0" * 2 * N, "0" * 2 * N),
    ("07700 900123 " * (N // 7), "[phone] " * (N // 7)), ("555-123-4567 " * (N // 7), "[phone] " * (N // 7)),
    # ten zeros or more are phone-shaped (so before too): hidden eleven digits at a time
    ("0 " * N, "[phone] " * (N // 11) + "0 " * (N % 11)),
    ("(0" * N, "[phone](" * (N // 11) + "0" + "(0" * (N % 11 - 1)),
])
def test_phone_patterns_on_50_kb_adversarial_text(text, want):
    assert hide_contact_details(text) == want


# ── 4. e-mail addresses spelt out ─────────────────────────────────────────────────────────

@pytest.mark.parametrize("text, want", [
    ("mail jane dot doe at gmail dot com please", "mail [email] please"),
    ("jane.doe (at) gmail (dot) com", "[email]"),                 # (hidden before too)
    ("jane[at]gmail[.]com", "[email]"), ("jane (at) gmail (.) com", "[email]"), ("jane[@]gmail.com", "[email]"),
    ("sarah (at) example dot com", "[email]"), ("jane AT gmail DOT com", "[email]"),
    ("jane at gmail.com", "[email]"), ("jane at gmail dot com.", "[email]."),
    ("jane_99 at acme dot com", "[email]"), ("email me: jane at acme dot co dot uk", "email me: [email]"),
    ("look at jane dot doe at gmail dot com ok", "look at [email] ok"),
    ("a.b.c.d.e at gmail dot com", "[email]"),
    ("Ｊａｎｅ ａｔ ｇｍａｉｌ ｄｏｔ ｃｏｍ", "[email]"),
])
def test_spelt_out_email_addresses_are_hidden(text, want):
    assert hide_contact_details(text) == want


@pytest.mark.parametrize("text", [
    "meet at the station dot com", "meet at 5pm at the station dot com", "at home", "at 5pm", "I'm at home",
    "look at amazon dot com", "cheaper at ebay.com", "I work at acme.co.uk", "see you at tesco dot com",
    "5 at tesco dot com", "2 for 1 at boots.com", "arrived at 10.30 at Euston", "order 12345678 at Argos",
])
def test_prose_with_at_and_dot_stays(text):
    assert hide_contact_details(text) == text


def test_the_organisations_own_address_in_its_reply_stays():
    # its rows hide only a customer's personal address (hide_personal_details), as before
    assert _shown("Email help at shop dot com or see shop.com/help", org=True) == \
        "Email help at shop dot com or see shop.com/help"


@pytest.mark.parametrize("text, want", [
    ("a dot " * N, "a dot " * N), ("a at b dot " * (N // 5), "a at b dot " * (N // 5)),
    ("jane at gmail dot " * (N // 9), "jane at gmail dot " * (N // 9)),
    ("a (at) b [.] " * (N // 6), "a (at) b [.] " * (N // 6)), ("a[at]b[.]" * (N // 4), "a[at]b[.]" * (N // 4)),
    ("jane at gmail dot com " * (N // 11), "[email] " * (N // 11)),
])
def test_email_patterns_on_50_kb_adversarial_text(text, want):
    assert hide_contact_details(text) == want


def test_an_address_after_50_kb_of_dots_is_hidden():
    out = hide_contact_details("x dot " * N + "at gmail dot com")
    assert out.endswith("[email]") and "gmail" not in out


# ── 3. profile links that name a person ──────────────────────────────────────────────────

PID = "100064123456789"


@pytest.mark.parametrize("text, want", [
    (f"see facebook.com/people/Jane-Doe/{PID} now", f"see facebook.com/people/{pseudonym(PID)} now"),
    (f"https://www.facebook.com/people/Jane-Doe/{PID}/", f"https://www.facebook.com/people/{pseudonym(PID)}/"),
    ("m.facebook.com/people/Jane-Doe", f"m.facebook.com/people/{pseudonym('Jane-Doe')}"),
    (f"facebook.com/profile.php?id={PID}&sk=photos", f"facebook.com/profile.php?id={pseudonym(PID)}&sk=photos"),
    ("x.com/intent/user?screen_name=jane", f"x.com/intent/user?screen_name={pseudonym('jane')}"),
    ("https://twitter.com/intent/follow?screen_name=jane_doe&lang=en",
     f"https://twitter.com/intent/follow?screen_name={pseudonym('jane_doe')}&lang=en"),
    ("twitter.com/intent/user?user_id=123456&screen_name=JaneD",
     f"twitter.com/intent/user?user_id={pseudonym('123456')}&screen_name={pseudonym('JaneD')}"),
    ("instagram.com/jane.doe", f"instagram.com/{pseudonym('jane.doe')}"),        # (hidden before too)
])
def test_profile_links_that_name_a_person_are_pseudonymised(text, want):
    assert _shown(text) == want


def test_a_person_link_gets_the_same_pseudonym_as_the_person():
    f = pd.DataFrame({"author_id": ["jane_doe", "z9", "Shop"], "author_name": ["Jane Doe", "Zed Y", "Shop"],
                      "author_is_org": [False, False, True],
                      "text": ["hi", f"it's her: facebook.com/people/Jane-Doe/{PID} and x.com/intent/follow?"
                                     "screen_name=jane_doe", "ok"]})
    out = pseudonymise(f)
    alias = out["author_id"].iloc[0]
    assert out["text"].iloc[1] == (f"it's her: facebook.com/people/{alias} and "
                                   f"x.com/intent/follow?screen_name={alias}")


def test_person_links_in_id_columns_are_pseudonymised():
    f = pd.DataFrame({"author_id": ["z9"], "author_name": ["Zed Y"], "author_is_org": [False], "text": ["hi"],
                      "message_id": [f"https://facebook.com/people/Jane-Doe/{PID}/posts/1"]})
    assert pseudonymise(f)["message_id"].iloc[0] == f"https://facebook.com/people/{pseudonym(PID)}/posts/1"


@pytest.mark.parametrize("text", [
    "x.com/intent/follow?screen_name=Shop", "facebook.com/people/Shop/123456789", "x.com/Shop/status/1",
    "https://shop.com/help?id=12345678", "x.com/intent/tweet?text=hi", "facebook.com/groups/123456789",
    "facebook.com/events/123456789", "https://www.facebook.com/Shop/photos/1", "order 12345678 on 02-03-2026",
    "see people/jane-doe in the handbook",
])
def test_the_organisations_links_and_other_links_stay(text):
    assert _shown(text) == text


def test_person_link_patterns_on_50_kb_adversarial_text():
    m = N // 10
    # each match takes "facebook.com" as the name; the next starts after it
    fb = pseudonym("facebook.com")
    assert _shown("facebook.com/people/" * m) == f"facebook.com/people/{fb}/people/" * (m // 2)
    assert _shown("x.com/intent/a?" * m) == "x.com/intent/a?" * m
    assert _shown("facebook.com/profile.php?" + "id=1&" * m) == \
        "facebook.com/profile.php?" + f"id={pseudonym('1')}&" * m
    # a long query hides a person named at its very end, and a long value whole
    assert _shown("x.com/intent/follow?" + "a=b&" * m + "screen_name=jane") == \
        "x.com/intent/follow?" + "a=b&" * m + f"screen_name={pseudonym('jane')}"
    assert _shown("x.com/intent/user?screen_name=" + "j" * 2 * N) == \
        f"x.com/intent/user?screen_name={pseudonym('j' * 2 * N)}"
