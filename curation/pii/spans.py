"""What detection finds (:class:`Span`, :class:`Finding`) and how overlapping spans resolve."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from curation.pii.public import is_model_only
from curation.pii.segments import Path, render

ENTITY_PRIORITY = {
    "EMAIL_ADDRESS": 7,
    "CREDIT_CARD": 7,
    "IBAN_CODE": 7,
    "US_SSN": 6,
    "IP_ADDRESS": 6,
    "PHONE_NUMBER": 5,
    "STREET_ADDRESS": 4,
    "URL": 3,
    "PERSON": 2,
}


@dataclass(frozen=True, slots=True)
class Span:
    """One detected value inside one string."""

    start: int
    end: int
    entity: str
    text: str
    score: float
    source: str

    def priority(self) -> int:
        if self.source.startswith("deny:"):
            return 9
        if self.source.startswith("rule:"):
            return 8
        return ENTITY_PRIORITY.get(self.entity, 1)


@dataclass(frozen=True, slots=True)
class Finding:
    """A span with the path of the string it is in."""

    path: Path
    start: int
    end: int
    entity: str
    text: str
    score: float
    source: str

    @property
    def location(self) -> str:
        return render(self.path)

    def as_dict(self) -> dict[str, Any]:
        return {
            "location": self.location,
            "start": self.start,
            "end": self.end,
            "entity": self.entity,
            "text": self.text,
            "score": self.score,
            "source": self.source,
        }


# --------------------------------------------------------------------------- overlaps


def _private_evidence(source: str) -> bool:
    """A source that outweighs the model's when both find the same name. "X wrote …"
    (``name:postfix``) is said of novelists as often as of colleagues, so it does not."""
    return not is_model_only(source) and not source.startswith("name:postfix")


# A person's adjacent name words merge across a space or hyphen, never across what separates
# table cells or lines: "Ivana,Mirkovic,4" must keep its comma when both cells are names.
_CELL_BREAKS = frozenset(",;|\t\n\r")


def resolve(spans: list[Span], text: str) -> list[Span]:
    """Merge same-entity overlaps (and a person's adjacent name words), drop spans that lie
    inside a span of a stronger entity. Spans of different entities may still overlap.

    A merged span names the source of its highest-scored part; of equal scores, the first
    in ``spans``, whose order is fixed (the analyzer's results in recogniser registration
    order, then the name table, email names and propagation), never a set's or a batch's."""
    if len(spans) <= 1:
        return list(spans)
    by_entity: dict[str, list[Span]] = defaultdict(list)
    for s in spans:
        by_entity[s.entity].append(s)
    merged: list[Span] = []
    for entity, group in by_entity.items():
        group.sort(key=lambda s: (s.start, -s.end))
        current = group[0]
        for s in group[1:]:
            gap = s.start - current.end
            if s.start < current.end or (
                entity == "PERSON"
                and 0 <= gap <= 1
                and text[current.end : s.start] not in _CELL_BREAKS
            ):
                end = max(current.end, s.end)
                best = current if current.score >= s.score else s
                other = s if best is current else current
                if is_model_only(best.source) and _private_evidence(other.source):
                    best = other  # keep the evidence of a private person ("name:word-pair")
                current = Span(
                    current.start,
                    end,
                    entity,
                    text[current.start : end],
                    max(current.score, s.score),
                    best.source,
                )
            else:
                merged.append(current)
                current = s
        merged.append(current)
    # One sweep: a span is dropped when an earlier-starting span of at least its priority
    # contains it (or covers exactly the same characters with a higher priority).
    merged.sort(key=lambda s: (s.start, -s.end, -s.priority(), s.entity))
    kept: list[Span] = []
    active: list[Span] = []
    for s in merged:
        active = [o for o in active if o.end > s.start]
        covered = any(
            o.start <= s.start
            and s.end <= o.end
            and (
                o.priority() >= s.priority()
                if (o.start, o.end) != (s.start, s.end)
                else o.priority() > s.priority()
            )
            for o in active
        )
        if not covered:
            kept.append(s)
        active.append(s)
    return kept
