"""Round 7 shared helpers: seed, pool split, identifiers with valid check digits, messages."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from typing import Any, TypeVar

from bench.pii_eval.common import rng_for, split_pool

SEED7 = 20261207
T = TypeVar("T")

Message = dict[str, Any]


def pool(items: Sequence[T], half: str, label: str) -> list[T]:
    """``items`` of ``half``, split under the label ``r7:<label>``."""
    return split_pool(items, half, f"r7:{label}", SEED7)


def rng(set_name: str, half: str) -> random.Random:
    return rng_for(set_name, half, SEED7)


def digits(r: random.Random, n: int) -> str:
    return "".join(str(r.randint(0, 9)) for _ in range(n))


def fill(r: random.Random, template: str) -> str:
    """Each ``X`` of ``template`` becomes a random digit."""
    return "".join(str(r.randint(0, 9)) if ch == "X" else ch for ch in template)


def luhn_ok(number: str) -> bool:
    nums = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(nums)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


# brand: (prefixes, length, grouping)
CARD_SHAPES: dict[str, tuple[tuple[str, ...], int, tuple[int, ...]]] = {
    "visa": (("4",), 16, (4, 4, 4, 4)),
    "mastercard": (("51", "53", "55", "2221", "2530", "2720"), 16, (4, 4, 4, 4)),
    "amex": (("34", "37"), 15, (4, 6, 5)),
    "discover": (("6011", "65"), 16, (4, 4, 4, 4)),
    "jcb": (("3528", "3566", "3589"), 16, (4, 4, 4, 4)),
    "diners": (("36", "38"), 14, (4, 6, 4)),
}


def card(r: random.Random, brand: str) -> str:
    prefixes, length, groups = CARD_SHAPES[brand]
    prefix = r.choice(prefixes)
    body = prefix + digits(r, length - 1 - len(prefix))
    number = next(body + c for c in "0123456789" if luhn_ok(body + c))
    out, i = [], 0
    for g in groups:
        out.append(number[i : i + g])
        i += g
    return " ".join(out)


def _iban_mod(text: str) -> int:
    converted = "".join(str(int(ch, 36)) for ch in text)
    return int(converted) % 97


def iban_ok(iban: str) -> bool:
    compact = iban.replace(" ", "")
    return _iban_mod(compact[4:] + compact[:4]) == 1


# country: BBAN pattern (n digit, a capital letter)
IBAN_SHAPES: dict[str, str] = {
    "SK": "nnnnnnnnnnnnnnnnnnnn",
    "HR": "nnnnnnnnnnnnnnnnn",
    "LV": "aaaannnnnnnnnnnnn",
    "EE": "nnnnnnnnnnnnnnnn",
    "BG": "aaaannnnnnnnnnnnnn",
    "MT": "aaaannnnnnnnnnnnnnnnnnnnnnn",
    "AZ": "aaaannnnnnnnnnnnnnnnnnnn",
    "PK": "aaaannnnnnnnnnnnnnnn",
    "SI": "nnnnnnnnnnnnnnn",
    "RO": "aaaannnnnnnnnnnnnnnn",
    "FR": "nnnnnnnnnnnnnnnnnnnnnnn",
}


def iban(r: random.Random, country: str) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXZ"
    bban = "".join(
        r.choice(letters) if ch == "a" else str(r.randint(0, 9)) for ch in IBAN_SHAPES[country]
    )
    check = 98 - _iban_mod(bban + country + "00")
    compact = f"{country}{check:02d}{bban}"
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def ssn(r: random.Random) -> str:
    area = r.choice([n for n in range(101, 900) if n != 666])
    return f"{area:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"


def ipv4(r: random.Random) -> str:
    return f"{r.choice([23, 37, 45, 62, 81, 95, 109, 151, 178, 185, 203])}.{r.randint(1, 254)}.{r.randint(0, 254)}.{r.randint(1, 254)}"


def ipv6(r: random.Random) -> str:
    groups = [f"{r.randint(0x2001, 0x2A0F):x}"] + [f"{r.randint(0, 0xFFFF):x}" for _ in range(7)]
    return ":".join(groups)


def ref(r: random.Random, prefix: str, n: int = 6) -> str:
    return f"{prefix}-{digits(r, n)}"


def user(text: str) -> Message:
    return {"role": "user", "content": text}


def assistant(text: str) -> Message:
    return {"role": "assistant", "content": text}


def system(text: str) -> Message:
    return {"role": "system", "content": text}


def call(call_id: str, name: str, args: dict[str, Any]) -> Message:
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


def result(call_id: str, payload: dict[str, Any]) -> Message:
    return {
        "role": "tool",
        "tool_call_id": call_id,
        "content": json.dumps(payload, ensure_ascii=False),
    }
