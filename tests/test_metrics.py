"""P3 monitor figures checked against independent plain-Python calculations on a hand-made dataset.

The expected values are computed here from the raw rows in ``_monitor_data`` with loops and
``statistics``/``numpy`` - never by calling smlib - so a wrong groupby, filter or join fails.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
import tomllib
from collections import Counter

import numpy as np
import pandas as pd
import pytest

import _monitor_data as md
import smlib
from smlib.metrics import KPI_MAP, available
from smlib.paths import data_file

DAYS = [dt.date.fromisoformat(d) for d in md.MONITOR_DAYS]
FIRST = DAYS[0]


def _rows(platforms=None, days=DAYS):
    """ROWS as dicts, on the chosen days/platforms (UTC == local time in November)."""
    keys = ["id", "platform", "parent", "created", "author", "is_org", "kind", "text", "likes",
            "shares", "replies", "location", "label"]
    out = []
    for r in md.ROWS:
        d = dict(zip(keys, r))
        d["ts"] = dt.datetime.fromisoformat(d["created"])
        d["day"] = d["ts"].date()
        if (platforms is None or d["platform"] in platforms) and (days is None or d["day"] in days):
            out.append(d)
    return out


def _customer(rows):
    return [r for r in rows if not r["is_org"]]


def _table_row(table, key, value):
    return table[table[key] == value].to_dict("records")[0]


@pytest.fixture(scope="module")
def res():
    return smlib.monitor(md.dataset())


# ------------------------------------------------------------------------------ days
def test_default_days_are_the_last_five_days_with_activity():
    active = sorted({r["day"] for r in _rows(days=None)})
    assert smlib.default_days(md.dataset()) == active[-5:]
    assert smlib.default_days(md.dataset(), n=2) == active[-2:]
    assert smlib.default_days(md.dataset(), platforms=["facebook"]) == sorted(
        {r["day"] for r in _rows(platforms={"facebook"}, days=None)})[-5:]


def test_days_accept_strings_dates_and_timestamps_in_any_order():
    ds = md.dataset()
    a = smlib.monitor(ds, days=["2026-11-09", "2026-11-02"])
    b = smlib.monitor(ds, days=[dt.date(2026, 11, 2), pd.Timestamp("2026-11-09")])
    assert a["meta"]["days"] == b["meta"]["days"] == ["2026-11-02", "2026-11-09"]
    assert a["headline"] == b["headline"]
    assert a["headline"]["messages"] == len(_rows(days={dt.date(2026, 11, 2), dt.date(2026, 11, 9)}))


@pytest.mark.parametrize("kwargs, words", [
    ({"days": ["2026-13-01"]}, "YYYY-MM-DD"),
    ({"days": []}, "at least one"),
    ({"days": ["2025-01-01"]}, "covers"),
    ({"platforms": ["myspace"]}, "choose from"),
])
def test_bad_arguments_raise_clear_dataerror(kwargs, words):
    with pytest.raises(smlib.DataError, match=words):
        smlib.monitor(md.dataset(), **kwargs)


def test_not_a_dataset_is_a_dataerror():
    with pytest.raises(smlib.DataError, match="Dataset"):
        smlib.monitor(md.interactions())


def test_input_is_not_mutated():
    ds = md.dataset()
    before = ds.interactions.copy()
    aud = ds.audience.copy()
    smlib.monitor(ds)
    pd.testing.assert_frame_equal(ds.interactions, before)
    pd.testing.assert_frame_equal(ds.audience, aud)


# ------------------------------------------------------------------------------ users
def test_users_new_and_returning(res):
    seen_before = {r["author"] for r in _customer(_rows(days=None)) if r["day"] < FIRST}
    for plat in ["x", "facebook", "all"]:
        cust = _customer(_rows(platforms=None if plat == "all" else {plat}))
        people = {r["author"] for r in cust}
        row = _table_row(res["users"], "platform", plat)
        assert row["users"] == len(people)
        assert row["returning_users"] == len(people & seen_before)
        assert row["new_users"] == len(people - seen_before)
        assert row["messages"] == len(cust)
    assert res["headline"]["users"] == len({r["author"] for r in _customer(_rows())})


def test_followers_change_per_platform(res):
    def count(plat, day):
        vals = [(d, c) for p, d, dim, v, c in md.AUDIENCE
                if p == plat and dim == "followers" and dt.date.fromisoformat(d) <= day]
        return max(vals)[1] if vals else None
    f = res["followers"]
    for plat in ["x", "facebook"]:
        start = count(plat, DAYS[0])
        end = count(plat, DAYS[-1])
        row = _table_row(f, "platform", plat)
        assert (row["followers_start"], row["followers_end"], row["change"]) == (start, end, end - start)
        assert row["change_pct"] == pytest.approx(100 * (end - start) / start, abs=0.01)
    total = _table_row(f, "platform", "all")
    assert total["followers_end"] == count("x", DAYS[-1]) + count("facebook", DAYS[-1])
    assert res["headline"]["follower_change"] == total["change"]


# ------------------------------------------------------------------------------ location & age
def test_location_national_share_from_audience(res):
    nat = sum(c for p, d, dim, v, c in md.AUDIENCE if dim == "country" and v == "GB")
    allc = sum(c for p, d, dim, v, c in md.AUDIENCE if dim == "country")
    summary = res["location_summary"]
    assert _table_row(summary, "source", "all")["national_share"] == pytest.approx(nat / allc, abs=1e-4)
    x = res["location"][res["location"]["platform"] == "x"]
    assert dict(zip(x["country"], x["people"])) == {v: c for p, d, dim, v, c in md.AUDIENCE
                                                    if p == "x" and dim == "country"}
    assert x["share"].sum() == pytest.approx(1, abs=1e-3)


def test_message_locations_count_customer_messages_that_give_one(res):
    locs = Counter(r["location"] for r in _customer(_rows()) if r["location"])
    ml = res["message_locations"]
    assert dict(zip(ml["location"], ml["messages"])) == dict(locs)
    area = {"Scotland": "national", "London": "national", "North East": "national",
            "US": "international", "France": "international", "up north": "unknown"}
    assert dict(zip(ml["location"], ml["area"])) == {k: area[k] for k in locs}
    m = _table_row(res["location_summary"], "source", "messages")
    n = {a: sum(c for loc, c in locs.items() if area[loc] == a) for a in set(area.values())}
    assert (m["national"], m["international"], m["unknown"]) == (
        n["national"], n["international"], n["unknown"])
    assert m["national_share"] == round(n["national"] / (n["national"] + n["international"]), 4)


@pytest.mark.parametrize("text, area", [
    ("Leeds, England", "national"), ("she/her | Leeds", "national"), ("Yorkshire 🌹", "national"),
    ("Kelby, Lancs", "national"), ("Dublin, Ireland", "international"), ("New York", "international"),
    ("London, Ontario", "international"), ("up north", "unknown"), ("🌍", "unknown"), (None, "unknown"),
])
def test_place_area(text, area):
    from smlib.metrics import place_area
    assert place_area(text) == area


def test_regions_and_age_bands(res):
    age = res["age"]
    fb = age[age["platform"] == "facebook"]
    want = {v: c for p, d, dim, v, c in md.AUDIENCE if p == "facebook" and dim == "age_band"}
    assert dict(zip(fb["age_band"], fb["people"])) == want
    assert list(age[age["platform"] == "x"]["age_band"]) == ["18-24", "25-34"]  # band order
    reg = res["regions"]
    assert _table_row(reg, "region", "Scotland")["share"] == pytest.approx(300 / 800, abs=1e-4)


# ------------------------------------------------------------------------------ volume
def test_volume_per_day_platform_and_author_type(res):
    rows = _rows()
    vol = res["volume_by_day"]
    for (day, plat), n in Counter((r["day"], r["platform"]) for r in rows).items():
        row = vol[(vol["day"] == day) & (vol["platform"] == plat)].iloc[0]
        assert row["total"] == n
        assert row["by_business"] == sum(1 for r in rows if r["day"] == day and
                                         r["platform"] == plat and r["is_org"])
    assert vol["total"].sum() == len(rows)
    daily = res["daily"]
    assert list(daily["messages"]) == [sum(1 for r in rows if r["day"] == d) for d in DAYS]
    assert list(daily["users"]) == [len({r["author"] for r in _customer(rows) if r["day"] == d})
                                    for d in DAYS]


def test_busiest_hour_of_followers(res):
    hours = Counter(r["ts"].hour for r in _customer(_rows()))
    top = sorted(hours.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    assert (res["headline"]["busiest_hour"], res["headline"]["busiest_hour_messages"]) == top
    assert res["busiest_hours"]["by_followers"].sum() == len(_customer(_rows()))


def test_no_busiest_hour_when_the_public_wrote_nothing():
    """Only the organisation's own posts: the headline said busiest hour 0 with 0 messages."""
    import dataclasses
    ds = md.dataset()
    own = ds.interactions[ds.interactions["author_is_org"]].reset_index(drop=True)
    res = smlib.monitor(dataclasses.replace(ds, interactions=own), days=md.MONITOR_DAYS)
    assert res["headline"]["customer_messages"] == 0
    assert res["headline"]["busiest_hour"] is None
    assert res["headline"]["busiest_hour_messages"] is None


