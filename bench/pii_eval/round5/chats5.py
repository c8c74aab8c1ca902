"""``chats5``: English support, business and personal chats with names in every position.

Situations (new in round 5): gym membership freezes, charity-run volunteers, car-hire damage
disputes, translation-agency complaints, conference badges, library fines, pet grooming,
removal quotes, expense approvals, tutoring rotas, sports-club kit, crowdfunding refunds,
coaching background checks, payee set-up, admin-panel login audits, kayak-hire deposits,
cooling-off refunds, volunteer firefighter forms, wedding seating.
"""

from __future__ import annotations

from collections.abc import Callable

from bench.pii_eval.common import Example, Private, Protected
from bench.pii_eval.round5.common5 import (
    bot,
    call,
    card,
    digits,
    iban,
    ipv4,
    ipv6,
    pool,
    ref,
    result,
    rng,
    ssn,
    sys_msg,
    user,
)
from bench.pii_eval.round5.names5 import Name, People, who
from bench.pii_eval.round5.things5 import JOB_TITLES, PLANS, PRODUCTS, TECH

HALF_SIZE = 120
SYSTEM = "You are a helpful assistant for a small business. Be brief."


class Ctx(People):
    def __init__(self, half: str) -> None:
        super().__init__(half, rng("chats5", half))
        self.products = pool(PRODUCTS, half, "products")
        self.plans = pool(PLANS, half, "plans")
        self.jobs = pool(JOB_TITLES, half, "job_titles")
        self.tech = pool(TECH, half, "tech")

    def product(self) -> Protected:
        return Protected(self.r.choice(self.products), "product")

    def plan(self) -> Protected:
        return Protected(self.r.choice(self.plans), "plan")

    def reference(self, prefix: str) -> Protected:
        return Protected(ref(self.r, prefix), "reference")


def _contact(c: Ctx, n: Name) -> tuple[str, str, list[Private]]:
    mail = c.email(n)
    tel, country = c.phone(n)
    return mail, tel, [Private(mail, "email", "chats"), Private(tel, "phone", country)]


def t_no_cue(c: Ctx) -> Example:
    n, plan = c.name(), c.plan()
    text = (
        f"{n.full} wants to freeze the {plan.text} from the 1st of next month while "
        "recovering from knee surgery. Does the locker rental carry over?"
    )
    reply = "Yes, a freeze keeps the locker for up to three months at no charge."
    return Example([user(text), bot(reply)], [who(n, "no_cue")], [plan])


def t_next_to_id(c: Ctx) -> Example:
    n = c.name()
    mail, tel, ids = _contact(c, n)
    text = f"Water station volunteer for Sunday's 10K: {n.full}, {mail}, {tel}. Add to the rota?"
    reply = "Added to the 7am shift at the second water station."
    return Example([user(text), bot(reply)], [who(n, "next_to_id"), *ids])


def t_sign_off(c: Ctx) -> Example:
    n, agreement = c.name(), c.reference("RA")
    tel, country = c.phone(n)
    text = (
        f"Hello, I am disputing the damage charge on rental agreement {agreement.text}. The "
        "scratch on the rear bumper was marked on the pick-up sheet.\n\n"
        f"Regards,\n{n.full}\n{tel}"
    )
    reply = "Please send a photo of the pick-up sheet and we will review the charge."
    private = [who(n, "sign_off"), Private(tel, "phone", country)]
    return Example([user(text), bot(reply)], private, [agreement])


def t_letter(c: Ctx) -> Example:
    to, sender = c.names(2)
    job = Protected(c.r.choice(c.jobs), "job_title")
    honor = c.r.choice(("Mr", "Ms", "Dr", "Mx"))
    letter = (
        f"Dear {honor} {to.surname},\n\nThe certified translation of our lease arrived with "
        "two pages missing. Could the agency re-issue it this week?\n\n"
        f"Yours sincerely,\n{sender.full}\n{job.text}"
    )
    text = f"Please tidy up the tone of this letter:\n\n{letter}"
    reply = "Here is a more formal version that keeps every fact of your letter."
    private = [who(to, "letter", to.surname), who(sender, "letter")]
    return Example([user(text), bot(reply)], private, [job])


def t_tool_args(c: Ctx) -> Example:
    n = c.name()
    mail = c.email(n)
    badge = Protected(f"BADGE-{digits(c.r, 5)}", "reference")
    args = {"given_name": n.given, "family_name": n.surname, "email": mail, "reprint": True}
    res = {"status": "queued", "printed_name": n.full, "badge_id": badge.text}
    msgs = [
        sys_msg("Tools: reprint_badge(given_name, family_name, email, reprint)."),
        user(f"My conference badge has a typo. It should read {n.full}, e-mail {mail}."),
        call("call_1", "reprint_badge", args),
        result("call_1", res),
        bot(f"Done: badge {badge.text} will be at the front desk."),
    ]
    private = [
        who(n, "tool_args", n.given),
        who(n, "tool_args", n.surname),
        who(n, "tool_result"),
        Private(mail, "email", "chats"),
    ]
    return Example(msgs, private, [badge])


