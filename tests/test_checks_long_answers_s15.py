"""A very long pasted answer gets the same feedback as a short one (session 15 re-read).

The new figure check of p3.summary read the whole rest of a sentence for every figure, and
m2's word reader the whole clause before every word: a pasted wall of text took 62 s and 8 s
(quadratic). Both now read a window around each word; the verdicts must not change.
"""
from __future__ import annotations

import pytest

from smlib.checks import context_for
from smlib.checks import m2
from smlib.checks.p3 import unlabelled_figures


def test_a_wall_of_numbers_is_read():
    assert unlabelled_figures("1 " * 20000) == ["1"]
    assert unlabelled_figures("the 5 " * 8000) == ["5"]
    assert unlabelled_figures("There were 21 people. " * 3000) == []


def test_a_figure_far_from_its_word_is_still_labelled_within_a_sentence():
    """Guard for the window: the word just before or after a figure is still found."""
    assert unlabelled_figures("x " * 500 + "the number of people was 21") == []
    assert unlabelled_figures("x " * 500 + "21 people wrote") == []


@pytest.fixture(scope="module")
def top():
    ctx = context_for("tidy-paws")
    q = ctx.scored[ctx.scored["category"].astype(str) == "needs_action"]
    return ctx, q.sort_values("priority", kind="stable").iloc[-1]["message_id"]


@pytest.mark.parametrize("reason", ["It waited 5 hours. ", "waited 3 days and 4 hours, ",
                                    "nobody was hurt and "])
def test_long_m2_reasons_get_the_short_answers_verdict(top, reason):
    ctx, hid = top
    short = m2.why_highest(hid, reason * 3, ctx)
    long = m2.why_highest(hid, reason * 3000, ctx)
    assert long.ok == short.ok and long.message == short.message
