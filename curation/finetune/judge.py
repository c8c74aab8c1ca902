"""AI-judge suggestions: an OpenAI-compatible chat model pre-judges a campaign's pairs.

Each pair is asked twice, A first and then B first, because LLM judges favour a
position; both answers are stored on the pair's own A/B axis (``choice_ab``,
``choice_ba``; +2 A≫B … −2 B≫A) and a suggestion counts as *consistent* only when the
two orders agree in direction. The prompt carries the campaign's current guidelines
and criteria. Suggestions never count as labels: annotators see one only when the
campaign allows it (``Campaign.show_ai_suggestions``), and the quality page compares
the judge with the humans (agreement, Cohen's κ, the judge's own position bias).

Only records cleared for PII are sent (their redacted text where redaction was
applied; a record marked redacted without its redacted copy is not cleared), unless
the lead overrides it, which the audit log records. The API key
is handled as in :mod:`curation.finetune.jobs`: used by the client, stored nowhere. The prompt
and the parsing of the answer are in :mod:`curation.finetune.judge_prompt`.
"""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from curation.audit import log_event
from curation.errors import CurationError, InputError, NotFoundError
from curation.finetune.jobs import Credentials, api_call
from curation.finetune.judge_prompt import Answer, build_messages, parse_answer
from curation.labeling.aggregate import Policy, aggregate_campaign
from curation.labeling.campaigns import current_guideline
from curation.labeling.scale import SCALE, to_screen
from curation.openai_errors import scrub
from curation.pii.gate import gate_reason, redaction_state
from curation.progress import Progress
from curation.records import Message
from curation.store import labeling_models as lm
from curation.store import models as m
from curation.store.db import Workspace
from curation.wording import plural

BATCH = 50
SCREEN_WORDS = {
    2: "Left much better",
    1: "Left better",
    0: "Tie",
    -1: "Right better",
    -2: "Right much better",
}


@dataclass(slots=True)
class JudgeSettings:
    model: str
    temperature: float | None = 0.0  # None: the service's default (some models refuse 0)
    max_tokens: int | None = 300
    workers: int = 4
    limit: int | None = None
    redo: bool = False
    allow_unreviewed_pii: bool = False


@dataclass(slots=True)
class JudgeRun:
    model: str
    tasks: int = 0
    judged: int = 0
    already: int = 0
    refused_pii: int = 0
    failed: int = 0
    consistent: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        out = f"{plural(self.judged, 'pair')} judged by {self.model} ({self.consistent:,} consistent in both orders)"
        extra = []
        if self.already:
            extra.append(f"{self.already:,} already judged")
        if self.refused_pii:
            extra.append(f"{self.refused_pii:,} not sent (PII not cleared)")
        if self.failed:
            extra.append(f"{self.failed:,} failed")
        return out + (f"; {', '.join(extra)}" if extra else "")


@dataclass(slots=True)
class _Task:
    task_id: int
    messages: list[Message]
    a: list[Message]
    b: list[Message]


def _effective(messages: Any, redacted: Any, redaction: str) -> Any:
    return redacted if redaction == "redacted" and redacted is not None else messages


def _task_ids(
    session: Session, campaign: lm.Campaign, settings: JudgeSettings, run: JudgeRun
) -> list[int]:
    """The tasks to ask about, in id order; counts those skipped (already judged, PII)."""
    done = set(
        session.scalars(
            sa.select(lm.JudgeSuggestion.task_id).where(
                lm.JudgeSuggestion.campaign_id == campaign.id,
                lm.JudgeSuggestion.model == settings.model,
            )
        )
    )
    out: list[int] = []
    for task_id, redaction in session.execute(
        sa.select(lm.Task.id, redaction_state())
        .join(m.Record, m.Record.id == lm.Task.record_id)
        .where(lm.Task.campaign_id == campaign.id, m.Record.status == "active")
        .order_by(lm.Task.id)
    ):
        run.tasks += 1
        if task_id in done and not settings.redo:
            run.already += 1
        elif gate_reason(redaction, override=settings.allow_unreviewed_pii):
            run.refused_pii += 1
        elif settings.limit is None or len(out) < settings.limit:
            out.append(task_id)
    return out


