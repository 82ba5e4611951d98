"""Sentiment for customer-service messages: VADER plus a customer-service layer, explainable.

Plain VADER (a general-purpose social-media lexicon) misses most complaints: "my flight was
delayed 3 hours and nobody told us" has almost no negative word in its lexicon, and "please
help, thanks" reads as praise. smlib keeps VADER's method (word scores, boosters, negation,
"but", capitals, "!") and adds, in this order:

1. **Clean-up** – HTML entities, links and @handles removed; short forms expanded
   ("doesn't" → "does not"); hashtags split into words (``#NeverAgain`` → "never again").
2. **Customer-service lexicon** – words, phrases and emoji from ``data/sentiment_lexicon.csv``
   (tutors can edit it): delays, cancellations, waiting, "still no reply", lost items,
   refunds, faults, "on hold", broken promises, "never again", and reassurance such as
   "no problems" or "couldn't be happier". Requests ("please", "help") are not praise.
3. **Sarcasm cues** – "love waiting…", "thanks for losing…", "great job… not".
   **Failed expectations** – a negated service verb ("hasn't been refunded", "didn't turn
   up", "no one got back to me") is a complaint even without an emotional word.
4. **Polite words do not cancel a complaint** – "thanks"/"appreciate" count for nothing in a
   message that also contains a complaint, and a question signed off "thanks" is an enquiry.
5. **Long texts** (reviews, e-mails) are scored sentence by sentence and averaged, so one
   gushing or furious sentence does not saturate the whole text.
6. **Neutral band** – scores between ``NEGATIVE_BELOW`` and ``POSITIVE_FROM`` are neutral.
7. **Star ratings** – a review's stars (a ``rating`` column, 1…5) are the reviewer's own verdict.
   Where the words and the stars disagree, the stars win: 1–2 stars are negative, 4–5 positive,
   3 stars leave the words to decide (see :func:`apply_ratings`). Sarcasm such as "wow, a whole
   9 days to answer an email, you're really spoiling us" with 1 star is a complaint.

Columns added by :func:`add_sentiment`: ``sentiment`` (−1…1), ``sentiment_label``
(negative / neutral / positive), ``sentiment_rules`` (which rules fired, plain English, ``; ``
joined) and ``sentiment_corrected`` (True where a learner's correction replaced the label).

Example
-------
>>> import pandas as pd, smlib
>>> df = pd.DataFrame({"text": ["Still no reply after 3 days", "No problems at all, thanks!"]})
>>> smlib.add_sentiment(df)["sentiment_label"].tolist()
['negative', 'positive']
>>> smlib.explain_sentiment("Love waiting on hold for an hour")[["what", "effect"]]  # doctest: +SKIP
"""
from __future__ import annotations

import csv
import gc
import html
import math
import os
import re
import string
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import (BOOSTER_DICT, C_INCR, N_SCALAR, NEGATE, SPECIAL_CASES,
                                           SentimentIntensityAnalyzer, SentiText)

from .errors import DataError
from .signoff import signs_off
from .paths import data_file, file_stamp
from .stars import SCALE, not_whole_stars, read_stars

LABELS = ("negative", "neutral", "positive")
NEGATIVE_BELOW = -0.05
"""Scores at or below this are negative (VADER's own recommended cut-off)."""
POSITIVE_FROM = 0.05
"""Scores at or above this are positive (VADER's own recommended cut-off)."""
COMPLAINT_CUE = -1.0
"""A word scoring this or lower marks the message as a complaint (for the politeness rule)."""
QUESTION_KEEPS = 2.5
"""In a message that asks something, positive words weaker than this (outside the question) count
for nothing ("Is it open on Sunday? Thanks 🙂"); inside the question sentence no positive word counts."""
ENQUIRY_KEEPS = -2.0
ENQUIRY_FACTOR = 0.2
"""In a question that starts like one ("Can I get a refund if my train is cancelled?"), negative
words milder than ``ENQUIRY_KEEPS`` count ``ENQUIRY_FACTOR`` as much."""
APOLOGY_FACTOR = 0.3
"""In an apology sentence ("sorry for the delay"), negative words count this much."""
LONG_TEXT_CHARS = 320
LONG_TEXT_SENTENCES = 4
SENTENCE_CACHE = 600_000
"""Sentences remembered per process (brand replies and copied complaints repeat a lot); about
430 bytes each, so at most about 260 MB. 1M generated interactions have about 300,000 distinct
sentences: with the earlier 200,000 a quarter more sentences were scored again."""
TEXT_CACHE = 200_000
"""Whole messages remembered per process: notebooks score the same frame in several analyses."""
PARALLEL_FROM = 50_000
"""Use a process pool when there are at least this many *unique* texts to score."""

POLITE_WORDS = frozenset({"thanks", "thank", "thx", "ty", "appreciate", "appreciated", "cheers",
                          "grateful", "welcome"})
"""Politeness that does not count as praise inside a complaint or an enquiry."""
POLITE = POLITE_WORDS
_POSITIVE_SARCASM = (r"love|loving|loved|enjoy|enjoying|enjoyed|adore|great|nice|fantastic|"
                     r"brilliant|wonderful|awesome|fun|amazing|perfect|excellent")
_SARCASM_WAIT = re.compile(
    rf"\b(?:i |just |really |so |absolutely )*(?:{_POSITIVE_SARCASM})\s+"
    r"(?:(?:it|when|that|how|being|sitting|spending|having|getting|the|a|at)\s+){0,3}"
    r"(?:waiting|wait|waits|on hold|stuck|standstill|delayed|delays|sat|sitting|queuing|queueing|"
    r"stranded|cancel\w*|ignored|lost(?!\s+property))\b"
    r"(?!\s+(?:is|was|were)\s+(?:only|short|quick|not long))")
"""Praise of a wait or failure ("love waiting on hold"); not "loved the lost property team" (a
place) or "nice when the wait is only 5 minutes" (a short wait is good news)."""
_SARCASM_THANKS = re.compile(
    r"\b(?:thanks|thank you|cheers|well done|nice one|good job|great job)\s+(?:so much\s+|very much\s+|a lot\s+)?"
    r"for\s+(?:the\s+)?"
    r"(?:delay\w*|wait\w*|los(?:ing|t)|cancel\w*|ruin\w*|wast\w*|ignor\w*|leaving|"
    r"keeping (?:me|us) (?:waiting|hanging|on hold|in the dark)|"
    r"making me wait|breaking|charging|overcharging|nothing)\b")
"""Thanks or praise for a failure ("thanks for losing my bag", "well done for charging me twice");
"thanks for keeping me updated" is sincere, so only "keeping me waiting/on hold/in the dark" counts."""
_SARCASTIC_PRAISE = frozenset({"well done", "nice one", "good", "great", "nice"})
"""Praise words the thanks-for-a-failure rule also turns round ("well done for losing …")."""
_SARCASM_NOT = re.compile(r"(?:\.\.\.|…|,| -|[\"'”])\s*not[.!]*\s*$|#not\b|\bnot!+\s*$")


def _may_end_not(low: str) -> bool:
    """Cheap test before ``_SARCASM_NOT``: every match is "#not" or a "not" that only ". ! and
    spaces follow. The regex starts with alternatives and is tried at every character; most
    sentences with a "not" in them ("I have not received …") fail this at once."""
    return "not" in low and ("#not" in low or low.rstrip().rstrip(".!").endswith("not"))
_LOVE_WHEN = re.compile(r"\b(?:(?:love|loving|gotta love|got to love|have to love)\s+(?:it\s+)?(?:when|how)|"
                        r"(?:amazing|funny|great|brilliant|nice|lovely|wonderful)\s+how)\b")
_LOVE_DOING = re.compile(r"(?:^|[.!?]\s+)\W*(?:i\s+)?(?:just\s+|really\s+|absolutely\s+|so\s+)?"
                         r"(?:love|loving|loved|gotta love|got to love)\s+\w+ing\b")
"""A message that opens "Love paying …" / "Loving being …" and then reports a problem is sarcastic."""
_OH_GREAT = re.compile(r"(?:^|[.!?,]\s*)(?:oh|ah|wow)[,!.]*\s+(?:great|brilliant|wonderful|fantastic|lovely|"
                       r"perfect|good|nice|joy|super|marvellous|marvelous|amazing|fab|cheers|thanks)\b")
_GREAT_ANOTHER = re.compile(r"(?:^|[.!?]\s+)\W*(?:great|brilliant|wonderful|fantastic|lovely|perfect|"
                            r"marvellous|marvelous|superb|excellent|awesome|amazing|fab|super|nice one)"
                            r"\s*[,.!…]+\s*(?:[\w']+\s+){0,4}?(?:yet\s+)?(?:another|again)\b"
                            r"(?!.*\b(?:thank|thanks|despite|but|though|although)\b)")
"""A praise word said on its own and then "another" / "again" ("Great, another delay.",
"Brilliant. Cancelled again."): in a message with a complaint word, sarcasm."""
IRONY_EMOJI = frozenset({"🙄", "🙃", "🤡", "😒"})
_FACE_CHAR = re.compile(r"[:;=()<>^\[\]{}|]")
"""Every face in VADER's lexicon has one of these (":(", "<3", "^_^"); its number codes ("143")
are not faces."""
_NOT_AFTER_NOBODY = frozenset({"better", "best", "more", "cheaper", "faster", "nicer", "kinder", "friendlier"})
"""Comparisons after "nobody" are praise of this business ("nobody does it better")."""
_ASKS = re.compile(r"^\W*(?:(?:hi|hello|hey|morning|evening|afternoon|quick question|sorry)\b[^?]*?[,:.!]\s*)?"
                   r"(?:can|could|may|is|are|was|were|do|does|did|will|would|should|have|has|when|where|"
                   r"how|what|which|who|whose|whom)\b")
_WHY = re.compile(r"^\W*(?:so\s+|but\s+|and\s+|hey\s+|seriously\s+)?why\b")
_REQUEST = re.compile(r"\b(?:can|could|would|will)\s+(?:you|u|someone|somebody|anyone|anybody)\b|"
                      r"\b(?:please|pls|plz)\s+(?:can|could|would|help|call|check|send|let|tell|reply|get|"
                      r"sort|fix|look|advise|confirm|contact|dm|message|email|ring|update|cancel|refund)\b",
                      re.IGNORECASE)
"""A request without a question mark ("Can someone call me back please, thanks")."""
_IRONY_GATE = ("nothing says", "oh wait", "some kind of record", "for the privilege of", "what a surprise",
               "who would have thought", "shock horror", "living the dream", "never fail", "only took",
               "really needed that", "another day")
"""Literal text every ``_IRONY`` alternative contains: most messages skip the regex."""
_IRONY = re.compile(r"\bnothing says\b.*\blike\b|\boh wait\b|\bsome kind of record\b|\bfor the privilege of\b|"
                    r"\bwhat a surprise\b|\bwho would have thought\b|\bshock horror\b|\bliving the dream\b|"
                    r"\bnever fails? to disappoint\b|\bonly took\b(?:\s+[\w-]+){0,3}?\s+(?:weeks|months|years|ages|forever)\b|\breally needed that\b|\banother day,? another\b")
