"""Round 8 streets, couriers and address shapes, typed by hand from general knowledge."""

from __future__ import annotations

import random

STREETS: dict[str, list[str]] = {
    "EC": ["Av. Gaspar de Villarroel", "Calle Ulpiano Páez", "Av. Eloy Alfaro", "Calle Lizardo García", "Av. Isabel La Católica", "Calle Juan León Mera", "Av. Mariscal Sucre", "Calle Reina Victoria"],
    "BO": ["Calle Fernando Guachalla", "Av. Ecuador", "Calle Rosendo Gutiérrez", "Av. Arce", "Calle Belisario Salinas", "Av. Sánchez Lima", "Calle Pedro Salazar", "Av. Hernando Siles"],
    "GH": ["Boundary Road", "Lagos Avenue", "Jubilee Crescent", "Oxford Street", "Kofi Annan Avenue", "Senchi Street", "Nii Nortei Nyanchi Street", "Dzorwulu Link"],
    "TN": ["Rue de Marseille", "Rue Ibn Khaldoun", "Rue de Palestine", "Rue d'Alger", "Rue Lénine", "Avenue Mohamed V", "Rue du Lac Biwa", "Rue Charles de Gaulle"],
    "JO": ["Mecca Street", "Rainbow Street", "Wasfi Al-Tal Street", "Abdullah Ghosheh Street", "Zahran Street", "Mohammad Al-Sa'd Al-Batayneh Street", "Ibn Khaldoun Street", "Al-Kulliyah Al-Ilmiyah Al-Islamiyah Street"],
    "IL": ["Rehov Sheinkin", "Rehov Bialik", "Rehov Ahad Ha'Am", "Rehov Emek Refaim", "Rehov Yehuda HaMaccabi", "Rehov Ibn Gabirol", "Rehov Hillel", "Rehov Frishman"],
    "TW": ["Yongkang St.", "Jinhua St.", "Heping E. Rd.", "Xinsheng S. Rd.", "Minsheng E. Rd.", "Guangfu S. Rd.", "Anhe Rd.", "Tingzhou Rd."],
    "CR": ["Calle 33", "Avenida Escazú", "Calle Los Negritos", "Avenida 10", "Calle La Ribera", "Avenida Central de Sabanilla", "Calle El Carmen", "Avenida 8"],
    "US": ["Chokecherry Hollow Road", "Quillfeather Lane", "Bramblewick Court", "Saltmeadow Drive", "Ironquill Avenue", "Heronsgate Terrace", "Copperkettle Way", "Foxmere Parkway"],
}  # fmt: skip

COURIERS: dict[str, list[str]] = {
    "EC": ["Urbano Express Ecuador", "Tramaco Express", "Laarcourier", "Correos del Ecuador"],
    "BO": ["Ecobol", "Trans Copacabana", "BoA Cargo", "Flota Bolívar"],
    "GH": ["Ghana Post EMS", "Speedaf Ghana", "Swift Courier Accra", "Fast Mover Accra"],
    "TN": ["Rapid-Poste", "Tunisie Colis", "Aramex Tunis", "Best Delivery Tunisie"],
    "JO": ["Jordan Post", "Naqel Express", "Aramex Amman", "SMSA Jordan"],
    "IL": ["Israel Post", "HFD", "Cheetah Delivery", "Baldar"],
    "TW": ["Chunghwa Post", "T-Cat", "Hsinchu Logistics", "Kerry TJ"],
    "CR": ["Correos de Costa Rica", "Moovin", "Pack & Go CR", "Mensajería Ágil"],
    "US": ["Jitsu Courier", "LaserShip", "Lone Star Overnight", "Axlehire"],
}  # fmt: skip

CITIES: dict[str, list[tuple[str, str]]] = {
    "EC": [("Quito", "1701"), ("Guayaquil", "0901"), ("Cuenca", "0101")],
    "BO": [("La Paz", ""), ("Santa Cruz de la Sierra", ""), ("Cochabamba", "")],
    "GH": [("Accra", "GA"), ("Kumasi", "AK"), ("Tamale", "NT")],
    "TN": [("Tunis", "10"), ("Sfax", "30"), ("Sousse", "40")],
    "JO": [("Amman", "11"), ("Irbid", "21"), ("Zarqa", "13")],
    "IL": [("Tel Aviv-Yafo", "61"), ("Jerusalem", "91"), ("Haifa", "31")],
    "TW": [("Taipei City", "1"), ("Taichung City", "4"), ("Kaohsiung City", "8")],
    "CR": [("San José", "10"), ("Heredia", "40"), ("Cartago", "30")],
    "US": [("Bozeman, MT", "597"), ("Greenville, SC", "296"), ("Fargo, ND", "581")],
}

