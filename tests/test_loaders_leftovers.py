"""Loader gaps left over from earlier rounds, each with a small synthetic input (no real data).

1. review records (a star rating per row) came in as platform ``other``, kind ``comment``;
2. the organisation was named after a generic export file name (``commentthreads``, ``reviews``);
3. a Mastodon API statuses list of one account marked none of its posts as the organisation's;
4. deleted or missing authors all got the same author id, so they were counted as one person.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

import smlib

from _loader_checks import check_summary, utc


def _jsonl(path, records) -> None:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")


# ── 1. reviews ────────────────────────────────────────────────────────────────────────────
REVIEWS = [
    {"id": "r1", "rating": 2, "text": "Cold food and nobody answered the phone", "date": "2026-03-02T10:00:00Z",
     "author": "Jo"},
    {"id": "r2", "rating": 5, "text": "Lovely staff, quick service", "date": "2026-03-02T11:00:00Z",
     "author": "Sam"},
]


@pytest.mark.parametrize("key", ["rating", "stars", "starRating"])
def test_json_lines_reviews_are_platform_reviews_and_kind_review(tmp_path, key):
    """JSON Lines with a star rating loaded as platform 'other', kind 'comment'."""
    p = tmp_path / "acme_reviews.jsonl"
    _jsonl(p, [{(key if k == "rating" else k): v for k, v in r.items()} for r in REVIEWS])
    ds = smlib.load(p)
    s = check_summary(ds)
    f = ds.interactions
    assert s["format"] == "records" and s["columns_used"]["rating"] == key
    assert f["platform"].astype(str).tolist() == ["reviews", "reviews"]
    assert f["kind"].astype(str).tolist() == ["review", "review"]
    assert f["rating"].tolist() == [2, 5] and str(f["rating"].dtype) == "Int64"
    assert s["platforms"] == ["reviews"]
    assert any("star rating" in w and "platform=" in w for w in s["warnings"])


def test_a_json_reviews_list_with_the_business_replies(tmp_path):
    """A Trustpilot-style list: the reviews are kind 'review', the business's answer (matched by
    org_handles, no rating) is a reply on the same platform, and a follow-up from the public
    under a review is a comment, not a second review."""
    p = tmp_path / "trust.json"
    p.write_text(json.dumps({"reviews": [
        {"id": "t1", "stars": 1, "text": "Parcel never arrived", "createdAt": "2026-03-01T09:00:00Z",
         "author": "ann"},
        {"id": "t2", "parent_id": "t1", "text": "Sorry Ann, we have sent a new one",
         "createdAt": "2026-03-01T10:00:00Z", "author": "AcmeShop"},
        {"id": "t3", "parent_id": "t1", "text": "It came today, thanks", "createdAt": "2026-03-03T10:00:00Z",
         "author": "ann"},
    ]}), encoding="utf-8")
    ds = smlib.load(p, org_handles=["AcmeShop"])
    check_summary(ds)
    f = ds.interactions.set_index("message_id")
    assert f["kind"].astype(str).to_dict() == {"t1": "review", "t2": "reply", "t3": "comment"}
    assert set(f["platform"].astype(str)) == {"reviews"}
    assert f["author_is_org"].to_dict() == {"t1": False, "t2": True, "t3": False}


def test_a_csv_with_a_rating_column_is_a_file_of_reviews(tmp_path):
    """The same reviews as a CSV with no platform column were platform 'other', kind 'comment'.
    Files with no rating value load as before: platform 'other', kind 'comment' (JSON Lines
    without the field, a CSV whose rating column is empty)."""
    p = tmp_path / "feedback.csv"
    p.write_text("date,author,stars,review\n2026-03-01 09:00,Ann,4,Good service\n"
                 "2026-03-01 10:00,Bob,1,Never arrived\n2026-03-01 11:00,Cy,,No stars given here\n",
                 encoding="utf-8")
    ds = smlib.load(p)
    check_summary(ds)
    f = ds.interactions
    assert f["platform"].astype(str).tolist() == ["reviews"] * 3
    assert f["kind"].astype(str).tolist() == ["review"] * 3
    assert f["rating"].tolist()[:2] == [4, 1] and pd.isna(f["rating"].iloc[2])
    plain = tmp_path / "plain.jsonl"
    _jsonl(plain, [{k: v for k, v in r.items() if k != "rating"} for r in REVIEWS])
    q = tmp_path / "empty_rating.csv"
    q.write_text("date,author,rating,text\n2026-03-01 09:00,Ann,,Hello there\n", encoding="utf-8")
    for path, n in ((plain, 2), (q, 1)):
        g = smlib.load(path).interactions
        assert g["platform"].astype(str).tolist() == ["other"] * n
        assert g["kind"].astype(str).tolist() == ["comment"] * n


def test_a_platform_column_or_argument_still_decides_in_a_rated_file(tmp_path):
    """A platform column keeps its values (a blank cell on a rated row is a review site), and
    platform= wins over the guess, without the note."""
    p = tmp_path / "mixed.csv"
    p.write_text("date,author,rating,text,platform\n2026-03-01 09:00,Ann,4,Good service,Trustpilot\n"
                 "2026-03-01 10:00,Bob,1,Never arrived,\n2026-03-01 11:00,Cy,,@shop where is it,Twitter\n",
                 encoding="utf-8")
    ds = smlib.load(p)
    check_summary(ds)
    f = ds.interactions
    assert f["platform"].astype(str).tolist() == ["reviews", "reviews", "x"]
    assert f["kind"].astype(str).tolist() == ["review", "review", "comment"]
    q = tmp_path / "fb.csv"
    q.write_text("date,author,rating,text\n2026-03-01 09:00,Ann,5,Recommended\n", encoding="utf-8")
    ds = smlib.load(q, platform="facebook")
    assert ds.interactions["platform"].astype(str).tolist() == ["facebook"]
    assert ds.interactions["kind"].astype(str).tolist() == ["review"]
    assert not any("star rating" in w for w in ds.load_summary["warnings"])


# ── 2. which organisation ─────────────────────────────────────────────────────────────────
CSV = "date,author,text\n2026-03-02 09:00,@jo,Where is my parcel?\n2026-03-02 09:30,@sam,Great service today\n"
UNNAMED = "this organisation"


@pytest.mark.parametrize("name", ["commentThreads.csv", "tweets.csv", "sample.csv", "export (3).csv",
                                  "app_store_customer_reviews.csv",
                                  "youtube_comments_2024-03.csv", "Sprout Social Inbox 2026-03-01.csv"])
def test_a_generic_export_file_name_is_not_the_organisation(tmp_path, name):
    """The organisation was named after the file ('commentthreads', 'tweets', 'sample',
    'export-3'); now it is 'this organisation', and the summary says how to name it."""
    p = tmp_path / name
    p.write_text(CSV, encoding="utf-8")
    ds = smlib.load(p)
    s = check_summary(ds)
    assert ds.interactions["org"].astype(str).tolist() == [UNNAMED] * 2
    assert ds.org == UNNAMED and ds.name == UNNAMED
    assert any("names the organisation" in w and "org=" in w and name in w for w in s["warnings"])


def test_a_file_named_for_the_organisation_keeps_its_name_and_says_so(tmp_path):
    """A name with a word no export uses is kept as before, now with a note saying where it came from;
    org= wins without a note; a folder's name is never used."""
    p = tmp_path / "Acme Coffee reviews.csv"
    p.write_text(CSV, encoding="utf-8")
    ds = smlib.load(p)
    # (since session 12 without the export words: 'reviews' is what the file holds, not who)
    assert ds.interactions["org"].astype(str).tolist() == ["acme-coffee"] * 2
    assert any("after the file's name" in w and "org=" in w for w in ds.load_summary["warnings"])
    ds = smlib.load(p, org="acme")
    assert ds.org == "acme" and not any("org=" in w for w in ds.load_summary["warnings"])
    (tmp_path / "acme-coffee").mkdir()
    q = tmp_path / "acme-coffee" / "comments.csv"
    q.write_text(CSV, encoding="utf-8")
    assert smlib.load(q).org == UNNAMED


