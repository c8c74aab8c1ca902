"""The Quality page's view of a ranking campaign: progress, agreement (Krippendorff's α on
ranks, Kendall's τ between annotators) and the ranked lists the rankings give."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from curation.labeling import quality
from curation.labeling.aggregate import Policy
from curation.labeling.campaigns import CampaignSummary, get_campaign
from curation.labeling.ranking import LABELS, RankingSettings
from curation.labeling.ranking_aggregate import (
    BT_POLICY,
    EXPANSION_POLICY,
    aggregate_rankings,
    apply_rankings,
)
from curation.labeling.ranking_agreement import ranking_agreement
from curation.store.db import Workspace
from curation.ui.quality_judge import fmt_stat


def show_ranking_quality(
    ws: Workspace, campaign_id: int, summary: CampaignSummary, lead: str
) -> None:
    with ws.read() as s:
        progress = quality.progress(s, campaign_id)
        agreement = ranking_agreement(s, campaign_id)
    st.caption(f"Ranking: {RankingSettings.from_dict(summary.ranking_settings).describe()}.")
    st.subheader("Progress")
    cols = st.columns(4)
    cols[0].metric("Prompts", f"{progress.tasks:,}")
    cols[1].metric("Ranked", f"{progress.labelled:,}", help="prompts with at least one ranking")
    cols[2].metric(f"With {progress.target} rankings", f"{progress.complete:,}")
    cols[3].metric("Rankings", f"{progress.labels:,}", help="live rankings (undone do not count)")

    st.subheader("Agreement")
    cols3 = st.columns(3)
    cols3[0].metric("Prompts with 2+ rankings", f"{agreement.tasks:,}")
    cols3[1].metric(
        "Krippendorff's α (ordinal, ranks)",
        fmt_stat(agreement.alpha),
        help="1 = perfect agreement, 0 = chance; a unit is one answer of one prompt, its "
        "value the rank given (unranked answers of a partial ranking rank below the rest; "
        "'all bad' gives none)",
    )
    cols3[2].metric(
        "Kendall's τ (mean)",
        fmt_stat(agreement.tau),
        help="τ-b between two annotators' rankings of one prompt, averaged over every prompt "
        "and pair of annotators; 1 = same order, −1 = reversed",
    )
    if agreement.pairs:
        st.dataframe(
            pd.DataFrame(
                [
                    {"annotators": " · ".join(p.annotators), "prompts": p.tasks, "τ": p.tau}
                    for p in agreement.pairs
                ]
            ),
            hide_index=True,
        )
    if agreement.reason:
        st.caption(agreement.reason)

    st.subheader("Outcome")
    min_labels = st.number_input(
        "Rankings a prompt needs", min_value=1, value=1, key=f"quality_ranking_min_{campaign_id}"
    )
    policy = Policy(min_labels=int(min_labels))
    with ws.read() as s:
        result = aggregate_rankings(s, get_campaign(s, summary.name), policy)
    cols2 = st.columns(2)
    cols2[0].metric("Prompts with a ranked list", f"{len(result.lists):,}")
    cols2[1].metric("Left out", f"{sum(result.excluded.values()):,}")
    if result.excluded:
        st.dataframe(
            pd.DataFrame(
                [
                    {"left out because": k.replace("_", " "), "prompts": v}
                    for k, v in result.excluded.items()
                ]
            ),
            hide_index=True,
        )
    if result.lists:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "record": r.record_id,
                        "rankings": r.rankings,
                        "all bad": r.all_bad,
                        "order (completion ids, best first)": " > ".join(
                            f"{c.completion_id} ({c.score:+.2f})" for c in r.completions
                        ),
                    }
                    for r in result.lists[:200]
                ]
            ),
            hide_index=True,
        )
    st.caption(f"Pairs: {EXPANSION_POLICY}. Ranked lists: {BT_POLICY}.")
    st.caption(
        f"Answers are shown to each annotator as {LABELS[0]}–{LABELS[-1]} in their own order."
    )
    if st.button("Apply as ranked lists", key="quality_ranking_apply", type="primary"):
        with ws.tx() as s:
            applied = apply_rankings(s, get_campaign(s, summary.name), actor=lead, policy=policy)
        st.success(
            f"{len(applied.lists):,} prompts ranked; export the dataset as ranked-list, or the "
            "campaign as pairs."
        )
