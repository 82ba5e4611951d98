"""Review-site exports a customer-service team downloads: each review becomes a row of kind
``review`` (platform ``reviews``, its stars in ``rating``) and the business's answer a second
row of kind ``reply`` by the organisation (``author_is_org`` True, ``parent_id`` and
``thread_id`` = the review's id), so "answered" and reply times work in the analyses.

Layouts (from their public documentation; see docs/loading.md, *Review-site exports*):

* **google_play** — Play Console's monthly reviews report ``reviews_reviews_<package>_<yyyymm>.csv``
  (UTF-16 in Google's bucket; the loader decodes it like any UTF-16 file): ``Package Name, App
  Version Code, App Version Name, Reviewer Language, Device, Review Submit Date and Time, Review
  Submit Millis Since Epoch, Review Last Update Date and Time, Review Last Update Millis Since
  Epoch, Star Rating, Review Title, Review Text, Developer Reply Date and Time, Developer Reply
  Millis Since Epoch, Developer Reply Text, Review Link``. Title and text make the message; the
  time is the submit time (the epoch milliseconds, else the date text); the id is the
  ``reviewId`` in the Review Link (else ``row-N``); the report names no reviewer, so the author
  is left empty; the package names the organisation when ``org=`` is not given.
* **trustpilot** (table) — Trustpilot Business's review export (CSV or Excel): ``Review Id``,
  ``Review Created (UTC)``, ``Review Consumer User Id``, ``Review Username`` (or ``Consumer Name``),
  ``Review Title``, ``Review Content``, ``Review Stars``, ``Review Language``, and the company's
  answer in ``Company Response`` with ``Company Reply Date (UTC)`` (or ``Business Reply Date (UTC)``).
* **trustpilot** (JSON) — the Trustpilot API's reviews (``{"reviews": [...]}``, a list of them, or
  saved pages): ``id, stars, title, text, language, createdAt, consumer.{id, displayName},
  companyReply.{text, createdAt}``; ``businessUnit.displayName`` names the organisation.
* **app_store** — App Store Connect API ``customerReviews`` (``data[]`` of ``type:
  customerReviews`` with ``attributes.{rating, title, body, reviewerNickname, createdDate,
  territory}``), with the answers as ``included`` ``customerReviewResponses``
  (``attributes.{responseBody, lastModifiedDate, state}``), linked by the review's
  ``relationships.response`` or the response's ``relationships.review``.

A star value that is not a whole number of stars from 1 to 5 keeps its review (a customer still
wrote it) with the rating unknown, and the summary counts and names them. A reply with no words is
counted under ``no text``, like any message; a review with stars and no words is kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable
from urllib.parse import unquote

import numpy as np
import pandas as pd

from ..stars import read_stars
from ._options import Options
from ._pages import review_items
from ._text import as_id, as_text, clean_text
from .tabular import header_zone

PLATFORM = "reviews"


# ── shared ───────────────────────────────────────────────────────────────────────────────────
@dataclass
class Review:
    """One review and the business's answer to it, as a layout gives them."""

    where: Any
    review_id: str | None
    created: Any
    text: str
    stars: Any = None
    author_id: str | None = None
    author_name: str | None = None
    language: str | None = None
    location: str | None = None
    reply_text: str = ""
    reply_created: Any = None
    has_reply: bool = False


def _norm(h: Any) -> str:
    """A header as lower-case words (BOM and spacing ignored): ``Review Id`` → ``review id``."""
    return " ".join(str(h).replace("\ufeff", "").strip().lower().split())


def _names(columns: list[Any]) -> dict[str, str]:
    return {_norm(c): str(c) for c in columns}


def _cell(v: Any) -> str:
    """A table cell as stripped text; missing values are ``""``."""
    if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA:
        return ""
    return str(v).strip()