def t_tool_result(c: Ctx) -> Example:
    n = c.name()
    tel, country = c.phone(n)
    member = Protected(f"LIB{digits(c.r, 7)}", "reference")
    res = {"member_id": member.text, "holder": n.full, "phone": tel, "fines_due": "4.60"}
    msgs = [
        user(f"How much do I owe on library card {member.text}?"),
        call("call_7", "lookup_library_member", {"member_id": member.text}),
        result("call_7", res),
        bot("There are 4.60 in overdue fines on that card; you can pay them at any branch."),
    ]
    private = [who(n, "tool_result"), Private(tel, "phone", country)]
    return Example(msgs, private, [member])


def t_lowercase(c: Ctx) -> Example:
    n, product = c.name(), c.product()
    low = f"{n.given} {n.surname}".lower()
    text = f"hey its {low} again, my {product.text} still won't pair after the update"
    reply = "Sorry about that! Hold the power button for ten seconds to reset the pairing."
    return Example([user(text), bot(reply)], [who(n, "lowercase", low)], [product])


def t_hyphenated(c: Ctx) -> Example:
    a = c.name(c.r.choice([k for k in c.cultures if k != "malay"]), word=False)
    b = c.name(a.culture, word=False)
    while b.surname == a.surname:
        b = c.name(a.culture, word=False)
    hyph = Name(a.given, f"{a.surname}-{b.surname}", a.culture)
    text = (
        f"Please move {hyph.full} from table 6 to table 2 on the wedding seating chart, "
        "next to the bride's grandparents."
    )
    reply = "Moved. Table 2 now has eight guests."
    return Example([user(text), bot(reply)], [who(hyph, "hyphenated")])


def t_particle(c: Ctx) -> Example:
    spaced = [k for k in ("maori", "irish") if any(" " in s for s in c.sur[k])]
    culture = c.r.choice(["malay", *spaced])
    n = c.name(culture)
    if culture != "malay":
        picks = [s for s in c.sur[culture] if " " in s]
        n = Name(n.given, c.r.choice(picks), culture)
    text = f"The Saturday 9:30 grooming slot is booked under {n.full}. Can we add a nail trim?"
    reply = "Nail trim added; the slot now runs to 10:45."
    return Example([user(text), bot(reply)], [who(n, "particle")])


def t_apostrophe(c: Ctx) -> Example:
    culture = c.r.choice([k for k in ("irish", "samoan") if any("'" in s for s in c.sur[k])])
    picks = [s for s in c.sur[culture] if "'" in s]
    n = Name(c.r.choice(c.given[culture]), c.r.choice(picks), culture)
    quote = Protected(ref(c.r, "QT", 5), "reference")
    text = (
        f"Removal quote {quote.text} for {n.full}: two-bedroom flat, third floor, no lift. "
        "Is the piano extra?"
    )
    reply = "Yes, the piano adds a two-person team and a dolly; I've updated the quote."
    return Example([user(text), bot(reply)], [who(n, "apostrophe")], [quote])


def t_initial(c: Ctx) -> Example:
    a, b = c.names(2)
    claim = Protected(ref(c.r, "EXP"), "reference")
    first = f"{a.given[0]}. {a.surname}"
    second = f"{b.surname}, {b.given[0]}."
    text = (
        f"Expense claim {claim.text}: approved by {first} on Monday, countersigned "
        f"by {second} on Tuesday. Why is it still pending?"
    )
    reply = "Finance runs payments on Thursdays; it will go out then."
    return Example(
        [user(text), bot(reply)], [who(a, "initial", first), who(b, "initial", second)], [claim]
    )


def t_comma_list(c: Ctx) -> Example:
    ns = c.names(3)
    text = (
        f"Tutoring rota this week: {ns[0].full}, {ns[1].full} and {ns[2].full}. "
        "Who covers Wednesday's algebra group?"
    )
    reply = f"{ns[1].given} covers Wednesday; the others keep their usual days."
    private = [who(n, "list") for n in ns] + [who(ns[1], "first_later", ns[1].given)]
    return Example([user(text), bot(reply)], private)


