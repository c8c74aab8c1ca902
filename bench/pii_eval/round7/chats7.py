"""chats7: English support and business chats with names of 18 cultures in every position."""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Private, Protected
from bench.pii_eval.round7.common7 import (
    assistant,
    call,
    card,
    iban,
    ipv4,
    ipv6,
    pool,
    ref,
    result,
    rng,
    ssn,
    system,
    user,
)
from bench.pii_eval.round7.persons7 import Names, add_email, add_person, add_phone
from bench.pii_eval.round7.things7 import JOB_TITLES, PLANS, PRODUCTS, TECH

WORD_SHARE = 0.3
IBAN_COUNTRIES = ["SK", "HR", "LV", "EE", "BG", "MT", "AZ", "PK", "SI", "RO", "FR"]


class Ctx:
    def __init__(self, half: str, r: random.Random) -> None:
        self.r = r
        self.names = Names(half, r)
        self.plans = {k: pool(v, half, f"plans:{k}") for k, v in PLANS.items()}
        self.products = pool(PRODUCTS, half, "products")
        self.jobs = pool(JOB_TITLES, half, "job_titles")
        self.tech = pool(TECH, half, "tech")

    def protect(self, ex: Example, text: str, kind: str) -> str:
        ex.protected.append(Protected(text, kind))
        return text

    def plan(self, ex: Example, situation: str) -> str:
        return self.protect(ex, self.r.choice(self.plans[situation]), "plan")

    def product(self, ex: Example) -> str:
        return self.protect(ex, self.r.choice(self.products), "product")

    def job(self, ex: Example) -> str:
        return self.protect(ex, self.r.choice(self.jobs), "job_title")

    def techn(self, ex: Example) -> str:
        return self.protect(ex, self.r.choice(self.tech), "technical")

    def ref(self, ex: Example, prefix: str) -> str:
        return self.protect(ex, ref(self.r, prefix), "reference")


def dental_recall(c: Ctx) -> Example:
    ex = Example([])
    p = c.names.person(WORD_SHARE)
    plan, job = c.plan(ex, "dental"), c.job(ex)
    ex.messages = [
        system("You are the front desk assistant of a dental practice."),
        user(
            f"Hi, this is {add_person(ex, p, p.full, 'intro')}. I got the recall card for my "
            f"six-month check under {plan}. Could it move to a Thursday? Best number is "
            f"{add_phone(ex, p, c.r)}."
        ),
        assistant(
            f"Of course, {add_person(ex, p, p.given, 'first_later')}. I've moved the recall to "
            f"Thursday 10:40 with our {job}; {plan} covers the scale and polish."
        ),
    ]
    return ex


def library_hold(c: Ctx) -> Example:
    ex = Example([])
    p = c.names.person(WORD_SHARE)
    hold, plan = c.ref(ex, "HOLD"), c.plan(ex, "library")
    ex.messages = [
        user(
            f"{add_person(ex, p, p.full, 'no_cue')}\n{hold}\nstill not on the shelf after nine days?"
        ),
        assistant(
            f"Hold {hold} is in transit from the branch at the other end of the line. With "
            f"{plan} it stays reserved for 7 days once it arrives."
        ),
    ]
    return ex


def desk_booking(c: Ctx) -> Example:
    ex = Example([])
    p = c.names.person(WORD_SHARE)
    plan, booking = c.plan(ex, "cowork"), c.ref(ex, "DSK")
    args = {
        "first_name": add_person(ex, p, p.given, "tool_args"),
        "last_name": add_person(ex, p, p.surname, "tool_args"),
        "plan": plan,
        "date": "2026-12-09",
    }
    ex.messages = [
        user(f"Book me a desk for Wednesday on my {plan} please."),
        call("call_desk", "book_desk", args),
        result(
            "call_desk",
            {
                "booking": booking,
                "member": add_person(ex, p, p.full, "tool_result"),
                "desk": "B-14",
            },
        ),
        assistant(f"Done: desk B-14 on Wednesday, booking {booking}."),
    ]
    return ex


