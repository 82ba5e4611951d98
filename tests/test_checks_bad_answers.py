"""The exercise checks with the answers real learners type: wrong kinds, wrong shapes, odd spellings.

Every check is called with ~100 bad answers (None, ``...``, placeholders, NaN, lists, tables,
dictionaries, functions, numbers as text, dates, emoji …) on the bundled practice organisation.
Each must give friendly feedback — never the catch-all "could not read your answer", never a
Python repr, never the right answer — and answers a human marker would accept (``"777 messages"``,
``[777]``, ``"30 October"``, ``"'re-123'"``) must be accepted.

Right answers are worked out here with smlib's public functions, as the tutor notebooks do.
"""
from __future__ import annotations

import datetime as dt
import decimal
import fractions
import math
import re
import warnings

import numpy as np
import pandas as pd
import pytest

import smlib
from smlib.checks import DONE, NOT_STARTED, NOT_YET, TASKS, check, context_for, judge

ORG = "tidy-paws"


@pytest.fixture(scope="module")
def ctx():
    return context_for(ORG)


@pytest.fixture(scope="module")
def right(ctx):
    """The right answers for the practice organisation, from smlib's public functions."""
    ds, days, plats = ctx.ds, ctx.days, ctx.platforms
    frame = ds.interactions
    local = frame["created_at"].dt.tz_convert(ds.profile.timezone)
    res = smlib.monitor(ds, days=days, platforms=plats)
    users = res["users"].set_index("platform")["users"]
    daily = res["daily"]
    ages = res["age"][res["age"]["platform"] == plats[0]]
    places = res["location"][res["location"]["platform"] == plats[0]]
    scored = smlib.prioritise(ds)
    on_days = scored[scored["created_at"].dt.tz_convert(ds.profile.timezone).dt.date.isin(days)]
    queue = on_days[on_days["category"] == "needs_action"].sort_values("priority", kind="stable")
    cat = smlib.load_tool_catalogue()
    cov = smlib.tool_coverage(ds, days=days).set_index("id").loc["meta-business-suite"]
    comp = res["complaints"].set_index("platform")
    return {
        "warmup.rows": len(frame),
        "warmup.business": int(frame["author_is_org"].astype(bool).sum()),
        "warmup.platform": frame["platform"].astype(str).value_counts().idxmax(),
        "warmup.hour": int(local.dt.hour.value_counts().idxmax()),
        "p3.users": (int(users[plats[0]]), int(users[plats[1]])),
        "p3.busiest_day": pd.Timestamp(daily.loc[daily["by_followers"].idxmax(), "day"]).date(),
        "p3.negative": int(comp.loc["all", "negative"]),
        "p3.age": str(ages.set_index(ages["age_band"].astype(str))["people"].idxmax()),
        "p3.location": int(places.loc[~places["national"].astype(bool), "people"].sum()),
        "m2.highest": str(queue["message_id"].iloc[-1]),
        "m2.lowest": str(queue["message_id"].iloc[0]),
        "p4.closed": list(cat.loc[cat["status"] == "closed", "name"]),
        "p4.coverage": (int(cov["messages_seen"]), int(cov["messages_total"])),
    }


def secrets(key: str, right: dict) -> list[str]:
    """What must never appear in a wrong answer's feedback for this task."""
    r = right.get(key)
    if key.startswith("m2.why_"):
        r = right["m2." + key.split("_")[1]]
    if r is None:
        return []
    if key == "p3.busiest_day":
        return [r.isoformat(), r.strftime("%d %b"), r.strftime("%A")]
    if key == "p4.coverage":
        seen, total = r
        return [f"{seen / total:.2f}", f"{100 * seen / total:.0f}%", str(seen)]
    return [str(x) for x in (r if isinstance(r, (list, tuple)) else [r])]


def assert_no_leak(message: str, hidden: list[str]) -> None:
    for s in hidden:
        if re.fullmatch(r"\d+", s):
            assert not re.search(rf"(?<![\d.]){s}(?![\d.])", message), (message, s)
        else:
            assert s.lower() not in message.lower(), (message, s)


