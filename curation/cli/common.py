"""What every ``curation`` command shares: workspace options, opening the store, JSON output
and the group that turns library errors into one-line messages.

Library errors (:class:`~curation.errors.CurationError`) become a one-line message
and exit status 1; no traceback reaches a user (``CURATION_DEBUG=1`` shows one).
Exit statuses mean one thing each, for every command: see :mod:`curation.exitcodes`.
A storage failure (disk full, database unreachable, locked or read-only) is one of them:
one line naming the failure, exit status 1, never the SQL, the data or a password.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
import orjson

from curation import exitcodes
from curation.errors import CurationError
from curation.progress import Progress

if TYPE_CHECKING:
    from curation.store import Workspace

F = TypeVar("F", bound=Callable[..., Any])
MAX_SHOWN_ERRORS = 50


def configure_offline() -> None:
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


def _ray_connected() -> bool:
    ray = sys.modules.get("ray")  # never imported here: `curation --help` stays light
    return ray is not None and bool(ray.is_initialized())


def ray_address_option(fn: F) -> F:
    """``--ray-address ADDR`` on the commands whose parallel parts run on the engine."""
    return click.option(
        "--ray-address",
        metavar="ADDR",
        expose_value=False,
        callback=_use_ray_address,
        help="Run the parallel parts on the Ray cluster at ADDR (host:port; also "
        "$CURATION_RAY_ADDRESS). Default: in this process, or a local Ray instance for big inputs.",
    )(fn)


def background_option(fn: F) -> F:
    """``--background`` on a stage that runs as a job in workspace mode."""
    return click.option(
        "--background", is_flag=True, help="Workspace mode: queue a job for a runner, print its id."
    )(fn)


SHARDS_BACKGROUND_HELP = (
    "Workspace mode, or file mode on a folder or glob of shards: queue a job for a runner, "
    "print its id."
)


def stage_options(quiet_help: str = "No progress bar.") -> Callable[[F], F]:
    """The options every file-or-workspace stage ends with: ``--json``, ``--quiet``,
    ``--background`` (workspace mode or a sharded input), ``--ray-address`` and the
    workspace options, in that order."""

    def decorate(fn: F) -> F:
        fn = workspace_options(fn)
        fn = ray_address_option(fn)
        fn = click.option("--background", is_flag=True, help=SHARDS_BACKGROUND_HELP)(fn)
        fn = click.option("--quiet", "-q", is_flag=True, help=quiet_help)(fn)
        return click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")(fn)

    return decorate


def _use_ray_address(_ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    from curation.engine.settings import ADDRESS_ENV

    if value:
        os.environ[ADDRESS_ENV] = value  # read by the engine, inherited by a runner's jobs


def open_workspace(workspace: Path | None, db: str | None) -> Workspace:
    from curation.errors import DatabaseUrlError
    from curation.store import open_workspace as open_store
    from curation.store.db import DB_ENV

    try:
        return open_store(workspace, db)
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
        had_ray = _ray_connected()
        try:
            return self._invoke(ctx)
        finally:
            if not had_ray and _ray_connected():  # the command's engine started or attached
                from curation.engine import cluster

                cluster.shutdown()

    def _invoke(self, ctx: click.Context) -> Any:
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


def actor() -> str:
    """Who the audit log names for a command-line action."""
    return os.environ.get("CURATION_USER") or os.environ.get("USER") or "cli"


@contextmanager
def progress_bar(label: str, quiet: bool = False) -> Iterator[Progress]:
    """The command line's one progress adapter: a bar on stderr fed by ``(stage, done, total)``.

    A new stage restarts the bar under its own name; an unknown total shows a count.
    """
    if quiet:
        yield lambda _stage, _done, _total: None
        return
    with click.progressbar(length=0, label=label, file=sys.stderr) as bar:
        shown = {"stage": ""}

        def advance(stage: str, done: int, total: int | None) -> None:
            if stage != shown["stage"]:
                shown["stage"] = stage
                bar.label = f"{label}: {stage}" if stage else label
                bar.pos = 0
            if total is not None and total != bar.length:
                bar.length = total
            bar.update(max(done - bar.pos, 0))

        yield advance
