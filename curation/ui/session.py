"""Who is logged in. The account is re-read from the store on every run (disable/demote at once)."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from curation.auth import Account, current_account
from curation.ui import keys
from curation.ui.resources import workspace


def oidc_configured() -> bool:
    """True when ``.streamlit/secrets.toml`` has a usable ``[auth]`` section for ``st.login``."""
    try:
        auth = st.secrets.get("auth")
    except Exception:  # no secrets.toml at all
        return False
    if not auth or "redirect_uri" not in auth or "cookie_secret" not in auth:
        return False
    needed = {"client_id", "client_secret", "server_metadata_url"}
    return needed <= set(auth) or any(
        isinstance(v, Mapping) and needed <= set(v) for v in auth.values()
    )


def account() -> Account | None:
    name = _session_name()
    if name is None:
        return None
    with workspace().read() as s:
        found = current_account(s, name)
    if found is None:
        st.session_state.pop(keys.USER, None)
    return found


def _session_name() -> str | None:
    user = st.session_state.get(keys.USER)
    if isinstance(user, dict) and isinstance(user.get("name"), str):
        return str(user["name"])
    if oidc_configured() and st.user.get("is_logged_in"):
        email = st.user.get("email")
        return str(email) if email else None
    return None


def log_in(found: Account) -> None:
    st.session_state[keys.USER] = {"name": found.name, "role": found.role}


def log_out() -> None:
    """End the session: forget the account and everything the pages kept for it."""
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    if oidc_configured() and st.user.get("is_logged_in"):
        st.logout()


def require_account() -> Account:
    """For pages: the logged-in account, or stop rendering (app.py never routes here without one)."""
    found = account()
    if found is None:
        st.error("Please log in.")
        st.stop()
    return found


def require_role(role: str) -> Account:
    """The account if it has ``role``; otherwise an error and nothing more of the page renders."""
    found = require_account()
    if not found.can(role):
        st.error(f"This page needs the {role} role.")
        st.stop()
    return found
