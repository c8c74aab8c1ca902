"""``curation campaign`` and ``curation labels``: labelling campaigns and their judgments."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import orjson

from curation.cli.common import (
    MAX_SHOWN_ERRORS,
    actor,
    echo_json,
    open_workspace,
    workspace_options,
)


@click.group()
def campaign() -> None:
    """Labelling campaigns: pairs to rank, guidelines, overlap, annotators."""


@campaign.command("create")
@click.option("--dataset", "-d", required=True)
@click.option("--name", "-n", required=True)
@click.option("--overlap", default=2, show_default=True, type=int, help="Labels per pair (k).")
@click.option("--annotators", default="", help="Comma-separated user names.")
@click.option(
    "--criteria", default="", help="Comma-separated criteria rated 1-5, e.g. helpfulness,safety."
)
@click.option(
    "--guidelines",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Markdown file.",
)
@click.option(
    "--rationale-for", default="", help="Require a rationale for: tie, both_bad (comma-separated)."
)
@click.option("--limit", type=int, help="Sample this many pairs (seeded).")
@click.option("--seed", default=0, type=int, show_default=True)
@click.option("--search", default="", help="Only pairs whose conversation contains this text.")
@click.option(
    "--gold", default=0, type=int, help="Use this many imported preferences as gold items."
)
@click.option(
    "--kind",
    type=click.Choice(["pair", "thumbs", "ranking"]),
    default="pair",
    show_default=True,
    help="pair: compare two answers; thumbs: good / bad on single answers (KTO labels); "
    "ranking: rank 3-5 answers of one prompt on one screen.",
)
@click.option(
    "--min-votes", default=2, type=int, show_default=True, help="Thumbs: votes needed to decide."
)
@click.option(
    "--min-share",
    default=0.6,
    type=float,
    show_default=True,
    help="Thumbs: share of the votes the winning side needs (above 0.5).",
)
@click.option(
    "--max-shown",
    default=4,
    type=int,
    show_default=True,
    help="Ranking: answers shown per prompt (3-5; a sample when a prompt has more).",
)
@click.option(
    "--rank-top", type=int, help="Ranking: rank only the top M answers (a partial ranking)."
)
@workspace_options
def campaign_create(**options: Any) -> None:
    """Create a campaign over the pairs (or, with --kind thumbs, the answers; with --kind
    ranking, the prompts with 3+ answers) of a dataset."""
    from curation.labeling.campaigns import CampaignSpec, PairFilter, create_campaign
    from curation.labeling.ranking import RankingSettings
    from curation.labeling.thumbs import ThumbsPolicy

    opts = _CreateOptions(**options)
    thumbs = opts.kind == "thumbs"
    ranking = RankingSettings(opts.max_shown, opts.rank_top) if opts.kind == "ranking" else None
    spec = CampaignSpec(
        name=opts.name,
        dataset=opts.dataset,
        overlap=opts.overlap,
        annotators=_split(opts.annotators),
        criteria=_split(opts.criteria),
        guidelines=opts.guidelines.read_text(encoding="utf-8") if opts.guidelines else "",
        rationale_required_for=_split(opts.rationale_for),
        pair_filter=PairFilter(search=opts.search, limit=opts.limit, seed=opts.seed),
        gold_from_imported=opts.gold,
        kind=opts.kind,
        thumbs_policy=ThumbsPolicy(opts.min_votes, opts.min_share) if thumbs else None,
        ranking=ranking,
    )
    ws = open_workspace(opts.workspace, opts.db)
    with ws.tx() as s:
        created = create_campaign(s, spec, actor=actor())
        cid = created.id
    from curation.labeling.campaigns import campaign_summary

    with ws.read() as s:
        info = campaign_summary(s, cid)
    unit = UNIT_OF_KIND[opts.kind]
    click.echo(
        f"Created campaign {opts.name}: {info.tasks:,} {unit}, overlap {opts.overlap}, annotators: {', '.join(info.annotators) or 'none yet'}"
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _CreateOptions:
    """The options of ``campaign create``, as click passes them."""

    dataset: str
    name: str
    overlap: int
    annotators: str
    criteria: str
    guidelines: Path | None
    rationale_for: str
    limit: int | None
    seed: int
    search: str
    gold: int
    kind: str
    min_votes: int
    min_share: float
    max_shown: int
    rank_top: int | None
    workspace: Path | None
    db: str | None


UNIT_OF_KIND = {"pair": "pairs", "thumbs": "answers (thumbs)", "ranking": "prompts to rank"}


def _split(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


@campaign.command("list")
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def campaign_list(as_json: bool, workspace: Path | None, db: str | None) -> None:
    """Campaigns with their progress."""
    from curation.labeling.campaigns import campaign_summary, list_campaigns

    ws = open_workspace(workspace, db)
    with ws.read() as s:
        rows = [campaign_summary(s, c.id) for c in list_campaigns(s)]
    if as_json:
        echo_json([r.as_dict() for r in rows])
        return
    if not rows:
        click.echo(
            "No campaign yet: curation campaign create --dataset D --name C --annotators a,b"
        )
    for r in rows:
        click.echo(
            f"{r.name:<28} {r.status:<7} {r.labels:>7,}/{r.capacity:<7,} labels "
            f"{r.tasks:>7,} {LIST_UNIT.get(r.kind, 'pairs  ')}"
            f"  k={r.overlap}  {', '.join(r.annotators)}"
        )


LIST_UNIT = {"thumbs": "answers", "ranking": "prompts"}


@click.group()
def labels() -> None:
    """Raw judgments in and out."""


@labels.command("export")
@click.option("--campaign", "-c", "campaign_name", required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON array instead of JSON lines.")
@click.option(
    "--current", is_flag=True, help="Only live judgments (no superseded versions, no undos)."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file."
)
@workspace_options
def labels_export(
    campaign_name: str,
    as_json: bool,
    current: bool,
    output: Path | None,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Write every judgment of a campaign (all versions unless --current)."""
    from curation.labeling.campaigns import get_campaign
    from curation.labeling.io import dumps_jsonl, judgment_rows

    ws = open_workspace(workspace, db)
    with ws.read() as s:
        rows = list(judgment_rows(s, get_campaign(s, campaign_name).id, current_only=current))
    data = orjson.dumps(rows, option=orjson.OPT_INDENT_2) if as_json else dumps_jsonl(rows)
    if output:
        from curation.fileio.atomic import atomic_write_bytes

        atomic_write_bytes(output, data)
        click.echo(f"{len(rows):,} judgments written to {output}", err=True)
    else:
        click.echo(data.decode(), nl=False)


