"""Round 3 identifiers with valid check digits: cards, IBANs, IPs, SSNs, and phones per country."""

from __future__ import annotations

import random
import string

from bench.pii_eval.ids import luhn_digit


def digits(rng: random.Random, k: int) -> str:
    return "".join(rng.choices(string.digits, k=k))


def card(rng: random.Random) -> str:
    kind = rng.choice(("visa", "mc2", "mc5", "amex", "diners", "unionpay"))
    if kind == "amex":
        body = rng.choice(("34", "37")) + digits(rng, 12)
        n = body + luhn_digit(body)
        return rng.choice((" ", "-")).join((n[:4], n[4:10], n[10:]))
    if kind == "diners":
        body = "36" + digits(rng, 11)
        n = body + luhn_digit(body)
        return " ".join((n[:4], n[4:10], n[10:]))
    prefix = {
        "visa": "4",
        "mc2": str(rng.randrange(2221, 2721)),
        "mc5": "5" + str(rng.randrange(1, 6)),
    }
    body = prefix.get(kind, "62") + ""
    body += digits(rng, 15 - len(body))
    n = body + luhn_digit(body)
    sep = rng.choice((" ", "-", "", " "))
    return sep.join(n[i : i + 4] for i in range(0, 16, 4))


# country: BBAN shape (d digit, A letter); none of these is a round 1 country.
IBAN_SHAPES = {
    "AT": "d" * 16,
    "BE": "d" * 12,
    "CZ": "d" * 20,
    "HU": "d" * 24,
    "RO": "AAAA" + "d" * 16,
    "GR": "d" * 23,
    "LU": "ddd" + "d" * 13,
    "HR": "d" * 17,
    "EE": "d" * 16,
    "LT": "d" * 16,
}


def iban(rng: random.Random) -> str:
    country = rng.choice(sorted(IBAN_SHAPES))
    bban = "".join(
        rng.choice(string.ascii_uppercase) if c == "A" else rng.choice(string.digits)
        for c in IBAN_SHAPES[country]
    )
    numeric = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    value = f"{country}{98 - int(numeric) % 97:02d}{bban}"
    if rng.random() < 0.6:
        return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return value


def ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"


def ipv4(rng: random.Random) -> str:
    first = rng.choice((31, 37, 45, 78, 89, 94, 109, 145, 178, 193, 197, 203, 217))
    return f"{first}.{rng.randrange(1, 255)}.{rng.randrange(0, 255)}.{rng.randrange(1, 255)}"


def ipv6(rng: random.Random) -> str:
    head = rng.choice(("2a01", "2a00", "2403", "2c0f", "2607"))
    groups = [f"{rng.randrange(0x1000, 0xFFFF):x}" for _ in range(7)]
    return f"{head}:{':'.join(groups)}"


def _pick(rng: random.Random, options: tuple[str, ...]) -> str:
    return rng.choice(options)


def phone(rng: random.Random, country: str) -> str:
    """A phone number of ``country`` in its national or international (E.164-ish) form."""
    intl = rng.random() < 0.5
    if country == "US":
        area = _pick(rng, ("216", "303", "314", "480", "502", "608", "615", "704", "801", "919"))
        ex, line = rng.randrange(201, 999), digits(rng, 4)
        return f"+1 {area} {ex} {line}" if intl else f"({area}) {ex}-{line}"
    if country == "AT":
        sub = digits(rng, 7)
        return f"+43 1 {sub[:3]} {sub[3:]}" if intl else f"0664 {sub[:3]} {sub[3:]}"
    if country == "CH":
        a, b, c = digits(rng, 3), digits(rng, 2), digits(rng, 2)
        pre = _pick(rng, ("44", "31", "61", "79", "78"))
        return f"+41 {pre} {a} {b} {c}" if intl else f"0{pre} {a} {b} {c}"
    if country == "BE":
        a, b, c = digits(rng, 2), digits(rng, 2), digits(rng, 2)
        if intl:
            return f"+32 475 {a} {b} {c}"
        return f"02 {digits(rng, 3)} {b} {c}"
    if country == "PT":
        sub = digits(rng, 6)
        return f"+351 912 {sub[:3]} {sub[3:]}" if intl else f"21 {digits(rng, 3)} {sub[:4]}"
    if country == "CZ":
        a, b, c = digits(rng, 3), digits(rng, 3), digits(rng, 3)
        return f"+420 {a} {b} {c}" if intl else f"{a} {b} {c}"
    return _phone_far(rng, country, intl)


def _phone_far(rng: random.Random, country: str, intl: bool) -> str:
    if country == "AR":
        sub = digits(rng, 8)
        if intl:
            return f"+54 9 11 {sub[:4]}-{sub[4:]}"
        return f"(011) {sub[:4]}-{sub[4:]}"
    if country == "CO":
        sub = digits(rng, 7)
        pre = _pick(rng, ("300", "310", "315", "320"))
        return f"+57 {pre} {sub[:3]} {sub[3:]}" if intl else f"{pre} {sub[:3]} {sub[3:]}"
    if country == "PH":
        sub = digits(rng, 7)
        pre = _pick(rng, ("917", "918", "927", "995"))
        return f"+63 {pre} {sub[:3]} {sub[3:]}" if intl else f"0{pre}-{sub[:3]}-{sub[3:]}"
    if country == "EG":
        sub = digits(rng, 8)
        pre = _pick(rng, ("10", "11", "12", "15"))
        return f"+20 {pre} {sub[:4]} {sub[4:]}" if intl else f"0{pre} {sub[:4]} {sub[4:]}"
    if country == "NZ":
        sub = digits(rng, 7)
        if intl:
            return f"+64 21 {sub[:3]} {sub[3:]}"
        return f"(09) {sub[:3]} {sub[3:]}"
    if country == "UK":
        sub = digits(rng, 6)
        return f"+44 7{digits(rng, 3)} {sub}" if intl else f"07{digits(rng, 3)} {sub}"
    raise ValueError(country)
