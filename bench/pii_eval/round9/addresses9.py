"""`addresses9`: addresses of 11 countries not used before, US military mail and PO boxes.

Situations: parcel redirects, `create_delivery` tool calls, form fields, "same number?"
questions, PO-box switches, care packages to US military mail, US PO boxes. Address
``parts``: the street or box line.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Private, Protected
from bench.pii_eval.round9.common9 import (
    assistant,
    example,
    pool,
    rng9,
    tool_call,
    tool_result,
    user,
)
from bench.pii_eval.round9.persons9 import Draw, phone_pair
from bench.pii_eval.round9.places9 import COURIERS, STREETS
from bench.pii_eval.round9.things9 import PRODUCTS

SIZE = 120
COUNTRIES = ["KZ", "GE", "AE", "OM", "ID", "KH", "SN", "CM", "JM", "GT", "FJ"]
COUNTRY_NAMES = {
    "KZ": "Kazakhstan", "GE": "Georgia", "AE": "United Arab Emirates", "OM": "Sultanate of Oman",
    "ID": "Indonesia", "KH": "Cambodia", "SN": "Sénégal", "CM": "Cameroun", "JM": "Jamaica",
    "GT": "Guatemala", "FJ": "Fiji", "US": "USA",
}  # fmt: skip
RANKS = ["SGT", "CPT", "PO1", "MSgt", "LT", "SPC", "TSgt", "ENS", "CW3", "LCpl"]


class Ctx:
    def __init__(self, half: str) -> None:
        self.rng: random.Random = rng9("addresses9", half)
        self.draw = Draw(half, self.rng, word_share=0.2)
        self.streets = {c: pool(s, half, f"streets:{c}") for c, s in STREETS.items()}
        self.couriers = {c: pool(s, half, f"couriers:{c}") for c, s in COURIERS.items()}
        self.products = pool(PRODUCTS, half, "products")

    def protected(self, country: str) -> tuple[str, str, str, str, list[Protected]]:
        courier = self.rng.choice(self.couriers[country])
        product = self.rng.choice(self.products)
        order = f"ORD-{self.rng.randrange(10**7, 10**8)}"
        tracking = f"{self.rng.choice(['RR', 'CP', 'LX'])}{self.rng.randrange(10**8, 10**9)}{country if country != 'US' else 'US'}"
        prot = [Protected(courier, "courier"), Protected(product, "product"),
                Protected(order, "order"), Protected(tracking, "tracking")]  # fmt: skip
        return courier, product, order, tracking, prot

    def phones(self, country: str) -> tuple[str, str]:
        return phone_pair(self.rng, "USA" if country == "US" else country)


def street_address(
    rng: random.Random, country: str, entry: tuple[str, str, str, str]
) -> tuple[list[str], str]:
    """The address lines in the country's own layout, and its street line."""
    street, locality, city, code = entry
    n, apt = rng.randrange(2, 240), rng.randrange(1, 60)
    name = COUNTRY_NAMES[country]
    if country == "KZ":
        line = f"ul. {street} {n}, kv. {apt}"
        return [line, f"{city} {code}", name], line
    if country == "GE":
        line = f"{n} {street}, apt {apt}"
        return [line, f"{code} {city}", name], line
    if country == "AE":
        line = rng.choice(
            [f"Villa {n}, {street}", f"Flat {apt}0{rng.randrange(1, 9)}, Building {n}, {street}"]
        )
        return [line, locality, f"{city}, {name}"], line
    if country == "OM":
        line = f"House {n * 7}, {street}"
        return [line, f"{locality}, {city}", f"PC {code}", name], line
    if country == "ID":
        line = f"{street} No. {n}"
        rt = f"RT {rng.randrange(1, 15):02d}/RW {rng.randrange(1, 12):02d}"
        return [f"{line}, {rt}", f"Kec. {locality}", f"{city} {code}", name], line
    if country == "KH":
        line = f"No. {n}, {street}"
        return [line, locality, f"{city} {code}", name], line
    if country == "SN":
        line = f"Villa n° {n}, {street}"
        return [line, f"{locality}, {code} {city}", name], line
    if country == "CM":
        line = f"Immeuble {n}, {street}"
        return [line, locality, city, name], line
    if country == "JM":
        line = f"{n} {street}"
        return [line, city, name], line
    if country == "GT":
        line = f"{street} {rng.randrange(1, 30)}-{rng.randrange(1, 99):02d}"
        place = ", ".join(x for x in (locality, city) if x)
        return [line, f"{place} {code}", name], line
    if country == "FJ":
        line = f"Lot {n}, {street}"
        return [line, locality, city, name], line
    line = f"{n * 13} {street}" + rng.choice(["", f" Apt {apt}"])
    return [line, f"{city} {code}"], line


