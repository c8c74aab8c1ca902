"""Round 12 person names and e-mail domains, written by hand for this round.

Every entry sits in one pool, and no name token (split at spaces, hyphens, apostrophes) is in
two entries, particles aside. Each pool is cut in two by ``common12.pool``.
"""

from __future__ import annotations

# culture: (given names, surnames or father's names, phone country)
CULTURES: dict[str, tuple[list[str], list[str], str]] = {
    "amharic": (
        ["Meseret", "Tewodros", "Hiwot", "Yohannes", "Selamawit", "Abebech"],
        ["Gebremariam", "Wolde-Giorgis", "Alemayehu", "Zewdie", "Tesfamichael", "Asfaw"],
        "ET",
    ),
    "georgian": (
        ["Nino", "Levan", "Tamar", "Giorgi", "Ketevan", "Davit"],
        ["Javakhishvili", "Tsereteli", "Chkheidze", "Beridze", "Kiknadze", "Gogoberidze"],
        "GE",
    ),
    "kazakh": (
        ["Aigerim", "Nurlan", "Dinara", "Yerlan", "Zhansaya", "Bauyrzhan"],
        ["Abdrakhmanov", "Zhaksylykova", "Seitkali", "Utegenov", "Baimukhamedova", "Kuanyshbekov"],
        "KZ",
    ),
    "samoan": (
        ["Sefo", "Malia", "Tavita", "Losa", "Fetu", "Iosefa"],
        ["Leiataua", "Tuimavave", "Sapolu", "Aiono", "Mulitalo", "Seumanutafa"],
        "WS",
    ),
    "tamil": (
        ["Kavitha", "Senthil", "Thenmozhi", "Arivazhagan", "Kalaiselvi", "Murugesan"],
        ["Ramalingam", "Sivasubramaniam", "Palaniappan", "Thirunavukkarasu", "Ilangovan", "Kanagaratnam"],
        "LK",
    ),
    "quechua": (
        ["Wayra", "Inti", "Killa", "Amaru", "Sisa", "Kusi"],
        ["Mamani", "Condori", "Huallpa", "Ccahuana", "Yupanqui", "Apaza"],
        "PE",
    ),
    "basque": (
        ["Itziar", "Aitor", "Nerea", "Iñaki", "Garazi", "Unai"],
        ["Etxeberria", "Goikoetxea", "Arrizabalaga", "Zubizarreta", "Olabarrieta", "Urkiza"],
        "ES",
    ),
    "icelandic": (
        ["Sigríður", "Guðmundur", "Hrafnhildur", "Þórarinn", "Ásdís", "Snorri"],
        ["Jónsdóttir", "Ólafsson", "Magnúsdóttir", "Einarsson", "Hallgrímsdóttir", "Steingrímsson"],
        "IS",
    ),
    "malagasy": (
        ["Rivo", "Haingo", "Tahina", "Fanja", "Hery", "Voahangy"],
        ["Rakotomalala", "Andrianarivelo", "Razafindrakoto", "Ravelojaona", "Randriamampionona", "Rasoanaivo"],
        "MG",
    ),
    "hmong": (
        ["Youa", "Xeng", "Pheng", "Chue", "Kia", "Nou"],
        ["Vang", "Xiong", "Thao", "Moua", "Lor", "Vue"],
        "LA",
    ),
    "maori": (
        ["Wiremu", "Aroha", "Hemi", "Mereana", "Rawiri", "Ngaire"],
        ["Ngata", "Parata", "Tawhiri", "Pomare", "Karaitiana", "Whaanga"],
        "NZ",
    ),
    "breton": (
        ["Erwan", "Maiwenn", "Tangi", "Nolwenn", "Gwenolé", "Soazig"],
        ["Kerdraon", "Quéméner", "Kervella", "Jaouen", "Pennec", "Morvan"],
        "FR",
    ),
    "catalan": (
        ["Montserrat", "Jordi", "Núria", "Pere", "Meritxell", "Oriol"],
        ["Puigdollers", "Casademunt", "Vilaseca", "Rigau", "Boixadera", "Llobet"],
        "AD",
    ),
    "somali": (
        ["Hodan", "Faarax", "Ubah", "Cabdullahi", "Sahra", "Guuleed"],
        ["Warsame", "Jaamac", "Xirsi", "Samatar", "Muuse", "Cilmi"],
        "SO",
    ),
    "tagalog": (
        ["Maricel", "Rodel", "Jhoanna", "Arnel", "Ligaya", "Dindo"],
        ["Dimaculangan", "Lacsamana", "Pangilinan", "Dimaano", "Bituin", "Malabanan"],
        "PH",
    ),
    "ukrainian": (
        ["Oksana", "Taras", "Solomiia", "Bohdan", "Yaryna", "Ostap"],
        ["Hrytsenko", "Tkachuk", "Kravets", "Zinchenko", "Savchuk", "Yatsenko"],
        "UA",
    ),
    "fijian": (
        ["Litia", "Sevanaia", "Mereoni", "Jone", "Ilisapeci", "Tevita"],
        ["Ratuvou", "Naivalu", "Vunibaka", "Koroivuki", "Delana", "Matanitobua"],
        "FJ",
    ),
    "wolof": (
        ["Ndèye", "Moustapha", "Aïssatou", "Cheikh", "Coumba", "Babacar"],
        ["Gueye", "Diouf", "Sène", "Thiam", "Niang", "Faye"],
        "SN",
    ),
}

