"""The data model: the three tables every loader produces and every analysis reads.

``interactions``  one row per message on any platform (columns in :data:`INTERACTION_COLUMNS`).
``audience``      platform insights, aggregated: ``org, platform, date, dimension, value, count``.
``profile``       the organisation: name, sector, home country, handles, KPI targets, business hours.

A :class:`Dataset` bundles the three with a ``load_summary`` that says honestly what was read
and what was skipped. :func:`validate_interactions` and :func:`validate_audience` check a frame
against the model and raise :class:`smlib.DataError` naming the column and what is wrong;
:func:`conform_interactions` fills optional columns and sets dtypes (loaders call it last).

Example
-------
>>> import pandas as pd, smlib
>>> df = pd.DataFrame({"org": ["x"], "platform": ["x"], "message_id": ["1"],
...                    "created_at": [pd.Timestamp("2026-01-05 09:00", tz="UTC")],
...                    "author_id": ["a"], "author_is_org": [False], "kind": ["comment"],
...                    "text": ["hello"]})
>>> ok = smlib.schema.conform_interactions(df)
>>> smlib.schema.validate_interactions(ok)
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import numpy as np
import pandas as pd

from .errors import DataError

PLATFORMS = ("x", "facebook", "instagram", "threads", "linkedin", "tiktok", "youtube", "reddit", "mastodon",
             "blog", "reviews", "other")
"""Known platform codes (lower case). Loaders map source names onto these."""

KINDS = ("post", "comment", "reply", "mention", "review", "message")
"""What a message is: the business's own ``post``; a follower's ``comment`` under a post; a
``reply`` in a conversation; a ``mention`` of the organisation elsewhere; a ``review``; a
private ``message`` (DM)."""

AUDIENCE_DIMENSIONS = ("followers", "age_band", "country", "region", "gender")
AGE_BANDS = ("13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# name -> (kind, required, meaning). kind is one of str, category, datetime, bool, int, Int.
INTERACTION_COLUMNS: dict[str, tuple[str, bool, str]] = {
    "org": ("category", True, "organisation slug"),
    "platform": ("category", True, "x, facebook, instagram, linkedin, tiktok, youtube, reddit, …"),
    "message_id": ("str", True, "unique within (platform)"),
    "parent_id": ("str", False, "the message this one replies to, or NA"),
    "thread_id": ("str", False, "the first message of the conversation"),
    "created_at": ("datetime", True, "when it was posted, UTC"),
    "author_id": ("str", True, "who posted (pseudonymise for display)"),
    "author_name": ("str", False, "display name or handle"),
    "author_is_org": ("bool", True, "posted by the organisation itself"),
    "kind": ("category", True, "post, comment, reply, mention, review, message"),
    "text": ("str", True, "the message"),
    "likes": ("int", False, "likes / reactions (0 when unknown)"),
    "shares": ("int", False, "shares / retweets / boosts (0 when unknown)"),
    "replies": ("int", False, "number of replies (0 when unknown)"),
    "reach": ("Int", False, "impressions or views, NA when unknown"),
    "author_followers": ("Int", False, "the author's audience size, NA when unknown"),
    "location": ("str", False, "country or UK region where the source gives it"),
    "age_band": ("str", False, "age band where the source gives it"),
    "language": ("str", False, "language code where the source gives it"),
}
INTERACTION_REQUIRED = tuple(c for c, (_, req, _) in INTERACTION_COLUMNS.items() if req)

AUDIENCE_COLUMNS: dict[str, tuple[str, bool, str]] = {
    "org": ("category", True, "organisation slug"),
    "platform": ("category", True, "platform code"),
    "date": ("datetime", True, "the day the figure is for (UTC midnight)"),
    "dimension": ("category", True, "followers | age_band | country | region | gender"),
    "value": ("str", True, "e.g. '18-24', 'GB', 'Scotland'; 'total' for followers"),
    "count": ("int", True, "people in that group on that day"),
}

KPI_TARGETS = {
    "first_response_median_minutes": "median minutes to the first reply to a customer (lower is better)",
    "answered_share": "share of customer messages that get a reply, 0-1 (higher is better)",
    "negative_share_max": "largest acceptable share of negative customer messages, 0-1",
    "follower_growth_pct": "follower growth over the monitoring period, per cent",
    "engagement_rate": "(likes + shares + replies) / followers per business post, 0-1",
}
"""KPI target names a profile may set (others are allowed and reported as given)."""


def _fmt_examples(values: pd.Series, n: int = 3) -> str:
    return ", ".join(repr(v) for v in values.head(n).tolist())


def _check_columns(df: pd.DataFrame, spec: Mapping[str, tuple[str, bool, str]], table: str,
                   source: str | None) -> None:
    if not isinstance(df, pd.DataFrame):
        raise DataError(f"the {table} table must be a pandas DataFrame, got {type(df).__name__}",
                        source=source)
    missing = [c for c, (_, req, _) in spec.items() if req and c not in df.columns]
    if missing:
        raise DataError(
            f"the {table} table is missing required column(s) {missing}; "
            f"columns found: {list(map(str, df.columns))}", source=source, field=missing[0])
    for col, (kind, req, meaning) in spec.items():
        if col not in df.columns:
            continue
        s = df[col]
        if kind == "datetime":
            if not isinstance(s.dtype, pd.DatetimeTZDtype) or str(s.dtype.tz) != "UTC":
                raise DataError(f"column '{col}' must hold UTC datetimes (datetime64[ns, UTC]), "
                                f"got dtype {s.dtype}", source=source, field=col)
            bad = s.isna()
        elif kind == "bool":
            if s.dtype != bool:
                raise DataError(f"column '{col}' must be True/False (bool), got dtype {s.dtype}; "
                                f"examples: {_fmt_examples(s)}", source=source, field=col)
            continue
        elif kind in ("int", "Int"):
            if not pd.api.types.is_integer_dtype(s.dtype):
                raise DataError(f"column '{col}' must hold whole numbers, got dtype {s.dtype}; "
                                f"examples: {_fmt_examples(s)}", source=source, field=col)
            if kind == "int" and s.isna().any():
                raise DataError(f"column '{col}' must have no missing values (use 0 when unknown); "
                                f"{int(s.isna().sum())} missing", source=source, field=col)
            if (s.dropna() < 0).any():
                raise DataError(f"column '{col}' must not be negative; "
                                f"{int((s.dropna() < 0).sum())} negative value(s)",
                                source=source, field=col)
            continue
        else:
            bad = s.isna() if req else pd.Series(False, index=s.index)
        if req and bad.any():
            first = int(bad.to_numpy().nonzero()[0][0])
            raise DataError(f"required column '{col}' ({meaning}) has {int(bad.sum())} missing "
                            f"value(s), first at row {first}", source=source, field=col)


def validate_interactions(df: pd.DataFrame, source: str | None = None, *, check_ids: bool = True) -> None:
    """Check an interactions frame against the model; raise :class:`DataError` if it breaks it.

    Checks: required columns present, dtypes (UTC datetimes, bools, whole numbers), no missing
    required values, known ``kind`` values, and ``message_id`` unique within each platform
    (``check_ids=False`` skips that last check, for a caller that has just removed repeats).
    """
    _check_columns(df, INTERACTION_COLUMNS, "interactions", source)
    kinds = set(map(str, pd.unique(df["kind"].dropna())))
    unknown = sorted(kinds - set(KINDS))
    if unknown:
        raise DataError(f"column 'kind' has unknown value(s) {unknown}; expected one of {list(KINDS)}",
                        source=source, field="kind")
    if not check_ids or not duplicated_ids(df["message_id"]).any():
        return  # ids unique overall, so unique within each platform too (the usual case: fast)
    dup = df.duplicated(["platform", "message_id"], keep=False)
    if dup.any():
        ex = df.loc[dup, "message_id"].head(3).tolist()
        raise DataError(f"column 'message_id' must be unique within a platform; {int(dup.sum())} rows "
                        f"share an id (e.g. {ex})", source=source, field="message_id")


def duplicated_ids(ids: pd.Series, keep: str | bool = "first") -> np.ndarray:
    """Boolean mask of repeated ids (as ``Series.duplicated(keep=...)``), fast for big tables.

    Ids that are all plain digit strings without leading zeros (tweet and post ids, row numbers)
    are compared as 64-bit integers, which is exact for them and several times faster than
    hashing text; anything else is compared as text.

    >>> duplicated_ids(pd.Series(["12", "7", "12", "007"])).tolist()
    [False, False, True, False]
    """
    import numpy as np
    n = len(ids)
    if n > 10_000 and ids.dtype == "str" and getattr(ids.dtype, "storage", "") == "pyarrow":
        import pyarrow as pa
        import pyarrow.compute as pc
        arr = pa.chunked_array(ids.array._pa_array)
        lengths = pc.binary_length(arr)
        if (arr.null_count == 0 and pc.all(pc.ascii_is_decimal(arr)).as_py() and pc.max(lengths).as_py() <= 18
                and not pc.any(pc.and_(pc.starts_with(arr, "0"), pc.greater(lengths, 1))).as_py()):
            as_int = pc.cast(arr, pa.int64()).to_numpy()
            step = np.diff(as_int)
            if (step > 0).all() or (step < 0).all():
                return np.zeros(n, dtype=bool)  # sorted without repeats (exports usually are)
            return pd.Series(as_int, index=ids.index).duplicated(keep=keep).to_numpy()
    return np.asarray(ids.duplicated(keep=keep).to_numpy(), dtype=bool)


def validate_audience(df: pd.DataFrame, source: str | None = None) -> None:
    """Check an audience frame against the model; raise :class:`DataError` if it breaks it."""
    _check_columns(df, AUDIENCE_COLUMNS, "audience", source)
    dims = set(map(str, pd.unique(df["dimension"].dropna())))
    unknown = sorted(dims - set(AUDIENCE_DIMENSIONS))
    if unknown:
        raise DataError(f"column 'dimension' has unknown value(s) {unknown}; expected one of "
                        f"{list(AUDIENCE_DIMENSIONS)}", source=source, field="dimension")


def conform_interactions(df: pd.DataFrame, org: str | None = None) -> pd.DataFrame:
    """Return a new frame with every model column present, in model order, with model dtypes.

    Missing optional columns are filled (NA, or 0 for counts; ``thread_id`` defaults to the
    message's own id). Text columns become pandas text (missing stays missing); columns that
    already are text are not copied value by value, so this is cheap on big loads. Extra
    columns are kept after the model columns. Does not validate.
    """
    import numpy as np
    n = len(df)
    out: dict[str, pd.Series] = {}
    for col, (kind, _req, _m) in INTERACTION_COLUMNS.items():
        if col in df.columns:
            s = df[col]
        elif col == "org" and org is not None:
            s = pd.Series([org] * n, index=df.index, dtype="object")
        elif kind == "int":
            s = pd.Series(np.zeros(n, dtype="int64"), index=df.index)
        elif kind == "bool":
            s = pd.Series(np.zeros(n, dtype=bool), index=df.index)
        elif col == "thread_id" and "message_id" in df.columns:
            s = df["message_id"]
        elif kind == "Int":
            out[col] = pd.Series(pd.arrays.IntegerArray(np.zeros(n, "int64"), np.ones(n, bool)),
                                 index=df.index, copy=False)
            continue
        else:
            out[col] = pd.Series(np.full(n, None, dtype=object), index=df.index, dtype=object, copy=False)
            continue
        if kind == "category":
            s = s.astype("category").copy()  # small (codes); a copy keeps the result writable
        elif kind == "datetime":
            if not isinstance(s.dtype, pd.DatetimeTZDtype):
                s = pd.to_datetime(s, utc=True)
            s = s.dt.tz_convert("UTC").astype("datetime64[ns, UTC]")
        elif kind == "bool":
            s = org_flags(s, field=col)
        elif kind == "int":
            s = pd.to_numeric(s, errors="coerce").fillna(0).astype("int64")
        elif kind == "Int":
            s = pd.to_numeric(s, errors="coerce").astype("Int64")
        else:
            s = _as_text(s)
        out[col] = s
    for c in df.columns:
        if c not in INTERACTION_COLUMNS:
            out[c] = df[c]
    return pd.DataFrame(out, copy=False).reset_index(drop=True)  # copy-on-write: the input stays as it was


TRUE_WORDS = frozenset({"true", "t", "yes", "y", "1"})
FALSE_WORDS = frozenset({"false", "f", "no", "n", "0", ""})
"""How a true/false column is written in exports and by hand (the loaders read the same words)."""


def org_flags(values: pd.Series, who: str | None = None, field: str = "author_is_org") -> pd.Series:
    """``author_is_org`` as True/False, read the one way every analysis reads it.

    Text from a CSV or a hand-typed table ("True"/"False", "yes"/"no", 1/0) is read as it says
    (``astype(bool)`` made the text "False" true: every customer became the organisation and
    kept their real name). A missing flag is False: an unknown author is treated as a member of
    the public, so they are pseudonymised and never shown as the business. Anything else is a
    :class:`DataError` naming the field and examples.

    >>> org_flags(pd.Series(["True", "false", None, 1, "no"])).tolist()
    [True, False, False, True, False]
    """
    if values.dtype == bool:
        return values
    if isinstance(values.dtype, pd.BooleanDtype):
        return values.fillna(False).astype(bool)
    mapping: dict[Any, bool] = {}
    bad = []
    for v in pd.unique(values.astype(object)):
        if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
            mapping[v] = False
        elif isinstance(v, (bool, np.bool_)):
            mapping[v] = bool(v)
        elif isinstance(v, (int, float, np.integer, np.floating)) and v in (0, 1):
            mapping[v] = bool(v)
        elif isinstance(v, str) and v.strip().lower() in TRUE_WORDS:
            mapping[v] = True
        elif isinstance(v, str) and v.strip().lower() in FALSE_WORDS:
            mapping[v] = False
        else:
            bad.append(v)
    if bad:
        where = f"{who}: " if who else ""
        raise DataError(f"{where}column '{field}' must say whether the organisation posted the "
                        f"message (True/False, yes/no or 1/0); found {bad[:3]!r}", field=field)
    return values.astype(object).map(lambda v: mapping.get(v, False)).astype(bool)


def analysis_frame(frame: Any, who: str, needs: tuple[str, ...] = ("created_at", "author_is_org"),
                   check_ids: bool = True, fill_platform: bool = True) -> pd.DataFrame:
    """The interactions table an analysis can work on, or a :class:`DataError` saying what is wrong.

    Analyses take tables users build or change in a notebook (concatenated exports, rows read
    back from a CSV), not only what :func:`smlib.load` made. This one entry check gives them all
    the same reading: ``needs`` must be present; ``author_is_org`` as :func:`org_flags`;
    ``created_at`` as UTC times (text is parsed, times without a zone are read as UTC, and
    times that are missing or cannot be read are a clear error, not a merge failure deep in
    pandas); platform names typed by hand ("Twitter", "FB") as the model's codes; missing
    optional columns filled (``parent_id`` NA, ``message_id`` a row number, ``thread_id`` the
    message's own id, ``kind`` post/reply for the organisation and comment for the public,
    ``platform`` "other" unless ``fill_platform=False``); and repeated ``(platform, message_id)`` rows
    (two overlapping exports glued together) refused, since they would be counted twice.
    The input is never changed; a frame that is already right comes back as it is.
    """
    if isinstance(frame, Dataset):
        raise DataError(f"{who} needs a table of messages (a DataFrame); you passed a Dataset: "
                        f"give it ds.interactions (or the table smlib.enrich(ds).interactions)")
    if not isinstance(frame, pd.DataFrame):
        raise DataError(f"{who} needs a table of messages (a pandas DataFrame), got {type(frame).__name__}")
    missing = [c for c in needs if c not in frame.columns]
    if missing:
        raise DataError(f"{who} needs column(s) {missing}; columns found: {list(map(str, frame.columns))}",
                        field=missing[0])
    changes: dict[str, pd.Series] = {}
    if "author_is_org" in frame.columns and frame["author_is_org"].dtype != bool:
        changes["author_is_org"] = org_flags(frame["author_is_org"], who)
    if "created_at" in frame.columns:
        t = frame["created_at"]
        # the model's type exactly (nanoseconds, UTC): code that works on the raw numbers
        # (repeat-contact windows) must not meet seconds or microseconds
        if str(t.dtype) != "datetime64[ns, UTC]":
            # read as the loader reads a date column: one format for the whole column (day or
            # month first decided once, not value by value), epoch seconds or milliseconds, zone-less
            # times as UTC, dates outside pandas' range as unreadable
            from .loaders._time import to_utc
            try:
                t, _blank = to_utc(t)
            except (TypeError, ValueError, OverflowError) as e:
                raise DataError(f"{who}: column 'created_at' could not be read as dates and times ({e})",
                                field="created_at") from None
            changes["created_at"] = t
        bad = t.isna().to_numpy()
        if bad.any():
            first = int(bad.nonzero()[0][0])
            raise DataError(f"{who}: {int(bad.sum())} message(s) have no readable 'created_at' time "
                            f"(first at row {first}: {frame['created_at'].iloc[first]!r}); fix or drop "
                            f"those rows first", field="created_at")
    if "platform" in frame.columns:
        # "Twitter", "twitter" or "FB" typed by hand: the codes the tool catalogue and the charts use
        from .loaders._rows import norm_platform
        plats = frame["platform"]
        odd = {v: norm_platform(v) for v in pd.unique(plats.dropna().astype(str))
               if v not in PLATFORMS and norm_platform(v) != v}
        if odd:
            changes["platform"] = plats.astype(object).map(lambda v: odd.get(v, v) if isinstance(v, str) else v)
    n = len(frame)
    if "message_id" not in frame.columns:
        changes["message_id"] = pd.Series([f"row-{i + 1}" for i in range(n)], index=frame.index, dtype=object)
    if "parent_id" not in frame.columns:
        changes["parent_id"] = pd.Series(np.full(n, None, dtype=object), index=frame.index, dtype=object)
    if "thread_id" not in frame.columns:
        changes["thread_id"] = changes.get("message_id", frame.get("message_id"))
    if "platform" not in frame.columns and fill_platform:
        changes["platform"] = pd.Series(["other"] * n, index=frame.index, dtype=object)
    if "kind" not in frame.columns:   # as the loaders say it: the organisation posts or replies
        org = changes.get("author_is_org", frame.get("author_is_org"))
        org = np.zeros(n, dtype=bool) if org is None else np.asarray(org, dtype=bool)
        parent = changes.get("parent_id", frame.get("parent_id"))
        has_parent = parent.notna().to_numpy(dtype=bool) if parent is not None else np.zeros(n, dtype=bool)
        changes["kind"] = pd.Series(np.where(org, np.where(has_parent, "reply", "post"), "comment"),
                                    index=frame.index, dtype=object)
    ids = frame["message_id"] if "message_id" in frame.columns else None
    if check_ids and ids is not None and n and duplicated_ids(ids).any():
        plat = frame["platform"].astype(str) if "platform" in frame.columns else pd.Series("", index=frame.index)
        given = (ids.notna() & (ids.astype(str).str.strip() != "")).to_numpy(dtype=bool)   # blank ids are no repeats
        dup = pd.DataFrame({"p": plat.to_numpy(), "m": ids.astype(str).to_numpy()}).duplicated().to_numpy() & given
        if dup.any():
            ex = frame["message_id"][dup].head(3).tolist()
            raise DataError(f"{who}: {int(dup.sum())} row(s) repeat a message already in the table "
                            f"(same platform and message_id, e.g. {ex}), so they would be counted twice; "
                            f"remove the repeats first, e.g. frame.drop_duplicates(['platform', 'message_id'])",
                            field="message_id")
    return frame.assign(**changes) if changes else frame


def _as_text(s: pd.Series) -> pd.Series:
    """A model text column: pandas text with NA kept as NA; all-missing stays an object column of
    None. Values that are not text (numbers from a spreadsheet) are written with ``str``."""
    import numpy as np
    if len(s) == 0 or s.isna().all():
        return pd.Series(np.full(len(s), None, dtype=object), index=s.index, dtype=object)
    if s.dtype == "str":
        return s
    vals = s.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(vals, skipna=True) not in ("string", "empty"):
        s = s.astype("object").where(s.notna(), None).map(
            lambda v: v if v is None or isinstance(v, str) else str(v))
    return s.astype("str")


def empty_interactions(org: str = "") -> pd.DataFrame:
    """A zero-row interactions frame with the model's columns and dtypes."""
    base = pd.DataFrame({c: pd.Series([], dtype="object") for c in INTERACTION_COLUMNS})
    base["created_at"] = pd.Series([], dtype="datetime64[ns, UTC]")
    return conform_interactions(base, org=org or None)


def empty_audience() -> pd.DataFrame:
    """A zero-row audience frame with the model's columns and dtypes."""
    return pd.DataFrame({
        "org": pd.Series([], dtype="category"), "platform": pd.Series([], dtype="category"),
        "date": pd.Series([], dtype="datetime64[ns, UTC]"),
        "dimension": pd.Series([], dtype="category"), "value": pd.Series([], dtype="object"),
        "count": pd.Series([], dtype="int64")})


@dataclass(frozen=True)
class Profile:
    """An organisation: who it is, where it posts, what it aims for, when it is open.

    ``business_hours`` maps ``timezone`` to an IANA zone and each weekday (``mon`` … ``sun``)
    to ``"HH:MM-HH:MM"`` or ``"closed"``. ``kpi_targets`` uses the names in :data:`KPI_TARGETS`.
    """

    slug: str
    name: str
    sector: str = ""
    home_country: str = "GB"
    handles: dict[str, str] = field(default_factory=dict)
    kpi_targets: dict[str, float] = field(default_factory=dict)
    business_hours: dict[str, str] = field(default_factory=lambda: {
        "timezone": "Europe/London", **{d: "09:00-17:00" for d in WEEKDAYS[:5]},
        "sat": "closed", "sun": "closed"})
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def platforms(self) -> list[str]:
        return list(self.handles)

    def opening_hours(self) -> dict[str, tuple[int, int] | None]:
        """Weekday -> (open minute, close minute) in local time, or None when closed
        (each day read by :func:`smlib.hours.read_hours`: '09:00-17:00', '9am – 5pm', ...)."""
        from .hours import read_hours
        return {d: read_hours(self.business_hours.get(d, "closed"), f"profile {self.slug}",
                              f"business_hours.{d}", f"business hours for '{d}'") for d in WEEKDAYS}

    @property
    def timezone(self) -> str:
        """The IANA time zone of the opening hours (``"Europe/London"`` when not given); a name
        Python does not know is a DataError, with the nearest known name when there is one."""
        return check_zone(str(self.business_hours.get("timezone", "Europe/London")),
                          f"profile {self.slug}", "business_hours.timezone")

    def to_dict(self) -> dict[str, Any]:
        return {"slug": self.slug, "name": self.name, "sector": self.sector,
                "home_country": self.home_country, "handles": dict(self.handles),
                "kpi_targets": dict(self.kpi_targets), "business_hours": dict(self.business_hours),
                "description": self.description, **self.extra}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], source: str | None = None) -> "Profile":
        """Build and check a profile from a mapping (e.g. a parsed TOML file)."""
        import difflib
        d = dict(d)
        for key in ("slug", "name"):
            if not d.get(key):
                raise DataError(f"profile needs a non-empty '{key}'", source=source, field=key)
        for key in ("slug", "name", "sector", "home_country", "description"):
            if key in d and not isinstance(d[key], str):
                raise DataError(f"'{key}' must be text in quotes, got {d[key]!r}", source=source, field=key)
        for key in ("handles", "kpi_targets", "business_hours"):
            if key in d and not isinstance(d[key], Mapping):
                raise DataError(f"'{key}' must be a section: a line [{key}] followed by name = value "
                                f"lines, got {d[key]!r}", source=source, field=key)
        if "practice" in d and not isinstance(d["practice"], bool):
            raise DataError(f"'practice' must be true or false (no quotes), got {d['practice']!r}",
                            source=source, field="practice")
        known = {"slug", "name", "sector", "home_country", "handles", "kpi_targets",
                 "business_hours", "description"}
        for k in d:   # a misspelt section ([buisness_hours]) would be kept unused and defaults applied
            near = difflib.get_close_matches(str(k), sorted(known), n=1, cutoff=0.8)
            if k not in known and k != "practice" and near:
                raise DataError(f"{k!r} is not a profile setting; did you mean {near[0]!r}?",
                                source=source, field=str(k))
        country = str(d.get("home_country", "GB")).strip()
        if country.upper() in ("UK", "ENGLAND", "SCOTLAND", "WALES", "NORTHERN IRELAND", "BRITAIN",
                               "GREAT BRITAIN", "UNITED KINGDOM"):
            raise DataError(f"home_country {country!r}: write the two-letter country code, \"GB\" for the "
                            "United Kingdom (the code audience insights use)", source=source,
                            field="home_country")
        if not re.fullmatch(r"[A-Za-z]{2}", country):
            raise DataError(f"home_country must be a two-letter country code such as \"GB\", \"IE\" or "
                            f"\"FR\", got {country!r}", source=source, field="home_country")
        d["home_country"] = country.upper()
        handles = {}
        for k, v in dict(d.get("handles") or {}).items():
            plat = str(k).strip().lower()
            if plat not in PLATFORMS:
                near = {"twitter": "x", "fb": "facebook", "insta": "instagram", "ig": "instagram",
                        "google": "reviews", "trustpilot": "reviews"}.get(plat) or next(
                    iter(difflib.get_close_matches(plat, PLATFORMS, n=1, cutoff=0.7)), None)
                hint = f"; did you mean {near!r}?" if near else ""
                raise DataError(f"handles: {k!r} is not a platform smlib knows ({', '.join(PLATFORMS)})"
                                f"{hint}", source=source, field=f"handles.{k}")
            if not isinstance(v, str) or not v.strip():
                raise DataError(f"the {plat} handle must be one name in quotes, e.g. \"@brand\", got {v!r}",
                                source=source, field=f"handles.{k}")
            # in the one Unicode form (smlib.textforms.fold_unicode): a handle typed on a Mac as
            # "cafe" + combining accent is the "café" an export has, so its posts are the org's;
            # spaces around it ("@NorthwayRail ") are a typing slip, not part of the handle
            from .textforms import fold_unicode
            handles[plat] = fold_unicode(v).strip()
        targets = {}
        for k, v in dict(d.get("kpi_targets") or {}).items():
            if str(k) not in KPI_TARGETS:
                near = difflib.get_close_matches(str(k), list(KPI_TARGETS), n=1, cutoff=0.8)
                if near:
                    raise DataError(f"KPI target {str(k)!r} is not one smlib knows; did you mean "
                                    f"{near[0]!r}?", source=source, field=f"kpi_targets.{k}")
            try:
                if isinstance(v, bool):
                    raise TypeError
                targets[str(k)] = float(v)
            except (TypeError, ValueError):
                raise DataError(f"KPI target '{k}' must be a number, got {v!r}", source=source,
                                field=f"kpi_targets.{k}") from None
            if str(k) in ("answered_share", "negative_share_max", "engagement_rate") and not 0 <= v <= 1:
                raise DataError(f"KPI target '{k}' is a share from 0 to 1 (write 0.9 for 90%), got {v!r}",
                                source=source, field=f"kpi_targets.{k}")
        hours = dict(d.get("business_hours") or cls.__dataclass_fields__["business_hours"].default_factory())
        for k in hours:
            if k not in WEEKDAYS and k != "timezone":
                near = difflib.get_close_matches(str(k).lower()[:3], WEEKDAYS, n=1, cutoff=0.6)
                hint = f"; did you mean {near[0]!r}?" if near else ""
                raise DataError(f"business_hours has {k!r}; it may have timezone and the days "
                                f"{', '.join(WEEKDAYS)} (a day left out is closed){hint}", source=source,
                                field=f"business_hours.{k}")
        prof = cls(slug=str(d["slug"]), name=str(d["name"]), sector=str(d.get("sector", "")),
                   home_country=str(d.get("home_country", "GB")), handles=handles,
                   kpi_targets=targets, business_hours=hours,
                   description=str(d.get("description", "")),
                   extra={k: v for k, v in d.items() if k not in known})
        try:
            prof.opening_hours()  # raises DataError on malformed hours
            prof.timezone  # and on an unknown time zone
        except DataError as e:
            if source is None:
                raise
            raise DataError(e.reason, source=source, field=e.field) from None
        return prof

    @classmethod
    def from_toml(cls, path: str | Path) -> "Profile":
        from .paths import read_toml
        path = Path(path)
        data = read_toml(path, "profile file")
        prof = cls.from_dict(data, source=str(path))
        if prof.slug != path.stem:
            # a profile copied from another and not renamed inside would load that one's data
            raise DataError(f"slug = {prof.slug!r} but the file is called {path.name!r}: make them the "
                            f"same (slug = {path.stem!r}, or rename the file {prof.slug}.toml)",
                            source=str(path), field="slug")
        return prof


