"""M2 checks: sort activity into three groups, prioritise, and explain the highest and lowest.

Expected categories and priorities come from :func:`smlib.prioritise` on the practice
organisation's monitoring days (see :attr:`Context.scored`). The ten messages learners sort are
picked from the data by :func:`ten_messages` (never stored), mixing clear cases of each group.
Written reasons are checked for the *factor* that scored the message — the words of the priority
rules in ``data/priority_rules.toml`` and everyday synonyms — never for grammar. The reason for
the highest must also be true of that message (its topic, sentiment, reach, spike, wait,
contacts and priority) and name its factor in words that are not vague.
"""
from __future__ import annotations

import random
import re
from typing import Any

import pandas as pd

from ..paths import data_file
from ..privacy import inert_urls, pseudonymise
from ._answers import (as_number, clean_text, has_any, is_blank, is_whole, norm_label, one_value,
                       real_sentences, strip_quotes)
from ._context import Context
from ._core import MANY, TEXT, Verdict, task

BUSINESS, ACTION, NONE = "posted_by_business", "needs_action", "no_action"
LABELS = {
    BUSINESS: ("posted by business", "posted by the business", "business", "business post",
               "by the business", "by business", "posted by business itself", "pbb",
               "posted by the organisation", "organisation", "own post", "posted by us", "b"),
    ACTION: ("needs action", "need action", "requires action", "require action", "action",
             "action needed", "needs a response", "respond", "reply", "needs reply",
             "take action", "requires the business to take action", "a"),
    NONE: ("no action", "none", "no action needed", "does not need action",
           "doesn't need action", "does not require action", "no response", "ignore",
           "not needed", "nothing", "nothing to do", "n"),
}
_LABEL_OF = {norm_label(v): k for k, vs in LABELS.items() for v in vs + (k,)}

# factor (as in data/priority_rules.toml) -> words a learner might use for it
FACTOR_WORDS: dict[str, tuple[str, ...]] = {
    "safety": ("safe", "unsafe", "danger", "hazard", "hurt", "injur", "harm", "accident", "bleed",
               "blood", "cut", "fire", "smoke", "emergency", "poison", "health", "risk",
               "wound", "bruis", "burn", "scald", "graze", "nick", "scratch", "bitten"),
    "distress": ("distress", "upset", "vulnerable", "worried", "scared", "frightened", "crying",
                 "anxious", "anxiety", "emotional", "struggling", "help me", "cope", "alone"),
    "legal": ("legal", "law", "lawyer", "solicitor", "sue", "court", "trading standards",
              "regulator", "ombudsman", "claim"),
    "complaint": ("complain", "complaint", "unhappy", "angry", "furious", "problem", "refund", "poor",
                  "bad", "not happy", "disappoint", "rude", "broken", "wrong", "issue"),
    "complaint_strength": ("negative", "strong", "angry", "furious", "very", "upset",
                           "sentiment", "feeling", "annoyed", "frustrated", "fed up", "fuming"),
    "question": ("question", "ask", "enquir", "inquir", "request", "want to know", "wants to know",
                 "booking", "information", "info"),
    "praise": ("praise", "thank", "review", "positive", "compliment", "happy", "nice", "kind",
               "like", "love", "pleased", "glad", "great", "good", "enjoy", "lovely"),
    "security": ("scam", "phish", "fake", "security", "fraud", "link", "hack", "password",
                 "impersonat"),
    "waiting": ("wait", "hour", "long", "no reply", "no answer", "not replied", "ignored",
                "since", "time", "days", "minutes", "mins", "hasn't replied", "haven't replied",
                "nobody has replied", "nobody replied", "unanswered", "without a reply",
                "no response"),
    "repeat_contact": ("again", "repeat", "times", "already", "second", "several", "keeps",
                       "more than once", "twice"),
    "reach": ("follower", "many people", "influen", "shared", "share", "reach", "viral",
              "public", "seen by", "lots of people", "audience"),
    "spike": ("spike", "crisis", "lots of", "many", "other people", "wave", "same time", "surge"),
}
# words that say why a message can wait ("low"/"lowest"/"less" only repeat the question, and a
# bare "not"/"no" is read as negating what follows, so none of those count here)
LOW_WORDS = ("only", "just", "not urgent", "isn't urgent", "can wait", "minor", "small", "simple",
             "nothing", "quick", "easy", "positive", "polite", "calm", "general", "no rush",
             "no hurry", "not serious", "not important", "later")
# words that claim a message is about a factor (the plainer ones only: "wait", "time", "many",
# "very" … are too common to be read as a claim)
CLAIM_WORDS: dict[str, tuple[str, ...]] = {
    "safety": ("safe", "unsafe", "danger", "hazard", "hurt", "injur", "harm", "bleed", "blood",
               "emergency", "poison"),
    "distress": ("distress", "vulnerable", "scared", "frightened", "crying", "anxious", "anxiety"),
    "legal": ("legal", "lawyer", "solicitor", "sue ", "suing", "court", "ombudsman",
              "trading standards"),
    "complaint": ("complain", "complaint", "refund", "angry", "unhappy", "disappoint", "rude",
                  "furious"),
    "question": ("question", "enquir", "inquir", "request"),   # not "asking": "after asking twice"
    "praise": ("praise", "compliment", "thank"),
    "security": ("scam", "phish", "fraud", "hack", "impersonat"),
    "repeat_contact": ("repeat", "twice", "more than once"),
    "reach": ("viral", "influencer", "followers"),
}
_NEGATION = re.compile(r"\b(?:not|no|never|nobody|nothing|none|without|neither|nor|than|"
                       r"instead of|rather than|unlike)\b|n't\b")
