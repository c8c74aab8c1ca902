"""`curation` commands for the export stage; imported by curation/cli.py to register them.

``export`` and ``exports`` (history), ``finetune create|status|cancel|events`` (the
optional OpenAI round trip) and ``judge run|report|suggestions`` (AI-judge
suggestions). Each is a few lines over :mod:`curation.export`,
:mod:`curation.finetune` and :mod:`curation.judge`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from curation.cli import _actor, _open, cli, echo_json, workspace_options
from curation.errors import InputError

# Spelled out so that `curation --help` does not import the export stage;
# tests/test_export_cli.py checks they are curation.export.FORMAT_NAMES.
EXPORT_FORMATS = (
    "openai-chat",
    "openai-preference",
    "openai-rft",
    "trl-preference",
    "rft-pairs",
    "trl-kto",
    "llamafactory-sharegpt",
    "llamafactory-v1",
    "llamafactory-alpaca",
    "llamafactory-dpo",
    "llamafactory-kto",
    "axolotl-chat",
    "csv",
    "parquet",
)
POLICY = ("exclude", "keep")


# --------------------------------------------------------------------------- export


@cli.command("export")
@click.argument("source", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dataset", "-d", help="Dataset to export (optional with --campaign).")
@click.option(
    "--format", "-f", "fmt", required=True, type=click.Choice(EXPORT_FORMATS), help="Output format."
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write. With a validation split, .train/.validation go before its suffix.",
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
    type=click.Choice(["source", "format"]),
    help="Keep the split's ratio within each source file (or source format).",
)
@click.option(
    "--campaign",
    "-c",
    help="Take preferences from this campaign's aggregated judgments (else the imported ones).",
)
@click.option("--ties", type=click.Choice(POLICY), help="Campaign: ties (default exclude).")
@click.option("--both-bad", type=click.Choice(POLICY), help="Campaign: both bad (default exclude).")
@click.option("--min-agreement", type=float, help="Campaign: majority share needed (default 0.5).")
@click.option("--min-strength", type=float, help="Campaign: mean |choice| needed, 0–2 (default 0).")
@click.option("--min-labels", type=int, help="Campaign: labels a pair needs (default 1).")
@click.option(
    "--sft-from",
    type=click.Choice(["auto", "records", "preferred"]),
    default="auto",
    show_default=True,
    help="openai-chat/openai-rft rows: the record's own messages, or prompt + preferred "
    "completion (auto: the preferred completion when the record has completions).",
)
@click.option(
    "--trl-style",
    type=click.Choice(["conversational", "standard"]),
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
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option(
    "--background", is_flag=True, help="Workspace mode: queue a job for a runner, print its id."
)
@workspace_options
def export_cmd(
    source: Path | None,
    dataset: str | None,
    fmt: str,
    output: Path,
    validation_split: float,
    seed: int,
    stratify: str | None,
    campaign: str | None,
    ties: str | None,
    both_bad: str | None,
    min_agreement: float | None,
    min_strength: float | None,
    min_labels: int | None,
    sft_from: str,
    trl_style: str,
    where: tuple[str, ...],
    tags: tuple[str, ...],
    from_split: str | None,
    allow_unreviewed_pii: bool,
    override_reason: str,
    model: str,
    price_per_million: float | None,
    strict: bool,
    drop_reasoning: bool,
    source_format: str | None,
    as_json: bool,
    quiet: bool,
    background: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
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
    from curation.export import ExportSpec, export_dataset, export_file, parse_where
    from curation.labeling.aggregate import Policy

    policy_options = {
        "ties": ties,
        "both_bad": both_bad,
        "min_agreement": min_agreement,
        "min_strength": min_strength,
        "min_labels": min_labels,
    }
    given = {k: v for k, v in policy_options.items() if v is not None}
    if given and not campaign:
        names = ", ".join("--" + k.replace("_", "-") for k in given)
        raise InputError(f"{names} apply to a campaign's judgments: add --campaign NAME")
    if source is not None and (dataset or campaign):
        raise InputError("give a SOURCE file or --dataset/--campaign, not both")
    spec = ExportSpec(
        format=fmt,
        dataset=dataset or (source.name if source is not None else None),
        campaign=campaign,
        validation_split=validation_split,
        seed=seed,
        stratify=stratify,
        where=parse_where(where),
        tags=[t.strip() for t in tags if t.strip()],
        from_split=from_split,
        sft_from=sft_from,
        policy=Policy(
            min_labels=1 if min_labels is None else min_labels,
            min_agreement=0.5 if min_agreement is None else min_agreement,
            ties=ties or "exclude",
            both_bad=both_bad or "exclude",
            min_strength=0.0 if min_strength is None else min_strength,
        ),
        trl_style=trl_style,
        allow_unreviewed_pii=allow_unreviewed_pii,
        override_reason=override_reason,
        model=model,
        price_per_million=price_per_million,
        strict=strict,
        drop_reasoning=drop_reasoning,
    )
    spec.check()
    if background:
        if source is not None:
            raise InputError("--background works in workspace mode (--dataset or --campaign)")
        from curation.cli_jobs import submit_background
        from curation.jobs.kinds import export_spec_params

        params = {"spec": export_spec_params(spec), "output": str(output.expanduser().absolute())}
        submit_background(_open(workspace, db), "export", params, spec.dataset, as_json)
        return
    if source is not None:

        def from_file(_ws: Any, spec: Any, output: Path, **kwargs: Any) -> Any:
            return export_file(source, spec, output, source_format=source_format, **kwargs)

        result = _run_export(None, spec, output, quiet or as_json, from_file)
    else:
        ws = _open(workspace, db)
        result = _run_export(ws, spec, output, quiet or as_json, export_dataset)
    if as_json:
        echo_json(result.as_dict())
    else:
        _print_export(result)
    sys.exit(result.exit_code)


def _run_export(ws: Any, spec: Any, output: Path, quiet: bool, run: Any) -> Any:
    if quiet or not sys.stderr.isatty():
        return run(ws, spec, output, actor=_actor())
    with click.progressbar(length=1, label="Exporting", file=sys.stderr) as bar:
        stage_seen = [""]

        def progress(stage: str, done: int, total: int) -> None:
            if stage != stage_seen[0]:
                stage_seen[0] = stage
                bar.label = "Planning" if stage == "plan" else "Writing"
                bar.length = max(total, 1)
                bar.pos = 0
            if total:
                bar.update(done - bar.pos)
            else:
                bar.render_progress()

        return run(ws, spec, output, actor=_actor(), progress=progress)


def _print_export(result: Any) -> None:
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


@cli.command("exports")
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
    from curation.export import history_rows

    ws = _open(workspace, db)
    with ws.read() as s:
        rows = history_rows(s, dataset, limit)
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("No export yet: curation export --dataset NAME --format F -o FILE")
    for r in rows:
        counts = ", ".join(f"{k} {v:,}" for k, v in r["rows"].items())
        flag = "  PII override" if r["pii_override"] else ""
        if r["status"] != "done":
            where = "its files are on disk" if r["on_disk"] else "its files are not on disk"
            click.secho(
                f"#{r['id']:<4} {r['created_at']}  {r['dataset'] or '?':<20} {r['format']:<18} "
                f"{r['status'].upper()}: {r['note'] or 'in progress'} ({where})  by {r['actor']}",
                fg="yellow",
            )
            continue
        gone = "" if r["on_disk"] else "  (files moved, deleted or replaced)"
        click.echo(
            f"#{r['id']:<4} {r['created_at']}  {r['dataset'] or '?':<20} {r['format']:<18} "
            f"{counts}  by {r['actor']}{flag}{gone}"
        )


# --------------------------------------------------------------------------- finetune


def _credentials(base_url: str | None) -> Any:
    from curation.finetune import resolve_credentials

    return resolve_credentials(None, base_url=base_url)


def _client(credentials: Any) -> Any:
    from curation.finetune import make_client

    return make_client(credentials)


base_url_option = click.option(
    "--base-url",
    envvar="OPENAI_BASE_URL",
    help="An OpenAI-compatible service (default: api.openai.com; $OPENAI_BASE_URL).",
)


@cli.group()
def finetune() -> None:
    """Optional OpenAI fine-tuning: upload an exported file and run a job.

    The API key comes from $OPENAI_API_KEY and is never stored in the workspace.
    OpenAI closed fine-tuning to new customers in 2026; any OpenAI-compatible
    service works with --base-url.
    """


@finetune.command("create")
@click.option(
    "--file",
    "training_file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Training file (an export's .train file).",
)
@click.option(
    "--validation-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Validation file (default: the .validation sibling of a .train file, if present).",
)
@click.option("--no-validation-file", is_flag=True, help="Do not upload a validation file.")
@click.option("--model", required=True, help="Base model, e.g. gpt-4.1-mini-2025-04-14.")
@click.option(
    "--method",
    type=click.Choice(["supervised", "dpo"]),
    default="supervised",
    show_default=True,
    help="supervised for openai-chat files, dpo for openai-preference files.",
)
@click.option("--suffix", help="Up to 64 characters added to the fine-tuned model's name.")
@click.option("--seed", type=int, help="Seed of the job, for reproducibility.")
@click.option("--n-epochs", type=int, help="Epochs (default: auto).")
@click.option("--batch-size", type=int, help="Batch size (default: auto).")
@click.option("--learning-rate-multiplier", type=float, help="Learning-rate multiplier (auto).")
@click.option("--beta", type=float, help="DPO beta (default: auto).")
@base_url_option
@click.option(
    "--poll-interval", default=5.0, show_default=True, type=float, help="Seconds between checks."
)
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def finetune_create(
    training_file: Path,
    validation_file: Path | None,
    no_validation_file: bool,
    model: str,
    method: str,
    suffix: str | None,
    seed: int | None,
    n_epochs: int | None,
    batch_size: int | None,
    learning_rate_multiplier: float | None,
    beta: float | None,
    base_url: str | None,
    poll_interval: float,
    as_json: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Validate, upload (purpose fine-tune), wait for processing, and create a job."""
    from curation.finetune import Hyperparameters, JobRequest, launch

    if validation_file is None and not no_validation_file:
        validation_file = _sibling_validation(training_file)
        if validation_file is not None and not as_json:
            click.echo(
                f"Using the validation file {validation_file} (--no-validation-file to skip)"
            )
    request = JobRequest(
        training_file=training_file,
        model=model,
        method=method,
        validation_file=None if no_validation_file else validation_file,
        suffix=suffix,
        seed=seed,
        hyperparameters=Hyperparameters(n_epochs, batch_size, learning_rate_multiplier, beta),
    )
    request.check()
    credentials = _credentials(base_url)
    ws = _open(workspace, db)
    result = launch(
        _client(credentials),
        request,
        credentials=credentials,
        ws=ws,
        actor=_actor(),
        poll_interval=poll_interval,
        on_step=None if as_json else (lambda text: click.echo(f"… {text}", err=True)),
    )
    if as_json:
        echo_json(result.as_dict())
        return
    click.secho(f"Created job {result.job.id} ({result.job.status})", fg="green")
    click.echo(f"  training file   {result.training.id}  {training_file}")
    if result.validation is not None:
        click.echo(f"  validation file {result.validation.id}  {request.validation_file}")
    click.echo(f"Follow it with: curation finetune status {result.job.id}")


