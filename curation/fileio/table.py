"""The table readers: CSV/TSV rows through the ``csv`` module, Parquet rows through pyarrow.

Every CSV/TSV row keeps the physical line it starts on (quoted cells may span lines); a
malformed row, a row with too many fields and a line over the limit are reported instead
of dropped, and a damaged file ends with an ``unreadable`` item. Lines are decoded as
UTF-8 (undecodable bytes become U+FFFD), the BOM is dropped and a lone carriage return
ends a line, as a text stream opened with ``newline=""`` would. Column names are made
unique as pandas makes them. A Parquet row's ``line`` is its 1-based row number.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from curation.fileio import limits
from curation.fileio.gate import check_regular_file
from curation.fileio.items import RawItem, damaged
from curation.fileio.limits import BOM, READ_ERRORS, too_long_reason
from curation.fileio.source import open_binary, skip_rest_of_line

PARQUET_BATCH = 5000
HEADER = "header"  # the code of the header row's item, when one is asked for


def separator(container: str) -> str:
    """The cell separator of ``csv`` or ``tsv``."""
    return "\t" if container == "tsv" else ","


def iter_csv(
    path: str | Path, sep: str, *, keep_header: bool = False, keep_blank: bool = False
) -> Iterator[RawItem]:
    """Data rows as dicts of column name to cell, each with its cells as ``raw``.

    With ``keep_header`` the header row comes first as an item coded ``header``; with
    ``keep_blank`` blank rows come as items without a value (both for writers that copy
    the file back). Short rows are padded with empty cells; a longer one is an error.
    """
    columns: list[str] | None = None
    with open_binary(path) as fh:
        for item in csv_rows(fh, sep, path, keep_blank=keep_blank):
            if item.error is not None:
                yield item
                if item.code == "unreadable":
                    return
                continue
            row: list[str] = item.value
            if columns is None:
                columns = header_names(row)
                if keep_header:
                    yield RawItem(item.line, raw=row, code=HEADER)
                continue
            if not row:
                yield RawItem(item.line, raw=row)
            elif len(row) > len(columns):
                yield RawItem(
                    item.line,
                    error=f"expected {len(columns)} fields, found {len(row)}",
                    code="invalid_row",
                    raw=row,
                )
            else:
                cells = row + [""] * (len(columns) - len(row))
                yield RawItem(item.line, dict(zip(columns, cells, strict=True)), raw=row)


def csv_rows(
    fh: IO[bytes], sep: str, name: str | Path = "input", *, keep_blank: bool = False
) -> Iterator[RawItem]:
    """Rows (lists of cells; blank ones only with ``keep_blank``), each with the line it
    starts on."""
    csv.field_size_limit(max(csv.field_size_limit(), limits.MAX_ITEM_BYTES))
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
        except LineTooLongError as exc:
            yield RawItem(exc.line, error=too_long_reason(), code="line_too_long")
            continue
        except READ_ERRORS as exc:
            yield damaged(name, start, exc)
            return
        if row or keep_blank:
            yield RawItem(start, row)


def header_names(row: list[str]) -> list[str]:
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


def iter_parquet(path: str | Path) -> Iterator[RawItem]:
    """Rows as dicts (also their ``raw``), ``line`` the 1-based row number."""
    import pyarrow.parquet as pq

    row = 0
    for batch in pq.ParquetFile(check_regular_file(path)).iter_batches(batch_size=PARQUET_BATCH):
        for values in batch.to_pylist():
            row += 1
            yield RawItem(row, values, raw=values)


class LineTooLongError(Exception):
    """Raised by :class:`BoundedLines` for one over-long line; the iterator goes on after it."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


# A carriage return not followed by a line feed ends a line too (old Mac files), as for
# a text stream opened with newline="".
_LONE_CR = re.compile(r"(?<=\r)(?!\n)")


class BoundedLines:
    """Decoded text lines for :func:`csv.reader`, none read past the line limit.

    ``line`` is the number of physical lines handed out (or skipped) so far. A line longer
    than the limit is skipped a chunk at a time and raises :class:`LineTooLongError`; the next
    call goes on with the following line. Undecodable bytes become U+FFFD, as before.
    """

    def __init__(self, fh: IO[bytes]) -> None:
        self.fh = fh
        self.line = 0
        self._pending: list[str] = []

    def __iter__(self) -> BoundedLines:
        return self

    def __next__(self) -> str:
        if self._pending:
            self.line += 1
            return self._pending.pop()
        limit = limits.MAX_ITEM_BYTES
        raw = self.fh.readline(limit + 1)
        if not raw:
            raise StopIteration
        if len(raw) > limit and not raw.endswith(b"\n"):
            self.line += 1
            skip_rest_of_line(self.fh)
            raise LineTooLongError(self.line)
        if self.line == 0:
            raw = raw.removeprefix(BOM)
        text = raw.decode("utf-8", errors="replace")
        if "\r" in text:
            pieces = [p for p in _LONE_CR.split(text) if p]
            if len(pieces) > 1:
                self._pending = pieces[:0:-1]
                text = pieces[0]
        self.line += 1
        return text
