"""Round-7 precision categories (curation.pii.firm_signals plan runs and carrier status lines,
titles' item kinds, address_shapes' slash-numbered streets): each rule with cases that must
fire and cases that must not. Every firm, plan and person here is made up for the test."""

from __future__ import annotations

from curation.pii.detect import Detector
from curation.pii.firm_signals import carrier_status, plan_run
from curation.pii.titles import kind_after_item
from tests.helpers.pii import addresses, people, span_at

# ---- a plan or subscription the run names


def test_plan_run_fires_before_a_plan_noun_or_after_a_subscription_verb() -> None:
    for text, value in [
        ("Reminder: your Early Crow Saver subscription renews soon", "Crow Saver"),
        ("Update the card for my Quell Orbit Backer pledge: 4111", "Quell Orbit Backer"),
        ("I want to pause Every Court Velvet for two months.", "Every Court Velvet"),
        ("I can freeze Every Court Velvet from the next billing date", "Court Velvet"),
    ]:
        assert plan_run(text, *span_at(text, value)), text


def test_plan_run_keeps_people() -> None:
    for text, value in [
        ("your Ana Quist subscription", "Ana Quist"),  # a common given name opens the run
        ("I asked Zelmo Trask about the plan", "Zelmo Trask"),  # nothing before, no plan noun
        ("Zelmo Trask plan to visit", "Zelmo Trask"),  # no determiner before
        ("I want to pause Ana Quist for a minute", "Ana Quist"),
        ("Please cancel Zelmo Trask's plan", "Zelmo Trask"),
    ]:
        assert not plan_run(text, *span_at(text, value)), text


def test_a_plan_under_a_tier_label_is_kept(det: Detector) -> None:
    record = (
        '{"name": "Tendai Webster", "email": "twebster@quillmoor.io", '
        '"tier": "Early Bird Saver", "reward": "Kettle"}'
    )
    assert people(det, record) == {"Tendai Webster"}


# ---- a carrier's status line


def test_status_line_after_a_carrier_fires_even_after_a_rare_given_name() -> None:
    for text, value in [
        ("What does this mean? 'Zelto Pakketa: parcel CP00000085 arrived at hub'", "Zelto Pakketa"),
        ("Hansa Kvortel says it is out for delivery.", "Hansa Kvortel"),
        ("Zelto Pakketa: package is out for delivery", "Zelto Pakketa"),
    ]:
        assert carrier_status(text, *span_at(text, value)), text


def test_status_line_keeps_people() -> None:
    for text, value in [
        ("Ana Quist says it is out for delivery.", "Ana Quist"),  # a common given name
        ("Zelto Pakketa: thanks, see you soon", "Zelto Pakketa"),  # no item, no status
        ("Ask Zelto Pakketa: parcel arrived", "Zelto Pakketa"),  # not at a sentence start
        ("Zelto Pakketa says she is out", "Zelto Pakketa"),
    ]:
        assert not carrier_status(text, *span_at(text, value)), text


# ---- an item the record itself files as a thing


def test_item_kinds_institution_public_figure_and_an_honorific_before_the_item() -> None:
    text = "- Quillby Marsh Library: an institution\n- Mr Quillby: a fictional character"
    assert kind_after_item(text, *span_at(text, "Quillby Marsh Library"))
    at = text.find("Quillby:")
    assert kind_after_item(text, at, at + len("Quillby"))
    text = "- Tomas Vrell: a public figure"
    assert kind_after_item(text, *span_at(text, "Tomas Vrell"))
    text = "- Tomas Vrell: my neighbour\n- Ana Quist: a person"
    assert not kind_after_item(text, *span_at(text, "Tomas Vrell"))
    assert not kind_after_item(text, *span_at(text, "Ana Quist"))


def test_list_labelled_by_the_answer_keeps_its_items(det: Detector) -> None:
    ask = "Classify each item:\n- Quillby Marsh Library\n- Mr Quillby\n- Ana Quist"
    answer = (
        "- Quillby Marsh Library: an institution\n- Mr Quillby: a fictional character\n"
        "- Ana Quist: my neighbour"
    )
    assert people(det, ask, answer) == {"Ana Quist"}


# ---- a slash-numbered street before its postcode


def test_slash_numbered_street_joins_its_postcode_line(det: Detector) -> None:
    assert addresses(det, "Ship to Ivo Brant, Mlynské nivy 246/124, 811 06 Bratislava.") == [
        "Mlynské nivy 246/124, 811 06 Bratislava"
    ]
    assert addresses(det, "Send to: Hlavné nábrežie 12/3, 040 01 Košice") == [
        "Hlavné nábrežie 12/3, 040 01 Košice"
    ]


def test_slash_numbers_without_letters_beyond_ascii_are_no_street(det: Detector) -> None:
    for text in [
        "The score was 3/4, 811 06 Bratislava won.",
        "We sold items 246/124, 811 06 Bratislava",
    ]:
        assert not any("/" in a for a in addresses(det, text)), text


def test_plan_and_carrier_signals_hold_for_the_whole_record(det: Detector) -> None:
    ask = "Shorten this subject: 'Reminder: your Early Bird Saver subscription renews soon'"
    assert not people(det, ask, "Early Bird Saver renews soon")
    ask = "Ship it to my sister Ana Quist. Hansa Kvortel says it is out for delivery."
    assert people(det, ask, "I've asked Hansa Kvortel to redirect it.") == {"Ana Quist"}
    tool = '{"name": "Tendai Webster", "email": "tw@quillmoor.io", "tier": "Early Bird Saver"}'
    assert people(det, tool, "Yes, Tendai answered: Early Bird Saver, the survey is done.") == {
        "Tendai Webster",
        "Tendai",
    }
