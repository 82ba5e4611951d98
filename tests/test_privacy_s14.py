"""Privacy review, session 14: long texts, quoted reasons, ids, gaps in pseudonymise, formula
cells after odd spaces, and hiding people in free-text notes (smlib.privacy, smlib.security)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import smlib
from smlib.privacy import hide_contact_details, inert_urls, neutralise_cell, pseudonym, pseudonymise
from smlib.schema import Profile, conform_interactions

ROOT = Path(smlib.__file__).resolve().parent.parent

# ── 1. long texts go through the regexes in linear time ─────────────────────────────────────
# Not a timed test: each call runs in a child process with a 20-second limit, far above the
# ~0.1 s it needs, so only a regex that backtracks catastrophically (minutes on 50 KB) fails it.
N = 25_000
ADVERSARIAL = {   # name: the text, as Python (built in the child process too)
    "a.": '"a." * N', "a-": '"a-" * N', "a.-": '"a.-" * N', "a.@": '"a." * N + "@"',
    "0-": '"0-" * N + "x"', "@a": '"@a" * N', "@a.": '"@a." * N', "digits": '"1" * 2 * N',
    "digit spaces": '"0 " * N', "spaces": '" " * 2 * N', "a_": '"a_" * N + "!"',
    "www": '"www." + "a." * N', "A-": '"A-" * N', "dots after a word": '"jane_doe a" + "." * 2 * N',
    "full-width dots": '"jane_doe a" + "．" * 2 * N', "profile path": '"jane_doe x.com/a" + "." * 2 * N',
    "(0": '"(0" * N', "+4": '"+4" * N', "spelt": '"a (at) " * N', "at dot": '"a at b dot " * (N // 2)',
    "u/": '"u/a" * N', "many hosts": '" ".join(f"a{i}.xyz" for i in range(N // 4))',
}

_CHILD = r"""
import sys, pandas as pd
from smlib.privacy import hide_contact_details, inert_urls, pseudonymise
from smlib.security import find_security_risks, make_inert
from smlib.schema import conform_interactions
N = 25_000
cases = %r
fn = sys.argv[1]
for name, expr in cases.items():
    text = eval(expr)
    if fn == "inert_urls":
        inert_urls(text)
    elif fn == "hide_contact_details":
        hide_contact_details(text)
    elif fn == "make_inert":
        make_inert(text)
    elif fn == "pseudonymise":
        pseudonymise(pd.DataFrame({"author_id": ["jane_doe", "z9", "Shop"],
                                   "author_name": ["Jane Doe", "Zed Y", "Shop"],
                                   "author_is_org": [False, False, True], "text": ["hi", text, "ok"]}))
    elif fn == "find_security_risks":
        find_security_risks(conform_interactions(pd.DataFrame({
            "org": "o", "platform": "x", "message_id": ["1", "2"],
            "created_at": pd.to_datetime(["2026-01-05 10:00"] * 2, utc=True),
            "author_id": ["z9", "Shop"], "author_name": ["Zed", "Shop"], "author_is_org": [False, True],
            "kind": "reply", "text": [text, "ok"]})))