@functools.lru_cache(maxsize=64)
def check_zone(name: str, source: str | None = None, field: str = "timezone") -> str:
    """``name`` if it is a time zone Python knows, else a DataError naming ``source`` and
    ``field``, with the nearest known name when there is one (profiles and ``smlib.load``).

    >>> check_zone("Europe/London")
    'Europe/London'
    """
    import zoneinfo
    try:
        zoneinfo.ZoneInfo(name)
        return name
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        pass
    import difflib
    if re.fullmatch(r"(?i)\s*(?:gmt|utc|bst)\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*", str(name)):
        # "GMT+1" is UK summer time for half the year and wrong for the other half: a place's
        # name follows its clock changes ("GMT+0" would have been the nearest spelling)
        hint = ("; a fixed offset such as 'GMT+1' is wrong for half the year where clocks change: "
                "use the place's zone, e.g. 'Europe/London' (UK), 'Europe/Paris' or 'Europe/Dublin'")
        raise DataError(f"unknown time zone {name!r}{hint}", source=source, field=field)
    near = difflib.get_close_matches(name, sorted(zoneinfo.available_timezones()), n=1, cutoff=0.8)
    hint = f"; did you mean {near[0]!r}?" if near else ""
    raise DataError(f"unknown time zone {name!r}: expected a name like 'Europe/London', "
                    f"'America/New_York' or 'UTC'{hint}", source=source, field=field)


