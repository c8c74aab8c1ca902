"""addresses13: shipping chats with addresses and phones of twelve countries, APO/FPO and PO boxes."""

from __future__ import annotations

import json
import random

from bench.pii_eval.common import Example, Private, Protected, rng_for
from bench.pii_eval.round13 import places13, things13
from bench.pii_eval.round13.common13 import chat, digits, pool
from bench.pii_eval.round13.persons13 import Names

COUNTRIES = ("BO", "PY", "UY", "TZ", "RW", "ET", "SN", "HU", "SK", "FI", "PH", "LK")
COUNTRY_NAMES = {"BO": "Bolivia", "PY": "Paraguay", "UY": "Uruguay", "TZ": "Tanzania",
                 "RW": "Rwanda", "ET": "Ethiopia", "SN": "Senegal", "HU": "Hungary",
                 "SK": "Slovakia", "FI": "Finland", "PH": "Philippines", "LK": "Sri Lanka",
                 "US": "USA"}  # fmt: skip


def _street_address(
    rng: random.Random, country: str, street: str, town: str, code: str
) -> tuple[str, str]:
    n = rng.randrange(2, 980)
    line = {
        "BO": f"{street} {n}", "PY": f"{street} {n}", "UY": f"{street} {n} apto {rng.randrange(101, 905)}",
        "TZ": f"Plot {n}, {street}", "RW": f"{street}, House {n}", "ET": f"House No. {n}, {street}",
        "SN": f"{n} {street}", "HU": f"{street} {n}.", "SK": f"{street} {n}",
        "FI": f"{street} {n} B {rng.randrange(1, 40)}", "PH": f"Unit {rng.randrange(2, 30)}B, {n} {street}",
        "LK": f"No. {n}, {street}", "US": f"{n} {street}",
    }[country]  # fmt: skip
    if country in ("HU", "SK", "FI", "SN", "UY", "PY"):
        tail = f"{code} {town}"
    elif country in ("BO", "RW"):
        tail = town
    else:
        tail = f"{town} {code}".strip()
    return f"{line}, {tail}, {COUNTRY_NAMES[country]}", line


def _military(rng: random.Random) -> tuple[str, str]:
    shape = rng.randrange(3)
    if shape == 0:
        line = f"PSC {rng.randrange(1000, 9999)}, Box {rng.randrange(1000, 9999)}"
        return f"{line}, APO AE {rng.choice(['09012', '09096', '09180'])}", line
    if shape == 1:
        line = f"Unit {rng.randrange(2000, 9999)} Box {rng.randrange(100, 9999)}"
        return f"{line}, DPO AP {rng.choice(['96278', '96319'])}", line
    line = f"CMR {rng.randrange(400, 499)} Box {rng.randrange(1000, 9999)}"
    return f"{line}, APO AE {rng.choice(['09114', '09227'])}", line


def _po_box(rng: random.Random, country: str, town: str, code: str) -> tuple[str, str]:
    n = rng.randrange(10000, 99999)
    line = {"FI": f"PL {n}", "BO": f"Casilla {n}", "SN": f"BP {n}", "HU": f"Pf. {n}"}.get(
        country, f"P.O. Box {n}"
    )
    return f"{line}, {code} {town}".replace(",  ", ", ").strip(), line


def generate(half: str) -> list[Example]:
    rng = rng_for("addresses13", half)
    names = Names(half)
    streets = {c: pool(s, half, f"streets:{c}") for c, s in places13.STREETS.items()}
    towns = {c: pool(t, half, f"towns:{c}") for c, t in places13.TOWNS.items()}
    couriers = [c for k, v in places13.COURIERS.items() for c in pool(v, half, f"couriers:{k}")]
    products = pool(things13.PRODUCTS, half, "products")
    shapes = [*COUNTRIES, "US", "us_military", "po_box"]
    out = []
    for i in range(120):
        ex = Example([])
        shape = shapes[i % len(shapes)]
        person = names.person(rng)
        ex.private.append(person.private(person.full, "recipient"))
        if shape == "us_military":
            text, line = _military(rng)
            tag, phone_country = "us_military", "US"
        elif shape == "po_box":
            country = rng.choice(["FI", "BO", "SN", "HU", "TZ", "LK"])
            town, code = rng.choice(towns[country])
            text, line = _po_box(rng, country, town, code)
            tag = phone_country = country
        else:
            town, code = rng.choice(towns[shape])
            text, line = _street_address(rng, shape, rng.choice(streets[shape]), town, code)
            tag = phone_country = shape
        ex.private.append(Private(text, "address", tag, (line,)))
        phone = places13.phone(rng, phone_country, e164=i % 2 == 0)
        ex.private.append(Private(phone, "phone", phone_country))
        courier, product = rng.choice(couriers), rng.choice(products)
        order = f"ORD-{digits(rng, 3)}-{digits(rng, 5)}"
        tracking = (
            rng.choice(["JD", "RR", "CP"]) + digits(rng, 9) + rng.choice(["FI", "HU", "SK", "PH"])
        )
        ex.protected += [Protected(courier, "courier"), Protected(product, "product"),
                         Protected(order, "order"), Protected(tracking, "tracking")]  # fmt: skip
        style = i % 4
        if style == 0:
            ex.messages = chat(
                f"Please change the delivery for {order} ({product}) to:\n{person.full}\n{text}\nTel: {phone}",
                f"Done. {courier} will deliver {order}; tracking {tracking}.",
            )
        elif style == 1:
            ex.messages = chat(
                f"ship to {person.full}, {text}, {phone}. courier {courier} please",
                f"Booked with {courier} for the {product}. Tracking number: {tracking} (order {order}).",
            )
        elif style == 2:
            label = {"recipient": person.full, "address": text, "phone": phone, "carrier": courier,
                     "tracking": tracking, "order": order, "item": product}  # fmt: skip
            ex.messages = chat(
                "Turn this label into a customs note:\n" + json.dumps(label, ensure_ascii=False),
                f"Customs note for {order}: one {product}, sent by {courier}, tracking {tracking}.",
            )
        else:
            ex.messages = chat(
                f"The {courier} driver couldn't find {text}. Reach {person.full} on {phone} - it's order {order}.",
                f"I've passed the number to {courier} and flagged {tracking} for the {product}.",
            )
        out.append(ex)
    return out
