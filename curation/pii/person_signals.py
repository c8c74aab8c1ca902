"""Person names found by combining signals spaCy's small model lacks: the name table (is each
word a given name, a surname, a common English word?), token shape, and the words around.

- A run of two to four capitalised words (particles such as ``van der`` or ``Ó`` between
  them) with at least one given name, no common English word and every other word a name or
  an unknown word: "Ama Osei", "Kamau Wekesa", "Joost van den Heuvel", "Hyun-woo Lim".
- One such word after a cue ("to", "for", "with", "is", "its", "I'm", "name is"), or before
  ", <identifier>" (an e-mail, a phone, "SSN", "IBAN"…), or alone on a sign-off line.
- Lower-case names ("hey its golnar hosseini"): a given name and a surname of the table, neither
  a common word, after a cue; or such a pair anywhere when both are rare in English.

Each finding carries its signal as its source (``name:table``, ``name:cue-table``,
``name:signoff-table``, ``name:lower``) so a reviewer sees why it was flagged.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import regex

from curation.pii import name_table as nt
from curation.pii.chat_slots import chat_slot_names
from curation.pii.closings import AGENT_VERBS, ID_SEPARATOR, ID_WORDS, SIGN_OFF_BEFORE
from curation.pii.conversation_names import conversation_names
from curation.pii.name_kind import KIND_CACHE, kind
from curation.pii.name_kind import stop as _stop
from curation.pii.person_lines import line_names
from curation.pii.presidio_import import LocalRecognizer, RecognizerResult
from curation.pii.results import SignalRecognizer, tagged_result
from curation.pii.strong_positions import strong_position_names
from curation.pii.vi_names import vietnamese_full_names
from curation.pii.vocab import JOINING_PARTICLES, PARTICLES, TECH_TERMS
from curation.pii.word_names import STRONG_SOURCE, surname_word, word_pair, word_pairs

PAIR_SCORE = 0.72
CUE_SCORE = 0.65
# "L. Hundessa", "Brar, B.": an initial beside a surname of the table or a word it does not
# know is how rosters and leaderboards write people, wherever it stands in the sentence.
INITIAL_SOURCE = "name:initial-surname"
INITIAL_SCORE = 0.75
LOWER_SCORE = 0.7
# A lower-case pair with no cue must be rarer than this in English (zipf × 10) to be read as a
# name: "golnar hosseini" is, "rose parker" is not.
LOWER_RARE_ZIPF = 30
# spaCy labels (Presidio's names for them) that make a lone name-table word something else.
OTHER_LABELS = frozenset(
    {"GPE", "LOC", "LOCATION", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
)

_WORD = regex.compile(r"[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}][\p{L}\p{M}'’]*)*")
_CUE_BEFORE = regex.compile(
    r"(?i)(?:\b(?:to|for|with|is|its|it's|it’s|i'm|i’m|im|i am|name is|named|called|from|"
    r"cc|attn|contact|this is|me|signed)[ \t]*[:,]?[ \t]+)$"
)
_ID_AFTER = regex.compile(
    rf"(?i){ID_SEPARATOR}(?:[\w.+\-]+@|\+?\d|{ID_WORDS}|employee\b|customer\b)"
)
# A lower-case given name spoken to: "also anas if you read this", "ailbhe, can you …".
_ADDRESSED_AFTER = regex.compile(
    r"^(?:,?[ \t]+(?:if|when|can|could|would|will|did|do|have)[ \t]+you\b|,[ \t]*you\b)"
)
# The writer naming themself: "its", "i'm", "this is" (not "thanks", "cheers, talk soon").
_SELF_CUE = regex.compile(
    r"(?i)(?:\b(?:its|it's|it’s|i'm|i’m|im|i am|this is|name is|name's)[ \t]*[,.:]?[ \t]+)$"
)
_LOWER_CUE = regex.compile(
    r"(?i)(?:\b(?:its|it's|it’s|i'm|i’m|im|i am|this is|name is|name's|names|me|from|thx|"
    r"thanks|cheers|regards)[ \t]*[,.:]?[ \t]+)$"
)


def _result(start: int, end: int, score: float, source: str, rec: LocalRecognizer) -> Any:
    return tagged_result("PERSON", start, end, score, source, rec)


def _particle(word: str) -> bool:
    low = word.lower()
    return low in PARTICLES or low in JOINING_PARTICLES


def _joins(word: str) -> bool:
    """A particle, or Catalan "i" joining a person's two surnames ("Pau Puigventós i
    Ballart"), which a run takes only after two capitalised words."""
    return _particle(word) or word == "i"


