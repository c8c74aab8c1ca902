"""What training on a file would bill: OpenAI's default epoch count and the token cost.

The epoch heuristic is the cookbook's: 3 epochs, clamped so examples × epochs lies in
100…25,000. Each example is billed up to the model's context limit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from curation.ingest.tokens import context_limit

# Cookbook epoch heuristic: 3 epochs, clamped so examples × epochs lies in 100…25,000.
TARGET_EPOCHS = 3
MIN_TARGET_EXAMPLES = 100
MAX_TARGET_EXAMPLES = 25_000
MIN_EPOCHS = 1
MAX_EPOCHS = 25


@dataclass(frozen=True, slots=True)
class CostEstimate:
    """What training on these examples would bill, with OpenAI's default epoch count."""

    n_examples: int
    n_epochs: int | None
    billed_tokens: int
    training_tokens: int
    context_limit: int
    price_per_million: float | None
    usd: float | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "n_examples": self.n_examples,
            "n_epochs": self.n_epochs,
            "billed_tokens": self.billed_tokens,
            "training_tokens": self.training_tokens,
            "context_limit": self.context_limit,
            "price_per_million": self.price_per_million,
            "estimated_cost_usd": self.usd,
        }


def estimate_cost(
    tokens: Sequence[int] | np.ndarray,
    model: str = "gpt-4.1",
    price_per_million: float | None = None,
) -> CostEstimate:
    """Cost of training on examples of these token counts (each capped at the model's context)."""
    counts = np.asarray(tokens, dtype=np.int64)
    limit = context_limit(model)
    billed = int(np.minimum(counts, limit).sum()) if counts.size else 0
    return cost_of(int(counts.size), billed, limit, price_per_million)


def cost_of(
    n_examples: int, billed: int, limit: int, price_per_million: float | None
) -> CostEstimate:
    """The estimate for ``n_examples`` examples billed ``billed`` tokens in one epoch."""
    epochs = default_epochs(n_examples)
    training = billed * (epochs or 0)
    usd = None if price_per_million is None else training * price_per_million / 1e6
    return CostEstimate(n_examples, epochs, billed, training, limit, price_per_million, usd)


def default_epochs(n_examples: int) -> int | None:
    """OpenAI's default epoch count for a training file of this size (None when empty)."""
    if n_examples <= 0:
        return None
    if n_examples * TARGET_EPOCHS < MIN_TARGET_EXAMPLES:
        return min(MAX_EPOCHS, math.ceil(MIN_TARGET_EXAMPLES / n_examples))
    if n_examples * TARGET_EPOCHS > MAX_TARGET_EXAMPLES:
        return max(MIN_EPOCHS, MAX_TARGET_EXAMPLES // n_examples)
    return TARGET_EPOCHS
