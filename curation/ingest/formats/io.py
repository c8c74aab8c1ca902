"""Streaming readers: JSONL, JSON arrays and tables, each item tagged with its 1-based line.

Memory stays bounded by the largest single item, never by the file size. Gzip is
recognised by its magic bytes, a UTF-8 BOM is skipped, CRLF and blank lines are
fine. A damaged item becomes a :class:`RawItem` with an error and the reader goes
on with the next one.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from curation.errors import InputError
from curation.fileio import max_line_bytes, open_regular

# Read at import from $CURATION_MAX_LINE_MB; looked up at call time so tests can lower it.
MAX_ITEM_BYTES = max_line_bytes()
CHUNK = 1 << 20
# orjson reads 1024 levels but writes only 254: a deeper item would parse, then fail to be
# hashed or stored. Records wrap source values in a few levels of their own, hence the margin.
MAX_DEPTH = 128
BOM = b"\xef\xbb\xbf"
# What reading a damaged (e.g. corrupt gzip) file can raise: zlib.error is not an OSError.
READ_ERRORS: tuple[type[Exception], ...] = (OSError, EOFError, zlib.error)
LIMIT_HINT = "raise it with CURATION_MAX_LINE_MB"


@dataclass(slots=True)
class RawItem:
    """One item of a file before format parsing: a decoded value or why it could not be."""

    line: int
    value: Any = None
    error: str | None = None
    code: str = "invalid_json"
    # what reading the item already changed (see curation.ingest.formats.notes), if anything
    notes: dict[tuple[str, str, str], int] | None = None


def open_binary(path: str | Path) -> IO[bytes]:
    """Open a regular file for reading bytes, transparently un-gzipping it.

    Pipes, devices and folders are refused before anything is opened, and UTF-16/UTF-32
    text is refused with its own message: every reader goes through here.
    """
    p = Path(path)
    raw = open_regular(p)
    try:
        magic = raw.read(2)
        raw.seek(0)
    except OSError as exc:
        raw.close()
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    fh: IO[bytes] = raw
    if magic == b"\x1f\x8b":
        fh = gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[assignment]
    try:
        head = fh.peek(4)[:4]  # type: ignore[attr-defined]
    except READ_ERRORS:
        head = b""  # a damaged start: the reader reports it on line 1
    encoding = wide_encoding(head)
    if encoding is not None:
        fh.close()
        raw.close()
        raise InputError(
            f"{p} is {encoding}; save it as UTF-8 (e.g. iconv -f {encoding} -t UTF-8 IN > OUT)"
        )
    return fh


def wide_encoding(head: bytes) -> str | None:
    """``UTF-16`` or ``UTF-32`` when the first bytes are such a BOM or its NUL pattern."""
    if head[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return "UTF-32"
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "UTF-16"
    if len(head) < 4:
        return None
    nul = [b == 0 for b in head[:4]]
    if nul in ([False, True, True, True], [True, True, True, False]):
        return "UTF-32"
    if nul in ([False, True, False, True], [True, False, True, False]):
        return "UTF-16"
    return None


def damage_reason(name: str | Path, line: int, exc: BaseException) -> str:
    """The one message every stage gives for a file that cannot be read past some point."""
    if isinstance(exc, EOFError):
        kind = "truncated gzip"
    elif isinstance(exc, zlib.error | gzip.BadGzipFile):
        kind = "corrupt gzip data"
    elif isinstance(exc, OSError):
        kind = f"read error: {exc.strerror or exc}"
    else:
        kind = str(exc)
    return f"file {Path(name).name} is damaged ({kind}) from line {line} on"


def damaged(name: str | Path, line: int, exc: BaseException) -> RawItem:
    return RawItem(line, error=damage_reason(name, line, exc), code="unreadable")


def too_long_reason(what: str = "line") -> str:
    return f"{what} is longer than {_size(MAX_ITEM_BYTES)} (the limit; {LIMIT_HINT})"


def head_bytes(path: str | Path, size: int = 65536) -> bytes:
    """The first bytes of a (possibly gzipped) file, BOM removed, for format detection.

    A damaged file gives what could be read before the damage (the readers report it).
    """
    chunks: list[bytes] = []
    got = 0
    with open_binary(path) as fh:
        read = getattr(fh, "read1", fh.read)
        try:
            while got < size:
                chunk = read(size - got)
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
        except READ_ERRORS:
            pass
    return b"".join(chunks)[:size].removeprefix(BOM)


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
        yield from _jsonl_lines(fh, path)


def decode_line(line: RawLine) -> RawItem:
    """A line from :func:`iter_jsonl_lines` decoded (an unusable one is its RawItem already)."""
    return line if isinstance(line, RawItem) else decode_json(*line)


def _jsonl_lines(fh: IO[bytes], name: str | Path = "input") -> Iterator[RawLine]:
    line_no = 0
    while True:
        try:
            raw = fh.readline(MAX_ITEM_BYTES + 1)
        except READ_ERRORS as exc:
            yield damaged(name, line_no + 1, exc)
            return
        if not raw:
            return
        line_no += 1
        if len(raw) > MAX_ITEM_BYTES and not raw.endswith(b"\n"):
            yield RawItem(line_no, error=too_long_reason(), code="line_too_long")
            try:
                _skip_rest_of_line(fh)
            except READ_ERRORS as exc:  # the damage is inside this long line
                yield damaged(name, line_no, exc)
                return
            continue
        if line_no == 1:
            raw = raw.removeprefix(BOM)
        stripped = raw.strip()
        if stripped:
            yield line_no, stripped


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MiB" if n >= 1024 * 1024 else f"{n:,} bytes"


def _skip_rest_of_line(fh: IO[bytes], sink: IO[bytes] | None = None) -> None:
    """Read past the rest of an over-long line a chunk at a time (copying it to ``sink``)."""
    while True:
        chunk = fh.readline(CHUNK)
        if sink is not None:
            sink.write(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return


def decode_json(line: int, data: bytes) -> RawItem:
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        if str(exc).startswith(("depth limit", "recursion limit")):
            return RawItem(line, error=f"nested deeper than {MAX_DEPTH} levels", code="too_deep")
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as uexc:
            return RawItem(line, error=f"not valid UTF-8 at byte {uexc.start}", code="invalid_utf8")
        return RawItem(line, error=f"invalid JSON: {_json_reason(exc)}")
    # Counting brackets is cheap; only an item with that many can be nested that deep.
    if data.count(b"[") + data.count(b"{") > MAX_DEPTH and too_deep(value):
        return RawItem(line, error=f"nested deeper than {MAX_DEPTH} levels", code="too_deep")
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
        yield from _ArrayScanner(fh, path).items()


class _ArrayScanner:
    def __init__(self, fh: IO[bytes], name: str | Path = "input") -> None:
        self.fh = fh
        self.name = name
        self.buf = b""
        self.pos = 0
        self.line = 1  # line number at self.pos
        self.eof = False
        self.damage: BaseException | None = None  # why reading stopped early, if it did
        # read1 hands over what is decompressed so far, so data before a damaged spot is kept.
        self._read = getattr(fh, "read1", fh.read)

    def _fill(self) -> bool:
        if self.eof:
            return False
        try:
            chunk = self._read(CHUNK)
        except READ_ERRORS as exc:
            self.damage = exc
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
                yield RawItem(start_line, error=too_long_reason("element"), code="line_too_long")
                return
            data = self.buf[self.pos : end]
            self._advance_to(end)
            yield decode_json(start_line, data)

    def _eof_item(self, line: int, reason: str) -> RawItem:
        if self.damage is not None:
            return damaged(self.name, line, self.damage)
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


class LineTooLong(Exception):
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
    than the limit is skipped a chunk at a time and raises :class:`LineTooLong`; the next
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
        limit = MAX_ITEM_BYTES
        raw = self.fh.readline(limit + 1)
        if not raw:
            raise StopIteration
        if len(raw) > limit and not raw.endswith(b"\n"):
            self.line += 1
            _skip_rest_of_line(self.fh)
            raise LineTooLong(self.line)
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
