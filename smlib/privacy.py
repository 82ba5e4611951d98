"""People's data and safe output: pseudonyms, inert links, HTML escaping, formula-safe CSV.

The qualification handbook requires learners to anonymise personal details, so reports and
learner views show customers as stable pseudonyms (``user-3fa9c1d2``) by default; the
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
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np
import pandas as pd

from .errors import DataError
from .names import FULLWIDTH as _FULLWIDTH, FULLWIDTH_HINT as _FULLWIDTH_HINT, first_name_hider
from .names import sub_in_twin as _sub_in_twin, twin_text as _twin
from .schema import org_flags
from .textforms import fold_unicode

DEFAULT_SALT = "smlib"
# A handle as people write it: any letters (``@ÜnïcødeLeaker``), digits, ``_`` and inner dots
# (``@jane.doe`` on Instagram), whatever its length; a dot ending a sentence is not part of it.
# Not preceded by a letter or digit, so ``jane@example.com`` is not a mention. A full-width "＠"
# (Asian keyboards) is an "@" too (:func:`handle_key` folds it), so ``＠jane_doe`` is a mention.
# The full-width "＿" and "．" (not word characters to ``re``) are "_" and "." too.
# "RT@jane_doe" (a retweet glued to the name) and "@@jane_doe" are mentions too.
_MENTION = re.compile(r"(?:(?<!\w)|(?<=\bRT)|(?<=\brt))[@＠]([\w＿](?:[\w.＿．]*[\w＿])?)")
_URL = re.compile(r"\b(?:(?:https?|ftp)://|www\.)[^\s<>\"']+", re.IGNORECASE)
# A web address written without "https://" ("bad-prize.win/claim"): labels joined by dots, the
# last one a known ending. Found in two linear steps, never by one regex with nested repeats
# (``(?:[a-z0-9-]+\.)+`` took 3 s on 4 KB of "a.a.a…" and minutes on a 12 KB message): a run
# of labels (``_DOTTED``, which starts only where no label character is before it, so each
# character is read once), then, in code, the last label starting with a known ending
# (:func:`bare_addresses`).
_TLD = re.compile(
    r"com|net|org|co|uk|io|info|xyz|top|ru|ly|me|biz|link|click|shop|online|"
    r"site|win|app|live|store|club|vip|icu|cc|tk|ml|ga|cf|gq|pw|su|cn|in|de|fr|eu|us|ws|to|gl|gd|sh|"
    r"tv|is|es|it|nl|be|ie|au|ca|cloud|today|support|help|services|email|"
    # endings popular with scams and new ones a browser opens as well as .com
    # (not everyday words such as .fun or .news, which a sentence typed without a space after its
    # full stop would turn into an address: "a great day.Fun")
    r"ai|dev|zip|mov|gg|tech|website|mobi|bid|loan|download|faith|cyou|buzz|monster|sbs|cfd|"
    r"quest|digital|ltd|uno", re.IGNORECASE)
_DOTTED = re.compile(r"(?<![a-z0-9-])[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.IGNORECASE)
_LINK_PATH = re.compile(r"/[^\s<>\"']*")
_WORD_CHAR = re.compile(r"\w")


def _word_at(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a word character (``\\w``); False outside the text."""
    return 0 <= i < len(text) and _WORD_CHAR.match(text, i) is not None


def bare_addresses(text: str, ending: Callable[[str, str, int], int | None],
                   begins: Callable[[str, int], bool]) -> Iterator[tuple[int, int, int]]:
    """``(start, host end, end)`` of each web address written without a scheme, left to right:
    labels of ``a-z``, ``0-9`` and ``-`` joined by single dots (``_DOTTED``), whose last label
    that ``ending(text, label, label start)`` accepts (the host end it gives; never the first
    label) ends the host, which starts at the first place in a label before it that
    ``begins(text, place)`` accepts; then any path. Read in one pass, so linear in the text.

    One scanner for two rule sets: :func:`inert_urls` (known endings, a word boundary:
    :func:`_bare_domains`) and :mod:`smlib.security` (any 2 to 12 letters, not after "@" or a
    word character), which had near-copies of it.
    """
    pos = 0
    for m in _DOTTED.finditer(text):
        if m.start() < pos:        # inside the path of the address before
            continue
        labels = m.group(0).split(".")
        starts = [m.start()]
        for lab in labels[:-1]:
            starts.append(starts[-1] + len(lab) + 1)
        found = next(((j, end) for j in range(len(labels) - 1, 0, -1)
                      if (end := ending(text, labels[j], starts[j])) is not None), None)
        if found is None:
            continue
        last, host_end = found
        begin = next((k for i in range(last) for k in range(starts[i], starts[i] + len(labels[i]))
                      if begins(text, k)), None)
        if begin is None:
            continue
        end = _LINK_PATH.match(text, host_end).end() if text.startswith("/", host_end) else host_end
        yield begin, host_end, end
        pos = end


def _known_ending(text: str, label: str, start: int) -> int | None:
    """Where a known ending (``_TLD``) that starts ``label`` ends, if a word boundary follows it
    ("com" in "com" or "com-x", not in "comfoo")."""
    head = label.split("-", 1)[0]
    end = start + len(head)
    if _TLD.fullmatch(head) and (len(head) < len(label) or not _word_at(text, end)):
        return end
    return None


def _at_word_boundary(text: str, k: int) -> bool:
    """A word boundary (``\\b``) just before ``text[k]``."""
    return _word_at(text, k - 1) != _word_at(text, k)


def _bare_domains(text: str) -> Iterator[tuple[int, int, int]]:
    """``(start, host end, end)`` of each web address without a scheme in ``text``, as the regex
    ``\\b((?:[a-z0-9-]+\\.)+(?:endings))\\b(/[^\\s<>"']*)?`` finds them (left to right, the
    longest host), in time linear in the text (:func:`bare_addresses`).

    >>> [m for m in _bare_domains("see x.bad-site.win/claim or 2.0")]
    [(4, 18, 24)]
    """
    return bare_addresses(text, _known_ending, _at_word_boundary)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


_EMAIL = re.compile(r"(?<![\w.+@-])[\w.+-]*\w@\w[\w-]*(?:\.[\w-]+)+", re.UNICODE)
# an address spelt out to dodge filters: "sarah (at) example (dot) com", "sarah[at]example[.]com",
# "sarah (at) example dot com" (the bracketed "at" says it is an address, so a plain "dot" will do)
_AT = r"\s*[\(\[\{]\s*(?:at|@)\s*[\)\]\}]\s*"
_DOT = r"(?:\s*[\(\[\{]\s*(?:dot|\.)\s*[\)\]\}]\s*|\.|\s{1,3}dot\s{1,3})"
_AT_HINT = re.compile(r"[\(\[\{]\s*(?:at|@)\s*[\)\]\}]", re.IGNORECASE)
# An address in plain words: "jane dot doe at gmail dot com", "jane at gmail.com". Parts of an
# address joined by " dot " or ".", then " at ", then a domain ending in a known ending (``_TLD``);
# each repeat bounded, so a long text is read in linear time. Prose has the same shape ("look at
# amazon dot com"), so a match counts only when it looks like an address (:func:`_plain_address`).
_WORD_DOT = r"(?:\s{1,3}dot\s{1,3}|\.)"
_EMAIL_WORDS = re.compile(
    rf"(?<![\w.+@'’-])(?P<local>[a-z0-9][\w+-]{{0,63}}(?:{_WORD_DOT}[a-z0-9][\w+-]{{0,63}}){{0,5}})"
    rf"\s{{1,3}}at\s{{1,3}}(?P<domain>[a-z0-9][a-z0-9-]{{0,62}}(?:{_WORD_DOT}[a-z0-9][a-z0-9-]{{0,62}}){{0,2}})"
    rf"{_WORD_DOT}(?:{_TLD.pattern})(?![\w@-])", re.IGNORECASE)
