"""``chats6``: English support, business and personal chats in situations new to round 6.

Vet clinics, allotment waiting lists, choir rotas, bike-repair tickets, visa-appointment
letters, payroll corrections, estate-agent viewings, apprenticeship references, lost-luggage
claims, meter readings. Names of 20 cultures in every position; about 3 in 10 people carry a
given name or surname that is also an everyday English word.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

from bench.pii_eval.common import Example, Private
from bench.pii_eval.round6.common6 import card, iban, ipv4, ipv6, pool, rng, ssn
from bench.pii_eval.round6.names6 import People, Person, add_person, protect
from bench.pii_eval.round6.things6 import JOB_TITLES, PLANS, PRODUCTS, TECH

N_RECORDS = 120


class Ctx:
    def __init__(self, half: str) -> None:
        self.r = rng("chats6", half)
        self.people = People(half, self.r)
        self.products = pool(PRODUCTS, half, "products")
        self.plans = {k: pool(v, half, f"plans:{k}") for k, v in PLANS.items()}
        self.jobs = {k: pool(v, half, f"job_titles:{k}") for k, v in JOB_TITLES.items()}
        self.tech = {k: pool(v, half, f"tech:{k}") for k, v in TECH.items()}

    def person(self, **kw: Any) -> Person:
        return self.people.person(**kw)

    def pick(self, ex: Example, kind: str, situation: str = "") -> str:
        """A protected string of ``kind``; plans, titles and technical strings by situation."""
        items = {
            "product": {"": self.products},
            "plan": self.plans,
            "job_title": self.jobs,
            "technical": self.tech,
        }[kind][situation]
        value = self.r.choice(items)
        protect(ex, value, kind)
        return value

    def ref(self, ex: Example, prefix: str) -> str:
        value = f"{prefix}-{self.r.randint(10000, 99999)}"
        protect(ex, value, "reference")
        return value

    def email(self, ex: Example, p: Person) -> str:
        value = self.people.email(p)
        ex.private.append(Private(value, "email", p.culture))
        return value

    def phone(self, ex: Example, p: Person) -> str:
        value, country = self.people.phone_of(p)
        ex.private.append(Private(value, "phone", country))
        return value


def _user(text: str) -> dict[str, Any]:
    return {"role": "user", "content": text}


def _bot(text: str) -> dict[str, Any]:
    return {"role": "assistant", "content": text}


def _call(name: str, args: dict[str, Any], cid: str) -> dict[str, Any]:
    return {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": cid,
                "type": "function",
                "function": {"name": name, "arguments": json.dumps(args, ensure_ascii=False)},
            }
        ],
    }


def _result(cid: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {"role": "tool", "tool_call_id": cid, "content": json.dumps(payload, ensure_ascii=False)}


def vet_no_cue(c: Ctx) -> Example:
    ex = Example([])
    p = c.person()
    plan = c.pick(ex, "plan", "vet")
    pet = c.r.choice(["Biscuit", "Pickle", "Nacho", "Waffles", "Pumpkin"])
    ex.messages = [
        _user(
            f"{p.full} will bring {pet} in on Thursday for the booster. Is it covered by the {plan}?"
        ),
        _bot(f"Yes, the {plan} covers one booster a year, so Thursday's visit is included."),
    ]
    add_person(ex, p.full, p, "no_cue")
    return ex


def allotment_intro(c: Ctx) -> Example:
    ex = Example([])
    p = c.person()
    plan = c.pick(ex, "plan", "allotment")
    year = c.r.choice([2021, 2022, 2023])
    ex.messages = [
        _user(
            f"Hello, I'm {p.full}. I joined the allotment waiting list in {year}, any news on a {plan}?"
        ),
        _bot(f"Thanks {p.given}. You're number {c.r.randint(3, 40)} on the list for the {plan}."),
        _user("Great, please keep me posted."),
    ]
    add_person(ex, p.full, p, "intro")
    add_person(ex, p.given, p, "first_later")
    return ex


def choir_rota_list(c: Ctx) -> Example:
    ex = Example([])
    job = c.pick(ex, "job_title", "choir")
    people = [c.person() for _ in range(3)]
    lines = "\n".join(f"- {p.full}" for p in people)
    ex.messages = [
        _user(
            f"Can you turn this choir rota into a sentence for the newsletter?\nTea duty this month:\n{lines}\nSheet music: ask the {job}."
        ),
        _bot(
            f"Tea duty this month falls to {people[0].full}, {people[1].full} and {people[2].full}; the {job} has the sheet music."
        ),
    ]
    for p in people:
        add_person(ex, p.full, p, "list")
    return ex


def bike_ticket_tools(c: Ctx) -> Example:
    ex = Example([])
    p = c.person()
    tech = c.pick(ex, "technical", "bike")
    ticket = c.ref(ex, "BR")
    ex.messages = [
        _user(
            f"My gears keep slipping since the last service (the shop noted {tech}). Can you open a repair ticket?"
        ),
        _call(
            "create_repair_ticket",
            {
                "first_name": p.given,
                "last_name": p.surname,
                "issue": f"gears slipping; noted {tech}",
            },
            "call_bike",
        ),
        _result(
            "call_bike",
            {"ticket": ticket, "customer": p.full, "status": "booked", "slot": "Saturday 10:00"},
        ),
        _bot(f"Ticket {ticket} is booked for Saturday at 10:00."),
    ]
    add_person(ex, p.given, p, "tool_args")
    add_person(ex, p.surname, p, "tool_args")
    add_person(ex, p.full, p, "tool_result")
    return ex


def visa_letter(c: Ctx) -> Example:
    ex = Example([])
    p, officer = c.person(), c.person()
    job = c.pick(ex, "job_title", "visa")
    plan = c.pick(ex, "plan", "visa")
    honorific = c.r.choice(["Ms", "Mr", "Dr", "Mx"])
    letter = (
        f"Dear {honorific} {p.surname},\n\nYour visa appointment under the {plan} is confirmed for "
        f"{c.r.randint(2, 28)} March at 09:30. Please bring your passport and two photographs.\n\n"
        f"Yours sincerely,\n{officer.full}\n{job}"
    )
    ex.messages = [
        _user(f"Can you shorten this letter for a text message?\n\n{letter}"),
        _bot(f"Visa appointment ({plan}) confirmed: bring passport and two photos."),
    ]
    add_person(ex, p.surname, p, "letter")
    add_person(ex, officer.full, officer, "letter")
    return ex


def payroll_ids(c: Ctx) -> Example:
    ex = Example([])
    p = c.person()
    job = c.pick(ex, "job_title", "payroll")
    number, code = ssn(c.r), iban(c.r, c.r.choice(["GE", "LT", "RS", "AL", "IS", "ES", "IE", "KZ"]))
    ex.messages = [
        _user(
            f"Payroll correction: {p.full}, SSN {number}, was paid into an old account. New IBAN {code}. Please fix before Friday's run."
        ),
        _bot(f"Noted. I'll pass it to the {job} so the correction goes out with Friday's run."),
    ]
    add_person(ex, p.full, p, "next_to_id")
    ex.private += [Private(number, "ssn", "us"), Private(code, "iban", code[:2])]
    return ex


def viewing_third_party(c: Ctx) -> Example:
    ex = Example([])
    p = c.person()
    plan = c.pick(ex, "plan", "lettings")
    rel = c.r.choice(["partner", "flatmate", "brother", "aunt", "landlady"])
    num = c.phone(ex, p)
    ex.messages = [
        _user(
            f"My {rel} {p.full} will come to the viewing of the two-bed on Thursday instead of me. Reach them on {num}."
        ),
        _bot(
            f"No problem, I'll note that your {rel} is attending. The flat is offered on our {plan} service."
        ),
    ]
    add_person(ex, p.full, p, "third_party")
    return ex


def reference_possessive(c: Ctx) -> Example:
    ex = Example([])
    p, referee = c.person(), c.person()
    job = c.pick(ex, "job_title", "apprenticeship")
    num = c.phone(ex, referee)
    ex.messages = [
        _user(
            f"Please proofread my apprenticeship reference:\n\n{p.full}'s attendance over two years was excellent "
            f"and the work was always careful.\n\nBest wishes,\n{referee.full}\n{job}\n{num}"
        ),
        _bot("It reads well. Consider adding one concrete example of careful work."),
    ]
    add_person(ex, p.full, p, "possessive")
    add_person(ex, referee.full, referee, "sign_off")
    return ex


def luggage_uppercase_card(c: Ctx) -> Example:
    ex = Example([])
    p = c.person()
    plan = c.pick(ex, "plan", "luggage")
    ref = c.ref(ex, "LLC")
    number = card(c.r, c.r.choice(["visa", "mc5", "mc2", "amex", "discover", "jcb", "diners"]))
    upper = p.full.upper()
    ex.messages = [
        _user(
            f"Lost-luggage claim {ref}. Refund the courier fee to the card: {number}, name on card {upper}. I have {plan}."
        ),
        _bot(f"Thanks. Claim {ref} is updated; refunds under {plan} take about five working days."),
    ]
    add_person(ex, upper, p, "uppercase")
    ex.private.append(Private(number, "card", "card"))
    return ex


def meter_lowercase(c: Ctx) -> Example:
    ex = Example([])
    p = c.person()
    tech = c.pick(ex, "technical", "meter")
    mail = c.email(ex, p)
    low = p.full.lower()
    ex.messages = [
        _user(
            f"hi its {low}, reading is {c.r.randint(10000, 99999)}, display also says {tech}, pls confirm to {mail}"
        ),
        _bot(
            f"Thanks, the reading is logged; '{tech}' on the display is normal. A confirmation is on its way."
        ),
    ]
    add_person(ex, low, p, "lowercase")
    return ex


def header_email(c: Ctx) -> Example:
    ex = Example([])
    a, b = c.person(), c.person()
    ma, mb = c.email(ex, a), c.email(ex, b)
    plan = c.pick(ex, "plan", "energy")
    ex.messages = [
        _user(
            f"Summarise this e-mail:\n\nFrom: {a.full} <{ma}>\nTo: {b.full} <{mb}>\nSubject: {plan} renewal\n\nThe renewal is due on the 1st; the price stays the same."
        ),
        _bot(f"The {plan} renewal is due on the 1st at the same price."),
    ]
    add_person(ex, a.full, a, "email_header")
    add_person(ex, b.full, b, "email_header")
    return ex


def csv_rows(c: Ctx) -> Example:
    ex = Example([])
    rows, people = [], [c.person() for _ in range(2)]
    for p in people:
        rows.append(f"{p.full},{c.email(ex, p)},{c.phone(ex, p)}")
        add_person(ex, p.full, p, "csv")
    ex.messages = [
        _user(
            "Convert to JSON with keys name, email, phone:\nname,email,phone\n" + "\n".join(rows)
        ),
        _bot("Here it is as a JSON array with one object per row."),
    ]
    return ex


def initials(c: Ctx) -> Example:
    ex = Example([])
    a, b = c.person(), c.person()
    ref = c.ref(ex, "PAY")
    first, second = f"{a.given[0]}. {a.surname}", f"{b.surname}, {b.given[0]}."
    ex.messages = [
        _user(
            f"Payslip query {ref} was approved by {first} and countersigned by {second}. Who do I chase?"
        ),
        _bot(f"Start with whoever approved {ref}; the countersignature only confirms it."),
    ]
    add_person(ex, first, a, "initial")
    add_person(ex, second, b, "initial")
    return ex


def hyphenated(c: Ctx) -> Example:
    ex = Example([])
    base = c.person(culture=c.r.choice(["anglo", "american"]), word=False)
    other = c.r.choice(c.people.surnames[base.culture])
    if other == base.surname:
        other = next(s for s in c.people.surnames[base.culture] if s != base.surname)
    p = Person(base.given, f"{base.surname}-{other}", base.culture, False)
    product = c.pick(ex, "product")
    ex.messages = [
        _user(
            f"The {product} I ordered is registered to {p.full}, but it should be in my name. Can that change?"
        ),
        _bot(f"Yes, we can move the {product} registration; we'll need proof of purchase."),
    ]
    add_person(ex, p.full, p, "hyphenated")
    return ex


def particle(c: Ctx) -> Example:
    ex = Example([])
    p = c.people.with_particle()
    ref = c.ref(ex, "VET")
    ex.messages = [
        _user(
            f"Vet invoice {ref} is addressed to {p.full}; our cat is registered under that name."
        ),
        _bot(f"Thanks, invoice {ref} matches the registration."),
    ]
    add_person(ex, p.full, p, "particle")
    return ex


def apostrophe(c: Ctx) -> Example:
    ex = Example([])
    p = c.people.with_apostrophe()
    product = c.pick(ex, "product")
    ex.messages = [
        _user(f"Please add {p.full} to the collection list for the {product} repair."),
        _bot(f"Done: {p.surname} is on the collection list."),
    ]
    add_person(ex, p.full, p, "apostrophe")
    add_person(ex, p.surname, p, "apostrophe")
    return ex


def greeting(c: Ctx) -> Example:
    ex = Example([])
    p = c.person()
    plan = c.pick(ex, "plan", "choir")
    ex.messages = [
        _user(
            f"Write a friendly reply to: \"Hi {p.given}, could you cover choir warm-ups next week? It's part of the {plan} rota.\" I'm away that week."
        ),
        _bot(
            "Thanks for asking! I'm away next week, so I can't cover warm-ups this time. Happy to help another week."
        ),
    ]
    add_person(ex, p.given, p, "greeting")
    return ex


def possessive_ips(c: Ctx) -> Example:
    ex = Example([])
    p = c.person()
    a, b = ipv4(c.r), ipv6(c.r)
    tech = c.pick(ex, "technical", "network")
    ex.messages = [
        _user(
            f"{p.full}'s payroll portal account logged in from {a} and then {b} within a minute. Suspicious?"
        ),
        _bot(
            f"Two addresses a minute apart can be a phone switching networks. Check whether {tech} alerts fired."
        ),
    ]
    add_person(ex, p.full, p, "possessive")
    ex.private += [Private(a, "ip", "ipv4"), Private(b, "ip", "ipv6")]
    return ex


def luggage_tool(c: Ctx) -> Example:
    ex = Example([])
    p = c.person()
    ref = c.ref(ex, "BAG")
    product = c.pick(ex, "product")
    ex.messages = [
        _user(f"My suitcase with a {product} inside didn't arrive. Claim {ref}."),
        _call("find_baggage", {"claim": ref, "passenger_name": p.full.lower()}, "call_bag"),
        _result(
            "call_bag", {"claim": ref, "status": "located", "owner": p.full, "hub": "Transfer desk"}
        ),
        _bot(f"Good news: the bag for claim {ref} has been located at the transfer desk."),
    ]
    add_person(ex, p.full.lower(), p, "tool_args")
    add_person(ex, p.full, p, "tool_result")
    return ex


def sign_off_phone(c: Ctx) -> Example:
    ex = Example([])
    p = c.person()
    num = c.phone(ex, p)
    plan = c.pick(ex, "plan", "energy")
    ex.messages = [
        _user(
            f"Our meter was read twice this quarter on the {plan}. Could you check the bill?\n\nThanks,\n{p.full}\n{num}"
        ),
        _bot(f"I'll check the two readings on the {plan} and come back to you."),
    ]
    add_person(ex, p.full, p, "sign_off")
    return ex


def intro_email(c: Ctx) -> Example:
    ex = Example([])
    p = c.person()
    mail = c.email(ex, p)
    num = c.phone(ex, p)
    ref = c.ref(ex, "APP")
    ex.messages = [
        _user(
            f"My name is {p.full}, e-mail {mail}, phone {num}. I'm chasing apprenticeship application {ref}."
        ),
        _bot(f"Thanks {p.given}, application {ref} is with the assessor."),
    ]
    add_person(ex, p.full, p, "next_to_id")
    add_person(ex, p.given, p, "first_later")
    return ex


def clean_bike(c: Ctx) -> Example:
    ex = Example([])
    tech = c.pick(ex, "technical", "bike")
    product = c.pick(ex, "product")
    ex.messages = [
        _user(
            f"Is {tech} worth it on a commuter bike, or should I spend the money on a {product}?"
        ),
        _bot(
            f"For commuting, {tech} mostly buys reliability; the {product} is a nice extra rather than a need."
        ),
    ]
    return ex


def clean_tariff(c: Ctx) -> Example:
    ex = Example([])
    plan = c.pick(ex, "plan", "energy")
    ref = c.ref(ex, "TAR")
    ex.messages = [
        _user(
            f"Compare the {plan} with a flat tariff for a household using 2,900 kWh a year (quote {ref})."
        ),
        _bot(
            f"With most use in the evening, the {plan} saves little; a flat tariff is simpler for quote {ref}."
        ),
    ]
    return ex


TEMPLATES: list[Callable[[Ctx], Example]] = [
    vet_no_cue, allotment_intro, choir_rota_list, bike_ticket_tools, visa_letter, payroll_ids,
    viewing_third_party, reference_possessive, luggage_uppercase_card, meter_lowercase,
    clean_bike, header_email, csv_rows, initials, hyphenated, particle, apostrophe, greeting,
    possessive_ips, luggage_tool, sign_off_phone, intro_email, clean_tariff,
]  # fmt: skip


def generate(half: str) -> list[Example]:
    c = Ctx(half)
    order = [TEMPLATES[i % len(TEMPLATES)] for i in range(N_RECORDS)]
    random.Random(f"r6:chats6:order:{half}").shuffle(order)
    return [make(c) for make in order]
