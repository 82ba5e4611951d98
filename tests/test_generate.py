"""The sample generator: deterministic, independent per organisation, scalable, and in step
with the committed sample (so the files never drift from the code and the profiles)."""
from __future__ import annotations

import argparse

import numpy as np
import pandas as pd
import pytest

import smlib
from smlib import generate as g
from smlib.hours import business_minutes_between
from smlib.schema import Profile


def test_same_seed_same_frames_different_seed_different_data():
    a = smlib.generate_sample(4000, seed=5, orgs=["kelby-council", "tidy-paws"])
    b = smlib.generate_sample(4000, seed=5, orgs=["kelby-council", "tidy-paws"])
    pd.testing.assert_frame_equal(a.interactions, b.interactions)
    pd.testing.assert_frame_equal(a.audience, b.audience)
    c = smlib.generate_sample(4000, seed=6, orgs=["kelby-council", "tidy-paws"])
    shared = set(a.interactions["text"]) & set(c.interactions["text"])
    cust = a.interactions[~a.interactions["author_is_org"]]
    assert len(set(cust["text"]) & shared) < 0.3 * cust["text"].nunique()
    assert not a.audience["count"].equals(c.audience["count"])


def test_one_organisation_alone_equals_its_part_of_many():
    alone = g.generate_frames(None, 11, ["tidy-paws"])["tidy-paws"]
    many = g.generate_frames(None, 11, ["lakeside-cinema", "tidy-paws"])["tidy-paws"]
    for x, y in zip(alone, many):
        pd.testing.assert_frame_equal(x, y)


def test_committed_sample_equals_generator_output(tmp_path, sample_dir):
    """Regenerate everything through the CLI entry point and compare bytes with data/sample."""
    assert g.main(argparse.Namespace(seed=None, out=str(tmp_path))) == 0
    orgs = smlib.list_organisations(include_practice=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == orgs
    for slug in orgs:
        for name in ("interactions.csv", "audience.csv", "truth.csv"):
            fresh = (tmp_path / slug / name).read_bytes()
            committed = (sample_dir / slug / name).read_bytes()
            assert fresh == committed, (f"data/sample/{slug}/{name} is out of date: run "
                                        f"`smlib generate-sample` and commit the result")


def test_default_size_follows_the_profiles():
    for slug, (inter, _aud, truth) in g.generate_frames(None, 3).items():
        wanted = smlib.load_profile(slug).extra["sample"]["interactions"]
        assert 0.88 * wanted <= len(inter) <= 1.12 * wanted, slug
        assert len(truth) == len(inter)


def test_large_sample_is_valid_and_shared_between_orgs():
    ds = smlib.generate_sample(50_000, seed=9)
    df = ds.interactions
    assert 45_000 <= len(df) <= 55_000
    ds.validate()                      # includes message_id unique within platform, all orgs
    counts = df["org"].astype(str).value_counts()
    assert set(counts.index) == set(smlib.list_organisations())
    sizes = {o: smlib.load_profile(o).extra["sample"]["interactions"] for o in counts.index}
    share = counts / counts.sum()
    expected = pd.Series(sizes) / sum(sizes.values())
    assert (share / expected.loc[share.index]).between(0.85, 1.15).all()
    assert ds.load_summary["rows_in"] == ds.load_summary["rows_kept"] == len(df)
    # still a realistic mix at scale
    kinds = df["kind"].astype(str).value_counts(normalize=True)
    assert kinds["reply"] > 0.2 and kinds["post"] < 0.1
    cust = df[~df["author_is_org"]]
    assert cust["text"].nunique() / len(cust) > 0.6


def test_unknown_org_is_a_clear_error():
    with pytest.raises(smlib.DataError) as err:
        smlib.generate_sample(orgs=["nowhere"])
    assert "nowhere" in str(err.value) and "brightmart" in str(err.value)


def _profile(**sample):
    base = {"text": "cafe", "platform_share": {"x": 1, "facebook": 1, "instagram": 1, "reviews": 1},
            "followers": {"x": 100}, "intent_mix": {"complaint": 1}}
    base.update(sample)
    return Profile.from_dict({"slug": "t", "name": "T", "handles": {"x": "@t", "facebook": "T",
                              "instagram": "@t", "reviews": "T"}, "sample": base})


@pytest.mark.parametrize("change, field", [
    ({"text": "bakery"}, "sample.text"),
    ({"platform_share": {"tiktok": 1}}, "sample.platform_share"),
    ({"intent_mix": {}}, "sample.intent_mix"),
    ({"events": ["flood"]}, "sample.events"),
    ({"events": ["crisis"], "crisis_day": "2027-01-01"}, "sample.crisis_day"),
])
def test_bad_sample_settings_name_the_field(change, field):
    with pytest.raises(smlib.DataError) as err:
        g._sample_config(_profile(**change))
    assert field in str(err.value)


def test_business_clock_matches_hours_module():
    """Replies wait for opening time: check the generator's clock against smlib.hours."""
    p = Profile(slug="t", name="T")                       # Mon-Fri 09:00-17:00 London
    clock = g._Clock(p)
    # Friday 2026-10-09 16:00 London (15:00 UTC) + 120 open minutes -> Monday 10:00 London
    t0 = (pd.Timestamp("2026-10-09 15:00", tz="UTC") - g.START) / pd.Timedelta(minutes=1)
    out = clock.add_business(np.array([t0]), np.array([120.0]))[0]
    got = g.START + pd.Timedelta(minutes=float(out))
    assert got == pd.Timestamp("2026-10-12 09:00", tz="UTC")
    span = business_minutes_between(pd.Series([g.START + pd.Timedelta(minutes=t0)]),
                                    pd.Series([got]), p)
    assert span.iloc[0] == pytest.approx(120)
    # inside opening hours the wait is wall-clock time
    t1 = (pd.Timestamp("2026-10-07 10:00", tz="UTC") - g.START) / pd.Timedelta(minutes=1)
    assert clock.add_business(np.array([t1]), np.array([12.0]))[0] == pytest.approx(t1 + 12)


def test_org_codes_keep_message_ids_apart():
    codes = [g._org_code(s) for s in smlib.list_organisations(include_practice=True)]
    assert len(set(codes)) == len(codes)


def test_generated_names_avoid_famous_people():
    import random
    rng = np.random.default_rng(0)
    authors = g._Authors(rng, random.Random(0), 20_000)
    assert not {n.lower() for n in authors.name} & set(g.T.FAMOUS)
    assert len(set(h.lower() for h in authors.handle)) == len(authors.handle)


def test_generated_frames_equal_the_loaded_files():
    """What load_sample reads back is exactly what the generator made (text, types, NAs)."""
    made = smlib.generate_sample(orgs=["hopewell-trust"])
    read = smlib.load_sample("hopewell-trust")
    pd.testing.assert_frame_equal(made.interactions, read.interactions, check_categorical=False)
    pd.testing.assert_frame_equal(made.audience, read.audience, check_categorical=False)
    assert made.profile == read.profile
