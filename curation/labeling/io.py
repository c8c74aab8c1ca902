"""Raw judgments out (JSONL/JSON) and judgments from another tool in (CSV/JSONL)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation import exitcodes
from curation.audit import log_event
from curation.errors import InputError
from curation.fileio.jsonl import iter_jsonl
from curation.fileio.limits import READ_ERRORS, damage_reason, too_long_reason
from curation.fileio.source import open_binary
from curation.fileio.table import BoundedLines, LineTooLongError
from curation.ingest.formats import LineError
from curation.labeling.answers import add_judgment_version
from curation.labeling.campaigns import current_guideline, require_campaign
from curation.labeling.scale import SCALE, parse_choice
from curation.store import labeling_models as lm
from curation.store.db import Workspace


def judgment_rows(
    session: Session, campaign_id: int, *, current_only: bool = False
) -> Iterator[dict[str, Any]]:
    """Every judgment version (or only the live ones), oldest first, as plain dicts."""
    kind = _kind(session, campaign_id)
    thumbs = kind == "thumbs"
    ranks = _ranks(session, campaign_id) if kind == "ranking" else {}
    query = (
        sa.select(lm.Judgment, lm.Task.is_gold, lm.Task.record_id)
        .join(lm.Task, lm.Task.id == lm.Judgment.task_id)
        .where(lm.Judgment.campaign_id == campaign_id)
        .order_by(lm.Judgment.id)
    )
    if current_only:
        query = query.where(lm.Judgment.is_current.is_(True), lm.Judgment.retracted.is_(False))
    for j, is_gold, record_id in session.execute(query):
        if thumbs:
            unit: dict[str, Any] = {
                "completion_id": j.completion_id,
                "label": None if j.choice is None else ("good" if j.choice > 0 else "bad"),
            }
        elif kind == "ranking":  # completion id -> rank (null: unranked, or all bad)
            unit = {"record_id": record_id, "ranks": ranks.get(j.id, {})}
        else:
            unit = {"pair_id": j.pair_id}
        yield {
            "judgment_id": j.id,
            "task_id": j.task_id,
            **unit,
            "annotator": j.annotator,
            "version": j.version,
            "is_current": j.is_current,
            "retracted": j.retracted,
            "choice": j.choice,
            "choice_label": None if j.choice is None or thumbs else SCALE.get(j.choice),
            "both_bad": j.both_bad,
            "criteria": j.criteria,
            "rationale": j.rationale,
            "shown_left": j.shown_left,
            "guideline_version": j.guideline_version,
            "source": j.source,
            "started_at": j.started_at.isoformat() if j.started_at else None,
            "submitted_at": j.submitted_at.isoformat(),
            "duration_ms": j.duration_ms,
            "is_gold": bool(is_gold),
        }


@dataclass(slots=True)
class LabelImport:
    rows: int = 0
    imported: int = 0
    errors: list[LineError] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if not self.errors:
            return exitcodes.OK if self.rows else exitcodes.FAILED
        return exitcodes.PARTIAL if self.imported else exitcodes.FAILED


def _ranks(session: Session, campaign_id: int) -> dict[int, dict[str, int | None]]:
    out: dict[int, dict[str, int | None]] = {}
    for judgment_id, completion_id, rank in session.execute(
        sa.select(lm.JudgmentRank.judgment_id, lm.JudgmentRank.completion_id, lm.JudgmentRank.rank)
        .join(lm.Judgment, lm.Judgment.id == lm.JudgmentRank.judgment_id)
        .where(lm.Judgment.campaign_id == campaign_id)
        .order_by(lm.JudgmentRank.judgment_id, lm.JudgmentRank.shown_at)
    ):
        out.setdefault(judgment_id, {})[str(completion_id)] = rank
    return out


def _kind(session: Session, campaign_id: int) -> str:
    return str(require_campaign(session, campaign_id).kind)


THUMBS_WORDS = {
    "good": 1,
    "bad": -1,
    "true": 1,
    "false": -1,
    "1": 1,
    "-1": -1,
    "0": -1,
    "desirable": 1,
    "undesirable": -1,
    "up": 1,
    "down": -1,
}


def import_labels(ws: Workspace, path: str | Path, campaign_id: int, *, actor: str) -> LabelImport:
    """Merge judgments made elsewhere: rows of ``pair_id, annotator, choice`` (+ ``both_bad``,
    ``rationale``), or for a thumbs campaign ``completion_id, annotator, label`` (good/bad).
    Unknown ids and rows beyond the campaign's overlap are reported by line; the good rows
    go in, in one transaction."""
    result = LabelImport()
    with ws.tx() as session:
        campaign = require_campaign(session, campaign_id)
        if campaign.kind == "ranking":
            raise InputError(
                f"campaign {campaign.name!r} is a ranking campaign: importing rankings made "
                "elsewhere is not supported yet"
            )
        unit_column = lm.Task.completion_id if campaign.kind == "thumbs" else lm.Task.pair_id
        tasks = {
            int(unit_id): task_id
            for task_id, unit_id in session.execute(
                sa.select(lm.Task.id, unit_column).where(lm.Task.campaign_id == campaign_id)
            )
            if unit_id is not None
        }
        version = current_guideline(session, campaign_id).version
        for line, row in _label_rows(path):
            result.rows += 1
            try:
                _merge_row(session, campaign, tasks, row, version)
            except InputError as exc:
                result.errors.append(LineError(line, getattr(exc, "field", "row"), str(exc)))
                continue
            result.imported += 1
        log_event(
            session,
            actor,
            "labels.import",
            "campaign",
            campaign_id,
            file=str(path),
            imported=result.imported,
            rejected=len(result.errors),
        )
    return result


class _RowError(InputError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def _label_rows(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    p = Path(path)
    name = p.name.lower().removesuffix(".gz")
    if name.endswith((".csv", ".tsv")):
        with open_binary(p) as fh:
            lines = BoundedLines(fh)
            reader = csv.DictReader(lines, delimiter="\t" if name.endswith(".tsv") else ",")
            try:
                for row in reader:
                    yield lines.line, dict(row)
            except LineTooLongError as exc:
                raise InputError(f"{p} line {exc.line}: {too_long_reason()}") from None
            except READ_ERRORS as exc:
                raise InputError(damage_reason(p, lines.line + 1, exc)) from None
        return
    for item in iter_jsonl(p):
        if item.error is not None:
            yield item.line, {"__error__": item.error}
        else:
            yield (
                item.line,
                item.value if isinstance(item.value, dict) else {"__error__": "expected an object"},
            )


def _merge_row(
    session: Session,
    campaign: lm.Campaign,
    tasks: dict[int, int],
    row: dict[str, Any],
    version: int,
) -> None:
    if "__error__" in row:
        raise _RowError("line", str(row["__error__"]))
    if campaign.kind == "thumbs":
        _merge_thumbs_row(session, campaign, tasks, row, version)
        return
    target = _row_target(campaign, tasks, row, "pair")
    both_bad = str(row.get("both_bad", "")).strip().lower() in ("1", "true", "yes")
    raw_choice = row.get("choice")
    if both_bad and raw_choice not in (None, ""):
        raise _RowError("choice", "a row marked both_bad cannot also carry a choice")
    try:
        choice = (
            None
            if both_bad and raw_choice in (None, "")
            else parse_choice("" if raw_choice is None else str(raw_choice))
        )
    except InputError as exc:
        raise _RowError("choice", str(exc)) from None
    _store_imported(session, campaign, target, row, version, choice=choice, both_bad=both_bad)


def _merge_thumbs_row(
    session: Session,
    campaign: lm.Campaign,
    tasks: dict[int, int],
    row: dict[str, Any],
    version: int,
) -> None:
    target = _row_target(campaign, tasks, row, "completion")
    raw = str(row.get("label", "")).strip().lower()
    if raw not in THUMBS_WORDS:
        raise _RowError("label", f"expected good or bad, got {row.get('label')!r}")
    choice = THUMBS_WORDS[raw]
    _store_imported(session, campaign, target, row, version, choice=choice, both_bad=False)


@dataclass(frozen=True, slots=True)
class _RowTarget:
    """The task an imported row labels, who labelled it, and how an error names it."""

    task_id: int
    annotator: str
    what: str  # "pair 12", "completion 7"


def _row_target(
    campaign: lm.Campaign, tasks: dict[int, int], row: dict[str, Any], noun: str
) -> _RowTarget:
    """The row's ``<noun>_id`` (one of the campaign's) and its annotator, or a row error."""
    field = f"{noun}_id"
    try:
        key = int(row.get(field) or "")
    except (TypeError, ValueError):
        raise _RowError(field, f"expected a {noun} id, got {row.get(field)!r}") from None
    if key not in tasks:
        raise _RowError(field, f"{noun} {key} is not in campaign {campaign.name!r}")
    annotator = str(row.get("annotator") or "").strip()
    if not annotator:
        raise _RowError("annotator", "missing")
    return _RowTarget(tasks[key], annotator, f"{noun} {key}")


def _store_imported(
    session: Session,
    campaign: lm.Campaign,
    target: _RowTarget,
    row: dict[str, Any],
    version: int,
    *,
    choice: int | None,
    both_bad: bool,
) -> None:
    """An imported label as the annotator's judgment, its assignment claimed within overlap."""
    _claim_for_import(session, campaign, target.task_id, target.annotator, target.what)
    task = session.get(lm.Task, target.task_id)
    assert task is not None
    add_judgment_version(
        session,
        task,
        target.annotator,
        choice=choice,
        both_bad=both_bad,
        criteria={},
        rationale=str(row.get("rationale") or ""),
        shown_left="a",
        guideline_version=version,
        source="import",
    )