def t_bullets(c: Ctx) -> Example:
    ns = c.names(3)
    sizes = ("S", "M", "L", "XL")
    lines = "\n".join(f"- {n.full} (shirt {c.r.choice(sizes)})" for n in ns)
    text = f"Kit order for the under-14s netball squad:\n{lines}\nCan you total it?"
    reply = "Three kits at 38.00 each come to 114.00 with the club discount."
    return Example([user(text), bot(reply)], [who(n, "list") for n in ns])


def t_csv(c: Ctx) -> Example:
    ns = c.names(2)
    rows, private = ["full_name,email,phone"], []
    for n in ns:
        mail, tel, ids = _contact(c, n)
        rows.append(f"{n.full},{mail},{tel}")
        private += [who(n, "csv"), *ids]
    text = "Dedupe this donor list before the mail-out:\n" + "\n".join(rows)
    reply = "No duplicates: both donors are kept."
    return Example([user(text), bot(reply)], private)


def t_email_header(c: Ctx) -> Example:
    a, b = c.names(2)
    ma, mb = c.email(a), c.email(b)
    product = c.product()
    text = (
        f"From: {a.full} <{ma}>\nTo: {b.full} <{mb}>\nSubject: Crowdfunding refund for "
        f"the {product.text} pledge\n\nThe campaign was cancelled; can you confirm the refund date?"
        "\n\nSummarise this e-mail in one line."
    )
    reply = "A backer asks when the refund for a cancelled campaign pledge will arrive."
    private = [
        who(a, "email_header"),
        who(b, "email_header"),
        Private(ma, "email", "chats"),
        Private(mb, "email", "chats"),
    ]
    return Example([user(text), bot(reply)], private, [product])


def t_third_party(c: Ctx) -> Example:
    n = c.name()
    rel = c.r.choice(("neighbour", "physio", "brother-in-law", "flatmate", "landlady"))
    product = c.product()
    text = (
        f"My {rel} {n.full} signed for my {product.text} while I was away. Can the courier "
        "note that on the delivery record?"
    )
    reply = "The record now shows it was received by a neighbour on your behalf."
    return Example([user(text), bot(reply)], [who(n, "third_party")], [product])


def t_intro_first_later(c: Ctx) -> Example:
    n, plan = c.name(), c.plan()
    text = f"Hi, I'm {n.full}. I'd like to switch from the {plan.text} to pay-as-you-go."
    reply = f"Thanks, {n.given}. The switch takes effect at your next renewal date."
    private = [who(n, "intro"), who(n, "first_later", n.given)]
    return Example([user(text), bot(reply)], private, [plan])


def t_card(c: Ctx) -> Example:
    n = c.name()
    number = card(c.r)
    upper = n.full.upper()
    text = (
        f"Please take the 150.00 deposit for the hall booking from this card: {number}, "
        f"exp 09/28, name on card {upper}."
    )
    reply = "Deposit taken; the booking is confirmed."
    private = [who(n, "uppercase", upper), Private(number, "card", "card")]
    return Example([user(text), bot(reply)], private)


def t_ssn(c: Ctx) -> Example:
    n = c.name()
    number = ssn(c.r)
    job = Protected(c.r.choice(c.jobs), "job_title")
    text = (
        f"Background check for the {job.text} role at the youth football club: "
        f"{n.full}, SSN {number}. How long does it usually take?"
    )
    reply = "Checks usually come back within five working days."
    private = [who(n, "next_to_id"), Private(number, "ssn", "us")]
    return Example([user(text), bot(reply)], private, [job])


def t_iban(c: Ctx) -> Example:
    n = c.name()
    country = c.r.choice(("FI", "DK", "NO", "SK", "SI", "LV", "BG", "GB", "IS", "MT"))
    account = iban(c.r, country)
    args = {"account_holder": n.full, "iban": account, "reference": "Invoice March"}
    msgs = [
        sys_msg("Tools: add_payee(account_holder, iban, reference)."),
        user(f"Add a payee for the caterer: {n.full}, IBAN {account}."),
        call("call_3", "add_payee", args),
        result("call_3", {"ok": True, "payee_id": f"PY{digits(c.r, 6)}"}),
        bot("Payee added. The first transfer may take one extra day."),
    ]
    private = [who(n, "tool_args"), Private(account, "iban", country.lower())]
    return Example(msgs, private)


def t_ips(c: Ctx) -> Example:
    n = c.name()
    v4, v6 = ipv4(c.r), ipv6(c.r)
    tech = Protected(c.r.choice(c.tech), "technical")
    text = (
        f"Audit: {n.full}'s admin account logged in from {v4} at 02:14 and from {v6} at "
        f"02:16, both over {tech.text}. Is that worth escalating?"
    )
    reply = "Two countries within two minutes is worth escalating; reset the session tokens."
    private = [
        who(n, "possessive", f"{n.full}"),
        Private(v4, "ip", "ipv4"),
        Private(v6, "ip", "ipv6"),
    ]
    return Example([user(text), bot(reply)], private, [tech])


