"""Round 11 shared helpers: seed, pool split, identifier checks and phone/ID makers."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

from bench.pii_eval.common import split_pool

SEED11 = 20261208
T = TypeVar("T")


def pool(items: Sequence[T], half: str, label: str) -> list[T]:
    return split_pool(items, half, f"r11:{label}", SEED11)


def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return total % 10 == 0


def luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(str(rng.randrange(10)) for _ in range(length - len(prefix) - 1))
    for check in "0123456789":
        if luhn_ok(body + check):
            return body + check
    raise AssertionError("unreachable")


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "")
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def make_iban(country: str, bban: str) -> str:
    moved = bban + country + "00"
    check = 98 - int("".join(str(int(c, 36)) for c in moved)) % 97
    raw = f"{country}{check:02d}{bban}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


# country: (calling code, national trunk prefix, digit groups)
PHONES: dict[str, tuple[str, str, tuple[int, ...]]] = {
    "DE": ("49", "0", (3, 4, 4)),
    "IT": ("39", "", (3, 3, 4)),
    "RO": ("40", "0", (3, 3, 3)),
    "RU": ("7", "8", (3, 3, 2, 2)),
    "KE": ("254", "0", (3, 3, 3)),
    "ZA": ("27", "0", (2, 3, 4)),
    "BF": ("226", "", (2, 2, 2, 2)),
    "LU": ("352", "", (3, 3, 3)),
    "FR": ("33", "0", (1, 2, 2, 2, 2)),
    "IN": ("91", "0", (5, 5)),
    "NP": ("977", "0", (3, 7)),
    "MV": ("960", "", (3, 4)),
    "CW": ("599", "", (1, 3, 4)),
    "MK": ("389", "0", (2, 3, 3)),
    "AM": ("374", "0", (2, 3, 3)),
    "AZ": ("994", "0", (2, 3, 2, 2)),
    "AL": ("355", "0", (2, 3, 4)),
    "BA": ("387", "0", (2, 3, 3)),
    "UG": ("256", "0", (3, 3, 3)),
    "ZM": ("260", "0", (2, 3, 4)),
    "HN": ("504", "", (4, 4)),
    "VE": ("58", "0", (3, 3, 4)),
    "UZ": ("998", "", (2, 3, 2, 2)),
    "US": ("1", "", (3, 3, 4)),
    "ES": ("34", "", (3, 3, 3)),
    "BR": ("55", "0", (2, 5, 4)),
    "NL": ("31", "0", (2, 4, 4)),
    "ID": ("62", "0", (3, 4, 4)),
    "VN": ("84", "0", (3, 3, 4)),
    "CN": ("86", "0", (3, 4, 4)),
    "JP": ("81", "0", (2, 4, 4)),
    "KR": ("82", "0", (2, 4, 4)),
    "TH": ("66", "0", (2, 3, 4)),
}


def phone(country: str, rng: random.Random, intl: bool) -> str:
    code, trunk, groups = PHONES[country]
    parts = [digits(rng, n) for n in groups]
    parts[0] = str(rng.randrange(2, 10)) + parts[0][1:]
    if intl:
        return f"+{code} " + " ".join(parts)
    return trunk + " ".join(parts) if trunk else " ".join(parts)