def _joined(title: str, body: str) -> str:
    """A review's title and text as one message (the title alone when there is no text)."""
    title, body = clean_text(title), clean_text(body)
    if title and body and not body.startswith(title):
        return f"{title}\n\n{body}"
    return body or title


def _epoch_ms(v: str) -> str | None:
    """Epoch milliseconds written as digits → an ISO time in UTC; None for anything else."""
    if not re.fullmatch(r"\d{9,13}", v):
        return None
    return pd.Timestamp(int(v), unit="ms", tz="UTC").isoformat()


def _stars(values: list[Any], where: list[Any], column: str, opts: Options) -> list[int | None]:
    """Whole stars 1…5; anything else is unknown, and the summary says how many and where."""
    plain = [v if v is None or isinstance(v, (str, int, float, np.number)) else f"{type(v).__name__}"
             for v in values]   # a list or an object where a number belongs is not a rating
    read, _ = read_stars(pd.Series(plain, dtype="object"))
    r = read.to_numpy(dtype=float, na_value=np.nan)
    ok = ~np.isnan(r) & (r >= 1) & (r <= 5) & (r == np.round(r))
    given = np.array([_cell(v) != "" for v in values], dtype=bool)
    bad = given & ~ok
    if bad.any():
        idx = np.nonzero(bad)[0]
        opts.tracker.warnings.append(
            f"{int(bad.sum())} star rating(s) in '{column}' are not a whole number of stars from 1 to 5 "
            f"(e.g. {values[idx[0]]!r} at {', '.join(str(where[i]) for i in idx[:5])}); those reviews were "
            "kept with the rating unknown")
    return [int(x) if good else None for x, good in zip(r, ok)]


def _given(v: str | None) -> str:
    """An id or author as the shared last step reads them: ``""`` when not given (a CSV read
    without NA guessing never holds None, so None would pass its checks unseen)."""
    return v or ""


def _frame(items: list[Review], opts: Options, stars_column: str, owner: str) -> pd.DataFrame:
    """Rows in the model: each review, then its answer (by ``owner``, the organisation)."""
    ratings = _stars([it.stars for it in items], [it.where for it in items], stars_column, opts)
    rows = []
    for it, rating in zip(items, ratings):
        rid = it.review_id
        rows.append({"_row": it.where, "message_id": _given(rid), "parent_id": None, "thread_id": rid,
                     "created_at": it.created, "author_id": _given(it.author_id), "author_name": it.author_name,
                     "author_is_org": False, "kind": "review", "text": it.text, "rating": rating,
                     "language": it.language, "location": it.location})
        if it.has_reply:
            rows.append({"_row": f"{it.where} (reply)", "message_id": f"{rid}/reply" if rid else "",
                         "parent_id": rid, "thread_id": rid, "created_at": it.reply_created,
                         "author_id": _given(owner), "author_name": None, "author_is_org": True, "kind": "reply",
                         "text": clean_text(it.reply_text), "rating": None, "language": None,
                         "location": None})
    opts.tracker.rows_in = len(rows)
    frame = pd.DataFrame(rows, columns=["_row", "message_id", "parent_id", "thread_id", "created_at",
                                        "author_id", "author_name", "author_is_org", "kind", "text",
                                        "rating", "language", "location"])
    frame["rating"] = frame["rating"].astype("Int64")
    return frame.astype({c: "object" for c in ("created_at", "message_id", "parent_id", "thread_id")})


def _one_value(values: list[Any]) -> str | None:
    """The one name a file gives for its organisation (None when none, or several)."""
    found = {v for v in (_cell(x) for x in values) if v}
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True)
class Format:
    """A layout as the loader's format tables want it: ``detect`` and ``parse`` plus names."""

    detect: Callable[[Any], bool]
    parse: Callable[[Any, Options], pd.DataFrame]
    REQUIRED: frozenset = field(default_factory=frozenset)
    PLATFORM: str = PLATFORM


