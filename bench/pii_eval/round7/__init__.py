"""Round 7 of the PII evaluation sets: built apart from the detector and from rounds 1–6.

``GENERATORS`` maps a set's name to its generator (``generate(half) -> list[Example]``).
"""

from __future__ import annotations

from collections.abc import Callable

from bench.pii_eval.common import Example
from bench.pii_eval.round7 import addresses7, chats7, clean7, general7, multi7

GENERATORS: dict[str, Callable[[str], list[Example]]] = {
    "chats7": chats7.generate,
    "addresses7": addresses7.generate,
    "general7": general7.generate,
    "clean7": clean7.generate,
    "multi7": multi7.generate,
}
