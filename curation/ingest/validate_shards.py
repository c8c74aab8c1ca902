"""Validate a sharded corpus: each shard on its own (in parallel on the engine), one report.

Each shard is read and checked as :func:`curation.ingest.validate.validate_file` checks a
file (a Parquet shard's rows as its examples, ``line`` the row number); its issues name the
shard. The reports are merged into one: counts, token statistics and cost equal those of
one run over the shards concatenated.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from curation.errors import InputError
from curation.fileio.items import RawItem
from curation.fileio.shards import Shard, ShardSet
from curation.fileio.table import iter_parquet
from curation.ingest.report import ValidationReport
from curation.progress import Progress

STAGE = "validate"  # progress: shards checked of all shards


@dataclass(frozen=True, slots=True)
class ShardValidation:
    """One shard's figures, as ``curation validate --json`` lists them."""

    path: str
    examples: int
    valid_examples: int
    errors: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "examples": self.examples,
            "valid_examples": self.valid_examples,
            "errors": self.errors,
        }


@dataclass(frozen=True, slots=True)
class ValidateOptions:
    model: str = "gpt-4.1"
    price_per_million: float | None = None
    max_errors: int | None = None
    layout: str | None = None


def validate_shard(options: ValidateOptions, shard: Shard) -> ValidationReport:
    """One shard's report, its issues naming the shard (runs in a worker on the engine)."""
    from curation.ingest.validate import validate_file, validate_items

    if shard.kind == "parquet":
        report = validate_items(
            _parquet_rows(shard),
            options.model,
            options.price_per_million,
            options.max_errors,
            layout=options.layout,
        )
    else:
        report = validate_file(
            shard.path,
            options.model,
            options.price_per_million,
            options.max_errors,
            layout=options.layout,
        )
    report.errors = [replace(issue, file=shard.name) for issue in report.errors]
    return report


def _parquet_rows(shard: Shard) -> Iterator[RawItem]:
    """The shard's rows; an unreadable file is one line naming it, not a traceback."""
    import pyarrow as pa

    try:
        yield from iter_parquet(shard.path)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{shard.path}: cannot be read as Parquet ({exc})") from None


def validate_shards(
    shards: ShardSet,
    options: ValidateOptions | None = None,
    *,
    progress: Progress | None = None,
) -> tuple[ValidationReport, list[ShardValidation]]:
    """The merged report of every shard, and each shard's figures, in shard order.

    The shards run as tasks on the engine when :func:`curation.engine.choose` says so (a
    big corpus, or ``--ray-address``), else one after the other here."""
    from curation.engine import Size, choose_for_shards, ordered_map

    opts = options or ValidateOptions()
    engine = choose_for_shards("import", Size(bytes=shards.bytes), len(shards.shards))
    merged: ValidationReport | None = None
    figures: list[ShardValidation] = []
    for done, (shard, report) in enumerate(
        zip(
            shards.shards,
            ordered_map(partial(validate_shard, opts), shards.shards, engine=engine),
            strict=True,
        ),
        1,
    ):
        figures.append(
            ShardValidation(
                str(shard.path), report.examples, report.valid_examples, report.error_total
            )
        )
        if merged is None:
            merged = report
        else:
            merged.merge(report)
        if progress is not None:
            progress(STAGE, done, len(shards.shards))
    assert merged is not None  # a ShardSet holds at least one shard
    return merged, figures
