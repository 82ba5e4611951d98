"""Claims about a tool in learners' writing — its cost, alerts, ease of use and what it
measures — read against the tools catalogue (``data/tools.toml``) for D1 reasons and P4
descriptions.

Only clear contradictions are refused: "it is free" when the catalogue's cost band is not free
(and it has no free tier), "it sends alerts" when ``alerts`` is false, "it is easy to use" when
``ease_of_use`` is 2 or less, "it measures sentiment" when sentiment is not in its measures, and
the opposite claims ("it is not free", "it has no alerts", "it is hard to use", "it doesn't
measure age") when the catalogue says the opposite. A claim is not judged when the clause it is
in hedges it ("if it had alerts", "I wish it was free", "it might …", a question), compares
tools ("cheaper than", "unlike", "other tools"), names another tool, or talks about what the
organisation needs ("the business needs something free"). Feedback names the KIND of claim
(cost, alerts, ease of use, measures), never the catalogue's value.

The words that make each claim are the named constants below (regular expressions, matched in
lower case at word edges); the facts they are checked against are the catalogue's, so a tutor
who updates a tool's facts changes what is accepted without touching this file.
"""
from __future__ import annotations

import functools
import re
from typing import Any

import pandas as pd

from ._answers import clean_text
from .d1 import _AND_VERB, APOSTROPHES, _SCOPE_END

# --------------------------------------------------------------------------- the claim words

COST_CLAIMS: dict[str, str] = {
    # claim -> words that make it (a "not" before them in the same clause turns the claim round)
    # "free for 30 days" / "free for a month" is a trial, not a free tool
    "free": r"free(?!\s+(?:up|time|trial|to try|of spam|(?:for|during) (?:the first )?(?:\d+|a|an|one|"
            r"two|three|four|seven|fourteen|thirty) (?:days?|weeks?|months?)\b|-?trial))|"
            r"for nothing|costs? nothing|no cost|"
            r"free of charge|without paying",
    # ("good value" is an opinion about worth, not a price: not judged)
    "cheap": r"cheap|low[- ]cost|low[- ]priced|inexpensive|affordable|budget[- ]friendly|"
             r"costs? (?:very )?little",
    "expensive": r"expensive|costly|pric(?:e)?y|costs? (?:much|a lot|lots)|a lot of money|"
                 r"lots of money",
    # ("you have to pay for adverts" is about adverts, not the tool)
    "paid": r"costs? (?:money|anything|a fee|a subscription)|"
            r"(?:have|has|must) (?:to )?pay(?!\s+(?:for|to)\s+(?:\w+\s+)?(?:adverts?|ads?|advertising|"
            r"adverti[sz]e|promot\w*|boost\w*|sponsored))|"
            r"(?:is|it's) paid|paid (?:for|tool|service|app|plans?|subscriptions?|version)|"
            r"subscription",
}
OPPOSITE_COST = {"free": "paid", "paid": "free", "cheap": "expensive", "expensive": "cheap"}

ALERT_CLAIM = (
    r"(?:sends?|sending|gives?|giving|has|have|having|with|offers?|provides?|gets?|getting|"
    r"receives?|includes?|comes? with|sets? up)\s+(?:(?:you|staff|them|us|the \w+|instant|quick|"
    r"real[- ]time|email|e-mail|push|automatic|an?|any|some|no|not)\s+){0,3}"
    r"(?:alerts?|notifications?|warnings?)"
    r"|alerts?\s+(?:you|staff|them|us|the (?:business|owner|team|staff|manager)|people|when|about)"
    r"|notif(?:y|ies|ying)\s+(?:you|staff|them|us|the|people|when)"
    r"|warns?\s+(?:you|staff|them|us|the (?:business|owner|team|staff|manager))"
    r"|(?:you|staff|they|we|the (?:business|owner|team|staff|manager)) (?:\w+ )?(?:get|gets|are|is|"
    r"will be|would be|can be) (?:\w+ )?(?:alerted|notified|warned)")
"""Saying the tool alerts someone: "it sends alerts", "it alerts staff", "you get notified"."""

