"""A tiny Streamlit script showing one job panel, for tests/test_jobs_panel.py (AppTest)."""

from __future__ import annotations

import os

if __name__ == "__main__":  # AppTest runs it as __main__; a spawned process never does
    import streamlit as st

    from curation.store import open_workspace
    from curation.ui.jobs_panel import job_panel

    job_id = int(st.query_params.get("job", "0"))
    job_panel(open_workspace(os.environ["CURATION_WORKSPACE"]), job_id, actor="lead")
