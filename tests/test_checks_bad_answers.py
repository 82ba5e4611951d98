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
    ([1, 2, 3], "holds several values"), (pd.Series([True, False]), "holds several values"),
    ((777, 6), "table's shape"), (pd.DataFrame({"a": [1, 2]}), "is a whole table"),
    (pd.DataFrame({"a": [1]}).iloc[:0], "empty table"), (np.array([]), "is empty"),
    ({"facebook": 3}, "is a dictionary"), (pd.Series([1]).sum, "forget the brackets"),
    (len, "forget the brackets"), (range(10**12), "holds several values"),
    (map(str, [1, 2]), "holds several values"), (iter([]), "is empty")])
def test_wrong_shape_says_what_the_answer_holds(ctx, value, phrase):
    fb = judge("warmup.rows", value, ctx=ctx)
    assert fb.status == NOT_YET and phrase in fb.message and "'n_messages'" in fb.message
    assert "one whole number" in fb.message or phrase == "forget the brackets"


def test_users_says_which_of_the_two_answers_is_not_a_number(ctx, right):
    a, b = right["p3.users"]
    fb = judge("p3.users", a, [b, 1], ctx=ctx)
    assert "'users_2' holds several values" in fb.message and "users_1" not in fb.message
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
    assert "holds several values" in judge("warmup.platform", [p, "x"], ctx=ctx).message
    assert "text in quotes" in judge("warmup.platform", {1, 2}, ctx=ctx).message or \
        "holds several values" in judge("warmup.platform", {1, 2}, ctx=ctx).message


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
    assert "is a whole table" in fb.message
    fb = judge("m2.highest", pd.DataFrame({"message_id": [i], "priority": [99]}), ctx=ctx)
    assert "whole row of a table" in fb.message and i not in fb.message


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
    fb = judge("m2.categories", one_wrong, ctx=ctx).message
    assert "not every message is in the right group" in fb
    assert not re.search(r"\d", fb)     # no count to change one at a time against
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


# ---------------------------------------------------------------- review of the feedback (2nd)
# Each test below failed on the checks before this review's fixes.
COUNT_TASKS = ["warmup.rows", "warmup.business", "p3.negative", "p3.location"]


@pytest.mark.parametrize("key", COUNT_TASKS + ["p3.users"])
def test_a_table_or_list_never_says_how_many_rows_or_values_it_holds(ctx, right, key):
    """`n = messages` or `users_1 = ....unique()`: the size of what was passed is often the answer."""
    n = right[key][0] if key == "p3.users" else right[key]
    shapes = [pd.DataFrame({"a": range(n)}), pd.DataFrame({"a": range(n), "b": range(n)}),
              list(range(n)), pd.Series(range(n)), np.arange(n), pd.Series(range(n)).unique(),
              pd.DataFrame([range(n)]), range(n), set(range(n))]
    for value in shapes:
        answers = [value, right[key][1]] if key == "p3.users" else [value]
        fb = judge(key, *answers, ctx=ctx)
        assert not fb.ok, (key, type(value))
        assert not re.search(rf"(?<!\d){n}(?!\d)", fb.message), (key, fb.message)
        assert "whole table" in fb.message or "whole row" in fb.message \
            or "several values" in fb.message, fb.message
        assert "count" in fb.message, fb.message  # a nudge towards counting


def test_one_more_or_one_less_row_is_not_called_out_by_one(ctx, right):
    n = right["warmup.rows"]
    far = judge("warmup.rows", n + 50, ctx=ctx).message
    for near in (n - 1, n + 1):
        fb = judge("warmup.rows", near, ctx=ctx)
        assert not fb.ok and "out by one" not in fb.message
        assert fb.message == far  # the same as any other wrong count


def _warmup_ctx():
    return context_for("lakeside-cinema")  # the warm-up's own organisation


def _top_hour(c):
    counts = c.frame["created_at"].dt.tz_convert(c.tz).dt.hour.value_counts()
    return int(counts.idxmax()), set(counts.index[counts == counts.max()])


