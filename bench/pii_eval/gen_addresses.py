"""Set (b) ``addresses``: addresses and phones of twelve countries, military mail, PO boxes.

Shipping changes, delivery instructions, labels to format, contact updates and a
``create_shipment`` tool call, in English. Address gold strings are tagged by country
(``US UK DE FR ES IT NL JP IN BR CA AU``, ``military`` for APO/FPO/DPO with PSC/CMR/Unit
… Box, ``po_box``); phones by country, in national and E.164 forms. Couriers, products and
order numbers are the protected strings; about one record in ten has no private data.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Private, Protected, rng_for
from bench.pii_eval.names import CULTURES, NamePool
from bench.pii_eval.places import COUNTRIES, Places, phone

SET = "addresses"
SIZE = 320

COURIERS = {
    "US": "USPS",
    "UK": "Royal Mail",
    "DE": "DHL",
    "FR": "La Poste",
    "ES": "Correos",
    "IT": "Poste Italiane",
    "NL": "PostNL",
    "JP": "Japan Post",
    "IN": "India Post",
    "BR": "Correios",
    "CA": "Canada Post",
    "AU": "Australia Post",
    "military": "USPS",
    "po_box": "FedEx",
}
PRODUCTS = (
    "standing desk",
    "espresso machine",
    "Lego Technic set",
    "Kindle",
    "yoga mat",
    "Nespresso Vertuo",
    "air fryer",
    "Bose QuietComfort headphones",
    "Moleskine notebooks",
)
RANKS = ("SGT", "SPC", "CPT", "LT", "PFC", "SSgt", "Lt Col")


class Shipment:
    def __init__(self, rng: random.Random, places: Places, pool: NamePool):
        self.rng, self.places, self.pool = rng, places, pool
        self.ex = Example(
            messages=[
                {
                    "role": "system",
                    "content": rng.choice(
                        (
                            "You are a shipping assistant for an online store.",
                            "You help customers with deliveries, returns and contact details.",
                            "You are a logistics support bot. Use create_shipment to book parcels.",
                        )
                    ),
                }
            ]
        )
        self.kind = rng.choice(list(places.addresses))
        self.country = self.kind if self.kind in COUNTRIES else rng.choice(("US", "UK", "DE"))

    def say(self, role: str, content: str) -> None:
        self.ex.messages.append({"role": role, "content": content})

    def address(self) -> str:
        text, parts = self.places.addresses[self.kind](self.rng)
        self.ex.private.append(Private(text, "address", self.kind, parts))
        return text

    def phone(self) -> str:
        number = phone(self.rng, self.country)
        self.ex.private.append(Private(number, "phone", self.country))
        return number

    def person(self) -> str:
        """The recipient as written (a rank before the name on military mail)."""
        name = self.pool.draw(self.rng).full
        self.ex.private.append(Private(name, "person", "recipient"))
        if self.kind == "military" and self.rng.random() < 0.6:
            return f"{self.keep(self.rng.choice(RANKS), 'rank')} {name}"
        return name

    def keep(self, text: str, kind: str) -> str:
        self.ex.protected.append(Protected(text, kind))
        return text

    def courier(self) -> str:
        return self.keep(COURIERS[self.kind], "brand")

    def order(self) -> str:
        return self.keep(f"#{self.rng.randrange(100000, 999999)}", "reference")


def change_address(s: Shipment) -> None:
    s.say(
        "user",
        f"I moved last week. Please send order {s.order()} to my new address instead:\n"
        f"{s.address()}",
    )
    s.say(
        "assistant",
        f"Done, order {s.ex.protected[-1].text} will go to the new address with "
        f"{s.courier()}. You'll get tracking by email.",
    )


def label(s: Shipment) -> None:
    name = s.person()
    s.say("user", f"Format this as a shipping label: {name}, {s.address()}, tel {s.phone()}")
    body = "\n".join(m for m in (name, s.ex.private[-2].text, f"Tel: {s.ex.private[-1].text}"))
    s.say("assistant", f"Here is the label:\n\n{body}")


def instructions(s: Shipment) -> None:
    s.say(
        "user",
        f"The {s.keep(s.rng.choice(PRODUCTS), 'product')} should go to "
        f"{s.address()}. If nobody answers, call {s.phone()} and leave it with the neighbour.",
    )
    s.say(
        "assistant",
        f"Noted. The driver from {s.courier()} will call that number if no one is home.",
    )


def tool(s: Shipment) -> None:
    name, addr, tel = s.person(), s.address(), s.phone()
    s.say("user", f"Ship the replacement to {name}.")
    args = {"recipient": name, "address": addr, "phone": tel, "service": "express"}
    s.ex.messages.append(
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_ship",
                    "type": "function",
                    "function": {
                        "name": "create_shipment",
                        "arguments": json.dumps(args, ensure_ascii=False),
                    },
                }
            ],
        }
    )
    s.ex.messages.append(
        {
            "role": "tool",
            "tool_call_id": "call_ship",
            "content": json.dumps({"status": "booked", "carrier": s.courier()}),
        }
    )
    s.say("assistant", "The replacement is booked for express delivery.")


def contact(s: Shipment) -> None:
    tel = s.phone()
    s.say("user", f"My number changed, it's now {tel}. Can you update my account?")
    s.say("assistant", f"Updated. We'll text delivery updates to {tel} from now on.")


def military(s: Shipment) -> None:
    s.kind = "military"
    name = s.person()
    s.say(
        "user", f"Can you ship to a military address? It's for my brother, {name}:\n{s.address()}"
    )
    s.say(
        "assistant",
        f"Yes. Military addresses go through {s.courier()}; please pick USPS "
        "Priority Mail at checkout and fill in the customs form.",
    )


def no_pii(s: Shipment) -> None:
    country = s.keep(
        s.rng.choice(("Germany", "Brazil", "Japan", "India", "Canada", "Italy")), "place"
    )
    s.say(
        "user", f"How long does delivery to {country} usually take, and which courier do you use?"
    )
    s.say(
        "assistant",
        f"Usually 5 to 8 business days. We ship with {s.keep('DHL', 'brand')} "
        f"Express, and you can track it from the order page. Order {s.order()} is an example "
        "of a tracked international parcel.",
    )


TEMPLATES: tuple[tuple[Callable[[Shipment], None], int], ...] = (
    (change_address, 4),
    (label, 4),
    (instructions, 3),
    (tool, 3),
    (contact, 3),
    (military, 1),
    (no_pii, 2),
)


def generate(half: str, size: int = SIZE) -> list[Example]:
    rng = rng_for(SET, half)
    places = Places(half)
    pool = NamePool(half, CULTURES)
    funcs = [f for f, weight in TEMPLATES for _ in range(weight)]
    out = []
    for _ in range(size // 2):
        shipment = Shipment(rng, places, pool)
        rng.choice(funcs)(shipment)
        out.append(shipment.ex)
    return out