_AT_WORD = re.compile(r"\sat\s", re.IGNORECASE)
_MAIL_SERVICES = ("gmail", "googlemail", "hotmail", "outlook", "live", "msn", "yahoo", "ymail", "icloud", "me",
                  "mac", "aol", "btinternet", "sky", "virginmedia", "talktalk", "protonmail", "proton", "gmx")
"""Personal mail services: an address at one of them is a person's."""
_MAILBOX_MARK = re.compile(r"[\d_+]")
_MAIL_CUE = re.compile(r"\b(?:e-?mail(?:ed)?|mail|contact|address|reach|write to)\b[^.!?\n]{0,30}$", re.IGNORECASE)
_NOT_A_MAILBOX = frozenset("""look looked looking looks see seen saw me us you him her them it this that here
there up in on out back go went going gone get got log logged sign signed shop shopped shopping buy bought
order ordered is was are were be been am and or but just only still even all something anything nothing
home work works worked working stay stayed live lives lived arrived available online sale deal deals offer
offers found find check checked visit visited book booked apply applied register registered join joined
email mail cheaper cheap price prices""".split())
"""Words before "at" in prose, never a mailbox: "look at amazon dot com", "cheaper at ebay.com"."""
_EMAIL_SPELT = re.compile(rf"(?<![\w.+-])[\w.+-]*\w{_AT}[a-z0-9][\w-]*(?:{_DOT}[a-z0-9][\w-]*)*"
                          rf"{_DOT}[a-z]{{2,}}\b", re.IGNORECASE)
# A phone number: "+" and a country code, or a leading 0 (``07700 900123``, ``(0161) 496 0000``,
# ``+44 (0)7700-900-456``); spaces, dots, dashes and brackets between. How many digits it has is
# checked in code (:func:`_phone_end`).
_PHONE = re.compile(r"(?<![\w+])(?:\+\d|\(?0)[\d\s().-]{7,22}\d(?!\w)")
# a number from a single 0 (UK: 10 or 11 digits), not an international "00 44 …"
_LOCAL_ZERO = re.compile(r"\(?0(?!0)")
# A North American number written without "+1": 3-3-4 digits, one kind of separator between
# (``555-123-4567``, ``555.123.4567``, ``555 123 4567``) or the area code in brackets
# (``(555) 123-4567``); the area code starts with 2 to 9, as it does there. Not straight
# after a word character, "/", ".", "#", "-" or a currency sign (a link's path, an order "#555-…",
# a longer code), nor before more digits.
_US_PHONE = re.compile(r"(?<![\w+/.#$£€-])(?:1[-. ])?(?:\([2-9]\d\d\) ?\d{3}[-. ]|"
                       r"[2-9]\d\d(?P<sep>[-. ])\d{3}(?P=sep))\d{4}(?![\w/-]|[.,:]\d)")
# a WhatsApp link is a phone number whatever its digits ("wa.me/447700900123")
_WA_ME = re.compile(r"(?i)\b(?:https?://)?(?:api\.)?wa\.me/\+?\d{7,15}\b")
_DATE_LIKE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_ANY_DIGIT = re.compile(r"\d")
EMAIL_MARK, PHONE_MARK = "[email]", "[phone]"


def _phone_end(s: str) -> int | None:
    """Where the phone number starting a :data:`_PHONE` match ``s`` ends; None if it is none.

    "+44 …" or "0044 …": 10 to 15 digits, all of it. From a single 0 (UK): 10 or 11 digits, so
    ``order 012345678901`` is no phone; in a longer run the number ends where a group of digits
    does ("07700 900123 2 times": the phone, then "2"). Dates are never phones.
    """
    if _DATE_LIKE.search(s) or "\n" in s:
        return None
    if not _LOCAL_ZERO.match(s):
        return len(s) if 10 <= sum(ch.isdigit() for ch in s) <= 15 else None
    count, end = 0, None
    for i, ch in enumerate(s):
        if ch.isdigit():
            count += 1
            if count > 11:
                break
            if count >= 10 and not s[i + 1:i + 2].isdigit():
                end = i + 1
    return end


def _phone_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each phone number of :data:`_PHONE` in ``text``, left to right. After
    a phone the next is looked for where it ends, not where the digits run out, so in
    "07700 900123 07700 900456" both are found (one 16-digit run, left whole before)."""
    pos = 0
    while (m := _PHONE.search(text, pos)) is not None:
        end = _phone_end(m.group(0))
        if end is None:
            pos = m.end()
            continue
        yield m.start(), m.start() + end
        pos = m.start() + end


def _mark_spans(text: str, spans: Iterable[tuple[int, int]], mark: str) -> str:
    """``text`` with each ``(start, end)`` of ``spans`` (left to right, not overlapping) replaced by ``mark``."""
    out, at = [], 0
    for start, end in spans:
        out += [text[at:start], mark]
        at = end
    return "".join(out) + text[at:] if out else text


def _plain_address(m: re.Match) -> bool:
    """Whether an :data:`_EMAIL_WORDS` match is an address, not prose: its mailbox has parts
    ("jane dot doe"), a digit, "_" or "+" ("jane_99"), or it is at a personal mail service
    ("jane at gmail dot com") or after "e-mail", "contact"… ("e-mail jane at acme dot com"); but a
    word that comes before "at" in prose ("look at amazon dot com") is no mailbox."""
    local = m.group("local").lower()
    if not any(c.isalpha() for c in local):
        return False                       # "5 at tesco dot com"
    if re.search(r"\s|\.", local) or _MAILBOX_MARK.search(local):
        return True
    if local in _NOT_A_MAILBOX:
        return False
    service = re.split(r"\s|\.", m.group("domain").lower(), maxsplit=1)[0]
    return service in _MAIL_SERVICES or _MAIL_CUE.search(m.string, max(0, m.start() - 40), m.start()) is not None


def _plain_address_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each address written in plain words (:data:`_EMAIL_WORDS`)."""
    if not _AT_WORD.search(text):
        return []
    return [(m.start(), m.end()) for m in _EMAIL_WORDS.finditer(text) if _plain_address(m)]


def hide_contact_details(text: object) -> object:
    """E-mail addresses and phone numbers in a message replaced by ``[email]`` and ``[phone]``.

    They are personal details: the handbook says learners must anonymise them, so reports and
    learner views never show them (an order number or a date is left alone).

    >>> hide_contact_details("mail jo.b@example.co.uk or ring 07700 900123, order 12345678 on 02-03-2026")
    'mail [email] or ring [phone], order 12345678 on 02-03-2026'
    """
    if not isinstance(text, str):
        return text
    if _FULLWIDTH_HINT.search(text):
        return _hide_in_twin(text)
    if "@" in text:
        text = _EMAIL.sub(EMAIL_MARK, text)
    if _AT_HINT.search(text):
        text = _EMAIL_SPELT.sub(EMAIL_MARK, text)
    text = _mark_spans(text, _plain_address_spans(text), EMAIL_MARK)
    if "wa.me" in text.lower():
        text = _WA_ME.sub(PHONE_MARK, text)
    if not _ANY_DIGIT.search(text):
        return text
    return _US_PHONE.sub(PHONE_MARK, _mark_spans(text, _phone_spans(text), PHONE_MARK))


