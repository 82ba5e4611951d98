"""Session 14 theme keywords, from a review of 180 messages written for 11 sectors (no airline
tweet read): services that stop without a "broken" word, and single words that tagged the wrong
theme. Each case names the theme it must (or must not) get."""
from __future__ import annotations

import pandas as pd
import pytest

from smlib.themes import add_themes


def _themes(text: str) -> list[str]:
    return list(add_themes(pd.DataFrame({"text": [text]}))["themes"].iloc[0])


@pytest.mark.parametrize("text", [
    "Broadband has dropped out five times today",
    "servers down again, can't play",
    "Still no hot water since Monday",
    "Pothole on Mill Lane is getting bigger",
    "The street lights on our road have been out for a month",
])
def test_services_that_stop_are_faults(text):
    assert "faults" in _themes(text)


@pytest.mark.parametrize("text, theme", [
    ("How do I cancel my membership?", "delays"),
    ("Please cancel my direct debit from next month", "delays"),
    ("Severe delays on the Northern line?", "queues"),
    ("I rang the fraud line about my card", "queues"),
    ("Our food bank needs tins this week", "comfort"),
    ("Missing item from my order", "lost_property"),
    ("Losing my patience with you", "lost_property"),
    ("Staff helped me with my bags, lovely", "lost_property"),
    ("Prices have gone down, love it", "faults"),
    ("Went down a treat, lovely food", "faults"),
    ("I cut out the coupon", "faults"),
])
def test_words_in_other_senses_do_not_tag_the_theme(text, theme):
    assert theme not in _themes(text)


@pytest.mark.parametrize("text, theme", [
    # guards: the same words in the sense the theme means
    ("My train was cancelled", "delays"),
    ("You cancelled my order without telling me", "delays"),
    ("Waited in line for an hour at the desk", "queues"),
    ("Queue out the door and only one till open", "queues"),
    ("The food was cold and the seats were dirty", "comfort"),
    ("Lost my bag on the train", "lost_property"),
    ("My suitcase is missing", "lost_property"),
    ("The screen is broken again", "faults"),
])
def test_same_words_in_the_theme_sense_still_tag_it(text, theme):
    assert theme in _themes(text)
