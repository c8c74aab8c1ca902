"""Streaming file writers (JSONL, CSV, Parquet) that hash what they write.

Each sink writes into a binary file handle (a temporary file staged by
:class:`curation.export.staging.Staging`), buffers a little for speed, and reports the
row count, byte count and sha256 of exactly the bytes written, so the manifest's
checksum is the file's without reading it back. The CSV and Parquet encoding is
:mod:`curation.fileio.writers`'; this module adds the hashing and the formula rule.

The table sinks (CSV, Parquet) neutralise spreadsheet formulas (OWASP's advice on CSV
injection): a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is written with a single quote in front, so a spreadsheet shows it as text instead
of running it. They count the cells changed; the manifest states the rule and the count.
JSONL is written as it is.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import IO, Any, cast

import orjson

from curation.fileio.writers import FLUSH_BYTES, CsvWriter, ParquetWriter

PARQUET_ROW_GROUP = 10_000
FORMULA_START = frozenset("=+-@\t\r")
FORMULA_PREFIX = "'"
FORMULA_RULE = (
    "a cell starting with =, +, -, @, a tab or a carriage return is written with a single "
    "quote (') in front, so that a spreadsheet shows it as text (OWASP, CSV injection)"
)


@dataclass(frozen=True, slots=True)
class Written:
    rows: int
    bytes: int
    sha256: str
    escaped_cells: int = 0  # table sinks: cells given the formula-neutralising quote


class _HashingFile:
    """A write-only file object that hashes and counts every byte on its way to ``raw``."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.digest = hashlib.sha256()
        self.size = 0
        self.closed = False

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data).cast("B")
        self.digest.update(view)
        self.size += view.nbytes
        self.raw.write(view)
        return view.nbytes

    def tell(self) -> int:
        return self.size

    def flush(self) -> None:
        self.raw.flush()

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readable(self) -> bool:
        return False

    def close(self) -> None:  # the staging owns the real file
        self.closed = True


class Sink:
    """Write rows one at a time, as :func:`row_encoder` encoded them for this container;
    :meth:`finish` returns what was written."""

    def __init__(self, fh: IO[bytes]) -> None:
        self.out = _HashingFile(fh)
        self.rows = 0
        self.escaped = 0

    def write(self, row: Any) -> None:
        raise NotImplementedError

    def finish(self) -> Written:
        self.out.flush()
        return Written(self.rows, self.out.size, self.out.digest.hexdigest(), self.escaped)

    def abort(self) -> None:
        """Release what the sink holds after a failure (the staging removes the file)."""

    def cell(self, value: Any) -> Any:
        """A table cell, a formula neutralised (see the module's docstring)."""
        if isinstance(value, str) and value[:1] in FORMULA_START:
            self.escaped += 1
            return FORMULA_PREFIX + value
        return value


class JsonlSink(Sink):
    """One JSON object per line, given as its encoded line. Joining, hashing and writing a
    full buffer happen in a worker thread (hashlib and file writes release the GIL), while
    the caller builds the next lines; at most one buffer is in flight."""

    def __init__(self, fh: IO[bytes]) -> None:
        super().__init__(fh)
        self.buffer: list[bytes] = []
        self.pending = 0
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="export-write")
        self.in_flight: Future[None] | None = None

    def write(self, row: bytes) -> None:
        self.write_lines(row, 1)

    def write_lines(self, data: bytes, rows: int) -> None:
        """``rows`` lines already joined (each ends with a newline)."""
        self.buffer.append(data)
        self.pending += len(data)
        self.rows += rows
        if self.pending >= FLUSH_BYTES:
            self._drain()

    def _drain(self) -> None:
        self._wait()
        if self.buffer:
            lines, self.buffer, self.pending = self.buffer, [], 0
            self.in_flight = self.pool.submit(self._write_lines, lines)

    def _write_lines(self, lines: list[bytes]) -> None:
        self.out.write(b"".join(lines))

    def _wait(self) -> None:
        if self.in_flight is not None:
            flight, self.in_flight = self.in_flight, None
            flight.result()  # re-raises a failed write (e.g. a full disk) here

    def finish(self) -> Written:
        self._drain()
        self._wait()
        self.pool.shutdown()
        return super().finish()

    def abort(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class CsvSink(Sink):
    """RFC 4180 CSV in UTF-8, a header row first; cells may hold newlines (quoted).

    Rows end with CRLF, as the RFC says: Python's writer quotes a cell only for the
    characters of its line ending, so with a bare LF a cell holding a lone carriage
    return went out unquoted and split its row for every reader."""

    def __init__(self, fh: IO[bytes], columns: tuple[str, ...]) -> None:
        super().__init__(fh)
        self.columns = columns
        self.table = CsvWriter(cast(IO[bytes], self.out), ",", "\r\n")
        self.table.writerow(columns)

    def write(self, row: dict[str, Any]) -> None:
        self.table.writerow([self.cell(row.get(c, "")) for c in self.columns])
        self.rows += 1

    def finish(self) -> Written:
        self.table.close()
        return super().finish()


class ParquetSink(Sink):
    """String columns, written a row group at a time so memory stays flat."""

    def __init__(self, fh: IO[bytes], columns: tuple[str, ...]) -> None:
        import pyarrow as pa

        super().__init__(fh)
        self.columns = columns
        schema = pa.schema([(c, pa.string()) for c in columns])
        self.table = ParquetWriter(
            self.out, schema, compression="zstd", row_group=PARQUET_ROW_GROUP
        )

    def write(self, row: dict[str, Any]) -> None:
        self.table.add_values([self.cell(row.get(c)) for c in self.columns])
        self.rows += 1

    def finish(self) -> Written:
        self.table.close()
        return super().finish()

    def abort(self) -> None:
        with contextlib.suppress(Exception):  # the file is being discarded anyway
            self.table.writer.close()


def jsonl_line(row: dict[str, Any]) -> bytes:
    return orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE)


def keep_row(row: dict[str, Any]) -> dict[str, Any]:
    return row


def row_encoder(container: str) -> Callable[[dict[str, Any]], Any]:
    """How a row is handed to its container's sink: a JSONL line, or the dict for a table."""
    return jsonl_line if container == "jsonl" else keep_row


def open_sink(container: str, fh: IO[bytes], columns: tuple[str, ...]) -> Sink:
    if container == "csv":
        return CsvSink(fh, columns)
    if container == "parquet":
        return ParquetSink(fh, columns)
    return JsonlSink(fh)
