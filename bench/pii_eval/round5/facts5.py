"""Round-5 public facts for ``general5``, typed by hand from general knowledge, per kind."""

from __future__ import annotations

FACTS: dict[str, list[str]] = {
    "public_figure": [
        "Rigoberta Menchú", "Katalin Karikó", "Yuri Gagarin", "Tove Jansson", "Miriam Makeba",
        "Václav Havel", "Nnamdi Azikiwe", "Sylvia Earle", "Jocelyn Bell Burnell",
        "Vigdís Finnbogadóttir", "Shirin Ebadi", "Tenzing Norgay", "Bertha Benz",
        "Ngozi Okonjo-Iweala", "Junko Tabei",
    ],
    "fictional_character": [
        "Moominpappa", "Mma Ramotswe", "Dorian Gray", "Inspector Morse", "Lyra Belacqua",
        "Phileas Fogg", "Becky Sharp", "Ramona Quimby", "Edmond Dantès", "Kvothe", "Offred",
        "Septimus Harding", "Anne Elliot", "Lucy Honeychurch",
    ],
    "brand": [
        "Jack Daniel's", "Sara Lee", "Aunt Bessie's", "Tory Burch", "Laura Ashley",
        "Ben Sherman", "Tommy Bahama", "Mrs. Smith's", "Famous Amos", "Long John Silver's",
        "Jimmy Dean", "Marie Brizard", "Ruth's Chris Steak House", "Stella Artois",
    ],
    "product": [
        "Renault Clio", "Nissan Micra", "Hyundai Kona", "Škoda Octavia", "Amazon Echo Dot",
        "Mercedes-Benz Sprinter", "Kia Carens", "Dacia Sandero", "Vauxhall Astra",
        "Citroën Berlingo", "Opel Adam", "Lancia Ypsilon", "Holden Barina",
    ],
    "book": [
        "Silas Marner", "Eugene Onegin", "Jude the Obscure", "Ivanhoe", "Siddhartha", "Pnin",
        "Jonathan Strange & Mr Norrell", "Cold Comfort Farm", "Oblomov", "Adam Bede",
        "Père Goriot", "Zuleika Dobson", "Kristin Lavransdatter", "Humboldt's Gift",
    ],
    "film": [
        "Lady Bird", "Napoleon Dynamite", "Donnie Darko", "Thelma & Louise",
        "Being John Malkovich", "Paddington 2", "Tootsie", "Withnail and I", "Frances Ha",
        "Hannah and Her Sisters", "Nanny McPhee", "Billy Liar", "Educating Rita",
        "Shirley Valentine",
    ],
    "song": [
        "Angie", "Ruby Tuesday", "Rhiannon", "Sweet Baby James", "Visions of Johanna", "Sara Smile",
        "Stacy's Mom", "Mack the Knife", "Ziggy Stardust", "Bernadette",
        "Cathy's Clown", "Jackie Wilson Said", "Lucretia My Reflection", "Elenore",
    ],
    "game": [
        "Sonic Frontiers", "Crash Bandicoot", "Luigi's Mansion", "Kirby's Dream Land",
        "Professor Layton and the Curious Village", "Alan Wake 2", "Max Payne",
        "Banjo-Kazooie", "Rayman Legends", "Leisure Suit Larry",
        "Where in the World Is Carmen Sandiego?",
    ],
    "place": [
        "Augusta", "Elizabeth City", "Marysville", "St. Helens", "Port Lincoln",
        "Port Macquarie", "Mount Gambier", "Lake Eyre", "Maryborough", "Fort Collins",
        "Mount Isa", "Charlotte Amalie", "Port Hedland",
    ],
    "eponym": [
        "Bernoulli's principle", "Occam's razor", "Fibonacci sequence", "Avogadro's number",
        "Kepler's third law", "Brownian motion", "Schwarzschild radius", "Lorentz force",
        "Planck constant", "Kawasaki disease", "Ménière's disease", "Bragg's law",
        "Wien's displacement law", "Noether's theorem",
    ],
    "ship": [
        "RRS Discovery", "SS Nomadic", "HMS Warrior", "Sea Cloud", "Statsraad Lehmkuhl",
        "Amerigo Vespucci", "Juan Sebastián de Elcano", "SS Rotterdam", "Gokstad ship", "Duyfken",
        "Glenlee", "Grand Turk",
    ],
    "storm": [
        "Storm Babet", "Hurricane Hilary", "Hurricane Ophelia", "Cyclone Gabrielle",
        "Typhoon Doksuri", "Typhoon Mawar", "Hurricane Lee", "Cyclone Freddy",
        "Hurricane Idalia", "Cyclone Mocha", "Storm Gerrit", "Storm Isha",
    ],
    "job_title": [
        "Head Chef", "Park Ranger", "Court Stenographer", "Principal Oboist", "Harbour Master",
        "Museum Conservator", "Chief Nursing Officer", "Lighthouse Keeper",
        "Water Treatment Operator", "Patent Examiner", "Sound Recordist", "Apprentice Farrier",
    ],
    "drug": [
        "Lipitor", "Zoloft", "Ventolin", "Nurofen", "Calpol", "Lemsip", "Gaviscon", "Eliquis",
        "Zepbound", "Skyrizi", "Rinvoq", "Otezla", "Xarelto", "Brilinta",
    ],
    "team": [
        "Borussia Dortmund", "AC Milan", "Galatasaray", "Golden State Warriors",
        "Los Angeles Dodgers", "Ajax Amsterdam", "Fenerbahçe", "Leinster Rugby",
        "Queensland Reds", "Leeds Rhinos", "Seattle Sounders", "Sporting CP",
    ],
}

# How a task names each kind ("the novel X").
DESCRIBE = {
    "public_figure": "the public figure",
    "fictional_character": "the fictional character",
    "brand": "the brand",
    "product": "the product",
    "book": "the novel",
    "film": "the film",
    "song": "the song",
    "game": "the video game",
    "place": "the place",
    "eponym": "the term",
    "ship": "the ship",
    "storm": "the storm",
    "job_title": "the job title",
    "drug": "the medicine",
    "team": "the sports team",
}
LABEL = {
    "public_figure": "real person (public figure)",
    "fictional_character": "fictional character",
    "brand": "brand",
    "product": "product",
    "book": "book title",
    "film": "film title",
    "song": "song title",
    "game": "game title",
    "place": "place",
    "eponym": "scientific or medical term",
    "ship": "ship",
    "storm": "storm",
    "job_title": "job title",
    "drug": "medicine",
    "team": "sports team",
}
