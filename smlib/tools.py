"""Monitoring tools (P4 and D1): what each tool would show this organisation, and which to pick.

The catalogue lives in ``data/tools.toml`` (tutor-editable; every fact dated and sourced).
This module

* loads and checks it (:func:`load_tool_catalogue`),
* measures each tool on the organisation's own messages (:func:`tool_coverage`) using one explicit
  **visibility rule** (below),
* recomputes the P3 headline figures as one tool would have shown them (:func:`view_through_tool`),
* scores the tools with weights a learner can change and recommends one, with reasons and a
  sensitivity analysis (:func:`recommend_tool`).

The visibility rule
-------------------
A message is *seen* by a tool when the tool covers the message's ``platform`` **and** one of the
tool's scopes sees the message's ``kind`` (the kinds per scope are in ``[visibility]`` of
``data/tools.toml``; defaults below):

=============== ===========================================================================
own_accounts    ``post`` written by the organisation, ``comment``, ``reply``, ``message`` (DM)
listening       ``post``, ``comment``, ``reply``, ``mention``, ``review`` (public only: never DMs),
                only on the tool's ``listening_platforms`` when those are given
=============== ===========================================================================

Listening is counted as an upper bound: we assume the tool's search finds every public message
about the organisation. Closed tools are measured the same way (so learners can see what they
used to offer) but are flagged ``usable_now = False`` and never recommended.

Example
-------
>>> import smlib
>>> cat = smlib.load_tool_catalogue()
>>> sorted(cat.loc[cat["status"] == "closed", "id"])
['klout']
"""
from __future__ import annotations

import datetime as _dt
import html
import importlib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from .errors import DataError
from .paths import data_file, read_toml
from .privacy import person_keys
from .schema import KINDS, PLATFORMS, Dataset, analysis_frame, org_flags

MEASURES = ("number_of_users", "location", "age_group", "complaints_sentiment", "themes",
            "feedback")
"""The six LO2 2.1 measures, in the unit's order."""

MEASURE_LABELS = {
    "number_of_users": "number of users", "location": "location of users",
    "age_group": "age group of users", "complaints_sentiment": "complaints / negative comments",
    "themes": "themes of comments", "feedback": "feedback from stakeholders"}

STATUSES = ("available", "closed", "unverified")
SCOPES = ("own_accounts", "listening")
COST_BANDS = ("free", "low", "medium", "high", "quote")
CRITERIA = ("coverage", "measures", "alerts", "cost", "ease")
CRITERION_LABELS = {"coverage": "sees the organisation's messages",
                    "measures": "gives the 2.1 measures", "alerts": "alerts for urgent items",
                    "cost": "cost", "ease": "ease of use"}
FACTS = ("status", "platforms", "scope", "measures", "alerts", "reports", "history_days", "cost",
         "free_tier", "ease_of_use")
"""Facts every tool must have, each as ``{value, checked, source}``."""

DEFAULT_VISIBILITY = {"own_accounts": ("post", "comment", "reply", "message"),
                      "listening": ("post", "comment", "reply", "mention", "review")}
DEFAULT_WEIGHTS = {"coverage": 3.0, "measures": 2.0, "alerts": 1.0, "cost": 2.0, "ease": 1.0}
DEFAULT_BAND_SCORES = {"free": 1.0, "low": 0.8, "medium": 0.5, "high": 0.25, "quote": 0.1}


# ------------------------------------------------------------------------------------------------
# Loading and checking the catalogue
# ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ToolSettings:
    """The catalogue's non-tool parts: scoring weights, cost band scores, visibility rule."""

    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    band_scores: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_BAND_SCORES))
    visibility: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {k: tuple(v) for k, v in DEFAULT_VISIBILITY.items()})
    recommend_unverified: bool = False
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)


def _catalogue_path(path: str | Path | None) -> Path:
    return Path(path) if path is not None else data_file("tools.toml")


def _read_toml(path: Path) -> dict[str, Any]:
    return read_toml(path, "tool catalogue")


def _is_date(v: Any) -> bool:
    return isinstance(v, _dt.date) and not isinstance(v, _dt.datetime)


def _check_fact(tool: str, name: str, fact: Any, sources: Mapping[str, Any], src: str) -> None:
    where = f"tool '{tool}'"
    fld = name
    if not isinstance(fact, dict):
        raise DataError(f"{where}: fact '{name}' must be a table like "
                        f"{{ value = ..., checked = 2026-01-31, source = \"id\" }}, got {fact!r}",
                        source=src, field=fld)
    for key in ("value", "checked", "source"):
        if key not in fact:
            raise DataError(f"{where}: fact '{name}' has no '{key}' (every fact needs a value, "
                            f"the date it was checked and a source)", source=src, field=fld)
    if not _is_date(fact["checked"]):
        raise DataError(f"{where}: fact '{name}' 'checked' must be a date written 2026-01-31 "
                        f"(no quotes), got {fact['checked']!r}", source=src, field=fld)
    if fact["checked"] > _dt.date.today() + _dt.timedelta(days=1):
        raise DataError(f"{where}: fact '{name}' was 'checked' in the future "
                        f"({fact['checked']})", source=src, field=fld)
    if fact["source"] not in sources:
        raise DataError(f"{where}: fact '{name}' cites source {fact['source']!r}, which is not "
                        f"in [sources]; known: {sorted(sources)}", source=src, field=fld)
    extra = sorted(set(fact) - {"value", "checked", "source", "note"} - _FACT_OPTIONS.get(name, set()))
    if extra:
        allowed = sorted({"note"} | _FACT_OPTIONS.get(name, set()))
        raise DataError(f"{where}: fact '{name}' has {', '.join(map(repr, extra))}, which smlib does not "
                        f"use (a typo?); besides value, checked and source it may have "
                        f"{', '.join(allowed)}", source=src, field=fld)
    v = fact["value"]

    def bad(expected: str) -> DataError:
        return DataError(f"{where}: fact '{name}' value must be {expected}, got {v!r}",
                         source=src, field=fld)

    if name == "status":
        if v not in STATUSES:
            raise bad(f"one of {list(STATUSES)}")
        if v == "closed" and not _is_date(fact.get("since")):
            raise DataError(f"{where}: a closed tool needs 'since = DATE' on its status",
                            source=src, field=fld)
    elif name == "platforms":
        if not isinstance(v, list) or not v or any(p not in PLATFORMS for p in v):
            raise bad(f"a non-empty list of platform codes from {list(PLATFORMS)}")
    elif name == "scope":
        if not isinstance(v, list) or any(s not in SCOPES for s in v):
            raise bad(f"a list of {list(SCOPES)} (may be empty)")
        lp = fact.get("listening_platforms")
        if lp is not None and (not isinstance(lp, list) or any(p not in PLATFORMS for p in lp)):
            raise DataError(f"{where}: 'listening_platforms' must be a list of platform codes, "
                            f"got {lp!r}", source=src, field=fld)
        ex = fact.get("exclude_kinds")
        if ex is not None and (not isinstance(ex, list) or any(k not in KINDS for k in ex)):
            raise DataError(f"{where}: 'exclude_kinds' must be a list of kinds from "
                            f"{list(KINDS)}, got {ex!r}", source=src, field=fld)
    elif name == "measures":
        if not isinstance(v, list) or any(m not in MEASURES for m in v):
            raise bad(f"a list of the 2.1 measures {list(MEASURES)}")
    elif name in ("alerts", "free_tier"):
        if not isinstance(v, bool):
            raise bad("true or false")
    elif name == "reports":
        if not isinstance(v, list) or any(not isinstance(r, str) for r in v):
            raise bad("a list of words such as [\"dashboard\", \"csv\"]")
    elif name == "history_days":
        if not ((isinstance(v, int) and not isinstance(v, bool) and v >= 0)
                or v in ("unknown", "lifetime")):
            raise bad("a whole number of days >= 0, \"unknown\" or \"lifetime\"")
    elif name == "cost":
        if not isinstance(v, str) or not v.strip():
            raise bad("a text describing the price")
        if fact.get("band") not in COST_BANDS:
            raise DataError(f"{where}: cost needs 'band' = one of {list(COST_BANDS)}, got "
                            f"{fact.get('band')!r}", source=src, field=fld)
        if not _is_date(fact.get("as_of")):
            raise DataError(f"{where}: cost needs 'as_of = DATE' (prices change)", source=src,
                            field=fld)
    elif name == "ease_of_use":
        if not (isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 5):
            raise bad("a whole number from 1 (hard) to 5 (easy)")
        if not str(fact.get("basis", "")).strip():
            raise DataError(f"{where}: ease_of_use needs a 'basis' saying why", source=src,
                            field=fld)


_FACT_OPTIONS = {"status": {"since"}, "scope": {"listening_platforms", "exclude_kinds"},
                 "cost": {"band", "as_of"}, "ease_of_use": {"basis"}}
