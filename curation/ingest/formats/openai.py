"""OpenAI fine-tuning formats: chat (SFT), preference (DPO) and reinforcement (RFT)."""

from __future__ import annotations

from typing import Any

from curation.errors import CurationError, FieldError
from curation.ingest.formats.base import Format
from curation.ingest.formats.common import (
    completion_from,
    messages_list,
    require_key,
    require_object,
    tools_list,
    type_name,
)
from curation.records import Record

CHAT_KEYS = {"messages", "tools", "parallel_tool_calls", "functions"}


def _extra(obj: dict[str, Any], skip: set[str]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if k not in skip}


def _messages_record(obj: Any) -> Record:
    """``messages`` (+ ``tools``, ``metadata``); every other key is kept verbatim in ``extra``."""
    obj = require_object(obj)
    messages = messages_list(require_key(obj, "messages"))
    metadata = obj.get("metadata") if isinstance(obj.get("metadata"), dict) else {}
    return Record(
        messages=messages,
        tools=tools_list(obj.get("tools")),
        metadata=metadata or {},
        extra=_extra(obj, {"messages", "tools", "metadata"}),
    )


class OpenAIChat(Format):
    name = "openai-chat"
    label = "OpenAI chat (SFT)"
    rule = "`messages` ending with the assistant's turn (or only chat keys)"
    example = '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!","weight":1}]}'

    def detect(self, obj: dict[str, Any]) -> bool:
        return "messages" in obj and _chat_not_rft(obj)

    def parse(self, obj: Any) -> Record:
        return _messages_record(obj)

    def dump(self, record: Record) -> dict[str, Any]:
        out: dict[str, Any] = {"messages": record.messages}
        if record.tools is not None:
            out["tools"] = record.tools
        for key in ("parallel_tool_calls", "functions"):
            if key in record.extra:
                out[key] = record.extra[key]
        return out


def _chat_not_rft(obj: dict[str, Any]) -> bool:
    """Of two ``messages`` lines, which is chat: keys beyond the chat layout (an "id", say)
    still make a chat line when the conversation ends with the assistant's answer; RFT
    lines end with the user's turn."""
    return set(obj) <= CHAT_KEYS | {"metadata"} or _ends_with_assistant(obj["messages"])


def _ends_with_assistant(messages: Any) -> bool:
    return (
        isinstance(messages, list)
        and bool(messages)
        and isinstance(messages[-1], dict)
        and messages[-1].get("role") == "assistant"
    )


class OpenAIRFT(Format):
    """``messages`` plus grader fields such as ``reference_answer``; the last turn is the user's."""

    name = "openai-rft"
    label = "OpenAI reinforcement (RFT)"
    rule = "`messages` ending with the user's turn plus grader keys"
    example = '{"messages":[{"role":"user","content":"2+2?"}],"reference_answer":"4"}'
    priority = -1

    def detect(self, obj: dict[str, Any]) -> bool:
        return "messages" in obj and not _chat_not_rft(obj)

    def parse(self, obj: Any) -> Record:
        return _messages_record(obj)

    def dump(self, record: Record) -> dict[str, Any]:
        out: dict[str, Any] = {"messages": record.messages}
        if record.tools is not None:
            out["tools"] = record.tools
        out.update(record.extra)
        return out


class OpenAIPreference(Format):
    name = "openai-preference"
    label = "OpenAI preference (DPO)"
    rule = "`input` with `preferred_output`/`non_preferred_output`"
    example = '{"input":{"messages":[{"role":"user","content":"Hi"}]},"preferred_output":[{"role":"assistant","content":"Hello!"}],"non_preferred_output":[{"role":"assistant","content":"Go away."}]}'
    priority = 10

    def detect(self, obj: dict[str, Any]) -> bool:
        return "input" in obj and ("preferred_output" in obj or "non_preferred_output" in obj)

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        inp = require_key(obj, "input")
        if not isinstance(inp, dict):
            raise FieldError("input", f"expected an object with messages, got {type_name(inp)}")
        messages = messages_list(require_key(inp, "messages", "input."), "input.messages")
        preferred = self._output(obj, "preferred_output")
        rejected = self._output(obj, "non_preferred_output")
        extra = _extra(obj, {"input", "preferred_output", "non_preferred_output", "metadata"})
        if "parallel_tool_calls" in inp:
            extra["parallel_tool_calls"] = inp["parallel_tool_calls"]
        metadata = obj.get("metadata") if isinstance(obj.get("metadata"), dict) else {}
        return Record(
            messages=messages,
            tools=tools_list(inp.get("tools"), "input.tools"),
            metadata=metadata or {},
            completions=[preferred, rejected],
            rankings=[(0, 1)],
            extra=extra,
        )

    @staticmethod
    def _output(obj: dict[str, Any], key: str) -> Any:
        value = require_key(obj, key)
        if not isinstance(value, list) or not value:
            raise FieldError(
                key, f"expected a list with one assistant message, got {type_name(value)}"
            )
        return completion_from(value, key)

    def dump(self, record: Record) -> dict[str, Any]:
        if len(record.completions) != 2:
            raise CurationError("a preference row needs exactly two completions")
        inp: dict[str, Any] = {"messages": record.messages}
        if record.tools:
            inp["tools"] = record.tools
        if "parallel_tool_calls" in record.extra:
            inp["parallel_tool_calls"] = record.extra["parallel_tool_calls"]
        chosen, rejected = record.rankings[0] if record.rankings else (0, 1)
        return {
            "input": inp,
            "preferred_output": record.completions[chosen].messages,
            "non_preferred_output": record.completions[rejected].messages,
        }
