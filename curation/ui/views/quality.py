"""Quality: can this campaign's labels be trusted, and which disputes need the lead's word.

The numbers come from :mod:`curation.labeling.quality`; this page only draws them and
takes the lead's adjudications.
"""

from __future__ import annotations

import json
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from curation.errors import CurationError
from curation.labeling import annotator_checks, disputes, quality
from curation.labeling.aggregate import POLICIES, Policy, adjudicate, aggregate_campaign
from curation.labeling.campaigns import campaign_summary, list_campaigns
from curation.labeling.samples import alpha_caution, kappa_caution
from curation.labeling.scale import SCALE
from curation.ui import keys, pii_state
from curation.ui.chat import render_conversation, render_message, render_text
from curation.ui.progress import progress_bar
from curation.ui.quality_judge import fmt_stat, p_label, show_ai_judge
from curation.ui.ranking_quality import show_ranking_quality
from curation.ui.resources import workspace
from curation.ui.session import require_role
from curation.ui.thumbs_quality import show_thumbs_quality
from curation.wording import plural

# counts have whole-number ticks only (no "2.5 items")
INTEGER_AXIS = alt.Axis(format="d", tickMinStep=1)
# Session-state keys of this page (widget keys are the same names).
DISPUTES_SHOWN = 100
DECISIONS = ["2", "1", "0", "-1", "-2", "both_bad"]


def choice_key(task_id: int) -> str:
    return f"quality_adj_choice_{task_id}"


def note_key(task_id: int) -> str:
    return f"quality_adj_note_{task_id}"


def decision_label(value: str) -> str:
    return "Both bad" if value == "both_bad" else SCALE[int(value)]


me = require_role("lead")
ws = workspace()
st.title("Quality")

with ws.read() as s:
    campaigns = [(c.id, c.name) for c in list_campaigns(s)]
if not campaigns:
    st.info("No campaign yet. A lead creates one from a dataset of pairs.")
    st.stop()

ids = {name: cid for cid, name in campaigns}
picked = st.selectbox("Campaign", list(ids), key=keys.QUALITY_CAMPAIGN)
campaign_id = ids[picked]

notice = st.session_state.pop(keys.QUALITY_NOTICE, None)
if notice:
    st.success(notice)

try:
    with ws.read() as s:
        summary = campaign_summary(s, campaign_id)
        report = quality.quality_report(s, campaign_id)
except CurationError as exc:
    st.error(str(exc))
    st.stop()

st.caption(
    f"Dataset **{summary.dataset}** · {summary.status} · overlap k = {summary.overlap}"
    f" · {plural(len(summary.annotators), 'annotator')} · guidelines v{summary.guideline_version}"
)
pii_state.show(summary.dataset)
if summary.kind == "thumbs":  # good / bad votes: none of the pair statistics apply
    show_thumbs_quality(ws, campaign_id, summary, me.name)
    st.stop()
if summary.kind == "ranking":  # ranks of 3–5 answers: agreement on ranks, ranked lists
    show_ranking_quality(ws, campaign_id, summary, me.name)
    st.stop()

# --------------------------------------------------------------------------- progress
st.subheader("Progress")
prog = report.progress
cols = st.columns(5)
cols[0].metric("Tasks", f"{prog.tasks:,}")
cols[1].metric("Labelled", f"{prog.labelled:,}", help="tasks with at least one live label")
cols[2].metric(
    f"With {plural(prog.target, 'label')}",
    f"{prog.complete:,}",
    help="tasks that reached the overlap",
)
cols[3].metric("Labels", f"{prog.labels:,}", help="live labels (undone answers do not count)")
cols[4].metric("Adjudicated", f"{report.adjudicated:,}")

per_status = pd.DataFrame(
    [
        {"annotator": a.annotator, "status": status, "items": getattr(a, status)}
        for a in prog.annotators
        for status in ("done", "open", "skipped", "expired")
        if getattr(a, status)
    ]
)
if per_status.empty:
    st.caption("Nobody has been served an item yet.")
else:
    st.altair_chart(
        alt.Chart(per_status)
        .mark_bar()
        .encode(
            y=alt.Y("annotator:N", title=None),
            x=alt.X("items:Q", stack=True, title="items", axis=INTEGER_AXIS),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(
                    domain=["done", "open", "skipped", "expired"],
                    range=["#4c78a8", "#9ecae9", "#f58518", "#bab0ac"],
                ),
            ),
            tooltip=["annotator", "status", "items"],
        )
        .properties(height=max(120, 32 * len(prog.annotators))),
        width="stretch",
    )
    flagged = [f"{a.annotator} {a.flagged}" for a in prog.annotators if a.flagged]
    st.caption(
        "Labels per task: "
        + ", ".join(f"{k} → {v:,}" for k, v in prog.labels_per_task.items())
        + (f" · flagged items: {', '.join(flagged)}" if flagged else "")
    )

