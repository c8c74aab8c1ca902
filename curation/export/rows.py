"""Pass 2 of an export: read the kept records in id-ordered chunks, build and check each row,
write it to its split's file, and count its tokens.

A chunk is built by :func:`build_chunk` into encoded rows per file; :func:`write_rows`
writes them here (tokens counted in a worker thread), :mod:`curation.export.parallel`
builds chunks on the engine's workers and writes them here in the same order, so both give
the same bytes."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import orjson
import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.export.formats import ExportFormat, Item, SkipError
from curation.export.plan import (
    UNDESIRABLE,
    Context,
    PairRow,
    pair_reason,
    pair_verdict,
    pairs_between,
    parse_json,
    record_mode,
    text_column,
)
from curation.export.ranked import ranked_items
from curation.export.sinks import Sink, row_encoder
from curation.export.spec import SettingError
from curation.export.splits import SPLIT_NAMES
from curation.ingest.report import ValidationReport
from curation.ingest.token_pipeline import BatchSink, TokenPipeline
from curation.labeling.aggregate import bradley_terry
from curation.pii.gate import PASSABLE, gate_reason, redaction_state
from curation.progress import Progress
from curation.records import Completion, Message
from curation.store import models as m

ROW_CHUNK = 2000
SAMPLES_KEPT = 20


# --------------------------------------------------------------------------- pass 2: rows


@dataclass(slots=True)
class RecordContent:
    record_id: int
    import_id: int | None
    status: str
    redaction: str
    n_completions: int
    messages: list[Message]
    tools: list[Any] | None
    extra: dict[str, Any]
    metadata: dict[str, Any]
    # The stored JSON text of ``messages`` when it is what is exported (compact, one line).
    messages_text: str | None = None
    # Why the record gave fewer rows than planned, when building its items found out.
    short_reason: str | None = None


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
                r.status,
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
        redaction = {row[0]: row[3] for row in records}
        c = m.Completion
        for cid, rid, position, msgs, redacted, scores, source, label in connection.execute(
            sa.select(
                c.id,
                c.record_id,
                c.position,
                text_column(c.messages),
                text_column(c.redacted_messages),
                text_column(c.scores),
                c.source,
                c.label,
            ).where(chunk_filter(c.record_id, ids))
        ).all():
            if rid in redaction:
                shown = effective(parse_json(msgs), parse_json(redacted), redaction[rid])
                completions[rid][cid] = (
                    position,
                    Completion(shown, source, parse_json(scores) or {}, label),
                )
        pairs = pairs_between(session, ctx, int(ids[0]), int(ids[-1]))
    criteria = list(ctx.campaign.criteria) if ctx.campaign is not None else []
    loads = orjson.loads
    for row in records:
        rid, import_id, status, state, n_comp = row[:5]
        msgs, redacted, tools, extra, meta, r_extra, r_meta = row[5:]
        # Only the redacted copies of a redacted record replace the stored text; a copy is
        # missing only with a lead's override (the gate refuses it otherwise).
        original = not has_copy(redacted)
        content = RecordContent(
            rid,
            import_id,
            status,
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
        if best[1].label is False:  # never an SFT target, whatever preferred it
            rec.short_reason = UNDESIRABLE
            return []
        item = item_of(rec, None, criteria)
        item.chosen_position, item.chosen = best
        return [item]
    items: list[Item] = []
    if mode == "kto":
        return kto_items(ctx, rec, completions, pairs, criteria)
    if mode == "ranking":
        return ranked_items(ctx.rankings, item_of(rec, None, criteria), completions)
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


def kto_items(
    ctx: Context,
    rec: RecordContent,
    completions: dict[int, tuple[int, Completion]],
    pairs: list[PairRow],
    criteria: list[str],
) -> list[Item]:
    """Unpaired rows: each completion the source labelled, then each decided pair's chosen
    completion as desirable and its rejected one as undesirable (see ``KTO_POLICY``)."""
    items: list[Item] = []
    for position, completion in sorted(completions.values(), key=lambda pc: pc[0]):
        if completion.label is not None:
            item = item_of(rec, None, criteria)
            item.chosen_position, item.chosen = position, completion
            item.label, item.label_origin = completion.label, "source"
            items.append(item)
    for pair in pairs:
        if pair_reason(ctx, pair):
            continue
        verdict, _ = pair_verdict(ctx, pair)
        win, lose = (pair.a, pair.b) if verdict == "a" else (pair.b, pair.a)
        for cid, label in ((win, True), (lose, False)):
            item = item_of(rec, pair.pair_id, criteria)
            item.chosen_position, item.chosen = completions[cid]
            item.label, item.label_origin = label, "pair"
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
            if mask.any():
                report.add_tokens(totals[mask], assistant[mask])

    return add


# --------------------------------------------------------------------------- building rows

CHANGED = "changed_during_export"


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
    notes: list[str] = field(default_factory=list)  # for the export's warnings
    reasoning_dropped: int = 0  # messages whose reasoning trace the layout had no place for
    text_lost: int = 0  # messages whose text beside a tool call the layout had no place for

    def sample(self, reason: str, item: Item, detail: str) -> None:
        self._keep(
            {
                "reason": reason,
                "record_id": item.record_id,
                "pair_id": item.pair_id,
                "detail": detail[:300],
            }
        )

    def _keep(self, sample: dict[str, Any]) -> None:
        same = sum(1 for s in self.samples if s["reason"] == sample["reason"])
        if same < 5 and len(self.samples) < SAMPLES_KEPT * 2:
            self.samples.append(sample)

    def merge(self, other: Stats) -> None:
        """Add a later chunk's statistics: merged in chunk order, they are what one pass
        over all the chunks would have counted, samples included."""
        self.written.update(other.written)
        self.left_out.update(other.left_out)
        self.validation_codes.update(other.validation_codes)
        for sample in other.samples:
            self._keep(sample)
        self.rows_by_import.update(other.rows_by_import)
        self.origins.update(other.origins)
        self.redacted_records += other.redacted_records
        self.override_records.update(other.override_records)
        self.override_rows += other.override_rows
        self.reasoning_dropped += other.reasoning_dropped
        self.text_lost += other.text_lost


@dataclass(slots=True)
class Part:
    """One chunk's rows for one file, in order and encoded for its sink, the conversations
    their tokens are counted on, and the report's counts of them."""

    rows: list[Any] = field(default_factory=list)
    conversations: list[list[Message]] = field(default_factory=list)
    missing_system: int = 0
    missing_user: int = 0


