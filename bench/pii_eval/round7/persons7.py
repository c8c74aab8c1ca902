"""People drawn from a half's name pools, and the e-mails and phones that go with them."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from bench.pii_eval.common import Example, Private, ascii_fold
from bench.pii_eval.round7.common7 import pool
from bench.pii_eval.round7.people7 import (
    APOSTROPHE,
    CULTURES,
    DOMAINS,
    FAMILY_FIRST,
    PARTICLE,
    WORD_GIVEN,
    WORD_SURNAMES,
)
from bench.pii_eval.round7.places7 import phone


@dataclass(frozen=True)
class Person:
    given: str
    surname: str
    culture: str
    country: str
    word: bool = False  # the given name or surname is an everyday word

    @property
    def full(self) -> str:
        if self.culture in FAMILY_FIRST and not self.word:
            return f"{self.surname} {self.given}"
        return f"{self.given} {self.surname}"

    @property
    def initial(self) -> str:
        return f"{self.given[0]}. {self.surname}"

    @property
    def reversed_initial(self) -> str:
        return f"{self.surname}, {self.given[0]}."


class Names:
    """The name pools of one half (labels shared by every set of the round)."""

    def __init__(self, half: str, r: random.Random) -> None:
        self.r = r
        self.given = {c: pool(g, half, f"names:given:{c}") for c, (g, _, _) in CULTURES.items()}
        self.sur = {c: pool(s, half, f"names:sur:{c}") for c, (_, s, _) in CULTURES.items()}
        self.word_given = pool(WORD_GIVEN, half, "names:word_given")
        self.word_sur = pool(WORD_SURNAMES, half, "names:word_surnames")
        self.apostrophe = pool(APOSTROPHE, half, "names:apostrophe")
        self.particle = pool(PARTICLE, half, "names:particle")
        self.domains = pool(DOMAINS, half, "domains")

    def person(self, word_share: float = 0.0, culture: str | None = None) -> Person:
        r = self.r
        c = culture or r.choice(sorted(CULTURES))
        given, sur = r.choice(self.given[c]), r.choice(self.sur[c])
        word = r.random() < word_share
        if word:
            roll = r.random()
            if roll < 0.5:
                given = r.choice(self.word_given)
            elif roll < 0.85:
                sur = r.choice(self.word_sur)
            else:
                given, sur = r.choice(self.word_given), r.choice(self.word_sur)
        return Person(given, sur, c, CULTURES[c][2], word)

    def marked(self, kind: str) -> Person:
        """A person whose surname has an apostrophe or a particle."""
        c, sur = self.r.choice(self.apostrophe if kind == "apostrophe" else self.particle)
        return Person(self.r.choice(self.given[c]), sur, c, CULTURES[c][2])

    def hyphenated(self) -> Person:
        c = self.r.choice(sorted(c for c in CULTURES if c not in FAMILY_FIRST))
        a, b = self.r.sample(self.sur[c], 2)
        return Person(self.r.choice(self.given[c]), f"{a}-{b}", c, CULTURES[c][2])

    def email(self, p: Person) -> str:
        g = re.sub(r"[^a-z]", "", ascii_fold(p.given).lower())
        s = re.sub(r"[^a-z]", "", ascii_fold(p.surname).lower())
        local = self.r.choice([f"{g}.{s}", f"{g[0]}{s}", f"{s}.{g}", f"{g}{self.r.randint(2, 98)}"])
        return f"{local}@{self.r.choice(self.domains)}"


def tag_of(p: Person, position: str) -> str:
    return f"common_word:{p.culture}:{position}" if p.word else f"{p.culture}:{position}"


def add_person(ex: Example, p: Person, text: str, position: str) -> str:
    ex.private.append(Private(text, "person", tag_of(p, position)))
    return text


def add_email(ex: Example, names: Names, p: Person) -> str:
    mail = names.email(p)
    ex.private.append(Private(mail, "email"))
    return mail


def add_phone(ex: Example, p: Person, r: random.Random, form: str = "") -> str:
    intl, national = phone(r, p.country)
    text = intl if (form or r.choice(["intl", "national"])) == "intl" else national
    ex.private.append(Private(text, "phone", p.country))
    return text
