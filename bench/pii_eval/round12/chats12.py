"""chats12: English support and business chats with names in every position.

Situations: an observatory's telescope hire, canoe hire, a bookbinding studio, vintage
synthesizer repair, a community choir and a cargo-bike co-operative. Names of 18 cultures
(``people12.CULTURES``), everyday-word names, identifiers beside them; products, plans, job
titles and technical strings are protected.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Private, Protected
from bench.pii_eval.round12 import common12, things12
from bench.pii_eval.round12.common12 import assistant, system, tool_call, tool_result, user
from bench.pii_eval.round12.persons12 import People, Person, name_item

SIZE = 120
IBAN_COUNTRIES = ["EG", "SV", "MN", "SO", "OM", "DJ", "FK", "SD", "BY"]


class Ctx:
    def __init__(self, half: str) -> None:
        self.half = half
        self.rng: random.Random = common12.rng12("chats12", half)
        self.people = People(self.rng, half)
        self.products = common12.pool(things12.PRODUCTS, half, "products")
        self.plans = {k: common12.pool(v, half, f"plans:{k}") for k, v in things12.PLANS.items()}
        self.titles = common12.pool(things12.JOB_TITLES, half, "job_titles")
        self.techs = common12.pool(things12.TECH, half, "tech")
        self.ibans = common12.pool(IBAN_COUNTRIES, half, "iban_countries")
        self.cards = 0
        self.turns = 0
        self.ex = Example([])

    def new(self) -> Example:
        self.ex = Example([])
        return self.ex

    def name(self, person: Person, text: str, position: str) -> str:
        self.ex.private.append(name_item(person, text, position))
        return text

    def pii(self, text: str, category: str, tag: str = "") -> str:
        self.ex.private.append(Private(text, category, tag))
        return text

    def keep(self, text: str, kind: str) -> str:
        self.ex.protected.append(Protected(text, kind))
        return text

    def phone(self, person: Person) -> str:
        return self.pii(self.people.phone(person), "phone", person.country)

    def email(self, person: Person) -> str:
        return self.pii(self.people.email(person), "email")

    def card(self) -> str:
        _, number = common12.card(self.rng, self.cards)
        self.cards += 1
        return self.pii(number, "card")

    def iban(self) -> str:
        country = self.rng.choice(self.ibans)
        return self.pii(common12.iban(self.rng, country, self.rng.random() < 0.6), "iban", country)

    def product(self) -> str:
        return self.keep(self.rng.choice(self.products), "product")

    def plan(self, situation: str | None = None) -> str:
        situation = situation or self.rng.choice(list(self.plans))
        return self.keep(self.rng.choice(self.plans[situation]), "plan")

    def title(self) -> str:
        return self.keep(self.rng.choice(self.titles), "job_title")

    def tech(self) -> str:
        return self.keep(self.rng.choice(self.techs), "technical")

    def order(self) -> str:
        return self.keep(
            common12.reference(self.rng, self.rng.choice(["ORD", "BK", "RPR"])), "reference"
        )

    def pick(self, *options: str) -> str:
        return self.rng.choice(options)


SYS = "You are the support assistant for a small business. Be brief and friendly."


def intro_first_later(c: Ctx) -> Example:
    ex, p = c.new(), c.people.person()
    ex.messages = [
        system(SYS),
        user(
            f"{c.pick('Hi', 'Hello', 'Good evening')}, my name is {c.name(p, p.full, 'intro')} and I "
            f"booked the {c.product()} for Saturday night. You can reach me on {c.phone(p)}."
        ),
        assistant("Thanks! The booking is confirmed. Do you need the dew heater as well?"),
        user("Yes please, and a red torch if you have one."),
        assistant(f"Done, {c.name(p, p.given, 'first_later')}. Both will be in the case."),
    ]
    return ex


def no_cue(c: Ctx) -> Example:
    ex, p = c.new(), c.people.person()
    lines = [c.name(p, p.full, "no_cue"), c.phone(p)]
    c.rng.shuffle(lines)
    ex.messages = [
        user(
            "\n".join([*lines, f"does the {c.plan('canoe')} include a spray deck and a dry bag?"])
        ),
        assistant("It includes a spray deck; dry bags are two euros extra at the jetty."),
    ]
    return ex


def next_to_card(c: Ctx) -> Example:
    ex, p = c.new(), c.people.person()
    number = c.card()
    shape = c.rng.randrange(3)
    name = c.name(p, p.full, "next_to_id")
    if shape == 0:
        text = f"Charge the deposit to {number}, {name}."
    elif shape == 1:
        text = f"{name} / {number} / exp 09/29 — please take the repair deposit."
    else:
        text = f"Card {number} (holder {name}) for the {c.plan('synth')}."
    ex.messages = [user(text), assistant("Deposit taken. We will e-mail the receipt.")]
    return ex


def next_to_ssn_or_iban(c: Ctx) -> Example:
    ex, p = c.new(), c.people.person()
    c.turns += 1
    if c.turns % 2:
        text = (
            f"For the W-9: {c.name(p, p.full, 'next_to_id')}, SSN {c.pii(common12.ssn(c.rng), 'ssn')}. "
            "I teach the marbling class twice a month."
        )
    else:
        text = (
            f"Please refund the cancelled {c.plan('bookbinding')} to "
            f"{c.iban()} — account holder {c.name(p, p.full, 'next_to_id')}."
        )
    ex.messages = [user(text), assistant("Thank you, that's on file now.")]
    return ex


def uppercase_card(c: Ctx) -> Example:
    ex, p = c.new(), c.people.person()
    upper = p.full.upper()
    ex.messages = [
        user(
            f"The payment for {c.order()} failed. The card says {c.name(p, upper, 'uppercase')}, "
            f"number {c.card()}. Is the name wrong on your side?"
        ),
        assistant("The bank declined it, not us. Could you try again or use another card?"),
    ]
    return ex


def sign_off(c: Ctx) -> Example:
    ex, p = c.new(), c.people.person()
    shape = c.rng.randrange(3)
    if shape == 0:
        closing = f"Cheers,\n{c.name(p, p.given, 'sign_off')}"
    elif shape == 1:
        closing = f"Thanks a lot\n— {c.name(p, p.full, 'sign_off')}"
    else:
        closing = f"Best regards,\n{c.name(p, p.full, 'sign_off')}\n{c.title()}"
    ex.messages = [
        user(
            f"Our choir needs the hall until 22:00 on Thursday for the {c.plan('choir')} rehearsal.\n\n{closing}"
        ),
        assistant("The hall is yours until 22:00. Please return the keys to the box."),
    ]
    return ex


def letter(c: Ctx) -> Example:
    ex = c.new()
    to, sender = c.people.person(), c.people.person()
    salutation = c.pick("Ms", "Dr", "Mr", "Mx")
    ex.messages = [
        user(
            "Can you make this letter sound warmer?\n\n"
            f"Dear {salutation} {c.name(to, to.surname, 'letter')},\n\n"
            "We regret that the bindery will be closed during August for renovation. "
            "Your deposit will be held until September.\n\n"
            f"Yours sincerely,\n{c.name(sender, sender.full, 'letter')}\n{c.title()}"
        ),
        assistant("Here is a warmer version: we are so sorry to close for August…"),
    ]
    return ex


def tool_args_and_result(c: Ctx) -> Example:
    ex, p, mentor = c.new(), c.people.person(), c.people.person()
    args = {
        "first_name": c.name(p, p.given, "tool_args"),
        "last_name": c.name(p, p.surname, "tool_args"),
        "email": c.email(p),
        "session": c.plan("canoe"),
    }
    ex.messages = [
        user("Sign me up for the sunrise paddle, details as before."),
        tool_call("call_r12a", "register_paddler", args),
        tool_result(
            "call_r12a",
            {
                "status": "ok",
                "instructor": c.name(mentor, mentor.full, "tool_result"),
                "meet": "06:15",
            },
        ),
        assistant("You're in. Your instructor meets you at the slipway at 06:15."),
    ]
    return ex


def lowercase(c: Ctx) -> Example:
    ex, p = c.new(), c.people.person()
    low = p.full.lower()
    ex.messages = [
        user(
            f"hey its {c.name(p, low, 'lowercase')} again, did my order {c.order()} ship yet? no rush"
        ),
        assistant("It left the bindery this morning and should arrive by Friday."),
    ]
    return ex


def hyphenated(c: Ctx) -> Example:
    ex, p = c.new(), c.people.hyphenated()
    ex.messages = [
        user(
            f"Please add {c.name(p, p.full, 'hyphenated')} to the alto list for the spring concert."
        ),
        assistant("Added. She'll get the scores by e-mail on Monday."),
    ]
    return ex


def particle_apostrophe(c: Ctx) -> Example:
    ex = c.new()
    a, b = c.people.special("particle"), c.people.special("apostrophe")
    ex.messages = [
        user(
            f"Two new volunteers for the bike co-op: {c.name(a, a.full, 'particle')} and "
            f"{c.name(b, b.full, 'apostrophe')}. Can both start on the {c.plan('cycling')} rota?"
        ),
        assistant("Yes, both can start next week."),
    ]
    return ex


def initials(c: Ctx) -> Example:
    ex = c.new()
    a, b = c.people.person(words=False), c.people.person(words=False)
    first = f"{a.given[0]}. {a.surname}"
    second = f"{b.surname}, {b.given[0]}."
    ex.messages = [
        user(
            "Results of the 5 km paddle:\n"
            f"1. {c.name(a, first, 'initial')} 24:51\n2. {c.name(b, second, 'initial')} 25:07\n"
            "Can you turn this into a sentence for the newsletter?"
        ),
        assistant(
            "Great racing this weekend: the 5 km was won in 24:51, with second place 16 seconds behind."
        ),
    ]
    return ex


def bullet_list(c: Ctx) -> Example:
    ex = c.new()
    people = [c.people.person() for _ in range(3)]
    bullet = c.pick("- ", "* ", "")
    rows = [f"{bullet or f'{i + 1}. '}{c.name(p, p.full, 'list')}" for i, p in enumerate(people)]
    ex.messages = [
        user(
            "Who is on the Saturday workshop stand?\n"
            + "\n".join(rows)
            + "\nPlease sort by surname."
        ),
        assistant("Sorted. The rota is saved."),
    ]
    return ex


def csv_paste(c: Ctx) -> Example:
    ex = c.new()
    sep = c.pick(",", ";")
    header = c.pick(
        f"name{sep}email{sep}phone", f"Full name{sep}E-mail{sep}Mobile", f"NAME{sep}EMAIL{sep}TEL"
    )
    rows = [header]
    for _ in range(3):
        p = c.people.person()
        rows.append(sep.join([c.name(p, p.full, "csv"), c.email(p), c.phone(p)]))
    ex.messages = [
        user("Import these observatory members please:\n" + "\n".join(rows)),
        assistant("Imported 3 members."),
    ]
    return ex


def tsv_paste(c: Ctx) -> Example:
    ex = c.new()
    rows = ["Name\tRole\tShift"]
    for shift in ("08:00", "12:00"):
        p = c.people.person()
        rows.append(f"{c.name(p, p.full, 'tsv')}\t{c.title()}\t{shift}")
    ex.messages = [
        user("From the spreadsheet:\n" + "\n".join(rows) + "\nWho opens on Sunday?"),
        assistant("The 08:00 shift opens on Sunday."),
    ]
    return ex


def md_table(c: Ctx) -> Example:
    ex = c.new()
    rows = ["| Singer | Part | Seat |", "|---|---|---|"]
    for part in c.rng.sample(["Soprano", "Alto", "Tenor", "Bass"], 3):
        p = c.people.person()
        rows.append(f"| {c.name(p, p.full, 'md_table')} | {part} | {c.rng.randrange(1, 40)} |")
    ex.messages = [
        user("Please check this seating table for the concert:\n\n" + "\n".join(rows)),
        assistant("The table looks fine; seat numbers are all distinct."),
    ]
    return ex


def headerless(c: Ctx) -> Example:
    ex = c.new()
    sep = c.pick("\t", ",", " | ")
    rows = []
    for _ in range(3):
        p = c.people.person()
        rows.append(
            sep.join([c.name(p, p.full, "headerless"), c.pick("paid", "unpaid"), c.plan("synth")])
        )
    ex.messages = [
        user(
            "Repair queue, straight from the till:\n" + "\n".join(rows) + "\nWhich ones still owe?"
        ),
        assistant("Only the unpaid rows still owe."),
    ]
    return ex


def email_header(c: Ctx) -> Example:
    ex, p = c.new(), c.people.person()
    ex.messages = [
        user(
            f"From: {c.name(p, p.full, 'email_header')} <{c.email(p)}>\n"
            "To: workshop@example.org\nSubject: Keybed still sticking\n\n"
            f"The {c.product()} came back yesterday and the C4 key still sticks."
        ),
        assistant("Sorry to hear that. We'll book it back in free of charge."),
    ]
    return ex


def third_party(c: Ctx) -> Example:
    ex, p = c.new(), c.people.person()
    who = c.pick("my neighbour", "my aunt", "a colleague of mine,", "my flatmate")
    ex.messages = [
        user(
            f"Can {who} {c.name(p, p.full, 'third_party')} use my {c.plan('observatory')} "
            "while I'm travelling? I don't mind paying the difference."
        ),
        assistant("Passes are personal, but we can transfer it once for free."),
    ]
    return ex


def possessive(c: Ctx) -> Example:
    ex, p = c.new(), c.people.person()
    address = common12.ipv4(c.rng) if c.rng.random() < 0.6 else common12.ipv6(c.rng)
    ex.messages = [
        user(
            f"Someone logged into {c.name(p, p.full, 'possessive')}'s account from "
            f"{c.pii(address, 'ip')} at 3 am. Was it {c.tech()} related?"
        ),
        assistant(
            "That address is not one of ours. We've reset the session and asked for a new password."
        ),
    ]
    return ex


def greeting(c: Ctx) -> Example:
    ex, p = c.new(), c.people.person()
    ex.messages = [
        user(
            f"Can you polish this reply?\n\nHi {c.name(p, p.given, 'greeting')}, thanks for the quote "
            f"for the {c.product()}. We'll go ahead."
        ),
        assistant("Here you go: thank you for the quote, we're happy to go ahead."),
    ]
    return ex


def form(c: Ctx) -> Example:
    ex, p = c.new(), c.people.person()
    ex.messages = [
        user(
            "Standing order form:\n"
            f"Name: {c.name(p, p.full, 'form')}\nPhone: {c.phone(p)}\nE-mail: {c.email(p)}\n"
            f"IBAN: {c.iban()}\nPlan: {c.plan('cycling')}\nIs anything missing?"
        ),
        assistant("Only the start date is missing."),
    ]
    return ex


def quoted(c: Ctx) -> Example:
    ex, p = c.new(), c.people.person()
    ex.messages = [
        user(
            "Draft a reply to this:\n\n"
            f"> On Tue, {c.name(p, p.full, 'quoted')} <{c.email(p)}> wrote:\n"
            "> Is the marbling class suitable for a beginner?"
        ),
        assistant(
            f"Hi {c.name(p, p.given, 'greeting')}, yes: the class starts from the very beginning."
        ),
    ]
    return ex


def phone_only_intro(c: Ctx) -> Example:
    ex, p = c.new(), c.people.person()
    ex.messages = [
        user(
            f"This is {c.name(p, p.given, 'intro')} from the choir. New number: {c.phone(p)}. "
            "Please update it before the tour."
        ),
        assistant("Updated. Thanks for letting us know."),
    ]
    return ex


def clean_product(c: Ctx) -> Example:
    ex = c.new()
    ex.messages = [
        user(f"Does the {c.product()} work with {c.tech()}?"),
        assistant("Yes, it does, out of the box."),
    ]
    return ex


def clean_plans(c: Ctx) -> Example:
    ex = c.new()
    situation = c.rng.choice(list(c.plans))
    first, second = c.rng.sample(c.plans[situation], 2)
    ex.messages = [
        user(
            f"What's the difference between the {c.keep(first, 'plan')} and the {c.keep(second, 'plan')}?"
        ),
        assistant(f"The {second} adds more hours; ask the {c.title()} for a trial."),
    ]
    return ex


TEMPLATES: list[Callable[[Ctx], Example]] = [
    intro_first_later, no_cue, next_to_card, next_to_ssn_or_iban, uppercase_card, sign_off,
    letter, tool_args_and_result, lowercase, hyphenated, particle_apostrophe, initials,
    bullet_list, csv_paste, tsv_paste, md_table, headerless, email_header, third_party,
    possessive, greeting, form, quoted, phone_only_intro, clean_product, clean_plans,
]  # fmt: skip


def generate(half: str) -> list[Example]:
    c = Ctx(half)
    return [TEMPLATES[i % len(TEMPLATES)](c) for i in range(SIZE)]
