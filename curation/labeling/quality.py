"""How good are a campaign's labels: progress, agreement, position bias, gold, straight-lining,
time on item and the disputes a lead should settle (DESIGN.md §8).

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

import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from itertools import combinations
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.errors import InputError, NotFoundError
from curation.labeling.queue import disagreement
from curation.labeling.scale import SCALE, SCREEN_HELP, chose_left, to_screen
from curation.store import labeling_models as lm
from curation.store import models as m

CHOICE_DOMAIN: tuple[int, ...] = (-2, -1, 0, 1, 2)
RATING_DOMAIN: tuple[int, ...] = (1, 2, 3, 4, 5)
MIN_OVERLAP = 5
STRAIGHT_LINE_THRESHOLD = 10
SIGNIFICANCE = 0.05
KAPPA_WEIGHTS = "linear"
BOTH_BAD = "both_bad"
SCREEN_LABELS: dict[int | str, str] = {value: label for value, label in SCREEN_HELP.items()} | {
    BOTH_BAD: "Both bad"
}
IMPORTED = "import"


@dataclass(slots=True)
class _Result:
    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


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


# --------------------------------------------------------------------------- loading


def _campaign(session: Session, campaign_id: int) -> lm.Campaign:
    campaign = session.get(lm.Campaign, campaign_id)
    if campaign is None:
        raise NotFoundError(f"campaign {campaign_id} does not exist")
    return campaign


def live_labels(session: Session, campaign_id: int) -> list[LiveLabel]:
    """The campaign's live judgments in submission order (oldest first)."""
    _campaign(session, campaign_id)
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


def _annotators(session: Session, campaign_id: int, labels: Iterable[LiveLabel]) -> list[str]:
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


def _by_annotator(labels: Iterable[LiveLabel]) -> dict[str, list[LiveLabel]]:
    out: dict[str, list[LiveLabel]] = defaultdict(list)
    for label in labels:
        out[label.annotator].append(label)
    return out


def _seconds(labels: Iterable[LiveLabel]) -> list[float]:
    return [label.duration_ms / 1000 for label in labels if label.duration_ms is not None]


def _median(values: Sequence[float]) -> float | None:
    return float(np.median(values)) if len(values) else None


def _p90(values: Sequence[float]) -> float | None:
    return float(np.percentile(values, 90)) if len(values) else None


