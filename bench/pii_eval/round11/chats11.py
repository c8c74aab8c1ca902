"""``chats11``: English chats about beekeeping, piano tuning, kiln shares, regattas, bell
towers, model railways, balloon flights and cider pressing, with names in every position."""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Private, Protected, rng_for
from bench.pii_eval.round11 import things11 as things
from bench.pii_eval.round11.common11 import SEED11, digits, luhn_complete, make_iban, pool
from bench.pii_eval.round11.persons11 import Cast, Person

# (prefix, length): Visa, Mastercard 5- and 2-series, Amex, Discover, JCB, Diners
CARDS = [
    ("4716", 16),
    ("5329", 16),
    ("2221", 16),
    ("3782", 15),
    ("6011", 16),
    ("3589", 16),
    ("3056", 14),
]
# IBAN country and BBAN maker per half (none of them an IBAN country of earlier rounds)
IBANS = {
    "dev": [
        ("LC", lambda r: "HEMM" + digits(r, 24)),
        ("SC", lambda r: "SSCB" + digits(r, 20) + "SCR"),
        ("IQ", lambda r: "NBIQ" + digits(r, 15)),
        ("LY", lambda r: digits(r, 21)),
    ],
    "test": [("UA", lambda r: digits(r, 25)), ("TL", lambda r: digits(r, 19)),
             ("VG", lambda r: "VPVG" + digits(r, 16)), ("GL", lambda r: digits(r, 14))],
}  # fmt: skip


class Kit:
    def __init__(self, half: str) -> None:
        self.half = half
        self.cast = Cast(half)
        self.products = pool(things.PRODUCTS, half, "products")
        self.plans = {k: pool(v, half, f"plans:{k}") for k, v in things.PLANS.items()}
        self.titles = pool(things.JOB_TITLES, half, "job_titles")
        self.tech = pool(things.TECH, half, "tech")
        self.cards = 0
        self.ibans = 0
        self.callers = 0

    def caller(self, rng: random.Random) -> Person:
        """Someone who gives a phone: cultures in turn, so every phone country shows up."""
        culture = self.cast.cultures[self.callers % len(self.cast.cultures)]
        self.callers += 1
        return self.cast.draw(rng, culture=culture)

    def card(self, rng: random.Random) -> Private:
        prefix, length = CARDS[self.cards % len(CARDS)]
        self.cards += 1
        return Private(luhn_complete(prefix, length, rng), "card", "card")

    def iban(self, rng: random.Random) -> Private:
        country, bban = IBANS[self.half][self.ibans % 4]
        self.ibans += 1
        return Private(make_iban(country, bban(rng)), "iban", country)

    def plan(self, rng: random.Random, situation: str) -> Protected:
        return Protected(rng.choice(self.plans[situation]), "plan")


def ssn(rng: random.Random) -> Private:
    return Private(
        f"{rng.randrange(101, 665)}-{rng.randrange(10, 99)}-{rng.randrange(1001, 9999)}",
        "ssn",
        "US",
    )


def ip(rng: random.Random) -> Private:
    if rng.random() < 0.5:
        text = f"{rng.randrange(81, 213)}.{rng.randrange(1, 250)}.{rng.randrange(1, 250)}.{rng.randrange(2, 250)}"
    else:
        text = (
            "2a01:"
            + ":".join(f"{rng.randrange(16**4):x}" for _ in range(3))
            + "::"
            + f"{rng.randrange(1, 4096):x}"
        )
    return Private(text, "ip", "ip")


def ref(rng: random.Random, prefix: str) -> Protected:
    return Protected(f"{prefix}-{digits(rng, 6)}", "reference")


def chat(user: str, reply: str) -> list[dict[str, object]]:
    return [{"role": "user", "content": user}, {"role": "assistant", "content": reply}]


def t_intro(k: Kit, r: random.Random) -> Example:
    p = k.caller(r)
    ph = k.cast.phone(p, r)
    plan = k.plan(r, "bees")
    user = f"Hello, I'm {p.full}, I'd like to join the {plan.text} at the apiary. Reach me on {ph.text}."
    reply = f"Welcome, {p.given}! The {plan.text} starts with a veil fitting on Saturday."
    return Example(
        chat(user, reply), [p.gold(p.full, "intro"), ph, p.gold(p.given, "first_later")], [plan]
    )


