"""What an engine actor runs for detection (:func:`curation.pii.stream.detect_stream`).

Kept free of heavy imports: an actor blocks ``transformers`` before Presidio is imported,
because Presidio imports it (and its own import costs seconds) only for engines we never
use here, and every actor would pay for it again.
"""

from __future__ import annotations

import sys
from typing import Any


def make_detector(config: dict[str, Any]) -> Any:
    """The actor's detector, made once (its Presidio engines and spaCy model loaded)."""
    if "presidio_analyzer" not in sys.modules and "transformers" not in sys.modules:
        sys.modules["transformers"] = None  # type: ignore[assignment]
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except ImportError:  # pragma: no cover - threadpoolctl comes with scikit-learn
        pass
    # Imported here, after transformers is blocked: detect imports Presidio.
    from curation.pii.config import PiiConfig
    from curation.pii.detect import get_detector

    return get_detector(PiiConfig.from_dict(config))


def work(detector: Any, batch: list[list[tuple[Any, str, bool]]]) -> list[Any]:
    from curation.pii.segments import Segment

    return list(detector.detect_records([[Segment(p, t, d) for p, t, d in segs] for segs in batch]))
