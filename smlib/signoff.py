"""When is "thanks" only politeness?

"Is it open on Sunday? Thanks" asks a question; the "thanks" signs it off. There is nothing to
thank the customer for, so it is not praise: sentiment already scores it neutral (a question
signed off "thanks" is an enquiry), and themes and priority read it the same way through
:func:`polite_thanks`.

A thank-you still counts when it thanks for something ("thanks for sorting it", "thanks
again"), or when other praise words come with it.

A "thanks" closing a message that is not a question is left as praise: "It's a OnePlus 5 on
Android 8. Thanks" (a sign-off) and "That latte fixed my whole Monday. Thanks" (gratitude) look
the same to word rules, and the second kind is common in praise.

>>> [polite_thanks(t, ["thanks"]) for t in ["Is it open on Sunday? Thanks",
...     "Thanks for sorting it! Can I also change my seat?", "Thanks!",
...     "Massive thanks to Dave. Could you pass it on?"]]
[True, False, False, False]
"""
from __future__ import annotations

import re
from typing import Iterable

THANKS_WORDS = frozenset({"thanks", "thank you", "thank u", "thankyou", "thank", "thx", "ty",
                          "cheers", "many thanks"})
"""Plain thank-you words (as matched, lower case): polite by themselves, praise only when they
thank for something or come with other praise."""
_THANK = r"(?:thanks|thank\s+(?:you|u)|thankyou|thx|ty|cheers)"
"""A plain thank-you, in any letter case (the regular-expression form of THANKS_WORDS)."""
_THANKS_FOR = re.compile(rf"\b{_THANK}\b"
                         r"(?:\s+(?:so|very)\s+much|\s+a\s+lot|\s+(?:all|guys|everyone|team))?"
                         r"[\s,]+(?:for|again)\b", re.IGNORECASE)
_CLOSING = re.compile(
    rf"(?:^|[\s,.!?;:)(\-])(?:(?:many|big)\s+)?{_THANK}"
    r"(?:\s+(?:so|very)\s+much|\s+a\s+lot|\s+(?:all|guys|everyone|team|again))?"
    r"(?:\s+(?:x+|:\)|:-\)))?[\W_]*$", re.IGNORECASE)


def thanks_for(text: str) -> bool:
    """True if ``text`` thanks for something ("thanks for the refund", "thank you again").

    >>> thanks_for("Thank you so much for sorting it"), thanks_for("Is it open? Thanks")
    (True, False)
    """
    return isinstance(text, str) and _THANKS_FOR.search(text) is not None


def closing_thanks(text: str) -> bool:
    """True if ``text`` ends with a plain thank-you: "…? Thanks", "…please, thank you x".

    >>> [closing_thanks(t) for t in ("Is it open on Sunday? Thanks!", "Thanks! Is it open?",
    ...                              "Could you pass on my thanks?")]
    [True, False, False]
    """
    if not isinstance(text, str):
        return False
    m = _CLOSING.search(text)
    if m is None:
        return False
    before = re.findall(r"[\w']+", text[:m.start() + 1])
    return not before or before[-1].lower() not in _NOUN_BEFORE   # "pass on my thanks" is gratitude


_NOUN_BEFORE = frozenset({"my", "our", "his", "her", "their", "your", "the", "a", "big", "huge",
                          "massive", "special", "these", "those", "pass", "send", "give", "owe",
                          "say", "said", "and", "to"})
"""A word before "thanks" that makes it part of a sentence ("pass on my thanks"), not a sign-off."""


def signs_off(text: str) -> bool:
    """True if ``text`` ends with a plain thank-you that thanks for nothing: a sign-off, the
    politeness that closes a question or request (sentiment and priority both read it so).

    >>> signs_off("Can you call me back? Thanks"), signs_off("Thanks for the call back")
    (True, False)
    """
    return closing_thanks(text) and not thanks_for(text)


def polite_thanks(text: str, praise_words: Iterable[str], question: bool | None = None) -> bool:
    """True if the only praise in ``text`` is a plain "thanks" that closes a question or request.

    ``praise_words``: the praise words found in the text (lower case). ``question``: whether
    the message asks or requests something; None means "has a question mark". A thank-you that
    opens the message or thanks someone ("Massive thanks to Dave. Could you pass it on?") is
    gratitude, not a sign-off.
    """
    words = list(praise_words)
    if not words or not all(w in THANKS_WORDS for w in words):
        return False
    asks = ("?" in text) if question is None else question
    return bool(asks) and signs_off(text)