# ------------------------------------------------------------------------------ engagement
def test_engagement_rate_is_interactions_per_post_over_followers(res):
    followers_end = {"x": 1050, "facebook": 490}
    posts = [r for r in _rows() if r["is_org"] and r["kind"] == "post"]
    per_post = [(r["likes"] + r["shares"] + r["replies"]) / followers_end[r["platform"]] for r in posts]
    assert res["headline"]["engagement_rate"] == pytest.approx(np.mean(per_post), abs=1e-5)
    x = _table_row(res["engagement"], "platform", "x")
    xp = [r for r in posts if r["platform"] == "x"]
    assert x["posts"] == len(xp)
    assert x["interactions"] == sum(r["likes"] + r["shares"] + r["replies"] for r in xp)
    assert x["engagement_rate"] == pytest.approx(x["interactions"] / len(xp) / 1050, abs=1e-5)


# ------------------------------------------------------------------------------ complaints
def test_negative_count_and_share_use_the_given_labels(res):
    cust = _customer(_rows())
    neg = [r for r in cust if r["label"] == "negative"]
    assert res["meta"]["sentiment_method"].startswith("sentiment_label column")
    assert (res["headline"]["negative"], res["headline"]["negative_share"]) == (
        len(neg), round(len(neg) / len(cust), 4))
    by_day = res["complaints_by_day"]
    assert list(by_day["negative"]) == [sum(1 for r in neg if r["day"] == d) for d in DAYS]
    assert len(res["complaint_examples"]) == len(neg)
    assert not res["complaint_examples"]["author"].isin([r["author"] for r in cust]).any()


