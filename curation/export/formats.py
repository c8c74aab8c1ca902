"""Export formats: how one item becomes one row of a training file, and how that row is checked.

An :class:`Item` is what the store gives for one output row: a conversation (already
the redacted version where PII was redacted), plus the chosen and rejected completions
of a pair, or only the chosen one when an SFT/RFT row is built from a preference.
Rows are made by the import formats' own ``dump`` (:mod:`curation.ingest.formats`), so an
import followed by an export speaks exactly the same dialect, and each row is checked
before it is written: OpenAI layouts by the OpenAI validator
(:func:`curation.ingest.checks.validate_example`), the others by parsing the row back with
their import format plus the OpenAI chat checks on the conversations they hold.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from curation.errors import FieldError, InputError, InternalError
from curation.ingest.checks import Issue, validate_example
from curation.ingest.formats.article import RFTPairs
from curation.ingest.formats.kto import TRLKTO
from curation.ingest.formats.openai import OpenAIChat, OpenAIPreference, OpenAIRFT
from curation.ingest.formats.trl import TRLPreference
from curation.records import Completion, Message, Record, conversation_text, message_text

# Top-level keys of a record's ``extra`` that belong to the chat layout, not to a grader.
CHAT_EXTRA = ("parallel_tool_calls", "functions")
REFERENCE_KEY = "reference_answer"
TABLE_COLUMNS = ("prompt", "chosen", "rejected")


class SkipError(Exception):
    """The item cannot become a row of this format; ``reason`` is counted in the manifest."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(slots=True)
