"""Honesty on the way in: what an importer did with fields it does not simply keep.

A format's parser calls :func:`note` while it maps a field (``loss_weight`` → ``weight``,
``tools`` given as a JSON string, ``reasoning`` parts moved apart); :func:`survey` then
counts what is left that nothing in the product understands (an unknown top-level key,
message field or content-part type), so a report can say so per file. Nothing is ever
dropped without a count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from typing import Any

from curation.records import Message, Record

# (field, where, action) → how many times
NoteKey = tuple[str, str, str]

MESSAGE_FIELDS = frozenset(
    {
        "role",
        "content",
        "name",
        "weight",
        "tool_calls",
        "tool_call_id",
        "function_call",
        "refusal",
        "reasoning_content",
    }
)
PART_TYPES = frozenset({"text", "image_url", "input_audio", "file"})

# The notes of the parse in progress: (key, count) pairs, counted once the record parsed.
_current: ContextVar[list[tuple[NoteKey, int]] | None] = ContextVar("format_notes", default=None)


@dataclass(frozen=True, slots=True)
class FieldNote:
    """``field`` seen on ``count`` ``where`` (records, messages, parts) and what was done."""

    field: str
    where: str
    action: str
    count: int

    def __str__(self) -> str:
        return f"`{self.field}` on {self.count:,} {self.where}: {self.action}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def note(field: str, where: str, action: str, n: int = 1) -> None:
    """Count one mapping decision in the collector of the parse in progress (if any)."""
    pending = _current.get()
    if pending is not None:
        pending.append(((field, where, action), n))


@contextmanager
def collecting(pending: list[tuple[NoteKey, int]] | None) -> Iterator[None]:
    token = _current.set(pending)
    try:
        yield
    finally:
        _current.reset(token)


def survey(record: Record, counter: Counter[NoteKey], *, extra_action: str | None) -> None:
    """Count what a parsed record carries that the product keeps but does not use."""
    if extra_action is not None:
        for key in record.extra:
            counter[(str(key), "records", extra_action)] += 1
    for message in record.messages:
        _survey_message(message, counter)
    for completion in record.completions:
        for message in completion.messages:
            _survey_message(message, counter)


def _survey_message(message: Message, counter: Counter[NoteKey]) -> None:
    if not message.keys() <= MESSAGE_FIELDS:
        for key in message.keys() - MESSAGE_FIELDS:
            counter[(str(key), "messages", "kept on the message, not shown")] += 1
    if message.get("reasoning_content"):
        counter[("reasoning_content", "messages", "kept apart from the answer")] += 1
    content = message.get("content")
    if isinstance(content, list):
        for part in content:
            kind = part.get("type") if isinstance(part, dict) else None
            if isinstance(kind, str) and kind not in PART_TYPES:
                counter[(kind, "content parts", "kept, shown as a placeholder")] += 1


def field_notes(counter: Counter[NoteKey]) -> list[FieldNote]:
    """The counts as notes, most frequent first."""
    return [
        FieldNote(f, w, a, n)
        for (f, w, a), n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
