"""A tiny deterministic encoder and conversation builders for the dedup tests."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

import numpy as np

from curation.dedup import Encoders, Settings, find_duplicates, make_item
from curation.ingest.formats import read_records
from tests.helpers.common import REPO


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


SAMPLES = REPO / "curation" / "sample_data"


PLANTED = json.loads((SAMPLES / "planted.json").read_text())


SAMPLE_FILES = [
    "support_chats.jsonl",
    "support_sharegpt.json",
    "contract_pairs.jsonl",
    "sql_rankings.jsonl",
    "faq_alpaca.json",
    "preferences.csv",
]


LONG = [t for pair in TOPICS for t in pair]


def sample_items(
    wanted: set[tuple[str, int]] | None = None,
) -> tuple[list[tuple[str, int]], list[Any]]:
    """The sample files' records (only the ``wanted`` (file, line)s if given) as dedup items."""
    where: list[tuple[str, int]] = []
    items = []
    for name in SAMPLE_FILES:
        for parsed in read_records(SAMPLES / name):
            assert parsed.record is not None, parsed.error
            if wanted is not None and (name, parsed.line) not in wanted:
                continue
            r = parsed.record
            where.append((name, parsed.line))
            items.append(make_item(r.messages, r.completions, r.rankings, order=len(items)))
    return where, items


def planted_and_neighbours(per_file: int) -> set[tuple[str, int]]:
    """Every record of a planted or diverging pair, plus the first ``per_file`` lines of each file."""
    out = {(name, line) for name in SAMPLE_FILES for line in range(1, per_file + 1)}
    for row in PLANTED["near_duplicates"]:
        out |= {(row["file"], row["line"]), (row["variant_of"]["file"], row["variant_of"]["line"])}
    for row in PLANTED["exact_duplicates"]:
        out |= {
            (row["file"], row["line"]),
            (row["duplicate_of"]["file"], row["duplicate_of"]["line"]),
        }
    for row in PLANTED["diverging_pairs"]:
        out |= {(row["a"]["file"], row["a"]["line"]), (row["b"]["file"], row["b"]["line"])}
    return out


def check_planted(
    encoders: Encoders, embedder: str, wanted: set[tuple[str, int]] | None = None
) -> None:
    where, items = sample_items(wanted)
    result = find_duplicates(items, Settings(embedder), encoders=encoders)
    cluster_of = {where[i]: k for k, c in enumerate(result.clusters) for i in c.members}
    expected: list[tuple[tuple[str, int], tuple[str, int]]] = []
    for row in PLANTED["near_duplicates"]:
        expected.append(
            ((row["file"], row["line"]), (row["variant_of"]["file"], row["variant_of"]["line"]))
        )
    for row in PLANTED["exact_duplicates"]:
        expected.append(
            ((row["file"], row["line"]), (row["duplicate_of"]["file"], row["duplicate_of"]["line"]))
        )
    for a, b in expected:
        assert a in cluster_of and cluster_of.get(a) == cluster_of.get(b), (a, b)
    for row in PLANTED["diverging_pairs"]:
        a, b = (row["a"]["file"], row["a"]["line"]), (row["b"]["file"], row["b"]["line"])
        assert a not in cluster_of or cluster_of[a] != cluster_of.get(b), row["note"]
    planted = {x for pair in expected for x in pair}
    stray = [where[i] for c in result.clusters for i in c.members if where[i] not in planted]
    assert stray == []


def stored_clusters(ws: Any, run_id: int) -> list[tuple[int, tuple[int, ...]]]:
    """A stored run's clusters as (representative id, member ids), sorted: comparable
    across runs of the same dataset."""
    import sqlalchemy as sa

    from curation.store import models as m

    with ws.read() as s:
        rows = s.execute(
            sa.select(m.DedupCluster.representative_id, m.DedupMember.record_id)
            .join(m.DedupMember, m.DedupMember.cluster_id == m.DedupCluster.id)
            .where(m.DedupCluster.run_id == run_id)
        )
        members: dict[int, list[int]] = {}
        for rep, rid in rows:
            members.setdefault(rep, []).append(rid)
    return sorted((rep, tuple(sorted(ids))) for rep, ids in members.items())
