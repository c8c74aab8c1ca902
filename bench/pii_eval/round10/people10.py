"""Round 10 names and e-mail domains, typed by hand from general knowledge.

No entry comes from Faker, names-dataset or any installed list. Every pool is split by
``common10.pool``; a name token sits in one entry only (particles aside).
"""

from __future__ import annotations

# culture -> (given names, surnames, phone country)
CULTURES: dict[str, tuple[list[str], list[str], str]] = {
    "kannada": (
        [
            "Shivaraj",
            "Yashoda",
            "Manjunath",
            "Rukmini",
            "Puttaswamy",
            "Nagaveni",
            "Thimmappa",
            "Hemavathi",
        ],
        ["Gowda", "Hegde", "Kattimani", "Bhovi", "Hiremath", "Doddamani", "Sheshagiri", "Belludi"],
        "IN",
    ),
    "odia": (
        [
            "Jyotiranjan",
            "Sasmita",
            "Pradyumna",
            "Snigdha",
            "Bibhuti",
            "Itishree",
            "Manaswini",
            "Durgaprasad",
        ],
        [
            "Mohapatra",
            "Panigrahi",
            "Samantaray",
            "Routray",
            "Senapati",
            "Mahakud",
            "Dalabehera",
            "Satapathy",
        ],
        "IN",
    ),
    "assamese": (
        [
            "Hiranya",
            "Bhaskarjyoti",
            "Pallabi",
            "Mrinmoy",
            "Jonali",
            "Dhrubajit",
            "Rupjyoti",
            "Nilakshi",
        ],
        ["Baruah", "Gogoi", "Bordoloi", "Saikia", "Hazarika", "Phukan", "Borgohain", "Kalita"],
        "IN",
    ),
    "sindhi": (
        [
            "Lachman",
            "Hemlata",
            "Parmanand",
            "Jethanand",
            "Kishinchand",
            "Sundri",
            "Ghanshyam",
            "Vasudev",
        ],
        [
            "Hiranandani",
            "Mirchandani",
            "Bhagnani",
            "Lalwani",
            "Advani",
            "Thadani",
            "Gidwani",
            "Sippy",
        ],
        "PK",
    ),
    "corsican": (
        [
            "Ghjuvanni",
            "Petru",
            "Ghjacumu",
            "Maria-Dumenica",
            "Santu",
            "Lisandru",
            "Ghjulia",
            "Paulu",
        ],
        ["Santoni", "Peretti", "Colonna", "Luciani", "Pietri", "Acquaviva", "Mondoloni", "Sarrola"],
        "FR",
    ),
    "cornish": (
        ["Jago", "Demelza", "Morwenna", "Kerensa", "Tamsin", "Pedrek", "Kitto", "Lowena"],
        [
            "Trelawny",
            "Penhaligon",
            "Tregenza",
            "Chenoweth",
            "Polglase",
            "Trevithick",
            "Pengelly",
            "Rosewarne",
        ],
        "GB",
    ),
    "manx": (
        ["Illiam", "Moirrey", "Voirrey", "Ealish", "Breesha", "Orry", "Fenella", "Chalse"],
        ["Quayle", "Kermode", "Corlett", "Kinvig", "Quilliam", "Cregeen", "Qualtrough", "Faragher"],
        "IM",
    ),
    "galician": (
        ["Xoán", "Uxía", "Antía", "Brais", "Iago", "Xiana", "Breixo", "Sabela"],
        ["Outeiriño", "Seoane", "Castiñeira", "Regueiro", "Souto", "Louzao", "Vilariño", "Bouzas"],
        "ES",
    ),
    "romansh": (
        ["Gion", "Giusep", "Mengia", "Onna", "Duri", "Ursina", "Flurin", "Madlaina"],
        ["Caduff", "Cathomen", "Derungs", "Casutt", "Tschander", "Cadruvi", "Bundi", "Vieli"],
        "CH",
    ),
    "edo": (
        ["Osaro", "Eghosa", "Ivie", "Efosa", "Osayuki", "Uyiosa", "Ekhosuehi", "Izoduwa"],
        [
            "Osagie",
            "Igbinedion",
            "Omoregie",
            "Osemwegie",
            "Aiguobasimwin",
            "Ekhator",
            "Ogiemwonyi",
            "Iyamu",
        ],
        "NG",
    ),
    "efik": (
        ["Ekaete", "Idongesit", "Aniekan", "Uduak", "Ekemini", "Mfon", "Nsikak", "Ime"],
        ["Effiong", "Ekanem", "Etim", "Okon", "Inyang", "Asuquo", "Ekpenyong", "Antigha"],
        "NG",
    ),
    "dinka": (
        ["Ajak", "Abuk", "Achol", "Mabior", "Kuol", "Ayen", "Majok", "Adut"],
        ["Garang", "Majak", "Akuei", "Malual", "Chol", "Arop", "Deng-Mayen", "Atem"],
        "SS",
    ),
    "balinese": (
        [
            "Wayan Sudarsana",
            "Made Ariani",
            "Nyoman Suastika",
            "Ketut Widiasih",
            "Putu Arsana",
            "Komang Sukerti",
            "Gede Mahendra",
            "Kadek Purnami",
        ],
        [
            "Artawan",
            "Swastika",
            "Sukadana",
            "Wiryawan",
            "Adnyana",
            "Sudiartha",
            "Mertayasa",
            "Suryawan",
        ],
        "ID",
    ),
    "cajun": (
        ["Alcide", "Ovide", "Clovis", "Eula", "Octave", "Aurelie", "Telesphore", "Onezime"],
        [
            "Thibodeaux",
            "Boudreaux",
            "Fontenot",
            "Broussard",
            "Guidry",
            "Arceneaux",
            "Hebert",
            "Savoie",
        ],
        "US",
    ),
    "pa_dutch": (
        ["Amos", "Elam", "Ezra", "Menno", "Lydia", "Rebekah", "Sadie", "Eli"],
        ["Yoder", "Stoltzfus", "Hochstetler", "Beiler", "Zook", "Lapp", "Esh", "Glick"],
        "US",
    ),
    "ossetian": (
        ["Soslan", "Zaur", "Alan", "Zalina", "Agunda", "Batraz", "Taimuraz", "Zarina"],
        ["Dzasokhov", "Gagloev", "Tskhovrebov", "Kokoev", "Dzagoev", "Bestaev", "Kaloev", "Tedeev"],
        "RU",
    ),
    "uyghur": (
        ["Dilnur", "Mihray", "Ablikim", "Nurmemet", "Gulnisa", "Abdukerim", "Rahile", "Memtimin"],
        ["Tursun", "Abdurehim", "Yasin", "Niyaz", "Eziz", "Qadir", "Mamut", "Imin"],
        "CN",
    ),
    "konkani": (
        [
            "Vasant",
            "Shubhada",
            "Gurunath",
            "Sumedha",
            "Dattaprasad",
            "Vibha",
            "Narayan",
            "Pratibha",
        ],
        ["Shenoy", "Kamath", "Pai", "Prabhu", "Bhandarkar", "Mallya", "Nayak", "Kudva"],
        "IN",
    ),
    "parsi": (
        ["Cyrus", "Jehangir", "Roxana", "Dinshaw", "Perin", "Zarine", "Kersi", "Homai"],
        [
            "Wadia",
            "Bilimoria",
            "Daruwalla",
            "Batliwala",
            "Mistry",
            "Contractor",
            "Engineer",
            "Vakil",
        ],
        "IN",
    ),
}

