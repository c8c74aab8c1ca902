"""Round 2 person names, written by hand for this round (see README, "Round 2").

Each culture has a pool of given names and one of surnames; every pool is split by seed into
a development part and a test part (:func:`bench.pii_eval.common.split_pool`), so a name token
of one half never appears in the other. Special shapes (apostrophes, particles, hyphens,
names that are also common words) have pools of their own, split the same way.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.pii_eval.common import split_pool

SEED2 = 20261207

# fmt: off
# code: (given names, surnames, family name written first)
CULTURES: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]] = {
    "us": (
        ("Brayden", "Kaylee", "Tanner", "Colton", "Shelby", "Garrett", "Lindsey", "Dalton",
         "Kendra", "Trevor", "Jolene", "Wyatt"),
        ("Whitaker", "Holloway", "Pruitt", "McCall", "Dunleavy", "Strickland", "Ashby",
         "Barnhart", "Lockridge", "Pettigrew", "Rutledge", "Hargrove"),
        False,
    ),
    "uk": (
        ("Alistair", "Imogen", "Rupert", "Harriet", "Callum", "Philippa", "Tobias", "Felicity",
         "Jemima", "Hamish", "Rosalind", "Crispin"),
        ("Fairbairn", "Chetwynd", "Thwaite", "Ellingworth", "Braithwaite", "Featherstone",
         "Winstanley", "Ogilvie", "Rushworth", "Haworth", "Kettleborough", "Sowerby"),
        False,
    ),
    "ie": (
        ("Eimear", "Cathal", "Ailbhe", "Oisín", "Sorcha", "Ruairí", "Gráinne", "Donncha",
         "Clodagh", "Tadhg", "Fiachra", "Caoimhe"),
        ("Breathnach", "Flannery", "Twomey", "Mulqueen", "Geraghty", "Tierney", "Hennessy",
         "Cullinane", "Moriarty", "Scanlon", "Dunphy", "Lenihan"),
        False,
    ),
    "es": (
        ("Xiomara", "Iker", "Ainhoa", "Gonzalo", "Begoña", "Jacinto", "Nerea", "Ulises",
         "Yolanda", "Fermín", "Marisol", "Leire"),
        ("Etxeberria", "Urrutia", "Villalobos", "Carrasco", "Santamaría", "Quiroga",
         "Goikoetxea", "Bustamante", "Olmedo", "Lizarraga", "Cienfuegos", "Peñalver"),
        False,
    ),
    "pt": (
        ("Valdir", "Rosângela", "Edvaldo", "Iara", "Jaqueline", "Jussara", "Tainá", "Josué",
         "Claudineia", "Otávio", "Francisca", "Wellington"),
        ("Arruda", "Meireles", "Bezerra", "Quintela", "Cavalcanti", "Damasceno",
         "Queiroz", "Pimentel", "Coutinho", "Sampaio", "Peixoto", "Vasconcelos"),
        False,
    ),
    "fr": (
        ("Maëlle", "Gaspard", "Aurélien", "Anatole", "Ségolène", "Timothée", "Capucine",
         "Bérénice", "Maxence", "Éloïse", "Honoré", "Apolline"),
        ("Brossard", "Vasseur", "Gauthier", "Faucher", "Lemaire", "Duchêne", "Perrin",
         "Tessier", "Barbier", "Ricard", "Delaunay", "Courtois"),
        False,
    ),
    "de": (
        ("Jannik", "Hiltrud", "Malte", "Ortwin", "Annegret", "Wiebke", "Lennart",
         "Gesine", "Torben", "Mareike", "Volker", "Sieglinde"),
        ("Kühnel", "Brandstätter", "Oberhauser", "Rademacher", "Wendtland", "Hildebrandt",
         "Eichhorn", "Langenkamp", "Dreyer", "Mittermeier", "Zöllner", "Kastner"),
        False,
    ),
    "it": (
        ("Ludovica", "Edoardo", "Benedetta", "Ermanno", "Ottavia", "Raffaele", "Costanza",
         "Pierpaolo", "Arianna", "Tommaso", "Vittorio", "Donatella"),
        ("Ferraresi", "Mancuso", "Scarpellini", "Cappelletti", "Pellegrino", "Sartori",
         "Brambilla", "Fumagalli", "Lo Presti", "Santoro", "Guerrieri", "Tagliaferri"),
        False,
    ),
    "nl": (
        ("Tjitske", "Jildou", "Maarten", "Willemijn", "Wouter", "Sietse", "Reinout", "Hidde", "Gijs",
         "Marloes", "Teun", "Floortje"),
        ("Kuipers", "Verhoeven", "Brouwer", "Hoekstra", "Smeets", "Postma", "Bosman",
         "Veenstra", "Terpstra", "Wijnands", "Schouten", "Vermeulen"),
        False,
    ),
    "pl": (
        ("Zbigniew", "Jarosław", "Halina", "Bożena", "Bartosz", "Grażyna", "Ryszard",
         "Radosław", "Jadwiga", "Szymon", "Dorota", "Mirosław"),
        ("Wróblewski", "Szczepańska", "Wilczyński", "Zielińska", "Kaczmarek", "Pawlak",
         "Michalski", "Jabłońska", "Sobczak", "Wieczorek", "Chmielewska", "Błaszczyk"),
        False,
    ),
    "ua": (
        ("Yaroslav", "Halyna", "Vsevolod", "Lyudmila", "Taras", "Ostap", "Svitlana",
         "Hryhoriy", "Zlata", "Arseniy", "Valentyna", "Yevheniya"),
        ("Kovalenko", "Tkachuk", "Ivashchenko", "Hrytsenko", "Lysenko", "Melnychuk",
         "Savchenko", "Romanenko", "Zakharchenko", "Hnatyuk", "Prokopenko", "Dovzhenko"),
        False,
    ),
    "gr": (
        ("Iraklis", "Thanasis", "Sotiria", "Charalambos", "Chrysoula", "Kyriakos", "Eftychia",
         "Spyros", "Paraskevi", "Evangelos", "Zoi", "Fotini"),
        ("Papadakis", "Konstantinidis", "Xenofontos", "Tzanetakis", "Vlachos", "Mavridis",
         "Stamatopoulou", "Antoniadis", "Giannakopoulos", "Kouris", "Tsakalidis", "Lambrou"),
        False,
    ),
    "tr": (
        ("Nilüfer", "Sevgi", "Volkan", "Alper", "Ceren", "Tolga", "Dilara", "Kerem", "Büşra",
         "Serkan", "Gizem", "Hakan"),
        ("Yıldırım", "Akbulut", "Tekin", "Kaplan", "Başaran", "Eroğlu", "Karaca", "Erdem",
         "Güler", "Polat", "Bulut", "Kocabaş"),
        False,
    ),
    "ar": (
        ("Youssef", "Rania", "Fadi", "Suhail", "Lamia", "Bilal", "Dalia", "Hamza", "Samira",
         "Anas", "Ghassan", "Marwan"),
        ("Sabbagh", "Khoury", "Mansour", "Qassem", "Barakat", "Hamdan", "Abboud", "Darwish",
         "Zaki", "Shalaby", "Tannous", "Jaber"),
        False,
    ),
    "ir": (
        ("Behrouz", "Pejman", "Azadeh", "Forough", "Parvaneh", "Laleh", "Siavash", "Ramin",
         "Kaveh", "Mahsa", "Omid", "Roya"),
        ("Vaziri", "Mirzaei", "Mohammadi", "Bagheri", "Kazemi", "Nikpour", "Ghorbani",
         "Haghighi", "Rostami", "Esfandiari", "Amirkhani", "Shirazi"),
        False,
    ),
    "in_n": (
        ("Aarav", "Ishita", "Siddharth", "Kavya", "Ritika", "Tanvi", "Vikram", "Meenal",
         "Aniket", "Pooja", "Harsh", "Sneha"),
        ("Bhargava", "Malhotra", "Chaturvedi", "Oberoi", "Bhatnagar", "Kapadia", "Saxena",
         "Trivedi", "Mehra", "Srivastava", "Banerjee", "Khandelwal"),
        False,
    ),
    "in_s": (
        ("Karthik", "Sowmya", "Senthil", "Divya", "Murugan", "Revathi", "Muthukumar",
         "Anitha", "Balaji", "Kaveri", "Prabhu", "Shalini"),
        ("Arumugam", "Ramasamy", "Krishnamurthy", "Venkataraman", "Rajagopal",
         "Natarajan", "Iyengar", "Pillai", "Naidu", "Sundaram", "Chandrasekhar", "Gounder"),
        False,
    ),
    "cn": (
        ("Jianhua", "Shuhui", "Junjie", "Yanting", "Kaiwen", "Yuqing", "Guoqiang", "Shufen",
         "Zihan", "Ruoxi", "Wenbo", "Jiayi"),
        ("Zhao", "Qian", "Ren", "Zheng", "Feng", "Bai", "Tang", "Liang", "Deng", "Xiao",
         "Jiang", "Cai"),
        True,
    ),
    "jp": (
        ("Itsuki", "Shun", "Kanna", "Aoi", "Riku", "Hina", "Kaito", "Sora", "Mio", "Daiki",
         "Tsumugi", "Yuto"),
        ("Morita", "Yamaguchi", "Aoki", "Okada", "Sakamoto", "Hayashi", "Nakagawa",
         "Yamazaki", "Ikeda", "Hashimoto", "Ishikawa", "Nishimura"),
        False,
    ),
    "kr": (
        ("Gyu-ri", "Bo-ram", "Na-rae", "Gun-hee", "Ye-rim", "Kyung-ho", "Beom-seok", "Hye-ok",
         "Kyu-tae", "Chae-rin", "So-mi", "Hyo-seop"),
        ("Ahn", "Song", "Ryu", "Moon", "Bae", "Kwon", "Tak", "Noh", "Yang", "Heo", "Byun",
         "Jeon"),
        False,
    ),
    "vi": (
        ("Thảo", "Hương", "Tuấn", "Phúc", "Khánh", "Vy", "Hiếu", "Nhung", "Tâm", "Loan", "Sơn",
         "Dũng", "Hạnh", "Thắng", "Yến", "Lộc"),
        ("Huỳnh", "Võ", "Đỗ", "Hồ", "Lý", "Tạ", "Lương", "Đinh", "Lâm", "Quách", "Vương",
         "Triệu", "Phùng", "Kiều"),
        True,
    ),
    "id": (
        ("Bayu", "Larasati", "Fajar", "Anindya", "Galih", "Dimas", "Intan", "Hendra", "Sari", "Yoga",
         "Wulan", "Gilang"),
        ("Wibowo", "Susanto", "Harahap", "Lubis", "Purnomo", "Sembiring", "Tanjung",
         "Hutapea", "Gunawan", "Pangaribuan", "Nasution", "Simanjuntak"),
        False,
    ),
    "yo": (
        ("Morenike", "Folake", "Olumide", "Olamide", "Bolanle", "Yetunde", "Ayodele",
         "Funmilayo", "Kehinde", "Damilola", "Oyinkansola", "Tolulope"),
        ("Ogunbiyi", "Ogunleye", "Fagbemi", "Afolabi", "Oyelaran", "Ajayi", "Olawale",
         "Akinola", "Oladipo", "Ogundipe", "Bamidele", "Adebisi"),
        False,
    ),
    "ig": (
        ("Chinonso", "Ifeoma", "Chisom", "Chukwuemeka", "Ebuka", "Ikenna", "Ozioma",
         "Uchenna", "Nneka", "Chidinma", "Kelechi", "Somtochukwu"),
        ("Okoli", "Nwachukwu", "Onyekachi", "Anozie", "Ezeh", "Okeke", "Udeh", "Ugwu",
         "Nnadi", "Onwuka", "Iwuchukwu", "Obiora"),
        False,
    ),
    "ke": (
        ("Nyokabi", "Atieno", "Kipkemboi", "Njeri", "Akinyi", "Muthoni", "Chebet", "Jeptoo",
         "Wairimu", "Barasa", "Nekesa", "Kiplagat"),
        ("Cheruiyot", "Kiptanui", "Mwangangi", "Oduya", "Mugo", "Kimani", "Wafula", "Nyambura",
         "Korir", "Rotich", "Wambugu", "Ouma"),
        False,
    ),
    "za": (
        ("Busisiwe", "Thandeka", "Lungile", "Siyabonga", "Vusumuzi", "Xolani", "Nonhlanhla", "Phumzile",
         "Sibusiso", "Nokuthula", "Lwazi", "Ayanda"),
        ("Mkhize", "Majola", "Mazibuko", "Cele", "Ntuli", "Shabalala", "Ngcobo", "Hadebe",
         "Mokoena", "Radebe", "Mabaso", "Zwane"),
        False,
    ),
    "et": (
        ("Kidist", "Tsion", "Dawit", "Meron", "Yonas", "Eyerusalem", "Bereket", "Hiwot",
         "Tewodros", "Liya", "Henok", "Mekdes"),
        ("Zewdie", "Girma", "Alemu", "Worku", "Desta", "Kebede", "Tadesse", "Mulugeta",
         "Asfaw", "Wolde", "Ayele", "Demissie"),
        False,
    ),
    "nordic": (
        ("Eero", "Aino", "Juha", "Saara", "Tapio", "Ilkka", "Linnea", "Eskil", "Sølve",
         "Torvald", "Ragnhild", "Gunnhild"),
        ("Virtanen", "Mäkinen", "Korhonen", "Heikkinen", "Ahlström", "Sjöberg", "Sandqvist",
         "Holmgren", "Tuominen", "Nyström", "Lundgren", "Ekdahl"),
        False,
    ),
    "ph": (
        ("Rosalinda", "Efren", "Teodoro", "Marivic", "Jocelyn", "Rodel", "Jerome", "Ramil",
         "Cherry", "Lorna", "Rhea", "Jonalyn"),
        ("Manlapaz", "Buenaventura", "Mercado", "Soriano", "Manalo", "Gatchalian", "Pangilinan",
         "Tolentino", "Dizon", "Lacson", "Magbanua", "Sarmiento"),
        False,
    ),
    "il": (
        ("Osnat", "Hadas", "Smadar", "Amitai", "Boaz", "Liron", "Eyal", "Omri", "Yael",
         "Gilad", "Maayan", "Nadav"),
        ("Shapira", "Gabay", "Asulin", "Avraham", "Biton", "Dahan", "Segal", "Azoulay",
         "Ohana", "Elbaz", "Sharabi", "Rosenthal"),
        False,
    ),
    "hu": (
        ("Szilárd", "Boglárka", "Tünde", "Zsolt", "Dóra", "Enikő", "Csongor", "Balázs", "Csilla",
         "Ádám", "Krisztina", "Márton"),
        ("Vörös", "Sipos", "Kántor", "Lakatos", "Bakos", "Molnár", "Németh", "Pintér",
         "Bodnár", "Papp", "Takács", "Juhász"),
        True,
    ),
    "pacific": (
        ("Tavita", "Losa", "Sione", "Mele", "Wiremu", "Aroha", "Tamati", "Rawiri", "Mereana",
         "Tevita", "Hemi", "Sefa"),
        ("Faleolo", "Tuilagi", "Ngata", "Parata", "Leota", "Fonoti", "Tupou", "Mahuika",
         "Aumua", "Tautahi", "Falaniko", "Pomare"),
        False,
    ),
}

# Vietnamese middle names (written between family and given name).
VI_MIDDLE = ("Văn", "Hữu", "Quốc", "Xuân", "Diệu", "Đình", "Công", "Mỹ")

# Surnames and given names of special shapes, each with the culture they go with.
APOSTROPHE = (
    ("ie", "O'Halloran"), ("ie", "O'Shaughnessy"), ("ie", "O'Dowd"), ("ie", "O'Loughlin"),
    ("it", "D'Alessio"), ("it", "Dell'Orto"), ("it", "D'Amico"), ("fr", "L'Heureux"),
    ("sn", "N'Diaye"), ("in_s", "D'Mello"), ("pacific", "Ma'afu"), ("fr", "D'Aubigny"),
)
APOSTROPHE_GIVEN = ("De'Andre", "Ja'Nae", "D'Arcy", "Ke'Shawn", "La'Toya", "Ta'Niyah")
PARTICLE = (
    ("nl", "van der Meulen"), ("nl", "van 't Veld"), ("nl", "ter Haar"), ("nl", "van Beek"),
    ("es", "de la Serna"), ("es", "del Valle"), ("pt", "dos Anjos"), ("pt", "da Rocha"),
    ("de", "von Bredow"), ("ar", "bin Suwaidi"), ("ar", "al-Amin"), ("ph", "dela Paz"),
    ("ph", "de los Ríos"), ("it", "di Martino"), ("fr", "Le Bihan"), ("de", "zu Wittgenau"),
)
PARTICLES = frozenset(
    {"van", "der", "den", "de", "la", "del", "dos", "da", "von", "zu", "bin", "al", "dela",
     "los", "di", "le", "ter", "t", "lo", "el"}
)
HYPHEN_GIVEN = (
    ("fr", "Anne-Laure"), ("fr", "Paul-Henri"), ("de", "Hans-Jörg"), ("fr", "Lou-Ann"),
    ("de", "Karl-Heinz"), ("fr", "Pierre-Yves"), ("fr", "Marc-Olivier"), ("de", "Eva-Maria"),
)
HYPHEN_SURNAME = (
    ("uk", "Ashcombe-Pryor"), ("es", "Gallego-Lorca"), ("pl", "Kowalska-Nowak"),
    ("il", "Bar-Natan"), ("uk", "Hartley-Moss"), ("ng", "Okoro-Bassey"),
    ("nordic", "Lindgren-Hall"), ("de", "Schulte-Bockum"), ("uk", "Fenwick-Clarke"),
    ("es", "Ruiz-Tagle"),
)
# Names that are also common English words (gold tag ``common_word``).
WORD_GIVEN = (
    "Rose", "Hunter", "Summer", "Meadow", "Wren", "Ivy", "Hazel", "Robin", "Autumn", "Faith",
    "Heather", "Holly", "Penny", "Misty", "Ginger", "Sunny", "Chase", "Mason", "Frank",
    "Drew", "Miles", "Cash", "Amber", "Pearl",
)
WORD_SURNAME = (
    "Gardner", "Fisher", "Bishop", "Marsh", "Lane", "Rivers", "Woods", "Sharp", "Sparrow", "Swan",
    "Wolf", "Strong", "Cross", "Moody", "Gold", "Best", "Steel", "Hardy", "Noble", "Frost",
)
# fmt: on


@dataclass(frozen=True)
class Name:
    given: str
    surname: str
    culture: str
    family_first: bool = False
    middle: str = ""

    @property
    def full(self) -> str:
        if self.family_first:
            return " ".join(p for p in (self.surname, self.middle, self.given) if p)
        return f"{self.given} {self.surname}"

    @property
    def formal(self) -> str:
        """What a letter's salutation uses: the family name."""
        return self.surname

    @property
    def initial(self) -> str:
        return f"{self.given[0]}. {self.surname}"


