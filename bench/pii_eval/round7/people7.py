"""Round 7 names, typed by hand: 18 cultures none of rounds 1–6 listed, word names, domains.

``CULTURES[c] = (given, surnames, phone country)``. Khmer names are written family name first.
"""

from __future__ import annotations

CULTURES: dict[str, tuple[list[str], list[str], str]] = {
    "burmese": (
        ["Thiha", "Nandar", "Hnin", "Htet", "Yamin", "Zeyar", "Thuzar", "Pyae"],
        ["Myint", "Thant", "Lwin", "Naing", "Htun", "Soe", "Phyo", "Kyaing"],
        "MM",
    ),
    "khmer": (
        ["Sokha", "Vanna", "Bopha", "Sophal", "Chantrea", "Rithy", "Sreymom", "Piseth"],
        ["Chea", "Sok", "Heng", "Meas", "Prak", "Pich", "Ouk", "Chhun"],
        "KH",
    ),
    "shona": (
        ["Tendai", "Farai", "Tatenda", "Rudo", "Chipo", "Tafadzwa", "Nyasha", "Kudzai"],
        ["Chikwanha", "Mutasa", "Madziva", "Chinembiri", "Gumbo", "Makoni", "Mapfumo", "Zvobgo"],
        "ZW",
    ),
    "malagasy": (
        ["Andry", "Hery", "Voahangy", "Tiana", "Fanja", "Rivo", "Lalao", "Mamy"],
        [
            "Rakotomalala", "Randrianarisoa", "Razafindrakoto", "Andriamanantena",
            "Rasoanaivo", "Ravelojaona", "Ratsimbazafy", "Rabemananjara",
        ],
        "MG",
    ),
    "slovak": (
        ["Ľubomír", "Zuzana", "Miroslav", "Katarína", "Radoslav", "Jarmila", "Branislav", "Soňa"],
        ["Kováčik", "Hrušovský", "Baláž", "Ondrejka", "Šimko", "Vrabec", "Kuchárik", "Mráziková"],
        "SK",
    ),
    "croatian": (
        ["Zrinka", "Tomislav", "Vesna", "Krešimir", "Mirjana", "Dražen", "Sanja", "Ivica"],
        ["Perković", "Jurić", "Grgić", "Matijević", "Šarić", "Barišić", "Pavletić", "Bašić"],
        "HR",
    ),
    "latvian": (
        ["Jānis", "Ilze", "Māris", "Līga", "Aivars", "Zane", "Edgars", "Inese"],
        ["Bērziņš", "Kalniņa", "Ozoliņš", "Krūmiņš", "Zariņa", "Vītols", "Balodis", "Liepiņa"],
        "LV",
    ),
    "estonian": (
        ["Tõnu", "Kadri", "Triin", "Rein", "Piret", "Urmas", "Kersti", "Margus"],
        ["Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves"],
        "EE",
    ),
    "breton": (
        ["Enora", "Erwan", "Maïwenn", "Goulven", "Nolwenn", "Gwenolé", "Azilis", "Youenn"],
        ["Kerjean", "Kerhervé", "Riou", "Quéré", "Tanguilly", "Kerdraon", "Pennec", "Cadiou"],
        "FR",
    ),
    "uzbek": (
        ["Dilshod", "Gulnora", "Sardor", "Malika", "Jasur", "Nigora", "Bekzod", "Dildora"],
        ["Ergasheva", "Sultonov", "Kholmatova", "Nazarov", "Alimova", "Turgunov", "Yuldasheva", "Rakhmatullaev"],
        "UZ",
    ),
    "azeri": (
        ["Elvin", "Aysel", "Rashad", "Gunel", "Orkhan", "Tural", "Sevinj", "Ilkin"],
        ["Mammadov", "Huseynova", "Ismayilov", "Hasanova", "Babayev", "Jafarova", "Guliyev", "Abbasova"],
        "AZ",
    ),
    "pashto": (
        ["Zarmina", "Wahidullah", "Palwasha", "Naqibullah", "Malalai", "Shahpoor", "Spozhmai", "Hashmatullah"],
        ["Durrani", "Popalzai", "Achakzai", "Mohmand", "Shinwari", "Zazai", "Wardak", "Stanikzai"],
        "AF",
    ),
    "wolof": (
        ["Ndeye", "Cheikh", "Astou", "Babacar", "Khady", "Mbayang", "Modou", "Coumba"],
        ["Ndiaye", "Faye", "Sarr", "Gueye", "Mbaye", "Diagne", "Seck", "Thiam"],
        "SN",
    ),
    "maltese": (
        ["Ġorġ", "Ċensu", "Pawlu", "Ninu", "Carmelina", "Marija", "Ġużeppa", "Wistin"],
        ["Camilleri", "Farrugia", "Zammit", "Galea", "Grech", "Micallef", "Cassar", "Azzopardi"],
        "MT",
    ),
    "bulgarian": (
        ["Stoyan", "Radka", "Tsvetelina", "Ognyan", "Desislava", "Lyubomir", "Snezhana", "Hristo"],
        ["Zhelyazkov", "Dobreva", "Kostadinov", "Yordanova", "Pehlivanov", "Mladenova", "Garkov", "Stamboliyska"],
        "BG",
    ),
    "hawaiian": (
        ["Keoni", "Leilani", "Kainoa", "Makana", "Noelani", "Kekoa", "Mahina", "Pualani"],
        ["Kahananui", "Kamakau", "Kealoha", "Kanahele", "Akana", "Kahale", "Nakoa", "Kapaona"],
        "US",
    ),
    "lao": (
        ["Souksavanh", "Khamla", "Bounmy", "Phetsamone", "Vilayvanh", "Somphone", "Chanthala", "Thongchanh"],
        ["Phommachanh", "Sayavong", "Keovongsa", "Inthavong", "Vongphachanh", "Souvannavong", "Sisouk", "Luangrath"],
        "LA",
    ),
    "kurdish": (
        ["Rojda", "Berivan", "Soran", "Hozan", "Avin", "Kawa", "Zozan", "Rebaz"],
        ["Zebari", "Amedi", "Rekani", "Doski", "Hawrami", "Baban", "Jaff", "Kakai"],
        "IQ",
    ),
}  # fmt: skip

