"""Round 2 structured identifiers: e-mails, cards, SSNs, IBANs, IPs, and phones of 17 countries.

Written for this round; numbers carry valid check digits where the format has them.
"""

from __future__ import annotations

import random
import string

from bench.pii_eval.common import ascii_fold
from bench.pii_eval.round2.people import SEED2, Name

# fmt: off
MAIL_DOMAINS = (
    "posteo.de", "t-online.de", "sfr.fr", "laposte.net", "sapo.pt", "bol.com.br", "terra.es",
    "tiscali.it", "virgilio.it", "planet.nl", "xs4all.nl", "wp.pl", "onet.pl", "naver.com",
    "btinternet.com", "sky.com", "aol.com", "zoho.com", "tutanota.com", "pm.me", "hey.com",
    "mailbox.org", "me.com", "live.co.uk", "seznam.cz", "telkomsa.net", "yandex.com",
    "harborline-freight.com", "quillfeather.studio", "tallgrass-dental.com",
    "oakridge-academy.org", "nimbus-claims.co.uk", "greenlease-homes.com", "parcelwise.io",
    "kestrel-analytics.dev", "bluefin-travel.com",
)
# fmt: on


def email(rng: random.Random, name: Name, domains: list[str]) -> str:
    def clean(s: str) -> str:
        return ascii_fold(s).lower().replace(" ", "").replace("'", "").replace("-", "")

    given, surname = clean(name.given), clean(name.surname)
    shape = rng.randrange(6)
    if shape == 0:
        local = f"{given}.{surname}"
    elif shape == 1:
        local = f"{surname}{given[0]}"
    elif shape == 2:
        local = f"{given}-{surname}"
    elif shape == 3:
        local = f"{given[0]}.{surname}{rng.randrange(1, 99)}"
    elif shape == 4:
        local = f"{surname}_{given}"
    else:
        local = f"{given}.{rng.randrange(100, 999)}"
    return f"{local}@{rng.choice(domains)}"


def mail_domains(half: str) -> list[str]:
    from bench.pii_eval.common import split_pool

    return split_pool(MAIL_DOMAINS, half, "r2:mail_domains", SEED2)


def _luhn(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def card(rng: random.Random) -> str:
    """Visa, Mastercard (2-series too), Discover, JCB or Amex, Luhn-valid, grouped or not."""
    kind = rng.choice(("visa", "mc2", "mc5", "discover", "jcb", "amex"))
    if kind == "amex":
        body = rng.choice(("34", "37")) + "".join(rng.choices(string.digits, k=12))
        n = body + _luhn(body)
        return rng.choice((" ", "-")).join((n[:4], n[4:10], n[10:]))
    prefix = {
        "visa": "4",
        "mc2": str(rng.randrange(2221, 2721)),
        "mc5": str(rng.randrange(51, 56)),
        "discover": "6011",
        "jcb": str(rng.randrange(3528, 3590)),
    }[kind]
    body = prefix + "".join(rng.choices(string.digits, k=15 - len(prefix)))
    n = body + _luhn(body)
    sep = rng.choice((" ", "-", "", " ", "-"))
    return sep.join(n[i : i + 4] for i in range(0, 16, 4))


def ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 772) if a != 666])
    group, serial = rng.randrange(1, 100), rng.randrange(1, 10000)
    sep = rng.choice(("-", "-", " "))
    return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"


# country: BBAN length in digits (all-digit BBANs only)
IBAN_DIGITS = {"PL": 24, "PT": 21, "AT": 16, "CH": 17, "SE": 20, "DK": 14, "NO": 11, "FI": 14}


def iban(rng: random.Random, country: str | None = None) -> str:
    country = country or rng.choice(sorted(IBAN_DIGITS))
    bban = "".join(rng.choices(string.digits, k=IBAN_DIGITS[country]))
    numeric = bban + "".join(str(int(ch, 36)) for ch in country + "00")
    value = f"{country}{98 - int(numeric) % 97:02d}{bban}"
    if rng.random() < 0.6:
        return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return value


def ipv4(rng: random.Random) -> str:
    first = rng.choice((31, 37, 45, 79, 86, 94, 109, 141, 158, 178, 193, 217))
    return f"{first}.{rng.randrange(0, 256)}.{rng.randrange(0, 256)}.{rng.randrange(2, 254)}"


def ipv6(rng: random.Random) -> str:
    head = rng.choice(("2a01", "2a00", "2003", "2607", "2409", "2c0f"))
    groups = ":".join(f"{rng.randrange(0, 0xFFFF):x}" for _ in range(7))
    return f"{head}:{groups}"


def _d(rng: random.Random, k: int) -> str:
    return "".join(rng.choices(string.digits, k=k))


