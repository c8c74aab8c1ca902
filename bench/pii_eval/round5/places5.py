"""Round-5 streets, localities, PO boxes and couriers, typed by hand; national formats.

Countries: NO, FI, DK, CL, MY, TH (romanised), VN, AU, CA, HU, US, and US military mail.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

STREETS: dict[str, list[str]] = {
    "no": [
        "Thorvald Meyers gate",
        "Bygdøy allé",
        "Kong Oscars gate",
        "Møllendalsveien",
        "Trondheimsveien",
        "Olav Kyrres gate",
        "Fjellveien",
        "Sandviksveien",
    ],
    "fi": [
        "Hämeenkatu",
        "Satakunnankatu",
        "Puistokatu",
        "Kauppakatu",
        "Rautatienkatu",
        "Itäinen Pitkäkatu",
        "Tehtaankatu",
        "Vuorikatu",
    ],
    "dk": [
        "Jægergårdsgade",
        "Istedgade",
        "Sankt Hans Gade",
        "Borgergade",
        "Dalgas Boulevard",
        "Klostergade",
        "Vestergade",
        "Ryesgade",
    ],
    "cl": [
        "Avenida Providencia",
        "Calle Merced",
        "Avenida Irarrázaval",
        "Calle Huérfanos",
        "Avenida Ossa",
        "Calle Condell",
        "Pasaje Tucapel",
        "Avenida Grecia",
    ],
    "my": [
        "Jalan SS 2/24",
        "Jalan Telawi 3",
        "Lorong Maarof",
        "Jalan Gasing",
        "Jalan Pudu Lama",
        "Jalan Kenari 5",
        "Jalan Bangsar Utama 1",
        "Jalan Kampung Pandan",
    ],
    "th": [
        "Soi Sukhumvit 31",
        "Soi Ari 4",
        "Soi Thonglor 13",
        "Thanon Charoen Krung",
        "Soi Ratchadaphisek 36",
        "Soi Phahonyothin 7",
        "Thanon Nimmanhaemin",
        "Soi Lat Phrao 18",
    ],
    "vn": [
        "Phố Hào Nam",
        "Phố Hàng Bạc",
        "Đường Cách Mạng Tháng Tám",
        "Phố Hàng Gai",
        "Đường Điện Biên Phủ",
        "Phố Tràng Tiền",
        "Phố Thụy Khuê",
        "Đường Ba Tháng Hai",
    ],
    "au": [
        "Kooyong Road",
        "Glenferrie Road",
        "Stirling Highway",
        "Boundary Street",
        "Latrobe Terrace",
        "Anzac Parade",
        "Gouger Street",
        "Beaufort Street",
    ],
    "ca": [
        "Whyte Avenue",
        "Commercial Drive",
        "Quinpool Road",
        "Portage Avenue",
        "Water Street",
        "Kensington Road NW",
        "rue Saint-Denis",
        "avenue du Mont-Royal Est",
    ],
    "hu": [
        "Ráday utca",
        "Dob utca",
        "Lónyay utca",
        "Pozsonyi út",
        "Hold utca",
        "Szív utca",
        "Csengery utca",
        "Paulay Ede utca",
    ],
    "us": [
        "Larkspur Hollow Drive",
        "Quarry Bend Road",
        "Tamarack Ridge Lane",
        "Saddle Creek Way",
        "Bluestem Prairie Road",
        "Cottonwood Mesa Drive",
        "Old Mill Pond Road",
        "Sycamore Bluff Trail",
    ],
}

# Localities (not private on their own): tuples the country's formatter reads.
LOCALITIES: dict[str, list[tuple[str, ...]]] = {
    "no": [
        ("0555", "Oslo"),
        ("5008", "Bergen"),
        ("7013", "Trondheim"),
        ("4006", "Stavanger"),
        ("9008", "Tromsø"),
    ],
    "fi": [
        ("33100", "Tampere"),
        ("20100", "Turku"),
        ("90100", "Oulu"),
        ("40100", "Jyväskylä"),
        ("00120", "Helsinki"),
    ],
    "dk": [
        ("8000", "Aarhus C"),
        ("2200", "København N"),
        ("5000", "Odense C"),
        ("9000", "Aalborg"),
        ("6700", "Esbjerg"),
    ],
    "cl": [
        ("Providencia", "Santiago", "750"),
        ("Ñuñoa", "Santiago", "775"),
        ("Valparaíso", "Valparaíso", "234"),
        ("Concepción", "Biobío", "403"),
        ("Temuco", "Araucanía", "478"),
    ],
    "my": [
        ("47300", "Petaling Jaya", "Selangor"),
        ("59100", "Kuala Lumpur", "W.P. Kuala Lumpur"),
        ("10200", "George Town", "Pulau Pinang"),
        ("80100", "Johor Bahru", "Johor"),
        ("93350", "Kuching", "Sarawak"),
    ],
    "th": [
        ("Khlong Toei Nuea", "Watthana", "Bangkok", "10110"),
        ("Sam Sen Nai", "Phaya Thai", "Bangkok", "10400"),
        ("Suthep", "Mueang Chiang Mai", "Chiang Mai", "50200"),
        ("Patong", "Kathu", "Phuket", "83150"),
        ("Nai Mueang", "Mueang Khon Kaen", "Khon Kaen", "40000"),
    ],
    "vn": [
        ("Phường Ô Chợ Dừa", "Quận Đống Đa", "Hà Nội", "11500"),
        ("Phường Bến Thành", "Quận 1", "TP. Hồ Chí Minh", "71000"),
        ("Phường Hải Châu I", "Quận Hải Châu", "Đà Nẵng", "50200"),
        ("Phường Vĩnh Ninh", "TP. Huế", "Thừa Thiên Huế", "49100"),
    ],
    "au": [
        ("Caulfield North", "VIC", "3161"),
        ("Paddington", "QLD", "4064"),
        ("Mount Lawley", "WA", "6050"),
        ("Glenelg", "SA", "5045"),
        ("Braddon", "ACT", "2612"),
    ],
    "ca": [
        ("Edmonton", "AB", "T6E"),
        ("Vancouver", "BC", "V5L"),
        ("Halifax", "NS", "B3J"),
        ("Winnipeg", "MB", "R3C"),
        ("Calgary", "AB", "T2N"),
        ("Montréal", "QC", "H2J"),
    ],
    "hu": [
        ("Budapest", "1092"),
        ("Debrecen", "4025"),
        ("Szeged", "6720"),
        ("Pécs", "7621"),
        ("Győr", "9021"),
    ],
    "us": [
        ("Boise", "ID", "83709"),
        ("Duluth", "MN", "55811"),
        ("Asheville", "NC", "28806"),
        ("Tulsa", "OK", "74137"),
        ("Spokane", "WA", "99223"),
        ("Lubbock", "TX", "79424"),
    ],
}

COURIERS: dict[str, list[str]] = {
    "no": ["Posten", "Helthjem", "Porterbuddy", "Postnord Norge"],
    "fi": ["Posti", "Matkahuolto", "Kaukokiito"],
    "dk": ["PostNord Danmark", "Dao", "Burd", "GLS Pakkeshop"],
    "cl": ["Correos de Chile", "Chilexpress", "Starken", "Blue Express"],
    "my": ["Pos Malaysia", "Poslaju", "Lalamove", "City-Link Express"],
    "th": ["Thailand Post", "Kerry Express", "Flash Express", "SCG Express"],
    "vn": ["Vietnam Post", "Giao Hàng Nhanh", "Viettel Post", "Giao Hàng Tiết Kiệm"],
    "au": ["Border Express", "Team Global Express", "Sendle", "CouriersPlease"],
    "ca": ["Dicom Express", "Purolator", "Intelcom", "Loomis Express"],
    "hu": ["Magyar Posta", "Foxpost", "MPL", "Express One"],
    "us": ["Veho", "Spee-Dee Delivery", "LSO", "Better Trucks"],
    "us_military": ["Priority Mail Flat Rate Box", "Ground Advantage parcel"],
}

RANKS = ["SSG", "SGT", "CPT", "LCDR", "MSgt", "PO2", "SPC", "1LT", "CW2", "SrA", "TSgt", "MAJ"]
LETTERS = "ABCEGHJKLMNPRSTVWXYZ"  # letters Canada Post uses in postcodes


@dataclass(frozen=True)
class Address:
    text: str  # the block, lines joined by "\n"
    street_line: str
    fine_postcode: str = ""

    @property
    def parts(self) -> tuple[str, ...]:
        return (self.street_line, self.fine_postcode) if self.fine_postcode else (self.street_line,)


def _no(r: random.Random, street: str, loc: tuple[str, ...]) -> Address:
    line = f"{street} {r.randint(2, 88)}{r.choice(('', 'B', 'C'))}"
    return Address(f"{line}\n{loc[0]} {loc[1]}", line)


def _fi(r: random.Random, street: str, loc: tuple[str, ...]) -> Address:
    line = f"{street} {r.randint(2, 60)} {r.choice('ABC')} {r.randint(3, 40)}"
    return Address(f"{line}\n{loc[0]} {loc[1]}", line)


def _dk(r: random.Random, street: str, loc: tuple[str, ...]) -> Address:
    line = f"{street} {r.randint(3, 120)}, {r.randint(1, 5)}. {r.choice(('tv.', 'th.', 'mf.'))}"
    return Address(f"{line}\n{loc[0]} {loc[1]}", line)


def _cl(r: random.Random, street: str, loc: tuple[str, ...]) -> Address:
    line = f"{street} {r.randint(100, 3900)}, Depto. {r.randint(11, 1208)}"
    pc = f"{loc[2]}{r.randint(1000, 9999)}"
    return Address(f"{line}\n{loc[0]}, {loc[1]}\nCódigo postal {pc}", line, pc)


def _my(r: random.Random, street: str, loc: tuple[str, ...]) -> Address:
    line = f"No. {r.randint(2, 98)}, {street}"
    return Address(f"{line}\n{loc[0]} {loc[1]}\n{loc[2]}", line)


def _th(r: random.Random, street: str, loc: tuple[str, ...]) -> Address:
    line = f"{r.randint(5, 199)}/{r.randint(1, 60)} {street}"
    return Address(f"{line}\n{loc[0]}, {loc[1]}\n{loc[2]} {loc[3]}", line)


def _vn(r: random.Random, street: str, loc: tuple[str, ...]) -> Address:
    line = f"Số {r.randint(3, 210)} {street}"
    return Address(f"{line}\n{loc[0]}, {loc[1]}\n{loc[2]} {loc[3]}", line)


def _au(r: random.Random, street: str, loc: tuple[str, ...]) -> Address:
    unit = f"Unit {r.randint(1, 14)}, " if r.random() < 0.5 else ""
    line = f"{unit}{r.randint(3, 480)} {street}"
    return Address(f"{line}\n{loc[0]} {loc[1]} {loc[2]}", line)


def _ca(r: random.Random, street: str, loc: tuple[str, ...]) -> Address:
    pc = f"{loc[2]} {r.randint(1, 9)}{r.choice(LETTERS)}{r.randint(0, 9)}"
    if street[0].islower():  # Québec: number, street, apartment; province in brackets
        line = f"{r.randint(1200, 5900)}, {street}, app. {r.randint(2, 9)}"
        return Address(f"{line}\n{loc[0]} (Québec) {pc}", line, pc)
    line = f"{r.randint(101, 2409)}-{r.randint(10, 10990)} {street}"
    return Address(f"{line}\n{loc[0]} {loc[1]} {pc}", line, pc)


def _hu(r: random.Random, street: str, loc: tuple[str, ...]) -> Address:
    line = f"{street} {r.randint(2, 70)}. {r.randint(1, 6)}. em. {r.randint(1, 12)}."
    return Address(f"{loc[0]}\n{line}\n{loc[1]}", line)


def _us(r: random.Random, street: str, loc: tuple[str, ...]) -> Address:
    line = f"{r.randint(1200, 9800)} {street}, Apt {r.randint(1, 9)}{r.choice('ABCD')}"
    return Address(f"{line}\n{loc[0]}, {loc[1]} {loc[2]}", line)


FORMATS: dict[str, Callable[[random.Random, str, tuple[str, ...]], Address]] = {
    "no": _no,
    "fi": _fi,
    "dk": _dk,
    "cl": _cl,
    "my": _my,
    "th": _th,
    "vn": _vn,
    "au": _au,
    "ca": _ca,
    "hu": _hu,
    "us": _us,
}


def po_box(r: random.Random, country: str, loc: tuple[str, ...]) -> Address:
    """A PO box in the country's own words; the box line is the part."""
    n = r.randint(12, 9800)
    boxes = {
        "no": (f"Postboks {n} Sentrum", "{b}\n{l0} {l1}"),
        "fi": (f"PL {n}", "{b}\n{l0} {l1}"),
        "dk": (f"Postboks {n}", "{b}\n{l0} {l1}"),
        "cl": (f"Casilla {n}, Correo Central", "{b}\n{l0}, {l1}"),
        "my": (f"Peti Surat {n}", "{b}\n{l0} {l1}\n{l2}"),
        "th": (f"P.O. Box {n}, {loc[1]} Post Office", "{b}\n{l2} {l3}"),
        "vn": (f"Hộp thư {n}", "{b}\n{l2} {l3}"),
        "au": (f"PO Box {n}", "{b}\n{l0} {l1} {l2}"),
        "ca": (f"PO Box {n}, Stn Main", "{b}\n{l0} {l1} {l2} {d}{c}{e}"),
        "hu": (f"Pf. {n}", "{l0}\n{b}\n{l1}"),
        "us": (f"PO Box {n}", "{b}\n{l0}, {l1} {l2}"),
    }
    box, shape = boxes[country]
    fields = {f"l{i}": v for i, v in enumerate(loc)}
    text = shape.format(b=box, d=r.randint(1, 9), c=r.choice(LETTERS), e=r.randint(0, 9), **fields)
    return Address(text, box)


def military(r: random.Random) -> Address:
    shape = r.choice(("psc", "cmr", "unit", "unit_zip4"))
    box = r.randint(100, 9999)
    if shape == "psc":
        line = f"PSC {r.randint(800, 829)} Box {box}"
        last = f"{r.choice(('APO', 'FPO'))} AE 09{r.randint(100, 899):03d}"
    elif shape == "cmr":
        line = f"CMR {r.randint(400, 490)} Box {box}"
        last = f"APO AE 09{r.randint(100, 899):03d}"
    elif shape == "unit":
        line = f"Unit {r.randint(2000, 9999)} Box {box}"
        last = f"{r.choice(('DPO', 'APO'))} {r.choice(('AE 09', 'AP 96'))}{r.randint(200, 699):03d}"
    else:
        unit = r.randint(45000, 45999)
        line = f"Unit {unit} Box {box}"
        last = f"FPO AA 340{r.randint(10, 99)}-{unit - 40000:04d}"
    return Address(f"{line}\n{last}", line)