def test_an_hour_twelve_off_gets_the_same_message_as_any_other_wrong_hour():
    c = _warmup_ctx()
    h, top = _top_hour(c)
    assert h >= 12, "the warm-up organisation's busiest hour is after midday"
    other = next(x for x in range(12) if x not in top and x + 12 not in top)
    plain = judge("warmup.hour", other, ctx=c).message
    for v in (h - 12, str(h - 12), f"{h - 12:02d}:00"):
        fb = judge("warmup.hour", v, ctx=c)
        assert not fb.ok and fb.message == plain, (v, fb.message)
    # written with am/pm on purpose: no 24-hour-clock lesson
    fb = judge("warmup.hour", f"{(h - 12) or 12}am", ctx=c)
    assert not fb.ok and "24-hour" not in fb.message


def test_hour_as_a_span_to_59_minutes_a_12_hour_span_or_a_word():
    c = _warmup_ctx()
    h, _ = _top_hour(c)
    forms = [f"{h}:00–{h}:59", f"{h}:00 - {h}:59", f"{h}.00-{h}.59"]
    twelve, nxt = h % 12 or 12, (h + 1) % 12 or 12
    if h <= 12:
        forms += [f"{twelve}-{nxt}", f"{twelve} to {nxt}", f"between {twelve} and {nxt}"]
    if h == 12:
        forms += ["noon", "midday", "Midday", "12 noon", "at noon"]
    for v in forms:
        assert judge("warmup.hour", v, ctx=c).ok, v


def test_p3_users_swapped_or_with_the_business_account_say_nothing_exact(ctx, right):
    a, b = right["p3.users"]
    fb = judge("p3.users", b, a, ctx=ctx)
    assert not fb.ok and "wrong way round" not in fb.message and "swap" not in fb.message
    plat = ctx.platforms[0]
    w = ctx.window
    with_org = w[w["platform"].astype(str) == plat]["author_id"].nunique()
    assert with_org != a
    generic = next(judge("p3.users", v, b, ctx=ctx).message for v in range(a + 2, a + 60)
                   if "is not the number of different people yet" in
                   judge("p3.users", v, b, ctx=ctx).message)
    # counting the business's own account gets the same message as any other wrong number,
    # so it never says the answer is one less
    assert judge("p3.users", with_org, b, ctx=ctx).message == generic


@pytest.mark.parametrize("text", [
    "Each row is one person who posted.", "Each row is not a message",
    "it is not a message, it is a person", "Each row is one user or message or platform or day",
    "commentary on the data shows everything",
    "In your own words, what does one row of the messages table stand for?",
    "Each row is a user, a message or a platform", "every row is one customer who commented",
    "The rows show the messages table",
])
def test_warmup_row_wrong_sentences_are_not_accepted(ctx, text):
    assert not judge("warmup.row", text, ctx=ctx).ok, text


@pytest.mark.parametrize("text", [
    "something a customer wrote online",
    "each line is one piece of communication between a person and the business",
    "Each row stands for one time someone contacted the business",
    "Each row is one message.", "each row is a customer's post", "one customer comment on Facebook",
    "One row is one message that a customer or the business posted",
    "each row is one thing somebody posted on social media",
])
def test_warmup_row_right_sentences_in_other_words_are_accepted(ctx, text):
    assert judge("warmup.row", text, ctx=ctx).ok, text


def _queue_ends(ctx):
    from smlib.checks import m2
    q = m2._queue(ctx).sort_values("priority", kind="stable")
    return q.iloc[0], q.iloc[-1]


