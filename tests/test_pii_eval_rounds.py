"""What every round of the PII evaluation sets promises: new set names, deterministic
generators, halves that share no identifying value, gold true to the records, and the sets
reachable through ``python -m bench.pii_eval --round N`` (round 1, the default: its
generators and gold here too). Each round's own coverage is checked in
``test_pii_eval_sets.py`` (round 1) and ``test_pii_eval_round<N>.py``.

These check the sets and the harness, not how well any detector does on them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bench.pii_eval import __main__ as cli
from bench.pii_eval.build import ROUNDS, Half, build
from bench.pii_eval.common import record_text
from bench.pii_eval.round2 import people as people2
from bench.pii_eval.round3 import people3
from bench.pii_eval.score import score
from tests.helpers.pii_eval import half

NAMES = {
    1: ["chats", "addresses", "general", "multilingual"],
    2: ["chats2", "addresses2", "general2", "multilingual2"],
    3: ["general3", "clean3", "chats3", "addresses3"],
}
SIZES = {
    "chats2": 200, "addresses2": 200, "general2": 200, "multilingual2": 112,
    "general3": 250, "clean3": 220, "chats3": 200, "addresses3": 176,
}  # fmt: skip
SETS = [(r, s) for r in (2, 3) for s in ROUNDS[r]]
ALL_SETS = [(r, s) for r in (1, 2, 3) for s in ROUNDS[r]]


def _tokens2(h: Half) -> set[str]:
    """Round 2: the tokens of the Latin-script names."""
    out: set[str] = set()
    for g in h.gold:
        for p in g.private:
            if p.category == "person" and p.script == "latin":
                out |= people2.name_tokens(p.text)
    return out


def _tokens3(h: Half) -> set[str]:
    """Round 3: the tokens of every name, initials aside."""
    out: set[str] = set()
    for g in h.gold:
        for p in g.private:
            if p.category == "person":
                out |= {t for t in people3.name_tokens(p.text) if len(t) > 1}
    return out


NAME_TOKENS: dict[int, Callable[[Half], set[str]]] = {2: _tokens2, 3: _tokens3}


def test_every_round_has_its_own_set_names() -> None:
    assert {r: list(ROUNDS[r]) for r in NAMES} == NAMES
    for r in NAMES:
        for earlier in range(1, r):
            assert not set(ROUNDS[r]) & set(ROUNDS[earlier]), (r, earlier)


@pytest.mark.parametrize(("round_no", "set_name"), ALL_SETS)
def test_generators_are_deterministic(round_no: int, set_name: str) -> None:
    again = build(set_name, "dev")
    first = half(set_name, "dev")
    assert first.lines() == again.lines()
    assert [g.to_json() for g in first.gold] == [g.to_json() for g in again.gold]
    assert first.fingerprint() == again.fingerprint()
    assert first.fingerprint() != half(set_name, "test").fingerprint()


@pytest.mark.parametrize(("round_no", "set_name"), SETS)
def test_halves_share_no_identifying_value(round_no: int, set_name: str) -> None:
    dev, test = half(set_name, "dev"), half(set_name, "test")
    assert len(dev.records) == len(test.records) == SIZES[set_name]
    assert not set(dev.lines()) & set(test.lines())

    def private(h: Half) -> set[str]:
        return {p.text for g in h.gold for p in g.private}

    def parts(h: Half) -> set[str]:
        return {part for g in h.gold for p in g.private for part in p.parts}

    def facts(h: Half) -> set[str]:
        return {p.text for g in h.gold for p in g.protected if p.kind != "ref"}

    tokens = NAME_TOKENS[round_no]
    assert not private(dev) & private(test)
    assert not tokens(dev) & tokens(test)
    if round_no >= 3:  # from round 3 on, no part of a value either
        assert not parts(dev) & parts(test)
    assert not facts(dev) & facts(test)


@pytest.mark.parametrize(("round_no", "set_name"), ALL_SETS)
@pytest.mark.parametrize("which", ["dev", "test"])
def test_every_gold_string_occurs_in_its_record(round_no: int, set_name: str, which: str) -> None:
    built = half(set_name, which)
    assert len(built.records) == len(built.gold)
    for record, gold in zip(built.records, built.gold, strict=True):
        assert set(record) == {"messages"}
        text = record_text(record)
        for item in gold.private:
            assert item.text in text, (gold.id, item)
            for part in item.parts:
                assert part in text, (gold.id, part)
        for prot in gold.protected:
            assert prot.text in text, (gold.id, prot)


@pytest.mark.parametrize(
    ("round_no", "first", "second"),
    [(2, "general2", "multilingual2"), (3, "general3", "addresses3")],
)
def test_write_sets_flag_writes_the_rounds_dev_halves(
    round_no: int, first: str, second: str, tmp_path: Path
) -> None:
    cli.main(
        ["--round", str(round_no), "--sets", f"{first},{second}", "--write-sets", str(tmp_path)]
    )
    records = (tmp_path / f"{first}.dev.jsonl").read_text(encoding="utf-8").splitlines()
    gold = (tmp_path / f"{second}.dev.gold.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(records) == SIZES[first] and len(gold) == SIZES[second]
    assert json.loads(gold[0])["id"] == f"{second}-dev-0000"
    assert not (tmp_path / f"{first}.test.jsonl").exists()


@pytest.mark.parametrize(("round_no", "other"), [(2, "chats"), (3, "chats2")])
def test_a_set_of_another_round_is_refused(
    round_no: int, other: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--round", str(round_no), "--sets", other, "--write-sets", "unused"])
    assert f"not a set of round {round_no}" in capsys.readouterr().err


@pytest.mark.parametrize(("round_no", "sets"), [(2, ["chats2"]), (3, ["chats3", "clean3"])])
def test_round_flag_scores_the_rounds_dev_halves(
    round_no: int, sets: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The scorer gets the round's dev halves and writes pii_eval_r<N>_dev; no redactor runs."""
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
    cli.main(["--round", str(round_no), "--half", "dev", "--sets", ",".join(sets)])
    assert [(h.set_name, h.half) for h in seen] == [(s, "dev") for s in sets]
    report = json.loads((tmp_path / f"pii_eval_r{round_no}_dev.json").read_text(encoding="utf-8"))
    assert report["round"] == round_no
    assert report["sets"][sets[0]]["fingerprint"] == half(sets[0], "dev").fingerprint()
    first = report["scores"][0]
    assert first["leak"]["person"]["rate"] == 1.0  # an unredacted copy leaks every name
    for s in report["scores"]:
        assert s["protected_destroyed"]["bad"] == 0  # and destroys nothing
    if "clean3" in sets:
        altered = report["scores"][sets.index("clean3")]["clean_records_altered"]
        assert altered["bad"] == 0 and altered["total"] == SIZES["clean3"]  # nor alters any
    md = (tmp_path / f"pii_eval_r{round_no}_dev.md").read_text(encoding="utf-8")
    assert f"round {round_no}" in md
