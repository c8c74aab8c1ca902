"""The PII evaluation sets of round 1: halves disjoint, the coverage asked for, the scoring
rules. Determinism and gold true to the records are checked for every round in
``test_pii_eval_rounds.py``.

These check the sets and the scoring rules, not how well any detector does on them.
"""

from __future__ import annotations

import json

import pytest

from bench.pii_eval import rules
from bench.pii_eval.build import GENERATORS, build
from bench.pii_eval.common import Private
from bench.pii_eval.names import CULTURES
from bench.pii_eval.score import score

MIN_HALF = {"chats": 150, "addresses": 150, "general": 150, "multilingual": 80}


@pytest.mark.parametrize("set_name", list(GENERATORS))
def test_halves_are_disjoint_in_records_and_names(set_name: str) -> None:
    dev, test = build(set_name, "dev"), build(set_name, "test")
    assert len(dev.records) >= MIN_HALF[set_name]
    assert len(test.records) >= MIN_HALF[set_name]
    assert not set(dev.lines()) & set(test.lines())
    dev_people = {p.text for g in dev.gold for p in g.private if p.category == "person"}
    test_people = {p.text for g in test.gold for p in g.private if p.category == "person"}
    assert not dev_people & test_people


def test_sets_cover_what_the_issue_asks() -> None:
    chats = build("chats", "dev")
    tags = {p.tag for g in chats.gold for p in g.private if p.category == "person"}
    for tag in (
        "no_cue",
        "next_to_id",
        "sign_off",
        "letter",
        "tool_args",
        "lowercase",
        "hyphenated",
        "particle",
        "apostrophe",
    ):
        assert tag in tags
    assert len(CULTURES) >= 15
    tool_args = [
        json.loads(call["function"]["arguments"])
        for r in chats.records
        for m in r["messages"]
        for call in m.get("tool_calls") or []
    ]
    assert tool_args
    addresses = build("addresses", "dev")
    countries = {p.tag for g in addresses.gold for p in g.private if p.category == "address"}
    assert {"UK", "DE", "FR", "ES", "IT", "NL", "JP", "IN", "BR", "military", "po_box"} <= countries
    general = build("general", "dev")
    assert all(g.no_private for g in general.gold)
    multilingual = build("multilingual", "dev")
    scripts = {p.script for g in multilingual.gold for p in g.private}
    assert {"latin", "cjk", "thai"} <= scripts


def test_a_name_counts_as_leaked_by_a_unique_token_only() -> None:
    item = Private("Will Okonkwo", "person")
    source = "Will Okonkwo says we will pay."
    rest = rules.without(source, [item])
    assert rules.leaked(item, "<PERSON> says we will pay. okonkwo", rest, [])
    assert not rules.leaked(item, "<PERSON> says we will pay.", rest, [])
    assert not rules.leaked(Private("Ana Reyes", "person"), "Analysis of <PERSON>", "", [])


def test_half_redacted_numbers_and_parts_count_as_leaked() -> None:
    phone = Private("+44 20 7946 0321", "phone")
    assert rules.leaked(phone, "call <PHONE> 7946 0321", "", [])
    assert not rules.leaked(phone, "call +44 20 <PHONE>", "", [])
    addr = Private(
        "Flat 3, 27 Thornbury Road, Bristol BS6 5LX",
        "address",
        parts=("27 Thornbury Road", "BS6 5LX"),
    )
    assert rules.leaked(addr, "Flat 3, <ADDRESS>, Bristol BS6 5LX", "", [])
    assert not rules.leaked(addr, "<ADDRESS>, Bristol", "", [])
    cjk = Private("陈晓明", "person", parts=("晓明",), script="cjk")
    assert rules.leaked(cjk, "您好，我是<PERSON>晓明", "", [])


def test_scoring_a_copy_leaks_everything_and_destroys_nothing() -> None:
    built = build("chats", "dev")
    result = score(built, built.records, "identity").to_json()
    assert result["leak"]["person"]["rate"] == 1.0
    assert result["protected_destroyed"]["bad"] == 0
    assert result["clean_records_altered"]["bad"] == 0
