"""Reddit's data request export (the CSV files of "Request your data"), recognised by headers:

* ``comments.csv``: ``id, permalink, date, ip, subreddit, gildings, link, parent, body, media``;
* ``posts.csv``: ``id, permalink, date, ip, subreddit, gildings, title, url, body``;
* ``messages.csv`` (private messages, sent and received): ``id, permalink, thread_id, date, ip,
  from, to, subject, body``.

The account's own comments and posts: ``author_is_org`` True, the author is ``org_handles[0]``
(else the sample profile's Reddit handle, else ``archive-owner``). Messages: ``from`` is the
author; the organisation is ``org_handles``, else the one name found in every message (as sender
or receiver: the account that asked for its data).

Mapping: ids become Reddit "fullnames" (``t1_`` comment, ``t3_`` post, ``t4_`` message) so that a
comment's ``parent`` (already ``t1_…``; empty means the post in its permalink) links to rows in
the file, so the account's comments are kind ``reply``; thread_id = the post
in the permalink (``/comments/<id>/``), messages' ``thread_id`` (the first message's id; empty on that message itself); post text = title, a blank line,
then the body; ``date`` (``2023-05-01 12:34:56 UTC``) → created_at. The ``ip`` column is never read. Comments and messages whose body is ``[deleted]``/``[removed]``
are counted as ``deleted or removed comment``, as in Reddit's JSON.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import DataError
from ._options import Options
from ._rows import clean_ids
from ._text import drop_zero_width_entities, unescape_entities

PLATFORM = "reddit"
COMMENTS = {"id", "permalink", "date", "subreddit", "link", "parent", "body"}
POSTS = {"id", "permalink", "date", "subreddit", "title", "url", "body"}
MESSAGES = {"id", "permalink", "thread_id", "date", "from", "to", "subject", "body"}
REQUIRED = COMMENTS   # named in the error when format= is forced on another table


def _names(columns: list[str]) -> dict[str, str]:
    return {str(c).strip().lower(): str(c) for c in columns}


def detect(columns: list[str]) -> bool:
    """Reddit's own export: its columns, an ``ip`` or ``gildings`` column (the data request has
    them, scraped tables do not), and for comments and posts no author column (they are all the
    account's own; a table with an ``author`` is someone's collection of other people's posts)."""
    n = set(_names(columns))
    own = bool({"ip", "gildings"} & n)
    return own and (MESSAGES <= n or ((COMMENTS <= n or POSTS <= n) and not {"author", "from"} & n)
                    or _headers_only(n) is not None)


def _headers_only(n: set[str]) -> str | None:
    """The file to load instead, when this is one of the export's ``*_headers.csv`` files: the same
    rows as comments.csv / posts.csv / messages.csv without the ``body`` (comment_headers.csv: id,
    permalink, date, ip, subreddit, gildings, link, parent; post_headers.csv: … url), as public
    readers of the export list them (e.g. "strict subset of comments.csv, without the body column")."""
    if "body" in n or not {"ip", "gildings"} & n:
        return None
    for full, cols in (("messages.csv", MESSAGES), ("comments.csv", COMMENTS), ("posts.csv", POSTS)):
        if cols - {"body", "subject", "title"} <= n:
            return full
    return None


def _words(s: pd.Series) -> pd.Series:
    """Reddit text as written: ``&amp;`` ``&lt;`` ``&gt;`` decoded, ``&#x200B;`` markers dropped."""
    return drop_zero_width_entities(unescape_entities(s))


def _col(df: pd.DataFrame, names: dict[str, str], name: str) -> pd.Series:
    return df[names[name]].astype("str").fillna("").str.strip() if name in names else \
        pd.Series("", index=df.index, dtype="str")


def parse(df: pd.DataFrame, opts: Options) -> pd.DataFrame:
    names = _names([str(c) for c in df.columns])
    cols = set(names)
    instead = _headers_only(cols)
    if instead is not None:
        raise DataError(f"this is one of the '_headers' files of Reddit's data export: it lists ids and "
                        f"dates but not what was written (no 'body' column); load {instead} from the same "
                        "export instead", source=opts.source)
    is_posts = POSTS <= cols and not COMMENTS <= cols and not MESSAGES <= cols
    opts.tracker.rows_in = len(df)
    ids = clean_ids(df[names["id"]]).fillna("")
    body = _words(_col(df, names, "body"))
    post_of = _col(df, names, "permalink").str.extract(r"/comments/([A-Za-z0-9]+)", expand=False)
    if MESSAGES <= cols:
        sender, receiver = _col(df, names, "from"), _col(df, names, "to")
        if opts.handles:
            is_org = sender.map(opts.is_handle).astype(bool)
        else:   # the account that asked for its data is in every message
            common = set(sender) | set(receiver)
            for a, b in zip(sender, receiver):
                common &= {a, b}
            me = next(iter(common), None) if len(common) == 1 else None
            if me is None:
                opts.tracker.warnings.append("could not tell which account is the organisation; pass "
                                             "org_handles= with its Reddit name")
            is_org = sender.eq(me) if me else pd.Series(False, index=df.index)
        subject = _words(_col(df, names, "subject"))
        text = subject.where(body.eq(""), body)
        thread = clean_ids(_col(df, names, "thread_id")).fillna("").str.replace(r"^t4_", "", regex=True)
        out = pd.DataFrame({"message_id": ("t4_" + ids).where(ids.ne(""), ""),
                            "thread_id": "t4_" + thread.where(thread.ne(""), ids),   # the first message's id
                            "author_id": sender.where(sender.ne(""), None),   # empty: not known
                            "kind": "message", "text": text})
        out["author_is_org"] = is_org.to_numpy(dtype=bool)
        opts.natural_org = (sender[is_org].iloc[0] if is_org.any() else None) or opts.owner(platform=PLATFORM)
    else:
        owner = opts.owner(platform=PLATFORM)
        prefix = "t3_" if is_posts else "t1_"
        if is_posts:
            title = _words(_col(df, names, "title"))
            text = (title + "\n\n" + body).str.strip()
            parent = pd.Series(pd.NA, index=df.index, dtype="str")
        else:
            text = body
            parent = _col(df, names, "parent")   # empty for a comment on the post itself
            parent = parent.where(parent.ne(""), "t3_" + post_of)
        out = pd.DataFrame({"message_id": (prefix + ids).where(ids.ne(""), ""), "parent_id": parent,
                            "thread_id": ("t3_" + post_of).where(post_of.notna(), pd.NA),
                            "author_id": owner, "author_is_org": True,
                            "kind": "post" if is_posts else np.where(parent.notna(), "reply", "comment"),
                            "text": text})
        opts.natural_org = owner
    out.insert(0, "_row", np.arange(1, len(df) + 1))
    out["author_name"] = out["author_id"]
    out["created_at"] = df[names["date"]].to_numpy()
    gone = body.isin(["[deleted]", "[removed]"]).to_numpy(dtype=bool) & (not is_posts)
    if gone.any():   # as in Reddit's JSON: the words are gone, so it is not a message any more
        opts.tracker.skip("deleted or removed comment", int(gone.sum()), out["_row"].to_numpy()[gone][:5].tolist())
        out = out[~gone]
    return out
