"""Build a set's half: records, gold, and the files the scorer reads."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.pii_eval import (
    gen_addresses,
    gen_chats,
    gen_general,
    gen_multilingual,
    round2,
    round3,
    round4,
    round5,
    round6,
    round7,
    round8,
    round9,
    round10,
    round11,
    round12,
    round13,
)
from bench.pii_eval.common import Example, Gold, Private, Protected

GENERATORS: dict[str, Callable[[str], list[Example]]] = {
    "chats": gen_chats.generate,
    "addresses": gen_addresses.generate,
    "general": gen_general.generate,
    "multilingual": gen_multilingual.generate,
}
# Rounds 2–13 (bench/pii_eval/round2/ … round13/): other sets, built later and apart; round 1
# is unchanged.
ROUNDS: dict[int, dict[str, Callable[[str], list[Example]]]] = {
    1: GENERATORS,
    2: round2.GENERATORS,
    3: round3.GENERATORS,
    4: round4.GENERATORS,
    5: round5.GENERATORS,
    6: round6.GENERATORS,
    7: round7.GENERATORS,
    8: round8.GENERATORS,
    9: round9.GENERATORS,
    10: round10.GENERATORS,
    11: round11.GENERATORS,
    12: round12.GENERATORS,
    13: round13.GENERATORS,
}
ALL_GENERATORS = {name: gen for sets in ROUNDS.values() for name, gen in sets.items()}


@dataclass
class Half:
    set_name: str
    half: str
    records: list[dict[str, Any]]
    gold: list[Gold]

    def lines(self) -> list[str]:
        return [json.dumps(r, ensure_ascii=False) for r in self.records]

    def fingerprint(self) -> str:
        """sha256 of the records and gold: a change to a generator changes it."""
        digest = hashlib.sha256()
        for line, gold in zip(self.lines(), self.gold, strict=True):
            digest.update(line.encode())
            digest.update(json.dumps(gold.to_json(), ensure_ascii=False).encode())
        return digest.hexdigest()[:16]

    def write(self, folder: Path) -> tuple[Path, Path]:
        folder.mkdir(parents=True, exist_ok=True)
        data = folder / f"{self.set_name}.{self.half}.jsonl"
        gold = folder / f"{self.set_name}.{self.half}.gold.jsonl"
        data.write_text("".join(line + "\n" for line in self.lines()), encoding="utf-8")
        gold.write_text(
            "".join(json.dumps(g.to_json(), ensure_ascii=False) + "\n" for g in self.gold),
            encoding="utf-8",
        )
        return data, gold


def _unique(items: list[Any]) -> list[Any]:
    seen: set[Any] = set()
    out = []
    for item in items:
        key = (item.text, getattr(item, "category", getattr(item, "kind", "")))
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def build(set_name: str, half: str) -> Half:
    if set_name not in ALL_GENERATORS:
        raise ValueError(f"unknown set {set_name!r}; sets: {', '.join(ALL_GENERATORS)}")
    examples = ALL_GENERATORS[set_name](half)
    records, gold = [], []
    for i, ex in enumerate(examples):
        private: list[Private] = _unique(ex.private)
        protected: list[Protected] = _unique(ex.protected)
        records.append(ex.record())
        gold.append(Gold(f"{set_name}-{half}-{i:04d}", private, protected))
    return Half(set_name, half, records, gold)
