"""Round 12 person names and e-mail domains, written by hand for this round.

Every entry sits in one pool, and no name token (split at spaces, hyphens, apostrophes) is in
two entries, particles aside. Each pool is cut in two by ``common12.pool``.
"""

from __future__ import annotations

# culture: (given names, surnames or father's names, phone country)
CULTURES: dict[str, tuple[list[str], list[str], str]] = {
    "amharic": (
        ["Tsedey", "Mulugeta", "Birtukan", "Workneh", "Emebet", "Befekadu"],
        ["Woldemichael", "Gebrekidan", "Tekle-Haimanot", "Negash", "Ayalew", "Wubneh"],
        "ET",
    ),
    "georgian": (
        ["Tinatin", "Revaz", "Natela", "Tengiz", "Vakhtang", "Rusudan"],
        ["Lortkipanidze", "Tsintsadze", "Dolidze", "Mchedlishvili", "Jorjadze", "Gvazava"],
        "GE",
    ),
    "kazakh": (
        ["Zhansaya", "Yerzhan", "Akbota", "Serikbol", "Balnur", "Kuralay"],
        ["Zhumabekova", "Tulegenova", "Myrzakhmetova", "Yesenov", "Kenzhebekova", "Rakhimzhanov"],
        "KZ",
    ),
    "samoan": (
        ["Lagi", "Vaifale", "Tasi", "Filipo", "Ioane", "Saveaisi"],
        ["Tuiasosopo", "Leavasa", "Taetuna", "Soliai", "Afamasaga", "Lemalu"],
        "WS",
    ),
    "tamil": (
        ["Poongodi", "Elangovan", "Vaidehi", "Kayalvizhi", "Kathiravan", "Pugazhendhi"],
        ["Ponnambalam", "Vairamuthu", "Chellappan", "Sundaralingam", "Sabaratnam", "Thangavelu"],
        "LK",
    ),
    "quechua": (
        ["Illari", "Tupaq", "Qori", "Urpi", "Yachay", "Sumaq"],
        ["Huarcaya", "Tupayachi", "Huillca", "Cusihuaman", "Ccallo", "Inquilla"],
        "PE",
    ),
    "basque": (
        ["Ander", "Ibai", "Maddalen", "Eneko", "Edurne", "Oihana"],
        ["Agirregabiria", "Iturralde", "Urrutikoetxea", "Azkarate", "Berasategi", "Intxausti"],
        "ES",
    ),
    "icelandic": (
        ["Halldóra", "Ketill", "Sæmundur", "Þorgerður", "Bergþór", "Álfheiður"],
        [
            "Þorvaldsdóttir",
            "Gunnlaugsson",
            "Hafsteinsdóttir",
            "Ásgeirsson",
            "Skarphéðinsson",
            "Guðbrandsdóttir",
        ],
        "IS",
    ),
    "malagasy": (
        ["Tojo", "Lalaina", "Mialy", "Njaka", "Faniry", "Sitraka"],
        [
            "Rabearivelo",
            "Razanamahefa",
            "Rajaonarison",
            "Andrianjafy",
            "Rakotondrabe",
            "Rasolofoniaina",
        ],
        "MG",
    ),
    "hmong": (
        ["Txhiaj", "Ntxawm", "Paj", "Tswb", "Choua", "Zoua"],
        ["Xyooj", "Thoj", "Muas", "Lauj", "Tsab", "Kwm"],
        "LA",
    ),
    "maori": (
        ["Hinewai", "Kahurangi", "Wairaka", "Anaru", "Rewi", "Pita"],
        ["Paewai", "Rangihuna", "Horomona", "Mahuika", "Tahuparae", "Tipoki"],
        "NZ",
    ),
    "breton": (
        ["Gwendal", "Anaïg", "Loeiz", "Katell", "Rozenn", "Tugdual"],
        ["Guéguen", "Caradec", "Kerouredan", "Prigent", "Léostic", "Kerleroux"],
        "FR",
    ),
    "catalan": (
        ["Roser", "Quim", "Guifré", "Neus", "Bernat", "Queralt"],
        ["Puigcercós", "Vilardell", "Serrallonga", "Miralpeix", "Coromines", "Pujolràs"],
        "AD",
    ),
    "somali": (
        ["Khadar", "Idil", "Xuseen", "Deeqa", "Nimco", "Hibaaq"],
        ["Cige", "Shirwac", "Dhuxul", "Qorane", "Xaaji", "Raage"],
        "SO",
    ),
    "tagalog": (
        ["Marilou", "Luzviminda", "Bienvenido", "Rogelio", "Perla", "Honorio"],
        ["Sumulong", "Lumbao", "Tiongson", "Agbayani", "Dimalanta", "Makalintal"],
        "PH",
    ),
    "ukrainian": (
        ["Zoriana", "Yurii", "Khrystyna", "Roksolana", "Orest", "Mariika"],
        ["Hnatyshyn", "Prykhodko", "Fedoriv", "Stefanyshyn", "Semenyshyn", "Pylypchuk"],
        "UA",
    ),
    "fijian": (
        ["Vasemaca", "Epeli", "Akosita", "Josateki", "Peniasi", "Vilimaina"],
        ["Nawalowalo", "Vakacegu", "Ravulo", "Bulivou", "Waqanivalu", "Vosailagi"],
        "FJ",
    ),
    "wolof": (
        ["Maguette", "Lamine", "Rokhaya", "Oumy", "Serigne", "Pape"],
        ["Ndour", "Mboup", "Samb", "Dieng", "Ndoye", "Sène"],
        "SN",
    ),
}