_PERSONAL_MAIL = re.compile(
    r"(?<![\w.+@-])[\w.+-]*\w@(?:" + "|".join(_MAIL_SERVICES) + r")\.[a-z.]{2,6}\b", re.IGNORECASE)
_MOBILE = re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?7|07)\d{3}[\s.-]?\d{3}[\s.-]?\d{3}(?!\w)")


def hide_personal_details(text: object) -> object:
    """For the organisation's own messages: a customer's details it repeats in a reply ("we have
    emailed you at sarah.jones@gmail.com and will ring 07700 900123") become ``[email]`` and
    ``[phone]``, while its own helpline and business address stay readable: UK mobile numbers
    and addresses at personal mail services are hidden, landlines and other addresses kept.

    >>> hide_personal_details("Ring 0345 600 7245 or email help@shop.co.uk. We'll call you on 07700 900123")
    "Ring 0345 600 7245 or email help@shop.co.uk. We'll call you on [phone]"
    """
    if not isinstance(text, str):
        return text
    if "@" in text:
        text = _PERSONAL_MAIL.sub(EMAIL_MARK, text)
    return _MOBILE.sub(PHONE_MARK, text) if "7" in text else text


def _hide_in_twin(text: str) -> str:
    """:func:`hide_contact_details` for a text with full-width characters: found in its ASCII
    twin, replaced in the text itself (the rest keeps its full-width form)."""
    twin = text.translate(_FULLWIDTH)
    spans: list[tuple[int, int, str]] = []
    for rx, mark in ((_EMAIL, EMAIL_MARK), (_EMAIL_SPELT, EMAIL_MARK)):
        spans += [(m.start(), m.end(), mark) for m in rx.finditer(twin)]
    spans += [(start, end, EMAIL_MARK) for start, end in _plain_address_spans(twin)]
    spans += [(start, end, PHONE_MARK) for start, end in _phone_spans(twin)]
    spans += [(m.start(), m.end(), PHONE_MARK) for m in _US_PHONE.finditer(twin)]
    out, at = [], 0
    for start, end, mark in sorted(spans):
        if start >= at:
            out += [text[at:start], mark]
            at = end
    return "".join(out) + text[at:]


# A profile address on a social network: the first part of its path is somebody's handle
# (``x.com/jane_doe/status/1``, ``instagram.com/jane.doe``, ``tiktok.com/@jane``, ``linkedin.com/in/jane``).
_PROFILE_URL = re.compile(
    r"(?<![\w-])((?:x|twitter|instagram|facebook|fb|tiktok|threads|youtube|linkedin|pinterest|reddit|"
    r"snapchat|bsky)\.(?:com|net|app)/(?:(?:in|u|user|c|add|profile)/)?@?)(\w(?:[\w.-]*\w)?)",
    re.IGNORECASE)
_NOT_A_HANDLE = frozenset(
    "status statuses i intent home search hashtag hashtags explore share sharer sharer.php p post posts "
    "reel reels tv stories watch shorts playlist channel results groups events pages photo photos "
    "photo.php permalink.php story.php profile.php login signup help settings messages notifications "
    "r company school jobs feed pulse marketplace gaming business about legal privacy policies terms "
    "tos compose video videos music tag tags discover trending live embed comments submit wiki ads "
    "media notes l.php people".split())
# Facebook's link to a person with no username: "facebook.com/people/Jane-Doe/100064123456789" (their
# name, then their id as author_id holds it)
_FB_PEOPLE = re.compile(r"(?<![\w-])((?:facebook|fb)\.com/people/)([^\s/?#<>\"']+)(?:/(\d{5,20})(?!\w))?",
                        re.IGNORECASE)
# links whose query names a person: "x.com/intent/user?screen_name=jane", "twitter.com/intent/follow?
# user_id=12345", "facebook.com/profile.php?id=100064123456789"
_PERSON_QUERY = re.compile(r"(?<![\w-])((?:x|twitter)\.com/intent/\w{1,20}\?|(?:facebook|fb)\.com/profile\.php\?)"
                           r"([^\s#<>\"']+)", re.IGNORECASE)
_PERSON_PARAM = re.compile(r"(?:^|(?<=&))(screen_name|user_id|id)=([^&#\s]+)", re.IGNORECASE)


# a word with a digit, "_" or "." inside: the only kind of word looked up as a customer's handle
# (full-width "＿" and "．", which re does not count as word characters, are "_" and "." here too)
# (the digit, "_" or "." is checked in code, _token_like: a look-ahead for it read "a" and 50 KB of
# dots once for each dot, minutes of work)
_TOKEN = re.compile(r"(?<![\w.@＿．])[\w＿](?:[\w.＿．]*[\w＿])?")
_TOKEN_MARK = re.compile(r"[\d_.＿．]")


def _token_like(word: str) -> bool:
    """A word with a digit, "_" or "." before its last character: one that may be a handle."""
    return _TOKEN_MARK.search(word, 0, len(word) - 1) is not None
_RUN = re.compile(r"\w(?:[\w.]*\w)?")
# a Reddit user written "u/jsmith" or "/u/jsmith" (Reddit names: 3 to 20 letters, digits, "_", "-")
_REDDIT_USER = re.compile(r"(?<![\w/])(/?u/)([A-Za-z0-9_-]{3,20})(?![\w/-])")
_WORD = re.compile(r"\w+")
# a handle that is no ordinary word (it has a digit, "_" or "."), so it is safe to look for
# written out without its "@": ``jane_doe``, ``leaky.dot.person``, ``ImogenM84``
_DISTINCT_HANDLE = re.compile(r"(?=[\w.]*[^\W\d_])(?=[\w.]*[\d_.])\w[\w.]{1,}\w")
# a handle in two or more capitalised parts ("BourbonKid", "SarahJ"), no ordinary word either
_CAMEL_HANDLE = re.compile(r"(?=\w{6,}$)[A-Za-z]*[a-z][A-Z][A-Za-z]*")
_PERSON_NAME = re.compile(r"\w[\w'’.-]*(?:\s+[\w'’.-]+)*\w")


_APOSTROPHE = re.compile("['’]")


@lru_cache(maxsize=4096)
def _name_pattern(words: tuple[str, ...]) -> re.Pattern:
    # "O'Brien" and "O’Brien" (a phone's curly apostrophe) are one name
    return re.compile(r"\s+".join(_APOSTROPHE.sub("['’]", re.escape(w)) for w in words)
                      + r"(?!\w)", re.IGNORECASE)


_Names = dict[str, dict[str, list[tuple[tuple[str, ...], str]]]]


def _last_key(words: tuple[str, ...]) -> str:
    """The last plain word of a name, lower case ("O'Brien" -> "brien"), as texts are indexed."""
    found = _WORD.findall(words[-1].lower())
    return found[-1] if found else words[-1].lower()


