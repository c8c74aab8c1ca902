"""Round 2 of the PII evaluation sets: built later, by another helper, on fresh templates,
names, streets and facts (see ../README.md, "Round 2")."""

from __future__ import annotations

from collections.abc import Callable

from bench.pii_eval.common import Example
from bench.pii_eval.round2 import addresses2, chats2, general2, multilingual2

GENERATORS: dict[str, Callable[[str], list[Example]]] = {
    "chats2": chats2.generate,
    "addresses2": addresses2.generate,
    "general2": general2.generate,
    "multilingual2": multilingual2.generate,
}