def t_no_cue(k: Kit, r: random.Random) -> Example:
    p = k.caller(r)
    ph = k.cast.phone(p, r)
    prod = Protected(r.choice(k.products), "product")
    user = f"{p.full}\n{ph.text}\nDoes the tuner need the {prod.text} moved out of the music room?"
    return Example(
        chat(user, "Only if it stands within a metre of the piano's soundboard."),
        [p.gold(p.full, "no_cue"), ph],
        [prod],
    )


def t_next_to_id(k: Kit, r: random.Random) -> Example:
    p = k.cast.draw(r)
    ident = ssn(r)
    plan = k.plan(r, "balloon")
    user = f"Booking the {plan.text}: passenger {p.full}, {ident.text}. Can we fly if it's misty?"
    return Example(
        chat(user, "Flights go only when the pilot clears the forecast at dawn."),
        [p.gold(p.full, "next_to_id"), ident],
        [plan],
    )


def t_card_pay(k: Kit, r: random.Random) -> Example:
    p = k.cast.draw(r)
    card = k.card(r)
    plan = k.plan(r, "cider")
    user = f"Please charge {card.text} for the {plan.text}. The cardholder is {p.full}."
    return Example(
        chat(user, "Charged; the press day is the second Sunday of October."),
        [p.gold(p.full, "next_to_id"), card],
        [plan],
    )


def t_sign_off(k: Kit, r: random.Random) -> Example:
    p = k.caller(r)
    ph = k.cast.phone(p, r)
    email = Private(k.cast.email(p, r), "email", "email")
    title = Protected(r.choice(k.titles), "job_title")
    user = "Can you confirm the bell practice moves to Thursday?"
    reply = f"Yes, practice is on Thursday at 7:30.\n\nBest wishes,\n{p.full}\n{title.text}\n{ph.text} | {email.text}"
    return Example(chat(user, reply), [p.gold(p.full, "sign_off"), ph, email], [title])


def t_letter(k: Kit, r: random.Random) -> Example:
    p, s = k.cast.draw(r), k.cast.draw(r)
    title = Protected(r.choice(k.titles), "job_title")
    user = f"Draft a letter to {p.surname} (she's a doctor) about her regatta protest, signed by our {title.text}, {s.full}."
    reply = f"Dear Dr {p.surname},\n\nThe protest committee will hear your case on Sunday.\n\nYours sincerely,\n{s.full}\n{title.text}"
    return Example(
        chat(user, reply), [p.gold(p.surname, "letter"), s.gold(s.full, "sign_off")], [title]
    )


def t_tool(k: Kit, r: random.Random) -> Example:
    p, q = k.cast.draw(r), k.cast.draw(r)
    args = json.dumps(
        {"given_name": p.given, "family_name": p.surname, "gauge": "OO"}, ensure_ascii=False
    )
    result = json.dumps({"status": "ok", "mentor": q.full, "night": "Tuesday"}, ensure_ascii=False)
    msgs: list[dict[str, object]] = [
        {"role": "user", "content": "Sign me up for the railway club's layout night."},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "enrol_layout_member", "arguments": args}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": result},
        {"role": "assistant", "content": "You're enrolled; your mentor meets you on Tuesday."},
    ]  # fmt: skip
    gold = [
        p.gold(p.given, "tool_args"),
        p.gold(p.surname, "tool_args"),
        q.gold(q.full, "tool_result"),
    ]
    return Example(msgs, gold)


def t_lower(k: Kit, r: random.Random) -> Example:
    p = k.cast.draw(r)
    name = p.full.lower()
    user = f"hi its {name} again, did the kiln fire my bowls ok?? the {k.tech[0]} page kept showing"
    tech = Protected(k.tech[0], "technical")
    return Example(
        chat(user, "The firing finished; the bowls are on the cooling shelf."),
        [p.gold(name, "lowercase")],
        [tech],
    )


def t_upper(k: Kit, r: random.Random) -> Example:
    p = k.cast.draw(r)
    card = k.card(r)
    name = p.full.upper()
    user = f"The card reads {name}, number {card.text}. Why was the regatta entry declined?"
    return Example(
        chat(user, "The bank flagged a foreign merchant; try again after approving it."),
        [p.gold(name, "uppercase"), card],
    )


