"""Anthropic Messages API conversations: top-level ``system``, content blocks ``text``,
``tool_use``, ``tool_result``, ``thinking`` (and ``image``, kept as a part).

Kept in the OpenAI chat shape: ``tool_use`` blocks become ``tool_calls`` (the ``input``
object as a JSON-string ``arguments``), each ``tool_result`` a ``tool`` message, ``thinking``
the message's ``reasoning_content``; tools' ``input_schema`` becomes ``parameters``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson

from curation.errors import FieldError
from curation.ingest.formats.base import Format
from curation.ingest.formats.common import require_key, require_object, type_name
from curation.ingest.formats.notes import note
from curation.records import Message, Record, message_text

BLOCK_TYPES = frozenset({"tool_use", "tool_result", "thinking", "redacted_thinking"})


def _anthropic_blocks(messages: Any) -> bool:
    return isinstance(messages, list) and any(
        isinstance(m, dict)
        and isinstance(m.get("content"), list)
        and any(isinstance(b, dict) and b.get("type") in BLOCK_TYPES for b in m["content"])
        for m in messages
    )


class AnthropicMessages(Format):
    name = "anthropic-messages"
    label = "Anthropic Messages API (system, content blocks)"
    rule = "`messages` with top-level `system`, `tool_use`/`tool_result`/`thinking` blocks or `input_schema` tools"
    example = '{"system":"Be brief.","messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":[{"type":"thinking","thinking":"greet"},{"type":"text","text":"Hello!"}]}]}'
    priority = 7

    def detect(self, obj: dict[str, Any]) -> bool:
        messages = obj.get("messages")
        if not isinstance(messages, list) or not all(
            isinstance(m, dict) and m.get("role") in ("user", "assistant") for m in messages
        ):
            return False  # system and tool turns are not messages here
        tools = obj.get("tools")
        return (
            "system" in obj
            or _anthropic_blocks(messages)
            or (
                isinstance(tools, list)
                and any(isinstance(t, dict) and "input_schema" in t for t in tools)
            )
        )

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        raw = require_key(obj, "messages")
        if not isinstance(raw, list) or not raw:
            raise FieldError("messages", f"expected a non-empty list, got {type_name(raw)}")
        messages: list[Message] = []
        system = obj.get("system")
        if system is not None:
            messages.append({"role": "system", "content": _system_text(system)})
        for i, m in enumerate(raw):
            messages.extend(_message(m, f"messages[{i}]"))
        tools = obj.get("tools")
        metadata = {"model": obj["model"]} if isinstance(obj.get("model"), str) else {}
        return Record(
            messages=messages,
            tools=_tools(tools) if tools is not None else None,
            metadata=metadata,
            extra={
                k: v for k, v in obj.items() if k not in ("messages", "system", "tools", "model")
            },
        )

    def dump(self, record: Record) -> dict[str, Any]:
        out: dict[str, Any] = {}
        messages = list(record.messages)
        if messages and messages[0].get("role") in ("system", "developer"):
            out["system"] = message_text(messages.pop(0))
        converted: list[Message] = []
        for m in messages:
            if m.get("role") == "tool":
                block = {
                    "type": "tool_result",
                    "tool_use_id": m.get("tool_call_id", ""),
                    "content": message_text(m),
                }
                if converted and converted[-1]["role"] == "user" and _all_results(converted[-1]):
                    converted[-1]["content"].append(block)
                else:
                    converted.append({"role": "user", "content": [block]})
            elif m.get("role") == "assistant":
                converted.append({"role": "assistant", "content": _assistant_blocks(m)})
            else:
                converted.append({"role": m.get("role"), "content": m.get("content")})
        out["messages"] = converted
        if record.tools:
            out["tools"] = [_anthropic_tool(t) for t in record.tools]
        if record.metadata.get("model"):
            out["model"] = record.metadata["model"]
        return out


def _system_text(system: Any) -> str:
    if isinstance(system, str):
        return system
    if isinstance(system, list) and all(isinstance(b, dict) for b in system):
        return "\n".join(str(b.get("text", "")) for b in system if b.get("type") == "text")
    raise FieldError("system", f"expected a string or text blocks, got {type_name(system)}")


def _message(m: Any, field: str) -> list[Message]:
    if not isinstance(m, dict):
        raise FieldError(field, f"expected a message object, got {type_name(m)}")
    role = m.get("role")
    if role not in ("user", "assistant"):
        raise FieldError(f"{field}.role", f"expected user or assistant, got {role!r}")
    content = m.get("content")
    if isinstance(content, str):
        return [{"role": role, "content": content}]
    if not isinstance(content, list):
        raise FieldError(
            f"{field}.content", f"expected a string or blocks, got {type_name(content)}"
        )
    blocks = _Blocks()
    for j, block in enumerate(content):
        blocks.add(block, f"{field}.content[{j}]", j)
    return blocks.messages(role)


@dataclass(slots=True)
class _Blocks:
    """One message's content blocks, sorted by kind as they are read."""

    texts: list[str] = field(default_factory=list)
    others: list[Any] = field(default_factory=list)
    thinking: list[str] = field(default_factory=list)
    calls: list[dict[str, Any]] = field(default_factory=list)
    results: list[Message] = field(default_factory=list)

    def add(self, block: Any, where: str, j: int) -> None:
        if not isinstance(block, dict):
            raise FieldError(where, f"expected a block object, got {type_name(block)}")
        kind = block.get("type")
        if kind == "text":
            self.texts.append(str(block.get("text", "")))
        elif kind == "thinking":
            self.thinking.append(str(block.get("thinking", "")))
            if "signature" in block:
                note(
                    "signature",
                    "thinking blocks",
                    "not kept (it only vouches for the original reply)",
                )
        elif kind == "redacted_thinking":
            note("redacted_thinking", "content blocks", "not kept (encrypted, no text)")
        elif kind == "tool_use":
            self.calls.append(_tool_call(block, where, j))
        elif kind == "tool_result":
            self.results.append(
                {
                    "role": "tool",
                    "tool_call_id": str(block.get("tool_use_id", "")),
                    "content": _result_text(block.get("content"), where),
                }
            )
            if block.get("is_error"):
                note("is_error", "tool results", "not kept (the result text says what failed)")
        else:
            self.others.append(block)

    def messages(self, role: str) -> list[Message]:
        """The tool results first, then the message itself (unless it only held results)."""
        out: list[Message] = list(self.results)
        if self.texts or self.others or self.calls or self.thinking or not self.results:
            message: Message = {"role": role}
            if self.others:
                message["content"] = [{"type": "text", "text": t} for t in self.texts] + self.others
            else:
                message["content"] = "\n".join(self.texts) if self.texts or not self.calls else None
            if self.calls:
                message["tool_calls"] = self.calls
            if self.thinking:
                message["reasoning_content"] = "\n\n".join(self.thinking)
            out.append(message)
        return out


