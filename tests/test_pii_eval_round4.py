"""Round 4 PII evaluation sets: deterministic, halves disjoint, gold well-formed.

Checks the sets only; it does not score any detector.
"""

from __future__ import annotations

import re

import pytest

from bench.pii_eval import __main__ as cli
from bench.pii_eval.build import ROUNDS, Half, build
from bench.pii_eval.common import record_text
from bench.pii_eval.round4 import GENERATORS
from bench.pii_eval.round4.facts4 import FACTS
from bench.pii_eval.round4.people4 import CULTURES, MULTI, WORD_GIVEN, WORD_SURNAMES
from bench.pii_eval.round4.places4 import STREETS

SETS = sorted(GENERATORS)
PARTICLES = {
    "van",
    "de",
    "der",
    "ter",
    "den",
    "ní",
    "ó",
    "al",
    "el",
    "di",
    "lo",
    "la",
    "le",
    "da",
    "dos",
}


def _halves(name: str) -> tuple[Half, Half]:
    return build(name, "dev"), build(name, "test")


def _tokens(text: str) -> set[str]:
    return {t.lower() for t in re.split(r"[\s\-'’]+", text) if len(t) >= 2} - PARTICLES


def test_round4_registered() -> None:
    assert ROUNDS[4] is GENERATORS
    assert set(SETS) == {"chats4", "addresses4", "general4", "clean4", "multi4"}


@pytest.mark.parametrize("name", SETS)
def test_deterministic_and_sized(name: str) -> None:
    for half in ("dev", "test"):
        a, b = build(name, half), build(name, half)
        assert a.fingerprint() == b.fingerprint()
        assert 100 <= len(a.records) <= 140
    dev, test = _halves(name)
    assert dev.fingerprint() != test.fingerprint()
    assert not set(dev.lines()) & set(test.lines())


@pytest.mark.parametrize("name", SETS)
def test_gold_strings_occur_in_their_record(name: str) -> None:
    for half in _halves(name):
        for record, gold in zip(half.records, half.gold, strict=True):
            text = record_text(record)
            for item in gold.private:
                assert item.text in text, (gold.id, item.text)
                assert item.category in {
                    "person",
                    "address",
                    "phone",
                    "email",
                    "card",
                    "iban",
                    "ip",
                }
                for part in item.parts:
                    assert part in item.text, (gold.id, part)
            for prot in gold.protected:
                assert prot.text in text, (gold.id, prot.text)
            assert gold.to_json()["no_private"] == (not gold.private)


def test_name_tokens_and_private_strings_disjoint_across_halves() -> None:
    names: dict[str, set[str]] = {"dev": set(), "test": set()}
    private: dict[str, set[str]] = {"dev": set(), "test": set()}
    for name in SETS:
        for half in _halves(name):
            for gold in half.gold:
                for item in gold.private:
                    private[half.half].add(item.text)
                    private[half.half].update(item.parts)
                    if item.category == "person":
                        names[half.half] |= _tokens(item.text)
    assert names["dev"] and names["test"]
    assert not names["dev"] & names["test"]
    assert not private["dev"] & private["test"]


def test_identifying_pools_split_without_overlap() -> None:
    from bench.pii_eval.round4 import common4 as c4

    pools = [(f"chats4:given:{c}", g) for c, (g, _) in CULTURES.items()]
    pools += [(f"chats4:sur:{c}", s) for c, (_, s) in CULTURES.items()]
    pools += [(f"multi4:given:{c}", g) for c, (g, _) in MULTI.items()]
    pools += [(f"addresses4:streets:{c}", s) for c, s in STREETS.items()]
    pools += [(f"general4:{k}", f) for k, f in FACTS.items()]
    pools += [("chats4:word_given", WORD_GIVEN), ("chats4:word_surnames", WORD_SURNAMES)]
    for label, items in pools:
        dev, test = c4.pool(items, "dev", label), c4.pool(items, "test", label)
        assert sorted(dev + test) == sorted(items), label
        assert not set(dev) & set(test), label
    every_name = [n for g, s in list(CULTURES.values()) + list(MULTI.values()) for n in g + s]
    every_name += WORD_GIVEN + WORD_SURNAMES
    assert len(every_name) == len(set(every_name)), "a name sits in two pools"


def test_no_private_sets_have_no_private_items() -> None:
    for name in ("general4", "clean4"):
        for half in _halves(name):
            assert all(g.no_private for g in half.gold)
    general = build("general4", "dev")
    assert sum(len(g.protected) for g in general.gold) >= 120


def test_coverage_of_asked_cases() -> None:
    chats = build("chats4", "dev")
    tags = {p.tag.split(":")[-1] for g in chats.gold for p in g.private if p.category == "person"}
    assert {
        "no_cue",
        "alone",
        "lowercase",
        "tool_args",
        "email_header",
        "sign_off",
        "third_party",
        "next_to_id",
        "common_word",
    } <= tags
    cats = {p.category for g in chats.gold for p in g.private}
    assert {"email", "phone", "card", "iban", "ip"} <= cats
    assert len(CULTURES) >= 15
    addresses = build("addresses4", "dev")
    countries = {p.tag for g in addresses.gold for p in g.private if p.category == "address"}
    assert {
        "eg",
        "be",
        "pl",
        "se",
        "mx",
        "za",
        "ke",
        "tr",
        "kr",
        "ie",
        "gr",
        "sg",
        "us_military",
    } <= countries
    multi = build("multi4", "dev")
    langs = [p.tag for g in multi.gold for p in g.private if p.category == "email"]
    assert all(langs.count(lang) >= 10 for lang in MULTI)


def test_cli_writes_round4(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cli.main(["--round", "4", "--half", "test", "--sets", "clean4", "--write-sets", str(tmp_path)])
    assert (tmp_path / "clean4.test.jsonl").read_text(encoding="utf-8").count("\n") == 120
