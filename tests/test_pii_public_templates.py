"""The public-figure policy on text made to order: a quoted sentence to translate, a list of
examples, a ship with an adjective (curation.pii.public). Names are made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.public import public_record

MODEL = [("PERSON", "spacy")]


@pytest.mark.parametrize(
    "text",
    [
        'Translate into Dutch, keep the name: "Last term we read about Odile Markham."',
        'Please rephrase this: "We all admire Tobias Crane."',
        "Proofread: “In class we discussed Odile Markham.”",
    ],
)
def test_pronouns_in_a_quotation_to_work_on_are_no_dealings(text: str) -> None:
    assert public_record([text], MODEL, ["Odile Markham", "Tobias Crane"])


@pytest.mark.parametrize(
    "text",
    [
        'We talked about "Odile Markham" in class.',  # quoted, but no request to work on it
        'Translate: "We met Odile Markham at the clinic on Monday."',  # a plan stays private
        'Translate: "My neighbour Odile Markham is ill."',  # a possessive stays private
        'Translate this for Tobias Crane: "the box is red". We owe him.',  # "we" outside the quote
    ],
)
def test_private_context_outside_or_beyond_the_pronoun_stays(text: str) -> None:
    assert not public_record([text], MODEL, ["Odile Markham", "Tobias Crane"])


def test_a_list_of_examples_is_no_roster() -> None:
    names = ["Odile Markham", "Tobias Crane"]
    asked = "Give me two examples of a detective, as a list.\n- Odile Markham\n- Tobias Crane"
    assert public_record([asked], MODEL * 2, names)
    assert public_record(["Name two sleuths.", "1. Odile Markham\n2. Tobias Crane"], MODEL, names)
    roster = "Who is on shift?\n- Odile Markham\n- Tobias Crane"
    assert not public_record([roster], MODEL * 2, names)


def test_a_ship_after_a_determiner_and_an_adjective_is_a_vessel() -> None:
    assert public_record(["Clue: a famous ship (7). Answer: Tobias Crane."], MODEL)
    assert public_record(["The old ship Tobias Crane sank off the cape."], MODEL)
    assert not public_record(["Please ship the mug to Tobias Crane."], MODEL)
    assert not public_record(["They ship parcels to Tobias Crane."], MODEL)