def test_keyword_fallback_when_no_sentiment_module(monkeypatch):
    monkeypatch.setitem(sys.modules, "smlib.sentiment", None)  # import now fails
    r = smlib.monitor(md.dataset(with_labels=False))
    assert r["meta"]["sentiment_method"].startswith("keyword fallback")
    words = tomllib.loads(data_file("monitoring_keywords.toml").read_text("utf-8"))["negative"]["words"]
    import re
    def negative(text):
        low = text.lower()
        return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", low) for w in words)
    assert r["headline"]["negative"] == sum(negative(x["text"]) for x in _customer(_rows()))


def test_sentiment_module_is_used_when_present_and_labels_absent():
    pytest.importorskip("smlib.sentiment")
    r = smlib.monitor(md.dataset(with_labels=False))
    assert r["meta"]["sentiment_method"].startswith("smlib.add_sentiment")


# ------------------------------------------------------------------------------ feedback
def test_questions_suggestions_praise(res):
    kw = tomllib.loads(data_file("monitoring_keywords.toml").read_text("utf-8"))
    starts = set(kw["questions"]["question_starts"])
    cust = _customer(_rows())

    def first_word(t):
        words = [w for w in t.lower().split() if not w.startswith("@")]
        return words[0].strip(",.!") if words else ""
    questions = [r for r in cust if "?" in r["text"] or first_word(r["text"]) in starts]
    suggestions = [r for r in cust if any(p in r["text"].lower() for p in kw["suggestions"]["phrases"])]
    fb = dict(zip(res["feedback"]["type"], res["feedback"]["messages"]))
    assert fb["question"] == len(questions) == 2       # "How do I..?" and "@tiny when does..."
    assert fb["suggestion"] == len(suggestions) == 1   # "You should add oat milk"
    praise = [r for r in cust if r["label"] != "negative" and
              any(p in r["text"].lower() for p in ("thank", "great", "brilliant"))]
    assert fb["praise"] == len(praise) == 2


