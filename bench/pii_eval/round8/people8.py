"""Round 8 names, typed by hand from general knowledge (no Faker, no installed list).

Each culture: (given names, surnames, phone country). Every entry sits in one pool and no
name token sits in two entries (particles aside).
"""

from __future__ import annotations

CULTURES: dict[str, tuple[list[str], list[str], str]] = {
    "guarani": (
        ["Arasy", "Yvoty", "Jasyra", "Porã", "Tupãsy", "Kuarahy", "Ñandeyara", "Mbarete"],
        [
            "Ybyrapyta",
            "Taperendy",
            "Guyrapa",
            "Karaipoty",
            "Jaguarete",
            "Yvapurũ",
            "Mborevi",
            "Tatakua",
        ],
        "PY",
    ),
    "telugu": (
        [
            "Sravanthi",
            "Srinivasulu",
            "Bhargavi",
            "Nagarjun",
            "Sirisha",
            "Chaitanya",
            "Pavani",
            "Harshavardhan",
        ],
        [
            "Kondaveeti",
            "Yarlagadda",
            "Gollapudi",
            "Tummala",
            "Vemulapalli",
            "Kotagiri",
            "Paruchuri",
            "Nallamothu",
        ],
        "IN",
    ),
    "malayalam": (
        [
            "Aswathy",
            "Sreejith",
            "Nimisha",
            "Unnikrishnan",
            "Athira",
            "Vishnudas",
            "Reshmi",
            "Jithin",
        ],
        [
            "Kizhakkethil",
            "Puthenveettil",
            "Thekkumpuram",
            "Chirayil",
            "Vadakkedath",
            "Mangalassery",
            "Palakkunnel",
            "Edappally",
        ],
        "IN",
    ),
    "xhosa": (
        ["Lonwabo", "Nomvuyo", "Mthunzi", "Unathi", "Luthando", "Zintle", "Mandisa", "Xolisa"],
        ["Mgudlwa", "Ntshona", "Qwabe", "Mqhayi", "Sobukwe", "Gqirana", "Mtirara", "Jafta"],
        "ZA",
    ),
    "sesotho": (
        ["Palesa", "Tumelo", "Lerato", "Teboho", "Mpho", "Rethabile", "Lineo", "Tšepo"],
        [
            "Mokhehle",
            "Letsie",
            "Moshoeshoe",
            "Makhetha",
            "Ramoreboli",
            "Mohapeloa",
            "Lerotholi",
            "Sekhonyana",
        ],
        "LS",
    ),
    "tswana": (
        ["Kagiso", "Boitumelo", "Onalenna", "Tshepiso", "Kelebogile", "Masego", "Kabelo", "Gaone"],
        [
            "Molefhe",
            "Seretse",
            "Motswagole",
            "Ramotswa",
            "Kgosidintsi",
            "Mogwe",
            "Sebina",
            "Ntsima",
        ],
        "BW",
    ),
    "kinyarwanda": (
        ["Uwase", "Nshuti", "Ishimwe", "Mugisha", "Ineza", "Kwizera", "Umutoni", "Ganza"],
        [
            "Habimana",
            "Niyonsenga",
            "Uwimana",
            "Twagiramungu",
            "Mukamana",
            "Nsengiyumva",
            "Bizimungu",
            "Karangwa",
        ],
        "RW",
    ),
    "fula": (
        ["Hawa", "Mamadou", "Kadiatou", "Oumarou", "Ramatoulaye", "Alpha", "Dienaba", "Thierno"],
        ["Bah", "Sow", "Baldé", "Diallo", "Barry", "Jallow", "Kandeh", "Sidibé"],
        "GN",
    ),
    "tigrinya": (
        ["Semhar", "Efrem", "Luwam", "Mebrahtu", "Feven", "Tesfalem", "Ruta", "Senait"],
        [
            "Gebremichael",
            "Habtemariam",
            "Weldegiorgis",
            "Tewelde",
            "Kidane",
            "Ghebreyesus",
            "Zerai",
            "Berhane",
        ],
        "ER",
    ),
    "faroese": (
        ["Jógvan", "Sámal", "Rakul", "Turið", "Bárður", "Guðrið", "Heðin", "Sunnvá"],
        ["Joensen", "Poulsen", "Dahl", "Zachariasen", "Mikkelsen", "Niclasen", "Jacobsen", "Olsen"],
        "FO",
    ),
    "sami": (
        ["Áile", "Máret", "Ánde", "Issát", "Biret", "Nils-Ánte", "Sunná", "Risten"],
        ["Somby", "Sara", "Eira", "Gaup", "Turi", "Utsi", "Bongo", "Hætta"],
        "NO",
    ),
    "tatar": (
        ["Ilnur", "Gulnaz", "Rinat", "Alsu", "Ildar", "Chulpan", "Rafis", "Guzel"],
        [
            "Khabibullin",
            "Galimzyanov",
            "Fattakhova",
            "Sabirov",
            "Mingazov",
            "Nurgaliev",
            "Yusupova",
            "Khairullin",
        ],
        "RU",
    ),
    "kyrgyz": (
        ["Aibek", "Cholpon", "Kanybek", "Nazgul", "Ermek", "Begimai", "Talant", "Jyldyz"],
        [
            "Toktogulov",
            "Osmonalieva",
            "Jeenbekov",
            "Abdykadyrov",
            "Sooronbaeva",
            "Kasymaliev",
            "Isakova",
            "Mamytov",
        ],
        "KG",
    ),
    "tajik": (
        ["Firuza", "Davlat", "Parvina", "Sharif", "Manizha", "Bahrom", "Tahmina", "Jamshed"],
        [
            "Rahmonov",
            "Sharipova",
            "Davlatov",
            "Qodirova",
            "Sadulloev",
            "Mirzoeva",
            "Karimzoda",
            "Nabiev",
        ],
        "TJ",
    ),
    "chechen": (
        ["Zelimkhan", "Kheda", "Movsar", "Zarema", "Aslanbek", "Seda", "Dzhokhar", "Luiza"],
        [
            "Dudayev",
            "Bisultanov",
            "Dzhabrailov",
            "Umarova",
            "Elmurzaev",
            "Kadyrova",
            "Saidulaev",
            "Yandarbiev",
        ],
        "RU",
    ),
    "macedonian": (
        ["Bojan", "Elena", "Goce", "Jasmina", "Vlatko", "Biljana", "Zoran", "Kalina"],
        [
            "Trajkovski",
            "Stojanovska",
            "Petreski",
            "Nikolovska",
            "Janevski",
            "Dimitrievska",
            "Ristovski",
            "Angelovska",
        ],
        "MK",
    ),
}

