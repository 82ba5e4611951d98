"""Google Takeout "YouTube and YouTube Music" CSVs: ``comments/comments.csv`` and
``live chats/live chats.csv``, recognised by their headers.

These are the *account holder's own* comments (what a business's channel wrote under videos),
the YouTube counterpart of an X archive's ``tweets.js``. Columns, as Google has written them:

* comments: ``Comment ID, Channel ID, Comment Create Timestamp, Price, Parent Comment ID, Video ID,
  Comment Text`` (to mid 2024); later ``Comment ID, Channel ID, Comment create timestamp, Price,
  Parent comment ID, Post ID, Video ID, Comment text, Top-level comment ID``;
* live chats: ``Live Chat ID, Channel ID, Live Chat Create Timestamp, Price, Video ID, Live Chat Text``.

The text cell is plain text in the oldest files, ``{"takeoutSegments":[{"text": "…"}, …]}`` in
later ones, and in the newest one or more JSON objects joined by commas
(``{"text":"@shop"},{"text":" thanks!"}``); the ``text`` of every segment is joined, in order.

Mapping: Comment ID → message_id; Parent Comment ID → parent_id (kind ``reply``, else
``comment``); Top-level comment ID (else the parent, else the comment itself) → thread_id;
create timestamp (ISO, UTC) → created_at; Channel ID → author_id; platform ``youtube``; live chat
lines → kind ``message``, thread_id = Video ID (one chat per video). ``author_is_org`` is True for every row (the owner's archive), and the
author is ``org_handles[0]`` (else the sample profile's YouTube handle, else the Channel ID).
"""
from __future__ import annotations

import json

import numpy as np
import pandas as pd

from ._options import Options
from ._rows import clean_ids
from ._text import clean_text

PLATFORM = "youtube"
COMMENTS = {"comment id", "channel id", "comment create timestamp", "comment text"}
LIVE_CHATS = {"live chat id", "channel id", "live chat create timestamp", "live chat text"}
REQUIRED = COMMENTS   # for the "does not have the columns" message when format= is forced


def _names(columns: list[str]) -> dict[str, str]:
    return {" ".join(str(c).strip().lower().split()): str(c) for c in columns}


def detect(columns: list[str]) -> bool:
    names = set(_names(columns))
    return COMMENTS <= names or LIVE_CHATS <= names


def segments_text(cell: object) -> str:
    """The words of one Takeout text cell, whichever of its three layouts it is in.

    >>> segments_text('{"takeoutSegments":[{"text":"Thanks "},{"text":"@Ann"}]}')
    'Thanks @Ann'
    >>> segments_text('{"text":"@shop","mention":{"externalChannelId":"UC1"}},{"text":" help!"}')
    '@shop help!'
    >>> segments_text('plain {not json} text')
    'plain {not json} text'
    """
    if cell is None or (isinstance(cell, float) and np.isnan(cell)):
        return ""
    s = str(cell)
    t = s.strip()
    if not (t.startswith("{") and t.endswith("}")):
        return clean_text(s)
    try:
        obj = json.loads("[" + t + "]")
    except ValueError:   # a comment that merely starts and ends with braces
        return clean_text(s)
    wrapped = len(obj) == 1 and isinstance(obj[0], dict) and isinstance(obj[0].get("takeoutSegments"), list)
    if wrapped:
        obj = obj[0]["takeoutSegments"]   # may be empty: a comment with no words
    if not all(isinstance(x, dict) and isinstance(x.get("text", ""), str) for x in obj) \
            or not (wrapped or any("text" in x for x in obj)):
        return clean_text(s)
    return clean_text("".join(x.get("text", "") for x in obj))


def parse(df: pd.DataFrame, opts: Options) -> pd.DataFrame:
    names = _names([str(c) for c in df.columns])
    live = not COMMENTS <= set(names)
    col = (lambda n: names.get(n.replace("comment", "live chat"))) if live else names.get
    opts.tracker.rows_in = len(df)
    mid = clean_ids(df[col("comment id")])
    parent = clean_ids(df[names["parent comment id"]]) if not live and "parent comment id" in names \
        else pd.Series(pd.NA, index=df.index, dtype="string")
    parent = parent.where(parent.notna() & (parent != ""), pd.NA)
    top = clean_ids(df[names["top-level comment id"]]) if "top-level comment id" in names else None
    if live and "video id" in names:   # a live chat is one conversation per video
        video = clean_ids(df[names["video id"]])
        thread = video.where(video.notna() & (video != ""), pd.NA).fillna(mid)
    elif top is not None:
        thread = top.where(top.notna() & (top != ""), pd.NA).fillna(parent).fillna(mid)
    else:
        thread = parent.fillna(mid)
    channel = df[names["channel id"]].astype("str").str.strip()
    found = next((c for c in channel if isinstance(c, str) and c), None)
    owner = opts.owner(found, platform=PLATFORM)
    author = channel.where(channel.notna() & (channel != ""), owner) if owner == found \
        else pd.Series(owner, index=df.index)
    text = [segments_text(v) for v in df[col("comment text")].to_numpy()]
    out = pd.DataFrame({
        "_row": np.arange(1, len(df) + 1),
        "message_id": mid.to_numpy(),
        "parent_id": parent.to_numpy(),
        "thread_id": thread.to_numpy(),
        "created_at": df[col("comment create timestamp")].to_numpy(),
        "author_id": author.to_numpy(),
        "author_name": author.to_numpy(),
        "author_is_org": True,
        "kind": "message" if live else np.where(parent.notna().to_numpy(), "reply", "comment"),
        "text": text,
    })
    opts.natural_org = owner
    return out
