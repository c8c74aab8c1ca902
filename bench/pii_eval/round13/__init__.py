"""Round 13 of the PII evaluation sets: built apart from the detector and from rounds 1–12.

``GENERATORS`` maps a set's name to its generator (``generate(half) -> list[Example]``).
"""

from __future__ import annotations

from collections.abc import Callable

from bench.pii_eval.common import Example
from bench.pii_eval.round13 import addresses13, chats13, clean13, general13, multi13

GENERATORS: dict[str, Callable[[str], list[Example]]] = {
    "chats13": chats13.generate,
    "addresses13": addresses13.generate,
    "general13": general13.generate,
    "clean13": clean13.generate,
    "multi13": multi13.generate,
}