# --------------------------------------------------------------------------- agreement
st.subheader("Agreement")
overall = report.agreement.overall
acols = st.columns(1 + len(report.agreement.criteria))
acols[0].metric(
    "Krippendorff's α (choice)",
    fmt_stat(overall.value),
    help=overall.reason
    or f"ordinal, {plural(overall.pairable_units, 'task')} with 2+ labels, {plural(overall.coders, 'annotator')}",
)
for col, (criterion, result) in zip(acols[1:], report.agreement.criteria.items(), strict=True):
    col.metric(f"α · {criterion}", fmt_stat(result.value), help=result.reason or None)
if caution := alpha_caution(overall):
    st.warning(caution, icon=":material/warning:")
st.caption(
    "α is ordinal over the 5-point scale, units = tasks, coders = annotators; 'both bad' is "
    f"treated as a missing rating ({overall.missing_both_bad:,} left out). Per criterion, units "
    "are each task's A and B ratings (1–5). Rough guide: ≥ 0.8 reliable, 0.667–0.8 tentative."
)

kappa = report.kappa
heat_col, about_col = st.columns([3, 2])
kind = about_col.radio(
    "Cohen's κ",
    ["weighted", "unweighted"],
    format_func=lambda k: "linear-weighted" if k == "weighted" else "unweighted",
    key=keys.QUALITY_KAPPA_KIND,
)
about_col.caption(
    f"Pairwise κ on the tasks both annotators put on the scale (both bad left out); pairs "
    f"sharing fewer than {plural(kappa.min_overlap, 'task')} are left blank (n = tasks shared). Linear "
    "weights count a one-step miss (A ≫ B vs A > B) as partial agreement."
)
kappa_note = kappa_caution(kappa)
if len(kappa.annotators) < 2:
    heat_col.caption("κ needs two annotators.")
elif all(p.overlap < kappa.min_overlap for p in kappa.pairs):
    heat_col.info(kappa_note or "", icon=":material/grid_off:")
