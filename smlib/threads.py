"""Conversations: which customer messages the business answered, and how fast.

Both the P3 customer-care figures and the M2 queue (a message already answered is handled, not
waiting) need the same answer, so it is computed once here.

A customer message counts as **answered** when the organisation posted, on the same platform,

* a message whose ``parent_id`` is that message (a direct reply), or
* for private messages (``kind == "message"``), any later organisation message in the same
  ``thread_id`` (DM conversations are not threaded reply-by-reply).

Columns added (new frame; the input is untouched):

================================ =========================================================
``is_customer``                  True for every message not written by the organisation
``answered``                     True when the organisation replied (False for its own rows)
``first_response_at``            time of the first organisation reply (NaT if none)
``response_minutes``             wall-clock minutes to that reply (NaN if none)
``response_business_minutes``    the same counted in opening hours (needs a profile; else NaN)
================================ =========================================================

Example
-------
>>> import pandas as pd
>>> from smlib.schema import conform_interactions
>>> f = conform_interactions(pd.DataFrame({
...     "org": "o", "platform": "x", "message_id": ["1", "2"], "parent_id": [None, "1"],
...     "created_at": pd.to_datetime(["2026-01-05 10:00", "2026-01-05 10:12"], utc=True),
...     "author_id": ["c", "o"], "author_is_org": [False, True], "kind": ["mention", "reply"],
...     "text": ["hi?", "hello!"]}))
>>> add_response_times(f)["response_minutes"].tolist()[0]
12.0
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .hours import business_minutes_between
from .schema import Profile


def add_response_times(frame: pd.DataFrame, profile: Profile | None = None) -> pd.DataFrame:
    """Return a copy of ``frame`` with the response columns described in the module docstring.

    The table is checked first (:func:`smlib.schema.analysis_frame`): text or zone-less times,
    a text ``author_is_org``, missing reply columns and repeated messages are read or refused
    with a :class:`smlib.DataError`, not a pandas error from deep inside.
    """
    from .schema import analysis_frame
    return response_times(analysis_frame(frame, "add_response_times"), profile)


def response_times(frame: pd.DataFrame, profile: Profile | None = None) -> pd.DataFrame:
    """:func:`add_response_times` for a table the caller has already checked."""
    out = frame.copy()
    is_org = out["author_is_org"].astype(bool).to_numpy()
    created = out["created_at"]
    platform = out["platform"].astype(str)

    # 1. direct replies: earliest org message per (platform, parent_id) that is not earlier
    org_rows = out.loc[is_org & out["parent_id"].notna().to_numpy(),
                       ["platform", "parent_id", "created_at"]].copy()
    org_rows["platform"] = org_rows["platform"].astype(str)
    key = pd.DataFrame({"platform": platform, "message_id": out["message_id"].astype(str),
                        "created_at": created, "_row": np.arange(len(out))})
    m = key.merge(org_rows.rename(columns={"parent_id": "message_id", "created_at": "reply_at"}),
                  on=["platform", "message_id"], how="inner")
    m = m[m["reply_at"] >= m["created_at"]]
    direct = m.groupby("_row")["reply_at"].min()

    first = pd.Series(pd.NaT, index=np.arange(len(out)), dtype="datetime64[ns, UTC]")
    first.loc[direct.index] = direct.to_numpy()

    # 2. private messages: next org message in the same thread
    dm = (out["kind"].astype(str) == "message").to_numpy()
    if dm.any():
        cust = pd.DataFrame({"_row": np.arange(len(out))[dm & ~is_org], "created_at": created[dm & ~is_org],
                             "platform": platform[dm & ~is_org],
                             "thread_id": out["thread_id"].astype(str)[dm & ~is_org]})
        orgm = pd.DataFrame({"reply_at": created[dm & is_org], "platform": platform[dm & is_org],
                             "thread_id": out["thread_id"].astype(str)[dm & is_org]})
        if len(cust) and len(orgm):
            cust = cust.sort_values("created_at")
            orgm = orgm.sort_values("reply_at")
            j = pd.merge_asof(cust, orgm, left_on="created_at", right_on="reply_at",
                              by=["platform", "thread_id"], direction="forward")
            j = j.dropna(subset=["reply_at"]).set_index("_row")["reply_at"]
            cur = first.loc[j.index]
            first.loc[j.index] = np.where(cur.isna() | (j < cur), j, cur)

    first[is_org] = pd.NaT
    first.index = out.index
    out["is_customer"] = ~is_org
    out["answered"] = first.notna().to_numpy()
    out["first_response_at"] = first
    out["response_minutes"] = (first - created) / pd.Timedelta(minutes=1)
    if profile is not None:
        out["response_business_minutes"] = business_minutes_between(created, first, profile)
    else:
        out["response_business_minutes"] = np.nan
    return out
