"""Names made of everyday words ("Grace Cash", "Will Stone", "Penny Rivers"), told by where
they stand.

The name table reads "Cash", "Love" or "Rivers" as common English words, so a capitalised pair
ending in one is refused as a name ("Elden Ring", "Grace Hopper Award"). Yet the same table
ranks these words as surnames in several countries, and "Chase", "Summer", "Ruby" as given
names. A pair of a given-name word then a surname word (both ranked by the table, whatever
their English frequency) is read as a person where a person stands:

- after a cue to a person ("ask", "I'm", "pay", "my supplier", a rank in capitals such as
  "CPL" or "Lt Col") — ``name:word-pair``;
- before ", <identifier>" (an e-mail, a phone, "(", "<") — ``name:word-pair``;
- on the line after a letter's closing ("cheers, talk soon\\nChase Love") — ``name:word-pair``;
- after "to", "for", "with", "by"; alone on its line, or as a list item before ":" or "," ("- Lily Glass: Friday"), or as the
  subject of a verb at the start of a sentence ("Grace Cash returned …") —
  ``name:word-pair-weak``, which the public-figure policy may keep in a record with no
  private context ("Billy Elliot" answering a quiz).

No word list of names is read: only the table's ranks, token shape and the words around.
Tuned on round 4 ``chats4``/``addresses4`` **dev** (see bench/pii_eval/README.md).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import regex

from curation.pii import name_table as nt
from curation.pii.closings import ID_SEPARATOR, ID_WORDS, OWNED_NOUNS, SIGN_OFF_LINE_END
from curation.pii.cue_context import mail_subject
from curation.pii.name_kind import kind
from curation.pii.vocab import (
    NOT_NAMES,
    ORG_TAIL_WORDS,
    PARTICLES,
    TECH_TERMS,
    TITLES,
    load,
    longest_first,
)

# Ranks of the table (names-dataset, 105 countries): a given-name word must be ranked within
# GIVEN_RANK in GIVEN_COUNTRIES countries ("Chase" 597th in 5), a surname word within
# SURNAME_RANK anywhere ("Salt" 1,344th). Checked on round 4 chats4 dev, where everyday
# "Will" and "Rose" also occur as words: the position does the rest.
GIVEN_RANK = 1000
GIVEN_COUNTRIES = 3
SURNAME_RANK = 1500
# English frequency (zipf × 10) above which a word is a function word, not a name ("The", "And").
MAX_ZIPF = 62
# …unless it is a top given name in many countries: "Will" (zipf 6.4) is a modal verb and a name.
TOP_GIVEN_RANK = 300
TOP_GIVEN_COUNTRIES = 5
MAX_ZIPF_TOP = 66
# Where a person must stand (a cue, a rank, an identifier after it, a sign-off), a rarer given
# name of the table will do: ranked anywhere up to LOOSE_GIVEN_RANK in LOOSE_GIVEN_COUNTRIES
# ("Harmony", "Dusty", "Sage"), and a surname that is also a tool's name ("Swift").
LOOSE_GIVEN_RANK = 2500
LOOSE_GIVEN_COUNTRIES = 2
LOOSE_MAX_ZIPF = 45  # and not an everyday word beyond "harmony" (4.1): not "Classic" (4.7)
STRONG_SOURCE = "name:word-pair"
WEAK_SOURCE = "name:word-pair-weak"

_MONTHS_DAYS = frozenset(
    (
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday",
    )
)  # fmt: skip
_NAME_WORD = r"\p{Lu}[\p{Ll}\p{M}]+(?:['’]\p{Lu}?[\p{Ll}\p{M}]+)?(?:-\p{Lu}[\p{Ll}\p{M}]+)?"
_PAIR = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}'’\-.@])({_NAME_WORD})[ \t]+({_NAME_WORD})(?![\p{{L}}\p{{M}}'’\-@]|\.\w)"
)
# Nouns of people a name may follow ("my supplier Penny Glass", "tutor Rose Golden").
_PERSON_NOUNS = sorted({*load("person_nouns"), *load("person_roles")}, key=longest_first)
# "to", "for", "with": a person follows as often as a place or a work ("a room devoted to
# Jagadish Chandra Bose"), so these leave the pair to the public-figure policy.
_WEAK_CUE_BEFORE = regex.compile(r"(?i)\b(?:to|for|with|is|from|by|and)[ \t]*[:,]?[ \t]+$")
_CUE_BEFORE = regex.compile(
    r"(?i)(?:\b(?:its|it['’]s|i['’]m|im|i am|name is|named|called|cc|attn|"
    r"contact|this is|ask|asked|tell|told|thank|thanks|pay|paid|email|emailed|call|text|ping|"
    r"message|meet|met|hi|hello|hey|dear|"
    + "|".join(regex.escape(n).replace("'", "['’]") for n in _PERSON_NOUNS)
    + r")[ \t]*[:,]?[ \t]+)$"
)
# "my physio", "our landlord": whatever the noun, "my"/"our" already make the text private,
# and a person's name follows a noun of them as often as not.
_MY_NOUN_BEFORE = regex.compile(r"\b(?i:my|our)[ \t]+\p{Ll}{3,}[ \t]+$")
# A military rank or grade right before a name on service mail: "CPL", "PO2", "SSgt", "Lt Col"
# (a word in capitals, or an honorific or rank of ``titles.txt``).
_LAST_WORD = regex.compile(r"(?:^|[\s:,(])([\p{L}\d]+)(\.?)[ \t]+$")
_ROMAN = regex.compile(r"^[IVXLC]+$")
# A model number or an edition right after the pair: "Queen Mary 2", "Stanley Quencher H2.0".
# Prefixes of a ship's name, in capitals like a rank: "SS Edmund Fitzgerald", "HMS Victory".
_VESSEL_BEFORE = regex.compile(r"(?:^|\s)(?:SS|HMS|USS|RMS|MV|HMAS|HMCS|HMNZS|RV)[ \t]+$")
_MODEL_AFTER = regex.compile(r"^[ \t]+\p{Lu}{0,2}\d[\w.]{0,4}(?![\w.]|[ \t]*[\d(+])")
_CAPS_RANK = regex.compile(r"^\p{Lu}{2,4}\d?$|^\p{Lu}\p{Ll}?\p{Lu}\p{Ll}{1,3}$")


def person_cue_before(before: str) -> bool:
    """``before`` (the text up to a word) ends in a cue to a person: "ask", "thanks", "dear",
    "my landlord", "I'm"…"""
    return bool(_CUE_BEFORE.search(before[-40:]))


def _rank_before(before: str) -> bool:
    m = _LAST_WORD.search(before[-12:])
    if m is None:
        return False
    word = m.group(1)
    if word.lower() in TITLES:
        return True
    # "CPL", "PO2" and "SSgt" stand undotted; "II." numbers a list.
    return not m.group(2) and bool(_CAPS_RANK.match(word)) and not _ROMAN.match(word)


_ID_AFTER = regex.compile(
    rf"(?i){ID_SEPARATOR}(?:[\w.+\-]+@|\+?\d(?![\d]{{0,2}}[ \t]+\p{{L}})|<|{ID_WORDS})"
)
# "move Malia Fuimaono-Tauiliili to table 2": a request moves a person, and a double-barrelled
# surname of two words unknown to the table and English carries a first word it reads as English.
_MOVED_BEFORE = regex.compile(
    r"(?i)\b(?:move|put|seat|re-?seat|add|remove|enrol|enroll|register|assign|reassign|transfer|"
    r"invite|uninvite|swap|unassign)[ \t]+$"
)


def _double_barrel(first: str, last: str) -> bool:
    parts = last.split("-")
    return (
        len(parts) == 2
        and first.lower() not in NOT_NAMES
        and all(len(p) >= 4 and kind(p) == "U" for p in parts)
    )


# "Nekesa Mugo's admin account": what a person alone owns follows the possessive.
_OWNED_AFTER = regex.compile(rf"(?i)^[ \t]+(?:[\p{{L}}\-]+[ \t]+)?(?:{OWNED_NOUNS})\b")
_BULLET = regex.compile(r"^[ \t]*(?:[-*•]|\d{1,2}[.)])?[ \t]*$")
_LINE_REST = regex.compile(r"^[ \t]*(?:[:,;–—][^\n]*|-[ \t][^\n]*|\([^\n]*)?$")
_SENTENCE_START = regex.compile(r"(?:^|[.!?][ \t]+)$")
_VERB_TAGS = frozenset({"VBD", "VBZ", "MD"})


def _known(word: str) -> nt.NameInfo | None:
    found = nt.info(word)
    if found is None or word.lower() in _MONTHS_DAYS:
        return None
    top = found.given_rank <= TOP_GIVEN_RANK and found.given_countries >= TOP_GIVEN_COUNTRIES
    if found.zipf >= (MAX_ZIPF_TOP if top and found.given_rank else MAX_ZIPF):
        return None
    return found


@functools.lru_cache(maxsize=20_000)
def given_word(word: str) -> bool:
    """A word the table ranks as a given name in several countries, common word or not; or
    in one or two countries when English does not use it as a common word ("Hunter": a
    surname first, a given name in the US and Canada)."""
    low = word.lower()
    found = _known(word)
    if found is None or low in NOT_NAMES or low in TITLES or low in PARTICLES:
        return False
    if not 0 < found.given_rank <= GIVEN_RANK:
        return False
    return found.given_countries >= GIVEN_COUNTRIES or not nt.is_common(word)


@functools.lru_cache(maxsize=20_000)
def surname_word(word: str) -> bool:
    """A word the table ranks as a surname (or a given name), common word or not."""
    low = word.lower()
    if low in TECH_TERMS or low in PARTICLES or low in ORG_TAIL_WORDS:
        return False  # "India Post", "Chase Bank": a firm's last word
    if "-" in word:
        return all(surname_word(p) or nt.is_name(p) for p in word.split("-"))
    found = _known(word)
    if found is None:
        return False
    return (0 < found.surname_rank <= SURNAME_RANK) or given_word(word)


def _unknown_surname(word: str) -> bool:
    """A word neither the table nor English knows ("Gaskins", "Ellingworth"): after a given
    name, a surname the table lacks."""
    low = word.lower()
    return (
        len(word) >= 4
        and nt.info(word) is None
        and not nt.is_common(word)
        and low not in TECH_TERMS
        and low not in ORG_TAIL_WORDS
    )


# Letters only Vietnamese writes (horn, breve, dot below, hook above…), not Portuguese "ã".
_VIETNAMESE = regex.compile(r"[ơưăđƠƯĂĐạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịĩọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹ]")


def vietnamese_pair(first: str, last: str) -> bool:
    """Two capitalised syllables, one with a letter only Vietnamese writes: "Lã Thơ", "Hứa
    Thơ". The table folds "Thơ" to "tho", an English word, so it cannot tell."""
    return (
        len(first) <= 7
        and len(last) <= 7
        and bool(_VIETNAMESE.search(first + last))
        and "-" not in first + last
    )


