"""Round 7 streets, cities, couriers and phone shapes per country, typed by hand.

None of SK, HR, RO, EE, LV, SI, PE, UY, MA, LU was an address country of rounds 1–6; US
streets are invented and only used beside military mail and PO boxes.
"""

from __future__ import annotations

import random
import zlib

from bench.pii_eval.round7.common7 import fill

STREETS: dict[str, list[str]] = {
    "SK": ["Obchodná", "Špitálska", "Karpatská", "Záhradnícka", "Mlynské nivy", "Palisády", "Legionárska", "Štefánikova"],
    "HR": ["Ilica", "Vlaška ulica", "Savska cesta", "Tkalčićeva ulica", "Jurišićeva ulica", "Ulica kneza Domagoja", "Marmontova ulica", "Zagrebačka cesta"],
    "RO": ["Strada Lipscani", "Strada Covaci", "Bulevardul Dacia", "Strada Popa Nan", "Calea Moșilor", "Strada Horea", "Strada Memorandumului", "Strada Sforii"],
    "EE": ["Pikk", "Uus", "Tartu maantee", "Kalamaja tänav", "Kotzebue", "Rüütli", "Vanemuise", "Jakobi"],
    "LV": ["Brīvības iela", "Tērbatas iela", "Ģertrūdes iela", "Valdemāra iela", "Lāčplēša iela", "Matīsa iela", "Stabu iela", "Aleksandra Čaka iela"],
    "SI": ["Trubarjeva cesta", "Slovenska cesta", "Gosposvetska cesta", "Mestni trg", "Celovška cesta", "Prešernova ulica", "Koroška cesta", "Tržaška cesta"],
    "PE": ["Av. José Larco", "Jr. de la Unión", "Av. Arequipa", "Calle Schell", "Av. Benavides", "Jr. Huallaga", "Av. Angamos Oeste", "Calle Berlín"],
    "UY": ["Av. 18 de Julio", "Calle Sarandí", "Bulevar Artigas", "Calle Rincón", "Av. Brasil", "Calle Paraguay", "Av. Rivera", "Calle Ellauri"],
    "MA": ["Rue Moulay Youssef", "Boulevard Zerktouni", "Rue Tarik Ibn Ziad", "Avenue Hassan Seghir", "Rue Ibnou Mounir", "Boulevard Anfa", "Rue Soumaya", "Avenue Lalla Yacout"],
    "LU": ["rue de la Gare", "avenue de la Liberté", "rue Philippe II", "boulevard Royal", "rue de Hollerich", "route d'Arlon", "rue du Fossé", "Grand-Rue"],
    "US": ["Quillback Lane", "Tamarack Hollow Road", "Bluestem Court", "Pawpaw Ridge Drive", "Sassafras Bend", "Kingfisher Run", "Redbud Terrace", "Osage Orange Way"],
}  # fmt: skip

# (city, postcode, region line) per country.
CITIES: dict[str, list[tuple[str, str]]] = {
    "SK": [("Bratislava", "811 06"), ("Košice", "040 01"), ("Žilina", "010 01"), ("Nitra", "949 01")],
    "HR": [("Zagreb", "10000"), ("Split", "21000"), ("Rijeka", "51000"), ("Osijek", "31000")],
    "RO": [("București", "030031"), ("Cluj-Napoca", "400124"), ("Timișoara", "300077"), ("Brașov", "500030")],
    "EE": [("Tallinn", "10133"), ("Tartu", "51004"), ("Pärnu", "80010"), ("Narva", "20308")],
    "LV": [("Rīga", "LV-1001"), ("Liepāja", "LV-3401"), ("Jelgava", "LV-3001"), ("Daugavpils", "LV-5401")],
    "SI": [("Ljubljana", "1000"), ("Maribor", "2000"), ("Celje", "3000"), ("Koper", "6000")],
    "PE": [("Miraflores, Lima", "15074"), ("San Isidro, Lima", "15073"), ("Cercado de Lima", "15001"), ("Arequipa", "04001")],
    "UY": [("Montevideo", "11200"), ("Montevideo", "11100"), ("Salto", "50000"), ("Maldonado", "20000")],
    "MA": [("Casablanca", "20070"), ("Rabat", "10000"), ("Marrakech", "40000"), ("Tanger", "90000")],
    "LU": [("Luxembourg", "L-1616"), ("Esch-sur-Alzette", "L-4010"), ("Differdange", "L-4501"), ("Ettelbruck", "L-9010")],
    "US": [("Bozeman, MT", "59715"), ("Fayetteville, AR", "72701"), ("Laramie, WY", "82070"), ("Ames, IA", "50010")],
}  # fmt: skip

