"""Message ids are unique within a platform, not across platforms (DESIGN; loaders since session
14). A learner who types the id of the message at the top of the priority list must be found,
even when another platform has a message with the same id."""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from smlib.checks import m2


def test_find_prefers_the_row_that_needs_action_then_the_higher_priority():
    scored = pd.DataFrame({"platform": ["x", "facebook", "instagram"],
                           "message_id": ["1", "1", "1"],
                           "category": [m2.NONE, m2.ACTION, m2.ACTION],
                           "priority": [0, 40, 75]})
    row = m2._find("1", SimpleNamespace(scored=scored))
    assert row["platform"] == "instagram"


def test_find_with_one_row_is_unchanged():
    scored = pd.DataFrame({"platform": ["x", "x"], "message_id": ["1", "2"],
                           "category": [m2.NONE, m2.ACTION], "priority": [0, 40]})
    assert m2._find("1", SimpleNamespace(scored=scored))["category"] == m2.NONE
    assert m2._find("3", SimpleNamespace(scored=scored)) is None
