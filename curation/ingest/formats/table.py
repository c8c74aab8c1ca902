"""CSV, TSV and Parquet: columns mapped to roles, guessed and overridable.

CSV/TSV go through the standard ``csv`` module so every row keeps the physical
line it starts on (quoted cells may span lines) and a malformed row is reported
instead of being dropped; Parquet goes through pyarrow.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

import pyarrow.parquet as pq

from curation.errors import FieldError, InputError
from curation.fileio import check_regular_file
from curation.ingest.formats import io as fio
from curation.ingest.formats.base import Format
from curation.ingest.formats.io import (
    READ_ERRORS,
    BoundedLines,
    LineTooLong,
    RawItem,
    damaged,
    open_binary,
    too_long_reason,
)
from curation.records import Completion, Message, Record

GUESSES: dict[str, tuple[str, ...]] = {
    "system": ("system", "system_prompt", "system_message"),
    "prompt": ("prompt", "instruction", "question", "query", "input", "user", "human", "context"),
    "response": (
        "response",
        "output",
        "answer",
        "completion",
        "assistant",
        "reply",
        "gpt",
        "target",
    ),
    "chosen": ("chosen", "preferred", "preferred_response", "accepted"),
    "rejected": ("rejected", "non_preferred", "dispreferred", "rejected_response"),
}
ROW_CHUNK = 5000


@dataclass(slots=True)
class ColumnMapping:
    """Which column plays which role. ``prompt`` is required; then response or chosen+rejected."""

    prompt: str | None = None
    response: str | None = None
    system: str | None = None
    chosen: str | None = None
    rejected: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return asdict(self)

    @classmethod
    def parse(cls, text: str) -> ColumnMapping:
        """``prompt=question,response=answer`` as typed on the command line."""
        values: dict[str, str] = {}
        for part in filter(None, (p.strip() for p in text.split(","))):
            role, sep, column = part.partition("=")
            if not sep or role.strip() not in GUESSES:
                raise InputError(
                    f"--columns: {part!r} is not ROLE=COLUMN with ROLE one of {', '.join(GUESSES)}"
                )
            values[role.strip()] = column.strip()
        return cls(**values)


def guess_mapping(columns: list[str]) -> ColumnMapping:
    lower = {c.lower().strip(): c for c in columns}
    found: dict[str, str] = {}
    used: set[str] = set()
    for role in ("system", "chosen", "rejected", "prompt", "response"):
        for name in GUESSES[role]:
            if name in lower and lower[name] not in used:
                found[role] = lower[name]
                used.add(lower[name])
                break
    return ColumnMapping(**found)


def table_columns(path: str | Path, container: str) -> list[str]:
    if container == "parquet":
        return list(pq.ParquetFile(check_regular_file(path)).schema_arrow.names)
    with open_binary(path) as fh:
        for item in _csv_rows(fh, "\t" if container == "tsv" else ",", path):
            if item.error is not None:
                raise InputError(f"{path}: the header row cannot be read ({item.error})")
            return _header(item.value)
    raise InputError(f"{path}: is empty (no header row)")


def iter_table(path: str | Path, container: str) -> Iterator[RawItem]:
    """Rows as dicts. ``line`` is the 1-based line a CSV/TSV row starts on (the header is
    usually line 1) or the 1-based row number of a Parquet file."""
    try:
        if container == "parquet":
            yield from _iter_parquet(path)
        else:
            yield from _iter_csv(path, "\t" if container == "tsv" else ",")
    except (OSError, ValueError) as exc:  # pyarrow's errors derive from these
        raise InputError(f"{path}: cannot be read as {container.upper()} ({exc})") from exc


def _iter_csv(path: str | Path, sep: str) -> Iterator[RawItem]:
    columns: list[str] | None = None
    with open_binary(path) as fh:
        for item in _csv_rows(fh, sep, path):
            if item.error is not None:
                yield item
                if item.code == "unreadable":
                    return
                continue
            row: list[str] = item.value
            if columns is None:
                columns = _header(row)
                continue
            if len(row) > len(columns):
                yield RawItem(
                    item.line,
                    error=f"expected {len(columns)} fields, found {len(row)}",
                    code="invalid_row",
                )
                continue
            row += [""] * (len(columns) - len(row))
            yield RawItem(item.line, dict(zip(columns, row, strict=True)))


def _csv_rows(fh: IO[bytes], sep: str, name: str | Path = "input") -> Iterator[RawItem]:
    """Non-blank rows (lists of cells), each tagged with the line it starts on."""
    csv.field_size_limit(max(csv.field_size_limit(), fio.MAX_ITEM_BYTES))
    lines = BoundedLines(fh)
    reader = csv.reader(lines, delimiter=sep)
    while True:
        start = lines.line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RawItem(start, error=f"malformed row ({exc})", code="invalid_row")
            continue
        except LineTooLong as exc:
            yield RawItem(exc.line, error=too_long_reason(), code="line_too_long")
            continue
        except READ_ERRORS as exc:
            yield damaged(name, start, exc)
            return
        if row:
            yield RawItem(start, row)


def _header(row: list[str]) -> list[str]:
    """Column names as pandas would give them: blanks become ``Unnamed: i``, repeats ``name.1``."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for i, raw in enumerate(row):
        name = raw if raw.strip() else f"Unnamed: {i}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        seen.setdefault(name, 0)
        out.append(name)
    return out


