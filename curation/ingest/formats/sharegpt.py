"""ShareGPT: ``conversations`` of ``{"from", "value"}`` turns (JSON array or JSONL)."""

from __future__ import annotations

from typing import Any

import orjson

from curation.errors import FieldError
from curation.fileio.items import MAX_DEPTH, too_deep
from curation.ingest.formats.base import Format
from curation.ingest.formats.common import require_key, require_object, type_name
from curation.ingest.formats.notes import note
from curation.records import Message, Record, message_text

ROLE_OF = {
    "human": "user",
    "user": "user",
    "gpt": "assistant",
    "assistant": "assistant",
    "chatgpt": "assistant",
    "bing": "assistant",
    "bard": "assistant",
    "model": "assistant",
    "system": "system",
    "function_call": "assistant",
    "observation": "tool",
    "tool": "tool",
}
TURN_KEYS = frozenset({"from", "value", "role", "content"})
FROM_OF = {"user": "human", "assistant": "gpt", "system": "system", "tool": "observation"}


class ShareGPT(Format):
    name = "sharegpt"
    label = "ShareGPT"
    rule = "`conversations` of {from, value} turns"
    example = '{"conversations":[{"from":"human","value":"Hi"},{"from":"gpt","value":"Hello!"}],"system":"Be kind."}'
    priority = 5

    def detect(self, obj: dict[str, Any]) -> bool:
        return "conversations" in obj

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        turns = require_key(obj, "conversations")
        if not isinstance(turns, list) or not turns:
            raise FieldError(
                "conversations", f"expected a non-empty list of turns, got {type_name(turns)}"
            )
        messages: list[Message] = []
        system = obj.get("system")
        if isinstance(system, str) and system.strip():
            messages.append({"role": "system", "content": system})
        call_ids: list[str] = []
        for i, turn in enumerate(turns):
            message = sharegpt_turn(turn, f"conversations[{i}]", i, call_ids)
            for key in turn.keys() - TURN_KEYS:
                if key == "weight" and turn[key] in (0, 1) and not isinstance(turn[key], bool):
                    message["weight"] = int(turn[key])
                else:
                    note(str(key), "turns", "not kept (a ShareGPT turn holds from and value)")
            messages.append(message)
        tools = obj.get("tools")
        if isinstance(tools, str):
            try:
                tools = orjson.loads(tools)
            except orjson.JSONDecodeError as exc:
                raise FieldError("tools", "is a string but not valid JSON") from exc
            if too_deep(tools):
                raise FieldError("tools", f"nested more than {MAX_DEPTH} levels deep")
            note("tools", "records", "given as a JSON string: parsed into a list")
        extra = {k: v for k, v in obj.items() if k not in ("conversations", "system", "tools")}
        return Record(
            messages=messages, tools=tools if isinstance(tools, list) else None, extra=extra
        )

    def dump(self, record: Record) -> dict[str, Any]:
        convs: list[dict[str, str]] = []
        system = None
        for m in record.messages:
            role = m.get("role")
            if role in ("system", "developer") and system is None and not convs:
                system = message_text(m)
                continue
            convs.append({"from": FROM_OF.get(str(role), str(role)), "value": message_text(m)})
        out: dict[str, Any] = {"conversations": convs}
        if system is not None:
            out["system"] = system
        if record.tools:
            out["tools"] = orjson.dumps(record.tools).decode()  # LLaMA-Factory's way
        return out


def sharegpt_turn(turn: Any, field: str, index: int, call_ids: list[str]) -> Message:
    """One turn in OpenAI shape. ``call_ids`` holds the ids of the latest call turn not yet
    answered by an observation (shared across the turns of one conversation)."""
    if not isinstance(turn, dict):
        raise FieldError(field, f"expected a turn object, got {type_name(turn)}")
    speaker = turn.get("from", turn.get("role"))
    value = turn.get("value", turn.get("content"))
    if speaker is None:
        raise FieldError(f"{field}.from", "missing")
    if not isinstance(speaker, str) or speaker.lower() not in ROLE_OF:
        raise FieldError(f"{field}.from", f"unknown speaker {speaker!r}")
    if not isinstance(value, str):
        raise FieldError(f"{field}.value", f"expected a string, got {type_name(value)}")
    speaker = speaker.lower()
    role = ROLE_OF[speaker]
    if speaker == "function_call":
        call_id = f"call_{index}"
        call_ids.clear()  # the observations that follow answer this turn's calls
        call_ids.append(call_id)
        try:
            call = orjson.loads(value)
        except orjson.JSONDecodeError:
            call = None
        if (
            isinstance(call, list)
            and call
            and all(isinstance(c, dict) and "name" in c for c in call)
        ):
            call_ids.pop()
            calls = []
            for j, one in enumerate(call):
                args = one.get("arguments", {})
                calls.append(
                    {
                        "id": f"call_{index}_{j}",
                        "type": "function",
                        "function": {
                            "name": str(one["name"]),
                            "arguments": args
                            if isinstance(args, str)
                            else orjson.dumps(args).decode(),
                        },
                    }
                )
                call_ids.append(f"call_{index}_{j}")
            return {"role": "assistant", "content": None, "tool_calls": calls}
        if isinstance(call, dict) and "name" in call:
            args = call.get("arguments", {})
            return {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": call_id,
                        "type": "function",
                        "function": {
                            "name": str(call["name"]),
                            "arguments": args
                            if isinstance(args, str)
                            else orjson.dumps(args).decode(),
                        },
                    }
                ],
            }
        return {"role": "assistant", "content": value}
    if role == "tool":
        message: Message = {"role": "tool", "content": value}
        if call_ids:
            # Parallel calls are answered in order; extra observations go to the last call.
            message["tool_call_id"] = call_ids.pop(0) if len(call_ids) > 1 else call_ids[0]
        return message
    return {"role": role, "content": value}
