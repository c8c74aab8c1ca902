"""People of a half of `chats9`/`addresses9`/`multi9`: names, e-mails and phones drawn from
the half's share of every pool."""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.pii_eval.common import Private, ascii_fold
from bench.pii_eval.round9.common9 import pool
from bench.pii_eval.round9.people9 import (
    APOSTROPHE,
    CULTURES,
    DOMAINS,
    MULTI,
    PARTICLE,
    WORD_GIVEN,
    WORD_SURNAMES,
)

# country: (international, national); each "#" is one digit, the same digits in both forms.
PHONES: dict[str, tuple[str, str]] = {
    "IN": ("+91 9#### #####", "09#### #####"),
    "NP": ("+977 98## ######", "98## ######"),
    "US": ("+1 651-###-####", "(651) ###-####"),
    "GU": ("+1 671-###-####", "(671) ###-####"),
    "PF": ("+689 87 ## ## ##", "87 ## ## ##"),
    "ET": ("+251 91 ### ####", "091 ### ####"),
    "UG": ("+256 77# ######", "077# ######"),
    "TG": ("+228 90 ## ## ##", "90 ## ## ##"),
    "ML": ("+223 76 ## ## ##", "76 ## ## ##"),
    "DZ": ("+213 55# ## ## ##", "055# ## ## ##"),
    "MW": ("+265 99# ## ## ##", "099# ## ## ##"),
    "TM": ("+993 65 ##-##-##", "8 65 ##-##-##"),
    "SI": ("+386 41 ### ###", "041 ### ###"),
    "NL": ("+31 6 #### ####", "06-########"),
    "IT": ("+39 34# ### ####", "34# ### ####"),
    "CL": ("+56 9 #### ####", "9 #### ####"),
    "CI": ("+225 07 ## ## ## ##", "07 ## ## ## ##"),
    "KZ": ("+7 701 ### ####", "8 (701) ### ####"),
    "GE": ("+995 599 ## ## ##", "599 ## ## ##"),
    "AE": ("+971 50 ### ####", "050 ### ####"),
    "OM": ("+968 9### ####", "9### ####"),
    "ID": ("+62 812-####-####", "0812-####-####"),
    "KH": ("+855 12 ### ###", "012 ### ###"),
    "SN": ("+221 77 ### ## ##", "77 ### ## ##"),
    "CM": ("+237 6 7# ## ## ##", "6 7# ## ## ##"),
    "JM": ("+1 876-###-####", "(876) ###-####"),
    "GT": ("+502 5### ####", "5### ####"),
    "FJ": ("+679 9## ####", "9## ####"),
    "USA": ("+1 208-###-####", "(208) ###-####"),
    "es": ("+34 6## ### ###", "6## ### ###"),
    "de": ("+49 151 ########", "0151 ########"),
    "fr": ("+33 6 ## ## ## ##", "06 ## ## ## ##"),
    "pt": ("+55 11 9####-####", "(11) 9####-####"),
    "it": ("+39 33# ### ####", "33# ### ####"),
    "nl": ("+31 6 ########", "06 ########"),
    "id": ("+62 813-####-####", "0813-####-####"),
    "vi": ("+84 9# ### ## ##", "09# ### ## ##"),
}
APOSTROPHE_PHONE = {"tahitian": "PF", "baoule": "CI"}


def phone_pair(rng: random.Random, country: str) -> tuple[str, str]:
    """The same number in international and national form."""
    intl, nat = PHONES[country]
    assert intl.count("#") == nat.count("#"), country
    digits = [str(rng.randrange(10)) for _ in range(intl.count("#"))]

    def fill(template: str) -> str:
        it = iter(digits)
        return "".join(next(it) if ch == "#" else ch for ch in template)

    return fill(intl), fill(nat)


def phone(rng: random.Random, country: str) -> str:
    intl, nat = phone_pair(rng, country)
    return rng.choice((intl, nat))