_DENIAL_PHRASES = re.compile(r"\b(?:no one|nothing to do with|no mention of|nothing about|"
                             r"(?:is|was|are|were)n't about|(?:is|was|are|were) not about|not about)\b")
_ARTICLES = frozenset("a an the any some really very at all".split())
_CLAUSE = re.compile(r"[.,;:!?\n]|\b(?:because|but|so|although|though|however|while|whereas|"
                     r"and|as)\b")


def _points(reason: Any) -> int:
    m = re.match(r"^\s*([+-]?\d+)", str(reason))
    return int(m.group(1)) if m else 0


def _spread(frame: pd.DataFrame, n: int) -> pd.DataFrame:
    """``n`` rows spread evenly through ``frame`` (in its current order)."""
    if len(frame) <= n:
        return frame
    idx = sorted({round(i * (len(frame) - 1) / max(n - 1, 1)) for i in range(n)})
    return frame.iloc[idx]


INTENT_CATEGORY = {"business_post": BUSINESS, "business_reply": BUSINESS, "question": ACTION,
                   "praise": ACTION, "complaint": ACTION, "suggestion": ACTION,
                   "distress": ACTION, "safety": ACTION, "scam": ACTION, "chat": NONE,
                   "spam": NONE}


def _clear_cases(s: pd.DataFrame, org: str) -> pd.DataFrame:
    """Keep messages whose category is clear-cut, when the sample says what each was meant to be.

    The bundled sample has a ``truth.csv`` (the generator's intended intent of each message).
    Where it exists, the ten messages are drawn only from those on which smlib.prioritise and
    the intended intent agree (and which are not sarcastic), so learners sort clear cases. The
    expected category is still smlib.prioritise's.
    """
    path = data_file("sample", org, "truth.csv")
    if not path.is_file():
        return s
    truth = pd.read_csv(path, dtype=str)
    key = s["platform"].astype(str) + "\x00" + s["message_id"].astype(str)
    tkey = truth["platform"] + "\x00" + truth["message_id"]
    intent = key.map(dict(zip(tkey, truth["intent"].map(INTENT_CATEGORY))))
    sarcastic = key.map(dict(zip(tkey, truth.get("sarcastic", pd.Series("False", index=truth.index))
                                 .astype(str).str.lower() == "true"))).fillna(False).astype(bool)
    return s[(intent == s["category"].astype(str)) & ~sarcastic]


def _picked(ctx: Context) -> pd.DataFrame:
    """The ten messages (with their expected category), in the order learners see them."""
    cache = ctx.__dict__.setdefault("_m2", {})
    if "ten" in cache:
        return cache["ten"]
    s = ctx.scored.sort_values(["created_at", "message_id"], kind="stable")
    s = s[s["text"].astype(str).str.len().between(8, 280)]
    s = _clear_cases(s.drop_duplicates("text"), ctx.org)
    cat = s["category"].astype(str)
    handled = s["handled"].astype(bool) if "handled" in s.columns else pd.Series(False, index=s.index)
    biz = s[(cat == BUSINESS) & (s["kind"].astype(str) == "post")]
    need = s[(cat == ACTION) & ~handled].sort_values(["priority", "message_id"],
                                                     ascending=[False, True], kind="stable")
    none = s[(cat == NONE) & ~s["author_is_org"].astype(bool)]
    # clear cases first: not yet answered, nothing scored, not negative, not a question
    zero = none["reasons"].map(lambda r: all(_points(x) == 0 for x in r)
                               if isinstance(r, (list, tuple)) else True)
    calm = (none["sentiment_label"].astype(str) != "negative" if "sentiment_label" in none.columns
            else pd.Series(True, index=none.index))
    plain = zero & calm & ~none["text"].astype(str).str.contains("?", regex=False)
    rank = (~handled[none.index]).astype(int) * 2 + plain.astype(int)
    none = none.assign(_rank=rank).sort_values("_rank", ascending=False, kind="stable")
    none = none[none["_rank"] == none["_rank"].max()] if (none["_rank"] == none["_rank"].max()).sum() >= 3 \
        else none.head(max(3, int((none["_rank"] >= 2).sum())))
    none = none.drop(columns="_rank").sort_values(["created_at", "message_id"], kind="stable")
    ten = pd.concat([_spread(biz, 3), _spread(need, 4), _spread(none, 3)])
    if len(ten) < 10:  # a small organisation: top up from whatever is left, needs-action first
        rest = pd.concat([need, none, biz]).drop(ten.index, errors="ignore")
        ten = pd.concat([ten, rest[~rest.index.duplicated()].head(10 - len(ten))])
    order = list(range(len(ten)))
    random.Random(f"{ctx.org}-m2-ten").shuffle(order)
    ten = ten.iloc[order].reset_index(drop=True)
    ten.insert(0, "number", range(1, len(ten) + 1))
    cache["ten"] = ten
    return ten


