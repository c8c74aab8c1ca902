"""Addresses without a postcode (curation.pii.address_lines) and postcodes of every country
of Google's address metadata (curation.pii.address_shapes), with what must not fire. Streets,
numbers and codes made up for the test; countries other than those of the pii_eval sets."""

from __future__ import annotations

import pytest

from curation.pii.address_lines import (
    StreetLineRecognizer,
    house_number_terms,
    known_localities,
)
from curation.pii.address_shapes import AddressShapeRecognizer, street_types


def spans(text: str) -> list[str]:
    found = [
        *StreetLineRecognizer().analyze(text, ["STREET_ADDRESS"]),
        *AddressShapeRecognizer().analyze(text, ["STREET_ADDRESS"]),
    ]
    return [text[r.start : r.end] for r in found]


def widest(text: str) -> str:
    got = spans(text)
    assert got, f"nothing found in {text!r}"
    return max(got, key=len)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # A house number, a typed street, the locality and a digital code in brackets.
        (
            "Send it to House No. 12, Liberation Road, Tema (GT-204-1187) please.",
            "House No. 12, Liberation Road, Tema (GT-204-1187)",
        ),
        # A digital code makes the block without a street type.
        (
            "House No. 7, Dzorwulu Link, Sunyani (BA-017-2203)",
            "House No. 7, Dzorwulu Link, Sunyani (BA-017-2203)",
        ),
        # A plot number alone needs a known city (the tz database has the capitals).
        ("Deliver to Plot 45, Kampala.", "Plot 45, Kampala"),
        ("Casa 14, Barrio Bellavista, Tegucigalpa", "Casa 14, Barrio Bellavista, Tegucigalpa"),
        # Typed street lines of many languages, transliterated types included.
        (
            "Calle Sucre N° 221, Piso 3, Zona Central, Tarija\nBolivia",
            "Calle Sucre N° 221, Piso 3, Zona Central, Tarija",
        ),
        ("Jalan Sultan Ismail 88, Kuala Lumpur", "Jalan Sultan Ismail 88, Kuala Lumpur"),
        ("Soi Ari 4, Phaya Thai, Bangkok", "Soi Ari 4, Phaya Thai, Bangkok"),
        ("Sharia Qasr El Nil 23, Cairo, Egypt", "Sharia Qasr El Nil 23, Cairo"),
        ("Amir Temur kuchasi 41, Tashkent", "Amir Temur kuchasi 41, Tashkent"),
        ("Rehov Herzl 15, Rishon LeZion", "Rehov Herzl 15, Rishon LeZion"),
        # A number before a typed name, a flat before a typed street, a numbered street.
        ("12 Hope Road, Kingston 6, Jamaica", "12 Hope Road, Kingston 6"),
        (
            "Flat 4, 12 Nathan Road, Tsim Sha Tsui, Kowloon",
            "Flat 4, 12 Nathan Road, Tsim Sha Tsui, Kowloon",
        ),
        (
            "Calle 50, Edificio Global, Piso 3, Panama City",
            "Calle 50, Edificio Global, Piso 3, Panama City",
        ),
        ("Rua da Missão 45, Maputo", "Rua da Missão 45, Maputo"),
        # Postcodes of countries outside any hand-picked list: IL (city first, 7 digits),
        # FO (three digits with a typed street), KH, IR.
        ("Rehov Bialik 40, Apt 2, Ramat Gan 5245110", "Rehov Bialik 40, Apt 2, Ramat Gan 5245110"),
        ("Niels Finsens gøta 14, FO-100 Tórshavn", "Niels Finsens gøta 14, FO-100 Tórshavn"),
        (
            "Street 63, Sangkat Boeung Keng Kang, Phnom Penh 120101",
            "Street 63, Sangkat Boeung Keng Kang, Phnom Penh 120101",
        ),
        # PO boxes with the letters of their post office, and dotted acronyms.
        ("Write to P.O. Box KS 4410, Kumasi.", "P.O. Box KS 4410, Kumasi"),
        ("P.O.B. 3581, Nazareth", "P.O.B. 3581, Nazareth"),
    ],
)
def test_addresses_of_any_country(text: str, address: str) -> None:
    assert widest(text) == address


