"""Export training files with provenance (docs/architecture.md).

    from curation.export import ExportSpec, export_dataset
    result = export_dataset(ws, ExportSpec("openai-preference", dataset="hh",
                                           validation_split=0.1), "out/hh.jsonl", actor="me")

writes ``out/hh.train.jsonl`` and ``out/hh.validation.jsonl``, a manifest beside each
(``….manifest.json``), and records the export in the workspace's history and audit log.
Modules: :mod:`~curation.export.names` the formats' names and the settings' choices (no
import: the command line's ``--help`` reads them), :mod:`~curation.export.spec` the request,
its rules and the result, :mod:`~curation.export.plan` decides what goes in (and counts what
does not), :mod:`~curation.export.splits` the split, :mod:`~curation.export.rows` builds,
checks and writes the rows, :mod:`~curation.export.formats` and
:mod:`~curation.export.targets` their layouts (:mod:`~curation.export.registry` finds one
by name), :mod:`~curation.export.sinks` the
JSONL/CSV/Parquet writers, :mod:`~curation.export.staging` the all-or-nothing file write,
:mod:`~curation.export.publish` the history row and the files made visible together,
:mod:`~curation.export.provenance` and :mod:`~curation.export.manifest` what the manifest
says, :mod:`~curation.export.outcome` the errors and warnings, and
:mod:`~curation.export.pipeline` runs it all (:mod:`~curation.export.preview` the first
rows, :mod:`~curation.export.filemode` a file without a workspace).

The names below are loaded on first use, so that importing
:mod:`curation.export.names` does not load the stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from curation.lazy import lazy_exports

if TYPE_CHECKING:
    from curation.export.filemode import export_file
    from curation.export.formats import ExportFormat, Item, SkipError
    from curation.export.names import FORMAT_NAMES
    from curation.export.pipeline import export_dataset, workspace_output
    from curation.export.preview import preview_export
    from curation.export.publish import ExportEntry, history_rows, list_exports
    from curation.export.registry import get_export_format
    from curation.export.spec import (
        ExportFile,
        ExportResult,
        ExportSpec,
        PreviewRow,
        SettingError,
        manifest_path,
        meta_value,
        output_paths,
        parse_where,
        upload_pair,
        validation_sibling,
    )
    from curation.export.splits import SplitPlan, assign_splits

_MODULE_OF = {
    "FORMAT_NAMES": "names",
    "ExportEntry": "publish",
    "ExportFile": "spec",
    "ExportFormat": "formats",
    "ExportResult": "spec",
    "ExportSpec": "spec",
    "Item": "formats",
    "PreviewRow": "spec",
    "SettingError": "spec",
    "SkipError": "formats",
    "SplitPlan": "splits",
    "assign_splits": "splits",
    "export_dataset": "pipeline",
    "export_file": "filemode",
    "get_export_format": "registry",
    "history_rows": "publish",
    "list_exports": "publish",
    "manifest_path": "spec",
    "meta_value": "spec",
    "output_paths": "spec",
    "parse_where": "spec",
    "preview_export": "preview",
    "upload_pair": "spec",
    "validation_sibling": "spec",
    "workspace_output": "pipeline",
}
__all__ = [
    "FORMAT_NAMES",
    "ExportEntry",
    "ExportFile",
    "ExportFormat",
    "ExportResult",
    "ExportSpec",
    "Item",
    "PreviewRow",
    "SettingError",
    "SkipError",
    "SplitPlan",
    "assign_splits",
    "export_dataset",
    "export_file",
    "get_export_format",
    "history_rows",
    "list_exports",
    "manifest_path",
    "meta_value",
    "output_paths",
    "parse_where",
    "preview_export",
    "upload_pair",
    "validation_sibling",
    "workspace_output",
]


__getattr__ = lazy_exports(__name__, _MODULE_OF)