"""Keys a fact may have besides value, checked, source and note (a typo in one, such as
'exclude_kind', would be ignored and change what the tool sees)."""


def _parse(raw: dict[str, Any], src: str) -> tuple[list[dict[str, Any]], ToolSettings]:
    unknown = sorted(set(raw) - {"sources", "tools", "scoring", "visibility"})
    if unknown:   # [scorring] would be ignored and the default weights used without a word
        raise DataError(f"[{unknown[0]}] is not a section smlib uses; the catalogue has [sources], "
                        "[[tools]], [scoring] and [visibility] (is it a typo?)", source=src,
                        field=unknown[0])
    sources = raw.get("sources") or {}
    if not isinstance(sources, dict):
        raise DataError("[sources] must be a table of source entries", source=src, field="sources")
    for sid, s in sources.items():
        if not isinstance(s, dict) or s.get("kind") not in ("web", "document", "judgement",
                                                            "unverified"):
            raise DataError(f"source '{sid}' needs kind = web | document | judgement | unverified",
                            source=src, field=f"sources.{sid}")
        if s["kind"] == "web" and not str(s.get("url", "")).startswith(("http://", "https://")):
            raise DataError(f"web source '{sid}' needs a url starting http:// or https://",
                            source=src, field=f"sources.{sid}.url")
        if not str(s.get("title", "")).strip():
            raise DataError(f"source '{sid}' needs a title saying what it is", source=src,
                            field=f"sources.{sid}.title")
    tools = raw.get("tools")
    if not isinstance(tools, list) or not tools:
        raise DataError("the catalogue has no [[tools]] entries", source=src, field="tools")
    seen: set[str] = set()
    for i, t in enumerate(tools):
        if not isinstance(t, dict):
            raise DataError(f"tool number {i + 1} must be a [[tools]] entry, got {t!r}", source=src,
                            field="tools")
        tid = str(t.get("id", "")).strip()
        if not tid:
            raise DataError(f"tool number {i + 1} has no 'id'", source=src, field="id")
        if tid in seen:
            raise DataError(f"tool id '{tid}' is used twice", source=src, field="id")
        seen.add(tid)
        unknown = sorted(set(t) - {"id", "name", "kind", "plan", "summary", *FACTS})
        if unknown:
            raise DataError(f"tool '{tid}' has '{unknown[0]}', which smlib does not use (a typo?); a "
                            f"tool has id, name, kind, plan, summary and the facts {', '.join(FACTS)}",
                            source=src, field=unknown[0])
        for key in ("name", "summary"):
            if not str(t.get(key, "")).strip():
                raise DataError(f"tool '{tid}' needs a '{key}'", source=src, field=key)
        for name in FACTS:
            if name not in t:
                raise DataError(f"tool '{tid}' is missing the fact '{name}'", source=src,
                                field=name)
            _check_fact(tid, name, t[name], sources, src)

    scoring = raw.get("scoring") or {}
    if not isinstance(scoring, dict):
        raise DataError("[scoring] must be a section with weights, cost_band_scores and "
                        "recommend_unverified", source=src, field="scoring")
    for key in scoring:
        if key not in ("weights", "cost_band_scores", "recommend_unverified"):
            raise DataError(f"[scoring] has '{key}', which smlib does not use (a typo?); it may have "
                            "weights, cost_band_scores and recommend_unverified", source=src,
                            field=f"scoring.{key}")
    for key in ("weights", "cost_band_scores"):
        if not isinstance(scoring.get(key) or {}, dict):
            raise DataError(f"'{key}' must be a table of names and numbers, e.g. "
                            f"{{ coverage = 3, measures = 2 }}, got {scoring[key]!r}", source=src,
                            field=f"scoring.{key}")
    if not isinstance(scoring.get("recommend_unverified", False), bool):
        raise DataError(f"'recommend_unverified' must be true or false (no quotes), got "
                        f"{scoring['recommend_unverified']!r}", source=src,
                        field="scoring.recommend_unverified")
    weights = dict(DEFAULT_WEIGHTS)
    weights.update(scoring.get("weights") or {})
    _check_weights(weights, src)
    odd = sorted(set(scoring.get("cost_band_scores") or {}) - set(COST_BANDS))
    if odd:
        raise DataError(f"cost_band_scores has '{odd[0]}', which is not a cost band (a typo?); the bands "
                        f"are {', '.join(COST_BANDS)}", source=src, field=f"scoring.cost_band_scores.{odd[0]}")
    bands = dict(DEFAULT_BAND_SCORES)
    bands.update(scoring.get("cost_band_scores") or {})
    for b in COST_BANDS:
        val = bands.get(b)
        if not isinstance(val, (int, float)) or isinstance(val, bool) or not 0 <= val <= 1:
            raise DataError(f"cost band score '{b}' must be a number from 0 to 1, got {val!r}",
                            source=src, field=f"scoring.cost_band_scores.{b}")
    vis = {k: tuple(v) for k, v in DEFAULT_VISIBILITY.items()}
    for scope, kinds in (raw.get("visibility") or {}).items():
        if scope not in SCOPES or not isinstance(kinds, list) or any(k not in KINDS for k in kinds):
            raise DataError(f"[visibility] {scope} must be a scope in {list(SCOPES)} with a list "
                            f"of kinds from {list(KINDS)}", source=src, field=f"visibility.{scope}")
        vis[scope] = tuple(kinds)
    if "message" in vis["listening"]:
        raise DataError("[visibility] listening cannot see private messages (DMs)", source=src,
                        field="visibility.listening")
    settings = ToolSettings(weights={k: float(weights[k]) for k in CRITERIA},
                            band_scores={k: float(bands[k]) for k in COST_BANDS}, visibility=vis,
                            recommend_unverified=bool(scoring.get("recommend_unverified", False)),
                            sources=dict(sources))
    return tools, settings


def _check_weights(weights: Mapping[str, Any], src: str | None = None) -> dict[str, float]:
    if not isinstance(weights, Mapping):
        raise DataError(f"weights must be a dict such as {{'coverage': 3, 'cost': 1}} (the weights are "
                        f"{list(CRITERIA)}), got {type(weights).__name__}", source=src, field="weights")
    unknown = sorted(set(weights) - set(CRITERIA))
    if unknown:
        raise DataError(f"unknown weight(s) {unknown}; the weights are {list(CRITERIA)}",
                        source=src, field="weights")
    out = {}
    for k in CRITERIA:
        v = weights.get(k, 0)
        if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, float, np.integer, np.floating)) \
                or not math.isfinite(v) or v < 0:
            raise DataError(f"weight '{k}' must be a number >= 0, got {v!r}", source=src,
                            field=f"weights.{k}")
        out[k] = float(v)
    if sum(out.values()) <= 0:
        raise DataError("at least one weight must be above 0", source=src, field="weights")
    return out


def load_tool_settings(path: str | Path | None = None) -> ToolSettings:
    """Scoring weights, cost band scores and the visibility rule from the catalogue file."""
    p = _catalogue_path(path)
    return _parse(_read_toml(p), str(p))[1]


def load_tool_catalogue(path: str | Path | None = None) -> pd.DataFrame:
    """Load and check the tools catalogue; one row per tool.

    Raises :class:`smlib.DataError` naming the tool and the fact when an entry is unusable
    (missing date or source, unknown platform or measure, status outside
    ``available | closed | unverified`` …).

    Columns: ``id, name, kind, plan, summary, status, status_since, platforms, scope,
    listening_platforms, measures, alerts, reports, history_days, cost, cost_band, cost_as_of,
    free_tier, ease_of_use, ease_basis, unverified_facts, sources, oldest_check`` (list-like
    columns hold tuples).

    >>> cat = load_tool_catalogue()
    >>> "hootsuite" in set(cat["id"])
    True
    """
    p = _catalogue_path(path)
    tools, _settings = _parse(_read_toml(p), str(p))
    rows = []
    for t in tools:
        f = {name: t[name] for name in FACTS}
        scope = tuple(f["scope"]["value"])
        plats = tuple(f["platforms"]["value"])
        lp = f["scope"].get("listening_platforms")
        rows.append({
            "id": t["id"], "name": t["name"], "kind": t.get("kind", ""),
            "plan": t.get("plan", ""), "summary": t["summary"],
            "status": f["status"]["value"], "status_since": f["status"].get("since"),
            "status_note": f["status"].get("note", ""),
            "platforms": plats, "scope": scope,
            "listening_platforms": tuple(lp) if lp is not None else
            (plats if "listening" in scope else ()),
            "exclude_kinds": tuple(f["scope"].get("exclude_kinds", ())),
            "measures": tuple(m for m in MEASURES if m in f["measures"]["value"]),
            "alerts": bool(f["alerts"]["value"]), "reports": tuple(f["reports"]["value"]),
            "history_days": f["history_days"]["value"],
            "cost": f["cost"]["value"], "cost_band": f["cost"]["band"],
            "cost_as_of": f["cost"]["as_of"], "cost_source": f["cost"]["source"],
            "free_tier": bool(f["free_tier"]["value"]),
            "ease_of_use": int(f["ease_of_use"]["value"]),
            "ease_basis": f["ease_of_use"]["basis"],
            "unverified_facts": tuple(n for n in FACTS if f[n]["source"] == "unverified"),
            "sources": tuple(sorted({f[n]["source"] for n in FACTS})),
            "oldest_check": min(f[n]["checked"] for n in FACTS),
        })
    return pd.DataFrame(rows)


