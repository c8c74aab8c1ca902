"""The workspace's PII secrets and settings.

The HMAC key and salt (generated once per workspace, behind pseudonyms, hashes and the
audit log's value fingerprints) and :class:`PiiSettings`, the scan and apply settings a
lead edits on the PII page or with the CLI. The detection config that combines these
settings with the workspace's rules is :func:`curation.pii.rules.workspace_config`.

The store is imported by the functions that take a session, as in :mod:`curation.pii.rules`:
file mode uses the default settings and keys made for the run, without SQLAlchemy.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets as secrets_module
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, cast

from curation.pii.config import DEFAULT_ENTITIES, DEFAULT_THRESHOLD, PiiConfig, Secrets
from curation.pii.operators import OperatorSpec

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SECRETS_KEY = "pii.secrets"
SETTINGS_KEY = "pii.settings"


def workspace_secrets(session: Session) -> Secrets:
    """The workspace's HMAC key and salt, generated once with :mod:`secrets` on first use."""
    import sqlalchemy as sa

    from curation.store import models as m
    from curation.store.queries import insert_ignoring

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


def run_secrets() -> Secrets:
    """Keys for one run without a workspace (pseudonyms and hashes agree within the run only)."""
    return Secrets(secrets_module.token_bytes(32), secrets_module.token_bytes(16))


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
    # Keep the names of public figures in records that speak of public life (curation.pii.public).
    keep_public_figures: bool = True
    operator: OperatorSpec = field(default_factory=OperatorSpec)

    def as_dict(self) -> dict[str, Any]:
        return {
            "entities": list(self.entities),
            "threshold": self.threshold,
            "builtin_allow": self.builtin_allow,
            "propagate": self.propagate,
            "keep_public_figures": self.keep_public_figures,
            "operator": self.operator.as_dict(),
        }

    def operator_with(
        self, name: str | None = None, *, realistic: bool | None = None, scope: str | None = None
    ) -> OperatorSpec:
        """The workspace's operator with the given choices in place of the setting's (None
        keeps the setting)."""
        spec = self.operator
        if name:
            spec = replace(spec, name=name)
        if realistic is not None:
            spec = replace(spec, realistic=realistic)
        if scope:
            spec = replace(spec, scope=scope)
        return spec

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PiiSettings:
        op = data.get("operator") or {}
        return cls(
            entities=tuple(data.get("entities") or DEFAULT_ENTITIES),
            threshold=float(data.get("threshold", DEFAULT_THRESHOLD)),
            builtin_allow=bool(data.get("builtin_allow", True)),
            propagate=bool(data.get("propagate", True)),
            keep_public_figures=bool(data.get("keep_public_figures", True)),
            operator=OperatorSpec(**op) if op else OperatorSpec(),
        )


def load_settings(session: Session) -> PiiSettings:
    """The workspace's PII settings (the defaults until a lead saves some)."""
    from curation.store import models as m

    row = session.get(m.Setting, SETTINGS_KEY)
    return PiiSettings.from_dict(row.value) if row is not None else PiiSettings()


def save_settings(session: Session, settings: PiiSettings, *, actor: str) -> PiiSettings:
    """Store validated settings; the change goes to the audit log, before and after."""
    from curation.audit import log_event
    from curation.store import models as m

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