# Everyday English words as names.
WORD_GIVEN = [
    "Zinnia", "Juniper", "Lupin", "Verbena", "Aster", "Yarrow", "Fennel", "Larkspur",
    "Acorn", "Cinder", "Quill", "Story", "Riddle", "Anthem", "Harbor", "Ballad",
    "Sonnet", "Fable", "Onyx", "Tinsel", "Marble", "Ivory", "Treasure", "Cobalt",
]  # fmt: skip
WORD_SURNAMES = [
    "Pudding", "Porridge", "Biscuit", "Crumb", "Puddle", "Ladle", "Barrel", "Bucket",
    "Crumpet", "Treacle", "Nettle", "Furrow", "Gable", "Steeple", "Lantern", "Candle",
    "Wicks", "Saddler", "Trowel", "Thimble", "Salter", "Ostler", "Carter", "Bobbin",
]  # fmt: skip

# (culture, surname) with an apostrophe or a particle.
APOSTROPHE = [
    ("cajun", "D'Aigle"), ("cajun", "D'Aquin"), ("corsican", "D'Ornano"), ("corsican", "D'Istria"),
    ("manx", "O'Kinley"), ("cornish", "O'Trenoweth"), ("galician", "D'Abalde"), ("cajun", "L'Anglais"),
]  # fmt: skip
PARTICLE = [
    ("corsican", "de Leca"), ("corsican", "della Rocca"), ("galician", "do Outeiro"),
    ("galician", "da Mariña"), ("romansh", "de Planta"), ("romansh", "von Salis"),
    ("cajun", "de la Houssaye"), ("pa_dutch", "von Gunten"),
]  # fmt: skip
PARTICLES = {"de", "della", "do", "da", "von", "la", "thị", "văn"}

DOMAINS = [
    "quillmere.net", "tarnbrook.io", "mossfold.org", "pebblewick.co", "larchmail.com",
    "brackenmere.net", "brindlepost.com", "cairnvale.org", "otterlane.io", "saltmarsh-mail.com",
    "wickerbay.net", "heronsgate.co", "gorsefield.org", "driftway.email", "kilnworks.net",
    "copperbeck.com",
]  # fmt: skip