def catalogue_facts(path: str | Path | None = None) -> pd.DataFrame:
    """Every fact as one row: ``tool, fact, value, checked, source, source_kind, url, note,
    source_name``.

    Handy for a 'how do we know?' table in P4 answers. ``source`` is the catalogue's id for the
    source (``hootsuite-plans-2026``); ``source_name`` names it for people: the start of its
    title ("The Verge, 10 May 2018"), or "not confirmed" / "judgement (reason given)".
    """
    p = _catalogue_path(path)
    tools, settings = _parse(_read_toml(p), str(p))
    rows = []
    for t in tools:
        for name in FACTS:
            fact = t[name]
            s = settings.sources[fact["source"]]
            rows.append({"tool": t["id"], "fact": name, "value": fact["value"],
                         "checked": fact["checked"], "source": fact["source"],
                         "source_kind": s["kind"], "url": s.get("url", ""),
                         "note": fact.get("note", fact.get("basis", "")),
                         "source_name": _source_name(fact["source"], s)})
    return pd.DataFrame(rows)


def _source_name(sid: str, source: Mapping[str, Any]) -> str:
    """A source as people name it: its title up to the first colon, not the catalogue id."""
    kind = str(source.get("kind", ""))
    if kind == "unverified":
        return "not confirmed"
    if kind == "judgement":
        return "judgement (reason given)"
    title = str(source.get("title") or "").strip()
    if not title:
        return sid.replace("-", " ")
    head = re.split(r":\s", title, maxsplit=1)[0].strip()
    return head if len(head) <= 80 else head[:77].rstrip() + "…"


def _resolve_catalogue(catalogue: pd.DataFrame | str | Path | None
                       ) -> tuple[pd.DataFrame, ToolSettings]:
    if catalogue is None or isinstance(catalogue, (str, Path)):
        return load_tool_catalogue(catalogue), load_tool_settings(catalogue)
    if not isinstance(catalogue, pd.DataFrame):
        raise DataError(f"catalogue must be a DataFrame from load_tool_catalogue() or a path, "
                        f"got {type(catalogue).__name__}", field="catalogue")
    need = {"id", "name", "status", "platforms", "scope", "listening_platforms", "measures",
            "alerts", "cost_band", "ease_of_use"}
    missing = sorted(need - set(catalogue.columns))
    if missing:
        raise DataError(f"catalogue frame is missing column(s) {missing}", field=missing[0])
    if catalogue.empty:
        raise DataError("the catalogue frame has no tools in it (no rows)", field="catalogue")
    return catalogue, load_tool_settings()


# ------------------------------------------------------------------------------------------------
# The organisation's messages: days, needs-action and urgent flags
# ------------------------------------------------------------------------------------------------
def _split(dataset_or_frame: Dataset | pd.DataFrame) -> tuple[pd.DataFrame, Any, Dataset | None]:
    if isinstance(dataset_or_frame, Dataset):
        f = analysis_frame(dataset_or_frame.interactions, "tool coverage", needs=(), fill_platform=False)
        ds = dataset_or_frame if f is dataset_or_frame.interactions else dataset_or_frame.replace(interactions=f)
        return f, ds.profile, ds
    if isinstance(dataset_or_frame, pd.DataFrame):
        return analysis_frame(dataset_or_frame, "tool coverage", needs=(), fill_platform=False), None, None
    raise DataError(f"expected a smlib Dataset or an interactions DataFrame, got "
                    f"{type(dataset_or_frame).__name__}")


def _local_dates(frame: pd.DataFrame, profile: Any) -> pd.Series:
    """Each row's local date: ``profile`` is a Profile, a zone name, or None (UTC)."""
    tz = profile if isinstance(profile, str) and profile else getattr(profile, "timezone", None) or "UTC"
    try:
        return frame["created_at"].dt.tz_convert(tz).dt.date
    except Exception:  # unknown zone: fall back to UTC days
        return frame["created_at"].dt.date


def _clock(dataset: Dataset) -> Any:
    """What :func:`select_days` reads days on: the profile, else the loader's zone (the days
    :func:`smlib.monitor` counts)."""
    if dataset.profile is not None:
        return dataset.profile
    from .metrics import analysis_timezone
    return analysis_timezone(dataset)


def select_days(frame: pd.DataFrame, days: Any, profile: Any = None) -> pd.DataFrame:
    """Rows of ``frame`` on the monitoring ``days`` (local dates of the profile's time zone;
    ``profile`` may also be a zone name, e.g. :func:`smlib.metrics.analysis_timezone`).

    ``days`` may be None (everything), a list of dates / 'YYYY-MM-DD' strings, or a whole number
    N (the last N days that have any activity).
    """
    if days is None or len(frame) == 0:
        return frame
    local = _local_dates(frame, profile)
    if isinstance(days, (int, np.integer)) and not isinstance(days, bool):
        if days <= 0:
            raise DataError(f"days must be a positive number of days, got {days}", field="days")
        wanted = set(sorted(set(local))[-int(days):])
    else:
        # the same rules as smlib.monitor, so a day the P3 figures refuse (an empty list, None,
        # a number, '20/10/2026') is refused here too instead of silently selecting nothing
        from .metrics import _parse_days
        wanted = set(_parse_days(days))
    return frame.loc[local.isin(wanted).to_numpy()]


_ACTION_WORDS = {"needs_action", "needs action", "action", "action_needed", "needs-action",
                 "needs_response", "respond"}


def _is_needs_action(cat: pd.Series) -> pd.Series:
    norm = cat.astype("string").str.strip().str.lower()
    return norm.isin(_ACTION_WORDS).fillna(False).astype(bool)


def action_flags(frame: pd.DataFrame, profile: Any = None) -> tuple[pd.Series | None,
                                                                     pd.Series | None, str]:
    """``(needs_action, urgent, note)`` for each row, or None where they cannot be worked out.

    Uses the ``category`` / ``urgent`` columns when present, otherwise tries
    :func:`smlib.prioritise`; if that is not available the flags are None and ``note`` says so.
    """
    note = "Which messages need action, and which are urgent, is the sorting these messages already had (M2)."
    work = frame
    if "category" not in work.columns or "urgent" not in work.columns:
        try:
            prioritise = getattr(importlib.import_module("smlib.priority"), "prioritise")
            work = prioritise(frame, profile=profile) if profile is not None else prioritise(frame)
            if isinstance(work, Dataset):
                work = work.interactions
            note = ("Which messages need action, and which are urgent, was worked out with the M2 "
                    "priority rules (smlib.prioritise).")
        except Exception as exc:  # another engineer's module: degrade gracefully
            return (None, None, f"The shares of messages needing action and of urgent ones are not "
                                f"available (smlib.prioritise could not run: {type(exc).__name__}).")
    need = _is_needs_action(work["category"]) if "category" in work.columns else None
    urgent = (work["urgent"].fillna(False).astype(bool) if "urgent" in work.columns else None)
    if need is not None:
        need.index = frame.index
    if urgent is not None:
        urgent.index = frame.index
    return need, urgent, note


# ------------------------------------------------------------------------------------------------
# Visibility and coverage
# ------------------------------------------------------------------------------------------------
def _tool_row(catalogue: pd.DataFrame, tool: str | Mapping[str, Any] | pd.Series) -> pd.Series:
    if isinstance(tool, pd.Series):
        return tool
    if isinstance(tool, Mapping):
        return pd.Series(dict(tool))
    key = str(tool).strip().lower()
    hit = catalogue[(catalogue["id"].str.lower() == key) | (catalogue["name"].str.lower() == key)]
    if hit.empty:
        raise DataError(f"unknown tool {tool!r}; the catalogue has {sorted(catalogue['id'])}",
                        field="tool")
    return hit.iloc[0]


