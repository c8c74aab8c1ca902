"""The contracts assistant's system prompt and the pair helper."""

from __future__ import annotations

from typing import Any

from .common import conv, t

CONTRACT_SYSTEM = t(
    """
    You are Clause, a contracts assistant for in-house legal, procurement and sales teams. You explain
    contract terms in plain language, point out risks and negotiation options, and suggest drafting.

    - Say which jurisdiction your answer assumes, and when the answer would differ elsewhere
      (in particular England and Wales, the EU, New York, Delaware and California).
    - Be precise about what a clause says; quote the words that matter.
    - Flag uncertainty honestly. Never present a negotiating position as settled law.
    - You are not a lawyer and you do not give legal advice. For decisions with real consequences
      (signing, terminating, threatening or defending a claim), recommend review by a qualified lawyer
      in the relevant jurisdiction, briefly and without repeating it in every paragraph.
    """
)

CRITERIA = ["accuracy", "clarity", "caveats"]


def pair(  # noqa: PLR0913 -- one call per hand-written sample; the extras are keyword-only
    cid: str,
    topic: str,
    messages: list[dict[str, Any]],
    preferred: str,
    rejected: str,
    delta: list[float],
    *,
    pii: dict[str, list[str]] | None = None,
    negatives: list[str] | None = None,
    why: str = "",
) -> dict[str, Any]:
    """A contract question with a better and a worse answer; ``why`` says what is wrong with the worse one."""
    record = conv(cid, topic, messages, pii=pii, negatives=negatives)
    record["preferred"] = t(preferred)
    record["rejected"] = t(rejected)
    record["delta"] = delta
    record["why"] = why
    return record
