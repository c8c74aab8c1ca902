"""Admins manage accounts: add, change role, reset password, disable, unlock after failed logins."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from curation import auth
from curation.errors import CurationError
from curation.ui import keys
from curation.ui.resources import workspace
from curation.ui.session import require_role

me = require_role("admin")
ws = workspace()
st.title("Users")

with ws.read() as s:
    users = auth.list_users(s)
    failures = auth.failed_logins(s)
st.dataframe(
    pd.DataFrame(
        [
            {
                "name": u.name,
                "role": u.role,
                "disabled": u.disabled,
                "locked": failures.get(u.name, 0) >= auth.THROTTLE_LIMIT,
                "failed logins": failures.get(u.name, 0),
                "created": u.created_at,
            }
            for u in users
        ]
    ),
    hide_index=True,
    width="stretch",
)

add, edit = st.columns(2)
with add, st.form("add_user", clear_on_submit=True):
    st.subheader("Add a user")
    name = st.text_input("Name", key="new_user_name")
    role = st.selectbox("Role", auth.ROLES, key="new_user_role")
    password = st.text_input(
        "Password (leave empty to generate one)", type="password", key="new_user_pw"
    )
    if st.form_submit_button("Add user", type="primary"):
        secret = password or auth.generate_password()
        try:
            with ws.tx() as s:
                auth.create_user(s, name.strip(), role, secret, actor=me.name)
        except CurationError as exc:
            st.error(str(exc))
        else:
            st.success(f"Added {name} ({role}).")
            if not password:
                st.code(secret, language=None)
                st.caption("Generated password: shown once, give it to the user now.")

with edit:
    st.subheader("Change a user")
    target = st.selectbox("User", [u.name for u in users], key="edit_user")
    current = next((u for u in users if u.name == target), None)
    if current is not None:
        new_role = st.selectbox(
            "Role", auth.ROLES, index=auth.ROLES.index(current.role), key="edit_role"
        )
        new_pw = st.text_input("New password", type="password", key="edit_pw")
        c1, c2, c3, c4 = st.columns(4)
        try:
            if c1.button("Save role", key="save_role"):
                with ws.tx() as s:
                    auth.set_role(s, target, new_role, actor=me.name)
                st.rerun()
            if c2.button("Set password", key="save_pw", disabled=not new_pw):
                own = st.session_state.get(keys.SESSION_TOKEN) if target == me.name else None
                with ws.tx() as s:
                    auth.set_password(s, target, new_pw, actor=me.name, keep_token=own)
                st.success(f"Password changed; {target}'s other sessions are logged out.")
            label = "Enable" if current.disabled else "Disable"
            if c3.button(label, key="toggle_user", disabled=current.name == me.name):
                with ws.tx() as s:
                    auth.set_disabled(s, target, not current.disabled, actor=me.name)
                st.rerun()
            if c4.button("Unlock", key="unlock_user", disabled=not failures.get(target)):
                with ws.tx() as s:
                    auth.unlock(s, target, actor=me.name)
                st.toast(f"{target} may log in again: its failed logins are forgotten.")
                st.rerun()
        except CurationError as exc:
            st.error(str(exc))