def visible_mask(frame: pd.DataFrame, tool: Mapping[str, Any] | pd.Series,
                 visibility: Mapping[str, Iterable[str]] | None = None) -> pd.Series:
    """True for each message the tool would show (the visibility rule in the module docstring).

    >>> import pandas as pd
    >>> f = pd.DataFrame({"platform": ["x", "x", "x"], "kind": ["post", "mention", "message"],
    ...                   "author_is_org": [True, False, False]})
    >>> t = {"platforms": ("x",), "scope": ("listening",), "listening_platforms": ("x",)}
    >>> visible_mask(f, t).tolist()
    [True, True, False]
    """
    vis = {k: tuple(v) for k, v in (visibility or DEFAULT_VISIBILITY).items()}
    plat = frame["platform"].astype(str).str.lower()
    kind = frame["kind"].astype(str).str.lower()
    by_org = org_flags(frame["author_is_org"])
    scope = tuple(tool.get("scope", ()) or ())
    on_platform = plat.isin(list(tool.get("platforms", ()) or ()))
    excluded = tool.get("exclude_kinds", ())
    if excluded is not None and len(excluded):
        on_platform &= ~kind.isin(list(excluded))
    seen = pd.Series(False, index=frame.index)
    if "own_accounts" in scope:
        own_kinds = vis.get("own_accounts", ())
        ok_kind = kind.isin(list(own_kinds)) & ((kind != "post") | by_org)
        seen |= on_platform & ok_kind
    if "listening" in scope:
        lp = tool.get("listening_platforms")
        lp = list(lp) if lp is not None and len(lp) else list(tool.get("platforms", ()) or ())
        seen |= on_platform & plat.isin(lp) & kind.isin(list(vis.get("listening", ())))
    return seen.astype(bool)


def _share(num: int, den: int) -> float:
    return float(num) / den if den else float("nan")


def tool_coverage(dataset_or_frame: Dataset | pd.DataFrame, days: Any = None,
                  catalogue: pd.DataFrame | str | Path | None = None) -> pd.DataFrame:
    """How much of the organisation's activity each tool would see; one row per tool.

    Columns: ``id, name, status, usable_now, scope, platforms_covered`` (the organisation's
    platforms the tool covers), ``messages_total, messages_seen, share_seen``, the same for
    ``action_*`` (messages needing action) and ``urgent_*``, ``coverage`` (mean of the available
    shares), ``share_<platform>`` (share of that platform's messages seen, one column per
    platform in the data), ``measures, measures_count, alerts, cost, cost_band, free_tier,
    ease_of_use``. ``frame.attrs["note"]`` says where the needs-action flags came from.

    >>> cov = tool_coverage(frame)                    # doctest: +SKIP
    >>> cov.set_index("id").loc["meta-business-suite", "share_seen"]   # doctest: +SKIP
    """
    frame, profile, _ds = _split(dataset_or_frame)
    cat, settings = _resolve_catalogue(catalogue)
    for col in ("platform", "kind", "author_is_org"):
        if col not in frame.columns:
            raise DataError(f"the interactions need a '{col}' column to measure tool coverage",
                            field=col)
    if _ds is not None:
        days = _resolve_days(_ds, days)
    frame = select_days(frame, days, profile)
    need, urgent, note = action_flags(frame, profile)
    plat = frame["platform"].astype(str).str.lower()
    org_platforms = sorted(set(plat))
    n_total = len(frame)
    n_need = int(need.sum()) if need is not None else 0
    n_urgent = int(urgent.sum()) if urgent is not None else 0
    rows = []
    for _, tool in cat.iterrows():
        seen = visible_mask(frame, tool, settings.visibility)
        r: dict[str, Any] = {
            "id": tool["id"], "name": tool["name"], "status": tool["status"],
            "usable_now": tool["status"] == "available", "scope": tool["scope"],
            "platforms_covered": tuple(p for p in org_platforms if p in tool["platforms"]),
            "messages_total": n_total, "messages_seen": int(seen.sum()),
            "share_seen": _share(int(seen.sum()), n_total)}
        if need is not None:
            r.update(action_total=n_need, action_seen=int((seen & need).sum()),
                     share_action=_share(int((seen & need).sum()), n_need))
        else:
            r.update(action_total=pd.NA, action_seen=pd.NA, share_action=float("nan"))
        if urgent is not None:
            r.update(urgent_total=n_urgent, urgent_seen=int((seen & urgent).sum()),
                     share_urgent=_share(int((seen & urgent).sum()), n_urgent))
        else:
            r.update(urgent_total=pd.NA, urgent_seen=pd.NA, share_urgent=float("nan"))
        shares = [r["share_seen"], r["share_action"], r["share_urgent"]]
        shares = [s for s in shares if not (isinstance(s, float) and math.isnan(s))]
        r["coverage"] = float(np.mean(shares)) if shares else float("nan")
        for p in org_platforms:
            on_p = (plat == p).to_numpy()
            r[f"share_{p}"] = _share(int(seen[on_p].sum()), int(on_p.sum()))
        r.update(measures=tool["measures"], measures_count=len(tool["measures"]),
                 alerts=bool(tool["alerts"]), cost=tool.get("cost", ""),
                 cost_as_of=tool.get("cost_as_of"), cost_source=tool.get("cost_source", ""),
                 cost_band=tool["cost_band"], free_tier=bool(tool.get("free_tier", False)),
                 ease_of_use=int(tool["ease_of_use"]))
        rows.append(r)
    out = pd.DataFrame(rows)
    out.attrs["note"] = note
    out.attrs["platforms"] = org_platforms
    return out


# ------------------------------------------------------------------------------------------------
# View through one tool
# ------------------------------------------------------------------------------------------------
# Which 2.1 measure each P3 headline figure (smlib.monitor) answers; figures not listed are
# counts any tool that sees the messages can give (volume, busiest day, response times …).
HEADLINE_MEASURES = {
    "users": "number_of_users", "new_users": "number_of_users",
    "returning_users": "number_of_users", "followers_end": "number_of_users",
    "follower_change": "number_of_users", "follower_growth_pct": "number_of_users",
    "national_share": "location", "top_location": "location",
    "top_age_group": "age_group",
    "negative": "complaints_sentiment", "negative_share": "complaints_sentiment",
    "sentiment_method": "complaints_sentiment",
    "top_theme": "themes",
    "questions": "feedback", "suggestions": "feedback", "praise": "feedback",
    "feedback_messages": "feedback",
}
# For figure names not in the table: whole words in the name that point to a measure.
_HEADLINE_MEASURE_WORDS = {
    "age": "age_group", "ages": "age_group", "location": "location", "country": "location",
    "international": "location", "national": "location", "region": "location",
    "negative": "complaints_sentiment", "complaint": "complaints_sentiment",
    "complaints": "complaints_sentiment", "sentiment": "complaints_sentiment",
    "theme": "themes", "themes": "themes", "feedback": "feedback", "user": "number_of_users",
    "users": "number_of_users", "follower": "number_of_users", "followers": "number_of_users",
}


def headline_measure(key: str) -> str | None:
    """The 2.1 measure a headline figure belongs to, or None (a count every tool can give).

    >>> headline_measure("negative_share"), headline_measure("engagement_rate")
    ('complaints_sentiment', None)
    """
    if key in HEADLINE_MEASURES:
        return HEADLINE_MEASURES[key]
    for word in key.lower().split("_"):
        if word in _HEADLINE_MEASURE_WORDS:
            return _HEADLINE_MEASURE_WORDS[word]
    return None


def _basic_headline(ds: Dataset, days: Any) -> dict[str, Any]:
    """A small P3 headline used only when smlib.monitor is not available."""
    f = select_days(ds.interactions, days, _clock(ds))
    cust = f[~org_flags(f["author_is_org"])]
    out: dict[str, Any] = {
        "messages": int(len(f)),
        "business_posts": int((org_flags(f["author_is_org"]) & (f["kind"] == "post")).sum()),
        "customer_messages": int(len(cust)),
        "unique_users": int(person_keys(cust["author_id"]).nunique()),
    }
    if "location" in cust.columns and cust["location"].notna().any():
        out["top_location"] = str(cust["location"].dropna().mode().iloc[0])
    if "age_band" in cust.columns and cust["age_band"].notna().any():
        out["top_age_group"] = str(cust["age_band"].dropna().mode().iloc[0])
    if "sentiment_label" in cust.columns and len(cust):
        out["negative_share"] = round(float((cust["sentiment_label"] == "negative").mean()), 3)
    if "themes" in cust.columns and len(cust):
        ex = cust["themes"].explode().dropna()
        ex = ex[ex.astype(str) != ""]
        if len(ex):
            out["top_theme"] = str(ex.mode().iloc[0])
    out["feedback_messages"] = int(cust["kind"].isin(["comment", "reply", "mention", "review",
                                                      "message"]).sum())
    return out


def _resolve_days(ds: Dataset, days: Any) -> Any:
    """Monitoring days for a Dataset: a list as given; None or a number N = the last 5 (or N)
    days with activity (smlib.default_days, as in P3)."""
    if days is not None and not (isinstance(days, (int, np.integer)) and not isinstance(days, bool)):
        return days
    n = 5 if days is None else int(days)
    try:
        default_days = getattr(importlib.import_module("smlib.metrics"), "default_days")
    except (ImportError, AttributeError):
        return n
    try:
        return list(default_days(ds, n))
    except DataError:
        return None


