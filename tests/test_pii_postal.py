"""Addresses beyond a US street (curation.pii.postal) and phones by numbering plan
(curation.pii.phones)."""

from __future__ import annotations

import pytest

from curation.pii.address_shapes import AddressShapeRecognizer
from curation.pii.detect import Detector
from curation.pii.phones import PhonenumbersRecognizer, valid_region
from curation.pii.postal import PostalAddressRecognizer, tail_end
from curation.pii.segments import Segment


def spans(text: str) -> list[str]:
    found = [
        *PostalAddressRecognizer().analyze(text, ["STREET_ADDRESS"]),
        *AddressShapeRecognizer().analyze(text, ["STREET_ADDRESS"]),
    ]
    return [text[r.start : r.end] for r in found]


@pytest.mark.parametrize(
    "text,value",
    [
        ("Mail it to PSC 4417, Box 220, APO AP 96338 please.", "PSC 4417, Box 220, APO AP 96338"),
        ("CMR 402 Box 88\nAPO AE 09114", "CMR 402 Box 88\nAPO AE 09114"),
        ("Unit 7301 Box 15, DPO AE 09499-7301", "Unit 7301 Box 15, DPO AE 09499-7301"),
        ("send to P.O. Box 512, Boise, ID 83701 today", "P.O. Box 512, Boise, ID 83701"),
        (
            "Postfach 10 20 30 is wrong, use Postfach 4411, 80333 München",
            "Postfach 4411, 80333 München",
        ),
        ("Casella Postale 77, 00187 Roma", "Casella Postale 77, 00187 Roma"),
        ("〒150-0041 東京都渋谷区神南1-2-3 までお願いします", "〒150-0041 東京都渋谷区神南1-2-3"),
        (
            "ship to 2-4-9 Hongo, Bunkyo-ku, Tokyo 113-0033.",
            "2-4-9 Hongo, Bunkyo-ku, Tokyo 113-0033",
        ),
        (
            "Flat 12, Lakeview Residency, 3rd Main, Jayanagar, Bengaluru 560041, tel later",
            "Flat 12, Lakeview Residency, 3rd Main, Jayanagar, Bengaluru 560041",
        ),
        (
            "Skrytka pocztowa 3507, 00-950 Warszawa, thanks",
            "Skrytka pocztowa 3507, 00-950 Warszawa",
        ),
        ("by post to Box 1053, 103 43 Stockholm, thanks", "Box 1053, 103 43 Stockholm"),
        ("to Olamide, P.M.B. 1949, Garki, Abuja.", "P.M.B. 1949, Garki, Abuja"),
        ("Apartado Postal 1043, 06002 Ciudad", "Apartado Postal 1043, 06002 Ciudad"),
        (
            "Room 1106, 212 Teheran-ro, Haeundae-gu, Busan 48094",
            "Room 1106, 212 Teheran-ro, Haeundae-gu, Busan 48094",
        ),
        (
            "to 1-15-18 Kichijoji-honcho, Room 307, Meguro-ku, Tokyo 153-3440 please",
            "1-15-18 Kichijoji-honcho, Room 307, Meguro-ku, Tokyo 153-3440",
        ),
    ],
)
def test_postal_shapes(text: str, value: str) -> None:
    assert value in spans(text)


def test_street_tail_runs_to_the_postcode_only() -> None:
    text = "Avenida Paulista, 900, conjunto 41, Bela Vista, São Paulo - SP, 01310-100, then call"
    end = text.index("900") + 3
    assert text[: tail_end(text, end)].endswith("01310-100")
    assert tail_end("12 Mill Road and call me later", 12) == 12


def test_numbers_near_words_are_not_po_boxes_or_military() -> None:
    assert spans("Our unit sold 4000 boxes in 2023; the PSC meets at 9.") == []
    assert spans("Box 3 of 12 arrived; the room 4 key is at the desk.") == []


@pytest.mark.parametrize(
    "text,value",
    [
        ("Send it to ul. Kościuszki 125/27, 61-772 Poznań.", "ul. Kościuszki 125/27"),
        ("We are at Rambla del Raval 170, 2º dcha., 28004 Madrid", "Rambla del Raval 170"),
        ("Lieferung an Rosenthaler Weg 56, 10119 Berlin.", "Rosenthaler Weg 56"),
        ("Home:\n94 Quay Street\nDublin 8\nD08 U5J1", "94 Quay Street\nDublin 8\nD08 U5J1"),
        ("Home: Molenstraat 172-II, 9711 RU Groningen.", "Molenstraat 172-II, 9711 RU Groningen"),
    ],
)
def test_street_lines_of_more_countries(det: Detector, text: str, value: str) -> None:
    got = [f.text for f in det.detect([Segment(("m",), text)]) if f.entity == "STREET_ADDRESS"]
    assert any(value in g for g in got), got


def test_full_address_is_one_finding(det: Detector) -> None:
    text = "New address: Rua Augusta, 1508, apto 71, Consolação, São Paulo - SP, 01304-001."
    got = {f.text for f in det.detect([Segment(("m",), text)]) if f.entity == "STREET_ADDRESS"}
    assert any(v.endswith("01304-001") and v.startswith("Rua Augusta") for v in got)


@pytest.mark.parametrize(
    "number",
    [
        "+49 1512 3456789",
        "06 12 34 56 78",
        "612 34 56 78",
        "(11) 3456-7890",
        "+81 3-3210-5678",
        "0803 555 1234",
        "+234 803 555 1234",
        "07700 900 461",
    ],
)
def test_phone_numbers_of_many_countries(number: str) -> None:
    text = f"my number is {number}, thanks"
    got = [text[r.start : r.end] for r in PhonenumbersRecognizer().analyze(text, ["PHONE_NUMBER"])]
    assert number in got


@pytest.mark.parametrize("value", ["2024-03-15", "10.0.0.12", "4111", "12:30:45", "20240315"])
def test_dates_ids_and_addresses_are_not_phones(value: str) -> None:
    text = f"see {value} for details"
    assert PhonenumbersRecognizer().analyze(text, ["PHONE_NUMBER"]) == []
    assert valid_region("1234") is None


def test_phone_touching_japanese_text(det: Detector) -> None:
    text = "電話番号は090-1234-5678です。"
    got = {f.text for f in det.detect([Segment(("m",), text)]) if f.entity == "PHONE_NUMBER"}
    assert "090-1234-5678" in got
