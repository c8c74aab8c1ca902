"""``addresses5``: deliveries, contact forms, tool calls and phone questions with addresses.

Situations (new in round 5): gift deliveries with a card, warranty collections, contact-form
submissions, ``book_collection`` tool calls, PO-box switches, forces mail to a unit, "is this
the same number" questions. The courier, product and order number stand next to the address.
"""

from __future__ import annotations

from collections.abc import Callable

from bench.pii_eval.common import Example, Private, Protected
from bench.pii_eval.round5.common5 import bot, call, digits, pool, result, rng, sys_msg, user
from bench.pii_eval.round5.names5 import Name, People, who
from bench.pii_eval.round5.places5 import (
    COURIERS,
    FORMATS,
    LOCALITIES,
    RANKS,
    STREETS,
    Address,
    military,
    po_box,
)
from bench.pii_eval.round5.things5 import PRODUCTS, phone_pair

HALF_SIZE = 120
COUNTRIES = sorted(FORMATS)  # 11 civil countries; military mail has its own templates
# Names of each country's people (for recipients); "word" mixes everyday-word names in.
LOCAL = {
    "no": None,
    "fi": "finnish",
    "dk": None,
    "cl": "andean",
    "my": "malay",
    "th": "thai",
    "vn": None,
    "au": "maori",
    "ca": "scottish",
    "hu": "hungarian",
    "us": "us",
}


class Ctx(People):
    def __init__(self, half: str) -> None:
        super().__init__(half, rng("addresses5", half))
        self.streets = {c: pool(s, half, f"streets:{c}") for c, s in STREETS.items()}
        self.couriers = {c: pool(s, half, f"couriers:{c}") for c, s in COURIERS.items()}
        self.products = pool(PRODUCTS, half, "products")

    def address(self, country: str, box: bool = False) -> Address:
        loc = self.r.choice(LOCALITIES[country])
        if box:
            return po_box(self.r, country, loc)
        return FORMATS[country](self.r, self.r.choice(self.streets[country]), loc)

    def recipient(self, country: str) -> Name:
        culture = LOCAL.get(country)
        return self.name(culture) if culture and self.r.random() < 0.6 else self.name()

    def courier(self, country: str) -> Protected:
        return Protected(self.r.choice(self.couriers[country]), "courier")

    def product(self) -> Protected:
        return Protected(self.r.choice(self.products), "product")

    def order(self) -> Protected:
        return Protected(f"{self.r.choice(('SO', 'WEB', 'GFT'))}-{digits(self.r, 7)}", "order")

    def tel(self, country: str) -> tuple[str, Private]:
        text = self.r.choice(phone_pair(self.r, country))
        return text, Private(text, "phone", country)


def _addr(a: Address, country: str, text: str | None = None) -> Private:
    return Private(text or a.text, "address", country, a.parts)


def t_gift(c: Ctx, country: str) -> Example:
    n, a, courier, product, order = (
        c.recipient(country),
        c.address(country),
        c.courier(country),
        c.product(),
        c.order(),
    )
    text = (
        f"Gift order {order.text}: please deliver the {product.text} to my sister "
        f"{n.full} at\n{a.text}\nby {courier.text}, and add a card saying happy birthday."
    )
    reply = f"Done: {courier.text} will deliver order {order.text} with the card."
    return Example(
        [user(text), bot(reply)],
        [who(n, "recipient"), _addr(a, country)],
        [courier, product, order],
    )


def t_collection_tool(c: Ctx, country: str) -> Example:
    n, a, courier, product = (
        c.recipient(country),
        c.address(country),
        c.courier(country),
        c.product(),
    )
    tel, tel_item = c.tel(country)
    tracking = Protected(f"TRK{digits(c.r, 10)}", "tracking")
    args = {
        "contact_name": n.full,
        "pickup_address": a.text,
        "phone": tel,
        "carrier": courier.text,
        "item": product.text,
    }
    msgs = [
        sys_msg("Tools: book_collection(contact_name, pickup_address, phone, carrier, item)."),
        user(f"My {product.text} is under warranty and needs collecting. Can you book it?"),
        call("call_2", "book_collection", args),
        result("call_2", {"booked": True, "tracking": tracking.text, "carrier": courier.text}),
        bot(f"Booked with {courier.text}; tracking {tracking.text}."),
    ]
    return Example(
        msgs, [who(n, "tool_args"), _addr(a, country), tel_item], [courier, product, tracking]
    )