def test_m2_why_lowest_does_not_accept_a_factor_the_message_does_not_have(ctx):
    from smlib.checks import m2
    low, _ = _queue_ends(ctx)
    present = {f[0] for f in m2.factors_of(low["reasons"]) if f[1] > 0}
    absent = [k for k in m2.CLAIM_WORDS if k not in present]
    assert absent
    for k in absent:
        word = m2.CLAIM_WORDS[k][0].strip()
        for text in (f"It is the lowest because it is about {word} and it is low.",
                     f"It is lowest because it just has {word} in it."):
            fb = judge("m2.why_lowest", low["message_id"], text, ctx=ctx)
            assert not fb.ok, (k, text)
            assert low["message_id"] not in fb.message
    # its own factor, or saying what it is not, still works
    own = m2.FACTOR_WORDS[m2.factors_of(low["reasons"])[0][0]][0]
    assert judge("m2.why_lowest", low["message_id"],
                 f"It can wait because it is only about {own} and nothing else.", ctx=ctx).ok
    serious = [k for k in ("safety", "complaint", "legal") if k not in present][0]
    assert judge("m2.why_lowest", low["message_id"],
                 f"It is not urgent: there is no {m2.CLAIM_WORDS[serious][0]} in it, so it is "
                 "only a minor message.", ctx=ctx).ok


def test_m2_why_highest_reads_not_and_a_list_of_every_factor(ctx):
    from smlib.checks import m2
    _, top = _queue_ends(ctx)
    main = m2.factors_of(top["reasons"])[0][0]
    word = m2.FACTOR_WORDS[main][0]
    assert judge("m2.why_highest", top["message_id"],
                 f"It is the most important because it is about {word}.", ctx=ctx).ok
    fb = judge("m2.why_highest", top["message_id"], f"It is not a {word} issue at all.", ctx=ctx)
    assert not fb.ok
    everything = "It is top because of " + ", ".join(w for ws in m2.FACTOR_WORDS.values() for w in ws)
    assert not judge("m2.why_highest", top["message_id"], everything, ctx=ctx).ok


def test_p4_tools_named_reads_whole_names_not_common_words(ctx):
    from smlib.checks import p4
    cat = p4.catalogue(ctx)
    assert p4.tools_named("Sprout Social sees all four platforms.", cat) == {"sprout-social"}
    assert p4.tools_named("Meta is free.", cat) == {"meta-business-suite"}
    assert p4.tools_named("Brand 24 costs money.", cat) == {"brand24"}
    assert p4.tools_named("Our social media posts", cat) == set()


def test_p4_describe_needs_sentences_not_key_words(ctx):
    fb = judge("p4.describe", "Meta Business Suite Hootsuite see cannot facebook 1.", ctx=ctx)
    assert not fb.ok and "too short" in fb.message
    good = ("Meta can see Facebook and Instagram, which is 71% of the messages, and it is free. "
            "It cannot see TikTok or the reviews. Brand 24 sees TikTok too, but it costs money.")
    assert judge("p4.describe", good, ctx=ctx).ok
    fb = judge("p4.describe", "Sprout Social sees Facebook. It is the best tool, but it costs "
               "money for the business.", ctx=ctx)
    assert not fb.ok and "two tools" in fb.message


def test_platform_words_are_matched_as_whole_words():
    from smlib.checks._answers import mentions_platform
    assert not mentions_platform("There were six, and the inbox. Relax.", "x")
    assert mentions_platform("On X, people asked questions.", "x")
    assert mentions_platform("X (Twitter) had 12 users", "x")
    assert not mentions_platform("One customer left a review of the groom.", "reviews")
    assert mentions_platform("The reviews had 8 messages.", "reviews")


def test_p3_summary_of_key_words_is_not_a_summary(ctx):
    fb = judge("p3.summary", "Facebook Instagram age 1 2 3 complain. foo bar baz. users people.",
               ctx=ctx)
    assert not fb.ok and "three sentences" in fb.message
    # with "blah blah blah" it is told it is filler (session 13: filler is refused on its own)
    fb = judge("p3.summary", "Facebook Instagram age 1 2 3 complain. blah blah blah. foo bar baz.",
               ctx=ctx)
    assert not fb.ok and "filler" in fb.message
    fb = judge("p3.summary", "Facebook had six, users and 12 messages. Most people were from the "
               "UK and aged 35-44. People complained about the inbox. Nothing else happened.",
               ctx=ctx)
    assert not fb.ok and "name the platforms" in fb.message  # "six," and "inbox." are not X


