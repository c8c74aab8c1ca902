"""Address forms the country formats alone missed (curation.pii.address_shapes): floors
written as ordinals, street types after the name, a labelled postcode after the city, a
province in brackets, Vietnamese and Hungarian blocks, a non-English box word heading a
block; with what must not fire. Streets and names are made up."""

from __future__ import annotations

import pytest

from curation.pii.address_shapes import AddressShapeRecognizer


def spans(text: str) -> list[str]:
    found = AddressShapeRecognizer().analyze(text, ["STREET_ADDRESS"])
    return [text[r.start : r.end] for r in found]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # DK: the floor and side after the house number ("2. th." = 2nd floor, right).
        (
            "Send it to\nRosenvænget Gade 14, 2. th.\n8200 Aarhus N\nplease",
            "Rosenvænget Gade 14, 2. th.\n8200 Aarhus N",
        ),
        (
            '{"address": "Kildevej 7, 4. mf.\\n2100 København Ø"}',
            "Kildevej 7, 4. mf.\\n2100 København Ø",
        ),
        # HU: city, street with its type after the name, postcode on its own line.
        ("Debrecen\nPiac utca 18. 2. em. 4.\n4025", "Piac utca 18. 2. em. 4."),
        ("Address: Győr, Baross út 3. 1. em. 2., 9021", "Baross út 3. 1. em. 2."),
        # A labelled postcode after the city, in a country that writes the postcode first.
        (
            "Address: Pasaje Los Aromos 812, Depto. 51, Talca, Maule, Código postal 3460000\nPhone",
            "Pasaje Los Aromos 812, Depto. 51, Talca, Maule, Código postal 3460000",
        ),
        # CA in French: the province in brackets before the postcode.
        (
            "à\n25, rue des Érables, app. 3\nGatineau (Québec) J8Y 3X1\nmerci",
            "25, rue des Érables, app. 3\nGatineau (Québec) J8Y 3X1",
        ),
        # VN: ward and district parts, a roman numeral closing one, city and postcode.
        (
            "Số 12 Phố Lý Nam\nPhường Tân Định II, Quận 3\nTP. Hồ Chí Minh 70000",
            "12 Phố Lý Nam\nPhường Tân Định II, Quận 3\nTP. Hồ Chí Minh 70000",
        ),
        # A Spanish box word heading a block that runs on to a second line.
        (
            "Mi casilla:\nCasilla 77, Correo Central\nPuerto Montt, Los Lagos\nGracias",
            "Casilla 77, Correo Central\nPuerto Montt, Los Lagos",
        ),
    ],
)
def test_address_forms(text: str, address: str) -> None:
    assert address in spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "Box 3, Shelf B\nThanks for packing it",  # the English container word
        "Box 1, Kitchen\nBox 2, Bedroom",
        "Casilla 4, then turn left",  # one line, no block
        "Chapter 5. 2. em. is short for emelet",  # no street type before the number
        "The score was 3. tv. ratings fell",
        "We met at 12 Baker Street, London, I think.",  # "I" the pronoun closes no part
        "Postcode 4032836 is not valid",  # a labelled number with no street before it
        "Ugh, version 2.3 (Beta) A1B 2C3",  # brackets with no street line
    ],
)
def test_address_forms_must_not_fire(text: str) -> None:
    assert spans(text) == []
