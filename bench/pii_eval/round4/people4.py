"""Round 4's hand-written person names (given, surname) per culture, and common-word names.

Typed from general knowledge; nothing comes from Faker or any installed list. Every list is
split between the halves with :func:`common4.pool`.
"""

from __future__ import annotations

# fmt: off
# culture -> (given names, surnames)
CULTURES: dict[str, tuple[list[str], list[str]]] = {
    "us": (
        [
            "Brayden", "Kinsley", "Tucker", "Makenna", "Colton", "Delaney", "Garrett", "Shelby"
        ],
        [
            "Bledsoe", "Stallworth", "Vandiver", "Treadwell", "Scarborough", "Raybourn",
            "Ainsworth", "Cashion"
        ],
    ),
    "irish": (
        [
            "Oisín", "Clodagh", "Tadhg", "Saoirse", "Cathal", "Gráinne", "Ruairí", "Caoimhe"
        ],
        [
            "Ní Fhlannagáin", "Mac Giolla", "Houlihan", "Ó Súilleabháin", "Ó Caoimh", "Cronin",
            "Donoghue", "Mulcahy"
        ],
    ),
    "spanish": (
        [
            "Iker", "Itziar", "Gonzalo", "Begoña", "Íñigo", "Remedios", "Jacinto", "Marisol"
        ],
        [
            "Etxeberri-Aldai", "Sotomayor", "Arrieta", "Cuadrado", "Larrañaga", "Montalbán",
            "Sarasola", "Casariego"
        ],
    ),
    "italian": (
        [
            "Gianluca", "Ornella", "Piergiorgio", "Loredana", "Ettore", "Mirella", "Salvatore",
            "Graziella"
        ],
        [
            "Bonfiglio", "Santangelo", "Spallanzani", "Cavallaro", "Lombardozzi", "Bortolussi",
            "Ciampolillo", "Martorana"
        ],
    ),
    "german": (
        [
            "Wolfram", "Hannelore", "Jörg", "Gudrun", "Volker", "Liesel", "Hartmut", "Roswitha"
        ],
        [
            "Obermaier", "Kühnle", "Brettschneider", "Haselhoff", "Wunderlich", "Trautmann",
            "Eckhardt", "Schimmelpfennig"
        ],
    ),
    "polish": (
        [
            "Przemysław", "Grażyna", "Bartosz", "Jadwiga", "Zbigniew", "Małgorzata", "Radosław",
            "Bożena"
        ],
        [
            "Przybylska", "Kwiatkowski-Rudy", "Chmielewski", "Kaczmarczyk", "Gawlikowski",
            "Grabowska", "Zalewski", "Ślusarczyk"
        ],
    ),
    "swedish": (
        [
            "Torbjörn", "Ingegerd", "Ragnar", "Sigrid", "Ulf", "Birgitta", "Gunnar", "Solveig"
        ],
        [
            "Bergqvist", "Lindholm", "Fredholm", "Ekström", "Nordqvist", "Hägglund", "Wallin",
            "Östlund"
        ],
    ),
    "turkish": (
        [
            "Oğuzhan", "Gülşen", "Serkan", "Derya", "Tolga", "Sevgül", "Bülent", "Nurcan"
        ],
        [
            "Karaköse", "Yıldırımlı", "Karabıyık", "Özdemirci", "Tekinalp", "Sarıoğlu", "Ekinci",
            "Gündoğdu"
        ],
    ),
    "arabic": (
        [
            "Tariq", "Rania", "Bilal", "Hanan", "Marwan", "Samira", "Ziad", "Lubna"
        ],
        [
            "Al-Mahrouqi", "Barakat", "Zoghbi", "Haddadin", "Qassem", "Nasrallah", "Bitar-Nassif",
            "Mahfouz"
        ],
    ),
    "indian": (
        [
            "Vikrant", "Sunaina", "Harshvardhan", "Madhuri", "Anirudh", "Pallavi", "Siddharth",
            "Revathi"
        ],
        [
            "Dhulipala", "Parthasarathy", "Wagle", "Sengupta-Roy", "Deshpande", "Thiruvengadam",
            "Gangopadhyay", "Rajagopalan"
        ],
    ),
    "chinese": (
        [
            "Zihan", "Yuxuan", "Haoran", "Xinyi", "Jiahao", "Shuting", "Mingze", "Ruoxi"
        ],
        [
            "Gu", "Xiong", "Qiao", "Cai", "Shen", "Pan", "Fu", "Du"
        ],
    ),
    "japanese": (
        [
            "Haruto", "Aoi", "Sōta", "Mei", "Ren", "Yuzuki", "Takumi", "Honoka"
        ],
        [
            "Tsutsumi", "Hirakawa", "Fujimoto", "Kumagai", "Morimoto", "Hasegawa", "Enomoto",
            "Kinoshita"
        ],
    ),
    "korean": (
        [
            "Do-yoon", "Seo-yeon", "Ha-jun", "Ji-woo", "Eun-ho", "Chae-won", "Geon-u", "Ye-rin"
        ],
        [
            "Hwang", "Bae", "Jeon", "Song", "Shin", "Jang", "Kwon", "Nam"
        ],
    ),
    "vietnamese": (
        [
            "Thảo", "Quang", "Huyền", "Khải", "Ngọc", "Duy", "Trang", "Phúc"
        ],
        [
            "Đặng", "Bùi", "Hồ", "Võ", "Dương", "Lý", "Trịnh", "Huỳnh"
        ],
    ),
    "yoruba": (
        [
            "Olumide", "Funmilayo", "Babatunde", "Adeola", "Oluwaseun", "Yetunde", "Kehinde",
            "Temitope"
        ],
        [
            "Babalola-Ige", "Akintola", "Akinwale", "Oyelaran", "Oyinlola", "Oyewole", "Ilesanmi",
            "Adegbite"
        ],
    ),
    "kenyan": (
        [
            "Wanjiru", "Kiprono", "Atieno", "Otieno", "Njeri", "Kibet", "Akinyi", "Mutua"
        ],
        [
            "Gitau-Wainaina", "Owuor-Achieng", "Kipchumba", "Simiyu", "Kinyanjui", "Koech",
            "Onyango-Opiyo", "Muriithi"
        ],
    ),
    "brazilian": (
        [
            "Thiago", "Luana", "Cleiton", "Thaís", "Vinícius", "Jéssica", "Leandro", "Raíssa"
        ],
        [
            "Bandeira", "Wanderley", "Holanda", "Trindade", "Paranhos", "Sobral", "Quintanilha",
            "Assunção"
        ],
    ),
    "greek": (
        [
            "Stavros", "Eleni", "Panagiotis", "Despina", "Thanasis", "Vasiliki", "Spyros", "Chrysa"
        ],
        [
            "Chatzigeorgiou", "Karamanlis", "Kouloumbis", "Stavropoulou", "Tsakiris", "Zervoudakis",
            "Kyriakidou", "Theodorakis"
        ],
    ),
    "persian": (
        [
            "Kourosh", "Shirin", "Dariush", "Nazanin", "Behrouz", "Laleh", "Arash", "Mahnaz"
        ],
        [
            "Tehrani", "Shahbazi", "Esfahani", "Navabi", "Sharifzadeh", "Mirzakhani", "Behzadi",
            "Mousavi"
        ],
    ),
    "filipino": (
        [
            "Jericho", "Maricel", "Rommel", "Lovely", "Jojo", "Rowena", "Efren", "Divina"
        ],
        [
            "Villaroman", "Tuazon", "Sicat", "Sarmiento", "Panganiban", "Dizon", "Malabanan",
            "Lacson"
        ],
    ),
}

