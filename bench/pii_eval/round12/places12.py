"""Round 12 streets, localities and couriers per country, written by hand.

Streets and couriers (invented names) are split per country by ``common12.pool``; localities (district, city,
postcode) are public and shared by the halves.
"""

from __future__ import annotations

STREETS: dict[str, list[str]] = {
    "CL": [
        "Av. Irarrázaval",
        "Calle Los Aromos",
        "Pasaje Las Tranqueras",
        "Av. Pedro de Valdivia",
        "Calle Román Díaz",
        "Av. Manuel Montt",
    ],
    "PE": [
        "Jr. Huallaga",
        "Calle Los Pinos",
        "Jr. Ancash",
        "Av. Salaverry",
        "Jr. Callao",
        "Jr. Carabaya",
    ],
    "KE": [
        "Muthithi Road",
        "Riverside Drive",
        "Mbagathi Way",
        "Chania Avenue",
        "Rhapta Road",
        "Kabarnet Road",
    ],
    "GH": [
        "Akosombo Street",
        "Ring Road Central",
        "Nii Okaiman Street",
        "Fourth Norla Street",
        "Agbaamo Street",
        "Labone Crescent",
    ],
    "RO": [
        "Str. Mihai Eminescu",
        "Bd. Lascăr Catargiu",
        "Str. Popa Nan",
        "Str. Vasile Lascăr",
        "Șos. Pantelimon",
        "Str. Gheorghe Lazăr",
    ],
    "CZ": ["Vinohradská", "Korunní", "Slezská", "Křižíkova", "Kodaňská", "Šafaříkova"],
    "GR": ["Patision", "Themistokleous", "Asklipiou", "Eptanisou", "Dafnomili", "Emmanouil Benaki"],
    "TH": [
        "Soi Ratchadaphisek 36",
        "Soi Phahonyothin 7",
        "Soi Thonglor 13",
        "Soi Charoen Krung 42",
        "Soi Ekkamai 19",
        "Soi Lat Phrao 64",
    ],
    "MY": [
        "Jalan Tun Razak",
        "Jalan Kuchai Lama",
        "Jalan PJU 1/42",
        "Jalan Maarof",
        "Jalan Ampang Hilir",
    ],
    "EG": [
        "Ahmed Orabi St.",
        "Shehab St.",
        "Gameat El Dowal El Arabeya St.",
        "Mossadak St.",
        "Syria St.",
        "Mohamed Mazhar St.",
    ],
    "MN": ["Peace Avenue", "Tokyo Street", "Jukov Avenue", "Narny Road", "Baruuni Gudamj"],
    "EE": ["Narva mnt", "Tartu mnt", "Pärnu mnt", "Kotzebue tn", "Vana-Kalamaja tn", "Sõpruse pst"],
    "LV": [
        "Brīvības iela",
        "Tērbatas iela",
        "Kr. Barona iela",
        "Ķīpsalas iela",
        "Tallinas iela",
        "Ausekļa iela",
    ],
    "IE": [
        "Ashgrove Terrace",
        "Sundays Well Road",
        "Hollyhill Lane",
        "Oakpark Drive",
        "Castlebar Road",
        "Ferrybank Court",
    ],
    "US": [
        "Harrowgate Drive",
        "Juniper Hollow Road",
        "Saltbox Court",
        "Wickersham Avenue",
        "Brindlewood Terrace",
        "Cattail Ridge Road",
    ],
}

