"""The PII stage over a workspace: settings and secrets, rules, scans, review decisions, apply.

Record states (``Record.redaction``), kept exact after every scan, decision and apply:

- ``none``: never scanned;
- ``pending``: has findings nobody has accepted or rejected yet;
- ``reviewed``: every finding decided, some accepted, redaction not applied (or stale);
- ``redacted``: applied: ``Record.redacted_messages``, ``redacted_extra``,
  ``redacted_metadata`` and ``Completion.redacted_messages`` hold the redacted copies,
  ``messages``, ``extra`` and ``meta`` the originals;
- ``clean``: scanned, nothing found, or every finding rejected.

Export passes only ``clean`` and ``redacted`` unless a lead overrides; that gate lives in
:mod:`curation.pii.gate` (no Presidio import) and is re-exported here. Every decision goes
to the audit log with who and when; values are logged as keyed fingerprints (the salt is
the workspace's), never in clear, so the log proves what was redacted without holding PII.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import secrets as secrets_module
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

import orjson
import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.audit import log_event
from curation.errors import ConflictError, InputError, NotFoundError
from curation.pii.config import (
    DEFAULT_ENTITIES,
    DEFAULT_THRESHOLD,
    RULE_KINDS,
    PatternRule,
    PiiConfig,
    Secrets,
    check_entity_name,
    check_pattern,
    normalise_entities,
)
from curation.pii.detect import Finding, auto_workers, detect_stream, propagate
from curation.pii.gate import PASSABLE, STATES
from curation.pii.gate import blocked_record_ids as blocked_record_ids
from curation.pii.gate import gate_reason as gate_reason
from curation.pii.operators import OperatorSpec, Replacer
from curation.pii.recognizers import name_tokens
from curation.pii.redact import Cut, person_canon, redact_tree
from curation.pii.segments import Segment, parse, record_segments, record_tree
from curation.store import models as m
from curation.store.db import Workspace
from curation.store.queries import get_dataset, insert_ignoring
from curation.wording import plural, verb

SECRETS_KEY = "pii.secrets"
SETTINGS_KEY = "pii.settings"
DECISIONS = ("accepted", "rejected", "pending")
PAGE = 500
MAX_LOGGED_IDS = 5000
DROP_REASON = "pii: dropped"

Progress = Callable[[int, int], None]


# --------------------------------------------------------------------------- secrets & settings


def workspace_secrets(session: Session) -> Secrets:
    """The workspace's HMAC key and salt, generated once with :mod:`secrets` on first use."""
    row = session.get(m.Setting, SECRETS_KEY)
    if row is None:
        value = {"hmac_key": secrets_module.token_hex(32), "salt": secrets_module.token_hex(16)}
        table = cast(sa.Table, m.Setting.__table__)
        session.execute(
            insert_ignoring(session, table, ["key"]).values(
                key=SECRETS_KEY, value=value, updated_at=m.utcnow()
            )
        )
        session.flush()
        row = session.get(m.Setting, SECRETS_KEY, populate_existing=True)
        assert row is not None
    return Secrets(bytes.fromhex(row.value["hmac_key"]), bytes.fromhex(row.value["salt"]))