_ELIDED = regex.compile(r"^[dl]['’]\p{Lu}\p{Ll}")  # "d'Arnaud", "l'Estrange"
# A surname with an elided article or preposition: "L'Anglais", "D'Huart", "Dall'Ava".
_ELIDED_SURNAME = regex.compile(r"^(?:[DdLl]|D[ae]ll?|[Dd]all?)['’]\p{Lu}[\p{Ll}\p{M}]{2,}$")


def _capitalised(word: str) -> bool:
    return (word[0].isupper() and any(ch.islower() for ch in word)) or bool(_ELIDED.match(word))


# "H. Alemu", "Okoli, C.", "- Malte O.": a name with an initial.
_INITIAL_FIRST = regex.compile(r"(?<![\p{L}.])(\p{Lu})\.[ \t]+(\p{Lu}[\p{L}'’\-]+)")
_INITIAL_LAST = regex.compile(
    # the initial's dot may end the sentence too: "… says Malual, A.. Same player?"
    r"(?<![\p{L}'’\-])(\p{Lu}[\p{L}'’\-]+)(,?)[ \t]+(\p{Lu})\.(?=[\s\"'’”)]|\.(?!\w)|$)"
)
_WORD_BEFORE = regex.compile(r"(\p{Lu}[\p{Ll}\p{M}'’\-]+)[ \t]+$")  # before a middle initial
_DASH_BEFORE = regex.compile(r"[-–—~][ \t]*$")
# The dash opens the line or follows a sentence's end ("Support never answered. - Beom-seok K.").
_LINE_START_DASH = regex.compile(r"(?:^|\n|[.!?][\"'”’)]?[ \t])[ \t]*[-–—~][ \t]*$")
_LINE_END = regex.compile(r"[ \t\"'”’)]*(?:\n|$)")


def _dash_signed(text: str, start: int, end: int) -> bool:
    """A dash before the name signs the text when it opens the line or a sentence, or when
    the name ends the line ("- Malte O."); "Done — Johnny B. Goode and …" is a dash inside a
    sentence."""
    if not _DASH_BEFORE.search(text[max(0, start - 4) : start]):
        return False
    return bool(_LINE_START_DASH.search(text[max(0, start - 12) : start])) or bool(
        _LINE_END.match(text, end)
    )


# "approved by H. Silver", "signed by R. Stone": after an agent's "by", an initial then an
# everyday word that the table also ranks as a surname is a person.
_AGENT_BY = regex.compile(r"(?i)\b(?:" + AGENT_VERBS + r")[ \t]+by[ \t]+$")
_CALL_BEFORE = regex.compile(r"(?i)\b(?:contact|call|ring|phone|email|e-mail)[ \t]*[:,]?[ \t]+$")
_TITLE_BEFORE = regex.compile(r"\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof)\.?[ \t]+$")


# "A. Paris" alone on its line, or before a colon: an outline's lettered item.
_OUTLINE_AFTER = regex.compile(r"^[ \t]*(?::|\r?\n|$)")


# "P. G. Wodehouse", "Eliot, T. S.", "Okafor, C. (2019)", "J. Mensah et al.": an author as
# the public writes and cites them, not a roster's entry.
_INITIAL_BEFORE = regex.compile(r"(?<![\p{L}])\p{Lu}\.[ \t]*$")
_CITED_AFTER = regex.compile(
    r"^,?[ \t]*(?:\p{Lu}\.(?![\p{L}])|\(?\d{4}\b|et[ \t]+al\b|\(eds?\.?\))"
)


