"""Round-5 person names and e-mail domains, typed by hand from general knowledge.

Nothing here comes from Faker, names-dataset or any installed list. Every entry sits in one
pool only, and its tokens in no other pool, so splitting each pool keeps the halves disjoint.
"""

from __future__ import annotations

# culture -> (given names, surnames)
CULTURES: dict[str, tuple[list[str], list[str]]] = {
    "czech": (
        ["Radek", "Vojtěch", "Kateřina", "Zdeňka", "Bohumil", "Libuše", "Ondřej", "Jitka"],
        ["Sýkora", "Vrabcová", "Pospíchal", "Kopecký", "Hanzlíková", "Štěpánek", "Žáček", "Matoušek"],
    ),
    "romanian": (
        ["Dorin", "Ioana", "Mihaela", "Sorin", "Corina", "Bogdan", "Anca", "Răzvan"],
        ["Pârvulescu", "Iordache", "Moldoveanu", "Cazacu", "Bratu", "Stănescu", "Zamfir", "Nistor"],
    ),
    "hungarian": (
        ["Zsófia", "Bence", "Réka", "Levente", "Csilla", "Gergő", "Tünde", "Ákos"],
        ["Fekete", "Halász", "Gulyás", "Bakonyi", "Bognár", "Szalai", "Kelemen", "Deák"],
    ),
    "finnish": (
        ["Aino", "Eero", "Sanni", "Joonas", "Liisa", "Tapio", "Henna", "Ville"],
        ["Kärkkäinen", "Heikkilä", "Lehtola", "Ahonen", "Rautiainen", "Rajamäki", "Peltonen", "Kivelä"],
    ),
    "ukrainian": (
        ["Oksana", "Taras", "Yaryna", "Bohdan", "Solomiia", "Mykola", "Olesia", "Ostap"],
        ["Kovtun", "Kravchuk", "Zhuravel", "Savchenko", "Tkachuk", "Bilous", "Boiko", "Marchenko"],
    ),
    "bengali": (
        ["Anindita", "Sourav", "Rupa", "Tanmoy", "Moushumi", "Arnab", "Sharmila", "Debashis"],
        ["Chattopadhyay", "Sanyal", "Bhattacharjee", "Ghoshal", "Mitra", "Bagchi", "Haldar", "Majumder"],
    ),
    "tamil": (
        ["Kaviya", "Senthil", "Meenakshi", "Arivu", "Thenmozhi", "Karthikeyan", "Vaishnavi", "Elango"],
        ["Subramaniam", "Sivalingam", "Palanisamy", "Thirunavukkarasu", "Natarajan", "Ilangovan", "Muthusamy", "Velayutham"],
    ),
    "pakistani": (
        ["Hamza", "Ayesha", "Bilal", "Sana", "Usman", "Mahnoor", "Faisal", "Iqra"],
        ["Qureshi", "Siddiqui", "Gondal", "Cheema", "Khattak", "Warraich", "Niazi", "Bajwa"],
    ),
    "thai": (
        ["Somchai", "Kanya", "Nattapong", "Pimchanok", "Thanawat", "Siriporn", "Apichart", "Wannisa"],
        ["Srisuk", "Chaiyaporn", "Wongsawat", "Rattanakorn", "Boonmee", "Thongchai", "Sukprasert", "Kittisak"],
    ),
    "malay": (
        ["Aiman", "Nurul", "Hafiz", "Farhan", "Aisyah", "Izzat", "Syafiqah", "Haziq"],
        ["Rosli", "Zulkifli", "Hashim", "Kamaruddin", "Ismail", "Yusof", "Othman", "Mokhtar"],
    ),
    "ethiopian": (
        ["Selam", "Dawit", "Meskerem", "Yonas", "Hirut", "Bereket", "Tigist", "Abebe"],
        ["Woldegiorgis", "Gebreyes", "Alemayehu", "Bekele", "Shiferaw", "Asfaw", "Mengistu", "Tadesse"],
    ),
    "zulu": (
        ["Sipho", "Thandiwe", "Lwazi", "Nomvula", "Sibusiso", "Zanele", "Bongani", "Lindiwe"],
        ["Dlamini", "Mngomezulu", "Zungu", "Xulu", "Hlongwane", "Mavundla", "Zondi", "Cele"],
    ),
    "akan": (
        ["Kwabena", "Akosua", "Yaw", "Adwoa", "Kofi", "Abena", "Kwaku", "Efua"],
        ["Amponsah", "Boateng", "Frimpong", "Mensah", "Antwi", "Danquah", "Ofori", "Acheampong"],
    ),
    "maori": (
        ["Aroha", "Tamati", "Mere", "Wiremu", "Hinemoa", "Rawiri", "Anahera", "Nikau"],
        ["Tuhiwai", "Rewiti", "Paraone", "Horomona", "Te Rangi", "Tamihana", "Whaanga", "Ruatapu"],
    ),
    "samoan": (
        ["Losa", "Sione", "Malia", "Tavita", "Fetu", "Iosefa", "Seini", "Lagi"],
        ["Sopoaga", "Fa'alogo", "Lauina", "Sapolu", "Fuimaono", "Tauiliili", "Tuimavave", "Ma'ilo"],
    ),
    "andean": (
        ["Wilber", "Yesenia", "Edwin", "Maribel", "Nilton", "Flor", "Yony", "Deysi"],
        ["Quispe", "Mamani", "Huamán", "Condori", "Ccahuana", "Apaza", "Choque", "Huanca"],
    ),
    "portuguese": (
        ["Gonçalo", "Inês", "Rui", "Leonor", "Tiago", "Beatriz", "Duarte", "Matilde"],
        ["Sarmento", "Gouveia", "Laranjeira", "Pestana", "Monteiro", "Sequeira", "Fontainhas", "Tojal"],
    ),
    "scottish": (
        ["Ailsa", "Fraser", "Morag", "Hamish", "Isla", "Callum", "Kirsty", "Euan"],
        ["MacAulay", "Farquharson", "MacGillivray", "McLeish", "MacCrimmon", "Lindsay", "Cruickshank", "Balfour"],
    ),
    "welsh": (
        ["Cerys", "Dafydd", "Angharad", "Rhys", "Siân", "Gethin", "Ffion", "Iolo"],
        ["Gruffydd", "Probert", "Pugh", "Gwilym", "Bowen", "Eynon", "Rhydderch", "Jenkin"],
    ),
    "jamaican": (
        ["Shanice", "Delroy", "Kerry-Ann", "Oneil", "Tamika", "Rohan", "Sashana", "Garfield"],
        ["Brissett", "McKenzie", "Gayle", "Thelwell", "Rowe", "Findlay", "Wint", "Barnswell"],
    ),
    "irish": (
        ["Niamh", "Cathal", "Aoife", "Oisín", "Siobhán", "Ruairí", "Gráinne", "Darragh"],
        ["O'Mahony", "O'Dwyer", "D'Arcy", "Shiel", "Kinsella", "Mac Lochlainn", "O'Keeffe", "Cusack"],
    ),
    "us": (
        ["Tyler", "Brittany", "Dakota", "Kayla", "Brandon", "Megan", "Cody", "Whitney"],
        ["Hollister", "Stubblefield", "Stoddard", "Satterfield", "Yancey", "Dunaway", "Bingham", "Whisenant"],
    ),
    "uk": (
        ["Harriet", "Rupert", "Imogen", "Alfie", "Poppy", "Jasper", "Tilly", "Hugo"],
        ["Entwistle", "Lumb", "Fairclough", "Hargreaves", "Blakemore", "Winterbottom", "Cheetham", "Openshaw"],
    ),
}

