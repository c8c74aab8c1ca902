"""LLaMA-Factory's own layouts, beyond plain Alpaca and ShareGPT.

* ShareGPT preference: ``conversations`` plus ``chosen`` and ``rejected`` given as single
  ``{"from", "value"}`` messages (``dpo_en_demo.json``).
* KTO: ``messages`` (or ``conversations``) plus a boolean ``label`` (``kto_en_demo.json``):
  the closing assistant turn is a completion carrying the label.
* Tagged messages: ``messages`` whose roles are LLaMA-Factory tags (``function_call``,
  ``observation``) or whose ``tools`` is a JSON string (``reason_tool_use_demo``).
* v1: ``messages`` / ``chosen_messages`` / ``rejected_messages``, content parts
  ``{"type": "text", "value": …}``, ``reasoning`` parts and ``loss_weight`` per message.

Every record is kept in the OpenAI chat shape; reasoning goes to the message's
``reasoning_content`` (never into the answer) and each mapping is counted (:mod:`notes`).
"""

from __future__ import annotations

from typing import Any

import orjson

from curation.errors import CurationError, FieldError
from curation.ingest.formats.base import Format
from curation.ingest.formats.common import parse_tools, require_key, require_object, type_name
from curation.ingest.formats.notes import note
from curation.ingest.formats.sharegpt import ShareGPT, sharegpt_turn
from curation.records import Completion, Message, Record, message_text

LF_ROLE_TAGS = frozenset({"function_call", "observation", "human", "gpt"})


def lf_messages(value: Any, field: str) -> list[Message]:
    """A LLaMA-Factory message list (role/content or from/value, parts, tags) in OpenAI shape."""
    if not isinstance(value, list) or not value:
        raise FieldError(field, f"expected a non-empty list of messages, got {type_name(value)}")
    call_ids: list[str] = []
    return [lf_message(m, f"{field}[{i}]", i, call_ids) for i, m in enumerate(value)]


def lf_message(message: Any, field: str, index: int, call_ids: list[str]) -> Message:
    if not isinstance(message, dict):
        raise FieldError(field, f"expected a message object, got {type_name(message)}")
    role = message.get("role", message.get("from"))
    if role is None:
        raise FieldError(f"{field}.{'from' if 'value' in message else 'role'}", "missing")
    content = message.get("content", message.get("value"))
    openai_call = content is None and bool(message.get("tool_calls"))
    if openai_call:
        content = ""  # an OpenAI tool-call turn: its calls are copied below
    reasoning: list[str] = []
    calls: list[dict[str, Any]] = []
    if isinstance(content, list):
        content = _parts(content, f"{field}.content", reasoning, calls, index)
    if not isinstance(content, str | list):
        raise FieldError(
            f"{field}.content", f"expected a string or parts, got {type_name(content)}"
        )
    text = content if isinstance(content, str) else ""
    out = sharegpt_turn({"from": role, "value": text}, field, index, call_ids)
    if isinstance(content, list):
        out["content"] = content  # non-text parts (images, …) kept as the source gave them
    elif out.get("role") == "assistant" and "<think>" in content:
        note("<think>", "assistant messages", "inline in the answer: kept as the source wrote it")
    if openai_call:
        out["content"] = None
    if calls:
        out = {"role": "assistant", "content": content or None, "tool_calls": calls}
        call_ids[:] = [c["id"] for c in calls]
    if reasoning:
        out["reasoning_content"] = "\n\n".join(reasoning)
    for key, value in message.items():
        if key in ("role", "from", "content", "value"):
            continue
        if key == "loss_weight":
            out["weight"] = _weight(value, f"{field}.loss_weight")
        elif key == "reasoning_content" and isinstance(value, str):
            out["reasoning_content"] = value
        else:
            out[key] = value
    return out


