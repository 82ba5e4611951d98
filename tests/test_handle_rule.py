"""One rule for "is this handle the same account", everywhere: :func:`smlib.privacy.handle_key`
(Unicode folded: full-width letters and "＠"; spaces around; leading "@"; case).

Each test gives one place that compares handles a handle written in another form than the
profile's or the data's (full-width ``＠ＮｏｒｔｈｗａｙＲａｉｌ``, ``NorthwayRail `` with a space,
another case) and checks the answer that place gives. Every test failed on the code before
the places used :func:`handle_key` (each compared ``h.lstrip("@").lower()`` or similar).
"""
from __future__ import annotations

import pandas as pd

import smlib
from smlib.privacy import handle_key, person_keys
from smlib.schema import Profile

FULL_WIDTH = "ＮｏｒｔｈｗａｙＲａｉｌ"          # "NorthwayRail" typed on a full-width keyboard


# ----------------------------------------------------------------------------- the rule itself
def test_the_rule_folds_full_width_spaces_at_and_case():
    from smlib.privacy import handle_keys, matches_handles   # the shared helpers (new)
    forms = ["@NorthwayRail", "northwayrail", " NorthwayRail ", "＠" + FULL_WIDTH, FULL_WIDTH,
             "\u3000@NORTHWAYRAIL\u00a0"]
    assert {handle_key(f) for f in forms} == {"northwayrail"}
    assert set(person_keys(pd.Series(forms))) == {"northwayrail"}
    assert handle_keys(forms + [None, "", " "]) == {"northwayrail"}
    assert matches_handles(pd.Series(forms + ["jo_b", None]), ["@NorthwayRail"]).tolist() == \
        [True] * len(forms) + [False, False]


# ----------------------------------------------------------------------------- loaders/twcs.py
TWCS_HEADER = "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"