# A Mandarin syllable in pinyin without tones: an optional initial, then a final.
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|"
    r"in|ua|uo|ui|un|ue|a|o|e|i|u)"
)
_PINYIN = regex.compile(rf"(?i)(?:{_PINYIN_SYLLABLE}){{1,2}}")
CHINESE_SURNAME_RANK = 300


def chinese_pair(first: str, last: str) -> bool:
    """A family name then a pinyin given name ("Du Ruoxi", "Du Shuting") where the family name
    is also a particle or a word of another language, so the run rule skips it: the family
    name is ranked as a surname by the table, the given name is one or two pinyin syllables
    the table knows at most as a rare given name. "Du Bois", "De Niro", "Feng Shui" are not."""
    if not (2 <= len(first) <= 4 and 3 <= len(last) <= 8 and "-" not in first + last):
        return False
    if not _PINYIN.fullmatch(first) or not _PINYIN.fullmatch(last):
        return False
    family, given = nt.info(first), nt.info(last)
    if family is None or not 0 < family.surname_rank <= CHINESE_SURNAME_RANK:
        return False
    return given is None or (given.surname_rank == 0 and given.zipf < nt.RARE_ZIPF)


def _only_vietnamese(first: str, last: str) -> bool:
    if given_word(first) and (surname_word(last) or _unknown_surname(last)):
        return False
    return not (chinese_pair(first, last) or unknown_pair(first, last))


