"""Getting conversations in: formats, import into a workspace, validation and token counts.

Modules: :mod:`~curation.ingest.formats` the import formats (detection, parsing, dumping),
:mod:`~curation.ingest.scan` what an import would do (check and preview),
:mod:`~curation.ingest.importer` the import itself (:mod:`~curation.ingest.rows` builds the
rows, on :mod:`curation.engine` for big files, :mod:`~curation.ingest.writer`
writes them), :mod:`~curation.ingest.sets` imports of several files (OpenAI Batch,
``dataset_info.json``, server folders), :mod:`~curation.ingest.uploads` uploaded files,
:mod:`~curation.ingest.validate` and :mod:`~curation.ingest.checks` the fine-tuning file
checks (:mod:`~curation.ingest.report` what they found), :mod:`~curation.ingest.tokens` and
:mod:`~curation.ingest.token_pipeline` token counts, :mod:`~curation.ingest.cost` the cost.

The names below are loaded on first use, so importing the package stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from curation.lazy import lazy_exports

if TYPE_CHECKING:
    from curation.ingest.checks import Issue, validate_example
    from curation.ingest.cost import CostEstimate, estimate_cost
    from curation.ingest.importer import ImportResult, import_file, import_files
    from curation.ingest.report import ValidationReport
    from curation.ingest.scan import ScanReport, preview_records, scan_file
    from curation.ingest.sets import (
        BatchImport,
        InfoImport,
        import_batch,
        import_dataset_info,
        import_server_entries,
    )
    from curation.ingest.tokens import Counter, counter_for_model
    from curation.ingest.uploads import copy_import_file, store_upload
    from curation.ingest.validate import validate_file

_MODULE_OF = {
    "ImportResult": "importer",
    "import_file": "importer",
    "import_files": "importer",
    "ScanReport": "scan",
    "preview_records": "scan",
    "scan_file": "scan",
    "BatchImport": "sets",
    "InfoImport": "sets",
    "import_batch": "sets",
    "import_dataset_info": "sets",
    "import_server_entries": "sets",
    "copy_import_file": "uploads",
    "store_upload": "uploads",
    "validate_file": "validate",
    "ValidationReport": "report",
    "Issue": "checks",
    "validate_example": "checks",
    "Counter": "tokens",
    "counter_for_model": "tokens",
    "CostEstimate": "cost",
    "estimate_cost": "cost",
}
__all__ = [
    "BatchImport",
    "CostEstimate",
    "Counter",
    "ImportResult",
    "InfoImport",
    "Issue",
    "ScanReport",
    "ValidationReport",
    "copy_import_file",
    "counter_for_model",
    "estimate_cost",
    "import_batch",
    "import_dataset_info",
    "import_file",
    "import_files",
    "import_server_entries",
    "preview_records",
    "scan_file",
    "store_upload",
    "validate_example",
    "validate_file",
]


__getattr__ = lazy_exports(__name__, _MODULE_OF)
