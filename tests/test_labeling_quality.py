"""Labelling quality: every statistic checked against a case computed by hand (arithmetic in
the comments), then end to end through the real queue with undo and adjudication.

Judgments for the hand-computed cases are written straight into the store with
``answers.add_judgment_version`` (the same call ``submit`` and the label importer use) so
that choices, screen placement, submission order and durations are exactly as designed.
"""

from __future__ import annotations

import itertools
import json
import math
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from curation.errors import NotFoundError
from curation.labeling import agreement, annotator_checks, answers, disputes, quality, queue
from curation.labeling.aggregate import Policy, adjudicate, aggregate_campaign
from curation.labeling.answers import Answer
from curation.store import Workspace
from curation.store import labeling_models as lm
from tests.helpers.labeling import campaign, pair_dataset, users

BASE = datetime(2025, 1, 6, 9, 0, 0)
_clock = itertools.count()


def setup(
    ws: Workspace, tmp_path: Path, n: int, names: list[str], **kwargs: Any
) -> tuple[int, list[int]]:
    """A campaign over ``n`` pairs for ``names``; returns its id and task ids in pair order."""
    pair_dataset(ws, tmp_path, n)
    users(ws, names)
    cid = campaign(ws, names, overlap=kwargs.pop("overlap", len(names)), **kwargs)
    with ws.read() as s:
        tasks = list(
            s.scalars(
                sa.select(lm.Task.id).where(lm.Task.campaign_id == cid).order_by(lm.Task.pair_id)
            )
        )
    return cid, tasks


def put(  # noqa: PLR0913 - one keyword per stored field a test may set
    ws: Workspace,
    cid: int,
    task_id: int,
    annotator: str,
    choice: int | None,
    *,
    both_bad: bool = False,
    shown_left: str = "a",
    criteria: dict[str, dict[str, int]] | None = None,
    duration_ms: int | None = None,
    source: str = "app",
    retracted: bool = False,
    at: int | None = None,
) -> None:
    """One judgment version, submitted ``at`` seconds after BASE (default: after the last one)."""
    with ws.tx() as s:
        task = s.get(lm.Task, task_id)
        assert task is not None
        exists = s.scalar(
            sa.select(lm.Assignment.id).where(
                lm.Assignment.task_id == task_id, lm.Assignment.annotator == annotator
            )
        )
        if exists is None:
            s.add(
                lm.Assignment(
                    campaign_id=cid,
                    task_id=task_id,
                    annotator=annotator,
                    shown_left=shown_left,
                    status="done",
                )
            )
        answers.add_judgment_version(
            s,
            task,
            annotator,
            choice=choice,
            both_bad=both_bad,
            criteria=criteria or {},
            shown_left=shown_left,
            source=source,
            retracted=retracted,
            duration_ms=duration_ms,
            submitted_at=BASE + timedelta(seconds=next(_clock) if at is None else at),
        )


# --------------------------------------------------------------------------- Krippendorff's α

# Three annotators × four items on the −2…2 axis (— = missing; u3 said "both bad" on t4):
#
#         t1   t2   t3   t4
#   u1     2    1   -1    0
#   u2     2    1   -2    1
#   u3     1    1   -1    —
#
# Coincidences (each ordered pair of values within a unit weighs 1/(m_u − 1)):
#   t1 {2,2,1}, m=3: o22 += 1, o21 += 1, o12 += 1
#   t2 {1,1,1}, m=3: o11 += 3
#   t3 {-1,-2,-1}:   o(-1)(-1) += 1, o(-1)(-2) += 1, o(-2)(-1) += 1
#   t4 {0,1},  m=2:  o01 += 1, o10 += 1
# Marginals n_v: n(-2)=1, n(-1)=2, n(0)=1, n(1)=5, n(2)=2; n = 11.
# Ordinal δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²:
#   δ(-2,-1)=1.5²=2.25  δ(-2,0)=3²=9     δ(-2,1)=6²=36    δ(-2,2)=9.5²=90.25
#   δ(-1,0)=1.5²=2.25   δ(-1,1)=4.5²=20.25  δ(-1,2)=8²=64
#   δ(0,1)=3²=9         δ(0,2)=6.5²=42.25   δ(1,2)=3.5²=12.25
# Observed Σ o·δ = 2·(δ(1,2) + δ(-2,-1) + δ(0,1)) = 2·(12.25 + 2.25 + 9) = 47
# Expected Σ n_c·n_k·δ over unordered pairs:
#   4.5 + 9 + 180 + 180.5 + 4.5 + 202.5 + 256 + 45 + 84.5 + 122.5 = 1089, ordered 2178
# α = 1 − (n − 1)·Σoδ / Σ n_c n_k δ = 1 − 10·47/2178 = 1 − 235/1089 = 854/1089 ≈ 0.784206
HAND_ALPHA = 854 / 1089
MATRIX_3x4: list[list[float | None]] = [[2, 1, -1, 0], [2, 1, -2, 1], [1, 1, -1, None]]


