"""Round 12 streets, localities and couriers per country, written by hand.

Streets and couriers are split per country by ``common12.pool``; localities (district, city,
postcode) are public and shared by the halves.
"""

from __future__ import annotations

STREETS: dict[str, list[str]] = {
    "CL": ["Av. Irarrázaval", "Calle Los Aromos", "Pasaje Las Tranqueras", "Av. Pedro de Valdivia", "Calle Román Díaz", "Av. Grecia"],
    "PE": ["Jr. Huallaga", "Av. Arequipa", "Calle Los Pinos", "Jr. Ancash", "Av. Brasil", "Calle Schell"],
    "KE": ["Kindaruma Road", "Ngong Road", "Muthithi Road", "Lenana Road", "Argwings Kodhek Road", "Riverside Drive"],
    "GH": ["Akosombo Street", "Oxford Street", "Ring Road Central", "Cantonments Road", "Nii Okaiman Street", "Liberation Link"],
    "RO": ["Str. Mihai Eminescu", "Bd. Lascăr Catargiu", "Str. Popa Nan", "Calea Moșilor", "Str. Vasile Lascăr", "Șos. Pantelimon"],
    "CZ": ["Vinohradská", "Korunní", "Slezská", "Milady Horákové", "Bělehradská", "Křižíkova"],
    "GR": ["Patision", "Ippokratous", "Kallidromiou", "Themistokleous", "Asklipiou", "Eptanisou"],
    "TH": ["Soi Sukhumvit 31", "Soi Ari 4", "Soi Ratchadaphisek 36", "Soi Phahonyothin 7", "Soi Thonglor 13", "Soi Charoen Krung 42"],
    "MY": ["Jalan SS 2/24", "Jalan Tun Razak", "Jalan Bangsar", "Jalan Kuchai Lama", "Jalan Telawi 3", "Jalan PJU 1/42"],
    "EG": ["Ahmed Orabi St.", "Shehab St.", "Gameat El Dowal El Arabeya St.", "Mossadak St.", "Syria St.", "Lebanon St."],
    "MN": ["Peace Avenue", "Seoul Street", "Chinggis Avenue", "Ikh Toiruu", "Olympic Street", "Baga Toiruu"],
    "EE": ["Narva mnt", "Tartu mnt", "Pärnu mnt", "Kotzebue tn", "Vana-Kalamaja tn", "Sõpruse pst"],
    "LV": ["Brīvības iela", "Tērbatas iela", "Kr. Barona iela", "Lāčplēša iela", "Ģertrūdes iela", "Stabu iela"],
    "IE": ["Ashgrove Terrace", "Sundays Well Road", "Hollyhill Lane", "Oakpark Drive", "Castlebar Road", "Ferrybank Court"],
    "US": ["Quillfeather Lane", "Harrowgate Drive", "Juniper Hollow Road", "Saltbox Court", "Wickersham Avenue", "Tamarack Bend"],
}

# country: (district, city, postcode)
LOCALITIES: dict[str, list[tuple[str, str, str]]] = {
    "CL": [("Ñuñoa", "Santiago", "7750000"), ("Providencia", "Santiago", "7500000"), ("Viña del Mar", "Valparaíso", "2520000")],
    "PE": [("Miraflores", "Lima", "15074"), ("Cercado de Lima", "Lima", "15001"), ("Yanahuara", "Arequipa", "04013")],
    "KE": [("Kilimani", "Nairobi", "00100"), ("Westlands", "Nairobi", "00800"), ("Nyali", "Mombasa", "80118")],
    "GH": [("Osu", "Accra", "GA"), ("East Legon", "Accra", "GA"), ("Adum", "Kumasi", "AK")],
    "RO": [("Sector 1", "București", "010"), ("Sector 2", "București", "020"), ("Mărăști", "Cluj-Napoca", "400")],
    "CZ": [("Praha 2", "Praha", "120 00"), ("Praha 8", "Praha", "186 00"), ("Brno-střed", "Brno", "602 00")],
    "GR": [("Exarcheia", "Athina", "106 81"), ("Kypseli", "Athina", "113 62"), ("Ano Poli", "Thessaloniki", "546 34")],
    "TH": [("Khlong Toei Nuea, Watthana", "Bangkok", "10110"), ("Samsen Nai, Phaya Thai", "Bangkok", "10400"), ("Chang Phueak, Mueang", "Chiang Mai", "50300")],
    "MY": [("Petaling Jaya", "Selangor", "47300"), ("Kuala Lumpur", "Wilayah Persekutuan", "50450"), ("George Town", "Pulau Pinang", "10200")],
    "EG": [("Mohandessin", "Giza", "12411"), ("Heliopolis", "Cairo", "11341"), ("Roushdy", "Alexandria", "21529")],
    "MN": [("Sükhbaatar District", "Ulaanbaatar", "14200"), ("Bayangol District", "Ulaanbaatar", "16050"), ("Chingeltei District", "Ulaanbaatar", "15160")],
    "EE": [("Kesklinn", "Tallinn", "10117"), ("Põhja-Tallinn", "Tallinn", "10415"), ("Karlova", "Tartu", "50105")],
    "LV": [("Centrs", "Rīga", "LV-1010"), ("Avoti", "Rīga", "LV-1050"), ("Agenskalns", "Rīga", "LV-1046")],
    "IE": [("Ballincollig", "Co. Cork", "P31"), ("Salthill", "Co. Galway", "H91"), ("Rathmines", "Dublin 6", "D06")],
    "US": [("", "Boise, ID", "83702"), ("", "Missoula, MT", "59801"), ("", "Burlington, VT", "05401")],
}

COURIERS: dict[str, list[str]] = {
    "CL": ["Chilexpress", "Starken", "Correos de Chile", "Blue Express"],
    "PE": ["Olva Courier", "Serpost", "Shalom Empresarial", "Urbaner"],
    "KE": ["Posta Kenya", "Fargo Courier", "Sendy", "G4S Courier Kenya"],
    "GH": ["Ghana Post EMS", "Speedaf Ghana", "Swoove", "DHL Express Accra"],
    "RO": ["Fan Courier", "Sameday", "Cargus", "Poșta Română"],
    "CZ": ["Zásilkovna", "PPL CZ", "Česká pošta", "Balíkovna"],
    "GR": ["ACS Courier", "ELTA Courier", "Geniki Taxydromiki", "Speedex"],
    "TH": ["Kerry Express", "Flash Express", "Thailand Post EMS", "J&T Express Thailand"],
    "MY": ["Pos Laju", "Ninja Van Malaysia", "GDex", "City-Link Express"],
    "EG": ["Bosta", "Egypt Post", "Mylerz", "Aramex Egypt"],
    "MN": ["Mongol Post", "EMS Mongolia", "Tuushin Express", "Gobi Cargo"],
    "EE": ["Omniva", "DPD Eesti", "Itella SmartPOST", "Venipak Estonia"],
    "LV": ["Latvijas Pasts", "DPD Latvija", "Omniva Latvija", "Venipak LV"],
    "IE": ["An Post", "Fastway Couriers", "Nightline Logistics", "DPD Ireland"],
    "US": ["UPS Ground", "FedEx Home Delivery", "OnTrac", "USPS Ground Advantage"],
    "us_military": ["USPS Priority Mail Military", "USPS Flat Rate APO", "Military Mail Express", "USPS First-Class Package APO"],
}
