"""Names by their position in a message (curation.pii.message_slots): signature blocks, the
line over an address, list items of one shape, possessives; and lines in those places that
name no person. Names, firms and numbers made up."""

from __future__ import annotations

import pytest

from curation.pii.detect import get_detector
from curation.pii.message_slots import (
    LIST_ID_SOURCE,
    LIST_SOURCE,
    PEOPLE_LIST_SOURCE,
    RECIPIENT_SOURCE,
    SIGNATURE_SOURCE,
    list_names,
    particle_names,
    possessive_names,
    recipient_names,
    signature_names,
    slot_names,
)
from curation.pii.spans import Span
from tests.helpers.pii import people, span_at


def values(text: str, found: list[tuple[int, int, str]]) -> list[str]:
    return [text[s:e] for s, e, _ in found]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # name over a title, a firm and contact lines, no closing
        (
            "See you then.\n\nOrla Venngard\nResidence Life Manager\nHarbour Homes Ltd\n"
            "+44 20 7946 0321\norla@harbour.example",
            "Orla Venngard",
        ),
        # everyday words after a closing
        ("Thanks for the help.\n\nKind regards,\nTemperance Grange", "Temperance Grange"),
        # a name over a phone after a blank line
        ("Could the service start at 2 pm?\n\nKuarahy Bolt\n+595 981 123456", "Kuarahy Bolt"),
        # labelled contact lines, a name with a particle
        (
            "Regards,\nSunnvá við Streym\nT: +298 21 34 56 | E: sunnva@post.example",
            "Sunnvá við Streym",
        ),
        # "Name, Job Title" closing a quoted message
        (
            "> Hi Ana,\n> the plan includes the viewing room.\n> Mebrahtu Bolt, Funeral Director\n\n"
            "Thank you.",
            "Mebrahtu Bolt",
        ),
        ("> Noted.\n> Ildar Sagitov, Claims Adjuster II\n\nOk.", "Ildar Sagitov"),
    ],
)
def test_signature_block_names_its_writer(text: str, name: str) -> None:
    found = list(signature_names(text))
    assert values(text, found) == [name]
    assert found[0][2] == SIGNATURE_SOURCE


@pytest.mark.parametrize(
    "text",
    [
        "Here is the plan.\n\nCustomer Service\n+1 800 555 0100",
        "Questions?\n\nSupport Team\nsupport@acme.example",
        "The venue:\n\nRoyal Albert Hall\nKensington Gore",  # no contact, no closing
        "> Berlin, Germany",
        "Where is the fair held?\n> Paris, France",
        "Call us at\n+1 800 555 0100",
        "We met at the Central Library, Manchester",
        "Steps:\nOpen Settings\nReset Network",
    ],
)
def test_lines_that_close_a_message_without_a_writer(text: str) -> None:
    assert list(signature_names(text)) == []


def test_recipient_over_an_address_block() -> None:
    text = (
        "Please send it to:\nNils-Ánte Bridges\nAv. Arce N° 468, Piso 6, Zona Sopocachi, La Paz\n"
        "Bolivia"
    )
    address = span_at(text, "Arce N° 468, Piso 6, Zona Sopocachi, La Paz")
    assert values(text, list(recipient_names(text, [address]))) == ["Nils-Ánte Bridges"]
    without_label = text.replace("Please send it to:", "Parcel")
    found = recipient_names(without_label, [span_at(without_label, "Arce N° 468")])
    assert values(without_label, list(found)) == ["Nils-Ánte Bridges"]


def test_recipient_with_rank_and_on_the_address_line() -> None:
    text = "Care package for\nSGT Aspen Bolt\nPSC 1234, Box 567\nAPO AE 09012"
    box = span_at(text, "PSC 1234, Box 567\nAPO AE 09012")
    assert values(text, list(recipient_names(text, [box]))) == ["Aspen Bolt"]
    inline = "Ship to Tulip Mamytov, 12 Rue Ibn Khaldoun, 1002 Tunis"
    block = span_at(inline, "12 Rue Ibn Khaldoun, 1002 Tunis")
    assert values(inline, list(recipient_names(inline, [block]))) == ["Tulip Mamytov"]
    line = "Tulip Mamytov, 12 Rue Ibn Khaldoun, 1002 Tunis"
    found = list(recipient_names(line, [span_at(line, "12 Rue Ibn Khaldoun, 1002 Tunis")]))
    assert values(line, found) == ["Tulip Mamytov"] and found[0][2] == RECIPIENT_SOURCE


