"""Round 10 streets, couriers and national address formats, typed by hand.

None of PK, BD, LK, UA, RS, BG, PY, DO, PA, TZ, MN was an address country of rounds 1–9.
Street entries are (street, locality, city, postcode); numbers are drawn at random.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.pii_eval.round10.common10 import fill

STREETS: dict[str, list[tuple[str, str, str, str]]] = {
    "PK": [("Khayaban-e-Sehar", "Phase 6, DHA", "Karachi", "75500"),
           ("Mall Road", "Gulberg III", "Lahore", "54660"),
           ("Nazimuddin Road", "Sector F-8/4", "Islamabad", "44220"),
           ("Saddar Bazaar Road", "Peshawar Cantt", "Peshawar", "25000"),
           ("Kohinoor Lane", "Satellite Town", "Rawalpindi", "46300"),
           ("Tariq Road", "PECHS Block 2", "Karachi", "75400"),
           ("Canal Bank Road", "Model Town", "Lahore", "54700"),
           ("Shalimar Link Road", "Mughalpura", "Lahore", "54840")],
    "BD": [("Road 27", "Dhanmondi", "Dhaka", "1209"),
           ("Gulshan Avenue", "Gulshan 2", "Dhaka", "1212"),
           ("Kazi Nazrul Islam Avenue", "Kawran Bazar", "Dhaka", "1215"),
           ("CDA Avenue", "Nasirabad", "Chattogram", "4000"),
           ("Zindabazar Road", "Zindabazar", "Sylhet", "3100"),
           ("Sonargaon Janapath", "Sector 11, Uttara", "Dhaka", "1230"),
           ("Shahjalal Upashahar Road", "Block D", "Sylhet", "3100"),
           ("Station Road", "Shaheb Bazar", "Rajshahi", "6100")],
    "LK": [("Dharmapala Mawatha", "Colombo 07", "Colombo", "00700"),
           ("Peradeniya Road", "Mahaiyawa", "Kandy", "20000"),
           ("Havelock Road", "Colombo 05", "Colombo", "00500"),
           ("Lighthouse Street", "Fort", "Galle", "80000"),
           ("Kandy Road", "Kiribathgoda", "Kelaniya", "11600"),
           ("Stanley Thilakaratne Mawatha", "Nugegoda", "Nugegoda", "10250"),
           ("Railway Road", "Chilaw", "Chilaw", "61000"),
           ("Temple Road", "Mount Lavinia", "Dehiwala-Mount Lavinia", "10370")],
    "UA": [("vul. Saksahanskoho", "Holosiivskyi district", "Kyiv", "01033"),
           ("vul. Rishelievska", "Prymorskyi district", "Odesa", "65026"),
           ("prosp. Svobody", "Halytskyi district", "Lviv", "79008"),
           ("vul. Sumska", "Kyivskyi district", "Kharkiv", "61057"),
           ("vul. Yavornytskoho", "Tsentralnyi district", "Dnipro", "49000"),
           ("vul. Kotliarevskoho", "Podilskyi district", "Poltava", "36011"),
           ("vul. Soborna", "Tsentr", "Rivne", "33028"),
           ("vul. Pushkinska", "Tsentr", "Kherson", "73000")],
    "RS": [("Kneza Miloša", "Savski venac", "Beograd", "11000"),
           ("Bulevar oslobođenja", "Liman", "Novi Sad", "21000"),
           ("Cara Dušana", "Dorćol", "Beograd", "11158"),
           ("Vojvode Mišića", "Centar", "Niš", "18000"),
           ("Karađorđeva", "Centar", "Kragujevac", "34000"),
           ("Njegoševa", "Vračar", "Beograd", "11000"),
           ("Zmaj Jovina", "Stari grad", "Novi Sad", "21101"),
           ("Takovska", "Palilula", "Beograd", "11120")],
    "BG": [("ul. Graf Ignatiev", "Tsentar", "Sofia", "1000"),
           ("bul. Knyaginya Maria Luiza", "Tsentar", "Plovdiv", "4000"),
           ("ul. Tsar Shishman", "Oborishte", "Sofia", "1142"),
           ("ul. Drazki", "Odesos", "Varna", "9000"),
           ("ul. Aleksandrovska", "Tsentar", "Burgas", "8000"),
           ("bul. Tsarigradsko shose", "Mladost", "Sofia", "1784"),
           ("ul. Rakovski", "Vazrazhdane", "Ruse", "7000"),
           ("ul. Otets Paisiy", "Tsentar", "Stara Zagora", "6000")],
    "PY": [("Avda. Mariscal López", "Villa Morra", "Asunción", "1209"),
           ("Calle Palma", "Centro", "Asunción", "1209"),
           ("Avda. España", "Recoleta", "Asunción", "1530"),
           ("Calle Tacuary", "San Roque", "Asunción", "1412"),
           ("Avda. Carlos Antonio López", "Centro", "Encarnación", "6000"),
           ("Calle Yegros", "Barrio Obrero", "Asunción", "1516"),
           ("Avda. San Blas", "Km 4", "Ciudad del Este", "7000"),
           ("Calle Cerro Corá", "Sajonia", "Asunción", "1409")],
    "DO": [("Calle El Conde", "Zona Colonial", "Santo Domingo", "10210"),
           ("Av. Abraham Lincoln", "Piantini", "Santo Domingo", "10148"),
           ("Calle Padre Billini", "Ciudad Nueva", "Santo Domingo", "10211"),
           ("Av. Estrella Sadhalá", "Los Jardines", "Santiago de los Caballeros", "51000"),
           ("Calle Duarte", "Centro", "La Romana", "22000"),
           ("Av. Sarasota", "Bella Vista", "Santo Domingo", "10111"),
           ("Calle Beller", "Centro", "Puerto Plata", "57000"),
           ("Av. Gustavo Mejía Ricart", "Naco", "Santo Domingo", "10124")],
    "PA": [("Calle 50", "Obarrio", "Ciudad de Panamá", ""),
           ("Vía España", "Bella Vista", "Ciudad de Panamá", ""),
           ("Avenida Balboa", "Bella Vista", "Ciudad de Panamá", ""),
           ("Calle Uruguay", "El Cangrejo", "Ciudad de Panamá", ""),
           ("Avenida Justo Arosemena", "Calidonia", "Ciudad de Panamá", ""),
           ("Calle 3ra", "San Felipe", "Ciudad de Panamá", ""),
           ("Vía Porras", "San Francisco", "Ciudad de Panamá", ""),
           ("Calle Aquilino de la Guardia", "Marbella", "Ciudad de Panamá", "")],
    "TZ": [("Haile Selassie Road", "Masaki", "Dar es Salaam", "14111"),
           ("Samora Avenue", "Kisutu", "Dar es Salaam", "11101"),
           ("Old Moshi Road", "Kijenge", "Arusha", "23106"),
           ("Nyerere Road", "Kilimani", "Zanzibar", "71101"),
           ("Kenyatta Drive", "Isamilo", "Mwanza", "33101"),
           ("Toure Drive", "Oyster Bay", "Dar es Salaam", "14112"),
           ("Sokoine Road", "Levolosi", "Arusha", "23101"),
           ("Kawawa Road", "Kinondoni", "Dar es Salaam", "14110")],
    "MN": [("Peace Avenue", "Sukhbaatar District, 1st khoroo", "Ulaanbaatar", "14200"),
           ("Seoul Street", "Sukhbaatar District, 2nd khoroo", "Ulaanbaatar", "14251"),
           ("Chinggis Avenue", "Khan-Uul District, 3rd khoroo", "Ulaanbaatar", "17011"),
           ("Olympic Street", "Sukhbaatar District, 8th khoroo", "Ulaanbaatar", "14240"),
           ("Ikh Toiruu", "Bayanzurkh District, 4th khoroo", "Ulaanbaatar", "13343"),
           ("Zaisan Street", "Khan-Uul District, 11th khoroo", "Ulaanbaatar", "17042"),
           ("Baga Toiruu", "Chingeltei District, 1st khoroo", "Ulaanbaatar", "15160"),
           ("Narnii Road", "Bayangol District, 5th khoroo", "Ulaanbaatar", "16050")],
    "US": [("Wickham Hollow Road", "", "Lafayette, LA", "70503"),
           ("Quarry Ridge Lane", "", "Bozeman, MT", "59715"),
           ("Tamarack Bend Drive", "", "Duluth, MN", "55803"),
           ("Sassafras Court", "", "Lexington, KY", "40502"),
           ("Cobble Mill Road", "", "Burlington, VT", "05401"),
           ("Pokeweed Terrace", "", "Tulsa, OK", "74105"),
           ("Heron Marsh Way", "", "Beaufort, SC", "29902"),
           ("Pinyon Draw Street", "", "Flagstaff, AZ", "86001")],
}  # fmt: skip

COUNTRY_NAMES = {
    "PK": "Pakistan", "BD": "Bangladesh", "LK": "Sri Lanka", "UA": "Ukraine", "RS": "Serbia",
    "BG": "Bulgaria", "PY": "Paraguay", "DO": "Dominican Republic", "PA": "Panama",
    "TZ": "Tanzania", "MN": "Mongolia", "US": "USA",
}  # fmt: skip

COURIERS: dict[str, list[str]] = {
    "PK": ["TCS Express", "Leopards Courier", "M&P Express", "Trax Logistics"],
    "BD": ["Sundarban Courier", "SA Paribahan", "Pathao Courier", "RedX"],
    "LK": ["Prompt Xpress", "Domex Lanka", "Pronto Lanka", "Kapruka Delivery"],
    "UA": ["Nova Poshta", "Ukrposhta", "Meest Express", "Delivery Auto"],
    "RS": ["Post Express", "D Express", "AKS Express", "City Express"],
    "BG": ["Speedy", "Econt Express", "Bulgarian Posts", "Sameday Bulgaria"],
    "PY": ["AEX Paraguay", "Correo Paraguayo", "Monchito Envíos", "Asunción Cargo"],
    "DO": ["Vimenpaq", "Caribe Express", "Inposdom", "Mundo Cargo RD"],
    "PA": ["Correos de Panamá", "Uno Express", "Mail Boxes Etc. Panamá", "Panamá Courier Xpress"],
    "TZ": ["Posta Tanzania", "Dar Express Cargo", "Shabiby Parcels", "Safari Courier TZ"],
    "MN": ["Mongol Post", "Tuushin Express", "Gobi Courier", "UB Cargo Link"],
    "US": ["Pitney Bowes Parcel", "Jet Delivery Inc", "Courier Express US", "Eastern Connection"],
}  # fmt: skip

# PO box shapes per country: (box line template, rest after the box line).
BOXES: dict[str, str] = {
    "PK": "P.O. Box ####, GPO",
    "BD": "GPO Box ####",
    "LK": "P.O. Box ###",
    "UA": "a/s ##",
    "RS": "poštanski fah ##",
    "BG": "p.k. ###",
    "PY": "Casilla de Correo ####",
    "DO": "Apartado Postal ####",
    "PA": "Apartado 08##-0####",
    "TZ": "S.L.P. ####",
    "MN": "Ш/Х ##",
    "US": "PO Box ####",
}


@dataclass(frozen=True)
class Address:
    lines: list[str]
    part: str  # the street or box line

    def text(self, sep: str) -> str:
        return sep.join(self.lines)


def street_address(rng: random.Random, country: str, street: tuple[str, str, str, str]) -> Address:
    name, locality, city, postcode = street
    n, flat = rng.randrange(2, 240), rng.randrange(1, 40)
    if country == "PK":
        first = f"House {n}, {name}"
        rest = [locality, f"{city} {postcode}"]
    elif country == "BD":
        first = f"House {n}, {name}, Flat {rng.choice('ABCDE')}{rng.randrange(1, 9)}"
        rest = [locality, f"{city} {postcode}"]
    elif country == "LK":
        first = f"No. {n}/{rng.randrange(1, 9)}, {name}"
        rest = [locality, f"{city} {postcode}"] if locality != city else [f"{city} {postcode}"]
    elif country == "UA":
        first = f"{name}, {n}, kv. {flat}"
        rest = [f"{city}, {postcode}"]
    elif country == "RS":
        first = f"{name} {n}/{flat}"
        rest = [f"{postcode} {city}"]
    elif country == "BG":
        first = f"{name} {n}, et. {rng.randrange(1, 9)}, ap. {flat}"
        rest = [f"{postcode} {city}"]
    elif country == "PY":
        first = f"{name} {rng.randrange(100, 3000)} c/ {rng.choice(['Cruz del Chaco', 'Senador Long', 'Perú', 'Iturbe'])}"
        rest = [locality, f"{postcode} {city}"]
    elif country == "DO":
        first = f"{name} No. {n}, Apto. {rng.randrange(1, 9)}{rng.choice('ABC')}"
        rest = [locality, f"{city} {postcode}"]
    elif country == "PA":
        first = f"{name}, Edificio {rng.choice(['Torre Mar', 'Plaza Obarrio', 'Los Cedros', 'Vista Real'])}, Piso {rng.randrange(2, 30)}, Apto. {rng.randrange(2, 30)}{rng.choice('ABCD')}"
        rest = [locality, city]
    elif country == "TZ":
        first = f"Plot {n}, {name}"
        rest = [locality, f"{city} {postcode}"]
    elif country == "MN":
        first = f"{name}, Building {rng.randrange(1, 80)}, Apt {rng.randrange(1, 120)}"
        rest = [locality, f"{city} {postcode}"]
    else:
        first = f"{rng.randrange(100, 9900)} {name}, Apt {rng.randrange(1, 30)}{rng.choice('ABCD')}"
        rest = [f"{city} {postcode}"]
    return Address([first, *rest, COUNTRY_NAMES[country]], first)


def with_parity(text: str, parity: int) -> str:
    """``text`` with its last digit made even (0) or odd (1): box lines of the two halves
    then never coincide."""
    i = max(i for i, ch in enumerate(text) if ch.isdigit())
    digit = int(text[i]) // 2 * 2 + parity
    return f"{text[:i]}{digit}{text[i + 1 :]}"


def box_address(
    rng: random.Random, country: str, street: tuple[str, str, str, str], parity: int
) -> Address:
    _, _, city, postcode = street
    box = with_parity(fill(rng, BOXES[country]), parity)
    last = f"{city} {postcode}".strip() if country != "RS" else f"{postcode} {city}"
    return Address([box, last, COUNTRY_NAMES[country]], box)


def military(rng: random.Random, parity: int) -> Address:
    kind = rng.randrange(4)
    if kind == 0:
        line, last = (
            f"PSC {rng.randrange(1000, 3999)}, Box {rng.randrange(100, 9999)}",
            f"APO AE 09{rng.randrange(100, 999)}",
        )
    elif kind == 1:
        line, last = (
            f"Unit {rng.randrange(5000, 9999)} Box {rng.randrange(100, 9999)}",
            f"DPO AP 96{rng.randrange(200, 699)}-{rng.randrange(1000, 9999)}",
        )
    elif kind == 2:
        line, last = (
            f"CMR {rng.randrange(400, 499)} Box {rng.randrange(100, 9999)}",
            f"APO AE 09{rng.randrange(0, 99):03d}",
        )
    else:
        line, last = (
            f"Unit {rng.randrange(100100, 100999)} Box {rng.randrange(1, 99)}",
            f"FPO AA 340{rng.randrange(10, 99)}",
        )
    line = with_parity(line, parity)
    return Address([line, last], line)
