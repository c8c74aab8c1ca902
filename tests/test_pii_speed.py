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


def test_registry_answers_from_its_cache_until_a_recognizer_is_added(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from presidio_analyzer import Pattern, PatternRecognizer, RecognizerRegistry

    from curation.pii.config import PiiConfig
    from curation.pii.engine import LANGUAGE, analyzer_for

    config = PiiConfig(deny=(("PERSON", "Zorblat Quux"),))
    registry = analyzer_for(config).registry
    entities = list(config.all_entities)
    first = registry.get_recognizers(LANGUAGE, entities)
    asked: list[object] = []
    plain = RecognizerRegistry.get_recognizers

    def counted(self: RecognizerRegistry, *args: object, **kwargs: object) -> object:
        asked.append(args)
        return plain(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(RecognizerRegistry, "get_recognizers", counted)
    again = registry.get_recognizers(LANGUAGE, entities)
    assert asked == []  # answered from the cache
    assert [id(r) for r in again] == [id(r) for r in first]
    again.clear()  # a caller changing its list does not change the registry's answer
    assert registry.get_recognizers(LANGUAGE, entities) == first

    extra = PatternRecognizer(
        supported_entity="PERSON",
        name="rule:test",
        patterns=[Pattern("test", r"\bQwx\w+", 0.9)],
        supported_language=LANGUAGE,
    )
    registry.add_recognizer(extra)
    try:
        assert registry.get_recognizers(LANGUAGE, entities) == [*first, extra]
        assert len(asked) == 1
        adhoc = PatternRecognizer(
            supported_entity="PERSON", deny_list=["Vrrp"], supported_language=LANGUAGE
        )
        with_adhoc = registry.get_recognizers(LANGUAGE, entities, ad_hoc_recognizers=[adhoc])
        assert with_adhoc[-1] is adhoc
        assert adhoc not in registry.get_recognizers(LANGUAGE, entities)
    finally:
        registry.remove_recognizer("rule:test")
    assert registry.get_recognizers(LANGUAGE, entities) == first