class Item:
    """One output row's material. Positions are the completions' positions in their record."""

    record_id: int
    pair_id: int | None
    messages: list[Message]
    tools: list[Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    chosen: Completion | None = None
    rejected: Completion | None = None
    chosen_position: int = 0
    rejected_position: int = 1
    criteria: list[str] = field(default_factory=list)
    # Unpaired (KTO) rows: the label of ``chosen`` (the one completion of the row) and where
    # it came from: "source" (the file's own label) or "pair" (derived from a judgment).
    label: bool | None = None
    label_origin: str = ""
    # Ranked-list rows: the prompt's answers best first as (position, completion, rank,
    # Bradley–Terry score), and how many rankings (and "all bad" answers) they came from.
    ranked: list[tuple[int, Completion, int, float]] = field(default_factory=list)
    rankings: int = 0
    all_bad: int = 0


class ExportFormat:
    """One output format. ``unit`` says what a row stands for: a record, a completion pair,
    ("kto") one labelled completion, from the source's labels or derived from pairs, or
    ("ranking") one prompt's answers in a ranking campaign's order."""

    name: str
    label: str
    unit: str = "pair"
    container: str = "jsonl"
    layout: str | None = None  # the OpenAI validator's layout, when it applies
    # Each output completion must be exactly one assistant message (text formats, DPO).
    single_turn: bool = True
    help: str = ""
    target: str = ""  # the trainer the layout is for, named in the manifest
    # The import format the written file is read back with before it is put in place.
    reads_back_as: str | None = None
    # Reasoning traces (``reasoning_content``) have no place in this layout: taken out, counted.
    drops_reasoning: bool = True

    def sidecar(self, _out: Path, _paths: dict[str, Path]) -> tuple[Path, bytes] | None:
        """A file that configures the trainer for the written file(s), if the target has one."""
        return None

    @property
    def suffix(self) -> str:
        return "." + self.container

    def row(self, item: Item) -> dict[str, Any]:
        raise NotImplementedError

    def check(self, row: dict[str, Any], item: Item) -> list[Issue]:
        raise NotImplementedError

    def conversation(self, _row: dict[str, Any], item: Item) -> list[Message]:
        """The messages whose tokens count for this row (prompt plus completions)."""
        return _pair_conversation(item)

    def text_lost(self, _item: Item) -> int:
        """Messages of the item whose text the layout cannot write (counted in the manifest)."""
        return 0


# --------------------------------------------------------------------------- OpenAI


class OpenAIChatExport(ExportFormat):
    name = "openai-chat"
    label = "OpenAI chat (SFT) JSONL"
    unit = "record"
    layout = "chat"
    single_turn = False
    help = (
        "one conversation per line; built from a preference, only the preferred reply is trained on"
    )

    def row(self, item: Item) -> dict[str, Any]:
        messages = item.messages
        if item.chosen is not None:
            messages = prompt_for_sft(item.messages) + item.chosen.messages
        if any("reasoning_content" in m for m in messages):  # no place for it: counted
            messages = [{k: v for k, v in m.items() if k != "reasoning_content"} for m in messages]
        return OpenAIChat().dump(_record(item, messages))

    def check(self, row: dict[str, Any], _item: Item) -> list[Issue]:
        return validate_example(row, layout="chat")

    def conversation(self, row: dict[str, Any], _item: Item) -> list[Message]:
        messages: list[Message] = row["messages"]
        return messages


class OpenAIRFTExport(ExportFormat):
    name = "openai-rft"
    label = "OpenAI reinforcement (RFT) JSONL"
    unit = "record"
    layout = "rft"
    single_turn = False
    help = "messages ending on the user's turn plus grader fields (reference_answer, …)"

    def row(self, item: Item) -> dict[str, Any]:
        messages = list(item.messages)
        graders = {k: v for k, v in item.extra.items() if k not in CHAT_EXTRA}
        if item.chosen is not None:
            graders.setdefault(REFERENCE_KEY, completion_text(item.chosen))
        elif not graders:
            # A finished conversation: its closing assistant turns are the reference answer.
            cut = len(messages)
            while cut > 0 and messages[cut - 1].get("role") == "assistant":
                cut -= 1
            if 0 < cut < len(messages):
                graders[REFERENCE_KEY] = "\n\n".join(message_text(m) for m in messages[cut:])
                messages = messages[:cut]
        if not graders:
            raise SkipError(
                "no_reference_answer", "no grader field and no answer to use as reference"
            )
        extra = {k: item.extra[k] for k in CHAT_EXTRA if k in item.extra} | graders
        record = Record(messages=messages, tools=item.tools, extra=extra)
        return OpenAIRFT().dump(record)

    def check(self, row: dict[str, Any], _item: Item) -> list[Issue]:
        return validate_example(row, layout="rft")

    def conversation(self, row: dict[str, Any], _item: Item) -> list[Message]:
        messages: list[Message] = row["messages"]
        return messages


class OpenAIPreferenceExport(ExportFormat):
    name = "openai-preference"
    label = "OpenAI preference (DPO) JSONL"
    layout = "dpo"
    help = "input messages plus one preferred and one non-preferred assistant reply (text only)"

    def row(self, item: Item) -> dict[str, Any]:
        chosen, rejected = _pair(item)
        record = _record(item, item.messages)
        record.completions = [
            Completion([text_reply(chosen)]),
            Completion([text_reply(rejected)]),
        ]
        record.rankings = [(0, 1)]
        return OpenAIPreference().dump(record)

    def check(self, row: dict[str, Any], _item: Item) -> list[Issue]:
        return validate_example(row, layout="dpo")

    def conversation(self, row: dict[str, Any], _item: Item) -> list[Message]:
        messages: list[Message] = row["input"]["messages"]
        return [*messages, row["preferred_output"][0], row["non_preferred_output"][0]]


# --------------------------------------------------------------------------- others


class TRLPreferenceExport(ExportFormat):
    name = "trl-preference"
    label = "TRL preference JSONL (explicit prompt)"

    def __init__(self, style: str = "conversational") -> None:
        if style not in ("conversational", "standard"):
            raise InputError(f"TRL style is conversational or standard, not {style!r}")
        self.style = style
        self.single_turn = style == "standard"
        self.help = (
            "prompt/chosen/rejected as message lists (tool-call arguments as dicts)"
            if style == "conversational"
            else "prompt/chosen/rejected as strings"
        )

    def row(self, item: Item) -> dict[str, Any]:
        chosen, rejected = _pair(item)
        record = _record(item, item.messages)
        if self.style == "standard":
            chosen, rejected = _single_text(chosen), _single_text(rejected)
        record.completions = [chosen, rejected]
        record.rankings = [(0, 1)]
        return TRLPreference().dump(record, conversational=self.style == "conversational")

    def check(self, row: dict[str, Any], item: Item) -> list[Issue]:
        return _parses_back(TRLPreference().parse, row) + _chat_issues(item)


class RFTPairsExport(ExportFormat):
    name = "rft-pairs"
    label = "Source-article RFT pairs JSONL"
    single_turn = False
    help = "messages, preferred_completion, rejected_completion, metadata{quality_delta, criteria}"

    def row(self, item: Item) -> dict[str, Any]:
        chosen, rejected = _pair(item)
        record = _record(item, item.messages)
        record.metadata = {
            "quality_delta": quality_delta(item),
            "criteria": criteria_of(item),
        }
        record.completions = [chosen, rejected]
        record.rankings = [(0, 1)]
        return RFTPairs().dump(record)

    def check(self, row: dict[str, Any], item: Item) -> list[Issue]:
        return _parses_back(RFTPairs().parse, row) + _chat_issues(item)


class TableExport(ExportFormat):
    label = "prompt/chosen/rejected table"
    help = "columns prompt, chosen, rejected (text; a longer prompt is a role-tagged transcript)"

    def __init__(self, container: str) -> None:
        if container not in ("csv", "parquet"):
            raise InputError(f"a table is written as csv or parquet, not {container!r}")
        self.name = self.container = container
        self.label = f"prompt/chosen/rejected {container.upper()}"

    def row(self, item: Item) -> dict[str, Any]:
        chosen, rejected = _pair(item)
        return {
            "prompt": prompt_text(item.messages),
            "chosen": completion_text(_single_text(chosen)),
            "rejected": completion_text(_single_text(rejected)),
        }

    def check(self, row: dict[str, Any], item: Item) -> list[Issue]:
        issues = [
            Issue(1, "missing_content", f"{column}: is empty")
            for column in TABLE_COLUMNS
            if not isinstance(row.get(column), str) or not row[column].strip()
        ]
        return issues + _chat_issues(item)


class TRLKTOExport(ExportFormat):
    name = "trl-kto"
    label = "TRL unpaired preference (KTO) JSONL"
    unit = "kto"
    single_turn = False
    help = (
        "prompt/completion/label: the source's labels, and from each decided pair the chosen "
        "reply as desirable (true) and the rejected one as undesirable (false)"
    )

    def __init__(self, style: str = "conversational") -> None:
        if style not in ("conversational", "standard"):
            raise InputError(f"TRL style is conversational or standard, not {style!r}")
        self.style = style

    def row(self, item: Item) -> dict[str, Any]:
        record = kto_record(item)
        if self.style == "standard":
            record.completions = [_single_text(record.completions[0])]
            record.completions[0].label = item.label
        return TRLKTO().dump(record, conversational=self.style == "conversational")

    def check(self, row: dict[str, Any], item: Item) -> list[Issue]:
        return _parses_back(TRLKTO().parse, row) + _chat_issues(item)


def kto_record(item: Item) -> Record:
    if item.chosen is None or item.label is None:
        raise InternalError("a KTO row needs one labelled completion")
    record = _record(item, item.messages)
    record.completions = [
        Completion(item.chosen.messages, item.chosen.source, item.chosen.scores, item.label)
    ]
    return record


KTO_POLICY = (
    "rows come from completions the source labelled (label as given) and from decided pairs: "
    "the chosen completion becomes a desirable row (label true) and the rejected one an "
    "undesirable row (label false); ties, both-bad and undecided pairs give no rows; a "
    "completion in several decided pairs gives one row per pair"
)


# --------------------------------------------------------------------------- helpers


def _record(item: Item, messages: list[Message]) -> Record:
    return Record(messages=messages, tools=item.tools, extra=dict(item.extra))


def _pair(item: Item) -> tuple[Completion, Completion]:
    if item.chosen is None or item.rejected is None:
        raise InternalError("a pair row needs a chosen and a rejected completion")
    return item.chosen, item.rejected


def prompt_for_sft(messages: list[Message]) -> list[Message]:
    """The prompt of an SFT row built from a preference: earlier assistant turns get weight 0
    (unless the source set a weight), so only the preferred reply is trained on."""
    out: list[Message] = []
    for message in messages:
        if message.get("role") == "assistant" and "weight" not in message:
            message = {**message, "weight": 0}
        out.append(message)
    return out


def text_reply(completion: Completion) -> Message:
    """A completion as one plain-text assistant message (DPO outputs are text only)."""
    message = _single_text(completion).messages[0]
    reply: Message = {"role": "assistant", "content": _text_content(message)}
    if isinstance(message.get("name"), str):
        reply["name"] = message["name"]
    return reply


def _single_text(completion: Completion) -> Completion:
    if len(completion.messages) != 1:
        raise SkipError("multi_turn_completion", f"{len(completion.messages)} messages")
    message = completion.messages[0]
    if message.get("role") != "assistant":
        raise SkipError("non_text_completion", f"role {message.get('role')!r}")
    if message.get("tool_calls") or message.get("function_call"):
        raise SkipError("non_text_completion", "calls a tool")
    content = message.get("content")
    if isinstance(content, list) and not all(
        isinstance(p, str) or (isinstance(p, dict) and p.get("type") in ("text", None))
        for p in content
    ):
        raise SkipError("non_text_completion", "has non-text content parts")
    return completion


def _text_content(message: Message) -> Any:
    content = message.get("content")
    if isinstance(content, list):  # text parts only (checked): one string
        return message_text(message)
    return content


def completion_text(completion: Completion) -> str:
    return "\n\n".join(message_text(m) for m in completion.messages)


def prompt_text(messages: list[Message]) -> str:
    """One user message is its text; anything longer is a role-tagged transcript (as TRL's)."""
    if len(messages) == 1 and messages[0].get("role") == "user":
        return message_text(messages[0])
    return conversation_text(messages)


def quality_delta(item: Item) -> list[Any]:
    """[preferred, rejected] quality scores, from the completions or the source's metadata."""
    scores = [
        c.scores.get("quality") if c is not None and isinstance(c.scores, dict) else None
        for c in (item.chosen, item.rejected)
    ]
    if all(isinstance(s, int | float) and not isinstance(s, bool) for s in scores):
        return scores
    source = item.metadata.get("quality_delta")
    if isinstance(source, list) and len(source) == 2:
        by_position = {0: source[0], 1: source[1]}
        if {item.chosen_position, item.rejected_position} == {0, 1}:
            return [by_position[item.chosen_position], by_position[item.rejected_position]]
    return []


def criteria_of(item: Item) -> list[Any]:
    for key in ("criteria", "evaluation_criteria"):
        value = item.metadata.get(key)
        if isinstance(value, list):
            return value
    return list(item.criteria)


def _pair_conversation(item: Item) -> list[Message]:
    out = list(item.messages)
    for completion in (item.chosen, item.rejected):
        if completion is not None:
            out.extend(completion.messages)
    return out


def _chat_issues(item: Item) -> list[Issue]:
    """The OpenAI chat checks on prompt + chosen and prompt + rejected."""
    issues: list[Issue] = []
    for side, completion in (("chosen", item.chosen), ("rejected", item.rejected)):
        if completion is None:
            continue
        example: dict[str, Any] = {"messages": [*item.messages, *completion.messages]}
        if item.tools is not None:
            example["tools"] = item.tools
        for issue in validate_example(example, layout="chat"):
            issues.append(Issue(issue.line, issue.code, f"{side}: {issue.message}"))
    return issues


def _parses_back(parse: Callable[[Any], Record], row: dict[str, Any]) -> list[Issue]:
    try:
        parse(row)
    except FieldError as exc:
        return [Issue(1, "unreadable_row", f"{exc.field}: {exc.reason}")]
    return []