# ------------------------------------------------------------------------------ customer care
def _business_minutes(a: dt.datetime, b: dt.datetime) -> int:
    """Brute force: count each open minute (Mon-Fri 09:00-17:00, GMT in November)."""
    n, t = 0, a
    while t < b:
        if t.weekday() < 5 and 9 * 60 <= t.hour * 60 + t.minute < 17 * 60:
            n += 1
        t += dt.timedelta(minutes=1)
    return n


def _answers(days=DAYS):
    """customer id -> (created, first org reply) by direct reply or later DM in the thread."""
    allrows = _rows(days=None)
    cutoff = dt.datetime.combine(max(days) + dt.timedelta(days=1), dt.time())
    out = {}
    for c in _customer(_rows(days=set(days))):
        replies = [o["ts"] for o in allrows if o["is_org"] and o["platform"] == c["platform"]
                   and o["ts"] >= c["ts"] and (o["parent"] == c["id"] or
                                               (c["kind"] == "message" == o["kind"] and o["parent"] == c["id"]))]
        first = min(replies) if replies else None
        out[c["id"]] = (c, first if first is not None and first < cutoff else None)
    return out


def test_customer_care_answered_share_and_response_times(res):
    ans = _answers()
    got = [(c, f) for c, f in ans.values() if f is not None]
    minutes = [(f - c["ts"]).total_seconds() / 60 for c, f in got]
    bmins = [_business_minutes(c["ts"], f) for c, f in got]
    cc = _table_row(res["customer_care"], "platform", "all")
    assert cc["customer_messages"] == len(ans)
    assert cc["answered"] == len(got)
    assert cc["waiting"] == len(ans) - len(got)
    assert cc["answered_share"] == round(len(got) / len(ans), 4)
    assert cc["median_minutes"] == pytest.approx(np.median(minutes), abs=0.05)
    assert cc["p90_minutes"] == pytest.approx(np.percentile(minutes, 90), abs=0.05)
    assert cc["median_business_minutes"] == pytest.approx(np.median(bmins), abs=0.05)
    assert cc["p90_business_minutes"] == pytest.approx(np.percentile(bmins, 90), abs=0.05)
    fb = _table_row(res["customer_care"], "platform", "facebook")
    assert fb["answered"] == sum(1 for c, f in got if c["platform"] == "facebook")


def test_reply_after_the_last_monitoring_day_does_not_count():
    day = [dt.date(2026, 11, 2)]
    r = smlib.monitor(md.dataset(), days=["2026-11-02"])
    ans = _answers(day)  # the Facebook question is answered on 3 Nov: still waiting on the 2nd
    cc = _table_row(r["customer_care"], "platform", "all")
    assert cc["answered"] == sum(f is not None for _c, f in ans.values()) == 1
    assert cc["waiting"] == 2


# ------------------------------------------------------------------------------ platforms & gaps
def test_platform_filter_limits_every_figure():
    r = smlib.monitor(md.dataset(), days=md.MONITOR_DAYS, platforms=["facebook"])
    fb = _rows(platforms={"facebook"})
    assert r["meta"]["platforms"] == ["facebook"]
    assert r["headline"]["messages"] == len(fb)
    assert set(r["volume_by_day"]["platform"]) == {"facebook"}
    assert r["headline"]["followers_end"] == 490