FAMILY_FIRST = {"khmer"}

# Everyday words that are also names (given / surnames).
WORD_GIVEN = [
    "Bonnie", "Primrose", "Sorrel", "Tansy", "Dove", "Prince", "Major", "Baron", "Basil",
    "Rosemary", "Saffron", "Lavender", "Scarlet", "Blaze", "Marina", "Carol", "Verity",
    "Prudence", "Constance", "Charity", "Destiny", "Trinity", "Kit", "Jay", "Nova", "Noel",
    "April", "Sherry",
]  # fmt: skip
WORD_SURNAMES = [
    "Gardener", "Fowler", "Trout", "Bellamy", "Brewer", "Glover", "Nightingale", "Goodman",
    "Waters", "Knight", "Sawyer", "Turner", "Slater", "Marshall", "Fletcher", "Chandler",
    "Wheeler", "Cartwright", "Miller", "Farmer", "Peacock", "Partridge", "Hawke", "Woodward",
    "Grove", "Ash", "Beech", "Moore", "Brooks", "Wells", "Draper", "Mercer", "Cutler", "Butler",
    "Piper", "Harper", "Walker", "Webster",
]  # fmt: skip

# (culture, surname) with an apostrophe / with a particle.
APOSTROPHE = [
    ("breton", "Guivarc'h"), ("breton", "Le Roc'h"), ("hawaiian", "Ka'ahanui"),
    ("hawaiian", "Kana'iaupuni"), ("hawaiian", "Pa'ahana"), ("breton", "Kergoat'h"),
]  # fmt: skip
PARTICLE = [
    ("breton", "Ar Gow"), ("breton", "Ar Menn"), ("breton", "Le Quéau"),
    ("breton", "Le Duigou"), ("maltese", "De Piro"), ("maltese", "Dei Conti Sceberras"),
]  # fmt: skip
PARTICLES = {"le", "ar", "de", "dei"}

DOMAINS = [
    "quillmoor.net", "ferncastle-mail.com", "tidewharf.org", "brightkiln.io", "ostrava-post.eu",
    "harbourlamp.co", "velvetsluice.com", "kestrelwick.net", "moonquarry.org", "saltmeadow.io",
    "copperstile.com", "lanternforge.net", "drumlinbay.org", "inkwellmarsh.com",
    "pinegable.co", "amberquay.net", "slatecove.org", "thornbeck-mail.com", "wickerhaven.io",
    "ridgelantern.com", "mistralbay.net", "cobblewharf.org", "fjordlight.io", "emberdale.co",
]  # fmt: skip

