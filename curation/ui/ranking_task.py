"""The Rank page's task area for a ranking campaign: the conversation, then 3–5 answers side
by side (A–E, in this annotator's own shuffled order), ranked from the keyboard.

Keys: **←/→** move the focus between answers; **1–5** give the focused answer that rank
(the same digit on two answers makes a tie) and move on to the next unranked one; **↑/↓**
move the focused answer one rank up (better) or down (worse); **0** clears its rank; **X**
marks all bad; **Enter** submits; **U** undo, **S** skip, **F** flag. The answer is
committed before the next item is drawn; until then the ranks live in the session only.
User content goes through the same text/markdown rendering as the pair task, never raw HTML.
"""

from __future__ import annotations

from typing import Any, NoReturn

import streamlit as st

from curation.errors import CurationError
from curation.labeling import answers
from curation.labeling.queue import Item
from curation.labeling.ranking import LABELS, ranks_from_slots
from curation.store.db import Workspace
from curation.ui import keys
from curation.ui.chat import demote_headings, render_conversation, render_message, render_text
from curation.ui.task_actions import act_on, task_buttons

# A constant stylesheet (no user content): conversation, answers, keys and Submit fit a
# 1366×768 screen, so the scrolling boxes take a share of the window's height.
RANKING_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 3rem; padding-bottom: 0.5rem;
  padding-left: 1.5rem; padding-right: 1.5rem; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
.st-key-ranking_conversation, :has(> .st-key-ranking_conversation) {
  height: 15vh !important; min-height: 5rem !important; max-height: 15vh !important; }
[class*="st-key-ranking_answer_"], :has(> [class*="st-key-ranking_answer_"]) {
  height: 30vh !important; min-height: 7rem !important; max-height: 30vh !important; }
[class*="st-key-ranking_key_"] button { padding-left: 0.3rem; padding-right: 0.3rem; min-width: 0; }
</style>"""
KEYS_HELP = (
    "Keys: **←/→** focus an answer, **1–{top}** give it that rank (same digit = tie), "
    "**↑/↓** move it up/down a rank, **0** clear, **X** all bad, **Enter** submit, "
    "**U** undo last, **S** skip, **F** flag."
)


def _state(assignment_id: int) -> dict[str, Any]:
    """This item's unsubmitted ranks (by slot) and focus, kept across the reruns of key presses."""
    state = st.session_state.get(keys.RANKING_STATE)
    if not state or state.get("assignment") != assignment_id:
        state = {"assignment": assignment_id, "focus": 0, "ranks": {}, "all_bad": False}
    return {**state, "ranks": dict(state["ranks"])}


def _press(assignment_id: int, key: str, n: int, top: int) -> None:
    """A key's button callback: it runs before the rerun the key causes, so that one run
    draws the new state (no second rerun)."""
    st.session_state[keys.RANKING_STATE] = apply_key(_state(assignment_id), key, n, top)


def order_text(ranks: dict[int, int], n: int, all_bad: bool) -> str:
    """The ranking so far in letters, best first: "C > A = B > D (unranked)"."""
    if all_bad:
        return "All answers are bad."
    if not ranks:
        return "Nothing ranked yet."
    groups: dict[int, list[str]] = {}
    for slot, rank in sorted(ranks.items()):
        groups.setdefault(rank, []).append(f"**{LABELS[slot]}**")
    text = " > ".join(" = ".join(g) for _, g in sorted(groups.items()))
    rest = [LABELS[i] for i in range(n) if i not in ranks]
    return text + (f" > {' = '.join(rest)} (unranked)" if rest else "")


def _next_unranked(ranks: dict[int, int], n: int, after: int) -> int:
    for step in range(1, n + 1):
        slot = (after + step) % n
        if slot not in ranks:
            return slot
    return after


def apply_key(state: dict[str, Any], key: str, n: int, top: int) -> dict[str, Any]:
    """The task's state after one key: ``focus:i``, ``rank:r``, ``prev``, ``next``, ``up``,
    ``down``, ``clear`` or ``all_bad`` (ranks by slot, ``top`` the worst rank allowed)."""
    state = {**state, "ranks": dict(state["ranks"])}
    ranks, focus = state["ranks"], int(state["focus"])
    name, _, value = key.partition(":")
    if name == "focus":
        state["focus"] = int(value)
    elif name == "rank":
        ranks[focus] = int(value)
        state["all_bad"] = False
        state["focus"] = _next_unranked(ranks, n, focus)
    elif name in ("prev", "next"):
        state["focus"] = (focus + (-1 if name == "prev" else 1)) % n
    elif name == "up":  # an unranked answer comes in at the bottom rank
        ranks[focus] = max(1, ranks[focus] - 1) if focus in ranks else top
        state["all_bad"] = False
    elif name == "down" and focus in ranks:
        ranks[focus] = min(top, ranks[focus] + 1)
    elif name == "clear":
        ranks.pop(focus, None)
    elif name == "all_bad":
        state["all_bad"] = not state["all_bad"]
    return state


