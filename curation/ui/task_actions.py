"""Undo last, Skip and Flag: the buttons every Rank task shows (pair and thumbs alike) and what
pressing them does, in one place. Each button commits at once through
:mod:`curation.labeling.answers`; the caller shows the returned notice after its rerun.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from curation.labeling import answers
from curation.labeling.queue import Item
from curation.store.db import Workspace

Notice = tuple[str, str]  # (streamlit function name, text), e.g. ("toast", "Skipped.")


@dataclass(frozen=True, slots=True)
class Pressed:
    """Which of Undo last, Skip and Flag was pressed in this run."""

    undo: bool
    skip: bool
    flag: bool


def task_buttons(
    undo_col: DeltaGenerator, skip_col: DeltaGenerator, flag_col: DeltaGenerator, *, flagged: bool
) -> Pressed:
    """Draw the three buttons (keys U, S, F) in the given columns, and the flag caption."""
    undo = undo_col.button("Undo last", key="rank_undo", shortcut="U", width="stretch")
    skip = skip_col.button("Skip", key="rank_skip", shortcut="S", width="stretch")
    flag = flag_col.button(
        "Unflag" if flagged else "Flag", key="rank_flag", shortcut="F", width="stretch"
    )
    if flagged:
        st.caption("You flagged this item for the lead.")
    return Pressed(undo=undo, skip=skip, flag=flag)


def act_on(
    ws: Workspace, item: Item, annotator: str, pressed: Pressed, *, note: str
) -> Notice | None:
    """Undo, skip or (un)flag as pressed; ``note`` goes with a flag. None when nothing was pressed."""
    campaign_id = item.campaign_id
    if pressed.undo:
        if answers.undo_last(ws, campaign_id, annotator) is None:
            return ("info", "Nothing to undo yet.")
        return ("info", "Your last answer was withdrawn; answer it again.")
    if pressed.skip:
        answers.skip(ws, item.assignment_id, annotator)
        return ("toast", "Skipped.")
    if pressed.flag:
        answers.flag(ws, item.assignment_id, annotator, note)
        return ("toast", "Flag changed.")
    return None
