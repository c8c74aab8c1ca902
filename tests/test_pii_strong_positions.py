"""Names told by a strong position (curation.pii.strong_positions), each with cases that must
not fire: brands, titles, public figures and everyday words in ordinary sentences. Every name
here is made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.detect import Detector
from curation.pii.strong_positions import (
    CARD_SOURCE,
    LABEL_SOURCE,
    POSITION_SOURCE,
    position_given,
    strong_position_names,
)
from tests.helpers.pii import redacted


def found(text: str) -> set[tuple[str, str]]:
    return {(text[s:e], src) for s, e, src in strong_position_names(text)}


def values(text: str) -> set[str]:
    return {v for v, _ in found(text)}


# ---- form fields


def test_person_field_label_takes_everyday_words() -> None:
    text = "Form:\nApplicant: Brook Pebble\nSSN: 123-45-6789\nRole: volunteer"
    assert ("Brook Pebble", LABEL_SOURCE) in found(text)
    assert "Patient: Ilse Marrowby" in "Patient: Ilse Marrowby"
    assert values("Patient: Ilse Marrowby") == {"Ilse Marrowby"}


def test_bare_name_label_needs_a_form_with_an_id() -> None:
    form = "Name: Talia Vaimoana\nPhone: +1 555 201 3344"
    assert values(form) == {"Talia Vaimoana"}
    assert values("Name: Talia Vaimoana\nColour: blue") == set()  # a product's name, maybe


def test_field_label_must_not_fire() -> None:
    assert values("Product: Wireless Keyboard\nPrice: 20") == set()  # no person's label
    assert values("Applicant: Acme Holdings Ltd") == set()  # a firm's last word
    assert values("Status: Pending Review") == set()
    assert values("Name: Project Atlas\nE-mail: team@example.org") == set()  # common words


# ---- ranks on military mail, the line above a PO box


def test_rank_before_recipient_on_military_mail() -> None:
    text = "Send it to 1LT Wren Fallow, Unit 4471 Box 2210, APO AP 96501."
    assert ("Wren Fallow", LABEL_SOURCE) in found(text)
    assert values("Ship to:\nSPC Lark Hedgerow\nPSC 829 Box 7779\nFPO AE 09493") >= {
        "Lark Hedgerow"
    }


def test_rank_without_military_mail_is_no_name() -> None:
    assert values("Buy the USB Type C cable and the SSD Pro Max, please.") == set()
    assert values("The CEO Tim Cook spoke.") == set()


def test_name_above_a_po_box_line() -> None:
    assert values("Use my box:\nGoldie Turret\nPostboks 8166\n5000 Odense C") == {"Goldie Turret"}
    assert values("Use my box:\nGoldie Turret\nHộp thư 3906\nTP. Hồ Chí Minh") == {"Goldie Turret"}
    # a plain "Box" is a container too; a heading of common words is no name
    assert values("Kitchen Shelf\nBox 3 holds the cups") == set()
    assert values("Opening Hours\nPostboks 12 is open daily") == set()


# ---- name on card, surname and initial after an agent


def test_name_on_card_in_capitals() -> None:
    text = "card 4111 1111 1111 1111, exp 09/28, name on card CHIP GABLE."
    assert ("CHIP GABLE", CARD_SOURCE) in found(text)
    assert values("Please print the name on card field in capitals.") == set()


def test_what_the_card_says() -> None:
    text = "The card says BABIRYE MULINDWA, number 4111 1111 1111 1111. Why was it declined?"
    assert ("BABIRYE MULINDWA", CARD_SOURCE) in found(text)
    assert ("Ana Quist", CARD_SOURCE) in found("The name on my card is Ana Quist, not Anna.")


@pytest.mark.parametrize(
    "text",
    [
        "The card says DECLINED INSUFFICIENT FUNDS on the terminal.",
        "My card reads VISA DEBIT on the front.",
        "The gift card shows Happy Birthday in gold.",
    ],
)
def test_what_a_card_says_that_is_no_name(text: str) -> None:
    assert {v for v, src in found(text) if src == CARD_SOURCE} == set()


def test_surname_then_initial_after_an_agent() -> None:
    assert values("approved on Monday, countersigned by Turret, B. on Tuesday") == {"Turret, B."}
    assert values("Tower, B. is the second block of flats.") == set()  # no agent's "by"


# ---- positions that already speak for a person


def test_given_name_in_two_countries_where_a_person_stands() -> None:
    assert values("Background check: Liberty Lantern, SSN 534-51-6133.") == {"Liberty Lantern"}
    assert values("Regards,\nAnca Steeple\n+40 726 676 680") == {"Anca Steeple"}
    assert values("Hi, I'm Mere Tuhikawa. I'd like to switch plans.") == {"Mere Tuhikawa"}
    assert values("River Brambleton wants to freeze the Duo plan.") == {"River Brambleton"}


def test_unknown_word_before_an_everyday_surname_next_to_an_id() -> None:
    found = values("A birth certificate for Zelimkhan Hood, SSN 534-51-6133, please.")
    assert "Zelimkhan Hood" in found
    assert values("Zelimkhan Hood is a brand of jackets.") == set()  # no id beside it
    assert values("Quote for Gizmotron Express, SSN field left blank.") == set()  # no surname


def test_positions_must_not_fire_on_things() -> None:
    assert values("River Island wants to open more shops.") == set()  # "Island": no name
    assert values("Apple Music wants to grow.") == set()
    assert values("I'm Feeling Lucky is a button.") == set()
    assert values("Thanks Microsoft Teams for nothing.") == set()
    assert values("The River Thames, 346 km long, runs through London.") == set()
    assert not position_given("Island")


def test_booked_under_a_name_with_a_particle() -> None:
    assert ("Nikora Te Whare", POSITION_SOURCE) in found(
        "The 9:30 slot is booked under Nikora Te Whare. Can we add a trim?"
    )
    assert values("The file was put under Version Control.") == set()


def test_greeting_by_the_time_of_day() -> None:
    assert values("Morning Oneil! Is the van booked?") == {"Oneil"}
    assert values("Good evening Katarzyna, your table is ready.") == {"Katarzyna"}
    assert values("Good Morning Vietnam is a 1987 film.") == set()
    assert values("The Morning Glory is a flower.") == set()
    assert values("Tomorrow morning Paris will be cold.") == set()


def test_detector_redacts_the_positions(det: Detector) -> None:
    assert "River Brambleton" in redacted(det, "River Brambleton wants to freeze the plan.")
    assert "CHIP GABLE" in redacted(det, "Charge this card, name on card CHIP GABLE.")
    assert not redacted(det, "Good Morning Vietnam is a 1987 film with Robin Williams.") - {
        "Robin Williams"
    }


# ---- an honorific in capitals is a model code (cue_context.closing_in_name)


def test_capital_honorific_before_a_title_cased_word_is_a_model(det: Detector) -> None:
    assert "Keys" not in redacted(det, "My Logitech MX Keys S is under warranty.")
    assert not redacted(det, "Open the file in MS Word and save it.")
    assert "Halloran" in " ".join(redacted(det, "Please forward this to Mx Halloran today."))
    assert redacted(det, "NAME: MR OLU ADEYEMI")


def test_pairs_that_run_on_as_firms_or_end_in_a_particle() -> None:
    assert values("I've asked Lotte Global Logistics to redirect it.") == set()
    assert values("Subject: Ninja Van return label") == set()
    assert values("Subject: Tern Vektron stock") == set()  # a role noun, an unknown word
    assert values("Hi, this is Mere Tuhikawa from accounts.") == {"Mere Tuhikawa"}


# ---- things told by the record: a carrier to a delivery point, a model number (titles.py)


def test_carrier_to_a_delivery_point_and_model_numbers() -> None:
    from curation.pii.titles import thing_value

    def thing(text: str, value: str) -> bool:
        at = text.index(value)
        return thing_value(text, at, at + len(value))

    assert thing("Updated: the order goes to the PO box with Brevik.", "Brevik")
    assert thing("Enquiry: spare filter for Kelvo Instax Mini 12", "Kelvo Instax")
    assert thing("Please ship the Orvo Koda Air 16.", "Orvo Koda")
    assert not thing("Tadhg owes Njeri Korvo 75, to the account.", "Njeri Korvo")  # an amount
    # people stay people
    assert not thing("Send it to Ana Quist 12 Elm Road", "Ana Quist")
    assert not thing("Table for Ana Quist, 2 people", "Ana Quist")
    assert not thing("I went to the office with Ana Quist.", "Ana Quist")


def test_going_with_someone_is_no_carrier() -> None:
    from curation.pii.titles import carrier

    assert not carrier("We went with Ana", len("We went with "))
    assert carrier("it goes to the locker with ", len("it goes to the locker with "))
    assert carrier("Order 12 now goes with ", len("Order 12 now goes with "))
    assert carrier("#8286734 will go with ", len("#8286734 will go with "))
    assert not carrier("I will go with ", len("I will go with "))
    assert not carrier("We'll go with ", len("We'll go with "))


# ---- places and device dumps (review of the round-6 passes)


@pytest.mark.parametrize(
    "text",
    [
        "It's under Lincoln Park, near the lake.",
        "It was under Victoria Station for years.",
        "Contact Lincoln Park about the permit.",
        "Driver: Realtek Audio\nVersion: 6.0.9",
        "Parent: Main Window\nChildren: 3",
    ],
)
def test_places_and_device_fields_are_no_person_position(text: str) -> None:
    assert values(text) == set()


def test_a_loose_label_counts_in_a_form_with_a_phone() -> None:
    assert "Tomasz Hale" in values("Driver: Tomasz Hale\nPhone: +44 7700 900123")


def test_the_run_after_the_stays_a_name_when_every_word_is_a_name(det: Detector) -> None:
    assert redacted(det, "I met the Maria Elena Gomez family at the party.")
    assert not redacted(det, "I bought the Leatherman Wave Plus yesterday.")
