"""One annotator's standing in a campaign: answers done against their fair share of the
campaign's labels, items skipped, and the campaign's own totals (the Rank and My progress
pages show it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import sqlalchemy as sa

from curation.labeling.campaigns import require_campaign
from curation.store import labeling_models as lm
from curation.store.db import Workspace


@dataclass(frozen=True, slots=True)
class Quota:
    """Done / quota for one annotator, with the campaign's tasks, labels and label capacity."""

    done: int
    quota: int
    skipped: int
    campaign_tasks: int
    campaign_labels: int
    campaign_capacity: int

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.quota) if self.quota else 1.0


def annotator_quota(ws: Workspace, campaign_id: int, annotator: str) -> Quota:
    """Done / assigned for one annotator; assigned is their fair share of the campaign's labels."""
    with ws.read() as session:
        campaign = require_campaign(session, campaign_id)
        n_tasks = (
            session.scalar(
                sa.select(sa.func.count(lm.Task.id)).where(lm.Task.campaign_id == campaign.id)
            )
            or 0
        )
        n_annotators = (
            session.scalar(
                sa.select(sa.func.count())
                .select_from(lm.CampaignAnnotator)
                .where(lm.CampaignAnnotator.campaign_id == campaign.id)
            )
            or 1
        )
        done = (
            session.scalar(
                sa.select(sa.func.count(lm.Judgment.id)).where(
                    lm.Judgment.campaign_id == campaign.id,
                    lm.Judgment.annotator == annotator,
                    lm.Judgment.is_current.is_(True),
                    lm.Judgment.retracted.is_(False),
                )
            )
            or 0
        )
        skipped = (
            session.scalar(
                sa.select(sa.func.count(lm.Assignment.id)).where(
                    lm.Assignment.campaign_id == campaign.id,
                    lm.Assignment.annotator == annotator,
                    lm.Assignment.status == "skipped",
                )
            )
            or 0
        )
        labels = (
            session.scalar(
                sa.select(sa.func.coalesce(sa.func.sum(lm.Task.n_labels), 0)).where(
                    lm.Task.campaign_id == campaign.id
                )
            )
            or 0
        )
    capacity = n_tasks * min(campaign.overlap, n_annotators)
    quota = min(n_tasks, math.ceil(capacity / n_annotators))
    return Quota(
        int(done), max(quota, int(done)), int(skipped), int(n_tasks), int(labels), int(capacity)
    )
