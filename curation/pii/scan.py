"""Scanning a workspace dataset for PII: findings stored per record, decisions carried over.

:func:`scan_dataset` reads records page by page, runs the detector
(:func:`curation.pii.stream.detect_stream`, on engine actors for large datasets) and
replaces each record's findings. A re-scan keeps every decision already taken on the same
value at the same place, so review work survives a rule change; deny-list hits are
accepted at once in the name of the rule's author. Record states follow
(:mod:`curation.pii.states`).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import sqlalchemy as sa

from curation.audit import log_event
from curation.pii.config import PiiConfig
from curation.pii.detect import Finding
from curation.pii.rules import list_rules, workspace_config
from curation.pii.segments import Segment, record_segments
from curation.pii.states import PAGE, record_ids_in, set_state, state_counts, state_of
from curation.pii.stream import detect_stream, detection_engine, worker_count
from curation.pii.typed import AsDict
from curation.progress import Progress
from curation.store import models as m
from curation.store.db import Workspace
from curation.store.queries import get_dataset
from curation.wording import plural

STAGE = "scan"


@dataclass(frozen=True, slots=True)
class ScanResult(AsDict):
    """What a scan found; field names are the keys of ``--json`` output."""

    run_id: int
    dataset: str
    records: int = 0
    findings: int = 0
    by_entity: dict[str, int] = field(default_factory=dict)
    states: dict[str, int] = field(default_factory=dict)
    auto_accepted: int = 0
    carried_decisions: int = 0
    seconds: float = 0.0
    workers: int = 1

    def summary(self) -> str:
        states = ", ".join(f"{k} {v:,}" for k, v in sorted(self.states.items()))
        entities = ", ".join(f"{k} {v:,}" for k, v in sorted(self.by_entity.items()))
        return (
            f"Scanned {plural(self.records, 'record')} of {self.dataset}: {plural(self.findings, 'finding')}"
            f" ({entities or 'none'}); records now {states or '—'}"
        )


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """What to scan and how: the entities and threshold override the workspace settings;
    ``config`` replaces the whole detection config (tests, file mode)."""

    entities: Sequence[str] | str | None = None
    threshold: float | None = None
    record_ids: Sequence[int] | None = None
    only_unscanned: bool = False
    workers: int | None = None
    config: PiiConfig | None = None


@dataclass(slots=True)
class _Tally:
    """The running counts of a scan, frozen into a :class:`ScanResult` at the end."""

    records: int = 0
    findings: int = 0
    by_entity: dict[str, int] = field(default_factory=dict)
    auto_accepted: int = 0
    carried: int = 0


@dataclass(slots=True)
class _Row:
    """What a scan needs of one record."""

    id: int
    content_hash: str
    redaction: str
    messages: list[Any]
    completions: list[list[Any]]
    extra: dict[str, Any]
    metadata: dict[str, Any]


@dataclass(frozen=True, slots=True)
class _Run:
    """The stored run a scan writes to, and who accepts deny-list hits."""

    run_id: int
    dataset_id: int
    actor: str
    deny_owner: dict[tuple[str, str], str]


def _load_rows(ws: Workspace, ids: list[int]) -> list[_Row]:
    with ws.read() as s:
        rows = {
            r.id: _Row(r.id, r.content_hash, r.redaction, r.messages, [], r.extra, r.meta)
            for r in s.execute(
                sa.select(
                    m.Record.id,
                    m.Record.content_hash,
                    m.Record.redaction,
                    m.Record.messages,
                    m.Record.extra,
                    m.Record.meta,
                ).where(m.Record.id.in_(ids))
            )
        }
        for rid, _pos, msgs in s.execute(
            sa.select(m.Completion.record_id, m.Completion.position, m.Completion.messages)
            .where(m.Completion.record_id.in_(ids))
            .order_by(m.Completion.record_id, m.Completion.position)
        ):
            rows[rid].completions.append(msgs)
    return [rows[i] for i in ids if i in rows]


def _iter_rows(ws: Workspace, ids: list[int]) -> Iterator[_Row]:
    for i in range(0, len(ids), PAGE):
        yield from _load_rows(ws, ids[i : i + PAGE])


def _segments(row: _Row) -> list[Segment]:
    return record_segments(row.messages, row.completions, row.extra, row.metadata)


_DecisionKey = tuple[str, int, int, str, str]


def scan_dataset(
    ws: Workspace,
    dataset: str,
    *,
    actor: str,
    options: ScanOptions | None = None,
    progress: Progress | None = None,
) -> ScanResult:
    """Scan a dataset's records (all, the given ones, or the never-scanned ones).

    A re-scan replaces a record's findings but keeps every decision already taken on the
    same value at the same place, so review work survives a rule change. A record stays
    ``redacted`` only if its findings and decisions are exactly what was applied.
    ``progress`` gets ``("scan", records done, records to scan)`` after each page.
    """
    opts = options or ScanOptions()
    started = time.perf_counter()
    with ws.tx() as s:
        ds = get_dataset(s, dataset)
        config = opts.config or workspace_config(
            s, entities=opts.entities, threshold=opts.threshold
        )
        if opts.entities:
            config.check_entities_known()
        ids = record_ids_in(s, ds.id, opts.record_ids, ("none",) if opts.only_unscanned else None)
        stored = m.PiiRun(
            dataset_id=ds.id,
            actor=actor,
            settings={"config": config.as_dict(), "only_unscanned": opts.only_unscanned},
            n_records=0,
        )
        s.add(stored)
        s.flush()
        deny_owner = {(r.entity, r.value): r.created_by for r in list_rules(s, "deny")}
        run = _Run(stored.id, ds.id, actor, deny_owner)
    engine = detection_engine(len(ids) * 6, opts.workers)
    tally = _Tally()
    try:
        buffer: list[tuple[_Row, list[Finding]]] = []
        stream = detect_stream(
            _iter_rows(ws, ids), _segments, config, engine=engine, workers=opts.workers
        )
        for row, _segs, found in stream:
            buffer.append((row, found))
            if len(buffer) >= PAGE:
                _write_scan(ws, run, buffer, tally)
                buffer = []
                if progress:
                    progress(STAGE, tally.records, len(ids))
        if buffer:
            _write_scan(ws, run, buffer, tally)
        if progress:
            progress(STAGE, tally.records, len(ids))
    except BaseException:
        with ws.tx() as s:
            failed = s.get(m.PiiRun, run.run_id)
            if failed is not None:
                failed.status = "failed"
                failed.finished_at = m.utcnow()
        raise
    seconds = time.perf_counter() - started
    with ws.tx() as s:
        done = s.get(m.PiiRun, run.run_id)
        assert done is not None
        done.status = "done"
        done.finished_at = m.utcnow()
        done.n_records = tally.records
        done.n_findings = tally.findings
        result = ScanResult(
            run_id=run.run_id,
            dataset=dataset,
            records=tally.records,
            findings=tally.findings,
            by_entity=tally.by_entity,
            states=state_counts(s, run.dataset_id),
            auto_accepted=tally.auto_accepted,
            carried_decisions=tally.carried,
            seconds=round(seconds, 2),
            workers=worker_count(engine, opts.workers),
        )
        log_event(
            s,
            actor,
            "pii.scan",
            "dataset",
            run.dataset_id,
            run_id=run.run_id,
            records=result.records,
            findings=result.findings,
            by_entity=result.by_entity,
            auto_accepted=result.auto_accepted,
            carried_decisions=result.carried_decisions,
            entities=list(config.all_entities),
            threshold=config.threshold,
            config_fingerprint=config.fingerprint(),
        )
    return result


class _Decisions:
    """The decisions already taken in one record, found again for a re-scan's findings."""

    def __init__(self, old: list[m.PiiFinding]) -> None:
        self.exact: dict[_DecisionKey, m.PiiFinding] = {}
        self.by_value: dict[tuple[str, str, str], m.PiiFinding] = {}
        for f in old:
            if f.status == "pending":
                continue
            self.exact[(f.location, f.start, f.end, f.entity, f.text)] = f
            self.by_value.setdefault((f.location, f.entity, f.text), f)
            self.by_value.setdefault(("", f.entity, f.text), f)

    def prior(self, fd: Finding) -> m.PiiFinding | None:
        return (
            self.exact.get((fd.location, fd.start, fd.end, fd.entity, fd.text))
            or self.by_value.get((fd.location, fd.entity, fd.text))
            or self.by_value.get(("", fd.entity, fd.text))
        )


