"""Round 3 set `chats3`: English support and business chats with names of 30 cultures.

Names stand in varied positions (no cue, beside an identifier, sign-offs, letters, tool-call
arguments and results, lower case, initials, names that are common words, third parties, the
given name alone later), with e-mails, phones, cards, IBANs, SSNs and IPs beside them, and
protected products, couriers and titles in the same records ("ship it with <courier> to
<name>").
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

from bench.pii_eval.common import Example, Private, Protected, rng_for, split_pool
from bench.pii_eval.round3 import ids3
from bench.pii_eval.round3.people3 import CULTURES, MAIL_DOMAINS, SEED3, People, Person, email_of

SIZE = 200

COURIERS = (
    "Mondial Relay", "Yodel", "Relais Colis", "Zeleris", "bpost", "CTT Expresso", "Packeta", "Andreani",
    "Servientrega", "LBC Express", "Tipsa", "CourierPost", "Toll Priority", "OnTrac", "Couriers Please",
    "StarTrack", "Parcelforce", "GEL Express", "Nacex", "Cargus", "Ninja Van", "Xpressbees", "Shadowfax",
    "Seino Express", "SF Express", "Planzer", "Coordinadora", "Mylerz", "Canpar", "Loomis",
)  # fmt: skip
PRODUCTS = (
    "Whoop 4.0", "Onewheel GT", "Ember Mug 2", "Bambu Lab P1S",
    "Flipper Zero", "Playdate console", "Logitech G Pro X Superlight", "Philips Hue Go",
    "Analogue Pocket", "Keychron Q1 Pro", "Aeropress Go", "Ninja Creami", "Breville Bambino Plus",
    "Oura Ring Gen3", "Cricut Joy Xtra", "Tonies Toniebox", "Insta360 X4", "Ooni Koda 16",
    "Brompton C Line", "Shark FlexStyle", "Tile Pro", "Eufy RoboVac G30", "Instant Pot Duo Crisp",
    "Moccamaster KBGV", "Yeti Rambler 20 oz", "Peak Design Everyday Backpack", "Lego Technic 42143",
    "Nintendo Switch Lite", "Elgato Stream Deck MK.2", "Rode NT-USB Mini",
)  # fmt: skip
TITLES = (
    "The Overstory", "Project Hail Mary", "Piranesi", "Station Eleven", "Klara and the Sun",
    "The Vanishing Half", "Cloud Atlas", "The Road", "Demon Copperhead", "Atonement", "Life of Pi",
    "The Goldfinch", "Circe", "Shōgun", "Dune Messiah", "Lessons in Chemistry",
)  # fmt: skip
PLANS = ("Business Plus plan", "Team tier", "annual Pro plan", "Family plan", "Nonprofit plan",
         "Premium Individual plan", "Growth tier", "Student plan")  # fmt: skip


class Pools:
    def __init__(self, half: str) -> None:
        self.people = People(half)
        self.couriers = split_pool(COURIERS, half, "r3:chat_couriers", SEED3)
        self.products = split_pool(PRODUCTS, half, "r3:chat_products", SEED3)
        self.titles = split_pool(TITLES, half, "r3:chat_titles", SEED3)
        self.domains = split_pool(MAIL_DOMAINS, half, "r3:domains", SEED3)
        self.plans = split_pool(PLANS, half, "r3:plans", SEED3)


class Ctx:
    """One record's random stream, pools and what it has put in so far."""

    def __init__(self, rng: random.Random, pools: Pools, culture: str) -> None:
        self.rng, self.pools, self.culture = rng, pools, culture
        self.private: list[Private] = []
        self.protected: list[Protected] = []

    def person(self, culture: str | None = None) -> Person:
        return self.pools.people.person(self.rng, culture or self.culture)

    def name(self, text: str, tag: str) -> str:
        self.private.append(Private(text, "person", tag))
        return text

    def email(self, p: Person) -> str:
        value = email_of(self.rng, p, self.pools.domains)
        self.private.append(Private(value, "email"))
        return value

    def phone(self, country: str = "") -> str:
        country = country or self.rng.choice(("US", "UK", "AT", "CH", "PH", "NZ", "EG", "CO"))
        value = ids3.phone(self.rng, country)
        self.private.append(Private(value, "phone", country))
        return value

    def ident(self, kind: str) -> str:
        value = {
            "card": ids3.card,
            "iban": ids3.iban,
            "ssn": ids3.ssn,
            "ip": lambda r: ids3.ipv4(r) if r.random() < 0.6 else ids3.ipv6(r),
        }[kind](self.rng)
        self.private.append(Private(value, kind))
        return value

    def prot(self, kind: str) -> str:
        pool = {
            "courier": self.pools.couriers,
            "product": self.pools.products,
            "title": self.pools.titles,
            "plan": self.pools.plans,
        }[kind]
        value = self.rng.choice(pool)
        self.protected.append(Protected(value, kind))
        return value

    def ref(self, prefix: str) -> str:
        value = f"{prefix}-{self.rng.randrange(100000, 999999)}"
        self.protected.append(Protected(value, "ref"))
        return value

    def example(self, *turns: dict[str, Any]) -> Example:
        return Example(list(turns), self.private, self.protected)


