"""Ordered maps in this process or on Ray: stateless tasks, and actors holding a state.

Both keep a bounded window of calls out (``ahead`` per worker) and hand results back in
input order, so memory stays flat and the caller writes as it reads. A failure in the
mapped function is raised here as itself (the caller's one-line errors stay one line); a
worker that dies — killed, out of memory, its node lost — raises
:class:`WorkerLostError`. Ray does not retry: the functions mapped here are
deterministic, so a retry would fail again, later. The outstanding calls are cancelled
and the actors stopped when the map ends, fails or is closed early.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Generator, Iterable
from functools import cache
from typing import Any, TypeVar

from curation.engine import cluster
from curation.engine.choice import IN_PROCESS, Engine, current
from curation.engine.settings import MAX_WORKERS
from curation.errors import CurationError

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

AHEAD = 2  # calls out per worker: one running, one waiting, while this process writes


class WorkerLostError(CurationError):
    """A worker process or node stopped in the middle of a map."""


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    engine: Engine | None = None,
    ahead: int = AHEAD,
) -> Generator[R, None, None]:
    """``fn`` over ``items``, results in input order: in this process, or as Ray tasks.

    ``fn`` must be picklable (a top-level function, or a :func:`functools.partial` of
    one); it is sent once. ``engine`` None: :func:`~curation.engine.current`."""
    engine = _ready(engine)
    if not engine.ray:
        return _mapped(fn, items)
    return _tasks(fn, items, ahead)


def actor_map(
    make_state: Callable[[], S],
    fn: Callable[[S, T], R],
    items: Iterable[T],
    *,
    engine: Engine | None = None,
    workers: int | None = None,
    ahead: int = AHEAD,
) -> Generator[R, None, None]:
    """``fn(state, item)`` over ``items``, results in input order, with ``state =
    make_state()`` made once per worker (a model, an engine, a database session): once
    here, or once in each of ``workers`` Ray actors (default: the cluster's CPUs)."""
    engine = _ready(engine)
    if not engine.ray:
        return _in_process(make_state, fn, items)
    return _actors(make_state, fn, items, workers, ahead)


def ready(engine: Engine | None) -> Engine:
    """``engine`` connected (for a caller that sizes its map by the cluster's CPUs first)."""
    return _ready(engine)


def _ready(engine: Engine | None) -> Engine:
    """The engine, connected; a local instance that cannot start leaves the work here."""
    engine = engine or current()
    if engine.ray:
        try:
            cluster.connect(engine.address)
        except cluster.EngineUnavailableError:
            if engine.address is not None:
                raise  # the cluster asked for: say so rather than run alone
            return IN_PROCESS
    return engine


def _mapped(fn: Callable[[T], R], items: Iterable[T]) -> Generator[R, None, None]:
    for item in items:  # a generator, like the Ray path: it can be closed
        yield fn(item)


def _in_process(
    make_state: Callable[[], S], fn: Callable[[S, T], R], items: Iterable[T]
) -> Generator[R, None, None]:
    state = make_state()
    for item in items:
        yield fn(state, item)


# --------------------------------------------------------------------------- Ray


def _call(fn: Callable[[Any], Any], item: Any) -> Any:
    return fn(item)


class _Holder:
    """One actor: a state made once, then ``fn(state, item)`` per call."""

    def __init__(self, make_state: Callable[[], Any], fn: Callable[[Any, Any], Any]) -> None:
        self.state = make_state()
        self.fn = fn

    def apply(self, item: Any) -> Any:
        return self.fn(self.state, item)


@cache
def _remote_call() -> Any:
    import ray

    return ray.remote(max_retries=0)(_call)


@cache
def _remote_holder() -> Any:
    import ray

    return ray.remote(num_cpus=1, max_restarts=0, max_task_retries=0)(_Holder)


def _tasks(fn: Callable[[T], R], items: Iterable[T], ahead: int) -> Generator[R, None, None]:
    import ray

    remote = _remote_call()
    fn_ref = ray.put(fn)
    window = max(1, min(cluster.cpus(), MAX_WORKERS) * ahead)
    pending: deque[Any] = deque()
    try:
        for item in items:
            pending.append(remote.remote(fn_ref, item))
            if len(pending) >= window:
                yield _get(pending.popleft())
        while pending:
            yield _get(pending.popleft())
    finally:
        for ref in pending:
            ray.cancel(ref, force=True)


def _actors(
    make_state: Callable[[], S],
    fn: Callable[[S, T], R],
    items: Iterable[T],
    workers: int | None,
    ahead: int,
) -> Generator[R, None, None]:
    import ray

    n = max(1, workers or min(cluster.cpus(), MAX_WORKERS))
    holder = _remote_holder()
    actors = [holder.remote(make_state, fn) for _ in range(n)]
    out = [0] * n  # calls out per actor
    pending: deque[tuple[int, Any]] = deque()
    try:
        for item in items:
            i = min(range(n), key=out.__getitem__)  # the least busy actor
            pending.append((i, actors[i].apply.remote(item)))
            out[i] += 1
            if len(pending) >= n * ahead:
                j, ref = pending.popleft()
                out[j] -= 1
                yield _get(ref)
        while pending:
            j, ref = pending.popleft()
            out[j] -= 1
            yield _get(ref)
    finally:
        for actor in actors:
            ray.kill(actor)


def _get(ref: Any) -> Any:
    """The call's result; its own exception if the function raised; WorkerLostError if the
    worker died."""
    import ray
    from ray import exceptions as rex

    try:
        return ray.get(ref)
    except rex.RayTaskError as err:
        cause = err.cause
        if isinstance(cause, Exception) and not isinstance(cause, rex.RayError):
            if not isinstance(cause, CurationError):
                cause.add_note(f"in a Ray worker: {err}")
            raise cause from None
        raise WorkerLostError(_lost(err)) from None
    except rex.RayError as err:
        raise WorkerLostError(_lost(err)) from None


def _lost(err: BaseException) -> str:
    text = str(err)
    if "__init__" in text or "constructor" in text:  # the actor's make_state failed
        last = [line for line in text.strip().splitlines() if line.strip()][-1:]
        return f"a worker could not start: {last[0].strip() if last else type(err).__name__}"
    return f"a worker process stopped unexpectedly ({type(err).__name__}); nothing was written"
