"""Set ``chats2``: support and business conversations (English) with private persons' names
in every position, beside e-mails, phones, cards, SSNs, IBANs and IPs.

Scenarios differ from round 1: HR onboarding, insurance claims, tenancy, school office,
clinic reception, travel bookings, freelance invoices, developer traces, reviews, forum posts.
"""

from __future__ import annotations

from collections.abc import Callable

from bench.pii_eval.common import Example
from bench.pii_eval.round2.common2 import Ctx, assistant, system, user

HALF_SIZE = 200

# fmt: off
PRODUCTS = (
    "Garmin Forerunner 265", "Marshall Emberton II", "Kobo Libra Colour", "Bose QuietComfort Ultra",
    "Steam Deck OLED", "Fairphone 5", "Framework Laptop 13", "reMarkable 2", "Oura Ring",
    "Instant Pot Duo", "Nespresso Vertuo Pop", "Philips Hue Bridge", "Eufy RoboVac X8",
    "Logitech MX Master 3S", "Arduino Nano ESP32", "Brother HL-L2350DW", "Kindle Scribe",
    "Withings Body+", "Breville Barista Express", "Theragun Mini", "Sennheiser Momentum 4",
    "Nothing Phone (2)", "Moto G Power", "Dyson Airwrap", "Vitamix E310", "Roku Ultra",
    "Anker 737 Power Bank", "Ecovacs Deebot T20", "Tado Smart Thermostat", "Polar Vantage V3",
)
TECH = (
    "PostgreSQL 16", "Redis 7.2", "Kubernetes 1.29", "Python 3.12", "Terraform 1.7",
    "OpenID Connect", "HTTP 429", "port 6379", "TLS 1.2", "BLAKE3", "GitHub Actions", "pnpm",
    "Django 5.0", "FastAPI", "gRPC", "OpenAPI 3.1", "Grafana", "Sentry", "systemd", "WebSocket",
    "Node.js 22", "SAML 2.0", "HTTP 504", "port 8080", "Alembic", "Celery",
)
PLANS = (
    "Premium Plus plan", "Flex Economy fare", "Family Saver bundle", "Business Pro tier",
    "Comprehensive Plus cover", "Starter plan", "Gold Care package", "Annual Unlimited pass",
)
JOB_TITLES = (
    "Junior Data Analyst", "Warehouse Team Lead", "Payroll Coordinator", "Release Manager",
    "Clinical Receptionist", "Account Executive", "Lab Technician", "Customer Success Manager",
)
# fmt: on


def _product(c: Ctx) -> str:
    return c.keep(c.rng.choice(c.pool("products", PRODUCTS)), "product")


def _tech(c: Ctx) -> str:
    return c.keep(c.rng.choice(c.pool("tech", TECH)), "tech")


def _plan(c: Ctx) -> str:
    return c.keep(c.rng.choice(c.pool("plans", PLANS)), "plan")


def _job(c: Ctx) -> str:
    return c.keep(c.rng.choice(c.pool("jobs", JOB_TITLES)), "job_title")


# -- templates with private data ---------------------------------------------------------------


def hr_onboarding(c: Ctx) -> None:
    n = c.name()
    job = _job(c)
    who = c.person(n.full, "no_cue")
    c.ex.messages += [
        user(f"New starter on Monday: {who}, {job}. Can you draft the welcome checklist?"),
        assistant(
            f"Here is a checklist for {who}'s first week as {job}: laptop, badge, payroll "
            "form, a buddy, and a 30-minute check-in on Friday."
        ),
    ]


def hr_w4(c: Ctx) -> None:
    n = c.name()
    who = c.person(n.full, "next_to_id")
    ssn = c.ssn()
    c.ex.messages += [
        system("You help an HR team fill in US payroll forms."),
        user(f"Fill the W-4 header for {who}, SSN {ssn}, filing single, no dependants."),
        assistant(f"Header: name {who}; SSN {ssn}; status Single; Step 3: 0. Sign and date it."),
    ]


def insurance_claim(c: Ctx) -> None:
    n = c.name()
    who = c.person(n.full, "intro")
    phone = c.phone(c.rng.choice(("US", "UK", "IE")))
    ref = c.ref("CLM-", 6)
    plan = _plan(c)
    c.ex.messages += [
        user(
            f"Hello, my name is {who} and I want to follow up on claim {ref}. A pipe burst in "
            f"the kitchen. I'm on the {plan}. Best number is {phone}."
        ),
        assistant(
            f"Thanks. I've noted claim {ref}; an adjuster will call {phone} within two working "
            "days. Please keep photos of the damage and any receipts."
        ),
    ]


