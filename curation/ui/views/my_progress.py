"""My progress: an annotator's own counts and pace. Never anyone else's answers."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from curation.labeling import quota
from curation.labeling.campaigns import campaigns_for
from curation.labeling.io import own_history
from curation.ui import charts
from curation.ui.resources import workspace
from curation.ui.session import require_account
from curation.wording import human_time

me = require_account()
ws = workspace()
st.title("My progress")

with ws.read() as s:
    mine = [(c.id, c.name) for c in campaigns_for(s, me.name)]
if not mine:
    st.info("No campaign is assigned to you yet.")
    st.stop()

for campaign_id, name in mine:
    st.subheader(name)
    p = quota.annotator_quota(ws, campaign_id, me.name)
    with ws.read() as s:
        history = own_history(s, campaign_id, me.name)
    c1, c2, c3 = st.columns(3)
    c1.metric("Done", f"{p.done:,} / {p.quota:,}")
    c2.metric("Skipped", f"{p.skipped:,}")
    seconds = [h.seconds for h in history if h.seconds is not None]
    c3.metric("Median time per item", f"{pd.Series(seconds).median():.0f} s" if seconds else "—")
    st.progress(p.fraction)
    if seconds:
        st.markdown("**Seconds per item**")
        st.altair_chart(charts.per_item_seconds(seconds), width="stretch")
    if history:
        now = datetime.now(UTC)
        recent = [
            {
                "submitted": human_time(datetime.fromisoformat(h.submitted), now),
                "answer": h.answer,
                "seconds": h.seconds,
            }
            for h in history[-20:][::-1]
        ]
        st.markdown("**Your latest answers**")
        st.dataframe(pd.DataFrame(recent), hide_index=True, width="stretch")
