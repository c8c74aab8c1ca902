"""One engine for the parallel parts of every batch stage: in this process, or on Ray.

- :mod:`~curation.engine.choice` — the one place that decides where a stage's work runs
  (:func:`choose`, from the input's size, the thread, the settings);
- :mod:`~curation.engine.cluster` — starts a local Ray instance or attaches to a cluster,
  and shuts it down at exit;
- :mod:`~curation.engine.mapping` — ordered map primitives: :func:`ordered_map` (stateless
  tasks) and :func:`actor_map` (an engine or a model loaded once per worker).

Ray Core (tasks and actors), not Ray Data ``map_batches``: every stage reads its input
here — a file's raw lines, or id-ordered chunks from the workspace's one read snapshot —
and writes the results here, in input order, inside its one transaction (or through its
staged files). Ray Data would want the input as a dataset first (``from_items`` puts all
of it in the object store), adds a streaming executor per call, and its order-keeping
and back-pressure are settings around a pipeline we would not use otherwise. A bounded
window of Ray Core calls gives the same streaming with flat memory in a page of code,
and the same code runs the work in this process when Ray is not worth starting.

Names are re-exported lazily: importing this package does not import Ray.
"""

from __future__ import annotations

from curation.lazy import lazy_exports

_EXPORTS = {
    "Engine": "choice",
    "IN_PROCESS": "choice",
    "Size": "choice",
    "choose": "choice",
    "choose_for_shards": "choice",
    "current": "choice",
    "usable_cores": "cluster",
    "EngineUnavailableError": "cluster",
    "connect": "cluster",
    "connected": "cluster",
    "shutdown": "cluster",
    "ADDRESS_ENV": "settings",
    "MODE_ENV": "settings",
    "WorkerLostError": "mapping",
    "actor_map": "mapping",
    "ordered_map": "mapping",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
