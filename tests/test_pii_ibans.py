"""IBANs of every registry country (``curation.pii.ibans``), beside Presidio's 76."""

from __future__ import annotations

import pytest

from curation.pii.config import PiiConfig
from curation.pii.detect import get_detector
from curation.pii.ibans import RegistryIbanRecognizer, is_iban
from tests.helpers.pii import found


def spans(text: str) -> list[str]:
    return [text[r.start : r.end] for r in RegistryIbanRecognizer().find(text)]


@pytest.mark.parametrize(
    "text, value",
    [
        # countries that joined the registry after Presidio's list was written
        ("wire it to DJ2100010000000154000100186 today", "DJ2100010000000154000100186"),
        ("IBAN: OM81 0180 0000 0129 9123 456.", "OM81 0180 0000 0129 9123 456"),
        ("acct SO21-1000-0010-0100-0100-141", "SO21-1000-0010-0100-0100-141"),
        ("RU0304452522540817810538091310419", "RU0304452522540817810538091310419"),
        # the shortest (Norway) and an old one
        ("konto NO9386011117947", "NO9386011117947"),
        ("GB82 WEST 1234 5698 7654 32 AND thanks", "GB82 WEST 1234 5698 7654 32"),
    ],
)
def test_a_registry_iban_is_found_whole_and_no_more(text: str, value: str) -> None:
    assert spans(text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "DE89370400440532013001",  # one check digit off
        "OM81 0180 0000 0129 9123 457",
        "part AB12 CDEF GHIJ KLMN shipped",  # IBAN-shaped, no such country
        "SKU XY12 ABCD 1234 5678 9",
        "build US12 3456 7890 1234 5",  # a country without IBANs
        "the ids de89370400440532013000",  # lower case: not this recogniser's shape
    ],
)
def test_strings_of_iban_shape_that_are_not_ibans_are_left(text: str) -> None:
    assert spans(text) == []


def test_validity_is_the_registry_format_and_the_check_digits() -> None:
    assert is_iban("DE89370400440532013000") and is_iban("DJ21-0001-0000-0001-5400-0100-186")
    assert not is_iban("DE89370400440532013001") and not is_iban("DE8937040044053201300")
    assert not is_iban("XY12ABCD12345678")


def test_the_detector_redacts_an_iban_presidio_does_not_know() -> None:
    det = get_detector(PiiConfig())
    hits = found(det, "Please refund OM81 0180 0000 0129 9123 456, thanks.")
    assert [(f.entity, f.text) for f in hits] == [("IBAN_CODE", "OM81 0180 0000 0129 9123 456")]
