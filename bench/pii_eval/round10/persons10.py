"""Drawing people for round 10: a half's name pools, e-mails and phones."""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.pii_eval.common import Private, ascii_fold
from bench.pii_eval.round10.common10 import phone, pool
from bench.pii_eval.round10.people10 import (
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
    country: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"

    @property
    def first(self) -> str:
        return self.given.split()[0] if self.culture != "balinese" else self.given

    def tag(self, position: str) -> str:
        return f"{'common_word:' if self.word else ''}{self.culture}:{position}"

    def item(self, text: str, position: str) -> Private:
        return Private(text, "person", self.tag(position))


class People:
    """Everything a generator draws people from, for one half."""

    def __init__(self, half: str) -> None:
        self.given = {c: pool(g, half, f"names:given:{c}") for c, (g, _, _) in CULTURES.items()}
        self.sur = {c: pool(s, half, f"names:sur:{c}") for c, (_, s, _) in CULTURES.items()}
        self.word_given = pool(WORD_GIVEN, half, "names:word_given")
        self.word_sur = pool(WORD_SURNAMES, half, "names:word_surnames")
        self.apostrophe = pool(APOSTROPHE, half, "names:apostrophe")
        self.particle = pool(PARTICLE, half, "names:particle")
        self.domains = pool(DOMAINS, half, "domains")
        self.cultures = sorted(CULTURES)

    def person(self, rng: random.Random, kind: str = "plain", word: float = 0.27) -> Person:
        if kind in ("apostrophe", "particle"):
            culture, surname = rng.choice(
                self.apostrophe if kind == "apostrophe" else self.particle
            )
        else:
            culture = rng.choice(self.cultures)
            surname = rng.choice(self.sur[culture])
            if kind == "hyphenated":
                other = rng.choice([s for s in self.sur[culture] if s != surname and "-" not in s])
                surname = f"{surname.split('-')[0]}-{other}"
        given = rng.choice(self.given[culture])
        is_word = False
        if kind == "plain" and rng.random() < word:
            is_word = True
            which = rng.randrange(3)
            if which in (0, 2):
                given = rng.choice(self.word_given)
            if which in (1, 2):
                surname = rng.choice(self.word_sur)
        return Person(given, surname, culture, is_word, CULTURES[culture][2])

    def email(self, rng: random.Random, p: Person) -> str:
        given = ascii_fold(p.first).lower().replace("'", "").replace(" ", "")
        sur = ascii_fold(p.surname).lower().replace("'", "").replace(" ", "")
        local = rng.choice(
            [f"{given}.{sur}", f"{given[0]}{sur}", f"{given}_{sur[:4]}", f"{sur}.{given}"]
        )
        return f"{local}@{rng.choice(self.domains)}"

    def phone(self, rng: random.Random, p: Person) -> Private:
        return Private(phone(rng, p.country, rng.random() < 0.5), "phone", p.country)