def test_missing_audience_says_not_available_and_never_crashes():
    r = smlib.monitor(md.dataset(with_audience=False))
    for key in ("followers", "location", "regions", "age"):
        assert not available(r[key])
        assert "not available from this source" in r[key]["note"].iloc[0]
        assert key in r["meta"]["not_available"]
    assert r["headline"]["followers_end"] is None
    assert r["headline"]["engagement_rate"] is None
    # messages still give a national share (UK places among the placed message locations)
    locs = [x["location"] for x in _customer(_rows()) if x["location"] and x["location"] != "up north"]
    assert r["headline"]["national_share"] == round(
        sum(loc in {"Scotland", "London", "North East"} for loc in locs) / len(locs), 4)


def test_headline_is_plain_json_and_matches_tables(res):
    h = res["headline"]
    json.dumps(h)  # plain types only
    assert all(isinstance(v, (int, float, str, bool, list, type(None))) for v in h.values())
    assert h["messages"] == res["volume_by_platform"]["total"].sum()
    assert h["answered_share"] == _table_row(res["customer_care"], "platform", "all")["answered_share"]


def test_themes_counted_from_a_themes_column():
    ds = md.dataset()
    inter = ds.interactions.copy()
    tags = {"c1": ["delays"], "c7": ["delays"], "c3": ["food; drink"], "c8": ["refunds"],
            "f1": ["refunds"]}
    inter["themes"] = inter["message_id"].map(lambda m: tags.get(m, []))
    r = smlib.monitor(ds.replace(interactions=inter))
    t = r["themes"].set_index("theme")
    in_window = {r_["id"] for r_ in _customer(_rows())}
    want = Counter(th for mid, ths in tags.items() if mid in in_window for th in ths)
    assert t.loc["delays", "messages"] == want["delays"] == 2
    assert t.loc["refunds", "messages"] == want["refunds"]
    assert r["headline"]["top_theme"] == "delays"


# ------------------------------------------------------------------------------ comparison
def test_compare_periods_previous_window_and_kpis():
    ds = md.dataset()
    cmp = smlib.compare_periods(ds)
    active = sorted({r["day"] for r in _rows(days=None)})
    prev = [d for d in active if d < FIRST][-5:]
    assert cmp.attrs["previous_days"] == [d.isoformat() for d in prev]
    row = cmp.set_index("figure")
    assert row.loc["messages", "previous_period"] == len(_rows(days=set(prev)))
    assert row.loc["messages", "change"] == len(_rows()) - len(_rows(days=set(prev)))
    now = smlib.monitor(ds)["headline"]
    for kpi, target in md.PROFILE.kpi_targets.items():
        key, direction = KPI_MAP[kpi]
        v = now[key]
        ok = v <= target if direction in ("lower", "max") else v >= target
        assert row.loc[key, "status"] == ("met" if ok else "not met")
        assert row.loc[key, "target"] == target
    assert row.loc["messages", "status"] == "no target"


def test_keyword_file_is_valid():
    data = tomllib.loads(data_file("monitoring_keywords.toml").read_text("utf-8"))
    for table, key in [("questions", "question_starts"), ("suggestions", "phrases"),
                       ("praise", "phrases"), ("negative", "words")]:
        vals = data[table][key]
        assert vals and all(isinstance(v, str) and v == v.strip() and v for v in vals)
        assert all(v == v.lower() for v in vals), f"{table}.{key} should be lower case"


