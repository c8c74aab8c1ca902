"""Curation Studio — router only: the login gate, role-based navigation and the shared sidebar."""

from __future__ import annotations

import os

import streamlit as st

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from curation.ui import session, sidebar
from curation.ui.nav import pages_for

st.set_page_config(page_title="Curation Studio", page_icon=":material/fact_check:", layout="wide")

account = session.account()
if account is None:
    page = st.navigation([st.Page("pages/login.py", title="Log in", icon=":material/login:")], position="hidden")
else:
    page = st.navigation(pages_for(account))
    sidebar.render(account)
page.run()
