"""Round 13 helpers: pools split per half, valid identifiers, chat shapes."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any, TypeVar

from bench.pii_eval.common import split_pool

T = TypeVar("T")


def pool(items: Sequence[T], half: str, label: str) -> list[T]:
    return split_pool(items, half, f"r13:{label}")


def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return total % 10 == 0


def card(rng: random.Random, prefix: str, length: int = 16) -> str:
    body = prefix + "".join(str(rng.randrange(10)) for _ in range(length - len(prefix) - 1))
    for last in "0123456789":
        if luhn_ok(body + last):
            digits = body + last
            return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
    raise AssertionError("unreachable")


def _iban_number(text: str) -> int:
    moved = text[4:] + text[:4]
    return int("".join(str(int(c, 36)) for c in moved))


def iban_ok(iban: str) -> bool:
    compact = iban.replace(" ", "")
    return len(compact) > 4 and _iban_number(compact) % 97 == 1


# country -> (digits in the BBAN, letters leading it)
IBAN_SHAPES = {"DE": (18, 0), "AT": (16, 0), "ES": (20, 0), "PT": (21, 0), "FI": (14, 0),
               "SK": (20, 0), "HU": (24, 0), "SI": (15, 0), "LT": (16, 0), "NL": (10, 4),
               "IT": (22, 1), "FR": (23, 0)}  # fmt: skip


def iban(rng: random.Random, country: str) -> str:
    digits, letters = IBAN_SHAPES[country]
    bban = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(letters))
    bban += "".join(str(rng.randrange(10)) for _ in range(digits))
    check = 98 - _iban_number(f"{country}00{bban}") % 97
    compact = f"{country}{check:02d}{bban}"
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def ssn(rng: random.Random) -> str:
    area = rng.choice([n for n in range(101, 899) if n != 666])
    return f"{area:03d}-{rng.randrange(10, 99):02d}-{rng.randrange(1000, 9999):04d}"


def ip(rng: random.Random) -> str:
    return f"{rng.choice([23, 45, 81, 103, 152, 188])}.{rng.randrange(1, 255)}.{rng.randrange(255)}.{rng.randrange(1, 255)}"


def digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def chat(*turns: str) -> list[dict[str, Any]]:
    roles = ("user", "assistant")
    return [{"role": roles[i % 2], "content": t} for i, t in enumerate(turns)]
