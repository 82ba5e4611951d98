"""M2 written reasons: "isn't just a complaint" says it is one; "no complaint or question"
denies both (re-review of this session's check changes, /tmp/review_ex2 F5a, F5c)."""
from __future__ import annotations

import pytest

from smlib.checks import m2


@pytest.mark.parametrize("text, stems, used", [
    ("It isn't just a complaint, the dog was hurt.", ["complaint"], "said"),
    ("It wasn't only a complaint.", ["complaint"], "said"),
    ("It's just praise, there is no complaint or question so it can wait.", ["question"], "denied"),
    ("It's just praise, there is no complaint or question so it can wait.", ["complaint"], "denied"),
    # guards: a plain "not" still denies, and "or" without a "no" says the word
    ("It is not a complaint.", ["complaint"], "denied"),
    ("It is a complaint or a question.", ["question"], "said"),
])
def test_how_a_reason_uses_a_factor_word(text, stems, used):
    assert m2._uses(text, stems) == [used]