def tenancy_letter(c: Ctx) -> None:
    tenant, landlord = c.name(), c.name()
    t_full = c.person(tenant.full, "letter")
    l_sur = c.person(landlord.formal, "letter")
    l_full = c.person(landlord.full, "letter")
    iban = c.iban()
    title = c.rng.choice(("Mr", "Ms", "Mrs", "Dr"))
    letter = (
        f"Dear {title} {l_sur},\n\nI am writing to ask for the return of my deposit for the flat, "
        f"which I left on 31 October after a joint inspection. Please transfer it to {iban}.\n\n"
        f"Kind regards,\n{t_full}"
    )
    c.ex.messages += [
        user(f"Can you make this letter firmer?\n\n{letter}"),
        assistant(
            f"Dear {title} {l_sur},\n\nUnder the tenancy agreement the deposit is due within ten "
            f"days of the end of the tenancy. I ask you to transfer it to {iban} by Friday.\n\n"
            f"Yours sincerely,\n{t_full}\n\n(cc: {l_full})"
        ),
    ]


def school_office(c: Ctx) -> None:
    parent = c.name()
    child_given = c.rng.choice(c.people.given[parent.culture])
    child = f"{child_given} {parent.surname}"
    kid = c.person(child, "third_party")
    mail = c.email(parent)
    c.ex.messages += [
        user(
            f"Our son {kid} will miss school Thursday and Friday for a family funeral. "
            f"Please reply to {mail}."
        ),
        assistant(
            f"I've recorded an authorised absence for {kid} on Thursday and Friday and sent a "
            f"confirmation to {mail}. The class teacher will share the homework."
        ),
    ]


def clinic_reception(c: Ctx) -> None:
    n = c.name()
    who = c.person(n.full, "next_to_id")
    phone = c.phone(c.rng.choice(("US", "UK", "ZA", "IN", "NG")))
    day = c.rng.choice(("Tuesday 9:40", "Wednesday 14:10", "Friday 11:00"))
    c.ex.messages += [
        user(f"Rebook patient {who} ({phone}) for a blood test, any morning this week."),
        assistant(f"Booked {who} for {day}. An SMS reminder goes to {phone} the day before."),
    ]


def travel_booking(c: Ctx) -> None:
    lead, other = c.name(), c.name()
    c.person(lead.given, "tool_args")
    c.person(lead.surname, "tool_args")
    c.person(other.given, "tool_args")
    c.person(other.surname, "tool_args")
    full = c.person(lead.full, "tool_result")
    mail = c.email(lead)
    fare = _plan(c)
    ref = c.ref()
    call, cid = c.call(
        "book_flight",
        {
            "route": "LIS-AMS",
            "date": "2026-05-14",
            "fare": fare,
            "passengers": [
                {"first_name": lead.given, "last_name": lead.surname},
                {"first_name": other.given, "last_name": other.surname},
            ],
            "contact_email": mail,
        },
    )
    c.ex.messages += [
        user(f"Book two seats Lisbon to Amsterdam on 14 May, {fare}, for me and a colleague."),
        call,
        c.result(cid, {"status": "confirmed", "pnr": ref, "lead_passenger": full, "email": mail}),
        assistant(f"Done: booking {ref} is confirmed and the tickets were e-mailed to {mail}."),
    ]


def freelance_invoice(c: Ctx) -> None:
    me = c.name()
    who = c.person(me.full, "sign_off")
    iban = c.iban()
    mail = c.email(me)
    inv = c.ref("INV-2026-", 4)
    c.ex.messages += [
        user(
            f"Please write a polite payment reminder for invoice {inv} (EUR 1,850, due 30 days "
            f"ago). Bank: {iban}. Sign it with my name, {who}, and {mail}."
        ),
        assistant(
            f"Subject: Reminder: invoice {inv}\n\nHello,\n\nA quick reminder that invoice {inv} "
            f"for EUR 1,850 is now 30 days overdue. Payment details: {iban}.\n\nThank you,\n"
            f"{who}\n{mail}"
        ),
    ]


