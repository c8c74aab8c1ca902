"""Log in, or create the first admin account of a new workspace."""

from __future__ import annotations

import streamlit as st

from curation.auth import authenticate, create_user, user_count
from curation.errors import CurationError
from curation.ui import session
from curation.ui.resources import workspace

st.title("Curation Studio")
ws = workspace()
with ws.read() as s:
    has_users = user_count(s) > 0

if not has_users:
    st.info("This workspace has no accounts yet. Create the first admin account.")
    with st.form("first_admin"):
        name = st.text_input("Admin user name", key="first_name")
        password = st.text_input("Password (8+ characters)", type="password", key="first_password")
        if st.form_submit_button("Create admin account", type="primary"):
            try:
                with ws.tx() as s:
                    account = create_user(s, name.strip(), "admin", password, actor=name.strip() or "setup")
            except CurationError as exc:
                st.error(str(exc))
            else:
                session.log_in(account)
                st.rerun()
    st.stop()

with st.form("login"):
    name = st.text_input("User name", key="login_name")
    password = st.text_input("Password", type="password", key="login_password")
    submitted = st.form_submit_button("Log in", type="primary")
if submitted:
    with ws.read() as s:
        account = authenticate(s, name.strip(), password)
    if account is None:
        st.error("Unknown user name or wrong password.")
    else:
        session.log_in(account)
        st.rerun()

if session.oidc_configured() and st.button("Sign in with single sign-on", key="sso"):
    st.login()
