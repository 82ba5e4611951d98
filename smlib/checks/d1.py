"""D1 checks: recommend one online tool for the organisation and give reasons.

D1 is the learner's own judgement, so there is no single right tool: the checks look for what
the criterion needs — a tool that exists and is still available, that sees at least one of the
organisation's platforms, and at least two reasons tied to the organisation's own data. The
weights task compares with :func:`smlib.recommend_tool` run on the practice organisation.
"""
from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ._answers import (PLACEHOLDER_HINT, Figures, clean_text, has_any, known_figures,
                       mentions_platform, placeholders, sentences, unknown_figures)
from ._context import Context
from ._core import TEXT, Verdict, task
from .p4 import catalogue, coverage, tool_id, tools_named

COST_FIRST = {"cost": 10}
"""The weights the D1 'what if cost matters most?' task asks learners to try."""

REASON_TYPES: dict[str, tuple[str, ...]] = {
    "what it sees": ("see", "sees", "cover", "coverage", "platform", "messages", "listen",
                     "mention", "comments", "reviews", "dm", "direct message"),
    "what it measures": ("sentiment", "complain", "negative", "age", "location", "user",
                         "follower", "theme", "feedback", "measure", "report", "analytic",
                         "insight", "track"),
    "alerts": ("alert", "urgent", "notif", "straight away", "quickly", "real time", "real-time"),
    "cost": ("free", "cost", "price", "£", "cheap", "afford", "budget", "money", "pay", "expensive"),
    "ease of use": ("easy", "simple", "ease", "user friendly", "user-friendly", "quick to learn",
                    "staff can use"),
}


_NOT = re.compile(r"\b(?:not|no|never|miss|misses|missing|missed|without|except|apart from|"
                  r"cannot|can't|doesn't|don't|isn't|won't|"
                  # typed without the apostrophe ("it isnt free"); curly ones are folded first
                  r"isnt|doesnt|dont|wont|cant|arent|hasnt|havent|didnt|wouldnt|couldnt)\b|n't\b")
APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'"})
"""Curly and other apostrophes folded to ' before negations are read ("isn’t free")."""
_SAVING = ("free", "cheap", "afford", "low cost", "low-cost", "no cost", "doesn't cost",
           "does not cost", "not expensive", "isn't expensive", "costs nothing", "no money",
           "doesnt cost", "isnt expensive")


def _for_the_tool(piece: str, stems: tuple[str, ...], kind: str) -> bool:
    """Does this piece give a reason of this kind for the tool (not negated: "it does not see
    TikTok" is a reason against)? For cost, "it doesn't cost anything" is a reason for it."""
    p = re.sub(r"\bnot (?:only|just)\b", " ",                          # "not only is it free"
               clean_text(piece).lower().translate(APOSTROPHES))
    if kind == "cost" and any(w in p for w in _SAVING) and not re.search(
            r"\bnot (?:free|cheap|affordable)\b|\bisn'?t (?:free|cheap|affordable)\b", p):
        return True
    for stem in stems:
        for m in re.finditer(r"(?<![a-z])" + re.escape(stem.lower()), p):
            # a "not" reaches only to the end of its clause: "it is not free but it covers
            # TikTok" gives coverage as a reason (found by a review, session 13)
            ends = [a.end() for a in _AND_VERB.finditer(p) if a.end() <= m.start()]
            before = _SCOPE_END.split(p[ends[-1] if ends else 0:m.start()])[-1]
            if not _NOT.search(before[-40:]):
                return True
    return False


