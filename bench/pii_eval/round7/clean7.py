"""clean7: ordinary business and technical text with no names at all; measures alteration.

Numbers are even in dev and odd in test, so no record recurs across halves. Versioned tools,
plan names and couriers are protected where they occur.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected
from bench.pii_eval.round7.common7 import assistant, pool, rng, user
from bench.pii_eval.round7.places7 import COURIERS
from bench.pii_eval.round7.things7 import PLANS, TOOLS

INGREDIENTS = [
    "plain flour", "rolled oats", "brown sugar", "unsalted butter", "whole milk", "cocoa powder",
    "chickpeas", "red lentils", "coconut milk", "grated ginger", "lemon zest", "baking soda",
]  # fmt: skip


class Ctx:
    def __init__(self, half: str, r: random.Random) -> None:
        self.r = r
        self.half = half
        self.tools = pool(TOOLS, half, "clean:tools")
        self.ingredients = pool(INGREDIENTS, half, "clean:ingredients")
        self.plans = [p for k, v in PLANS.items() for p in pool(v, half, f"plans:{k}")]
        self.couriers = [
            x for k, v in COURIERS.items() if k != "US" for x in pool(v, half, f"couriers:{k}")
        ]

    def n(self, i: int, lo: int = 2) -> int:
        return lo + 2 * (i + self.r.randint(0, 40)) + (0 if self.half == "dev" else 1)

    def protect(self, ex: Example, text: str, kind: str) -> str:
        ex.protected.append(Protected(text, kind))
        return text


def log_lines(c: Ctx, i: int) -> Example:
    n = c.n(i)
    lines = [
        f"2026-03-{(n % 27) + 1:02d} 04:{n % 60:02d}:12 INFO worker-{n % 7} finished batch {n * 37:x} in {n * 3} ms",
        f"2026-03-{(n % 27) + 1:02d} 04:{(n + 1) % 60:02d}:40 ERROR worker-{n % 5} timeout after {n} s on queue ingest",
        f"2026-03-{(n % 27) + 1:02d} 04:{(n + 2) % 60:02d}:03 WARN retrying job {n * 11:x} (attempt 2 of 3)",
    ]
    return Example(
        [
            user("How many errors are in this log?\n" + "\n".join(lines)),
            assistant("One ERROR line: a timeout on the ingest queue."),
        ]
    )


def sku_table(c: Ctx, i: int) -> Example:
    n = c.n(i)
    rows = [("SKU-" + str(1000 + n), 4, n + 0.5), ("SKU-" + str(2000 + n), 2, n * 2 + 0.25)]
    total = sum(q * p for _, q, p in rows)
    table = "sku,qty,unit_price\n" + "\n".join(f"{s},{q},{p:.2f}" for s, q, p in rows)
    return Example(
        [user(f"What is the order total?\n{table}"), assistant(f"The total is {total:.2f}.")]
    )


def recipe(c: Ctx, i: int) -> Example:
    n = c.n(i)
    a, b = c.r.sample(c.ingredients, 2)
    return Example([
        user(f"Scale this from 4 to {n} servings: 300 g {a}, 2 eggs, 150 g {b}, a pinch of salt."),
        assistant(f"For {n} servings: {300 * n / 4:g} g {a}, {2 * n / 4:g} eggs, {150 * n / 4:g} g {b}, salt to taste."),
    ])  # fmt: skip


def code_fix(c: Ctx, i: int) -> Example:
    n = c.n(i)
    return Example([
        user(f"This should return the first {n} even numbers but returns one too few:\n\ndef evens(k):\n    return [2 * j for j in range(1, k)]"),
        assistant("range(1, k) stops at k - 1. Use range(k) to start at 0, or range(1, k + 1) to start at 2."),
    ])  # fmt: skip


def rota(c: Ctx, i: int) -> Example:
    n = c.n(i, 6)
    start = n % 10 + 6
    text = "\n".join(
        f"{d}: {start:02d}:00-{start + 8:02d}:00 team {t}"
        for d, t in zip(["Mon", "Tue", "Wed", "Thu"], "ABAB", strict=True)
    )
    return Example(
        [
            user(f"How many hours does team A work in this rota?\n{text}"),
            assistant("Team A works two 8-hour shifts: 16 hours."),
        ]
    )


def subject_line(c: Ctx, i: int) -> Example:
    ex = Example([])
    plan = c.protect(ex, c.r.choice(c.plans), "plan")
    n = c.n(i)
    ex.messages = [
        user(
            f"Rewrite this e-mail subject so it is shorter: 'Reminder: your {plan} subscription renews in {n} days, no action needed'"
        ),
        assistant(f"{plan} renews in {n} days"),
    ]
    return ex


def courier_update(c: Ctx, i: int) -> Example:
    ex = Example([])
    courier = c.protect(ex, c.r.choice(c.couriers), "courier")
    n = c.n(i)
    ex.messages = [
        user(
            f"What does this mean? '{courier}: parcel CP{n:08d} arrived at sorting hub {n % 9 + 1}, next scan by 18:00'"
        ),
        assistant(
            f"{courier} has the parcel at a sorting hub; it should be scanned again before 6 pm, usually when it leaves for delivery."
        ),
    ]
    return ex


def upgrade(c: Ctx, i: int) -> Example:
    ex = Example([])
    tool = c.protect(ex, c.r.choice(c.tools), "tool")
    n = c.n(i)
    ex.messages = [
        user(f"We run {n} services in production. Is upgrading to {tool} in one go a good idea?"),
        assistant(
            f"Upgrade a canary first, read the release notes for {tool}, then roll out in batches of {max(1, n // 4)}."
        ),
    ]
    return ex


def cron(c: Ctx, i: int) -> Example:
    n = c.n(i)
    minute = n % 60
    return Example(
        [
            user(f"Explain this cron line: {minute} 2 * * 1-5 /usr/local/bin/backup.sh"),
            assistant(f"It runs backup.sh at 02:{minute:02d} on weekdays."),
        ]
    )


def interest(c: Ctx, i: int) -> Example:
    n = c.n(i, 100)
    value = n * 1000 * 1.03**5
    return Example(
        [
            user(f"What is {n * 1000} after 5 years at 3% compounded yearly?"),
            assistant(f"About {value:,.2f}."),
        ]
    )


def sql_rewrite(c: Ctx, i: int) -> Example:
    n = c.n(i)
    return Example([
        user(f"Rewrite without the subquery: SELECT * FROM orders WHERE id IN (SELECT order_id FROM refunds WHERE amount > {n});"),
        assistant(f"SELECT DISTINCT o.* FROM orders o JOIN refunds r ON r.order_id = o.id WHERE r.amount > {n};"),
    ])  # fmt: skip


def convert(c: Ctx, i: int) -> Example:
    n = c.n(i)
    return Example(
        [user(f"Convert {n} km to miles."), assistant(f"{n} km is about {n * 0.621371:.2f} miles.")]
    )


TEMPLATES: list[Callable[[Ctx, int], Example]] = [
    log_lines, sku_table, recipe, code_fix, rota, subject_line, courier_update, upgrade, cron,
    interest, sql_rewrite, convert,
]  # fmt: skip


def generate(half: str) -> list[Example]:
    r = rng("clean7", half)
    c = Ctx(half, r)
    return [TEMPLATES[i % len(TEMPLATES)](c, i) for i in range(120)]
