"""Rank: the task in one browser component that answers at once (keys, the next item, sending
in the background: :mod:`curation.ui.components.task`); campaign, progress and notices here."""

from __future__ import annotations

import streamlit as st

from curation.errors import CurationError
from curation.labeling import queue, quota
from curation.labeling.campaigns import campaigns_for
from curation.ui import keys
from curation.ui.components import task
from curation.ui.resources import workspace
from curation.ui.session import require_account
from curation.wording import plural

# A constant stylesheet (no user content): the task must fit a 1366×768 screen with the shell,
# and it is not dimmed while a rerun refills it (it stays live in the browser meanwhile).
RANK_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 3rem; padding-bottom: 0.5rem;
  padding-left: 1.5rem; padding-right: 1.5rem; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
[data-testid="stElementContainer"]:has([data-curation-task]) {
  opacity: 1 !important; transition: none !important; }
</style>"""

me = require_account()
ws = workspace()

with ws.read() as s:
    mine = [(c.id, c.name, c.kind) for c in campaigns_for(s, me.name)]
if not mine:
    st.title("Rank")
    st.info("No campaign is assigned to you yet. A lead adds you to one on the Campaigns page.")
    st.stop()

names = [n for _, n, _ in mine]
picked = st.selectbox("Campaign", names, key=keys.RANK_CAMPAIGN) if len(mine) > 1 else names[0]
campaign_id, kind = next((i, k) for i, n, k in mine if n == picked)
if kind not in task.KINDS:  # a kind the component has no renderer for: claim nothing
    st.warning(f"Items of kind {kind!r} cannot be answered on this page yet.")
    st.stop()

# Items held ahead in another campaign go back to the pool when the annotator moves on.
# Items named by answers not stored yet stay claimed, so that those answers still count.
held = st.session_state.get(keys.RANK_HELD)
if held is not None and held != campaign_id:
    try:
        unsent = task.release_held(ws, me.name, held)
    except CurationError as exc:
        st.warning(f"Could not give back the items held in the other campaign: {exc}")
    else:
        if unsent:
            st.session_state[keys.RANK_NOTICE] = (
                "info",
                f"{plural(unsent, 'answer')} in the campaign you left not stored yet: their items stay yours "
                "until they are (the browser keeps sending them).",
            )
st.session_state[keys.RANK_HELD] = campaign_id

box = task.outbox_state(campaign_id)
try:
    items = queue.next_items(ws, campaign_id, me.name, box.want, exclude=box.not_done)
    progress = quota.annotator_quota(ws, campaign_id, me.name)
except CurationError as exc:
    st.error(str(exc))
    st.stop()

st.progress(progress.fraction, text=f"{picked}: {progress.done:,} of {progress.quota:,} done")
notice = st.session_state.pop(keys.RANK_NOTICE, None)
if notice:
    getattr(st, notice[0])(notice[1])

st.html(RANK_CSS)
# the component shrinks the guidelines' headings itself
task.show_task(ws, campaign_id, me.name, items, items[0].guidelines if items else "")
