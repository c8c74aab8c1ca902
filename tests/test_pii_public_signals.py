"""The public-figure policy's signals added for text nobody here wrote (curation.pii.public),
and the thing/carrier signals of curation.pii.titles, with the cases that must not fire.
Names, products and carriers are made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.detect import Detector, Finding
from curation.pii.public import public_record
from curation.pii.recognizers import NameCueRecognizer
from curation.pii.titles import after_determiner, carrier
from tests.helpers.pii import found

MODEL = [("PERSON", "spacy")]


def persons(findings: list[Finding]) -> set[str]:
    return {f.text for f in findings if f.entity == "PERSON"}


@pytest.mark.parametrize(
    "text",
    [
        "Compare Odile Markham and Tobias Crane as detectives for me.",
        "Can you recommend me three books like the ones Odile Markham wrote?",
        "Hi! Can you tell me who Odile Markham is?",
        "Hello, what did Tobias Crane discover?",
        "For my essay, summarise how Odile Markham changed chess.",
        "For our book club, list five questions on Odile Markham.",
        "The ship Tobias Crane sank off the cape.",
        "Tobias Crane's new film is on TV tonight: who is he?",
    ],
)
def test_requests_to_the_assistant_are_no_private_context(text: str) -> None:
    assert public_record([text], MODEL)


@pytest.mark.parametrize(
    "text",
    [
        "Odile Markham asked me to forward the file.",  # "me" in a dealing
        "Odile Markham booked it for me.",  # "for me" outside a request
        "Hi Odile Markham, the kettle is broken.",  # a greeting to a person
        "My colleague Odile Markham painted it in 1911.",  # "my" + a relation: strong
        "Our tenant Tobias Crane left a note.",
        "We ship the mug to Tobias Crane.",  # "ship" the verb
        "Meet Odile Markham on Thursday at 3pm.",  # an appointment
    ],
)
def test_private_dealings_stay_private(text: str) -> None:
    assert not public_record([text], MODEL)


def test_a_bare_name_key_is_left_to_the_policy_a_person_key_is_not() -> None:
    rec = NameCueRecognizer()

    def sources(text: str) -> set[str]:
        return {
            str(r.recognition_metadata["curation_source"]) for r in rec.analyze(text, ["PERSON"])
        }

    assert "name:key-generic" in sources('{"name": "Tobias Crane", "launched": 1911}')
    assert "name:key-generic" in sources('{"author": "Odile Markham"}')
    assert "name:key" in sources('{"customer_name": "Tobias Crane"}')
    assert "name:key" in sources('{"first_name": "Tobias"}') or "name:key" in sources(
        '{"first_name": "Tobias Crane"}'
    )
    assert public_record(
        ['{"name": "Tobias Crane", "launched": 1911}'], [("PERSON", "name:key-generic")]
    )
    assert not public_record(['{"customer_name": "Tobias Crane"}'], [("PERSON", "name:key")])


def test_a_bare_name_key_in_a_private_record_is_still_redacted(det: Detector) -> None:
    got = found(det, 'Look up the invoice for {"name": "Tobias Crane"} please, we need it.')
    assert "Tobias Crane" in persons(got)


@pytest.mark.parametrize(
    "text,value,expected",
    [
        ("I filed a claim for a Brevlo Joy Max.", "Brevlo Joy Max", True),
        ("Please put the Brevlo Joy Max on the order.", "Brevlo Joy Max", True),
        ("Is that Odile?", "Odile", False),  # a pronoun, not an article
        ("Then Odile called back.", "Odile", False),
        ("Theodora is here", "Theodora", False),
    ],
)
def test_an_article_before_a_span_names_a_thing(text: str, value: str, expected: bool) -> None:
    assert after_determiner(text, text.index(value)) is expected


@pytest.mark.parametrize(
    "text,value,expected",
    [
        ("Ship it with Quickwell to Odile Markham.", "Quickwell", True),
        ("The parcel was sent via Quickwell.", "Quickwell", True),
        ("It was dispatched by Quickwell on time.", "Quickwell", True),
        ("I went with Odile to the depot.", "Odile", False),
        ("I spoke with Odile about the parcel.", "Odile", False),
        ("Send the parcel to Odile by Friday.", "Odile", False),
    ],
)
def test_the_means_of_sending_is_a_carrier(text: str, value: str, expected: bool) -> None:
    assert carrier(text, text.index(value)) is expected


def test_a_carrier_after_with_is_kept_and_the_recipient_is_not(det: Detector) -> None:
    got = persons(found(det, "Please ship it with Quickwell to Odile Markham, order 5521."))
    assert "Odile Markham" in got and "Quickwell" not in got


def test_a_greeting_to_a_group_is_no_private_context() -> None:
    assert public_record(["Hi all,\n\nThis issue is about Tobias Crane and his records."], MODEL)
    assert public_record(["Hello everyone! Tobias Crane won again."], MODEL)
    assert not public_record(["Hi Tobias Crane, the boiler is leaking."], MODEL)


@pytest.mark.parametrize(
    "text,value",
    [
        ("This month: the athlete Tobias Crane and his records.", "Tobias Crane"),
        ("We tasted the brand Odile Markham at the fair.", "Odile Markham"),
        ("the storm Tobias hit the coast", "Tobias"),
    ],
)
def test_things_and_public_roles_in_apposition(text: str, value: str) -> None:
    from curation.pii.titles import after_work_noun

    start = text.index(value)
    assert after_work_noun(text, start, start + len(value))


def test_a_private_role_is_no_public_role() -> None:
    from curation.pii.titles import after_work_noun

    text = "Please call the plumber Tobias Crane."
    start = text.index("Tobias Crane")
    assert not after_work_noun(text, start, start + len("Tobias Crane"))


# ---- a weekday that opens a name, a capitalised "Me" in a title, a list of things


@pytest.mark.parametrize(
    "texts",
    [
        ["Give me a talk outline comparing Brevlo Airwrap with Wednesday Addams."],
        ["Give me a three-point talk outline comparing Odile Markham with Me and Bobby Crane."],
        [
            "Sort alphabetically, one per line: Tobias Crane | Odile Markham | Apgar score",
            "Apgar score\nOdile Markham\nTobias Crane",
        ],
    ],
)
def test_names_in_titles_and_lists_of_things_are_no_private_context(texts: list[str]) -> None:
    assert public_record(texts, MODEL, ["Odile Markham", "Tobias Crane", "Brevlo Airwrap"])


@pytest.mark.parametrize(
    "texts",
    [
        ["On Wednesday Odile Markham called about the bill."],
        ["Wednesday March 5 works for Odile Markham."],
        ["Odile Markham asked me to call."],
        ["Me and Odile Markham will come."],  # a sentence's "Me": the speaker
        ["Guests, one per line:", "Odile Markham\nTobias Crane"],  # a roster
    ],
)
def test_weekdays_me_and_rosters_stay_private(texts: list[str]) -> None:
    assert not public_record(texts, MODEL, ["Odile Markham", "Tobias Crane"])
