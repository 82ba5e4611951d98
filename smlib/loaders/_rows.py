"""Skip-reason bookkeeping and the shared last step every loader runs (:func:`finish`).

Why: every unusable row must be counted under a named reason, never silently dropped, so that
``rows_kept + rows_skipped == rows_in`` always holds and a tutor can see what was left out.

A format parser returns a frame with some model columns plus helpers (``_row``: where the row
came from, for messages; ``_has_media``: the post has a photo/video, so an empty caption is not
an empty message). :func:`finish` then, in this order, skips and counts:

1. ``no text`` - empty text and no media attached (media posts are kept with text "")
2. ``missing date`` / ``unparseable date``
3. ``missing message_id``
4. ``duplicate message_id`` - the first row with an id is kept

and fills org, platform, author_is_org, thread_id and reply counts before
:func:`smlib.schema.conform_interactions` and :func:`smlib.schema.validate_interactions`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

import numpy as np
import pandas as pd

from ..errors import DataError
from ..schema import INTERACTION_COLUMNS, conform_interactions, new_load_summary, validate_interactions
from ._time import to_utc

_EXCEL_ID = re.compile(r"^\s*\d(\.\d+)?[eE]\+?\d+\s*$")
PLATFORM_ALIASES = {"twitter": "x", "tweet": "x", "x.com": "x", "fb": "facebook", "meta": "facebook",
                    "ig": "instagram", "insta": "instagram", "yt": "youtube", "li": "linkedin",
                    "tik tok": "tiktok", "google reviews": "reviews", "trustpilot": "reviews",
                    "review": "reviews"}


@dataclass
class Tracker:
    """What happened to the rows of one file: read, skipped (why, and example rows), repaired."""

    source: str
    rows_in: int = 0
    reasons: Counter = field(default_factory=Counter)
    examples: dict[str, list[Any]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    repairs: Counter = field(default_factory=Counter)
    info: dict[str, Any] = field(default_factory=dict)

    def skip(self, reason: str, n: int = 1, where: Iterable[Any] = ()) -> None:
        if n <= 0:
            return
        self.reasons[reason] += n
        ex = self.examples.setdefault(reason, [])
        for w in where:
            if len(ex) >= 5:
                break
            ex.append(w.item() if hasattr(w, "item") else w)

    def drop(self, frame: pd.DataFrame, mask: pd.Series | np.ndarray, reason: str) -> pd.DataFrame:
        """Return ``frame`` without the rows in ``mask``, counting them under ``reason``."""
        mask = np.asarray(mask, dtype=bool)
        n = int(mask.sum())
        if n == 0:
            return frame
        where = frame["_row"].to_numpy()[mask][:5] if "_row" in frame.columns else []
        self.skip(reason, n, where)
        return frame.loc[~mask]

    def summary(self, kept: int, **extra: Any) -> dict[str, Any]:
        s = new_load_summary(self.source, self.rows_in)
        s["rows_kept"] = int(kept)
        s["rows_skipped"] = int(sum(self.reasons.values()))
        s["reasons"] = {k: int(v) for k, v in self.reasons.most_common()}
        s["examples"] = {k: v for k, v in self.examples.items() if v}
        s["warnings"] = list(dict.fromkeys(self.warnings))
        s["repairs"] = {k: int(v) for k, v in self.repairs.items()}
        s.update(self.info)
        s.update(extra)
        if s["rows_kept"] + s["rows_skipped"] != s["rows_in"]:
            raise DataError(f"internal count error: kept {s['rows_kept']} + skipped {s['rows_skipped']}"
                            f" != read {s['rows_in']}; please report this file", source=self.source)
        return s


def norm_handle(v: Any) -> str:
    """'@SpotifyCares ' -> 'spotifycares' (handles compare case-blind, without @)."""
    return str(v).strip().lstrip("@").lower()


def norm_platform(v: Any) -> str:
    p = str(v).strip().lower()
    return PLATFORM_ALIASES.get(p, p) or "other"


def as_str(s: pd.Series) -> pd.Series:
    """The column as pandas text (missing stays missing); no copy when it already is."""
    return s if s.dtype == "str" else s.astype("str")


def any_contains(s: pd.Series, subs: tuple[str, ...], at: str = "any") -> bool:
    """Quick whole-column test: does any value contain (``at="any"``), start with (``"start"``) or
    end with (``"end"``) one of ``subs``? One C-speed scan of the joined column instead of a Python call per row; used to
    skip per-row regex work that is almost never needed."""
    vals = s.dropna().to_numpy(dtype=object)
    try:
        joined = "\x00" + "\x00".join(vals) + "\x00"
    except TypeError:  # not all text: assume yes, the caller then checks row by row
        return True
    if at == "start":
        return any("\x00" + x in joined for x in subs)
    if at == "end":
        return any(x + "\x00" in joined for x in subs)
    return any(x in joined for x in subs)


def clean_ids(s: pd.Series) -> pd.Series:
    """Ids as text without surrounding spaces or a float tail (``'3.0'`` → ``'3'``, from pandas
    re-saves). The regex runs only on rows that end in ``.0``, and only if any do."""
    s = as_str(s)
    if any_contains(s, (" ", "\t", "\n", "\r"), "end") or any_contains(s, (" ", "\t", "\n", "\r"), "start"):
        s = s.str.strip()
    if any_contains(s, (".0",), "end"):
        tail = s.str.endswith(".0").fillna(False).astype(bool)
        s = s.where(~tail, s[tail].str.replace(r"^(-?\d+)\.0+$", r"\1", regex=True))
    return s


def _empty(s: pd.Series) -> np.ndarray:
    """True where a value is missing or the empty string (no white-space test: cheap)."""
    v = s.to_numpy(dtype=object)
    return pd.isna(v) | (v == "")


def _blank(s: pd.Series) -> pd.Series:
    """True where a value is missing, empty or only white space."""
    if pd.api.types.is_string_dtype(s.dtype) or s.dtype == object:
        t = as_str(s)
        out = t.isna().to_numpy() | (t == "").to_numpy(dtype=bool, na_value=True) | \
            t.str.isspace().to_numpy(dtype=bool, na_value=False)
        return pd.Series(out, index=s.index)
    return s.isna()


def _thread_roots(ids: pd.Series, parents: pd.Series) -> pd.Series:
    """Follow parent links inside the file to the first message of each conversation.

    A reply whose parent is not in the file gets the parent's id (the earliest message we know of).
    """
    parent_of = pd.Series(parents.to_numpy(), index=ids.to_numpy())
    parent_of = parent_of[parent_of.notna()]
    root = parents.where(parents.notna(), ids)
    for _ in range(200):  # conversation depth; stops as soon as nothing changes
        nxt = root.map(parent_of)
        moved = nxt.notna() & (nxt != root)
        if not moved.any():
            break
        root = root.where(~moved, nxt)
    return root


def repair_excel_ids(frame: pd.DataFrame, tracker: Tracker) -> pd.DataFrame:
    """Ids like ``5.70306E+17`` were rounded by Excel: the real id is lost. Replace message ids by a
    row-based id (so rows are kept and not merged as false duplicates), drop broken reply links,
    and report it."""
    out = frame
    for col in ("message_id", "parent_id"):
        if col not in out.columns or not (pd.api.types.is_string_dtype(out[col].dtype) or out[col].dtype == object):
            continue
        if not any_contains(out[col], ("E+", "e+")):
            continue
        txt = as_str(out[col])
        maybe = (txt.str.contains("E+", regex=False) | txt.str.contains("e+", regex=False)).fillna(False)
        bad = pd.Series(False, index=out.index)
        bad[maybe[maybe].index] = txt[maybe].str.match(_EXCEL_ID).fillna(False).astype(bool)
        n = int(bad.sum())
        if not n:
            continue
        ex = out.loc[bad, col].iloc[0]
        out = out.copy()
        if col == "message_id":
            out.loc[bad, col] = "row-" + out.loc[bad, "_row"].astype(str)
            tracker.repairs["message_id mangled by Excel (replaced by row number)"] += n
            tracker.warnings.append(
                f"{n} message id(s) look rounded by Excel (e.g. {ex!r}); the real ids are lost, so they "
                "were replaced by row numbers and replies to them cannot be matched. Export the data "
                "again as CSV without opening it in Excel, or format the id column as Text.")
        else:
            out.loc[bad, col] = None
            tracker.repairs["parent_id mangled by Excel (reply link dropped)"] += n
            tracker.warnings.append(f"{n} reply link(s) look rounded by Excel (e.g. {ex!r}); they were dropped")
    return out


def conform(df: pd.DataFrame) -> pd.DataFrame:
    """Same result as :func:`smlib.schema.conform_interactions` (a test checks they agree), but
    without its per-row Python step for text columns, which costs seconds on a 1M-row file.
    Anything unusual (a text column holding numbers, no message_id) goes to the original."""
    if "message_id" not in df.columns or "created_at" not in df.columns:
        return conform_interactions(df)
    out = {}
    n = len(df)
    for col, (kind, _req, _m) in INTERACTION_COLUMNS.items():
        if col not in df.columns:
            if kind == "int":
                s = pd.Series(np.zeros(n, dtype="int64"), index=df.index)
            elif kind == "bool":
                s = pd.Series(np.zeros(n, dtype=bool), index=df.index)
            elif col == "thread_id":
                s = df["message_id"]
            elif kind == "Int":
                s = pd.Series(pd.arrays.IntegerArray(np.zeros(n, "int64"), np.ones(n, bool)), index=df.index)
            else:
                s = pd.Series(np.full(n, None, dtype=object), index=df.index)
        else:
            s = df[col]
        if kind == "category":
            s = s.astype("category")
        elif kind == "datetime":
            if not isinstance(s.dtype, pd.DatetimeTZDtype):
                s = pd.to_datetime(s, utc=True)
            s = s.dt.tz_convert("UTC").astype("datetime64[ns, UTC]")
        elif kind == "bool":
            s = s.fillna(False).astype(bool)
        elif kind == "int":
            s = pd.to_numeric(s, errors="coerce").fillna(0).astype("int64")
        elif kind == "Int":
            s = pd.to_numeric(s, errors="coerce").astype("Int64")
        else:
            if n == 0 or (pd.isna(s.iloc[0]) and s.isna().all()):
                s = pd.Series(np.full(n, None, dtype=object), index=df.index)
            elif s.dtype != "str":
                o = s.astype("object").where(s.notna(), None)
                if pd.api.types.infer_dtype(o, skipna=True) not in ("string", "empty"):
                    return conform_interactions(df)
                s = o.astype("str")
        out[col] = s
    extra = [c for c in df.columns if c not in INTERACTION_COLUMNS]
    res = pd.DataFrame(out, index=df.index)
    for c in extra:
        res[c] = df[c]
    return res.reset_index(drop=True)


def finish(frame: pd.DataFrame, tracker: Tracker, *, org: str, platform: str,
           org_handles: Iterable[str] = (), fmt: str, encoding: str) -> tuple[pd.DataFrame, dict]:
    """Skip/count unusable rows, fill the derived columns, conform and validate (see module doc)."""
    f = frame
    if len(f) == 0:
        f = pd.DataFrame({c: pd.Series([], dtype="object") for c in
                          ("message_id", "created_at", "author_id", "text", "kind")})
        f["created_at"] = pd.Series([], dtype="datetime64[ns, UTC]")
        f["author_is_org"] = pd.Series([], dtype=bool)
    if "_row" not in f.columns:
        f = f.assign(_row=np.arange(1, len(f) + 1))
    # 1. text
    if "text" not in f.columns:
        f = f.assign(text="")
    text_blank = _blank(f["text"])
    media = f["_has_media"].fillna(False).astype(bool) if "_has_media" in f.columns else False
    f = tracker.drop(f, text_blank & ~np.asarray(media, dtype=bool), "no text")
    if text_blank.any():
        f = f.assign(text=f["text"].astype("object").where(~_blank(f["text"]), ""))
    if any_contains(f["text"], ("\r",)):  # Windows / old-Mac line ends inside text → \n
        f = f.assign(text=as_str(f["text"]).str.replace("\r\n", "\n", regex=False)
                     .str.replace("\r", "\n", regex=False))
    # 2. dates
    if "created_at" not in f.columns:
        raise DataError("no date column: expected when each message was posted", source=tracker.source,
                        field="created_at")
    when, blank = to_utc(f["created_at"], tracker.warnings)
    f = f.assign(created_at=when)
    f = tracker.drop(f, when.isna() & blank, "missing date")
    f = tracker.drop(f, f["created_at"].isna(), "unparseable date")
    # 3. ids
    if "message_id" not in f.columns:
        f = f.assign(message_id="row-" + f["_row"].astype(str))
    f = repair_excel_ids(f, tracker)
    f = tracker.drop(f, _empty(f["message_id"]), "missing message_id")
    f = f.assign(message_id=as_str(f["message_id"]))
    # 4. duplicates (first kept)
    f = tracker.drop(f, f["message_id"].duplicated(keep="first"), "duplicate message_id")

    # derived columns
    if "platform" in f.columns and platform == "":
        vals = pd.unique(f["platform"].dropna())
        f = f.assign(platform=f["platform"].map({v: norm_platform(v) for v in vals}).fillna("other"))
    else:
        f = f.assign(platform=platform or "other")
    if "org" not in f.columns or org:
        f = f.assign(org=org or "unknown")
    else:
        f = f.assign(org=f["org"].astype("object").where(f["org"].notna(), "unknown"))
    handles = {norm_handle(h) for h in org_handles if str(h).strip()}
    is_org = f["author_is_org"].fillna(False).astype(bool) if "author_is_org" in f.columns else \
        pd.Series(False, index=f.index)
    if handles:
        for col in ("author_id", "author_name"):
            if col in f.columns:
                vals = pd.unique(f[col].dropna())
                hits = [v for v in vals if norm_handle(v) in handles]
                is_org = is_org | f[col].isin(hits).to_numpy()
    f = f.assign(author_is_org=is_org.to_numpy())
    if "author_id" not in f.columns:
        f = f.assign(author_id="unknown")
    no_author = _blank(f["author_id"])
    if no_author.any():
        f = f.assign(author_id=f["author_id"].astype("object").where(~no_author, "unknown"))
    if "parent_id" in f.columns:
        par = f["parent_id"].astype("object").where(~_blank(f["parent_id"]), None)
        f = f.assign(parent_id=par)
        if "thread_id" not in f.columns:
            f = f.assign(thread_id=_thread_roots(f["message_id"], par).to_numpy())
        if "replies" not in f.columns:
            counts = par.dropna().value_counts()
            f = f.assign(replies=f["message_id"].map(counts).fillna(0).astype("int64").to_numpy())
    has_parent = f["parent_id"].notna().to_numpy() if "parent_id" in f.columns else np.zeros(len(f), bool)
    default_kind = np.where(f["author_is_org"].to_numpy(), np.where(has_parent, "reply", "post"), "comment")
    if "kind" not in f.columns:
        f = f.assign(kind=default_kind)
    elif f["kind"].isna().any():
        f = f.assign(kind=np.where(f["kind"].isna().to_numpy(), default_kind, f["kind"].astype(object)))
    f = f.drop(columns=[c for c in f.columns if c.startswith("_")])
    for col in ("org", "platform", "kind"):  # constant columns: build the category directly (fast)
        vals = pd.unique(f[col])
        if len(vals) == 1 and not isinstance(f[col].dtype, pd.CategoricalDtype):
            f[col] = pd.Categorical.from_codes(np.zeros(len(f), dtype="int8"),
                                               categories=pd.Index(vals).astype("str"))
    out = conform(f)
    validate_interactions(out, source=tracker.source)
    summary = tracker.summary(len(out), format=fmt, encoding=encoding,
                              platforms=sorted(map(str, pd.unique(out["platform"]))) if len(out) else [])
    if len(out) == 0:
        tracker.warnings.append("no messages were kept: see 'reasons' for why each row was skipped")
        summary["warnings"] = list(dict.fromkeys(tracker.warnings))
    return out, summary
