"""Round 11 people: names of cultures not used in rounds 1–10, typed by hand."""

from __future__ import annotations

# culture: (given names, surnames, phone country)
CULTURES: dict[str, tuple[list[str], list[str], str]] = {
    "sorbian": (
        ["Jurij", "Handrij", "Měrćin", "Wórša", "Hańža", "Lejna"],
        ["Brězan", "Šołta", "Kokla", "Mětšk", "Krawc", "Wićaz"],
        "DE",
    ),
    "friulian": (
        ["Pieri", "Checo", "Meni", "Titute", "Rosute", "Catine"],
        ["Zuliani", "Cjargnel", "Cuder", "Tomasin", "Pecile", "Pittino"],
        "IT",
    ),
    "aromanian": (
        ["Dhimitri", "Tuli", "Steryu", "Mitrusha", "Vanghea", "Zoitsa"],
        ["Caragiani", "Papahagi", "Cusuli", "Ciumeti", "Balamaci", "Zuca"],
        "RO",
    ),
    "chuvash": (
        ["Sentti", "Ilem", "Ulkhan", "Tavrash", "Narspi", "Aspasi"],
        ["Ukhsai", "Khuzangai", "Mishshi", "Tulaev", "Sespelov", "Yantush"],
        "RU",
    ),
    "buryat": (
        ["Bair", "Dulma", "Tsyren", "Dashi", "Zorigto", "Sayana"],
        ["Dorzhiev", "Tsydenov", "Badmaev", "Balzhinimaev", "Rinchinov", "Dugarov"],
        "RU",
    ),
    "circassian": (
        ["Aslanbech", "Zaurbi", "Sataney", "Guashe", "Nafset", "Tembot"],
        ["Shogenov", "Kardanov", "Tlostanov", "Khakunov", "Nagoev", "Kushkhov"],
        "RU",
    ),
    "kikuyu": (
        ["Wangeci", "Nyakio", "Nyokabi", "Githinji", "Kiarie", "Ndirangu"],
        ["Gichuru", "Kahiga", "Wachira", "Kimemia", "Wamathai", "Wanjugu"],
        "KE",
    ),
    "luo": (
        ["Onditi", "Awuor", "Adongo", "Odera", "Ouma", "Ojwang"],
        ["Oduor", "Obonyo", "Okoth", "Obiero", "Ogola", "Odindo"],
        "KE",
    ),
    "venda": (
        ["Mashudu", "Tshilidzi", "Rudzani", "Ndivhuwo", "Khathu", "Lufuno"],
        ["Netshitenzhe", "Ramabulana", "Mudau", "Nemukula", "Tshivhase", "Ravele"],
        "ZA",
    ),
    "mossi": (
        ["Rasmané", "Boukary", "Wendkouni", "Pegdwendé", "Noaga", "Tibila"],
        ["Tapsoba", "Nikiéma", "Kafando", "Yaméogo", "Bonkoungou", "Zoungrana"],
        "BF",
    ),
    "luxembourgish": (
        ["Jhemp", "Gusty", "Mett", "Fränz", "Trine", "Lis"],
        ["Feltgen", "Hoffelt", "Wennig", "Thill", "Kieffer", "Bettendorf"],
        "LU",
    ),
    "occitan": (
        ["Guilhèm", "Esteve", "Peire", "Azalaïs", "Mirelha", "Magalona"],
        ["Bonnafous", "Delteil", "Vidalenc", "Castanhier", "Gaubert", "Lafargue"],
        "FR",
    ),
    "tulu": (
        ["Rakshith", "Dhanya", "Sukesh", "Bhuvana", "Yashwanth", "Sowjanya"],
        ["Bangera", "Suvarna", "Kotian", "Salian", "Karkera", "Kunder"],
        "IN",
    ),
    "khasi": (
        ["Iaimonlang", "Banteilang", "Wanshwa", "Daphimonlang", "Kyrshan", "Ibashisha"],
        ["Lyngdoh", "Syiem", "Kharkongor", "Marbaniang", "Nongrum", "Warjri"],
        "IN",
    ),
    "mizo": (
        ["Lalremruata", "Zothanpuii", "Vanlalhruaii", "Lalmuanpuia", "Rinawmi", "Malsawmtluanga"],
        ["Hnamte", "Sailo", "Ralte", "Pachuau", "Chhangte", "Khiangte"],
        "IN",
    ),
    "newar": (
        ["Manjushree", "Prajwol", "Ujjwal", "Sarbottam", "Binita", "Laxmiprabha"],
        ["Tuladhar", "Bajracharya", "Shilpakar", "Pradhananga", "Kansakar", "Sthapit"],
        "NP",
    ),
    "dhivehi": (
        ["Shiyam", "Shaheem", "Thoriq", "Aminath", "Fathimath", "Nasheeda"],
        ["Didi", "Maniku", "Kalhoa", "Fulhu", "Thakurufaan", "Kaleyge"],
        "MV",
    ),
    "papiamento": (
        ["Shurandy", "Jurickson", "Giandra", "Yaritza", "Roshendra", "Jairzinho"],
        ["Isenia", "Pieternella", "Wawoe", "Chirino", "Doran", "Leito"],
        "CW",
    ),
}

