"""X/Twitter "Download an archive" ``tweets.js`` (``window.YTD.tweets.part0 = [...]``) and the
older ``tweet.js`` (``window.YTD.tweet.part0``). Every number in it is a string.

Mapping per tweet: id_str → message_id; in_reply_to_status_id_str → parent_id (kind ``reply``,
else ``post``); created_at (``Thu Oct 06 21:49:02 +0000 2022``) → created_at; full_text (or text;
``&amp;`` decoded) → text; favorite_count → likes; retweet_count → shares; lang → language.
All tweets are the archive owner's, so ``author_is_org`` is True. The owner's handle comes from
``org_handles[0]``, else ``account.js`` next to the file, else ``org``. Tweets saved from the X API
v1.1 (a list of tweet objects whose ``user`` differs between tweets) are read the same way,
except that each names its author (``user.screen_name``, ``user.name``, ``user.followers_count``) and only the
organisation's handles are ``author_is_org``; others' tweets are kind ``mention`` or ``reply``.
X API v2 responses (``{"data": [{id, text, created_at, author_id, conversation_id,
referenced_tweets, public_metrics}], "includes": {"users": [...]}}``, or a list of saved pages):
author = the user's ``username``, parent = the ``replied_to`` reference, thread_id =
``conversation_id``, likes/shares/replies from ``public_metrics``.
Tweets with photos/videos (``entities.media``) are kept even with empty text. Second parts
(``tweets-part1.js``: ``window.YTD.tweets.part1``), ``deleted-tweets.js`` and
``community-tweet.js`` have the same shape and load the same way. Ids given only as numbers
(``id``, ``in_reply_to_status_id``) are used as text.

**Whole text.** A tweet saved by the v1.1 API in compatibility mode (``truncated: true``, the
streaming API) has its whole text in ``extended_tweet.full_text`` (a retweet's in
``retweeted_status``, written ``RT @user: …``); a v2 long post in ``note_tweet.text``. Those are
used, not the cut ``text`` ending "… https://t.co/…".

**Edited posts.** Each version of an edited post is its own tweet in the file, linked by
``edit_info`` (archive: ``initial.editTweetIds`` on the first version, ``edit.initialTweetId`` +
``editControlInitial.editTweetIds`` on the later ones), ``edit_history.edit_tweet_ids`` (v1.1) or
``edit_history_tweet_ids`` (v2). One row is kept per post: the latest version's text and counts,
under the first version's id and time (when the message was first posted; X's links and
``conversation_id`` use that id); replies to any version point at it. The earlier versions are
counted under ``earlier version of an edited post``.

An empty ``tweets.js`` (``window.YTD.tweets.part0 = []``, an account that never posted) loads as
an empty table with a warning, like other empty exports.

The archive's ``tweets.js`` cuts long posts short ("… https://t.co/…") and has no ``note_tweet``
field (checked against public archive readers); when ``note-tweet.js`` sits next to it, each cut
text is replaced by the one long post there that starts with it, with a warning.

**The archive's folder** (``smlib.load(folder)``, the unzipped archive or its ``data/``): tweets.js,
its parts and note-tweet.js are read as one file, so a long post is one row (the tweet's id, time
and counts with the whole text) and its note-tweet.js item is counted under
:data:`NOTE_MERGED`; loaded apart, the two files held each long post once each, and adding them
counted it twice (note-tweet.js loaded next to tweets.js now warns of that).

Long posts (``note-tweet.js``: ``window.YTD.note_tweet.part0 = [{"noteTweet": {noteTweetId,
createdAt, core{text}}}]``) → kind ``post``, message_id = noteTweetId (the export does not link
it to the tweet in tweets.js, whose text is cut short). Other archive files (``like.js``,
``bookmark.js``: other people's tweets without dates; ``account.js``, ``follower.js``, … : no
messages; ``tweet-headers.js`` and ``direct-message-headers.js``: ids and dates without text) are a
DataError saying which file to load instead.

Direct messages (``direct-messages.js``: ``window.YTD.direct_messages.part0 = [{"dmConversation":
{conversationId, messages[{messageCreate{id, senderId, recipientId, text, createdAt, mediaUrls}}]}}]``)
→ kind ``message``, thread_id = conversationId, author_id = senderId. The owner's own messages
(``author_is_org``) are those sent by the ``accountId`` in ``account.js`` next to the file, else by
the id that takes part in the most conversations (the owner is in every one; on a tie nobody is
marked, with a warning). Other events in a
conversation (joins, renames) are skipped and counted.
"""
from __future__ import annotations