def test_ordinal_alpha_three_by_four_by_hand() -> None:
    assert agreement.ordinal_alpha(MATRIX_3x4, agreement.CHOICE_DOMAIN) == pytest.approx(HAND_ALPHA)


def test_ordinal_alpha_matches_krippendorffs_own_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", §C: four observers,
    # twelve units, values 1–5 with missing data; the paper gives α_ordinal = 0.815.
    nan = None
    data: list[list[float | None]] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
        [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
    ]
    value = agreement.ordinal_alpha(data, agreement.RATING_DOMAIN)
    assert value is not None and round(value, 3) == 0.815


def test_alpha_from_the_store_treats_both_bad_as_missing(ws: Workspace, tmp_path: Path) -> None:
    cid, t = setup(ws, tmp_path, 4, ["u1", "u2", "u3"])
    for coder, row in zip(("u1", "u2", "u3"), MATRIX_3x4, strict=True):
        for task_id, value in zip(t, row, strict=True):
            if value is None:
                put(ws, cid, task_id, coder, None, both_bad=True)
            else:
                put(ws, cid, task_id, coder, int(value))
    with ws.read() as s:
        result = agreement.krippendorff_alpha(s, cid)
    overall = result.overall
    assert overall.value == pytest.approx(HAND_ALPHA)
    assert (overall.units, overall.pairable_units, overall.coders, overall.values) == (4, 4, 3, 11)
    assert overall.missing_both_bad == 1


# Criteria: two annotators rate helpfulness 1–5 for each side; units are (task, side):
#
#            (t1,a) (t1,b) (t2,a) (t2,b)
#   c1          4      2      5      1
#   c2          4      3      5      1
#
# Coincidences (m=2, weight 1): o44=2, o23=o32=1, o55=2, o11=2.
# n(1)=2, n(2)=1, n(3)=1, n(4)=2, n(5)=2; n = 8.
# Observed Σoδ = 2·δ(2,3) = 2·(1 + 1 − 1)² = 2.
# δ: (1,2)=2.25 (1,3)=6.25 (1,4)=16 (1,5)=36 (2,3)=1 (2,4)=6.25 (2,5)=20.25 (3,4)=2.25
#    (3,5)=12.25 (4,5)=4
# Σ n_c n_k δ (unordered): 4.5+12.5+64+144+1+12.5+40.5+4.5+24.5+16 = 324, ordered 648
# α = 1 − 7·2/648 = 317/324 ≈ 0.978395
def test_alpha_per_criterion_by_hand(ws: Workspace, tmp_path: Path) -> None:
    cid, t = setup(ws, tmp_path, 2, ["c1", "c2"], criteria=["helpfulness", "safety"])
    put(ws, cid, t[0], "c1", 1, criteria={"helpfulness": {"a": 4, "b": 2}, "safety": {"a": 5}})
    put(ws, cid, t[0], "c2", 1, criteria={"helpfulness": {"a": 4, "b": 3}})
    put(ws, cid, t[1], "c1", 2, criteria={"helpfulness": {"a": 5, "b": 1}})
    put(ws, cid, t[1], "c2", 2, criteria={"helpfulness": {"a": 5, "b": 1}})
    with ws.read() as s:
        result = agreement.krippendorff_alpha(s, cid)
    helpful = result.criteria["helpfulness"]
    assert helpful.value == pytest.approx(317 / 324)
    assert (helpful.units, helpful.pairable_units, helpful.values) == (4, 4, 8)
    safety = result.criteria["safety"]  # one rating only: nothing to agree on
    assert safety.value is None and "two annotators" in safety.reason
    # the overall choice: both said 1 on t1 and 2 on t2 — no disagreement at all
    assert result.overall.value == pytest.approx(1.0)


