"""Round 13 streets, towns, couriers and phone shapes, hand-picked."""

from __future__ import annotations

import random

from bench.pii_eval.round13.common13 import digits

# country -> (calling code, trunk prefix, leading digits, group sizes after the lead)
PHONES: dict[str, tuple[str, str, list[str], tuple[int, ...]]] = {
    "BO": ("591", "", ["7", "6"], (3, 4)), "PY": ("595", "0", ["981", "971"], (3, 3)),
    "UY": ("598", "0", ["99", "98"], (3, 3)), "TZ": ("255", "0", ["754", "713"], (3, 3)),
    "RW": ("250", "0", ["788", "722"], (3, 3)), "ET": ("251", "0", ["91", "92"], (3, 4)),
    "SN": ("221", "", ["77", "76"], (3, 2, 2)), "HU": ("36", "06", ["30", "20"], (3, 4)),
    "SK": ("421", "0", ["905", "911"], (3, 3)), "FI": ("358", "0", ["40", "50"], (3, 4)),
    "PH": ("63", "0", ["917", "918"], (3, 4)), "LK": ("94", "0", ["77", "71"], (3, 4)),
    "US": ("1", "", ["415", "503"], (3, 4)), "NO": ("47", "", ["9", "4"], (2, 2, 3)),
    "RU": ("7", "8", ["917", "987"], (3, 2, 2)), "ER": ("291", "0", ["7"], (3, 3)),
    "LA": ("856", "0", ["20"], (2, 3, 3)), "TO": ("676", "", ["77"], (5,)),
    "ZA": ("27", "0", ["82", "73"], (3, 4)), "ZW": ("263", "0", ["77", "71"], (3, 4)),
    "NG": ("234", "0", ["803", "806"], (3, 4)), "AF": ("93", "0", ["70", "79"], (3, 4)),
    "IQ": ("964", "0", ["750", "770"], (3, 4)), "AM": ("374", "0", ["91", "94"], (2, 2, 2)),
    "MN": ("976", "", ["88", "99"], (2, 4)), "GB": ("44", "0", ["7700", "7911"], (6,)),
    "MT": ("356", "", ["79", "99"], (2, 4)), "FO": ("298", "", ["21", "51"], (4,)),
    "IT": ("39", "", ["347", "333"], (3, 4)), "CA": ("1", "", ["867"], (3, 4)),
    "ES": ("34", "", ["612", "634", "655", "689"], (3, 3)), "DE": ("49", "0", ["151", "176"], (4, 4)),
    "FR": ("33", "0", ["6", "7"], (2, 2, 2, 2)), "PT": ("351", "", ["91", "93"], (3, 4)),
    "NL": ("31", "0", ["6"], (4, 4)), "ID": ("62", "0", ["812", "857"], (4, 4)),
    "VN": ("84", "0", ["90", "98"], (3, 4)),
}  # fmt: skip


def phone(rng: random.Random, country: str, e164: bool) -> str:
    code, trunk, leads, groups = PHONES[country]
    lead = rng.choice(leads)
    parts = [digits(rng, n) for n in groups]
    if e164:
        return f"+{code} {lead} {' '.join(parts)}"
    if country in ("US", "CA"):
        return f"({lead}) {parts[0]}-{parts[1]}"
    return f"{trunk}{lead} {' '.join(parts)}"


# country -> streets (names only; numbers are drawn)
STREETS: dict[str, list[str]] = {
    "BO": ["Calle Sagárnaga", "Avenida Arce", "Calle Potosí", "Avenida Busch"],
    "PY": ["Calle Teniente Fariña", "Avenida Mariscal López", "Calle Estrella", "Avenida España"],
    "UY": ["Calle Canelones", "Avenida 18 de Julio", "Calle Ituzaingó", "Rambla Gandhi"],
    "TZ": ["Morogoro Road", "Ali Hassan Mwinyi Road", "Uhuru Street", "Bibi Titi Mohamed Street"],
    "RW": ["KN 3 Road", "KG 9 Avenue", "KK 15 Road", "KN 78 Street"],
    "ET": ["Bole Road", "Churchill Avenue", "Haile Gebreselassie Road", "Africa Avenue"],
    "SN": ["Avenue Blaise Diagne", "Rue Vincens", "Route de Ouakam", "Rue Moussé Diop"],
    "HU": ["Király utca", "Váci út", "Andrássy út", "Dohány utca"],
    "SK": ["Kapucínska", "Špitálska", "Laurinská", "Panenská"],
    "FI": ["Mannerheimintie", "Puutarhakatu", "Aleksanterinkatu", "Pyynikintie"],
    "PH": ["Kamuning Road", "Aurora Boulevard", "Boni Avenue", "Ortigas Avenue"],
    "LK": ["Galle Road", "Duplication Road", "Thimbirigasyaya Road", "Ward Place"],
    "US": ["Wyandotte Street", "Juniper Hollow Lane", "Bell Buckle Road", "Tamarack Drive"],
}

# country -> (town, postcode shape) where "#" is a digit
TOWNS: dict[str, list[tuple[str, str]]] = {
    "BO": [("La Paz", ""), ("Cochabamba", ""), ("Sucre", ""), ("Tarija", "")],
    "PY": [
        ("Asunción", "1209"),
        ("Encarnación", "6000"),
        ("Luque", "2060"),
        ("Ciudad del Este", "7000"),
    ],
    "UY": [
        ("Montevideo", "11000"),
        ("Salto", "50000"),
        ("Paysandú", "60000"),
        ("Maldonado", "20000"),
    ],
    "TZ": [
        ("Dar es Salaam", "11101"),
        ("Arusha", "23101"),
        ("Mwanza", "33101"),
        ("Dodoma", "41101"),
    ],
    "RW": [("Kigali", ""), ("Huye", ""), ("Musanze", ""), ("Rubavu", "")],
    "ET": [
        ("Addis Ababa", "1000"),
        ("Bahir Dar", "6000"),
        ("Hawassa", "1000"),
        ("Mekelle", "1000"),
    ],
    "SN": [
        ("Dakar", "10200"),
        ("Thiès", "21000"),
        ("Saint-Louis", "32000"),
        ("Ziguinchor", "27000"),
    ],
    "HU": [("Budapest", "1061"), ("Debrecen", "4025"), ("Szeged", "6720"), ("Pécs", "7621")],
    "SK": [
        ("Bratislava", "811 08"),
        ("Košice", "040 01"),
        ("Žilina", "010 01"),
        ("Nitra", "949 01"),
    ],
    "FI": [("Helsinki", "00100"), ("Tampere", "33100"), ("Turku", "20100"), ("Oulu", "90100")],
    "PH": [
        ("Quezon City", "1108"),
        ("Pasig", "1600"),
        ("Cebu City", "6000"),
        ("Davao City", "8000"),
    ],
    "LK": [("Colombo 03", "00300"), ("Kandy", "20000"), ("Galle", "80000"), ("Negombo", "11500")],
    "US": [
        ("Lawrence, KS", "66044"),
        ("Bend, OR", "97701"),
        ("Dubuque, IA", "52001"),
        ("Ames, IA", "50010"),
    ],
}

COURIERS: dict[str, list[str]] = {
    "global": [
        "DHL Express",
        "FedEx International Priority",
        "UPS Worldwide Saver",
        "TNT Economy Express",
    ],
    "local": [
        "La Poste Sénégal",
        "DAC Uruguay",
        "Express One Hungary",
        "Xend",
        "AP Express Bolivia",
        "Rwanda Post EMS",
    ],
}
