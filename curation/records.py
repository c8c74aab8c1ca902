"""Canonical in-memory types shared by every format, the store and every stage.

Messages stay plain dicts exactly as the source gave them (OpenAI chat shape:
``role``, ``content`` and whatever else the source had, such as ``tool_calls``,
``name`` or ``weight``), so a round trip through the workspace loses nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import orjson

Message = dict[str, Any]

ROLES = ("system", "developer", "user", "assistant", "tool", "function")


@dataclass(slots=True)
class Completion:
    """A candidate next turn. Usually one assistant message; a source may give several turns.

    ``label`` is unpaired (KTO) feedback on this completion: True desirable, False not,
    None when the source gave none.
    """

    messages: list[Message]
    source: str | None = None
    scores: dict[str, Any] = field(default_factory=dict)
    label: bool | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(message_text(m) for m in self.messages)


@dataclass(slots=True)
class Record:
    """One conversation with optional completions and preferences among them.

    ``rankings`` holds ``(better, worse)`` index pairs into ``completions``; a
    preference pair from a DPO/TRL/HH-RLHF source is ``[(0, 1)]`` with the chosen
    completion first. ``extra`` keeps any other top-level key of the source
    (``parallel_tool_calls``, RFT grader fields such as ``reference_answer``).
    """

    messages: list[Message]
    tools: list[Any] | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    completions: list[Completion] = field(default_factory=list)
    rankings: list[tuple[int, int]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def content_hash(self) -> str:
        """sha256 of the canonical JSON of everything that would reach a trainer."""
        return hashlib.sha256(canonical_json(self.hashable())).hexdigest()

    def hashable(self) -> dict[str, Any]:
        out = {
            "messages": self.messages,
            "tools": self.tools,
            "completions": [c.messages for c in self.completions],
            "rankings": [list(r) for r in self.rankings],
            "extra": self.extra,
        }
        labels = [c.label for c in self.completions]
        if any(label is not None for label in labels):
            out["labels"] = labels  # only then, so unlabelled records keep their hashes
        return out

    def pairs(self) -> Iterator[tuple[int, int, int | None]]:
        """All N(N-1)/2 completion pairs as ``(a, b, preferred)``; preferred is a, b or None."""
        ranked = set(self.rankings)
        for a, b in combinations(range(len(self.completions)), 2):
            if (a, b) in ranked:
                yield a, b, a
            elif (b, a) in ranked:
                yield a, b, b
            else:
                yield a, b, None


def canonical_json(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)


def json_text(value: Any) -> str:
    """A value as the workspace stores it in a JSON column (keys in the source's order)."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY).decode()


def message_text(message: Message) -> str:
    """The readable text of a message: string content, text parts, tool-call arguments."""
    content = message.get("content")
    if type(content) is str and not message.get("tool_calls") and not message.get("function_call"):
        return content  # the common case, and the same text as the general one below
    parts: list[str] = []
    if isinstance(content, str):
        parts.append(content)
    elif isinstance(content, list):
        parts.extend(part_text(p) for p in content)
    calls = message.get("tool_calls")
    for call in calls if isinstance(calls, list) else []:
        if isinstance(call, dict):
            fn = call.get("function") or {}
            if isinstance(fn, dict):
                args = fn.get("arguments")
                text = args if isinstance(args, str) else orjson.dumps(args).decode()
                parts.append(f"{fn.get('name', '')}({text})")
    fc = message.get("function_call")
    if isinstance(fc, dict):
        parts.append(f"{fc.get('name', '')}({fc.get('arguments', '')})")
    return "\n".join(p for p in parts if p)


def part_text(part: Any) -> str:
    if isinstance(part, str):
        return part
    if isinstance(part, dict):
        if isinstance(part.get("text"), str):
            return str(part["text"])
        kind = part.get("type", "part")
        return f"[{kind}]"
    return ""


def conversation_text(messages: Iterable[Message], roles: tuple[str, ...] = ROLES) -> str:
    return "\n\n".join(
        f"{m.get('role')}: {message_text(m)}" for m in messages if m.get("role") in roles
    )
