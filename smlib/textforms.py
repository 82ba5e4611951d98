"""One Unicode form for what tutors type in ``data/`` and what the public writes.

Why a module of its own: profiles (``schema``), opening hours (``hours``), keywords (``themes``,
``priority``), the lexicon (``sentiment``), handles (``loaders``, ``privacy``) all fold text the same
way, and none of them should have to import the sentiment analyser (and vaderSentiment) for it.
"""
from __future__ import annotations

import re
import unicodedata

_SAME_CHARACTER = {
    **{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)},   # full-width Ａ-ｚ ０-９ ！ ＇ -> ASCII
    **{c: 0x20 for c in (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)},  # odd spaces
    0x2019: 0x27, 0x02BC: 0x27,                          # ’ and ʼ are the apostrophe '
    0x200B: None, 0x2060: None, 0xFEFF: None,            # zero-width space, word joiner, stray BOM
}
_HAS_SAME_CHARACTER = re.compile("[" + "".join(re.escape(chr(c)) for c in _SAME_CHARACTER) + "]")
"""Finds a character ``_SAME_CHARACTER`` changes: most non-ASCII text (emoji, accents) has none,
and the search is much faster than ``str.translate`` with a dict."""
EMOJI_MODIFIERS = "\ufe0e\ufe0f" + "".join(map(chr, range(0x1F3FB, 0x1F400)))
"""Variation selectors (text / emoji style: ❤ vs ❤️) and the five skin tones (👍🏽): they change how
an emoji looks, not what it means."""
_NO_MODIFIERS = {ord(c): None for c in EMOJI_MODIFIERS}
MODIFIERS_RX = f"[{EMOJI_MODIFIERS}]*"


def fold_unicode(text: str, emoji: bool = True) -> str:
    """The one Unicode normalisation between what a tutor types in ``data/`` and what the public
    writes: every keyword, lexicon term, priority word and profile handle goes through it, and
    so does message text before matching (through :func:`smlib.sentiment.clean_text`).

    Editors write the same thing in different code points: a Mac or phone may store "café" as
    "cafe" + a combining accent (NFD), smart punctuation makes ' into ’, Excel and web pages
    paste no-break spaces, phones add an emoji-style selector (❤️) or a skin tone (👍🏽), and
    Asian keyboards type full-width letters (ｒｅｆｕｎｄ). All of these become one form:
    composed accents (NFC), ASCII apostrophe, space and full-width letters, no zero-width
    characters, and with ``emoji`` no variation selectors or skin tones. Plain ASCII text is
    returned unchanged. Accents are kept: "café" and "cafe" stay different words.

    ``emoji=False`` keeps selectors and skin tones: VADER scores the message text with them
    (its emoji table has "medium skin tone"), and lexicon terms match an emoji with or without
    them anyway (:func:`literal`).

    >>> fold_unicode("Cafe\u0301 doesn’t\u00a0open ❤️ 👍🏽 ＯＫ") == "Café doesn't open ❤ 👍 OK"
    True
    """
    if text.isascii():
        return text
    if _HAS_SAME_CHARACTER.search(text):
        text = text.translate(_SAME_CHARACTER)
    text = unicodedata.normalize("NFC", text)
    return text.translate(_NO_MODIFIERS) if emoji else text


def literal(word: str) -> str:
    """``re.escape(word)``, except that an emoji or other symbol also matches with a variation
    selector or skin tone after it: a term "👍" or "❤" (:func:`smlib.sentiment.normalise_term`
    removed them from the term) finds "👍🏽" and "❤️" whole. ASCII words give exactly ``re.escape(word)``."""
    if word.isascii():
        return re.escape(word)
    return "".join(re.escape(c) + (MODIFIERS_RX if not c.isascii() and not (c.isalnum() or c == "_")
                                   else "") for c in word)
