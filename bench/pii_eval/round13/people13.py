"""Round 13 names, hand-picked: culture -> (given names, surnames, phone country)."""

from __future__ import annotations

CULTURES: dict[str, tuple[list[str], list[str], str]] = {
    "sami": (["Áile", "Biret", "Ánde", "Nilsa"], ["Somby", "Gaup", "Eira", "Balto"], "NO"),
    "tatar": (["Alsu", "Ilnur", "Gulnaz", "Rinat"], ["Khairullin", "Minnikhanova", "Gabdrakhmanov", "Sabirova"], "RU"),
    "tigrinya": (["Semhar", "Yonas", "Luwam", "Filmon"], ["Tesfamariam", "Habtezion", "Woldemichael", "Kidane"], "ER"),
    "sinhala": (["Tharindu", "Nadeesha", "Chamara", "Dilrukshi"], ["Wickramasinghe", "Jayawardena", "Senanayake", "Rathnayake"], "LK"),
    "lao": (["Souksavanh", "Bounmy", "Keo", "Phonesavanh"], ["Phommachanh", "Sisoulath", "Vongsavath", "Inthavong"], "LA"),
    "tongan": (["Sione", "Mele", "Viliami", "Losaline"], ["Taufa", "Fifita", "Havili", "Latu"], "TO"),
    "zulu": (["Sipho", "Nomvula", "Thandeka", "Bongani"], ["Ngcobo", "Mkhize", "Zungu", "Shezi"], "ZA"),
    "xhosa": (["Lwazi", "Nandipha", "Siyabonga", "Ayanda"], ["Ntshona", "Mgqibi", "Sityana", "Makhaye"], "ZA"),
    "shona": (["Tendai", "Rudo", "Farai", "Chipo"], ["Chikwanha", "Mutasa", "Nyathi", "Marufu"], "ZW"),
    "hausa": (["Aminu", "Hadiza", "Sani", "Zainab"], ["Danjuma", "Garba", "Yakubu", "Bichi"], "NG"),
    "pashto": (["Zarmina", "Wahid", "Palwasha", "Naqib"], ["Yusufzai", "Durrani", "Khattak", "Afridi"], "AF"),
    "kurdish": (["Rojda", "Dilan", "Berzan", "Shilan"], ["Zebari", "Hawrami", "Dizayee", "Jaff"], "IQ"),
    "armenian": (["Anahit", "Tigran", "Lilit", "Vardan"], ["Hovhannisyan", "Sargsyan", "Avetisyan", "Ghazaryan"], "AM"),
    "mongolian": (["Bolormaa", "Ganbold", "Enkhjargal", "Temuulen"], ["Altankhuyag", "Dorjsuren", "Gansukh", "Purevdorj"], "MN"),
    "welsh": (["Eleri", "Gethin", "Angharad", "Rhodri"], ["Pritchard", "Llewellyn", "Gruffydd", "Prosser"], "GB"),
    "scottish_gaelic": (["Mòrag", "Eilidh", "Ruairidh", "Seumas"], ["MacLeòid", "Caimbeul", "MacAoidh", "Dòmhnallach"], "GB"),
    "maltese": (["Ġużeppi", "Carmelina", "Ninu", "Marvic"], ["Camilleri", "Vella", "Grech", "Farrugia"], "MT"),
    "faroese": (["Rúni", "Sjúrður", "Guðrið", "Bárður"], ["Joensen", "Dalsgaard", "Niclasen", "Mikkelsen"], "FO"),
    "sardinian": (["Bainzu", "Giommaria", "Bastianina", "Efisio"], ["Pinna", "Usai", "Piras", "Murgia"], "IT"),
    "inuktitut": (["Aputik", "Pauloosie", "Leetia", "Jaypeetee"], ["Kilabuk", "Akeeagok", "Ishulutak", "Kunuk"], "CA"),
    "cherokee": (["Ahyoka", "Waya", "Tsali", "Adsila"], ["Sixkiller", "Oocumma", "Teehee", "Catcher"], "US"),
}  # fmt: skip

# Names made of everyday English words.
WORD_GIVEN = ["Sunny", "Misty", "Rusty", "Honey", "Forest", "Ember", "Meadow", "Haven",
              "Dusty", "Chance", "Story", "Clover"]  # fmt: skip
WORD_SURNAMES = ["Hammer", "Marble", "Saddle", "Barley", "Thistle", "Copper", "Bucket",
                 "Ladder", "Pepper", "Orchard", "Candle", "Kettle"]  # fmt: skip

PARTICLES = {"ap", "ferch", "nic", "an", "de", "ibn", "bin", "mac"}
APOSTROPHE = [("tongan", "Fe'ao"), ("tongan", "Ma'ake"), ("hausa", "Ja'afaru"),
              ("pashto", "Sa'adatyar"), ("kurdish", "Mas'udi"), ("sardinian", "D'Arborea")]  # fmt: skip
PARTICLE = [("welsh", "ap Dafydd"), ("welsh", "ferch Gwilym"), ("scottish_gaelic", "Nic an Tòisich"),
            ("maltese", "de Piro"), ("sardinian", "de Murtas"), ("tatar", "ibn Rakhimov")]  # fmt: skip

MULTI: dict[str, tuple[list[str], list[str]]] = {
    "es": (["Remedios", "Fermín", "Inmaculada", "Baltasar"], ["Quintanilla", "Arrieta", "Valdivieso", "Echeverría"]),
    "de": (["Gesine", "Volkmar", "Irmgard", "Detlef"], ["Brinkhaus", "Oberländer", "Kretschmer", "Wohlgemuth"]),
    "fr": (["Solange", "Gaspard", "Apolline", "Thibaut"], ["Lemaréchal", "Desrosiers", "Vautrin", "Chassagne"]),
    "pt": (["Conceição", "Joaquim", "Filipa", "Teotónio"], ["Magalhães", "Figueiredo", "Quaresma", "Sequeira"]),
    "it": (["Annunziata", "Ottavio", "Loredana", "Ercole"], ["Bonaventura", "Capuozzo", "Tagliaferri", "Sciascia"]),
    "nl": (["Geertruida", "Wouter", "Marieke", "Hendrik"], ["Oosterhuis", "Wijnands", "Klaassen", "Brouwers"]),
    "id": (["Wulandari", "Bambang", "Sekar", "Gilang"], ["Siregar", "Nasution", "Hutapea", "Pangaribuan"]),
    "vi": (["Thảo", "Tuấn", "Ngọc", "Khánh"], ["Trịnh", "Lương", "Quách", "Đoàn"]),
}  # fmt: skip

SCRIPT_NAMES: dict[str, list[str]] = {
    "cjk": ["王秀英", "李志强", "刘晓燕", "佐藤健太", "高桥美咲", "陈建国"],
    "thai": ["วิไลวรรณ ทองดี", "ธนากร แสงทอง", "มาลี ศรีสุข", "อรุณี บุญมา"],
}

DOMAINS = ["postbrook.net", "inboxly.org", "cedarmail.com", "heronpost.net", "quillmail.io",
           "larkbox.org"]  # fmt: skip
