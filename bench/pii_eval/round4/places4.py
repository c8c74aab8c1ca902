"""Round 4's streets, localities and phone shapes for countries not in the usual lists.

Street names and localities typed by hand; numbers are drawn at random. Each builder returns
the address as written, its identifying parts (street line; fine-grained postcode) and the
country tag.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Address:
    text: str
    parts: tuple[str, ...]
    country: str


def _n(r: random.Random, lo: int, hi: int) -> int:
    return r.randrange(lo, hi)


# country -> (streets, localities); localities are "city|postcode-stem" strings.
STREETS: dict[str, list[str]] = {
    "eg": [
        "Abd El-Aziz Fahmy Street",
        "Ibn Sandar Street",
        "El-Nozha El-Gedida Street",
        "Shagaret El-Dor Street",
        "Hassan Sabry Street",
        "El-Thawra Street",
        "Ismail Ramzy Street",
        "Mostafa El-Nahas Street",
    ],
    "be": [
        "Rue des Béguines",
        "Kapucijnenvoer",
        "Avenue des Phalènes",
        "Lange Lozanastraat",
        "Rue de la Vanne",
        "Brugse Poort",
        "Rue du Gouvernement Provisoire",
        "Sint-Pietersnieuwstraat",
    ],
    "pl": [
        "ul. Jaracza",
        "ul. Wierzbowa",
        "ul. Garbary",
        "ul. Mickiewicza Zaułek",
        "ul. Tamka",
        "ul. Piotrkowska Boczna",
        "ul. Szczytnicka",
        "ul. Kaszubska",
    ],
    "se": [
        "Tegelbruksgatan",
        "Fiskargatan",
        "Bondegatan",
        "Sillgränd",
        "Klippgatan",
        "Repslagargatan",
        "Kyrkbacken",
        "Vallgatan",
    ],
    "mx": [
        "Calle Río Pánuco",
        "Av. Tamaulipas",
        "Calle Zacatecas",
        "Calle Popocatépetl",
        "Av. Nuevo León",
        "Calle Tlacotalpan",
        "Calle Xicoténcatl",
        "Calle Mixcalco",
    ],
    "za": [
        "Jacaranda Crescent",
        "Protea Road",
        "Sir Lowry Road",
        "Kloof Nek Road",
        "Umhlanga Rocks Drive",
        "Jan Smuts Avenue",
        "Beyers Naudé Drive",
        "Dorp Street Lane",
    ],
    "ke": [
        "Lenana Road",
        "Argwings Kodhek Road",
        "Ngong Road",
        "Gitanga Road",
        "Riverside Drive",
        "Othaya Road",
        "Kindaruma Road",
        "Lavington Green Road",
    ],
    "tr": [
        "Moda Caddesi",
        "Şair Nefi Sokak",
        "Atatürk Bulvarı",
        "Kuşdili Caddesi",
        "Bahariye Caddesi",
        "Kazım Özalp Sokak",
        "Tunalı Hilmi Caddesi",
        "Güneşli Bahçe Sokak",
    ],
    "kr": [
        "Nonhyeon-ro",
        "Teheran-ro 87-gil",
        "Hongik-ro",
        "Wausan-ro 29-gil",
        "Dosan-daero 45-gil",
        "Dongho-ro 17-gil",
        "Baekbeom-ro",
        "Seongsui-ro",
    ],
    "ie": [
        "Oakfield Park",
        "Beaumont Avenue",
        "Glenageary Road Upper",
        "Ballinlough Road",
        "Ashgrove Lawn",
        "Castletroy Heights",
        "Millbrook Drive",
        "Knocknacarra Road",
    ],
    "gr": [
        "Skoufa",
        "Solonos",
        "Kallidromiou",
        "Tsimiski",
        "Agias Sofias",
        "Dimokritou",
        "Zaimi",
        "Ippokratous",
    ],
    "sg": [
        "Bedok North Street 3",
        "Tampines Avenue 9",
        "Jurong West Street 64",
        "Ang Mo Kio Avenue 10",
        "Toa Payoh Lorong 4",
        "Clementi Avenue 2",
        "Yishun Ring Road",
        "Hougang Avenue 8",
    ],
}

LOCALITIES: dict[str, list[str]] = {
    "eg": [
        "Mohandessin, Giza|12655",
        "Heliopolis, Cairo|11757",
        "Roushdy, Alexandria|21529",
        "Maadi, Cairo|11728",
    ],
    "be": [
        "1050 Ixelles",
        "3000 Leuven",
        "1170 Watermael-Boitsfort",
        "2018 Antwerpen",
        "4000 Liège",
        "9000 Gent",
    ],
    "pl": ["90-203 Łódź", "61-001 Poznań", "00-352 Warszawa", "31-042 Kraków", "80-830 Gdańsk"],
    "se": ["413 04 Göteborg", "116 46 Stockholm", "211 42 Malmö", "753 20 Uppsala"],
    "mx": [
        "Col. Cuauhtémoc, 06500 Ciudad de México, CDMX",
        "Col. Condesa, 06140 Ciudad de México, CDMX",
        "Col. Americana, 44160 Guadalajara, Jal.",
        "Col. Centro, 64000 Monterrey, N.L.",
    ],
    "za": [
        "Parkhurst, Johannesburg, 2193",
        "Gardens, Cape Town, 8001",
        "Umhlanga, Durban, 4319",
        "Brooklyn, Pretoria, 0181",
    ],
    "ke": [
        "Kilimani, Nairobi 00100",
        "Lavington, Nairobi 00603",
        "Nyali, Mombasa 80100",
        "Milimani, Kisumu 40100",
    ],
    "tr": [
        "34710 Kadıköy/İstanbul",
        "06680 Çankaya/Ankara",
        "35220 Konak/İzmir",
        "34365 Şişli/İstanbul",
    ],
    "kr": [
        "Gangnam-gu, Seoul 06236",
        "Mapo-gu, Seoul 04038",
        "Jung-gu, Seoul 04520",
        "Haeundae-gu, Busan 48094",
    ],
    "ie": [
        "Ballincollig, Co. Cork",
        "Drumcondra, Dublin 9",
        "Glenageary, Co. Dublin",
        "Castletroy, Co. Limerick",
    ],
    "gr": ["106 73 Athens", "105 57 Athens", "546 22 Thessaloniki", "262 21 Patras"],
    "sg": ["Singapore"],
}

EIRCODE_ROUTING = {
    "Ballincollig, Co. Cork": "P31",
    "Drumcondra, Dublin 9": "D09",
    "Glenageary, Co. Dublin": "A96",
    "Castletroy, Co. Limerick": "V94",
}


def _eircode(r: random.Random, routing: str) -> str:
    alphabet = "ACDEFHKNPRTVWXY0123456789"
    return (
        routing + " " + r.choice("ACDEFHKNPRTVWXY") + "".join(r.choice(alphabet) for _ in range(3))
    )


def build_address(country: str, street: str, r: random.Random) -> Address:
    loc = r.choice(LOCALITIES[country])
    if country == "eg":
        area, code = loc.split("|")
        line = f"{_n(r, 2, 90)} {street}, Apt {_n(r, 1, 30)}"
        return Address(f"{line}, {area} {code}, Egypt", (line,), "eg")
    if country == "be":
        line = f"{street} {_n(r, 1, 180)}" + (f" bte {_n(r, 1, 12)}" if r.random() < 0.5 else "")
        return Address(f"{line}, {loc}, Belgium", (line,), "be")
    if country == "pl":
        line = f"{street} {_n(r, 1, 120)}/{_n(r, 1, 40)}"
        return Address(f"{line}\n{loc}\nPolska", (line,), "pl")
    if country == "se":
        line = f"{street} {_n(r, 1, 60)}, lgh {_n(r, 10, 14)}0{_n(r, 1, 9)}"
        return Address(f"{line}\n{loc}\nSverige", (line,), "se")
    if country == "mx":
        line = f"{street} {_n(r, 10, 300)}, Int. {_n(r, 1, 20)}"
        return Address(f"{line}, {loc}, México", (line,), "mx")
    if country == "za":
        line = f"{_n(r, 1, 120)} {street}"
        return Address(f"{line}, {loc}, South Africa", (line,), "za")
    if country == "ke":
        line = f"House {_n(r, 1, 60)}, {street}"
        return Address(f"{line}, {loc}, Kenya", (line,), "ke")
    if country == "tr":
        line = f"{street} No: {_n(r, 1, 150)} Daire: {_n(r, 1, 25)}"
        return Address(f"{line}, {loc}, Türkiye", (line,), "tr")
    if country == "kr":
        line = f"{_n(r, 10, 90)}, {street}, Apt {_n(r, 1, 25)}0{_n(r, 1, 9)}"
        return Address(f"{line}, {loc}, South Korea", (line,), "kr")
    if country == "ie":
        line = f"{_n(r, 1, 80)} {street}"
        code = _eircode(r, EIRCODE_ROUTING[loc])
        return Address(f"{line}, {loc}, {code}", (line, code), "ie")
    if country == "gr":
        line = f"{street} {_n(r, 1, 90)}"
        return Address(f"{line}, {loc}, Greece", (line,), "gr")
    if country == "sg":
        blk = _n(r, 100, 899)
        line = f"Blk {blk} {street}, #{_n(r, 2, 20):02d}-{_n(r, 10, 400)}"
        code = f"{r.choice(['46', '52', '64', '56', '31', '12', '76', '53'])}{blk:04d}"
        return Address(f"{line}, Singapore {code}", (line, code), "sg")
    raise ValueError(country)


def _sp(digits: str, groups: tuple[int, ...], sep: str = " ") -> str:
    out, i = [], 0
    for g in groups:
        out.append(digits[i : i + g])
        i += g
    return sep.join(out)


def _d(r: random.Random, n: int) -> str:
    return "".join(str(r.randrange(10)) for _ in range(n))


# country -> (national, E.164) of one random mobile number.
PHONES: dict[str, Callable[[random.Random], tuple[str, str]]] = {
    "eg": lambda r: (lambda s: (f"010 {_sp(s, (4, 4))}", f"+20 10 {_sp(s, (4, 4))}"))(_d(r, 8)),
    "be": lambda r: (lambda s: (f"0471 {_sp(s, (2, 2, 2))}", f"+32 471 {_sp(s, (2, 2, 2))}"))(
        _d(r, 6)
    ),
    "pl": lambda r: (lambda s: (f"5{_sp(s, (2, 3, 3))}", f"+48 5{_sp(s, (2, 3, 3))}"))(_d(r, 8)),
    "se": lambda r: (lambda s: (f"070-{_sp(s, (3, 2, 2))}", f"+46 70 {_sp(s, (3, 2, 2))}"))(
        _d(r, 7)
    ),
    "mx": lambda r: (lambda s: (f"55 {_sp(s, (4, 4))}", f"+52 55 {_sp(s, (4, 4))}"))(_d(r, 8)),
    "za": lambda r: (lambda s: (f"082 {_sp(s, (3, 4))}", f"+27 82 {_sp(s, (3, 4))}"))(_d(r, 7)),
    "ke": lambda r: (lambda s: (f"0722 {_sp(s, (3, 3))}", f"+254 722 {_sp(s, (3, 3))}"))(_d(r, 6)),
    "tr": lambda r: (lambda s: (f"0532 {_sp(s, (3, 2, 2))}", f"+90 532 {_sp(s, (3, 2, 2))}"))(
        _d(r, 7)
    ),
    "kr": lambda r: (lambda s: (f"010-{_sp(s, (4, 4), '-')}", f"+82 10-{_sp(s, (4, 4), '-')}"))(
        _d(r, 8)
    ),
    "ie": lambda r: (lambda s: (f"086 {_sp(s, (3, 4))}", f"+353 86 {_sp(s, (3, 4))}"))(_d(r, 7)),
    "gr": lambda r: (lambda s: (f"69{_sp(s, (1, 3, 4))}", f"+30 69{_sp(s, (1, 3, 4))}"))(_d(r, 8)),
    "sg": lambda r: (lambda s: (f"9{_sp(s, (3, 4))}", f"+65 9{_sp(s, (3, 4))}"))(_d(r, 7)),
    "us": lambda r: (lambda s: (f"(757) {_sp(s, (3, 4), '-')}", f"+1 757 {_sp(s, (3, 4))}"))(
        str(r.randrange(2, 10)) + _d(r, 6)
    ),
}

# Couriers / carriers per country (protected strings).
COURIERS: dict[str, list[str]] = {
    "eg": ["J&T Express Egypt", "Bosta"],
    "be": ["Dynalogic", "Bpack"],
    "pl": ["DPD Polska", "Pocztex"],
    "se": ["Bring", "Airmee"],
    "mx": ["Sendex", "Redpack"],
    "za": ["RAM Hand-to-Hand Couriers", "Fastway Couriers"],
    "ke": ["Sendy", "G4S Kenya"],
    "tr": ["Yurtiçi Kargo", "Aras Kargo"],
    "kr": ["Lotte Global Logistics", "Logen"],
    "ie": ["An Post", "Fastway Ireland"],
    "gr": ["ELTA Courier", "ACS Courier"],
    "sg": ["Qxpress", "SingPost"],
    "us": ["USPS", "Military Postal Service Agency"],
}

MILITARY_RANKS = ["SSgt", "Capt", "SPC", "PO2", "Lt Col", "CPL", "MSgt", "LTJG"]
