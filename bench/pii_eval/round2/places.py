"""Round 2 addresses of 17 countries, US military mail and PO boxes, written for this round.

An address is ``(text, parts)``: ``parts`` are the substrings that identify on their own (the
street line with its number, flat or building; a postcode fine enough to point at a handful of
houses; a PO box; a military unit and box line). Street names are split by seed between the
halves; cities are shared (a city alone identifies nobody).
"""

from __future__ import annotations

import random
import string

from bench.pii_eval.common import split_pool
from bench.pii_eval.round2.people import SEED2

# fmt: off
STREETS: dict[str, tuple[str, ...]] = {
    "US": ("Larkspur Lane", "Quail Hollow Drive", "Cottonwood Street", "Sycamore Court",
           "Birchwood Avenue", "Old Mill Road", "Tamarack Way", "Bluebonnet Trail",
           "Fernhill Terrace", "Juniper Ridge Road", "Sandpiper Circle", "Wagon Wheel Lane"),
    "UK": ("Wellgate Terrace", "Cromwell Crescent", "Tannery Lane", "Bramley Close",
           "Kingfisher Walk", "Saltmarsh Road", "Ropewalk Mews", "Thornfield Avenue",
           "Pennine View", "Abbeyfields Drive", "Coldharbour Lane", "Nightingale Rise"),
    "DE": ("Gneisenaustraße", "Lindenallee", "Am Kupfergraben", "Rosenthaler Weg",
           "Eichendorffstraße", "Mühlenkamp", "Schillerplatz", "Hafenstraße", "Kastanienweg",
           "Auf dem Hügel", "Zeppelinstraße", "Brunnenstraße"),
    "FR": ("rue des Tanneurs", "avenue Jean-Jaurès", "chemin des Pêcheurs", "rue du Moulin",
           "boulevard Gambetta", "impasse des Lilas", "rue de la Poterie", "allée des Cèdres",
           "quai des Chartrons", "rue Saint-Rémy", "place des Tilleuls", "rue des Capucins"),
    "ES": ("Calle de Fuencarral", "Calle del Pez", "Avenida de la Constitución",
           "Calle Ancha", "Paseo de la Castellana", "Carrer de Blai", "Calle San Vicente",
           "Calle de las Huertas", "Rambla del Raval", "Calle Pelayo", "Calle Sierpes",
           "Avenida del Puerto"),
    "IT": ("Via dei Serragli", "Via Mascarella", "Corso Vittorio Emanuele II", "Via della Spiga",
           "Vicolo del Cinque", "Via San Gregorio Armeno", "Viale Monza", "Via Toledo",
           "Via del Pratello", "Borgo San Frediano", "Via Nizza", "Via Chiaia"),
    "NL": ("Bloemgracht", "Lange Voorhout", "Twijnstraat", "Witte de Withstraat",
           "Vismarkt", "Zwaanshals", "Herengracht", "Korte Putstraat", "Lindengracht",
           "Haarlemmerdijk", "Stationsweg", "Molenstraat"),
    "JP": ("Kamimeguro", "Sendagaya", "Nishiki", "Kitahama", "Kitashirakawa", "Ebisu-minami",
           "Nakameguro", "Osu", "Gion-machi", "Daimyo", "Uehara", "Kichijoji-honcho"),
    "IN": ("Vrindavan Heights", "Lakshmi Nivas", "Green Meadows Residency",
           "Shanti Kunj", "Palm Grove Heights", "Sunrise Towers", "Ganga Vihar",
           "Emerald Enclave", "Nilgiri Apartments", "Kaveri Residency", "Orchid Gardens",
           "Tulsi Bhavan"),
    "BR": ("Rua Harmonia", "Avenida Paulista", "Rua Aspicuelta", "Rua da Consolação",
           "Rua Haddock Lobo", "Rua Barata Ribeiro", "Rua Visconde de Pirajá",
           "Rua das Laranjeiras", "Rua Fernandes Vieira", "Rua do Bonfim",
           "Rua Mateus Leme", "Rua Chile"),
    "PL": ("ul. Piotrkowska", "ul. Mazowiecka", "ul. Długa", "ul. Grodzka", "ul. Świętojańska",
           "ul. Ogrodowa", "ul. Lipowa", "al. Jerozolimskie", "ul. Szewska", "ul. Kościuszki",
           "ul. Mickiewicza", "ul. Wrocławska"),
    "SE": ("Storgatan", "Linnégatan", "Götgatan", "Drottninggatan", "Kungsgatan",
           "Västra Hamngatan", "Skolgatan", "Ringvägen", "Hornsgatan", "Bergsgatan",
           "Järnvägsgatan", "Tegnérgatan"),
    "MX": ("Av. Álvaro Obregón", "Calle Tonalá", "Av. Ámsterdam", "Calle Durango",
           "Calle Colima", "Av. Insurgentes Sur", "Calle Pachuca", "Calle Orizaba",
           "Av. Chapultepec", "Calle Tabasco", "Calle Zacatecas", "Calle Medellín"),
    "KR": ("Worldcup-buk-ro", "Yanghwa-ro", "Teheran-ro", "Dosan-daero", "Sinchon-ro",
           "Hangang-daero", "Eulji-ro", "Bongeunsa-ro", "Itaewon-ro", "Seongsui-ro",
           "Dongho-ro", "Toegye-ro"),
    "ZA": ("Jan Smuts Avenue", "Oxford Road", "Long Street", "Main Road", "Florida Road",
           "Loop Street", "Kloof Street", "Beach Road", "Rivonia Road", "Bree Street",
           "Musgrave Road", "Victoria Road"),
    "NG": ("Adeola Odeku Street", "Awolowo Road", "Allen Avenue", "Admiralty Way",
           "Bode Thomas Street", "Ahmadu Bello Way", "Opebi Road", "Isaac John Street",
           "Ogunlana Drive", "Aminu Kano Crescent", "Obafemi Awolowo Way", "Herbert Macaulay Way"),
    "IE": ("Bishop Street", "Harcourt Terrace", "Oliver Plunkett Street", "Shop Street",
           "Clanbrassil Street", "Leeson Park", "Sundays Well Road", "Castle Street",
           "Prospect Row", "Quay Street", "Pembroke Lane", "Rathmines Road"),
}
# city, postcode or region (what is not private on its own)
CITIES: dict[str, tuple[tuple[str, str], ...]] = {
    "US": (("Boise", "ID 837"), ("Tacoma", "WA 984"), ("Asheville", "NC 288"),
           ("Madison", "WI 537"), ("Santa Fe", "NM 875"), ("Omaha", "NE 681")),
    "UK": (("Hebden Bridge", "HX7"), ("Sheffield", "S11"), ("Norwich", "NR2"), ("Leeds", "LS6"),
           ("Exeter", "EX4"), ("Glasgow", "G12")),
    "DE": (("Berlin", "10961"), ("Hamburg", "22303"), ("Leipzig", "04109"), ("Köln", "50667"),
           ("Freiburg im Breisgau", "79098"), ("Münster", "48143")),
    "FR": (("Strasbourg", "67000"), ("Bordeaux", "33000"), ("Lille", "59000"),
           ("Nantes", "44000"), ("Montpellier", "34000"), ("Rennes", "35000")),
    "ES": (("Madrid", "28004"), ("Sevilla", "41004"), ("Valencia", "46002"),
           ("Málaga", "29015"), ("Bilbao", "48005"), ("Barcelona", "08001")),
    "IT": (("Napoli", "80121 NA"), ("Bologna", "40125 BO"), ("Torino", "10123 TO"),
           ("Firenze", "50121 FI"), ("Milano", "20127 MI"), ("Palermo", "90133 PA")),
    "NL": (("Amsterdam", "1015"), ("Utrecht", "3511"), ("Rotterdam", "3014"),
           ("Den Haag", "2514"), ("Leiden", "2311"), ("Groningen", "9711")),
    "JP": (("Meguro-ku, Tokyo", "153"), ("Shibuya-ku, Tokyo", "151"), ("Kyoto", "606"),
           ("Osaka", "530"), ("Nagoya", "460"), ("Fukuoka", "810")),
    "IN": (("Bengaluru", "560038"), ("Pune", "411004"), ("Chennai", "600020"),
           ("Hyderabad", "500034"), ("Kochi", "682016"), ("Jaipur", "302001")),
    "BR": (("São Paulo - SP", "01"), ("Rio de Janeiro - RJ", "22"), ("Curitiba - PR", "80"),
           ("Salvador - BA", "40"), ("Porto Alegre - RS", "90"), ("Recife - PE", "50")),
    "PL": (("Łódź", "90-006"), ("Warszawa", "00-511"), ("Kraków", "31-007"),
           ("Gdańsk", "80-831"), ("Wrocław", "50-106"), ("Poznań", "61-772")),
    "SE": (("Göteborg", "411 38"), ("Stockholm", "118 20"), ("Malmö", "211 22"),
           ("Uppsala", "753 10"), ("Lund", "222 21"), ("Umeå", "903 26")),
    "MX": (("Ciudad de México, CDMX", "06700"), ("Guadalajara, Jal.", "44100"),
           ("Monterrey, N.L.", "64000"), ("Puebla, Pue.", "72000"), ("Mérida, Yuc.", "97000"),
           ("Querétaro, Qro.", "76000")),
    "KR": (("Mapo-gu, Seoul", "03925"), ("Gangnam-gu, Seoul", "06164"),
           ("Jung-gu, Seoul", "04538"), ("Haeundae-gu, Busan", "48094"),
           ("Yongsan-gu, Seoul", "04386"), ("Seongdong-gu, Seoul", "04779")),
    "ZA": (("Johannesburg", "2193"), ("Cape Town", "8001"), ("Durban", "4001"),
           ("Pretoria", "0083"), ("Stellenbosch", "7600"), ("Gqeberha", "6001")),
    "NG": (("Victoria Island, Lagos", ""), ("Ikoyi, Lagos", ""), ("Ikeja, Lagos", ""),
           ("Garki, Abuja", ""), ("Wuse II, Abuja", ""), ("Surulere, Lagos", "")),
    "IE": (("Dublin 8", "D08"), ("Cork", "T12"), ("Galway", "H91"), ("Dublin 6", "D06"),
           ("Limerick", "V94"), ("Kilkenny", "R95")),
}
COURIERS: dict[str, tuple[str, ...]] = {
    "US": ("UPS Ground", "USPS Priority Mail"), "UK": ("Royal Mail Tracked 48", "Evri"),
    "DE": ("Hermes", "DPD Classic"), "FR": ("Colissimo", "Chronopost"),
    "ES": ("Correos Express", "SEUR"), "IT": ("BRT", "Poste Delivery Express"),
    "NL": ("Trunkrs", "DHL Parcel"), "JP": ("Yamato Transport", "Sagawa Express"),
    "IN": ("Blue Dart", "Delhivery"), "BR": ("Correios SEDEX", "Jadlog"),
    "PL": ("InPost", "Poczta Polska"), "SE": ("PostNord", "Budbee"),
    "MX": ("Estafeta", "Paquetexpress"), "KR": ("CJ Logistics", "Hanjin Express"),
    "ZA": ("The Courier Guy", "Aramex"), "NG": ("GIG Logistics", "Kwik Delivery"),
    "IE": ("DPD Ireland", "Fastway"), "military": ("USPS Priority Mail Express", "FedEx Ground"),
    "po_box": ("Sendle", "Purolator"),
}
# fmt: on

