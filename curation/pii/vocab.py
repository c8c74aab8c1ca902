"""Word lists behind the precision rules: technical terms, name cues, street types.

These are facts about language and software, not about any dataset: the built-in
allow-list is what spaCy's small English model measurably mistakes for people,
organisations and places in support and engineering conversations. The lists are package
data (``data/vocab/<name>.txt``, one term a line, ``#`` comments), read once at import.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

import regex


@cache
def data_lines(*path: str) -> tuple[str, ...]:
    """The lines of ``curation/pii/data/<path>`` in file order, blank lines and comments
    skipped; read once per process."""
    text = resources.files("curation.pii").joinpath("data", *path).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def load(name: str) -> tuple[str, ...]:
    """The terms of ``data/vocab/<name>.txt`` in file order (blank lines and comments skipped)."""
    return data_lines("vocab", f"{name}.txt")


def terms(*names: str) -> frozenset[str]:
    """The terms of several lists as one set, without a loose label's leading "?"."""
    return frozenset(w.lstrip("?") for name in names for w in load(name))


def longest_first(term: str) -> tuple[int, str]:
    """Sort key for regex alternations: longer terms first, ties in text order.

    Longest first lets a term win over its own prefix; the text order makes the pattern the
    same in every process (sets iterate in a per-process hash order).
    """
    return (-len(term), term)


# Products, tools and technical words that NER tags as PERSON/ORG/LOCATION. Case-insensitive.
TECH_TERMS: frozenset[str] = frozenset(load("tech_terms"))
# Words that introduce a person's name: "Hi Maria", "Thanks, Maria", "my name is Maria".
# Strong cues are followed by a name far more often than by anything else.
STRONG_NAME_CUES: tuple[str, ...] = load("strong_name_cues")
# Cues that address or introduce a person: a name after them is a name even when spaCy's
# NER calls it a place ("Hi Sofia" tagged GPE).
GREETING_CUES: frozenset[str] = frozenset(load("greeting_cues"))
# Weak cues: a name often follows, but so do places and products ("Great Britain").
WEAK_NAME_CUES: tuple[str, ...] = load("weak_name_cues")
# Honorifics and particles inside a full name, never a name part on their own.
TITLES: frozenset[str] = frozenset(load("titles"))
_PARTICLE_LINES = load("particles")
PARTICLES: frozenset[str] = frozenset(p for p in _PARTICLE_LINES if not p.startswith("+"))
# Particles marked "+": they join a run of name words but are words or names of their own
# elsewhere ("Mac", "ten", "Văn"), so only the run of capitalised words reads them.
JOINING_PARTICLES: frozenset[str] = frozenset(p[1:] for p in _PARTICLE_LINES if p[:1] == "+")
# Capitalised words that follow a cue but are not names ("Hi Team", "Thanks Again").
# Interjections and discourse markers ("Hmm", "Gosh", "Haha"): a closed class, never a name.
INTERJECTIONS: frozenset[str] = frozenset(load("interjections"))
_ELONGATED_INTERJECTION = regex.compile(
    r"(?i)h+m+|m+h*m+|u+m{2,}|a+h{2,}|(?:ha){2,}h?|(?:he){2,}h?"
)


def is_interjection(word: str) -> bool:
    """An interjection of the list, or one drawn out ("Hmmmmm", "Ummmm", "Hahahaha")."""
    low = word.lower().strip(".,;:!?…")
    return low in INTERJECTIONS or bool(_ELONGATED_INTERJECTION.fullmatch(low))


# A transcript's speaker labels ("Human:", "Assistant:", "User:", "Q:"): labels, not names.
SPEAKER_LABELS: frozenset[str] = frozenset(load("speaker_labels"))
NOT_NAMES: frozenset[str] = frozenset(load("not_names")) | INTERJECTIONS | {"human"}
# Email local parts that name a role, not a person: no name is taken from them.
ROLE_MAILBOXES: frozenset[str] = frozenset(load("role_mailboxes"))
# Street types, including the USPS list and its plurals, in English.
STREET_TYPES_EN: tuple[str, ...] = load("street_types_en")
# Street-type endings written into the street name (German, Dutch, Scandinavian).
STREET_SUFFIXES_GLUED: tuple[str, ...] = load("street_suffixes_glued")
# Street types that come first (French, Spanish, Italian, Portuguese, Dutch "Van …").
STREET_TYPES_PREFIX: tuple[str, ...] = load("street_types_prefix")
# Verbs that open an instruction ("Mark as paid", "Convert to UTC"): a capitalised one at the
# start of a sentence is not a name, even when spaCy says PERSON.
IMPERATIVES: frozenset[str] = frozenset(load("imperatives"))
# Words right after a capitalised word that show it is a UI label, not a name or a place.
UI_NOUNS: frozenset[str] = frozenset(load("ui_nouns"))
# Last words of a company's name ("Acme Labs", "Initech GmbH"): such a span is no person.
ORG_TAIL_WORDS: frozenset[str] = frozenset(load("org_tail_words"))
# Greetings, sign-offs and contractions next to a name that are never part of it.
NAME_STOP_WORDS: frozenset[str] = frozenset(load("name_stop_words"))

# Words that name a person's role or field, for labels, JSON keys and table columns alike;
# a "?" in the file marks a label that names products or firms as often ("name", "contact").
_PERSON_FIELD_LABELS = load("person_field_labels")
PERSON_LABELS: frozenset[str] = frozenset(w for w in _PERSON_FIELD_LABELS if w[0] != "?")
LOOSE_PERSON_LABELS: frozenset[str] = frozenset(w[1:] for w in _PERSON_FIELD_LABELS if w[0] == "?")


def label_alternation(labels: Iterable[str]) -> str:
    """A regex alternation of labels, longest first, a space or hyphen in one matching " ",
    "_", "-" or nothing ("next of kin", "next_of_kin", "co-applicant", "coapplicant")."""
    return "|".join(
        r"[ \t_\-]?".join(regex.escape(part) for part in regex.split(r"[ \-]", label))
        for label in sorted(labels, key=longest_first)
    )


# The alternations of those words for JSON keys and labels: all of them, and the strict ones.
ROLE_WORDS = label_alternation(PERSON_LABELS | LOOSE_PERSON_LABELS)
STRICT_ROLE_WORDS = label_alternation(PERSON_LABELS)
