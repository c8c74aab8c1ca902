"""Round-9 names, typed by hand from general knowledge (no Faker, no installed name list).

Cultures of ``chats9``/``addresses9`` are none of those listed for rounds 1-8. Each list is a
pool split by :func:`bench.pii_eval.round9.common9.pool`; no name token sits in two entries.
"""

from __future__ import annotations

# culture: (given names, surnames, phone country)
CULTURES: dict[str, tuple[list[str], list[str], str]] = {
    "gujarati": (
        ["Hetal", "Jignesh", "Bhavika", "Nimesh", "Falguni", "Ketan", "Urvashi", "Chirag"],
        [
            "Vaghela",
            "Thakkar",
            "Kotecha",
            "Majithia",
            "Ruparelia",
            "Dholakia",
            "Jhaveri",
            "Bhanderi",
        ],
        "IN",
    ),
    "marathi": (
        ["Sayali", "Omkar", "Tejaswini", "Mrunal", "Ketaki", "Chinmay", "Rutuja", "Shantanu"],
        [
            "Gokhale",
            "Joglekar",
            "Phadke",
            "Karandikar",
            "Bhide",
            "Ranade",
            "Dharmadhikari",
            "Mhatre",
        ],
        "IN",
    ),
    "punjabi": (
        [
            "Harleen",
            "Jaskaran",
            "Simranjit",
            "Navjot",
            "Baljinder",
            "Harjot",
            "Ravneet",
            "Sukhwinder",
        ],
        ["Grewal", "Brar", "Sekhon", "Pannu", "Randhawa", "Aulakh", "Virk", "Dhaliwal"],
        "IN",
    ),
    "tibetan": (
        ["Lhakpa", "Kalsang", "Yangchen", "Lobsang", "Dechen", "Jampa", "Ngawang", "Phuntsok"],
        ["Dolkar", "Choedon", "Wangmo", "Gyaltsen", "Tsomo", "Dhondup", "Lhamo", "Namgyal"],
        "NP",
    ),
    "hmong": (
        ["Chue", "Yeng", "Pheng", "Nkauj", "Ntxhi", "Zoov", "Tswv", "Nplooj"],
        ["Hawj", "Thao", "Moua", "Khang", "Kue", "Vue", "Vang", "Lor"],
        "US",
    ),
    "chamorro": (
        ["Joaquina", "Vicenta", "Isidro", "Engracia", "Tomasa", "Candelario", "Hilaria", "Ysabel"],
        [
            "Taitano",
            "Aguon",
            "Quitugua",
            "Taimanglo",
            "Pangelinan",
            "Atoigue",
            "Manibusan",
            "Quichocho",
        ],
        "GU",
    ),
    "tahitian": (
        ["Teiva", "Vaimiti", "Heimana", "Manutea", "Hinatea", "Raiarii", "Poerava", "Teuira"],
        [
            "Tetuanui",
            "Temaru",
            "Tauhiro",
            "Mahinui",
            "Teriitahi",
            "Vaiho",
            "Tuheiava",
            "Tehaamoana",
        ],
        "PF",
    ),
    "oromo": (
        ["Chaltu", "Gemechu", "Lensa", "Obsa", "Ebise", "Galane", "Fayisa", "Biftu"],
        ["Tolossa", "Dinsa", "Gudeta", "Jaleta", "Negasa", "Hundessa", "Wakjira", "Ayana"],
        "ET",
    ),
    "ganda": (
        ["Nakato", "Babirye", "Waswa", "Nalule", "Nakimuli", "Namubiru", "Nalwanga", "Kizza"],
        [
            "Ssemakula",
            "Kiggundu",
            "Lubega",
            "Ssekandi",
            "Kasozi",
            "Mulindwa",
            "Ssentongo",
            "Kawooya",
        ],
        "UG",
    ),
    "ewe": (
        ["Edem", "Elikem", "Selasi", "Mawuli", "Dzifa", "Enyonam", "Delali", "Senyo"],
        ["Agbodeka", "Amegashie", "Dzansi", "Gbedemah", "Kpodo", "Adzraku", "Tsikata", "Akakpo"],
        "TG",
    ),
    "bambara": (
        ["Modibo", "Bakary", "Assitan", "Djeneba", "Lassina", "Nafissatou", "Sirandou", "Bourama"],
        ["Samaké", "Togola", "Doumbia", "Kanouté", "Sanogo", "Dembélé", "Diakité", "Bagayoko"],
        "ML",
    ),
    "kabyle": (
        ["Lounès", "Tassadit", "Ouiza", "Dihia", "Yidir", "Tanina", "Arezki", "Menad"],
        ["Amrouche", "Mammeri", "Ouchène", "Yefsah", "Azzoug", "Ikhlef", "Tighilt", "Ouali"],
        "DZ",
    ),
    "chewa": (
        [
            "Chikondi",
            "Thokozani",
            "Mphatso",
            "Tamanda",
            "Chisomo",
            "Kondwani",
            "Tiyamike",
            "Dalitso",
        ],
        [
            "Kachingwe",
            "Chisale",
            "Kalua",
            "Mkandawire",
            "Nyirenda",
            "Chimwaza",
            "Msiska",
            "Kumwenda",
        ],
        "MW",
    ),
    "turkmen": (
        ["Döwlet", "Merdan", "Bägül", "Aýnabat", "Ogulgerek", "Kakajan", "Maral", "Gülşat"],
        [
            "Atayew",
            "Orazowa",
            "Durdyýew",
            "Myradowa",
            "Hojamuradow",
            "Ýazmyradowa",
            "Annaýew",
            "Çaryýew",
        ],
        "TM",
    ),
    "slovene": (
        ["Špela", "Rok", "Tjaša", "Urška", "Blaž", "Nejc", "Anže", "Maruša"],
        ["Mlakar", "Potočnik", "Hribar", "Jerman", "Kavčič", "Zorko", "Pirc", "Bizjak"],
        "SI",
    ),
    "frisian": (
        ["Wybren", "Wytske", "Sjoukje", "Oene", "Hylke", "Trynke", "Gerlof", "Rintje"],
        ["Sikkema", "Hiemstra", "Tuinstra", "Sipma", "Anema", "Jongsma", "Elzinga", "Rinsma"],
        "NL",
    ),
    "sardinian": (
        [
            "Efisio",
            "Gavino",
            "Bachisio",
            "Tonina",
            "Salvatorica",
            "Antioco",
            "Grazietta",
            "Ignazia",
        ],
        ["Deiana", "Porcu", "Usai", "Murgia", "Cadeddu", "Pittau", "Solinas", "Ledda"],
        "IT",
    ),
    "mapuche": (
        ["Millaray", "Rayén", "Relmu", "Likán", "Ailín", "Aukan", "Llanka", "Ñanku"],
        [
            "Huenchullán",
            "Ancalao",
            "Millapán",
            "Catrileo",
            "Painemal",
            "Huaiquimil",
            "Llancaqueo",
            "Curihuinca",
        ],
        "CL",
    ),
}