def _load_tasks(ws: Workspace, task_ids: list[int]) -> list[_Task]:
    """The content of a batch of tasks: the redacted version where redaction was applied."""
    ca, cb = aliased(m.Completion), aliased(m.Completion)
    with ws.read() as session:
        rows = session.execute(
            sa.select(
                lm.Task.id,
                m.Record.messages,
                m.Record.redacted_messages,
                redaction_state(),
                ca.messages,
                ca.redacted_messages,
                cb.messages,
                cb.redacted_messages,
            )
            .join(m.Record, m.Record.id == lm.Task.record_id)
            .join(m.Pair, m.Pair.id == lm.Task.pair_id)
            .join(ca, ca.id == m.Pair.completion_a_id)
            .join(cb, cb.id == m.Pair.completion_b_id)
            .where(lm.Task.id.in_(task_ids))
            .order_by(lm.Task.id)
        ).all()
    return [
        _Task(
            task_id,
            _effective(msgs, r_msgs, redaction),
            _effective(a, r_a, redaction),
            _effective(b, r_b, redaction),
        )
        for task_id, msgs, r_msgs, redaction, a, r_a, b, r_b in rows
    ]


def judge_campaign(
    ws: Workspace,
    campaign_id: int,
    client: Any,
    settings: JudgeSettings,
    *,
    actor: str,
    credentials: Credentials | None = None,
    progress: Progress | None = None,
) -> JudgeRun:
    """Ask the judge about every pair of the campaign not yet judged by this model.

    Pairs go out a batch at a time (``workers`` requests in parallel) and each batch's
    answers are committed before the next, so an interrupted run keeps what it got and
    the next run picks up the rest. A failed request is counted, not fatal.
    """
    if not settings.model.strip():
        raise InputError("name the judge model (any chat model of the service)")
    run = JudgeRun(model=settings.model)
    with ws.read() as session:
        campaign = session.get(lm.Campaign, campaign_id)
        if campaign is None:
            raise NotFoundError(f"campaign {campaign_id} does not exist")
        if campaign.kind != "pair":
            raise InputError(
                f"the AI judge compares pairs; {campaign.name!r} is a {campaign.kind} campaign"
            )
        guidelines = current_guideline(session, campaign_id).text
        criteria = list(campaign.criteria)
        task_ids = _task_ids(session, campaign, settings, run)
    secret = credentials.api_key if credentials else None

    def ask(task: _Task) -> tuple[int, Answer, Answer] | str:
        try:
            ab = _ask(client, settings, guidelines, criteria, task, task.a, task.b, credentials)
            ba = _ask(client, settings, guidelines, criteria, task, task.b, task.a, credentials)
        except CurationError as exc:
            return scrub(f"task {task.task_id}: {exc}", secret)
        except Exception as exc:  # a malformed reply must not end the run
            return scrub(
                f"task {task.task_id}: unexpected reply ({type(exc).__name__}: {exc})", secret
            )
        return task.task_id, ab, ba

    with ThreadPoolExecutor(max_workers=max(1, settings.workers)) as pool:
        for start in range(0, len(task_ids), BATCH):
            batch = _load_tasks(ws, task_ids[start : start + BATCH])
            results = list(pool.map(ask, batch))
            _store(ws, campaign_id, settings, results, run)
            if progress:
                progress("judge", min(start + BATCH, len(task_ids)), len(task_ids))
    with ws.tx() as session:
        log_event(
            session,
            actor,
            "judge.run",
            "campaign",
            campaign_id,
            model=settings.model,
            judged=run.judged,
            consistent=run.consistent,
            failed=run.failed,
            refused_pii=run.refused_pii,
            pii_override=settings.allow_unreviewed_pii,
            base_url=credentials.shown_url if credentials else None,
        )
    return run


def _ask(
    client: Any,
    settings: JudgeSettings,
    guidelines: str,
    criteria: list[str],
    task: _Task,
    first: list[Message],
    second: list[Message],
    credentials: Credentials | None,
) -> Answer:
    messages = build_messages(guidelines, criteria, task.messages, first, second)
    with api_call(f"judge request for task {task.task_id}", credentials):
        options: dict[str, Any] = {}
        if settings.temperature is not None:
            options["temperature"] = settings.temperature
        if settings.max_tokens is not None:
            options["max_tokens"] = settings.max_tokens
        reply = client.chat.completions.create(model=settings.model, messages=messages, **options)
    return parse_answer(reply.choices[0].message.content or "")


