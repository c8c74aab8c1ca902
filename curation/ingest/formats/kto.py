"""TRL's unpaired preference (KTO) layout: ``prompt``, ``completion``, boolean ``label``.

Standard (strings) or conversational (message lists), as TRL's KTOTrainer reads it.
The completion becomes the record's one completion, carrying the label.
"""

from __future__ import annotations

from typing import Any

from curation.errors import CurationError, FieldError
from curation.ingest.formats.base import Format
from curation.ingest.formats.common import (
    messages_list,
    parse_tools,
    require_key,
    require_object,
    type_name,
)
from curation.ingest.formats.trl import from_trl_message, to_trl_message
from curation.records import Completion, Message, Record, message_text


class TRLKTO(Format):
    name = "trl-kto"
    label = "TRL unpaired preference (KTO)"
    rule = "`prompt` and `completion` with a boolean `label`"
    priority = 12
    example = '{"prompt":[{"role":"user","content":"Hi"}],"completion":[{"role":"assistant","content":"Hello!"}],"label":true}'

    def detect(self, obj: dict[str, Any]) -> bool:
        return "prompt" in obj and "completion" in obj and isinstance(obj.get("label"), bool)

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        label = require_key(obj, "label")
        if not isinstance(label, bool):
            raise FieldError("label", f"expected true or false, got {type_name(label)}")
        prompt = _side(require_key(obj, "prompt"), "prompt", "user")
        completion = _side(require_key(obj, "completion"), "completion", "assistant")
        return Record(
            messages=prompt,
            tools=parse_tools(obj.get("tools")),
            completions=[Completion(completion, source="label", label=label)],
            extra={
                k: v for k, v in obj.items() if k not in ("prompt", "completion", "label", "tools")
            },
        )

    def dump(self, record: Record, *, conversational: bool = True) -> dict[str, Any]:
        labelled = [c for c in record.completions if c.label is not None]
        if len(labelled) != 1:
            raise CurationError("a KTO row needs exactly one labelled completion")
        answer = labelled[0]
        if conversational:
            out: dict[str, Any] = {
                "prompt": [to_trl_message(m) for m in record.messages],
                "completion": [to_trl_message(m) for m in answer.messages],
                "label": answer.label,
            }
            if record.tools:
                out["tools"] = record.tools
            return out
        return {
            "prompt": "\n\n".join(message_text(m) for m in record.messages),
            "completion": answer.text,
            "label": answer.label,
        }


def _side(value: Any, field: str, role: str) -> list[Message]:
    if isinstance(value, str):
        if not value.strip():
            raise FieldError(field, "is empty")
        return [{"role": role, "content": value}]
    if isinstance(value, list):
        return [from_trl_message(m) for m in messages_list(value, field)]
    raise FieldError(field, f"expected a string or a list of messages, got {type_name(value)}")
