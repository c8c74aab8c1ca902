"""Round 7 public facts for general7, typed by hand: 14 kinds, 12 each (6 per half)."""

from __future__ import annotations

FACTS: dict[str, list[str]] = {
    "public_figure": [
        "Mary Anning", "Katalin Karikó", "Hypatia", "Ada Yonath", "Emmy Noether", "Annie Easley",
        "Raden Adjeng Kartini", "Roald Amundsen", "Nellie Bly", "Homi Bhabha", "Abdus Salam",
        "Ettore Majorana",
    ],
    "fictional": [
        "Mrs Danvers", "Moominmamma", "Anne Shirley", "Mr Micawber", "Tom Bombadil",
        "Lord Peter Wimsey", "Javert", "Quasimodo", "Sancho Panza", "Nils Holgersson",
        "Iorek Byrnison", "Ichabod Crane",
    ],
    "brand": [
        "Sainsbury's", "Kellogg's", "Levi's", "Aunt Bessie's", "Marc Jacobs", "Charles Tyrwhitt",
        "Joe Browns", "Kohl's", "Dillard's", "Arby's", "Newman's Own", "Mrs. Meyer's",
    ],
    "product": [
        "Dyson V15 Detect Absolute", "Sony WH-1000XM5", "iPad Air 13-inch (M2)",
        "Samsung Galaxy S24 Ultra 512GB", "Ninja Foodi Dual Zone AF300UK", "LG C3 OLED 65-inch",
        "Weber Spirit E-325S", "Roborock S8 MaxV Ultra", "Garmin Fenix 7X Pro",
        "Apple Watch Series 9 45mm", "ThinkPad X1 Carbon Gen 12", "KitchenAid Artisan 4.8L",
    ],
    "book": [
        "Franny and Zooey", "Nostromo", "Evelina", "Villette", "Agnes Grey", "Romola", "Germinal",
        "Buddenbrooks", "Lucky Jim", "Howards End", "Shuggie Bain",
        "Mrs Palfrey at the Claremont",
    ],
    "film": [
        "Annie Get Your Gun", "Jackie Brown", "Driving Miss Daisy", "Rosemary's Baby",
        "Norma Rae", "Julie & Julia", "Michael Clayton", "Philomena", "Florence Foster Jenkins",
        "Moonrise Kingdom", "Stan & Ollie", "Benny & Joon",
    ],
    "song": [
        "Waterloo Sunset", "Marie Provost", "Candle in the Wind", "Bennie and the Jets",
        "Tiny Dancer", "Galway Girl", "Mr. Brightside", "Cinnamon Girl", "See Emily Play",
        "Arnold Layne", "Annie's Song", "Sweet Jane",
    ],
    "place": [
        "Saint Petersburg", "Fort Worth", "Johnstown", "Fredericksburg", "Port Augusta",
        "Saint Helier", "Saint Albans", "Mount Cook", "Regina", "Saskatoon", "Jefferson City",
        "Lincoln",
    ],
    "eponym": [
        "Kaposi sarcoma", "Guillain–Barré syndrome", "Kelvin scale", "Beaufort scale",
        "Erlenmeyer flask", "Klein bottle", "Euclidean distance", "Cartesian product",
        "Fermi paradox", "Schrödinger equation", "Maxwell's equations", "Faraday cage",
    ],
    "job_title": [
        "Lord Chancellor", "Surgeon General", "Poet Laureate", "Chief Rabbi", "Solicitor General",
        "Governor-General", "Chancellor of the Exchequer", "Lord Mayor", "Postmaster General",
        "Children's Laureate", "Makar", "Serjeant-at-Arms",
    ],
    "drug": [
        "Zoloft", "Xanax", "Crestor", "Nexium", "Plavix", "Synthroid", "Zyrtec", "Claritin",
        "Imodium", "Voltaren", "Lexapro", "Farxiga",
    ],
    "team": [
        "Crystal Palace", "Aston Villa", "Nottingham Forest", "Chicago Bulls", "Plymouth Argyle",
        "Partick Thistle", "Raith Rovers", "Accrington Stanley", "Crewe Alexandra",
        "Doncaster Rovers", "Seattle Mariners", "Calgary Flames",
    ],
    "institution": [
        "Carnegie Mellon University", "Wellcome Trust", "Smithsonian Institution",
        "Courtauld Institute", "Karolinska Institute", "Brookings Institution",
        "Ashmolean Museum", "Bodleian Library", "Folger Shakespeare Library",
        "Kröller-Müller Museum", "Great Ormond Street Hospital", "Fraunhofer Society",
    ],
    "game": [
        "Tomb Raider", "Sonic the Hedgehog", "Donkey Kong", "Spyro the Dragon", "Earthworm Jim",
        "Commander Keen", "Grim Fandango", "Day of the Tentacle", "Prince of Persia",
        "Hollow Knight", "Shovel Knight", "Disco Elysium",
    ],
}  # fmt: skip