else:
    if kappa_note:
        heat_col.caption(kappa_note)
    frame = pd.DataFrame(
        [
            {"a": x, "b": y, "kappa": getattr(p, kind), "shared": p.overlap}
            for p in kappa.pairs
            for x, y in ((p.a, p.b), (p.b, p.a))
        ]
    )
    frame["label"] = [
        f"{v:.2f}\nn={n}" if v is not None and pd.notna(v) else f"n={n}"
        for v, n in zip(frame["kappa"], frame["shared"], strict=True)
    ]
    base = alt.Chart(frame).encode(
        x=alt.X("a:N", title=None, sort=kappa.annotators, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("b:N", title=None, sort=kappa.annotators),
    )
    heat = base.mark_rect().encode(
        color=alt.Color("kappa:Q", scale=alt.Scale(domain=[-1, 1], scheme="redblue"), title="κ"),
        tooltip=["a", "b", alt.Tooltip("kappa:Q", format=".3f"), "shared"],
    )
    text = base.mark_text(fontSize=12, lineBreak="\n").encode(text="label:N")
    heat_col.altair_chart(
        alt.layer(heat, text).properties(height=max(160, 64 * len(kappa.annotators))),
        width="stretch",
    )

# --------------------------------------------------------------------------- position bias
st.subheader("Position bias")
bias = pd.DataFrame(
    [
        {
            "annotator": b.annotator,
            "left share": b.share_left,
            "decided": b.decided,
            "p-value": b.p_value,
            "biased": "p < 0.05" if b.flagged else "no",
            "label": p_label(b.p_value),
        }
        for b in report.position
        if b.decided
    ]
)
if bias.empty:
    st.caption("No decided answer (tie and both bad do not count) yet.")
else:
    bars = (
        alt.Chart(bias)
        .mark_bar()
        .encode(
            y=alt.Y("annotator:N", title=None),
            x=alt.X("left share:Q", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
            color=alt.Color(
                "biased:N", scale=alt.Scale(domain=["no", "p < 0.05"], range=["#4c78a8", "#e45756"])
            ),
            tooltip=[
                "annotator",
                alt.Tooltip("left share:Q", format=".0%"),
                "decided",
                alt.Tooltip("p-value:Q", format=".4f"),
            ],
        )
    )
    labels = bars.mark_text(align="left", dx=4).encode(text="label:N", color=alt.value("black"))
    half = (
        alt.Chart(pd.DataFrame({"left share": [0.5]}))
        .mark_rule(strokeDash=[4, 4])
        .encode(x="left share:Q")
    )
    st.altair_chart(
        alt.layer(bars, labels, half).properties(height=max(120, 32 * len(bias))),
        width="stretch",
    )
    st.caption(
        "Share of decided answers that preferred the completion shown on the left; placement is "
        "balanced, so it should sit near 50 %. Two-sided binomial test against 0.5."
    )

# --------------------------------------------------------------------------- time and gold
time_col, gold_col = st.columns(2)
with time_col:
    st.markdown("**Time per item** (seconds)")
    times = pd.DataFrame(
        [{"annotator": t.annotator, "seconds": sec} for t in report.times for sec in t.seconds]
    )
    if times.empty:
        st.caption("No timed answer yet.")
    else:
        st.altair_chart(
            alt.Chart(times)
            .mark_boxplot(extent="min-max")
            .encode(
                y=alt.Y("annotator:N", title=None),
                x=alt.X(
                    "seconds:Q",
                    scale=alt.Scale(type="symlog"),
                    axis=alt.Axis(values=[0, 2, 5, 10, 20, 60, 120, 300, 600, 1800]),
                ),
            )
            .properties(height=max(120, 32 * len(report.times))),
            width="stretch",
        )
        st.caption(
            " · ".join(
                f"{t.annotator}: median {fmt_stat(t.median, 1)} s, p90 {fmt_stat(t.p90, 1)} s"
                for t in report.times
                if t.seconds
            )
        )
with gold_col:
    st.markdown("**Gold accuracy**")
    gold = pd.DataFrame(
        [
            {"annotator": g.annotator, "accuracy": g.accuracy, "answered": g.answered}
            for g in report.gold
            if g.answered
        ]
    )
    if report.gold_tasks == 0:
        st.caption("This campaign has no gold item.")
    elif gold.empty:
        st.caption(f"{plural(report.gold_tasks, 'gold item')}, none answered yet.")
    else:
        st.altair_chart(
            alt.Chart(gold)
            .mark_bar()
            .encode(
                y=alt.Y("annotator:N", title=None),
                x=alt.X("accuracy:Q", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
                tooltip=["annotator", alt.Tooltip("accuracy:Q", format=".0%"), "answered"],
            )
            .properties(height=max(120, 32 * len(gold))),
            width="stretch",
        )
        st.caption(f"{plural(report.gold_tasks, 'gold item')}; judged by direction (A, B or tie).")

# --------------------------------------------------------------------------- straight-lining
st.subheader("Straight-lining")
threshold = int(
    st.number_input(
        "Flag runs of the same key at least this long",
        min_value=2,
        value=annotator_checks.STRAIGHT_LINE_THRESHOLD,
        key=keys.QUALITY_STRAIGHT_THRESHOLD,
    )
)
with ws.read() as s:
    runs = annotator_checks.straight_lining(s, campaign_id, threshold=threshold)
st.dataframe(
    pd.DataFrame(
        [
            {
                "annotator": r.annotator,
                "answers": r.labels,
                "longest run": r.longest_run,
                "key pressed": r.answer,
                "flagged": r.flagged,
            }
            for r in runs
        ]
    ),
    hide_index=True,
    width="stretch",
)

# --------------------------------------------------------------------------- aggregation
st.subheader("Preferences this would produce")
p1, p2, p3 = st.columns(3)
min_agreement = p1.slider("Minimum agreement", 0.0, 1.0, 0.5, 0.05, key=keys.QUALITY_MIN_AGREEMENT)
ties = p2.selectbox("Ties", POLICIES, key=keys.QUALITY_TIES)
both_bad = p3.selectbox("Both bad", POLICIES, key=keys.QUALITY_BOTH_BAD)
try:
    policy = Policy(min_agreement=min_agreement, ties=ties, both_bad=both_bad)
    aggregating, aggregate_bar = progress_bar("Aggregating the labels…")
    with ws.read() as s:
        aggregation = aggregate_campaign(s, campaign_id, policy, progress=aggregating)
    aggregate_bar.empty()
except CurationError as exc:
    st.error(str(exc))
else:
    verdicts: dict[str, int] = {}
    for outcome in aggregation.kept:
        verdicts[outcome.verdict] = verdicts.get(outcome.verdict, 0) + 1
    g1, g2 = st.columns([1, 2])
    g1.metric("Preferences kept", f"{len(aggregation.kept):,}")
    g1.caption(", ".join(f"{k}: {v:,}" for k, v in sorted(verdicts.items())) or "none")
    excluded = pd.DataFrame(
        [{"reason": k, "tasks": v} for k, v in sorted(aggregation.excluded.items())]
    )
    if excluded.empty:
        g2.caption("No task left out.")
    else:
        g2.altair_chart(
            alt.Chart(excluded)
            .mark_bar()
            .encode(
                y=alt.Y("reason:N", title="left out because"),
                x=alt.X("tasks:Q", axis=INTEGER_AXIS),
                tooltip=["reason", "tasks"],
            )
            .properties(height=max(100, 28 * len(excluded))),
            width="stretch",
        )

st.download_button(
    "Download quality report (JSON)",
    data=json.dumps(report.as_dict(), ensure_ascii=False, indent=2),
    file_name=f"quality-{picked}.json",
    mime="application/json",
    key="quality_download",
)

show_ai_judge(ws, campaign_id, me.name)

# --------------------------------------------------------------------------- disagreements
st.subheader("Disagreements")
show_settled = st.toggle("Show adjudicated tasks", value=True, key=keys.QUALITY_SHOW_SETTLED)
with ws.read() as s:
    disputed = disputes.disagreements(
        s, campaign_id, include_adjudicated=show_settled, limit=DISPUTES_SHOWN
    )
if not disputed:
    st.success("No open disagreement." if not show_settled else "The labels agree everywhere.")
    st.stop()

by_task = {d.task_id: d for d in disputed}


def _dispute_title(task_id: int) -> str:
    d = by_task[task_id]
    state = f"adjudicated: {d.adjudication.answer}" if d.adjudication else "open"
    answers = ", ".join(x.answer for x in d.labels)
    return f"Task {task_id} · disagreement {d.disagreement} · {answers} · {state}"


task_id = st.selectbox(
    f"Most disputed first ({len(disputed)} shown, at most {DISPUTES_SHOWN})",
    list(by_task),
    format_func=_dispute_title,
    key=keys.QUALITY_DISPUTE,
)
dispute = by_task[task_id]

st.markdown(
    f"**Task {dispute.task_id}** · pair {dispute.pair_id} · record {dispute.record_id}"
    + (" · gold" if dispute.is_gold else "")
)
render_conversation(dispute.messages)
left, right = st.columns(2)
for col, title, messages in (
    (left, "A", dispute.completion_a),
    (right, "B", dispute.completion_b),
):
    with col:
        st.markdown(f"**{title}**")
        with st.container(height=360):
            for message in messages:
                render_message(message)


def _label_row(label: disputes.DisputedLabel) -> dict[str, Any]:
    return {
        "annotator": label.annotator,
        "answer": label.answer,
        "A shown on": "left" if label.shown_left == "a" else "right",
        "rationale": label.rationale,
        "criteria": json.dumps(label.criteria, ensure_ascii=False) if label.criteria else "",
    }


st.markdown("**Labels**")
st.dataframe(
    pd.DataFrame([_label_row(x) for x in dispute.labels]), hide_index=True, width="stretch"
)

if dispute.adjudication is not None:
    adj = dispute.adjudication
    st.info(f"Adjudicated by {adj.lead} on {adj.created_at}: **{adj.answer}**")
    if adj.note:
        render_text(adj.note)

with st.form(f"quality_adjudicate_{task_id}"):
    st.markdown("**Adjudicate**" if dispute.adjudication is None else "**Change the decision**")
    decision = st.radio(
        "Final answer",
        DECISIONS,
        index=None,
        format_func=decision_label,
        horizontal=True,
        key=choice_key(task_id),
    )
    note = st.text_area("Note (why)", key=note_key(task_id))
    if st.form_submit_button(
        "Save decision", type="primary", key=f"quality_adjudicate_{task_id}_go"
    ):
        if decision is None:
            st.error("Choose an answer on the scale, or 'Both bad'.")
        else:
            try:
                with ws.tx() as s:
                    adjudicate(
                        s,
                        campaign_id,
                        task_id,
                        me.name,
                        choice=None if decision == "both_bad" else int(decision),
                        both_bad=decision == "both_bad",
                        note=note.strip(),
                    )
            except CurationError as exc:
                st.error(str(exc))
            else:
                st.session_state[keys.QUALITY_NOTICE] = (
                    f"Task {task_id} adjudicated: {decision_label(decision)}."
                )
                st.rerun()