def ten_messages(org: str | None = None, ctx: Context | None = None) -> pd.DataFrame:
    """The ten messages to sort for M2 task 1: number, platform, who, kind, text (no answers).

    Customers are shown as pseudonyms (also when @mentioned) and links made inert.
    ``.attrs["keys"]`` maps each number to ``(platform, message_id)`` for the tutor's solution.
    """
    if ctx is None:
        from ..errors import DataError
        from ._context import context_for
        from ._core import default_org, practice_orgs
        name = (str(org).strip().lower() if org is not None else "") or default_org("m2")
        if name not in practice_orgs():  # the same rule as the checks: practice data only
            raise DataError(f"ten_messages works only for the practice organisations "
                            f"({', '.join(practice_orgs())}), not {org!r}", field="org")
        ctx = context_for(name)
    ten = _picked(ctx)
    profile = ctx.ds.profile
    name = profile.name if profile is not None else "the business"
    keep = tuple(profile.handles.values()) if profile is not None else ()
    shown = pseudonymise(ten, keep=keep, people=ctx.ds.interactions)
    out = pd.DataFrame({
        "number": ten["number"].to_numpy(), "platform": ten["platform"].astype(str).to_numpy(),
        "who": [name if bool(o) else a for o, a in zip(ten["author_is_org"], shown["author_id"])],
        "kind": ten["kind"].astype(str).to_numpy(),
        "text": shown["text"].astype(str).map(inert_urls).to_numpy()}).set_index("number")
    out.attrs["keys"] = {int(n): (str(p), str(m)) for n, p, m in
                         zip(ten["number"], ten["platform"], ten["message_id"])}
    return out


_NONE_WORDS = re.compile(r"\b(?:no|not|nothing|without|doesn t|does not|don t|dont|doesnt|"
                         r"didnt|needn t|neednt|never)\b.*\b(?:action|response|reply|respond|"
                         r"needed|required)\b|\bignore\b|\bspam\b")
_BUSINESS_WORDS = re.compile(r"\b(?:business|organisation|organization|company|brand)\b")
_ACTION_WORDS = re.compile(r"\b(?:action|reply|respond|response|answer)\b")
_NEEDED = re.compile(r"\b(?:needs?|needed|require[sd]?|should|must|has to|have to|ought to|"
                     r"wanted|to do)\b")
_POSTED_BY = re.compile(r"\b(?:posted|written|wrote|sent|own)\b|\bby (?:the )?business\b|"
                        r"\bbusiness (?:post|posts|reply|replies|own)\b")


def org_names(ctx: Context) -> list[str]:
    """The organisation's names as a learner may write them in a group ("posted by tidy paws",
    "by @lakesidecinema"): its name, its short name and its handles, longest first."""
    prof = getattr(getattr(ctx, "ds", None), "profile", None)
    if prof is None:
        return []
    raw = [getattr(prof, "name", ""), getattr(prof, "slug", "")] + \
        list((getattr(prof, "handles", None) or {}).values())
    names = {norm_label(n) for n in raw if n} | {norm_label(n).replace(" ", "") for n in raw if n}
    return sorted((n for n in names if len(n) >= 4), key=len, reverse=True)


