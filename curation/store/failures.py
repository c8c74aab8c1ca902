"""Database and disk failures as one line a user can act on.

SQLAlchemy's own text for a failed statement is the SQL with its parameters (conversation
text, perhaps personal data) and the driver's multi-line message; a database URL may hold
a password. Nothing here repeats either: :func:`storage_error` names the failure and what to
do, and :func:`mask_url` / :func:`scrub` hide the password of any URL shown (a database's,
or an OpenAI-compatible service's base URL: its key or token in the query is masked too).
"""

from __future__ import annotations

import contextlib
import errno
import re
from urllib.parse import quote

import sqlalchemy as sa

from curation.errors import StorageError

MASK = "***"
_UNCHANGED = " Nothing was half-written (writes are transactional)."

DISK_FULL = "the disk holding the workspace database is full: free some space and run again."
SERVER_DISK_FULL = (
    "the database server's disk is full: ask its administrator to free space, then run again."
)
FILE_DISK_FULL = "no space left on the disk{where}: free some space and run again."
LOCKED = "the workspace database is locked by another process: try again in a moment."
READ_ONLY = "the workspace database is read-only: check the permissions of its file or server."
FILE_READ_ONLY = "the disk{where} is read-only."
IO_ERROR = "the disk holding the workspace database failed to read or write (I/O error)."
FILE_IO_ERROR = "the disk{where} failed to read or write (I/O error)."
DAMAGED = "the workspace database file is damaged or is not a database: restore it from a backup."
CANNOT_OPEN = (
    "cannot open the workspace database file: check that its folder exists and is writable."
)
CONNECTION_LOST = (
    "lost the connection to the database server: check that it is running and run again."
)
SERVER_BUSY = (
    "the database server is out of resources (memory or connections): try again in a moment."
)
CANCELLED = "the database server cancelled the statement (a timeout or an administrator)."
CONFLICT = (
    "the database server stopped a write that conflicted with another (a deadlock or a "
    "serialization failure): try again."
)

# SQLite's primary result codes (the low byte of ``sqlite_errorcode``)
_SQLITE = {
    5: LOCKED,  # SQLITE_BUSY
    6: LOCKED,  # SQLITE_LOCKED
    8: READ_ONLY,  # SQLITE_READONLY
    10: IO_ERROR,  # SQLITE_IOERR
    11: DAMAGED,  # SQLITE_CORRUPT
    13: DISK_FULL,  # SQLITE_FULL
    14: CANNOT_OPEN,  # SQLITE_CANTOPEN
    26: DAMAGED,  # SQLITE_NOTADB
}
# PostgreSQL SQLSTATEs, most specific first
_POSTGRES = {
    "53100": SERVER_DISK_FULL,
    "25006": READ_ONLY,
    "55P03": LOCKED,
    "58030": "the database server failed to read or write its disk (I/O error).",
    "57014": CANCELLED,
    "40P01": CONFLICT,  # deadlock detected
    "40001": CONFLICT,  # serialization failure
    "53": SERVER_BUSY,
    "08": CONNECTION_LOST,
    "57P": CONNECTION_LOST,  # the server is shutting down or starting up
}
_OS = {
    errno.ENOSPC: FILE_DISK_FULL,
    errno.EDQUOT: FILE_DISK_FULL,
    errno.EROFS: FILE_READ_ONLY,
    errno.EIO: FILE_IO_ERROR,
}


