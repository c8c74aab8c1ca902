"""The JSON array reader: each element of a top-level array, streamed, with its line.

Element boundaries are found by bracket depth (string-aware), so a malformed element is
reported on its own line and the following elements still load; memory stays bounded by
the largest element. Each item keeps its raw bytes for pass-through; an item that ends
the file early (an element over the limit, a truncated or damaged file) keeps the span of
the rest of the file, so a writer can copy it as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from curation.fileio import limits
from curation.fileio.items import RawItem, damaged, decode_json
from curation.fileio.limits import BOM, READ_ERRORS, too_long_reason
from curation.fileio.source import open_binary

NOT_AN_ARRAY = "expected a JSON array starting with '['"
_OUTSIDE = re.compile(rb'["{}\[\]]')
_INSIDE = re.compile(rb'["\\]')
# JSON whitespace only: with \s, a form feed ended a scalar that _skip_ws_and would not skip.
_SCALAR_END = re.compile(rb"[,\] \t\r\n]")


def iter_json_array(path: str | Path) -> Iterator[RawItem]:
    """Yield each element of a top-level JSON array without loading the whole file."""
    with open_binary(path) as fh:
        yield from ArrayScanner(fh, path).items()


class ArrayScanner:
    """Splits an open (decompressed) file holding one JSON array into its elements."""

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

    def items(self) -> Iterator[RawItem]:
        """The elements decoded, each with its raw bytes; an error ends the file early."""
        first = self._skip_ws_and(b"")
        if first != ord("["):
            yield self._eof_item(self.line, NOT_AN_ARRAY)
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
                item = self._eof_item(
                    start_line,
                    "unexpected end of file inside this element (unbalanced brackets or quotes)",
                )
                item.span = self._rest()
                yield item
                return
            if end < 0:
                yield RawItem(
                    start_line,
                    error=too_long_reason("element"),
                    code="line_too_long",
                    span=self._rest(),
                )
                return
            data = self.buf[self.pos : end]
            self._advance_to(end)
            item = decode_json(start_line, data)
            item.raw = data
            yield item

    def _rest(self) -> tuple[int, int]:
        """The span from the element at ``self.pos`` to the end of the file."""
        return (self.fh.tell() - (len(self.buf) - self.pos), -1)

    def _eof_item(self, line: int, reason: str) -> RawItem:
        if self.damage is not None:
            return damaged(self.name, line, self.damage)
        return RawItem(line, error=reason)

    def _fill(self) -> bool:
        if self.eof:
            return False
        try:
            chunk = self._read(limits.CHUNK)
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
        if len(self.buf) - self.pos > limits.MAX_ITEM_BYTES:
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
