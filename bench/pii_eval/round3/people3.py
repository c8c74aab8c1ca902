"""Round 3 person names, written by hand per culture, and the seed of round 3.

Nothing here comes from a name list or a faker: the names were typed from general knowledge,
then checked against rounds 1 and 2 (no token in common). Each pool is split between the
halves with :func:`common.split_pool` under a label prefixed ``r3:``.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from bench.pii_eval.common import ascii_fold, split_pool

SEED3 = 20261207

# culture: (given names, surnames, family name written first)
CULTURES: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]] = {
    "us": (
        (
            "Brantley",
            "Kinsley",
            "Tanner",
            "Delaney",
            "Colby",
            "Marissa",
            "Bryce",
            "Kendra",
            "Dustin",
            "Shelby",
            "Garrett",
            "Lacey",
        ),
        (
            "Whitlock",
            "Pruitt",
            "Haskins",
            "Cordell",
            "Bramlett",
            "Tidwell",
            "Spurlock",
            "Holloway",
            "Kimbrough",
            "Stansbury",
        ),
        False,
    ),
    "scottish": (
        (
            "Ailsa",
            "Fraser",
            "Isla",
            "Lachlan",
            "Morag",
            "Struan",
            "Kirsty",
            "Hamish",
            "Mhairi",
            "Euan",
        ),
        (
            "MacAskill",
            "Drummond",
            "Lamont",
            "Urquhart",
            "Sutherland",
            "Buchanan",
            "Kinnear",
            "Galbraith",
            "Menzies",
        ),
        False,
    ),
    "welsh": (
        ("Rhodri", "Eluned", "Gethin", "Carys", "Iolo", "Ffion", "Dafydd", "Seren", "Emrys", "Nia"),
        (
            "Pritchard",
            "Gwilliam",
            "Prosser",
            "Bevan",
            "Llewellyn",
            "Vaughan",
            "Parry",
            "Meredith",
            "Powell",
        ),
        False,
    ),
    "mexican": (
        (
            "Ximena",
            "Itzel",
            "Emiliano",
            "Xochitl",
            "Cuauhtémoc",
            "Guadalupe",
            "Rodrigo",
            "Yareli",
            "Heriberto",
            "Araceli",
        ),
        (
            "Villaseñor",
            "Zamudio",
            "Cervantes",
            "Tamayo",
            "Arreola",
            "Olvera",
            "Quintanilla",
            "Barragán",
            "Velázquez",
        ),
        False,
    ),
    "portuguese": (
        (
            "Gonçalo",
            "Inês",
            "Tiago",
            "Leonor",
            "Rui",
            "Matilde",
            "Duarte",
            "Beatriz",
            "Afonso",
            "Margarida",
        ),
        (
            "Magalhães",
            "Sampaio",
            "Figueiredo",
            "Carvalhal",
            "Antunes",
            "Vasconcelos",
            "Quaresma",
            "Bettencourt",
            "Louro",
        ),
        False,
    ),
    "french": (
        (
            "Anaïs",
            "Gaëtan",
            "Solène",
            "Thibault",
            "Maëlle",
            "Aurélien",
            "Clémence",
            "Loïc",
            "Ségolène",
            "Baptiste",
        ),
        (
            "Lefèvre",
            "Vasseur",
            "Chevalier",
            "Marchand",
            "Brossard",
            "Delacroix",
            "Peyrot",
            "Rouquette",
            "Giraudeau",
        ),
        False,
    ),
    "german": (
        (
            "Jörg",
            "Ulrike",
            "Hannes",
            "Wiebke",
            "Torsten",
            "Gesine",
            "Malte",
            "Henrike",
            "Volker",
            "Frauke",
        ),
        (
            "Brinkmann",
            "Hoffstetter",
            "Lindemann",
            "Kessler",
            "Stahlberg",
            "Wendt",
            "Oberholz",
            "Rademacher",
            "Kühne",
        ),
        False,
    ),
    "italian": (
        (
            "Ludovica",
            "Gianluca",
            "Ottavia",
            "Ferruccio",
            "Benedetta",
            "Tommaso",
            "Ilaria",
            "Raffaele",
            "Costanza",
            "Edoardo",
        ),
        (
            "Lombardi",
            "Caruso",
            "Benedetti",
            "Pellegrini",
            "Santoro",
            "Mancuso",
            "Zanetti",
            "D'Alessio",
            "Sartori",
        ),
        False,
    ),
    "czech": (
        (
            "Vojtěch",
            "Zdeňka",
            "Radek",
            "Kateřina",
            "Ondřej",
            "Markéta",
            "Jaroslav",
            "Bohumila",
            "Přemysl",
            "Libuše",
        ),
        (
            "Dvořáková",
            "Procházka",
            "Kučera",
            "Novotný",
            "Vondráček",
            "Šimek",
            "Horáková",
            "Bartoš",
            "Zelenka",
        ),
        False,
    ),
    "romanian": (
        (
            "Ioana",
            "Mihai",
            "Smaranda",
            "Bogdan",
            "Raluca",
            "Tudor",
            "Oana",
            "Sorin",
            "Bianca",
            "Cosmin",
        ),
        (
            "Dumitrescu",
            "Ionescu",
            "Munteanu",
            "Stoica",
            "Constantinescu",
            "Vasilescu",
            "Moldovan",
            "Ungureanu",
            "Petrescu",
        ),
        False,
    ),
    "russian": (
        (
            "Yaroslava",
            "Gennady",
            "Lyudmila",
            "Vsevolod",
            "Anastasia",
            "Timofey",
            "Zinaida",
            "Arkady",
            "Milena",
            "Stanislav",
        ),
        (
            "Kuznetsova",
            "Zakharov",
            "Belousova",
            "Tikhonov",
            "Gromova",
            "Shcherbakov",
            "Lebedeva",
            "Vorontsov",
            "Karpova",
        ),
        False,
    ),
    "turkish": (
        ("Emre", "Zeynep", "Burak", "Elif", "Oğuz", "Gülşen", "Kaan", "Nesrin", "Selim", "Tülay"),
        ("Yıldırım", "Aksoy", "Kocabaş", "Erdem", "Karakaya", "Öztürk", "Şahin", "Tekin", "Güneş"),
        False,
    ),
    "egyptian": (
        ("Mahmoud", "Nour", "Tarek", "Yasmin", "Hossam", "Rania", "Sherif", "Dalia", "Amr", "Heba"),
        (
            "El-Sayed",
            "Abdelrahman",
            "Mansour",
            "Fahmy",
            "Shalaby",
            "Ragab",
            "Zaki",
            "Hegazy",
            "Badawi",
        ),
        False,
    ),
    "persian": (
        (
            "Shirin",
            "Kourosh",
            "Parisa",
            "Babak",
            "Golnaz",
            "Dariush",
            "Mahsa",
            "Farhad",
            "Nasrin",
            "Arash",
        ),
        (
            "Tehrani",
            "Jafari",
            "Khosravi",
            "Sadeghi",
            "Bahrami",
            "Mousavi",
            "Rostami",
            "Ghorbani",
            "Najafi",
        ),
        False,
    ),
    "tamil": (
        (
            "Karthik",
            "Lakshmi",
            "Senthil",
            "Meenakshi",
            "Arun",
            "Kavitha",
            "Murugan",
            "Revathi",
            "Vignesh",
            "Thenmozhi",
        ),
        (
            "Subramanian",
            "Ramasamy",
            "Annamalai",
            "Venkatesan",
            "Palaniappan",
            "Rajendran",
            "Sundaram",
            "Chidambaram",
            "Ilango",
        ),
        False,
    ),
    "bengali": (
        (
            "Anirban",
            "Sreya",
            "Debashis",
            "Moumita",
            "Sourav",
            "Tanushree",
            "Arnab",
            "Payel",
            "Indranil",
            "Rituparna",
        ),
        (
            "Chattopadhyay",
            "Banerjee",
            "Mukherjee",
            "Bhattacharya",
            "Sengupta",
            "Ghoshal",
            "Dasgupta",
            "Chakraborty",
            "Majumdar",
        ),
        False,
    ),
    "pakistani": (
        (
            "Usman",
            "Ayesha",
            "Bilal",
            "Sana",
            "Hamza",
            "Mehwish",
            "Faisal",
            "Rabia",
            "Zubair",
            "Hira",
        ),
        ("Qureshi", "Siddiqui", "Butt", "Chaudhry", "Malik", "Rana", "Abbasi", "Mirza", "Awan"),
        False,
    ),
    "chinese": (
        (
            "Zihan",
            "Yutong",
            "Haoran",
            "Xinyi",
            "Junjie",
            "Ruoxi",
            "Zhiwei",
            "Shuang",
            "Yifan",
            "Mengyao",
        ),
        ("Guo", "Xie", "Tang", "Feng", "Deng", "Cao", "Peng", "Xu", "Jiang"),
        True,
    ),
    "japanese": (
        ("Haruto", "Yui", "Sota", "Riko", "Daiki", "Mio", "Kenta", "Ayaka", "Shun", "Nanami"),
        (
            "Takahashi",
            "Matsumoto",
            "Inoue",
            "Kobayashi",
            "Yamaguchi",
            "Shimizu",
            "Morita",
            "Ishikawa",
            "Fujiwara",
        ),
        False,
    ),
    "korean": (
        (
            "Seo-yeon",
            "Gyu-ri",
            "Ha-eun",
            "Jun-pyo",
            "Ye-jin",
            "Min-ho",
            "Su-bin",
            "Tae-yang",
            "Chae-won",
            "Hyun-soo",
        ),
        ("Jeong", "Kang", "Yoon", "Jang", "Lim", "Han", "Shin", "Oh", "Kwon"),
        False,
    ),
    "vietnamese": (
        ("Thảo", "Khánh", "Phương", "Dũng", "Hằng", "Quang", "Ngọc", "Tuấn", "Linh", "Bảo"),
        ("Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"),
        True,
    ),
    "filipino": (
        (
            "Maricel",
            "Jericho",
            "Rowena",
            "Dindo",
            "Lourdes",
            "Arnel",
            "Charmaine",
            "Rommel",
            "Marites",
            "Jomar",
        ),
        (
            "Dimaculangan",
            "Macapagal",
            "Bautista",
            "Villanueva",
            "Manalastas",
            "Dizon",
            "Pangilinan",
            "Soriano",
            "Lacson",
        ),
        False,
    ),
    "yoruba": (
        (
            "Oluwaseun",
            "Temitope",
            "Adebayo",
            "Folasade",
            "Babatunde",
            "Yetunde",
            "Olumide",
            "Bukola",
            "Ayodele",
            "Morenike",
        ),
        (
            "Adeyemi",
            "Ogunleye",
            "Afolabi",
            "Oyelaran",
            "Balogun",
            "Adesanya",
            "Olatunji",
            "Ajayi",
            "Fashola",
        ),
        False,
    ),
    "hausa": (
        (
            "Aminu",
            "Zainab",
            "Abubakar",
            "Hadiza",
            "Sani",
            "Fatima",
            "Kabiru",
            "Hauwa",
            "Nasiru",
            "Rakiya",
        ),
        ("Danjuma", "Yusuf", "Bello", "Garba", "Lawal", "Shehu", "Dikko", "Bichi", "Sokoto"),
        False,
    ),
    "kenyan": (
        (
            "Wanjiru",
            "Kiprono",
            "Akinyi",
            "Otieno",
            "Njeri",
            "Kamau",
            "Chebet",
            "Mwangi",
            "Atieno",
            "Kipchoge",
        ),
        ("Omondi", "Kariuki", "Wafula", "Mutua", "Njoroge", "Ruto", "Ochieng", "Kimani", "Wekesa"),
        False,
    ),
    "zulu": (
        (
            "Thandeka",
            "Sibusiso",
            "Nomvula",
            "Bongani",
            "Lindiwe",
            "Sipho",
            "Zanele",
            "Mandla",
            "Nokuthula",
            "Themba",
        ),
        (
            "Dlamini",
            "Nkosi",
            "Mthembu",
            "Zungu",
            "Ngcobo",
            "Khumalo",
            "Mkhize",
            "Shabalala",
            "Buthelezi",
        ),
        False,
    ),
    "finnish": (
        (
            "Aino",
            "Jarkko",
            "Sanna",
            "Tuomas",
            "Riikka",
            "Petteri",
            "Hilla",
            "Eetu",
            "Kaisa",
            "Ville",
        ),
        (
            "Virtanen",
            "Korhonen",
            "Mäkinen",
            "Heikkinen",
            "Laaksonen",
            "Salminen",
            "Järvinen",
            "Kettunen",
            "Lehtonen",
        ),
        False,
    ),
    "hungarian": (
        (
            "Zsófia",
            "Bence",
            "Réka",
            "Gergely",
            "Eszter",
            "Levente",
            "Dóra",
            "Csaba",
            "Boglárka",
            "Ákos",
        ),
        ("Szabó", "Kovács", "Tóth", "Farkas", "Balogh", "Papp", "Takács", "Juhász", "Mészáros"),
        True,
    ),
    "maori": (
        ("Aroha", "Wiremu", "Mere", "Tamati", "Hine", "Rawiri", "Ngaio", "Tane", "Kiri", "Manaia"),
        ("Parata", "Ngata", "Tawhiri", "Walker", "Pomare", "Kereama", "Tuhoe", "Ranginui", "Waaka"),
        False,
    ),
    "greek": (
        (
            "Stavros",
            "Eleni",
            "Panagiotis",
            "Despina",
            "Thanasis",
            "Katerina",
            "Vasilis",
            "Chrysa",
            "Giorgos",
            "Sotiria",
        ),
        (
            "Papadimitriou",
            "Karagiannis",
            "Oikonomou",
            "Antoniou",
            "Christodoulou",
            "Vlachos",
            "Georgiadis",
            "Stavropoulos",
            "Makris",
        ),
        False,
    ),
}

# Given names and surnames that are also ordinary English words.
COMMON_GIVEN = ("Sterling", "Clementine", "Forrest", "Marigold", "Cliff", "Juniper", "Dale",
                "Sparrow", "Heath", "Meadow", "Rusty", "Bliss", "Stormy", "Chance")  # fmt: skip
COMMON_SURNAMES = ("Thatcher", "Cooper", "Plumb", "Kettle", "Steward", "Rook", "Nettles",
                   "Salter", "Gable", "Pike", "Wren", "Bramble", "Fairweather", "Ledger")  # fmt: skip


@dataclass(frozen=True)
class Person:
    given: str
    surname: str
    culture: str
    family_first: bool = False

    @property
    def full(self) -> str:
        if self.family_first:
            return f"{self.surname} {self.given}"
        return f"{self.given} {self.surname}"


def name_tokens(text: str) -> set[str]:
    """Runs of letters of a name (split at spaces, hyphens, apostrophes), lower-cased."""
    return {t.lower() for t in re.split(r"[\s\-'’.,]+", text) if t}


class People:
    """The half's share of every pool; draws a person of a given or random culture."""

    def __init__(self, half: str) -> None:
        self.half = half
        self.given: dict[str, list[str]] = {}
        self.surname: dict[str, list[str]] = {}
        for culture, (given, surnames, _) in CULTURES.items():
            self.given[culture] = split_pool(given, half, f"r3:given:{culture}", SEED3)
            self.surname[culture] = split_pool(surnames, half, f"r3:surname:{culture}", SEED3)
        self.common_given = split_pool(COMMON_GIVEN, half, "r3:common_given", SEED3)
        self.common_surname = split_pool(COMMON_SURNAMES, half, "r3:common_surname", SEED3)

    def person(self, rng: random.Random, culture: str | None = None) -> Person:
        culture = culture or rng.choice(sorted(CULTURES))
        return Person(
            rng.choice(self.given[culture]),
            rng.choice(self.surname[culture]),
            culture,
            CULTURES[culture][2],
        )

    def common_word_person(self, rng: random.Random) -> Person:
        if rng.random() < 0.5:
            return Person(rng.choice(self.common_given), rng.choice(self.surname["us"]), "us")
        return Person(rng.choice(self.given["us"]), rng.choice(self.common_surname), "us")


def email_of(rng: random.Random, person: Person, domains: list[str]) -> str:
    given = re.sub(r"[^a-z]", "", ascii_fold(person.given).lower())
    surname = re.sub(r"[^a-z]", "", ascii_fold(person.surname).lower())
    local = rng.choice(
        (
            f"{given}.{surname}",
            f"{given[0]}.{surname}",
            f"{surname}{given[0]}",
            f"{given}{rng.randrange(10, 99)}",
            f"{given}_{surname[:4]}",
        )
    )
    return f"{local}@{rng.choice(domains)}"


MAIL_DOMAINS = (
    "posteo.de", "mailbox.org", "zoho.com", "tutanota.com", "seznam.cz", "sapo.pt",
    "bluewin.ch", "telenet.be", "xtra.co.nz", "laposte.net", "virgilio.it", "wp.pl",
    "naver.com", "yandex.ru", "qq.com", "aol.com", "btinternet.com", "shaw.ca",
    "kestrelworks.io", "harborlight-dental.com", "quillmetrics.co", "tallgrass-coop.org",
)  # fmt: skip