def dev_trace(c: Ctx) -> None:
    n = c.name()
    mail = c.email(n)
    ip = c.ip()
    tech = _tech(c)
    author = c.person(n.full, "next_to_id")
    trace = (
        f"2026-03-02T10:22:13Z WARN auth: login failed for user={mail} src={ip}\n"
        f"2026-03-02T10:22:14Z ERROR worker: {tech} connection reset\n"
        f"commit 9f3c2ab  Author: {author} <{mail}>"
    )
    c.ex.messages += [
        user(f"What's going on here?\n```\n{trace}\n```"),
        assistant(
            f"Two separate things: a failed login from {ip}, and the worker losing its {tech} "
            "connection. The second one is the real error; check the server's idle timeout."
        ),
    ]


def csv_paste(c: Ctx) -> None:
    rows = ["name,email,phone,role"]
    for _ in range(c.rng.randrange(2, 4)):
        n = c.name()
        who = c.person(n.full, "csv")
        rows.append(f"{who},{c.email(n)},{c.phone('US')},{c.rng.choice(('admin', 'viewer'))}")
    table = "\n".join(rows)
    c.ex.messages += [
        user(f"Turn this into a markdown table:\n{table}"),
        assistant(
            "| name | email | phone | role |\n|---|---|---|---|\n"
            + "\n".join("| " + " | ".join(r.split(",")) + " |" for r in rows[1:])
        ),
    ]


def review(c: Ctx) -> None:
    n = c.name()
    product = _product(c)
    sig = c.person(f"{n.given} {n.surname[0]}.", "sign_off")
    c.ex.messages += [
        user(
            f'Classify the sentiment of this review:\n"Returned the {product} after a week, the '
            f'battery barely lasted a day. Support never answered. - {sig}"'
        ),
        assistant(f"Negative: battery life and unanswered support for the {product}."),
    ]


def forum_post(c: Ctx) -> None:
    n, m = c.name(), c.name()
    tech = _tech(c)
    a = c.person(n.full, "third_party")
    b = c.person(m.given.lower(), "lowercase")
    c.ex.messages += [
        user(
            f'Summarise this forum thread: "Upgrading to {tech} broke our deploy. Big thanks to '
            f"{a} who found the missing env var. also {b} if you read this, your script saved "
            'my weekend"'
        ),
        assistant(
            f"A user's deploy broke after upgrading to {tech}; {a} found a missing environment "
            "variable, and another member's script helped."
        ),
    ]


def lowercase_intro(c: Ctx) -> None:
    n = c.name()
    who = c.person(n.full.lower(), "lowercase")
    mail = c.email(n)
    product = _product(c)
    c.ex.messages += [
        user(f"hi its {who}, my {product} wont turn on since the update. email is {mail}"),
        assistant(
            f"Sorry about that. Hold the power button for 20 seconds, then charge it for "
            f"an hour. If it still won't start, we'll open a repair ticket for {mail}."
        ),
    ]


def uppercase_card(c: Ctx) -> None:
    n = c.name()
    card = c.card()
    holder = c.person(n.full.upper(), "uppercase")
    c.ex.messages += [
        user(f"Update the card on file: {card}, exp 08/29, CVV 412, NAME ON CARD {holder}"),
        assistant(
            "I can't take card details in chat. Please update them under Billing > "
            "Payment methods; the number you typed should be treated as exposed."
        ),
    ]


def shape_name(c: Ctx, shape: str) -> None:
    n = c.name(shape=shape)
    rng = c.rng
    kind = rng.randrange(4)
    if kind == 0:
        who = c.person(n.full, shape)
        mail = c.email(n)
        c.ex.messages += [
            user(f"Please add {who} to the onboarding group, {mail}."),
            assistant(f"Added {who} ({mail}) to the onboarding group."),
        ]
    elif kind == 1:
        who = c.person(n.full, shape)
        phone = c.phone(rng.choice(("US", "UK", "DE", "NL", "FR")))
        c.ex.messages += [
            user(
                f'Voicemail transcript: "Hi, this is {who}, calling about the boiler service. '
                f'Call me back on {phone}." Draft a reply text.'
            ),
            assistant(
                f"Hi {n.given}, thanks for your message about the boiler service. We can "
                "come Thursday morning; reply YES to confirm."
            ),
        ]
        c.person(n.given, shape)
    elif kind == 2:
        who = c.person(n.full, shape)
        c.ex.messages += [
            user(f"Reword: 'As per {who}'s note, the offsite moves to the 12th.'"),
            assistant(f"Following {who}'s note, the offsite is now on the 12th."),
        ]
    else:
        sur = c.person(n.surname, shape)
        full = c.person(n.full, shape)
        c.ex.messages += [
            user(f"Write a two-line thank-you to Ms {sur} for mentoring our interns."),
            assistant(
                f"Dear Ms {sur},\nThank you for mentoring our interns this summer; they "
                f"learned a great deal.\n\nWarm regards, the People team (for {full})"
            ),
        ]


