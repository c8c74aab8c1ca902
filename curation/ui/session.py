"""Who is logged in. The account is re-read from the store on every run (disable/demote at once)."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from curation.auth import (
    Account,
    account_for_token,
    create_login_session,
    current_account,
    revoke_login_session,
)
from curation.labeling import queue
from curation.security import client_address as address_of_client
from curation.security import trusted_proxies
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


COOKIE = "curation_session"
COOKIE_RUNS = 3


ENDED = (
    "Your session has ended (the password was changed, the account disabled, or the login "
    "expired). Please log in again."
)


def account() -> Account | None:
    """The logged-in account, re-checked on every run.

    A password login is only as good as its token: a revoked token (password change or
    reset, account disabled, logout elsewhere) or an expired one ends this session at
    once, even in a tab left open. Single sign-on sessions re-read the account.
    """
    user = st.session_state.get(keys.USER)
    if isinstance(user, dict):
        token = st.session_state.get(keys.SESSION_TOKEN)
        found = None
        if isinstance(token, str) and token:
            with workspace().read() as s:
                found = account_for_token(s, token)
        if found is None or found.name != user.get("name"):
            _end(ENDED)
            return None
        st.session_state[keys.USER] = {"name": found.name, "role": found.role}
        return found
    if oidc_configured() and st.user.get("is_logged_in"):
        email = st.user.get("email")
        if not email:
            return None
        with workspace().read() as s:
            return current_account(s, str(email))
    return _from_cookie()


def _end(notice: str) -> None:
    """Forget this browser session (its token is already dead) and clear the cookie."""
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    st.session_state[keys.LOGIN_NOTICE] = notice
    st.session_state[keys.COOKIE_OP] = ("clear", "", COOKIE_RUNS)


def _from_cookie() -> Account | None:
    token = _cookie_token()
    if not token:
        return None
    with workspace().read() as s:
        found = account_for_token(s, token)
    if found is not None:
        st.session_state[keys.USER] = {"name": found.name, "role": found.role}
        st.session_state[keys.SESSION_TOKEN] = token
    return found


def client_address() -> str:
    """The browser's IP address for login throttling ("" when unknown, e.g. in AppTest).

    The connection's own address, unless an admin set how many reverse proxies stand in
    front of the app (Settings page): only then is ``X-Forwarded-For`` believed.
    """
    try:
        peer = str(st.context.ip_address or "")
        forwarded = ",".join(st.context.headers.get_all("X-Forwarded-For"))
    except Exception:  # no browser behind this run
        return ""
    with workspace().read() as s:
        proxies = trusted_proxies(s)
    return address_of_client(peer, forwarded, proxies)


def _cookie_token() -> str | None:
    try:
        value = st.context.cookies.get(COOKIE)
    except Exception:  # no browser behind this run (AppTest, bare mode)
        return None
    return str(value) if value else None


def log_in(found: Account) -> None:
    """Start a session; a login cookie (a random token, only its hash stored) survives refreshes."""
    with workspace().tx() as s:
        token = create_login_session(s, found.name)
    st.session_state[keys.USER] = {"name": found.name, "role": found.role}
    st.session_state[keys.SESSION_TOKEN] = token
    st.session_state[keys.COOKIE_OP] = ("set", token, COOKIE_RUNS)


def log_out() -> None:
    """End the session: revoke the cookie's token, forget everything the pages kept."""
    token = st.session_state.get(keys.SESSION_TOKEN) or _cookie_token()
    if token:
        with workspace().tx() as s:
            revoke_login_session(s, str(token))
    user = st.session_state.get(keys.USER)
    if user:  # items the Rank page held ahead for them go back to the pool
        queue.release_claims(workspace(), str(user["name"]))
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    st.session_state[keys.COOKIE_OP] = ("clear", "", COOKIE_RUNS)
    if oidc_configured() and st.user.get("is_logged_in"):
        st.logout()


def apply_cookie_ops() -> None:
    """Set or clear the login cookie in the browser after a login or logout.

    Streamlit cannot set cookies from Python; this writes ``document.cookie`` with a
    constant script whose only variable part is our own url-safe token. A run cut short
    by ``st.rerun``/``st.switch_page`` never shows its elements, and a login is followed
    by such runs, so the script is repeated on the next few runs (setting it twice is
    harmless).
    """
    op = st.session_state.get(keys.COOKIE_OP)
    if not op:
        return
    kind, token, runs = op
    if runs <= 1:
        del st.session_state[keys.COOKIE_OP]
    else:
        st.session_state[keys.COOKIE_OP] = (kind, token, runs - 1)
    if kind == "set" and token.replace("-", "").replace("_", "").isalnum():
        value = f"{COOKIE}={token}; Path=/; Max-Age=43200; SameSite=Strict"
    else:
        value = f"{COOKIE}=; Path=/; Max-Age=0; SameSite=Strict"
    script = (
        "<script>document.cookie = "
        f"'{value}' + (location.protocol === 'https:' ? '; Secure' : '');</script>"
    )
    st.html(script, unsafe_allow_javascript=True, width="content")


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
