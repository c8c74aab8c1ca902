"""The pages' one progress adapter: an ``st.progress`` bar fed by ``(stage, done, total)``."""

from __future__ import annotations

import streamlit as st

from curation.progress import Progress


def progress_bar(text: str) -> tuple[Progress, st.delta_generator.DeltaGenerator]:
    """A bar showing ``text``; returns the callback to hand to a library stage and the bar
    (to show "Done" or to empty it afterwards)."""
    bar = st.progress(0.0, text=text)

    def advance(stage: str, done: int, total: int | None) -> None:
        label = stage or text
        if total:
            bar.progress(min(max(done / total, 0.0), 1.0), text=f"{label}: {done:,} of {total:,}")
        else:
            bar.progress(0.0, text=f"{label}: {done:,}")

    return advance, bar
