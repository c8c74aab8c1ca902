"""Round 10 of the PII evaluation sets: built apart from the detector and from rounds 1–9.

``GENERATORS`` maps a set's name to its generator (``generate(half) -> list[Example]``).
"""

from __future__ import annotations

from collections.abc import Callable

from bench.pii_eval.common import Example
from bench.pii_eval.round10 import addresses10, chats10, clean10, general10, multi10

GENERATORS: dict[str, Callable[[str], list[Example]]] = {
    "chats10": chats10.generate,
    "addresses10": addresses10.generate,
    "general10": general10.generate,
    "clean10": clean10.generate,
    "multi10": multi10.generate,
}
