"""addresses12: shipping and contact chats with addresses and phones of 14 countries.

Chile, Peru, Kenya, Ghana (with GhanaPostGPS codes), Romania, Czechia, Greece (romanised),
Thailand (romanised), Malaysia, Egypt (romanised), Mongolia (romanised), Estonia, Latvia and
Ireland (with Eircodes), plus US street addresses, US military mail and PO boxes. Couriers,
products, order and tracking numbers are protected.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

from bench.pii_eval.common import Example, Private, Protected
from bench.pii_eval.round12 import common12, places12, things12
from bench.pii_eval.round12.common12 import assistant, tool_call, tool_result, user
from bench.pii_eval.round12.persons12 import People, name_item

SIZE = 120
COUNTRIES = ["CL", "PE", "KE", "GH", "RO", "CZ", "GR", "TH", "MY", "EG", "MN", "EE", "LV", "IE"]
SLOTS = [*COUNTRIES, "US", "us_military"]
EIRCODE_CHARS = "ACDEFHKNPRTVWXY0123456789"
RANKS = ["SSG", "Lt Col", "PO2", "SPC", "Capt", "SrA", "CW3", "HM1"]

Lines = list[str]


def _street_lines(rng: random.Random, country: str, street: str) -> tuple[Lines, tuple[str, ...]]:
    """The address lines of a street address, and its identifying parts."""
    district, city, code = rng.choice(places12.LOCALITIES[country])
    n, m, k = rng.randrange(2, 380), rng.randrange(1, 60), rng.randrange(1, 9)
    if country == "CL":
        first = f"{street} {n * 10 + k}" + rng.choice(["", f", depto. {m}"])
        lines = [first, f"{district}, {city}", f"{code} Chile" if rng.random() < 0.5 else "Chile"]
    elif country == "PE":
        first = f"{street} {n}" + rng.choice(["", f", dpto. {m}0{k}"])
        lines = [first, f"{district}, {city} {code}"]
    elif country == "KE":
        first = f"Hse No. {n}, {street}"
        lines = [first, district, f"{city} {code}"]
    elif country == "GH":
        first = f"House No. {n}, {street}"
        gps = f"{code}-{rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}"
        return [first, f"{district}, {city}", f"GPS: {gps}"], (first, gps)
    elif country == "RO":
        first = f"{street} nr. {n}, bl. {rng.choice('ABCDM')}{k}, sc. {k % 3 + 1}, ap. {m}"
        lines = [first, f"{code}{rng.randrange(100, 999)} {city}, {district}"]
    elif country == "CZ":
        first = f"{street} {n * 7}/{m}"
        lines = [first, f"{code} {district}"]
    elif country == "GR":
        first = f"{street} {n % 140 + 1}" + rng.choice(["", f", {k}os orofos"])
        lines = [first, f"{code} {city}"]
    elif country == "TH":
        first = f"{n}/{m} {street}"
        lines = [first, district, f"{city} {code}"]
    elif country == "MY":
        first = f"No. {n}, {street}"
        lines = [first, f"{code} {district}", city]
    elif country == "EG":
        first = f"Building {n}, {street}, Apt {m}"
        lines = [first, f"{district}, {city} {code}"]
    elif country == "MN":
        first = f"Building {n % 90 + 1}, Apartment {m}, {street}"
        lines = [first, f"Khoroo {k}, {district}", f"{city} {code}"]
    elif country == "EE":
        first = f"{street} {n % 120 + 1}-{m}"
        lines = [first, f"{code} {city}"]
    elif country == "LV":
        first = f"{street} {n % 120 + 1}-{m}"
        lines = [first, f"{city}, {code}"]
    elif country == "IE":
        first = f"{n % 90 + 1} {street}"
        eircode = f"{code} " + "".join(rng.choice(EIRCODE_CHARS) for _ in range(4))
        return [first, district, city, eircode], (first, eircode)
    else:  # US
        first = f"{n * 11} {street}" + rng.choice(["", f", Apt {k}{rng.choice('ABC')}"])
        lines = [first, f"{city} {code}"]
    return lines, (first,)


PO_BOX: dict[str, Callable[[int, tuple[str, str, str]], Lines]] = {
    "CL": lambda n, loc: [f"Casilla {n}, Correo Central", loc[1]],
    "PE": lambda n, loc: [f"Apartado Postal {n}", f"{loc[1]} 18"],
    "KE": lambda n, loc: [f"P.O. Box {n}-{loc[2]}", loc[1]],
    "GH": lambda n, loc: [f"P.O. Box {'KS' if loc[1] == 'Kumasi' else 'KA'} {n}", loc[1]],
    "RO": lambda n, loc: [f"C.P. {n}, O.P. {n % 70 + 1}", loc[1]],
    "CZ": lambda n, loc: [f"poštovní přihrádka {n}", f"{loc[2]} {loc[1]}"],
    "GR": lambda n, loc: [f"T.Th. {n}", f"{loc[2]} {loc[1]}"],
    "TH": lambda n, loc: [f"P.O. Box {n}", f"{loc[1]} {loc[2]}"],
    "MY": lambda n, loc: [f"Peti Surat {n}", f"{loc[2]} {loc[0]}"],
    "EG": lambda n, loc: [f"P.O. Box {n}", f"{loc[1]} {loc[2]}"],
    "MN": lambda n, loc: [f"PO Box {n}", f"{loc[1]}-{n % 50 + 1}"],
    "EE": lambda n, loc: [f"Postkast {n}", f"{loc[2]} {loc[1]}"],
    "LV": lambda n, loc: [f"Pasta kastīte {n}", f"{loc[1]}, {loc[2]}"],
    "IE": lambda n, loc: [f"PO Box {n}", loc[1]],
    "US": lambda n, loc: [f"PO Box {n}", f"{loc[1]} {loc[2]}"],
}


def _military(rng: random.Random, half: str) -> tuple[Lines, tuple[str, ...]]:
    n = common12.parity_number(rng, half, 100, 9000)
    box = common12.parity_number(rng, half, 1, 9999)
    shape = rng.randrange(3)
    if shape == 0:
        first = f"PSC {n}, Box {box}"
        return [first, f"APO AE 09{rng.randrange(100, 999)}"], (first,)
    if shape == 1:
        first = f"Unit {n} Box {box}"
        return [first, f"DPO AP 96{rng.randrange(100, 999)}-{box:04d}"], (first,)
    first = f"CMR {n % 900 + 100} Box {box}"
    return [first, f"APO AE 09{rng.randrange(100, 999)}"], (first,)


class Builder:
    def __init__(self, half: str) -> None:
        self.half = half
        self.rng = common12.rng12("addresses12", half)
        self.people = People(self.rng, half)
        self.streets = {
            c: common12.pool(s, half, f"streets:{c}") for c, s in places12.STREETS.items()
        }
        self.couriers = {
            c: common12.pool(s, half, f"couriers:{c}") for c, s in places12.COURIERS.items()
        }
        self.products = common12.pool(things12.PRODUCTS, half, "products")

    def address(self, country: str, po_box: bool) -> tuple[Lines, tuple[str, ...]]:
        if country == "us_military":
            return _military(self.rng, self.half)
        if po_box:
            loc = self.rng.choice(places12.LOCALITIES[country])
            n = common12.parity_number(self.rng, self.half, 1200, 29999)
            lines = PO_BOX[country](n, loc)
            return lines, (lines[0],)
        return _street_lines(self.rng, country, self.rng.choice(self.streets[country]))

    def example(self, i: int) -> Example:
        rng = self.rng
        country = SLOTS[i % len(SLOTS)]
        shape = (i // len(SLOTS) + i) % 5
        person = self.people.person()
        phone_country = "US" if country == "us_military" else country
        lines, parts = self.address(country, po_box=shape == 3)
        multi, one_line = "\n".join(lines), ", ".join(lines)
        courier = rng.choice(self.couriers[country])
        product = rng.choice(self.products)
        order = f"{rng.choice(['SO', 'ORD', 'WEB'])}{common12.digits(rng, 7)}"
        tracking = f"{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}{common12.digits(rng, 9)}{country[:2].upper()}"
        national, e164 = common12.phone_pair(rng, phone_country)
        tel = e164 if rng.random() < 0.5 else national
        name = person.full
        if country == "us_military":
            rank = rng.choice(RANKS)
            messages = [
                user(
                    f"Sending a care package with {courier}. Is this right?\n\n{rank} {name}\n{multi}\n"
                    f"Contains a {product}. Order {order}, tracking {tracking}. Phone for customs: {tel}"
                ),
                assistant(
                    "Yes, that is the right shape for military mail; no city or country line is needed."
                ),
            ]
            phones = [tel]
            address_text = multi
        elif shape in (0, 3):
            messages = [
                user(
                    f"Please ship order {order} ({product}) with {courier} to:\n\n{name}\n{multi}\n"
                    f"Tel. {tel}\n\nTracking so far: {tracking}"
                ),
                assistant(f"Done. {courier} will deliver it; tracking {tracking} updates tonight."),
            ]
            phones, address_text = [tel], multi
        elif shape == 1:
            args = {
                "recipient": name,
                "address": one_line,
                "phone": tel,
                "courier": courier,
                "order": order,
            }
            messages = [
                user(f"Send my {product} to my sister, please. Details are in the form."),
                tool_call("call_r12s", "create_shipment", args),
                tool_result("call_r12s", {"ok": True, "tracking": tracking, "product": product}),
                assistant(f"Booked with {courier}; tracking number {tracking}."),
            ]
            phones, address_text = [tel], one_line
        elif shape == 2:
            messages = [
                user(
                    f"Deliver the {product} to {name}, {one_line}; call {tel} at the gate. Order {order}, {courier}, {tracking}."
                ),
                assistant("Noted. The driver will call before arriving."),
            ]
            phones, address_text = [tel], one_line
        else:
            messages = [
                user(
                    f"The {courier} form wants a phone. Is {national} the same as {e164}?\n"
                    f"It is for {name}, {one_line}. Order {order}, {product}, tracking {tracking}."
                ),
                assistant("Yes: one is the national form, the other the international one."),
            ]
            phones, address_text = [national, e164], one_line
        ex = Example(messages)
        ex.private.append(name_item(person, name, "recipient"))
        ex.private.append(Private(address_text, "address", country, parts))
        ex.private += [Private(p, "phone", phone_country) for p in phones]
        ex.protected += [
            Protected(courier, "courier"),
            Protected(product, "product"),
            Protected(order, "order"),
            Protected(tracking, "tracking"),
        ]
        return ex


def generate(half: str) -> list[Example]:
    builder = Builder(half)
    return [builder.example(i) for i in range(SIZE)]