# Couriers and national posts per country; protected, split per country.
COURIERS: dict[str, list[str]] = {
    "SK": ["Slovenská pošta", "SPS Slovak Parcel Service", "Packeta Slovakia", "Express One SK"],
    "HR": ["Hrvatska pošta", "Overseas Express", "BoxNow Hrvatska", "Paket24"],
    "RO": ["Poșta Română", "Fan Courier", "Sameday", "Nemo Express"],
    "EE": ["Hansa Kuller", "Itella SmartPOST", "DPD Eesti", "Itella Eesti"],
    "LV": ["Latvijas Pasts", "DPD Latvija", "Omniva Latvija", "Pakomāts Express"],
    "SI": ["Pošta Slovenije", "Intereuropa Express", "Direct4me", "Hitra pošta"],
    "PE": ["Serpost", "Olva Courier", "Shalom Empresarial", "Urbaner"],
    "UY": ["Correo Uruguayo", "DAC Encomiendas", "UES Uruguay", "Mirtrans"],
    "MA": ["Barid Al-Maghrib", "Amana Messagerie", "CTM Messagerie", "Sendit Maroc"],
    "LU": ["POST Luxembourg", "Luxcargo", "Bee Express", "Dicom Luxembourg"],
    "US": ["Military Ship Flat Rate", "Space-Available Mail", "First-Class Package to APO", "Retail Ground to FPO"],
}  # fmt: skip

# (international, national) shapes; X is a digit, both shapes share the digits.
PHONES: dict[str, tuple[str, str]] = {
    "SK": ("+421 9XX XXX XXX", "09XX XXX XXX"),
    "HR": ("+385 91 XXX XXXX", "091 XXX XXXX"),
    "RO": ("+40 72X XXX XXX", "072X XXX XXX"),
    "EE": ("+372 5XXX XXXX", "5XXX XXXX"),
    "LV": ("+371 2XXX XXXX", "2XXX XXXX"),
    "SI": ("+386 41 XXX XXX", "041 XXX XXX"),
    "PE": ("+51 9XX XXX XXX", "9XX XXX XXX"),
    "UY": ("+598 9X XXX XXX", "09X XXX XXX"),
    "MA": ("+212 6 XX XX XX XX", "06 XX XX XX XX"),
    "LU": ("+352 621 XXX XXX", "621 XXX XXX"),
    "US": ("+1 808 XXX XXXX", "(808) XXX-XXXX"),
    "MM": ("+95 9 XXX XXX XXX", "09 XXX XXX XXX"),
    "KH": ("+855 12 XXX XXX", "012 XXX XXX"),
    "ZW": ("+263 77 XXX XXXX", "077 XXX XXXX"),
    "MG": ("+261 34 XX XXX XX", "034 XX XXX XX"),
    "FR": ("+33 6 XX XX XX XX", "06 XX XX XX XX"),
    "UZ": ("+998 90 XXX XX XX", "90 XXX XX XX"),
    "AZ": ("+994 50 XXX XX XX", "050 XXX XX XX"),
    "AF": ("+93 70 XXX XXXX", "070 XXX XXXX"),
    "SN": ("+221 77 XXX XX XX", "77 XXX XX XX"),
    "MT": ("+356 99XX XXXX", "99XX XXXX"),
    "BG": ("+359 88 XXX XXXX", "088 XXX XXXX"),
    "LA": ("+856 20 55XX XXXX", "020 55XX XXXX"),
    "IQ": ("+964 750 XXX XXXX", "0750 XXX XXXX"),
}  # fmt: skip


def phone(r: random.Random, country: str) -> tuple[str, str]:
    """The same number in international and national form."""
    intl, national = PHONES[country]
    number = fill(r, intl)
    got = iter(d for d, t in zip(number, intl, strict=True) if t == "X")
    return number, "".join(next(got) if ch == "X" else ch for ch in national)


def _number(r: random.Random, country: str) -> str:
    if country in ("PE", "UY", "MA", "LU"):
        return str(r.randint(100, 2400))
    return str(r.randint(1, 140))