_SCOPE_END = re.compile(
    r"\b(?:but|although|though|however|yet|whereas|while|whilst)\b|[;:]"
    # a comma ends it when a new clause starts ("although it is not free, it covers TikTok"),
    # not inside a list ("it does not measure sentiment, age or location")
    r"|,(?=\s*(?:and\s+|so\s+|plus\s+)?(?:it|it's|its|this|that|they|there|which|the tool|"
    r"you|we|staff|the (?:business|organisation|owner|manager|cinema|salon|shop)|[a-z0-9]+ (?:is|has|can|will|would|does|covers|sees|sends)\b)\b)"
    # "as", "because", "so", "since" end it too ("staff won't miss complaints as it sends alerts")
    r"|\b(?:as|because|since|so)\b(?=\s+(?:it|it's|its|they|you|we|staff|there|this|that|the)\b)")
_AND_VERB = re.compile(
    # "and" before a new verb ends a "not" ("it doesn't cost much and sends alerts"), but not a
    # list ("it does not measure sentiment, age or location") or "or" ("doesn't send alerts or
    # measure complaints": neither)
    r"\b(?:and|plus)\b(?=,?\s+(?:also\s+|it\s+|it's\s+|then\s+)?(?:sends?|shows?|gives?|has|have|is|"
    r"are|costs?|covers?|lets?|can|will|does|makes?|alerts?|notif(?:y|ies)|warns?|offers?|"
    r"provides?|includes?|comes?|gets?|helps?|sees?|works?|measures?|tracks?|counts?|"
    r"analy[sz]es|reports?|tells?|finds?|detects?|records?|spots?|breaks?|picks?|listens?|"
    r"monitors?|looks?|checks?|collects?|displays?|lists?)\b)")


def _unknown_tool(value: Any) -> str:
    if not isinstance(value, str):
        return "give the tool's name as text in quotes, as it is written in the table."
    return "I can't find that tool in the catalogue; use a name from the table."


ONE_TOOL = "name just one tool."

_PIECE = re.compile(r";|\bbecause\b|,\s*and\b|\b(?:and )?also\b|\band (?=it\b|its\b|the tool\b)")
"""Where one reason ends and the next begins inside a sentence ("…, and it sends alerts")."""


def read_tool(value: Any, cat: Any) -> tuple[str | None, str | None]:
    """(tool id, problem): a tool's name, or the one tool a short sentence names ("I recommend
    Brandwatch"); two tools ("Brandwatch and Hootsuite") give a problem, not the first."""
    tid = tool_id(value, cat)
    if tid is not None:
        return tid, None
    named = tools_named(value, cat) if isinstance(value, str) and len(value) <= 120 else set()
    if len(named) > 1:
        return None, ONE_TOOL
    if len(named) == 1 and not re.search(r"\b(?:not|never|don't|wouldn't)\b", value.lower()):
        return named.pop(), None
    return None, _unknown_tool(value)


def _tool_verdict(my_tool: Any, ctx: Context) -> tuple[str | None, str | None]:
    """(tool id, problem) for the learner's chosen tool."""
    cat = catalogue(ctx)
    tid, problem = read_tool(my_tool, cat)
    if tid is None:
        return None, problem
    status = str(cat.set_index("id").loc[tid, "status"])
    if status == "closed":
        return tid, "that tool has closed down, so the organisation can't use it."
    if status != "available":
        return tid, ("nobody could confirm that tool is still available, so it is a risky "
                     "recommendation; choose one that is available.")
    covered = coverage(ctx).set_index("id").loc[tid, "platforms_covered"]
    if not len(covered):
        return tid, "that tool does not cover any platform the organisation uses."
    return tid, None


@task("d1.tool", "D1 task 1 (choose a tool)", ("my_tool",),
      ("tool name, in quotes",))
def choose(my_tool: Any, ctx: Context) -> Verdict:
    tid, problem = _tool_verdict(my_tool, ctx)
    if problem:
        return Verdict.no(problem)
    return Verdict.yes("that tool is available and can see some of the organisation's activity. "
                       "Now give your reasons.")


@task("d1.reasons", "D1 task 2 (reasons for your choice)", ("my_tool", "my_reasons"),
      ("tool name, in quotes", TEXT))
