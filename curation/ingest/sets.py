"""Imports that take more than one file: an OpenAI Batch (requests joined to results by
``custom_id``) and a LLaMA-Factory ``dataset_info.json`` (each listed local file into its
own dataset). The CLI and the Import page both call these."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from curation import exitcodes
from curation.ingest.formats import LineError
from curation.ingest.formats.batch import BadLine, join_batch
from curation.ingest.formats.dataset_info import (
    InfoEntry,
    is_missing_file,
    parse_dataset_info,
    read_dataset_info,
)
from curation.ingest.importer import ImportResult, import_file
from curation.ingest.uploads import copy_import_file
from curation.progress import Progress
from curation.security import check_import_path
from curation.store import Workspace


@dataclass(frozen=True, slots=True)
class BatchImport:
    result: ImportResult
    unmatched: int  # result lines whose custom_id no request has: not imported

    def summary(self) -> str:
        text = self.result.summary()
        if self.unmatched:
            text += (
                f"; {self.unmatched:,} result line{'s' if self.unmatched != 1 else ''} matched"
                " no request's custom_id and were not imported"
            )
        return text

    @property
    def exit_code(self) -> int:
        code = self.result.exit_code
        return exitcodes.PARTIAL if code == exitcodes.OK and self.unmatched else code


@dataclass(frozen=True, slots=True)
class InfoImport:
    results: tuple[ImportResult, ...]
    not_imported: tuple[str, ...]  # entries with no local file, say why
    missing: int  # entries naming a local file that is not there

    @property
    def exit_code(self) -> int:
        code = max((r.exit_code for r in self.results), default=exitcodes.FAILED)
        return exitcodes.PARTIAL if code == exitcodes.OK and self.missing else code


def import_batch(
    ws: Workspace,
    requests: str | Path,
    results: str | Path,
    dataset: str,
    *,
    actor: str,
    display_name: str | None = None,
    progress: Progress | None = None,
) -> BatchImport:
    """Join an OpenAI Batch input file to its output file and import the joined records;
    several results for one prompt become completions of one record."""
    requests, results = Path(requests), Path(results)
    with tempfile.TemporaryDirectory(prefix="curation-batch-") as folder:
        joined = Path(folder) / f"{requests.stem}.joined.jsonl"
        bad: list[BadLine] = []
        unmatched = join_batch(requests, results, joined, bad)
        result = import_file(
            ws,
            joined,
            dataset,
            format="openai-batch",
            actor=actor,
            display_name=display_name or f"{requests} + {results.name}",
            progress=progress,
        )
    if bad:
        # The requests file's unusable lines are rejected items of this import.
        unusable = tuple(
            LineError(line, f"{requests.name}: {name}" if name else requests.name, reason, code)
            for line, name, reason, code in bad
        )
        result = replace(
            result,
            errors=unusable + result.errors,
            items=result.items + len(bad),
            rejected=result.rejected + len(bad),
        )
    return BatchImport(result, unmatched)


def import_dataset_info(
    ws: Workspace, info: str | Path, *, actor: str, prefix: str = ""
) -> InfoImport:
    """Import the local files a ``dataset_info.json`` (or a folder holding one) lists, each
    into a dataset named by its entry, with its columns and tags mapped."""
    entries, skipped = read_dataset_info(info)
    results = tuple(
        import_file(ws, entry.path, prefix + entry.name, format=entry.format, actor=actor)
        for entry in entries
    )
    return InfoImport(results, tuple(skipped), sum(map(is_missing_file, skipped)))


@dataclass(frozen=True, slots=True)
class ServerEntry:
    """A ``dataset_info.json`` entry on the server: as listed (``entry.path`` is the server
    file, the name shown and recorded) and the checked copy of that file that is imported."""

    entry: InfoEntry
    copy: Path


def check_server_dataset_info(
    ws: Workspace, info: str | Path
) -> tuple[list[ServerEntry], list[str]]:
    """A ``dataset_info.json`` in an allowed server folder, and every local file it lists,
    each checked against the allowed folders and copied into ``uploads/`` through the
    descriptor that was checked (:func:`curation.ingest.uploads.copy_import_file`), so a file
    swapped for a symlink afterwards is never read. Refuses the whole list if one file is
    outside the allowed folders."""
    with ws.read() as s:
        listed = copy_import_file(ws, s, check_import_path(ws, s, str(info)))
        entries, skipped = parse_dataset_info(listed.read_bytes(), Path(info))
        checked = [
            ServerEntry(e, copy_import_file(ws, s, check_import_path(ws, s, str(e.path))))
            for e in entries
        ]
    return checked, skipped


def import_server_entries(
    ws: Workspace,
    entries: list[ServerEntry],
    skipped: list[str],
    *,
    actor: str,
    prefix: str = "",
) -> InfoImport:
    """Import the checked copies of :func:`check_server_dataset_info`, each into a dataset
    named by its entry and recorded under its server path."""
    results = tuple(
        import_file(
            ws,
            item.copy,
            prefix + item.entry.name,
            format=item.entry.format,
            actor=actor,
            display_name=str(item.entry.path),
        )
        for item in entries
    )
    return InfoImport(results, tuple(skipped), sum(map(is_missing_file, skipped)))
