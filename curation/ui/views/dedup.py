"""Deduplicate: run exact + semantic dedup, calibrate the threshold, review clusters, decide.

Everything is computed by :mod:`curation.dedup`; this page draws it and records the lead's
decisions (each one reversible and in the audit log).
"""

from __future__ import annotations

from dataclasses import asdict

import altair as alt
import pandas as pd
import streamlit as st

from curation.dedup import (
    DEFAULT_THRESHOLDS,
    MODES,
    RULES,
    Settings,
    boundary_pairs,
    cluster_members,
    dataset_leakage,
    decide_cluster,
    keep_representatives,
    list_clusters,
    rethreshold,
    run_dedup,
)
from curation.dedup.browse import CLUSTER_ORDERS, count_at, record_texts, run_detail, run_rows
from curation.dedup.diff import diff_segments, escape_markdown, segments_markdown
from curation.dedup.embedders import static_model_ready
from curation.dedup.runs import job_params
from curation.errors import CurationError
from curation.jobs import runner_beside_app
from curation.store.queries import dataset_names, get_dataset
from curation.ui import keys
from curation.ui.jobs_panel import followed_job, start_job
from curation.ui.progress import progress_bar
from curation.ui.resources import workspace
from curation.ui.session import require_role
from curation.ui.sidebar import dataset_in_focus
from curation.wording import plural, verb

CLUSTERS_PER_PAGE = 25
DECISION_LABELS = {
    "pending": "pending",
    "representative": "kept representative",
    "keep_all": "kept all (not duplicates)",
    "custom": "custom",
}
EMBEDDER_HELP = {
    "cascade": "cascade: static candidates, MiniLM checks the uncertain ones (default)",
    "minilm": "minilm: all-MiniLM-L6-v2 on every exchange (accurate, slower)",
    "static": "static: model2vec distilled from MiniLM (fastest, coarser)",
    "openai": "openai: an OpenAI-compatible embeddings endpoint",
}


me = require_role("lead")
ws = workspace()
st.title("Deduplicate")

name = dataset_in_focus()
with ws.read() as s:
    names = dataset_names(s)
with ws.read() as s:
    dataset_id = get_dataset(s, name).id
    runs = run_rows(s, dataset_id)
latest_id = next((r.id for r in runs if r.live), None)

# With a runner beside the app (`curation serve`) a run and a re-cluster are jobs: they go on
# whatever the page does; the page shows the live one (whoever started it) and, when this
# session's is done, opens the run it made.
background = runner_beside_app()
if background:
    following = followed_job(ws, "dedup", dataset_id, actor=me.name, key="dedup")
    if following.done is not None:
        st.session_state[keys.DEDUP_RUN] = following.done.run_id
        st.session_state[keys.DEDUP_NOTICE] = following.done.summary

notice = st.session_state.pop(keys.DEDUP_NOTICE, None)
if notice:
    st.success(notice)

