"""The Export page's result: what an export wrote, its validation summary and its downloads.

An export run in the page and one run as a background job are shown the same way: both
are read from the result's JSON form (``ExportResult.as_dict()``, which is also what a job
stores on its row) into :class:`ExportShown`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from curation.export.spec import ExportFile, TargetInfo
from curation.ingest.report import Histogram, TokenSummary
from curation.wording import plural

MIME = {"jsonl": "application/jsonl", "csv": "text/csv", "parquet": "application/octet-stream"}


@dataclass(frozen=True, slots=True)
class SplitShown:
    split: str
    examples: int
    encoding: str
    tokens: TokenSummary
    billed_tokens: int
    n_epochs: int | None
    training_tokens: int
    estimated_cost_usd: float | None

    def line(self) -> str:
        total = self.tokens
        if total.min is None:
            out = "no tokens counted"
        else:
            out = (
                f"{plural(self.examples, 'row')} · tokens ({self.encoding}) min {total.min:,}, "
                f"median {total.median or 0:,.0f}, p90 {total.p90 or 0:,.0f}, max {total.max:,}"
            )
        if self.split == "train" and self.n_epochs:
            out += (
                f" · {self.billed_tokens:,} billed × {self.n_epochs} epochs = "
                f"{self.training_tokens:,} training tokens"
            )
            if self.estimated_cost_usd is not None:
                out += f" · estimated ${self.estimated_cost_usd:,.2f}"
        return out


@dataclass(frozen=True, slots=True)
class ExportShown:
    export_id: int | None
    summary: str
    written: int
    candidates: int
    left_out: dict[str, int]
    splits: tuple[SplitShown, ...]
    histogram: Histogram
    warnings: tuple[str, ...]
    files: tuple[ExportFile, ...]
    target: TargetInfo

    @classmethod
    def of(cls, data: Mapping[str, Any], summary: str) -> ExportShown:
        """Read ``ExportResult.as_dict()`` (or a job's stored copy of it)."""
        splits = []
        histogram = Histogram()
        for split, report in (data.get("validation") or {}).items():
            tokens = report.get("tokens") or {}
            total = tokens.get("total") or {}
            splits.append(
                SplitShown(
                    split=split,
                    examples=int(report.get("examples") or 0),
                    encoding=str(report.get("encoding") or ""),
                    tokens=TokenSummary(**total),
                    billed_tokens=int(report.get("billed_tokens") or 0),
                    n_epochs=report.get("n_epochs"),
                    training_tokens=int(report.get("training_tokens") or 0),
                    estimated_cost_usd=report.get("estimated_cost_usd"),
                )
            )
            if split == "train":
                hist = tokens.get("histogram") or {}
                histogram = Histogram(
                    tuple(hist.get("edges") or ()), tuple(hist.get("counts") or ())
                )
        files = tuple(
            ExportFile(
                split=f["split"],
                path=Path(f["path"]),
                rows=int(f["rows"]),
                bytes=int(f["bytes"]),
                sha256=str(f["sha256"]),
                manifest_path=Path(f["manifest"]),
            )
            for f in data.get("files") or []
        )
        return cls(
            export_id=data.get("export_id"),
            summary=summary,
            written=int(data.get("written") or 0),
            candidates=int(data.get("candidates") or 0),
            left_out=dict(data.get("left_out") or {}),
            splits=tuple(splits),
            histogram=histogram,
            warnings=tuple(str(w) for w in data.get("warnings") or ()),
            files=files,
            target=TargetInfo.from_manifest({"format": data.get("format_info") or {}}),
        )


def download(label: str, path: Path, key: str, mime: str) -> None:
    if not path.exists():
        st.caption(f"{path.name}: no longer on disk")
        return
    st.download_button(
        label,
        data=lambda: path.read_bytes(),
        file_name=path.name,
        mime=mime,
        key=key,
        on_click="ignore",
        icon=":material/download:",
    )


def show_export(done: ExportShown) -> None:
    st.subheader(f"Export #{done.export_id}")
    st.success(done.summary)
    k1, k2, k3 = st.columns(3)
    k1.metric("Rows written", f"{done.written:,}")
    k2.metric("Candidates", f"{done.candidates:,}")
    k3.metric("Left out", f"{sum(done.left_out.values()):,}")
    if done.left_out:
        st.dataframe(
            pd.DataFrame([{"reason": k, "rows": v} for k, v in done.left_out.items()]),
            hide_index=True,
            key="export_left_out",
        )
    st.markdown("**Validation summary** (every row was checked before it was written)")
    for split in done.splits:
        st.markdown(f"- **{split.split}**: {split.line()}")
    if done.histogram.counts:
        st.caption("Tokens per training example")
        st.bar_chart(
            pd.DataFrame(
                {
                    "tokens": [round(edge) for edge in done.histogram.edges[:-1]],
                    "examples": list(done.histogram.counts),
                }
            ),
            x="tokens",
            y="examples",
            height=200,
        )
    for warning in done.warnings:
        st.warning(warning)
    for f in done.files:
        d1, d2 = st.columns(2)
        with d1:
            download(
                f"{f.split}: {f.path.name} ({plural(f.rows, 'row')})",
                f.path,
                f"export_dl_{done.export_id}_{f.split}",
                MIME.get(f.path.suffix.lstrip("."), "application/octet-stream"),
            )
        with d2:
            download(
                f"{f.split} manifest",
                f.manifest_path,
                f"export_dl_{done.export_id}_{f.split}_manifest",
                "application/json",
            )
        st.caption(f"sha256 {f.sha256}")
    target = done.target
    config = target.config_file
    if config and done.files:
        download(
            f"{target.target or 'trainer'} config: {config}",
            done.files[0].path.with_name(config),
            f"export_dl_{done.export_id}_config",
            "application/json" if config.endswith(".json") else "application/yaml",
        )
    if target.reasoning_messages:
        st.caption(
            f"Reasoning traces: {target.reasoning_policy} ({target.reasoning_messages:,} messages)"
        )
