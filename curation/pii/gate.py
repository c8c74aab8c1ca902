"""The PII gate: record states, which of them may leave the workspace, and why a record is held.

Export and the AI judge ask this module, not the workspace stage (:mod:`curation.pii.scan`,
:mod:`curation.pii.review`, :mod:`curation.pii.apply`), because the stage loads Presidio
and spaCy (seconds) and the gate needs neither: it is a state check plus one SQL
expression. The states themselves are described in :mod:`curation.pii.states`.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.store import models as m

# none: never scanned; pending: unreviewed findings; reviewed: decided, not applied (or
# stale); redacted: applied, the redacted copies are stored; clean: nothing to redact.
STATES = ("none", "pending", "reviewed", "redacted", "clean")
PASSABLE = ("clean", "redacted")
# What :func:`redaction_state` reads for a record marked redacted without its redacted copy.
COPY_MISSING = "redacted_copy_missing"
NOT_SCANNED = "pii_not_scanned"
UNREVIEWED = "pii_unreviewed"


def gate_reason(redaction: str, *, override: bool = False) -> str:
    """Why export must leave a record out for PII ('' when it may go): ``pii_not_scanned``
    or ``pii_unreviewed`` (findings not all decided, decisions not applied yet, or a redacted
    copy missing). A lead's ``override`` lets it through; the caller records the override."""
    if redaction in PASSABLE or override:
        return ""
    return NOT_SCANNED if redaction == "none" else UNREVIEWED


def _json_text(column: Any) -> Any:
    return sa.cast(column, sa.Text)


def _missing(column: Any) -> Any:
    return sa.or_(column.is_(None), _json_text(column) == "null")


def _filled(column: Any) -> Any:
    return sa.and_(column.is_not(None), _json_text(column).not_in(["{}", "null"]))


def redaction_state() -> Any:
    """The record's redaction state as SQL, except that a record marked ``redacted`` without
    its redacted copies (of the messages, and of ``extra`` and ``metadata`` when they hold
    anything) reads as :data:`COPY_MISSING`, which the gate refuses instead of letting the
    original text out."""
    r = m.Record
    missing = sa.or_(
        _missing(r.redacted_messages),
        sa.and_(_filled(r.extra), _missing(r.redacted_extra)),
        sa.and_(_filled(r.meta), _missing(r.redacted_metadata)),
    )
    return sa.case(
        (sa.and_(r.redaction == "redacted", missing), sa.literal(COPY_MISSING)),
        else_=r.redaction,
    )


def blocked_record_ids(session: Session, dataset_id: int, *, limit: int | None = None) -> list[int]:
    """Records export must refuse without a lead's override (not clean, not redacted)."""
    query = (
        sa.select(m.Record.id)
        .where(m.Record.dataset_id == dataset_id, m.Record.redaction.not_in(PASSABLE))
        .order_by(m.Record.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))