def read_label(value: Any, names: Any = ()) -> str | None:
    """The group a learner wrote, in the task's words or their own: "needs a reply" and "action
    required" are needs action, "no response needed" and "dont reply" no action, "the
    business should reply" needs action, "posted by tidy paws" (one of ``names``, the
    organisation's names) posted by the business."""
    if not isinstance(value, str):
        return None
    key = norm_label(value)
    for name in names:
        key = re.sub(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", "business", key)
    if key in _LABEL_OF:
        return _LABEL_OF[key]
    if len(key) > 40:
        return None
    if _NONE_WORDS.search(key):
        return NONE
    if _ACTION_WORDS.search(key) and (_NEEDED.search(key) or not _POSTED_BY.search(key)
                                      and not _BUSINESS_WORDS.search(key)):
        # "needs a business reply", "the business should reply", "reply from business needed"
        # are about the reply the message needs; "business reply" is a reply it posted
        return ACTION
    if _BUSINESS_WORDS.search(key):
        return BUSINESS
    return None


def _of(k: int, n: int) -> str:
    return f"{k} of the {n} messages"


def _message_number(key: Any) -> int | None:
    """A dictionary key as a message number: ``3``, ``"3"``, ``3.0``, ``"message 3"``, ``"#3"``."""
    if isinstance(key, bool):
        return None
    x = as_number(key)
    if x is None and isinstance(key, str):
        found = re.findall(r"\d+", key)
        x = float(found[0]) if len(found) == 1 else None
    return int(x) if x is not None and is_whole(x) else None


def _read_groups(value: Any, n: int) -> tuple[dict[int, Any], str | None]:
    """The learner's groups as ``{message number: group}``, or a problem with the shape.

    A dictionary (keys 1..n), a list in message order, or a column of a table indexed by the
    message numbers are all read; a missing, extra or repeated number gets its own message.
    """
    if isinstance(value, pd.DataFrame):  # e.g. ten with a "group" column added
        cols = {norm_label(c): c for c in value.columns}
        col = next((cols[c] for c in ("group", "groups", "category", "my group") if c in cols),
                   value.columns[0] if value.shape[1] == 1 else None)
        if col is None:
            return {}, ("your answer is a table; put the groups in a dictionary (message number "
                        "→ group) as in the cell above, or in one column called 'group'.")
        value = value[col]
    if isinstance(value, pd.Series):
        zero_based = list(value.index) == list(range(len(value)))
        value = list(value) if zero_based else value.to_dict()
    if isinstance(value, (list, tuple)):
        if len(value) != n:
            return {}, (f"there are {n} messages, but your list has {len(value)} "
                        f"group{'s' if len(value) != 1 else ''}; give one group for each message.")
        return {i + 1: v for i, v in enumerate(value)}, None
    if not isinstance(value, dict):
        return {}, ("your answer is not a dictionary; it should be a dictionary: message number "
                    "→ group, as in the cell above.")
    given: dict[int, Any] = {}
    for k, v in value.items():
        num = _message_number(k)
        if num is None:
            return {}, "use the message numbers (1, 2, 3 …) as the keys of your dictionary."
        if num in given:
            return {}, f"message {num} is in your dictionary twice; give each message one group."
        given[num] = v
    extra = sorted(k for k in given if not 1 <= k <= n)
    if extra:
        return {}, (f"the messages are numbered 1 to {n}; your dictionary has a message "
                    f"{extra[0]}.")
    return given, None


@task("m2.categories", "M2 task 1 (sort ten messages into three groups)", ("my_categories",),
      (MANY,))
def categories(my_categories: Any, ctx: Context) -> Verdict:
    """Right when all ten are in the group smlib.prioritise gives them.

    The feedback is not an oracle (a review, session 15). Whether a message was posted by the
    business shows in the ``who`` column of the table learners sort, so the notes about the
    business's own group tell nothing hidden. The hidden part is which of the other messages
    need action: about that split the feedback says only "not right yet", in the same words
    whichever of those messages are wrong and whichever way round (a message from someone
    else put in the business's group counts as wrong there too). So changing one message and
    checking again tells nothing about that message: finding the split by trying takes as
    many checks as guessing every combination. Counts and message numbers are never given.
    The earlier notes ("a message the business should respond to is marked as needing no
    action" alone) told, one change at a time, which group each message belonged in.
    """
    ten = _picked(ctx)
    n = len(ten)
    given, problem = _read_groups(my_categories, n)
    if problem:
        return Verdict.no(problem)
    blank = [i for i in range(1, n + 1) if is_blank(given.get(i))]
    if blank:
        return Verdict.no(f"some messages have no group yet ({len(blank)} of the {n}).")
    names = org_names(ctx)
    unread = [i for i in range(1, n + 1) if read_label(given[i], names) is None]
    if unread:
        return Verdict.no(f"I can't read the group you gave message {unread[0]}; use one of the "
                          "three groups: posted by the business, needs action, no action.")
    want = dict(zip(ten["number"], ten["category"].astype(str)))
    got = {i: read_label(given[i], names) for i in range(1, n + 1)}
    if all(got[i] == want[i] for i in range(1, n + 1)):
        return Verdict.yes(f"all {n} messages are in the right group.")
    split = _split_notes(want, got)
    return Verdict.no("not every message is in the right group yet: "
                      + "; ".join(_own_group_notes(want, got) + split) + "."
                      + (SPLIT_TIP if split else ""))


SPLIT_NOTE = ("the needs action / no action split is not right yet: either a message the "
              "business should respond to is marked as needing no action, or a message that "
              "needs no response is marked as needing action, or both")
SPLIT_TIP = (" Read each message from someone else again and ask: does the business need to "
             "reply, put something right, answer a question or thank them?")
SAME_GROUP_NOTE = ("you have put every message from someone else in the same group, but some of "
                   "them need action and some do not")


def _own_group_notes(want: dict[int, str], got: dict[int, str | None]) -> list[str]:
    """Notes about the business's own group: what the table's `who` column shows anyway."""
    notes = []
    if any(want[i] == BUSINESS and got[i] != BUSINESS for i in want):
        notes.append("a message the organisation wrote itself is not in its own group")
    if any(want[i] != BUSINESS and got[i] == BUSINESS for i in want):
        notes.append("a message from someone else is in the business's own group")
    return notes


def _split_notes(want: dict[int, str], got: dict[int, str | None]) -> list[str]:
    """One note, the same for every wrong split, when the others' messages are not all right.

    A message from someone else put in the business's group counts as wrong here too, so
    moving messages into that group cannot hide them from this note one at a time.
    """
    others = [i for i in want if want[i] != BUSINESS]
    if all(got[i] == want[i] for i in others):
        return []
    mine = {got[i] for i in others}
    both = {want[i] for i in others} == {ACTION, NONE}
    if both and len(mine) == 1 and mine <= {ACTION, NONE}:
        return [SAME_GROUP_NOTE]
    return [SPLIT_NOTE]


def _queue(ctx: Context) -> pd.DataFrame:
    s = ctx.scored
    return s[s["category"].astype(str) == ACTION]


def same_message(ids: Any, value: Any) -> pd.Series:
    """Which of ``ids`` (a column of message ids) is the message a learner typed, read as the
    checks read it: text or a number, stray quotes or spaces, a leading ``message_id`` label,
    any capitals when that is unambiguous, or a one-item list. The M2 notebook uses it too.

    >>> same_message(pd.Series(["re-1", "re-2"]), " 'RE-2' ").tolist()
    [False, True]
    """
    ids = pd.Series(ids).astype(str)
    value, problem = one_value(value, "id", "message_id")
    if problem or value is None or is_blank(value):
        return pd.Series(False, index=ids.index)
    key = strip_quotes(clean_text(value))
    if isinstance(value, float) and value.is_integer():
        key = str(int(value))
    key = strip_quotes(re.sub(r"^(?:message[_ ]?id|id)\s*[:=]?\s*", "", key, flags=re.IGNORECASE))
    hits = ids == key
    if not hits.any():
        hits = ids.str.lower() == key.lower()
        if ids[hits].nunique() != 1:
            hits = pd.Series(False, index=ids.index)
    return hits


def _find(value: Any, ctx: Context) -> pd.Series | None:
    """The scored row for a message id typed any way :func:`same_message` reads.

    Ids are unique within a platform, not across platforms: when two platforms share the id,
    the one that needs action (then the higher priority) is taken, the row a learner choosing
    from the priority list means.
    """
    rows = ctx.scored[same_message(ctx.scored["message_id"], value).to_numpy()]
    if len(rows) > 1 and "category" in rows.columns:
        order = (rows["category"].astype(str) != ACTION).astype(int)
        if "priority" in rows.columns:
            rows = rows.assign(_o=order, _p=-pd.to_numeric(rows["priority"], errors="coerce").fillna(0))
            rows = rows.sort_values(["_o", "_p"], kind="stable").drop(columns=["_o", "_p"])
        else:
            rows = rows.iloc[order.argsort(kind="stable")]
    return rows.iloc[0] if len(rows) else None


def _pick(value: Any, ctx: Context, highest: bool) -> Verdict:
    row = _find(value, ctx)
    if row is None:
        return Verdict.no("I can't find a message with that id on the monitoring days. Copy the "
                          "message_id exactly.")
    cat = str(row["category"])
    if cat == BUSINESS:
        return Verdict.no("that message was posted by the business itself; only messages that "
                          "need action are prioritised.")
    if cat != ACTION:
        return Verdict.no("that message does not need action, so it is not in the priority list.")
    q = _queue(ctx)["priority"]
    target = q.max() if highest else q.min()
    if int(row["priority"]) == int(target):
        return Verdict.yes("that message has the " + ("highest" if highest else "lowest")
                           + " priority of those needing action.")
    return Verdict.no("another message that needs action has a " + ("higher" if highest else "lower")
                      + " priority.")


@task("m2.highest", "M2 task 2 (highest priority)", ("highest_id",),
      ("message_id, in quotes",))
def highest(highest_id: Any, ctx: Context) -> Verdict:
    return _pick(highest_id, ctx, True)


@task("m2.lowest", "M2 task 3 (lowest priority)", ("lowest_id",),
      ("message_id, in quotes",))
def lowest(lowest_id: Any, ctx: Context) -> Verdict:
    return _pick(lowest_id, ctx, False)


def factors_of(reasons: Any) -> list[tuple[str, int, str]]:
    """(factor, points, evidence words) for each reason of a prioritised message, largest first."""
    from ..priority import reason_prefixes
    mapping = reason_prefixes()
    out = []
    for r in list(reasons) if isinstance(reasons, (list, tuple)) else []:
        m = re.match(r"^\s*([+-]?\d+)\s+(.*)$", str(r))
        pts, body = (int(m.group(1)), m.group(2)) if m else (0, str(r))
        low = body.lower()
        key = next((k for prefix, k in mapping if low.startswith(prefix) or prefix in low), None)
        if key is None:
            from ..priority import URGENT_FLOOR
            key = "spike" if "spike" in low else ("urgent_floor" if low.startswith(URGENT_FLOOR) else "other")
        ev = re.search(r"\(([^)]*)\)", body)
        out.append((key, pts, ev.group(1) if ev else ""))
    return sorted(out, key=lambda t: -t[1])


def _uses(text: str, stems: Any) -> list[str]:
    """How the text uses each of these words, one entry per use: ``"said"``, ``"denied"``
    ("nobody was hurt", "no one is in danger", "it is not about a complaint") or
    ``"compared"`` ("more urgent than a question")."""
    stems = [s_.lower() for s_ in stems if s_]
    if not stems:
        return []
    pattern = re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(s_) for s_ in stems) + ")")
    low = clean_text(text).lower().replace("\u2019", "'")
    low = re.sub(r"\bno[ -]?one\b", "nobody", low)
    low = re.sub(r"\b(?:not|(?:is|was|are|were)n't) (?:only|just)\b", " ", low)   # "isn't just a complaint" says it
    # "no complaint or question": the "no" covers both words
    low = re.sub(r"\b(no|not|never)\s+([a-z']+)\s+(or|nor)\s+(?!(?:no|not|never)\b)", r"\1 \2 \3 \1 ", low)
    low = _DENIAL_PHRASES.sub(" not ", low)
    low = re.sub(r"\b(?:not|never|(?:is|was|are|were)n't)\s+(?:very\s+)?safe\b", "unsafe", low)  # a safety claim
    out = []
    for clause in _CLAUSE.split(low):
        for m in pattern.finditer(clause or ""):
            # the words just before it (only the last few are read: a window keeps a long
            # pasted clause linear; reading all of it took 8 s for 54 KB)
            before = [w for w in re.findall(r"[a-z']+", clause[max(0, m.start() - _LOOKBACK):m.start()])
                      if w not in _ARTICLES]
            near = " ".join(before[-2:])
            if _COMPARED.search(near):
                out.append("compared")
            # a "not" right before the word ("was not hurt", "isn't really a complaint"); or,
            # a few words back in the same clause, a "not" or "nobody is" ("nobody is in
            # danger", "no one is upset or hurt"); "nobody answered their complaint" and
            # "they can't ignore that the dog was hurt" say complaint / hurt
            elif _NEGATION.search(near) or _WIDE_DENIAL.search(
                    " ".join(_after_breaker(before)[-_REACH:])):
                out.append("denied")
            else:
                out.append("said")
    return out


