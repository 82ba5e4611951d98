"""Any other JSON that is a list of flat records (a JSON array, JSON Lines, or one list inside an
object such as ``{"data": [...]}``): review dumps, API results, scraped data.

Each record becomes a table row (nested objects one level deep become ``user.name`` style
columns) and the columns are mapped exactly as for a CSV (:mod:`smlib.loaders.tabular`): by
``columns=`` or by obvious names (``text``, ``message``, ``date``, ``created_at``, …). Tried
after every known export shape, so it never claims a file another format reads.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from ..errors import DataError
from . import tabular
from ._options import Options
from ._rows import mostly_items

PLATFORM = ""   # from a 'platform' column, else platform= or 'other'
LIST_KEYS = ("data", "items", "results", "records", "rows", "reviews", "comments", "messages", "posts")


def _records(obj: Any) -> tuple[str, list] | None:
    if isinstance(obj, list):
        return ("", obj) if obj and mostly_items(obj[:20], lambda x: isinstance(x, dict)) else None
    if isinstance(obj, dict):
        for k in LIST_KEYS:
            v = obj.get(k)
            if isinstance(v, list) and v and mostly_items(v[:20], lambda x: isinstance(x, dict)):
                return k, v
    return None


def _as_text_ints(x: Any, levels: int = 2) -> Any:
    """Whole numbers as text (in a record and one level into nested objects), so that a 19-digit
    id is not turned into a rounded float when another record lacks it; counts are made numbers
    again later."""
    if isinstance(x, bool):
        return x
    if isinstance(x, int):
        return str(x)
    if isinstance(x, dict) and levels > 0:
        return {k: _as_text_ints(v, levels - 1) for k, v in x.items()}
    return x


def _frame(items: list) -> pd.DataFrame:
    dicts = [_as_text_ints(x) if isinstance(x, dict) else {} for x in items]
    df = pd.json_normalize(dicts, max_level=1)
    df.columns = [str(c) for c in df.columns]
    return df


def detect(obj: Any, columns: dict | None = None) -> bool:
    """A list of records whose keys name a text and a date field (or ``columns=`` says which)."""
    found = _records(obj)
    if found is None:
        return False
    keys = list(_frame(found[1][:50]).columns)
    try:
        tabular.resolve_columns(keys, dict(columns) if columns else None, "")
    except DataError:
        return False
    return True


def parse(obj: Any, opts: Options) -> pd.DataFrame:
    found = _records(obj)
    if found is None:
        raise DataError("this JSON is not a list of records (objects with the same keys); columns= "
                        "works on such a list, a CSV or an Excel sheet", source=opts.source, field="columns")
    key, items = found
    df = _frame(items)
    bad = [i for i, x in enumerate(items) if not isinstance(x, dict)]
    mapping = tabular.resolve_columns(list(df.columns), dict(opts.columns) if opts.columns else None,
                                      opts.source)
    out = tabular.parse(df, opts, mapping)
    out["_row"] = [f"{key}[{i}]" if key else f"[{i}]" for i in range(len(items))]
    if bad:   # not records: counted, not read as empty rows
        keep = [i for i in range(len(items)) if i not in set(bad)]
        opts.tracker.skip("not a record (object)", len(bad), [out["_row"].iloc[i] for i in bad[:5]])
        out = out.iloc[keep].reset_index(drop=True)
    opts.tracker.rows_in = len(items)
    return out
