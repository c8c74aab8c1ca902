"""What an import of a file would make of it, without a workspace: the detected format and
why, the items read and rejected, unpaired labels, and every field mapped or kept unread."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from curation.ingest.formats import (
    Detection,
    FieldNote,
    LineError,
    NoteKey,
    explain_detection,
    field_notes,
    open_source,
)


@dataclass(slots=True)
class FileSurvey:
    path: str
    format: str
    detection: Detection | None  # None when the format was given
    items: int = 0
    records: int = 0
    completions: int = 0
    rejected: int = 0
    labels: Counter[bool] = field(default_factory=Counter)
    notes: Counter[NoteKey] = field(default_factory=Counter)
    errors: list[LineError] = field(default_factory=list)

    @property
    def fields(self) -> list[FieldNote]:
        return field_notes(self.notes)

    def lines(self) -> list[str]:
        """The report as text lines (format, why, counts, labels, fields)."""
        out = [f"{Path(self.path).name}: {self.format}"]
        if self.detection is not None:
            out.append(f"  detected by {self.detection.explain()}")
        out.append(
            f"  {self.records:,} records, {self.completions:,} completions,"
            f" {self.rejected:,} rejected of {self.items:,} items"
        )
        if self.labels:
            out.append(
                f"  unpaired feedback: {self.labels[True]:,} desirable,"
                f" {self.labels[False]:,} undesirable"
            )
        out.extend(f"  {note}" for note in self.fields)
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "detected_by": self.detection.format.rule if self.detection else None,
            "runner_up": (
                self.detection.runner_up.name
                if self.detection and self.detection.runner_up
                else None
            ),
            "items": self.items,
            "records": self.records,
            "completions": self.completions,
            "rejected": self.rejected,
            "labels": {"desirable": self.labels[True], "undesirable": self.labels[False]},
            "fields": [n.as_dict() for n in self.fields],
            "errors": [e.as_dict() for e in self.errors[:100]],
        }


def survey_file(path: str | Path, format: str | None = None) -> FileSurvey:
    """Parse every item as an import would (nothing is written, no tokens counted)."""
    source = open_source(path, format)
    detection = None if format is not None else explain_detection(path, source.container)
    report = FileSurvey(str(path), source.format.name, detection)
    for parsed in source.records(report.notes):
        report.items += 1
        if parsed.record is None:
            report.rejected += 1
            if parsed.error is not None and len(report.errors) < 1000:
                report.errors.append(parsed.error)
            continue
        report.records += 1
        report.completions += len(parsed.record.completions)
        for c in parsed.record.completions:
            if c.label is not None:
                report.labels[c.label] += 1
    return report
