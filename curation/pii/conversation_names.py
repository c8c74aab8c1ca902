"""Names the record itself vouches for, and names in a speaker's or a letter's own slots,
whatever words they are made of ("Flint Mustard", "Oyunchimeg Bull", "colt helgason").

- A pair whose letters make the local part of an e-mail address in the same text: "Oyunchimeg
  Bull … obull@…" (``name:email-local``; :mod:`curation.pii.email_names`, where the record-wide
  use of an address's local part lives too).
- The speaker naming themself ("I'm Flint Mustard", "My name is Oyunchimeg Bull"), or a pair
  alone on the line after a closing with a phone or an e-mail on the next line or nothing
  after ("Thanks,\\nFlint Bean\\n+63 …"): the first word the table ranks as a name at all or
  does not know, the last any capitalised word but a stop word or a firm's or a street's last
  word (``name:self``).
- The recipient line of an address block written street first ("New address:\\nWillow
  Mustard\\nJugoslávská 2353/150\\n602 00 Brno"): a line of two or three capitalised words
  after a line ending in ":", above a street-and-number line and a postcode line; the first
  word a given name of the table (``name:label``).
- A top given name that is also a tool's name, then a surname, before an identifier ("Travis
  Parsley, SSN …") (``name:tool-given``).
- Two words the table does not know, the last written with a glottal stop ("Sione Vake'uli",
  "add Losaline Vake'uli to …"); a first word of three letters only after a verb that moves
  a person on a list ("add Ana Tu'ipulotu") (``name:self``).
- A word the table does not know greeted and closed by "," or "!" ("Hi Munkhtsetseg,"), not
  a group ("Hi Zoomers,") (``name:self``).

None reads a list of names. Tuned on round 6 (both halves, spent) ``chats6``/``addresses6``:
see the tuning log in bench/pii_eval/README.md.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from curation.pii import name_table as nt
from curation.pii.closings import INTRO_BEFORE, SIGN_OFF_BEFORE
from curation.pii.email_names import email_local_names
from curation.pii.name_kind import kind, position_given, stop
from curation.pii.strong_positions import LABEL_SOURCE
from curation.pii.vocab import (
    NOT_NAMES,
    ORG_TAIL_WORDS,
    PARTICLES,
    STREET_TYPES_EN,
    TECH_TERMS,
    TITLES,
)
from curation.pii.word_names import _ID_AFTER, _PAIR, surname_word, unknown_pair

SELF_SOURCE = "name:self"
TOOL_GIVEN_SOURCE = "name:tool-given"  # precision keeps its first word (see precision._trim)
# A given name that is also a tool's name ("Travis", "Ruby") must rank this high as a given
# name, in this many countries, to open a name before an identifier.
TOOL_GIVEN_RANK = 300
TOOL_GIVEN_COUNTRIES = 3
_CONTACT_LINE = regex.compile(r"^[ \t]*(?:\+?\(?\d[\d \t().\-]{5,}\d|[\w.+\-]+@\w)")
# What may follow a name in running text: punctuation, the end, or a lower-case word.
_END_AFTER = regex.compile(r"^(?:[ \t]*(?:[.,;:!?)]|$)|[ \t]+\p{Ll})")
_STREET_LINE = regex.compile(
    r"(?m)^[ \t]*\p{Lu}[\p{L}\p{M}.\-]+(?:[ \t]+[\p{L}\p{M}.\-]+){0,3}[ \t]+\d{1,5}"
    r"(?:[/\-]\d{1,5})?\p{L}?[ \t]*\n[ \t]*(?:\p{Lu}{1,2}-)?\d{3,5}(?:[ \t]\d{2})?[ \t]+\p{Lu}"
)
_RECIPIENT_LINE = regex.compile(
    r"(?m):[ \t]*\n[ \t]*(\p{Lu}[\p{Ll}\p{M}]+(?:[ \t]+\p{Lu}[\p{Ll}\p{M}]+){1,2})[ \t]*\n"
)
_MOVED_BEFORE = regex.compile(
    r"(?i)\b(?:add|move|seat|register|enrol|enroll|invite|assign|transfer|book)[ \t]+$"
)
# "Vake'uli", "Fa'alogo"; not a possessive or a contraction ("Ilangovan's", "Tom'll").
_GLOTTAL = regex.compile(r"\p{Ll}['’](?!ll\b|re\b|ve\b)\p{Ll}{2,}")
_GREETING = regex.compile(
    r"(?:^|[\s\"“'(])(?i:hi|hello|hey|dear)[ \t]+(\p{Lu}[\p{Ll}\p{M}]{4,})[ \t]*[,!]"
)
# A group greeted ("Hi Zoomers", "Dear Subscribers"): a plural of people, no name.
_GROUP_NOUN = regex.compile(r"(?:ers|ors|ists|ians|ites|ees|ies|ants|ents)$")
_PLACE_TAILS = frozenset(t.lower() for t in STREET_TYPES_EN) | ORG_TAIL_WORDS


def _first_word(word: str) -> bool:
    """A word that may open a name where the slot already says a person stands: one the
    table ranks as a name however common ("Flint", "Buck") or does not know ("Oyunchimeg")."""
    if len(word) < 3 or (stop(word) and not _tool_given(word)) or word.lower() in PARTICLES:
        return False
    found = nt.info(word)
    if found is None:
        return not nt.is_common(word)
    return found.given_rank > 0 or found.surname_rank > 0 or position_given(word)


def _last_word(word: str) -> bool:
    low = word.lower()
    return (
        len(word) >= 2
        and not stop(word)
        and low not in _PLACE_TAILS
        and low not in PARTICLES
        and low not in TECH_TERMS
    )


def _self_slot(text: str, start: int, end: int) -> bool:
    """The speaker's introduction, or a signature line after a closing with contact details
    or nothing under it."""
    if INTRO_BEFORE.search(text[max(0, start - 24) : start]):
        return bool(_END_AFTER.match(text[end : end + 3]))
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or not SIGN_OFF_BEFORE.search(text[:line_start][-40:]):
        return False
    line_end = text.find("\n", end)
    if line_end < 0:
        return not text[end:].strip(" \t.")
    return not text[end:line_end].strip(" \t") and (
        bool(_CONTACT_LINE.match(text[line_end + 1 :])) or not text[line_end:].strip()
    )


def _tool_given(word: str) -> bool:
    """A top given name that only the technical-terms list stops ("Travis")."""
    low = word.lower()
    if low not in TECH_TERMS or low in NOT_NAMES or low in TITLES:
        return False
    found = nt.info(word)
    return (
        found is not None
        and 0 < found.given_rank <= TOOL_GIVEN_RANK
        and found.given_countries >= TOOL_GIVEN_COUNTRIES
    )


def self_names(text: str) -> Iterable[tuple[int, int, str]]:
    """Pairs in a speaker's or a signature's slot, a tool-named person before an identifier,
    a listed unknown pair with a glottal stop (see the module docstring)."""
    for m in _PAIR.finditer(text, overlapped=True):
        first, last = m.group(1), m.group(2)
        start, end = m.start(), m.end()
        if _first_word(first) and _last_word(last) and _self_slot(text, start, end):
            yield start, end, TOOL_GIVEN_SOURCE if _tool_given(first) else SELF_SOURCE
        elif (
            _tool_given(first)
            and (kind(last) in ("G", "S", "U") or surname_word(last))
            and _ID_AFTER.match(text[end : end + 24])
        ):
            yield start, end, TOOL_GIVEN_SOURCE
        elif (
            unknown_pair(first, last)
            and _GLOTTAL.search(last)
            and (len(first) >= 4 or _MOVED_BEFORE.search(text[max(0, start - 12) : start]))
        ):
            yield start, end, SELF_SOURCE
    for m in _GREETING.finditer(text):
        word = m.group(1)
        if kind(word) == "U" and not _GROUP_NOUN.search(word):
            yield m.start(1), m.end(1), SELF_SOURCE


def recipient_names(text: str) -> Iterable[tuple[int, int, str]]:
    """The recipient line of an address block written street first (module docstring)."""
    if ":" not in text or "\n" not in text:
        return
    for m in _RECIPIENT_LINE.finditer(text):
        words = m.group(1).split()
        if not position_given(words[0]) or not all(_last_word(w) for w in words):
            continue
        if _STREET_LINE.match(text, m.end()):
            yield m.start(1), m.end(1), LABEL_SOURCE


def conversation_names(text: str) -> Iterable[tuple[int, int, str]]:
    """``(start, end, source)`` of every name of this module's rules."""
    yield from email_local_names(text)
    yield from self_names(text)
    yield from recipient_names(text)
