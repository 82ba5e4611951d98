"""Does a message look like English? smlib's sentiment, themes and priority words read English only.

A complaint in Welsh or Polish ("gwasanaeth ofnadwy", "okropna obsługa": awful service) scores
neutral, so a summary of such messages would say "0% complaints" without a word of warning.
:func:`looks_english` gives a cheap, explainable test for the caveat: a text of three words or
more looks English when at least one of its words (of two letters or more) is a common English
word or an English sentiment word (VADER's lexicon); a file's ``language`` code, when it has one, decides instead.

It only decides whether to warn. It is no language detector: a short English text of rare words
may fail it, and a foreign text with an English loan word ("hotel", "ok") passes.

>>> looks_english(["My train is late again", "Mae fy nhrên yn hwyr eto", "ok 👍"]).tolist()
[True, False, True]
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

import numpy as np
import pandas as pd

_COMMON = frozenset("""
a about after again all also always am an and any are as at away back bad be because been before
being best better but by can can't cannot come could day did didn't do does doesn't don't done down
each even ever every for from get gets getting got had has hasn't have haven't he her here him his
how i i'm i've if in is isn't it it's its just know last like long make many me more most much my
need never new no not now of off on once one only or other our out over please really right said
same say see she should since so some still such take than thank thanks that the their them then
there these they this those through time to today too train two up us very wait waiting want was
wasn't way we well were what when where which while who why will with without won't would you
your you're yes
""".split())
"""The commonest English words (function words and a few everyday customer-service ones)."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_HANDLE_OR_LINK = re.compile(r"[@#]\w+|https?://\S+|www\.\S+")


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    vader = {w for w in SentimentIntensityAnalyzer().lexicon if w.isalpha()}
    return frozenset(_COMMON | vader)


def looks_english(texts: Iterable[object], languages: Iterable[object] | None = None) -> np.ndarray:
    """True for each text that looks English, or is too short to tell (fewer than three words).

    ``languages``: a code per text (``"en"``, ``"cy"``, ``"en-GB"``, blank when unknown), as some
    exports give; where it is filled it decides.
    """
    texts = list(texts)
    out = np.ones(len(texts), dtype=bool)
    codes = list(languages) if languages is not None else [None] * len(texts)
    known = _english_words()
    for i, (t, code) in enumerate(zip(texts, codes)):
        if isinstance(code, str) and code.strip() and code.strip().lower() not in ("und", "zxx", "qme", "qht"):
            out[i] = code.strip().lower()[:2] == "en"
            continue
        if not isinstance(t, str):
            continue
        words = [w.lower().replace("’", "'") for w in _WORD.findall(_HANDLE_OR_LINK.sub(" ", t))]
        # (one-letter words prove nothing: "i" and "a" are words in Welsh, Polish, Spanish …)
        if len(words) >= 3 and not any(len(w) > 1 and w in known for w in words):
            out[i] = False
    return out


def not_english_count(frame: pd.DataFrame) -> int:
    """How many rows of ``frame`` (its ``text``, and ``language`` when present) do not look English."""
    if "text" not in frame.columns or not len(frame):
        return 0
    langs = frame["language"] if "language" in frame.columns else None
    return int((~looks_english(frame["text"], langs)).sum())
