"""``chats10``: English support, business and personal chats with names in every position.

Situations: choir auditions, allotment plots, ferry bookings, tailoring, chess tournaments,
language tandems, kayak hire and tattoo studios.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

from bench.pii_eval.common import Example, Private, Protected
from bench.pii_eval.round10.common10 import (
    IBAN_DEV,
    IBAN_TEST,
    card,
    fill,
    iban,
    ipv4,
    ipv6,
    pool,
    rng10,
    ssn,
)
from bench.pii_eval.round10.persons10 import People, Person
from bench.pii_eval.round10.things10 import JOB_TITLES, PLANS, PRODUCTS, TECH


class Ctx:
    def __init__(self, half: str, rng: random.Random) -> None:
        self.half, self.rng, self.people = half, rng, People(half)
        self.products = pool(PRODUCTS, half, "products")
        self.plans = {k: pool(v, half, f"plans:{k}") for k, v in PLANS.items()}
        self.titles = pool(JOB_TITLES, half, "job_titles")
        self.tech = pool(TECH, half, "tech")
        self.ibans = IBAN_DEV if half == "dev" else IBAN_TEST
        self.cards = 0

    def person(self, kind: str = "plain") -> Person:
        return self.people.person(self.rng, kind)

    def plan(self, ex: Example, situation: str) -> str:
        text = self.rng.choice(self.plans[situation])
        ex.protected.append(Protected(text, "plan"))
        return text

    def pick(self, ex: Example, kind: str) -> str:
        items = {"product": self.products, "job_title": self.titles, "technical": self.tech}[kind]
        text = self.rng.choice(items)
        ex.protected.append(Protected(text, kind))
        return text

    def ref(self, ex: Example, template: str = "REF-######") -> str:
        text = fill(self.rng, template)
        ex.protected.append(Protected(text, "reference"))
        return text

    def email(self, ex: Example, p: Person) -> str:
        text = self.people.email(self.rng, p)
        ex.private.append(Private(text, "email", "email"))
        return text

    def phone(self, ex: Example, p: Person) -> str:
        item = self.people.phone(self.rng, p)
        ex.private.append(item)
        return item.text

    def card(self, ex: Example) -> str:
        text = card(self.rng, self.cards)
        self.cards += 1
        ex.private.append(Private(text, "card", "card"))
        return text


def _msgs(*pairs: tuple[str, str]) -> list[dict[str, Any]]:
    return [{"role": r, "content": c} for r, c in pairs]


def t_intro(c: Ctx) -> Example:
    p, ex = c.person(), Example([])
    plan = c.plan(ex, "choir")
    ex.private.append(p.item(p.full, "intro"))
    ph = c.phone(ex, p)
    ex.messages = _msgs(
        ("user", f"Hello, my name is {p.full} and I sang for the {plan} on Monday; "
                 f"my number is {ph}. Are the results out?"),
        ("assistant", "They go out on Friday. Would you like a reminder?"),
        ("user", f"Yes please. It's {p.first} again, by the way, if anyone asks at the desk."),
    )  # fmt: skip
    ex.private.append(p.item(p.first, "first_later"))
    return ex


def t_no_cue(c: Ctx) -> Example:
    p, ex = c.person(), Example([])
    ph = c.phone(ex, p)
    ex.private.insert(0, p.item(p.full, "no_cue"))
    plan = c.plan(ex, "allotment")
    ex.messages = _msgs(
        ("user", f"{p.full}\n{ph}\nStill waiting on the {plan}, any movement on the list?"),
        ("assistant", "Two plots free up in spring; you are third in line."),
    )
    return ex


def t_next_to_id(c: Ctx) -> Example:
    p, ex = c.person(), Example([])
    plan = c.plan(ex, "ferry")
    ex.private.append(p.item(p.full, "next_to_id"))
    if c.rng.random() < 0.6:
        num = c.card(ex)
        text = f"Please book the {plan} for {p.full}, card {num}, expiry 0{c.rng.randrange(1, 10)}/2{c.rng.randrange(7, 10)}."
    else:
        num = ssn(c.rng)
        ex.private.append(Private(num, "ssn", "ssn"))
        text = f"The crew form asks for an SSN: {p.full}, {num}. Is that needed for the {plan}?"
    ex.messages = _msgs(("user", text), ("assistant", "Done, the booking is confirmed."))
    return ex


def t_sign_off(c: Ctx) -> Example:
    p, ex = c.person(), Example([])
    plan = c.plan(ex, "tailoring")
    title = c.pick(ex, "job_title")
    ex.private.append(p.item(p.full, "sign_off"))
    ph, mail = c.phone(ex, p), c.email(ex, p)
    ex.messages = _msgs(
        ("user", f"Can you tidy this reply?\n\nThe {plan} is ready for collection from Thursday.\n\n"
                 f"Kind regards,\n{p.full}\n{title}\n{ph} | {mail}"),
        ("assistant", f"The {plan} will be ready for collection from Thursday. Kind regards."),
    )  # fmt: skip
    return ex


def t_letter(c: Ctx) -> Example:
    p, q, ex = c.person(), c.person(), Example([])
    plan = c.plan(ex, "chess")
    title = c.pick(ex, "job_title")
    hon = c.rng.choice(["Mr", "Ms", "Mx", "Dr"])
    ex.private += [p.item(p.surname, "letter"), q.item(q.full, "sign_off")]
    ex.messages = _msgs(
        ("user", f"Proofread please:\n\nDear {hon} {p.surname},\n\nThank you for entering the {plan}. "
                 f"Round one starts at 10:00 sharp.\n\nYours sincerely,\n{q.full}\n{title}"),
        ("assistant", "It reads well; I would only add the venue."),
    )  # fmt: skip
    return ex


def t_tool(c: Ctx) -> Example:
    p, q, ex = c.person(), c.person(), Example([])
    plan = c.plan(ex, "tandem")
    mail = c.email(ex, p)
    ex.private += [
        p.item(p.first, "tool_args"),
        p.item(p.surname, "tool_args"),
        q.item(q.full, "tool_result"),
    ]
    args = {"first_name": p.first, "last_name": p.surname, "email": mail, "plan": plan}
    result = {
        "status": "matched",
        "partner": q.full,
        "language": c.rng.choice(["Portuguese", "Korean", "Polish"]),
    }
    ex.messages = [
        {"role": "user", "content": f"Find me a tandem partner, I'm on the {plan}."},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "match_tandem_partner", "arguments": json.dumps(args, ensure_ascii=False)}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": json.dumps(result, ensure_ascii=False)},
        {"role": "assistant", "content": "You have a match; check your inbox."},
    ]  # fmt: skip
    return ex


def t_lowercase(c: Ctx) -> Example:
    p, ex = c.person(), Example([])
    plan = c.plan(ex, "kayak")
    ex.private.append(p.item(p.full.lower(), "lowercase"))
    ex.messages = _msgs(
        (
            "user",
            f"hey it's {p.full.lower()}, booked the {plan} for saturday, can my cousin tag along",
        ),
        ("assistant", "Yes, add them at the hut; life jackets are included."),
    )
    return ex


def t_uppercase(c: Ctx) -> Example:
    p, ex = c.person(), Example([])
    plan = c.plan(ex, "tattoo")
    num = c.card(ex)
    ex.private.insert(0, p.item(p.full.upper(), "uppercase"))
    ex.messages = _msgs(
        ("user", f"Deposit for the {plan}: card {num}, NAME ON CARD {p.full.upper()}"),
        ("assistant", "Deposit taken; you will get a receipt."),
    )
    return ex


def t_shape(kind: str) -> Callable[[Ctx], Example]:
    def make(c: Ctx) -> Example:
        p, ex = c.person(kind), Example([])
        product = c.pick(ex, "product")
        ex.private.append(p.item(p.full, kind))
        text = {
            "hyphenated": f"I've double-barrelled since the wedding: please put {p.full} on the warranty for my {product}.",
            "particle": f"Order for {p.full} — the {product} arrived with a cracked case.",
            "apostrophe": f"Could you reissue the {product} invoice to {p.full}? The apostrophe got lost last time.",
        }[kind]
        ex.messages = _msgs(("user", text), ("assistant", "Done; the new copy is on its way."))
        return ex

    return make


def t_initial(c: Ctx) -> Example:
    p, ex = c.person(), Example([])
    plan = c.plan(ex, "chess")
    a, b = f"{p.first[0]}. {p.surname}", f"{p.surname}, {p.first[0]}."
    ex.private += [p.item(a, "initial"), p.item(b, "initial")]
    ex.messages = _msgs(
        (
            "user",
            f"The pairing sheet says {a} on board 4 but the {plan} list says {b}. Same player?",
        ),
        ("assistant", "Yes, the sheet abbreviates given names."),
    )
    return ex


def t_list(c: Ctx) -> Example:
    ex, people = Example([]), [c.person() for _ in range(3)]
    plan = c.plan(ex, "allotment")
    numbered = c.rng.random() < 0.5
    lines = [f"{i + 1}. {p.full}" if numbered else f"- {p.full}" for i, p in enumerate(people)]
    ex.private += [p.item(p.full, "list") for p in people]
    ex.messages = _msgs(
        (
            "user",
            f"Work party for the {plan} holders this Sunday:\n"
            + "\n".join(lines)
            + "\nWho brings the tools?",
        ),
        ("assistant", "Ask the first person on the list; they hold the shed key."),
    )
    return ex


def _table(c: Ctx, kind: str) -> Example:
    ex, people = Example([]), [c.person() for _ in range(3)]
    plan = c.plan(ex, "choir")
    rows = [(p.full, c.email(ex, p), c.rng.choice(["S", "A", "T", "B"])) for p in people]
    ex.private = [p.item(p.full, kind) for p in people] + ex.private
    head = c.rng.choice(
        [
            ("name", "email", "part"),
            ("Singer", "E-mail", "Voice"),
            ("Full name", "Contact", "Section"),
        ]
    )
    if kind == "csv":
        sep = c.rng.choice([",", ";"])
        body = "\n".join(sep.join(r) for r in [head, *rows])
    elif kind == "tsv":
        body = "\n".join("\t".join(r) for r in [head, *rows])
    elif kind == "md_table":
        body = "\n".join(
            [f"| {' | '.join(head)} |", "|---|---|---|", *(f"| {' | '.join(r)} |" for r in rows)]
        )
    else:
        body = "\n".join("\t".join(r) for r in rows)
    ex.messages = _msgs(
        ("user", f"Sort this {plan} roster by voice part:\n\n{body}"),
        ("assistant", "Sorted: sopranos first, then altos, tenors and basses."),
    )
    return ex


def t_email_header(c: Ctx) -> Example:
    p, q, ex = c.person(), c.person(), Example([])
    plan = c.plan(ex, "ferry")
    ex.private += [p.item(p.full, "email_header"), q.item(q.full, "email_header")]
    a, b = c.email(ex, p), c.email(ex, q)
    ex.messages = _msgs(
        (
            "user",
            f"From: {p.full} <{a}>\nTo: {q.full} <{b}>\nSubject: {plan} refund\n\nIs this email polite enough?",
        ),
        ("assistant", "Yes; you might add the booking date."),
    )
    return ex


def t_greeting_quoted(c: Ctx) -> Example:
    p, q, ex = c.person(), c.person(), Example([])
    plan = c.plan(ex, "tattoo")
    ex.private += [p.item(p.first, "greeting"), q.item(q.full, "quoted")]
    ex.messages = _msgs(
        (
            "user",
            f"Help me answer this:\n\n> On Tuesday, {q.full} wrote:\n> Your {plan} is booked for 3pm.\n\nI need to move it.",
        ),
        (
            "assistant",
            f'Hi {p.first}, here\'s a draft: "Thanks, could we move the {plan} to Thursday?"',
        ),
    )
    return ex


def t_third_party(c: Ctx) -> Example:
    p, ex = c.person(), Example([])
    plan = c.plan(ex, "kayak")
    ex.private.append(p.item(p.full, "third_party"))
    who = c.rng.choice(["my neighbour", "my stepfather", "our lodger", "my goddaughter"])
    ex.messages = _msgs(
        ("user", f"Can {who} {p.full} use my {plan} while I'm away?"),
        ("assistant", "Season passes are personal, but you can add a guest day."),
    )
    return ex


def t_possessive(c: Ctx) -> Example:
    p, ex = c.person(), Example([])
    tech = c.pick(ex, "technical")
    ip = ipv4(c.rng) if c.rng.random() < 0.6 else ipv6(c.rng)
    ex.private += [p.item(p.full, "possessive"), Private(ip, "ip", "ip")]
    ex.messages = _msgs(
        ("user", f"{p.full}'s studio login failed from {ip} with {tech}. Locked out?"),
        ("assistant", "Too many attempts; it unlocks in fifteen minutes."),
    )
    return ex


def t_form(c: Ctx) -> Example:
    p, ex = c.person(), Example([])
    plan = c.plan(ex, "allotment")
    ex.private.append(p.item(p.full, "form"))
    ph, mail = c.phone(ex, p), c.email(ex, p)
    acct = iban(c.rng, c.rng.choice(c.ibans))
    ex.private.append(Private(acct, "iban", "iban"))
    ex.messages = _msgs(
        (
            "user",
            f"Is this direct-debit form complete?\n\nName: {p.full}\nPhone: {ph}\nE-mail: {mail}\nIBAN: {acct}\nPlan: {plan}",
        ),
        ("assistant", "Yes, it only needs a signature and a date."),
    )
    return ex


def t_clean_product(c: Ctx) -> Example:
    ex = Example([])
    product, tech = c.pick(ex, "product"), c.pick(ex, "technical")
    ex.messages = _msgs(
        ("user", f"Does the {product} support {tech}?"),
        ("assistant", "According to the spec sheet, yes, after the latest firmware update."),
    )
    return ex


def t_clean_title(c: Ctx) -> Example:
    ex = Example([])
    title, plan = c.pick(ex, "job_title"), c.plan(ex, "tandem")
    ex.messages = _msgs(
        ("user", f"Who do I talk to about the {plan}: the {title}?"),
        ("assistant", "Yes, they handle every change to plans and refunds."),
    )
    return ex


TEMPLATES: list[Callable[[Ctx], Example]] = [
    t_intro, t_no_cue, t_next_to_id, t_sign_off, t_letter, t_tool, t_lowercase, t_uppercase,
    t_shape("hyphenated"), t_shape("particle"), t_shape("apostrophe"), t_initial, t_list,
    lambda c: _table(c, "csv"), lambda c: _table(c, "tsv"), lambda c: _table(c, "md_table"),
    lambda c: _table(c, "headerless"), t_email_header, t_greeting_quoted, t_third_party,
    t_possessive, t_form, t_clean_product, t_clean_title,
]  # fmt: skip


def generate(half: str) -> list[Example]:
    ctx = Ctx(half, rng10("chats10", half))
    return [TEMPLATES[i % len(TEMPLATES)](ctx) for i in range(120)]