@dataclass(frozen=True)
class Person:
    given: str
    surname: str
    culture: str
    country: str
    word: bool = False  # an everyday English word as given name or surname

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"

    def tag(self, position: str) -> str:
        prefix = "common_word:" if self.word else ""
        return f"{prefix}{self.culture}:{position}"

    def item(self, text: str, position: str) -> Private:
        return Private(text, "person", self.tag(position))


def _local(text: str) -> str:
    return "".join(ch for ch in ascii_fold(text).lower() if ch.isalnum())


class Draw:
    """Draws people, e-mails and phones from one half's share of the pools."""

    def __init__(self, half: str, rng: random.Random, word_share: float = 0.3) -> None:
        self.rng = rng
        self.word_share = word_share
        self.given = {c: pool(g, half, f"names:given:{c}") for c, (g, _, _) in CULTURES.items()}
        self.sur = {c: pool(s, half, f"names:sur:{c}") for c, (_, s, _) in CULTURES.items()}
        self.word_given = pool(WORD_GIVEN, half, "names:word_given")
        self.word_sur = pool(WORD_SURNAMES, half, "names:word_surnames")
        self.apostrophe = pool(APOSTROPHE, half, "names:apostrophe")
        self.particle = pool(PARTICLE, half, "names:particle")
        self.domains = pool(DOMAINS, half, "domains")
        self.cultures = sorted(CULTURES)
        self._turn = 0

    def culture(self) -> str:
        self._turn += 1
        return self.cultures[(self._turn + self.rng.randrange(3)) % len(self.cultures)]

    def person(self, culture: str | None = None, word: bool | None = None) -> Person:
        c = culture or self.culture()
        given = self.rng.choice(self.given[c])
        surname = self.rng.choice(self.sur[c])
        use_word = self.rng.random() < self.word_share if word is None else word
        if use_word:
            which = self.rng.choice(("given", "surname", "both"))
            if which in ("given", "both"):
                given = self.rng.choice(self.word_given)
            if which in ("surname", "both"):
                surname = self.rng.choice(self.word_sur)
        return Person(given, surname, c, CULTURES[c][2], use_word)

    def with_surname(self, kind: str) -> Person:
        """A person whose surname has an apostrophe or a particle."""
        culture, surname = self.rng.choice(
            self.apostrophe if kind == "apostrophe" else self.particle
        )
        given_culture = culture if culture in CULTURES else "ewe"
        given = self.rng.choice(self.given[given_culture])
        country = CULTURES[culture][2] if culture in CULTURES else APOSTROPHE_PHONE[culture]
        return Person(given, surname, culture, country)

    def hyphenated(self) -> Person:
        c = self.culture()
        first, second = self.rng.sample(self.sur[c], 2)
        return Person(self.rng.choice(self.given[c]), f"{first}-{second}", c, CULTURES[c][2])

    def email(self, person: Person) -> str:
        style = self.rng.randrange(3)
        g, s = _local(person.given), _local(person.surname)
        local = {0: f"{g}.{s}", 1: f"{g[0]}{s}", 2: f"{s}.{g}"}[style]
        return f"{local}@{self.rng.choice(self.domains)}"

    def phone(self, person: Person) -> str:
        return phone(self.rng, person.country)


class MultiDraw:
    """`multi9` names of one language, from the half's share of its pools."""

    def __init__(self, half: str, rng: random.Random, lang: str) -> None:
        given, sur = MULTI[lang]
        self.rng = rng
        self.lang = lang
        self.given = pool(given, half, f"multi:given:{lang}")
        self.sur = pool(sur, half, f"multi:sur:{lang}")
        self.domains = pool(DOMAINS, half, "domains")

    def person(self) -> tuple[str, str]:
        """(full name, the name used alone later)."""
        given, sur = self.rng.choice(self.given), self.rng.choice(self.sur)
        if self.lang == "vi":
            return f"{sur} {given}", given.split()[-1]
        return f"{given} {sur}", given

    def email(self, full: str) -> str:
        parts = [_local(p) for p in full.split()]
        local = ".".join(parts[-2:]) if self.lang != "vi" else parts[-1] + parts[0]
        return f"{local}@{self.rng.choice(self.domains)}"
