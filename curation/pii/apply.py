"""Applying reviewed PII decisions: redacted copies stored beside the originals.

:func:`apply_redaction` writes, for every ``reviewed`` record, a copy of its messages,
completions, extra fields and metadata with each accepted value (and its other occurrences
in the record, unless a reviewer rejected that very span) replaced by the operator; the
originals stay. ``drop`` also excludes the record from export. :func:`preview_record`
shows the same copy before anything is stored.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.audit import log_event
from curation.errors import NotFoundError
from curation.pii.detect import propagate
from curation.pii.operators import OperatorSpec, Replacer
from curation.pii.redact import Cut, person_canon, redact_tree
from curation.pii.review import MAX_LOGGED_IDS
from curation.pii.segments import Segment, parse, record_segments, record_tree
from curation.pii.settings import load_settings, workspace_secrets
from curation.pii.states import DROP_REASON, PAGE, record_ids_in
from curation.pii.typed import AsDict
from curation.progress import Progress
from curation.store import models as m
from curation.store.db import Workspace
from curation.store.queries import get_dataset
from curation.wording import plural, verb

STAGE = "apply"


@dataclass(frozen=True, slots=True)
class ApplyResult(AsDict):
    """What an apply changed; field names are the keys of ``--json`` output."""

    dataset: str
    operator: str
    applied: int = 0
    dropped: int = 0
    strings_changed: int = 0
    skipped_pending: int = 0
    by_entity: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        text = f"Applied {self.operator} to {plural(self.applied, 'record')} of {self.dataset} ({plural(self.strings_changed, 'string')} changed)"
        if self.dropped:
            text += f"; {plural(self.dropped, 'record')} dropped"
        if self.skipped_pending:
            text += f"; {plural(self.skipped_pending, 'record')} still {verb(self.skipped_pending, 'has', 'have')} unreviewed findings and {verb(self.skipped_pending, 'was', 'were')} left as they are"
        return text


@dataclass(slots=True)
class _Tally:
    """The running counts of an apply, frozen into an :class:`ApplyResult` at the end."""

    applied: int = 0
    dropped: int = 0
    strings: int = 0
    by_entity: dict[str, int] = field(default_factory=dict)
    record_ids: list[int] = field(default_factory=list)


def _cuts_for(
    segments: list[Segment],
    accepted: list[m.PiiFinding],
    rejected: list[m.PiiFinding],
    propagate_values: bool,
) -> dict[tuple[Any, ...], list[Cut]]:
    """Accepted spans, plus every other occurrence of each accepted value (and name part),
    except where a reviewer explicitly rejected that very span."""
    cuts: dict[tuple[Any, ...], list[Cut]] = defaultdict(list)
    known = {s.path for s in segments}
    for f in accepted:
        path = parse(f.location)
        if path in known:
            cuts[path].append(Cut(f.start, f.end, f.entity, f.text))
    if propagate_values and accepted:
        refused: dict[tuple[Any, ...], list[tuple[int, int]]] = defaultdict(list)
        for f in rejected:
            refused[parse(f.location)].append((f.start, f.end))
        values = [(f.entity, f.text, f.score) for f in accepted]
        for seg, spans in zip(segments, propagate(segments, values), strict=True):
            for sp in spans:
                if any(a < sp.end and sp.start < b for a, b in refused.get(seg.path, [])):
                    continue
                cuts[seg.path].append(Cut(sp.start, sp.end, sp.entity, sp.text))
    return cuts


@dataclass(frozen=True, slots=True)
class RedactedRecord:
    """A record's text with accepted values replaced: what apply stores and preview shows."""

    messages: list[Any]
    completions: list[list[Any]]
    extra: dict[str, Any]
    metadata: dict[str, Any]
    changed: int


def redacted_copy(
    messages: list[Any],
    completions: list[list[Any]],
    accepted: list[m.PiiFinding],
    rejected: list[m.PiiFinding],
    replacer: Replacer,
    *,
    extra: dict[str, Any] | None = None,
    metadata: dict[str, Any] | None = None,
    propagate_values: bool = True,
) -> RedactedRecord:
    """The record's messages, completions, extra fields and metadata with accepted values
    (and, with ``propagate_values``, their other occurrences) replaced; originals untouched."""
    tree = record_tree(
        copy.deepcopy(messages),
        copy.deepcopy(completions),
        copy.deepcopy(extra or {}),
        copy.deepcopy(metadata or {}),
    )
    segments = record_segments(messages, completions, extra, metadata)
    cuts = _cuts_for(segments, accepted, rejected, propagate_values)
    canonical = person_canon(f.text for f in accepted if f.entity == "PERSON")
    changed = redact_tree(tree, cuts, replacer, canonical)
    return RedactedRecord(
        tree["messages"],
        [c["messages"] for c in tree["completions"]],
        tree["extra"],
        tree["metadata"],
        changed,
    )


@dataclass(frozen=True, slots=True)
class _Plan:
    """What one apply writes with: the states it takes, the operator and the replacer."""

    states: tuple[str, ...]
    spec: OperatorSpec
    replacer: Replacer
    propagate: bool


