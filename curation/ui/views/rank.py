"""Rank: one pair at a time, keyboard only, guidelines beside the task, every answer committed at once."""

from __future__ import annotations

from typing import Any

import streamlit as st

from curation.errors import CurationError
from curation.finetune.judge import suggestion_for
from curation.labeling import answers, queue, quota
from curation.labeling.campaigns import campaigns_for
from curation.labeling.scale import BOTH_BAD_KEY, SCREEN, SCREEN_HELP, to_pair_axis
from curation.ui import keys
from curation.ui.chat import demote_headings, render_conversation, render_message, render_text
from curation.ui.ranking_task import run_ranking_task
from curation.ui.resources import workspace
from curation.ui.session import require_account
from curation.ui.task_actions import act_on, task_buttons
from curation.ui.thumbs_task import show_thumbs_task

RANK_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 3rem; padding-bottom: 0.5rem;
  padding-left: 1.5rem; padding-right: 1.5rem; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
.st-key-rank_conversation, :has(> .st-key-rank_conversation) {
  height: 19vh !important; min-height: 6rem !important; max-height: 19vh !important; }
.st-key-rank_answer_left, .st-key-rank_answer_right, :has(> .st-key-rank_answer_left),
:has(> .st-key-rank_answer_right) {
  height: 30vh !important; min-height: 8rem !important; max-height: 30vh !important; }
.st-key-rank_guidelines, :has(> .st-key-rank_guidelines) {
  height: 58vh !important; min-height: 8rem !important; max-height: 58vh !important; }
[class*="st-key-rank_crit_"] button { padding-left: 0.4rem; padding-right: 0.4rem; min-width: 0; }
</style>"""

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
    progress = quota.annotator_quota(ws, campaign_id, me.name)
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
        if answers.undo_last(ws, campaign_id, me.name) is not None:
            _notice("info", "Your last answer was withdrawn; the item is back.")
        st.rerun()
    st.stop()

if item.kind == "ranking":  # 3–5 answers on one screen: draws, acts, reruns; never returns
    run_ranking_task(ws, item, me.name)
if item.kind == "thumbs":
    acted = show_thumbs_task(ws, item, me.name, demote_headings(item.guidelines or "").strip())
    if acted is not None:
        _notice(*acted)
        st.rerun()
    st.stop()

sel = _selection(item.assignment_id)
# A constant stylesheet (no user content): the task, the choice keys and Submit must fit a
# 1366×768 screen, so the scrolling boxes take a share of the window's height, not fixed pixels.
st.html(RANK_CSS)
guidelines = demote_headings(item.guidelines or "").strip()
KEYS_HELP = (
    "Keys: **1** left much better, **2** left better, **3** tie, **4** right better, "
    "**5** right much better, **6** both bad, **Enter** submit, **U** undo last, **S** skip, "
    "**F** flag."
)
if guidelines:
    task_col, guide_col = st.columns([4, 1], gap="small")
    with guide_col:
        st.markdown(f"**Guidelines** (v{item.guideline_version})")
        with st.container(height=400, autoscroll=False, key="rank_guidelines"):
            render_text(guidelines)
        st.caption(KEYS_HELP)
else:  # nothing to show beside the task: the task takes the whole width
    task_col = st.container()

with task_col:
    # the latest turn is what is being answered
    with st.container(height=200, autoscroll=True, key="rank_conversation"):
        render_conversation(item.messages, boxed=False)
    left, right = st.columns(2, gap="small")
    ratings: dict[str, dict[str, int]] = {}
    for col, label, messages, screen_side in (
        (left, "Left", item.left, "left"),
        (right, "Right", item.right, "right"),
    ):
        with col:
            with st.container(height=300, autoscroll=False, key=f"rank_answer_{screen_side}"):
                st.markdown(f"**{label}**")
                for message in messages:
                    render_message(message, boxed=False)
            if item.criteria:
                crit_cols = st.columns(len(item.criteria))
                for crit_col, criterion in zip(crit_cols, item.criteria, strict=True):
                    value = crit_col.segmented_control(
                        f"{criterion} · {label}",
                        [1, 2, 3, 4, 5],
                        key=f"rank_crit_{item.assignment_id}_{criterion}_{screen_side}",
                        help="1 = poor, 5 = excellent; optional",
                    )
                    if value is not None:
                        side = (
                            item.shown_left
                            if screen_side == "left"
                            else ("b" if item.shown_left == "a" else "a")
                        )
                        ratings.setdefault(criterion, {})[side] = int(value)
    with ws.read() as s:
        suggestion = suggestion_for(s, campaign_id, item.task_id, item.shown_left)
    if suggestion is not None:  # None unless the campaign shows AI suggestions
        with st.expander(f"AI suggestion: {suggestion.label}", icon=":material/smart_toy:"):
            st.caption(f"From {suggestion.model}. A suggestion, not an answer: judge for yourself.")
            render_text(suggestion.rationale)

    buttons = st.columns(len(SCREEN) + 1, gap="small")
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

    on_axis = None if sel["screen"] is None else to_pair_axis(int(sel["screen"]), item.shown_left)
    needs_reason = answers.rationale_required(
        item.rationale_required_for, answers.Answer(choice=on_axis, both_bad=sel["both_bad"])
    )
    why_col, a1, a2, a3, a4 = st.columns(
        [3.2, 1.3, 1.3, 1, 1], gap="small", vertical_alignment="top"
    )
    rationale = why_col.text_area(
        "Rationale" + (" (required for this answer)" if needs_reason else " (optional)"),
        key=f"rank_rationale_{item.assignment_id}",
        height=68,
        label_visibility="collapsed",
        placeholder="Rationale"
        + (" (required for this answer)" if needs_reason else " (optional)"),
    )
    submit = a1.button(
        "Submit",
        key="rank_submit",
        shortcut="Enter",
        type="primary",
        width="stretch",
        disabled=sel["screen"] is None and not sel["both_bad"],
    )
    pressed = task_buttons(a2, a3, a4, flagged=item.flagged)
    if not guidelines:
        st.caption("No guidelines given for this campaign. " + KEYS_HELP)

try:
    if submit:
        choice = None if sel["both_bad"] else to_pair_axis(int(sel["screen"]), item.shown_left)
        answer = answers.Answer(
            choice=choice, both_bad=sel["both_bad"], criteria=ratings, rationale=rationale
        )
        answers.submit(
            ws, item.assignment_id, me.name, answer, guideline_version=item.guideline_version
        )
        st.session_state.pop(keys.RANK_SELECTION, None)
        _notice("toast", "Saved.")
        st.rerun()
    acted = act_on(ws, item, me.name, pressed, note=rationale)
    if acted is not None:
        _notice(*acted)
        st.rerun()
except CurationError as exc:
    st.error(str(exc))
