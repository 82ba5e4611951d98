"""What a check knows about the practice organisation: its data, monitoring days and platforms.

Everything here is worked out from the data with smlib's own functions when a check runs, so the
exercises stay right if the sample is regenerated. Tests build a :class:`Context` from a small
hand-made :class:`~smlib.schema.Dataset`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import pandas as pd

from ..schema import Dataset


def _as_dates(days: Any) -> list[dt.date]:
    return sorted({pd.Timestamp(d).date() for d in days})


def local_dates(frame: pd.DataFrame, tz: str) -> pd.Series:
    """The calendar day of each message in the organisation's own time zone."""
    return frame["created_at"].dt.tz_convert(tz).dt.date


@dataclass
class Context:
    """The practice organisation's data as the checks see it."""

    org: str
    ds: Dataset
    days_given: Any = field(default=None)

    @cached_property
    def tz(self) -> str:
        return self.ds.profile.timezone if self.ds.profile is not None else "Europe/London"

    @cached_property
    def days(self) -> list[dt.date]:
        """The five monitoring days: the ones given, else ``smlib.default_days(ds, 5)``."""
        if self.days_given is not None:
            return _as_dates(self.days_given)
        from ..metrics import default_days
        return _as_dates(default_days(self.ds, 5))

    @cached_property
    def frame(self) -> pd.DataFrame:
        """Every message, with a ``day`` column (local date)."""
        f = self.ds.interactions.copy()
        f["day"] = local_dates(f, self.tz)
        return f

    @cached_property
    def window(self) -> pd.DataFrame:
        """Messages on the monitoring days."""
        f = self.frame
        return f[f["day"].isin(self.days)].copy()

    @cached_property
    def customers(self) -> pd.DataFrame:
        """Messages on the monitoring days not written by the organisation."""
        w = self.window
        return w[~w["author_is_org"].astype(bool)]

    @cached_property
    def platforms(self) -> list[str]:
        """The two platforms with most customer messages on the monitoring days (P3 task)."""
        counts = self.customers["platform"].astype(str).value_counts()
        counts = counts.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
        return list(counts.index[:2])

    @cached_property
    def scored(self) -> pd.DataFrame:
        """The monitoring-day messages after ``smlib.prioritise(ds)`` (as the M2 notebook does).

        The whole dataset is prioritised (so waiting times and repeat contacts see everything)
        and then cut to the monitoring days.
        """
        from ..priority import prioritise

        f = prioritise(self.ds)
        f["day"] = local_dates(f, self.tz)
        return f[f["day"].isin(self.days)].copy()


@lru_cache(maxsize=4)
def context_for(org: str) -> Context:
    """The (cached) context for a practice organisation from the bundled sample."""
    from ..sample import load_sample
    return Context(org=org, ds=load_sample(org))
