"""addresses8: shipping and contact chats with addresses of eight new countries (round 8)."""

from __future__ import annotations

import json
import random
from typing import Any

from bench.pii_eval.common import Example, Private, Protected
from bench.pii_eval.round8.common8 import PHONES, phone, pool, rng
from bench.pii_eval.round8.persons8 import Names
from bench.pii_eval.round8.places8 import (
    COUNTRY_NAMES,
    COURIERS,
    RANKS,
    STREETS,
    address,
    military,
    po_box,
)
from bench.pii_eval.round8.things8 import PRODUCTS

COUNTRIES = ["EC", "BO", "GH", "TN", "JO", "IL", "TW", "CR"]


def _msg(role: str, content: str) -> dict[str, Any]:
    return {"role": role, "content": content}


class Ctx:
    def __init__(self, half: str, r: random.Random) -> None:
        self.r = r
        self.names = Names(half)
        self.streets = {k: pool(v, half, f"streets:{k}") for k, v in STREETS.items()}
        self.couriers = {k: pool(v, half, f"couriers:{k}") for k, v in COURIERS.items()}
        self.products = pool(PRODUCTS, half, "products")

    def addr(self, country: str) -> tuple[str, tuple[str, ...]]:
        return address(self.r, country, self.r.choice(self.streets[country]))

    def refs(self, country: str) -> tuple[str, str, str, str]:
        order = f"ORD-{self.r.randrange(100000, 999999)}"
        track = f"{self.r.choice(['RR', 'CP', 'LX'])}{self.r.randrange(10**8, 10**9)}{country if country != 'US' else 'US'}"
        return order, track, self.r.choice(self.couriers[country]), self.r.choice(self.products)


def _prot(order: str, track: str, courier: str, product: str) -> list[Protected]:
    return [Protected(order, "order"), Protected(track, "tracking"), Protected(courier, "courier"),
            Protected(product, "product")]  # fmt: skip


def redirect(c: Ctx, country: str) -> Example:
    p = c.names.person(c.r)
    text, parts = c.addr(country)
    order, track, courier, product = c.refs(country)
    tel = phone(c.r, country, c.r.random() < 0.5)
    user = (
        f"My {product} (order {order}) is with {courier}, tracking {track}. Please send it to:\n"
        f"{p.full}\n{text}\n{COUNTRY_NAMES[country]}\nPhone: {tel}"
    )
    return Example(
        [_msg("user", user), _msg("assistant", f"I've asked {courier} to redirect {track}.")],
        [p.item(p.full, "recipient"), Private(text, "address", country, parts), Private(tel, "phone", country)],
        _prot(order, track, courier, product),
    )  # fmt: skip


def delivery_call(c: Ctx, country: str) -> Example:
    p = c.names.person(c.r)
    text, parts = c.addr(country)
    order, track, courier, product = c.refs(country)
    args = {
        "recipient": p.full,
        "address": text.replace("\n", ", "),
        "carrier": courier,
        "item": product,
    }
    one_line = args["address"]
    msgs = [
        _msg("user", f"Ship the {product} for the solar install, order {order}."),
        {"role": "assistant", "content": None, "tool_calls": [{"id": "call_1", "type": "function",
         "function": {"name": "create_delivery", "arguments": json.dumps(args, ensure_ascii=False)}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": json.dumps({"tracking": track, "status": "label_created"})},
        _msg("assistant", f"Label created with {courier}: {track}."),
    ]  # fmt: skip
    return Example(
        msgs,
        [p.item(p.full, "tool_args"), Private(one_line, "address", country, parts)],
        _prot(order, track, courier, product),
    )


def same_number(c: Ctx, country: str) -> Example:
    p = c.names.person(c.r)
    nat = phone(c.r, country, False)
    code, trunk, _ = PHONES[country]
    intl = f"+{code} {nat[len(trunk) :]}" if trunk else f"+{code} {nat}"
    user = f"Is {nat} the same as {intl}? The museum group-tour form for {p.full} wants the international form."
    return Example(
        [
            _msg("user", user),
            _msg("assistant", "Yes: drop the leading trunk digit and add the country code."),
        ],
        [
            p.item(p.full, "third_party"),
            Private(nat, "phone", country),
            Private(intl, "phone", country),
        ],
        [],
    )


def box_switch(c: Ctx, country: str) -> Example:
    p = c.names.person(c.r)
    old, old_parts = c.addr(country)
    box, box_parts = po_box(c.r, country)
    order, track, courier, product = c.refs(country)
    user = (
        f"Vet-insurance letters for {p.full} should stop going to {old} and go to {box} instead. "
        f"Last one came by {courier} ({track}) with the {product} voucher, order {order}."
    )
    return Example(
        [_msg("user", user), _msg("assistant", "Mailing address updated to the box.")],
        [p.item(p.full, "recipient"), Private(old, "address", country, old_parts),
         Private(box, "address", country, box_parts)],
        _prot(order, track, courier, product),
    )  # fmt: skip


def care_package(c: Ctx) -> Example:
    p = c.names.person(c.r)
    text, parts = military(c.r)
    rank = c.r.choice(RANKS)
    order, track, courier, product = c.refs("US")
    user = f"Sending a care package ({product}) to:\n{rank} {p.full}\n{text}\nCan {courier} handle APO/FPO? Order {order}, tracking {track}."
    return Example(
        [
            _msg("user", user),
            _msg("assistant", "Military mail goes through USPS; the courier hands it over."),
        ],
        [p.item(p.full, "military"), Private(text, "address", "us_military", parts)],
        _prot(order, track, courier, product),
    )


def us_box(c: Ctx) -> Example:
    p = c.names.person(c.r)
    box, parts = po_box(c.r, "US")
    home, home_parts = c.addr("US")
    order, track, courier, product = c.refs("US")
    tel = phone(c.r, "US", c.r.random() < 0.5)
    user = f"Pet-sitting invoices for {p.full}: {box}. Keys to {home}. Phone {tel}. ({courier}, {track}, {product}, {order})"
    return Example(
        [_msg("user", user), _msg("assistant", "Saved: invoices to the box, keys to the street address.")],
        [p.item(p.full, "recipient"), Private(box, "address", "US", parts),
         Private(home, "address", "US", home_parts), Private(tel, "phone", "US")],
        _prot(order, track, courier, product),
    )  # fmt: skip


def generate(half: str) -> list[Example]:
    r = rng("addresses8", half)
    c = Ctx(half, r)
    shapes = [redirect, delivery_call, same_number, box_switch]
    out: list[Example] = []
    for i in range(120):
        if i % 10 == 8:
            out.append(care_package(c))
        elif i % 10 == 9:
            out.append(us_box(c))
        else:
            country = COUNTRIES[i % len(COUNTRIES)]
            out.append(shapes[(i // len(COUNTRIES)) % len(shapes)](c, country))
    return out
