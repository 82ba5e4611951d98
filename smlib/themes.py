"""Themes: what customers talk about — tagged from an editable keyword file, and discovered.

:func:`add_themes` tags each message with customer-service themes listed in
``data/themes.toml`` (delays and cancellations, getting a reply, staff attitude, price and
refunds, faults, delivery, booking/website/app, queues, comfort, cleanliness, safety, lost
property, praise). Tutors can add themes or words there; nothing is hidden in code.

:func:`discover_themes` finds what the list does *not* know: the words and two-word phrases
most typical of negative messages compared with the rest (log-odds with an informative
Dirichlet prior, Monroe et al. 2008), each with real example messages, pseudonymised.

Columns added by :func:`add_themes`:

* ``themes`` — a Python list of theme keys, e.g. ``["delays", "contact"]`` (``[]`` if none).
  Lists are easy in pandas (``df.explode("themes")``); for a CSV use ``"|".join``.
* ``primary_theme`` — the theme with most keyword matches (ties: the theme listed first in the
  file), or ``"none"``.

Example
-------
>>> import pandas as pd, smlib
>>> df = pd.DataFrame({"text": ["Train cancelled again and no reply from the call centre"]})
>>> smlib.add_themes(df)["themes"][0]
['delays', 'contact']
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from .errors import DataError, whole_number
from .schema import org_flags
from .paths import data_file, file_stamp, read_toml
from .privacy import EMAIL_MARK, PHONE_MARK, PSEUDONYM
from .sentiment import _term_regex, clean_text, normalise_term
from .signoff import polite_thanks

NO_THEME = "none"


@dataclass(frozen=True)
class Theme:
    key: str
    label: str
    keywords: tuple[str, ...]
    pattern: re.Pattern
    not_in: re.Pattern | None = None   # phrases in which a keyword does not count ("out of order")

    def hits(self, low: str) -> list[str]:
        """The keywords this theme finds in a cleaned, lower-case text, outside its ``not_in`` phrases."""
        if self.not_in is not None and self.not_in.search(low):
            low = self.not_in.sub(lambda m: " " * len(m.group(0)), low)
        return [m.group(0) for m in self.pattern.finditer(low)]


def read_themes(path: str | Path | None = None) -> list[Theme]:
    """Read and check the theme file; raise :class:`smlib.DataError` naming theme and field."""
    path = Path(path) if path is not None else data_file("themes.toml")
    raw = read_toml(path, "theme keyword file")
    return _themes_from_dict(raw, str(path))


def _themes_from_dict(raw: dict, source: str | None = None) -> list[Theme]:
    out = []
    if not raw:
        raise DataError("no themes defined", source=source)
    for key, spec in raw.items():
        if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            raise DataError(f"theme key {key!r} must be lower case letters, digits or _", source=source,
                            field=key)
        if not isinstance(spec, dict):
            raise DataError(f"theme {key!r} must be a table with label and keywords", source=source, field=key)
        unknown = sorted(set(spec) - {"label", "keywords", "not_in"})
        if unknown:
            raise DataError(f"theme {key!r} has {', '.join(map(repr, unknown))}, which smlib does not "
                            "use: a theme has only 'label', 'keywords' and 'not_in' (is it a typo?)",
                            source=source, field=f"{key}.{unknown[0]}")
        label = spec.get("label")
        kws = spec.get("keywords")
        if not isinstance(label, str) or not label.strip():
            raise DataError(f"theme {key!r} needs a label (text)", source=source, field=f"{key}.label")
        if not isinstance(kws, list) or not kws or not all(isinstance(k, str) and k.strip() for k in kws):
            raise DataError(f"theme {key!r} needs keywords: a list of words or phrases", source=source,
                            field=f"{key}.keywords")
        kws_l = _checked_phrases(key, kws, "keyword", f"{key}.keywords", source,
                                 "has nothing left to match: @handles and links are removed from "
                                 "messages before matching; write the words people use instead")
        not_in = spec.get("not_in", [])
        if not isinstance(not_in, list) or not all(isinstance(k, str) and k.strip() for k in not_in):
            raise DataError(f"theme {key!r}: not_in must be a list of phrases", source=source,
                            field=f"{key}.not_in")
        phrases = _checked_phrases(key, not_in, "not_in phrase", f"{key}.not_in", source,
                                   "has nothing left to match")
        out.append(Theme(key, label.strip(), kws_l, _keywords_regex(kws_l),
                         _keywords_regex(phrases) if phrases else None))
    return out


def _checked_phrases(key: str, phrases: list[str], what: str, field: str, source: str | None,
                     empty: str) -> tuple[str, ...]:
    """The phrases normalised as they will be matched (no repeats), or a DataError naming the
    first that would match everything or nothing: a full-width '＊' is a '*', and an @handle or
    a link is taken out of messages before matching, so nothing of it is left to find."""
    for k in phrases:
        problem = keyword_problem(normalise_keyword(k)) or (None if normalise_keyword(k) else empty)
        if problem:
            raise DataError(f"theme {key!r}: {what} {k!r} {problem}", source=source, field=field)
    return tuple(dict.fromkeys(normalise_keyword(k) for k in phrases))


def normalise_keyword(keyword: str) -> str:
    """A keyword cleaned as messages are before matching (lower case; short forms expanded,
    so a tutor's "doesn't work" or "can’t log in" finds "does not work" / "cannot log in"; the
    Unicode form read alike, so "cafe" + a combining accent finds "café" and ❤️ finds ❤:
    :func:`smlib.sentiment.normalise_term`).

    >>> normalise_keyword("  Doesn’t   WORK ")
    'does not work'
    """
    return normalise_term(keyword)


def keyword_problem(keyword: str) -> str | None:
    """Why a keyword cannot be used as written (None when it is fine): a ``*`` that is not at
    the end of a word, a stem too short to mean anything, or a single letter (which finds that
    letter as a word in most messages, like "a" or "I").

    >>> keyword_problem("cancel*") is None, keyword_problem("*")
    (True, "has a '*' with no letters before it: write it at the end of a word, e.g. 'cancel*'")
    """
    words = keyword.split()
    for w in words:
        if w.strip("*") == "" or "*" in w.rstrip("*"):
            return ("has a '*' with no letters before it: write it at the end of a word, e.g. 'cancel*'"
                    if w.strip("*") == "" else
                    f"has a '*' inside {w!r}: '*' works only at the end of a word, e.g. 'cancel*'")
        if w.endswith("*") and len(w.rstrip("*")) < 2:
            return (f"has {w!r}: one character before '*' matches almost every word; give at least "
                    "two letters before '*'")
    if words and all(w == "<n>" for w in words):
        return ("is only '<n>', which matches every number (and 'a', 'an'): put a word with it, "
                "e.g. '<n> hours'")
    if len(words) == 1 and len(words[0]) == 1 and words[0].isalpha():
        return ("is a single letter, which matches that letter as a word in most messages: "
                "use a whole word or a phrase")
    return None


_OPEN, _CLOSE = r"(?<![\w'])", r"(?![\w'])"
# a word in single quotes is still a word ("left in a 'safe place'", "was 'late'"): an apostrophe
# is part of a word only between letters ("can't", "Liam's"), not as a quotation mark
_QUOTE_OPEN, _QUOTE_CLOSE = r"(?<!\w)(?<!\w')", r"(?!\w)(?!'\w)"


def _keywords_regex(keywords: Iterable[str]) -> re.Pattern:
    """One regex for a keyword list; word boundaries factored out of the alternation (speed)."""
    plain, other = [], []
    for k in sorted(keywords, key=len, reverse=True):
        full = _term_regex(k)
        if full.startswith(_OPEN) and full.endswith(_CLOSE):
            plain.append(full[len(_OPEN):-len(_CLOSE)])
        else:
            if full.startswith(_OPEN):
                full = _QUOTE_OPEN + full[len(_OPEN):]
            if full.endswith(_CLOSE):
                full = full[:-len(_CLOSE)] + _QUOTE_CLOSE
            other.append(full)
    parts = ([_QUOTE_OPEN + "(?:" + "|".join(plain) + ")" + _QUOTE_CLOSE] if plain else []) + other
    return re.compile("|".join(parts))


@lru_cache(maxsize=4)
def _cached_themes(path: str | None, stamp: tuple | None = None) -> tuple[Theme, ...]:
    return tuple(read_themes(path))


def _resolve(themes) -> tuple[Theme, ...]:
    if themes is None or isinstance(themes, (str, Path)):
        path = str(themes) if themes is not None else None
        return _cached_themes(path, file_stamp(themes if themes is not None else data_file("themes.toml")))
    if isinstance(themes, dict):
        return tuple(_themes_from_dict(themes, "themes argument"))
    if isinstance(themes, (list, tuple)) and all(isinstance(t, Theme) for t in themes):
        return tuple(themes)
    raise DataError("themes must be None (the bundled file), a path to a TOML file, or a dict "
                    "{key: {'label': ..., 'keywords': [...]}}")


def theme_labels(themes=None) -> dict[str, str]:
    """``{key: label}`` in file order, e.g. ``{"delays": "Delays and cancellations", ...}``."""
    return {t.key: t.label for t in _resolve(themes)}


def match_themes(text: str, themes=None) -> dict[str, list[str]]:
    """Which keywords of which theme a text matches: ``{theme: [matched words]}``."""
    low = clean_text(text)[0].lower()
    found = {t.key: t.hits(low) for t in _resolve(themes)}
    return {k: v for k, v in found.items() if v}


def add_themes(frame: pd.DataFrame, themes=None, text_col: str = "text") -> pd.DataFrame:
    """Return a copy of ``frame`` with ``themes`` (list of keys) and ``primary_theme``.

    ``themes``: None for ``data/themes.toml``, a path to another TOML file, or a dict.
    If ``sentiment_label`` is present, "praise" is only given to positive messages
    ("thanks for nothing" is not praise). A plain "thanks" that signs off a question ("Is it
    open on Sunday? Thanks") is never praise by itself (:mod:`smlib.signoff`).
    """
    if not isinstance(frame, pd.DataFrame):
        raise DataError(f"add_themes needs a DataFrame, got {type(frame).__name__}")
    if text_col not in frame.columns:
        raise DataError(f"add_themes needs a '{text_col}' column; columns found: "
                        f"{list(map(str, frame.columns))}", field=text_col)
    ths = _resolve(themes)
    codes, uniques = pd.factorize(frame[text_col].astype("object"), use_na_sentinel=True)
    index = _first_word_index(ths)
    tags, prim = [], []
    for u in uniques:
        low = clean_text(u)[0].lower() if isinstance(u, str) else ""
        cand = _candidates(low, index)
        found = {k: ths[k].hits(low) for k in sorted(cand)}
        hit = [(len(h), k, ths[k].key) for k, h in found.items() if h]
        praise = next((k for _, k, key in hit if key == "praise"), None)
        if praise is not None and polite_thanks(low, found[praise]):
            # a plain "thanks" signing off a question ("Is it open on Sunday? Thanks") is
            # politeness, not praise
            hit = [c for c in hit if c[1] != praise]
        tags.append([c[2] for c in hit])
        prim.append(max(hit, key=lambda c: (c[0], -c[1]))[2] if hit else NO_THEME)
    tags.append([])
    prim.append(NO_THEME)
    idx = np.where(codes < 0, len(uniques), codes)
    theme_lists = [list(tags[i]) for i in idx]
    primary = [prim[i] for i in idx]
    out = frame.copy()
    if "sentiment_label" in out.columns and any(t.key == "praise" for t in ths):
        neg = (out["sentiment_label"].astype("object") != "positive").to_numpy()
        for i in np.flatnonzero(neg):
            if "praise" in theme_lists[i]:
                theme_lists[i] = [t for t in theme_lists[i] if t != "praise"]
                if primary[i] == "praise":
                    primary[i] = _primary_without(clean_text(frame[text_col].iloc[i])[0].lower(), ths)
    out["themes"] = pd.Series(theme_lists, index=out.index, dtype="object")
    out["primary_theme"] = pd.Series(primary, index=out.index, dtype="object")
    return out


_TOKEN = re.compile(r"[\w'£$]+|[^\w\s]")


@lru_cache(maxsize=8)
def _first_word_index(ths: tuple[Theme, ...]) -> tuple[dict[str, set[int]], re.Pattern | None, dict[str, set[int]]]:
    """Index of each keyword's first word, so only themes that can match are tried (speed)."""
    exact: dict[str, set[int]] = {}
    stems: dict[str, set[int]] = {}
    for k, t in enumerate(ths):
        for kw in t.keywords:
            head = kw.split()[0]
            is_stem = bool(re.fullmatch(r"[\w']+\*", head))
            if not is_stem and not head.startswith("<n>"):
                head = (_TOKEN.findall(head.rstrip("*")) or [head])[0]
            if is_stem:
                stems.setdefault(head[:-1], set()).add(k)
            elif head.startswith("<n>"):   # "<n> hours": a number in digits or words
                exact.setdefault("<n>", set()).add(k)
            elif head.startswith(("£", "$")):
                exact.setdefault(head[0], set()).add(k)
            else:
                exact.setdefault(head, set()).add(k)
    stem_re = re.compile("|".join(sorted(map(re.escape, stems), key=len, reverse=True))) if stems else None
    return exact, stem_re, stems


def _candidates(low: str, index) -> set[int]:
    exact, stem_re, stems = index
    out: set[int] = set()
    toks = set(_TOKEN.findall(low))
    # a word in single quotes ("'late'") is the word too
    toks |= {t.strip("'") for t in toks if "'" in t and t.strip("'")}
    for tok in toks:
        hit = exact.get(tok)
        if hit:
            out |= hit
        if tok[0] in "£$" and tok[0] in exact:
            out |= exact[tok[0]]
        if stem_re is not None:
            m = stem_re.match(tok)
            if m:
                # every stem that is a prefix of the token
                for st, ks in stems.items():
                    if tok.startswith(st):
                        out |= ks
    if "<n>" in exact:   # numbers can be words ("two hours"): always try these themes
        out |= exact["<n>"]
    return out


def _known_theme(term: str, pat: re.Pattern, lows: list[str], ths: Iterable[Theme]) -> str:
    """The theme that finds ``term`` in most of the messages that use it, as the theme file
    reads them there (its ``not_in`` phrases count: "order" in "out of order" is not delivery);
    '' when no theme does in at least half of them."""
    using = [low for low in lows if pat.search(low)]
    if not using:
        return next((t.key for t in ths if t.pattern.search(term)), "")
    best, best_n = "", 0
    for t in ths:
        if not t.pattern.search(term):
            continue
        n = sum(1 for low in using if any(term in h or h in term for h in t.hits(low)))
        if n > best_n:
            best, best_n = t.key, n
    return best if 2 * best_n >= len(using) else ""


def _primary_without(low: str, ths: Iterable[Theme], skip: str = "praise") -> str:
    best = NO_THEME, 0
    for t in ths:
        if t.key == skip:
            continue
        n = len(t.hits(low))
        if n > best[1]:
            best = t.key, n
    return best[0]


# --------------------------------------------------------------------------- discovery

STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves get got im ive dont cant also us let one would will
still via amp rt u ur yes hi hello hey ok okay thanks thank please pls would like know need want
today yesterday tomorrow day days time just really even back going go gone make made
theres thats whats whos youre youve youll youd hes shes weve
theyre theyve isnt arent wasnt werent doesnt didnt wont wouldnt couldnt shouldnt havent hasnt
""".split())
_WORD = re.compile(r"[a-z][a-z']+")


def _kept(word: str) -> bool:
    """A word worth counting: not a stopword (contractions too: "there's", "don't"), not tiny."""
    if len(word) <= 2 or word in STOPWORDS:
        return False
    if "'" in word:    # i'll, we'll, there's, don't: a stopword before or without the apostrophe
        return word.split("'")[0] not in STOPWORDS and word.replace("'", "") not in STOPWORDS
    return True


def _terms(low: str) -> set[str]:
    """The words and two-word phrases of one lower-cased message.

    A phrase is two kept words that stand next to each other in the message: a dropped word
    between them breaks it ("there's no train" has no phrase "there's train"), so every phrase
    can be found, as written, in the messages it came from. Punctuation breaks a phrase too.

    >>> sorted(_terms("there's no train, the ticket machine is broken. staff rude"))
    ['broken', 'machine', 'rude', 'staff', 'staff rude', 'ticket', 'ticket machine', 'train']
    """
    found = list(_WORD.finditer(low))
    words = [m.group().strip("'") for m in found]
    kept = [_kept(w) for w in words]
    grams = {w for w, k in zip(words, kept) if k}
    for i in range(len(words) - 1):
        # only across a space: "report. missed" or "late/cancelled" are not phrases
        if kept[i] and kept[i + 1] and low[found[i].end():found[i + 1].start()].isspace():
            grams.add(f"{words[i]} {words[i + 1]}")
    return grams


_HIDDEN = re.compile(rf"@?{PSEUDONYM.pattern}|{re.escape(EMAIL_MARK)}|{re.escape(PHONE_MARK)}")
"""A pseudonym or a hidden e-mail address/phone number (:mod:`smlib.privacy`): not a word."""


_EXAMPLE_CHARS = 200
"""Longest example shown for a discovered term (longer ones are cut, ending with "…")."""


def discover_themes(frame: pd.DataFrame, top: int = 15, min_count: int = 3, examples: int = 2,
                    themes=None, text_col: str = "text", customers_only: bool = True,
                    keep: Iterable[str] = ()) -> pd.DataFrame:
    """Words and phrases typical of negative messages, with pseudonymised example messages.

    Compares negative messages with all other messages in ``frame`` (filter it to the days you
    monitor first). For each word or two-word phrase used in at least ``min_count`` negative
    messages it computes a log-odds z-score (how much more typical it is of complaints than of
    the rest, allowing for how common it is), and says which known theme, if any, already
    covers it (``known_theme`` empty = something the theme file does not know yet).

    Columns: ``term, negative_messages, other_messages, z, known_theme, examples``. ``z`` is 0
    when the messages use only one word between them (nothing to compare it with).
    """
    if not isinstance(frame, pd.DataFrame):
        raise DataError(f"discover_themes needs a DataFrame, got {type(frame).__name__}")
    if text_col not in frame.columns:
        raise DataError(f"discover_themes needs a '{text_col}' column", field=text_col)
    for name, value, least in (("top", top, 1), ("min_count", min_count, 1), ("examples", examples, 0)):
        whole_number(name, value, least)
    df = frame
    if customers_only and "author_is_org" in df.columns:
        df = df[~org_flags(df["author_is_org"])]
    if "sentiment_label" not in df.columns:
        from .sentiment import add_sentiment
        df = add_sentiment(df, text_col=text_col)
    cols = ["term", "negative_messages", "other_messages", "z", "known_theme", "examples"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    # words come from the text as learners may see it: a customer's name, handle, e-mail address
    # or phone number is not a theme to discover (nor are the pseudonyms that replace them)
    from .privacy import inert_urls, pseudonymise
    # the organisation's own names stay readable: its rows' authors, and ``keep`` (e.g.
    # smlib.metrics.org_handles(ds) for a file with none of its own messages)
    keep = tuple(str(k) for k in keep)
    if "author_is_org" in frame.columns:
        org = frame[org_flags(frame["author_is_org"])]
        keep += tuple(str(v) for c in ("author_id", "author_name") if c in org.columns
                      for v in org[c].dropna().unique())
    shown = pseudonymise(df[[c for c in (text_col, "author_id", "author_name", "author_is_org")
                             if c in df.columns]].rename(columns={text_col: "text"}), keep=keep)
    texts = shown["text"].tolist()
    lows = [clean_text(_HIDDEN.sub(" ", t))[0].lower() if isinstance(t, str) else "" for t in texts]
    neg = (df["sentiment_label"].astype("object") == "negative").to_numpy()
    doc_terms = [_terms(t) for t in lows]
    cn, co = Counter(), Counter()
    for terms, is_neg in zip(doc_terms, neg):
        (cn if is_neg else co).update(terms)
    n_neg = int(neg.sum())
    if n_neg == 0:
        return pd.DataFrame(columns=cols)
    total = cn + co
    # informative Dirichlet prior scaled to a modest strength
    a0 = 10.0 * len(total)
    tot_all = sum(total.values())
    rows = []
    nn, no = sum(cn.values()), sum(co.values())
    for term, k in cn.items():
        if k < min_count:
            continue
        prior = a0 * total[term] / tot_all
        y1, y2 = k, co.get(term, 0)
        if total[term] == tot_all:
            # the only word in every message (e.g. the same complaint sent many times): there is
            # no other word to compare it with, so its odds are undefined; list it with z = 0
            rows.append((term, y1, y2, 0.0))
            continue
        l1 = math.log((y1 + prior) / (nn + a0 - y1 - prior))
        l2 = math.log((y2 + prior) / (no + a0 - y2 - prior))
        var = 1.0 / (y1 + prior) + 1.0 / (y2 + prior)
        rows.append((term, y1, y2, (l1 - l2) / math.sqrt(var)))
    rows.sort(key=lambda r: (-round(r[3], 9), -(" " in r[0]), r[0]))
    # drop a single word when a phrase containing it ranks higher and explains it
    picked: list[tuple] = []
    for r in rows:
        if len(picked) >= top:
            break
        if any(r[0] in p[0].split() and p[1] >= 0.8 * r[1] for p in picked if " " in p[0]):
            continue
        picked.append(r)
    ths = _resolve(themes)
    out = []
    for term, y1, y2, z in picked:
        pat = re.compile(r"\b" + re.escape(term).replace(r"\ ", r"\s+") + r"\b")
        known = _known_theme(term, pat, [lows[i] for i in np.flatnonzero(neg)], ths)
        ex = []
        for i in np.flatnonzero(neg):
            if pat.search(lows[i]):
                shown = inert_urls(str(texts[i]))
                # cut long ones with "…", as the tables say cut messages end
                ex.append(shown if len(shown) <= _EXAMPLE_CHARS else shown[:_EXAMPLE_CHARS - 1].rstrip() + "…")
                if len(ex) >= examples:
                    break
        out.append({"term": term, "negative_messages": y1, "other_messages": y2, "z": round(z, 2),
                    "known_theme": known, "examples": ex})
    return pd.DataFrame(out, columns=cols)


def discoveries_for_people(found: pd.DataFrame, themes=None, sep: str = " | ") -> pd.DataFrame:
    """:func:`discover_themes` output ready to show: theme names, examples as one text.

    ``known_theme`` keys become their labels ("delays" -> "Delays and cancellations"); the
    ``examples`` lists become one string joined by ``sep``, with links made inert. The ``z``
    column is left out (it means nothing to a learner). Returns a new frame.

    >>> found = pd.DataFrame({"term": ["late"], "negative_messages": [3], "other_messages": [0],
    ...                       "z": [2.1], "known_theme": ["delays"], "examples": [["Late again", "So late"]]})
    >>> discoveries_for_people(found).iloc[0, [0, 3, 4]].tolist()
    ['late', 'Delays and cancellations', 'Late again | So late']
    """
    from .privacy import inert_urls
    labels = theme_labels(themes)
    out = found.drop(columns=["z"], errors="ignore").copy()
    if "known_theme" in out.columns:
        out["known_theme"] = out["known_theme"].map(lambda k: labels.get(k, k) if k else "")
    if "examples" in out.columns:
        out["examples"] = out["examples"].map(
            lambda ex: sep.join(inert_urls(str(e)) for e in ex) if isinstance(ex, (list, tuple)) else ex)
    return out
