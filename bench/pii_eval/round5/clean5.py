"""``clean5``: ordinary instruction data with no names at all; measures records altered.

Coding help, arithmetic, recipes scaled, log lines, SQL, unit conversions, shell. Versioned
tools are ``protected``. Numbers are even in the development half and odd in the test half,
so no record recurs across halves.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected
from bench.pii_eval.round5.common5 import bot, pool, rng, user

HALF_SIZE = 120
TOOLS = [
    "PostgreSQL 16.2",
    "Node.js 20.11.1",
    "Rust 1.76.0",
    "Go 1.22.1",
    "Terraform 1.7.4",
    "nginx 1.25.4",
    "SQLite 3.45.1",
    "Kotlin 1.9.22",
    "TypeScript 5.3.3",
    "Elasticsearch 8.12.2",
    "Grafana 10.3.3",
    "Prometheus 2.50.1",
    "pandas 2.2.1",
    "NumPy 1.26.4",
    "Vue 3.4.21",
    "Spring Boot 3.2.3",
    "PHP 8.3.3",
    "MariaDB 11.2.3",
    "RabbitMQ 3.13.0",
    "Helm 3.14.2",
]
INGREDIENTS = [
    "red lentils",
    "basmati rice",
    "chickpeas",
    "rolled oats",
    "plain flour",
    "brown sugar",
    "coconut milk",
    "frozen peas",
    "spinach",
    "butternut squash",
    "sweet potatoes",
    "feta",
]
SERVICES = [
    "billing-api",
    "search-indexer",
    "thumbnail-worker",
    "auth-gateway",
    "etl-nightly",
    "cache-warmer",
    "report-builder",
    "queue-drainer",
]


class Ctx:
    def __init__(self, half: str) -> None:
        self.r: random.Random = rng("clean5", half)
        self.parity = 0 if half == "dev" else 1
        self.tools = pool(TOOLS, half, "clean:tools")
        self.ingredients = pool(INGREDIENTS, half, "clean:ingredients")
        self.services = pool(SERVICES, half, "clean:services")

    def num(self, lo: int, hi: int) -> int:
        n = self.r.randint(lo, hi)
        return n if n % 2 == self.parity else n + 1

    def tool(self) -> Protected:
        return Protected(self.r.choice(self.tools), "tool")


def t_regex(c: Ctx) -> Example:
    n = c.num(3, 40)
    q = f"Write a Python regex that matches exactly {n} digits, nothing else."
    a = f'```python\nimport re\npattern = re.compile(r"^\\d{{{n}}}$")\n```'
    return Example([user(q), bot(a)])


def t_percent(c: Ctx) -> Example:
    price, pct = c.num(20, 900), c.r.choice((10, 15, 20, 25, 30))
    q = f"A jacket costs {price} and is {pct}% off. What do I pay?"
    a = f"{price} x {100 - pct}/100 = {price * (100 - pct) / 100:.2f}"
    return Example([user(q), bot(a)])


def t_recipe(c: Ctx) -> Example:
    grams, serves = c.num(100, 800), c.r.choice((2, 3, 4))
    item = c.r.choice(c.ingredients)
    q = f"My recipe uses {grams} g of {item} for {serves} people. How much for 6?"
    a = f"{grams} / {serves} x 6 = {grams * 6 / serves:.0f} g of {item}."
    return Example([user(q), bot(a)])


def t_log(c: Ctx) -> Example:
    svc, tool = c.r.choice(c.services), c.tool()
    code = c.num(1000, 9998)
    line = (
        f"2026-03-{c.r.randint(10, 28)}T0{c.r.randint(0, 9)}:{c.r.randint(10, 59)}:07Z "
        f"ERROR {svc} job={c.r.getrandbits(32):08x} exit={code} runtime={tool.text}"
    )
    q = f"What does this log line tell me?\n```\n{line}\n```"
    a = f"The {svc} job failed with exit code {code} while running on {tool.text}."
    return Example([user(q), bot(a)], [], [tool])


def t_sql(c: Ctx) -> Example:
    days, limit = c.num(2, 90), c.num(5, 200)
    tool = c.tool()
    q = (
        f"On {tool.text}, rewrite this to return only the newest {limit} rows:\n"
        f"SELECT id, total FROM orders WHERE created_at > now() - interval '{days} days';"
    )
    a = (
        "SELECT id, total FROM orders\n"
        f"WHERE created_at > now() - interval '{days} days'\nORDER BY created_at DESC\nLIMIT {limit};"
    )
    return Example([user(q), bot(a)], [], [tool])


def t_convert(c: Ctx) -> Example:
    n = c.num(2, 300)
    unit, other, factor = c.r.choice(
        (("km", "miles", 0.621371), ("kg", "pounds", 2.20462), ("litres", "US gallons", 0.264172))
    )
    q = f"Convert {n} {unit} to {other}."
    return Example([user(q), bot(f"{n} {unit} is about {n * factor:.1f} {other}.")])


def t_shell(c: Ctx) -> Example:
    days = c.num(2, 60)
    q = f"Shell one-liner to delete *.tmp files older than {days} days under ./cache?"
    a = f"```bash\nfind ./cache -name '*.tmp' -mtime +{days} -delete\n```"
    return Example([user(q), bot(a)])


def t_upgrade(c: Ctx) -> Example:
    tool, port = c.tool(), c.num(3000, 9998)
    q = f"After upgrading to {tool.text} the service on port {port} won't start. Where do I look first?"
    a = (
        f"Check the service logs for the first error after start-up, then the release notes of "
        f"{tool.text} for removed settings, and whether port {port} is still free."
    )
    return Example([user(q), bot(a)], [], [tool])


TEMPLATES: list[Callable[[Ctx], Example]] = [
    t_regex,
    t_percent,
    t_recipe,
    t_log,
    t_sql,
    t_convert,
    t_shell,
    t_upgrade,
]


def generate(half: str) -> list[Example]:
    c = Ctx(half)
    return [TEMPLATES[i % len(TEMPLATES)](c) for i in range(HALF_SIZE)]
