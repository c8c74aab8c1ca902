"""Names told by a position strong enough that the words need little name evidence of their
own: everyday words ("River Lemon", "Lark Barley") and rare ones ("Tuhiwai") alike.

- A form field whose label names a person ("Applicant: River Lemon", "Name: …" in a form that
  also holds an e-mail address or a phone) (``name:label``).
- A rank in capitals before the recipient of a record that carries military mail ("1LT River
  Fisher, Unit 4479 Box 7488") (``name:label``).
- The line right above a PO-box line ("Goldie Castle\\nPostboks 8166") (``name:label``).
- The name on a card ("name on card CHIP PARISH"), capitals and all, and what a card says
  ("The card says BABIRYE MULINDWA", every word no everyday word) (``name:card``).
- A surname and an initial after an agent's "by" ("countersigned by Tower, B.") (``name:initial``).
- Where a pair is already a person's place (an identifier after it, a signature line after a
  closing, a cue before it, a person's verb after it at a sentence's start), a first word the
  name table ranks as a given name in two countries however common it is ("River", "Liberty"),
  or a last word neither the table nor English knows ("Tuhiwai"), is enough
  (``name:position``).
- "booked under Nikau Te Rangi": a booking, reservation or registration under a name
  (``name:position``).
- "Morning Oneil!": a greeting by the time of day, the name closed by "!" or ","
  (``name:position``).

Each value is two to four capitalised words, none a stop word (common word list, title,
technical word, a firm's last word). Tuned on round 5 (both halves, spent) ``chats5`` and
``addresses5``: see the tuning log in bench/pii_eval/README.md.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import regex

from curation.pii.closings import AGENT_VERBS, INTRO_OR_THIS_BEFORE
from curation.pii.cue_context import mail_subject
from curation.pii.firm_signals import country_named
from curation.pii.name_kind import kind, position_given, stop
from curation.pii.vocab import (
    LOOSE_PERSON_LABELS,
    ORG_TAIL_WORDS,
    PARTICLES,
    PERSON_LABELS,
    STREET_TYPES_EN,
    STRICT_ROLE_WORDS,
    TITLES,
    data_lines,
    load,
    longest_first,
)
from curation.pii.word_names import (
    _BULLET,
    _CUE_BEFORE,
    _ID_AFTER,
    _PAIR,
    _SENTENCE_START,
    _after_closing,
    _line_bounds,
    surname_word,
)

LABEL_SOURCE = "name:label"
CARD_SOURCE = "name:card"
UPPER_LABEL_SOURCE = "name:label-upper"
POSITION_SOURCE = "name:position"

_WORD = r"\p{Lu}[\p{L}\p{M}]*(?:['’]\p{Lu}?[\p{Ll}\p{M}]+)?(?:-\p{Lu}[\p{Ll}\p{M}]+)?"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{1,3}}"
_STRICT_LABELS = PERSON_LABELS
_LOOSE_LABELS = LOOSE_PERSON_LABELS
# The label may follow a heading on its line ("Form submission: Name: Serik Root"), stand
# alone on the line above its value ("SHIP TO:\nWADE ROOT"), or open a field of a one-line
# form whose fields " | " parts ("Name: Serik Root | Address: …").
_FIELD = regex.compile(
    r"(?m)(?:^|[ \t]\|)[ \t]*(?:[-*•][ \t]+)?(?:[A-Za-z][A-Za-z ]{1,24}:[ \t]+)?"
    r"(?P<label>[A-Za-z][A-Za-z ]{1,24}?)[ \t]*:(?:[ \t]*|[ \t]*\n[ \t]*)"
    rf"(?P<value>{_NAME})[ \t]*(?:$|(?=\|))"
)
_FORM_ID = regex.compile(r"[\w.+\-]+@[\w\-]+\.\w|\+?\d[\d ()\-.]{6,}\d")
_MILITARY_MAIL = regex.compile(r"\b(?:(?:PSC|CMR|Unit)[ \t]+\d+[ \t,]+Box|[AFD]PO[ \t]+A[AEP])\b")
_RANK = regex.compile(
    rf"(?<![\w\-])(?P<rank>\d?\p{{Lu}}{{2,4}}\d?|\p{{Lu}}\p{{Ll}}?\p{{Lu}}\p{{Ll}}{{1,3}})[ \t]+"
    rf"(?P<value>{_WORD}(?:[ \t]+{_WORD}){{1,2}})(?=[ \t]*(?:[,:\n\"]|$))"
)
_ADDRESSED_RANK = regex.compile(r"(?:^|\n|(?i:\b(?:for|to|attn:?|c/o))[ \t]+)$")
_NOT_RANKS = frozenset({"PSC", "CMR", "APO", "FPO", "DPO", "AE", "AP", "AA", "PO", "USPS"})
# "The cardholder is Ana Quist", "account holder Ana Quist": the holder of a card or an
# account is a person, whatever the words of the name are.
_CARD = regex.compile(
    r"(?i:name[ \t]+on[ \t]+(?:the[ \t]+)?card|(?:card|account)[ \t]?holder(?:['’]s)?"
    r"(?:[ \t]+name)?(?:[ \t]+(?:is|was))?)[ \t]*:?[ \t]+"
    r"(?P<value>\p{Lu}+(?:[ \t]+\p{Lu}+){1,3}|" + _NAME + r")(?![\p{L}\p{M}])"
)
# "The card says BABIRYE MULINDWA", "the name on my card reads Ana Quist": what a card shows.
_CARD_SAYS = regex.compile(
    r"(?i:\bcard[ \t]+(?:says|reads|shows)|name[ \t]+on[ \t]+(?:the[ \t]+|my[ \t]+)?card[ \t]+"
    r"(?:is|says|reads|shows))[ \t]*:?[ \t]+"
    r"(?P<value>\p{Lu}+(?:[ \t]+\p{Lu}+){1,3}|" + _NAME + r")(?![\p{L}\p{M}])"
)
_AGENT_SURNAME = regex.compile(
    r"(?i:\b(?:" + AGENT_VERBS + r")[ \t]+by[ \t]+)"
    r"(?P<value>\p{Lu}[\p{Ll}\p{M}'’\-]+,[ \t]+\p{Lu}\.)"
)
_PARTICLE = "|".join(sorted((regex.escape(p.title()) for p in PARTICLES), key=longest_first))
_BOOKED_UNDER = regex.compile(
    r"(?i:\b(?:booked|reserved|registered|listed|held|filed|made|put|"
    # "It's under Bud Root": the thing just named is under a name
    r"(?:it|that|this)(?:['’]s|[ \t]+is|[ \t]+was))[ \t]+under"
    r"(?:[ \t]+the[ \t]+name(?:[ \t]+of)?)?[ \t]+)"
    rf"(?P<value>{_WORD}(?:[ \t]+(?:(?:{_PARTICLE})[ \t]+)?{_WORD}){{1,2}})"
)
# "Morning Oneil!": a greeting by the time of day opening a message, line or sentence, the name
# closed by "!" or ","; not "Good Morning Vietnam is a film", "Tomorrow morning Paris".
_DAY_GREETING = regex.compile(
    r"(?m)(?:^|[.!?][ \t]+)[ \t]*(?i:(?:good[ \t]+)?(?:morning|afternoon|evening))[ \t]*,?[ \t]+"
    rf"(?P<value>{_WORD})(?=[ \t]*[!,])"
)
# "The new volunteers are Ana Quist and Bo de Lind.", "Our tenant is Ana Quist": a word for a
# person's role or field, then "is"/"are", then the names (joined by commas and "and") up to
# the end of the clause.
_PARTICLE_LOWER = "|".join(sorted((regex.escape(p) for p in PARTICLES), key=longest_first))
_NAME_P = rf"{_WORD}(?:[ \t]+(?:(?:{_PARTICLE_LOWER})[ \t]+){{0,2}}{_WORD}){{1,3}}"
_ROLE_IS = regex.compile(
    rf"(?i:\b(?:{STRICT_ROLE_WORDS})s?[ \t]+(?:is|are|was|were)[ \t]+)"
    rf"(?P<value>{_NAME_P}(?:(?:,[ \t]+|,?[ \t]+and[ \t]+){_NAME_P})*)(?=[ \t]*(?:[.,;:!?]|$))"
)
_ONE_NAME = regex.compile(_NAME_P)
_NEXT_WORD = regex.compile(r"[ \t]+(\p{Lu}[\p{L}\p{M}]*)")
_PERSON_VERB = regex.compile(
    r"^[ \t]+(?:" + "|".join(regex.escape(v) for v in load("person_verbs")) + r")\b"
)


@functools.cache
def _box_line() -> regex.Pattern[str]:
    rows = data_lines("address", "po_boxes.tsv")
    terms = [r.split("\t")[2] for r in rows if "\t" in r]
    terms = [t for t in terms if t.lower() != "box"]  # "Box 3, Shelf B": a container too
    alts = "|".join(
        regex.escape(t).replace(r"\ ", r"[ \t]+").replace(r"\.", r"\.?")
        for t in sorted(terms, key=longest_first)
    )
    return regex.compile(
        rf"(?m)^[ \t]*(?P<value>{_WORD}(?:[ \t]+{_WORD}){{1,2}})[ \t]*\n[ \t]*(?i:{alts})[ \t]*\d"
    )


def _clean(words: list[str]) -> bool:
    """No stop word, no firm's last word: the words could be a name."""
    return all(
        not stop(w) and w.lower() not in ORG_TAIL_WORDS for w in words if w.lower() not in PARTICLES
    )


