"""Train/validation leakage between two workspace datasets.

Validation records with a near-duplicate (exact or at the threshold) in the train
dataset, by record id; the file-to-file form is :func:`curation.dedup.files.file_leakage`.
A big pair of datasets embeds and searches on the engine, as a dedup run does
(:func:`curation.dedup.parallel.engine_matching`); a small one here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from curation.dedup.engine import find_matches
from curation.dedup.load import load_items
from curation.dedup.parallel import engine_matching
from curation.dedup.search import MatchRun
from curation.dedup.settings import Encoders, Settings
from curation.engine.choice import Size
from curation.progress import Progress
from curation.store.db import Workspace
from curation.store.queries import get_dataset


@dataclass(frozen=True, slots=True)
class Leak:
    """A validation record with a near-duplicate in train (record ids)."""

    validation: int
    train: int
    similarity: float
    kind: str  # "exact" or "semantic"

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "similarity": round(self.similarity, 4)}


def dataset_leakage(
    ws: Workspace,
    train: str,
    valid: str,
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
    encoders: Encoders | None = None,
    run: MatchRun | None = None,
) -> list[Leak]:
    """Validation records (by id) with a near-duplicate in the train dataset; ``run``
    (None: the engine decides from the records' count) says where the work runs."""
    settings = (settings or Settings()).resolved()
    with ws.read() as s:
        t = load_items(
            s,
            get_dataset(s, train).id,
            include_system=settings.include_system,
            statuses=("active",),
        )
        v = load_items(
            s,
            get_dataset(s, valid).id,
            include_system=settings.include_system,
            statuses=("active",),
        )
    if run is None:
        run = engine_matching(Size(records=len(t.items) + len(v.items)))
    matches = find_matches(
        t.items, v.items, settings, encoders=encoders, progress=progress, run=run
    )
    return [Leak(v.ids[x.query], t.ids[x.reference], x.similarity, x.kind) for x in matches]
