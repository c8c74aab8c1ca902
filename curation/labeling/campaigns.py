"""Create and manage labelling campaigns: which pairs, guidelines (versioned), criteria, overlap, people."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.audit import log_event
from curation.errors import ConflictError, InputError, NotFoundError
from curation.labeling.ranking import (
    MIN_SHOWN,
    RANKING_RATIONALE_CASES,
    RankingSettings,
    insert_slots,
)
from curation.labeling.result import Result
from curation.labeling.thumbs import ThumbsPolicy
from curation.store import labeling_models as lm
from curation.store import models as m
from curation.store.queries import get_dataset, refresh_planner_stats

RATIONALE_CASES = ("tie", "both_bad")
THUMBS_RATIONALE_CASES = ("bad",)
KINDS = ("pair", "thumbs", "ranking")
CASES_OF_KIND = {
    "pair": RATIONALE_CASES,
    "thumbs": THUMBS_RATIONALE_CASES,
    "ranking": RANKING_RATIONALE_CASES,
}
MAX_OVERLAP = 20


@dataclass(slots=True)
class PairFilter:
    """Which pairs of a dataset go into a campaign. Empty means every pair of active records."""

    formats: list[str] = field(default_factory=list)
    search: str = ""
    limit: int | None = None
    seed: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "formats": self.formats,
            "search": self.search,
            "limit": self.limit,
            "seed": self.seed,
        }


@dataclass(slots=True)
class CampaignSpec:
    name: str
    dataset: str
    overlap: int = 2
    annotators: list[str] = field(default_factory=list)
    criteria: list[str] = field(default_factory=list)
    guidelines: str = ""
    rationale_required_for: list[str] = field(default_factory=list)
    pair_filter: PairFilter = field(default_factory=PairFilter)
    gold_from_imported: int = 0  # this many pairs with an imported preference become gold items
    # "pair": compare two completions; "thumbs": good / bad on single completions;
    # "ranking": rank 3–5 completions of one prompt on one screen
    kind: str = "pair"
    thumbs_policy: ThumbsPolicy | None = None  # thumbs only; the default policy when None
    ranking: RankingSettings | None = None  # ranking only; the default settings when None


def create_campaign(session: Session, spec: CampaignSpec, *, actor: str) -> lm.Campaign:
    """Create a campaign and its tasks in the caller's transaction."""
    name = spec.name.strip()
    if not name:
        raise InputError("a campaign needs a name")
    if session.scalar(sa.select(lm.Campaign.id).where(lm.Campaign.name == name)) is not None:
        raise ConflictError(f"a campaign named {name!r} already exists")
    if not 1 <= spec.overlap <= MAX_OVERLAP:
        raise InputError(f"overlap must be between 1 and {MAX_OVERLAP}, got {spec.overlap}")
    if spec.kind not in KINDS:
        raise InputError(f"campaign kind must be one of {', '.join(KINDS)}, not {spec.kind!r}")
    thumbs, ranking = spec.kind == "thumbs", spec.kind == "ranking"
    cases = CASES_OF_KIND[spec.kind]
    bad_cases = set(spec.rationale_required_for) - set(cases)
    if bad_cases:
        raise InputError(
            f"rationale can be required for {', '.join(cases)}, not {sorted(bad_cases)}"
        )
    ds = get_dataset(session, spec.dataset)
    annotators = _check_annotators(session, spec.annotators)
    criteria = _clean_criteria(spec.criteria)
    if thumbs and criteria:
        raise InputError("a thumbs campaign has no criteria ratings: it asks good or bad only")
    if ranking and criteria:
        raise InputError("a ranking campaign has no criteria ratings: it asks for an order only")
    if ranking and spec.gold_from_imported:
        raise InputError("a ranking campaign has no gold items")
    if ranking:
        units = _select_records(session, ds.id, spec.pair_filter)
        if not units:
            raise InputError(
                f"dataset {ds.name!r} has no prompts to rank with this filter: a ranking needs "
                f"records with {MIN_SHOWN}+ completions"
            )
    elif thumbs:
        units = _select_completions(session, ds.id, spec.pair_filter)
        if not units:
            raise InputError(f"dataset {ds.name!r} has no completions to label with this filter")
    else:
        units = _select_pairs(session, ds.id, spec.pair_filter)
        if not units:
            raise InputError(
                f"dataset {ds.name!r} has no pairs to label with this filter: pairs come from records with 2+ completions"
            )
    campaign = lm.Campaign(
        name=name,
        dataset_id=ds.id,
        overlap=spec.overlap,
        criteria=criteria,
        rationale_required_for=list(spec.rationale_required_for),
        pair_filter=spec.pair_filter.as_dict(),
        created_by=actor,
        kind=spec.kind,
        thumbs_policy=(spec.thumbs_policy or ThumbsPolicy()).as_dict() if thumbs else None,
        ranking_settings=(spec.ranking or RankingSettings()).as_dict() if ranking else None,
    )
    session.add(campaign)
    session.flush()
    session.add(
        lm.Guideline(campaign_id=campaign.id, version=1, text=spec.guidelines, created_by=actor)
    )
    session.add_all(lm.CampaignAnnotator(campaign_id=campaign.id, annotator=a) for a in annotators)
    _insert_tasks(session, campaign, units, spec)
    refresh_planner_stats(session, "tasks")
    log_event(
        session,
        actor,
        "campaign.create",
        "campaign",
        campaign.id,
        name=name,
        dataset=ds.name,
        kind=spec.kind,
        tasks=len(units),
        overlap=spec.overlap,
        annotators=annotators,
    )
    return campaign


