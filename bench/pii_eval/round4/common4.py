"""Round 4's seed, pool split and identifier makers (cards, IBANs, IPs, e-mails)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

from bench.pii_eval.common import ascii_fold, rng_for, split_pool

SEED4 = 20261207
T = TypeVar("T")


def pool(items: Sequence[T], half: str, label: str) -> list[T]:
    """This half's share of a hand-written pool (label prefixed ``r4:``)."""
    return split_pool(items, half, f"r4:{label}", SEED4)


def rng(set_name: str, half: str) -> random.Random:
    return rng_for(set_name, half, SEED4)


def luhn_complete(prefix: str, length: int, r: random.Random) -> str:
    body = prefix + "".join(str(r.randrange(10)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def card(r: random.Random) -> str:
    kind = r.choice(["visa", "mc", "amex"])
    if kind == "amex":
        n = luhn_complete(r.choice(["34", "37"]), 15, r)
        return f"{n[:4]} {n[4:10]} {n[10:]}"
    n = luhn_complete("4" if kind == "visa" else r.choice(["51", "53", "55", "2221"]), 16, r)
    sep = r.choice([" ", "-", ""])
    return sep.join(n[i : i + 4] for i in range(0, 16, 4))


def _digits(r: random.Random, n: int) -> str:
    return "".join(str(r.randrange(10)) for _ in range(n))


def iban(r: random.Random) -> str:
    country = r.choice(["DE", "ES", "NL", "PL", "SE", "IT", "IE"])
    if country == "DE":
        bban = _digits(r, 18)
    elif country == "ES":
        bban = _digits(r, 20)
    elif country == "NL":
        bban = r.choice(["RABO", "INGB", "ABNA", "TRIO"]) + _digits(r, 10)
    elif country == "PL":
        bban = _digits(r, 24)
    elif country == "SE":
        bban = _digits(r, 20)
    elif country == "IT":
        bban = r.choice("ABCDEFGHKLMNPRSTUVXYZ") + _digits(r, 22)
    else:
        bban = r.choice(["AIBK", "BOFI"]) + _digits(r, 14)
    numeric = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    check = 98 - int(numeric) % 97
    raw = f"{country}{check:02d}{bban}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def ipv4(r: random.Random) -> str:
    first = r.choice([23, 45, 62, 81, 94, 109, 151, 176, 188, 203])
    return f"{first}.{r.randrange(1, 255)}.{r.randrange(0, 255)}.{r.randrange(1, 255)}"


def ipv6(r: random.Random) -> str:
    return "2a02:" + ":".join(f"{r.randrange(0x10000):x}" for _ in range(7))


def email_for(given: str, surname: str, domain: str, r: random.Random) -> str:
    g = ascii_fold(given).lower().replace(" ", "").replace("'", "")
    s = ascii_fold(surname).lower().replace(" ", "").replace("'", "")
    local = r.choice([f"{g}.{s}", f"{g[0]}{s}", f"{g}_{s}{r.randrange(10, 99)}", f"{s}.{g}"])
    return f"{local}@{domain}"