# ── Google Play Console reviews report ───────────────────────────────────────────────────────
_PLAY_NEEDS = {"package name", "star rating", "review text"}
_PLAY_WHEN = ("review submit millis since epoch", "review submit date and time")
_RE_REVIEW_ID = re.compile(r"[?&#:](?:reviewid|reviewId)=([^&#]+)", re.I)


def detect_google_play(columns: list[Any]) -> bool:
    n = set(_names(columns))
    return _PLAY_NEEDS <= n and any(w in n for w in _PLAY_WHEN)


def _play_id(link: str) -> str | None:
    """The ``reviewId`` in a Play Console review link (``…reviewId=gp%3AAOqp…``), decoded."""
    m = _RE_REVIEW_ID.search(link)
    return unquote(m.group(1)).strip() or None if m else None


def _play_time(row: dict, names: dict[str, str], millis: str, text: str) -> str:
    """The epoch milliseconds when given (exact, UTC), else the date text."""
    ms = _cell(row.get(names.get(millis, ""), ""))
    return _epoch_ms(ms) or _cell(row.get(names.get(text, ""), ""))


def parse_google_play(df: pd.DataFrame, opts: Options) -> pd.DataFrame:
    names = _names(list(df.columns))
    items = []
    for n, row in enumerate(df.to_dict("records"), start=1):
        get = lambda k: _cell(row.get(names.get(k, ""), ""))   # noqa: E731
        reply_text = get("developer reply text")
        reply_when = _play_time(row, names, "developer reply millis since epoch", "developer reply date and time")
        items.append(Review(
            where=n, review_id=_play_id(get("review link")) or f"row-{n}",
            created=_play_time(row, names, "review submit millis since epoch", "review submit date and time"),
            text=_joined(get("review title"), get("review text")), stars=row.get(names["star rating"]),
            language=get("reviewer language") or None, reply_text=reply_text, reply_created=reply_when,
            has_reply=bool(reply_text or reply_when)))
    package = _one_value(df[names["package name"]].tolist())
    owner = opts.owner(found=package, platform=PLATFORM)
    opts.natural_org = package
    return _frame(items, opts, names["star rating"], owner)


GOOGLE_PLAY = Format(detect_google_play, parse_google_play, frozenset(_PLAY_NEEDS | {_PLAY_WHEN[1]}))


# ── Trustpilot Business export (CSV / Excel) ─────────────────────────────────────────────────
_TP_NEEDS = {"review stars", "review content"}


def _tp_created(names: dict[str, str]) -> str | None:
    return next((k for k in names if k.startswith("review created")), None)


def _tp_reply(names: dict[str, str]) -> tuple[str | None, str | None]:
    """The company's answer: (text column, date column), e.g. ``Company Response`` and
    ``Company Reply Date (UTC)``."""
    by = [k for k in names if {"company", "business"} & set(re.findall(r"[a-z]+", k))
          and {"reply", "response"} & set(re.findall(r"[a-z]+", k))]
    date = next((k for k in by if "date" in k.split() or "date" in re.findall(r"[a-z]+", k)), None)
    text = next((k for k in by if k != date), None)
    return text, date


def detect_trustpilot_table(columns: list[Any]) -> bool:
    n = _names(columns)
    return _TP_NEEDS <= set(n) and _tp_created(n) is not None


