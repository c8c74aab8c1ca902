"""File-to-file redaction: the same format, the same items in the same order, PII replaced.

Each item is read as the raw JSON object (or table row) the file holds; recognisers run on
the format's conversation text and on every other string that is not structure
(``metadata``, grader fields, keys the format does not know, unmapped columns; tool schemas
excluded), confirmed values are propagated to all of them, and the same object is written
back with only string values changed: key order, roles and every other value stay.
An item the reader rejects is copied through byte for byte and reported, never dropped, so
a JSONL output has exactly the input's lines. Items without findings are copied verbatim.
Reading and writing the container is :mod:`curation.fileio`'s (readers keep each item's
raw bytes, writers copy them or write the changed object); this module decides what changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson

from curation import exitcodes
from curation.errors import FieldError, InputError
from curation.fileio.atomic import atomic_writer, open_output
from curation.fileio.items import RawItem
from curation.fileio.jsonarray import NOT_AN_ARRAY
from curation.fileio.rewrite import iter_items, open_writer
from curation.fileio.table import HEADER
from curation.fileio.writers import ContainerWriter
from curation.ingest.formats import ColumnMapping, LineError, open_source
from curation.ingest.formats.base import Format
from curation.pii.config import PiiConfig, Secrets
from curation.pii.detect import Finding
from curation.pii.operators import OperatorSpec, Replacer
from curation.pii.redact import Cut, person_canon, redact_tree
from curation.pii.segments import Segment, object_segments
from curation.pii.stream import detect_stream, detection_engine
from curation.progress import Progress
from curation.wording import plural


@dataclass(slots=True)
class FileRedactResult:
    path: str
    out: str
    format: str
    container: str
    operator: str
    items: int = 0
    redacted_items: int = 0
    findings: int = 0
    by_entity: dict[str, int] = field(default_factory=dict)
    rejected: list[LineError] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 every item read, 2 some copied unchanged (rejected), 1 no item or none usable."""
        return exitcodes.for_items(self.items, len(self.rejected))

    def summary(self) -> str:
        if self.items == 0:
            return (
                f"{Path(self.path).name}: no items (the file is empty or holds only a header"
                " row); nothing to redact"
            )
        ents = ", ".join(f"{k} {v:,}" for k, v in sorted(self.by_entity.items())) or "none"
        text = (
            f"{Path(self.path).name} [{self.format}] → {self.out}: {plural(self.items, 'item')},"
            f" {self.redacted_items:,} redacted, {plural(self.findings, 'value')} replaced ({ents})"
        )
        if self.rejected:
            text += (
                f"; {plural(len(self.rejected), 'line')} the reader rejected were copied unchanged"
            )
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "out": self.out,
            "format": self.format,
            "operator": self.operator,
            "items": self.items,
            "redacted_items": self.redacted_items,
            "findings": self.findings,
            "by_entity": self.by_entity,
            "rejected": [e.as_dict() for e in self.rejected],
        }


@dataclass(frozen=True, slots=True)
class RedactFileOptions:
    """How :func:`redact_file` reads, detects, replaces and reports (all optional)."""

    config: PiiConfig | None = None
    operator: OperatorSpec | None = None
    secrets: Secrets | None = None
    format: str | None = None  # the import format's name; guessed when None
    mapping: ColumnMapping | None = None  # table columns to roles
    report: str | Path | None = None  # JSONL: one line per replaced value and rejected item
    report_values: bool = True  # the report holds the original text of each value
    workers: int | None = None  # detectors (1: this process); None: the engine decides by size


@dataclass(slots=True)
class _Unit:
    """One item of the input as read (for the writer), and what redaction knows of it."""

    item: RawItem
    error: LineError | None = None
    key: str = ""
    segments: list[Segment] = field(default_factory=list)

    @property
    def value(self) -> Any:
        return self.item.value


def _check(fmt: Format, unit: _Unit) -> None:
    """Parse with the format (to reject what import would reject) and list the segments."""
    try:
        record = fmt.parse(unit.value)
    except FieldError as exc:
        unit.error = LineError(unit.item.line, exc.field, exc.reason)
        return
    except RecursionError:
        unit.error = LineError(unit.item.line, "record", "nested too deeply")
        return
    unit.key = record.content_hash()
    unit.segments = object_segments(fmt.name, unit.value)


# --------------------------------------------------------------------------- reading

# what the report adds to the reader's reason for an over-long line
_TOO_LONG_NOTE = {"jsonl": ", not scanned", "csv": ", not copied", "tsv": ", not copied"}


