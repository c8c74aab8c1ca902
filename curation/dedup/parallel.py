"""Where a dedup run's parallel parts run: the engine's one choice, for file and workspace mode.

:func:`engine_partitioning` asks :func:`curation.engine.choose` once per run, from the
input's size, and returns the :class:`~curation.dedup.partition.Partitioning` that
:func:`~curation.dedup.engine.find_duplicates` runs with:

- in this process (small inputs, a page's thread): the partitions asked for (one by
  default), the built-in ``map``, the encoders loaded here;
- on Ray: the embedding batches, of the candidate model and of the cascade's accurate
  check, on actors that load the model once each (:func:`~curation.engine.actor_map`);
  the search in one piece, here, unless a count is asked for or the cluster brings more
  CPUs than this machine has (:func:`spreads`): then partitions by size
  (:data:`~curation.dedup.partition.PER_PARTITION` records each), each partition's vector
  search, lexical (LSH) candidates and scoring a Ray task (:func:`~curation.engine.ordered_map`).

The coordinator keeps what must see the whole corpus: the exact groups, the k-means
assignment to partitions, the cascade's global verification budget and the one global
union-find. The workers compute the same numbers as this process (the same batches, the
same partitions), so the clusters are the ones an in-process run with the same partitions
builds. Several partitions (a big corpus on a cluster) may miss a pair whose records share neither
of their two nearest partitions (:mod:`curation.dedup.partition`), which one piece would find.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

import numpy as np

from curation.dedup.embedders import Encoder, NamedEncoder, encode_here, get_encoder
from curation.dedup.partition import Partitioning
from curation.dedup.search import QUERY_BLOCK, Hits, MatchRun, range_pairs
from curation.dedup.settings import Tick
from curation.engine import cluster
from curation.engine.choice import Engine, Size, choose
from curation.engine.mapping import actor_map, ordered_map, ready

ON_RAY = "ray"
# Sent to an embedding endpoint from this process only: its key stays here, and the
# endpoint, not this machine's cores, sets the pace.
KEPT_HERE = ("openai",)


def engine_partitioning(
    size: Size, partitions: int | None = 1, *, address: str | None = None
) -> Partitioning:
    """How a dedup of an input of ``size`` runs: here with ``partitions`` (1: one piece), or
    on Ray, where 1 means one piece unless the cluster has more CPUs than this machine
    (:func:`spreads`), then "by size" (a worker per partition when the corpus is big)."""
    return partitioning_on(choose("dedup", size, address=address), partitions)


def partitioning_on(engine: Engine, partitions: int | None = 1) -> Partitioning:
    """:func:`engine_partitioning` once the engine is chosen (a sharded corpus chooses its own)."""
    if not engine.ray:
        return Partitioning(partitions)
    if partitions == 1 and spreads(engine):
        partitions = None  # by size
    return Partitioning(
        partitions,
        map_fn=partial(ordered_map, engine=engine),
        encode=partial(encode_on, engine),
        where=ON_RAY,
    )


def spreads(engine: Engine) -> bool:
    """Whether a dedup on ``engine`` (Ray) is worth partitioning by size: only when its
    cluster has more CPUs than this machine's usable cores.

    Partitions cost work: every record is searched in two of them and each trains its own
    index (1M records on a local 2-CPU instance: 8 partitions, 1,027 s against 458 s in one
    piece). They pay only with CPUs this process could not use itself; a local instance
    has this machine's cores (:func:`~curation.engine.cluster.connect`), so it is not
    started here to be asked.
    """
    if engine.address is None and not cluster.connected():
        return False
    ready(engine)  # the cluster asked for: attached now rather than at the first batch
    return cluster.cpus() > cluster.usable_cores()


def engine_matching(size: Size, *, address: str | None = None) -> MatchRun:
    """How a match search (the leakage check) of an input of ``size`` (its train and
    validation records together) runs: here, or on the engine with dedup's thresholds."""
    return matching_on(choose("dedup", size, address=address))


def matching_on(engine: Engine) -> MatchRun:
    """:func:`engine_matching` once the engine is chosen: on Ray, the embedding batches on
    the actors :func:`encode_on` uses, the query blocks on actors holding the index."""
    if not engine.ray:
        return MatchRun()
    return MatchRun(partial(encode_on, engine), partial(search_on, engine), ON_RAY)


def search_on(
    engine: Engine,
    index: Any,
    queries: np.ndarray,
    radius: float,
    indexed: np.ndarray | None,
    report: Tick | None,
) -> Hits:
    """:func:`~curation.dedup.search.range_pairs` (not a self search) over blocks of
    ``queries``, each block on an actor of ``engine``; the hits are those this process finds.

    The index is built once, here, and sent serialised: every actor searches the same
    trained index (an IVF trained again in each would cost its training once per actor);
    ``indexed``, the reference vectors, goes along for an approximate index's re-scoring.
    """
    import faiss

    n = len(queries)
    starts = list(range(0, n, QUERY_BLOCK))
    if not starts:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
    engine = ready(engine)
    blob = faiss.serialize_index(index)
    blocks = ((start, queries[start : start + QUERY_BLOCK]) for start in starts)
    workers = min(len(starts), cluster.cpus()) if engine.ray else None
    results = actor_map(
        partial(held_index, blob, indexed),
        partial(search_block, radius),
        blocks,
        engine=engine,
        workers=workers,
    )
    qs, rs, ds = [], [], []
    for start, (rows, ids, sims) in zip(starts, results, strict=True):
        qs.append(rows + start)
        rs.append(ids)
        ds.append(sims)
        if report:
            report(min(start + QUERY_BLOCK, n), n)
    return np.concatenate(qs), np.concatenate(rs), np.concatenate(ds)


def held_index(blob: np.ndarray, indexed: np.ndarray | None) -> tuple[Any, np.ndarray | None]:
    """An actor's state: the index, deserialised once, and the vectors it holds."""
    import faiss

    return faiss.deserialize_index(blob), indexed


def search_block(
    radius: float, state: tuple[Any, np.ndarray | None], block: tuple[int, np.ndarray]
) -> Hits:
    """One block of queries against the actor's index (rows counted from the block's start)."""
    index, indexed = state
    return range_pairs(index, block[1], radius, self_search=False, indexed=indexed)


def encode_on(
    engine: Engine, encoder: Encoder, batches: Iterable[list[str]]
) -> Iterator[np.ndarray]:
    """Each batch encoded by an actor of ``engine`` holding the model, results in order.

    A built-in encoder is sent by name and loaded in each actor (never in this process);
    any other (a test's, a caller's own) is sent as it is.
    """
    if encoder.name in KEPT_HERE:
        return encode_here(encoder, batches)
    spec: str | Encoder = encoder.name if isinstance(encoder, NamedEncoder) else encoder
    return actor_map(partial(worker_encoder, spec), encode_batch, batches, engine=engine)


def worker_encoder(spec: str | Encoder) -> Encoder:
    """The encoder an actor holds: loaded once, its threads the actor's CPUs (Ray sets
    ``OMP_NUM_THREADS`` to them), not every core of the node."""
    if not isinstance(spec, str):
        return spec
    encoder = get_encoder(spec)
    threads = os.environ.get("OMP_NUM_THREADS", "")  # unset here when Ray could not start
    if spec == "minilm" and threads.isdigit() and int(threads) > 0:
        import torch

        torch.set_num_threads(int(threads))
    return encoder


def encode_batch(encoder: Encoder, batch: list[str]) -> np.ndarray:
    return encoder.encode(batch)