_LOOKBACK = 200
"""Characters before a word read for a "not" or a comparison (far more than _REACH words)."""
_COMPARED = re.compile(r"\b(?:than|instead of|rather than|unlike)\b")
_REACH = 4
"""How many words back (in the same clause) a "not" or "nobody is" still reaches."""
_WIDE_DENIAL = re.compile(
    r"^(?:.* )?(?:(?:not|never|[a-z]+n't)(?: [a-z']+)*"
    r"|(?:nobody|nothing|none|neither) (?:is|was|are|were|got|gets|get|seems?|seemed|looks?|"
    r"looked|appears?|feels?|felt|being|been|(?:has|had|have) been)(?: [a-z']+)*)$")
_BREAKERS = frozenset("that who which when if whether where after before until since for".split())


def _after_breaker(words_: list[str]) -> list[str]:
    """The words after the last word that starts a new part of the clause ("that", "when" …)."""
    for i in range(len(words_) - 1, -1, -1):
        if words_[i] in _BREAKERS:
            return words_[i + 1:]
    return words_


def _said(text: str, stems: Any) -> bool:
    """Does the text say one of these words, not negated or compared in its clause?
    ("nobody was hurt" and "more urgent than a question" do not say hurt / question.)"""
    return "said" in _uses(text, stems)


