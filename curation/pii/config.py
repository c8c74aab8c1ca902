"""What a scan looks for: entity classes, thresholds, and the workspace's allow/deny/pattern rules.

A :class:`PiiConfig` is a plain frozen value, so it can be hashed (engines are cached per
config), pickled into engine actors and written into a run's settings for provenance.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import orjson
import regex

from curation.errors import InputError

# On by default: what a fine-tuning corpus must never carry.
DEFAULT_ENTITIES: tuple[str, ...] = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "US_SSN",
    "IP_ADDRESS",
    "IBAN_CODE",
    "STREET_ADDRESS",
)
# Off by default: measured to destroy technical text ("Kubernetes" as ORGANIZATION, "24 hours"
# as DATE_TIME, "Port" as LOCATION, US phone numbers as UK_NHS) or to match plain numbers.
OPTIONAL_ENTITIES: tuple[str, ...] = (
    "URL",
    "LOCATION",
    "ORGANIZATION",
    "DATE_TIME",
    "NRP",
    "UK_NHS",
    "US_DRIVER_LICENSE",
    "US_PASSPORT",
    "US_BANK_NUMBER",
    "US_ITIN",
    "MEDICAL_LICENSE",
    "MAC_ADDRESS",
    "CRYPTO",
)
BUILTIN_ENTITIES: tuple[str, ...] = DEFAULT_ENTITIES + OPTIONAL_ENTITIES
# Identifiers with a fixed shape: one leak is one too many, so their targets are the strictest.
STRUCTURED_ENTITIES: frozenset[str] = frozenset(
    {"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "US_SSN", "IP_ADDRESS", "IBAN_CODE"}
)
DEFAULT_THRESHOLD = 0.5
RULE_KINDS = ("allow", "deny", "pattern")
_ENTITY_NAME = regex.compile(r"^[A-Z][A-Z0-9_]{1,59}$")


@dataclass(frozen=True, slots=True)
class PatternRule:
    """A lead's regular expression for an entity of their own (e.g. ticket IDs)."""

    name: str
    entity: str
    regex: str
    score: float = 0.9


@dataclass(frozen=True, slots=True)
class PiiConfig:
    """Everything that decides what a scan finds. Two equal configs find the same spans."""

    entities: tuple[str, ...] = DEFAULT_ENTITIES
    threshold: float = DEFAULT_THRESHOLD
    # Terms that are never PII (product names, technical words); ``(entity, term)``, entity ""
    # for every entity.
    allow: tuple[tuple[str, str], ...] = ()
    # Terms that are always PII: ``(entity, term)``.
    deny: tuple[tuple[str, str], ...] = ()
    patterns: tuple[PatternRule, ...] = ()
    # The built-in list of technical terms (Kubernetes, PostgreSQL, …) on top of ``allow``.
    builtin_allow: bool = True
    # Redact every other occurrence of a confirmed value (and a person's name parts).
    propagate: bool = True
    # Leave the names of public figures and fictional characters in records that speak of
    # public life and hold no private data (see curation.pii.public); off: redact every name.
    keep_public_figures: bool = True

    def __post_init__(self) -> None:
        if not 0.0 <= self.threshold <= 1.0:
            raise InputError(f"threshold {self.threshold!r} must be between 0 and 1")
        for entity in self.entities:
            check_entity_name(entity)
        for rule in self.patterns:
            check_pattern(rule.regex)
            check_entity_name(rule.entity)

    @property
    def custom_entities(self) -> tuple[str, ...]:
        """Entities that only the workspace's rules know about (e.g. REFERENCE_ID)."""
        own = {r.entity for r in self.patterns} | {e for e, _ in self.deny}
        return tuple(sorted(own - set(self.entities)))

    @property
    def all_entities(self) -> tuple[str, ...]:
        return tuple(self.entities) + self.custom_entities

    def check_entities_known(self) -> PiiConfig:
        """Refuse entities nothing would find (a typo in ``--entities`` would otherwise scan
        for nothing and report a clean file)."""
        own = {r.entity for r in self.patterns} | {e for e, _ in self.deny}
        unknown = [e for e in self.entities if e not in BUILTIN_ENTITIES and e not in own]
        if unknown:
            raise InputError(
                f"no recogniser finds {', '.join(unknown)}: choose among "
                + ", ".join(BUILTIN_ENTITIES)
                + ", or add a pattern or deny rule for it first"
            )
        return self

    def with_entities(self, entities: Sequence[str] | None) -> PiiConfig:
        if not entities:
            return self
        return replace(self, entities=tuple(normalise_entities(entities)))

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["patterns"] = [asdict(p) for p in self.patterns]
        return data

    def fingerprint(self) -> str:
        """A short stable hash of the config: engines and caches are keyed by it."""
        return hashlib.sha256(
            orjson.dumps(self.as_dict(), option=orjson.OPT_SORT_KEYS)
        ).hexdigest()[:16]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PiiConfig:
        return cls(
            entities=tuple(data.get("entities") or DEFAULT_ENTITIES),
            threshold=float(data.get("threshold", DEFAULT_THRESHOLD)),
            allow=tuple((str(e), str(t)) for e, t in data.get("allow", ())),
            deny=tuple((str(e), str(t)) for e, t in data.get("deny", ())),
            patterns=tuple(PatternRule(**p) for p in data.get("patterns", ())),
            builtin_allow=bool(data.get("builtin_allow", True)),
            propagate=bool(data.get("propagate", True)),
            keep_public_figures=bool(data.get("keep_public_figures", True)),
        )


@dataclass(frozen=True, slots=True)
class Secrets:
    """Per-workspace keys: never logged, never shown. Generated once with :mod:`secrets`."""

    hmac_key: bytes = field(repr=False)
    salt: bytes = field(repr=False)


def check_entity_name(entity: str) -> str:
    if not _ENTITY_NAME.match(entity):
        raise InputError(
            f"entity name {entity!r} must be upper-case letters, digits and _ (e.g. TICKET_ID)"
        )
    return entity


def normalise_entities(entities: Sequence[str] | str) -> list[str]:
    """``"person, email_address"`` or a list → validated upper-case names, order kept."""
    items = entities.split(",") if isinstance(entities, str) else list(entities)
    out: list[str] = []
    for item in items:
        name = item.strip().upper()
        if name and name not in out:
            out.append(check_entity_name(name))
    if not out:
        raise InputError("no entity given; choose among " + ", ".join(BUILTIN_ENTITIES))
    return out


def check_pattern(pattern: str) -> regex.Pattern[str]:
    """Compile a lead's regex, refusing ones that cannot work as a recogniser."""
    if not pattern.strip():
        raise InputError("the pattern is empty")
    try:
        compiled = regex.compile(pattern)
    except regex.error as exc:
        raise InputError(f"pattern {pattern!r} is not a valid regular expression: {exc}") from exc
    if compiled.fullmatch(""):
        raise InputError(f"pattern {pattern!r} matches the empty string; it would match anywhere")
    return compiled
