"""Opening a user's file to read: gzip, wide encodings, the BOM and the container guess.

:func:`open_binary` is where every reader starts: it goes through the regular-file gate,
un-gzips by magic bytes and refuses UTF-16/UTF-32 text with its own message.
:func:`container_of` names the container (jsonl, json, csv, tsv, parquet) from the file
name and its first bytes; :func:`copy_span` streams a stretch of the (decompressed) file
to a writer, for items too long to hold.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import IO

import orjson

from curation.errors import InputError
from curation.fileio import limits
from curation.fileio.gate import open_regular
from curation.fileio.limits import BOM, READ_ERRORS


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
                raw = fh.readline(limits.MAX_ITEM_BYTES + 1)
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


def skip_rest_of_line(fh: IO[bytes]) -> None:
    """Read past the rest of an over-long line a chunk at a time."""
    while True:
        chunk = fh.readline(limits.CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def copy_span(path: str | Path, start: int, end: int, sink: IO[bytes]) -> None:
    """Copy bytes ``start:end`` of the decompressed file (``end`` -1: to the end) to ``sink``
    a chunk at a time. A damaged file is copied as far as it can be read (the reader has
    reported the damage)."""
    with open_binary(path) as fh:
        fh.seek(start)
        left = end - start if end >= 0 else None  # None: to the end
        read = getattr(fh, "read1", fh.read)
        while left is None or left > 0:
            try:
                chunk = read(limits.CHUNK if left is None else min(limits.CHUNK, left))
            except READ_ERRORS:
                return
            if not chunk:
                return
            sink.write(chunk)
            if left is not None:
                left -= len(chunk)
