"""``addresses4``: addresses and phones of EG, BE, PL, SE, MX, ZA, KE, TR, KR, IE, GR, SG, US
military mail and PO boxes, with the courier, product and order number right beside them.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Private, Protected
from bench.pii_eval.round4 import common4 as c4
from bench.pii_eval.round4.chats4 import Pools, _chat
from bench.pii_eval.round4.places4 import (
    COURIERS,
    MILITARY_RANKS,
    PHONES,
    STREETS,
    Address,
    build_address,
)

COUNTRIES = sorted(STREETS)


def _po_box(country: str, r: random.Random) -> Address:
    n = r.randrange(100, 99999)
    box = {
        "ke": f"pools.O. Box {n}-00100",
        "za": f"PO Box {n}",
        "eg": f"pools.O. Box {n}",
        "mx": f"Apartado Postal {n % 100}-{n % 1000}",
        "tr": f"pools.K. {n % 900}",
        "gr": f"pools.O. Box {n % 9000}",
        "sg": f"pools.O. Box {n % 5000}",
        "se": f"Box {n % 9000}",
        "pl": f"Skrytka pocztowa {n % 900}",
        "be": f"Postbus {n % 900}",
        "ie": f"PO Box {n % 9000}",
        "kr": f"pools.O. Box {n % 9000}",
    }[country]
    rest = {
        "ke": "Nairobi, Kenya",
        "za": "Rivonia, 2128, South Africa",
        "eg": "Cairo 11511, Egypt",
        "mx": "06700 Ciudad de México, CDMX",
        "tr": "34430 Beyoğlu/İstanbul",
        "gr": "102 10 Athens, Greece",
        "sg": "Tanglin Post Office, Singapore 912479",
        "se": "114 79 Stockholm",
        "pl": "00-950 Warszawa 1",
        "be": "2000 Antwerpen",
        "ie": "Dún Laoghaire, Co. Dublin",
        "kr": "Gwanghwamun, Seoul 03154",
    }[country]
    return Address(f"{box}, {rest}", (box,), f"{country}:po_box")


def _military(r: random.Random) -> Address:
    kind = r.choice(["psc", "unit", "cmr", "fpo"])
    if kind == "psc":
        line = f"PSC {r.randrange(1000, 9999)}, Box {r.randrange(100, 9999)}"
        tail = f"APO AE 09{r.randrange(100, 999)}"
    elif kind == "unit":
        line = f"Unit {r.randrange(2000, 9999)} Box {r.randrange(100, 9999)}"
        tail = f"DPO AP 96{r.randrange(200, 599)}-{r.randrange(1000, 9999)}"
    elif kind == "cmr":
        line = f"CMR {r.randrange(400, 499)} Box {r.randrange(100, 9999)}"
        tail = f"APO AE 09{r.randrange(100, 999)}"
    else:
        line = f"PSC {r.randrange(400, 899)} Box {r.randrange(10, 999)}"
        tail = f"FPO AP 96{r.randrange(300, 699)}"
    return Address(f"{line}, {tail}", (line,), f"us_military:{kind}")


class APools(Pools):
    def __init__(self, half: str, r: random.Random) -> None:
        super().__init__(half, r)
        self.streets = {c: c4.pool(s, half, f"addresses4:streets:{c}") for c, s in STREETS.items()}
        self.couriers = {
            c: c4.pool(s, half, f"addresses4:couriers:{c}") for c, s in COURIERS.items()
        }

    def address(self) -> Address:
        c = self.r.choice(COUNTRIES)
        return build_address(c, self.r.choice(self.streets[c]), self.r)


def _addr(a: Address) -> Private:
    return Private(a.text, "address", a.country.split(":")[0], a.parts)


def t_redirect(pools: APools) -> Example:
    a, p = pools.address(), pools.person()
    country = a.country
    nat, intl = PHONES[country](pools.r)
    phone = pools.r.choice([nat, intl])
    courier, prod, order = (
        pools.r.choice(pools.couriers[country]),
        pools.r.choice(pools.products),
        pools.order(),
    )
    msgs = _chat(
        f"My {prod} (order {order}) is with {courier}. Please redirect it to:\n{p.full}\n{a.text}\n"
        f"Phone: {phone}",
        f"I've asked {courier} to redirect order {order} to the new address. The driver may call {phone}.",
    )
    priv = [
        Private(p.full, "person", f"recipient:{country}"),
        _addr(a),
        Private(phone, "phone", country),
    ]
    prot = [Protected(courier, "courier"), Protected(prod, "product"), Protected(order, "order")]
    return Example(msgs, priv, prot)


def t_tool(pools: APools) -> Example:
    a, p = pools.address(), pools.person()
    country = a.country
    nat, _ = PHONES[country](pools.r)
    courier, order = pools.r.choice(pools.couriers[country]), pools.order()
    args = {
        "carrier": courier,
        "order_id": order,
        "recipient": p.full,
        "address": a.text,
        "phone": nat,
    }
    msgs: list[dict[str, object]] = [
        {
            "role": "user",
            "content": f"Book the {courier} pickup for order {order}, details are on file.",
        },
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_ship4",
                    "type": "function",
                    "function": {
                        "name": "create_shipment",
                        "arguments": json.dumps(args, ensure_ascii=False),
                    },
                }
            ],
        },
        {
            "role": "tool",
            "tool_call_id": "call_ship4",
            "content": json.dumps({"ok": True, "order_id": order}),
        },
        {"role": "assistant", "content": f"The {courier} pickup for order {order} is booked."},
    ]
    priv = [
        Private(p.full, "person", f"recipient:{country}"),
        _addr(a),
        Private(nat, "phone", country),
    ]
    return Example(msgs, priv, [Protected(courier, "courier"), Protected(order, "order")])


def t_both_forms(pools: APools) -> Example:
    c = pools.r.choice(COUNTRIES)
    nat, intl = PHONES[c](pools.r)
    courier = pools.r.choice(pools.couriers[c])
    msgs = _chat(
        f"{courier} wants my number for the delivery. Should I give {nat} or {intl}?",
        f"Give {intl}: the international form works even if the driver's phone is roaming.",
    )
    priv = [Private(nat, "phone", c), Private(intl, "phone", c)]
    return Example(msgs, priv, [Protected(courier, "courier")])


def t_label(pools: APools) -> Example:
    a, p = pools.address(), pools.any_person()
    courier, prod = pools.r.choice(pools.couriers[a.country]), pools.r.choice(pools.products)
    msgs = _chat(
        f"Check this label before I print it:\n\nSHIP TO\n{p.full}\n{a.text}\n\nContents: 1x {prod}\nCarrier: {courier}",
        f"The label looks complete: recipient, full address, contents ({prod}) and carrier ({courier}).",
    )
    priv = [Private(p.full, "person", f"recipient:{a.country}"), _addr(a)]
    return Example(msgs, priv, [Protected(courier, "courier"), Protected(prod, "product")])


def t_po_box(pools: APools) -> Example:
    c = pools.r.choice(COUNTRIES)
    a, p = _po_box(c, pools.r), pools.person()
    courier, order = pools.r.choice(pools.couriers[c]), pools.order()
    msgs = _chat(
        f"Can {courier} deliver order {order} to a PO box? It's {p.full}, {a.text}.",
        f"{courier} can deliver order {order} to a PO box, but you'll collect it at the counter.",
    )
    priv = [Private(p.full, "person", f"recipient:{c}"), _addr(a)]
    return Example(msgs, priv, [Protected(courier, "courier"), Protected(order, "order")])


def t_military(pools: APools) -> Example:
    a, p = _military(pools.r), pools.any_person()
    rank = pools.r.choice(MILITARY_RANKS)
    nat, _ = PHONES["us"](pools.r)
    prod, order = pools.r.choice(pools.products), pools.order()
    msgs = _chat(
        f"Ship order {order} ({prod}) to my husband: {rank} {p.full}, {a.text}. Contact {nat}.",
        f"Order {order} can go by USPS to that address; military mail usually takes 10-14 days.",
    )
    priv = [
        Private(p.full, "person", "recipient:us_military"),
        _addr(a),
        Private(nat, "phone", "us"),
    ]
    return Example(
        msgs,
        priv,
        [Protected("USPS", "courier"), Protected(prod, "product"), Protected(order, "order")],
    )


TEMPLATES: list[Callable[[APools], Example]] = [
    t_redirect,
    t_tool,
    t_both_forms,
    t_label,
    t_po_box,
    t_military,
]
SIZE = 120


def generate(half: str) -> list[Example]:
    r = c4.rng("addresses4", half)
    pools = APools(half, r)
    return [TEMPLATES[i % len(TEMPLATES)](pools) for i in range(SIZE)]
