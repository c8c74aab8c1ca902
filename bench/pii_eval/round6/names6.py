"""Drawing people of round 6: each half draws from its own part of every name pool."""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.pii_eval.common import Example, Private, Protected, ascii_fold
from bench.pii_eval.round6.common6 import phone, pool
from bench.pii_eval.round6.people6 import (
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
    word: bool  # given name or surname is an everyday English word

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"

    def tag(self, position: str) -> str:
        return f"common_word:{position}" if self.word else position


class People:
    """The half's name pools and a random stream to draw from them."""

    def __init__(self, half: str, r: random.Random, word_share: float = 0.3) -> None:
        self.r = r
        self.word_share = word_share
        self.given = {c: pool(g, half, f"names:given:{c}") for c, (g, _, _) in CULTURES.items()}
        self.surnames = {c: pool(s, half, f"names:sur:{c}") for c, (_, s, _) in CULTURES.items()}
        self.word_given = pool(WORD_GIVEN, half, "names:word_given")
        self.word_surnames = pool(WORD_SURNAMES, half, "names:word_surnames")
        self.apostrophe = pool(APOSTROPHE, half, "names:apostrophe")
        self.particle = pool(PARTICLE, half, "names:particle")
        self.domains = pool(DOMAINS, half, "domains")

    def person(self, culture: str | None = None, word: bool | None = None) -> Person:
        r = self.r
        culture = culture or r.choice(sorted(CULTURES))
        given, surname = r.choice(self.given[culture]), r.choice(self.surnames[culture])
        if word is None:
            word = r.random() < self.word_share
        if word:
            how = r.choice(["given", "surname", "both"])
            if how in ("given", "both"):
                given = r.choice(self.word_given)
            if how in ("surname", "both"):
                surname = r.choice(self.word_surnames)
        return Person(given, surname, culture, word)

    def with_apostrophe(self) -> Person:
        culture, surname = self.r.choice(self.apostrophe)
        return Person(self.r.choice(self.given[culture]), surname, culture, False)

    def with_particle(self) -> Person:
        culture, surname = self.r.choice(self.particle)
        return Person(self.r.choice(self.given[culture]), surname, culture, False)

    def email(self, p: Person) -> str:
        g = ascii_fold(p.given).lower().replace(" ", "").replace("'", "")
        s = ascii_fold(p.surname).lower().replace(" ", "").replace("'", "")
        local = self.r.choice(
            [f"{g}.{s}", f"{g}{s[:1]}", f"{g[:1]}{s}", f"{s}.{g}{self.r.randint(2, 99)}"]
        )
        return f"{local}@{self.r.choice(self.domains)}"

    def phone_of(self, p: Person) -> tuple[str, str]:
        country = CULTURES[p.culture][2]
        national, international = phone(self.r, country)
        return (international if self.r.random() < 0.5 else national), country


def add_person(ex: Example, text: str, p: Person, position: str) -> None:
    ex.private.append(Private(text, "person", p.tag(position)))


def protect(ex: Example, text: str, kind: str) -> None:
    ex.protected.append(Protected(text, kind))