@dataclass(slots=True)
class Chunk:
    parts: dict[str, Part]
    stats: Stats
    expected: int  # the rows the plan expects from the chunk (for the progress bar)


def split_names(files: int) -> tuple[str, str]:
    """File name by split index (0 train, 1 validation); one file takes both."""
    return SPLIT_NAMES if files > 1 else ("train", "train")


def chunks(
    kept_ids: np.ndarray, kept_rows: np.ndarray, split_of: np.ndarray
) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The kept records in id-ordered chunks: their ids, splits and expected row counts."""
    for start in range(0, kept_ids.size, ROW_CHUNK):
        end = start + ROW_CHUNK
        yield kept_ids[start:end], split_of[start:end], kept_rows[start:end]


def build_chunk(
    session: Session,
    ctx: Context,
    ids: np.ndarray,
    splits: np.ndarray,
    expected: np.ndarray,
    names: tuple[str, str],
    encode: Callable[[dict[str, Any]], Any],
) -> Chunk:
    """Every row of one chunk of kept records: built, checked by the validator and encoded,
    per file. Raises :class:`CurationError` on an invalid row with ``strict``."""
    stats = Stats()
    parts = {name: Part() for name in dict.fromkeys(names)}
    # record id → (file, rows expected); what is left once read was not found at all
    plans = zip(splits.tolist(), expected.tolist(), strict=True)
    planned = dict(zip(ids.tolist(), plans, strict=True))
    for content, items in load_chunk(session, ctx, ids):
        split, rows = planned.pop(content.record_id)
        if not still_cleared(ctx, content):
            stats.left_out[CHANGED] += rows
            continue
        if rows > len(items):
            stats.left_out[content.short_reason or CHANGED] += rows - len(items)
        name = names[split]
        add_record(ctx, content, items, name, parts[name], stats, encode)
    gone = sum(rows for _, rows in planned.values())
    if gone:
        stats.left_out[CHANGED] += gone
    return Chunk(parts, stats, int(expected.sum()))


def still_cleared(ctx: Context, content: RecordContent) -> bool:
    """Whether the record still passes the status and PII checks the plan made. Read in the
    plan's snapshot it always does; engine workers reading a SQLite workspace see later
    commits, and a record deleted, excluded or sent back to review since is left out."""
    if content.status != "active":
        return False
    return not gate_reason(content.redaction, override=ctx.spec.allow_unreviewed_pii)


def add_record(
    ctx: Context,
    content: RecordContent,
    items: list[Item],
    name: str,
    part: Part,
    stats: Stats,
    encode: Callable[[dict[str, Any]], Any],
) -> None:
    fmt = ctx.fmt
    wrote = 0
    for original in items:
        item = stripped_item(ctx, original)
        row = checked_row(ctx, item, stats)
        if row is None:
            continue
        part.rows.append(encode(serializable(row, content)))
        conversation = fmt.conversation(row, item)
        part.conversations.append(conversation)
        roles = {m.get("role") for m in conversation}
        if "system" not in roles and "developer" not in roles:
            part.missing_system += 1
        if "user" not in roles:
            part.missing_user += 1
        stats.origins[origin(item)] += 1
        if item is not original:
            stats.reasoning_dropped += reasoning_count(original)
        stats.text_lost += fmt.text_lost(item)
        wrote += 1
    if wrote:
        stats.written[name] += wrote
        stats.rows_by_import[content.import_id] += wrote
        if content.redaction == "redacted":
            stats.redacted_records += 1
        elif content.redaction not in PASSABLE:
            stats.override_records[content.redaction] += 1
            stats.override_rows += wrote


def checked_row(ctx: Context, item: Item, stats: Stats) -> dict[str, Any] | None:
    """The item's row once the validator passed it; None (counted) when it is left out."""
    fmt = ctx.fmt
    try:
        row = fmt.row(item)
    except SkipError as skip:
        stats.left_out[skip.reason] += 1
        stats.sample(skip.reason, item, skip.detail)
        return None
    issues = fmt.check(row, item)
    if not issues:
        return row
    detail = "; ".join(f"[{x.code}] {x.message}" for x in issues[:3])
    if ctx.spec.strict:
        raise SettingError(
            f"record {item.record_id}"
            + (f" pair {item.pair_id}" if item.pair_id else "")
            + f" fails validation: {detail}; nothing was written (strict export)",
            "strict",
        )
    stats.left_out["validation_error"] += 1
    stats.validation_codes.update(x.code for x in issues)
    stats.sample("validation_error", item, detail)
    return None