# Given names and surnames that are everyday English words.
WORD_GIVEN = [
    "Bryony", "Linnet", "Tamarind", "Damson", "Primula", "Cinnabar", "Marjoram", "Betony",
    "Chicory", "Sable", "Russet", "Quince", "Peony", "Cedar", "Pippin", "Samphire",
]  # fmt: skip
WORD_SURNAMES = [
    "Barrow", "Parsnip", "Ploughman", "Chisel", "Rafter", "Gimlet", "Winch", "Tinsmith",
    "Spigot", "Hatchet", "Haystack", "Pitchfork", "Scythe", "Trestle", "Pewter", "Tallow",
]  # fmt: skip

# (culture, surname) with an apostrophe, and with a particle
APOSTROPHE: list[tuple[str, str]] = [
    ("catalan", "d'Olzinelles"),
    ("catalan", "d'Aiguaviva"),
    ("breton", "Kerc'hoz"),
    ("breton", "Penc'hoat"),
    ("samoan", "Sa'ilele"),
    ("samoan", "Lua'iufi"),
    ("wolof", "N'Diongue"),
    ("wolof", "M'Bengue"),
    ("ukrainian", "Dem'yanenko"),
    ("ukrainian", "Mar’yanchuk"),
]
PARTICLE: list[tuple[str, str]] = [
    ("catalan", "de Sentmenat"),
    ("catalan", "de Ballobar"),
    ("breton", "ar Gall"),
    ("breton", "Le Mentec"),
    ("tagalog", "dela Peña-Ilagan"),
    ("tagalog", "de Guzman-Lualhati"),
    ("maori", "Te Whatahoro"),
    ("maori", "Te Maiharoa"),
    ("quechua", "de la Riva Taipe"),
    ("basque", "de Zumelzu"),
]
PARTICLES = {"de", "la", "ar", "le", "dela", "te", "thị", "văn"}

