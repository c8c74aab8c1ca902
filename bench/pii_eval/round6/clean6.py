"""``clean6``: technical and everyday records with no names at all; measures records altered.

Versioned tools are protected. Numbers are even in the development half and odd in the test
half, so no record recurs across halves.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected
from bench.pii_eval.round6.common6 import pool, rng

N_RECORDS = 120
TOOLS = [
    "Terraform 1.7.5", "Node.js 18.19.1", "Go 1.21.9", "Rust 1.77.2", "nginx 1.24.0",
    "Ansible 9.3.0", "Kafka 3.7.0", "Grafana 10.4.1", "Prometheus 2.51.0",
    "Elasticsearch 8.13.4", "MariaDB 11.3.2", "SQLite 3.41.2", "OpenSSL 3.2.1",
    "Gradle 8.6", "Maven 3.9.6", "Vue 3.3.13", "Deno 1.41.3", "PHP 8.3.4", "Kotlin 1.9.23",
    "containerd 1.7.14",
]  # fmt: skip
INGREDIENTS = [
    "rolled oats", "red lentils", "plain flour", "brown rice", "chickpeas", "semolina",
    "buckwheat", "pearl barley", "caster sugar", "desiccated coconut",
]  # fmt: skip
SERVICES = [
    "the billing service", "the search indexer", "the nightly export job", "the upload worker",
    "the thumbnail queue", "the audit logger", "the cache warmer", "the payments webhook",
]  # fmt: skip


class Ctx:
    def __init__(self, half: str) -> None:
        self.r = rng("clean6", half)
        self.parity = 0 if half == "dev" else 1
        self.tools = pool(TOOLS, half, "clean:tools")
        self.ingredients = pool(INGREDIENTS, half, "clean:ingredients")
        self.services = pool(SERVICES, half, "clean:services")

    def n(self, lo: int, hi: int) -> int:
        """A number of this half's parity."""
        value = self.r.randint(lo, hi)
        return value if value % 2 == self.parity else value + 1

    def tool(self, ex: Example) -> str:
        value = self.r.choice(self.tools)
        ex.protected.append(Protected(value, "tool"))
        return value


def _pair(ex: Example, user: str, bot: str) -> Example:
    ex.messages = [{"role": "user", "content": user}, {"role": "assistant", "content": bot}]
    return ex


def discount(c: Ctx) -> Example:
    ex = Example([])
    price, pct = c.n(20, 400), c.n(5, 40)
    return _pair(
        ex,
        f"A jacket costs {price} euros and is {pct}% off. What do I pay?",
        f"{price} × (1 − {pct}/100) = {price * (100 - pct) / 100:.2f} euros.",
    )


def recipe(c: Ctx) -> Example:
    ex = Example([])
    grams, people, target = c.n(100, 600), c.n(2, 6), c.n(8, 14)
    item = c.r.choice(c.ingredients)
    return _pair(
        ex,
        f"A recipe for {people} uses {grams} g of {item}. How much for {target} people?",
        f"{grams} / {people} × {target} = {grams / people * target:.0f} g of {item}.",
    )


def upgrade(c: Ctx) -> Example:
    ex = Example([])
    tool = c.tool(ex)
    return _pair(
        ex,
        f"We pinned {tool} in CI {c.n(2, 30)} months ago. What should we check before upgrading?",
        f"Read the release notes after {tool}, run the test suite in a pull request that bumps the version, and check deprecation warnings in the build log.",
    )


def log_lines(c: Ctx) -> Example:
    ex = Example([])
    service = c.r.choice(c.services)
    job = f"{c.n(1000, 9999):x}{c.n(100, 999)}"
    return _pair(
        ex,
        f"What happened here?\n2026-03-{c.n(10, 28)} 04:{c.n(10, 58)}:02 ERROR job={job} timeout after {c.n(30, 120)}s\n2026-03-{c.n(10, 28)} 04:{c.n(10, 58)}:40 INFO job={job} retry 1 ok",
        f"Job {job} of {service} timed out once and succeeded on its first retry; no action needed unless it repeats.",
    )


def sql_rewrite(c: Ctx) -> Example:
    ex = Example([])
    tool = c.tool(ex)
    limit = c.n(10, 500)
    return _pair(
        ex,
        f"Rewrite without the subquery (on {tool}): SELECT * FROM orders WHERE id IN (SELECT order_id FROM refunds) LIMIT {limit};",
        f"SELECT o.* FROM orders o JOIN refunds r ON r.order_id = o.id LIMIT {limit};",
    )


def convert(c: Ctx) -> Example:
    ex = Example([])
    km = c.n(3, 250)
    return _pair(ex, f"How many miles is {km} km?", f"{km} km ≈ {km * 0.621371:.1f} miles.")


def shell(c: Ctx) -> Example:
    ex = Example([])
    days = c.n(3, 90)
    return _pair(
        ex,
        f"Shell one-liner to delete .log files older than {days} days under ./logs?",
        f"find ./logs -name '*.log' -mtime +{days} -delete",
    )


def regex(c: Ctx) -> Example:
    ex = Example([])
    digits = c.n(4, 12)
    return _pair(
        ex,
        f"Regex for an order code: two capital letters, a dash, then exactly {digits} digits.",
        f"^[A-Z]{{2}}-\\d{{{digits}}}$",
    )


def cron(c: Ctx) -> Example:
    ex = Example([])
    minute, hour = c.n(0, 58), c.n(0, 22)
    return _pair(
        ex,
        f"What does the cron line `{minute} {hour} * * 1-5` mean?",
        f"At {hour:02d}:{minute:02d} every Monday to Friday.",
    )


def interest(c: Ctx) -> Example:
    ex = Example([])
    amount, rate, years = c.n(1000, 20000), c.n(2, 8), c.n(2, 10)
    total = amount * (1 + rate / 100) ** years
    return _pair(
        ex,
        f"{amount} at {rate}% a year compounded for {years} years?",
        f"{amount} × 1.{rate:02d}^{years} ≈ {total:,.2f}.",
    )


def config(c: Ctx) -> Example:
    ex = Example([])
    tool = c.tool(ex)
    workers = c.n(2, 32)
    return _pair(
        ex,
        f"Is {workers} workers sensible for {tool} on a 4-core machine?",
        f"For {tool}, start with one worker per core and measure; {workers} is worth trying only if the work waits on I/O.",
    )


def skus(c: Ctx) -> Example:
    ex = Example([])
    a, b = c.n(100, 999), c.n(100, 999)
    return _pair(
        ex,
        f"Total of this CSV?\nsku,qty,price\nAB-{a},{c.n(1, 9)},4.{c.n(10, 98)}\nCD-{b},{c.n(1, 9)},12.{c.n(10, 98)}",
        "Multiply qty by price on each row and add the two results; I can show the working if you like.",
    )


TEMPLATES: list[Callable[[Ctx], Example]] = [
    discount, recipe, upgrade, log_lines, sql_rewrite, convert, shell, regex, cron, interest,
    config, skus,
]  # fmt: skip


def generate(half: str) -> list[Example]:
    c = Ctx(half)
    order = [TEMPLATES[i % len(TEMPLATES)] for i in range(N_RECORDS)]
    random.Random(f"r6:clean6:order:{half}").shuffle(order)
    return [make(c) for make in order]
