"""`curation redact` and the `curation pii` group: status, log and scan here, the review
commands (findings, decisions, preview, rules, settings) in :mod:`curation.cli.pii_review`.

``curation redact`` works file to file or on a workspace dataset. Each command is a few
lines over :mod:`curation.pii`; library errors become one-line messages (see cli/__init__).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from curation import exitcodes
from curation.cli.common import (
    actor,
    echo_json,
    open_workspace,
    progress_bar,
    stage_options,
    workspace_options,
)
from curation.cli.pii_review import COMMANDS, OPERATOR_CHOICES
from curation.errors import InputError

if TYPE_CHECKING:  # the stage loads Presidio: only when a command runs
    from curation.pii.file_options import RedactChoices
    from curation.pii.files import FileRedactResult, RedactFileOptions
    from curation.pii.operators import OperatorSpec
    from curation.pii.settings import PiiSettings
    from curation.pii.status import PiiStatus

MAX_SHOWN = 50
FILE_ONLY = (
    ("output", "-o"),
    ("report", "--report"),
    ("fmt", "--format"),
    ("columns", "--columns"),
    ("rules_file", "--rules"),
)


def _quiet(quiet: bool) -> bool:
    """No bar when asked, or when stderr is not a terminal."""
    return quiet or not sys.stderr.isatty()


# --------------------------------------------------------------------------- redact


@dataclass(frozen=True, slots=True, kw_only=True)
class RedactOptions:
    """The options of ``curation redact`` (file mode and workspace mode)."""

    source: Path | None
    output: Path | None
    dataset: str | None
    operator: str | None
    realistic: bool
    scope: str | None
    entities: str | None
    threshold: float | None
    fmt: str | None
    columns: str | None
    report: Path | None
    report_values: bool
    rules_file: Path | None
    workers: int | None
    rescan: bool
    scan_only: bool
    accept_all: bool
    as_json: bool
    quiet: bool
    background: bool
    workspace: Path | None
    db: str | None

    def operator_spec(self, settings: PiiSettings, operator: str | None = None) -> OperatorSpec:
        """The operator: the workspace setting with this command's choices in place."""
        return settings.operator_with(
            operator or self.operator,
            realistic=True if self.realistic else None,
            scope=self.scope,
        )


@click.command("redact")
@click.argument("source", required=False, type=click.Path(path_type=Path))
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    help="File mode: where to write (same format as SOURCE; .gz is gzipped); for a folder or "
    "glob of shards, an output folder (one shard each, and manifest.json).",
)
@click.option("--dataset", "-d", help="Workspace mode: redact this dataset instead of a file.")
@click.option(
    "--operator",
    type=click.Choice([*OPERATOR_CHOICES, "drop"]),
    help="Replacement: placeholder (<PERSON>), pseudonym (keyed HMAC), mask, hash (salted), drop (workspace mode only). Default: the workspace setting.",
)
@click.option(
    "--realistic",
    is_flag=True,
    help="Pseudonyms look real (fake names, emails, numbers) instead of <PERSON_3f2a9c1d>.",
)
@click.option(
    "--scope",
    type=click.Choice(["dataset", "record"]),
    help="Pseudonyms are consistent across the dataset (default) or within one record.",
)
@click.option(
    "--entities",
    help="Comma-separated entities, e.g. PERSON,EMAIL_ADDRESS (default: the workspace setting).",
)
@click.option("--threshold", type=float, help="Minimum score of a finding (0-1).")
@click.option("--format", "-f", "fmt", help="File mode: input format; detected if omitted.")
@click.option(
    "--columns", help="File mode, CSV/TSV/Parquet: column mapping, e.g. prompt=q,response=a."
)
@click.option(
    "--report",
    type=click.Path(path_type=Path),
    help="File mode: write FINDINGS.jsonl, one line per replaced value and per rejected line "
    "(sharded input: a folder, one SHARD.findings.jsonl each).",
)
@click.option(
    "--report-values/--no-report-values",
    default=True,
    show_default=True,
    help="Include the original text of each value in the report (the report then holds PII: keep it private).",
)
@click.option(
    "--rules",
    "rules_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra allow/deny/pattern rules (JSON or YAML) on top of the workspace's, not stored.",
)
@click.option(
    "--workers", type=int, help="Detection processes (default: all cores for large inputs)."
)
@click.option(
    "--rescan",
    is_flag=True,
    help="Workspace mode: scan every record again (decisions taken are kept).",
)
@click.option("--scan-only", is_flag=True, help="Workspace mode: scan, do not apply.")
@click.option(
    "--accept-all",
    is_flag=True,
    help="Workspace mode: accept every unreviewed finding before applying (logged as yours).",
)
@stage_options(quiet_help="No progress bar and no per-line errors.")
def redact_cmd(**params: Any) -> None:
    """Replace personal data in a file (SOURCE -o OUT) or in a workspace dataset (--dataset).

    \b
    File mode: OUT has SOURCE's format, the same number of lines (JSONL) or items in the
    same order, and the same structure: same messages, roles and keys; only string values
    change (message text, text parts, tool-call arguments — still valid JSON — tool results,
    completions; a value confirmed in the text is also replaced in metadata and other
    fields). CSV/TSV keep their columns, Parquet its schema. A line the reader rejects is
    copied through unchanged and reported (never dropped): check those lines yourself.
    Every finding is applied; exit 0, or 2 when some lines were copied unchanged.

    \b
    Workspace mode: scans the records not scanned yet (all with --rescan), then writes
    redacted copies of every record whose findings are all reviewed (the originals are
    kept). Exit 0 when every record is clean or redacted, 2 when records still wait for
    review — export refuses those unless a lead overrides.

    \b
    Not covered: names in Chinese, Japanese, Korean or Thai script, and non-US national
    id numbers; on text the rules were not tuned on, 1–9 names in 100 and 1–4 addresses
    in 100 still leak (BENCHMARKS.md, rounds 9–12): review the findings (--report) of a
    new kind of data before trusting the output.
    """
    opts = RedactOptions(**params)
    if (opts.source is None) == (opts.dataset is None):
        raise click.UsageError(
            "give either SOURCE -o OUT (file mode) or --dataset NAME (workspace mode)"
        )
    if opts.source is not None:
        if opts.output is None:
            raise click.UsageError("file mode needs -o OUT")
        if opts.operator == "drop":
            raise click.UsageError("--operator drop removes records; file mode keeps every line")
        _redact_file(opts, opts.source, opts.output)
        return
    for field_name, flag in FILE_ONLY:
        if getattr(opts, field_name):
            raise click.UsageError(
                f"{flag} is for file mode; workspace mode uses the workspace's rules and settings"
            )
    assert opts.dataset is not None
    if opts.background:
        _submit_redact(opts, opts.dataset)
    else:
        _redact_dataset(opts, opts.dataset)