COUNTRIES = tuple(STREETS)


def _d(rng: random.Random, k: int) -> str:
    return "".join(rng.choices(string.digits, k=k))


def _letters(rng: random.Random, k: int) -> str:
    return "".join(rng.choices("ABDEFGHJLNPQRSTUWXYZ", k=k))


class Places:
    """The streets and couriers of one half."""

    def __init__(self, half: str) -> None:
        self.streets = {
            c: split_pool(s, half, f"r2:streets:{c}", SEED2) for c, s in STREETS.items()
        }
        self.couriers = {
            c: split_pool(s, half, f"r2:couriers:{c}", SEED2) for c, s in COURIERS.items()
        }

    def courier(self, rng: random.Random, country: str) -> str:
        return rng.choice(self.couriers[country])

    def address(  # noqa: C901 - one branch per country's format
        self, rng: random.Random, country: str
    ) -> tuple[str, tuple[str, ...]]:
        """An address of ``country`` as written there: ``(text, parts)``."""
        street = rng.choice(self.streets.get(country, ("",)))
        city, code = rng.choice(CITIES.get(country, (("", ""),)))
        num = str(rng.randrange(2, 240))
        sep = rng.choice((", ", "\n"))
        if country == "US":
            line = f"{num}{_d(rng, 2)} {street}"
            unit = rng.choice(("", f", Apt {rng.randrange(1, 30)}{rng.choice('ABCD')}"))
            zip5 = code[-3:] + _d(rng, 2)
            return f"{line}{unit}{sep}{city}, {code[:2]} {zip5}", (line,)
        if country == "UK":
            line = f"{num} {street}"
            flat = rng.choice(("", f"Flat {rng.randrange(1, 12)}, "))
            post = f"{code} {rng.randrange(1, 10)}{_letters(rng, 2)}"
            return f"{flat}{line}{sep}{city}{sep}{post}", (line, post)
        if country == "DE":
            line = f"{street} {num}{rng.choice(('', '', 'a', 'b'))}"
            return f"{line}{sep}{code} {city}", (line,)
        if country == "FR":
            line = f"{num}{rng.choice(('', '', ' bis'))} {street}"
            extra = rng.choice(("", f"Bât. {rng.choice('ABC')}, "))
            return f"{extra}{line}{sep}{code} {city}", (line,)
        if country == "ES":
            floor = rng.choice(("1º", "2º", "3º", "4º", "5º")) + rng.choice(
                (" izq.", " dcha.", " B")
            )
            line = f"{street} {num}, {floor}"
            return f"{line}{sep}{code} {city}", (f"{street} {num}",)
        if country == "IT":
            line = f"{street} {num}"
            prov = code.split()
            return f"{line}{sep}{prov[0]} {city} {prov[1]}", (line,)
        if country == "NL":
            line = f"{street} {num}{rng.choice(('', '-II', ' A', '-1'))}"
            post = f"{code} {_letters(rng, 2)}"
            return f"{line}{sep}{post} {city}", (line, post)
        if country == "JP":
            block = f"{rng.randrange(1, 6)}-{rng.randrange(1, 30)}-{rng.randrange(1, 20)}"
            line = f"{block} {street}"
            post = f"{code}-{_d(rng, 4)}"
            bldg = rng.choice(("", f", Room {rng.randrange(1, 9)}0{rng.randrange(1, 9)}"))
            return f"{line}{bldg}, {city} {post}", (line, post)
        if country == "IN":
            flat = f"Flat {rng.randrange(1, 12)}0{rng.randrange(1, 9)}, {street}"
            cross = f"{rng.randrange(2, 19)}th Cross"
            return f"{flat}, {cross}{sep}{city} {code}", (flat,)
        if country == "BR":
            line = f"{street}, {num}{_d(rng, 1)}"
            apto = rng.choice(("", f", apto {rng.randrange(1, 20)}{rng.randrange(1, 5)}"))
            cep = f"{code}{_d(rng, 3)}-{_d(rng, 3)}"
            return f"{line}{apto}{sep}{city}{sep}CEP {cep}", (line, cep)
        if country == "PL":
            line = f"{street} {num}/{rng.randrange(1, 40)}"
            return f"{line}{sep}{code} {city}", (line,)
        if country == "SE":
            line = f"{street} {num}{rng.choice(('', ' A', ' B'))}"
            lgh = rng.choice(("", f", lgh {rng.randrange(10, 16)}0{rng.randrange(1, 5)}"))
            return f"{line}{lgh}{sep}{code} {city}", (line,)
        if country == "MX":
            line = f"{street} {num}"
            inner = rng.choice(("", f", Int. {rng.randrange(1, 12)}"))
            col = rng.choice(("Col. Roma Norte", "Col. Condesa", "Col. Centro", "Col. Juárez"))
            return f"{line}{inner}, {col}{sep}{code} {city}", (line,)
        if country == "KR":
            line = f"{num} {street}"
            room = f"{rng.randrange(1, 25)}0{rng.randrange(1, 9)}"
            return f"Room {room}, {line}, {city} {code}", (line,)
        if country == "ZA":
            line = f"{num} {street}"
            unit = rng.choice(("", f"Unit {rng.randrange(1, 30)}, "))
            return f"{unit}{line}{sep}{city}{sep}{code}", (line,)
        if country == "NG":
            line = rng.choice((f"{num} {street}", f"Plot {num}{_d(rng, 2)} {street}"))
            return f"{line}, {city}", (line,)
        if country == "IE":
            line = f"{num} {street}"
            eir = f"{code} {_letters(rng, 1)}{_d(rng, 1)}{_letters(rng, 1)}{_d(rng, 1)}"
            return f"{line}{sep}{city}{sep}{eir}", (line, eir)
        raise ValueError(f"no address format for {country!r}")

    def japanese_script(self, rng: random.Random) -> tuple[str, tuple[str, ...]]:
        """An address in Japanese script (``〒`` postcode, prefecture, ward, block)."""
        ward, town = rng.choice(
            (("東京都目黒区", "中町"), ("京都府京都市左京区", "田中里ノ前町"),
             ("大阪府大阪市北区", "天神橋"), ("愛知県名古屋市中区", "大須"))
        )  # fmt: skip
        block = f"{rng.randrange(1, 6)}丁目{rng.randrange(1, 30)}-{rng.randrange(1, 20)}"
        post = f"{rng.randrange(100, 990)}-{_d(rng, 4)}"
        return f"〒{post} {ward}{town}{block}", (f"{town}{block}", post)

    def military(self, rng: random.Random) -> tuple[str, tuple[str, ...]]:
        shape = rng.randrange(4)
        if shape == 0:
            line = f"PSC {rng.randrange(1000, 9999)}, Box {rng.randrange(100, 9999)}"
            tail = f"APO AE 09{_d(rng, 3)}"
        elif shape == 1:
            line = f"Unit {rng.randrange(2000, 9999)} Box {rng.randrange(100, 9999)}"
            tail = f"DPO AP 96{_d(rng, 3)}-{_d(rng, 4)}"
        elif shape == 2:
            line = f"CMR {rng.randrange(400, 499)} Box {rng.randrange(100, 9999)}"
            tail = f"APO AE 09{_d(rng, 3)}"
        else:
            line = f"PSC {rng.randrange(100, 999)} Box {rng.randrange(10, 999)}"
            tail = f"FPO AP 96{_d(rng, 3)}"
        return f"{line}\n{tail}", (line,)

    def po_box(self, rng: random.Random) -> tuple[str, tuple[str, ...], str]:
        """A PO box; returns ``(text, parts, country)``."""
        n = str(rng.randrange(10, 9999))
        shape = rng.randrange(8)
        if shape == 0:
            box = f"P.O. Box {n}"
            return f"{box}, Taos, NM 875{_d(rng, 2)}", (box,), "US"
        if shape == 1:
            box = f"PO Box {n}"
            return f"{box}, Stellenbosch, 7599", (box,), "ZA"
        if shape == 2:
            box = f"Box {n}"
            return f"{box}, 103 {_d(rng, 2)} Stockholm", (box,), "SE"
        if shape == 3:
            box = f"P.M.B. {n}"
            return f"{box}, Garki, Abuja", (box,), "NG"
        if shape == 4:
            box = f"Skrytka pocztowa {n}"
            return f"{box}, 00-950 Warszawa", (box,), "PL"
        if shape == 5:
            box = f"Apartado Postal {n}"
            return f"{box}, 06002 Ciudad de México, CDMX", (box,), "MX"
        if shape == 6:
            box = f"Postfach {n[:2]} {n[2:]}" if len(n) > 2 else f"Postfach {n}"
            return f"{box}, 80{_d(rng, 3)} München", (box,), "DE"
        box = f"PO Box {n}"
        return f"{box}, Bishop's Stortford CM23 {rng.randrange(1, 10)}ZZ", (box,), "UK"