import html
import json
import re
from collections import Counter
from typing import Any

import pandas as pd

from ..errors import DataError
from ._options import Options
from ._rows import mostly_items

PLATFORM = "x"


def _text(v: Any) -> str:
    return v if isinstance(v, str) else "" if v is None or isinstance(v, (dict, list, bool)) else str(v)


def _is_tweet(x: Any) -> bool:
    t = x.get("tweet", x) if isinstance(x, dict) else None
    return isinstance(t, dict) and "id_str" in t and ("full_text" in t or "text" in t) and "created_at" in t


def _tweets(obj: Any) -> list | None:
    """The tweets list: the first item is a tweet and most of the first 20 are objects (a damaged item
    further on, e.g. a string or null, is counted as 'not a tweet object', not a reason to
    refuse the file)."""
    ok = isinstance(obj, list) and obj and mostly_items(obj[:20], lambda x: isinstance(x, dict),
                                                        first_is=_is_tweet)
    return obj if ok else None


def _wrapped(obj: Any, key: str) -> bool:
    """A list of ``{key: {...}}`` items: the archive's one-key wrapper round each record (other
    exports' records, e.g. Mastodon statuses with an ``account`` object, have more keys)."""
    return isinstance(obj, list) and bool(obj) and all(
        isinstance(x, dict) and len(x) == 1 and isinstance(x.get(key), dict) for x in obj[:20])


def _id(v: Any) -> str | None:
    """An id as text: numbers (``1.0`` too) without a decimal tail, blanks and booleans as None."""
    if v is None or isinstance(v, (bool, dict, list)):
        return None
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else None
    s = str(v).strip()
    return s or None


def _dms(obj: Any) -> list | None:
    """The DM conversations list: the first item and most of the first 20 are conversations (a
    damaged item further on is counted, not a reason to reject the file)."""
    ok = isinstance(obj, list) and obj and mostly_items(
        obj[:20], lambda x: isinstance(x, dict) and isinstance(x.get("dmConversation"), dict))
    return obj if ok else None


OTHER_FILES = {"like": "likes (like.js): other people's tweets, with no dates or authors",
               "bookmark": "bookmarks (bookmark.js): other people's tweets, with no dates or authors",
               "account": "the account's details (account.js)", "profile": "the profile (profile.js)",
               "follower": "followers (follower.js)", "following": "accounts followed (following.js)",
               "block": "blocked accounts (block.js)", "mute": "muted accounts (mute.js)",
               "ipAudit": "log-in records (ip-audit.js)", "screenNameChange": "name changes",
               "emailAddressChange": "e-mail changes", "connectedApplication": "connected apps",
               "deviceToken": "device tokens", "contact": "contacts (contact.js)",
               "listsMember": "list memberships", "verified": "verification status"}


def _headers_file(obj: Any) -> bool:
    """``tweet-headers.js`` / ``deleted-tweet-headers.js`` (``window.YTD.tweet_headers.part0 =
    [{"tweet": {"tweet_id", "user_id", "created_at"}}]``): ids and dates, no text."""
    return _wrapped(obj, "tweet") and all(
        "tweet_id" in x["tweet"] and not ({"full_text", "text"} & set(x["tweet"])) for x in obj[:20])


def _other_file(obj: Any) -> str | None:
    """What a non-message archive file holds (``like.js``, ``account.js``…), else None."""
    if _headers_file(obj):
        return "the ids and dates of tweets (tweet-headers.js) without their text"
    return next((what for key, what in OTHER_FILES.items() if _wrapped(obj, key)), None)


def _none_by_org(opts: Options) -> str:
    """The warning for X API tweets of which none is the organisation's."""
    if opts.own_handles:
        return (f"these tweets come from the X API (each names its author); none is by {opts.own_handles} "
                "(org_handles=), so the organisation wrote none of them")
    return ("these tweets come from the X API (each names its author); none is by the organisation - "
            "pass org_handles= with its X handle to mark its own")


def _v2_pages(obj: Any) -> list[dict] | None:
    """X API v2 responses (``{"data": [{id, text, …}], "includes": {"users": […]}}``), one or a
    list of saved pages; None for anything else."""
    pages = obj if isinstance(obj, list) else [obj]
    if not pages or not all(isinstance(p, dict) and (isinstance(p.get("data"), list) or
                                                     ("data" not in p and isinstance(p.get("meta"), dict)))
                            for p in pages):
        return None   # every page has tweets, or is an empty page ({"meta": {"result_count": 0}})
    items = [t for p in pages for t in (p.get("data") or [])[:20]][:20]
    first = next(iter(items), None)
    # {"data": [...]} is also how other APIs and tools wrap any records (Instagram Graph API
    # comments: {id, text, timestamp, username}; a tool's {id, text, author, likes}): a tweet
    # has only X's own field names, so records with any other key are not read as tweets (their
    # 'author' and 'likes' would be lost without a word)
    ok = isinstance(first, dict) and "id" in first and "text" in first and all(
        set(t) <= X_V2_TWEET_FIELDS for t in items if isinstance(t, dict))
    return [p for p in pages if isinstance(p.get("data"), list)] if ok else None


