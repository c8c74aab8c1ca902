"""Postal addresses and phone numbers of twelve countries, US military mail and PO boxes.

Written by hand from the countries' published formats. Each maker returns
``(address as written, identifying parts)``: the street line (house number and street, flat,
building), and the postcode where it points at a few houses (UK, NL, CA, BR, JP). A city or a
coarse postcode alone is not counted as a leak. Street pools are split between the halves.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from bench.pii_eval.common import split_pool

Address = tuple[str, tuple[str, ...]]


def _d(rng: random.Random, k: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(k))


# fmt: off
US = (("Oak Ridge Drive", "Chicago", "IL", "60657"), ("West Belmont Avenue", "Austin", "TX", "78704"),
      ("SE Hawthorne Boulevard", "Portland", "OR", "97214"), ("Elm Street", "Columbus", "OH", "43215"),
      ("Glenwood Avenue", "Raleigh", "NC", "27605"), ("Harrison Boulevard", "Boise", "ID", "83702"),
      ("East Speedway Boulevard", "Tucson", "AZ", "85719"), ("Willy Street", "Madison", "WI", "53703"))
UK = (("Thornbury Road", "Bristol", "BS6 5LX"), ("Wilmslow Road", "Manchester", "M14 6HR"),
      ("Cardigan Road", "Leeds", "LS6 2QE"), ("Marchmont Crescent", "Edinburgh", "EH9 1HN"),
      ("Albany Road", "Cardiff", "CF24 3RQ"), ("Stoke Newington Church Street", "London", "N16 0LU"),
      ("Unthank Road", "Norwich", "NR2 2PE"), ("Huntington Road", "York", "YO31 8RL"))
DE = (("Lindenstraße", "10969", "Berlin"), ("Am Kirchberg", "81541", "München"),
      ("Goethestraße", "22765", "Hamburg"), ("Hauptstraße", "50672", "Köln"),
      ("Schillerweg", "04155", "Leipzig"), ("Kastanienallee", "79098", "Freiburg im Breisgau"),
      ("Bergmannstraße", "01309", "Dresden"), ("Rotlintstraße", "60316", "Frankfurt am Main"))
FR = (("rue des Lilas", "75019", "Paris"), ("avenue Jean Jaurès", "69007", "Lyon"),
      ("boulevard Voltaire", "75011", "Paris"), ("rue de la République", "13002", "Marseille"),
      ("impasse des Tilleuls", "31400", "Toulouse"), ("place du Marché", "44000", "Nantes"),
      ("chemin des Vignes", "33800", "Bordeaux"), ("rue Victor Hugo", "59800", "Lille"))
ES = (("Calle de Alcalá", "28009", "Madrid"), ("Avinguda Diagonal", "08006", "Barcelona"),
      ("Calle Mayor", "46001", "Valencia"), ("Calle Feria", "41003", "Sevilla"),
      ("Calle Larios", "29005", "Málaga"), ("Calle Ercilla", "48009", "Bilbao"),
      ("Paseo de la Independencia", "50004", "Zaragoza"), ("Calle Recogidas", "18002", "Granada"))
IT = (("Via Garibaldi", "20121", "Milano", "MI"), ("Via dei Coronari", "00186", "Roma", "RM"),
      ("Via Po", "10124", "Torino", "TO"), ("Via dei Mille", "80121", "Napoli", "NA"),
      ("Via Saragozza", "40123", "Bologna", "BO"), ("Borgo Pinti", "50121", "Firenze", "FI"),
      ("Via XX Settembre", "16121", "Genova", "GE"), ("Via Maqueda", "90133", "Palermo", "PA"))
NL = (("Prinsengracht", "1016 GV", "Amsterdam"), ("Oudegracht", "3511 AZ", "Utrecht"),
      ("Nieuwe Binnenweg", "3014 GJ", "Rotterdam"), ("Laan van Meerdervoort", "2517 AK", "Den Haag"),
      ("Kruisstraat", "5612 CJ", "Eindhoven"), ("Oosterstraat", "9711 NR", "Groningen"),
      ("Breestraat", "2311 CK", "Leiden"), ("Kleine Houtstraat", "2011 DN", "Haarlem"))
JP = (("Jingumae", "Shibuya-ku", "Tokyo", "150-0001", "東京都渋谷区神宮前"),
      ("Sangenjaya", "Setagaya-ku", "Tokyo", "154-0024", "東京都世田谷区三軒茶屋"),
      ("Umeda", "Kita-ku", "Osaka", "530-0001", "大阪府大阪市北区梅田"),
      ("Sakae", "Naka-ku", "Nagoya", "460-0008", "愛知県名古屋市中区栄"),
      ("Tenjin", "Chuo-ku", "Fukuoka", "810-0001", "福岡県福岡市中央区天神"),
      ("Shimogamo", "Sakyo-ku", "Kyoto", "606-0801", "京都府京都市左京区下鴨"),
      ("Minatomirai", "Nishi-ku", "Yokohama", "220-0012", "神奈川県横浜市西区みなとみらい"),
      ("Kichijoji Honcho", "Musashino-shi", "Tokyo", "180-0004", "東京都武蔵野市吉祥寺本町"))
IN = (("14th Cross, Indiranagar", "Bengaluru", "Karnataka", "560038"),
      ("Linking Road, Bandra West", "Mumbai", "Maharashtra", "400050"),
      ("TTK Road, Alwarpet", "Chennai", "Tamil Nadu", "600018"),
      ("Sector 62", "Noida", "Uttar Pradesh", "201301"),
      ("Salt Lake, Sector V", "Kolkata", "West Bengal", "700091"),
      ("Road No. 12, Banjara Hills", "Hyderabad", "Telangana", "500034"),
      ("Lane 5, Koregaon Park", "Pune", "Maharashtra", "411001"),
      ("Pocket C, Vasant Kunj", "New Delhi", "Delhi", "110070"))
IN_BUILDINGS = ("Sai Krupa Apartments", "Green Meadows", "Shanti Niketan Society", "Lotus Residency",
                "Lakeview Heights", "Silver Oak Towers")
BR = (("Rua Augusta", "Consolação", "São Paulo", "SP", "01305-000"),
      ("Avenida Atlântica", "Copacabana", "Rio de Janeiro", "RJ", "22021-001"),
      ("Rua da Bahia", "Centro", "Belo Horizonte", "MG", "30160-011"),
      ("Rua XV de Novembro", "Centro", "Curitiba", "PR", "80020-310"),
      ("Avenida Boa Viagem", "Boa Viagem", "Recife", "PE", "51011-000"),
      ("Rua Padre Chagas", "Moinhos de Vento", "Porto Alegre", "RS", "90570-080"),
      ("Rua Oscar Freire", "Jardim Paulista", "São Paulo", "SP", "01426-001"),
      ("Avenida Sete de Setembro", "Vitória", "Salvador", "BA", "40080-001"))
CA = (("Queen Street West", "Toronto", "ON", "M5V 2A8"), ("Rue Sainte-Catherine Ouest", "Montréal", "QC", "H3B 1A7"),
      ("Robson Street", "Vancouver", "BC", "V6E 1B5"), ("Jasper Avenue", "Edmonton", "AB", "T5J 1N9"),
      ("Spring Garden Road", "Halifax", "NS", "B3J 3R4"), ("Bank Street", "Ottawa", "ON", "K1S 3W7"))
AU = (("George Street", "Sydney", "NSW", "2000"), ("Lygon Street", "Carlton", "VIC", "3053"),
      ("Hay Street", "Perth", "WA", "6000"), ("Brunswick Street", "Fortitude Valley", "QLD", "4006"),
      ("King William Street", "Adelaide", "SA", "5000"), ("Lonsdale Street", "Braddon", "ACT", "2612"))
# fmt: on


class Places:
    """Address and phone makers of one half (street pools split between the halves)."""

    def __init__(self, half: str):
        def pool(name: str, items: tuple[Any, ...]) -> list[Any]:
            return split_pool(items, half, f"street:{name}")

        self.us, self.uk, self.de, self.fr = (
            pool("us", US),
            pool("uk", UK),
            pool("de", DE),
            pool("fr", FR),
        )
        self.es, self.it, self.nl, self.jp = (
            pool("es", ES),
            pool("it", IT),
            pool("nl", NL),
            pool("jp", JP),
        )
        self.in_, self.br, self.ca, self.au = (
            pool("in", IN),
            pool("br", BR),
            pool("ca", CA),
            pool("au", AU),
        )
        self.buildings = split_pool(IN_BUILDINGS, half, "in-buildings")
        self.addresses: dict[str, Callable[[random.Random], Address]] = {
            "US": self.a_us,
            "UK": self.a_uk,
            "DE": self.a_de,
            "FR": self.a_fr,
            "ES": self.a_es,
            "IT": self.a_it,
            "NL": self.a_nl,
            "JP": self.a_jp,
            "IN": self.a_in,
            "BR": self.a_br,
            "CA": self.a_ca,
            "AU": self.a_au,
            "military": self.a_military,
            "po_box": self.a_po_box,
        }

    def a_us(self, rng: random.Random) -> Address:
        street, city, state, zipc = rng.choice(self.us)
        line = f"{rng.randrange(12, 9800)} {street}"
        apt = rng.choice(
            (
                "",
                f", Apt {rng.randrange(1, 40)}{rng.choice('ABCD')}",
                f" #{rng.randrange(100, 999)}",
            )
        )
        plus4 = f"-{_d(rng, 4)}" if rng.random() < 0.3 else ""
        return f"{line}{apt}, {city}, {state} {zipc}{plus4}", (line,)

    def a_uk(self, rng: random.Random) -> Address:
        street, town, pc = rng.choice(self.uk)
        line = f"{rng.randrange(1, 240)} {street}"
        flat = rng.choice(("", f"Flat {rng.randrange(1, 12)}, "))
        return f"{flat}{line}, {town} {pc}", (line, pc)

    def a_de(self, rng: random.Random) -> Address:
        street, plz, city = rng.choice(self.de)
        line = f"{street} {rng.randrange(1, 140)}{rng.choice(('', '', 'a', 'b'))}"
        return f"{line}, {plz} {city}", (line,)

    def a_fr(self, rng: random.Random) -> Address:
        street, cp, city = rng.choice(self.fr)
        line = f"{rng.randrange(1, 160)}{rng.choice(('', '', ' bis', ' ter'))} {street}"
        extra = rng.choice(("", f", Bât. {rng.choice('ABC')}, {rng.randrange(1, 7)}e étage"))
        return f"{line}{extra}, {cp} {city}", (line,)

    def a_es(self, rng: random.Random) -> Address:
        street, cp, city = rng.choice(self.es)
        line = f"{street} {rng.randrange(1, 300)}"
        floor = rng.choice(("4º B", "2º izq.", "bajo", "3º 2ª", "1º D", "5º A"))
        return f"{line}, {floor}, {cp} {city}", (line,)

    def a_it(self, rng: random.Random) -> Address:
        street, cap, city, prov = rng.choice(self.it)
        line = f"{street} {rng.randrange(1, 180)}{rng.choice(('', '', '/A', '/B'))}"
        return f"{line}, {cap} {city} {prov}", (line,)

    def a_nl(self, rng: random.Random) -> Address:
        street, pc, city = rng.choice(self.nl)
        line = f"{street} {rng.randrange(1, 400)}{rng.choice(('', '', '-1', '-2', ' bis', 'A'))}"
        return f"{line}, {pc} {city}", (line, pc)

    def a_jp(self, rng: random.Random) -> Address:
        area, ward, city, pc, kanji = rng.choice(self.jp)
        block = f"{rng.randrange(1, 6)}-{rng.randrange(1, 30)}-{rng.randrange(1, 20)}"
        if rng.random() < 0.5:
            return f"〒{pc} {kanji}{block}", (f"{kanji}{block}", pc)
        line = f"{block} {area}"
        return f"{line}, {ward}, {city} {pc}", (line, pc)

    def a_in(self, rng: random.Random) -> Address:
        street, city, state, pin = rng.choice(self.in_)
        flat = f"Flat {rng.randrange(101, 1204)}, {rng.choice(self.buildings)}"
        return f"{flat}, {street}, {city}, {state} {pin}", (flat,)

    def a_br(self, rng: random.Random) -> Address:
        street, bairro, city, uf, cep = rng.choice(self.br)
        line = f"{street}, {rng.randrange(10, 3000)}"
        apto = rng.choice(
            ("", f", apto {rng.randrange(11, 190)}", f", bloco B, apto {rng.randrange(11, 90)}")
        )
        return f"{line}{apto}, {bairro}, {city} - {uf}, {cep}", (line, cep)

    def a_ca(self, rng: random.Random) -> Address:
        street, city, prov, pc = rng.choice(self.ca)
        line = f"{rng.randrange(10, 2400)} {street}"
        unit = rng.choice(
            ("", f"Unit {rng.randrange(100, 2400)}, ", f"Suite {rng.randrange(100, 900)}, ")
        )
        return f"{unit}{line}, {city}, {prov} {pc}", (line, pc)

    def a_au(self, rng: random.Random) -> Address:
        street, suburb, state, pc = rng.choice(self.au)
        line = f"{rng.randrange(1, 600)} {street}"
        unit = rng.choice(("", f"Unit {rng.randrange(1, 40)}, ", f"{rng.randrange(1, 30)}/"))
        if unit.endswith("/"):
            line = unit + line
            unit = ""
        return f"{unit}{line}, {suburb} {state} {pc}", (line,)

    def a_military(self, rng: random.Random) -> Address:
        shape = rng.randrange(4)
        if shape == 0:
            box = f"PSC {rng.randrange(1000, 9999)}, Box {rng.randrange(100, 9999)}"
            tail = f"APO AE 09{_d(rng, 3)}"
        elif shape == 1:
            box = f"Unit {rng.randrange(2000, 9999)} Box {rng.randrange(100, 9999)}"
            tail = f"DPO AP 96{_d(rng, 3)}-{_d(rng, 4)}"
        elif shape == 2:
            box = f"CMR {rng.randrange(400, 499)} Box {rng.randrange(100, 9999)}"
            tail = f"APO AE 09{_d(rng, 3)}"
        else:
            box = f"PSC {rng.randrange(1000, 9999)} Box {rng.randrange(100, 9999)}"
            tail = f"FPO AA 340{_d(rng, 2)}"
        sep = rng.choice(("\n", ", "))
        return f"{box}{sep}{tail}", (box,)

    def a_po_box(self, rng: random.Random) -> Address:
        n = rng.randrange(10, 9999)
        shapes = (
            (
                f"PO Box {n}",
                f", {rng.choice(('Boise, ID 83701', 'Tulsa, OK 74101', 'Reno, NV 89504'))}",
            ),
            (f"P.O. Box {n}", f", {rng.choice(('Leeds LS1 9XX', 'Belfast BT1 1AA'))}"),
            (f"Postfach {n // 100} {n % 100:02d}", ", 50452 Köln"),
            (f"BP {n}", ", 69401 Lyon Cedex 03"),
            (f"Apartado de Correos {n}", ", 28080 Madrid"),
            (f"Caixa Postal {n}", ", 01059-970 São Paulo - SP"),
            (f"Casella Postale {n}", ", 00187 Roma"),
            (f"Postbus {n}", ", 1000 AB Amsterdam"),
            (f"PO Box {n}", ", Fitzroy VIC 3065"),
        )
        box, tail = rng.choice(shapes)
        return box + tail, (box,)


def phone(rng: random.Random, country: str) -> str:
    """A phone number of ``country`` in one of its national or E.164 forms."""
    d = lambda k: _d(rng, k)  # noqa: E731
    forms: dict[str, tuple[str, ...]] = {
        "US": (
            f"({rng.choice(('312', '512', '503'))}) {rng.randrange(201, 999)}-{d(4)}",
            f"+1 {rng.choice(('614', '919', '208'))} {rng.randrange(201, 999)} {d(4)}",
        ),
        "UK": (
            f"+44 20 7{d(3)} {d(4)}",
            f"020 7{d(3)} {d(4)}",
            f"07{d(3)} {d(6)}",
            f"+44 7{d(3)} {d(6)}",
            f"0161 {d(3)} {d(4)}",
            f"+447{d(9)}",
        ),
        "DE": (
            f"+49 30 {d(8)}",
            f"030 {d(4)} {d(4)}",
            f"0151 {d(8)}",
            f"+49 (0)89 {d(4)} {d(3)}",
            f"0176-{d(8)}",
            f"+49176{d(8)}",
        ),
        "FR": (
            f"+33 1 {d(2)} {d(2)} {d(2)} {d(2)}",
            f"06 {d(2)} {d(2)} {d(2)} {d(2)}",
            f"01.{d(2)}.{d(2)}.{d(2)}.{d(2)}",
            f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}",
            f"+337{d(8)}",
        ),
        "ES": (
            f"+34 91 {d(3)} {d(2)} {d(2)}",
            f"6{d(2)} {d(2)} {d(2)} {d(2)}",
            f"+34 6{d(2)} {d(3)} {d(3)}",
            f"93 {d(3)} {d(2)} {d(2)}",
        ),
        "IT": (
            f"+39 06 {d(4)} {d(4)}",
            f"+39 3{d(2)} {d(3)} {d(4)}",
            f"3{d(2)} {d(3)} {d(4)}",
            f"02 {d(4)} {d(4)}",
            f"+393{d(9)}",
        ),
        "NL": (f"+31 20 {d(3)} {d(4)}", f"06-{d(8)}", f"+31 6 {d(4)} {d(4)}", f"030 {d(3)} {d(4)}"),
        "JP": (
            f"+81 3-{d(4)}-{d(4)}",
            f"03-{d(4)}-{d(4)}",
            f"090-{d(4)}-{d(4)}",
            f"+81 90 {d(4)} {d(4)}",
            f"06-{d(4)}-{d(4)}",
        ),
        "IN": (
            f"+91 98{d(3)} {d(5)}",
            f"098{d(3)} {d(5)}",
            f"+91-22-{d(4)}-{d(4)}",
            f"080 {d(4)} {d(4)}",
            f"9{d(9)}",
        ),
        "BR": (
            f"+55 11 9{d(4)}-{d(4)}",
            f"(11) 9{d(4)}-{d(4)}",
            f"(21) 2{d(3)}-{d(4)}",
            f"+55 (31) 3{d(3)}-{d(4)}",
            f"+55219{d(8)}",
        ),
        "CA": (
            f"+1 416 {rng.randrange(201, 999)} {d(4)}",
            f"(604) {rng.randrange(201, 999)}-{d(4)}",
        ),
        "AU": (
            f"+61 2 9{d(3)} {d(4)}",
            f"04{d(2)} {d(3)} {d(3)}",
            f"(02) 9{d(3)} {d(4)}",
            f"+61 4{d(2)} {d(3)} {d(3)}",
        ),
    }
    return rng.choice(forms[country])


COUNTRIES = ("US", "UK", "DE", "FR", "ES", "IT", "NL", "JP", "IN", "BR", "CA", "AU")