# Everyday-word names (given / surnames), shared by every culture.
WORD_GIVEN = [
    "Thistle", "Breezy", "Cricket", "Pixie", "Birdie", "Dixie", "Echo", "Lyric", "Serenity",
    "Temperance", "Cinnamon", "Nutmeg", "Maple", "Aspen", "Tulip", "Dahlia", "Azalea", "Magnolia",
    "Camellia", "Lilac", "Topaz", "Garnet", "Beryl", "Ember",
]  # fmt: skip
WORD_SURNAMES = [
    "Cheek", "Hood", "Bolt", "Spear", "Salmon", "Herring", "Haddock", "Pickles", "Garlick",
    "Turnip", "Oates", "Meadows", "Combe", "Bridges", "Grange", "Forge", "Potts", "Bowles",
    "Spooner", "Lightfoot", "Goodbody", "Merriman", "Lovejoy", "Gosling",
]  # fmt: skip

# (culture, surname with an apostrophe / a particle).
APOSTROPHE = [
    ("tajik", "Abdu'lloev"), ("tajik", "Sa'dulloeva"), ("tigrinya", "Ba'ire"),
    ("kyrgyz", "Mu'minov"), ("kyrgyz", "Ra'imbekova"), ("tatar", "Shakir'yanov"),
    ("tigrinya", "Habte'ab"), ("chechen", "Lu'qmanov"),
]  # fmt: skip
PARTICLE = [
    ("faroese", "í Stórustovu"), ("faroese", "á Ryggi"), ("faroese", "við Streym"),
    ("faroese", "í Gerðinum"), ("faroese", "á Lakjuni"), ("faroese", "úr Konoy"),
    ("faroese", "í Lambanum"), ("faroese", "á Fløtum"),
]  # fmt: skip
PARTICLES = {"í", "á", "við", "úr", "van", "de", "da", "dos", "von"}

DOMAINS = [
    "vetclaimhub.net", "slipmarina.org", "donorday.info", "lessonledger.com", "permitrota.net",
    "wordbridge-quotes.com", "sunroofsolar.io", "museumgroups.org", "dormfix.net",
    "pedalshare.app", "petsitnest.com", "quietgrove-services.net", "harbourbook.info",
    "tunecard.org", "lingvaquote.net", "panelpath.io",
]  # fmt: skip