X_V2_TWEET_FIELDS = frozenset({
    "id", "text", "edit_history_tweet_ids", "attachments", "author_id", "card_uri",
    "community_id", "context_annotations", "conversation_id", "created_at", "display_text_range",
    "edit_controls", "entities", "geo", "in_reply_to_user_id", "lang", "media_metadata",
    "non_public_metrics", "note_tweet", "organic_metrics", "possibly_sensitive",
    "promoted_metrics", "public_metrics", "referenced_tweets", "reply_settings", "scopes",
    "source", "withheld", "article"})
"""The tweet fields of X API v2 (``tweet.fields``), as documented: a record with any other key is
not a tweet."""


def _whole_text(t: dict) -> str:
    """The tweet's whole text when the file also holds a cut one: a v2 long post's
    ``note_tweet.text``, a v1.1 compatibility-mode tweet's ``extended_tweet.full_text``, a v1.1
    retweet's from its ``retweeted_status`` ("RT @user: " + the whole text); else ""."""
    note = t.get("note_tweet")
    if isinstance(note, dict):
        core = note.get("core") if isinstance(note.get("core"), dict) else {}
        found = _text(note.get("text")) or _text(core.get("text"))
        if found:
            return found
    ext = t.get("extended_tweet")
    if isinstance(ext, dict) and _text(ext.get("full_text")):
        return _text(ext["full_text"])
    rt = t.get("retweeted_status")
    if isinstance(rt, dict) and _text(t.get("text")).startswith("RT @"):
        inner = _whole_text(rt)
        who = rt.get("user").get("screen_name") if isinstance(rt.get("user"), dict) else None
        if inner and isinstance(who, str) and who:
            return f"RT @{who}: {inner}"
    return ""


def _versions(t: dict) -> list[str]:
    """The ids of every version of an edited tweet, oldest first (one id, or none, when it was
    not edited): archive ``edit_info``, v1.1 ``edit_history``, v2 ``edit_history_tweet_ids``."""
    ei = t.get("edit_info") if isinstance(t.get("edit_info"), dict) else {}
    ini = ei.get("initial") if isinstance(ei.get("initial"), dict) else {}
    ed = ei.get("edit") if isinstance(ei.get("edit"), dict) else {}
    ctl = ed.get("editControlInitial") if isinstance(ed.get("editControlInitial"), dict) else {}
    eh = t.get("edit_history") if isinstance(t.get("edit_history"), dict) else {}
    for ids in (ini.get("editTweetIds"), ctl.get("editTweetIds"), eh.get("edit_tweet_ids"),
                t.get("edit_history_tweet_ids")):
        if isinstance(ids, list):
            out = [i for i in map(_id, ids) if i]
            if len(out) > 1:
                return _oldest_first(out)
    first = _id(ed.get("initialTweetId"))
    own = _id(t.get("id_str")) or _id(t.get("id"))
    return [first, own] if first and own and first != own else []


def _oldest_first(ids: Any) -> list[str]:
    """Tweet ids oldest first: numerically when all are digits (X's ids grow with time), else as
    given (without repeats)."""
    ids = list(dict.fromkeys(ids))
    return sorted(ids, key=lambda i: (len(i), i)) if all(i.isdigit() for i in ids) else ids


EDITED = "earlier version of an edited post"