def _store(
    ws: Workspace,
    campaign_id: int,
    settings: JudgeSettings,
    results: list[tuple[int, Answer, Answer] | str],
    run: JudgeRun,
) -> None:
    with ws.tx() as session:
        for result in results:
            if isinstance(result, str):
                run.failed += 1
                if len(run.errors) < 20:
                    run.errors.append(result)
                continue
            task_id, ab, ba = result
            choice_ab = ab.choice
            # Shown B first: the judge's "A" is the pair's B, so the axis flips.
            choice_ba = None if ba.choice is None else -ba.choice
            session.execute(
                sa.delete(lm.JudgeSuggestion).where(
                    lm.JudgeSuggestion.task_id == task_id,
                    lm.JudgeSuggestion.model == settings.model,
                )
            )
            session.add(
                lm.JudgeSuggestion(
                    campaign_id=campaign_id,
                    task_id=task_id,
                    model=settings.model,
                    choice_ab=choice_ab,
                    choice_ba=choice_ba,
                    rationale=_rationale(ab, ba),
                )
            )
            run.judged += 1
            if _direction(choice_ab) == _direction(choice_ba):
                run.consistent += 1


def _rationale(ab: Answer, ba: Answer) -> str:
    """The judge's reasons (asked A first), and both orders' verdicts on the pair's A/B axis."""

    def verdict(answer: Answer, flip: bool) -> str:
        if answer.both_bad or answer.choice is None:
            return "both bad"
        return SCALE[-answer.choice if flip else answer.choice]

    return (
        f"{ab.rationale}".strip()
        + f"\nVerdict with A shown first: {verdict(ab, False)}; with B shown first: "
        + f"{verdict(ba, True)}."
    )


def _direction(choice: int | None) -> int | None:
    """+1 A better, −1 B better, 0 tie, None both bad / no answer."""
    if choice is None:
        return None
    return (choice > 0) - (choice < 0)


# --------------------------------------------------------------------------- for annotators


@dataclass(frozen=True, slots=True)
class ScreenSuggestion:
    """What an annotator is shown: the judge's verdict in their own left/right placement."""

    model: str
    label: str
    consistent: bool
    rationale: str


def combined_choice(choice_ab: int | None, choice_ba: int | None) -> int | None:
    """The two orders' answers as one choice: their mean, rounded away from zero when they
    agree in direction, and 0 (no preference) when they disagree; None when neither decided."""
    values = [c for c in (choice_ab, choice_ba) if c is not None]
    if not values:
        return None
    directions = {_direction(c) for c in values}
    if len(directions) > 1:
        return 0
    mean = sum(values) / len(values)
    return int(math.copysign(math.floor(abs(mean) + 0.5), mean))


def suggestion_for(
    session: Session, campaign_id: int, task_id: int, shown_left: str
) -> ScreenSuggestion | None:
    """The latest suggestion for this task, in screen terms — None unless the campaign allows it."""
    campaign = session.get(lm.Campaign, campaign_id)
    if campaign is None or not campaign.show_ai_suggestions:
        return None
    row = session.scalar(
        sa.select(lm.JudgeSuggestion)
        .where(lm.JudgeSuggestion.campaign_id == campaign_id, lm.JudgeSuggestion.task_id == task_id)
        .order_by(lm.JudgeSuggestion.created_at.desc(), lm.JudgeSuggestion.id.desc())
        .limit(1)
    )
    if row is None:
        return None
    choice = combined_choice(row.choice_ab, row.choice_ba)
    consistent = _direction(row.choice_ab) == _direction(row.choice_ba)
    if choice is None:
        label = "Both bad"
    elif not consistent:
        label = "No clear preference (the verdict changed with the order shown)"
    else:
        label = SCREEN_WORDS[to_screen(choice, shown_left)]
    return ScreenSuggestion(
        row.model, label, consistent, _screen_rationale(row.rationale, shown_left)
    )


def _screen_rationale(text: str, shown_left: str) -> str:
    """Rationales speak of A and B; say which side of the screen each is on."""
    sides = (
        "A is on the left, B on the right"
        if shown_left == "a"
        else "A is on the right, B on the left"
    )
    return f"({sides}.)\n{text}"


# --------------------------------------------------------------------------- agreement


@dataclass(frozen=True, slots=True)
class AnnotatorAgreement:
    """How often one annotator's current judgments agree with the judge's verdict."""

    annotator: str
    compared: int
    agreement: float | None


@dataclass(frozen=True, slots=True)
class JudgeAgreement:
    """How the judge compares with the humans on one campaign."""

    model: str | None
    suggestions: int
    consistent: int
    first_position_share: float | None
    first_position_p: float | None
    compared: int
    agreement: float | None
    kappa: float | None
    confusion: dict[str, dict[str, int]]
    by_annotator: list[AnnotatorAgreement]
    models: list[str]

    @property
    def consistency(self) -> float | None:
        return self.consistent / self.suggestions if self.suggestions else None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"consistency": self.consistency}