def _submit_redact(opts: RedactOptions, dataset: str) -> None:
    """One job doing what the foreground command does: scan, accept all if asked, apply."""
    from curation.cli.jobs import submit_background

    params: dict[str, Any] = {
        "dataset": dataset,
        "scan": {
            "entities": opts.entities,
            "threshold": opts.threshold,
            "only_unscanned": not opts.rescan,
            "workers": opts.workers,
        },
        "accept_all": opts.accept_all,
        "apply": not opts.scan_only,
        "operator": opts.operator,
        "realistic": True if opts.realistic else None,
        "scope": opts.scope,
    }
    ws = open_workspace(opts.workspace, opts.db)
    submit_background(ws, "pii-apply", params, dataset, opts.as_json)


def _note_unused_workspace(quiet: bool) -> None:
    """File mode no longer reads the default workspace (an older copy of the tool could not
    open one a newer copy had migrated); say so when one is there, as its rules go unused."""
    from curation.store.location import default_workspace_dir

    folder = default_workspace_dir()
    if not quiet and folder.is_dir() and any(folder.iterdir()):
        click.echo(
            f"note: default PII settings used; the rules and settings of the workspace at "
            f"{folder} are not applied (pass --workspace {folder} to use them)",
            err=True,
        )


def _choices(opts: RedactOptions) -> RedactChoices:
    """The file-mode choices, paths absolute (a background job runs elsewhere)."""
    from curation.pii.file_options import RedactChoices

    def absolute(path: Path | None) -> str | None:
        return None if path is None else str(path.expanduser().absolute())

    return RedactChoices(
        entities=opts.entities,
        threshold=opts.threshold,
        operator=opts.operator,
        realistic=opts.realistic,
        scope=opts.scope,
        format=opts.fmt,
        columns=opts.columns,
        report=absolute(opts.report),
        report_values=opts.report_values,
        rules_file=absolute(opts.rules_file),
        workers=opts.workers,
        workspace=opts.workspace is not None or opts.db is not None,
    )


def _file_options(opts: RedactOptions, choices: RedactChoices) -> RedactFileOptions:
    """Detection config, operator and keys: the workspace's when --workspace or --db is
    given, else the default settings and keys made for this run (no workspace touched)."""
    from curation.ingest.formats import ColumnMapping

    if choices.columns:
        ColumnMapping.parse(choices.columns)  # a bad mapping is named before anything starts
    if not choices.workspace:
        _note_unused_workspace(_quiet(opts.quiet))
        return choices.options(None)
    ws = open_workspace(opts.workspace, opts.db)
    try:
        return choices.options(ws)
    finally:
        ws.dispose()