def _denied(text: str, stems: Any) -> bool:
    """Does the text say one of these words is absent ("nobody was hurt"), and never say it?"""
    used = _uses(text, stems)
    return "denied" in used and "said" not in used


def _evidence_words(evidence: str) -> list[str]:
    """The words the priority rules found, as stems a learner may write: "a nick on" → "nick"
    (matches "nicked"), "cancelled, still waiting" → "cancelled", "still waiting"."""
    out = []
    for w in re.split(r"[,;/]| or ", evidence):
        ws = re.findall(r"[a-z']+", w.lower())
        while ws and ws[0] in _EDGE_WORDS:
            ws = ws[1:]
        while ws and ws[-1] in _EDGE_WORDS:
            ws = ws[:-1]
        phrase = " ".join(ws)
        if len(phrase) >= 3 and not re.search(r"\d", w):
            out.append(phrase)
    return out


_EDGE_WORDS = frozenset("a an the on of in to at by for with my his her their our your its "
                        "is was are were".split())


def _mentions_factor(text: str, factor: str, evidence: str) -> bool:
    stems = FACTOR_WORDS.get(factor, ())
    return _said(text, stems) or _said(text, _evidence_words(evidence))


_SMALL_WORDS = frozenset("this that with from after before their there they have your about "
                         "what when just only been were will would could look very".split())


def _about_message(reason: str, message: Any) -> bool:
    """Does the reason talk about what the message says (shares a word of four letters or more
    with it, "groom" for "… after the groom 😍")? A reason that only says "not urgent" does not."""
    def content(t: Any) -> set[str]:
        return {w for w in re.findall(r"[a-z]{4,}", clean_text(t).lower()) if w not in _SMALL_WORDS}
    return bool(content(reason) & content(message))


def _negated_factor(text: str) -> bool:
    """Does the text say a serious factor is absent ("nobody was hurt", "no complaint")?"""
    t = clean_text(text).lower()
    return any(has_any(t, stems) and not _said(t, stems) for stems in CLAIM_WORDS.values())


# --------------------------------------------------------------------------- is a reason true?
# What a reason for the HIGHEST message may claim, and how each claim is checked against that
# message (session 15: "it is very important" passed on the word "very", and "part of a wave
# of complaints" passed for a message that was in no spike). A claim is true when its factor
# scored the message; a claim about what the message SAYS (a topic) is also true when the
# message itself says it ("still waiting for an answer", "done that twice").
TOPIC_CLAIMS: dict[str, tuple[str, ...]] = {
    **{k: v for k, v in CLAIM_WORDS.items() if k != "reach"},
    "waiting": ("waiting", "waited", "long time", "for hours", "for days"),
    "repeat_contact": CLAIM_WORDS["repeat_contact"] + ("several times", "again and again",
                                                       "keeps messaging", "keeps asking"),
}
DATA_CLAIMS: dict[str, tuple[str, ...]] = {
    # true only when the message's data says so (its reasons and sentiment), never its words
    "reach": ("followers", "viral", "influencer", "big following", "seen by", "people could see",
              "people can see", "people will see", "everyone can see", "everyone could see",
              "lots of people", "many people", "audience"),
    "spike": ("spike", "crisis", "wave of", "surge", "flood of", "other people are complaining",
              "other customers are complaining", "others are complaining",
              "everyone is complaining", "lots of complaints", "many other complaints"),
    "negative": ("negative", "annoyed", "frustrated", "upset", "fuming"),
    "positive": ("positive", "happy", "pleased", "delighted"),
}
VAGUE_WORDS = frozenset({"very", "time", "long", "many", "lots of", "strong", "feeling", "days",
                         "minutes", "mins", "since", "public", "info", "information", "like",
                         "good", "nice", "bad", "wrong", "issue", "problem", "risk", "kind",
                         "help me", "shared", "share"})
