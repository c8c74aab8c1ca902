"""Round 2 of the PII evaluation sets: deterministic, halves disjoint, gold true to the records,
and reachable through ``python -m bench.pii_eval --round 2``.

These check the sets and the harness, not how well any detector does on them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.pii_eval import __main__ as cli
from bench.pii_eval.build import ROUNDS, Half, build
from bench.pii_eval.common import record_text
from bench.pii_eval.round2.people import CULTURES, People, name_tokens
from bench.pii_eval.score import score

ROUND2 = list(ROUNDS[2])
SIZES = {"chats2": 200, "addresses2": 200, "general2": 200, "multilingual2": 112}


@pytest.fixture(scope="module")
def halves() -> dict[tuple[str, str], Half]:
    return {(s, h): build(s, h) for s in ROUND2 for h in ("dev", "test")}


def test_round_1_is_still_the_default_and_unchanged_in_name() -> None:
    assert list(ROUNDS[1]) == ["chats", "addresses", "general", "multilingual"]
    assert not set(ROUNDS[1]) & set(ROUNDS[2])


@pytest.mark.parametrize("set_name", ROUND2)
def test_generators_are_deterministic(set_name: str, halves: dict[tuple[str, str], Half]) -> None:
    again = build(set_name, "dev")
    first = halves[(set_name, "dev")]
    assert first.lines() == again.lines()
    assert [g.to_json() for g in first.gold] == [g.to_json() for g in again.gold]
    assert first.fingerprint() == again.fingerprint()
    assert first.fingerprint() != halves[(set_name, "test")].fingerprint()


@pytest.mark.parametrize("set_name", ROUND2)
def test_halves_share_no_identifying_value(
    set_name: str, halves: dict[tuple[str, str], Half]
) -> None:
    dev, test = halves[(set_name, "dev")], halves[(set_name, "test")]
    assert len(dev.records) == len(test.records) == SIZES[set_name]
    assert not set(dev.lines()) & set(test.lines())

    def private(h: Half) -> set[str]:
        return {p.text for g in h.gold for p in g.private}

    def tokens(h: Half) -> set[str]:
        out: set[str] = set()
        for g in h.gold:
            for p in g.private:
                if p.category == "person" and p.script == "latin":
                    out |= name_tokens(p.text)
        return out

    def facts(h: Half) -> set[str]:
        return {p.text for g in h.gold for p in g.protected if p.kind != "ref"}

    assert not private(dev) & private(test)
    assert not tokens(dev) & tokens(test)
    assert not facts(dev) & facts(test)


@pytest.mark.parametrize("set_name", ROUND2)
@pytest.mark.parametrize("half", ["dev", "test"])
def test_every_gold_string_occurs_in_its_record(
    set_name: str, half: str, halves: dict[tuple[str, str], Half]
) -> None:
    built = halves[(set_name, half)]
    assert len(built.records) == len(built.gold)
    for record, gold in zip(built.records, built.gold, strict=True):
        assert set(record) == {"messages"}
        text = record_text(record)
        for item in gold.private:
            assert item.text in text, gold.id
            assert all(part in text for part in item.parts), gold.id
        for prot in gold.protected:
            assert prot.text in text, gold.id


def test_sets_cover_what_was_asked(halves: dict[tuple[str, str], Half]) -> None:
    chats = halves[("chats2", "dev")]
    people = [p for g in chats.gold for p in g.private if p.category == "person"]
    tags = {p.tag for p in people}
    assert {
        "no_cue", "next_to_id", "sign_off", "letter", "tool_args", "tool_result", "lowercase",
        "hyphenated", "particle", "apostrophe", "initial", "common_word",
    } <= tags  # fmt: skip
    pools = People("dev")
    used: set[str] = set().union(*(name_tokens(p.text) for p in people))
    seen = {
        culture
        for culture in CULTURES
        if any(name_tokens(n) & used for n in pools.given[culture] + pools.surname[culture])
    }
    assert len(seen) >= 15
    categories = {p.category for g in chats.gold for p in g.private}
    assert {"person", "email", "phone", "card", "ssn", "iban", "ip"} <= categories
    clean = sum(g.no_private for g in chats.gold)
    assert 0.05 * len(chats.gold) <= clean <= 0.15 * len(chats.gold)

    addresses = halves[("addresses2", "dev")]
    countries = {p.tag for g in addresses.gold for p in g.private if p.category == "address"}
    assert {"UK", "DE", "FR", "ES", "IT", "NL", "JP", "IN", "BR", "military", "po_box"} <= countries
    assert len(countries - {"military", "po_box"}) >= 10
    phones = [p.text for g in addresses.gold for p in g.private if p.category == "phone"]
    assert any(p.startswith("+") for p in phones) and any(not p.startswith("+") for p in phones)

    assert all(g.no_private and g.protected for g in halves[("general2", "dev")].gold)

    multi = halves[("multilingual2", "dev")]
    langs = {p.tag for g in multi.gold for p in g.private if p.category == "person"}
    assert {"es", "de", "fr", "pt", "it", "nl", "id", "vi"} <= langs
    assert {p.script for g in multi.gold for p in g.private} >= {"latin", "cjk", "thai"}


def test_write_sets_flag_writes_round_2(tmp_path: Path) -> None:
    cli.main(["--round", "2", "--sets", "general2,multilingual2", "--write-sets", str(tmp_path)])
    records = (tmp_path / "general2.dev.jsonl").read_text(encoding="utf-8").splitlines()
    gold = (tmp_path / "multilingual2.dev.gold.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(records) == 200 and len(gold) == 112
    assert json.loads(gold[0])["id"] == "multilingual2-dev-0000"
    assert not (tmp_path / "general2.test.jsonl").exists()


def test_a_set_of_the_other_round_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--round", "2", "--sets", "chats", "--write-sets", "unused"])
    assert "not a set of round 2" in capsys.readouterr().err


def test_round_flag_scores_round_2_halves(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The scorer gets round 2's dev halves and writes pii_eval_r2_dev; no redactor runs."""
    seen: list[Half] = []

    def fake_evaluate(hs: list[Half], *_: Any) -> dict[str, Any]:
        seen.extend(hs)
        scores = [score(h, h.records[:], "identity").to_json() for h in hs]
        return {
            "half": hs[0].half,
            "when": "now",
            "sets": {h.set_name: {"fingerprint": h.fingerprint()} for h in hs},
            "throughput": [],
            "scores": scores,
        }

    monkeypatch.setattr(cli, "evaluate", fake_evaluate)
    monkeypatch.setattr(cli, "OUT", tmp_path)
    cli.main(["--round", "2", "--half", "dev", "--sets", "chats2"])
    assert [(h.set_name, h.half) for h in seen] == [("chats2", "dev")]
    report = json.loads((tmp_path / "pii_eval_r2_dev.json").read_text(encoding="utf-8"))
    assert report["round"] == 2
    assert report["sets"]["chats2"]["fingerprint"] == build("chats2", "dev").fingerprint()
    leak = report["scores"][0]["leak"]
    assert leak["person"]["rate"] == 1.0  # an unredacted copy leaks every name
    assert report["scores"][0]["protected_destroyed"]["bad"] == 0
    assert "round 2" in (tmp_path / "pii_eval_r2_dev.md").read_text(encoding="utf-8")
