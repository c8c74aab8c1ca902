"""Round 6 of the PII evaluation sets: built apart from the detector and from rounds 1–5.

``GENERATORS`` maps a set's name to its generator (``generate(half) -> list[Example]``).
"""

from __future__ import annotations

from collections.abc import Callable

from bench.pii_eval.common import Example
from bench.pii_eval.round6 import addresses6, chats6, clean6, general6, multi6

GENERATORS: dict[str, Callable[[str], list[Example]]] = {
    "chats6": chats6.generate,
    "addresses6": addresses6.generate,
    "general6": general6.generate,
    "clean6": clean6.generate,
    "multi6": multi6.generate,
}