"""Words of :data:`FACTOR_WORDS` too general to name a factor on their own ("it is very
important", "there is an issue with it", "it is a risk")."""
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "twice": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_DURATION = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|"
                       r"nine|ten)\s*(min(?:ute)?s?|hours?|hrs?|h|days?|weeks?)\b")
_FOLLOWERS = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k\b)?\s*"
                        r"(?:(?:\w+\s+){0,2})followers?\b")
_TIMES = re.compile(r"(?<![\w.])(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
                    r"times\b|\btwice\b")
_SENTIMENT = re.compile(r"sentiment\D{0,25}?([+\-\u2212]?\d?\.\d+)")
_PRIORITY = re.compile(r"\b(?:priority|scored?)(?:\s+(?:score|is|was|of|at|level|equals|=|:))*"
                       r"\s*[:=]?\s*(\d{1,3})\b(?![.,]\d)"
                       r"|(?<![\w.])(\d{1,3})\s*(?:points?|/\s*100|out of 100)\b")
_PARTS = re.compile(r"[;:!?\n]|,(?!\d{3})|\.(?!\d)|\b(?:because|but|so|although|though|however|"
                    r"while|whereas|and|as)\b")
"""Where a part of a reason ends, for reading its figures ("cancelled a day before and they
are still waiting" is two parts; not "-0.80" or "1,200")."""


def _unit_minutes(unit: str) -> int:
    """Minutes in a unit as written: "mins", "hours", "hrs", "h", "days", "week"."""
    u = unit.lower()
    return 1 if u.startswith("min") else 60 if u.startswith("h") else \
        1440 if u.startswith("d") else 10080


def _number(word: str) -> float:
    """A figure as a learner writes it: ``"1,200"``, ``"1.2"``, ``"two"``, ``"an"``."""
    w = word.lower().replace(",", "")
    return float(_NUMBER_WORDS[w]) if w in _NUMBER_WORDS else float(w)


def _message_says(message: str, factor: str) -> bool:
    """Does the message itself use a word of this topic (any word of it, not negated)?"""
    return _said(message, TOPIC_CLAIMS.get(factor, ()) + FACTOR_WORDS.get(factor, ()))


def _data_true(factor: str, row: pd.Series, present: set[str]) -> bool:
    """Is a claim about the message's data (reach, spike, its tone) true of this message?"""
    sent = pd.to_numeric(pd.Series([row.get("sentiment")]), errors="coerce").iloc[0]
    label = str(row.get("sentiment_label", ""))
    if factor == "negative":
        return label == "negative" or bool(sent < 0) or bool({"complaint", "complaint_strength",
                                                               "distress"} & present)
    if factor == "positive":
        return label == "positive" or bool(sent > 0) or "praise" in present
    return factor in present


def _reason_figures(row: pd.Series) -> dict[str, float]:
    """The figures of the message a reason may quote: minutes waited, times written,
    followers, sentiment and priority (read from its reasons and data; missing ones left out)."""
    text = " ".join(str(r) for r in list(row["reasons"]) + [row.get("urgent_reason") or ""])
    out: dict[str, float] = {"priority": float(row["priority"])}
    wait = re.search(r"waiting ((?:\d+ days? )?(?:\d+ h ?)?(?:\d+ min)?)", text)
    if wait and wait.group(1).strip():
        parts = re.findall(r"(\d+) (day|h|min)", wait.group(1))
        out["minutes"] = sum(int(n) * _unit_minutes(u) for n, u in parts)
    times = re.search(r"contacted the business (\d+) times", text)
    out["times"] = float(times.group(1)) if times else 1.0
    followers = pd.to_numeric(pd.Series([row.get("author_followers")]), errors="coerce").iloc[0]
    if pd.notna(followers):
        out["followers"] = float(followers)
    sent = pd.to_numeric(pd.Series([row.get("sentiment")]), errors="coerce").iloc[0]
    if pd.notna(sent):
        out["sentiment"] = float(sent)
    return out


def _figures_untrue(text: str, row: pd.Series) -> bool:
    """Does the reason state a figure of the message that is not its figure? (Waiting times
    longer than it waited, more followers or contacts than it has, another sentiment or
    priority.) Smaller waits and counts are not refused: "over 2 hours" is true of 5 hours."""
    low = clean_text(text).lower().replace("\u2212", "-")
    known = _reason_figures(row)
    points = {known["priority"], 100.0} | {float(abs(_points(r))) for r in row["reasons"]}
    message_numbers = {float(n) for n in re.findall(r"\d+", str(row["text"]))}
    for clause in _PARTS.split(low):
        if "minutes" in known and _said(clause, TOPIC_CLAIMS["waiting"] + ("reply", "answer")):
            for n, unit in _DURATION.findall(clause):
                mins = _number(n) * _unit_minutes(unit)
                if mins > known["minutes"] * 1.25 + 60:
                    return True
        for m in _FOLLOWERS.finditer(clause):
            n = _number(m.group(1)) * (1000 if m.group(2) else 1)
            if n > known.get("followers", 0) * 1.25 + 10:
                return True
        for m in _TIMES.finditer(clause):
            n = 2.0 if m.group(0) == "twice" else _number(m.group(1))
            if n > known["times"] and n not in message_numbers and not _said(row["text"], (m.group(0),)):
                return True
        for m in _SENTIMENT.finditer(clause):
            if "sentiment" in known and abs(float(m.group(1).replace("\u2212", "-")) - known["sentiment"]) > 0.1:
                return True
        for m in _PRIORITY.finditer(clause):
            if float(m.group(1) or m.group(2)) not in points:
                return True
    return False


