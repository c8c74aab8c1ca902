"""Round 8 shared helpers: seed, pools, identifiers with valid check digits, phones."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

from bench.pii_eval.common import rng_for, split_pool

SEED8 = 20261208
T = TypeVar("T")


def pool(items: Sequence[T], half: str, label: str) -> list[T]:
    """The half's share of a hand-written pool, under a label prefixed ``r8:``."""
    return split_pool(items, half, f"r8:{label}", SEED8)


def rng(set_name: str, half: str) -> random.Random:
    return rng_for(set_name, half, SEED8)


def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def card(r: random.Random, prefix: str, length: int, groups: Sequence[int]) -> str:
    body = prefix + "".join(str(r.randrange(10)) for _ in range(length - len(prefix) - 1))
    check = next(str(c) for c in range(10) if luhn_ok(body + str(c)))
    digits = body + check
    out, at = [], 0
    for g in groups:
        out.append(digits[at : at + g])
        at += g
    return " ".join(out)


CARD_BRANDS = {
    "visa": ("4", 16, (4, 4, 4, 4)),
    "mastercard": ("53", 16, (4, 4, 4, 4)),
    "mastercard2": ("2221", 16, (4, 4, 4, 4)),
    "amex": ("37", 15, (4, 6, 5)),
    "discover": ("6011", 16, (4, 4, 4, 4)),
    "jcb": ("3530", 16, (4, 4, 4, 4)),
    "diners": ("36", 14, (4, 6, 4)),
}


def _iban_mod(text: str) -> int:
    moved = text[4:] + text[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97


def iban_ok(iban: str) -> bool:
    compact = iban.replace(" ", "")
    return len(compact) > 4 and _iban_mod(compact) == 1


# Country → number of BBAN digits (all-numeric BBANs).
IBAN_LENGTHS = {"TN": 20, "IL": 19, "CR": 18, "BA": 16, "FO": 14, "ME": 18, "MK": 15, "XK": 16}


def iban(r: random.Random, country: str) -> str:
    bban = "".join(str(r.randrange(10)) for _ in range(IBAN_LENGTHS[country]))
    if country == "MK":
        bban = bban[:13] + "AB"[r.randrange(2)] + bban[13:]
        bban = bban[:15]
    check = 98 - _iban_mod(f"{country}00{bban}")
    compact = f"{country}{check:02d}{bban}"
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def ssn(r: random.Random) -> str:
    area = r.choice([r.randrange(1, 666), r.randrange(667, 900)])
    return f"{area:03d}-{r.randrange(1, 100):02d}-{r.randrange(1, 10000):04d}"


# Country → (calling code, trunk prefix, digit groups of the national significant number).
PHONES: dict[str, tuple[str, str, tuple[int, ...]]] = {
    "PY": ("595", "0", (3, 3, 3)),
    "IN": ("91", "0", (5, 5)),
    "ZA": ("27", "0", (2, 3, 4)),
    "LS": ("266", "", (4, 4)),
    "BW": ("267", "", (2, 3, 3)),
    "RW": ("250", "0", (3, 3, 3)),
    "GN": ("224", "", (3, 2, 2, 2)),
    "ER": ("291", "0", (1, 3, 3)),
    "FO": ("298", "", (6,)),
    "NO": ("47", "", (3, 2, 3)),
    "RU": ("7", "8 ", (3, 3, 2, 2)),
    "KG": ("996", "0", (3, 3, 3)),
    "TJ": ("992", "", (2, 3, 4)),
    "MK": ("389", "0", (2, 3, 3)),
    "EC": ("593", "0", (2, 3, 4)),
    "BO": ("591", "", (1, 3, 4)),
    "GH": ("233", "0", (2, 3, 4)),
    "TN": ("216", "", (2, 3, 3)),
    "JO": ("962", "0", (1, 4, 4)),
    "IL": ("972", "0", (2, 3, 4)),
    "TW": ("886", "0", (3, 3, 3)),
    "CR": ("506", "", (4, 4)),
    "US": ("1", "", (3, 3, 4)),
}


def phone(r: random.Random, country: str, international: bool) -> str:
    code, trunk, groups = PHONES[country]
    lead = "23456789"
    parts = []
    for i, g in enumerate(groups):
        first = r.choice(lead) if i == 0 else str(r.randrange(10))
        parts.append(first + "".join(str(r.randrange(10)) for _ in range(g - 1)))
    if country == "US":
        return (
            f"+1 {parts[0]} {parts[1]} {parts[2]}"
            if international
            else (f"({parts[0]}) {parts[1]}-{parts[2]}")
        )
    number = " ".join(parts)
    return f"+{code} {number}" if international else f"{trunk}{number}"


def ip(r: random.Random) -> str:
    if r.random() < 0.6:
        first = r.choice([81, 102, 145, 176, 203])
        return f"{first}.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(1, 255)}"
    return "2a02:" + ":".join(f"{r.randrange(1, 0x10000):x}" for _ in range(7))
