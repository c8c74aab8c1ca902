"""Names told by their position in a message, whatever the words are (issue 13).

Each rule reads the shape of the lines around a span, never a list of names; the name table
only vetoes words that are never names (stop words, titles, technical terms, a firm's last
word). Where the slot is strong (a signature over contact lines, the line over an address, a
list item beside an e-mail, phone or age) everyday words count too ("Temperance Grange"), as
long as one of them is ranked by the table as a name or none is an everyday word.

- **Signature block**: the last lines of a message, or of a quoted block ("> …"): a line of
  one to four name-shaped words, then only lines of a job title, a firm, a phone, an e-mail
  or a web address; the block follows a closing line ("Kind regards,") or holds a phone or
  an e-mail. Also "Name, Job Title" as the last line of a message or quote, the title's
  last word a person's noun ("Funeral Director", "Claims Adjuster II")
  (``name:signature``).
- **Recipient over an address**: the line right above an address block found by
  ``address_shapes`` (or the start of its line, before a comma or a colon), or the line
  after "send it to:", holding one to four name-shaped words, with an optional rank or
  honorific ("SGT Bristol Haskins", "Dr. Ana Quist"); and the two to four words after
  "letters/invoices/parcels … for|to" (``name:recipient``).
- **List items of one shape**: two or more bulleted or numbered lines "<name> <separator>
  <tail>" whose tails are all of one kind: an e-mail, a phone or an age that says so make
  the slot strong ("- Ana Quist (age 34)", "1. Ana Quist, ana@…") (``name:list-id``); a
  role in words or a bare number ("1. Ana Quist — treasurer", "- Ana Quist (34)", which
  could count widgets) needs one word the table knows as a name, and is read like the
  model's finding by the public-figure policy (``name:list``).
  Items whose tails are one role word for word ("- Rok Pirc (background, market scene)"), under
  a line ending in a colon that names people ("Extras confirmed for Tuesday:") or with a
  person's word in the tail, are a list of people: two name words suffice
  (``name:list-people``, private evidence).
- **Possessive of something only a person owns**: "Kwizera's account", "Tulip's login"
  (``name:possessive``).
- **Two unknown words joined by a name particle** that no Romance place name uses ("Sunnvá
  við Streym", "Marta í Stórustovu"; not "Rio de Janeiro"): read like the name table's
  finding by the public-figure policy (``name:particle``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from curation.pii import name_table as nt
from curation.pii.closings import OWNED_NOUNS, PERSON_NOUN, SIGN_OFF_LINE_END
from curation.pii.name_kind import kind, stop
from curation.pii.siblings import line_runs
from curation.pii.spans import ENTITY_PRIORITY, Span
from curation.pii.vocab import (
    NOT_NAMES,
    ORG_TAIL_WORDS,
    PARTICLES,
    STREET_TYPES_EN,
    TECH_TERMS,
    TITLES,
    terms,
)

SCORE = 0.75
_PLACE_TAILS = frozenset(t.lower() for t in STREET_TYPES_EN)
SIGNATURE_SOURCE = "name:signature"
RECIPIENT_SOURCE = "name:recipient"
LIST_ID_SOURCE = "name:list-id"
LIST_SOURCE = "name:list"
PEOPLE_LIST_SOURCE = "name:list-people"
POSSESSIVE_SOURCE = "name:possessive"
PARTICLE_SOURCE = "name:particle"

_WORD = r"\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*"
_INITIAL = r"\p{Lu}\."
_PART = r"\p{Ll}{1,4}"  # a particle between name words: "á", "van", "við"; checked below
_NAME = rf"(?:{_WORD}|{_INITIAL})(?:[ \t]+(?:{_PART}[ \t]+){{0,2}}(?:{_WORD}|{_INITIAL})){{0,3}}"
# A rank, grade or honorific before a recipient: "SGT", "PO2", "Lt.", "Capt.", "Mrs".
_RANK = r"(?:(?:\p{Lu}{2,4}\d?|\p{Lu}\p{Ll}{1,3}\.|Mrs|Mr|Ms|Mx|Dr|Miss|Prof)[ \t]+){0,2}"
_NAME_LINE = regex.compile(
    rf"[ \t]*(?:[-–—~][ \t]*)?(?P<rank>{_RANK})(?P<name>{_NAME})[ \t]*,?[ \t]*$"
)
_TOKENS = regex.compile(rf"{_WORD}|{_INITIAL}|{_PART}")

_PHONE = r"\+?\(?\d[\d \t().\-/]{5,}\d"
_EMAIL = r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"
_URL = r"(?:https?://|www\.)\S+"
_CONTACT = (
    r"(?:(?:tel|phone|mobile|mob|cell|fax|direct|office|email|e-mail|web|[tmefw])[ \t]*[.:][ \t]*)?"
    rf"(?:{_PHONE}|{_EMAIL}|{_URL})"
)
# "+44 20 7946 0321", "T: +298 21 34 56 | E: ana@…": a line of contact details only.
_CONTACT_SEP = (
    r"(?:[ \t]*[|,·•][ \t]*|[ \t]+(?=(?:tel|phone|mobile|email|e-mail|web|[tmefw])[ \t]*[.:]))"
)
_CONTACT_LINE = regex.compile(rf"(?i)[ \t]*{_CONTACT}(?:{_CONTACT_SEP}{_CONTACT})*[ \t]*$")
# A job title or a firm's line: a few words, no sentence in them.
_TITLE_LINE = regex.compile(r"[ \t]*\p{Lu}[^\n.?!:;]{0,60}$")
_TITLE_WORDS = regex.compile(
    r"^(?P<title>(?:\p{Lu}[\p{L}\-&]*|of|and|&|for)(?:[ \t]+(?:\p{Lu}[\p{L}\-&]*|of|and|&|for))"
    r"{0,5})[ \t]*$"
)
_LEVEL = regex.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|\d)$")
_QUOTE = regex.compile(r"[ \t]*>[ \t]?")
# Particles that also join the words of places and things in Romance languages ("Rio de
# Janeiro", "Costa del Sol", "Notre Dame de Paris"): not enough on their own.
_PLACE_PARTICLES = frozenset(
    {"de", "la", "del", "di", "da", "du", "dos", "das", "della", "el", "le", "y", "e", "st"}
    | {"st.", "al", "dela", "delos"}
)
_PARTICLE_RUN = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}'’\-.])(?P<name>{_WORD}[ \t]+(?P<part>\p{{Ll}}{{1,5}})[ \t]+{_WORD})"
    r"(?![\p{L}\p{M}'’\-])"
)

_ITEM = regex.compile(
    rf"(?m)^[ \t]*(?:[-*•]|\d{{1,2}}[.)])[ \t]+(?P<name>{_NAME})[ \t]*"
    r"(?P<sep>\(|,|:|–|—|-|\|)[ \t]*(?P<tail>[^\n]*?)[ \t]*\)?[ \t]*\r?$"
)
# "age 34", "34 y/o", "aged 9": an age that says so. A bare "(34)" counts things as often.
_AGE = regex.compile(
    r"(?i)^(?:(?:age[ \t]*:?|aged)[ \t]*\d{1,3}|\d{1,3}[ \t]*(?:y/?o|yrs?|years?(?:[ \t]+old)?))$"
)
_NUMBER = regex.compile(r"^\d{1,3}$")
_ID_TAIL = regex.compile(rf"^(?:{_EMAIL}|{_PHONE})$")
_ROLE_TAIL = regex.compile(r"^[\p{L}][\p{L}\-]*(?:,?[ \t]+[\p{L}][\p{L}\-]*){0,4}$")
# Words for people, singular: a list introduced by one ("Extras confirmed for Tuesday:") or
# whose tails hold one ("- Ana Quist (volunteer, front desk)") lists people.
_PEOPLE_WORDS = terms("person_field_labels", "person_nouns", "person_roles", "people_group_nouns")
_LOWER_WORD = regex.compile(r"\p{L}[\p{L}\-']*")

_POSSESSIVE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}'’\-.])(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,2}})['’]s[ \t]+"
    rf"(?i:(?:[\p{{L}}\-]+[ \t]+)?(?:{OWNED_NOUNS}))\b"
)


def _words(value: str) -> list[str]:
    return [w for w in _TOKENS.findall(value) if not w.endswith(".")]


def name_words(value: str, *, strong: bool, slot: bool = False) -> bool:
    """Whether ``value`` (its particles and initials aside) can be a person's name in a slot:
    no word that is never a name; one word alone must be a given name or a word the table
    does not know; with ``strong``, everyday words pass when the table ranks one of them as
    a name or is unknown and none of those is a frequent English word ("Temperance Grange",
    "Jyldyz Spear"; not "Post Office"), otherwise none may be an everyday word and the last
    must be a name. With ``slot`` (a place only a person's name fills: the line after "send it
    to:", the line over an address, a signature under a closing and over a job title), two
    or three words pass whatever they mean in English ("Ballad Crumb", "Anthem Biscuit")."""
    tokens = _words(value)
    words = [w for w in tokens if not (w.islower() and w in PARTICLES)]
    if not words or len(words) > 4 or any(w.islower() for w in words):
        return False
    for w in words:
        low = w.lower()
        if stop(w) or low in NOT_NAMES or low in TITLES or low in TECH_TERMS:
            return False
        if low in ORG_TAIL_WORDS:
            return False
    kinds = [kind(w) for w in words]
    if len(words) > 1 and words[-1].lower() in _PLACE_TAILS and not _ranked(words[-1]):
        return False  # "Kensington Gardens", "Elm Crescent"; not "Laurel Branch"
    if len(words) == 1:
        return kinds[0] == "G" or (kinds[0] == "U" and len(words[0]) >= 4 and strong)
    if slot and len(words) <= 3 and not PERSON_NOUN.search(words[-1]):
        return True  # not a job title ("Purchasing Coordinator") under a name
    if "C" not in kinds:
        return True
    if not strong:
        return kinds[-1] != "C" and any(k in ("G", "S") for k in kinds)
    return any(_namely(w) for w in words)


# Above this frequency in English (zipf × 10) a word ranked as a name is read as the word:
# "Post Office", "Shipping Address", "Ship To" name no person, "Kuarahy Bolt" does.
SLOT_MAX_ZIPF = 45


def _ranked(word: str) -> bool:
    found = nt.info(word)
    return found is not None and (found.given_rank > 0 or found.surname_rank > 0)


def _namely(word: str) -> bool:
    """A word that may carry a name in a strong slot: a name or a word the table does not
    know, or one it ranks as a name, and not a frequent English word."""
    found = nt.info(word)
    if found is not None and found.zipf >= SLOT_MAX_ZIPF:
        return False
    return _ranked(word) or kind(word) != "C"


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _blocks(text: str, lines: list[tuple[int, int]]) -> Iterable[list[tuple[int, int]]]:
    """The message's lines, and each quoted block's lines without their "> " mark; a line is
    ``(start, end)`` of its content."""
    body = [(s, e) for s, e in lines if not _QUOTE.match(text, s, e)]
    yield body
    quoted: list[tuple[int, int]] = []
    for s, e in lines:
        mark = _QUOTE.match(text, s, e)
        if mark:
            quoted.append((mark.end(), e))
        elif quoted:
            yield quoted
            quoted = []
    if quoted:
        yield quoted


def _name_span(
    text: str, s: int, e: int, *, strong: bool, slot: bool = False
) -> tuple[int, int] | None:
    m = _NAME_LINE.match(text, s, e)
    if m is None or not name_words(m.group("name"), strong=strong, slot=slot):
        return None
    return m.start("name"), m.end("name")


def _titled(text: str, s: int, e: int) -> tuple[int, int] | None:
    """ "Ana Quist, Funeral Director": the name's span, if the rest is a person's title."""
    line = text[s:e]
    comma = line.find(",")
    if comma < 0:
        return None
    title = _TITLE_WORDS.match(line[comma + 1 :].strip())
    if title is None:
        return None
    words = title.group("title").split()
    while len(words) > 1 and _LEVEL.match(words[-1]):
        words.pop()
    if not PERSON_NOUN.search(words[-1]) or any(w.lower() in ORG_TAIL_WORDS for w in words):
        return None
    return _name_span(text, s, s + comma, strong=True)


def _contact(text: str, start: int, end: int) -> bool:
    """A line of contact details. Bare digits need nine or more, so that years ("1815-1852")
    and counts are no phone; a "+", a label, an e-mail or a web address speak for themselves."""
    if not _CONTACT_LINE.match(text, start, end):
        return False
    line = text[start:end]
    if "+" in line or "@" in line or "www." in line or "://" in line or ":" in line:
        return True
    return sum(ch.isdigit() for ch in line) >= 9


def signature_names(text: str) -> Iterable[tuple[int, int, str]]:
    lines = _lines(text)
    for block in _blocks(text, lines):
        filled = [(s, e) for s, e in block if text[s:e].strip()]
        if not filled:
            continue
        last_s, last_e = filled[-1]
        titled = _titled(text, last_s, last_e)
        if titled is not None:
            yield *titled, SIGNATURE_SOURCE
            continue
        yield from _signature(text, block)


def _signature(text: str, block: list[tuple[int, int]]) -> Iterable[tuple[int, int, str]]:
    """A name line over contact or title lines at the block's end."""
    end = len(block)
    while end and not text[block[end - 1][0] : block[end - 1][1]].strip():
        end -= 1
    for i in range(end - 1, max(-1, end - 6), -1):
        s, e = block[i]
        span = _name_span(text, s, e, strong=True)
        under = block[i + 1 : end]
        titles_ok = all(_contact(text, a, b) or _TITLE_LINE.match(text, a, b) for a, b in under)
        prev = next((p for p in reversed(block[:i]) if text[p[0] : p[1]].strip()), None)
        closed = prev is not None and bool(SIGN_OFF_LINE_END.search(text, prev[0], prev[1]))
        if span is None:
            # under a closing and over a job title, the line holds the signer's name
            # whatever its words mean ("Yours sincerely,\nAnthem Biscuit\nChorus Master")
            wide = _name_span(text, s, e, strong=True, slot=True) if under else None
            if wide is not None and titles_ok and closed:
                yield *wide, SIGNATURE_SOURCE
                return
            if not _TITLE_LINE.match(text, s, e) and not _contact(text, s, e):
                return
            continue
        contact = any(_contact(text, a, b) for a, b in under)
        blank_before = i == 0 or not text[block[i - 1][0] : block[i - 1][1]].strip()
        if titles_ok and (closed or (contact and (blank_before or len(under) >= 2))):
            yield *span, SIGNATURE_SOURCE
            return
        if not under and PERSON_NOUN.search(text[s:e].split()[-1]):
            continue  # the block's last line is a job title ("Falconry Instructor")
        return


# What may stand on an address's first line before the block: "House No.", "Av.", "Flat 2,".
_HOUSE = r"(?:(?:[\p{Lu}\d][^\s]*|n[º°o]\.?)[ \t]+){0,4}"
# "Ana Quist, 12 Main St…" at the start of the line; "invoices for Ana Quist: 12 Main St…".
_BEFORE_ADDRESS = regex.compile(
    rf"(?:^[ \t]*{_RANK}(?P<name>{_NAME})[ \t]*,|(?:^|(?<=[ \t]))(?P<name>{_WORD}"
    rf"(?:[ \t]+{_WORD}){{0,3}})[ \t]*:)[ \t]*{_HOUSE}$"
)
# In a sentence, the addressee after "to" or "for" and before a comma or "at": "Send it to
# Ana Quist, PO Box 12, …", "DHL has a phone for Ana Quist at Villa 35, …".
_SENTENCE_BEFORE_ADDRESS = regex.compile(
    rf"(?<![\p{{L}}])(?i:to|for|c/o|attn\.?)[ \t]+{_RANK}(?P<name>{_WORD}"
    rf"(?:[ \t]+(?:{_PART}[ \t]+)?{_WORD}){{1,3}})[ \t]*(?:,|[ \t]at)[ \t]*{_HOUSE}$"
)


# "Please send it to:", "Ship the parcel to:", "Please ship the X (order 12) with Y to:"
# closing a line: the next line names the recipient, whether or not the address under it is
# one we read. The verb opens a sentence of the line, so "to:" is its destination.
_SEND_TO = regex.compile(
    r"(?im)(?:^|[.!?][ \t]+)[ \t]*(?:please[ \t]+|can[ \t]+you[ \t]+|could[ \t]+you[ \t]+)?"
    r"(?:send|ship|deliver|post|mail|forward|redirect|address)\b[^\n.!?]{0,120}?"
    r"[ \t]to[ \t]*:[ \t]*\r?\n(?:[ \t]*\r?\n)?"
    r"|\b(?:send|ship|deliver|post|mail|forward|redirect|address)(?:[ \t]+[\p{L}\-]+){0,2}"
    r"[ \t]+to[ \t]*:[ \t]*\r?\n"
)


# "letters for Ana Quist", "invoices addressed to Ana Quist": post names its addressee.
_MAIL_FOR = regex.compile(
    r"(?i:\b(?:letters?|mail|post|invoices?|parcels?|packages?|statements?|bills?|"
    r"correspondence)(?:[ \t]+addressed)?[ \t]+(?:for|to)[ \t]+)"
    rf"(?P<name>{_WORD}(?:[ \t]+(?:{_PART}[ \t]+)?{_WORD}){{1,3}})(?![\p{{L}}\p{{M}}'’\-])"
)


def recipient_names(text: str, addresses: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Each recipient once (see :func:`_recipients`)."""
    return list(dict.fromkeys(_recipients(text, addresses)))


def _recipients(text: str, addresses: Sequence[tuple[int, int]]) -> Iterable[tuple[int, int, str]]:
    """The name over each address block's first line, or before it on that line, and the
    line after a "send it to:", and the addressee of post ("letters for Ana Quist")."""
    for m in _MAIL_FOR.finditer(text):
        if name_words(m.group("name"), strong=True):
            yield m.start("name"), m.end("name"), RECIPIENT_SOURCE
    for m in _SEND_TO.finditer(text):
        end = text.find("\n", m.end())
        span = _name_span(text, m.end(), len(text) if end < 0 else end, strong=True, slot=True)
        if span is not None:
            yield *span, RECIPIENT_SOURCE
    for start, _end in addresses:
        line_start = text.rfind("\n", 0, start) + 1
        head = text[line_start:start]
        same = _BEFORE_ADDRESS.search(head)
        if same and name_words(same.group("name"), strong=True):
            yield line_start + same.start("name"), line_start + same.end("name"), RECIPIENT_SOURCE
            continue
        # In a sentence ("to Main Hall at 12 Hope Road") one word must be a name's.
        told = _SENTENCE_BEFORE_ADDRESS.search(head)
        if told and name_words(told.group("name"), strong=True):
            if any(_namely(w) for w in _words(told.group("name"))):
                yield (
                    line_start + told.start("name"),
                    line_start + told.end("name"),
                    RECIPIENT_SOURCE,
                )
            continue
        if same:
            continue
        if not regex.fullmatch(rf"[ \t]*{_HOUSE}", head) or line_start == 0:
            continue
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        span = _name_span(text, prev_start, line_start - 1, strong=True, slot=True)
        if span is not None:
            yield *span, RECIPIENT_SOURCE


def _tail_kind(tail: str) -> str:
    tail = tail.strip(" \t()")
    if _AGE.match(tail):
        return "age"
    if _NUMBER.match(tail):
        return "number"
    if _ID_TAIL.match(tail):
        return "id"
    if _ROLE_TAIL.match(tail):
        return "role"
    return ""


def list_names(text: str) -> Iterable[tuple[int, int, str]]:
    """Runs of two or more list items of one shape (see the module docstring)."""
    for run in line_runs(_ITEM, text):
        if len(run) < 2:
            continue
        kinds = {_tail_kind(m.group("tail")) for m in run}
        seps = {m.group("sep") for m in run}
        if len(kinds) != 1 or len(seps) != 1 or "" in kinds:
            continue
        strong = kinds <= {"age", "id"}
        if not strong and _people_list(text, run):
            for m in run:
                if len(_words(m.group("name"))) >= 2 and name_words(m.group("name"), strong=False):
                    yield m.start("name"), m.end("name"), PEOPLE_LIST_SOURCE
            continue
        for m in run:
            if name_words(m.group("name"), strong=strong) and (
                strong or len(_words(m.group("name"))) >= 2
            ):
                yield m.start("name"), m.end("name"), LIST_ID_SOURCE if strong else LIST_SOURCE


def _people_word(line: str) -> bool:
    words = [w.lower() for w in _LOWER_WORD.findall(line)]
    return any(w in _PEOPLE_WORDS or (w[-1:] == "s" and w[:-1] in _PEOPLE_WORDS) for w in words)


def _people_list(text: str, run: list[regex.Match[str]]) -> bool:
    """A list of people, not of things: role tails the items share word for word, or a
    line ending in a colon right above the list, or a tail, that holds a word for people."""
    tails = {m.group("tail").strip(" \t()").lower() for m in run}
    if len(tails) != 1 or _tail_kind(next(iter(tails))) != "role":
        return False
    start = run[0].start()
    above = text[text.rfind("\n", 0, max(0, start - 1)) + 1 : start].strip()
    return (above.endswith(":") and _people_word(above)) or _people_word(next(iter(tails)))


def possessive_names(text: str) -> Iterable[tuple[int, int, str]]:
    """The owner in "<Name>'s account": the longest run of words before "'s" that can be a
    name ("Also Kwizera's login" gives "Kwizera")."""
    for m in _POSSESSIVE.finditer(text):
        spans = [(w.start(), w.end()) for w in regex.finditer(r"\S+", m.group("name"))]
        for first in range(len(spans)):
            start = m.start("name") + spans[first][0]
            value = text[start : m.end("name")]
            words = value.split()
            single = len(words) == 1
            if single and kind(words[0]) == "C" and not _given(words[0]):
                continue
            if name_words(value, strong=True) or (single and _given(words[0])):
                yield start, m.end("name"), POSSESSIVE_SOURCE
                break


def _given(word: str) -> bool:
    """A word the table ranks as a given name and no list calls never a name ("Serenity")."""
    found = nt.info(word)
    low = word.lower()
    return (
        found is not None and found.given_rank > 0 and not stop(word) and low not in ORG_TAIL_WORDS
    )


def particle_names(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _PARTICLE_RUN.finditer(text):
        part = m.group("part")
        if part not in PARTICLES or part in _PLACE_PARTICLES:
            continue
        first, last = m.group("name").split()[0], m.group("name").split()[-1]
        if all(len(w) >= 3 and kind(w) in ("G", "S", "U") and not stop(w) for w in (first, last)):
            yield m.start("name"), m.end("name"), PARTICLE_SOURCE


def slot_names(text: str, found: Sequence[Span]) -> list[Span]:
    """PERSON spans of this module's slots in ``text``; ``found``: the text's other findings
    (its address blocks place the recipients; nothing is added over a span of an entity that
    outranks a person: an e-mail, a phone, an address…)."""
    addresses = [
        (s.start, s.end)
        for s in found
        if s.entity == "STREET_ADDRESS" and s.source.startswith("address")
    ]
    # Only a stronger entity vetoes a slot: the model's place or firm guess does not.
    others = [
        (s.start, s.end)
        for s in found
        if ENTITY_PRIORITY.get(s.entity, 1) > ENTITY_PRIORITY["PERSON"]
    ]
    candidates = [
        *signature_names(text),
        *recipient_names(text, addresses),
        *(list_names(text) if "\n" in text else ()),
        *(possessive_names(text) if "s " in text else ()),
        *particle_names(text),
    ]
    out = []
    for start, end, source in candidates:
        if any(s < end and start < e for s, e in others):
            continue
        out.append(Span(start, end, "PERSON", text[start:end], SCORE, source))
    return out
