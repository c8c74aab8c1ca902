"""Set (a) ``chats``: support and business chats with names in every position.

Positions (the ``tag`` of each person string): ``no_cue`` (a name with no "my name is"),
``next_to_id`` (beside an e-mail or a phone), ``sign_off``, ``letter`` (salutation and
signature of a pasted letter), ``tool_args`` (inside ``function.arguments`` and the tool's
JSON result), ``lowercase``, ``hyphenated``, ``particle``, ``apostrophe``, ``third_party``,
``first_name_later`` (a first name alone after the full name), ``greeting`` (the assistant
addressing the user), ``list`` (names in a comma list). Structured identifiers (e-mail, US
phone, card, SSN, IBAN, IPv4/IPv6) appear beside them; products, brands, order numbers and
technical values are the protected strings. About one record in ten has no private data.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from bench.pii_eval import ids
from bench.pii_eval.common import Example, Private, Protected, rng_for, split_pool
from bench.pii_eval.names import CULTURES, Name, NamePool

SET = "chats"
SIZE = 320

SYSTEMS = (
    "You are a helpful customer support assistant. Be concise and polite.",
    "You are the support agent for an online electronics shop. Verify the customer before changing orders.",
    "You are an assistant for a small accounting firm. Never give tax advice without a disclaimer.",
    "You answer IT helpdesk tickets for employees.",
    "You help users of a travel booking service with changes and refunds.",
    "You are a billing assistant. Use the tools to look customers up.",
)

PRODUCTS = (
    "iPhone 15 Pro",
    "AirPods Pro",
    "Kindle Paperwhite",
    "Galaxy S24",
    "ThinkPad X1 Carbon",
    "PlayStation 5",
    "Nintendo Switch",
    "Dyson V15",
    "Instant Pot",
    "Fitbit Charge 6",
    "Spotify Premium",
    "Microsoft 365",
    "Adobe Acrobat",
    "Pixel 8",
    "MacBook Air",
    "Roomba j7",
    "GoPro HERO12",
    "Sonos Era 100",
    "Apple Watch",
    "Surface Pro 9",
)
TECH = (
    "port 8443",
    "HTTP 502",
    "TLS 1.3",
    "24 hours",
    "version 2.4.1",
    "Kubernetes",
    "PostgreSQL",
    "Outlook",
    "VPN",
    "two-factor authentication",
    "error 0x80070005",
    "Windows 11",
    "SSO",
    "Wi-Fi",
    "macOS Sonoma",
    "Chrome",
)
JOBS = (
    "Head of Operations",
    "Finance Manager",
    "Chief Financial Officer",
    "Office Manager",
    "HR Business Partner",
    "Procurement Lead",
    "Senior Accountant",
    "Facilities Coordinator",
)
RELATIONS = (
    "my manager",
    "my colleague",
    "my husband",
    "my wife",
    "our accountant",
    "my landlord",
    "my son",
    "my daughter",
    "our intern",
    "the previous owner",
)
SIGN_OFFS = (
    "Thanks,\n{n}",
    "Best regards,\n{n}",
    "— {n}",
    "Cheers, {n}",
    "Kind regards\n{n}",
    "Thank you!\n{n}",
    "Sent from my phone\n{n}",
    "Regards, {n}",
)
TITLES = ("Mr.", "Ms.", "Mrs.", "Dr.", "Mx.")


class Chat:
    """One record being written: messages, and the gold strings put into them."""

    def __init__(self, rng: random.Random, pool: NamePool, domains: list[str]):
        self.rng, self.pool, self.domains = rng, pool, domains
        self.ex = Example(messages=[{"role": "system", "content": rng.choice(SYSTEMS)}])

    def say(self, role: str, content: str) -> None:
        self.ex.messages.append({"role": role, "content": content})

    def pii(self, text: str, category: str, tag: str = "") -> str:
        self.ex.private.append(Private(text, category, tag))
        return text

    def person(self, text: str, tag: str) -> str:
        return self.pii(text, "person", tag)

    def keep(self, text: str, kind: str) -> str:
        self.ex.protected.append(Protected(text, kind))
        return text

    def name(self, test: str | None = None) -> Name:
        return self.pool.draw_where(self.rng, test) if test else self.pool.draw(self.rng)

    def product(self) -> str:
        return self.keep(self.rng.choice(PRODUCTS), "product")

    def tech(self) -> str:
        return self.keep(self.rng.choice(TECH), "technical")

    def order(self) -> str:
        return self.keep(f"#{self.rng.randrange(10000, 99999)}", "reference")

    def email(self, name: Name, tag: str = "") -> str:
        return self.pii(ids.email(self.rng, name, self.domains), "email", tag)

    def phone(self) -> str:
        return self.pii(ids.us_phone(self.rng), "phone", "us")


def no_cue(c: Chat) -> None:
    a, b = c.name(), c.name()
    c.say(
        "user",
        f"{c.person(a.full, 'no_cue')} and I share the family plan and we were both "
        f"billed twice for {c.product()} this month. Order {c.order()}.",
    )
    c.say(
        "assistant",
        "Sorry about the double charge. I can see two payments on that order; "
        "I've started a refund for the second one, it takes 3-5 business days.",
    )
    c.say("user", f"Great. Also {c.person(b.full, 'no_cue')} wants to be removed from the plan.")
    c.say("assistant", "Done, the second member has been removed from the plan.")


def next_to_id(c: Chat) -> None:
    n = c.name()
    shape = c.rng.randrange(4)
    if shape == 0:
        body = f"{c.person(n.full, 'next_to_id')} <{c.email(n)}>"
    elif shape == 1:
        body = f"{c.phone()} ({c.person(n.full, 'next_to_id')})"
    elif shape == 2:
        body = f"{c.person(n.full, 'next_to_id')}, {c.email(n)}, {c.phone()}"
    else:
        body = f"{c.person(n.full, 'next_to_id')} / card {c.pii(ids.card(c.rng), 'card')}"
    c.say("user", f"Please update the contact on order {c.order()} to: {body}")
    c.say("assistant", "Thanks, the contact details on that order are updated.")


def sign_off(c: Chat) -> None:
    n = c.name()
    signed = c.rng.choice((n.given, n.full))
    text = c.rng.choice(SIGN_OFFS).format(n=c.person(signed, "sign_off"))
    c.say(
        "user",
        f"Hi, my {c.product()} stopped charging after the update. I've tried another "
        f"cable already.\n\n{text}",
    )
    c.say(
        "assistant",
        "Thanks for trying another cable. Please hold the power button for 20 "
        "seconds to reset it; if it still won't charge we'll replace it under warranty.",
    )


def letter(c: Chat) -> None:
    to, frm = c.name(), c.name()
    title = c.rng.choice(TITLES)
    job = c.keep(c.rng.choice(JOBS), "job_title")
    c.say(
        "user",
        "Can you make this letter sound more formal?\n\n"
        f"Dear {title} {c.person(to.surname, 'letter')},\n\n"
        f"we got your invoice {c.order()} but it lists the {c.product()} twice. pls fix and "
        "send again, we pay within 30 days as usual.\n\n"
        f"Yours sincerely,\n{c.person(frm.full, 'letter')}\n{job}",
    )
    c.say(
        "assistant",
        f"Dear {title} {c.person(to.surname, 'letter')},\n\n"
        "Thank you for your invoice. We noticed that one item appears twice; could you kindly "
        "issue a corrected invoice? Payment will follow within our usual 30 days.\n\n"
        f"Yours sincerely,\n{c.person(frm.full, 'letter')}\n{job}",
    )


def tool_args(c: Chat) -> None:
    n = c.name()
    mail = c.email(n, "tool_args")
    c.say("user", f"hi, I can't log in. my email is {mail}")
    args = (
        {"email": mail}
        if c.rng.random() < 0.5
        else {"name": c.person(n.full, "tool_args"), "email": mail}
    )
    c.ex.messages.append(
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {
                        "name": "lookup_customer",
                        "arguments": json.dumps(args, ensure_ascii=False),
                    },
                }
            ],
        }
    )
    result = {
        "customer": c.person(n.full, "tool_args"),
        "plan": "Pro",
        "last_login_ip": c.pii(ids.ipv4(c.rng), "ip"),
        "locked": True,
    }
    c.ex.messages.append(
        {
            "role": "tool",
            "tool_call_id": "call_1",
            "content": json.dumps(result, ensure_ascii=False),
        }
    )
    c.say(
        "assistant",
        f"Thanks {c.person(n.given, 'first_name_later')}, your account was locked "
        f"after too many attempts. I've unlocked it; please turn on {c.tech()} afterwards.",
    )


def lowercase(c: Chat) -> None:
    n = c.name()
    low = n.full.lower()
    c.say(
        "user",
        f"hey its {c.person(low, 'lowercase')} again, still waiting on the refund for "
        f"the {c.product()}",
    )
    c.say("assistant", f"Hi! I can see the refund for order {c.order()} was approved yesterday.")
    if c.rng.random() < 0.5:
        c.say("user", f"ok thx. {c.person(n.given.lower(), 'lowercase')}")


def shaped(c: Chat, test: str, tag: str) -> None:
    n = c.name(test)
    opener = c.rng.choice(
        (
            "This is {n} from the Lisbon office.",
            "{n} here, I'm the new finance contact.",
            "I'm writing on behalf of {n}.",
            "Could you add {n} to the shared mailbox?",
        )
    )
    c.say(
        "user",
        opener.format(n=c.person(n.full, tag)) + f" We need access to {c.tech()} before Monday.",
    )
    c.say(
        "assistant",
        "Sure. I've opened a request; access is usually granted within one business day.",
    )
    c.say("user", f"Thanks. {c.person(n.surname, tag)} will confirm by email.")


def hyphenated(c: Chat) -> None:
    if c.rng.random() < 0.5:
        shaped(c, "has_hyphen", "hyphenated")
        return
    a, b = c.name(), c.name()
    full = f"{a.given} {a.surname.split()[-1]}-{b.surname.split()[-1]}"
    c.say(
        "user",
        f"My surname is double-barrelled but your form cuts it: it's "
        f"{c.person(full, 'hyphenated')}. The card shows the whole name.",
    )
    c.say("assistant", "Thanks, I've corrected the name on your profile.")


def particle(c: Chat) -> None:
    shaped(c, "has_particle", "particle")


def apostrophe(c: Chat) -> None:
    shaped(c, "has_apostrophe", "apostrophe")


def third_party(c: Chat) -> None:
    n = c.name()
    rel = c.rng.choice(RELATIONS)
    c.say(
        "user",
        f"{rel.capitalize()} {c.person(n.full, 'third_party')} ordered a "
        f"{c.product()} with my card {c.pii(ids.card(c.rng), 'card')} without asking. "
        "Can I cancel it?",
    )
    c.say(
        "assistant",
        f"I can cancel order {c.order()} as long as it hasn't shipped. It hasn't, "
        "so it's cancelled now.",
    )
    c.say("user", f"Thanks. I'll talk to {c.person(n.given, 'first_name_later')}.")


def first_name_later(c: Chat) -> None:
    n = c.name()
    c.say(
        "user",
        f"Hello, my name is {c.person(n.full, 'cue')} and my {c.product()} arrived "
        f"cracked. You can reach me on {c.phone()}.",
    )
    c.say(
        "assistant",
        f"Hi {c.person(n.given, 'greeting')}, I'm sorry it arrived damaged. "
        "Could you send a photo of the box and the device?",
    )
    c.say("user", "Sent. How long will a replacement take?")
    c.say(
        "assistant",
        f"Thanks {c.person(n.given, 'first_name_later')}, a replacement ships "
        f"within {c.keep('24 hours', 'technical')} of approval.",
    )


def structured(c: Chat) -> None:
    n = c.name()
    kind = c.rng.randrange(4)
    if kind == 0:
        value = c.pii(ids.ssn(c.rng), "ssn")
        ask = f"For the W-9 my SSN is {value}, name {c.person(n.full, 'next_to_id')}."
    elif kind == 1:
        value = c.pii(ids.iban(c.rng), "iban")
        ask = f"Please refund to my IBAN {value} (account holder {c.person(n.full, 'next_to_id')})."
    elif kind == 2:
        value = c.pii(ids.ipv6(c.rng) if c.rng.random() < 0.4 else ids.ipv4(c.rng), "ip")
        ask = (
            f"Someone logged into my account from {value} last night. I'm "
            f"{c.person(n.given, 'no_cue')}, the account owner."
        )
    else:
        value = c.pii(ids.card(c.rng), "card")
        ask = f"Charge the renewal to {value} instead, exp 09/27."
    c.say("user", ask)
    c.say("assistant", "Thank you, I've noted that on your account and the change is saved.")


def name_list(c: Chat) -> None:
    names = [c.name() for _ in range(c.rng.randrange(2, 5))]
    joined = ", ".join(c.person(n.full, "list") for n in names)
    c.say(
        "user",
        f"Book the meeting room for Thursday 2pm for: {joined}. We'll need the "
        f"projector and {c.tech()}.",
    )
    c.say("assistant", "Booked: room 4B, Thursday 2pm, projector included.")


def email_header(c: Chat) -> None:
    n, m = c.name(), c.name()
    c.say(
        "user",
        "Summarise this email:\n\n"
        f"From: {c.person(n.full, 'next_to_id')} <{c.email(n)}>\n"
        f"To: {c.person(m.full, 'next_to_id')} <{c.email(m)}>\n"
        f"Subject: {c.product()} order {c.order()}\n\n"
        f"Hi {c.person(m.given, 'greeting')}, the supplier confirmed delivery for next week. "
        f"Call me on {c.phone()} if the date doesn't work.\n"
        f"{c.person(n.given, 'sign_off')}",
    )
    c.say(
        "assistant",
        "The supplier confirmed delivery of the order for next week; the sender "
        "asks for a call if the date doesn't suit.",
    )


def no_pii(c: Chat) -> None:
    c.say("user", f"Does the {c.product()} support {c.tech()}? I couldn't find it in the manual.")
    c.say(
        "assistant",
        "Yes, it does. You can turn it on under Settings, then Advanced. If it "
        f"doesn't show up, update to the latest firmware first; order {c.order()} shipped "
        "with an older one.",
    )


TEMPLATES: tuple[tuple[Callable[[Chat], None], int], ...] = (
    (no_cue, 3),
    (next_to_id, 3),
    (sign_off, 3),
    (letter, 2),
    (tool_args, 3),
    (lowercase, 2),
    (hyphenated, 2),
    (particle, 2),
    (apostrophe, 2),
    (third_party, 2),
    (first_name_later, 3),
    (structured, 6),
    (name_list, 2),
    (email_header, 2),
    (no_pii, 5),
)


def generate(half: str, size: int = SIZE) -> list[Example]:
    """The ``half`` of the set: ``size // 2`` records (the other half is built from other names)."""
    rng = rng_for(SET, half)
    pool = NamePool(half, CULTURES)
    domains = split_pool(ids.MAIL_DOMAINS, half, "mail-domains")
    funcs = [f for f, weight in TEMPLATES for _ in range(weight)]
    out = []
    for _ in range(size // 2):
        chat = Chat(rng, pool, domains)
        rng.choice(funcs)(chat)
        out.append(chat.ex)
    return out
