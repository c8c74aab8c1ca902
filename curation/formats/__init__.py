"""External formats: detection and streaming reads into :class:`~curation.records.Record`.

``read_records(path)`` yields one :class:`Parsed` per item of the file, each either a
record or a :class:`LineError` naming the 1-based line, the field and the reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from curation.errors import FieldError, InputError, UnknownFormatError
from curation.fileio import check_regular_file
from curation.formats.alpaca import Alpaca
from curation.formats.article import NCompletions, RFTPairs
from curation.formats.base import Format
from curation.formats.hh import HHRLHF
from curation.formats.io import RawItem, container_of, iter_json_array, iter_jsonl
from curation.formats.openai import OpenAIChat, OpenAIPreference, OpenAIRFT
from curation.formats.sharegpt import ShareGPT
from curation.formats.table import ColumnMapping, Table, guess_mapping, iter_table, table_columns
from curation.formats.trl import TRLPreference
from curation.formats.ultrafeedback import UltraFeedback
from curation.records import Record

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        OpenAIChat(),
        OpenAIPreference(),
        OpenAIRFT(),
        RFTPairs(),
        NCompletions(),
        TRLPreference(),
        ShareGPT(),
        Alpaca(),
        HHRLHF(),
        UltraFeedback(),
        Table(),
    )
}
DETECT_SAMPLE = 20


@dataclass(slots=True)
class LineError:
    """Why one line of a file was rejected."""

    line: int
    field: str
    reason: str
    code: str = "invalid_field"

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"line {self.line}: {where}{self.reason}"

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "field": self.field, "reason": self.reason, "code": self.code}


@dataclass(slots=True)
class Parsed:
    line: int
    record: Record | None = None
    error: LineError | None = None
    raw: Any = None


@dataclass(slots=True)
class Source:
    """A file with its container, format and (for tables) column mapping settled."""

    path: Path
    container: str
    format: Format
    mapping: ColumnMapping | None = None

    def items(self) -> Iterator[RawItem]:
        return iter_items(self.path, self.container)

    def records(self) -> Iterator[Parsed]:
        for item in self.items():
            yield parse_item(self.format, item)


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(FORMATS)
        raise UnknownFormatError(f"unknown format {name!r}; choose one of: {known}") from None


def iter_items(path: str | Path, container: str) -> Iterator[RawItem]:
    if container in ("csv", "tsv", "parquet"):
        return iter_table(path, container)
    if container == "json":
        return iter_json_array(path)
    return iter_jsonl(path)


def parse_item(fmt: Format, item: RawItem) -> Parsed:
    if item.error is not None:
        return Parsed(item.line, error=LineError(item.line, "", item.error, item.code))
    try:
        return Parsed(item.line, record=fmt.parse(item.value), raw=item.value)
    except FieldError as exc:
        return Parsed(item.line, error=LineError(item.line, exc.field, exc.reason), raw=item.value)
    except RecursionError:
        return Parsed(item.line, error=LineError(item.line, "record", "nested too deeply"))


def open_source(
    path: str | Path, format: str | None = None, mapping: ColumnMapping | None = None
) -> Source:
    """Settle the container and the format of a file (``format`` overrides detection)."""
    p = check_regular_file(path)
    container = container_of(p)
    if container in ("csv", "tsv", "parquet"):
        if format not in (None, "table"):
            raise UnknownFormatError(
                f"{p}: a {container.upper()} file is read as 'table', not {format!r}"
            )
        try:
            columns = table_columns(p, container)
        except InputError:
            raise  # already says what is wrong with the file (UTF-16, a pipe, …)
        except Exception as exc:  # pandas/pyarrow raise many types for a damaged file
            raise InputError(f"{p}: cannot be read as {container.upper()} ({exc})") from exc
        chosen = mapping or guess_mapping(columns)
        missing = [c for c in chosen.as_dict().values() if c is not None and c not in columns]
        if missing:
            raise InputError(
                f"{p}: no column named {missing[0]!r}; columns are {', '.join(columns)}"
            )
        return Source(p, container, Table(chosen), chosen)
    if format is not None:
        return Source(p, container, get_format(format))
    return Source(p, container, detect_format(p, container))


def detect_format(path: str | Path, container: str | None = None) -> Format:
    container = container or container_of(path)
    seen_keys: list[str] = []
    first_error: RawItem | None = None
    sampled = 0
    for item in islice(iter_items(path, container), DETECT_SAMPLE):
        sampled += 1
        if item.error is not None and first_error is None:
            first_error = item
        if not isinstance(item.value, dict):
            continue
        matches = [f for f in FORMATS.values() if f.detect(item.value)]
        if matches:
            return max(matches, key=lambda f: f.priority)
        seen_keys = sorted(item.value)
    if seen_keys:
        raise UnknownFormatError(
            f"{path}: cannot tell the format from the keys {seen_keys}; pass --format"
            f" (one of: {', '.join(FORMATS)})"
        )
    if sampled == 0:
        raise UnknownFormatError(f"{path}: is empty (no items); nothing to read")
    if first_error is not None:
        raise UnknownFormatError(
            f"{path}: line {first_error.line}: {first_error.error}; no readable JSON object in"
            f" the first {sampled} items"
        )
    raise UnknownFormatError(
        f"{path}: no JSON object in the first {sampled} items (each is a list or a plain value)"
    )


def read_records(
    path: str | Path, format: str | None = None, mapping: ColumnMapping | None = None
) -> Iterator[Parsed]:
    return open_source(path, format, mapping).records()


__all__ = [
    "FORMATS",
    "ColumnMapping",
    "Format",
    "LineError",
    "Parsed",
    "Source",
    "detect_format",
    "get_format",
    "open_source",
    "read_records",
]
