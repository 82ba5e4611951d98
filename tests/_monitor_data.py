"""A tiny hand-made dataset for the P3 monitor tests, kept as plain Python rows.

Tests compute the expected figures from ``ROWS``/``AUDIENCE`` with plain Python loops (an
independent calculation) and compare them with what smlib.monitor gives.

Dates are in November 2026 (GMT, so local time == UTC for Europe/London). Activity days:
28, 29, 30 Oct (before) and 2, 3, 5, 6, 9 Nov (the default five monitoring days; 4 Nov is quiet).
"""
from __future__ import annotations

import pandas as pd

from smlib.schema import Dataset, Profile, conform_interactions, new_load_summary

PROFILE = Profile(slug="tiny", name="Tiny Trains", home_country="GB",
                  handles={"x": "@tiny", "facebook": "Tiny Trains"},
                  kpi_targets={"first_response_median_minutes": 30, "answered_share": 0.9,
                               "negative_share_max": 0.25, "engagement_rate": 0.01})

# id, platform, parent, created (UTC), author, is_org, kind, text, likes, shares, replies, location, label
ROWS = [
    # before the monitoring days
    ("p0", "x", None, "2026-10-28 09:00", "tiny", True, "post", "Timetable change this weekend", 5, 1, 2, None, "neutral"),
    ("c0", "x", "p0", "2026-10-29 10:00", "alice", False, "comment", "Will trains run on Sunday?", 0, 0, 0, "Scotland", "neutral"),
    ("r0", "x", "c0", "2026-10-29 10:30", "tiny", True, "reply", "Yes, from 8am.", 0, 0, 0, None, "neutral"),
    ("f0", "facebook", None, "2026-10-30 12:00", "zed", False, "mention", "Tiny Trains late again", 0, 0, 0, None, "negative"),
    # Mon 2 Nov
    ("p1", "x", None, "2026-11-02 08:00", "tiny", True, "post", "Good morning! Services running well", 10, 2, 3, None, "positive"),
    ("c1", "x", "p1", "2026-11-02 08:30", "alice", False, "comment", "My train was cancelled, terrible", 1, 0, 0, "Scotland", "negative"),
    ("r1", "x", "c1", "2026-11-02 08:50", "tiny", True, "reply", "Sorry Alice, we will check.", 0, 0, 0, None, "neutral"),
    ("c2", "x", "p1", "2026-11-02 18:15", "bob", False, "comment", "Thanks, great service today", 2, 0, 0, "London", "positive"),
    ("f1", "facebook", None, "2026-11-02 18:40", "carol", False, "comment", "How do I get a refund?", 0, 0, 0, "US", "neutral"),
    ("fr1", "facebook", "f1", "2026-11-03 09:40", "Tiny Trains", True, "reply", "Use the form on our site.", 0, 0, 0, None, "neutral"),
    # Tue 3 Nov
    ("p2", "facebook", None, "2026-11-03 12:00", "Tiny Trains", True, "post", "New cafe carriage!", 20, 5, 1, None, "positive"),
    ("c3", "facebook", "p2", "2026-11-03 12:30", "zed", False, "comment", "You should add oat milk", 0, 0, 0, "France", "neutral"),
    ("c4", "x", None, "2026-11-03 18:05", "dave", False, "mention", "@tiny the toilet is broken and dirty", 0, 4, 0, None, "negative"),
    # Thu 5 Nov (4 Nov is quiet)
    ("c5", "x", None, "2026-11-05 18:20", "erin", False, "mention", "@tiny when does the 9am leave", 0, 0, 0, "up north", "neutral"),
    ("r5", "x", "c5", "2026-11-05 18:30", "tiny", True, "reply", "Platform 2, on time.", 0, 0, 0, None, "neutral"),
    ("m1", "x", None, "2026-11-05 19:00", "bob", False, "message", "Lost my bag on the 18:00", 0, 0, 0, None, "negative"),
    # Fri 6 Nov
    ("p3", "x", None, "2026-11-06 10:00", "tiny", True, "post", "Weekend engineering works", 4, 0, 6, None, "neutral"),
    ("c6", "x", "p3", "2026-11-06 18:45", "frank", False, "comment", "Brilliant staff at York, thank you", 3, 0, 0, "North East", "positive"),
    ("m2", "x", "m1", "2026-11-06 09:30", "tiny", True, "message", "We found your bag!", 0, 0, 0, None, "positive"),
    # Mon 9 Nov
    ("c7", "facebook", "p2", "2026-11-09 18:10", "gina", False, "comment", "Awful delays all week", 0, 0, 0, None, "negative"),
    ("c8", "x", None, "2026-11-09 20:00", "alice", False, "mention", "@tiny still waiting for my refund", 0, 1, 0, "Scotland", "negative"),
]
# replies: r1 answers c1 after 20 min; fr1 answers f1 after 900 min (15 h); r5 answers c5 after
# 10 min; m2 answers the DM m1 (same thread) after 870 min. c2, c3, c4, c6, c7, c8 are unanswered.

