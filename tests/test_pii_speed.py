"""Speed-ups that must not change what is found."""

from __future__ import annotations

import random

import pytest

from curation.pii.propagation import find_number, find_value, number_pattern


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call +1 (415) 555-0199 now", ["+1 (415) 555-0199"]),
        ("a+14155550199 and 1-415-555-0199", ["14155550199", "1-415-555-0199"]),
        ("x14155550199 or 14155550199x or 1.415.555.0199.", ["1.415.555.0199"]),
        ("1 415    555 0199", []),  # four separators between two digits
        ("14155550199 14155550199", ["14155550199", "14155550199"]),
    ],
)
def test_find_number_matches_like_the_pattern(text: str, expected: list[str]) -> None:
    digits = "14155550199"
    pattern = number_pattern("PHONE_NUMBER", digits)
    assert pattern is not None
    assert [m.group() for m in pattern.finditer(text)] == expected
    assert [text[a:b] for a, b in find_number(digits, text)] == expected


def test_find_number_agrees_with_the_pattern_on_random_text() -> None:
    rng = random.Random(20261207)
    noise = "0123456789+ \t().-/\u00a0a_é٣\n,x"
    matched = 0
    gaps = (0, 0, 0, 0, 1, 1, 2, 3, 4)
    for _ in range(3000):
        digits = "".join(rng.choice("0123456789٣") for _ in range(rng.randint(7, 9)))
        parts = []
        for _ in range(rng.randint(1, 4)):
            parts.append("".join(rng.choice(noise) for _ in range(rng.randint(0, 4))))
            seps = [
                "".join(rng.choice(" \t().-/\u00a0+x") for _ in range(rng.choice(gaps)))
                for _ in digits[1:]
            ]
            parts.append(digits[0] + "".join(s + d for s, d in zip(seps, digits[1:], strict=True)))
        text = "".join(parts)
        pattern = number_pattern("PHONE_NUMBER", digits)
        assert pattern is not None
        want = [m.span() for m in pattern.finditer(text)]
        assert find_number(digits, text) == want, (digits, text)
        matched += bool(want)
    assert matched > 200  # the comparison covered texts that hold the number


def test_find_value_uses_the_number_matcher_for_numbers_only() -> None:
    text = "card 4111 1111 1111 1111, iban gb82 west 1234 5698 7654 32."
    assert find_value("CREDIT_CARD", "4111111111111111", text) == [(5, 24)]
    assert find_value("IBAN_CODE", "GB82WEST12345698765432", text) == [(31, 58)]
    assert find_value("PHONE_NUMBER", "55-0199", "call 55 0199") == []  # under 7 digits