def _check_annotators(session: Session, names: list[str]) -> list[str]:
    names = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    known = set(session.scalars(sa.select(m.User.name).where(m.User.name.in_(names))))
    unknown = [n for n in names if n not in known]
    if unknown:
        raise NotFoundError(
            f"no user named {', '.join(repr(u) for u in unknown)}; add them with `curation users add`"
        )
    return names


def _clean_criteria(criteria: list[str]) -> list[str]:
    out = list(dict.fromkeys(c.strip().lower() for c in criteria if c.strip()))
    for c in out:
        if len(c) > 40:
            raise InputError(f"criterion name {c!r} is longer than 40 characters")
    return out


def _select_pairs(
    session: Session, dataset_id: int, flt: PairFilter
) -> list[tuple[int, int, str | None]]:
    query = (
        sa.select(m.Pair.id, m.Pair.record_id, m.Pair.preferred)
        .join(m.Record, m.Record.id == m.Pair.record_id)
        .where(m.Pair.dataset_id == dataset_id, m.Record.status == "active")
        .order_by(m.Pair.id)
    )
    return _filtered(session, query, flt)


def _select_completions(
    session: Session, dataset_id: int, flt: PairFilter
) -> list[tuple[int, int, str | None]]:
    """(completion id, record id, source label as 'a' good / 'b' bad / None) of active records."""
    query = (
        sa.select(
            m.Completion.id,
            m.Completion.record_id,
            sa.case((m.Completion.label.is_(True), "a"), (m.Completion.label.is_(False), "b")),
        )
        .join(m.Record, m.Record.id == m.Completion.record_id)
        .where(m.Record.dataset_id == dataset_id, m.Record.status == "active")
        .order_by(m.Completion.id)
    )
    return _filtered(session, query, flt)


def _select_records(
    session: Session, dataset_id: int, flt: PairFilter
) -> list[tuple[int, int, str | None]]:
    """(record id, record id, None) of active records with enough completions to rank."""
    query = (
        sa.select(m.Record.id, m.Record.id, sa.null())
        .where(
            m.Record.dataset_id == dataset_id,
            m.Record.status == "active",
            m.Record.n_completions >= MIN_SHOWN,
        )
        .order_by(m.Record.id)
    )
    return _filtered(session, query, flt)


def _filtered(session: Session, query: Any, flt: PairFilter) -> list[tuple[int, int, str | None]]:
    if flt.formats:
        query = query.where(m.Record.source_format.in_(flt.formats))
    if flt.search:
        escaped = flt.search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(sa.cast(m.Record.messages, sa.Text).ilike(f"%{escaped}%", escape="\\"))
    rows = [(int(a), int(b), c) for a, b, c in session.execute(query)]
    if flt.limit is not None and len(rows) > flt.limit:
        rows = sorted(random.Random(flt.seed).sample(rows, flt.limit))
    return rows


