"""What every evaluation set shares: gold annotations, the dev/test split, record text.

A set is built per half: ``build(set_name, half)`` returns the OpenAI-chat records and one
:class:`Gold` per record (same order). The halves are disjoint by construction: every pool a
generator draws identifying values from (names, streets, e-mail domains…) is split in two by
:func:`split_pool`, so a name in the test half never appears in the development half, and each
half has its own random stream.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

SEED = 20261206
HALVES = ("dev", "test")

T = TypeVar("T")

# Categories of private strings, and the groups they are reported in.
GROUPS: dict[str, tuple[str, ...]] = {
    "person": ("person",),
    "address+phone": ("address", "phone"),
    "structured id": ("email", "card", "ssn", "iban", "ip", "id"),
}


@dataclass(frozen=True)
class Private:
    """A private string that must not survive redaction.

    ``parts`` are substrings that identify on their own (a street line, a full UK postcode, a
    CJK given name): if any survives the item counts as leaked. ``tag`` says where or what it
    is (name position, country, culture) for breakdowns; ``script`` is ``latin`` or the
    script of a name written in another one (reported separately as "not covered").
    """

    text: str
    category: str
    tag: str = ""
    parts: tuple[str, ...] = ()
    script: str = "latin"


@dataclass(frozen=True)
class Protected:
    """A string that must survive unchanged (brand, title, public figure, technical term…)."""

    text: str
    kind: str


@dataclass
class Gold:
    id: str
    private: list[Private] = field(default_factory=list)
    protected: list[Protected] = field(default_factory=list)

    @property
    def no_private(self) -> bool:
        return not self.private

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "no_private": self.no_private,
            "private": [asdict(p) for p in self.private],
            "protected": [asdict(p) for p in self.protected],
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Gold:
        private = [
            Private(
                text=p["text"],
                category=p["category"],
                tag=p.get("tag", ""),
                parts=tuple(p.get("parts", ())),
                script=p.get("script", "latin"),
            )
            for p in obj["private"]
        ]
        protected = [Protected(text=p["text"], kind=p["kind"]) for p in obj["protected"]]
        return cls(id=obj["id"], private=private, protected=protected)


@dataclass
class Example:
    """One record under construction: messages plus what the generator put into them."""

    messages: list[dict[str, Any]]
    private: list[Private] = field(default_factory=list)
    protected: list[Protected] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        return {"messages": self.messages}


def rng_for(set_name: str, half: str, seed: int = SEED) -> random.Random:
    return random.Random(f"{set_name}:{half}:{seed}")


def split_pool(items: Sequence[T], half: str, label: str, seed: int = SEED) -> list[T]:
    """The half of ``items`` that belongs to ``half``: a seeded shuffle cut in two.

    ``label`` names the pool so that two pools of equal length are not cut alike.
    """
    if half not in HALVES:
        raise ValueError(f"half must be one of {HALVES}, not {half!r}")
    order = list(items)
    random.Random(f"{label}:{seed}").shuffle(order)
    cut = (len(order) + 1) // 2
    chosen = order[:cut] if half == "dev" else order[cut:]
    if not chosen:
        raise ValueError(f"pool {label!r} is too small to split")
    return chosen


def strings_of(value: Any) -> Iterator[str]:
    """Every string in a record, and the strings inside strings that hold JSON.

    Tool-call arguments and tool results are JSON in a string; a redactor may write them back
    with other escaping (``\\u00e9`` for ``é``), so their parsed values are searched too.
    """
    if isinstance(value, str):
        yield value
        stripped = value.strip()
        if stripped[:1] in ("{", "["):
            try:
                inner = json.loads(stripped)
            except ValueError:
                return
            yield from strings_of(inner)
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_of(item)


def record_text(record: Any) -> str:
    """The record's text, one string per line, for leak and survival checks."""
    return "\n".join(strings_of(record))


def ascii_fold(text: str) -> str:
    """``"Zoë Dąbrowska"`` → ``"Zoe Dabrowska"`` (for e-mail local parts)."""
    import unicodedata

    special = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "ı": "i", "đ": "d", "Đ": "D"}
    text = "".join(special.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