def _written_out(text: str, handles: dict[str, str], names: _Names) -> str:
    """``text`` with customers' handles (without "@") and full names replaced by their pseudonyms.

    ``names`` maps a name's first word, then its last word (lower case), to ``(words,
    pseudonym)`` pairs: only names whose first and last words are both in the text are tried,
    so thousands of customers called Liam cost nothing in a text about one of them.
    """
    # handles are keyed by handle_key, so a handle written in full-width letters is found too
    if handles and not handles.keys().isdisjoint(_RUN.findall(fold_unicode(text).lower())):
        text = _TOKEN.sub(lambda m: handles.get(handle_key(m.group(0)), m.group(0))
                          if _token_like(m.group(0)) else m.group(0), text)
        # a handle of letters only ("BourbonKid", kept only when written in capitalised parts)
        # written as a plain word, in any case: "love you bourbonkid"
        text = _WORD.sub(lambda m: handles.get(m.group(0).lower(), m.group(0))
                         if m.group(0).isalpha() else m.group(0), text)
    # names are looked for in the text's ASCII twin ("Ｈａｎｎａｈ Ｗａｒｄ" is Hannah Ward), one
    # character for one, and replaced in the text itself
    twin = _twin(text)
    text_words = set(_WORD.findall(twin.lower()))
    if names and not names.keys().isdisjoint(text_words):
        out, pos = [], 0
        for m in _WORD.finditer(twin):
            if m.start() < pos:
                continue
            by_last = names.get(m.group(0).lower())
            if not by_last:
                continue
            cands = sorted((c for w in text_words if w in by_last for c in by_last[w]),
                           key=lambda wa: -len(" ".join(wa[0])))
            for words, alias in cands:
                hit = _name_pattern(words).match(twin, m.start())
                if hit:
                    out += [text[pos:m.start()], alias]
                    pos = hit.end()
                    break
        text = "".join(out) + text[pos:]
    return text


def _known_alias(slug: str, names: _Names) -> str | None:
    """The pseudonym of a customer whose full name is ``slug`` written with "-" ("Jane-Doe"), if known."""
    words = tuple(w for w in slug.split("-") if w)
    if len(words) < 2:
        return None
    want = [w.lower() for w in words]
    cands = names.get(words[0].lower(), {}).get(_last_key(words), [])
    return next((alias for ws, alias in cands if [w.lower() for w in ws] == want), None)


def _hide_person_links(text: str, org_names: set[str], names: _Names, salt: str) -> str:
    """Links that name a person outside the first part of their path (:data:`_FB_PEOPLE`,
    :data:`_PERSON_QUERY`) with that person as their pseudonym, as ``x.com/jane_doe`` is shown:
    "facebook.com/people/Jane-Doe/1000641…" becomes "facebook.com/people/user-…" (the name and
    the id are one person: the customer's own pseudonym when their full name is known, else
    the id's), "?screen_name=jane" becomes "?screen_name=user-…". The organisation's stay."""
    def people(m: re.Match) -> str:
        slug, pid = m.group(2), m.group(3)
        if PSEUDONYM.fullmatch(slug) or {handle_key(slug), handle_key(slug.replace("-", " ")),
                                         handle_key(pid or "")} & org_names:
            return m.group(0)
        return m.group(1) + (_known_alias(slug, names) or pseudonym(pid or slug, salt))

    def param(p: re.Match) -> str:
        value = p.group(2)
        if PSEUDONYM.fullmatch(value) or handle_key(value) in org_names:
            return p.group(0)
        return f"{p.group(1)}={pseudonym(value, salt)}"

    if "people/" in text.lower():
        text = _FB_PEOPLE.sub(people, text)
    if "?" in text:
        text = _PERSON_QUERY.sub(lambda m: m.group(1) + _PERSON_PARAM.sub(param, m.group(2)), text)
    return text


def handle_key(author_id: object) -> str:
    """The form of an id or handle that a pseudonym is made from: no spaces around it, no
    leading "@", lower case.

    Handles on the platforms we monitor do not depend on case (``@ImogenM84`` and
    ``@imogenm84`` are one account) and are written with or without their "@" (``@jo_b`` in a
    message, ``jo_b`` in an export), so all of these are one person and get one pseudonym.
    A numeric id (``100004000722771``) or a review site's ``reviews:307984`` is left as it is: it
    cannot be matched with a handle, and that is fine.

    >>> handle_key(" @ImogenM84") == handle_key("imogenm84") == "imogenm84"
    True
    """
    return fold_unicode(str(author_id)).strip().lstrip("@").lower()


def person_keys(author_ids: pd.Series) -> pd.Series:
    """:func:`handle_key` for a column of ids, missing ids kept missing (``None``): what counts
    of people count, so ``@Jane`` and ``@jane`` are one person, as they are one pseudonym.
    A blank id (``""``, ``"@"``: the loaders' mark for a deleted or hidden author) is missing
    too: ten deleted accounts are not one person.

    >>> person_keys(pd.Series(["@Jane", "jane ", None, "100004", "＠ＪＡＮＥ", "", " @ "])).tolist()
    ['jane', 'jane', None, '100004', 'jane', None, None]
    """
    s = pd.Series(author_ids)
    keys = handle_key_column(s).astype(object)
    return keys.where(s.notna() & keys.ne("").fillna(False).astype(bool), None)


def handle_key_column(author_ids: pd.Series) -> pd.Series:
    """:func:`handle_key` on a whole column, as text (missing stays missing), vectorised: only
    the values that are not plain ASCII go through :func:`fold_unicode` one by one. For large
    frames (a loader's million rows): unlike :func:`person_keys` it keeps pandas' text type, which
    is ~10 times faster on a million handles than making Python strings of them.

    >>> handle_key_column(pd.Series([" @Jane", "ＪＡＮＥ", "100004"])).tolist()
    ['jane', 'jane', '100004']
    """
    s = pd.Series(author_ids)
    text = s if isinstance(s.dtype, pd.StringDtype) else pd.Series(s, dtype="object").astype(str)
    odd = ~(text.str.isascii().fillna(True).astype(bool) | text.isna())
    if odd.any():   # only these can be in another Unicode form (full-width, odd spaces...)
        folded = text[odd].map(fold_unicode).to_numpy()
        text = text.copy()
        text[odd.to_numpy()] = folded
    return text.str.strip().str.lstrip("@").str.lower()


def handle_keys(handles: Iterable[object]) -> set[str]:
    """The :func:`handle_key` of each handle (missing and empty ones left out): the set to look
    an author or an @mention up in, to ask "is this one of the organisation's accounts?".

    >>> sorted(handle_keys(["@NorthwayRail ", "＠ｎｏｒｔｈｗａｙｒａｉｌ", None, " "]))
    ['northwayrail']
    """
    keys = {handle_key(h) for h in handles
            if h is not None and h is not pd.NA and not (isinstance(h, float) and h != h)}
    keys.discard("")
    return keys