def _merge_edits(rows: list[dict], opts: Options) -> list[dict]:
    """One row per edited post: the latest version's text and counts under the first version's id
    and time; the earlier versions counted under :data:`EDITED`; ``parent_id`` / ``thread_id``
    naming any version point at the kept id. Rows carry their versions in ``_versions``."""
    first_of: dict[str, str] = {}   # any version's id -> the first version's (a version saved
    for r in rows:                    # before the edit lists only itself: it joins by its id)
        ids = r.get("_versions") or []
        for i in ids:
            first_of.setdefault(i, ids[0])
    groups: dict[str, list[int]] = {}
    for k, r in enumerate(rows):
        if r.get("message_id") in first_of:
            ks = groups.setdefault(first_of[r["message_id"]], [])
            if all(rows[j]["message_id"] != r["message_id"] for j in ks):   # a repeat: counted later
                ks.append(k)
    alias: dict[str, str] = {}
    drop: set[int] = set()
    for first, ks in groups.items():
        if len(ks) < 2:
            continue
        order = _oldest_first([i for k in ks for i in rows[k]["_versions"] or [rows[k]["message_id"]]]
                              + [rows[k]["message_id"] for k in ks])
        ks = sorted(ks, key=lambda k: order.index(rows[k]["message_id"]))
        keep, latest = rows[ks[0]], rows[ks[-1]]
        merged = {**latest, "_row": keep["_row"], "message_id": keep["message_id"],
                  "created_at": keep["created_at"]}
        rows[ks[0]] = merged
        drop.update(ks[1:])
        opts.tracker.skip(EDITED, len(ks) - 1, [rows[k]["_row"] for k in ks[1:]])
        for i in set(order) | {rows[k]["message_id"] for k in ks}:
            alias[i] = keep["message_id"]
    out = [r for k, r in enumerate(rows) if k not in drop]
    for r in out:
        r.pop("_versions", None)
        for col in ("parent_id", "thread_id"):
            if r.get(col) in alias:
                r[col] = alias[r[col]]
    if drop:
        opts.tracker.warnings.append(
            f"{len(drop)} earlier version(s) of {sum(len(v) > 1 for v in groups.values())} edited post(s) were "
            "skipped: each post is kept once, with its latest text, under its first version's id and time")
    return out


def _parse_v2(pages: list[dict], opts: Options) -> pd.DataFrame:
    users: dict[str, dict] = {}
    for p in pages:
        inc = p.get("includes") if isinstance(p.get("includes"), dict) else {}
        found = inc.get("users")
        for u in found if isinstance(found, list) else []:   # a damaged "users" is no users
            if isinstance(u, dict) and _id(u.get("id")):
                users[_id(u["id"])] = u
    rows, n = [], 0
    for k, p in enumerate(pages):
        for i, t in enumerate(p["data"]):
            n += 1
            where = f"[{k}].data[{i}]" if len(pages) > 1 else f"data[{i}]"
            if not isinstance(t, dict):
                opts.tracker.skip("not a tweet object", 1, [where])
                continue
            aid = _id(t.get("author_id"))
            u = users.get(aid or "", {})
            who = _text(u.get("username")).strip() or aid or None
            refs = t.get("referenced_tweets") if isinstance(t.get("referenced_tweets"), list) else []
            parent = next((_id(r.get("id")) for r in refs if isinstance(r, dict) and r.get("type") == "replied_to"), None)
            pm = t.get("public_metrics") if isinstance(t.get("public_metrics"), dict) else {}
            upm = u.get("public_metrics") if isinstance(u.get("public_metrics"), dict) else {}
            mine = bool(who) and (opts.is_handle(who) or opts.is_handle(aid))
            rows.append({"_row": where, "message_id": _id(t.get("id")), "parent_id": parent,
                         "thread_id": _id(t.get("conversation_id")), "created_at": t.get("created_at"),
                         "author_id": who, "author_name": _text(u.get("name")).strip() or who,
                         "author_is_org": mine,
                         "kind": ("reply" if parent else "post") if mine else ("reply" if parent else "mention"),
                         "text": _unescape(_whole_text(t) or _text(t.get("text"))), "likes": pm.get("like_count"),
                         "shares": pm.get("retweet_count"), "replies": pm.get("reply_count"),
                         "author_followers": upm.get("followers_count"), "language": t.get("lang"),
                         "_versions": _versions(t)})
    opts.tracker.rows_in = n
    f = _fill_threads(pd.DataFrame(_merge_edits(rows, opts)))
    if len(f) and not f["author_is_org"].any():
        opts.tracker.warnings.append(_none_by_org(opts))
    opts.natural_org = opts.own_handles[0] if opts.own_handles else None
    return f


def _fill_threads(f: pd.DataFrame) -> pd.DataFrame:
    """Tweets without ``conversation_id`` (asked for without ``tweet.fields=conversation_id``) get
    the first tweet reachable by ``parent_id`` in the file as their thread, as when no tweet has
    one (the shared last step fills thread_id only when the column is missing altogether)."""
    if not len(f) or "thread_id" not in f.columns or not f["thread_id"].isna().any():
        return f
    from ._rows import _thread_roots
    ids = f["message_id"].astype("object")
    parents = f["parent_id"].astype("object").where(f["parent_id"].notna(), None)
    return f.assign(thread_id=f["thread_id"].where(f["thread_id"].notna(), _thread_roots(ids, parents)))


