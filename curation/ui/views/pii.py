"""PII: scan a dataset, review findings from highlighted text, edit rules, apply redaction.

Everything is computed by :mod:`curation.pii`; this page reads widgets and draws results.
User text is shown as escaped markdown (see :mod:`curation.pii.highlight`), never HTML.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd
import streamlit as st

from curation.errors import CurationError
from curation.jobs import runner_beside_app
from curation.pii.config import BUILTIN_ENTITIES, DEFAULT_ENTITIES
from curation.pii.coverage import NOT_COVERED
from curation.pii.highlight import highlight_markdown
from curation.pii.operators import OPERATORS, OperatorSpec
from curation.ui import keys
from curation.ui.chat import render_message
from curation.ui.jobs_panel import followed_job, start_job
from curation.ui.progress import progress_bar
from curation.ui.resources import workspace
from curation.ui.session import require_role
from curation.ui.sidebar import dataset_in_focus
from curation.wording import plural, verb

ENGINE_LOADING = (
    "Loading the PII engine (Presidio and the spaCy model); the first time takes a few seconds…"
)
STATUS_LABELS = {"pending": "unreviewed", "accepted": "accepted", "rejected": "rejected"}


@st.cache_resource(show_spinner=ENGINE_LOADING)
def _engine_ready() -> bool:
    """Load the model once per server process (per-user data is never cached here)."""
    from curation.pii.engine import spacy_pipeline

    spacy_pipeline()
    return True


def _notice(text: str) -> None:
    st.session_state[keys.PII_NOTICE] = text


def _save_public_figures(actor: str) -> None:
    """Only here, when the lead flips the toggle: a rerun never writes the setting."""
    keep = bool(st.session_state[keys.PII_PUBLIC_FIGURES])
    ws = workspace()
    with ws.tx() as s:
        current = load_settings(s)
        save_settings(s, replace(current, keep_public_figures=keep), actor=actor)
    _notice(
        "Public figures' names are now kept in records about public life."
        if keep
        else "Every name is now redacted, public figures' too."
    )


me = require_role("lead")
ws = workspace()
st.title("PII")

# The stage's modules load Presidio and spaCy: seconds on the first visit after a start.
# Say so, rather than leave a blank page (later visits find them imported and skip this).
with st.spinner(ENGINE_LOADING, show_time=True):
    from curation.pii.apply import apply_redaction, preview_record
    from curation.pii.events import event_rows, pii_events
    from curation.pii.record_view import RecordReview, record_review
    from curation.pii.review import FindingFilter, decide, records_to_review, value_table
    from curation.pii.rules import list_rules
    from curation.pii.scan import ScanOptions, scan_dataset
    from curation.pii.settings import load_settings, save_settings
    from curation.pii.status import pii_status
    from curation.store.queries import get_dataset
    from curation.ui.pii_rules import rules_tab as pii_rules_tab
    from curation.ui.pii_rules import selected_rows

name = dataset_in_focus()

# With a runner beside the app (`curation serve`) a scan and an apply are jobs: they go on
# whatever the page does. The page shows the live one (whoever started it); when this
# session's is done, its summary, and the counts below are read again.
background = runner_beside_app()
if background:
    with ws.read() as s:
        dataset_id = get_dataset(s, name).id
    following = followed_job(ws, ("pii-scan", "pii-apply"), dataset_id, actor=me.name, key="pii")
    if following.done is not None:
        _notice(following.done.summary)

notice = st.session_state.pop(keys.PII_NOTICE, None)
if notice:
    st.success(notice)

try:
    with ws.read() as s:
        status = pii_status(s, name)
        settings = load_settings(s)
        rules = list_rules(s)
except CurationError as exc:
    st.error(str(exc))
    st.stop()

st.subheader(name)
states = status.states
cols = st.columns(6)
for col, (label, n) in zip(
    cols,
    (
        ("Records", status.records),
        ("Not scanned", states.none),
        ("Unreviewed", states.pending),
        ("Reviewed", states.reviewed),
        ("Redacted", states.redacted),
        ("Clean", states.clean),
    ),
    strict=True,
):
    col.metric(label, f"{n:,}")
if status.export_blocked:
    st.warning(
        f"{plural(status.export_blocked, 'record')} {verb(status.export_blocked, 'is', 'are')} not scanned, {verb(status.export_blocked, 'has', 'have')} unreviewed findings, or {verb(status.export_blocked, 'has', 'have')} decisions "
        "not applied yet: export refuses them unless a lead overrides."
    )
elif status.records:
    st.caption(f"Export passes all {plural(status.records, 'record')} (clean or redacted).")
if status.last_run:
    run = status.last_run
    st.caption(
        f"Last scan #{run.id} by {run.actor} at {run.started_at}: {plural(run.records, 'record')},"
        f" {plural(run.findings, 'finding')} ({run.status})."
    )

scan_tab, findings_tab, record_tab, rules_tab, apply_tab, audit_tab = st.tabs(
    ["Scan", "Findings", "Record", "Rules", "Apply", "Audit log"],
    key=keys.PII_TAB,
    on_change="rerun",
)

# --------------------------------------------------------------------------- scan
with scan_tab:
    st.caption(NOT_COVERED)
    custom = sorted({r.entity for r in rules if r.entity} - set(BUILTIN_ENTITIES))
    options = list(BUILTIN_ENTITIES) + custom
    chosen = st.multiselect(
        "Entities",
        options,
        default=[e for e in settings.entities if e in options],
        key=keys.PII_SCAN_ENTITIES,
        help="ORGANIZATION, DATE_TIME, LOCATION, NRP and Presidio's US/UK ID recognisers are off by "
        "default: on support text they mostly hit product names, durations and phone numbers.",
    )
    threshold = st.slider(
        "Minimum score", 0.0, 1.0, float(settings.threshold), 0.05, key=keys.PII_SCAN_THRESHOLD
    )
    st.toggle(
        "Keep the names of public figures",
        value=settings.keep_public_figures,
        key=keys.PII_PUBLIC_FIGURES,
        on_change=_save_public_figures,
        args=(me.name,),
        help="Policy (workspace setting, logged): in a record about public life or works that "
        "holds no private data (no e-mail, phone, card, address…), names found only by the "
        "language model or the name table are kept. Off: every name is redacted. Used by "
        "the next scan. Same as `curation pii settings set --public-figures keep|redact`.",
    )
    new_only = st.checkbox(
        "Only records never scanned",
        value=False,
        key=keys.PII_SCAN_NEW_ONLY,
        help="A full re-scan keeps every decision already taken on the same value at the same place.",
    )
    if custom:
        st.caption("Rules add: " + ", ".join(custom))
    scan_clicked = st.button("Scan", type="primary", key=keys.PII_SCAN, disabled=not chosen)
    if scan_clicked and background:
        params = {
            "dataset": name,
            "entities": chosen,
            "threshold": threshold,
            "only_unscanned": new_only,
        }
        start_job(ws, "pii-scan", params, name, actor=me.name, key="pii")
    elif scan_clicked:
        _engine_ready()
        progress, _bar = progress_bar("Scanning…")
        try:
            scanned = scan_dataset(
                ws,
                name,
                actor=me.name,
                options=ScanOptions(entities=chosen, threshold=threshold, only_unscanned=new_only),
                progress=progress,
            )
        except CurationError as exc:
            st.error(str(exc))
        else:
            _notice(scanned.summary())
            st.rerun()

# --------------------------------------------------------------------------- findings by value
with findings_tab:
    f1, f2, f3, f4 = st.columns([2, 2, 2, 2])
    ent_filter = f1.multiselect("Entity", options, key=keys.PII_FILTER_ENTITIES)
    status_filter = f2.multiselect(
        "Status",
        ["pending", "accepted", "rejected"],
        default=["pending"],
        format_func=lambda v: STATUS_LABELS[v],
        key=keys.PII_FILTER_STATUS,
    )
    score_range = f3.slider("Score", 0.0, 1.0, (0.0, 1.0), 0.05, key=keys.PII_FILTER_SCORE)
    search = f4.text_input("Value contains", key=keys.PII_FILTER_SEARCH)
    flt = FindingFilter(
        entities=ent_filter or None,
        statuses=status_filter or None,
        min_score=score_range[0],
        max_score=score_range[1],
        search=search,
    )
    with ws.read() as s:
        values = value_table(s, name, flt)
    if not values:
        st.caption("No finding matches. Scan the dataset, or widen the filters.")
    else:
        frame = pd.DataFrame([v.as_dict() for v in values])
        st.dataframe(
            frame[
                [
                    "entity",
                    "value",
                    "findings",
                    "records",
                    "min_score",
                    "max_score",
                    "pending",
                    "accepted",
                    "rejected",
                ]
            ],
            hide_index=True,
            width="stretch",
            on_select="rerun",
            selection_mode="multi-row",
            key=keys.PII_VALUES,
        )
        picked = [values[i] for i in selected_rows(keys.PII_VALUES) if i < len(values)]
        remember = st.checkbox(
            "Remember for future scans (accept → deny-list, reject → allow-list for that entity)",
            key=keys.PII_REMEMBER,
        )
        b1, b2, _ = st.columns([1, 1, 3])
        for button, key, decision in (
            (b1, keys.PII_ACCEPT_VALUES, "accepted"),
            (b2, keys.PII_REJECT_VALUES, "rejected"),
        ):
            label = f"{'Accept' if decision == 'accepted' else 'Reject'} {plural(len(picked), 'value')} everywhere"
            if button.button(label, key=key, disabled=not picked):
                try:
                    with ws.tx() as s:
                        decided = decide(
                            s,
                            [v.finding_id for v in picked],
                            decision,
                            actor=me.name,
                            scope="value",
                            remember=remember,
                        )
                except CurationError as exc:
                    st.error(str(exc))
                else:
                    _notice(decided.summary())
                    st.rerun()
        st.caption(
            "A value decision applies to every finding of that value in the dataset. Select rows to"
            " decide; open a record in the **Record** tab to decide finding by finding."
        )

# --------------------------------------------------------------------------- one record
with record_tab:
    with ws.read() as s:
        queue = records_to_review(s, name)
    labels = {
        q.record_id: f"#{q.record_id} · line {q.line} · {q.pending} unreviewed" for q in queue
    }
    if not st.session_state.get(keys.PII_RECORD):  # none chosen yet (or before the first scan)
        st.session_state[keys.PII_RECORD] = queue[0].record_id if queue else 0
    current = int(st.session_state[keys.PII_RECORD] or 0)
    if queue and st.button("Next record to review", key=keys.PII_NEXT_RECORD):
        later = [q.record_id for q in queue if q.record_id > current]
        st.session_state[keys.PII_RECORD] = later[0] if later else queue[0].record_id
        st.rerun()
    record_id = st.number_input(
        "Record id",
        min_value=0,
        step=1,
        key=keys.PII_RECORD,
        help="Records with unreviewed findings: " + (", ".join(labels.values()) or "none"),
    )
    review: RecordReview | None = None
    if record_id:
        try:
            with ws.read() as s:
                review = record_review(s, int(record_id))
        except CurationError as exc:
            st.error(str(exc))
    if review is not None:
        st.caption(
            f"Record #{review.record_id} · line {review.line} · {review.redaction} · {review.status}"
            f" · {plural(len(review.findings), 'finding')}, {review.pending} unreviewed. Highlights: "
            "orange unreviewed, red accepted, grey rejected."
        )
        marks = review.marks()
        segments = review.segments()
        # Findings first, each in a few lines of its context: a finding at the end of a long
        # system prompt must not sit thousands of pixels below the top.
        for seg in segments:
            if seg.location in marks:
                with st.container(border=True):
                    st.caption(f"In context · {seg.location}")
                    st.markdown(
                        highlight_markdown(
                            seg.text, marks[seg.location], max_chars=600, context=160
                        )
                    )
        if review.findings:
            rows = [
                {
                    "id": f.id,
                    "entity": f.entity,
                    "text": f.text,
                    "score": round(f.score, 2),
                    "signal": f.signal,
                    "source": f.source,
                    "status": STATUS_LABELS[f.status],
                    "location": f.location,
                }
                for f in review.findings
            ]
            st.dataframe(
                pd.DataFrame(rows),
                hide_index=True,
                width="stretch",
                on_select="rerun",
                selection_mode="multi-row",
                key=keys.PII_RECORD_FINDINGS,
            )
            chosen_ids = [
                int(str(rows[i]["id"]))
                for i in selected_rows(keys.PII_RECORD_FINDINGS)
                if i < len(rows)
            ]
            c1, c2, c3 = st.columns(3)
            actions: list[tuple[Any, str, str, list[int]]] = [
                (c1, keys.PII_ACCEPT_FINDINGS, "accepted", chosen_ids),
                (c2, keys.PII_REJECT_FINDINGS, "rejected", chosen_ids),
                (
                    c3,
                    keys.PII_ACCEPT_RECORD,
                    "accepted",
                    [f.id for f in review.findings if f.status == "pending"],
                ),
            ]
            for col, key, decision, ids in actions:
                if key == keys.PII_ACCEPT_RECORD:
                    label = f"Accept all {len(ids)} unreviewed"
                else:
                    label = (
                        f"{'Accept' if decision == 'accepted' else 'Reject'} {len(ids)} selected"
                    )
                if col.button(label, key=key, disabled=not ids):
                    try:
                        with ws.tx() as s:
                            decided = decide(s, ids, decision, actor=me.name)
                    except CurationError as exc:
                        st.error(str(exc))
                    else:
                        _notice(decided.summary() + f" (record #{review.record_id})")
                        st.rerun()
            st.caption(
                "Accepting a finding also accepts the other unreviewed occurrences of that value in"
                " the record, and a person's first and last names on their own."
            )
        with st.expander("The whole record", expanded=not review.findings):
            for seg in segments:
                if seg.location not in marks and len(seg.text) > 2000:
                    continue
                with st.container(border=True):
                    st.caption(seg.location)
                    st.markdown(highlight_markdown(seg.text, marks.get(seg.location, [])))
        if st.toggle("Preview the redacted record", key=keys.PII_PREVIEW):
            _engine_ready()
            with ws.read() as s:
                redacted = preview_record(s, review.record_id, settings.operator)
            st.caption(
                f"With the {settings.operator.name} operator; unreviewed findings are counted as accepted."
            )
            for message in redacted.messages:
                render_message(message)
            for i, msgs in enumerate(redacted.completions):
                st.caption(f"Completion {i + 1}")
                for message in msgs:
                    render_message(message)
            for label, fields in (
                ("Extra fields", redacted.extra),
                ("Metadata", redacted.metadata),
            ):
                if fields:
                    st.caption(label)
                    st.json(fields, expanded=False)

# --------------------------------------------------------------------------- rules
with rules_tab:
    pii_rules_tab(ws, rules, me.name)

# --------------------------------------------------------------------------- apply
with apply_tab:
    a1, a2, a3 = st.columns(3)
    op_name = a1.selectbox(
        "Operator",
        list(OPERATORS),
        index=list(OPERATORS).index(settings.operator.name),
        key=keys.PII_OPERATOR,
        help="placeholder: <PERSON> · pseudonym: the same surrogate for the same value (keyed HMAC)"
        " · mask: **** · hash: salted SHA-256 · drop: exclude the record from export.",
    )
    realistic = a2.checkbox(
        "Realistic pseudonyms", value=settings.operator.realistic, key=keys.PII_REALISTIC
    )
    scope = a3.selectbox(
        "Pseudonyms consistent across",
        ["dataset", "record"],
        index=["dataset", "record"].index(settings.operator.scope),
        key=keys.PII_SCOPE,
    )
    spec = OperatorSpec(op_name, realistic, scope)
    reapply = st.checkbox("Also re-apply records already redacted", key=keys.PII_REAPPLY)
    to_apply = status.to_apply(reapply=reapply)
    if states.pending:
        st.info(
            f"{plural(states.pending, 'record')} still {verb(states.pending, 'has', 'have')} unreviewed findings: they are left as they"
            " are, and export refuses them."
        )
    b1, b2 = st.columns([1, 1])
    if b1.button(
        f"Apply to {plural(to_apply, 'record')}",
        type="primary",
        key=keys.PII_APPLY,
        disabled=not to_apply,
    ):
        if background:
            params = {
                "dataset": name,
                "operator": op_name,
                "realistic": realistic,
                "scope": scope,
                "reapply": reapply,
            }
            start_job(ws, "pii-apply", params, name, actor=me.name, key="pii")
        _engine_ready()
        progress, _bar = progress_bar("Applying…")
        try:
            applied = apply_redaction(
                ws, name, actor=me.name, operator=spec, reapply=reapply, progress=progress
            )
        except CurationError as exc:
            st.error(str(exc))
        else:
            _notice(applied.summary())
            st.rerun()
    if b2.button("Save as workspace settings", key=keys.PII_SAVE_SETTINGS):
        try:
            with ws.tx() as s:
                save_settings(
                    s,
                    replace(
                        settings,
                        operator=spec,
                        entities=tuple(
                            st.session_state.get(keys.PII_SCAN_ENTITIES) or DEFAULT_ENTITIES
                        ),
                        threshold=float(
                            st.session_state.get(keys.PII_SCAN_THRESHOLD, settings.threshold)
                        ),
                    ),
                    actor=me.name,
                )
        except CurationError as exc:
            st.error(str(exc))
        else:
            _notice("PII settings saved.")
            st.rerun()

# --------------------------------------------------------------------------- audit
with audit_tab:
    with ws.read() as s:
        audit = event_rows(pii_events(s, name))
    if audit:
        st.dataframe(pd.DataFrame([r.as_dict() for r in audit]), hide_index=True, width="stretch")
        st.caption(
            "Values appear as keyed fingerprints, never in clear; each finding also keeps who"
            " decided it and when."
        )
    else:
        st.caption("No PII event yet.")
