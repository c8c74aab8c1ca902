"""What the name table makes of one word: a given name, a surname, a name of another
language, an unknown word or no name. Shared by the signal readers (``person_signals``,
``word_names``, ``person_lines``), below all of them."""

from __future__ import annotations

import functools

import regex

from curation.pii import name_table as nt
from curation.pii.vocab import NOT_NAMES, TECH_TERMS, TITLES

POSITION_GIVEN_RANK = 2500
POSITION_GIVEN_COUNTRIES = 2
KIND_CACHE = 100_000  # words repeat across a corpus; judging one costs several lookups

_SURNAME_SHAPE = regex.compile(r"^(?:O|D|d|l|Mc|Mac|Fitz)['’]?\p{Lu}\p{Ll}{2,}$")
_KOREAN_GIVEN = regex.compile(r"\p{Lu}\p{Ll}{1,2}-\p{Ll}{1,3}")


def stop(word: str) -> bool:
    """A word of the lists that are never names (common words, titles, technical terms)."""
    low = word.lower().strip(".")
    return low in NOT_NAMES or low in TITLES or low in TECH_TERMS


@functools.lru_cache(maxsize=KIND_CACHE)
def kind(word: str) -> str:
    """'G' given name, 'S' surname only, 'F' a name that is also a common word of another
    language, 'U' unknown (maybe a rare name), 'C' not a name."""
    if _SURNAME_SHAPE.match(word) and not stop(word):
        return "S"  # O'Brien, D'Angelo, McAllister, MacLeod
    # "So-mi", "Ji-ho": two syllables, a given name's shape, though each is a short word.
    korean = bool(_KOREAN_GIVEN.fullmatch(word))
    if "-" in word and all(len(p) <= 2 for p in word.split("-")) and not korean:
        return "C"  # Wi-Fi, Hi-Fi, e-ID: a word's shape, not a name's
    if stop(word) or (nt.is_common(word) and not korean):
        return "C"
    if nt.is_given(word):
        return "G"
    if nt.is_name(word):
        return "S"
    if nt.is_foreign_name(word):
        return "F"
    return "U"


def position_given(word: str) -> bool:
    """A word the table ranks as a given name in two countries, however common in English
    ("River", "Liberty"): a name only where the position says a person stands."""
    found = nt.info(word)
    if found is None or stop(word):
        return False
    return (
        0 < found.given_rank <= POSITION_GIVEN_RANK
        and found.given_countries >= POSITION_GIVEN_COUNTRIES
    ) or kind(word) == "G"