def _twcs(tmp_path, rows: list[str]):
    p = tmp_path / "twcs.csv"
    p.write_text(TWCS_HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return p


def test_twcs_org_handles_find_a_full_width_brand_author(tmp_path):
    """org_handles=["@SpotifyCares"], the brand's tweets written by "ＳｐｏｔｉｆｙＣａｒｅｓ": its
    own tweet that starts a conversation is its post (was a customer 'mention', because the
    parser compared handles without folding and only the final step folded them)."""
    p = _twcs(tmp_path, [
        '1,ＳｐｏｔｉｆｙＣａｒｅｓ,True,Tue Oct 31 22:10:47 +0000 2017,New playlist out now,2,',
        '2,115712,True,Tue Oct 31 22:11:47 +0000 2017,@SpotifyCares love it,,1',
    ])
    ds = smlib.load(p, org_handles=["@SpotifyCares"])
    f = ds.interactions.set_index("message_id")
    assert f.loc["1", "author_is_org"] and not f.loc["2", "author_is_org"]
    assert f.loc["1", "kind"] == "post"          # was "mention"
    assert f.loc["2", "kind"] == "reply"


def test_twcs_brand_and_its_mentions_are_one_organisation(tmp_path):
    """The brand writes as "ＳｐｏｔｉｆｙＣａｒｅｓ" (inbound False) and a customer @mentions
    "@SpotifyCares": one organisation "spotifycares" (was two: "ｓｐｏｔｉｆｙｃａｒｅｓ" for
    the brand and "spotifycares" for the customer, found by its first word @mention)."""
    p = _twcs(tmp_path, [
        '1,115712,True,Tue Oct 31 22:10:47 +0000 2017,@SpotifyCares my playlist vanished,,',
        '2,ＳｐｏｔｉｆｙＣａｒｅｓ,False,Tue Oct 31 22:20:47 +0000 2017,Sorry to hear that!,,',
        '3,115713,True,Tue Oct 31 22:30:47 +0000 2017,hey ＠ＳＰＯＴＩＦＹＣＡＲＥＳ @friend app down?,,',
    ])
    ds = smlib.load(p)
    f = ds.interactions.set_index("message_id")
    assert f["org"].astype(str).to_dict() == {"1": "spotifycares", "2": "spotifycares", "3": "spotifycares"}
    assert f.loc["2", "author_is_org"] and not f.loc["1", "author_is_org"]


def test_twcs_mention_with_a_full_width_underscore_finds_the_brand(tmp_path):
    """"@Ｕｂｅｒ＿Ｓｕｐｐｏｒｔ" (full-width letters and "＿", which ``re`` does not count as a word
    character) is the brand Uber_Support: organisation "uber_support" (was "uber", a brand that
    does not exist, from the mention cut at the "＿")."""
    p = _twcs(tmp_path, [
        '1,Uber_Support,False,Tue Oct 31 22:10:47 +0000 2017,Your ride is on its way,,',
        '2,115712,True,Tue Oct 31 22:20:47 +0000 2017,@Ｕｂｅｒ＿Ｓｕｐｐｏｒｔ @friend driver never came,,',
    ])
    f = smlib.load(p).interactions.set_index("message_id")
    assert f["org"].astype(str).to_dict() == {"1": "uber_support", "2": "uber_support"}


# ----------------------------------------------------------------------------- privacy.pseudonymise
def _frame(rows: list[tuple[str, bool, str]]) -> pd.DataFrame:
    return pd.DataFrame({"message_id": [str(i) for i in range(len(rows))],
                         "author_id": [a for a, _, _ in rows], "author_name": [a for a, _, _ in rows],
                         "author_is_org": [o for _, o, _ in rows], "text": [t for _, _, t in rows]})


def test_pseudonymise_keeps_the_org_mentioned_in_full_width():
    """The organisation posts as "NorthwayRail"; a customer writes "@ＮｏｒｔｈｗａｙＲａｉｌ": the
    organisation's name stays readable (was turned into a customer pseudonym, because the
    mention was compared with ``.lower()`` and the organisation's names with handle_key)."""
    f = _frame([("NorthwayRail", True, "Sorry for the delay"),
                ("imogen84", False, "@" + FULL_WIDTH + " my train is late again")])
    out = smlib.pseudonymise(f)
    assert out.loc[1, "text"] == "@" + FULL_WIDTH + " my train is late again"
    # "＿" and "．" are "_" and ".": the whole handle is the organisation's
    g = _frame([("Uber_Support", True, "On its way"), ("imogen84", False, "@Ｕｂｅｒ＿Ｓｕｐｐｏｒｔ where is it")])
    assert smlib.pseudonymise(g).loc[1, "text"] == "@Ｕｂｅｒ＿Ｓｕｐｐｏｒｔ where is it"
    # and with the organisation known only from the profile (keep=), as notebook 02 does
    cust = smlib.pseudonymise(f[~f["author_is_org"]], keep=["@NorthwayRail"])
    assert cust["text"].iloc[0] == "@" + FULL_WIDTH + " my train is late again"


def test_pseudonymise_hides_customers_written_in_full_width():
    """"＠janedoe" (full-width at sign) is an @mention of the customer janedoe: it becomes her
    pseudonym (was left as it was: "＠" was not read as "@", and "janedoe" is an ordinary word,
    not looked for without its "@"). "ｊｏ_ｂ" written out in full-width letters is the customer
    jo_b (was left as it was: the written-out lookup used ``.lower()``, the keys handle_key)."""
    f = _frame([("NorthwayRail", True, "Sorry for the delay"),
                ("janedoe", False, "late again"),
                ("jo_b", False, "me too"),
                ("imogen84", False, "same here ＠janedoe, and ask ｊｏ_ｂ too")])
    out = smlib.pseudonymise(f)
    jane, jo = smlib.privacy.pseudonym("janedoe"), smlib.privacy.pseudonym("jo_b")
    assert out.loc[1, "author_id"] == jane and out.loc[2, "author_id"] == jo
    assert out.loc[3, "text"] == f"same here @{jane}, and ask {jo} too"
    # all in full-width, "＿" included (not a word character to re): still jo_b
    g = _frame([("jo_b", False, "me too"), ("imogen84", False, "ｊｏ＿ｂ said so")])
    assert smlib.pseudonymise(g).loc[1, "text"] == f"{jo} said so"


# ----------------------------------------------------------------------------- priority.py
def _praise_frame(org_author: str) -> pd.DataFrame:
    return pd.DataFrame({
        "org": "northway-rail", "platform": "x", "message_id": ["1", "2"], "parent_id": [None, None],
        "thread_id": ["1", "2"],
        "created_at": pd.to_datetime(["2026-10-20 09:00", "2026-10-20 10:00"], utc=True),
        "author_id": [org_author, "imogen84"], "author_name": [org_author, "imogen84"],
        "author_is_org": [True, False], "kind": ["post", "mention"],
        "text": ["Trains are running normally", "@NorthwayRail you were brilliant today"]})


def test_priority_praise_to_the_org_with_a_full_width_own_account():
    """The business posts as "＠ＮｏｒｔｈｗａｙＲａｉｌ"; "@NorthwayRail you were brilliant today" is
    praise to thank (was no action: the business's own handle was taken for someone else the
    customer tagged, so "you" meant a friend)."""
    out = smlib.prioritise(_praise_frame("＠" + FULL_WIDTH))
    assert out.loc[1, "category"] == "needs_action"
    assert out.loc[1, "reasons"] == ["+5 praise or a review to thank the customer for (brilliant)"]


def test_priority_praise_to_the_org_named_with_a_space_in_the_profile():
    """A profile built in code says x = "@NorthwayRail " with a trailing space: the same answer
    (was no action, "northwayrail " not being "northwayrail")."""
    profile = Profile(slug="northway-rail", name="Northway Rail", handles={"x": "@NorthwayRail "})
    out = smlib.prioritise(_praise_frame("Northway Rail"), profile=profile)
    assert out.loc[1, "category"] == "needs_action"
    assert out.loc[1, "priority"] == 5


# ----------------------------------------------------------------------------- security.py
NR_PROFILE = Profile(slug="northway-rail", name="Northway Rail", handles={"x": "@NorthwayRail"})


def _security_frame(author_id: str, author_name: str) -> pd.DataFrame:
    return pd.DataFrame({
        "org": "northway-rail", "platform": "x", "message_id": ["1"], "parent_id": [None],
        "thread_id": ["1"], "created_at": pd.to_datetime(["2026-10-20 09:00"], utc=True),
        "author_id": [author_id], "author_name": [author_name], "author_is_org": [False],
        "kind": ["mention"], "text": ["Please DM us your booking reference and we'll sort this"]})


def test_security_the_real_account_written_otherwise_is_not_a_fake():
    """A row by the organisation's own account that the data did not mark as the organisation's,
    its handle written "＠ＮｏｒｔｈｗａｙＲａｉｌ" or "NorthwayRail " (profile "@NorthwayRail"): no
    'fake account' (was flagged: "is spelt like the real one with different characters")."""
    for aid in ("＠" + FULL_WIDTH, "NorthwayRail "):
        found = smlib.find_security_risks(_security_frame(aid, aid), NR_PROFILE)
        assert found.empty, (aid, found["reason"].tolist())
    # the real account's handle decides, whatever display name it shows
    found = smlib.find_security_risks(_security_frame("@NORTHWAYRAIL", "Northway Rail"), NR_PROFILE)
    assert found.empty


def test_security_a_full_width_display_name_on_another_account_is_still_a_fake():
    """Guard (also true before): another account showing the brand's name in full-width letters
    is an impostor's trick, and is flagged; only the account's handle is folded."""
    found = smlib.find_security_risks(_security_frame("rail_refunds_4u", FULL_WIDTH), NR_PROFILE)
    assert found["risk_types"].tolist() == [["fake account"]]
    assert f"the name '{FULL_WIDTH}' is spelt like the real one" in found.iloc[0]["reason"]


# ----------------------------------------------------------------------------- metrics.py
def test_metrics_org_handles_keep_a_profile_handle_typed_with_a_space():
    """A profile built in code says x = "@NorthwayRail " (a trailing space; Profile.from_dict
    kept it too before 'schema: ... stripped'). org_handles gives "@NorthwayRail", and the P3
    complaint examples show "@NorthwayRail"
    (was []: the handle was dropped as "a name of several words", so the organisation became
    the customer pseudonym "@user-d2eabf" in the examples and in notebook 02)."""
    from smlib.schema import Dataset, conform_interactions
    profile = Profile(slug="northway-rail", name="Northway Rail", handles={"x": "@NorthwayRail "})
    f = conform_interactions(pd.DataFrame({
        "org": "northway-rail", "platform": "x", "message_id": ["1", "2", "3"],
        "created_at": pd.to_datetime(["2026-10-20 09:00", "2026-10-20 10:00", "2026-10-21 10:00"], utc=True),
        "author_id": ["imogen84", "jo_b", "sam_t"], "author_name": ["imogen84", "jo_b", "sam_t"],
        "author_is_org": False, "kind": "mention",
        "text": ["@NorthwayRail my train is late again, awful service",
                 "@NorthwayRail cancelled again, terrible", "@NorthwayRail what time is the first train?"]}))
    ds = Dataset(interactions=f, profile=profile)
    assert smlib.metrics.org_handles(ds) == ["@NorthwayRail"]
    texts = smlib.monitor(ds)["complaint_examples"]["text"].tolist()
    assert sorted(texts) == ["@NorthwayRail cancelled again, terrible",
                             "@NorthwayRail my train is late again, awful service"]


# ----------------------------------------------------------------------------- schema.py
def test_schema_profile_handles_are_read_stripped():
    """A tutor types x = "@NorthwayRail " or a full-width "＠ＮｏｒｔｈｗａｙＲａｉｌ" with an
    ideographic space in a profile TOML: the profile holds "@NorthwayRail" (was kept with its
    space, which the sample generator then writes into the organisation's author ids and
    messages: generate.py uses profile.handles as they are)."""
    for typed in ("@NorthwayRail ", "＠" + FULL_WIDTH + "\u3000", " @NorthwayRail"):
        profile = Profile.from_dict({"slug": "northway-rail", "name": "Northway Rail", "handles": {"x": typed}})
        assert profile.handles == {"x": "@NorthwayRail"}, typed


def test_metrics_a_question_after_a_full_width_mention_is_a_question():
    """P3 stakeholder feedback: "＠ＫｅｌｂｙＣｏｕｎｃｉｌ how do I report a pothole" (no "?") starts
    with a question word once the @mention is skipped, as "@KelbyCouncil how do I ..." does:
    2 questions (was 1: the mention was skipped only when written with an ASCII "@" and \\w)."""
    from smlib.schema import Dataset, conform_interactions
    f = conform_interactions(pd.DataFrame({
        "org": "kelby-council", "platform": "x", "message_id": ["1", "2"],
        "created_at": pd.to_datetime(["2026-10-20 09:00", "2026-10-20 10:00"], utc=True),
        "author_id": ["imogen84", "jo_b"], "author_name": ["imogen84", "jo_b"],
        "author_is_org": False, "kind": "mention",
        "text": ["@KelbyCouncil how do I report a pothole",
                 "＠ＫｅｌｂｙＣｏｕｎｃｉｌ how do I report a pothole"]}))
    res = smlib.monitor(Dataset(interactions=f))
    assert res["headline"]["questions"] == 2