def initials(c: Ctx) -> None:
    n = c.name()
    form = c.rng.choice((n.initial, f"{n.surname}, {n.given[0]}."))
    who = c.person(form, "initial")
    card_ref = c.ref("TKT-", 5)
    c.ex.messages += [
        user(f"Ticket {card_ref} was assigned to {who} but nobody has replied in 3 days."),
        assistant(f"I've escalated {card_ref}; {who} and the team lead are now both on it."),
    ]


def email_header(c: Ctx) -> None:
    a, b = c.name(), c.name()
    ma, mb = c.email(a), c.email(b)
    fa = c.person(a.full, "email_header")
    fb = c.person(b.full, "email_header")
    c.ex.messages += [
        user(
            f"From: {fa} <{ma}>\nTo: {fb} <{mb}>\nSubject: Contract renewal\n\nHi {b.given}, "
            "attached is the signed renewal. Can you countersign by Friday?"
        ),
        assistant(
            "The sender attaches a signed contract renewal and asks for a countersignature "
            "by Friday."
        ),
    ]
    c.person(b.given, "greeting")


def first_later(c: Ctx) -> None:
    n = c.name()
    full = c.person(n.full, "intro")
    first = c.person(n.given, "first_later")
    product = _product(c)
    c.ex.messages += [
        user(f"Hi, {full} here. The strap on my {product} snapped."),
        assistant(f"Sorry to hear that, {first}. Is it within the two-year warranty?"),
        user("Yes, bought in March."),
        assistant(f"Great, {first}: I've started a free replacement for the {product} strap."),
    ]


def attendee_list(c: Ctx) -> None:
    names = [c.name() for _ in range(c.rng.randrange(3, 5))]
    listed = [c.person(n.full, "list") for n in names]
    c.ex.messages += [
        user("Make a seating plan for the offsite dinner, two tables:\n- " + "\n- ".join(listed)),
        assistant(f"Table 1: {', '.join(listed[::2])}\nTable 2: {', '.join(listed[1::2])}"),
    ]


def crm_lookup(c: Ctx) -> None:
    n = c.name()
    mail = c.email(n)
    full = c.person(n.full, "tool_result")
    phone = c.phone(c.rng.choice(("US", "UK", "IN", "ZA")), e164=True)
    plan = _plan(c)
    call, cid = c.call("lookup_customer", {"email": mail})
    c.ex.messages += [
        user(f"Customer {mail} says they were double charged. Check their account."),
        call,
        c.result(cid, {"name": full, "phone": phone, "plan": plan, "charges": [29.0, 29.0]}),
        assistant(f"{n.given} was charged twice for the {plan}; I've refunded one charge."),
    ]
    c.person(n.given, "first_later")


def ip_block(c: Ctx) -> None:
    n = c.name()
    ips = [c.ip() for _ in range(2)]
    who = c.person(n.full, "no_cue")
    tech = _tech(c)
    c.ex.messages += [
        user(
            f"{who} reports brute-force attempts on {tech} from {ips[0]} and {ips[1]}. "
            "Write the firewall rules."
        ),
        assistant(f"Deny both sources:\n```\ndeny from {ips[0]}\ndeny from {ips[1]}\n```"),
    ]


def expense_split(c: Ctx) -> None:
    a, b = c.name(), c.name()
    fa, fb = c.person(a.full, "no_cue"), c.person(b.full, "no_cue")
    iban = c.iban()
    c.ex.messages += [
        user(
            f"{fa} paid 240 for the cabin and {fb} paid 90 for food. Who owes whom? "
            f"Pay-back account: {iban}"
        ),
        assistant(f"Total 330, 165 each: {fb} owes {fa} 75, to {iban}."),
    ]


def recommendation(c: Ctx) -> None:
    cand, ref_ = c.name(), c.name()
    who = c.person(cand.full, "no_cue")
    sig = c.person(ref_.full, "sign_off")
    job = _job(c)
    c.ex.messages += [
        user(
            f"Draft a reference letter: {who} worked for me for three years and is applying "
            f"for {job}. Sign as {sig}."
        ),
        assistant(
            f"To whom it may concern,\n\nI recommend {who} without reservation for the "
            f"{job} role...\n\nSincerely,\n{sig}"
        ),
    ]


