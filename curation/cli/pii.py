"""`curation` commands for the pii stage; imported by curation/cli.py to register them.

``curation redact`` works file to file or on a workspace dataset; ``curation pii …`` holds
the review commands (status, findings, accept/reject, rules, settings, preview). Each is a
few lines over :mod:`curation.pii`; library errors become one-line messages (see cli.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

import click

from curation import exitcodes
from curation.cli.common import (
    actor,
    echo_json,
    open_workspace,
    workspace_options,
)
from curation.errors import InputError
from curation.pii.results import describe_source

OPERATOR_CHOICES = ["placeholder", "pseudonym", "mask", "hash"]
MAX_SHOWN = 50


def _bar(
    label: str, total: int | None, quiet: bool
) -> tuple[AbstractContextManager[Any], Callable[..., None]]:
    """A progress bar on stderr (only on a terminal) and the callback that advances it."""
    if quiet or not sys.stderr.isatty():
        return nullcontext(), lambda *_: None
    bar = click.progressbar(length=total or 0, label=label, file=sys.stderr)
    last = [0]

    def advance(done: int, _total: int | None = None) -> None:
        bar.update(done - last[0])
        last[0] = done

    return bar, advance


# --------------------------------------------------------------------------- redact


@click.command("redact")
@click.argument("source", required=False, type=click.Path(path_type=Path))
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File mode: where to write (same format as SOURCE; .gz is gzipped).",
)
@click.option("--dataset", "-d", help="Workspace mode: redact this dataset instead of a file.")
@click.option(
    "--operator",
    type=click.Choice([*OPERATOR_CHOICES, "drop"]),
    help="Replacement: placeholder (<PERSON>), pseudonym (keyed HMAC), mask, hash (salted), drop (workspace mode only). Default: the workspace setting.",
)
@click.option(
    "--realistic",
    is_flag=True,
    help="Pseudonyms look real (fake names, emails, numbers) instead of <PERSON_3f2a9c1d>.",
)
@click.option(
    "--scope",
    type=click.Choice(["dataset", "record"]),
    help="Pseudonyms are consistent across the dataset (default) or within one record.",
)
@click.option(
    "--entities",
    help="Comma-separated entities, e.g. PERSON,EMAIL_ADDRESS (default: the workspace setting).",
)
@click.option("--threshold", type=float, help="Minimum score of a finding (0-1).")
@click.option("--format", "-f", "fmt", help="File mode: input format; detected if omitted.")
@click.option(
    "--columns", help="File mode, CSV/TSV/Parquet: column mapping, e.g. prompt=q,response=a."
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File mode: write FINDINGS.jsonl, one line per replaced value and per rejected line.",
)
@click.option(
    "--report-values/--no-report-values",
    default=True,
    show_default=True,
    help="Include the original text of each value in the report (the report then holds PII: keep it private).",
)
@click.option(
    "--rules",
    "rules_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra allow/deny/pattern rules (JSON or YAML) on top of the workspace's, not stored.",
)
@click.option(
    "--workers", type=int, help="Detection processes (default: all cores for large inputs)."
)
@click.option(
    "--rescan",
    is_flag=True,
    help="Workspace mode: scan every record again (decisions taken are kept).",
)
@click.option("--scan-only", is_flag=True, help="Workspace mode: scan, do not apply.")
@click.option(
    "--accept-all",
    is_flag=True,
    help="Workspace mode: accept every unreviewed finding before applying (logged as yours).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-line errors.")
@workspace_options
def redact_cmd(
    source: Path | None,
    output: Path | None,
    dataset: str | None,
    operator: str | None,
    realistic: bool,
    scope: str | None,
    entities: str | None,
    threshold: float | None,
    fmt: str | None,
    columns: str | None,
    report: Path | None,
    report_values: bool,
    rules_file: Path | None,
    workers: int | None,
    rescan: bool,
    scan_only: bool,
    accept_all: bool,
    as_json: bool,
    quiet: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Replace personal data in a file (SOURCE -o OUT) or in a workspace dataset (--dataset).

    \b
    File mode: OUT has SOURCE's format, the same number of lines (JSONL) or items in the
    same order, and the same structure: same messages, roles and keys; only string values
    change (message text, text parts, tool-call arguments — still valid JSON — tool results,
    completions; a value confirmed in the text is also replaced in metadata and other
    fields). CSV/TSV keep their columns, Parquet its schema. A line the reader rejects is
    copied through unchanged and reported (never dropped): check those lines yourself.
    Every finding is applied; exit 0, or 2 when some lines were copied unchanged.

    \b
    Workspace mode: scans the records not scanned yet (all with --rescan), then writes
    redacted copies of every record whose findings are all reviewed (the originals are
    kept). Exit 0 when every record is clean or redacted, 2 when records still wait for
    review — export refuses those unless a lead overrides.
    """
    if (source is None) == (dataset is None):
        raise click.UsageError(
            "give either SOURCE -o OUT (file mode) or --dataset NAME (workspace mode)"
        )
    if source is not None:
        if output is None:
            raise click.UsageError("file mode needs -o OUT")
        if operator == "drop":
            raise click.UsageError("--operator drop removes records; file mode keeps every line")
        _redact_file(
            source,
            output,
            operator,
            realistic,
            scope,
            entities,
            threshold,
            fmt,
            columns,
            report,
            report_values,
            rules_file,
            workers,
            as_json,
            quiet,
            workspace,
            db,
        )
        return
    for flag, name in (
        (output, "-o"),
        (report, "--report"),
        (fmt, "--format"),
        (columns, "--columns"),
        (rules_file, "--rules"),
    ):
        if flag:
            raise click.UsageError(
                f"{name} is for file mode; workspace mode uses the workspace's rules and settings"
            )
    assert dataset is not None
    _redact_dataset(
        dataset,
        operator,
        realistic,
        scope,
        entities,
        threshold,
        workers,
        rescan,
        scan_only,
        accept_all,
        as_json,
        quiet,
        workspace,
        db,
    )


