"""The Rank page's task area for a thumbs campaign: the conversation, one answer, Good / Bad.

Pressing Good (key G) or Bad (key B) submits at once, with the reason typed so far; the
answer is committed before the next item is drawn. User content goes through the same
text/markdown rendering as the pair task, never raw HTML.
"""

from __future__ import annotations

import streamlit as st

from curation.errors import CurationError
from curation.labeling import answers
from curation.labeling.queue import Item
from curation.store.db import Workspace
from curation.ui.chat import render_conversation, render_message, render_text
from curation.ui.task_actions import Notice, act_on, task_buttons

THUMBS_CSS = """<style>
.st-key-thumbs_conversation, :has(> .st-key-thumbs_conversation) {
  height: 26vh !important; min-height: 6rem !important; max-height: 26vh !important; }
.st-key-thumbs_answer, :has(> .st-key-thumbs_answer) {
  height: 36vh !important; min-height: 8rem !important; max-height: 36vh !important; }
</style>"""
KEYS_HELP = (
    "Keys: **G** good, **B** bad (each submits at once, with the reason if you typed one), "
    "**U** undo last, **S** skip, **F** flag."
)


def show_thumbs_task(ws: Workspace, item: Item, annotator: str, guidelines: str) -> Notice | None:
    """Draw the task and act on its buttons; returns a notice (kind, text) to show after a rerun."""
    st.html(THUMBS_CSS)  # constant stylesheet, no user content
    if guidelines:
        task_col, guide_col = st.columns([4, 1], gap="small")
        with guide_col:
            st.markdown(f"**Guidelines** (v{item.guideline_version})")
            with st.container(height=400, autoscroll=False, key="thumbs_guidelines"):
                render_text(guidelines)
            st.caption(KEYS_HELP)
    else:
        task_col = st.container()
    with task_col:
        with st.container(height=240, autoscroll=True, key="thumbs_conversation"):
            render_conversation(item.messages, boxed=False)
        with st.container(height=320, autoscroll=False, key="thumbs_answer"):
            st.markdown("**Answer**")
            for message in item.left:
                render_message(message, boxed=False)
        needs_reason = "bad" in item.rationale_required_for
        reason = st.text_input(
            "Reason" + (" (required when bad)" if needs_reason else " (optional)"),
            key=f"thumbs_reason_{item.assignment_id}",
            placeholder="Why? (optional)" if not needs_reason else "Why is it bad? (required)",
            label_visibility="collapsed",
        )
        g, b, u, sk, fl = st.columns([2, 2, 1.3, 1, 1], gap="small")
        good = g.button("👍 Good", key="thumbs_good", shortcut="G", type="primary", width="stretch")
        bad = b.button("👎 Bad", key="thumbs_bad", shortcut="B", width="stretch")
        pressed = task_buttons(u, sk, fl, flagged=item.flagged)
        if not guidelines:
            st.caption("No guidelines given for this campaign. " + KEYS_HELP)
    try:
        if good or bad:
            answers.submit(
                ws,
                item.assignment_id,
                annotator,
                answers.thumbs(bool(good), reason),
                guideline_version=item.guideline_version,
            )
            return ("toast", "Saved.")
        return act_on(ws, item, annotator, pressed, note=reason)
    except CurationError as exc:
        st.error(str(exc))
    return None
