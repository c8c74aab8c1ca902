"""Addresses told by their field label (curation.pii.address_fields), Cyrillic address words in
their Latin spellings (curation.pii.romanise), "br." house numbers, Uzbek "35-uy" numbers and
a typed street with its building and flat but no number; with what must not fire. Streets,
numbers and names are made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.address_fields import AddressFieldRecognizer, address_value
from curation.pii.address_lines import StreetLineRecognizer
from curation.pii.address_shapes import AddressShapeRecognizer, address_data
from curation.pii.romanise import latin_spellings


def field_spans(text: str) -> list[str]:
    return [
        text[r.start : r.end] for r in AddressFieldRecognizer().analyze(text, ["STREET_ADDRESS"])
    ]


def spans(text: str) -> list[str]:
    found = [
        *StreetLineRecognizer().analyze(text, ["STREET_ADDRESS"]),
        *AddressShapeRecognizer().analyze(text, ["STREET_ADDRESS"]),
    ]
    return [text[r.start : r.end] for r in found]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Recipient: Olek Marchuk\nAddress line 1: prosp. Peremohy, 17, kv. 4\nCity: Kharkiv",
            "prosp. Peremohy, 17, kv. 4",
        ),
        ("Street: Kneza Lazara 14/2\nTown: 11000 Beograd", "Kneza Lazara 14/2"),
        (
            "- **Delivery address:** Tulpanlar ko'chasi 9, Samarqand",
            "Tulpanlar ko'chasi 9, Samarqand",
        ),
        (
            '{"name": "Aru Bekova", "address": "Abay dangyly 150, Almaty", "carrier": "Kaz Post"}',
            "Abay dangyly 150, Almaty",
        ),
        ('{"addressLine1": "Tsentralna 8", "city": "Poltava"}', "Tsentralna 8"),
        ('{"street_address": "Rruga e Kavajës 61"}', "Rruga e Kavajës 61"),
        ("Adresse: 4 impasse des Lilas (sonner deux fois)", "4 impasse des Lilas"),
        ("Dirección de envío: Av. Los Pinos 230, Lima", "Av. Los Pinos 230, Lima"),
    ],
)
def test_labelled_address_values(text: str, value: str) -> None:
    assert field_spans(text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Server:  8.8.8.8\nAddress: 8.8.8.8#53",  # nslookup
        "Address: 0x7ffd5e8c (stack)",  # a memory address
        "address: localhost:5432",
        "Address: Port 8443 on Host 3",  # technical words
        "Email address: ana.reyes1@example.org",
        "Address: see the order ORD-4471",  # an identifier, no house number
        "Billing address: same as shipping",
        "The address: we will confirm 12 days before",  # not a form's label
        "Our office address line is busy 9 to 5",  # no colon
        '{"ip_address": "10.1.2.3", "mac_address": "00:1A:2B:3C:4D:5E"}',
        "Web address: https://example.org/contact-42",
    ],
)
def test_not_address_fields(text: str) -> None:
    assert field_spans(text) == []


def test_address_value_needs_a_capitalised_word_and_a_house_number() -> None:
    assert address_value("Kneza Lazara 14/2")
    assert not address_value("14/2")
    assert not address_value("Version 2.1.3")
    assert not address_value("Meeting at 10:30")


@pytest.mark.parametrize(
    ("term", "spellings"),
    [
        ("вул.", ["vul."]),
        ("улица", ["ulitsa", "ulytsa", "ulica"]),
        ("п.к.", ["p.k."]),
        ("кв.", ["kv."]),
        ("Ш/Х", ["Sh/Kh", "Š/H"]),  # no "S/H": marks are kept on short words
    ],
)
def test_latin_spellings(term: str, spellings: list[str]) -> None:
    assert latin_spellings(term) == spellings


def test_latin_spellings_leave_other_scripts_and_one_letter_words() -> None:
    assert latin_spellings("ul.") == []
    assert latin_spellings("д.") == []  # "d." would read an initial as a house word
    assert latin_spellings("ת.ד.") == []


def test_address_data_adds_the_latin_rows_once() -> None:
    rows = address_data("street_types.tsv")
    assert "uk\tbefore\tvul." in rows
    assert len(rows) == len(set(rows))
    assert "kv." in address_data("units.txt")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Cyrillic box words in their Latin spellings, before a postcode line.
        ("Send it to my box:\na/s 17\nPoltava 36011\nUkraine", "a/s 17\nPoltava 36011"),
        ("p.k. 51\nPlovdiv 4000\nBulgaria", "p.k. 51\nPlovdiv 4000"),
        ("Ш/Х 12\nDarkhan 45047", "Ш/Х 12\nDarkhan 45047"),
        ("Poçt qutusu 61\nGanja AZ2000", "Poçt qutusu 61\nGanja AZ2000"),
        # "br." before the house number (MK, RS, HR, BA).
        (
            "Ship to ul. Kej Makedonija br. 9/3\n6000 Ohrid",
            "ul. Kej Makedonija br. 9/3\n6000 Ohrid",
        ),
        # Uzbek house and flat numbers after the street, joined by a hyphen.
        (
            "to Navoiy ko'chasi, 12-uy, 7-xonadon, Buxoro 200100, Uzbekistan",
            "Navoiy ko'chasi, 12-uy, 7-xonadon, Buxoro 200100",
        ),
        # A street type after the name in Azerbaijani, and a Sri Lankan "Mawatha".
        ("Nizami küç. 8, mənzil 3, Sumqayıt AZ5000", "Nizami küç. 8, mənzil 3, Sumqayıt AZ5000"),
        ("No. 41/3, Perera Mawatha, Kandy 20000", "41/3, Perera Mawatha, Kandy 20000"),
        # A typed street without a number, then its building and flat.
        (
            "Calle Los Robles, Edificio Torre Sol, Piso 7, Apto. 7B, Santa Ana",
            "Calle Los Robles, Edificio Torre Sol, Piso 7, Apto. 7B",
        ),
        ("Peace Avenue, Building 9, Apt 33", "Peace Avenue, Building 9, Apt 33"),
        # An English type in lower case after the name, before a postcode line.
        ("Ship to Somoni ave. 14, Khujand 735700", "Somoni ave. 14, Khujand 735700"),
        # "pr-t" (пр-т), a South Slavic house word, a street named after a date.
        ("Send to pr-t Peramohi 9, Hrodna", "pr-t Peramohi 9, Hrodna"),
        ("Kuća 7, Ulica Ivana Gorana, Split", "Kuća 7, Ulica Ivana Gorana, Split"),
        (
            "Av. 25 de Mayo 880, Piso 2, C1002 Buenos Aires",
            "Av. 25 de Mayo 880, Piso 2, C1002 Buenos Aires",
        ),
    ],
)
def test_addresses_found(text: str, address: str) -> None:
    got = spans(text)
    assert got, f"nothing found in {text!r}"
    assert max(got, key=len) == address


@pytest.mark.parametrize(
    "text",
    [
        "Maersk A/S 12 vessels were delayed",  # a Danish company, not a box (case kept)
        "Shipping S/H 5.99 per item",
        "Mozart (b. 1756, d. 1791, Vienna)",
        "We walked down Abbey Road, Track 5 was playing.",
        "Menú para 4 personas, Lima",
        "Anna Salai, 2019 edition",
        "kV. 400 lines feed the substation",
        "Version br. 2 of the draft",
        "I walked the dog street 5 times",
        "We met on 9 de Julio 2023 in Lima",
    ],
)
def test_not_addresses(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # A box abbreviation no list holds, alone on its line above the postcode line.
        ("Ship to:\nAna Kiri\ns.l.p. 1234\nArusha 23101\nTanzania", "s.l.p. 1234\nArusha 23101"),
        ("Ana Kiri\nT.D. 3312\nHaifa 3103301", "T.D. 3312\nHaifa 3103301"),
        ('{"to": "Ana Kiri\\nb.p. 88\\n1200 Genève"}', "b.p. 88\\n1200 Genève"),
    ],
)
def test_box_abbreviation_on_its_own_line(text: str, address: str) -> None:
    assert address in spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "Notes:\ne.g. 5\n10115 Berlin",  # a Latin abbreviation
        "Set a/b 5 before 10115 Berlin",  # not alone on its line
        "Steps:\nx/y 3\nthen restart",  # no postcode line after it
    ],
)
def test_no_box_abbreviation(text: str) -> None:
    assert not any("/" in s or "e.g" in s for s in spans(text))
