"""Labelled synthetic support conversations for the PII accuracy and throughput benchmarks.

Every planted value is recorded with its exact character offsets in the string it was
written into (a message's ``content`` or a tool call's ``arguments``), as PII to remove or
as a protected technical string that must survive. What is planted, on purpose:

- people from ten Faker locales, introduced in many ways, whose first name comes back
  alone later ("Thanks, Maria") and is echoed by the assistant; a colleague named once;
- emails; phone numbers in national and international formats, including NANP numbers
  with unassigned area codes and the 555/Ofcom fictional ranges; card numbers with spaces
  or dashes; US SSNs; IBANs grouped or not; IPv4/IPv6 in pasted log lines; street
  addresses in five countries' formats; values inside tool-call JSON and tool results;
- hard negatives: ports, versions, order/invoice numbers, HTTP codes, durations, product
  names, regions, timestamps, sizes, percentages, PIDs.

    python -m bench.pii_corpus --n 5 --seed 1    # print a few conversations
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from typing import Any

from faker import Faker

LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "pl_PL", "nl_NL", "pt_BR", "en_IN")
ADDRESS_LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES")
SYSTEM = (
    "You are the support assistant for Northwind Cloud. Be concise, never ask for full card "
    "numbers, and escalate billing disputes to a human. Products: Northwind Kubernetes Service, "
    "Managed PostgreSQL, Object Storage."
)
# NANP area codes that are not assigned to any region (N11 service codes, reserved and
# unassigned blocks) plus the fictional 555 and 999: numbers no phone validator accepts.
UNASSIGNED_AREA_CODES = (
    "211", "311", "411", "511", "555", "611", "711", "811", "911", "999", "222", "233",
    "244", "255", "266", "277", "288", "322", "333", "344", "355", "366", "377", "388",
    "422", "433", "444", "455", "466", "477", "488", "522", "533", "544", "566", "577",
    "588", "622", "633", "644", "655", "666", "677", "688", "722", "733", "744", "755",
    "766", "777", "788", "822", "833", "844", "855", "866", "877", "888", "922", "933",
)  # fmt: skip
ASSIGNED_AREA_CODES = ("212", "415", "312", "617", "206", "303", "512", "702", "404", "305")
PRODUCTS = ("Kubernetes", "PostgreSQL", "Terraform", "Redis", "Grafana", "Helm", "Nginx", "Kafka")
REGIONS = ("eu-west-1", "us-east-1", "eu-central-1", "ap-southeast-2", "us-west-2")


@dataclass
class Label:
    message: int
    field: str  # "content" or "arguments"
    start: int
    end: int
    entity: str
    value: str
    kind: str  # "pii" or "protected"
    variant: str = ""

    def as_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


@dataclass
class Conversation:
    messages: list[dict[str, Any]] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"messages": self.messages, "labels": [x.as_dict() for x in self.labels]}


class _Text:
    """Builds one string while recording where each planted value lands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[tuple[int, int, str, str, str, str]] = []

    def add(self, text: str) -> _Text:
        self.parts.append(text)
        self.length += len(text)
        return self

    def put(self, value: str, entity: str, kind: str = "pii", variant: str = "") -> _Text:
        self.spans.append((self.length, self.length + len(value), entity, value, kind, variant))
        return self.add(value)

    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class Person:
    first: str
    last: str
    locale: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fakers = {loc: Faker(loc) for loc in LOCALES}
        for i, f in enumerate(self.fakers.values()):
            f.seed_instance(seed * 100 + i)
        self.fake_us = self.fakers["en_US"]

    # ------------------------------------------------------------------ values

    def person(self) -> Person:
        loc = self.rng.choice(LOCALES)
        f = self.fakers[loc]
        first = f.first_name()
        last = f.last_name()
        return Person(first.split()[0], last.strip(" ,"), loc)

    def email(self, p: Person) -> str:
        f = self.fakers[p.locale]
        local = self.rng.choice(
            [
                f"{p.first}.{p.last}",
                f"{p.first[0]}{p.last}",
                f"{p.first}_{p.last}{self.rng.randint(1, 99)}",
                f"{p.first}",
                f"{p.last}.{p.first[0]}",
            ]
        )
        local = "".join(ch for ch in local.lower() if ch.isascii() and (ch.isalnum() or ch in "._"))
        domain = self.rng.choice([f.free_email_domain(), f.domain_name(), "example.com"])
        return f"{local or 'user'}@{domain}"

    def phone(self) -> tuple[str, str]:
        r = self.rng
        n3 = lambda: f"{r.randint(200, 999)}"  # noqa: E731
        n4 = lambda: f"{r.randint(0, 9999):04d}"  # noqa: E731
        kind = r.choice(
            [
                "nanp-unassigned",
                "nanp-unassigned",
                "nanp",
                "uk",
                "uk",
                "de",
                "fr",
                "es",
                "it",
                "faker",
            ]
        )
        if kind.startswith("nanp"):
            area = r.choice(
                UNASSIGNED_AREA_CODES if kind == "nanp-unassigned" else ASSIGNED_AREA_CODES
            )
            ex, line = n3(), n4()
            fmt = r.choice(
                [
                    f"({area}) {ex}-{line}",
                    f"{area}-{ex}-{line}",
                    f"{area}.{ex}.{line}",
                    f"+1 {area} {ex} {line}",
                    f"+1-{area}-{ex}-{line}",
                    f"1-{area}-{ex}-{line}",
                    f"+1 ({area}) {ex}-{line}",
                ]
            )
            return fmt, kind
        if kind == "uk":
            tail = f"{r.randint(0, 999):03d}"
            return r.choice(
                [
                    f"+44 7700 900{tail}",
                    f"07700 900{tail}",
                    f"020 7946 0{tail}",
                    f"0131 496 0{tail}",
                    f"+44 (0)20 7946 0{tail}",
                    f"+44 113 496 0{tail}",
                ]
            ), kind
        if kind == "de":
            return r.choice(
                [
                    f"+49 30 {r.randint(1000000, 99999999)}",
                    f"030 {r.randint(1000000, 99999999)}",
                    f"+49 151 {r.randint(1000000, 9999999)}",
                    f"(089) {r.randint(100, 999)}-{r.randint(1000, 9999)}",
                ]
            ), kind
        if kind == "fr":
            pairs = " ".join(f"{r.randint(0, 99):02d}" for _ in range(4))
            return r.choice(
                [f"+33 6 {pairs}", f"06 {pairs}", f"+33 (0)1 {pairs}", f"01 {pairs}"]
            ), kind
        if kind == "es":
            return f"+34 6{r.randint(10, 99)} {r.randint(100, 999)} {r.randint(100, 999)}", kind
        if kind == "it":
            return f"+39 3{r.randint(10, 99)} {r.randint(100, 999)} {r.randint(1000, 9999)}", kind
        loc = r.choice(["en_US", "en_GB", "de_DE", "fr_FR"])
        value = self.fakers[loc].phone_number()
        return value, "faker-" + loc

    def card(self) -> tuple[str, str]:
        kind = self.rng.choice(["visa16", "mastercard", "amex", "discover", "jcb16", "diners"])
        digits = "".join(
            ch for ch in self.fake_us.credit_card_number(card_type=kind) if ch.isdigit()
        )
        sep = self.rng.choice([" ", "-", " ", ""])
        if len(digits) == 15 or len(digits) == 14:
            groups = [digits[:4], digits[4:10], digits[10:]]
        else:
            groups = [digits[i : i + 4] for i in range(0, len(digits), 4)]
        return sep.join(groups), kind

    def iban(self) -> str:
        loc = self.rng.choice(["en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL"])
        raw = self.fakers[loc].iban()
        if self.rng.random() < 0.7:
            return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))
        return raw

    def ip(self) -> tuple[str, str]:
        roll = self.rng.random()
        if roll < 0.6:
            return self.fake_us.ipv4_public(), "v4"
        full = self.fake_us.ipv6()
        if roll < 0.8:
            return full, "v6"
        groups = full.split(":")
        return f"{groups[0]}:{groups[1]}::{groups[-1]}", "v6-compressed"

    def address(self) -> tuple[str, str]:
        loc = self.rng.choice(ADDRESS_LOCALES)
        f = self.fakers[loc]
        if loc == "en_US":
            unit = self.rng.choice(
                ["", "", f", Apt {self.rng.randint(1, 40)}", f" Suite {self.rng.randint(100, 999)}"]
            )
            street = f"{f.building_number()} {f.street_name()}{unit}"
            return f"{street}, {f.city()}, {f.state_abbr()} {f.postcode()}", loc
        if loc == "en_GB":
            street = f"{self.rng.randint(1, 220)} {f.last_name()} {self.rng.choice(['Street', 'Road', 'Lane', 'Avenue', 'Close', 'Drive', 'Gardens', 'Crescent', 'Way', 'Terrace'])}"
            flat = self.rng.choice(["", "", f"Flat {self.rng.randint(1, 12)}, "])
            return f"{flat}{street}, {f.city()} {f.postcode()}", loc
        if loc == "de_DE":
            return f"{f.street_name()} {self.rng.randint(1, 180)}, {f.postcode()} {f.city()}", loc
        if loc == "fr_FR":
            kind = self.rng.choice(["rue", "avenue", "boulevard", "place", "allée", "impasse"])
            return (
                f"{self.rng.randint(1, 150)} {kind} {self.rng.choice(['de la', 'du', 'des', ''])} {f.last_name()}, {f.postcode()} {f.city()}".replace(
                    "  ", " "
                ),
                loc,
            )
        kind = self.rng.choice(["Calle", "Avenida", "Plaza", "Paseo"])
        return (
            f"{kind} {self.rng.choice(['de', 'del', ''])} {f.last_name()} {self.rng.randint(1, 120)}, {f.postcode()} {f.city()}".replace(
                "  ", " "
            ),
            loc,
        )

    def protected(self) -> tuple[str, str]:
        r = self.rng
        choices = [
            (f"port {r.choice([8080, 5432, 443, 6379, 22, 9090, 3000, 6432])}", "port"),
            (f"{r.randint(1, 3)}.{r.randint(0, 30)}.{r.randint(0, 12)}", "version"),
            (f"v{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 9)}", "version"),
            (f"{r.choice(PRODUCTS)} {r.randint(1, 3)}.{r.randint(10, 30)}", "product-version"),
            (f"order #{r.randint(1000000, 9999999)}", "order"),
            (f"ORD-{r.randint(2019, 2025)}-{r.randint(100000, 999999)}", "order"),
            (f"INV-{r.randint(10000, 99999)}", "invoice"),
            (f"HTTP {r.choice([400, 401, 403, 404, 429, 500, 502, 503, 504])}", "http"),
            (f"{r.choice([24, 48, 72, 12])} hours", "duration"),
            (f"{r.choice([5, 10, 15, 30, 45])} minutes", "duration"),
            (f"{r.choice([7, 14, 30, 90])} days", "duration"),
            (f"{r.choice([14, 30])}-day trial", "duration"),
            (r.choice(PRODUCTS), "product"),
            (r.choice(REGIONS), "region"),
            (f"{r.randint(10, 23)}:{r.randint(0, 59):02d} UTC", "time"),
            (f"{r.choice([2, 4, 8, 16, 32, 64])} GB", "size"),
            (f"{r.choice([99.9, 99.95, 99.99, 50, 75])}%", "percent"),
            (f"pid {r.randint(1000, 99999)}", "pid"),
            (
                f"build {r.randint(2023, 2025)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}.{r.randint(1, 9)}",
                "build",
            ),
            (f"{r.randint(2, 50)},000 requests", "count"),
        ]
        return r.choice(choices)

    # ------------------------------------------------------------------ conversations

    def conversation(self) -> Conversation:
        r = self.rng
        conv = Conversation()
        conv.messages.append({"role": "system", "content": SYSTEM})
        me, colleague = self.person(), self.person()
        extras: list[
            tuple[str, str, str]
        ] = []  # (entity, value, variant) planted in the first turn
        t = _Text()
        intro = r.choice(
            [
                ("Hi, this is ", " from the platform team."),
                ("Hello, my name is ", "."),
                ("", " here."),
                ("Hi! I'm ", ", the admin for our account."),
                ("Good morning. ", " writing on behalf of our team."),
                ("Hey, ", " from ops."),
            ]
        )
        t.add(intro[0]).put(me.full, "PERSON", variant="full").add(intro[1] + " ")
        issue = r.choice(
            [
                "Our deployment started failing after we upgraded to ",
                "We see intermittent errors when we connect on ",
                "The dashboard shows a spike since ",
                "Billing charged us twice; the invoice mentions ",
            ]
        )
        t.add(issue)
        value, variant = self.protected()
        t.put(value, "PROTECTED", "protected", variant).add(". ")
        for _ in range(r.randint(1, 3)):
            entity = r.choice(
                [
                    "EMAIL_ADDRESS",
                    "PHONE_NUMBER",
                    "PHONE_NUMBER",
                    "STREET_ADDRESS",
                    "CREDIT_CARD",
                    "IBAN_CODE",
                    "US_SSN",
                ]
            )
            if entity == "EMAIL_ADDRESS":
                val, var = self.email(me), ""
                t.add(r.choice(["My email is ", "You can write to ", "Contact: "])).put(
                    val, entity
                ).add(". ")
            elif entity == "PHONE_NUMBER":
                val, var = self.phone()
                t.add(
                    r.choice(
                        [
                            "Call me on ",
                            "My number is ",
                            "You can reach me at ",
                            "Mobile: ",
                            "Tel. ",
                        ]
                    )
                ).put(val, entity, variant=var).add(". ")
            elif entity == "STREET_ADDRESS":
                val, var = self.address()
                t.add(
                    r.choice(
                        ["Ship the replacement to ", "Our billing address is ", "We moved to "]
                    )
                ).put(val, entity, variant=var).add(". ")
            elif entity == "CREDIT_CARD":
                val, var = self.card()
                t.add(
                    r.choice(
                        ["The card that was charged is ", "I paid with card ", "Card number: "]
                    )
                ).put(val, entity, variant=var).add(". ")
            elif entity == "IBAN_CODE":
                val, var = self.iban(), ""
                t.add(r.choice(["Please refund to IBAN ", "Refund account: ", "Our IBAN is "])).put(
                    val, entity
                ).add(". ")
            else:
                val, var = self.fake_us.ssn(), ""
                t.add(
                    r.choice(["My SSN is ", "Social security number: ", "For the tax form, SSN "])
                ).put(val, entity).add(". ")
            extras.append((entity, val, var))
        if r.random() < 0.4:
            t.add("\n\nThanks,\n").put(me.full, "PERSON", variant="signature")
        self._message(conv, "user", t)

        # assistant: greets with the first name, maybe a tool call with the customer's data
        a = _Text()
        a.add(r.choice(["Thanks, ", "Hi ", "Hello ", "Thank you, "])).put(
            me.first, "PERSON", variant="first-echo"
        )
        a.add(r.choice(["! ", ". ", " — "]))
        a.add(r.choice(["Let me look into the ", "I'm checking the ", "I can see the "]))
        value, variant = self.protected()
        a.put(value, "PROTECTED", "protected", variant).add(" issue for you.")
        if r.random() < 0.5 and extras:
            entity, val, var = r.choice(extras)
            args = _Text()
            args.add('{"customer_name": "').put(me.full, "PERSON", variant="tool-args").add('", "')
            key = {
                "EMAIL_ADDRESS": "email",
                "PHONE_NUMBER": "phone",
                "STREET_ADDRESS": "address",
                "CREDIT_CARD": "card",
                "IBAN_CODE": "iban",
                "US_SSN": "ssn",
            }[entity]
            args.add(f'{key}": "').put(val, entity, variant=var + "+tool-args").add('"}')
            self._message(conv, "assistant", a, call=("lookup_customer", args))
            res = _Text()
            res.add('{"status": "active", "owner": "').put(me.full, "PERSON", variant="tool-result")
            res.add('", "plan": "Business", "region": "').put(
                r.choice(REGIONS), "PROTECTED", "protected", "region"
            ).add('"}')
            self._message(conv, "tool", res)
            a = _Text()
            a.add("I found your account, ").put(me.first, "PERSON", variant="first-echo").add(". ")
            value, variant = self.protected()
            a.add("The logs show ").put(value, "PROTECTED", "protected", variant).add(".")
        self._message(conv, "assistant", a)

        # user: pastes a log with IPs, mentions a colleague
        u = _Text()
        if r.random() < 0.6:
            ip, var = self.ip()
            ts = f"2024-0{r.randint(1, 9)}-{r.randint(10, 28)}T{r.randint(10, 23)}:{r.randint(10, 59)}:{r.randint(10, 59)}Z"
            u.add("Here is the log line:\n\n").put(ts, "PROTECTED", "protected", "timestamp")
            u.add(f" GET /api/v1/orders {r.choice([200, 429, 503])} client=").put(
                ip, "IP_ADDRESS", variant=var
            )
            u.add(" latency=").add(f"{r.randint(10, 900)}ms\n\n")
        colleague_intro = r.choice(
            [
                ("My colleague ", " set it up last week."),
                ("I spoke with ", " yesterday and they suggested opening a ticket."),
                ("Please also give access to ", "."),
                ("", " from finance asked me to follow up."),
            ]
        )
        u.add(colleague_intro[0]).put(colleague.full, "PERSON", variant="colleague").add(
            colleague_intro[1]
        )
        value, variant = self.protected()
        u.add(" We're on ").put(value, "PROTECTED", "protected", variant).add(".")
        self._message(conv, "user", u)

        a = _Text()
        a.add(r.choice(["Got it, ", "Understood, ", "Thanks "])).put(
            me.first, "PERSON", variant="first-echo"
        )
        a.add(". I've added ").put(colleague.first, "PERSON", variant="colleague-first").add(
            " to the ticket. "
        )
        value, variant = self.protected()
        a.add("Please retry after ").put(value, "PROTECTED", "protected", variant).add(".")
        self._message(conv, "assistant", a)

        u = _Text()
        u.add(r.choice(["Perfect, thank you! ", "That worked. ", "Great, thanks. "]))
        if r.random() < 0.5:
            u.add("\n— ").put(me.first, "PERSON", variant="first-signoff")
        else:
            u.add(r.choice(["Cheers, ", "Thanks again, ", "Best, "])).put(
                me.first, "PERSON", variant="first-signoff"
            )
        self._message(conv, "user", u)
        return conv

    def _message(
        self, conv: Conversation, role: str, text: _Text, *, call: tuple[str, _Text] | None = None
    ) -> None:
        index = len(conv.messages)
        message: dict[str, Any] = {"role": role, "content": text.text()}
        for start, end, entity, value, kind, variant in text.spans:
            conv.labels.append(Label(index, "content", start, end, entity, value, kind, variant))
        if call is not None:
            name, args = call
            message["tool_calls"] = [
                {
                    "id": f"call_{index}",
                    "type": "function",
                    "function": {"name": name, "arguments": args.text()},
                }
            ]
            for start, end, entity, value, kind, variant in args.spans:
                conv.labels.append(
                    Label(index, "arguments", start, end, entity, value, kind, variant)
                )
        if role == "tool":
            message["tool_call_id"] = f"call_{index - 1}"
        conv.messages.append(message)


def generate(n: int, seed: int = 20250101) -> list[Conversation]:
    gen = Generator(seed)
    return [gen.conversation() for _ in range(n)]


def check(conversations: list[Conversation]) -> None:
    """Every label's offsets point at its value (the generator's own invariant)."""
    for conv in conversations:
        for lab in conv.labels:
            msg = conv.messages[lab.message]
            text = (
                msg["content"]
                if lab.field == "content"
                else msg["tool_calls"][0]["function"]["arguments"]
            )
            assert text[lab.start : lab.end] == lab.value, (lab, text)
            if lab.field == "arguments":
                json.loads(text)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    convs = generate(args.n, args.seed)
    check(convs)
    for conv in convs:
        print(json.dumps(conv.as_dict(), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