def test_an_archive_whose_owner_is_not_named_is_not_called_archive_owner(tmp_path):
    """An X archive with no account.js and no org_handles was organisation 'archive-owner' (the
    stand-in author of its posts); the owner's handle, when given, still names it."""
    p = tmp_path / "tweets.js"
    p.write_text('window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "Open late on Friday",'
                 ' "created_at": "Tue Mar 03 10:00:00 +0000 2026"}}]', encoding="utf-8")
    ds = smlib.load(p)
    check_summary(ds)
    assert ds.org == UNNAMED and ds.interactions["author_is_org"].tolist() == [True]
    assert any("names the organisation" in w for w in ds.load_summary["warnings"])
    ds = smlib.load(p, org_handles=["@AcmeCoffee"])
    assert ds.org == "acmecoffee" and not any("org=" in w for w in ds.load_summary["warnings"])


# ── 3. a Mastodon account's statuses ──────────────────────────────────────────────────────
def _status(sid: str, acct: str, text: str, reply_to: str | None = None, reblog: dict | None = None) -> dict:
    return {"id": sid, "created_at": f"2026-03-0{sid[-1]}T10:00:00.000Z", "in_reply_to_id": reply_to,
            "content": f"<p>{text}</p>", "visibility": "public", "reblog": reblog,
            "account": {"acct": acct, "username": acct.split("@")[0], "display_name": "Acme Coffee",
                        "url": f"https://social.example/@{acct}"},
            "replies_count": 0, "favourites_count": 2, "reblogs_count": 1, "media_attachments": []}


