"""The JSONL reader: one item per line, tagged with its 1-based line number.

Memory stays bounded by the longest line, never by the file size. :func:`iter_lines` is
the one line loop: gzip and wide encodings are handled by
:func:`~curation.fileio.source.open_binary`, the BOM of line 1 is dropped, a line over the
limit is skipped a chunk at a time (its item keeps its span for pass-through), and a
damaged file ends with an ``unreadable`` item. Import reads only the non-blank lines,
stripped; file modes that write the file back read every line with its ending.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

from curation.fileio import limits
from curation.fileio.items import RawItem, damaged, decode_json
from curation.fileio.limits import BOM, READ_ERRORS, too_long_reason
from curation.fileio.source import open_binary, skip_rest_of_line

RawLine = tuple[int, bytes] | RawItem
"""A JSONL line not decoded yet (line number, bytes), or why it is unusable."""


def iter_jsonl(path: str | Path) -> Iterator[RawItem]:
    """Yield one decoded :class:`RawItem` per non-blank line."""
    for line in iter_jsonl_lines(path):
        yield decode_line(line)


def iter_jsonl_lines(path: str | Path, *, keep_blank: bool = False) -> Iterator[RawLine]:
    """The lines of a JSONL file, undecoded: :func:`decode_line` finishes each.

    By default only the non-blank lines, stripped; with ``keep_blank`` every line as read,
    its line ending included, for writers that copy lines through.
    """
    with open_binary(path) as fh:
        yield from iter_lines(fh, path, keep_blank=keep_blank)


def iter_jsonl_items(path: str | Path) -> Iterator[RawItem]:
    """Every line as an item with its raw bytes (ending included), for writers that copy
    the file back: a blank line is an item without a value, an over-long one has a span."""
    for line in iter_jsonl_lines(path, keep_blank=True):
        if isinstance(line, RawItem):
            yield line
            continue
        line_no, raw = line
        stripped = raw.strip()
        item = decode_json(line_no, stripped) if stripped else RawItem(line_no)
        item.raw = raw
        yield item


def decode_line(line: RawLine) -> RawItem:
    """A line from :func:`iter_jsonl_lines` decoded (an unusable one is its RawItem already)."""
    return line if isinstance(line, RawItem) else decode_json(*line)


def iter_lines(
    fh: IO[bytes], name: str | Path = "input", *, keep_blank: bool = False
) -> Iterator[RawLine]:
    """The line loop of :func:`iter_jsonl_lines` over an open (decompressed) file."""
    limit = limits.MAX_ITEM_BYTES
    line_no = 0
    while True:
        try:
            raw = fh.readline(limit + 1)
        except READ_ERRORS as exc:
            yield damaged(name, line_no + 1, exc)
            return
        if not raw:
            return
        line_no += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            start = fh.tell() - len(raw)
            item = RawItem(line_no, error=too_long_reason(), code="line_too_long")
            try:
                skip_rest_of_line(fh)
            except READ_ERRORS as exc:  # the damage is inside this long line
                yield item
                yield damaged(name, line_no, exc)
                return
            item.span = (start, fh.tell())
            yield item
            continue
        if line_no == 1:
            raw = raw.removeprefix(BOM)
        if keep_blank:
            yield line_no, raw
            continue
        stripped = raw.strip()
        if stripped:
            yield line_no, stripped


def line_ending(raw: bytes) -> bytes:
    """The ending of a line as read: CRLF, LF, or none (the last line of a file)."""
    if raw.endswith(b"\r\n"):
        return b"\r\n"
    return b"\n" if raw.endswith(b"\n") else b""
