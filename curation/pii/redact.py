"""Putting replacements into strings without breaking them.

Spans are merged where they overlap (the stronger entity names the merged span), then
spliced right to left. A string that holds JSON (tool-call arguments, tool results) is
edited inside its string literals only, with replacements JSON-escaped and never cutting
an escape sequence in half; a number literal that is PII becomes a string literal. So
``json.loads(arguments)`` still works after redaction and keys never change.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import orjson

from curation.pii.detect import ENTITY_PRIORITY
from curation.pii.operators import Replacer
from curation.pii.recognizers import name_tokens
from curation.pii.segments import Path, get_at, set_at
from curation.pii.vocab import longest_first


@dataclass(frozen=True, slots=True)
class Cut:
    """A span to replace in one string."""

    start: int
    end: int
    entity: str
    text: str


def _priority(entity: str) -> int:
    return ENTITY_PRIORITY.get(entity, 8 if entity not in _BUILTIN else 1)


_BUILTIN = frozenset(ENTITY_PRIORITY) | {"LOCATION", "ORGANIZATION", "DATE_TIME", "NRP"}


def merge_cuts(text: str, cuts: Iterable[Cut]) -> list[Cut]:
    """Union of overlapping cuts, each merged cut named after its strongest entity."""
    ordered = sorted(cuts, key=lambda c: (c.start, -c.end))
    out: list[Cut] = []
    for cut in ordered:
        if cut.start >= cut.end:
            continue
        if out and cut.start < out[-1].end:
            last = out[-1]
            end = max(last.end, cut.end)
            entity = last.entity if _priority(last.entity) >= _priority(cut.entity) else cut.entity
            out[-1] = Cut(last.start, end, entity, text[last.start : end])
        else:
            out.append(cut)
    return out


# --------------------------------------------------------------------------- JSON strings


@dataclass(frozen=True, slots=True)
class _Literal:
    start: int  # first character inside the quotes (or of the number)
    end: int  # the closing quote (or just past the number)
    is_string: bool
    escapes: tuple[tuple[int, int], ...] = ()


def json_literals(text: str) -> list[_Literal] | None:
    """String values and number literals of a JSON object/array text (keys left out); None
    if it is not JSON."""
    head = text.lstrip()[:1]
    if head not in ("{", "["):
        return None
    try:
        orjson.loads(text)
    except orjson.JSONDecodeError:
        return None
    out: list[_Literal] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == '"':
            start = i + 1
            j = start
            escapes: list[tuple[int, int]] = []
            while text[j] != '"':
                if text[j] == "\\":
                    width = 6 if text[j + 1] == "u" else 2
                    escapes.append((j, j + width))
                    j += width
                else:
                    j += 1
            k = j + 1
            while k < n and text[k] in " \t\r\n":
                k += 1
            if k >= n or text[k] != ":":  # keys are structure: never edited
                out.append(_Literal(start, j, True, tuple(escapes)))
            i = j + 1
        elif ch == "-" or ch.isdigit():
            j = i + 1
            while j < n and (text[j].isdigit() or text[j] in ".eE+-"):
                j += 1
            out.append(_Literal(i, j, False))
            i = j
        else:
            i += 1
    return out


def _json_cuts(cuts: list[Cut], literals: list[_Literal]) -> list[tuple[int, int, Cut, str]]:
    """Cuts clipped to literals: ``(start, end, cut, kind)`` with kind "string" or "number"."""
    out: list[tuple[int, int, Cut, str]] = []
    for cut in cuts:
        for lit in literals:
            if lit.end <= cut.start or lit.start >= cut.end:
                continue
            if not lit.is_string:
                out.append((lit.start, lit.end, cut, "number"))
                continue
            start, end = max(cut.start, lit.start), min(cut.end, lit.end)
            for a, b in lit.escapes:  # never split an escape sequence
                if a < start < b:
                    start = a
                if a < end < b:
                    end = b
            if start < end:
                out.append((start, end, cut, "string"))
    return out


# --------------------------------------------------------------------------- strings and trees


def redact_text(
    text: str,
    cuts: Sequence[Cut],
    replacer: Replacer,
    canonical: dict[str, tuple[str, int]] | None = None,
) -> str:
    """``text`` with every cut replaced; JSON text stays valid JSON."""
    merged = merge_cuts(text, cuts)
    if not merged:
        return text
    canonical = canonical or {}

    def replacement(cut: Cut, value: str) -> str:
        if cut.entity == "PERSON" and value in canonical:
            full, part = canonical[value]
            return replacer(cut.entity, value, canonical=full, part=part)
        return replacer(cut.entity, value)

    literals = json_literals(text)
    pieces: list[tuple[int, int, str]] = []
    if literals is None:
        pieces = [(c.start, c.end, replacement(c, c.text)) for c in merged]
    else:
        seen: set[tuple[int, int]] = set()
        for start, end, cut, kind in _json_cuts(merged, literals):
            if (start, end) in seen:
                continue
            seen.add((start, end))
            value = text[start:end]
            if kind == "number":
                pieces.append((start, end, json.dumps(replacement(cut, value), ensure_ascii=False)))
            else:
                decoded = _decode(value)
                pieces.append(
                    (start, end, json.dumps(replacement(cut, decoded), ensure_ascii=False)[1:-1])
                )
    parts: list[str] = []
    pos = 0
    for start, end, new in sorted(pieces):
        if start < pos:  # pieces never overlap; guard against a malformed cut all the same
            continue
        parts.append(text[pos:start])
        parts.append(new)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _decode(raw: str) -> str:
    try:
        return str(json.loads(f'"{raw}"'))
    except ValueError:
        return raw


def person_canon(values: Iterable[str]) -> dict[str, tuple[str, int]]:
    """Each name part of a multi-word person value → (the full name, its position).

    Position 0 is a first name, anything after it a later name: a pseudonym for 'Maria'
    alone is then the first name of the pseudonym for 'Maria Gonzalez'.
    """
    out: dict[str, tuple[str, int]] = {}
    for full in sorted({" ".join(v.split()) for v in values}, key=longest_first):
        tokens = name_tokens(full)
        if len(tokens) < 2:
            continue
        for i, token in enumerate(tokens):
            out.setdefault(token, (full, 0 if i == 0 else 1))
            out.setdefault(token.upper(), (full, 0 if i == 0 else 1))
        out.setdefault(full, (full, -1))
    return out


def redact_tree(
    root: object,
    cuts: dict[Path, list[Cut]],
    replacer: Replacer,
    canonical: dict[str, tuple[str, int]] | None = None,
) -> int:
    """Replace cuts in the strings of ``root`` (edited in place); returns the strings changed."""
    changed = 0
    for path, items in cuts.items():
        value = get_at(root, path)
        if not isinstance(value, str):
            continue
        new = redact_text(value, items, replacer, canonical)
        if new != value:
            set_at(root, path, new)
            changed += 1
    return changed