def _operator_spec(session: Any, operator: str | None, realistic: bool, scope: str | None) -> Any:
    from dataclasses import replace

    from curation.pii.workflow import load_settings

    spec = load_settings(session).operator
    if operator:
        spec = replace(spec, name=operator)
    if realistic:
        spec = replace(spec, realistic=True)
    if scope:
        spec = replace(spec, scope=scope)
    return spec


def _redact_file(
    source: Path,
    output: Path,
    operator: str | None,
    realistic: bool,
    scope: str | None,
    entities: str | None,
    threshold: float | None,
    fmt: str | None,
    columns: str | None,
    report: Path | None,
    report_values: bool,
    rules_file: Path | None,
    workers: int | None,
    as_json: bool,
    quiet: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    from curation.ingest.formats import ColumnMapping
    from curation.pii.files import RedactFileOptions, redact_file
    from curation.pii.workflow import (
        config_with_rules,
        load_rules_file,
        workspace_config,
        workspace_secrets,
    )

    if not source.exists():
        raise InputError(f"{source}: no such file")
    mapping = ColumnMapping.parse(columns) if columns else None
    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        config = workspace_config(s, entities=entities, threshold=threshold)
        spec = _operator_spec(s, operator, realistic, scope)
        if spec.name == "drop":
            spec = _operator_spec(s, "placeholder", realistic, scope)
        secrets = workspace_secrets(s)
    if rules_file is not None:
        config = config_with_rules(config, load_rules_file(rules_file))
    bar, advance = _bar(f"Redacting {source.name}", None, quiet or as_json)
    with bar:
        options = RedactFileOptions(
            config=config,
            operator=spec,
            secrets=secrets,
            format=fmt,
            mapping=mapping,
            report=report,
            report_values=report_values,
            workers=workers,
        )
        result = redact_file(source, output, options, progress=advance)
    if as_json:
        echo_json(result.as_dict())
    else:
        if result.rejected and not quiet:
            click.echo(f"Lines the reader rejected (copied unchanged) in {source}:", err=True)
            for error in result.rejected[:MAX_SHOWN]:
                click.echo(f"  {error}", err=True)
            if len(result.rejected) > MAX_SHOWN:
                click.echo(
                    f"  … and {len(result.rejected) - MAX_SHOWN:,} more (see --report)", err=True
                )
        click.secho(result.summary(), fg="yellow" if result.rejected else "green")
    sys.exit(result.exit_code)


def _redact_dataset(
    dataset: str,
    operator: str | None,
    realistic: bool,
    scope: str | None,
    entities: str | None,
    threshold: float | None,
    workers: int | None,
    rescan: bool,
    scan_only: bool,
    accept_all: bool,
    as_json: bool,
    quiet: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    import sqlalchemy as sa

    from curation.pii.workflow import apply_redaction, decide, pii_status, scan_dataset
    from curation.store import models as m
    from curation.store.queries import get_dataset

    ws = open_workspace(workspace, db)
    who = actor()
    with ws.read() as s:
        total = pii_status(s, dataset).records
    bar, advance = _bar(f"Scanning {dataset}", total, quiet or as_json)
    with bar:
        scan = scan_dataset(
            ws,
            dataset,
            actor=who,
            entities=entities,
            threshold=threshold,
            only_unscanned=not rescan,
            workers=workers,
            progress=advance,
        )
    out: dict[str, Any] = {"scan": scan.as_dict()}
    if not as_json:
        click.echo(scan.summary())
    if accept_all:
        with ws.tx() as s:
            ds = get_dataset(s, dataset)
            ids = list(
                s.scalars(
                    sa.select(m.PiiFinding.id).where(
                        m.PiiFinding.dataset_id == ds.id, m.PiiFinding.status == "pending"
                    )
                )
            )
            if ids:
                decided = decide(s, ids, "accepted", actor=who)
                out["accepted"] = decided.findings
                if not as_json:
                    click.echo(decided.summary())
    if not scan_only:
        with ws.read() as s:
            spec = _operator_spec(s, operator, realistic, scope)
        applied = apply_redaction(ws, dataset, actor=who, operator=spec)
        out["apply"] = applied.as_dict()
        if not as_json:
            click.echo(applied.summary())
    with ws.read() as s:
        status = pii_status(s, dataset)
    out["status"] = status.as_dict()
    if as_json:
        echo_json(out)
    else:
        _print_status(status)
    sys.exit(exitcodes.OK if status.blocked == 0 else exitcodes.PARTIAL)


def _print_status(status: Any) -> None:
    states = status.as_dict()["states"]
    click.echo(f"Dataset {status.dataset}: {status.records:,} records")
    for state, n in states.items():
        click.echo(f"  {state:<10} {n:>9,}")
    if status.dropped:
        click.echo(f"  dropped (excluded) {status.dropped:,}")
    colour = "green" if status.blocked == 0 else "yellow"
    click.secho(
        f"Export passes {status.passable:,} records; {status.blocked:,} are blocked until reviewed and applied.",
        fg=colour,
    )


# --------------------------------------------------------------------------- pii group


@click.group()
def pii() -> None:
    """Review PII findings, edit allow/deny lists and patterns, workspace PII settings."""


@pii.command("status")
@click.option("--dataset", "-d", required=True)
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def pii_status_cmd(dataset: str, as_json: bool, workspace: Path | None, db: str | None) -> None:
    """Records by redaction state, findings by status, and what export would refuse."""
    from curation.pii.workflow import pii_status

    ws = open_workspace(workspace, db)
    with ws.read() as s:
        status = pii_status(s, dataset)
    if as_json:
        echo_json(status.as_dict())
        return
    _print_status(status)
    if status.pending_by_entity:
        click.echo(
            "Unreviewed findings: "
            + ", ".join(f"{k} {v:,}" for k, v in sorted(status.pending_by_entity.items()))
        )


@pii.command("log")
@click.option("--dataset", "-d", required=True)
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Full event details as JSON.")
@workspace_options
def pii_log_cmd(
    dataset: str, limit: int, as_json: bool, workspace: Path | None, db: str | None
) -> None:
    """The audit trail, newest first: who scanned, decided, changed rules or applied what, and
    when. Values appear as keyed fingerprints, never in clear."""
    from curation.pii.workflow import event_rows, pii_events

    ws = open_workspace(workspace, db)
    with ws.read() as s:
        events = pii_events(s, dataset, limit=limit)
        if as_json:
            echo_json(
                [
                    {
                        "id": e.id,
                        "at": e.at.isoformat(timespec="seconds"),
                        "actor": e.actor,
                        "action": e.action,
                        "target": f"{e.target_type} {e.target_id}",
                        "details": e.details,
                    }
                    for e in events
                ]
            )
            return
        rows = event_rows(events)
    if not rows:
        click.echo(f"No PII event for {dataset} yet. Start with: curation pii scan -d {dataset}")
    for r in rows:
        click.echo(f"{r['at']}  {r['who']:<12} {r['what']:<16} {r['details']}")


@pii.command("scan")
@click.option("--dataset", "-d", required=True)
@click.option("--entities", help="Comma-separated entities (default: the workspace setting).")
@click.option("--threshold", type=float)
@click.option(
    "--all", "rescan", is_flag=True, help="Scan every record again, not only the new ones."
)
@click.option("--workers", type=int)
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def pii_scan_cmd(
    dataset: str,
    entities: str | None,
    threshold: float | None,
    rescan: bool,
    workers: int | None,
    as_json: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Scan a dataset; findings wait for review on the PII page or with accept/reject."""
    from curation.pii.workflow import pii_status, scan_dataset

    ws = open_workspace(workspace, db)
    with ws.read() as s:
        total = pii_status(s, dataset).records
    bar, advance = _bar(f"Scanning {dataset}", total, as_json)
    with bar:
        result = scan_dataset(
            ws,
            dataset,
            actor=actor(),
            entities=entities,
            threshold=threshold,
            only_unscanned=not rescan,
            workers=workers,
            progress=advance,
        )
    if as_json:
        echo_json(result.as_dict())
    else:
        click.echo(result.summary())


@pii.command("findings")
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
def pii_findings_cmd(
    dataset: str,
    entities: tuple[str, ...],
    statuses: tuple[str, ...],
    min_score: float,
    by_value: bool,
    limit: int,
    as_json: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    """List findings (id, record, location, entity, score, status, text)."""
    from curation.pii.workflow import FindingFilter, list_findings, value_table

    flt = FindingFilter(
        entities=[e.upper() for e in entities] or None,
        statuses=list(statuses) or None,
        min_score=min_score,
    )
    ws = open_workspace(workspace, db)
    with ws.read() as s:
        if by_value:
            rows = value_table(s, dataset, flt, limit=limit)
        else:
            rows = [
                {
                    "id": f.id,
                    "record_id": f.record_id,
                    "location": f.location,
                    "start": f.start,
                    "end": f.end,
                    "entity": f.entity,
                    "score": round(f.score, 2),
                    "source": f.source,
                    "signal": describe_source(f.source),
                    "status": f.status,
                    "text": f.text,
                }
                for f in list_findings(s, dataset, flt, limit=limit)
            ]
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        if by_value:
            click.echo(
                f"#{r['finding_id']:<8} {r['entity']:<16} {r['findings']:>5}× in {r['records']:>4} records  pending {r['pending']:>4}  {r['value']!r}"
            )
        else:
            click.echo(
                f"#{r['id']:<8} rec {r['record_id']:<7} {r['entity']:<16} {r['score']:.2f} {r['status']:<8} {r['location']} {r['text']!r}"
            )
            click.echo(f"{'':10}found by: {r['signal']}")


def _decide(
    ids: tuple[int, ...],
    decision: str,
    by_value: bool,
    remember: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    from curation.pii.workflow import decide

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


@pii.command("accept")
@click.argument("ids", nargs=-1, type=int)
@_value_opt
@_remember_opt
@workspace_options
def pii_accept_cmd(
    ids: tuple[int, ...], by_value: bool, remember: bool, workspace: Path | None, db: str | None
) -> None:
    """Accept findings: they will be redacted (with every occurrence in their records)."""
    _decide(ids, "accepted", by_value, remember, workspace, db)


@pii.command("reject")
@click.argument("ids", nargs=-1, type=int)
@_value_opt
@_remember_opt
@workspace_options
def pii_reject_cmd(
    ids: tuple[int, ...], by_value: bool, remember: bool, workspace: Path | None, db: str | None
) -> None:
    """Reject findings: not personal data, left as they are."""
    _decide(ids, "rejected", by_value, remember, workspace, db)


@pii.command("reopen")
@click.argument("ids", nargs=-1, type=int)
@_value_opt
@workspace_options
def pii_reopen_cmd(
    ids: tuple[int, ...], by_value: bool, workspace: Path | None, db: str | None
) -> None:
    """Put findings back to unreviewed."""
    _decide(ids, "pending", by_value, False, workspace, db)


@pii.command("preview")
@click.argument("record_id", type=int)
@click.option("--operator", type=click.Choice(OPERATOR_CHOICES))
@workspace_options
def pii_preview_cmd(
    record_id: int, operator: str | None, workspace: Path | None, db: str | None
) -> None:
    """Print a record as it would be redacted now (unreviewed findings counted as accepted)."""
    from curation.pii.workflow import preview

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        spec = _operator_spec(s, operator, False, None)
        messages, completions = preview(s, record_id, spec)
    echo_json({"messages": messages, "completions": completions})


@pii.group("rules")
def pii_rules() -> None:
    """Allow-list (never PII), deny-list (always PII) and patterns (regex) of the workspace."""


@pii_rules.command("list")
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def pii_rules_list(as_json: bool, workspace: Path | None, db: str | None) -> None:
    """Active rules."""
    from curation.pii.workflow import list_rules

    ws = open_workspace(workspace, db)
    with ws.read() as s:
        rows = [
            {
                "id": r.id,
                "kind": r.kind,
                "entity": r.entity,
                "name": r.name,
                "value": r.value,
                "score": r.score,
                "created_by": r.created_by,
            }
            for r in list_rules(s)
        ]
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo(
            "No rules yet. Add one: curation pii rules add pattern 'NW-\\d{4}-TK' --entity TICKET_ID"
        )
    for r in rows:
        click.echo(
            f"#{r['id']:<5} {r['kind']:<8} {r['entity'] or '*':<16} {r['value']!r}"
            + (f"  ({r['name']})" if r["name"] else "")
        )


@pii_rules.command("add")
@click.argument("kind", type=click.Choice(["allow", "deny", "pattern"]))
@click.argument("value")
@click.option(
    "--entity", default="", help="Entity label (required for deny and pattern), e.g. TICKET_ID."
)
@click.option("--name", default="", help="A name for a pattern.")
@click.option("--score", type=float, default=0.9, show_default=True)
@workspace_options
def pii_rules_add(
    kind: str,
    value: str,
    entity: str,
    name: str,
    score: float,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Add a rule; it applies to the next scan."""
    from curation.pii.workflow import add_rule

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        rule = add_rule(s, kind, value, actor=actor(), entity=entity, name=name, score=score)
        rid = rule.id
    click.echo(
        f"Added {kind} rule #{rid}. Re-scan to apply it: curation pii scan --dataset NAME --all"
    )


@pii_rules.command("remove")
@click.argument("rule_id", type=int)
@workspace_options
def pii_rules_remove(rule_id: int, workspace: Path | None, db: str | None) -> None:
    """Deactivate a rule."""
    from curation.pii.workflow import remove_rule

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        remove_rule(s, rule_id, actor=actor())
    click.echo(f"Removed rule #{rule_id}.")


@pii_rules.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@workspace_options
def pii_rules_import(path: Path, workspace: Path | None, db: str | None) -> None:
    """Store the rules of a JSON/YAML file: {allow: [...], deny: {ENTITY: [...]}, patterns: [{name, entity, regex, score}]}."""
    from curation.pii.workflow import import_rules

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        added = import_rules(s, path, actor=actor())
    click.echo(f"Added {added} rules from {path.name}.")


@pii.group("settings")
def pii_settings() -> None:
    """Workspace PII settings: entities, threshold, operator."""


@pii_settings.command("show")
@workspace_options
def pii_settings_show(workspace: Path | None, db: str | None) -> None:
    from curation.pii.workflow import load_settings

    ws = open_workspace(workspace, db)
    with ws.read() as s:
        echo_json(load_settings(s).as_dict())


@pii_settings.command("set")
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
def pii_settings_set(
    entities: str | None,
    threshold: float | None,
    operator: str | None,
    realistic: bool | None,
    scope: str | None,
    builtin_allow: bool | None,
    propagate: bool | None,
    public_figures: str | None,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Change settings (logged)."""
    from dataclasses import replace

    from curation.pii.config import normalise_entities
    from curation.pii.workflow import load_settings, save_settings

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        current = load_settings(s)
        op = current.operator
        if operator:
            op = replace(op, name=operator)
        if realistic is not None:
            op = replace(op, realistic=realistic)
        if scope:
            op = replace(op, scope=scope)
        new = replace(
            current,
            entities=tuple(normalise_entities(entities)) if entities else current.entities,
            threshold=current.threshold if threshold is None else threshold,
            builtin_allow=current.builtin_allow if builtin_allow is None else builtin_allow,
            propagate=current.propagate if propagate is None else propagate,
            keep_public_figures=(
                current.keep_public_figures if public_figures is None else public_figures == "keep"
            ),
            operator=op,
        )
        save_settings(s, new, actor=actor())
    echo_json(new.as_dict())