_APOLOGY = re.compile(r"\b(?:sorry (?:to hear|for|about|that|you)|(?:we|i) apologi[sz]e|apologies (?:for|about)|"
                      r"(?:we are|we're) (?:so |very |really )?sorry|"
                      r"we (?:completely |totally |fully |can |do )?understand (?:how|that|your|why))\b")
"""Apologies and a brand's empathy ("we understand how frustrating that is")."""
_CANT_EXCEPT = (r"wait|believe|thank|complain|fault|recommend|be happier|be better|praise|stop|get enough|"
                r"say enough|live without|miss")
_GATE_WAIT = re.compile(r"wait|hold|stuck|standstill|delay|sat\b|sitting|queu|strand|cancel|ignor|lost")
_GATE_WAIT_WORDS = ("wait", "hold", "stuck", "standstill", "delay", "sat", "sitting", "queu", "strand",
                    "cancel", "ignor", "lost")


_RESOLVED = re.compile(
    r"\b(?:thanks|thank you|thank u|thankyou|thx|cheers|grateful|appreciate\w*)\b[^.!?]{0,30}?\bfor\s+"
    r"(?:(?:the|your|all|quick|fast|speedy|so|very|much|a|lot|of|me)\s+){0,3}"
    r"(?:sorting|sorted|fixing|fixed|finding|found|resolving|resolved|refunding|replacing|processing|"
    r"tracking down|dealing with|helping(?: me)? with|help with|rebooking|compensating|returning|"
    r"recovering|handling|getting back to me about|keeping (?:me|us|everyone) (?:updated|informed|posted|in the loop)|"
    r"(?:the|your|regular|clear) (?:updates?|information|info|announcements?)|letting (?:me|us) know)\b")
"""Thanks for putting a problem right ("thanks for finding my lost bag", "thank you for sorting my
refund"): the problem words name what was fixed. Thanks for keeping people updated during a problem ("thanks
for keeping us updated during the signal failure") names the problem the same way. Like an apology,
they count a third as much, so the thanks is not cancelled as if the message were a complaint."""
_BADLY = re.compile(r"\b(?:badly|poorly|terribly|awfully|horribly|appallingly|slowly|late|wrongly|"
                    r"incorrectly|rudely|unprofessionally)\b")
"""A manner of failure inside the thanks ("thank you for dealing with my complaint so badly"): sarcasm."""
_CLAUSE_END = re.compile(r"[,.;:!?…]|\s[-–—]\s|\bbut\b")
_STILL_WRONG = re.compile(r"\b(?:but|however|although|though|still|yet|again|except)\b(?!\s+(?:sorted|fixed|all good|resolved))")
"""After the thanks, a contrast or "still"/"again" means a problem remains ("thanks for sorting my
refund but the train was late again"): the rule is not used."""


def _gate_resolved(low: str) -> bool:
    """Cheap test before ``_RESOLVED`` (" for " first: most sentences fail there, after one test)."""
    return " for " in low and ("thank" in low or "cheers" in low or "thx" in low or "grateful" in low
                               or "apprec" in low)


def _gate_wait(low: str) -> bool:
    """Cheap test before ``_SARCASM_WAIT``: a word for waiting or failing is in the text."""
    for w in _GATE_WAIT_WORDS:
        if w in low:
            return True
    return False


_SERVICE_OUTCOMES = (r"arriv|receiv|refund|reimburs|compensat|answer|repl|respond|deliver|dispatch|"
                     r"turn(?:ed|s)? up|show(?:ed|n|s)? up|hear\w* back|heard back|heard? (?:anything|from|a thing)|got back|get back|"
                     r"call(?:ed)? (?:me |us )?back|make it|made it|fix|resolv|sort|process|credit|honou?r|inform|notif|"
                     r"told|contact|confirm|help|updat|cancel|collect|pick(?:ed)? up|send|sent|return")
_FAILED_EXPECTATION = re.compile(
    r"\b(?:(?:did|does|do|has|have|had|is|are|was|were|will|would|and|but)\s+not|never|no one|nobody|noone|"
    r"nothing(?:\s+(?:has|have|had|was|is))?)\s+"
    r"(?:(?:even|yet|ever|been|be|once|actually|really|properly|still|has|have|had|will)\s+){0,3}"
    rf"(?:{_SERVICE_OUTCOMES})\w*|\byet to (?:receive|hear|get|be)\b")
_ENDS_QUESTION = re.compile(r"\?[^\w?]*$")
"""A sentence that ends with "?" (emoji or symbols after the "?" still count: "… back? 🙏")."""
_CONDITIONAL = re.compile(r"\b(?:if|whether|unless|in case|once|when)\b[^,.;:!?]*$")
FAILED_EXPECTATION = -1.5
"""A service that should have happened and did not ("hasn't been refunded", "didn't turn up",
"never got back to me"): a complaint even without an emotional word. Added only when the
sentence has no other complaint word (no double counting)."""
_DEVICE_FAILS = (r"open|load|loads|loading|connect|sync|download|install|play|stream|turn on|switch on|log in|"
                 r"login|sign in|print|boot|pair|scan|accept|recogni[sz]e|update|charge|start up")
"""What an app or device "won't" do ("the app won't open", "it doesn't load"): a fault report."""
_CODE_CUES = [   # (cheap substring gate, regex, why, valence)
    (("not", "unable"), re.compile(rf"\b(?:can not|could not|unable to|not able to|will not let me)\s+(?!(?:{_CANT_EXCEPT})\b)\w+|"
                                   rf"\b(?:will|would|does|did) not\s+(?:{_DEVICE_FAILS})\b"),
     "inability: 'can't …' reports something not working", -1.2),
    (("why",), re.compile(r"^\s*(?:so\s+|but\s+|and\s+|hey\s+|seriously\s+)?why\b(?!\s+not\b)"
                          r"(?:.*\?\s*$|\s+(?:is|are|was|were|do|does|did|has|have|had|can|could|would|will|"
                          r"should|must|on earth|the hell|the heck)\b(?!\s+not\b))|"
                          r"^(?!\W*(?:can|could|would|will|may|please)\b).*\bwhy\W*[?!][^\w]*$"),
     # "… and you charged me twice, why?" (but "Can you explain why?" is a request)
     "'why …?': challenging the company", -1.0),
    (("what",), re.compile(r"\bwhat am i (?:supposed|meant) to do\b|\bwhat(?: is|'s) going on\b|\bwhat the (?:hell|heck)\b"),
     "exasperation: 'what is going on?'", -1.5),
    # VADER reads the "not" of "can't recommend them enough" as turning the praise round
    (("enough",), re.compile(r"\b(?:can not|could not)\s+(?:recommend|thank|praise)\b(?:\s+[\w']+){0,4}?\s+enough\b"),
     "praise: 'can't recommend … enough'", 2.5),
]

_CANDIDATE = re.compile(r"[\w']+|[^\w\s]")
_WORD_OR_SYMBOL = _CANDIDATE
_WORD_RUN = re.compile(r"[\w']+")
"""Runs of word characters and apostrophes: the words of a non-ASCII text for the phrase scan."""
"""Words (with apostrophes) and single symbols: where a lexicon phrase can start."""
_ASCII_WORD = frozenset(string.ascii_letters + string.digits + "_'")
_ASCII_TO_SPACE = str.maketrans({c: " " for c in map(chr, range(128)) if c not in _ASCII_WORD})
_ASCII_TO_SPACE_BYTES = bytes(32 if chr(b) not in _ASCII_WORD else b for b in range(128)) + bytes(range(128, 256))
"""The same for ASCII text as bytes (``bytes.translate`` is several times faster than ``str.translate``)."""
"""Every ASCII character that cannot be part of a word becomes a space (then ``split``)."""
_HOWEVER = re.compile(r"(?:^|(?<=[.,;!?]))\s*\b(?:however|although|though|yet(?!\s+(?:again|another)))\b,?", re.IGNORECASE)
_STARTS_BUT = re.compile(r"\s*but\b", re.IGNORECASE)
NEGATE_WORDS = frozenset(NEGATE) | {"no"}
_NEGATE_SET = frozenset(NEGATE)
_PUNCT = string.punctuation
_SENTENCE_END = re.compile(r"\s(?:(?<=[a-zA-Z]{2}[.!?]\s)|(?<=[a-zA-Z][!?]\s)|(?<=[!?][!?]\s))\s*")
r"""The end of a sentence inside a text: a full stop after a word, ! or ?, then a space. Not
"..." or "..": a pause ("not... impressed") is not the end of a sentence. (Not ``_CLAUSE_END``,
the clause pattern of the thanks-for-a-fix rule.)

Written to start with ``\s`` and look back from there: a pattern that starts with a look-behind
is tried at every character, this one only at spaces (3x faster, same matches as the first
version ``(?<=[a-zA-Z]{2}[.!?])\s+|(?<=[a-zA-Z][!?])\s+|(?<=[!?][!?])\s+``)."""
_HAS_SENTENCE_END = re.compile(r"[.!?](?=\s)(?:(?<=[a-zA-Z]{2}.)|(?<=[a-zA-Z][!?])|(?<=[!?][!?]))")
r"""True where ``_SENTENCE_END`` would split; starts with ``[.!?]`` so the search skips to those
characters at C speed (most sentences have none before their end: 8x faster than searching
``_SENTENCE_END``)."""
_NEG_SKIP = frozenset({"be", "been", "being", "was", "is", "are", "were", "get", "got", "ever", "even",
                       "so", "too", "very", "at", "all", "a", "the", "really"})
_NEG_DETERMINERS = frozenset({"any", "your", "my", "major", "more", "further", "real", "big", "serious",
                              "single", "such"})
"""Words between a "no"/"not" and its problem word ("not your fault", "no major delays", "no more
glitches"), skipped only right after the negation or after "had/have/has" ("haven't had any
crashes"): after another word the "not" is aimed at a verb ("didn't get my cancelled fare
refunded" is still a complaint)."""
_NEG_HAVE = frozenset({"had", "have", "has"})
_MAYBE_SHORT = re.compile(r"n'?t\b|\bcannot\b")          # searched in the lower-cased text
_GLUED = re.compile(r"([.,!?;:]+)(?=[A-Za-z])")
_MAY_GLUE = re.compile(r"[.,!?;:][A-Za-z]")
"""Cheap test before ``_GLUED`` (same texts match): it starts with a character set, so the search
jumps between punctuation marks at C speed; ``_GLUED`` starts with a group and is tried everywhere."""
_NUMBER_NO = re.compile(r"\b(?:no|No|NO)\.?\s*(?=#?\d{2})")
"""'order no 40426', 'paybill no. 800904': 'no' is 'number' here, not a negative word."""
_THANKS_SO_MUCH = re.compile(r"\b(thanks|thank you|thank u|thankyou|thx|cheers|ta)(\s+)so(\s+)much\b",
                             re.IGNORECASE)
"""'Thank you so much for your help': "so much" strengthens the thanks; it is not the sarcastic
'so much for …' ("So much for next-day delivery"). Read as 'thank you very much'."""
_TXT_WHY = re.compile(r"(?<![\w'])[yY](?=\s+(?:do|does|did|is|are|was|were|should|would|can|could|will|"
                      r"not|u|you|i|they|we|it|has|have|my)\b)")
