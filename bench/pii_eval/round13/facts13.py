"""Round 13 public facts for the general set: kind -> strings that must survive."""

from __future__ import annotations

FACTS: dict[str, list[str]] = {
    "public_figure": ["Wole Soyinka", "Hedy Lamarr", "Srinivasa Ramanujan", "Emil Zátopek",
                      "Mary Seacole", "Alvar Aalto", "Yayoi Kusama", "Fridtjof Nansen"],
    "fictional": ["Moominpappa", "Anne Shirley", "Tristram Shandy", "Lisbeth Salander",
                  "Pippi Longstocking", "Tom Bombadil", "Phileas Fogg", "Miss Havisham"],
    "brand": ["Marimekko", "Lego", "Nintendo", "Volvo", "Ikea", "Heineken", "Fjällräven", "Bialetti"],
    "product": ["Game Boy Color", "Psion Series 5", "Galaxy Watch", "Tamagotchi", "Sodastream Terra",
                "Vitamix E310", "Pixel 9", "Polaroid Go"],
    "book": ["The Master and Margarita", "Pedro Páramo", "A Fine Balance",
             "The Leopard", "Season of Migration to the North", "Palace Walk", "Dune", "Moby-Dick"],
    "film": ["Tampopo", "The Battle of Algiers", "Cinema Paradiso", "Stalker", "Wadjda",
             "Rashomon", "Get Out", "The Secret in Their Eyes"],
    "song": ["Pata Pata", "Respect", "Sukiyaki", "Gracias a la Vida", "Malaika",
             "La Bamba", "Imagine", "Chan Chan"],
    "place": ["Lake Bled", "Kilimanjaro", "the Danube", "Angkor Wat", "Tromsø", "Tierra del Fuego",
              "the Atacama Desert", "Ha Long Bay"],
    "technical": ["Bloom filter", "garbage collection", "binary search tree", "Kubernetes pod",
                  "SQL injection", "photosynthesis", "compound interest", "Kalman filter"],
    "job_title": ["court stenographer", "park ranger", "sous chef", "air traffic controller",
                  "data engineer", "lighthouse keeper", "school principal", "structural engineer"],
    "plan": ["Netflix Premium", "Spotify Family", "Duolingo Super", "Todoist Pro", "Evernote Personal",
             "GitHub Team", "Canva Teams", "Zoom Workplace Business"],
}  # fmt: skip