def detect(obj: Any) -> bool:
    return _tweets(obj) is not None or _dms(obj) is not None or _wrapped(obj, "noteTweet") \
        or _other_file(obj) is not None or _v2_pages(obj) is not None


_CUT = re.compile(r"\s*…(?:\s*https://t\.co/\w+)?\s*\Z")
"""How tweets.js ends a long post it cut short: "…", maybe followed by a t.co link."""


def _squash(s: str) -> str:
    return " ".join(html.unescape(s).split())


def _cut_rows(rows: list[dict]) -> list[int]:
    """The rows whose text tweets.js cut short ("… https://t.co/…", 40 characters or more before it)."""
    return [k for k, r in enumerate(rows) if _CUT.search(r["text"]) and len(_CUT.sub("", r["text"])) >= 40]


def _note_items(obj: Any) -> list[tuple[int, str]]:
    """(position, whole text) of each long post in note-tweet.js's list."""
    out = []
    for i, n in enumerate(obj if isinstance(obj, list) else []):
        note = n.get("noteTweet") if isinstance(n, dict) else None
        core = note.get("core") if isinstance(note, dict) else None
        if isinstance(core, dict) and isinstance(core.get("text"), str):
            out.append((i, core["text"]))
    return out


def _match_notes(rows: list[dict], notes: list[tuple[int, str]]) -> dict[int, int]:
    """{row index: note position}: each cut text matched to the one long post that starts with it
    (as public archive readers match them: the export does not link the two)."""
    squashed = [(i, _squash(t)) for i, t in notes]
    found = {}
    for k in _cut_rows(rows):
        start = _squash(_CUT.sub("", rows[k]["text"]))
        hits = [i for i, sq in squashed if sq.startswith(start)]
        if len(hits) == 1:
            found[k] = hits[0]
    return found


def _read_archive_file(path: Any) -> Any:
    """An archive file's list (``window.YTD.<name>.part<n> = [...]``); DataError naming it when
    it cannot be read."""
    from ._source import open_source, parse_json
    return parse_json(open_source(path))


def _note_texts(rows: list[dict], opts: Options) -> None:
    """Long posts in ``tweets.js`` are cut short ("… https://t.co/…"); the archive keeps their whole
    text in ``note-tweet.js``, without saying which tweet it belongs to. When that file sits next to
    this one, a cut text is replaced by the one long post that starts with it (as public archive
    readers match them, by the text before the cut), with a warning."""
    path = opts.path.parent / "note-tweet.js"
    if not _cut_rows(rows) or not path.is_file():
        return
    try:
        notes = _note_items(_read_archive_file(path))
    except DataError:   # an optional helper file: no help from it
        return
    texts = dict(notes)
    matched = _match_notes(rows, notes)
    for k, i in matched.items():
        rows[k]["text"] = _unescape(texts[i])
    if matched:
        opts.tracker.warnings.append(f"{len(matched)} long post(s) were cut short in this file; their whole text was "
                                     "taken from note-tweet.js next to it")


NOTE_MERGED = "long post also in tweets.js (its whole text was used there)"
"""The reason a long post of note-tweet.js is counted as skipped when the archive's folder is
loaded: it is the same post as a cut one in tweets.js, which is kept with this whole text."""


def _note_rows(rows: list[dict], opts: Options) -> list[dict]:
    """The archive's folder was loaded: note-tweet.js's long posts are records of it too. Each one
    that is a cut post of tweets.js gives that post its whole text and is counted under
    :data:`NOTE_MERGED` (one post, counted once); one that matches no cut post is kept as a post
    of its own, with a warning."""
    path = opts.path.parent / "note-tweet.js"
    if not path.is_file():
        return rows
    obj = _read_archive_file(path)
    if not isinstance(obj, list):
        raise DataError("note-tweet.js does not hold a list of long posts", source=str(path))
    notes = _note_items(obj)
    texts = dict(notes)
    matched = _match_notes(rows, notes)
    for k, i in matched.items():
        rows[k]["text"] = _unescape(texts[i])
    used = set(matched.values())
    opts.tracker.rows_in += len(obj)
    opts.tracker.skip(NOTE_MERGED, len(used), [f"note-tweet.js[{i}]" for i in sorted(used)])
    others = _parse_notes(obj, opts, merged=used).to_dict("records")
    for r in others:
        r["_row"] = f"note-tweet.js[{r['_row']}]"
    if others:
        opts.tracker.warnings.append(f"{len(others)} long post(s) in note-tweet.js match no cut post in tweets.js; "
                                     "they were kept as posts of their own")
    return rows + others


