"""P4 checks: describe how useful the online monitoring tools are for the organisation.

Expected values come from the tools catalogue (:func:`smlib.load_tool_catalogue`, the tutor's
``data/tools.toml``) and :func:`smlib.tool_coverage` on the practice organisation's monitoring
days, so they follow the catalogue when a tutor updates it.
"""
from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ._answers import (PLACEHOLDER_HINT, as_number, clean_text, has_any, is_blank,
                       mentions_platform, named_platforms, placeholders, read_platform,
                       real_sentences, sentences, strip_quotes)
from ._answers import PLATFORM_WORDS
from ._context import Context
from ._core import MANY, TEXT, Verdict, task

COVERAGE_TOOL = "meta-business-suite"
"""The tool the P4 coverage tasks ask about (the notebook names it)."""

LIMIT_WORDS = ("can't", "cannot", "can not", "doesn't", "does not", "don't", "do not", "only",
               "miss", "not ", "but", "however", "although", "though", "expensive", "costly",
               "closed", "no longer", "limited", "lack", "without", "unable", "weak", "downside",
               "problem", "disadvantage")
CAN_WORDS = ("see", "sees", "show", "track", "monitor", "measure", "count", "report", "alert",
             "sentiment", "complaint", "age", "location", "user", "follower", "theme", "feedback",
             "coverage", "cover", "free", "cost", "easy", "useful", "help", "tell", "find")
CLOSED_WORDS = ("closed", "shut", "no longer", "doesn't exist", "does not exist",
                "not available", "isn't available", "gone", "stopped", "discontinued", "2018")


def catalogue(ctx: Context) -> pd.DataFrame:
    cache = ctx.__dict__.setdefault("_tools", {})
    if "cat" not in cache:
        from ..tools import load_tool_catalogue
        cache["cat"] = load_tool_catalogue()
    return cache["cat"]


def coverage(ctx: Context) -> pd.DataFrame:
    """``smlib.tool_coverage`` for the practice organisation's monitoring days (cached)."""
    cache = ctx.__dict__.setdefault("_tools", {})
    if "cov" not in cache:
        from ..tools import tool_coverage
        cache["cov"] = tool_coverage(ctx.ds, days=ctx.days, catalogue=catalogue(ctx))
    return cache["cov"]


def _key(s: Any) -> str:
    """Letters, digits and '+' only: "Google+" (a closed social network) is not "Google Alerts"."""
    return re.sub(r"[^a-z0-9+]", "", clean_text(s).lower())


def tool_id(value: Any, cat: pd.DataFrame) -> str | None:
    """The catalogue id for a learner's spelling of a tool ("Meta", "sprout social", "Brand 24")."""
    if not isinstance(value, str):
        return None
    k = _key(value)
    if len(k) < 2:
        return None
    bare = _key(re.sub(r"\([^)]*\)", " ", value))  # "Hootsuite (paid)" -> "hootsuite"
    if bare != k and len(bare) >= 2:
        found = tool_id(re.sub(r"\([^)]*\)", " ", value), cat)
        if found is not None:
            return found
    for _, r in cat.iterrows():
        if k in (_key(r["id"]), _key(r["name"])):
            return str(r["id"])
    if len(k) >= 4:
        hits = [str(r["id"]) for _, r in cat.iterrows()
                if _key(r["name"]).startswith(k) or _key(r["id"]).startswith(k)]
        if len(hits) == 1:
            return hits[0]
    return None


# everyday words that begin a tool's name but also appear in ordinary writing
_COMMON_FIRST_WORDS = frozenset({"social", "google", "page", "studio", "suite", "business",
                                 "alerts", "analytics", "buffer"})


def tools_named(text: str, cat: pd.DataFrame) -> set[str]:
    """Catalogue ids whose name (or first word, when it is distinctive) appears in free text.

    A first word counts on its own ("Meta", "Hootsuite") only when no other tool's name has it
    and it is not an everyday word: "Sprout Social" is one tool, not Sprout Social and Social
    Mention. "Brand 24" is Brand24.
    """
    t = " " + re.sub(r"[^a-z0-9]+", " ", clean_text(text).lower()) + " "
    t = re.sub(r"(?<=[a-z]) (?=\d)", "", t)  # "brand 24" -> "brand24"
    names = {str(r["id"]): re.sub(r"[^a-z0-9]+", " ", str(r["name"]).lower()).split()
             for _, r in cat.iterrows()}
    found = set()
    for tid, ws in names.items():
        name = " " + " ".join(ws) + " "
        first = ws[0] if ws else ""
        elsewhere = any(first in other for o, other in names.items() if o != tid)
        if (name in t or f" {''.join(ws)} " in t or f" {tid.replace('-', ' ')} " in t
                or (len(first) >= 4 and not elsewhere and first not in _COMMON_FIRST_WORDS
                    and first not in PLATFORM_WORDS and f" {first} " in t)):
            found.add(tid)
    return found


