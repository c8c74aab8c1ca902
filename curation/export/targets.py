"""Export to the trainers' own layouts: LLaMA-Factory and Axolotl.

Each format writes JSONL rows its trainer reads, plus a sidecar naming the file the way
the trainer is configured: a ``dataset_info.json`` entry (LLaMA-Factory) or the
``datasets:`` block of an Axolotl YAML config. The written file is read back through
our own importer (``reads_back_as``) before it is put in place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import orjson

from curation.errors import CurationError
from curation.export.formats import (
    ExportFormat,
    Item,
    SkipError,
    _chat_issues,
    _pair,
    _parses_back,
    _record,
    _single_text,
    kto_record,
    prompt_for_sft,
)
from curation.export.staging import Staging
from curation.ingest.checks import Issue, validate_example
from curation.ingest.formats import open_source
from curation.ingest.formats.alpaca import Alpaca
from curation.ingest.formats.axolotl import AxolotlChat
from curation.ingest.formats.llamafactory import LFKTO, LFPreference, LFv1, lf_sharegpt
from curation.ingest.formats.sharegpt import ShareGPT
from curation.records import Completion, Message, message_text

LF_KTO_TAGS = {
    "role_tag": "role",
    "content_tag": "content",
    "user_tag": "user",
    "assistant_tag": "assistant",
    "observation_tag": "observation",
    "function_tag": "function_call",
    "system_tag": "system",
}


def sft_messages(item: Item) -> list[Message]:
    """The conversation of a record-unit row (prompt + preferred reply when built from one)."""
    if item.chosen is not None:
        return prompt_for_sft(item.messages) + item.chosen.messages
    return item.messages


def _dataset_info(paths: dict[str, Path], entry: dict[str, Any]) -> dict[str, Any]:
    return {path.stem: {"file_name": path.name, **entry} for path in paths.values()}


class _SFTRecords(ExportFormat):
    """One row per record, its whole conversation the training example."""

    unit = "record"
    single_turn = False

    def conversation(self, _row: dict[str, Any], item: Item) -> list[Message]:
        return sft_messages(item)


class _LlamaFactory(ExportFormat):
    target = "LLaMA-Factory"
    entry: ClassVar[dict[str, Any]] = {}

    def sidecar(self, out: Path, paths: dict[str, Path]) -> tuple[Path, bytes] | None:
        info = _dataset_info(paths, self.entry)
        body = orjson.dumps(info, option=orjson.OPT_INDENT_2) + b"\n"
        return out.with_name(out.name + ".dataset_info.json"), body


class LFShareGPTExport(_SFTRecords, _LlamaFactory):
    name = "llamafactory-sharegpt"
    label = "LLaMA-Factory ShareGPT (SFT) + dataset_info.json"
    reads_back_as = "sharegpt"
    help = "conversations of {from, value} (function_call/observation tags), system, tools"
    entry: ClassVar[dict[str, Any]] = {
        "formatting": "sharegpt",
        "columns": {"messages": "conversations", "system": "system", "tools": "tools"},
    }

    def row(self, item: Item) -> dict[str, Any]:
        messages = without_reasoning(sft_messages(item))
        strict_alternation(messages)
        return lf_sharegpt(_record(item, messages))

    def check(self, row: dict[str, Any], _item: Item) -> list[Issue]:
        return _parses_back(ShareGPT().parse, row)

    def text_lost(self, item: Item) -> int:
        return text_with_tool_call(sft_messages(item))


class LFv1Export(_SFTRecords):
    name = "llamafactory-v1"
    label = "LLaMA-Factory v1 messages (reasoning parts, loss_weight)"
    target = "LLaMA-Factory v1"
    reads_back_as = "llamafactory-v1"
    drops_reasoning = False  # reasoning parts hold them
    help = (
        "messages of {type, value} parts: reasoning kept as reasoning parts, weight as loss_weight"
    )

    def row(self, item: Item) -> dict[str, Any]:
        return LFv1().dump(_record(item, sft_messages(item)))

    def check(self, row: dict[str, Any], _item: Item) -> list[Issue]:
        return _parses_back(LFv1().parse, row)


class LFAlpacaExport(_SFTRecords, _LlamaFactory):
    name = "llamafactory-alpaca"
    label = "LLaMA-Factory Alpaca (SFT) + dataset_info.json"
    reads_back_as = "alpaca"
    help = "instruction/input/output with system and history (plain user/assistant turns only)"
    entry: ClassVar[dict[str, Any]] = {
        "columns": {
            "prompt": "instruction",
            "query": "input",
            "response": "output",
            "system": "system",
            "history": "history",
        }
    }

    def row(self, item: Item) -> dict[str, Any]:
        messages = without_reasoning(sft_messages(item))
        system = None
        if messages and messages[0].get("role") in ("system", "developer"):
            system, messages = message_text(messages[0]), messages[1:]
        turns = messages
        if (
            len(turns) < 2
            or len(turns) % 2
            or any(m.get("tool_calls") or m.get("function_call") for m in turns)
            or any(m.get("role") != ("user", "assistant")[i % 2] for i, m in enumerate(turns))
        ):
            raise SkipError(
                "not_alpaca_shape", "Alpaca holds alternating user/assistant text turns"
            )
        texts = [message_text(m) for m in turns]
        out: dict[str, Any] = {"instruction": texts[-2], "input": "", "output": texts[-1]}
        if system is not None:
            out["system"] = system
        if len(texts) > 2:
            out["history"] = [[texts[i], texts[i + 1]] for i in range(0, len(texts) - 2, 2)]
        return out

    def check(self, row: dict[str, Any], _item: Item) -> list[Issue]:
        return _parses_back(Alpaca().parse, row)


class LFPreferenceExport(_LlamaFactory):
    name = "llamafactory-dpo"
    label = "LLaMA-Factory preference (ShareGPT, DPO) + dataset_info.json"
    reads_back_as = "llamafactory-preference"
    help = "conversations plus chosen/rejected as single {from, value} messages"
    entry: ClassVar[dict[str, Any]] = {
        "formatting": "sharegpt",
        "ranking": True,
        "columns": {
            "messages": "conversations",
            "chosen": "chosen",
            "rejected": "rejected",
            "system": "system",
            "tools": "tools",
        },
    }

    def row(self, item: Item) -> dict[str, Any]:
        chosen, rejected = _pair(item)
        record = _record(item, without_reasoning(item.messages))
        record.completions = [
            Completion(without_reasoning(_single_text(c).messages)) for c in (chosen, rejected)
        ]
        record.rankings = [(0, 1)]
        return LFPreference().dump(record)

    def check(self, row: dict[str, Any], item: Item) -> list[Issue]:
        return _parses_back(LFPreference().parse, row) + _chat_issues(item)


class LFKTOExport(_LlamaFactory):
    name = "llamafactory-kto"
    label = "LLaMA-Factory KTO (messages + label) + dataset_info.json"
    unit = "kto"
    single_turn = False
    reads_back_as = "llamafactory-kto"
    help = "messages ending with the judged reply, plus label true/false"
    entry: ClassVar[dict[str, Any]] = {
        "formatting": "sharegpt",
        "columns": {"messages": "messages", "kto_tag": "label", "tools": "tools"},
        "tags": LF_KTO_TAGS,
    }

    def row(self, item: Item) -> dict[str, Any]:
        record = kto_record(item)
        record.messages = without_reasoning(record.messages)
        completion = record.completions[0]
        completion.messages = without_reasoning(completion.messages)
        return LFKTO().dump(record)

    def check(self, row: dict[str, Any], item: Item) -> list[Issue]:
        return _parses_back(LFKTO().parse, row) + _chat_issues(item)

    def text_lost(self, item: Item) -> int:
        chosen = item.chosen.messages if item.chosen is not None else []
        return text_with_tool_call(item.messages + chosen)


class AxolotlChatExport(_SFTRecords):
    name = "axolotl-chat"
    label = "Axolotl chat_template JSONL + YAML dataset block"
    target = "Axolotl"
    reads_back_as = "axolotl-chat"
    help = "messages with role/content; a source weight becomes the message's train flag"

    def row(self, item: Item) -> dict[str, Any]:
        record = _record(item, without_reasoning(sft_messages(item)))
        return AxolotlChat().dump(record)

    def check(self, row: dict[str, Any], item: Item) -> list[Issue]:
        example: dict[str, Any] = {"messages": without_reasoning(sft_messages(item))}
        if item.tools is not None:
            example["tools"] = item.tools
        return _parses_back(AxolotlChat().parse, row) + validate_example(example, layout="chat")

    def sidecar(self, out: Path, paths: dict[str, Path]) -> tuple[Path, bytes] | None:
        lines = ["datasets:"]
        for name, path in paths.items():
            block = "test_datasets" if name == "validation" else "datasets"
            if block != "datasets":
                lines.append(f"{block}:")
            lines += [
                # a JSON string is a YAML scalar whatever the name holds ("#", ": ", quotes)
                f"  - path: {orjson.dumps(path.name).decode()}",
                "    ds_type: json",
                "    type: chat_template",
                "    field_messages: messages",
                "    field_tools: tools",
                "    message_property_mappings:",
                "      role: role",
                "      content: content",
                '    roles_to_train: ["assistant"]',
                "    message_field_training: train",
            ]
            if block != "datasets":
                lines.append("    split: train")
        return out.with_name(out.name + ".axolotl.yml"), ("\n".join(lines) + "\n").encode()


def strict_alternation(messages: list[Message]) -> None:
    """Refuse (:class:`SkipError`) what LLaMA-Factory's ShareGPT reader rejects: it wants user or
    observation turns and assistant or function_call turns in turn, with one system prompt
    first. Parallel tool results (consecutive observations) and a later system turn break it."""
    previous = None
    for i, m in enumerate(messages):
        role = m.get("role")
        if role in ("system", "developer") and i > 0:
            raise SkipError(
                "non_leading_system",
                f"message {i} is a {role} turn after the start; LLaMA-Factory takes one system "
                "prompt first",
            )
        if role == "tool" and previous == "tool":
            raise SkipError(
                "parallel_tool_results",
                f"message {i} is a second tool result in a row; LLaMA-Factory's ShareGPT wants "
                "one observation per function_call turn",
            )
        previous = role


def text_with_tool_call(messages: list[Message]) -> int:
    """Assistant messages with text beside their tool calls: a function_call turn holds only
    the calls, so LLaMA-Factory's layouts lose that text."""
    return sum(1 for m in messages if m.get("tool_calls") and message_text(m).strip())