def reasons(my_tool: Any, my_reasons: Any, ctx: Context) -> Verdict:
    tid, problem = _tool_verdict(my_tool, ctx)
    if problem:
        return Verdict.no("first choose a tool that passes task 1: " + problem)
    text = clean_text(my_reasons)
    if placeholders(text):
        return Verdict.no("this is not yet a justified recommendation: " + PLACEHOLDER_HINT + ".")
    plats = sorted(set(ctx.frame["platform"].astype(str)))
    named = [p for p in plats if mentions_platform(text, p)]
    covered = set(coverage(ctx).set_index("id").loc[tid, "platforms_covered"])
    missing = []
    cat = catalogue(ctx)
    pieces = list(dict.fromkeys(   # a reason written twice is one reason
        " ".join(p.lower().split()) for s_ in sentences(text) for p in _PIECE.split(s_)
        if len(re.findall(r"[A-Za-z]+", p)) >= 2))
    # a piece about another tool only ("Hootsuite sees Facebook") is not a reason for this one;
    # one that says "it" compares the chosen tool with it ("it is free, unlike Brandwatch")
    others = [p for p in pieces if tools_named(p, cat) - {tid} and tid not in tools_named(p, cat)
              and not re.search(r"\b(?:it|its|it's)\b", p)]
    mine = [p for p in pieces if p not in others]
    # a kind of reason counts when some piece says it FOR the tool: "it does not see Facebook"
    # and "it is not easy to use" are reasons against it
    kinds = {k for p in mine for k, stems in REASON_TYPES.items() if _for_the_tool(p, stems, k)}
    against = {k for p in mine for k, stems in REASON_TYPES.items() if has_any(p, stems)} - kinds
    # two kinds of reason, in two statements or one long one ("it is free and covers Facebook
    # and Instagram, which is where 71% of the messages are")
    if len(kinds) < 2 or not (len(mine) >= 2 or any(len(p.split()) >= 10 for p in mine)):
        missing.append("it gives fewer than two different reasons for choosing the tool"
                       + (" (some of your reasons say what it can't do)" if against else "")
                       + (" (some are about another tool, not the one you chose)" if others else ""))
    if not (named or re.search(r"\d", text)):
        missing.append("the reasons are not tied to the organisation's own data (its platforms "
                       "or your figures)")
    # a platform the tool does not cover, named in a sentence that does not say so
    wrong = [p for p in named if p not in covered
             and any(mentions_platform(s_, p) and not _NOT.search(s_.lower()) for s_ in sentences(text)
                     if not (tools_named(s_, cat) - {tid}))]
    if wrong:
        missing.append("one of your reasons relies on a platform your tool does not cover")
    odd = list(dict.fromkeys(w for p in pieces for w in odd_figures(p, ctx, None if p in others else tid)))
    # a reason that says something the catalogue contradicts ("it is free" for a paid tool,
    # "it sends alerts" for one without): only the kind of claim is named, never the value
    # (found by a review, session 13)
    from ._claims import claim_feedback, wrong_claims   # (it reads this module's clause ends)
    missing += claim_feedback([(tid, k) for p in mine for k in wrong_claims(p, tid, cat)],
                              cat, "reasons")
    if odd:   # "it would see 10% of messages" when it sees 71%: a reason built on a wrong figure
        missing.append(f"{'this figure is' if len(odd) == 1 else 'these figures are'} not in the "
                       f"organisation's data or the tool comparison: {', '.join(odd[:4])} (check "
                       f"{'it' if len(odd) == 1 else 'each one'} against your notes)")
    if missing:
        return Verdict.no("this is not yet a justified recommendation: " + "; ".join(missing) + ".")
    return Verdict.yes("you recommend an available tool and give reasons tied to the "
                       "organisation's data.")


