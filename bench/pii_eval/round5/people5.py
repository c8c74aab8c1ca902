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
        ["Fekete", "Halász", "Vörös", "Pintér", "Bognár", "Szalai", "Kelemen", "Deák"],
    ),
    "finnish": (
        ["Aino", "Eero", "Sanni", "Joonas", "Liisa", "Tapio", "Henna", "Ville"],
        ["Kärkkäinen", "Heikkilä", "Laaksonen", "Ahonen", "Rautiainen", "Salminen", "Peltonen", "Kivelä"],
    ),
    "ukrainian": (
        ["Oksana", "Taras", "Yaryna", "Bohdan", "Solomiia", "Mykola", "Olesia", "Ostap"],
        ["Hrytsenko", "Kravchuk", "Melnychuk", "Savchenko", "Tkachuk", "Lysenko", "Boiko", "Marchenko"],
    ),
    "bengali": (
        ["Anindita", "Sourav", "Rupa", "Tanmoy", "Moushumi", "Arnab", "Sharmila", "Debashis"],
        ["Chattopadhyay", "Sengupta", "Bhattacharjee", "Ghoshal", "Mitra", "Dasgupta", "Haldar", "Majumder"],
    ),
    "tamil": (
        ["Kaviya", "Senthil", "Meenakshi", "Arivu", "Thenmozhi", "Karthikeyan", "Vaishnavi", "Elango"],
        ["Subramaniam", "Ramasamy", "Palanisamy", "Annamalai", "Natarajan", "Chidambaram", "Muthusamy", "Velayutham"],
    ),
    "pakistani": (
        ["Hamza", "Ayesha", "Bilal", "Sana", "Usman", "Mahnoor", "Faisal", "Iqra"],
        ["Qureshi", "Siddiqui", "Chaudhry", "Abbasi", "Khattak", "Butt", "Niazi", "Bajwa"],
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
        ["Tesfaye", "Gebremedhin", "Alemayehu", "Bekele", "Wolde", "Asfaw", "Mengistu", "Tadesse"],
    ),
    "zulu": (
        ["Sipho", "Thandiwe", "Lwazi", "Nomvula", "Sibusiso", "Zanele", "Bongani", "Lindiwe"],
        ["Dlamini", "Mthembu", "Zungu", "Ngcobo", "Khumalo", "Mkhize", "Shabalala", "Cele"],
    ),
    "akan": (
        ["Kwabena", "Akosua", "Yaw", "Adwoa", "Kofi", "Abena", "Kwaku", "Efua"],
        ["Asante", "Boateng", "Owusu", "Mensah", "Appiah", "Danquah", "Ofori", "Agyeman"],
    ),
    "maori": (
        ["Aroha", "Tamati", "Mere", "Wiremu", "Hinemoa", "Rawiri", "Anahera", "Nikau"],
        ["Parata", "Ngata", "Tawhiri", "Horomona", "Te Rangi", "Waaka", "Pomare", "Ruatapu"],
    ),
    "samoan": (
        ["Losa", "Sione", "Malia", "Tavita", "Fetu", "Iosefa", "Seini", "Lagi"],
        ["Tuilagi", "Fa'alogo", "Leota", "Sapolu", "Fuimaono", "Tauiliili", "Aumua", "Ma'ilo"],
    ),
    "andean": (
        ["Wilber", "Yesenia", "Edwin", "Maribel", "Nilton", "Flor", "Yony", "Deysi"],
        ["Quispe", "Mamani", "Huamán", "Condori", "Ccahuana", "Apaza", "Choque", "Huanca"],
    ),
    "portuguese": (
        ["Gonçalo", "Inês", "Rui", "Leonor", "Tiago", "Beatriz", "Duarte", "Matilde"],
        ["Carvalho", "Figueiredo", "Magalhães", "Teixeira", "Monteiro", "Sequeira", "Amaral", "Brandão"],
    ),
    "scottish": (
        ["Ailsa", "Fraser", "Morag", "Hamish", "Isla", "Callum", "Kirsty", "Euan"],
        ["MacAulay", "Sutherland", "Buchanan", "McLeish", "Drummond", "Lindsay", "Cruickshank", "Urquhart"],
    ),
    "welsh": (
        ["Cerys", "Dafydd", "Angharad", "Rhys", "Siân", "Gethin", "Ffion", "Iolo"],
        ["Pritchard", "Llewellyn", "Prosser", "Gwilym", "Bowen", "Vaughan", "Parry", "Meredith"],
    ),
    "jamaican": (
        ["Shanice", "Delroy", "Kerry-Ann", "Oneil", "Tamika", "Rohan", "Sashana", "Garfield"],
        ["Brissett", "McKenzie", "Gayle", "Thelwell", "Rowe", "Findlay", "Wint", "Barnswell"],
    ),
    "irish": (
        ["Niamh", "Cathal", "Aoife", "Oisín", "Siobhán", "Ruairí", "Gráinne", "Darragh"],
        ["O'Mahony", "O'Dwyer", "D'Arcy", "Breathnach", "Kinsella", "Mac Lochlainn", "O'Keeffe", "Cusack"],
    ),
    "us": (
        ["Tyler", "Brittany", "Dakota", "Kayla", "Brandon", "Megan", "Cody", "Whitney"],
        ["Hollister", "Pruitt", "Stoddard", "Whitfield", "Yancey", "McAllister", "Bingham", "Tolliver"],
    ),
    "uk": (
        ["Harriet", "Rupert", "Imogen", "Alfie", "Poppy", "Jasper", "Tilly", "Hugo"],
        ["Pemberton", "Ashworth", "Fairclough", "Hargreaves", "Blakemore", "Winterbottom", "Cheetham", "Openshaw"],
    ),
}

