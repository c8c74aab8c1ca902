"""Names in the cells of a table pasted into a chat, told by what the column's cells are made of.

A table is a run of two or more lines that a comma, a tab, a semicolon or a pipe splits into
the same number of cells (two or more; a Markdown table's "|---|" rule is skipped, a quoted
CSV cell may hold the separator). Its first line is a header when its cells are labels: words
only, and one of them a known column word or all of them everyday words ("room,resident,
issue"); otherwise every line is a row.

Every column is judged on its own, by its cells first (``name:key``):

- shape: one to four capitalised words or initials with no digit ("Ana de la Cruz", "J.
  Okafor"), or "Surname, Given"; lower-case or capitals only where a strong signal backs them;
- how name-like the words are (``name_kind``): a given name or surname of the name table, two
  words it does not know, fewer than half of the words everyday words;
- variety: not one first word for every row (a brand's line-up: "Kobo Clara", "Kobo Libra");
- the row: an e-mail address or a phone number in another cell is strong private context;
  another cell holding an id-like code is weaker context;
- the header, as one signal among these: a person's role or field
  (``data/vocab/person_field_labels.txt``, the one list of person-role words) lowers what the
  cells must show; a header that says the column holds no person ("product", "city", "sku",
  ``data/vocab/non_person_columns.txt`` and ``non_person_labels.txt``) vetoes the column.

Tuned on rounds 6, 7 and 8 (``chats6``-``chats8``, both halves, all spent); see the tuning log in
bench/pii_eval/README.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from curation.pii.name_kind import kind, stop
from curation.pii.titles import CALENDAR
from curation.pii.vocab import (
    LOOSE_PERSON_LABELS,
    ORG_TAIL_WORDS,
    PARTICLES,
    PERSON_LABELS,
    load,
    terms,
)

SOURCE = "name:key"
MIN_ROWS = 2  # rows a column needs when no header or row says it holds people
MAX_WORDS = 4
MIN_PHONE_DIGITS = 7
MIN_MAILED = 3  # letters of a cell's word found in the row's e-mail address

NOT_PERSON_COLUMNS = frozenset(load("non_person_columns")) | frozenset(load("non_person_labels"))
# Words for people ("crew", "mentor", "volunteers"): a column they head may hold names.
_PEOPLE_WORDS = terms("person_nouns", "person_roles", "people_group_nouns")
# Headers of columns that hold no name but tell a header row from a row of data.
_DATA_COLUMNS = frozenset(
    {"email", "e-mail", "mail", "phone", "mobile", "tel", "telephone", "id", "no", "number"}
    | {"date", "time", "amount", "price", "qty", "quantity", "total", "count", "age", "score"}
    | {"room", "seat", "table", "notes", "dob", "birthday", "zip", "postcode", "role", "team"}
)

_WORD = r"\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)?(?:['’]\p{Lu}?[\p{Ll}\p{M}]+)?"
_NAME_WORD = regex.compile(rf"^{_WORD}(?:-\p{{Lu}}?[\p{{Ll}}\p{{M}}]+)?$")
_INITIAL = regex.compile(r"^\p{Lu}\.$")
_ANY_CASE_WORD = regex.compile(r"^[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}][\p{L}\p{M}'’]*)?$")
_LABEL_CELL = regex.compile(r"^[\p{L}][\p{L}\d _\-./#()]{0,30}$")
_EMAIL = regex.compile(r"^[^@\s]+@[^@\s]+\.\w+$")
_PHONE = regex.compile(r"^\+?[\d ()./\-]{7,}$")
# An id-like code: "M-1042", "#1042", "123B" (a bare number is as often a price or a count).
_CODE = regex.compile(r"^(?=.*[\p{L}#])#?\p{L}{0,4}[\-#]?\d{2,}\p{L}?$")
_SEPARATORS = (",", "\t", ";", "|")
_RULE_ROW = regex.compile(r"^[\s|:\-+]+$")  # a Markdown table's "|---|---|" line
# A rota's day or month column ("Mon", "Wed", "Fri"): "Mon" is a given name of the table too.
_CALENDAR_WORD = regex.compile(rf"^{CALENDAR}\.?$", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Cell:
    start: int  # offset of the value in the text
    value: str  # the cell without its padding and quotes


def _split(line: str, sep: str) -> list[tuple[int, str]]:
    """(offset in the line, text) of each cell; a double-quoted CSV cell may hold ``sep``."""
    out: list[tuple[int, str]] = []
    pos, quoted, begin = 0, False, 0
    for pos, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            out.append((begin, line[begin:pos]))
            begin = pos + 1
    out.append((begin, line[begin:]))
    if sep == "|" and len(out) >= 2 and not out[0][1].strip() and not out[-1][1].strip():
        out = out[1:-1]
    return out


def _cell(line_start: int, offset: int, raw: str) -> _Cell:
    value = raw.strip().strip('"').strip()
    return _Cell(line_start + offset + raw.index(value) if value else line_start + offset, value)


def _norm(header: str) -> str:
    return " ".join(regex.sub(r"[_\-*#.:]+", " ", header.lower()).split())


def _header_kind(header: str) -> str:
    """'P' a person's column, 'L' maybe one ("name", "contact"), 'X' no person's, '' unknown."""
    label = _norm(header)
    words = label.split()
    if not words:
        return ""
    if label in NOT_PERSON_COLUMNS or any(w in NOT_PERSON_COLUMNS for w in words):
        return "X"
    if label in PERSON_LABELS or label.removesuffix(" name") in PERSON_LABELS:
        return "P"
    if label in LOOSE_PERSON_LABELS or words[-1] in ("name", "names"):
        return "L"
    if len(words) == 1 and (label in _PEOPLE_WORDS or label.removesuffix("s") in _PEOPLE_WORDS):
        return "L"  # "Crew", "Mentors": a word for people heads a column of them or of roles
    return ""


def _is_header(cells: list[str]) -> bool:
    """The first line of a table names its columns: labels only, one of them a known column
    word, or every word an everyday word ("room,resident,issue")."""
    if not all(_LABEL_CELL.match(c) for c in cells):
        return False
    labels = [_norm(c) for c in cells]
    if any(_header_kind(c) or lab in _DATA_COLUMNS for c, lab in zip(cells, labels, strict=True)):
        return True
    words = [w for lab in labels for w in lab.split()]
    return all(stop(w) or kind(w.title()) == "C" for w in words)


def _words(value: str, any_case: bool) -> list[str] | None:
    """The name words of a cell shaped like a name ("Ana de la Cruz", "Cruz, Ana", "J. Okafor";
    "ana cruz", "ANA CRUZ" when ``any_case``), title-cased; None for any other cell."""
    if _CALENDAR_WORD.match(value):
        return None  # a day alone, not "June Carter"
    parts = value.replace(",", " , ").split()
    if parts.count(",") > 1 or parts[:1] == [","] or parts[-1:] == [","]:
        return None
    parts = [p for p in parts if p != ","]
    if not 1 <= len(parts) <= MAX_WORDS:
        return None
    lowered = value.islower() or value.isupper()
    if lowered and not (any_case and all(_ANY_CASE_WORD.match(p) for p in parts)):
        return None
    words: list[str] = []
    for i, part in enumerate(parts):
        if lowered:
            part = part.title()
        if _INITIAL.match(part) or (0 < i < len(parts) - 1 and part.lower() in PARTICLES):
            continue
        if not _NAME_WORD.match(part) or stop(part):
            return None
        words.append(part)
    return words or None


def _person_cell(value: str) -> bool:
    """A cell under a person's header: a name's shape, a word no everyday word; in lower case
    or capitals a given name or surname of the table, or two words none of them everyday
    ("TBD", "n/a" are none)."""
    words = _words(value, any_case=True)
    if not words:
        return False
    kinds = [kind(w) for w in words]
    if not (value.islower() or value.isupper()):
        return any(k != "C" for k in kinds)
    return bool({"G", "S"} & set(kinds)) or (len(kinds) > 1 and "C" not in kinds)


def _evidence(
    cells: list[list[str]], *, strong: bool, mailed: list[bool] | None = None, named: bool = False
) -> bool:
    """The name words of a column's cells, together, read as people's names.

    Always: no cell ends in a firm's last word ("Ltd", "Labs") and not one first word in
    every row (a brand's line-up). With ``strong`` context (a person's header with an id in
    the row, or an e-mail/phone beside the cell): a word in every cell that is no everyday
    word or a word of the e-mail address in its row (``mailed``: "Brittany Peach" beside
    "bpeach@…"), at most half of all words everyday. Otherwise: a word the table ranks as a given
    name or a surname in some cell, in at least half of them such a word or two words it
    does not know, fewer than half of all words everyday words; or, with no word the table
    knows, more than half of three cells or more two words it does not know ("Ilem
    Mishshi"). With
    ``named`` (a column headed "name"), a cell with a name the table knows (or, in three rows
    or more, two words it does not know) and in every cell a word that is no everyday word
    will do ("Cress Pickle" beside "Ana Quist")."""
    if any(ws[-1].lower() in ORG_TAIL_WORDS for ws in cells):
        return False
    firsts = [ws[0] for ws in cells]
    shared = max(firsts.count(f) for f in firsts)
    if len(cells) >= MIN_ROWS and (shared == len(cells) or 4 * shared > 3 * len(cells)):
        return False
    kinds = [[kind(w) for w in ws] for ws in cells]
    common = sum(ks.count("C") for ks in kinds)
    words = sum(len(ks) for ks in kinds)
    if strong:
        vouched = mailed or [False] * len(cells)
        named = all(m or set(ks) - {"C"} for ks, m in zip(kinds, vouched, strict=True))
        return named and (2 * common <= words or all(vouched))
    known = sum(1 for ks in kinds if {"G", "S"} & set(ks))
    rare = sum(1 for ks in kinds if len(ks) > 1 and set(ks) <= {"U", "F"})
    some_name = known > 0 or (rare > 0 and len(cells) > MIN_ROWS)
    if named and some_name and all(set(ks) - {"C"} for ks in kinds) and 2 * common <= words:
        return True
    return (
        (known > 0 or (2 * rare > len(cells) and len(cells) > MIN_ROWS))
        and 2 * (known + rare) >= len(cells)
        and 2 * common < words
    )


def _column_names(
    header: str | None, cells: list[_Cell], context: list[tuple[str, str]]
) -> list[_Cell]:
    """The cells of one column that hold people's names; ``context`` says per row whether
    another cell holds an e-mail/phone ('c'), an id-like code ('i') or neither (''), and the
    local parts of the row's e-mail addresses."""
    mailboxes = [box for _, box in context]
    context_tags = [tag for tag, _ in context]
    said = _header_kind(header) if header is not None else ""
    if said == "X":
        return []
    contact = 2 * context_tags.count("c") >= len(cells)
    coded = 2 * (context_tags.count("c") + context_tags.count("i")) >= len(cells)
    if said == "P":
        return [c for c in cells if _person_cell(c.value)]
    any_case = contact or coded or said == "L"  # lower case or capitals need a signal
    shaped = [_words(c.value, any_case=any_case) for c in cells]
    present = [(c, ws, box) for c, ws, box in zip(cells, shaped, mailboxes, strict=True) if c.value]
    if not present or any(ws is None for _, ws, _ in present):
        return []
    names = [ws for _, ws, _ in present if ws]
    mailed = [
        any(len(w) >= MIN_MAILED and w.lower() in box for w in ws or ()) for _, ws, box in present
    ]
    if len({" ".join(ws) for ws in names}) < len(names):
        return []  # the same value in several rows: a category, not a person per row
    if contact or (said == "L" and coded):
        ok = _evidence(names, strong=True, mailed=mailed)
    elif said == "L" or coded:
        ok = len(names) >= MIN_ROWS and _evidence(names, strong=False, named=said == "L")
    else:  # no word of the header or the row speaks: full names only
        multi = sum(1 for ws in names if len(ws) > 1)
        ok = len(names) >= MIN_ROWS and 2 * multi > len(names) and _evidence(names, strong=False)
    return [c for c, _, _ in present] if ok else []


def _context(row: list[_Cell], column: int) -> tuple[str, str]:
    others = [c.value for i, c in enumerate(row) if i != column]
    boxes = " ".join(v.split("@")[0].lower() for v in others if _EMAIL.match(v))
    if boxes or any(
        _PHONE.match(v) and sum(ch.isdigit() for ch in v) >= MIN_PHONE_DIGITS for v in others
    ):
        return "c", boxes
    return ("i" if any(_CODE.match(v) for v in others) else ""), boxes


def _table_at(
    lines: list[str], i: int
) -> tuple[list[tuple[int, list[tuple[int, str]]]], int] | None:
    """The lines of a table that starts on line ``i`` (index, split cells), and the line
    after it; None when no separator makes two lines of the same width."""
    for sep in _SEPARATORS:
        if sep not in lines[i]:
            continue
        first = _split(lines[i].rstrip("\r"), sep)
        if len(first) < 2:
            continue
        rows = [(i, first)]
        j = i + 1
        while j < len(lines):
            line = lines[j].rstrip("\r")
            if sep == "|" and len(rows) == 1 and _RULE_ROW.match(line):
                j += 1
                continue
            row = _split(line, sep)
            if len(row) != len(first):
                break
            rows.append((j, row))
            j += 1
        if len(rows) >= 2:
            return rows, j
    return None


def table_cell_names(text: str) -> Iterable[tuple[int, int, str]]:
    """Cells of a people's column in a table written into the text (see the module
    docstring)."""
    if "\n" not in text:
        return
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    i = 0
    while i < len(lines):
        found = _table_at(lines, i)
        if found is None:
            i += 1
            continue
        split_rows, end = found
        rows = [[_cell(starts[k], off, raw) for off, raw in row] for k, row in split_rows]
        headers: list[str] | None = None
        if (
            len(rows) > 2
            and not _is_header([c.value for c in rows[0]])
            and _is_header([c.value for c in rows[1]])
        ):
            rows = rows[1:]  # a sentence with as many commas as the table has columns
        if _is_header([c.value for c in rows[0]]):
            headers = [c.value for c in rows[0]]
            rows = rows[1:]
        for column in range(len(rows[0])):
            cells = [row[column] for row in rows]
            context = [_context(row, column) for row in rows]
            header = headers[column] if headers else None
            if header is None and len(cells) > MIN_ROWS and _label_above_names(cells):
                # a header row of words nobody listed ("col1,col2"): no name, names below
                header, cells, context = cells[0].value, cells[1:], context[1:]
            for c in _column_names(header, cells, context):
                yield c.start, c.start + len(c.value), SOURCE
        i = end


def _label_above_names(cells: list[_Cell]) -> bool:
    """The first cell is a label ("col2", "bewohner", or one everyday word over cells of two
    words or more: "Ringer") and every cell below has a name's shape."""
    first = cells[0].value
    below = [_words(c.value, any_case=False) for c in cells[1:]]
    word = " " not in first and kind(first.title()) == "C"
    return (
        bool(_LABEL_CELL.match(first))
        and (
            first.islower()
            or any(ch.isdigit() or ch == "_" for ch in first)
            or (word and all(ws and len(ws) > 1 for ws in below))
        )
        and all(below)
    )
