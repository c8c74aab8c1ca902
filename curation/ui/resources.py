"""Engines and connections built once per process with ``st.cache_resource`` (never per-user data)."""

from __future__ import annotations

import os

import streamlit as st

from curation.store import Workspace, open_workspace


@st.cache_resource(show_spinner=False)
def _workspace(folder: str | None, db: str | None) -> Workspace:
    return open_workspace(folder, db)


def workspace() -> Workspace:
    """The app's workspace, from ``CURATION_WORKSPACE`` / ``CURATION_DB_URL``."""
    return _workspace(os.environ.get("CURATION_WORKSPACE"), os.environ.get("CURATION_DB_URL"))