# Everyday English words that are also given names and surnames (about a quarter of names).
WORD_GIVEN = [
    "Ivy", "Faith", "Holly", "Sunny", "Patience", "Clay", "Forrest", "Glen", "Robin",
    "Amber", "Crystal", "Misty", "Brook", "Penny", "Ginger", "Sky", "Honor", "Wren",
    "Coral", "Reed", "Heather", "Olive", "Daisy", "Melody", "Sage", "River", "Chance", "Dusty",
]
WORD_SURNAMES = [
    "Bird", "Hill", "Wood", "Lamb", "Bell", "Bush", "Little", "Short", "Brown", "White",
    "Gold", "Silver", "Hall", "Ward", "Lane", "Castle", "Church", "King", "Bishop", "Page",
    "Mason", "Cook", "Fisher", "Shepherd", "Gardner", "Weaver", "Glass", "Steel", "Rice",
    "Berry", "Lemon", "Sweet", "Finch", "Crane", "Hawk", "Winter", "Day", "Street",
]

# multi5: language -> (given names, surnames); Vietnamese: (given names, family names).
MULTI: dict[str, tuple[list[str], list[str]]] = {
    "es": (
        ["Lucía", "Álvaro", "Nerea", "Íñigo", "Rocío", "Gonzalo", "Itziar", "Borja"],
        ["Echeverría", "Urquijo", "Sotomayor", "Galindo", "Villalobos", "Carrasco", "Montalbán", "Arrieta"],
    ),
    "de": (
        ["Jonas", "Friederike", "Malte", "Annika", "Torben", "Wiebke", "Lennart", "Henrike"],
        ["Brinkmann", "Oberländer", "Kesselring", "Hausmann", "Dreyer", "Vogelsang", "Lindemann", "Hoffstetter"],
    ),
    "fr": (
        ["Margaux", "Baptiste", "Solène", "Corentin", "Élodie", "Gaëtan", "Maëlle", "Loïc"],
        ["Lebreton", "Courtois", "Guérin", "Barbier", "Tessier", "Vasseur", "Charpentier", "Lemaire"],
    ),
    "pt": (
        ["Luana", "Caio", "Rafaela", "Otávio", "Yasmin", "Heitor", "Lívia", "Murilo"],
        ["Cavalcanti", "Albuquerque", "Nogueira", "Bezerra", "Pimentel", "Aragão", "Siqueira", "Queiroz"],
    ),
    "it": (
        ["Chiara", "Matteo", "Ilaria", "Lorenzo", "Benedetta", "Tommaso", "Arianna", "Edoardo"],
        ["Brambilla", "Cattaneo", "Mazzoleni", "Ferrazzi", "Pellegrini", "Sartori", "Galbiati", "Colombo"],
    ),
    "nl": (
        ["Sanne", "Joost", "Marloes", "Thijs", "Lieke", "Bram", "Fenna", "Wouter"],
        ["Hoekstra", "Kuipers", "Dekker", "Postma", "Bosman", "Verbeek", "Smulders", "van Leeuwen"],
    ),
    "id": (
        ["Wahyu", "Ratna", "Agus", "Indah", "Bayu", "Fitri", "Dimas", "Ayu"],
        ["Setiawan", "Kusuma", "Hidayat", "Nugroho", "Wibowo", "Saputra", "Pratama", "Lestari"],
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