def _account_js(opts: Options, key: str) -> str | None:
    acc = opts.path.parent / "account.js"
    try:
        text = acc.read_text(encoding="utf-8")
        data = json.loads(text[text.index("=") + 1:].strip().rstrip(";"))
        return str(data[0]["account"][key])
    except Exception:  # optional helper file: any problem just means "not known"
        return None


def _owner_from_account_js(opts: Options) -> str | None:
    return _account_js(opts, "username")


def _conv_messages(c: Any) -> tuple[dict | None, list]:
    """A DM conversation and its list of events (None, [] when the item is not one)."""
    conv = c.get("dmConversation") if isinstance(c, dict) else None
    if not isinstance(conv, dict):
        return None, []
    msgs = conv.get("messages")
    return conv, msgs if isinstance(msgs, list) else []


def _parse_dms(obj: list, opts: Options) -> pd.DataFrame:
    creates = [m["messageCreate"] for c in obj[:50] for m in _conv_messages(c)[1][:50]
               if isinstance(m, dict) and isinstance(m.get("messageCreate"), dict)]
    if creates and not any("text" in mc for mc in creates):   # direct-message-headers.js
        raise DataError("this X archive file holds only the ids and dates of direct messages "
                        "(direct-message-headers.js), not their text; load direct-messages.js (and "
                        "direct-messages-group.js) from the same archive", source=opts.source)
    owner_id = _account_js(opts, "accountId")
    if owner_id is None:  # the id taking part in the most conversations
        seen: Counter = Counter()
        for c in obj:
            ids = set()
            for m in _conv_messages(c)[1]:
                mc = m.get("messageCreate") if isinstance(m, dict) else None
                if isinstance(mc, dict):
                    ids.update(str(mc.get(k)) for k in ("senderId", "recipientId") if mc.get(k))
            seen.update(ids)
        top = seen.most_common(2)
        owner_id = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None
        if top and owner_id is None:   # a tie (e.g. one group chat): do not guess
            opts.tracker.warnings.append(
                "could not tell which sender is the archive owner (several ids take part in as many "
                "conversations); put account.js from the same archive next to this file")
    owner = opts.owner(_owner_from_account_js(opts), platform="x")
    rows, n_in = [], 0
    for i, c in enumerate(obj):
        conv, msgs = _conv_messages(c)
        if conv is None:
            n_in += 1
            opts.tracker.skip("not a DM conversation", 1, [i])
            continue
        for j, m in enumerate(msgs):
            n_in += 1
            where = f"[{i}].messages[{j}]"
            mc = m.get("messageCreate") if isinstance(m, dict) else None
            if not isinstance(mc, dict):
                kind = next(iter(m), "unknown") if isinstance(m, dict) and m else "unknown"
                opts.tracker.skip(f"conversation event '{kind}' (not a message)", 1, [where])
                continue
            sender = str(mc.get("senderId") or "")
            mine = bool(owner_id) and sender == owner_id
            rows.append({"_row": where, "message_id": _id(mc.get("id")), "created_at": mc.get("createdAt"),
                         "thread_id": conv.get("conversationId"), "author_id": owner if mine else sender,
                         "author_name": owner if mine else sender, "author_is_org": mine,
                         "kind": "message", "text": _unescape(_text(mc.get("text"))),
                         "_has_media": bool(mc.get("mediaUrls"))})
    opts.tracker.rows_in = n_in
    opts.natural_org = owner
    return pd.DataFrame(rows)


def _parse_notes(obj: list, opts: Options, merged: set[int] | None = None) -> pd.DataFrame:
    """note-tweet.js's long posts as posts. ``merged`` (the positions already counted as posts of
    tweets.js) is given when they are read with tweets.js (the archive's folder), which counts
    the file's items; None when note-tweet.js is loaded on its own."""
    count = merged is None
    owner = opts.owner(_owner_from_account_js(opts) or _owner_from_grailbird(obj), platform="x")
    rows = []
    for i, item in enumerate(obj):
        n = item.get("noteTweet") if isinstance(item, dict) else None
        if not count and i in merged:
            continue
        if not isinstance(n, dict):
            where = i if count else f"note-tweet.js[{i}]"
            opts.tracker.skip("not a long post (noteTweet)", 1, [where])
            continue
        core = n.get("core") if isinstance(n.get("core"), dict) else {}
        text = core.get("text")
        rows.append({"_row": i, "message_id": _id(n.get("noteTweetId")), "created_at": n.get("createdAt"),
                     "author_id": owner, "author_name": owner, "author_is_org": True, "kind": "post",
                     "text": _unescape(text if isinstance(text, str) else "")})
    if count:
        opts.tracker.rows_in = len(obj)
        opts.natural_org = owner
        _warn_tweets_next_to_notes(opts)
    return pd.DataFrame(rows)


