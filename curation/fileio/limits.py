"""Limits and messages shared by every reader: the line limit, the chunk size, damage.

``MAX_ITEM_BYTES`` is read once at import from ``$CURATION_MAX_LINE_MB``; readers look it
up here at call time (``limits.MAX_ITEM_BYTES``), so tests can lower it. The messages for
an over-long line and for a file damaged from some line on are written here once.
"""

from __future__ import annotations

import gzip
import os
import zlib
from pathlib import Path

from curation.errors import CurationError

MAX_LINE_ENV = "CURATION_MAX_LINE_MB"
DEFAULT_MAX_LINE_MB = 64


def max_line_bytes() -> int:
    """The longest line (or JSON array element) a reader accepts: ``$CURATION_MAX_LINE_MB``
    MiB, 64 by default. Longer lines are reported and skipped, never read whole."""
    raw = os.environ.get(MAX_LINE_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_LINE_MB * 1024 * 1024
    try:
        mb = float(raw)
    except ValueError:
        raise CurationError(
            f"{MAX_LINE_ENV}={raw!r} is not a number of MiB (e.g. {DEFAULT_MAX_LINE_MB})"
        ) from None
    if not 0 < mb <= 4096:
        raise CurationError(f"{MAX_LINE_ENV}={raw!r} must be between 0 and 4096 MiB")
    return max(1024, int(mb * 1024 * 1024))


MAX_ITEM_BYTES = max_line_bytes()
CHUNK = 1 << 20
BOM = b"\xef\xbb\xbf"
# What reading a damaged (e.g. corrupt gzip) file can raise: zlib.error is not an OSError.
READ_ERRORS: tuple[type[Exception], ...] = (OSError, EOFError, zlib.error)
LIMIT_HINT = "raise it with CURATION_MAX_LINE_MB"


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


def too_long_reason(what: str = "line") -> str:
    """Why a line (or JSON array element) over the limit was skipped."""
    return f"{what} is longer than {_size(MAX_ITEM_BYTES)} (the limit; {LIMIT_HINT})"


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MiB" if n >= 1024 * 1024 else f"{n:,} bytes"
