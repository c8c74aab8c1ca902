"""``clean10``: records with no names at all; tools, plans and couriers are protected.

Numbers are even in the development half and odd in the test half.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected
from bench.pii_eval.round10.common10 import pool, rng10
from bench.pii_eval.round10.places10 import COURIERS
from bench.pii_eval.round10.things10 import PLANS, TOOLS


class Ctx:
    def __init__(self, half: str) -> None:
        self.rng: random.Random = rng10("clean10", half)
        self.parity = 0 if half == "dev" else 1
        self.tools = pool(TOOLS, half, "clean:tools")
        self.plans = [p for k, v in PLANS.items() for p in pool(v, half, f"plans:{k}")]
        self.couriers = [x for k, v in COURIERS.items() for x in pool(v, half, f"couriers:{k}")]

    def n(self, lo: int, hi: int) -> int:
        value = self.rng.randrange(lo, hi)
        return value if value % 2 == self.parity else value + 1

    def take(self, ex: Example, kind: str) -> str:
        items = {"tool": self.tools, "plan": self.plans, "courier": self.couriers}[kind]
        text = self.rng.choice(items)
        ex.protected.append(Protected(text, kind))
        return text


def _ex(user: str, assistant: str) -> Example:
    return Example([{"role": "user", "content": user}, {"role": "assistant", "content": assistant}])


def t_log(c: Ctx) -> Example:
    ex = _ex("", "")
    tool = c.take(ex, "tool")
    line = f"2026-03-{c.n(10, 28)}T04:{c.n(10, 58)}:00Z WARN {tool} evicted {c.n(100, 900)} keys (maxmemory reached)"
    ex.messages = _ex(
        f"What does this log line mean?\n{line}",
        "The memory limit was hit, so older keys were dropped to make room.",
    ).messages
    return ex


def t_config(c: Ctx) -> Example:
    ex = _ex("", "")
    tool = c.take(ex, "tool")
    ex.messages = _ex(
        f"Is this valid YAML for {tool}?\n\nworkers: {c.n(2, 16)}\ntimeout_s: {c.n(10, 90)}\nretries: {c.n(2, 8)}",
        "Yes; the keys are plain scalars and the indentation is consistent.",
    ).messages
    return ex


def t_maths(c: Ctx) -> Example:
    a, b = c.n(12, 98), c.n(12, 98)
    return _ex(f"What is {a} × {b}?", f"{a} × {b} = {a * b}.")


def t_sql(c: Ctx) -> Example:
    limit = c.n(10, 200)
    return _ex(
        f"Rewrite without a subquery: SELECT * FROM orders WHERE id IN (SELECT order_id FROM refunds) LIMIT {limit};",
        f"SELECT o.* FROM orders o JOIN refunds r ON r.order_id = o.id LIMIT {limit};",
    )


def t_status(c: Ctx) -> Example:
    ex = _ex("", "")
    plan = c.take(ex, "plan")
    ex.messages = _ex(
        f'Shorten this status update: "Sign-ups for the {plan} are paused for {c.n(2, 30)} days while we move to the new booking system."',
        f"{plan}: sign-ups paused during the booking-system move.",
    ).messages
    return ex


def t_courier(c: Ctx) -> Example:
    ex = _ex("", "")
    courier = c.take(ex, "courier")
    ex.messages = _ex(
        f"Write a notice: {courier} deliveries are running {c.n(2, 48)} hours late this week.",
        f"Please note: {courier} deliveries are delayed this week. We apologise for the wait.",
    ).messages
    return ex


def t_recipe(c: Ctx) -> Example:
    flour, water = c.n(200, 900), c.n(100, 600)
    return _ex(
        f"Halve this bread dough: {flour} g flour, {water} ml water, 10 g salt, 6 g yeast.",
        f"{flour / 2:g} g flour, {water / 2:g} ml water, 5 g salt, 3 g yeast.",
    )


def t_schedule(c: Ctx) -> Example:
    start = c.n(6, 10)
    return _ex(
        f"Turn into a table: early shift {start:02d}:00-{start + 8:02d}:00, late shift {start + 8:02d}:00-{start + 16:02d}:00.",
        f"| shift | from | to |\n|---|---|---|\n| early | {start:02d}:00 | {start + 8:02d}:00 |\n| late | {start + 8:02d}:00 | {start + 16:02d}:00 |",
    )


def t_upgrade(c: Ctx) -> Example:
    ex = _ex("", "")
    tool = c.take(ex, "tool")
    ex.messages = _ex(
        f"We run {tool} on {c.n(2, 40)} servers. Safe to upgrade one minor version?",
        "Read the changelog, upgrade a staging server first, then roll out gradually.",
    ).messages
    return ex


def t_units(c: Ctx) -> Example:
    km = c.n(2, 400)
    return _ex(f"Convert {km} km to miles.", f"{km} km is about {km * 0.621371:.1f} miles.")


TEMPLATES: list[Callable[[Ctx], Example]] = [
    t_log,
    t_config,
    t_maths,
    t_sql,
    t_status,
    t_courier,
    t_recipe,
    t_schedule,
    t_upgrade,
    t_units,
]


def generate(half: str) -> list[Example]:
    ctx = Ctx(half)
    return [TEMPLATES[i % len(TEMPLATES)](ctx) for i in range(120)]
