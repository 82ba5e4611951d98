"""The data model rejects bad frames with messages naming the column and the problem."""
from __future__ import annotations

import pandas as pd
import pytest

import smlib
from smlib.schema import (Dataset, Profile, conform_interactions, empty_audience, empty_interactions,
                          new_load_summary, validate_audience, validate_interactions)


def good_frame(n: int = 3) -> pd.DataFrame:
    return conform_interactions(pd.DataFrame({
        "org": "acme", "platform": ["x"] * n, "message_id": [str(i) for i in range(n)],
        "created_at": pd.date_range("2026-01-05", periods=n, freq="h", tz="UTC"),
        "author_id": [f"a{i}" for i in range(n)], "author_is_org": [False] * n,
        "kind": ["comment"] * n, "text": [f"message {i}" for i in range(n)]}))


def test_conformed_frame_is_valid_and_ordered():
    f = good_frame()
    validate_interactions(f)
    assert list(f.columns[: len(smlib.schema.INTERACTION_COLUMNS)]) == list(smlib.schema.INTERACTION_COLUMNS)
    assert f["likes"].dtype == "int64" and f["reach"].dtype == "Int64"
    assert (f["thread_id"] == f["message_id"]).all()  # defaults to own id


def test_empty_tables_are_valid():
    validate_interactions(empty_interactions("acme"))
    validate_audience(empty_audience())


@pytest.mark.parametrize("mutate, column, words", [
    (lambda f: f.drop(columns=["text"]), "text", "missing required column"),
    (lambda f: f.assign(created_at=f["created_at"].astype(str)), "created_at", "UTC datetimes"),
    (lambda f: f.assign(created_at=f["created_at"].dt.tz_convert("Europe/London")), "created_at", "UTC"),
    (lambda f: f.assign(author_is_org=["yes", "no", "no"]), "author_is_org", "bool"),
    (lambda f: f.assign(likes=[1.5, 2.0, 0.0]), "likes", "whole numbers"),
    (lambda f: f.assign(likes=[-1, 0, 0]), "likes", "negative"),
    (lambda f: f.assign(kind=["comment", "tweet", "comment"]), "kind", "unknown value"),
    (lambda f: f.assign(message_id=["1", "1", "2"]), "message_id", "unique"),
    (lambda f: f.assign(text=["a", None, "c"]), "text", "missing value"),
])
def test_validation_names_column_and_problem(mutate, column, words):
    with pytest.raises(smlib.DataError) as err:
        validate_interactions(mutate(good_frame()), source="file.csv")
    msg = str(err.value)
    assert column in msg and words in msg and "file.csv" in msg
    assert err.value.field == column


def test_not_a_frame():
    with pytest.raises(smlib.DataError, match="DataFrame"):
        validate_interactions([1, 2, 3])


def test_same_id_on_two_platforms_is_fine():
    f = good_frame(2).assign(platform=pd.Categorical(["x", "facebook"]), message_id=["1", "1"])
    validate_interactions(f)


def test_audience_rejects_unknown_dimension():
    a = pd.DataFrame({"org": ["o"], "platform": ["x"], "date": pd.to_datetime(["2026-01-01"], utc=True),
                      "dimension": ["star_sign"], "value": ["leo"], "count": [3]})
    with pytest.raises(smlib.DataError, match="dimension"):
        validate_audience(a)


def test_dataset_summary_must_add_up():
    ds = Dataset(good_frame(), load_summary={**new_load_summary("f"), "rows_in": 5, "rows_kept": 3,
                                             "rows_skipped": 1})
    with pytest.raises(smlib.DataError, match="does not add up"):
        ds.validate()
    ok = ds.replace(load_summary={**ds.load_summary, "rows_skipped": 2})
    assert ok.validate() is ok and ds.load_summary["rows_skipped"] == 1


def test_profile_parses_hours_and_rejects_bad_ones(tmp_path):
    p = Profile.from_dict({"slug": "a", "name": "A", "business_hours": {"mon": "08:30-20:00", "sun": "closed"}})
    assert p.opening_hours()["mon"] == (510, 1200) and p.opening_hours()["sun"] is None
    with pytest.raises(smlib.DataError, match="business_hours.tue"):
        Profile.from_dict({"slug": "a", "name": "A", "business_hours": {"tue": "9 till 5"}})
    with pytest.raises(smlib.DataError, match="kpi_targets.answered_share"):
        Profile.from_dict({"slug": "a", "name": "A", "kpi_targets": {"answered_share": "most"}})
    bad = tmp_path / "p.toml"
    bad.write_text("slug = [", encoding="utf-8")
    with pytest.raises(smlib.DataError, match="p.toml"):
        Profile.from_toml(bad)


def test_dataerror_is_exported_and_a_valueerror():
    assert issubclass(smlib.DataError, ValueError)
    assert "DataError" in smlib.__all__


