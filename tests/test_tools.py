"""Tests for smlib.tools: the catalogue schema, the visibility rule, coverage, view-through and D1.

Figures are checked against independent hand counts on small hand-made datasets: each message
row carries hand-written labels saying which test tool should see it, and the expected shares
are worked out from those labels with plain Python, not with smlib's rule.
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest

import smlib
from smlib.errors import DataError
from smlib.schema import PLATFORMS, Dataset, conform_interactions
from smlib import tools as T

from _nbrun import CELL_TIMEOUT  # noqa: E402

CATALOGUE = Path(smlib.paths.data_file("tools.toml"))
TODAY = dt.date.today()

# --------------------------------------------------------------------------- the real catalogue


@pytest.fixture(scope="module")
def raw() -> dict:
    with open(CATALOGUE, "rb") as fh:
        return tomllib.load(fh)


def test_catalogue_loads_with_the_unit_tools_and_current_alternatives():
    cat = smlib.load_tool_catalogue()
    ids = set(cat["id"])
    for needed in ("hootsuite", "klout", "social-mention", "tweetreach", "meta-business-suite",
                   "x-analytics", "linkedin-analytics", "tiktok-analytics", "youtube-studio",
                   "sprout-social", "brandwatch", "brand24", "talkwalker", "buffer",
                   "google-alerts"):
        assert needed in ids, f"{needed} missing from data/tools.toml"
    assert cat["id"].is_unique


def test_every_fact_is_dated_and_sourced(raw):
    """Independent of the loader: walk the TOML and check each fact by hand."""
    sources = raw["sources"]
    for t in raw["tools"]:
        for name in T.FACTS:
            fact = t[name]
            assert isinstance(fact, dict), (t["id"], name)
            assert isinstance(fact["checked"], dt.date), (t["id"], name)
            assert fact["checked"] <= TODAY, (t["id"], name, "checked in the future")
            assert fact["source"] in sources, (t["id"], name, fact["source"])
        assert isinstance(t["cost"]["as_of"], dt.date), t["id"]
        assert t["ease_of_use"]["basis"].strip(), t["id"]
    for sid, s in sources.items():
        if s["kind"] == "web":
            assert re.match(r"https?://[^\s]+$", s["url"]), sid


def test_statuses_platforms_measures_from_the_allowed_sets(raw):
    for t in raw["tools"]:
        assert t["status"]["value"] in ("available", "closed", "unverified"), t["id"]
        assert set(t["platforms"]["value"]) <= set(PLATFORMS), t["id"]
        assert set(t["measures"]["value"]) <= set(T.MEASURES), t["id"]
        assert set(t["scope"]["value"]) <= {"own_accounts", "listening"}, t["id"]


def test_honest_statuses_klout_closed_social_mention_and_tweetreach_unverified():
    cat = smlib.load_tool_catalogue().set_index("id")
    assert cat.loc["klout", "status"] == "closed"
    assert cat.loc["klout", "status_since"] == dt.date(2018, 5, 25)
    assert cat.loc["social-mention", "status"] == "unverified"
    assert cat.loc["tweetreach", "status"] == "unverified"
    # a tool whose facts are mostly unconfirmed says so
    assert "status" in cat.loc["social-mention", "unverified_facts"]


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "tools.toml"
    p.write_text(text, encoding="utf-8")
    return p


def _break(tmp_path: Path, old: str, new: str) -> Path:
    text = CATALOGUE.read_text(encoding="utf-8")
    assert old in text, old
    return _write(tmp_path, text.replace(old, new, 1))


@pytest.mark.parametrize("old,new,tool,field", [
    ('status = { value = "available", checked = 2026-11-23, source = "hootsuite-plans-2026" }',
     'status = { value = "available", source = "hootsuite-plans-2026" }', "hootsuite", "status"),
    ('status = { value = "available", checked = 2026-11-23, source = "hootsuite-plans-2026" }',
     'status = { value = "maybe", checked = 2026-11-23, source = "hootsuite-plans-2026" }',
     "hootsuite", "status"),
    ('status = { value = "available", checked = 2026-11-23, source = "hootsuite-plans-2026" }',
     'status = { value = "available", checked = 2026-11-23, source = "my-memory" }',
     "hootsuite", "status"),
    ('platforms = { value = ["tiktok"]', 'platforms = { value = ["tiktokk"]', "tiktok-analytics",
     "platforms"),
    ('status = { value = "closed", since = 2018-05-25,', 'status = { value = "closed",', "klout",
     "status"),
    ('ease_of_use = { value = 5, basis = "Very simple screens; built for one person."',
     'ease_of_use = { value = 7, basis = "Very simple screens; built for one person."', "buffer",
     "ease_of_use"),
])
def test_bad_entries_raise_dataerror_naming_tool_and_field(tmp_path, old, new, tool, field):
    p = _break(tmp_path, old, new)
    with pytest.raises(DataError) as ei:
        smlib.load_tool_catalogue(p)
    assert f"'{tool}'" in str(ei.value)
    assert ei.value.field == field


def test_missing_fact_and_bad_weight_are_reported(tmp_path):
    p = _break(tmp_path, 'free_tier = { value = false, checked = 2026-11-23, source = '
                         '"hootsuite-plans-2026", note = "Four paid plans listed; no free plan '
                         '(trial only)." }\n', "")
    with pytest.raises(DataError, match="hootsuite.*free_tier"):
        smlib.load_tool_catalogue(p)
    p = _break(tmp_path, "weights = { coverage = 3,", "weights = { coverage = -3,")
    with pytest.raises(DataError, match="coverage"):
        smlib.load_tool_catalogue(p)


# --------------------------------------------------------------------------- a hand-made world

MINI = '''
[scoring]
weights = { coverage = 1, measures = 1, alerts = 1, cost = 1, ease = 1 }
[sources.unverified]
kind = "unverified"
title = "test"
[sources.judgement]
kind = "judgement"
title = "test"
'''


def _tool(tid, status, platforms, scope, measures, alerts, band, ease, extra_scope="",
          since=""):
    d = "2026-01-01"
    return f'''
[[tools]]
id = "{tid}"
name = "{tid.title()}"
summary = "test tool"
status = {{ value = "{status}", {since} checked = {d}, source = "unverified" }}
platforms = {{ value = {platforms!r}, checked = {d}, source = "unverified" }}
scope = {{ value = {scope!r}, {extra_scope} checked = {d}, source = "unverified" }}
measures = {{ value = {measures!r}, checked = {d}, source = "unverified" }}
alerts = {{ value = {str(alerts).lower()}, checked = {d}, source = "unverified" }}
reports = {{ value = [], checked = {d}, source = "unverified" }}
history_days = {{ value = "unknown", checked = {d}, source = "unverified" }}
cost = {{ value = "{band}", band = "{band}", as_of = {d}, checked = {d}, source = "unverified" }}
free_tier = {{ value = false, checked = {d}, source = "unverified" }}
ease_of_use = {{ value = {ease}, basis = "test", checked = {d}, source = "judgement" }}
'''.replace("'", '"')


# Each message: platform, kind, by org, category, urgent, and HAND-WRITTEN labels saying whether
# tool "own" (own_accounts on x+facebook), "listen" (listening on x, blog, reviews) and "mixed"
# (own_accounts on facebook, listening only on x, no DMs) should see it.
ROWS = [
    # platform   kind       org    category              urgent own    listen mixed
    ("x",        "post",    True,  "posted_by_business", False, True,  True,  True),
    ("x",        "reply",   False, "needs_action",       False, True,  True,  True),
    ("x",        "mention", False, "needs_action",       True,  False, True,  True),
    ("x",        "message", False, "needs_action",       True,  True,  False, False),
    ("x",        "post",    False, "no_action",          False, False, True,  True),
    ("facebook", "post",    True,  "posted_by_business", False, True,  False, True),
    ("facebook", "comment", False, "needs_action",       False, True,  False, True),
    ("facebook", "message", False, "needs_action",       True,  True,  False, False),
    ("facebook", "mention", False, "no_action",          False, False, False, False),
    ("instagram", "comment", False, "needs_action",      False, False, False, False),
    ("reviews",  "review",  False, "needs_action",       True,  False, True,  False),
    ("blog",     "comment", False, "no_action",          False, False, True,  False),
]
LABEL = {"own": 5, "listen": 6, "mixed": 7}


def _frame() -> pd.DataFrame:
    df = pd.DataFrame(ROWS, columns=["platform", "kind", "author_is_org", "category", "urgent",
                                     "own", "listen", "mixed"])
    n = len(df)
    df["org"] = "test-org"
    df["message_id"] = [str(i) for i in range(n)]
    # two days: rows 0-7 on 5 Jan, rows 8-11 on 6 Jan
    df["created_at"] = pd.to_datetime(["2026-01-05 10:00"] * 8 + ["2026-01-06 11:00"] * 4,
                                      utc=True)
    df["author_id"] = ["org" if o else f"c{i}" for i, o in enumerate(df["author_is_org"])]
    df["text"] = "hello"
    return conform_interactions(df.drop(columns=["own", "listen", "mixed"]))


@pytest.fixture()
def world(tmp_path) -> Path:
    text = MINI + _tool("own", "available", ["x", "facebook"], ["own_accounts"],
                        ["number_of_users", "location", "age_group", "feedback"], False, "free", 4)
    text += _tool("listen", "available", ["x", "blog", "reviews"], ["listening"],
                  ["number_of_users", "complaints_sentiment", "themes", "feedback"], True,
                  "medium", 3)
    text += _tool("mixed", "available", ["x", "facebook"], ["own_accounts", "listening"],
                  ["number_of_users"], False, "high", 2,
                  extra_scope='listening_platforms = ["x"], exclude_kinds = ["message"],')
    return _write(tmp_path, text)


def _hand_shares(label: str, rows=ROWS):
    col = LABEL[label]
    seen = [r[col] for r in rows]
    need = [r[3] == "needs_action" for r in rows]
    urg = [r[4] for r in rows]
    s_all = sum(seen) / len(rows)
    s_need = sum(a and b for a, b in zip(seen, need)) / sum(need)
    s_urg = sum(a and b for a, b in zip(seen, urg)) / sum(urg)
    return s_all, s_need, s_urg


@pytest.mark.parametrize("tool", ["own", "listen", "mixed"])
def test_visibility_rule_matches_hand_labels(world, tool):
    cat = smlib.load_tool_catalogue(world).set_index("id")
    mask = T.visible_mask(_frame(), cat.loc[tool])
    assert mask.tolist() == [r[LABEL[tool]] for r in ROWS]


@pytest.mark.parametrize("tool", ["own", "listen", "mixed"])
def test_coverage_matches_independent_count(world, tool):
    cov = smlib.tool_coverage(_frame(), catalogue=world).set_index("id")
    s_all, s_need, s_urg = _hand_shares(tool)
    assert cov.loc[tool, "share_seen"] == pytest.approx(s_all)
    assert cov.loc[tool, "share_action"] == pytest.approx(s_need)
    assert cov.loc[tool, "share_urgent"] == pytest.approx(s_urg)
    assert cov.loc[tool, "coverage"] == pytest.approx((s_all + s_need + s_urg) / 3)
    # per platform: share of that platform's messages, by hand
    for p in {r[0] for r in ROWS}:
        on_p = [r for r in ROWS if r[0] == p]
        assert cov.loc[tool, f"share_{p}"] == pytest.approx(
            sum(r[LABEL[tool]] for r in on_p) / len(on_p)), p


def test_coverage_on_chosen_days_only(world):
    cov = smlib.tool_coverage(_frame(), days=["2026-01-06"], catalogue=world).set_index("id")
    rows = ROWS[8:]
    assert cov.loc["listen", "messages_total"] == len(rows)
    assert cov.loc["listen", "messages_seen"] == sum(r[LABEL["listen"]] for r in rows)


def test_coverage_works_out_categories_when_missing_and_does_not_mutate(world):
    f = _frame()
    bare = f.drop(columns=["category", "urgent"])
    before = bare.copy()
    cov = smlib.tool_coverage(bare, catalogue=world)
    pd.testing.assert_frame_equal(bare, before)
    assert cov["share_seen"].notna().all()
    # either prioritise ran (shares are numbers) or the note says why not
    note = cov.attrs["note"]
    assert ("prioritise" in note) and (cov["share_action"].notna().all()
                                       or "not available" in note)


def test_score_matches_hand_calculation(world):
    cov = smlib.tool_coverage(_frame(), catalogue=world)
    w = {"coverage": 2, "measures": 1, "alerts": 0, "cost": 1, "ease": 3}
    scores = T.score_tools(cov, w).set_index("id")
    s_all, s_need, s_urg = _hand_shares("own")
    cov_own = (s_all + s_need + s_urg) / 3
    hand = 100 * (2 * cov_own + 1 * 4 / 6 + 0 * 0 + 1 * 1.0 + 3 * (4 - 1) / 4) / 7
    assert scores.loc["own", "total"] == pytest.approx(hand)


# --------------------------------------------------------------------------- D1


def _ds() -> Dataset:
    return Dataset(interactions=_frame())


def test_changing_weights_changes_the_recommendation(world):
    cheap = smlib.recommend_tool(_ds(), days=["2026-01-05", "2026-01-06"],
                                 weights={"coverage": 0, "measures": 0, "alerts": 0, "cost": 5,
                                          "ease": 0}, catalogue=world)
    seeing = smlib.recommend_tool(_ds(), days=["2026-01-05", "2026-01-06"],
                                  weights={"coverage": 5, "measures": 0, "alerts": 5, "cost": 0,
                                           "ease": 0}, catalogue=world)
    assert cheap.recommended == "own"          # the only free tool
    assert seeing.recommended == "listen"      # sees most and alerts
    assert cheap.recommended != seeing.recommended
    assert cheap.reasons and "Own" == cheap.recommended_name


def test_weight_sliders_show_the_same_choice_as_recommend_tool_and_redraw(world):
    """The sliders' text agrees with recommend_tool for the weights set, and changes with them.
    Drawn into an HTML widget, not an Output widget (output capture can hang nbclient)."""
    widgets = pytest.importorskip("ipywidgets")
    days = ["2026-01-05", "2026-01-06"]
    box = T.weight_sliders(_ds(), days=days, catalogue=world)
    sliders = {s.description: s for s in box.children if isinstance(s, widgets.FloatSlider)}
    shown = box.children[-1]
    assert isinstance(shown, widgets.HTML) and not any(isinstance(c, widgets.Output) for c in box.children)
    for weights in ({"coverage": 0, "measures": 0, "alerts": 0, "cost": 5, "ease": 0},
                    {"coverage": 5, "measures": 0, "alerts": 5, "cost": 0, "ease": 0}):
        for name, value in weights.items():
            sliders[name].value = value
        rec = smlib.recommend_tool(_ds(), days=days, weights=weights, catalogue=world)
        assert f"Recommended: {rec.recommended_name}   (runner-up: {rec.runner_up_name})" in shown.value
    for s in sliders.values():
        s.value = 0
    assert "Set at least one weight above 0." in shown.value


def test_closed_and_unverified_tools_are_never_recommended_even_when_favoured(tmp_path):
    best = ["number_of_users", "location", "age_group", "complaints_sentiment", "themes",
            "feedback"]
    text = MINI + _tool("ghost", "closed", ["x", "facebook", "blog", "reviews", "instagram"],
                        ["own_accounts", "listening"], best, True, "free", 5,
                        since="since = 2018-05-25,")
    text += _tool("maybe", "unverified", ["x", "facebook", "blog", "reviews", "instagram"],
                  ["own_accounts", "listening"], best, True, "free", 5)
    text += _tool("plain", "available", ["x"], ["own_accounts"], [], False, "high", 1)
    p = _write(tmp_path, text)
    for w in ({"coverage": 5, "measures": 5, "alerts": 5, "cost": 5, "ease": 5},
              {"coverage": 0, "measures": 0, "alerts": 0, "cost": 1, "ease": 0},
              {"coverage": 0, "measures": 0, "alerts": 0, "cost": 0, "ease": 1}):
        rec = smlib.recommend_tool(_ds(), weights=w, catalogue=p)
        assert rec.recommended == "plain"
        assert rec.scores.iloc[0]["id"] in ("ghost", "maybe")   # it really was favoured
        assert {"ghost", "maybe"} <= set(rec.excluded["id"])
        assert rec.runner_up is None
        assert "plain" not in set(rec.sensitivity["winner"]) - {"plain"}
        assert set(rec.sensitivity["winner"]) == {"plain"}


def test_sensitivity_agrees_with_recomputed_scores(world):
    w = {"coverage": 2, "measures": 2, "alerts": 1, "cost": 2, "ease": 1}
    rec = smlib.recommend_tool(_ds(), weights=w, catalogue=world)
    cov = rec.coverage
    for _, r in rec.sensitivity.iterrows():
        w2 = dict(w)
        w2[r["criterion"]] = w[r["criterion"]] * (0.5 if r["change"] == "50% lower" else 1.5)
        s = T.score_tools(cov, w2).sort_values(["total", "id"], ascending=[False, True])
        assert s.iloc[0]["id"] == r["winner"]
        assert r["changed"] == (r["winner"] != rec.recommended)
    for _, f in rec.flips.iterrows():
        w2 = dict(w)
        w2[f["criterion"]] = w[f["criterion"]] * f["multiplier"]
        s = T.score_tools(cov, w2).sort_values(["total", "id"], ascending=[False, True])
        assert s.iloc[0]["id"] == f["new_winner"] != rec.recommended
        # one step closer to the current weights does not flip it
        step = 0.05 if f["direction"] == "lower" else -0.05
        w3 = dict(w)
        w3[f["criterion"]] = w[f["criterion"]] * (f["multiplier"] + step)
        s3 = T.score_tools(cov, w3).sort_values(["total", "id"], ascending=[False, True])
        assert s3.iloc[0]["id"] == rec.recommended


def test_cautions_name_what_the_choice_cannot_do(world):
    rec = smlib.recommend_tool(_ds(), weights={"coverage": 5, "measures": 0, "alerts": 5,
                                               "cost": 0, "ease": 0}, catalogue=world)
    assert rec.recommended == "listen"
    text = " ".join(rec.cautions)
    assert "private messages" in text                  # the data has DMs; listening never sees them
    # platforms it does not cover, by their names: "It does not cover facebook" showed a code
    assert "Facebook" in text and "Instagram" in text and "facebook" not in text
    assert "age group" in text                         # a 2.1 measure it does not give
    assert "But be aware" in rec.text()


def test_runner_up_reasons_mention_scores(world):
    rec = smlib.recommend_tool(_ds(), catalogue=world)
    assert rec.runner_up is not None and rec.runner_up != rec.recommended
    assert f"{rec.scores.set_index('id').loc[rec.runner_up, 'total']:.1f}" in \
        rec.runner_up_reasons[0]
    assert rec.recommended_name in rec.text()


def test_bad_weights_raise_dataerror(world):
    with pytest.raises(DataError, match="cost"):
        smlib.recommend_tool(_ds(), weights={"cost": -1}, catalogue=world)
    with pytest.raises(DataError, match="unknown weight"):
        smlib.recommend_tool(_ds(), weights={"price": 1}, catalogue=world)
    with pytest.raises(DataError, match="above 0"):
        smlib.recommend_tool(_ds(), weights={c: 0 for c in T.CRITERIA}, catalogue=world)


def test_unknown_tool_is_a_dataerror(world):
    with pytest.raises(DataError, match="unknown tool"):
        smlib.view_through_tool(_ds(), "myspace", catalogue=world)


# --------------------------------------------------------------------------- view through


def test_view_through_blanks_missing_measures_and_counts_what_it_misses(world):
    days = ["2026-01-05", "2026-01-06"]
    v = smlib.view_through_tool(_ds(), "own", days=days, catalogue=world)
    hand_seen = sum(r[LABEL["own"]] for r in ROWS)
    assert int(v.missed["seen"].sum()) == hand_seen
    assert int(v.missed["missed"].sum()) == len(ROWS) - hand_seen
    tab = v.table.set_index("figure")
    assert tab.loc["messages", "full"] == len(ROWS)
    assert tab.loc["messages", "through_tool"] == hand_seen
    # "own" gives no complaints/sentiment or themes: those figures are blank
    for fig, row in tab.iterrows():
        if row["measure"] in ("complaints_sentiment", "themes"):
            assert not row["shown"] and row["through_tool"] is None, fig
    assert "negative_share" in tab.index and not tab.loc["negative_share", "shown"]


def test_headline_measure_uses_whole_words():
    assert T.headline_measure("engagement_rate") is None      # 'age' inside a word is not age
    assert T.headline_measure("top_age_group") == "age_group"
    assert T.headline_measure("users") == "number_of_users"


# --------------------------------------------------------------------------- real data


@pytest.mark.realdata
def test_coverage_on_real_customer_support_tweets(realdata):
    """Kaggle twcs sample (X only): an own-account X tool sees brand tweets and every reply, but
    not customers' opening mentions; a listening tool on X sees everything (no DMs in twcs).
    Independent count straight from the CSV with the csv module."""
    import csv

    path = realdata / "twcs" / "sample.csv"
    ds = smlib.load(path)
    kept = set(ds.interactions["message_id"].astype(str))
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["tweet_id"] in kept]
    assert len(rows) == len(kept) > 50
    own_seen = sum(1 for r in rows
                   if r["inbound"].strip().lower() == "false" or r["in_response_to_tweet_id"].strip())
    cov = smlib.tool_coverage(ds.interactions).set_index("id")
    assert cov.loc["x-analytics", "messages_seen"] == own_seen
    assert cov.loc["x-analytics", "messages_seen"] < len(rows)       # opening mentions missed
    assert cov.loc["brand24", "messages_seen"] == len(rows)           # listening on X sees all
    assert cov.loc["linkedin-analytics", "messages_seen"] == 0        # wrong platform
    assert cov.loc["klout", "messages_seen"] == 0


# --------------------------------------------------------------------------- notebook


@pytest.mark.slow
def test_notebook_04_runs_under_papermill(repo, tmp_path):
    pytest.importorskip("papermill")
    import papermill as pm

    try:
        smlib.load_org("bean-and-leaf")
    except Exception as exc:  # the sample is written by another engineer
        pytest.skip(f"sample organisation not loadable yet: {exc}")
    nb = repo / "notebooks" / "04_tools.ipynb"
    out = tmp_path / "04_out.ipynb"
    pm.execute_notebook(str(nb), str(out), kernel_name="python3", cwd=str(tmp_path),
                        parameters={"org": "bean-and-leaf", "days": None, "platforms": None},
                        progress_bar=False, execution_timeout=CELL_TIMEOUT)
    text = out.read_text(encoding="utf-8")
    assert "Recommended tool:" in text
    assert "Klout" in text


def test_coverage_table_percentages_and_na(world):
    f = _frame()
    f["urgent"] = False                              # nothing urgent: shares cannot be worked out
    cov = smlib.tool_coverage(f, catalogue=world)
    tab = T.coverage_table(cov).set_index("tool")
    s_all, _, _ = _hand_shares("listen")
    assert tab.loc["Listen", "% of all"] == f"{100 * s_all:.0f}%"
    assert set(tab["% urgent"]) == {"n/a"}


def test_equal_totals_go_to_the_tool_that_sees_more():
    """Ties used to go to the first tool id in the alphabet: with only cost weighted, every free
    tool scores 100 and Buffer or Google Alerts (which sees nothing) could win over one that sees
    most of the activity."""
    ds = smlib.load_sample("northway-rail")
    days = smlib.default_days(ds, 5)
    rec = smlib.recommend_tool(ds, days=days, weights={"coverage": 0, "measures": 0, "alerts": 0,
                                                        "cost": 1, "ease": 0})
    sc = rec.scores[rec.scores["eligible"]]
    top = sc[sc["total"].round(6) == sc["total"].round(6).max()]
    assert len(top) > 1                                   # a real tie
    assert rec.recommended == top.sort_values(["coverage", "id"], ascending=[False, True])["id"].iloc[0]
    assert sc.set_index("id").loc[rec.recommended, "coverage"] == top["coverage"].max()
    assert "wins the tie" in rec.text() or "by name only" in rec.text()


def test_runner_up_reasons_read_as_sentences(world):
    """The report said 'It lost points on gives the 2.1 measures' and 'It did better on sees the
    organisation's messages': table labels (verb phrases) dropped after 'on'. Each criterion is
    now named as a noun phrase, and the jargon '2.1 measures' is spelled out."""
    rec = smlib.recommend_tool(_ds(), days=["2026-01-05", "2026-01-06"], catalogue=world)
    text = " ".join(rec.runner_up_reasons)
    assert "lost points on" in text or "did better on" in text, text
    from smlib.tools import _TIE_WORDS, CRITERION_LABELS
    for c, label in CRITERION_LABELS.items():
        if label != _TIE_WORDS[c]:   # the verb phrases ('sees …', 'gives …')
            assert f"on {label}" not in text and f"; {label}" not in text, text
    assert "2.1" not in text


def test_cautions_say_how_many_messages_needing_action_the_tool_would_not_show():
    """Brand24 was recommended for Northway Rail with 'It does not cover reviews', while the
    organisation's highest-priority message was a 2-star review: the recommendation never
    connected the two. The cautions now count the messages needing action it would not show."""
    ds = smlib.enrich(smlib.load_sample("northway-rail"))
    rec = smlib.recommend_tool(ds)
    cov = rec.coverage.set_index("id").loc[rec.recommended]
    missed = int(cov["action_total"]) - int(cov["action_seen"])
    said = [c for c in rec.cautions if "messages that need action" in c]
    if missed:
        assert said == [f"It would not show {missed} of the {int(cov['action_total'])} messages that "
                        "need action on these days."]
    else:
        assert not said


def test_reads_says_what_a_tool_reads_in_words():
    from smlib.tools import READS, reads
    assert reads(("own_accounts",)) == READS["own_accounts"]
    assert reads(["own_accounts", "listening"]) == READS["own_accounts"] + " and " + READS["listening"]
    assert reads(()) == "no messages"


def test_coverage_note_is_a_sentence_for_learners(world):
    """The report's tool table ended with 'needs-action and urgent flags from the data's own
    'category'/'urgent' columns': column names, not words (session 10 walk-through)."""
    for frame in (_frame(), _frame().drop(columns=["category", "urgent"])):
        note = smlib.tool_coverage(frame, catalogue=world).attrs["note"]
        assert note[0].isupper() and note.endswith(".") and "'category'" not in note and "flags" not in note


def test_catalogue_table_uses_the_reports_words():
    """Notebook 04 and the exercises said 'Sees: own accounts + listening' and listed platform
    codes ('x, facebook'); the report says 'Reads: own accounts and public search' and 'X'."""
    from smlib.tools import READS, catalogue_table
    t = catalogue_table()
    assert "Reads" in t.columns and "Sees" not in t.columns
    assert set(t["Reads"]) <= {READS["own_accounts"], READS["listening"],
                               READS["own_accounts"] + " and " + READS["listening"], "no messages"}
    cells = ", ".join(t["Platforms"]).split(", ")
    assert "X" in cells and "Facebook" in cells and "x" not in cells and "facebook" not in cells