def matches_handles(author_ids: pd.Series, handles: Iterable[object]) -> pd.Series:
    """True where an author is one of ``handles`` by :func:`handle_key` (case, "@", spaces and
    Unicode form do not matter); False for missing authors. Vectorised, for large frames.

    >>> matches_handles(pd.Series(["＠ＮｏｒｔｈｗａｙＲａｉｌ", "jo", None]), ["@northwayrail"]).tolist()
    [True, False, False]
    """
    s = pd.Series(author_ids)
    keys = handle_keys(handles)
    if not keys or not len(s):
        return pd.Series(False, index=s.index, dtype=bool)
    return handle_key_column(s).isin(keys).fillna(False).astype(bool) & s.notna()


REASON_COLUMNS = ("reasons", "reason")
"""Columns of reasons (a list of sentences, or one) that may quote a message: pseudonymised as
its text is (:func:`pseudonymise`)."""

PSEUDONYM = re.compile(r"user-[0-9a-f]{8}\b")
"""What a pseudonym looks like (``user-3fa9c1d2``)."""


def pseudonym(author_id: object, salt: str = DEFAULT_SALT) -> str:
    """A stable stand-in for a customer id or handle: ``user-`` and 8 hex digits.

    Made from :func:`handle_key`, so an author (``@ImogenM84``) and an @mention of them
    (``@imogenm84``) get the same pseudonym. Eight digits (32 bits), not six: with six, two
    of 5,000 customers shared a pseudonym three times in four (a twcs file's worth), so a
    report showed two people as one; with eight, about 3 in 1,000. The salt is public (the
    same pseudonym on every machine, so a class can talk about ``user-3fa9c1d2``): someone who
    can guess a handle can check it, so this hides names from casual reading, it is not
    anonymisation.

    >>> pseudonym("@ImogenM84") == pseudonym("imogenm84")
    True
    >>> bool(PSEUDONYM.fullmatch(pseudonym("jo")))
    True
    """
    key = handle_key(author_id)
    digest = hashlib.blake2b(f"{salt}:{key}".encode("utf-8"), digest_size=4).hexdigest()
    return f"user-{digest}"


_GREETING_WORDS = (r"hi|hiya|hello|hey|dear|morning|good morning|afternoon|good afternoon|evening|"
                   r"good evening|thanks|thank you|thankyou|cheers|sorry|apologies|bye|welcome")
_GREETING_HINT = re.compile(rf"(?i)\b(?:{_GREETING_WORDS})\b|\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\b")
_LETTERS = r"[^\W\d_]"
# a name: letters in any alphabet ("Seán", "Zoë"), perhaps "O'Brien" or "Anne-Marie"; a
# possessive "'s" after it is not part of it ("Liam's order"). Its capitals are checked in code
# (Python's re has no "upper-case letter" class): see _looks_like_name.
_NAME = rf"{_LETTERS}+(?:['’](?!s\b){_LETTERS}+)?(?:-{_LETTERS}+)?"
_GREETED = re.compile(rf"(?<![\w@])(?i:{_GREETING_WORDS})(?P<gap>[ \t]*,?[ \t]+)"
                      rf"(?P<name>{_NAME})(?![\w@-]|['’](?!s\b))")


def _looks_like_name(word: str, rest: str = "") -> bool:
    """A capitalised word that is not in capitals ("Liam", "Seán", "McDonald", "O'Brien"; not
    "TV" or "liam"), not followed by another capitalised word (that makes a full name or a
    place, "Sarah Jones", "Kelby Road", handled elsewhere)."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or not letters[0].isupper() or all(c.isupper() for c in letters):
        return False
    nxt = re.match(r" (\w)", rest)
    return not (nxt and nxt.group(1).isupper())
NOT_FIRST_NAMES = frozenset("""all everyone everybody anyone team there again guys folks both you
ya mate mates sir madam maam friends friend so very much lots loads for in to and but the we it
once love lovely great brilliant amazing awesome good guy gents ladies girls boys pal buddy gang
crew staff customer customers back soon tonight today tomorrow morning afternoon evening""".split())
"""Words that follow "Hi", "Thanks" and the like but are not a person's first name ("Hi all",
"Thank You", "Thanks again"): kept as written."""


_NOT_SURNAMES = frozenset("out you us me it them him her this that these those our your my nothing "
                          "anything everything something martens pepper oetker who seuss".split())
"""Words after "Miss" or "Dr" that are not a surname ("Don't Miss Out", "Dr Martens")."""
_TITLED = re.compile(rf"\b(?P<title>Mr|Mrs|Ms|Miss|Mx|Dr)\.?(?P<gap>[ \t]+)(?P<name>{_NAME})"
                     rf"(?![\w@-]|['’](?!s\b))")
"""A surname after a title ("Dear Ms Jones", "Mr McDonald called", "Dr Patel"): the title stays."""


_CALENDAR_WORDS = frozenset("""january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday""".split())
"""Names that are also months or days ("since May", "on Friday"): a customer called May Wong does
not make every "May" in other messages a first name (after a greeting it still is one)."""


def _greeted_names(text: str, org_names: set[str]) -> str:
    """First names after a greeting ("Hi Liam, sorry to hear that", "Thanks Fatima") become
    ``[name]``: the business greets customers by name in half of its replies, and a first name
    beside a pseudonym undoes it. The organisation's own names are kept."""
    def swap(m: re.Match) -> str:
        name = m.group("name")
        if not _looks_like_name(name, m.string[m.end():m.end() + 3]):
            return m.group(0)
        if name.lower() in NOT_FIRST_NAMES or handle_key(name) in org_names or any(
                n.split()[0] == name.lower() for n in org_names if " " in n):
            return m.group(0)
        return m.group(0)[: m.start("name") - m.start()] + "[name]"

    def titled(m: re.Match) -> str:
        name = m.group("name")
        if (not _looks_like_name(name) or name.lower() in _NOT_SURNAMES
                or handle_key(name) in org_names):
            return m.group(0)      # "Don't Miss Out", "We Miss You": not a title
        return m.group(0)[: m.start("name") - m.start()] + "[name]"
    return _sub_in_twin(_TITLED, titled, _sub_in_twin(_GREETED, swap, text))