def t_hyphen(k: Kit, r: random.Random) -> Example:
    p = k.cast.hyphenated(r)
    user = f"Put {p.full} on the handbell list, please; the surname takes the hyphen."
    return Example(chat(user, "Added with the hyphen kept."), [p.gold(p.full, "hyphenated")])


def t_special(k: Kit, r: random.Random) -> Example:
    a, b = k.cast.special(r, "apostrophe"), k.cast.special(r, "particle")
    user = f"The two new cellar volunteers are {a.full} and {b.full}. Where do they park?"
    return Example(
        chat(user, "Behind the press barn, by the gate."),
        [a.gold(a.full, "apostrophe"), b.gold(b.full, "particle")],
    )


def t_initial(k: Kit, r: random.Random) -> Example:
    p, q = k.cast.draw(r), k.cast.draw(r)
    a, b = f"{p.given[0]}. {p.surname}", f"{q.surname}, {q.given[0]}."
    user = f"Results sheet: 1st {a}, 2nd {b}. Can you turn this into a sentence?"
    reply = f"{a} won the dinghy race and {b} came second."
    return Example(chat(user, reply), [p.gold(a, "initial"), q.gold(b, "initial")])


def t_list(k: Kit, r: random.Random) -> Example:
    people = [k.cast.draw(r) for _ in range(3)]
    bullet = r.choice(["- ", "* ", "1. "])
    lines = "\n".join(
        (bullet if bullet != "1. " else f"{i + 1}. ") + p.full for i, p in enumerate(people)
    )
    user = f"Tower band for Sunday:\n{lines}\nWho should ring the tenor?"
    return Example(
        chat(user, "The most experienced ringer; usually the captain decides."),
        [p.gold(p.full, "list") for p in people],
    )


def t_csv(k: Kit, r: random.Random) -> Example:
    people = [k.cast.draw(r) for _ in range(3)]
    sep = r.choice([",", ";"])
    header = r.choice([["name", "hive"], ["Full Name", "Hive no."], ["beekeeper", "colony"]])
    rows = [sep.join(header)] + [f"{p.full}{sep}{i + 3}" for i, p in enumerate(people)]
    user = "Sort this by hive:\n" + "\n".join(rows)
    return Example(
        chat(user, "It is already sorted by hive number."), [p.gold(p.full, "csv") for p in people]
    )


def t_tsv(k: Kit, r: random.Random) -> Example:
    people = [k.cast.draw(r) for _ in range(3)]
    rows = ["Ringer\tBell"] + [f"{p.full}\t{i + 2}" for i, p in enumerate(people)]
    user = "Count the ringers:\n" + "\n".join(rows)
    return Example(chat(user, "Three ringers."), [p.gold(p.full, "tsv") for p in people])


def t_md(k: Kit, r: random.Random) -> Example:
    people = [k.cast.draw(r) for _ in range(3)]
    rows = ["| Crew | Role |", "|---|---|"] + [
        f"| {p.full} | {role} |" for p, role in zip(people, ("helm", "trim", "bow"), strict=True)
    ]
    user = "Is this crew table well-formed?\n" + "\n".join(rows)
    return Example(
        chat(user, "Yes, the header and separator rows are right."),
        [p.gold(p.full, "md_table") for p in people],
    )


def t_headerless(k: Kit, r: random.Random) -> Example:
    people = [k.cast.draw(r) for _ in range(3)]
    rows = [f"{d}\t{p.full}\tpress" for d, p in zip(("Sat", "Sun", "Mon"), people, strict=True)]
    user = "Who has Monday in this rota?\n" + "\n".join(rows)
    return Example(
        chat(user, f"Monday is {people[2].given}'s day at the press."),
        [p.gold(p.full, "headerless") for p in people]
        + [people[2].gold(people[2].given, "first_later")],
    )


def t_header(k: Kit, r: random.Random) -> Example:
    p, q = k.cast.draw(r), k.cast.draw(r)
    ep, eq = k.cast.email(p, r), k.cast.email(q, r)
    user = f"From: {p.full} <{ep}>\nTo: {q.full} <{eq}>\nSubject: Swarm collection\n\nSummarise this e-mail: the swarm is in the plum tree."
    gold = [
        p.gold(p.full, "email_header"),
        q.gold(q.full, "email_header"),
        Private(ep, "email", "email"),
        Private(eq, "email", "email"),
    ]
    return Example(chat(user, "A swarm has settled in a plum tree and needs collecting."), gold)