def _sibling_validation(path: Path) -> Path | None:
    if ".train." not in path.name and not path.name.endswith(".train"):
        return None
    candidate = path.with_name(path.name.replace(".train", ".validation", 1))
    return candidate if candidate.is_file() else None


@finetune.command("status")
@click.argument("job_id")
@base_url_option
@click.option("--json", "as_json", is_flag=True)
def finetune_status(job_id: str, base_url: str | None, as_json: bool) -> None:
    """Show a job's status (and the fine-tuned model once it succeeded)."""
    from curation.finetune import job_status

    credentials = _credentials(base_url)
    job = job_status(_client(credentials), job_id, credentials)
    if as_json:
        echo_json(job.as_dict())
        return
    click.echo(f"{job.id}  {job.status}  model {job.model}  method {job.method or '?'}")
    if job.fine_tuned_model:
        click.echo(f"  fine-tuned model: {job.fine_tuned_model}")
    if job.trained_tokens:
        click.echo(f"  trained tokens: {job.trained_tokens:,}")
    if job.hyperparameters:
        click.echo(
            "  hyperparameters: " + ", ".join(f"{k}={v}" for k, v in job.hyperparameters.items())
        )
    if job.error:
        click.secho(f"  error: {job.error}", fg="red")


@finetune.command("events")
@click.argument("job_id")
@click.option("--limit", default=20, show_default=True, type=int)
@base_url_option
@click.option("--json", "as_json", is_flag=True)
def finetune_events(job_id: str, limit: int, base_url: str | None, as_json: bool) -> None:
    """A job's latest events, oldest first."""
    from datetime import UTC, datetime

    from curation.finetune import job_events

    credentials = _credentials(base_url)
    events = job_events(_client(credentials), job_id, limit, credentials)
    if as_json:
        echo_json([e.as_dict() for e in events])
        return
    for e in events:
        when = datetime.fromtimestamp(e.created_at, UTC).strftime("%Y-%m-%d %H:%M:%S")
        click.echo(f"{when}  {e.level:<5} {e.message}")