# --------------------------------------------------------------------------- new run
with st.expander(f"New dedup run on **{name}**", expanded=latest_id is None):
    with st.form("dedup_run_form"):
        c1, c2, c3 = st.columns(3)
        embedder = c1.selectbox(
            "Embedder", MODES, format_func=lambda m: EMBEDDER_HELP[m], key="dedup_form_embedder"
        )
        threshold = c2.number_input(
            "Threshold",
            min_value=0.5,
            max_value=1.0,
            value=None,
            step=0.01,
            placeholder="calibrated default",
            help="Aligned similarity at which two records are duplicates. Defaults: "
            + ", ".join(f"{k} {v}" for k, v in DEFAULT_THRESHOLDS.items()),
            key="dedup_form_threshold",
        )
        rule = c3.selectbox(
            "Keep in each cluster",
            RULES,
            key="dedup_form_rule",
            help="earliest: lowest record id; longest: most text; best-scored: highest"
            " metadata score or completion score",
        )
        include_system = st.checkbox(
            "Compare system prompts too",
            key="dedup_form_system",
            help="Off by default: a system prompt shared by many records makes unrelated"
            " conversations look alike.",
        )
        lsh = st.checkbox(
            "Lexical candidates (MinHash/LSH)",
            value=True,
            key="dedup_form_lsh",
            help="Also propose pairs whose texts share most of their 5-character shingles:"
            " finds typo variants the vector search misses. Every candidate is scored the"
            " same way, so this adds recall, not merges.",
        )
        apply_now = st.checkbox(
            "Mark duplicates right away (keep each cluster's representative)",
            key="dedup_form_apply",
            help="Otherwise the clusters wait for your review below. Either way, reversible.",
        )
        if embedder in ("cascade", "static") and not static_model_ready():
            st.caption(
                "First use: the static model is distilled from MiniLM once (one to two minutes"
                " on a small machine) and cached."
            )
        go = st.form_submit_button("Run dedup", type="primary", key="dedup_run_go")
    if go and background:
        try:
            params = job_params(
                Settings(embedder, threshold, None, rule, include_system, lsh=lsh),
                dataset=name,
                review=not apply_now,
            )
            start_job(ws, "dedup", params, name, actor=me.name, key="dedup")
        except CurationError as exc:
            st.error(str(exc))
    elif go:
        show, _bar = progress_bar("Loading records")
        try:
            summary = run_dedup(
                ws,
                name,
                Settings(embedder, threshold, None, rule, include_system, lsh=lsh),
                actor=me.name,
                apply=apply_now,
                progress=show,
            )
        except CurationError as exc:
            st.error(str(exc))
        else:
            st.session_state[keys.DEDUP_NOTICE] = summary.summary()
            st.session_state[keys.DEDUP_RUN] = summary.run_id
            st.rerun()

if not runs:
    st.info("No dedup run on this dataset yet: start one above.")
    st.stop()

# --------------------------------------------------------------------------- run picked
by_id = {r.id: r for r in runs}
if st.session_state.get(keys.DEDUP_RUN) not in by_id:
    st.session_state[keys.DEDUP_RUN] = latest_id or runs[0].id
run_id = st.selectbox(
    "Run",
    list(by_id),
    format_func=lambda i: (
        f"Run {i} · {by_id[i].status} · {by_id[i].embedder} · threshold {by_id[i].threshold:.3f}"
        f" · {plural(by_id[i].records, 'record')} · {by_id[i].started_at:%Y-%m-%d %H:%M}"
        + (" · live" if by_id[i].live else "")
    ),
    key=keys.DEDUP_RUN,
)
with ws.read() as s:
    run = run_detail(s, run_id)
floor, current = run.floor, run.threshold
if run.status == "failed":
    st.error(f"This run failed: {run.error}")
    st.stop()
if run.status == "interrupted":
    st.warning(f"This run was interrupted: {run.error}. Start a new run.")
    st.stop()
if run.status != "done":
    st.info("This run is still going (started from another session). Refresh in a moment.")
    st.stop()
live = run.live
if not live:
    st.warning(f"Superseded by run {latest_id}: read-only. Record statuses follow the live run.")

m1, m2, m3, m4, m5 = st.columns(5)
m1.metric("Records", f"{run.records:,}")
m2.metric("Clusters", f"{run.clusters:,}")
m3.metric("Duplicates", f"{run.duplicates:,}", help="members beyond one per cluster")
m4.metric("Marked duplicate", f"{run.marked_duplicate:,}", help="records whose status is duplicate")
m5.metric("Pending clusters", f"{run.pending:,}")
st.caption(
    f"{run.embedder} · {run.index} ·"
    f" {run.candidates:,} candidate pairs, {run.verified:,}"
    f" checked · {run.exact_pairs:,} exact · rule {run.rule}"
    + (" · system prompts compared" if run.include_system else "")
    + (f" · {run.seconds:.1f} s" if run.seconds is not None else "")
)
if run.empty:
    st.caption(
        f"{plural(run.empty, 'record')} {verb(run.empty, 'has', 'have')} no text to compare; they are left as they are."
    )
if run.notes:
    with st.expander(
        f"{run.notes_total:,} fields read only in part (no text, non-text parts, very long texts)"
    ):
        st.dataframe(pd.DataFrame([asdict(n) for n in run.notes]), hide_index=True, width="stretch")
with st.expander("How records are compared"):
    st.markdown(escape_markdown(run.comparison))

# --------------------------------------------------------------------------- threshold
st.subheader("Threshold")
slider_key = keys.dedup_threshold(run_id)
if slider_key not in st.session_state:
    st.session_state[slider_key] = float(current)
