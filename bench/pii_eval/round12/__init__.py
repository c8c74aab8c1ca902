"""Round 12 of the PII evaluation sets: built apart from the detector and from rounds 1–11.

``GENERATORS`` maps a set's name to its generator (``generate(half) -> list[Example]``).
"""

from __future__ import annotations

from collections.abc import Callable

from bench.pii_eval.common import Example
from bench.pii_eval.round12 import addresses12, chats12, clean12, general12, multi12

GENERATORS: dict[str, Callable[[str], list[Example]]] = {
    "chats12": chats12.generate,
    "addresses12": addresses12.generate,
    "general12": general12.generate,
    "clean12": clean12.generate,
    "multi12": multi12.generate,
}