def tax_intake(c: Ctx) -> Example:
    ex = Example([])
    p, spouse = c.names.person(WORD_SHARE), c.names.person(WORD_SHARE)
    number = ssn(c.r)
    ex.private.append(Private(number, "ssn"))
    plan, job = c.plan(ex, "tax"), c.job(ex)
    form = (
        f"Name: {add_person(ex, p, p.full, 'next_to_id')}\nSSN: {number}\n"
        f"E-mail: {add_email(ex, c.names, p)}\nPhone: {add_phone(ex, p, c.r)}\nOccupation: {job}\n"
        f"Spouse: {add_person(ex, spouse, spouse.full, 'third_party')}\nPackage: {plan}"
    )
    ex.messages = [
        user(
            f"Here is my intake sheet for this year's return:\n\n{form}\n\nWhat else do you need?"
        ),
        assistant(f"Thanks. For {plan} I also need last year's return and any 1099 forms."),
    ]
    return ex


def moving_quote(c: Ctx) -> Example:
    ex = Example([])
    p, agent = c.names.person(WORD_SHARE), c.names.person(WORD_SHARE)
    plan, quote = c.plan(ex, "moving"), c.ref(ex, "MQ")
    header = (
        f"From: {add_person(ex, p, p.full, 'email_header')} <{add_email(ex, c.names, p)}>\n"
        f"To: {add_person(ex, agent, agent.full, 'email_header')} <{add_email(ex, c.names, agent)}>\n"
        f"Subject: Re: quote {quote} ({plan})"
    )
    ex.messages = [
        user(
            f"Summarise this e-mail in one line:\n\n{header}\n\nCan we keep the date but drop the piano add-on?"
        ),
        assistant(
            f"The customer asks to keep the moving date on quote {quote} but remove the piano add-on."
        ),
    ]
    return ex


def wedding_rsvp(c: Ctx) -> Example:
    ex = Example([])
    people = [c.names.person(WORD_SHARE) for _ in range(4)]
    if c.r.random() < 0.5:
        rows = "\n".join(f"- {add_person(ex, q, q.full, 'list')}" for q in people)
        text = f"RSVPs so far:\n{rows}\nHow many is that, and who still owes a meal choice?"
    else:
        meals = ["fish", "veg", "lamb", "veg"]
        rows = "\n".join(
            f"{add_person(ex, q, q.full, 'csv')},{m},table {i + 2}"
            for i, (q, m) in enumerate(zip(people, meals, strict=True))
        )
        text = f"name,meal,table\n{rows}\n\nCount the meals per type."
    ex.messages = [user(text), assistant("Four guests: two veg, one fish, one lamb.")]
    return ex


def car_damage(c: Ctx) -> Example:
    ex = Example([])
    p = c.names.person(WORD_SHARE)
    number = card(c.r, c.r.choice(["visa", "mastercard", "amex", "discover", "jcb", "diners"]))
    ex.private.append(Private(number, "card"))
    claim = c.ref(ex, "DMG")
    args = {
        "driver": add_person(ex, p, p.full.lower(), "lowercase"),
        "card": number,
        "damage": "scratch on rear bumper",
    }
    ex.messages = [
        user(
            f"I returned the hire car with a scratch on the rear bumper; the deposit card is {number}."
        ),
        call("call_dmg", "open_damage_claim", args),
        result(
            "call_dmg",
            {
                "claim": claim,
                "driver_name": add_person(ex, p, p.full.upper(), "uppercase"),
                "status": "open",
            },
        ),
        assistant(f"Claim {claim} is open; an adjuster will look at the photos within 48 hours."),
    ]
    return ex


def exit_interview(c: Ctx) -> Example:
    ex = Example([])
    p, q = c.names.person(WORD_SHARE), c.names.person(WORD_SHARE)
    job = c.job(ex)
    ex.messages = [
        user(
            f"Tidy these exit-interview notes: {add_person(ex, p, p.full, 'third_party')} (our {job}) "
            f"said the commute was the main reason. {add_person(ex, q, q.full, 'possessive')}'s team "
            "takes over the open accounts next month."
        ),
        assistant(
            f"Exit interview: the {job} is leaving mainly because of the commute. Open accounts move "
            "to another team next month."
        ),
    ]
    return ex