def t_card_tool(c: Ctx) -> Example:
    n = c.name()
    number = card(c.r)
    args = {"cardholder": n.full, "card_number": number, "amount": "80.00", "currency": "GBP"}
    msgs = [
        sys_msg("Tools: charge_deposit(cardholder, card_number, amount, currency)."),
        user(f"Take the kayak-hire deposit from my card: {number}, in the name of {n.full}."),
        call("call_5", "charge_deposit", args),
        result("call_5", {"approved": True, "auth_code": f"AUTH{digits(c.r, 6)}"}),
        bot("Deposit approved; it is released when the kayak is back undamaged."),
    ]
    private = [who(n, "tool_args"), Private(number, "card", "card")]
    return Example(msgs, private)


def t_iban_sign_off(c: Ctx) -> Example:
    n = c.name()
    country = c.r.choice(("FI", "DK", "NO", "SK", "SI", "LV", "BG", "GB", "IS", "MT"))
    account = iban(c.r, country)
    plan = c.plan()
    text = (
        f"Hi, I cancelled the {plan.text} within the cooling-off period. Please refund the "
        f"fee to {account}.\n\nThanks,\n{n.given}"
    )
    reply = "Refund issued; allow three to five working days."
    private = [who(n, "sign_off", n.given), Private(account, "iban", country.lower())]
    return Example([user(text), bot(reply)], private, [plan])


def t_ssn_form(c: Ctx) -> Example:
    n = c.name()
    number = ssn(c.r)
    tel, country = c.phone(n)
    form = f"Applicant: {n.full}\nSSN: {number}\nPhone: {tel}\nRole: volunteer firefighter"
    text = f"Check this application form for missing fields:\n{form}"
    reply = "The form is missing the date of birth and the emergency contact."
    private = [
        who(n, "form"),
        Private(number, "ssn", "us"),
        Private(tel, "phone", country),
    ]
    return Example([user(text), bot(reply)], private)


def t_greeting(c: Ctx) -> Example:
    n = c.name()
    text = f"Morning {n.given}! Is the van booked for the Harrogate job on Friday?"
    reply = "Yes, booked from 8am, keys at the depot."
    return Example([user(text), bot(reply)], [who(n, "greeting", n.given)])


def t_clean_plan(c: Ctx) -> Example:
    plan, order = c.plan(), c.reference("ORD")
    text = f"Order {order.text}: can I upgrade to the {plan.text} mid-cycle without losing credit?"
    reply = "Yes, unused days are credited pro rata to the new plan."
    return Example([user(text), bot(reply)], [], [plan, order])


def t_clean_product(c: Ctx) -> Example:
    product, ticket, tech = (
        c.product(),
        c.reference("TCK"),
        Protected(c.r.choice(c.tech), "technical"),
    )
    text = (
        f"Ticket {ticket.text}: the {product.text} companion app times out with {tech.text} "
        "errors on the office network. Any known fix?"
    )
    reply = "Allow the app's domain through the proxy and retry; the firmware fix is due next week."
    return Example([user(text), bot(reply)], [], [product, ticket, tech])


def t_clean_job(c: Ctx) -> Example:
    job, plan = Protected(c.r.choice(c.jobs), "job_title"), c.plan()
    text = f"Draft a two-line job ad for a {job.text}; mention staff get the {plan.text} free."
    reply = (
        f"We're hiring a {job.text} to join our friendly team. "
        f"Perks include the {plan.text} at no cost."
    )
    return Example([user(text), bot(reply)], [], [job, plan])


TEMPLATES: list[Callable[[Ctx], Example]] = [
    t_no_cue,
    t_next_to_id,
    t_sign_off,
    t_letter,
    t_tool_args,
    t_tool_result,
    t_lowercase,
    t_hyphenated,
    t_particle,
    t_apostrophe,
    t_initial,
    t_comma_list,
    t_bullets,
    t_csv,
    t_email_header,
    t_third_party,
    t_intro_first_later,
    t_card,
    t_ssn,
    t_iban,
    t_ips,
    t_card_tool,
    t_iban_sign_off,
    t_ssn_form,
    t_greeting,
    t_clean_plan,
    t_clean_product,
    t_clean_job,
]


def generate(half: str) -> list[Example]:
    c = Ctx(half)
    return [TEMPLATES[i % len(TEMPLATES)](c) for i in range(HALF_SIZE)]
