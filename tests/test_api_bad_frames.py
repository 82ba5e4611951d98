"""Analyses given tables a user built or changed by hand in a notebook (session 12 API review).

Every public analysis reads ``author_is_org`` and ``created_at`` the same way
(:func:`smlib.schema.analysis_frame`): text flags as they say, times as UTC, missing reply
columns filled; and refuses, with a :class:`smlib.DataError` naming the field, what it cannot
use (unreadable times, repeated messages), instead of a pandas error or a silently wrong count.
"""
from __future__ import annotations

import pandas as pd
import pytest

import smlib
from smlib.schema import analysis_frame, org_flags

ORG = "brightmart"


@pytest.fixture(scope="module")
def ds():
    if ORG not in smlib.list_organisations():
        pytest.skip("sample not available")
    return smlib.load_sample(ORG)


@pytest.fixture(scope="module")
def days(ds):
    return smlib.default_days(ds)


def test_org_flags_read_text_and_numbers_as_they_say():
    assert org_flags(pd.Series(["True", "false", None, 1, "no", " YES ", 0.0])).tolist() == [
        True, False, False, True, False, True, False]
    assert org_flags(pd.Series([True, pd.NA], dtype="boolean")).tolist() == [True, False]
    with pytest.raises(smlib.DataError, match="author_is_org.*maybe"):
        org_flags(pd.Series(["maybe", "True"]))


def test_a_text_flag_column_gives_the_same_figures_as_a_true_false_one(ds, days):
    """'False' as text was true to ``astype(bool)``: monitor counted every customer message as the
    business's (227 -> 0) and prioritise put all 2,642 rows under posted_by_business."""
    text = ds.replace(interactions=ds.interactions.assign(
        author_is_org=ds.interactions["author_is_org"].map({True: "True", False: "False"})))
    h0, h1 = smlib.monitor(ds, days)["headline"], smlib.monitor(text, days)["headline"]
    assert h1["customer_messages"] == h0["customer_messages"] > 0
    assert h1["users"] == h0["users"] and h1["negative"] == h0["negative"]
    c0 = smlib.prioritise(ds)["category"].value_counts()
    c1 = smlib.prioritise(text)["category"].value_counts()
    assert c1.to_dict() == c0.to_dict()


@pytest.mark.parametrize("flag", [float("nan"), "False", None, "no"])
def test_pseudonymise_treats_an_unknown_or_text_false_flag_as_a_customer(flag):
    """A NaN flag (pd.concat with a hand-typed table) or the text 'False' kept the customer's
    handle and name: ``astype(bool)`` made them the organisation."""
    f = pd.DataFrame({"author_id": ["@jane_doe84"], "author_name": ["Jane Doe"],
                      "author_is_org": pd.Series([flag], dtype=object), "text": ["my order never came"]})
    out = smlib.pseudonymise(f)
    assert out["author_id"].iloc[0].startswith("user-") and out["author_name"].iloc[0].startswith("user-")


def test_repeated_messages_are_refused_not_counted_twice(ds, days):
    """Two overlapping exports glued together: monitor said 450 messages instead of 410."""
    glued = pd.concat([ds.interactions, ds.interactions.head(40)], ignore_index=True)
    two = ds.replace(interactions=glued)
    for call in (lambda: smlib.monitor(two, days), lambda: smlib.prioritise(glued),
                 lambda: smlib.detect_crisis(glued), lambda: smlib.enrich(two),
                 lambda: smlib.add_response_times(glued), lambda: smlib.tool_coverage(two, days=days)):
        with pytest.raises(smlib.DataError, match="40 row.*repeat.*drop_duplicates"):
            call()


def test_unreadable_times_are_a_clear_error_everywhere(ds, days):
    f = ds.interactions.copy()
    f["created_at"] = f["created_at"].astype(object)
    f.loc[f.index[:30], "created_at"] = pd.NaT
    bad = ds.replace(interactions=f)
    for call in (lambda: smlib.monitor(bad, days), lambda: smlib.detect_crisis(f),
                 lambda: smlib.enrich(bad), lambda: smlib.prioritise(f),
                 lambda: smlib.add_response_times(f)):
        with pytest.raises(smlib.DataError, match="30 message.*created_at"):
            call()


