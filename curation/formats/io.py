"""Streaming readers: JSONL, JSON arrays and tables, each item tagged with its 1-based line.

Memory stays bounded by the largest single item, never by the file size. Gzip is
recognised by its magic bytes, a UTF-8 BOM is skipped, CRLF and blank lines are
fine. A damaged item becomes a :class:`RawItem` with an error and the reader goes
on with the next one.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from curation.errors import InputError

MAX_ITEM_BYTES = 64 * 1024 * 1024
CHUNK = 1 << 20
# orjson reads 1024 levels but writes only 254: a deeper item would parse, then fail to be
# hashed or stored. Records wrap source values in a few levels of their own, hence the margin.
MAX_DEPTH = 128
BOM = b"\xef\xbb\xbf"
# What reading a damaged (e.g. corrupt gzip) file can raise: zlib.error is not an OSError.
READ_ERRORS: tuple[type[Exception], ...] = (OSError, EOFError, zlib.error)


@dataclass(slots=True)
class RawItem:
    """One item of a file before format parsing: a decoded value or why it could not be."""

    line: int
    value: Any = None
    error: str | None = None
    code: str = "invalid_json"
    # what reading the item already changed (see curation.formats.notes), if anything
    notes: dict[tuple[str, str, str], int] | None = None


def open_binary(path: str | Path) -> IO[bytes]:
    """Open a file for reading bytes, transparently un-gzipping it."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a file")
    try:
        raw = p.open("rb")
    except OSError as exc:
        raise InputError(f"{p}: cannot be opened ({exc.strerror})") from exc
    magic = raw.read(2)
    raw.seek(0)
    if magic == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


def head_bytes(path: str | Path, size: int = 65536) -> bytes:
    """The first bytes of a (possibly gzipped) file, BOM removed, for format detection."""
    with open_binary(path) as fh:
        try:
            data = fh.read(size)
        except READ_ERRORS as exc:
            raise InputError(f"{path}: cannot be read ({exc})") from exc
    return data.removeprefix(BOM)


def container_of(path: str | Path) -> str:
    """``jsonl``, ``json`` (one top-level array), ``csv``, ``tsv`` or ``parquet``."""
    name = Path(path).name.lower().removesuffix(".gz")
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith(".tsv"):
        return "tsv"
    if name.endswith(".csv"):
        return "csv"
    head = head_bytes(path, 4096).lstrip()
    if head.startswith(b"["):
        return "json"
    if name.endswith(".json") and head.startswith(b"{") and _single_json_object(path):
        return "json"
    return "jsonl"


def _single_json_object(path: str | Path) -> bool:
    """A ``.json`` file holding one object that spans lines (``{"data": [...]}``) is not JSONL."""
    first = b""
    with open_binary(path) as fh:
        try:
            while not first:  # the first non-blank line
                raw = fh.readline(MAX_ITEM_BYTES + 1)
                if not raw:
                    break
                first = raw.removeprefix(BOM).strip()
        except READ_ERRORS:
            pass
    try:
        orjson.loads(first)
    except orjson.JSONDecodeError:
        return True
    return False


def iter_jsonl(path: str | Path) -> Iterator[RawItem]:
    """Yield one :class:`RawItem` per non-blank line."""
    for line in iter_jsonl_lines(path):
        yield decode_line(line)


RawLine = tuple[int, bytes] | RawItem
"""A non-blank JSONL line not decoded yet (line number, stripped bytes), or why it is unusable."""


def iter_jsonl_lines(path: str | Path) -> Iterator[RawLine]:
    """The non-blank lines of a JSONL file, undecoded: :func:`decode_line` finishes each."""
    with open_binary(path) as fh:
        yield from _jsonl_lines(fh)


def decode_line(line: RawLine) -> RawItem:
    """A line from :func:`iter_jsonl_lines` decoded (an unusable one is its RawItem already)."""
    return line if isinstance(line, RawItem) else decode_json(*line)


def _jsonl_lines(fh: IO[bytes]) -> Iterator[RawLine]:
    line_no = 0
    while True:
        try:
            raw = fh.readline(MAX_ITEM_BYTES + 1)
        except READ_ERRORS as exc:
            yield RawItem(
                line_no + 1, error=f"file is damaged from here on ({exc})", code="unreadable"
            )
            return
        if not raw:
            return
        line_no += 1
        if len(raw) > MAX_ITEM_BYTES and not raw.endswith(b"\n"):
            yield RawItem(
                line_no, error=f"line is longer than {_size(MAX_ITEM_BYTES)}", code="line_too_long"
            )
            try:
                _skip_rest_of_line(fh)
            except READ_ERRORS as exc:  # the damage is inside this long line
                yield RawItem(
                    line_no, error=f"file is damaged from here on ({exc})", code="unreadable"
                )
                return
            continue
        if line_no == 1:
            raw = raw.removeprefix(BOM)
        stripped = raw.strip()
        if stripped:
            yield line_no, stripped


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MiB" if n >= 1024 * 1024 else f"{n:,} bytes"


