"""Round 5 of the PII evaluation sets: built apart from the detector and from rounds 1–4.

``GENERATORS`` maps a set's name to its generator (``generate(half) -> list[Example]``).
"""

from __future__ import annotations

from collections.abc import Callable

from bench.pii_eval.common import Example
from bench.pii_eval.round5 import addresses5, chats5, clean5, general5, multi5

GENERATORS: dict[str, Callable[[str], list[Example]]] = {
    "chats5": chats5.generate,
    "addresses5": addresses5.generate,
    "general5": general5.generate,
    "clean5": clean5.generate,
    "multi5": multi5.generate,
}
