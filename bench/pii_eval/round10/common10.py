"""Round 10: seed, pool split and the identifiers every round-10 generator writes."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

from bench.pii_eval.common import split_pool

SEED10 = 20261208
T = TypeVar("T")


def pool(items: Sequence[T], half: str, label: str) -> list[T]:
    """``items``' share for ``half``; the label is prefixed ``r10:`` so no cut repeats an
    earlier round's."""
    return split_pool(items, half, f"r10:{label}", SEED10)


def rng10(set_name: str, half: str) -> random.Random:
    return random.Random(f"r10:{set_name}:{half}:{SEED10}")


def digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def fill(rng: random.Random, template: str) -> str:
    return "".join(str(rng.randrange(10)) if ch == "#" else ch for ch in template)


def luhn_ok(number: str) -> bool:
    ds = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(ds)):
        if i % 2:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return total % 10 == 0


# (prefix, length, grouping) per brand: Visa, Mastercard 5- and 2-series, Amex, Discover,
# JCB, Diners.
CARD_BRANDS: tuple[tuple[str, int, tuple[int, ...]], ...] = (
    ("4", 16, (4, 4, 4, 4)),
    ("53", 16, (4, 4, 4, 4)),
    ("2231", 16, (4, 4, 4, 4)),
    ("37", 15, (4, 6, 5)),
    ("6011", 16, (4, 4, 4, 4)),
    ("3566", 16, (4, 4, 4, 4)),
    ("36", 14, (4, 6, 4)),
)


def card(rng: random.Random, index: int) -> str:
    prefix, length, groups = CARD_BRANDS[index % len(CARD_BRANDS)]
    body = prefix + digits(rng, length - len(prefix) - 1)
    check = next(str(d) for d in range(10) if luhn_ok(body + str(d)))
    raw = body + check
    out, at = [], 0
    for g in groups:
        out.append(raw[at : at + g])
        at += g
    return " ".join(out) if rng.random() < 0.7 else "-".join(out)


def ssn(rng: random.Random) -> str:
    area = rng.choice([n for n in range(101, 660) if n != 666])
    return f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"


def _iban_value(text: str) -> int:
    return int("".join(str(int(c, 36)) for c in text))


def iban_ok(iban: str) -> bool:
    raw = iban.replace(" ", "")
    return len(raw) > 4 and _iban_value(raw[4:] + raw[:4]) % 97 == 1


# Country, total length, leading letters of the BBAN (bank code); none was an IBAN country of
# an earlier round's README.
IBAN_SPECS: dict[str, tuple[int, int]] = {
    "KW": (30, 4), "BH": (22, 4), "LB": (28, 0), "MD": (24, 2),
    "ME": (22, 0), "AZ": (28, 4), "SV": (28, 4), "BY": (28, 4),
}  # fmt: skip
IBAN_DEV = ("KW", "BH", "LB", "MD")
IBAN_TEST = ("ME", "AZ", "SV", "BY")


def iban(rng: random.Random, country: str) -> str:
    length, letters = IBAN_SPECS[country]
    bank = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXZ") for _ in range(letters))
    bban = bank + digits(rng, length - 4 - letters)
    check = 98 - _iban_value(bban + country + "00") % 97
    raw = f"{country}{check:02d}{bban}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def ipv4(rng: random.Random) -> str:
    return f"{rng.choice([81, 94, 109, 151, 178, 185, 213])}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def ipv6(rng: random.Random) -> str:
    groups = [f"{rng.randrange(1, 65536):x}" for _ in range(4)]
    return "2a02:" + ":".join(groups) + "::" + f"{rng.randrange(1, 4096):x}"


# Phone shapes per country: (calling code, trunk prefix, digits template).
PHONES: dict[str, tuple[str, str, str]] = {
    "IN": ("91", "0", "9#### #####"),
    "PK": ("92", "0", "3## #######"),
    "FR": ("33", "0", "6 ## ## ## ##"),
    "GB": ("44", "0", "7### ######"),
    "IM": ("44", "0", "1624 4#####"),
    "ES": ("34", "", "6## ### ###"),
    "CH": ("41", "0", "79 ### ## ##"),
    "NG": ("234", "0", "80# ### ####"),
    "SS": ("211", "0", "92# ### ###"),
    "ID": ("62", "0", "81#-####-####"),
    "US": ("1", "", "337-###-####"),
    "RU": ("7", "8 ", "867 ###-##-##"),
    "CN": ("86", "", "13# #### ####"),
    "BD": ("880", "0", "171#-######"),
    "LK": ("94", "0", "77 ### ####"),
    "UA": ("380", "0", "67 ### ## ##"),
    "RS": ("381", "0", "64 ### ####"),
    "BG": ("359", "0", "88# ### ###"),
    "PY": ("595", "0", "981 ### ###"),
    "DO": ("1", "", "809-###-####"),
    "PA": ("507", "", "6###-####"),
    "TZ": ("255", "0", "71# ### ###"),
    "MN": ("976", "", "99## ####"),
    "DE": ("49", "0", "151 #######"),
    "IT": ("39", "", "3## ### ####"),
    "NL": ("31", "0", "6 ########"),
    "BR": ("55", "", "11 9####-####"),
    "VN": ("84", "0", "9# ### ## ##"),
    "JP": ("81", "0", "90-####-####"),
    "KR": ("82", "0", "10-####-####"),
    "TH": ("66", "0", "8#-###-####"),
}


def phone(rng: random.Random, country: str, international: bool) -> str:
    code, trunk, template = PHONES[country]
    body = fill(rng, template)
    return f"+{code} {body}" if international else f"{trunk}{body}"
