"""Person names of round 6, typed by hand from general knowledge (no list, no Faker).

Each culture: (given names, surnames, phone country). Every entry sits in one pool and no
name token (split at spaces, hyphens, apostrophes and dots) is shared by two entries.
"""

from __future__ import annotations


def _w(text: str) -> list[str]:
    return [t.replace("_", " ") for t in text.split()]


CULTURES: dict[str, tuple[list[str], list[str], str]] = {
    "georgian": (
        _w("Nino Giorgi Tamar Levan Ketevan Davit Mariam Irakli Salome Zurab Eka Lasha"),
        _w(
            "Beridze Kapanadze Lomidze Gelashvili Tsiklauri Margvelashvili Chkheidze "
            "Abashidze Japaridze Natsvlishvili Tsintsadze Gogoladze"
        ),
        "GE",
    ),
    "armenian": (
        _w("Anahit Tigran Lusine Armen Narine Hovhannes Gayane Vardan Siranush Aram Mane Hayk"),
        _w(
            "Hakobyan Avetisyan Harutyunyan Mkrtchyan Ghazaryan Karapetyan Galstyan "
            "Poghosyan Melkonian Terteryan Boghossian Abrahamyan"
        ),
        "AM",
    ),
    "kazakh": (
        _w(
            "Aigerim Nurlan Dana Yerlan Aruzhan Daniyar Gulnara Askar Madina Serik Zhanar Bauyrzhan"
        ),
        _w(
            "Nurpeisova Abenov Dzhaksybekov Zhumabayev Kassymova Seitkali Baimukhanov "
            "Iskakov Suleimenova Sarsenbayev Mukhametzhanova Kenzhebekov"
        ),
        "KZ",
    ),
    "mongolian": (
        _w(
            "Bolormaa Ganbaatar Oyunchimeg Batbayar Enkhjargal Temuulen Solongo Munkhtsetseg "
            "Erdene Anujin Khulan Tuvshin"
        ),
        _w(
            "Dorjsuren Tsogtbaatar Purevdorj Lkhagvasuren Munkhbat Erdenebileg Gantulga "
            "Altangerel Batjargal Nyamdavaa Davaasuren Otgonbayar"
        ),
        "MN",
    ),
    "sinhala": (
        _w(
            "Tharindu Nadeesha Chaminda Dilani Kasun Sanduni Ruwan Ishara Lahiru Chathurika Upul Hiruni"
        ),
        _w(
            "Wickramasinghe Jayawardena Gunawardena Herath Bandara Ekanayake Kumarasinghe "
            "Weerasekara Amarasuriya Liyanage Samarakoon Rathnayake"
        ),
        "LK",
    ),
    "nepali": (
        _w(
            "Sujata Bikash Pratima Rajendra Sabina Anish Sushila Dipendra Manisha Prakash Rojina Suman"
        ),
        _w(
            "Shrestha Adhikari Gurung Tamang Bhattarai Pokharel Khadka Basnet Maharjan "
            "Subedi Dahal Ghimire"
        ),
        "NP",
    ),
    "hausa": (
        _w("Aisha Abubakar Zainab Musa Hauwa Sani Halima Yusuf Khadija Ibrahim Rakiya Aminu"),
        _w(
            "Dankwambo Yakasai Maigari Gwarzo Kazaure Dambatta Kurfi Tofa Rimi Dutsinma "
            "Danbatta Gumel"
        ),
        "NG",
    ),
    "somali": (
        _w("Hodan Abdirahman Ayaan Faduma Abdiweli Sagal Guled Hibo Mahad Ifrah Liban Sahra"),
        _w("Warsame Egal Hersi Duale Samatar Dirie Guleid Magan Gedi Abdulle Jimale Ugaas"),
        "SO",
    ),
    "tongan": (
        _w("Sione Mele Siosaia Losaline Viliami Salote Tevita Lupe Sela Paula Mosese Kalolaine"),
        _w("Fonua Vaipulu Lolohea Taumoepeau Havili Kauvaka Moala Veikune Funaki Kata Fakatava"),
        "TO",
    ),
    "fijian": (
        _w("Litia Josaia Mereoni Seru Unaisi Eroni Vika Taniela Asenaca Peni Laisa Jone"),
        _w(
            "Naivalu Waqa Rokodi Nasau Tuisawau Ravouvou Koroi Delana Cakau Matanitobua "
            "Senibulu Naceva"
        ),
        "FJ",
    ),
    "basque": (
        _w("Ainhoa Iker Maialen Unai Nerea Gorka Amaia Aitor Itziar Joseba Leire Asier"),
        _w(
            "Uribarren Lizarralde Ormaetxea Agirrezabala Oiarzabal Olabarria Mendizabal "
            "Iturriaga Gorostiza Elorriaga Txurruka Etxaniz"
        ),
        "ES",
    ),
    "catalan": (
        _w("Jordi Montserrat Pau Núria Oriol Mireia Arnau Laia Xavier Meritxell Marc Gemma"),
        _w(
            "Vilaró Castellví Sabaté Fontanet Masip Comellas Tarragó Bofill Rigau Camprubí "
            "Cardús Masdeu"
        ),
        "ES",
    ),
    "icelandic": (
        _w(
            "Sigríður Gunnar Guðrún Halldór Ragnheiður Einar Katrín Snorri Hildur Ólafur Brynja Ásgeir"
        ),
        _w(
            "Jónsdóttir Sigurðsson Magnúsdóttir Gunnarsson Einarsdóttir Helgason Þórsdóttir "
            "Ragnarsson Björnsdóttir Stefánsson Kristjánsdóttir Hallgrímsson"
        ),
        "IS",
    ),
    "lithuanian": (
        _w("Rūta Mindaugas Eglė Tomas Aušra Darius Gintarė Vytautas Jurgita Paulius Ieva Rimantas"),
        _w(
            "Kazlauskas Petrauskaitė Jankauskas Stankevičiūtė Vasiliauskas Žukauskienė Butkus "
            "Paulauskas Urbonaitė Kavaliauskas Navickas Baranauskienė"
        ),
        "LT",
    ),
    "serbian": (
        _w("Milica Nikola Jelena Dragan Ivana Miloš Snežana Nemanja Tijana Dušan Jovana Vuk"),
        _w(
            "Radovanović Lazarević Živković Vukašinović Obradović Spasojević Milutinović "
            "Dragičević Stefanović Gligorić Ćirković Mladenović"
        ),
        "RS",
    ),
    "albanian": (
        _w("Arben Blerina Ermal Mirela Gentian Elira Dritan Anila Besnik Fjolla Agron Valbona"),
        _w("Krasniqi Gashi Dervishi Kelmendi Bajrami Xhafa Zeqiri Kuqi Hysa Lushaj Tafaj Pllumbi"),
        "AL",
    ),
    "filipino": (
        _w("Maricel Jericho Rowena Dindo Lorna Arnel Jovelyn Rommel Marites Ramil Analyn Rodel"),
        _w(
            "Bugayong Dimasalang Tabuena Sumalde Maglaque Dumalagan Catacutan Pangandaman "
            "Agbayani Lagman Cuenco Sanvictores"
        ),
        "PH",
    ),
    "haitian": (
        _w(
            "Jean-Robert Marie-Carmel Wesly Nadège Fritznel Guerline Jocelyne Frantz Mirlande "
            "Widlyne Ketly Reginald"
        ),
        _w(
            "Saint-Fleur Exantus Dorvilier Fleurimond Casséus Mondésir Dorsainvil Jeudy "
            "Bazelais Lafortune Dorlus-Gédéon Thermidor"
        ),
        "HT",
    ),
    "anglo": (
        _w("Megan Graham Kirsty Trevor Louise Duncan Bethany Nigel Shannon Clive Kayleigh Gareth"),
        _w(
            "Hollingsworth Brackenbury Haythornthwaite Higginbotham Ormerod Ollerenshaw "
            "Blenkinsop Brearley Postlethwaite Threlfall Greenhalgh Sowerbutts"
        ),
        "GB",
    ),
    "american": (
        _w(
            "Brandon Tiffany Tyler Courtney Dustin Whitney Cody Brittany Travis Kendra Darnell Lacey"
        ),
        _w(
            "Vanderslice Culpepper Tillinghast Pettiford Honeycutt Blankenship Pettaway "
            "Whitacre Hollenbeck Satterfield Honaker Goolsby"
        ),
        "US",
    ),
}

