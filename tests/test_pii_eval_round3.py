"""Round 3 of the PII evaluation sets: deterministic, halves disjoint, gold true to the records,
the coverage that was asked for, and reachable through ``python -m bench.pii_eval --round 3``.

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
from bench.pii_eval.round3.facts3 import FACTS
from bench.pii_eval.round3.people3 import CULTURES, People, name_tokens
from bench.pii_eval.score import score

ROUND3 = list(ROUNDS[3])
SIZES = {"general3": 250, "clean3": 220, "chats3": 200, "addresses3": 176}


@pytest.fixture(scope="module")
def halves() -> dict[tuple[str, str], Half]:
    return {(s, h): build(s, h) for s in ROUND3 for h in ("dev", "test")}


def test_round_3_names_are_new() -> None:
    assert ROUND3 == ["general3", "clean3", "chats3", "addresses3"]
    assert not set(ROUND3) & (set(ROUNDS[1]) | set(ROUNDS[2]))


@pytest.mark.parametrize("set_name", ROUND3)
def test_generators_are_deterministic(set_name: str, halves: dict[tuple[str, str], Half]) -> None:
    again = build(set_name, "dev")
    first = halves[(set_name, "dev")]
    assert first.lines() == again.lines()
    assert [g.to_json() for g in first.gold] == [g.to_json() for g in again.gold]
    assert first.fingerprint() == again.fingerprint()
    assert first.fingerprint() != halves[(set_name, "test")].fingerprint()


@pytest.mark.parametrize("set_name", ROUND3)
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
                if p.category == "person":
                    out |= {t for t in name_tokens(p.text) if len(t) > 1}
        return out

    def parts(h: Half) -> set[str]:
        return {part for g in h.gold for p in g.private for part in p.parts}

    def facts(h: Half) -> set[str]:
        return {p.text for g in h.gold for p in g.protected if p.kind != "ref"}

    assert not private(dev) & private(test)
    assert not tokens(dev) & tokens(test)
    assert not parts(dev) & parts(test)
    assert not facts(dev) & facts(test)


def test_name_pools_of_the_halves_share_no_token() -> None:
    def tokens(p: People) -> set[str]:
        pools = (*p.given.values(), *p.surname.values(), p.common_given, p.common_surname)
        return {t for pool in pools for name in pool for t in name_tokens(name) if len(t) > 1}

    assert not tokens(People("dev")) & tokens(People("test"))


@pytest.mark.parametrize("set_name", ROUND3)
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


def test_general3_covers_the_weak_spots(halves: dict[tuple[str, str], Half]) -> None:
    for half in ("dev", "test"):
        gold = halves[("general3", half)].gold
        assert all(g.no_private and g.protected for g in gold)
        kinds = {p.kind for g in gold for p in g.protected}
        assert set(FACTS) <= kinds
    tasks = "\n".join(record_text(r) for r in halves[("general3", "dev")].records)
    for cue in ("```python", "```sql", "Translate into", "recipe", "essay", "Summarise", '"kind"'):
        assert cue in tasks


def test_clean3_has_no_private_data_and_no_names(halves: dict[tuple[str, str], Half]) -> None:
    people = People("dev"), People("test")
    known = {
        t
        for p in people
        for pool in (*p.given.values(), *p.surname.values(), p.common_given, p.common_surname)
        for name in pool
        for t in name_tokens(name)
        if len(t) >= 3
    }
    for half in ("dev", "test"):
        built = halves[("clean3", half)]
        assert all(g.no_private for g in built.gold)
        assert any(g.protected for g in built.gold)
        words = {w.lower().strip(".,:;!?\"'()") for r in built.records
                 for w in record_text(r).split()}  # fmt: skip
        assert not words & known


def test_chats3_covers_cultures_positions_and_ids(halves: dict[tuple[str, str], Half]) -> None:
    chats = halves[("chats3", "dev")]
    people = [p for g in chats.gold for p in g.private if p.category == "person"]
    tags = {p.tag for p in people}
    assert {
        "no_cue", "intro", "next_to_id", "sign_off", "letter", "tool_args", "tool_result",
        "lowercase", "initial", "common_word", "third_party", "first_later", "hyphenated",
        "csv", "email_header",
    } <= tags  # fmt: skip
    pools = People("dev")
    used: set[str] = set().union(*(name_tokens(p.text) for p in people))
    seen = {
        culture
        for culture in CULTURES
        if any(name_tokens(n) & used for n in pools.given[culture] + pools.surname[culture])
    }
    assert len(seen) >= 20
    categories = {p.category for g in chats.gold for p in g.private}
    assert {"person", "email", "phone", "card", "ssn", "iban", "ip"} <= categories
    kinds = {p.kind for g in chats.gold if g.private for p in g.protected}
    assert {"courier", "product", "title"} <= kinds
    clean = sum(g.no_private for g in chats.gold)
    assert 0.05 * len(chats.gold) <= clean <= 0.15 * len(chats.gold)


def test_addresses3_covers_countries_and_couriers(halves: dict[tuple[str, str], Half]) -> None:
    built = halves[("addresses3", "dev")]
    tags = {p.tag for g in built.gold for p in g.private if p.category == "address"}
    new = {"AT", "CH", "BE", "PT", "CZ", "AR", "CO", "PH", "EG", "NZ"}
    assert new | {"military", "po_box"} <= tags
    phones = [p for g in built.gold for p in g.private if p.category == "phone"]
    assert new <= {p.tag for p in phones}
    assert any(p.text.startswith("+") for p in phones)
    assert any(not p.text.startswith("+") for p in phones)
    for g in built.gold:
        if any(p.category == "address" for p in g.private):
            assert any(p.kind == "courier" for p in g.protected), g.id


def test_write_sets_flag_writes_round_3(tmp_path: Path) -> None:
    cli.main(["--round", "3", "--sets", "general3,addresses3", "--write-sets", str(tmp_path)])
    records = (tmp_path / "general3.dev.jsonl").read_text(encoding="utf-8").splitlines()
    gold = (tmp_path / "addresses3.dev.gold.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(records) == 250 and len(gold) == 176
    assert json.loads(gold[0])["id"] == "addresses3-dev-0000"
    assert not (tmp_path / "general3.test.jsonl").exists()


def test_a_set_of_another_round_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--round", "3", "--sets", "chats2", "--write-sets", "unused"])
    assert "not a set of round 3" in capsys.readouterr().err


def test_round_flag_scores_round_3_halves(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The scorer gets round 3's dev halves and writes pii_eval_r3_dev; no redactor runs."""
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
    cli.main(["--round", "3", "--half", "dev", "--sets", "chats3,clean3"])
    assert [(h.set_name, h.half) for h in seen] == [("chats3", "dev"), ("clean3", "dev")]
    report = json.loads((tmp_path / "pii_eval_r3_dev.json").read_text(encoding="utf-8"))
    assert report["round"] == 3
    assert report["sets"]["chats3"]["fingerprint"] == build("chats3", "dev").fingerprint()
    assert report["scores"][0]["leak"]["person"]["rate"] == 1.0  # an unredacted copy leaks all
    altered = report["scores"][1]["clean_records_altered"]
    assert altered["bad"] == 0 and altered["total"] == 220  # and alters nothing
    assert "round 3" in (tmp_path / "pii_eval_r3_dev.md").read_text(encoding="utf-8")
