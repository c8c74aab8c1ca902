"""chats8: English support and personal chats with names in every position (round 8)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

from bench.pii_eval.common import Example, Private, Protected
from bench.pii_eval.round8.common8 import CARD_BRANDS, card, iban, ip, phone, pool, rng, ssn
from bench.pii_eval.round8.persons8 import Names, Person
from bench.pii_eval.round8.things8 import JOB_TITLES, PLANS, PRODUCTS, TECH


class Ctx:
    def __init__(self, half: str, r: random.Random) -> None:
        self.r = r
        self.names = Names(half)
        self.products = pool(PRODUCTS, half, "products")
        self.plans = {k: pool(v, half, f"plans:{k}") for k, v in PLANS.items()}
        self.titles = pool(JOB_TITLES, half, "job_titles")
        self.tech = pool(TECH, half, "tech")
        self.cards = 0 if half == "dev" else 3

    def ref(self, prefix: str) -> str:
        return f"{prefix}-{self.r.randrange(10000, 99999)}"

    def phone_of(self, p: Person) -> str:
        return phone(self.r, p.phone_country, self.r.random() < 0.5)

    def plan(self, kind: str) -> str:
        return self.r.choice(self.plans[kind])


def _msg(role: str, content: str) -> dict[str, Any]:
    return {"role": role, "content": content}


def _call(
    name: str, args: dict[str, Any], result: dict[str, Any], call_id: str
) -> list[dict[str, Any]]:
    return [
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": call_id,
                    "type": "function",
                    "function": {"name": name, "arguments": json.dumps(args, ensure_ascii=False)},
                }
            ],
        },
        {
            "role": "tool",
            "tool_call_id": call_id,
            "content": json.dumps(result, ensure_ascii=False),
        },
    ]


def vet_claim(c: Ctx) -> Example:
    p = c.names.person(c.r)
    email, tel, plan, ref = c.names.email(c.r, p), c.phone_of(p), c.plan("vet"), c.ref("VC")
    user = (
        f"Hello, my name is {p.full}. I'd like to claim under {plan} for my cat's dental work. "
        f"You can reach me at {email} or {tel}."
    )
    bot = f"Thank you, {p.given}. Claim {ref} is open; upload the vet's itemised invoice."
    return Example(
        [_msg("user", user), _msg("assistant", bot)],
        [p.item(p.full, "intro"), p.item(p.given, "first_later"),
         Private(email, "email", "next_to_id"), Private(tel, "phone", p.phone_country)],
        [Protected(plan, "plan"), Protected(ref, "reference")],
    )  # fmt: skip


def marina_booking(c: Ctx) -> Example:
    p = c.names.person(c.r)
    plan, product, ref = c.plan("marina"), c.r.choice(c.products), c.ref("SL")
    call_id = f"call_{c.r.randrange(10**6):06d}"
    msgs = [
        _msg("user", f"Book a slip for the season please, {plan}. Boat has a {product} fitted.")
    ]
    msgs += _call(
        "book_slip",
        {"first_name": p.given, "last_name": p.surname, "plan": plan, "length_m": 9.5},
        {"status": "confirmed", "slip": f"C-{c.r.randrange(1, 60)}", "holder": p.full, "ref": ref},
        call_id,
    )
    msgs.append(_msg("assistant", f"Done: slip booked under {ref} with {plan}."))
    return Example(
        msgs,
        [p.item(p.given, "tool_args"), p.item(p.surname, "tool_args"), p.item(p.full, "tool_result")],
        [Protected(plan, "plan"), Protected(product, "product"), Protected(ref, "reference")],
    )  # fmt: skip


def blood_donation(c: Ctx) -> Example:
    p = c.names.person(c.r)
    ref, tel = c.ref("BD"), c.phone_of(p)
    user = f"{p.full}\nDonor number {ref}\n{tel}\nCan my platelet appointment move to Thursday at 10:30?"
    bot = "Thursday 10:30 is free; please drink plenty of water and eat beforehand."
    return Example(
        [_msg("user", user), _msg("assistant", bot)],
        [p.item(p.full, "no_cue"), Private(tel, "phone", p.phone_country)],
        [Protected(ref, "reference")],
    )


def lesson_invoice(c: Ctx) -> Example:
    parent, teacher = c.names.person(c.r), c.names.person(c.r)
    plan, ref, title, tel = (
        c.plan("lessons"),
        c.ref("INV"),
        c.r.choice(c.titles),
        c.phone_of(teacher),
    )
    letter = (
        f"Dear Mx {parent.surname},\n\nPlease find invoice {ref} for the {plan}. "
        f"Payment is due within 14 days.\n\nKind regards,\n{teacher.full}\n{title}\n{tel}"
    )
    return Example(
        [_msg("user", f"Can you make this letter sound friendlier?\n\n{letter}"),
         _msg("assistant", "Sure - I have softened the wording and kept the invoice details.")],
        [parent.item(parent.surname, "letter"), teacher.item(teacher.full, "sign_off"),
         Private(tel, "phone", teacher.phone_country)],
        [Protected(plan, "plan"), Protected(ref, "reference"), Protected(title, "job_title")],
    )  # fmt: skip


def parking_permit(c: Ctx) -> Example:
    p = c.names.person(c.r)
    # Brands in turn (from another start per half), so that every brand occurs.
    brands = sorted(CARD_BRANDS)
    brand = brands[c.cards % len(brands)]
    c.cards += 1
    number = card(c.r, *CARD_BRANDS[brand])
    plan = c.plan("parking")
    user = f"Please renew my {plan}. Card {number}, name on card {p.full.upper()}, expiry 09/29."
    return Example(
        [_msg("user", user), _msg("assistant", f"Your {plan} is renewed for twelve months.")],
        [p.item(p.full.upper(), "uppercase"), Private(number, "card", brand)],
        [Protected(plan, "plan")],
    )


def translation_quote(c: Ctx) -> Example:
    p = c.names.person(c.r)
    plan, number, acct = (
        c.plan("translation"),
        ssn(c.r),
        iban(c.r, c.r.choice(["TN", "IL", "CR", "BA", "FO", "ME", "XK"])),
    )
    tech = c.r.choice(c.tech)
    user = (
        f"Quote for the {plan}, please: a birth certificate for {p.full}, SSN {number}. "
        f"Refunds go to IBAN {acct}. Your upload portal says {tech} is required?"
    )
    return Example(
        [_msg("user", user), _msg("assistant", "The quote is on its way; the portal note is only about encryption.")],
        [p.item(p.full, "next_to_id"), Private(number, "ssn", "US"), Private(acct, "iban", acct[:2])],
        [Protected(plan, "plan"), Protected(tech, "technical")],
    )  # fmt: skip


def solar_install(c: Ctx) -> Example:
    p = c.names.person(c.r)
    product, tech = c.r.choice(c.products), c.r.choice(c.tech)
    call_id = f"call_{c.r.randrange(10**6):06d}"
    msgs = [_msg("user", f"Schedule the install of the {product}; the inverter talks {tech}.")]
    msgs += _call(
        "schedule_solar_install",
        {"customer": p.full.lower(), "product": product, "notes": tech},
        {"status": "scheduled", "crew": "B", "window": "08:00-12:00"},
        call_id,
    )
    msgs.append(_msg("assistant", "Crew B is booked for the morning window."))
    return Example(msgs, [p.item(p.full.lower(), "lowercase")],
                   [Protected(product, "product"), Protected(tech, "technical")])  # fmt: skip


def museum_tour(c: Ctx) -> Example:
    people = [c.names.person(c.r) for _ in range(3)]
    lines = "\n".join(f"- {p.full}" for p in people)
    title = c.r.choice(c.titles)
    user = f"Group of three for Saturday's 11:00 tour; the {title} asked for the list:\n{lines}"
    return Example(
        [_msg("user", user), _msg("assistant", "All three are on the Saturday list.")],
        [p.item(p.full, "list") for p in people],
        [Protected(title, "job_title")],
    )


def housing_csv(c: Ctx) -> Example:
    people = [c.names.person(c.r) for _ in range(3)]
    issues = ["leaking tap", "broken blind", "no hot water"]
    rows = "\n".join(
        f"{c.r.randrange(100, 499)}B,{p.full},{i}" for p, i in zip(people, issues, strict=True)
    )
    title = c.r.choice(c.titles)
    user = f"Sort these repair requests by urgency for the {title}:\nroom,resident,issue\n{rows}"
    return Example(
        [
            _msg("user", user),
            _msg("assistant", "No hot water first, then the tap, then the blind."),
        ],
        [p.item(p.full, "csv") for p in people],
        [Protected(title, "job_title")],
    )


def bikeshare_header(c: Ctx) -> Example:
    a, b = c.names.person(c.r), c.names.person(c.r)
    ea, eb, plan, ref = (
        c.names.email(c.r, a),
        c.names.email(c.r, b),
        c.plan("bikeshare"),
        c.ref("RIDE"),
    )
    mail = (
        f"From: {a.full} <{ea}>\nTo: {b.full} <{eb}>\nSubject: Disputed ride {ref}\n\n"
        f"I was charged an overtime fee although I am on {plan}. The dock was full."
    )
    return Example(
        [_msg("user", f"Summarise this e-mail in one line:\n\n{mail}"),
         _msg("assistant", f"A rider on {plan} disputes an overtime fee for ride {ref} because the dock was full.")],
        [a.item(a.full, "email_header"), b.item(b.full, "email_header"),
         Private(ea, "email", "email_header"), Private(eb, "email", "email_header")],
        [Protected(plan, "plan"), Protected(ref, "reference")],
    )  # fmt: skip


def petsit(c: Ctx) -> Example:
    me, friend = c.names.person(c.r), c.names.person(c.r)
    plan, addr = c.plan("petsit"), ip(c.r)
    user = (
        f"I booked {plan} for next week. My friend {friend.full} will hand over the keys. "
        f"Also, {me.given}'s account shows a login from {addr} that wasn't me."
    )
    return Example(
        [_msg("user", user), _msg("assistant", "I've noted the key handover and reset the account session.")],
        [friend.item(friend.full, "third_party"), me.item(me.given, "possessive"), Private(addr, "ip", "")],
        [Protected(plan, "plan")],
    )  # fmt: skip


def funeral(c: Ctx) -> Example:
    staff, client = c.names.person(c.r), c.names.person(c.r)
    plan, title, tel = c.plan("funeral"), c.r.choice(c.titles), c.phone_of(client)
    quoted = (
        f"> Hi {client.given},\n> the {plan} includes the viewing room.\n> {staff.full}, {title}"
    )
    user = f"{quoted}\n\nThank you. Could the service start at 2 pm?\n\n{client.full}\n{tel}"
    return Example(
        [_msg("user", user), _msg("assistant", "2 pm is possible; I will confirm by phone.")],
        [client.item(client.given, "greeting"), staff.item(staff.full, "sign_off"),
         client.item(client.full, "sign_off"), Private(tel, "phone", client.phone_country)],
        [Protected(plan, "plan"), Protected(title, "job_title")],
    )  # fmt: skip


def name_shapes(c: Ctx) -> Example:
    shape = c.r.choice(["hyphen", "particle", "apostrophe", "initial"])
    p = c.names.person(c.r, "plain" if shape == "initial" else shape)
    plan = c.plan(c.r.choice(sorted(c.plans)))
    if shape == "initial":
        text = c.r.choice([f"{p.given[0]}. {p.surname}", f"{p.surname}, {p.given[0]}."])
        position = "initial"
    else:
        text, position = p.full, {"hyphen": "hyphenated"}.get(shape, shape)
    user = f"The account on {plan} should read {text} - can you correct the spelling?"
    return Example(
        [_msg("user", user), _msg("assistant", "Corrected; the new spelling shows on your next statement.")],
        [p.item(text, position)],
        [Protected(plan, "plan")],
    )  # fmt: skip


def no_private(c: Ctx) -> Example:
    kind = c.r.choice(sorted(c.plans))
    plan, product, tech = c.plan(kind), c.r.choice(c.products), c.r.choice(c.tech)
    user = c.r.choice(
        [f"What does {plan} cover compared with the cheaper tier?",
         f"Does the {product} support {tech}?",
         f"Is {plan} refundable if I cancel within 14 days?"]
    )  # fmt: skip
    prot = (
        [Protected(plan, "plan")]
        if plan in user
        else [Protected(product, "product"), Protected(tech, "technical")]
    )
    return Example(
        [_msg("user", user), _msg("assistant", "Yes, within the limits in the terms.")], [], prot
    )


TEMPLATES: list[Callable[[Ctx], Example]] = [
    vet_claim, marina_booking, blood_donation, lesson_invoice, parking_permit, translation_quote,
    solar_install, museum_tour, housing_csv, bikeshare_header, petsit, funeral, name_shapes,
    name_shapes,
]  # fmt: skip


def generate(half: str) -> list[Example]:
    r = rng("chats8", half)
    c = Ctx(half, r)
    out = []
    for i in range(120):
        if i % 10 == 9:
            out.append(no_private(c))
        else:
            out.append(TEMPLATES[(i - i // 10) % len(TEMPLATES)](c))
    return out