"""Text-speak 'y do i have to …' = 'why do I have to …'."""
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_HANDLE = re.compile(r"@(?<![\w@]@)\w{1,30}")
r"""An @handle not inside a word or an e-mail address: "@" without a word character or "@" before it.
(Starting with the "@" itself lets the search jump from "@" to "@"; the same matches as
``(?<![\w@])@\w{1,30}``, which was tried at every character.)"""
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SENTENCE = re.compile(r"\s(?:(?<=[.!?…]\s)\s*(?=[A-Z0-9\"'£$€(\[])|(?<=\n)\n*)")
r"""Where a text splits into sentences: spaces after . ! ? … before a capital, digit, quote or
bracket, or a line break. The same matches as ``(?<=[.!?…])\s+(?=[A-Z0-9"'£$€(\[])|\n+``, but
written to start with ``\s`` so that only spaces are tried (about 2x faster)."""
_MAY_SPLIT = re.compile(r"[.!?…\n](?:(?<=\n)|\s)")
r"""Cheap test: without this, ``_SENTENCE`` cannot split the text. (The same texts match as
``[.!?…]\s|\n``; starting with one character set lets the search jump between those characters.)"""
_NUMBER_WORDS = ("a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                 "fifteen|twenty|thirty|forty|fifty|sixty|several|few|\\d+(?:\\.\\d+)?\\+?")
_CONTRACTION = re.compile(
    r"(?=[acdhimnsw])"      # the first letters of all the forms below: a quick test at each character
    r"\b(?:(won)[’']?t|(ca)n[’']t|(can)not|(ca)nt|(sha)n[’']?t|"
    r"(do|does|did|is|are|was|were|has|have|had|could|would|should|must|need)n[’']?t|(ai)n[’']?t)\b",
    re.IGNORECASE)
_CONTRACTION_BASE = {"won": "will", "ca": "can", "can": "can", "sha": "shall", "ai": "is"}


def _expand(m: re.Match) -> str:
    word = m.group(m.lastindex)   # the one group of the alternative that matched
    return _CONTRACTION_BASE.get(word.lower(), word) + " not"


# --------------------------------------------------------------------------- Unicode forms
# (in smlib.textforms, which modules that must not load the analyser import directly)
from .textforms import fold_unicode  # noqa: E402
from .textforms import literal as _literal  # noqa: E402


def normalise_term(term: str) -> str:
    """A tutor's keyword, lexicon term or phrase in the form messages are matched in: the
    Unicode form folded (:func:`fold_unicode`), cleaned as messages are (:func:`clean_text`:
    short forms expanded), lower case, single spaces.

    >>> normalise_term("  Doesn’t\u00a0WORK ❤️ ")
    'does not work ❤'

    Quotation marks around the whole term are dropped: a term copied from Word arrives as
    “shambolic” (or 'shambolic'), and with its quotes it would never match a message.

    >>> normalise_term("“shambolic”"), normalise_term("'late'")
    ('shambolic', 'late')
    """
    t = str(term).strip()
    while len(t) >= 2 and t[0] in _QUOTES and t[-1] in _QUOTES:
        t = t[1:-1].strip()
    return " ".join(fold_unicode(clean_text(t)[0]).lower().split())


_QUOTES = "\"'“”„‟‘’‚‛«»"   # straight, curly and low quotes, either way round (Word curls them)


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class LexiconEntry:
    term: str
    score: float
    comment: str
    line: int
    written: str = ""     # the term as the file has it (``term`` is its normalised form)


def clean_text(text: object, squashed: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """Normalise a message for matching: Unicode forms (:func:`fold_unicode`, emoji kept as
    written), entities, links, @handles, hashtags, short forms.

    Returns the cleaned text and notes on what was changed. Case is kept (VADER uses capitals).

    >>> " ".join(clean_text("@shop #NeverAgain &amp; it doesn't work http://x.co")[0].split())
    'Never Again & it does not work'
    """
    if not isinstance(text, str):
        return "", []
    notes: list[str] = []
    t = html.unescape(text) if "&" in text else text
    t = fold_unicode(t, emoji=False)
    if "http" in t or "www" in t or "WWW" in t or "HTTP" in t:
        t = _URL.sub(" ", t)
    if "@" in t:
        t = _HANDLE.sub(" ", t)
    if "#" in t and not ("not" in (t_low := t.lower()) and _SARCASM_NOT.search(t_low)):
        def _tag(m: re.Match) -> str:
            raw = m.group(1)
            low = raw.lower()
            if squashed and low in squashed:
                return squashed[low]
            return " ".join(_CAMEL.split(raw))
        t2 = _HASHTAG.sub(lambda m: " " + _tag(m) + " ", t)
        if t2 != t:
            notes.append("hashtags read as words")
        t = t2
    lt = t.lower()
    if ("nt" in lt or "n't" in lt or "cannot" in lt) and _MAYBE_SHORT.search(lt):
        t = _CONTRACTION.sub(_expand, t)
        lt = t.lower()
    if _MAY_GLUE.search(t):
        t = _GLUED.sub(r"\1 ", t)
    if ("no " in lt or "no." in lt) and _NUMBER_NO.search(t):
        t = _NUMBER_NO.sub("number ", t)
    if (" y " in lt or lt.startswith("y ")) and _TXT_WHY.search(t):
        t = _TXT_WHY.sub("why", t)
    if "so much" in lt and _THANKS_SO_MUCH.search(t):
        t = _THANKS_SO_MUCH.sub(r"\1\2very\3much", t)
    # VADER weighs the words after "but" more; "however" and "although" contrast the same way
    if "however" in lt or "though" in lt or "yet" in lt:
        t = _HOWEVER.sub(" But ", t)
    return t, notes


def _config_csv_lines(path: Path, what: str, cp1252_ok: bool = False) -> tuple[list[tuple[int, str]], str]:
    """The data lines of a tutor-edited CSV as ``(line number, text)`` with its delimiter.

    Copes with what Excel and Notepad write: a UTF-8 byte-order mark, ``;`` between cells (a
    European Excel), comment lines that Excel quoted (``"# ..."``) or padded (``# ...,,``) and
    empty rows (``,,``) at the end. A file that is not UTF-8 is a DataError naming the line,
    unless ``cp1252_ok`` (Excel's "CSV (Comma delimited)" on Windows), for files whose used
    cells are plain ASCII anyway.
    """
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if cp1252_ok:
            return _config_csv_lines_text(raw.decode("cp1252", errors="replace"))
        line = raw[:exc.start].count(b"\n") + 1
        raise DataError(f"{what} is not UTF-8 text (byte {raw[exc.start]:#x}); in Excel use "
                        "'Save as' > 'CSV UTF-8 (Comma delimited)', in Notepad choose Encoding 'UTF-8'",
                        source=str(path), row=line) from None
    return _config_csv_lines_text(text)


def _config_csv_lines_text(text: str) -> tuple[list[tuple[int, str]], str]:
    lines = []
    for i, ln in enumerate(text.splitlines(), start=1):
        if not ln.strip() or ln.lstrip().lstrip('"').startswith("#") or not ln.strip(" ,;\t"):
            continue
        lines.append((i, ln))
    delim = ","
    if lines:
        head = lines[0][1]
        if ";" in head and "," not in head.split(";")[0]:
            delim = ";"
    return lines, delim


def read_lexicon(path: str | Path | None = None) -> list[LexiconEntry]:
    """Read the tutor-editable lexicon CSV (``term,score,comment``; ``#`` lines are comments).

    Raises :class:`smlib.DataError` naming the file and line for a bad score or a missing term.
    A file saved by Excel is read as it is (``;`` between cells and a decimal comma, a
    byte-order mark, empty rows at the end). A term is cleaned as messages are before
    matching (:func:`normalise_term`: lower case; "doesn't" is read as "does not", a curly ’ as
    ', "cafe" + combining accent as "café", ❤️ as ❤). Two lines that are the same term once
    normalised are one term when their scores agree, and a DataError naming both lines when not.
    """
    path = Path(path) if path is not None else data_file("sentiment_lexicon.csv")
    if not path.is_file():
        raise DataError("sentiment lexicon file not found", source=str(path))
    entries: list[LexiconEntry] = []
    seen: dict[str, int] = {}    # term -> its index in entries
    lines, delim = _config_csv_lines(path, "sentiment lexicon")
    if not lines:
        raise DataError("the file is empty: the first line that is not a comment must be the "
                        "header 'term,score,comment'", source=str(path))
    reader = csv.reader([ln for _, ln in lines], delimiter=delim)
    header_done = False
    for (lineno, _), row in zip(lines, reader):
        if not header_done:
            if [c.strip().lower() for c in row[:2]] != ["term", "score"]:
                raise DataError("the first non-comment line must be the header 'term,score,comment'",
                                source=str(path), row=lineno)
            header_done = True
            continue
        term = normalise_term(row[0]) if row else ""
        if not term:
            raise DataError("empty term", source=str(path), row=lineno, field="term")
        cell = row[1].strip() if len(row) > 1 else ""
        if delim == "," and re.fullmatch(r"[+-]?\d+", cell) and len(row) > 2 and re.fullmatch(r"\d+", row[2].strip()):
            # "shambolic,-2,5,a mess": a decimal comma outside quotes splits the score in two
            raise DataError(f"score for {term!r} looks like {cell},{row[2].strip()} with a decimal comma, "
                            f"which splits it in two in a comma-separated file: write "
                            f"{cell}.{row[2].strip()}, or put it in quotes (\"{cell},{row[2].strip()}\")",
                            source=str(path), row=lineno, field="score")
        try:
            score = float(cell.replace(",", ".") if re.fullmatch(r"[+-]?\d*,\d+", cell) else cell)
        except ValueError:
            raise DataError(f"score for {term!r} must be a number between -4 and 4, got "
                            f"{cell or 'nothing'!r}", source=str(path),
                            row=lineno, field="score") from None
        if not -4.0 <= score <= 4.0:
            raise DataError(f"score for {term!r} must be between -4 and 4, got {score}",
                            source=str(path), row=lineno, field="score")
        if term.startswith("<"):
            raise DataError(f"term {term!r} cannot start with '<n>'; put a word before it "
                            f"(for example 'called <n> times')", source=str(path), row=lineno, field="term")
        if any(w.strip("*") == "" or "*" in w.rstrip("*") for w in term.split()):
            raise DataError(f"term {term!r}: '*' works only at the end of a word, after at least "
                            "one letter (e.g. 'cancel*'); on its own it matches every message",
                            source=str(path), row=lineno, field="term")
        if term in seen:
            first = entries[seen[term]]
            written = row[0].strip()
            if first.score == score and written != first.written:
                continue   # "❤️" and "❤" with one score: the same emoji typed two ways, kept once
            same = ("" if written == first.written else
                    f" ({first.written!r} there and {written!r} here are the same once accents, "
                    "apostrophes, spaces and emoji styles are read alike)")
            raise DataError(f"term {term!r} is listed twice (first on line {first.line}){same}",
                            source=str(path), row=lineno, field="term")
        seen[term] = len(entries)
        entries.append(LexiconEntry(term, score, row[2].strip() if len(row) > 2 else "", lineno,
                                    row[0].strip()))
    return entries


def _term_regex(term: str) -> str:
    """Regex for one lexicon term: words, ``*`` stems, ``<n>`` numbers, anything else literal."""
    parts = []
    for word in term.split():
        if word == "<n>":
            parts.append(f"(?:{_NUMBER_WORDS})")
        elif "<n>" in word:   # a number inside a word: "£<n>", "<n>%", "<n>mins"
            stem = word.endswith("*")
            pieces = (word[:-1] if stem else word).split("<n>")
            parts.append(r"\d+(?:[.,]\d+)*".join(map(re.escape, pieces)) + (r"\w*" if stem else ""))
        elif word.endswith("*"):
            parts.append(_literal(word[:-1]) + r"\w*")
        else:
            parts.append(_literal(word))
    body = r"\s+".join(parts)
    if re.match(r"\w", term) or term.startswith("<n>"):
        body = r"(?<![\w'])" + body
    if re.search(r"[\w*]$", term) or term.endswith(">"):
        body = body + r"(?![\w'])"
    return body


@dataclass
class _Layer:
    """The compiled customer-service layer (built once per process)."""
    words: dict[str, float]
    comments: dict[str, str]
    phrases: list[tuple[re.Pattern, str, float, str]]   # regex, token, score, comment
    first_map: dict[str, list]          # first word (or first symbol) -> candidate phrases
    stem_list: list                      # (stem, candidate) for terms starting "word*"
    stem_heads: frozenset = frozenset()  # first three letters of every stem (quick gate)
    short_stems: bool = False            # a stem shorter than 3 letters disables the gate
    symbols: frozenset = frozenset()     # terms that are emoji / symbols (never negated)
    head_re: re.Pattern | None = None    # where a phrase can start (built by the analyzer)
    head_alt: dict = field(default_factory=dict)  # first word -> (one regex for its phrases, tokens)
    token_info: dict[str, tuple[str, str]] = field(default_factory=dict)   # token -> (term, comment)
    squashed: dict[str, str] = field(default_factory=dict)  # "neveragain" -> "never again"
    word_keys: frozenset = frozenset()   # first words of phrases (for the ASCII fast scan)
    stem_words: tuple = ()               # stems that start a phrase ("cancel" for "cancel*")
    head_needs: dict = field(default_factory=dict)  # first word -> text one of its phrases needs, or None
    ascii_symbols: tuple = ()            # ASCII non-word characters that start a phrase
    symbol_keys: tuple = ()              # every non-word character that starts a phrase (emoji)


def _build_layer(entries: Iterable[LexiconEntry]) -> _Layer:
    words: dict[str, float] = {}
    comments: dict[str, str] = {}
    phrases = []
    info = {}
    squashed = {}
    for i, e in enumerate(entries):
        if re.fullmatch(r"[a-z]+(?:'[a-z]+)?", e.term):
            words[e.term] = e.score
            comments[e.term] = e.comment
            continue
        token = f"smlibterm{i}x"
        phrases.append((re.compile(_term_regex(e.term)), token, e.score, e.comment))
        info[token] = (e.term, e.comment)
        if " " in e.term and "<" not in e.term and "*" not in e.term:
            squashed[e.term.replace(" ", "")] = e.term
    # longest terms first so "still no reply" beats "no reply"
    order = sorted(range(len(phrases)), key=lambda k: -len(info[phrases[k][1]][0]))
    phrases = [phrases[k] for k in order]
    first_map: dict[str, list] = {}
    stem_list: list = []
    for rx, token, _, _ in phrases:
        term = info[token][0]
        head = term.split()[0]
        cand = (rx, token, len(term))
        if head.endswith("*"):
            stem_list.append((head[:-1], cand))
        else:
            key = (_CANDIDATE.findall(head) or [head])[0]
            first_map.setdefault(key, []).append(cand)
    return _Layer(words=words, comments=comments, phrases=phrases, first_map=first_map,
                  stem_list=stem_list, stem_heads=frozenset(st[:3] for st, _ in stem_list),
                  short_stems=any(len(st) < 3 for st, _ in stem_list), token_info=info, squashed=squashed)
    # (every stem in the bundled lexicon has 3+ letters; shorter ones are checked in _phrases_to_tokens)


def _needs(terms: list[str]) -> tuple[str, ...] | None:
    """For the lexicon terms that share a first word: one literal piece of a later word of each
    term (the longest), which the text must contain for that term to match; None when a term
    has no such piece (a one-word term, or only ``<n>`` after the first word)."""
    out = []
    for term in terms:
        pieces = [w[:-1] if w.endswith("*") else w for w in term.split()[1:] if w != "<n>"]
        pieces = [p for p in pieces if p]
        if not pieces:
            return None
        out.append(max(pieces, key=len))
    return tuple(dict.fromkeys(out))


class _CSAnalyzer(SentimentIntensityAnalyzer):
    """VADER with the customer-service layer; :meth:`score` returns the score and the reasons."""

    def __init__(self, entries: Sequence[LexiconEntry]):
        super().__init__()
        self.layer = _build_layer(entries)
        self._cache: dict[str, tuple] = {}
        self._texts: dict[str, tuple[float, str]] = {}   # whole messages already scored
        heads = sorted({k for k in self.layer.first_map} | {st for st, _ in self.layer.stem_list},
                       key=len, reverse=True)
        # where a lexicon phrase can start: a whole head word, a stem prefix, or a symbol; found by
        # one regex so that most words of a message are skipped at C speed
        word_heads = [re.escape(h) for h in heads if re.fullmatch(r"[\w']+", h)]
        other = [re.escape(h) for h in heads if not re.fullmatch(r"[\w']+", h)]
        self.layer.head_re = re.compile(
            r"(?<![\w'])(?:" + "|".join(word_heads) + r")[\w']*" + ("|" + "|".join(other) if other else ""))
        self.layer.head_alt = {
            k: (re.compile("|".join(f"({rx.pattern})" for rx, _, _ in cands)), [tok for _, tok, _ in cands])
            for k, cands in self.layer.first_map.items()}
        self.layer.word_keys = frozenset(k for k in self.layer.first_map if re.fullmatch(r"[\w']+", k))
        self.layer.stem_words = tuple(dict.fromkeys(st for st, _ in self.layer.stem_list))
        self.layer.head_needs = {k: _needs([self.layer.token_info[tok][0] for _, tok, _ in cands])
                                 for k, cands in self.layer.first_map.items()}
        self.layer.ascii_symbols = tuple(k for k in self.layer.first_map
                                         if k.isascii() and not re.fullmatch(r"[\w']+", k))
        self.layer.symbol_keys = tuple(k for k in self.layer.first_map if not re.fullmatch(r"[\w']+", k))
        self.layer.symbols = frozenset(t for t, _ in self.layer.token_info.values() if not re.match(r"\w", t))
        self._emoji_table = {ord(k): " " + v for k, v in self.emojis.items() if len(k) == 1}
        self._nobody = frozenset({"nobody", "noone", "no-one"} | {tok for tok, (term, _) in self.layer.token_info.items()
                                                          if term in ("no one", "no-one", "nobody", "noone",
                                                                      "not one person", "not a single person")})
        self._nobody_tokens = tuple(t for t in self._nobody if t.startswith("smlibterm"))
        self.vader_lexicon = dict(self.lexicon)
        self.lexicon.update(self.layer.words)
        for _, token, score, _ in self.layer.phrases:
            self.lexicon[token] = score

    # ---- text preparation
    def prepare(self, text: str) -> tuple[str, list[str]]:
        """Clean and normalise text (see :func:`clean_text`). Returns (text, notes)."""
        return clean_text(text, self.layer.squashed)

    def _phrases_to_tokens(self, t: str) -> str:
        """Replace lexicon phrases (longest first) by single tokens that carry their score.

        Only places where a phrase can start are tried, found with C-speed string operations
        (``translate`` + ``split``, a set intersection, ``str.find``) instead of a regex over
        every word. Same result as :meth:`_phrases_to_tokens_reference` (checked in the tests).
        """
        low = t.lower()
        if len(low) != len(t):
            t = low
        layer = self.layer
        ascii_text = low.isascii()
        if ascii_text:
            present = layer.word_keys.intersection(
                low.encode("ascii").translate(_ASCII_TO_SPACE_BYTES).decode("ascii").split())
            syms = [k for k in layer.ascii_symbols if k in low]
        else:
            # the same words as translate + split: regex \w is str.isalnum() or "_"
            present = layer.word_keys.intersection(_WORD_RUN.findall(low))
            chars = set(low)
            syms = [k for k in layer.symbol_keys if k in chars]
        if present:
            # a first word whose phrases all need a later word that is not in the text cannot
            # start a phrase here ("on" without "hold" or "time"): skip it before searching
            needs = layer.head_needs
            kept = []
            for w in present:
                lits = needs[w]
                if lits is None:
                    kept.append(w)
                    continue
                for lit in lits:
                    if lit in low:
                        kept.append(w)
                        break
            present = kept
        stems = [st for st in layer.stem_words if st in low]
        if not (present or stems or syms):
            return t
        n = len(low)
        found: dict[int, str] = {}

        def is_word(c: str) -> bool:   # the regex \w plus the apostrophe
            return c in _ASCII_WORD or (not ascii_text and not c.isascii() and c.isalnum())
        for w in present:
            size = len(w)
            i = low.find(w)
            while i >= 0:
                j = i + size
                if (i == 0 or not is_word(low[i - 1])) and (j == n or not is_word(low[j])):
                    found[i] = w
                i = low.find(w, j)
        for st in stems:
            i = low.find(st)
            while i >= 0:
                if i == 0 or not is_word(low[i - 1]):
                    found[i] = _WORD_OR_SYMBOL.match(low, i).group(0)
                i = low.find(st, i + 1)
        for k in syms:
            i = low.find(k)
            while i >= 0:
                found[i] = k
                i = low.find(k, i + 1)
        starts = sorted(found.items())
        first, stem_list, heads = layer.first_map, layer.stem_list, layer.stem_heads
        short = layer.short_stems
        out, last = [], 0
        for start, w in starts:
            if start < last:
                continue
            cands = first.get(w)
            if stem_list and (short or w[:3] in heads):
                extra = [c for st, c in stem_list if w.startswith(st)]
                if extra:
                    cands = sorted((cands or []) + extra, key=lambda c: -c[2])
                    for rx, token, _ in cands:
                        mm = rx.match(low, start)
                        if mm:
                            out.append(t[last:start])
                            out.append(f" {token} ")
                            last = mm.end()
                            break
                    continue
            if not cands:
                continue
            # all phrases starting with this word in one regex; the first (longest) that fits wins
            rx, tokens = layer.head_alt[w]
            mm = rx.match(low, start)
            if mm:
                out.append(t[last:start])
                out.append(f" {tokens[mm.lastindex - 1]} ")
                last = mm.end()
        if not out:
            return t
        out.append(t[last:])
        return "".join(out)

    def _phrases_to_tokens_reference(self, t: str) -> str:
        """The first version of :meth:`_phrases_to_tokens` (one big regex of phrase heads); tests
        check that the faster token scan gives the same text."""
        low = t.lower()
        if len(low) != len(t):
            t = low
        out, last = [], 0
        first, stems = self.layer.first_map, self.layer.stem_list
        for m in self.layer.head_re.finditer(low):
            start = m.start()
            if start < last:
                continue
            w = m.group(0)
            cands = first.get(w)
            if stems and (w[:3] in self.layer.stem_heads or self.layer.short_stems):
                extra = [c for st, c in stems if w.startswith(st)]
                if extra:
                    cands = sorted((cands or []) + extra, key=lambda c: -c[2])
                    for rx, token, _ in cands:
                        mm = rx.match(low, start)
                        if mm:
                            out.append(t[last:start])
                            out.append(f" {token} ")
                            last = mm.end()
                            break
                    continue
            if not cands:
                continue
            # all phrases starting with this word in one regex; the first (longest) that fits wins
            rx, tokens = self.layer.head_alt[w]
            mm = rx.match(low, start)
            if mm:
                out.append(t[last:start])
                out.append(f" {tokens[mm.lastindex - 1]} ")
                last = mm.end()
        out.append(t[last:])
        return "".join(out)

    # ---- VADER core, keeping per-word valences so they can be explained
    def _valences(self, text: str) -> tuple[list[str], list[float]]:
        if text.isascii():
            return self._valences_clean(text.strip())
        # VADER writes each emoji's description in its place, after a space; the text is only
        # split on whitespace afterwards, so an extra space before a description changes nothing
        return self._valences_clean(text.translate(self._emoji_table).strip())

    def _clause_valences(self, text: str) -> tuple[list[str], list[float]]:
        """:meth:`_valences` for each part of a sentence that ends in . ! or ?, joined.

        VADER drops the punctuation before it looks for a negation, so in "you helped my family
        when we had nothing. forever grateful" the "nothing" negated "grateful". A full stop
        ends a negation's reach (the sentence splitter only splits before a capital letter).
        A part that starts with "but" halves what came before, as VADER does inside a sentence.
        """
        if not _HAS_SENTENCE_END.search(text):
            return self._part_valences(text)
        words: list[str] = []
        vals: list[float] = []
        for part in _SENTENCE_END.split(text):
            if not part.strip():
                continue
            w, v = self._part_valences(part)
            if vals and _STARTS_BUT.match(part):
                vals = [x * 0.5 for x in vals]
            words.extend(w)
            vals.extend(v)
        return words, vals

    def _part_valences(self, text: str) -> tuple[list[str], list[float]]:
        """:meth:`_valences` with two corrections to VADER's negation, for one clause.

        * An emoticon is not negated: VADER turns ":(" round after "isn't" ("the option isn't
          there :(" scored positive). A face says how the writer feels, whatever came before.
        * "nobody" / "no one" / "not one person" negate the next three words of their clause as
          "not" does ("no one cares", "nobody was friendly"): they are in the lexicon as complaint
          words, and VADER only looks for a negation among words that are *not* in its lexicon,
          so the praise after them counted as praise. A comparison stops it ("nobody does it
          better", "nobody was more helpful than Sarah" are praise).
        """
        words, vals = self._valences(text)
        # most clauses have neither a face nor "nobody": substring tests skip the loop
        lowered = text.lower()
        if not (_FACE_CHAR.search(text) or "obody" in lowered or "oone" in lowered or "o-one" in lowered
                or ("smlibterm" in text and any(t in text for t in self._nobody_tokens))):
            return words, vals
        lex = self.lexicon
        nobody = self._nobody
        raw: list[str] | None = None
        for i, v in enumerate(vals):
            if not v:
                continue
            w = words[i]
            if not any(c.isalpha() for c in w):
                base = lex.get(w, v)
                if base * v < 0:
                    vals[i] = base
                continue
            low = w.lower()
            if low in nobody or low in _NOT_AFTER_NOBODY:
                continue
            for j in range(i - 1, max(-1, i - 4), -1):
                if raw is None:   # the words as written, to see a comma: "nobody was rude, lovely staff"
                    raw = (text if text.isascii() else text.translate(self._emoji_table)).split()
                if len(raw) == len(words) and raw[j][-1:] in ",;:–—-":
                    break
                wj = words[j].lower()
                if wj in _NOT_AFTER_NOBODY:
                    break              # "nobody was more helpful than Sarah": a comparison, praise
                if wj in nobody:
                    vals[i] = v * N_SCALAR
                    break
        return words, vals

    def _valences_clean(self, text: str) -> tuple[list[str], list[float]]:
        """VADER's per-word valences (same results as VADER's loop, lower-casing each word once)."""
        words = [s if len(s := w.strip(_PUNCT)) > 2 else w for w in text.split()]
        # one lower() for the whole sentence instead of one per word: lower() never makes a space,
        # so the words stay the same words
        lows = " ".join(words).lower().split()
        n = len(words)
        lex = self.lexicon
        sentiments: list[float] = [0] * n          # most words have no sentiment of their own
        hits = [i for i, low in enumerate(lows) if low in lex]
        if not hits:
            return words, sentiments
        caps = sum(map(str.isupper, words))
        is_cap_diff = 0 < n - caps < n
        # VADER's negation, idiom and "least" checks change nothing unless one of their words is
        # here; most sentences have none of them, so the checks are skipped
        has_least = "least" in lows
        may_negate = "n't" in text or not _NEG_CHECK_WORDS.isdisjoint(lows)
        may_idiom = n > 3 and not _IDIOM_WORDS.isdisjoint(lows)
        for i in hits:
            item = words[i]
            low = lows[i]
            if low in BOOSTER_DICT or (low == "kind" and i < n - 1 and lows[i + 1] == "of"):
                continue
            valence = lex[low]
            if low == "no" and i != n - 1 and lows[i + 1] in lex:
                valence = 0.0
            if (i > 0 and lows[i - 1] == "no") or (i > 1 and lows[i - 2] == "no") or \
                    (i > 2 and lows[i - 3] == "no" and lows[i - 1] in ("or", "nor")):
                valence = lex[low] * N_SCALAR
            if is_cap_diff and item.isupper():
                valence = valence + C_INCR if valence > 0 else valence - C_INCR
            for start_i in range(3):
                if i > start_i and lows[i - (start_i + 1)] not in lex:
                    prev = words[i - (start_i + 1)]
                    sc = 0.0
                    pl = lows[i - (start_i + 1)]
                    if pl in BOOSTER_DICT:
                        sc = BOOSTER_DICT[pl]
                        if valence < 0:
                            sc *= -1
                        if prev.isupper() and is_cap_diff:
                            sc = sc + C_INCR if valence > 0 else sc - C_INCR
                    if start_i == 1 and sc != 0:
                        sc = sc * 0.95
                    if start_i == 2 and sc != 0:
                        sc = sc * 0.9
                    valence = valence + sc
                    if may_negate:
                        valence = _neg_check(valence, lows, start_i, i)
                    if start_i == 2 and may_idiom:
                        valence = _idioms_check(valence, lows, i)
            if has_least:
                valence = self._least_check(valence, lows, i)
            sentiments[i] = valence
        if "but" in lows:
            sentiments = self._but_check(lows, sentiments)
        return words, sentiments

    def _valences_reference(self, text: str) -> tuple[list[str], list[float]]:
        """VADER's own per-word loop (used by tests to check :meth:`_valences_clean`)."""
        st = SentiText(text)
        words = st.words_and_emoticons
        sentiments: list[float] = []
        for i, item in enumerate(words):
            low = item.lower()
            if low in BOOSTER_DICT or (low == "kind" and i < len(words) - 1 and words[i + 1].lower() == "of"):
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, st, item, i, sentiments)
        sentiments = self._but_check(words, sentiments)
        return words, sentiments

    def _sentence_details(self, sentence: str, rules: list[str]) -> list[list]:
        """Per-word [word, valence, why] for one sentence, with sarcasm, question and apology rules."""
        low = sentence.lower()
        sarcasm = []
        if _gate_wait(low) and _SARCASM_WAIT.search(low):
            sarcasm.append("sarcasm: praising a wait or failure ('love waiting…')")
        if ("thank" in low or "cheers" in low or "well done" in low or "nice one" in low
                or "job" in low) and _SARCASM_THANKS.search(low):
            sarcasm.append("sarcasm: thanking for a failure ('thanks for losing…')")
        trailing_not = _may_end_not(low) and bool(_SARCASM_NOT.search(low))
        if trailing_not:
            sentence = _SARCASM_NOT.sub("", low).rstrip(" .,")
        words, vals = self._clause_valences(self._phrases_to_tokens(sentence))
        detail: list[list] = []
        lows = None
        info, cs_words = self.layer.token_info, self.layer.words
        for i, v in enumerate(vals):
            if not v:
                continue          # words that score 0 do not move the compound score
            w = words[i].lower()
            v = float(v)
            if w in info:
                term, comment = info[w]
                base = self.lexicon[w]
                if base == 0:
                    continue      # "not a sentiment word here": a booster ("really") cannot make it one
                if term in self.layer.symbols:
                    # an emoji is not in the scope of "not"/"never"/"nothing" ("nothing happened 😡")
                    v = base
                elif base < 0 < v:
                    lows = lows or [x.lower() for x in words]
                    if not _negated_nearby(lows, i):
                        v = base
                detail.append([term, v, "customer-service phrase: " + comment])
            elif w in cs_words:
                base = cs_words[w]
                if base == 0:
                    continue
                if base < 0 < v:
                    lows = lows or [x.lower() for x in words]
                    if not _negated_nearby(lows, i):
                        v = base
                detail.append([w, v, "customer-service word: " + self.layer.comments[w]])
            else:
                if v > 0 and self.lexicon.get(w, 0) < 0:
                    lows = lows or [x.lower() for x in words]
                    if _negated_verb_before(lows, i):
                        v = self.lexicon[w]      # "haven't solved the problem": the problem is still there
                detail.append([w, v, "VADER word"])
        for gate, rx, why, val in _CODE_CUES:
            m = None
            for g in gate:
                if g in low:
                    m = rx.search(low)
                    break
            if m:
                detail.append([m.group(0).strip(), val, why])
                rules.append(why.split(":")[0])
        if ("not" in low or "never" in low or "yet to" in low or "no one" in low or "nobody" in low
                or "noone" in low) and not any(d[1] <= COMPLAINT_CUE for d in detail):
            m = _FAILED_EXPECTATION.search(low)
            if m and _CONDITIONAL.search(low, 0, m.start()):
                m = None        # "if the order hasn't been dispatched yet, …" is not a report
            if m:
                detail.append([m.group(0), FAILED_EXPECTATION,
                               "failed expectation: a service that did not happen ('hasn't been refunded')"])
                rules.append("failed expectation")
        if sarcasm or trailing_not:
            flipped = False
            for d in detail:
                if d[1] > 0 and (trailing_not or re.fullmatch(_POSITIVE_SARCASM, d[0]) or d[0] in POLITE
                                 or d[0] in _SARCASTIC_PRAISE):
                    d[1] = -abs(d[1])
                    d[2] = "sarcasm: positive word used ironically"
                    flipped = True
            if trailing_not and flipped:
                sarcasm.append("sarcasm: '… not' after praise")
            if not flipped and sarcasm and not any(d[1] < 0 for d in detail):
                detail.append(["(sarcasm cue)", -1.5, sarcasm[0]])
                flipped = True
            if flipped:
                rules.extend(sarcasm)
        if "?" in sentence and _ENDS_QUESTION.search(sentence):
            hit = False
            for d in detail:
                if d[1] > 0 and "sarcasm" not in d[2]:
                    d[1] = 0.0
                    d[2] = "in a question: a hope or enquiry, not praise"
                    hit = True
            if hit:
                rules.append("positive words in a question are not praise")
            if _ASKS.match(low) and not _WHY.match(low):
                hit = False
                for d in detail:
                    if ENQUIRY_KEEPS < d[1] < 0 and "sarcasm" not in d[2]:
                        d[1] = round(d[1] * ENQUIRY_FACTOR, 3)
                        d[2] = "in a question: asking about a problem is an enquiry"
                        hit = True
                if hit:
                    rules.append("a question about a problem is an enquiry, not a complaint")
        if ("sorry" in low or "apolog" in low or "understand" in low) and _APOLOGY.search(low):
            hit = False
            for d in detail:
                if d[1] < 0:
                    d[1] = round(d[1] * APOLOGY_FACTOR, 3)
                    d[2] = "in an apology: names a problem but is not a complaint"
                    hit = True
            if hit:
                rules.append("an apology is not a complaint")
        if not sarcasm and _gate_resolved(low):
            m = _RESOLVED.search(low)
            end = _CLAUSE_END.search(low, m.end()) if m else None
            clause = low[m.start():end.start() if end else len(low)] if m else ""
            if m and not _STILL_WRONG.search(low, m.end()) and not _BADLY.search(clause):
                hit = False
                for d in detail:
                    # only the problem the thanks names ("… my lost bag"): words after the thanks'
                    # clause keep their weight ("thanks for sorting it... broken and damaged, awful")
                    if d[1] < 0 and re.search(_term_regex(str(d[0]).lower()), clause):
                        d[1] = round(d[1] * APOLOGY_FACTOR, 3)
                        d[2] = "thanks for putting a problem right: names the problem, not a complaint"
                        hit = True
                if hit:
                    rules.append("thanks for a problem put right is not a complaint")
        return detail

    def _cached_details(self, sentence: str, rules: list[str]) -> list[list]:
        """:meth:`_sentence_details`, remembered per sentence: copied replies and templates repeat."""
        hit = self._cache.get(sentence)
        if hit is None:
            new_rules: list[str] = []
            det = self._sentence_details(sentence, new_rules)
            if len(self._cache) < SENTENCE_CACHE:   # when full, keep what is there (the common ones
                # came first) rather than start again; kept as tuples, which the caller cannot change
                self._cache[sentence] = (tuple(map(tuple, det)), tuple(new_rules))
            rules.extend(new_rules)
            return det        # new lists that nothing else holds: no copy needed
        if hit[1]:
            rules.extend(hit[1])
        return list(map(list, hit[0]))      # fresh lists: the rules after this change them

    def _polite_rule(self, detail: list[list], text: str, rules: list[str]) -> None:
        for d in detail:
            if d[1] > 0:
                break
        else:
            return            # every part of this rule discounts positive words; there are none
        complaint = any(d[1] <= COMPLAINT_CUE for d in detail)
        if complaint:
            emo = [d for d in detail if d[1] > 0 and d[0] and not re.match(r"[\w:;=(]", d[0])]
            for d in emo:
                d[1] = 0.0
                d[2] = "happy emoji in a complaint: probably ironic"
            if emo:
                rules.append("happy emoji do not cancel a complaint")
        if "?" in text and not complaint:
            weak = [d for d in detail if 0 < d[1] < QUESTION_KEEPS]
            if weak and not any(d[1] >= QUESTION_KEEPS for d in detail):
                for d in weak:
                    d[1] = 0.0
                    d[2] = "in an enquiry: friendliness, not praise"
                rules.append("a question with friendly words is an enquiry")
        polite_pos = [d for d in detail if d[1] > 0 and d[0] in POLITE_WORDS]
        if not polite_pos:
            return
        other_pos = [d for d in detail if d[1] > 0 and not any(d is p for p in polite_pos)]
        if complaint:
            for d in polite_pos:
                d[1] = 0.0
                d[2] = "polite word ignored: the message contains a complaint"
            rules.append("polite words do not cancel a complaint")
        elif "?" in text and not any(d[1] >= QUESTION_KEEPS for d in other_pos):
            for d in polite_pos:
                d[1] = 0.0
                d[2] = "polite sign-off on a question: an enquiry, not praise"
            rules.append("a question signed off 'thanks' is an enquiry")
        elif (_REQUEST.search(text) and signs_off(text)
              and not any(d[1] >= QUESTION_KEEPS for d in other_pos)):
            # "Can someone call me back about my bill please, thanks": a request without a "?"
            # is an enquiry too (as priority reads it: smlib.signoff)
            for d in polite_pos:
                d[1] = 0.0
                d[2] = "polite sign-off on a request: an enquiry, not praise"
            rules.append("a request signed off 'thanks' is an enquiry")

    def score_sentence(self, text: str, rules: list[str], sentences: list[str] | None = None,
                       explain: bool = True, tag_words: frozenset[str] = frozenset()) -> tuple[float, list]:
        """Score a short text (sentence rules applied per sentence). Returns (compound, details).

        ``tag_words``: words that came only from hashtags of three words or more (:func:`_tag_words`).
        """
        detail: list[list] = []
        if sentences is None:
            sentences = [x for x in _SENTENCE.split(text) if x and x.strip()]
        for sent in sentences:
            if detail and _STARTS_BUT.match(sent):
                # "… . But …": what came before counts half, as VADER does within a sentence
                for d in detail:
                    d[1] *= 0.5
            detail.extend(self._cached_details(sent, rules))
        low = text.lower()
        complaint = False
        for d in detail:
            if d[1] <= COMPLAINT_CUE:
                complaint = True
                break
        m = None
        for g in _IRONY_GATE:
            if g in low:
                m = _IRONY.search(low)
                break
        why = f"sarcasm: '{m.group(0).strip()[:30]}' is ironic" if m else ""
        if not m and complaint:
            m = ((("how" in low or ("lov" in low and "when" in low)) and _LOVE_WHEN.search(low))
                 or (("oh" in low or "ah" in low or "wow" in low) and _OH_GREAT.search(low))
                 or (("another" in low or "again" in low) and _GREAT_ANOTHER.search(low))
                 or ("lov" in low and _LOVE_DOING.search(low)))
            why = f"sarcasm: '{m.group(0).strip(' ,.!?')[:30]}…' about a problem" if m else ""
        # (the eye-roll emoji are not ASCII: an ASCII text cannot have one)
        if not m and detail and not text.isascii() and any(d[1] < 0 and d[0] in IRONY_EMOJI for d in detail):
            m = True
            why = "sarcasm: praise with an eye-roll / upside-down / clown emoji"
        if m:
            flipped = False
            for d in detail:
                if d[1] > 0:
                    d[1] = -abs(d[1])
                    d[2] = "sarcasm: positive word used ironically"
                    flipped = True
            if not flipped and not any(d[1] < 0 for d in detail):
                detail.append(["(sarcasm cue)", -1.5, why])
                flipped = True
            if flipped:
                rules.append(why)
        if not detail:
            return 0.0, []
        self._polite_rule(detail, text, rules)
        if tag_words:
            _tag_rule(detail, tag_words, rules)
        compound = _compound([d[1] for d in detail], text)
        if not explain:
            return float(compound), [d for d in detail if d[1] != 0]
        # a word a rule set to 0 stays in the explanation ("thanks" in a complaint): the learner
        # sees what was discounted and why (a word that scores 0 by itself was never added)
        return float(compound), [(d[0], round(float(d[1]), 3), d[2]) for d in detail]

    def score(self, text: object, explain: bool = True) -> tuple[float, str, list]:
        """(compound −1…1, rules text, contributing words) for one message."""
        if not isinstance(text, str) or not text.strip():
            return 0.0, "no text", []
        t, rules = clean_text(text, self.layer.squashed)
        tags = _tag_words(text) if "#" in text else frozenset()
        if _MAY_SPLIT.search(t):
            sentences = [x for x in _SENTENCE.split(t) if x and x.strip()]
        else:
            sentences = [t] if t.strip() else []
        if len(t) > LONG_TEXT_CHARS or len(sentences) >= LONG_TEXT_SENTENCES:
            scores, details = [], []
            for x in sentences:
                c, d = self.score_sentence(x, rules, explain=explain, tag_words=tags)
                scores.append(c)
                details.extend(d)
            weights = [1.0 + abs(c) for c in scores]
            compound = sum(c * w for c, w in zip(scores, weights)) / sum(weights) if scores else 0.0
            rules.append(f"long text: {len(scores)} sentences scored one by one and averaged")
        else:
            compound, details = self.score_sentence(t, rules, sentences, explain=explain, tag_words=tags)
        if details:
            cs = [d[0] for d in details if d[2].startswith("customer-service")]
            if cs:
                rules.insert(0, "customer-service words: " + ", ".join(dict.fromkeys(cs)))
        return (round(float(compound), 4),
                "; ".join(dict.fromkeys(rules)) if len(rules) > 1 else (rules[0] if rules else ""), details)


def _tag_words(text: str) -> frozenset[str]:
    """Lower-case words that a message has only inside hashtags of three words or more.

    A hashtag of several words is usually a name: a campaign, an event, a brand
    (``#AmazonGreatIndianFestival``, ``#BlackFridayDeals``). Its words are read (so
    ``#WorstServiceEver`` still counts), but see :func:`_tag_rule`.

    >>> sorted(_tag_words("Still no refund #pathetic #AmazonGreatIndianFestival"))
    ['amazon', 'festival', 'great', 'indian']
    """
    if _SARCASM_NOT.search(text.lower()):
        return frozenset()       # "#not" after praise is sarcasm, read by its own rule
    words: set[str] = set()
    for m in _HASHTAG.finditer(text):
        parts = _CAMEL.split(m.group(1))
        if len(parts) > 2:    # "#GreatService" is an opinion; "#BlackFridayDeals" a name
            words.update(p.lower() for p in parts)
    if not words:
        return frozenset()
    outside = set(re.findall(r"[\w']+", _HASHTAG.sub(" ", text).lower()))
    return frozenset(words - outside)


def _tag_rule(detail: list[list], tag_words: frozenset[str], rules: list[str]) -> None:
    """In a complaint, positive words found only inside a hashtag of three words or more count 0:
    a campaign name ("#AmazonGreatIndianFestival") is not praise, and must not cancel the complaint."""
    if not any(d[1] <= COMPLAINT_CUE for d in detail):
        return
    hit = False
    for d in detail:
        if d[1] > 0 and str(d[0]).lower() in tag_words:
            d[1] = 0.0
            d[2] = "inside a hashtag of three words or more (a campaign or brand name): not praise in a complaint"
            hit = True
    if hit:
        rules.append("praise words inside a hashtag name do not cancel a complaint")


def _analyzer(lexicon_path: str | None = None) -> _CSAnalyzer:
    """The compiled analyser for a lexicon file, rebuilt when the file has changed since (so
    a tutor's edit counts on the next call, without a kernel restart)."""
    path = Path(lexicon_path) if lexicon_path is not None else data_file("sentiment_lexicon.csv")
    return _analyzer_for(lexicon_path, file_stamp(path))


@lru_cache(maxsize=4)
def _analyzer_for(lexicon_path: str | None, stamp: tuple | None) -> _CSAnalyzer:
    return _CSAnalyzer(read_lexicon(lexicon_path))


def _compound(vals: list[float], text: str) -> float:
    """VADER's compound score (sum, "!"/"?" emphasis, normalised to −1…1), rounded as VADER does."""
    total = float(sum(vals))
    ep = min(text.count("!"), 4) * 0.292
    qm = text.count("?")
    qa = 0.0 if qm <= 1 else (qm * 0.18 if qm <= 3 else 0.96)
    if total > 0:
        total += ep + qa
    elif total < 0:
        total -= ep + qa
    score = total / math.sqrt(total * total + 15)
    return round(max(-1.0, min(1.0, score)), 4)


def _idioms_check(valence: float, lows: list[str], i: int) -> float:
    """VADER's ``_special_idioms_check`` on an already lower-cased word list (i >= 3 here)."""
    w1, w2, w3 = lows[i - 1], lows[i - 2], lows[i - 3]
    onezero = f"{w1} {lows[i]}"
    twoonezero = f"{w2} {w1} {lows[i]}"
    twoone = f"{w2} {w1}"
    threetwoone = f"{w3} {w2} {w1}"
    threetwo = f"{w3} {w2}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    n = len(lows)
    if n - 1 > i:
        zeroone = f"{lows[i]} {lows[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if n - 1 > i + 1:
        zeroonetwo = f"{lows[i]} {lows[i + 1]} {lows[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


_NEG_CHECK_WORDS = frozenset(NEGATE) | {"never", "so", "this"}
"""Words that :func:`_neg_check` looks at (besides any word containing "n't")."""
_IDIOM_KEYS = tuple(SPECIAL_CASES) + tuple(k for k in BOOSTER_DICT if " " in k)
"""VADER's idioms and multi-word boosters: :func:`_idioms_check` changes nothing without one."""
_IDIOM_WORDS = frozenset(max(k.split(), key=len) for k in _IDIOM_KEYS if " " in k)
"""One word (the longest) of every idiom :func:`_idioms_check` can find: it compares word pairs and
triples, so an idiom counts only when all its words are words of the sentence, and a sentence with
none of these words is skipped by a set test ("die" of "to die for", "beating" of "beating heart")."""


def _is_neg(word: str) -> bool:
    return word in _NEGATE_SET or "n't" in word


def _neg_check(valence: float, lows: list[str], start_i: int, i: int) -> float:
    """VADER's ``_negation_check`` on an already lower-cased word list."""
    if start_i == 0:
        if _is_neg(lows[i - 1]):
            valence = valence * N_SCALAR
    elif start_i == 1:
        if lows[i - 2] == "never" and lows[i - 1] in ("so", "this"):
            valence = valence * 1.25
        elif lows[i - 2] == "without" and lows[i - 1] == "doubt":
            pass
        elif _is_neg(lows[i - 2]):
            valence = valence * N_SCALAR
    elif start_i == 2:
        if (lows[i - 3] == "never" and lows[i - 2] in ("so", "this")) or lows[i - 1] in ("so", "this"):
            valence = valence * 1.25
        elif lows[i - 3] == "without" and (lows[i - 2] == "doubt" or lows[i - 1] == "doubt"):
            pass
        elif _is_neg(lows[i - 3]):
            valence = valence * N_SCALAR
    return valence


_FIX_VERB = re.compile(r"(?:solv|resolv|fix|sort|answer|address|deal|dealt|handl)\w*$")


def _negated_verb_before(words: list[str], i: int) -> bool:
    """"not solved the problem": VADER's negation was aimed at the verb, not at the problem word i."""
    for j in range(max(0, i - 3), i):
        if _FIX_VERB.match(words[j]) and _negated_nearby(words, j):
            return True
    return False


def _negated_nearby(words: list[str], i: int) -> bool:
    """A negation right before word i ("not delayed", "wasn't ever late", "no longer broken")."""
    j = i - 1
    if j >= 1 and words[j] in _NEG_DETERMINERS:
        k = j - 1
        if k >= 1 and words[k] in _NEG_HAVE:
            k -= 1
        if _is_negation(words[k]):
            return True
    skipped = 0
    while j >= 0 and words[j] in _NEG_SKIP and skipped < 2:
        j -= 1
        skipped += 1
    return j >= 0 and _is_negation(words[j])


def _is_negation(word: str) -> bool:
    return word in NEGATE_WORDS or word.endswith("n't")


def reload() -> None:
    """Forget the compiled lexicon and remembered scores (an edited lexicon or theme file is
    also noticed without this, by its modification time)."""
    _analyzer_for.cache_clear()
    try:
        from .themes import _cached_themes
        _cached_themes.cache_clear()
    except ImportError:  # pragma: no cover
        pass


def label_for(score: float) -> str:
    """negative / neutral / positive for a score, using the neutral band."""
    if score <= NEGATIVE_BELOW:
        return "negative"
    if score >= POSITIVE_FROM:
        return "positive"
    return "neutral"


def _score_chunk(args: tuple[list[str], str | None]) -> tuple[list[float], list[str]]:
    texts, lex = args
    an = _analyzer(lex)
    out_s, out_r = [], []
    memo = an._texts
    # the remembered sentences are many small tuples with no reference cycles: pausing Python's
    # cycle collector while scoring saves it from walking them again and again
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for t in texts:
            hit = memo.get(t)
            if hit is None:
                s, r, _ = an.score(t, explain=False)
                hit = (s, r)
                if len(memo) < TEXT_CACHE:
                    memo[t] = hit
            out_s.append(hit[0])
            out_r.append(hit[1])
    finally:
        if was_enabled:
            gc.enable()
    return out_s, out_r


def score_texts(texts: Sequence[str] | pd.Series, lexicon: str | Path | None = None,
                workers: int | None = None) -> pd.DataFrame:
    """Score many texts fast: each unique text once, two processes for very large inputs.

    Returns a frame aligned with ``texts`` with ``sentiment``, ``sentiment_label``,
    ``sentiment_rules``.
    """
    sc, rules, codes = _score_unique(texts, lexicon, workers)
    index = texts.index if isinstance(texts, pd.Series) else pd.RangeIndex(len(sc))
    labels = np.asarray(LABELS, dtype=object)[codes]
    return pd.DataFrame({"sentiment": sc, "sentiment_label": labels, "sentiment_rules": rules},
                        index=index)


def _label_codes(sc: np.ndarray) -> np.ndarray:
    """0 / 1 / 2 (= ``LABELS`` order) for scores, using the neutral band."""
    return np.where(sc <= NEGATIVE_BELOW, 0, np.where(sc >= POSITIVE_FROM, 2, 1)).astype(np.int8)


def _score_unique(texts: Sequence[str] | pd.Series, lexicon: str | Path | None,
                  workers: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Scores, rules and label codes aligned with ``texts``; each distinct text scored once."""
    codes, uniques = pd.factorize(pd.Series(texts) if not isinstance(texts, pd.Series) else texts,
                                  use_na_sentinel=True)
    if isinstance(uniques.dtype, pd.StringDtype):
        uniq = uniques.to_numpy(dtype=object).tolist()   # all str (missing values are coded -1)
    else:
        uniq = [u if isinstance(u, str) else "" for u in uniques]
    lex = str(lexicon) if lexicon is not None else None
    n = len(uniq)
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    _analyzer(lex)        # built once here, so forked workers inherit it instead of rebuilding it
    if n >= PARALLEL_FROM and workers > 1:
        size = math.ceil(n / (workers * 8))   # small chunks keep both workers busy to the end
        chunks = [(uniq[i:i + size], lex) for i in range(0, n, size)]
        scores, rules = [], []
        with ProcessPoolExecutor(max_workers=workers) as ex:
            for sc, ru in ex.map(_score_chunk, chunks):
                scores.extend(sc)
                rules.extend(ru)
    else:
        scores, rules = _score_chunk((uniq, lex))
    scores_a = np.asarray(scores + [0.0], dtype=float)
    rules_a = np.asarray(rules + ["no text"], dtype=object)
    idx = np.where(codes < 0, n, codes)
    sc = scores_a[idx]
    return sc, rules_a[idx], _label_codes(sc)


_EXCEL_NUMBER = re.compile(r"[+-]?\d(?:[.,]\d+)?E\+?\d+", re.IGNORECASE)


def _read_corrections(corrections: pd.DataFrame | str | Path) -> pd.DataFrame:
    source = None
    rows = None    # the file's line number of each row, for messages
    need = ["platform", "message_id", "sentiment_label"]
    if isinstance(corrections, (str, Path)):
        source = str(corrections)
        if not Path(corrections).is_file():
            raise DataError("corrections file not found", source=source)
        lines, delim = _config_csv_lines(Path(corrections), "corrections file", cp1252_ok=True)
        if not lines:
            raise DataError(f"the file is empty: expected a header {','.join(need)} and one row per "
                            "corrected message", source=source)
        table = list(csv.reader([ln for _, ln in lines], delimiter=delim))
        width = len(table[0])
        corrections = pd.DataFrame([(r + [""] * width)[:width] for r in table[1:]],
                                   columns=table[0], dtype=object)
        rows = [n for n, _ in lines[1:]]
    if not isinstance(corrections, pd.DataFrame):
        raise DataError(f"corrections must be a DataFrame or a CSV path, got {type(corrections).__name__}")
    # "Platform", " message_id " (a header retyped in Excel) name the same columns
    named = {str(col).strip().lower(): col for col in corrections.columns}
    missing = [c for c in need if c not in named]
    if missing:
        raise DataError(f"corrections are missing column(s) {missing}; expected {need}, found "
                        f"{[str(col) for col in corrections.columns]}", source=source, field=missing[0])
    c = pd.DataFrame({n: corrections[named[n]].astype("object").to_numpy() for n in need})

    def row_no(i: int) -> int:
        return rows[i] if rows is not None else i + 1

    c["sentiment_label"] = c["sentiment_label"].map(lambda v: v.strip().lower() if isinstance(v, str) else v)
    bad = ~c["sentiment_label"].isin(LABELS)
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise DataError(f"sentiment_label must be one of {list(LABELS)}, got "
                        f"{corrections[named['sentiment_label']].iloc[i]!r}", source=source, row=row_no(i),
                        field="sentiment_label")
    c["platform"] = c["platform"].astype(str).str.strip().str.lower()
    c["message_id"] = c["message_id"].astype(str).str.strip()
    mangled = c["message_id"].str.fullmatch(_EXCEL_NUMBER.pattern, case=False)
    if mangled.any():
        i = int(np.flatnonzero(mangled.to_numpy())[0])
        raise DataError(f"message_id {c['message_id'].iloc[i]!r} is a long id that Excel turned into a "
                        "number, losing its last digits, so it matches no message: copy the ids again "
                        "into a column formatted as Text (or edit the file in Notepad)",
                        source=source, row=row_no(i), field="message_id")
    # one message corrected twice to different labels: which one the learner meant is not known
    labels = c.groupby(["platform", "message_id"], sort=False)["sentiment_label"].nunique()
    clash = labels[labels > 1]
    if len(clash):
        plat, mid = clash.index[0]
        where = [row_no(int(i)) for i in np.flatnonzero(((c["platform"] == plat) & (c["message_id"] == mid)).to_numpy())]
        raise DataError(f"message {mid!r} ({plat}) is corrected more than once with different labels "
                        f"(rows {', '.join(map(str, where))}); keep the one you mean"
                        + (f" ({len(clash)} messages have this problem)" if len(clash) > 1 else ""),
                        source=source, row=where[-1], field="message_id")
    return c.drop_duplicates(["platform", "message_id"], keep="last")


RATING_SCALE = SCALE
"""Star ratings smlib understands: whole numbers 1…5 (:data:`smlib.stars.SCALE`)."""


def _stars_from_score(scores: np.ndarray) -> np.ndarray:
    """The stars behind scores :func:`apply_ratings` set (its score is ``(stars − 3) / 2``), so
    the rule text needs no second reading of the rating column."""
    return np.rint(np.asarray(scores, dtype=float) * 2 + 3)


def _rating_rule(stars: int) -> str:
    side = "negative" if stars < 3 else "positive"
    return f"{stars} of 5 stars: the reviewer's own verdict is {side}, so the stars outweigh the words"


def apply_ratings(scores: np.ndarray, ratings: pd.Series | Sequence | None,
                  source: str = "rating") -> tuple[np.ndarray, np.ndarray, dict]:
    """Let a review's stars overrule its words where the two disagree.

    1–2 stars with words that are not negative become negative, 4–5 stars with words that are
    not positive become positive; the new score is the stars' own (1★ −1, 2★ −0.5, 4★ +0.5,
    5★ +1) so priority and "most negative" lists agree with the label. 3 stars, missing stars
    and agreeing words keep the words' score. Ratings are used only when every given value is a
    whole number 1…5: on another scale (0–10, percentages) none is used, and the returned
    summary says so rather than guess.

    Text ratings such as ``"4/5"`` or ``"★★★★☆"`` are read by :func:`smlib.stars.read_stars`;
    values it cannot read are counted (``unreadable``) and left out, and ``why`` says so.

    Returns ``(scores, changed, summary)``: the new scores, a boolean mask of the rows whose
    score the stars replaced, and ``{"rated", "changed", "not_used", "unreadable", "why"}``.

    >>> s, changed, info = apply_ratings(np.array([0.6, -0.4, 0.2]), [1, 5, None])
    >>> s.tolist(), changed.tolist(), info["changed"]
    ([-1.0, 1.0, 0.2], [True, True, False], 2)
    """
    scores = np.asarray(scores, dtype=float)
    none = np.zeros(len(scores), dtype=bool)
    if ratings is None:
        return scores, none, {"rated": 0, "changed": 0, "not_used": 0, "unreadable": 0, "why": ""}
    if isinstance(ratings, pd.DataFrame):
        raise DataError(f"there are {ratings.shape[1]} columns called '{source}'; keep one",
                        field=source)
    if len(ratings) != len(scores):
        raise DataError(f"{len(ratings)} ratings for {len(scores)} scores; give one rating (or None) "
                        "per message", field=source)
    stars, unreadable = read_stars(pd.Series(ratings, copy=False))
    r = stars.to_numpy(dtype=float, na_value=np.nan)
    given = ~np.isnan(r)
    lo, hi = RATING_SCALE
    odd = not_whole_stars(r)
    info = {"rated": int(given.sum()), "changed": 0, "not_used": 0, "unreadable": unreadable, "why": ""}
    if unreadable:
        info["why"] = (f"{unreadable:,} value(s) in column '{source}' are not star ratings "
                       "smlib can read (such as 4, '4/5' or '★★★★☆'); they were left out")
    if odd.any():
        bad = sorted({float(v) for v in r[odd]})[:5]
        info["why"] = (f"column '{source}' has value(s) {[int(v) if v.is_integer() else v for v in bad]} "
                       f"that are not whole stars {lo}…{hi}, so no star rating was used")
        info["not_used"] = info["rated"]
        return scores, none, info
    stars_score = (r - 3) / 2
    to_neg = given & (r <= 2) & (scores > NEGATIVE_BELOW)
    to_pos = given & (r >= 4) & (scores < POSITIVE_FROM)
    changed = to_neg | to_pos
    info["changed"] = int(changed.sum())
    return np.where(changed, stars_score, scores), changed, info


def add_sentiment(frame: pd.DataFrame, corrections: pd.DataFrame | str | Path | None = None,
                  text_col: str = "text", lexicon: str | Path | None = None,
                  rating_col: str | None = "rating") -> pd.DataFrame:
    """Return a copy of ``frame`` with ``sentiment``, ``sentiment_label``, ``sentiment_rules``,
    ``sentiment_corrected``.

    ``rating_col``: a column of star ratings 1…5 (reviews). Where a review's stars and words
    disagree, the stars win (:func:`apply_ratings`); what happened is in
    ``result.attrs["sentiment_ratings"]``. ``None`` scores the words alone.

    ``corrections``: a frame or CSV path with ``platform, message_id, sentiment_label`` — a
    learner's verdict wins over the machine's and the stars (as in commercial tools). The count
    of corrections applied and not matched is in ``result.attrs["sentiment_corrections"]``.

    >>> import pandas as pd
    >>> add_sentiment(pd.DataFrame({"text": ["Love waiting on hold for an hour"]}))["sentiment_label"][0]
    'negative'
    """
    if not isinstance(frame, pd.DataFrame):
        raise DataError(f"add_sentiment needs a DataFrame, got {type(frame).__name__}")
    if text_col not in frame.columns:
        raise DataError(f"add_sentiment needs a '{text_col}' column; columns found: "
                        f"{list(map(str, frame.columns))}", field=text_col)
    if rating_col is not None and rating_col != "rating" and rating_col not in frame.columns:
        raise DataError(f"add_sentiment: no column '{rating_col}' for star ratings; columns found: "
                        f"{list(map(str, frame.columns))}", field=rating_col)
    sc, rules, codes = _score_unique(frame[text_col], lexicon, None)
    ratings_info = None
    if rating_col is not None and rating_col in frame.columns:
        sc, changed, ratings_info = apply_ratings(sc, frame[rating_col], source=rating_col)
        if changed.any():
            stars = _stars_from_score(sc[changed])
            # one rule text per star value (four at most), joined on without a per-row loop
            said = {v: _rating_rule(int(v)) for v in np.unique(stars)}
            rule = pd.Series(stars).map(said).to_numpy(dtype=object)
            old = pd.Series(rules[changed], dtype=object)
            rules = rules.copy()
            rules[changed] = np.where(old.eq("").to_numpy(), rule,
                                      (old + "; " + pd.Series(rule, dtype=object)).to_numpy(dtype=object))
            codes = _label_codes(sc)
    out = frame.copy()
    out["sentiment"] = sc
    out["sentiment_label"] = pd.Categorical.from_codes(codes, categories=list(LABELS))
    out["sentiment_rules"] = rules
    out["sentiment_corrected"] = False
    if ratings_info is not None:
        out.attrs["sentiment_ratings"] = ratings_info
    if corrections is not None:
        c = _read_corrections(corrections)
        if not {"platform", "message_id"} <= set(out.columns):
            raise DataError("corrections need 'platform' and 'message_id' columns in the frame",
                            field="message_id")
        key = out["platform"].astype(str).str.lower() + "\x1f" + out["message_id"].astype(str)
        ckey = c["platform"] + "\x1f" + c["message_id"]
        lookup = dict(zip(ckey, c["sentiment_label"]))
        new = key.map(lookup)
        hit = new.notna().to_numpy()
        lab = out["sentiment_label"].to_numpy(dtype=object)
        lab[hit] = new[hit].to_numpy()
        out["sentiment_label"] = lab
        out.loc[hit, "sentiment_corrected"] = True
        out.loc[hit, "sentiment_rules"] = "corrected by a person"
        # the score follows the person's label where they disagree, so priority (which reads the
        # score) respects the correction too: the middle of the label's band (−0.5, 0, +0.5)
        old_codes = _label_codes(out["sentiment"].to_numpy(dtype=float))
        new_codes = pd.Series(lab).map({n: i for i, n in enumerate(LABELS)}).to_numpy()
        moved = hit & (old_codes != new_codes)
        if moved.any():
            sc_now = out["sentiment"].to_numpy(dtype=float).copy()
            sc_now[moved] = np.array([-0.5, 0.0, 0.5])[new_codes[moved].astype(int)]
            out["sentiment"] = sc_now
        matched = int(pd.Series(ckey).isin(set(key)).sum())
        out.attrs["sentiment_corrections"] = {"applied": int(hit.sum()), "given": len(c),
                                              "unmatched": len(c) - matched}
        out["sentiment_label"] = pd.Categorical(out["sentiment_label"], categories=list(LABELS))
    return out


def explain_sentiment(text: str, lexicon: str | Path | None = None,
                      rating: int | None = None) -> pd.DataFrame:
    """Which words and rules moved the score of one message, in plain English.

    Returns a frame with ``what`` (word, phrase or rule), ``effect`` (its valence on VADER's
    −4…+4 scale; negative pushes towards negative) and ``why``. ``attrs`` holds the final
    ``score``, ``label`` and the cleaned ``text``. Give a review's ``rating`` (1…5 stars) to see
    whether the stars overruled the words, as :func:`add_sentiment` does.

    >>> explain_sentiment("no reply after 3 days").attrs["label"]
    'negative'
    >>> explain_sentiment("Wow, you're really spoiling us", rating=1).attrs["label"]
    'negative'
    """
    an = _analyzer(str(lexicon) if lexicon is not None else None)
    score, rules, details = an.score(text)
    if rating is not None:
        new, changed, info = apply_ratings(np.array([score]), [rating])
        if info["why"]:
            raise DataError(f"rating: {rating!r} is not a whole number of stars "
                            f"{RATING_SCALE[0]}…{RATING_SCALE[1]}", field="rating")
        if changed[0]:
            score = float(new[0])
            rule = _rating_rule(int(_stars_from_score(new[:1])[0]))
            rules = f"{rules}; {rule}" if rules else rule
    rows = [{"what": w, "effect": v, "why": why} for w, v, why in details]
    for r in rules.split("; ") if rules else []:
        if not r.startswith("customer-service words"):
            rows.append({"what": "(rule)", "effect": float("nan"), "why": r})
    out = pd.DataFrame(rows, columns=["what", "effect", "why"])
    out.attrs.update(score=score, label=label_for(score),
                     text=an.prepare(text)[0] if isinstance(text, str) else "")
    return out


def vader_scores(texts: Iterable[str]) -> list[float]:
    """Plain VADER compound scores (the baseline smlib is compared with)."""
    an = SentimentIntensityAnalyzer()
    return [an.polarity_scores(t if isinstance(t, str) else "")["compound"] for t in texts]
