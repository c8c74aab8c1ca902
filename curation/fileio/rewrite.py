"""Reading a file to write it back: every item with its layout, and its container's writer.

File modes (PII redaction, dedup) read a file with :func:`iter_items` — every JSONL line
(blank ones too), every JSON array element, the CSV/TSV header row and blank rows, every
Parquet row, each with its raw bytes or cells — and write the items they keep through
:func:`open_writer`, untouched or changed, so the output is the input's container with the
input's layout.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

from curation.fileio.gate import check_regular_file
from curation.fileio.items import RawItem
from curation.fileio.jsonarray import iter_json_array
from curation.fileio.jsonl import iter_jsonl_items
from curation.fileio.source import head_bytes
from curation.fileio.table import iter_csv, iter_parquet, separator
from curation.fileio.writers import (
    ContainerWriter,
    CsvWriter,
    JsonArrayWriter,
    JsonlWriter,
    ParquetWriter,
)


def iter_items(container: str, path: str | Path) -> Iterator[RawItem]:
    """Every item of ``path`` as its ``container`` holds it, ready to be written back.

    A CSV/TSV header row is an item coded ``header``; blank lines and rows are items
    without a value or an error.
    """
    if container == "jsonl":
        return iter_jsonl_items(path)
    if container == "json":
        return iter_json_array(path)
    if container in ("csv", "tsv"):
        return iter_csv(path, separator(container), keep_header=True, keep_blank=True)
    return iter_parquet(path)


def open_writer(container: str, src: str | Path, sink: IO[bytes]) -> ContainerWriter:
    """The writer copying ``src``'s items (read from its ``container``) into ``sink``.

    CSV/TSV rows end as the source's do (CRLF if its first lines use it); Parquet keeps
    the source's schema.
    """
    if container == "jsonl":
        return JsonlWriter(sink, src)
    if container == "json":
        return JsonArrayWriter(sink, src)
    if container in ("csv", "tsv"):
        terminator = "\r\n" if b"\r\n" in head_bytes(src) else "\n"
        return CsvWriter(sink, separator(container), terminator)
    import pyarrow.parquet as pq

    return ParquetWriter(sink, pq.ParquetFile(check_regular_file(src)).schema_arrow)