def _weight(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError(field, f"expected a number, got {type_name(value)}")
    if value in (0, 1):
        note("loss_weight", "messages", "mapped to weight")
    else:
        note("loss_weight", "messages", "not 0 or 1: mapped to weight 1 (trained)")
    return 0 if value == 0 else 1


def _parts(
    parts: list[Any], field: str, reasoning: list[str], calls: list[dict[str, Any]], index: int
) -> str | list[Any]:
    """v1 content parts: text joined, reasoning set apart, tool calls lifted, others kept."""
    texts: list[str] = []
    others: list[Any] = []
    for i, part in enumerate(parts):
        if not isinstance(part, dict):
            raise FieldError(f"{field}[{i}]", f"expected a part object, got {type_name(part)}")
        kind = part.get("type")
        value = part.get("value", part.get("text"))
        if kind == "text" and isinstance(value, str):
            texts.append(value)
        elif kind in ("reasoning", "thinking") and isinstance(value, str):
            reasoning.append(value)
            note(str(kind), "content parts", "kept apart as reasoning_content")
        elif kind in ("tool_call", "function_call") and isinstance(value, str | dict):
            calls.append(_tool_call(value, f"{field}[{i}].value", f"call_{index}_{i}"))
        else:
            others.append(part)
    if others:
        return [{"type": "text", "text": t} for t in texts] + others
    return "\n".join(texts)


def _tool_call(value: str | dict[str, Any], field: str, call_id: str) -> dict[str, Any]:
    call = value
    if isinstance(value, str):
        try:
            call = orjson.loads(value)
        except orjson.JSONDecodeError as exc:
            raise FieldError(field, "a tool call that is not valid JSON") from exc
    if not isinstance(call, dict) or not isinstance(call.get("name"), str):
        raise FieldError(field, "expected a tool call with a name")
    args = call.get("arguments", {})
    return {
        "id": call_id,
        "type": "function",
        "function": {
            "name": call["name"],
            "arguments": args if isinstance(args, str) else orjson.dumps(args).decode(),
        },
    }


def _extra(obj: dict[str, Any], used: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if k not in used}


def _split_last_turn(messages: list[Message], field: str) -> tuple[list[Message], Message]:
    if len(messages) < 2 or messages[-1].get("role") != "assistant":
        raise FieldError(field, "expected the conversation to end with an assistant message")
    return messages[:-1], messages[-1]


class LFPreference(Format):
    """``conversations`` + ``chosen``/``rejected`` as single ShareGPT messages."""

    name = "llamafactory-preference"
    label = "LLaMA-Factory preference (ShareGPT)"
    rule = "`conversations`/`messages` with `chosen`/`rejected` as single message objects"
    priority = 12
    example = '{"conversations":[{"from":"human","value":"Hi"}],"chosen":{"from":"gpt","value":"Hello!"},"rejected":{"from":"gpt","value":"Go away."}}'

    def detect(self, obj: dict[str, Any]) -> bool:
        return (
            ("conversations" in obj or "messages" in obj)
            and isinstance(obj.get("chosen"), dict)
            and isinstance(obj.get("rejected"), dict)
        )

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        key = "conversations" if "conversations" in obj else "messages"
        messages = lf_messages(require_key(obj, key), key)
        system = obj.get("system")
        if isinstance(system, str) and system.strip():
            messages.insert(0, {"role": "system", "content": system})
        sides = []
        for side in ("chosen", "rejected"):
            value = require_key(obj, side)
            if not isinstance(value, dict):
                raise FieldError(side, f"expected one message object, got {type_name(value)}")
            sides.append(Completion([lf_message(value, side, len(messages), [])], source=side))
        return Record(
            messages=messages,
            tools=parse_tools(obj.get("tools")),
            completions=sides,
            rankings=[(0, 1)],
            extra=_extra(obj, (key, "system", "tools", "chosen", "rejected")),
        )

    def dump(self, record: Record) -> dict[str, Any]:
        if len(record.completions) < 2:
            raise CurationError("a preference row needs two completions")
        chosen, rejected = record.rankings[0] if record.rankings else (0, 1)
        out = ShareGPT().dump(record)
        for side, index in (("chosen", chosen), ("rejected", rejected)):
            msgs = record.completions[index].messages
            out[side] = {"from": "gpt", "value": "\n\n".join(message_text(m) for m in msgs)}
        return _with_extra(out, record)


class LFKTO(Format):
    """``messages`` + boolean ``label``: the closing assistant turn is the labelled completion."""

    name = "llamafactory-kto"
    label = "LLaMA-Factory KTO (messages + label)"
    rule = "`messages`/`conversations` with a boolean `label`"
    priority = 12
    example = '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"}],"label":true}'

    def detect(self, obj: dict[str, Any]) -> bool:
        return ("messages" in obj or "conversations" in obj) and isinstance(obj.get("label"), bool)

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        key = "messages" if "messages" in obj else "conversations"
        label = require_key(obj, "label")
        if not isinstance(label, bool):
            raise FieldError("label", f"expected true or false, got {type_name(label)}")
        messages = lf_messages(require_key(obj, key), key)
        system = obj.get("system")
        if isinstance(system, str) and system.strip():
            messages.insert(0, {"role": "system", "content": system})
        prompt, answer = _split_last_turn(messages, key)
        return Record(
            messages=prompt,
            tools=parse_tools(obj.get("tools")),
            completions=[Completion([answer], source="label", label=label)],
            extra=_extra(obj, (key, "system", "tools", "label")),
        )

    def dump(self, record: Record) -> dict[str, Any]:
        labelled = [c for c in record.completions if c.label is not None]
        if len(labelled) != 1:
            raise CurationError("a KTO row needs exactly one labelled completion")
        messages = [_plain(m) for m in record.messages + labelled[0].messages]
        out: dict[str, Any] = {"messages": messages, "label": labelled[0].label}
        return _with_extra(out, record)


class LFMessages(Format):
    """``messages`` with LLaMA-Factory tags or a JSON-string ``tools`` (OpenAI chat otherwise)."""

    name = "llamafactory-messages"
    label = "LLaMA-Factory messages (tags, tools as JSON string)"
    rule = (
        "`messages` with LLaMA-Factory role tags (function_call, observation) or from/value turns"
    )
    priority = 3
    example = '{"messages":[{"role":"user","content":"Weather?"},{"role":"function_call","content":"{\\"name\\":\\"w\\",\\"arguments\\":{}}"},{"role":"observation","content":"sunny"},{"role":"assistant","content":"Sunny."}],"tools":"[]"}'

    def detect(self, obj: dict[str, Any]) -> bool:
        messages = obj.get("messages")
        if "messages" not in obj or "chosen_messages" in obj:
            return False
        # A JSON-string ``tools`` alone does not make a line LLaMA-Factory's: OpenAI chat
        # lines carry them too (and read them as well), with tool_calls this layout lacks.
        return isinstance(messages, list) and any(
            isinstance(m, dict) and (m.get("role") in LF_ROLE_TAGS or "from" in m) for m in messages
        )

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        messages = lf_messages(require_key(obj, "messages"), "messages")
        system = obj.get("system")
        if isinstance(system, str) and system.strip():
            messages.insert(0, {"role": "system", "content": system})
        return Record(
            messages=messages,
            tools=parse_tools(obj.get("tools")),
            extra=_extra(obj, ("messages", "system", "tools")),
        )

    def dump(self, record: Record) -> dict[str, Any]:
        out: dict[str, Any] = {"messages": [_plain(m) for m in record.messages]}
        return _with_extra(out, record)


class LFv1(Format):
    """v1: ``messages`` or ``chosen_messages``/``rejected_messages``, parts with ``value``."""

    name = "llamafactory-v1"
    label = "LLaMA-Factory v1 (parts with value, reasoning, loss_weight)"
    rule = "`chosen_messages`/`rejected_messages`, or messages with `value` parts / `loss_weight`"
    priority = 11
    example = '{"messages":[{"role":"user","content":[{"type":"text","value":"2+2?"}]},{"role":"assistant","content":[{"type":"reasoning","value":"add"},{"type":"text","value":"4"}],"loss_weight":1.0}]}'

    def detect(self, obj: dict[str, Any]) -> bool:
        if "chosen_messages" in obj and "rejected_messages" in obj:
            return True
        messages = obj.get("messages")
        return isinstance(messages, list) and any(_v1_message(m) for m in messages)

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        tools = parse_tools(obj.get("tools"))
        if "chosen_messages" in obj or "rejected_messages" in obj:
            chosen = lf_messages(require_key(obj, "chosen_messages"), "chosen_messages")
            rejected = lf_messages(require_key(obj, "rejected_messages"), "rejected_messages")
            prompt = obj.get("messages")
            if prompt is not None:
                messages = lf_messages(prompt, "messages")
            else:
                n = 0
                while n < min(len(chosen), len(rejected)) - 1 and chosen[n] == rejected[n]:
                    n += 1
                if n == 0:
                    raise FieldError("chosen_messages", "shares no prompt with rejected_messages")
                messages, chosen, rejected = chosen[:n], chosen[n:], rejected[n:]
            return Record(
                messages=messages,
                tools=tools,
                completions=[
                    Completion(chosen, source="chosen"),
                    Completion(rejected, source="rejected"),
                ],
                rankings=[(0, 1)],
                extra=_extra(obj, ("messages", "chosen_messages", "rejected_messages", "tools")),
            )
        return Record(
            messages=lf_messages(require_key(obj, "messages"), "messages"),
            tools=tools,
            extra=_extra(obj, ("messages", "tools")),
        )

    def dump(self, record: Record) -> dict[str, Any]:
        out: dict[str, Any]
        if record.completions:
            chosen, rejected = record.rankings[0] if record.rankings else (0, 1)
            prompt = [_v1(m) for m in record.messages]
            out = {
                "chosen_messages": prompt + [_v1(m) for m in record.completions[chosen].messages],
                "rejected_messages": prompt
                + [_v1(m) for m in record.completions[rejected].messages],
            }
        else:
            out = {"messages": [_v1(m) for m in record.messages]}
        return _with_extra(out, record)


def _with_extra(out: dict[str, Any], record: Record) -> dict[str, Any]:
    """``tools`` as the JSON string LLaMA-Factory reads, then the source's other keys."""
    if record.tools:
        out["tools"] = orjson.dumps(record.tools).decode()
    for key, value in record.extra.items():
        out.setdefault(key, value)
    return out


def lf_sharegpt(record: Record) -> dict[str, Any]:
    """A conversation as LLaMA-Factory's ShareGPT: human/gpt turns, function_call (one call,
    or a list for parallel calls) and observation tags, ``system`` and ``tools`` apart."""
    convs: list[dict[str, str]] = []
    system: str | None = None
    for m in record.messages:
        role = m.get("role")
        if role in ("system", "developer") and system is None and not convs:
            system = message_text(m)
            continue
        calls = m.get("tool_calls")
        if isinstance(calls, list) and calls:
            values = [_call_value(c) for c in calls]
            value = values[0] if len(values) == 1 else values
            convs.append({"from": "function_call", "value": orjson.dumps(value).decode()})
        elif role == "tool":
            convs.append({"from": "observation", "value": message_text(m)})
        else:
            tag = {"user": "human", "assistant": "gpt"}.get(str(role), str(role))
            convs.append({"from": tag, "value": message_text(m)})
    out: dict[str, Any] = {"conversations": convs}
    if system is not None:
        out["system"] = system
    if record.tools:
        out["tools"] = orjson.dumps(record.tools).decode()
    return out


def _call_value(call: Any) -> dict[str, Any]:
    fn = call.get("function", {}) if isinstance(call, dict) else {}
    args = fn.get("arguments", "{}")
    try:
        parsed = orjson.loads(args) if isinstance(args, str) else args
    except orjson.JSONDecodeError:
        parsed = args
    return {"name": fn.get("name", ""), "arguments": parsed}


def _v1_message(message: Any) -> bool:
    if not isinstance(message, dict):
        return False
    if "loss_weight" in message:
        return True
    content = message.get("content")
    return isinstance(content, list) and any(
        isinstance(p, dict) and ("value" in p or p.get("type") == "reasoning") for p in content
    )


def _plain(message: Message) -> Message:
    """A message as LLaMA-Factory's ``messages`` layout takes it: role and content strings."""
    role = str(message.get("role"))
    if message.get("tool_calls"):
        values = [_call_value(c) for c in message["tool_calls"]]
        value = orjson.dumps(values[0] if len(values) == 1 else values).decode()
        return {"role": "function_call", "content": value}
    if role == "tool":
        return {"role": "observation", "content": message_text(message)}
    out: Message = {"role": role, "content": message_text(message)}
    if "weight" in message:
        out["loss_weight"] = float(message["weight"])
    return out


def _v1(message: Message) -> Message:
    parts: list[dict[str, Any]] = []
    if message.get("reasoning_content"):
        parts.append({"type": "reasoning", "value": message["reasoning_content"]})
    for call in message.get("tool_calls") or []:
        parts.append({"type": "tool_call", "value": orjson.dumps(_call_value(call)).decode()})
    content = message.get("content")
    if isinstance(content, list):
        for part in content:
            if isinstance(part, dict) and part.get("type") == "text" and "text" in part:
                parts.append({"type": "text", "value": part["text"]})
            else:
                parts.append(part)  # an image or other part, as the source gave it
    elif content or not parts:
        parts.append({"type": "text", "value": content or ""})
    out: Message = {"role": message.get("role"), "content": parts}
    if "weight" in message:
        out["loss_weight"] = float(message["weight"])
    return out