def bad_answers() -> dict[str, object]:
    """What learners type instead of the answer (made fresh: one item is a generator)."""
    return {
        "None": None, "Ellipsis": ..., "empty": "", "dots": "...", "placeholder": "YOUR ANSWER HERE",
        "placeholder block": "\nYOUR ANSWER HERE\n", "todo": "TODO", "idk": "idk", "?": "?",
        "12": "12", " 12 ": "  12 \n", "1,234": "1,234", "45%": "45%", "12.5": "12.5",
        "nan": float("nan"), "np.nan": np.nan, "pd.NA": pd.NA, "NaT": pd.NaT, "inf": float("inf"),
        "-1": -1, "0": 0, "1.5": 1.5, "True": True, "False": False, "[]": [], "[1,2,3]": [1, 2, 3],
        "[None]": [None], "['a','b']": ["a", "b"], "{}": {}, "{'a':1}": {"a": 1}, "{1:2}": {1: 2},
        "{1,2}": {1, 2}, "(2,)": (2,), "shape": (777, 6), "empty frame": pd.DataFrame(),
        "frame": pd.DataFrame({"platform": ["x", "y"], "users": [3, 4]}),
        "renamed frame": pd.DataFrame({"Platform": ["x"], "count": [3]}),
        "series": pd.Series([1, 2]), "series of bools": pd.Series([True, False, True]),
        "empty array": np.array([]), "2-d array": np.array([[1, 2], [3, 4]]),
        "np.int64": np.int64(3), "np nan": np.float64("nan"), "Timestamp": pd.Timestamp("2026-11-05"),
        "date": dt.date(2026, 11, 5), "Decimal": decimal.Decimal("12"), "Fraction": fractions.Fraction(1, 3),
        "complex": complex(1, 2), "bytes": b"12", "object": object(), "len": len,
        "method": pd.Series([1, 2]).sum, "class": dict, "module": math, "range": range(3),
        "generator": (i for i in range(3)), "twelve": "twelve", "12 or 13": "12 or 13",
        "arabic digits": "١٢", "1e3": "1e3", "0x10": "0x10", "'nan'": "nan", "'None'": "None",
        "N/A": "N/A", "long": "word " * 3000, "lines": "a\nb\nc", "emoji": "🙂", "tab": "\t",
        "huge": 10**30, "tiny": 1e-300, "-0.0": -0.0, "['12','13']": ["12", "13"],
        "{None:'x'}": {None: "x"}, "[{'a':1}]": [{"a": 1}], "[[1],[2]]": [[1], [2]],
        "'[1, 2]'": "[1, 2]", "%": "%", ",": ",", "€12": "€12", "~12": "~12", "10-12": "10-12",
        "1/3": "1/3", "fullwidth": "１２", "nbsp": "\u00a012\u00a0", "zero-width": "12\u200b",
        "…": "…", "dict of NaN": {1: float("nan")}, "Interval": pd.Interval(1, 2),
    }


def other_answers(key: str, pos: int, value: object) -> list[object]:
    """The task's answers with ``value`` at ``pos`` and a plausible answer elsewhere."""
    filler = {"d1.reasons": "Hootsuite", "p3.users": 5}.get(key, "5")
    return [value if i == pos else filler for i in range(len(TASKS[key].answers))]


REPR = re.compile(r"object at 0x|<class |<module |<built-in|<bound method|Empty DataFrame|dtype:")


def test_guard_no_bad_answer_is_a_right_one(right):
    """The bad answers must not happen to be right for the practice organisation."""
    numbers = {right[k] for k in ("warmup.rows", "warmup.business", "warmup.hour", "p3.negative",
                                  "p3.location")} | set(right["p3.users"])
    for name, value in bad_answers().items():
        if isinstance(value, (int, float, str)) and not isinstance(value, bool):
            x = smlib.checks._answers.as_number(value, words=True)
            assert x not in numbers, name


@pytest.mark.parametrize("key", sorted(TASKS))
def test_bad_answers_give_friendly_feedback_never_a_crash_or_the_answer(ctx, right, key):
    n_cases = 0
    for pos in range(len(TASKS[key].answers)):
        for name, value in bad_answers().items():
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # a pandas warning would show in the notebook
                fb = judge(key, *other_answers(key, pos, value), ctx=ctx)
            n_cases += 1
            where = (key, pos, name, fb.message)
            assert fb.status in (NOT_STARTED, NOT_YET), where
            assert fb.message and "could not read your answer" not in fb.message, where
            assert not REPR.search(fb.message) and len(fb.message) < 400, where
            assert_no_leak(fb.message, secrets(key, right))
    assert n_cases == len(bad_answers()) * len(TASKS[key].answers)


# ---------------------------------------------------------------- the shape of an answer
@pytest.mark.parametrize("value", [float("nan"), np.nan, pd.NA, pd.NaT, np.float64("nan"),
                                   pd.Series([float("nan")]), np.datetime64("NaT")])
def test_nan_says_the_calculation_found_nothing_not_fill_in(ctx, value):
    fb = judge("warmup.rows", value, ctx=ctx)
    assert fb.status == NOT_YET and "NaN" in fb.message and "'n_messages'" in fb.message


