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
        ["Zuliani", "Cjargnel", "Cuder", "Tomasin", "Pecile", "Bortolussi"],
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
        ["Wairimu", "Gathoni", "Nyokabi", "Githinji", "Kiarie", "Ndirangu"],
        ["Gichuru", "Karanja", "Wachira", "Njoroge", "Mugo", "Kinyanjui"],
        "KE",
    ),
    "luo": (
        ["Auma", "Awuor", "Adongo", "Odera", "Ouma", "Ojwang"],
        ["Oduor", "Owino", "Okoth", "Obiero", "Ogola", "Omondi"],
        "KE",
    ),
    "venda": (
        ["Mpho", "Tshilidzi", "Rudzani", "Ndivhuwo", "Khathu", "Lufuno"],
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
        ["Bonnafous", "Delteil", "Vidalenc", "Castanhier", "Rouquette", "Lafargue"],
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
        ["Tuladhar", "Bajracharya", "Maharjan", "Pradhananga", "Kansakar", "Sthapit"],
        "NP",
    ),
    "dhivehi": (
        ["Shiyam", "Shaheem", "Thoriq", "Aminath", "Fathimath", "Nasheeda"],
        ["Didi", "Maniku", "Kalhoa", "Fulhu", "Thakurufaan", "Kaleyge"],
        "MV",
    ),
    "papiamento": (
        ["Shurandy", "Jurickson", "Giandra", "Xiomara", "Roshendra", "Jairzinho"],
        ["Isenia", "Pieternella", "Wawoe", "Chirino", "Doran", "Leito"],
        "CW",
    ),
}

# Given names and surnames that are everyday words.
WORD_GIVEN = [
    "Clover", "Meadow", "Sparrow", "Bramble", "Honey", "Sorrel", "Pebble", "Willow",
    "Thistle", "Hazel", "Saffron", "Marigold", "Ember", "Fern", "Wren", "Breeze",
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
    ("occitan", "de Roquefeuil"),
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
        ["Nicasio", "Eulalia", "Pancracio", "Casilda", "Rigoberta", "Anacleto"],
        ["Arizmendiarrieta", "Iturbe", "Zubizarreta", "Berasategui", "Olazabal", "Garmendia"],
    ),
    "de": (
        ["Wigand", "Hiltrud", "Gerwin", "Adelgunde", "Volkhard", "Irmtraut"],
        ["Brüggemeier", "Ketteler", "Hülsmann", "Pfannkuch", "Schmedding", "Wöstmann"],
    ),
    "fr": (
        ["Anselme", "Ombeline", "Eudes", "Gonzague", "Sixtine", "Clotaire"],
        ["Vaugelas", "Desrousseaux", "Plantevigne", "Boulanges", "Quatrefages", "Lhermitte"],
    ),
    "pt": (
        ["Joaquina", "Deolinda", "Valdomiro", "Epitácio", "Conceição", "Belmiro"],
        ["Mangabeira", "Quaresma", "Vasconcellos", "Bettencourt", "Carrilho", "Albuquerque"],
    ),
    "it": (
        ["Ermenegildo", "Assunta", "Gualtiero", "Filomena", "Ruggero", "Brunilde"],
        ["Scarpellini", "Bonfiglioli", "Castagnetti", "Pozzuoli", "Ghirardelli", "Menichetti"],
    ),
    "nl": (
        ["Gerbrand", "Aaltje", "Hendrikje", "Jelmer", "Wopke", "Trijntje"],
        ["Hoogeveen", "Blankevoort", "Kuipers", "Oudshoorn", "Wijnberg", "Zevenbergen"],
    ),
    "id": (
        ["Sulistyowati", "Bambang", "Wahyuni", "Purnomo", "Endang", "Sudarsono"],
        ["Tjandrawinata", "Simatupang", "Siregar", "Manurung", "Hutapea", "Pardede"],
    ),
    "vi": (
        ["Thị Huyền", "Văn Khải", "Thị Ngần", "Văn Sáng", "Thị Mận", "Văn Thuận"],
        ["Khúc", "Lã", "Mạc", "Quách", "Tạ", "Vi"],
    ),
}
# Names in their own script: (family, given) for cjk, (given, family) for thai.
SCRIPT_NAMES: dict[str, list[tuple[str, str]]] = {
    "zh": [("欧阳", "晓岚"), ("司马", "文渊"), ("上官", "婉清"), ("诸葛", "明远"), ("皇甫", "嘉树"), ("东方", "若曦")],
    "ja": [("勅使河原", "遥"), ("五十嵐", "湊"), ("東海林", "紬"), ("一番ケ瀬", "蓮"), ("長宗我部", "陽葵"), ("御手洗", "樹")],
    "ko": [("남궁", "서윤"), ("황보", "지호"), ("제갈", "하은"), ("선우", "도윤"), ("독고", "예린"), ("사공", "민재")],
    "th": [("ปิยะพงษ์", "ศรีสุวรรณ"), ("กาญจนา", "วงศ์ทองคำ"), ("ธีรวัฒน์", "บุญญาศิริ"), ("นภัสสร", "เจริญรัตน์"), ("วรเมธ", "พงษ์พิพัฒน์"), ("อรุณี", "สุขประเสริฐ")],
}  # fmt: skip
