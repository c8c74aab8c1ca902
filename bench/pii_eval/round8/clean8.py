"""clean8: records with no names at all; measures records altered (round 8)."""

from __future__ import annotations

from typing import Any

from bench.pii_eval.common import Example, Protected
from bench.pii_eval.round8.common8 import pool, rng
from bench.pii_eval.round8.places8 import COURIERS
from bench.pii_eval.round8.things8 import PLANS, TOOLS


def _msg(role: str, content: str) -> dict[str, Any]:
    return {"role": role, "content": content}


def generate(half: str) -> list[Example]:
    r = rng("clean8", half)
    tools = pool(TOOLS, half, "clean:tools")
    plans = [p for k, v in PLANS.items() for p in pool(v, half, f"plans:{k}")]
    couriers = [x for k, v in COURIERS.items() for x in pool(v, half, f"couriers:{k}")]
    odd = 0 if half == "dev" else 1
    out: list[Example] = []
    for i in range(120):
        n = r.randrange(10, 500) * 2 + odd
        shape = i % 8
        prot: list[Protected] = []
        if shape == 0:
            tool = r.choice(tools)
            user = f"Why does this log line repeat?\n2026-03-0{i % 9 + 1}T04:{n % 60:02d}:11Z WARN {tool} retry {n} exceeded backoff"
            bot = "The retry counter keeps climbing because the upstream never answers; raise the timeout."
            prot = [Protected(tool, "tool")]
        elif shape == 1:
            user = f"Convert {n} litres per hour into millilitres per minute."
            bot = f"{n} L/h is {n * 1000 / 60:.1f} mL/min."
        elif shape == 2:
            plan = r.choice(plans)
            user = f"Subject line for an upgrade reminder about {plan}, under eight words."
            bot = f"Your {plan} renewal is coming up"
            prot = [Protected(plan, "plan")]
        elif shape == 3:
            courier = r.choice(couriers)
            user = f"Status: {courier} - parcel at sorting hub, {n} km from destination. What does that mean?"
            bot = "It has left the origin depot and will be routed to the local station next."
            prot = [Protected(courier, "courier")]
        elif shape == 4:
            user = f"Cron expression for every {n % 50 + 5} minutes between 08:00 and 18:00 on weekdays?"
            bot = f"*/{n % 50 + 5} 8-17 * * 1-5"
        elif shape == 5:
            user = f"Compound interest on {n}00 at 3.5% a year for 4 years?"
            bot = f"About {n * 100 * 1.035**4:.2f}."
        elif shape == 6:
            tool = r.choice(tools)
            user = f"Upgrade path from {tool} to the next minor release: anything to back up first?"
            bot = "Back up configuration and data directories, then read the release notes for breaking flags."
            prot = [Protected(tool, "tool")]
        else:
            user = f"Rewrite: SELECT * FROM permits WHERE zone = 'K' AND fee > {n} ORDER BY issued DESC;"
            bot = f"SELECT permit_id, issued, fee FROM permits WHERE zone = 'K' AND fee > {n} ORDER BY issued DESC;"
        out.append(Example([_msg("user", user), _msg("assistant", bot)], [], prot))
    return out
