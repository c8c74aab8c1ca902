"""`curation pii …` commands for reviewing: findings, accept/reject/reopen, preview, rules
and settings. Each is a few lines over :mod:`curation.pii` (review, rules, settings);
:mod:`curation.cli.pii` holds the group and adds these commands to it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from curation.cli.common import actor, echo_json, open_workspace, workspace_options

if TYPE_CHECKING:  # the stage loads Presidio: only when a command runs
    from curation.pii.review import FindingFilter
    from curation.pii.settings import PiiSettings

OPERATOR_CHOICES = ["placeholder", "pseudonym", "mask", "hash"]


# --------------------------------------------------------------------------- findings


@click.command("findings")
@click.option("--dataset", "-d", required=True)
@click.option("--entity", "entities", multiple=True, help="Only this entity (repeatable).")
@click.option(
    "--status", "statuses", multiple=True, type=click.Choice(["pending", "accepted", "rejected"])
)
@click.option("--min-score", type=float, default=0.0)
@click.option(
    "--by-value",
    is_flag=True,
    help="One row per distinct value (what a per-value decision affects).",
)
@click.option("--limit", type=int, default=200, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def findings_cmd(**params: Any) -> None:
    """List findings (id, record, location, entity, score, status, text)."""
    opts = _FindingsOptions(**params)
    if opts.by_value:
        _print_values(opts)
    else:
        _print_findings(opts)


@dataclass(frozen=True, slots=True, kw_only=True)
class _FindingsOptions:
    dataset: str
    entities: tuple[str, ...]
    statuses: tuple[str, ...]
    min_score: float
    by_value: bool
    limit: int
    as_json: bool
    workspace: Path | None
    db: str | None

    def filter(self) -> FindingFilter:
        from curation.pii.review import FindingFilter

        return FindingFilter(
            entities=[e.upper() for e in self.entities] or None,
            statuses=list(self.statuses) or None,
            min_score=self.min_score,
        )


def _print_values(opts: _FindingsOptions) -> None:
    from curation.pii.review import value_table

    with open_workspace(opts.workspace, opts.db).read() as s:
        rows = value_table(s, opts.dataset, opts.filter(), limit=opts.limit)
    if opts.as_json:
        echo_json([r.as_dict() for r in rows])
        return
    for r in rows:
        click.echo(
            f"#{r.finding_id:<8} {r.entity:<16} {r.findings:>5}× in {r.records:>4} records  pending {r.pending:>4}  {r.value!r}"
        )


def _print_findings(opts: _FindingsOptions) -> None:
    from curation.pii.review import list_findings

    with open_workspace(opts.workspace, opts.db).read() as s:
        found = list_findings(s, opts.dataset, opts.filter(), limit=opts.limit)
    if opts.as_json:
        echo_json([f.as_dict() | {"score": round(f.score, 2)} for f in found])
        return
    for f in found:
        click.echo(
            f"#{f.id:<8} rec {f.record_id:<7} {f.entity:<16} {round(f.score, 2):.2f} {f.status:<8} {f.location} {f.text!r}"
        )
        click.echo(f"{'':10}found by: {f.signal}")


# --------------------------------------------------------------------------- decisions


def _decide(
    ids: tuple[int, ...],
    decision: str,
    *,
    by_value: bool,
    remember: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    from curation.pii.review import decide

    if not ids:
        raise click.UsageError("give at least one finding id (see: curation pii findings)")
    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        result = decide(
            s,
            list(ids),
            decision,
            actor=actor(),
            scope="value" if by_value else "finding",
            remember=remember,
        )
    click.echo(result.summary())


_value_opt = click.option(
    "--value",
    "by_value",
    is_flag=True,
    help="Apply to every finding of the same value in the dataset.",
)
_remember_opt = click.option(
    "--remember",
    is_flag=True,
    help="With --value: also add it to the deny-list (accept) or allow-list (reject).",
)


@click.command("accept")
@click.argument("ids", nargs=-1, type=int)
@_value_opt
@_remember_opt
@workspace_options
def accept_cmd(
    ids: tuple[int, ...], by_value: bool, remember: bool, workspace: Path | None, db: str | None
) -> None:
    """Accept findings: they will be redacted (with every occurrence in their records)."""
    _decide(ids, "accepted", by_value=by_value, remember=remember, workspace=workspace, db=db)


@click.command("reject")
@click.argument("ids", nargs=-1, type=int)
@_value_opt
@_remember_opt
@workspace_options
def reject_cmd(
    ids: tuple[int, ...], by_value: bool, remember: bool, workspace: Path | None, db: str | None
) -> None:
    """Reject findings: not personal data, left as they are."""
    _decide(ids, "rejected", by_value=by_value, remember=remember, workspace=workspace, db=db)


@click.command("reopen")
@click.argument("ids", nargs=-1, type=int)
@_value_opt
@workspace_options
def reopen_cmd(
    ids: tuple[int, ...], by_value: bool, workspace: Path | None, db: str | None
) -> None:
    """Put findings back to unreviewed."""
    _decide(ids, "pending", by_value=by_value, remember=False, workspace=workspace, db=db)


@click.command("preview")
@click.argument("record_id", type=int)
@click.option("--operator", type=click.Choice(OPERATOR_CHOICES))
@workspace_options
def preview_cmd(
    record_id: int, operator: str | None, workspace: Path | None, db: str | None
) -> None:
    """Print a record as it would be redacted now (unreviewed findings counted as accepted)."""
    from curation.pii.apply import preview_record
    from curation.pii.settings import load_settings

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        spec = load_settings(s).operator_with(operator)
        redacted = preview_record(s, record_id, spec)
    echo_json({"messages": redacted.messages, "completions": redacted.completions})


# --------------------------------------------------------------------------- rules


@click.group("rules")
def rules_group() -> None:
    """Allow-list (never PII), deny-list (always PII) and patterns (regex) of the workspace."""


@rules_group.command("list")
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def rules_list(as_json: bool, workspace: Path | None, db: str | None) -> None:
    """Active rules."""
    from curation.pii.rules import list_rules

    with open_workspace(workspace, db).read() as s:
        rules = list_rules(s)
    if as_json:
        echo_json([r.as_dict() for r in rules])
        return
    if not rules:
        click.echo(
            "No rules yet. Add one: curation pii rules add pattern 'NW-\\d{4}-TK' --entity TICKET_ID"
        )
    for r in rules:
        click.echo(
            f"#{r.id:<5} {r.kind:<8} {r.entity or '*':<16} {r.value!r}"
            + (f"  ({r.name})" if r.name else "")
        )


@rules_group.command("add")
@click.argument("kind", type=click.Choice(["allow", "deny", "pattern"]))
@click.argument("value")
@click.option(
    "--entity", default="", help="Entity label (required for deny and pattern), e.g. TICKET_ID."
)
@click.option("--name", default="", help="A name for a pattern.")
@click.option("--score", type=float, default=0.9, show_default=True)
@workspace_options
def rules_add(
    kind: str,
    value: str,
    entity: str,
    name: str,
    score: float,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Add a rule; it applies to the next scan."""
    from curation.pii.rules import add_rule

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        rule = add_rule(s, kind, value, actor=actor(), entity=entity, name=name, score=score)
    click.echo(
        f"Added {kind} rule #{rule.id}. Re-scan to apply it: curation pii scan --dataset NAME --all"
    )


