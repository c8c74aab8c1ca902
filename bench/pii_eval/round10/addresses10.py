"""``addresses10``: contact and shipping chats with addresses in national formats.

Situations: magazine changes of address, ``register_warranty`` tool calls, delivery forms,
replacement parts sent on one line, membership cards to PO boxes, charity parcels to US
military mail, and return labels.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Private, Protected
from bench.pii_eval.round10.common10 import fill, phone, pool, rng10
from bench.pii_eval.round10.persons10 import People
from bench.pii_eval.round10.places10 import (
    COURIERS,
    STREETS,
    Address,
    box_address,
    military,
    street_address,
)
from bench.pii_eval.round10.things10 import PRODUCTS

COUNTRIES = ["PK", "BD", "LK", "UA", "RS", "BG", "PY", "DO", "PA", "TZ", "MN"]
RANKS = ["SPC", "SSgt", "PO1", "CPT", "SGT", "LCpl", "1stLt", "CW2"]


class Ctx:
    def __init__(self, half: str, rng: random.Random) -> None:
        self.rng, self.people = rng, People(half)
        self.parity = 0 if half == "dev" else 1
        self.streets = {c: pool(s, half, f"streets:{c}") for c, s in STREETS.items()}
        self.couriers = {c: pool(s, half, f"couriers:{c}") for c, s in COURIERS.items()}
        self.products = pool(PRODUCTS, half, "products")

    def common(self, ex: Example, country: str) -> tuple[str, str, str, str]:
        """Courier, product, order and tracking number: all protected."""
        courier = self.rng.choice(self.couriers[country])
        product = self.rng.choice(self.products)
        order, tracking = fill(self.rng, "ORD-######"), fill(self.rng, "TRK########")
        ex.protected += [
            Protected(courier, "courier"), Protected(product, "product"),
            Protected(order, "order"), Protected(tracking, "tracking"),
        ]  # fmt: skip
        return courier, product, order, tracking

    def address(self, country: str, box: bool = False) -> Address:
        street = self.rng.choice(self.streets[country])
        if box:
            return box_address(self.rng, country, street, self.parity)
        return street_address(self.rng, country, street)


def _add(ex: Example, addr: Address, sep: str, tag: str) -> str:
    text = addr.text(sep)
    ex.private.append(Private(text, "address", tag, (addr.part,)))
    return text


def _person(c: Ctx, ex: Example, tag: str = "recipient") -> str:
    p = c.people.person(c.rng)
    ex.private.append(Private(p.full, "person", tag))
    return p.full


def _phone(c: Ctx, ex: Example, country: str, intl: bool) -> str:
    text = phone(c.rng, country, intl)
    ex.private.append(Private(text, "phone", country))
    return text


def t_magazine(c: Ctx, country: str) -> Example:
    ex = Example([])
    name = _person(c, ex)
    addr = _add(ex, c.address(country), "\n", country)
    ph = _phone(c, ex, country, False)
    courier, product, order, tracking = c.common(ex, country)
    ex.messages = [
        {"role": "user", "content": f"I've moved. Please send the quarterly issue and the free {product} to:\n\n{name}\n{addr}\nTel. {ph}\n\nSubscription {order}."},
        {"role": "assistant", "content": f"Updated; the next issue goes out with {courier} ({tracking})."},
    ]  # fmt: skip
    return ex


def t_warranty(c: Ctx, country: str) -> Example:
    ex = Example([])
    name = _person(c, ex)
    addr = _add(ex, c.address(country), ", ", country)
    ph = _phone(c, ex, country, True)
    courier, product, order, tracking = c.common(ex, country)
    args = {"owner": name, "address": addr, "phone": ph, "product": product, "order": order}
    ex.messages = [
        {"role": "user", "content": f"Register the warranty for my {product} (order {order}); it came by {courier}, {tracking}."},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "call_w", "type": "function", "function": {"name": "register_warranty", "arguments": json.dumps(args, ensure_ascii=False)}}]},
        {"role": "tool", "tool_call_id": "call_w", "content": json.dumps({"registered": True, "years": 2})},
        {"role": "assistant", "content": "Registered for two years."},
    ]  # fmt: skip
    return ex


def t_form(c: Ctx, country: str) -> Example:
    ex = Example([])
    name = _person(c, ex)
    a = c.address(country)
    ex.private.append(Private(a.part, "address", country, (a.part,)))
    ph = _phone(c, ex, country, c.rng.random() < 0.5)
    courier, product, order, tracking = c.common(ex, country)
    ex.messages = [
        {"role": "user", "content": f"Check my delivery form for the {product}, order {order}:\n\nRecipient: {name}\nAddress line 1: {a.part}\nTown/City: {a.lines[-2]}\nCountry: {a.lines[-1]}\nMobile: {ph}\nCourier: {courier}"},
        {"role": "assistant", "content": f"It looks complete; the label will read {tracking}."},
    ]  # fmt: skip
    return ex


def t_one_line(c: Ctx, country: str) -> Example:
    ex = Example([])
    name = _person(c, ex)
    addr = _add(ex, c.address(country), ", ", country)
    ph = _phone(c, ex, country, True)
    courier, product, order, tracking = c.common(ex, country)
    ex.messages = [
        {"role": "user", "content": f"The replacement strap for the {product} should go to {name}, {addr}, tel {ph}. Order {order}."},
        {"role": "assistant", "content": f"Sent with {courier}; tracking {tracking}."},
    ]  # fmt: skip
    return ex


def t_box(c: Ctx, country: str) -> Example:
    ex = Example([])
    name = _person(c, ex)
    addr = _add(ex, c.address(country, box=True), "\n", country)
    courier, product, order, tracking = c.common(ex, country)
    ex.messages = [
        {"role": "user", "content": f"Please post my membership card and the {product} to my box instead:\n{name}\n{addr}\n(order {order})"},
        {"role": "assistant", "content": f"Noted; {courier} delivers to post office boxes there ({tracking})."},
    ]  # fmt: skip
    return ex


def t_military(c: Ctx, _country: str) -> Example:
    ex = Example([])
    rank = c.rng.choice(RANKS)
    name = _person(c, ex, "military_rank")
    addr = _add(ex, military(c.rng, c.parity), "\n", "us_military")
    courier, product, order, tracking = c.common(ex, "US")
    ex.messages = [
        {"role": "user", "content": f"Our charity drive is sending a {product} to {rank} {name}\n{addr}\nCan {courier} deliver there? Order {order}, tracking {tracking}."},
        {"role": "assistant", "content": "Private couriers stop at the US gateway; the postal service carries it on."},
    ]  # fmt: skip
    return ex


def t_return(c: Ctx, country: str) -> Example:
    ex = Example([])
    name = _person(c, ex, "sender")
    addr = _add(ex, c.address(country), "\n", country)
    ph = _phone(c, ex, country, c.rng.random() < 0.5)
    courier, product, order, tracking = c.common(ex, country)
    ex.messages = [
        {"role": "user", "content": f"Make a return label.\nReturn from:\n{name}\n{addr}\nPhone: {ph}\nItem: {product}, order {order}"},
        {"role": "assistant", "content": f"Label ready: {courier}, {tracking}."},
    ]  # fmt: skip
    return ex


TEMPLATES: list[Callable[[Ctx, str], Example]] = [
    t_magazine,
    t_warranty,
    t_form,
    t_one_line,
    t_box,
    t_military,
    t_return,
]


def generate(half: str) -> list[Example]:
    ctx = Ctx(half, rng10("addresses10", half))
    countries = [*COUNTRIES, "US"]
    return [TEMPLATES[i % 7](ctx, countries[i % 12]) for i in range(120)]
