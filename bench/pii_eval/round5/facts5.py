"""Round-5 public facts for ``general5``, typed by hand from general knowledge, per kind."""

from __future__ import annotations

FACTS: dict[str, list[str]] = {
    "public_figure": [
        "Wangari Maathai", "Srinivasa Ramanujan", "Hedy Lamarr", "Chinua Achebe", "Sophie Scholl",
        "Rigoberta Menchú", "Ellen Johnson Sirleaf", "Katalin Karikó", "Yuri Gagarin",
        "Lise Meitner", "Tove Jansson", "Mary Seacole", "Fridtjof Nansen", "Chien-Shiung Wu",
        "Miriam Makeba", "Václav Havel",
    ],
    "fictional_character": [
        "Atticus Finch", "Pippi Longstocking", "Moominpappa", "Samwise Gamgee",
        "Lisbeth Salander", "Holden Caulfield", "Jay Gatsby", "Bilbo Baggins",
        "Ebenezer Scrooge", "Mma Ramotswe", "Dorian Gray", "Arya Stark", "Lara Croft",
        "Inspector Morse", "Ignatius J. Reilly", "Lyra Belacqua",
    ],
    "brand": [
        "Tim Hortons", "Papa John's", "Carl's Jr.", "Jack Daniel's", "Johnnie Walker",
        "Betty Crocker", "Sara Lee", "Aunt Bessie's", "Kate Spade", "Tory Burch", "Jo Malone",
        "Paul Smith", "Laura Ashley", "Ben Sherman", "Dr. Martens", "Estée Lauder",
    ],
    "product": [
        "Renault Clio", "Nissan Micra", "Hyundai Kona", "Škoda Octavia", "Amazon Echo Dot",
        "Google Pixel 8", "Cortana", "Bixby", "Mercedes-Benz Sprinter", "Peugeot 208",
        "Kia Carens", "Dacia Sandero", "Vauxhall Astra", "Citroën Berlingo",
    ],
    "book": [
        "Middlemarch", "Silas Marner", "Daniel Deronda", "Tess of the d'Urbervilles",
        "Madame Bovary", "Eugene Onegin", "Moll Flanders", "Coraline", "Jude the Obscure",
        "Ivanhoe", "Siddhartha", "Pnin", "Jonathan Strange & Mr Norrell", "Cold Comfort Farm",
    ],
    "film": [
        "Amélie", "Juno", "Erin Brockovich", "Jerry Maguire", "Ferris Bueller's Day Off",
        "Napoleon Dynamite", "Donnie Darko", "Lady Bird", "Thelma & Louise", "Mrs. Doubtfire",
        "Being John Malkovich", "Paddington 2", "Tootsie", "Marty",
    ],
    "song": [
        "Roxanne", "Layla", "Michelle", "Lola", "Angie", "Delilah", "Mandy",
        "Sweet Caroline", "Billie Jean", "Rosanna", "Proud Mary", "Eleanor Rigby",
        "Ruby Tuesday", "Rhiannon",
    ],
    "game": [
        "Super Mario Odyssey", "Sonic Frontiers", "Crash Bandicoot", "Luigi's Mansion",
        "Kirby's Dream Land", "Professor Layton and the Curious Village", "Alan Wake 2",
        "Max Payne", "Banjo-Kazooie", "Rayman Legends", "Leisure Suit Larry",
        "Where in the World Is Carmen Sandiego?",
    ],
    "place": [
        "Darwin", "Adelaide", "Alexandria", "Augusta", "Elizabeth City", "Marysville",
        "St. Helens", "Jacksonville", "Georgetown", "Prince Rupert", "Lake Louise",
        "Mount Kosciuszko", "Williamsburg", "San Antonio",
    ],
    "eponym": [
        "Bernoulli's principle", "Doppler effect", "Pascal's triangle", "Occam's razor",
        "Parkinson's disease", "Fibonacci sequence", "Euler's identity", "Bayes' theorem",
        "Hooke's law", "Heimlich manoeuvre", "Avogadro's number", "Kepler's third law",
        "Tourette syndrome", "Richter scale",
    ],
    "ship": [
        "HMS Victory", "RMS Lusitania", "USS Constitution", "HMS Beagle", "Fram", "Vasa",
        "Bismarck", "Santa María", "Mayflower", "Kon-Tiki", "Calypso", "Edmund Fitzgerald",
    ],
    "storm": [
        "Hurricane Katrina", "Hurricane Sandy", "Hurricane Andrew", "Typhoon Haiyan",
        "Cyclone Idai", "Hurricane Harvey", "Storm Ciarán", "Storm Babet", "Hurricane Dorian",
        "Cyclone Tracy", "Hurricane Irma", "Storm Desmond",
    ],
    "job_title": [
        "Chief Financial Officer", "Head Chef", "Registered Nurse", "Site Reliability Engineer",
        "Quantity Surveyor", "Air Traffic Controller", "Park Ranger", "Court Stenographer",
        "Dental Hygienist", "Principal Oboist", "Harbour Master", "Museum Conservator",
    ],
    "drug": [
        "Ozempic", "Paxlovid", "Humira", "Keytruda", "Lipitor", "Zoloft", "Ventolin",
        "Nurofen", "Calpol", "Lemsip", "Gaviscon", "Tamiflu", "Wegovy", "Eliquis",
    ],
    "team": [
        "Boston Celtics", "Green Bay Packers", "Borussia Dortmund", "AC Milan",
        "Toronto Maple Leafs", "Chicago Cubs", "Kaizer Chiefs", "Boca Juniors", "Galatasaray",
        "Golden State Warriors", "Los Angeles Dodgers", "Ajax Amsterdam",
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
