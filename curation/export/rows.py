"""Pass 2 of an export: read the kept records in id-ordered chunks, build and check each row,
write it to its split's file, and count its tokens in a worker thread."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import orjson
import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.errors import CurationError
from curation.export.formats import ExportFormat, Item, Skip
from curation.export.plan import (
    Context,
    PairRow,
    Progress,
    pair_reason,
    pair_verdict,
    pairs_between,
    parse_json,
    record_mode,
    text_column,
)
from curation.export.splits import SPLIT_NAMES
from curation.labeling.aggregate import bradley_terry
from curation.pii.gate import PASSABLE, redaction_state
from curation.records import Completion, Message
from curation.store import models as m
from curation.validate import BatchSink, TokenPipeline, ValidationReport

ROW_CHUNK = 2000
SAMPLES_KEPT = 20


# --------------------------------------------------------------------------- pass 2: rows


@dataclass(slots=True)
class RecordContent:
    record_id: int
    import_id: int | None
    redaction: str
    n_completions: int
    messages: list[Message]
    tools: list[Any] | None
    extra: dict[str, Any]
    metadata: dict[str, Any]
    # The stored JSON text of ``messages`` when it is what is exported (compact, one line).
    messages_text: str | None = None


def effective(messages: list[Message], redacted: list[Message] | None, redaction: str) -> Any:
    """The redacted version where PII redaction was applied (falling back to the original)."""
    if redaction == "redacted" and redacted is not None:
        return redacted
    return messages


def redacted_column(column: Any) -> Any:
    """A redacted copy's stored text, read only for records whose redaction was applied."""
    return sa.case((m.Record.redaction == "redacted", text_column(column)), else_=sa.null())


def has_copy(text: str | None) -> bool:
    return text is not None and text != "null"


def json_object(text: str | None) -> dict[str, Any]:
    if text is None or text == "{}":
        return {}
    value = parse_json(text)
    return value if isinstance(value, dict) else {}


def chunk_filter(column: Any, ids: np.ndarray) -> Any:
    lo, hi = int(ids[0]), int(ids[-1])
    if hi - lo + 1 <= 2 * ids.size:
        return sa.and_(column >= lo, column <= hi)
    return column.in_([int(i) for i in ids])


def load_chunk(
    session: Session, ctx: Context, ids: np.ndarray
) -> Iterator[tuple[RecordContent, list[Item]]]:
    """Each kept record of the chunk (ids ascending) with the items it gives."""
    r = m.Record
    wanted = set(ids.tolist())
    connection = session.connection()
    records = [
        row
        for row in connection.execute(
            sa.select(
                r.id,
                r.import_id,
                redaction_state(),
                r.n_completions,
                text_column(r.messages),
                redacted_column(r.redacted_messages),
                text_column(r.tools),
                text_column(r.extra),
                text_column(r.meta),
                redacted_column(r.redacted_extra),
                redacted_column(r.redacted_metadata),
            )
            .where(r.dataset_id == ctx.dataset.id, chunk_filter(r.id, ids))
            .order_by(r.id)
        ).all()
        if row[0] in wanted
    ]
    completions: dict[int, dict[int, tuple[int, Completion]]] = defaultdict(dict)
    pairs: dict[int, list[PairRow]] = {}
    if ctx.needs_pairs:
        redaction = {row[0]: row[2] for row in records}
        c = m.Completion
        for cid, rid, position, msgs, redacted, scores, source in connection.execute(
            sa.select(
                c.id,
                c.record_id,
                c.position,
                text_column(c.messages),
                text_column(c.redacted_messages),
                text_column(c.scores),
                c.source,
            ).where(chunk_filter(c.record_id, ids))
        ).all():
            if rid in redaction:
                shown = effective(parse_json(msgs), parse_json(redacted), redaction[rid])
                completions[rid][cid] = (
                    position,
                    Completion(shown, source, parse_json(scores) or {}),
                )
        pairs = pairs_between(session, ctx, int(ids[0]), int(ids[-1]))
    criteria = list(ctx.campaign.criteria) if ctx.campaign is not None else []
    loads = orjson.loads
    for row in records:
        rid, import_id, state, n_comp, msgs, redacted, tools, extra, meta, r_extra, r_meta = row
        # Only the redacted copies of a redacted record replace the stored text; a copy is
        # missing only with a lead's override (the gate refuses it otherwise).
        original = redacted is None or redacted == "null"
        content = RecordContent(
            rid,
            import_id,
            state,
            n_comp,
            loads(msgs) if original else loads(redacted),
            None if tools is None else loads(tools),
            json_object(r_extra) if has_copy(r_extra) else json_object(extra),
            json_object(r_meta) if has_copy(r_meta) else json_object(meta),
            msgs if original and "\n" not in msgs else None,
        )
        yield (
            content,
            items_of(ctx, content, completions.get(rid, {}), pairs.get(rid, []), criteria),
        )