chosen = st.slider(
    "Similarity at which records are duplicates",
    min_value=float(floor),
    max_value=1.0,
    step=0.005,
    format="%.3f",
    key=slider_key,
    help="Pairs were stored down to the run's floor, so moving this needs no re-embedding.",
)
hist = run.histogram
low = max(0.0, floor - 0.05)
frame = pd.DataFrame(
    [{"similarity": a, "end": b, "records": c} for a, b, c in hist.bars(low)],
    columns=["similarity", "end", "records"],
)
bars = (
    alt.Chart(frame)
    .mark_bar()
    .encode(
        x=alt.X(
            "similarity:Q", title="nearest-neighbour similarity", scale=alt.Scale(domain=[low, 1.0])
        ),
        x2="end:Q",
        y=alt.Y("records:Q", title="records"),
        tooltip=["similarity", "records"],
    )
)
rule_line = (
    alt.Chart(pd.DataFrame({"similarity": [chosen]}))
    .mark_rule(color="red", strokeWidth=2)
    .encode(x="similarity:Q")
)
st.altair_chart(alt.layer(bars, rule_line).properties(height=220), width="stretch")
complete_from = run.complete_from
if chosen < complete_from - 1e-9:
    st.warning(
        f"This run stored only the pairs its static model put at {complete_from:.2f} or above"
        " (the cascade checks nothing below that), so clusters under it may be incomplete."
        f" For a complete result at {chosen:.3f}, start a new run with that threshold."
    )
with ws.read() as s:
    at = count_at(s, run_id, chosen)
st.caption(
    f"Each record's most similar other record. {plural(hist.without_neighbour, 'record')} {verb(hist.without_neighbour, 'has', 'have')} no"
    f" neighbour at or above the floor {floor:.2f} and are not drawn. At {chosen:.3f}:"
    f" {at.accepted:,} semantic pairs accepted, {at.rejected:,} rejected (exact pairs"
    " always count)."
)
if (
    live
    and abs(chosen - current) > 1e-9
    and st.button(
        f"Re-cluster at {chosen:.3f} (from stored pairs)", key="dedup_rethreshold", type="primary"
    )
):
    try:
        if background:  # review=True: like the call below, it marks nothing new
            params = job_params(
                Settings(threshold=chosen), dataset=name, run_id=run_id, review=True
            )
            start_job(ws, "dedup", params, name, actor=me.name, key="dedup")
        summary = rethreshold(ws, run_id, chosen, actor=me.name)
    except CurationError as exc:
        st.error(str(exc))
    else:
        st.session_state[keys.DEDUP_NOTICE] = (
            f"Re-clustered at {chosen:.3f}: {plural(summary.clusters, 'cluster')}; unchanged clusters"
            " kept their decisions, new ones are pending."
        )
        st.rerun()


def render_diff(left_title: str, left: str, right_title: str, right: str) -> None:
    a, b = diff_segments(left, right)
    c1, c2 = st.columns(2)
    for col, title, segs, colour in ((c1, left_title, a, "red"), (c2, right_title, b, "green")):
        with col:
            st.markdown(f"**{escape_markdown(title)}**")
            with st.container(height=420):
                st.markdown(segments_markdown(segs, colour))


# --------------------------------------------------------------------------- boundary
st.subheader("At the boundary")
with ws.read() as s:
    accepted, rejected = boundary_pairs(s, run_id, chosen, n=10)
b1, b2 = st.columns(2)
for col, title, pair_views in (
    (b1, "Least similar pairs accepted", accepted),
    (b2, "Most similar pairs rejected", rejected),
):
    with col:
        st.markdown(f"**{title}**")
        if pair_views:
            st.dataframe(
                pd.DataFrame(
                    [
                        {
                            "record": p.record_a,
                            "other": p.record_b,
                            "similarity": round(p.similarity, 4),
                            "checked by": "accurate model" if p.verified else "candidate model",
                        }
                        for p in pair_views
                    ]
                ),
                hide_index=True,
                width="stretch",
            )
        else:
            st.caption("None.")