def _redact_file(opts: RedactOptions, source: Path, output: Path) -> None:
    # Importing Presidio, spaCy and the rules makes a million long-lived objects: the cyclic
    # collector ran some 200 times over them while they loaded, freed nothing, and took a
    # tenth of a short file's run. It is off while they load; they are then kept out of
    # later collections (frozen) until the command ends.
    gc.disable()
    try:
        from curation.fileio.shards import is_sharded
        from curation.pii.files import redact_file
    finally:
        gc.freeze()
        gc.enable()
    try:
        _redact_file_with(opts, source, output, is_sharded(source), redact_file)
    finally:
        gc.unfreeze()


def _redact_file_with(
    opts: RedactOptions,
    source: Path,
    output: Path,
    sharded: bool,
    redact_file: Callable[..., FileRedactResult],
) -> None:
    if opts.background:
        from curation.jobs.shards import check_present

        check_present(source)
        if not sharded:
            raise InputError(
                "--background works in workspace mode (--dataset NAME) or on a folder or glob"
                " of shards (SOURCE -o OUT_FOLDER)"
            )
        _submit_redact_shards(opts, source, output)
        return
    if not sharded and not source.exists():
        raise InputError(f"{source}: no such file")
    options = _file_options(opts, _choices(opts))
    if sharded:
        _redact_shards(opts, source, output, options)
        return
    with progress_bar(f"Redacting {source.name}", _quiet(opts.quiet or opts.as_json)) as progress:
        result = redact_file(source, output, options, progress=progress)
    if opts.as_json:
        echo_json(result.as_dict())
    else:
        if result.rejected and not opts.quiet:
            _echo_rejected(str(source), result.rejected)
        click.secho(result.summary(), fg="yellow" if result.rejected else "green")
    sys.exit(result.exit_code)


def _submit_redact_shards(opts: RedactOptions, source: Path, output: Path) -> None:
    """A sharded redaction as a job: the runner makes the options as this command would."""
    from curation.cli.jobs import submit_background
    from curation.jobs.shards import redact_params

    choices = _choices(opts)
    options = _file_options(opts, choices)  # a bad option is named now, not in the runner
    if options.config is not None:
        options.config.check_entities_known()
    params = redact_params(source, output, choices)
    ws = open_workspace(opts.workspace, opts.db)
    submit_background(ws, "redact-shards", params, None, opts.as_json)


def _redact_shards(
    opts: RedactOptions, source: Path, output: Path, options: RedactFileOptions
) -> None:
    from curation.fileio.shards import resolve_shards
    from curation.pii.shards import redact_shards

    shards = resolve_shards(source)
    command_options = _choices(opts).manifest_options(options)
    with progress_bar(f"Redacting {source}", _quiet(opts.quiet or opts.as_json)) as progress:
        result = redact_shards(
            shards, output, options, command_options=command_options, progress=progress
        )
    if opts.as_json:
        echo_json(result.as_dict())
    else:
        if not opts.quiet:
            for shard, r in zip(shards.shards, result.results, strict=True):
                if r.rejected:
                    _echo_rejected(str(shard.path), r.rejected, f"{shard.name} ")
        colour = "green" if result.exit_code == exitcodes.OK else "yellow"
        click.secho(result.summary(), fg=colour)
    sys.exit(result.exit_code)


def _echo_rejected(where: str, rejected: list[Any], prefix: str = "") -> None:
    click.echo(f"Lines the reader rejected (copied unchanged) in {where}:", err=True)
    for error in rejected[:MAX_SHOWN]:
        click.echo(f"  {prefix}{error}", err=True)
    if len(rejected) > MAX_SHOWN:
        click.echo(f"  … and {len(rejected) - MAX_SHOWN:,} more (see --report)", err=True)


def _redact_dataset(opts: RedactOptions, dataset: str) -> None:
    from curation.pii.apply import apply_redaction
    from curation.pii.review import decide, pending_finding_ids
    from curation.pii.scan import ScanOptions, scan_dataset
    from curation.pii.settings import load_settings
    from curation.pii.status import pii_status

    ws = open_workspace(opts.workspace, opts.db)
    who = actor()
    scan_options = ScanOptions(
        entities=opts.entities,
        threshold=opts.threshold,
        only_unscanned=not opts.rescan,
        workers=opts.workers,
    )
    with progress_bar(f"Scanning {dataset}", _quiet(opts.quiet or opts.as_json)) as progress:
        scan = scan_dataset(ws, dataset, actor=who, options=scan_options, progress=progress)
    out: dict[str, Any] = {"scan": scan.as_dict()}
    if not opts.as_json:
        click.echo(scan.summary())
    if opts.accept_all:
        with ws.tx() as s:
            ids = pending_finding_ids(s, dataset)
            if ids:
                decided = decide(s, ids, "accepted", actor=who)
                out["accepted"] = decided.findings
                if not opts.as_json:
                    click.echo(decided.summary())
    if not opts.scan_only:
        with ws.read() as s:
            spec = opts.operator_spec(load_settings(s))
        applied = apply_redaction(ws, dataset, actor=who, operator=spec)
        out["apply"] = applied.as_dict()
        if not opts.as_json:
            click.echo(applied.summary())
    with ws.read() as s:
        status = pii_status(s, dataset)
    out["status"] = status.as_dict()
    if opts.as_json:
        echo_json(out)
    else:
        _print_status(status)
    sys.exit(exitcodes.OK if status.export_blocked == 0 else exitcodes.PARTIAL)