def _insert_tasks(
    session: Session,
    campaign: lm.Campaign,
    pairs: list[tuple[int, int, str | None]],
    spec: CampaignSpec,
) -> None:
    rng = random.Random(f"{campaign.name}:{spec.pair_filter.seed}")
    with_pref = [p for p in pairs if p[2] in ("a", "b")]
    gold_ids = {p[0] for p in rng.sample(with_pref, min(spec.gold_from_imported, len(with_pref)))}
    # a thumbs task is one completion; its gold answer is +1 good / -1 bad, like A / B;
    # a ranking task is a record (its answers go into ranking_slots)
    unit_column = {"thumbs": "completion_id", "ranking": None}.get(spec.kind, "pair_id")
    rows = [
        {
            "campaign_id": campaign.id,
            **({unit_column: unit_id} if unit_column else {}),
            "record_id": record_id,
            "queue_key": rng.randrange(1 << 30),
            "is_gold": unit_id in gold_ids,
            "gold_choice": (1 if preferred == "a" else -1) if unit_id in gold_ids else None,
        }
        for unit_id, record_id, preferred in pairs
    ]
    for start in range(0, len(rows), 5000):
        session.execute(sa.insert(lm.Task), rows[start : start + 5000])
    if spec.kind == "ranking":
        insert_slots(session, campaign.id, spec.ranking or RankingSettings(), rng)


def require_campaign(session: Session, campaign_id: int) -> lm.Campaign:
    """The campaign with this id; NotFoundError when there is none."""
    campaign = session.get(lm.Campaign, campaign_id)
    if campaign is None:
        raise NotFoundError(f"campaign {campaign_id} does not exist")
    return campaign


def get_campaign(session: Session, name: str) -> lm.Campaign:
    campaign = session.scalar(sa.select(lm.Campaign).where(lm.Campaign.name == name))
    if campaign is None:
        known = list(session.scalars(sa.select(lm.Campaign.name).order_by(lm.Campaign.name)))
        hint = f"; campaigns: {', '.join(known)}" if known else "; there is no campaign yet"
        raise NotFoundError(f"no campaign named {name!r}{hint}")
    return campaign


def list_campaigns(session: Session) -> list[lm.Campaign]:
    return list(session.scalars(sa.select(lm.Campaign).order_by(lm.Campaign.created_at.desc())))


def preference_campaigns(session: Session) -> list[lm.Campaign]:
    """Campaigns whose judgments export can take as preferences: pair and ranking campaigns
    (a thumbs campaign gives KTO labels on single completions, not preferences between two)."""
    return [c for c in list_campaigns(session) if c.kind != "thumbs"]


def campaigns_for(session: Session, annotator: str) -> list[lm.Campaign]:
    """Active campaigns this person is assigned to."""
    return list(
        session.scalars(
            sa.select(lm.Campaign)
            .join(lm.CampaignAnnotator, lm.CampaignAnnotator.campaign_id == lm.Campaign.id)
            .where(lm.CampaignAnnotator.annotator == annotator, lm.Campaign.status == "active")
            .order_by(lm.Campaign.created_at.desc())
        )
    )


def annotators_of(session: Session, campaign_id: int) -> list[str]:
    return list(
        session.scalars(
            sa.select(lm.CampaignAnnotator.annotator)
            .where(lm.CampaignAnnotator.campaign_id == campaign_id)
            .order_by(lm.CampaignAnnotator.annotator)
        )
    )


def set_annotators(
    session: Session, campaign: lm.Campaign, names: list[str], *, actor: str
) -> None:
    names = _check_annotators(session, names)
    session.execute(
        sa.delete(lm.CampaignAnnotator).where(lm.CampaignAnnotator.campaign_id == campaign.id)
    )
    session.add_all(lm.CampaignAnnotator(campaign_id=campaign.id, annotator=a) for a in names)
    log_event(session, actor, "campaign.annotators", "campaign", campaign.id, annotators=names)


