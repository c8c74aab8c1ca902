"""`chats9`: English support, business and personal chats with names in every position.

Situations (none used in rounds 1-8): climbing-gym waivers, escape-room bookings (tool calls),
pottery-class enrolments, driving-school lessons, hackathon team sheets (CSV, TSV, markdown
and headerless tables), beekeeping-association dues, sailing-school letters, hearing-aid
fittings, film-extras casting lists.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Private, Protected
from bench.pii_eval.round9.common9 import (
    CARD_BRANDS,
    IBAN_SHAPES,
    assistant,
    card,
    example,
    iban,
    ipv4,
    ipv6,
    pool,
    ref,
    rng9,
    ssn,
    tool_call,
    tool_result,
    user,
)
from bench.pii_eval.round9.persons9 import Draw, Person
from bench.pii_eval.round9.things9 import JOB_TITLES, PLANS, PRODUCTS, TECH

SIZE = 120
NO_PRIVATE = 12


class Ctx:
    def __init__(self, half: str) -> None:
        self.rng: random.Random = rng9("chats9", half)
        self.draw = Draw(half, self.rng)
        self.products = pool(PRODUCTS, half, "products")
        self.plans = {k: pool(v, half, f"plans:{k}") for k, v in PLANS.items()}
        self.titles = pool(JOB_TITLES, half, "job_titles")
        self.tech = pool(TECH, half, "tech")
        self.brands = sorted(CARD_BRANDS)
        self.ibans = sorted(IBAN_SHAPES)
        self.n_card = 0
        self.n_iban = 0 if half == "dev" else len(self.ibans) // 2  # other countries in test

    def plan(self, situation: str) -> tuple[str, Protected]:
        p = self.rng.choice(self.plans[situation])
        return p, Protected(p, "plan")

    def product(self) -> tuple[str, Protected]:
        p = self.rng.choice(self.products)
        return p, Protected(p, "product")

    def title(self) -> tuple[str, Protected]:
        t = self.rng.choice(self.titles)
        return t, Protected(t, "job_title")

    def techs(self) -> tuple[str, Protected]:
        t = self.rng.choice(self.tech)
        return t, Protected(t, "technical")

    def reference(self, prefix: str) -> tuple[str, Protected]:
        r = ref(self.rng, prefix)
        return r, Protected(r, "reference")

    def card(self) -> str:
        brand = self.brands[self.n_card % len(self.brands)]
        self.n_card += 1
        return card(self.rng, brand)

    def iban(self) -> str:
        country = self.ibans[self.n_iban % len(self.ibans)]
        self.n_iban += 1
        return iban(self.rng, country)


def _contact(c: Ctx, p: Person) -> tuple[str, str, list[Private]]:
    email, phone = c.draw.email(p), c.draw.phone(p)
    return email, phone, [Private(email, "email"), Private(phone, "phone", p.country)]


def t_waiver(c: Ctx) -> Example:
    p = c.draw.person()
    plan, pp = c.plan("climbing")
    msgs = [
        user(f"Hi, I'm {p.full}. I signed the climbing waiver online but the desk says it "
             f"isn't linked to my {plan} membership. Can you check?"),
        assistant(f"Thanks, {p.given}. The waiver is on file; I've linked it to {plan}. "
                  "You can climb from today."),
    ]  # fmt: skip
    return example(msgs, [p.item(p.full, "intro"), p.item(p.given, "first_later")], [pp])


def t_escape_booking(c: Ctx) -> Example:
    p = c.draw.person()
    plan, pp = c.plan("escape")
    r, pr = c.reference("ESC")
    args = {
        "first_name": p.given,
        "last_name": p.surname,
        "package": plan,
        "players": c.rng.randrange(3, 8),
    }
    msgs = [
        user(f"Can you book the {plan} for Friday night? Lead player is me."),
        tool_call("call_1", "book_escape_room", args),
        tool_result("call_1", {"booking": r, "lead_player": p.full, "status": "confirmed"}),
        assistant(f"Booked: {r}, {plan}. See you Friday!"),
    ]
    priv = [
        p.item(p.given, "tool_args"),
        p.item(p.surname, "tool_args"),
        p.item(p.full, "tool_result"),
    ]
    return example(msgs, priv, [pp, pr])


def t_pottery_nocue(c: Ctx) -> Example:
    p = c.draw.person()
    plan, pp = c.plan("pottery")
    ph = c.draw.phone(p)
    msgs = [
        user(f"{p.full}\n{ph}\n{plan}, Thursday evenings: is there still a wheel free?"),
        assistant(
            f"Yes, there is one wheel left on {plan} for Thursdays. I've held it until noon tomorrow."
        ),
    ]
    return example(msgs, [p.item(p.full, "no_cue"), Private(ph, "phone", p.country)], [pp])


def t_driving_ids(c: Ctx) -> Example:
    p = c.draw.person()
    plan, pp = c.plan("driving")
    s, cd = ssn(c.rng), c.card()
    msgs = [
        user(f"Learner: {p.full}, SSN {s}, paying the {plan} with card {cd}. "
             "Please confirm the first lesson."),
        assistant(f"Payment for {plan} went through; your first lesson is confirmed."),
    ]  # fmt: skip
    priv = [p.item(p.full, "next_to_id"), Private(s, "ssn"), Private(cd, "card")]
    return example(msgs, priv, [pp])


def _people(c: Ctx, n: int) -> list[Person]:
    """``n`` people with distinct full names."""
    out: list[Person] = []
    while len(out) < n:
        p = c.draw.person()
        if all(p.full != q.full for q in out):
            out.append(p)
    return out


def _three(c: Ctx) -> list[Person]:
    return _people(c, 3)


def t_hack_csv(c: Ctx) -> Example:
    people = _three(c)
    plan, pp = c.plan("hackathon")
    header = c.rng.choice(
        ["name,email,track", "Full Name,E-mail,Track", "participant;contact;track"]
    )
    sep = ";" if ";" in header else ","
    rows, priv = [header], []
    for p in people:
        e = c.draw.email(p)
        rows.append(sep.join([p.full, e, plan]))
        priv += [p.item(p.full, "csv"), Private(e, "email")]
    msgs = [
        user("Here's our team sheet, please register us:\n" + "\n".join(rows)),
        assistant(f"All three are registered on the {plan}."),
    ]
    return example(msgs, priv, [pp])


def t_hack_tsv(c: Ctx) -> Example:
    people = _three(c)
    plan, pp = c.plan("hackathon")
    header = c.rng.choice(["Member\tPhone\tRole", "who\tmobile\tskill", "Teammate\tCell\tStack"])
    rows, priv = [header], []
    for p in people:
        ph = c.draw.phone(p)
        rows.append("\t".join([p.full, ph, c.rng.choice(["backend", "design", "data"])]))
        priv += [p.item(p.full, "tsv"), Private(ph, "phone", p.country)]
    msgs = [
        user(f"Pasting from our spreadsheet for the {plan} sign-up:\n" + "\n".join(rows)),
        assistant("Thanks, the team is in. You'll get the Discord invite tonight."),
    ]
    return example(msgs, priv, [pp])


def t_sail_markdown(c: Ctx) -> Example:
    people = _three(c)
    plan, pp = c.plan("sailing")
    head = c.rng.choice(
        ["| Crew member | Phone |", "| Name | Contact number |", "| Sailor | Mobile |"]
    )
    rows, priv = [head, "|---|---|"], []
    for p in people:
        ph = c.draw.phone(p)
        rows.append(f"| {p.full} | {ph} |")
        priv += [p.item(p.full, "md_table"), Private(ph, "phone", p.country)]
    msgs = [
        user(
            f"Crew list for the {plan} weekend:\n\n"
            + "\n".join(rows)
            + "\n\nCan you add them to the manifest?"
        ),
        assistant(f"Done, the {plan} manifest now lists all three crew."),
    ]
    return example(msgs, priv, [pp])


def t_bees_headerless(c: Ctx) -> Example:
    people = _three(c)
    plan, pp = c.plan("beekeeping")
    rows, priv = [], []
    for day, p in zip(("Mon", "Wed", "Fri"), people, strict=True):
        ph = c.draw.phone(p)
        rows.append(f"{day}\t{p.full}\t{ph}")
        priv += [p.item(p.full, "headerless"), Private(ph, "phone", p.country)]
    msgs = [
        user("Swarm-call rota for June (day, volunteer, number):\n" + "\n".join(rows)),
        assistant(f"Rota saved. Volunteers on the {plan} get the swarm alerts first."),
    ]
    return example(msgs, priv, [pp])


def t_sail_letter(c: Ctx) -> Example:
    to, sender = _people(c, 2)
    plan, pp = c.plan("sailing")
    title, pt = c.title()
    ph = c.draw.phone(sender)
    letter = (
        f"Dear Mx {to.surname},\n\nThank you for completing the {plan}. Your certificate is "
        f"enclosed.\n\nYours sincerely,\n{sender.full}\n{title}\n{ph}"
    )
    msgs = [user("Can you make this letter less formal?\n\n" + letter),
            assistant(f"Sure. Start with 'Hi' instead of 'Dear', keep the {plan} line, "
                      "and sign off with 'Fair winds'.")]  # fmt: skip
    priv = [to.item(to.surname, "letter"), sender.item(sender.full, "sign_off"),
            Private(ph, "phone", sender.country)]  # fmt: skip
    return example(msgs, priv, [pp, pt])


def t_signature(c: Ctx) -> Example:
    p = c.draw.person()
    prod, pp = c.product()
    title, pt = c.title()
    email, ph, ids = _contact(c, p)
    msgs = [
        user(f"My {prod} keeps dropping the connection after the last update.\n\n"
             f"Best regards,\n{p.full}\n{title}\n{email} | {ph}"),
        assistant(f"Sorry about that. Please reset the {prod} by holding the power button for ten seconds."),
    ]  # fmt: skip
    return example(msgs, [p.item(p.full, "sign_off"), *ids], [pp, pt])


def t_email_header(c: Ctx) -> Example:
    a, b = _people(c, 2)
    plan, pp = c.plan("hearing")
    ea, eb = c.draw.email(a), c.draw.email(b)
    msgs = [
        user(f"From: {a.full} <{ea}>\nTo: {b.full} <{eb}>\nSubject: {plan} renewal\n\n"
             "Please summarise this thread in one line."),
        assistant(f"The sender asks to renew the {plan}."),
    ]  # fmt: skip
    priv = [a.item(a.full, "email_header"), b.item(b.full, "email_header"),
            Private(ea, "email"), Private(eb, "email")]  # fmt: skip
    return example(msgs, priv, [pp])


def t_greeting(c: Ctx) -> Example:
    p = c.draw.person()
    plan, pp = c.plan("pottery")
    msgs = [
        user(f"> Hi {p.given},\n> your glaze test tiles are ready to collect.\n\n"
             f"Is that about the {plan}? I'd like to reply politely."),
        assistant(f"Yes, it's about the {plan}. You could reply: 'Thanks, I'll pick them up this week.'"),
    ]  # fmt: skip
    return example(msgs, [p.item(p.given, "greeting")], [pp])


def t_third_party(c: Ctx) -> Example:
    p = c.draw.person()
    plan, pp = c.plan("hearing")
    msgs = [
        user(f"I'm booking the fitting for my grandfather {p.full}; he's on the {plan}. "
             "Does he need to bring his old aids?"),
        assistant(f"Yes, please ask {p.given} to bring them; the audiologist will compare the settings."),
    ]  # fmt: skip
    return example(msgs, [p.item(p.full, "third_party"), p.item(p.given, "first_later")], [pp])


def t_possessive(c: Ctx) -> Example:
    p = c.draw.person()
    tech, pt = c.techs()
    ip = ipv4(c.rng) if c.rng.random() < 0.6 else ipv6(c.rng)
    msgs = [
        user(f"{p.full}'s account on the hackathon portal was logged in from {ip} at 03:12. "
             f"We only allow {tech}. Was that them?"),
        assistant("I can't tell who it was, but I've forced a password reset and logged the address."),
    ]  # fmt: skip
    return example(msgs, [p.item(p.full, "possessive"), Private(ip, "ip")], [pt])


def t_lowercase(c: Ctx) -> Example:
    p = c.draw.person()
    plan, pp = c.plan("climbing")
    low = p.full.lower()
    msgs = [
        user(f"hey its {low}, can i freeze my {plan} for a month? broke my wrist lol"),
        assistant(f"Sorry to hear that! I've frozen your {plan} for 30 days."),
    ]
    return example(msgs, [p.item(low, "lowercase")], [pp])


def t_uppercase(c: Ctx) -> Example:
    p = c.draw.person()
    plan, pp = c.plan("driving")
    up, cd = p.full.upper(), c.card()
    msgs = [
        user(f"The card says {up}, number {cd}. Why was the {plan} payment declined?"),
        assistant("The bank declined it; please call the number on the back of the card."),
    ]
    return example(msgs, [p.item(up, "uppercase"), Private(cd, "card")], [pp])


def t_hyphenated(c: Ctx) -> Example:
    p = c.draw.hyphenated()
    plan, pp = c.plan("beekeeping")
    e = c.draw.email(p)
    msgs = [
        user(f"Please renew {plan} for {p.full}, receipts to {e}."),
        assistant(f"Renewed. The receipt for {plan} is on its way."),
    ]
    return example(msgs, [p.item(p.full, "hyphenated"), Private(e, "email")], [pp])


def t_special_surname(c: Ctx, kind: str) -> Example:
    p = c.draw.with_surname(kind)
    prod, pp = c.product()
    r, pr = c.reference("RMA")
    ph = c.draw.phone(p)
    msgs = [
        user(
            f"Return {r} for the {prod} is under {p.full}, call {ph} if the courier can't find us."
        ),
        assistant(f"Thanks, the return {r} is booked; the courier will call before arriving."),
    ]
    return example(msgs, [p.item(p.full, kind), Private(ph, "phone", p.country)], [pp, pr])


def t_initial(c: Ctx) -> Example:
    a, b = _people(c, 2)
    plan, pp = c.plan("escape")
    ia, ib = f"{a.given[0]}. {a.surname}", f"{b.surname}, {b.given[0]}."
    msgs = [
        user(f"The leaderboard shows {ia} and {ib} tied on the {plan}. Who gets the prize?"),
        assistant(
            "The faster final room wins; both teams finished it in 41 minutes, so we'll split it."
        ),
    ]
    return example(msgs, [a.item(ia, "initial"), b.item(ib, "initial")], [pp])


def t_list(c: Ctx) -> Example:
    people = _three(c)
    title, pt = c.title()
    lines = [f"- {p.full} (background, market scene)" for p in people]
    msgs = [
        user(
            "Extras confirmed for Tuesday's shoot:\n"
            + "\n".join(lines)
            + f"\nPlease send this to the {title}."
        ),
        assistant(f"Sent to the {title} with call time 06:30."),
    ]
    return example(msgs, [p.item(p.full, "list") for p in people], [pt])


def t_iban(c: Ctx) -> Example:
    p = c.draw.person()
    plan, pp = c.plan("beekeeping")
    ib = c.iban()
    msgs = [
        user(f"Direct debit for the {plan}: account holder {p.full}, IBAN {ib}."),
        assistant(f"Mandate set up; the {plan} fee will be collected on the 1st."),
    ]
    return example(msgs, [p.item(p.full, "next_to_id"), Private(ib, "iban")], [pp])


def t_tool_lookup(c: Ctx) -> Example:
    p = c.draw.person()
    plan, pp = c.plan("hearing")
    r, pr = c.reference("FIT")
    low = p.full.lower()
    msgs = [
        user(f"Can you look up fitting {r}?"),
        tool_call("call_9", "get_fitting", {"reference": r}),
        tool_result("call_9", {"reference": r, "patient": low, "plan": plan, "ear": "left"}),
        assistant(f"Fitting {r} is under the {plan}, left ear, next Monday."),
    ]
    return example(msgs, [p.item(low, "tool_result")], [pp, pr])


def t_clean(c: Ctx) -> Example:
    prod, pp = c.product()
    tech, pt = c.techs()
    title, pj = c.title()
    r, pr = c.reference("ORD")
    msgs = [
        user(f"Order {r}: does the {prod} support {tech}? Our {title} needs to know by Friday."),
        assistant(f"Yes, the {prod} supports {tech} after the latest firmware update."),
    ]
    return example(msgs, [], [pp, pt, pj, pr])


TEMPLATES: list[Callable[[Ctx], Example]] = [
    t_waiver, t_escape_booking, t_pottery_nocue, t_driving_ids, t_hack_csv, t_hack_tsv,
    t_sail_markdown, t_bees_headerless, t_sail_letter, t_signature, t_email_header, t_greeting,
    t_third_party, t_possessive, t_lowercase, t_uppercase, t_hyphenated,
    lambda c: t_special_surname(c, "apostrophe"), lambda c: t_special_surname(c, "particle"),
    t_initial, t_list, t_iban, t_tool_lookup,
]  # fmt: skip


def generate(half: str) -> list[Example]:
    c = Ctx(half)
    out: list[Example] = []
    clean_at = set(range(5, SIZE, SIZE // NO_PRIVATE))
    turn = 0
    for i in range(SIZE):
        if i in clean_at:
            out.append(t_clean(c))
        else:
            out.append(TEMPLATES[turn % len(TEMPLATES)](c))
            turn += 1
    return out
