"""The dataset's PII state as a banner, so the export gate never comes as a surprise."""

from __future__ import annotations

import streamlit as st

from curation.errors import CurationError
from curation.pii.readiness import PiiReadiness, pii_readiness
from curation.ui.resources import workspace


def readiness(dataset: str) -> PiiReadiness | None:
    try:
        with workspace().read() as s:
            return pii_readiness(s, dataset)
    except CurationError:
        return None


def show(dataset: str, *, link: bool = True) -> PiiReadiness | None:
    """A caption when export passes every record, else a warning that says what it needs."""
    state = readiness(dataset)
    if state is None:
        return None
    if state.ready or state.records == 0:
        st.caption(":material/verified_user: " + state.message())
        return state
    st.warning(state.message(), icon=":material/shield_person:")
    if link:
        st.page_link("views/pii.py", label="Open PII", icon=":material/shield_person:")
    return state
