"""Customer Support on Twitter (thoughtvector/Kaggle "twcs") CSVs, recognised by their headers.

Columns: ``tweet_id, author_id, inbound, created_at, text, response_tweet_id,
in_response_to_tweet_id`` (plus, in re-saved copies, an unnamed pandas index and ``index``).

Mapping: tweet_id → message_id; in_response_to_tweet_id (``"3.0"`` → ``"3"``) → parent_id;
author_id → author_id and author_name; text (``&amp;`` decoded) → text; the number of ids in
``response_tweet_id`` → replies; platform ``x``.

``author_is_org``: ``inbound`` False (the brand's own tweets) — or, when ``org_handles`` or a
profile give handles, exactly the tweets by those handles.

``org`` (when ``org=`` is not given): a brand tweet belongs to its author (lower-cased, e.g.
``spotifycares``). A customer tweet belongs to the brand it talks to, taken in this order:
(1) its first @mention of a brand that tweets in this file, (2) the brand that replied to it,
(3) the brand it replies to, (4) its first @mention that is not a number (twcs replaced every
customer handle with a number, so a word handle is a brand), else ``unknown``.

``kind``: brand tweets are ``reply`` (with a parent) or ``post``; customer tweets are ``reply``
(with a parent) or ``mention`` (starting a conversation).
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..privacy import handle_key, handle_key_column, matches_handles
from ..textforms import fold_unicode
from ._options import Options
from ._rows import clean_ids
from ._text import normalise_line_ends, unescape_entities

REQUIRED = {"tweet_id", "author_id", "inbound", "created_at", "text"}
PLATFORM = "x"
_MENTION = re.compile(r"@(\w+)")
# only a tweet with one of these can have other mentions once put in the one Unicode form
_ODD_MENTION = r"＠|@[A-Za-z0-9_]*[^\x00-\x7f]"


def detect(columns: list[str]) -> bool:
    return REQUIRED <= {c.strip().lower() for c in columns}


def _bool(s: pd.Series) -> pd.Series:
    v = s.astype("str").str.strip().str.lower()
    return v.map({"true": True, "false": False, "1": True, "0": False, "yes": True, "no": False})


def _ids(s: pd.Series) -> pd.Series:
    return clean_ids(s)


def parse(df: pd.DataFrame, opts: Options) -> pd.DataFrame:
    df = df.rename(columns={c: c.strip().lower() for c in df.columns})
    opts.tracker.rows_in = len(df)
    inbound = _bool(df["inbound"])
    if inbound.isna().any():
        bad = df.loc[inbound.isna(), "inbound"].head(3).tolist()
        opts.tracker.warnings.append(
            f"{int(inbound.isna().sum())} row(s) have an 'inbound' value that is not True/False "
            f"(e.g. {bad}); they were treated as customer tweets")
    author = df["author_id"].astype("str").str.strip()
    if opts.handles:
        # one rule for "the same account" (smlib.privacy.handle_key): case, "@", spaces and
        # Unicode form (full-width ＳｐｏｔｉｆｙＣａｒｅｓ) do not matter
        is_org = matches_handles(author, opts.handles)
    else:
        is_org = inbound.eq(False)
    is_org = is_org.fillna(False).astype(bool)
    parent = _ids(df["in_response_to_tweet_id"]) if "in_response_to_tweet_id" in df.columns else \
        pd.Series(pd.NA, index=df.index, dtype="string")
    text = unescape_entities(df["text"].astype("str"))
    if opts.tracker.may_have_cr:
        text = normalise_line_ends(text)
    opts.tracker.may_have_cr = False  # text line ends are normalised here
    has_parent = parent.notna() & (parent != "")
    kind = np.where(has_parent, "reply", np.where(is_org, "post", "mention"))
    out = pd.DataFrame({
        "_row": np.arange(1, len(df) + 1),
        "message_id": _ids(df["tweet_id"]),
        "parent_id": parent,
        "created_at": df["created_at"],
        "author_id": author,
        "author_name": author,
        "author_is_org": is_org.to_numpy(),
        "kind": kind,
        "text": text,
    })
    if "response_tweet_id" in df.columns:
        resp = df["response_tweet_id"].astype("str").str.strip()
        out["replies"] = (resp.str.count(",") + 1).where(resp.notna() & (resp != ""), 0).astype("int64").to_numpy()
        replied_by = resp
    else:
        replied_by = None
    if not opts.org:
        out["org"] = _brand_of_each(out, replied_by).to_numpy()
    return out


def _brand_of_each(f: pd.DataFrame, replied_by: pd.Series | None) -> pd.Series:
    """The brand each tweet belongs to (see module docstring), as its handle key
    (:func:`smlib.privacy.handle_key`: lower case, no "@", one Unicode form), so an @mention
    finds the brand however either is written."""
    author_lc = handle_key_column(f["author_id"])
    is_org = f["author_is_org"].astype(bool)
    brands = set(author_lc[is_org].dropna())
    org = pd.Series(pd.NA, index=f.index, dtype="string")
    org[is_org] = author_lc[is_org]
    todo = org.isna()
    author_by_id = pd.Series(author_lc.to_numpy(), index=f["message_id"].to_numpy())
    author_by_id = author_by_id[~author_by_id.index.duplicated()]
    # every @mention of the customer tweets, in order (one findall, then plain Python on lists)
    text = f.loc[todo, "text"]
    found = text.str.findall(r"@(\w+)")
    mentions = [[m.lower() for m in ms] if isinstance(ms, list) else [] for ms in found.to_numpy()]
    # a full-width "＠" or a mention with letters outside ASCII ("@ＳｐｏｔｉｆｙＣａｒｅｓ", "@Uber＿Support"):
    # those few tweets are read again in the one Unicode form, each mention as its handle key
    # (what ``brands`` holds)
    odd = np.flatnonzero(~text.str.isascii().fillna(True).astype(bool).to_numpy())
    if len(odd):
        again = text.iloc[odd].str.contains(_ODD_MENTION, regex=True).fillna(False).astype(bool).to_numpy()
        for i in odd[again]:
            mentions[i] = [handle_key(m) for m in _MENTION.findall(fold_unicode(text.iat[i]))]
    if brands:
        first = [next((m for m in ms if m in brands), None) for ms in mentions]
        org[found.index] = pd.array(first, dtype="str")
    todo = org.isna()
    if replied_by is not None and todo.any() and brands:
        r = replied_by[todo].dropna().str.split(",").explode().str.strip()
        r = r.map(author_by_id)
        r = r[r.isin(brands)].groupby(level=0).first()
        org[r.index] = r
    todo = org.isna()
    if todo.any() and brands:
        p = f.loc[todo, "parent_id"].map(author_by_id)
        p = p[p.isin(brands)]
        org[p.index] = p
    todo = org.isna()
    if todo.any() and mentions:
        word = [next((m for m in ms if not m.isdigit()), None) for ms in mentions]
        word_s = pd.Series(pd.array(word, dtype="str"), index=found.index)
        org[todo] = word_s.reindex(org.index[todo])
    return org.fillna("unknown")