def run_ranking_task(ws: Workspace, item: Item, annotator: str) -> NoReturn:
    """Draw the task, act on what was pressed, rerun after every change; never returns."""
    notice = show_ranking_task(ws, item, annotator)
    if notice is not None:
        st.session_state[keys.RANK_NOTICE] = notice
        st.rerun()
    st.stop()


def show_ranking_task(ws: Workspace, item: Item, annotator: str) -> tuple[str, str] | None:
    """Draw the task; returns a notice (kind, text) once an answer is committed or an action taken."""
    st.html(RANKING_CSS)  # constant stylesheet, no user content
    state = _state(item.assignment_id)
    n, focus, ranks = len(item.answers), int(state["focus"]), state["ranks"]
    top = item.rank_top or n
    guidelines = demote_headings(item.guidelines or "").strip()
    help_text = KEYS_HELP.format(top=top)
    if guidelines:
        task_col, guide_col = st.columns([4, 1], gap="small")
        with guide_col:
            st.markdown(f"**Guidelines** (v{item.guideline_version})")
            with st.container(height=400, autoscroll=False, key="ranking_guidelines"):
                render_text(guidelines)
            st.caption(help_text)
    else:
        task_col = st.container()
    with task_col:
        with st.container(height=180, autoscroll=True, key="ranking_conversation"):
            render_conversation(item.messages, boxed=False)
        for slot, (col, messages) in enumerate(
            zip(st.columns(n, gap="small"), item.answers, strict=True)
        ):
            with col:
                rank = ranks.get(slot)
                title = f"{LABELS[slot]} · " + (f"rank {rank}" if rank else "unranked")
                col.button(
                    ("▶ " if slot == focus else "") + title,
                    key=f"ranking_focus_{slot}",
                    type="primary" if slot == focus else "secondary",
                    width="stretch",
                    on_click=_press,
                    args=(item.assignment_id, f"focus:{slot}", n, top),
                )
                with st.container(height=300, autoscroll=False, key=f"ranking_answer_{slot}"):
                    for message in messages:
                        render_message(message, boxed=False)
        partial = f" Rank your top {top}; the rest stay below them." if item.rank_top else ""
        st.markdown(order_text(ranks, n, state["all_bad"]) + partial)
        digit_cols = st.columns([1] * (top + 5) + [1.6], gap="small")
        for r, c in zip(range(1, top + 1), digit_cols, strict=False):
            c.button(
                str(r),
                key=f"ranking_key_{r}",
                shortcut=str(r),
                width="stretch",
                help=f"rank {r}",
                on_click=_press,
                args=(item.assignment_id, f"rank:{r}", n, top),
            )
        for c, (name, label, key, tip) in zip(
            digit_cols[top:],
            (
                ("prev", "←", "ArrowLeft", "focus the answer on the left"),
                ("next", "→", "ArrowRight", "focus the answer on the right"),
                ("up", "↑", "ArrowUp", "one rank better"),
                ("down", "↓", "ArrowDown", "one rank worse"),
                ("clear", "0", "0", "clear this answer's rank"),
                ("all_bad", "All bad", "X", "every answer is bad"),
            ),
            strict=True,
        ):
            c.button(
                label,
                key=f"ranking_key_{name}",
                shortcut=key,
                width="stretch",
                help=tip,
                on_click=_press,
                args=(item.assignment_id, name, n, top),
            )
        case = (
            "all_bad"
            if state["all_bad"]
            else ("tie" if len(set(ranks.values())) < len(ranks) else "")
        )
        needs_reason = case in item.rationale_required_for
        why_col, a1, a2, a3, a4 = st.columns([3.2, 1.3, 1.3, 1, 1], gap="small")
        rationale = why_col.text_area(
            "Rationale" + (" (required for this answer)" if needs_reason else " (optional)"),
            key=f"ranking_rationale_{item.assignment_id}",
            height=68,
            label_visibility="collapsed",
            placeholder="Rationale"
            + (" (required for this answer)" if needs_reason else " (optional)"),
        )
        submit = a1.button(
            "Submit",
            key="ranking_submit",
            shortcut="Enter",
            type="primary",
            width="stretch",
            disabled=not ranks and not state["all_bad"],
        )
        pressed = task_buttons(a2, a3, a4, flagged=item.flagged)
        if not guidelines:
            st.caption("No guidelines given for this campaign. " + help_text)

    try:
        if submit:
            answer = answers.ranking(
                None if state["all_bad"] else ranks_from_slots(item, ranks),
                all_bad=bool(state["all_bad"]),
                rationale=rationale,
            )
            answers.submit(
                ws, item.assignment_id, annotator, answer, guideline_version=item.guideline_version
            )
            st.session_state.pop(keys.RANKING_STATE, None)
            return ("toast", "Saved.")
        return act_on(ws, item, annotator, pressed, note=rationale)
    except CurationError as exc:
        st.error(str(exc))
    return None
