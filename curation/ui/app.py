"""Curation Studio — router only: the login gate, role-based navigation and the shared sidebar.

Only the pages the logged-in role may open are registered with ``st.navigation``;
anything else (a typed URL, a stale link) falls back to the role's home page. Without
a session only the login page exists.

Pages live in ``views/``, not ``pages/``: Streamlit treats a ``pages/`` folder beside
the entrypoint as legacy auto-discovered pages, which runs page files directly,
without this router, on a process's first run (and on every AppTest rerun).
"""

from __future__ import annotations

import os

import streamlit as st

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from curation.ui import keys, session, sidebar
from curation.ui.failures import show_failure
from curation.ui.nav import PAGES, pages_for

# Also set here, not only in .streamlit/config.toml, which Streamlit reads from the folder it
# is started in: an error's text (a path, a host, a query) is never shown to a visitor.
st.set_option("client.showErrorDetails", "none")
# the Rank page's title (its URL path is "" when it is an annotator's start page)
RANK = next(spec.title for spec in PAGES if spec.path == "views/rank.py")

st.set_page_config(page_title="Curation Studio", page_icon=":material/fact_check:", layout="wide")

try:
    account = session.account()
except Exception as exc:  # the workspace cannot be opened: nobody is known to be logged in
    show_failure(exc, None)
    st.stop()
session.apply_cookie_ops()
page = st.navigation(pages_for(account), position="sidebar" if account else "hidden")
try:
    if account is not None:
        sidebar.render(account)
        if page.title != RANK and keys.RANK_HELD in st.session_state:
            # left the Rank page: what it held ahead goes back to the pool
            from curation.ui.components.task import leave_rank

            leave_rank(session.workspace(), account.name)
    page.run()
except Exception as exc:
    show_failure(exc, account)