def _claim_for_import(
    session: Session, campaign: lm.Campaign, task_id: int, annotator: str, what: str
) -> None:
    """A done assignment for an imported label, within the campaign's overlap."""
    task = session.get(lm.Task, task_id, with_for_update=True)
    assert task is not None
    existing = session.scalar(
        sa.select(lm.Assignment).where(
            lm.Assignment.task_id == task.id, lm.Assignment.annotator == annotator
        )
    )
    if existing is None or existing.status == "released":  # released: its place was given back
        if task.n_assigned >= campaign.overlap:
            raise _RowError(
                "pair_id" if what.startswith("pair") else "completion_id",
                f"{what} already has {campaign.overlap} labels (the campaign's overlap)",
            )
        task.n_assigned += 1
        if existing is not None:
            existing.status = "done"
            return
        session.add(
            lm.Assignment(
                campaign_id=campaign.id,
                task_id=task.id,
                annotator=annotator,
                shown_left="a",
                status="done",
            )
        )
    elif existing.status in ("skipped", "expired"):
        raise _RowError(
            "annotator",
            f"{annotator} gave {what} back; it cannot take a label from them now",
        )
    else:
        existing.status = "done"


def dumps_jsonl(rows: Iterable[dict[str, Any]]) -> bytes:
    """Rows as JSON Lines: one compact object per line, each ending in a newline."""
    return b"".join(orjson.dumps(r) + b"\n" for r in rows)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One of an annotator's live answers: when (ISO seconds), what they pressed, how long."""

    submitted: str
    answer: str
    seconds: float | None


