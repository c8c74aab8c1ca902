"""Round 12 public facts for general12: names that are not private people's, by kind."""

from __future__ import annotations

FACTS: dict[str, list[str]] = {
    "public_figure": [
        "Wangari Maathai", "Haile Gebrselassie", "Ilia Chavchavadze", "Abai Qunanbaiuly",
        "Te Rauparaha", "Halldór Laxness", "Túpac Amaru II", "Lesya Ukrainka",
    ],
    "fictional": [
        "Bilbo Baggins", "Atticus Finch", "Hercule Poirot", "Moomintroll", "Pippi Longstocking",
        "Captain Nemo", "Elizabeth Bennet", "Ged Sparrowhawk",
    ],
    "brand": [
        "Ben Sherman", "Calvin Klein", "Ralph Lauren", "Hugo Boss", "Jack Daniel's",
        "Tommy Hilfiger", "Paul Smith", "Kate Spade",
    ],
    "product": [
        "Game Boy Color", "Walkman TPS-L2", "Commodore 64", "Polaroid SX-70", "Tamagotchi",
        "Rubik's Cube", "Nokia 3310", "Etch A Sketch",
    ],
    "book": [
        "Things Fall Apart", "The Master and Margarita", "Independent People", "One Hundred Years of Solitude",
        "The Bone People", "Sapiens", "Wolf Hall", "The Remains of the Day",
    ],
    "film": [
        "Whale Rider", "Amélie", "Paris, Texas", "Spirited Away", "Tampopo", "Rashomon",
        "The Third Man", "Lawrence of Arabia",
    ],
    "song": [
        "Jolene", "Bohemian Rhapsody", "Waterloo", "Hallelujah", "Roxanne", "Africa",
        "Pokarekare Ana", "Malaika",
    ],
    "place": [
        "Lake Titicaca", "Kilimanjaro", "Tbilisi", "Reykjavík", "Antananarivo", "Apia",
        "Montserrat", "Mount Cook",
    ],
    "technical": [
        "Dijkstra's algorithm", "Bayes' theorem", "Turing machine", "Fourier transform",
        "Kalman filter", "Levenshtein distance", "Diffie-Hellman key exchange", "Boolean algebra",
    ],
    "job_title": [
        "Chief Financial Officer", "Principal Engineer", "Head Chef", "Art Director",
        "Site Reliability Engineer", "Museum Curator", "Air Traffic Controller", "Sommelier",
    ],
    "plan": [
        "Spotify Premium Duo", "Netflix Standard with ads", "GitHub Copilot Business",
        "Notion Plus", "Dropbox Essentials", "Slack Pro", "Zoom Workplace Pro", "Canva Teams",
    ],
}
