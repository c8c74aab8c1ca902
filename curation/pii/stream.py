"""Detection over a stream of records, in this process or on the engine's actors.

:func:`detect_stream` reads the input here and hands batches to the engine
(:func:`curation.engine.actor_map`): each actor loads its detector once
(:func:`curation.pii.worker.make_detector`, Presidio and the spaCy model) and answers
batches in order. It lives apart from :mod:`curation.pii.detect` because the actors
import that module.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from typing import TypeVar

from curation.engine import cluster
from curation.engine.choice import IN_PROCESS, Engine, Size, choose
from curation.engine.mapping import actor_map
from curation.pii import worker
from curation.pii.config import PiiConfig
from curation.pii.detect import RECORD_BATCH, Detector, get_detector
from curation.pii.segments import Segment
from curation.pii.spans import Finding

WORKER_BATCH = 16  # records per call: small calls keep every actor busy to the end

T = TypeVar("T")


def detection_engine(n_texts: int | None, workers: int | None = None) -> Engine:
    """Where detection runs: ``workers`` 1 in this process, more on the engine whatever
    the size; None: the engine decides from ``n_texts`` (stage ``pii``)."""
    if workers == 1:
        return IN_PROCESS
    return choose("pii", Size(records=n_texts), force=workers is not None)


def worker_count(engine: Engine, workers: int | None = None) -> int:
    """The detectors that ran (after :func:`detect_stream`)."""
    if not engine.ray or not cluster.connected():
        return 1
    return workers or cluster.cpus()


def detect_stream(
    items: Iterable[T],
    segments_of: Callable[[T], list[Segment]],
    config: PiiConfig,
    *,
    engine: Engine = IN_PROCESS,
    workers: int | None = None,
    batch: int | None = None,
    detector: Detector | None = None,
) -> Iterator[tuple[T, list[Segment], list[Finding]]]:
    """Findings for each item, in order: in this process, or on ``engine`` with
    ``workers`` actors (default: one per CPU), each with its own detector, while this
    process reads input and writes results."""
    it = iter(items)
    if not engine.ray:
        det = detector or get_detector(config)
        while chunk := list(islice(it, batch or RECORD_BATCH)):
            segs = [segments_of(item) for item in chunk]
            yield from zip(chunk, segs, det.detect_records(segs), strict=True)
        return
    pending: deque[tuple[list[T], list[list[Segment]]]] = deque()

    def batches() -> Iterator[list[list[tuple[object, str, bool]]]]:
        while chunk := list(islice(it, batch or WORKER_BATCH)):
            segs = [segments_of(item) for item in chunk]
            pending.append((chunk, segs))
            yield [[(s.path, s.text, s.detect) for s in ss] for ss in segs]

    found_batches = actor_map(
        partial(worker.make_detector, config.as_dict()),
        worker.work,
        batches(),
        engine=engine,
        workers=workers,
    )
    for found in found_batches:
        chunk, segs = pending.popleft()
        yield from zip(chunk, segs, found, strict=True)
