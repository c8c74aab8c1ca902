"""The first rows an export would write, for a look before exporting (and the rows left out
on the way, with their reasons)."""

from __future__ import annotations

from curation.export.formats import Item, SkipError
from curation.export.plan import (
    Context,
    Plan,
    ints,
    make_context,
    pairs_between,
    plan_record,
    scan_query,
)
from curation.export.rows import load_chunk, stripped_item
from curation.export.spec import ExportSpec, PreviewRow
from curation.store import models as m
from curation.store.db import Workspace


def preview_export(
    ws: Workspace, spec: ExportSpec, n: int = 5, *, max_records: int = 50_000
) -> list[PreviewRow]:
    """The first ``n`` rows the export would write (and the left-out ones met on the way)."""
    out: list[PreviewRow] = []
    with ws.read() as session:
        ctx = make_context(session, spec)
        base = scan_query(ctx)
        last = seen = 0
        while seen < max_records and sum(1 for p in out if p.row is not None) < n:
            batch = (
                session.connection()
                .execute(base.where(m.Record.id > last).order_by(m.Record.id).limit(500))
                .all()
            )
            if not batch:
                break
            last, seen = batch[-1][0], seen + len(batch)
            pairs = pairs_between(session, ctx, batch[0][0], last) if ctx.needs_pairs else {}
            plan = Plan()
            for row in batch:
                plan_record(ctx, plan, row, pairs.get(row[0], []))
            ids = ints(plan.record_ids)
            if not ids.size:
                continue
            for _content, items in load_chunk(session, ctx, ids):
                for item in items:
                    out.append(_preview_row(ctx, item))
                    if sum(1 for p in out if p.row is not None) >= n:
                        return out
    return out


def _preview_row(ctx: Context, item: Item) -> PreviewRow:
    item = stripped_item(ctx, item)
    try:
        row = ctx.fmt.row(item)
    except SkipError as skip:
        return PreviewRow(item.record_id, item.pair_id, None, skip.reason, skip.detail)
    issues = ctx.fmt.check(row, item)
    if issues:
        detail = "; ".join(f"[{x.code}] {x.message}" for x in issues[:3])
        return PreviewRow(item.record_id, item.pair_id, None, "validation_error", detail)
    return PreviewRow(item.record_id, item.pair_id, row)