@labels.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--campaign", "-c", "campaign_name", required=True)
@workspace_options
def labels_import(file: Path, campaign_name: str, workspace: Path | None, db: str | None) -> None:
    """Merge judgments from another tool: CSV/JSONL rows of pair_id, annotator, choice
    (thumbs campaigns: completion_id, annotator, label good/bad, optional rationale)."""
    from curation.labeling.campaigns import get_campaign
    from curation.labeling.io import import_labels

    ws = open_workspace(workspace, db)
    with ws.read() as s:
        cid = get_campaign(s, campaign_name).id
    result = import_labels(ws, file, cid, actor=actor())
    for error in result.errors[:MAX_SHOWN_ERRORS]:
        click.echo(f"  {error}", err=True)
    click.echo(f"{result.imported:,} of {result.rows:,} judgments imported into {campaign_name}")
    sys.exit(result.exit_code)


# --------------------------------------------------------------------------- app


@campaign.command("apply-thumbs")
@click.argument("name")
@click.option("--min-votes", type=int, help="Override the campaign's minimum votes.")
@click.option("--min-share", type=float, help="Override the campaign's minimum winning share.")
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def campaign_apply_thumbs(
    name: str,
    min_votes: int | None,
    min_share: float | None,
    as_json: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Turn a thumbs campaign's votes into KTO labels on its answers (for trl-kto exports)."""
    from curation.labeling.campaigns import get_campaign
    from curation.labeling.thumbs import ThumbsPolicy, apply_thumbs, campaign_policy

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        found = get_campaign(s, name)
        policy = campaign_policy(found)
        if min_votes is not None or min_share is not None:
            policy = ThumbsPolicy(
                min_votes if min_votes is not None else policy.min_votes,
                min_share if min_share is not None else policy.min_share,
            )
            found.thumbs_policy = policy.as_dict()
        result = apply_thumbs(s, found, actor=actor(), policy=policy)
    counts = result.counts()
    if as_json:
        echo_json(
            {
                "campaign": name,
                "policy": policy.as_dict(),
                **counts.as_dict(),
                "undecided_by": result.reasons(),
            }
        )
        return
    reasons = ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in result.reasons().items())
    click.echo(
        f"{name}: {counts.good:,} good, {counts.bad:,} bad, {counts.undecided:,} undecided"
        + (f" ({reasons})" if reasons else "")
    )
    click.echo(f"Policy: {policy.describe()}.")


