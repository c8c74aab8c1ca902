"""Drawing round-5 person names for one half (shared by ``chats5`` and ``addresses5``)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.pii_eval.common import Private
from bench.pii_eval.round5.common5 import email_for, pool
from bench.pii_eval.round5.people5 import CULTURES, DOMAINS, WORD_GIVEN, WORD_SURNAMES
from bench.pii_eval.round5.things5 import CULTURE_PHONE, phone

FEMALE_MALAY = {"Nurul", "Aisyah", "Syafiqah"}
WORD_SHARE = 0.27


@dataclass(frozen=True)
class Name:
    given: str
    surname: str
    culture: str
    word: bool = False
    particle: str = ""

    @property
    def full(self) -> str:
        middle = f" {self.particle}" if self.particle else ""
        return f"{self.given}{middle} {self.surname}"


class People:
    """The half's name pools, e-mail domains and a random stream."""

    def __init__(self, half: str, r: random.Random) -> None:
        self.r = r
        self.given = {c: pool(g, half, f"names:given:{c}") for c, (g, _) in CULTURES.items()}
        self.sur = {c: pool(s, half, f"names:sur:{c}") for c, (_, s) in CULTURES.items()}
        self.word_given = pool(WORD_GIVEN, half, "names:word_given")
        self.word_sur = pool(WORD_SURNAMES, half, "names:word_surnames")
        self.domains = pool(DOMAINS, half, "domains")
        self.cultures = sorted(CULTURES)

    def name(self, culture: str | None = None, word: bool | None = None) -> Name:
        r = self.r
        if word is None:
            word = culture is None and r.random() < WORD_SHARE
        if word:
            kind = r.choice(("both", "both", "given", "surname"))
            other = r.choice(self.cultures)
            given = r.choice(self.word_given) if kind != "surname" else r.choice(self.given[other])
            surname = r.choice(self.word_sur) if kind != "given" else r.choice(self.sur[other])
            return Name(given, surname, "word" if kind == "both" else other, True)
        c = culture or r.choice(self.cultures)
        given, surname = r.choice(self.given[c]), r.choice(self.sur[c])
        particle = ""
        if c == "malay":
            particle = "binti" if given in FEMALE_MALAY else "bin"
        return Name(given, surname, c, False, particle)

    def names(self, n: int) -> list[Name]:
        """``n`` names with distinct given names and surnames."""
        out: list[Name] = []
        while len(out) < n:
            cand = self.name()
            if all(cand.given != o.given and cand.surname != o.surname for o in out):
                out.append(cand)
        return out

    def email(self, n: Name) -> str:
        return email_for(n.given, n.surname, self.r.choice(self.domains), self.r)

    def phone(self, n: Name) -> tuple[str, str]:
        country = CULTURE_PHONE[n.culture]
        return phone(self.r, country), country


def tag(n: Name, position: str) -> str:
    return f"common_word:{position}" if n.word else position


def who(n: Name, position: str, text: str | None = None) -> Private:
    return Private(text if text is not None else n.full, "person", tag(n, position))