# Language → (given names, surnames) for multi8.
MULTI: dict[str, tuple[list[str], list[str]]] = {
    "es": (
        [
            "Remedios",
            "Leocadio",
            "Milagrosa",
            "Eleuterio",
            "Maricruz",
            "Ezequiel",
            "Purificación",
            "Epifanio",
        ],
        [
            "Villaescusa",
            "Arrufat",
            "Manjón",
            "Zurutuza",
            "Villagrasa",
            "Pizarroso",
            "Urquiaga",
            "Tordesillas",
        ],
    ),
    "de": (
        [
            "Gundula",
            "Wigbert",
            "Dietlinde",
            "Gottfried",
            "Edeltraud",
            "Sieghard",
            "Erdmute",
            "Friedemann",
        ],
        [
            "Kettenbach",
            "Düsterhöft",
            "Brinkmöller",
            "Ohlendorf",
            "Zwickelmann",
            "Hollenhorst",
            "Grevenbroich",
            "Siebenhaar",
        ],
    ),
    "fr": (
        [
            "Marcelin",
            "Philibert",
            "Bernadette",
            "Gonzague",
            "Solange",
            "Évariste",
            "Clotilde",
            "Bérangère",
        ],
        [
            "Vaucouleurs",
            "Tessandier",
            "Brocheriou",
            "Poupardin",
            "Lachaussée",
            "Pichonnier",
            "Montbarbon",
            "Delarbre",
        ],
    ),
    "pt": (
        ["Iracema", "Jurandir", "Iraci", "Jucelino", "Marilene", "Odair", "Rosimeire", "Genivaldo"],
        [
            "Albuquerquia",
            "Bittencourt",
            "Cavalheiro",
            "Figueiró",
            "Magalhaes-Prado",
            "Nogueirinha",
            "Mourão",
            "Sobreira",
        ],
    ),
    "it": (
        [
            "Crocifissa",
            "Gianfilippo",
            "Gerlando",
            "Immacolata",
            "Saverio",
            "Ermenegildo",
            "Ippolito",
            "Pasquale",
        ],
        [
            "Pipitone",
            "Zappacosta",
            "Buonocore",
            "Cacciapuoti",
            "Mastrogiacomo",
            "Inzerillo",
            "Lomonaco",
            "Tuzzolino",
        ],
    ),
    "nl": (
        ["Hiltje", "Hendrikus", "Wietske", "Barend", "Jorrit", "Fokje", "Trijntje", "Jelmer"],
        [
            "Wolterink",
            "Hekkelman",
            "Schuurmans",
            "Hofstede",
            "Kuipershoek",
            "Brouwershaven",
            "Pannekoek",
            "Zwartkruis",
        ],
    ),
    "id": (
        ["Sulastri", "Sumiati", "Ratnasari", "Tukiman", "Kartini", "Ngatini", "Parjo", "Sukijan"],
        [
            "Purnomosidi",
            "Wirjosandjojo",
            "Hadikusumo",
            "Sastrowardoyo",
            "Notonegoro",
            "Pranoto",
            "Kusumawardani",
            "Soedirdjo",
        ],
    ),
    "vi": (
        [
            "Thúy Hằng",
            "Tường Lĩnh",
            "Quế Xoan",
            "Thuận Tín",
            "Luyến Trinh",
            "Duẩn Sỹ",
            "Lụa Nhàn",
            "Chiểu Viễn",
        ],
        ["Khổng", "Bạch", "Diệp", "Giang", "Nghiêm", "Mạc", "Ông", "Thạch"],
    ),
}

# Script → (family name, given name) written in that script.
SCRIPT_NAMES: dict[str, list[tuple[str, str]]] = {
    "zh": [("公孙", "子豪"), ("司马", "浩然"), ("钟离", "若彤"), ("宇文", "嘉懿"), ("夏侯", "一诺"), ("澹台", "梓萱"), ("东方", "明轩"), ("令狐", "若曦")],
    "ja": [("勘解由小路", "湊斗"), ("月見里", "柚葉"), ("九十九", "凪"), ("薬袋", "伊織"), ("八月一日", "朔"), ("鷹司", "澪"), ("東海林", "蒼"), ("一ノ瀬", "琴音")],
    "ko": [("어금", "서현"), ("망절", "준서"), ("강전", "소율"), ("소봉", "건우"), ("탁", "유나"), ("황목", "로운"), ("서문", "채원"), ("동방", "시우")],
    "th": [("ศรีวิชัย", "นภัสสร"), ("เจริญสุข", "ธีรวัฒน์"), ("แก้วประเสริฐ", "สุภาวดี"), ("ทรัพย์มาก", "ปวีณา"), ("ทองดีเลิศ", "กาญจนา"), ("พรหมวิเศษ", "อภิชาติ"), ("ศักดิ์สิทธิ์", "วรรณภา"), ("จันทร์หอม", "เกียรติศักดิ์")],
}  # fmt: skip