@pytest.mark.parametrize("form", ["naive", "text"])
def test_times_without_a_zone_or_as_text_are_read_as_utc(ds, days, form):
    t = ds.interactions["created_at"].dt.tz_convert("UTC").dt.tz_localize(None)
    if form == "text":
        t = t.dt.strftime("%Y-%m-%d %H:%M:%S")
    other = ds.replace(interactions=ds.interactions.assign(created_at=t))
    assert smlib.default_days(other) == days
    assert smlib.monitor(other, days)["headline"] == smlib.monitor(ds, days)["headline"]
    a = smlib.tool_coverage(other, days=days)["share_seen"].tolist()
    assert a == smlib.tool_coverage(ds, days=days)["share_seen"].tolist()
    assert smlib.prioritise(other)["priority"].tolist() == smlib.prioritise(ds)["priority"].tolist()
    assert smlib.detect_crisis(other.interactions).periods["negative_messages"].tolist() == \
        smlib.detect_crisis(ds.interactions).periods["negative_messages"].tolist()


def test_missing_reply_columns_are_filled_not_a_key_error(ds):
    f = ds.interactions.drop(columns=["parent_id", "thread_id"])
    for call in (smlib.prioritise, smlib.detect_crisis, smlib.add_response_times,
                 lambda x: smlib.enrich(ds.replace(interactions=x))):
        call(f)      # no KeyError
    assert not smlib.add_response_times(f)["answered"].any()   # no reply links: none answered


def test_platform_names_typed_by_hand_are_the_catalogue_codes(ds, days):
    """platform 'twitter': Hootsuite was said to see 51% of messages instead of 87%."""
    odd = ds.interactions["platform"].astype(str).replace({"x": "Twitter", "facebook": "FB"})
    other = ds.replace(interactions=ds.interactions.assign(platform=odd))
    assert smlib.tool_coverage(other, days=days)["share_seen"].tolist() == \
        smlib.tool_coverage(ds, days=days)["share_seen"].tolist()
    assert str(smlib.view_through_tool(other, "hootsuite", days=days)) == \
        str(smlib.view_through_tool(ds, "hootsuite", days=days))


def test_security_risks_with_repeated_row_labels(ds):
    glued = pd.concat([ds.interactions.head(1000), ds.interactions.iloc[1000:2000]])
    glued.index = list(range(1000)) * 2
    assert len(smlib.find_security_risks(glued)) == len(
        smlib.find_security_risks(glued.reset_index(drop=True)))


@pytest.mark.parametrize("settings,field", [({"window": -3}, "window"), ({"window": 1}, "window"),
                                            ({"alpha": 0}, "alpha"), ({"alpha": 1.5}, "alpha"),
                                            ({"alpha": "0.01"}, "alpha"), ({"k": float("nan")}, "k"),
                                            ({"min_count": -5}, "min_count")])
def test_crisis_settings_are_checked(ds, settings, field):
    """window=-3 reported a month-long crisis with 'normal is about nan an hour'."""
    with pytest.raises(smlib.DataError, match=field):
        smlib.detect_crisis(ds.interactions, **settings)


def test_natural_slips_give_a_clear_error(ds):
    p = smlib.prioritise(ds)
    cases = [
        (lambda: smlib.explain_extremes(smlib.enrich(ds)), "Dataset"),
        (lambda: smlib.explain_extremes(p.assign(reasons=p["reasons"].map(str))), "reasons"),
        (lambda: smlib.describe_activity(ds.interactions), "monitor"),
        (lambda: smlib.view_through_tool(ds.replace(interactions=ds.interactions.drop(columns="author_is_org")),
                                         "hootsuite"), "author_is_org"),
        (lambda: smlib.prioritise(ds, now="yesterday"), "now"),
        (lambda: smlib.prioritise(ds, now=pd.NaT), "now"),
        (lambda: smlib.discover_themes(ds.interactions, top="5"), "top"),
        (lambda: smlib.recommend_tool(ds, weights=[3, 2, 1, 2, 1]), "weights"),
        (lambda: smlib.recommend_tool(ds, catalogue=smlib.load_tool_catalogue().iloc[0:0]), "no tools"),
        (lambda: analysis_frame(ds, "monitor"), "ds.interactions"),
    ]
    for call, words in cases:
        with pytest.raises(smlib.DataError, match=words):
            call()
    # numpy numbers are numbers
    import numpy as np
    smlib.recommend_tool(ds, weights={"cost": np.int64(3)})


