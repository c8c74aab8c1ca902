"""Structured identifiers with valid check digits: e-mails, cards, SSNs, IBANs, IPs, US phones."""

from __future__ import annotations

import random
import string

from bench.pii_eval.common import ascii_fold
from bench.pii_eval.names import Name

MAIL_DOMAINS = (
    "gmail.com",
    "outlook.com",
    "proton.me",
    "yahoo.co.uk",
    "web.de",
    "orange.fr",
    "icloud.com",
    "hotmail.es",
    "libero.it",
    "ziggo.nl",
    "fastmail.fm",
    "gmx.net",
    "rediffmail.com",
    "uol.com.br",
    "northwind-traders.com",
    "brightpath.io",
    "acme-logistics.co",
)


def email(rng: random.Random, name: Name, domains: list[str]) -> str:
    given = ascii_fold(name.given).lower().replace(" ", "").replace("'", "")
    surname = ascii_fold(name.surname).lower().replace(" ", "").replace("'", "")
    shape = rng.randrange(5)
    if shape == 0:
        local = f"{given}.{surname}"
    elif shape == 1:
        local = f"{given[0]}{surname}"
    elif shape == 2:
        local = f"{given}_{surname}{rng.randrange(10, 99)}"
    elif shape == 3:
        local = f"{surname}.{given[0]}"
    else:
        local = f"{given}{rng.randrange(1970, 2005)}"
    return f"{local}@{rng.choice(domains)}"


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def card(rng: random.Random) -> str:
    kind = rng.choice(("visa", "mc", "amex"))
    if kind == "amex":
        body = rng.choice(("34", "37")) + "".join(rng.choices(string.digits, k=12))
        number = body + luhn_digit(body)
        sep = rng.choice((" ", "-", ""))
        return sep.join((number[:4], number[4:10], number[10:]))
    prefix = "4" if kind == "visa" else str(rng.randrange(51, 56))
    body = prefix + "".join(rng.choices(string.digits, k=15 - len(prefix)))
    number = body + luhn_digit(body)
    sep = rng.choice((" ", "-", "", " "))
    return sep.join(number[i : i + 4] for i in range(0, 16, 4))


def ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    group = rng.randrange(1, 100)
    serial = rng.randrange(1, 10000)
    return f"{area:03d}-{group:02d}-{serial:04d}"


# country: (length of the BBAN, how to fill it: d digit, A letter)
IBAN_SHAPES = {
    "DE": "d" * 18,
    "GB": "AAAA" + "d" * 14,
    "FR": "d" * 23,
    "NL": "AAAA" + "d" * 10,
    "ES": "d" * 20,
    "IT": "A" + "d" * 22,
    "BE": "d" * 12,
    "IE": "AAAA" + "d" * 14,
}


def iban(rng: random.Random) -> str:
    country = rng.choice(sorted(IBAN_SHAPES))
    bban = "".join(
        rng.choice(string.ascii_uppercase) if c == "A" else rng.choice(string.digits)
        for c in IBAN_SHAPES[country]
    )
    numeric = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    check = 98 - int(numeric) % 97
    value = f"{country}{check:02d}{bban}"
    if rng.random() < 0.5:
        return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return value


def ipv4(rng: random.Random) -> str:
    first = rng.choice((24, 46, 62, 77, 82, 91, 103, 151, 176, 185, 188, 201, 212))
    return f"{first}.{rng.randrange(1, 255)}.{rng.randrange(0, 255)}.{rng.randrange(1, 255)}"


def ipv6(rng: random.Random) -> str:
    head = rng.choice(("2a02", "2001", "2600", "2804", "2400"))
    groups = [f"{rng.randrange(0x100, 0xFFFF):x}" for _ in range(3)]
    return f"{head}:{':'.join(groups)}::{rng.randrange(1, 0xFFFF):x}"


def us_phone(rng: random.Random) -> str:
    area = rng.choice((212, 312, 415, 503, 617, 702, 713, 805, 917, 973, 404, 206, 737, 385))
    exchange = rng.randrange(201, 999)
    line = rng.randrange(0, 10000)
    shape = rng.randrange(5)
    if shape == 0:
        return f"({area}) {exchange}-{line:04d}"
    if shape == 1:
        return f"{area}-{exchange}-{line:04d}"
    if shape == 2:
        return f"+1 {area} {exchange} {line:04d}"
    if shape == 3:
        return f"{area}.{exchange}.{line:04d}"
    return f"+1{area}{exchange}{line:04d}"
