"""``general10``: instruction data with no private data; every name is public or a thing."""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected
from bench.pii_eval.round10.common10 import pool, rng10
from bench.pii_eval.round10.facts10 import FACTS


def _crossword(a: str, b: str) -> tuple[str, str]:
    return (
        f"Write crossword clues for {a} and {b}.",
        f"1. {a}: see the puzzle notes.\n2. {b}: a fair clue would hint at its era.",
    )


def _limerick(a: str, b: str) -> tuple[str, str]:
    return (
        f"A limerick that mentions {a} and {b}, please.",
        f"There once was a fan of {a},\nwho argued all night about {b}...",
    )


def _yaml(a: str, b: str) -> tuple[str, str]:
    return (f"Turn these into a YAML list: {a}; {b}", f'items:\n  - "{a}"\n  - "{b}"')


def _audio_guide(a: str, b: str) -> tuple[str, str]:
    return (
        f"Draft a 30-second audio-guide line linking {a} with {b}.",
        f"Pause here. Visitors often ask how {a} relates to {b}; the answer is in the next room.",
    )


def _flashcards(a: str, b: str) -> tuple[str, str]:
    cards = [{"front": a, "back": "?"}, {"front": b, "back": "?"}]
    return (f"Make flashcards as JSON for {a} and {b}.", json.dumps(cards, ensure_ascii=False))


def _podcast(a: str, b: str) -> tuple[str, str]:
    return (
        f"Suggest podcast episode titles about {a} and {b}.",
        f"Episode 1: Why {a} still matters\nEpisode 2: Rethinking {b}",
    )


def _german(a: str, b: str) -> tuple[str, str]:
    return (
        f'Translate into German, keeping names as they are: "I read about {a} and {b}."',
        f'"Ich habe über {a} und {b} gelesen."',
    )


def _compare(a: str, b: str) -> tuple[str, str]:
    return (
        f"Compare {a} and {b} in two markdown bullets.",
        f"- **{a}**: better known abroad.\n- **{b}**: better known at home.",
    )


TASKS: list[Callable[[str, str], tuple[str, str]]] = [
    _crossword,
    _limerick,
    _yaml,
    _audio_guide,
    _flashcards,
    _podcast,
    _german,
    _compare,
]


def generate(half: str) -> list[Example]:
    rng: random.Random = rng10("general10", half)
    facts = {k: pool(v, half, f"facts:{k}") for k, v in FACTS.items()}
    kinds = sorted(facts)
    out = []
    for i in range(120):
        k1, k2 = kinds[i % len(kinds)], kinds[(i * 3 + 1) % len(kinds)]
        if k2 == k1:
            k2 = kinds[(i + 1) % len(kinds)]
        a = rng.choice(facts[k1])
        b = rng.choice([f for f in facts[k2] if f != a])
        user, assistant = TASKS[i % len(TASKS)](a, b)
        ex = Example(
            [{"role": "user", "content": user}, {"role": "assistant", "content": assistant}]
        )
        ex.protected += [Protected(a, k1), Protected(b, k2)]
        out.append(ex)
    return out