def _outline_item(text: str, start: int, end: int) -> bool:
    """An outline's lettered item, or an author written as the public cites them."""
    if _INITIAL_BEFORE.search(text[max(0, start - 4) : start]) or _CITED_AFTER.match(
        text[end : end + 16]
    ):
        return True
    head = text[text.rfind("\n", 0, start) + 1 : start]
    return not head.strip(" \t-*•>#") and bool(_OUTLINE_AFTER.match(text[end : end + 4]))


def _frequent(word: str) -> bool:
    found = nt.info(word)
    return found is not None and found.zipf >= nt.COMMON_ZIPF


def plausible_run(words: list[str]) -> bool:
    """Two to four name words: names of the table or unknown words, at least one known, no
    common word ("Docker Compose", "Elden Ring", "Best Animated Feature" fail)."""
    kinds = [kind(w) for w in words]
    if not 2 <= len(kinds) <= 4 or "C" in kinds:
        return False
    if all(_frequent(w) for w in words):
        return False  # every word an everyday English word too: "India Post", "Rose Garden"
    if any(k in ("G", "S") for k in kinds):
        return True
    return kinds.count("F") >= 2 and "U" not in kinds  # "Hoàng Nam", "Thị Mai"


def _surname_tool(kinds: list[str], last: str) -> bool:
    """A given name, then a tool's name that is also a surname and no common English word:
    "Sarah Jenkins" is a person, though "jenkins" is a technical term."""
    low = last.lower()
    return kinds[0] == "G" and low in TECH_TERMS and not nt.is_common(last) and nt.is_name(last)


def name_evidence(value: str, *, single_known: bool = False, titled: bool = False) -> bool:
    """Whether a span found without a cue can be a name: not when made only of common words
    ("Tetris", "Spirited Away") or ending in one ("Elden Ring"); with ``single_known``, one word
    alone must be a given name of the table."""
    words = _WORD.findall(value)
    kinds = [kind(w) for w in words if not _particle(w)]
    if not kinds:
        return False
    if len(kinds) > 1 and kinds[-1] == "C" and not _surname_tool(kinds, words[-1]):
        return False  # names do not end in a common word: "Elden Ring", "Docker Compose"
    if len(kinds) > 1 and kinds[0] == "C" and not {"G", "S"} & set(kinds):
        return False  # a word then an unknown one: "Adobe Acrobat", "Instant Pot"
    if single_known and len(kinds) == 1 and titled:
        return kinds[0] in ("G", "S", "F", "U")  # "Mrs. Kaya", "Dr. Pietrzak"
    if single_known and len(kinds) == 1:
        # One word alone, with no cue, must be a given name: not "Mijn", and not a surname
        # alone ("Bosch"), which names a firm as often as a person.
        return kinds[0] == "G"
    return any(k in ("G", "S", "U") for k in kinds)


