"""The engine's settings: where Ray is, whether to use it, and how big an input must be.

Thresholds, as measured on a two-core machine: starting a local Ray instance costs about
4 s (more on a loaded machine), and a stage spread over two cores saves at most half its
time, so a stage starts one only for inputs that take well over 8 s in this process.
Attached to a cluster already (an address given, or a connection open in this process)
the start-up is paid, and the lower thresholds are those of the worker pools Ray replaced.
"""

from __future__ import annotations

from dataclasses import dataclass

ADDRESS_ENV = "CURATION_RAY_ADDRESS"
# auto (the default): by size; local: never Ray; ray: Ray whatever the size (tests, benchmarks)
MODE_ENV = "CURATION_ENGINE"
MODES = ("auto", "local", "ray")


@dataclass(frozen=True, slots=True)
class Threshold:
    """An input at least this big (either figure) is worth the engine; None: not measured."""

    records: int | None = None
    bytes: int | None = None


# stage -> (to start a local instance, with a cluster already there)
THRESHOLDS: dict[str, tuple[Threshold, Threshold]] = {
    # import, validate: items of a JSONL file, or its size (about 2 KB a chat record)
    "import": (Threshold(100_000, 150_000_000), Threshold(5_000, 5_000_000)),
    # export: rows to build, check and count
    "export": (Threshold(100_000), Threshold(20_000)),
    # PII detection: texts to scan (a few hundred a second a core: far slower per item)
    "pii": (Threshold(12_000), Threshold(4_000)),
    # dedup: a file's size, or a dataset's records (about 2 KB each). A partition per 250k
    # records; below a few partitions one process is as fast, so a local instance starts
    # only for corpora of a million records or more
    "dedup": (Threshold(1_000_000, 2_000_000_000), Threshold(50_000, 100_000_000)),
}
# jobs the runner may start Ray for, and the stage whose thresholds apply
JOB_STAGES = {
    "import": "import",
    "export": "export",
    "pii-scan": "pii",
    "dedup": "dedup",
    "leakage": "dedup",  # embedding and search, as a dedup run
    "validate-shards": "import",
    "redact-shards": "pii",
    "dedup-shards": "dedup",
    "export-shards": "export",
}
MAX_WORKERS = 64  # per map on a cluster; a local instance has one per usable core
