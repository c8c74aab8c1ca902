"""``curation serve`` and ``curation demo``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from curation.cli.common import (
    open_workspace,
    workspace_options,
)


def app_script() -> Path:
    """The Streamlit entry point, inside the installed package (its pages beside it)."""
    return Path(__file__).resolve().parent.parent / "ui" / "app.py"


@click.command()
@click.option("--port", default=8501, show_default=True, type=int)
@click.option("--host", default="localhost", show_default=True)
@click.option("--no-worker", is_flag=True, help="Start no job runner (another one serves jobs).")
@workspace_options
def serve(port: int, host: str, no_worker: bool, workspace: Path | None, db: str | None) -> None:
    """Start the Streamlit app on the workspace, and a job runner beside it."""
    import signal
    import subprocess

    from curation.cli.jobs import worker_command
    from curation.jobs.store import RUNNER_ENV

    open_workspace(
        workspace, db
    )  # migrate once, and fail here with a clear message rather than in the app
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
    worker = None if no_worker else subprocess.Popen(worker_command(workspace), env=env)
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


@click.command()
@click.option(
    "--source", type=click.Path(file_okay=False, path_type=Path), help="Folder of sample files."
)
@workspace_options
def demo(source: Path | None, workspace: Path | None, db: str | None) -> None:
    """Build the demo workspace from sample_data/ (safe to run twice)."""
    from curation.demo import build_demo

    ws = open_workspace(workspace, db)
    for line in build_demo(ws, source):
        click.echo(line)