def items_of(
    ctx: Context,
    rec: RecordContent,
    completions: dict[int, tuple[int, Completion]],
    pairs: list[PairRow],
    criteria: list[str],
) -> list[Item]:
    mode = record_mode(ctx, rec.n_completions)
    if mode == "records":
        return [item_of(rec, None, criteria)]
    if mode == "preferred":
        best = best_completion(ctx, pairs, completions)
        if best is None:
            return []
        item = item_of(rec, None, criteria)
        item.chosen_position, item.chosen = best
        return [item]
    items: list[Item] = []
    for pair in pairs:
        if pair_reason(ctx, pair):
            continue
        verdict, _ = pair_verdict(ctx, pair)
        win, lose = (pair.a, pair.b) if verdict == "a" else (pair.b, pair.a)
        item = item_of(rec, pair.pair_id, criteria)
        item.chosen_position, item.chosen = completions[win]
        item.rejected_position, item.rejected = completions[lose]
        items.append(item)
    return items


def item_of(rec: RecordContent, pair_id: int | None, criteria: list[str]) -> Item:
    return Item(
        record_id=rec.record_id,
        pair_id=pair_id,
        messages=rec.messages,
        tools=rec.tools,
        extra=rec.extra,
        metadata=rec.metadata,
        criteria=criteria,
    )


def best_completion(
    ctx: Context, pairs: list[PairRow], completions: dict[int, tuple[int, Completion]]
) -> tuple[int, Completion] | None:
    """The record's preferred completion: the winner of its decided pairs (Bradley–Terry over
    three or more completions), the first completion of a tie kept by policy, or a lone one."""
    wins: list[tuple[int, int]] = []
    tie_first: int | None = None
    for pair in pairs:
        verdict, _ = pair_verdict(ctx, pair)
        if verdict == "a":
            wins.append((pair.a, pair.b))
        elif verdict == "b":
            wins.append((pair.b, pair.a))
        elif verdict == "tie" and tie_first is None:
            tie_first = pair.a
    if wins:
        ids = sorted({c for w in wins for c in w}, key=lambda cid: completions[cid][0])
        if len(ids) == 2:
            return completions[wins[0][0]]
        index = {cid: i for i, cid in enumerate(ids)}
        strengths = bradley_terry(len(ids), [(index[w], index[lo]) for w, lo in wins])
        best = max(range(len(ids)), key=lambda i: (strengths[i], -i))
        return completions[ids[best]]
    if tie_first is not None:
        return completions[tie_first]
    if len(completions) == 1 and ctx.campaign is None:
        return next(iter(completions.values()))
    return None


# --------------------------------------------------------------------------- tokens


def tally_split_tokens(reports: dict[str, ValidationReport]) -> BatchSink[str]:
    """A token-pipeline sink adding each row's tokens to its split's report."""

    def add(totals: np.ndarray, assistant: np.ndarray, splits: list[str]) -> None:
        names = np.asarray(splits)
        for name, report in reports.items():
            mask = names == name
            if not mask.any():
                continue
            mine = totals[mask]
            report.total_tokens.add(mine)
            report.assistant_tokens.add(assistant[mask])
            report.billed_tokens += int(np.minimum(mine, report.context_limit).sum())
            report.over_limit += int((mine > report.context_limit).sum())

    return add


# --------------------------------------------------------------------------- writing


