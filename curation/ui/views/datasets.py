"""Datasets: counts, distributions and a paginated browser that renders conversations readably."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd
import streamlit as st

from curation.errors import CurationError
from curation.stats import Distributions, browse_records, dataset_distributions, dataset_stats
from curation.ui import charts, keys, pii_state
from curation.ui.chat import caption, render_conversation, render_message
from curation.ui.resources import workspace
from curation.ui.session import require_role
from curation.ui.sidebar import dataset_in_focus
from curation.wording import plural

require_role("lead")
ws = workspace()
st.title("Datasets")

name = dataset_in_focus()


@st.cache_data(show_spinner=False, max_entries=16)
def _distributions(
    dataset: str,
    records: int,  # noqa: ARG001 -- a cache key: recompute when the counts change
    by_status: tuple[tuple[str, int], ...],  # noqa: ARG001 -- a cache key, as above
) -> Distributions:
    """Per-record distributions, recomputed only when the dataset's counts change."""
    with ws.read() as s:
        return dataset_distributions(s, dataset)


try:
    with ws.read() as s:
        stats = dataset_stats(s, name)
    dist = _distributions(name, stats.records, tuple(sorted(stats.by_status.items())))
except CurationError as exc:
    st.error(str(exc))
    st.stop()

st.subheader(name)
metric_cols = st.columns(5)
for col, key in zip(
    metric_cols, ("records", "completions", "pairs", "messages", "tokens"), strict=True
):
    col.metric(key.capitalize(), f"{getattr(stats, key):,}")
kto = stats.labels
if kto.desirable or kto.undesirable:
    st.caption(
        f"Unpaired feedback (KTO): {kto.desirable:,} completions labelled desirable, "
        f"{kto.undesirable:,} undesirable"
    )
if len(stats.by_status) > 1 or "active" not in stats.by_status:
    st.caption("Status: " + ", ".join(f"{k} {v:,}" for k, v in sorted(stats.by_status.items())))
pii_state.show(name)

c1, c2 = st.columns(2)
with c1:
    st.markdown("**Tokens per example** (conversation, o200k_base)")
    st.altair_chart(charts.histogram(dist.tokens, "tokens"), width="stretch")
    summary = dist.token_summary
    st.caption(
        f"min {summary.min:,} · median {summary.median:,.0f} · p90 {summary.p90:,.0f} · max {summary.max:,}"
    )
with c2:
    st.markdown("**User turns per conversation**")
    charts.bars_or_note(dist.turns, "turns", unit="conversation")
c3, c4 = st.columns(2)
with c3:
    st.markdown("**Messages by role**")
    charts.bars_or_note(dist.roles, "role", unit="message")
with c4:
    st.markdown("**Source formats**")
    charts.bars_or_note(stats.formats, "format", unit="record")

with st.expander("Imports"):
    st.dataframe(
        pd.DataFrame([asdict(row) for row in stats.imports]), hide_index=True, width="stretch"
    )

st.subheader("Records")
f1, f2, f3 = st.columns([3, 1, 1])
search = f1.text_input("Search message text", key=keys.BROWSER_SEARCH)
status = f2.selectbox("Status", ["all", "active", "duplicate", "excluded"], key=keys.BROWSER_STATUS)
page_size = f3.selectbox("Per page", [10, 20, 50], index=0, key="browser_page_size")
page_no = int(st.session_state.get(keys.BROWSER_PAGE, 1))

with ws.read() as s:
    page = browse_records(
        s,
        name,
        page_no,
        page_size,
        status=None if status == "all" else status,
        search=search or None,
    )
    rows = [
        (
            r.id,
            r.line,
            r.source_format,
            r.status,
            r.n_tokens,
            r.messages,
            [(c.source, c.messages, c.label) for c in r.completions],
        )
        for r in page.records
    ]

nav1, nav2, nav3 = st.columns([1, 2, 1])
if nav1.button("◀ Previous", key="browser_prev", disabled=page.page <= 1):
    st.session_state[keys.BROWSER_PAGE] = page.page - 1
    st.rerun()
nav2.markdown(f"Page **{page.page}** of {page.pages:,} · {plural(page.total, 'record')}")
if nav3.button("Next ▶", key="browser_next", disabled=page.page >= page.pages):
    st.session_state[keys.BROWSER_PAGE] = page.page + 1
    st.rerun()

for rid, line, fmt, rstatus, tokens, messages, completions in rows:
    title = f"#{rid} · line {line} · {fmt} · {tokens:,} tokens · {rstatus}"
    with st.expander(title, expanded=False):
        render_conversation(messages)
        if completions:
            cols = st.columns(min(len(completions), 4))
            for i, (col, (source, msgs, label)) in enumerate(zip(cols, completions, strict=False)):
                with col:
                    verdict = (
                        ""
                        if label is None
                        else (" · 👍 desirable" if label else " · 👎 undesirable")
                    )
                    caption(f"Completion {i + 1}" + (f" · {source}" if source else "") + verdict)
                    for message in msgs:
                        render_message(message)