def value_fingerprint(secrets: Secrets, entity: str, text: str) -> str:
    """A keyed fingerprint of a value for the audit log: proves which value without holding it."""
    digest = hmac.new(secrets.salt, f"{entity}\x1f{text}".encode(), hashlib.sha256)
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class PiiSettings:
    """The workspace's scan and apply settings (edited on the PII page or with the CLI)."""

    entities: tuple[str, ...] = DEFAULT_ENTITIES
    threshold: float = DEFAULT_THRESHOLD
    builtin_allow: bool = True
    propagate: bool = True
    operator: OperatorSpec = field(default_factory=OperatorSpec)

    def as_dict(self) -> dict[str, Any]:
        return {
            "entities": list(self.entities),
            "threshold": self.threshold,
            "builtin_allow": self.builtin_allow,
            "propagate": self.propagate,
            "operator": self.operator.as_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PiiSettings:
        op = data.get("operator") or {}
        return cls(
            entities=tuple(data.get("entities") or DEFAULT_ENTITIES),
            threshold=float(data.get("threshold", DEFAULT_THRESHOLD)),
            builtin_allow=bool(data.get("builtin_allow", True)),
            propagate=bool(data.get("propagate", True)),
            operator=OperatorSpec(**op) if op else OperatorSpec(),
        )


def load_settings(session: Session) -> PiiSettings:
    row = session.get(m.Setting, SETTINGS_KEY)
    return PiiSettings.from_dict(row.value) if row is not None else PiiSettings()


def save_settings(session: Session, settings: PiiSettings, *, actor: str) -> PiiSettings:
    PiiConfig(entities=settings.entities, threshold=settings.threshold)  # validates
    before = load_settings(session)
    row = session.get(m.Setting, SETTINGS_KEY)
    if row is None:
        session.add(m.Setting(key=SETTINGS_KEY, value=settings.as_dict(), updated_at=m.utcnow()))
    else:
        row.value = settings.as_dict()
        row.updated_at = m.utcnow()
    log_event(
        session,
        actor,
        "pii.settings",
        "settings",
        SETTINGS_KEY,
        before=before.as_dict(),
        after=settings.as_dict(),
    )
    return settings


def workspace_config(
    session: Session,
    *,
    entities: Sequence[str] | str | None = None,
    threshold: float | None = None,
    settings: PiiSettings | None = None,
) -> PiiConfig:
    """The detection config: workspace settings, with the workspace's active rules."""
    settings = settings or load_settings(session)
    allow: list[tuple[str, str]] = []
    deny: list[tuple[str, str]] = []
    patterns: list[PatternRule] = []
    for rule in list_rules(session):
        if rule.kind == "allow":
            allow.append((rule.entity, rule.value))
        elif rule.kind == "deny":
            deny.append((rule.entity, rule.value))
        else:
            patterns.append(
                PatternRule(rule.name or rule.entity, rule.entity, rule.value, rule.score)
            )
    return PiiConfig(
        entities=tuple(normalise_entities(entities)) if entities else settings.entities,
        threshold=settings.threshold if threshold is None else threshold,
        allow=tuple(allow),
        deny=tuple(deny),
        patterns=tuple(patterns),
        builtin_allow=settings.builtin_allow,
        propagate=settings.propagate,
    )


# --------------------------------------------------------------------------- rules


def list_rules(
    session: Session, kind: str | None = None, *, include_inactive: bool = False
) -> list[m.PiiRule]:
    query = sa.select(m.PiiRule).order_by(m.PiiRule.kind, m.PiiRule.id)
    if kind:
        query = query.where(m.PiiRule.kind == kind)
    if not include_inactive:
        query = query.where(m.PiiRule.active.is_(True))
    return list(session.scalars(query))


def _rule_details(session: Session, rule: m.PiiRule) -> dict[str, Any]:
    """What the audit log keeps about a rule: deny-list terms are PII, so only a fingerprint."""
    details: dict[str, Any] = {"kind": rule.kind, "entity": rule.entity, "name": rule.name}
    if rule.kind == "deny":
        details["value_fingerprint"] = value_fingerprint(
            workspace_secrets(session), rule.entity, rule.value
        )
    else:
        details["value"] = rule.value
        details["score"] = rule.score
    return details


def add_rule(
    session: Session,
    kind: str,
    value: str,
    *,
    actor: str,
    entity: str = "",
    name: str = "",
    score: float = 0.9,
) -> m.PiiRule:
    """Add an allow term, a deny term or a pattern. Repeats of an active rule are refused."""
    if kind not in RULE_KINDS:
        raise InputError(f"rule kind {kind!r} is not one of {', '.join(RULE_KINDS)}")
    value = value.strip()
    if not value:
        raise InputError(f"the {kind} rule needs a value")
    entity = entity.strip().upper()
    if kind in ("deny", "pattern"):
        if not entity:
            raise InputError(f"a {kind} rule needs an entity, e.g. TICKET_ID or PERSON")
        check_entity_name(entity)
    elif entity:
        check_entity_name(entity)
    if kind == "pattern":
        check_pattern(value)
    if not 0.0 < score <= 1.0:
        raise InputError(f"score {score!r} must be in (0, 1]")
    for existing in list_rules(session, kind):
        if existing.value == value and existing.entity == entity:
            raise ConflictError(f"this {kind} rule already exists (#{existing.id})")
    rule = m.PiiRule(
        kind=kind, entity=entity, name=name.strip(), value=value, score=score, created_by=actor
    )
    session.add(rule)
    session.flush()
    log_event(session, actor, "pii.rule.add", "pii_rule", rule.id, **_rule_details(session, rule))
    return rule


def remove_rule(session: Session, rule_id: int, *, actor: str) -> m.PiiRule:
    """Deactivate a rule (rules are kept, so the log and older runs still make sense)."""
    rule = session.get(m.PiiRule, rule_id)
    if rule is None or not rule.active:
        raise NotFoundError(f"no active PII rule #{rule_id}")
    rule.active = False
    log_event(
        session, actor, "pii.rule.remove", "pii_rule", rule.id, **_rule_details(session, rule)
    )
    return rule


def set_terms(
    session: Session, kind: str, entity: str, terms: Iterable[str], *, actor: str
) -> tuple[int, int]:
    """Make the active ``kind`` rules for ``entity`` exactly ``terms`` (the page's list editors)."""
    if kind not in ("allow", "deny"):
        raise InputError("only allow and deny lists are edited as term lists")
    wanted = [t.strip() for t in terms if t.strip()]
    current = {r.value: r for r in list_rules(session, kind) if r.entity == entity.upper()}
    added = removed = 0
    for term in dict.fromkeys(wanted):
        if term not in current:
            add_rule(session, kind, term, actor=actor, entity=entity)
            added += 1
    for term, rule in current.items():
        if term not in wanted:
            remove_rule(session, rule.id, actor=actor)
            removed += 1
    return added, removed


def load_rules_file(path: str | Path) -> list[dict[str, Any]]:
    """Rules from a JSON or YAML file: ``{"allow": [...], "deny": {"ENTITY": [...]},
    "patterns": [{"name", "entity", "regex", "score"}]}``."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror})") from exc
    try:
        if p.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(raw)
        else:
            data = orjson.loads(raw)
    except Exception as exc:
        raise InputError(
            f"{p}: not valid {'YAML' if p.suffix in ('.yaml', '.yml') else 'JSON'} ({exc})"
        ) from exc
    if not isinstance(data, dict):
        raise InputError(f"{p}: expected an object with allow, deny and patterns")
    unknown = set(data) - {"allow", "deny", "patterns"}
    if unknown:
        raise InputError(f"{p}: unknown keys {sorted(unknown)}; use allow, deny, patterns")
    rules: list[dict[str, Any]] = []
    allow = data.get("allow") or []
    if isinstance(allow, dict):
        allow = [(e, t) for e, ts in allow.items() for t in ts]
    else:
        allow = [("", t) for t in allow]
    rules += [{"kind": "allow", "entity": e, "value": str(t)} for e, t in allow]
    deny = data.get("deny") or {}
    if not isinstance(deny, dict):
        raise InputError(
            f"{p}: deny must map an entity to its terms, e.g. {{EMPLOYEE_ID: [E-1234]}}"
        )
    rules += [{"kind": "deny", "entity": e, "value": str(t)} for e, ts in deny.items() for t in ts]
    for i, item in enumerate(data.get("patterns") or []):
        if not isinstance(item, dict) or "regex" not in item or "entity" not in item:
            raise InputError(f"{p}: patterns[{i}] needs at least entity and regex")
        check_pattern(str(item["regex"]))
        rules.append(
            {
                "kind": "pattern",
                "entity": str(item["entity"]),
                "value": str(item["regex"]),
                "name": str(item.get("name", "")),
                "score": float(item.get("score", 0.9)),
            }
        )
    return rules


def config_with_rules(config: PiiConfig, rules: list[dict[str, Any]]) -> PiiConfig:
    """``config`` plus rules read from a file (file mode uses them without storing them)."""
    allow = list(config.allow) + [
        (r["entity"].upper(), r["value"]) for r in rules if r["kind"] == "allow"
    ]
    deny = list(config.deny) + [
        (r["entity"].upper(), r["value"]) for r in rules if r["kind"] == "deny"
    ]
    patterns = list(config.patterns) + [
        PatternRule(
            r.get("name") or r["entity"].upper(),
            r["entity"].upper(),
            r["value"],
            r.get("score", 0.9),
        )
        for r in rules
        if r["kind"] == "pattern"
    ]
    return replace(config, allow=tuple(allow), deny=tuple(deny), patterns=tuple(patterns))


def import_rules(session: Session, path: str | Path, *, actor: str) -> int:
    """Store the rules of a config file in the workspace; rules already there are skipped."""
    added = 0
    for rule in load_rules_file(path):
        try:
            add_rule(
                session,
                rule["kind"],
                rule["value"],
                actor=actor,
                entity=rule.get("entity", ""),
                name=rule.get("name", ""),
                score=rule.get("score", 0.9),
            )
        except ConflictError:
            continue
        added += 1
    return added


# --------------------------------------------------------------------------- scanning


@dataclass(slots=True)
class ScanResult:
    run_id: int
    dataset: str
    records: int = 0
    findings: int = 0
    by_entity: dict[str, int] = field(default_factory=dict)
    states: dict[str, int] = field(default_factory=dict)
    auto_accepted: int = 0
    carried: int = 0
    seconds: float = 0.0
    workers: int = 1

    def summary(self) -> str:
        states = ", ".join(f"{k} {v:,}" for k, v in sorted(self.states.items()))
        return (
            f"Scanned {plural(self.records, 'record')} of {self.dataset}: {plural(self.findings, 'finding')}"
            f" ({', '.join(f'{k} {v:,}' for k, v in sorted(self.by_entity.items())) or 'none'});"
            f" records now {states or '—'}"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "dataset": self.dataset,
            "records": self.records,
            "findings": self.findings,
            "by_entity": self.by_entity,
            "states": self.states,
            "auto_accepted": self.auto_accepted,
            "carried_decisions": self.carried,
            "seconds": round(self.seconds, 2),
            "workers": self.workers,
        }


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


def _record_ids(
    session: Session,
    dataset_id: int,
    record_ids: Sequence[int] | None,
    states: Sequence[str] | None,
) -> list[int]:
    query = sa.select(m.Record.id).where(m.Record.dataset_id == dataset_id).order_by(m.Record.id)
    if record_ids is not None:
        query = query.where(m.Record.id.in_(list(record_ids)))
    if states is not None:
        query = query.where(m.Record.redaction.in_(list(states)))
    return list(session.scalars(query))


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
    entities: Sequence[str] | str | None = None,
    threshold: float | None = None,
    record_ids: Sequence[int] | None = None,
    only_unscanned: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
    config: PiiConfig | None = None,
) -> ScanResult:
    """Scan a dataset's records (all, the given ones, or the never-scanned ones).

    A re-scan replaces a record's findings but keeps every decision already taken on the
    same value at the same place, so review work survives a rule change. A record stays
    ``redacted`` only if its findings and decisions are exactly what was applied.
    """
    started = time.perf_counter()
    with ws.tx() as s:
        ds = get_dataset(s, dataset)
        config = config or workspace_config(s, entities=entities, threshold=threshold)
        if entities:
            config.check_entities_known()
        ids = _record_ids(s, ds.id, record_ids, ("none",) if only_unscanned else None)
        run = m.PiiRun(
            dataset_id=ds.id,
            actor=actor,
            settings={"config": config.as_dict(), "only_unscanned": only_unscanned},
            n_records=0,
        )
        s.add(run)
        s.flush()
        run_id, dataset_id = run.id, ds.id
        deny_owner = {(r.entity, r.value): r.created_by for r in list_rules(s, "deny")}
    n_workers = workers or auto_workers(len(ids) * 6)
    result = ScanResult(run_id=run_id, dataset=dataset, workers=n_workers)
    try:
        buffer: list[tuple[_Row, list[Finding]]] = []
        stream = detect_stream(_iter_rows(ws, ids), _segments, config, workers=n_workers)
        for row, _segs, found in stream:
            buffer.append((row, found))
            if len(buffer) >= PAGE:
                _write_scan(ws, dataset_id, run_id, buffer, result, deny_owner, actor)
                buffer = []
                if progress:
                    progress(result.records, len(ids))
        if buffer:
            _write_scan(ws, dataset_id, run_id, buffer, result, deny_owner, actor)
        if progress:
            progress(result.records, len(ids))
    except BaseException:
        with ws.tx() as s:
            failed = s.get(m.PiiRun, run_id)
            if failed is not None:
                failed.status = "failed"
                failed.finished_at = m.utcnow()
        raise
    result.seconds = time.perf_counter() - started
    with ws.tx() as s:
        done = s.get(m.PiiRun, run_id)
        assert done is not None
        done.status = "done"
        done.finished_at = m.utcnow()
        done.n_records = result.records
        done.n_findings = result.findings
        result.states = state_counts(s, dataset_id)
        log_event(
            s,
            actor,
            "pii.scan",
            "dataset",
            dataset_id,
            run_id=run_id,
            records=result.records,
            findings=result.findings,
            by_entity=result.by_entity,
            auto_accepted=result.auto_accepted,
            carried_decisions=result.carried,
            entities=list(config.all_entities),
            threshold=config.threshold,
            config_fingerprint=config.fingerprint(),
        )
    return result


def _write_scan(
    ws: Workspace,
    dataset_id: int,
    run_id: int,
    batch: list[tuple[_Row, list[Finding]]],
    result: ScanResult,
    deny_owner: dict[tuple[str, str], str],
    actor: str,
) -> None:
    ids = [row.id for row, _ in batch]
    now = m.utcnow()
    with ws.tx() as s:
        old: dict[int, list[m.PiiFinding]] = defaultdict(list)
        for f in s.scalars(sa.select(m.PiiFinding).where(m.PiiFinding.record_id.in_(ids))):
            old[f.record_id].append(f)
        rows: list[dict[str, Any]] = []
        states: dict[int, str] = {}
        keep_redacted: set[int] = set()
        for row, found in batch:
            exact: dict[_DecisionKey, m.PiiFinding] = {}
            by_value: dict[tuple[str, str, str], m.PiiFinding] = {}
            for f in old.get(row.id, []):
                if f.status == "pending":
                    continue
                exact[(f.location, f.start, f.end, f.entity, f.text)] = f
                by_value.setdefault((f.location, f.entity, f.text), f)
                by_value.setdefault(("", f.entity, f.text), f)
            statuses = []
            for fd in found:
                status, by, at = "pending", None, None
                prior = (
                    exact.get((fd.location, fd.start, fd.end, fd.entity, fd.text))
                    or by_value.get((fd.location, fd.entity, fd.text))
                    or by_value.get(("", fd.entity, fd.text))
                )
                if prior is not None:
                    status, by, at = prior.status, prior.decided_by, prior.decided_at
                    result.carried += 1
                elif fd.source.startswith("deny:"):
                    status, by, at = "accepted", deny_owner.get((fd.entity, fd.text), actor), now
                    result.auto_accepted += 1
                statuses.append(status)
                rows.append(
                    {
                        "run_id": run_id,
                        "dataset_id": dataset_id,
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
                result.by_entity[fd.entity] = result.by_entity.get(fd.entity, 0) + 1
            states[row.id] = _state_of(statuses)
            if row.redaction == "redacted" and states[row.id] == "reviewed":
                before = {
                    (f.location, f.start, f.end, f.entity, f.text, f.status)
                    for f in old.get(row.id, [])
                }
                after = {
                    (r["location"], r["start"], r["end"], r["entity"], r["text"], r["status"])
                    for r in rows
                    if r["record_id"] == row.id
                }
                if before == after:
                    keep_redacted.add(row.id)
        s.execute(sa.delete(m.PiiFinding).where(m.PiiFinding.record_id.in_(ids)))
        if rows:
            s.execute(sa.insert(cast(sa.Table, m.PiiFinding.__table__)), rows)
        by_state: dict[str, list[int]] = defaultdict(list)
        for rid, state in states.items():
            by_state["redacted" if rid in keep_redacted else state].append(rid)
        for state, rids in by_state.items():
            if state == "redacted":
                continue
            _set_state(s, rids, state)
        result.records += len(batch)
        result.findings += len(rows)


def _state_of(statuses: Iterable[str]) -> str:
    seen = set(statuses)
    if "pending" in seen:
        return "pending"
    if "accepted" in seen:
        return "reviewed"
    return "clean"


def _set_state(session: Session, record_ids: Sequence[int], state: str) -> None:
    """Set records' state; anything but ``redacted`` drops the (now stale) redacted copies."""
    for i in range(0, len(record_ids), PAGE):
        chunk = list(record_ids[i : i + PAGE])
        session.execute(
            sa.update(m.Record)
            .where(m.Record.id.in_(chunk))
            .values(
                redaction=state,
                redacted_messages=None,
                redacted_extra=None,
                redacted_metadata=None,
            )
        )
        session.execute(
            sa.update(m.Completion)
            .where(m.Completion.record_id.in_(chunk))
            .values(redacted_messages=None)
        )


def state_counts(session: Session, dataset_id: int) -> dict[str, int]:
    return {
        str(state): int(n)
        for state, n in session.execute(
            sa.select(m.Record.redaction, sa.func.count())
            .where(m.Record.dataset_id == dataset_id)
            .group_by(m.Record.redaction)
        )
    }


def recompute_states(session: Session, record_ids: Iterable[int]) -> dict[int, str]:
    """Re-derive the state of records whose decisions changed (applied copies become stale)."""
    ids = sorted(set(record_ids))
    if not ids:
        return {}
    statuses: dict[int, list[str]] = {i: [] for i in ids}
    for i in range(0, len(ids), PAGE):
        chunk = ids[i : i + PAGE]
        for rid, status in session.execute(
            sa.select(m.PiiFinding.record_id, m.PiiFinding.status)
            .where(m.PiiFinding.record_id.in_(chunk))
            .distinct()
        ):
            statuses[rid].append(status)
    states = {rid: _state_of(st) for rid, st in statuses.items()}
    grouped: dict[str, list[int]] = defaultdict(list)
    for rid, state in states.items():
        grouped[state].append(rid)
    for state, rids in grouped.items():
        _set_state(session, rids, state)
    return states


# --------------------------------------------------------------------------- review


@dataclass(slots=True)
class DecisionResult:
    decision: str
    scope: str
    findings: int = 0
    records: int = 0
    states: dict[str, int] = field(default_factory=dict)
    rule_id: int | None = None

    def summary(self) -> str:
        verb = {"accepted": "Accepted", "rejected": "Rejected", "pending": "Reopened"}[
            self.decision
        ]
        return f"{verb} {plural(self.findings, 'finding')} in {plural(self.records, 'record')}"


def decide(
    session: Session,
    finding_ids: Sequence[int],
    decision: str,
    *,
    actor: str,
    scope: str = "finding",
    remember: bool = False,
) -> DecisionResult:
    """Accept, reject or reopen findings.

    ``scope="finding"``: these findings; accepting one also accepts the pending findings of
    the same value in its record and, for a person, of their name parts (a value confirmed
    anywhere in a record is redacted everywhere in it). ``scope="value"``: every finding of
    the same entity and text in the dataset. ``remember`` (value scope) also adds the value to
    the deny-list (accept) or to the allow-list for that entity (reject), for future scans.
    """
    if decision not in DECISIONS:
        raise InputError(f"decision {decision!r} is not one of {', '.join(DECISIONS)}")
    if scope not in ("finding", "value"):
        raise InputError(f"scope {scope!r} is not 'finding' or 'value'")
    picked = list(
        session.scalars(sa.select(m.PiiFinding).where(m.PiiFinding.id.in_(list(finding_ids))))
    )
    missing = set(finding_ids) - {f.id for f in picked}
    if missing:
        raise NotFoundError(f"no finding with id {', '.join(map(str, sorted(missing)))}")
    targets: dict[int, m.PiiFinding] = {f.id: f for f in picked}
    if scope == "value":
        for dataset_id, entity, text in {(f.dataset_id, f.entity, f.text) for f in picked}:
            for f in session.scalars(
                sa.select(m.PiiFinding).where(
                    m.PiiFinding.dataset_id == dataset_id,
                    m.PiiFinding.entity == entity,
                    m.PiiFinding.text == text,
                )
            ):
                targets[f.id] = f
    if decision == "accepted":
        _spread_accept(session, targets)
    now = m.utcnow()
    changed = [f for f in targets.values() if f.status != decision]
    for f in changed:
        f.status = decision
        f.decided_by = actor if decision != "pending" else None
        f.decided_at = now if decision != "pending" else None
    session.flush()
    records = sorted({f.record_id for f in changed})
    states = recompute_states(session, records)
    result = DecisionResult(
        decision, scope, len(changed), len(records), dict(Counter(states.values()))
    )
    secrets = workspace_secrets(session)
    values = sorted({(f.entity, f.text) for f in picked})
    if remember and scope == "value" and decision in ("accepted", "rejected"):
        kind = "deny" if decision == "accepted" else "allow"
        for entity, text in values:
            try:
                rule = add_rule(session, kind, text, actor=actor, entity=entity)
                result.rule_id = rule.id
            except ConflictError:
                pass
    log_event(
        session,
        actor,
        "pii.decide",
        "dataset",
        picked[0].dataset_id if picked else "",
        decision=decision,
        scope=scope,
        findings=len(changed),
        finding_ids=[f.id for f in changed][:MAX_LOGGED_IDS],
        records=records[:MAX_LOGGED_IDS],
        entities=dict(Counter(f.entity for f in changed)),
        values=[{"entity": e, "fingerprint": value_fingerprint(secrets, e, t)} for e, t in values][
            :100
        ],
        remembered=remember,
    )
    return result


def _spread_accept(session: Session, targets: dict[int, m.PiiFinding]) -> None:
    """Add the pending findings of each accepted value (and name parts) in the same record."""
    wanted: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for f in list(targets.values()):
        wanted[f.record_id].add((f.entity, f.text))
        if f.entity == "PERSON":
            wanted[f.record_id].update(("PERSON", t) for t in name_tokens(f.text))
    record_ids = list(wanted)
    for i in range(0, len(record_ids), PAGE):
        chunk = record_ids[i : i + PAGE]
        for f in session.scalars(
            sa.select(m.PiiFinding).where(
                m.PiiFinding.record_id.in_(chunk), m.PiiFinding.status == "pending"
            )
        ):
            if (f.entity, f.text) in wanted[f.record_id]:
                targets[f.id] = f


@dataclass(slots=True)
class FindingFilter:
    entities: Sequence[str] | None = None
    statuses: Sequence[str] | None = None
    min_score: float = 0.0
    max_score: float = 1.0
    search: str = ""
    record_id: int | None = None

    def apply(self, query: Any, dataset_id: int) -> Any:
        f = m.PiiFinding
        query = query.where(
            f.dataset_id == dataset_id, f.score >= self.min_score, f.score <= self.max_score
        )
        if self.entities:
            query = query.where(f.entity.in_(list(self.entities)))
        if self.statuses:
            query = query.where(f.status.in_(list(self.statuses)))
        if self.search:
            query = query.where(f.text.contains(self.search, autoescape=True))
        if self.record_id is not None:
            query = query.where(f.record_id == self.record_id)
        return query


def list_findings(
    session: Session,
    dataset: str,
    flt: FindingFilter | None = None,
    *,
    limit: int = 200,
    offset: int = 0,
) -> list[m.PiiFinding]:
    ds = get_dataset(session, dataset)
    query = (flt or FindingFilter()).apply(sa.select(m.PiiFinding), ds.id)
    query = query.order_by(m.PiiFinding.record_id, m.PiiFinding.location, m.PiiFinding.start)
    return list(session.scalars(query.limit(limit).offset(offset)))


def value_table(
    session: Session, dataset: str, flt: FindingFilter | None = None, *, limit: int = 500
) -> list[dict[str, Any]]:
    """Findings grouped by value, most frequent first: one row per (entity, text) to decide."""
    ds = get_dataset(session, dataset)
    f = m.PiiFinding
    pending = sa.func.sum(sa.case((f.status == "pending", 1), else_=0))
    accepted = sa.func.sum(sa.case((f.status == "accepted", 1), else_=0))
    rejected = sa.func.sum(sa.case((f.status == "rejected", 1), else_=0))
    query = (flt or FindingFilter()).apply(
        sa.select(
            f.entity,
            f.text,
            sa.func.count(),
            sa.func.count(sa.distinct(f.record_id)),
            sa.func.min(f.score),
            sa.func.max(f.score),
            pending,
            accepted,
            rejected,
            sa.func.min(f.id),
        ),
        ds.id,
    )
    query = query.group_by(f.entity, f.text).order_by(
        pending.desc(), sa.func.count().desc(), f.entity, f.text
    )
    return [
        {
            "entity": e,
            "value": t,
            "findings": int(n),
            "records": int(r),
            "min_score": round(float(lo), 2),
            "max_score": round(float(hi), 2),
            "pending": int(p or 0),
            "accepted": int(a or 0),
            "rejected": int(x or 0),
            "finding_id": int(fid),
        }
        for e, t, n, r, lo, hi, p, a, x, fid in session.execute(query.limit(limit))
    ]


def value_finding_ids(session: Session, dataset: str, entity: str, text: str) -> list[int]:
    ds = get_dataset(session, dataset)
    return list(
        session.scalars(
            sa.select(m.PiiFinding.id).where(
                m.PiiFinding.dataset_id == ds.id,
                m.PiiFinding.entity == entity,
                m.PiiFinding.text == text,
            )
        )
    )


def records_to_review(
    session: Session, dataset: str, *, limit: int = 200
) -> list[tuple[int, int, int]]:
    """``(record id, line, pending findings)`` of records with unreviewed findings, in order."""
    ds = get_dataset(session, dataset)
    f = m.PiiFinding
    return [
        (int(rid), int(line), int(n))
        for rid, line, n in session.execute(
            sa.select(f.record_id, m.Record.line, sa.func.count())
            .join(m.Record, m.Record.id == f.record_id)
            .where(f.dataset_id == ds.id, f.status == "pending")
            .group_by(f.record_id, m.Record.line)
            .order_by(f.record_id)
            .limit(limit)
        )
    ]


# --------------------------------------------------------------------------- apply


@dataclass(slots=True)
class ApplyResult:
    dataset: str
    operator: str
    applied: int = 0
    dropped: int = 0
    strings: int = 0
    skipped_pending: int = 0
    by_entity: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        text = f"Applied {self.operator} to {plural(self.applied, 'record')} of {self.dataset} ({plural(self.strings, 'string')} changed)"
        if self.dropped:
            text += f"; {plural(self.dropped, 'record')} dropped"
        if self.skipped_pending:
            text += f"; {plural(self.skipped_pending, 'record')} still {verb(self.skipped_pending, 'has', 'have')} unreviewed findings and {verb(self.skipped_pending, 'was', 'were')} left as they are"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "operator": self.operator,
            "applied": self.applied,
            "dropped": self.dropped,
            "strings_changed": self.strings,
            "skipped_pending": self.skipped_pending,
            "by_entity": self.by_entity,
        }


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


