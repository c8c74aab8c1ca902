"""general8: instruction data with no private data, on names that are not people's (round 8)."""

from __future__ import annotations

import json
from typing import Any

from bench.pii_eval.common import Example, Protected
from bench.pii_eval.round8.common8 import pool, rng
from bench.pii_eval.round8.facts8 import FACTS

KIND_LABELS = {
    "public_figure": "a public figure", "fictional": "a fictional character", "brand": "a brand",
    "product": "a product", "novel": "a novel", "film": "a film", "song": "a song",
    "place": "a place", "eponym": "an eponymous term", "institution": "an institution",
}  # fmt: skip


def _msg(role: str, content: str) -> dict[str, Any]:
    return {"role": role, "content": content}


def generate(half: str) -> list[Example]:
    r = rng("general8", half)
    facts = {k: pool(v, half, f"facts:{k}") for k, v in FACTS.items()}
    kinds = sorted(facts)
    out: list[Example] = []
    for i in range(120):
        k1, k2 = kinds[i % len(kinds)], kinds[(i * 3 + 1) % len(kinds)]
        a, b = r.choice(facts[k1]), r.choice(facts[k2])
        if a == b:
            b = next(x for x in facts[k2] if x != a)
        shape = (i // len(kinds)) % 6
        if shape == 0:
            user = f"Classify each as person, character, brand, product, title, place, term or institution: {a}; {b}."
            bot = f"{a}: {KIND_LABELS[k1]}. {b}: {KIND_LABELS[k2]}."
        elif shape == 1:
            user = f"Write a pub-quiz question whose answer is {a}."
            bot = f"Question: which {KIND_LABELS[k1].split(' ', 1)[1]} is this? Answer: {a}."
        elif shape == 2:
            user = f'Translate into Spanish, keeping names as they are: "We talked about {a} and {b} all evening."'
            bot = f'"Hablamos de {a} y de {b} toda la noche."'
        elif shape == 3:
            user = f"Return JSON with the fields name and kind for {a}."
            bot = json.dumps({"name": a, "kind": k1}, ensure_ascii=False)
        elif shape == 4:
            user = f"True or false: {a} and {b} are the same kind of thing."
            bot = f"{'True' if k1 == k2 else 'False'}: {a} is {KIND_LABELS[k1]}, {b} is {KIND_LABELS[k2]}."
        else:
            user = f"Give me a three-point talk outline comparing {a} with {b}."
            bot = f"1. What {a} is. 2. What {b} is. 3. What they share."
        said = f"{user}\n{bot}"
        prot = [Protected(x, k) for x, k in ((a, k1), (b, k2)) if x in said]
        out.append(Example([_msg("user", user), _msg("assistant", bot)], [], prot))
    return out