def own_history(session: Session, campaign_id: int, annotator: str) -> list[HistoryEntry]:
    """One annotator's live answers, oldest first: when, what (as they saw it), how long."""
    from curation.labeling.scale import to_screen

    screen_labels = {2: "left ≫", 1: "left >", 0: "tie", -1: "right >", -2: "right ≫"}
    kind = _kind(session, campaign_id)
    if kind == "thumbs":
        screen_labels = {1: "good", -1: "bad"}
    rows = session.execute(
        sa.select(
            lm.Judgment.submitted_at,
            lm.Judgment.choice,
            lm.Judgment.both_bad,
            lm.Judgment.shown_left,
            lm.Judgment.duration_ms,
        )
        .where(
            lm.Judgment.campaign_id == campaign_id,
            lm.Judgment.annotator == annotator,
            lm.Judgment.is_current.is_(True),
            lm.Judgment.retracted.is_(False),
        )
        .order_by(lm.Judgment.submitted_at)
    )
    return [
        HistoryEntry(
            submitted=at.isoformat(timespec="seconds"),
            answer=("all bad" if kind == "ranking" else "both bad")
            if bad
            else "ranked"
            if kind == "ranking"
            else screen_labels.get(to_screen(choice, left), str(choice))
            if choice is not None
            else "—",
            seconds=round(ms / 1000, 1) if ms is not None else None,
        )
        for at, choice, bad, left, ms in rows
    ]
