"""Round 11 public facts for ``general11``: names that are not private people."""

from __future__ import annotations

FACTS: dict[str, list[str]] = {
    "public_figure": [
        "Wangari Maathai", "Fridtjof Nansen", "Hedy Lamarr", "Srinivasa Ramanujan",
        "Mary Seacole", "Toussaint Louverture", "Ada Lovelace", "Ibn Battuta",
        "Ignaz Semmelweis", "Rosalind Franklin",
    ],
    "fictional": [
        "Phileas Fogg", "Hercule Poirot", "Miss Havisham", "Tom Joad", "Bilbo Baggins",
        "Atticus Finch", "Lisbeth Salander", "Captain Nemo", "Mrs Dalloway", "Jay Gatsby",
    ],
    "brand_person": [
        "Ben & Jerry's", "Jack Daniel's", "Ralph Lauren", "Tommy Hilfiger", "Paul Smith",
        "Calvin Klein", "Marc Jacobs", "Vera Wang", "Tory Burch", "Stella McCartney",
    ],
    "possessive_brand": [
        "Kellogg's", "Hellmann's", "Heinz", "Wendy's", "Macy's", "Dunkin'", "Sainsbury's",
        "Reese's", "Carl's Jr.", "Trader Joe's",
    ],
    "model_product": [
        "Leica M6", "Roland TR-808", "Nikon F3", "Casio F-91W", "Sony WH-1000XM5",
        "Canon AE-1", "Moog Minimoog Model D", "Korg MS-20", "Olympus OM-1", "Omega Speedmaster",
    ],
    "book": [
        "Middlemarch", "The Master and Margarita", "One Hundred Years of Solitude",
        "Things Fall Apart", "The Remains of the Day", "Wide Sargasso Sea", "Stoner",
        "The Leopard", "Pedro Páramo", "Giovanni's Room",
    ],
    "film": [
        "Tokyo Story", "Bicycle Thieves", "Cléo from 5 to 7", "Paris, Texas", "Annie Hall",
        "Jules and Jim", "Withnail and I", "Fitzcarraldo", "Amélie", "Mulholland Drive",
    ],
    "song": [
        "Jolene", "Layla", "Roxanne", "Billie Jean", "Eleanor Rigby", "Suzanne", "Ruby Tuesday",
        "Sweet Caroline", "Johnny B. Goode", "Peggy Sue",
    ],
    "place_person": [
        "Lake Victoria", "Port Elizabeth", "Mount Everest", "Cape Horn", "Fort William",
        "Saint Petersburg", "Williamsburg", "Alice Springs", "Georgetown", "Lake Louise",
    ],
    "eponym": [
        "Fahrenheit scale", "Occam's razor", "Murphy's law", "Parkinson's law",
        "Bunsen burner", "Petri dish", "Doppler effect", "Braille", "Geiger counter",
        "Diesel engine",
    ],
    "institution": [
        "Nobel Foundation", "Smithsonian Institution", "Rockefeller Foundation",
        "Guggenheim Museum", "Carnegie Hall", "Johns Hopkins University", "Mayo Clinic",
        "Tate Modern", "Wellcome Trust", "Frick Collection",
    ],
}  # fmt: skip
