"""``clean4``: ordinary instruction data (coding, maths, recipes, advice) with no names at all.

Gold ``no_private: true``; measures records altered. Versioned technical names are protected.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected
from bench.pii_eval.round4 import common4 as c4
from bench.pii_eval.round4.chats4 import _chat

INGREDIENTS = [
    "red lentils",
    "chickpeas",
    "butternut squash",
    "brown rice",
    "rolled oats",
    "spinach",
    "sweet potatoes",
    "black beans",
    "cauliflower",
    "quinoa",
    "mushrooms",
    "leeks",
    "courgettes",
    "pearl barley",
    "aubergine",
    "frozen peas",
]
TOOLS = [
    "Python 3.11.9",
    "Node.js 20",
    "PostgreSQL 15.5",
    "Go 1.21.6",
    "Rust 1.74.1",
    "OpenJDK 17.0.2",
    "TypeScript 5.3",
    "Ruby 3.2.2",
    "Redis 7.0.15",
    "Kotlin 1.8.22",
    "SQLite 3.44.2",
    "Deno 1.40",
]
TOPICS = [
    "saving for a deposit",
    "sleeping better",
    "learning to touch-type",
    "running a first 5k",
    "keeping houseplants alive",
    "reducing screen time",
    "preparing for a job interview",
    "cutting food waste",
    "studying for an exam",
    "starting a budget",
    "decluttering a wardrobe",
    "learning a language",
    "fixing a squeaky door",
    "planning a vegetable patch",
]
UNITS = [
    ("kilometres", "miles", 0.621371),
    ("kilograms", "pounds", 2.20462),
    ("litres", "US gallons", 0.264172),
    ("metres", "feet", 3.28084),
    ("celsius degrees of difference", "fahrenheit degrees", 1.8),
]


def t_code(r: random.Random, pools: dict[str, list[str]]) -> Example:
    tool, n = r.choice(pools["tools"]), r.randrange(3, 40)
    msgs = _chat(
        f"In {tool}, how do I split a list into chunks of {n} items?",
        f"Loop over the list in steps of {n} and take a slice each time; the last chunk may be shorter.",
    )
    return Example(msgs, [], [Protected(tool, "technical")])


def t_maths(r: random.Random, _pools: dict[str, list[str]]) -> Example:
    a, b = r.randrange(12, 999), r.randrange(3, 99)
    msgs = _chat(
        f"What is {a} times {b}, and is it even?",
        f"{a} × {b} = {a * b}, which is {'even' if (a * b) % 2 == 0 else 'odd'}.",
    )
    return Example(msgs)


def t_percent(r: random.Random, _pools: dict[str, list[str]]) -> Example:
    price, pct = r.randrange(20, 900), r.choice([5, 10, 12, 15, 20, 25, 30])
    msgs = _chat(
        f"A jacket costs ${price}. What does it cost after a {pct}% discount?",
        f"{pct}% of {price} is {price * pct / 100:.2f}, so it costs ${price - price * pct / 100:.2f}.",
    )
    return Example(msgs)


def t_recipe(r: random.Random, pools: dict[str, list[str]]) -> Example:
    a, b = r.sample(pools["ingredients"], 2)
    mins = r.randrange(15, 60)
    msgs = _chat(
        f"Give me a quick weeknight recipe with {a} and {b}.",
        f"Soften an onion, add {a} and {b} with stock and spices, simmer for {mins} minutes, "
        "then season and serve with bread.",
    )
    return Example(msgs)


def t_advice(r: random.Random, pools: dict[str, list[str]]) -> Example:
    topic = r.choice(pools["topics"])
    msgs = _chat(
        f"Three tips for {topic}?",
        "1. Start small and be consistent.\n2. Track progress weekly.\n3. Adjust the plan when it stops working.",
    )
    return Example(msgs)


def t_units(r: random.Random, _pools: dict[str, list[str]]) -> Example:
    src, dst, k = r.choice(UNITS)
    v = r.randrange(2, 500)
    msgs = _chat(f"Convert {v} {src} to {dst}.", f"{v} {src} is about {v * k:.1f} {dst}.")
    return Example(msgs)


def t_sql(r: random.Random, _pools: dict[str, list[str]]) -> Example:
    n = r.randrange(2, 50)
    msgs = _chat(
        f"Write SQL for orders over {n} items, newest first.",
        f"```sql\nSELECT id, created_at, item_count FROM orders\nWHERE item_count > {n}\nORDER BY created_at DESC;\n```",
    )
    return Example(msgs)


def t_log(r: random.Random, _pools: dict[str, list[str]]) -> Example:
    code, ms = r.choice([404, 429, 500, 502, 503]), r.randrange(100, 9000)
    msgs = _chat(
        f"What does this log line mean?\n`2026-03-{r.randrange(10, 28)}T0{r.randrange(1, 9)}:12:44Z GET /api/v2/items "
        f"status={code} duration_ms={ms}`",
        f"A GET request to /api/v2/items returned HTTP {code} after {ms} ms.",
    )
    return Example(msgs)


class HalfRandom(random.Random):
    """A random stream whose ``randrange`` draws even numbers in dev and odd ones in test.

    Templates are shared between the halves; the parity keeps any record from recurring.
    """

    def __init__(self, seed: str, parity: int) -> None:
        super().__init__(seed)
        self.parity = parity

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None or step != 1:
            return super().randrange(start, stop, step)
        first = start + ((self.parity - start) % 2)
        return super().randrange(first, max(stop, first + 1), 2)


TEMPLATES: list[Callable[[random.Random, dict[str, list[str]]], Example]] = [
    t_code,
    t_maths,
    t_percent,
    t_recipe,
    t_advice,
    t_units,
    t_sql,
    t_log,
]
SIZE = 120


def generate(half: str) -> list[Example]:
    r = HalfRandom(f"clean4:{half}:{c4.SEED4}", 0 if half == "dev" else 1)
    pools = {
        "ingredients": c4.pool(INGREDIENTS, half, "clean4:ingredients"),
        "tools": c4.pool(TOOLS, half, "clean4:tools"),
        "topics": c4.pool(TOPICS, half, "clean4:topics"),
    }
    return [TEMPLATES[i % len(TEMPLATES)](r, pools) for i in range(SIZE)]
