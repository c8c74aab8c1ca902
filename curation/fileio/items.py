"""One item of a file before any format parsing, and JSON decoding with a depth limit.

A :class:`RawItem` is what every reader yields: its 1-based line, the decoded value or why
there is none, and what a writer needs to pass it through untouched (the raw bytes, or for
an item too long to hold, its span in the decompressed file).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from curation.fileio.limits import damage_reason

# orjson reads 1024 levels but writes only 254: a deeper item would parse, then fail to be
# hashed or stored. Records wrap source values in a few levels of their own, hence the margin.
MAX_DEPTH = 128


@dataclass(slots=True)
class RawItem:
    """One item of a file before format parsing: a decoded value or why it could not be."""

    line: int
    value: Any = None
    error: str | None = None
    code: str = "invalid_json"
    # what reading the item already changed (see curation.ingest.formats.notes), if anything
    notes: dict[tuple[str, str, str], int] | None = None
    # for pass-through: the item's bytes as read (JSON array elements, CSV cells)...
    raw: Any = None
    # ...or, for an item too long to hold, where it sits: (start, end), end -1 for "to EOF"
    span: tuple[int, int] | None = None


def damaged(name: str | Path, line: int, exc: BaseException) -> RawItem:
    """The item that ends a file which cannot be read past ``line``."""
    return RawItem(line, error=damage_reason(name, line, exc), code="unreadable")


def decode_json(line: int, data: bytes) -> RawItem:
    """``data`` decoded, or the item saying why not (invalid JSON or UTF-8, too deep)."""
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
