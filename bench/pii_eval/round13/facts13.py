"""Round 13 public facts for the general set: kind -> strings that must survive."""

from __future__ import annotations

FACTS: dict[str, list[str]] = {
    "public_figure": ["Wangari Maathai", "Chimamanda Ngozi Adichie", "Ada Lovelace", "Nikola Tesla",
                      "Simone Biles", "Rosalind Franklin", "Haruki Murakami", "Mahatma Gandhi"],
    "fictional": ["Elizabeth Bennet", "Atticus Finch", "Hermione Granger", "Sherlock Holmes",
                  "Bilbo Baggins", "Katniss Everdeen", "Captain Nemo", "Jay Gatsby"],
    "brand": ["Patagonia", "Lego", "Nintendo", "Volvo", "Ikea", "Heineken", "Tesla", "Adidas"],
    "product": ["PlayStation 5", "MacBook Air", "Galaxy Watch", "Instant Pot", "Nespresso Vertuo",
                "Model Y", "Pixel 9", "ThinkPad X1 Carbon"],
    "book": ["Things Fall Apart", "One Hundred Years of Solitude", "The Left Hand of Darkness",
             "Middlemarch", "Beloved", "The Remains of the Day", "Dune", "Moby-Dick"],
    "film": ["Spirited Away", "Casablanca", "Parasite", "Mad Max: Fury Road", "Amélie",
             "The Godfather", "Get Out", "Paddington 2"],
    "song": ["Bohemian Rhapsody", "Respect", "Hey Jude", "Waterloo", "Smells Like Teen Spirit",
             "Purple Rain", "Imagine", "Dancing Queen"],
    "place": ["Lake Titicaca", "Kilimanjaro", "the Danube", "Angkor Wat", "Reykjavík", "Tierra del Fuego",
              "the Atacama Desert", "Zanzibar"],
    "technical": ["gradient descent", "garbage collection", "binary search tree", "Kubernetes pod",
                  "SQL injection", "photosynthesis", "compound interest", "Fourier transform"],
    "job_title": ["Chief Financial Officer", "park ranger", "sous chef", "air traffic controller",
                  "data engineer", "paralegal", "school principal", "structural engineer"],
    "plan": ["Netflix Premium", "Spotify Family", "Duolingo Super", "Notion Plus", "Slack Pro",
             "GitHub Team", "Dropbox Essentials", "Zoom Workplace Business"],
}  # fmt: skip