def test_d1_reasons_relying_on_a_platform_the_tool_misses_even_with_not_elsewhere(ctx):
    text = ("I noticed it sees Facebook, Instagram and TikTok, so it sees 71% of messages. "
            "It is free, so it costs nothing.")
    fb = judge("d1.reasons", "Meta Business Suite", text, ctx=ctx)
    assert not fb.ok and "does not cover" in fb.message
    ok = ("It sees Facebook and Instagram, 71% of messages, but not TikTok. It is free, so it "
          "doesn't cost anything.")
    assert judge("d1.reasons", "Meta Business Suite", ok, ctx=ctx).ok


def test_d1_reasons_against_the_tool_are_not_reasons_for_it(ctx):
    fb = judge("d1.reasons", "Brandwatch", "It does not see Facebook. It is not easy to use.",
               ctx=ctx)
    assert not fb.ok and "fewer than two different reasons" in fb.message


def test_p4_coverage_rounded_to_one_place_asks_for_more_and_never_says_close(ctx, right):
    seen, total = right["p4.coverage"]
    share = seen / total
    one_place = round(share, 1)
    msgs = {judge("p4.coverage", v, ctx=ctx).message
            for v in (one_place, f"{100 * one_place:.0f}%", round(one_place - 0.1, 1),
                      round(one_place + 0.1, 1))}
    msg = msgs.pop()
    assert not msgs and "another tool" not in msg  # the same for right-ish and wrong
    # it was given a whole percentage ('70%'), so it must not ask for one (it did until session 10)
    assert "whole percentage" not in msg and "one decimal place" in msg
    for v in (f"{seen} out of {total}", f"{seen} of {total} messages", round(share, 2),
              f"{100 * share:.1f}%", f"{100 * share:.1f}%".replace(".", ",")):
        assert judge("p4.coverage", v, ctx=ctx).ok, v


def test_p3_age_one_group_only_and_between_words(ctx, right):
    band = right["p3.age"]
    lo, hi = band.split("-")
    assert judge("p3.age", f"between {lo} and {hi}", ctx=ctx).ok
    other = "18-24" if band != "18-24" else "25-34"
    for v in (f"{band} or {other}", f"{other} or {band}"):
        fb = judge("p3.age", v, ctx=ctx)
        assert not fb.ok and "just one" in fb.message


def test_two_names_where_one_is_asked_say_name_just_one(ctx):
    assert "just one" in judge("warmup.platform", "facebook and x", ctx=ctx).message
    assert "just one" in judge("warmup.platform", "Instagram or Facebook", ctx=ctx).message
    cov = smlib.tool_coverage(ctx.ds, days=ctx.days).set_index("id")
    gaps = [p for p in cov.attrs["platforms"]
            if p not in set(cov.loc["meta-business-suite", "platforms_covered"])]
    if len(gaps) >= 2:
        assert "just one" in judge("p4.missed", f"{gaps[0]} and {gaps[1]}", ctx=ctx).message
    assert "just one" in judge("d1.tool", "Brandwatch and Hootsuite", ctx=ctx).message
    assert "just one" in judge("d1.weights", "Brandwatch and Hootsuite", ctx=ctx).message
    assert judge("d1.tool", "I recommend Brandwatch", ctx=ctx).ok
    assert judge("d1.tool", "Brand 24", ctx=ctx).ok


def test_a_comma_inside_a_number_is_a_thousands_comma_only_when_it_looks_like_one(ctx, right):
    from smlib.checks._answers import as_number
    assert as_number("1,234") == 1234 and as_number("9,05") == 9.05 and as_number("71,3%") == 71.3
    n = str(right["warmup.rows"])
    for v in (f"{n[:1]},{n[1:]}", f"{n[:-1]},{n[-1:]}"):  # "7,77", "77,7"
        assert not judge("warmup.rows", v, ctx=ctx).ok, v
    want = _ten(ctx)
    fb = judge("m2.categories", {**{k: v for k, v in want.items() if k not in (1, 2)},
                                 "1,2": want[1]}, ctx=ctx)
    assert not fb.ok and "message 12" not in fb.message


