"""Round 4 of the PII evaluation sets: built apart from the detector and from rounds 1–3.

``GENERATORS`` maps a set's name to its generator (``generate(half) -> list[Example]``).
"""

from __future__ import annotations

from collections.abc import Callable

from bench.pii_eval.common import Example
from bench.pii_eval.round4 import addresses4, chats4, clean4, general4, multi4

GENERATORS: dict[str, Callable[[str], list[Example]]] = {
    "chats4": chats4.generate,
    "addresses4": addresses4.generate,
    "general4": general4.generate,
    "clean4": clean4.generate,
    "multi4": multi4.generate,
}
