"""Round 8 public facts: names that are not private people's, typed by hand."""

from __future__ import annotations

FACTS: dict[str, list[str]] = {
    "public_figure": ["Bartolina Sisa", "Tupac Katari", "Haile Gebrselassie", "Dadabhai Naoroji", "Juana Azurduy", "Ernesto Sábato", "Violeta Parra", "Janusz Korczak", "Emil Zátopek", "Gabriela Mistral", "Olaudah Equiano", "Abebe Bikila"],
    "fictional": ["Snufkin", "Little My", "Kunta Kinte", "Anne Shirley", "Aureliano Buendía", "Karlsson-on-the-Roof", "Ronja Rövardotter", "Tintin", "Huckleberry Finn", "Lemuel Gulliver", "Wednesday Addams", "Professor Calculus"],
    "brand": ["Karen Millen", "Joules", "Hotel Chocolat", "Orla Kiely", "Jack Wolfskin", "Helly Hansen", "Carhartt", "Reese's", "Arby's", "Moe's Southwest Grill", "Lee Cooper", "Wendy Wu Tours"],
    "product": ["Leica Q3", "Sonos Era 300", "Nintendo Switch OLED", "Hasselblad X2D", "Dyson Airwrap", "Peloton Tread", "Garmin Forerunner 965", "Wacom Cintiq 16", "Moccamaster KBGV Select", "Framework Laptop 16", "Anova Precision Cooker", "Osprey Atmos AG 65"],
    "novel": ["Petals of Blood", "So Long a Letter", "Pedro Páramo", "The Palm-Wine Drinkard", "Independent People", "The Master and Margarita", "Season of Migration to the North", "Nervous Conditions", "The God of Small Things", "Cien años de soledad", "Hunger", "Max Havelaar"],
    "film": ["Fitzcarraldo", "Tsotsi", "Moolaadé", "Yeelen", "Timbuktu", "Central do Brasil", "Amores perros", "Pather Panchali", "Lagaan", "Wadjda", "Kolya", "Rocky Balboa"],
    "song": ["Barbara Ann", "Marianne", "Chiquitita", "Pancho and Lefty", "Me and Bobby McGee", "Ballad of Lucy Jordan", "Virginia Plain", "Cecily Smith", "Sally MacLennane", "Wuthering Heights", "Sweet Jane", "Matty Groves"],
    "place": ["Lake Nasser", "Dar es Salaam", "Port Alfred", "Lake Edward", "Santa Cruz", "Albertville", "Lubumbashi", "Marie Byrd Land", "Cape Coast", "San Cristóbal", "Frederiksberg", "Kingstown"],
    "eponym": ["Godwin's law", "Benford's law", "Zipf's law", "Hubble's law", "Coriolis effect", "Venturi effect", "Pareto principle", "Stroop effect", "Pavlovian conditioning", "Morse code", "Mendelian inheritance", "Diesel engine"],
    "institution": ["Makerere University", "Museo del Prado", "Rijksmuseum", "Hermitage Museum", "Getty Center", "Juilliard School", "Sorbonne", "Uffizi Gallery", "Royal Albert Hall", "Fitzwilliam Museum", "Barnes Foundation", "Wellcome Collection"],
}  # fmt: skip
