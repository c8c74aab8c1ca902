"""The sidebar every page shares: who is logged in, log out, the dataset in focus."""

from __future__ import annotations

import streamlit as st

from curation.auth import Account
from curation.store.queries import dataset_names
from curation.ui import keys, session
from curation.ui.resources import workspace


def render(account: Account) -> None:
    with st.sidebar:
        st.caption(f"Signed in as **{account.name}** ({account.role})")
        if st.button("Log out", key="logout", icon=":material/logout:"):
            session.log_out()
            st.rerun()
        if account.can("lead"):
            dataset_picker()
        st.caption(f"Workspace: `{workspace().folder}`")


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
