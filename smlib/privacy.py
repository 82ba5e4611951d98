"""People's data and safe output: pseudonyms, inert links, HTML escaping, formula-safe CSV.

The qualification handbook requires learners to anonymise personal details, so reports and
learner views show customers as stable pseudonyms (``user-3fa9c1``) by default; the
organisation's own accounts keep their names. Text written by the public is escaped wherever
it reaches HTML, links in it are "defanged" so nobody clicks a scam, and CSV exports
neutralise cells that a spreadsheet would run as a formula.

Example
-------
>>> pseudonym("12345")
'user-...'
>>> inert_urls("win a prize at https://bad.example.com/x")
'win a prize at hxxps://bad[.]example[.]com/x'
>>> neutralise_cell("=HYPERLINK(1)")
"'=HYPERLINK(1)"
"""
from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path
from typing import Iterable

import pandas as pd

DEFAULT_SALT = "smlib"
# A handle as people write it: any letters (``@ÜnïcødeLeaker``), digits, ``_`` and inner dots
# (``@jane.doe`` on Instagram), whatever its length; a dot ending a sentence is not part of it.
# Not preceded by a letter or digit, so ``jane@example.com`` is not a mention.
_MENTION = re.compile(r"(?<![\w@])@(\w(?:[\w.]*\w)?)")
_URL = re.compile(r"\b(?:(?:https?|ftp)://|www\.)[^\s<>\"']+", re.IGNORECASE)
_BARE_DOMAIN = re.compile(
    r"\b((?:[a-z0-9-]+\.)+(?:com|net|org|co|uk|io|info|xyz|top|ru|ly|me|biz|link|click|shop|online|"
    r"site|win|app|live|store|club|vip|icu|cc|tk|ml|ga|cf|gq|pw|su|cn|in|de|fr|eu|us|ws|to|gl|gd|sh|"
    r"tv|is|es|it|nl|be|ie|au|ca|cloud|today|support|help|services|email|net\.uk|org\.uk|gov\.uk)"
    r")\b(/[^\s<>\"']*)?", re.IGNORECASE)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


_EMAIL = re.compile(r"(?<![\w.+@-])[\w.+-]*\w@\w[\w-]*(?:\.[\w-]+)+", re.UNICODE)
# A phone number: "+" and a country code, or a leading 0 (``07700 900123``, ``(0161) 496 0000``,
# ``+44 (0)7700-900-456``), with 10 to 15 digits in all; spaces, dots, dashes and brackets between.
_PHONE = re.compile(r"(?<![\w+])(?:\+\d|\(?0)[\d\s().-]{7,22}\d(?!\w)")
_DATE_LIKE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
EMAIL_MARK, PHONE_MARK = "[email]", "[phone]"


def _phone(m: re.Match) -> str:
    s = m.group(0)
    digits = sum(ch.isdigit() for ch in s)
    if not 10 <= digits <= 15 or _DATE_LIKE.search(s) or "\n" in s:
        return s
    return PHONE_MARK


def hide_contact_details(text: object) -> object:
    """E-mail addresses and phone numbers in a message replaced by ``[email]`` and ``[phone]``.

    They are personal details: the handbook says learners must anonymise them, so reports and
    learner views never show them (an order number or a date is left alone).

    >>> hide_contact_details("mail jo.b@example.co.uk or ring 07700 900123, order 12345678 on 02-03-2026")
    'mail [email] or ring [phone], order 12345678 on 02-03-2026'
    """
    if not isinstance(text, str) or not (("@" in text) or any(c.isdigit() for c in text)):
        return text
    return _PHONE.sub(_phone, _EMAIL.sub(EMAIL_MARK, text))


def pseudonym(author_id: object, salt: str = DEFAULT_SALT) -> str:
    """A stable, non-reversible stand-in for a customer id or handle."""
    digest = hashlib.blake2b(f"{salt}:{author_id}".encode("utf-8"), digest_size=4).hexdigest()
    return f"user-{digest[:6]}"


