"""`curation formats`: every layout with a one-line example, or what an import makes of FILES."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from curation.cli.common import (
    actor,
    echo_json,
    open_workspace,
    workspace_options,
)
from curation.errors import CurationError

COMPANIONS = (
    "Files that go with others:",
    "  LLaMA-Factory dataset_info.json (or its folder): curation import-llamafactory PATH",
    "  OpenAI Batch requests + results, joined by custom_id: curation import-batch IN OUT -d NAME",
    "  Hugging Face save_to_disk folder or Parquet with list-of-struct message columns:"
    " curation import PATH -d NAME",
)


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", help="Read FILES as this format instead of detecting it.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def formats(files: tuple[Path, ...], fmt: str | None, as_json: bool) -> None:
    """List the import formats, or report on FILES: the format detected, the rule that picked
    it and the runner-up, and every field the importer maps or keeps without using."""
    from curation.ingest.formats import FORMATS
    from curation.ingest.formats.overview import survey_file

    if not files:
        if as_json:
            echo_json(
                [
                    {"name": f.name, "label": f.label, "rule": f.rule, "example": f.example}
                    for f in FORMATS.values()
                ]
            )
            return
        for f in FORMATS.values():
            click.echo(f"{f.name:<24} {f.label}")
            click.echo(f"{'':<24} detected by: {f.rule}")
            click.echo(f"{'':<24} e.g. {f.example}")
        click.echo("")
        for line in COMPANIONS:
            click.echo(line)
        return
    status = 0
    reports = []
    for path in files:
        try:
            report = survey_file(path, fmt)
        except CurationError as exc:
            click.secho(f"Error: {with_flag_hint(exc)}", fg="red", err=True)
            status = 1
            continue
        reports.append(report.as_dict())
        if not as_json:
            for line in report.lines():
                click.echo(line)
    if as_json:
        echo_json(reports)
    sys.exit(status)


def with_flag_hint(exc: CurationError) -> str:
    """The library's message, with the option that answers it when there is one."""
    from curation.ingest.formats import UndetectedFormatError

    if isinstance(exc, UndetectedFormatError):
        return f"{exc}; pass --format NAME"
    return str(exc)


def echo_field_report(lines: list[str], header: str) -> None:
    """The importer's per-field notes (what was mapped, what is kept but not used)."""
    if lines:
        click.echo(header)
        for line in lines:
            click.echo(f"  {line}")


@click.command("import-batch")
@click.argument("requests", type=click.Path(path_type=Path))
@click.argument("results", type=click.Path(path_type=Path))
@click.option("--dataset", "-d", required=True, help="Dataset to import into (created if new).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@workspace_options
def import_batch(
    requests: Path,
    results: Path,
    dataset: str,
    as_json: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Import an OpenAI Batch: REQUESTS (input file) joined to RESULTS (output file) by
    custom_id; several results for one prompt become completions of one record."""
    from curation.ingest.sets import import_batch as run_import

    done = run_import(open_workspace(workspace, db), requests, results, dataset, actor=actor())
    if as_json:
        echo_json({**done.result.as_dict(), "unmatched_results": done.unmatched})
    else:
        click.echo(done.summary())
        echo_field_report(done.result.field_report(), "Fields mapped or kept without use:")
    sys.exit(done.exit_code)


@click.command("import-llamafactory")
@click.argument("info", type=click.Path(path_type=Path))
@click.option("--prefix", default="", help="Prefix for the dataset names (default: none).")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@workspace_options
def import_llamafactory(
    info: Path, prefix: str, as_json: bool, workspace: Path | None, db: str | None
) -> None:
    """Import the local files a LLaMA-Factory dataset_info.json (or a folder holding one)
    lists, each into a dataset named by its entry, with its columns and tags mapped."""
    from curation.ingest.sets import import_dataset_info

    done = import_dataset_info(open_workspace(workspace, db), info, actor=actor(), prefix=prefix)
    if as_json:
        echo_json(
            {"imported": [r.as_dict() for r in done.results], "not_imported": done.not_imported}
        )
    else:
        for result in done.results:
            click.echo(result.summary())
            echo_field_report(result.field_report(), "  fields mapped or kept without use:")
        for line in done.not_imported:
            click.echo(f"not imported: {line}")
    sys.exit(done.exit_code)
