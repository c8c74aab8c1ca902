"""UltraFeedback: an instruction with rated completions from several models (ratings are strings)."""

from __future__ import annotations

import math
from itertools import combinations
from typing import Any

from curation.errors import FieldError
from curation.ingest.formats.base import Format
from curation.ingest.formats.common import require_key, require_object, require_str, type_name
from curation.records import Completion, Record


class UltraFeedback(Format):
    name = "ultrafeedback"
    label = "UltraFeedback"
    rule = "`instruction` with rated `completions`"
    example = '{"instruction":"Hi","completions":[{"model":"a","response":"Hello!","annotations":{"helpfulness":{"Rating":"5"}}}]}'
    priority = 9

    def detect(self, obj: dict[str, Any]) -> bool:
        return "instruction" in obj and "completions" in obj

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        instruction = require_str(require_key(obj, "instruction"), "instruction")
        raw = require_key(obj, "completions")
        if not isinstance(raw, list) or not raw:
            raise FieldError("completions", f"expected a non-empty list, got {type_name(raw)}")
        completions = [_completion(c, f"completions[{i}]") for i, c in enumerate(raw)]
        return Record(
            messages=[{"role": "user", "content": instruction}],
            completions=completions,
            rankings=_rankings_by_score(completions),
            metadata={k: obj[k] for k in ("source", "models") if k in obj},
            extra={
                k: v
                for k, v in obj.items()
                if k not in ("instruction", "completions", "source", "models")
            },
        )


def _completion(value: Any, field: str) -> Completion:
    if not isinstance(value, dict):
        raise FieldError(field, f"expected an object, got {type_name(value)}")
    response = require_str(require_key(value, "response", f"{field}."), f"{field}.response")
    scores: dict[str, Any] = {}
    annotations = value.get("annotations") or {}
    if not isinstance(annotations, dict):
        raise FieldError(
            f"{field}.annotations", f"expected an object, got {type_name(annotations)}"
        )
    for aspect, note in annotations.items():
        rating = note.get("Rating") if isinstance(note, dict) else note
        scores[aspect] = _rating(rating)
    for key in ("overall_score", "fine-grained_score"):
        if key in value:
            scores[key] = _rating(value[key])
    source = value.get("model")
    return Completion(
        [{"role": "assistant", "content": response}],
        source=str(source) if source is not None else None,
        scores=scores,
    )


def _rating(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    rating: float | None = None
    if isinstance(value, int | float):
        rating = float(value)
    elif isinstance(value, str):
        try:
            rating = float(value)
        except ValueError:
            return None  # "N/A" and friends
    # "nan"/"inf" parse as floats but are no rating (NaN would order every pair at random).
    return rating if rating is not None and math.isfinite(rating) else None


def _rankings_by_score(completions: list[Completion]) -> list[tuple[int, int]]:
    """Preferences implied by the fine-grained score (the mean of the aspect ratings)."""
    scores = [_mean_score(c) for c in completions]
    out: list[tuple[int, int]] = []
    for a, b in combinations(range(len(completions)), 2):
        sa, sb = scores[a], scores[b]
        if sa is None or sb is None or sa == sb:
            continue
        out.append((a, b) if sa > sb else (b, a))
    return out


def _mean_score(c: Completion) -> float | None:
    if c.scores.get("fine-grained_score") is not None:
        return float(c.scores["fine-grained_score"])
    values = [v for k, v in c.scores.items() if v is not None and k != "overall_score"]
    return sum(values) / len(values) if values else None