_VERDICT = {1: "A", 0: "tie", -1: "B"}
_HUMAN = {"a": "A", "b": "B", "tie": "tie"}


def judge_models(session: Session, campaign_id: int) -> list[str]:
    return list(
        session.scalars(
            sa.select(lm.JudgeSuggestion.model)
            .where(lm.JudgeSuggestion.campaign_id == campaign_id)
            .group_by(lm.JudgeSuggestion.model)
            .order_by(sa.func.max(lm.JudgeSuggestion.created_at).desc())
        )
    )


def judge_agreement(
    session: Session,
    campaign_id: int,
    model: str | None = None,
    policy: Policy | None = None,
) -> JudgeAgreement:
    """Judge vs the aggregated human verdict (direction A / tie / B; both-bad left out), Cohen's κ
    over those three, agreement with each annotator's live labels, and the judge's position
    bias: how often the answer preferred whichever reply was shown first (binomial test)."""
    from scipy.stats import binomtest
    from sklearn.metrics import cohen_kappa_score

    models = judge_models(session, campaign_id)
    model = model or (models[0] if models else None)
    rows = (
        session.execute(
            sa.select(
                lm.JudgeSuggestion.task_id,
                lm.JudgeSuggestion.choice_ab,
                lm.JudgeSuggestion.choice_ba,
            ).where(
                lm.JudgeSuggestion.campaign_id == campaign_id, lm.JudgeSuggestion.model == model
            )
        ).all()
        if model
        else []
    )
    judge: dict[int, int] = {}
    consistent = first_wins = decided = 0
    for task_id, ab, ba in rows:
        d_ab, d_ba = _direction(ab), _direction(ba)
        if d_ab == d_ba:
            consistent += 1
        # In the A-first order "first" is A (+); in the B-first order it is B (−).
        for direction, first in ((d_ab, 1), (d_ba, -1)):
            if direction:
                decided += 1
                first_wins += direction == first
        combined = combined_choice(ab, ba)
        if combined is not None:
            judge[task_id] = _direction(combined) or 0
    share = first_wins / decided if decided else None
    p_value = float(binomtest(first_wins, decided, 0.5).pvalue) if decided else None

    aggregation = aggregate_campaign(session, campaign_id, policy or Policy(ties="keep"))
    human = {o.task_id: _HUMAN[o.verdict] for o in aggregation.kept if o.verdict in _HUMAN}
    shared = sorted(set(judge) & set(human))
    j_labels = [_VERDICT[judge[t]] for t in shared]
    h_labels = [human[t] for t in shared]
    confusion: dict[str, dict[str, int]] = {
        h: {j: 0 for j in ("A", "tie", "B")} for h in ("A", "tie", "B")
    }
    for h, j in zip(h_labels, j_labels, strict=True):
        confusion[h][j] += 1
    agreement = (
        sum(h == j for h, j in zip(h_labels, j_labels, strict=True)) / len(shared)
        if shared
        else None
    )
    kappa = None
    if len(shared) >= 2 and len(set(h_labels) | set(j_labels)) > 1:
        value = float(cohen_kappa_score(h_labels, j_labels, labels=["A", "tie", "B"]))
        kappa = None if math.isnan(value) else value
    return JudgeAgreement(
        model=model,
        suggestions=len(rows),
        consistent=consistent,
        first_position_share=share,
        first_position_p=p_value,
        compared=len(shared),
        agreement=agreement,
        kappa=kappa,
        confusion=confusion,
        by_annotator=_by_annotator(session, campaign_id, judge),
        models=models,
    )


def _by_annotator(
    session: Session, campaign_id: int, judge: dict[int, int]
) -> list[AnnotatorAgreement]:
    counts: dict[str, list[int]] = {}
    for annotator, task_id, choice, both_bad in session.execute(
        sa.select(
            lm.Judgment.annotator, lm.Judgment.task_id, lm.Judgment.choice, lm.Judgment.both_bad
        ).where(
            lm.Judgment.campaign_id == campaign_id,
            lm.Judgment.is_current.is_(True),
            lm.Judgment.retracted.is_(False),
        )
    ):
        if both_bad or choice is None or task_id not in judge:
            continue
        tally = counts.setdefault(annotator, [0, 0])
        tally[0] += 1
        tally[1] += (_direction(choice) or 0) == judge[task_id]
    return [
        AnnotatorAgreement(name, n, agree / n if n else None)
        for name, (n, agree) in sorted(counts.items())
    ]
