"""Where a stage's parallel work runs: the one place that decides.

:func:`choose` answers for one stage and one input; :func:`current` for code that is
handed no decision (it uses Ray only when this process is connected already).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from curation.engine import cluster
from curation.engine.settings import ADDRESS_ENV, MODE_ENV, MODES, THRESHOLDS, Threshold
from curation.errors import InputError


@dataclass(frozen=True, slots=True)
class Engine:
    """Where work runs: in this process, or on Ray (``address`` None: a local instance,
    unless this process is connected already)."""

    ray: bool
    address: str | None = None
    reason: str = ""


IN_PROCESS = Engine(False, reason="in this process")


@dataclass(frozen=True, slots=True)
class Size:
    """What is known of an input before the work starts (None: not known)."""

    records: int | None = None
    bytes: int | None = None

    def reaches(self, threshold: Threshold) -> bool:
        return (
            threshold.records is not None
            and self.records is not None
            and self.records >= threshold.records
        ) or (
            threshold.bytes is not None and self.bytes is not None and self.bytes >= threshold.bytes
        )


def mode() -> str:
    value = os.environ.get(MODE_ENV, "auto").strip().lower() or "auto"
    if value not in MODES:
        raise InputError(f"{MODE_ENV}={value!r}: use one of {', '.join(MODES)}")
    return value


def configured_address(address: str | None = None) -> str | None:
    """The cluster to attach to: ``address`` (``--ray-address``), else ``CURATION_RAY_ADDRESS``."""
    return (address or os.environ.get(ADDRESS_ENV, "")).strip() or None


def choose(stage: str, size: Size, *, address: str | None = None, force: bool = False) -> Engine:
    """In this process, or on Ray, for ``stage`` (a key of
    :data:`~curation.engine.settings.THRESHOLDS`) and an input of ``size``.

    Ray when the input reaches the stage's threshold: the high one when a local instance
    would have to start, the low one when an address is configured or this process is
    connected; ``force`` (the caller asked for parallel work) whatever the size. Never a
    new connection outside the main thread (see :mod:`~curation.engine.cluster`), nor a
    local instance on a single core. ``CURATION_ENGINE=local|ray`` overrides the size
    (ray: tests and benchmarks)."""
    how = mode()
    if how == "local":
        return Engine(False, reason=f"{MODE_ENV}=local")
    have = cluster.connected()
    where = configured_address(address)
    if not have and not cluster.is_main_thread():
        return Engine(False, reason="Ray is started only from a main thread")
    if how == "ray" or (force and (have or where or cluster.usable_cores() > 1)):
        return Engine(True, where, f"{MODE_ENV}=ray" if how == "ray" else "asked for")
    start, attached = THRESHOLDS[stage]
    threshold = attached if have or where else start
    if not size.reaches(threshold):
        return Engine(False, reason=f"{_describe(size)}: below {_describe_threshold(threshold)}")
    if not have and not where and cluster.usable_cores() < 2:
        return Engine(False, reason="one usable core")
    return Engine(True, where, f"{_describe(size)}: at or above {_describe_threshold(threshold)}")


def choose_for_shards(stage: str, size: Size, shards: int, *, force: bool = False) -> Engine:
    """:func:`choose` for a corpus of ``shards`` files: a cluster given (``--ray-address``,
    ``CURATION_RAY_ADDRESS``) takes a corpus of several shards whatever its size, as the
    user asked for it."""
    return choose(stage, size, force=force or (shards > 1 and configured_address() is not None))


def current() -> Engine:
    """Ray when this process is connected already (and not ``CURATION_ENGINE=local``)."""
    if mode() != "local" and cluster.connected():
        return Engine(True, reason="connected")
    return IN_PROCESS


def _figures(records: int | None, size_bytes: int | None, joiner: str) -> str:
    parts = [
        f"{n:,} {unit}"
        for n, unit in ((records, "records"), (size_bytes, "bytes"))
        if n is not None
    ]
    return joiner.join(parts)


def _describe(size: Size) -> str:
    return _figures(size.records, size.bytes, ", ") or "size unknown"


def _describe_threshold(threshold: Threshold) -> str:
    return _figures(threshold.records, threshold.bytes, " or ")
