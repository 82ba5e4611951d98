"""M2 factors read in context (session 15 review of the reports).

"hurt" and "burnt" alone made a safety report of "the price rise will hurt everyone", "a
hurting brand" and "burned a lot of time"; "problem solved" and "I lost my father" were
complaints to put right. Injuries still count; problems put right and bereavements do not
add complaint points by their words.
"""
from __future__ import annotations

import pandas as pd
import pytest

import smlib


def _reasons(text: str) -> list[str]:
    f = pd.DataFrame({"text": [text], "created_at": [pd.Timestamp("2024-01-01", tz="UTC")],
                      "author_is_org": [False]})
    return list(smlib.prioritise(smlib.add_sentiment(f))["reasons"].iloc[0])


def _safety(text: str) -> bool:
    return any("safety hazard" in r for r in _reasons(text))


@pytest.mark.parametrize("text", [
    "revenue based programs will hurt everyone", "American is a hurting brand",
    "Burned a lot of time and cell minutes", "the toast was burnt", "I was hurt by your comments",
])
def test_hurt_and_burnt_without_an_injury_are_not_safety(text):
    assert not _safety(text)


@pytest.mark.parametrize("text", [
    "someone's going to get hurt #NorthwayRail", "my dog got hurt on the slide",
    "she hurt her leg on the stairs", "my hand is still hurting", "my son got burnt by the kettle",
    "my back hurts after that seat", "he was hurt badly in the crash", "his paw was burnt",
    "the groomer cut her paw",
])
def test_injuries_are_still_safety(text):
    assert _safety(text)


@pytest.mark.parametrize("text", ["Super help - problem solved, thank you!", "No problem, thanks"])
def test_a_problem_put_right_is_not_a_complaint_by_its_words(text):
    assert not any("complaint that needs putting right (problem" in r for r in _reasons(text))


def test_a_lost_parcel_is_still_a_complaint():
    assert any("complaint that needs putting right" in r for r in _reasons("You lost my bag!"))
