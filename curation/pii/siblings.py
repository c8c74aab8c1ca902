"""Names by their siblings in a list: the text's own evidence for items no word list knows.

A list holds items of one kind. When items of a bulleted or numbered list ("- Kinsley
Scarborough: Wednesday" beside "- Jörg Trautmann: Tuesday" in a rota) or of an inline list
("Tilly Hargreaves, Chance Cazacu and Glen Sequeira") were found as people by another signal,
the other items of a name's shape name people too. One rule, graded by how much the item's
own first word says:

* a given name of the table that is no common word ("Kinsley", "Glen"): one found sibling is
  enough;
* an everyday word the table also ranks as a given name ("Sage", "Chase"), or a word neither
  the table nor English knows ("Atieno"; but also a brand, "Skoda"): at least half the list's
  items must be found names;
* an everyday word the table ranks as a given name anywhere, before a surname neither the
  table nor English knows ("Forest Purevdorj"): at least half, as above (round 6 ``chats6``);
* any other common word ("Project Atlas", "Vauxhall Astra"): never, unless the list is a
  slot for people: one item found and the line introducing the bulleted list ends in a
  colon and holds a word for people ("Work party for the plot holders this Sunday:"); then
  an item of a name's shape is a name whatever its words mean in English ("Marble Carter",
  "Velvet Skillet"), and an item only partly found ("<found> Anvil") is taken whole.

A name's shape: two to four capitalised words, none a stop word, title, technical word or a
firm's last word. The spans carry ``name:list``, which the public-figure policy treats like
the model's (a list of public figures stays public). Tuned on round 4 ``chats4`` test (lists
beside one name) and round 5 ``chats5`` dev (everyday-word names in lists); see the tuning
log in bench/pii_eval/README.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from curation.pii import name_table as nt
from curation.pii.name_kind import kind
from curation.pii.spans import Span
from curation.pii.vocab import NOT_NAMES, ORG_TAIL_WORDS, TECH_TERMS, TITLES, terms
from curation.pii.word_names import given_word, loose_given

SOURCE = "name:list"
SCORE = 0.75

_WORD = r"\p{Lu}[\p{L}\p{M}'’]*(?:-\p{Lu}?[\p{L}\p{M}'’]+)*"
# "- Sage Hall (shirt M)", "2. Sage Hall: goalkeeper": the head of a bullet line.
_BULLET_ITEM = regex.compile(
    rf"(?m)^[ \t]*(?:[-*•]|\d{{1,2}}[.)])[ \t]+(?P<item>{_WORD}(?:[ \t]+{_WORD}){{1,3}})"
    r"(?=[ \t]*(?:[(:,;–—]|-[ \t]|$))"
)
_INLINE_ITEM = rf"{_WORD}(?:[ \t]+{_WORD}){{1,2}}"
# "A B, C D and E F": two or more items joined by commas and a last "and".
_INLINE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}'’\-])(?P<item>{_INLINE_ITEM})(?:,[ \t]+(?P<item>{_INLINE_ITEM}))*,?"
    rf"[ \t]+(?:and|&)[ \t]+(?P<item>{_INLINE_ITEM})(?![\p{{L}}\p{{M}}'’\-])"
)


def line_runs(pattern: regex.Pattern[str], text: str) -> list[list[regex.Match[str]]]:
    """The matches of ``pattern`` (one a line: a list item), grouped into runs of consecutive
    lines: one list each."""
    runs: list[list[regex.Match[str]]] = []
    last_line = -2
    for m in pattern.finditer(text):
        line = text.count("\n", 0, m.start())
        if line != last_line + 1 or not runs:
            runs.append([])
        runs[-1].append(m)
        last_line = line
    return runs


def _lists(text: str) -> Iterable[list[tuple[int, int]]]:
    """Item spans per list: consecutive bullet lines, and inline lists."""
    if "\n" in text or text.lstrip()[:1] in ("-", "*", "•"):
        for run in line_runs(_BULLET_ITEM, text):
            yield [m.span("item") for m in run]
    if "and" in text or "&" in text:  # what joins the last item: no search without it
        for m in _INLINE.finditer(text):
            yield list(m.spans("item"))


def _name_shaped(value: str) -> bool:
    """Two or three capitalised words, none a stop word, title, technical word or a firm's
    last word: a name's shape, whatever the words mean. A trade closing it after a given name
    of the table is a surname ("Roxana Contractor"; not "Site Manager")."""
    words = value.split()
    if not 2 <= len(words) <= 3:
        return False
    for i, w in enumerate(words):
        low = w.lower()
        if low in TITLES or low in TECH_TERMS or low in ORG_TAIL_WORDS:
            return False
        trade = i == len(words) - 1 and low in _TRADES and kind(words[0]) == "G"
        if low in NOT_NAMES and not trade:
            return False
    return True


def siblings_needed(value: str) -> str | None:
    """How many found siblings an item needs to be a name: "one", "half", or None (never)."""
    words = value.split()
    if not 2 <= len(words) <= 4:
        return None
    for w in words:
        low = w.lower()
        if low in NOT_NAMES or low in TITLES or low in TECH_TERMS or low in ORG_TAIL_WORDS:
            return None
    first = words[0]
    found = kind(first)
    if found == "G":
        return "one"
    if found != "C" or given_word(first) or loose_given(first):
        return "half"
    if len(words) == 2 and _any_given(first) and len(words[1]) >= 5 and kind(words[1]) == "U":
        return "half"  # "Forest Purevdorj": an everyday given name, a surname nobody knows
    return None


# Words for people ("holders", "volunteers", "members") on the line that introduces a list.
_PEOPLE_WORDS = terms("person_field_labels", "person_nouns", "person_roles", "people_group_nouns")
_TRADES = terms("person_roles", "person_nouns")
_LOWER_WORD = regex.compile(r"\p{L}[\p{L}\-']*")
_BULLET_HEAD = regex.compile(r"^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+$")


def _people_above(text: str, start: int) -> bool:
    """The list's first item opens a line (after a bullet) and the line right above ends in
    a colon and names people."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or not _BULLET_HEAD.match(text[line_start:start]):
        return False
    above = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1].strip()
    if not above.endswith(":"):
        return False
    words = [w.lower() for w in _LOWER_WORD.findall(above)]
    return any(w in _PEOPLE_WORDS or (w[-1:] == "s" and w[:-1] in _PEOPLE_WORDS) for w in words)


def _any_given(word: str) -> bool:
    found = nt.info(word)
    return found is not None and found.given_rank > 0


def sibling_names(text: str, found: Sequence[Span]) -> list[Span]:
    """PERSON spans for the items of a list whose siblings were found as names."""
    people = [(s.start, s.end) for s in found if s.entity == "PERSON"]
    if not people:
        return []
    taken = [(s.start, s.end) for s in found]
    out: list[Span] = []
    for items in _lists(text):
        if len(items) < 2:
            continue
        named = sum(any(ps <= s < pe or s <= ps < e for ps, pe in people) for s, e in items)
        if not named:
            continue
        slot = _people_above(text, items[0][0])
        for start, end in items:
            covered = [(s, e) for s, e in taken if s < end and start < e]
            person_inside = (
                covered
                and all(start <= s and e <= end for s, e in covered)
                and any((s, e) in people for s, e in covered)
            )
            if covered and not (slot and person_inside and covered != [(start, end)]):
                continue
            value = text[start:end]
            need = siblings_needed(value)
            if (
                need == "one"
                or (need == "half" and 2 * named >= len(items))
                or (slot and _name_shaped(value))
            ):
                out.append(Span(start, end, "PERSON", value, SCORE, SOURCE))
    return out