def test_conflicting_sentiment_corrections_are_refused(ds):
    mid = str(ds.interactions["message_id"].iloc[0])
    plat = str(ds.interactions["platform"].iloc[0])
    corr = pd.DataFrame({"platform": [plat, plat], "message_id": [mid, mid],
                         "sentiment_label": ["positive", "negative"]})
    with pytest.raises(smlib.DataError, match="more than once.*rows 1, 2"):
        smlib.add_sentiment(ds.interactions.head(5), corrections=corr)
    same = corr.assign(sentiment_label="negative")
    out = smlib.add_sentiment(ds.interactions.head(5), corrections=same)
    assert out["sentiment_label"].iloc[0] == "negative"


def test_a_table_that_is_already_right_comes_back_as_it_is(ds):
    assert analysis_frame(ds.interactions, "monitor") is ds.interactions


def test_times_in_seconds_or_microseconds_give_the_same_priorities(ds):
    """pandas 3 reads text times as microseconds: the repeat-contact window, worked out on the raw
    numbers as nanoseconds, then spanned 1,000 times too long (a customer's 2 messages became 3)."""
    base = smlib.prioritise(ds)["priority"].tolist()
    for unit in ("s", "us"):
        other = ds.replace(interactions=ds.interactions.assign(
            created_at=ds.interactions["created_at"].astype(f"datetime64[{unit}, UTC]")))
        assert smlib.prioritise(other)["priority"].tolist() == base, unit


def test_org_handles_and_the_queue_read_text_flags_as_they_say(ds):
    """A review of this file's first version: metrics.org_handles read the raw 'False' text as
    true (every customer's handle kept readable), and the queue's own-accounts list too."""
    text = ds.replace(interactions=ds.interactions.assign(
        author_is_org=ds.interactions["author_is_org"].map({True: "True", False: "False"})))
    assert smlib.metrics.org_handles(text) == smlib.metrics.org_handles(ds)
    from smlib.priority import _org_accounts
    assert _org_accounts(text.interactions) == _org_accounts(ds.interactions)


def test_text_times_are_read_as_one_column_and_epochs_as_seconds(ds):
    """format='mixed' read '03/04/2026' month first and '13/04/2026' day first in one column,
    and epoch seconds as nanoseconds (1970)."""
    f = pd.DataFrame({"created_at": ["03/04/2026 10:00", "13/04/2026 10:00"], "author_is_org": [False, False],
                      "text": ["a", "b"], "message_id": ["1", "2"]})
    got = analysis_frame(f, "test")["created_at"].dt.date.astype(str).tolist()
    assert got == ["2026-04-03", "2026-04-13"]
    e = f.assign(created_at=[1767607200, 1767610800])
    assert analysis_frame(e, "test")["created_at"].astype(str).tolist() == [
        "2026-01-05 10:00:00+00:00", "2026-01-05 11:00:00+00:00"]
    with pytest.raises(smlib.DataError, match="created_at"):
        analysis_frame(f.assign(created_at=["3000-01-01", "2026-01-01"]), "test")


def test_a_missing_kind_or_blank_ids_are_no_error(ds):
    f = ds.interactions.drop(columns=["kind", "parent_id", "thread_id"])
    assert len(smlib.detect_crisis(f).series) and "answered" in smlib.add_response_times(f)
    blank = ds.interactions.head(3).assign(message_id=None)
    assert len(analysis_frame(blank, "test")) == 3        # blank ids are not "repeats"


def test_tool_coverage_without_a_platform_column_is_still_an_error(ds):
    with pytest.raises(smlib.DataError, match="platform"):
        smlib.tool_coverage(ds.interactions.drop(columns="platform"))
