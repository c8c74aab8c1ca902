"""``addresses11``: beekeeping-supply orders, piano-part shipments, pickup tool calls, kiln
deliveries, PO boxes and US military mail, with addresses of 11 countries new to the rounds."""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Private, Protected, rng_for
from bench.pii_eval.round11 import places11 as places
from bench.pii_eval.round11 import things11 as things
from bench.pii_eval.round11.common11 import SEED11, digits, phone, pool
from bench.pii_eval.round11.persons11 import Cast

COUNTRIES = ["AM", "AZ", "AL", "MK", "BA", "NP", "UG", "ZM", "HN", "VE", "UZ"]


def _n(rng: random.Random, lo: int, hi: int, half: str) -> int:
    """A number whose parity says the half (box lines must not repeat across halves)."""
    n = rng.randrange(lo, hi)
    want = 0 if half == "dev" else 1
    return n if n % 2 == want else n + 1


# country: (street line, rest lines) from a street
FORMATS: dict[str, Callable[[str, random.Random], tuple[str, list[str]]]] = {
    "AM": lambda s, r: (f"{r.randrange(2, 60)} {s}, apt. {r.randrange(1, 90)}", ["Kentron", f"Yerevan 00{r.randrange(10, 99)}", "Armenia"]),
    "AZ": lambda s, r: (f"{s} {r.randrange(3, 150)}, mənzil {r.randrange(1, 80)}", [f"Baku AZ10{r.randrange(10, 99)}", "Azerbaijan"]),
    "AL": lambda s, r: (f"{s}, Pallati {r.randrange(2, 40)}, Shk. {r.randrange(1, 4)}, Ap. {r.randrange(1, 30)}", ["1001 Tiranë", "Albania"]),
    "MK": lambda s, r: (f"{s} br. {r.randrange(2, 90)}/{r.randrange(1, 20)}", ["1000 Skopje", "North Macedonia"]),
    "BA": lambda s, r: (f"{s} {r.randrange(2, 70)}, stan {r.randrange(1, 30)}", ["71000 Sarajevo", "Bosnia and Herzegovina"]),
    "NP": lambda s, r: (f"House No. {r.randrange(12, 900)}, {s}", [f"Ward No. {r.randrange(1, 32)}", "Lalitpur 44700", "Nepal"]),
    "UG": lambda s, r: (f"Plot {r.randrange(3, 120)}, {s}", ["Nakasero", "Kampala", "Uganda"]),
    "ZM": lambda s, r: (f"Plot {r.randrange(100, 9000)}, {s}", ["Rhodes Park", "Lusaka 10101", "Zambia"]),
    "HN": lambda s, r: (f"{s}, casa {r.randrange(2, 300)}", ["Colonia Palmira", "Tegucigalpa 11101", "Honduras"]),
    "VE": lambda s, r: (f"{s}, Edificio Sol, piso {r.randrange(1, 15)}, apto. {r.randrange(1, 20)}B", ["Chacao", "Caracas 1060", "Venezuela"]),
    "UZ": lambda s, r: (f"{s}, {r.randrange(2, 99)}-uy, {r.randrange(1, 80)}-xonadon", [f"Toshkent 1000{r.randrange(10, 99)}", "Uzbekistan"]),
    "US": lambda s, r: (f"{r.randrange(100, 9999)} {s}", [f"Fort Collins, CO 805{r.randrange(10, 99)}", "USA"]),
}  # fmt: skip
# country: box line maker (number, half parity)
BOXES: dict[str, Callable[[int], str]] = {
    "AM": lambda n: f"Բաժանորդային արկղ {n}",
    "AZ": lambda n: f"Poçt qutusu {n}",
    "AL": lambda n: f"Kutia Postare {n}",
    "MK": lambda n: f"П. фах {n}",
    "BA": lambda n: f"Poštanski pretinac {n}",
    "NP": lambda n: f"G.P.O. Box {n}",
    "UG": lambda n: f"P.O. Box {n}",
    "ZM": lambda n: f"P.O. Box {n}",
    "HN": lambda n: f"Apartado Postal {n}",
    "VE": lambda n: f"Apartado {n}",
    "UZ": lambda n: f"а/я {n}",
    "US": lambda n: f"PO Box {n}",
}
RANKS = ["SGT", "CPL", "LT", "CPT", "PO1", "SSgt", "ENS", "1LT"]


class Kit:
    def __init__(self, half: str) -> None:
        self.half = half
        self.cast = Cast(half)
        self.streets = {c: pool(s, half, f"streets:{c}") for c, s in places.STREETS.items()}
        self.couriers = {c: pool(s, half, f"couriers:{c}") for c, s in places.COURIERS.items()}
        self.products = pool(things.PRODUCTS, half, "products")

    def extras(self, r: random.Random, country: str) -> list[Protected]:
        return [
            Protected(r.choice(self.couriers[country]), "courier"),
            Protected(r.choice(self.products), "product"),
            Protected(f"ORD-{digits(r, 7)}", "order"),
            Protected(f"TRK{digits(r, 10)}", "tracking"),
        ]

    def address(self, r: random.Random, country: str) -> tuple[str, Private]:
        street, rest = FORMATS[country](r.choice(self.streets[country]), r)
        text = "\n".join([street, *rest])
        return text, Private(text, "address", country, (street,))

    def box(self, r: random.Random, country: str) -> tuple[str, Private]:
        line = BOXES[country](_n(r, 100, 9999, self.half))
        rest = FORMATS[country]("x", r)[1]
        text = "\n".join([line, *rest])
        return text, Private(text, "address", country, (line,))


