"""The AI judge's prompt and its answer: the messages sent for one pair in one order (the
campaign's guidelines and criteria, the conversation, Response A and Response B) and the
parsing of the JSON verdict that comes back (:mod:`curation.finetune.judge` runs the judge)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import orjson

from curation.errors import CurationError
from curation.records import Message, message_text

ANSWERS = {"A>>B": 2, "A>B": 1, "tie": 0, "B>A": -1, "B>>A": -2}
SYSTEM_PROMPT = (
    "You are an expert reviewer. You compare two candidate replies (Response A and "
    "Response B) to the last turn of a conversation, following the guidelines and criteria "
    "you are given. Judge the content only: the order in which the replies are shown and "
    "their length are not reasons to prefer one. Answer with one JSON object and nothing "
    'else: {"choice": "A>>B" | "A>B" | "tie" | "B>A" | "B>>A", "both_bad": true | false, '
    '"rationale": "one or two sentences"}. A>>B means A is much better, A>B somewhat '
    "better; both_bad is true when neither reply is acceptable."
)


@dataclass(slots=True)
class Answer:
    """One parsed reply of the judge, on the order it was shown (A = shown first)."""

    choice: int | None
    both_bad: bool
    rationale: str


def build_messages(
    guidelines: str,
    criteria: list[str],
    conversation: list[Message],
    first: list[Message],
    second: list[Message],
) -> list[dict[str, str]]:
    """The chat request: guidelines and criteria, the conversation, then the two replies."""
    parts = []
    if guidelines.strip():
        parts.append(f"## Guidelines\n{guidelines.strip()}")
    if criteria:
        parts.append("## Criteria\n" + "\n".join(f"- {c}" for c in criteria))
    parts.append("## Conversation\n" + _transcript(conversation))
    parts.append("## Response A\n" + _transcript(first, roles=False))
    parts.append("## Response B\n" + _transcript(second, roles=False))
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": "\n\n".join(parts)},
    ]


def _transcript(messages: list[Message], *, roles: bool = True) -> str:
    if not roles and len(messages) == 1:
        return message_text(messages[0])
    return "\n\n".join(f"[{m.get('role')}] {message_text(m)}" for m in messages)


_JSON = re.compile(r"\{.*\}", re.S)
_CHOICE = re.compile(r"\b(A\s*>>\s*B|A\s*>\s*B|B\s*>>\s*A|B\s*>\s*A|tie)\b", re.I)


def parse_answer(text: str) -> Answer:
    """The judge's JSON answer; a bare ``A>B``-style verdict in prose is accepted too."""
    match = _JSON.search(text or "")
    if match:
        try:
            data = orjson.loads(match.group(0))
        except orjson.JSONDecodeError:
            data = None
        if isinstance(data, dict):
            both_bad = data.get("both_bad") is True
            raw = str(data.get("choice", "")).replace(" ", "").replace("≫", ">>")
            choice = _choice_of(raw)
            if choice is not None or both_bad:
                return Answer(
                    None if both_bad else choice, both_bad, str(data.get("rationale", ""))
                )
    found = _CHOICE.search(text or "")
    if found:
        return Answer(
            _choice_of(found.group(1).replace(" ", "")), False, (text or "").strip()[:500]
        )
    raise CurationError(f"the judge's answer has no verdict: {(text or '')[:120]!r}")


def _choice_of(raw: str) -> int | None:
    for name, value in ANSWERS.items():
        if raw.lower() == name.lower():
            return value
    return None
