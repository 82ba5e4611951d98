"""One person, one pseudonym: authors and @mentions are keyed on the same normalised handle.

Found by a privacy audit: an author's pseudonym was made from their raw ``author_id``
(``@ImogenM84``) and an @mention of them from the lower-case handle without "@", so a learner
saw one customer as two people. Also: the organisation's own handle (``@NorthwayRail``) became
a pseudonym when ``pseudonymise`` was called without ``keep=``.
"""
from __future__ import annotations

import pandas as pd
import pytest

import smlib
from smlib import reportview as rv
from smlib.privacy import pseudonym, pseudonymise


def _chat() -> pd.DataFrame:
    return pd.DataFrame({
        "author_id": ["@ImogenM84", "UPPER_LEAKER", "@AcmeShop", "@sam_k"],
        "author_name": ["Imogen M", "Upper Leaker", "Acme Shop", "Sam K"],
        "author_is_org": [False, False, True, False],
        "text": ["@AcmeShop my parcel never came",
                 "same here @imogenm84, and see x.com/ImogenM84 for her photos",
                 "@ImogenM84 @upper_leaker sorry, DM us",
                 "@IMOGENM84 @Upper_Leaker @acmeshop any news?"]})


def test_author_and_mention_of_the_same_person_share_a_pseudonym():
    out = pseudonymise(_chat())
    imogen, upper = out.loc[0, "author_id"], out.loc[1, "author_id"]
    assert imogen.startswith("user-") and upper.startswith("user-") and imogen != upper
    assert out.loc[1, "text"].startswith(f"same here @{imogen},")          # mentioned by a customer
    assert f"x.com/{imogen} " in out.loc[1, "text"]                          # in a profile address
    assert out.loc[2, "text"] == f"@{imogen} @{upper} sorry, DM us"          # replied to by the org
    assert out.loc[3, "text"] == f"@{imogen} @{upper} @acmeshop any news?"   # any case


@pytest.mark.parametrize("variants", [("@ImogenM84", "imogenm84", "IMOGENM84", " @imogenm84 "),
                                      ("UPPER_LEAKER", "@upper_leaker", "Upper_Leaker")])
def test_case_and_at_sign_variants_are_one_pseudonym(variants):
    assert len({pseudonym(v) for v in variants}) == 1
    df = pd.DataFrame({"author_id": list(variants), "author_is_org": False,
                       "text": [f"hi @{str(v).strip().lstrip('@')}" for v in variants]})
    out = pseudonymise(df)
    assert out["author_id"].nunique() == 1
    assert set(out["text"]) == {"hi @" + out.loc[0, "author_id"]}


def test_numeric_ids_are_left_as_they_are():
    # a numeric id cannot be matched with a handle (and is not meant to be)
    assert pseudonym("100004000722771") == pseudonym(" 100004000722771") != pseudonym("@100004000722771x")
    assert pseudonym(12345) == pseudonym("12345")


def test_the_staff_copy_maps_back_to_the_handle_as_posted():
    raw = _chat()
    shown = pseudonymise(raw)
    real = rv.handle_map(raw)
    back = rv.reveal_frame(shown, real)
    assert back["author_id"].tolist() == raw["author_id"].tolist()
    # a mention shows the handle once, with one "@", and a profile address keeps its form
    assert back.loc[1, "text"] == "same here @ImogenM84, and see x.com/ImogenM84 for her photos"
    assert back.loc[2, "text"] == "@ImogenM84 @UPPER_LEAKER sorry, DM us"
    assert back.loc[3, "text"] == "@ImogenM84 @UPPER_LEAKER @acmeshop any news?"
    assert "user-" not in " ".join(back["text"])


def test_sample_data_an_org_reply_names_the_customer_it_answers():
    ds = smlib.load_sample("northway-rail")
    inter = ds.interactions
    cust = inter.loc[~inter["author_is_org"].astype(bool)].iloc[0]
    org = inter.loc[inter["author_is_org"].astype(bool)].iloc[0]
    handle = str(cust["author_id"])
    assert handle.startswith("@") and handle != handle.lower()  # e.g. '@ConnorNolan'
    reply = org.copy()
    reply["text"] = f"{handle.lower()} sorry to hear that, please DM us"
    both = pd.DataFrame([cust, reply]).reset_index(drop=True)
    out = pseudonymise(both)
    assert out.loc[1, "text"].startswith("@" + out.loc[0, "author_id"] + " ")


def test_org_handle_kept_without_keep():
    ds = smlib.load_sample("northway-rail")
    inter = ds.interactions
    out = pseudonymise(inter)
    cust = ~inter["author_is_org"].astype(bool)
    had = inter.loc[cust, "text"].fillna("").str.contains("@NorthwayRail", regex=False)
    assert had.sum() > 10
    assert out.loc[had[had].index, "text"].str.contains("@NorthwayRail", regex=False).all()
    df = _chat()
    assert pseudonymise(df).loc[0, "text"] == "@AcmeShop my parcel never came"