# Given names and surnames that are everyday English words.
WORD_GIVEN = [
    "Sorrel", "Bryony", "Linnet", "Saffron", "Temperance", "Yarrow", "Tamarind", "Damson",
    "Fennel", "Primula", "Nutmeg", "Meadow", "Cinnabar", "Garnet", "Tansy", "Marjoram",
]  # fmt: skip
WORD_SURNAMES = [
    "Lantern", "Barrow", "Saddler", "Gable", "Thimble", "Bracket", "Turnip", "Parsnip",
    "Ploughman", "Chisel", "Rafter", "Cobble", "Gimlet", "Winch", "Treacle", "Trowel",
]  # fmt: skip

# (culture, surname) with an apostrophe, and with a particle
APOSTROPHE: list[tuple[str, str]] = [
    ("catalan", "d'Abadal"),
    ("catalan", "d'Espona"),
    ("breton", "Guivarc'h"),
    ("breton", "Kerc'hoz"),
    ("samoan", "Fa'amausili"),
    ("samoan", "Tu'ilagi"),
    ("wolof", "N'Diongue"),
    ("wolof", "M'Bengue"),
    ("ukrainian", "Dem'yanenko"),
    ("ukrainian", "Mar’yanchuk"),
]
PARTICLE: list[tuple[str, str]] = [
    ("catalan", "de Sentmenat"),
    ("catalan", "de la Riba-Sardà"),
    ("breton", "ar Gall"),
    ("breton", "Le Bozec"),
    ("tagalog", "dela Merced"),
    ("tagalog", "de los Santos-Ocampo"),
    ("maori", "Te Whatahoro"),
    ("maori", "Te Aweawe"),
    ("quechua", "de la Torre Chuquimia"),
    ("basque", "de Olaso"),
]
PARTICLES = {"de", "la", "los", "ar", "le", "dela", "te", "thị", "văn"}

