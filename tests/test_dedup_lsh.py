"""Lexical (MinHash/LSH) candidates and partitioned dedup: engine, file mode, workspace."""

from __future__ import annotations

import hashlib
import json
import pickle
import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import sqlalchemy as sa

from curation.dedup import DedupFileOptions, Encoders, Settings, dedup_file, make_item, run_dedup
from curation.dedup.cluster import build_clusters
from curation.dedup.engine import WORKERS, find_duplicates
from curation.dedup.lexical import band_pairs, lexical_pairs, shingle_hashes
from curation.dedup.parallel import engine_partitioning
from curation.dedup.partition import Partitioning
from curation.dedup.runs import job_params, job_settings
from curation.dedup.search import ExchangeVectors, build_index, range_pairs, search_centre
from curation.dedup.verify import aligned_scores
from curation.engine.choice import Size
from curation.engine.settings import MODE_ENV
from curation.store import Workspace
from curation.store import models as m
from tests.helpers.dedup import FakeEncoder, chat, fake_encoders, stored_clusters
from tests.test_dedup_store import make_dataset


class WholeTextEncoder(FakeEncoder):
    """A random unit vector per distinct text: any edit, even one typo, lands far away, so
    only an exact copy is a vector candidate (the worst case for a typo variant)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            seed = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")
            out[i] = np.random.default_rng(seed).standard_normal(self.dim)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


QUESTION = "How do I rotate the credentials of the staging database without downtime?"
ANSWER = (
    "Create the new credentials first, deploy them to every service, check that the"
    " connections use them, then revoke the old ones during a quiet hour."
)
TYPO_Q = QUESTION.replace("credentials", "credentails").replace("staging", "stagnig")
OTHERS = [
    chat("What is the capital of Australia?", "Canberra, not Sydney, is the capital."),
    chat("Which port does PostgreSQL listen on?", "5432 unless the configuration says otherwise."),
    chat("How long do refunds take?", "Refunds reach the card within five to ten working days."),
]


def typo_records() -> list[list[dict[str, Any]]]:
    return [chat(QUESTION, ANSWER), *OTHERS, chat(TYPO_Q, ANSWER)]


def whole_text() -> Encoders:
    return Encoders(WholeTextEncoder("whole-text"))


def test_lsh_finds_a_typo_pair_the_vector_search_misses() -> None:
    items = [make_item(r, order=i) for i, r in enumerate(typo_records())]
    on = find_duplicates(items, Settings("static", 0.9), encoders=whole_text())
    assert [c.members for c in on.clusters] == [[0, 4]]
    assert on.stats["vector_candidates"] == 0 and on.stats["lsh_only"] == 1
    assert on.pairs[0].similarity > 0.95  # scored by characters: the verifier accepted it
    off = find_duplicates(items, Settings("static", 0.9, lsh=False), encoders=whole_text())
    assert off.clusters == [] and off.stats["lsh_candidates"] == 0


def test_lsh_candidates_are_verified_not_merged() -> None:
    """Records sharing most shingles but scoring under the threshold stay apart."""
    a = chat(QUESTION, ANSWER)
    b = chat(QUESTION, ANSWER.replace("quiet hour", "maintenance window on a Sunday night"))
    items = [make_item(r, order=i) for i, r in enumerate([a, b])]
    result = find_duplicates(items, Settings("static", 0.97), encoders=whole_text())
    assert result.stats["lsh_candidates"] == 1 and result.clusters == []


def test_shingles_and_bands() -> None:
    flat, offsets = shingle_hashes(["abcdef", "abc", "bcdefg"])
    assert offsets.tolist() == [0, 2, 2, 4]  # "abcde" "bcdef" | none | "bcdef" "cdefg"
    assert flat[1] == flat[2]  # the same shingle hashes alike across texts
    sig = np.array([[1, 2, 3, 4], [1, 2, 9, 9], [7, 7, 3, 4], [5, 5, 5, 5]], dtype=np.uint32)
    a, b = band_pairs(sig, bands=2)
    assert list(zip(a.tolist(), b.tolist(), strict=True)) == [(0, 1), (0, 2)]
    short = [make_item(chat("hi", ""), order=0), make_item(chat("hi", ""), order=1)]
    assert len(lexical_pairs(short, [0, 1])[0]) == 0  # under 5 characters: no shingles


def _vector_only_clusters(items: list[Any], encoder: FakeEncoder, threshold: float) -> list[Any]:
    """Static mode as it was before lexical candidates: vector search, scoring, union-find."""
    vectors = ExchangeVectors(encoder)
    vectors.ensure([t for it in items for t in it.exchanges])
    which = list(range(len(items)))
    centre = search_centre(vectors, len(items))
    rec = vectors.records(items, which, centre)
    radius = 0.5 if centre is not None else threshold - 0.1 - 0.03
    index, _ = build_index(rec)
    a, b, _ = range_pairs(index, rec, radius, self_search=True)
    scores = aligned_scores(items, a, b, vectors)[0]
    from curation.dedup.results import Pair

    pairs = [
        Pair(int(x), int(y), float(s), "semantic", True)
        for x, y, s in zip(a, b, scores, strict=True)
        if s >= threshold - 0.1
    ]
    return build_clusters(items, pairs, threshold, "earliest")


_LETTERS = random.Random(0)
VOCAB = ["".join(_LETTERS.choices("abcdefghijklmnopqrstuvwxyz", k=3 + k % 7)) for k in range(1500)]


def generated_corpus(n: int, seed: int = 5) -> list[list[dict[str, Any]]]:
    """``n`` two-message conversations of random words, 8% of them planted variants."""
    rng = random.Random(seed)
    records = []
    for _ in range(int(n * 0.92)):
        q = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(8, 20)))
        a = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(15, 40)))
        records.append(chat(q, a))
    while len(records) < n:
        src = rng.choice(records[: int(n * 0.92)])
        q, a = src[0]["content"], src[1]["content"]
        edit = rng.choice(["typo", "drop", "case"])
        if edit == "typo":
            words = q.split()
            k = rng.randrange(len(words))
            w = words[k]
            words[k] = w[1] + w[0] + w[2:] if len(w) > 2 else w + "x"
            q = " ".join(words)
        elif edit == "drop":
            a = " ".join(a.split()[:-2])
        else:
            q = q.upper()
        records.append(chat(q, a))
    return records


def test_lsh_off_reproduces_the_vector_search_alone() -> None:
    records = generated_corpus(600)
    items = [make_item(r, order=i) for i, r in enumerate(records)]
    off = find_duplicates(
        items, Settings("static", 0.9, lsh=False), encoders=Encoders(FakeEncoder())
    )
    expected = _vector_only_clusters(items, FakeEncoder(), 0.9)
    assert [c.members for c in off.clusters] == [c.members for c in expected]
    assert off.stats["candidates"] == off.stats["vector_candidates"]
    on = find_duplicates(items, Settings("static", 0.9), encoders=Encoders(FakeEncoder()))
    assert on.stats["lsh_candidates"] > 0
    off_pairs = {(p.a, p.b) for p in off.pairs}
    assert off_pairs <= {(p.a, p.b) for p in on.pairs}  # LSH only adds candidates


def pickling_map(fn: Callable[[Any], Any], tasks: Iterable[Any]) -> Iterator[Any]:
    """What a process pool or Ray does to a task and its function: pickle both, run, pickle back."""
    for task in tasks:
        worker = pickle.loads(pickle.dumps(fn))
        yield pickle.loads(pickle.dumps(worker(pickle.loads(pickle.dumps(task)))))


@pytest.mark.parametrize("mode", ["static", "cascade"])
def test_partitioned_clusters_equal_the_single_run(mode: str) -> None:
    records = generated_corpus(2400)
    items = [make_item(r, order=i) for i, r in enumerate(records)]

    def encoders() -> Encoders:
        if mode == "cascade":
            return Encoders(FakeEncoder("fake-static"), FakeEncoder("fake-minilm"))
        return Encoders(FakeEncoder())

    settings = Settings(mode, 0.85)
    single = find_duplicates(items, settings, encoders=encoders())
    split = find_duplicates(items, settings, encoders=encoders(), partitions=6, map_fn=pickling_map)
    assert single.stats["partitions"] == 1 and split.stats["partitions"] == 6
    distinct = len({it.key for it in items})  # the records searched: one per exact group
    assert sum(split.stats["partition_records"]) == 2 * distinct  # each in two partitions
    assert len(single.clusters) > 100
    assert [c.members for c in split.clusters] == [c.members for c in single.clusters]
    assert {(p.a, p.b, p.similarity) for p in split.pairs} >= {
        (p.a, p.b, p.similarity) for p in single.pairs if p.similarity >= 0.85
    }


def test_partitions_by_size() -> None:
    from curation.dedup.partition import partition_count

    assert partition_count(100, None, 250) == 1
    assert partition_count(1000, None, 250) == 8
    assert partition_count(1000, 3, 250) == 3


def test_file_mode_finds_the_typo_pair_only_with_lsh(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"messages": r}) + "\n" for r in typo_records()))
    on = dedup_file(
        src, tmp_path / "on.jsonl", DedupFileOptions(Settings("static", 0.9)), encoders=whole_text()
    )
    assert on.removed == 1 and on.kept == 4
    assert len((tmp_path / "on.jsonl").read_text().splitlines()) == 4
    off = dedup_file(
        src,
        tmp_path / "off.jsonl",
        DedupFileOptions(Settings("static", 0.9, lsh=False)),
        encoders=whole_text(),
    )
    assert off.removed == 0 and off.kept == 5
    split = dedup_file(
        src,
        tmp_path / "split.jsonl",
        DedupFileOptions(Settings("static", 0.9), partitions=2),
        encoders=whole_text(),
        map_fn=pickling_map,
    )
    assert split.result.stats["partitions"] == 2
    assert (tmp_path / "split.jsonl").read_bytes() == (tmp_path / "on.jsonl").read_bytes()


def test_workspace_run_stores_the_lsh_setting_and_its_cluster(
    ws: Workspace, tmp_path: Path
) -> None:
    ids = make_dataset(ws, tmp_path, records=typo_records())
    summary = run_dedup(ws, "d", Settings("static", 0.9), encoders=whole_text(), apply=True)
    assert summary.clusters == 1 and summary.marked_duplicate == 1
    with ws.read() as s:
        run = s.scalars(sa.select(m.DedupRun)).one()
        assert run.settings["lsh"] is True
        dropped = s.scalars(sa.select(m.Record.id).where(m.Record.status == "duplicate")).all()
    assert dropped == [ids[5]]
    again = run_dedup(
        ws, "d", Settings("static", 0.9, lsh=False), encoders=whole_text(), apply=True
    )
    assert again.clusters == 0 and again.marked_duplicate == 0
    split = run_dedup(
        ws,
        "d",
        Settings("static", 0.9),
        encoders=whole_text(),
        apply=True,
        partitioning=Partitioning(2, map_fn=pickling_map),
    )
    assert split.clusters == 1 and split.marked_duplicate == 1
    assert job_settings(job_params(Settings("static", lsh=False), dataset="d")).lsh is False
    assert job_settings({"dataset": "d"}).lsh is True  # jobs queued before the setting existed


def test_file_mode_on_the_engine_gives_the_same_file(on_ray: None, tmp_path: Path) -> None:
    """Partitions as Ray tasks (the engine's choice, no map given): the same kept lines."""
    src = tmp_path / "in.jsonl"
    records = generated_corpus(600)
    src.write_text("".join(json.dumps({"messages": r}) + "\n" for r in records))
    settings = Settings("static", 0.85)
    one = dedup_file(src, tmp_path / "one.jsonl", DedupFileOptions(settings), map_fn=map)
    ray = dedup_file(src, tmp_path / "ray.jsonl", DedupFileOptions(settings, partitions=3))
    assert one.result.stats["partitions"] == 1 and ray.result.stats["partitions"] == 3
    assert one.removed > 10
    assert (tmp_path / "ray.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()


def test_workspace_mode_on_the_engine_gives_the_in_process_clusters(
    on_ray: None, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same dataset, cascade: in this process; on the engine (the embedding and the
    accurate check on actors, the search in one piece); on the engine in three partitions."""
    make_dataset(ws, tmp_path, records=generated_corpus(600))
    settings = Settings("cascade", 0.97)  # some pairs in its band: the accurate check runs
    monkeypatch.setenv(MODE_ENV, "local")
    here_encoders = fake_encoders(cascade=True)
    here = run_dedup(ws, "d", settings, encoders=here_encoders)
    assert here_encoders.candidate.calls > 0  # type: ignore[attr-defined]
    monkeypatch.setenv(MODE_ENV, "ray")
    # by size this corpus would make 12 partitions; the 2-CPU instance brings no more
    # CPUs than this machine's 2 cores, so it stays in one piece
    monkeypatch.setattr("curation.dedup.engine.PER_PARTITION", 100)
    monkeypatch.setattr("curation.engine.cluster.usable_cores", lambda: 2)
    seen: list[tuple[str, int, int | None]] = []
    engine_encoders = fake_encoders(cascade=True)
    engine = run_dedup(
        ws, "d", settings, encoders=engine_encoders, progress=lambda *a: seen.append(a)
    )
    split = run_dedup(
        ws,
        "d",
        settings,
        encoders=fake_encoders(cascade=True),
        partitioning=engine_partitioning(Size(records=600), 3),
    )
    # the actors embedded (each with its own copy of the encoder), not this process
    assert engine_encoders.candidate.calls == 0  # type: ignore[attr-defined]
    assert engine_encoders.verifier.calls == 0  # type: ignore[attr-defined]
    with ws.read() as s:
        stats = {r.id: r.stats for r in s.scalars(sa.select(m.DedupRun))}
    assert stats[here.run_id]["engine"] == "in this process"
    assert stats[engine.run_id]["engine"] == "ray" and stats[engine.run_id]["partitions"] == 1
    assert stats[split.run_id]["partitions"] == 3
    assert stats[engine.run_id]["verified"] > 0  # the accurate check ran (on actors)
    clusters = stored_clusters(ws, here.run_id)
    assert len(clusters) > 10
    assert stored_clusters(ws, engine.run_id) == clusters
    assert stored_clusters(ws, split.run_id) == clusters
    assert WORKERS in {label for label, _, _ in seen}
    assert all(total is None or 0 <= done <= total for _, done, total in seen)
