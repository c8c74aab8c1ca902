"""What a page shows when the workspace fails (cannot be opened, disk full, server gone).

A visitor who is not logged in sees that the workspace is unavailable and nothing of the
cause: the database's host, user or file path is not theirs to know. A logged-in user sees
the one-line reason, which never holds SQL, data or a password. The server log has it all.
Anything else is left to Streamlit, which the app tells to show no error details.
"""

from __future__ import annotations

import logging

import streamlit as st

from curation.auth import Account
from curation.errors import CurationError
from curation.store.failures import storage_error

log = logging.getLogger("curation.app")

UNAVAILABLE = (
    "The workspace is not available right now. Try again in a moment; if it stays "
    "unavailable, the administrator can find the reason in the server log."
)


def show_failure(exc: Exception, account: Account | None) -> None:
    """Show a workspace failure on the page; re-raise ``exc`` if it is not one."""
    failure = exc if isinstance(exc, CurationError) else storage_error(exc)
    if failure is None:
        raise exc
    log.error("workspace failure: %s", failure, exc_info=exc)
    st.error(str(failure) if account is not None else UNAVAILABLE, icon=":material/error:")