# country: (district, city, postcode)
LOCALITIES: dict[str, list[tuple[str, str, str]]] = {
    "CL": [
        ("Ñuñoa", "Santiago", "7750000"),
        ("Providencia", "Santiago", "7500000"),
        ("Viña del Mar", "Valparaíso", "2520000"),
    ],
    "PE": [
        ("Miraflores", "Lima", "15074"),
        ("Cercado de Lima", "Lima", "15001"),
        ("Yanahuara", "Arequipa", "04013"),
    ],
    "KE": [
        ("Kilimani", "Nairobi", "00100"),
        ("Westlands", "Nairobi", "00800"),
        ("Nyali", "Mombasa", "80118"),
    ],
    "GH": [("Osu", "Accra", "GA"), ("East Legon", "Accra", "GA"), ("Adum", "Kumasi", "AK")],
    "RO": [
        ("Sector 1", "București", "010"),
        ("Sector 2", "București", "020"),
        ("Mărăști", "Cluj-Napoca", "400"),
    ],
    "CZ": [
        ("Praha 2", "Praha", "120 00"),
        ("Praha 8", "Praha", "186 00"),
        ("Brno-střed", "Brno", "602 00"),
    ],
    "GR": [
        ("Exarcheia", "Athina", "106 81"),
        ("Kypseli", "Athina", "113 62"),
        ("Ano Poli", "Thessaloniki", "546 34"),
    ],
    "TH": [
        ("Khlong Toei Nuea, Watthana", "Bangkok", "10110"),
        ("Samsen Nai, Phaya Thai", "Bangkok", "10400"),
        ("Chang Phueak, Mueang", "Chiang Mai", "50300"),
    ],
    "MY": [
        ("Petaling Jaya", "Selangor", "47300"),
        ("Kuala Lumpur", "Wilayah Persekutuan", "50450"),
        ("George Town", "Pulau Pinang", "10200"),
    ],
    "EG": [
        ("Mohandessin", "Giza", "12411"),
        ("Heliopolis", "Cairo", "11341"),
        ("Roushdy", "Alexandria", "21529"),
    ],
    "MN": [
        ("Sükhbaatar District", "Ulaanbaatar", "14200"),
        ("Bayangol District", "Ulaanbaatar", "16050"),
        ("Chingeltei District", "Ulaanbaatar", "15160"),
    ],
    "EE": [
        ("Kesklinn", "Tallinn", "10117"),
        ("Põhja-Tallinn", "Tallinn", "10415"),
        ("Karlova", "Tartu", "50105"),
    ],
    "LV": [
        ("Centrs", "Rīga", "LV-1010"),
        ("Avoti", "Rīga", "LV-1050"),
        ("Agenskalns", "Rīga", "LV-1046"),
    ],
    "IE": [
        ("Ballincollig", "Co. Cork", "P31"),
        ("Salthill", "Co. Galway", "H91"),
        ("Rathmines", "Dublin 6", "D06"),
    ],
    "US": [
        ("", "Boise, ID", "83702"),
        ("", "Missoula, MT", "59801"),
        ("", "Burlington, VT", "05401"),
    ],
}

# Local couriers, invented: real ones were used by earlier rounds.
COURIERS: dict[str, list[str]] = {
    "CL": ["Cóndor Envíos", "Rápido Austral", "Huemul Cargo"],
    "PE": ["Llama Express Perú", "Inca Rutas", "Chasqui Cargo"],
    "KE": ["Mwendo Parcels", "Boda Dispatch", "Tembo Logistics"],
    "GH": ["Adinkra Couriers", "Kente Express", "Volta Runners"],
    "RO": ["Dacia Colet", "Carpați Curier"],
    "CZ": ["Vltava Balík", "Moravia Expres"],
    "GR": ["Hermes Hellas Courier", "Aegean Parcel Co."],
    "TH": ["Tuk Tuk Parcel", "Chao Phraya Express Post"],
    "MY": ["Kancil Kurier", "Merdeka Parcel"],
    "EG": ["Nile Parcel", "Pharos Couriers"],
    "MN": ["Khangai Cargo", "Steppe Courier"],
    "EE": ["Toompea Kuller", "Hanseatic Parcel"],
    "LV": ["Daugava Kurjers", "Baltic Amber Post"],
    "IE": ["Shamrock Parcels", "Liffey Couriers"],
    "US": ["Prairie Parcel Co.", "Red Mesa Freight", "Harbor Lane Couriers", "Bluejay Express"],
    "us_military": [
        "Fleet Post Priority",
        "Overseas Military Parcel",
        "MilShip Express",
        "Field Post Freight",
    ],
}