def word_pair(first: str, last: str) -> bool:
    """A given-name word then a surname word: "Chase Banks", "Penny Salt", "Cliff Gaskins";
    or two Vietnamese syllables."""
    if vietnamese_pair(first, last) or chinese_pair(first, last):
        return True
    return given_word(first) and (surname_word(last) or _unknown_surname(last))


def unknown_pair(first: str, last: str) -> bool:
    """Two words that neither the table nor English knows ("Nekesa Mugo", "Harlan Nettles"):
    a name the table lacks, read as one only where a person stands (see :func:`word_pairs`)."""
    return all(
        len(w) >= 3 and kind(w) == "U" and w.lower() not in ORG_TAIL_WORDS for w in (first, last)
    )


def loose_given(word: str) -> bool:
    low = word.lower()
    found = _known(word)
    if found is None or low in NOT_NAMES or low in TITLES or low in PARTICLES:
        return False
    return (
        0 < found.given_rank <= LOOSE_GIVEN_RANK
        and found.given_countries >= LOOSE_GIVEN_COUNTRIES
        and found.zipf < LOOSE_MAX_ZIPF
    )


def _loose_surname(word: str) -> bool:
    if surname_word(word) or _unknown_surname(word):
        return True
    found = _known(word)
    low = word.lower()
    return (
        found is not None
        and low in TECH_TERMS
        and low not in ORG_TAIL_WORDS
        and 0 < found.surname_rank <= SURNAME_RANK
    )


