"""Response times against hand-counted conversations."""
from __future__ import annotations

import numpy as np
import pandas as pd

from smlib.schema import Profile, conform_interactions
from smlib.threads import add_response_times


def convo():
    rows = [  # id, parent, thread, minute, author, is_org, kind
        ("p1", None, "p1", 0, "org", True, "post"),
        ("c1", "p1", "p1", 5, "u1", False, "comment"),
        ("r1", "c1", "p1", 35, "org", True, "reply"),      # answers c1 after 30 min
        ("r1b", "c1", "p1", 50, "org", True, "reply"),     # second answer: ignored
        ("c2", "p1", "p1", 10, "u2", False, "comment"),    # never answered
        ("d1", None, "d1", 100, "u3", False, "message"),
        ("d2", None, "d1", 110, "u3", False, "message"),
        ("d3", None, "d1", 160, "org", True, "message"),   # answers d1 (60) and d2 (50)
        ("e1", "c9", "p1", 1, "org", True, "reply"),       # reply to a message not in the data
    ]
    t0 = pd.Timestamp("2026-01-05 09:00", tz="UTC")
    return conform_interactions(pd.DataFrame({
        "org": "o", "platform": "x", "message_id": [r[0] for r in rows], "parent_id": [r[1] for r in rows],
        "thread_id": [r[2] for r in rows], "created_at": [t0 + pd.Timedelta(minutes=r[3]) for r in rows],
        "author_id": [r[4] for r in rows], "author_is_org": [r[5] for r in rows], "kind": [r[6] for r in rows],
        "text": "t"}))


def test_response_minutes_hand_counted():
    out = add_response_times(convo()).set_index("message_id")
    assert out.loc["c1", "response_minutes"] == 30
    assert np.isnan(out.loc["c2", "response_minutes"]) and not out.loc["c2", "answered"]
    assert out.loc["d1", "response_minutes"] == 60 and out.loc["d2", "response_minutes"] == 50
    assert not out.loc[["p1", "r1", "d3"], "answered"].any()
    assert out["is_customer"].sum() == 4


def test_business_minutes_use_profile():
    p = Profile(slug="o", name="O", business_hours={"timezone": "UTC", "mon": "09:20-17:00"})
    out = add_response_times(convo(), p).set_index("message_id")
    assert out.loc["c1", "response_business_minutes"] == 15  # opens 09:20, reply 09:35


def test_reply_on_other_platform_does_not_count():
    f = convo()
    f["platform"] = pd.Categorical(np.where(f["message_id"].isin(["r1", "r1b"]), "facebook", "x"))
    assert not add_response_times(f).set_index("message_id").loc["c1", "answered"]
