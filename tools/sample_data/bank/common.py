"""Small helpers that keep the hand-written banks readable."""

from __future__ import annotations

import hashlib
import json
import re
import textwrap
from typing import Any


def t(text: str) -> str:
    """Dedent a triple-quoted block, strip the surrounding blank lines and unwrap its paragraphs.

    The banks are hard-wrapped for readability, but chat messages are not: lines of one paragraph,
    list item or quote are joined with spaces. Fenced code, tables, headings and the start of each
    list item stay on their own lines.
    """
    return unwrap(textwrap.dedent(text).strip("\n").rstrip())


_BLOCK_START = re.compile(r"^(\s*)([-*] |\d+\. |\||#|```|>)")


def unwrap(text: str) -> str:
    out: list[str] = []
    in_fence = False
    joinable = False  # may the next line continue the previous one?
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("```"):
            in_fence = not in_fence
            out.append(line)
            joinable = False
            continue
        if in_fence:
            out.append(line)
            continue
        if not stripped:
            out.append("")
            joinable = False
            continue
        if stripped.startswith(">") and out and out[-1].lstrip().startswith(">") and joinable:
            out[-1] += " " + stripped.lstrip("> ").strip()
            continue
        if joinable and not _BLOCK_START.match(line):
            out[-1] += " " + stripped
            continue
        out.append(line.rstrip())
        joinable = not stripped.startswith(("|", "#"))
    return "\n".join(out)


def U(text: str) -> dict[str, Any]:
    return {"role": "user", "content": t(text)}


def A(text: str, weight: int | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": t(text)}
    if weight is not None:
        message["weight"] = weight
    return message


def CALL(*calls: tuple[str, dict[str, Any]], content: str | None = None) -> dict[str, Any]:
    """An assistant turn that calls tools; ids are filled in by :func:`assign_call_ids`."""
    return {
        "role": "assistant",
        "content": content,
        "tool_calls": [
            {
                "id": "",
                "type": "function",
                "function": {"name": name, "arguments": json.dumps(args, ensure_ascii=False)},
            }
            for name, args in calls
        ],
    }


def RESULT(payload: Any) -> dict[str, Any]:
    """A tool result; answers the oldest tool call still waiting for one."""
    content = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    return {"role": "tool", "tool_call_id": "", "content": content}


def assign_call_ids(conv_id: str, messages: list[dict[str, Any]]) -> None:
    """Give every tool call a stable id and point each tool result at its call, in order."""
    pending: list[str] = []
    n = 0
    for message in messages:
        for call in message.get("tool_calls") or []:
            n += 1
            digest = hashlib.sha1(f"{conv_id}:{n}".encode()).hexdigest()[:24]
            call["id"] = f"call_{digest}"
            pending.append(call["id"])
        if message["role"] == "tool":
            if not pending:
                raise ValueError(f"{conv_id}: tool result without a pending call")
            message["tool_call_id"] = pending.pop(0)
    if pending:
        raise ValueError(f"{conv_id}: tool calls without results: {pending}")


def conv(
    cid: str,
    topic: str,
    messages: list[dict[str, Any]],
    *,
    tools: list[str] | None = None,
    pii: dict[str, list[str]] | None = None,
    negatives: list[str] | None = None,
    system: bool = True,
) -> dict[str, Any]:
    """One conversation of a bank with its planted PII and hard negatives (checked at build)."""
    return {
        "id": cid,
        "topic": topic,
        "messages": messages,
        "tools": tools,
        "pii": pii or {},
        "negatives": negatives or [],
        "system": system,
    }