class NameTableRecognizer(SignalRecognizer):
    """Names from the table and their context (see the module docstring)."""

    ENTITY = "PERSON"

    def __init__(self) -> None:
        self._other: list[tuple[int, int]] = []
        self._persons: list[tuple[int, int]] = []
        super().__init__()

    def find(self, text: str, nlp_artifacts: Any = None) -> Iterable[RecognizerResult]:
        entities = getattr(nlp_artifacts, "entities", None) or ()
        self._other = [(e.start_char, e.end_char) for e in entities if e.label_ in OTHER_LABELS]
        self._persons = [(e.start_char, e.end_char) for e in entities if e.label_ == "PERSON"]
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        for start, end, source in vietnamese_full_names(text):
            yield _result(start, end, CUE_SCORE + 0.1, source, self)
        yield from self._capitalised_runs(text, words)
        yield from self._lowercase(text, words, getattr(nlp_artifacts, "tokens", None))
        yield from self._uppercase(text, words)
        yield from self._initials(text)
        for start, end, source in line_names(text, kind, _stop):
            yield _result(start, end, CUE_SCORE + 0.1, source, self)
        for start, end, source in strong_position_names(text):
            if not self._firm_after_call(text, start, end):
                yield _result(start, end, CUE_SCORE + 0.1, source, self)
        for start, end, source in [*conversation_names(text), *chat_slot_names(text)]:
            yield _result(start, end, CUE_SCORE + 0.1, source, self)
        doc = getattr(nlp_artifacts, "tokens", None)
        for start, end, source in word_pairs(text, doc):
            # Where only the shape of the line speaks for a person, spaCy reading the first
            # word as a place ("India Post") or a work outweighs it; a private cue does not.
            first_end = text.find(" ", start, end)
            if source == STRONG_SOURCE or not self._labelled_other(start, first_end):
                yield _result(start, end, CUE_SCORE + 0.1, source, self)

    def _initials(self, text: str) -> Iterable[RecognizerResult]:
        for m in _INITIAL_FIRST.finditer(text):
            word = m.group(2)
            before = text[max(0, m.start() - 24) : m.start()]
            agent = bool(_AGENT_BY.search(before))
            cued = agent or bool(_CUE_BEFORE.search(before))
            # "A." and "I." are words ("by A. Stone"), but after an agent's "by" or a cue and
            # before a surname or a word the table does not know, an initial ("by A. Ormaetxea")
            if _stop(word) or (m.group(1) in "IA" and not (cued and kind(word) in ("S", "U"))):
                continue
            prev = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
            middle = bool(prev) and not _stop(prev[1]) and kind(prev[1]) in ("G", "S", "F", "U")
            if (
                kind(word) in ("G", "S", "U")
                and not middle  # "Jesus H. Christ": a full name, judged by the name policy
                and not _outline_item(text, m.start(), m.end())
            ):
                yield _result(m.start(), m.end(), INITIAL_SCORE, INITIAL_SOURCE, self)
            elif kind(word) in ("G", "S", "U") or (surname_word(word) and agent):
                yield _result(m.start(), m.end(), CUE_SCORE, "name:initial", self)
        for m in _INITIAL_LAST.finditer(text):
            word = m.group(1)
            # "Okoli, C." (a surname) and "- Beom-seok K." (a signature) take any name word;
            # "Malte O." with nothing around wants a given name.
            signed = bool(m.group(2)) or _dash_signed(text, m.start(), m.end())
            if _stop(word) or kind(word) not in (("G", "S", "U", "F") if signed else ("G",)):
                continue
            if m.group(2) and kind(word) in ("G", "S", "U") and not _outline_item(text, *m.span()):
                yield _result(m.start(), m.end(), INITIAL_SCORE, INITIAL_SOURCE, self)
                continue
            source = "name:signoff-initial" if not m.group(2) and signed else "name:initial"
            yield _result(m.start(), m.end(), CUE_SCORE, source, self)

    def _uppercase(
        self, text: str, words: list[tuple[int, int, str]]
    ) -> Iterable[RecognizerResult]:
        """Names typed in capitals ("NAME ON CARD NEKESA WAFULA"): two to four capitalised
        words in a row, each a given name or surname of the table once title-cased."""
        run: list[tuple[int, int, str]] = []
        for start, end, word in [*words, (len(text) + 1, 0, "")]:
            joined = bool(run) and text[run[-1][1] : start] == " "
            if word.isupper() and len(word) >= 2 and (not run or joined):
                run.append((start, end, word))
                continue
            yield from self._upper_run(run)
            run = [(start, end, word)] if word.isupper() and len(word) >= 2 else []

    def _upper_run(self, run: list[tuple[int, int, str]]) -> Iterable[RecognizerResult]:
        names: list[tuple[int, int, str]] = []
        for item in [*run, (0, 0, "")]:
            titled = item[2].title()
            if item[2] and not _stop(titled) and kind(titled) in ("G", "S", "U"):
                names.append(item)
                continue
            kinds = [kind(w.title()) for _, _, w in names]
            if (
                2 <= len(names) <= 4
                and {"G", "S"} & set(kinds)
                and not all(_frequent(w.title()) for _, _, w in names)
            ):
                yield _result(names[0][0], names[-1][1], PAIR_SCORE, "name:upper", self)
            names = []

    def _capitalised_runs(
        self, text: str, words: list[tuple[int, int, str]]
    ) -> Iterable[RecognizerResult]:
        i = 0
        while i < len(words):
            if not _capitalised(words[i][2]) or _particle(words[i][2]):
                i += 1
                continue
            run = [words[i]]
            j = i + 1
            while j < len(words) and len(run) < 6:
                gap = text[run[-1][1] : words[j][0]]
                if gap not in (" ", "\u00a0"):
                    break
                w = words[j][2]
                joiner = w == "i" and len(run) >= 2 and not _particle(run[-1][2])
                if _capitalised(w) or ((_particle(w) or joiner) and j + 1 < len(words)):
                    run.append(words[j])
                    j += 1
                else:
                    break
            while run and _joins(run[-1][2]):
                run.pop()
            yield from self._judge_run(text, run)
            i = max(j, i + 1)

    def _judge_run(self, text: str, run: list[tuple[int, int, str]]) -> Iterable[RecognizerResult]:
        if (
            len(run) == 1
            and not _stop(run[0][2])
            and not self._labelled_other(run[0][0], run[0][1])
        ):
            start, end, word = run[0]
            # A surname after an honorific ("Dear Dr. Young", "Mrs. Hope") or a word alone on
            # the line after a closing ("Sent from my phone\nHope") names a person even when
            # it is also an everyday word.
            if _TITLE_BEFORE.search(text[max(0, start - 8) : start]):
                yield _result(start, end, CUE_SCORE, "name:title", self)
                return
            if kind(word) == "C" and _after_closing(text, start, end):
                yield _result(start, end, CUE_SCORE + 0.1, "name:signoff-table", self)
                return
        # Drop common words at the edges ("Great. Also Maria", "Thanks Maria Rossi").
        first = run[0][0] if run else 0
        while run and kind(run[0][2]) == "C":
            run = run[1:]
        if not run:
            return
        if run[0][0] > first and self._labelled_other(first, run[-1][1]):
            return  # spaCy reads the words with the dropped one as a work: "Project Hail Mary"
        # A capitalised word after a particle is a surname ("del Río", "de la Fuente"), and
        # so is an elided one ("Onezime L'Anglais", "Catine Dall'Ava").
        particle_before = len(run) >= 3 and _joins(run[-2][2])
        elided = len(run) >= 2 and bool(_ELIDED_SURNAME.match(run[-1][2]))
        after_particle = (particle_before or elided) and not _stop(run[-1][2])
        if kind(run[-1][2]) == "C" and not after_particle:
            return  # a title-cased phrase ending in a word: "Elden Ring", "Grace Hopper Award"
        core = [w for _, _, w in run if not _joins(w)]
        start, end = run[0][0], run[-1][1]
        if len(core) >= 2:
            # "Xiana do Outeiro", "Onezime de la Houssaye": a first word the table does not
            # know before a particle and a surname reads as a given name too, unless spaCy
            # reads the run as a place or a thing ("Puerto de la Cruz" opens with a word).
            opens = kind(core[0]) == "G" or (
                kind(core[0]) == "U" and len(core[0]) >= 3 and not self._labelled_other(start, end)
            )
            if plausible_run(core) or (after_particle and (plausible_run(core[:-1]) or opens)):
                yield _result(start, end, PAIR_SCORE, "name:table", self)
            return
        word = core[0]
        if kind(word) == "U" and _after_closing(text, start, end):
            # "Cheers, Smaranda": a word nobody knows, alone after a closing, signs the text.
            yield _result(start, end, CUE_SCORE + 0.1, "name:signoff-table", self)
            return
        if kind(word) not in ("G", "S") or self._labelled_other(start, end):
            return
        before = text[max(0, start - 24) : start]
        if _CUE_BEFORE.search(before) or _ID_AFTER.match(text[end : end + 24]):
            yield _result(start, end, CUE_SCORE, "name:cue-table", self)
        elif _after_closing(text, start, end):
            yield _result(start, end, CUE_SCORE + 0.1, "name:signoff-table", self)

    def _firm_after_call(self, text: str, start: int, end: int) -> bool:
        """A firm named after a place ("Contact Austin Energy", "Call Sydney Water"): after a
        verb of reaching someone, a pair ending in a common word the table never ranks as a
        surname, which spaCy does not read as a person ("Contact Hannah Mustard" stays)."""
        words = text[start:end].split()
        if len(words) != 2 or not _CALL_BEFORE.search(text[max(0, start - 16) : start]):
            return False
        last = words[-1]
        if kind(last) != "C" or surname_word(last):
            return False
        return not any(s <= start and end <= e for s, e in self._persons)

    def _labelled_other(self, start: int, end: int) -> bool:
        """spaCy reads these words as a place, a product, a work or an event ("to India")."""
        return any(s <= start and end <= e for s, e in self._other)

    def _lowercase(
        self, text: str, words: list[tuple[int, int, str]], doc: Any = None
    ) -> Iterable[RecognizerResult]:
        for found in self._lowercase_found(text, words):
            if not _modifier_ends(doc, found.end):
                yield found

    def _lowercase_found(
        self, text: str, words: list[tuple[int, int, str]]
    ) -> Iterable[RecognizerResult]:
        skip_to = 0
        for n, (start, end, word) in enumerate(words):
            if start < skip_to or not word.islower() or _stop(word):
                continue
            cue = bool(_LOWER_CUE.search(text[max(0, start - 16) : start]))
            closed = 0
            if cue:
                self_cue = bool(_SELF_CUE.search(text[max(0, start - 16) : start]))
                closed = _closed_lower_name(text, words, n, self_named=self_cue)
            elif _FOR_BEFORE.search(text[max(0, start - 8) : start]):
                closed = _closed_lower_name(text, words, n, tails=":,")
            if closed:
                skip_to = closed
                yield _result(start, closed, LOWER_SCORE, "name:lower", self)
                continue
            if len(word) < 3:
                continue
            given = _lower_given(word)
            if not given and not (cue and _top_given(word)):
                continue  # "thu" (Thursday) opens a name only right after a cue
            stop = _lower_name_end(text, words, n, cue)
            if stop:
                skip_to = stop
                yield _result(start, stop, LOWER_SCORE, "name:lower", self)
            elif given and (
                (cue and _rare(word) and _alone_after(text, end)) or _addressed(text, start, end)
            ):
                yield _result(start, end, CUE_SCORE, "name:lower", self)