def _finding_rows(
    run: _Run, row: _Row, found: list[Finding], old: list[m.PiiFinding], tally: _Tally
) -> list[dict[str, Any]]:
    """The finding rows to store for one record, with the decisions carried over."""
    decisions = _Decisions(old)
    now = m.utcnow()
    rows: list[dict[str, Any]] = []
    for fd in found:
        status, by, at = "pending", None, None
        prior = decisions.prior(fd)
        if prior is not None:
            status, by, at = prior.status, prior.decided_by, prior.decided_at
            tally.carried += 1
        elif fd.source.startswith("deny:"):
            status, by, at = "accepted", run.deny_owner.get((fd.entity, fd.text), run.actor), now
            tally.auto_accepted += 1
        rows.append(
            {
                "run_id": run.run_id,
                "dataset_id": run.dataset_id,
                "record_id": row.id,
                "location": fd.location[:300],
                "start": fd.start,
                "end": fd.end,
                "entity": fd.entity,
                "text": fd.text,
                "score": fd.score,
                "source": fd.source[:60],
                "status": status,
                "decided_by": by,
                "decided_at": at,
            }
        )
        tally.by_entity[fd.entity] = tally.by_entity.get(fd.entity, 0) + 1
    return rows


def _unchanged(old: list[m.PiiFinding], rows: list[dict[str, Any]]) -> bool:
    """Whether a record's new findings and decisions are exactly the ones applied."""
    before = {(f.location, f.start, f.end, f.entity, f.text, f.status) for f in old}
    after = {
        (r["location"], r["start"], r["end"], r["entity"], r["text"], r["status"]) for r in rows
    }
    return before == after


def _write_scan(
    ws: Workspace, run: _Run, batch: list[tuple[_Row, list[Finding]]], tally: _Tally
) -> None:
    ids = [row.id for row, _ in batch]
    with ws.tx() as s:
        old: dict[int, list[m.PiiFinding]] = defaultdict(list)
        for f in s.scalars(sa.select(m.PiiFinding).where(m.PiiFinding.record_id.in_(ids))):
            old[f.record_id].append(f)
        rows: list[dict[str, Any]] = []
        by_state: dict[str, list[int]] = defaultdict(list)
        for row, found in batch:
            mine = _finding_rows(run, row, found, old.get(row.id, []), tally)
            rows += mine
            state = state_of(r["status"] for r in mine)
            still_exact = row.redaction == "redacted" and state == "reviewed"
            if still_exact and _unchanged(old.get(row.id, []), mine):
                continue  # stays redacted: its applied copy is still exact
            by_state[state].append(row.id)
        s.execute(sa.delete(m.PiiFinding).where(m.PiiFinding.record_id.in_(ids)))
        if rows:
            s.execute(sa.insert(cast(sa.Table, m.PiiFinding.__table__)), rows)
        for state, rids in by_state.items():
            set_state(s, rids, state)
        tally.records += len(batch)
        tally.findings += len(rows)
