"""Round 12 helpers: seeded pools, valid identifiers, chat messages and phone formats."""

from __future__ import annotations

import json
import random
import string
from collections.abc import Sequence
from typing import Any, TypeVar

from bench.pii_eval.common import split_pool

SEED12 = 20261208
T = TypeVar("T")


def pool(items: Sequence[T], half: str, label: str) -> list[T]:
    """This half's share of a hand-written pool (labels are prefixed ``r12:``)."""
    return split_pool(items, half, f"r12:{label}", SEED12)


def rng12(set_name: str, half: str) -> random.Random:
    return random.Random(f"r12:{set_name}:{half}:{SEED12}")


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def parity_number(rng: random.Random, half: str, low: int, high: int) -> int:
    """A number in [low, high): even in dev, odd in test (keeps box numbers apart)."""
    n = rng.randrange(low, high)
    want = 0 if half == "dev" else 1
    return n if n % 2 == want else n + 1


# --- cards -----------------------------------------------------------------------------------


def luhn_ok(number: str) -> bool:
    nums = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(nums)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return len(nums) >= 12 and total % 10 == 0


def _luhn_digit(partial: str) -> str:
    for check in string.digits:
        if luhn_ok(partial + check):
            return check
    raise AssertionError("unreachable")


# (brand, prefix, length, grouping)
CARD_BRANDS: list[tuple[str, str, int, tuple[int, ...]]] = [
    ("Visa", "4", 16, (4, 4, 4, 4)),
    ("Mastercard", "53", 16, (4, 4, 4, 4)),
    ("American Express", "37", 15, (4, 6, 5)),
    ("Discover", "6011", 16, (4, 4, 4, 4)),
    ("JCB", "35", 16, (4, 4, 4, 4)),
    ("Diners Club", "36", 14, (4, 6, 4)),
    ("UnionPay", "62", 16, (4, 4, 4, 4)),
    ("Mastercard", "27", 16, (4, 4, 4, 4)),
]


def card(rng: random.Random, index: int) -> tuple[str, str]:
    """(brand, number with separators) for the ``index``-th card, brands in turn."""
    brand, prefix, length, groups = CARD_BRANDS[index % len(CARD_BRANDS)]
    body = prefix + digits(rng, length - len(prefix) - 1)
    number = body + _luhn_digit(body)
    sep = rng.choice([" ", " ", "-", ""])
    out, pos = [], 0
    for g in groups:
        out.append(number[pos : pos + g])
        pos += g
    return brand, sep.join(out)


# --- IBANs -----------------------------------------------------------------------------------

# country: BBAN pattern (n digit, a capital letter, c either)
IBAN_FORMATS: dict[str, str] = {
    "EG": "nnnnnnnnnnnnnnnnnnnnnnnnn",
    "SV": "aaaannnnnnnnnnnnnnnnnnnn",
    "MN": "nnnnnnnnnnnnnnnn",
    "SO": "nnnnnnnnnnnnnnnnnnn",
    "OM": "nnncccccccccccccccc",
    "DJ": "nnnnnnnnnnnnnnnnnnnnnnn",
    "FK": "aannnnnnnnnnnn",
    "SD": "nnnnnnnnnnnnnn",
    "BY": "ccccnnnncccccccccccccccc",
    "ES": "nnnnnnnnnnnnnnnnnnnn",
    "DE": "nnnnnnnnnnnnnnnnnn",
    "FR": "nnnnnnnnnncccccccccccnn",
    "PT": "nnnnnnnnnnnnnnnnnnnnn",
    "IT": "annnnnnnnnncccccccccccc",
    "NL": "aaaannnnnnnnnn",
}


def _iban_number(text: str) -> int:
    compact = text.replace(" ", "")
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in moved))


def iban_ok(text: str) -> bool:
    compact = text.replace(" ", "")
    if len(compact) < 15 or not compact[:2].isalpha() or not compact[2:4].isdigit():
        return False
    return _iban_number(compact) % 97 == 1


def iban(rng: random.Random, country: str, spaced: bool) -> str:
    chars = {"n": string.digits, "a": string.ascii_uppercase}
    alnum = string.ascii_uppercase + string.digits
    bban = "".join(rng.choice(chars.get(p, alnum)) for p in IBAN_FORMATS[country])
    check = 98 - _iban_number(f"{country}00{bban}") % 97
    compact = f"{country}{check:02d}{bban}"
    if not spaced:
        return compact
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


# --- other ids -------------------------------------------------------------------------------


def ssn(rng: random.Random) -> str:
    area = rng.choice([n for n in range(1, 900) if n != 666])
    return f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"


def ipv4(rng: random.Random) -> str:
    first = rng.choice([23, 45, 62, 81, 91, 103, 142, 176, 185, 197, 203, 212])
    return f"{first}.{rng.randrange(1, 255)}.{rng.randrange(0, 255)}.{rng.randrange(1, 255)}"


def ipv6(rng: random.Random) -> str:
    groups = [f"{rng.randrange(0x2001, 0x2A10):x}"] + [
        f"{rng.randrange(0, 0xFFFF):x}" for _ in range(3)
    ]
    return ":".join(groups) + "::" + f"{rng.randrange(1, 0xFFFF):x}"