_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "RBR", "RBS"})


def _modifier_ends(doc: Any, end: int) -> bool:
    """The tagger reads the last word of a lower-case name as an adjective or an adverb:
    "It's pretty gross", "from far away" (a surname is tagged a noun: "its ana okafor")."""
    if doc is None or end < 1:
        return False
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].tag_ in _MODIFIER_TAGS


def _lower_name_end(text: str, words: list[tuple[int, int, str]], n: int, cue: bool) -> int:
    """End of a lower-case name opening at word ``n``: a given name, at most one more given
    name, then a surname that is no common word ("golnar hosseini", "thu trang nguyen");
    after a cue, or with every word rare in English. 0 when there is none."""
    run = [words[n]]
    for m in range(n + 1, min(n + 3, len(words))):
        if text[run[-1][1] : words[m][0]] != " " or not words[m][2].islower():
            break
        run.append(words[m])
    for k in (3, 2):
        if len(run) < k:
            continue
        names = [w for _, _, w in run[:k]]
        last = names[-1]
        if len(last) < 3 or nt.is_common(last) or not nt.is_surname(last) or _stop(last):
            continue
        if not all(_lower_given(w) for w in names[1:-1]):
            continue
        if cue or all(_rare(w) for w in names):
            return run[k - 1][1]
    # After a cue, a given name then a word English does not know at all ("its tudor
    # vasilescu again"): a surname the table lacks.
    if cue and len(run) >= 2 and _lower_given(run[0][2]) and _unknown_word(run[1][2]):
        return run[1][1]
    return 0