boundary = {f"{p.record_a}-{p.record_b}": p for p in [*accepted, *rejected]}
if boundary:
    picked = st.selectbox(
        "Compare a boundary pair",
        list(boundary),
        format_func=lambda k: (
            f"#{boundary[k].record_a} vs #{boundary[k].record_b} · {boundary[k].similarity:.4f}"
            + (" · accepted" if boundary[k].similarity >= chosen else " · rejected")
        ),
        key=keys.DEDUP_PAIR,
    )
    pair = boundary[picked]
    with ws.read() as s:
        texts = record_texts(s, [pair.record_a, pair.record_b], include_system=run.include_system)
    render_diff(
        f"record #{pair.record_a}",
        texts.get(pair.record_a, ""),
        f"record #{pair.record_b}",
        texts.get(pair.record_b, ""),
    )

# --------------------------------------------------------------------------- clusters
st.subheader("Clusters")
f1, f2, f3 = st.columns([2, 2, 3])
decision_filter = f1.selectbox(
    "Show",
    ["all", *DECISION_LABELS],
    format_func=lambda d: DECISION_LABELS.get(d, d),
    key=keys.DEDUP_DECISION_FILTER,
)
order = f2.selectbox("Order", CLUSTER_ORDERS, key=keys.DEDUP_ORDER)
pending = run.pending
if (
    live
    and pending
    and f3.button(
        f"Keep representatives in all {pending:,} pending clusters", key="dedup_keep_all_reps"
    )
):
    with ws.tx() as s:
        changed = keep_representatives(s, run_id, me.name)
    st.session_state[keys.DEDUP_NOTICE] = (
        f"Kept the representative of {plural(changed, 'cluster')}; their other members are now"
        " marked duplicate."
    )
    st.rerun()

page_no = int(st.session_state.get(keys.DEDUP_CLUSTER_PAGE, 1))
with ws.read() as s:
    rows, total = list_clusters(
        s,
        run_id,
        decision=None if decision_filter == "all" else decision_filter,
        order=order,
        offset=(page_no - 1) * CLUSTERS_PER_PAGE,
        limit=CLUSTERS_PER_PAGE,
    )
if not rows:
    st.caption("No cluster to show." if total == 0 else "No cluster on this page.")
    if page_no > 1:
        st.session_state[keys.DEDUP_CLUSTER_PAGE] = 1
    st.stop()
