"""Labelling tables: campaigns, their guidelines, annotators, tasks, assignments, judgments,
thumbs outcomes, a lead's adjudications and the AI judge's suggestions.

They share :class:`curation.store.models.Base` (one metadata, one Alembic history) and are
kept apart from the core tables so that the labelling stage's storage reads on its own;
``curation.labeling`` is the code that reads and writes them. Schema changes go through
Alembic migrations.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from curation.store.models import Base, BigId, Json, utcnow


class Campaign(Base):
    """Pairs to label with guidelines, criteria, overlap k and the annotators who may label."""

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    dataset_id: Mapped[int] = mapped_column(
        sa.ForeignKey("datasets.id", ondelete="CASCADE"), index=True
    )
    overlap: Mapped[int] = mapped_column(sa.Integer, default=2)
    criteria: Mapped[list[str]] = mapped_column(Json, default=list)
    rationale_required_for: Mapped[list[str]] = mapped_column(Json, default=list)
    pair_filter: Mapped[dict[str, Any]] = mapped_column(Json, default=dict)
    status: Mapped[str] = mapped_column(sa.String(20), default="active")
    show_ai_suggestions: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    created_by: Mapped[str] = mapped_column(sa.String(200), default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)
    # "pair" (compare two completions) or "thumbs" (good / bad on one completion)
    kind: Mapped[str] = mapped_column(sa.String(20), default="pair", server_default="pair")
    # thumbs campaigns: how votes become a KTO label (see curation.labeling.thumbs)
    thumbs_policy: Mapped[dict[str, Any] | None] = mapped_column(Json, nullable=True)
    # ranking campaigns: answers shown per screen and how many to rank (see
    # curation.labeling.ranking)
    ranking_settings: Mapped[dict[str, Any] | None] = mapped_column(Json, nullable=True)


class Guideline(Base):
    """One version of a campaign's guidelines; judgments record the version they saw."""

    __tablename__ = "guidelines"
    __table_args__ = (sa.UniqueConstraint("campaign_id", "version"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(sa.ForeignKey("campaigns.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(sa.Integer)
    text: Mapped[str] = mapped_column(sa.Text, default="")
    created_by: Mapped[str] = mapped_column(sa.String(200), default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)


class CampaignAnnotator(Base):
    __tablename__ = "campaign_annotators"

    campaign_id: Mapped[int] = mapped_column(
        sa.ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    annotator: Mapped[str] = mapped_column(sa.String(200), primary_key=True)


class Task(Base):
    """A pair (or, in a thumbs campaign, one completion) inside a campaign.

    ``n_assigned`` counts live assignments (open or done), never above k.
    """

    __tablename__ = "tasks"
    __table_args__ = (
        sa.UniqueConstraint("campaign_id", "pair_id"),
        sa.UniqueConstraint("campaign_id", "completion_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(sa.ForeignKey("campaigns.id", ondelete="CASCADE"))
    pair_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("pairs.id", ondelete="CASCADE"), nullable=True
    )
    completion_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("completions.id", ondelete="CASCADE"), nullable=True
    )
    record_id: Mapped[int] = mapped_column(
        sa.ForeignKey("records.id", ondelete="CASCADE"), index=True
    )
    queue_key: Mapped[int] = mapped_column(sa.Integer, default=0)
    n_assigned: Mapped[int] = mapped_column(sa.Integer, default=0)
    n_labels: Mapped[int] = mapped_column(sa.Integer, default=0)
    disagreement: Mapped[int] = mapped_column(sa.Integer, default=0)
    is_gold: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    gold_choice: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)


# In the queue's ORDER BY, so serving the next item reads the index in order.
sa.Index(
    "ix_tasks_queue_order",
    Task.campaign_id,
    Task.n_labels,
    Task.disagreement.desc(),
    Task.queue_key,
)


class Assignment(Base):
    """A task served to one annotator, with the A/B placement they see (kept across refreshes)."""

    __tablename__ = "assignments"
    __table_args__ = (
        sa.UniqueConstraint("task_id", "annotator"),
        sa.Index("ix_assignments_annotator_status", "campaign_id", "annotator", "status"),
        sa.Index("ix_assignments_campaign_updated", "campaign_id", "updated_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(sa.ForeignKey("campaigns.id", ondelete="CASCADE"))
    task_id: Mapped[int] = mapped_column(sa.ForeignKey("tasks.id", ondelete="CASCADE"))
    annotator: Mapped[str] = mapped_column(sa.String(200))
    shown_left: Mapped[str] = mapped_column(sa.String(1))
    status: Mapped[str] = mapped_column(sa.String(20), default="open")
    flagged: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    flag_note: Mapped[str] = mapped_column(sa.Text, default="")
    assigned_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)


class Judgment(Base):
    """One version of one annotator's answer on one task. Edits and undos add versions.

    ``choice`` is on the pair's own A/B axis: +2 A≫B, +1 A>B, 0 tie, −1 B>A, −2 B≫A,
    whatever side each completion was shown on (``shown_left``). ``retracted`` marks an
    undo; only the newest version (``is_current``) counts.
    """

    __tablename__ = "judgments"
    __table_args__ = (
        sa.UniqueConstraint("task_id", "annotator", "version"),
        # a re-sent answer (same browser-made key) is recognised, not stored twice
        sa.UniqueConstraint("annotator", "client_key"),
        sa.Index("ix_judgments_current", "campaign_id", "is_current"),
        sa.Index("ix_judgments_annotator", "campaign_id", "annotator"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(sa.ForeignKey("campaigns.id", ondelete="CASCADE"))
    task_id: Mapped[int] = mapped_column(sa.ForeignKey("tasks.id", ondelete="CASCADE"))
    pair_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("pairs.id", ondelete="CASCADE"), nullable=True
    )
    # thumbs campaigns: the completion judged; ``choice`` is +1 good, −1 bad
    completion_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("completions.id", ondelete="CASCADE"), nullable=True
    )
    annotator: Mapped[str] = mapped_column(sa.String(200))
    version: Mapped[int] = mapped_column(sa.Integer, default=1)
    is_current: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    retracted: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    choice: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    both_bad: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    criteria: Mapped[dict[str, Any]] = mapped_column(Json, default=dict)
    rationale: Mapped[str] = mapped_column(sa.Text, default="")
    shown_left: Mapped[str] = mapped_column(sa.String(1), default="a")
    guideline_version: Mapped[int] = mapped_column(sa.Integer, default=1)
    source: Mapped[str] = mapped_column(sa.String(40), default="app")
    started_at: Mapped[datetime | None] = mapped_column(sa.DateTime, nullable=True)
    submitted_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)
    duration_ms: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    # the key the annotator's browser gave this answer (or undo); None when not from a browser
    client_key: Mapped[str | None] = mapped_column(sa.String(64), nullable=True)


class ThumbsOutcome(Base):
    """The aggregated verdict of a thumbs campaign on one completion: good, bad or undecided."""

    __tablename__ = "thumbs_outcomes"

    campaign_id: Mapped[int] = mapped_column(
        sa.ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    completion_id: Mapped[int] = mapped_column(
        sa.ForeignKey("completions.id", ondelete="CASCADE"), primary_key=True
    )
    verdict: Mapped[str] = mapped_column(sa.String(20))
    good: Mapped[int] = mapped_column(sa.Integer, default=0)
    bad: Mapped[int] = mapped_column(sa.Integer, default=0)
    share: Mapped[float] = mapped_column(sa.Float, default=0.0)
    # the completion's label before this campaign decided it, restored if it becomes undecided
    prior_label: Mapped[bool | None] = mapped_column(sa.Boolean, nullable=True)
    decided_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)


class RankingSlot(Base):
    """One completion a ranking task shows (a record's 3–5 answers, chosen at creation)."""

    __tablename__ = "ranking_slots"

    task_id: Mapped[int] = mapped_column(
        sa.ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True
    )
    completion_id: Mapped[int] = mapped_column(
        sa.ForeignKey("completions.id", ondelete="CASCADE"), primary_key=True
    )
    slot: Mapped[int] = mapped_column(sa.Integer)  # order before the annotator's shuffle


class JudgmentRank(Base):
    """The rank one ranking judgment gave one completion (None: left unranked in a partial
    ranking, or the judgment said "all bad"), and where the annotator saw it (0 = first)."""

    __tablename__ = "judgment_ranks"

    judgment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("judgments.id", ondelete="CASCADE"), primary_key=True
    )
    completion_id: Mapped[int] = mapped_column(
        sa.ForeignKey("completions.id", ondelete="CASCADE"), primary_key=True
    )
    rank: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    shown_at: Mapped[int] = mapped_column(sa.Integer, default=0)


class RankingOutcome(Base):
    """A ranking campaign's applied verdict on one completion: its Bradley–Terry score and
    rank among its record's shown answers, and how many rankings called it bad."""

    __tablename__ = "ranking_outcomes"

    campaign_id: Mapped[int] = mapped_column(
        sa.ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    completion_id: Mapped[int] = mapped_column(
        sa.ForeignKey("completions.id", ondelete="CASCADE"), primary_key=True
    )
    record_id: Mapped[int] = mapped_column(
        sa.ForeignKey("records.id", ondelete="CASCADE"), index=True
    )
    rank: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    score: Mapped[float | None] = mapped_column(sa.Float, nullable=True)
    bad: Mapped[int] = mapped_column(sa.Integer, default=0)
    rankings: Mapped[int] = mapped_column(sa.Integer, default=0)
    decided_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)


class Adjudication(Base):
    """A lead's final decision on a disputed task; the annotators' labels stay as they were."""

    __tablename__ = "adjudications"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        sa.ForeignKey("campaigns.id", ondelete="CASCADE"), index=True
    )
    task_id: Mapped[int] = mapped_column(sa.ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    lead: Mapped[str] = mapped_column(sa.String(200))
    choice: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    both_bad: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    note: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)


class JudgeSuggestion(Base):
    """An AI judge's answer on a task, asked in both A/B orders to expose position bias.

    ``choice_ab`` is the answer with A shown first, ``choice_ba`` with B first, both mapped
    back onto the pair's own A/B axis (+2 A≫B … −2 B≫A).
    """

    __tablename__ = "judge_suggestions"
    __table_args__ = (sa.UniqueConstraint("task_id", "model"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        sa.ForeignKey("campaigns.id", ondelete="CASCADE"), index=True
    )
    task_id: Mapped[int] = mapped_column(sa.ForeignKey("tasks.id", ondelete="CASCADE"))
    model: Mapped[str] = mapped_column(sa.String(200))
    choice_ab: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    choice_ba: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    rationale: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)
