"""Per-annotator checks a lead reads on the Quality page: position bias (binomial test on
the side preferred), accuracy on gold items, straight-lining (the same key pressed over and
over) and time on item. Imported labels carry no screen side and no time, so position bias
and straight-lining leave them out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.labeling.campaigns import require_campaign
from curation.labeling.live import (
    SCREEN_LABELS,
    LiveLabel,
    annotator_names,
    by_annotator,
    live_labels,
    median,
    p90,
    seconds_of,
)
from curation.labeling.result import Result
from curation.labeling.scale import chose_left
from curation.store import labeling_models as lm

STRAIGHT_LINE_THRESHOLD = 10
SIGNIFICANCE = 0.05


@dataclass(frozen=True, slots=True)
class PositionBias(Result):
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
    require_campaign(session, campaign_id)
    labels = live_labels(session, campaign_id)
    return position_of(annotator_names(session, campaign_id, labels), labels, significance)


def position_of(
    names: list[str], labels: list[LiveLabel], significance: float
) -> list[PositionBias]:
    from scipy.stats import binomtest

    own = by_annotator(labels)
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


@dataclass(frozen=True, slots=True)
class GoldAccuracy(Result):
    """Gold answers judged by direction only: A, B or tie; 'both bad' on a gold item is wrong."""

    annotator: str
    answered: int
    correct: int
    accuracy: float | None


def _direction(choice: int | None) -> int:
    return 0 if not choice else (1 if choice > 0 else -1)


def gold_accuracy(session: Session, campaign_id: int) -> list[GoldAccuracy]:
    require_campaign(session, campaign_id)
    labels = live_labels(session, campaign_id)
    return gold_of(session, campaign_id, annotator_names(session, campaign_id, labels), labels)


def gold_of(
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


@dataclass(frozen=True, slots=True)
class StraightLining(Result):
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
    require_campaign(session, campaign_id)
    labels = live_labels(session, campaign_id)
    return straight_of(annotator_names(session, campaign_id, labels), labels, threshold)


def straight_of(names: list[str], labels: list[LiveLabel], threshold: int) -> list[StraightLining]:
    own = by_annotator(labels)
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


@dataclass(frozen=True, slots=True)
class ItemTimes(Result):
    """Seconds from being served the item to submitting it, per live label."""

    annotator: str
    seconds: list[float]
    median: float | None
    p90: float | None


def time_per_item(session: Session, campaign_id: int) -> list[ItemTimes]:
    require_campaign(session, campaign_id)
    labels = live_labels(session, campaign_id)
    return times_of(annotator_names(session, campaign_id, labels), labels)


def times_of(names: list[str], labels: list[LiveLabel]) -> list[ItemTimes]:
    own = by_annotator(labels)
    out: list[ItemTimes] = []
    for name in names:
        seconds = seconds_of(own.get(name, []))
        out.append(ItemTimes(name, seconds, median(seconds), p90(seconds)))
    return out