def street_address(r: random.Random, country: str, street: str) -> tuple[str, tuple[str, ...]]:
    """A postal address in the country's format, and its identifying parts."""
    city, code = r.choice(CITIES[country])
    n = _number(r, country)
    flat = r.randint(1, 48)
    if country == "SK":
        line = f"{street} {r.randint(1, 3)}{r.randint(10, 99)}/{n}"
        return f"{line}, {code} {city}", (line,)
    if country == "HR":
        line = f"{street} {n}"
        return f"{line}, {code} {city}", (line,)
    if country == "RO":
        # A Romanian postcode points at a street or a block: one per street, so halves differ.
        code = f"{code[:2]}{zlib.crc32(street.encode()) % 10000:04d}"
        line = f"{street} nr. {n}, bl. {r.choice('ABCM')}{r.randint(1, 9)}, sc. {r.randint(1, 3)}, ap. {flat}"
        return f"{line}, {city} {code}", (line, code)
    if country == "EE":
        line = f"{street} {n}-{flat}"
        return f"{line}, {code} {city}", (line,)
    if country == "LV":
        line = f"{street} {n}-{flat}"
        return f"{line}, {city}, {code}", (line,)
    if country == "SI":
        line = f"{street} {n}"
        return f"{line}, {code} {city}", (line,)
    if country == "PE":
        line = f"{street} {n}, Dpto. {r.randint(1, 12)}0{r.randint(1, 4)}"
        return f"{line}, {city} {code}", (line,)
    if country == "UY":
        line = f"{street} {n}, apto. {r.randint(1, 12)}0{r.randint(1, 4)}"
        return f"{line}, {code} {city}", (line,)
    if country == "MA":
        line = f"{n}, {street}, Appt {flat}"
        return f"{line}, {code} {city}", (line,)
    if country == "LU":
        line = f"{n}, {street}"
        return f"{line}, {code} {city}", (line,)
    line = f"{n} {street}"
    return f"{line}, {city} {code}", (line,)


def po_box(r: random.Random, country: str) -> tuple[str, tuple[str, ...]]:
    """A PO box in the country's own words, and the box line."""
    city, code = r.choice(CITIES[country])
    box = str(r.randint(12, 3980))
    lines = {
        "SK": f"poštový priečinok {box}",
        "HR": f"p.p. {box}",
        "RO": f"C.P. {box}, O.P. {r.randint(1, 60)}",
        "EE": f"postkast {box}",
        "LV": f"pasta kastīte {box}",
        "SI": f"p. p. {box}",
        "PE": f"Casilla Postal {box}",
        "UY": f"Casilla de Correo {box}",
        "MA": f"B.P. {box}",
        "LU": f"Boîte Postale {box}",
        "US": f"PO Box {box}",
    }
    line = lines[country]
    if country == "LV":
        return f"{line}, {city}, {code}", (line,)
    if country in ("PE", "US"):
        return f"{line}, {city} {code}", (line,)
    return f"{line}, {code} {city}", (line,)


RANKS = ["SPC", "SGT", "CPL", "SFC", "1LT", "CPT", "PFC", "HM2", "YN1", "LTJG", "TSgt", "A1C", "GySgt", "LCpl"]  # fmt: skip


def military(r: random.Random) -> tuple[str, tuple[str, ...]]:
    """A US military address (APO/FPO/DPO) and its unit/box line."""
    shape = r.randrange(4)
    if shape == 0:
        line = f"PSC {r.randint(1000, 9999)}, Box {r.randint(100, 9999)}"
        tail = f"APO AE 09{r.randint(100, 899)}"
    elif shape == 1:
        line = f"CMR {r.randint(400, 499)}, Box {r.randint(100, 9999)}"
        tail = f"APO AE 09{r.randint(100, 899)}"
    elif shape == 2:
        line = f"Unit {r.randint(2000, 9999)}, Box {r.randint(100, 9999)}"
        tail = (
            r.choice(["DPO AP 96", "DPO AE 09", "APO AP 96"])
            + f"{r.randint(200, 599)}-{r.randint(1000, 9999)}"
        )
    else:
        line = f"USS {r.choice(['Halyard', 'Chesterfield', 'Brackwater', 'Tolland'])} (DDG {r.randint(120, 140)})"
        zone, width = r.choice([("AP 96", 3), ("AE 09", 3), ("AA 340", 2)])
        tail = f"FPO {zone}{r.randint(10 ** (width - 1), 10**width - 1)}"
        line = f"{line}, Unit {r.randint(100000, 100999)}"
    return f"{line}, {tail}", (line,)