def _unknown_word(word: str) -> bool:
    return len(word) >= 4 and not _stop(word) and nt.info(word) is None and not nt.is_common(word)


def _addressed(text: str, start: int, end: int) -> bool:
    """A lower-case given name spoken to, rare in English or after "also"/"thanks"/"hey"."""
    if not _ADDRESSED_AFTER.match(text[end : end + 24]):
        return False
    before = text[max(0, start - 12) : start]
    if _DETERMINER_BEFORE.search(before):
        return False
    return _rare(text[start:end]) or bool(_ADDRESS_CUE_BEFORE.search(before))


_FOR_BEFORE = regex.compile(r"(?i)\bfor[ \t]+$")
_AGAIN = regex.compile(r"[ \t]+(?:again|here)\b")
_DETERMINER_BEFORE = regex.compile(r"(?i)\b(?:the|a|an|my|your|this|that|his|her|our)[ \t]+$")
_ADDRESS_CUE_BEFORE = regex.compile(r"(?i)\b(?:also|and|thanks|thx|hey|hi|cc|ping|oh)[ \t]+$")


def _closed_lower_name(
    text: str,
    words: list[tuple[int, int, str]],
    n: int,
    tails: str = ",.!:\n",
    *,
    self_named: bool = False,
) -> int:
    """After "its"/"this is"/"i'm": two or three lower-case words, none an English word
    (or a given-name word then a surname word: "bill rice"), then a comma, a full stop, the
    end of the line or "again"/"here" ("hi its zhao ruoxi, my …", "its đỗ mỹ vy,", "its
    njeri owuor-achieng again"). After "for", only before a colon or a comma ("login alert
    for summer rivers:"). The end of the name, or 0."""
    run = [words[n]]
    for m in range(n + 1, min(n + 3, len(words))):
        if text[run[-1][1] : words[m][0]] != " ":
            break
        run.append(words[m])
    for k in (3, 2):
        if len(run) < k:
            continue
        names = [w for _, _, w in run[:k]]
        if not all(w.islower() and not _stop(w) for w in names):
            continue
        if all(nt.is_common(w) for w in names):
            continue  # "from far away": every word an English one
        if not all(not nt.is_common(w) for w in names) and not (
            k == 2
            and (
                word_pair(names[0].title(), names[1].title())
                or _rare_surname(names[1])
                or (self_named and _self_named_pair(names[0], names[1]))
            )
        ):
            continue
        if sum(len(w) for w in names) < 6:
            continue
        end = run[k - 1][1]
        tail = text[end : end + 2]
        if not tail or tail[0] in tails or (tails != ":," and _AGAIN.match(text, end)):
            return end
        if tail == " -" and tails != ":,":
            return end
    return 0