def _top_age(res: Mapping[str, Any]) -> str | None:
    age = res.get("age")
    if not isinstance(age, pd.DataFrame) or "age_band" not in age.columns or "people" not in age:
        return None
    a = age.dropna(subset=["age_band", "people"])
    if "platform" in a.columns and (a["platform"] == "all").any():
        a = a[a["platform"] == "all"]
    if a.empty:
        return None
    tot = a.groupby("age_band")["people"].sum()
    return str(tot.idxmax()) if tot.sum() > 0 else None


def _headline(ds: Dataset, days: Any, platforms: Any) -> tuple[dict[str, Any], str]:
    """P3 headline figures of ``ds`` on ``days`` (explicit list) with smlib.monitor if present."""
    try:
        monitor = getattr(importlib.import_module("smlib.metrics"), "monitor")
    except (ImportError, AttributeError):
        monitor = None
    sel = select_days(ds.interactions, days, _clock(ds))
    if platforms:
        sel = sel[sel["platform"].astype(str).isin(list(platforms))]
    if monitor is not None:
        if sel.empty:  # monitor refuses days with no messages: the tool shows nothing
            return {}, "smlib.monitor"
        res = monitor(ds, days, platforms)
        head = dict(res.get("headline", {}))
        head.pop("org", None)
        top_age = _top_age(res)
        if top_age is not None:
            head["top_age_group"] = top_age
        return head, "smlib.monitor"
    if platforms:
        ds = ds.replace(interactions=ds.interactions[
            ds.interactions["platform"].astype(str).isin(list(platforms))])
    return _basic_headline(ds, days), "basic headline (smlib.monitor not available)"


@dataclass
class ToolView:
    """What one tool would have shown, beside the full picture (see :func:`view_through_tool`)."""

    tool: str
    name: str
    status: str
    table: pd.DataFrame          # figure, measure, full, through_tool, shown
    missed: pd.DataFrame         # platform, kind, messages, seen, missed
    full_headline: dict[str, Any]
    tool_headline: dict[str, Any]
    source: str

    def summary(self) -> str:
        n_missed = int(self.missed["missed"].sum())
        n_all = int(self.missed["messages"].sum())
        # the 2.1 measures behind the figures it leaves blank, in words (not "negative_share")
        blank = list(dict.fromkeys(
            MEASURE_LABELS.get(m, str(m)) for m in self.table.loc[~self.table["shown"], "measure"]))
        lines = [f"{self.name}: sees {n_all - n_missed} of {n_all} messages "
                 f"(misses {n_missed})."]
        if blank:
            lines.append("It does not give: " + ", ".join(blank) + ".")
        if self.status != "available":
            lines.append(f"Status: {self.status} — it cannot be used today.")
        return " ".join(lines)

    def __repr__(self) -> str:
        return f"ToolView({self.summary()})"


def view_through_tool(dataset: Dataset, tool: str, days: Any = None,
                      catalogue: pd.DataFrame | str | Path | None = None,
                      platforms: Iterable[str] | None = None) -> ToolView:
    """Recompute the P3 headline figures as ``tool`` would have shown them.

    The interactions are cut down to what the tool sees (:func:`visible_mask`); the audience
    insights (followers, ages, locations) are kept only for own-account tools on the platforms
    they cover; then :func:`smlib.monitor` runs on both, and figures for 2.1 measures the tool
    does not give are blanked (None). ``table`` puts the two side by side.
    """
    if not isinstance(dataset, Dataset):
        raise DataError(f"view_through_tool needs a smlib Dataset, got {type(dataset).__name__}")
    cat, settings = _resolve_catalogue(catalogue)
    t = _tool_row(cat, tool)
    frame = dataset.interactions
    for col in ("platform", "kind", "author_is_org"):
        if col not in frame.columns:
            raise DataError(f"the interactions need a '{col}' column to show what {t['name']} sees "
                            f"(columns found: {list(map(str, frame.columns))})", field=col)
    frame = analysis_frame(frame, f"what {t['name']} sees", needs=())
    if frame is not dataset.interactions:
        dataset = dataset.replace(interactions=frame)
    seen = visible_mask(frame, t, settings.visibility)
    aud = dataset.audience
    if "own_accounts" in tuple(t["scope"]) and len(aud):
        aud = aud[aud["platform"].astype(str).isin(list(t["platforms"]))]
    else:
        aud = aud.iloc[0:0]
    tool_ds = dataset.replace(interactions=frame.loc[seen.to_numpy()].reset_index(drop=True),
                              audience=aud.reset_index(drop=True))
    days = _resolve_days(dataset, days)
    full, source = _headline(dataset, days, platforms)
    through, _ = _headline(tool_ds, days, platforms)
    rows = []
    for key, full_val in full.items():
        if key in ("days", "platforms", "sentiment_method"):   # settings, not figures
            continue
        measure = headline_measure(key)
        shown = measure is None or measure in tuple(t["measures"])
        rows.append({"figure": key, "measure": measure or "", "full": full_val,
                     "through_tool": through.get(key) if shown else None, "shown": shown})
    # typed columns even with no rows (no message on the days: the tool shows nothing)
    table = pd.DataFrame(rows, columns=["figure", "measure", "full", "through_tool", "shown"])
    table["shown"] = table["shown"].astype(bool)
    sel = select_days(frame, days, _clock(dataset))
    if platforms:
        sel = sel[sel["platform"].astype(str).isin(list(platforms))]
    s = visible_mask(sel, t, settings.visibility)
    missed = (pd.DataFrame({"platform": sel["platform"].astype(str), "kind": sel["kind"].astype(str),
                            "seen": s.astype(int)})
              .groupby(["platform", "kind"], observed=True)
              .agg(messages=("seen", "size"), seen=("seen", "sum")).reset_index())
    missed["missed"] = missed["messages"] - missed["seen"]
    return ToolView(tool=str(t["id"]), name=str(t["name"]), status=str(t["status"]), table=table,
                    missed=missed, full_headline=full,
                    tool_headline={k: v for k, v in through.items()
                                   if table.set_index("figure")["shown"].get(k, True)},
                    source=source)


