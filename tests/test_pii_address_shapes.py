"""Addresses by country format (curation.pii.address_shapes) and phones of the same countries
in national and E.164 form (curation.pii.phones), with what must not fire."""

from __future__ import annotations

import phonenumbers
import pytest

from curation.pii.address_shapes import (
    AddressShapeRecognizer,
    _term,
    postcode_formats,
    street_types,
)
from curation.pii.detect import Detector
from curation.pii.phones import PhonenumbersRecognizer
from curation.pii.postcode_formats import countries_with_postcodes
from curation.pii.recognizers import ChatPhoneRecognizer
from curation.pii.segments import Segment


def spans(text: str) -> list[str]:
    found = AddressShapeRecognizer().analyze(text, ["STREET_ADDRESS"])
    return [text[r.start : r.end] for r in found]


def widest(text: str) -> str:
    got = spans(text)
    assert got, f"nothing found in {text!r}"
    return max(got, key=len)


# One address per country, written the way that country writes it (street and house-number
# order, postcode before or after the city, on its own line); names and streets made up.
@pytest.mark.parametrize(
    "address",
    [
        "27 Harbour Street, Edinburgh EH6 6QN",  # UK, one line
        "Flat 3, 18 Kestrel Mews\nHebden Bridge\nHX7 8AB",  # UK, lines
        "12 Abbey Road\nDublin 6\nD06 X2K9",  # IE, Eircode on its own line
        "Lindenweg 4a\n70173 Stuttgart",  # DE
        "Unter den Eichen 12, 14195 Berlin",  # DE, no street type
        "14 rue des Lilas, 69003 Lyon",  # FR
        "Calle de Toledo 44, 3º izq., 28005 Madrid",  # ES
        "Via Garibaldi 22, 20121 Milano MI",  # IT
        "Kerkstraat 17-III, 1017 GB Amsterdam",  # NL
        "ul. Lipowa 12/4, 31-101 Kraków",  # PL
        "Storgatan 8, 114 55 Stockholm",  # SE
        "4-2-8 Higashi-machi, Setagaya-ku, Tokyo 154-0023",  # JP, romanised
        "Room 802, 45 Sejong-daero, Jung-gu, Seoul 04519",  # KR, romanised
        "House 14, 3rd Cross, Indiranagar, Bengaluru 560038",  # IN
        "Rua das Flores, 120, apto 12, São Paulo - SP, 01310-100",  # BR
        "Calle Hidalgo 310, Col. Centro, 06000 Ciudad de México, CDMX",  # MX
        "Av. Juárez 135, Int. 3, Col. Centro\n64000 Monterrey, N.L.",  # MX, state with dots
        "Rua Harmonia, 697, apto 164\nRecife - PE\nCEP 50473-257",  # BR, labelled postcode
        "Lange Voorhout 53 A, 3014 AQ Rotterdam",  # NL, letter after the number
        "3 Rue d'Alsace, 75010 Paris",  # FR, elided particle
        "22 Long Street\nCape Town\n8001",  # ZA
        "15 Adeola Odeku Street, Victoria Island, Lagos 101241",  # NG
        "400 Rideau Street, Ottawa, ON K1N 5Y8",  # CA
        "Unit 4, 12 Smith St, Parramatta NSW 2150",  # AU
        "Apt 5B, 210 Elm Avenue, Springfield, IL 62704",  # US
        "Lale Caddesi No: 41 Daire: 7, 34367 Beşiktaş/İstanbul",  # TR, labelled number and flat
        "Çınar Sokak No. 9, 06420 Çankaya/Ankara",  # TR
        "7 Birchwood Close, Dalkey, Co. Dublin, A96 K2F3",  # IE, county with its dot
        "Odos Ermou 21, 105 63 Athina",  # GR
        "25 Ahmed Orabi Street, Mohandessin\nGiza\n12655",  # EG, postcode on its own line
        "Flat 4, 12 Sharia El Gomhoreya El Arabeya Street\nDokki, Giza 12311",  # EG, long name
        "Lindekaai 17\n2018 Antwerpen",  # BE, a postcode like a year on its own line
        "Rue Haute 88 bus 3, 1000 Bruxelles",  # BE, box number after "bus"
        "Vinohradská náměstí 12/4\n120 00 Praha 2",  # CZ, a lower-case word in the name
    ],
)
def test_addresses_of_many_countries_are_found_whole(address: str) -> None:
    text = f"Please send it to:\n{address}\nThanks!"
    assert widest(text) == address


