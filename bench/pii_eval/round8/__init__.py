"""Round 8 of the PII evaluation sets: built apart from the detector and from rounds 1–7.

``GENERATORS`` maps a set's name to its generator (``generate(half) -> list[Example]``).
"""

from __future__ import annotations

from collections.abc import Callable

from bench.pii_eval.common import Example
from bench.pii_eval.round8 import addresses8, chats8, clean8, general8, multi8

GENERATORS: dict[str, Callable[[str], list[Example]]] = {
    "chats8": chats8.generate,
    "addresses8": addresses8.generate,
    "general8": general8.generate,
    "clean8": clean8.generate,
    "multi8": multi8.generate,
}