# Cultures that write the family name first in running text.
FAMILY_FIRST = {"chinese", "vietnamese"}

# Given names and surnames that are also everyday words or brand-like.
WORD_GIVEN = [
    "Hope", "Grace", "Rose", "Bill", "Joy", "Summer", "Will", "Mark", "Dawn", "Faith", "Ivy",
    "Penny", "Daisy", "Sunny", "Pearl", "Amber", "Crystal", "Autumn", "Chase", "Miles", "Art",
    "Sky", "Rusty", "Lily", "Ruby", "Drew", "Gene", "Hunter", "Misty"
]
WORD_SURNAMES = [
    "Baker", "Young", "Long", "Rich", "Price", "Fox", "Stone", "Moon", "Love", "Wolf", "Bird",
    "Lamb", "Hill", "Brook", "Bell", "Storm", "King", "Golden", "Sharp", "Steel", "Snow", "Short",
    "Little", "Sweet", "Wise", "Cash", "Banks", "Rice", "Day", "Page", "Hart", "Rivers", "Church",
    "Glass", "Best", "Noble", "Strong", "Lord", "Salt"
]

# multi4: language -> (given names, surnames) of that culture.
MULTI: dict[str, tuple[list[str], list[str]]] = {
    "es": (
        [
            "Alejandra", "Rodrigo", "Ximena", "Maximiliano", "Guadalupe", "Eduardo", "Rocío",
            "Fernando", "Inmaculada", "Baltasar", "Nerea", "Aitor", "Consuelo", "Leopoldo",
            "Amparo", "Críspulo"
        ],
        [
            "Castañeda", "Ibarra", "Ledesma", "Urquiza", "Valdivia", "Anguiano", "Bermúdez",
            "Zamora", "Landaluce", "Escobedo", "Berenguela", "Barrientos", "Salcedo", "Arellano",
            "Mendívil", "Tejada"
        ],
    ),
    "de": (
        [
            "Dietmar", "Ingeborg", "Reinhold", "Waltraud", "Günther", "Hildegard", "Detlef",
            "Irmgard", "Eckart", "Sieglinde", "Burkhard", "Gerlinde", "Lothar", "Annegret",
            "Rüdiger", "Heike"
        ],
        [
            "Pfannenstiel", "Grünewald", "Hufnagel", "Stegemann", "Breitkopf", "Rautenberg",
            "Wellershoff", "Riedesel", "Osterhagen", "Fassbender", "Wiesenthal", "Dörfler",
            "Pfisterer", "Kronauer", "Sauerbruch", "Vogelsang"
        ],
    ),
    "fr": (
        [
            "Gaëlle", "Thibault", "Solène", "Aurélien", "Maëlys", "Grégoire", "Ségolène",
            "Baptiste", "Clémence", "Ludovic", "Apolline", "Florent", "Bérénice", "Tanguy",
            "Margaux", "Eudes"
        ],
        [
            "Saint-Amand", "Lefebvre", "Marchetti", "Merlaud", "Quillivic", "Brunet", "Fauchon",
            "Lemaître", "Hardouin", "Guillot", "Rousselot", "Chabert", "Deschamps", "Poirier",
            "Jacquemin", "Barthélemy"
        ],
    ),
    "pt": (
        [
            "Gonçalo", "Inês", "Rui", "Leonor", "Tiago", "Beatriz", "Duarte", "Matilde", "Jussara",
            "Anderson", "Glória", "Cauã", "Marcelinho", "Yasmin", "Severino", "Conceição"
        ],
        [
            "Mascarenhas", "Cerqueira", "Godinho", "Fagundes", "Brasão", "Tavares", "Frazão",
            "Nóbrega", "Guimarães", "Vasconcelos", "Loureiro", "Teixeira", "Seabra", "Portela",
            "Vilaça", "Amaral"
        ],
    ),
    "it": (
        [
            "Vittoria", "Massimiliano", "Rosalba", "Gennaro", "Donatella", "Filiberto",
            "Annunziata", "Corrado", "Benedetta", "Ermanno", "Carmela", "Ruggero", "Ilaria",
            "Tancredi", "Assunta", "Amedeo"
        ],
        [
            "Cuccurullo", "Garibaldi", "Mastrangelo", "Paternò", "Quagliarella", "Ruggiero",
            "Sabatini", "Trevisan", "Zanardi", "Balestrieri", "Colonnese", "Di Giamberardino",
            "Fiorentino", "Sciacchitano", "Marchionni", "Nicolosi"
        ],
    ),
    "nl": (
        [
            "Joost", "Marieke", "Sjoerd", "Femke", "Wouter", "Anouk", "Gerrit", "Lieke", "Maarten",
            "Hanneke", "Bram", "Ilse", "Teun", "Geertje", "Rutger", "Sanne"
        ],
        [
            "van Heumen", "Boerema", "de Rooij-Aalders", "Sikkema", "Wiersma-Tol", "van Kempen",
            "Kloosterboer", "Schuurman", "Visscher", "ter Schure", "Haverkamp", "van Wijlen",
            "Dijkstra-Lont", "Oudshoorn", "Dekkers", "Wijnberg"
        ],
    ),
    "id": (
        [
            "Putri", "Bambang", "Wulandari", "Agus", "Rahmawati", "Hendra", "Fitriani", "Joko",
            "Ayu", "Slamet", "Kartika", "Dimas", "Lestari", "Yudhistira", "Indah", "Gilang"
        ],
        [
            "Panjaitan", "Wibisono", "Hasibuan", "Sinaga", "Manurung", "Prasetyo", "Kusumawati",
            "Wirawan", "Rangkuti", "Sudarsono", "Sitompul", "Pohan", "Matondang", "Suharto",
            "Hartanto", "Kurniawan-Putro"
        ],
    ),
    "vi": (
        [
            "Hồng Nhung", "Hải Đăng", "Tuyết Vân", "Minh Tuấn", "Thu Hà", "Quốc Bảo", "Kim Ngân",
            "Thành Lợi", "Bích Thủy", "Đức Anh", "Thanh Tâm", "Gia Huy", "Mỹ Dung", "Trọng Nghĩa",
            "Diệu Linh", "Chí Toàn"
        ],
        [
            "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đỗ", "Ngô", "Đinh", "Mai", "Tô",
            "Lâm", "Kiều", "Cao", "Tạ"
        ],
    ),
}

# E-mail domains (split per half).
DOMAINS = [
    "harbourmail.net", "quillpost.com", "lanternbox.org", "fernlink.io", "copperinbox.com",
    "tidewater-mail.net", "slatepost.eu", "meadowmail.co", "orchidnet.org", "bluegum-mail.com",
    "pinecrest.email", "kestrelweb.net", "saffronmail.in", "marlinpost.co.uk", "cobaltbox.de",
    "willowbyte.com", "basaltmail.se", "junipernet.mx", "zephyrpost.gr", "amberlink.co.za"
]
# fmt: on
