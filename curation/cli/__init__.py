"""The ``curation`` command line: each command is a few lines over the library.

Library errors (:class:`~curation.errors.CurationError`) become a one-line message
and exit status 1; no traceback reaches a user (``CURATION_DEBUG=1`` shows one).
Exit statuses mean one thing each, for every command: see :mod:`curation.exitcodes`.
A storage failure (disk full, database unreachable, locked or read-only) is one of them:
one line naming the failure, exit status 1, never the SQL, the data or a password.

Each stage's commands live in their own module; they are registered here, by name,
so no command module imports this one.
"""

from __future__ import annotations

import click

from curation import exitcodes
from curation.cli import admin, app, dedup, export, finetune, formats, ingest, jobs, labels, pii
from curation.cli.app import app_script
from curation.cli.common import CurationGroup, configure_offline


@click.group(
    cls=CurationGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=exitcodes.HELP,
)
@click.version_option(package_name="curation-studio", prog_name="curation")
def cli() -> None:
    """Curation Studio: import, validate, redact, deduplicate, label and export fine-tuning data."""
    configure_offline()


# --------------------------------------------------------------------------- import


for _command in (
    admin.users,
    admin.settings,
    app.serve,
    app.demo,
    dedup.dedup_cmd,
    dedup.leakage_cmd,
    export.export_cmd,
    export.exports_cmd,
    finetune.finetune,
    finetune.judge,
    formats.formats,
    formats.import_batch,
    formats.import_llamafactory,
    ingest.import_cmd,
    ingest.validate,
    ingest.stats,
    ingest.datasets,
    jobs.worker_cmd,
    jobs.jobs_group,
    labels.campaign,
    labels.labels,
    pii.redact_cmd,
    pii.pii,
):
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="curation")


__all__ = ["app_script", "cli", "main"]
