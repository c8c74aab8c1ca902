"""Detection over a stream of records, in this process or in worker processes.

:func:`detect_stream` reads the input here and hands batches to the workers
(:mod:`curation.pii.worker`), each running its own :func:`curation.pii.detect.get_detector`;
it lives apart from :mod:`curation.pii.detect` because the workers import that module.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from multiprocessing import get_context
from typing import TypeVar

from curation.pii import worker
from curation.pii.config import PiiConfig
from curation.pii.detect import RECORD_BATCH, Detector, get_detector
from curation.pii.segments import Segment
from curation.pii.spans import Finding

WORKER_BATCH = 16  # records per task: small tasks keep both workers busy to the end
PARALLEL_MIN_TEXTS = 4_000

T = TypeVar("T")


def _start_method() -> str:
    """``fork`` when this process runs no other thread: workers then share the model already
    loaded here and start at once (spaCy's own ``n_process`` forks the same way). Otherwise
    ``spawn`` (forking a threaded process, such as a Streamlit server, can deadlock)."""
    import threading

    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def auto_workers(n_texts: int | None) -> int:
    """Worker processes worth starting: 1 for small jobs (start-up costs ~2 s), else the cores."""
    cores = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )
    if cores < 2 or (n_texts is not None and n_texts < PARALLEL_MIN_TEXTS):
        return 1
    return min(cores, 8)


def detect_stream(
    items: Iterable[T],
    segments_of: Callable[[T], list[Segment]],
    config: PiiConfig,
    *,
    workers: int = 1,
    batch: int | None = None,
    detector: Detector | None = None,
) -> Iterator[tuple[T, list[Segment], list[Finding]]]:
    """Findings for each item, in order. ``workers`` > 1 runs detection in that many worker
    processes (forked with the model already loaded when this process has no other thread,
    else spawned, each loading it once) while this one reads input and writes results."""
    it = iter(items)
    if workers <= 1:
        det = detector or get_detector(config)
        while chunk := list(islice(it, batch or RECORD_BATCH)):
            segs = [segments_of(item) for item in chunk]
            yield from zip(chunk, segs, det.detect_records(segs), strict=True)
        return
    pending: deque[tuple[list[T], list[list[Segment]], Future[list[list[Finding]]]]] = deque()
    broken = False
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context(_start_method()),
        initializer=worker.init,
        initargs=(config.as_dict(),),
    ) as pool:
        while True:
            while len(pending) < workers * 3 and not broken:
                chunk = list(islice(it, batch or WORKER_BATCH))
                if not chunk:
                    break
                segs = [segments_of(item) for item in chunk]
                payload = [[(s.path, s.text, s.detect) for s in ss] for ss in segs]
                pending.append((chunk, segs, pool.submit(worker.work, payload)))
            if not pending:
                break
            chunk, segs, future = pending.popleft()
            try:
                found = future.result()
            except BrokenProcessPool:
                # A worker could not start (e.g. a __main__ without the spawn guard): finish
                # here, in this process, rather than fail the whole run.
                broken = True
                found = (detector or get_detector(config)).detect_records(segs)
            yield from zip(chunk, segs, found, strict=True)
    if broken:
        yield from detect_stream(it, segments_of, config, workers=1, batch=batch, detector=detector)
