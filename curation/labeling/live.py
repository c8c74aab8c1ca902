"""The live labels of a campaign, as every quality statistic sees them, and the small
helpers those statistics share (annotator names, per-annotator grouping, time on item).

A *live* judgment is ``is_current`` and not ``retracted``: an undone answer or an earlier
version of an edited one never counts. Labels imported from another tool
(``source == "import"``) were never shown on our screen, so they are not ``on_screen``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.labeling.campaigns import require_campaign
from curation.labeling.scale import SCREEN_HELP, to_screen
from curation.store import labeling_models as lm

BOTH_BAD = "both_bad"
SCREEN_LABELS: dict[int | str, str] = {value: label for value, label in SCREEN_HELP.items()} | {
    BOTH_BAD: "Both bad"
}
IMPORTED = "import"


@dataclass(frozen=True, slots=True)
class LiveLabel:
    """One live judgment, as every statistic here sees it."""

    judgment_id: int
    task_id: int
    annotator: str
    choice: int | None
    both_bad: bool
    criteria: dict[str, Any]
    rationale: str
    shown_left: str
    source: str
    submitted_at: datetime
    duration_ms: int | None

    @property
    def on_screen(self) -> bool:
        return self.source != IMPORTED

    @property
    def scale_value(self) -> int | None:
        """The answer on the 5-point axis, or None for 'both bad' (missing for α and κ)."""
        return None if self.both_bad else self.choice

    @property
    def screen_answer(self) -> int | str:
        """What the annotator pressed: 2 … −2 from 'left much better' to 'right much better'."""
        if self.both_bad or self.choice is None:
            return BOTH_BAD
        return to_screen(self.choice, self.shown_left)


def live_labels(session: Session, campaign_id: int) -> list[LiveLabel]:
    """The campaign's live judgments in submission order (oldest first)."""
    require_campaign(session, campaign_id)
    rows = session.scalars(
        sa.select(lm.Judgment)
        .where(
            lm.Judgment.campaign_id == campaign_id,
            lm.Judgment.is_current.is_(True),
            lm.Judgment.retracted.is_(False),
        )
        .order_by(lm.Judgment.submitted_at, lm.Judgment.id)
    )
    return [
        LiveLabel(
            judgment_id=j.id,
            task_id=j.task_id,
            annotator=j.annotator,
            choice=j.choice,
            both_bad=bool(j.both_bad),
            criteria=dict(j.criteria or {}),
            rationale=j.rationale or "",
            shown_left=j.shown_left,
            source=j.source,
            submitted_at=j.submitted_at,
            duration_ms=j.duration_ms,
        )
        for j in rows
    ]


def annotator_names(session: Session, campaign_id: int, labels: Iterable[LiveLabel]) -> list[str]:
    """Members of the campaign plus anyone who left a label or held an item (removed members too)."""
    names = set(
        session.scalars(
            sa.select(lm.CampaignAnnotator.annotator).where(
                lm.CampaignAnnotator.campaign_id == campaign_id
            )
        )
    )
    names.update(
        session.scalars(
            sa.select(lm.Assignment.annotator)
            .where(lm.Assignment.campaign_id == campaign_id)
            .distinct()
        )
    )
    names.update(label.annotator for label in labels)
    return sorted(names)


def by_annotator(labels: Iterable[LiveLabel]) -> dict[str, list[LiveLabel]]:
    out: dict[str, list[LiveLabel]] = defaultdict(list)
    for label in labels:
        out[label.annotator].append(label)
    return out


def seconds_of(labels: Iterable[LiveLabel]) -> list[float]:
    return [label.duration_ms / 1000 for label in labels if label.duration_ms is not None]


def median(values: Sequence[float]) -> float | None:
    return float(np.median(values)) if len(values) else None


def p90(values: Sequence[float]) -> float | None:
    return float(np.percentile(values, 90)) if len(values) else None


def finite(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None