@finetune.command("cancel")
@click.argument("job_id")
@base_url_option
@workspace_options
def finetune_cancel(
    job_id: str, base_url: str | None, workspace: Path | None, db: str | None
) -> None:
    """Cancel a job that has not finished."""
    from curation.finetune import cancel_job

    credentials = _credentials(base_url)
    job = cancel_job(
        _client(credentials),
        job_id,
        credentials=credentials,
        ws=_open(workspace, db),
        actor=_actor(),
    )
    click.echo(f"{job.id}  {job.status}")


@finetune.command("list")
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def finetune_list(as_json: bool, workspace: Path | None, db: str | None) -> None:
    """Jobs launched from this workspace (from its audit log)."""
    from curation.finetune import recent_jobs

    with _open(workspace, db).read() as s:
        rows = recent_jobs(s)
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("No job launched from this workspace yet.")
    for r in rows:
        exports = ", ".join(f"#{i}" for i in r["export_ids"]) or "-"
        click.echo(
            f"{r['job_id']}  {r['at']}  {r['model']}  {r['method']}  exports {exports}  by {r['actor']}"
        )


# --------------------------------------------------------------------------- AI judge


@cli.group()
def judge() -> None:
    """AI-judge suggestions: an OpenAI-compatible chat model pre-judges a campaign's pairs.

    Each pair is asked in both orders (A first, B first) to expose position bias.
    Suggestions are never labels; annotators see them only when the campaign allows it.
    """


