"""Round 11 of the PII evaluation sets: built apart from the detector and from rounds 1–10.

``GENERATORS`` maps a set's name to its generator (``generate(half) -> list[Example]``).
"""

from __future__ import annotations

from collections.abc import Callable

from bench.pii_eval.common import Example
from bench.pii_eval.round11 import addresses11, chats11, clean11, general11, multi11

GENERATORS: dict[str, Callable[[str], list[Example]]] = {
    "chats11": chats11.generate,
    "addresses11": addresses11.generate,
    "general11": general11.generate,
    "clean11": clean11.generate,
    "multi11": multi11.generate,
}