def _untrue_claims(text: str, row: pd.Series, present: set[str]) -> tuple[bool, bool]:
    """(a topic claim is untrue, a data claim or figure is untrue) for the highest reason."""
    message = str(row["text"])
    topic = any(k not in present and _said(text, stems) and not _message_says(message, k)
                for k, stems in TOPIC_CLAIMS.items())
    data = any(_said(text, stems) and not _data_true(k, row, present)
               for k, stems in DATA_CLAIMS.items())
    return topic, data or _figures_untrue(text, row)


def _names_a_true_factor(text: str, facs: list[tuple[str, int, str]]) -> bool:
    """Does the reason name, in words that are not vague, a factor that scored the message?"""
    return any(_said(text, [w for w in FACTOR_WORDS.get(k, ()) if w not in VAGUE_WORDS])
               or _said(text, _evidence_words(ev)) for k, _, ev in facs)


UNTRUE_TOPIC = ("one of your reasons is not true of this message: it talks about something "
                "that did not make this message score highly. Read the message and its reasons "
                "again.")
UNTRUE_FIGURES = ("one of your reasons is not true of this message — look at its figures again "
                  "(the figures in its reasons and in the table).")


def _why(item_id: Any, text_value: Any, ctx: Context, highest: bool) -> Verdict:
    which = "highest" if highest else "lowest"
    picked = _pick(item_id, ctx, highest)
    if not picked.ok:
        return Verdict.no(f"first find the {which}-priority message (the task before): "
                          + picked.message)
    row = _find(item_id, ctx)
    text = clean_text(text_value)
    # three words can be a sentence ("They are angry."); real_sentences tells it from a list
    if len(re.findall(r"[A-Za-z]+", text)) < 3 or real_sentences(text) < 1:
        return Verdict.no("write at least one full sentence giving your reason (a list of "
                          "words is not a sentence).")
    # the lift to the urgent level is a result of the reasons, not a reason of its own
    facs = [f for f in factors_of(row["reasons"]) if f[1] > 0 and f[0] != "urgent_floor"]
    present = {f[0] for f in facs}
    # a reason that says the message is about something it is not ("a safety hazard" for a
    # thank-you, or every factor word at once) is not yet a reason
    wrong = [k for k, stems in CLAIM_WORDS.items() if k not in present and _said(text, stems)]
    # and one that says the message is NOT about what scored it most ("nobody was hurt" for
    # the message about an injured dog) contradicts the message
    denies = [k for k, _, _ in facs[:2] if k in CLAIM_WORDS and _denied(text, CLAIM_WORDS[k])]
    if highest:
        return _why_highest(text, row, facs, denies)
    if wrong:
        return Verdict.no("your reason says this message is about something it does not contain. "
                          "Read the message and its reasons again.")
    if denies:
        return Verdict.no("your reason says this message is not about something that it is "
                          "about. Read the message and its reasons again.")
    if any(_mentions_factor(text, k, ev) for k, _, ev in facs):
        return Verdict.yes("your reason says what this message is about and why it can wait.")
    if _said(text, LOW_WORDS) and (_negated_factor(text) or _about_message(text, row["text"])):
        return Verdict.yes("your reason says why this message can wait.")
    return Verdict.no("your reason does not say why this message is less important than the "
                      "others.")


def _why_highest(text: str, row: pd.Series, facs: list[tuple[str, int, str]],
                 denies: list[str]) -> Verdict:
    """Every claim the reason makes must be true of the message (its topic, its data and its
    figures), and it must name, not vaguely, a factor that scored the message: any of them,
    not only the two largest (the tutor guide: "an M2 reason names the factor that scored the
    message"). Feedback says which kind of thing is wrong, never the right factor."""
    untrue_topic, untrue_data = _untrue_claims(text, row, {f[0] for f in facs})
    if untrue_topic:
        return Verdict.no(UNTRUE_TOPIC)
    if denies:
        return Verdict.no("your reason says this message is not about something that it is "
                          "about. Read the message and its reasons again.")
    if untrue_data:
        return Verdict.no(UNTRUE_FIGURES)
    if _names_a_true_factor(text, facs):
        return Verdict.yes("your reason names what made this message the most important.")
    return Verdict.no("your reason does not say what made this message more important than "
                      "the others.")


@task("m2.why_highest", "M2 task 4 (why the highest is highest)", ("highest_id", "why_highest"),
      ("message_id, in quotes", TEXT))
def why_highest(highest_id: Any, why_highest: Any, ctx: Context) -> Verdict:
    return _why(highest_id, why_highest, ctx, True)


@task("m2.why_lowest", "M2 task 5 (why the lowest is lowest)", ("lowest_id", "why_lowest"),
      ("message_id, in quotes", TEXT))
def why_lowest(lowest_id: Any, why_lowest: Any, ctx: Context) -> Verdict:
    return _why(lowest_id, why_lowest, ctx, False)
