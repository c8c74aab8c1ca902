"""Propagation within a record: every occurrence of a confirmed value, in every string.

A person's name parts are looked for too; numbers match whatever their separators, IBANs with
or without spaces, names in capitals, in title case (when found in lower case) and
JSON-escaped (inside tool-call arguments).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence

from curation.pii import name_table as nt
from curation.pii.precision import AllowList
from curation.pii.recognizers import WEAK_CUE_SOURCE, name_tokens
from curation.pii.segments import Segment
from curation.pii.spans import Span
from curation.pii.vocab import TECH_TERMS, is_interjection, longest_first
from curation.pii.word_names import person_cue_before

VALUE_PATTERN_CACHE = 20_000

NUMBER_ENTITIES = ("PHONE_NUMBER", "CREDIT_CARD", "US_SSN")


def _is_word(ch: str) -> bool:
    """What ``\\w`` matches: a letter, a digit or an underscore (Unicode aware)."""
    return ch.isalnum() or ch == "_"


NUMBER_SEPARATORS = " \t().-/\u00a0"  # what may stand between two digits of a number
_MAX_SEPARATORS = 3


def _number_digits(entity: str, value: str) -> str | None:
    digits = "".join(ch for ch in value if ch.isdigit())
    return digits if entity in NUMBER_ENTITIES and len(digits) >= 7 else None


@functools.lru_cache(maxsize=VALUE_PATTERN_CACHE)
def number_pattern(entity: str, value: str) -> re.Pattern[str] | None:
    """Another occurrence of a number whose separators may differ ('415-555-0199' is also
    '(415) 555 0199'), or of an IBAN with or without its spaces; ``None`` for text values.
    :func:`find_value` matches numbers with :func:`find_number`, which finds what this finds."""
    digits = _number_digits(entity, value)
    if digits is not None:
        body = r"[ \t().\-/\u00a0]{0,3}".join(digits)  # NUMBER_SEPARATORS, _MAX_SEPARATORS
        return re.compile(r"(?<!\w)\+?" + body + r"(?!\w)")
    if entity == "IBAN_CODE":
        chars = [re.escape(ch) for ch in value if ch.isalnum()]
        return re.compile(r"(?<!\w)" + r"[ \t]?".join(chars) + r"(?!\w)", re.IGNORECASE)
    return None


@functools.lru_cache(maxsize=VALUE_PATTERN_CACHE)
def value_forms(entity: str, value: str) -> tuple[tuple[str, ...], ...]:
    """The written forms of a text value, as words (any run of whitespace may separate them):
    as found, in capitals for a name, and JSON-escaped (inside tool-call arguments)."""
    forms = {value}
    if entity == "PERSON":
        forms.add(value.upper())
        if value.islower():  # "golnar hosseini" typed in lower case is also "Golnar Hosseini"
            forms.add(value.title())
        if len(value.split()) > 1:  # a full name in any case: "LALAO RABEMANANJARA", "lalao …"
            forms.update((value.lower(), value.title()))
    for form in list(forms):
        escaped = json.dumps(form)[1:-1]
        if escaped != form:
            forms.add(escaped)
    return tuple(tuple(f.split()) for f in sorted(forms, key=longest_first))


def _match_words(text: str, start: int, words: tuple[str, ...]) -> int:
    """End of ``words`` written from ``start`` (whitespace between them), or -1."""
    pos = start + len(words[0])
    for word in words[1:]:
        gap = pos
        while gap < len(text) and text[gap].isspace():
            gap += 1
        if gap == pos or not text.startswith(word, gap):
            return -1
        pos = gap + len(word)
    return pos


def find_value(entity: str, value: str, text: str) -> list[tuple[int, int]]:
    """Where ``value`` occurs in ``text`` as a whole word (or number), leftmost-longest and not
    overlapping, like a regex alternation of its forms, but without compiling one per value:
    values are mostly new in each record, and compiling took a quarter of detection time."""
    value = value.strip()
    if len(value) < 2:
        return []
    digits = _number_digits(entity, value)
    if digits is not None:
        return find_number(digits, text)
    pattern = number_pattern(entity, value)
    if pattern is not None:
        return [m.span() for m in pattern.finditer(text)]
    haystack = text
    forms = value_forms(entity, value)
    if entity == "EMAIL_ADDRESS":
        haystack = text.lower()
        if len(haystack) != len(text):  # a character whose lower case is longer
            return _find_value_regex(forms, text)
        forms = tuple(tuple(w.lower() for w in words) for words in forms)
    hits: list[tuple[int, int]] = []
    for words in forms:
        first = words[0]
        check_left = _is_word(first[0])
        check_right = _is_word(words[-1][-1])
        pos = haystack.find(first)
        while pos >= 0:
            if not (check_left and pos > 0 and _is_word(haystack[pos - 1])):
                end = _match_words(haystack, pos, words)
                if end > 0 and not (
                    check_right and end < len(haystack) and _is_word(haystack[end])
                ):
                    hits.append((pos, end))
            pos = haystack.find(first, pos + 1)
    if len(forms) > 1 and len(hits) > 1:
        hits.sort(key=lambda h: (h[0], -h[1]))
        kept: list[tuple[int, int]] = []
        for hit in hits:
            if not kept or hit[0] >= kept[-1][1]:
                kept.append(hit)
        return kept
    return hits


def find_number(digits: str, text: str) -> list[tuple[int, int]]:
    """Where :func:`number_pattern` matches, without compiling it: ``digits`` in order, up to
    three separators between two of them, an optional ``+`` before, whole words. Numbers are
    new in nearly every record, and compiling their patterns took a tenth of detection."""
    hits: list[tuple[int, int]] = []
    size, last = len(text), 0
    at = text.find(digits[0])
    while at >= 0:
        end = _digits_end(digits, text, at)
        if end >= 0 and not (end < size and _is_word(text[end])):
            plus = at > last and text[at - 1] == "+"
            start = at - 1 if plus and not (at > 1 and _is_word(text[at - 2])) else at
            if start < at or not (at > 0 and _is_word(text[at - 1])):
                hits.append((start, end))
                last = end
                at = text.find(digits[0], end)
                continue
        at = text.find(digits[0], at + 1)
    return hits


def _digits_end(digits: str, text: str, at: int) -> int:
    """End of ``digits`` read from ``at`` (``text[at]`` is the first), or -1."""
    size, pos = len(text), at + 1
    for digit in digits[1:]:
        gap = 0
        while pos < size and text[pos] in NUMBER_SEPARATORS:
            gap += 1
            pos += 1
        if gap > _MAX_SEPARATORS or pos >= size or text[pos] != digit:
            return -1
        pos += 1
    return pos


def _find_value_regex(forms: tuple[tuple[str, ...], ...], text: str) -> list[tuple[int, int]]:
    bodies = []
    for words in forms:
        left = r"(?<!\w)" if _is_word(words[0][0]) else ""
        right = r"(?!\w)" if _is_word(words[-1][-1]) else ""
        bodies.append(left + r"\s+".join(re.escape(w) for w in words) + right)
    return [m.span() for m in re.finditer("|".join(bodies), text, re.IGNORECASE)]


def _technical_parts(value: str) -> list[str]:
    """Parts of a found name that :func:`name_tokens` leaves out as technical words ("Ruby" of
    "Ruby King"): propagated only where a cue to a person stands right before them ("ask
    Ruby to call me"), never in "written in Ruby"."""
    if len(value.split()) < 2:
        return []
    kept = set(name_tokens(value))
    out = []
    for part in value.split():
        clean = part.strip(".,;:!?()[]\"'’")
        if len(clean) >= 3 and clean not in kept and clean.lower() in TECH_TERMS:
            out.append(clean)
    return out


def _cued_parts(
    segments: Sequence[Segment], values: list[tuple[str, str, float]]
) -> list[list[Span]]:
    """Technical name parts (:func:`_technical_parts`) where a person cue stands before them."""
    out: list[list[Span]] = [[] for _ in segments]
    cued: dict[str, float] = {}
    for entity, value, score in values:
        if entity == "PERSON":
            for token in _technical_parts(value):
                cued[token] = max(score, cued.get(token, 0.0))
    for token, score in cued.items():
        for i, seg in enumerate(segments):
            for start, end in find_value("PERSON", token, seg.text):
                if token[0].isupper() and person_cue_before(seg.text[max(0, start - 40) : start]):
                    out[i].append(
                        Span(start, end, "PERSON", token, round(min(score, 0.95), 3), "propagation")
                    )
    return out


def spreads(entity: str, value: str, source: str) -> bool:
    """Whether a finding's other occurrences are redacted too. Not a single word that is an
    interjection ("Hmm") or an everyday English word ("Cannabis", "Ponzi"), nor one found only
    after a weak cue ("ask", "sure") unless the name table knows it: one reading of a word as a
    name would otherwise destroy every other use of it in the record."""
    words = value.split()
    if entity != "PERSON" or len(words) != 1:
        return True
    word = words[0].strip(".,;:!?()[]\"'’")
    if is_interjection(word) or nt.is_common(word):
        return False
    return not source.startswith(WEAK_CUE_SOURCE) or nt.is_name(word)


def propagate(
    segments: Sequence[Segment],
    values: Iterable[tuple[str, str, float]],
    *,
    allow: AllowList | None = None,
) -> list[list[Span]]:
    """Every occurrence, in every segment, of each ``(entity, value, score)`` and, for a
    person, of each part of their name on its own."""
    values = list(values)
    targets: dict[tuple[str, str], float] = {}
    for entity, value, score in values:
        key = (entity, value.strip())
        targets[key] = max(score, targets.get(key, 0.0))
        if entity == "PERSON":
            for token in name_tokens(value):
                if allow is None or not allow.allowed(token, "PERSON"):
                    part = (entity, token)
                    targets[part] = max(score, targets.get(part, 0.0))
    out = _cued_parts(segments, values)
    for (entity, value), score in targets.items():
        score = round(min(score, 0.95), 3)
        for i, seg in enumerate(segments):
            if entity == "EMAIL_ADDRESS" and "@" not in seg.text:
                continue
            for start, end in find_value(entity, value, seg.text):
                out[i].append(Span(start, end, entity, seg.text[start:end], score, "propagation"))
    return out