def box_address(
    rng: random.Random, country: str, entry: tuple[str, str, str, str]
) -> tuple[list[str], str]:
    """A PO box in the country's own words (Cyrillic, Arabic and Georgian ones included)."""
    _, locality, city, code = entry
    n = rng.randrange(100, 9999)
    box = {
        "KZ": f"а/я {n}", "GE": f"საფოსტო ყუთი {n}", "AE": f"ص.ب {n}", "OM": f"P.O. Box {n}",
        "ID": f"Kotak Pos {n}", "KH": f"P.O. Box {n}", "SN": f"BP {n}", "CM": f"B.P. {n}",
        "JM": f"P.O. Box {n}", "GT": f"Apartado Postal {n}", "FJ": f"P.O. Box {n}", "US": f"PO Box {n}",
    }[country]  # fmt: skip
    if country == "AE":
        return [box, "دبي" if city == "Dubai" else "أبوظبي", "الإمارات العربية المتحدة"], box
    tail = f"PC {code}, {locality}" if country == "OM" else f"{city} {code}".strip()
    return [box, tail, COUNTRY_NAMES[country]], box


def _addr(text: str, country: str, line: str) -> Private:
    return Private(text, "address", country, (line,))


def t_redirect(c: Ctx, country: str) -> Example:
    p = c.draw.person()
    lines, line = street_address(c.rng, country, c.rng.choice(c.streets[country]))
    intl, nat = c.phones(country)
    ph = c.rng.choice((intl, nat))
    courier, product, order, tracking, prot = c.protected(country)
    block = "\n".join(lines)
    msgs = [
        user(
            f"Please redirect {order} ({product}, {courier} {tracking}) to:\n\n{p.full}\n{block}\nTel. {ph}"
        ),
        assistant(f"Done: {courier} will deliver {tracking} to the new address."),
    ]
    priv = [p.item(p.full, "recipient"), _addr(block, country, line), Private(ph, "phone", country)]
    return example(msgs, priv, prot)


def t_tool(c: Ctx, country: str) -> Example:
    p = c.draw.person()
    lines, line = street_address(c.rng, country, c.rng.choice(c.streets[country]))
    intl, _ = c.phones(country)
    courier, product, order, tracking, prot = c.protected(country)
    one = ", ".join(lines)
    args = {
        "order": order,
        "item": product,
        "recipient": p.full,
        "address": one,
        "phone": intl,
        "courier": courier,
    }
    msgs = [
        user(f"Ship {order} with {courier}, same details as last time."),
        tool_call("call_d", "create_delivery", args),
        tool_result("call_d", {"tracking": tracking, "status": "label_created"}),
        assistant(f"Label created; {courier} tracking {tracking}."),
    ]
    priv = [p.item(p.full, "recipient"), _addr(one, country, line), Private(intl, "phone", country)]
    return example(msgs, priv, prot)


def t_form(c: Ctx, country: str) -> Example:
    p = c.draw.person()
    entry = c.rng.choice(c.streets[country])
    lines, line = street_address(c.rng, country, entry)
    _, nat = c.phones(country)
    courier, product, order, tracking, prot = c.protected(country)
    form = (f"Name: {p.full}\nStreet: {line}\nCity: {lines[-2] if len(lines) > 2 else lines[-1]}\n"
            f"Country: {COUNTRY_NAMES[country]}\nPhone: {nat}")  # fmt: skip
    msgs = [
        user(f"Delivery form for {order} ({product}):\n{form}\nWill {courier} accept this?"),
        assistant(f"Yes, {courier} accepts it; the label will show tracking {tracking}."),
    ]
    priv = [p.item(p.full, "recipient"), _addr(line, country, line), Private(nat, "phone", country)]
    return example(msgs, priv, prot)