def _statuses_file(tmp_path, statuses) -> object:
    p = tmp_path / "mastodon_statuses.json"
    p.write_text(json.dumps(statuses), encoding="utf-8")
    return p


def test_one_accounts_mastodon_statuses_are_the_organisations(tmp_path):
    """/api/v1/accounts/:id/statuses of one account (a boost of someone else's post among them):
    none was marked author_is_org, so the account's own posts counted as the public's comments.
    As in outbox.json, the one account is the owner: posts and replies by the organisation."""
    boosted = _status("9", "jo@other.example", "Great coffee at Acme")
    p = _statuses_file(tmp_path, [_status("1", "acmecoffee", "Open late on Friday"),
                                  _status("2", "acmecoffee", "Yes, oat milk too", reply_to="77"),
                                  _status("3", "acmecoffee", "", reblog=boosted)])
    ds = smlib.load(p)
    s = check_summary(ds)
    f = ds.interactions.set_index("message_id")
    assert s["reasons"] == {"boost (reblog) of another post": 1}
    assert f["author_is_org"].to_dict() == {"1": True, "2": True}
    assert f["kind"].astype(str).to_dict() == {"1": "post", "2": "reply"}
    assert set(f["author_id"]) == {"@acmecoffee@social.example"} and ds.org == "acmecoffee"
    # named handles win: org_handles that do not name the one account (someone else's statuses,
    # saved to watch them) make its posts the public's; handles that name it mark them; a list of
    # several accounts is decided by the handles alone, as before
    one = _statuses_file(tmp_path, [_status("1", "jo@other.example", "Acme's coffee was cold"),
                                    _status("2", "jo@other.example", "Still cold today")])
    f = smlib.load(one, org_handles=["@acmecoffee@social.example"]).interactions
    assert not f["author_is_org"].any() and set(f["kind"].astype(str)) == {"comment"}
    f = smlib.load(one, org_handles=["jo@other.example"]).interactions
    assert f["author_is_org"].all()
    many = tmp_path / "timeline.json"
    many.write_text(json.dumps([_status("1", "acmecoffee", "Open late on Friday"),
                                _status("2", "jo@other.example", "@acmecoffee great!", reply_to="1")]))
    f = smlib.load(many).interactions
    assert not f["author_is_org"].any()
    f = smlib.load(many, org_handles=["acmecoffee"]).interactions
    assert f["author_is_org"].tolist() == [True, False]


# ── 4. deleted or missing authors ─────────────────────────────────────────────────────────
def _reddit_comment(cid: str, author: str, body: str) -> dict:
    return {"kind": "t1", "data": {"name": f"t1_{cid}", "id": cid, "author": author, "body": body,
                                   "created_utc": 1772445600 + int(cid[-1]) * 60, "parent_id": "t3_p1",
                                   "link_id": "t3_p1", "subreddit": "acme", "score": 1, "replies": ""}}


def test_deleted_reddit_authors_are_not_one_shared_author(tmp_path):
    """Pushshift-style and page JSON: comments whose account was deleted ('[deleted]') or
    removed kept the author '[deleted]', one shared id, so counts of people counted them as one.
    Their author is now empty (author_id '', author_name NA); a '[removed]' body is still
    counted as 'deleted or removed comment'."""
    post = {"kind": "t3", "data": {"name": "t3_p1", "id": "p1", "author": "AcmeShop", "title": "New menu",
                                   "selftext": "", "created_utc": 1772445600, "subreddit": "acme"}}
    page = [{"kind": "Listing", "data": {"children": [post]}},
            {"kind": "Listing", "data": {"children": [_reddit_comment("c1", "[deleted]", "Too pricey now"),
                                                      _reddit_comment("c2", "[deleted]", "Love the new soup"),
                                                      _reddit_comment("c3", "sam", "Open on Sunday?"),
                                                      _reddit_comment("c4", "[deleted]", "[removed]")]}}]
    p = tmp_path / "thread.json"
    p.write_text(json.dumps(page), encoding="utf-8")
    ds = smlib.load(p)
    s = check_summary(ds)
    f = ds.interactions.set_index("message_id")
    assert s["reasons"] == {"deleted or removed comment": 1}
    assert f["author_id"].to_dict() == {"t3_p1": "AcmeShop", "t1_c1": "", "t1_c2": "", "t1_c3": "sam"}
    assert f.loc[["t1_c1", "t1_c2"], "author_name"].isna().all()
    assert not f["author_id"].isin(["[deleted]", "[removed]", "unknown"]).any()


