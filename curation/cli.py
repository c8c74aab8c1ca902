"""The ``curation`` command line: each command is a few lines over the library.

Library errors (:class:`~curation.errors.CurationError`) become a one-line message
and exit status 1; no traceback reaches a user (``CURATION_DEBUG=1`` shows one).
Exit statuses mean one thing each, for every command: see :mod:`curation.exitcodes`.
A storage failure (disk full, database unreachable, locked or read-only) is one of them:
one line naming the failure, exit status 1, never the SQL, the data or a password.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click
import orjson

from curation import exitcodes
from curation.errors import CurationError, StorageError

F = TypeVar("F", bound=Callable[..., Any])
MAX_SHOWN_ERRORS = 50


def _configure_offline() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def workspace_options(fn: F) -> F:
    """``--workspace DIR`` and ``--db URL`` on every command that touches the store."""
    fn = click.option(
        "--db",
        envvar="CURATION_DB_URL",
        help="SQLAlchemy database URL (default: SQLite inside the workspace folder).",
    )(fn)
    fn = click.option(
        "--workspace",
        "-w",
        envvar="CURATION_WORKSPACE",
        type=click.Path(file_okay=False, path_type=Path),
        help="Workspace folder (default: $CURATION_WORKSPACE or the user data folder).",
    )(fn)
    return fn


def _open(workspace: Path | None, db: str | None) -> Any:
    from curation.errors import DatabaseUrlError
    from curation.store import open_workspace
    from curation.store.db import DB_ENV

    try:
        return open_workspace(workspace, db)
    except DatabaseUrlError as exc:
        raise DatabaseUrlError(f"{exc} (given with --db or ${DB_ENV})") from None


def echo_json(value: Any) -> None:
    click.echo(orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode())


class CurationGroup(click.Group):
    """Turns library errors into clean messages and keeps exit statuses to their meanings."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """As click's, except that a usage error exits 1 (nothing done), not click's 2, which
        here means "done, some lines rejected"."""
        run = super().main
        if not standalone_mode:
            return run(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            rv = run(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exitcodes.FAILED)
        except click.exceptions.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(exitcodes.FAILED)
        sys.exit(rv if isinstance(rv, int) else exitcodes.OK)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CurationError as exc:
            click.secho(f"Error: {exc}", fg="red", err=True)
            ctx.exit(exitcodes.FAILED)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(exitcodes.INTERRUPTED)
        except Exception as exc:
            if os.environ.get("CURATION_DEBUG"):
                raise
            from curation.store.failures import first_line, storage_error, unexpected_database_error

            failure = storage_error(exc)
            if failure is not None:
                click.secho(f"Error: {failure}", fg="red", err=True)
                ctx.exit(exitcodes.FAILED)
            # never str() of a database error: it is the SQL statement with the row's values
            what = unexpected_database_error(exc) or f"{type(exc).__name__}: {first_line(str(exc))}"
            click.secho(
                f"Unexpected error: {what[:300]}\n"
                "Nothing was half-written (writes are transactional). "
                "Run again with CURATION_DEBUG=1 for details and report it.",
                fg="red",
                err=True,
            )
            ctx.exit(exitcodes.FAILED)


@click.group(
    cls=CurationGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=exitcodes.HELP,
)
@click.version_option(package_name="curation-studio", prog_name="curation")
def cli() -> None:
    """Curation Studio: import, validate, redact, deduplicate, label and export fine-tuning data."""
    _configure_offline()


# --------------------------------------------------------------------------- import


@cli.command("import")
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
    workspace: Path | None,
    db: str | None,
) -> None:
    """Import FILES into a dataset. Exit 0: all lines imported; 2: some rejected; 1: none usable
    (an unreadable or empty file, a CSV with only its header, every line rejected)."""
    from curation.formats import ColumnMapping
    from curation.importer import ImportResult, estimate_items, import_file

    mapping = ColumnMapping.parse(columns) if columns else None
    ws = _open(workspace, db)
    if background:
        _import_background(ws, files, dataset, fmt, columns, as_json)
        return
    results: list[ImportResult] = []
    worst = 0
    for path in files:
        try:
            result = _import_one(
                ws, path, dataset, fmt, mapping, quiet or as_json, estimate_items, import_file
            )
        except StorageError:
            raise  # the next file would meet the same full disk or lost server
        except CurationError as exc:
            click.secho(f"Error: {exc}", fg="red", err=True)
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
    from curation.cli_jobs import submit_background

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
    ws: Any,
    path: Path,
    dataset: str,
    fmt: str | None,
    mapping: Any,
    quiet: bool,
    estimate: Callable[[Path], int | None],
    do_import: Callable[..., Any],
) -> Any:
    show_bar = not quiet and sys.stderr.isatty()
    if not show_bar:
        return do_import(ws, path, dataset, format=fmt, mapping=mapping, actor=_actor())
    total = estimate(path)
    with click.progressbar(
        length=total or 0, label=f"Importing {path.name}", file=sys.stderr
    ) as bar:
        last = [0]

        def advance(done: int) -> None:
            bar.update(done - last[0])
            last[0] = done

        return do_import(
            ws, path, dataset, format=fmt, mapping=mapping, actor=_actor(), progress=advance
        )


def _print_import(result: Any, quiet: bool) -> None:
    if result.errors and not quiet:
        click.echo(f"Rejected lines in {result.path}:", err=True)
        for error in result.errors[:MAX_SHOWN_ERRORS]:
            click.echo(f"  {error}", err=True)
        if result.rejected > MAX_SHOWN_ERRORS:
            click.echo(
                f"  … and {result.rejected - MAX_SHOWN_ERRORS:,} more (use --json for all)",
                err=True,
            )
    colour = {exitcodes.OK: "green", exitcodes.PARTIAL: "yellow"}.get(result.exit_code, "red")
    click.secho(result.summary(), fg=colour)
    from curation.cli_formats import echo_field_report

    echo_field_report(result.field_report(), "Fields mapped or kept without use:")
    if result.note:
        click.echo(f"note: {result.note}")


def _actor() -> str:
    return os.environ.get("CURATION_USER") or os.environ.get("USER") or "cli"


# --------------------------------------------------------------------------- validate


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--model", default="gpt-4.1", show_default=True, help="Target model (ft: names work)."
)
@click.option("--price-per-million", type=float, help="Training price in USD per million tokens.")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
def validate(file: Path, model: str, price_per_million: float | None, as_json: bool) -> None:
    """Check every line of an OpenAI fine-tuning JSONL FILE.

    Exit 0: every line is valid; 2: some lines have errors; 1: no valid line (an unreadable or
    empty file, every line wrong)."""
    from curation.validate import validate_file

    report = validate_file(file, model=model, price_per_million=price_per_million)
    fields = _import_view(file)
    if as_json:
        echo_json({**report.as_dict(), "import_view": fields})
    else:
        click.echo(report.render_text())
        from curation.cli_formats import echo_field_report

        echo_field_report(fields, "As an import would read it:")
    if report.examples == 0:
        click.secho(f"Error: {file}: has no lines to check (it is empty)", fg="red", err=True)
    sys.exit(report.exit_code)


def _import_view(file: Path) -> list[str]:
    """The import's report on a file (format, rule, fields); empty when it cannot say."""
    from curation.formats.overview import survey_file

    try:
        return survey_file(file).lines()
    except CurationError:
        return []