def _some_name(words: list[str]) -> bool:
    """A first word that could open a name (no common word, or a given name of the table
    however common), or a last word neither the table nor English knows ("Tauiliili"):
    "Project Atlas" is no name whatever its label."""
    first, last = words[0], words[-1]
    return kind(first) != "C" or position_given(first) or (len(last) >= 4 and kind(last) == "U")


@functools.lru_cache(maxsize=20_000)
def _field_names(text: str) -> Iterable[tuple[int, int, str]]:
    form_id: bool | None = None
    for m in _FIELD.finditer(text):
        label = " ".join(m.group("label").lower().split())
        if label not in _STRICT_LABELS:
            if label not in _LOOSE_LABELS:
                continue
            if form_id is None:
                form_id = bool(_FORM_ID.search(text))
            if not form_id:
                continue
        value = m.group("value")
        words = [w.title() if w.isupper() else w for w in value.split()]
        if _clean(words) and _some_name(words):
            # a name in capitals ("SHIP TO:\nWADE ROOT"): precision lets capitals through
            yield (
                m.start("value"),
                m.end("value"),
                UPPER_LABEL_SOURCE if value.isupper() else LABEL_SOURCE,
            )


def _rank_names(text: str) -> Iterable[tuple[int, int, str]]:
    mail = bool(_MILITARY_MAIL.search(text))
    for m in _RANK.finditer(text):
        rank = m.group("rank")
        if rank in _NOT_RANKS or not _clean(m.group("value").split()):
            continue
        # Without military mail, a rank of the titles list written in capitals and addressed
        # ("Care package for CPT Ana Quist:", "to 1LT Ana Quist,") still names its holder.
        if mail or (
            rank.isupper()
            and rank.lower() in TITLES
            and _ADDRESSED_RANK.search(text, max(0, m.start() - 12), m.start())
        ):
            yield m.start("value"), m.end("value"), LABEL_SOURCE