def pseudonymise(frame: pd.DataFrame, salt: str = DEFAULT_SALT,
                 keep: Iterable[str] = ()) -> pd.DataFrame:
    """Return a copy with customers' ``author_id``/``author_name`` and @mentions in ``text`` replaced.

    Rows where ``author_is_org`` is true keep their names; handles in ``keep`` (e.g. the
    organisation's handles) are left as they are wherever they appear. E-mail addresses and
    phone numbers in the public's messages become ``[email]`` and ``[phone]``
    (:func:`hide_contact_details`).
    """
    out = frame.copy()
    keep_l = {k.lower().lstrip("@") for k in keep}
    is_org = out["author_is_org"].astype(bool) if "author_is_org" in out else pd.Series(False, index=out.index)
    if "author_id" in out:
        ids = out["author_id"].astype("object")
        uniq = pd.unique(ids[~is_org].dropna())
        mapping = {u: pseudonym(u, salt) for u in uniq}
        out["author_id"] = ids.where(is_org | ids.isna(), ids.map(mapping))
        if "author_name" in out:
            names = out["author_name"].astype("object")
            out["author_name"] = names.where(is_org | names.isna(), out["author_id"])
    if "text" in out:
        org_names = keep_l | {str(n).lower().lstrip("@") for n in
                              out.loc[is_org, "author_name"].dropna().unique()} if "author_name" in out else keep_l

        def _swap(m: re.Match) -> str:
            h = m.group(1)
            return m.group(0) if h.lower() in org_names else "@" + pseudonym(h.lower(), salt)

        text = out["text"].map(lambda t: _MENTION.sub(_swap, t) if isinstance(t, str) else t)
        # e-mail addresses and phone numbers written by the public are personal details too
        out["text"] = text.where(is_org, text.map(hide_contact_details))
    return out


def inert_urls(text: str) -> str:
    """Defang links (``https://a.b`` -> ``hxxps://a[.]b``) so they cannot be clicked or followed."""
    if not isinstance(text, str):
        return text

    def _defang(m: re.Match) -> str:
        scheme, sep, rest = m.group(0).partition("://")
        if not sep:
            scheme, rest = "", m.group(0)
        host, slash, path = rest.partition("/")
        scheme = {"http": "hxxp", "https": "hxxps", "ftp": "fxp"}.get(scheme.lower(), scheme)
        return (scheme + "://" if sep else "") + host.replace(".", "[.]") + slash + path

    text = _URL.sub(_defang, text)
    return _BARE_DOMAIN.sub(lambda m: m.group(1).replace(".", "[.]") + (m.group(2) or ""), text)


_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_bidi_controls(text: str) -> str:
    """Remove the Unicode controls that force text direction (U+202A–U+202E, U+2066–U+2069).

    Arabic or Hebrew text shows correctly without them; in a message from the public they
    can only make text appear in another order than it was written (``"\u202egnp.exe"``
    shows as ``exe.png``), so reports drop them.

    >>> strip_bidi_controls("photo\u202egnp.exe")
    'photognp.exe'
    """
    return _BIDI_CONTROLS.sub("", text)


def escape_html(text: object) -> str:
    """Escape text for HTML (``<script>`` shows as text); direction-forcing controls removed."""
    s = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    return html.escape(strip_bidi_controls(s), quote=True)


def neutralise_cell(value: object) -> object:
    """Prefix a quote to strings a spreadsheet would treat as a formula (=, +, -, @, tab, CR)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_csv(frame: pd.DataFrame, path: str | Path | None = None, **kwargs) -> str | None:
    """Write (or return) CSV with every text cell formula-neutralised; numbers are left alone."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or isinstance(out[col].dtype, (pd.CategoricalDtype, pd.StringDtype)):
            out[col] = out[col].astype("object").map(neutralise_cell)
    out.columns = [neutralise_cell(str(c)) for c in out.columns]
    kwargs.setdefault("index", False)
    return out.to_csv(path, **kwargs)
