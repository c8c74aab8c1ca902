"""`curation formats`: every layout with a one-line example, or what an import makes of FILES."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from curation.cli import cli, echo_json
from curation.errors import CurationError


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", help="Read FILES as this format instead of detecting it.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def formats(files: tuple[Path, ...], fmt: str | None, as_json: bool) -> None:
    """List the import formats, or report on FILES: the format detected, the rule that picked
    it and the runner-up, and every field the importer maps or keeps without using."""
    from curation.formats import FORMATS
    from curation.formats.overview import survey_file

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
        return
    status = 0
    reports = []
    for path in files:
        try:
            report = survey_file(path, fmt)
        except CurationError as exc:
            click.secho(f"Error: {exc}", fg="red", err=True)
            status = 1
            continue
        reports.append(report.as_dict())
        if not as_json:
            for line in report.lines():
                click.echo(line)
    if as_json:
        echo_json(reports)
    sys.exit(status)


def echo_field_report(lines: list[str], header: str) -> None:
    """The importer's per-field notes (what was mapped, what is kept but not used)."""
    if lines:
        click.echo(header)
        for line in lines:
            click.echo(f"  {line}")
