"""What an export tells its user: the error when nothing (or an empty split) would be
written, with hints naming the settings to change, and the warnings of a finished export.

Messages name settings in words; :class:`~curation.export.spec.SettingError` carries the
settings' names so that the command line can add its options."""

from __future__ import annotations

from collections import Counter

from curation.export.plan import Context, Plan
from curation.export.rows import Stats
from curation.export.sinks import Written
from curation.export.spec import SettingError
from curation.ingest.validate import ValidationReport


def check_written(plan: Plan, stats: Stats, written: dict[str, Written]) -> None:
    """Refuse (nothing is put in place) when no row, or no row of one split, was written."""
    if sum(w.rows for w in written.values()) == 0:
        left = plan.left_out + stats.left_out
        hints, settings = _hints(left)
        raise SettingError(
            "nothing to export: every candidate row was left out ("
            + ", ".join(f"{k} {v:,}" for k, v in left.most_common())
            + "); nothing was written"
            + hints,
            *settings,
        )
    for name, w in written.items():
        if w.rows == 0:
            raise SettingError(
                f"the {name} split would be empty ({sum(x.rows for x in written.values()):,} rows "
                "in all); lower or raise the validation split; nothing was written",
                "validation_split",
            )


def nothing_to_export(ctx: Context, plan: Plan) -> SettingError:
    """The error when the plan keeps no row: what the data lacks, or why every row is out."""
    where = f"campaign {ctx.campaign.name!r}" if ctx.campaign else f"dataset {ctx.dataset.name!r}"
    if plan.candidates == 0:
        if ctx.pair_unit:
            return SettingError(
                f"{where} has no completion pairs: {ctx.fmt.name} needs records with two or "
                "more completions (or choose openai-chat)"
            )
        return SettingError(f"{where} has no records to export")
    hints, settings = _hints(plan.left_out)
    return SettingError(
        f"nothing to export from {where}: all {plan.candidates:,} candidate rows are left out ("
        + ", ".join(f"{k} {v:,}" for k, v in plan.left_out.most_common())
        + ")"
        + hints,
        *settings,
    )


def _hints(left: Counter[str]) -> tuple[str, tuple[str, ...]]:
    """What to do about the reasons rows were left out, and the settings that do it."""
    hints: list[str] = []
    settings: list[str] = []
    if left["pii_not_scanned"] or left["pii_unreviewed"]:
        hints.append(
            "records must be scanned for PII and reviewed (redaction 'clean' or 'redacted'); "
            "a lead can override the PII gate, which the manifest records"
        )
        settings.append("allow_unreviewed_pii")
    if left["no_preference"]:
        hints.append("the pairs have no preference: export a labelled campaign")
        settings.append("campaign")
    if left["unlabelled"] or left["low_agreement"] or left["no_majority"]:
        hints.append("label more, or relax the minimum agreement")
        settings.append("min_agreement")
    if left["multi_turn_completion"]:
        hints.append("completions spanning several turns cannot be one assistant reply")
    if left["not_ranked"]:
        hints.append("no ranked list for these records: apply a ranking campaign, or export one")
        settings.append("campaign")
    return ((": " + "; ".join(hints)) if hints else ""), tuple(settings)


def warnings_of(
    ctx: Context,
    left_out: Counter[str],
    stats: Stats,
    reports: dict[str, ValidationReport],
) -> list[str]:
    out: list[str] = []
    refused = left_out["pii_not_scanned"] + left_out["pii_unreviewed"]
    if refused:
        out.append(
            f"{refused:,} rows refused by the PII gate (not scanned or findings not reviewed)"
        )
    if stats.override_records:
        out.append(
            f"PII override: {sum(stats.override_records.values()):,} records not cleared for PII "
            "were exported; the manifest records it"
        )
    if left_out["multi_turn_completion"]:
        out.append(
            f"{left_out['multi_turn_completion']:,} pairs left out: a completion spans several "
            "turns, and each output must hold exactly one assistant message"
        )
    if stats.text_lost:
        out.append(
            f"{stats.text_lost:,} assistant messages lost the text written beside their tool "
            f"calls: {ctx.fmt.name} holds only the calls in a function_call turn"
        )
    if left_out["undesirable_label"]:
        out.append(
            f"{left_out['undesirable_label']:,} rows left out: their completion is labelled "
            "undesirable (KTO label false) and is no SFT target"
        )
    if left_out["validation_error"]:
        codes = ", ".join(f"{k} {v:,}" for k, v in stats.validation_codes.most_common(5))
        out.append(
            f"{left_out['validation_error']:,} rows failed validation and were left out ({codes})"
        )
    if ctx.dedup_run is None:
        out.append(
            "no finished dedup run for this dataset: near-duplicates were not grouped across splits"
        )
    for name, report in reports.items():
        for notice in report.warnings:
            out.append(f"{name}: {notice.message}")
    out.extend(stats.notes)
    return out
