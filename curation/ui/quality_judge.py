"""The Quality page's AI-judge section: how a judge model's suggestions compare with the
humans (consistency across A/B orders, position bias, agreement, κ) and the form that asks
a judge to pre-judge the campaign's pairs; with the number formats the page's sections share.
"""

from __future__ import annotations

import os
from typing import Any

import pandas as pd
import streamlit as st

from curation.errors import CurationError
from curation.finetune.jobs import BASE_URL_ENV, make_client, resolve_credentials
from curation.finetune.judge import JudgeSettings, judge_agreement, judge_campaign, judge_models
from curation.jobs import runner_beside_app
from curation.jobs.kinds import judge_params
from curation.labeling.campaigns import require_campaign
from curation.store.db import Workspace
from curation.ui import keys
from curation.ui.jobs_panel import followed_job, start_job
from curation.ui.progress import progress_bar
from curation.wording import plural


def p_label(p: float | None) -> str:
    """A p-value as the page prints it ("p < 0.001", "p = 0.042"); empty when there is none."""
    if p is None:
        return ""
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


def fmt_stat(value: float | None, digits: int = 3) -> str:
    """A statistic with ``digits`` decimals, or a dash when it is undefined."""
    return "—" if value is None else f"{value:.{digits}f}"


def show_ai_judge(ws: Workspace, campaign_id: int, lead: str) -> None:
    """Draw the section for the lead ``lead`` on campaign ``campaign_id``."""
    st.subheader("AI judge")
    # With a runner beside the app (`curation serve`) a judge run is a job: it goes on whatever
    # the page does; the page shows the live one on this campaign and, when done, its summary.
    background = runner_beside_app()
    if background:
        with ws.read() as s:
            name = require_campaign(s, campaign_id).name
        following = followed_job(
            ws,
            "judge",
            None,
            actor=lead,
            key="judge",
            match=lambda j: j.params.get("campaign") == name,
        )
        if following.done is not None:
            st.session_state[keys.JUDGE_NOTICE] = following.done.summary
    judge_notice = st.session_state.pop(keys.JUDGE_NOTICE, None)
    if judge_notice:
        st.success(judge_notice)
    with ws.read() as s:
        judge_names = judge_models(s, campaign_id)
    if not judge_names:
        st.caption("No AI-judge suggestion yet for this campaign.")
    else:
        judge_model = st.selectbox("Judge model", judge_names, key="quality_judge_model")
        with ws.read() as s:
            judged = judge_agreement(s, campaign_id, judge_model)

        def _pct(value: float | None) -> str:
            return "—" if value is None else f"{value:.0%}"

        jc = st.columns(5)
        jc[0].metric("Pairs judged", f"{judged.suggestions:,}")
        jc[1].metric(
            "Same verdict in both orders",
            _pct(judged.consistency),
            help="Asked with A first and with B first; a consistent judge agrees with itself.",
        )
        jc[2].metric(
            "Prefers the reply shown first",
            _pct(judged.first_position_share),
            help=p_label(judged.first_position_p) or None,
        )
        jc[3].metric(
            "Agreement with humans",
            _pct(judged.agreement),
            help=f"direction (A, tie, B) vs the aggregated human verdict on {plural(judged.compared, 'pair')}",
        )
        jc[4].metric("Cohen's κ (judge vs humans)", fmt_stat(judged.kappa))
        if judged.compared:
            jl, jr = st.columns(2)
            jl.markdown("**Human verdict (rows) × judge (columns)**")
            jl.dataframe(pd.DataFrame(judged.confusion).T, key="quality_judge_confusion")
            jr.markdown("**Judge vs each annotator**")
            jr.dataframe(
                pd.DataFrame(judged.by_annotator), hide_index=True, key="quality_judge_annotators"
            )
        st.caption(
            "Suggestions never count as labels. Annotators see them only when the campaign allows "
            "it (Campaigns page); position bias is a two-sided binomial test against 0.5."
        )

    with st.expander("Ask an AI judge to pre-judge this campaign's pairs"):
        st_secrets: Any = None
        try:
            st_secrets = st.secrets
        except Exception:  # no secrets file is the common case: the environment still works
            st_secrets = None
        with st.form("quality_judge_run"):
            f1, f2 = st.columns(2)
            run_model = f1.text_input(
                "Judge model", value="gpt-4.1-mini", key="quality_judge_run_model"
            )
            run_base = f2.text_input(
                "Service base URL (empty: OpenAI, or OPENAI_BASE_URL)", key="quality_judge_base_url"
            )
            f3, f4, f5 = st.columns(3)
            run_limit = f3.number_input(
                "At most this many pairs (0 = all)", min_value=0, value=0, key="quality_judge_limit"
            )
            run_redo = f4.checkbox("Ask again about judged pairs", key="quality_judge_redo")
            run_pii = f5.checkbox(
                "Also send records not cleared for PII (audited)", key="quality_judge_pii"
            )
            st.caption(
                "Each pair is sent twice (A first, B first) with the guidelines and criteria; "
                "the API key comes from the environment or Streamlit secrets and is not stored."
            )
            if st.form_submit_button("Run the judge", type="primary"):
                settings = JudgeSettings(
                    model=run_model.strip(),
                    limit=int(run_limit) or None,
                    redo=run_redo,
                    allow_unreviewed_pii=run_pii,
                )
                _run_judge(ws, campaign_id, settings, lead, st_secrets, run_base.strip() or None)


def _run_judge(
    ws: Workspace,
    campaign_id: int,
    settings: JudgeSettings,
    lead: str,
    secrets: Any,
    base_url: str | None,
) -> None:
    """As a job when a runner is beside the app and the key is in the environment it shares
    with the runner (a key only in Streamlit's secrets stays in this process: asked here)."""
    show_judge_progress, bar = progress_bar("Asking the judge…")
    try:
        creds = resolve_credentials(secrets, base_url=base_url)
        shared = creds.source == "environment" and (
            base_url or os.environ.get(BASE_URL_ENV) or not creds.base_url
        )
        if runner_beside_app() and shared:
            bar.empty()
            params, dataset = judge_params(ws, campaign_id, settings, base_url)
            start_job(ws, "judge", params, dataset, actor=lead, key="judge")
        judge_run = judge_campaign(
            ws,
            campaign_id,
            make_client(creds),
            settings,
            actor=lead,
            credentials=creds,
            progress=show_judge_progress,
        )
    except CurationError as exc:
        bar.empty()
        st.error(str(exc))
    else:
        st.session_state[keys.JUDGE_NOTICE] = judge_run.summary()
        st.rerun()
