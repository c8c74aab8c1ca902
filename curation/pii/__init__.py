"""PII: Presidio detection, propagation within a record, operators, review decisions, apply.

The modules, in the order data flows through them:

- :mod:`~curation.pii.config` — what to look for (entities, threshold, allow/deny/patterns);
- :mod:`~curation.pii.engine` — the Presidio engines and the bundled spaCy model, offline;
- :mod:`~curation.pii.recognizers` — our recognisers for Presidio's gaps;
- :mod:`~curation.pii.ip_addresses` — IPv4 and IPv6, checked with :mod:`ipaddress`;
- :mod:`~curation.pii.name_table` / :mod:`~curation.pii.person_signals` — names from the
  committed name table and their context; :mod:`~curation.pii.postal` — military mail, PO
  boxes, Japanese and flat-first addresses; :mod:`~curation.pii.phones` — numbering plans;
- :mod:`~curation.pii.detect` — batching, chunking, the detector (:mod:`~curation.pii.stream`
  runs it over a stream, on engine actors (:mod:`~curation.pii.worker`) for large ones); with
  :mod:`~curation.pii.precision` (precision rules; :mod:`~curation.pii.titles`: titles,
  carriers, field values), :mod:`~curation.pii.propagation`, :mod:`~curation.pii.spans`
  (overlaps) and :mod:`~curation.pii.public` (public figures);
- :mod:`~curation.pii.segments` — where a record's strings are, and how to write them back;
- :mod:`~curation.pii.operators` / :mod:`~curation.pii.redact` — replacements, JSON-safe;
- the workspace stage: :mod:`~curation.pii.settings` (secrets, settings),
  :mod:`~curation.pii.rules` (allow/deny/patterns, rules files), :mod:`~curation.pii.scan`,
  :mod:`~curation.pii.states` (record states), :mod:`~curation.pii.review` (decisions),
  :mod:`~curation.pii.record_view`, :mod:`~curation.pii.apply`, :mod:`~curation.pii.status`
  and :mod:`~curation.pii.events` (the audit trail);
- :mod:`~curation.pii.gate` — the export gate (states, reasons), without Presidio;
- :mod:`~curation.pii.files` — file-to-file redaction for every import format.

Names are re-exported lazily: importing this package does not load Presidio or spaCy.
"""

from __future__ import annotations

from curation.lazy import lazy_exports

_EXPORTS = {
    "PiiConfig": "config",
    "PatternRule": "config",
    "Secrets": "config",
    "DEFAULT_ENTITIES": "config",
    "OPTIONAL_ENTITIES": "config",
    "Detector": "detect",
    "Finding": "detect",
    "get_detector": "detect",
    "detect_stream": "stream",
    "configure_offline": "engine",
    "OPERATORS": "operators",
    "OperatorSpec": "operators",
    "Replacer": "operators",
    "Segment": "segments",
    "record_segments": "segments",
    "redact_file": "files",
    "FileRedactResult": "files",
    "PiiSettings": "settings",
    "load_settings": "settings",
    "save_settings": "settings",
    "workspace_secrets": "settings",
    "workspace_config": "rules",
    "add_rule": "rules",
    "remove_rule": "rules",
    "list_rules": "rules",
    "set_terms": "rules",
    "import_rules": "rules",
    "load_rules_file": "rules",
    "config_with_rules": "rules",
    "scan_dataset": "scan",
    "ScanResult": "scan",
    "decide": "review",
    "FindingFilter": "review",
    "list_findings": "review",
    "value_table": "review",
    "records_to_review": "review",
    "apply_redaction": "apply",
    "ApplyResult": "apply",
    "preview_record": "apply",
    "ScanOptions": "scan",
    "pii_status": "status",
    "PiiStatus": "status",
    "blocked_record_ids": "gate",
    "gate_reason": "gate",
    "event_rows": "events",
    "trainable_messages": "status",
    "PASSABLE": "gate",
    "RecordReview": "record_view",
    "record_review": "record_view",
    "pii_events": "events",
    "highlight_markdown": "highlight",
    "Mark": "highlight",
    "STATES": "gate",
}

__all__ = sorted(_EXPORTS)


__getattr__ = lazy_exports(__name__, _EXPORTS)