def test_comments_without_an_author_have_an_empty_author_not_unknown(tmp_path):
    """YouTube comments with no author fields and a CSV with blank author cells got the shared
    author 'unknown', the same key as a real account called 'unknown'."""
    def thread(tid: str, text: str) -> dict:
        return {"kind": "youtube#commentThread", "id": tid, "snippet": {"topLevelComment": {
            "kind": "youtube#comment", "id": tid, "snippet": {"textOriginal": text,
                                                              "publishedAt": "2026-03-02T10:00:00Z"}}}}
    p = tmp_path / "commentThreads.json"
    p.write_text(json.dumps({"kind": "youtube#commentThreadListResponse",
                             "items": [thread("Ug1", "Great video"), thread("Ug2", "Too loud")]}))
    f = smlib.load(p).interactions
    assert f["author_id"].tolist() == ["", ""] and f["author_name"].isna().all()
    q = tmp_path / "inbox.csv"
    q.write_text("date,author,text\n2026-03-02 09:00,unknown,I am the user called unknown\n"
                 "2026-03-02 09:05,,No name on this one\n2026-03-02 09:10,[deleted],Nor on this\n",
                 encoding="utf-8")
    ds = smlib.load(q)
    check_summary(ds)
    assert ds.interactions["author_id"].tolist() == ["unknown", "", ""]


def test_records_with_deleted_bodies_are_counted_as_the_reddit_readers_do(tmp_path):
    """A JSON Lines dump read as records kept '[removed]' and '[deleted]' as the text of two
    messages; the Reddit readers count such rows as 'deleted or removed comment'."""
    p = tmp_path / "dump.jsonl"
    _jsonl(p, [{"id": "1", "author": "jo", "text": "Where is my order?", "date": "2026-03-02T09:00:00Z"},
               {"id": "2", "author": "[deleted]", "text": "[removed]", "date": "2026-03-02T09:05:00Z"},
               {"id": "3", "author": "[deleted]", "text": " [deleted]", "date": "2026-03-02T09:06:00Z"},
               {"id": "4", "author": "[deleted]", "text": "still here", "date": "2026-03-02T09:07:00Z"}])
    ds = smlib.load(p)
    s = check_summary(ds)
    assert s["reasons"] == {"deleted or removed comment": 2} and s["examples"]["deleted or removed comment"]
    assert ds.interactions["message_id"].tolist() == ["1", "4"]
    assert ds.interactions["author_id"].tolist() == ["jo", ""]


# ── found while checking the above (fuzz seed 41) ─────────────────────────────────────────
def test_a_repeated_reply_without_conversation_ids_is_counted_not_a_crash(tmp_path):
    """An X API v2 page whose reply appears twice and some tweets lack conversation_id ended in
    pandas' InvalidIndexError ('Reindexing only valid with uniquely valued Index objects') from
    the thread step, outside any DataError. The repeat is now counted as a duplicate."""
    def tweet(tid: str, author: str, text: str, parent: str | None = None) -> dict:
        t = {"id": tid, "text": text, "created_at": f"2026-03-02T10:0{tid[-1]}:00.000Z", "author_id": author}
        return t | ({"referenced_tweets": [{"type": "replied_to", "id": parent}]} if parent else {})
    reply = tweet("12", "9", "@ann yes, until 6", parent="11")
    p = tmp_path / "search.json"
    p.write_text(json.dumps({"data": [tweet("11", "8", "Is the shop open today?"), reply, reply,
                                      dict(tweet("13", "8", "Thanks!", parent="12"), conversation_id="11")],
                             "includes": {"users": [{"id": "8", "username": "ann"}, {"id": "9", "username": "shop"}]}}))
    ds = smlib.load(p, org_handles=["shop"])
    s = check_summary(ds)
    assert s["reasons"] == {"duplicate message_id": 1}
    f = ds.interactions.set_index("message_id")
    assert f["thread_id"].to_dict() == {"11": "11", "12": "11", "13": "11"}


def test_is_handle_sees_handles_a_reader_adds_after_the_start(tmp_path):
    """Options.is_handle makes its keys once per list of handles (speed), so it must notice when a
    reader adds the owner it found in the file."""
    from smlib.loaders._options import Options
    from smlib.loaders._rows import Tracker
    o = Options(path=tmp_path / "x.json", tracker=Tracker(source="x"), handles=["@Shop"])
    assert o.is_handle("SHOP") and o.is_handle("＠ｓｈｏｐ") and not o.is_handle("other")
    o.handles.append("@Other")
    assert o.is_handle("other")
    o.handles = []
    assert not o.is_handle("shop")
