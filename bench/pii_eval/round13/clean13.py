"""clean13: records with no private data: capitalised common words, headings, code, tables."""

from __future__ import annotations

from bench.pii_eval.common import Example, Protected, rng_for
from bench.pii_eval.round13 import things13
from bench.pii_eval.round13.common13 import chat, pool

HEADINGS = ["Release Notes", "Quarterly Review", "Getting Started", "Known Issues", "Road Map",
            "Weekly Digest", "Field Guide", "Style Rules"]  # fmt: skip
NOUNS = ["Invoice", "Warehouse", "Garden", "Window", "River", "Summit", "Harbour", "Bridge",
         "Lantern Festival", "Market", "Signal", "Anchor"]  # fmt: skip
CODE = [
    "def total(items):\n    return sum(i.price * i.qty for i in items)",
    "SELECT region, COUNT(*) FROM orders GROUP BY region;",
    'for f in *.csv; do wc -l "$f"; done',
    "const retry = (fn, n = 3) => fn().catch(() => n ? retry(fn, n - 1) : null);",
]


def generate(half: str) -> list[Example]:
    rng = rng_for("clean13", half)
    tools = pool(things13.TOOLS, half, "clean:tools")
    plans = [p for k, v in things13.PLANS.items() for p in pool(v, half, f"plans:{k}")]
    out = []
    for i in range(120):
        ex = Example([])
        style = i % 5
        h, n1, n2 = rng.choice(HEADINGS), rng.choice(NOUNS), rng.choice(NOUNS)
        if style == 0:
            text = f"# {h}\n\n## {n1} Updates\n\nThe {n1} Team moved the {n2} Report to page {rng.randrange(2, 900)}."
            ex.messages = chat(
                f"Proofread this:\n\n{text}", "Looks fine; consider a shorter title."
            )
        elif style == 1:
            code = rng.choice(CODE)
            ex.messages = chat(
                f"What does this do (cell {rng.randrange(10**6)})?\n\n```\n{code}\n```",
                "It sums values; rows are grouped.",
            )
        elif style == 2:
            plan = rng.choice(plans)
            ex.protected.append(Protected(plan, "plan"))
            table = (f"| Plan | Seats | Price |\n|---|---|---|\n| {plan} | {rng.randrange(2, 50)} | "
                     f"{rng.randrange(9, 99)}.00 |")  # fmt: skip
            ex.messages = chat(f"Summarise:\n\n{table}", f"The {plan} row lists seats and price.")
        elif style == 3:
            tool = rng.choice(tools)
            ex.protected.append(Protected(tool, "tool"))
            ex.messages = chat(
                f"When should the agent call {tool} (step {rng.randrange(10**5)})?",
                f"Call {tool} only after the user confirms.",
            )
        else:
            rows = "\n".join(
                f"{rng.choice(NOUNS)},{rng.randrange(100)},{rng.choice(['Open', 'Closed', 'Pending'])}"
                for _ in range(3)
            )
            ex.messages = chat(f"Sort this CSV by the second column:\n\nItem,Count,Status\n{rows}",
                               "Sorted ascending by Count.")  # fmt: skip
        out.append(ex)
    return out