def _print_status(status: PiiStatus) -> None:
    click.echo(f"Dataset {status.dataset}: {status.records:,} records")
    for state, n in status.states.items():
        click.echo(f"  {state:<10} {n:>9,}")
    if status.dropped:
        click.echo(f"  dropped (excluded) {status.dropped:,}")
    colour = "green" if status.export_blocked == 0 else "yellow"
    click.secho(
        f"Export passes {status.export_passes:,} records; {status.export_blocked:,} are blocked until reviewed and applied.",
        fg=colour,
    )


# --------------------------------------------------------------------------- pii group


@click.group()
def pii() -> None:
    """Review PII findings, edit allow/deny lists and patterns, workspace PII settings."""


@pii.command("status")
@click.option("--dataset", "-d", required=True)
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def pii_status_cmd(dataset: str, as_json: bool, workspace: Path | None, db: str | None) -> None:
    """Records by redaction state, findings by status, and what export would refuse."""
    from curation.pii.status import pii_status

    ws = open_workspace(workspace, db)
    with ws.read() as s:
        status = pii_status(s, dataset)
    if as_json:
        echo_json(status.as_dict())
        return
    _print_status(status)
    if status.pending_by_entity:
        click.echo(
            "Unreviewed findings: "
            + ", ".join(f"{k} {v:,}" for k, v in sorted(status.pending_by_entity.items()))
        )


@pii.command("log")
@click.option("--dataset", "-d", required=True)
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Full event details as JSON.")
@workspace_options
def pii_log_cmd(
    dataset: str, limit: int, as_json: bool, workspace: Path | None, db: str | None
) -> None:
    """The audit trail, newest first: who scanned, decided, changed rules or applied what, and
    when. Values appear as keyed fingerprints, never in clear."""
    from curation.pii.events import event_rows, pii_events

    ws = open_workspace(workspace, db)
    with ws.read() as s:
        events = pii_events(s, dataset, limit=limit)
    if as_json:
        echo_json([e.as_dict() for e in events])
        return
    rows = event_rows(events)
    if not rows:
        click.echo(f"No PII event for {dataset} yet. Start with: curation pii scan -d {dataset}")
    for r in rows:
        click.echo(f"{r.at}  {r.who:<12} {r.what:<16} {r.details}")


@pii.command("scan")
@click.option("--dataset", "-d", required=True)
@click.option("--entities", help="Comma-separated entities (default: the workspace setting).")
@click.option("--threshold", type=float)
@click.option(
    "--all", "rescan", is_flag=True, help="Scan every record again, not only the new ones."
)
@click.option("--workers", type=int)
@click.option("--json", "as_json", is_flag=True)
@click.option("--background", is_flag=True, help="Queue a job for a runner, print its id.")
@workspace_options
def pii_scan_cmd(**params: Any) -> None:
    """Scan a dataset; findings wait for review on the PII page or with accept/reject."""
    from curation.pii.scan import ScanOptions, scan_dataset

    opts = ScanCmdOptions(**params)
    ws = open_workspace(opts.workspace, opts.db)
    if opts.background:
        from curation.cli.jobs import submit_background

        job = {
            "dataset": opts.dataset,
            "entities": opts.entities,
            "threshold": opts.threshold,
            "only_unscanned": not opts.rescan,
            "workers": opts.workers,
        }
        submit_background(ws, "pii-scan", job, opts.dataset, opts.as_json)
        return
    options = ScanOptions(
        entities=opts.entities,
        threshold=opts.threshold,
        only_unscanned=not opts.rescan,
        workers=opts.workers,
    )
    with progress_bar(f"Scanning {opts.dataset}", _quiet(opts.as_json)) as progress:
        result = scan_dataset(ws, opts.dataset, actor=actor(), options=options, progress=progress)
    if opts.as_json:
        echo_json(result.as_dict())
    else:
        click.echo(result.summary())


@dataclass(frozen=True, slots=True)
class ScanCmdOptions:
    """The options of ``curation pii scan``, as click passes them."""

    dataset: str
    entities: str | None
    threshold: float | None
    rescan: bool
    workers: int | None
    as_json: bool
    background: bool
    workspace: Path | None
    db: str | None


for _command in COMMANDS:
    pii.add_command(_command)