print("ok")
"""


@pytest.mark.parametrize("fn", ["inert_urls", "pseudonymise", "hide_contact_details", "make_inert",
                                "find_security_risks"])
def test_long_adversarial_text_does_not_backtrack(fn):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run([sys.executable, "-c", _CHILD % (ADVERSARIAL,), fn], env=env,
                              capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{fn} on 50 KB adversarial texts did not finish in 20 s: a regex backtracks")
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


@pytest.mark.parametrize("text, shown", [
    ("win a prize at https://bad.example.com/x", "win a prize at hxxps://bad[.]example[.]com/x"),
    ("claim at brightmart-refund.win/claim now", "claim at brightmart-refund[.]win/claim now"),
    ("see shop.example.co.uk/a?b=1 today", "see shop[.]example[.]co[.]uk/a?b=1 today"),
    ("gov.uk and www2.nhs.net.uk", "gov[.]uk and www2[.]nhs[.]net[.]uk"),
    ("a.com-x.zzz and x.comfoo.net", "a[.]com-x.zzz and x[.]comfoo[.]net"),
    ("evil.COM/Login", "evil[.]COM/Login"),
    # not addresses: versions, file names, prices, times, sentences without a space
    ("e.g. version 2.0 of file.txt", "e.g. version 2.0 of file.txt"),
    ("£12.50 at 10.30, order 12345678, 02.03.2026", "£12.50 at 10.30, order 12345678, 02.03.2026"),
    ("a great day.Fun and food.Tasty", "a great day.Fun and food.Tasty"),
    ("café.com_x", "café.com_x"), ("résumé.comé", "résumé.comé"),
])
def test_bare_addresses_still_made_inert_as_before(text, shown):
    assert inert_urls(text) == shown


def test_security_still_finds_bare_links_after_rewrite():
    from smlib.security import _hosts
    assert _hosts("go to x-bad.site/claim now, or brightmart-help.win and @user.name too", ["win"]) == [
        ("x-bad.site", "x-bad.site/claim"), ("brightmart-help.win", "brightmart-help.win")]
    assert _hosts("version 2.0, jo_b.smith and a.b") == []


# ── 2. a reason quoting the message is pseudonymised as the text is ────────────────────────
T0 = pd.Timestamp("2026-03-02 09:00", tz="UTC")
SHOP = Profile(slug="acme", name="Acme Shop", handles={"x": "AcmeShop"})


def _frame(rows: list[tuple[str, str, bool, str]]) -> pd.DataFrame:
    return conform_interactions(pd.DataFrame({
        "org": "acme", "platform": "x", "message_id": [str(i + 1) for i in range(len(rows))],
        "created_at": [T0 + pd.Timedelta(hours=i) for i in range(len(rows))],
        "author_id": [r[0] for r in rows], "author_name": [r[1] for r in rows],
        "author_is_org": [r[2] for r in rows], "kind": "post", "text": [r[3] for r in rows]}))


SECRET_ROWS = [
    ("jane_doe", "Jane Doe", False, "My refund is late and awful"),
    ("prize_bot7", "Prize Bot", False, "Win a prize! DM @jane_doe your PIN"),
    ("AcmeShop", "Acme Shop", True, "Sorry to hear that"),
    ("helper_x1", "Helper", False, "Refund late? Message Jane Doe 07700 900123 your card details"),
    ("helper_x2", "Helper Two", False, "send jane.doe@gmail.com your password"),
]
PERSONAL = ("jane_doe", "Jane Doe", "07700 900123", "jane.doe@gmail.com")


def _no_personal(text: str) -> None:
    assert not any(p.lower() in text.lower() for p in PERSONAL), text


def test_security_reasons_do_not_quote_handles_names_or_details():
    risks = smlib.find_security_risks(_frame(SECRET_ROWS), SHOP)
    assert len(risks) == 3
    alias = pseudonym("jane_doe")
    for reason, reasons, text in zip(risks["reason"], risks["reasons"], risks["text_inert"]):
        _no_personal(reason)
        _no_personal(" ".join(reasons))
        assert "asks people to hand over secret details" in reason
    # the same pseudonym as in the text, and the rest of the quote as it was
    assert f"('DM @{alias} your PIN')" in risks["reason"].iloc[0]
    assert f"@{alias}" in risks["text_inert"].iloc[0]
    assert "[phone]" in risks["reason"].iloc[1] and "[email]" in risks["reason"].iloc[2]


def test_fake_account_reason_still_names_the_fake_account():
    f = _frame([("AcmeShop_Help", "Acme Shop Help", False, "DM @jane_doe your PIN"),
                ("jane_doe", "Jane Doe", False, "where is my order")])
    risks = smlib.find_security_risks(f, SHOP)
    reason = risks["reason"].iloc[0]
    assert "'Acme Shop Help'" in reason or "'AcmeShop_Help'" in reason
    assert "jane_doe" not in reason and f"@{pseudonym('jane_doe')}" in reason


def test_queue_and_extremes_reasons_pseudonymised():
    p = smlib.enrich(smlib.Dataset(interactions=_frame(SECRET_ROWS), profile=SHOP)).interactions
    from smlib.priority import priority_queue
    q = priority_queue(p, keep=("AcmeShop",))
    secret = [r for rs in q["reasons"] for r in rs if "secret details" in r]
    assert len(secret) == 3
    for r in secret:
        _no_personal(r)
    assert any(f"@{pseudonym('jane_doe')}" in r for r in secret)
    ex = smlib.explain_extremes(p, keep=("AcmeShop",))
    _no_personal(ex["text"])
    for it in ex["highest"] + ex["lowest"]:
        _no_personal(" ".join(it["reasons"]))
    # what the report writes to action_queue.csv
    from smlib.report import write_action_queue
    csv_text = write_action_queue(q.assign(reasons=q["reasons"].map("; ".join)), None)
    _no_personal(csv_text)
    # the organisation's own reasons and everyday reasons are unchanged
    assert any("(refund, late, awful)" in r for rs in q["reasons"] for r in rs)


def test_pseudonymise_reasons_column_keeps_ordinary_reasons():
    f = pd.DataFrame({"author_id": ["jane_doe", "AcmeShop"], "author_name": ["Jane Doe", "Acme Shop"],
                      "author_is_org": [False, True], "text": ["Thanks Liam, order 12345678", "ok"],
                      "reasons": [["+20 a complaint (refund, late)", "quoting 'jane_doe and Jane Doe'"],
                                  ["+5 question (question mark) on 02/03/2026 for £12.50"]],
                      "reason": ["DM @jane_doe or ring 07700 900123", "AcmeShop said so"]})
    out = pseudonymise(f)
    alias = pseudonym("jane_doe")
    assert out["reasons"].iloc[0] == ["+20 a complaint (refund, late)", f"quoting '{alias} and {alias}'"]
    assert out["reasons"].iloc[1] == ["+5 question (question mark) on 02/03/2026 for £12.50"]
    assert out["reason"].tolist() == [f"DM @{alias} or ring [phone]", "AcmeShop said so"]
    assert f["reasons"].iloc[0][1] == "quoting 'jane_doe and Jane Doe'"   # input untouched


# ── 3. ids naming a customer: that part pseudonymised, ids still unique and stable ─────────
DATA = Path(__file__).parent / "data" / "privacy_s14"


def test_messenger_ids_named_after_the_customer_are_pseudonymised():
    ds = smlib.load(DATA / "messages" / "inbox" / "janedoe_10158" / "message_1.json")
    raw = ds.interactions
    out = pseudonymise(raw)
    alias = pseudonym("Jane Doe")
    assert set(out["author_id"]) == {alias}
    assert set(out["thread_id"]) == {f"inbox/{alias}_10158"}
    assert out["message_id"].tolist() == [f"fb-msg-inbox/{alias}_10158-{i}" for i in range(len(raw))]
    assert out["message_id"].is_unique and pseudonymise(raw)["message_id"].equals(out["message_id"])
    assert not out[["message_id", "thread_id"]].apply(lambda c: c.str.contains("janedoe")).any().any()


def test_status_url_ids_are_pseudonymised_like_profile_links():
    raw = smlib.load(DATA / "status_urls.csv").interactions
    out = pseudonymise(raw)
    ids = " ".join(out[["message_id", "thread_id"]].astype(str).to_numpy().ravel()) + " ".join(
        out["parent_id"].dropna())
    for handle in ("jane_doe", "bob99", "KarenTheKaren"):
        assert handle not in ids
    assert out["message_id"].tolist() == [f"https://x.com/{pseudonym(h)}/status/{n}" for h, n in
                                          (("jane_doe", 101), ("bob99", 102), ("KarenTheKaren", 103))]
    assert out["parent_id"].iloc[1] == out["message_id"].iloc[0]     # replies still point at their post
    assert out["message_id"].is_unique


def test_ids_naming_a_customer_of_the_wider_table_and_guards():
    people = pd.DataFrame({
        "author_id": ["Jane Doe", "Acme Shop", "mark_t"], "author_name": ["Jane Doe", "Acme Shop", "Mark T"],
        "author_is_org": [False, True, False], "text": ["help", "hi", "x"],
        "message_id": ["fb-msg-inbox/janedoe_10158-0", "fb-msg-inbox/janedoe_10158-1", "1"],
        "thread_id": ["inbox/janedoe_10158", "inbox/janedoe_10158", "1"]})
    # the organisation's reply alone: the thread is still named after Jane (found in people)
    out = pseudonymise(people.iloc[[1]], people=people)
    assert out["thread_id"].iloc[0] == f"inbox/{pseudonym('Jane Doe')}_10158"
    # what must stay: numbers, the organisation's own handle, words that only contain a name
    f = pd.DataFrame({
        "author_id": ["mark_t", "AcmeShop", "order_9"], "author_name": ["Mark T", "Acme Shop", "Ord Er"],
        "author_is_org": [False, True, False], "text": ["a", "b", "c"],
        "message_id": ["1234567890", "https://x.com/AcmeShop/status/5", "fb-msg-inbox/order123_999-0"],
        "thread_id": ["t-2026-03-02", "inbox/acmeshop_1", "reviews:307984"],
        "parent_id": [None, "1234567890", float("nan")]})
    out = pseudonymise(f)
    assert out["message_id"].tolist() == f["message_id"].tolist()
    assert out["thread_id"].tolist() == f["thread_id"].tolist()
    assert out["parent_id"].iloc[1] == "1234567890" and out["parent_id"].isna().tolist() == [True, False, True]


def test_action_queue_csv_ids_pseudonymised(tmp_path):
    from smlib.priority import priority_queue
    from smlib.report import write_action_queue
    ds = smlib.load(DATA / "status_urls.csv")
    full = smlib.enrich(ds)
    q = priority_queue(full.interactions, people=full.interactions)
    text = write_action_queue(q[["author_id", "text", "message_id", "thread_id"]], tmp_path)
    assert len(q) and "KarenTheKaren" not in text and "jane_doe" not in text
    assert pseudonym("KarenTheKaren") in text
    assert (tmp_path / "action_queue.csv").read_text(encoding="utf-8") == text


# ── 5. a formula after any leading spaces, controls or format characters ───────────────────
@pytest.mark.parametrize("lead", ["\x0b", "\x0c", "\x00", "\x1f", "\u2000", "\u2005", "\u200a", "\u205f",
                                  "\u2028", "\u2029", "\x85", "\u180e", "\u2061", " \x0b\u2028\u200b"])
@pytest.mark.parametrize("sign", ["=", "+", "-", "@", "＝"])
def test_formula_after_odd_blank_is_neutralised(lead, sign):
    cell = f"{lead}{sign}HYPERLINK(\"http://x\")"
    assert neutralise_cell(cell) == "'" + cell
    back = pd.read_csv(__import__("io").StringIO(smlib.privacy.safe_csv(pd.DataFrame({"t": [cell]}))),
                       dtype=str, keep_default_na=False)
    assert back["t"].iloc[0].startswith("'")


@pytest.mark.parametrize("cell", ["ok", "\x0bok", "\u2028hello = world", " 12-3", "café", "\u200bthanks",
                                  "e-mail me", "Order #123 = late"])
def test_ordinary_cells_after_odd_blanks_unchanged(cell):
    assert neutralise_cell(cell) == cell


# ── 6. customers' handles and names hidden in a free-text note (loader warnings) ────────────
NOTE_PEOPLE = pd.DataFrame({
    "author_id": ["jane_doe", "bob99", "mark", "Priya Patel", "Tom Baker", "AcmeShop"],
    "author_name": ["Jane Doe", "Robert Smith", "Mark Evans", "Priya Patel", "Tom Baker", "Acme Shop"],
    "author_is_org": [False, False, False, False, False, True], "text": "hi"})


def test_hide_people_in_loader_warnings():
    from smlib.privacy import hide_people
    a = pseudonym
    note = "5 authors ('jane_doe', 'bob99', 'mark', …) post most; ask Jane Doe or @bob99"
    assert hide_people(note, NOTE_PEOPLE) == (f"5 authors ('{a('jane_doe')}', '{a('bob99')}', "
                                              f"'{a('mark')}', …) post most; ask {a('jane_doe')} or @{a('bob99')}")
    note = "could not tell which participant is the organisation; pass org_handles= with one of " \
           "['Priya Patel', 'Tom Baker', 'Acme Shop']"
    assert hide_people(note, NOTE_PEOPLE) == ("could not tell which participant is the organisation; pass "
                                              f"org_handles= with one of ['{a('Priya Patel')}', "
                                              f"'{a('Tom Baker')}', 'Acme Shop']")
    # contact details go too; the organisation, keep= and ordinary words stay
    assert hide_people("ring 07700 900123 or mail jo@example.com", NOTE_PEOPLE) == "ring [phone] or mail [email]"
    assert hide_people("'AcmeShop' and 'Mark' and 'bob99'", NOTE_PEOPLE, keep=["bob99"]) == \
        f"'AcmeShop' and '{a('mark')}' and 'bob99'"
    for same in ("the file does not name the organisation, so it is called 'group'",
                 "12 rows skipped: 'created_at' could not be read (e.g. '31/02/2026')",
                 "Mark the posts as the organisation's", None, ""):
        assert hide_people(same, NOTE_PEOPLE) == same
    assert hide_people("ask jane_doe", None) == "ask jane_doe"     # nothing known: contact details only


# ── 4. gaps in pseudonymise ─────────────────────────────────────────────────────────────────
AUTHORS = [("jane_doe", "Jane Doe"), ("jsmith", "John Smith"), ("liam_o", "Liam O'Brien"),
           ("AcmeShop", "Acme Shop")]


def _shown(text: str) -> str:
    rows = [dict(author_id=a, author_name=n, author_is_org=(a == "AcmeShop"), text="hi") for a, n in AUTHORS]
    rows.append(dict(author_id="somebody9", author_name="Some Body", author_is_org=False, text=text))
    return pseudonymise(pd.DataFrame(rows))["text"].iloc[-1]


@pytest.mark.parametrize("text, shown", [
    ("RT@jane_doe: this is awful", "RT@{jane_doe}: this is awful"),
    ("@@jane_doe awful", "@@{jane_doe} awful"),
    ("u/jsmith agrees", "u/{jsmith} agrees"),
    ("/u/jsmith agrees, see reddit.com/u/jsmith", "/u/{jsmith} agrees, see reddit.com/u/{jsmith}"),
    ("tiktok.com/@jsmith/video/1 and youtube.com/@jsmith", "tiktok.com/@{jsmith}/video/1 and youtube.com/@{jsmith}"),
    ("Liam O’Brien complained", "{liam_o} complained"),
    ("Liam O'Brien complained", "{liam_o} complained"),
    ("message me on wa.me/447700900123 or https://wa.me/447700900123", "message me on [phone] or [phone]"),
])
def test_pseudonymise_gaps(text, shown):
    assert _shown(text) == shown.format(**{a: pseudonym(a) for a, _ in AUTHORS})


@pytest.mark.parametrize("text", [
    "order 12345678 on 02/03/2026 cost £12.50", "Rated it u/s (unserviceable)", "my stuff/u/know",
    "RT @AcmeShop: new stock", "u/AcmeShop posted it", "mail me at jo@example.com",
    "ART@ gallery", "see example.com/u/12345", "O'Brien's is a pub",
])
def test_pseudonymise_gap_rules_leave_ordinary_text(text):
    out = _shown(text)
    if "jo@example.com" in text:
        assert out == "mail me at [email]"
    else:
        assert out == text
