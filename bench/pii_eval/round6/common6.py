"""Shared helpers of round 6: seeded pools, valid identifiers, phones of many countries."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

from bench.pii_eval.common import rng_for, split_pool

SEED6 = 20261208

T = TypeVar("T")


def pool(items: Sequence[T], half: str, label: str) -> list[T]:
    """The ``half``'s part of a hand-written pool, under a label prefixed ``r6:``."""
    return split_pool(items, half, f"r6:{label}", SEED6)


def rng(set_name: str, half: str) -> random.Random:
    return rng_for(set_name, half, SEED6)


def digits(r: random.Random, n: int) -> str:
    return "".join(str(r.randint(0, 9)) for _ in range(n))


def luhn_ok(number: str) -> bool:
    nums = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(nums)):
        if i % 2 == 1:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return total % 10 == 0


def card(r: random.Random, brand: str) -> str:
    """A Luhn-valid card number written in its brand's usual groups."""
    prefix, length = {
        "visa": ("4" + digits(r, 5), 16),
        "mc5": (f"5{r.randint(1, 5)}" + digits(r, 4), 16),
        "mc2": (str(r.randint(2221, 2720)) + digits(r, 2), 16),
        "amex": (r.choice(["34", "37"]) + digits(r, 4), 15),
        "discover": ("6011" + digits(r, 2), 16),
        "jcb": (str(r.randint(3528, 3589)) + digits(r, 2), 16),
        "diners": ("36" + digits(r, 4), 14),
    }[brand]
    body = prefix + digits(r, length - len(prefix) - 1)
    check = next(str(c) for c in range(10) if luhn_ok(body + str(c)))
    full = body + check
    if length == 15:
        return f"{full[:4]} {full[4:10]} {full[10:]}"
    if length == 14:
        return f"{full[:4]} {full[4:10]} {full[10:]}"
    return " ".join(full[i : i + 4] for i in range(0, 16, 4))


def _iban_check(country: str, bban: str) -> str:
    moved = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in moved)
    return f"{98 - int(numeric) % 97:02d}"


def iban_ok(text: str) -> bool:
    compact = text.replace(" ", "")
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


IBAN_SHAPES = {
    "GE": "AA" + "9" * 16,
    "LT": "9" * 16,
    "RS": "9" * 18,
    "AL": "9" * 8 + "9" * 16,
    "IS": "9" * 22,
    "ES": "9" * 20,
    "IE": "AAAA" + "9" * 14,
    "KZ": "999" + "9" * 13,
    "PT": "9" * 21,
    "GR": "9" * 23,
}


def iban(r: random.Random, country: str) -> str:
    """An IBAN with valid check digits, printed in groups of four."""
    bban = "".join(
        r.choice("ABCDEFGHJKLMNPRSTUVWXZ") if c == "A" else str(r.randint(0, 9))
        for c in IBAN_SHAPES[country]
    )
    compact = country + _iban_check(country, bban) + bban
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def ssn(r: random.Random) -> str:
    area = r.choice([n for n in range(1, 900) if n != 666])
    return f"{area:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"


def ipv4(r: random.Random) -> str:
    first = r.choice([23, 37, 46, 62, 81, 94, 109, 145, 176, 185, 203])
    return f"{first}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"


def ipv6(r: random.Random) -> str:
    groups = [f"{r.randint(0, 0xFFFF):x}" for _ in range(6)]
    return "2a02:" + f"{r.randint(0x1000, 0xFFFF):x}:" + ":".join(groups)


# National and international forms per country: {a} {b} {c} {d} are runs of digits of the
# given lengths.
PHONE_FORMS: dict[str, tuple[str, str, tuple[int, int, int, int]]] = {
    "IE": ("08{a} {b} {c}", "+353 8{a} {b} {c}", (1, 3, 4, 0)),
    "GE": ("5{a} {b} {c}", "+995 5{a} {b} {c}", (2, 3, 3, 0)),
    "AM": ("09{a} {b}{c}", "+374 9{a} {b}{c}", (1, 3, 3, 0)),
    "KZ": ("8 70{a} {b} {c}", "+7 70{a} {b} {c}", (1, 3, 4, 0)),
    "MN": ("9{a} {b}", "+976 9{a} {b}", (3, 4, 0, 0)),
    "LK": ("07{a} {b} {c}", "+94 7{a} {b} {c}", (2, 3, 4, 0)),
    "NP": ("98{a}-{b}", "+977 98{a}-{b}", (2, 6, 0, 0)),
    "NG": ("080{a} {b} {c}", "+234 80{a} {b} {c}", (1, 3, 4, 0)),
    "SO": ("061 {a} {b}", "+252 61 {a} {b}", (3, 4, 0, 0)),
    "TO": ("77{a}{b}", "+676 77{a}{b}", (2, 3, 0, 0)),
    "FJ": ("9{a} {b}", "+679 9{a} {b}", (2, 4, 0, 0)),
    "ES": ("6{a} {b} {c}", "+34 6{a} {b} {c}", (2, 3, 3, 0)),
    "IS": ("8{a}-{b}", "+354 8{a} {b}", (2, 4, 0, 0)),
    "LT": ("8 6{a} {b}", "+370 6{a} {b}", (2, 5, 0, 0)),
    "RS": ("06{a} {b}{c}", "+381 6{a} {b}{c}", (1, 3, 4, 0)),
    "AL": ("06{a} {b} {c}", "+355 6{a} {b} {c}", (2, 3, 4, 0)),
    "PH": ("09{a} {b} {c}", "+63 9{a} {b} {c}", (2, 3, 4, 0)),
    "HT": ("3{a}-{b}", "+509 3{a} {b}", (3, 4, 0, 0)),
    "ZA": ("08{a} {b} {c}", "+27 8{a} {b} {c}", (1, 3, 4, 0)),
    "NZ": ("021 {a} {b}", "+64 21 {a} {b}", (3, 4, 0, 0)),
    "PT": ("91{a} {b} {c}", "+351 91{a} {b} {c}", (1, 3, 3, 0)),
    "CZ": ("60{a} {b} {c}", "+420 60{a} {b} {c}", (1, 3, 3, 0)),
    "PL": ("51{a} {b} {c}", "+48 51{a} {b} {c}", (1, 3, 3, 0)),
    "TR": ("053{a} {b} {c} {d}", "+90 53{a} {b} {c} {d}", (1, 3, 2, 2)),
    "AR": ("011 15-{a}-{b}", "+54 9 11 {a}-{b}", (4, 4, 0, 0)),
    "GR": ("69{a} {b} {c}", "+30 69{a} {b} {c}", (1, 3, 4, 0)),
    "CH": ("07{a} {b} {c} {d}", "+41 7{a} {b} {c} {d}", (1, 3, 2, 2)),
    "US": ("({a}) {b}-{c}", "+1 {a} {b} {c}", (3, 3, 4, 0)),
    "GB": ("07{a} {b}", "+44 7{a} {b}", (3, 6, 0, 0)),
}


def phone(r: random.Random, country: str) -> tuple[str, str]:
    """(national form, international form) of a phone number of ``country``."""
    national, international, sizes = PHONE_FORMS[country]
    runs = dict(zip("abcd", (digits(r, n) for n in sizes), strict=True))
    if country == "US":  # area code and exchange do not start with 0 or 1
        runs["a"], runs["b"] = str(r.randint(201, 989)), str(r.randint(200, 999))
    return national.format(**runs), international.format(**runs)