# ------------------------------------------------------------------------------------------------
# Scoring and recommendation (D1)
# ------------------------------------------------------------------------------------------------
def score_tools(coverage: pd.DataFrame, weights: Mapping[str, float] | None = None,
                band_scores: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Criterion scores (0–1) and the weighted total (0–100) for each tool in ``coverage``.

    coverage = the tool's ``coverage`` (NaN → 0); measures = measures_count / 6;
    alerts = 1 or 0; cost = the band's score; ease = (ease_of_use − 1) / 4.
    total = 100 × Σ weight × score / Σ weight.
    """
    w = _check_weights(dict(DEFAULT_WEIGHTS if weights is None else weights))
    bands = dict(DEFAULT_BAND_SCORES if band_scores is None else band_scores)
    s = pd.DataFrame({"id": coverage["id"], "name": coverage["name"],
                      "status": coverage["status"]})
    s["coverage"] = coverage["coverage"].astype(float).fillna(0.0).to_numpy()
    s["measures"] = coverage["measures_count"].astype(float).to_numpy() / len(MEASURES)
    s["alerts"] = coverage["alerts"].astype(float).to_numpy()
    s["cost"] = coverage["cost_band"].map(bands).astype(float).to_numpy()
    s["ease"] = (coverage["ease_of_use"].astype(float).to_numpy() - 1) / 4
    total_w = sum(w.values())
    s["total"] = 100 * sum(w[c] * s[c] for c in CRITERIA) / total_w
    return s


def _eligible(scores: pd.DataFrame, recommend_unverified: bool) -> pd.Series:
    ok = scores["status"] == "available"
    if recommend_unverified:
        ok |= scores["status"] == "unverified"
    return ok


TIE_BREAK = ("coverage", "measures", "alerts")
"""Equal totals are decided by these criteria in turn (seeing the messages matters most), then
by the tool's id, so the same inputs always give the same choice."""


_TIE_WORDS = {"coverage": "how much of the organisation's activity it sees",
              "measures": "how many of the unit's six measures it gives",
              "alerts": "alerts for urgent items", "cost": "cost", "ease": "ease of use"}
"""Each criterion as the words after 'it does better on' / 'it lost points on' (the labels in
:data:`CRITERION_LABELS` are verb phrases for tables and legends: 'sees the organisation's
messages' cannot follow 'on')."""


def _winner(scores: pd.DataFrame, eligible: pd.Series) -> tuple[str | None, str | None]:
    cand = scores[eligible.to_numpy()].assign(_total=lambda d: d["total"].round(6))
    cand = cand.sort_values(["_total", *TIE_BREAK, "id"],
                            ascending=[False] * (1 + len(TIE_BREAK)) + [True], kind="mergesort")
    ids = cand["id"].tolist()
    return (ids[0] if ids else None, ids[1] if len(ids) > 1 else None)


def _pct(x: float) -> str:
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{100 * x:.0f}%"


def _reasons_for(tool: pd.Series, cov: pd.Series, weights: Mapping[str, float]) -> list[str]:
    out = []
    if not cov["messages_total"]:
        out.append("There are no messages on the chosen days, so how much of the activity it "
                   "would see cannot be measured; this choice rests on what it measures, alerts, "
                   "cost and ease of use only.")
    else:
        out.append(f"It would see {_pct(cov['share_seen'])} of the organisation's messages"
                   + (f", {_pct(cov['share_action'])} of those needing action"
                      if not pd.isna(cov["share_action"]) else "")
                   + (f" and {_pct(cov['share_urgent'])} of the urgent ones"
                      if not pd.isna(cov["share_urgent"]) else "") + ".")
    ms = [MEASURE_LABELS[m] for m in cov["measures"]]
    out.append(f"It gives {len(ms)} of the 6 things Unit 3 asks you to monitor"
               + (f" ({', '.join(ms)})." if ms else "."))
    out.append("It can alert you straight away to urgent items." if cov["alerts"]
               else "It cannot alert you to urgent items, so someone must check it often.")
    as_of = cov.get("cost_as_of")
    dated = as_of is not None and not pd.isna(as_of) and cov.get("cost_source") != "unverified"
    out.append(f"Cost: {cov['cost']}" + (f" (price as of {as_of})" if dated else "") + ".")
    out.append(f"Ease of use {int(cov['ease_of_use'])}/5.")
    return out


def _cautions(tool: pd.Series, frame: pd.DataFrame, cov: pd.Series | None = None) -> list[str]:
    """What the recommended tool cannot do, from the organisation's own data (honest D1)."""
    out = []
    if len(frame) and "author_is_org" in frame.columns and frame["author_is_org"].astype(bool).all():
        # an export of the organisation's own posts: "sees 100% of the messages" is of its posts
        out.append("This data holds only the organisation's own posts and replies, so the shares "
                   "above are of its own messages: how much of what the public writes a tool would "
                   "see cannot be judged from it.")
    if cov is not None and not pd.isna(cov.get("urgent_total")) and cov["urgent_total"]:
        missed = int(cov["urgent_total"]) - int(cov["urgent_seen"])
        if missed:
            out.append(f"It would have missed {missed} of the {int(cov['urgent_total'])} urgent "
                       f"message(s) on these days.")
    if cov is not None and not pd.isna(cov.get("action_total")) and cov["action_total"]:
        missed = int(cov["action_total"]) - int(cov["action_seen"])
        if missed:   # the messages a business must answer are the ones a monitoring tool is for
            out.append(f"It would not show {missed} of the {int(cov['action_total'])} messages that "
                       f"need action on these days.")
    kinds = set(frame["kind"].astype(str)) if len(frame) else set()
    plats = set(frame["platform"].astype(str)) if len(frame) else set()
    scope = tuple(tool["scope"])
    if "message" in kinds and ("own_accounts" not in scope
                               or "message" in tuple(tool.get("exclude_kinds", ()) or ())):
        out.append("It never sees private messages (DMs), so DMs must be checked in each app.")
    if {"mention", "review"} & kinds and "listening" not in scope:
        out.append("It does not find mentions or reviews posted elsewhere.")
    missing_p = sorted(plats - set(tool["platforms"]))
    if missing_p:
        from .summary import platform_name
        out.append("It does not cover " + ", ".join(map(platform_name, missing_p)) + ".")
    missing_m = [MEASURE_LABELS[m] for m in MEASURES if m not in tuple(tool["measures"])]
    if missing_m:
        out.append("It cannot tell you: " + ", ".join(missing_m) + ".")
    if tool.get("unverified_facts"):
        out.append(f"{len(tool['unverified_facts'])} of its facts in the catalogue are not "
                   f"confirmed by a source: check them before relying on this.")
    return out


def _why_lost(win: pd.Series, run: pd.Series, weights: Mapping[str, float]) -> list[str]:
    total_w = sum(weights.values())
    diffs = {c: weights[c] * (win[c] - run[c]) / total_w * 100 for c in CRITERIA}
    losing = sorted((c for c in CRITERIA if diffs[c] > 1e-9), key=lambda c: -diffs[c])
    winning = sorted((c for c in CRITERIA if diffs[c] < -1e-9), key=lambda c: diffs[c])
    if round(run["total"], 6) == round(win["total"], 6):
        decider = next((c for c in TIE_BREAK if win[c] != run[c]), None)
        out = [f"{run['name']} scored the same ({run['total']:.1f}); "
               + (f"{win['name']} wins the tie because it does better on "
                  f"{_TIE_WORDS[decider]}." if decider else
                  f"they are equal on every criterion, so {win['name']} was picked by name only: "
                  "choose between them yourself.")]
    else:
        out = [f"{run['name']} scored {run['total']:.1f} against {win['total']:.1f}."]
    if losing:
        out.append("It lost points on " + "; ".join(
            f"{_TIE_WORDS[c]} ({diffs[c]:.1f} points)" for c in losing) + ".")
    if winning:
        out.append("It did better on " + "; ".join(
            f"{_TIE_WORDS[c]} (+{-diffs[c]:.1f})" for c in winning)
                   + ", but not by enough.")
    return out


@dataclass
class Recommendation:
    """The D1 result: scores, the choice with reasons, the runner-up, and sensitivity."""

    recommended: str | None
    recommended_name: str | None
    runner_up: str | None
    runner_up_name: str | None
    scores: pd.DataFrame          # one row per tool, criterion scores, total, eligible, rank
    coverage: pd.DataFrame
    weights: dict[str, float]
    reasons: list[str]
    runner_up_reasons: list[str]
    cautions: list[str]
    sensitivity: pd.DataFrame     # criterion, change, weight, winner, changed
    flips: pd.DataFrame           # criterion, direction, multiplier, new_winner
    excluded: pd.DataFrame        # tools never recommended and why
    note: str = ""
    why_none: str = ""            # why no tool is recommended (e.g. none sees these messages)

    def text(self) -> str:
        """The recommendation in plain English (for D1)."""
        if self.recommended is None:
            return self.why_none or "No tool in the catalogue is available to recommend."
        lines = [f"Recommended tool: {self.recommended_name}."]
        lines += [f"- {r}" for r in self.reasons]
        if self.cautions:
            lines.append("But be aware:")
            lines += [f"- {c}" for c in self.cautions]
        if self.runner_up:
            lines.append(f"Runner-up: {self.runner_up_name}.")
            lines += [f"- {r}" for r in self.runner_up_reasons]
        changed = self.sensitivity[self.sensitivity["changed"]]
        if changed.empty:
            lines.append("Moving any single weight up or down by half does not change the choice.")
        else:
            for _, r in changed.iterrows():
                c = r["criterion"]
                label = c if CRITERION_LABELS[c] == c else f"{c} ({CRITERION_LABELS[c]})"
                lines.append(f"If the weight for {label} were {r['change']}, the choice would "
                             f"become {r['winner_name']}.")
        return "\n".join(lines)

    def short(self) -> str:
        """The choice in a few words: "Brand24 (runner-up: Google Alerts)", or why there is none."""
        if self.recommended is None:
            return "no tool" + (" (none of them sees these messages)" if self.why_none else "")
        return self.recommended_name + (f" (runner-up: {self.runner_up_name})" if self.runner_up else "")

    def stability(self) -> str:
        """Whether a single weight change flips the choice, in words (the flips table's summary)."""
        if self.recommended is None:
            return "There is no recommendation, so there is nothing for the weights to change."
        if len(self.flips):
            return "\n".join(f"If the weight for {r.criterion} were {r.multiplier:g} times its value, "
                             f"the choice would become {r.new_winner_name}."
                             for r in self.flips.itertuples())
        return (f"No single weight change (from 0 to 3 times its value) makes another tool win: "
                f"{self.recommended_name} stays the best choice.")

    def __repr__(self) -> str:
        return f"Recommendation({self.recommended_name!r}, runner-up {self.runner_up_name!r})"


def no_tool_sees(coverage: pd.DataFrame, eligible: pd.Series | None = None) -> str:
    """Why no tool can be recommended on coverage, or "" when some usable tool sees a message.

    When there are messages on the days but no tool that can be used today would show a single
    one of them (an export from a site none of the tools reads, such as a CSV from "other
    sites"), a recommendation would be a tool that sees nothing. This returns the sentence
    that says so instead.

    >>> cov = pd.DataFrame({"messages_total": [3, 3], "messages_seen": [0, 0],
    ...                     "status": ["available", "available"]})
    >>> cov.attrs["platforms"] = ["other"]
    >>> no_tool_sees(cov)[:60]
    'No tool in the catalogue covers other sites, where all 3 mes'
    """
    if not len(coverage) or not int(coverage["messages_total"].max() or 0):
        return ""
    ok = (coverage["status"] == "available") if eligible is None else eligible
    if int(coverage.loc[ok.to_numpy(), "messages_seen"].sum()):
        return ""
    from .summary import platform_name, _listing
    plats = [platform_name(p) for p in coverage.attrs.get("platforms", [])]
    n = int(coverage["messages_total"].max())
    msgs = ("the one message on these days was" if n == 1
            else f"all {n:,} messages on these days were")
    covered = ("platforms_covered" in coverage.columns
               and any(len(c) for c in coverage.loc[ok.to_numpy(), "platforms_covered"]))
    first = (f"No tool in the catalogue covers {_listing(plats)}, where {msgs} posted"
             if plats and not covered else f"No tool in the catalogue that can be used today sees any of the "
                           f"{n:,} messages on these days")
    return (first + ", so no tool is recommended: a tool that shows none of the messages is no "
            "use for monitoring them. Check the messages on the site itself, or add a tool that "
            "reads it to the catalogue (data/tools.toml).")


def _sensitivity(cov: pd.DataFrame, weights: dict[str, float], bands: Mapping[str, float],
                 eligible: pd.Series, base: str | None, names: Mapping[str, str]
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = []
    for c in CRITERIA:
        for label, mult in (("50% lower", 0.5), ("50% higher", 1.5)):
            w = dict(weights)
            w[c] = weights[c] * mult
            if sum(w.values()) <= 0:
                continue
            win, _ = _winner(score_tools(cov, w, bands), eligible)
            rows.append({"criterion": c, "change": label, "weight": w[c], "winner": win,
                         "winner_name": names.get(win, win), "changed": win != base})
    sens = pd.DataFrame(rows)
    flips = []
    grid = np.round(np.arange(0, 3.0001, 0.05), 2)
    for c in CRITERIA:
        for direction, mults in (("lower", grid[grid < 1][::-1]), ("higher", grid[grid > 1])):
            for m in mults:
                w = dict(weights)
                w[c] = weights[c] * m
                if sum(w.values()) <= 0:
                    continue
                win, _ = _winner(score_tools(cov, w, bands), eligible)
                if win != base:
                    flips.append({"criterion": c, "direction": direction,
                                  "multiplier": float(m), "weight": w[c], "new_winner": win,
                                  "new_winner_name": names.get(win, win)})
                    break
    return sens, pd.DataFrame(flips, columns=["criterion", "direction", "multiplier", "weight",
                                              "new_winner", "new_winner_name"])


def recommend_tool(dataset: Dataset | pd.DataFrame, days: Any = None,
                   weights: Mapping[str, float] | None = None,
                   catalogue: pd.DataFrame | str | Path | None = None) -> Recommendation:
    """Score every tool on this organisation's data and recommend one (D1).

    ``weights`` (coverage, measures, alerts, cost, ease; numbers >= 0) start from ``[scoring]
    weights`` in ``data/tools.toml``; any you pass replace those (e.g. ``{"cost": 5}``). Closed tools — and tools
    whose status is unverified, unless the catalogue allows them — are scored and shown but never
    recommended. The result says why the winner won, why the runner-up lost, and whether moving
    each weight by ±50% changes the choice (``sensitivity``), plus the smallest single-weight
    change that flips it (``flips``).

    >>> rec = recommend_tool(ds)                        # doctest: +SKIP
    >>> print(rec.text())                               # doctest: +SKIP
    """
    cat, settings = _resolve_catalogue(catalogue)
    if weights is not None and not isinstance(weights, Mapping):
        _check_weights(weights)        # a list or a number: the error says what is wanted
    w = _check_weights({**settings.weights, **dict(weights or {})})
    cov = tool_coverage(dataset, days=days, catalogue=cat)
    scores = score_tools(cov, w, settings.band_scores)
    eligible = _eligible(scores, settings.recommend_unverified)  # in catalogue order, like cov
    scores["eligible"] = eligible.to_numpy()
    scores = scores.sort_values(["total", "id"], ascending=[False, True], kind="mergesort")
    scores["rank"] = np.arange(1, len(scores) + 1)
    scores = scores.reset_index(drop=True)
    best, second = _winner(scores, scores["eligible"])
    why_none = no_tool_sees(cov, eligible)
    if why_none:                     # every usable tool would show nothing: recommend none
        best = second = None
    names = dict(zip(cat["id"], cat["name"]))
    cov_i = cov.set_index("id")
    sc_i = scores.set_index("id")
    reasons = _reasons_for(cat.set_index("id").loc[best], cov_i.loc[best], w) if best else []
    if best:
        top = scores.iloc[0]
        if top["id"] != best:
            reasons.append(f"{top['name']} scored higher ({top['total']:.1f}) but is "
                           f"{top['status']}, so it cannot be recommended.")
    lost = _why_lost(sc_i.loc[best], sc_i.loc[second], w) if best and second else []
    frame, profile, ds_ = _split(dataset)
    sel = select_days(frame, _resolve_days(ds_, days) if ds_ is not None else days, profile)
    cautions = _cautions(cat.set_index("id").loc[best], sel, cov_i.loc[best]) if best else []
    if best is None:
        sens = pd.DataFrame(columns=["criterion", "change", "weight", "winner", "winner_name", "changed"])
        sens["changed"] = sens["changed"].astype(bool)
        flips = pd.DataFrame(columns=["criterion", "direction", "multiplier", "weight",
                                      "new_winner", "new_winner_name"])
    else:
        sens, flips = _sensitivity(cov, w, settings.band_scores, eligible, best, names)
    exc = scores.loc[~scores["eligible"], ["id", "name", "status", "total"]].copy()
    exc["why"] = exc["status"].map({
        "closed": "closed: it no longer exists",
        "unverified": "status unverified: we could not confirm it still exists"})
    return Recommendation(recommended=best, recommended_name=names.get(best),
                          runner_up=second, runner_up_name=names.get(second), scores=scores,
                          coverage=cov, weights=w, reasons=reasons, runner_up_reasons=lost,
                          cautions=cautions,
                          sensitivity=sens, flips=flips, excluded=exc.reset_index(drop=True),
                          note=cov.attrs.get("note", ""), why_none=why_none)


# ------------------------------------------------------------------------------------------------
# Display helpers for the notebook
# ------------------------------------------------------------------------------------------------
def catalogue_table(catalogue: pd.DataFrame | None = None) -> pd.DataFrame:
    """A readable version of the catalogue for learners: one row per tool, plain words."""
    cat = load_tool_catalogue() if catalogue is None else catalogue

    def status(r: pd.Series) -> str:
        if r["status"] == "closed" and r.get("status_since") is not None:
            return f"closed since {r['status_since']:%d %b %Y}"
        return str(r["status"])

    from .summary import platform_label
    # the same words as the report's tool table: "Reads: own accounts and public search"
    return pd.DataFrame({
        "Tool": cat["name"], "Status": cat.apply(status, axis=1),
        "Reads": cat["scope"].map(reads),
        "Platforms": cat["platforms"].map(lambda ps: ", ".join(platform_label(p) for p in ps)),
        "2.1 measures": cat["measures"].map(lambda m: ", ".join(MEASURE_LABELS[x] for x in m)
                                            or "none"),
        "Alerts": cat["alerts"].map({True: "yes", False: "no"}),
        "Cost": cat["cost"], "Ease (1-5)": cat["ease_of_use"],
        "Unconfirmed facts": cat["unverified_facts"].map(len),
    })


READS = {"own_accounts": "own accounts", "listening": "public search"}
"""What each scope reads, in a few words for a table column (SCOPE_NOTE says what they mean)."""

SCOPE_NOTE = ("Reads: 'own accounts' means the tool reads the organisation's own accounts, so it sees "
              "the comments and replies on its posts and its private messages; 'public search' means it "
              "searches public posts, so it also finds mentions and reviews elsewhere, but never private "
              "messages. That is why two tools on the same platforms can see different shares.")
"""Why the shares differ between tools that list the same platforms (under tool tables)."""


def reads(scope: Any) -> str:
    """What a tool reads, in words: ``reads(("own_accounts",))`` -> "own accounts";
    "no messages" for a tool that reads none."""
    parts = [READS.get(str(x), str(x)) for x in (scope if isinstance(scope, (list, tuple)) else [scope])
             if x is not None and str(x)]
    return " and ".join(parts) or "no messages"


def coverage_table(coverage: pd.DataFrame) -> pd.DataFrame:
    """Learner-friendly coverage: counts and whole percentages ("n/a" when there is nothing to
    count, e.g. no urgent messages on those days)."""
    def pct(v: Any) -> str:
        return "n/a" if v is None or pd.isna(v) else f"{100 * float(v):.0f}%"

    return pd.DataFrame({
        "tool": coverage["name"], "status": coverage["status"],
        "messages it sees": coverage["messages_seen"].map(lambda n: f"{int(n):,}"),
        "out of": coverage["messages_total"].map(lambda n: f"{int(n):,}"),
        "% of all": coverage["share_seen"].map(pct),
        "% needing action": coverage["share_action"].map(pct),
        "% urgent": coverage["share_urgent"].map(pct)})


def plot_coverage(coverage: pd.DataFrame, ax: Any = None, title: str | None = None) -> Any:
    """Horizontal bars: share of all messages, of those needing action and of urgent ones."""
    import matplotlib.pyplot as plt

    cov = coverage.sort_values("coverage", ascending=True, na_position="first")
    cols = [("share_seen", "all messages"), ("share_action", "needing action"),
            ("share_urgent", "urgent")]
    cols = [(c, lab) for c, lab in cols if cov[c].notna().any()]
    if ax is None:
        _fig, ax = plt.subplots(figsize=(8, 0.45 * len(cov) + 1.5))
    y = np.arange(len(cov))
    h = 0.8 / max(len(cols), 1)
    for i, (c, lab) in enumerate(cols):
        ax.barh(y + i * h - 0.4 + h / 2, 100 * cov[c].astype(float).fillna(0), height=h, label=lab)
    labels = [n + ("" if s == "available" else f" ({s})")
              for n, s in zip(cov["name"], cov["status"])]
    ax.set_yticks(y, labels)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of the organisation's messages the tool would show (%)")
    ax.set_ylabel("Monitoring tool")
    ax.set_title(title or "How much of the organisation's activity each tool would see")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, frameon=False)
    why = no_tool_sees(coverage, coverage["status"].notna())   # every tool, closed ones too
    if why:
        from .summary import platform_name, _listing
        plats = _listing([platform_name(p) for p in coverage.attrs.get("platforms", [])])
        ax.text(50, (len(cov) - 1) / 2, "No tool sees any of these messages" + (
                f":\nnone of them covers {plats}" if plats and " covers " in why else ""),
                ha="center", va="center", fontsize=11,
                bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "grey"})
    return ax


