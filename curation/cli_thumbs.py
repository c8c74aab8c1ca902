"""`curation campaign apply-thumbs`: a thumbs campaign's votes become KTO labels."""

from __future__ import annotations

from pathlib import Path

import click

from curation.cli import _actor, _open, campaign, echo_json, workspace_options


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

    ws = _open(workspace, db)
    with ws.tx() as s:
        found = get_campaign(s, name)
        policy = campaign_policy(found)
        if min_votes is not None or min_share is not None:
            policy = ThumbsPolicy(
                min_votes if min_votes is not None else policy.min_votes,
                min_share if min_share is not None else policy.min_share,
            )
            found.thumbs_policy = policy.as_dict()
        result = apply_thumbs(s, found, actor=_actor(), policy=policy)
    counts = result.counts()
    if as_json:
        echo_json(
            {
                "campaign": name,
                "policy": policy.as_dict(),
                **counts,
                "undecided_by": result.reasons(),
            }
        )
        return
    reasons = ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in result.reasons().items())
    click.echo(
        f"{name}: {counts['good']:,} good, {counts['bad']:,} bad, {counts['undecided']:,} undecided"
        + (f" ({reasons})" if reasons else "")
    )
    click.echo(f"Policy: {policy.describe()}.")
