"""``curation finetune`` and ``curation judge``: OpenAI fine-tuning jobs and the AI judge."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from curation.cli.common import (
    actor,
    echo_json,
    open_workspace,
    progress_bar,
    workspace_options,
)
from curation.errors import InputError
from curation.export.names import FORMAT_FOR_METHOD, METHODS


def _credentials(base_url: str | None) -> Any:
    from curation.finetune.jobs import resolve_credentials

    return resolve_credentials(None, base_url=base_url)


def _client(credentials: Any) -> Any:
    from curation.finetune.jobs import make_client

    return make_client(credentials)


base_url_option = click.option(
    "--base-url",
    envvar="OPENAI_BASE_URL",
    help="An OpenAI-compatible service (default: api.openai.com; $OPENAI_BASE_URL).",
)


@click.group()
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
    type=click.Choice(METHODS),
    default="supervised",
    show_default=True,
    help=", ".join(f"{m} for {f} files" for m, f in FORMAT_FOR_METHOD.items()) + ".",
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
def finetune_create(**params: Any) -> None:
    """Validate, upload (purpose fine-tune), wait for processing, and create a job."""
    from curation.export.spec import validation_sibling
    from curation.finetune.jobs import Hyperparameters, JobRequest, launch

    opts = CreateOptions(**params)
    validation_file = opts.validation_file
    if validation_file is None and not opts.no_validation_file:
        validation_file = validation_sibling(opts.training_file)
        if validation_file is not None and not opts.as_json:
            click.echo(
                f"Using the validation file {validation_file} (--no-validation-file to skip)"
            )
    request = JobRequest(
        training_file=opts.training_file,
        model=opts.model,
        method=opts.method,
        validation_file=None if opts.no_validation_file else validation_file,
        suffix=opts.suffix,
        seed=opts.seed,
        hyperparameters=Hyperparameters(
            opts.n_epochs, opts.batch_size, opts.learning_rate_multiplier, opts.beta
        ),
    )
    with _method_option():
        request.check()
    credentials = _credentials(opts.base_url)
    ws = open_workspace(opts.workspace, opts.db)
    with _method_option():
        result = launch(
            _client(credentials),
            request,
            credentials=credentials,
            ws=ws,
            actor=actor(),
            poll_interval=opts.poll_interval,
            on_step=None if opts.as_json else (lambda text: click.echo(f"… {text}", err=True)),
        )
    if opts.as_json:
        echo_json(result.as_dict())
        return
    click.secho(f"Created job {result.job.id} ({result.job.status})", fg="green")
    click.echo(f"  training file   {result.training.id}  {opts.training_file}")
    if result.validation is not None:
        click.echo(f"  validation file {result.validation.id}  {request.validation_file}")
    click.echo(f"Follow it with: curation finetune status {result.job.id}")


@dataclass(frozen=True, slots=True)
class CreateOptions:
    """``finetune create``'s options."""

    training_file: Path
    validation_file: Path | None
    no_validation_file: bool
    model: str
    method: str
    suffix: str | None
    seed: int | None
    n_epochs: int | None
    batch_size: int | None
    learning_rate_multiplier: float | None
    beta: float | None
    base_url: str | None
    poll_interval: float
    as_json: bool
    workspace: Path | None
    db: str | None


@contextmanager
def _method_option() -> Iterator[None]:
    """A method's error with the options that choose it (the library names the method)."""
    from curation.finetune.jobs import MethodError

    try:
        yield
    except MethodError as exc:
        fmt = f"; --format {exc.wanted} on export" if exc.wanted else ""
        raise InputError(f"{exc} (--method{fmt})") from None


@finetune.command("status")
@click.argument("job_id")
@base_url_option
@click.option("--json", "as_json", is_flag=True)
def finetune_status(job_id: str, base_url: str | None, as_json: bool) -> None:
    """Show a job's status (and the fine-tuned model once it succeeded)."""
    from curation.finetune.jobs import job_status

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

    from curation.finetune.jobs import job_events

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
    from curation.finetune.jobs import cancel_job

    credentials = _credentials(base_url)
    job = cancel_job(
        _client(credentials),
        job_id,
        credentials=credentials,
        ws=open_workspace(workspace, db),
        actor=actor(),
    )
    click.echo(f"{job.id}  {job.status}")


@finetune.command("list")
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def finetune_list(as_json: bool, workspace: Path | None, db: str | None) -> None:
    """Jobs launched from this workspace (from its audit log)."""
    from curation.finetune.jobs import recent_jobs

    with open_workspace(workspace, db).read() as s:
        rows = recent_jobs(s)
    if as_json:
        echo_json([r.as_dict() for r in rows])
        return
    if not rows:
        click.echo("No job launched from this workspace yet.")
    for r in rows:
        exports = ", ".join(f"#{i}" for i in r.export_ids) or "-"
        click.echo(f"{r.job_id}  {r.at}  {r.model}  {r.method}  exports {exports}  by {r.actor}")


# --------------------------------------------------------------------------- AI judge


@click.group()
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
@click.option(
    "--background",
    is_flag=True,
    help="Queue a job for a runner, print its id (the runner's $OPENAI_API_KEY is used).",
)
@workspace_options
def judge_run(**params: Any) -> None:
    """Ask the judge about the campaign's pairs (those this model has not judged yet)."""
    from curation.finetune.judge import JudgeSettings, judge_campaign
    from curation.labeling.campaigns import get_campaign

    opts = JudgeRunOptions(**params)
    ws = open_workspace(opts.workspace, opts.db)
    with ws.read() as s:
        cid = get_campaign(s, opts.campaign_name).id
    settings = JudgeSettings(
        model=opts.model,
        workers=opts.workers,
        limit=opts.limit,
        redo=opts.redo,
        allow_unreviewed_pii=opts.allow_unreviewed_pii,
    )
    as_json = opts.as_json
    if opts.background:
        from curation.cli.jobs import submit_background
        from curation.jobs.kinds import judge_params

        job, dataset = judge_params(ws, cid, settings, opts.base_url)
        submit_background(ws, "judge", job, dataset, as_json)
        return
    credentials = _credentials(opts.base_url)
    with progress_bar("Judging", quiet=as_json) as progress:
        run = judge_campaign(
            ws,
            cid,
            _client(credentials),
            settings,
            actor=actor(),
            credentials=credentials,
            progress=progress,
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


@dataclass(frozen=True, slots=True)
class JudgeRunOptions:
    """``judge run``'s options."""

    campaign_name: str
    model: str
    base_url: str | None
    limit: int | None
    redo: bool
    workers: int
    allow_unreviewed_pii: bool
    as_json: bool
    background: bool
    workspace: Path | None
    db: str | None


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
    from curation.finetune.judge import judge_agreement
    from curation.labeling.campaigns import get_campaign

    ws = open_workspace(workspace, db)
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
        click.echo(f"  vs {row.annotator}: {pct(row.agreement)} of {row.compared:,}")


@judge.command("suggestions")
@click.argument("state", type=click.Choice(["on", "off"]))
@click.option("--campaign", "-c", "campaign_name", required=True)
@workspace_options
def judge_suggestions(
    state: str, campaign_name: str, workspace: Path | None, db: str | None
) -> None:
    """Show the judge's suggestion to the campaign's annotators (on) or hide it (off)."""
    from curation.labeling.campaigns import get_campaign, set_show_ai_suggestions

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        set_show_ai_suggestions(s, get_campaign(s, campaign_name), state == "on", actor=actor())
    click.echo(
        f"Annotators of {campaign_name} {'now see' if state == 'on' else 'no longer see'} "
        "AI-judge suggestions."
    )