pages = max(1, -(-total // CLUSTERS_PER_PAGE))
n1, n2, n3 = st.columns([1, 2, 1])
if n1.button("◀ Previous", key="dedup_prev", disabled=page_no <= 1):
    st.session_state[keys.DEDUP_CLUSTER_PAGE] = page_no - 1
    st.rerun()
n2.markdown(f"Page **{page_no}** of {pages:,} · {plural(total, 'cluster')}")
if n3.button("Next ▶", key="dedup_next", disabled=page_no >= pages):
    st.session_state[keys.DEDUP_CLUSTER_PAGE] = page_no + 1
    st.rerun()

by_cluster = {r.id: r for r in rows}
if st.session_state.get(keys.DEDUP_CLUSTER) not in by_cluster:
    st.session_state[keys.DEDUP_CLUSTER] = rows[0].id
cluster_id = st.selectbox(
    "Cluster",
    list(by_cluster),
    format_func=lambda c: (
        f"Cluster {c} · {plural(by_cluster[c].size, 'record')} · similarity"
        f" {by_cluster[c].min_similarity:.3f}–{by_cluster[c].max_similarity:.3f}"
        f" · {DECISION_LABELS[by_cluster[c].decision]}"
    ),
    key=keys.DEDUP_CLUSTER,
)
if cluster_id is None:
    st.stop()
row = by_cluster[cluster_id]
with ws.read() as s:
    members = cluster_members(s, cluster_id)
st.dataframe(
    pd.DataFrame(
        [
            {
                "record": x.record_id,
                "line": x.line,
                "representative": x.representative,
                "similarity": round(x.similarity, 4),
                "kept": x.kept,
                "status": x.status,
            }
            for x in members
        ]
    ),
    hide_index=True,
    width="stretch",
)
if row.decided_by:
    st.caption(f"Decided by {row.decided_by}: {DECISION_LABELS[row.decision]}.")

rep = members[0]
others = {x.record_id: x for x in members[1:]}
compare = st.selectbox(
    "Compare with the representative",
    list(others),
    format_func=lambda r: f"record #{r} · similarity {others[r].similarity:.4f}",
    key=f"{keys.DEDUP_COMPARE}_{cluster_id}",
)
render_diff(
    f"record #{rep.record_id} (representative)",
    rep.text,
    f"record #{compare}",
    others[compare].text,
)

if live:
    d1, d2, d3 = st.columns(3)
    action: tuple[str, list[int] | None] | None = None
    if d1.button("Keep the representative only", key=f"dedup_rep_{cluster_id}", type="primary"):
        action = ("representative", None)
    if d2.button("Keep all (not duplicates)", key=f"dedup_all_{cluster_id}"):
        action = ("keep_all", None)
    if d3.button(
        "Undo (back to pending)", key=f"dedup_undo_{cluster_id}", disabled=row.decision == "pending"
    ):
        action = ("pending", None)
    with st.form(f"dedup_custom_{cluster_id}"):
        keep = st.multiselect(
            "Or keep exactly these records",
            [x.record_id for x in members],
            default=[x.record_id for x in members if x.kept]
            if row.decision != "pending"
            else [rep.record_id],
            format_func=lambda r: f"#{r}",
            key=f"{keys.DEDUP_KEEP}_{cluster_id}",
        )
        if st.form_submit_button("Save custom decision", key=f"dedup_custom_go_{cluster_id}"):
            action = ("custom", [int(r) for r in keep])
    if action is not None:
        try:
            with ws.tx() as s:
                decide_cluster(s, cluster_id, action[0], me.name, keep=action[1])
        except CurationError as exc:
            st.error(str(exc))
        else:
            st.session_state[keys.DEDUP_NOTICE] = (
                f"Cluster {cluster_id}: {DECISION_LABELS[action[0]]}."
                if action[0] != "custom"
                else f"Cluster {cluster_id}: kept {', '.join(f'#{r}' for r in action[1] or [])}."
            )
            st.rerun()

# --------------------------------------------------------------------------- leakage
with st.expander("Train/validation leakage between two datasets"):
    l1, l2, l3 = st.columns(3)
    train = l1.selectbox("Train", names, index=names.index(name), key="dedup_leak_train")
    valid = l2.selectbox("Validation", names, key="dedup_leak_valid")
    leak_embedder = l3.selectbox("Embedder", MODES, key="dedup_leak_embedder")
    if background:
        found = followed_job(
            ws,
            "leakage",
            None,
            actor=me.name,
            key="leakage",
            match=lambda j: name in (j.params.get("train_dataset"), j.params.get("valid_dataset")),
        )
        if found.done is not None and found.job is not None:
            data = found.done.data
            st.session_state[keys.DEDUP_LEAKS] = (
                found.job.params["train_dataset"],
                found.job.params["valid_dataset"],
                list(data.get("leaks") or []),
                int(data.get("count") or 0),
            )
    if st.button("Find leaks", key="dedup_leak_go"):
        if train == valid:
            st.error("Choose two different datasets.")
        elif background:
            params = job_params(Settings(leak_embedder), dataset=None)
            params |= {"train_dataset": train, "valid_dataset": valid}
            start_job(ws, "leakage", params, valid, actor=me.name, key="leakage")
        else:
            show_leak_progress, _leak_bar = progress_bar("Comparing")
            try:
                leaks = dataset_leakage(
                    ws,
                    train,
                    valid,
                    Settings(leak_embedder),
                    progress=show_leak_progress,
                )
            except CurationError as exc:
                st.error(str(exc))
            else:
                leak_dicts = [x.as_dict() for x in leaks]
                st.session_state[keys.DEDUP_LEAKS] = (train, valid, leak_dicts, len(leak_dicts))
    shown = st.session_state.get(keys.DEDUP_LEAKS)
    if shown:
        t_name, v_name, leak_rows, n_leaks = shown
        st.markdown(
            f"**{n_leaks:,}** records of {escape_markdown(v_name)} have a near-duplicate in"
            f" {escape_markdown(t_name)}."
        )
        if leak_rows:
            if len(leak_rows) < n_leaks:
                st.caption(f"The first {len(leak_rows):,} are listed.")
            st.dataframe(pd.DataFrame(leak_rows), hide_index=True, width="stretch")
