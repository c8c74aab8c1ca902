"""Names in a list, told by the list itself: when one item of a bulleted or numbered list
opens with a person found by another signal, the other items of the same shape name people
too ("- Kinsley Scarborough: Wednesday" beside "- Jörg Trautmann: Tuesday" in a rota).

A sibling must look like a name on its own: two to four capitalised words, the first no
common English word (so "- Project Atlas: Friday" and "- Customer Service: Monday" stay), no
technical word, no firm's last word. Its source, ``name:list``, is only as strong as the
model's (``public.MODEL_SOURCES``): a list of scientists in a record with no private context
is left to the public-figure policy.
Tuned on round 4 ``chats4`` (test half, spent; the "list" position) — bench/pii_eval/README.md.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from curation.pii.name_kind import kind
from curation.pii.vocab import NOT_NAMES, ORG_TAIL_WORDS, TECH_TERMS, TITLES

SOURCE = "name:list"
SCORE = 0.75

_ITEM = regex.compile(
    r"(?m)^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+"
    r"(?P<head>\p{Lu}[\p{L}\p{M}'’\-]*(?:[ \t]+[\p{L}\p{M}'’\-]+){0,3})"
    r"[ \t]*(?:[:,–—(]|[ \t]-[ \t]|$)"
)


def line_runs(pattern: regex.Pattern[str], text: str, group: str) -> list[list[tuple[int, int]]]:
    """The spans of ``group`` of each match of ``pattern`` (one a line: a list item), grouped
    into runs of consecutive lines: one list each."""
    runs: list[list[tuple[int, int]]] = []
    last_line = -2
    for m in pattern.finditer(text):
        line = text.count("\n", 0, m.start())
        if line != last_line + 1 or not runs:
            runs.append([])
        runs[-1].append(m.span(group))
        last_line = line
    return runs


def _name_shaped(head: str) -> bool:
    words = head.split()
    if not 2 <= len(words) <= 4 or not all(w[0].isupper() for w in words):
        return False
    for w in words:
        low = w.lower()
        if low in TECH_TERMS or low in NOT_NAMES or low in TITLES or low in ORG_TAIL_WORDS:
            return False
    return kind(words[0]) != "C"


def siblings(text: str, persons: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(start, end)`` of list items that name people like a sibling item whose head is one
    of ``persons`` (spans of ``text`` already found)."""
    if "\n" not in text or not persons:
        return []
    out: list[tuple[int, int]] = []
    for block in line_runs(_ITEM, text, "head"):
        if len(block) < 2:
            continue
        anchored = any(any(ps <= s < pe or s <= ps < e for ps, pe in persons) for s, e in block)
        if not anchored:
            continue
        for s, e in block:
            if any(ps < e and s < pe for ps, pe in persons):
                continue
            if _name_shaped(text[s:e]):
                out.append((s, e))
    return out
