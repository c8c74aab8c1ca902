"""What the PII detector finds in a few message texts."""

from __future__ import annotations

from curation.pii.detect import Detector, Finding
from curation.pii.segments import Segment


def found(det: Detector, *texts: str) -> list[Finding]:
    """The findings in ``texts``, each the content of one message."""
    return det.detect([Segment(("messages", i, "content"), t) for i, t in enumerate(texts)])


def spans_of(det: Detector, text: str, entity: str) -> list[str]:
    """The texts of ``entity``'s spans the detector finds in ``text``."""
    return [s.text for s in det.analyze_texts([text])[0] if s.entity == entity]


def addresses(det: Detector, text: str) -> list[str]:
    return spans_of(det, text, "STREET_ADDRESS")


def redacted(det: Detector, text: str) -> set[str]:
    """The person names found in ``text``."""
    return set(spans_of(det, text, "PERSON"))


def people(det: Detector, *texts: str) -> set[str]:
    """The person values the detector redacts in a record of ``texts`` (one per message)."""
    return {f.text for f in found(det, *texts) if f.entity == "PERSON"}


def span_at(text: str, value: str) -> tuple[int, int]:
    """Start and end of ``value``'s first occurrence in ``text`` (which must hold it)."""
    at = text.find(value)
    assert at >= 0, value
    return at, at + len(value)
