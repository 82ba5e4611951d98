"""First names inside message text, hidden so that learners' evidence names nobody.

The course handbook asks learners to anonymise other people's personal details. Handles,
e-mail addresses, phone numbers and the full names of the data's own authors are replaced by
:func:`smlib.privacy.pseudonymise`; a first name written on its own ("That's what we're here for
Miriam", "Patrick on the help desk was brilliant", a reply signed "^Sarah") is not an author's
name, so it is found from a list of common first names that tutors may edit
(``data/first_names.toml``) and becomes ``[name]``.

>>> hide_first_names("That's what we're here for Miriam 😊")
"That's what we're here for [name] 😊"
>>> hide_first_names("Will you reply? Thanks to Grace on the desk, not John Lewis")
'Will you reply? Thanks to [name] on the desk, not John Lewis'
"""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

from .errors import DataError
from .paths import data_file, file_stamp
from .textforms import fold_unicode

NAME_TOKEN = "[name]"


# Full-width letters, digits and signs (ｓａｒａｈ＠ｅｘａｍｐｌｅ．ｃｏｍ, ０７７００ ９００１２３, Ｐａｔｒｉｃｋ) read as
# their ASCII twins, one character for one, so a match's place is the same in both. Here, not in
# smlib.privacy (which uses them too and imports them), because smlib.privacy imports this module.
FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
FULLWIDTH_HINT = re.compile("[\uff01-\uff5e\u3000]")


def twin_text(text: str) -> str:
    """``text`` with full-width characters as their ASCII twins (same length, same places)."""
    return text.translate(FULLWIDTH) if FULLWIDTH_HINT.search(text) else text


def sub_in_twin(rx: re.Pattern, swap: Callable[[re.Match], str], text: str) -> str:
    """``rx.sub(swap, text)``, matched in the text's ASCII twin: what ``swap`` changes is
    replaced in the text itself, the rest keeps its full-width form."""
    twin = twin_text(text)
    if twin is text:
        return rx.sub(swap, text)
    out, at = [], 0
    for m in rx.finditer(twin):
        new = swap(m)
        if new == m.group(0):
            continue
        keep = len(os.path.commonprefix([new, m.group(0)]))   # e.g. the greeting before "[name]"
        out += [text[at:m.start() + keep], new[keep:]]
        at = m.end()
    return "".join(out) + text[at:]


@dataclass(frozen=True)
class FirstNames:
    """The two lists of ``data/first_names.toml`` (lower case) and one regex for both."""

    names: frozenset[str]
    also_words: frozenset[str]
    rx: re.Pattern
    not_people: frozenset[str] = frozenset()    # "john lewis": a first name and a word, a shop
    place_words: frozenset[str] = frozenset()   # "airport": the name before it is a place


