"""One error hierarchy. Messages tell the user what to do; the CLI and pages show them as-is."""

from __future__ import annotations


class CurationError(Exception):
    """Base of every error a user can act on. Never shown with a traceback."""


class InputError(CurationError):
    """A file or value the user gave cannot be used."""


class FieldError(InputError):
    """One record is wrong in one field; the import goes on with the other lines."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class UnknownFormatError(InputError):
    """The format could not be detected or the name given is not a known format."""


class DatabaseUrlError(InputError):
    """The workspace database URL cannot be used: not a URL, no driver for it, bad options.

    The message names the URL (password masked) but not where it came from: the CLI adds
    its option or environment variable, a page its own words.
    """


class NotFoundError(CurationError):
    """A dataset, campaign, user or record named by the user does not exist."""


class ConflictError(CurationError):
    """The action conflicts with the workspace's current state (e.g. a name already taken)."""


class PermissionDenied(CurationError):
    """The current user's role does not allow this action."""


class StorageError(CurationError):
    """The workspace's database or disk failed: full, unreachable, locked, read-only, damaged.

    The message is one line and never carries the SQL statement, its parameters or a password.
    """
