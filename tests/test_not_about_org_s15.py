"""A file that is not about the organisation is said to be so (session 15).

A Reddit thread on a personal matter loaded as "r-self" was summarised as 52 complaints to
r-self, with no word that nothing in it is written by or to the organisation. When the file has
no message by the organisation and none of the public's messages names it either, the customer
care sentence now asks the learner to check the file is about the organisation.
"""
from __future__ import annotations

import pandas as pd

import smlib

DAYS = ["2024-03-11", "2024-03-12", "2024-03-13"]


def _load(tmp_path, texts, name="acme-shop.csv", **kw):
    rows = [{"id": f"c{i}", "date": f"{DAYS[i % 3]}T10:00:00Z", "author": f"@person{i}", "text": t}
            for i, t in enumerate(texts)]
    path = tmp_path / name
    pd.DataFrame(rows).to_csv(path, index=False)
    ds = smlib.load(path, **kw)
    return ds, smlib.monitor(smlib.enrich(ds), days=DAYS)


OFF_TOPIC = ["My grandad died last week and I miss him", "Sorry for your loss, it gets easier",
             "I lost my dog too, it was awful"]


def test_nobody_names_the_organisation(tmp_path):
    ds, res = _load(tmp_path, OFF_TOPIC, org="acme-shop", org_handles=["@AcmeShop"])
    assert res["meta"]["org_in_file"] is False and res["meta"]["org_addressed"] == 0
    text = smlib.describe_activity(res)
    assert "Not one of them names" in text and "check that this file is about the organisation" in text


def test_messages_to_the_organisation_get_no_such_note(tmp_path):
    """Guard: the public's messages to it (airline-style, no reply of its own in the file)."""
    texts = ["@AcmeShop my parcel is late", "acmeshop where is my refund?", "Thanks @acmeshop!"]
    ds, res = _load(tmp_path, texts, org="acme-shop", org_handles=["@AcmeShop"])
    assert res["meta"]["org_addressed"] == 3
    assert "check that this file is about" not in smlib.describe_activity(res)


def test_named_by_its_profile_name(tmp_path):
    """A sample organisation's name in words counts as naming it ("Northway Rail")."""
    ds, res = _load(tmp_path, ["Northway Rail lost my bag", "so cold today", "nice weather"],
                    org="northway-rail")
    assert res["meta"]["org_addressed"] == 1


def test_unnamed_organisation_is_not_judged(tmp_path):
    """Guard: an export that does not say whose it is ("this organisation", YouTube comments on
    its own video) gives nothing to look for, so no note."""
    ds, res = _load(tmp_path, OFF_TOPIC, name="commentThreads.csv")
    assert res["meta"]["org_addressed"] is None
    assert "check that this file is about" not in smlib.describe_activity(res)


def test_a_mention_review_or_private_message_is_to_the_organisation(tmp_path):
    """Guard: what the data says a message is (a mention of the organisation, a review of it, a
    private message to it) is addressed to it even when the text does not name it."""
    import smlib.metrics as m
    frame = pd.DataFrame({"kind": ["mention", "review", "message", "comment"],
                          "text": ["my train is late", "awful", "hi", "sad news"]})
    assert m._addressing(frame, ["@AcmeShop"], None) == 3
    assert m._addressing(frame, [], None) == 3
    assert m._addressing(frame.iloc[3:], [], None) is None


def test_organisation_in_the_file_is_not_judged(tmp_path):
    rows = [{"id": "p1", "date": f"{DAYS[0]}T09:00:00Z", "author": "@AcmeShop", "text": "Our new range"},
            {"id": "c1", "date": f"{DAYS[0]}T10:00:00Z", "author": "@person1", "text": "Lovely"}]
    path = tmp_path / "acme.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    res = smlib.monitor(smlib.enrich(smlib.load(path, org_handles=["@AcmeShop"])), days=[DAYS[0]])
    assert res["meta"]["org_addressed"] is None