def test_alpha_is_none_when_not_computable(ws: Workspace, tmp_path: Path) -> None:
    cid, t = setup(ws, tmp_path, 3, ["s1", "s2"])
    put(ws, cid, t[0], "s1", 1)
    put(ws, cid, t[1], "s2", -1)  # no task has two labels
    with ws.read() as s:
        first = agreement.krippendorff_alpha(s, cid).overall
    assert first.value is None and first.pairable_units == 0
    put(ws, cid, t[0], "s2", 1)  # two labels, one value everywhere: expected disagreement 0
    with ws.read() as s:
        second = agreement.krippendorff_alpha(s, cid).overall
    assert second.value is None and "undefined" in second.reason
    assert agreement.ordinal_alpha([], agreement.CHOICE_DOMAIN) is None


# --------------------------------------------------------------------------- Cohen's κ

# Two annotators, six items:   x = [2, 1, 1, 0, -1, -2]
#                              y = [2, 1, 0, 0, -2, -2]
# Unweighted: p_o = 4/6 (items 1, 2, 4, 6 agree).
#   x counts {2:1, 1:2, 0:1, -1:1, -2:1}, y counts {2:1, 1:1, 0:2, -1:0, -2:2}
#   p_e = (1·1 + 2·1 + 1·2 + 1·0 + 1·2)/36 = 7/36
#   κ = (24/36 − 7/36)/(1 − 7/36) = 17/29 ≈ 0.586207
# Linear weights w = |i − j| on −2…2:
#   observed Σ w = |1−0| + |−1−(−2)| = 2 over 6 items  → 12/36
#   expected Σ x_i·y_j·|i−j| = 13 + 18 + 7 + 9 + 11 = 58 over 36
#     (x=2: 1·1+2·2+2·4 = 13; x=1: 2·(1+2+6) = 18; x=0: 2+1+4 = 7; x=−1: 3+2+2+2 = 9;
#      x=−2: 4+3+4 = 11)
#   κ_w = 1 − 12/58 = 23/29 ≈ 0.793103
X6 = [2, 1, 1, 0, -1, -2]
Y6 = [2, 1, 0, 0, -2, -2]


def test_cohen_kappa_two_by_six_by_hand(ws: Workspace, tmp_path: Path) -> None:
    assert agreement.cohen_kappa(X6, Y6, weights=None) == pytest.approx(17 / 29)
    assert agreement.cohen_kappa(X6, Y6, weights="linear") == pytest.approx(23 / 29)
    assert agreement.cohen_kappa([1, 1, 1], [1, 1, 1]) is None  # undefined, not NaN

    cid, t = setup(ws, tmp_path, 7, ["x", "y", "z"])
    for task_id, a, b in zip(t, X6, Y6, strict=False):
        put(ws, cid, task_id, "x", a)
        put(ws, cid, task_id, "y", b)
    put(ws, cid, t[6], "x", None, both_bad=True)  # both bad: not on the scale, left out of κ
    put(ws, cid, t[6], "y", 2)
    for task_id in t[:3]:
        put(ws, cid, task_id, "z", 1)
    with ws.read() as s:
        kappa = agreement.pairwise_kappa(s, cid)
        strict = agreement.pairwise_kappa(s, cid, min_overlap=7)
    pairs = {(p.a, p.b): p for p in kappa.pairs}
    assert pairs[("x", "y")].overlap == 6
    assert pairs[("x", "y")].weighted == pytest.approx(23 / 29)
    assert pairs[("x", "y")].unweighted == pytest.approx(17 / 29)
    assert pairs[("x", "z")].overlap == 3 and pairs[("x", "z")].weighted is None  # below 5
    assert kappa.weights == "linear"
    grid = kappa.matrix()
    assert grid[0][1] == grid[1][0] == pytest.approx(23 / 29) and grid[0][0] is None
    assert {(p.a, p.b): p.weighted for p in strict.pairs}[("x", "y")] is None


# --------------------------------------------------------------------------- position bias


