"""Round 3 streets, cities and postcodes per country, written by hand; and address shapes.

``address(rng, country, streets)`` renders an address of that country in its own format and
returns it with the parts that identify on their own: the street line (number, flat, floor)
and, where it points at a handful of houses, the postcode (PT, AR).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.pii_eval.common import split_pool
from bench.pii_eval.round3.people3 import SEED3

COUNTRIES = ("AT", "CH", "BE", "PT", "CZ", "AR", "CO", "PH", "EG", "NZ", "US")

STREETS: dict[str, tuple[str, ...]] = {
    "AT": (
        "Lerchenfelder Straße",
        "Schönbrunner Straße",
        "Neubaugasse",
        "Zieglergasse",
        "Kaiserstraße",
        "Leonhardstraße",
        "Herrengasse",
        "Landstraßer Hauptstraße",
        "Pilgramgasse",
        "Klosterneuburger Straße",
    ),
    "CH": (
        "Seefeldstrasse",
        "Badenerstrasse",
        "Rue de Carouge",
        "Spalenberg",
        "Via Nassa",
        "Kramgasse",
        "Hardturmstrasse",
        "Avenue de la Gare",
        "Mühlebachstrasse",
        "Rue du Simplon",
    ),
    "BE": (
        "Chaussée de Wavre",
        "Rue de la Loi",
        "Kortrijksesteenweg",
        "Nationalestraat",
        "Rue Sainte-Walburge",
        "Vlaamsekaai",
        "Avenue Louise",
        "Brugsesteenweg",
        "Rue du Marché aux Herbes",
        "Overpoortstraat",
    ),
    "PT": (
        "Rua de Cedofeita",
        "Avenida Almirante Reis",
        "Rua do Almada",
        "Rua da Prata",
        "Travessa do Carmo",
        "Rua Ferreira Borges",
        "Avenida de Roma",
        "Rua de Santa Catarina",
        "Calçada do Combro",
        "Rua Sá da Bandeira",
    ),
    "CZ": (
        "Vinohradská",
        "Korunní",
        "Bělehradská",
        "Milady Horákové",
        "Lidická",
        "Francouzská",
        "Veveří",
        "Husova",
        "Jugoslávských partyzánů",
        "Kamenická",
    ),
    "AR": (
        "Avenida Santa Fe",
        "Calle Honduras",
        "Avenida Rivadavia",
        "Calle Thames",
        "Avenida Callao",
        "Calle Gurruchaga",
        "Avenida Cabildo",
        "Calle Uriarte",
        "Avenida Pueyrredón",
        "Calle Arenales",
    ),
    "CO": (
        "Carrera 11",
        "Calle 85",
        "Carrera 43A",
        "Calle 10 Sur",
        "Avenida Carrera 15",
        "Calle 72",
        "Carrera 70",
        "Transversal 6",
        "Diagonal 40A",
        "Calle 53",
    ),
    "PH": (
        "Paseo de Roxas",
        "Jupiter Street",
        "Katipunan Avenue",
        "Tomas Morato Avenue",
        "Shaw Boulevard",
        "Aguirre Avenue",
        "Kalayaan Avenue",
        "Escolta Street",
        "Banawe Street",
        "Ortigas Avenue",
    ),
    "EG": (
        "Gamet El Dowal El Arabeya Street",
        "Road 233",
        "Syria Street",
        "Abbas El Akkad Street",
        "Makram Ebeid Street",
        "Mohamed Mazhar Street",
        "Road 9",
        "Shehab Street",
        "El Thawra Street",
        "Ahmed Orabi Street",
    ),
    "NZ": (
        "Karangahape Road",
        "Cuba Street",
        "Ponsonby Road",
        "Colombo Street",
        "Dominion Road",
        "Tinakori Road",
        "Stuart Street",
        "Riccarton Road",
        "Jervois Road",
        "Victoria Avenue",
    ),
    "US": (
        "Larkin Hollow Road",
        "Quarry Ridge Road",
        "West Magnolia Avenue",
        "Old Mill Pike",
        "Cottonwood Drive",
        "Northgate Terrace",
        "Sawgrass Court",
        "Bluff Street",
        "Prairie Wind Way",
        "Hollis Bend Road",
    ),
}

# (city, postcode or district, region) per country; postcodes are coarse unless PT/AR.
CITIES: dict[str, tuple[tuple[str, str], ...]] = {
    "AT": (
        ("Wien", "1070"),
        ("Wien", "1050"),
        ("Graz", "8010"),
        ("Linz", "4020"),
        ("Innsbruck", "6020"),
        ("Salzburg", "5020"),
    ),
    "CH": (
        ("Zürich", "8008"),
        ("Genève", "1205"),
        ("Basel", "4051"),
        ("Bern", "3011"),
        ("Lugano", "6900"),
        ("Lausanne", "1003"),
    ),
    "BE": (
        ("Bruxelles", "1040"),
        ("Gent", "9000"),
        ("Liège", "4000"),
        ("Antwerpen", "2000"),
        ("Brugge", "8000"),
        ("Leuven", "3000"),
    ),
    "PT": (
        ("Lisboa", "1150"),
        ("Porto", "4050"),
        ("Coimbra", "3000"),
        ("Braga", "4700"),
        ("Faro", "8000"),
        ("Aveiro", "3810"),
    ),
    "CZ": (
        ("Praha 2", "120 00"),
        ("Praha 7", "170 00"),
        ("Brno", "602 00"),
        ("Ostrava", "702 00"),
        ("Plzeň", "301 00"),
        ("Olomouc", "779 00"),
    ),
    "AR": (
        ("CABA", "C1425"),
        ("Córdoba", "X5000"),
        ("Rosario", "S2000"),
        ("Mendoza", "M5500"),
        ("La Plata", "B1900"),
        ("CABA", "C1414"),
    ),
    "CO": (
        ("Bogotá, D.C.", "110221"),
        ("Medellín, Antioquia", "050021"),
        ("Cali, Valle del Cauca", "760042"),
        ("Barranquilla, Atlántico", "080020"),
        ("Bucaramanga, Santander", "680003"),
    ),
    "PH": (
        ("Makati City", "1226"),
        ("Quezon City", "1108"),
        ("Pasig City", "1605"),
        ("Taguig City", "1634"),
        ("Cebu City", "6000"),
        ("Davao City", "8000"),
    ),
    "EG": (
        ("Mohandessin, Giza", "12411"),
        ("Nasr City, Cairo", "11765"),
        ("Maadi, Cairo", "11728"),
        ("Heliopolis, Cairo", "11341"),
        ("Dokki, Giza", "12311"),
        ("Smouha, Alexandria", "21615"),
    ),
    "NZ": (
        ("Auckland", "1010"),
        ("Wellington", "6011"),
        ("Christchurch", "8011"),
        ("Dunedin", "9016"),
        ("Hamilton", "3204"),
        ("Auckland", "1021"),
    ),
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


def streets_for(half: str) -> dict[str, list[str]]:
    return {c: split_pool(s, half, f"r3:streets:{c}", SEED3) for c, s in STREETS.items()}


def address(rng: random.Random, country: str, streets: dict[str, list[str]], sep: str) -> Address:
    street = rng.choice(streets[country])
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
