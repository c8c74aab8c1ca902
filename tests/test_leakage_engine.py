"""The leakage check on the engine: its embedding batches (dedup's ``encode_on`` actors) and
the search of the validation records' blocks (actors holding the train index) on a local
2-CPU Ray instance give the matches the in-process check gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

import curation.dedup.parallel as parallel
from curation.dedup import Settings, dataset_leakage
from curation.dedup.engine import WORKERS, find_matches
from curation.dedup.parallel import matching_on
from curation.dedup.units import Item, make_item
from curation.engine import cluster
from curation.engine.choice import Engine
from curation.engine.settings import MODE_ENV
from curation.ingest.importer import import_file
from curation.store import Workspace
from tests.helpers.dedup import fake_encoders
from tests.test_dedup_lsh import generated_corpus


def split() -> tuple[list[list[dict[str, Any]]], list[list[dict[str, Any]]]]:
    """Train: 300 records; validation: the 100 after them (their last 32 are variants of
    earlier records, most of them in train) and 5 exact copies of train records."""
    records = generated_corpus(400, seed=11)
    return records[:300], records[300:] + records[:5]


def items(records: list[list[dict[str, Any]]]) -> list[Item]:
    return [make_item(r, order=i) for i, r in enumerate(records)]


def spy(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """The actor maps the leakage check makes: (what each actor holds, on Ray or not)."""
    calls: list[tuple[str, bool]] = []
    original = parallel.actor_map

    def recording(make_state: Callable[[], Any], *args: Any, **kwargs: Any) -> Any:
        engine = kwargs["engine"]
        calls.append((make_state.func.__name__, bool(engine.ray and cluster.connected())))  # type: ignore[attr-defined]
        return original(make_state, *args, **kwargs)

    monkeypatch.setattr(parallel, "actor_map", recording)
    return calls


@pytest.mark.parametrize("mode", ["static", "cascade"])
def test_leakage_on_ray_finds_the_matches_found_here(
    ray_engine: None, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    monkeypatch.setattr(parallel, "QUERY_BLOCK", 16)  # several blocks, on both actors
    train, valid = (items(r) for r in split())
    settings = Settings(mode, 0.9)
    encoders = fake_encoders(cascade=mode == "cascade")
    here = find_matches(train, valid, settings, encoders=encoders)
    calls = spy(monkeypatch)
    stages: list[str] = []
    on_ray = find_matches(
        train,
        valid,
        settings,
        encoders=encoders,
        run=matching_on(Engine(True)),
        progress=lambda stage, _done, _total: stages.append(stage),
    )
    assert on_ray == here
    assert {m.kind for m in here} == {"exact", "semantic"} and len(here) >= 25
    assert ("held_index", True) in calls and ("worker_encoder", True) in calls
    assert WORKERS in stages


def write_jsonl(path: Path, records: list[list[dict[str, Any]]]) -> Path:
    path.write_bytes(b"".join(orjson.dumps({"messages": r}) + b"\n" for r in records))
    return path


def test_a_leakage_check_of_datasets_runs_on_the_engine_when_it_says_so(
    ray_engine: None, sqlite_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    train, valid = split()
    import_file(sqlite_ws, write_jsonl(tmp_path / "t.jsonl", train), "train")
    import_file(sqlite_ws, write_jsonl(tmp_path / "v.jsonl", valid), "valid")
    settings = Settings("static", 0.9)
    monkeypatch.setenv(MODE_ENV, "local")
    calls = spy(monkeypatch)
    here = dataset_leakage(sqlite_ws, "train", "valid", settings, encoders=fake_encoders())
    assert calls == []  # small, or told to stay: no actor
    monkeypatch.setenv(MODE_ENV, "ray")
    on_ray = dataset_leakage(sqlite_ws, "train", "valid", settings, encoders=fake_encoders())
    assert on_ray == here and len(here) >= 25
    assert ("held_index", True) in calls