EASY_CLAIM = r"easy|easier|simple|straightforward|user[- ]friendly|quick to learn"
HARD_CLAIM = r"hard|difficult|complicated|complex|confusing|tricky"
USE_VERBS = ("use", "learn", "set", "setup", "understand", "get", "pick", "start", "navigate",
             "work", "operate", "master")
""""easy to <one of these>" is about ease of use; "easy to see which messages are urgent" is not."""
_EASE_LEAD = re.compile(r"(?:\b(?:is|it's|its|are|be|being|very|really|quite|so|fairly|pretty|"
                        r"super|too|extremely|incredibly|and|not|isn't|also)|,)\s*$")

MEASURE_VERBS = (r"measures?|measuring|analy[sz]es?|analy[sz]ing|tracks?|tracking|counts?|counting|"
                 r"shows?|showing|gives?|giving|tells? (?:you|staff|us|the \w+)|reports?(?: on)?|"
                 r"works? out|detects?|detecting|finds? out|breaks? down|records?|picks? up on|"
                 r"spots?")
"""Verbs that say a tool gives a measure ("it shows the age of followers")."""
MEASURE_TERMS: dict[str, str] = {
    # measure (smlib.tools.MEASURES) -> words for it after a measure verb
    "complaints_sentiment": r"sentiment|how (?:people|customers|users|followers) feel|moods?|"
                            r"positive (?:or|and) negative|good (?:or|and) bad",
    "age_group": r"ages?(?! of \d)|age (?:groups?|bands?|ranges?)|how old",
    "location": r"locations?|where (?:people|customers|users|followers|they) (?:live|are|come from)|"
                r"countr(?:y|ies)|regions?",
    "number_of_users": r"(?:number|numbers) of (?:users|followers|people|customers)|"
                       r"how many (?:users|followers|people|customers)|follower (?:numbers|counts?|growth)",
    "themes": r"themes?|topics?|what (?:people|customers|users|followers) (?:talk|are talking|write|post) about",
    "feedback": r"feedback",
}
COMPLAINT_TERMS = r"complaints?|negative (?:comments?|messages?|posts?|reviews?|feedback)"
"""Complaints count as the sentiment measure only after a counting verb ("it counts complaints");
"it shows complaints on Facebook" may just mean it shows those messages."""
COUNTING_VERBS = (r"measures?|measuring|analy[sz]es?|analy[sz]ing|counts?|counting|"
                  r"detects?|detecting|works? out|tells? you how many|shows? how many")
FEATURE_CLAIM = (r"(?:has|have|having|with|offers?|provides?|includes?|does|gives?|uses?)\s+"
                 r"(?:(?:a|an|some|any|no|built-in|automatic|its own|good)\s+)?"
                 r"(sentiment|theme|topic)(?: analysis| tracking| detection| scores?)")
"""A feature named as a noun: "it has sentiment analysis"."""
_MEASURE_GLUE = re.compile(
    r"(?:the|a|an|and|or|also|how|many|much|their|your|its|our|of|what|which|number|numbers|"
    r"level|levels|amount|basic|detailed|full|overall|all|both|you|us|staff|them|data|details|"
    r"customers'|followers'|users'|people's|people|customers|users|followers|audience)(?![a-z0-9'])"
    r"\s*|,\s*")

# --------------------------------------------------------------------------- when not to judge

HEDGES = re.compile(r"\b(?:if|unless|whether|wish|wished|hope|hoped|might|maybe|perhaps|should|"
                    r"ought|need|needs|needed|want|wants|wanted|would like|may (?:be|have|not)|"
                    r"looking for)\b")
"""A hedge BEFORE the claim in its clause: "if it had alerts", "the business needs something free"."""
VALUE_TALK = re.compile(r"\b(?:would|could) (?:help|be (?:better|nice|good|useful|great|helpful|"
                        r"important))\b|\b(?:is|are) important\b|\bmatters?\b|\?")
