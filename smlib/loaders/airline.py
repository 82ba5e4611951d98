"""Twitter US Airline Sentiment (CrowdFlower/Kaggle ``Tweets.csv``), recognised by its headers.

Mapping: tweet_id → message_id; tweet_created (``2015-02-24 11:35:52 -0800``) → created_at in UTC;
name → author_id and author_name; text (``&amp;`` decoded) → text; retweet_count → shares;
tweet_location → location; platform ``x``; every row is a customer ``mention`` (the file holds
no airline replies), so ``author_is_org`` is False unless ``org_handles`` match.

``org`` (when ``org=`` is not given) is the airline the tweet is about, as a slug
(``virgin-america``). The human labels are kept as extra columns for evaluation:
``airline``, ``airline_sentiment``, ``airline_sentiment_confidence``, ``negativereason``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ._options import Options
from ._text import unescape_entities

REQUIRED = {"tweet_id", "airline_sentiment", "airline", "text", "tweet_created"}
PLATFORM = "x"
EXTRAS = ("airline", "airline_sentiment", "airline_sentiment_confidence", "negativereason")


def detect(columns: list[str]) -> bool:
    return REQUIRED <= {c.strip().lower() for c in columns}


def parse(df: pd.DataFrame, opts: Options) -> pd.DataFrame:
    df = df.rename(columns={c: c.strip().lower() for c in df.columns})
    opts.tracker.rows_in = len(df)
    name = df["name"].astype("str").str.strip() if "name" in df.columns else pd.Series(pd.NA, index=df.index)
    out = pd.DataFrame({
        "_row": np.arange(1, len(df) + 1),
        "message_id": df["tweet_id"].astype("str").str.strip(),
        "created_at": df["tweet_created"],
        "author_id": name,
        "author_name": name,
        "kind": "mention",
        "text": unescape_entities(df["text"].astype("str")),
        "shares": pd.to_numeric(df.get("retweet_count"), errors="coerce"),
        "location": df.get("tweet_location"),
    })
    if not opts.org:
        out["org"] = df["airline"].astype("str").str.strip().str.lower().str.replace(
            r"[^a-z0-9]+", "-", regex=True).str.strip("-").to_numpy()
    for c in EXTRAS:
        if c in df.columns:
            out[c] = df[c].to_numpy()
    if "airline_sentiment_confidence" in out.columns:
        out["airline_sentiment_confidence"] = pd.to_numeric(out["airline_sentiment_confidence"], errors="coerce")
    return out
