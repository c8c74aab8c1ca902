"""``chats4``: English support, business and personal chats with private names in every position.

Emphasis on hard names: everyday-word names (Hope Baker, Will Stone), lowercase typing, a name
alone with no cue, names in tool-call JSON, e-mail headers, signatures, third parties.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass

from bench.pii_eval.common import Example, Private, Protected
from bench.pii_eval.round4 import common4 as c4
from bench.pii_eval.round4.people4 import CULTURES, DOMAINS, FAMILY_FIRST, WORD_GIVEN, WORD_SURNAMES

PRODUCTS = [
    "Kobo Clara 2E",
    "Bang & Olufsen Beosound A1",
    "Ninja Foodi Max",
    "Nuphy Air75",
    "Coros Pace 3",
    "Nespresso Vertuo Next",
    "Anker PowerCore 20000",
    "Stanley Quencher H2.0",
    "Tern Vektron",
    "Gaggia Classic Pro",
    "Hypervolt Go 2",
    "Polar Ignite 3",
    "Philips Hue Bridge",
    "Roomba j7+",
    "Boox Note Air3",
    "Bose QuietComfort Ultra",
    "ROG Ally",
    "Supernote A5 X",
]
PLANS = [
    "Team Annual plan",
    "Starter tier",
    "Pro Monthly plan",
    "Family bundle",
    "Growth plan",
    "Basic tier",
]
RELATIONS = [
    "my landlord",
    "my neighbour",
    "my ex-wife",
    "my brother-in-law",
    "my daughter's coach",
    "my accountant",
    "my mother's carer",
    "our cleaner",
    "my flatmate",
    "my son's tutor",
]
PHONE_FORMS = [
    (
        "us",
        lambda r: (
            f"({r.choice([312, 404, 503, 617, 720])}) {r.randrange(200, 999)}-{r.randrange(1000, 9999)}"
        ),
    ),
    (
        "us",
        lambda r: (
            f"+1 {r.choice([213, 469, 602, 786])} {r.randrange(200, 999)} {r.randrange(1000, 9999)}"
        ),
    ),
    ("uk", lambda r: f"07{r.randrange(400, 999)} {r.randrange(100000, 999999)}"),
    ("uk", lambda r: f"+44 7{r.randrange(400, 999)} {r.randrange(100000, 999999)}"),
    (
        "ie",
        lambda r: f"08{r.choice([3, 5, 6, 7])} {r.randrange(100, 999)} {r.randrange(1000, 9999)}",
    ),
    ("au", lambda r: f"04{r.randrange(10, 99)} {r.randrange(100, 999)} {r.randrange(100, 999)}"),
    ("in", lambda r: f"+91 9{r.randrange(1000, 9999)} {r.randrange(10000, 99999)}"),
]


@dataclass
class Person:
    given: str
    surname: str
    culture: str

    @property
    def full(self) -> str:
        if self.culture in FAMILY_FIRST:
            return f"{self.surname} {self.given}"
        return f"{self.given} {self.surname}"


class Pools:
    def __init__(self, half: str, r: random.Random) -> None:
        self.r = r
        self.cultures = {
            name: (c4.pool(g, half, f"chats4:given:{name}"), c4.pool(s, half, f"chats4:sur:{name}"))
            for name, (g, s) in CULTURES.items()
        }
        self.word_given = c4.pool(WORD_GIVEN, half, "chats4:word_given")
        self.word_sur = c4.pool(WORD_SURNAMES, half, "chats4:word_surnames")
        self.domains = c4.pool(DOMAINS, half, "chats4:domains")
        self.products = c4.pool(PRODUCTS, half, "chats4:products")
        self.plans = c4.pool(PLANS, half, "chats4:plans")

    def person(self) -> Person:
        culture = self.r.choice(sorted(self.cultures))
        given, sur = self.cultures[culture]
        return Person(self.r.choice(given), self.r.choice(sur), culture)

    def word_person(self) -> Person:
        return Person(self.r.choice(self.word_given), self.r.choice(self.word_sur), "word")

    def any_person(self) -> Person:
        return self.word_person() if self.r.random() < 0.35 else self.person()

    def email(self, p: Person) -> str:
        return c4.email_for(p.given, p.surname, self.r.choice(self.domains), self.r)

    def phone(self) -> str:
        return self.r.choice(PHONE_FORMS)[1](self.r)

    def order(self) -> str:
        return f"{self.r.choice(['ORD', 'SO', 'WEB'])}-{self.r.randrange(100000, 999999)}"


def _name(p: Person, tag: str, text: str | None = None) -> Private:
    return Private(text or p.full, "person", tag if p.culture != "word" else f"common_word:{tag}")


def _chat(*turns: str) -> list[dict[str, object]]:
    roles = ["user", "assistant"]
    return [{"role": roles[i % 2], "content": t} for i, t in enumerate(turns)]


def t_no_cue(pools: Pools) -> Example:
    p, prod = pools.any_person(), pools.r.choice(pools.products)
    msgs = _chat(
        f"{p.full} returned the {prod} yesterday but the refund still isn't showing.",
        f"Sorry about that. Refunds for the {prod} take 3-5 working days after the return is scanned.",
    )
    return Example(msgs, [_name(p, "no_cue")], [Protected(prod, "product")])


def t_alone(pools: Pools) -> Example:
    p, order = pools.any_person(), pools.order()
    msgs = _chat(
        f"Can you check who order {order} was booked under?",
        "Sure, what name should I search for?",
        p.full,
        f"Thanks, I found order {order}. It is due to arrive on Thursday.",
    )
    return Example(msgs, [_name(p, "alone")], [Protected(order, "order")])


def t_lowercase(pools: Pools) -> Example:
    p, prod = pools.any_person(), pools.r.choice(pools.products)
    msgs = _chat(
        f"hey its {p.full.lower()} again, my {prod} still wont pair with my phone",
        f"Let's try a reset of the {prod}: hold the power button for 15 seconds.",
    )
    return Example(msgs, [_name(p, "lowercase", p.full.lower())], [Protected(prod, "product")])


def t_intro(pools: Pools) -> Example:
    p, plan = pools.any_person(), pools.r.choice(pools.plans)
    msgs = _chat(
        f"Hi, I'm {p.full} and I'd like to move our account to the {plan}.",
        f"Happy to help, {p.given}. The {plan} starts at your next billing date.",
    )
    return Example(
        msgs, [_name(p, "intro"), _name(p, "first_later", p.given)], [Protected(plan, "plan")]
    )


def t_tool(pools: Pools) -> Example:
    p, order = pools.any_person(), pools.order()
    email = pools.email(p)
    args = {"first_name": p.given, "last_name": p.surname, "email": email, "order_id": order}
    result = {"status": "found", "customer": p.full, "order_id": order, "items": 2}
    msgs: list[dict[str, object]] = [
        {"role": "user", "content": f"Please look up my order {order}, email is {email}."},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_r4",
                    "type": "function",
                    "function": {
                        "name": "find_order",
                        "arguments": json.dumps(args, ensure_ascii=False),
                    },
                }
            ],
        },
        {
            "role": "tool",
            "tool_call_id": "call_r4",
            "content": json.dumps(result, ensure_ascii=False),
        },
        {"role": "assistant", "content": f"Order {order} is found and has 2 items."},
    ]
    priv = [
        _name(p, "tool_args"),
        _name(p, "tool_args", p.given),
        _name(p, "tool_args", p.surname),
        Private(email, "email"),
    ]
    return Example(msgs, priv, [Protected(order, "order")])


def t_header(pools: Pools) -> Example:
    p, q = pools.any_person(), pools.person()
    pe, qe = pools.email(p), pools.email(q)
    prod = pools.r.choice(pools.products)
    msgs = _chat(
        f"Summarise this email:\n\nFrom: {p.full} <{pe}>\nTo: {q.full} <{qe}>\n"
        f"Subject: {prod} stock\n\nWe are down to 12 units of the {prod}. Can we reorder before Friday?",
        f"The sender says only 12 units of the {prod} remain and asks to reorder before Friday.",
    )
    priv = [
        _name(p, "email_header"),
        _name(q, "email_header"),
        Private(pe, "email"),
        Private(qe, "email"),
    ]
    return Example(msgs, priv, [Protected(prod, "product")])


def t_signature(pools: Pools) -> Example:
    p, phone = pools.any_person(), pools.phone()
    msgs = _chat(
        "Make this sign-off more formal:\n\ncheers, talk soon\n"
        f"{p.full}\nPurchasing coordinator\n{phone}",
        f"Kind regards,\n\n{p.full}\nPurchasing Coordinator\n{phone}",
    )
    return Example(
        msgs,
        [_name(p, "sign_off"), Private(phone, "phone")],
        [Protected("Purchasing Coordinator", "job_title")],
    )


def t_third(pools: Pools) -> Example:
    p, rel = pools.any_person(), pools.r.choice(RELATIONS)
    msgs = _chat(
        f"How do I write a polite message to {rel} {p.full} about the noise at night?",
        "Keep it short, friendly and specific: mention the times and suggest a solution together.",
    )
    return Example(msgs, [_name(p, "third_party")])


def t_third_title(pools: Pools) -> Example:
    p = pools.any_person()
    title = pools.r.choice(["Mrs", "Mr", "Ms", "Dr"])
    msgs = _chat(
        f"{title} {p.surname} from next door keeps parking across my drive. Can I report it?",
        "You can contact the council's parking team; keep dated photos as evidence.",
    )
    return Example(msgs, [_name(p, "third_party", p.surname)])


def t_next_id(pools: Pools) -> Example:
    p = pools.any_person()
    email, phone, card = pools.email(p), pools.phone(), c4.card(pools.r)
    msgs = _chat(
        f"Update my details please: {p.full}, {email}, {phone}. Card for renewals: {card}.",
        "Done. Your contact details and renewal card have been updated.",
    )
    priv = [
        _name(p, "next_to_id"),
        Private(email, "email"),
        Private(phone, "phone"),
        Private(card, "card"),
    ]
    return Example(msgs, priv)


def t_iban(pools: Pools) -> Example:
    p, iban = pools.any_person(), c4.iban(pools.r)
    msgs = _chat(
        f"I need to pay my supplier {p.full}. The account is {iban}. Is that a valid format?",
        "Yes, it has a valid IBAN structure and check digits. Confirm the name with your bank.",
    )
    return Example(msgs, [_name(p, "next_to_id"), Private(iban, "iban")])


def t_ip(pools: Pools) -> Example:
    p, ip4, ip6 = pools.any_person(), c4.ipv4(pools.r), c4.ipv6(pools.r)
    msgs = _chat(
        f"Login alert for {p.full.lower() if pools.r.random() < 0.3 else p.full}: new sign-in from {ip4} "
        f"and {ip6}. Was it them?",
        "Both addresses are new for this account. Ask the user to confirm and reset the password.",
    )
    text = msgs[0]["content"]
    assert isinstance(text, str)
    name = p.full if p.full in text else p.full.lower()
    return Example(msgs, [_name(p, "next_to_id", name), Private(ip4, "ip"), Private(ip6, "ip")])


def t_list(pools: Pools) -> Example:
    people = [pools.any_person() for _ in range(3)]
    lines = "\n".join(
        f"- {x.full}: {pools.r.choice(['Tuesday', 'Wednesday', 'Friday'])}" for x in people
    )
    msgs = _chat(
        f"Turn this rota into a table:\n{lines}", "| Person | Day |\n|---|---|\n(table follows)"
    )
    return Example(msgs, [_name(x, "list") for x in people])


def t_word_case(pools: Pools) -> Example:
    p = pools.word_person()
    msgs = _chat(
        f"Could you ask {p.given} to call me back? {p.given} {p.surname} handled my claim last month.",
        f"I've left a note for {p.given} {p.surname} to call you back today.",
    )
    return Example(msgs, [_name(p, "common_word"), _name(p, "common_word", p.given)])


def t_tool_lower(pools: Pools) -> Example:
    p, order = pools.any_person(), pools.order()
    args = {"customer_name": p.full.lower(), "order_id": order, "reason": "damaged in transit"}
    msgs: list[dict[str, object]] = [
        {"role": "user", "content": f"Open a damage claim for order {order}."},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_claim4",
                    "type": "function",
                    "function": {
                        "name": "open_claim",
                        "arguments": json.dumps(args, ensure_ascii=False),
                    },
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_claim4", "content": json.dumps({"claim": "opened"})},
        {"role": "assistant", "content": f"A damage claim for order {order} is open."},
    ]
    return Example(msgs, [_name(p, "tool_args", p.full.lower())], [Protected(order, "order")])


def t_clean(pools: Pools) -> Example:
    prod, order = pools.r.choice(pools.products), pools.order()
    msgs = _chat(
        f"Is the {prod} in order {order} covered by the two-year warranty?",
        f"Yes, the {prod} is covered for two years from delivery.",
    )
    return Example(msgs, [], [Protected(prod, "product"), Protected(order, "order")])


TEMPLATES: list[Callable[[Pools], Example]] = [
    t_no_cue,
    t_alone,
    t_lowercase,
    t_intro,
    t_tool,
    t_header,
    t_signature,
    t_third,
    t_third_title,
    t_next_id,
    t_iban,
    t_ip,
    t_list,
    t_word_case,
    t_tool_lower,
]
SIZE = 120


def generate(half: str) -> list[Example]:
    r = c4.rng("chats4", half)
    pools = Pools(half, r)
    out: list[Example] = []
    for i in range(SIZE):
        if i % 12 == 11:
            out.append(t_clean(pools))
        else:
            out.append(TEMPLATES[i % len(TEMPLATES)](pools))
    return out
