"""The login screen. It is the only page registered while nobody is logged in.

Once logged in it stays registered (hidden) so that the run right after the login,
which still asks for the login page, lands here and is sent on to the role's first page.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from curation.auth import Account, LoginThrottled, create_user, log_in, user_count
from curation.errors import ConflictError, InputError
from curation.ui import keys, session
from curation.ui.resources import workspace


def render_login(home_page: Callable[[Account], str | None]) -> None:
    """The login page; a signed-in account is sent to ``home_page(account)`` (the router's
    choice, passed in by :mod:`curation.ui.nav`, so this page does not import the router)."""
    found = session.account()
    if found is not None:
        home = home_page(found)
        if home is not None:
            st.switch_page(home)
        st.info(f"Signed in as {found.name} ({found.role}); there is no page for this role yet.")
        return
    st.title("Curation Studio")
    ws = workspace()
    with ws.read() as s:
        has_users = user_count(s) > 0

    if not has_users:
        st.info("This workspace has no accounts yet. Create the first admin account.")
        with st.form("first_admin"):
            name = st.text_input("Admin user name", key="first_name")
            password = st.text_input(
                "Password (8+ characters)", type="password", key="first_password"
            )
            if st.form_submit_button("Create admin account", type="primary"):
                try:
                    with ws.tx() as s:
                        account = create_user(
                            s, name.strip(), "admin", password, actor=name.strip() or "setup"
                        )
                except (InputError, ConflictError) as exc:  # storage failures go to app.py
                    st.error(str(exc))
                else:
                    session.log_in(account)
                    st.rerun()
        return

    notice = st.session_state.pop(keys.LOGIN_NOTICE, None)
    if notice:
        st.warning(notice)
    with st.form("login"):
        name = st.text_input("User name", key="login_name")
        password = st.text_input("Password", type="password", key="login_password")
        submitted = st.form_submit_button("Log in", type="primary")
    if submitted:
        try:
            checked = log_in(ws, name.strip(), password, address=session.client_address())
        except LoginThrottled as exc:
            st.error(str(exc))
            return
        if checked is None:
            st.error("Unknown user name or wrong password.")
        else:
            session.log_in(checked)
            st.rerun()

    if session.oidc_configured() and st.button("Sign in with single sign-on", key="sso"):
        st.login()
