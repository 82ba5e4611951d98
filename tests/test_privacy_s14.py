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