class People:
    """The given names and surnames of one half, per culture and per shape."""

    def __init__(self, half: str) -> None:
        def pool(label: str, items: tuple[str, ...]) -> list[str]:
            return split_pool(items, half, f"r2:{label}", SEED2)

        self.given = {c: pool(f"given:{c}", g) for c, (g, _, _) in CULTURES.items()}
        self.surname = {c: pool(f"surname:{c}", s) for c, (_, s, _) in CULTURES.items()}
        self.vi_middle = pool("vi_middle", VI_MIDDLE)
        self.apostrophe = split_pool(APOSTROPHE, half, "r2:apostrophe", SEED2)
        self.apostrophe_given = pool("apostrophe_given", APOSTROPHE_GIVEN)
        self.particle = split_pool(PARTICLE, half, "r2:particle", SEED2)
        self.hyphen_given = split_pool(HYPHEN_GIVEN, half, "r2:hyphen_given", SEED2)
        self.hyphen_surname = split_pool(HYPHEN_SURNAME, half, "r2:hyphen_surname", SEED2)
        self.word_given = pool("word_given", WORD_GIVEN)
        self.word_surname = pool("word_surname", WORD_SURNAME)
        self.cultures = sorted(CULTURES)

    def _given(self, rng: random.Random, culture: str) -> str:
        if culture not in self.given:
            culture = rng.choice(("za", "yo", "ig", "fr"))
        return rng.choice(self.given[culture])

    def draw(self, rng: random.Random, culture: str | None = None) -> Name:
        culture = culture or rng.choice(self.cultures)
        family_first = CULTURES[culture][2]
        middle = rng.choice(self.vi_middle) if culture == "vi" else ""
        return Name(
            rng.choice(self.given[culture]),
            rng.choice(self.surname[culture]),
            culture,
            family_first,
            middle,
        )

    def apostrophe_name(self, rng: random.Random) -> Name:
        if rng.random() < 0.25:
            return Name(rng.choice(self.apostrophe_given), rng.choice(self.surname["us"]), "us")
        culture, surname = rng.choice(self.apostrophe)
        return Name(self._given(rng, culture), surname, culture)

    def particle_name(self, rng: random.Random) -> Name:
        culture, surname = rng.choice(self.particle)
        return Name(self._given(rng, culture), surname, culture)

    def hyphen_name(self, rng: random.Random) -> Name:
        roll = rng.random()
        if roll < 0.35:
            culture, given = rng.choice(self.hyphen_given)
            return Name(given, rng.choice(self.surname[culture]), culture)
        if roll < 0.6:
            return Name(rng.choice(self.given["kr"]), rng.choice(self.surname["kr"]), "kr")
        culture, surname = rng.choice(self.hyphen_surname)
        return Name(self._given(rng, culture), surname, culture)

    def word_name(self, rng: random.Random) -> Name:
        if rng.random() < 0.6:
            culture = rng.choice(("us", "uk", "ie"))
            return Name(rng.choice(self.word_given), rng.choice(self.surname[culture]), culture)
        culture = rng.choice(("us", "uk", "za", "ie"))
        return Name(self._given(rng, culture), rng.choice(self.word_surname), culture)


def name_tokens(text: str) -> set[str]:
    """Letter runs of 3+ characters, split at spaces, hyphens and apostrophes, lowercased."""
    import re

    return {
        t.lower()
        for t in re.split(r"[\s\-'.,]+", text)
        if len(t) >= 3 and t.lower() not in PARTICLES
    }


def all_name_strings() -> list[str]:
    """Every given name and surname of round 2 (for overlap checks against round 1)."""
    out: list[str] = []
    for given, surnames, _ in CULTURES.values():
        out += [*given, *surnames]
    out += list(VI_MIDDLE) + list(APOSTROPHE_GIVEN) + list(WORD_GIVEN) + list(WORD_SURNAME)
    for pairs in (APOSTROPHE, PARTICLE, HYPHEN_GIVEN, HYPHEN_SURNAME):
        out += [s for _, s in pairs]
    return out