# ------------------------------------------------------------------------------ real export
@pytest.mark.realdata
def test_real_export_figures_match_the_raw_csv(realdata):
    """On the real twcs export: counts on the default days vs a direct reading of the CSV."""
    path = realdata / "twcs" / "twcs_head5000.csv"
    ds = smlib.load(path)
    r = smlib.monitor(ds)
    raw = pd.read_csv(path, lineterminator="\n")  # two texts hold a bare CR
    when = pd.to_datetime(raw["created_at"], format="%a %b %d %H:%M:%S %z %Y", utc=True)
    active = sorted(set(when.dt.date))
    assert r["meta"]["days"] == [d.isoformat() for d in active[-5:]]
    on = raw[when.dt.date.isin(active[-5:])]
    inbound = on[on["inbound"].astype(str) == "True"]
    assert r["headline"]["messages"] == len(on)
    assert r["headline"]["customer_messages"] == len(inbound)
    assert r["headline"]["users"] == inbound["author_id"].astype(str).nunique()
    # real exports have no audience insights: placeholders, never a crash
    assert {"followers", "age", "location"} <= set(r["meta"]["not_available"])
    json.dumps(r["headline"])


def test_places_file_is_valid():
    data = tomllib.loads(data_file("places.toml").read_text("utf-8"))
    nat = data["national"]["GB"]["places"]
    intl = data["international"]["places"]
    for vals in (nat, intl):
        assert vals and all(isinstance(v, str) and v == v.strip().lower() and v for v in vals)
    assert not set(nat) & set(intl), "a place cannot be both national and international"


def test_compare_periods_reuses_a_given_monitor_result():
    ds = md.dataset()
    a = smlib.compare_periods(ds)
    b = smlib.compare_periods(ds, current=smlib.monitor(ds))
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs == b.attrs


# ------------------------------------------------------------------------------ the sample
SAMPLE = ["northway-rail", "brightmart", "bean-and-leaf", "riverside-leisure", "hopewell-trust",
          "kelby-council"]


