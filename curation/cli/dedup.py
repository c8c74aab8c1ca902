"""`curation dedup` and `curation leakage`: thin commands over :mod:`curation.dedup`."""

from __future__ import annotations

import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from curation import exitcodes
from curation.cli.common import (
    actor,
    background_option,
    echo_json,
    open_workspace,
    progress_bar,
    stage_options,
    workspace_options,
)
from curation.errors import InputError

if TYPE_CHECKING:
    from curation.dedup import RunSummary, Settings

EMBEDDER_CHOICE = click.Choice(["cascade", "minilm", "static", "openai"])
RULE_CHOICE = click.Choice(["earliest", "longest", "best-scored"])


def _quiet(quiet: bool) -> bool:
    """No bar when asked, or when stderr is not a terminal (a log, a pipe)."""
    return quiet or not sys.stderr.isatty()


@dataclass(frozen=True, slots=True)
class DedupOptions:
    """The options of ``curation dedup``, as click passes them."""

    input_file: Path | None
    output: Path | None
    clusters_path: Path | None
    dataset: str | None
    embedder: str
    threshold: float | None
    floor: float | None
    rule: str
    include_system: bool
    lsh: bool
    fmt: str | None
    review: bool
    run_id: int | None
    as_json: bool
    quiet: bool
    background: bool
    workspace: Path | None
    db: str | None

    def settings(self) -> Settings:
        from curation.dedup import Settings

        return Settings(
            self.embedder, self.threshold, self.floor, self.rule, self.include_system, lsh=self.lsh
        )


@click.command("dedup")
@click.argument("input_file", metavar="[IN]", required=False, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File mode: write IN minus its duplicates here (same format and order); for a folder "
    "or glob of shards, an output folder (one shard each, and manifest.json).",
)
@click.option(
    "--clusters",
    "clusters_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File mode: one JSON object per cluster of two or more.",
)
@click.option("--dataset", "-d", help="Workspace mode: deduplicate this dataset.")
@click.option(
    "--embedder",
    "-e",
    type=EMBEDDER_CHOICE,
    default="cascade",
    show_default=True,
    help="cascade = static candidates, MiniLM checks the uncertain ones.",
)
@click.option(
    "--threshold",
    "-t",
    type=float,
    help="Similarity at which records are duplicates (default per embedder).",
)
@click.option(
    "--floor",
    type=float,
    help="Keep pairs down to this similarity for re-thresholding (default threshold − 0.1).",
)
@click.option(
    "--rule",
    type=RULE_CHOICE,
    default="earliest",
    show_default=True,
    help="Which member of a cluster is kept.",
)
@click.option(
    "--include-system", is_flag=True, help="Compare system prompts too (left out by default)."
)
@click.option(
    "--lsh/--no-lsh",
    default=True,
    show_default=True,
    help="Also take candidates from MinHash/LSH on character shingles (finds typo variants).",
)
@click.option("--format", "-f", "fmt", help="File mode: input format; detected if omitted.")
@click.option(
    "--review",
    is_flag=True,
    help="Workspace mode: store the clusters but mark nothing (decide on the page).",
)
@click.option(
    "--run",
    "run_id",
    type=int,
    help="Workspace mode: re-threshold this run from its stored pairs (no re-embedding).",
)
@stage_options()
def dedup_cmd(**options: Any) -> None:
    """Remove exact and near-duplicate conversations.

    \b
    File mode:      curation dedup IN -o KEPT [--clusters CLUSTERS.jsonl]
    Workspace mode: curation dedup --dataset NAME   (marks duplicates; --review to only store)
    Re-threshold:   curation dedup --run ID --threshold T
    """
    opts = DedupOptions(**options)
    if opts.background:
        _submit_dedup(opts)
    elif opts.run_id is not None:
        _rethreshold(opts, opts.run_id)
    elif opts.dataset is not None:
        _dedup_dataset(opts, opts.dataset)
    else:
        _dedup_file(opts)


def _submit_dedup(opts: DedupOptions) -> None:
    if opts.dataset is None and opts.run_id is None:
        _submit_dedup_shards(opts)
        return
    if opts.run_id is not None and opts.threshold is None:
        raise InputError("--run needs --threshold: the new threshold for that run")
    if opts.dataset is not None:
        _refuse_file_options(opts)
    from curation.cli.jobs import submit_background
    from curation.dedup.runs import job_params

    params = job_params(
        opts.settings(), dataset=opts.dataset, run_id=opts.run_id, review=opts.review
    )
    submit_background(
        open_workspace(opts.workspace, opts.db), "dedup", params, opts.dataset, opts.as_json
    )