def pseudonymise(frame: pd.DataFrame, salt: str = DEFAULT_SALT,
                 keep: Iterable[str] = (), people: pd.DataFrame | None = None,
                 org_details: str = "own") -> pd.DataFrame:
    """Return a copy with customers' ``author_id``/``author_name`` and @mentions in ``text`` replaced.

    Rows where ``author_is_org`` is true keep their names, and their handles and names are left
    as they are wherever they appear (``@NorthwayRail`` in a customer's message, also
    ``@Kelby Borough Council``); so are the handles in ``keep`` (e.g. the profile's handles, for
    accounts that posted nothing in ``frame``). Every pseudonym is made from
    :func:`handle_key`: a customer who writes as ``@ImogenM84`` and is @mentioned as
    ``@imogenm84`` is one pseudonym (ids are not told apart by platform, as before). A
    customer's handle in a profile address (``x.com/jane_doe``; also a link naming them
    in its query or as Facebook's ``people/Jane-Doe/1000…``, :func:`_hide_person_links`), written without its "@" (when
    it is no ordinary word: it has a digit, ``_`` or ``.``) or their full name (two words or
    more) in any message becomes the same pseudonym, and a first name after a greeting ("Hi
    Liam,", "Thanks Fatima") or a common first name standing on its own ("Patrick on the desk",
    :func:`smlib.names.hide_first_names`) becomes ``[name]``. E-mail addresses and phone numbers in the public's messages become
    ``[email]`` and ``[phone]`` (:func:`hide_contact_details`). Columns of reasons
    (:data:`REASON_COLUMNS`: ``reasons``, a list of sentences, or ``reason``), which may quote the
    message, are pseudonymised as the text is.

    ``people``: a wider table (e.g. every message of the period) whose customers' handles and
    names are looked for too, for a few example rows that may name someone who is not among
    their own authors.

    ``org_details``: in rows marked as the organisation's, ``"own"`` (default) hides a
    customer's mobile number or personal e-mail repeated in a reply and keeps the business's
    own helpline (:func:`hide_personal_details`); ``"all"`` keeps every detail (the security
    table shows a fake account's own number: it is what gets reported).
    """
    if org_details not in ("own", "all"):
        raise DataError(f"org_details must be 'own' or 'all', got {org_details!r}", field="org_details")
    out = frame.copy()
    keep_l = handle_keys(keep)
    is_org = org_flags(out["author_is_org"]) if "author_is_org" in out else pd.Series(False, index=out.index)
    if "author_id" in out:
        ids = out["author_id"].astype("object")
        # a blank id is an unknown (deleted or hidden) author: stays blank, not one shared pseudonym
        blank = person_keys(ids).isna() & ids.notna()
        uniq = pd.unique(ids[~is_org & ~blank].dropna())
        mapping = {u: pseudonym(u, salt) for u in uniq}
        out["author_id"] = ids.where(is_org | ids.isna() | blank, ids.map(mapping))
        if "author_name" in out:
            names = out["author_name"].astype("object")
            out["author_name"] = names.where(is_org | names.isna(), out["author_id"])
    if "text" in out:
        # the organisation's own names and handles (as it posted in this frame) are never a customer's
        org_names = keep_l | {handle_key(n) for col in ("author_name", "author_id") if col in frame
                              for n in frame[col][is_org.to_numpy()].dropna().unique()}
        if people is not None and "author_is_org" in people:   # its posts outside these rows too
            p_org = org_flags(people["author_is_org"]).to_numpy()
            org_names |= {handle_key(n) for col in ("author_name", "author_id") if col in people
                          for n in people[col][p_org].dropna().unique()}
        org_names.discard("")
        # names of more than one word, for "@Kelby Borough Council" (the mention is only "Kelby")
        long_names = sorted((n for n in org_names if not _RUN.fullmatch(n)), key=len, reverse=True)

        def _org_named_at(m: re.Match) -> bool:
            rest = fold_unicode(m.string[m.start(1):m.start(1) + 200]).lower()
            return any(rest.startswith(n) and not rest[len(n):len(n) + 1].isalnum() for n in long_names)

        def _swap(m: re.Match) -> str:
            h = m.group(1)
            if handle_key(h) in org_names or (long_names and _org_named_at(m)):
                return m.group(0)
            return "@" + pseudonym(h, salt)

        def _swap_url(m: re.Match) -> str:
            h = m.group(2).lower()
            if PSEUDONYM.match(m.string, m.start(2)):   # "tiktok.com/@jsmith": its "@jsmith" already done
                return m.group(0)
            return m.group(0) if h in _NOT_A_HANDLE or handle_key(h) in org_names else m.group(1) + pseudonym(h, salt)

        def _swap_reddit(m: re.Match) -> str:
            h = m.group(2)
            if PSEUDONYM.match(m.string, m.start(2)) or handle_key(h) in org_names:
                return m.group(0)
            return m.group(1) + pseudonym(h, salt)

        # customers' handles and full names written out in a message ("x.com/jane_doe",
        # "thanks Jane Doe") become the same pseudonyms as their authors
        handles: dict[str, str] = {}
        names: _Names = {}
        tables = []
        id_cols = [c for c in ID_COLUMNS if c in out]
        id_words = _id_words(v for c in id_cols for v in pd.unique(out[c].dropna())) if id_cols else set()
        id_keys: dict[str, str] = {}
        org_squashed = {_squashed(n) for n in org_names}
        if "author_id" in frame:
            cust = ~is_org.to_numpy()
            own = pd.DataFrame({"id": frame.loc[cust, "author_id"].to_numpy(dtype=object),
                                "alias": out.loc[cust, "author_id"].to_numpy(dtype=object),
                                "name": (frame.loc[cust, "author_name"].to_numpy(dtype=object)
                                         if "author_name" in frame else None)})
            # an author with no id but a name (a deleted account's name kept in the export): the
            # name, written in a message, still becomes a pseudonym – never '' and never the name
            nameless = blank.to_numpy(dtype=bool)[cust] & own["name"].notna().to_numpy(dtype=bool)
            if nameless.any():
                own.loc[nameless, "alias"] = [pseudonym(n, salt) for n in own.loc[nameless, "name"]]
            tables.append(own)
        if people is not None and "author_id" in people:
            people = _named_in(people, out["text"], id_words)
            cust = (~org_flags(people["author_is_org"])).to_numpy() \
                if "author_is_org" in people else slice(None)
            ids = people.loc[cust, "author_id"].to_numpy(dtype=object)
            tables.append(pd.DataFrame({"id": ids, "name": (people.loc[cust, "author_name"].to_numpy(dtype=object)
                                                            if "author_name" in people else None)})
                          .drop_duplicates()
                          .assign(alias=lambda t: t["id"].map(lambda v: None if pd.isna(v) else pseudonym(v, salt))))
        if tables:
            pairs = pd.concat(tables, ignore_index=True)[["id", "alias", "name"]].drop_duplicates()
            seen: set[str] = set()
            for aid, alias, name in pairs.itertuples(index=False):
                if not isinstance(alias, str):
                    continue
                key = handle_key(aid) if isinstance(aid, str) else ""
                # in ids: any handle or name with a letter, three characters or more, squashed too
                for k in (key, _squashed(aid) if isinstance(aid, str) else "",
                          _squashed(name) if isinstance(name, str) else ""):
                    if (len(k) >= 3 and not k.isdigit() and k not in org_names and k not in org_squashed
                            and k not in _ID_WORDS and k in id_words):
                        id_keys.setdefault(k, alias)
                if key and key not in org_names and (_DISTINCT_HANDLE.fullmatch(key) or (
                        isinstance(aid, str) and _CAMEL_HANDLE.fullmatch(aid.strip().lstrip("@")))):
                    handles.setdefault(key, alias)
                words = name.strip(" .").split() if isinstance(name, str) else []
                full = " ".join(words)
                if (len(words) >= 2 and full.lower() not in seen and full.lower() not in org_names
                        and _PERSON_NAME.fullmatch(full)):
                    seen.add(full.lower())
                    names.setdefault(_WORD.match(full).group(0).lower(), {}).setdefault(
                        _last_key(tuple(words)), []).append((tuple(words), alias))
        # customers' first names (from their full names) inside a sentence ("Thanks for
        # waiting, Fatima."): not at a sentence's start, where "Will" or "Hope" is a word
        org_words = {w for n in org_names for w in n.split()}
        firsts = sorted({w[0][0] for by_last in names.values() for cands in by_last.values() for w in cands
                         if w[0][0].isalpha() and _looks_like_name(w[0][0])
                         and w[0][0].lower() not in NOT_FIRST_NAMES
                         and w[0][0].lower() not in _CALENDAR_WORDS
                         and w[0][0].lower() not in org_words and handle_key(w[0][0]) not in org_names},
                        key=len, reverse=True)
        # (not before another capitalised word: "Kelby Road" is a place, "Sarah Jones" a full
        # name; a possessive is still the name: "Liam's order" is "[name]'s order")
        first_rx = re.compile(r"(?<=[\w,;:] )(?:" + "|".join(map(re.escape, firsts))
                              + r")(?![\w@-]|['’](?!s\b))") if firsts else None

        def _first_names(t: str) -> str:
            return _sub_in_twin(first_rx, lambda m: "[name]" if _looks_like_name(
                m.group(0), m.string[m.end():m.end() + 3]) else m.group(0), t)
        known_first = first_rx
        hide_names = first_name_hider(keep=org_names)   # the names file read once, not per row

        def _clean(t: object) -> object:
            if not isinstance(t, str):
                return t
            if "@" in t or "＠" in t:
                t = _MENTION.sub(_swap, t)
            if "/" in t:
                t = _hide_person_links(t, org_names, names, salt)
                t = _PROFILE_URL.sub(_swap_url, t)
                t = _REDDIT_USER.sub(_swap_reddit, t)
            t = _written_out(t, handles, names)
            if _GREETING_HINT.search(_twin(t)):
                t = _greeted_names(t, org_names)
            if known_first is not None:
                t = _first_names(t)
            # a first name on its own ("here for Miriam", "Patrick on the desk"): smlib.names
            return hide_names(t)

        def _shown(t: object, org_row: bool) -> object:
            t = _clean(t)
            # e-mail addresses and phone numbers written by the public are personal details too
            # the organisation's own numbers and addresses stay (its helpline is what customers
            # need), but a customer's mobile number or personal e-mail in a reply does not
            if not org_row:
                return hide_contact_details(t)
            return t if org_details == "all" else hide_personal_details(t)

        org_rows = is_org.to_numpy(dtype=bool)
        out["text"] = [_shown(t, o) for t, o in zip(out["text"], org_rows)]
        # ids naming a customer ("inbox/janedoe_10158", "https://x.com/jane_doe/status/1"): that
        # part becomes their pseudonym, the rest stays, so ids stay unique and rows can be matched
        if id_cols:
            id_rx = None
            if id_keys:
                id_rx = re.compile(r"(?<![^\W_])(?:" + "|".join(
                    map(re.escape, sorted(id_keys, key=len, reverse=True))) + r")(?![^\W_])", re.IGNORECASE)

            def _id(v: object) -> object:
                if not isinstance(v, str) or not v:
                    return v
                if "/" in v:
                    v = _PROFILE_URL.sub(_swap_url, _hide_person_links(v, org_names, names, salt))
                if id_rx is not None:
                    v = id_rx.sub(lambda m: id_keys.get(m.group(0).lower(), m.group(0)), v)
                return v
            for col in id_cols:
                ids = out[col]
                uniq = pd.unique(ids.dropna())
                shown_ids = {u: _id(u) for u in uniq}
                if any(a != b for a, b in shown_ids.items()):
                    out[col] = ids.map(lambda v: shown_ids.get(v, v) if isinstance(v, str) else v)
        # reasons quote the message ("asks people to hand over secret details ('DM @jane_doe your
        # PIN')"): they are shown as the text is
        for col in REASON_COLUMNS:
            if col in out:
                out[col] = [[_shown(r, o) for r in v] if isinstance(v, (list, tuple, np.ndarray))
                            else _shown(v, o) for v, o in zip(out[col], org_rows)]
    return out