@pytest.mark.parametrize("slug", SAMPLE)
def test_sample_figures_vs_raw_csv(slug, sample_dir):
    """On each bundled organisation: figures vs the raw CSV files read with the csv module."""
    import csv
    from zoneinfo import ZoneInfo
    if not (sample_dir / slug / "interactions.csv").exists():
        pytest.skip(f"sample {slug} not generated")
    ds = smlib.load_sample(slug)
    tz = ZoneInfo(ds.profile.timezone)
    with open(sample_dir / slug / "interactions.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r["ts"] = dt.datetime.fromisoformat(r["created_at"].replace("Z", "+00:00"))
        r["day"] = r["ts"].astimezone(tz).date()
        r["org_row"] = r["author_is_org"] == "True"
    days = sorted({r["day"] for r in rows})[-5:]
    res = smlib.monitor(ds)
    assert res["meta"]["days"] == [d.isoformat() for d in days]
    win = [r for r in rows if r["day"] in days]
    cust = [r for r in win if not r["org_row"]]
    before = {r["author_id"] for r in rows if r["day"] < days[0] and not r["org_row"]}
    h = res["headline"]
    assert h["messages"] == len(win)
    assert h["customer_messages"] == len(cust)
    assert h["users"] == len({r["author_id"] for r in cust})
    assert h["returning_users"] == len({r["author_id"] for r in cust} & before)
    assert h["business_posts"] == sum(1 for r in win if r["org_row"] and r["kind"] == "post")
    # answered by the end of the last day: a direct org reply, or a later org DM in the thread
    cutoff = dt.datetime.combine(days[-1] + dt.timedelta(days=1), dt.time(), tz)
    org_rows = [r for r in rows if r["org_row"]]
    by_parent: dict = {}
    by_thread: dict = {}
    for o in org_rows:
        by_parent.setdefault((o["platform"], o["parent_id"]), []).append(o["ts"])
        if o["kind"] == "message":
            by_thread.setdefault((o["platform"], o["thread_id"]), []).append(o["ts"])
    waits = []
    for c in cust:
        cands = [t for t in by_parent.get((c["platform"], c["message_id"]), []) if t >= c["ts"]]
        if c["kind"] == "message":
            cands += [t for t in by_thread.get((c["platform"], c["thread_id"]), []) if t >= c["ts"]]
        if cands and min(cands) < cutoff:
            waits.append((min(cands) - c["ts"]).total_seconds() / 60)
    assert h["answered_share"] == round(len(waits) / len(cust), 4)
    assert h["waiting"] == len(cust) - len(waits)
    assert h["first_response_median_minutes"] == pytest.approx(np.median(waits), abs=0.05)
    assert h["first_response_p90_minutes"] == pytest.approx(np.percentile(waits, 90), abs=0.05)
    # followers from the audience CSV: latest figure on or before the last day, all platforms
    with open(sample_dir / slug / "audience.csv", newline="", encoding="utf-8") as fh:
        aud = [a for a in csv.DictReader(fh) if a["dimension"] == "followers"]
    end = {}
    for a in aud:
        d = dt.date.fromisoformat(a["date"][:10])
        if d <= days[-1] and (a["platform"] not in end or d >= end[a["platform"]][0]):
            end[a["platform"]] = (d, int(a["count"]))
    assert h["followers_end"] == sum(c for _d, c in end.values())


def test_top_messages_are_the_most_shared_customer_messages(res):
    cust = [r for r in _customer(_rows()) if r["shares"] or r["likes"]]
    want = sorted(cust, key=lambda r: (-r["shares"], -r["likes"], r["ts"]))[:5]
    top = res["top_messages"]
    assert top["shares"].tolist() == [r["shares"] for r in want]
    assert top["likes"].tolist() == [r["likes"] for r in want]
    assert top["text"].iloc[0] == "@tiny the toilet is broken and dirty"  # shared 4 times


def test_minimal_frame_without_optional_columns_still_works():
    full = md.interactions()
    minimal = full[["org", "platform", "message_id", "parent_id", "created_at", "author_id",
                    "author_is_org", "kind", "text", "sentiment_label"]].copy()
    minimal["created_at"] = minimal["created_at"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")  # plain text
    r = smlib.monitor(smlib.Dataset(interactions=minimal, profile=md.PROFILE), days=md.MONITOR_DAYS)
    assert r["headline"]["messages"] == len(_rows())
    assert r["headline"]["engagement_rate"] is None     # no likes/shares/replies, no followers
    assert _table_row(r["engagement"], "platform", "all")["interactions"] == 0


def test_no_messages_left_after_loading_says_what_was_skipped():
    """An export holding only reactions loads with every row skipped; monitoring then says why
    there is nothing to monitor (the skip reasons), not just that there is nothing."""
    from smlib.schema import Dataset, empty_interactions
    ds = Dataset(empty_interactions(), load_summary={"source": "likes.json", "rows_in": 17, "rows_kept": 0,
                                                     "rows_skipped": 17, "reasons": {"reaction (not a message)": 17}})
    for call in (smlib.default_days, smlib.monitor):
        with pytest.raises(smlib.DataError) as err:
            call(ds)
        msg = str(err.value)
        assert msg.startswith("likes.json: there are no messages to monitor in this data")
        assert "17 row(s), all skipped: 17 reaction (not a message)" in msg


def test_examples_pseudonymise_a_customer_named_by_someone_else():
    """Found by the leak audit: each example table was pseudonymised on its own few rows, so
    a complaint naming another customer ('Zed Leakname saw it too') kept the name when Zed
    wrote none of the examples."""
    ds = md.dataset()
    f = ds.interactions.copy()
    f["author_name"] = f["author_name"].astype("object")
    f.loc[f["author_id"] == "zed", "author_name"] = "Zed Leakname"
    f["text"] = f["text"].astype("object")
    f.loc[f["message_id"] == "c4", "text"] = "@tiny the toilet is broken and dirty, Zed Leakname saw it too"
    ds.interactions = f
    res = smlib.monitor(ds)
    shown = pd.concat([res["complaint_examples"]["text"], res["top_messages"]["text"],
                       res["feedback_examples"]["text"], res["themes"]["example"].dropna()])
    assert shown.str.contains("broken and dirty").any()
    assert not shown.str.contains("Leakname").any()
    assert shown.str.contains(f"dirty, {smlib.privacy.pseudonym('zed')} saw it").any()


@pytest.mark.parametrize("org", ["bean-and-leaf", "brightmart"])
def test_theme_examples_are_not_spam_when_another_message_will_do(org):
    """Bean & Leaf's example of praise, and of booking, was 'Check out my page for the best deals
    online 👉👉' (spam posted again and again). Examples now come from messages that are not
    spam, scams or texts posted three times or more, whenever the theme has one."""
    from smlib.metrics import _spam_or_scam
    ds = smlib.enrich(smlib.load_sample(org))
    res = smlib.monitor(ds)
    days = res["meta"]["days"]
    w = ds.interactions
    local = w["created_at"].dt.tz_convert(ds.profile.timezone).dt.date.astype(str)
    cust = w[local.isin(days) & ~w["author_is_org"].astype(bool)]
    unfit = _spam_or_scam(cust)
    bad_texts = set(cust.loc[unfit, "text"])
    for r in res["themes"].itertuples():
        has = cust["themes"].map(lambda t: r.theme in t).to_numpy()
        if (has & ~unfit).any():
            assert r.example not in bad_texts, (r.theme, r.example)


def test_top_messages_leave_out_counts_the_source_does_not_record():
    """The airline tweets have retweets but no likes and no follower numbers: the most-shared table
    showed 'likes 0' and an empty followers column on every row."""
    full = md.interactions()
    no_likes = full.assign(likes=0, author_followers=pd.NA)
    r = smlib.monitor(smlib.Dataset(interactions=no_likes, profile=md.PROFILE), days=md.MONITOR_DAYS)
    assert "likes" not in r["top_messages"].columns and "author_followers" not in r["top_messages"].columns
    assert len(r["top_messages"]) and (r["top_messages"]["shares"] > 0).all()
    kept = smlib.monitor(smlib.Dataset(interactions=full, profile=md.PROFILE), days=md.MONITOR_DAYS)
    assert "likes" in kept["top_messages"].columns


def test_no_idea_and_should_have_arrived_are_not_suggestions(tmp_path, monkeypatch):
    """'no idea, sorry' was shown as an example suggestion; 'My parcel should have arrived' is a
    complaint. [suggestions] not_in (in data/monitoring_keywords.toml) lists such phrases."""
    from smlib import metrics as M
    kw = M._keywords()
    t = pd.Series(["no idea, sorry", "Any idea when my parcel will come?",
                   "My parcel should have arrived yesterday",
                   "Great idea: bring back the carrot cake", "You should open earlier on Sundays",
                   "Scrapping the 6am gym slot is a bad idea, bring it back"])
    assert M._has_phrase(t, kw["suggestions"]).tolist() == [False, False, False, True, True, True]
    # without the not_in list every one of them counts
    assert M._has_phrase(t, {"phrases": kw["suggestions"]["phrases"]}).all()


def test_a_not_in_that_is_not_a_list_is_refused(tmp_path):
    from smlib import metrics as M
    base = M.data_file("monitoring_keywords.toml").read_text(encoding="utf-8")
    bad = tmp_path / "kw.toml"
    import re
    bad.write_text(re.sub(r'not_in = \[[^\]]*\]', 'not_in = "no idea"', base, count=1), encoding="utf-8")
    with pytest.raises(smlib.DataError) as e:
        M._keywords_read(str(bad), 0)
    assert "suggestions" in str(e.value) and "not_in must be a list" in str(e.value)


def test_answered_is_unknown_not_zero_without_the_organisations_messages():
    """A file of customers' messages only (the airline tweets, an inbound-only export) showed
    "Answered 0" beside a blank share: nobody answered, it seemed. It is unknown."""
    ds = smlib.load_sample("northway-rail")
    f = ds.interactions
    only_public = ds.replace(interactions=f[~f["author_is_org"].astype(bool)])
    cc = smlib.monitor(only_public)["customer_care"]
    assert cc["answered"].isna().all() and cc["waiting"].isna().all()
    assert cc["customer_messages"].gt(0).any()
    cc_full = smlib.monitor(ds)["customer_care"]
    assert cc_full["answered"].notna().all() and cc_full["answered"].sum() > 0
