"""Person names for the evaluation sets, written by hand for this package.

Not taken from Faker, from any installed name list, nor from the detector's own lists. Each
culture's given names and surnames are split into a development pool and a test pool
(:func:`bench.pii_eval.common.split_pool`), so no name is shared between the halves. Some
entries are hard on purpose: given names that are also English words (Hope, Will, Grace),
particles (van der, de la, bin, dos), apostrophes (O'Sullivan, D'Angelo) and hyphens.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.pii_eval.common import split_pool

# culture: (given names, surnames)
# fmt: off
CULTURES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "english": (
        ("Emily", "Jacob", "Megan", "Tyler", "Hannah", "Connor", "Grace", "Hope", "Will", "Dawn",
         "Brandon", "Courtney"),
        ("Whitfield", "Harrington", "Baker", "Stone", "Thornton", "Caldwell", "Pemberton", "Fox",
         "Ashworth", "Young"),
    ),
    "irish": (
        ("Siobhán", "Ciarán", "Niamh", "Eoin", "Aoife", "Pádraig", "Róisín", "Declan", "Saoirse",
         "Cormac"),
        ("O'Sullivan", "McGillicuddy", "O'Brien", "MacLeod", "Fitzgerald", "O'Donnell",
         "McAllister", "Ó Murchú", "Kavanagh", "Ní Bhriain"),
    ),
    "spanish": (
        ("María José", "Alejandro", "Lucía", "Joaquín", "Ximena", "Santiago", "Itziar", "Rodrigo",
         "Guadalupe", "Iñaki"),
        ("Fernández", "de la Fuente", "Echeverría", "Zubizarreta", "Quintanilla", "Villaseñor",
         "del Río", "Montoya", "Arrieta", "Sepúlveda"),
    ),
    "portuguese": (
        ("João Pedro", "Thiago", "Luana", "Gabriela", "Rafaela", "Caio", "Leandro", "Juliana",
         "Gonçalo", "Inês"),
        ("dos Santos", "Carvalho", "Figueiredo", "Nogueira", "da Silva", "Magalhães",
         "Albuquerque", "Rebelo", "Azevedo", "Brandão"),
    ),
    "french": (
        ("Amélie", "Théo", "Mathilde", "Grégoire", "Solène", "Benoît", "Clémence", "Anaïs",
         "Yannick", "Jean-Baptiste"),
        ("Lefèvre", "Moreau", "Marchand", "Girard", "Chevalier", "Le Goff", "Fournier",
         "Delacroix", "Beaumont", "d'Arnaud"),
    ),
    "german": (
        ("Jürgen", "Annika", "Lukas", "Friederike", "Maximilian", "Henrike", "Björn", "Sabine",
         "Torsten", "Lena-Marie"),
        ("Schäfer", "Müller", "von Hohenberg", "Krüger", "Wagner", "Hoffmann", "Baumgartner",
         "Zimmermann", "Weißmann", "Köhler"),
    ),
    "italian": (
        ("Giulia", "Lorenzo", "Chiara", "Matteo", "Francesca", "Alessandro", "Beatrice",
         "Gianluca", "Ilaria", "Niccolò"),
        ("Esposito", "Bianchi", "De Luca", "Colombo", "Ferraro", "Rinaldi", "D'Angelo",
         "Lombardi", "Mancini", "Di Stefano"),
    ),
    "dutch": (
        ("Sanne", "Bram", "Femke", "Joost", "Anouk", "Thijs", "Maaike", "Ruben", "Lieke", "Sjoerd"),
        ("van der Berg", "de Vries", "van Dijk", "Bakker", "Jansen", "Visser", "van den Heuvel",
         "Smit", "ter Horst", "Mulder"),
    ),
    "polish": (
        ("Agnieszka", "Krzysztof", "Małgorzata", "Wojciech", "Katarzyna", "Grzegorz", "Zofia",
         "Łukasz", "Joanna", "Przemysław"),
        ("Kowalczyk", "Wiśniewski", "Zieliński", "Szymańska", "Woźniak", "Kamińska",
         "Jabłoński", "Grabowski", "Dąbrowska", "Pietrzak"),
    ),
    "east_slavic": (
        ("Ekaterina", "Dmitri", "Oksana", "Sergei", "Anastasia", "Mykola", "Svetlana", "Bohdan",
         "Yulia", "Vladislav"),
        ("Ivanova", "Petrenko", "Sokolov", "Kuznetsova", "Shevchuk", "Morozov", "Bondarenko",
         "Volkova", "Tkachenko", "Lebedev"),
    ),
    "greek": (
        ("Eleni", "Konstantinos", "Dimitra", "Giorgos", "Vasiliki", "Panagiotis", "Athina",
         "Nikos", "Despina", "Stavros"),
        ("Papadopoulos", "Georgiou", "Karagiannis", "Oikonomou", "Nikolaidis", "Vlachou",
         "Antonopoulos", "Christodoulou", "Makris", "Alexiou"),
    ),
    "turkish": (
        ("Ayşe", "Mehmet", "Elif", "Emre", "Zeynep", "Burak", "Gülşen", "Oğuz", "Selin", "Çağrı"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan",
         "Kılıç"),
    ),
    "arabic": (
        ("Fatima", "Omar", "Layla", "Yousef", "Noor", "Khalid", "Mariam", "Tariq", "Huda",
         "Abdulrahman"),
        ("Al-Hashimi", "bin Saleh", "El-Sayed", "Haddad", "Al-Mansouri", "Nasser", "Abu Khalil",
         "Mahmoud", "Al-Farsi", "Bakr"),
    ),
    "persian": (
        ("Shirin", "Dariush", "Parisa", "Kourosh", "Niloufar", "Arash", "Golnar", "Babak",
         "Yasaman", "Farhad"),
        ("Hosseini", "Rahimi", "Tehrani", "Jafari", "Moradi", "Karimi", "Ahmadzadeh", "Sadeghi",
         "Farahani", "Mousavi"),
    ),
    "indian": (
        ("Priya", "Arjun", "Ananya", "Venkatesh", "Lakshmi", "Rohan", "Deepika", "Sai Kiran",
         "Kavitha", "Abhishek", "Sourav"),
        ("Raghunathan", "Iyer", "Deshpande", "Chatterjee", "Reddy", "Subramanian",
         "Bhattacharya", "Kulkarni", "Nair", "Agarwal"),
    ),
    "chinese": (
        ("Wei", "Xiaoling", "Jun", "Meiling", "Haoran", "Yuxuan", "Zhiwei", "Lihua", "Jiahui",
         "Zixuan"),
        ("Zhang", "Liu", "Chen", "Huang", "Zhou", "Wu", "Xu", "Sun", "Guo", "Lin"),
    ),
    "japanese": (
        ("Haruto", "Yui", "Takeshi", "Aiko", "Sota", "Misaki", "Kenji", "Sakura", "Ryota",
         "Nanami"),
        ("Takahashi", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Inoue", "Kimura",
         "Shimizu", "Matsumoto", "Fujiwara"),
    ),
    "korean": (
        ("Min-jun", "Seo-yeon", "Ji-hoon", "Ha-eun", "Dong-hyun", "Eun-ji", "Sung-min", "Ye-jin",
         "Hyun-woo", "Soo-ah"),
        ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Yoon", "Jang", "Lim", "Han"),
    ),
    "vietnamese": (
        ("Minh Anh", "Thu Trang", "Quang Huy", "Ngoc Lan", "Duc Anh", "Bao Chau", "Thanh Tung",
         "Phuong Linh", "Hoang Nam", "Thi Mai"),
        ("Nguyen", "Tran", "Pham", "Hoang", "Dang", "Bui", "Ngo", "Duong", "Truong", "Vuong"),
    ),
    "indonesian": (
        ("Putri", "Budi", "Ayu", "Agus", "Dewi", "Rizky", "Wahyu", "Indah", "Bambang", "Fitri"),
        ("Santoso", "Wijaya", "Kusuma", "Hidayat", "Setiawan", "Pratama", "Nugroho", "Saputra",
         "Halim", "Siregar"),
    ),
    "nigerian": (
        ("Adaeze", "Chinedu", "Oluwaseun", "Ngozi", "Babatunde", "Chiamaka", "Emeka", "Folasade",
         "Obinna", "Temitope"),
        ("Okonkwo", "Adeyemi", "Eze", "Okafor", "Balogun", "Nwosu", "Olatunji", "Chukwu",
         "Adebayo", "Obi"),
    ),
    "east_african": (
        ("Wanjiru", "Otieno", "Achieng", "Kamau", "Amani", "Baraka", "Makena", "Tesfaye",
         "Selamawit", "Abebe"),
        ("Mwangi", "Odhiambo", "Njoroge", "Wekesa", "Kiprono", "Mutua", "Haile", "Gebremedhin",
         "Kariuki", "Omondi"),
    ),
    "ghanaian": (
        ("Kwame", "Akosua", "Kofi", "Ama", "Yaw", "Efua", "Kwabena", "Abena"),
        ("Mensah", "Asante", "Owusu", "Boateng", "Appiah", "Osei", "Agyeman", "Darko"),
    ),
    "south_african": (
        ("Thandiwe", "Sipho", "Nomvula", "Themba", "Lindiwe", "Bongani", "Zanele", "Mandla"),
        ("Dlamini", "Nkosi", "Ndlovu", "Khumalo", "Mthembu", "Buthelezi", "Mahlangu", "Sithole"),
    ),
    "nordic": (
        ("Astrid", "Magnus", "Ingrid", "Sindre", "Sigrid", "Henrik", "Freja", "Anders",
         "Solveig", "Espen"),
        ("Johansson", "Lindqvist", "Haugen", "Bergström", "Nilsen", "Sørensen", "Åkesson",
         "Halvorsen", "Lund", "Engström"),
    ),
    "hebrew": (
        ("Noa", "Yonatan", "Tamar", "Eitan", "Shira", "Avi", "Michal", "Itai"),
        ("Cohen", "Levi", "Mizrahi", "Friedman", "Ben-David", "Katz", "Peretz", "Shapiro"),
    ),
    "filipino": (
        ("Maricel", "Jomar", "Rowena", "Jericho", "Lovely", "Arnel", "Kristine", "Dindo"),
        ("dela Cruz", "Santos", "Reyes", "Bautista", "Villanueva", "Mendoza", "Dimaculangan",
         "Macaraeg"),
    ),
    "hungarian": (
        ("Zsófia", "Bence", "Réka", "Gergely", "Eszter", "Levente", "Dorottya", "Csaba"),
        ("Nagy", "Kovács", "Szabó", "Tóth", "Horváth", "Varga", "Balogh", "Farkas"),
    ),
}

# Vietnamese as written in Vietnamese (the multilingual set); the chats set uses the
# unaccented forms above, as Vietnamese customers often type in English-language chats.
VIETNAMESE_ACCENTED: tuple[tuple[str, ...], tuple[str, ...]] = (
    ("Minh Anh", "Thu Trang", "Quang Huy", "Ngọc Lan", "Đức Anh", "Bảo Châu", "Thanh Tùng",
     "Phương Linh", "Hoàng Nam", "Thị Mai"),
    ("Nguyễn", "Trần", "Phạm", "Hoàng", "Đặng", "Bùi", "Ngô", "Dương", "Trương", "Võ"),
)

# Names in CJK, Hangul and Thai script, by language: (full name as written, identifying parts).
SCRIPT_NAMES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "zh": (
        ("陈晓明", ("晓明",)),
        ("李静怡", ("静怡",)),
        ("张雨涵", ("雨涵",)),
        ("王志强", ("志强",)),
        ("刘思彤", ("思彤",)),
        ("黄俊杰", ("俊杰",)),
    ),
    "ja": (
        ("佐藤美咲", ("美咲",)),
        ("高橋健太", ("健太",)),
        ("中村由美", ("由美",)),
        ("山口翔太", ("翔太",)),
    ),
    "ko": (
        ("김서연", ("서연",)),
        ("박지훈", ("지훈",)),
        ("이하은", ("하은",)),
        ("최민준", ("민준",)),
    ),
    "th": (
        ("สมชาย ใจดี", ("สมชาย", "ใจดี")),
        ("นภัสสร วงศ์สวัสดิ์", ("นภัสสร", "วงศ์สวัสดิ์")),
        ("กิตติพงษ์ ศรีสุข", ("กิตติพงษ์", "ศรีสุข")),
        ("พิมพ์ชนก แสงทอง", ("พิมพ์ชนก", "แสงทอง")),
        ("ธนากร บุญมา", ("ธนากร", "บุญมา")),
        ("วรรณา ทองดี", ("วรรณา", "ทองดี")),
    ),
}
SCRIPT_OF = {"zh": "cjk", "ja": "cjk", "ko": "cjk", "th": "thai"}

# fmt: on

PARTICLES = frozenset(
    "van der den de la del da dos das di le von ter ten bin binti bint ibn abu al el ó ní mac".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Name:
    given: str
    surname: str
    culture: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"

    @property
    def has_particle(self) -> bool:
        first = self.surname.split()[0]
        return first.lower() in PARTICLES or first.split("-")[0].lower() in ("al", "el")

    @property
    def has_apostrophe(self) -> bool:
        return "'" in self.full

    @property
    def has_hyphen(self) -> bool:
        return "-" in self.full


class NamePool:
    """The names of one half, drawn culture by culture so every culture is used."""

    def __init__(self, half: str, cultures: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]):
        self.pools = {
            culture: (
                split_pool(given, half, f"given:{culture}"),
                split_pool(surnames, half, f"surname:{culture}"),
            )
            for culture, (given, surnames) in cultures.items()
        }

    def draw(self, rng: random.Random, culture: str | None = None) -> Name:
        culture = culture or rng.choice(sorted(self.pools))
        given, surnames = self.pools[culture]
        return Name(rng.choice(given), rng.choice(surnames), culture)

    def draw_where(self, rng: random.Random, test: str) -> Name:
        """A name with a particle / an apostrophe / a hyphen (``test`` is the property)."""
        for _ in range(500):
            name = self.draw(rng)
            if getattr(name, test):
                return name
        raise ValueError(f"no name in this half has {test}")


def script_names(half: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    """(name, identifying parts) of one language's script names in one half."""
    return split_pool(SCRIPT_NAMES[lang], half, f"script:{lang}")
