"""Fine-tune (lead, optional): launch an OpenAI fine-tuning job from an export, follow it, cancel it.

The API key is read from the environment or Streamlit secrets each time it is needed and
handed to the client; it is never put in session state, the workspace or the audit log.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pandas as pd
import streamlit as st

from curation.errors import CurationError
from curation.export.names import METHOD_FOR_FORMAT
from curation.export.publish import history_rows
from curation.export.spec import upload_pair
from curation.finetune import jobs as ft
from curation.ui import keys
from curation.ui.resources import workspace
from curation.ui.session import require_role

me = require_role("lead")
ws = workspace()
st.title("Fine-tune")
st.caption(
    "Optional: OpenAI closed fine-tuning to new customers in 2026, so this serves those who "
    "still have access, or any OpenAI-compatible service. The exported files work with every "
    "trainer without it."
)


def _secrets() -> Any:
    try:
        return st.secrets
    except Exception:  # no secrets file
        return None


base_url = st.text_input(
    "Service base URL (empty: OpenAI, or OPENAI_BASE_URL)", key="finetune_base_url"
).strip()
try:
    credentials: ft.Credentials | None = ft.resolve_credentials(
        _secrets(), base_url=base_url or None
    )
except CurationError as exc:
    credentials = None
    st.warning(str(exc))
if credentials is not None:
    where = credentials.shown_url or "api.openai.com"
    st.caption(f"API key found in the {credentials.source}; service: {where}")


def _client() -> Any:
    assert credentials is not None
    return ft.make_client(credentials)


notice = st.session_state.pop(keys.FINETUNE_NOTICE, None)
if notice:
    st.success(notice)

launch_tab, jobs_tab = st.tabs(["Launch a job", "Jobs"], key="finetune_tab", on_change="rerun")

with launch_tab:
    with ws.read() as s:
        exports = [
            h for h in history_rows(s, None, 200) if h.format in METHOD_FOR_FORMAT and h.on_disk
        ]
    if not exports:
        st.info(
            "Export an OpenAI chat (SFT) or preference (DPO) file first; its files must still be "
            "on disk."
        )
    else:
        by_id = {h.id: h for h in exports}
        picked = st.selectbox(
            "Export",
            list(by_id),
            format_func=lambda i: (
                f"#{i} · {by_id[i].dataset} · {by_id[i].format} · "
                + ", ".join(f"{k} {v:,}" for k, v in by_id[i].rows.items())
                + f" · {by_id[i].created_at}"
            ),
            key="finetune_export",
        )
        chosen = by_id[picked]
        method = METHOD_FOR_FORMAT[chosen.format]
        train, validation = upload_pair(chosen.files)
        st.caption(
            f"Method **{method}** · training file `{train.name}`"
            + (f" · validation file `{validation.name}`" if validation else "")
        )
        with st.form("finetune_launch"):
            c1, c2, c3 = st.columns(3)
            model = c1.text_input("Base model", value="gpt-4.1-mini-2025-04-14", key="ft_model")
            suffix = c2.text_input("Suffix (optional)", key="ft_suffix", max_chars=64)
            seed = c3.number_input("Seed (0 = random)", min_value=0, value=0, key="ft_seed")
            h1, h2, h3, h4 = st.columns(4)
            epochs = h1.number_input("Epochs (0 = auto)", min_value=0, value=0, key="ft_epochs")
            batch = h2.number_input("Batch size (0 = auto)", min_value=0, value=0, key="ft_batch")
            lr = h3.number_input(
                "LR multiplier (0 = auto)", min_value=0.0, value=0.0, step=0.1, key="ft_lr"
            )
            beta = h4.number_input(
                "DPO beta (0 = auto)",
                min_value=0.0,
                value=0.0,
                step=0.05,
                key="ft_beta",
                disabled=method != "dpo",
            )
            go = st.form_submit_button(
                "Upload and create the job", type="primary", disabled=credentials is None
            )
        if go and credentials is not None:
            request = ft.JobRequest(
                training_file=train,
                model=model.strip(),
                method=method,
                validation_file=validation,
                suffix=suffix.strip() or None,
                seed=int(seed) or None,
                hyperparameters=ft.Hyperparameters(
                    n_epochs=int(epochs) or None,
                    batch_size=int(batch) or None,
                    learning_rate_multiplier=float(lr) or None,
                    beta=(float(beta) or None) if method == "dpo" else None,
                ),
            )
            with st.status("Launching…", expanded=True) as status:
                try:
                    result = ft.launch(
                        _client(),
                        request,
                        credentials=credentials,
                        ws=ws,
                        actor=me.name,
                        on_step=lambda text: st.write(text.capitalize()),
                    )
                except CurationError as exc:
                    status.update(label="Launch failed", state="error")
                    st.error(str(exc))
                else:
                    status.update(label=f"Created {result.job.id}", state="complete")
                    st.session_state[keys.FINETUNE_JOB] = result.job.id
                    st.session_state[keys.FINETUNE_NOTICE] = (
                        f"Created job {result.job.id} ({result.job.status}) from export #{picked}."
                    )
                    st.rerun()

with jobs_tab:
    with ws.read() as s:
        jobs = ft.recent_jobs(s)
    if jobs:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "job": j.job_id,
                        "launched (UTC)": j.at,
                        "by": j.actor,
                        "model": j.model,
                        "method": j.method,
                        "exports": ", ".join(f"#{i}" for i in j.export_ids),
                    }
                    for j in jobs
                ]
            ),
            hide_index=True,
            width="stretch",
            key="finetune_jobs",
        )
    if keys.FINETUNE_JOB not in st.session_state:
        st.session_state[keys.FINETUNE_JOB] = jobs[0].job_id if jobs else ""
    job_id = st.text_input("Job id", key=keys.FINETUNE_JOB).strip()
    if job_id and credentials is not None:
        try:
            job = ft.job_status(_client(), job_id, credentials)
            events = ft.job_events(_client(), job_id, 50, credentials)
        except CurationError as exc:
            st.error(str(exc))
        else:
            j1, j2, j3 = st.columns(3)
            j1.metric("Status", job.status)
            j2.metric("Method", job.method or "—")
            j3.metric("Trained tokens", f"{job.trained_tokens:,}" if job.trained_tokens else "—")
            st.caption(f"Model {job.model}")
            if job.fine_tuned_model:
                st.success(f"Fine-tuned model: `{job.fine_tuned_model}`")
            if job.error:
                st.error(job.error)
            if job.hyperparameters:
                st.caption(
                    "Hyperparameters: "
                    + ", ".join(f"{k} = {v}" for k, v in job.hyperparameters.items())
                )
            if events:
                st.dataframe(
                    pd.DataFrame(
                        [
                            {
                                "time (UTC)": datetime.fromtimestamp(e.created_at, UTC).strftime(
                                    "%Y-%m-%d %H:%M:%S"
                                ),
                                "level": e.level,
                                "message": e.message,
                            }
                            for e in events
                        ]
                    ),
                    hide_index=True,
                    width="stretch",
                    key="finetune_events",
                )
            b1, b2, _ = st.columns([1, 1, 3])
            b1.button("Refresh", key="finetune_refresh", icon=":material/refresh:")
            if not job.done:
                confirm = st.checkbox("I want to cancel this job", key="finetune_cancel_confirm")
                if b2.button("Cancel job", key="finetune_cancel", disabled=not confirm):
                    try:
                        cancelled = ft.cancel_job(
                            _client(), job_id, credentials=credentials, ws=ws, actor=me.name
                        )
                    except CurationError as exc:
                        st.error(str(exc))
                    else:
                        st.session_state[keys.FINETUNE_NOTICE] = (
                            f"Job {cancelled.id} is {cancelled.status}."
                        )
                        st.rerun()