def plot_scores(rec: Recommendation, ax: Any = None) -> Any:
    """Stacked bars: how many points each criterion gives each tool (total out of 100)."""
    import matplotlib.pyplot as plt

    s = rec.scores.sort_values("total")
    total_w = sum(rec.weights.values())
    if ax is None:
        _fig, ax = plt.subplots(figsize=(8, 0.45 * len(s) + 1.5))
    left = np.zeros(len(s))
    y = np.arange(len(s))
    for c in CRITERIA:
        pts = 100 * rec.weights[c] * s[c].to_numpy() / total_w
        ax.barh(y, pts, left=left, label=CRITERION_LABELS[c])
        left += pts
    labels = [n + ("" if e else " (not recommendable)") for n, e in zip(s["name"], s["eligible"])]
    ax.set_yticks(y, labels)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Score out of 100 (each colour = points from one criterion)")
    ax.set_ylabel("Monitoring tool")
    ax.set_title("Tool scores with the current weights")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, frameon=False,
              fontsize="small")
    return ax


def weight_sliders(dataset: Dataset | pd.DataFrame, days: Any = None,
                   catalogue: pd.DataFrame | str | Path | None = None) -> Any:
    """Interactive sliders (ipywidgets) to change the weights and see the recommendation.

    Display only: nothing else in a notebook depends on it, so papermill and nbval runs are
    unaffected. Returns the widget box (or None if ipywidgets is missing). The ranking is
    written into an ``HTML`` widget rather than captured by an ``Output`` widget: output
    capture while a cell runs can leave nbclient (papermill, nbval) waiting for ever
    (jupyter/nbclient#312; seen here once in four runs of notebook 04 on 14,640 tweets).
    """
    try:
        import ipywidgets as widgets
    except ImportError:
        return None
    cat, settings = _resolve_catalogue(catalogue)
    cov = tool_coverage(dataset, days=days, catalogue=cat)
    eligible = _eligible(score_tools(cov, settings.weights, settings.band_scores),
                         settings.recommend_unverified)
    sliders = {c: widgets.FloatSlider(value=settings.weights[c], min=0, max=5, step=0.5,
                                      description=c, continuous_update=False)
               for c in CRITERIA}
    out = widgets.HTML()

    def redraw(_change: Any = None) -> None:
        w = {c: s.value for c, s in sliders.items()}
        out.value = f"<pre>{html.escape(_slider_text(cov, w, eligible, settings.band_scores, cat))}</pre>"

    for s in sliders.values():
        s.observe(redraw, names="value")
    redraw()
    return widgets.VBox([widgets.HTML("<b>Change the weights (how much each criterion "
                                      "matters)</b>"), *sliders.values(), out])