def t_greeting(k: Kit, r: random.Random) -> Example:
    p = k.cast.draw(r)
    user = f"Improve my message: 'Hi {p.given}, the piano tuner comes at nine, leave the lid up.'"
    reply = f"'Hi {p.given}, the piano tuner arrives at nine; please leave the lid open.'"
    return Example(chat(user, reply), [p.gold(p.given, "greeting")])


def t_quoted(k: Kit, r: random.Random) -> Example:
    p = k.cast.draw(r)
    email = Private(k.cast.email(p, r), "email", "email")
    user = f"> On Friday, {p.full} <{email.text}> wrote:\n> Is the basket big enough for four?\n\nHow should I answer?"
    reply = f"Hi {p.given}, yes: the basket takes four passengers and the pilot."
    return Example(
        chat(user, reply), [p.gold(p.full, "quoted"), email, p.gold(p.given, "greeting")]
    )


def t_third(k: Kit, r: random.Random) -> Example:
    p = k.cast.draw(r)
    rel = r.choice(["my godmother", "my neighbour", "my late uncle", "my flatmate"])
    user = f"{rel.capitalize()} {p.full} left me her hives. Do I have to register them?"
    return Example(
        chat(user, "In many places, yes: register the apiary with the bee inspectorate."),
        [p.gold(p.full, "third_party")],
    )


def t_possessive(k: Kit, r: random.Random) -> Example:
    p = k.cast.draw(r)
    addr = ip(r)
    tech = Protected(r.choice(k.tech), "technical")
    user = f"{p.full}'s account logs in from {addr.text} and gets {tech.text}. Why?"
    return Example(
        chat(user, "The club's server may be rate-limiting that address."),
        [p.gold(f"{p.full}'s", "possessive"), addr],
        [tech],
    )


def t_form(k: Kit, r: random.Random) -> Example:
    p = k.caller(r)
    ph = k.cast.phone(p, r)
    email = Private(k.cast.email(p, r), "email", "email")
    iban = k.iban(r)
    user = f"Check this standing order form:\nName: {p.full}\nPhone: {ph.text}\nE-mail: {email.text}\nIBAN: {iban.text}"
    return Example(chat(user, "The form is complete."), [p.gold(p.full, "form"), ph, email, iban])


def t_iban(k: Kit, r: random.Random) -> Example:
    p = k.cast.draw(r)
    iban = k.iban(r)
    user = f"Refund the balloon deposit to {iban.text}, account holder {p.full}."
    return Example(chat(user, "The refund is queued."), [p.gold(p.full, "next_to_id"), iban])


def t_first_later(k: Kit, r: random.Random) -> Example:
    p = k.cast.draw(r)
    prod = Protected(r.choice(k.products), "product")
    user = f"My name is {p.full}. My {prod.text} stopped pairing after the update."
    reply = f"Sorry, {p.given}. Reset it and pair again from the app."
    return Example(
        chat(user, reply), [p.gold(p.full, "intro"), p.gold(p.given, "first_later")], [prod]
    )


def t_clean(k: Kit, r: random.Random) -> Example:
    tool = Protected(r.choice(k.tech), "technical")
    ticket = ref(r, "TKT")
    user = f"Our booking page returns {tool.text} under load; ticket {ticket.text}. Any idea?"
    return Example(
        chat(user, "Add retries with backoff and check the proxy timeouts."), [], [tool, ticket]
    )


TEMPLATES: list[Callable[[Kit, random.Random], Example]] = [
    t_intro, t_no_cue, t_next_to_id, t_card_pay, t_sign_off, t_letter, t_tool, t_lower,
    t_upper, t_hyphen, t_special, t_initial, t_list, t_csv, t_tsv, t_md, t_headerless,
    t_header, t_greeting, t_quoted, t_third, t_possessive, t_form, t_iban, t_first_later,
]  # fmt: skip


def generate(half: str) -> list[Example]:
    rng = rng_for("chats11", half, SEED11)
    kit = Kit(half)
    out = []
    for i in range(120):
        fn = t_clean if i % 12 == 11 else TEMPLATES[i % len(TEMPLATES)]
        out.append(fn(kit, rng))
    return out
