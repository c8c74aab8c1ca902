"""Pass 1 of an export: which rows go in and why the others do not, and the split groups.

Records are read in batches ordered by id with only their small columns (status,
redaction state, source, stored split; metadata when ``where`` filters on it; the
prompt's text, hashed, when rows are built from a prompt) and their pairs. Every
candidate row either gets a reason to be left out — counted — or is kept; the kept
records' group codes (record, dedup cluster, identical prompt) and row counts go into
compact arrays, a few bytes per record.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import orjson
import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from curation.dedup import latest_clusters, latest_run
from curation.errors import InputError
from curation.export.formats import ExportFormat
from curation.export.registry import get_export_format
from curation.export.spec import ExportSpec, has_tags, meta_value
from curation.export.splits import UnionFind, cluster_code, prompt_code, record_code
from curation.labeling.aggregate import (
    Aggregation,
    Policy,
    aggregate_campaign,
    decide,
    latest_adjudications,
    live_choices,
    verdict_of,
)
from curation.labeling.campaigns import get_campaign
from curation.labeling.ranking_aggregate import (
    RankedRows,
    aggregate_rankings,
    applied_lists,
    lists_by_record,
    ranking_pair_decisions,
)
from curation.pii.gate import gate_reason, redaction_state
from curation.progress import Progress
from curation.store import labeling_models as lm
from curation.store import models as m
from curation.store.queries import get_dataset

SCAN_BATCH = 5000
# Left out of an SFT export: the only candidate completion is labelled undesirable.
UNDESIRABLE = "undesirable_label"


# --------------------------------------------------------------------------- context


@dataclass(slots=True)
class Context:
    spec: ExportSpec
    fmt: ExportFormat
    dataset: m.Dataset
    campaign: lm.Campaign | None
    aggregation: Aggregation | None
    # campaign mode: pair id → (usable verdict or None, reason when None)
    decisions: dict[int, tuple[str | None, str]] | None
    clusters: dict[int, int]
    dedup_run: m.DedupRun | None
    # Rows built from a prompt plus a completion: pairs are read, and records with the same
    # prompt are grouped into one split.
    needs_pairs: bool
    # ranked-list rows: each ranked record's answers best first, and why the others have none
    rankings: RankedRows | None = None
    unranked: dict[int, str] = field(default_factory=dict)

    @property
    def pair_unit(self) -> bool:
        return self.fmt.unit == "pair"

    @property
    def ties_for_sft(self) -> bool:
        return self.fmt.unit == "record" and self.spec.policy.ties == "keep"


def make_context(session: Session, spec: ExportSpec) -> Context:
    spec.check()
    fmt = get_export_format(spec.format, trl_style=spec.trl_style)
    campaign = get_campaign(session, spec.campaign) if spec.campaign else None
    if campaign is not None and campaign.kind == "thumbs":
        dataset = session.get(m.Dataset, campaign.dataset_id)
        raise InputError(
            f"campaign {campaign.name!r} is a thumbs campaign: its votes become KTO labels on "
            f"the completions (`curation campaign apply-thumbs {campaign.name}`); then export "
            f"dataset {dataset.name if dataset else ''!r} as trl-kto or llamafactory-kto"
        )
    if fmt.unit == "ranking" and campaign is not None and campaign.kind != "ranking":
        raise InputError(
            f"campaign {campaign.name!r} is a {campaign.kind} campaign: ranked lists come from "
            "a ranking campaign"
        )
    if campaign is not None:
        dataset = session.get(m.Dataset, campaign.dataset_id)
        assert dataset is not None
        if spec.dataset and spec.dataset != dataset.name:
            raise InputError(
                f"campaign {campaign.name!r} labels dataset {dataset.name!r}, not {spec.dataset!r}"
            )
    else:
        assert spec.dataset is not None
        dataset = get_dataset(session, spec.dataset)
    aggregation = decisions = None
    if campaign is not None and campaign.kind == "ranking":
        aggregation, decisions = ranking_pair_decisions(session, campaign, spec.policy)
    elif campaign is not None:
        aggregation, decisions = campaign_decisions(session, campaign.id, spec.policy)
    rankings: RankedRows | None = None
    unranked: dict[int, str] = {}
    if fmt.unit == "ranking" and campaign is not None:
        ranked = aggregate_rankings(session, campaign, spec.policy)
        rankings, unranked = lists_by_record(ranked), dict(ranked.reasons)
    elif fmt.unit == "ranking":
        rankings = applied_lists(session, dataset.id)
    return Context(
        spec=spec,
        fmt=fmt,
        dataset=dataset,
        campaign=campaign,
        aggregation=aggregation,
        decisions=decisions,
        clusters=latest_clusters(session, dataset.id),
        dedup_run=latest_run(session, dataset.id),
        needs_pairs=fmt.unit in ("pair", "kto", "ranking") or spec.sft_from != "records",
        rankings=rankings,
        unranked=unranked,
    )


def campaign_decisions(
    session: Session, campaign_id: int, policy: Policy
) -> tuple[Aggregation, dict[int, tuple[str | None, str]]]:
    """The campaign's aggregated verdict per pair, and for the others why there is none.

    Kept outcomes come from :func:`aggregate_campaign` itself; for the other tasks the
    reason is worked out as it would (adjudicated tie/both-bad, unlabelled, or
    :func:`decide`'s reason), including tasks of records that are no longer active.
    """
    aggregation = aggregate_campaign(session, campaign_id, policy)
    out: dict[int, tuple[str | None, str]] = {o.pair_id: (o.verdict, "") for o in aggregation.kept}
    labels = live_choices(session, campaign_id)
    final = latest_adjudications(session, campaign_id)
    for task_id, pair_id in session.execute(
        sa.select(lm.Task.id, lm.Task.pair_id).where(lm.Task.campaign_id == campaign_id)
    ):
        if pair_id is None or pair_id in out:  # None: a thumbs task, no pair
            continue
        if task_id in final:
            choice, both_bad = final[task_id]
            verdict = verdict_of(choice, both_bad)
            out[pair_id] = (verdict, "") if verdict in ("a", "b") else (None, verdict)
        elif not labels.get(task_id):
            out[pair_id] = (None, "unlabelled")
        else:
            verdict_or_none, _, _, reason = decide(labels[task_id], policy)
            out[pair_id] = (verdict_or_none, reason) if verdict_or_none else (None, reason)
    return aggregation, out


# --------------------------------------------------------------------------- pass 1: plan


@dataclass(slots=True)
class PairRow:
    pair_id: int
    record_id: int
    a: int
    b: int
    preferred: str | None
    len_a: int | None = None
    len_b: int | None = None


@dataclass(slots=True)
class Plan:
    """What pass 1 found: kept records (compact arrays) and every left-out row by reason."""

    record_ids: array[int] = field(default_factory=lambda: array("q"))
    rows: array[int] = field(default_factory=lambda: array("q"))
    codes: array[int] = field(default_factory=lambda: array("q"))
    strata: array[int] = field(default_factory=lambda: array("q"))
    cluster_of: array[int] = field(default_factory=lambda: array("q"))
    left_out: Counter[str] = field(default_factory=Counter)
    records_without_pairs: int = 0
    candidates: int = 0
    union: UnionFind = field(default_factory=UnionFind)
    strata_names: dict[str, int] = field(default_factory=dict)


def pair_verdict(ctx: Context, pair: PairRow) -> tuple[str | None, str]:
    """The pair's usable verdict ('a', 'b', or 'tie' for SFT with ties kept), or why not."""
    if ctx.decisions is not None:
        verdict, reason = ctx.decisions.get(pair.pair_id, (None, "not_in_campaign"))
    else:
        verdict, reason = (
            (pair.preferred, "") if pair.preferred in ("a", "b") else (None, "no_preference")
        )
    if verdict in ("a", "b"):
        return verdict, ""
    if verdict == "tie":
        return ("tie", "") if ctx.ties_for_sft else (None, "tie")
    if verdict == "both_bad":
        return None, "both_bad"
    return None, reason or "no_preference"


def pair_reason(ctx: Context, pair: PairRow) -> str:
    """Why a pair cannot become a row ('' when it can)."""
    verdict, reason = pair_verdict(ctx, pair)
    if verdict is None:
        return reason
    if ctx.fmt.single_turn and ((pair.len_a or 1) > 1 or (pair.len_b or 1) > 1):
        return "multi_turn_completion"
    return ""


def gate(ctx: Context, status: str, redaction: str, meta: Any, split: str | None) -> str:
    """Why a whole record is left out ('' when it passes): status, filters, the PII gate."""
    spec = ctx.spec
    if status != "active":
        return status if status in ("duplicate", "excluded") else f"status_{status}"
    if spec.where or spec.tags:
        meta = parse_json(meta) if isinstance(meta, str) else meta
        meta = meta if isinstance(meta, dict) else {}
        for key, value in spec.where.items():
            if key not in meta or meta_value(meta[key]) != value:
                return "filtered"
        if not has_tags(meta, spec.tags):
            return "filtered"
    if spec.from_split is not None and split != spec.from_split:
        return "filtered"
    return gate_reason(redaction, override=spec.allow_unreviewed_pii)


def record_mode(ctx: Context, n_completions: int) -> str:
    """For record-unit formats: build from the record's own messages, or from a completion."""
    if ctx.fmt.unit in ("pair", "kto", "ranking"):
        return ctx.fmt.unit
    if ctx.spec.sft_from == "records":
        return "records"
    if ctx.spec.sft_from == "auto" and n_completions == 0 and ctx.campaign is None:
        return "records"
    return "preferred"


def text_column(column: Any) -> Any:
    """A JSON column as its stored text: parsing only what is needed is much faster."""
    return sa.cast(column, sa.Text)


_EMPTY: dict[str, Any] = {"{}": {}, "[]": [], "null": None}


def parse_json(text: str | None) -> Any:
    if text is None:
        return None
    if len(text) <= 4 and text in _EMPTY:  # most metadata and extras are empty
        empty = _EMPTY[text]
        return type(empty)() if empty is not None else None
    return orjson.loads(text)


def scan_query(ctx: Context) -> sa.Select[Any]:
    r = m.Record
    columns: list[Any] = [
        r.id,
        r.status,
        redaction_state(),
        r.import_id,
        r.source_format,
        r.split,
        r.n_completions,
    ]
    columns.append(text_column(r.meta) if ctx.spec.where or ctx.spec.tags else sa.null())
    if ctx.needs_pairs:
        # Only rows built from a prompt plus a completion need the prompt's hash.
        columns.append(sa.case((r.n_completions > 0, text_column(r.messages)), else_=sa.null()))
    else:
        columns.append(sa.null())
    c = m.Completion
    if ctx.fmt.unit == "kto":
        columns.append(
            sa.select(sa.func.count(c.id))
            .where(c.record_id == r.id, c.label.is_not(None))
            .scalar_subquery()
        )
    elif ctx.needs_pairs and ctx.fmt.unit == "record":
        # A lone completion labelled undesirable (KTO label false) is no SFT target.
        undesirable = (
            sa.select(sa.func.count(c.id))
            .where(c.record_id == r.id, c.label.is_(False))
            .scalar_subquery()
        )
        columns.append(sa.case((r.n_completions == 1, undesirable), else_=0))
    query = sa.select(*columns).where(r.dataset_id == ctx.dataset.id)
    if ctx.campaign is not None:
        query = query.where(
            r.id.in_(sa.select(lm.Task.record_id).where(lm.Task.campaign_id == ctx.campaign.id))
        )
    return query


def pairs_between(session: Session, ctx: Context, lo: int, hi: int) -> dict[int, list[PairRow]]:
    p = m.Pair
    columns: list[Any] = [p.id, p.record_id, p.completion_a_id, p.completion_b_id, p.preferred]
    query = sa.select(*columns)
    if ctx.fmt.single_turn:
        ca, cb = aliased(m.Completion), aliased(m.Completion)
        query = (
            sa.select(
                *columns,
                sa.func.json_array_length(ca.messages),
                sa.func.json_array_length(cb.messages),
            )
            .join(ca, ca.id == p.completion_a_id)
            .join(cb, cb.id == p.completion_b_id)
        )
    query = query.where(p.dataset_id == ctx.dataset.id, p.record_id >= lo, p.record_id <= hi)
    if ctx.campaign is not None and ctx.campaign.kind != "ranking":
        # a ranking campaign's tasks are records: its pairs are those the ranked answers
        # form, and a pair it did not show is counted as not in the campaign
        query = query.join(
            lm.Task, sa.and_(lm.Task.pair_id == p.id, lm.Task.campaign_id == ctx.campaign.id)
        )
    out: dict[int, list[PairRow]] = defaultdict(list)
    for row in session.connection().execute(query.order_by(p.record_id, p.id)).all():
        out[row[1]].append(PairRow(*row))
    return out


def scan(session: Session, ctx: Context, progress: Progress | None) -> Plan:
    """Pass 1 over the dataset (or the campaign's records), in id order."""
    plan = Plan()
    base = scan_query(ctx)
    whole = whole_records(ctx)
    last = 0
    while True:
        batch = (
            session.connection()
            .execute(base.where(m.Record.id > last).order_by(m.Record.id).limit(SCAN_BATCH))
            .all()
        )
        if not batch:
            break
        last = batch[-1][0]
        pairs = pairs_between(session, ctx, batch[0][0], last) if ctx.needs_pairs else {}
        if whole:
            plan_whole_records(ctx, plan, batch, pairs)
        else:
            for row in batch:
                plan_record(ctx, plan, row, pairs.get(row[0], []))
        if progress:
            progress("plan", plan.candidates, None)
    return plan


def whole_records(ctx: Context) -> bool:
    """Whether records without completions become rows as they are, filtered by nothing but
    status and the PII gate (the common SFT export), which allows a leaner loop."""
    spec = ctx.spec
    return (
        ctx.fmt.unit == "record"
        and ctx.campaign is None
        and spec.sft_from in ("auto", "records")
        and not spec.where
        and not spec.tags
        and spec.from_split is None
    )


def plan_whole_records(
    ctx: Context, plan: Plan, batch: Sequence[Any], pairs: dict[int, list[PairRow]]
) -> None:
    """:func:`plan_record` for a batch, inlined for the records that are whole rows (same
    decisions, in the same order: status, then the PII gate), which are most of an SFT
    export; the others go through :func:`plan_record`."""
    allow = ctx.spec.allow_unreviewed_pii
    auto = ctx.spec.sft_from == "auto"
    stratify = ctx.spec.stratify
    clusters = ctx.clusters
    left_out = plan.left_out
    ids, rows, codes = plan.record_ids, plan.rows, plan.codes
    cluster_of, strata = plan.cluster_of, plan.strata
    for row in batch:
        record_id, status, redaction, import_id, source_format, _, n_completions = row[:7]
        if n_completions and auto:
            plan_record(ctx, plan, row, pairs.get(record_id, []))
            continue
        plan.candidates += 1
        if status != "active":
            left_out[status if status in ("duplicate", "excluded") else f"status_{status}"] += 1
            continue
        reason = gate_reason(redaction, override=allow)
        if reason:
            left_out[reason] += 1
            continue
        cluster = clusters.get(record_id) if clusters else None
        ids.append(record_id)
        rows.append(1)
        if cluster is None:
            codes.append(record_code(record_id))
            cluster_of.append(-1)
        else:
            codes.append(cluster_code(cluster))
            cluster_of.append(cluster)
        if stratify == "source":
            strata.append(-1 if import_id is None else import_id)
        elif stratify == "format":
            strata.append(plan.strata_names.setdefault(source_format, len(plan.strata_names)))


def plan_record(ctx: Context, plan: Plan, row: Any, pairs: list[PairRow]) -> None:
    record_id, status, redaction, import_id, source_format, split, n_completions, meta, text = row[
        :9
    ]
    mode = record_mode(ctx, n_completions)
    labelled = int(row[9] or 0) if mode == "kto" else 0
    undesirable = int(row[9] or 0) if mode == "preferred" and len(row) > 9 else 0
    if mode == "pair" or (mode == "kto" and not labelled):
        if not pairs:
            plan.records_without_pairs += 1
            return
        units = len(pairs) * (2 if mode == "kto" else 1)
    elif mode == "kto":
        units = labelled + 2 * len(pairs)
    else:
        units = 1

    plan.candidates += units
    reason = gate(ctx, status, redaction, meta, split)
    if not reason and mode == "ranking" and record_id not in (ctx.rankings or {}):
        reason = ctx.unranked.get(record_id, "not_ranked")
    if reason:
        plan.left_out[reason] += units
        return
    kept = units
    if mode in ("pair", "kto"):
        per_pair = 2 if mode == "kto" else 1
        for pair in pairs:
            why = pair_reason(ctx, pair)
            if why:
                plan.left_out[why] += per_pair
                kept -= per_pair
    elif mode == "preferred" and not has_source(ctx, pairs, n_completions, undesirable):
        plan.left_out[no_source_reason(ctx, pairs, undesirable)] += 1
        kept = 0
    if kept == 0:
        return
    cluster = ctx.clusters.get(record_id)
    code = cluster_code(cluster) if cluster is not None else record_code(record_id)
    if text is not None:
        digest = int.from_bytes(
            hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little"
        )
        p_code = prompt_code(digest)
        if cluster is not None:
            plan.union.union(code, p_code)
        code = p_code
    plan.record_ids.append(record_id)
    plan.rows.append(kept)
    plan.codes.append(code)
    plan.cluster_of.append(-1 if cluster is None else cluster)
    if ctx.spec.stratify == "source":
        plan.strata.append(-1 if import_id is None else import_id)
    elif ctx.spec.stratify == "format":
        plan.strata.append(plan.strata_names.setdefault(source_format, len(plan.strata_names)))


def has_source(
    ctx: Context, pairs: list[PairRow], n_completions: int, undesirable: int = 0
) -> bool:
    """Whether a preferred completion exists; a lone one labelled undesirable is none."""
    if any(pair_verdict(ctx, p)[0] is not None for p in pairs):
        return True
    return n_completions == 1 and ctx.campaign is None and not undesirable


def no_source_reason(ctx: Context, pairs: list[PairRow], undesirable: int = 0) -> str:
    if undesirable and not pairs:
        return UNDESIRABLE
    if not pairs:
        return "no_completions" if ctx.campaign is None else "not_in_campaign"
    return pair_verdict(ctx, pairs[0])[1] or "no_preference"


def ints(values: array[int]) -> np.ndarray:
    return np.array(values, dtype=np.int64) if values else np.zeros(0, dtype=np.int64)


def group_codes(plan: Plan) -> np.ndarray:
    codes = ints(plan.codes)
    parent = plan.union.parent
    if parent and codes.size:
        keys = np.fromiter(parent.keys(), dtype=np.int64, count=len(parent))
        roots = np.fromiter((plan.union.find(int(k)) for k in keys), dtype=np.int64)
        order = np.argsort(keys)
        keys, roots = keys[order], roots[order]
        at = np.clip(np.searchsorted(keys, codes), 0, keys.size - 1)
        hit = keys[at] == codes
        codes[hit] = roots[at[hit]]
    return codes