_PLACE_TAILS = frozenset(t.lower() for t in STREET_TYPES_EN) | ORG_TAIL_WORDS


def _place_or_firm(word: str) -> bool:
    """A word that ends a place's or a firm's name ("under Victoria Station", "Lincoln
    Park"), as a pair's last word or the word after it. Other common words stay possible
    surnames ("It's under Bud Root"): firms named after a place and a common noun ("Austin
    Energy") are left to the other signals."""
    return word.lower() in _PLACE_TAILS


_CAPITAL_WORD_BEFORE = regex.compile(r"(?:^|(.)[ \t]*)(?<![\p{L}'’])(\p{Lu}\p{Ll}+)[ \t]+$")


def _title_noun_before(before: str, first: str) -> bool:
    """A person's noun written with a capital inside a sentence, before an everyday word, is
    a title's first word ("Compare Sister Golden Hair and …"), not a cue ("my sister Ana")."""
    m = _CAPITAL_WORD_BEFORE.search(before[-40:])
    if m is None or kind(first) != "C":
        return False
    return m.group(1) is not None and m.group(1) not in '.!?:\n"“'


def _pair_in_place(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _PAIR.finditer(text, overlapped=True):
        first, last = m.group(1), m.group(2)
        if not _clean([first, last]) or last.lower() in PARTICLES:
            continue  # "Ninja Van": a particle ends no name
        if country_named([first, last]):
            continue  # "…, Kelaniya 11600, Sri Lanka, tel …": an address's country
        given = position_given(first)
        unknown_last = len(last) >= 4 and kind(last) == "U"
        # "Zelimkhan Hood, SSN …": a word nobody knows before an everyday word the table
        # ranks as a surname, in a slot that holds a person.
        unknown_first = len(first) >= 4 and kind(first) == "U" and surname_word(last)
        if not (given or unknown_last or unknown_first):
            continue
        start, end = m.start(), m.end()
        line_start, line_end = _line_bounds(text, start, end)
        before, after = text[line_start:start], text[end:line_end]
        more = _NEXT_WORD.match(after)
        if more and (stop(more.group(1)) or _place_or_firm(more.group(1))):
            continue  # the run goes on as a firm's or a thing's name: "Lotte Global Logistics"
        if (
            _ID_AFTER.match(after)
            # a role noun ("Subject: Tern Vektron stock") is too loose a cue for an unknown
            # word; the speaker's own "I'm" is not
            or (
                _CUE_BEFORE.search(before[-40:])
                and not _title_noun_before(before, first)
                and (given or INTRO_OR_THIS_BEFORE.search(before))
                and not _place_or_firm(last)  # "Contact Lincoln Park", "call Cole Labs"
                and not mail_subject(text, before, after)
            )
            or (_BULLET.match(before) and not after.strip() and _after_closing(text, line_start))
            or (
                _SENTENCE_START.search(before)
                and position_given(first)
                and (kind(last) != "C" or surname_word(last))
                and _PERSON_VERB.match(after)
            )
        ):
            yield start, end, POSITION_SOURCE


def _card_names(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _CARD.finditer(text):
        words = [w.title() if w.isupper() else w for w in m.group("value").split()]
        if _clean(words):
            yield m.start("value"), m.end("value"), CARD_SOURCE
    if "card" in text.lower():
        for m in _CARD_SAYS.finditer(text):
            # a card also says "DECLINED" or "VISA DEBIT": one word at least no everyday
            # word ("JURICKSON ANVIL": a surname may be a thing's name)
            words = [w.title() if w.isupper() else w for w in m.group("value").split()]
            if _clean(words) and any(kind(w) != "C" for w in words):
                yield m.start("value"), m.end("value"), CARD_SOURCE


def strong_position_names(text: str) -> Iterable[tuple[int, int, str]]:
    """``(start, end, source)`` of names told by their position (see the module docstring)."""
    if ":" in text:
        yield from _field_names(text)
    yield from _rank_names(text)
    if "\n" in text:
        for m in _box_line().finditer(text):
            words = m.group("value").split()
            if _clean(words) and _some_name(words):
                yield m.start("value"), m.end("value"), LABEL_SOURCE
    yield from _card_names(text)
    for m in _AGENT_SURNAME.finditer(text):
        if _clean([m.group("value").split(",")[0]]):
            yield m.start("value"), m.end("value"), "name:initial"
    for m in _BOOKED_UNDER.finditer(text):
        words = m.group("value").split()
        # "It's under Buck Drake": every word a surname of the table will do
        named = _some_name(words) or all(surname_word(w) for w in words)
        if _clean(words) and named and not _place_or_firm(words[-1]):
            yield m.start("value"), m.end("value"), POSITION_SOURCE
    for m in _ROLE_IS.finditer(text):
        for one in _ONE_NAME.finditer(text, m.start("value"), m.end("value")):
            words = [w for w in one.group().split() if w.lower() not in PARTICLES]
            if _clean(words) and not _place_or_firm(words[-1]):
                yield one.start(), one.end(), POSITION_SOURCE
    for m in _DAY_GREETING.finditer(text):
        word = m.group("value")
        if _clean([word]) and kind(word) != "C":
            yield m.start("value"), m.end("value"), POSITION_SOURCE
    yield from _pair_in_place(text)