def _tool_call(block: dict[str, Any], where: str, j: int) -> dict[str, Any]:
    if not isinstance(block.get("name"), str):
        raise FieldError(f"{where}.name", "missing")
    return {
        "id": str(block.get("id", f"toolu_{j}")),
        "type": "function",
        "function": {
            "name": block["name"],
            "arguments": orjson.dumps(block.get("input", {})).decode(),
        },
    }


def _result_text(content: Any, where: str) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(str(b.get("text", "")) if isinstance(b, dict) else str(b) for b in content)
    raise FieldError(f"{where}.content", f"expected text or blocks, got {type_name(content)}")


def _tools(tools: Any) -> list[Any]:
    if not isinstance(tools, list):
        raise FieldError("tools", f"expected a list, got {type_name(tools)}")
    out = []
    for i, t in enumerate(tools):
        if not isinstance(t, dict) or not isinstance(t.get("name"), str):
            raise FieldError(f"tools[{i}]", "expected a tool with a name")
        if "input_schema" not in t:
            out.append(t)  # a server tool (web search, …): kept as given
            continue
        fn = {
            "name": t["name"],
            "description": t.get("description", ""),
            "parameters": t["input_schema"],
        }
        if not fn["description"]:
            del fn["description"]
        out.append({"type": "function", "function": fn})
    return out


def _anthropic_tool(tool: Any) -> Any:
    fn = tool.get("function") if isinstance(tool, dict) else None
    if not isinstance(fn, dict):
        return tool
    out = {"name": fn.get("name"), "input_schema": fn.get("parameters", {"type": "object"})}
    if fn.get("description"):
        out["description"] = fn["description"]
    return out


def _assistant_blocks(m: Message) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    if m.get("reasoning_content"):
        blocks.append({"type": "thinking", "thinking": m["reasoning_content"]})
    content = m.get("content")
    if isinstance(content, list):
        for part in content:
            if isinstance(part, dict) and part.get("type") == "text":
                blocks.append({"type": "text", "text": part.get("text", "")})
            else:
                blocks.append(part)
    elif content:
        blocks.append({"type": "text", "text": content})
    for call in m.get("tool_calls") or []:
        fn = call.get("function", {})
        try:
            args = orjson.loads(fn.get("arguments") or "{}")
        except orjson.JSONDecodeError:
            args = fn.get("arguments")
        blocks.append(
            {"type": "tool_use", "id": call.get("id"), "name": fn.get("name"), "input": args}
        )
    return blocks


def _all_results(message: Message) -> bool:
    content = message.get("content")
    return isinstance(content, list) and all(
        isinstance(b, dict) and b.get("type") == "tool_result" for b in content
    )
