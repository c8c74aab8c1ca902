"""Round 3 set `addresses3`: addresses and phones of 11 countries, military mail and PO boxes.

Countries: AT, CH, BE, PT, CZ, AR, CO, PH, EG, NZ (none of them in rounds 1 and 2) and US.
Couriers and tracking numbers (UPU S10 with a valid check digit, and carrier shapes) are
protected and written right next to the address block.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from typing import Any

from bench.pii_eval.common import Example, Private, Protected, rng_for, split_pool
from bench.pii_eval.round3 import ids3
from bench.pii_eval.round3.chats3 import COURIERS, PRODUCTS, bot, tool_call, tool_result, user
from bench.pii_eval.round3.people3 import SEED3, People, Person
from bench.pii_eval.round3.places3 import (
    COUNTRIES,
    PO_BOXES,
    address,
    military,
    po_box,
    streets_for,
)

SIZE = 176
# The culture a recipient's name is drawn from, per country.
CULTURE_OF = {
    "AT": "german", "CH": "french", "BE": "french", "PT": "portuguese", "CZ": "czech",
    "AR": "mexican", "CO": "mexican", "PH": "filipino", "EG": "egyptian", "NZ": "maori",
    "US": "us",
}  # fmt: skip
RANKS = ("SSgt", "Capt.", "SPC", "Lt.", "PO2", "MSgt", "CPT")
# National posts: each is used in one half only (the other half uses a courier of its pool).
POSTS = {
    "AT": "Österreichische Post", "CH": "Swiss Post", "BE": "De Post", "PT": "CTT Correios",
    "CZ": "Česká pošta", "AR": "Correo Argentino", "CO": "4-72", "PH": "PHLPost",
    "EG": "Egypt Post", "NZ": "NZ Post",
}  # fmt: skip
MILITARY_MAIL = ("USPS Retail Ground", "USPS Ground Advantage", "USPS Certified Mail",
                 "USPS Media Mail")  # fmt: skip


def s10(rng: random.Random, country: str) -> str:
    """A UPU S10 item number (``RR123456785AT``) with its check digit."""
    body = "".join(rng.choices(string.digits, k=8))
    total = sum(int(d) * w for d, w in zip(body, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = 11 - total % 11
    check = 0 if check == 10 else 5 if check == 11 else check
    prefix = rng.choice(("RR", "CP", "EE", "LX", "UA"))
    return f"{prefix}{body}{check}{'GB' if country == 'UK' else country}"


def tracking(rng: random.Random, country: str) -> str:
    if rng.random() < 0.6:
        return s10(rng, "US" if country == "military" else country)
    letters = "".join(rng.choices(string.ascii_uppercase, k=2))
    return f"{letters}{rng.randrange(10**9, 10**10)}{rng.choice(('', 'X', 'NZ'))}"


class Ctx:
    def __init__(self, rng: random.Random, half: str, people: People, streets: Any) -> None:
        self.rng, self.people, self.streets = rng, people, streets
        self.couriers = split_pool(COURIERS, half, "r3:chat_couriers", SEED3)
        self.products = split_pool(PRODUCTS, half, "r3:chat_products", SEED3)
        self.posts = dict(split_pool(sorted(POSTS.items()), half, "r3:posts", SEED3))
        self.military_mail = split_pool(MILITARY_MAIL, half, "r3:military_mail", SEED3)
        self.private: list[Private] = []
        self.protected: list[Protected] = []

    def recipient(self, country: str, tag: str = "recipient") -> str:
        p: Person = self.people.person(self.rng, CULTURE_OF.get(country, "us"))
        self.private.append(Private(p.full, "person", tag))
        return p.full

    def addr(self, country: str, sep: str = "\n", box: str = "") -> str:
        if country == "military":
            a = military(self.rng)
        elif box:
            a = po_box(self.rng, box, sep)
        else:
            a = address(self.rng, country, self.streets, sep)
        self.private.append(Private(a.text, "address", a.country, a.parts))
        return a.text

    def phone(self, country: str) -> str:
        value = ids3.phone(self.rng, "US" if country in ("military", "po_box") else country)
        self.private.append(Private(value, "phone", country))
        return value

    def courier(self, country: str) -> str:
        if country == "military":
            value = self.rng.choice(self.military_mail)
        elif country in self.posts and self.rng.random() < 0.6:
            value = self.posts[country]
        else:
            value = self.rng.choice(self.couriers)
        self.protected.append(Protected(value, "courier"))
        return value

    def track(self, country: str) -> str:
        value = tracking(self.rng, country)
        self.protected.append(Protected(value, "ref"))
        return value

    def product(self) -> str:
        value = self.rng.choice(self.products)
        self.protected.append(Protected(value, "product"))
        return value

    def example(self, *turns: dict[str, Any]) -> Example:
        return Example(list(turns), self.private, self.protected)


def t_redirect(c: Ctx, country: str) -> Example:
    name, courier, trk = c.recipient(country), c.courier(country), c.track(country)
    block = c.addr(country)
    return c.example(
        user(f"Please redirect {courier} {trk} to:\n{name}\n{block}\nTel. {c.phone(country)}"),
        bot(f"I have asked {courier} to redirect {trk}; the new address is on the parcel record."),
    )  # fmt: skip


def t_tool(c: Ctx, country: str) -> Example:
    name, courier, prod = c.recipient(country), c.courier(country), c.product()
    block = c.addr(country, ", ")
    args = {"recipient": name, "address": block, "phone": c.phone(country), "carrier": courier,
            "item": prod}  # fmt: skip
    trk = c.track(country)
    return c.example(
        user(f"Create the shipment for the {prod}, {courier}, to {name}, {block}."),
        tool_call("create_shipment", args, "call_a1"),
        tool_result("call_a1", {"tracking_number": trk, "carrier": courier, "status": "created"}),
        bot(f"Shipment created with {courier}: tracking number {trk}."),
    )  # fmt: skip


def t_form(c: Ctx, country: str) -> Example:
    name = c.recipient(country)
    block = c.addr(country, ", ")
    phone = c.phone(country)
    courier = c.courier(country)
    return c.example(
        user(f"Fill the customs form from this:\nName: {name}\nAddress: {block}\nPhone: {phone}\n"
             f"Carrier: {courier}"),
        bot(f"Customs form ready. Carrier: {courier}. Contents: personal goods, value under 50 "
            "EUR."),
    )  # fmt: skip


def t_label(c: Ctx, country: str) -> Example:
    courier, trk = c.courier(country), c.track(country)
    name, block = c.recipient(country), c.addr(country)
    label = f"{courier} | {trk}\nSHIP TO:\n{name}\n{block}"
    return c.example(
        user(f"Is anything missing from this label?\n\n{label}"),
        bot(f"The label has the {courier} tracking number {trk} and a full address; add a "
            "phone number so the driver can call."),
    )  # fmt: skip


def t_phone_only(c: Ctx, country: str) -> Example:
    phone = c.phone(country)
    courier = c.courier(country)
    return c.example(
        user(f"{courier} keeps calling me from {phone}, is that their real number? It's about "
             "a parcel."),
        bot(f"Couriers often call from local mobile numbers; check the number on {courier}'s own "
            "tracking page before sharing anything."),
    )  # fmt: skip


def t_military(c: Ctx, _: str) -> Example:
    rank = c.rng.choice(RANKS)
    name = c.recipient("US", "military")
    block = c.addr("military")
    courier, prod = c.courier("military"), c.product()
    return c.example(
        user(f"Can {courier} take a {prod} to this address?\n{rank} {name}\n{block}"),
        bot(f"Yes: APO/FPO/DPO mail goes through {courier}. Use the customs form for military "
            "mail and leave out any city or country name."),
    )  # fmt: skip


def t_po_box(c: Ctx, country: str) -> Example:
    name = c.recipient(country)
    box = country if country in PO_BOXES else c.rng.choice(sorted(PO_BOXES))
    block = c.addr(box, c.rng.choice(("\n", ", ")), box)
    courier, trk = c.courier(country), c.track(country)
    return c.example(
        user(f"Invoice goes to the post box: {name}, {block}. Goods by {courier}, tracking {trk}."),
        bot(f"Noted: invoice to the post box, goods with {courier} ({trk})."),
    )  # fmt: skip


TEMPLATES: tuple[Callable[[Ctx, str], Example], ...] = (
    t_redirect, t_tool, t_form, t_label, t_phone_only, t_redirect, t_tool, t_military, t_po_box,
    t_form, t_label,
)  # fmt: skip


def generate(half: str) -> list[Example]:
    rng = rng_for("addresses3", half, SEED3)
    people, streets = People(half), streets_for(half)
    out = []
    for i in range(SIZE):
        country = COUNTRIES[i % len(COUNTRIES)]
        template = TEMPLATES[(i // len(COUNTRIES) + i) % len(TEMPLATES)]
        ctx = Ctx(random.Random(rng.random()), half, people, streets)
        out.append(template(ctx, country))
    return out
