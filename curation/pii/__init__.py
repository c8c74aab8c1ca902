"""PII: Presidio detection, propagation within a record, operators, review decisions, apply.

The modules, in the order data flows through them:

- :mod:`~curation.pii.config` — what to look for (entities, threshold, allow/deny/patterns);
- :mod:`~curation.pii.engine` — the Presidio engines and the bundled spaCy model, offline;
- :mod:`~curation.pii.recognizers` — our recognisers for Presidio's gaps;
- :mod:`~curation.pii.name_table` / :mod:`~curation.pii.person_signals` — names from the
  committed name table and their context; :mod:`~curation.pii.postal` — military mail, PO
  boxes, Japanese and flat-first addresses; :mod:`~curation.pii.phones` — numbering plans;
- :mod:`~curation.pii.detect` — batching, chunking, the detector, workers; with
  :mod:`~curation.pii.precision` (precision rules), :mod:`~curation.pii.propagation`,
  :mod:`~curation.pii.spans` (overlaps) and :mod:`~curation.pii.public` (public figures);
- :mod:`~curation.pii.segments` — where a record's strings are, and how to write them back;
- :mod:`~curation.pii.operators` / :mod:`~curation.pii.redact` — replacements, JSON-safe;
- :mod:`~curation.pii.workflow` — the workspace stage: scan, review, apply, audit;
- :mod:`~curation.pii.gate` — the export gate (states, reasons), without Presidio;
- :mod:`~curation.pii.files` — file-to-file redaction for every import format.

Names are re-exported lazily: importing this package does not load Presidio or spaCy.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "PiiConfig": "config",
    "PatternRule": "config",
    "Secrets": "config",
    "DEFAULT_ENTITIES": "config",
    "OPTIONAL_ENTITIES": "config",
    "Detector": "detect",
    "Finding": "detect",
    "get_detector": "detect",
    "detect_stream": "detect",
    "configure_offline": "engine",
    "OPERATORS": "operators",
    "OperatorSpec": "operators",
    "Replacer": "operators",
    "Segment": "segments",
    "record_segments": "segments",
    "redact_file": "files",
    "FileRedactResult": "files",
    "PiiSettings": "workflow",
    "load_settings": "workflow",
    "save_settings": "workflow",
    "workspace_secrets": "workflow",
    "workspace_config": "workflow",
    "add_rule": "workflow",
    "remove_rule": "workflow",
    "list_rules": "workflow",
    "set_terms": "workflow",
    "import_rules": "workflow",
    "load_rules_file": "workflow",
    "config_with_rules": "workflow",
    "scan_dataset": "workflow",
    "ScanResult": "workflow",
    "decide": "workflow",
    "FindingFilter": "workflow",
    "list_findings": "workflow",
    "value_table": "workflow",
    "records_to_review": "workflow",
    "apply_redaction": "workflow",
    "ApplyResult": "workflow",
    "preview": "workflow",
    "pii_status": "workflow",
    "PiiStatus": "workflow",
    "blocked_record_ids": "gate",
    "gate_reason": "gate",
    "event_rows": "workflow",
    "trainable_messages": "workflow",
    "PASSABLE": "gate",
    "RecordReview": "workflow",
    "record_review": "workflow",
    "pii_events": "workflow",
    "highlight_markdown": "highlight",
    "Mark": "highlight",
    "STATES": "gate",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'curation.pii' has no attribute {name!r}")
    return getattr(importlib.import_module(f"curation.pii.{module}"), name)
