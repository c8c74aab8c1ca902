"""Round 10 PII evaluation sets: deterministic, halves disjoint, gold well-formed.

Checks the sets only; it does not score any detector.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bench.pii_eval import __main__ as cli
from bench.pii_eval.build import ROUNDS, Half
from bench.pii_eval.common import record_text
from bench.pii_eval.round10 import GENERATORS
from bench.pii_eval.round10.addresses10 import COUNTRIES
from bench.pii_eval.round10.common10 import iban_ok, luhn_ok, pool
from bench.pii_eval.round10.facts10 import FACTS
from bench.pii_eval.round10.people10 import (
    APOSTROPHE,
    CULTURES,
    DOMAINS,
    MULTI,
    PARTICLE,
    PARTICLES,
    SCRIPT_NAMES,
    WORD_GIVEN,
    WORD_SURNAMES,
)
from bench.pii_eval.round10.places10 import COURIERS, STREETS
from bench.pii_eval.round10.things10 import JOB_TITLES, PLANS, PRODUCTS, TECH, TOOLS
from tests.helpers.pii_eval_sets import (
    check_deterministic_and_sized,
    check_gold_in_records,
    check_halves_disjoint,
    name_tokens,
)
from tests.helpers.pii_eval_sets import half_of as _half
from tests.helpers.pii_eval_sets import halves as _halves

SETS = sorted(GENERATORS)
# Protected kinds drawn from hand-written pools (references and order numbers are random).
POOLED_KINDS = {"product", "plan", "job_title", "technical", "courier", "tool", *FACTS}


def _tokens(text: str) -> set[str]:
    return name_tokens(text, PARTICLES)


def test_round10_registered() -> None:
    assert ROUNDS[10] is GENERATORS
    assert set(SETS) == {"chats10", "addresses10", "general10", "clean10", "multi10"}


@pytest.mark.parametrize("name", SETS)
def test_deterministic_and_sized(name: str) -> None:
    check_deterministic_and_sized(name, 120)


@pytest.mark.parametrize("name", SETS)
def test_gold_strings_occur_in_their_record(name: str) -> None:
    check_gold_in_records(name)


def test_halves_disjoint_in_names_private_strings_and_facts() -> None:
    check_halves_disjoint(SETS, POOLED_KINDS, PARTICLES)


def _pools() -> list[tuple[str, list[Any]]]:
    pools: list[tuple[str, list[Any]]] = [
        (f"names:given:{c}", g) for c, (g, _, _) in CULTURES.items()
    ]
    pools += [(f"names:sur:{c}", s) for c, (_, s, _) in CULTURES.items()]
    pools += [(f"multi:given:{c}", g) for c, (g, _) in MULTI.items()]
    pools += [(f"multi:sur:{c}", s) for c, (_, s) in MULTI.items()]
    pools += [(f"script:{c}", n) for c, n in SCRIPT_NAMES.items()]
    pools += [("names:word_given", WORD_GIVEN), ("names:word_surnames", WORD_SURNAMES)]
    pools += [("names:apostrophe", APOSTROPHE), ("names:particle", PARTICLE)]
    pools += [(f"streets:{c}", s) for c, s in STREETS.items()]
    pools += [(f"couriers:{c}", s) for c, s in COURIERS.items()]
    pools += [(f"facts:{k}", f) for k, f in FACTS.items()]
    pools += [("domains", DOMAINS), ("products", PRODUCTS), ("clean:tools", TOOLS)]
    pools += [(f"plans:{k}", v) for k, v in PLANS.items()]
    pools += [("job_titles", JOB_TITLES), ("tech", TECH)]
    return pools


def _every_name() -> list[str]:
    names = [n for g, s, _ in CULTURES.values() for n in g + s]
    names += [n for g, s in MULTI.values() for n in g + s]
    return names + WORD_GIVEN + WORD_SURNAMES + [s for _, s in APOSTROPHE + PARTICLE]


def test_pools_split_without_overlap_and_names_sit_in_one_pool() -> None:
    for label, items in _pools():
        dev, test = pool(items, "dev", label), pool(items, "test", label)
        assert len(dev) == len(set(dev)) and dev and test, label
        assert sorted(dev + test) == sorted(items), label
        assert not set(dev) & set(test), label
    every_name = _every_name()
    assert len(every_name) == len(set(every_name)), "a name sits in two pools"
    seen: dict[str, str] = {}
    for entry in every_name:
        for token in _tokens(entry):
            assert seen.setdefault(token, entry) == entry, (token, entry, seen[token])


def test_identifiers_are_valid() -> None:
    cards = ibans = 0
    brands: set[str] = set()
    for half in _halves("chats10"):
        for gold in half.gold:
            for item in gold.private:
                if item.category == "card":
                    assert luhn_ok(item.text), item.text
                    brands.add(item.text[:2])
                    cards += 1
                elif item.category == "iban":
                    assert iban_ok(item.text), item.text
                    ibans += 1
    assert cards >= 8 and ibans >= 8 and len(brands) >= 5


def test_sets_without_private_data() -> None:
    for name in ("general10", "clean10"):
        for half in _halves(name):
            assert all(g.no_private for g in half.gold)
    general = _half("general10", "dev")
    kinds = {p.kind for g in general.gold for p in g.protected}
    assert kinds == set(FACTS) and len(kinds) >= 10
    tokens = {t for n in _every_name() for t in _tokens(n)}
    for half in _halves("clean10"):
        text = "\n".join(record_text(r) for r in half.records)
        words = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
        assert not words & tokens, words & tokens


def test_coverage_of_asked_cases() -> None:
    chats = _half("chats10", "dev")
    persons = [p for g in chats.gold for p in g.private if p.category == "person"]
    tags = {p.tag.split(":")[-1] for p in persons}
    assert {
        "no_cue", "intro", "next_to_id", "sign_off", "letter", "tool_args", "tool_result",
        "lowercase", "uppercase", "hyphenated", "particle", "apostrophe", "initial", "list",
        "csv", "tsv", "md_table", "headerless", "email_header", "third_party", "possessive",
        "first_later", "greeting", "form", "quoted",
    } <= tags  # fmt: skip
    word_share = sum(p.tag.startswith("common_word") for p in persons) / len(persons)
    assert 0.15 <= word_share <= 0.4
    word_positions = {p.tag.split(":")[-1] for p in persons if p.tag.startswith("common_word")}
    assert len(word_positions) >= 12
    cultures = {p.tag.split(":")[-2] for p in persons}
    assert len(cultures) >= 16 and len(CULTURES) >= 16
    cats = {p.category for g in chats.gold for p in g.private}
    assert {"email", "phone", "card", "ssn", "iban", "ip"} <= cats
    assert 8 <= sum(g.no_private for g in chats.gold) <= 16
    phones = {p.tag for g in chats.gold for p in g.private if p.category == "phone"}
    assert len(phones) >= 10
    addresses = _half("addresses10", "dev")
    countries = {p.tag for g in addresses.gold for p in g.private if p.category == "address"}
    assert set(COUNTRIES) | {"us_military", "US"} <= countries
    assert len(COUNTRIES) >= 10
    kinds = {p.kind for g in addresses.gold for p in g.protected}
    assert {"courier", "product", "order", "tracking"} <= kinds
    multi = _half("multi10", "dev")
    langs = [p.tag for g in multi.gold for p in g.private if p.category == "email"]
    assert all(langs.count(lang) == 13 for lang in MULTI)
    assert set(MULTI) == {"es", "de", "fr", "pt", "it", "nl", "id", "vi"}
    scripts = {p.script for g in multi.gold for p in g.private if p.category == "person"}
    assert scripts == {"latin", "cjk", "thai"}


def test_cli_writes_round10(tmp_path: Path) -> None:
    cli.main(
        ["--round", "10", "--half", "test", "--sets", "clean10", "--write-sets", str(tmp_path)]
    )
    written = (tmp_path / "clean10.test.jsonl").read_text(encoding="utf-8").splitlines()
    assert written == _half("clean10", "test").lines()
    assert not (tmp_path / "clean10.dev.jsonl").exists()


def test_cli_round10_reaches_the_chosen_halves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, str]] = []

    def fake_evaluate(halves: list[Half], *_: Any) -> dict[str, Any]:
        seen.extend((h.set_name, h.half) for h in halves)
        return {}

    monkeypatch.setattr(cli, "evaluate", fake_evaluate)
    monkeypatch.setattr(cli, "markdown", lambda report: "report")
    monkeypatch.setattr(cli, "OUT", tmp_path)
    cli.main(["--round", "10", "--sets", "chats10,multi10"])
    assert seen == [("chats10", "dev"), ("multi10", "dev")]
    assert (tmp_path / "pii_eval_r10_dev.md").exists()
    seen.clear()
    cli.main(["--round", "10", "--half", "test"])
    assert seen == [(name, "test") for name in GENERATORS]
    assert (tmp_path / "pii_eval_r10_test.json").exists()