def _skip_rest_of_line(fh: IO[bytes]) -> None:
    while True:
        chunk = fh.readline(CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def decode_json(line: int, data: bytes) -> RawItem:
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as uexc:
            return RawItem(line, error=f"not valid UTF-8 at byte {uexc.start}", code="invalid_utf8")
        return RawItem(line, error=f"invalid JSON: {_json_reason(exc)}")
    # Counting brackets is cheap; only an item with that many can be nested that deep.
    if data.count(b"[") + data.count(b"{") > MAX_DEPTH and too_deep(value):
        return RawItem(line, error=f"nested more than {MAX_DEPTH} levels deep", code="too_deep")
    return RawItem(line, value)


def too_deep(value: Any, limit: int | None = None) -> bool:
    """Whether lists/objects nest more than ``limit`` (default MAX_DEPTH) levels deep."""
    limit = MAX_DEPTH if limit is None else limit
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def _json_reason(exc: orjson.JSONDecodeError) -> str:
    msg = str(exc)
    return msg.split(": line")[0] if ": line" in msg else msg


_OUTSIDE = re.compile(rb'["{}\[\]]')
_INSIDE = re.compile(rb'["\\]')


def iter_json_array(path: str | Path) -> Iterator[RawItem]:
    """Yield each element of a top-level JSON array without loading the whole file.

    Element boundaries are found by bracket depth (string-aware), so a malformed
    element is reported on its own line and the following elements still load.
    """
    with open_binary(path) as fh:
        yield from _ArrayScanner(fh).items()


class _ArrayScanner:
    def __init__(self, fh: IO[bytes]) -> None:
        self.fh = fh
        self.buf = b""
        self.pos = 0
        self.line = 1  # line number at self.pos
        self.eof = False
        self.damage: str | None = None  # why reading stopped early, if it did
        # read1 hands over what is decompressed so far, so data before a damaged spot is kept.
        self._read = getattr(fh, "read1", fh.read)

    def _fill(self) -> bool:
        if self.eof:
            return False
        try:
            chunk = self._read(CHUNK)
        except READ_ERRORS as exc:
            self.damage = str(exc)
            chunk = b""
        if not chunk:
            self.eof = True
            return False
        if not self.buf and self.line == 1 and self.pos == 0:
            chunk = chunk.removeprefix(BOM)
        self.buf = self.buf[self.pos :] + chunk
        self.pos = 0
        return True

    def _advance_to(self, new_pos: int) -> None:
        self.line += self.buf.count(b"\n", self.pos, new_pos)
        self.pos = new_pos

    def _skip_ws_and(self, extra: bytes) -> int | None:
        """Skip whitespace and the given separator bytes; return the next byte or None at EOF."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in b" \t\r\n" + extra:
                if self.buf[self.pos] == 0x0A:
                    self.line += 1
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return None

    def items(self) -> Iterator[RawItem]:
        first = self._skip_ws_and(b"")
        if first != ord("["):
            yield self._eof_item(self.line, "expected a JSON array starting with '['")
            return
        self.pos += 1
        while True:
            nxt = self._skip_ws_and(b",")
            if nxt is None:
                yield self._eof_item(self.line, "unexpected end of file: the array is not closed")
                return
            if nxt == ord("]"):
                return
            start_line = self.line
            end = self._element_end()
            if end is None:
                yield self._eof_item(
                    start_line,
                    "unexpected end of file inside this element (unbalanced brackets or quotes)",
                )
                return
            if end < 0:
                yield RawItem(
                    start_line,
                    error=f"element is longer than {_size(MAX_ITEM_BYTES)}",
                    code="line_too_long",
                )
                return
            data = self.buf[self.pos : end]
            self._advance_to(end)
            yield decode_json(start_line, data)

    def _eof_item(self, line: int, reason: str) -> RawItem:
        if self.damage is not None:
            return RawItem(
                line, error=f"file is damaged from here on ({self.damage})", code="unreadable"
            )
        return RawItem(line, error=reason)

    def _element_end(self) -> int | None:
        """Offset just past the element starting at self.pos; None at EOF, -1 if too long."""
        if self.buf[self.pos] not in b'{["':
            return self._scalar_end()
        depth = 0
        in_string = False
        i = self.pos
        while True:
            m = (_INSIDE if in_string else _OUTSIDE).search(self.buf, i)
            if m is None or (
                in_string and m.end() >= len(self.buf) and self.buf[m.start()] == 0x5C
            ):
                # Resume after what was scanned (at a trailing backslash: at it), never from
                # the element's start again: rescanning made long elements quadratic.
                rel = (len(self.buf) if m is None else m.start()) - self.pos
                if not self._grow():
                    return None if self.eof else -1
                i = self.pos + rel
                continue
            ch = self.buf[m.start()]
            i = m.end()
            if in_string:
                if ch == 0x5C:  # backslash: the next byte is escaped
                    i += 1
                else:
                    in_string = False
                    if depth == 0:
                        return i
            elif ch == 0x22:
                in_string = True
            elif ch in b"{[":
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    return i

    def _grow(self) -> bool:
        """Read another chunk; refuse once the pending element exceeds the size limit."""
        if len(self.buf) - self.pos > MAX_ITEM_BYTES:
            return False
        return self._fill()

    def _scalar_end(self) -> int:
        """Offset just past a bare scalar (or junk) at self.pos; -1 if too long."""
        rel = 1  # the scalar has at least one byte, so the scanner always moves on
        while True:
            m = _SCALAR_END.search(self.buf, self.pos + rel)
            if m is not None:
                return m.start()
            rel = len(self.buf) - self.pos
            if not self._grow():
                return len(self.buf) if self.eof else -1


# JSON whitespace only: with \s, a form feed ended a scalar that _skip_ws_and would not skip.
_SCALAR_END = re.compile(rb"[,\] \t\r\n]")


def as_text_stream(fh: IO[bytes]) -> io.TextIOWrapper:
    return io.TextIOWrapper(fh, encoding="utf-8-sig", errors="replace", newline="")