# Two-sided exact binomial test against 0.5:
#   9 of 10 on the left: P = 2·(C(10,9) + C(10,10))/2¹⁰ = 2·11/1024 = 22/1024 ≈ 0.0215 → flagged
#   8 of 10 on the left: P = 2·(45 + 10 + 1)/1024 = 112/1024 ≈ 0.109 → not flagged
def test_position_bias_nine_of_ten_left(ws: Workspace, tmp_path: Path) -> None:
    cid, t = setup(ws, tmp_path, 12, ["p9", "p8"])
    # (choice on the A/B axis, side A was shown on): the left one wins when A won and A
    # was on the left, or when B won and B was on the left.
    left = [(1, "a"), (-1, "b"), (2, "a"), (-2, "b")]
    right = [(1, "b"), (-1, "a")]
    p9 = [left[i % 4] for i in range(9)] + [right[0]]
    p8 = [left[i % 4] for i in range(8)] + right
    for task_id, (choice, side) in zip(t, p9, strict=False):
        put(ws, cid, task_id, "p9", choice, shown_left=side)
    put(ws, cid, t[10], "p9", 0, shown_left="a")  # a tie: no side preferred, ignored
    put(ws, cid, t[11], "p9", None, both_bad=True, shown_left="a")  # ignored
    for task_id, (choice, side) in zip(t, p8, strict=False):
        put(ws, cid, task_id, "p8", choice, shown_left=side)
    with ws.read() as s:
        bias = {b.annotator: b for b in annotator_checks.position_bias(s, cid)}
    assert (bias["p9"].decided, bias["p9"].left) == (10, 9)
    assert bias["p9"].share_left == pytest.approx(0.9)
    assert bias["p9"].p_value == pytest.approx(22 / 1024)
    assert bias["p9"].flagged
    assert (bias["p8"].decided, bias["p8"].left) == (10, 8)
    assert bias["p8"].p_value == pytest.approx(112 / 1024)
    assert not bias["p8"].flagged


def test_imported_labels_are_left_out_of_screen_statistics(ws: Workspace, tmp_path: Path) -> None:
    cid, t = setup(ws, tmp_path, 12, ["imp"])
    for task_id in t:  # never on a screen: shown_left is a placeholder
        put(ws, cid, task_id, "imp", 1, source="import")
    with ws.read() as s:
        report = quality.quality_report(s, cid)
    assert report.position[0].decided == 0 and report.position[0].p_value is None
    assert report.straight_lining[0].longest_run == 0
    assert report.progress.annotators[0].labels == 12


# --------------------------------------------------------------------------- gold


# gold (direction only):  t1 A, t2 A, t3 B, t4 tie, t5 A
# g answers:              A≫B ✓, tie ✗, B>A ✓, tie ✓, both bad ✗  → 3/5 = 0.6
# h answers:              B>A ✗ on t1, and t6 (not gold)           → 0/1 = 0.0
# k answers nothing gold                                           → None
def test_gold_accuracy_by_hand(ws: Workspace, tmp_path: Path) -> None:
    cid, t = setup(ws, tmp_path, 6, ["g", "h", "k"])
    with ws.tx() as s:
        for task_id, expected in zip(t, [1, 1, -1, 0, 1], strict=False):
            task = s.get(lm.Task, task_id)
            assert task is not None
            task.is_gold, task.gold_choice = True, expected
    for task_id, choice in zip(t, [2, 0, -1, 0], strict=False):
        put(ws, cid, task_id, "g", choice)
    put(ws, cid, t[4], "g", None, both_bad=True)
    put(ws, cid, t[0], "h", -1)
    put(ws, cid, t[5], "h", 1)
    put(ws, cid, t[5], "k", 1)
    with ws.read() as s:
        gold = {g.annotator: g for g in annotator_checks.gold_accuracy(s, cid)}
        report = quality.quality_report(s, cid)
    assert (gold["g"].answered, gold["g"].correct, gold["g"].accuracy) == (5, 3, 0.6)
    assert (gold["h"].answered, gold["h"].correct, gold["h"].accuracy) == (1, 0, 0.0)
    assert (gold["k"].answered, gold["k"].accuracy) == (0, None)
    assert report.gold_tasks == 5


# --------------------------------------------------------------------------- straight-lining


def test_longest_run() -> None:
    assert annotator_checks.longest_run([]) == (0, None)
    assert annotator_checks.longest_run([1, 1, 2, 2, 2, 1]) == (3, 2)
    assert annotator_checks.longest_run(["both_bad", "both_bad", 0]) == (2, "both_bad")
    assert annotator_checks.longest_run([2, 2, 1, 1]) == (2, 2)  # first of equal runs


