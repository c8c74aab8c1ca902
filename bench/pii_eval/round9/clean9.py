"""`clean9`: records with no names at all (logs, configs, maths, SQL, status updates…).

Versioned tools, plan names and couriers are protected; measures records altered. Numbers are
even in dev and odd in test, so no record recurs.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected
from bench.pii_eval.round9.common9 import assistant, example, pool, rng9, user
from bench.pii_eval.round9.places9 import COURIERS
from bench.pii_eval.round9.things9 import PLANS, TOOLS

SIZE = 120


class Ctx:
    def __init__(self, half: str) -> None:
        self.rng: random.Random = rng9("clean9", half)
        self.odd = half == "test"
        self.tools = pool(TOOLS, half, "clean:tools")
        self.plans = [p for k, v in sorted(PLANS.items()) for p in pool(v, half, f"plans:{k}")]
        self.couriers = [
            p for k, v in sorted(COURIERS.items()) for p in pool(v, half, f"couriers:{k}")
        ]

    def num(self, lo: int, hi: int) -> int:
        n = self.rng.randrange(lo, hi)
        return n | 1 if self.odd else n & ~1


def t_log(c: Ctx) -> Example:
    tool = c.rng.choice(c.tools)
    ms, code = c.num(10, 900), c.rng.choice([200, 204, 304, 429, 500])
    line = f"2026-11-{c.num(10, 28):02d}T08:{c.num(10, 59):02d}:00Z level=warn svc=api upstream={tool} status={code} latency_ms={ms}"
    msgs = [user(f"What does this log line tell me?\n{line}"),
            assistant(f"A request through {tool} returned {code} after {ms} ms; check the upstream if it repeats.")]  # fmt: skip
    return example(msgs, [], [Protected(tool, "tool")])


def t_config(c: Ctx) -> Example:
    tool = c.rng.choice(c.tools)
    port, workers = c.num(3000, 9000), c.num(2, 32)
    cfg = f"# runtime: {tool}\nlisten: 0.0.0.0:{port}\nworkers: {workers}\ntimeout_s: {c.num(10, 120)}"
    msgs = [user(f"Is this config valid YAML?\n{cfg}"),
            assistant(f"Yes. It listens on port {port} with {workers} workers; the comment names {tool}.")]  # fmt: skip
    return example(msgs, [], [Protected(tool, "tool")])


def t_maths(c: Ctx) -> Example:
    a, b = c.num(12, 400), c.num(2, 40)
    msgs = [user(f"What is {a} multiplied by {b}, and what is {a} divided by {b} to two decimals?"),
            assistant(f"{a} x {b} = {a * b}; {a} / {b} = {a / b:.2f}.")]  # fmt: skip
    return example(msgs, [], [])


def t_sql(c: Ctx) -> Example:
    days, limit = c.num(2, 60), c.num(10, 200)
    msgs = [user(f"Rewrite without a subquery: SELECT * FROM orders WHERE id IN (SELECT order_id FROM refunds WHERE age_days < {days}) LIMIT {limit};"),
            assistant(f"SELECT o.* FROM orders o JOIN refunds r ON r.order_id = o.id WHERE r.age_days < {days} LIMIT {limit};")]  # fmt: skip
    return example(msgs, [], [])


def t_plan_status(c: Ctx) -> Example:
    plan = c.rng.choice(c.plans)
    n = c.num(2, 90)
    msgs = [user(f"Status update: {n} members renewed the {plan} this week. Turn it into a one-line headline."),
            assistant(f"{plan} renewals: {n} this week.")]  # fmt: skip
    return example(msgs, [], [Protected(plan, "plan")])


def t_courier(c: Ctx) -> Example:
    courier = c.rng.choice(c.couriers)
    n, h = c.num(2, 60), c.num(2, 48)
    msgs = [user(f"{courier} says {n} parcels are delayed by {h} hours. Draft a short notice for the website."),
            assistant(f"Heads up: {n} parcels with {courier} are running about {h} hours late. Thanks for your patience.")]  # fmt: skip
    return example(msgs, [], [Protected(courier, "courier")])


def t_cron(c: Ctx) -> Example:
    m, h = c.num(0, 59), c.num(0, 23)
    msgs = [user(f"Explain this cron line: {m} {h} * * 1-5 /usr/local/bin/backup.sh"),
            assistant(f"It runs backup.sh at {h:02d}:{m:02d} from Monday to Friday.")]  # fmt: skip
    return example(msgs, [], [])


def t_upgrade(c: Ctx) -> Example:
    tool = c.rng.choice(c.tools)
    msgs = [user(f"We pin {tool} in CI. Any reason not to upgrade the pin every month?"),
            assistant(f"Monthly is fine if the test suite is good; read the changelog before moving past {tool}.")]  # fmt: skip
    return example(msgs, [], [Protected(tool, "tool")])


def t_units(c: Ctx) -> Example:
    km = c.num(4, 300)
    msgs = [
        user(f"Convert {km} km to miles."),
        assistant(f"{km} km is about {km * 0.621371:.1f} miles."),
    ]
    return example(msgs, [], [])


def t_interest(c: Ctx) -> Example:
    p, r, y = c.num(1000, 20000), c.num(2, 8), c.num(2, 12)
    msgs = [user(f"Compound interest on {p} at {r}% a year for {y} years?"),
            assistant(f"{p} x 1.{r:02d}^{y} = {p * (1 + r / 100) ** y:.2f}.")]  # fmt: skip
    return example(msgs, [], [])


TEMPLATES: list[Callable[[Ctx], Example]] = [
    t_log, t_config, t_maths, t_sql, t_plan_status, t_courier, t_cron, t_upgrade, t_units, t_interest,
]  # fmt: skip


def generate(half: str) -> list[Example]:
    c = Ctx(half)
    return [TEMPLATES[i % len(TEMPLATES)](c) for i in range(SIZE)]
