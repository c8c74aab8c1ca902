"""Checks every round of bench/pii_eval runs on its sets: deterministic halves of the right
size, gold strings inside their records, and halves that share no name token, private
string or pooled fact. A round's test module adds what is its own (pools, coverage)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import cache

from bench.pii_eval.build import Half, build
from bench.pii_eval.common import record_text

CATEGORIES = {"person", "address", "phone", "email", "card", "ssn", "iban", "ip"}


@cache
def half_of(name: str, half: str) -> Half:
    return build(name, half)


def halves(name: str) -> tuple[Half, Half]:
    return half_of(name, "dev"), half_of(name, "test")


def name_tokens(text: str, particles: Collection[str]) -> set[str]:
    return {t.lower() for t in re.split(r"[\s\-'’.,]+", text) if len(t) >= 2} - set(particles)


def check_deterministic_and_sized(name: str, size: int) -> None:
    for half in ("dev", "test"):
        again = build(name, half)
        assert again.fingerprint() == half_of(name, half).fingerprint()
        assert len(again.records) == size
    dev, test = halves(name)
    assert dev.fingerprint() != test.fingerprint()
    assert not set(dev.lines()) & set(test.lines())


def check_gold_in_records(name: str) -> None:
    for half in halves(name):
        for record, gold in zip(half.records, half.gold, strict=True):
            text = record_text(record)
            for item in gold.private:
                assert item.text in text, (gold.id, item.text)
                assert item.category in CATEGORIES
                for part in item.parts:
                    assert part in item.text, (gold.id, part)
            for prot in gold.protected:
                assert prot.text in text, (gold.id, prot.text)
            assert gold.to_json()["no_private"] == (not gold.private)


def check_halves_disjoint(
    sets: Iterable[str], pooled_kinds: Collection[str], particles: Collection[str]
) -> None:
    """No name token, private string, part or pooled protected string in both halves."""
    names: dict[str, set[str]] = {"dev": set(), "test": set()}
    private: dict[str, set[str]] = {"dev": set(), "test": set()}
    parts: dict[str, set[str]] = {"dev": set(), "test": set()}
    facts: dict[str, set[str]] = {"dev": set(), "test": set()}
    for name in sets:
        for half in halves(name):
            for gold in half.gold:
                for item in gold.private:
                    private[half.half].add(item.text)
                    parts[half.half].update(item.parts)
                    if item.category == "person":
                        names[half.half] |= name_tokens(item.text, particles)
                facts[half.half].update(p.text for p in gold.protected if p.kind in pooled_kinds)
    for got in (names, private, parts, facts):
        assert got["dev"] and got["test"]
        assert not got["dev"] & got["test"]