BOXES: dict[str, str] = {
    "EC": "Casilla Postal {n}",
    "BO": "Casilla de Correo {n}",
    "GH": "P.O. Box CT {n}",
    "TN": "B.P. {n}",
    "JO": "P.O. Box {n}",
    "IL": "P.O.B. {n}",
    "TW": "P.O. Box {n}",
    "CR": "Apartado Postal {n}",
    "US": "PO Box {n}",
}

COUNTRY_NAMES = {
    "EC": "Ecuador", "BO": "Bolivia", "GH": "Ghana", "TN": "Tunisia", "JO": "Jordan",
    "IL": "Israel", "TW": "Taiwan", "CR": "Costa Rica", "US": "USA",
}  # fmt: skip


def address(r: random.Random, country: str, street: str) -> tuple[str, tuple[str, ...]]:
    """(address text, parts): the street line, and the postcode where it is fine-grained."""
    city, code = r.choice(CITIES[country])
    n = r.randrange(2, 980)
    flat = r.randrange(1, 40)
    if country == "EC":
        line = f"{street} N{r.randrange(20, 60)}-{n}, Dpto. {flat}"
        return f"{line}, {city} {code}{r.randrange(10, 99)}", (line,)
    if country == "BO":
        line = f"{street} N° {n}, Piso {r.randrange(1, 12)}"
        return f"{line}, Zona Sopocachi, {city}", (line,)
    if country == "GH":
        line = f"House No. {n}, {street}"
        gps = f"{code}-{r.randrange(100, 999)}-{r.randrange(1000, 9999)}"
        return f"{line}, {city} ({gps})", (line, gps)
    if country == "TN":
        line = f"{n}, {street}"
        return f"{line}, Appt {flat}, {code}{r.randrange(10, 99)} {city}", (line,)
    if country == "JO":
        line = f"Building {n}, {street}, Apt {flat}"
        return f"{line}, {city} {code}{r.randrange(100, 999)}", (line,)
    if country == "IL":
        line = f"{street} {n}, Apt {flat}"
        postcode = f"{code}{r.randrange(10000, 99999)}"
        return f"{line}, {city} {postcode}", (line, postcode)
    if country == "TW":
        line = f"No. {n}, Ln. {r.randrange(2, 300)}, {street}"
        return (
            f"{line}, {r.choice(['Da’an', 'Xinyi', 'Zhongshan'])} Dist., {city} {code}{r.randrange(0, 99):02d}",
            (line,),
        )
    if country == "CR":
        line = f"{street}, casa {n}"
        return f"{line}, 200 m norte de la iglesia, {city} {code}{r.randrange(100, 999)}", (line,)
    line = f"{n} {street}, Apt {flat}"
    state = city.split(", ")[1]
    return f"{line}\n{city.split(', ')[0]}, {state} {code}{r.randrange(10, 99)}", (line,)


def po_box(r: random.Random, country: str) -> tuple[str, tuple[str, ...]]:
    city, code = r.choice(CITIES[country])
    box = BOXES[country].format(n=r.randrange(100, 99999))
    return f"{box}, {city} {code if country in ('EC', 'TN', 'JO', 'CR') else ''}".rstrip(), (box,)


RANKS = ["SSgt", "PO1", "CPT", "SPC", "LCpl", "Lt Col", "CMSgt", "YN3"]


def military(r: random.Random) -> tuple[str, tuple[str, ...]]:
    kind = r.randrange(4)
    if kind == 0:
        line = f"PSC {r.randrange(1000, 9999)}, Box {r.randrange(100, 9999)}"
        return f"{line}\nAPO AE 09{r.randrange(100, 999)}", (line,)
    if kind == 1:
        line = f"Unit {r.randrange(2000, 9999)} Box {r.randrange(100, 9999)}"
        return f"{line}\nDPO AP 96{r.randrange(200, 699)}-{r.randrange(1000, 9999)}", (line,)
    if kind == 2:
        line = f"CMR {r.randrange(400, 499)} Box {r.randrange(100, 9999)}"
        return f"{line}\nAPO AE 09{r.randrange(100, 999)}", (line,)
    line = f"USS Chosin (CG {r.randrange(60, 74)}), Unit {r.randrange(100000, 999999)}"
    return f"{line}\nFPO AP 96{r.randrange(600, 699)}", (line,)