def _warn_tweets_next_to_notes(opts: Options) -> None:
    """note-tweet.js loaded on its own next to tweets.js: its long posts are also posts of
    tweets.js (cut short there), so adding up the two loads counts each long post twice."""
    if any((opts.path.parent / n).is_file() for n in ("tweets.js", "tweet.js")):
        opts.tracker.warnings.append(
            "the long posts in note-tweet.js are also in tweets.js next to it (cut short there): load the "
            "archive's folder (or tweets.js), which reads each long post once with its whole text; adding "
            "this file's rows to tweets.js's counts each long post twice")


def _unescape(s: str) -> str:
    return html.unescape(s) if "&" in s else s


def _owner_from_grailbird(obj: Any) -> str | None:
    """Pre-2019 archives (``Grailbird.data.tweets_YYYY_MM``) carry the owner in each tweet's
    ``user.screen_name``."""
    for item in obj[:5] if isinstance(obj, list) else []:
        user = item.get("user") if isinstance(item, dict) else None
        name = user.get("screen_name") if isinstance(user, dict) else None
        if isinstance(name, str) and name.strip():
            return name.strip()
    return None


MESSAGE_FILES = {"tweets": "posts", "tweet": "posts", "deleted_tweets": "posts", "community_tweet": "posts",
                 "twitter_circle_tweet": "posts", "note_tweet": "long posts",
                 "direct_messages": "direct messages", "direct_messages_group": "direct messages"}
"""The archive files (``window.YTD.<name>.part<n>``) that hold messages, and what they hold."""


def _empty_file(opts: Options) -> pd.DataFrame:
    """An archive file whose list is empty (``window.YTD.tweets.part0 = []``): a file of messages
    gives an empty table with a warning (as other empty exports do); any other file is the
    DataError its non-empty version gets."""
    from ._source import open_source
    m = re.match(r"\s*window\.YTD\.(\w+?)\.part\d+", open_source(opts.path).head_text(200))
    name = m.group(1) if m else ""
    if name in MESSAGE_FILES:
        opts.tracker.warnings.append(f"this X archive file (window.YTD.{name}) holds no {MESSAGE_FILES[name]}: "
                                     "its list is empty")
        opts.tracker.rows_in = 0
        opts.natural_org = opts.owner(_owner_from_account_js(opts), platform="x")
        return pd.DataFrame()
    what = OTHER_FILES.get(name) or OTHER_FILES.get(re.sub(r"_(\w)", lambda g: g.group(1).upper(), name))
    raise DataError(f"this X archive file (window.YTD.{name or '?'}) is empty" +
                    (f" and would hold {what}, not the account's messages" if what else "") +
                    "; load tweets.js, note-tweet.js or direct-messages.js from the same archive "
                    "(the data/ folder)", source=opts.source)


_ARCHIVE_HEAD = re.compile(rb"\s*window\.YTD\.tweets?\.part\d+\s*=")
"""How an archive's tweets.js (legacy tweet.js) starts."""


def archive_in(folder: Path) -> Path | None:
    """The tweets file of the X archive in ``folder`` (the unzipped archive or its ``data/``
    folder), found by its name and first bytes; None when the folder holds no X archive."""
    for d in (folder, folder / "data"):
        for name in ("tweets.js", "tweet.js"):
            f = d / name
            try:
                with f.open("rb") as fh:
                    head = fh.read(200)
            except OSError:
                continue
            if _ARCHIVE_HEAD.match(head.removeprefix(b"\xef\xbb\xbf")):
                return f
    return None


def _parts(path: Path) -> list[Path]:
    """The later parts of a big archive's tweets (``tweets-part1.js``, ``tweets-part2.js``…)."""
    stem = path.stem
    found = [(int(m.group(1)), q) for q in path.parent.glob(f"{stem}-part*.js")
             if (m := re.fullmatch(rf"{re.escape(stem)}-part(\d+)\.js", q.name))]
    return [q for _, q in sorted(found)]