# --------------------------------------------------------------------------- stats & datasets


@cli.command()
@click.option("--dataset", "-d", required=True)
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def stats(dataset: str, as_json: bool, workspace: Path | None, db: str | None) -> None:
    """Counts for a dataset: records, completions, pairs, messages, tokens."""
    from curation.stats import dataset_stats

    ws = _open(workspace, db)
    with ws.read() as session:
        result = dataset_stats(session, dataset)
    if as_json:
        echo_json(result)
        return
    click.echo(f"Dataset {result['dataset']}")
    for key in ("records", "completions", "pairs", "messages", "tokens"):
        click.echo(f"  {key:<12} {result[key]:>12,}")
    for status, n in sorted(result["by_status"].items()):
        click.echo(f"  status {status:<10} {n:>8,}")
    for fmt, n in sorted(result["formats"].items()):
        click.echo(f"  format {fmt:<18} {n:>8,}")
    if any(result["labels"].values()):
        kto = result["labels"]
        click.echo(
            f"  KTO labels   {kto['desirable']:,} desirable, {kto['undesirable']:,} undesirable"
        )


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def datasets(as_json: bool, workspace: Path | None, db: str | None) -> None:
    """List the datasets in the workspace."""
    from curation.stats import dataset_stats
    from curation.store.queries import dataset_names

    ws = _open(workspace, db)
    with ws.read() as session:
        rows = [dataset_stats(session, name) for name in dataset_names(session)]
    if as_json:
        echo_json(
            [
                {k: r[k] for k in ("dataset", "records", "completions", "pairs", "tokens")}
                for r in rows
            ]
        )
        return
    if not rows:
        click.echo("No datasets yet. Import one: curation import FILE --dataset NAME")
    for r in rows:
        click.echo(
            f"{r['dataset']:<30} {r['records']:>9,} records {r['pairs']:>9,} pairs {r['tokens']:>12,} tokens"
        )


