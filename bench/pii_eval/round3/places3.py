"""Round 3 streets, cities and postcodes per country, written by hand; and address shapes.

``address(rng, country, streets)`` renders an address of that country in its own format and
returns it with the parts that identify on their own: the street line (number, flat, floor)
and, where it points at a handful of houses, the postcode (PT, AR). Each street comes with the
city and postcode it is in (US streets are invented and take a US city at random).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.pii_eval.common import split_pool
from bench.pii_eval.round3.people3 import SEED3

COUNTRIES = ("AT", "CH", "BE", "PT", "CZ", "AR", "CO", "PH", "EG", "NZ", "US")

# Streets with the city and postcode (or district) they are in; US streets are invented and
# take a US city at random.
STREETS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "AT": (
        ("Lerchenfelder Straße", "Wien", "1070"),
        ("Schönbrunner Straße", "Wien", "1050"),
        ("Neubaugasse", "Wien", "1070"),
        ("Zieglergasse", "Wien", "1070"),
        ("Kaiserstraße", "Wien", "1070"),
        ("Leonhardstraße", "Graz", "8010"),
        ("Herrengasse", "Wien", "1010"),
        ("Landstraßer Hauptstraße", "Wien", "1030"),
        ("Pilgramgasse", "Wien", "1050"),
        ("Klosterneuburger Straße", "Wien", "1200"),
    ),
    "CH": (
        ("Seefeldstrasse", "Zürich", "8008"),
        ("Badenerstrasse", "Zürich", "8004"),
        ("Rue de Carouge", "Genève", "1205"),
        ("Spalenberg", "Basel", "4051"),
        ("Via Nassa", "Lugano", "6900"),
        ("Kramgasse", "Bern", "3011"),
        ("Hardturmstrasse", "Zürich", "8005"),
        ("Avenue de la Gare", "Lausanne", "1003"),
        ("Mühlebachstrasse", "Zürich", "8008"),
        ("Rue du Simplon", "Lausanne", "1006"),
    ),
    "BE": (
        ("Chaussée de Wavre", "Bruxelles", "1050"),
        ("Rue de la Loi", "Bruxelles", "1040"),
        ("Kortrijksesteenweg", "Gent", "9000"),
        ("Nationalestraat", "Antwerpen", "2000"),
        ("Rue Sainte-Walburge", "Liège", "4000"),
        ("Vlaamsekaai", "Antwerpen", "2000"),
        ("Avenue Louise", "Bruxelles", "1050"),
        ("Brugsesteenweg", "Gent", "9030"),
        ("Rue du Marché aux Herbes", "Bruxelles", "1000"),
        ("Overpoortstraat", "Gent", "9000"),
    ),
    "PT": (
        ("Rua de Cedofeita", "Porto", "4050"),
        ("Avenida Almirante Reis", "Lisboa", "1150"),
        ("Rua do Almada", "Porto", "4050"),
        ("Rua da Prata", "Lisboa", "1100"),
        ("Travessa do Carmo", "Lisboa", "1200"),
        ("Rua Ferreira Borges", "Coimbra", "3000"),
        ("Avenida de Roma", "Lisboa", "1000"),
        ("Rua de Santa Catarina", "Porto", "4000"),
        ("Calçada do Combro", "Lisboa", "1200"),
        ("Rua Sá da Bandeira", "Porto", "4000"),
    ),
    "CZ": (
        ("Vinohradská", "Praha 2", "120 00"),
        ("Korunní", "Praha 2", "120 00"),
        ("Bělehradská", "Praha 2", "120 00"),
        ("Milady Horákové", "Praha 7", "170 00"),
        ("Lidická", "Brno", "602 00"),
        ("Francouzská", "Praha 2", "120 00"),
        ("Veveří", "Brno", "602 00"),
        ("Husova", "Brno", "602 00"),
        ("Jugoslávských partyzánů", "Praha 6", "160 00"),
        ("Kamenická", "Praha 7", "170 00"),
    ),
    "AR": (
        ("Avenida Santa Fe", "CABA", "C1425"),
        ("Calle Honduras", "CABA", "C1414"),
        ("Avenida Rivadavia", "CABA", "C1406"),
        ("Calle Thames", "CABA", "C1414"),
        ("Avenida Callao", "CABA", "C1022"),
        ("Calle Gurruchaga", "CABA", "C1414"),
        ("Avenida Cabildo", "CABA", "C1426"),
        ("Calle Uriarte", "CABA", "C1414"),
        ("Avenida Pueyrredón", "CABA", "C1118"),
        ("Calle Arenales", "CABA", "C1425"),
    ),
    "CO": (
        ("Carrera 11", "Bogotá, D.C.", "110221"),
        ("Calle 85", "Bogotá, D.C.", "110221"),
        ("Carrera 43A", "Medellín, Antioquia", "050021"),
        ("Calle 10 Sur", "Medellín, Antioquia", "050022"),
        ("Avenida Carrera 15", "Bogotá, D.C.", "110111"),
        ("Calle 72", "Bogotá, D.C.", "110231"),
        ("Carrera 70", "Medellín, Antioquia", "050031"),
        ("Transversal 6", "Bogotá, D.C.", "110311"),
        ("Diagonal 40A", "Bogotá, D.C.", "111311"),
        ("Calle 53", "Barranquilla, Atlántico", "080020"),
    ),
    "PH": (
        ("Paseo de Roxas", "Makati City", "1226"),
        ("Jupiter Street", "Makati City", "1209"),
        ("Katipunan Avenue", "Quezon City", "1108"),
        ("Tomas Morato Avenue", "Quezon City", "1103"),
        ("Shaw Boulevard", "Mandaluyong City", "1552"),
        ("Aguirre Avenue", "Parañaque City", "1720"),
        ("Kalayaan Avenue", "Makati City", "1210"),
        ("Escolta Street", "Manila", "1006"),
        ("Banawe Street", "Quezon City", "1114"),
        ("Ortigas Avenue", "Pasig City", "1605"),
    ),
    "EG": (
        ("Gamet El Dowal El Arabeya Street", "Mohandessin, Giza", "12411"),
        ("Road 233", "Maadi, Cairo", "11728"),
        ("Syria Street", "Mohandessin, Giza", "12411"),
        ("Abbas El Akkad Street", "Nasr City, Cairo", "11765"),
        ("Makram Ebeid Street", "Nasr City, Cairo", "11765"),
        ("Mohamed Mazhar Street", "Zamalek, Cairo", "11211"),
        ("Road 9", "Maadi, Cairo", "11728"),
        ("Shehab Street", "Mohandessin, Giza", "12411"),
        ("El Thawra Street", "Heliopolis, Cairo", "11341"),
        ("Ahmed Orabi Street", "Mohandessin, Giza", "12411"),
    ),
    "NZ": (
        ("Karangahape Road", "Auckland", "1010"),
        ("Cuba Street", "Wellington", "6011"),
        ("Ponsonby Road", "Auckland", "1011"),
        ("Colombo Street", "Christchurch", "8011"),
        ("Dominion Road", "Auckland", "1024"),
        ("Tinakori Road", "Wellington", "6011"),
        ("Stuart Street", "Dunedin", "9016"),
        ("Riccarton Road", "Christchurch", "8041"),
        ("Jervois Road", "Auckland", "1011"),
        ("Victoria Avenue", "Auckland", "1050"),
    ),
    "US": (
        ("Larkin Hollow Road", "", ""),
        ("Quarry Ridge Road", "", ""),
        ("West Magnolia Avenue", "", ""),
        ("Old Mill Pike", "", ""),
        ("Cottonwood Drive", "", ""),
        ("Northgate Terrace", "", ""),
        ("Sawgrass Court", "", ""),
        ("Bluff Street", "", ""),
        ("Prairie Wind Way", "", ""),
        ("Hollis Bend Road", "", ""),
    ),
}

# US cities (city, ZIP); the other countries' cities come with their streets.
CITIES: dict[str, tuple[tuple[str, str], ...]] = {
    "US": (
        ("Boise, ID", "83706"),
        ("Tulsa, OK", "74104"),
        ("Madison, WI", "53703"),
        ("Knoxville, TN", "37916"),
        ("Spokane, WA", "99201"),
        ("Savannah, GA", "31401"),
    ),
}

MILITARY = (
    "PSC {a}, Box {b}\nAPO AE {zip}",
    "Unit {a} Box {b}\nDPO AE {zip}",
    "CMR {c} Box {b}\nAPO AE {zip}",
    "PSC {a} Box {b}\nFPO AP {zip2}",
)
PO_BOXES: dict[str, tuple[str, str]] = {
    # country: (box line, city line)
    "AT": ("Postfach {n}", "1011 Wien"),
    "CH": ("Case postale {n}", "1211 Genève 3"),
    "BE": ("Postbus {n}", "9000 Gent"),
    "PT": ("Apartado {n}", "4001-901 Porto"),
    "CZ": ("P. O. Box {n}", "111 21 Praha 1"),
    "AR": ("Casilla de Correo {n}", "X5000 Córdoba"),
    "CO": ("Apartado Aéreo {n}", "Medellín, Antioquia"),
    "PH": ("P.O. Box {n}", "Makati Central Post Office, 1200 Makati City"),
    "EG": ("P.O. Box {n}", "Cairo 11511"),
    "NZ": ("Private Bag {n}", "Christchurch 8140"),
}


@dataclass(frozen=True)
class Address:
    text: str
    country: str
    parts: tuple[str, ...]


def streets_for(half: str) -> dict[str, list[tuple[str, str, str]]]:
    return {c: split_pool(s, half, f"r3:streets:{c}", SEED3) for c, s in STREETS.items()}


def address(
    rng: random.Random, country: str, streets: dict[str, list[tuple[str, str, str]]], sep: str
) -> Address:
    street, city, code = rng.choice(streets[country])
    if not city:
        city, code = rng.choice(CITIES[country])
    n = rng.randrange(2, 240)
    fine: tuple[str, ...] = ()
    if country == "AT":
        line, last = f"{street} {n}/{rng.randrange(1, 9)}/{rng.randrange(1, 30)}", f"{code} {city}"
    elif country == "CH":
        line, last = f"{street} {n}", f"{code} {city}"
    elif country == "BE":
        box = f" bus {rng.randrange(1, 20)}" if rng.random() < 0.4 else ""
        line, last = f"{street} {n}{box}", f"{code} {city}"
    elif country == "PT":
        floor = rng.choice(("1.º Esq.", "2.º Dto.", "3.º", "R/C"))
        code = f"{code}-{rng.randrange(0, 999):03d}"
        line, last = f"{street}, {n}, {floor}", f"{code} {city}"
        fine = (code,)
    elif country == "CZ":
        line, last = f"{street} {rng.randrange(100, 2500)}/{n}", f"{code} {city}"
    elif country == "AR":
        code = code + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
        line = f"{street} {rng.randrange(100, 4800)}, Piso {rng.randrange(1, 12)} Dto. {rng.choice('ABCDEF')}"
        last = f"{code} {city}"
        fine = (code,)
    elif country == "CO":
        line = f"{street} # {rng.randrange(1, 120)}-{n}, Apto {rng.randrange(101, 1204)}"
        last = f"{city} {code}"
    elif country == "PH":
        unit = f"Unit {rng.randrange(2, 40)}{rng.choice('ABCDEF')}, "
        line, last = f"{unit}{n} {street}", f"{city}, {code}"
    elif country == "EG":
        line = f"Apartment {rng.randrange(1, 30)}, {n} {street}"
        last = f"{city} {code}"
    elif country == "NZ":
        flat = f"Flat {rng.randrange(1, 12)}, " if rng.random() < 0.4 else ""
        line, last = f"{flat}{n} {street}", f"{city} {code}"
    else:
        apt = f", Apt {rng.randrange(1, 40)}{rng.choice('ABC')}" if rng.random() < 0.4 else ""
        line, last = f"{rng.randrange(100, 9900)} {street}{apt}", f"{city} {code}"
    return Address(f"{line}{sep}{last}", country, (line, *fine))


def military(rng: random.Random) -> Address:
    shape = rng.choice(MILITARY)
    a, b, c = rng.randrange(1001, 9999), rng.randrange(1, 9999), rng.randrange(400, 490)
    text = shape.format(
        a=a, b=b, c=c, zip=f"09{rng.randrange(0, 999):03d}", zip2=f"96{rng.randrange(200, 699)}"
    )
    return Address(text, "military", (text.split("\n")[0],))


def po_box(rng: random.Random, country: str, sep: str) -> Address:
    box, city = PO_BOXES[country]
    line = box.format(n=rng.randrange(12, 9000))
    return Address(f"{line}{sep}{city}", "po_box", (line,))
