"""One error hierarchy. Messages tell the user what to do; the CLI and pages show them as-is.

``CurationError`` and its subclasses are for what a user can act on (a bad file, a name
taken, a role missing, a full disk); their messages name no CLI flag, since page users
never see one (the CLI adds the flag when it re-raises). ``InternalError`` is for a bug: a
state the code should never reach. It is deliberately not a ``CurationError``, so the CLI
shows it as "Unexpected error ... report it" and a page as an unexpected failure, never as
something the user did wrong. See docs/architecture.md.
"""

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


class PermissionDenied(CurationError):  # noqa: N818 -- imported under this name by auth, security and labeling
    """The current user's role does not allow this action."""


class StorageError(CurationError):
    """The workspace's database or disk failed: full, unreachable, locked, read-only, damaged.

    The message is one line and never carries the SQL statement, its parameters or a password.
    """


class InternalError(Exception):
    """A bug: the code reached a state it should never reach (not something the user did).

    Not a ``CurationError``: the CLI reports it as an unexpected error to be reported, with
    its one-line message, and ``CURATION_DEBUG=1`` shows the traceback.
    """
