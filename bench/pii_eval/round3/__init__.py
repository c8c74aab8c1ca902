"""Round 3 of the PII evaluation sets: built apart from the detector and from rounds 1 and 2.

``GENERATORS`` maps a set's name to its generator (``generate(half) -> list[Example]``).
"""

from __future__ import annotations

from collections.abc import Callable

from bench.pii_eval.common import Example
from bench.pii_eval.round3 import addresses3, chats3, clean3, general3

GENERATORS: dict[str, Callable[[str], list[Example]]] = {
    "general3": general3.generate,
    "clean3": clean3.generate,
    "chats3": chats3.generate,
    "addresses3": addresses3.generate,
}
