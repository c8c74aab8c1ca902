"""Entry points of the detection worker processes (spawned by
:func:`curation.pii.stream.detect_stream`).

Kept free of heavy imports: a worker blocks ``transformers`` before Presidio is imported,
because Presidio imports it (and its own import costs seconds) only for engines we never
use here, and every worker would pay for it again.
"""

from __future__ import annotations

import sys
from typing import Any

_detector: Any = None


def init(config: dict[str, Any]) -> None:
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

    global _detector
    # After a fork the parent's detector (and its loaded model) is already here.
    _detector = get_detector(PiiConfig.from_dict(config))


def work(batch: list[list[tuple[Any, str, bool]]]) -> list[Any]:
    from curation.pii.segments import Segment

    assert _detector is not None, "worker used before init"
    return list(
        _detector.detect_records([[Segment(p, t, d) for p, t, d in segs] for segs in batch])
    )
