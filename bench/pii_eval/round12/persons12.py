"""Drawing round-12 people for one half: names, their e-mails and phones, as gold items."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from bench.pii_eval.common import Private, ascii_fold
from bench.pii_eval.round12 import common12, people12

WORD_SHARE = 0.32


@dataclass(frozen=True)
class Person:
    given: str
    surname: str
    culture: str
    words: tuple[str, ...] = ()  # the parts of the name that are everyday words

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"

    @property
    def country(self) -> str:
        return people12.CULTURES[self.culture][2]


class People:
    """One half's name pools."""

    def __init__(self, rng: random.Random, half: str) -> None:
        self.rng, self.half = rng, half
        self.cultures = list(people12.CULTURES)
        self.given = {
            c: common12.pool(g, half, f"names:given:{c}")
            for c, (g, _, _) in people12.CULTURES.items()
        }
        self.surnames = {
            c: common12.pool(s, half, f"names:sur:{c}")
            for c, (_, s, _) in people12.CULTURES.items()
        }
        self.word_given = common12.pool(people12.WORD_GIVEN, half, "names:word_given")
        self.word_surnames = common12.pool(people12.WORD_SURNAMES, half, "names:word_surnames")
        self.apostrophe = common12.pool(people12.APOSTROPHE, half, "names:apostrophe")
        self.particle = common12.pool(people12.PARTICLE, half, "names:particle")
        self.domains = common12.pool(people12.DOMAINS, half, "domains")
        self.deck: list[str] = []

    def _culture(self) -> str:
        """Cultures dealt from a shuffled deck: all are used, in no fixed order."""
        if not self.deck:
            self.deck = list(self.cultures)
            self.rng.shuffle(self.deck)
        return self.deck.pop()

    def person(self, words: bool = True, culture: str | None = None) -> Person:
        culture = culture or self._culture()
        given = self.rng.choice(self.given[culture])
        surname = self.rng.choice(self.surnames[culture])
        chosen: list[str] = []
        if words and self.rng.random() < WORD_SHARE:
            which = self.rng.randrange(3)
            if which in (0, 2):
                given = self.rng.choice(self.word_given)
                chosen.append(given)
            if which in (1, 2):
                surname = self.rng.choice(self.word_surnames)
                chosen.append(surname)
        return Person(given, surname, culture, tuple(chosen))

    def special(self, kind: str) -> Person:
        """A person whose surname has an apostrophe (``kind="apostrophe"``) or a particle."""
        culture, surname = self.rng.choice(
            self.apostrophe if kind == "apostrophe" else self.particle
        )
        return Person(self.rng.choice(self.given[culture]), surname, culture)

    def hyphenated(self) -> Person:
        culture = self._culture()
        first, second = self.rng.sample(self.surnames[culture], 2)
        if "-" in first or "-" in second:
            return Person(
                self.rng.choice(self.given[culture]),
                first if "-" in first else second,
                culture,
            )
        return Person(self.rng.choice(self.given[culture]), f"{first}-{second}", culture)

    def email(self, person: Person) -> str:
        given = ascii_fold(person.given).lower().replace(" ", "").replace("'", "")
        surname = (
            ascii_fold(person.surname).lower().replace(" ", "").replace("'", "").replace("’", "")
        )
        shape = self.rng.randrange(4)
        local = [
            f"{given}.{surname}",
            f"{given[0]}{surname}",
            f"{surname}.{given}",
            f"{given}_{surname[:4]}",
        ][shape]
        return f"{local}@{self.rng.choice(self.domains)}"

    def phone(self, person: Person, international: bool | None = None) -> str:
        if international is None:
            international = self.rng.random() < 0.5
        return common12.phone(self.rng, person.country, international)


def name_item(person: Person, text: str, position: str) -> Private:
    """A person item, tagged ``common_word:`` when the written text holds an everyday word."""
    tag = f"{person.culture}:{position}"
    tokens = set(re.split(r"[\s,.]+", text.lower()))
    word = any(w.lower() in tokens for w in person.words)
    return Private(text, "person", f"common_word:{tag}" if word else tag)
