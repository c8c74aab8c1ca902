"""External formats: detection and streaming reads into :class:`~curation.records.Record`.

``read_records(path)`` yields one :class:`Parsed` per item of the file, each either a
record or a :class:`LineError` naming the 1-based line, the field and the reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from curation.errors import FieldError, InputError, UnknownFormatError
from curation.fileio.gate import check_regular_file
from curation.fileio.items import RawItem
from curation.fileio.jsonarray import iter_json_array
from curation.fileio.jsonl import iter_jsonl
from curation.fileio.source import container_of
from curation.ingest.formats.alpaca import Alpaca
from curation.ingest.formats.anthropic import AnthropicMessages
from curation.ingest.formats.article import NCompletions, RFTPairs
from curation.ingest.formats.axolotl import AxolotlChat, AxolotlCompletion, AxolotlInputOutput
from curation.ingest.formats.base import Format
from curation.ingest.formats.batch import OpenAIBatch
from curation.ingest.formats.hf import (
    HF_DISK,
    PARQUET_ROWS,
    is_hf_folder,
    iter_rows,
    nested_parquet,
)
from curation.ingest.formats.hh import HHRLHF
from curation.ingest.formats.kto import TRLKTO
from curation.ingest.formats.llamafactory import LFKTO, LFMessages, LFPreference, LFv1
from curation.ingest.formats.notes import FieldNote, NoteKey, collecting, field_notes, survey
from curation.ingest.formats.openai import OpenAIChat, OpenAIPreference, OpenAIRFT
from curation.ingest.formats.sharegpt import ShareGPT
from curation.ingest.formats.table import (
    ColumnMapping,
    Table,
    guess_mapping,
    iter_table,
    table_columns,
)
from curation.ingest.formats.trl import TRLPreference
from curation.ingest.formats.ultrafeedback import UltraFeedback
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
        LFPreference(),
        LFKTO(),
        LFMessages(),
        LFv1(),
        TRLKTO(),
        AxolotlChat(),
        AnthropicMessages(),
        OpenAIBatch(),
        AxolotlInputOutput(),
        AxolotlCompletion(),
        HHRLHF(),
        UltraFeedback(),
        Table(),
    )
}
DETECT_SAMPLE = 20


class UndetectedFormatError(UnknownFormatError):
    """The content matches no format's detection rule: the user has to name the format."""


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
        return asdict(self)


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

    def records(self, notes: Counter[NoteKey] | None = None) -> Iterator[Parsed]:
        for item in self.items():
            yield parse_item(self.format, item, notes)


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(FORMATS)
        raise UnknownFormatError(f"unknown format {name!r}; choose one of: {known}") from None


def iter_items(path: str | Path, container: str) -> Iterator[RawItem]:
    if container in (HF_DISK, PARQUET_ROWS):
        return iter_rows(path, container)
    if container in ("csv", "tsv", "parquet"):
        return iter_table(path, container)
    if container == "json":
        return iter_json_array(path)
    return iter_jsonl(path)


def parse_item(fmt: Format, item: RawItem, notes: Counter[NoteKey] | None = None) -> Parsed:
    """One item parsed; ``notes`` (when given) counts the fields mapped or kept unread."""
    if item.error is not None:
        return Parsed(item.line, error=LineError(item.line, "", item.error, item.code))
    try:
        if notes is None:
            return Parsed(item.line, record=fmt.parse(item.value), raw=item.value)
        pending: list[tuple[NoteKey, int]] = []
        with collecting(pending):
            record = fmt.parse(item.value)
        # only a record that parsed counts
        survey(record, notes, extra_action=fmt.extra_action)
        for key, n in pending:
            notes[key] += n
        if item.notes:
            notes.update(item.notes)
        return Parsed(item.line, record=record, raw=item.value)
    except FieldError as exc:
        return Parsed(item.line, error=LineError(item.line, exc.field, exc.reason), raw=item.value)
    except RecursionError:
        return Parsed(item.line, error=LineError(item.line, "record", "nested too deeply"))


def open_source(
    path: str | Path, format: str | Format | None = None, mapping: ColumnMapping | None = None
) -> Source:
    """Settle the container and the format of a file (``format`` overrides detection)."""
    p = Path(path) if is_hf_folder(Path(path)) else check_regular_file(path)
    container = source_container(p)
    if container == PARQUET_ROWS and (mapping is not None or format == "table"):
        container = "parquet"  # the user reads it as a table
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
    if isinstance(format, Format):
        return Source(p, container, format)
    if format is not None:
        return Source(p, container, get_format(format))
    return Source(p, container, detect_format(p, container))


@dataclass(frozen=True, slots=True)
class Detection:
    """Which format detection picked, by which rule, on which item, and the runner-up."""

    format: Format
    line: int
    runner_up: Format | None = None

    def explain(self) -> str:
        text = f"{self.format.name}: {self.format.rule} (item at line {self.line})"
        if self.runner_up is not None:
            text += f"; runner-up {self.runner_up.name}: {self.runner_up.rule}"
        else:
            text += "; no other layout matched"
        return text


def source_container(path: Path) -> str:
    """The container, telling a Hugging Face save_to_disk folder and a Parquet file of
    nested rows (lists of structs) from a flat table."""
    if is_hf_folder(path):
        return HF_DISK
    container = container_of(path)
    if container == "parquet" and nested_parquet(path):
        return PARQUET_ROWS
    return container


def detect_format(path: str | Path, container: str | None = None) -> Format:
    return explain_detection(path, container).format


def explain_detection(path: str | Path, container: str | None = None) -> Detection:
    """The first object among the first items decides; the highest priority among the
    formats that claim it wins, and the next one is the runner-up."""
    container = container or source_container(Path(path))
    if container in ("csv", "tsv", "parquet"):
        return Detection(FORMATS["table"], 1)
    seen_keys: list[str] = []
    first_error: RawItem | None = None
    sampled = 0
    for item in islice(iter_items(path, container), DETECT_SAMPLE):
        sampled += 1
        if item.error is not None and first_error is None:
            first_error = item
        if not isinstance(item.value, dict):
            continue
        matches = sorted(
            (f for f in FORMATS.values() if f.detect(item.value)),
            key=lambda f: f.priority,
            reverse=True,
        )
        if matches:
            return Detection(matches[0], item.line, matches[1] if len(matches) > 1 else None)
        seen_keys = sorted(item.value)
    if seen_keys:
        raise UndetectedFormatError(
            f"{path}: cannot tell the format from the keys {seen_keys}; name the format"
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
    "Detection",
    "FieldNote",
    "Format",
    "LineError",
    "NoteKey",
    "Parsed",
    "Source",
    "detect_format",
    "explain_detection",
    "field_notes",
    "get_format",
    "open_source",
    "read_records",
]