def t_same_number(c: Ctx, country: str) -> Example:
    p = c.draw.person()
    lines, line = street_address(c.rng, country, c.rng.choice(c.streets[country]))
    intl, nat = c.phones(country)
    courier, product, order, tracking, prot = c.protected(country)
    one = ", ".join(lines)
    msgs = [
        user(f"{courier} has {nat} for {p.full} at {one}, but the {product} order {order} says "
             f"{intl}. Same number?"),
        assistant(f"Yes, it's the same number written two ways; {tracking} is fine."),
    ]  # fmt: skip
    priv = [p.item(p.full, "recipient"), _addr(one, country, line),
            Private(nat, "phone", country), Private(intl, "phone", country)]  # fmt: skip
    return example(msgs, priv, prot)


def t_box_switch(c: Ctx, country: str) -> Example:
    p = c.draw.person()
    entry = c.rng.choice(c.streets[country])
    lines, line = street_address(c.rng, country, entry)
    blines, bline = box_address(c.rng, country, entry)
    courier, product, order, tracking, prot = c.protected(country)
    old, new = ", ".join(lines), "\n".join(blines)
    msgs = [
        user(f"Invoices for {p.full} should stop going to {old}. Use the box instead:\n{new}\n"
             f"(The {product} from {order} already shipped with {courier}, {tracking}.)"),
        assistant("Updated: invoices go to the PO box from now on."),
    ]  # fmt: skip
    priv = [p.item(p.full, "recipient"), _addr(old, country, line), _addr(new, country, bline)]
    return example(msgs, priv, prot)


def t_military(c: Ctx) -> Example:
    p = c.draw.person()
    rank = c.rng.choice(RANKS)
    courier, product, order, tracking, prot = c.protected("US")
    a, b = c.rng.randrange(100, 9999), c.rng.randrange(100, 9999)
    box, tail = c.rng.choice([
        (f"PSC {a}, Box {b}", f"APO AE 09{c.rng.randrange(100, 999)}"),
        (f"CMR {a // 10 + 400}, Box {b}", f"APO AE 09{c.rng.randrange(100, 999)}"),
        (f"Unit {a + 2000}, Box {b}", f"DPO AP 96{c.rng.randrange(200, 699)}-{c.rng.randrange(1000, 9999)}"),
        (f"Unit {a + 10000}", f"FPO AP 96{c.rng.randrange(600, 699)}"),
    ])  # fmt: skip
    block = f"{box}\n{tail}"
    intl, _ = c.phones("US")
    msgs = [
        user(f"Care package for my brother, please check the label:\n{rank} {p.full}\n{block}\n"
             f"Contents: {product}. Order {order}, sending with {courier} ({tracking}). My number {intl}."),
        assistant("The label is in the right military format: name with rank, then unit/box line, then APO/DPO/FPO line."),
    ]  # fmt: skip
    priv = [
        p.item(p.full, "recipient"),
        _addr(block, "us_military", box),
        Private(intl, "phone", "US"),
    ]
    return example(msgs, priv, prot)


def t_us_box(c: Ctx) -> Example:
    p = c.draw.person()
    entry = c.rng.choice(c.streets["US"])
    blines, bline = box_address(c.rng, "US", entry)
    courier, product, order, _, prot = c.protected("US")
    one = ", ".join(blines[:2])
    msgs = [
        user(f"Send the {product} ({order}) to {p.full}, {one}. {courier} said they can't deliver to boxes?"),
        assistant(f"Right, {courier} needs a street address; the postal service can deliver to {bline} though."),
    ]  # fmt: skip
    priv = [p.item(p.full, "recipient"), _addr(one, "US", bline)]
    return example(msgs, priv, [*prot[1:3], Protected(courier, "courier")])


def t_us_street(c: Ctx) -> Example:
    return t_redirect(c, "US")


PER_COUNTRY: list[Callable[[Ctx, str], Example]] = [
    t_redirect,
    t_tool,
    t_form,
    t_same_number,
    t_box_switch,
]


def generate(half: str) -> list[Example]:
    c = Ctx(half)
    out: list[Example] = []
    i = 0
    while len(out) < SIZE:
        if i % 12 == 5:
            out.append(t_military(c))
        elif i % 12 == 11:
            out.append((t_us_box if i % 24 == 11 else t_us_street)(c))
        else:
            country = COUNTRIES[i % len(COUNTRIES)]
            out.append(PER_COUNTRY[(i // len(COUNTRIES)) % len(PER_COUNTRY)](c, country))
        i += 1
    return out