def pharmacy_refill(c: Ctx) -> Example:
    ex = Example([])
    p = c.names.person(WORD_SHARE)
    rx, plan = c.ref(ex, "RX"), c.plan(ex, "pharmacy")
    ex.messages = [
        user(
            f"Please refill my usual inhaler prescription, {rx}, and keep it on {plan}.\n\n"
            f"Thanks,\n{add_person(ex, p, p.full, 'sign_off')}\n{add_phone(ex, p, c.r)}"
        ),
        assistant(
            f"Refill for {rx} is queued; it will be ready for collection tomorrow after 2 pm."
        ),
    ]
    return ex


def trip_consent(c: Ctx) -> Example:
    ex = Example([])
    teacher, parent = c.names.person(WORD_SHARE), c.names.person(WORD_SHARE)
    letter = (
        f"Dear Mx {add_person(ex, teacher, teacher.surname, 'letter')},\n\nI give consent for my "
        "son to join the Year 8 trip to the science museum on 14 March, and he may travel by coach."
        f"\n\nYours sincerely,\n{add_person(ex, parent, parent.full, 'letter')}\n"
        f"{add_phone(ex, parent, c.r)}"
    )
    ex.messages = [
        user(f"Make this consent note more formal:\n\n{letter}"),
        assistant("Here is a more formal version, keeping your names and the date as written."),
    ]
    return ex


def backer_survey(c: Ctx) -> Example:
    ex = Example([])
    p = c.names.person(WORD_SHARE)
    backer, plan, product = c.ref(ex, "BKR"), c.plan(ex, "crowd"), c.product(ex)
    mail = add_email(ex, c.names, p)
    ex.messages = [
        user(f"Has backer {backer} filled in the survey yet?"),
        call("call_bkr", "lookup_backer", {"backer_id": backer}),
        result(
            "call_bkr",
            {
                "name": add_person(ex, p, p.full, "tool_result"),
                "email": mail,
                "tier": plan,
                "reward": product,
            },
        ),
        assistant(
            f"Yes, {add_person(ex, p, p.given, 'first_later')} answered: {plan}, reward {product}; "
            "the survey is complete."
        ),
    ]
    return ex


def signed_for(c: Ctx) -> Example:
    ex = Example([])
    p, q = c.names.person(WORD_SHARE), c.names.person(WORD_SHARE)
    product, order = c.product(ex), c.ref(ex, "ORD")
    ex.messages = [
        user(
            f"Order {order} ({product}) shows as delivered, signed for by "
            f"{add_person(ex, p, p.initial, 'initial')}. The desk rota lists "
            f"{add_person(ex, q, q.reversed_initial, 'initial')} on reception that day. Who has it?"
        ),
        assistant(f"The {product} should be at reception; ask whoever was on the desk that day."),
    ]
    return ex


def hyphen_intro(c: Ctx) -> Example:
    ex = Example([])
    p = c.names.hyphenated()
    plan = c.plan(ex, "gym")
    ex.messages = [
        user(
            f"My name is {add_person(ex, p, p.full, 'hyphenated')} and I want to pause {plan} for two months."
        ),
        assistant(
            f"I can freeze {plan} from the next billing date; a freeze costs nothing for up to 3 months."
        ),
    ]
    return ex


def marked_names(c: Ctx) -> Example:
    ex = Example([])
    a, b = c.names.marked("apostrophe"), c.names.marked("particle")
    product = c.product(ex)
    ex.messages = [
        user(
            f"My landlord {add_person(ex, a, a.full, 'apostrophe')} says the {product} in the flat "
            f"is mine to keep, but the letting agent {add_person(ex, b, b.full, 'particle')} disagrees."
        ),
        assistant(
            f"Check the inventory signed at check-in: if the {product} is listed, it belongs to the flat."
        ),
    ]
    return ex


def quoted_greeting(c: Ctx) -> Example:
    ex = Example([])
    p, sender = c.names.person(WORD_SHARE), c.names.person(WORD_SHARE)
    plan = c.plan(ex, "cowork")
    ex.messages = [
        user(
            f'The space manager wrote: "Hi {add_person(ex, p, p.given, "greeting")}, your {plan} '
            f'renews on Friday. {add_person(ex, sender, sender.given, "sign_off")}". Is that automatic?'
        ),
        assistant(f"Yes, {plan} renews automatically unless you cancel before Friday."),
    ]
    return ex


