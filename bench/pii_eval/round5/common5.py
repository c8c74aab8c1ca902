"""What the round-5 generators share: the seed, the split, identifiers and message helpers.

Every pool is split with :func:`pool` (``common.split_pool`` under a label prefixed ``r5:``),
so nothing identifying drawn in a development half is drawn in the test half.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from typing import Any, TypeVar

from bench.pii_eval.common import Private, Protected, ascii_fold, rng_for, split_pool

SEED5 = 20261207
T = TypeVar("T")


def pool(items: Sequence[T], half: str, label: str) -> list[T]:
    """The ``half`` of a hand-written pool; the same label always cuts the same way."""
    return split_pool(items, half, f"r5:{label}", SEED5)


def rng(set_name: str, half: str) -> random.Random:
    return rng_for(set_name, half, SEED5)


# --- messages ------------------------------------------------------------------------------


def sys_msg(text: str) -> dict[str, Any]:
    return {"role": "system", "content": text}


def user(text: str) -> dict[str, Any]:
    return {"role": "user", "content": text}


def bot(text: str) -> dict[str, Any]:
    return {"role": "assistant", "content": text}


def call(call_id: str, name: str, args: dict[str, Any]) -> dict[str, Any]:
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


def result(call_id: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "role": "tool",
        "tool_call_id": call_id,
        "content": json.dumps(payload, ensure_ascii=False),
    }


def person(text: str, tag: str) -> Private:
    return Private(text, "person", tag)


def prot(text: str, kind: str) -> Protected:
    return Protected(text, kind)


# --- identifiers -----------------------------------------------------------------------------


def digits(r: random.Random, n: int) -> str:
    return "".join(str(r.randint(0, 9)) for _ in range(n))


def _luhn_check(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    only = "".join(ch for ch in number if ch.isdigit())
    return _luhn_check(only[:-1]) == only[-1]


CARD_PREFIXES = (
    ("4", 16),  # Visa
    ("53", 16),  # Mastercard 5-series
    ("2287", 16),  # Mastercard 2-series
    ("37", 15),  # Amex
    ("6011", 16),  # Discover
    ("3541", 16),  # JCB
)


def card(r: random.Random) -> str:
    prefix, length = r.choice(CARD_PREFIXES)
    body = prefix + digits(r, length - len(prefix) - 1)
    number = body + _luhn_check(body)
    if length == 15:
        return f"{number[:4]} {number[4:10]} {number[10:]}"
    sep = r.choice((" ", "-", " "))
    return sep.join(number[i : i + 4] for i in range(0, 16, 4))


def ssn(r: random.Random) -> str:
    area = r.choice([n for n in range(101, 899) if n != 666])
    return f"{area:03d}-{r.randint(10, 99):02d}-{r.randint(1000, 9999):04d}"


# Country, BBAN shape (d = digit, A = capital letter).
IBAN_SHAPES = {
    "FI": "dddddddddddddd",
    "DK": "dddddddddddddd",
    "NO": "ddddddddddd",
    "SK": "dddddddddddddddddddd",
    "SI": "ddddddddddddddd",
    "LV": "AAAAddddddddddddd",
    "BG": "AAAAdddddddddddddd",
    "GB": "AAAAdddddddddddddd",
    "IS": "dddddddddddddddddddddd",
    "MT": "AAAAddddddddddddddddddddddd",
}


def iban_check(country: str, bban: str) -> str:
    moved = bban + country + "00"
    number = "".join(str(int(ch, 36)) for ch in moved)
    return f"{98 - int(number) % 97:02d}"


def iban_ok(iban: str) -> bool:
    compact = iban.replace(" ", "")
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def iban(r: random.Random, country: str) -> str:
    shape = IBAN_SHAPES[country]
    bban = "".join(
        r.choice("ABCDEFGHJKLMNPRSTUVWXZ") if ch == "A" else str(r.randint(0, 9)) for ch in shape
    )
    compact = country + iban_check(country, bban) + bban
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def ipv4(r: random.Random) -> str:
    first = r.choice((23, 37, 62, 81, 91, 109, 145, 178, 185, 203))
    return f"{first}.{r.randint(1, 254)}.{r.randint(0, 254)}.{r.randint(1, 254)}"


def ipv6(r: random.Random) -> str:
    head = r.choice(("2a02", "2a01", "2001", "2603", "2405"))
    groups = [f"{r.randint(0x1000, 0xFFFF):x}" for _ in range(7)]
    return ":".join([head, *groups])


def email_for(given: str, surname: str, domain: str, r: random.Random) -> str:
    g = ascii_fold(given).lower().replace(" ", "").replace("'", "").replace("’", "")
    s = ascii_fold(surname).lower().replace(" ", "").replace("'", "").replace("’", "")
    shape = r.choice(("{g}.{s}", "{g}{s}", "{g0}{s}", "{s}.{g}", "{g}_{s}{n}"))
    local = shape.format(g=g, s=s, g0=g[:1], n=r.randint(2, 98))
    return f"{local}@{domain}"


def ref(r: random.Random, prefix: str, n: int = 6) -> str:
    return f"{prefix}-{digits(r, n)}"