def _self_named_pair(first: str, last: str) -> bool:
    """After "it's"/"i'm" and closed by punctuation or "again", the writer's name whatever
    its first word means: last a surname of the table or a word of five letters or more
    neither the table nor English knows ("anthem dzasokhov", "quartz mallet"); not "rose
    garden"."""
    if _stop(first) or nt.is_common(last) or _stop(last):
        return False
    found = nt.info(last)
    return (found is not None and found.surname_rank > 0) or (found is None and len(last) >= 5)


def _rare_surname(word: str) -> bool:
    """A surname of the table that English hardly uses: after "its", an everyday first word
    before it still names a person ("its colt helgason,")."""
    found = nt.info(word)
    return (
        found is not None
        and found.surname_rank > 0
        and found.zipf < LOWER_RARE_ZIPF
        and not nt.is_common(word)
    )


def _top_given(word: str) -> bool:
    found = nt.info(word)
    return found is not None and 0 < found.given_rank <= nt.TOP_RANK


@functools.lru_cache(maxsize=KIND_CACHE)
def _lower_given(word: str) -> bool:
    return not nt.is_common(word) and nt.is_given(word)


def _rare(word: str) -> bool:
    found = nt.info(word)
    return found is not None and found.zipf < LOWER_RARE_ZIPF and not _stop(word)


def _after_closing(text: str, start: int, end: int) -> bool:
    return bool(SIGN_OFF_BEFORE.search(text[max(0, start - 40) : start])) and _alone_on_line(
        text, start, end
    )


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    head = text[line_start:start].strip()
    return (not head or bool(SIGN_OFF_BEFORE.search(head))) and not text[end:line_end].strip(
        " \t.,!"
    )


def _alone_after(text: str, end: int) -> bool:
    """Nothing but punctuation or the end of the line after a lone lower-case first name."""
    rest = text[end : end + 3]
    return not rest.strip() or rest[0] in ".,!\n"