def user(text: str) -> dict[str, Any]:
    return {"role": "user", "content": text}


def bot(text: str) -> dict[str, Any]:
    return {"role": "assistant", "content": text}


def tool_call(name: str, args: dict[str, Any], call_id: str) -> dict[str, Any]:
    return {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": call_id,
                "type": "function",
                "function": {"name": name, "arguments": json.dumps(args, ensure_ascii=False)},
            }
        ],
    }


def tool_result(call_id: str, result: dict[str, Any]) -> dict[str, Any]:
    return {
        "role": "tool",
        "tool_call_id": call_id,
        "content": json.dumps(result, ensure_ascii=False),
    }


def t_no_cue(c: Ctx) -> Example:
    p = c.person()
    prod, courier = c.prot("product"), c.prot("courier")
    order = c.ref("ORD")
    return c.example(
        user(f"Order {order}: please ship the {prod} with {courier} to {c.name(p.full, 'no_cue')}, "
             "not to the office."),
        bot(f"Done. Order {order} now goes with {courier}; the label is printed for the new "
            "recipient."),
    )  # fmt: skip


def t_intro(c: Ctx) -> Example:
    p = c.person()
    plan = c.prot("plan")
    return c.example(
        user(f"Hello, I'm {c.name(p.full, 'intro')} and I was charged twice for the {plan}. "
             f"The card was {c.ident('card')}."),
        bot(f"Sorry about that. I can see two charges for the {plan}; the second is refunded "
            "within 5 to 7 business days."),
    )  # fmt: skip


def t_next_to_id(c: Ctx) -> Example:
    p = c.person()
    prod = c.prot("product")
    contact = f"{c.name(p.full, 'next_to_id')} <{c.email(p)}>, {c.phone()}"
    return c.example(
        user(f"Warranty claim for a {prod}. Contact: {contact}. It stopped charging after a week."),
        bot(f"Thanks. I opened a warranty case for the {prod} and we will write to that address."),
    )  # fmt: skip


def t_sign_off(c: Ctx) -> Example:
    p = c.person()
    courier = c.prot("courier")
    sign = c.rng.choice((f"Thanks,\n{p.given}", f"Cheers, {p.given}", f"— {p.given}"))
    c.name(p.given, "sign_off")
    return c.example(
        user(f"The parcel from {courier} says delivered but nothing is at the door. Could you "
             f"check with them? My number is {c.phone()}.\n\n{sign}"),
        bot(f"I have opened an enquiry with {courier}; they usually answer within two working "
            "days."),
    )  # fmt: skip


def t_letter(c: Ctx) -> Example:
    p, writer = c.person(), c.person(c.rng.choice(sorted(CULTURES)))
    title = c.prot("title")
    salutation = c.rng.choice(("Dear Ms", "Dear Mr", "Dear Dr."))
    c.name(p.surname, "letter")
    c.name(writer.full, "letter")
    letter = (
        f"{salutation} {p.surname},\n\nThank you for your order of {title}. The copy you "
        f"received was misprinted; a replacement is on its way.\n\nKind regards,\n{writer.full}\n"
        "Customer Care"
    )
    return c.example(
        user(f"Can you make this letter more polite?\n\n{letter}"),
        bot(f"{salutation} {p.surname},\n\nThank you so much for ordering {title}. We are sorry "
            f"the copy arrived misprinted; a fresh one is already on its way to you.\n\nWarm "
            f"regards,\n{writer.full}\nCustomer Care"),
    )  # fmt: skip


def t_tool_args(c: Ctx) -> Example:
    p = c.person()
    courier = c.prot("courier")
    mail = c.email(p)
    c.name(p.given, "tool_args")
    c.name(p.surname, "tool_args")
    args = {"first_name": p.given, "last_name": p.surname, "email": mail, "carrier": courier}
    return c.example(
        user(f"Book a pickup with {courier} for the returned parcel, the account email is {mail}."),
        tool_call("schedule_pickup", args, "call_1"),
        tool_result("call_1", {"status": "booked", "window": "09:00-13:00"}),
        bot(f"The {courier} pickup is booked for tomorrow between 09:00 and 13:00."),
    )  # fmt: skip


def t_tool_result(c: Ctx) -> Example:
    p = c.person()
    prod = c.prot("product")
    order = c.ref("SO")
    result = {
        "order": order,
        "customer": c.name(p.full, "tool_result"),
        "phone": c.phone(),
        "item": prod,
    }
    return c.example(
        user(f"Who placed order {order}?"),
        tool_call("lookup_order", {"order_id": order}, "call_7"),
        tool_result("call_7", result),
        bot(f"Order {order} is a {prod}; I can share the customer's details only with them."),
    )  # fmt: skip


