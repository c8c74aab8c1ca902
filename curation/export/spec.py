"""What an export is asked to do and what it reports: the spec and its rules, the result, the
file names.

:class:`ExportSpec` holds the export's rules that the command line and the pages both need:
which settings go together (:meth:`ExportSpec.check`), that a PII override says why
(:meth:`ExportSpec.check_export`), and how files are named and paired
(:func:`output_paths`, :func:`validation_sibling`, :func:`upload_pair`). Its errors
(:class:`SettingError`) name the settings, not command-line options: the CLI adds those.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from curation import exitcodes
from curation.errors import InputError
from curation.export.names import SFT_FROM, STRATIFY, TRL_FORMATS
from curation.export.registry import get_export_format
from curation.ingest.report import ValidationReport
from curation.labeling.aggregate import Policy

OVERRIDE_REASON_MISSING = "Say why the PII gate is overridden; it goes in the manifest"


class SettingError(InputError):
    """An export setting cannot be used; ``settings`` names the :class:`ExportSpec` fields
    concerned, for the command line to name its own options."""

    def __init__(self, message: str, *settings: str) -> None:
        super().__init__(message)
        self.settings = settings


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
            raise SettingError("name a dataset or a campaign to export", "dataset", "campaign")
        if not 0 <= self.validation_split < 1:
            raise SettingError(
                f"the validation split is the validation share in [0, 1), "
                f"got {self.validation_split}",
                "validation_split",
            )
        if self.sft_from not in SFT_FROM:
            raise SettingError(
                f"the SFT rows come from one of {', '.join(SFT_FROM)}, not {self.sft_from!r}",
                "sft_from",
            )
        if self.stratify is not None and self.stratify not in STRATIFY:
            raise SettingError(
                f"stratify by one of {', '.join(STRATIFY)}, not {self.stratify!r}", "stratify"
            )
        get_export_format(self.format, trl_style=self.trl_style)

    def check_export(self) -> None:
        """:meth:`check`, and the rule for writing files: a PII override says why (the reason
        goes in the manifest and the audit log). A preview needs no reason."""
        self.check()
        if self.allow_unreviewed_pii and not self.override_reason.strip():
            raise SettingError(OVERRIDE_REASON_MISSING, "override_reason")

    def filters(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "campaign": self.campaign,
            "where": dict(self.where),
            "tags": list(self.tags),
            "from_split": self.from_split,
            "sft_from": self.sft_from,
            "trl_style": self.trl_style if self.format in TRL_FORMATS else None,
            "drop_reasoning": self.drop_reasoning,
        }


def parse_where(items: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["lang=en", "source=web"]`` → ``{"lang": "en", "source": "web"}`` (all must match)."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise SettingError(f"{item!r} is not KEY=VALUE (a record metadata key)", "where")
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


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class TargetInfo:
    """The manifest's ``format`` entry as readers use it: the trainer the layout is for,
    the config file written beside the data, and the reasoning traces dropped (and why)."""

    target: str = ""
    config_file: str = ""
    reasoning_policy: str = ""
    reasoning_messages: int = 0

    @classmethod
    def from_manifest(cls, manifest: dict[str, Any]) -> TargetInfo:
        info = manifest.get("format") or {}
        reasoning = info.get("reasoning") or {}
        return cls(
            target=str(info.get("target") or ""),
            config_file=str(info.get("config_file") or ""),
            reasoning_policy=str(reasoning.get("policy") or ""),
            reasoning_messages=int(reasoning.get("messages") or 0),
        )


@dataclass(frozen=True, slots=True)
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
    def target_info(self) -> TargetInfo:
        """The manifest's ``format`` entry typed (:attr:`manifest` stays the file's content)."""
        return TargetInfo.from_manifest(self.manifest)

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


@dataclass(frozen=True, slots=True)
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


def validation_sibling(train: str | Path) -> Path | None:
    """The validation file an export wrote beside this training file (``data.train.jsonl`` →
    ``data.validation.jsonl``, as :func:`output_paths` names them), if it is on disk."""
    path = Path(train)
    if ".train." not in path.name and not path.name.endswith(".train"):
        return None
    candidate = path.with_name(path.name.replace(".train", ".validation", 1))
    return candidate if candidate.is_file() else None


def upload_pair(files: list[str] | list[Path]) -> tuple[Path, Path | None]:
    """An export's files as a fine-tuning upload: the training file and its validation file."""
    paths = [Path(p) for p in files]
    train = next((p for p in paths if ".validation" not in p.name), paths[0])
    return train, validation_sibling(train)


def manifest_path(path: str | Path) -> Path:
    """``data.train.jsonl`` → ``data.train.jsonl.manifest.json``."""
    p = Path(path)
    return p.with_name(p.name + ".manifest.json")


def report_dict(report: ValidationReport) -> dict[str, Any]:
    data = report.as_dict()
    for key in ("errors", "errors_truncated", "error_counts", "errors_total", "ok"):
        data.pop(key, None)
    return data