def without_reasoning(messages: list[Message]) -> list[Message]:
    """The messages with ``reasoning_content`` taken out (counted by the export as dropped)."""
    if not any("reasoning_content" in m for m in messages):
        return messages
    return [{k: v for k, v in m.items() if k != "reasoning_content"} for m in messages]


TARGETS: dict[str, type[ExportFormat]] = {
    f.name: f
    for f in (
        LFShareGPTExport,
        LFv1Export,
        LFAlpacaExport,
        LFPreferenceExport,
        LFKTOExport,
        AxolotlChatExport,
    )
}


def read_back_files(
    fmt: ExportFormat, staged: Staging, paths: dict[str, Path]
) -> dict[str, Any] | None:
    """Each written (staged) file read through our own importer in the layout it claims to
    be; any item it cannot read stops the export, so nothing is put in place."""
    name = fmt.reads_back_as
    if name is None:
        return None
    by_target = {target: (handle, temp) for handle, temp, target in staged.files}
    records = 0
    for split, path in paths.items():
        handle, temp = by_target[path]
        handle.flush()
        for parsed in open_source(temp, name).records():
            if parsed.error is not None:
                raise CurationError(
                    f"the {split} file does not read back as {name} ({parsed.error}); "
                    "nothing was written"
                )
            records += 1
    return {"as": name, "records": records, "errors": 0}


def describe_target(
    info: dict[str, Any],
    fmt: ExportFormat,
    drop_requested: bool,
    reasoning_dropped: int,
    text_lost: int,
    read_back: dict[str, Any] | None,
    out: Path,
    paths: dict[str, Path],
) -> None:
    """The manifest's word on the trainer the file is for and what the layout could not hold."""
    if fmt.target:
        info["target"] = fmt.target
    if read_back is not None:
        info["read_back"] = read_back
    sidecar = fmt.sidecar(out, paths)
    if sidecar is not None:
        info["config_file"] = sidecar[0].name
    if fmt.drops_reasoning:
        policy = "dropped: the layout has no place for it"
    elif drop_requested:
        policy = "dropped on request (drop_reasoning)"
    else:
        policy = "kept"
    info["reasoning"] = {"policy": policy, "messages": reasoning_dropped}
    if text_lost:
        info["text_with_tool_call"] = {
            "policy": "dropped: a function_call turn holds only the calls",
            "messages": text_lost,
        }
