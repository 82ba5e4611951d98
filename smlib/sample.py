"""The bundled sample: fictional UK organisations with four weeks of realistic activity.

``data/organisations/<slug>.toml`` holds each profile; ``data/sample/<slug>/`` holds
``interactions.csv`` and ``audience.csv`` (and ``truth.csv``, the generator's ground truth for
evaluating classifiers, which analyses never read). The files are produced by
:mod:`smlib.generate` (``smlib generate-sample``) and committed, so notebooks load instantly.

Example
-------
>>> import smlib
>>> smlib.list_organisations()[:2]
['bean-and-leaf', 'brightmart']
>>> ds = smlib.load_sample("northway-rail")
>>> ds.load_summary["rows_skipped"]
0
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import DataError
from .paths import data_dir
from .schema import (INTERACTION_COLUMNS, Dataset, Profile, conform_interactions,
                     new_load_summary)

_INT_COLS = [c for c, (k, _r, _m) in INTERACTION_COLUMNS.items() if k == "int"]
_NULLABLE_INT_COLS = [c for c, (k, _r, _m) in INTERACTION_COLUMNS.items() if k == "Int"] + ["rating"]


def _profiles_dir() -> Path:
    return data_dir() / "organisations"


def _profile_files() -> dict[str, Path]:
    folder = _profiles_dir()
    return {f.stem: f for f in sorted(folder.glob("*.toml"))} if folder.is_dir() else {}


def list_organisations(include_practice: bool = False) -> list[str]:
    """Slugs of the bundled sample organisations, sorted.

    The six assessment organisations by default; ``include_practice=True`` adds the practice
    organisations used by the learner exercises (their profile says ``practice = true``).

    >>> "northway-rail" in list_organisations()
    True
    """
    out = []
    for path in _profile_files().values():
        prof = Profile.from_toml(path)
        if include_practice or not prof.extra.get("practice", False):
            out.append(prof.slug)
    return sorted(out)


def _unknown(org: str) -> DataError:
    known = list_organisations(include_practice=True)
    hint = ""
    if _exists(Path(str(org)).expanduser()):   # a file given where a sample name was wanted
        hint = ("; this is a file or folder, and load_sample reads only the bundled samples: "
                "use smlib.load_org(path) or smlib.load(path) for exported data")
    return DataError(f"unknown sample organisation {org!r}; known organisations: {', '.join(known)}"
                     f"{hint}", source=str(data_dir() / "sample"))


def load_profile(slug: str) -> Profile:
    """The profile of a sample organisation, read from ``data/organisations/<slug>.toml``."""
    path = _profile_files().get(str(slug))
    if path is None:
        raise _unknown(str(slug))
    return Profile.from_toml(path)


def _read_csv(path: Path, dtypes: dict[str, str]) -> pd.DataFrame:
    if not path.is_file():
        raise DataError("sample file not found; regenerate it with `smlib generate-sample`",
                        source=str(path))
    # everything as text first, so texts such as "NA" or "None" stay texts
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values={c: [""] for c in dtypes},
                       encoding="utf-8")


def load_sample(org: str) -> Dataset:
    """Load one bundled sample organisation as a validated :class:`Dataset`.

    Raises :class:`DataError` listing the known organisations when ``org`` is not one of them.

    >>> ds = load_sample("kelby-council")
    >>> ds.profile.name
    'Kelby Borough Council'
    """
    prof = load_profile(org)
    folder = data_dir() / "sample" / prof.slug
    inter_path = folder / "interactions.csv"
    raw = _read_csv(inter_path, {c: "str" for c in INTERACTION_COLUMNS if c != "text"})
    for c in _INT_COLS:
        if c in raw:
            raw[c] = pd.to_numeric(raw[c]).astype("int64")
    for c in _NULLABLE_INT_COLS:
        if c in raw:
            raw[c] = pd.to_numeric(raw[c]).astype("Int64")
    raw["author_is_org"] = raw["author_is_org"].map({"True": True, "False": False})
    if raw["author_is_org"].isna().any():
        raise DataError("column 'author_is_org' must be True or False", source=str(inter_path),
                        field="author_is_org")
    raw["created_at"] = pd.to_datetime(raw["created_at"], format="%Y-%m-%dT%H:%M:%SZ", utc=True)
    inter = conform_interactions(raw)

    aud_path = folder / "audience.csv"
    a = _read_csv(aud_path, {"org": "str", "platform": "str", "dimension": "str", "value": "str"})
    aud = pd.DataFrame({
        "org": a["org"].astype("category"), "platform": a["platform"].astype("category"),
        "date": pd.to_datetime(a["date"], format="%Y-%m-%d", utc=True).astype("datetime64[ns, UTC]"),
        "dimension": a["dimension"].astype("category"), "value": a["value"].astype("object"),
        "count": pd.to_numeric(a["count"]).astype("int64")})
    summary = new_load_summary(str(folder), len(inter))
    summary["rows_kept"] = len(inter)
    summary["counts"] = {c: "recorded" for c in ("likes", "shares", "replies")}   # columns of the sample
    return Dataset(interactions=inter, audience=aud, profile=prof, load_summary=summary).validate()


def load_truth(org: str) -> pd.DataFrame:
    """The generator's ground truth for a sample organisation (for evaluating classifiers only).

    Columns: ``platform, message_id, intent, event, sarcastic``. Analyses must never use it.
    """
    prof = load_profile(org)
    path = data_dir() / "sample" / prof.slug / "truth.csv"
    t = _read_csv(path, {"platform": "str", "message_id": "str"})
    t["sarcastic"] = t["sarcastic"].map({"True": True, "False": False}).astype(bool)
    return t


EXPORT_SUFFIXES = (".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson", ".js", ".xlsx", ".xls",
                   ".zip", ".gz")
"""File endings that mark ``org`` as a path the user meant, so a typo is "no such file"."""


def _exists(path: Path) -> bool:
    """``path.exists()``, but False for names no file can have (too long, a NUL byte)."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def resolve_org(org: str | Path | None) -> str | Path:
    """What ``org`` names: a sample organisation's slug (``str``) or an existing file or folder
    of exported data (``Path``); otherwise a :class:`DataError` saying which, with a near match.

    Tried in this order: the exact slug, an existing path, then the name written loosely
    (``"Northway Rail"`` → ``"northway-rail"``). Used by :func:`load_org` and by ``smlib report``
    (which checks every name before it starts any report).

    >>> resolve_org("Northway Rail")
    'northway-rail'
    """
    if org is None or (isinstance(org, str) and not org.strip()):
        raise DataError("no organisation given: set org to a sample organisation such as "
                        "'northway-rail' (smlib.list_organisations() or `smlib orgs` lists them) or "
                        "to the path of an exported file", field="org")
    text = str(org)
    profiles = _profile_files()
    if text in profiles:
        return text
    path = Path(text).expanduser()
    if _exists(path):
        return path
    slug = _as_slug(text)
    if slug in profiles:
        return slug
    known = list_organisations(include_practice=True)
    neither = (f"it is neither a sample organisation ({', '.join(known)}) nor an existing file or "
               "folder of exported data")
    if "/" in text or "\\" in text or path.suffix.lower() in EXPORT_SUFFIXES:
        raise DataError(f"no such file or folder; {neither}", source=text, field="org")
    near = difflib.get_close_matches(slug, known, n=1, cutoff=0.6)
    hint = f"did you mean {near[0]!r}? " if near else ""
    shown = text if len(text) <= 80 else text[:77] + "..."
    raise DataError(f"unknown organisation {shown!r}; {hint}{neither}", field="org")


def load_org(org: str | Path, org_handles: Any = None) -> Dataset:
    """A sample organisation by slug, or exported data from a path (what notebooks call).

    ``org`` is read by :func:`resolve_org`: a bundled sample slug first, then a file or folder
    to load with :func:`smlib.load`, then the organisation's name written loosely.
    ``org_handles`` (for an export): the organisation's own handles, so its posts are marked as
    the organisation's (:func:`smlib.load`); a sample organisation has them in its profile.

    >>> load_org("brightmart").profile.slug
    'brightmart'
    """
    found = resolve_org(org)
    if isinstance(found, Path):
        from .loaders import load  # imported here: the loaders are heavier and optional
        return load(found, org_handles=org_handles or None)
    if org_handles:
        raise DataError(f"org_handles is for an exported file; the sample organisation {found!r} "
                        "has its handles in its profile (data/organisations)", field="org_handles")
    return load_sample(found)


def _as_slug(name: str) -> str:
    """A loosely written organisation name as a slug: ``"Northway Rail"`` → ``"northway-rail"``.

    >>> _as_slug("  Bean & Leaf_ ")
    'bean-and-leaf'
    """
    s = name.strip().lower().replace("&", " and ")
    return "-".join(re.findall(r"[a-z0-9]+", s))