ID_COLUMNS = ("message_id", "thread_id", "parent_id")
"""Id columns that may hold a customer's handle or name (``inbox/janedoe_10158``, Messenger's
folder named after the customer; ``https://x.com/jane_doe/status/1``): :func:`pseudonymise`
replaces that part by the customer's pseudonym, the rest of the id stays (ids stay unique)."""
_ID_PART = re.compile(r"[^\W_]+")
# words of ids that are the id's own, never a person's (a customer called "inbox" is not looked for)
_ID_WORDS = frozenset("inbox archived_threads archived message_requests filtered_threads e2ee_cutover "
                      "msg fb ig tw yt li tt post posts comment comments reply replies review reviews "
                      "message messages thread threads status statuses user users http https www com "
                      "net org html json csv".split())


def _squashed(name: object) -> str:
    """A name as Facebook names a Messenger folder after it: lower case, letters and digits only
    ("Jane Doe" -> "janedoe")."""
    return "".join(_ID_PART.findall(fold_unicode(str(name)).lower()))


def _id_words(values: Iterable[object]) -> set[str]:
    """The words of ids worth looking up as a customer's handle or name: those with a letter."""
    words: set[str] = set()
    for v in values:
        if isinstance(v, str) and v:
            low = fold_unicode(v).lower()
            words.update(w for w in _ID_PART.findall(low) if not w.isdigit())
            words.update(w for w in _RUN.findall(low) if not w.isdigit())
    return words


_QUOTED = re.compile(r"""(?P<q>['"‘“])(?P<v>[^'"‘’“”\n]{1,200})['"’”]""")


def hide_people(text: object, frame: pd.DataFrame | None, keep: Iterable[str] = (),
                salt: str = DEFAULT_SALT) -> object:
    """A free-text note (a loader's warning, a summary line) with the customers of ``frame``
    pseudonymised as :func:`pseudonymise` shows them in messages: their handles and full names,
    and any handle or name quoted exactly (``'mark'``, ``'Tom Baker'``), become their pseudonyms;
    e-mail addresses and phone numbers become ``[email]`` and ``[phone]``. The organisation's
    own accounts in ``frame`` (``author_is_org``) and the handles in ``keep`` stay.

    For a report: ``hide_people(w, ds.interactions, keep=keep)`` for each of
    ``ds.load_summary["warnings"]`` before printing it.

    >>> people = pd.DataFrame({"author_id": ["jane_doe", "mark", "AcmeShop"],
    ...                        "author_name": ["Jane Doe", "Mark Evans", "Acme Shop"],
    ...                        "author_is_org": [False, False, True]})
    >>> note = "3 authors ('jane_doe', 'mark', 'AcmeShop'); pass org_handles= with one of ['Mark Evans']"
    >>> hide_people(note, people) == (f"3 authors ('{pseudonym('jane_doe')}', '{pseudonym('mark')}', "
    ...                               f"'AcmeShop'); pass org_handles= with one of ['{pseudonym('mark')}']")
    True
    """
    if not isinstance(text, str) or not text:
        return text
    if frame is None or not isinstance(frame, pd.DataFrame) or "author_id" not in frame or not len(frame):
        return hide_contact_details(text)
    is_org = (org_flags(frame["author_is_org"]).to_numpy(dtype=bool) if "author_is_org" in frame
              else np.zeros(len(frame), dtype=bool))
    org_keys = handle_keys(keep) | {handle_key(v) for col in ("author_id", "author_name") if col in frame
                                    for v in frame[col][is_org].dropna().unique()}
    # a value quoted exactly: a customer's handle or name, whatever it looks like ('mark')
    quoted = {handle_key(m.group("v")) for m in _QUOTED.finditer(text)} - org_keys - {""}
    aliases: dict[str, str] = {}
    if quoted:
        cust = frame[~is_org]
        ids = cust["author_id"]
        id_keys = handle_key_column(ids)
        hit = id_keys.isin(quoted).fillna(False).to_numpy(dtype=bool)
        for key, aid in zip(id_keys[hit], ids[hit]):
            aliases.setdefault(key, pseudonym(aid, salt))
        if "author_name" in cust:
            name_keys = handle_key_column(cust["author_name"])
            hit = name_keys.isin(quoted).fillna(False).to_numpy(dtype=bool)
            for key, aid, name in zip(name_keys[hit], ids[hit], cust["author_name"][hit]):
                aliases.setdefault(key, pseudonym(aid if isinstance(aid, str) and aid.strip(" @") else name, salt))
    if aliases:
        text = _QUOTED.sub(lambda m: m.group(0).replace(m.group("v"), aliases[handle_key(m.group("v"))])
                           if handle_key(m.group("v")) in aliases else m.group(0), text)
    note = pd.DataFrame({"author_id": [None], "author_name": [None], "author_is_org": [False], "text": [text]})
    cols = [c for c in ("author_id", "author_name", "author_is_org") if c in frame]   # (its text is not read)
    return pseudonymise(note, salt=salt, keep=tuple(keep) + tuple(sorted(org_keys)),
                        people=frame[cols])["text"].iloc[0]


