"""`curation dedup` and `curation leakage`: thin commands over :mod:`curation.dedup`."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from curation import exitcodes
from curation.cli.common import (
    actor,
    echo_json,
    open_workspace,
    workspace_options,
)
from curation.errors import InputError

EMBEDDER_CHOICE = click.Choice(["cascade", "minilm", "static", "openai"])
RULE_CHOICE = click.Choice(["earliest", "longest", "best-scored"])


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[str, float], None] | None]:
    """A progress bar on a terminal's stderr, fed by the library's (stage, fraction) callback."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=1000, label="Deduplicating", file=sys.stderr) as bar:
        done = [0]

        def advance(stage: str, fraction: float) -> None:
            bar.label = stage
            step = int(fraction * 1000) - done[0]
            if step > 0:
                bar.update(step)
                done[0] += step

        yield advance


@click.command("dedup")
@click.argument("input_file", metavar="[IN]", required=False, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File mode: write IN minus its duplicates here (same format and order).",
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
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option(
    "--background", is_flag=True, help="Workspace mode: queue a job for a runner, print its id."
)
@workspace_options
def dedup_cmd(
    input_file: Path | None,
    output: Path | None,
    clusters_path: Path | None,
    dataset: str | None,
    embedder: str,
    threshold: float | None,
    floor: float | None,
    rule: str,
    include_system: bool,
    fmt: str | None,
    review: bool,
    run_id: int | None,
    as_json: bool,
    quiet: bool,
    background: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Remove exact and near-duplicate conversations.

    \b
    File mode:      curation dedup IN -o KEPT [--clusters CLUSTERS.jsonl]
    Workspace mode: curation dedup --dataset NAME   (marks duplicates; --review to only store)
    Re-threshold:   curation dedup --run ID --threshold T
    """
    from curation.dedup import DedupFileOptions, Settings, dedup_file, rethreshold, run_dedup

    if background:
        if dataset is None and run_id is None:
            raise InputError(
                "--background works in workspace mode: give --dataset NAME or --run ID"
            )
        if run_id is not None and threshold is None:
            raise InputError("--run needs --threshold: the new threshold for that run")
        from curation.cli.jobs import submit_background

        Settings(embedder, threshold, floor, rule, include_system).resolved()  # fail now, not later
        params = {
            "dataset": dataset,
            "run_id": run_id,
            "embedder": embedder,
            "threshold": threshold,
            "floor": floor,
            "rule": rule,
            "include_system": include_system,
            "review": review,
        }
        submit_background(open_workspace(workspace, db), "dedup", params, dataset, as_json)
        return
    if run_id is not None:
        if threshold is None:
            raise InputError("--run needs --threshold: the new threshold for that run")
        ws = open_workspace(workspace, db)
        summary = rethreshold(ws, run_id, threshold, actor=actor(), apply=not review)
        _print_run(summary, as_json)
        return
    if dataset is not None:
        if input_file is not None or output is not None or clusters_path is not None:
            raise InputError(
                "use either IN -o KEPT [--clusters FILE] (file mode) or --dataset NAME, not both;"
                " in workspace mode the clusters are reviewed on the Deduplicate page"
            )
        settings = Settings(embedder, threshold, floor, rule, include_system)
        ws = open_workspace(workspace, db)
        with _progress(quiet or as_json) as progress:
            summary = run_dedup(
                ws, dataset, settings, actor=actor(), apply=not review, progress=progress
            )
        _print_run(summary, as_json)
        return
    if input_file is None or output is None:
        raise click.UsageError("give IN and -o KEPT (file mode), or --dataset NAME")
    settings = Settings(embedder, threshold, floor, rule, include_system)
    with _progress(quiet or as_json) as progress:
        options = DedupFileOptions(settings, fmt, clusters_path)
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


SHOWN_LINES = 20


def _echo_some(lines: list[str], label: str) -> None:
    """The first :data:`SHOWN_LINES` messages on stderr, then how many more there are."""
    for line in lines[:SHOWN_LINES]:
        click.echo(f"{label}: {line}", err=True)
    if len(lines) > SHOWN_LINES:
        click.echo(
            f"{label}: … and {len(lines) - SHOWN_LINES:,} more (--json lists them)", err=True
        )


def _print_run(summary: object, as_json: bool) -> None:
    from curation.dedup import RunSummary

    assert isinstance(summary, RunSummary)
    if as_json:
        echo_json(summary.as_dict())
        return
    _echo_some(summary.notes(), "note")
    click.secho(summary.summary(), fg="green")
    click.echo(
        "Review or undo on the Deduplicate page; re-threshold without re-embedding:"
        f" curation dedup --run {summary.run_id} --threshold T"
    )


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
@workspace_options
def leakage_cmd(
    train: Path | None,
    valid: Path | None,
    train_dataset: str | None,
    valid_dataset: str | None,
    embedder: str,
    threshold: float | None,
    include_system: bool,
    fmt: str | None,
    as_json: bool,
    quiet: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Validation records that have a near-duplicate in train. Exit 0: none; 2: leaks found.

    \b
    curation leakage TRAIN.jsonl VALID.jsonl
    curation leakage --train-dataset A --valid-dataset B
    """
    from curation.dedup import Settings, dataset_leakage, file_leakage

    settings = Settings(embedder, threshold, None, "earliest", include_system)
    rows: list[dict[str, object]]
    unreadable: list[str] = []
    with _progress(quiet or as_json) as progress:
        if train_dataset or valid_dataset:
            if not (train_dataset and valid_dataset):
                raise InputError("give both --train-dataset and --valid-dataset")
            leaks = dataset_leakage(
                open_workspace(workspace, db),
                train_dataset,
                valid_dataset,
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
                train, valid, format=fmt, settings=settings, progress=progress
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
