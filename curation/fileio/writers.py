"""Container writers: each item is copied as it was read or written from a changed value.

File modes write a file back in its own container: ``write(item)`` passes an untouched
item through (its raw bytes, or for an item too long to hold its span, copied from the
source a chunk at a time), ``write(item, value)`` writes the changed value in the item's
place (:func:`curation.fileio.rewrite.open_writer` picks the writer for a container).
:class:`CsvWriter` and :class:`ParquetWriter` also take plain rows (``writerow`` /
``add``), as export writes them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

import orjson

from curation.fileio.items import RawItem
from curation.fileio.jsonl import line_ending
from curation.fileio.source import copy_span

FLUSH_BYTES = 1 << 20
PARQUET_ROW_GROUP = 2000


class ContainerWriter(Protocol):
    """Writes the items of one file back: as read (``value`` None) or changed."""

    def write(self, item: RawItem, value: Any = None) -> None: ...

    def close(self) -> None: ...


class JsonlWriter:
    """JSON lines; an untouched line keeps its bytes and ending, a changed one its ending.

    A line read without an ending (the last of its file) gets one only if another follows.
    """

    def __init__(self, sink: IO[bytes], src: str | Path) -> None:
        self.sink = sink
        self.src = src
        self.open_line = False  # the last line written has no ending yet

    def write(self, item: RawItem, value: Any = None) -> None:
        if self.open_line:
            self.sink.write(b"\n")
            self.open_line = False
        if item.span is not None:
            copy_span(self.src, *item.span, self.sink)
            return
        raw: bytes = item.raw or b""
        data = raw if value is None else orjson.dumps(value) + line_ending(raw)
        self.sink.write(data)
        self.open_line = bool(data) and not data.endswith(b"\n")

    def close(self) -> None:
        """Nothing to finish: the last line stays as it was read."""


class JsonArrayWriter:
    """A JSON array, one element per line; a changed element is written indented.

    An item holding the span of the rest of a damaged or truncated file copies that rest
    as it was and ends the output there.
    """

    def __init__(self, sink: IO[bytes], src: str | Path) -> None:
        self.sink = sink
        self.src = src
        self.count = 0
        self.broken = False

    def write(self, item: RawItem, value: Any = None) -> None:
        if self.broken or (item.raw is None and item.span is None):
            return
        self.sink.write(b"[\n" if self.count == 0 else b",\n")
        if item.span is not None:
            copy_span(self.src, *item.span, self.sink)
            self.broken = True
            return
        if value is None:
            self.sink.write(item.raw)
        else:
            self.sink.write(orjson.dumps(value, option=orjson.OPT_INDENT_2))
        self.count += 1

    def close(self) -> None:
        if not self.broken:
            self.sink.write(b"\n]\n" if self.count else b"[]\n")


class CsvWriter:
    """CSV or TSV in UTF-8, buffered: an untouched row keeps its cells, a changed one is
    written from its values (as many cells as the row had)."""

    def __init__(self, sink: IO[bytes], sep: str = ",", terminator: str = "\r\n") -> None:
        self.sink = sink
        self.text = io.StringIO()
        self.csv = csv.writer(self.text, delimiter=sep, lineterminator=terminator)

    def write(self, item: RawItem, value: Any = None) -> None:
        if item.raw is None:
            return  # a row that could not be read has no cells to copy
        if value is None:
            self.writerow(item.raw)
        else:
            self.writerow(list(value.values())[: len(item.raw)])

    def writerow(self, cells: Sequence[Any]) -> None:
        self.csv.writerow(cells)
        if self.text.tell() >= FLUSH_BYTES:
            self.flush()

    def flush(self) -> None:
        data = self.text.getvalue()
        if data:
            self.sink.write(data.encode("utf-8"))
        self.text.seek(0)
        self.text.truncate()

    def close(self) -> None:
        self.flush()


class ParquetWriter:
    """Parquet with a fixed schema, written a row group at a time so memory stays flat."""

    def __init__(
        self,
        sink: IO[bytes] | Any,
        schema: Any,
        *,
        compression: str = "snappy",
        row_group: int = PARQUET_ROW_GROUP,
    ) -> None:
        import pyarrow.parquet as pq

        self.schema = schema
        self.names: list[str] = list(schema.names)
        self.row_group = row_group
        self.writer = pq.ParquetWriter(sink, schema, compression=compression)
        self.columns: list[list[Any]] = [[] for _ in self.names]

    def write(self, item: RawItem, value: Any = None) -> None:
        self.add(value if value is not None else item.raw)

    def add(self, row: Mapping[str, Any]) -> None:
        """One row by column name (a missing column is null)."""
        self.add_values([row.get(c) for c in self.names])

    def add_values(self, values: Sequence[Any]) -> None:
        """One row, its values in the schema's column order."""
        for column, value in zip(self.columns, values, strict=True):
            column.append(value)
        if self.names and len(self.columns[0]) >= self.row_group:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if self.columns and self.columns[0]:
            arrays = dict(zip(self.names, self.columns, strict=True))
            self.writer.write_table(pa.table(arrays, schema=self.schema))
            self.columns = [[] for _ in self.names]

    def close(self) -> None:
        self.flush()
        self.writer.close()
