"""Names an e-mail address vouches for: one reading of an address's local part, two scopes.

- **In one text** (:func:`email_local_names`): a pair of words whose letters make the local
  part of an address in the same text: "Oyunchimeg Bull … obull@…", "colt helgason …
  chelgason@…" (first + last, initial + last, last + first, last + initial, first + initial)
  (``name:email-local``). Found with the other name rules, before scoring.
- **In the record** (:func:`email_name_tokens`, :func:`email_name_spans`): the parts of a
  confident address's local part, cut at its separators ("maria.gonzalez@…" → Maria,
  Gonzalez), corroborate weak person candidates of the record, and the parts no confident
  name holds are found wherever the record writes them as words (``email-name``).

Both read the local part of the address (:func:`local_part`), folded to letters without
accents: an address cannot carry them, "crispulo@…" is "Críspulo" in the text. Tuned on round
6 (both halves, spent): see the tuning log in bench/pii_eval/README.md.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence

import regex

from curation.pii import name_table as nt
from curation.pii.name_kind import kind, stop
from curation.pii.segments import Segment
from curation.pii.spans import Span
from curation.pii.vocab import NOT_NAMES, PARTICLES, ROLE_MAILBOXES, TECH_TERMS

EMAIL_SOURCE = "name:email-local"
RECORD_SOURCE = "email-name"
RECORD_SCORE = 0.7
MIN_LOCAL = 5  # letters of an e-mail's local part that can vouch for a pair of words
MIN_PART = 3  # letters of a part of a local part that can vouch for a word

_EMAIL = regex.compile(r"(?<![\w.+\-])([\w.+\-]+)@[\w\-]+(?:\.[\w\-]+)+")
_ANY_PAIR = regex.compile(
    r"(?<![\p{L}\p{M}'’\-.@])([\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}][\p{L}\p{M}'’]*)?)[ \t]+"
    r"([\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}][\p{L}\p{M}'’]*)?)(?![\p{L}\p{M}'’\-@]|\.\w)"
)
_SEPARATORS = regex.compile(r"[._\-+\d]+")


def local_part(address: str) -> str:
    """What comes before the "@" of an address, lower-cased."""
    return address.split("@", 1)[0].lower()


def _letters(word: str) -> str:
    return "".join(ch for ch in nt.fold(word.lower()) if ch.isalpha())


# ---- in one text


def _local_names(first: str, last: str) -> set[str]:
    f, la = _letters(first), _letters(last)
    if len(f) < 2 or len(la) < 2:
        return set()
    return {f + la, f[0] + la, la + f, la + f[0], f + la[0]}


def email_local_names(text: str) -> Iterable[tuple[int, int, str]]:
    """Pairs the local part of an e-mail in ``text`` spells (see the module docstring)."""
    if "@" not in text:
        return
    locals_ = {
        local for m in _EMAIL.finditer(text) if len(local := _letters(m.group(1))) >= MIN_LOCAL
    }
    if not locals_:
        return
    for m in _ANY_PAIR.finditer(text, overlapped=True):
        first, last = m.group(1), m.group(2)
        if any(stop(w) or w.lower() in PARTICLES for w in (first, last)):
            continue
        if first[0].isupper() != last[0].isupper() or kind(first) == kind(last) == "C":
            continue
        if _local_names(first, last) & locals_:
            yield m.start(), m.end(), EMAIL_SOURCE


# ---- in the record


@functools.lru_cache(maxsize=4096)
def email_name_tokens(address: str) -> frozenset[str]:
    """'maria.gonzalez@…' → {'Maria', 'Gonzalez'}; role mailboxes give nothing."""
    local = local_part(address)
    if local in ROLE_MAILBOXES:
        return frozenset()
    return frozenset(
        part.capitalize()
        for part in _SEPARATORS.split(local)
        if len(part) >= MIN_PART
        and part.isalpha()
        and part not in ROLE_MAILBOXES
        and part not in NOT_NAMES
        and part not in TECH_TERMS
    )


@functools.lru_cache(maxsize=256)
def _written(tokens: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile(
        r"(?<![\w@.\-])(?:" + "|".join(map(regex.escape, tokens)) + r")(?![\w@\-]|\.\w)"
    )


def email_name_spans(
    segments: Sequence[Segment], tokens: set[str], refused: Callable[[str, int, str], bool]
) -> list[list[Span]]:
    """Per segment, where a detected string writes one of ``tokens`` (parts of the record's
    addresses) as a word, unless ``refused(text, start, value)`` (an allowed term, code)."""
    pattern = _written(tuple(sorted(tokens)))
    out: list[list[Span]] = []
    for seg in segments:
        row = []
        if seg.detect:
            for m in pattern.finditer(nt.fold(seg.text)):
                value = seg.text[m.start() : m.end()]
                if not refused(seg.text, m.start(), value):
                    row.append(
                        Span(m.start(), m.end(), "PERSON", value, RECORD_SCORE, RECORD_SOURCE)
                    )
        out.append(row)
    return out
