"""Names in the cells of a table pasted into a chat, told by the column they stand in.

A CSV, TSV or Markdown table whose header names a column that holds people ("name", "guest",
"given name", "surname", "driver" …): every row's cell in that column is a name. A bare
"name" column names products as often as people ("name,price\\nOak Shelf,12.50"), so the
column is judged as a whole: at least two rows, every cell one to four capitalised words
with no digit and no stop word, in at least half the cells a word the name table ranks as
a given name or a surname, or two words it does not know (one cell at least with a known
one), fewer than half the words everyday words, and no first word shared by most rows (a
brand's line-up) (``name:key``). ``person_lines.table_names`` already takes the
cells of a column whose header can only hold a person ("full_name", "attendee") when the
row holds an e-mail or a phone; this reads the columns by what their cells are made of.

Tuned on round 7 dev ``chats7`` (csv: "name,meal,table" wedding RSVPs); see the tuning log
in bench/pii_eval/README.md.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from curation.pii.name_kind import kind, stop

SOURCE = "name:key"
MIN_ROWS = 2

_HEADER = regex.compile(
    r"(?i)^(?:(?:full|first|given|last|family|sur|fore|guest|attendee|customer|driver|"
    r"passenger|patient|member|participant|player|student|employee|contact|person)"
    r"[ _\-]?)?names?$|^(?:guest|attendee|driver|passenger|patient|member|participant|player|"
    r"student|employee|person|surname|forename|who|first|last|given|family)s?$"
)
_CELL = regex.compile(
    r"^\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)?"
    r"(?:[ \t]+\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)?){0,3}$"
)
_SEPARATORS = (",", "\t", ";", "|")
_RULE_ROW = regex.compile(r"^[\s|:\-+]+$")  # a Markdown table's "|---|---|" line


def _cells(line: str, sep: str) -> list[tuple[int, str]]:
    """(offset in the line, text) of each cell; a Markdown row's outer pipes are no cells."""
    out: list[tuple[int, str]] = []
    pos = 0
    for part in line.split(sep):
        out.append((pos, part))
        pos += len(part) + 1
    if sep == "|" and len(out) >= 2 and not out[0][1].strip() and not out[-1][1].strip():
        out = out[1:-1]
    return out


def _named(value: str) -> bool:
    """One to four capitalised words, none a stop word."""
    return bool(_CELL.match(value)) and not any(stop(w) for w in value.split())


def _people(values: list[str]) -> bool:
    """The cells of a column, together, are people's names (see the module docstring)."""
    if len(values) < MIN_ROWS or not all(_named(v) for v in values):
        return False
    firsts = [v.split()[0] for v in values]
    if 2 * max(firsts.count(f) for f in firsts) > len(values) and len(values) > MIN_ROWS:
        return False  # one brand's line-up: "Kobo Clara", "Kobo Libra", "Kobo Sage"
    kinds = [[kind(w) for w in v.split()] for v in values]
    known = sum(1 for ks in kinds if {"G", "S"} & set(ks))
    # Two words or more the table does not know or gives to another language are a rare
    # name's ("Phetsamone Inthavong") once another row holds a known one.
    rare = sum(1 for ks in kinds if len(ks) > 1 and set(ks) <= {"U", "F"})
    common = sum(ks.count("C") for ks in kinds)
    words = sum(len(ks) for ks in kinds)
    return known > 0 and 2 * (known + rare) >= len(values) and 2 * common < words


def table_cell_names(text: str) -> Iterable[tuple[int, int, str]]:
    """Cells of a people's column in a table written into the text."""
    if "\n" not in text:
        return
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    i = 0
    while i < len(lines):
        found = _table_at(lines, starts, i)
        if found is None:
            i += 1
            continue
        spans, next_line = found
        yield from spans
        i = next_line


def _table_at(
    lines: list[str], starts: list[int], i: int
) -> tuple[list[tuple[int, int, str]], int] | None:
    """The name cells of a table whose header is line ``i``, and the line after the table."""
    header = lines[i].rstrip("\r")
    for sep in _SEPARATORS:
        if sep not in header:
            continue
        cells = _cells(header, sep)
        columns = [c for c, (_, h) in enumerate(cells) if _HEADER.match(h.strip())]
        if len(cells) < 2 or not columns:
            continue
        rows: list[tuple[int, list[tuple[int, str]]]] = []
        j = i + 1
        while j < len(lines):
            line = lines[j].rstrip("\r")
            if sep == "|" and _RULE_ROW.match(line) and not rows:
                j += 1
                continue
            row = _cells(line, sep)
            if len(row) != len(cells):
                break
            rows.append((starts[j], row))
            j += 1
        spans: list[tuple[int, int, str]] = []
        for column in columns:
            values = [row[column][1].strip() for _, row in rows]
            if not _people(values):
                continue
            for (line_start, row), value in zip(rows, values, strict=True):
                offset, cell = row[column]
                start = line_start + offset + cell.index(value)
                spans.append((start, start + len(value), SOURCE))
        if rows:
            return spans, j
    return None