def current_guideline(session: Session, campaign_id: int) -> lm.Guideline:
    guideline = session.scalar(
        sa.select(lm.Guideline)
        .where(lm.Guideline.campaign_id == campaign_id)
        .order_by(lm.Guideline.version.desc())
        .limit(1)
    )
    assert guideline is not None, "every campaign is created with guidelines version 1"
    return guideline


def update_guidelines(session: Session, campaign: lm.Campaign, text: str, *, actor: str) -> int:
    """Add a new guidelines version; earlier judgments keep the version they were made under."""
    current = current_guideline(session, campaign.id)
    if current.text == text:
        return current.version
    version = current.version + 1
    session.add(lm.Guideline(campaign_id=campaign.id, version=version, text=text, created_by=actor))
    log_event(session, actor, "campaign.guidelines", "campaign", campaign.id, version=version)
    return version


def set_status(session: Session, campaign: lm.Campaign, status: str, *, actor: str) -> None:
    if status not in ("active", "closed"):
        raise InputError(f"campaign status must be active or closed, not {status!r}")
    campaign.status = status
    log_event(session, actor, f"campaign.{status}", "campaign", campaign.id)


def set_show_ai_suggestions(
    session: Session, campaign: lm.Campaign, show: bool, *, actor: str
) -> None:
    """Let the campaign's annotators see the AI judge's suggestions (or hide them again)."""
    if campaign.show_ai_suggestions == bool(show):
        return
    campaign.show_ai_suggestions = bool(show)
    log_event(session, actor, "campaign.ai_suggestions", "campaign", campaign.id, show=bool(show))


def set_gold(
    session: Session, campaign: lm.Campaign, pair_id: int, choice: int | None, *, actor: str
) -> None:
    """Mark a pair as gold with its expected answer (None removes it from the gold set)."""
    task = session.scalar(
        sa.select(lm.Task).where(lm.Task.campaign_id == campaign.id, lm.Task.pair_id == pair_id)
    )
    if task is None:
        raise NotFoundError(f"pair {pair_id} is not in campaign {campaign.name!r}")
    task.is_gold = choice is not None
    task.gold_choice = choice
    log_event(
        session, actor, "campaign.gold", "campaign", campaign.id, pair_id=pair_id, choice=choice
    )


@dataclass(frozen=True, slots=True)
class CampaignSummary(Result):
    """Name, status, size and progress of a campaign, for lists and the CLI."""

    name: str
    kind: str
    thumbs_policy: dict[str, Any] | None
    dataset: str
    status: str
    overlap: int
    criteria: list[str]
    annotators: list[str]
    tasks: int
    gold: int
    labels: int
    capacity: int
    guideline_version: int
    created_by: str
    created_at: str
    ranking_settings: dict[str, Any] | None = None


def campaign_summary(session: Session, campaign_id: int) -> CampaignSummary:
    """Name, status, size and progress of a campaign, for lists and the CLI."""
    campaign = require_campaign(session, campaign_id)
    tasks, labels, gold = session.execute(
        sa.select(
            sa.func.count(lm.Task.id),
            sa.func.coalesce(sa.func.sum(lm.Task.n_labels), 0),
            sa.func.coalesce(sa.func.sum(sa.case((lm.Task.is_gold, 1), else_=0)), 0),
        ).where(lm.Task.campaign_id == campaign_id)
    ).one()
    dataset = session.get(m.Dataset, campaign.dataset_id)
    annotators = annotators_of(session, campaign_id)
    return CampaignSummary(
        name=campaign.name,
        kind=campaign.kind,
        thumbs_policy=campaign.thumbs_policy,
        dataset=dataset.name if dataset else "",
        status=campaign.status,
        overlap=campaign.overlap,
        criteria=list(campaign.criteria),
        annotators=annotators,
        tasks=int(tasks),
        gold=int(gold),
        labels=int(labels),
        capacity=int(tasks) * min(campaign.overlap, max(1, len(annotators))),
        guideline_version=current_guideline(session, campaign_id).version,
        created_by=campaign.created_by,
        created_at=campaign.created_at.isoformat(timespec="seconds"),
        ranking_settings=campaign.ranking_settings,
    )
