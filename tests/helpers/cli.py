"""Invoke the CLI in-process and get its exit code, stdout and stderr."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from curation.cli import cli


def run(*args: str | Path, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input)
    return result.exit_code, result.stdout, result.stderr