@pytest.mark.parametrize("value, phrase", [
    ([1, 2, 3], "holds 3 values"), (pd.Series([True, False]), "holds 2 values"),
    ((777, 6), "table's shape"), (pd.DataFrame({"a": [1, 2]}), "whole table (2 rows)"),
    (pd.DataFrame({"a": [1]}).iloc[:0], "empty table"), (np.array([]), "is empty"),
    ({"facebook": 3}, "is a dictionary"), (pd.Series([1]).sum, "forget the brackets"),
    (len, "forget the brackets"), (range(10**12), "holds 1000000000000 values"),
    (map(str, [1, 2]), "holds several values"), (iter([]), "is empty")])
def test_wrong_shape_says_what_the_answer_holds(ctx, value, phrase):
    fb = judge("warmup.rows", value, ctx=ctx)
    assert fb.status == NOT_YET and phrase in fb.message and "'n_messages'" in fb.message
    assert "one whole number" in fb.message or phrase == "forget the brackets"


def test_users_says_which_of_the_two_answers_is_not_a_number(ctx, right):
    a, b = right["p3.users"]
    fb = judge("p3.users", a, [b, 1], ctx=ctx)
    assert "'users_2' holds 2 values" in fb.message and "users_1" not in fb.message
    fb = judge("p3.users", "lots", -3, ctx=ctx)
    assert "'users_1' and 'users_2' should each be a whole number" in fb.message


@pytest.mark.parametrize("key", ["warmup.rows", "warmup.business", "p3.negative", "p3.location"])
def test_a_negative_count_is_called_out(ctx, key):
    fb = judge(key, -4, ctx=ctx)
    assert fb.status == NOT_YET and "below zero" in fb.message


@pytest.mark.parametrize("key", ["warmup.rows", "warmup.business", "p3.negative", "p3.location"])
def test_counts_in_the_forms_a_marker_accepts(ctx, right, key):
    n = right[key]
    forms = [n, str(n), f" {n} ", f"{n:,}", float(n), f"{n}.0", np.int64(n), [n], (n,),
             pd.Series([n]), np.array([n]), pd.DataFrame({"a": [n]}), f"{n} messages",
             f"'{n}'", f"about {n}", f"n = {n}", f"{n:,}".replace(",", " "), str(n).encode()]
    for v in forms:
        assert judge(key, v, ctx=ctx).status == DONE, (key, v)
    assert judge(key, f"{n} or {n + 1}", ctx=ctx).status == NOT_YET
    assert judge(key, f"not {n}", ctx=ctx).status == NOT_YET


def test_users_in_the_forms_a_marker_accepts(ctx, right):
    a, b = right["p3.users"]
    for fa, fb_ in [(str(a), str(b)), ([a], pd.Series([b])), (f"{a} people", f"{b} people")]:
        assert judge("p3.users", fa, fb_, ctx=ctx).ok


# ---------------------------------------------------------------- task by task
def test_platform_in_a_short_phrase_or_a_one_item_list(ctx, right):
    p = right["warmup.platform"]
    for v in (p.upper(), f" {p.title()} ", f"the {p.title()} page", [p], pd.Series([p])):
        assert judge("warmup.platform", v, ctx=ctx).ok, v
    assert not judge("warmup.platform", f"not {p}", ctx=ctx).ok
    assert "not a number" in judge("warmup.platform", 3, ctx=ctx).message
    assert "holds 2 values" in judge("warmup.platform", [p, "x"], ctx=ctx).message
    assert "text in quotes" in judge("warmup.platform", {1, 2}, ctx=ctx).message or \
        "holds 2 values" in judge("warmup.platform", {1, 2}, ctx=ctx).message


def test_hour_as_a_clock_time_or_a_one_hour_span(ctx, right):
    h = right["warmup.hour"]
    for v in (f"{h} o'clock", f"{h}h", f"{h}:00-{h + 1}:00", f"{h}-{h + 1}", f"between {h} and {h + 1}",
              f"{h:02d}:00", [h], f"'{h}'"):
        assert judge("warmup.hour", v, ctx=ctx).ok, v
    assert not judge("warmup.hour", f"{h}-{h + 3}", ctx=ctx).ok