def apply_redaction(
    ws: Workspace,
    dataset: str,
    *,
    actor: str,
    operator: OperatorSpec | None = None,
    record_ids: Sequence[int] | None = None,
    reapply: bool = False,
    progress: Progress | None = None,
) -> ApplyResult:
    """Write redacted copies for every ``reviewed`` record (and ``redacted`` ones with
    ``reapply``, e.g. after changing the operator). Records with unreviewed findings are left
    alone and counted; with ``drop`` the records are also excluded from export.
    ``progress`` gets ``("apply", records done, records to apply)`` after each page."""
    with ws.tx() as s:
        ds = get_dataset(s, dataset)
        settings = load_settings(s)
        spec = operator or settings.operator
        secrets = workspace_secrets(s)
        states = ("reviewed", "redacted") if reapply else ("reviewed",)
        ids = record_ids_in(s, ds.id, record_ids, states)
        pending = len(record_ids_in(s, ds.id, record_ids, ("pending",)))
        dataset_id = ds.id
    base = Replacer(replace(spec, name="placeholder") if spec.name == "drop" else spec, secrets)
    plan = _Plan(states, spec, base, settings.propagate)
    tally = _Tally()
    for i in range(0, len(ids), PAGE):
        with ws.tx() as s:
            _apply_page(s, ids[i : i + PAGE], plan, tally)
        if progress:
            progress(STAGE, min(i + PAGE, len(ids)), len(ids))
    result = ApplyResult(
        dataset=dataset,
        operator=spec.name,
        applied=tally.applied,
        dropped=tally.dropped,
        strings_changed=tally.strings,
        skipped_pending=pending,
        by_entity=tally.by_entity,
    )
    with ws.tx() as s:
        log_event(
            s,
            actor,
            "pii.apply",
            "dataset",
            dataset_id,
            operator=spec.as_dict(),
            records=result.applied,
            record_ids=tally.record_ids[:MAX_LOGGED_IDS],
            dropped=result.dropped,
            strings_changed=result.strings_changed,
            by_entity=result.by_entity,
            skipped_pending=result.skipped_pending,
            reapply=reapply,
        )
    return result


def _apply_page(s: Session, chunk: list[int], plan: _Plan, tally: _Tally) -> None:
    """Redact one page of records in one transaction (a crash keeps whole pages only)."""
    findings: dict[int, list[m.PiiFinding]] = defaultdict(list)
    for f in s.scalars(
        sa.select(m.PiiFinding).where(
            m.PiiFinding.record_id.in_(chunk), m.PiiFinding.status != "pending"
        )
    ):
        findings[f.record_id].append(f)
    records = list(
        s.scalars(
            sa.select(m.Record).where(m.Record.id.in_(chunk), m.Record.redaction.in_(plan.states))
        )
    )
    completions: dict[int, list[m.Completion]] = defaultdict(list)
    for c in s.scalars(
        sa.select(m.Completion)
        .where(m.Completion.record_id.in_(chunk))
        .order_by(m.Completion.position)
    ):
        completions[c.record_id].append(c)
    for record in records:
        _apply_record(record, completions[record.id], findings[record.id], plan, tally)


def _apply_record(
    record: m.Record,
    comps: list[m.Completion],
    findings: list[m.PiiFinding],
    plan: _Plan,
    tally: _Tally,
) -> None:
    accepted = [f for f in findings if f.status == "accepted"]
    rejected = [f for f in findings if f.status == "rejected"]
    copy_ = redacted_copy(
        record.messages,
        [c.messages for c in comps],
        accepted,
        rejected,
        plan.replacer.for_record(record.content_hash),
        extra=record.extra,
        metadata=record.meta,
        propagate_values=plan.propagate,
    )
    record.redacted_messages = copy_.messages
    record.redacted_extra = copy_.extra
    record.redacted_metadata = copy_.metadata
    for c, new in zip(comps, copy_.completions, strict=True):
        c.redacted_messages = new
    record.redaction = "redacted"
    entities = sorted({f.entity for f in accepted})
    if plan.spec.name == "drop":
        record.status = "excluded"
        record.status_reason = f"{DROP_REASON} ({', '.join(entities)})"
        tally.dropped += 1
    elif record.status == "excluded" and record.status_reason.startswith(DROP_REASON):
        record.status = "active"
        record.status_reason = ""
    for e in entities:
        tally.by_entity[e] = tally.by_entity.get(e, 0) + sum(1 for f in accepted if f.entity == e)
    tally.applied += 1
    tally.strings += copy_.changed
    tally.record_ids.append(record.id)


def preview_record(
    session: Session,
    record_id: int,
    operator: OperatorSpec | None = None,
    *,
    include_pending: bool = True,
) -> RedactedRecord:
    """What the record would look like redacted now (pending findings counted as accepted)."""
    record = session.get(m.Record, record_id)
    if record is None:
        raise NotFoundError(f"no record #{record_id}")
    spec = operator or load_settings(session).operator
    if spec.name == "drop":
        spec = replace(spec, name="placeholder")
    findings = list(
        session.scalars(sa.select(m.PiiFinding).where(m.PiiFinding.record_id == record_id))
    )
    wanted = ("accepted", "pending") if include_pending else ("accepted",)
    accepted = [f for f in findings if f.status in wanted]
    rejected = [f for f in findings if f.status == "rejected"]
    comps = list(
        session.scalars(
            sa.select(m.Completion)
            .where(m.Completion.record_id == record_id)
            .order_by(m.Completion.position)
        )
    )
    secrets = workspace_secrets(session) if spec.name in ("pseudonym", "hash") else None
    replacer = Replacer(spec, secrets).for_record(record.content_hash)
    return redacted_copy(
        record.messages,
        [c.messages for c in comps],
        accepted,
        rejected,
        replacer,
        extra=record.extra,
        metadata=record.meta,
    )
