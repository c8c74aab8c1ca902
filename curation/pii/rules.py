"""The workspace's PII rules: allow terms, deny terms and patterns, and rules files.

Rules are stored (never deleted, only deactivated, so the audit log and older runs still
make sense) and added to every scan's detection config by :func:`workspace_config`. A
JSON or YAML rules file is either stored (:func:`import_rules`) or used once without
storing it (:func:`config_with_rules`, file mode). Deny-list terms are PII themselves: the
audit log keeps only their keyed fingerprints.

The store (SQLAlchemy, the models, the audit log) is imported by the functions that take a
session: file mode reads a rules file and never opens one, and importing SQLAlchemy cost
``curation redact`` on a small file most of a second of start-up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from curation.errors import ConflictError, InputError, InternalError, NotFoundError
from curation.pii.config import (
    RULE_KINDS,
    PatternRule,
    PiiConfig,
    check_entity_name,
    check_pattern,
    normalise_entities,
)
from curation.pii.settings import PiiSettings, load_settings, value_fingerprint, workspace_secrets
from curation.pii.typed import AsDict

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from curation.store import models as m


@dataclass(frozen=True, slots=True)
class Rule(AsDict):
    """One active (or deactivated) rule, as the CLI lists it."""

    id: int
    kind: str
    entity: str
    name: str
    value: str
    score: float
    created_by: str

    @classmethod
    def of(cls, row: m.PiiRule) -> Rule:
        return cls(row.id, row.kind, row.entity, row.name, row.value, row.score, row.created_by)


def list_rules(
    session: Session, kind: str | None = None, *, include_inactive: bool = False
) -> list[Rule]:
    """The workspace's rules by kind and id (only active ones unless ``include_inactive``)."""
    import sqlalchemy as sa

    from curation.store import models as m

    query = sa.select(m.PiiRule).order_by(m.PiiRule.kind, m.PiiRule.id)
    if kind:
        query = query.where(m.PiiRule.kind == kind)
    if not include_inactive:
        query = query.where(m.PiiRule.active.is_(True))
    return [Rule.of(row) for row in session.scalars(query)]


def _rule_details(session: Session, rule: m.PiiRule | Rule) -> dict[str, Any]:
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
) -> Rule:
    """Add an allow term, a deny term or a pattern. Repeats of an active rule are refused."""
    from curation.audit import log_event
    from curation.store import models as m

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
    return Rule.of(rule)


def remove_rule(session: Session, rule_id: int, *, actor: str) -> Rule:
    """Deactivate a rule (rules are kept, so the log and older runs still make sense)."""
    from curation.audit import log_event
    from curation.store import models as m

    rule = session.get(m.PiiRule, rule_id)
    if rule is None or not rule.active:
        raise NotFoundError(f"no active PII rule #{rule_id}")
    rule.active = False
    log_event(
        session, actor, "pii.rule.remove", "pii_rule", rule.id, **_rule_details(session, rule)
    )
    return Rule.of(rule)


def set_terms(
    session: Session, kind: str, entity: str, terms: Iterable[str], *, actor: str
) -> tuple[int, int]:
    """Make the active ``kind`` rules for ``entity`` exactly ``terms`` (the page's list editors)."""
    if kind not in ("allow", "deny"):
        raise InternalError("only allow and deny lists are edited as term lists")
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


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """A rule read from a rules file, not stored (yet)."""

    kind: str
    entity: str
    value: str
    name: str = ""
    score: float = 0.9


def load_rules_file(path: str | Path) -> list[RuleSpec]:
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
    rules: list[RuleSpec] = []
    allow = data.get("allow") or []
    if isinstance(allow, dict):
        allow = [(e, t) for e, ts in allow.items() for t in ts]
    else:
        allow = [("", t) for t in allow]
    rules += [RuleSpec("allow", e, str(t)) for e, t in allow]
    deny = data.get("deny") or {}
    if not isinstance(deny, dict):
        raise InputError(
            f"{p}: deny must map an entity to its terms, e.g. {{EMPLOYEE_ID: [E-1234]}}"
        )
    rules += [RuleSpec("deny", e, str(t)) for e, ts in deny.items() for t in ts]
    for i, item in enumerate(data.get("patterns") or []):
        if not isinstance(item, dict) or "regex" not in item or "entity" not in item:
            raise InputError(f"{p}: patterns[{i}] needs at least entity and regex")
        check_pattern(str(item["regex"]))
        rules.append(
            RuleSpec(
                "pattern",
                str(item["entity"]),
                str(item["regex"]),
                name=str(item.get("name", "")),
                score=float(item.get("score", 0.9)),
            )
        )
    return rules


def config_with_rules(config: PiiConfig, rules: list[RuleSpec]) -> PiiConfig:
    """``config`` plus rules read from a file (file mode uses them without storing them)."""
    allow = list(config.allow) + [(r.entity.upper(), r.value) for r in rules if r.kind == "allow"]
    deny = list(config.deny) + [(r.entity.upper(), r.value) for r in rules if r.kind == "deny"]
    patterns = list(config.patterns) + [
        PatternRule(r.name or r.entity.upper(), r.entity.upper(), r.value, r.score)
        for r in rules
        if r.kind == "pattern"
    ]
    return replace(config, allow=tuple(allow), deny=tuple(deny), patterns=tuple(patterns))


def import_rules(session: Session, path: str | Path, *, actor: str) -> int:
    """Store the rules of a config file in the workspace; rules already there are skipped."""
    added = 0
    for rule in load_rules_file(path):
        try:
            add_rule(
                session,
                rule.kind,
                rule.value,
                actor=actor,
                entity=rule.entity,
                name=rule.name,
                score=rule.score,
            )
        except ConflictError:
            continue
        added += 1
    return added


def workspace_config(
    session: Session,
    *,
    entities: Sequence[str] | str | None = None,
    threshold: float | None = None,
    settings: PiiSettings | None = None,
) -> PiiConfig:
    """The detection config: workspace settings, with the workspace's active rules."""
    settings = settings or load_settings(session)
    return settings_config(settings, list_rules(session), entities=entities, threshold=threshold)


def settings_config(
    settings: PiiSettings,
    rules: Iterable[Any] = (),
    *,
    entities: Sequence[str] | str | None = None,
    threshold: float | None = None,
) -> PiiConfig:
    """The detection config of ``settings`` and stored ``rules`` (none: file mode without
    a workspace, the default settings)."""
    allow: list[tuple[str, str]] = []
    deny: list[tuple[str, str]] = []
    patterns: list[PatternRule] = []
    for rule in rules:
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
        keep_public_figures=settings.keep_public_figures,
    )
