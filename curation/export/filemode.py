"""File mode: convert a file in any import format to an export format without a workspace,
through a throwaway one, with the same checks, split and manifest."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from curation.errors import InputError
from curation.export.pipeline import export_dataset
from curation.export.spec import ExportResult, ExportSpec, SettingError
from curation.progress import Progress
from curation.wording import plural

FILE_MODE_REASON = "file-to-file export: a file carries no PII review state"


def export_file(
    source: str | Path,
    spec: ExportSpec,
    out: str | Path,
    *,
    actor: str,
    source_format: str | None = None,
    progress: Progress | None = None,
    scratch: Path | None = None,
) -> ExportResult:
    """Convert a file in any import format to an export format, with the same checks, split
    and manifest as a workspace export, for pipelines that have no workspace.

    The file goes through a throwaway workspace (in ``scratch``, else the system's temporary
    folder; a sharded run puts it in its staging folder, so a killed run's is swept with
    it). A file has no PII review state, so the
    PII gate cannot apply: the manifest records it as an override with that reason
    (redact the file first with ``curation redact``); there is no dedup run either.
    """
    from curation.ingest.importer import import_file
    from curation.store.db import open_workspace

    if spec.campaign:
        raise SettingError(
            "a campaign needs a workspace; a file's own preferences are used", "campaign"
        )
    if spec.format == "ranked-list":
        raise InputError(
            "ranked lists come from a ranking campaign, which needs a workspace: import the "
            "file, rank it in a campaign, then export the dataset"
        )
    folder = Path(tempfile.mkdtemp(prefix="curation-export-", dir=scratch))
    try:
        ws = open_workspace(folder)
        try:
            name = Path(source).name
            imported = import_file(ws, source, name, format=source_format, actor=actor)
            if imported.imported == 0:
                first = f"; the first, {imported.errors[0]}" if imported.errors else ""
                raise InputError(
                    f"{source}: no usable record ({imported.rejected:,} rejected{first}); "
                    "see `curation import` for the reasons"
                )
            file_spec = replace(
                spec,
                dataset=name,
                allow_unreviewed_pii=True,
                override_reason=spec.override_reason or FILE_MODE_REASON,
            )
            result = export_dataset(
                ws, file_spec, out, actor=actor, progress=progress, source_file=source
            )
        finally:
            ws.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    warnings = list(result.warnings)
    if imported.rejected:
        warnings.insert(
            0,
            f"{plural(imported.rejected, 'item')} of {Path(source).name} could not be read "
            f"and {'is' if imported.rejected == 1 else 'are'} not in the export",
        )
    return replace(result, export_id=None, source_rejected=imported.rejected, warnings=warnings)
