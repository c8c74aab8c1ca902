"""A 3-node Ray cluster on this machine (``ray.cluster_utils.Cluster``, one CPU a node) gives
the same import rows, the same export bytes, the same PII findings and the same dedup
clusters as this process, and the same output shards of a sharded corpus (validate, dedup,
redact, export)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from curation.dedup import Settings, run_dedup
from curation.dedup.parallel import engine_partitioning
from curation.dedup.shards import dedup_shards
from curation.engine import cluster
from curation.engine.choice import IN_PROCESS, Size, choose
from curation.engine.mapping import actor_map
from curation.engine.settings import MODE_ENV
from curation.export import rows as export_rows
from curation.export.shards import ExportShardsOptions, export_shards
from curation.export.spec import ExportSpec
from curation.fileio.shards import resolve_shards
from curation.ingest import rows as import_rows
from curation.ingest.importer import import_file
from curation.ingest.validate_shards import validate_shards
from curation.pii.config import PiiConfig
from curation.pii.files import RedactFileOptions
from curation.pii.operators import OperatorSpec
from curation.pii.segments import Segment
from curation.pii.shards import redact_shards
from curation.pii.stream import detect_stream
from curation.store import Workspace, open_workspace
from curation.store import models as m
from tests.helpers.dedup import fake_encoders, stored_clusters
from tests.helpers.export import chat, run, set_redaction, write_objects
from tests.test_dedup_lsh import generated_corpus
from tests.test_dedup_store import make_dataset
from tests.test_shards import write_shards

pytestmark = pytest.mark.ray(own=True)  # not the shared local instance


@pytest.fixture(scope="module")
def three_nodes() -> Iterator[Any]:
    saved = {k: os.environ.get(k) for k in ("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER",)}
    os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"  # every node on 127.0.0.1
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    from ray._private import ray_constants
    from ray.cluster_utils import Cluster

    ray_constants.ENABLE_RAY_CLUSTER = False
    cluster.shutdown()  # the local instance other tests share
    nodes = Cluster(
        initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False}
    )
    for _ in range(2):
        nodes.add_node(num_cpus=1)
    nodes.wait_for_nodes()
    try:
        cluster.connect(nodes.address)
        yield nodes
    finally:
        cluster.shutdown()
        nodes.shutdown()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def node_of() -> str:
    import ray

    return str(ray.get_runtime_context().get_node_id())


def where(node: str, _item: int) -> str:
    return node


def stored_rows(ws: Workspace) -> list[tuple[Any, ...]]:
    r = m.Record
    with ws.read() as s:
        return [
            tuple(row)
            for row in s.execute(
                sa.select(
                    r.line,
                    r.content_hash,
                    r.messages,
                    r.tools,
                    r.meta,
                    r.n_tokens,
                    r.role_counts,
                ).order_by(r.id)
            )
        ]


def objects() -> list[Any]:
    out: list[Any] = [chat(i) for i in range(57)]
    out.insert(13, {"messages": [{"role": "user", "content": "no reply"}]})
    out.insert(20, chat(3))  # a repeat in another chunk
    out.insert(30, 42)  # not a conversation: rejected
    return out


def test_three_nodes_give_what_one_process_gives(
    three_nodes: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the work is spread over the nodes: one actor on each
    monkeypatch.setenv(MODE_ENV, "ray")
    nodes = list(actor_map(node_of, where, range(6), engine=choose("import", Size(1))))
    assert len(set(nodes)) == 3

    monkeypatch.setattr(import_rows, "CHUNK_ITEMS", 7)
    monkeypatch.setattr(export_rows, "ROW_CHUNK", 6)
    path = write_objects(tmp_path / "in.jsonl", objects())
    results: dict[str, Any] = {}
    for mode in ("local", "ray"):
        monkeypatch.setenv(MODE_ENV, mode)
        ws = open_workspace(tmp_path / mode)
        imported = import_file(ws, path, "d")
        set_redaction(ws, "clean")
        exported = run(ws, tmp_path / f"{mode}-out" / "data.jsonl", validation_split=0.25)
        results[mode] = (
            (imported.imported, imported.rejected, imported.repeats, imported.skipped),
            stored_rows(ws),
            [(f.split, f.path.read_bytes(), f.sha256) for f in exported.files],
        )
        ws.dispose()
    assert results["ray"] == results["local"]
    assert results["local"][0][:2] == (58, 1)

    texts = [
        [Segment(("messages", 0, "content"), f"I'm Maria Gonzalez #{i}, call (555) 555-01{i:02d}")]
        for i in range(9)
    ]
    config = PiiConfig()
    one = [f for _, _, f in detect_stream(texts, lambda t: t, config, engine=IN_PROCESS)]
    engine = choose("pii", Size(len(texts) * 6))  # CURATION_ENGINE=ray, from the loop
    assert engine.ray
    three = [
        f
        for _, _, f in detect_stream(texts, lambda t: t, config, engine=engine, workers=2, batch=2)
    ]
    assert three == one
    assert all(any(f.entity == "PHONE_NUMBER" for f in found) for found in three)


def test_dedup_on_three_nodes_gives_the_in_process_clusters(
    three_nodes: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workspace run, cascade: embedding and the accurate check on actors over the
    nodes, three partitions as tasks, one union-find here."""
    ws = open_workspace(tmp_path / "ws")
    make_dataset(ws, tmp_path, records=generated_corpus(300))
    settings = Settings("cascade", 0.97)
    monkeypatch.setenv(MODE_ENV, "local")
    here = run_dedup(ws, "d", settings, encoders=fake_encoders(cascade=True))
    monkeypatch.setenv(MODE_ENV, "ray")
    three = run_dedup(
        ws,
        "d",
        settings,
        encoders=fake_encoders(cascade=True),
        partitioning=engine_partitioning(Size(records=300), 3),
    )
    clusters = stored_clusters(ws, here.run_id)
    assert len(clusters) > 5
    assert stored_clusters(ws, three.run_id) == clusters
    with ws.read() as s:
        stats = s.get_one(m.DedupRun, three.run_id).stats
    assert stats["engine"] == "ray" and stats["partitions"] == 3 and stats["verified"] > 0
    ws.dispose()


# --------------------------------------------------------------------------- sharded corpora


def output_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != "manifest.json"}


def test_three_nodes_write_the_sharded_outputs_one_process_writes(
    three_nodes: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, _ = write_shards(tmp_path / "in", bad=True)
    shards = resolve_shards(folder)
    outputs: dict[str, Any] = {}
    for mode in ("local", "ray"):
        monkeypatch.setenv(MODE_ENV, mode)
        base = tmp_path / mode
        report, _ = validate_shards(shards)
        dedup = dedup_shards(
            shards, base / "dedup", Settings("static", 0.9), encoders=fake_encoders()
        )
        redact = redact_shards(
            shards, base / "redact", RedactFileOptions(operator=OperatorSpec("placeholder"))
        )
        export = export_shards(
            resolve_shards(f"{folder}/*.jsonl*"),
            base / "export",
            ExportShardsOptions(ExportSpec(format="openai-chat"), actor="test"),
        )
        assert dedup.engine == redact.engine == f"{MODE_ENV}={mode}"
        outputs[mode] = (
            report.as_dict(),
            output_bytes(base / "dedup"),
            output_bytes(base / "redact"),
            output_bytes(base / "export"),
            [r.findings for r in redact.results],
            len(dedup.result.clusters),
            export.written,
        )
    assert outputs["ray"] == outputs["local"]
    assert outputs["local"][5] == 2 and sum(outputs["local"][4]) > 0