def stripped_item(ctx: Context, item: Item) -> Item:
    """The item as its row is built and validated: without reasoning traces when the layout
    has no place for them or ``--drop-reasoning`` asks (a trace left on would fail the
    validator and lose the whole row). The item itself when there is nothing to take out."""
    if (ctx.fmt.drops_reasoning or ctx.spec.drop_reasoning) and reasoning_count(item):
        return without_reasoning_item(item)
    return item


def without_reasoning_item(item: Item) -> Item:
    """The item with its messages' reasoning traces taken out."""

    def strip(messages: list[Message]) -> list[Message]:
        return [{k: v for k, v in m.items() if k != "reasoning_content"} for m in messages]

    out = replace(item, messages=strip(item.messages))
    for side in ("chosen", "rejected"):
        completion = getattr(item, side)
        if completion is not None:
            setattr(out, side, replace(completion, messages=strip(completion.messages)))
    return out


def reasoning_count(item: Item) -> int:
    """Messages of the item that carry a reasoning trace."""
    n = sum(1 for m in item.messages if m.get("reasoning_content"))
    for completion in (item.chosen, item.rejected):
        if completion is not None:
            n += sum(1 for m in completion.messages if m.get("reasoning_content"))
    return n


def origin(item: Item) -> str:
    if item.label_origin:
        return f"kto_{item.label_origin}_{'desirable' if item.label else 'undesirable'}"
    if item.rejected is not None:
        return "pair"
    return "completion" if item.chosen is not None else "record"


def serializable(row: dict[str, Any], content: RecordContent) -> dict[str, Any]:
    """The row, with the record's messages as their stored JSON text when they are written
    unchanged: re-serialising the largest part of every row would cost a third of the time."""
    if content.messages_text is not None and row.get("messages") is content.messages:
        return {**row, "messages": orjson.Fragment(content.messages_text)}
    return row


# --------------------------------------------------------------------------- writing


@dataclass(slots=True)
class RowPass:
    """Pass 2 of an export: which records' rows go to which file, and what they add up to."""

    ctx: Context
    kept_ids: np.ndarray
    kept_rows: np.ndarray
    split_of: np.ndarray
    sinks: dict[str, Sink]
    reports: dict[str, ValidationReport]
    stats: Stats
    progress: Progress | None
    total: int = field(init=False)  # the rows the plan expects in all

    def __post_init__(self) -> None:
        self.total = int(self.kept_rows.sum())

    def chunks(self) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        return chunks(self.kept_ids, self.kept_rows, self.split_of)

    def advanced(self, done: int) -> None:
        if self.progress:
            self.progress("write", done, self.total)


def write_rows(session: Session, job: RowPass, tokens: TokenPipeline[str]) -> None:
    """Pass 2 in this process: chunk by chunk, rows into their files, tokens counted in the
    token pipeline's thread."""
    names = split_names(len(job.sinks))
    encode = row_encoder(job.ctx.fmt.container)
    done = 0
    for ids, splits, expected in job.chunks():
        chunk = build_chunk(session, job.ctx, ids, splits, expected, names, encode)
        for name, part in chunk.parts.items():
            sink = job.sinks[name]
            for row in part.rows:
                sink.write(row)
            for conversation in part.conversations:
                tokens.add(name, conversation)
            tally(job.reports[name], len(part.rows), part.missing_system, part.missing_user)
        job.stats.merge(chunk.stats)
        done += chunk.expected
        job.advanced(done)
    set_layouts(job.ctx.fmt, job.reports)


def tally(report: ValidationReport, rows: int, missing_system: int, missing_user: int) -> None:
    """Written rows in their file's report (layouts are set once, at the end)."""
    report.examples += rows
    report.valid_examples += rows
    report.missing_system += missing_system
    report.missing_user += missing_user


def set_layouts(fmt: ExportFormat, reports: dict[str, ValidationReport]) -> None:
    if fmt.layout:
        for report in reports.values():
            if report.examples:
                report.layouts[fmt.layout] = report.examples