def _figures(ctx: Context) -> set[float]:
    """Every figure a learner may quote in P4 or D1: the data's (as in P3), the tool comparison's
    and the catalogue's, with the percentages of all of them (cached)."""
    from ..tools import recommend_tool
    from .p3 import data_figures
    cache = ctx.__dict__.setdefault("_tools", {})
    if "figures" not in cache:
        rec = recommend_tool(ctx.ds, days=ctx.days, catalogue=catalogue(ctx))
        out = data_figures(ctx) | known_figures(coverage(ctx), catalogue(ctx), rec.scores, rec.coverage)
        out.percents |= {p for t in coverage(ctx)["id"] for p in _tool_percents(ctx, str(t))}
        cache["figures"] = out
    return cache["figures"]


def _tool_percents(ctx: Context, tool: str) -> set[float]:
    """The percentages that describe one tool: the share of messages it sees (and misses), of
    those needing action or urgent, and of the messages on the platforms it covers."""
    cache = ctx.__dict__.setdefault("_tools", {}).setdefault("tool_percents", {})
    if tool not in cache:
        row = coverage(ctx).set_index("id").loc[tool]
        shares = [float(row[c]) for c in row.index if str(c).startswith("share_")
                  and row[c] is not None and not pd.isna(row[c])]
        plats = ctx.window["platform"].astype(str)
        on = plats.isin(set(row["platforms_covered"])).mean() if len(plats) else 0.0
        cache[tool] = {round(100 * x, 4) for x in shares + [float(on)]} | \
            {round(100 * (1 - x), 4) for x in shares[:1] + [float(on)]}
    return cache[tool]


_SEES_SHARE = re.compile(r"\b(?:sees?|would see|could see|covers?|would cover|picks? up|tracks?|"
                         r"monitors?|misses|would miss)\s+(?:about |around |roughly |nearly |almost |"
                         r"only |just |over |under |more than |less than )?(\d+(?:\.\d+)?)\s*%")
"""A share straight after "sees"/"covers"/"misses": what a tool sees, checked against that tool."""


def odd_figures(piece: str, ctx: Context, tool: str | None) -> list[str]:
    """Figures in one piece of a P4/D1 answer that match nothing in the data or the tool
    comparison; and, in a piece about ``tool`` alone, a share it is said to see ("it sees 98%
    of messages") that is another tool's and not its own."""
    pool = _figures(ctx)
    odd = unknown_figures(piece, pool)
    if tool is None or tools_named(piece, catalogue(ctx)) - {tool}:   # a comparison quotes both
        return odd
    mine = Figures()
    mine.percents = set(_tool_percents(ctx, tool))
    for m in _SEES_SHARE.finditer(clean_text(piece).lower()):
        w = m.group(1) + "%"
        if w not in odd and unknown_figures(w, mine):    # matched as any figure is ("about 90%")
            odd.append(w)
    return odd


@task("d1.weights", "D1 task 3 (what if cost matters most?)", ("cost_first_choice",),
      ("tool name, in quotes",))
def weights(cost_first_choice: Any, ctx: Context) -> Verdict:
    from ..tools import recommend_tool

    cat = catalogue(ctx)
    tid, problem = read_tool(cost_first_choice, cat)
    if tid is None:
        return Verdict.no(problem or _unknown_tool(cost_first_choice))
    cache = ctx.__dict__.setdefault("_tools", {})
    if "rec" not in cache:
        cache["rec"] = (recommend_tool(ctx.ds, days=ctx.days, catalogue=cat),
                        recommend_tool(ctx.ds, days=ctx.days, weights=COST_FIRST, catalogue=cat))
    usual, cost_first = cache["rec"]
    if tid == cost_first.recommended:
        return Verdict.yes("that is the tool recommended when cost counts most.")
    if str(cat.set_index("id").loc[tid, "status"]) != "available":
        return Verdict.no("recommend_tool never recommends a tool that is closed or unverified.")
    if tid == usual.recommended:
        return Verdict.no("that is the tool recommended with the starting weights, not with "
                          "the changed ones.")
    return Verdict.no("that is not the tool recommend_tool picks with those weights.")