def chat(user: str, reply: str) -> list[dict[str, object]]:
    return [{"role": "user", "content": user}, {"role": "assistant", "content": reply}]


def a_lines(k: Kit, r: random.Random, c: str) -> Example:
    p = k.cast.draw(r)
    text, addr = k.address(r, c)
    ph = Private(phone(c, r, r.random() < 0.5), "phone", c)
    ex = k.extras(r, c)
    user = f"Please ship the {ex[1].text} (order {ex[2].text}) with {ex[0].text} to:\n{p.full}\n{text}\nTel. {ph.text}"
    reply = f"Booked with {ex[0].text}; tracking {ex[3].text}."
    return Example(chat(user, reply), [p.gold(p.full, "recipient"), addr, ph], ex)


def a_tool(k: Kit, r: random.Random, c: str) -> Example:
    p = k.cast.draw(r)
    text, addr = k.address(r, c)
    one = text.replace("\n", ", ")
    addr = Private(one, "address", c, addr.parts)
    ex = k.extras(r, c)
    args = json.dumps(
        {"recipient": p.full, "address": one, "carrier": ex[0].text, "order": ex[2].text},
        ensure_ascii=False,
    )
    msgs: list[dict[str, object]] = [
        {"role": "user", "content": f"Schedule a pickup of the {ex[1].text} for order {ex[2].text}."},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "schedule_pickup", "arguments": args}}]},
        {"role": "tool", "tool_call_id": "c1", "content": json.dumps({"tracking": ex[3].text})},
        {"role": "assistant", "content": f"Pickup booked; tracking {ex[3].text}."},
    ]  # fmt: skip
    return Example(msgs, [p.gold(p.full, "recipient"), addr], ex)


def a_oneline(k: Kit, r: random.Random, c: str) -> Example:
    p = k.cast.draw(r)
    text, addr = k.address(r, c)
    one = text.replace("\n", ", ")
    ex = k.extras(r, c)
    user = f"kiln shelf for {p.full}, {one} -- {ex[0].text}, order {ex[2].text}, item {ex[1].text}. Tracking {ex[3].text} hasn't moved."
    return Example(
        chat(user, "It is waiting at the sorting hub."),
        [p.gold(p.full, "recipient"), Private(one, "address", c, addr.parts)],
        ex,
    )


def a_box(k: Kit, r: random.Random, c: str) -> Example:
    p = k.cast.draw(r)
    text, addr = k.box(r, c)
    num = phone(c, r, True)
    ph = [Private(num, "phone", c)]
    ex = k.extras(r, c)
    user = f"Send the seed catalogue and the {ex[1].text} invoice (order {ex[2].text}) by {ex[0].text} to my box:\n{p.full}\n{text}\nMobile: {num}"
    return Example(
        chat(user, f"Sent; tracking {ex[3].text}."), [p.gold(p.full, "recipient"), addr, *ph], ex
    )


def a_same(k: Kit, r: random.Random, c: str) -> Example:
    p = k.cast.draw(r)
    text, addr = k.address(r, c)
    seed = r.random()
    nat = phone(c, random.Random(seed), False)
    intl = phone(c, random.Random(seed), True)
    ex = k.extras(r, c)
    user = f"For the courier form ({ex[0].text}, {ex[1].text}, order {ex[2].text}, tracking {ex[3].text}): is {nat} the same as {intl}? Parcel to {p.full}, {text.replace(chr(10), ', ')}."
    gold = [
        p.gold(p.full, "recipient"),
        Private(text.replace("\n", ", "), "address", c, addr.parts),
        Private(nat, "phone", c),
        Private(intl, "phone", c),
    ]
    return Example(chat(user, "Yes, one is the national form and one the international."), gold, ex)


def a_military(k: Kit, r: random.Random) -> Example:
    p = k.cast.draw(r)
    rank = r.choice(RANKS)
    kind = r.randrange(3)
    if kind == 0:
        line = f"PSC {_n(r, 1000, 9999, k.half)}, Box {r.randrange(100, 999)}"
        rest = f"APO AE 09{r.randrange(100, 999)}"
    elif kind == 1:
        line = f"Unit {_n(r, 2000, 9999, k.half)} Box {r.randrange(1000, 9999)}"
        rest = f"DPO AP 96{r.randrange(200, 699)}-{digits(r, 4)}"
    else:
        line = f"CMR {_n(r, 400, 499, k.half)} Box {r.randrange(1000, 9999)}"
        rest = f"APO AE 09{r.randrange(100, 999)}"
    text = f"{line}\n{rest}"
    ex = k.extras(r, "US")
    user = f"Care package for {rank} {p.full}:\n{text}\nThe {ex[1].text} goes in too (order {ex[2].text}). Can {ex[0].text} carry it? Tracking {ex[3].text}."
    return Example(
        chat(user, "Military mail must go through the national post; use the customs form."),
        [p.gold(p.full, "recipient"), Private(text, "address", "us_military", (line,))],
        ex,
    )


SHAPES = [a_lines, a_tool, a_oneline, a_box, a_same]


def generate(half: str) -> list[Example]:
    rng = rng_for("addresses11", half, SEED11)
    kit = Kit(half)
    countries = [*COUNTRIES, "US"]
    out = []
    for i in range(120):
        if i % 10 == 9:
            out.append(a_military(kit, rng))
            continue
        country = countries[i % len(countries)]
        out.append(SHAPES[(i // len(countries)) % len(SHAPES)](kit, rng, country))
    return out
