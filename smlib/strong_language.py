"""Which messages contain strong language (swearing, slurs), for a content note.

Real exports hold what the public wrote, swearing included. Learners are 16 and up and a tutor
shows reports and notebooks to a class, so the reports and notebooks say up front how many
messages from the public contain strong language (:func:`strong_language_count`). Nothing is
hidden or changed: a monitor must read what people wrote, and an angry message is often the
one that needs action first.

The words are in ``data/strong_language.toml`` (tutors may edit it). Matching is by whole word,
so "Scunthorpe", "classic" and "prickly" never count; an entry ending in ``*`` also matches the
words that start with it ("fuck*": "fucking"). Digits used as letters ("sh1t") and long runs of
one letter ("shiiiit") are read as the word.

>>> has_strong_language(["What a shit service", "Scunthorpe station, classic delay", "SH1IIIT"]).tolist()
[True, False, True]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import numpy as np
import pandas as pd

from .errors import DataError
from .paths import data_file, file_stamp, read_toml
from .textforms import fold_unicode

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "@": "a"})
_LEET_HINT = re.compile(r"[^\W\d_][013457$@]|[013457$@][^\W\d_]")   # "sh1t", "f4ck", "$hit"
_RUNS = re.compile(r"([^\W\d_])\1{2,}")   # three or more of one letter: one letter
_ENTRY = re.compile(r"^[^\W\d_]+(?:['-][^\W\d_]+)*\*?$")


@dataclass(frozen=True)
class StrongWords:
    """The words of ``data/strong_language.toml``: whole words, and stems (entries ending in ``*``)."""

    words: frozenset[str]
    stems: tuple[str, ...]
    rx: re.Pattern   # any of them as a whole word (a stem with any ending), in lower-case text


def _read(path: str, stamp: tuple | None) -> StrongWords:
    spec = read_toml(path, "strong-language word file")
    words = spec.get("words")
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DataError("expected 'words = [\"…\", …]', a list of words in quotes", source=path, field="words")
    bad = [w for w in words if not _ENTRY.match(w.strip().lower())]
    if bad:
        raise DataError(f"each entry must be one word, optionally ending in '*' (e.g. \"fuck*\"); "
                        f"not {bad[:3]}", source=path, field="words")
    clean = [fold_unicode(w.strip().lower()) for w in words]
    whole = frozenset(w for w in clean if not w.endswith("*"))
    stems = tuple(w[:-1] for w in clean if w.endswith("*"))
    alts = [re.escape(w) for w in sorted(whole, key=len, reverse=True)] + \
        [re.escape(st) + r"[^\W_]*" for st in sorted(stems, key=len, reverse=True)]
    rx = re.compile(r"(?<![^\W_])(?:" + ("|".join(alts) or r"(?!)") + r")(?![^\W_])")
    return StrongWords(whole, stems, rx)


@lru_cache(maxsize=4)
def _cached(path: str, stamp: tuple | None) -> StrongWords:
    return _read(path, stamp)


def strong_words(path: str | None = None) -> StrongWords:
    """The word list (read again when the file changes)."""
    p = str(path) if path is not None else str(data_file("strong_language.toml"))
    return _cached(p, file_stamp(p))


def _has(text: object, sw: StrongWords) -> bool:
    """One regex over the text (long letter runs made one letter), and over its digits-as-letters
    reading only when it has a digit or sign that may stand for a letter."""
    if not isinstance(text, str) or not text:
        return False
    low = fold_unicode(text).lower()
    if sw.rx.search(_RUNS.sub(r"\1", low)):
        return True
    return bool(_LEET_HINT.search(low)) and sw.rx.search(_RUNS.sub(r"\1", low.translate(_LEET))) is not None


def has_strong_language(texts: Iterable[object], path: str | None = None) -> np.ndarray:
    """One bool per text: does it contain a word of the strong-language list?"""
    sw = strong_words(path)
    values = list(texts)
    seen: dict[object, bool] = {}
    out = np.zeros(len(values), dtype=bool)
    for i, t in enumerate(values):
        if t not in seen:   # copies and retweets are common: each text is read once
            seen[t] = _has(t, sw)
        out[i] = seen[t]
    return out


def strong_language_count(frame: pd.DataFrame) -> int:
    """How many rows of ``frame`` (its ``text``) contain strong language."""
    if "text" not in frame.columns or not len(frame):
        return 0
    return int(has_strong_language(frame["text"]).sum())


def content_note(count: int, what: str = "messages from the public on these days") -> str:
    """The sentence a report or notebook shows before real messages, or "" when there are none.

    >>> content_note(3)
    'Content note: 3 messages from the public on these days contain strong language (swearing or slurs); some may be quoted below.'
    >>> content_note(0)
    ''
    """
    if not count:
        return ""
    verb = "contains" if count == 1 else "contain"
    noun = what.replace("messages", "message", 1) if count == 1 else what
    return (f"Content note: {count:,} {noun} {verb} strong language (swearing or slurs); "
            "some may be quoted below.")


def content_note_for(messages: pd.DataFrame) -> str:
    """:func:`content_note` for the public's messages in ``messages`` (the organisation's own,
    ``author_is_org``, are left out); "" when none has strong language."""
    public = messages[~messages["author_is_org"].fillna(False).astype(bool)] \
        if "author_is_org" in messages.columns else messages
    return content_note(strong_language_count(public))
