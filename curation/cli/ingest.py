"""``curation import``, ``validate``, ``stats`` and ``datasets``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

import click

from curation import exitcodes
from curation.cli.common import (
    MAX_SHOWN_ERRORS,
    actor,
    echo_json,
    open_workspace,
    progress_bar,
    ray_address_option,
    workspace_options,
)
from curation.cli.formats import echo_field_report, with_flag_hint
from curation.errors import CurationError, StorageError

if TYPE_CHECKING:
    from curation.ingest.formats import LineError
    from curation.ingest.importer import ImportResult


class WorkspaceFlags(TypedDict):
    """What :func:`~curation.cli.common.workspace_options` adds to a command's parameters."""

    workspace: Path | None
    db: str | None


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dataset", "-d", required=True, help="Dataset to import into (created if new).")
@click.option("--format", "-f", "fmt", help="Format name; detected from the content if omitted.")
@click.option(
    "--columns", help="CSV/TSV/Parquet column mapping, e.g. prompt=question,response=answer."
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-line errors.")
@click.option(
    "--background", is_flag=True, help="Queue a job per file for a runner and print its id."
)
@workspace_options
def import_cmd(
    files: tuple[Path, ...],
    dataset: str,
    fmt: str | None,
    columns: str | None,
    as_json: bool,
    quiet: bool,
    background: bool,
    **where: Unpack[WorkspaceFlags],
) -> None:
    """Import FILES into a dataset. Exit 0: all lines imported; 2: some rejected; 1: none usable
    (an unreadable or empty file, a CSV with only its header, every line rejected)."""
    from curation.ingest.formats import ColumnMapping

    mapping = ColumnMapping.parse(columns) if columns else None
    ws = open_workspace(**where)
    if background:
        _import_background(ws, files, dataset, fmt, columns, as_json)
        return
    results: list[ImportResult] = []
    worst = 0
    for path in files:
        try:
            result = _import_one(ws, path, dataset, fmt, mapping, quiet or as_json)
        except StorageError:
            raise  # the next file would meet the same full disk or lost server
        except CurationError as exc:
            click.secho(f"Error: {with_flag_hint(exc)}", fg="red", err=True)
            worst = exitcodes.FAILED
            continue
        results.append(result)
        code = result.exit_code
        worst = exitcodes.FAILED if exitcodes.FAILED in (worst, code) else max(worst, code)
        if not as_json:
            _print_import(result, quiet)
    if as_json:
        echo_json([r.as_dict() for r in results])
    sys.exit(worst)


def _import_background(
    ws: Any,
    files: tuple[Path, ...],
    dataset: str,
    fmt: str | None,
    columns: str | None,
    as_json: bool,
) -> None:
    from curation.cli.jobs import submit_background

    for path in files:
        if not path.is_file():
            raise CurationError(f"{path}: no such file")
    for path in files:
        params = {
            "path": str(path.resolve()),
            "dataset": dataset,
            "format": fmt,
            "columns": columns,
        }
        submit_background(ws, "import", params, dataset, as_json)


def _import_one(
    ws: Any, path: Path, dataset: str, fmt: str | None, mapping: Any, quiet: bool
) -> ImportResult:
    from curation.ingest.importer import import_file

    with progress_bar(path.name, quiet or not sys.stderr.isatty()) as progress:
        return import_file(
            ws, path, dataset, format=fmt, mapping=mapping, actor=actor(), progress=progress
        )


def _with_columns_hint(error: LineError) -> str:
    """A rejected line as printed, with the option that maps the prompt when none is."""
    from curation.ingest.formats.table import NO_PROMPT_COLUMN

    if error.reason == NO_PROMPT_COLUMN:  # the library's words name no flag; the CLI's do
        return str(error).replace("; map one", "; pass --columns prompt=NAME")
    return str(error)


def _print_import(result: ImportResult, quiet: bool) -> None:
    if result.errors and not quiet:
        click.echo(f"Rejected lines in {result.path}:", err=True)
        for error in result.errors[:MAX_SHOWN_ERRORS]:
            click.echo(f"  {_with_columns_hint(error)}", err=True)
        if result.rejected > MAX_SHOWN_ERRORS:
            click.echo(
                f"  … and {result.rejected - MAX_SHOWN_ERRORS:,} more (use --json for all)",
                err=True,
            )
    colour = {exitcodes.OK: "green", exitcodes.PARTIAL: "yellow"}.get(result.exit_code, "red")
    click.secho(result.summary(), fg=colour)
    echo_field_report(result.field_report(), "Fields mapped or kept without use:")
    if result.note:
        click.echo(f"note: {result.note}")


# --------------------------------------------------------------------------- validate


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--model", default="gpt-4.1", show_default=True, help="Target model (ft: names work)."
)
@click.option("--price-per-million", type=float, help="Training price in USD per million tokens.")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option(
    "--background",
    is_flag=True,
    help="For a folder or glob of shards: queue a job for a runner (in the workspace), print its id.",
)
@ray_address_option
@workspace_options
def validate(
    file: Path,
    model: str,
    price_per_million: float | None,
    as_json: bool,
    background: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Check every line of an OpenAI fine-tuning JSONL FILE.

    FILE may also be a folder or a quoted glob of JSONL/Parquet shards ('data/part-*.jsonl'):
    each shard is checked (in parallel on a Ray cluster), the reports are merged and each
    error names its shard and line.

    Exit 0: every line is valid; 2: some lines have errors; 1: no valid line (an unreadable or
    empty file, every line wrong)."""
    from curation.fileio.shards import is_sharded, resolve_shards
    from curation.ingest.validate import validate_file
    from curation.ingest.validate_shards import ValidateOptions, validate_shards

    if background:
        from curation.cli.jobs import submit_background
        from curation.jobs.shards import validate_params

        params = validate_params(file, model, price_per_million)
        submit_background(open_workspace(workspace, db), "validate-shards", params, None, as_json)
        return
    shard_figures: list[dict[str, Any]] | None = None
    with progress_bar(file.name, as_json or not sys.stderr.isatty()) as progress:
        if is_sharded(file):
            report, figures = validate_shards(
                resolve_shards(file),
                ValidateOptions(model=model, price_per_million=price_per_million),
                progress=progress,
            )
            shard_figures = [f.as_dict() for f in figures]
        else:
            report = validate_file(
                file, model=model, price_per_million=price_per_million, progress=progress
            )
    fields = _import_view(file) if shard_figures is None else []
    if as_json:
        extra = {} if shard_figures is None else {"shards": shard_figures}
        echo_json({**report.as_dict(), "import_view": fields, **extra})
    else:
        if shard_figures is not None:
            click.echo(f"{len(shard_figures)} shards of {file}")
        click.echo(report.render_text())
        echo_field_report(fields, "As an import would read it:")
    if report.examples == 0:
        click.secho(f"Error: {file}: has no lines to check (it is empty)", fg="red", err=True)
    sys.exit(report.exit_code)


def _import_view(file: Path) -> list[str]:
    """The import's report on a file (format, rule, fields); empty when it cannot say."""
    from curation.ingest.formats.overview import survey_file

    try:
        return survey_file(file).lines()
    except CurationError:
        return []


# --------------------------------------------------------------------------- stats & datasets


@click.command()
@click.option("--dataset", "-d", required=True)
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def stats(dataset: str, as_json: bool, workspace: Path | None, db: str | None) -> None:
    """Counts for a dataset: records, completions, pairs, messages, tokens."""
    from curation.stats import dataset_stats

    ws = open_workspace(workspace, db)
    with ws.read() as session:
        result = dataset_stats(session, dataset)
    if as_json:
        echo_json(result.as_dict())
        return
    click.echo(f"Dataset {result.dataset}")
    counts = {
        "records": result.records,
        "completions": result.completions,
        "pairs": result.pairs,
        "messages": result.messages,
        "tokens": result.tokens,
    }
    for key, n in counts.items():
        click.echo(f"  {key:<12} {n:>12,}")
    for status, n in sorted(result.by_status.items()):
        click.echo(f"  status {status:<10} {n:>8,}")
    for fmt, n in sorted(result.formats.items()):
        click.echo(f"  format {fmt:<18} {n:>8,}")
    kto = result.labels
    if kto.desirable or kto.undesirable:
        click.echo(f"  KTO labels   {kto.desirable:,} desirable, {kto.undesirable:,} undesirable")


@click.command()
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def datasets(as_json: bool, workspace: Path | None, db: str | None) -> None:
    """List the datasets in the workspace."""
    from curation.stats import dataset_stats
    from curation.store.queries import dataset_names

    ws = open_workspace(workspace, db)
    with ws.read() as session:
        rows = [dataset_stats(session, name).counts for name in dataset_names(session)]
    if as_json:
        echo_json([r.as_dict() for r in rows])
        return
    if not rows:
        click.echo("No datasets yet. Import one: curation import FILE --dataset NAME")
    for r in rows:
        click.echo(
            f"{r.dataset:<30} {r.records:>9,} records {r.pairs:>9,} pairs {r.tokens:>12,} tokens"
        )


# --------------------------------------------------------------------------- campaigns & labels