# Everyday English words used as names.
WORD_GIVEN = [
    "Star", "Angel", "Journey", "Rain", "Bunny", "Linden", "Cypress", "Acacia", "Briar",
    "Posy", "Petal", "Columbine", "Bluebell", "Snowdrop", "Comfort", "Precious", "Sapphire",
    "Emerald", "Indigo", "Toffee", "Kestrel", "Sunday", "Valentine", "Tempest",
]  # fmt: skip
WORD_SURNAMES = [
    "Boot", "Shoesmith", "Onions", "Cabbage", "Radish", "Leek", "Vinegar", "Spratt", "Roach",
    "Codd", "Crabbe", "Winkle", "Hare", "Stagg", "Croft", "Paddock", "Moss", "Sedge", "Plank",
    "Fiddler", "Sexton", "Deacon", "Squire", "Kettlewell",
]  # fmt: skip

# (culture, surname) with an apostrophe or a particle.
APOSTROPHE = [
    ("tahitian", "Teri'itehau"), ("tahitian", "Tavae'arii"), ("tahitian", "Ari'ipaea"),
    ("tahitian", "Hiro'a"), ("baoule", "N'Guessan"), ("baoule", "N'Goran"),
    ("baoule", "N'Dri"), ("baoule", "N'Zué"),
]  # fmt: skip
PARTICLE = [
    ("kabyle", "Aït Ouarab"), ("kabyle", "Aït Kaci"), ("kabyle", "Ath Ouabbas"),
    ("chamorro", "de Leon Guerrero"), ("chamorro", "de Tedtaotao"),
    ("frisian", "van der Ploeg"), ("frisian", "van Wieren"), ("sardinian", "De Murtas"),
]  # fmt: skip
PARTICLES = {"aït", "ath", "de", "los", "la", "van", "der"}

DOMAINS = [
    "quillpost.net", "brindlemail.com", "orchardwire.net", "saltmarshhq.com",
    "lanternyard.io", "tidecrestmail.com", "bramblenet.org", "cobaltlark.net",
    "ridgefernmail.com", "kestrelbay.io", "hollowoakmail.net", "emberquay.com",
    "thistlegatemail.org", "driftpinemail.net", "amberlooms.com", "sparrowgrid.io",
]  # fmt: skip