def _submit_dedup_shards(opts: DedupOptions) -> None:
    from curation.cli.jobs import submit_background
    from curation.fileio.shards import is_sharded
    from curation.jobs.shards import check_present, dedup_params

    if opts.input_file is not None:
        check_present(opts.input_file)
    if opts.input_file is None or opts.output is None or not is_sharded(opts.input_file):
        raise InputError(
            "--background works in workspace mode (--dataset NAME or --run ID) or on a folder"
            " or glob of shards (IN -o OUT_FOLDER)"
        )
    params = dedup_params(
        opts.input_file, opts.output, opts.settings(), opts.fmt, opts.clusters_path
    )
    ws = open_workspace(opts.workspace, opts.db)
    submit_background(ws, "dedup-shards", params, None, opts.as_json)


def _refuse_file_options(opts: DedupOptions) -> None:
    """Workspace mode (``--dataset``) with file mode's options: an error, never options dropped."""
    if opts.input_file is not None or opts.output is not None or opts.clusters_path is not None:
        raise InputError(
            "use either IN -o KEPT [--clusters FILE] (file mode) or --dataset NAME, not both;"
            " in workspace mode the clusters are reviewed on the Deduplicate page"
        )


def _rethreshold(opts: DedupOptions, run_id: int) -> None:
    from curation.dedup import rethreshold

    if opts.threshold is None:
        raise InputError("--run needs --threshold: the new threshold for that run")
    ws = open_workspace(opts.workspace, opts.db)
    summary = rethreshold(ws, run_id, opts.threshold, actor=actor(), apply=not opts.review)
    _print_run(summary, opts.as_json)


def _dedup_dataset(opts: DedupOptions, dataset: str) -> None:
    from curation.dedup import run_dedup

    _refuse_file_options(opts)
    ws = open_workspace(opts.workspace, opts.db)
    with progress_bar("Deduplicating", _quiet(opts.quiet or opts.as_json)) as progress:
        summary = run_dedup(
            ws, dataset, opts.settings(), actor=actor(), apply=not opts.review, progress=progress
        )
    _print_run(summary, opts.as_json)


def _dedup_file(opts: DedupOptions) -> None:
    from curation.dedup import DedupFileOptions, dedup_file
    from curation.fileio.shards import is_sharded

    input_file, output, as_json = opts.input_file, opts.output, opts.as_json
    if input_file is None or output is None:
        raise click.UsageError("give IN and -o KEPT (file mode), or --dataset NAME")
    settings = opts.settings()
    if is_sharded(input_file):
        _dedup_shards(opts, input_file, output, settings)
        return
    options = DedupFileOptions(settings, opts.fmt, opts.clusters_path)
    with progress_bar("Deduplicating", _quiet(opts.quiet or as_json)) as progress:
        result = dedup_file(input_file, output, options, progress=progress)
    if as_json:
        echo_json(result.as_dict())
        sys.exit(result.exit_code)
    name = input_file.name
    _echo_some([f"{name} {e}: copied to the output as it was" for e in result.errors], "unreadable")
    _echo_some([str(n) for n in result.notes], "note")
    colour = {exitcodes.OK: "green", exitcodes.PARTIAL: "yellow"}.get(result.exit_code, "red")
    click.secho(result.summary(), fg=colour)
    sys.exit(result.exit_code)


def _dedup_shards(opts: DedupOptions, source: Path, output: Path, settings: Settings) -> None:
    from curation.dedup.shards import dedup_shards, manifest_options
    from curation.fileio.shards import resolve_shards

    command_options = manifest_options(settings, opts.fmt)
    with progress_bar("Deduplicating", _quiet(opts.quiet or opts.as_json)) as progress:
        result = dedup_shards(
            resolve_shards(source),
            output,
            settings,
            fmt=opts.fmt,
            clusters_path=opts.clusters_path,
            command_options=command_options,
            progress=progress,
        )
    if opts.as_json:
        echo_json(result.as_dict())
        sys.exit(result.exit_code)
    _echo_some([f"{e}: copied to the output as it was" for e in result.error_lines()], "unreadable")
    _echo_some([str(n) for n in result.notes()], "note")
    colour = {exitcodes.OK: "green", exitcodes.PARTIAL: "yellow"}.get(result.exit_code, "red")
    click.secho(result.summary(), fg=colour)
    sys.exit(result.exit_code)


SHOWN_LINES = 20


def _echo_some(lines: list[str], label: str) -> None:
    """The first :data:`SHOWN_LINES` messages on stderr, then how many more there are."""
    for line in lines[:SHOWN_LINES]:
        click.echo(f"{label}: {line}", err=True)
    if len(lines) > SHOWN_LINES:
        click.echo(
            f"{label}: … and {len(lines) - SHOWN_LINES:,} more (--json lists them)", err=True
        )


