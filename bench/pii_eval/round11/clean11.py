"""``clean11``: everyday technical and practical requests with no names at all."""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected, rng_for
from bench.pii_eval.round11 import places11 as places
from bench.pii_eval.round11 import things11 as things
from bench.pii_eval.round11.common11 import SEED11, pool


def _num(rng: random.Random, lo: int, hi: int, half: str) -> int:
    n = rng.randrange(lo, hi)
    return n if n % 2 == (0 if half == "dev" else 1) else n + 1


def generate(half: str) -> list[Example]:
    rng = rng_for("clean11", half, SEED11)
    tools = pool(things.TOOLS, half, "clean:tools")
    plans = {k: pool(v, half, f"plans:{k}") for k, v in things.PLANS.items()}
    couriers = {c: pool(v, half, f"couriers:{c}") for c, v in places.COURIERS.items()}
    situations, countries = sorted(plans), sorted(couriers)

    def upgrade(_: int) -> Example:
        tool = rng.choice(tools)
        return Example(
            [{"role": "user", "content": f"After upgrading to {tool}, the build takes {_num(rng, 20, 400, half)} seconds. What should I profile first?"},
             {"role": "assistant", "content": "Profile dependency resolution and the test startup first."}],
            [], [Protected(tool, "tool")],
        )  # fmt: skip

    def maths(_: int) -> Example:
        a, b = _num(rng, 12, 98, half), _num(rng, 3, 40, half)
        return Example(
            [{"role": "user", "content": f"What is {a} times {b}?"},
             {"role": "assistant", "content": f"{a} times {b} is {a * b}."}], [], [],
        )  # fmt: skip

    def plan(i: int) -> Example:
        name = rng.choice(plans[situations[i % len(situations)]])
        return Example(
            [{"role": "user", "content": f"Is the {name} still open for bookings this season?"},
             {"role": "assistant", "content": f"Yes, the {name} has {_num(rng, 2, 30, half)} places left."}],
            [], [Protected(name, "plan")],
        )  # fmt: skip

    def courier(i: int) -> Example:
        name = rng.choice(couriers[countries[i % len(countries)]])
        return Example(
            [{"role": "user", "content": f"{name} says the parcel is delayed by {_num(rng, 2, 9, half)} days. Should I wait?"},
             {"role": "assistant", "content": "Wait until the new date, then ask the sender to open a claim."}],
            [], [Protected(name, "courier")],
        )  # fmt: skip

    def recipe(_: int) -> Example:
        grams = _num(rng, 200, 900, half)
        return Example(
            [{"role": "user", "content": f"Scale a jam recipe of {grams} g fruit to half."},
             {"role": "assistant", "content": f"Use {grams // 2} g fruit and halve the sugar and lemon juice too."}], [], [],
        )  # fmt: skip

    def convert(_: int) -> Example:
        litres = _num(rng, 4, 80, half)
        return Example(
            [{"role": "user", "content": f"How many US gallons is {litres} litres?"},
             {"role": "assistant", "content": f"About {litres * 0.264:.1f} US gallons."}], [], [],
        )  # fmt: skip

    makers: list[Callable[[int], Example]] = [upgrade, maths, plan, courier, recipe, convert]
    return [makers[i % len(makers)](i) for i in range(120)]
