"""One annotator's standing in a campaign: answers done against their fair share of the
campaign's labels, items skipped, and the campaign's own totals (the Rank and My progress
pages show it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

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
    """Done / assigned for one annotator; assigned is their fair share of the campaign's labels.

    The Rank page reads it on every rerun: the campaign and its five counts take two
    statements."""
    with ws.read() as session:
        campaign = require_campaign(session, campaign_id)
        counts = sa.select(
            _scalar(sa.func.count(lm.Task.id), lm.Task.campaign_id == campaign.id),
            _scalar(sa.func.count(), lm.CampaignAnnotator.campaign_id == campaign.id),
            _scalar(
                sa.func.count(lm.Judgment.id),
                lm.Judgment.campaign_id == campaign.id,
                lm.Judgment.annotator == annotator,
                lm.Judgment.is_current.is_(True),
                lm.Judgment.retracted.is_(False),
            ),
            _scalar(
                sa.func.count(lm.Assignment.id),
                lm.Assignment.campaign_id == campaign.id,
                lm.Assignment.annotator == annotator,
                lm.Assignment.status == "skipped",
            ),
            _scalar(
                sa.func.coalesce(sa.func.sum(lm.Task.n_labels), 0),
                lm.Task.campaign_id == campaign.id,
            ),
        )
        n_tasks, n_annotators, done, skipped, labels = (
            int(n or 0) for n in session.execute(counts).one()
        )
    n_annotators = n_annotators or 1
    capacity = n_tasks * min(campaign.overlap, n_annotators)
    quota = min(n_tasks, math.ceil(capacity / n_annotators))
    return Quota(done, max(quota, done), skipped, n_tasks, labels, capacity)


def _scalar(value: Any, *where: Any) -> sa.ScalarSelect[Any]:
    return sa.select(value).where(*where).scalar_subquery()