@pytest.mark.parametrize(
    "text,value",
    [
        ("post to Skrytka pocztowa 120, 00-950 Warszawa.", "Skrytka pocztowa 120, 00-950 Warszawa"),
        ("Apartado Postal 15, 06002 Ciudad de México, CDMX", "Apartado Postal 15, 06002 Ciudad de México, CDMX"),
        ("to P.M.B. 1210, Garki, Abuja.", "P.M.B. 1210, Garki, Abuja"),
        ("to PMB 1210 please", "PMB 1210"),
        ("Box 2204, 103 16 Stockholm", "Box 2204, 103 16 Stockholm"),
        ("Postbus 1200, 3500 BE Utrecht", "Postbus 1200, 3500 BE Utrecht"),
        ("Caixa Postal 511, Curitiba - PR, 80010-970", "Caixa Postal 511, Curitiba - PR, 80010-970"),
        ("B.P. 42, 75002 Paris", "B.P. 42, 75002 Paris"),
        ("GPO Box 1234, Sydney NSW 2001", "GPO Box 1234, Sydney NSW 2001"),
        ("Posbus 45, Pretoria, 0001", "Posbus 45, Pretoria, 0001"),
        ("Postfach 4411, 80333 München", "Postfach 4411, 80333 München"),
        ("bill to Apartado Aéreo 3310\nCali, Valle", "Apartado Aéreo 3310"),
        # Box words in other scripts.
        ("the box:\nსაფოსტო ყუთი 4810\nTbilisi 0186", "საფოსტო ყუთი 4810"),
        ("the box:\nص.ب 8542\nأبوظبي", "ص.ب 8542"),
        ("صندوق بريد 12345 الرياض", "صندوق بريد 12345"),
        ("ת.ד. 3021, ירושלים", "ת.ד. 3021"),
        ("а/я 15, Москва", "а/я 15, Москва"),
        ("ตู้ ปณ. 1120 กรุงเทพฯ", "ตู้ ปณ. 1120"),
        ("पोस्ट बॉक्स 204, मुंबई", "पोस्ट बॉक्स 204"),
        ("Ταχυδρομική Θυρίδα 1520, Λευκωσία", "Ταχυδρομική Θυρίδα 1520, Λευκωσία"),
        ("S.L.P. 4410, Dar es Salaam", "S.L.P. 4410"),
    ],
)  # fmt: skip
def test_po_boxes_in_many_languages(text: str, value: str) -> None:
    assert value in spans(text)


@pytest.mark.parametrize(
    "text,value",
    [
        ("she moved to ul. Długa 22/5 last year", "ul. Długa 22/5"),
        ("the office is at 152 Teheran-ro now", "152 Teheran-ro"),
        ("meet at Drottninggatan 71 at noon", "Drottninggatan 71"),
        ("it was 3-20-14 Gion-machi before", "3-20-14 Gion-machi"),
    ],
)
def test_street_lines_with_a_street_type_need_no_postcode(text: str, value: str) -> None:
    assert value in spans(text)


def test_tool_call_arguments_keep_their_escaped_line_breaks() -> None:
    args = '{"recipient": "Jo", "address": "94 Quay Street\\nDublin 8\\nD08 F4D2", "kg": 2}'
    assert widest(args) == "94 Quay Street\\nDublin 8\\nD08 F4D2"