@pytest.mark.parametrize(
    ("text", "address", "name"),
    [
        (
            "Kazpost has 8 (701) 952 0660 for Columbine Hojamuradow at ul. Zheltoksan 138, "
            "kv. 5, Almaty 050013, Kazakhstan, but the order says otherwise.",
            "ul. Zheltoksan 138, kv. 5, Almaty 050013",
            "Columbine Hojamuradow",
        ),
        (
            "Send the kettle to Tempest Boot, PO Box 1921, Boise, ID 83709.",
            "PO Box 1921, Boise, ID 83709",
            "Tempest Boot",
        ),
        (
            "Seneposte has a phone for Snowdrop Ruparelia at Villa n° 130, Avenue Jean Mermoz, "
            "Nord, 32001 Saint-Louis, Sénégal.",
            "Villa n° 130, Avenue Jean Mermoz, Nord, 32001 Saint-Louis",
            "Snowdrop Ruparelia",
        ),
    ],
)
def test_recipient_before_an_address_in_a_sentence(text: str, address: str, name: str) -> None:
    found = list(recipient_names(text, [span_at(text, address)]))
    assert values(text, found) == [name] and found[0][2] == RECIPIENT_SOURCE


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Everyday words, none of them a name's: a place, not an addressee.
        ("We moved the meeting to Main Hall at 12 Hope Road, Kingston.", "12 Hope Road, Kingston"),
        ("Send the report to Finance Team, PO Box 1921, Boise, ID 83709.", "PO Box 1921, Boise"),
        # Not after "to" or "for".
        ("Cypress Hill played at 12 Hope Road, Kingston.", "12 Hope Road, Kingston"),
    ],
)
def test_words_before_an_address_in_a_sentence_that_name_no_person(text: str, address: str) -> None:
    assert list(recipient_names(text, [span_at(text, address)])) == []


@pytest.mark.parametrize(
    "above", ["Shipping Address", "Head Office", "Acme Logistics", "Please send it to:", "Home"]
)
def test_lines_over_an_address_that_name_no_person(above: str) -> None:
    text = f"{above}\n14 Harbour Road\nCork T12 AB34"
    block = span_at(text, "14 Harbour Road\nCork T12 AB34")
    assert list(recipient_names(text, [block])) == []


def test_list_items_of_one_shape() -> None:
    ages = "Tour group:\n- Ana Quist (age 34)\n- Temperance Grange (41 y/o)\n- Bo Lind (aged 9)"
    found = list(list_names(ages))
    assert values(ages, found) == ["Ana Quist", "Temperance Grange", "Bo Lind"]
    assert {f[2] for f in found} == {LIST_ID_SOURCE}
    mails = "1. Ana Quist, ana@x.example\n2. Cinnamon Bolt, cb@y.example"
    assert values(mails, list(list_names(mails))) == ["Ana Quist", "Cinnamon Bolt"]
    roles = "1. Ana Quist — treasurer\n2. Bolt Spear — secretary"
    found = list(list_names(roles))
    # a role is a weaker tail: everyday words alone are not enough
    assert values(roles, found) == ["Ana Quist"] and found[0][2] == LIST_SOURCE
    counts = "- Ana Quist (34)\n- Temperance Grange (41)"
    assert values(counts, list(list_names(counts))) == ["Ana Quist"]


@pytest.mark.parametrize(
    "text",
    [
        "- Docker Compose (2)\n- Kubernetes (3)",
        "1. Paris — capital\n2. Lyon — city",
        "- Ana Quist (34)",  # one item is no list
        "- Ana Quist (34)\n- Bo Lind, bo@x.example",  # two shapes
        "- Pale Ale (330 ml)\n- Stout (500 ml)",
        "- Widget Gizmo (12)\n- Gadget Hub (4)",  # a bare number counts things
        "Parcels:\n- Kensington Gardens (2)\n- Elm Crescent (3)",
        "- Kensington Gardens, +44 20 7946 0321\n- Elm Crescent, +44 20 7946 0322",
    ],
)
def test_lists_that_hold_no_people(text: str) -> None:
    assert list(list_names(text)) == []


def test_people_lists_whose_items_share_a_role_tail() -> None:
    """Items sharing one tail word for word, under a line that names people or with a
    person's word in the tail, are a slot of names, not the model's guess."""
    extras = (
        "Extras confirmed for Tuesday's shoot:\n- Rok Pirc (background, market scene)\n"
        "- Indigo Mhatre (background, market scene)\n- Galane Crabbe (background, market scene)"
    )
    found = list(list_names(extras))
    assert values(extras, found) == ["Rok Pirc", "Indigo Mhatre", "Galane Crabbe"]
    assert {f[2] for f in found} == {PEOPLE_LIST_SOURCE}
    tail = "- Marisol Petrenko (volunteer, front desk)\n- Jonah Abara (volunteer, front desk)"
    assert values(tail, list(list_names(tail))) == ["Marisol Petrenko", "Jonah Abara"]
    assert people(get_detector(), extras) >= {"Rok Pirc", "Indigo Mhatre", "Galane Crabbe"}


@pytest.mark.parametrize(
    "text",
    [
        "Order for the flat:\n- Oak Shelf (walnut, 2 pcs)\n- Pine Shelf (walnut, 2 pcs)",
        "Lunch menu:\n- Chicken Tikka (spicy, mains)\n- Paneer Tikka (spicy, mains)",
        "Volunteers for Saturday:\n- Oak Shelf (front desk)\n- Pine Table (front desk)",
        "Brands we stock:\n- Kobo Clara (e-reader)\n- Kobo Libra (e-reader)",
        # tails that differ under a line with no word for people
        "Agenda:\n- Project Atlas (kickoff, room 2)\n- Budget Review (finance)",
    ],
)
def test_lists_of_things_sharing_a_tail(text: str) -> None:
    assert [f for f in list_names(text) if f[2] == PEOPLE_LIST_SOURCE] == []


