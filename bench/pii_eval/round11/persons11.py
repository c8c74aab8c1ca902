"""The people of one half: names drawn from the half's pools, with gold tags and e-mails."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from bench.pii_eval.common import Private, ascii_fold
from bench.pii_eval.round11 import people11 as people
from bench.pii_eval.round11.common11 import phone, pool


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

    def tag(self, position: str) -> str:
        return (
            f"common_word:{self.culture}:{position}" if self.word else f"{self.culture}:{position}"
        )

    def gold(self, text: str, position: str) -> Private:
        return Private(text, "person", self.tag(position))


class Cast:
    def __init__(self, half: str, word_share: float = 0.25) -> None:
        self.half = half
        self.word_share = word_share
        self.given = {
            c: pool(g, half, f"names:given:{c}") for c, (g, _, _) in people.CULTURES.items()
        }
        self.sur = {c: pool(s, half, f"names:sur:{c}") for c, (_, s, _) in people.CULTURES.items()}
        self.word_given = pool(people.WORD_GIVEN, half, "names:word_given")
        self.word_sur = pool(people.WORD_SURNAMES, half, "names:word_surnames")
        self.apostrophe = pool(people.APOSTROPHE, half, "names:apostrophe")
        self.particle = pool(people.PARTICLE, half, "names:particle")
        self.domains = pool(people.DOMAINS, half, "domains")
        self.cultures = sorted(people.CULTURES)

    def draw(self, rng: random.Random, word: bool | None = None, culture: str = "") -> Person:
        culture = culture or rng.choice(self.cultures)
        given, sur = rng.choice(self.given[culture]), rng.choice(self.sur[culture])
        if word is None:
            word = rng.random() < self.word_share
        if word:
            kind = rng.randrange(3)
            if kind != 1:
                given = rng.choice(self.word_given)
            if kind != 0:
                sur = rng.choice(self.word_sur)
        return Person(given, sur, culture, word, people.CULTURES[culture][2])

    def hyphenated(self, rng: random.Random) -> Person:
        base = self.draw(rng, word=False)
        other = rng.choice([s for s in self.sur[base.culture] if s != base.surname])
        return Person(base.given, f"{base.surname}-{other}", base.culture, False, base.country)

    def special(self, rng: random.Random, kind: str) -> Person:
        culture, sur = rng.choice(self.apostrophe if kind == "apostrophe" else self.particle)
        return Person(
            rng.choice(self.given[culture]), sur, culture, False, people.CULTURES[culture][2]
        )

    def email(self, person: Person, rng: random.Random) -> str:
        def fold(s: str) -> str:
            return re.sub(r"[^a-z0-9]", "", ascii_fold(s).lower())

        style = rng.randrange(3)
        local = (
            f"{fold(person.given)}.{fold(person.surname)}"
            if style == 0
            else f"{fold(person.given)[0]}{fold(person.surname)}"
            if style == 1
            else f"{fold(person.surname)}.{fold(person.given)}"
        )
        return f"{local}@{rng.choice(self.domains)}"

    def phone(self, person: Person, rng: random.Random) -> Private:
        return Private(phone(person.country, rng, rng.random() < 0.5), "phone", person.country)
