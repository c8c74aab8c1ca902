"""Campaigns (lead): create one from a dataset, edit guidelines and annotators, close, export labels."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from curation import auth
from curation.errors import CurationError
from curation.labeling import campaigns as camp
from curation.labeling.io import dumps_jsonl, judgment_rows
from curation.labeling.ranking import MAX_SHOWN, MIN_SHOWN, RankingSettings, rankable_counts
from curation.labeling.ranking_aggregate import apply_rankings
from curation.labeling.thumbs import ThumbsPolicy, apply_thumbs, completion_counts
from curation.pii.readiness import pii_readiness
from curation.store.queries import pair_counts
from curation.ui import keys, pii_state
from curation.ui.resources import workspace
from curation.ui.session import require_role
from curation.ui.sidebar import current_dataset
from curation.wording import plural

# the new-campaign form's widgets, cleared after a campaign is created
FORM_KEYS = (
    "nc_name",
    "nc_dataset",
    "nc_annotators",
    "nc_overlap",
    "nc_limit",
    "nc_gold",
    "nc_criteria",
    "nc_search",
    "nc_rationale",
    "nc_guidelines",
    "nc_no_guidelines",
    "nc_min_votes",
    "nc_min_share",
    "nc_max_shown",
    "nc_rank_top",
)
KIND_LABELS = {
    "pair": "Compare two answers",
    "thumbs": "Thumbs: good / bad on one answer",
    "ranking": "Rank 3–5 answers of a prompt",
}
CREATED = "campaigns_created"  # (message, dataset) to show after the rerun that follows creation

me = require_role("lead")
ws = workspace()
st.title("Campaigns")

with ws.read() as s:
    summaries = [camp.campaign_summary(s, c.id) for c in camp.list_campaigns(s)]
    pairs_in = pair_counts(s)
    answers_in = completion_counts(s)
    prompts_in = rankable_counts(s)
    datasets = list(pairs_in)
    # only annotators label; leads and admins are not offered (they can still be added by CLI)
    people = [u.name for u in auth.list_users(s) if not u.disabled and u.role == "annotator"]
    pii = {d: pii_readiness(s, d) for d in datasets}

if summaries:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "campaign": r.name,
                    "dataset": r.dataset,
                    "PII": pii[r.dataset].label if r.dataset in pii else "",
                    "status": r.status,
                    "kind": r.kind,
                    "items": r.tasks,
                    "labels": f"{r.labels:,} / {r.capacity:,}",
                    "k": r.overlap,
                    "annotators": ", ".join(r.annotators),
                    "guidelines": f"v{r.guideline_version}",
                }
                for r in summaries
            ]
        ),
        hide_index=True,
        width="stretch",
    )
else:
    st.info("No campaign yet. Create one below from a dataset with completion pairs.")

create_tab, manage_tab = st.tabs(["New campaign", "Manage"], key="campaigns_tab", on_change="rerun")

with create_tab:
    just_created = st.session_state.pop(CREATED, None)
    if just_created:
        st.success(just_created[0])
        pii_state.show(just_created[1])
    kind = st.segmented_control(
        "Kind",
        list(KIND_LABELS),
        default="pair",
        format_func=KIND_LABELS.__getitem__,
        key="nc_kind",
        help="Thumbs votes become KTO labels (desirable / undesirable) on the answers; a "
        "ranking orders 3–5 answers of one prompt on one screen and exports as pairs or "
        "ranked lists.",
    )
    thumbs, ranking = kind == "thumbs", kind == "ranking"
    units_in = answers_in if thumbs else prompts_in if ranking else pairs_in
    unit = "answer" if thumbs else "prompt" if ranking else "pair"
    with_pairs = [d for d in units_in if units_in[d]]
    if not with_pairs:
        st.warning(
            "Import a dataset with answers first: no dataset has any."
            if thumbs
            else f"Import a dataset with {MIN_SHOWN}+ completions per prompt first: no dataset "
            "has prompts to rank."
            if ranking
            else "Import a dataset with 2+ completions per prompt first: no dataset has pairs."
        )
    else:
        focus = current_dataset()
        with st.form("new_campaign"):
            c1, c2 = st.columns(2)
            name = c1.text_input("Name", key="nc_name")
            dataset = c2.selectbox(
                "Dataset",
                with_pairs,
                index=with_pairs.index(focus) if focus in with_pairs else 0,
                format_func=lambda d: f"{d} · {plural(units_in[d], unit)}",
                key="nc_dataset",
                help=f"Only datasets with {unit}s; "
                + (
                    ", ".join(d for d in units_in if not units_in[d]) + " have none."
                    if len(with_pairs) < len(units_in)
                    else "every dataset has some."
                ),
            )
            annotators = st.multiselect(
                "Annotators",
                people,
                key="nc_annotators",
                placeholder="Choose annotators" if people else "No annotator account yet",
            )
            c3, c4, c5 = st.columns(3)
            overlap = c3.number_input(
                f"Labels per {unit} (k)",
                min_value=1,
                max_value=camp.MAX_OVERLAP,
                value=2,
                key="nc_overlap",
            )
            limit = c4.number_input(
                f"Sample this many {unit}s (0 = all)", min_value=0, value=0, key="nc_limit"
            )
            gold = 0
            if not ranking:  # a ranking campaign has no gold items
                gold = c5.number_input(
                    "Gold items from imported labels"
                    if thumbs
                    else "Gold items from imported preferences",
                    min_value=0,
                    value=0,
                    key="nc_gold",
                )
            criteria = ""
            min_votes, min_share = 2, 0.6
            max_shown, rank_top = 4, 0
            if ranking:
                r1, r2 = st.columns(2)
                max_shown = r1.number_input(
                    "Answers shown per prompt",
                    min_value=MIN_SHOWN,
                    max_value=MAX_SHOWN,
                    value=4,
                    key="nc_max_shown",
                    help="A prompt with more answers shows a seeded sample of this many.",
                )
                rank_top = r2.number_input(
                    "Rank only the top (0 = rank them all)",
                    min_value=0,
                    max_value=MAX_SHOWN - 1,
                    value=0,
                    key="nc_rank_top",
                    help="A partial ranking: annotators rank their best few; the rest count "
                    "as below them.",
                )
            elif thumbs:
                p1, p2 = st.columns(2)
                min_votes = p1.number_input(
                    "Votes needed to decide", min_value=1, value=2, key="nc_min_votes"
                )
                min_share = p2.slider(
                    "Share the winning side needs",
                    min_value=0.51,
                    max_value=1.0,
                    value=0.6,
                    step=0.01,
                    key="nc_min_share",
                    help="Ties and thinner majorities stay undecided and give no label.",
                )
            if kind == "pair":
                criteria = st.text_input(
                    "Criteria rated 1–5 (comma-separated, optional)",
                    key="nc_criteria",
                    placeholder="helpfulness, correctness, safety",
                )
            search = st.text_input(
                f"Only {unit}s whose conversation contains (optional)", key="nc_search"
            )
            rationale_for = st.multiselect(
                "Require a reason for" if thumbs else "Require a rationale for",
                list(camp.CASES_OF_KIND[kind or "pair"]),
                key="nc_rationale",
            )
            guidelines = st.text_area("Guidelines (markdown)", height=200, key="nc_guidelines")
            no_guidelines = st.checkbox(
                "Create without guidelines",
                key="nc_no_guidelines",
                help="Annotators then see none.",
            )
            submitted = st.form_submit_button("Create campaign", type="primary")
        if submitted and not guidelines.strip() and not no_guidelines:
            st.warning(
                "The guidelines are empty: annotators would rank without knowing what *better* "
                "means. Write them, or tick **Create without guidelines**."
            )
        elif submitted:
            spec = camp.CampaignSpec(
                name=name,
                dataset=dataset,
                overlap=int(overlap),
                annotators=annotators,
                criteria=[c for c in criteria.split(",") if c.strip()],
                guidelines=guidelines,
                rationale_required_for=rationale_for,
                pair_filter=camp.PairFilter(search=search, limit=int(limit) or None),
                gold_from_imported=int(gold),
                kind=kind or "pair",
                thumbs_policy=ThumbsPolicy(int(min_votes), float(min_share)) if thumbs else None,
            )
            try:
                if ranking:
                    spec.ranking = RankingSettings(int(max_shown), int(rank_top) or None)
                with ws.tx() as s:
                    created = camp.create_campaign(s, spec, actor=me.name)
                    cid = created.id
                with ws.read() as s:
                    info = camp.campaign_summary(s, cid)
            except CurationError as exc:
                st.error(str(exc))
            else:
                st.session_state[keys.CAMPAIGN_FOCUS] = name
                st.session_state[CREATED] = (
                    f"Created {name}: {plural(info.tasks, unit)}, {info.gold} gold.",
                    dataset,
                )
                for key in FORM_KEYS:
                    st.session_state.pop(key, None)
                st.rerun()

with manage_tab:
    if not summaries:
        st.caption("Nothing to manage yet.")
        st.stop()
    names = [r.name for r in summaries]
    focus_name = st.session_state.get(keys.CAMPAIGN_FOCUS)
    chosen = st.selectbox(
        "Campaign",
        names,
        index=names.index(focus_name) if focus_name in names else 0,
        key="mc_name",
    )
    info = next(r for r in summaries if r.name == chosen)
    with ws.read() as s:
        campaign = camp.get_campaign(s, chosen)
        guideline = camp.current_guideline(s, campaign.id)
    st.caption(
        f"Dataset {info.dataset} · k={info.overlap} · criteria: {', '.join(info.criteria) or 'none'}"
    )
    try:
        new_people = st.multiselect(
            "Annotators",
            people,
            default=[a for a in info.annotators if a in people],
            key="mc_people",
        )
        if st.button("Save annotators", key="mc_save_people"):
            with ws.tx() as s:
                camp.set_annotators(s, camp.get_campaign(s, chosen), new_people, actor=me.name)
            st.rerun()
        text = st.text_area(
            f"Guidelines (now v{guideline.version})",
            value=guideline.text,
            height=200,
            key=f"mc_guidelines_{campaign.id}",
        )
        if st.button("Save as a new version", key="mc_save_guidelines"):
            with ws.tx() as s:
                version = camp.update_guidelines(
                    s, camp.get_campaign(s, chosen), text, actor=me.name
                )
            st.success(
                f"Guidelines are now v{version}; earlier answers keep the version they were made under."
            )
        show_ai = st.toggle(
            "Show AI-judge suggestions to annotators",
            value=campaign.show_ai_suggestions,
            key=f"mc_show_ai_{campaign.id}",
            help="Off by default: a visible suggestion anchors annotators. Run the judge from "
            "the Quality page.",
        )
        if info.kind == "thumbs":
            policy = ThumbsPolicy.from_dict(info.thumbs_policy)
            st.caption(f"Thumbs policy: {policy.describe()}.")
            if st.button("Apply votes as KTO labels", key="mc_apply_thumbs"):
                with ws.tx() as s:
                    applied = apply_thumbs(s, camp.get_campaign(s, chosen), actor=me.name)
                counts = applied.counts()
                st.success(
                    f"{counts.good:,} answers labelled desirable, {counts.bad:,} "
                    f"undesirable, {counts.undecided:,} undecided. Export the dataset as "
                    "trl-kto or llamafactory-kto to use them."
                )
        if info.kind == "ranking":
            settings = RankingSettings.from_dict(info.ranking_settings)
            st.caption(f"Ranking: {settings.describe()}.")
            if st.button("Apply rankings as ranked lists", key="mc_apply_rankings"):
                with ws.tx() as s:
                    ranked = apply_rankings(s, camp.get_campaign(s, chosen), actor=me.name)
                st.success(
                    f"{plural(len(ranked.lists), 'prompt')} ranked. Export the dataset as "
                    "ranked-list, or the campaign as pairs (any preference format)."
                )
        if show_ai != campaign.show_ai_suggestions:
            with ws.tx() as s:
                camp.set_show_ai_suggestions(
                    s, camp.get_campaign(s, chosen), show_ai, actor=me.name
                )
            st.rerun()
        label = "Close campaign" if info.status == "active" else "Reopen campaign"
        if st.button(label, key="mc_status"):
            with ws.tx() as s:
                camp.set_status(
                    s,
                    camp.get_campaign(s, chosen),
                    "closed" if info.status == "active" else "active",
                    actor=me.name,
                )
            st.rerun()
    except CurationError as exc:
        st.error(str(exc))
    with ws.read() as s:
        data = dumps_jsonl(judgment_rows(s, campaign.id))
    st.download_button(
        "Download raw judgments (JSONL)",
        data,
        file_name=f"{chosen}-judgments.jsonl",
        mime="application/jsonl",
        key="mc_download",
    )