def _finite(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None


# --------------------------------------------------------------------------- progress


@dataclass(slots=True)
class AnnotatorProgress(_Result):
    """``done``/``skipped``/``open`` count assignments; ``labels`` counts live judgments."""

    annotator: str
    done: int = 0
    skipped: int = 0
    open: int = 0
    expired: int = 0
    flagged: int = 0
    labels: int = 0
    median_seconds: float | None = None


@dataclass(slots=True)
class CampaignProgress(_Result):
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
    return _progress(session, _campaign(session, campaign_id), live_labels(session, campaign_id))


def _progress(session: Session, campaign: lm.Campaign, labels: list[LiveLabel]) -> CampaignProgress:
    names = _annotators(session, campaign.id, labels)
    rows = {name: AnnotatorProgress(name) for name in names}
    for annotator, status, flagged, count in session.execute(
        sa.select(
            lm.Assignment.annotator, lm.Assignment.status, lm.Assignment.flagged, sa.func.count()
        )
        .where(lm.Assignment.campaign_id == campaign.id)
        .group_by(lm.Assignment.annotator, lm.Assignment.status, lm.Assignment.flagged)
    ):
        row = rows[annotator]
        if status in ("done", "skipped", "open", "expired"):
            setattr(row, status, getattr(row, status) + int(count))
        if flagged:
            row.flagged += int(count)
    for annotator, own in _by_annotator(labels).items():
        rows[annotator].labels = len(own)
        rows[annotator].median_seconds = _median(_seconds(own))
    task_ids = list(session.scalars(sa.select(lm.Task.id).where(lm.Task.campaign_id == campaign.id)))
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


# --------------------------------------------------------------------------- Krippendorff's α


@dataclass(slots=True)
class AlphaResult(_Result):
    """Ordinal α; ``value`` is None (with ``reason``) when the data cannot give one."""

    value: float | None
    units: int
    pairable_units: int
    coders: int
    values: int
    missing_both_bad: int = 0
    reason: str = ""


@dataclass(slots=True)
class Agreement(_Result):
    """α over the 5-point choice (units = tasks) and per criterion (units = task × side)."""

    overall: AlphaResult
    criteria: dict[str, AlphaResult] = field(default_factory=dict)


def ordinal_alpha(
    reliability: Sequence[Sequence[float | None]], domain: Sequence[int]
) -> float | None:
    """Krippendorff's α, ordinal level, for a coders × units matrix (None or NaN = missing).

    None when no unit has two ratings, or when every pairable rating is the same value
    (expected disagreement is 0, so α is 0/0).
    """
    import krippendorff

    data = np.array(
        [[np.nan if v is None else float(v) for v in row] for row in reliability], dtype=float
    )
    if data.ndim != 2 or data.size == 0 or not ((~np.isnan(data)).sum(axis=0) >= 2).any():
        return None
    with np.errstate(divide="ignore", invalid="ignore"):
        value = krippendorff.alpha(
            reliability_data=data, value_domain=list(domain), level_of_measurement="ordinal"
        )
    return _finite(float(value))


def _alpha(
    cells: dict[tuple[str, Any], float], domain: Sequence[int], both_bad: int = 0
) -> AlphaResult:
    """``cells`` maps (coder, unit) to a rating."""
    coders = sorted({c for c, _ in cells})
    units = sorted({u for _, u in cells}, key=repr)
    per_unit = Counter(u for _, u in cells)
    pairable = [u for u in units if per_unit[u] >= 2]
    matrix = [[cells.get((c, u)) for u in units] for c in coders]
    value = ordinal_alpha(matrix, domain) if pairable else None
    reason = ""
    if not pairable:
        reason = "no item has ratings from two annotators yet"
    elif value is None:
        reason = "every rating on the shared items is the same value, so α is undefined"
    return AlphaResult(
        value=value,
        units=len(units),
        pairable_units=len(pairable),
        coders=len(coders),
        values=sum(per_unit[u] for u in pairable),
        missing_both_bad=both_bad,
        reason=reason,
    )


def krippendorff_alpha(session: Session, campaign_id: int) -> Agreement:
    campaign = _campaign(session, campaign_id)
    return _agreement(campaign, live_labels(session, campaign_id))


def _agreement(campaign: lm.Campaign, labels: list[LiveLabel]) -> Agreement:
    choices: dict[tuple[str, Any], float] = {}
    both_bad = 0
    for label in labels:
        if label.scale_value is None:
            both_bad += 1
        else:
            choices[(label.annotator, label.task_id)] = label.scale_value
    per_criterion: dict[str, AlphaResult] = {}
    names = list(campaign.criteria) + sorted(
        {c for label in labels for c in label.criteria} - set(campaign.criteria)
    )
    for criterion in names:
        ratings: dict[tuple[str, Any], float] = {}
        for label in labels:
            sides = label.criteria.get(criterion) or {}
            for side in ("a", "b"):
                value = sides.get(side) if isinstance(sides, dict) else None
                if isinstance(value, int) and value in RATING_DOMAIN:
                    ratings[(label.annotator, (label.task_id, side))] = value
        per_criterion[criterion] = _alpha(ratings, RATING_DOMAIN)
    return Agreement(_alpha(choices, CHOICE_DOMAIN, both_bad), per_criterion)


# --------------------------------------------------------------------------- Cohen's κ


@dataclass(slots=True)
class KappaPair(_Result):
    """κ between two annotators on the tasks both rated on the scale (both bad left out)."""

    a: str
    b: str
    overlap: int
    weighted: float | None
    unweighted: float | None


@dataclass(slots=True)
class KappaMatrix(_Result):
    """Pairwise κ; ``weighted`` uses linear weights over −2…2, ``unweighted`` is plain κ."""

    annotators: list[str]
    pairs: list[KappaPair]
    min_overlap: int
    weights: str = KAPPA_WEIGHTS

    def matrix(self, which: str = "weighted") -> list[list[float | None]]:
        """A square matrix in ``annotators`` order; the diagonal is None (no information)."""
        if which not in ("weighted", "unweighted", "overlap"):
            raise InputError(f"κ matrix is 'weighted', 'unweighted' or 'overlap', not {which!r}")
        index = {name: i for i, name in enumerate(self.annotators)}
        size = len(self.annotators)
        out: list[list[float | None]] = [[None] * size for _ in range(size)]
        for pair in self.pairs:
            value = getattr(pair, which)
            out[index[pair.a]][index[pair.b]] = value
            out[index[pair.b]][index[pair.a]] = value
        return out


def cohen_kappa(
    first: Sequence[int], second: Sequence[int], *, weights: str | None = KAPPA_WEIGHTS
) -> float | None:
    """Cohen's κ over the 5-point scale (labels fixed to −2…2 so linear weights use scale
    distance); None when undefined (e.g. both annotators used one and the same value)."""
    from sklearn.metrics import cohen_kappa_score

    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore")
        value = cohen_kappa_score(
            list(first), list(second), labels=list(CHOICE_DOMAIN), weights=weights
        )
    return _finite(float(value))


def pairwise_kappa(
    session: Session, campaign_id: int, *, min_overlap: int = MIN_OVERLAP
) -> KappaMatrix:
    _campaign(session, campaign_id)
    labels = live_labels(session, campaign_id)
    return _kappa(_annotators(session, campaign_id, labels), labels, min_overlap)


def _kappa(names: list[str], labels: list[LiveLabel], min_overlap: int) -> KappaMatrix:
    rated: dict[str, dict[int, int]] = defaultdict(dict)
    for label in labels:
        if label.scale_value is not None:
            rated[label.annotator][label.task_id] = label.scale_value
    pairs: list[KappaPair] = []
    for a, b in combinations(names, 2):
        shared = sorted(set(rated[a]) & set(rated[b]))
        if len(shared) < max(1, min_overlap):
            pairs.append(KappaPair(a, b, len(shared), None, None))
            continue
        x = [rated[a][t] for t in shared]
        y = [rated[b][t] for t in shared]
        pairs.append(
            KappaPair(
                a,
                b,
                len(shared),
                cohen_kappa(x, y, weights=KAPPA_WEIGHTS),
                cohen_kappa(x, y, weights=None),
            )
        )
    return KappaMatrix(names, pairs, min_overlap)


# --------------------------------------------------------------------------- position bias


@dataclass(slots=True)
class PositionBias(_Result):
    """Share of decided answers (no tie, no both bad) that preferred the left completion."""

    annotator: str
    decided: int
    left: int
    share_left: float | None
    p_value: float | None
    flagged: bool


def position_bias(
    session: Session, campaign_id: int, *, significance: float = SIGNIFICANCE
) -> list[PositionBias]:
    _campaign(session, campaign_id)
    labels = live_labels(session, campaign_id)
    return _position(_annotators(session, campaign_id, labels), labels, significance)


def _position(names: list[str], labels: list[LiveLabel], significance: float) -> list[PositionBias]:
    from scipy.stats import binomtest

    own = _by_annotator(labels)
    out: list[PositionBias] = []
    for name in names:
        sides = [
            chose_left(label.choice, label.shown_left)
            for label in own.get(name, [])
            if label.on_screen and not label.both_bad and label.choice is not None
        ]
        lefts = [s for s in sides if s is not None]
        n, k = len(lefts), sum(lefts)
        if n == 0:
            out.append(PositionBias(name, 0, 0, None, None, False))
            continue
        p = float(binomtest(k, n, 0.5, alternative="two-sided").pvalue)
        out.append(PositionBias(name, n, k, k / n, p, p < significance))
    return out


# --------------------------------------------------------------------------- gold


@dataclass(slots=True)
class GoldAccuracy(_Result):
    """Gold answers judged by direction only: A, B or tie; 'both bad' on a gold item is wrong."""

    annotator: str
    answered: int
    correct: int
    accuracy: float | None


def _direction(choice: int | None) -> int:
    return 0 if not choice else (1 if choice > 0 else -1)


def gold_accuracy(session: Session, campaign_id: int) -> list[GoldAccuracy]:
    _campaign(session, campaign_id)
    labels = live_labels(session, campaign_id)
    return _gold(session, campaign_id, _annotators(session, campaign_id, labels), labels)


def _gold(
    session: Session, campaign_id: int, names: list[str], labels: list[LiveLabel]
) -> list[GoldAccuracy]:
    gold = {
        task_id: choice
        for task_id, choice in session.execute(
            sa.select(lm.Task.id, lm.Task.gold_choice).where(
                lm.Task.campaign_id == campaign_id,
                lm.Task.is_gold.is_(True),
                lm.Task.gold_choice.is_not(None),
            )
        )
    }
    answered: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for label in labels:
        if label.task_id not in gold:
            continue
        answered[label.annotator] += 1
        if not label.both_bad and _direction(label.choice) == _direction(gold[label.task_id]):
            correct[label.annotator] += 1
    return [
        GoldAccuracy(
            name,
            answered[name],
            correct[name],
            correct[name] / answered[name] if answered[name] else None,
        )
        for name in names
    ]


# --------------------------------------------------------------------------- straight-lining


@dataclass(slots=True)
class StraightLining(_Result):
    """Longest run of the same key pressed (screen answer) in submission order."""

    annotator: str
    labels: int
    longest_run: int
    answer: str
    flagged: bool


def longest_run(answers: Sequence[int | str]) -> tuple[int, int | str | None]:
    """(length, value) of the longest run of equal consecutive answers; the first one on ties."""
    best, best_value = 0, None
    run, previous = 0, None
    for answer in answers:
        run = run + 1 if run and answer == previous else 1
        previous = answer
        if run > best:
            best, best_value = run, answer
    return best, best_value


def straight_lining(
    session: Session, campaign_id: int, *, threshold: int = STRAIGHT_LINE_THRESHOLD
) -> list[StraightLining]:
    _campaign(session, campaign_id)
    labels = live_labels(session, campaign_id)
    return _straight(_annotators(session, campaign_id, labels), labels, threshold)


def _straight(names: list[str], labels: list[LiveLabel], threshold: int) -> list[StraightLining]:
    own = _by_annotator(labels)
    out: list[StraightLining] = []
    for name in names:
        answers = [label.screen_answer for label in own.get(name, []) if label.on_screen]
        length, value = longest_run(answers)
        out.append(
            StraightLining(
                name,
                len(answers),
                length,
                SCREEN_LABELS.get(value, "") if value is not None else "",
                length >= threshold,
            )
        )
    return out


# --------------------------------------------------------------------------- time per item


@dataclass(slots=True)
class ItemTimes(_Result):
    """Seconds from being served the item to submitting it, per live label."""

    annotator: str
    seconds: list[float]
    median: float | None
    p90: float | None


def time_per_item(session: Session, campaign_id: int) -> list[ItemTimes]:
    _campaign(session, campaign_id)
    labels = live_labels(session, campaign_id)
    return _times(_annotators(session, campaign_id, labels), labels)


def _times(names: list[str], labels: list[LiveLabel]) -> list[ItemTimes]:
    own = _by_annotator(labels)
    out: list[ItemTimes] = []
    for name in names:
        seconds = _seconds(own.get(name, []))
        out.append(ItemTimes(name, seconds, _median(seconds), _p90(seconds)))
    return out


# --------------------------------------------------------------------------- disagreements


@dataclass(slots=True)
class DisputedLabel(_Result):
    annotator: str
    choice: int | None
    both_bad: bool
    answer: str
    rationale: str
    shown_left: str
    criteria: dict[str, Any]


@dataclass(slots=True)
class AdjudicationInfo(_Result):
    lead: str
    choice: int | None
    both_bad: bool
    answer: str
    note: str
    created_at: str


@dataclass(slots=True)
class Disagreement(_Result):
    """A task whose live labels disagree, with what the lead needs to settle it."""

    task_id: int
    pair_id: int
    record_id: int
    disagreement: int
    labels: list[DisputedLabel]
    adjudication: AdjudicationInfo | None
    is_gold: bool
    gold_choice: int | None
    messages: list[dict[str, Any]]
    tools: list[Any] | None
    completion_a: list[dict[str, Any]]
    completion_b: list[dict[str, Any]]

    @property
    def adjudicated(self) -> bool:
        return self.adjudication is not None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"adjudicated": self.adjudicated}


