"""Titles, works and field values that are no person (curation.pii.titles), and carriers
beside an address block (curation.pii.address_shapes, curation.pii.recognizers), with the
cases that must not fire. Every title, name and street here is made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.address_shapes import AddressShapeRecognizer, subdivisions
from curation.pii.detect import Detector, Finding
from curation.pii.titles import by_maker, firm_of, labelled_non_person, quoted, work_or_field
from tests.helpers.pii import found


def persons(findings: list[Finding]) -> set[str]:
    return {f.text for f in findings if f.entity == "PERSON"}


def at(text: str, value: str) -> tuple[str, int, int]:
    start = text.index(value)
    return text, start, start + len(value)


@pytest.mark.parametrize(
    "text,value",
    [
        ('Find me songs that sound like "Marisol Vane" from that decade.', "Marisol Vane"),
        ("Who directed *Odile Markham* and when?", "Odile Markham"),
        ("Is 'Tobias Crane' a ballad?", "Tobias Crane"),
        ("My quiz asks about “Delphine” and its chorus.", "Delphine"),
    ],
)
def test_a_span_quoted_as_a_whole_is_a_title(text: str, value: str) -> None:
    assert quoted(*at(text, value))


@pytest.mark.parametrize(
    "text,value",
    [
        ('{"name": "Odile Markham", "id": 4}', "Odile Markham"),  # a JSON value
        ('"Odile Markham","odile@example.org"', "Odile Markham"),  # a CSV field
        ('Please sign it "Odile Markham" as before.', "Odile Markham"),
        ('The new hire is named "Odile Markham".', "Odile Markham"),
        ('Hi "Odile", thanks.', "Odile"),
        ("Ask Odile Markham about it.", "Odile Markham"),  # no quotes at all
        ('He said "Odile Markham called" twice.', "Odile Markham"),  # part of a quotation
    ],
)
def test_quotes_that_hold_a_person_or_a_field(text: str, value: str) -> None:
    assert not quoted(*at(text, value))


@pytest.mark.parametrize(
    "text,value",
    [
        ("Play the song Delphine again.", "Delphine"),
        ("What is the 1950 novel Odile Markham about?", "Odile Markham"),
        ("Describe the character Tobias Crane in two lines.", "Tobias Crane"),
        ("Her album Marisol was a hit.", "Marisol"),
        ("In the film called Tobias Crane the hero sails.", "Tobias Crane"),
        ("Odile Markham by Jasper Quill is a long read.", "Odile Markham"),
        ("Carrier: Quickwell\nTracking: QW123", "Quickwell"),
        ("brand: Tobias Crane", "Tobias Crane"),
    ],
)
def test_works_and_their_makers_and_non_person_fields(text: str, value: str) -> None:
    assert work_or_field(*at(text, value))


@pytest.mark.parametrize(
    "text,value",
    [
        ("Please book Odile Markham a seat.", "Odile Markham"),  # "book" as a verb
        ("Reply to Odile Markham by Friday.", "Odile Markham"),  # a deadline, not a maker
        ("Ship it to Tobias by Quickwell.", "Tobias"),  # a recipient
        ("Customer: Odile Markham", "Odile Markham"),  # a field that holds a person
        ("Our manager Odile Markham approved it.", "Odile Markham"),
    ],
)
def test_persons_beside_work_words_stay_persons(text: str, value: str) -> None:
    assert not work_or_field(*at(text, value))
    assert not by_maker(*at(text, value)) and not labelled_non_person(text, text.index(value))


def test_titles_are_kept_in_a_private_record_and_persons_are_not(det: Detector) -> None:
    got = persons(
        found(det, "hi, my name is Odile Markham. Can you put the song Delphine on my list?")
    )
    assert "Odile Markham" in got and "Delphine" not in got


def test_a_verb_after_the_span_makes_it_a_person_after_a_work_noun(det: Detector) -> None:
    got = persons(found(det, "My order: the book Odile Markham recommended. Invoice to follow."))
    assert "Odile Markham" in got


def test_a_carrier_label_keeps_the_carrier(det: Detector) -> None:
    got = found(det, "Deliver to Flat 3, 18 Kestrel Mews, Leeds LS6 2AB\nCarrier: Quickwell")
    assert "Quickwell" not in persons(got)
    assert any(f.entity == "STREET_ADDRESS" and "Kestrel" in f.text for f in got)


@pytest.mark.parametrize(
    ("text", "value", "firm"),
    [
        ("sent with Pošta na Dolna Zemja, order 5", "Dolna Zemja", True),
        ("the Cargo of Rivena Lines arrived", "Rivena Lines", True),
        ("I asked the daughter of Ana Quist", "Ana Quist", False),  # no firm's word
        ("Post: Ana Quist", "Ana Quist", False),  # no "of"
    ],
)
def test_a_firm_word_and_of_before_the_span(text: str, value: str, firm: bool) -> None:
    assert firm_of(text, text.index(value)) is firm


def test_the_rest_of_a_national_post_is_no_person(det: Detector) -> None:
    got = found(
        det, "for Odile Markham, Kej Rivena br. 4, 6000 Ohrid -- Pošta na Dolna Zemja, order 77"
    )
    assert not any("Zemja" in f.text for f in got)
    assert any(f.entity == "STREET_ADDRESS" for f in got)


def spans(text: str) -> list[str]:
    return [
        text[r.start : r.end] for r in AddressShapeRecognizer().analyze(text, ["STREET_ADDRESS"])
    ]


@pytest.mark.parametrize(
    "text,block,carrier",
    [
        ("Lindenweg 12, 10969 Berlin, QWX Express only", "Lindenweg 12, 10969 Berlin", "QWX"),
        ("Via Lunga 5, 00184 Roma, Quickwell", "Via Lunga 5, 00184 Roma", "Quickwell"),
        (
            "Kungsgatan 5, 111 43 Stockholm, ParcelPro",
            "Kungsgatan 5, 111 43 Stockholm",
            "ParcelPro",
        ),
        ("P.O. Box 4410, Nairobi, QWX", "P.O. Box 4410, Nairobi", "QWX"),
    ],
)
def test_a_carrier_after_the_city_ends_the_block(text: str, block: str, carrier: str) -> None:
    got = spans(text)
    assert block in got and not any(carrier in s for s in got)


def test_a_state_written_after_the_city_stays_in_the_block() -> None:
    assert "Calle Luna 3, 28013 Madrid, Madrid" in spans("Calle Luna 3, 28013 Madrid, Madrid")
    assert "Via Lunga 5, 00184 Roma, RM" in spans("Via Lunga 5, 00184 Roma, RM")
    assert "CDMX" in subdivisions("MX") and not subdivisions("DE")


def test_a_carrier_after_a_street_and_city_is_no_locality(det: Detector) -> None:
    got = [f.text for f in found(det, "Please send it to 12 Elm Street, Springfield, FedEx.")]
    assert "12 Elm Street" in got and not any("FedEx" in t for t in got)
    got = [f.text for f in found(det, "Send it to 12 Elm Street, McAllen, TX.")]
    assert any("McAllen" in t for t in got)  # a camel-cased town is still a place


def test_item_line_that_says_what_kind_of_thing_it_is() -> None:
    from curation.pii.titles import kind_after_item

    def says(text: str, value: str) -> bool:
        at = text.index(value)
        return kind_after_item(text, at, at + len(value))

    assert says("- Marrow Lane: song title\n- Pike Rock: ship", "Marrow Lane")
    assert says("- Marrow Lane: song title\n- Pike Rock: ship", "Pike Rock")
    assert says("1. Orla Venn – sports team", "Orla Venn")
    # a person, or a private person's role, is no thing
    assert not says("- Orla Venn: real person (public figure)", "Orla Venn")
    assert not says("- Orla Venn: customer", "Orla Venn")
    assert not says("Ask Orla Venn: the film is due", "Orla Venn")  # not an item's opening
    assert not says("- Orla Venn: product manager at Kestrel", "Orla Venn")
