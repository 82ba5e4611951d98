"""First names written on their own in message text are hidden (smlib.names): the handbook asks
learners to anonymise other people's personal details, and a reviewer found "That's what we're
here for Miriam" and "Patrick … has been the ONLY … staff" shown to learners (session 14)."""
from __future__ import annotations

import pytest

import smlib
from smlib.errors import DataError
from smlib.names import hide_first_names


@pytest.mark.parametrize("text, want", [
    ("That's what we're here for Miriam 😊", "That's what we're here for [name] 😊"),
    ("Patrick on the help desk was brilliant", "[name] on the help desk was brilliant"),
    ("Thanks to Sarah and Tom at the Leeds branch", "Thanks to [name] and [name] at the Leeds branch"),
    ("Sorry about that ^Sarah", "Sorry about that ^[name]"),
    ("thanks sarah", "thanks [name]"),
    ("Sarah's help was great", "[name]'s help was great"),
    ("met Grace, she was lovely", "met [name], she was lovely"),
])
def test_first_names_are_hidden(text, want):
    assert hide_first_names(text) == want


@pytest.mark.parametrize("text", [
    "I will sue you", "Will you reply?", "my Bill is wrong", "Mark my words", "grace period",
    "since May", "On Christmas Eve the train was late", "Watching HBO Max tonight",
    "Went to John Lewis instead", "at john lewis", "Jack Wills", "the Rose and Crown",
    "email sarah.jones@example.com", "@sarah_b thanks", "see x.com/sarah",
])
def test_words_places_shops_handles_and_links_stay(text):
    assert hide_first_names(text) == text


def test_the_organisations_own_names_stay():
    # the organisation's whole name stays; a customer who shares a word of it does not
    assert hide_first_names("Thanks for the cake, from all at Ben's Bakery", keep=["Ben's Bakery"]) == \
        "Thanks for the cake, from all at Ben's Bakery"
    assert hide_first_names("Grace Bank replied. Thanks Grace at the desk", keep=["Grace Bank"]) == \
        "Grace Bank replied. Thanks [name] at the desk"


@pytest.mark.parametrize("text", [
    # review of the first version: links, e-mails, shops, brands, places, titles, small letters
    "sarah+shop@gmail.com", "https://example.com/search?q=Sarah&x=1", "Ben's Cookies", "Joe's Pizza",
    "St George's Hospital", "St Mark's church", "Prince William", "King Charles",
    "Bought Ben & Jerry's", "The George at Asda range", "a Henry hoover", "toby carvery",
    "I ordered jasmine rice",
])
def test_brands_places_titles_and_links_stay(text):
    assert hide_first_names(text) == text


@pytest.mark.parametrize("text, want", [
    ("Spoke to someone called Dave", "Spoke to someone called [name]"),
    ("spoke to dave", "spoke to [name]"),
    ("Thanks Grace at John Lewis", "Thanks [name] at John Lewis"),
])
def test_more_first_names_are_hidden(text, want):
    assert hide_first_names(text) == want


def test_not_text_is_returned_as_it_is():
    assert hide_first_names(None) is None
    assert hide_first_names(float("nan")) != hide_first_names(float("nan"))   # NaN stays NaN


def test_tutors_can_edit_the_list(tmp_path):
    p = tmp_path / "first_names.toml"
    p.write_text('names = ["zebedee"]\nalso_words = []\n', encoding="utf-8")
    assert hide_first_names("thanks Zebedee and Sarah", path=str(p)) == "thanks [name] and Sarah"


@pytest.mark.parametrize("body, field", [
    ('names = "sarah"\n', "names"),
    ('names = ["sarah jones"]\n', "names"),
    ('names = ["sarah"]\nnicknames = ["saz"]\n', "nicknames"),
])
def test_a_broken_names_file_names_the_field(tmp_path, body, field):
    p = tmp_path / "first_names.toml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(DataError) as e:
        hide_first_names("hello", path=str(p))
    assert field in str(e.value) and "first_names.toml" in str(e.value)


def test_pseudonymise_hides_first_names_in_every_message_but_keeps_the_organisation():
    import pandas as pd
    f = pd.DataFrame({"author_id": ["@VirginTrains", "@amy1"], "author_name": ["Virgin Trains", "Amy Lee"],
                      "author_is_org": [True, False],
                      "text": ["That's what we're here for Miriam 😊 ^Sarah",
                               "Patrick on the desk was great, thanks @VirginTrains"]})
    out = smlib.pseudonymise(f)["text"].tolist()
    assert out == ["That's what we're here for [name] 😊 ^[name]",
                   "[name] on the desk was great, thanks @VirginTrains"]