def test_straight_lining_uses_screen_answers_in_submission_order(
    ws: Workspace, tmp_path: Path
) -> None:
    cid, t = setup(ws, tmp_path, 12, ["s", "r"])
    # s alternates A>B with A on the left and B>A with B on the left: on the A/B axis the
    # answers alternate, but s pressed "left better" twelve times → run 12 ≥ 10, flagged.
    for i, task_id in enumerate(t):
        put(ws, cid, task_id, "s", 1 if i % 2 == 0 else -1, shown_left="a" if i % 2 == 0 else "b")
    # r's screen answers in submission order: 2 2 2 | −1 −1 −1 −1 | bad bad | 0
    #   runs 3, 4, 2, 1 → longest 4 ("Right better"). Stored in reverse order to show the
    #   order comes from submitted_at, not from insertion.
    screen: list[int | None] = [2, 2, 2, -1, -1, -1, -1, None, None, 0]
    for i in reversed(range(len(screen))):
        value = screen[i]
        side = "b" if i % 3 == 0 else "a"  # on the pair axis: −screen when B is on the left
        choice = None if value is None else (value if side == "a" else -value)
        put(ws, cid, t[i], "r", choice, both_bad=value is None, shown_left=side, at=10_000 + i)
    with ws.read() as s:
        runs = {x.annotator: x for x in annotator_checks.straight_lining(s, cid)}
        lenient = {x.annotator: x for x in annotator_checks.straight_lining(s, cid, threshold=4)}
    assert (runs["s"].longest_run, runs["s"].answer, runs["s"].flagged) == (12, "Left better", True)
    assert (runs["r"].labels, runs["r"].longest_run, runs["r"].answer) == (10, 4, "Right better")
    assert not runs["r"].flagged and lenient["r"].flagged


# --------------------------------------------------------------------------- time per item


def test_time_per_item(ws: Workspace, tmp_path: Path) -> None:
    # 1, 2, 3, 4, 10 s (and one label without a time): median 3 s;
    # p90 by linear interpolation: rank 0.9·(5 − 1) = 3.6 → 4 + 0.6·(10 − 4) = 7.6 s
    cid, t = setup(ws, tmp_path, 6, ["w", "idle"])
    for task_id, ms in zip(t, [1000, 2000, 3000, 4000, 10_000, None], strict=True):
        put(ws, cid, task_id, "w", 1, duration_ms=ms)
    with ws.read() as s:
        times = {x.annotator: x for x in annotator_checks.time_per_item(s, cid)}
    assert times["w"].seconds == [1.0, 2.0, 3.0, 4.0, 10.0]
    assert times["w"].median == pytest.approx(3.0)
    assert times["w"].p90 == pytest.approx(7.6)
    assert times["idle"].seconds == [] and times["idle"].median is None


def test_unknown_campaign(ws: Workspace) -> None:
    with ws.read() as s, pytest.raises(NotFoundError, match="campaign 999"):
        quality.quality_report(s, 999)


# --------------------------------------------------------------------------- end to end