def parse_trustpilot_table(df: pd.DataFrame, opts: Options) -> pd.DataFrame:
    names = _names(list(df.columns))
    created = _tp_created(names)
    reply_col, reply_date = _tp_reply(names)
    opts.zone = header_zone({"created_at": names[created]})   # "Review Created (UTC)"
    name_col = next((k for k in ("review username", "consumer name", "review consumer name") if k in names), None)
    id_col = next((k for k in ("review id",) if k in names), None)
    items = []
    for n, row in enumerate(df.to_dict("records"), start=1):
        get = lambda k: _cell(row.get(names.get(k, ""), "")) if k else ""   # noqa: E731
        name = get(name_col) or None
        reply_text, reply_when = get(reply_col), get(reply_date)
        items.append(Review(
            where=n, review_id=(get(id_col) or None) if id_col else f"row-{n}", created=get(created),
            text=_joined(get("review title"), get("review content")), stars=row.get(names["review stars"]),
            author_id=get("review consumer user id") or name, author_name=name,
            language=get("review language") or None, reply_text=reply_text, reply_created=reply_when,
            has_reply=bool(reply_text or reply_when)))
    business = next((_one_value(df[names[k]].tolist()) for k in ("webshop name", "domain url", "domain name")
                     if k in names), None)
    opts.natural_org = business
    return _frame(items, opts, names["review stars"], opts.owner(found=business, platform=PLATFORM))


# ── Trustpilot API JSON ──────────────────────────────────────────────────────────────────────
def _is_tp_review(x: Any) -> bool:
    return isinstance(x, dict) and "stars" in x and isinstance(x.get("consumer"), dict)


def _tp_items(obj: Any) -> list[tuple[str, Any]] | None:
    """(where, review) pairs of a saved Trustpilot API answer, or None for another shape."""
    return review_items(obj, _is_tp_review)


def detect_trustpilot_json(obj: Any) -> bool:
    return _tp_items(obj) is not None


def parse_trustpilot_json(obj: Any, opts: Options) -> pd.DataFrame:
    pairs = _tp_items(obj) or []
    junk = [w for w, r in pairs if not _is_tp_review(r)]
    items, units = [], []
    for where, r in pairs:
        if not _is_tp_review(r):
            continue
        who = r["consumer"]
        reply = r.get("companyReply") if isinstance(r.get("companyReply"), dict) else {}
        unit = r.get("businessUnit") if isinstance(r.get("businessUnit"), dict) else {}
        units.append(as_id(unit.get("displayName")) or as_id(unit.get("identifyingName")))
        reply_text = as_text(reply.get("text"))
        reply_when = as_text(reply.get("createdAt")) or as_text(reply.get("updatedAt"))
        name = as_id(who.get("displayName"))
        items.append(Review(
            where=where, review_id=as_id(r.get("id")), created=as_text(r.get("createdAt")) or None,
            text=_joined(as_text(r.get("title")), as_text(r.get("text"))), stars=r.get("stars"),
            author_id=as_id(who.get("id")) or name, author_name=name, language=as_id(r.get("language")),
            reply_text=reply_text, reply_created=reply_when or None, has_reply=bool(reply)))
    business = _one_value(units)
    opts.natural_org = business
    frame = _frame(items, opts, "stars", opts.owner(found=business, platform=PLATFORM))
    if junk:
        opts.tracker.rows_in += len(junk)
        opts.tracker.skip("not a Trustpilot review", len(junk), junk[:5])
    return frame


TRUSTPILOT_TABLE = Format(detect_trustpilot_table, parse_trustpilot_table,
                          frozenset(_TP_NEEDS | {"review created (utc)"}))
TRUSTPILOT_JSON = Format(detect_trustpilot_json, parse_trustpilot_json)


# ── App Store Connect API customerReviews ────────────────────────────────────────────────────
def _is_apple_review(x: Any) -> bool:
    return isinstance(x, dict) and x.get("type") == "customerReviews" and isinstance(x.get("attributes"), dict)


def _apple_pages(obj: Any) -> list[dict] | None:
    pages = obj if isinstance(obj, list) else [obj]
    if not pages or not all(isinstance(p, dict) and "data" in p for p in pages[:20]):
        return None
    first = []
    for p in pages[:20]:
        d = p.get("data")
        first += d[:20] if isinstance(d, list) else [d]
    if not first or sum(_is_apple_review(x) for x in first) * 2 <= len(first):
        return None
    return pages


def detect_app_store(obj: Any) -> bool:
    return _apple_pages(obj) is not None