# Given names and surnames that are everyday words.
WORD_GIVEN = [
    "Cowslip", "Foxglove", "Plover", "Teasel", "Mallow", "Campion", "Quartz", "Alder",
    "Hyssop", "Hazel", "Cress", "Velvet", "Comet", "Calico", "Chintz", "Breeze",
]  # fmt: skip
WORD_SURNAMES = [
    "Kettle", "Pickle", "Spindle", "Mallet", "Hopper", "Ladder", "Anvil", "Shovel",
    "Bellows", "Wagon", "Hammock", "Ribbon", "Tinker", "Cobbler", "Skillet", "Muffin",
]  # fmt: skip
# (culture, surname with an apostrophe)
APOSTROPHE: list[tuple[str, str]] = [
    ("occitan", "D'Estanhòl"),
    ("occitan", "L'Aubrac"),
    ("friulian", "D'Aronco"),
    ("friulian", "Dall'Ava"),
    ("luxembourgish", "D'Huart"),
    ("occitan", "D'Aigrefeuille"),
    ("friulian", "Dell'Agnese"),
    ("luxembourgish", "D'Osterlé"),
]
PARTICLE: list[tuple[str, str]] = [
    ("luxembourgish", "de Colnet"),
    ("friulian", "di Prampero"),
    ("occitan", "de Roquetaillade"),
    ("luxembourgish", "von Gondersdorff"),
    ("friulian", "de Savorgnan"),
    ("occitan", "de Castelbajac"),
    ("luxembourgish", "de la Fontaine-Mersch"),
    ("friulian", "di Strassoldo"),
]
PARTICLES = {"de", "di", "von", "la", "van", "der", "thị", "văn", "dos", "da", "du", "zu"}

DOMAINS = [
    "quernmail.net", "beeswing.org", "tuningfork.co", "kilnhouse.io", "regattapost.com",
    "belltower-ringers.org", "railwayclub.uk", "fridgeshare.net", "quizleague.io",
    "falconsmews.com", "balloonride.co", "ciderpress.net", "loomworks.org", "harpguild.net",
    "sundialmail.com", "bikebarn.io",
]  # fmt: skip

# language: (given names, surnames)
MULTI: dict[str, tuple[list[str], list[str]]] = {
    "es": (
        ["Eutiquio", "Gumersinda", "Sinforosa", "Teodulfo", "Rigoberta", "Hermenegilda"],
        ["Arizmendiarrieta", "Iturbe", "Urquiola", "Berasategui", "Olazabal", "Aldasoro"],
    ),
    "de": (
        ["Wigand", "Walburga", "Gerwin", "Lüder", "Volkhard", "Irmtraut"],
        ["Brüggemeier", "Ketteler", "Hülsmann", "Kötterheinrich", "Schmedding", "Wöstmann"],
    ),
    "fr": (
        ["Aldebert", "Sidonie", "Barnabé", "Ludivine", "Amaury", "Clotaire"],
        ["Vaugelas", "Desrousseaux", "Plantevigne", "Boulanges", "Quatrefages", "Delahoulière"],
    ),
    "pt": (
        ["Benvinda", "Valdelice", "Valdomiro", "Epitácio", "Juraci", "Zuleide"],
        ["Mangabeira", "Figueiral", "Vasconcellos", "Malaquias"],
    ),
    "it": (
        ["Cunegonda", "Gesualdo", "Ottavina", "Clodomiro", "Ivaldo", "Nives"],
        ["Calzavara", "Bonfiglioli", "Castagnetti", "Pozzuoli", "Ghirardelli", "Menichetti"],
    ),
    "nl": (
        ["Gerbrand", "Siebren", "Hendrikje", "Eeltsje"],
        ["Hoogeveen", "Blankevoort", "Zuidema", "Bloemendaal", "Schaapveld", "Zevenbergen"],
    ),
    "id": (
        ["Sulistyowati", "Dwiyanto", "Wahyuni", "Suharni", "Wiwik", "Sukirman"],
        ["Tjandrawinata", "Wowor", "Rumengan", "Sumampouw", "Pattinama", "Latuconsina"],
    ),
    "vi": (
        ["Thị Thoa", "Văn Chiến", "Thị Ngần", "Văn Khoát", "Thị Xuyến", "Văn Thức"],
        ["Mông", "Khương", "Tăng", "Vi"],
    ),
}
# Names in their own script: (family, given) for cjk, (given, family) for thai.
SCRIPT_NAMES: dict[str, list[tuple[str, str]]] = {
    "zh": [("长孙", "如琢"), ("公冶", "鹤年"), ("长孙", "若拙"), ("公冶", "清霞")],
    "ja": [("一番ケ瀬", "蓮"), ("長宗我部", "陽葵"), ("長宗我部", "葵衣"), ("一番ケ瀬", "子規")],
    "ko": [("탁", "윤서"), ("묵", "태린"), ("옹", "해솔")],
    "th": [("ปัณณวัฒน์", "ภูมิรัตนากร"), ("ฐิติมา", "ทองประเสริฐกุล"), ("รัชนีกร", "อินทรสถิตย์"), ("กิตติภพ", "ศิริวัฒนโชค"), ("อัครเดช", "วงศ์ไพบูลย์สุข"), ("ชนิดาภา", "เลิศวิริยะกิจ")],
}  # fmt: skip
