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
        ("Brantley", "Kinsley", "Delaney", "Colby", "Marissa", "Bryce", "Dustin", "Lacey", "Braxton", "Tristan", "Harlan", "Maddox", "Rylee", "Cheyenne", "Everett", "Tatum", "Bristol"),
        ("Whitlock", "Haskins", "Cordell", "Bramlett", "Tidwell", "Spurlock", "Kimbrough", "Stansbury", "Blevins", "Gaskins", "McCreary", "Tolliver"),
        False,
    ),
    "scottish": (
        ("Ailsa", "Fraser", "Isla", "Lachlan", "Morag", "Struan", "Kirsty", "Mhairi", "Euan", "Catriona", "Torquil", "Eilidh"),
        ("MacAskill", "Drummond", "Lamont", "Urquhart", "Sutherland", "Buchanan", "Kinnear", "Galbraith", "Menzies"),
        False,
    ),
    "welsh": (
        ("Rhodri", "Eluned", "Gethin", "Carys", "Iolo", "Ffion", "Dafydd", "Seren", "Emrys", "Nia"),
        ("Pritchard", "Gwilliam", "Prosser", "Bevan", "Llewellyn", "Vaughan", "Parry", "Meredith", "Powell"),
        False,
    ),
    "mexican": (
        ("Itzel", "Emiliano", "Xochitl", "Cuauhtémoc", "Yareli", "Heriberto", "Araceli", "Citlali", "Nayeli", "Anselmo", "Eréndira"),
        ("Zamudio", "Cervantes", "Tamayo", "Arreola", "Olvera", "Barragán", "Velázquez", "Ybarra", "Zavala", "Nava"),
        False,
    ),
    "portuguese": (
        ("Tiago", "Leonor", "Rui", "Matilde", "Duarte", "Beatriz", "Afonso", "Margarida", "Gaspar", "Filipa", "Lourenço", "Madalena"),
        ("Carvalhal", "Antunes", "Quaresma", "Bettencourt", "Louro", "Mesquita", "Valadares", "Seixas", "Canavarro"),
        False,
    ),
    "french": (
        ("Gaëtan", "Thibault", "Loïc", "Perrine", "Gwenaëlle", "Ambroise", "Eudes", "Aymeric", "Séverine", "Honorine", "Gervais", "Lucile", "Quentin"),
        ("Peyrot", "Rouquette", "Giraudeau", "Fauconnier", "Bouchardeau", "Castaing", "Duplessis", "Terrasson", "Vautrin"),
        False,
    ),
    "german": (
        ("Ulrike", "Hannes", "Frauke", "Detlef", "Heike", "Sönke", "Ortrud", "Wolfram", "Roswitha", "Kuno", "Friedhelm"),
        ("Brinkmann", "Hoffstetter", "Lindemann", "Kessler", "Stahlberg", "Wendt", "Oberholz", "Kühne"),
        False,
    ),
    "italian": (
        ("Ferruccio", "Pierluigi", "Ornella", "Gualtiero", "Rosalba", "Corrado", "Fiammetta", "Ippolito", "Annunziata", "Saverio"),
        ("Caruso", "Benedetti", "Pellegrini", "Zanetti", "Scognamiglio", "Abbondanza", "Cuomo", "Guarneri", "D'Ambrosio"),
        False,
    ),
    "czech": (
        ("Vojtěch", "Zdeňka", "Radek", "Kateřina", "Ondřej", "Markéta", "Jaroslav", "Bohumila", "Přemysl", "Libuše"),
        ("Dvořáková", "Procházka", "Kučera", "Novotný", "Vondráček", "Šimek", "Horáková", "Bartoš", "Zelenka"),
        False,
    ),
    "romanian": (
        ("Ioana", "Mihai", "Smaranda", "Bogdan", "Raluca", "Tudor", "Oana", "Sorin", "Bianca", "Cosmin"),
        ("Dumitrescu", "Ionescu", "Munteanu", "Stoica", "Constantinescu", "Vasilescu", "Moldovan", "Ungureanu", "Petrescu"),
        False,
    ),
    "russian": (
        ("Yaroslava", "Gennady", "Timofey", "Zinaida", "Arkady", "Milena", "Stanislav", "Svyatoslav", "Ulyana"),
        ("Zakharov", "Belousova", "Tikhonov", "Gromova", "Shcherbakov", "Lebedeva", "Vorontsov", "Karpova"),
        False,
    ),
    "turkish": (
        ("Kaan", "Nesrin", "Selim", "Tülay", "Tuncay", "Berrak", "Cengiz", "Sevgül", "İlkay", "Ebru"),
        ("Aksoy", "Karakaya", "Güneş", "Bozkurt", "Ertuğrul", "Karataş", "Sarıgül", "Uysal", "Çelikkaya"),
        False,
    ),
    "egyptian": (
        ("Nour", "Tarek", "Yasmin", "Hossam", "Sherif", "Amr", "Heba", "Shady", "Marwa", "Wael"),
        ("Abdelrahman", "Fahmy", "Ragab", "Hegazy", "Badawi", "Soliman", "Abouelnaga", "Khattab"),
        False,
    ),
    "persian": (
        ("Golnaz", "Nasrin", "Shabnam", "Kiarash", "Tahmineh", "Bijan", "Ladan", "Mehrdad", "Parviz", "Haleh", "Kamran", "Soraya", "Shahrzad"),
        ("Khosravi", "Bahrami", "Najafi", "Kermani", "Zand", "Hosseinzadeh", "Ardalan", "Rahnama", "Sotoudeh", "Moghaddam"),
        False,
    ),
    "tamil": (
        ("Meenakshi", "Arun", "Vignesh", "Thenmozhi", "Kanimozhi", "Elango", "Sakthivel", "Pavithra", "Ilavarasi", "Muthu", "Saravanan"),
        ("Annamalai", "Venkatesan", "Palaniappan", "Rajendran", "Chidambaram", "Ilango", "Kandasamy", "Thangavel"),
        False,
    ),
    "bengali": (
        ("Anirban", "Sreya", "Debashis", "Moumita", "Tanushree", "Arnab", "Payel", "Indranil", "Rituparna"),
        ("Chattopadhyay", "Mukherjee", "Sengupta", "Ghoshal", "Dasgupta", "Chakraborty", "Majumdar", "Bandyopadhyay", "Lahiri"),
        False,
    ),
    "pakistani": (
        ("Usman", "Ayesha", "Sana", "Mehwish", "Faisal", "Rabia", "Zubair", "Hira", "Shahzaib", "Iqra"),
        ("Qureshi", "Siddiqui", "Butt", "Chaudhry", "Malik", "Rana", "Abbasi", "Mirza", "Awan"),
        False,
    ),
    "chinese": (
        ("Yutong", "Xinyi", "Shuang", "Yifan", "Mengyao", "Zhuoran", "Jingyi", "Qiaoyu", "Shiqi", "Wenjun"),
        ("Xie", "Cao", "Peng", "Qin", "Yao", "Shao", "Kong", "Fang", "Tan"),
        True,
    ),
    "japanese": (
        ("Riko", "Kenta", "Ayaka", "Kotaro", "Hinata", "Shiori", "Ryusei", "Tsubasa", "Mitsuki", "Kaede", "Hayato", "Chihiro"),
        ("Hasegawa", "Kaneko", "Uchida", "Noguchi", "Hirano", "Tsuchiya", "Igarashi", "Kawaguchi"),
        False,
    ),
    "korean": (
        ("Seung-hwan", "Byung-chul", "Hae-il", "Sang-wook", "Gwang-su", "Chan-uk", "Bong-gu", "Choong-ki", "Hyeok-jae"),
        ("Jeong", "Shin", "Oh", "Baek", "Seong", "Cha", "Pyo", "Gong", "Eom", "Yeo", "Mok"),
        False,
    ),
    "vietnamese": (
        ("Thắm", "Trâm", "Khoa", "Thịnh", "Kiên", "Duy", "Nhàn", "Thoa", "Diễm", "Quyên", "Lợi", "Hậu", "Luân", "Cường", "Toàn", "Uyên", "Thơ"),
        ("Trịnh", "Tô", "Mạc", "Chu", "Lã", "Âu", "Khổng", "Giáp", "Doãn", "Lục", "Hứa"),
        True,
    ),
    "filipino": (
        ("Lourdes", "Charmaine", "Rommel", "Marites", "Jinky", "Eufemia", "Rolando", "Analyn", "Reynaldo", "Jonjon"),
        ("Macapagal", "Manalastas", "Dimagiba", "Mangubat", "Ocampo", "Pascual", "Lumbera", "Dumlao"),
        False,
    ),
    "yoruba": (
        ("Bukola", "Oyindamola", "Adewale", "Titilayo", "Oluwadamilare", "Ibukunoluwa", "Opeyemi", "Abiodun", "Omotola", "Gbenga"),
        ("Adesanya", "Fashola", "Oyebanji", "Akintola", "Odunsi", "Adegbite", "Babatope", "Akinwande"),
        False,
    ),
    "hausa": (
        ("Aminu", "Zainab", "Abubakar", "Hadiza", "Sani", "Kabiru", "Hauwa", "Nasiru", "Rakiya", "Bilkisu", "Jamilu"),
        ("Danjuma", "Yusuf", "Bello", "Garba", "Lawal", "Shehu", "Dikko", "Bichi", "Sokoto"),
        False,
    ),
    "kenyan": (
        ("Auma", "Jepkosgei", "Cherono", "Adhiambo", "Wambui", "Gitau", "Jelagat", "Kemunto", "Moraa", "Kiprotich", "Nduta", "Gathoni", "Kemboi"),
        ("Muriuki", "Chepkoech", "Kibet", "Gachanja", "Owino", "Nyaga", "Wanyama", "Karanja", "Ochieng", "Onyancha", "Mogaka"),
        False,
    ),
    "zulu": (
        ("Nhlanhla", "Sbusisiwe", "Zodwa", "Thulani", "Nompumelelo", "Nokwanda", "Mthokozisi", "Hlengiwe", "Sizwe", "Khanyisile", "Mpumelelo"),
        ("Gumede", "Msimang", "Nxumalo", "Hlongwane", "Magwaza", "Mhlongo", "Mtshali", "Shezi", "Khanyile", "Madlala", "Zikalala", "Mbatha"),
        False,
    ),
    "finnish": (
        ("Jarkko", "Sanna", "Tuomas", "Riikka", "Petteri", "Hilla", "Eetu", "Kaisa", "Ville"),
        ("Laaksonen", "Salminen", "Järvinen", "Kettunen", "Lehtonen", "Hyvärinen", "Pesonen"),
        False,
    ),
    "hungarian": (
        ("Ákos", "Ildikó", "Gyöngyi", "Tihamér", "Kinga", "Botond", "Ágota", "Huba", "Emese", "Piroska"),
        ("Mészáros", "Fazekas", "Halász", "Lengyel", "Bíró", "Hegedűs", "Szűcs"),
        True,
    ),
    "maori": (
        ("Mere", "Hine", "Ngaio", "Tane", "Kiri", "Manaia", "Tui", "Ihaia", "Marama", "Whetu", "Anahera"),
        ("Tawhiri", "Kereama", "Tuhoe", "Ranginui", "Waaka", "Tipene", "Hohaia", "Te Huia"),
        False,
    ),
    "greek": (
        ("Katerina", "Vasilis", "Chrysa", "Evangelia", "Spyridon", "Kalliopi", "Dimosthenis", "Polyxeni", "Leonidas"),
        ("Papadimitriou", "Antoniou", "Georgiadis", "Stavropoulos", "Konstantopoulos", "Zografos", "Kyriakou", "Lambrakis"),
        False,
    ),
}  # fmt: skip


# Given names and surnames that are also ordinary English words.
COMMON_GIVEN = ("Sterling", "Clementine", "Forrest", "Marigold", "Cliff", "Juniper", "Dale",
                "Garnet", "Heath", "Haven", "Rusty", "Bliss", "Stormy", "Chance")  # fmt: skip
COMMON_SURNAMES = ("Thatcher", "Cooper", "Plumb", "Kettle", "Steward", "Rook", "Nettles",
                   "Salter", "Gable", "Pike", "Hedges", "Bramble", "Fairweather", "Ledger")  # fmt: skip


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
    "runbox.com", "mail.ee", "centrum.cz", "netcabo.pt", "sunrise.ch", "skynet.be",
    "bluewin.ch", "telenet.be", "xtra.co.nz", "slingshot.co.nz", "fastwebnet.it", "o2.pl",
    "daum.net", "yandex.ru", "qq.com", "rambler.ru", "talktalk.net", "shaw.ca",
    "kestrelworks.io", "harborlight-dental.com", "quillmetrics.co", "tallgrass-coop.org",
)  # fmt: skip