# language: (given names, surnames), for multi12. Vietnamese given names carry the middle name.
MULTI: dict[str, tuple[list[str], list[str]]] = {
    "es": (
        ["Remedios", "Casimiro", "Eulalia", "Anselmo", "Visitación", "Evaristo", "Sagrario", "Leoncio"],
        ["Arteaga", "Villalobos", "Quintanilla", "Benavides", "Carrasquedo", "Sotomayor", "Valderrama", "Bustamante"],
    ),
    "de": (
        ["Hildegard", "Wolfram", "Roswitha", "Eberhard", "Irmgard", "Gottfried", "Brunhilde", "Reinhold"],
        ["Wackernagel", "Schimmelpfennig", "Eichhorn", "Haberkorn", "Tiedemann", "Rottenbucher", "Sauerbrey", "Kleinschmidt"],
    ),
    "fr": (
        ["Solange", "Aurélien", "Ghislaine", "Anatole", "Bérénice", "Lucien", "Clothilde", "Évariste"],
        ["Desrosiers", "Lachapelle", "Beauchemin", "Vautrin", "Chastagner", "Rouxel", "Dufresnoy", "Malherbe"],
    ),
    "pt": (
        ["Gervásio", "Lucinda", "Aristides", "Conceição", "Deolinda", "Juvenal", "Filomena", "Anacleto"],
        ["Albuquerque", "Vasconcelos", "Figueiredo", "Magalhães", "Bettencourt", "Carvalhal", "Rebouças", "Sampaio"],
    ),
    "it": (
        ["Ornella", "Gualtiero", "Ottavia", "Ermanno", "Loredana", "Ubaldo", "Mafalda", "Corrado"],
        ["Squarcialupi", "Bonaccorsi", "Tagliaferri", "Malaspina", "Cavalcanti", "Brambilla", "Zanardelli", "Pellegrini"],
    ),
    "nl": (
        ["Geertruida", "Reinier", "Sjoerd", "Marijke", "Hendrikus", "Aaltje", "Gerrit", "Willemijn"],
        ["Oosterhuis", "Kloosterman", "Bakhuizen", "Hoekstra", "Verschuren", "Dijkgraaf", "Brouwers", "Ploeg"],
    ),
    "id": (
        ["Sekar", "Bambang", "Wulandari", "Ratna", "Agus", "Hadi", "Indah", "Tegar"],
        ["Wibisono", "Kusumawardani", "Simanjuntak", "Nasution", "Pratama", "Hutapea", "Sinaga", "Setiawan"],
    ),
    "vi": (
        ["Thị Thanh Hương", "Văn Đức", "Thị Mỹ Linh", "Quốc Bảo", "Ngọc Ánh", "Minh Triết", "Thị Kim Oanh", "Hữu Phước"],
        ["Lương", "Đinh", "Hoàng", "Phạm", "Trịnh", "Đoàn", "Vương", "Quách"],
    ),
}

# script: (family name, given name), written in their own script
SCRIPT_NAMES: dict[str, list[tuple[str, str]]] = {
    "zh": [("上官", "婉清"), ("欧阳", "子轩"), ("皇甫", "嘉怡"), ("司徒", "浩然"), ("慕容", "雨桐"), ("东方", "明轩")],
    "ja": [("勅使河原", "陽菜"), ("小鳥遊", "結衣"), ("五十嵐", "湊"), ("西園寺", "紬"), ("東海林", "颯太"), ("六車", "咲良")],
    "ko": [("남궁", "서연"), ("제갈", "도윤"), ("선우", "하은"), ("독고", "준서"), ("황보", "지민"), ("사공", "예린")],
    "th": [
        ("กมลวรรณ", "ศรีสวัสดิ์วงศ์"),
        ("ธนพล", "วงศ์สุวรรณ"),
        ("ปิยะนุช", "แก้วมณีรัตน์"),
        ("ณัฐวุฒิ", "บุญญาศิริ"),
        ("อรอุมา", "จันทร์เพ็ญศรี"),
        ("สุรเชษฐ์", "พิทักษ์ไทยกุล"),
    ],
}
SCRIPT_OF = {"zh": "cjk", "ja": "cjk", "ko": "cjk", "th": "thai"}

DOMAINS = [
    "kestrelpost.net", "tidewharf.io", "quillbox.org", "larchmail.com", "oxbowlink.net",
    "pumicemail.com", "fjordpost.eu", "saltmarsh.io", "mossgate.net", "emberline.org",
    "cairnmail.com", "ridgewire.net", "drumlin.io", "heathpost.org", "tarnmail.eu", "scree.net",
]  # fmt: skip
