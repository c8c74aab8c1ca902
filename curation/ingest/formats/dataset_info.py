"""LLaMA-Factory's ``dataset_info.json``: each entry names a local file, its layout
(``formatting`` alpaca or sharegpt, ``ranking``), its ``columns`` and (ShareGPT) its
``tags``. :func:`read_dataset_info` turns the entries with a local file into a
:class:`MappedLF` format each, which renames the file's columns and role tags to the
canonical ones before the matching parser reads the row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from curation.errors import FieldError, InputError
from curation.fileio.gate import check_regular_file
from curation.ingest.formats.alpaca import Alpaca, alpaca_prompt
from curation.ingest.formats.base import Format
from curation.ingest.formats.common import require_object, type_name
from curation.ingest.formats.llamafactory import LFKTO, LFPreference
from curation.ingest.formats.notes import note
from curation.ingest.formats.sharegpt import ShareGPT
from curation.ingest.formats.trl import TRLPreference
from curation.records import Completion, Record

INFO_NAME = "dataset_info.json"
MISSING = " is not a local file"  # how a skipped entry whose listed file is absent ends


def is_missing_file(skipped: str) -> bool:
    """Whether a reason :func:`read_dataset_info` gives names a listed local file that is not
    there (a hub dataset is skipped by design; a missing file needs a look)."""
    return skipped.endswith(MISSING)


ALPACA_COLUMNS = {
    "prompt": "instruction",
    "query": "input",
    "response": "output",
    "system": "system",
    "history": "history",
    "chosen": "chosen",
    "rejected": "rejected",
    "kto_tag": "label",
}
SHAREGPT_COLUMNS = {
    "messages": "conversations",
    "system": "system",
    "tools": "tools",
    "chosen": "chosen",
    "rejected": "rejected",
    "kto_tag": "label",
}
ALPACA_PROMPT_KEYS = ("instruction", "input", "system", "history")
TAG_DEFAULTS = {
    "role_tag": "from",
    "content_tag": "value",
    "user_tag": "human",
    "assistant_tag": "gpt",
    "observation_tag": "observation",
    "function_tag": "function_call",
    "system_tag": "system",
}
CANONICAL_TAG = {
    "user_tag": "human",
    "assistant_tag": "gpt",
    "observation_tag": "observation",
    "function_tag": "function_call",
    "system_tag": "system",
}


class MappedLF(Format):
    """One ``dataset_info.json`` entry's layout, as a format."""

    name = "llamafactory-dataset-info"
    label = "LLaMA-Factory dataset_info.json entry (columns and tags mapped)"
    rule = "chosen by importing a dataset_info.json (never detected from a row)"
    example = '{"my_data":{"file_name":"data.json","formatting":"sharegpt","columns":{"messages":"conversations"}}}'
    priority = -10

    def __init__(self, entry: dict[str, Any] | None = None) -> None:
        entry = entry or {}
        self.sharegpt = entry.get("formatting", "alpaca") == "sharegpt"
        self.ranking = bool(entry.get("ranking"))
        defaults = SHAREGPT_COLUMNS if self.sharegpt else ALPACA_COLUMNS
        columns = entry.get("columns") or {}
        # source column → canonical key
        self.rename = {
            columns.get(role, canonical): canonical for role, canonical in defaults.items()
        }
        tags = {**TAG_DEFAULTS, **(entry.get("tags") or {})}
        self.role_tag, self.content_tag = tags["role_tag"], tags["content_tag"]
        self.tag_to_canonical = {tags[t]: c for t, c in CANONICAL_TAG.items()}

    def detect(self, _obj: dict[str, Any]) -> bool:
        return False  # never detected: an entry of a dataset_info.json names it

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        row = {self.rename.get(k, k): v for k, v in obj.items()}
        if self.sharegpt:
            for key in ("conversations", "chosen", "rejected"):
                if key in row:
                    row[key] = self._turns(row[key], key)
            if self.ranking:
                return LFPreference().parse(row)
            if "label" in row:
                return LFKTO().parse(row)
            return ShareGPT().parse(row)
        if self.ranking:
            rest = {k: v for k, v in row.items() if k not in ALPACA_PROMPT_KEYS}
            return TRLPreference().parse({**rest, "prompt": alpaca_prompt(row)})
        label = row.get("label")
        if isinstance(label, bool):
            # KTO: the closing assistant turn is the labelled completion, as LFKTO reads it.
            record = Alpaca().parse({k: v for k, v in row.items() if k != "label"})
            *prompt, answer = record.messages
            return Record(
                messages=prompt,
                completions=[Completion([answer], source="label", label=label)],
                extra=record.extra,
            )
        return Alpaca().parse(row)

    def _turns(self, value: Any, field: str) -> Any:
        if isinstance(value, dict):
            return self._turn(value)
        if not isinstance(value, list):
            raise FieldError(field, f"expected a list of messages, got {type_name(value)}")
        return [self._turn(t) for t in value]

    def _turn(self, turn: Any) -> Any:
        if not isinstance(turn, dict):
            return turn  # the parser names the problem
        if self.role_tag == "from" and self.content_tag == "value":
            return turn
        out = {k: v for k, v in turn.items() if k not in (self.role_tag, self.content_tag)}
        role = turn.get(self.role_tag)
        out["from"] = self.tag_to_canonical.get(role, role)
        out["value"] = turn.get(self.content_tag)
        note(f"{self.role_tag}/{self.content_tag}", "messages", "mapped by the dataset_info tags")
        return out


@dataclass(frozen=True, slots=True)
class InfoEntry:
    name: str
    path: Path
    format: MappedLF


def read_dataset_info(path: str | Path) -> tuple[list[InfoEntry], list[str]]:
    """The entries of a ``dataset_info.json`` (or of the one in a folder) whose file is
    local, and for the others why they are not imported (hub datasets, missing files)."""
    p = Path(path)
    if p.is_dir():
        p = p / INFO_NAME
    return parse_dataset_info(check_regular_file(p).read_bytes(), p)


def parse_dataset_info(data: bytes, p: Path) -> tuple[list[InfoEntry], list[str]]:
    """:func:`read_dataset_info` on the bytes of ``p`` already read (entries relative to it)."""
    try:
        info = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise InputError(f"{p}: not valid JSON ({exc})") from exc
    if not isinstance(info, dict):
        raise InputError(f"{p}: expected an object of dataset entries")
    entries: list[InfoEntry] = []
    skipped: list[str] = []
    for name, entry in info.items():
        if not isinstance(entry, dict):
            skipped.append(f"{name}: not an object")
            continue
        file_name = entry.get("file_name")
        if not isinstance(file_name, str):
            where = next(
                (k for k in ("hf_hub_url", "ms_hub_url", "om_hub_url", "script_url") if k in entry),
                None,
            )
            skipped.append(
                f"{name}: {'a hub dataset (' + where + ')' if where else 'no file_name'}; not local"
            )
            continue
        target = p.parent / file_name
        if not target.is_file():
            skipped.append(f"{name}: {file_name}{MISSING}")
            continue
        entries.append(InfoEntry(name, target, MappedLF(entry)))
    return entries, skipped