def _named_in(people: pd.DataFrame, texts: pd.Series, id_words: set[str] = frozenset()) -> pd.DataFrame:
    """The rows of ``people`` whose author could be named in ``texts``: their handle, or the
    first word of their name, is a word of some text; or whose handle or squashed name
    (``janedoe``) is a word of an id (``id_words``, see :func:`_id_words`). A million people's
    handles and names are not built into tables to look for in twenty messages (that took
    minutes)."""
    words: set[str] = set(id_words)
    for t in texts.dropna():
        if isinstance(t, str):
            low = fold_unicode(t).lower()
            words.update(_RUN.findall(low))
            words.update(_WORD.findall(low))
    if not words or not len(people):
        return people.iloc[0:0]
    keep = handle_key_column(people["author_id"]).isin(words).fillna(False).to_numpy(dtype=bool).copy()
    if id_words and "author_name" in people:
        names = people["author_name"]
        uniq = pd.Series(pd.unique(names.dropna().astype(str)), dtype=object)
        squashed = uniq.map(_squashed)
        wanted = set(uniq[squashed.isin(id_words).to_numpy(dtype=bool)])
        if wanted:
            keep |= names.isin(wanted).to_numpy(dtype=bool)
    if "author_name" in people:
        # a full name is looked for only where its first and last words are both in some text
        # (keyed as the names index is: "Anne-Marie Jones" is "anne" … "jones")
        names = people["author_name"]
        uniq = pd.unique(names.dropna().astype(str))
        wanted = set()
        for n in uniq:
            ws = _WORD.findall(fold_unicode(n).lower())
            if len(ws) >= 2 and ws[0] in words and ws[-1] in words:
                wanted.add(n)
        if wanted:
            keep |= names.isin(wanted).to_numpy(dtype=bool)
    return people[keep]


_ODD_DOT = re.compile(r"(?<=[A-Za-z0-9-])[。．｡](?=[A-Za-z0-9])")
_SCRIPT_SCHEME = re.compile(r"(?i)\b(javascript|vbscript):(?=\S)|\b(data):(?=[a-z]+/[\w.+-]+[;,])")


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

    if any(c in text for c in "。．｡"):   # full stops a browser reads as "." ("evil。com")
        text = _ODD_DOT.sub(".", text)
    if ":" in text and _SCRIPT_SCHEME.search(text):   # javascript:alert(1), data:text/html,…
        text = _SCRIPT_SCHEME.sub(lambda m: (m.group(1) or m.group(2)) + "[:]", text)
    text = _URL.sub(_defang, text)
    out, at = [], 0
    for begin, host_end, end in _bare_domains(text):
        out += [text[at:begin], text[begin:host_end].replace(".", "[.]"), text[host_end:end]]
        at = end
    return "".join(out) + text[at:] if out else text


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
    """Prefix a quote to strings a spreadsheet would treat as a formula: starting with =, +, -,
    @, a tab, CR or LF, or their full-width forms (＝), also after any run of spaces, control
    characters or invisible format characters (a byte-order mark, a zero-width space, ``\x0b``,
    ``\x00``, U+2028…).

    >>> neutralise_cell("=1+1"), neutralise_cell("\u200b=HYPERLINK(1)"), neutralise_cell("ok")
    ("'=1+1", "'\u200b=HYPERLINK(1)", 'ok')
    """
    if isinstance(value, str) and (value.startswith(FORMULA_START)
                                   or _after_blanks(value).startswith(FORMULA_START)):
        return "'" + value
    return value


_BLANK_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf"})


def _after_blanks(value: str) -> str:
    """``value`` without the spaces, controls and invisible format characters it starts with
    (Unicode categories Zs, Zl, Zp, Cc, Cf: ``\x0b``, ``\x00``, U+2000–U+200A, U+2028, U+0085,
    a zero-width space…), which a spreadsheet may skip before a formula."""
    i = 0
    while i < len(value) and unicodedata.category(value[i]) in _BLANK_CATEGORIES:
        i += 1
    return value[i:]


def _safe_cell(value: object) -> object:
    """:func:`neutralise_cell` for a CSV cell, with its line ends made "\\n": a bare CR is not
    quoted by the CSV writer, and a spreadsheet starts a new row at it, so
    ``"ok\\r=cmd|' /C calc'!A0"`` would put a live formula at the start of a row."""
    if isinstance(value, str) and "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return neutralise_cell(value)


def _plain_values(dtype: object) -> bool:
    """Numbers, true/false and dates: nothing in them can be read as a formula."""
    return (pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype)
            or pd.api.types.is_datetime64_any_dtype(dtype) or pd.api.types.is_timedelta64_dtype(dtype))


def safe_csv(frame: pd.DataFrame, path: str | Path | None = None, **kwargs) -> str | None:
    """Write (or return) CSV with every text cell formula-neutralised; numbers are left alone.

    Every column that is not numbers, true/false or dates is checked, whatever its type (object,
    category, string, Arrow string), and so are the column names and, with ``index=True``, the
    index labels (counts per handle from a ``groupby`` have handles there).
    """
    out = frame.copy()
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        if not _plain_values(col.dtype):
            out.isetitem(i, col.astype("object").map(_safe_cell))
    out.columns = [_safe_cell(str(c)) for c in out.columns]
    kwargs.setdefault("index", False)
    if kwargs["index"]:
        idx = out.index
        if isinstance(idx, pd.MultiIndex):
            out.index = pd.MultiIndex.from_tuples(
                [tuple(_safe_cell(v) for v in t) for t in idx],
                names=[_safe_cell(n) if isinstance(n, str) else n for n in idx.names])
        elif not _plain_values(idx.dtype):
            out.index = pd.Index([_safe_cell(v) for v in idx], dtype=object,
                                 name=_safe_cell(idx.name) if isinstance(idx.name, str) else idx.name)
        elif isinstance(idx.name, str):
            out.index = idx.rename(_safe_cell(idx.name))
    return out.to_csv(path, **kwargs)
