"""``curation export`` and ``curation exports`` (the history), over :mod:`curation.export`.

The command's options are read into three small groups (what to export, the campaign
policy, where the data comes from and goes); workspace mode and file mode are separate
library functions. The choices come from :mod:`curation.export.names`, which imports
nothing, so ``--help`` does not load the export stage.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

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
from curation.errors import InputError
from curation.export.names import FORMAT_NAMES, POLICY_CHOICES, SFT_FROM, STRATIFY, TRL_STYLES
from curation.fileio.shards import is_sharded

if TYPE_CHECKING:
    from curation.export.spec import ExportResult, ExportSpec

T = TypeVar("T")

# The command line's option for each ExportSpec setting a library message names.
OPTION_OF_SETTING = {
    "dataset": "--dataset",
    "campaign": "--campaign",
    "validation_split": "--validation-split",
    "stratify": "--stratify",
    "sft_from": "--sft-from",
    "where": "--where",
    "allow_unreviewed_pii": "--allow-unreviewed-pii",
    "override_reason": "--override-reason",
    "min_agreement": "--min-agreement",
    "format": "--format",
    "strict": "--strict",
    "output": "-o",
}


@contextmanager
def setting_options() -> Iterator[None]:
    """Re-raise an export setting's error with the command line's options for the settings."""
    from curation.export.spec import SettingError

    try:
        yield
    except SettingError as exc:
        options = [OPTION_OF_SETTING[s] for s in exc.settings if s in OPTION_OF_SETTING]
        if not options:
            raise
        raise InputError(f"{exc} ({', '.join(options)})") from None


# --------------------------------------------------------------------------- export


@click.command("export")
@click.argument("source", required=False, type=click.Path(path_type=Path))
@click.option("--dataset", "-d", help="Dataset to export (optional with --campaign).")
@click.option(
    "--format", "-f", "fmt", required=True, type=click.Choice(FORMAT_NAMES), help="Output format."
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(path_type=Path),
    help="File to write. With a validation split, .train/.validation go before its suffix. "
    "For a folder or glob of SOURCE shards: an output folder (one file per shard, manifest.json).",
)
@click.option(
    "--validation-split",
    default=0.0,
    show_default=True,
    type=float,
    help="Share of rows for validation (e.g. 0.1); whole duplicate clusters stay in one split.",
)
@click.option("--seed", default=42, show_default=True, type=int, help="Seed of the split.")
@click.option(
    "--stratify",
    type=click.Choice(STRATIFY),
    help="Keep the split's ratio within each source file (or source format).",
)
@click.option(
    "--campaign",
    "-c",
    help="Take preferences from this campaign's aggregated judgments (else the imported ones).",
)
@click.option("--ties", type=click.Choice(POLICY_CHOICES), help="Campaign: ties (default exclude).")
@click.option(
    "--both-bad", type=click.Choice(POLICY_CHOICES), help="Campaign: both bad (default exclude)."
)
@click.option("--min-agreement", type=float, help="Campaign: majority share needed (default 0.5).")
@click.option("--min-strength", type=float, help="Campaign: mean |choice| needed, 0–2 (default 0).")
@click.option("--min-labels", type=int, help="Campaign: labels a pair needs (default 1).")
@click.option(
    "--sft-from",
    type=click.Choice(SFT_FROM),
    default="auto",
    show_default=True,
    help="openai-chat/openai-rft rows: the record's own messages, or prompt + preferred "
    "completion (auto: the preferred completion when the record has completions).",
)
@click.option(
    "--trl-style",
    type=click.Choice(TRL_STYLES),
    default="conversational",
    show_default=True,
    help="trl-preference: message lists or plain strings.",
)
@click.option(
    "--where",
    "where",
    multiple=True,
    metavar="KEY=VALUE",
    help="Only records whose metadata KEY equals VALUE (repeatable; all must match).",
)
@click.option(
    "--tag",
    "tags",
    multiple=True,
    help="Only records whose metadata 'tags' hold this tag (repeatable; all must be held).",
)
@click.option("--from-split", help="Only records whose stored split is this (e.g. train).")
@click.option(
    "--allow-unreviewed-pii",
    is_flag=True,
    help="Let records not cleared for PII through; the manifest and audit log record it.",
)
@click.option("--override-reason", default="", help="Why the PII gate was overridden.")
@click.option(
    "--model", default="gpt-4.1", show_default=True, help="Model for token counts and cost."
)
@click.option("--price-per-million", type=float, help="Training price in USD per 1M tokens.")
@click.option("--strict", is_flag=True, help="Fail (write nothing) if any row fails validation.")
@click.option(
    "--drop-reasoning", is_flag=True, help="Leave reasoning traces out (counted in the manifest)."
)
@click.option("--source-format", help="File mode: the SOURCE file's format (detected if omitted).")
@stage_options()
def export_cmd(**params: Any) -> None:
    """Write a validated training file (train/validation) with a manifest beside each file.

    \b
    Only active records go in (duplicates and excluded records are out), and only
    records cleared for PII (redaction 'clean' or 'redacted'; redacted text is what
    is written) unless --allow-unreviewed-pii. Every row is checked by the validator
    before it is written; rows that fail, and every other row left out, are counted by
    reason in the manifest. Files are written to a temporary name and renamed into place
    only once all are complete; the export's history row is written first (pending) and
    marked done after, so files never stand without their history. CSV and Parquet cells
    starting with = + - @ (or a tab or carriage return) get a leading ' (formula injection).

    \b
    Files: without --validation-split, OUTPUT; with it, OUTPUT with .train and
    .validation inserted before the suffix (data.jsonl → data.train.jsonl and
    data.validation.jsonl). Each file gets FILE.manifest.json (counts, sha256,
    sources, filters, dedup and PII runs, campaign, tool version, time).

    \b
    \b
    File mode: with a SOURCE file instead of --dataset, the file (any import format)
    is converted without a workspace, with the same checks, split and manifest. A file
    has no PII review state: redact it first (curation redact); the manifest says so.
    Exit status 2 when items of SOURCE could not be read (a broken line, a truncated
    .gz): the rest is exported and the count is in the warnings.

    \b
    Examples:
      curation export -d hh -f openai-preference -o hh.jsonl --validation-split 0.1
      curation export -c review-1 -f trl-preference -o prefs.jsonl --min-agreement 0.67
      curation export -d support -f openai-chat -o sft.jsonl --where lang=en --tag billing
      curation export hh-rlhf.jsonl.gz -f trl-preference -o hh.jsonl --validation-split 0.1
    """
    policy = _take(PolicyOptions, params)
    spec_options = _take(SpecOptions, params)
    run = _take(RunOptions, params)
    assert not params, f"export options not taken: {sorted(params)}"
    if policy.given() and not spec_options.campaign:
        names = ", ".join("--" + k.replace("_", "-") for k in policy.given())
        raise InputError(f"{names} apply to a campaign's judgments: add --campaign NAME")
    if run.source is not None and (spec_options.dataset or spec_options.campaign):
        raise InputError("give a SOURCE file or --dataset/--campaign, not both")
    with setting_options():
        spec = spec_options.spec(policy, run.source)
        spec.check_export()
        if run.background:
            _submit(run, spec)
            return
        if run.source is not None and is_sharded(run.source):
            _shards_mode(run, spec)
            return
        result = _workspace_mode(run, spec) if run.source is None else _file_mode(run, spec)
    if run.as_json:
        echo_json(result.as_dict())
    else:
        _print_export(result)
    sys.exit(result.exit_code)


def _take(cls: type[T], params: dict[str, Any]) -> T:
    """The options of one group, taken out of the command's parameters."""
    return cls(**{f.name: params.pop(f.name) for f in fields(cls)})  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class PolicyOptions:
    """A campaign's aggregation policy as given (None: the policy's default)."""

    ties: str | None
    both_bad: str | None
    min_agreement: float | None
    min_strength: float | None
    min_labels: int | None

    def given(self) -> dict[str, Any]:
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None
        }