def test_busiest_day_without_the_year(ctx, right):
    d = right["p3.busiest_day"]
    forms = [d.strftime("%d %B"), d.strftime("%B %d"), d.strftime("%d/%m"), f"{d.day}th",
             d.strftime(f"%A the {d.day}th"), d.strftime("%a %d %b"), d.strftime("%Y/%m/%d"),
             f"'{d.isoformat()}'", [d.isoformat()], np.datetime64(d, "ns")]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for v in forms:
            assert judge("p3.busiest_day", v, ctx=ctx).ok, v
    assert not judge("p3.busiest_day", d.strftime("not %A"), ctx=ctx).ok
    # words that are not a date are not read as a day of the month
    for v in ("12 messages", "about 30", "(1+2j)"):
        assert "can't read that as a date" in judge("p3.busiest_day", v, ctx=ctx).message, v


def test_message_ids_with_stray_quotes_labels_or_capitals(ctx, right):
    i = right["m2.highest"]
    for v in (f"'{i}'", f'"{i}"', f"`{i}`", f"message_id: {i}", f"id = '{i}'", i.upper(), [i],
              pd.Series([i]), f" {i}\n"):
        assert judge("m2.highest", v, ctx=ctx).ok, v
    fb = judge("m2.highest", pd.DataFrame({"message_id": [i, i + "x"]}), ctx=ctx)
    assert "whole table (2 rows)" in fb.message
    fb = judge("m2.highest", pd.DataFrame({"message_id": [i], "priority": [99]}), ctx=ctx)
    assert "whole row of a table (2 columns)" in fb.message and i not in fb.message


def _ten(ctx):
    from smlib.checks.m2 import _picked
    t = _picked(ctx)
    return dict(zip(t["number"], t["category"].astype(str)))


def test_m2_none_is_the_no_action_group_not_a_blank(ctx):
    """'none' is listed as a way to write 'no action'; it used to count as not filled in."""
    short = {"posted_by_business": "business", "needs_action": "action", "no_action": "none"}
    assert judge("m2.categories", {n: short[c] for n, c in _ten(ctx).items()}, ctx=ctx).ok


def test_m2_categories_shapes(ctx):
    want = _ten(ctx)
    n = len(want)
    as_list = [want[i] for i in range(1, n + 1)]
    assert judge("m2.categories", pd.Series(want), ctx=ctx).ok
    assert judge("m2.categories", {f"message {k}": v for k, v in want.items()}, ctx=ctx).ok
    assert judge("m2.categories", {float(k): v for k, v in want.items()}, ctx=ctx).ok
    fb = judge("m2.categories", as_list + ["no action"], ctx=ctx)
    assert f"there are {n} messages, but your list has {n + 1} groups" in fb.message
    fb = judge("m2.categories", as_list[:3], ctx=ctx)
    assert "your list has 3 groups" in fb.message
    fb = judge("m2.categories", {k - 1: v for k, v in want.items()}, ctx=ctx)
    assert f"numbered 1 to {n}" in fb.message and "message 0" in fb.message
    fb = judge("m2.categories", {**want, "1": want[1]}, ctx=ctx)
    assert "message 1 is in your dictionary twice" in fb.message
    # the notebook's own table with a "group" column added, or one column: read in order
    shown = smlib.checks.m2.ten_messages(ctx=ctx)
    assert judge("m2.categories", shown.assign(group=as_list), ctx=ctx).ok
    assert judge("m2.categories", pd.DataFrame({"Group ": as_list}), ctx=ctx).ok
    assert judge("m2.categories", pd.Series(as_list), ctx=ctx).ok  # index 0..9: in order
    fb = judge("m2.categories", shown, ctx=ctx)
    assert "is a table" in fb.message and "column called 'group'" in fb.message
    one_wrong = {**want, 1: "needs_action" if want[1] != "needs_action" else "no_action"}
    assert f"1 of the {n} messages is not in the right group" in \
        judge("m2.categories", one_wrong, ctx=ctx).message
    assert "some messages have no group yet (1 of the" in \
        judge("m2.categories", {**want, 2: ...}, ctx=ctx).message


def test_p4_closed_shapes(ctx, right):
    closed = right["p4.closed"]
    cat = smlib.load_tool_catalogue()
    assert judge("p4.closed", cat[cat["status"] == "closed"], ctx=ctx).ok  # the filtered table
    assert judge("p4.closed", [c.upper() for c in closed] * 2, ctx=ctx).ok  # capitals, repeats
    assert judge("p4.closed", np.array(closed), ctx=ctx).ok
    assert "is a dictionary" in judge("p4.closed", {c: "closed" for c in closed}, ctx=ctx).message
    assert "no 'name' column" in judge("p4.closed", cat[["status"]], ctx=ctx).message
    renamed = cat.rename(columns={"name": " Name "})
    assert judge("p4.closed", renamed[renamed["status"] == "closed"], ctx=ctx).ok
    assert "list is empty" in judge("p4.closed", " , ", ctx=ctx).message
    assert "not a name" in judge("p4.closed", [1, 2], ctx=ctx).message
    fb = judge("p4.closed", ["Nosuchtool " * 20], ctx=ctx)
    assert "can't find" in fb.message and len(fb.message) < 120