# multi10: language -> (given, surnames).
MULTI: dict[str, tuple[list[str], list[str]]] = {
    "es": (
        [
            "Eustaquio",
            "Casilda",
            "Petronila",
            "Atanasio",
            "Leocadia",
            "Nicanor",
            "Escolástica",
            "Ceferino",
        ],
        [
            "Zubiría",
            "Arteaga",
            "Valbuena",
            "Villalpando",
            "Mondragón",
            "Landázuri",
            "Goicoechea",
            "Olaizola",
        ],
    ),
    "de": (
        [
            "Gisela",
            "Hildegunde",
            "Adelheid",
            "Gottlob",
            "Wilhelmine",
            "Wendelin",
            "Mechthild",
            "Ottokar",
        ],
        [
            "Rübsamen",
            "Obermüller",
            "Hinterhuber",
            "Kapfhammer",
            "Wackernagel",
            "Griesbeck",
            "Lämmerhirt",
            "Spannagel",
        ],
    ),
    "fr": (
        [
            "Ghislain",
            "Philippine",
            "Ferdinand",
            "Sixtine",
            "Hippolyte",
            "Enguerrand",
            "Domitille",
            "Tancrède",
        ],
        [
            "Béraud",
            "Malicorne",
            "Dutilleul",
            "Tronchet",
            "Beauvillain",
            "Chaumontel",
            "Baudelocque",
            "Coquerel",
        ],
    ),
    "pt": (
        [
            "Cleonice",
            "Genésio",
            "Adalberto",
            "Zuleica",
            "Juscelino",
            "Odete",
            "Belmiro",
            "Lindalva",
        ],
        [
            "Castanheira",
            "Junqueira",
            "Mendonça",
            "Figueira",
            "Bragança",
            "Barbalho",
            "Carneiro",
            "Corrêa",
        ],
    ),
    "it": (
        ["Concetta", "Addolorata", "Calogero", "Nunzio", "Gaspare", "Santina", "Liborio", "Egidio"],
        [
            "Capodanno",
            "Sciacca",
            "Tramontano",
            "Lopresti",
            "Cannavacciuolo",
            "Squillace",
            "Passalacqua",
            "Torregrossa",
        ],
    ),
    "nl": (
        ["Jelle", "Hillegonda", "Evert", "Diederik", "Teunis", "Marijke", "Folkert", "Roelof"],
        [
            "Timmerman",
            "Schipper",
            "Zwartjes",
            "Bakhuizen",
            "Verschoor",
            "Kraaijeveld",
            "Vreugdenhil",
            "Vlasblom",
        ],
    ),
    "id": (
        [
            "Setyaningsih",
            "Sumarni",
            "Tuminah",
            "Purwanti",
            "Sukarti",
            "Marsudi",
            "Suwarni",
            "Darmaji",
        ],
        [
            "Sinaga",
            "Pasaribu",
            "Damanik",
            "Purba",
            "Sitorus",
            "Tampubolon",
            "Manullang",
            "Hutagalung",
        ],
    ),
    "vi": (
        [
            "Văn Quyết",
            "Thị Mận",
            "Văn Tèo",
            "Thị Lài",
            "Thị Bưởi",
            "Thị Cúc",
            "Bá Kiến",
            "Thị Xoan",
        ],
        ["Diêm", "Bế", "Lò", "Yên", "Lưu", "Ứng", "Ôn", "Hầu"],
    ),
}

# script -> (family, given) in their own script; Thai is (given, surname).
SCRIPT_NAMES: dict[str, list[tuple[str, str]]] = {
    "zh": [("尉迟", "思远"), ("长孙", "明哲"), ("呼延", "俊豪"), ("公冶", "映雪"), ("闻人", "云飞"), ("赫连", "疏影"), ("万俟", "一帆"), ("太叔", "书瑶")],
    "ja": [("五十嵐", "湊"), ("長谷川", "蒼"), ("小鳥遊", "紬"), ("四月一日", "樹"), ("百目鬼", "凛"), ("小比類巻", "颯"), ("十文字", "鈴音"), ("六角", "楓馬")],
    "ko": [("장곡", "서윤"), ("환", "지호"), ("편", "도윤"), ("빈", "예린"), ("옥", "라온"), ("국", "새롬"), ("단", "솔빈"), ("어", "이든")],
    "th": [("ปิยะพงษ์", "วงศ์ใหญ่"), ("กัญญารัตน์", "สายสุวรรณ"), ("ธนพล", "ศรีประเสริฐ"), ("สุนิสา", "ปัญญาดี"), ("วีรยุทธ", "มีสุข"), ("พรทิพย์", "รุ่งเรืองศรี"), ("รัชนี", "แสงอรุณ"), ("ศักดิ์ชัย", "บุญเรือง")],
}  # fmt: skip
