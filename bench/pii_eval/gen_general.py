"""Set (c) ``general``: instruction data with no private PII, to measure what is destroyed.

Questions and answers about public figures, fictional characters, brands and products, book
and film titles, places, technical terms, job titles, vaccines and games, plus a few dates
and numbers of public events. Nothing here is private: every record should come out
unchanged, and every protected string (kind: public_figure, fictional, brand, product,
title, place, technical, job_title, vaccine, game, date) should survive as written. Which of
these a redactor may touch is a policy question; this set reports what it touches.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected, rng_for, split_pool

SET = "general"
SIZE = 320

# (protected string, kind, sentence about it: "{x}" stands for the string)
FACTS: tuple[tuple[str, str, str], ...] = (
    (
        "Ada Lovelace",
        "public_figure",
        "{x} wrote what is often called the first computer program, for the Analytical Engine.",
    ),
    ("Marie Curie", "public_figure", "{x} won Nobel Prizes in both physics and chemistry."),
    (
        "Nelson Mandela",
        "public_figure",
        "{x} became South Africa's first democratically elected president in 1994.",
    ),
    ("Grace Hopper", "public_figure", "{x} led work on COBOL and popularised the term debugging."),
    ("Serena Williams", "public_figure", "{x} won 23 Grand Slam singles titles."),
    ("Wangari Maathai", "public_figure", "{x} founded the Green Belt Movement in Kenya."),
    ("Albert Einstein", "public_figure", "{x} published the theory of special relativity in 1905."),
    ("Frida Kahlo", "public_figure", "{x} painted many self-portraits in Coyoacán."),
    ("Alan Turing", "public_figure", "{x} described an abstract machine that now bears his name."),
    ("Mahatma Gandhi", "public_figure", "{x} led the Salt March in 1930."),
    ("Rosalind Franklin", "public_figure", "{x} took Photo 51, an X-ray image of DNA."),
    ("Barack Obama", "public_figure", "{x} served two terms as president of the United States."),
    ("Angela Merkel", "public_figure", "{x} was chancellor of Germany from 2005 to 2021."),
    ("Usain Bolt", "public_figure", "{x} still holds the 100 metres world record."),
    ("Chimamanda Ngozi Adichie", "public_figure", "{x} wrote the novel Americanah."),
    ("Hayao Miyazaki", "public_figure", "{x} co-founded Studio Ghibli."),
    ("Sherlock Holmes", "fictional", "{x} is the detective created by Arthur Conan Doyle."),
    (
        "Hermione Granger",
        "fictional",
        "{x} is one of the three friends at the centre of the Harry Potter books.",
    ),
    ("Elizabeth Bennet", "fictional", "{x} is the heroine of Pride and Prejudice."),
    ("Atticus Finch", "fictional", "{x} is the lawyer father in To Kill a Mockingbird."),
    ("Frodo Baggins", "fictional", "{x} carries the Ring to Mount Doom."),
    ("Don Quixote", "fictional", "{x} mistakes windmills for giants."),
    ("Captain Nemo", "fictional", "{x} commands the submarine Nautilus."),
    ("Lisa Simpson", "fictional", "{x} plays the saxophone in The Simpsons."),
    ("Jay Gatsby", "fictional", "{x} throws lavish parties on Long Island."),
    ("Okonkwo", "fictional", "{x} is the protagonist of Things Fall Apart."),
    ("Patagonia", "brand", "{x} is an outdoor clothing company known for repairing worn gear."),
    ("Toyota", "brand", "{x} popularised just-in-time manufacturing."),
    ("IKEA", "brand", "{x} sells flat-pack furniture."),
    ("Ben & Jerry's", "brand", "{x} makes ice cream in Vermont."),
    ("Mercedes-Benz", "brand", "{x} builds cars in Stuttgart."),
    ("Johnson & Johnson", "brand", "{x} makes consumer health products."),
    ("Marks & Spencer", "brand", "{x} is a British retailer."),
    ("Tesla", "brand", "{x} makes electric cars."),
    ("Wendy's", "brand", "{x} is a fast-food chain with square burgers."),
    ("Samsung", "brand", "{x} makes phones, televisions and memory chips."),
    ("iPhone 15", "product", "The {x} moved to a USB-C port."),
    ("PlayStation 5", "product", "The {x} came out in November 2020."),
    ("Kindle Paperwhite", "product", "The {x} has a front-lit e-ink screen."),
    ("Raspberry Pi 5", "product", "The {x} is a small single-board computer."),
    ("Microsoft Excel", "product", "{x} can build pivot tables from a range."),
    ("Pride and Prejudice", "title", "{x} is a novel by Jane Austen published in 1813."),
    ("One Hundred Years of Solitude", "title", "{x} follows the Buendía family in Macondo."),
    ("The Godfather", "title", "{x} is a 1972 film directed by Francis Ford Coppola."),
    ("Spirited Away", "title", "{x} won the Academy Award for Best Animated Feature."),
    ("Things Fall Apart", "title", "{x} is a 1958 novel by Chinua Achebe."),
    ("The Shawshank Redemption", "title", "{x} is based on a Stephen King novella."),
    ("Parasite", "title", "{x} won the Palme d'Or in 2019."),
    ("Beloved", "title", "{x} is a novel by Toni Morrison."),
    ("Kyoto", "place", "{x} has more than a thousand Buddhist temples."),
    ("Lake Titicaca", "place", "{x} lies on the border of Peru and Bolivia."),
    ("Mount Kilimanjaro", "place", "{x} is the highest mountain in Africa."),
    ("Reykjavík", "place", "{x} is the capital of Iceland."),
    ("Port Louis", "place", "{x} is the capital of Mauritius."),
    ("Victoria Falls", "place", "{x} lies on the Zambezi River."),
    ("Kubernetes", "technical", "{x} schedules containers across a cluster of machines."),
    ("PostgreSQL", "technical", "{x} supports transactional DDL."),
    ("gradient descent", "technical", "{x} moves parameters against the gradient of the loss."),
    ("TCP handshake", "technical", "The {x} exchanges SYN, SYN-ACK and ACK."),
    ("port 443", "technical", "HTTPS listens on {x} by default."),
    ("Python 3.11", "technical", "{x} added exception groups."),
    ("SHA-256", "technical", "{x} produces a 256-bit digest."),
    ("24 hours", "technical", "A cron job set to run daily runs every {x}."),
    ("Docker Compose", "technical", "{x} starts several containers from one YAML file."),
    ("OAuth 2.0", "technical", "{x} lets an app act on a user's behalf without their password."),
    ("registered nurse", "job_title", "A {x} assesses patients and gives medication."),
    ("Chief Financial Officer", "job_title", "The {x} is responsible for a company's finances."),
    ("site reliability engineer", "job_title", "A {x} keeps production systems healthy."),
    ("paralegal", "job_title", "A {x} prepares documents for lawyers."),
    ("Head of Product", "job_title", "The {x} decides what the product team builds next."),
    ("Comirnaty", "vaccine", "{x} is an mRNA vaccine against COVID-19."),
    ("Spikevax", "vaccine", "{x} is Moderna's COVID-19 vaccine."),
    ("Shingrix", "vaccine", "{x} protects against shingles."),
    ("MMR vaccine", "vaccine", "The {x} protects against measles, mumps and rubella."),
    ("Gardasil 9", "vaccine", "{x} protects against nine types of HPV."),
    ("BCG vaccine", "vaccine", "The {x} is given against tuberculosis."),
    ("Minecraft", "game", "{x} lets players build with blocks."),
    ("The Legend of Zelda: Breath of the Wild", "game", "{x} is an open-world adventure game."),
    ("Catan", "game", "{x} is a board game about trading resources."),
    ("Tetris", "game", "{x} was created by Alexey Pajitnov in 1984."),
    ("Stardew Valley", "game", "{x} is a farming simulation game."),
    ("Elden Ring", "game", "{x} was made by FromSoftware."),
    ("July 20, 1969", "date", "The Apollo 11 landing happened on {x}."),
    ("1989", "date", "The Berlin Wall fell in {x}."),
)

# Strings inside the sentences above that must survive too (creators, places…).
EXTRA_PROTECTED = (
    ("Arthur Conan Doyle", "public_figure"),
    ("Jane Austen", "public_figure"),
    ("Francis Ford Coppola", "public_figure"),
    ("Chinua Achebe", "public_figure"),
    ("Stephen King", "public_figure"),
    ("Toni Morrison", "public_figure"),
    ("Alexey Pajitnov", "public_figure"),
    ("Harry Potter", "fictional"),
    ("Mount Doom", "place"),
    ("Studio Ghibli", "brand"),
    ("Moderna", "brand"),
    ("FromSoftware", "brand"),
    ("Coyoacán", "place"),
    ("Macondo", "place"),
    ("Stuttgart", "place"),
    ("Vermont", "place"),
    ("Long Island", "place"),
)

QUESTIONS = (
    "Tell me one fact about {x}.",
    "What is {x} known for?",
    "Give me a one-sentence summary about {x}.",
    "I'm writing a quiz. Write a question whose answer is {x}.",
    "Explain {x} to a ten-year-old in one line.",
)
TASKS = (
    "Check the spelling: {s}",
    "Fix the grammar, if needed: {s}",
    "Make this sentence shorter: {s}",
    "Is this sentence true? {s}",
)


class General:
    def __init__(self, rng: random.Random, facts: list[tuple[str, str, str]]):
        self.rng, self.facts = rng, facts
        self.ex = Example(messages=[])
        if rng.random() < 0.5:
            self.ex.messages.append(
                {"role": "system", "content": "You are a knowledgeable, concise assistant."}
            )

    def fact(self) -> tuple[str, str]:
        x, kind, sentence = self.rng.choice(self.facts)
        self.ex.protected.append(Protected(x, kind))
        text = sentence.format(x=x)
        for extra, extra_kind in EXTRA_PROTECTED:
            if extra in text:
                self.ex.protected.append(Protected(extra, extra_kind))
        return x, text

    def say(self, role: str, content: str) -> None:
        self.ex.messages.append({"role": role, "content": content})


def ask(g: General) -> None:
    x, sentence = g.fact()
    g.say("user", g.rng.choice(QUESTIONS).format(x=x))
    g.say("assistant", sentence)


def task(g: General) -> None:
    _, sentence = g.fact()
    g.say("user", g.rng.choice(TASKS).format(s=sentence))
    g.say("assistant", sentence if g.rng.random() < 0.5 else f"Yes. {sentence}")


def compare(g: General) -> None:
    (x, s1), (y, s2) = g.fact(), g.fact()
    g.say("user", f"Write two bullet points, one about {x} and one about {y}.")
    g.say("assistant", f"- {s1}\n- {s2}")


def paragraph(g: General) -> None:
    facts = [g.fact() for _ in range(3)]
    g.say(
        "user", "Turn these notes into a short paragraph:\n" + "\n".join(f"* {s}" for _, s in facts)
    )
    g.say("assistant", " ".join(s for _, s in facts) + " Each of these is widely documented.")


def code(g: General) -> None:
    x, sentence = g.fact()
    g.say("user", f"Write a Python dict with one entry describing {x}.")
    g.say("assistant", f'```python\nentry = {{"name": {x!r}, "note": {sentence!r}}}\n```')


TEMPLATES: tuple[tuple[Callable[[General], None], int], ...] = (
    (ask, 4),
    (task, 3),
    (compare, 3),
    (paragraph, 2),
    (code, 1),
)


def generate(half: str, size: int = SIZE) -> list[Example]:
    rng = rng_for(SET, half)
    facts = split_pool(FACTS, half, "facts")
    funcs = [f for f, weight in TEMPLATES for _ in range(weight)]
    out = []
    for _ in range(size // 2):
        g = General(rng, facts)
        rng.choice(funcs)(g)
        out.append(g.ex)
    return out
