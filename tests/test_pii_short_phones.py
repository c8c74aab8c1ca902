"""Six- and seven-digit national numbers (IS, FJ, TO, FO…; tuned on round-6 dev): found after a phone
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
        # Six digits (FO): no plan of the common list has them; every plan is tried.
        ("Is 314567 the same as +298 314567?", "314567"),
        ("Tel. 31 45 67, evenings only.", "31 45 67"),
        ("You can reach me at ana@example.org or 387849.", "387849"),
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
        "Order 314 567 shipped on Monday.",
        "The number 314567 is our record.",
        "Call me when order 387849 ships.",
        "Text me: the code 387849 works.",
        "Version 31.45.67 is out.",
    ],
)
def test_short_lookalikes_stay(text: str) -> None:
    assert phones(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-28 04:18:02 ERROR job=2414696 timeout after 114s",
        "2025/11/02 23:05:40 INFO retry ok",
        "at 2024.06.14 09:30 the backup ran",
    ],
)
def test_log_timestamps_stay(text: str) -> None:
    assert phones(text) == []


def test_phone_after_log_date_still_found() -> None:
    assert "+44 20 7946 0958" in phones("2026-03-28 call +44 20 7946 0958 tomorrow")


@pytest.mark.parametrize(
    "text",
    [
        "The number 5812345 is not prime.",
        "Number of users grew to 2500000 in March.",
        "Text 2000000 characters long is too much.",
        "Contact count was 3120456 last month.",
    ],
)
def test_a_bare_seven_digit_count_after_a_phone_word_is_no_phone(text: str) -> None:
    assert phones(text) == []


def test_every_numbering_plan_is_tried() -> None:
    import phonenumbers

    from curation.pii.phones import OTHER_REGIONS, REGIONS, rare_region

    assert set(REGIONS) | set(OTHER_REGIONS) == set(phonenumbers.SUPPORTED_REGIONS) - {"001"}
    assert rare_region("314567") is not None  # FO (AD has six-digit numbers too)
    assert rare_region("+298 314567") is None  # international: parsed on its own


def test_a_national_number_of_another_plan_needs_a_cue() -> None:
    # Valid only outside the common plans (IL mobile): found after a phone word, not bare.
    assert "052-412-3456" in phones("Call me on 052-412-3456 tonight.")
    assert phones("Reference 052-412-3456 was filed.") == []


@pytest.mark.parametrize("text", ["About 100982.02.", "Total so far: 1039182.49 EUR"])
def test_an_amount_with_its_cents_is_no_phone(text: str) -> None:
    assert phones(text) == []


@pytest.mark.parametrize("text", ["Call me on 415.555.0199.", "Ring +44 20 7946 0958."])
def test_a_dotted_or_spaced_phone_is_still_a_phone(text: str) -> None:
    assert phones(text)