def phone(  # noqa: C901 - one branch per country's format, read side by side
    rng: random.Random, country: str, e164: bool | None = None
) -> str:
    """A phone number of ``country`` (ISO-like code), national form or international form."""
    intl = rng.random() < 0.5 if e164 is None else e164
    d = _d
    if country == "US":
        area = rng.choice((208, 267, 314, 480, 503, 612, 720, 757, 808, 919, 971, 406))
        ex, line = rng.randrange(200, 999), d(rng, 4)
        if intl:
            return rng.choice((f"+1 {area} {ex} {line}", f"+1-{area}-{ex}-{line}"))
        return rng.choice((f"({area}) {ex}-{line}", f"{area}-{ex}-{line}", f"{area}.{ex}.{line}"))
    if country == "UK":
        if rng.random() < 0.6:
            mid, end = "7" + d(rng, 3), d(rng, 6)
            return f"+44 {mid} {end}" if intl else f"0{mid} {end}"
        code = rng.choice(("113", "131", "161", "117", "1632"))
        rest = d(rng, 10 - len(code))
        return f"+44 {code} {rest}" if intl else f"0{code} {rest}"
    if country == "DE":
        pre = rng.choice(("151", "160", "176", "30", "40", "89", "221", "711"))
        rest = d(rng, 11 - len(pre)) if pre.startswith("1") else d(rng, 8)
        return f"+49 {pre} {rest}" if intl else f"0{pre} {rest}"
    if country == "FR":
        first = rng.choice("1234567")
        pairs = " ".join(d(rng, 2) for _ in range(4))
        return f"+33 {first} {pairs}" if intl else f"0{first} {pairs}"
    if country == "ES":
        n = rng.choice("67") + d(rng, 8) if rng.random() < 0.7 else "91" + d(rng, 7)
        if intl:
            return f"+34 {n[:3]} {n[3:5]} {n[5:7]} {n[7:]}"
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    if country == "IT":
        if rng.random() < 0.7:
            n = "3" + d(rng, 9)
            return f"+39 {n[:3]} {n[3:]}" if intl else f"{n[:3]} {n[3:6]} {n[6:]}"
        n = "02" + d(rng, 8)
        return f"+39 {n[:2]} {n[2:6]} {n[6:]}" if intl else f"{n[:2]} {n[2:6]} {n[6:]}"
    if country == "NL":
        if rng.random() < 0.7:
            n = d(rng, 8)
            return f"+31 6 {n}" if intl else rng.choice((f"06-{n}", f"06 {n[:2]} {n[2:5]} {n[5:]}"))
        n = d(rng, 7)
        return f"+31 10 {n[:3]} {n[3:]}" if intl else f"010 {n[:3]} {n[3:]}"
    if country == "JP":
        pre = rng.choice(("90", "80", "70"))
        a, b = d(rng, 4), d(rng, 4)
        return f"+81 {pre}-{a}-{b}" if intl else f"0{pre}-{a}-{b}"
    if country == "IN":
        n = rng.choice("6789") + d(rng, 9)
        return f"+91 {n[:5]} {n[5:]}" if intl else f"0{n[:5]} {n[5:]}"
    if country == "BR":
        ddd = rng.choice(("11", "21", "31", "41", "51", "61", "71", "81"))
        a, b = "9" + d(rng, 4), d(rng, 4)
        return f"+55 {ddd} {a}-{b}" if intl else f"({ddd}) {a}-{b}"
    if country == "PL":
        n = rng.choice("5678") + d(rng, 8)
        spaced = f"{n[:3]} {n[3:6]} {n[6:]}"
        return f"+48 {spaced}" if intl else spaced
    if country == "SE":
        n = "7" + rng.choice("0236") + d(rng, 7)
        if intl:
            return f"+46 {n[:2]} {n[2:5]} {n[5:7]} {n[7:]}"
        return f"0{n[:2]}-{n[2:5]} {n[5:7]} {n[7:]}"
    if country == "MX":
        lada = rng.choice(("55", "33", "81"))
        n = d(rng, 8)
        return f"+52 {lada} {n[:4]} {n[4:]}" if intl else f"{lada} {n[:4]} {n[4:]}"
    if country == "KR":
        a, b = d(rng, 4), d(rng, 4)
        return f"+82 10-{a}-{b}" if intl else f"010-{a}-{b}"
    if country == "ZA":
        pre = rng.choice(("82", "83", "72", "61", "21", "11"))
        a, b = d(rng, 3), d(rng, 4)
        return f"+27 {pre} {a} {b}" if intl else f"0{pre} {a} {b}"
    if country == "NG":
        pre = rng.choice(("803", "806", "813", "705", "809", "902"))
        a, b = d(rng, 3), d(rng, 4)
        return f"+234 {pre} {a} {b}" if intl else f"0{pre} {a} {b}"
    if country == "IE":
        pre = rng.choice(("83", "85", "86", "87", "89"))
        a, b = d(rng, 3), d(rng, 4)
        return f"+353 {pre} {a} {b}" if intl else f"0{pre} {a} {b}"
    if country == "ID":
        n = "8" + rng.choice("1258") + d(rng, 8)
        if intl:
            return f"+62 {n[:3]}-{n[3:7]}-{n[7:]}"
        return f"0{n[:3]}-{n[3:7]}-{n[7:]}"
    if country == "VN":
        n = rng.choice(("90", "91", "93", "97", "98", "70", "86")) + d(rng, 7)
        return f"+84 {n[:2]} {n[2:5]} {n[5:]}" if intl else f"0{n[:2]} {n[2:5]} {n[5:]}"
    if country == "PT":
        n = "9" + rng.choice("1236") + d(rng, 7)
        spaced = f"{n[:3]} {n[3:6]} {n[6:]}"
        return f"+351 {spaced}" if intl else spaced
    raise ValueError(f"no phone format for {country!r}")