def new_load_summary(source: str, rows_in: int = 0) -> dict[str, Any]:
    """A fresh ``load_summary`` dict: nothing kept or skipped yet."""
    return {"source": source, "rows_in": rows_in, "rows_kept": 0, "rows_skipped": 0, "reasons": {}}


def skip_reasons_text(summary: Mapping[str, Any]) -> str:
    """A ``load_summary``'s skip reasons in words, for people: "326 boost of another post;
    3 no text" ("" when nothing was skipped).

    >>> skip_reasons_text({"reasons": {"no text": 3, "missing date": 1}})
    '3 no text; 1 missing date'
    """
    reasons = summary.get("reasons")
    if not isinstance(reasons, Mapping):
        return ""
    return "; ".join(f"{count} {why}" for why, count in reasons.items())


SEVERAL_ORGS = re.compile(r"^\d[\d,]* organisations \(")
"""Matches the name :attr:`Dataset.name` gives a file about several organisations, so text
that repeats the name can say "the organisations" after the first time."""


_UTC_NAMES = frozenset({"UTC", "ETC/UTC", "UCT", "ETC/UCT", "Z", "ZULU", "ETC/ZULU", "GMT", "ETC/GMT", "GMT0",
                        "ETC/GMT0", "ETC/GMT+0", "ETC/GMT-0", "GREENWICH", "ETC/GREENWICH", "UNIVERSAL",
                        "ETC/UNIVERSAL"})


