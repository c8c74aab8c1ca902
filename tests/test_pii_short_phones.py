"""Seven-digit national numbers (IS, FJ, TO…, tuned on round-6 dev): found after a phone
word, alone on a signature line, or as the national form of an international number in the
same text; left alone as order numbers, counts and ids. Numbers made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.phones import PhonenumbersRecognizer


def phones(text: str) -> list[str]:
    return [text[r.start : r.end] for r in PhonenumbersRecognizer().find(text) if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("You can call me on 862-4417 after six.", "862-4417"),
        ("My partner will come. Reach them on 925 3318.", "925 3318"),
        ("Best wishes,\nAna Lutui\nOffice Manager\n7712204\n", "7712204"),
        ("Is 862-4417 the same as +354 862 4417?", "862-4417"),
    ],
)
def test_short_national_numbers(text: str, number: str) -> None:
    assert number in phones(text)


@pytest.mark.parametrize(
    "text",
    [
        "Order 862-4417 shipped on Monday.",
        "The population is 7712204 people.",
        "Invoice no. 925 3318 is paid.",
        "Total\n7712204\n",
        "Ticket 925 3318 was closed.",
        "Build 862-4417 passed all checks.",
    ],
)
def test_short_lookalikes_stay(text: str) -> None:
    assert phones(text) == []
