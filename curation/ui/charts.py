"""Altair charts used on several pages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import cast

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

COUNT_AXIS = alt.Axis(format="d", tickMinStep=1)  # whole numbers only: no "2.5 items"


def histogram(
    values: Sequence[float] | np.ndarray, title: str, *, bins: int = 40, rule: float | None = None
) -> alt.Chart | alt.LayerChart:
    """A histogram; ``rule`` draws a vertical line (a threshold)."""
    frame = pd.DataFrame({title: np.asarray(values, dtype=float)})
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(f"{title}:Q", bin=alt.Bin(maxbins=bins), title=title),
            y=alt.Y("count():Q", title="count"),
        )
        .properties(height=220)
    )
    if rule is None:
        return chart
    line = (
        alt.Chart(pd.DataFrame({"x": [rule]})).mark_rule(color="red", strokeWidth=2).encode(x="x:Q")
    )
    return cast(alt.LayerChart, alt.layer(chart, line))


def bars(counts: Mapping[str, int] | Mapping[int, int], x: str, y: str = "count") -> alt.Chart:
    frame = pd.DataFrame({x: [str(k) for k in counts], y: list(counts.values())})
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(x=alt.X(f"{x}:N", sort=None), y=alt.Y(f"{y}:Q"), tooltip=[x, y])
        .properties(height=220)
    )


def cost_panel(tokens: np.ndarray, *, key_prefix: str) -> None:
    """Training-cost estimate for these examples, with the cookbook's epoch heuristic."""
    from curation.ingest.cost import estimate_cost

    st.markdown("**Training cost estimate**")
    c1, c2 = st.columns(2)
    model = c1.text_input("Model", value="gpt-4.1", key=f"{key_prefix}_model")
    price = c2.number_input(
        "USD per 1M training tokens", min_value=0.0, value=25.0, step=0.5, key=f"{key_prefix}_price"
    )
    if len(tokens) == 0:
        st.caption("No valid example to estimate.")
        return
    cost = estimate_cost(tokens, model=model, price_per_million=price)
    st.metric("Estimated cost", f"${cost.usd:,.2f}" if cost.usd is not None else "—")
    st.caption(
        f"{cost.n_epochs} epochs × {cost.billed_tokens:,} billed tokens = {cost.training_tokens:,} training tokens"
        f" (examples capped at {cost.context_limit:,} tokens)."
    )


def bars_or_note(counts: Mapping[str, int] | Mapping[int, int], x: str, *, unit: str) -> None:
    """A bar chart when there is something to compare; one value is said in words instead
    (a single bar in half a row tells nothing)."""
    from curation.wording import plural

    if len(counts) >= 2:
        st.altair_chart(bars(counts, x), width="stretch")
        return
    if not counts:
        st.caption("Nothing to show yet.")
        return
    (key, n), *_ = counts.items()
    st.caption(f"All {plural(int(n), unit)}: **{key}**.")


def per_item_seconds(seconds: Sequence[float]) -> alt.Chart:
    """Seconds per answered item in the order answered: whole-number item ticks, no bins."""
    frame = pd.DataFrame({"item": range(1, len(seconds) + 1), "seconds": list(seconds)})
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(
                "item:Q",
                title="item (in the order answered)",
                axis=COUNT_AXIS,
                scale=alt.Scale(domain=[0.5, len(seconds) + 0.5]),
            ),
            y=alt.Y("seconds:Q", title="seconds"),
            tooltip=["item", "seconds"],
        )
        .properties(height=200)
    )