def test_possessive_of_what_a_person_owns() -> None:
    text = (
        "Also, Kwizera's account shows a login. Serenity's laptop was stolen. "
        "Nagarjun's login failed."
    )
    assert values(text, list(possessive_names(text))) == ["Kwizera", "Serenity", "Nagarjun"]
    also = "Then Also Kwizera's login failed."
    assert values(also, list(possessive_names(also))) == ["Kwizera"]
    for other in (
        "Wendy's menu has fries.",
        "The company's account is fine.",
        "Google's account page.",
        "Docker's login command.",
    ):
        assert list(possessive_names(other)) == []


def test_slot_names_skip_other_entities_and_use_address_spans() -> None:
    text = "Orla Venngard\n14 Harbour Road\nCork T12 AB34"
    addr = Span(
        *span_at(text, "14 Harbour Road\nCork T12 AB34"),
        "STREET_ADDRESS",
        "",
        0.85,
        "address:block",
    )
    assert [s.text for s in slot_names(text, [addr])] == ["Orla Venngard"]
    assert slot_names(text, []) == []
    phone = "Thanks,\nKuarahy Bolt\n+595 981 123456"
    taken = Span(*span_at(phone, "Kuarahy Bolt"), "EMAIL_ADDRESS", "", 0.9, "test")
    assert slot_names(phone, [taken]) == []
    guess = Span(*span_at(phone, "Kuarahy Bolt"), "ORGANIZATION", "", 0.9, "spacy")
    assert [s.text for s in slot_names(phone, [guess])] == ["Kuarahy Bolt"]


def test_detector_redacts_signature_and_possessive() -> None:
    det = get_detector()
    found = people(
        det,
        "Could the service start at 2 pm?\n\nKuarahy Bolt\n+595 981 123456",
        "Also, Kwizera's account shows a login from 203.0.113.9.",
    )
    assert {"Kuarahy Bolt", "Kwizera"} <= found


def test_unknown_words_joined_by_a_name_particle() -> None:
    text = "The account should read Sunnvá við Streym - can you correct it? Marta í Stórustovu too."
    assert values(text, list(particle_names(text))) == ["Sunnvá við Streym", "Marta í Stórustovu"]
    for other in ("We flew to Rio de Janeiro.", "Costa del Sol", "Fort á Gate", "Den Haag"):
        assert list(particle_names(other)) == []


def test_years_under_a_name_are_no_contact_line() -> None:
    assert list(signature_names("Who wrote the first program?\n\nAda Lovelace\n1815-1852")) == []
    text = "Talk soon.\n\nOrla Venngard\n020 7946 0321"
    assert values(text, list(signature_names(text))) == ["Orla Venngard"]


def test_recipient_before_a_colon_on_the_address_line() -> None:
    text = "Pet-sitting invoices for Kanybek Kasymaliev: 1200 Elm Street, Austin, TX 78701."
    block = span_at(text, "1200 Elm Street, Austin, TX 78701")
    assert values(text, list(recipient_names(text, [block]))) == ["Kanybek Kasymaliev"]
    labels = (
        "Shipping Address",
        "Ship To",
        "Head Office",
        "Post Office",
        "Tulip Mamytov, please use",
    )
    for label in labels:
        other = f"{label}: 1200 Elm Street, Austin, TX 78701"
        found = recipient_names(other, [span_at(other, "1200 Elm Street, Austin, TX 78701")])
        assert list(found) == [], label


def test_recipient_after_a_send_to_line() -> None:
    text = "Please send it to:\nSunnvá Hood\nRehov Sheinkin 349, Apt 33, Tel Aviv-Yafo 6126256"
    found = list(recipient_names(text, []))
    assert values(text, found) == ["Sunnvá Hood"] and found[0][2] == RECIPIENT_SOURCE
    branch = "New address:\nLaurel Branch\n14 Harbour Road\nCork T12 AB34"
    block = span_at(branch, "14 Harbour Road\nCork T12 AB34")
    assert values(branch, list(recipient_names(branch, [block]))) == ["Laurel Branch"]
    for other in ("Please send it to:\nthe office below", "Ship it to:\nHead Office"):
        assert list(recipient_names(other, [])) == []


def test_addressee_of_post() -> None:
    text = "Vet-insurance letters for Tulip Osmonalieva should stop going to the old flat."
    assert values(text, list(recipient_names(text, []))) == ["Tulip Osmonalieva"]
    inv = "Pet-sitting invoices addressed to Temperance Grange: 12 Elm St."
    assert values(inv, list(recipient_names(inv, []))) == ["Temperance Grange"]
    for other in (
        "Invoices for Acme Holdings Ltd are due.",
        "Mail for Customer Service goes to the desk.",
        "Parcels to New York take two days.",
        "letters to the editor",
    ):
        assert list(recipient_names(other, [])) == [], other
