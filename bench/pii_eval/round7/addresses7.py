"""addresses7: addresses and phones of 10 countries new to the sets, US military mail, PO boxes.

The courier (national, per country and half), the product and the order or tracking number
stand next to each address and are protected.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Private, Protected
from bench.pii_eval.round7.common7 import assistant, call, digits, pool, result, rng, user
from bench.pii_eval.round7.persons7 import Names, Person, add_person
from bench.pii_eval.round7.places7 import (
    COURIERS,
    RANKS,
    STREETS,
    military,
    phone,
    po_box,
    street_address,
)
from bench.pii_eval.round7.things7 import PRODUCTS

COUNTRIES = ["SK", "HR", "RO", "EE", "LV", "SI", "PE", "UY", "MA", "LU"]


class Ctx:
    def __init__(self, half: str, r: random.Random) -> None:
        self.r = r
        self.names = Names(half, r)
        self.streets = {c: pool(s, half, f"streets:{c}") for c, s in STREETS.items()}
        self.couriers = {c: pool(s, half, f"couriers:{c}") for c, s in COURIERS.items()}
        self.products = pool(PRODUCTS, half, "products")

    def address(self, ex: Example, country: str) -> str:
        text, parts = street_address(self.r, country, self.r.choice(self.streets[country]))
        ex.private.append(Private(text, "address", country, parts))
        return text

    def box(self, ex: Example, country: str) -> str:
        text, parts = po_box(self.r, country)
        ex.private.append(Private(text, "address", country, parts))
        return text

    def phone(self, ex: Example, country: str, form: str = "") -> str:
        intl, national = phone(self.r, country)
        text = intl if (form or self.r.choice(["intl", "national"])) == "intl" else national
        ex.private.append(Private(text, "phone", country))
        return text

    def courier(self, ex: Example, country: str) -> str:
        name = self.r.choice(self.couriers[country])
        ex.protected.append(Protected(name, "courier"))
        return name

    def product(self, ex: Example) -> str:
        name = self.r.choice(self.products)
        ex.protected.append(Protected(name, "product"))
        return name

    def order(self, ex: Example, prefix: str = "ORD") -> str:
        number = f"{prefix}-{digits(self.r, 7)}"
        ex.protected.append(Protected(number, "order"))
        return number

    def local(self) -> Person:
        return self.names.person(0.15)


def moving_quote(c: Ctx, country: str) -> Example:
    ex = Example([])
    p = c.local()
    old, new = c.address(ex, country), c.address(ex, country)
    quote = c.order(ex, "MQ")
    ex.messages = [
        user(
            f"Quote {quote}: we move from {old} to {new} on the 20th. Contact "
            f"{add_person(ex, p, p.full, 'contact')}, {c.phone(ex, country)}."
        ),
        assistant(
            f"Thanks, quote {quote} now lists both addresses; a surveyor will call to confirm the date."
        ),
    ]
    return ex


def delivery_call(c: Ctx, country: str) -> Example:
    ex = Example([])
    p = c.local()
    courier, product, order = c.courier(ex, country), c.product(ex), c.order(ex)
    args = {
        "recipient": add_person(ex, p, p.full, "tool_args"),
        "address": c.address(ex, country),
        "phone": c.phone(ex, country, "intl"),
        "courier": courier,
        "item": product,
        "order": order,
    }
    tracking = f"TRK{digits(c.r, 10)}"
    ex.protected.append(Protected(tracking, "tracking"))
    ex.messages = [
        user(f"Ship order {order} ({product}) to my mother, details on file."),
        call("call_ship", "create_delivery", args),
        result("call_ship", {"tracking": tracking, "courier": courier, "eta_days": 3}),
        assistant(f"Booked with {courier}: tracking {tracking}, about three days."),
    ]
    return ex


def rsvp_invite(c: Ctx, country: str) -> Example:
    ex = Example([])
    p = c.local()
    courier = c.courier(ex, country)
    ex.messages = [
        user(
            f"Wedding RSVP list: please post the printed invitation to "
            f"{add_person(ex, p, p.full, 'recipient')}, {c.address(ex, country)}. "
            f"We'll send it with {courier}."
        ),
        assistant(f"Added to the invitation list; {courier} is fine for printed card stock."),
    ]
    return ex


def pharmacy_redirect(c: Ctx, country: str) -> Example:
    ex = Example([])
    p = c.local()
    order, product, courier = c.order(ex, "RX"), c.product(ex), c.courier(ex, country)
    ex.messages = [
        user(
            f"Redirect pharmacy order {order} with the {product} to my sister "
            f"{add_person(ex, p, p.full, 'third_party')}: {c.address(ex, country)}. "
            f"{courier} says it is out for delivery."
        ),
        assistant(
            f"I've asked {courier} to redirect {order}; if it's too late it will come back to the branch."
        ),
    ]
    return ex


def box_switch(c: Ctx, country: str) -> Example:
    ex = Example([])
    p = c.local()
    old, box = c.address(ex, country), c.box(ex, country)
    ex.messages = [
        user(
            f"From January, post the co-working invoices for {add_person(ex, p, p.full, 'recipient')} "
            f"to {box} instead of {old}."
        ),
        assistant("Updated: invoices go to the PO box from the January run."),
    ]
    return ex


def same_number(c: Ctx, country: str) -> Example:
    ex = Example([])
    p = c.local()
    intl, national = phone(c.r, country)
    ex.private += [Private(intl, "phone", country), Private(national, "phone", country)]
    ex.messages = [
        user(
            f"The school-trip form has {national} for {add_person(ex, p, p.full, 'contact')} but "
            f"the school texted {intl}. Same number?"
        ),
        assistant(
            "Yes: one is the national form and the other the international form of the same number."
        ),
    ]
    return ex


def consent_form(c: Ctx, country: str) -> Example:
    ex = Example([])
    p = c.local()
    line = (
        f"Parent/guardian: {add_person(ex, p, p.full, 'form')} | Address: {c.address(ex, country)} | "
        f"Emergency phone: {c.phone(ex, country, 'national')}"
    )
    ex.messages = [
        user(f"Check this consent-form line is complete:\n{line}"),
        assistant("All three fields are filled in; the form only needs a signature and date."),
    ]
    return ex


def backer_address(c: Ctx, country: str) -> Example:
    ex = Example([])
    p = c.local()
    product, courier = c.product(ex), c.courier(ex, country)
    backer = c.order(ex, "BKR")
    ex.messages = [
        user(f"Where does backer {backer}'s reward go?"),
        call("call_bkr", "lookup_backer_address", {"backer_id": backer}),
        result(
            "call_bkr",
            {
                "name": add_person(ex, p, p.full, "tool_result"),
                "address": c.address(ex, country),
                "phone": c.phone(ex, country, "intl"),
                "reward": product,
                "carrier": courier,
            },
        ),
        assistant(f"The {product} ships with {courier} to the address in the survey."),
    ]
    return ex


def care_package(c: Ctx, _country: str) -> Example:
    ex = Example([])
    p = c.local()
    rank = c.r.choice(RANKS)
    text, parts = military(c.r)
    ex.private.append(Private(text, "address", "us_military", parts))
    service, product = c.courier(ex, "US"), c.product(ex)
    name = add_person(ex, p, p.full, "military")
    if c.r.random() < 0.5:
        ex.messages = [
            user(
                f"Care package for {rank} {name}, {text}. Sending a {product} by {service}. Customs form?"
            ),
            assistant(
                f"Use the customs declaration for military mail; {service} accepts it at any counter."
            ),
        ]
    else:
        args = {
            "recipient": f"{rank} {name}",
            "address": text,
            "service": service,
            "contents": product,
        }
        ex.messages = [
            user(f"Make a label for the care package with the {product}."),
            call("call_lbl", "create_label", args),
            result("call_lbl", {"label": "ready", "service": service}),
            assistant(f"Label ready for {service}."),
        ]
    return ex


def us_box(c: Ctx, _country: str) -> Example:
    ex = Example([])
    p = c.local()
    box = c.box(ex, "US")
    old = c.address(ex, "US")
    ex.messages = [
        user(
            f"Library notices for {add_person(ex, p, p.full, 'recipient')} should go to {box}, "
            f"not {old}. Phone {c.phone(ex, 'US', 'national')}."
        ),
        assistant("Done; hold notices will go to the PO box."),
    ]
    return ex


TEMPLATES: list[Callable[[Ctx, str], Example]] = [
    moving_quote, delivery_call, rsvp_invite, pharmacy_redirect, box_switch, same_number,
    consent_form, backer_address, care_package, us_box,
]  # fmt: skip


def generate(half: str) -> list[Example]:
    r = rng("addresses7", half)
    c = Ctx(half, r)
    out = []
    for i in range(120):
        template = TEMPLATES[i % len(TEMPLATES)]
        out.append(template(c, COUNTRIES[(i // len(TEMPLATES) + i) % len(COUNTRIES)]))
    return out
