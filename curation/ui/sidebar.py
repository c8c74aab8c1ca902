"""The sidebar every page shares: who is logged in, log out, the dataset in focus."""

from __future__ import annotations

import streamlit as st

from curation.auth import Account, change_own_password
from curation.errors import CurationError
from curation.store.queries import dataset_names
from curation.ui import keys, session
from curation.ui.resources import workspace


def render(account: Account) -> None:
    with st.sidebar:
        st.caption(f"Signed in as **{account.name}** ({account.role})")
        if st.button("Log out", key="logout", icon=":material/logout:"):
            session.log_out()
            st.rerun()
        if st.session_state.get(keys.SESSION_TOKEN):  # password logins only, not single sign-on
            with st.popover("Change my password", icon=":material/key:"):
                change_password_form(account)
        if account.can("lead"):
            dataset_picker()
        st.caption(f"Workspace: `{workspace().folder}`")


def change_password_form(account: Account) -> None:
    """Change one's own password: this session stays, every other one of the user ends."""
    with st.form("own_password", clear_on_submit=True):
        current = st.text_input("Current password", type="password", key="own_pw_current")
        new = st.text_input("New password (8+ characters)", type="password", key="own_pw_new")
        if st.form_submit_button("Change password"):
            try:
                change_own_password(
                    workspace(),
                    account.name,
                    current,
                    new,
                    keep_token=st.session_state.get(keys.SESSION_TOKEN),
                    address=session.client_address(),
                )
            except CurationError as exc:
                st.error(str(exc))
            else:
                st.success("Password changed; your other sessions are logged out.")


def dataset_picker() -> str | None:
    with workspace().read() as s:
        names = dataset_names(s)
    if not names:
        st.caption("No dataset yet: import one.")
        return None
    current = st.session_state.get(keys.DATASET)
    index = names.index(current) if current in names else 0
    choice = st.selectbox("Dataset", names, index=index, key="sidebar_dataset")
    st.session_state[keys.DATASET] = choice
    return choice


def current_dataset() -> str | None:
    value = st.session_state.get(keys.DATASET)
    return str(value) if value else None


def dataset_in_focus() -> str:
    """The dataset a page works on; with no dataset at all, say where to import one and stop."""
    with workspace().read() as s:
        names = dataset_names(s)
    if not names:
        st.info("No dataset yet. Go to **Import** to bring in a file.")
        st.page_link("views/import_data.py", label="Import a file", icon=":material/upload_file:")
        st.stop()
    focus = current_dataset()
    return focus if focus in names else names[0]