AUDIENCE = [
    # platform, date, dimension, value, count
    ("x", "2026-10-30", "followers", "total", 1000),
    ("x", "2026-11-02", "followers", "total", 1010),
    ("x", "2026-11-09", "followers", "total", 1050),
    ("facebook", "2026-11-02", "followers", "total", 500),
    ("facebook", "2026-11-09", "followers", "total", 490),
    ("x", "2026-11-09", "country", "GB", 800),
    ("x", "2026-11-09", "country", "US", 150),
    ("x", "2026-11-09", "country", "IE", 50),
    ("facebook", "2026-11-09", "country", "GB", 400),
    ("facebook", "2026-11-09", "country", "FR", 90),
    ("x", "2026-11-09", "region", "Scotland", 300),
    ("x", "2026-11-09", "region", "London", 500),
    ("x", "2026-11-09", "age_band", "25-34", 600),
    ("x", "2026-11-09", "age_band", "18-24", 400),
    ("facebook", "2026-11-09", "age_band", "35-44", 300),
    ("facebook", "2026-11-09", "age_band", "45-54", 190),
]

MONITOR_DAYS = ["2026-11-02", "2026-11-03", "2026-11-05", "2026-11-06", "2026-11-09"]


def interactions(with_labels: bool = True) -> pd.DataFrame:
    thread = {}
    for r in ROWS:
        thread[r[0]] = thread.get(r[2], r[0]) if r[2] else r[0]
    df = pd.DataFrame({
        "org": "tiny", "platform": [r[1] for r in ROWS], "message_id": [r[0] for r in ROWS],
        "parent_id": [r[2] for r in ROWS], "thread_id": [thread[r[0]] for r in ROWS],
        "created_at": pd.to_datetime([r[3] for r in ROWS], utc=True),
        "author_id": [r[4] for r in ROWS], "author_name": [r[4] for r in ROWS],
        "author_is_org": [r[5] for r in ROWS], "kind": [r[6] for r in ROWS],
        "text": [r[7] for r in ROWS], "likes": [r[8] for r in ROWS], "shares": [r[9] for r in ROWS],
        "replies": [r[10] for r in ROWS], "location": [r[11] for r in ROWS]})
    if with_labels:
        df["sentiment_label"] = [r[12] for r in ROWS]
    return conform_interactions(df)


def audience() -> pd.DataFrame:
    return pd.DataFrame({
        "org": pd.Series(["tiny"] * len(AUDIENCE), dtype="category"),
        "platform": pd.Series([a[0] for a in AUDIENCE], dtype="category"),
        "date": pd.to_datetime([a[1] for a in AUDIENCE], utc=True).astype("datetime64[ns, UTC]"),
        "dimension": pd.Series([a[2] for a in AUDIENCE], dtype="category"),
        "value": [a[3] for a in AUDIENCE], "count": [a[4] for a in AUDIENCE]})


def dataset(with_labels: bool = True, with_audience: bool = True) -> Dataset:
    inter = interactions(with_labels)
    kw = {"audience": audience()} if with_audience else {}
    summ = new_load_summary("hand-made", len(inter))
    summ["rows_kept"] = len(inter)
    return Dataset(interactions=inter, profile=PROFILE, load_summary=summ, **kw)
