"""A tiny deterministic encoder and conversation builders for the dedup tests."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import numpy as np

from curation.dedup import Encoders


class FakeEncoder:
    """Bag of hashed words: cosine ≈ shared vocabulary. Counts what it was asked to encode."""

    def __init__(self, name: str = "fake", dim: int = 512) -> None:
        self.name = name
        self.dim = dim
        self.calls = 0
        self.texts = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        self.texts += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.split():
                h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "little")
                out[i, h % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1
        return out / norms


def fake_encoders(cascade: bool = False) -> Encoders:
    if cascade:
        return Encoders(FakeEncoder("fake-static"), FakeEncoder("fake-minilm"))
    return Encoders(FakeEncoder())


def chat(*turns: str, system: str | None = None) -> list[dict[str, Any]]:
    """Alternating user/assistant messages."""
    out: list[dict[str, Any]] = []
    if system:
        out.append({"role": "system", "content": system})
    for i, text in enumerate(turns):
        out.append({"role": "user" if i % 2 == 0 else "assistant", "content": text})
    return out


TOPICS = [
    (
        "How do I reset my password on the billing portal?",
        "Open Settings, choose Security, then Reset password and follow the emailed link.",
    ),
    (
        "Why was my card charged twice this month?",
        "One charge is a temporary authorisation hold that disappears within five days.",
    ),
    (
        "Can I move my cluster to another region without downtime?",
        "Create a replica in the new region, let it sync, then switch traffic with the load balancer.",
    ),
    (
        "What does error 429 mean when I call the API?",
        "You hit the rate limit; wait for the Retry-After seconds and batch requests where possible.",
    ),
    (
        "How do I export all my invoices as PDF files?",
        "Billing, then Invoices, select the year and press Download all to get a zip of PDFs.",
    ),
    (
        "My pods are stuck in ImagePullBackOff, what should I check?",
        "Check the image name and tag, the registry credentials secret and network egress rules.",
    ),
    (
        "Is there a discount for annual plans?",
        "Annual plans cost two months less than paying monthly, billed once per year upfront.",
    ),
    (
        "How can I add a teammate with read-only access?",
        "Invite them from Team settings and pick the Viewer role so they cannot change anything.",
    ),
]
