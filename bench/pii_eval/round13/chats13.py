"""chats13: support and business chats with names in every position round 13 was asked for."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

from bench.pii_eval.common import Example, Private, Protected, record_text, rng_for
from bench.pii_eval.round13 import people13, places13, things13
from bench.pii_eval.round13.common13 import card, chat, iban, ip, pool, ssn
from bench.pii_eval.round13.persons13 import Names, Person

POSITIONS = ("no_cue", "intro", "next_to_id", "sign_off", "letter", "tool_args", "tool_result",
             "lowercase", "uppercase", "hyphenated", "particle", "apostrophe", "initial", "list",
             "csv", "email_header", "third_party", "possessive", "first_later", "greeting", "tsv",
             "md_table", "headerless", "form", "quoted")  # fmt: skip
CARD_PREFIXES = ("41", "52", "37", "60", "35", "45", "51")
IBAN_COUNTRIES = ("DE", "AT", "FI", "SK", "HU", "SI", "LT", "NL", "IT", "FR")
PHONE_COUNTRIES = sorted({cc for _, _, cc in people13.CULTURES.values()})


class Ctx:
    def __init__(self, half: str, rng: random.Random) -> None:
        self.rng = rng
        self.names = Names(half)
        self.products = pool(things13.PRODUCTS, half, "products")
        self.plans = [p for k, v in things13.PLANS.items() for p in pool(v, half, f"plans:{k}")]
        self.tools = pool(things13.TOOLS, half, "clean:tools")
        self.jobs = pool(things13.JOB_TITLES, half, "job_titles")
        self.tech = pool(things13.TECH, half, "tech")
        self.counts = {"card": 0, "iban": 0, "phone": 0}

    def pick(self, items: list[str], kind: str, ex: Example) -> str:
        value = self.rng.choice(items)
        ex.protected.append(Protected(value, kind))
        return value

    def identifier(self, kind: str, ex: Example, person: Person) -> str:
        rng, n = self.rng, self.counts.get(kind, 0)
        self.counts[kind] = n + 1
        if kind == "email":
            value, tag = self.names.email(rng, person), ""
        elif kind == "phone":
            tag = PHONE_COUNTRIES[n % len(PHONE_COUNTRIES)]
            value = places13.phone(rng, tag, e164=n % 2 == 0)
        elif kind == "card":
            prefix = CARD_PREFIXES[n % len(CARD_PREFIXES)]
            value, tag = card(rng, prefix, 15 if prefix == "37" else 16), prefix
        elif kind == "iban":
            tag = IBAN_COUNTRIES[n % len(IBAN_COUNTRIES)]
            value = iban(rng, tag)
        elif kind == "ssn":
            value, tag = ssn(rng), "US"
        else:
            value, tag = ip(rng), ""
        ex.private.append(Private(value, kind, tag))
        return value


ID_CUES = {"email": "email", "phone": "phone", "card": "card", "iban": "IBAN", "ssn": "SSN",
           "ip": "login IP"}  # fmt: skip
ID_KINDS = tuple(ID_CUES)


def _named(ctx: Ctx, ex: Example, position: str, person: Person | None = None) -> Person:
    p = person or ctx.names.person(ctx.rng)
    ex.private.append(p.private(p.full, position))
    return p


def _record(ctx: Ctx, position: str, id_kind: str) -> Example:  # noqa: C901 - one branch per position
    rng, ex = ctx.rng, Example([])
    names = ctx.names
    if position == "hyphenated":
        person = names.hyphenated(rng)
    elif position in ("particle", "apostrophe"):
        person = names.special(rng, position)
    else:
        person = names.person(rng)
    ident = ctx.identifier(id_kind, ex, person)
    cue = ID_CUES[id_kind]
    plan = ctx.pick(ctx.plans, "plan", ex)
    product = ctx.pick(ctx.products, "product", ex)
    full = person.full
    reply = f"Thanks, I've noted the {cue} and checked the {plan}."
    add = ex.private.append

    if position in ("no_cue", "hyphenated", "particle", "apostrophe"):
        add(person.private(full, position))
        user = rng.choice([f"{full} {ident} - {product} arrived cracked, second time this month.",
                           f"refund for {full} please ({cue} {ident}), the {product} never shipped"])  # fmt: skip
    elif position == "intro":
        add(person.private(full, position))
        user = f"Hi there, this is {full}. My {cue} is {ident} and I'm on the {plan}."
    elif position == "next_to_id":
        add(person.private(full, position))
        user = f"Account: {full} / {ident}\nIssue: {product} shows the wrong serial."
    elif position == "sign_off":
        add(person.private(full, position))
        user = f"The {product} won't pair. {cue}: {ident}\n\nCheers,\n{full}"
    elif position == "letter":
        add(person.private(full, position))
        user = (f"Draft this for me:\n\nDear {full},\n\nYour {plan} renews next week. We hold "
                f"{ident} on file as your {cue}.\n\nYours sincerely,\nThe Billing Team")  # fmt: skip
    elif position in ("tool_args", "tool_result"):
        add(person.private(full, position))
        tool = ctx.pick(ctx.tools, "tool", ex)
        args = {"customer_name": full, cue.replace(" ", "_"): ident}
        result = {"match": {"name": full, "plan": plan, "status": "active"}}
        call = {"id": "call_13", "type": "function",
                "function": {"name": tool, "arguments": json.dumps(args if position == "tool_args" else {"query": ident}, ensure_ascii=False)}}  # fmt: skip
        msgs: list[dict[str, Any]] = [
            {"role": "user", "content": f"Can you look up the {product} order?"},
            {"role": "assistant", "content": "", "tool_calls": [call]},
            {"role": "tool", "tool_call_id": "call_13",
             "content": json.dumps(result if position == "tool_result" else {"ok": True}, ensure_ascii=False)},
            {"role": "assistant", "content": f"Found it: the {plan} is active."},
        ]  # fmt: skip
        ex.messages = msgs
        return ex
    elif position == "lowercase":
        add(person.private(full.lower(), position))
        user = f"hey its {full.lower()} again, {cue} {ident}, still waiting on the {product}"
    elif position == "uppercase":
        add(person.private(full.upper(), position))
        user = f"NAME ON ACCOUNT: {full.upper()}\n{cue.upper()}: {ident}\nPlease cancel the {plan}."
    elif position == "initial":
        short = f"{person.given[0]}. {person.surname}"
        add(person.private(short, position))
        user = f"Ship the {product} to the attention of {short}, {cue} {ident}."
    elif position == "list":
        others = [names.person(rng) for _ in range(2)]
        for p in (person, *others):
            add(p.private(p.full, position))
        rows = "\n".join(f"- {p.full}" for p in (person, *others))
        user = f"Who gets seats on the {plan}?\n{rows}\nBilling {cue}: {ident}"
    elif position in ("csv", "tsv", "md_table", "headerless"):
        other = names.person(rng)
        job = ctx.pick(ctx.jobs, "job_title", ex)
        for p in (person, other):
            add(p.private(p.full, position))
        if position == "csv":
            table = f"name,role,contact\n{full},{job},{ident}\n{other.full},{job},"
        elif position == "tsv":
            table = f"name\trole\tcontact\n{full}\t{job}\t{ident}\n{other.full}\t{job}\t-"
        elif position == "md_table":
            table = f"| Name | Role | Contact |\n|---|---|---|\n| {full} | {job} | {ident} |\n| {other.full} | {job} | |"
        else:
            table = f"{full};{job};{ident}\n{other.full};{job};"
        user = f"Import these into the {plan} workspace:\n\n{table}"
    elif position == "email_header":
        add(person.private(full, position))
        email = names.email(rng, person)
        add(Private(email, "email"))
        user = f"From: {full} <{email}>\nSubject: {product} warranty\n\nMy {cue} is {ident}."
    elif position == "third_party":
        add(person.private(full, position))
        user = f"My business partner {full} pays for the {plan}; their {cue} is {ident}."
    elif position == "possessive":
        add(person.private(full, position))
        user = f"{full}'s {plan} was charged twice. {cue}: {ident}"
    elif position == "first_later":
        add(person.private(full, position))
        add(person.private(person.given, position))
        ex.messages = chat(f"I'm {full}, {cue} {ident}. The {product} is dead on arrival.",
                           f"Sorry to hear that, {person.given}. A replacement is on its way.")  # fmt: skip
        return ex
    elif position == "greeting":
        add(person.private(full, position))
        ex.messages = chat(f"{cue} {ident}: where is my {product}?",
                           f"Hello {full}, it left the warehouse this morning.")  # fmt: skip
        return ex
    elif position == "form":
        add(person.private(person.given, position))
        add(person.private(person.surname, position))
        user = (f"First name: {person.given}\nLast name: {person.surname}\n{cue}: {ident}\n"
                f"Plan: {plan}")  # fmt: skip
    else:  # quoted
        add(person.private(full, position))
        user = f'The ticket note reads: "call {full} back about the {product}". {cue} {ident}.'
    ex.messages = chat(user, reply)
    return ex


def _clean(ctx: Ctx) -> Example:
    ex = Example([])
    plan = ctx.pick(ctx.plans, "plan", ex)
    tech = ctx.pick(ctx.tech, "technical", ex)
    asks: list[Callable[[], str]] = [
        lambda: f"What changes if we move to the {plan}? Does the {tech} still work?",
        lambda: f"Is the {tech} covered by the {plan} SLA?",
    ]
    ex.messages = chat(ctx.rng.choice(asks)(), f"Yes, the {plan} includes the {tech}.")
    return ex


def generate(half: str) -> list[Example]:
    rng = rng_for("chats13", half)
    ctx = Ctx(half, rng)
    out, k = [], 0
    for i in range(120):
        if i % 10 == 9:
            out.append(_clean(ctx))
            continue
        ex = _record(ctx, POSITIONS[k % len(POSITIONS)], ID_KINDS[k % len(ID_KINDS)])
        text = record_text(ex.record())
        # Plans and products are drawn for every record; keep those its template used.
        ex.protected = [p for p in ex.protected if p.text in text]
        out.append(ex)
        k += 1
    return out
