"""Anthropic HH-RLHF: two transcripts that share a prefix up to the last ``\\n\\nAssistant: ``."""

from __future__ import annotations

import re
from typing import Any

from curation.errors import FieldError
from curation.ingest.formats.base import Format
from curation.ingest.formats.common import require_key, require_object, require_str
from curation.records import Completion, Message, Record

HUMAN = "\n\nHuman: "
ASSISTANT = "\n\nAssistant: "
_TURN = re.compile(r"\n\n(Human|Assistant): ?")


def split_turns(text: str) -> list[Message]:
    """``\\n\\nHuman: a\\n\\nAssistant: b`` → user/assistant messages."""
    marks = list(_TURN.finditer(text))
    messages: list[Message] = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        role = "user" if m.group(1) == "Human" else "assistant"
        messages.append({"role": role, "content": text[m.end() : end].strip()})
    return messages


def transcript(messages: list[Message]) -> str:
    out = []
    for m in messages:
        marker = HUMAN if m.get("role") == "user" else ASSISTANT
        out.append(marker + str(m.get("content") or ""))
    return "".join(out)


class HHRLHF(Format):
    name = "hh-rlhf"
    label = "Anthropic HH-RLHF"
    rule = "`chosen` is a transcript starting with \\n\\nHuman:"
    example = '{"chosen":"\\n\\nHuman: Hi\\n\\nAssistant: Hello!","rejected":"\\n\\nHuman: Hi\\n\\nAssistant: Go away."}'
    priority = 8

    def detect(self, obj: dict[str, Any]) -> bool:
        chosen = obj.get("chosen")
        return isinstance(chosen, str) and chosen.startswith("\n\nHuman:") and "prompt" not in obj

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        chosen = require_str(require_key(obj, "chosen"), "chosen")
        rejected = require_str(require_key(obj, "rejected"), "rejected")
        for field, text in (("chosen", chosen), ("rejected", rejected)):
            if not text.startswith("\n\nHuman:"):
                raise FieldError(field, "expected a transcript starting with '\\n\\nHuman:'")
        common = _common_prefix(chosen, rejected)
        cut = common.rfind(ASSISTANT)
        if cut < 0:
            cut = common.rfind("\n\nAssistant:")
        if cut < 0:
            raise FieldError(
                "chosen", "chosen and rejected share no conversation before an assistant turn"
            )
        messages = split_turns(chosen[:cut])
        if not messages:
            raise FieldError("chosen", "no Human turn before the first Assistant turn")
        tails = [split_turns(text[cut:]) for text in (chosen, rejected)]
        return Record(
            messages=messages,
            completions=[
                Completion(tails[0], source="chosen"),
                Completion(tails[1], source="rejected"),
            ],
            rankings=[(0, 1)],
            extra={k: v for k, v in obj.items() if k not in ("chosen", "rejected")},
        )

    def dump(self, record: Record) -> dict[str, Any]:
        chosen, rejected = record.rankings[0] if record.rankings else (0, 1)
        prefix = transcript(record.messages)
        return {
            "chosen": prefix + transcript(record.completions[chosen].messages),
            "rejected": prefix + transcript(record.completions[rejected].messages),
        }


def _common_prefix(a: str, b: str) -> str:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return a[:i]
