"""What the PII detector finds in a few message texts."""

from __future__ import annotations

from curation.pii.detect import Detector, Finding
from curation.pii.segments import Segment


def found(det: Detector, *texts: str) -> list[Finding]:
    """The findings in ``texts``, each the content of one message."""
    return det.detect([Segment(("messages", i, "content"), t) for i, t in enumerate(texts)])