def test_org_named_in_full_after_the_at_sign_is_kept():
    ds = smlib.load_sample("kelby-council")
    inter = ds.interactions
    had = inter["text"].fillna("").str.contains("@Kelby Borough Council", regex=False)
    assert had.any()
    for keep in ((), tuple(ds.profile.handles.values())):
        out = pseudonymise(inter, keep=keep)
        assert out.loc[had, "text"].str.contains("@Kelby Borough Council", regex=False).all()
    # a customer whose handle only starts like the organisation's name is still pseudonymised
    df = pd.DataFrame({"author_id": ["Kelby Borough Council", "@kelby"], "author_is_org": [True, False],
                       "author_name": ["Kelby Borough Council", "Kel B"],
                       "text": ["thanks", "@Kelby Borough Councillors and @Kelby"]})
    text = pseudonymise(df).loc[1, "text"]
    assert text == f"@{pseudonym('kelby')} Borough Councillors and @{pseudonym('kelby')}"


def test_counts_of_people_count_one_person_once_whatever_the_case(tmp_path):
    """The users count counted '@Jane', 'jane' and 'JANE ' (one account) as three people, while the
    learners' pseudonymised table showed one: every count of people now uses the same key."""
    p = tmp_path / "jane.csv"
    p.write_text("platform,date,author,text,location\n"
                 "x,2026-03-02 09:00,@Jane,Train late again,Leeds\n"
                 "x,2026-03-02 09:30,jane,Still late. Awful,Leeds\n"
                 "x,2026-03-02 10:00,JANE ,Worst service ever,Leeds\n"
                 "x,2026-03-02 10:30,@sam_k,Where is my refund?,Leeds\n"
                 "x,2026-03-01 10:30,@Sam_K,Hello?,Leeds\n", encoding="utf-8")
    ds = smlib.load(p)
    assert ds.interactions["author_id"].nunique() == 5                  # as written in the file
    res = smlib.monitor(ds, ["2026-03-02"])
    users = res["users"].set_index("platform")
    assert users.loc["x", "users"] == 2
    assert (users.loc["x", "new_users"], users.loc["x", "returning_users"]) == (1, 1)   # Sam came back
    assert res["daily"]["users"].tolist() == [2]
    assert res["message_locations"].set_index("location").loc["Leeds", "users"] == 2
    shown = pseudonymise(ds.interactions.head(4))["author_id"].nunique()
    assert shown == users.loc["x", "users"]                             # what learners see agrees
    from smlib.tools import _basic_headline        # the P4 views' headline when monitor is not used
    assert _basic_headline(ds, ["2026-03-02"])["unique_users"] == 2


@pytest.mark.parametrize("variants", [("@Ｊａｎｅ＿Ｂ", "@jane_b", "JANE_B"),                 # full-width (phone keyboards)
                                      ("@zoe\u0301", "@zoé", "ZOÉ")])                   # accent typed apart (Mac)
def test_one_person_in_another_unicode_form_is_one_pseudonym_and_one_person(variants):
    assert len({pseudonym(v) for v in variants}) == 1
    from smlib.privacy import person_keys
    assert person_keys(pd.Series([*variants, None])).nunique() == 1


def test_an_export_author_in_another_unicode_form_is_the_organisation(tmp_path):
    """The profile handle was folded (77d2bef) but the export's authors were not: an author typed
    with the accent apart, or in full-width letters, was counted as a customer."""
    p = tmp_path / "cafe.csv"
    p.write_text("date,author,text\n2026-03-02 09:00,@cafe\u0301creme,New menu today\n"
                 "2026-03-02 09:05,@ＣＡＦÉＣＲＥＭＥ,Open until 6\n2026-03-02 09:10,@sam,Lovely\n",
                 encoding="utf-8")
    ds = smlib.load(p, org_handles=["@CaféCreme"])
    assert ds.interactions["author_is_org"].tolist() == [True, True, False]


def test_a_fake_account_in_full_width_letters_is_still_a_fake_account():
    ds = smlib.load_sample("northway-rail")
    rows = ds.interactions.head(2).copy()
    rows["author_is_org"] = False
    rows["author_id"] = ["@ＮｏｒｔｈｗａｙＲａｉｌＨｅｌｐ", "@someone"]
    rows["author_name"] = ["ＮｏｒｔｈｗａｙＲａｉｌ Ｈｅｌｐ", "Some One"]
    rows["text"] = ["DM us to get a refund"] * 2
    found = smlib.find_security_risks(ds.replace(interactions=rows))
    assert len(found) == 1 and "looks like a fake Northway Rail account" in found["reason"].iloc[0]
