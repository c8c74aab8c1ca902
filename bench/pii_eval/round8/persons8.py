"""Round 8 person draws: a half's names, tags, e-mail addresses."""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.pii_eval.common import Private, ascii_fold
from bench.pii_eval.round8.common8 import pool
from bench.pii_eval.round8.people8 import (
    APOSTROPHE,
    CULTURES,
    DOMAINS,
    PARTICLE,
    WORD_GIVEN,
    WORD_SURNAMES,
)


@dataclass(frozen=True)
class Person:
    given: str
    surname: str
    culture: str
    word: bool
    phone_country: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"

    def tag(self, position: str) -> str:
        prefix = "common_word:" if self.word else ""
        return f"{prefix}{self.culture}:{position}"

    def item(self, text: str, position: str) -> Private:
        return Private(text, "person", self.tag(position))


class Names:
    """The names one half may use (every pool cut by ``common8.pool``)."""

    def __init__(self, half: str) -> None:
        self.given = {c: pool(g, half, f"names:given:{c}") for c, (g, _, _) in CULTURES.items()}
        self.sur = {c: pool(s, half, f"names:sur:{c}") for c, (_, s, _) in CULTURES.items()}
        self.word_given = pool(WORD_GIVEN, half, "names:word_given")
        self.word_sur = pool(WORD_SURNAMES, half, "names:word_surnames")
        self.apostrophe = pool(APOSTROPHE, half, "names:apostrophe")
        self.particle = pool(PARTICLE, half, "names:particle")
        self.domains = pool(DOMAINS, half, "domains")

    def person(self, r: random.Random, shape: str = "plain", word: float = 0.25) -> Person:
        culture = r.choice(sorted(CULTURES))
        if shape == "apostrophe":
            culture, surname = r.choice(self.apostrophe)
        elif shape == "particle":
            culture, surname = r.choice(self.particle)
        else:
            surname = r.choice(self.sur[culture])
        given = r.choice(self.given[culture])
        is_word = shape == "plain" and r.random() < word
        if is_word:
            pick = r.randrange(3)
            if pick in (0, 2):
                given = r.choice(self.word_given)
            if pick in (1, 2):
                surname = r.choice(self.word_sur)
        if shape == "hyphen":
            other = r.choice([s for s in self.sur[culture] if s != surname])
            surname = f"{surname}-{other}"
        return Person(given, surname, culture, is_word, CULTURES[culture][2])

    def email(self, r: random.Random, p: Person) -> str:
        def fold(text: str) -> str:
            return "".join(ch for ch in ascii_fold(text).lower() if ch.isalnum())

        local = r.choice(
            [f"{fold(p.given)}.{fold(p.surname)}", f"{fold(p.given)[0]}{fold(p.surname)}"]
        )
        return f"{local}@{r.choice(self.domains)}"