# multi9: language: (given names, surnames); Vietnamese: (given names, family names).
MULTI: dict[str, tuple[list[str], list[str]]] = {
    "es": (
        [
            "Eufrasia",
            "Gumersindo",
            "Wenceslao",
            "Rufina",
            "Pancracio",
            "Crisanto",
            "Nicasia",
            "Olegario",
        ],
        [
            "Albarracín",
            "Mazariegos",
            "Santisteban",
            "Zurbano",
            "Ochandiano",
            "Villafañe",
            "Casquero",
            "Lizcano",
        ],
    ),
    "de": (
        ["Wunibald", "Ottilie", "Kunigunde", "Gebhard", "Notburga", "Ingbert", "Almut", "Ruprecht"],
        [
            "Hinterberger",
            "Rauchenecker",
            "Zwickl",
            "Gschwendtner",
            "Kirchgässner",
            "Dreesbach",
            "Haberkorn",
            "Hollerbach",
        ],
    ),
    "fr": (
        [
            "Pétronille",
            "Eudoxie",
            "Aristide",
            "Bertille",
            "Fortuné",
            "Théophane",
            "Ombeline",
            "Marcelline",
        ],
        [
            "Vaugirard",
            "Desrosiers",
            "Castagnet",
            "Quillévéré",
            "Lebrassier",
            "Faucompré",
            "Marsollier",
            "Tranchepain",
        ],
    ),
    "pt": (
        [
            "Claudionor",
            "Waldomiro",
            "Raimunda",
            "Gersina",
            "Aristeu",
            "Zulmira",
            "Ivanilde",
            "Laudelina",
        ],
        [
            "Paranaguá",
            "Bezerril",
            "Saldanha",
            "Penteado",
            "Fagundes",
            "Rebouças",
            "Taveira",
            "Escobar",
        ],
    ),
    "it": (
        [
            "Gervasio",
            "Ottorino",
            "Brunilde",
            "Fiorenzo",
            "Ireneo",
            "Gelsomina",
            "Tarcisio",
            "Clelia",
        ],
        [
            "Sciarappa",
            "Impagliazzo",
            "Bottazzi",
            "Lattuada",
            "Guerrazzi",
            "Tamburrino",
            "Iaccarino",
            "Sgambati",
        ],
    ),
    "nl": (
        ["Dirkje", "Hessel", "Jannigje", "Geesje", "Harmen", "Klaasje", "Lubbert", "Gerben"],
        [
            "Ravesteijn",
            "Hazenberg",
            "Scholtens",
            "Noordermeer",
            "Kamphuis",
            "Zandbergen",
            "Spanjaard",
            "Stellingwerf",
        ],
    ),
    "id": (
        ["Anjani", "Laksmi", "Bagas", "Cahyo", "Damar", "Galuh", "Lintang", "Wening"],
        [
            "Soedarsono",
            "Kartodirdjo",
            "Mangkusasmito",
            "Siswoyo",
            "Widjojo",
            "Suryadarma",
            "Danudirdja",
            "Atmadja",
        ],
    ),
    "vi": (
        [
            "Hiền Nhu",
            "Thiên Ân",
            "Phiêu Bồng",
            "Mộc Miên",
            "Hạo Nhiên",
            "Triều Dâng",
            "Khiết Băng",
            "Vọng Nguyệt",
        ],
        ["Lữ", "Ung", "Mẫn", "Quản", "Tiêu", "Sầm", "Nông", "Kha"],
    ),
}

# Names in their own script: (family name, given name); Thai: (given name, surname).
SCRIPT_NAMES: dict[str, list[tuple[str, str]]] = {
    "zh": [
        ("聂", "青禾"),
        ("滕", "望舒"),
        ("邝", "立言"),
        ("詹", "晓岚"),
        ("龚", "慕白"),
        ("骆", "知秋"),
        ("柯", "语冰"),
        ("翟", "远帆"),
    ],
    "ja": [
        ("四十物", "葵依"),
        ("十六夜", "蒼空"),
        ("我孫子", "詩乃"),
        ("栗花落", "奏汰"),
        ("一尺八寸", "結月"),
        ("鬼頭", "千景"),
        ("大豆生田", "朔也"),
        ("薬師寺", "織葉"),
    ],
    "ko": [
        ("탁", "가람"),
        ("편", "누리"),
        ("국", "별하"),
        ("옥", "이솔"),
        ("봉", "하늬"),
        ("어", "나래"),
        ("용", "한결"),
        ("경", "온유"),
    ],
    "th": [
        ("ปิยธิดา", "ศรีสุวรรณ"),
        ("ภูริช", "วงศ์ไพบูลย์"),
        ("กมลชนก", "ทองประเสริฐ"),
        ("ธีรภัทร", "ธนสารวงศ์"),
        ("พิมพ์ลดา", "อินทรวงศ์"),
        ("วรเมธ", "พรหมมินทร์"),
        ("อรุณรัตน์", "บุญญาศิริ"),
        ("ศุภณัฐ", "แก้วมณี"),
    ],
}