@dataclass(slots=True)
class Stats:
    written: Counter[str] = field(default_factory=Counter)
    left_out: Counter[str] = field(default_factory=Counter)
    validation_codes: Counter[str] = field(default_factory=Counter)
    samples: list[dict[str, Any]] = field(default_factory=list)
    rows_by_import: Counter[int | None] = field(default_factory=Counter)
    origins: Counter[str] = field(default_factory=Counter)
    redacted_records: int = 0
    override_records: Counter[str] = field(default_factory=Counter)
    override_rows: int = 0

    def sample(self, reason: str, item: Item, detail: str) -> None:
        same = sum(1 for s in self.samples if s["reason"] == reason)
        if same < 5 and len(self.samples) < SAMPLES_KEPT * 2:
            self.samples.append(
                {
                    "reason": reason,
                    "record_id": item.record_id,
                    "pair_id": item.pair_id,
                    "detail": detail[:300],
                }
            )


def origin(item: Item) -> str:
    if item.rejected is not None:
        return "pair"
    return "completion" if item.chosen is not None else "record"


def write_rows(
    session: Session,
    ctx: Context,
    kept_ids: np.ndarray,
    kept_rows: np.ndarray,
    split_of: np.ndarray,
    sinks: dict[str, Any],
    reports: dict[str, ValidationReport],
    tokens: TokenPipeline[str],
    stats: Stats,
    progress: Progress | None,
) -> None:
    fmt, spec = ctx.fmt, ctx.spec
    names = SPLIT_NAMES if len(sinks) > 1 else ("train", "train")
    total = int(kept_rows.sum())
    done = 0
    for start in range(0, kept_ids.size, ROW_CHUNK):
        ids = kept_ids[start : start + ROW_CHUNK]
        splits = split_of[start : start + ROW_CHUNK]
        expected = kept_rows[start : start + ROW_CHUNK]
        position = {int(rid): i for i, rid in enumerate(ids.tolist())}
        for content, items in load_chunk(session, ctx, ids):
            i = position[content.record_id]
            name = names[int(splits[i])]
            sink, report = sinks[name], reports[name]
            missing = int(expected[i]) - len(items)
            if missing > 0:
                stats.left_out["changed_during_export"] += missing
            wrote = 0
            for item in items:
                try:
                    row = fmt.row(item)
                except Skip as skip:
                    stats.left_out[skip.reason] += 1
                    stats.sample(skip.reason, item, skip.detail)
                    continue
                issues = fmt.check(row, item)
                if issues:
                    detail = "; ".join(f"[{x.code}] {x.message}" for x in issues[:3])
                    if spec.strict:
                        raise CurationError(
                            f"record {item.record_id}"
                            + (f" pair {item.pair_id}" if item.pair_id else "")
                            + f" fails validation: {detail}; nothing was written (--strict)"
                        )
                    stats.left_out["validation_error"] += 1
                    stats.validation_codes.update(x.code for x in issues)
                    stats.sample("validation_error", item, detail)
                    continue
                sink.write(serializable(row, item, content))
                conversation = fmt.conversation(row, item)
                tokens.add(name, conversation)
                tally(report, fmt, conversation)
                stats.written[name] += 1
                stats.origins[origin(item)] += 1
                wrote += 1
            if wrote:
                stats.rows_by_import[content.import_id] += wrote
                if content.redaction == "redacted":
                    stats.redacted_records += 1
                elif content.redaction not in PASSABLE:
                    stats.override_records[content.redaction] += 1
                    stats.override_rows += wrote
        done += int(expected.sum())
        if progress:
            progress("write", done, total)
    if fmt.layout:
        for report in reports.values():
            if report.examples:
                report.layouts[fmt.layout] = report.examples


def serializable(row: dict[str, Any], item: Item, content: RecordContent) -> dict[str, Any]:
    """The row, with the record's messages as their stored JSON text when they are written
    unchanged: re-serialising the largest part of every row would cost a third of the time."""
    if content.messages_text is not None and row.get("messages") is content.messages:
        return {**row, "messages": orjson.Fragment(content.messages_text)}
    return row


def tally(report: ValidationReport, fmt: ExportFormat, conversation: list[Message]) -> None:
    """The written row in its file's report (layouts are set once, at the end)."""
    report.examples += 1
    report.valid_examples += 1
    roles = {m.get("role") for m in conversation}
    if "system" not in roles and "developer" not in roles:
        report.missing_system += 1
    if "user" not in roles:
        report.missing_user += 1