def is_utc(tz: object) -> bool:
    """Is this clock UTC? ``tz``: a zone name ("UTC", "Etc/UTC", "GMT", "Z") or a tzinfo.

    One answer for every place that must say "UTC" after a time (an hour in a zone nobody
    named reads as local time) or explain which clock the days are counted on.

    >>> is_utc("Etc/UTC"), is_utc("gmt"), is_utc("Europe/London"), is_utc(None)
    (True, True, False, False)
    """
    if tz is None:
        return False
    return str(getattr(tz, "key", None) or tz).strip().upper() in _UTC_NAMES


# where an engagement count came from (``load_summary["counts"]``): a source that does not record
# a count still holds 0 in the table, and that 0 must not be shown as "nobody liked it"
RECORDED, NOT_RECORDED, IN_FILE = "recorded", "not recorded", "counted from this file"


@dataclass
class Dataset:
    """What every loader returns: the three tables and an honest record of the load.

    ``load_summary`` has ``source``, ``rows_in``, ``rows_kept``, ``rows_skipped`` and
    ``reasons`` (reason -> rows skipped for it); ``rows_kept + rows_skipped == rows_in``.
    """

    interactions: pd.DataFrame
    audience: pd.DataFrame = field(default_factory=empty_audience)
    profile: Profile | None = None
    load_summary: dict[str, Any] = field(default_factory=lambda: new_load_summary("memory"))

    @property
    def org(self) -> str:
        if self.profile is not None:
            return self.profile.slug
        orgs = pd.unique(self.interactions["org"].dropna()) if len(self.interactions) else []
        return str(orgs[0]) if len(orgs) else ""

    @property
    def name(self) -> str:
        """The organisation's name for people to read (report titles, notebooks, the index).

        The profile's name; else the one organisation in the data; for a file about several
        (the airline tweets, twcs) ``"6 organisations (united, us-airways, american, …)"``, the
        busiest first, so a title never names one of them for figures about all; else the
        file's name.
        """
        if self.profile is not None and self.profile.name:
            return self.profile.name
        orgs = (self.interactions["org"].dropna().astype(str).str.strip()
                if "org" in self.interactions and len(self.interactions) else pd.Series(dtype=str))
        counts = orgs[orgs != ""].value_counts(sort=True)
        known = [str(o) for o in counts.index if str(o).lower() != "unknown"]  # twcs: brand not found
        as_written = self._name_from_file(known)
        if as_written:
            return as_written
        if len(known) == 1:
            return known[0]
        if len(known) > 1:
            more = ", …" if len(known) > 3 else ""
            return f"{len(known)} organisations ({', '.join(known[:3])}{more})"
        if len(counts):
            return str(counts.index[0])
        src = str(self.load_summary.get("source", ""))
        return Path(src).name if src and src != "memory" else ""

    def _name_from_file(self, known: list[str]) -> str:
        """The file's name as written ('My Café shop', 'Кафе') when the loader made the org from
        it and lost letters doing so ('my-caf-shop', or 'unknown' with no Latin letters)."""
        src = str(self.load_summary.get("source", ""))
        if not src or src == "memory" or len(known) > 1:
            return ""
        stem = Path(src).stem.strip()
        if not stem or stem.isascii():
            return ""
        from .loaders._options import org_words, slug   # the rule the loader named the org by
        words = " ".join(org_words(stem))
        return words if words and (known or ["unknown"])[0] == slug(words) else ""

    def validate(self) -> "Dataset":
        """Validate both tables and the summary's arithmetic; return self for chaining."""
        src = str(self.load_summary.get("source", ""))
        validate_interactions(self.interactions, source=src)
        validate_audience(self.audience, source=src)
        s = self.load_summary
        if s.get("rows_kept", 0) + s.get("rows_skipped", 0) != s.get("rows_in", 0):
            raise DataError(f"load summary does not add up: kept {s.get('rows_kept')} + skipped "
                            f"{s.get('rows_skipped')} != read {s.get('rows_in')}", source=src)
        return self

    def replace(self, **changes: Any) -> "Dataset":
        """A new Dataset with some parts replaced (the original is untouched)."""
        d = {"interactions": self.interactions, "audience": self.audience,
             "profile": self.profile, "load_summary": dict(self.load_summary)}
        d.update(changes)
        return Dataset(**d)

    def __repr__(self) -> str:
        s = self.load_summary
        return (f"Dataset(org={self.org!r}, interactions={len(self.interactions)} rows, "
                f"audience={len(self.audience)} rows, kept {s.get('rows_kept')} of "
                f"{s.get('rows_in')} from {s.get('source')!r})")