# language: (given names, surnames), for multi12. Vietnamese given names carry the middle name.
MULTI: dict[str, tuple[list[str], list[str]]] = {
    "es": (
        [
            "Sagrario",
            "Leoncio",
            "Teodomiro",
            "Socorro",
            "Patrocinio",
            "Brígida",
            "Dorotea",
            "Hipólito",
        ],
        [
            "Benavides",
            "Carrasquedo",
            "Valderrama",
            "Peñalosa",
            "Barrionuevo",
            "Larrinaga",
            "Castañeda",
            "Hinojosa",
        ],
    ),
    "de": (
        ["Eberhard", "Lothar", "Siegfried", "Dankwart", "Elfriede", "Kunibert"],
        [
            "Rottenbucher",
            "Pfeiffenberger",
            "Stubenrauch",
            "Dannecker",
            "Kaltenbrunner",
            "Ziegelmeyer",
        ],
    ),
    "fr": (
        ["Lucien", "Séraphin", "Théophile", "Firmin", "Léonce", "Hortense", "Cunégonde", "Ysaline"],
        [
            "Lachapelle",
            "Beauchemin",
            "Chastagner",
            "Rouxel",
            "Dufresnoy",
            "Larochelle",
            "Courtemanche",
            "Rochefoucault",
        ],
    ),
    "pt": (
        [
            "Lucinda",
            "Aristides",
            "Juvenal",
            "Gaudêncio",
            "Hermenegildo",
            "Olímpia",
            "Leopoldina",
            "Zeferino",
        ],
        ["Lacerda", "Castelo Branco", "Bulhões", "Vasques", "Brito", "Caldeira"],
    ),
    "it": (
        ["Mafalda", "Gianfranca", "Ildebrando", "Arnaldo", "Teodolinda", "Rinaldo", "Aurelio"],
        ["Malaspina", "Sforzini", "Capodilista", "Vitelleschi", "Guicciardini", "Piccolomini"],
    ),
    "nl": (
        ["Anneke", "Lieuwe", "Geeske", "Okke", "Jikke", "Harmke", "Berend", "Sytske"],
        [
            "Verschuren",
            "Dijkgraaf",
            "Brouwers",
            "Vlietstra",
            "Bosschaart",
            "Tjalsma",
            "Nieuwenhuis",
            "Schimmelpenninck",
        ],
    ),
    "id": (
        ["Larasati", "Citra", "Kinanti", "Rangga", "Sekar", "Tegar", "Puspita", "Dwiki"],
        [
            "Hadiwijaya",
            "Prawirodirdjo",
            "Mangkusubroto",
            "Surjadi",
            "Rumbewas",
            "Wanggai",
            "Sahetapy",
            "Tumbelaka",
        ],
    ),
    "vi": (
        ["Thị Thắm", "Văn Lực", "Khắc Vỹ", "Thị Sen", "Văn Tài", "Văn Thưởng"],
        ["Thái", "Đoàn", "Tống", "Nhữ", "Đậu", "Viên"],
    ),
}

# script: (family name, given name), written in their own script
SCRIPT_NAMES: dict[str, list[tuple[str, str]]] = {
    "zh": [
        ("上官", "霁月"),
        ("欧阳", "砚秋"),
        ("皇甫", "嘉怡"),
        ("司徒", "湛蓝"),
        ("慕容", "雨桐"),
        ("东方", "既白"),
    ],
    "ja": [
        ("勅使河原", "蒼汰"),
        ("小鳥遊", "環奈"),
        ("五十嵐", "鷹臣"),
        ("西園寺", "柊真"),
        ("東海林", "雛乃"),
    ],
    "ko": [
        ("독고", "이안"),
        ("남궁", "로아"),
        ("제갈", "가온"),
        ("선우", "시율"),
        ("황보", "도하"),
        ("사공", "은솔"),
    ],
    "th": [
        ("กมลวรรณ", "ศรีสวัสดิ์วงศ์"),
        ("ธนภัทร", "วงศ์สุวรรณ"),
        ("ชลิตา", "แก้วมณีรัตน์"),
        ("ศุภวิชญ์", "จันทร์เพ็ญศรี"),
        ("พิมพ์ลภัส", "พิทักษ์ไทยกุล"),
    ],
}
SCRIPT_OF = {"zh": "cjk", "ja": "cjk", "ko": "cjk", "th": "thai"}

DOMAINS = [
    "kestrelpost.net", "tidewharf.io", "quillbox.org", "sprucewire.net", "oxbowlink.net",
    "pumicemail.com", "fjordpost.eu", "saltmarsh.io", "mossgate.net", "emberline.org",
    "cairnmail.com", "ridgewire.net", "drumlin.io", "heathpost.org", "tarnmail.eu", "scree.net",
]  # fmt: skip