@campaign.command("apply-rankings")
@click.argument("name")
@click.option(
    "--min-labels", default=1, type=int, show_default=True, help="Rankings a prompt needs."
)
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def campaign_apply_rankings(
    name: str, min_labels: int, as_json: bool, workspace: Path | None, db: str | None
) -> None:
    """Turn a ranking campaign's rankings into ranked lists (Bradley-Terry scores per prompt)
    on its answers, for ranked-list exports of the dataset; pairs export with --campaign."""
    from curation.labeling.aggregate import Policy
    from curation.labeling.campaigns import get_campaign
    from curation.labeling.ranking_aggregate import EXPANSION_POLICY, apply_rankings
    from curation.labeling.ranking_agreement import ranking_agreement

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        found = get_campaign(s, name)
        result = apply_rankings(s, found, actor=actor(), policy=Policy(min_labels=min_labels))
        agreement = ranking_agreement(s, found.id)
    if as_json:
        echo_json({"campaign": name, **result.as_dict(), "agreement": agreement.as_dict()})
        return
    excluded = ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in result.excluded.items())
    click.echo(
        f"{name}: {len(result.lists):,} prompts ranked"
        + (f", left out: {excluded}" if excluded else "")
    )
    click.echo(_agreement_line(agreement))
    click.echo(f"Pairs: {EXPANSION_POLICY}.")


@campaign.command("agreement")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def campaign_agreement(name: str, as_json: bool, workspace: Path | None, db: str | None) -> None:
    """Agreement between a campaign's annotators: for rankings Krippendorff's alpha on ranks
    and mean Kendall's tau; for thumbs alpha on good/bad; for pairs alpha on the 5-point scale."""
    from curation.labeling.agreement import krippendorff_alpha
    from curation.labeling.campaigns import get_campaign
    from curation.labeling.ranking_agreement import ranking_agreement
    from curation.labeling.thumbs import thumbs_agreement

    ws = open_workspace(workspace, db)
    with ws.read() as s:
        found = get_campaign(s, name)
        kind, cid = found.kind, found.id
        if kind == "ranking":
            ranked = ranking_agreement(s, cid)
            data, line = ranked.as_dict(), _agreement_line(ranked)
        elif kind == "thumbs":
            thumbs = thumbs_agreement(s, cid)
            data, line = thumbs.as_dict(), f"alpha (nominal) {_num(thumbs.alpha)}"
        else:
            pairs = krippendorff_alpha(s, cid)
            data, line = pairs.as_dict(), f"alpha (ordinal) {_num(pairs.overall.value)}"
    if as_json:
        echo_json({"campaign": name, "kind": kind, **data})
        return
    click.echo(f"{name} ({kind}): {line}")


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _agreement_line(agreement: Any) -> str:
    line = (
        f"Agreement over {agreement.tasks:,} prompts ranked by 2+ annotators: "
        f"Krippendorff's alpha (ordinal, ranks) {_num(agreement.alpha)}, "
        f"mean Kendall's tau {_num(agreement.tau)} ({agreement.tau_comparisons:,} comparisons)"
    )
    return line + (f"; {agreement.reason}" if agreement.reason else "")
