"""A found name's given name, told by the record itself: once "Rutledge" is a person (found as
"Ms Rutledge"), the capitalised word right before another mention of it ("for Meadow
Rutledge", a recipient line "Hye-ok Heo") is the rest of the same name, though that word
alone is an everyday word the detector leaves.

The word must be no stop word (common non-name words, titles, technical words, a firm's last
word) and stand mid-sentence ("for Meadow Rutledge": "Meadow" is in no name list), or fill
its line with the name and be a word the name table could read as a name. Tuned on round 2 ``chats2`` (dev and test, spent) and ``addresses2`` test;
see the tuning log in bench/pii_eval/README.md.

The other way, a one-word name found at the start of a pair ("Roxana" of "Roxana
Contractor") takes the capitalised word right after it as its surname, whatever that word
means in English: many surnames are trades and things ("Contractor", "Baker", "Ribbon"). The
word must close the name (no capitalised word after it) and be no title, technical word,
firm's last word, street word, month or weekday, nor a word of the stop lists other than a
noun of a person's trade or role (``person_roles.txt``, ``person_nouns.txt``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from curation.pii.firm_signals import country_named
from curation.pii.name_kind import kind, position_given, stop
from curation.pii.segments import Segment
from curation.pii.spans import Span
from curation.pii.titles import CALENDAR
from curation.pii.vocab import (
    NOT_NAMES,
    ORG_TAIL_WORDS,
    PARTICLES,
    STREET_TYPES_EN,
    TECH_TERMS,
    TITLES,
    terms,
)

SUFFIX = "+given"
_WORD_BEFORE = regex.compile(
    r"(?<![\p{L}\p{M}'’\-.])(\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Ll}[\p{Ll}\p{M}]+)?)[ \t]$"
)
# The capitalised word right after a one-word name, closing it: no capitalised word, digit or
# apostrophe-s after it.
_WORD_AFTER = regex.compile(
    r"[ \t](\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?)(?![\p{L}\p{M}'’\-])"
    r"(?![ \t]+(?:\p{Lu}|\d))"
)
_CALENDAR_WORD = regex.compile(rf"(?i)^{CALENDAR}$")
_TRADES = terms("person_roles", "person_nouns")
_PLACE_WORDS = frozenset(t.lower() for t in STREET_TYPES_EN)
_SENTENCE_START = regex.compile(r"(?:^|[.!?:;\"“(\[]|\n)[ \t]*$")


def _name_word(word: str, mid_sentence: bool) -> bool:
    """Mid-sentence, a capitalised word before a known name is read as its given name unless a
    stop word ("Meadow" is in no name list); filling a line, it must look like a name too."""
    low = word.lower()
    if stop(word) or low in ORG_TAIL_WORDS or low in PARTICLES:
        return False
    return mid_sentence or kind(word) != "C" or position_given(word)


def _line_is_name(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def _surname_after(word: str) -> bool:
    low = word.lower()
    if low in TITLES or low in TECH_TERMS or low in ORG_TAIL_WORDS or low in PARTICLES:
        return False
    if low in _PLACE_WORDS or _CALENDAR_WORD.match(word):
        return False
    return low not in NOT_NAMES or low in _TRADES


def _extend_after(text: str, s: Span) -> Span | None:
    """A one-word name and the surname after it ("Roxana Contractor")."""
    m = _WORD_AFTER.match(text, s.end)
    if m is None or not _surname_after(m.group(1)):
        return None
    if _WORD_BEFORE.search(text, max(0, s.start - 30), s.start):
        return None  # the found word closes a name already: "Meadow Rutledge"
    return replace(s, end=m.end(1), text=text[s.start : m.end(1)], source=s.source + SUFFIX)


def extend_given(segments: Sequence[Segment], kept: list[list[Span]]) -> list[list[Span]]:
    """Each string's spans plus, for a person span, the name word right before it or the
    surname right after it."""
    out: list[list[Span]] = []
    for seg, row in zip(segments, kept, strict=True):
        text = seg.text
        extra: list[Span] = []
        for s in row:
            if s.entity != "PERSON" or not seg.detect or " " in s.text.strip():
                continue  # a full name already has its given name
            after = _extend_after(text, s)
            if after is not None:
                extra.append(after)
                continue
            m = _WORD_BEFORE.search(text, max(0, s.start - 30), s.start)
            if m is None:
                continue
            at = m.start(1)
            mid = not _SENTENCE_START.search(text, max(0, at - 4), at)
            if not mid and not _line_is_name(text, at, s.end):
                continue  # "Ask Rutledge", "Thanks Rutledge": a sentence's first word
            if not _name_word(m.group(1), mid) or country_named(text[at : s.end].split()):
                continue  # "Sri Lanka" for a propagated "Lanka": a country, not a name
            extra.append(replace(s, start=at, text=text[at : s.end], source=s.source + SUFFIX))
        out.append([*row, *extra] if extra else row)
    return out
