"""Names by their siblings in a list: the text's own evidence for items no word list knows.

A list of people ("- Dusty Hatch (shirt S)\\n- Sage Hall (shirt M)", "Tilly Hargreaves, Chance
Cazacu and Glen Sequeira") holds items of one kind. When at least half of its name-shaped
items were found as names, the others are names too, though their words are everyday words
("Sage Hall"), provided the first is a given name of the table. The new spans carry the source ``name:sibling``, which
the public-figure policy treats like the model's (a list of public figures stays public).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from curation.pii import name_table as nt
from curation.pii.roster import line_runs
from curation.pii.spans import Span
from curation.pii.vocab import NOT_NAMES, TECH_TERMS, TITLES
from curation.pii.word_names import given_word, loose_given

SOURCE = "name:sibling"
SCORE = 0.72

_WORD = r"\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)?"
_ITEM = rf"{_WORD}(?:[ \t]+{_WORD}){{1,2}}"
# "- Sage Hall (shirt M)", "2. Sage Hall: goalkeeper": an item opening a bullet line.
_BULLET_ITEM = regex.compile(
    rf"(?m)^[ \t]*(?:[-*•]|\d{{1,2}}[.)])[ \t]+(?P<item>{_ITEM})(?=[ \t]*(?:[(:,;–—]|-[ \t]|$))"
)
# "A B, C D and E F": two or more items joined by commas and a last "and".
_INLINE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}'’\-])(?P<item>{_ITEM})(?:,[ \t]+(?P<item>{_ITEM}))*,?[ \t]+(?:and|&)[ \t]+"
    rf"(?P<item>{_ITEM})(?![\p{{L}}\p{{M}}'’\-])"
)


def _lists(text: str) -> Iterable[list[tuple[int, int]]]:
    """Item spans per list: consecutive bullet lines, and inline lists."""
    yield from line_runs(_BULLET_ITEM, text, "item")
    for m in _INLINE.finditer(text):
        yield list(m.spans("item"))


def _name_shaped(value: str) -> bool:
    """No stop word, and a first word the name table knows as a given name, however common
    ("Sage", "Harmony"): a list's products ("Vauxhall Astra") open with no given name."""
    words = value.split()
    if any(w.lower() in NOT_NAMES or w.lower() in TITLES or w.lower() in TECH_TERMS for w in words):
        return False
    return nt.is_given(words[0]) or given_word(words[0]) or loose_given(words[0])


def sibling_names(text: str, found: Sequence[Span]) -> list[Span]:
    """PERSON spans for the items of a list whose siblings were mostly found as names."""
    people = [(s.start, s.end) for s in found if s.entity == "PERSON"]
    taken = [(s.start, s.end) for s in found]
    out: list[Span] = []
    for items in _lists(text):
        if len(items) < 2:
            continue
        named = [it for it in items if any(ps <= it[0] and it[1] <= pe for ps, pe in people)]
        if not named or 2 * len(named) < len(items):
            continue
        for start, end in items:
            if any(s < end and start < e for s, e in taken):
                continue
            value = text[start:end]
            if _name_shaped(value):
                out.append(Span(start, end, "PERSON", value, SCORE, SOURCE))
    return out