def _rel_id(item: dict, name: str) -> str | None:
    rel = item.get("relationships")
    data = rel.get(name, {}).get("data") if isinstance(rel, dict) and isinstance(rel.get(name), dict) else None
    return as_id(data.get("id")) if isinstance(data, dict) else None


def parse_app_store(obj: Any, opts: Options) -> pd.DataFrame:
    pages = _apple_pages(obj) or []
    many = isinstance(obj, list)
    reviews, junk, answers, by_review = [], [], {}, {}
    for k, p in enumerate(pages):
        pre = f"[{k}]." if many else ""
        if not isinstance(p, dict):   # a damaged page further on: counted, not a crash
            junk.append((f"[{k}]", p))
            continue
        data = p.get("data")
        data = data if isinstance(data, list) else [data]
        for i, x in enumerate(data):
            (reviews if _is_apple_review(x) else junk).append((f"{pre}data[{i}]", x))
        included = p.get("included")
        for x in included if isinstance(included, list) else []:
            if isinstance(x, dict) and x.get("type") == "customerReviewResponses" and \
                    isinstance(x.get("attributes"), dict):
                answers[as_id(x.get("id"))] = x
                if _rel_id(x, "review"):
                    by_review[_rel_id(x, "review")] = x
    items = []
    for where, r in reviews:
        a = r["attributes"]
        rid = as_id(r.get("id"))
        resp = by_review.get(rid) or answers.get(_rel_id(r, "response"))
        ra = resp["attributes"] if resp else {}
        nick = as_id(a.get("reviewerNickname"))
        items.append(Review(
            where=where, review_id=rid, created=as_text(a.get("createdDate")) or None,
            text=_joined(as_text(a.get("title")), as_text(a.get("body"))), stars=a.get("rating"),
            author_id=nick, author_name=nick, location=as_id(a.get("territory")),
            reply_text=as_text(ra.get("responseBody")), reply_created=as_text(ra.get("lastModifiedDate")) or None,
            has_reply=resp is not None))
    linked = {_rel_id(r, "response") for _, r in reviews} | {as_id(r.get("id")) for _, r in reviews}
    unlinked = [i for i, x in answers.items() if i not in linked and _rel_id(x, "review") not in linked]
    if unlinked:
        opts.tracker.warnings.append(f"{len(unlinked)} developer response(s) in 'included' answer reviews that "
                                     "are not in the file; they were left out")
    frame = _frame(items, opts, "rating", opts.owner(platform=PLATFORM))
    if junk:
        opts.tracker.rows_in += len(junk)
        opts.tracker.skip("not an App Store review", len(junk), [w for w, _ in junk[:5]])
    return frame


APP_STORE = Format(detect_app_store, parse_app_store)


class _Either:
    """One format name for a layout that comes as a table and as JSON (Trustpilot): the loader
    asks ``detect`` with headers (a list of names) or with the parsed JSON."""

    PLATFORM = PLATFORM
    REQUIRED = TRUSTPILOT_TABLE.REQUIRED

    def __init__(self, table: Format, json: Format) -> None:
        self.table, self.json = table, json

    def detect(self, x: Any) -> bool:
        if isinstance(x, list) and x and all(isinstance(h, str) for h in x):
            return self.table.detect(x)
        return self.json.detect(x)

    def parse(self, x: Any, opts: Options) -> pd.DataFrame:
        return self.table.parse(x, opts) if isinstance(x, pd.DataFrame) else self.json.parse(x, opts)


TRUSTPILOT = _Either(TRUSTPILOT_TABLE, TRUSTPILOT_JSON)

TABLE_FORMATS = {"google_play": GOOGLE_PLAY, "trustpilot": TRUSTPILOT}
"""Review exports read as tables (CSV, Excel), by format name."""
JSON_FORMATS = {"trustpilot": TRUSTPILOT, "app_store": APP_STORE}
"""Review exports read as JSON, by format name (tried before ``records``)."""