def _slider_text(cov: pd.DataFrame, weights: Mapping[str, float], eligible: pd.Series,
                band_scores: Any, catalogue: pd.DataFrame) -> str:
    """What :func:`weight_sliders` shows for ``weights``: the winner, runner-up and ranking."""
    if sum(weights.values()) <= 0:
        return "Set at least one weight above 0."
    none_sees = no_tool_sees(cov, eligible)   # whatever the weights: no tool to score
    if none_sees:
        return none_sees
    names = dict(zip(catalogue["id"], catalogue["name"]))
    sc = score_tools(cov, dict(weights), band_scores)
    best, second = _winner(sc, eligible)
    table = (sc.assign(eligible=eligible.to_numpy()).sort_values("total", ascending=False)
             [["name", "status", "total"]].round(1).to_string(index=False))
    return f"Recommended: {names.get(best)}   (runner-up: {names.get(second)})\n{table}"


KEY_FIGURES = ("messages", "customer_messages", "users", "followers_end", "national_share",
               "top_age_group", "negative", "negative_share", "top_theme", "questions",
               "answered_share", "waiting")
"""P3 headline figures shown side by side in :func:`compare_views` (those present are used)."""


SEES_NONE = "sees none"
"""In :func:`compare_views`: the tool gives this measure but sees none of the messages."""
NO_FIGURE = "n/a"
"""In :func:`compare_views`: the tool gives this measure but has no figure for it here."""


def compare_views(dataset: Dataset, tools: Iterable[str], days: Any = None,
                  catalogue: pd.DataFrame | str | Path | None = None,
                  figures: Iterable[str] | None = None) -> pd.DataFrame:
    """One table: the full P3 figures beside what each of ``tools`` would have shown.

    Rows are figures (``KEY_FIGURES`` by default), columns ``full picture`` and one per tool.
    In a tool's column a blank (None) means the tool does not give that measure at all;
    :data:`SEES_NONE` means it gives the measure but would not show a single message on these
    days (so it has nothing to count); :data:`NO_FIGURE` means it gives the measure and sees
    messages, but has no figure for it here (a listening tool has no follower counts, say).
    """
    views = [view_through_tool(dataset, t, days=days, catalogue=catalogue) for t in tools]
    want = list(figures) if figures is not None else list(KEY_FIGURES)
    base = views[0].table.set_index("figure") if views else pd.DataFrame()
    rows = [f for f in want if f in base.index]
    out = pd.DataFrame({"full picture": base.loc[rows, "full"]})
    for v in views:
        t = v.table.set_index("figure").loc[rows]
        sees = int(v.missed["seen"].sum()) if len(v.missed) else 0
        out[v.name] = [None if not shown else (SEES_NONE if not sees else (NO_FIGURE if val is None or (
                       not isinstance(val, str) and pd.isna(val)) else val))
                       for shown, val in zip(t["shown"], t["through_tool"])]
    out.index.name = "figure"
    return out


def plot_platform_coverage(coverage: pd.DataFrame, ax: Any = None) -> Any:
    """Heat map: share of each platform's messages (columns) that each tool (rows) would see."""
    import matplotlib.pyplot as plt

    plats = coverage.attrs.get("platforms") or sorted(
        c[len("share_"):] for c in coverage.columns
        if c.startswith("share_") and c not in ("share_seen", "share_action", "share_urgent"))
    grid = 100 * coverage[[f"share_{p}" for p in plats]].astype(float).fillna(0).to_numpy()
    if ax is None:
        _fig, ax = plt.subplots(figsize=(1.1 * len(plats) + 3.5, 0.4 * len(coverage) + 1.5))
    im = ax.imshow(grid, cmap="Blues", vmin=0, vmax=100, aspect="auto")
    from .summary import platform_label
    ax.set_xticks(range(len(plats)), [platform_label(p) for p in plats])   # "X", not the code "x"
    ax.set_yticks(range(len(coverage)), coverage["name"])
    for i in range(grid.shape[0]):
        for j in range(grid.shape[1]):
            ax.text(j, i, f"{grid[i, j]:.0f}", ha="center", va="center", fontsize=8,
                    color="white" if grid[i, j] > 60 else "black")
    ax.set_xlabel("Platform")
    ax.set_ylabel("Monitoring tool")
    ax.set_title("Share of each platform's messages the tool would see (%)")
    ax.figure.colorbar(im, ax=ax, label="% of that platform's messages")
    return ax