"""Anywhere in the clause: a claim about what would be good, not what the tool does."""
GENERIC = re.compile(r"\b(?:other tools?|tools|another tool|any tool|a tool|others|alternatives?|"
                     r"competitors?|software|apps|than|unlike|compared|instead|rather|more|less|most|least|cheaper|"
                     r"dearer|pricier|easier|harder)\b")
"""A comparison or a statement about tools in general: not judged."""
_CLAUSE = re.compile(
    _SCOPE_END.pattern                     # d1's clause ends: but, although, ";", ", it" …
    + r"|\b(?:which|because)\b"
    r"|\b(?:so|since)\b(?=\s+(?:it|its|it's|they|you|we|staff|the|that|this)\b)"
    r"|\b(?:and|or|plus),?\s+(?=(?:it|its|it's|they|you|the tool|this tool)\b)")
"""Where a claim's clause ends: d1's clause-limited negation (a "not" reaches only to the end
of its clause), and also at "which", "because" and "and it" (a P4 sentence is not split into
reasons first, as D1's are)."""
_NOT = re.compile(r"\b(?:not|no|never|neither|nor|without|cannot|can't|doesn't|don't|isn't|won't|"
                  r"wouldn't|couldn't|lacks?|lacking|"
                  # typed without the apostrophe; curly apostrophes are folded in clauses()
                  r"isnt|doesnt|dont|wont|cant|arent|hasnt|havent|didnt|wouldnt|couldnt)\b|n't\b")

FACT_NAMES = {"cost": "cost", "alerts": "alerts", "ease": "ease of use", "measures": "2.1 measures"}
"""The catalogue table's names for the facts (its columns: Cost, Alerts, Ease (1-5), 2.1 measures)."""
KINDS = ("cost", "alerts", "ease", "measures")


