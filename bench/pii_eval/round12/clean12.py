"""clean12: records with no private data at all, to count records a redactor alters.

Upgrade questions about versioned tools (protected), plan availability (plans protected),
arithmetic, unit conversion, code review, markdown tables with capitalised common words,
headings, SQL and regular expressions. Numbers are even in dev and odd in test.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected
from bench.pii_eval.round12 import common12, things12
from bench.pii_eval.round12.common12 import assistant, system, user

SIZE = 120


class Clean:
    def __init__(self, half: str) -> None:
        self.half = half
        self.rng: random.Random = common12.rng12("clean12", half)
        self.tools = common12.pool(things12.TOOLS, half, "clean:tools")
        self.plans = {k: common12.pool(v, half, f"plans:{k}") for k, v in things12.PLANS.items()}
        self.ex = Example([])

    def num(self, low: int, high: int) -> int:
        return common12.parity_number(self.rng, self.half, low, high)

    def tool(self) -> str:
        name = self.rng.choice(self.tools)
        self.ex.protected.append(Protected(name, "tool"))
        return name

    def plan(self) -> str:
        name = self.rng.choice(self.rng.choice(list(self.plans.values())))
        self.ex.protected.append(Protected(name, "plan"))
        return name


def upgrade(c: Clean) -> list[dict[str, object]]:
    tool = c.tool()
    return [
        user(
            f"## Upgrade Plan\n\nWe pin {tool} in CI. Build {c.num(100, 999)} failed after the bump. Where do I start?"
        ),
        assistant(
            f"Read the changelog for {tool}, then rerun the failing job with verbose logging."
        ),
    ]


def arithmetic(c: Clean) -> list[dict[str, object]]:
    a, b = c.num(12, 990), c.num(3, 99)
    return [user(f"What is {a} × {b}?"), assistant(f"{a} × {b} = {a * b}.")]


def convert(c: Clean) -> list[dict[str, object]]:
    km = c.num(2, 500)
    return [
        user(f"Convert {km} kilometres to miles, rounded to one decimal."),
        assistant(f"{km} km ≈ {km * 0.621371:.1f} miles."),
    ]


def code_review(c: Clean) -> list[dict[str, object]]:
    n = c.num(2, 64)
    code = (
        "```python\ndef chunk(items, size):\n"
        f"    return [items[i:i + size] for i in range(0, len(items), {n})]\n```"
    )
    return [
        user(f"Why does this skip elements when size is not {n}?\n\n{code}"),
        assistant(
            "The step of the range is fixed; use `size` as the step instead of the constant."
        ),
    ]


def table(c: Clean) -> list[dict[str, object]]:
    items = c.rng.sample(
        ["Hinges", "Screws", "Washers", "Dowels", "Clamps", "Brushes", "Rollers", "Hooks"], 3
    )
    rows = ["| Item | Stock | Reorder |", "|---|---|---|"]
    rows += [f"| {it} | {c.num(0, 400)} | {c.rng.choice(['Yes', 'No'])} |" for it in items]
    return [
        user("Which rows need reordering?\n\n" + "\n".join(rows)),
        assistant("Only the rows marked Yes in the Reorder column."),
    ]


def plan_question(c: Clean) -> list[dict[str, object]]:
    plan = c.plan()
    return [
        user(f"Is the {plan} still available in Week {c.num(2, 52)}, or has it sold out?"),
        assistant(f"The {plan} is still open; book early as places are limited."),
    ]


def sql(c: Clean) -> list[dict[str, object]]:
    limit = c.num(10, 500)
    return [
        system("You review SQL queries."),
        user(
            f"SELECT status, COUNT(*) FROM orders GROUP BY status ORDER BY 2 DESC LIMIT {limit};\nIs the LIMIT needed?"
        ),
        assistant(f"Only if there are more than {limit} distinct statuses, which is unlikely."),
    ]


def regex(c: Clean) -> list[dict[str, object]]:
    n = c.num(2, 20)
    return [
        user(f"What does `^[A-Z]{{{n}}}-\\d+$` match?"),
        assistant(
            f"Exactly {n} capital letters, a hyphen, then one or more digits, and nothing else."
        ),
    ]


def recipe(c: Clean) -> list[dict[str, object]]:
    grams = c.num(100, 900)
    return [
        user(
            f"### Shortbread\n\nThe Recipe uses {grams} g of Flour. How much Butter for the usual 3:2:1 ratio?"
        ),
        assistant(f"Butter is two thirds of the flour: about {grams * 2 // 3} g."),
    ]


def headings(c: Clean) -> list[dict[str, object]]:
    n = c.num(2, 30)
    return [
        user(
            f"# Release Checklist\n\n## Before Tagging\n- Run Tests\n- Update Changelog\n\nAdd a step {n} for Docs."
        ),
        assistant(
            f"## Before Tagging\n- Run Tests\n- Update Changelog\n- Step {n}: Build the Docs"
        ),
    ]


TEMPLATES: list[Callable[[Clean], list[dict[str, object]]]] = [
    upgrade, arithmetic, convert, code_review, table, plan_question, sql, regex, recipe, headings,
]  # fmt: skip


def generate(half: str) -> list[Example]:
    c = Clean(half)
    out = []
    for i in range(SIZE):
        c.ex = Example([])
        c.ex.messages = TEMPLATES[i % len(TEMPLATES)](c)
        out.append(c.ex)
    return out
