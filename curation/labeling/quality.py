"""How good are a campaign's labels: its progress, and the whole quality report (progress,
agreement, position bias, gold, straight-lining, time on item) from one read of the live labels.
The statistics themselves live in :mod:`curation.labeling.agreement` and
:mod:`curation.labeling.annotator_checks`; the disputes a lead should settle in
:mod:`curation.labeling.disputes`; the live labels in :mod:`curation.labeling.live` (docs/architecture.md).

Everything here reads only *live* judgments (``is_current`` and not ``retracted``): an undone
answer or an earlier version of an edited one never counts. The statistics come from
maintained libraries — ``krippendorff`` for α, scikit-learn's ``cohen_kappa_score`` for κ,
``scipy.stats.binomtest`` for position bias — so this module only arranges the data.

Choices live on the pair's own A/B axis (+2 A≫B … −2 B≫A). "Both bad" is not a point on that
axis, so agreement statistics (α, κ) treat it as a missing rating; progress, gold accuracy,
straight-lining and the disagreement queue count it as an answer of its own.

Labels imported from another tool (``source == "import"``) were never shown on our screen:
their ``shown_left`` is a placeholder, so they are left out of position bias and
straight-lining, and they carry no time on item.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.labeling.agreement import MIN_OVERLAP, Agreement, KappaMatrix, agreement_of, kappa_of
from curation.labeling.annotator_checks import (
    SIGNIFICANCE,
    STRAIGHT_LINE_THRESHOLD,
    GoldAccuracy,
    ItemTimes,
    PositionBias,
    StraightLining,
    gold_of,
    position_of,
    straight_of,
    times_of,
)
from curation.labeling.campaigns import require_campaign
from curation.labeling.disputes import latest_adjudication_info
from curation.labeling.live import (
    LiveLabel,
    annotator_names,
    by_annotator,
    live_labels,
    median,
    seconds_of,
)
from curation.labeling.result import Result
from curation.store import labeling_models as lm


@dataclass(frozen=True, slots=True)
class AnnotatorProgress(Result):
    """``done``/``skipped``/``open`` count assignments; ``labels`` counts live judgments."""

    annotator: str
    done: int = 0
    skipped: int = 0
    open: int = 0
    expired: int = 0
    flagged: int = 0
    labels: int = 0
    median_seconds: float | None = None


@dataclass(frozen=True, slots=True)
class CampaignProgress(Result):
    """``complete`` counts tasks with ``target`` live labels: k, or fewer if the team is smaller."""

    campaign_id: int
    overlap: int
    target: int
    tasks: int
    labelled: int
    complete: int
    labels: int
    labels_per_task: dict[int, int]
    annotators: list[AnnotatorProgress]


def progress(session: Session, campaign_id: int) -> CampaignProgress:
    return progress_of(
        session, require_campaign(session, campaign_id), live_labels(session, campaign_id)
    )


def progress_of(
    session: Session, campaign: lm.Campaign, labels: list[LiveLabel]
) -> CampaignProgress:
    names = annotator_names(session, campaign.id, labels)
    counts: dict[str, Counter[str]] = {name: Counter() for name in names}
    for annotator, status, flagged, count in session.execute(
        sa.select(
            lm.Assignment.annotator, lm.Assignment.status, lm.Assignment.flagged, sa.func.count()
        )
        .where(lm.Assignment.campaign_id == campaign.id)
        .group_by(lm.Assignment.annotator, lm.Assignment.status, lm.Assignment.flagged)
    ):
        if status in ("done", "skipped", "open", "expired"):
            counts[annotator][status] += int(count)
        if flagged:
            counts[annotator]["flagged"] += int(count)
    own = by_annotator(labels)
    rows = {
        name: AnnotatorProgress(
            name,
            done=counts[name]["done"],
            skipped=counts[name]["skipped"],
            open=counts[name]["open"],
            expired=counts[name]["expired"],
            flagged=counts[name]["flagged"],
            labels=len(own.get(name, [])),
            median_seconds=median(seconds_of(own[name])) if name in own else None,
        )
        for name in names
    }
    task_ids = list(
        session.scalars(sa.select(lm.Task.id).where(lm.Task.campaign_id == campaign.id))
    )
    per_task = Counter(label.task_id for label in labels)
    members = session.scalar(
        sa.select(sa.func.count())
        .select_from(lm.CampaignAnnotator)
        .where(lm.CampaignAnnotator.campaign_id == campaign.id)
    )
    target = max(1, min(campaign.overlap, int(members or 0) or campaign.overlap))
    histogram = Counter(per_task.get(t, 0) for t in task_ids)
    return CampaignProgress(
        campaign_id=campaign.id,
        overlap=campaign.overlap,
        target=target,
        tasks=len(task_ids),
        labelled=sum(1 for t in task_ids if per_task.get(t, 0) > 0),
        complete=sum(1 for t in task_ids if per_task.get(t, 0) >= target),
        labels=len(labels),
        labels_per_task=dict(sorted(histogram.items())),
        annotators=[rows[n] for n in names],
    )


@dataclass(frozen=True, slots=True)
class QualityReport(Result):
    campaign_id: int
    campaign: str
    progress: CampaignProgress
    agreement: Agreement
    kappa: KappaMatrix
    position: list[PositionBias]
    gold: list[GoldAccuracy]
    straight_lining: list[StraightLining]
    times: list[ItemTimes]
    gold_tasks: int
    adjudicated: int


def quality_report(
    session: Session,
    campaign_id: int,
    *,
    min_overlap: int = MIN_OVERLAP,
    straight_threshold: int = STRAIGHT_LINE_THRESHOLD,
    significance: float = SIGNIFICANCE,
) -> QualityReport:
    """Every statistic of this module from one read of the live labels (the disagreement
    queue is separate: it loads conversations)."""
    campaign = require_campaign(session, campaign_id)
    labels = live_labels(session, campaign_id)
    names = annotator_names(session, campaign_id, labels)
    gold_tasks = session.scalar(
        sa.select(sa.func.count(lm.Task.id)).where(
            lm.Task.campaign_id == campaign_id,
            lm.Task.is_gold.is_(True),
            lm.Task.gold_choice.is_not(None),
        )
    )
    return QualityReport(
        campaign_id=campaign.id,
        campaign=campaign.name,
        progress=progress_of(session, campaign, labels),
        agreement=agreement_of(campaign, labels),
        kappa=kappa_of(names, labels, min_overlap),
        position=position_of(names, labels, significance),
        gold=gold_of(session, campaign_id, names, labels),
        straight_lining=straight_of(names, labels, straight_threshold),
        times=times_of(names, labels),
        gold_tasks=int(gold_tasks or 0),
        adjudicated=len(latest_adjudication_info(session, campaign_id)),
    )
