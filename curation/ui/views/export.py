"""Export (lead): pick a format and options, preview the first rows, export a validated
train/validation pair with manifests, download them, and see every earlier export."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from curation.errors import CurationError
from curation.export.names import FORMAT_NAMES, SFT_FROM, STRATIFY, TRL_FORMATS, TRL_STYLES
from curation.export.pipeline import export_dataset, workspace_output
from curation.export.preview import preview_export
from curation.export.publish import history_rows
from curation.export.registry import get_export_format
from curation.export.spec import ExportSpec, PreviewRow, parse_where
from curation.jobs import runner_beside_app
from curation.jobs.params import export_spec_params
from curation.labeling.aggregate import POLICIES, Policy
from curation.labeling.campaigns import preference_campaigns
from curation.store.queries import dataset_names, get_dataset
from curation.ui import keys
from curation.ui.export_result import ExportShown, download, show_export
from curation.ui.jobs_panel import followed_job, start_job
from curation.ui.progress import progress_bar
from curation.ui.resources import workspace
from curation.ui.session import require_role
from curation.ui.sidebar import current_dataset

IMPORTED = "— the imported preferences —"

me = require_role("lead")
ws = workspace()
st.title("Export")
st.caption(
    "A validated train/validation pair for your trainer, with a manifest beside each file "
    "that says exactly what went in. Only active records cleared for PII are exported."
)

with ws.read() as s:
    datasets = dataset_names(s)
    campaigns = [(c.name, c.dataset_id) for c in preference_campaigns(s)]
if not datasets:
    st.info("No dataset yet. Go to **Import** to bring in a file.")
    st.stop()

# --------------------------------------------------------------------------- options
focus = current_dataset()
c1, c2 = st.columns(2)
dataset = c1.selectbox(
    "Dataset",
    datasets,
    index=datasets.index(focus) if focus in datasets else 0,
    key="export_dataset",
)
fmt_name = c2.selectbox(
    "Format",
    list(FORMAT_NAMES),
    format_func=lambda name: get_export_format(name).label,
    key="export_format",
)
fmt = get_export_format(fmt_name)
st.caption(f"`{fmt_name}`: {fmt.help}")

with ws.read() as s:
    dataset_id = get_dataset(s, dataset).id
mine = [name for name, ds in campaigns if ds == dataset_id]
campaign_pick = st.selectbox(
    "Preferences from",
    [IMPORTED, *mine],
    key="export_campaign",
    help="A campaign's aggregated judgments, or the preferences the source files carried.",
)
campaign = None if campaign_pick == IMPORTED else campaign_pick
policy = Policy()
if campaign:
    p1, p2, p3, p4 = st.columns(4)
    min_agreement = p1.slider("Minimum agreement", 0.0, 1.0, 0.5, 0.05, key="export_min_agreement")
    min_strength = p2.slider("Minimum strength", 0.0, 2.0, 0.0, 0.25, key="export_min_strength")
    ties = p3.selectbox("Ties", POLICIES, key="export_ties")
    both_bad = p4.selectbox("Both bad", POLICIES, key="export_both_bad")
    policy = Policy(
        min_agreement=min_agreement, min_strength=min_strength, ties=ties, both_bad=both_bad
    )
    st.caption(
        "Ties and 'both bad' never become preference rows; kept ties give SFT rows from either "
        "completion."
    )

s1, s2, s3 = st.columns(3)
validation_split = s1.number_input(
    "Validation share", 0.0, 0.5, 0.1, 0.05, key="export_validation_split"
)
seed = int(s2.number_input("Seed", value=42, step=1, key="export_seed"))
stratify_pick = s3.selectbox("Stratify by", ["nothing", *STRATIFY], key="export_stratify")

o1, o2 = st.columns(2)
sft_from = "auto"
trl_style = "conversational"
if fmt.unit == "record":
    sft_from = o1.radio(
        "Rows from",
        list(SFT_FROM),
        horizontal=True,
        key="export_sft_from",
        help="auto: prompt + preferred completion where a record has completions, "
        "else the record's own conversation.",
    )
if fmt_name in TRL_FORMATS:
    trl_style = o1.radio("TRL style", list(TRL_STYLES), horizontal=True, key="export_trl_style")
with o2.expander("Filters"):
    where_text = st.text_area(
        "Metadata equals (one KEY=VALUE per line, all must match)", key="export_where"
    )
    tags_text = st.text_input(
        "Tags (comma-separated; the record's metadata 'tags' must hold them all)",
        key="export_tags",
    )
    from_split = st.text_input("Only records whose stored split is", key="export_from_split")

override = st.checkbox(
    "Override the PII gate: also export records not scanned or with unreviewed findings",
    key="export_pii_override",
    help="Written in the manifest and the audit log with your name and the records it let through.",
)
override_reason = st.text_input("Why (recorded)", key="export_override_reason") if override else ""
m1, m2 = st.columns(2)
model = m1.text_input("Model (token counts, cost)", value="gpt-4.1", key="export_model")
price = m2.number_input(
    "USD per 1M training tokens", min_value=0.0, value=25.0, step=0.5, key="export_price"
)


def _spec() -> ExportSpec:
    return ExportSpec(
        format=fmt_name,
        dataset=dataset,
        campaign=campaign,
        validation_split=float(validation_split),
        seed=seed,
        stratify=None if stratify_pick == "nothing" else stratify_pick,
        where=parse_where([line for line in where_text.splitlines() if line.strip()]),
        tags=[t.strip() for t in tags_text.split(",") if t.strip()],
        from_split=from_split.strip() or None,
        sft_from=sft_from,
        policy=policy,
        trl_style=trl_style,
        allow_unreviewed_pii=override,
        override_reason=override_reason.strip(),
        model=model.strip() or "gpt-4.1",
        price_per_million=float(price),
    )


b1, b2, _ = st.columns([1, 1, 3])
preview_clicked = b1.button("Preview", key="export_preview_go", icon=":material/visibility:")
export_clicked = b2.button("Export", key="export_go", type="primary", icon=":material/download:")

if preview_clicked:
    try:
        rows = preview_export(ws, _spec(), n=5)
    except CurationError as exc:
        st.error(str(exc))
    else:
        st.session_state[keys.EXPORT_PREVIEW] = rows

# With a runner beside the app (`curation serve`) an export is a job: it goes on whatever the
# page does. The page shows the live export of this dataset (whoever started it) and, once
# this session's is done, its result below.
background = runner_beside_app()
if background:
    following = followed_job(ws, "export", dataset_id, actor=me.name, key="export")
    if following.done is not None:
        shown = ExportShown.of(following.done.data, following.done.summary)
        st.session_state[keys.EXPORT_RESULT] = shown
        st.session_state.pop(keys.EXPORT_PREVIEW, None)

if export_clicked and background:
    try:
        params = {
            "spec": export_spec_params(_spec()),
            "output": str(workspace_output(ws, dataset, fmt_name)),
        }
        st.session_state.pop(keys.EXPORT_RESULT, None)
        start_job(ws, "export", params, dataset, actor=me.name, key="export")
    except CurationError as exc:
        st.error(str(exc))
elif export_clicked:
    progress, bar = progress_bar("Exporting…")
    try:
        spec = _spec()
        result = export_dataset(
            ws, spec, workspace_output(ws, dataset, fmt_name), actor=me.name, progress=progress
        )
    except CurationError as exc:
        bar.empty()
        st.error(str(exc))
    else:
        bar.progress(1.0, text="Done")
        st.session_state[keys.EXPORT_RESULT] = ExportShown.of(result.as_dict(), result.summary())
        st.session_state.pop(keys.EXPORT_PREVIEW, None)

# --------------------------------------------------------------------------- preview
preview: list[PreviewRow] | None = st.session_state.get(keys.EXPORT_PREVIEW)
if preview is not None:
    st.subheader("Preview")
    good = [p for p in preview if p.row is not None]
    if not good:
        st.warning("No row would be written from the first records checked.")
    for p in preview:
        where = f"record {p.record_id}" + (f", pair {p.pair_id}" if p.pair_id else "")
        if p.row is None:
            st.caption(f"{where}: left out ({p.reason}) {p.detail}")
        else:
            st.caption(where)
            st.json(p.row, expanded=1)


# --------------------------------------------------------------------------- result
done: ExportShown | None = st.session_state.get(keys.EXPORT_RESULT)
if done:
    show_export(done)

# --------------------------------------------------------------------------- history
st.subheader("Export history")
with ws.read() as s:
    history = history_rows(s, dataset)
if not history:
    st.caption("No export of this dataset yet.")
else:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "#": h.id,
                    "status": h.status,
                    "when (UTC)": h.created_at,
                    "by": h.actor,
                    "format": h.format,
                    "rows": ", ".join(f"{k} {v:,}" for k, v in h.rows.items()),
                    "left out": h.left_out,
                    "PII override": h.pii_override,
                    "files on disk": h.on_disk,
                    "note": h.note,
                }
                for h in history
            ]
        ),
        hide_index=True,
        width="stretch",
        key="export_history",
    )
    unfinished = [f"#{h.id} {h.status}" for h in history if h.status != "done"]
    if unfinished:
        st.warning(
            "Not every export finished: " + ", ".join(unfinished) + ". The note column says "
            "what happened and the files-on-disk column whether their files are in place."
        )
    by_id = {h.id: h for h in history if h.on_disk}
    chosen = (
        st.selectbox(
            "Download an earlier export",
            list(by_id),
            format_func=lambda i: (
                f"#{i} · {by_id[i].format} · {by_id[i].created_at}"
                + ("" if by_id[i].status == "done" else f" · {by_id[i].status}")
            ),
            key="export_history_pick",
        )
        if by_id
        else None
    )
    if chosen is None:
        st.caption("No earlier export has its files on disk any more.")
    for path_text in by_id[chosen].files if chosen is not None else []:
        path = Path(path_text)
        h1, h2 = st.columns(2)
        with h1:
            download(
                path.name, path, f"export_hist_{chosen}_{path.name}", "application/octet-stream"
            )
        with h2:
            download(
                f"{path.name} manifest",
                path.with_name(path.name + ".manifest.json"),
                f"export_hist_{chosen}_{path.name}_manifest",
                "application/json",
            )
