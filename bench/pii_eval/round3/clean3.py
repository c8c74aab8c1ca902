"""Round 3 set `clean3`: ordinary instruction and chat data with no PII and no tricky names.

Coding help, maths, team e-mails without names, grammar fixes, JSON/YAML/log snippets, CSV
of products, SQL, timestamps, versions, hex ids, UUIDs, order numbers, prices, dates, units,
chemical formulas, public URLs, Title Case headings and ALL CAPS. Measures records altered;
a few technical strings are protected where natural.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected, rng_for, split_pool
from bench.pii_eval.round3.chats3 import bot, user
from bench.pii_eval.round3.people3 import SEED3

SIZE = 220

TECH = (
    "PostgreSQL 15.6", "Python 3.11.8", "Node.js 20", "Kubernetes 1.28.4", "Rust 1.75", "Go 1.22",
    "TypeScript 5.3", "Ubuntu 24.04", "Java 21", "Redis 7.2.4", "nginx 1.25", "SQLite 3.45",
    "Django 4.2 LTS", "React 18", "Terraform 1.6.6", "OpenSSL 3.2", "Debian 12", "Kafka 3.6",
    "Elasticsearch 8.12", "MySQL 8.3", "Swift 5.10", "Kotlin 1.9", "Ruby 3.3", "PHP 8.3",
)  # fmt: skip
SITES = (
    "https://docs.python.org/3/", "https://developer.mozilla.org/", "https://www.rfc-editor.org/",
    "https://www.w3.org/TR/", "https://en.wikipedia.org/wiki/Unicode", "https://pypi.org/",
    "https://www.iso.org/", "https://www.openstreetmap.org/", "https://crates.io/",
    "https://www.gnu.org/software/make/manual/",
)  # fmt: skip
ITEMS = ("USB-C cable 2 m", "Steel water bottle 750 ml", "A5 dotted notebook", "LED desk lamp",
         "Wireless mouse", "Laptop stand", "HDMI adapter", "Ceramic mug 350 ml", "Cable ties x100",
         "Screen cleaner kit", "Bamboo cutting board", "Phone tripod")  # fmt: skip
FORMULAS = ("H2SO4", "NaHCO3", "C6H12O6", "CaCO3", "KMnO4", "NH3", "CH3COOH", "Fe2O3", "NaCl")
HEADINGS = ("Quarterly Planning Notes", "Release Checklist", "How To Reset The Router",
            "Getting Started With The API", "Office Move Timeline", "Budget Review Summary",
            "Incident Report And Next Steps", "Welcome To The Onboarding Guide")  # fmt: skip


GRAMMAR = (
    ("Their going to update the docs tomorrow.", "They're going to update the docs tomorrow."),
    ("The results was better then expected.", "The results were better than expected."),
    ("Each of the servers have its own key.", "Each of the servers has its own key."),
    ("We should of tested it before.", "We should have tested it before."),
    ("Less people came to the meetup.", "Fewer people came to the meetup."),
    ("Its been a long sprint for everyone.", "It's been a long sprint for everyone."),
    ("The data is stored in it's own table.", "The data is stored in its own table."),
    ("Who's laptop is on the desk?", "Whose laptop is on the desk?"),
    ("The team have agreed on a plan, and they is ready.", "The team has agreed on a plan and is ready."),
    ("Me and the team finished the report.", "The team and I finished the report."),
)  # fmt: skip


class Ctx:
    """One record's random stream; numbers are even in the dev half and odd in the test half,
    and every word pool is split, so no record of one half can recur in the other."""

    def __init__(self, rng: random.Random, half: str) -> None:
        self.rng, self.parity = rng, 0 if half == "dev" else 1
        self.tech = split_pool(TECH, half, "r3:tech", SEED3)
        self.sites = split_pool(SITES, half, "r3:sites", SEED3)
        self.items = split_pool(ITEMS, half, "r3:items", SEED3)
        self.formulas = split_pool(FORMULAS, half, "r3:formulas", SEED3)
        self.headings = split_pool(HEADINGS, half, "r3:headings", SEED3)
        self.grammar = split_pool(GRAMMAR, half, "r3:grammar", SEED3)
        self.protected: list[Protected] = []

    def num(self, lo: int, hi: int) -> int:
        n = self.rng.randrange(lo, hi)
        return n - n % 2 + self.parity

    def t(self) -> str:
        value = self.rng.choice(self.tech)
        self.protected.append(Protected(value, "tech"))
        return value

    def hexid(self, n: int = 12) -> str:
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def ts(self) -> str:
        r = self.rng
        return (f"2026-{r.randrange(1, 13):02d}-{r.randrange(1, 29):02d}T{r.randrange(24):02d}:"
                f"{r.randrange(60):02d}:{r.randrange(60):02d}Z")  # fmt: skip

    def price(self) -> str:
        return f"{self.rng.randrange(2, 400)}.{self.num(0, 100):02d}"

    def order(self) -> str:
        return f"#{self.num(100000, 999999)}"

    def example(self, *turns: dict[str, str]) -> Example:
        return Example(list(turns), [], self.protected)


def c_code(c: Ctx) -> Example:
    n = c.num(3, 12)
    return c.example(
        user(f"Why does `range({n})` stop at {n - 1} in {c.t()}?"),
        bot(f"`range({n})` yields 0 up to {n - 1}: the stop value is excluded, so "
            f"`len(range({n}))` is {n}. It makes slicing like `xs[:{n}]` line up."),
    )  # fmt: skip


def c_math(c: Ctx) -> Example:
    a, b = c.num(12, 99), c.rng.randrange(3, 19)
    return c.example(
        user(f"What is {a} × {b}, and what is {a} divided by {b} to two decimals?"),
        bot(f"{a} × {b} = {a * b}; {a} ÷ {b} ≈ {a / b:.2f}."),
    )  # fmt: skip


def c_team_mail(c: Ctx) -> Example:
    day = c.rng.choice(("Monday", "Tuesday", "Thursday", "Friday"))
    hour = c.num(9, 17)
    return c.example(
        user(f"Write a short e-mail to the team: the deploy moves to {day} at {hour}:00 UTC "
             "because of the freeze."),
        bot(f"Subject: Deploy moved to {day}\n\nHi team,\n\nBecause of the change freeze, the "
            f"deploy now happens on {day} at {hour}:00 UTC. Nothing else changes.\n\nThanks,\n"
            "The platform team"),
    )  # fmt: skip


def c_grammar(c: Ctx) -> Example:
    pair = c.rng.choice(c.grammar)
    return c.example(user(f"Fix the grammar: {pair[0]}"), bot(pair[1]))


def c_json(c: Ctx) -> Example:
    data = {"id": c.uuid(), "created": c.ts(), "status": c.rng.choice(("queued", "done")),
            "retries": c.rng.randrange(0, 5)}  # fmt: skip
    return c.example(
        user(f"Is this JSON valid?\n{json.dumps(data)}"),
        bot(f"Yes. It has four keys; `created` is an ISO 8601 UTC timestamp ({data['created']})."),
    )  # fmt: skip


def c_yaml(c: Ctx) -> Example:
    port, replicas = c.num(3000, 9999), c.rng.randrange(2, 6)
    tech = c.t()
    yaml = f"service:\n  image: app:{c.hexid(7)}\n  port: {port}\n  replicas: {replicas}\n"
    return c.example(
        user(f"Explain this YAML for a {tech} service:\n```yaml\n{yaml}```"),
        bot(f"It runs {replicas} copies of the image tagged by commit, listening on port {port}."),
    )  # fmt: skip


def c_log(c: Ctx) -> Example:
    lines = "\n".join(
        f"{c.ts()} {c.rng.choice(('INFO', 'WARN', 'ERROR'))} worker-{c.rng.randrange(1, 9)} "
        f"job={c.hexid(8)} took {c.rng.randrange(5, 900)}ms"
        for _ in range(3)
    )
    return c.example(
        user(f"What stands out in these logs?\n```\n{lines}\n```"),
        bot("Look at the slowest job and any ERROR line first; the job ids let you find their "
            "traces."),
    )  # fmt: skip


def c_csv(c: Ctx) -> Example:
    items = c.rng.sample(c.items, 3)
    rows = "\n".join(f"SKU-{c.rng.randrange(1000, 9999)},{i},{c.price()},{c.rng.randrange(0, 300)}"
                     for i in items)  # fmt: skip
    return c.example(
        user(f"Which product has the lowest stock?\nsku,name,price_eur,stock\n{rows}"),
        bot("Sort by the stock column; the row with the smallest number is the one to reorder."),
    )  # fmt: skip


def c_sql(c: Ctx) -> Example:
    days = c.num(7, 90)
    return c.example(
        user(f"SQL for orders in the last {days} days with total above 100, on {c.t()}?"),
        bot(f"```sql\nSELECT id, total\nFROM orders\nWHERE created_at >= now() - interval "
            f"'{days} days'\n  AND total > 100\nORDER BY created_at DESC;\n```"),
    )  # fmt: skip


def c_order(c: Ctx) -> Example:
    order, price = c.order(), c.price()
    return c.example(
        user(f"Order {order} was {price} EUR but the invoice says {price} USD. Which is right?"),
        bot(f"The store charges in euros, so {price} EUR is right; the invoice currency for order "
            f"{order} will be corrected."),
    )  # fmt: skip


def c_units(c: Ctx) -> Example:
    km = c.num(3, 42)
    kg = c.rng.randrange(2, 90)
    return c.example(
        user(f"Convert {km} km to miles and {kg} kg to pounds."),
        bot(f"{km} km ≈ {km * 0.621371:.1f} mi; {kg} kg ≈ {kg * 2.20462:.1f} lb."),
    )  # fmt: skip


def c_chem(c: Ctx) -> Example:
    f = c.rng.choice(c.formulas)
    return c.example(
        user(f"How do I read the formula {f} aloud, element by element?"),
        bot(f"Read {f} element by element, saying each subscript as a count after its element."),
    )  # fmt: skip


def c_url(c: Ctx) -> Example:
    site = c.rng.choice(c.sites)
    return c.example(
        user(f"Is {site} a good place to start reading?"),
        bot(f"Yes, {site} is an official, well-maintained reference; start with its index."),
    )  # fmt: skip


def c_heading(c: Ctx) -> Example:
    h = c.rng.choice(c.headings)
    return c.example(
        user(f"Write two bullet points under the heading \"{h}\"."),
        bot(f"## {h}\n- Agree The Scope Before Friday\n- Share The Draft With Everyone Involved"),
    )  # fmt: skip


def c_caps(c: Ctx) -> Example:
    order = c.order()
    return c.example(
        user(f"WHY HAS ORDER {order} NOT SHIPPED YET??? IT HAS BEEN TEN DAYS!!!"),
        bot(f"I'm sorry for the wait. Order {order} is packed and leaves the warehouse today; "
            "you will get the tracking link by e-mail."),
    )  # fmt: skip


def c_version(c: Ctx) -> Example:
    major, minor, patch = c.num(1, 6), c.rng.randrange(0, 20), c.rng.randrange(0, 15)
    return c.example(
        user(f"Is upgrading from {major}.{minor}.{patch} to {major}.{minor + 1}.0 a breaking "
             "change under semver?"),
        bot(f"No: a minor bump ({major}.{minor} → {major}.{minor + 1}) adds features without "
            "breaking the public API. Only a major bump may break it."),
    )  # fmt: skip


def c_regex(c: Ctx) -> Example:
    hid = c.hexid(40)
    return c.example(
        user(f"Regex to match a git commit hash like {hid}?"),
        bot("`\\b[0-9a-f]{7,40}\\b` matches short and full hashes; anchor it if the whole field "
            "must be a hash."),
    )  # fmt: skip


def c_date(c: Ctx) -> Example:
    d1, d2 = c.num(1, 28), c.rng.randrange(1, 28)
    return c.example(
        user(f"How many days between 2026-03-{d1:02d} and 2026-05-{d2:02d}?"),
        bot(f"{(31 - d1) + 30 + d2} days (March has 31 days, April 30)."),
    )  # fmt: skip


def c_uuid(c: Ctx) -> Example:
    u = c.uuid()
    return c.example(
        user(f"Which UUID version is {u}?"),
        bot("Version 4: the first digit of the third group is 4, so it was made from random "
            "bits."),
    )  # fmt: skip


def c_shell(c: Ctx) -> Example:
    size = f"{c.num(10, 900)}M"
    return c.example(
        user(f"Find files bigger than {size} under the current folder."),
        bot(f"```bash\nfind . -type f -size +{size} -exec ls -lh {{}} +\n```"),
    )  # fmt: skip


TEMPLATES: tuple[Callable[[Ctx], Example], ...] = (
    c_code, c_math, c_team_mail, c_grammar, c_json, c_yaml, c_log, c_csv, c_sql, c_order,
    c_units, c_chem, c_url, c_heading, c_caps, c_version, c_regex, c_date, c_uuid, c_shell,
)  # fmt: skip


def generate(half: str) -> list[Example]:
    rng = rng_for("clean3", half, SEED3)
    return [
        TEMPLATES[i % len(TEMPLATES)](Ctx(random.Random(rng.random()), half)) for i in range(SIZE)
    ]