def reference(rng: random.Random, prefix: str, n: int = 6) -> str:
    return f"{prefix}-{digits(rng, n)}"


# --- phones ----------------------------------------------------------------------------------

# country: (calling code, national trunk prefix, leading digits, group lengths of the national
# significant number, separator). Mobile numbers, grouped the way they are usually written.
PHONES: dict[str, tuple[str, str, tuple[str, ...], tuple[int, ...], str]] = {
    "ET": ("251", "0", ("91", "92", "93", "94"), (2, 3, 4), " "),
    "GE": ("995", "", ("555", "557", "568", "599"), (3, 2, 2, 2), " "),
    "KZ": ("7", "8 ", ("701", "705", "747", "777"), (3, 3, 4), " "),
    "WS": ("685", "", ("72", "75", "77"), (2, 5), " "),
    "LK": ("94", "0", ("71", "72", "76", "77"), (2, 3, 4), " "),
    "PE": ("51", "", ("987", "956", "943", "912"), (3, 3, 3), " "),
    "ES": ("34", "", ("61", "62", "65", "688"), (3, 3, 3), " "),
    "IS": ("354", "", ("66", "69", "77", "82"), (3, 4), " "),
    "MG": ("261", "0", ("32", "33", "34"), (2, 2, 3, 2), " "),
    "LA": ("856", "0", ("2055", "2077", "2099"), (2, 4, 4), " "),
    "NZ": ("64", "0", ("21", "22", "27"), (2, 3, 4), " "),
    "FR": ("33", "0", ("6", "7"), (1, 2, 2, 2, 2), " "),
    "AD": ("376", "", ("3", "6"), (3, 3), " "),
    "SO": ("252", "0", ("61", "62", "63"), (2, 7), " "),
    "PH": ("63", "0", ("917", "918", "927", "995"), (3, 3, 4), " "),
    "UA": ("380", "0", ("67", "50", "63", "93"), (2, 3, 2, 2), " "),
    "FJ": ("679", "", ("92", "93", "97"), (3, 4), " "),
    "SN": ("221", "", ("77", "78", "70", "76"), (2, 3, 2, 2), " "),
    "CL": ("56", "", ("9",), (1, 4, 4), " "),
    "KE": ("254", "0", ("712", "722", "733", "745"), (3, 3, 3), " "),
    "GH": ("233", "0", ("24", "20", "54", "55"), (2, 3, 4), " "),
    "RO": ("40", "0", ("72", "74", "75"), (3, 3, 3), " "),
    "CZ": ("420", "", ("60", "72", "77"), (3, 3, 3), " "),
    "GR": ("30", "", ("69",), (3, 3, 4), " "),
    "TH": ("66", "0", ("8", "9", "6"), (2, 3, 4), " "),
    "MY": ("60", "0", ("12", "13", "17"), (2, 3, 4), "-"),
    "EG": ("20", "0", ("10", "11", "12"), (2, 4, 4), " "),
    "MN": ("976", "", ("88", "99", "95"), (4, 4), " "),
    "EE": ("372", "", ("5",), (4, 4), " "),
    "LV": ("371", "", ("2",), (4, 4), " "),
    "IE": ("353", "0", ("85", "86", "87", "83"), (2, 3, 4), " "),
    "US": ("1", "", ("208", "406", "515", "802"), (3, 3, 4), "-"),
    "DE": ("49", "0", ("151", "160", "170", "176"), (3, 4, 4), " "),
    "BR": ("55", "", ("119", "219", "319", "719"), (2, 5, 4), " "),
    "IT": ("39", "", ("33", "34", "32"), (3, 3, 4), " "),
    "NL": ("31", "0", ("6",), (1, 8), "-"),
    "ID": ("62", "0", ("812", "813", "857"), (3, 4, 4), "-"),
    "VN": ("84", "0", ("90", "91", "98", "97"), (2, 3, 4), " "),
    "CN": ("86", "", ("138", "139", "186"), (3, 4, 4), " "),
    "JP": ("81", "0", ("90", "80"), (2, 4, 4), "-"),
    "KR": ("82", "0", ("10",), (2, 4, 4), "-"),
}


def phone_pair(rng: random.Random, country: str) -> tuple[str, str]:
    """One mobile number of ``country``: (national form, E.164 form with spaces)."""
    cc, trunk, leads, groups, sep = PHONES[country]
    lead = rng.choice(leads)
    nsn = lead + digits(rng, sum(groups) - len(lead))
    parts, pos = [], 0
    for g in groups:
        parts.append(nsn[pos : pos + g])
        pos += g
    international = f"+{cc} " + " ".join(parts)
    if country == "US":
        return f"({parts[0]}) {parts[1]}-{parts[2]}", international
    if country == "MY":
        return f"{trunk}{parts[0]}-{parts[1]} {parts[2]}", international
    if country == "BR":
        return f"({parts[0]}) {parts[1]}-{parts[2]}", international
    return trunk + sep.join(parts), international


def phone(rng: random.Random, country: str, international: bool) -> str:
    return phone_pair(rng, country)[1 if international else 0]


# --- messages --------------------------------------------------------------------------------


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


def tool_result(call_id: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "role": "tool",
        "tool_call_id": call_id,
        "content": json.dumps(payload, ensure_ascii=False),
    }