@pytest.mark.parametrize(
    "text",
    [
        "Step No. 3, Main Street, Denver.",  # a step, not a house
        "Version 2, Build 5, London.",
        "Room 12, Berlin",  # a room and a city: no street
        "Chapter 3, Paris",
        "Order Nr. 5531, Munich.",
        "Plot 3, Figure 2, Results.",  # a plot of a paper, no known city
        "Lot 42, Batch 7, Quality check passed.",
        "Windows 10, 2015 Release",
        "Port 8080, Server 2",
        "Contents: 1x Philips Hue Bridge\nCarrier: Yurtiçi Kargo",  # a quantity; a label
        "Route 66, Chicago",  # a numbered road and a city, nothing between
        "Flat 3, Berlin",  # a flat and a city, no street
        "Item 45, Total 1299 Euros",
        "Released in 2019, Vienna 1010",  # a year, no street line
        "We sold 4500 units, Nairobi 00100 office reported.",
        "Python 3.12, Django 5041 Release",
        "See page 12, section 3, Paris 75001",
        "The code GA-151-7328 expired.",  # a digital code alone is no address
        "Step No. 3, Road 5 closed.",  # a step before a numbered road
        "Symphony No. 9, Ode to Joy",
        "Chanel No. 5, the perfume",
        "Track No. 3, Abbey Road sessions",
        "صندوق بريد الشركة",  # a box word with no number
        "the score was 12-34 on Av. 5",  # a score, then a numbered street
        "Calle 8, 2015-2019 works",
    ],
)
def test_numbers_that_are_no_address(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # A house number before a numbered street: a street line with nothing after it.
        ("Street: No. 239, Street 308\nCity: Phnom Penh 120101", "No. 239, Street 308"),
        ("House 5, Street 12, F-7/2, Islamabad", "House 5, Street 12"),
        # A building word of French-speaking Africa before a typed street.
        ("Street: Immeuble 7, Rue Narvik\nCity: Yaoundé", "Immeuble 7, Rue Narvik"),
        ("at Villa n° 16, Route de la Corniche Ouest, Fann, Dakar, Sénégal, but", "Villa n° 16"),
        ("for her at Immeuble 179, Boulevard de la Liberté, Akwa, Douala, Cameroun, but", "Immeuble 179, Boulevard de la Liberté"),
        # A numbered street and a house number in two parts (CO, GT).
        ("at Diagonal 6 28-06, Zona 10, Ciudad de Guatemala 01010, Guatemala.", "Diagonal 6 28-06"),
        ("at Calle 50 # 12-34, Medellín, Colombia.", "Calle 50 # 12-34"),
        ("at 6a Avenida 12-34, Zona 1", "6a Avenida 12-34"),
    ],
)  # fmt: skip
def test_a_house_number_before_a_numbered_or_typed_street(text: str, line: str) -> None:
    assert any(line in found for found in spans(text))


def test_terms_are_package_data() -> None:
    assert {"House No.", "Casa", "Plot", "Nr.", "Immeuble", "مبنى"} <= set(house_number_terms())
    assert {"Rehov", "Sharia", "Jalan", "Soi", "Prospekt"} <= set(street_types("before"))
    assert "Kuchasi" in street_types("after")
    assert {"Accra", "La Paz", "Jerusalem", "Kampala"} <= known_localities()


def test_the_country_line_after_a_postcode_stays() -> None:
    text = "ul. Długa 22 m. 4\n00-950 Warszawa\nPolska"
    assert all("Polska" not in s for s in spans(text))
    assert "00-950 Warszawa" in widest(text) or any("00-950 Warszawa" in s for s in spans(text))
