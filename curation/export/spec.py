"""What an export is asked to do and what it reports: the spec, the result, the file names."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from curation import exitcodes
from curation.errors import InputError
from curation.export.formats import get_export_format
from curation.ingest.report import ValidationReport
from curation.labeling.aggregate import Policy

SFT_FROM = ("auto", "records", "preferred")
STRATIFY = ("source", "format")


# --------------------------------------------------------------------------- the request


@dataclass(slots=True)
class ExportSpec:
    """What to export and how. ``dataset`` or ``campaign`` names the data (both must agree).

    - ``campaign``: preferences come from its aggregated judgments under ``policy``;
      without it, from the imported ones (``Pair.preferred``).
    - ``validation_split``/``seed``/``stratify``: see :mod:`curation.export.splits`;
      ``stratify`` is ``"source"`` (import file) or ``"format"`` (source format).
    - ``where``: record metadata key → value, all must match (non-strings compare as
      their JSON text: ``{"n": 4}`` matches ``n=4``); ``tags``: the record's metadata
      ``tags`` (a list of strings, or one string) holds every one of them;
      ``from_split``: the stored split.
    - ``sft_from`` (openai-chat, openai-rft): ``records`` (the conversation as stored),
      ``preferred`` (prompt + preferred completion), ``auto`` (preferred where a record
      has completions).
    - ``allow_unreviewed_pii``: a lead's override of the PII gate, written in the
      manifest and the audit log with ``override_reason``.
    - ``model``/``price_per_million``: token counts and the cost estimate.
    - ``strict``: fail, writing nothing, if any row fails validation (else it is left
      out and counted).
    """

    format: str
    dataset: str | None = None
    campaign: str | None = None
    validation_split: float = 0.0
    seed: int = 42
    stratify: str | None = None
    where: dict[str, str] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    from_split: str | None = None
    sft_from: str = "auto"
    policy: Policy = field(default_factory=Policy)
    trl_style: str = "conversational"
    allow_unreviewed_pii: bool = False
    override_reason: str = ""
    model: str = "gpt-4.1"
    price_per_million: float | None = None
    strict: bool = False
    # leave reasoning traces out even where the layout has a place for them (counted)
    drop_reasoning: bool = False

    def check(self) -> None:
        if not self.dataset and not self.campaign:
            raise InputError("name a dataset (--dataset) or a campaign (--campaign) to export")
        if not 0 <= self.validation_split < 1:
            raise InputError(
                f"--validation-split is the validation share in [0, 1), got {self.validation_split}"
            )
        if self.sft_from not in SFT_FROM:
            raise InputError(f"--sft-from is one of {', '.join(SFT_FROM)}, not {self.sft_from!r}")
        if self.stratify is not None and self.stratify not in STRATIFY:
            raise InputError(f"--stratify is one of {', '.join(STRATIFY)}, not {self.stratify!r}")
        get_export_format(self.format, trl_style=self.trl_style)

    def filters(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "campaign": self.campaign,
            "where": dict(self.where),
            "tags": list(self.tags),
            "from_split": self.from_split,
            "sft_from": self.sft_from,
            "trl_style": self.trl_style if self.format in ("trl-preference", "trl-kto") else None,
            "drop_reasoning": self.drop_reasoning,
        }


def parse_where(items: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["lang=en", "source=web"]`` → ``{"lang": "en", "source": "web"}`` (all must match)."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError(f"--where {item!r} is not KEY=VALUE (a record metadata key)")
        out[key.strip()] = value.strip()
    return out


def has_tags(meta: dict[str, Any], wanted: list[str]) -> bool:
    """Whether the record's metadata ``tags`` (a list, or one string) holds every wanted tag."""
    tags = meta.get("tags")
    if isinstance(tags, str):
        held = {tags}
    elif isinstance(tags, list):
        held = {t for t in tags if isinstance(t, str)}
    else:
        held = set()
    return all(tag in held for tag in wanted)


def meta_value(value: Any) -> str:
    """A metadata value as ``--where`` compares it: strings as-is, JSON for everything else."""
    if isinstance(value, str):
        return value
    return orjson.dumps(value).decode()


# --------------------------------------------------------------------------- the result


@dataclass(slots=True)
class ExportFile:
    split: str
    path: Path
    rows: int
    bytes: int
    sha256: str
    manifest_path: Path

    def as_dict(self) -> dict[str, Any]:
        return {
            "split": self.split,
            "path": str(self.path),
            "name": self.path.name,
            "rows": self.rows,
            "bytes": self.bytes,
            "sha256": self.sha256,
            "manifest": str(self.manifest_path),
        }


@dataclass(slots=True)
class ExportResult:
    export_id: int | None
    format: str
    files: list[ExportFile]
    candidates: int
    written: int
    left_out: dict[str, int]
    reports: dict[str, ValidationReport]
    manifest: dict[str, Any]
    warnings: list[str]
    seconds: float
    source_rejected: int = 0  # file mode: items of the source file that could not be read

    @property
    def exit_code(self) -> int:
        """PARTIAL when items of the source file were rejected (file mode), else OK."""
        return exitcodes.PARTIAL if self.source_rejected else exitcodes.OK

    def summary(self) -> str:
        parts = [f"{f.rows:,} {f.split} rows → {f.path}" for f in self.files]
        out = f"{self.written:,} of {self.candidates:,} candidate rows written ({'; '.join(parts)})"
        if self.left_out:
            out += "; left out: " + ", ".join(f"{k} {v:,}" for k, v in self.left_out.items())
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "export_id": self.export_id,
            "format": self.format,
            "files": [f.as_dict() for f in self.files],
            "candidates": self.candidates,
            "written": self.written,
            "left_out": self.left_out,
            "warnings": self.warnings,
            "source_rejected": self.source_rejected,
            "validation": {split: report_dict(r) for split, r in self.reports.items()},
            "seconds": round(self.seconds, 2),
            # the manifest's format entry: target, read-back, config file, reasoning dropped
            "format_info": dict(self.manifest.get("format") or {}),
        }


@dataclass(slots=True)
class PreviewRow:
    record_id: int
    pair_id: int | None
    row: dict[str, Any] | None
    reason: str = ""
    detail: str = ""


def output_paths(out: str | Path, with_validation: bool) -> dict[str, Path]:
    """The files an export writes: ``OUT`` alone, or ``OUT`` with ``.train``/``.validation``
    inserted before its suffix (``data.jsonl`` → ``data.train.jsonl``, ``data.validation.jsonl``)."""
    path = Path(out)
    if not with_validation:
        return {"train": path}
    suffix = path.suffix
    stem = path.name[: -len(suffix)] if suffix else path.name
    return {
        "train": path.with_name(f"{stem}.train{suffix}"),
        "validation": path.with_name(f"{stem}.validation{suffix}"),
    }


def manifest_path(path: str | Path) -> Path:
    """``data.train.jsonl`` → ``data.train.jsonl.manifest.json``."""
    p = Path(path)
    return p.with_name(p.name + ".manifest.json")


def report_dict(report: ValidationReport) -> dict[str, Any]:
    data = report.as_dict()
    for key in ("errors", "errors_truncated", "error_counts", "errors_total", "ok"):
        data.pop(key, None)
    return data
