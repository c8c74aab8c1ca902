"""TRL preference datasets: standard (strings) or conversational (message lists), explicit or implicit prompt.

TRL's tool-call ``arguments`` are dicts; OpenAI's are JSON strings. Records are kept
in the OpenAI shape, so arguments are turned into strings on import and back on export.
"""

from __future__ import annotations

import contextlib
import copy
from typing import Any

import orjson

from curation.errors import CurationError, FieldError
from curation.ingest.formats.base import Format
from curation.ingest.formats.common import (
    messages_list,
    require_key,
    require_object,
    tools_list,
    type_name,
)
from curation.records import Completion, Message, Record, conversation_text, message_text


class TRLPreference(Format):
    name = "trl-preference"
    label = "TRL preference"
    rule = "`chosen` and `rejected` (strings or message lists)"
    example = '{"prompt":"Hi","chosen":"Hello!","rejected":"Go away."}'
    priority = 5

    def detect(self, obj: dict[str, Any]) -> bool:
        return "chosen" in obj and "rejected" in obj

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        chosen = require_key(obj, "chosen")
        rejected = require_key(obj, "rejected")
        if "prompt" in obj:
            messages = _prompt_messages(obj["prompt"])
            chosen_msgs = _side(chosen, "chosen")
            rejected_msgs = _side(rejected, "rejected")
        else:
            messages, chosen_msgs, rejected_msgs = _implicit(chosen, rejected)
        extra = {k: v for k, v in obj.items() if k not in ("prompt", "chosen", "rejected", "tools")}
        return Record(
            messages=messages,
            tools=tools_list(obj.get("tools")),
            completions=[
                Completion(chosen_msgs, source="chosen"),
                Completion(rejected_msgs, source="rejected"),
            ],
            rankings=[(0, 1)],
            extra=extra,
        )

    def dump(self, record: Record, *, conversational: bool = True) -> dict[str, Any]:
        if len(record.completions) != 2:
            raise CurationError("a preference row needs exactly two completions")
        chosen, rejected = record.rankings[0] if record.rankings else (0, 1)
        c_msgs = record.completions[chosen].messages
        r_msgs = record.completions[rejected].messages
        if conversational:
            out: dict[str, Any] = {
                "prompt": [to_trl_message(m) for m in record.messages],
                "chosen": [to_trl_message(m) for m in c_msgs],
                "rejected": [to_trl_message(m) for m in r_msgs],
            }
            if record.tools:
                out["tools"] = record.tools
            return out
        prompt = (
            message_text(record.messages[-1])
            if len(record.messages) == 1
            else conversation_text(record.messages)
        )
        return {
            "prompt": prompt,
            "chosen": "\n\n".join(message_text(m) for m in c_msgs),
            "rejected": "\n\n".join(message_text(m) for m in r_msgs),
        }


def _prompt_messages(value: Any) -> list[Message]:
    if isinstance(value, str):
        if not value.strip():
            raise FieldError("prompt", "is empty")
        return [{"role": "user", "content": value}]
    if isinstance(value, list):
        return [from_trl_message(m) for m in messages_list(value, "prompt")]
    raise FieldError("prompt", f"expected a string or a list of messages, got {type_name(value)}")


def _side(value: Any, field: str) -> list[Message]:
    if isinstance(value, str):
        return [{"role": "assistant", "content": value}]
    if isinstance(value, list):
        return [from_trl_message(m) for m in messages_list(value, field)]
    raise FieldError(field, f"expected a string or a list of messages, got {type_name(value)}")


def _implicit(chosen: Any, rejected: Any) -> tuple[list[Message], list[Message], list[Message]]:
    """No ``prompt``: the common prefix of chosen and rejected is the prompt."""
    if isinstance(chosen, list) and isinstance(rejected, list):
        c = [from_trl_message(m) for m in messages_list(chosen, "chosen")]
        r = [from_trl_message(m) for m in messages_list(rejected, "rejected")]
        n = 0
        while n < min(len(c), len(r)) - 1 and c[n] == r[n]:
            n += 1
        while n > 0 and c[n - 1].get("role") == "assistant" and c[n].get("role") != "assistant":
            n -= 1
        if n == 0:
            raise FieldError(
                "chosen", "chosen and rejected share no prompt messages (implicit prompt)"
            )
        return c[:n], c[n:], r[n:]
    if isinstance(chosen, str) and isinstance(rejected, str):
        prefix = _common_text_prefix(chosen, rejected)
        if not prefix.strip():
            raise FieldError("prompt", "missing, and chosen and rejected share no common prefix")
        return (
            [{"role": "user", "content": prefix.rstrip()}],
            [{"role": "assistant", "content": chosen[len(prefix) :]}],
            [{"role": "assistant", "content": rejected[len(prefix) :]}],
        )
    raise FieldError(
        "rejected", "chosen and rejected must both be strings or both be message lists"
    )


def _common_text_prefix(a: str, b: str) -> str:
    n = 0
    limit = min(len(a), len(b))
    while n < limit and a[n] == b[n]:
        n += 1
    cut = max(a.rfind(" ", 0, n), a.rfind("\n", 0, n))
    return a[: cut + 1] if cut >= 0 and n < limit else a[:n]


def from_trl_message(message: Message) -> Message:
    """TRL's dict arguments become OpenAI's JSON-string arguments."""
    calls = message.get("tool_calls")
    if not calls or not isinstance(calls, list):
        return message  # kept verbatim; validation reports a malformed tool_calls
    out = copy.deepcopy(message)
    for call in out["tool_calls"]:
        fn = call.get("function") if isinstance(call, dict) else None
        if isinstance(fn, dict) and not isinstance(fn.get("arguments"), str):
            fn["arguments"] = orjson.dumps(fn.get("arguments", {})).decode()
        if isinstance(call, dict):
            call.setdefault("type", "function")
    return out


def to_trl_message(message: Message) -> Message:
    """OpenAI's JSON-string arguments become TRL's dicts."""
    calls = message.get("tool_calls")
    out = {k: v for k, v in message.items() if k != "weight"}
    if not calls or not isinstance(calls, list):
        return out
    out = copy.deepcopy(out)
    for call in out["tool_calls"]:
        fn = call.get("function") if isinstance(call, dict) else None
        if isinstance(fn, dict) and isinstance(fn.get("arguments"), str):
            with contextlib.suppress(orjson.JSONDecodeError):
                fn["arguments"] = orjson.loads(fn["arguments"])
    return out
