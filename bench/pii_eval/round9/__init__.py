"""Round 9 of the PII evaluation sets: built apart from the detector and from rounds 1–8.

``GENERATORS`` maps a set's name to its generator (``generate(half) -> list[Example]``).
"""

from __future__ import annotations

from collections.abc import Callable

from bench.pii_eval.common import Example
from bench.pii_eval.round9 import addresses9, chats9, clean9, general9, multi9

GENERATORS: dict[str, Callable[[str], list[Example]]] = {
    "chats9": chats9.generate,
    "addresses9": addresses9.generate,
    "general9": general9.generate,
    "clean9": clean9.generate,
    "multi9": multi9.generate,
}