def name_on_card(c: Ctx) -> Example:
    ex = Example([])
    p = c.names.person(WORD_SHARE)
    number = card(c.r, c.r.choice(["visa", "mastercard", "amex", "jcb"]))
    ex.private.append(Private(number, "card"))
    plan = c.plan(ex, "crowd")
    ex.messages = [
        user(
            f"Update the card for my {plan} pledge: {number}, exp 09/29, name on card "
            f"{add_person(ex, p, p.full.upper(), 'uppercase')}."
        ),
        assistant(f"The card on your {plan} pledge is updated; the next charge is on the 1st."),
    ]
    return ex


def login_audit(c: Ctx) -> Example:
    ex = Example([])
    p = c.names.person(WORD_SHARE)
    v4, v6 = ipv4(c.r), ipv6(c.r)
    ex.private += [Private(v4, "ip"), Private(v6, "ip")]
    tech = c.techn(ex)
    ex.messages = [
        user(
            f"{add_person(ex, p, p.full, 'possessive')}'s booking-portal account logged in from {v4} "
            f"and then {v6} ten minutes later. We enforce {tech}. Is that suspicious?"
        ),
        assistant(
            f"Two addresses ten minutes apart can be a phone switching networks; with {tech} in place, ask the user first."
        ),
    ]
    return ex


def deposit_refund(c: Ctx) -> Example:
    ex = Example([])
    p = c.names.person(WORD_SHARE)
    account = iban(c.r, c.r.choice(IBAN_COUNTRIES))
    ex.private.append(Private(account, "iban"))
    booking = c.ref(ex, "DSK")
    ex.messages = [
        user(
            f"Refund the key-card deposit for booking {booking} to "
            f"{add_person(ex, p, p.full, 'next_to_id')}, IBAN {account}."
        ),
        assistant(f"The deposit for {booking} will be refunded within five working days."),
    ]
    return ex


def lowercase_again(c: Ctx) -> Example:
    ex = Example([])
    p = c.names.person(WORD_SHARE)
    plan = c.plan(ex, "library")
    ex.messages = [
        user(
            f"hi its {add_person(ex, p, p.full.lower(), 'lowercase')} again, can i add my kid to the {plan}"
        ),
        assistant(f"Yes, children under 16 can be added to {plan} free of charge at any branch."),
    ]
    return ex


def no_private_plan(c: Ctx) -> Example:
    ex = Example([])
    plan, tech = c.plan(ex, c.r.choice(sorted(PLANS))), c.techn(ex)
    ex.messages = [
        user(
            f"Our booking system for {plan} customers fails with {tech} after the upgrade. Ideas?"
        ),
        assistant(
            f"Roll back the last config change, then check the logs for {tech} before retrying."
        ),
    ]
    return ex


def no_private_product(c: Ctx) -> Example:
    ex = Example([])
    product, job = c.product(ex), c.job(ex)
    ex.messages = [
        user(f"Write a two-line job ad for a {job}; the perk is a free {product}."),
        assistant(f"We're hiring a {job}! Join us and get a {product} on your first day."),
    ]
    return ex


TEMPLATES: list[Callable[[Ctx], Example]] = [
    dental_recall, library_hold, desk_booking, tax_intake, moving_quote, wedding_rsvp,
    car_damage, exit_interview, pharmacy_refill, trip_consent, backer_survey, signed_for,
    hyphen_intro, marked_names, quoted_greeting, name_on_card, login_audit, deposit_refund,
    lowercase_again, no_private_plan, no_private_product,
]  # fmt: skip
NO_PRIVATE = {no_private_plan, no_private_product}


def generate(half: str) -> list[Example]:
    r = rng("chats7", half)
    c = Ctx(half, r)
    order = [t for t in TEMPLATES if t not in NO_PRIVATE] * 6
    order = order[:108] + [no_private_plan, no_private_product] * 6
    r.shuffle(order)
    return [template(c) for template in order]