# --------------------------------------------------------------------------- campaigns & labels


@cli.group()
def campaign() -> None:
    """Labelling campaigns: pairs to rank, guidelines, overlap, annotators."""


@campaign.command("create")
@click.option("--dataset", "-d", required=True)
@click.option("--name", "-n", required=True)
@click.option("--overlap", default=2, show_default=True, type=int, help="Labels per pair (k).")
@click.option("--annotators", default="", help="Comma-separated user names.")
@click.option(
    "--criteria", default="", help="Comma-separated criteria rated 1-5, e.g. helpfulness,safety."
)
@click.option(
    "--guidelines",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Markdown file.",
)
@click.option(
    "--rationale-for", default="", help="Require a rationale for: tie, both_bad (comma-separated)."
)
@click.option("--limit", type=int, help="Sample this many pairs (seeded).")
@click.option("--seed", default=0, type=int, show_default=True)
@click.option("--search", default="", help="Only pairs whose conversation contains this text.")
@click.option(
    "--gold", default=0, type=int, help="Use this many imported preferences as gold items."
)
@click.option(
    "--kind",
    type=click.Choice(["pair", "thumbs"]),
    default="pair",
    show_default=True,
    help="pair: compare two answers; thumbs: good / bad on single answers (KTO labels).",
)
@click.option(
    "--min-votes", default=2, type=int, show_default=True, help="Thumbs: votes needed to decide."
)
@click.option(
    "--min-share",
    default=0.6,
    type=float,
    show_default=True,
    help="Thumbs: share of the votes the winning side needs (above 0.5).",
)
@workspace_options
def campaign_create(
    dataset: str,
    name: str,
    overlap: int,
    annotators: str,
    criteria: str,
    guidelines: Path | None,
    rationale_for: str,
    limit: int | None,
    seed: int,
    search: str,
    gold: int,
    kind: str,
    min_votes: int,
    min_share: float,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Create a campaign over the pairs (or, with --kind thumbs, the answers) of a dataset."""
    from curation.labeling.campaigns import CampaignSpec, PairFilter, create_campaign
    from curation.labeling.thumbs import ThumbsPolicy

    spec = CampaignSpec(
        name=name,
        dataset=dataset,
        overlap=overlap,
        annotators=_split(annotators),
        criteria=_split(criteria),
        guidelines=guidelines.read_text(encoding="utf-8") if guidelines else "",
        rationale_required_for=_split(rationale_for),
        pair_filter=PairFilter(search=search, limit=limit, seed=seed),
        gold_from_imported=gold,
        kind=kind,
        thumbs_policy=ThumbsPolicy(min_votes, min_share) if kind == "thumbs" else None,
    )
    ws = _open(workspace, db)
    with ws.tx() as s:
        created = create_campaign(s, spec, actor=_actor())
        cid = created.id
    from curation.labeling.campaigns import campaign_summary

    with ws.read() as s:
        info = campaign_summary(s, cid)
    unit = "answers (thumbs)" if kind == "thumbs" else "pairs"
    click.echo(
        f"Created campaign {name}: {info['tasks']:,} {unit}, overlap {overlap}, annotators: {', '.join(info['annotators']) or 'none yet'}"
    )


def _split(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


@campaign.command("list")
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def campaign_list(as_json: bool, workspace: Path | None, db: str | None) -> None:
    """Campaigns with their progress."""
    from curation.labeling.campaigns import campaign_summary, list_campaigns

    ws = _open(workspace, db)
    with ws.read() as s:
        rows = [campaign_summary(s, c.id) for c in list_campaigns(s)]
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo(
            "No campaign yet: curation campaign create --dataset D --name C --annotators a,b"
        )
    for r in rows:
        click.echo(
            f"{r['name']:<28} {r['status']:<7} {r['labels']:>7,}/{r['capacity']:<7,} labels "
            f"{r['tasks']:>7,} {'answers' if r['kind'] == 'thumbs' else 'pairs  '}"
            f"  k={r['overlap']}  {', '.join(r['annotators'])}"
        )


@cli.group()
def labels() -> None:
    """Raw judgments in and out."""


@labels.command("export")
@click.option("--campaign", "-c", "campaign_name", required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON array instead of JSON lines.")
@click.option(
    "--current", is_flag=True, help="Only live judgments (no superseded versions, no undos)."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file."
)
@workspace_options
def labels_export(
    campaign_name: str,
    as_json: bool,
    current: bool,
    output: Path | None,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Write every judgment of a campaign (all versions unless --current)."""
    from curation.labeling.campaigns import get_campaign
    from curation.labeling.io import judgment_rows

    ws = _open(workspace, db)
    with ws.read() as s:
        rows = list(judgment_rows(s, get_campaign(s, campaign_name).id, current_only=current))
    if as_json:
        data = orjson.dumps(rows, option=orjson.OPT_INDENT_2)
    else:
        data = b"".join(orjson.dumps(r) + b"\n" for r in rows)
    if output:
        from curation.fileio import atomic_write_bytes

        atomic_write_bytes(output, data)
        click.echo(f"{len(rows):,} judgments written to {output}", err=True)
    else:
        click.echo(data.decode(), nl=False)


@labels.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--campaign", "-c", "campaign_name", required=True)
@workspace_options
def labels_import(file: Path, campaign_name: str, workspace: Path | None, db: str | None) -> None:
    """Merge judgments from another tool: CSV/JSONL rows of pair_id, annotator, choice
    (thumbs campaigns: completion_id, annotator, label good/bad, optional rationale)."""
    from curation.labeling.campaigns import get_campaign
    from curation.labeling.io import import_labels

    ws = _open(workspace, db)
    with ws.read() as s:
        cid = get_campaign(s, campaign_name).id
    result = import_labels(ws, file, cid, actor=_actor())
    for error in result.errors[:MAX_SHOWN_ERRORS]:
        click.echo(f"  {error}", err=True)
    click.echo(f"{result.imported:,} of {result.rows:,} judgments imported into {campaign_name}")
    sys.exit(result.exit_code)


# --------------------------------------------------------------------------- app


def app_script() -> Path:
    """The Streamlit entry point, inside the installed package (its pages beside it)."""
    return Path(__file__).resolve().parent / "ui" / "app.py"


@cli.command()
@click.option("--port", default=8501, show_default=True, type=int)
@click.option("--host", default="localhost", show_default=True)
@click.option("--no-worker", is_flag=True, help="Start no job runner (another one serves jobs).")
@workspace_options
def serve(port: int, host: str, no_worker: bool, workspace: Path | None, db: str | None) -> None:
    """Start the Streamlit app on the workspace, and a job runner beside it."""
    import signal
    import subprocess

    from curation.cli_jobs import worker_command
    from curation.jobs.store import RUNNER_ENV

    _open(workspace, db)  # migrate once, and fail here with a clear message rather than in the app
    env = dict(os.environ)
    if workspace:
        env["CURATION_WORKSPACE"] = str(workspace)
    if db:
        env["CURATION_DB_URL"] = db
    app = app_script()
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.port",
        str(port),
        "--server.address",
        host,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        # .streamlit/config.toml is read only from the current folder: the settings it holds
        "--client.showErrorDetails",
        "none",
        "--client.toolbarMode",
        "viewer",
        "--server.fileWatcherType",
        "none",
        "--server.maxUploadSize",
        "2000",
    ]
    click.echo(f"Curation Studio on http://{host}:{port}  (Ctrl+C to stop)")
    # SIGTERM (a service manager stopping us) unwinds like Ctrl+C: the app and the runner stop too
    signal.signal(signal.SIGTERM, lambda _s, _f: sys.exit(143))
    worker = None if no_worker else subprocess.Popen(worker_command(workspace, db), env=env)
    app_env = env if worker is None else {**env, RUNNER_ENV: "1"}  # pages submit jobs to it
    app_proc = subprocess.Popen(cmd, env=app_env)
    try:
        code = app_proc.wait()
    finally:
        # the runner marks its running jobs interrupted (re-runnable), then exits
        for proc in (app_proc, worker):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
    raise SystemExit(code)


@cli.command()
@click.option(
    "--source", type=click.Path(file_okay=False, path_type=Path), help="Folder of sample files."
)
@workspace_options
def demo(source: Path | None, workspace: Path | None, db: str | None) -> None:
    """Build the demo workspace from sample_data/ (safe to run twice)."""
    from curation.demo import build_demo

    ws = _open(workspace, db)
    for line in build_demo(ws, source):
        click.echo(line)


def main() -> None:
    cli(prog_name="curation")


if __name__ == "__main__":
    main()


# Stage commands live in their own modules; importing them registers them on ``cli``.
from curation import (  # noqa: E402
    cli_admin,
    cli_dedup,
    cli_export,
    cli_formats,
    cli_jobs,
    cli_pii,
    cli_thumbs,
)

__all__ = [
    "cli",
    "cli_admin",
    "cli_dedup",
    "cli_export",
    "cli_formats",
    "cli_jobs",
    "cli_pii",
    "cli_thumbs",
    "main",
]