# multi7: (given, surnames) per language; Vietnamese family name first.
MULTI: dict[str, tuple[list[str], list[str]]] = {
    "es": (
        ["Eulalia", "Fulgencio", "Casimiro", "Baldomero", "Saturnino", "Ascensión", "Evaristo", "Herminia", "Nicasio", "Crescencia"],
        ["Berrocal", "Quesada", "Zubiaurre", "Arriola", "Echeverri", "Palomares", "Valdeolivas", "Carbonell", "Hinojosa", "Llamazares"],
    ),
    "de": (
        ["Gottlieb", "Leberecht", "Winfried", "Volkmar", "Reinhild", "Adelgunde", "Hildegund", "Rotraut", "Swantje", "Detlev"],
        ["Ostermeier", "Brandstetter", "Pfannkuch", "Wendelken", "Zimmerling", "Heinemeyer", "Tiedtke", "Kühnemund", "Fleischhauer", "Hollenbach"],
    ),
    "fr": (
        ["Gontran", "Bérengère", "Fulbert", "Solange", "Aurèle", "Clothilde", "Séverin", "Philomène", "Anselme", "Blandine"],
        ["Lachenal", "Desbordes", "Marchadier", "Vauquelin", "Bourdillon", "Rouzaud", "Chanteloup", "Pelletreau", "Dufrenoy", "Grandjouan"],
    ),
    "pt": (
        ["Gervásio", "Leocádia", "Bartolomeu", "Ermelinda", "Anacleto", "Deolinda", "Crispim", "Idalina", "Teotónio", "Guiomar"],
        ["Fragoso", "Couceiro", "Barreiros", "Carvalhais", "Espinheira", "Negreiros", "Palhares", "Queiroga", "Zagalo", "Furtado"],
    ),
    "it": (
        ["Sigismondo", "Pasqualina", "Filomena", "Ersilia", "Ubaldo", "Agapito", "Callisto", "Erminio", "Iolanda", "Melchiorre"],
        ["Castelnuovo", "Pagliarulo", "Bevilacqua", "Squarcialupi", "Capobianco", "Fioravanti", "Impellizzeri", "Lanzavecchia", "Nicastro", "Orlandini"],
    ),
    "nl": (
        ["Gerolf", "Ysbrand", "Tjeerd", "Wopke", "Jantine", "Aafke", "Baukje", "Douwe", "Eelco", "Feike"],
        ["Veldkamp", "Scheepmaker", "Nijenhuis", "Zwartkruis", "Haverkate", "Kloosterman", "Lammerink", "Meulenbelt", "Oudeman", "Pothoven"],
    ),
    "id": (
        ["Suparman", "Sutrisno", "Rahayu", "Darmawan", "Setyowati", "Kuswanto", "Budiarti", "Cahyono", "Dwiyanti", "Ekowati"],
        ["Tjahjono", "Kusumawardhani", "Batubara", "Daulay", "Purba", "Saragih", "Sitepu", "Munthe", "Sirait", "Gultom"],
    ),
    "vi": (
        ["Thục Đoan", "Ngạn Bình", "Khuê Tú", "Triết Hiển", "Uyển Sương", "Khiêm Toản", "Quỳ Điệp", "Duẫn Sáng", "Lưu Kha", "Vĩ Huệ"],
        ["Khúc", "Ninh", "Thân", "Lạc", "Lều", "Cù", "Đàm", "Lại", "Phí", "Tôn"],
    ),
}  # fmt: skip

# Names in their own script (not covered): (family, given) per script.
SCRIPT_NAMES: dict[str, list[tuple[str, str]]] = {
    "zh": [("皇甫", "雪珊"), ("司徒", "嘉禾"), ("上官", "婉清"), ("慕容", "子衿"), ("诸葛", "明远"), ("端木", "若岚")],
    "ja": [("五十嵐", "澄江"), ("東海林", "蒼汰"), ("御手洗", "蒔絵"), ("長谷部", "穂乃果"), ("勅使河原", "実篤"), ("小野寺", "紬")],
    "ko": [("남궁", "서진"), ("선우", "하람"), ("제갈", "윤슬"), ("황보", "다온"), ("독고", "새봄"), ("사공", "여울")],
    "th": [("ศรีสุวรรณ", "สมปอง"), ("แก้วประเสริฐ", "บุญเรือน"), ("ทองคำ", "ประยงค์"), ("ศรีอ่อน", "วิไลวรรณ"), ("พึ่งบุญ", "ละเอียด"), ("ชัยมงคล", "สำราญ")],
}  # fmt: skip
