"""Alpaca: ``instruction`` + optional ``input`` → ``output`` (usually one JSON array)."""

from __future__ import annotations

from typing import Any

from curation.errors import FieldError
from curation.ingest.formats.base import Format
from curation.ingest.formats.common import require_key, require_object, text_of, type_name
from curation.records import Message, Record, message_text


class Alpaca(Format):
    name = "alpaca"
    label = "Alpaca"
    rule = "`instruction` with `output`"
    example = '{"instruction":"Greet","input":"","output":"Hello!"}'
    priority = 5

    def detect(self, obj: dict[str, Any]) -> bool:
        return "instruction" in obj and "output" in obj

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        messages = alpaca_prompt(obj)
        output = text_of(require_key(obj, "output"), "output")
        if not output.strip():
            raise FieldError("output", "is empty")
        messages.append({"role": "assistant", "content": output})
        extra = {
            k: v
            for k, v in obj.items()
            if k not in ("instruction", "input", "output", "system", "history")
        }
        return Record(messages=messages, extra=extra)

    def dump(self, record: Record) -> dict[str, Any]:
        users = [m for m in record.messages if m.get("role") == "user"]
        assistants = [m for m in record.messages if m.get("role") == "assistant"]
        out: dict[str, Any] = {
            "instruction": message_text(users[-1]) if users else "",
            "input": "",
            "output": message_text(assistants[-1]) if assistants else "",
        }
        systems = [m for m in record.messages if m.get("role") == "system"]
        if systems:
            out["system"] = message_text(systems[0])
        return out


def alpaca_prompt(obj: dict[str, Any]) -> list[Message]:
    """An Alpaca row's prompt: ``system``, the ``history`` pairs, then ``instruction`` and
    ``input`` as the last user turn."""
    instruction = text_of(require_key(obj, "instruction"), "instruction")
    inp = obj.get("input") or ""
    inp = text_of(inp, "input")
    if not instruction.strip() and not inp.strip():
        raise FieldError("instruction", "is empty")
    messages: list[Message] = []
    system = obj.get("system")
    if isinstance(system, str) and system.strip():
        messages.append({"role": "system", "content": system})
    history = obj.get("history") or []
    if not isinstance(history, list):
        raise FieldError(
            "history", f"expected a list of [user, assistant] pairs, got {type_name(history)}"
        )
    for i, pair in enumerate(history):
        if not (
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)
        ):
            raise FieldError(f"history[{i}]", "expected [user, assistant] strings")
        messages += [
            {"role": "user", "content": pair[0]},
            {"role": "assistant", "content": pair[1]},
        ]
    user = f"{instruction}\n\n{inp}" if inp.strip() else instruction
    messages.append({"role": "user", "content": user})
    return messages