def storage_error(exc: BaseException) -> StorageError | None:
    """The one-line error for a database or disk failure; None if ``exc`` is not one."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, OSError) and exc.errno in _OS:
        where = f" holding {exc.filename}" if exc.filename else ""
        return StorageError(_OS[exc.errno].format(where=where))
    message = _database_message(exc)
    return StorageError(message + _UNCHANGED) if message else None


def storage_reason(exc: BaseException) -> str | None:
    """What failed, without the promise that nothing was half-written (for a caller whose
    own message says what is where); None if ``exc`` is not a storage failure."""
    if isinstance(exc, StorageError):
        text = str(exc).removesuffix(_UNCHANGED)
    else:
        failure = storage_error(exc)
        if failure is None:
            return None
        text = str(failure).removesuffix(_UNCHANGED)
    return text.rstrip(".")


def _database_message(exc: BaseException) -> str | None:
    if isinstance(exc, sa.exc.DBAPIError):
        return _driver_message(exc.orig, invalidated=exc.connection_invalidated)
    return _driver_message(exc, invalidated=False)


def _driver_message(orig: BaseException | None, *, invalidated: bool) -> str | None:
    if orig is None:
        return None
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _SQLITE.get(code & 0xFF)
    if type(orig).__module__.startswith("psycopg"):
        sqlstate = getattr(orig, "sqlstate", None)
        for prefix, message in _POSTGRES.items():
            if sqlstate and sqlstate.startswith(prefix):
                return message
        # no SQLSTATE: libpq's own failure (refused, reset, closed) on a live connection
        if invalidated or (sqlstate is None and type(orig).__name__ == "OperationalError"):
            return CONNECTION_LOST
    return None


def unexpected_database_error(exc: BaseException) -> str | None:
    """One line for a database error that is not a storage failure (a bug): its kind, no text.

    The driver's text can quote the values of a row (``DETAIL: Key (…)=(…)``), so it is
    left to the debug output.
    """
    if not isinstance(exc, sa.exc.StatementError):
        return None
    kind = type(exc.orig).__name__ if exc.orig is not None else type(exc).__name__
    return f"unexpected database error ({kind})."


# user:password@ up to the last "@": a password with an unencoded "@" is still masked whole
_USERINFO = re.compile(r"^(?P<head>[^:/@]+://|(?![^@]*://))(?P<user>[^:/@]*):(?P<secret>.*)@", re.S)
# userinfo without a colon (scheme://TOKEN@host): a bare token, or a name; masked all the same
_BARE_USERINFO = re.compile(r"^(?P<head>[^:/@\s]+://)(?P<user>[^:/@?#\s]+)@")
# query parameters (and libpq key=value pairs) that carry a credential: database passwords,
# and any key, token, secret or signature, bare or after a "-"/"_" prefix (api-key,
# subscription-key, X-Amz-Signature, client_secret, auth_token); "monkey" or "tokens" are not
_QUERY_SECRET = re.compile(
    r"(?i)(?<![\w-])(?P<key>passwd|pwd|sslpassword|apikey"
    r"|(?:[\w-]*[-_])?(?:key|token|secret|signature|sig|password))=(?P<secret>[^&;#\s]*)"
)


def mask_url(url: str) -> str:
    """The URL with its whole user part (``user:password@`` or a bare ``token@``) and any key,
    token, secret or signature in its query (``api-key``, ``subscription-key``, ``client_secret``,
    ``auth_token``, ``X-Amz-Signature``, ``sig``, …) replaced by ``***``: the one helper for
    every URL the product shows or stores.

    Works by shape on the text as given, so a mistyped URL is shown as safely as a valid one.
    """
    shown = _USERINFO.sub(lambda m: f"{m['head']}{MASK}@", url, count=1)
    if shown == url:
        shown = _BARE_USERINFO.sub(lambda m: f"{m['head']}{MASK}@", url, count=1)
    return _QUERY_SECRET.sub(lambda m: f"{m['key']}={MASK}", shown)


def secrets_of(url: str) -> list[str]:
    """The password(s) written in ``url`` and their pieces, as given and URL-encoded."""
    found = [m["secret"] for m in _QUERY_SECRET.finditer(url)]
    match = _USERINFO.match(url)
    if match:
        found.append(match["secret"])
        # a driver may quote the part after an unencoded "@" as the host
        found.extend(part for part in match["secret"].split("@") if len(part) >= 3)
    with contextlib.suppress(Exception):
        found.append(str(sa.make_url(url).password or ""))
    found = [s for s in found if s and s != MASK]
    return sorted({*found, *(quote(s, safe="") for s in found)}, key=len, reverse=True)


def scrub(text: str, url: str) -> str:
    """``text`` (a driver's message, say) with any password of ``url`` replaced by ``***``."""
    for secret in secrets_of(url):
        text = text.replace(secret, MASK)
    return text


def first_line(text: str) -> str:
    return text.strip().splitlines()[0].strip() if text.strip() else ""
