"""general13: instruction data full of public names and things, and no private person."""

from __future__ import annotations

from bench.pii_eval.common import Example, Protected, rng_for
from bench.pii_eval.round13.common13 import chat, pool
from bench.pii_eval.round13.facts13 import FACTS

TEMPLATES = (
    ("Write a two-line summary mentioning {a} and {b}.", "Here is a summary that links {a} with {b}."),
    ("Compare {a} with {b} for a school quiz.", "{a} and {b} differ in more ways than one; here are three."),
    ("Give me a trivia question about {a}.", "Question: what connects {a} to {b}? Answer below."),
    ("Explain {a} to a ten-year-old, then mention {b}.", "Think of {a} like a game; {b} comes next."),
    ("Draft a tweet about {a}.", "Just learned about {a} - and somehow {b} came up too."),
    ("List facts about {a} and {b}.", "1. {a} is widely known. 2. {b} is often discussed."),
)  # fmt: skip


def generate(half: str) -> list[Example]:
    rng = rng_for("general13", half)
    pools = {k: pool(v, half, f"facts:{k}") for k, v in FACTS.items()}
    kinds = sorted(pools)
    out = []
    for i in range(120):
        ka, kb = kinds[i % len(kinds)], kinds[(i * 5 + 3) % len(kinds)]
        a, b = rng.choice(pools[ka]), rng.choice(pools[kb])
        if a == b:
            b = next(x for x in pools[kb] if x != a)
        ask, answer = rng.choice(TEMPLATES)
        ex = Example(chat(ask.format(a=a, b=b), answer.format(a=a, b=b)))
        ex.protected += [Protected(a, ka), Protected(b, kb)]
        out.append(ex)
    return out