@dataclass(slots=True)
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
    alone and counted; with ``drop`` the records are also excluded from export."""
    with ws.tx() as s:
        ds = get_dataset(s, dataset)
        settings = load_settings(s)
        spec = operator or settings.operator
        secrets = workspace_secrets(s)
        states = ("reviewed", "redacted") if reapply else ("reviewed",)
        ids = _record_ids(s, ds.id, record_ids, states)
        pending = len(_record_ids(s, ds.id, record_ids, ("pending",)))
        dataset_id = ds.id
    base = Replacer(replace(spec, name="placeholder") if spec.name == "drop" else spec, secrets)
    result = ApplyResult(dataset=dataset, operator=spec.name, skipped_pending=pending)
    all_ids: list[int] = []
    for i in range(0, len(ids), PAGE):
        chunk = ids[i : i + PAGE]
        with ws.tx() as s:
            findings: dict[int, list[m.PiiFinding]] = defaultdict(list)
            for f in s.scalars(
                sa.select(m.PiiFinding).where(
                    m.PiiFinding.record_id.in_(chunk), m.PiiFinding.status != "pending"
                )
            ):
                findings[f.record_id].append(f)
            records = list(
                s.scalars(
                    sa.select(m.Record).where(
                        m.Record.id.in_(chunk), m.Record.redaction.in_(states)
                    )
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
                accepted = [f for f in findings[record.id] if f.status == "accepted"]
                rejected = [f for f in findings[record.id] if f.status == "rejected"]
                comps = completions[record.id]
                copy_ = redacted_copy(
                    record.messages,
                    [c.messages for c in comps],
                    accepted,
                    rejected,
                    base.for_record(record.content_hash),
                    extra=record.extra,
                    metadata=record.meta,
                    propagate_values=settings.propagate,
                )
                record.redacted_messages = copy_.messages
                record.redacted_extra = copy_.extra
                record.redacted_metadata = copy_.metadata
                for c, new in zip(comps, copy_.completions, strict=True):
                    c.redacted_messages = new
                record.redaction = "redacted"
                entities = sorted({f.entity for f in accepted})
                if spec.name == "drop":
                    record.status = "excluded"
                    record.status_reason = f"{DROP_REASON} ({', '.join(entities)})"
                    result.dropped += 1
                elif record.status == "excluded" and record.status_reason.startswith(DROP_REASON):
                    record.status = "active"
                    record.status_reason = ""
                for e in entities:
                    result.by_entity[e] = result.by_entity.get(e, 0) + sum(
                        1 for f in accepted if f.entity == e
                    )
                result.applied += 1
                result.strings += copy_.changed
                all_ids.append(record.id)
        if progress:
            progress(min(i + PAGE, len(ids)), len(ids))
    with ws.tx() as s:
        log_event(
            s,
            actor,
            "pii.apply",
            "dataset",
            dataset_id,
            operator=spec.as_dict(),
            records=result.applied,
            record_ids=all_ids[:MAX_LOGGED_IDS],
            dropped=result.dropped,
            strings_changed=result.strings,
            by_entity=result.by_entity,
            skipped_pending=result.skipped_pending,
            reapply=reapply,
        )
    return result


def preview(
    session: Session,
    record_id: int,
    operator: OperatorSpec | None = None,
    *,
    include_pending: bool = True,
) -> tuple[list[Any], list[list[Any]]]:
    """The messages and completions of :func:`preview_record`."""
    redacted = preview_record(session, record_id, operator, include_pending=include_pending)
    return redacted.messages, redacted.completions


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


# --------------------------------------------------------------------------- status and the export gate


@dataclass(slots=True)
class PiiStatus:
    dataset: str
    states: dict[str, int]
    findings: dict[str, int]
    pending_by_entity: dict[str, int]
    dropped: int
    last_run: dict[str, Any] | None

    @property
    def records(self) -> int:
        return sum(self.states.values())

    @property
    def passable(self) -> int:
        return sum(self.states.get(s, 0) for s in PASSABLE)

    @property
    def blocked(self) -> int:
        return self.records - self.passable

    def as_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "records": self.records,
            "states": {s: self.states.get(s, 0) for s in STATES},
            "findings": self.findings,
            "pending_by_entity": self.pending_by_entity,
            "dropped": self.dropped,
            "export_passes": self.passable,
            "export_blocked": self.blocked,
            "last_run": self.last_run,
        }


def pii_status(session: Session, dataset: str) -> PiiStatus:
    ds = get_dataset(session, dataset)
    f = m.PiiFinding
    findings = {
        str(st): int(n)
        for st, n in session.execute(
            sa.select(f.status, sa.func.count()).where(f.dataset_id == ds.id).group_by(f.status)
        )
    }
    pending = {
        str(e): int(n)
        for e, n in session.execute(
            sa.select(f.entity, sa.func.count())
            .where(f.dataset_id == ds.id, f.status == "pending")
            .group_by(f.entity)
        )
    }
    dropped = session.scalar(
        sa.select(sa.func.count(m.Record.id)).where(
            m.Record.dataset_id == ds.id,
            m.Record.status == "excluded",
            m.Record.status_reason.startswith(DROP_REASON),
        )
    )
    run = session.scalar(
        sa.select(m.PiiRun)
        .where(m.PiiRun.dataset_id == ds.id)
        .order_by(m.PiiRun.id.desc())
        .limit(1)
    )
    last = None
    if run is not None:
        last = {
            "id": run.id,
            "actor": run.actor,
            "status": run.status,
            "records": run.n_records,
            "findings": run.n_findings,
            "started_at": run.started_at.isoformat(timespec="seconds"),
            "finished_at": run.finished_at.isoformat(timespec="seconds")
            if run.finished_at
            else None,
        }
    return PiiStatus(
        ds.name, state_counts(session, ds.id), findings, pending, int(dropped or 0), last
    )


def trainable_messages(
    record: m.Record, completions: Sequence[m.Completion] = (), *, override: bool = False
) -> tuple[list[Any], list[list[Any]]]:
    """The text export may write for a record: the redacted copy, or the original when the
    record is clean. Anything else needs ``override`` (a lead's decision, logged by export)."""
    if record.redaction == "redacted" and record.redacted_messages is not None:
        return record.redacted_messages, [
            c.redacted_messages if c.redacted_messages is not None else c.messages
            for c in completions
        ]
    if record.redaction == "clean" or override:
        return record.messages, [c.messages for c in completions]
    raise ConflictError(
        f"record #{record.id} is {record.redaction!r} for PII: review and apply its redaction first"
    )


# --------------------------------------------------------------------------- the record view


@dataclass(slots=True)
class RecordReview:
    """One record with its findings, for reviewing from highlighted text."""

    record_id: int
    line: int
    redaction: str
    status: str
    messages: list[Any]
    completions: list[list[Any]]
    findings: list[m.PiiFinding]
    extra: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)

    def segments(self) -> list[Segment]:
        return record_segments(self.messages, self.completions, self.extra, self.metadata)

    def marks(self) -> dict[str, list[Any]]:
        """Highlight marks per location (see :mod:`curation.pii.highlight`)."""
        from curation.pii.highlight import Mark

        out: dict[str, list[Any]] = defaultdict(list)
        for f in self.findings:
            out[f.location].append(Mark(f.start, f.end, f.entity, f.status, f"#{f.id}"))
        return dict(out)


