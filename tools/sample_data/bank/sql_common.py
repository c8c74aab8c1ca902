"""The SQL assistant's system prompt and the ranking helper."""

from __future__ import annotations

from typing import Any

from .common import conv, t

SQL_SYSTEM = t(
    """
    You are a SQL assistant for analysts and backend developers. Answer in Markdown, with queries in
    fenced ```sql blocks. Say which database an answer targets (PostgreSQL or SQLite) when syntax or
    behaviour differs, mention versions where a feature is recent, and explain why a query is correct
    and how it performs, not just what to type.
    """
)

CRITERIA = ["correctness", "efficiency", "explanation"]


def ranked(
    cid: str,
    topic: str,
    messages: list[dict[str, Any]],
    completions: list[tuple[str, float]],
    *,
    pii: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    """A SQL question with 2-4 candidate answers, each with a quality score (0-10)."""
    if not 2 <= len(completions) <= 4:
        raise ValueError(f"{cid}: needs 2-4 completions")
    record = conv(cid, topic, messages, pii=pii)
    record["completions"] = [t(text) for text, _ in completions]
    record["scores"] = [score for _, score in completions]
    return record
