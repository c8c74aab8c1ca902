"""Drawing round 13 names for one half: each pool is split so the halves share no token."""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.pii_eval.common import Private, ascii_fold
from bench.pii_eval.round13 import people13
from bench.pii_eval.round13.common13 import pool


@dataclass(frozen=True)
class Person:
    given: str
    surname: str
    culture: str
    word: bool  # made of everyday English words

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"

    def tag(self, position: str) -> str:
        prefix = "common_word:" if self.word else ""
        return f"{prefix}{self.culture}:{position}"

    def private(self, text: str, position: str) -> Private:
        return Private(text, "person", self.tag(position))


class Names:
    def __init__(self, half: str) -> None:
        self.half = half
        self.cultures = {
            c: (pool(g, half, f"names:given:{c}"), pool(s, half, f"names:sur:{c}"), cc)
            for c, (g, s, cc) in people13.CULTURES.items()
        }
        self.word_given = pool(people13.WORD_GIVEN, half, "names:word_given")
        self.word_sur = pool(people13.WORD_SURNAMES, half, "names:word_surnames")
        self.apostrophe = pool(people13.APOSTROPHE, half, "names:apostrophe")
        self.particle = pool(people13.PARTICLE, half, "names:particle")
        self.domains = pool(people13.DOMAINS, half, "domains")

    def person(self, rng: random.Random, word_share: float = 0.3) -> Person:
        culture = rng.choice(sorted(self.cultures))
        given, sur, _ = self.cultures[culture]
        if rng.random() < word_share:
            if rng.random() < 0.5:
                return Person(rng.choice(self.word_given), rng.choice(self.word_sur), culture, True)
            return Person(rng.choice(given), rng.choice(self.word_sur), culture, True)
        return Person(rng.choice(given), rng.choice(sur), culture, False)

    def country(self, person: Person) -> str:
        return self.cultures[person.culture][2]

    def hyphenated(self, rng: random.Random) -> Person:
        culture = rng.choice(sorted(self.cultures))
        given, sur, _ = self.cultures[culture]
        return Person(rng.choice(given), "-".join(rng.sample(sur, 2)), culture, False)

    def special(self, rng: random.Random, kind: str) -> Person:
        culture, surname = rng.choice(self.apostrophe if kind == "apostrophe" else self.particle)
        return Person(rng.choice(self.cultures[culture][0]), surname, culture, False)

    def email(self, rng: random.Random, person: Person) -> str:
        local = ascii_fold(f"{person.given}.{person.surname}").lower()
        local = "".join(ch for ch in local if ch.isalnum() or ch == ".")
        return f"{local}{rng.randrange(10, 99)}@{rng.choice(self.domains)}"