def _as_list(value: Any) -> list[Any] | None:
    """The items of a list answer: a list/tuple/set/column, text such as ``"Klout, Vine"``, or
    the ``name`` column of a table cut from the catalogue; None for anything else."""
    if isinstance(value, pd.DataFrame):
        cols = {str(c).strip().lower(): c for c in value.columns}
        # "name"/"id" in the catalogue itself, "Tool" in catalogue_table() (what the notebook shows)
        col = next((cols[c] for c in ("name", "tool", "tool name", "id") if c in cols), None)
        return None if col is None else _as_list(value[col])
    if isinstance(value, (bytes, bytearray)):
        value = value.decode("utf-8", "replace")
    if isinstance(value, str):
        parts = re.split(r"[,;\n]| and ", value)
        parts = [strip_quotes(p.strip().strip("[]()")) for p in parts]
        return [p for p in parts if p.strip()]
    if type(value).__name__ == "ndarray":
        value = value.ravel().tolist()
    if isinstance(value, (list, tuple, set, frozenset, pd.Series, pd.Index)):
        return [v for v in value if not is_blank(v)]
    return None


LIST_OF_NAMES = "a list of tool names in quotes, for example [\"Tool A\", \"Tool B\"]"


@task("p4.closed", "P4 task 1 (tools that have closed)", ("closed_tools",),
      (MANY,))
def closed(closed_tools: Any, ctx: Context) -> Verdict:
    cat = catalogue(ctx)
    status = dict(zip(cat["id"], cat["status"]))
    if isinstance(closed_tools, (pd.DataFrame, pd.Series)) and closed_tools.empty:
        what = "table" if isinstance(closed_tools, pd.DataFrame) else "column"
        return Verdict.no(f"your answer is an empty {what}: the filter that made it matched no "
                          "tools. Look again at what the column you filtered on says.")
    items = _as_list(closed_tools)
    if items is None:
        kind = ("a dictionary" if isinstance(closed_tools, dict) else
                "a table with no 'name' column and no 'Tool' column" if isinstance(closed_tools, pd.DataFrame) else
                "not a list")
        return Verdict.no(f"your answer is {kind}; it should be {LIST_OF_NAMES}.")
    if not items:
        return Verdict.no(f"your list is empty; it should be {LIST_OF_NAMES}.")
    ids, unknown = set(), []
    for item in items:
        if not isinstance(item, str):
            return Verdict.no(f"your list holds something that is not a name; it should be "
                              f"{LIST_OF_NAMES}.")
        tid = tool_id(item, cat)
        if tid is None:
            unknown.append(clean_text(item))
        else:
            ids.add(tid)
    if unknown:
        shown = unknown[0] if len(unknown[0]) <= 40 else unknown[0][:37] + "…"
        return Verdict.no(f"I can't find \"{shown}\" in the tools catalogue; use the names "
                          "in the table.")
    want = {t for t, s in status.items() if s == "closed"}
    problems = []
    if any(status[t] == "available" for t in ids):
        problems.append("your list includes a tool that is still available")
    if any(status[t] == "unverified" for t in ids):
        problems.append("your list includes a tool whose status is unverified, not known to "
                        "be closed")
    if want - ids:
        problems.append("a closed tool is missing from your list")
    if problems:
        return Verdict.no("; ".join(problems) + ".")
    return Verdict.yes("those are the tools in the catalogue that have closed down.")


_FRACTION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:messages?\s*)?(?:/|out of|of)\s*"
                       r"(\d+(?:\.\d+)?)\s*(?:messages?)?\s*$", re.IGNORECASE)


