"""Round 13 names, hand-picked: culture -> (given names, surnames, phone country)."""

from __future__ import annotations

CULTURES: dict[str, tuple[list[str], list[str], str]] = {
    "sami": (["Sire", "Ristin", "Ovla", "Ingá"], ["Valkeapää", "Aikio", "Magga", "Oskal"], "NO"),
    "tatar": (["Ilsiyar", "Rafael", "Aidar", "Gulshat"], ["Galiullin", "Zaripov", "Mukhametshin", "Valiullina"], "RU"),
    "tigrinya": (["Saba", "Kibrom", "Rahwa", "Awet"], ["Tewolde", "Abraha", "Tekeste", "Berhe"], "ER"),
    "sinhala": (["Nilmini", "Pradeep", "Chathura", "Thilini"], ["Karunaratne", "Samarakoon", "Abeysekera", "Wijesuriya"], "LK"),
    "lao": (["Vilayphone", "Khamphet", "Noy", "Daovone"], ["Keomany", "Chanthavong", "Douangmala", "Southammavong"], "LA"),
    "tongan": (["Ofa", "Tevita", "Salote", "Sitiveni"], ["Kaufusi", "Tonga", "Tuipulotu", "Mahe"], "TO"),
    "zulu": (["Ntombi", "Mthunzi", "Jabulani", "Sifiso"], ["Cele", "Mchunu", "Mbatha", "Nxumalo"], "ZA"),
    "xhosa": (["Luyolo", "Nosipho", "Vuyo", "Thembeka"], ["Gqola", "Nkwinti", "Mtshali", "Dyantyi"], "ZA"),
    "shona": (["Rutendo", "Tinashe", "Ruvimbo", "Tonderai"], ["Chigumba", "Mhlanga", "Chinamasa", "Chirwa"], "ZW"),
    "hausa": (["Rabi", "Umaru", "Binta", "Lawal"], ["Dankano", "Maigari", "Gusau", "Kano"], "NG"),
    "pashto": (["Gulalai", "Rahmatullah", "Mursal", "Zalmai"], ["Ghilzai", "Barakzai", "Safi", "Orakzai"], "AF"),
    "kurdish": (["Hêvî", "Rezan", "Nazdar", "Dildar"], ["Mukriyani", "Bradosti", "Surchi", "Herki"], "IQ"),
    "armenian": (["Nune", "Levon", "Arpine", "Karen"], ["Mkrtchyan", "Khachatryan", "Petrosyan", "Grigoryan"], "AM"),
    "mongolian": (["Battulga", "Sarantuya", "Narantsetseg", "Erdenebat"], ["Tserendorj", "Baatarkhuu", "Myagmarsuren", "Sukhbaatar"], "MN"),
    "welsh": (["Iestyn", "Lowri", "Emyr", "Nia"], ["Bevan", "Howells", "Jenkins", "Lloyd"], "GB"),
    "scottish_gaelic": (["Catrìona", "Alasdair", "Mairead", "Tormod"], ["MacIlleathain", "Stiùbhart", "Moireasdan", "MacCoinnich"], "GB"),
    "maltese": (["Ċikku", "Ġużi", "Rożina", "Wenzu"], ["Abela", "Mifsud", "Attard", "Spiteri"], "MT"),
    "faroese": (["Hjalgrím", "Ragnvá", "Eyðun", "Jóhanna"], ["Lamhauge", "Hammershaimb", "Patursson", "Djurhuus"], "FO"),
    "sardinian": (["Peppina", "Salvatorangelo", "Baingio", "Mariangela"], ["Cossu", "Fadda", "Marras", "Loi"], "IT"),
    "inuktitut": (["Siaja", "Kowesa", "Annie", "Lootie"], ["Arnaquq", "Pitsiulak", "Qaqqasiq", "Kanayuk"], "CA"),
    "cherokee": (["Aniwaya", "Galilahi", "Kanuna", "Tayanita"], ["Swimmer", "Pigeon", "Proctor", "Squirrel"], "US"),
}  # fmt: skip

# Names made of everyday English words.
WORD_GIVEN = ["Skye", "Basil", "Bramwell", "Merit", "Justice", "Verity", "Bay", "Valor"]
WORD_SURNAMES = [
    "Wicker",
    "Tumbler",
    "Mortar",
    "Ferry",
    "Walnut",
    "Chestnut",
    "Flagstone",
    "Quarry",
    "Hedgerow",
    "Millstone",
    "Cobble",
    "Bristle",
]

PARTICLES = {"ap", "ferch", "nic", "an", "de", "ibn", "bin", "mac"}
APOSTROPHE = [("sardinian", "D'Urso"), ("maltese", "D'Amato"), ("pashto", "Ra'uf")]
PARTICLE = [
    ("welsh", "ferch Iorwerth"),
    ("scottish_gaelic", "Nic an Aba"),
    ("sardinian", "de Campus"),
    ("tatar", "ibn Khalilov"),
    ("welsh", "ap Hywel"),
    ("scottish_gaelic", "Nic Cuithein"),
]

MULTI: dict[str, tuple[list[str], list[str]]] = {
    "es": (["Clodoaldo", "Nieves", "Rosendo", "Iluminada"], ["Carvajal", "Valenzuela", "Aldecoa", "Montenegro"]),
    "de": (["Wiltrud", "Siegbert", "Liselotte", "Gunhild"], ["Kammerlander", "Dörflinger", "Hasenclever", "Kühnemund"]),
    "fr": (["Eustache", "Evariste", "Léontine", "Mathurin"], ["Lacombe", "Rochefort", "Malherbe", "Montcalm"]),
    "pt": (["Perpétua", "Albertina", "Eulália", "Aníbal"], ["Lobato", "Fontoura", "Alvarenga", "Queirós"]),
    "it": (["Gioacchino", "Nunziatina", "Gennarino", "Romualdo"], ["Sangiorgi", "Lombardo", "Malatesta", "Borromeo"]),
    "nl": (["Aukje", "Berend", "Lammert"], ["Dijkstra", "Wieringa", "Zijlstra", "Brugman"]),
    "id": (["Melati", "Anggraini", "Sulistyo", "Indrawati"], ["Butarbutar", "Sidabutar", "Hutabarat", "Sianturi"]),
    "vi": (["Phượng", "Thơm", "Vĩnh", "Lệ"], ["Quan", "Dư"]),
}  # fmt: skip

SCRIPT_NAMES: dict[str, list[str]] = {
    "cjk": ["王秀英", "李志强", "刘晓燕", "佐藤健太", "高桥美咲", "陈建国"],
    "thai": ["สุริยา พงษ์พันธ์", "บุญเรือน ศรีเมือง", "ทองใบ หอมจันทร์", "ประภาพร ดวงแก้ว"],
}

DOMAINS = ["postbrook.net", "inboxly.org", "cedarmail.com", "heronpost.net", "quillmail.io",
           "larkbox.org"]  # fmt: skip