# Given names and surnames that are also everyday English words.
WORD_GIVEN = _w(
    "Candy Mercy Raven Rex Violet Willow Jade Opal Clover Myrtle Fern Rocky Laurel Wade "
    "Rowan Lance Ray Flint Buck Earl Sandy Sonny Tex Bud Colt Forest Gunner Pepper"
)
WORD_SURNAMES = _w(
    "Carpenter Butcher Potter Mustard Parsley Peach Vine Gates Hedge Booth Barber Straw "
    "Bacon Butter Honey Copper Crow Slate Chalk Sparrow Pebble Drake Crane Hammer Bull Needle Cotton "
    "Bean Bench Root Branch Bloom Thorn Birch Plum Chapel"
)

DOMAINS = _w(
    "lanternbox.net quillpost.org harbourfolk.net meltwater.is tallyho-mail.com "
    "greywharf.co.uk copperlode.net kestrelmail.org brightfern.io saltmarsh-post.net "
    "pinecrest-mail.com mossbank.org stonecrop.net larkspur-mail.com oxbowmail.net "
    "thistledown.org runnel.io fernhollow.net bramblegate.com cobaltreef.org "
    "wickerpost.net emberline.io dovecote-mail.org ravensgate.net"
)

# Short support chats of round 6's multi set: (given, surnames) per language.
MULTI: dict[str, tuple[list[str], list[str]]] = {
    "es": (
        _w(
            "Rocío Álvaro Marisol Íñigo Remedios Baltasar Consuelo Eusebio Inmaculada Fermín Trinidad Gonzalo Amparo Teodoro Visitación Anselmo"
        ),
        _w(
            "Villacorta Benjumea Taboada Barrientos Zafra Montesinos Zamorano Cifuentes Palomino Lebrija Moscoso Berruezo Carrasquilla Candamo Manrique Valcárcel"
        ),
    ),
    "de": (
        _w(
            "Hannelore Wolfgang Gudrun Reinhard Ilse Dieter Waltraud Eckhard Sieglinde Gernot Roswitha Helmut Brunhilde Volker Irmgard Ulrich"
        ),
        _w(
            "Wachtendorf Hochstätter Kleinschmidt Hufnagel Rauschenbach Pfefferkorn Lindemeyer Zimmerlein Bachhuber Sauerbrey Tiefenthaler Eichhorst Mühlberger Stoltenberg Wendeborn Kranichfeld"
        ),
    ),
    "fr": (
        _w(
            "Ghislaine Aurélien Bénédicte Thibault Solène Gaëtan Maëlle Baptiste Clémence Anatole Ségolène Florian Apolline Quentin Eulalie Gaspard"
        ),
        _w(
            "Lemarchand Maupertuis Delacourt Lhermitte Brisebarre Beaumanoir Chauveau Castagnède Peyrefitte Lagarde-Morin Dufrénoy Quéméneur Guillemot Debray Kerbrat Brissac-Sauvage"
        ),
    ),
    "pt": (
        _w(
            "Conceição Joaquim Fernanda Rogério Lurdes Vítor Graça Sebastião Rosário Januário Leonor Henrique Cidália Valdemar Filipa Custódio"
        ),
        _w(
            "Alpoim Vilhena Themudo Albergaria Cerveira Ataíde Pinhal Cordeiro Gusmão Nóbrega Sarmento Carrilho Cotrim Saraiva Corte-Real Lobato"
        ),
    ),
    "it": (
        _w(
            "Donatella Ottavio Ginevra Raffaele Loredana Ercole Ornella Settimio Benedetta Gianluca Assunta Corrado Rosalba Tullio Vittoria Amedeo"
        ),
        _w(
            "Caccianiga Beltrami Castiglioni Pastorelli Bonaccorsi Pellegatti Sciarretta Zanichelli Guidotti Sbarbaro Montanaro Ruggieri Piccirillo Lanfranchi Mezzadri Colangelo"
        ),
    ),
    "nl": (
        _w(
            "Geertruida Maarten Wilhelmina Joost Anouk Reinier Hendrika Gijsbert Marieke Sjoerd Grietje Wouter Liesbeth Bartholomeus Aaltje Cornelis"
        ),
        _w(
            "Hoogendijk Schoonhoven van_Oosterwijk Brinkhorst Wesselink Oosterveld Blokzijl Versteegh Zwanenburg Wolthuis Ten_Brinke Duijvestijn Rozendaal Spijkerman Veldhuizen Lammertink"
        ),
    ),
    "id": (
        _w(
            "Sriwahyuni Bambang Endang Haryanto Kartika Wahyudi Rahmawati Joko Purnamasari Heru Lestiani Agung Novitasari Sugeng Wulandari Yudhistira"
        ),
        _w(
            "Silalahi Napitupulu Sihombing Lumbantobing Tambunan Latuheru Tuhumury Sahetapy Marpaung Situmorang Rondonuwu Pantouw Mandagi Lumowa Wenas Simatupang"
        ),
    ),
    "vi": (
        _w(
            "Thu_Hà Minh_Khôi Ngọc_Diệp Quang_Vinh Tuệ_Nhi Đức_Thịnh Kim_Oanh Hữu_Phước Khánh_Vy Văn_Khải Mỹ_Duyên Hoài_Phong Bích_Ngân Trọng_Nghĩa Diễm_Quỳnh Đình_Toàn"
        ),
        _w("Nguyễn Trần Lê Phạm Huỳnh Phan Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trịnh Đinh"),
    ),
}

# Surnames written with an apostrophe, and the culture of the given name beside them.
APOSTROPHE: list[tuple[str, str]] = [
    ("tongan", "Tu'ipulotu"),
    ("tongan", "Vake'uli"),
    ("tongan", "Pulu'ata"),
    ("tongan", "Hala'ufia"),
    ("anglo", "O'Dowda"),
    ("anglo", "O'Gready"),
]
# Surnames with a particle (Filipino "dela", Catalan "i", Armenian "Ter-").
PARTICLE: list[tuple[str, str]] = [
    ("filipino", "dela Paz"),
    ("filipino", "delos Trinos"),
    ("catalan", "Puigventós i Ballart"),
    ("catalan", "Rovellat i Codina"),
    ("armenian", "Ter-Minasyan"),
    ("armenian", "Ter-Avetikyan"),
]