def loose_pair(first: str, last: str) -> bool:
    """A pair :func:`word_pair` refuses that still reads as a name where a person must
    stand: "Harmony Finch, SSN …", "physio Glen Swift", "Yours sincerely,\nDusty Silver"."""
    return loose_given(first) and _loose_surname(last)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _after_closing(text: str, line_start: int) -> bool:
    if line_start == 0:
        return False
    prev_end = line_start - 1
    prev_start = text.rfind("\n", 0, prev_end) + 1
    return bool(SIGN_OFF_LINE_END.search(text[prev_start:prev_end]))


def _verb_follows(doc: Any, end: int, text: str) -> bool:
    """The word after the pair is a verb in the past or third person ("returned", "handles")."""
    nxt = regex.match(r"[ \t]+(\p{Ll}+)", text[end : end + 30])
    if nxt is None:
        return False
    if doc is None:
        return False
    span = doc.char_span(end + nxt.start(1), end + nxt.end(1))
    return span is not None and len(span) == 1 and span[0].tag_ in _VERB_TAGS


def word_pairs(text: str, doc: Any = None) -> Iterable[tuple[int, int, str]]:
    """``(start, end, source)`` of everyday-word names where a person stands."""
    for m in _PAIR.finditer(text, overlapped=True):
        first, last = m.group(1), m.group(2)
        if _double_barrel(first, last) and _MOVED_BEFORE.search(
            text[max(0, m.start() - 16) : m.start()]
        ):
            yield m.start(), m.end(), WEAK_SOURCE
            continue
        known = word_pair(first, last)
        unknown = not known and unknown_pair(first, last)
        loose = not known and not unknown and loose_pair(first, last)
        if not (known or unknown or loose):
            continue
        start, end = m.start(), m.end()
        line_start, line_end = _line_bounds(text, start, end)
        before, after = text[line_start:start], text[end:line_end]
        if _MODEL_AFTER.match(after) or _VESSEL_BEFORE.search(before):
            continue
        if (
            # a role noun ("Subject: Tern Vektron stock") is too loose a cue for unknown words
            (
                _CUE_BEFORE.search(before[-40:])
                and not unknown
                and not mail_subject(text, before, after)
            )
            or _MY_NOUN_BEFORE.search(before[-30:])
            or _rank_before(before)
            or _ID_AFTER.match(after)
            or (_BULLET.match(before) and not after.strip() and _after_closing(text, line_start))
        ):
            yield start, _unowned(last, end), STRONG_SOURCE
        elif loose and not (_BULLET.match(before) and _LINE_REST.match(after)):
            continue  # a looser pair stands as a list item at most ("- Harmony Yusof (L)")
        elif (
            # after "to"/"for" two Vietnamese syllables are a city as often: "to Hà Nội"
            (_WEAK_CUE_BEFORE.search(before[-12:]) and not _only_vietnamese(first, last))
            or (_BULLET.match(before) and _LINE_REST.match(after))
            or (_SENTENCE_START.search(before) and _verb_follows(doc, end, text))
            # a possessor: what a person owns ("… account"), or anything when the table
            # reads the pair as names ("Rocky Uribarren's attendance")
            or (last[-2:] in ("'s", "’s") and (known or _OWNED_AFTER.match(after)))
        ):
            yield start, _unowned(last, end), WEAK_SOURCE


def _unowned(last: str, end: int) -> int:
    """The end of the name without a possessive "'s": "<PERSON>'s attendance" reads on."""
    return end - 2 if last[-2:] in ("'s", "’s") else end
