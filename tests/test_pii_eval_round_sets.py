"""PII evaluation rounds 7 onwards: deterministic, halves disjoint, gold well-formed.

Rounds 7–13 were built by different helpers to one layout (``roundN/`` with ``peopleN``,
``placesN``, ``thingsN``, ``factsN``, ``commonN``, ``addressesN``), so one set of checks
serves them all; a round's own minimums (cultures, phone countries, address countries, the
positions it was asked to cover) are its :class:`Spec`. Checks the sets only; it does not
score any detector.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bench.pii_eval import __main__ as cli
from bench.pii_eval.build import ROUNDS, Half
from bench.pii_eval.common import record_text
from tests.helpers.pii_eval_sets import (
    check_deterministic_and_sized,
    check_gold_in_records,
    check_halves_disjoint,
    half_of,
    halves,
    name_tokens,
)

# Positions every round since 7 was asked to cover in its chats set.
POSITIONS = {
    "no_cue", "intro", "next_to_id", "sign_off", "letter", "tool_args", "tool_result",
    "lowercase", "uppercase", "hyphenated", "particle", "apostrophe", "initial", "list",
    "csv", "email_header", "third_party", "possessive", "first_later", "greeting",
}  # fmt: skip


@dataclass(frozen=True)
class Spec:
    number: int
    cultures: int = 15  # name cultures in the chats set, at least
    phone_countries: int = 8
    address_countries: int = 8
    fact_kinds: int = 10
    card_brands: int = 0  # distinct two-digit card prefixes, at least
    positions: frozenset[str] = field(default_factory=frozenset)  # beyond POSITIONS
    extra_pools: tuple[tuple[str, str, str], ...] = ()  # (label, module, attribute)

    def __str__(self) -> str:
        return f"round{self.number}"

    def module(self, name: str) -> ModuleType:
        return importlib.import_module(f"bench.pii_eval.round{self.number}.{name}{self.number}")

    def name(self, kind: str) -> str:
        return f"{kind}{self.number}"

    @property
    def sets(self) -> list[str]:
        return sorted(ROUNDS[self.number])


SPECS = [
    Spec(7, fact_kinds=12, extra_pools=(("clean:ingredients", "clean", "INGREDIENTS"),)),
    Spec(8),
    Spec(
        9,
        cultures=16,
        phone_countries=10,
        address_countries=10,
        card_brands=5,
        positions=frozenset({"tsv", "md_table", "headerless"}),
    ),
    Spec(
        10,
        cultures=16,
        phone_countries=10,
        address_countries=10,
        card_brands=5,
        positions=frozenset({"tsv", "md_table", "headerless", "form", "quoted"}),
    ),
    Spec(
        11,
        cultures=16,
        phone_countries=10,
        address_countries=10,
        card_brands=5,
        positions=frozenset({"tsv", "md_table", "headerless", "form", "quoted"}),
    ),
    Spec(
        12,
        cultures=18,
        phone_countries=12,
        address_countries=14,
        fact_kinds=11,
        card_brands=6,
        positions=frozenset({"tsv", "md_table", "headerless", "form", "quoted"}),
    ),
    Spec(
        13,
        cultures=18,
        phone_countries=12,
        address_countries=12,
        fact_kinds=11,
        card_brands=6,
        positions=frozenset({"tsv", "md_table", "headerless", "form", "quoted"}),
    ),
]
SET_CASES = [(spec, name) for spec in SPECS for name in spec.sets]


def _pooled_kinds(spec: Spec) -> set[str]:
    """Protected kinds drawn from hand-written pools (references and orders are random)."""
    facts = spec.module("facts").FACTS
    return {"product", "plan", "job_title", "technical", "courier", "tool", *facts}


def _pools(spec: Spec) -> list[tuple[str, list[Any]]]:
    people, places, things = spec.module("people"), spec.module("places"), spec.module("things")
    facts = spec.module("facts").FACTS
    pools: list[tuple[str, list[Any]]] = [
        (f"names:given:{c}", g) for c, (g, _, _) in people.CULTURES.items()
    ]
    pools += [(f"names:sur:{c}", s) for c, (_, s, _) in people.CULTURES.items()]
    pools += [(f"multi:given:{c}", g) for c, (g, _) in people.MULTI.items()]
    pools += [(f"multi:sur:{c}", s) for c, (_, s) in people.MULTI.items()]
    pools += [(f"script:{c}", n) for c, n in people.SCRIPT_NAMES.items()]
    pools += [
        ("names:word_given", people.WORD_GIVEN),
        ("names:word_surnames", people.WORD_SURNAMES),
    ]
    pools += [("names:apostrophe", people.APOSTROPHE), ("names:particle", people.PARTICLE)]
    pools += [(f"streets:{c}", s) for c, s in places.STREETS.items()]
    pools += [(f"couriers:{c}", s) for c, s in places.COURIERS.items()]
    pools += [(f"facts:{k}", f) for k, f in facts.items()]
    pools += [("domains", people.DOMAINS), ("products", things.PRODUCTS)]
    pools += [("clean:tools", things.TOOLS)]
    pools += [(f"plans:{k}", v) for k, v in things.PLANS.items()]
    pools += [("job_titles", things.JOB_TITLES), ("tech", things.TECH)]
    pools += [(label, getattr(spec.module(mod), attr)) for label, mod, attr in spec.extra_pools]
    return pools


def _every_name(spec: Spec) -> list[str]:
    people = spec.module("people")
    names = [n for g, s, _ in people.CULTURES.values() for n in g + s]
    names += [n for g, s in people.MULTI.values() for n in g + s]
    names += people.WORD_GIVEN + people.WORD_SURNAMES
    return names + [s for _, s in people.APOSTROPHE + people.PARTICLE]


def _tokens(spec: Spec, text: str) -> set[str]:
    return name_tokens(text, spec.module("people").PARTICLES)


@pytest.mark.parametrize("spec", SPECS, ids=str)
def test_round_registered(spec: Spec) -> None:
    generators = importlib.import_module(f"bench.pii_eval.round{spec.number}").GENERATORS
    assert ROUNDS[spec.number] is generators
    kinds = ("chats", "addresses", "general", "clean", "multi")
    assert set(spec.sets) == {spec.name(k) for k in kinds}


@pytest.mark.parametrize(("spec", "name"), SET_CASES, ids=lambda v: str(v))
def test_deterministic_and_sized(spec: Spec, name: str) -> None:
    check_deterministic_and_sized(name, 120)


@pytest.mark.parametrize(("spec", "name"), SET_CASES, ids=lambda v: str(v))
def test_gold_strings_occur_in_their_record(spec: Spec, name: str) -> None:
    check_gold_in_records(name)


@pytest.mark.parametrize("spec", SPECS, ids=str)
def test_halves_disjoint_in_names_private_strings_and_facts(spec: Spec) -> None:
    check_halves_disjoint(spec.sets, _pooled_kinds(spec), spec.module("people").PARTICLES)


@pytest.mark.parametrize("spec", SPECS, ids=str)
def test_pools_split_without_overlap_and_names_sit_in_one_pool(spec: Spec) -> None:
    pool = spec.module("common").pool
    for label, items in _pools(spec):
        dev, test = pool(items, "dev", label), pool(items, "test", label)
        assert len(dev) == len(set(dev)) and dev and test, label
        assert sorted(dev + test) == sorted(items), label
        assert not set(dev) & set(test), label
    every_name = _every_name(spec)
    assert len(every_name) == len(set(every_name)), "a name sits in two pools"
    seen: dict[str, str] = {}
    for entry in every_name:
        for token in _tokens(spec, entry):
            assert seen.setdefault(token, entry) == entry, (token, entry, seen[token])


@pytest.mark.parametrize("spec", SPECS, ids=str)
def test_identifiers_are_valid(spec: Spec) -> None:
    common = spec.module("common")
    cards = ibans = 0
    brands: set[str] = set()
    for half in halves(spec.name("chats")):
        for gold in half.gold:
            for item in gold.private:
                if item.category == "card":
                    assert common.luhn_ok(item.text), item.text
                    brands.add(item.text[:2])
                    cards += 1
                elif item.category == "iban":
                    assert common.iban_ok(item.text), item.text
                    ibans += 1
    assert cards >= 8 and ibans >= 8 and len(brands) >= spec.card_brands


@pytest.mark.parametrize("spec", SPECS, ids=str)
def test_sets_without_private_data(spec: Spec) -> None:
    for name in (spec.name("general"), spec.name("clean")):
        for half in halves(name):
            assert all(g.no_private for g in half.gold)
    general = half_of(spec.name("general"), "dev")
    kinds = {p.kind for g in general.gold for p in g.protected}
    assert kinds == set(spec.module("facts").FACTS) and len(kinds) >= spec.fact_kinds
    tokens = {t for n in _every_name(spec) for t in _tokens(spec, n)}
    for half in halves(spec.name("clean")):
        text = "\n".join(record_text(r) for r in half.records)
        words = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
        assert not words & tokens, words & tokens


@pytest.mark.parametrize("spec", SPECS, ids=str)
def test_coverage_of_asked_cases(spec: Spec) -> None:
    chats = half_of(spec.name("chats"), "dev")
    persons = [p for g in chats.gold for p in g.private if p.category == "person"]
    tags = {p.tag.split(":")[-1] for p in persons}
    assert POSITIONS | spec.positions <= tags
    word_share = sum(p.tag.startswith("common_word") for p in persons) / len(persons)
    assert 0.15 <= word_share <= 0.4
    word_positions = {p.tag.split(":")[-1] for p in persons if p.tag.startswith("common_word")}
    assert len(word_positions) >= 12
    cultures = {p.tag.split(":")[-2] for p in persons}
    assert len(cultures) >= spec.cultures
    assert len(spec.module("people").CULTURES) >= spec.cultures
    cats = {p.category for g in chats.gold for p in g.private}
    assert {"email", "phone", "card", "ssn", "iban", "ip"} <= cats
    assert 8 <= sum(g.no_private for g in chats.gold) <= 16
    phones = {p.tag for g in chats.gold for p in g.private if p.category == "phone"}
    assert len(phones) >= spec.phone_countries
    addresses = half_of(spec.name("addresses"), "dev")
    countries = {p.tag for g in addresses.gold for p in g.private if p.category == "address"}
    asked = spec.module("addresses").COUNTRIES
    assert set(asked) | {"us_military", "US"} <= countries
    assert len(asked) >= spec.address_countries
    kinds = {p.kind for g in addresses.gold for p in g.protected}
    assert {"courier", "product", "order", "tracking"} <= kinds
    multi = half_of(spec.name("multi"), "dev")
    langs = [p.tag for g in multi.gold for p in g.private if p.category == "email"]
    languages = spec.module("people").MULTI
    assert all(langs.count(lang) == 13 for lang in languages)
    assert set(languages) == {"es", "de", "fr", "pt", "it", "nl", "id", "vi"}
    scripts = {p.script for g in multi.gold for p in g.private if p.category == "person"}
    assert scripts == {"latin", "cjk", "thai"}


@pytest.mark.parametrize("spec", SPECS, ids=str)
def test_cli_writes_the_round(spec: Spec, tmp_path: Path) -> None:
    clean = spec.name("clean")
    cli.main(
        [
            "--round",
            str(spec.number),
            "--half",
            "test",
            "--sets",
            clean,
            "--write-sets",
            str(tmp_path),
        ]
    )
    written = (tmp_path / f"{clean}.test.jsonl").read_text(encoding="utf-8").splitlines()
    assert written == half_of(clean, "test").lines()
    assert not (tmp_path / f"{clean}.dev.jsonl").exists()


@pytest.mark.parametrize("spec", SPECS, ids=str)
def test_cli_reaches_the_chosen_halves(
    spec: Spec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, str]] = []

    def fake_evaluate(chosen: list[Half], *_: Any) -> dict[str, Any]:
        seen.extend((h.set_name, h.half) for h in chosen)
        return {}

    monkeypatch.setattr(cli, "evaluate", fake_evaluate)
    monkeypatch.setattr(cli, "markdown", lambda report: "report")
    monkeypatch.setattr(cli, "OUT", tmp_path)
    number, chats, multi = str(spec.number), spec.name("chats"), spec.name("multi")
    cli.main(["--round", number, "--sets", f"{chats},{multi}"])
    assert seen == [(chats, "dev"), (multi, "dev")]
    assert (tmp_path / f"pii_eval_r{number}_dev.md").exists()
    seen.clear()
    cli.main(["--round", number, "--half", "test"])
    assert seen == [(name, "test") for name in ROUNDS[spec.number]]
    assert (tmp_path / f"pii_eval_r{number}_test.json").exists()
