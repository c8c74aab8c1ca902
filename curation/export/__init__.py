"""Export training files with provenance (docs/architecture.md).

    from curation.export import ExportSpec, export_dataset
    result = export_dataset(ws, ExportSpec("openai-preference", dataset="hh",
                                           validation_split=0.1), "out/hh.jsonl", actor="me")

writes ``out/hh.train.jsonl`` and ``out/hh.validation.jsonl``, a manifest beside each
(``….manifest.json``), and records the export in the workspace's history and audit log.
Modules: :mod:`~curation.export.spec` the request and the result,
:mod:`~curation.export.plan` decides what goes in (and counts what does not),
:mod:`~curation.export.splits` the split, :mod:`~curation.export.rows` builds, checks and
writes the rows, :mod:`~curation.export.formats` their layouts,
:mod:`~curation.export.sinks` the JSONL/CSV/Parquet writers,
:mod:`~curation.export.staging` the all-or-nothing file write,
:mod:`~curation.export.publish` the history row and the files made visible together,
:mod:`~curation.export.provenance` what the manifest says about sources, PII, dedup and
campaign, and :mod:`~curation.export.pipeline` runs it all.
"""

from curation.export.formats import FORMAT_NAMES, ExportFormat, Item, Skip, get_export_format
from curation.export.pipeline import (
    export_dataset,
    export_file,
    preview_export,
    workspace_output,
)
from curation.export.publish import history_rows, list_exports
from curation.export.spec import (
    ExportFile,
    ExportResult,
    ExportSpec,
    PreviewRow,
    manifest_path,
    meta_value,
    output_paths,
    parse_where,
)
from curation.export.splits import SplitPlan, assign_splits

__all__ = [
    "FORMAT_NAMES",
    "ExportFile",
    "ExportFormat",
    "ExportResult",
    "ExportSpec",
    "Item",
    "PreviewRow",
    "Skip",
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
    "workspace_output",
]