def _print_run(summary: RunSummary, as_json: bool) -> None:
    if as_json:
        echo_json(summary.as_dict())
        return
    _echo_some([str(n) for n in summary.notes], "note")
    click.secho(summary.summary(), fg="green")
    if summary.incomplete:
        click.echo(
            f"For a complete result: curation dedup --dataset {shlex.quote(summary.dataset)}"
            f" --threshold {summary.threshold}"
        )
    click.echo(
        "Review or undo on the Deduplicate page; re-threshold without re-embedding:"
        f" curation dedup --run {summary.run_id} --threshold T"
    )


@dataclass(frozen=True, slots=True)
class LeakageOptions:
    """The options of ``curation leakage``, as click passes them."""

    train: Path | None
    valid: Path | None
    train_dataset: str | None
    valid_dataset: str | None
    embedder: str
    threshold: float | None
    include_system: bool
    fmt: str | None
    as_json: bool
    quiet: bool
    background: bool
    workspace: Path | None
    db: str | None


@click.command("leakage")
@click.argument("train", required=False, type=click.Path(path_type=Path))
@click.argument("valid", required=False, type=click.Path(path_type=Path))
@click.option("--train-dataset", help="Workspace dataset to use as train (instead of TRAIN).")
@click.option("--valid-dataset", help="Workspace dataset to use as validation (instead of VALID).")
@click.option("--embedder", "-e", type=EMBEDDER_CHOICE, default="cascade", show_default=True)
@click.option("--threshold", "-t", type=float, help="Default per embedder, as for dedup.")
@click.option("--include-system", is_flag=True)
@click.option("--format", "-f", "fmt", help="Format of the files; detected if omitted.")
@click.option("--json", "as_json", is_flag=True, help="Print every leak as JSON.")
@click.option("--quiet", "-q", is_flag=True)
@background_option
@workspace_options
def leakage_cmd(**options: Any) -> None:
    """Validation records that have a near-duplicate in train. Exit 0: none; 2: leaks found.

    \b
    curation leakage TRAIN.jsonl VALID.jsonl
    curation leakage --train-dataset A --valid-dataset B
    """
    opts = LeakageOptions(**options)
    from curation.dedup import Settings, dataset_leakage, file_leakage

    settings = Settings(opts.embedder, opts.threshold, None, "earliest", opts.include_system)
    if opts.background:
        _submit_leakage(opts, settings)
        return
    rows: list[dict[str, object]]
    unreadable: list[str] = []
    train, valid, as_json = opts.train, opts.valid, opts.as_json
    with progress_bar("Comparing", _quiet(opts.quiet or as_json)) as progress:
        if opts.train_dataset or opts.valid_dataset:
            if not (opts.train_dataset and opts.valid_dataset):
                raise InputError("give both --train-dataset and --valid-dataset")
            leaks = dataset_leakage(
                open_workspace(opts.workspace, opts.db),
                opts.train_dataset,
                opts.valid_dataset,
                settings,
                progress=progress,
            )
            rows = [x.as_dict() for x in leaks]
            checked = None
        else:
            if train is None or valid is None:
                raise click.UsageError(
                    "give TRAIN and VALID files, or --train-dataset and --valid-dataset"
                )
            file_leaks, t, v = file_leakage(
                train, valid, format=opts.fmt, settings=settings, progress=progress
            )
            rows = [x.as_dict() for x in file_leaks]
            checked = len(v.items)
            unreadable = [f"{e}: not checked" for e in [*t.error_lines(), *v.error_lines()]]
    if as_json:
        echo_json(
            {
                "leaks": rows,
                "count": len(rows),
                "threshold": settings.resolved().threshold,
                "unreadable": unreadable,
            }
        )
        sys.exit(exitcodes.PARTIAL if rows else exitcodes.OK)
    _echo_some(unreadable, "unreadable")
    for row in rows[:200]:
        click.echo("  " + ", ".join(f"{k} {v}" for k, v in row.items() if v is not None))
    if len(rows) > 200:
        click.echo(f"  … and {len(rows) - 200:,} more (use --json for all)")
    what = f" of {checked:,}" if checked is not None else ""
    colour = "yellow" if rows else "green"
    click.secho(f"{len(rows):,}{what} validation records have a near-duplicate in train", fg=colour)
    sys.exit(exitcodes.PARTIAL if rows else exitcodes.OK)


def _submit_leakage(opts: LeakageOptions, settings: Settings) -> None:
    if not (opts.train_dataset and opts.valid_dataset):
        raise InputError(
            "--background works in workspace mode: give --train-dataset and --valid-dataset"
        )
    from curation.cli.jobs import submit_background
    from curation.dedup.runs import job_params

    params = job_params(settings, dataset=None)
    params |= {"train_dataset": opts.train_dataset, "valid_dataset": opts.valid_dataset}
    ws = open_workspace(opts.workspace, opts.db)
    submit_background(ws, "leakage", params, opts.valid_dataset, opts.as_json)
