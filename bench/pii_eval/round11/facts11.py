"""Round 11 public facts for ``general11``: names that are not private people."""

from __future__ import annotations

FACTS: dict[str, list[str]] = {
    "public_figure": [
        "Alexander von Humboldt", "Juliana of Norwich", "Flora Tristan", "Mungo Park",
        "Sophie Germain", "Hypatia of Alexandria", "Valentina Tereshkova", "Gregor Mendel",
    ],
    "fictional": [
        "Mrs Dalloway", "Stepan Oblonsky", "Augie March", "Milo Minderbinder", "Ebenezer Balfour",
    ],
    "brand_person": [
        "Stella McCartney", "Karl Kani", "Christian Louboutin", "Hermès", "Lanvin",
        "Dolce & Gabbana", "Bertolli",
    ],
    "possessive_brand": [
        "Macy's", "Ben's Original", "Nathan's Famous", "Dave's Killer Bread", "Tyrrell's",
    ],
    "model_product": [
        "Leica M6", "Nikon F3", "Casio F-91W", "Canon AE-1", "Moog Minimoog Model D",
        "Korg MS-20", "Pentax K1000", "Yashica Mat-124G", "Sequential Prophet-5", "Braun SK 4",
    ],
    "book": [
        "Giovanni's Room", "Invisible Cities", "The Glass Bead Game", "Frankissstein",
        "The Man Without Qualities",
    ],
    "film": [
        "Bicycle Thieves", "Jules and Jim", "Mulholland Drive", "Rashomon", "La Strada",
        "The Red Shoes", "Le Samouraï", "Local Hero",
    ],
    "song": [
        "Johnny B. Goode", "Daisy Bell", "Ode to Billy Joe", "Wild Billy's Circus Story",
        "Penny Lane", "Waltzing Matilda",
    ],
    "place_person": [
        "Mount Everest", "Lake Burley Griffin", "Mount McKinley", "Hudson Bay", "Cape Byron",
        "Bass Strait", "Magellan Strait", "Vancouver Island",
    ],
    "eponym": [
        "Fahrenheit scale", "Tupperware party", "Mach number", "Ferris wheel", "Rubik's Cube",
        "Kalashnikov",
    ],
    "institution": [
        "Nobel Foundation", "Rockefeller Foundation", "Max Planck Society", "Courtauld Gallery",
        "Guggenheim Foundation", "Hunterian Museum", "Whitworth Art Gallery", "Tretyakov Gallery",
    ],
}  # fmt: skip