def answer_label(choice: int | None, both_bad: bool) -> str:
    """An answer as the lead reads it, on the A/B axis."""
    if both_bad:
        return "both bad"
    return SCALE.get(choice, "—") if choice is not None else "—"


def latest_adjudication_info(session: Session, campaign_id: int) -> dict[int, AdjudicationInfo]:
    """The latest adjudication per task with who made it and why (later ones override)."""
    out: dict[int, AdjudicationInfo] = {}
    for adj in session.scalars(
        sa.select(lm.Adjudication)
        .where(lm.Adjudication.campaign_id == campaign_id)
        .order_by(lm.Adjudication.id)
    ):
        out[adj.task_id] = AdjudicationInfo(
            adj.lead,
            adj.choice,
            adj.both_bad,
            answer_label(adj.choice, adj.both_bad),
            adj.note,
            adj.created_at.isoformat(timespec="seconds"),
        )
    return out


def disagreements(
    session: Session,
    campaign_id: int,
    *,
    include_adjudicated: bool = True,
    limit: int | None = None,
) -> list[Disagreement]:
    """Tasks of active records whose live labels disagree, most disputed first.

    Disagreement is :func:`curation.labeling.queue.disagreement` over the live labels
    (recomputed here, not read from ``Task.disagreement``). Conversations are loaded only
    for the tasks returned, so pass ``limit`` for a page.
    """
    _campaign(session, campaign_id)
    labels = live_labels(session, campaign_id)
    per_task: dict[int, list[LiveLabel]] = defaultdict(list)
    for label in labels:
        per_task[label.task_id].append(label)
    scores = {
        task_id: disagreement([(label.choice, label.both_bad) for label in own])
        for task_id, own in per_task.items()
    }
    adjudications = latest_adjudication_info(session, campaign_id)
    disputed = [
        t
        for t, score in scores.items()
        if score > 0 and (include_adjudicated or t not in adjudications)
    ]
    if not disputed:
        return []
    tasks = {
        task.id: task
        for task in session.scalars(
            sa.select(lm.Task)
            .join(m.Record, m.Record.id == lm.Task.record_id)
            .where(lm.Task.id.in_(disputed), m.Record.status == "active")
        )
    }
    ordered = sorted(tasks, key=lambda t: (-scores[t], t))
    if limit is not None:
        ordered = ordered[: max(0, limit)]
    out: list[Disagreement] = []
    for task_id in ordered:
        task = tasks[task_id]
        pair = session.get(m.Pair, task.pair_id)
        record = session.get(m.Record, task.record_id)
        assert pair is not None and record is not None
        a = session.get(m.Completion, pair.completion_a_id)
        b = session.get(m.Completion, pair.completion_b_id)
        assert a is not None and b is not None
        out.append(
            Disagreement(
                task_id=task.id,
                pair_id=pair.id,
                record_id=task.record_id,
                disagreement=scores[task_id],
                labels=[
                    DisputedLabel(
                        label.annotator,
                        label.choice,
                        label.both_bad,
                        answer_label(label.choice, label.both_bad),
                        label.rationale,
                        label.shown_left,
                        label.criteria,
                    )
                    for label in sorted(per_task[task_id], key=lambda x: x.annotator)
                ],
                adjudication=adjudications.get(task_id),
                is_gold=bool(task.is_gold),
                gold_choice=task.gold_choice,
                messages=list(record.messages),
                tools=record.tools,
                completion_a=list(a.messages),
                completion_b=list(b.messages),
            )
        )
    return out


# --------------------------------------------------------------------------- everything at once


@dataclass(slots=True)
class QualityReport(_Result):
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
    campaign = _campaign(session, campaign_id)
    labels = live_labels(session, campaign_id)
    names = _annotators(session, campaign_id, labels)
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
        progress=_progress(session, campaign, labels),
        agreement=_agreement(campaign, labels),
        kappa=_kappa(names, labels, min_overlap),
        position=_position(names, labels, significance),
        gold=_gold(session, campaign_id, names, labels),
        straight_lining=_straight(names, labels, straight_threshold),
        times=_times(names, labels),
        gold_tasks=int(gold_tasks or 0),
        adjudicated=len(latest_adjudication_info(session, campaign_id)),
    )