def wire_form(c: Ctx) -> None:
    n = c.name()
    args = {"beneficiary": n.full, "iban": "", "amount": 420.5, "currency": "EUR",
            "reference": "rent March"}  # fmt: skip
    c.person(n.full, "tool_args")
    args["iban"] = c.iban()
    call, cid = c.call("create_transfer", args)
    c.ex.messages += [
        user(f"Send March rent to my landlord {n.given}, same account as last time."),
        call,
        c.result(cid, {"ok": True, "transfer_id": c.ref("TRX", 8)}),
        assistant("The transfer of EUR 420.50 for March rent is scheduled."),
    ]
    c.person(n.given, "no_cue")


def premium_payment(c: Ctx) -> None:
    n = c.name()
    card = c.card()
    who = c.person(n.full, "next_to_id")
    ref = c.ref("POL-", 6)
    c.ex.messages += [
        user(
            f"Pay this month's premium for policy {ref} with card {card}, expiry 11/27. "
            f"Policy holder: {who}."
        ),
        assistant(
            f"Card numbers shouldn't be shared in chat. Please pay the {ref} premium through the "
            "secure payment page; I've sent the link to the address on the policy."
        ),
    ]


def benefits_dependant(c: Ctx) -> None:
    employee, spouse = c.name(), c.name()
    me = c.person(employee.full, "sign_off")
    partner = c.person(spouse.full, "third_party")
    number = c.ssn()
    plan = _plan(c)
    c.ex.messages += [
        user(
            f"Please add my spouse {partner}, SSN {number}, born 1988-04-12, to my dental cover "
            f"on the {plan}.\nThanks,\n{me}"
        ),
        assistant(
            f"Done: {partner} is added as a dependant on the {plan} from the first of next "
            "month. You'll get a new member card by post."
        ),
    ]


PRIVATE_TEMPLATES: list[Callable[[Ctx], None]] = [
    hr_onboarding, hr_w4, insurance_claim, tenancy_letter, school_office, clinic_reception,
    travel_booking, freelance_invoice, dev_trace, csv_paste, review, forum_post,
    lowercase_intro, uppercase_card, initials, email_header, first_later, attendee_list,
    crm_lookup, ip_block, expense_split, recommendation, wire_form, premium_payment,
    benefits_dependant,
    lambda c: shape_name(c, "hyphenated"), lambda c: shape_name(c, "particle"),
    lambda c: shape_name(c, "apostrophe"), lambda c: shape_name(c, "common_word"),
    lambda c: shape_name(c, "common_word"),
]  # fmt: skip


# -- templates without private data -----------------------------------------------------------


def clean_product(c: Ctx) -> None:
    p = _product(c)
    c.ex.messages += [
        user(f"Does the {p} support firmware updates over Wi-Fi?"),
        assistant(
            f"Yes. Open the companion app, go to Settings > Device, and the {p} will "
            "download any update overnight while charging."
        ),
    ]


def clean_tech(c: Ctx) -> None:
    t, u = _tech(c), _tech(c)
    c.ex.messages += [
        user(f"We see intermittent errors after moving to {t}. Could {u} be involved?"),
        assistant(
            f"Possibly. Check the {u} logs for timeouts at the same timestamps as the "
            f"{t} errors, and compare connection pool sizes."
        ),
    ]


def clean_plan(c: Ctx) -> None:
    p = _plan(c)
    c.ex.messages += [
        user(f"What does the {p} include, and can I cancel monthly?"),
        assistant(
            f"The {p} includes priority support and free changes; it can be cancelled at "
            "the end of any billing month."
        ),
    ]


def clean_policy(c: Ctx) -> None:
    ref = c.ref("POL-", 6)
    c.ex.messages += [
        user(f"Is storm damage to a garden fence covered under policy {ref}?"),
        assistant(
            f"Fences are usually excluded from storm cover. Check section 4 of policy {ref}; "
            "if in doubt, send photos and we'll assess."
        ),
    ]


CLEAN_TEMPLATES: list[Callable[[Ctx], None]] = [clean_product, clean_tech, clean_plan, clean_policy]


def generate(half: str) -> list[Example]:
    c = Ctx("chats2", half)
    out: list[Example] = []
    order: list[Callable[[Ctx], None]] = []
    for i in range(HALF_SIZE):
        if i % 10 == 9:
            template = CLEAN_TEMPLATES[(i // 10) % len(CLEAN_TEMPLATES)]
        else:
            if not order:
                order = list(PRIVATE_TEMPLATES)
                c.rng.shuffle(order)
            template = order.pop()
        example = c.start()
        template(c)
        out.append(example)
    return out
