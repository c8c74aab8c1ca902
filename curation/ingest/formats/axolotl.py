"""Axolotl dataset layouts: ``chat_template``, ``input_output`` and ``completion``.

* chat_template: ``messages`` (or ``conversations``) of role/content or from/value turns,
  with per-message ``train`` / ``training`` flags (mapped to ``weight``) or ``weight``;
  ``tools`` as a list or a JSON string. Tool-call arguments given as objects become
  OpenAI's JSON strings.
* input_output (template-free): ``segments`` of ``{"label": bool, "text": str}``: a
  segment with label false is a user turn (not trained on), true an assistant turn.
* completion: ``{"text": …}`` raw text, one assistant message.
"""

from __future__ import annotations

from typing import Any

from curation.errors import FieldError
from curation.ingest.formats.base import Format
from curation.ingest.formats.common import (
    parse_tools,
    require_key,
    require_object,
    require_str,
    type_name,
)
from curation.ingest.formats.notes import note
from curation.ingest.formats.sharegpt import ROLE_OF
from curation.ingest.formats.trl import from_trl_message
from curation.records import Message, Record, message_text

TRAIN_KEYS = ("train", "training")


def _has_flag(messages: Any) -> bool:
    """A train flag on a message, or a weight on a from/value turn (Axolotl's, not OpenAI's)."""
    return isinstance(messages, list) and any(
        isinstance(m, dict) and (any(k in m for k in TRAIN_KEYS) or ("weight" in m and "from" in m))
        for m in messages
    )


class AxolotlChat(Format):
    name = "axolotl-chat"
    label = "Axolotl chat_template (train flags per message)"
    rule = "`messages`/`conversations` whose messages carry a `train`/`training` flag (or from/value turns a `weight`)"
    example = '{"messages":[{"role":"user","content":"Hi","train":false},{"role":"assistant","content":"Hello!","train":true}]}'
    priority = 6

    def detect(self, obj: dict[str, Any]) -> bool:
        return _has_flag(obj.get("messages")) or _has_flag(obj.get("conversations"))

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        key = "messages" if "messages" in obj else "conversations"
        value = require_key(obj, key)
        if not isinstance(value, list) or not value:
            raise FieldError(key, f"expected a non-empty list of messages, got {type_name(value)}")
        messages = [_message(m, f"{key}[{i}]") for i, m in enumerate(value)]
        return Record(
            messages=messages,
            tools=parse_tools(obj.get("tools")),
            extra={k: v for k, v in obj.items() if k not in (key, "tools")},
        )

    def dump(self, record: Record) -> dict[str, Any]:
        out: dict[str, Any] = {"messages": [_flagged(m) for m in record.messages]}
        if record.tools:
            out["tools"] = record.tools
        return out


def _message(message: Any, field: str) -> Message:
    if not isinstance(message, dict):
        raise FieldError(field, f"expected a message object, got {type_name(message)}")
    out: Message = {}
    for k, v in message.items():
        if k == "from":
            if not isinstance(v, str) or v.lower() not in ROLE_OF:
                raise FieldError(f"{field}.from", f"unknown speaker {v!r}")
            out["role"] = ROLE_OF[v.lower()]
        elif k == "value":
            out["content"] = v
        elif k in TRAIN_KEYS:
            if not isinstance(v, bool):
                raise FieldError(f"{field}.{k}", f"expected true or false, got {type_name(v)}")
            out["weight"] = int(v)
            note(k, "messages", "mapped to weight")
        else:
            out[k] = v
    if not isinstance(out.get("role"), str):
        raise FieldError(f"{field}.role", "missing")
    content = out.get("content")
    if content is None and not out.get("tool_calls"):
        raise FieldError(f"{field}.content", "missing")
    if content is not None and not isinstance(content, str | list):
        raise FieldError(
            f"{field}.content", f"expected a string or parts, got {type_name(content)}"
        )
    return from_trl_message(out)


def _flagged(message: Message) -> Message:
    out = {k: v for k, v in message.items() if k != "weight"}
    if "weight" in message:
        out["train"] = bool(message["weight"])
    return out


class AxolotlInputOutput(Format):
    name = "axolotl-input-output"
    label = "Axolotl input_output (template-free segments)"
    rule = "`segments` of {label, text}"
    example = '{"segments":[{"label":false,"text":"<s>Hi "},{"label":true,"text":"Hello!</s>"}]}'
    priority = 5

    def detect(self, obj: dict[str, Any]) -> bool:
        return isinstance(obj.get("segments"), list)

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        segments = require_key(obj, "segments")
        if not isinstance(segments, list) or not segments:
            raise FieldError("segments", f"expected a non-empty list, got {type_name(segments)}")
        messages: list[Message] = []
        for i, seg in enumerate(segments):
            if not isinstance(seg, dict):
                raise FieldError(f"segments[{i}]", f"expected an object, got {type_name(seg)}")
            label = seg.get("label")
            if not isinstance(label, bool):
                raise FieldError(
                    f"segments[{i}].label", f"expected true or false, got {type_name(label)}"
                )
            text = require_str(seg.get("text"), f"segments[{i}].text", allow_empty=True)
            messages.append({"role": "assistant" if label else "user", "content": text})
        note("segments", "records", "label false → user turn, true → assistant turn; text verbatim")
        return Record(messages=messages, extra={k: v for k, v in obj.items() if k != "segments"})

    def dump(self, record: Record) -> dict[str, Any]:
        return {
            "segments": [
                {"label": m.get("role") == "assistant", "text": message_text(m)}
                for m in record.messages
            ]
        }


class AxolotlCompletion(Format):
    name = "axolotl-completion"
    label = "Axolotl completion (raw text)"
    rule = "a `text` key and nothing that names another layout"
    example = '{"text":"Once upon a time, a model learned to write."}'
    priority = -5

    def detect(self, obj: dict[str, Any]) -> bool:
        return isinstance(obj.get("text"), str) and not ({"messages", "conversations"} & set(obj))

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        text = require_str(require_key(obj, "text"), "text")
        return Record(
            messages=[{"role": "assistant", "content": text}],
            extra={k: v for k, v in obj.items() if k != "text"},
        )

    def dump(self, record: Record) -> dict[str, Any]:
        return {"text": "\n\n".join(message_text(m) for m in record.messages)}