def _with_parts(obj: list, opts: Options) -> tuple[list, list[Any]]:
    """The tweets to read and each one's place (what ``_row`` says): this file's list; when the
    archive's folder was given, followed by its later parts, each place naming its file."""
    if not opts.x_folder:
        return obj, list(range(len(obj)))
    items, where = list(obj), [f"{opts.path.name}[{i}]" for i in range(len(obj))]
    for part in _parts(opts.path):
        more = _read_archive_file(part)
        if not isinstance(more, list):
            raise DataError("this part of the X archive does not hold a list of tweets", source=str(part))
        items += more
        where += [f"{part.name}[{i}]" for i in range(len(more))]
    read = [opts.path.name] + [q.name for q in _parts(opts.path)] + \
        (["note-tweet.js"] if (opts.path.parent / "note-tweet.js").is_file() else [])
    others = sorted(q.name for q in opts.path.parent.iterdir() if q.is_file() and q.name not in read)
    dms = " (direct messages: load direct-messages.js on its own)" if "direct-messages.js" in others else ""
    opts.tracker.warnings.append(f"read the X archive's posts in {opts.path.parent}: {', '.join(read)}" +
                                 (f"; its {len(others)} other file(s) were not read{dms}" if others else ""))
    return items, where


def parse(obj: Any, opts: Options) -> pd.DataFrame:
    if isinstance(obj, list) and not obj and not opts.x_folder:
        return _empty_file(opts)
    if _dms(obj) is not None:
        return _parse_dms(obj, opts)
    pages = _v2_pages(obj)
    if pages is not None:
        return _parse_v2(pages, opts)
    what = _other_file(obj)
    if what is not None and _tweets(obj) is None:
        raise DataError(f"this X archive file holds {what}, not the account's messages; load "
                        "tweets.js, note-tweet.js or direct-messages.js from the same archive "
                        "(the data/ folder)", source=opts.source)
    if _tweets(obj) is None and _wrapped(obj, "noteTweet"):
        return _parse_notes(obj, opts)
    obj, places = _with_parts(obj, opts) if isinstance(obj, list) else (obj, [])
    rows = []

    def user_of(item: Any) -> dict:
        t = item.get("tweet", item) if isinstance(item, dict) else None
        return t["user"] if isinstance(t, dict) and isinstance(t.get("user"), dict) else {}

    # tweets saved from the X API name their authors: several of them, or one who is not the
    # organisation named by org_handles. An archive's are all the owner's (pre-2019 archives
    # also carry a user, always the same one: the owner).
    users = {_text(user_of(x).get("screen_name")).strip() for x in obj} - {""}
    api = len(users) > 1 or bool(users and opts.own_handles and not any(map(opts.is_handle, users)))
    owner = opts.owner(_owner_from_account_js(opts) or (None if api else _owner_from_grailbird(obj)),
                       platform="x")
    for i, item in enumerate(obj):
        t = item.get("tweet", item) if isinstance(item, dict) else None
        if not isinstance(t, dict):
            opts.tracker.skip("not a tweet object", 1, [places[i]])
            continue
        ents = t.get("extended_entities") or t.get("entities") or {}
        user = user_of(item)
        who = _text(user.get("screen_name")).strip() if api else ""   # "": no user (author left empty)
        parent = _id(t.get("in_reply_to_status_id_str")) or _id(t.get("in_reply_to_status_id"))
        mine = opts.is_handle(who) if api else True
        rows.append({
            "_row": places[i],
            "message_id": _id(t.get("id_str")) or _id(t.get("id")),
            "parent_id": parent,
            "created_at": t.get("created_at"),
            "author_id": (who or None) if api else owner,
            "author_name": (_text(user.get("name")).strip() or who or None) if api else owner,
            "author_is_org": mine,
            "kind": ("reply" if parent else "post") if mine else ("reply" if parent else "mention"),
            "text": _unescape(_whole_text(t) or _text(t.get("full_text")) or _text(t.get("text"))),
            "likes": t.get("favorite_count"),
            "shares": t.get("retweet_count"),
            "author_followers": user.get("followers_count") if api else None,
            "language": t.get("lang"),
            "_has_media": bool(isinstance(ents, dict) and ents.get("media")),
            "_versions": _versions(t),
        })
    opts.tracker.rows_in = len(obj)
    if opts.x_folder:
        rows = _note_rows(rows, opts)
    elif not api:
        _note_texts(rows, opts)
    f = pd.DataFrame(_merge_edits(rows, opts))
    if api and len(f) and not f["author_is_org"].any():
        opts.tracker.warnings.append(_none_by_org(opts))
    opts.natural_org = (owner if opts.handles or opts.org else None) if api else owner
    return f
