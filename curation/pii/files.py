"""File-to-file redaction: the same format, the same items in the same order, PII replaced.

Each item is read as the raw JSON object (or table row) the file holds; recognisers run on
the format's conversation text and on every other string that is not structure
(``metadata``, grader fields, keys the format does not know, unmapped columns; tool schemas
excluded), confirmed values are propagated to all of them, and the same object is written
back with only string values changed: key order, roles and every other value stay.
An item the reader rejects is copied through byte for byte and reported, never dropped, so
a JSONL output has exactly the input's lines. Items without findings are copied verbatim.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

import orjson

from curation import exitcodes
from curation.errors import FieldError, InputError
from curation.fileio import atomic_writer, check_regular_file
from curation.ingest.formats import ColumnMapping, LineError, open_source
from curation.ingest.formats import io as fio
from curation.ingest.formats.base import Format
from curation.pii.config import PiiConfig, Secrets
from curation.pii.detect import Finding, auto_workers, detect_stream
from curation.pii.operators import OperatorSpec, Replacer
from curation.pii.redact import Cut, person_canon, redact_tree
from curation.pii.segments import Segment, object_segments
from curation.wording import plural

Progress = Callable[[int], None]


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


@dataclass(slots=True)
class _Unit:
    """One item of the input: the raw bytes (to copy verbatim) and the decoded value."""

    line: int
    raw: Any  # bytes for JSON containers, list of cells for CSV, a dict for Parquet
    value: Any = None
    error: LineError | None = None
    key: str = ""
    segments: list[Segment] = field(default_factory=list)
    ending: bytes = b"\n"


def _check(fmt: Format, unit: _Unit) -> None:
    """Parse with the format (to reject what import would reject) and list the segments."""
    if unit.error is not None:
        return
    try:
        record = fmt.parse(unit.value)
    except FieldError as exc:
        unit.error = LineError(unit.line, exc.field, exc.reason)
        return
    except RecursionError:
        unit.error = LineError(unit.line, "record", "nested too deeply")
        return
    unit.key = record.content_hash()
    unit.segments = object_segments(fmt.name, unit.value)


# --------------------------------------------------------------------------- readers


@dataclass(frozen=True, slots=True)
class _Span:
    """Where an over-long line sits in the (decompressed) source: copied from there, never held."""

    start: int
    end: int


def _jsonl_units(path: Path) -> Iterator[_Unit]:
    with fio.open_binary(path) as fh:
        line = 0
        limit = fio.MAX_ITEM_BYTES
        while True:
            start = fh.tell()
            try:
                raw = fh.readline(limit + 1)
                if len(raw) > limit and not raw.endswith(b"\n"):  # what import refuses too
                    fio._skip_rest_of_line(fh)
                    yield _Unit(
                        line + 1,
                        _Span(start, fh.tell()),
                        error=LineError(
                            line + 1, "", fio.too_long_reason() + ", not scanned", "line_too_long"
                        ),
                    )
                    line += 1
                    continue
            except fio.READ_ERRORS as exc:
                yield _Unit(
                    line + 1,
                    b"",
                    error=LineError(
                        line + 1, "", fio.damage_reason(path, line + 1, exc), "unreadable"
                    ),
                )
                return
            if not raw:
                return
            line += 1
            body = raw.removeprefix(fio.BOM) if line == 1 else raw
            ending = b"\r\n" if body.endswith(b"\r\n") else (b"\n" if body.endswith(b"\n") else b"")
            stripped = body.strip()
            if not stripped:
                yield _Unit(line, body)
                continue
            item = fio.decode_json(line, stripped)
            error = LineError(line, "", item.error, item.code) if item.error else None
            yield _Unit(line, body, item.value, error, ending=ending)


def _array_units(path: Path) -> Iterator[_Unit]:
    """Elements of a top-level JSON array with their raw bytes (the reader's own scanner)."""
    with fio.open_binary(path) as fh:
        sc = fio._ArrayScanner(fh)
        if sc._skip_ws_and(b"") != ord("["):
            raise InputError(f"{path}: expected a JSON array starting with '['")
        sc.pos += 1
        while True:
            nxt = sc._skip_ws_and(b",")
            if nxt is None or nxt == ord("]"):
                if nxt is None:
                    reason = (
                        fio.damage_reason(path, sc.line, sc.damage)
                        if sc.damage is not None
                        else "unexpected end of file: the array is not closed"
                    )
                    yield _Unit(sc.line, None, error=LineError(sc.line, "", reason))
                return
            start_line = sc.line
            end = sc._element_end()
            if end is None or end < 0:
                # the rest of the file is copied as it was, streamed from the source
                rest = _Span(fh.tell() - (len(sc.buf) - sc.pos), -1)
                if end is not None:
                    reason = fio.too_long_reason("element")
                elif sc.damage is not None:
                    reason = fio.damage_reason(path, start_line, sc.damage)
                else:
                    reason = "unexpected end of file inside this element"
                yield _Unit(start_line, rest, error=LineError(start_line, "", reason, "truncated"))
                return
            data = bytes(sc.buf[sc.pos : end])
            sc._advance_to(end)
            item = fio.decode_json(start_line, data)
            error = LineError(start_line, "", item.error, item.code) if item.error else None
            yield _Unit(start_line, data, item.value, error)


def _csv_units(path: Path, sep: str) -> Iterator[_Unit]:
    with fio.open_binary(path) as fh:
        lines = fio.BoundedLines(fh)
        reader = csv.reader(lines, delimiter=sep)
        csv.field_size_limit(max(csv.field_size_limit(), fio.MAX_ITEM_BYTES))
        columns: list[str] | None = None
        names: list[str] = []
        while True:
            start = lines.line + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield _Unit(
                    start, None, error=LineError(start, "", f"malformed row ({exc})", "invalid_row")
                )
                continue
            except fio.LineTooLong as exc:
                reason = fio.too_long_reason() + ", not copied"
                yield _Unit(exc.line, None, error=LineError(exc.line, "", reason, "line_too_long"))
                continue
            except fio.READ_ERRORS as exc:
                reason = fio.damage_reason(path, start, exc)
                yield _Unit(start, None, error=LineError(start, "", reason, "unreadable"))
                return
            if columns is None:
                columns = list(row)
                names = _header_names(columns)
                yield _Unit(start, row, key="header")
                continue
            if not row:
                yield _Unit(start, row)
                continue
            if len(row) > len(columns):
                error = LineError(
                    start, "", f"expected {len(columns)} fields, found {len(row)}", "invalid_row"
                )
                yield _Unit(start, row, error=error)
                continue
            cells = row + [""] * (len(columns) - len(row))
            yield _Unit(start, row, dict(zip(names, cells, strict=True)))


def _header_names(row: list[str]) -> list[str]:
    from curation.ingest.formats.table import _header

    return _header(row)


# --------------------------------------------------------------------------- the run


def redact_file(
    path: str | Path,
    out: str | Path,
    *,
    config: PiiConfig | None = None,
    operator: OperatorSpec | None = None,
    secrets: Secrets | None = None,
    format: str | None = None,
    mapping: ColumnMapping | None = None,
    report: str | Path | None = None,
    report_values: bool = True,
    workers: int | None = None,
    progress: Progress | None = None,
) -> FileRedactResult:
    """Redact ``path`` into ``out`` (written atomically; ``.gz`` output is gzipped).

    Every finding is applied (file mode has no review step); ``report`` gets one JSON line
    per replaced value — with the original text unless ``report_values`` is false — and one
    per rejected item.
    """
    config = (config or PiiConfig()).check_entities_known()
    spec = operator or OperatorSpec()
    if spec.name == "drop":
        raise InputError("file mode keeps every line; use placeholder, pseudonym, mask or hash")
    src = Path(path)
    source = open_source(src, format, mapping)
    result = FileRedactResult(str(path), str(out), source.format.name, source.container, spec.name)
    replacer = Replacer(spec, secrets)
    n_workers = workers or auto_workers(fio_estimate(src))
    with ExitStack() as stack:
        sink = stack.enter_context(atomic_writer(out))
        if str(out).endswith(".gz"):
            zipped = gzip.GzipFile(fileobj=sink, mode="wb", mtime=0)
            stack.callback(zipped.close)
            sink = cast(IO[bytes], zipped)
        report_fh = stack.enter_context(atomic_writer(report)) if report else None
        writer = _writer_for(source.container, src, sink, stack)
        units = _units(source.container, src, source.format)
        for unit, _segs, found in detect_stream(
            units, lambda u: u.segments, config, workers=n_workers
        ):
            if unit.key == "header":
                writer(unit, None)
                continue
            if unit.error is not None:
                result.items += 1
                result.rejected.append(unit.error)
                if report_fh is not None:
                    report_fh.write(
                        orjson.dumps(
                            {
                                "line": unit.line,
                                "error": str(unit.error),
                                "copied": unit.raw is not None,
                            }
                        )
                        + b"\n"
                    )
                writer(unit, None)
                continue
            if unit.value is None:  # a blank line
                writer(unit, None)
                continue
            result.items += 1
            if found:
                changed = _apply(unit, found, replacer)
                result.redacted_items += 1 if changed else 0
                result.findings += len(found)
                for fd in found:
                    result.by_entity[fd.entity] = result.by_entity.get(fd.entity, 0) + 1
                if report_fh is not None:
                    for fd in found:
                        row = {"line": unit.line, **fd.as_dict()}
                        if not report_values:
                            row.pop("text")
                        report_fh.write(orjson.dumps(row) + b"\n")
                writer(unit, unit.value if changed else None)
            else:
                writer(unit, None)
            if progress and result.items % 200 == 0:
                progress(result.items)
        writer(None, None)
    if progress:
        progress(result.items)
    return result


def fio_estimate(path: Path) -> int | None:
    """A rough count of texts in the file, to decide whether worker processes pay off."""
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return size // 200  # ~200 bytes of JSON per message on chat data


def _units(container: str, path: Path, fmt: Format) -> Iterator[_Unit]:
    if container == "jsonl":
        it = _jsonl_units(path)
    elif container == "json":
        it = _array_units(path)
    elif container in ("csv", "tsv"):
        it = _csv_units(path, "\t" if container == "tsv" else ",")
    else:
        it = _parquet_units(path)
    for unit in it:
        if unit.key != "header" and unit.value is not None:
            _check(fmt, unit)
        yield unit


def _parquet_units(path: Path) -> Iterator[_Unit]:
    import pyarrow.parquet as pq

    row = 0
    for batch in pq.ParquetFile(check_regular_file(path)).iter_batches(batch_size=2000):
        for values in batch.to_pylist():
            row += 1
            yield _Unit(row, values, values)


def _apply(unit: _Unit, found: list[Finding], replacer: Replacer) -> bool:
    cuts: dict[Any, list[Cut]] = {}
    for fd in found:
        cuts.setdefault(fd.path, []).append(Cut(fd.start, fd.end, fd.entity, fd.text))
    canonical = person_canon(fd.text for fd in found if fd.entity == "PERSON")
    return redact_tree(unit.value, cuts, replacer.for_record(unit.key), canonical) > 0


# --------------------------------------------------------------------------- writers

Writer = Callable[[_Unit | None, Any], None]


def _writer_for(container: str, src: Path, sink: IO[bytes], stack: ExitStack) -> Writer:
    if container == "jsonl":
        return _jsonl_writer(src, sink)
    if container == "json":
        return _array_writer(src, sink)
    if container in ("csv", "tsv"):
        return _csv_writer(src, sink, "\t" if container == "tsv" else ",")
    return _parquet_writer(src, sink, stack)


def _jsonl_writer(src: Path, sink: IO[bytes]) -> Writer:
    def write(unit: _Unit | None, value: Any) -> None:
        if unit is None:
            return
        if isinstance(unit.raw, _Span):
            _copy_span(src, unit.raw, sink)
        elif value is None:
            sink.write(unit.raw if isinstance(unit.raw, bytes) else b"")
        else:
            sink.write(orjson.dumps(value) + unit.ending)

    return write


def _copy_span(src: Path, span: _Span, sink: IO[bytes]) -> None:
    """Copy an over-long line from the source a chunk at a time."""
    with fio.open_binary(src) as fh:
        fh.seek(span.start)
        left = span.end - span.start if span.end >= 0 else None  # None: to the end
        read = getattr(fh, "read1", fh.read)
        while left is None or left > 0:
            try:
                chunk = read(fio.CHUNK if left is None else min(fio.CHUNK, left))
            except fio.READ_ERRORS:
                return  # a damaged file: what could be read is copied, the error is reported
            if not chunk:
                return
            sink.write(chunk)
            if left is not None:
                left -= len(chunk)


def _array_writer(src: Path, sink: IO[bytes]) -> Writer:
    state = {"n": 0, "broken": False}

    def write(unit: _Unit | None, value: Any) -> None:
        if state["broken"]:
            return
        if unit is None:
            sink.write(b"\n]\n" if state["n"] else b"[]\n")
            return
        if unit.raw is None:
            return
        sink.write(b"[\n" if state["n"] == 0 else b",\n")
        if unit.error is not None and unit.error.code == "truncated":
            _copy_span(src, unit.raw, sink)  # the rest of a damaged file, copied as it was
            state["broken"] = True
            return
        sink.write(
            orjson.dumps(value, option=orjson.OPT_INDENT_2) if value is not None else unit.raw
        )
        state["n"] += 1

    return write


def _csv_writer(src: Path, sink: IO[bytes], sep: str) -> Writer:
    head = fio.head_bytes(src)
    terminator = "\r\n" if b"\r\n" in head else "\n"
    text = io.TextIOWrapper(sink, encoding="utf-8", newline="", write_through=True)
    out = csv.writer(text, delimiter=sep, lineterminator=terminator)

    def write(unit: _Unit | None, value: Any) -> None:
        if unit is None:
            text.flush()
            text.detach()
            return
        if value is not None:
            out.writerow(list(value.values())[: len(unit.raw)])
        elif unit.raw is not None:
            out.writerow(unit.raw)

    return write


def _parquet_writer(src: Path, sink: IO[bytes], stack: ExitStack) -> Writer:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pq.ParquetFile(check_regular_file(src)).schema_arrow
    writer = pq.ParquetWriter(sink, schema)
    rows: list[dict[str, Any]] = []

    def flush() -> None:
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            rows.clear()

    def write(unit: _Unit | None, value: Any) -> None:
        if unit is None:
            flush()
            writer.close()
            return
        rows.append(value if value is not None else unit.raw)
        if len(rows) >= 2000:
            flush()

    return write