@dataclass(frozen=True, slots=True)
class SpecOptions:
    """What to export (the options that become an ExportSpec)."""

    dataset: str | None
    fmt: str
    campaign: str | None
    validation_split: float
    seed: int
    stratify: str | None
    sft_from: str
    trl_style: str
    where: tuple[str, ...]
    tags: tuple[str, ...]
    from_split: str | None
    allow_unreviewed_pii: bool
    override_reason: str
    model: str
    price_per_million: float | None
    strict: bool
    drop_reasoning: bool

    def spec(self, policy: PolicyOptions, source: Path | None) -> ExportSpec:
        from curation.export.spec import ExportSpec, parse_where
        from curation.labeling.aggregate import Policy

        return ExportSpec(
            format=self.fmt,
            dataset=self.dataset or (source.name if source is not None else None),
            campaign=self.campaign,
            validation_split=self.validation_split,
            seed=self.seed,
            stratify=self.stratify,
            where=parse_where(self.where),
            tags=[t.strip() for t in self.tags if t.strip()],
            from_split=self.from_split,
            sft_from=self.sft_from,
            policy=Policy(**policy.given()),
            trl_style=self.trl_style,
            allow_unreviewed_pii=self.allow_unreviewed_pii,
            override_reason=self.override_reason,
            model=self.model,
            price_per_million=self.price_per_million,
            strict=self.strict,
            drop_reasoning=self.drop_reasoning,
        )


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Where the data comes from and goes, and how the command reports."""

    source: Path | None
    output: Path
    source_format: str | None
    as_json: bool
    quiet: bool
    background: bool
    workspace: Path | None
    db: str | None

    @property
    def silent(self) -> bool:
        return self.quiet or self.as_json or not sys.stderr.isatty()


def _submit(run: RunOptions, spec: ExportSpec) -> None:
    from curation.cli.jobs import submit_background
    from curation.jobs.params import export_spec_params

    if run.source is not None:
        from curation.jobs.shards import check_present

        check_present(run.source)
        if not is_sharded(run.source):
            raise InputError(
                "--background works in workspace mode (--dataset or --campaign) or on a folder"
                " or glob of SOURCE shards"
            )
        from curation.jobs.shards import export_params

        params = export_params(run.source, run.output, spec, run.source_format)
        ws = open_workspace(run.workspace, run.db)
        submit_background(ws, "export-shards", params, None, run.as_json)
        return
    params = {"spec": export_spec_params(spec), "output": str(run.output.expanduser().absolute())}
    ws = open_workspace(run.workspace, run.db)
    submit_background(ws, "export", params, spec.dataset, run.as_json)


def _workspace_mode(run: RunOptions, spec: ExportSpec) -> ExportResult:
    from curation.export.pipeline import export_dataset

    ws = open_workspace(run.workspace, run.db)
    with progress_bar("Exporting", run.silent) as progress:
        return export_dataset(ws, spec, run.output, actor=actor(), progress=progress)


def _file_mode(run: RunOptions, spec: ExportSpec) -> ExportResult:
    from curation.export.filemode import export_file

    assert run.source is not None
    with progress_bar("Exporting", run.silent) as progress:
        return export_file(
            run.source,
            spec,
            run.output,
            actor=actor(),
            source_format=run.source_format,
            progress=progress,
        )


def _shards_mode(run: RunOptions, spec: ExportSpec) -> None:
    from curation.export.shards import ExportShardsOptions, export_shards, manifest_options
    from curation.fileio.shards import resolve_shards

    assert run.source is not None
    options = ExportShardsOptions(spec, actor(), run.source_format)
    command_options = manifest_options(spec, run.source_format)
    with progress_bar("Exporting", run.silent) as progress:
        result = export_shards(
            resolve_shards(run.source),
            run.output,
            options,
            command_options=command_options,
            progress=progress,
        )
    if run.as_json:
        echo_json(result.as_dict())
    else:
        for warning in result.warnings:
            click.secho(f"warning: {warning}", fg="yellow", err=True)
        click.secho(result.summary(), fg="green" if result.exit_code == exitcodes.OK else "yellow")
    sys.exit(result.exit_code)


def _print_export(result: ExportResult) -> None:
    where = f"export #{result.export_id}" if result.export_id is not None else "file mode"
    click.secho(
        f"Exported {result.written:,} of {result.candidates:,} candidate rows as {result.format}"
        f" ({where}, {result.seconds:.1f} s)",
        fg="green",
    )
    for f in result.files:
        click.echo(f"  {f.split:<10} {f.rows:>10,} rows  {f.path}  sha256 {f.sha256[:12]}…")
        click.echo(f"  {'':<10} {'':>10}       manifest {f.manifest_path}")
    if result.left_out:
        click.echo(
            "Left out: " + ", ".join(f"{reason} {n:,}" for reason, n in result.left_out.items())
        )
    train = result.reports.get("train")
    if train is not None and train.valid_examples:
        cost = train.cost
        line = (
            f"Tokens ({train.encoding}): {train.total_tokens.total:,} in train; "
            f"{cost.billed_tokens:,} billed × {cost.n_epochs} epochs = {cost.training_tokens:,}"
        )
        if cost.usd is not None:
            line += f"; estimated ${cost.usd:,.2f}"
        click.echo(line)
    for warning in result.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)


@click.command("exports")
@click.option("--dataset", "-d", help="Only this dataset's exports.")
@click.option("--limit", default=50, show_default=True, type=int)
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def exports_cmd(
    dataset: str | None, limit: int, as_json: bool, workspace: Path | None, db: str | None
) -> None:
    """The export history, newest first.

    \b
    An export that did not finish is listed with its status: FAILED (it stopped with an
    error; the note says what is on disk), INTERRUPTED (its process was killed while its
    files were being put in place) or PENDING (still being put in place).
    """
    from curation.export.publish import history_rows

    ws = open_workspace(workspace, db)
    with ws.read() as s:
        rows = history_rows(s, dataset, limit)
    if as_json:
        echo_json([r.as_dict() for r in rows])
        return
    if not rows:
        click.echo("No export yet: curation export --dataset NAME --format F -o FILE")
    for r in rows:
        counts = ", ".join(f"{k} {v:,}" for k, v in r.rows.items())
        flag = "  PII override" if r.pii_override else ""
        if r.status != "done":
            where = "its files are on disk" if r.on_disk else "its files are not on disk"
            click.secho(
                f"#{r.id:<4} {r.created_at}  {r.dataset or '?':<20} {r.format:<18} "
                f"{r.status.upper()}: {r.note or 'in progress'} ({where})  by {r.actor}",
                fg="yellow",
            )
            continue
        gone = "" if r.on_disk else "  (files moved, deleted or replaced)"
        click.echo(
            f"#{r.id:<4} {r.created_at}  {r.dataset or '?':<20} {r.format:<18} "
            f"{counts}  by {r.actor}{flag}{gone}"
        )