# Everyday English words that are also given names and surnames (about a quarter of names).
WORD_GIVEN = [
    "Merry", "Blossom", "Holly", "Ember", "Patience", "Clay", "Harmony", "Glen", "Robin",
    "Liberty", "Haven", "Bliss", "Jewel", "Goldie", "Chip", "Ace", "Honor", "Duke",
    "Coral", "Reed", "Heather", "Olive", "Lark", "Melody", "Sage", "River", "Chance", "Dusty",
]
WORD_SURNAMES = [
    "Pond", "Barley", "Wood", "Orchard", "Gamble", "Bush", "Hatch", "Warden", "Brown", "White",
    "Parish", "Silver", "Hall", "Ward", "Bridge", "Castle", "Tower", "Beacon", "Bishop", "Heron",
    "Mason", "Cook", "Fisher", "Shepherd", "Starling", "Weaver", "Plum", "Hedges", "Badger",
    "Berry", "Lemon", "Otter", "Finch", "Crane", "Hawk", "Winter", "Swift", "Street",
]

# multi5: language -> (given names, surnames); Vietnamese: (given names, family names).
MULTI: dict[str, tuple[list[str], list[str]]] = {
    "es": (
        ["Lucía", "Álvaro", "Nerea", "Íñigo", "Rocío", "Gonzalo", "Itziar", "Borja"],
        ["Aranburu", "Urquijo", "Olabarrieta", "Galindo", "Garmendia", "Cebrián", "Valdivieso", "Arrieta"],
    ),
    "de": (
        ["Jonas", "Friederike", "Malte", "Annika", "Torben", "Wiebke", "Lennart", "Henrike"],
        ["Bruhns", "Oberländer", "Kesselring", "Hausmann", "Tiedemann", "Ramelow", "Schwertfeger", "Kühnapfel"],
    ),
    "fr": (
        ["Margaux", "Baptiste", "Solène", "Corentin", "Élodie", "Gaëtan", "Maëlle", "Loïc"],
        ["Lebreton", "Quéméner", "Guérin", "Daguerre", "Thibaudeau", "Roquefeuil", "Charpentier", "Bouvard"],
    ),
    "pt": (
        ["Luana", "Caio", "Rafaela", "Otávio", "Yasmin", "Heitor", "Lívia", "Murilo"],
        ["Medeiros", "Maranhão", "Falcão", "Vilela", "Camargo", "Aragão", "Siqueira", "Prudente"],
    ),
    "it": (
        ["Chiara", "Matteo", "Ilaria", "Lorenzo", "Benedetta", "Tommaso", "Arianna", "Edoardo"],
        ["Zanardelli", "Cattaneo", "Mazzoleni", "Ferrazzi", "Bonfanti", "Tagliabue", "Galbiati", "Rota"],
    ),
    "nl": (
        ["Sanne", "Joost", "Marloes", "Thijs", "Lieke", "Bram", "Fenna", "Wouter"],
        ["Oosterhuis", "Dijkhuizen", "Dekker", "Heemskerk", "Zwart", "Verbeek", "Smulders", "van Leeuwen"],
    ),
    "id": (
        ["Wahyu", "Ratna", "Agus", "Indah", "Bayu", "Fitri", "Dimas", "Ayu"],
        ["Siahaan", "Pardede", "Tarigan", "Tanudjaja", "Purwanto", "Kartasasmita", "Ginting", "Nainggolan"],
    ),
    "vi": (
        ["Khánh Linh", "Quốc Bảo", "Ngọc Ánh", "Gia Huy", "Thanh Tâm", "Đức Trọng", "Phương Thảo", "Hải Đăng"],
        ["Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"],
    ),
}

# Invented e-mail domains (shared by chats5, addresses5 and multi5: split under one label).
DOMAINS = [
    "larchpost.net", "tidewell.io", "quillmere.com", "brackenmail.org", "saltmarshworks.co",
    "inkwellhq.net", "ferncastle.email", "northgable.com", "pebblequay.net", "cindervale.org",
    "loftbridge.io", "kestrelway.com", "amberlode.net", "hollowtree.works", "marlpit.co.uk",
    "driftpoint.email", "wickerlane.com", "graniteloop.net", "tallowfield.org", "hazelcroft.io",
    "mistralbay.com", "copperwick.net", "sandpiperhq.com", "oriel-mail.net", "yewbank.org",
    "brightmoss.io", "staveley-post.com", "coldharbour.email", "juniperwynd.net", "slateford.co",
    "thistlebox.com", "orchardgap.net",
]