def _name_pattern(tid: str, cat: pd.DataFrame) -> re.Pattern[str]:
    """The ways a text names one tool: its full name, its id, and its first word when
    :func:`smlib.checks.p4.tools_named` reads that alone as the tool."""
    from .p4 import tools_named
    name = str(cat.set_index("id").loc[tid, "name"])
    words = re.sub(r"[^a-z0-9]+", " ", name.lower()).split()
    alts = [r"[\s\-]*".join(re.escape(w) for w in words), r"[\s\-]*".join(tid.split("-")),
            re.escape("".join(words))]
    if words and tools_named(words[0], cat) == {tid}:
        alts.append(re.escape(words[0]))
    joined = "|".join(sorted(set(alts), key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{joined})(?![a-z0-9])")


def clauses(text: str) -> list[str]:
    """The clauses of a text (lower case), split where a "not" stops reaching."""
    from ._answers import sentences
    out = []
    for s in sentences(clean_text(text).lower().translate(APOSTROPHES)):
        s = re.sub(r"\bnot (?:only|just)\b", " ", s)      # "not only is it free"
        out += [c.strip() for c in _CLAUSE.split(s) if c and c.strip()]
    return out


def _negated(clause: str, start: int, said: str = "") -> bool:
    """A "not" in the 40 characters before the claim in its clause, or "no" inside the claim
    ("it has no alerts")."""
    ends = [m.end() for m in _AND_VERB.finditer(clause) if m.end() <= start]
    before = clause[ends[-1] if ends else 0:start]   # "it isn't dear and sends alerts"
    return bool(_NOT.search(before[-40:]) or re.search(r"\b(?:no|not)\b", said))


def _judged(clause: str, start: int) -> bool:
    """May a claim starting at ``start`` be judged (not hedged, not a comparison)?"""
    return not (HEDGES.search(clause[:start]) or VALUE_TALK.search(clause) or GENERIC.search(clause))


def _word(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9'])(?:{pattern})(?![a-z0-9])")


_COST = {k: _word(v) for k, v in COST_CLAIMS.items()}
_ALERT = _word(ALERT_CLAIM)
_EASY, _HARD = _word(EASY_CLAIM), _word(HARD_CLAIM)
_MVERB, _CVERB = _word(MEASURE_VERBS), _word(COUNTING_VERBS)
_MTERMS = {m: re.compile(rf"(?:{p})(?![a-z0-9])") for m, p in MEASURE_TERMS.items()}
_CTERM = re.compile(rf"(?:{COMPLAINT_TERMS})(?![a-z0-9])")
_FEATURE = _word(FEATURE_CLAIM)


def claims(clause: str) -> list[tuple[str, Any]]:
    """The claims one clause (about one tool, its name replaced by "it") makes:
    ``("cost", "free")``, ``("alerts", False)``, ``("ease", "easy")``,
    ``("measures", ("age_group", True))``…

    >>> claims("it is free and very easy to use")
    [('cost', 'free'), ('ease', 'easy')]
    >>> claims("it does not send alerts")
    [('alerts', False)]
    >>> claims("if it had alerts it would be better")
    []
    """
    out: list[tuple[str, Any]] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return not any(a < m.end() and m.start() < b for a, b in taken)

    for claim, rx in _COST.items():
        for m in rx.finditer(clause):
            if free(m) and _judged(clause, m.start()):
                taken.append(m.span())
                out.append(("cost", OPPOSITE_COST[claim] if _negated(clause, m.start()) else claim))
    for m in _ALERT.finditer(clause):
        if _judged(clause, m.start()):
            said = not _negated(clause, m.start(), m.group(0))
            if said and "notif" in m.group(0) and not re.search(r"urgent|important|seriou", clause):
                said = "notify"              # "it notifies you of new messages" (not urgent ones)
            out.append(("alerts", said))
    for rx, claim in ((_EASY, "easy"), (_HARD, "hard")):
        for m in rx.finditer(clause):
            after = re.match(r"\s*(?:for (?:[a-z']+\s+){1,3}?)?to\s+([a-z]+)", clause[m.end():])
            if after and after.group(1) not in USE_VERBS:
                continue                     # "easy to see which messages are urgent"
            if not after and not _EASE_LEAD.search(clause[:m.start()]):
                continue                     # "a simple report", "hard work"
            if re.search(r"\b(?:makes?|made|making)\s+(?:it\s+)?$", clause[:m.start()]):
                continue                     # "it makes it easy …"
            if re.search(r"\b(?:once|after|with|given)\b.*\b(?:train\w*|practi[cs]e|taught|shown)\b",
                         clause[m.end():]):
                continue                     # "easy to use once you have had training": hedged
            if _judged(clause, m.start()):
                neg = _negated(clause, m.start())
                out.append(("ease", {"easy": "hard", "hard": "easy"}[claim] if neg else claim))
    for m in _MVERB.finditer(clause):
        if not _judged(clause, m.start()):
            continue
        counting = bool(_CVERB.fullmatch(m.group(0)))
        rest, pos = clause[m.end():].lstrip(), 0
        for _ in range(12):
            part = rest[pos:]
            hit = next(((meas, mm) for meas, rx in _MTERMS.items() if (mm := rx.match(part))), None)
            if hit is None and counting and (cm := _CTERM.match(part)):
                hit = ("complaints_sentiment", cm)
            if hit is not None:
                out.append(("measures", (hit[0], not _negated(clause, m.start()))))
                pos += hit[1].end()
            else:
                g = _MEASURE_GLUE.match(part)
                if not g or not g.group(0):
                    break
                pos += g.end()
            pos += len(rest[pos:]) - len(rest[pos:].lstrip())
    for m in _FEATURE.finditer(clause):
        if _judged(clause, m.start()):
            meas = "complaints_sentiment" if m.group(1) == "sentiment" else "themes"
            out.append(("measures", (meas, not _negated(clause, m.start(), m.group(0)))))
    return list(dict.fromkeys(out))


def _free_only(row: pd.Series) -> bool:
    """The catalogue gives no price at all: free, with no paid plan mentioned."""
    text = str(row.get("cost", "")).lower()
    return row["cost_band"] == "free" and not re.search(r"\d|paid|plan|premium|price", text)


@functools.lru_cache(maxsize=None)
def _alert_notes() -> dict[str, str]:
    """Each tool's catalogue note on its alerts fact (lower case), e.g. Meta Business Suite's
    "Notifies you of every new comment or message, but has no rules …"."""
    try:
        from ..tools import catalogue_facts
        f = catalogue_facts()
    except Exception:                        # a tutor's broken catalogue: judge as before
        return {}
    f = f[f["fact"] == "alerts"]
    return {str(t): str(n).lower() for t, n in zip(f["tool"], f["note"])}


def _alert_note(tid: str) -> str:
    return _alert_notes().get(tid, "")


def contradicts(kind: str, claim: Any, row: pd.Series) -> bool:
    """Does the catalogue row clearly contradict this claim?"""
    if kind == "cost":
        band, free_tier = str(row["cost_band"]), bool(row.get("free_tier", False))
        return {"free": band != "free" and not free_tier,
                "paid": _free_only(row),
                "cheap": band in ("high", "quote") and not free_tier,
                "expensive": band == "free"}[claim]
    if kind == "alerts":
        if claim == "notify" and not row["alerts"] and re.search(r"\bnotif",
                                                                   _alert_note(str(row.name))):
            return False    # "it notifies you of every new message": true, though not urgent-alerts
        return bool(claim) != bool(row["alerts"])
    if kind == "ease":
        ease = int(row["ease_of_use"])
        return ease <= 2 if claim == "easy" else ease >= 4
    if kind == "measures":
        measure, says = claim
        return (measure in set(row["measures"])) != says
    return False


def wrong_claims(piece: str, tid: str, cat: pd.DataFrame) -> list[str]:
    """The kinds of claim (cost, alerts, ease, measures) in a piece of text about tool ``tid``
    that the catalogue contradicts, in :data:`KINDS` order. A piece naming another tool is not
    judged: it compares, and "which is free" in "it is expensive, unlike Meta, which is free"
    is about the other tool."""
    from .p4 import tools_named
    if tools_named(piece, cat) - {tid}:
        return []
    row = cat.set_index("id").loc[tid]
    name = _name_pattern(tid, cat)
    wrong: set[str] = set()
    for clause in clauses(piece):
        for kind, claim in claims(name.sub("it", clause)):
            if contradicts(kind, claim, row):
                wrong.add(kind)
    return [k for k in KINDS if k in wrong]


def tool_pieces(text: str, cat: pd.DataFrame) -> list[tuple[str, str]]:
    """``(tool, piece)`` for a text about several tools (P4): each sentence with the tool it is
    about (see :func:`smlib.checks.p4._by_tool`); a sentence naming several tools is read
    clause by clause, each clause naming exactly one tool being about that tool."""
    from .p4 import _by_tool, tools_named
    out = []
    for tool, sentence in _by_tool(text, cat):
        if tool is not None:
            out.append((tool, sentence))
            continue
        for clause in clauses(sentence):
            named = tools_named(clause, cat)
            if len(named) == 1:
                out.append((next(iter(named)), clause))
    return out


def claim_feedback(found: list[tuple[str, str]], cat: pd.DataFrame, where: str) -> list[str]:
    """Learner feedback for ``(tool, kind)`` pairs, one line per tool naming the kinds of claim
    (cost, alerts, ease of use, measures), never the catalogue's value. ``where`` is "reasons"
    or "sentences".

    >>> cat = pd.DataFrame({"id": ["t"], "name": ["Tool A"]})
    >>> claim_feedback([("t", "cost"), ("t", "ease")], cat, "reasons")
    ["one of your reasons says something about Tool A's cost and ease of use that the catalogue does not support — check the catalogue's cost and ease of use for this tool"]
    """
    names = dict(zip(cat["id"].astype(str), cat["name"].astype(str)))
    by_tool: dict[str, list[str]] = {}
    for tid, kind in found:
        by_tool.setdefault(tid, [])
        if kind not in by_tool[tid]:
            by_tool[tid].append(kind)
    out = []
    for tid, kinds in by_tool.items():
        labels = [FACT_NAMES[k] for k in KINDS if k in kinds]
        said = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
        out.append(f"one of your {where} says something about {names.get(tid, tid)}'s {said} "
                   f"that the catalogue does not support — check the catalogue's {said} for "
                   f"this tool")
    return out