def test_a_fine_grained_postcode_with_its_city_stands_alone() -> None:
    assert spans("The office is in London SW1A 1AA.") == ["London SW1A 1AA"]
    # a coarse postcode with its city names a town, not a home
    assert spans("Our depot is in 10115 Berlin.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Order 5521, 48143 units were shipped.",
        "Windows 10, 2015 Release.",
        "Windows 10, Office 2019.",
        "Apollo 11 landed on July 20, 1969.",
        "Version 2, 10115 Berlin build.",
        "Expo 2020 Dubai opened late.",
        "ISBN 978-3-16-148410-0 and ISBN 0-306-40615-2",
        "on 2024-01-15 at 10:30 the total was 1,250.00 EUR",
        "tracking 1Z999AA10123456784, order SO-4709226, invoice INV-2024-00123",
        "Python 3.11, PlayStation 5 and Raspberry Pi 5 in stock",
        "SKU 5901234123457 costs 12 345,90 zł",
        "Call 555-0199 now",
        "the meeting room 4 at 14:30, then step 2",
        "my Xbox 360 box has 12 games",
        "Garmin Edge 540, Gardasil 9 and Volkswagen ID.4",
        "the PSC meets at 9; unit sold 4000 boxes in 2023",
        "Step 3 Note: 12, 34710 rows were read",  # a labelled number with no street
        "Episode 4, 123456 viewers in Singapore",  # a six-digit count is no SG postcode line
        "Order shipped 5, 10115 Berlin",  # English lower-case words are no street name
        "Windows 10, 2015 Release",  # a year after a number on the same line
    ],
)
def test_numbers_that_are_no_address(text: str) -> None:
    assert spans(text) == []


def test_formats_come_from_googles_address_metadata() -> None:
    formats = {c: f for f in postcode_formats() for c in f.countries}
    assert formats["DE"].zip_first and not formats["GB"].zip_first
    assert formats["GB"].distinctive and not formats["US"].distinctive
    assert formats["GB"].fine_grained and not formats["DE"].fine_grained
    # Every country whose metadata has a postcode pattern, none picked by hand.
    assert set(formats) == set(countries_with_postcodes())
    assert {"IL", "FO", "TW", "KH", "IR", "LB", "SZ", "BH"} <= set(formats)
    assert len(formats) > 150 and "GH" not in formats  # Ghana has no postcode in the data


def test_terms_and_street_types_are_package_data() -> None:
    assert "ul." in street_types("before") and "ro" in street_types("suffix")
    import regex

    assert regex.fullmatch(_term("P.O. Box"), "PO Box")
    assert regex.fullmatch(_term("P.O. Box"), "P. O. Box")
    assert not regex.fullmatch(_term("ul.", dots=True), "ul")


COUNTRIES = ["GB", "IE", "DE", "FR", "ES", "IT", "NL", "PL", "SE", "JP", "KR", "IN", "BR", "MX"]
COUNTRIES += ["ZA", "NG", "CA", "AU", "US"]


def _phone_found(text: str, value: str) -> bool:
    found = [
        *PhonenumbersRecognizer().analyze(text, ["PHONE_NUMBER"]),
        *ChatPhoneRecognizer().analyze(text, ["PHONE_NUMBER"]),
    ]
    return any(text[r.start : r.end] == value and r.score >= 0.5 for r in found)


@pytest.mark.parametrize("region", COUNTRIES)
@pytest.mark.parametrize(
    "kind", [phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE]
)
def test_phones_of_each_country_national_and_e164(region: str, kind: int) -> None:
    number = phonenumbers.example_number_for_type(region, kind)
    for form in (
        phonenumbers.PhoneNumberFormat.NATIONAL,
        phonenumbers.PhoneNumberFormat.INTERNATIONAL,
        phonenumbers.PhoneNumberFormat.E164,
    ):
        value = phonenumbers.format_number(number, form)
        assert _phone_found(f"Guest: {value}.", value), value


@pytest.mark.parametrize(
    "text,value",
    [
        ("invoice number 0048 2231 9981 is overdue", "0048 2231 9981"),
        ("order number: 020 7946 0958", "020 7946 0958"),
        ("Rechnungsnummer 0171 2345678", "0171 2345678"),
        ("ISBN 978-3-16-148410-0", "978-3-16-148410-0"),
    ],
)
def test_numbers_of_other_things_are_not_phones(text: str, value: str) -> None:
    assert not _phone_found(text, value)


def test_a_number_named_a_phone_stays_one() -> None:
    assert _phone_found("Call our order line on 020 7946 0958", "020 7946 0958")


def test_block_address_is_one_finding_and_the_name_is_kept_apart(det: Detector) -> None:
    text = "For the invoice: Ines Prado, Calle de Toledo 44, 3º izq., 28005 Madrid. Thanks"
    found = {(f.entity, f.text) for f in det.detect([Segment(("m",), text)])}
    assert ("STREET_ADDRESS", "Calle de Toledo 44, 3º izq., 28005 Madrid") in found