def _items(container: str, path: Path) -> Iterator[RawItem]:
    """The items of ``path`` to write back; a JSON array's early end is coded ``truncated``."""
    for item in iter_items(container, path):
        if container == "json":
            if item.error == NOT_AN_ARRAY:
                raise InputError(f"{path}: {NOT_AN_ARRAY}")
            if item.span is not None:
                item.code = "truncated"  # the rest of the file is copied as it was
        yield item


def _units(container: str, path: Path, fmt: Format) -> Iterator[_Unit]:
    note = _TOO_LONG_NOTE.get(container, "")
    for item in _items(container, path):
        unit = _Unit(item)
        if item.error is not None:
            reason = item.error + (note if item.code == "line_too_long" else "")
            unit.error = LineError(item.line, "", reason, item.code)
        elif item.code != HEADER and item.value is not None:
            _check(fmt, unit)
        yield unit


# --------------------------------------------------------------------------- the run


def redact_file(
    path: str | Path,
    out: str | Path,
    options: RedactFileOptions | None = None,
    *,
    progress: Progress | None = None,
) -> FileRedactResult:
    """Redact ``path`` into ``out`` (written atomically; ``.gz`` output is gzipped).

    Every finding is applied (file mode has no review step); ``options.report`` gets one
    JSON line per replaced value — with the original text unless ``report_values`` is
    false — and one per rejected item.
    """
    opts = options or RedactFileOptions()
    config = (opts.config or PiiConfig()).check_entities_known()
    spec = opts.operator or OperatorSpec()
    if spec.name == "drop":
        raise InputError("file mode keeps every line; use placeholder, pseudonym, mask or hash")
    src = Path(path)
    source = open_source(src, opts.format, opts.mapping)
    result = FileRedactResult(str(path), str(out), source.format.name, source.container, spec.name)
    run = _Run(result, Replacer(spec, opts.secrets), opts.report_values)
    engine = detection_engine(fio_estimate(src), opts.workers)
    with ExitStack() as stack:
        sink = stack.enter_context(open_output(out))
        if opts.report:
            run.report = stack.enter_context(atomic_writer(opts.report))
        writer = open_writer(source.container, src, sink)
        units = _units(source.container, src, source.format)
        for unit, _segs, found in detect_stream(
            units, lambda u: u.segments, config, engine=engine, workers=opts.workers
        ):
            run.one(unit, found, writer)
            if progress and unit.item.value is not None and result.items % 200 == 0:
                progress("redact", result.items, None)
        writer.close()
    if progress:
        progress("redact", result.items, result.items)
    return result


@dataclass(slots=True)
class _Run:
    """What one :func:`redact_file` run counts and reports, item by item."""

    result: FileRedactResult
    replacer: Replacer
    report_values: bool
    report: IO[bytes] | None = None

    def one(self, unit: _Unit, found: list[Finding], writer: ContainerWriter) -> None:
        """Count, report and write one item: as read, or redacted."""
        result = self.result
        if unit.error is not None:
            result.items += 1
            result.rejected.append(unit.error)
            copied = unit.item.raw is not None or unit.item.span is not None
            self._report({"line": unit.item.line, "error": str(unit.error), "copied": copied})
        elif unit.item.code != HEADER and unit.value is not None:  # not a blank line
            result.items += 1
            if found:
                changed = _apply(unit, found, self.replacer)
                result.redacted_items += 1 if changed else 0
                result.findings += len(found)
                for fd in found:
                    result.by_entity[fd.entity] = result.by_entity.get(fd.entity, 0) + 1
                    if self.report is not None:
                        row = {"line": unit.item.line, **fd.as_dict()}
                        if not self.report_values:
                            row.pop("text")
                        self._report(row)
                writer.write(unit.item, unit.value if changed else None)
                return
        writer.write(unit.item)

    def _report(self, row: dict[str, Any]) -> None:
        if self.report is not None:
            self.report.write(orjson.dumps(row) + b"\n")


def fio_estimate(path: Path) -> int | None:
    """A rough count of texts in the file, to decide whether the engine pays off."""
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return size // 200  # ~200 bytes of JSON per message on chat data


def _apply(unit: _Unit, found: list[Finding], replacer: Replacer) -> bool:
    cuts: dict[Any, list[Cut]] = {}
    for fd in found:
        cuts.setdefault(fd.path, []).append(Cut(fd.start, fd.end, fd.entity, fd.text))
    canonical = person_canon(fd.text for fd in found if fd.entity == "PERSON")
    return redact_tree(unit.value, cuts, replacer.for_record(unit.key), canonical) > 0
