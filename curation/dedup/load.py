"""Workspace records as dedup items: what a run reads from the store.

:func:`load_items` turns a dataset's records (active and duplicate by default) into
:class:`~curation.dedup.units.Item` lists by id, with the notes on fields read only in
part; :func:`table` and :func:`chunks` are the small SQL helpers the storage modules share.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.dedup.units import Item, Note, input_notes, make_item, record_score
from curation.records import Completion
from curation.store import models as m

LIVE_STATUSES = ("active", "duplicate")
WRITE_BATCH = 5000


def table(model: type[m.Base]) -> sa.Table:
    return cast(sa.Table, model.__table__)


def chunks(values: list[int], size: int) -> list[list[int]]:
    return [values[i : i + size] for i in range(0, len(values), size)]


MAX_STORED_NOTES = 200


@dataclass(frozen=True, slots=True)
class RunNote:
    """A field of one record that dedup could read only in part (stored with the run)."""

    record: int
    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        return f"record #{self.record} (line {self.line}): {self.field}: {self.reason}"


@dataclass(slots=True)
class Loaded:
    """Records loaded as items, aligned by position with their ids."""

    ids: list[int]
    items: list[Item]
    notes: list[RunNote] = field(default_factory=list)  # first MAX_STORED_NOTES
    noted: int = 0  # notes in all


def load_items(
    session: Session,
    dataset_id: int,
    *,
    include_system: bool = False,
    statuses: Sequence[str] = LIVE_STATUSES,
    ids: Iterable[int] | None = None,
    with_notes: bool = False,
) -> Loaded:
    """The dataset's records (active and duplicate by default) as dedup items, by id.

    ``with_notes`` also collects the fields read only in part (see :func:`input_notes`).
    """
    rec = table(m.Record)
    query = (
        sa.select(rec.c.id, rec.c.line, rec.c.messages, rec.c.metadata, rec.c.rankings)
        .where(rec.c.dataset_id == dataset_id, rec.c.status.in_(list(statuses)))
        .order_by(rec.c.id)
    )
    wanted = None if ids is None else sorted(set(ids))
    completions = _completions(session, dataset_id, wanted)
    out = Loaded([], [])
    chunks = [wanted[i : i + 900] for i in range(0, len(wanted), 900)] if wanted else [None]
    if wanted is not None and not wanted:
        return out
    for chunk in chunks:
        q = query if chunk is None else query.where(rec.c.id.in_(chunk))
        rows = session.execute(q.execution_options(yield_per=2000))
        for rid, line, messages, meta, rankings in rows:
            comps = completions.get(rid, [])
            item = make_item(
                messages or [],
                comps,
                rankings or [],
                order=rid,
                score=record_score(meta, comps),
                include_system=include_system,
            )
            out.ids.append(rid)
            out.items.append(item)
            if with_notes:
                _note(
                    out, rid, line, input_notes(item, messages or [], include_system=include_system)
                )
    return out


def _note(out: Loaded, record_id: int, line: int, notes: list[Note]) -> None:
    out.noted += len(notes)
    for note in notes[: max(0, MAX_STORED_NOTES - len(out.notes))]:
        out.notes.append(RunNote(record_id, line, note.field, note.reason))


def _completions(
    session: Session, dataset_id: int, ids: list[int] | None
) -> dict[int, list[Completion]]:
    comp = table(m.Completion)
    rec = table(m.Record)
    query = (
        sa.select(comp.c.record_id, comp.c.messages, comp.c.scores)
        .join(rec, rec.c.id == comp.c.record_id)
        .where(rec.c.dataset_id == dataset_id)
        .order_by(comp.c.record_id, comp.c.position)
    )
    out: dict[int, list[Completion]] = {}
    chunks = [ids[i : i + 900] for i in range(0, len(ids), 900)] if ids is not None else [None]
    for chunk in chunks:
        q = query if chunk is None else query.where(comp.c.record_id.in_(chunk))
        for rid, messages, scores in session.execute(q):
            out.setdefault(rid, []).append(Completion(messages or [], None, scores or {}))
    return out