def _iter_parquet(path: str | Path) -> Iterator[RawItem]:
    row = 0
    for batch in pq.ParquetFile(check_regular_file(path)).iter_batches(batch_size=ROW_CHUNK):
        for values in batch.to_pylist():
            row += 1
            yield RawItem(row, values)


class Table(Format):
    name = "table"
    label = "CSV / TSV / Parquet (columns mapped to roles)"
    rule = "a .csv/.tsv/.parquet file name (columns mapped to roles)"
    example = "CSV with columns prompt,response (or instruction/output, question/answer)"
    containers = ("csv", "tsv", "parquet")

    def __init__(self, mapping: ColumnMapping | None = None) -> None:
        self.mapping = mapping or ColumnMapping()

    def detect(self, obj: dict[str, Any]) -> bool:
        return False  # chosen by file extension, never by content

    def parse(self, obj: Any) -> Record:
        m = self.mapping
        if not m.prompt:
            raise FieldError(
                "columns", "no column is mapped to the prompt; pass --columns prompt=NAME"
            )
        messages: list[Message] = []
        system = _cell(obj, m.system) if m.system else None
        if system:
            messages.append({"role": "system", "content": system})
        prompt = _cell(obj, m.prompt)
        if not prompt:
            raise FieldError(m.prompt, "is empty")
        messages.append({"role": "user", "content": prompt})
        metadata = {k: v for k, v in obj.items() if k not in m.as_dict().values() and _present(v)}
        if m.chosen and m.rejected:
            chosen, rejected = _cell(obj, m.chosen), _cell(obj, m.rejected)
            for col, text in ((m.chosen, chosen), (m.rejected, rejected)):
                if not text:
                    raise FieldError(col, "is empty")
            return Record(
                messages=messages,
                completions=[
                    Completion([{"role": "assistant", "content": chosen}], source="chosen"),
                    Completion([{"role": "assistant", "content": rejected}], source="rejected"),
                ],
                rankings=[(0, 1)],
                metadata=_jsonable(metadata),
            )
        if not m.response:
            raise FieldError("columns", "map a response column, or both chosen and rejected")
        response = _cell(obj, m.response)
        if not response:
            raise FieldError(m.response, "is empty")
        messages.append({"role": "assistant", "content": response})
        return Record(messages=messages, metadata=_jsonable(metadata))


def _present(value: Any) -> bool:
    return not (value is None or value == "" or (isinstance(value, float) and math.isnan(value)))


def _cell(row: dict[str, Any], column: str | None) -> str:
    if column is None:
        return ""
    if column not in row:
        raise FieldError(column, "no such column in this file")
    value = row[column]
    if not _present(value):
        return ""
    return value if isinstance(value, str) else str(value)


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in values.items():
        out[str(k)] = v if isinstance(v, str | int | float | bool) or v is None else str(v)
    return out