def t_contact_form(c: Ctx, country: str) -> Example:
    n, a, product = c.recipient(country), c.address(country), c.product()
    tel, tel_item = c.tel(country)
    inline = a.text.replace("\n", ", ")
    mail = c.email(n)
    text = (
        "New contact-form submission, please log it:\n"
        f"Name: {n.full}\nAddress: {inline}\nPhone: {tel}\nE-mail: {mail}\n"
        f"Enquiry: spare filter for {product.text}"
    )
    reply = "Logged; the spare-parts team will reply within two working days."
    private = [who(n, "form"), _addr(a, country, inline), tel_item, Private(mail, "email", country)]
    return Example([user(text), bot(reply)], private, [product])


def t_po_box(c: Ctx, country: str) -> Example:
    n, a, courier, order = (
        c.recipient(country),
        c.address(country, box=True),
        c.courier(country),
        c.order(),
    )
    text = (
        f"For order {order.text}, please don't ship to my home. Use my box:\n{n.full}\n{a.text}\n"
        f"{courier.text} is fine."
    )
    reply = f"Updated: order {order.text} goes to the PO box with {courier.text}."
    return Example(
        [user(text), bot(reply)], [who(n, "recipient"), _addr(a, country)], [order, courier]
    )


def t_same_number(c: Ctx, country: str) -> Example:
    national, intl = phone_pair(c.r, country)
    courier = c.courier(country)
    text = (
        f"The {courier.text} driver has my number as {national}. Is that the same as "
        f"{intl} on my account?"
    )
    reply = "Yes, it is the same number in national and international form."
    private = [Private(national, "phone", country), Private(intl, "phone", country)]
    return Example([user(text), bot(reply)], private, [courier])


def t_confirm_reply(c: Ctx, country: str) -> Example:
    n, a, courier, order = c.recipient(country), c.address(country), c.courier(country), c.order()
    text = f"Where will order {order.text} be collected from? The booking is for {n.given}."
    reply = (
        f"{courier.text} will collect order {order.text} from:\n{n.full}\n{a.text}\n"
        "between 9:00 and 13:00."
    )
    private = [who(n, "recipient"), who(n, "first_later", n.given), _addr(a, country)]
    return Example([user(text), bot(reply)], private, [courier, order])


CIVIL: list[Callable[[Ctx, str], Example]] = [
    t_gift,
    t_collection_tool,
    t_contact_form,
    t_po_box,
    t_same_number,
    t_confirm_reply,
]


def t_forces(c: Ctx) -> Example:
    n, a, product, order = c.name(), military(c.r), c.product(), c.order()
    courier = c.courier("us_military")
    rank = c.r.choice(RANKS)
    block = f"{rank} {n.full}\n{a.text}"
    text = (
        f"Can order {order.text} ({product.text}) go to my son overseas? Ship to:\n{block}\n"
        f"Send it {courier.text}."
    )
    reply = f"Yes: forces addresses take {courier.text}; a customs form CN22 is added."
    return Example(
        [user(text), bot(reply)],
        [who(n, "military"), _addr(a, "us_military")],
        [order, product, courier],
    )


def t_forces_tool(c: Ctx) -> Example:
    n, a, courier = c.name(), military(c.r), c.courier("us_military")
    rank = c.r.choice(RANKS)
    args = {"recipient": f"{rank} {n.full}", "address": a.text, "service": courier.text}
    msgs = [
        user(f"Send the care package to {rank} {n.full}, {a.text.replace(chr(10), ', ')}."),
        call("call_4", "create_label", args),
        result("call_4", {"label": f"LBL-{digits(c.r, 8)}", "service": courier.text}),
        bot(f"Label created for {courier.text}."),
    ]
    inline = a.text.replace("\n", ", ")
    private = [who(n, "military"), _addr(a, "us_military"), _addr(a, "us_military", inline)]
    return Example(msgs, private, [courier])


def generate(half: str) -> list[Example]:
    c = Ctx(half)
    out: list[Example] = []
    slots = [*COUNTRIES, "us_military"]
    for i in range(HALF_SIZE):
        country = slots[i % len(slots)]
        k = i // len(slots)
        if country == "us_military":
            out.append((t_forces, t_forces_tool)[k % 2](c))
        else:
            out.append(CIVIL[(k + COUNTRIES.index(country)) % len(CIVIL)](c, country))
    return out