@pytest.mark.parametrize("ids", [
    [str(i) for i in range(20_000)] + ["5", "0", "00", "005", "19999"],      # digits: int path
    [str(i) for i in range(20_000, 0, -1)] + ["7"],                           # sorted down, one repeat
    [str(i) for i in range(20_000)],                                          # sorted, none
    [f"id{i % 15_000}" for i in range(20_000)],                               # text ids
    [str(10**17 + i) for i in range(20_000)] + ["1" * 19, "1" * 19],          # too long for int64 path
])
def test_duplicated_ids_matches_pandas(ids):
    from smlib.schema import duplicated_ids
    for dtype in ("str", object):
        s = pd.Series(ids, dtype=dtype)
        for keep in ("first", "last", False):
            assert duplicated_ids(s, keep=keep).tolist() == s.duplicated(keep=keep).tolist()


def test_conform_result_does_not_write_through_to_the_input():
    from smlib.schema import conform_interactions
    f = pd.DataFrame({"org": ["o", "o"], "platform": ["x", "x"], "message_id": ["1", "2"],
                      "created_at": pd.to_datetime(["2026-01-05", "2026-01-06"], utc=True),
                      "author_id": ["a", "b"], "author_is_org": [False, True], "kind": ["comment", "post"],
                      "text": ["hi", "yo"], "likes": [1, 2]})
    before = f.copy()
    out = conform_interactions(f)
    out.loc[0, "text"] = "changed"
    out.loc[0, "likes"] = 99
    out.loc[0, "author_is_org"] = True
    pd.testing.assert_frame_equal(f, before)


def _profile_with(**hours) -> dict:
    d = smlib.load_sample("brightmart").profile.to_dict()
    d["business_hours"] = {**d["business_hours"], **hours}
    return d


@pytest.mark.parametrize("zone,near", [("Europe/Londn", "Europe/London"), ("Mars/Olympus", None)])
def test_unknown_time_zone_in_a_profile_is_a_dataerror(zone, near):
    """A tutor's typo in the profile's time zone used to surface as ZoneInfoNotFoundError from
    monitor, threads, priority, crisis… (found by the edge-case tests); now the profile says so."""
    with pytest.raises(smlib.DataError) as err:
        Profile.from_dict(_profile_with(timezone=zone), source="profiles/x.toml")
    msg = str(err.value)
    assert "field 'business_hours.timezone'" in msg and repr(zone) in msg
    assert (f"did you mean {near!r}" in msg) if near else ("did you mean" not in msg)


def test_unknown_time_zone_set_after_loading_is_a_dataerror_where_it_is_used():
    ds = smlib.load_sample("brightmart")
    ds.profile.business_hours["timezone"] = "Europe/Londn"
    with pytest.raises(smlib.DataError, match="unknown time zone"):
        smlib.monitor(ds, smlib.default_days(ds, 5))


@pytest.mark.parametrize("spec,words", [("22:00-06:00", "close before they open"),
                                        ("09:00-25:00", "times of day"), ("09:75-17:00", "times of day"),
                                        ("17:00-09:00", "close before they open")])
def test_impossible_or_overnight_hours_are_refused(spec, words):
    """'22:00-06:00' used to count silently as closed all day (an empty interval)."""
    with pytest.raises(smlib.DataError, match=words):
        Profile.from_dict(_profile_with(mon=spec))


def test_hours_to_midnight_are_fine():
    assert Profile.from_dict(_profile_with(mon="22:00-00:00")).opening_hours()["mon"] == (22 * 60, 24 * 60)


def test_dataset_name_for_people():
    import smlib
    from smlib.schema import Dataset, empty_interactions
    assert smlib.load_sample("northway-rail").name == "Northway Rail"          # the profile's name
    f = empty_interactions()
    def ds_with(orgs, source="x/export.csv"):
        frame = pd.DataFrame({"org": orgs})
        return Dataset(frame, load_summary={"source": source})
    assert ds_with(["acme", "acme"]).name == "acme"
    assert ds_with(["b", "a", "a", "unknown", "unknown", "unknown"]).name == "2 organisations (a, b)"
    assert ds_with(list("aabbccd")).name == "4 organisations (a, b, c, …)"
    assert ds_with(["unknown", "brand"]).name == "brand"        # twcs rows whose brand was not found
    assert ds_with(["unknown"]).name == "unknown"
    assert Dataset(f, load_summary={"source": "/tmp/dl/likes.json"}).name == "likes.json"
    assert Dataset(f).name == ""


@pytest.mark.parametrize("stem, shown", [("Кафе", "Кафе"), ("店", "店"),
                                         ("My Café shop", "Café shop"),
                                         ("mybrand_tweets", "mybrand")])
def test_name_of_an_export_keeps_the_letters_of_its_file_name(tmp_path, stem, shown):
    """A file named with no Latin letters was 'unknown', and 'My Café shop.csv' 'my-caf-shop'
    (the loader's org slug): the name people read keeps the file's own letters. Plain ASCII
    names are as before."""
    path = tmp_path / f"{stem}.csv"
    path.write_text("created_at,author,text\n2026-03-02 09:00:00,alice,Where is my order?\n",
                    encoding="utf-8")
    assert smlib.load_org(path).name == shown
