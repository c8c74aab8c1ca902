"""One progress protocol for every long stage: ``progress(stage, done, total)``.

The library's stages grew their own callbacks (an import counts lines, dedup reports a
fraction per stage, a PII scan counts records, an export counts rows per stage); the
adapters here turn one :data:`Progress` into each, so a job, a CLI bar and a page all
consume the same three values. ``total`` is None when it is not known in advance.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int | None], None]

FRACTION_STEPS = 1000  # a stage that reports a fraction is shown as done/1000


def for_import(
    progress: Progress, total: int | None, stage: str = "import"
) -> Callable[[int], None]:
    """:func:`curation.ingest.importer.import_file`'s callback (lines read so far)."""

    def advance(done: int) -> None:
        progress(stage, done, total if total is None or total >= done else None)

    return advance


def for_fraction(progress: Progress) -> Callable[[str, float], None]:
    """Dedup's and leakage's callback: (stage, fraction of that stage done)."""

    def advance(stage: str, fraction: float) -> None:
        progress(stage, round(min(max(fraction, 0.0), 1.0) * FRACTION_STEPS), FRACTION_STEPS)

    return advance


def for_counts(progress: Progress, stage: str) -> Callable[[int, int], None]:
    """A PII scan's or apply's callback: (records done, records in all)."""

    def advance(done: int, total: int) -> None:
        progress(stage, done, total)

    return advance


def for_stages(progress: Progress) -> Callable[[str, int, int], None]:
    """An export's callback: (stage, done, total) with 0 for an unknown total."""

    def advance(stage: str, done: int, total: int) -> None:
        progress(stage, done, total or None)

    return advance