def record_review(session: Session, record_id: int) -> RecordReview:
    record = session.get(m.Record, record_id)
    if record is None:
        raise NotFoundError(f"no record #{record_id}")
    comps = list(
        session.scalars(
            sa.select(m.Completion)
            .where(m.Completion.record_id == record_id)
            .order_by(m.Completion.position)
        )
    )
    findings = list(
        session.scalars(
            sa.select(m.PiiFinding)
            .where(m.PiiFinding.record_id == record_id)
            .order_by(m.PiiFinding.location, m.PiiFinding.start)
        )
    )
    return RecordReview(
        record.id,
        record.line,
        record.redaction,
        record.status,
        record.messages,
        [c.messages for c in comps],
        findings,
        record.extra,
        record.meta,
    )


def pii_events(session: Session, dataset: str, *, limit: int = 200) -> list[m.AuditEvent]:
    """The audit log's PII events for a dataset, plus rule and settings changes, newest first."""
    ds = get_dataset(session, dataset)
    query = (
        sa.select(m.AuditEvent)
        .where(
            m.AuditEvent.action.startswith("pii."),
            sa.or_(
                sa.and_(
                    m.AuditEvent.target_type == "dataset", m.AuditEvent.target_id == str(ds.id)
                ),
                m.AuditEvent.target_type.in_(["pii_rule", "settings"]),
            ),
        )
        .order_by(m.AuditEvent.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))


def event_summary(details: dict[str, Any]) -> str:
    """An audit event's details on one line: id lists as counts, value fingerprints kept."""
    parts = []
    for key, value in details.items():
        if key == "values" and isinstance(value, list):
            prints = [v.get("fingerprint", "") for v in value if isinstance(v, dict)]
            parts.append(f"values: {', '.join(prints[:5])}" + (" …" if len(prints) > 5 else ""))
        elif isinstance(value, list):
            parts.append(f"{key}: {len(value)}")
        elif isinstance(value, dict):
            parts.append(f"{key}: " + ", ".join(f"{a}={b}" for a, b in value.items()))
        else:
            parts.append(f"{key}={value}")
    return "; ".join(parts)


def event_rows(events: Iterable[m.AuditEvent]) -> list[dict[str, Any]]:
    """Audit events as table rows (the page's Audit tab and ``curation pii log``)."""
    return [
        {
            "id": e.id,
            "at": e.at.isoformat(sep=" ", timespec="seconds"),
            "who": e.actor,
            "what": e.action,
            "target": f"{e.target_type} {e.target_id}",
            "details": event_summary(e.details or {}),
        }
        for e in events
    ]
