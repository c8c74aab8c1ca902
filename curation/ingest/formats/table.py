"""CSV, TSV and Parquet: columns mapped to roles, guessed and overridable.

The rows come from the table readers of :mod:`curation.fileio.table` (every CSV/TSV row
keeps the physical line it starts on, a malformed row is reported instead of dropped);
this module maps their columns to a record's roles.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from curation.errors import FieldError, InputError
from curation.fileio.gate import check_regular_file
from curation.fileio.items import RawItem
from curation.fileio.source import open_binary
from curation.fileio.table import csv_rows, header_names, iter_csv, iter_parquet, separator
from curation.ingest.formats.base import Format
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

# every row's reason when no column could be mapped to the prompt (the CLI adds its flag)
NO_PROMPT_COLUMN = "no column is mapped to the prompt; map one"


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
        import pyarrow.parquet as pq

        return list(pq.ParquetFile(check_regular_file(path)).schema_arrow.names)
    with open_binary(path) as fh:
        for item in csv_rows(fh, separator(container), path):
            if item.error is not None:
                raise InputError(f"{path}: the header row cannot be read ({item.error})")
            return header_names(item.value)
    raise InputError(f"{path}: is empty (no header row)")


def iter_table(path: str | Path, container: str) -> Iterator[RawItem]:
    """Rows as dicts. ``line`` is the 1-based line a CSV/TSV row starts on (the header is
    usually line 1) or the 1-based row number of a Parquet file."""
    try:
        if container == "parquet":
            yield from iter_parquet(path)
        else:
            yield from iter_csv(path, separator(container))
    except (OSError, ValueError) as exc:  # pyarrow's errors derive from these
        raise InputError(f"{path}: cannot be read as {container.upper()} ({exc})") from exc


class Table(Format):
    name = "table"
    label = "CSV / TSV / Parquet (columns mapped to roles)"
    rule = "a .csv/.tsv/.parquet file name (columns mapped to roles)"
    example = "CSV with columns prompt,response (or instruction/output, question/answer)"
    containers = ("csv", "tsv", "parquet")

    def __init__(self, mapping: ColumnMapping | None = None) -> None:
        self.mapping = mapping or ColumnMapping()

    def detect(self, obj: dict[str, Any]) -> bool:  # noqa: ARG002 (the Format interface)
        return False  # chosen by file extension, never by content

    def parse(self, obj: Any) -> Record:
        m = self.mapping
        if not m.prompt:
            raise FieldError("columns", NO_PROMPT_COLUMN)
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