def t_lowercase(c: Ctx) -> Example:
    p = c.person()
    low = f"{p.given} {p.surname}".lower()
    prod = c.prot("product")
    return c.example(
        user(f"hey its {c.name(low, 'lowercase')} again, the {prod} still won't pair. iban for "
             f"the refund is {c.ident('iban')}"),
        bot(f"Thanks for the details. I have logged the pairing fault on the {prod} and queued "
            "the refund to that account."),
    )  # fmt: skip


def t_common_word(c: Ctx) -> Example:
    p = c.pools.people.common_word_person(c.rng)
    courier, prod = c.prot("courier"), c.prot("product")
    return c.example(
        user(f"Ship it with {courier} to {c.name(p.full, 'common_word')}: one {prod}, gift "
             "wrapped."),
        bot(f"Noted: one gift-wrapped {prod}, sent with {courier}."),
    )  # fmt: skip


def t_initial(c: Ctx) -> Example:
    p = c.person()
    form = c.rng.choice((f"{p.given[0]}. {p.surname}", f"{p.surname}, {p.given[0]}."))
    title = c.prot("title")
    return c.example(
        user(f"Review for {title}: slow start, brilliant last third. Four stars.\n"
             f"Posted by {c.name(form, 'initial')}"),
        bot(f"Here is a tidier version: \"{title} starts slowly but the last third is "
            "brilliant. Four stars.\""),
    )  # fmt: skip


def t_third_party(c: Ctx) -> Example:
    p, friend = c.person(), c.person(c.rng.choice(sorted(CULTURES)))
    courier = c.prot("courier")
    return c.example(
        user(f"My neighbour {c.name(friend.full, 'third_party')} will sign for the {courier} "
             f"delivery while I'm away; their phone is {c.phone()}. Thanks, "
             f"{c.name(p.full, 'sign_off')}"),
        bot(f"Added a note for {courier}: the neighbour signs on your behalf."),
    )  # fmt: skip


def t_first_later(c: Ctx) -> Example:
    p = c.person()
    plan = c.prot("plan")
    c.name(p.given, "first_later")
    return c.example(
        user(f"Account owner is {c.name(p.full, 'intro')}, SSN {c.ident('ssn')}, for the tax "
             f"form on the {plan}."),
        bot(f"Thank you, {p.given}. The tax form for the {plan} will be in the billing page by "
            "Friday."),
    )  # fmt: skip


def t_hyphenated(c: Ctx) -> Example:
    p = c.person("korean")
    prod = c.prot("product")
    return c.example(
        user(f"Please put the {prod} warranty under {c.name(p.full, 'hyphenated')}, "
             f"{c.email(p)}."),
        bot(f"The {prod} warranty is now registered to that e-mail."),
    )  # fmt: skip


def t_csv(c: Ctx) -> Example:
    rows, people = [], [c.person(c.rng.choice(sorted(CULTURES))) for _ in range(2)]
    for p in people:
        rows.append(f"{c.name(p.full, 'csv')},{c.email(p)},{c.prot('product')}")
    table = "name,email,item\n" + "\n".join(rows)
    return c.example(
        user(f"Turn this into a markdown table:\n{table}"),
        bot("| name | email | item |\n|---|---|---|\n"
            + "\n".join("| " + r.replace(",", " | ") + " |" for r in rows)),
    )  # fmt: skip


def t_email_header(c: Ctx) -> Example:
    p = c.person()
    mail = c.email(p)
    courier = c.prot("courier")
    head = f"From: {c.name(p.full, 'email_header')} <{mail}>\nSubject: {courier} return label"
    return c.example(
        user(f"Summarise this mail:\n{head}\n\nHi, the return label you sent for {courier} has "
             f"expired. My IP when I tried was {c.ident('ip')}, if that helps."),
        bot(f"The customer says the {courier} return label expired and asks for a new one."),
    )  # fmt: skip


def t_clean(c: Ctx) -> Example:
    courier, prod = c.prot("courier"), c.prot("product")
    order = c.ref("ORD")
    return c.example(
        user(f"Does {courier} deliver on Saturdays? Order {order} is a {prod}."),
        bot(f"{courier} delivers on Saturdays in most cities; order {order} is due Monday."),
    )  # fmt: skip


TEMPLATES: tuple[Callable[[Ctx], Example], ...] = (
    t_no_cue, t_intro, t_next_to_id, t_sign_off, t_letter, t_tool_args, t_tool_result,
    t_lowercase, t_common_word, t_initial, t_third_party, t_first_later, t_hyphenated, t_csv,
    t_email_header,
)  # fmt: skip


def generate(half: str) -> list[Example]:
    rng = rng_for("chats3", half, SEED3)
    pools = Pools(half)
    cultures = sorted(CULTURES)
    out = []
    for i in range(SIZE):
        culture = rng.choice(cultures)
        ctx = Ctx(random.Random(rng.random()), pools, culture)
        template = t_clean if i % 10 == 9 else TEMPLATES[i % len(TEMPLATES)]
        out.append(template(ctx))
    return out