def test_p4_coverage_forms(ctx, right):
    seen, total = right["p4.coverage"]
    share = seen / total
    for v in (f"{seen}/{total}", f"{100 * share:.0f} percent", f"about {100 * share:.0f}%",
              [round(share, 2)], f"'{share:.2f}'"):
        assert judge("p4.coverage", v, ctx=ctx).ok, v
    assert "below zero" in judge("p4.coverage", -0.5, ctx=ctx).message
    assert "more than all the messages" in judge("p4.coverage", "150%", ctx=ctx).message
    assert "number of messages" in judge("p4.coverage", 5000, ctx=ctx).message


def test_p4_missed_reads_a_short_phrase_and_none_is_an_answer(ctx):
    cov = smlib.tool_coverage(ctx.ds, days=ctx.days).set_index("id")
    gap = next(p for p in cov.attrs["platforms"]
               if p not in set(cov.loc["meta-business-suite", "platforms_covered"]))
    assert judge("p4.missed", f"the {gap} reviews" if gap == "reviews" else f"{gap} page", ctx=ctx).ok
    assert judge("p4.missed", "none", ctx=ctx).status == NOT_YET  # judged, not "fill in"
    assert "text in quotes" in judge("p4.missed", 3, ctx=ctx).message


def test_tool_names_with_a_note_in_brackets_and_non_text(ctx):
    assert judge("d1.tool", "Hootsuite (paid)", ctx=ctx).ok
    assert judge("d1.tool", ["hootsuite"], ctx=ctx).ok
    assert "text in quotes" in judge("d1.tool", 3, ctx=ctx).message
    assert "text in quotes" in judge("d1.weights", 3.5, ctx=ctx).message


@pytest.mark.parametrize("key", ["warmup.row", "p3.summary", "p4.describe"])
def test_written_answers_must_be_text_not_a_table(ctx, key):
    for value in (pd.DataFrame({"a": ["one message"]}), {"a": "b"}, len, pd.Series(["x", "y"])):
        fb = judge(key, value, ctx=ctx)
        assert fb.status == NOT_YET and "your own sentences" in fb.message, (key, value)


def test_written_answer_as_a_list_of_sentences_is_read(ctx):
    assert judge("warmup.row", ["Each row is one message", "written by someone."], ctx=ctx).ok


# ---------------------------------------------------------------- the check call itself
def test_check_name_typed_differently_or_misspelt(monkeypatch, ctx):
    import smlib.checks._context as c
    monkeypatch.setattr(c, "context_for", lambda org: ctx)
    assert check(" P3.Negative ", "-1").message == "a count can't be below zero."
    fb = check("p3.negativ")
    assert fb.status == NOT_YET and 'did you mean check("p3.negative")' in fb.message
    assert 'for example check("p3.users")' in check().message
    assert "ask your tutor" in check("zzz").message
    assert "no check called" in check(["p3.users"]).message  # not hashable: no TypeError
    fb = check("d1.reasons", "Hootsuite")
    assert "needs 2 answer(s)" in fb.message and fb.status == NOT_YET
    assert "&lt;" in check("<b>")._repr_html_() and "3" in check(3)._repr_html_()


def test_org_typed_with_capitals_or_a_near_miss(monkeypatch, ctx):
    import smlib.checks._context as c
    monkeypatch.setattr(c, "context_for", lambda org: ctx)
    assert judge("p3.negative", -1, org=" Tidy-Paws ").message == "a count can't be below zero."
    fb = judge("p3.negative", -1, org="tidy paws")
    assert 'did you mean "tidy-paws"' in fb.message


@pytest.mark.parametrize("org", ["northway-rail", "northway-rai", 123])
def test_ten_messages_only_for_practice_organisations(org):
    """The M2 notebook's table follows the checks' rule: practice data only, a DataError else."""
    from smlib.errors import DataError
    with pytest.raises(DataError, match="practice organisations .*tidy-paws"):
        smlib.checks.m2.ten_messages(org)


def test_ten_messages_reads_the_org_kindly():
    assert len(smlib.checks.m2.ten_messages(" Tidy-Paws ")) == 10
    assert len(smlib.checks.m2.ten_messages("")) == 10  # the exercise's default organisation
