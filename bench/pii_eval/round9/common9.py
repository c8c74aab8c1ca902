"""What the round-9 generators share: the seed, pool splitting, valid identifiers, builders."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from typing import Any, TypeVar

from bench.pii_eval.common import Example, Private, Protected, split_pool

SEED9 = 20261208
T = TypeVar("T")


def pool(items: Sequence[T], half: str, label: str) -> list[T]:
    """The ``half`` of a hand-written pool, split under the round-9 label ``r9:<label>``."""
    return split_pool(items, half, f"r9:{label}", SEED9)


def rng9(set_name: str, half: str) -> random.Random:
    return random.Random(f"{set_name}:{half}:{SEED9}")


def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return total % 10 == 0


# brand: (prefixes, length, grouping)
CARD_BRANDS: dict[str, tuple[tuple[str, ...], int, tuple[int, ...]]] = {
    "visa": (("4",), 16, (4, 4, 4, 4)),
    "mastercard": (("51", "53", "55"), 16, (4, 4, 4, 4)),
    "mastercard2": (("2221", "2470", "2709"), 16, (4, 4, 4, 4)),
    "amex": (("34", "37"), 15, (4, 6, 5)),
    "discover": (("6011", "65"), 16, (4, 4, 4, 4)),
    "jcb": (("3528", "3571", "3589"), 16, (4, 4, 4, 4)),
    "diners": (("36",), 14, (4, 6, 4)),
}


def card(rng: random.Random, brand: str) -> str:
    prefixes, length, groups = CARD_BRANDS[brand]
    body = rng.choice(prefixes)
    body += "".join(str(rng.randrange(10)) for _ in range(length - len(body) - 1))
    for check in "0123456789":
        if luhn_ok(body + check):
            body += check
            break
    out, i = [], 0
    for g in groups:
        out.append(body[i : i + g])
        i += g
    return " ".join(out)


def _iban_digits(text: str) -> int:
    return int("".join(str(int(c, 36)) for c in text))


def iban_ok(iban: str) -> bool:
    compact = iban.replace(" ", "")
    return _iban_digits(compact[4:] + compact[:4]) % 97 == 1


# country: BBAN shape ("a" upper letter, "n" digit, "c" either), none used for IBANs before.
IBAN_SHAPES = {
    "SA": "n" * 20,
    "AE": "n" * 19,
    "QA": "a" * 4 + "c" * 21,
    "UA": "n" * 25,
    "MD": "c" * 20,
    "CY": "n" * 8 + "c" * 16,
    "TR": "n" * 22,
    "DO": "a" * 4 + "n" * 20,
    "GT": "a" * 4 + "n" * 20,
    "MU": "a" * 4 + "n" * 19 + "aaa",
}


def iban(rng: random.Random, country: str) -> str:
    shape = IBAN_SHAPES[country]
    letters, digits = "ABCDEFGHJKLMNPRSTUVWXYZ", "0123456789"
    bban = "".join(
        rng.choice(letters if s == "a" else digits if s == "n" else letters + digits) for s in shape
    )
    check = 98 - _iban_digits(bban + country + "00") % 97
    compact = f"{country}{check:02d}{bban}"
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"


def ipv4(rng: random.Random) -> str:
    first = rng.choice([23, 31, 46, 62, 77, 89, 103, 141, 151, 178, 185, 193, 203, 212])
    return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def ipv6(rng: random.Random) -> str:
    head = rng.choice(["2a02", "2001", "2604", "2c0f", "2405"])
    return ":".join([head] + [f"{rng.randrange(65536):04x}" for _ in range(7)])


def digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def ref(rng: random.Random, prefix: str, n: int = 6) -> str:
    return f"{prefix}-{rng.randrange(10 ** (n - 1), 10**n)}"


def user(text: str) -> dict[str, Any]:
    return {"role": "user", "content": text}


def assistant(text: str) -> dict[str, Any]:
    return {"role": "assistant", "content": text}


def system(text: str) -> dict[str, Any]:
    return {"role": "system", "content": text}


def tool_call(call_id: str, name: str, args: dict[str, Any]) -> dict[str, Any]:
    return {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": call_id,
                "type": "function",
                "function": {"name": name, "arguments": json.dumps(args, ensure_ascii=False)},
            }
        ],
    }


def tool_result(call_id: str, result: dict[str, Any]) -> dict[str, Any]:
    return {
        "role": "tool",
        "tool_call_id": call_id,
        "content": json.dumps(result, ensure_ascii=False),
    }


def example(
    messages: list[dict[str, Any]], private: list[Private], protected: list[Protected]
) -> Example:
    return Example(messages=messages, private=private, protected=protected)
