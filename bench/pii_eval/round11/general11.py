"""``general11``: instruction data about names that are not private people (no private data)."""

from __future__ import annotations

from bench.pii_eval.common import Example, Protected, rng_for
from bench.pii_eval.round11.common11 import SEED11, pool
from bench.pii_eval.round11.facts11 import FACTS

TASKS = [
    "Write a two-line riddle whose answer is {a}; mention {b} as a red herring.",
    "Make a pub-quiz question about {a}, with {b} as a wrong option.",
    "Give a haiku that names {a} and {b}.",
    'Return a TOML table with keys `first = "{a}"` and `second = "{b}"`, nothing else.',
    "Write a museum placard sentence linking {a} and {b}.",
    "Suggest a bell-ringing method name inspired by {a}, and one by {b}.",
    "Translate into Dutch, keeping names as they are: 'I read about {a} and then about {b}.'",
    "In one sentence each, say why {a} and {b} are famous.",
]
REPLIES = [
    "Here you go: {a} first, then {b}.",
    "Done — {a} and {b} are both kept exactly as written.",
    "Sure. {a}; and {b}.",
]


def generate(half: str) -> list[Example]:
    rng = rng_for("general11", half, SEED11)
    facts = {k: pool(v, half, f"facts:{k}") for k, v in FACTS.items()}
    kinds = sorted(facts)
    out = []
    for i in range(120):
        ka, kb = kinds[i % len(kinds)], kinds[(i * 7 + 3) % len(kinds)]
        a, b = rng.choice(facts[ka]), rng.choice(facts[kb])
        while b == a:
            b = rng.choice(facts[kb])
        task = TASKS[i % len(TASKS)].format(a=a, b=b)
        reply = rng.choice(REPLIES).format(a=a, b=b)
        msgs = [{"role": "user", "content": task}, {"role": "assistant", "content": reply}]
        out.append(Example(msgs, [], [Protected(a, ka), Protected(b, kb)]))
    return out