@pytest.mark.parametrize("key", COUNT_TASKS)
def test_a_percentage_for_a_count_is_called_a_percentage(ctx, key):
    fb = judge(key, "18%", ctx=ctx)
    assert not fb.ok and "percentage" in fb.message


def test_the_m2_notebook_finds_the_message_the_way_the_check_does(ctx, right):
    from smlib.checks.m2 import same_message
    i = right["m2.highest"]
    ids = ctx.scored["message_id"]
    for v in (i, f" {i.upper()} ", f"'{i}'", f"message_id: {i}", [i]):
        assert judge("m2.highest", v, ctx=ctx).ok
        assert int(same_message(ids, v).sum()) == 1, v
    assert not same_message(ids, ...).any() and not same_message(ids, None).any()


def test_written_answers_on_separate_lines_or_in_one_full_sentence_still_pass(ctx):
    """Guards for the 'real sentences' rule: lines without full stops are sentences, and one
    full sentence about two tools is a (short) description."""
    summary = ("Over the five days 36 people wrote on Facebook and Instagram. Most followers "
               "on Facebook are aged 35-44. There were 8 negative comments, mostly complaints "
               "about cancelled appointments.")
    assert judge("p3.summary", summary, ctx=ctx).ok
    assert judge("p3.summary", summary.lower().replace(". ", "\n"), ctx=ctx).ok
    assert judge("p4.describe", "Meta Business Suite and Brand 24 both see Facebook, but neither "
                 "can see reviews.", ctx=ctx).ok


# ---------------------------------------------------------------- figures that are not in the data
def _summary(u1, u2, neg, plats=("Facebook", "Instagram")):
    return (f"Over five days {u1} people wrote on {plats[0]} and {u2} on {plats[1]}. Most followers "
            f"are aged 35-44 and nearly all live in the UK. People asked about prices and booking, "
            f"and {neg} messages were complaints.")


def test_p3_summary_with_made_up_figures_is_not_yet_done(ctx, right):
    """A summary claiming '9999 people … 7777 complaints' was ticked 'your summary describes the
    activity' (session 10 tutor walk-through). Figures that are none of the data's are named;
    the right figures, and the same rounded, still pass."""
    u1, u2 = right["p3.users"]
    neg = right["p3.negative"]
    fb = judge("p3.summary", _summary(9999, u2, 7777), ctx=ctx)
    assert not fb.ok and "9999" in fb.message and "7777" in fb.message
    assert str(u2) not in re.findall(r"\d+", fb.message.split(":")[-1])   # the right one is not named
    assert judge("p3.summary", _summary(u1, u2, neg), ctx=ctx).ok
    if u1 >= 20:
        rounded = int(round(u1, -1))
        assert judge("p3.summary", _summary(rounded, u2, neg), ctx=ctx).ok


def test_d1_reason_with_a_wrong_coverage_figure_is_not_yet_done(ctx):
    cov = smlib.tool_coverage(ctx.ds, days=ctx.days).set_index("id").loc["brand24"]
    true = 100 * float(cov["share_seen"])
    wrong = 10 if abs(true - 10) > 20 else 90
    bad = judge("d1.reasons", "Brand24", f"It would see {wrong}% of the messages on Facebook. It is cheap.",
                ctx=ctx)
    assert not bad.ok and f"{wrong}%" in bad.message
    good = judge("d1.reasons", "Brand24",
                 f"It would see {true:.0f}% of the messages on Facebook. It is cheap.", ctx=ctx)
    assert good.ok, good.message


def test_figures_reads_what_learners_write():
    from smlib.checks._answers import Figures, unknown_figures
    known = Figures({432.0, 71.4, 6.0})
    known.percents = {71.4}
    assert unknown_figures("about 400 messages, 71% of them, 6 complaints", known) == []
    assert unknown_figures("900 messages and 15% and 10%", known) == ["900", "15%", "10%"]
    assert unknown_figures("432% of them", known) == ["432%"]    # a count is not a percentage