def _read(path: str, stamp: tuple | None) -> FirstNames:
    try:
        with open(path, "rb") as fh:
            spec = tomllib.load(fh)
    except FileNotFoundError:
        raise DataError("the first-names file is missing", source=path) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataError(f"the first-names file is not valid TOML: {exc}", source=path) from None
    lists = {}
    for key in ("names", "also_words"):
        value = spec.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise DataError(f"{key} must be a list of names, like [\"sarah\", \"liam\"]",
                            source=path, field=key)
        words = [fold_unicode(v).strip().lower() for v in value]
        bad = [w for w in words if not re.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", w)]
        if bad:
            raise DataError(f"{key}: {bad[0]!r} is not a single name (letters, perhaps with - or ')",
                            source=path, field=key)
        lists[key] = frozenset(words)
    for key, form in (("not_people", r"[^\W\d_]+(?:[-'’][^\W\d_]+)*(?: [^\W\d_]+(?:[-'’][^\W\d_]+)*)+"),
                      ("place_words", r"[^\W\d_]+")):
        value = spec.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise DataError(f"{key} must be a list of words in quotes", source=path, field=key)
        words = [" ".join(fold_unicode(v).lower().split()) for v in value]
        bad = [w for w in words if not re.fullmatch(form, w)]
        if bad:
            what = "a first name and the word after it" if key == "not_people" else "one word"
            raise DataError(f"{key}: {bad[0]!r} is not {what}", source=path, field=key)
        lists[key] = frozenset(words)
    known_keys = {"names", "also_words", "not_people", "place_words"}
    unknown = sorted(set(spec) - known_keys)
    if unknown:
        raise DataError(f"unknown key(s) {unknown}: the file has only {sorted(known_keys)}",
                        source=path, field=unknown[0])
    every = sorted(lists["names"] | lists["also_words"], key=len, reverse=True)
    if not every:
        return FirstNames(frozenset(), frozenset(), re.compile(r"(?!)"), lists["not_people"],
                          lists["place_words"])
    rx = re.compile(r"(?<![\w@＠/.'’-])(" + "|".join(map(re.escape, every)) + r")(?![\w@＠-]|['’](?!s\b)|\.\w)",
                    re.IGNORECASE)
    return FirstNames(lists["names"], lists["also_words"], rx, lists["not_people"], lists["place_words"])


@lru_cache(maxsize=4)
def _cached(path: str, stamp: tuple | None) -> FirstNames:
    return _read(path, stamp)


def first_names(path: str | None = None) -> FirstNames:
    """The first-name lists (read again when the file changes)."""
    p = str(path) if path is not None else str(data_file("first_names.toml"))
    return _cached(p, file_stamp(p))


_SENTENCE_START = re.compile(r"(?:^|[.!?…:;\n]|[@＠][\w.]+|^\W+)\s*$")
_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w'’-]*)\s+$")
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w'’-]*)")


def hide_first_names(text: object, keep: Iterable[str] = (), path: str | None = None) -> object:
    """``text`` with first names written on their own replaced by ``[name]``.

    A name stays when it is part of a longer name ("John Lewis", "HBO Max", "Ben & Jerry's",
    "Joe's Pizza", "St Mark's": another capitalised word, a title or a name next to it), after
    "the" / "a" / "my" ("a Henry hoover"), inside a handle, link or e-mail address, or one of
    ``keep`` (the organisation's own names). Names that are also ordinary words ("Will",
    "Grace") are hidden only with a capital letter in the middle of a sentence; a name written
    in small letters only after a greeting or "to" / "from" / "called" ("thanks sarah": "toby
    carvery" stays). Names typed in full-width letters ("Ｐａｔｒｉｃｋ") are found too. Not text:
    returned as it is. For a column of messages use :func:`first_name_hider` (reads the list once).

    >>> hide_first_names("thanks sarah, and Patrick's help was great. Grace under pressure")
    "thanks [name], and [name]'s help was great. Grace under pressure"
    """
    if not isinstance(text, str) or not text:
        return text
    lists = first_names(path)
    if not lists.rx.search(twin_text(text)):
        return text                # no name from the list at all: the usual case, kept cheap
    return _hider(lists, keep)(text)


def first_name_hider(keep: Iterable[str] = (), path: str | None = None) -> Callable[[object], object]:
    """:func:`hide_first_names` with its lists and ``keep`` read once, for use on many messages:
    a file-date check and the ``keep`` set for every row were half the time of
    :func:`smlib.privacy.pseudonymise` on a 100,000-row column.

    >>> hide = first_name_hider(keep=["Grace Bank"])
    >>> [hide(t) for t in ("Grace Bank says hi", "thanks Grace", None)]
    ['Grace Bank says hi', 'thanks [name]', None]
    """
    return _hider(first_names(path), keep)


def _hider(lists: FirstNames, keep: Iterable[str]) -> Callable[[object], object]:
    """The function :func:`first_name_hider` returns, for lists already read."""
    keep_l = {fold_unicode(str(k)).strip().lower().lstrip("@＠") for k in keep}
    keep_l.discard("")
    long_keep = tuple(k for k in keep_l if " " in k)

    def swap(m: re.Match) -> str:
        return _name_or_word(m, lists, keep_l, long_keep)

    def hide(text: object) -> object:
        if not isinstance(text, str) or not text or not lists.rx.search(twin_text(text)):
            return text
        out = sub_in_twin(lists.rx, swap, text)
        if NAME_TOKEN not in out or _capitals_everywhere(text):
            return out
        # the surname after a hidden first name ("my friend [name] Lloyd") goes with it
        return _AFTER_TOKEN.sub(lambda m: NAME_TOKEN if _surname(m.group(2), lists) else m.group(0), out)
    return hide


def _in_link_or_own_name(m: re.Match, keep_l: set[str], long_keep: tuple[str, ...]) -> bool:
    """The name is the organisation's own ("Grace Bank") or inside a link or an e-mail address
    ("?q=Sarah&x=1", "sarah+shop@gmail.com")."""
    s = m.string
    if fold_unicode(m.group(1)).lower() in keep_l or any(
            s[m.start():m.start() + len(k)].lower() == k for k in long_keep):
        return True
    a, b = s.rfind(" ", 0, m.start()) + 1, s.find(" ", m.end())
    run = s[a:b if b >= 0 else len(s)]
    return ("://" in run or "www." in run.lower() or "@" in run or "=" in run
            or re.search(r"\.\w{2,}/", run) is not None)


def _name_or_word(m: re.Match, lists: FirstNames, keep_l: set[str], long_keep: tuple[str, ...]) -> str:
    """``[name]`` for a matched first name that stands on its own, the word itself otherwise
    (the rules of :func:`hide_first_names`)."""
    word = m.group(1)
    low = fold_unicode(word).lower()
    s = m.string
    if _in_link_or_own_name(m, keep_l, long_keep):
        return word
    end = m.end()
    if s[end:end + 2] in ("'s", "’s"):
        end += 2
    after = s[end:end + 3]
    if after.lstrip().startswith(("&", "+")) or s[m.start() - 1:m.start()] == "&":
        return word                # "Ben & Jerry's", "Tom&Jerry"
    nxt = _NEXT_WORD.match(s, end)
    if nxt and not re.match(r"[.!?,;:…]", s[end:end + 1]):
        w = nxt.group(1)
        wl = fold_unicode(w).lower()
        if f"{low} {wl}" in lists.not_people or wl in lists.place_words:
            return word            # a shop, a brand or a place: "John Lewis", "Logan airport"
        person = (w[:1].isupper() and end == m.end() and low in lists.names
                  and not _capitals_everywhere(s))
        if person and _surname(w, lists):
            return NAME_TOKEN      # a person's full name: "Amy Lloyd" (the surname goes next)
        if person and _plain_word(w):
            pass                   # "Thanks Sarah Great service": the rules below decide
        elif w[:1].isupper() or wl in lists.names or wl in lists.also_words:
            return word            # a longer name, a shop or a place: "Joe's Pizza", "mary jane"
    before = s[max(0, m.start() - 80):m.start()]
    prev = _PREVIOUS_WORD.search(before)
    p_raw = prev.group(1) if prev else ""
    p = p_raw.lower()
    if p.rstrip(".") in _TITLES or before.rstrip().lower().endswith(("st.", "st")) and p in ("st", ""):
        return word                # "St Mark's", "Prince William", "King Charles"
    at_start = bool(_SENTENCE_START.search(before))
    if p and not at_start:
        p_start = bool(_SENTENCE_START.search(before[:prev.start()]))
        if p_raw[:1].isupper() and not p_start and p not in _LOWER_BEFORE:
            return word            # "HBO Max", "Union Jack", "Christmas Eve"
        if p in lists.names or p in lists.also_words:
            return word            # the second of two names: "john lewis"
    if p in _DETERMINERS and not at_start:
        return word                # "The George at Asda range", "a Henry hoover", "my Bill"
    if low in lists.also_words and low not in lists.names:
        if not word[:1].isupper() or word.isupper() or at_start:
            return word            # "will", "WILL", "Will you reply?"
    elif word.islower() and (len(word) < 3 or p not in _LOWER_CUES):
        return word                # "toby carvery", "jasmine rice"; but "thanks sarah"
    return NAME_TOKEN


_AFTER_TOKEN = re.compile(re.escape(NAME_TOKEN) + r"(\s+)([^\W\d_][\w'’-]*)")
_DAYS_MONTHS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december mon tue tues wed thu thur
thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec""".split())


def _plain_word(word: str) -> bool:
    """An ordinary English word, a day or a month ("Great", "Tuesday")."""
    from .language import _english_words
    wl = fold_unicode(word).lower().replace("’", "'")
    base = wl[:-2] if wl.endswith("'s") else wl
    return base in _english_words() or base in _DAYS_MONTHS


def _surname(word: str, lists: FirstNames) -> bool:
    """Could this capitalised word after a first name be the person's surname? It is written
    with one capital ("Lloyd", "Thomas", not "LLOYD" or "lloyd") and is no ordinary English word,
    no day or month, no place word and no name that is also a word ("Sarah Great service", "Tom
    Tuesday", "Amy Grace")."""
    wl = fold_unicode(word).lower().replace("’", "'")
    if not (word[:1].isupper() and (len(word) == 1 or not word[1:].isupper()) and len(wl) >= 2):
        return False
    base = wl[:-2] if wl.endswith("'s") else wl
    return not (_plain_word(word) or base in lists.place_words or base in lists.also_words)


def _capitals_everywhere(text: str) -> bool:
    """Is the message Written With Capitals For Every Word (or in CAPITALS)? Then a capital tells
    nothing about a surname."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    if len(words) < 6:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= 0.6 * len(words)


_TITLES = frozenset({"st", "saint", "prince", "princess", "king", "queen", "lord", "lady", "sir", "dame"})
"""Words before a name that make it a place, a day or a royal ("St Mark's", "Prince William")."""
_DETERMINERS = frozenset({"a", "an", "the", "my", "your", "our", "his", "her", "their", "its", "this",
                          "that", "these", "those", "every", "each", "no", "any", "some"})
"""Words before a name that make it a thing ("my Bill", "the Rose", "a Henry hoover")."""
_LOWER_BEFORE = frozenset({"i", "hi", "hello", "hey", "dear", "thanks", "thank", "cheers", "ta", "to",
                           "and", "or", "with", "from", "by", "for"})
"""Capitalised words before a name that do not make it part of a longer name ("Thanks Will",
"Hi Grace", a title-cased "Thanks To Sarah")."""
_LOWER_CUES = frozenset({"hi", "hello", "hey", "dear", "thanks", "thank", "thx", "cheers", "ta", "to",
                         "from", "called", "named", "and", "ask", "asked", "spoke", "speak", "told", "with", "by",
                         "you"})
"""Words after which a name in small letters is a person ("thanks sarah", "spoke to dave")."""
