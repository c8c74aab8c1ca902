"""``addresses6``: addresses and phones of 13 countries in their own formats, and US military mail.

Gold ``parts`` of an address: the street line (or box line), and the postcode where it points
at a handful of houses (IE Eircode, PT, AR CPA).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bench.pii_eval.common import Example, Private
from bench.pii_eval.round6.common6 import digits, phone, pool, rng
from bench.pii_eval.round6.names6 import People, add_person, protect
from bench.pii_eval.round6.places6 import (
    COUNTRY_NAMES,
    COURIERS,
    PO_BOXES,
    RANKS,
    STREETS,
    TOWNS,
)
from bench.pii_eval.round6.things6 import PRODUCTS

N_RECORDS = 120
FINE_POSTCODES = {"IE", "PT", "AR"}
LETTERS = "ACDEFHKNPRTVWXY"


@dataclass
class Address:
    lines: list[str]
    country: str
    parts: tuple[str, ...]

    def block(self, sep: str) -> str:
        return sep.join(self.lines)


def _postcode(r: random.Random, shape: str) -> str:
    return "".join(
        str(r.randint(0, 9)) if ch == "9" else r.choice(LETTERS) if ch == "A" else ch
        for ch in shape
    )


class Ctx:
    def __init__(self, half: str) -> None:
        self.r = rng("addresses6", half)
        self.people = People(half, self.r, word_share=0.2)
        self.streets = {c: pool(s, half, f"streets:{c}") for c, s in STREETS.items()}
        self.couriers = {c: pool(s, half, f"couriers:{c}") for c, s in COURIERS.items()}
        self.products = pool(PRODUCTS, half, "products")
        self.turn = 0

    def address(self, country: str, po_box: bool = False) -> Address:
        r = self.r
        city, shape = r.choice(TOWNS[country])
        # An Eircode's routing key (first three characters) names a real district: kept as is.
        pc = shape[:3] + _postcode(r, shape[3:]) if country == "IE" else _postcode(r, shape)
        if po_box:
            box = r.choice(PO_BOXES[country]).format(n=r.randint(10, 9999))
            return Address([box, self._locality(country, city, pc)], country, (box,))
        street, n = r.choice(self.streets[country]), r.randint(1, 240)
        line = {
            "IE": f"{n} {street}",
            "PT": f"{street}, {n}, {r.randint(1, 6)}.º {r.choice(['Esq.', 'Dto.'])}",
            "CZ": f"{street} {r.randint(100, 2400)}/{n}",
            "PL": f"{street} {n} m. {r.randint(1, 60)}",
            "TR": f"{street} No: {n} Daire: {r.randint(1, 20)}",
            "ZA": f"{n} {street}",
            "NZ": f"Flat {r.randint(1, 9)}, {n} {street}",
            "PH": f"Unit {r.randint(2, 30)}{r.randint(1, 9):02d}, {n} {street}",
            "AR": f"{street} {r.randint(100, 4800)}, Piso {r.randint(1, 12)} Dto. {r.choice('ABCDE')}",
            "GR": f"{street} {n}",
            "CH": f"{street} {n}",
            "IS": f"{street} {n}",
            "LT": f"{street} {n}-{r.randint(1, 80)}",
        }[country]
        parts = (line, pc) if country in FINE_POSTCODES else (line,)
        return Address([line, self._locality(country, city, pc)], country, parts)

    @staticmethod
    def _locality(country: str, city: str, pc: str) -> str:
        if country == "IE":
            return f"{city}, {pc}"
        if country in ("ZA", "NZ", "PH"):
            return f"{city} {pc}" if country != "ZA" else f"{city}, {pc}"
        return f"{pc} {city}"

    def military(self) -> Address:
        r = self.r
        kind = r.choice(["PSC", "CMR", "Unit"])
        n, box = r.randint(100, 9999), r.randint(1, 9999)
        line = f"{kind} {n}, Box {box}" if kind != "Unit" else f"Unit {n} Box {box}"
        post, region, zip_ = r.choice(
            [("APO", "AE", f"09{r.randint(0, 999):03d}"), ("FPO", "AP", f"96{r.randint(200, 699)}"),
             ("DPO", "AE", f"09{r.randint(0, 999):03d}-{digits(r, 4)}"), ("APO", "AP", f"96{r.randint(200, 699)}"),
             ("FPO", "AA", f"340{r.randint(0, 99):02d}")]
        )  # fmt: skip
        return Address([line, f"{post} {region} {zip_}"], "us_military", (line,))

    def add_address(self, ex: Example, a: Address, text: str) -> None:
        ex.private.append(Private(text, "address", a.country, parts=a.parts))

    def courier(self, ex: Example, country: str) -> str:
        value = self.r.choice(self.couriers[country])
        protect(ex, value, "courier")
        return value

    def product(self, ex: Example) -> str:
        value = self.r.choice(self.products)
        protect(ex, value, "product")
        return value

    def order(self, ex: Example) -> str:
        value = f"{self.r.choice(['ORD', 'SO', 'WEB'])}-{self.r.randint(100000, 999999)}"
        protect(ex, value, "order")
        return value

    def phone(self, ex: Example, country: str, form: int | None = None) -> str:
        forms = phone(self.r, country)
        value = forms[self.r.randint(0, 1) if form is None else form]
        ex.private.append(Private(value, "phone", country))
        return value

    def country(self) -> str:
        """The countries in turn, so every half holds each of them."""
        self.turn += 1
        return sorted(STREETS)[self.turn % len(STREETS)]


def _msg(role: str, text: str | None) -> dict[str, Any]:
    return {"role": role, "content": text}


def redirect(c: Ctx) -> Example:
    ex = Example([])
    country = c.country()
    p, a = c.people.person(), c.address(country)
    order, product, courier = c.order(ex), c.product(ex), c.courier(ex, country)
    block = a.block("\n")
    ex.messages = [
        _msg(
            "user",
            f"Please redirect order {order} ({product}) before {courier} collects it. New address:\n{p.full}\n{block}\n{COUNTRY_NAMES[country]}",
        ),
        _msg("assistant", f"Done: order {order} will go with {courier} to the new address."),
    ]
    add_person(ex, p.full, p, "recipient")
    c.add_address(ex, a, block)
    return ex


def shipment_tool(c: Ctx) -> Example:
    ex = Example([])
    country = c.country()
    p, a = c.people.person(), c.address(country)
    courier, product = c.courier(ex, country), c.product(ex)
    one_line = a.block(", ")
    tracking = f"{c.r.choice(['TRK', 'SHP'])}{c.r.randint(10**9, 10**10 - 1)}"
    protect(ex, tracking, "tracking")
    args = {
        "recipient": p.full,
        "address": one_line,
        "country": country,
        "carrier": courier,
        "item": product,
    }
    ex.messages = [
        _msg("user", f"Ship the {product} to {p.given} with {courier}, please."),
        {"role": "assistant", "content": None, "tool_calls": [{"id": "call_ship", "type": "function", "function": {"name": "create_shipment", "arguments": json.dumps(args, ensure_ascii=False)}}]},
        {"role": "tool", "tool_call_id": "call_ship", "content": json.dumps({"tracking": tracking, "status": "label created"})},
        _msg("assistant", f"Label created with {courier}, tracking {tracking}."),
    ]  # fmt: skip
    add_person(ex, p.full, p, "tool_args")
    add_person(ex, p.given, p, "first_later")
    c.add_address(ex, a, one_line)
    return ex


def label(c: Ctx) -> Example:
    ex = Example([])
    country = c.country()
    p, a = c.people.person(), c.address(country)
    courier, order = c.courier(ex, country), c.order(ex)
    tel = c.phone(ex, country)
    block = a.block("\n")
    ex.messages = [
        _msg(
            "user",
            f"Check this label before I print it:\n\nSHIP TO:\n{p.full.upper()}\n{block}\n{COUNTRY_NAMES[country].upper()}\nTel: {tel}\nCarrier: {courier}\nRef: {order}",
        ),
        _msg(
            "assistant",
            f"The label looks complete: recipient, address, phone, carrier {courier} and reference {order}.",
        ),
    ]
    add_person(ex, p.full.upper(), p, "label")
    c.add_address(ex, a, block)
    return ex


def po_box(c: Ctx) -> Example:
    ex = Example([])
    country = c.country()
    p, a = c.people.person(), c.address(country, po_box=True)
    courier, order = c.courier(ex, country), c.order(ex)
    block = a.block(", ")
    ex.messages = [
        _msg(
            "user",
            f"I'm never home in the day. Can {courier} deliver order {order} to my box instead? {block}. It's under {p.full}.",
        ),
        _msg("assistant", f"{courier} can deliver to post-office boxes; order {order} is updated."),
    ]
    add_person(ex, p.full, p, "po_box")
    c.add_address(ex, a, block)
    return ex


def same_number(c: Ctx) -> Example:
    ex = Example([])
    country = c.country()
    p, a = c.people.person(), c.address(country)
    national, international = phone(c.r, country)
    courier = c.courier(ex, country)
    block = a.block(", ")
    ex.messages = [
        _msg(
            "user",
            f"{courier} asks for a phone for delivery to {block}. Is {national} the same as {international}?",
        ),
        _msg(
            "assistant",
            f"Yes, {international} is {national} written with the country code; give {courier} the international form.",
        ),
        _msg("user", f"Thanks. The parcel is for {p.full}."),
    ]
    ex.private += [Private(national, "phone", country), Private(international, "phone", country)]
    add_person(ex, p.full, p, "recipient")
    c.add_address(ex, a, block)
    return ex


def military(c: Ctx) -> Example:
    ex = Example([])
    p, a = c.people.person(), c.military()
    rank = c.r.choice(RANKS)
    courier, product = c.courier(ex, "us_military"), c.product(ex)
    block = a.block("\n")
    ex.messages = [
        _msg(
            "user",
            f"Care package with a {product} for my son overseas. How should I write it for {courier}?\n{rank} {p.full}\n{block}",
        ),
        _msg(
            "assistant",
            f"Write it exactly like that, with no city or country; {courier} routes it through the military post office.",
        ),
    ]
    add_person(ex, p.full, p, "military")
    c.add_address(ex, a, block)
    return ex


def contact_form(c: Ctx) -> Example:
    ex = Example([])
    country = c.country()
    p, a = c.people.person(), c.address(country)
    tel = c.phone(ex, country)
    courier = c.courier(ex, country)
    one_line = a.block(", ")
    ex.messages = [
        _msg(
            "user",
            f"Form submission: Name: {p.full} | Address: {one_line} | Phone: {tel} | Preferred courier: {courier}. Please file it.",
        ),
        _msg("assistant", f"Filed. Deliveries will be booked with {courier}."),
    ]
    add_person(ex, p.full, p, "form")
    c.add_address(ex, a, one_line)
    return ex


def written_by_assistant(c: Ctx) -> Example:
    ex = Example([])
    country = c.country()
    p, a = c.people.person(), c.address(country)
    courier, product, order = c.courier(ex, country), c.product(ex), c.order(ex)
    block = a.block("\n")
    ex.messages = [
        _msg("user", f"Where is the {product} from order {order} going?"),
        _msg("assistant", f"Order {order} ships with {courier} to:\n{p.full}\n{block}"),
    ]
    add_person(ex, p.full, p, "recipient")
    c.add_address(ex, a, block)
    return ex


TEMPLATES: list[Callable[[Ctx], Example]] = [
    redirect, shipment_tool, label, po_box, same_number, military, contact_form,
    written_by_assistant,
]  # fmt: skip


def generate(half: str) -> list[Example]:
    c = Ctx(half)
    order = [TEMPLATES[i % len(TEMPLATES)] for i in range(N_RECORDS)]
    random.Random(f"r6:addresses6:order:{half}").shuffle(order)
    return [make(c) for make in order]