def test_end_to_end_through_the_queue_with_undo_and_adjudication(
    ws: Workspace, tmp_path: Path
) -> None:
    """Label with the real queue; undone answers and a retracted label must not count.

    a1 and a2 give the two-by-six answers of the κ case by task, so α is computable by hand:
      pairs (2,2) (1,1) (1,0) (0,0) (−1,−2) (−2,−2); n(−2)=3 n(−1)=1 n(0)=3 n(1)=3 n(2)=2, n=12
      observed Σoδ = 2·δ(0,1) + 2·δ(−2,−1) = 2·9 + 2·4 = 26
      Σ n_c n_k δ (unordered) = 12+144+441+541.5+12+75+112.5+81+181.5+37.5 = 1638, ordered 3276
      α = 1 − 11·26/3276 = 115/126 ≈ 0.912698
    """
    cid, t = setup(ws, tmp_path, 6, ["a1", "a2", "a3"], overlap=3)
    want = {"a1": dict(zip(t, X6, strict=True)), "a2": dict(zip(t, Y6, strict=True))}

    # a3 answers one item against a1's answer, undoes it, flags it and gives it back.
    first = queue.next_item(ws, cid, "a3")
    assert first is not None
    answers.submit(
        ws, first.assignment_id, "a3", Answer(choice=2 if want["a1"][first.task_id] <= 0 else -2)
    )
    assert answers.undo_last(ws, cid, "a3") == first.task_id
    again = queue.next_item(ws, cid, "a3")
    assert again is not None and again.task_id == first.task_id
    assert answers.flag(ws, again.assignment_id, "a3", "unclear prompt")
    answers.skip(ws, again.assignment_id, "a3")

    undone_task = None
    for name in ("a1", "a2"):
        while (item := queue.next_item(ws, cid, name)) is not None:
            if name == "a1" and undone_task is None:  # a wrong answer first, undone at once
                undone_task = item.task_id
                answers.submit(
                    ws, item.assignment_id, name, Answer(choice=-want[name][item.task_id] or 2)
                )
                assert answers.undo_last(ws, cid, name) == item.task_id
                item = queue.next_item(ws, cid, name)
                assert item is not None and item.task_id == undone_task
            choice = want[name][item.task_id]
            answers.submit(
                ws,
                item.assignment_id,
                name,
                Answer(choice=choice, rationale=f"{name} says {choice}"),
            )

    with ws.read() as s:
        versions = s.scalars(
            sa.select(lm.Judgment.version).where(
                lm.Judgment.task_id == undone_task, lm.Judgment.annotator == "a1"
            )
        ).all()
        report = quality.quality_report(s, cid)
        disputed = disputes.disagreements(s, cid)
    assert sorted(versions) == [1, 2, 3]  # answer, retraction, answer

    progress = report.progress
    assert (progress.tasks, progress.labelled, progress.labels) == (6, 6, 12)
    assert (progress.target, progress.complete, progress.labels_per_task) == (3, 0, {2: 6})
    rows = {p.annotator: p for p in progress.annotators}
    assert (rows["a1"].done, rows["a1"].labels) == (6, 6)
    assert (rows["a3"].done, rows["a3"].skipped, rows["a3"].flagged, rows["a3"].labels) == (
        0,
        1,
        1,
        0,
    )
    assert rows["a1"].median_seconds is not None

    assert report.agreement.overall.value == pytest.approx(115 / 126)
    assert report.agreement.overall.coders == 2  # a3's retracted label is not there
    pairs = {(p.a, p.b): p for p in report.kappa.pairs}
    assert pairs[("a1", "a2")].weighted == pytest.approx(23 / 29)
    assert pairs[("a1", "a2")].unweighted == pytest.approx(17 / 29)
    assert pairs[("a1", "a3")].overlap == 0 and pairs[("a1", "a3")].weighted is None
    bias = {b.annotator: b for b in report.position}
    assert (bias["a1"].decided, bias["a2"].decided, bias["a3"].decided) == (5, 4, 0)
    assert [len(x.seconds) for x in report.times] == [6, 6, 0]
    json.dumps(report.as_dict())  # plain data all the way down

    # Disputed: t3 (1 vs 0) and t5 (−1 vs −2), spread 1 each; a3's retracted −2/+2 is not there.
    assert [(d.task_id, d.disagreement) for d in disputed] == [(t[2], 1), (t[4], 1)]
    third = disputed[0]
    assert [(x.annotator, x.choice, x.rationale) for x in third.labels] == [
        ("a1", 1, "a1 says 1"),
        ("a2", 0, "a2 says 0"),
    ]
    assert third.messages[0]["content"] == "Question 2?"
    assert third.completion_a != third.completion_b and not third.adjudicated

    with ws.tx() as s:
        adjudicate(s, cid, t[2], "lead", choice=-1, note="B answers the question")
    with ws.read() as s:
        after = disputes.disagreements(s, cid)
        open_only = disputes.disagreements(s, cid, include_adjudicated=False)
        outcome = aggregate_campaign(s, cid, Policy())
        report = quality.quality_report(s, cid)
    settled = next(d for d in after if d.task_id == t[2])
    assert settled.adjudication is not None
    assert (settled.adjudication.lead, settled.adjudication.choice) == ("lead", -1)
    assert settled.adjudication.answer == "B > A" and len(settled.labels) == 2  # labels kept
    assert settled.as_dict()["adjudicated"] is True
    assert [d.task_id for d in open_only] == [t[4]]
    assert report.adjudicated == 1
    # t1 a, t2 a, t3 b (adjudicated), t5 b, t6 b kept; t4 (0, 0) is a tie, excluded by default
    assert len(outcome.kept) == 5 and dict(outcome.excluded) == {"tie": 1}
    assert not math.isnan(report.agreement.overall.value or 0.0)
