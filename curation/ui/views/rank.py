"""Rank: one pair at a time, keyboard only, guidelines beside the task, every answer committed at once."""

from __future__ import annotations

from typing import Any

import streamlit as st

from curation.errors import CurationError
from curation.judge import suggestion_for
from curation.labeling import queue
from curation.labeling.campaigns import campaigns_for
from curation.labeling.scale import BOTH_BAD_KEY, SCREEN, SCREEN_HELP, to_pair_axis
from curation.ui import keys
from curation.ui.chat import demote_headings, render_conversation, render_message, render_text
from curation.ui.resources import workspace
from curation.ui.session import require_account

me = require_account()
ws = workspace()

with ws.read() as s:
    mine = [(c.id, c.name) for c in campaigns_for(s, me.name)]
if not mine:
    st.title("Rank")
    st.info("No campaign is assigned to you yet. A lead adds you to one on the Campaigns page.")
    st.stop()

names = [n for _, n in mine]
picked = st.selectbox("Campaign", names, key=keys.RANK_CAMPAIGN) if len(mine) > 1 else names[0]
campaign_id = dict((n, i) for i, n in mine)[picked]


def _selection(assignment_id: int) -> dict[str, Any]:
    """The not-yet-submitted answer for this item (session only; submitted answers are in the store)."""
    current = st.session_state.get(keys.RANK_SELECTION)
    if not current or current.get("assignment") != assignment_id:
        current = {"assignment": assignment_id, "screen": None, "both_bad": False}
        st.session_state[keys.RANK_SELECTION] = current
    return dict(current)


def _notice(kind: str, text: str) -> None:
    st.session_state[keys.RANK_NOTICE] = (kind, text)


try:
    item = queue.next_item(ws, campaign_id, me.name)
    progress = queue.progress(ws, campaign_id, me.name)
except CurationError as exc:
    st.error(str(exc))
    st.stop()

st.progress(progress.fraction, text=f"{picked}: {progress.done:,} of {progress.quota:,} done")
notice = st.session_state.pop(keys.RANK_NOTICE, None)
if notice:
    getattr(st, notice[0])(notice[1])

if item is None:
    st.success("Nothing left for you in this campaign. Thank you!")
    if st.button("Undo my last answer", key="rank_undo", shortcut="U"):
        if queue.undo_last(ws, campaign_id, me.name) is not None:
            _notice("info", "Your last answer was withdrawn; the item is back.")
        st.rerun()
    st.stop()

sel = _selection(item.assignment_id)
task_col, guide_col = st.columns([3, 1], gap="medium")

with guide_col:
    st.markdown(f"**Guidelines** (v{item.guideline_version})")
    with st.container(height=520, autoscroll=False):
        render_text(demote_headings(item.guidelines) or "_No guidelines given._")
    st.caption(
        "Keys: **1** left much better, **2** left better, **3** tie, **4** right better, "
        "**5** right much better, **6** both bad, "
        "**Enter** submit, **U** undo last, **S** skip, **F** flag."
    )

with task_col:
    with st.container(height=320, autoscroll=True):  # the latest turn is what is being answered
        render_conversation(item.messages)
    left, right = st.columns(2)
    for col, label, messages in ((left, "Left", item.left), (right, "Right", item.right)):
        with col:
            st.markdown(f"**{label}**")
            with st.container(height=360, autoscroll=False):
                for message in messages:
                    render_message(message)
    with ws.read() as s:
        suggestion = suggestion_for(s, campaign_id, item.task_id, item.shown_left)
    if suggestion is not None:  # None unless the campaign shows AI suggestions
        with st.expander(f"AI suggestion: {suggestion.label}", icon=":material/smart_toy:"):
            st.caption(f"From {suggestion.model}. A suggestion, not an answer: judge for yourself.")
            render_text(suggestion.rationale)

    buttons = st.columns(len(SCREEN) + 1)
    for col, (key, screen, label) in zip(buttons, SCREEN, strict=False):
        chosen = sel["screen"] == screen and not sel["both_bad"]
        if col.button(
            label,
            help=SCREEN_HELP[screen],
            key=f"rank_choice_{key}",
            shortcut=key,
            type="primary" if chosen else "secondary",
            width="stretch",
        ):
            sel.update(screen=screen, both_bad=False)
            st.session_state[keys.RANK_SELECTION] = sel
            st.rerun()
    if buttons[-1].button(
        "Both bad",
        key="rank_both_bad",
        shortcut=BOTH_BAD_KEY,
        type="primary" if sel["both_bad"] else "secondary",
        width="stretch",
    ):
        sel.update(screen=None, both_bad=True)
        st.session_state[keys.RANK_SELECTION] = sel
        st.rerun()

    ratings: dict[str, dict[str, int]] = {}
    if item.criteria:
        st.markdown("**Criteria** (1 = poor, 5 = excellent; optional)")
        for criterion in item.criteria:
            c1, c2 = st.columns(2)
            for col, side_label, screen_side in ((c1, "Left", "left"), (c2, "Right", "right")):
                value = col.segmented_control(
                    f"{criterion} · {side_label}",
                    [1, 2, 3, 4, 5],
                    key=f"rank_crit_{item.assignment_id}_{criterion}_{screen_side}",
                )
                if value is not None:
                    side = (
                        item.shown_left
                        if screen_side == "left"
                        else ("b" if item.shown_left == "a" else "a")
                    )
                    ratings.setdefault(criterion, {})[side] = int(value)

    needs_reason = (sel["both_bad"] and "both_bad" in item.rationale_required_for) or (
        sel["screen"] == 0 and "tie" in item.rationale_required_for
    )
    rationale = st.text_area(
        "Rationale" + (" (required for this answer)" if needs_reason else " (optional)"),
        key=f"rank_rationale_{item.assignment_id}",
        height=80,
    )

    a1, a2, a3, a4 = st.columns(4)
    submit = a1.button(
        "Submit",
        key="rank_submit",
        shortcut="Enter",
        type="primary",
        width="stretch",
        disabled=sel["screen"] is None and not sel["both_bad"],
    )
    undo = a2.button("Undo last", key="rank_undo", shortcut="U", width="stretch")
    skip = a3.button("Skip", key="rank_skip", shortcut="S", width="stretch")
    flag = a4.button(
        "Unflag" if item.flagged else "Flag", key="rank_flag", shortcut="F", width="stretch"
    )
    if item.flagged:
        st.caption("You flagged this item for the lead.")

try:
    if submit:
        choice = None if sel["both_bad"] else to_pair_axis(int(sel["screen"]), item.shown_left)
        answer = queue.Answer(
            choice=choice, both_bad=sel["both_bad"], criteria=ratings, rationale=rationale
        )
        queue.submit(
            ws, item.assignment_id, me.name, answer, guideline_version=item.guideline_version
        )
        st.session_state.pop(keys.RANK_SELECTION, None)
        _notice("toast", "Saved.")
        st.rerun()
    if undo:
        if queue.undo_last(ws, campaign_id, me.name) is None:
            _notice("info", "Nothing to undo yet.")
        else:
            _notice("info", "Your last answer was withdrawn; answer it again.")
        st.rerun()
    if skip:
        queue.skip(ws, item.assignment_id, me.name)
        _notice("toast", "Skipped.")
        st.rerun()
    if flag:
        queue.flag(ws, item.assignment_id, me.name, rationale)
        st.rerun()
except CurationError as exc:
    st.error(str(exc))