@judge.command("run")
@click.option("--campaign", "-c", "campaign_name", required=True)
@click.option("--model", required=True, help="Chat model of the service, e.g. gpt-4.1-mini.")
@base_url_option
@click.option("--limit", type=int, help="Judge at most this many pairs.")
@click.option("--redo", is_flag=True, help="Ask again about pairs this model already judged.")
@click.option("--workers", default=4, show_default=True, type=int, help="Requests in parallel.")
@click.option(
    "--allow-unreviewed-pii",
    is_flag=True,
    help="Also send records not cleared for PII (audited).",
)
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def judge_run(
    campaign_name: str,
    model: str,
    base_url: str | None,
    limit: int | None,
    redo: bool,
    workers: int,
    allow_unreviewed_pii: bool,
    as_json: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Ask the judge about the campaign's pairs (those this model has not judged yet)."""
    from curation.judge import JudgeSettings, judge_campaign
    from curation.labeling.campaigns import get_campaign

    credentials = _credentials(base_url)
    ws = _open(workspace, db)
    with ws.read() as s:
        cid = get_campaign(s, campaign_name).id
    run = judge_campaign(
        ws,
        cid,
        _client(credentials),
        JudgeSettings(
            model=model,
            workers=workers,
            limit=limit,
            redo=redo,
            allow_unreviewed_pii=allow_unreviewed_pii,
        ),
        actor=_actor(),
        credentials=credentials,
    )
    if as_json:
        echo_json(run.as_dict())
        return
    click.secho(run.summary(), fg="green" if not run.failed else "yellow")
    for error in run.errors[:10]:
        click.echo(f"  {error}", err=True)
    if run.refused_pii:
        click.echo(
            "Records not cleared for PII are not sent; scan and review them, or pass "
            "--allow-unreviewed-pii.",
            err=True,
        )


@judge.command("report")
@click.option("--campaign", "-c", "campaign_name", required=True)
@click.option("--model", help="Which judge model (default: the latest used).")
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def judge_report(
    campaign_name: str,
    model: str | None,
    as_json: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Judge-vs-human agreement, Cohen's κ and the judge's position bias."""
    from curation.judge import judge_agreement
    from curation.labeling.campaigns import get_campaign

    ws = _open(workspace, db)
    with ws.read() as s:
        report = judge_agreement(s, get_campaign(s, campaign_name).id, model)
    if as_json:
        echo_json(report.as_dict())
        return
    if report.model is None:
        click.echo("No AI-judge suggestion yet: curation judge run --campaign C --model M")
        return

    def pct(value: float | None) -> str:
        return "—" if value is None else f"{value:.0%}"

    click.echo(f"Judge {report.model}: {report.suggestions:,} pairs")
    click.echo(f"  consistent in both orders: {pct(report.consistency)}")
    p = "" if report.first_position_p is None else f" (binomial p = {report.first_position_p:.3g})"
    click.echo(f"  prefers the reply shown first: {pct(report.first_position_share)}{p}")
    kappa = "—" if report.kappa is None else f"{report.kappa:.3f}"
    click.echo(
        f"  vs the human verdict on {report.compared:,} pairs: agreement "
        f"{pct(report.agreement)}, Cohen's κ {kappa}"
    )
    for row in report.by_annotator:
        click.echo(f"  vs {row['annotator']}: {pct(row['agreement'])} of {row['compared']:,}")


@judge.command("suggestions")
@click.argument("state", type=click.Choice(["on", "off"]))
@click.option("--campaign", "-c", "campaign_name", required=True)
@workspace_options
def judge_suggestions(
    state: str, campaign_name: str, workspace: Path | None, db: str | None
) -> None:
    """Show the judge's suggestion to the campaign's annotators (on) or hide it (off)."""
    from curation.labeling.campaigns import get_campaign, set_show_ai_suggestions

    ws = _open(workspace, db)
    with ws.tx() as s:
        set_show_ai_suggestions(s, get_campaign(s, campaign_name), state == "on", actor=_actor())
    click.echo(
        f"Annotators of {campaign_name} {'now see' if state == 'on' else 'no longer see'} "
        "AI-judge suggestions."
    )