@rules_group.command("remove")
@click.argument("rule_id", type=int)
@workspace_options
def rules_remove(rule_id: int, workspace: Path | None, db: str | None) -> None:
    """Deactivate a rule."""
    from curation.pii.rules import remove_rule

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        remove_rule(s, rule_id, actor=actor())
    click.echo(f"Removed rule #{rule_id}.")


@rules_group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@workspace_options
def rules_import(path: Path, workspace: Path | None, db: str | None) -> None:
    """Store the rules of a JSON/YAML file: {allow: [...], deny: {ENTITY: [...]}, patterns: [{name, entity, regex, score}]}."""
    from curation.pii.rules import import_rules

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        added = import_rules(s, path, actor=actor())
    click.echo(f"Added {added} rules from {path.name}.")


# --------------------------------------------------------------------------- settings


@click.group("settings")
def settings_group() -> None:
    """Workspace PII settings: entities, threshold, operator."""


@settings_group.command("show")
@workspace_options
def settings_show(workspace: Path | None, db: str | None) -> None:
    from curation.pii.settings import load_settings

    ws = open_workspace(workspace, db)
    with ws.read() as s:
        echo_json(load_settings(s).as_dict())


@dataclass(frozen=True, slots=True, kw_only=True)
class _SettingsChange:
    """The options of ``pii settings set``; None keeps the current setting."""

    entities: str | None
    threshold: float | None
    operator: str | None
    realistic: bool | None
    scope: str | None
    builtin_allow: bool | None
    propagate: bool | None
    public_figures: str | None
    workspace: Path | None
    db: str | None

    def applied_to(self, current: PiiSettings) -> PiiSettings:
        from curation.pii.config import normalise_entities

        def keep(new: Any, old: Any) -> Any:
            return old if new is None else new

        return replace(
            current,
            entities=tuple(normalise_entities(self.entities))
            if self.entities
            else current.entities,
            threshold=keep(self.threshold, current.threshold),
            builtin_allow=keep(self.builtin_allow, current.builtin_allow),
            propagate=keep(self.propagate, current.propagate),
            keep_public_figures=(
                current.keep_public_figures
                if self.public_figures is None
                else self.public_figures == "keep"
            ),
            operator=current.operator_with(
                self.operator, realistic=self.realistic, scope=self.scope
            ),
        )


@settings_group.command("set")
@click.option("--entities", help="Comma-separated entities to detect.")
@click.option("--threshold", type=float)
@click.option("--operator", type=click.Choice([*OPERATOR_CHOICES, "drop"]))
@click.option("--realistic/--tags", default=None, help="Pseudonyms: realistic fakes or tags.")
@click.option("--scope", type=click.Choice(["dataset", "record"]))
@click.option(
    "--builtin-allow/--no-builtin-allow",
    default=None,
    help="Use the built-in technical allow-list.",
)
@click.option(
    "--propagate/--no-propagate", default=None, help="Redact every occurrence of a confirmed value."
)
@click.option(
    "--public-figures",
    type=click.Choice(["keep", "redact"]),
    help="Names in records about public life with no private data: keep (default) or redact.",
)
@workspace_options
def settings_set(**params: Any) -> None:
    """Change settings (logged)."""
    from curation.pii.settings import load_settings, save_settings

    change = _SettingsChange(**params)
    ws = open_workspace(change.workspace, change.db)
    with ws.tx() as s:
        new = change.applied_to(load_settings(s))
        save_settings(s, new, actor=actor())
    echo_json(new.as_dict())


COMMANDS = (
    findings_cmd,
    accept_cmd,
    reject_cmd,
    reopen_cmd,
    preview_cmd,
    rules_group,
    settings_group,
)