def _share(value: Any) -> float | None:
    """A share 0-1 from ``0.45``, ``45``, ``"45%"``, ``"45 percent"`` or ``"77/108"``."""
    if isinstance(value, str):
        m = _FRACTION.match(strip_quotes(value))
        if m:
            return float(m.group(1)) / float(m.group(2)) if float(m.group(2)) else None
    x = as_number(value, words=True)
    if x is None:
        return None
    is_pct = isinstance(value, str) and ("%" in value or "percent" in value.lower())
    return x / 100 if is_pct or x > 1 else x


def _places(value: Any) -> int | None:
    """How exactly a share was given, as decimal places of a share between 0 and 1:
    ``0.71`` and ``"71%"`` → 2, ``0.7`` and ``"70%"`` → 1 (a percentage ending in 0 may be
    rounded to ten), ``"71.3%"`` → 3; None for a fraction such as ``"77/108"``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        if _FRACTION.match(strip_quotes(value)):
            return None
        found = re.findall(r"\d+(?:[.,]\d+)?", value)
        if len(found) != 1:
            return None
        digits = found[0].replace(",", ".")
        pct = "%" in value or "percent" in value.lower() or float(digits) > 1
    elif isinstance(value, (int, float)) or hasattr(value, "item"):
        try:
            x = float(value)
        except (TypeError, ValueError):
            return None
        digits, pct = repr(round(x, 10)), x > 1
    else:
        return None
    whole, _, frac = digits.partition(".")
    frac = frac.rstrip("0") if not isinstance(value, str) else frac
    places = len(frac) + (2 if pct else 0)
    if pct and not frac and whole.endswith("0"):
        places = 1  # "70%": maybe rounded to the nearest ten
    if not pct and not frac:
        places = 0
    return places


@task("p4.coverage", "P4 task 2 (how much one tool sees)", ("share_seen",),
      ("number (a share or a percentage)",))
def share_seen(share_seen: Any, ctx: Context) -> Verdict:
    s = _share(share_seen)
    if s is None:
        return Verdict.no("your answer should be a number: a share between 0 and 1, or a percentage.")
    x = as_number(share_seen, words=True)
    x = s if x is None else x  # a fraction such as "77/108"
    if s < 0:
        return Verdict.no("a share can't be below zero.")
    if s > 1:
        return Verdict.no("a share can't be more than all the messages (1, or 100%).") \
            if x <= 100 or (isinstance(share_seen, str) and "%" in share_seen) else \
            Verdict.no("that looks like a number of messages; the task asks for a share of all "
                       "the messages.")
    cov = coverage(ctx).set_index("id")
    row = cov.loc[COVERAGE_TOOL]
    close = lambda v: v is not None and not pd.isna(v) and abs(s - float(v)) <= 0.006  # noqa: E731
    places = _places(share_seen)
    true = float(row["share_seen"])
    exact = None if places is None else max(places, 2)  # "70%" is right when it is 70.4%
    if close(true) or (exact is not None and round(true, exact) == round(s, exact)):
        return Verdict.yes("that is the share of the organisation's messages this tool would see.")
    if places == 1 and 0 < s < 1:
        # "0.7" or "70%": rounded too far to check; said for every such answer, right-ish or
        # not, so it never tells the learner they are close
        # (a whole percentage ending in 0, "50%", may be rounded to the nearest ten: asking for
        # "a whole percentage" there contradicted the answer it was given)
        return Verdict.no("that is rounded too much to check: give the share to two decimal "
                          "places (for example 0.xx) or as a percentage with one decimal place "
                          "(for example xx.x%).")
    if x > 1 and abs(x - float(row["messages_seen"])) < 0.5:
        return Verdict.no("that looks like a number of messages; the task asks for a share of "
                          "all the messages.")
    if close(row.get("share_action")):
        return Verdict.no("that is the share of the messages needing action, not of all messages.")
    if close(row.get("share_urgent")):
        return Verdict.no("that is the share of the urgent messages, not of all messages.")
    if any(close(row[c]) for c in row.index if str(c).startswith("share_")
           and c not in ("share_seen", "share_action", "share_urgent")):
        return Verdict.no("that is the share for one platform only, not for all the messages.")
    if any(close(v) for t, v in cov["share_seen"].items() if t != COVERAGE_TOOL):
        return Verdict.no("that is another tool's figure.")
    return Verdict.no("that is not the share of messages this tool would see.")


@task("p4.missed", "P4 task 3 (a platform the tool misses)", ("missed_platform",),
      ("platform name, in quotes",))
def missed(missed_platform: Any, ctx: Context) -> Verdict:
    cov = coverage(ctx).set_index("id")
    org_platforms = list(cov.attrs.get("platforms") or sorted(set(ctx.window["platform"].astype(str))))
    covered = set(cov.loc[COVERAGE_TOOL, "platforms_covered"])
    gaps = [p for p in org_platforms if p not in covered]
    text = strip_quotes(clean_text(missed_platform).lower()).rstrip(".!")
    if not gaps:
        if text in ("none", "no", "nothing", "no platform", "none of them"):
            return Verdict.yes("this tool covers every platform the organisation uses.")
        return Verdict.no("look again at which platforms the organisation uses.")
    code = read_platform(missed_platform, org_platforms)
    named = named_platforms(missed_platform, org_platforms)
    if code is None and len(named) > 1:
        return Verdict.no("name just one platform the tool misses.")
    if code is None and len(named) == 1:   # a sentence: "it can't see TikTok" names the one it misses
        code = next(iter(named))
    if code is None:
        if not isinstance(missed_platform, str) or as_number(missed_platform) is not None:
            return Verdict.no("give the platform's name as text in quotes, for example "
                              "\"youtube\".")
        return Verdict.no("I don't recognise that platform name.")
    if code in gaps:
        return Verdict.yes("the tool can't see that platform, so it misses that activity.")
    if code in covered:
        return Verdict.no("that tool does cover that platform.")
    return Verdict.no("the organisation has no messages on that platform in the monitoring days.")


@task("p4.describe", "P4 task 4 (describe the usefulness of the tools)", ("my_description",),
      (TEXT,))
def describe(my_description: Any, ctx: Context) -> Verdict:
    text = clean_text(my_description)
    cat = catalogue(ctx)
    named = tools_named(text, cat)
    missing = []
    if real_sentences(str(my_description)) < 1 or len(re.findall(r"[A-Za-z0-9']+", text)) < 10:
        missing.append("it is too short: write full sentences about what each tool can and "
                       "cannot do")
    if len(named) < 2:
        missing.append("it does not name at least two tools from the catalogue")
    if not has_any(text, CAN_WORDS):
        missing.append("it does not say what the tools can do for the organisation")
    if not has_any(text, LIMIT_WORDS):
        missing.append("it does not say what the tools cannot do or where they fall short")
    plats = sorted(set(ctx.frame["platform"].astype(str)))
    if not (re.search(r"\d", text) or any(mentions_platform(text, p) for p in plats)):
        missing.append("it is not linked to the organisation's own data (its platforms or "
                       "your figures)")
    closed_named = [t for t in named if cat.set_index("id").loc[t, "status"] == "closed"]
    if closed_named and not has_any(text, CLOSED_WORDS):
        missing.append("it describes a tool that has closed down as if it could still be used")
    if placeholders(text):
        missing.append(PLACEHOLDER_HINT)
    if missing:     # too short, or no tools named: the facts are checked once it is a description
        return Verdict.no("this is not yet a description of usefulness: " + "; ".join(missing) + ".")
    if wrong_platform_claims(text, ctx):
        missing.append("it says a tool can see a platform it does not cover, or can't see one it "
                       "does cover: check the coverage table again")
    # cost, alerts, ease of use and measures said about a tool that the catalogue contradicts
    # (found by a review, session 13): the kind of claim is named, never the catalogue's value
    from ._claims import claim_feedback, tool_pieces, wrong_claims
    missing += claim_feedback([(tool, k) for tool, piece in tool_pieces(text, cat)
                               for k in wrong_claims(piece, tool, cat)], cat, "sentences")
    from .d1 import odd_figures
    odd = list(dict.fromkeys(w for tool, piece in _by_tool(text, cat)
                             for w in odd_figures(piece, ctx, tool)))
    if odd:
        missing.append(f"{'this figure is' if len(odd) == 1 else 'these figures are'} not in the "
                       f"tool comparison or the organisation's data: {', '.join(odd[:4])} "
                       f"(check {'it' if len(odd) == 1 else 'each one'} against the table)")
    if missing:
        return Verdict.no("this is not yet a description of usefulness: " + "; ".join(missing) + ".")
    return Verdict.yes("you describe what the tools can and cannot do for this organisation.")


_SEE_VERBS = r"(?:see|sees|cover|covers|track|tracks|monitor|monitors|read|reads|pick(?:s)? up)"
_CLAIM_STOP = re.compile(r"[,;:]|\b(?:but|however|although|though|while|whereas|which|that|where|"
                         r"because|so|unlike|except|apart|not|no|never|nor|neither|only|just|"
                         r"without)\b|n't\b|\bcannot\b")
"""Where the list of platforms after "it sees …" ends (a clause break, or a word that may turn
the meaning round: those claims are not judged)."""
_NOT = re.compile(r"\b(?:not|no|never|neither|nor|without|miss|misses|missed|missing|ignores?|"
                  r"lacks?|fails?|blind)\b|n't\b|\bcannot\b")


def _by_tool(text: str, cat: pd.DataFrame) -> list[tuple[str | None, str]]:
    """Each sentence of ``text`` with the one tool it is about: the tool it names, or, for a
    sentence naming none but saying "it", "its" or "they", the tool of the sentence before;
    None when it names several tools, or none and no pronoun (it may be about the
    organisation: "Tidy Paws gets messages on TikTok")."""
    out: list[tuple[str | None, str]] = []
    current: str | None = None
    for sentence in sentences(text):
        named = tools_named(sentence, cat)
        if len(named) == 1:
            current = next(iter(named))
            out.append((current, sentence))
        elif len(named) > 1:
            current = None
            out.append((None, sentence))
        else:
            pronoun = re.search(r"\b(?:it|its|they|their)\b", clean_text(sentence).lower())
            out.append((current if pronoun else None, sentence))
    return out


def wrong_platform_claims(text: str, ctx: Context) -> list[tuple[str, str, bool]]:
    """The plain claims ``(tool, platform, says it sees it)`` in a description that the coverage
    table contradicts. Only two plain shapes are judged, so a true sentence is never refused
    for its wording: "<tool or it> (can/will/does) see|cover|track <platforms>" with nothing
    that could turn it round ("not", "only", "which", "but" …) before the platform list ends,
    and "<tool or it> can't/doesn't/won't see|cover <platforms>" for a platform it does
    cover. Sentences naming two tools, or none and no "it", are not judged."""
    cov = coverage(ctx).set_index("id")
    plats = list(cov.attrs.get("platforms") or sorted(set(ctx.frame["platform"].astype(str))))
    cat = catalogue(ctx)
    wrong = []
    for tool, sentence in _by_tool(text, cat):
        if tool is None or tool not in cov.index:
            continue
        covered = set(cov.loc[tool, "platforms_covered"])
        low = clean_text(sentence).lower()
        names = [re.escape(w) for w in re.sub(r"[^a-z0-9 ]+", " ",
                                              str(cat.set_index("id").loc[tool, "name"]).lower()).split()]
        tool_name = r"\s+".join(names)
        subject = rf"(?:\bit|\bthey|\b{tool_name})"
        modal = r"(?:\s+(?:can|could|will|would|does|do|also|easily|really))*"
        for m in re.finditer(rf"{subject}{modal}\s+{_SEE_VERBS}\b", low):
            rest = low[m.end():]
            stop = _CLAIM_STOP.search(rest)
            piece = rest[:stop.start()] if stop else rest
            if _NOT.search(low[:m.start()][-25:]):   # "nor does it see …", "it never …"
                continue
            wrong += [(tool, p, True) for p in plats if p not in covered and mentions_platform(piece, p)]
        deny = (rf"{subject}\s+(?:can't|cannot|can not|doesn't|does not|won't|will not|couldn't|"
                rf"could not|wouldn't|would not)\s+{_SEE_VERBS}\b")
        for m in re.finditer(deny, low):
            rest = low[m.end():]
            if re.match(r"\s+(?:only|just|every|all|everything|any)\b", rest):
                continue                    # "doesn't only see Facebook", "can't see everything"
            stop = re.search(r"[;:]|\b(?:but|however|although|though|while|whereas|which|that|"
                             r"where|because|so)\b", rest)
            piece = rest[:stop.start()] if stop else rest
            wrong += [(tool, p, False) for p in plats if p in covered and mentions_platform(piece, p)]
    return wrong
