"""The Quality page's view of a thumbs campaign: progress, agreement and what the votes decide."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from curation.labeling import quality
from curation.labeling.campaigns import CampaignSummary, get_campaign
from curation.labeling.thumbs import (
    ThumbsPolicy,
    aggregate_thumbs,
    apply_thumbs,
    thumbs_agreement,
)
from curation.store.db import Workspace
from curation.ui.quality_judge import fmt_stat


def show_thumbs_quality(
    ws: Workspace, campaign_id: int, summary: CampaignSummary, lead: str
) -> None:
    with ws.read() as s:
        progress = quality.progress(s, campaign_id)
        agreement = thumbs_agreement(s, campaign_id)
    st.subheader("Progress")
    cols = st.columns(4)
    cols[0].metric("Answers", f"{progress.tasks:,}")
    cols[1].metric("Voted on", f"{progress.labelled:,}", help="answers with at least one live vote")
    cols[2].metric(f"With {progress.target} votes", f"{progress.complete:,}")
    cols[3].metric("Votes", f"{progress.labels:,}", help="live votes (undone answers do not count)")

    st.subheader("Agreement")
    cols3 = st.columns(3)
    cols3[0].metric(
        "Unanimous",
        "—" if agreement.unanimous_share is None else f"{agreement.unanimous_share:.0%}",
        help="share of answers with 2+ votes where every vote is the same",
    )
    cols3[1].metric("Answers with 2+ votes", f"{agreement.items:,}")
    cols3[2].metric(
        "Krippendorff's α (nominal)",
        fmt_stat(agreement.alpha),
        help="1 = perfect agreement, 0 = chance; good / bad as two categories",
    )
    if agreement.reason:
        st.caption(agreement.reason)

    st.subheader("Outcome")
    current = ThumbsPolicy.from_dict(summary.thumbs_policy)
    c1, c2 = st.columns(2)
    min_votes = c1.number_input(
        "Votes needed",
        min_value=1,
        value=current.min_votes,
        key=f"quality_thumbs_votes_{campaign_id}",
    )
    min_share = c2.slider(
        "Winning share needed",
        min_value=0.51,
        max_value=1.0,
        value=float(current.min_share),
        step=0.01,
        key=f"quality_thumbs_share_{campaign_id}",
    )
    policy = ThumbsPolicy(int(min_votes), float(min_share))
    with ws.read() as s:
        result = aggregate_thumbs(s, get_campaign(s, summary.name), policy)
    counts = result.counts()
    cols3 = st.columns(3)
    cols3[0].metric("Good (desirable)", f"{counts.good:,}")
    cols3[1].metric("Bad (undesirable)", f"{counts.bad:,}")
    cols3[2].metric("Undecided", f"{counts.undecided:,}")
    if result.reasons():
        st.dataframe(
            pd.DataFrame(
                [
                    {"undecided because": k.replace("_", " "), "answers": v}
                    for k, v in result.reasons().items()
                ]
            ),
            hide_index=True,
        )
    st.caption(f"Policy: {policy.describe()}.")
    if st.button("Apply as KTO labels", key="quality_thumbs_apply", type="primary"):
        with ws.tx() as s:
            campaign = get_campaign(s, summary.name)
            campaign.thumbs_policy = policy.as_dict()
            applied = apply_thumbs(s, campaign, actor=lead, policy=policy)
        done = applied.counts()
        st.success(
            f"{done.good:,} answers labelled desirable and {done.bad:,} undesirable; "
            "export the dataset as trl-kto or llamafactory-kto."
        )
