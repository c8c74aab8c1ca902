"""The engine: where work runs (decided without Ray), and the ordered maps in this process
and on a local 2-CPU Ray instance (started once for this file)."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner

from curation.engine import choice, cluster
from curation.engine.choice import Size, choose, current
from curation.engine.mapping import WorkerLostError, actor_map, ordered_map
from curation.engine.settings import ADDRESS_ENV, MODE_ENV, THRESHOLDS, Threshold
from curation.errors import InputError


@pytest.fixture
def auto(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MODE_ENV, raising=False)
    monkeypatch.delenv(ADDRESS_ENV, raising=False)
    monkeypatch.setattr(cluster, "connected", lambda: False)
    monkeypatch.setattr(cluster, "usable_cores", lambda: 2)


# --------------------------------------------------------------------------- the choice


@pytest.mark.usefixtures("auto")
def test_small_inputs_stay_in_process_and_big_ones_start_ray() -> None:
    start, _ = THRESHOLDS["import"]
    assert start.bytes is not None
    assert not choose("import", Size(bytes=200 * 2_000)).ray  # 200 records
    assert not choose("import", Size(bytes=start.bytes - 1)).ray
    big = choose("import", Size(bytes=start.bytes))
    assert big.ray and big.address is None
    assert not choose("export", Size(records=20_000)).ray
    assert choose("export", Size(records=THRESHOLDS["export"][0].records)).ray
    assert not choose("pii", Size(records=None)).ray  # unknown size: no start-up cost risked


@pytest.mark.usefixtures("auto")
def test_an_address_or_a_connection_lowers_the_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    size = Size(records=30_000)
    assert not choose("export", size).ray
    there = choose("export", size, address="10.0.0.5:6379")
    assert there.ray and there.address == "10.0.0.5:6379"
    monkeypatch.setenv(ADDRESS_ENV, "10.0.0.6:6379")
    assert choose("export", size).address == "10.0.0.6:6379"
    monkeypatch.delenv(ADDRESS_ENV)
    monkeypatch.setattr(cluster, "connected", lambda: True)
    assert choose("export", size).ray
    assert current().ray


@pytest.mark.usefixtures("auto")
def test_no_new_ray_outside_the_main_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Streamlit page runs in a thread, where ray.init dies after 60 s."""
    seen: list[choice.Engine] = []
    monkeypatch.setenv(MODE_ENV, "ray")
    worker = threading.Thread(target=lambda: seen.append(choose("import", Size(10**9, 10**12))))
    worker.start()
    worker.join()
    assert not seen[0].ray and "main thread" in seen[0].reason
    monkeypatch.setattr(cluster, "connected", lambda: True)  # a connection there may be used
    worker = threading.Thread(target=lambda: seen.append(choose("import", Size(10**9))))
    worker.start()
    worker.join()
    assert seen[1].ray
    monkeypatch.setattr(cluster, "connected", lambda: False)
    failures: list[BaseException] = []

    def connect() -> None:
        try:
            cluster.connect()
        except BaseException as exc:
            failures.append(exc)

    worker = threading.Thread(target=connect)
    worker.start()
    worker.join()
    assert "only from a process's main thread" in str(failures[0])


@pytest.mark.usefixtures("auto")
def test_the_mode_setting_and_a_single_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MODE_ENV, "ray")
    assert choose("pii", Size(records=1)).ray
    monkeypatch.setenv(MODE_ENV, "local")
    assert not choose("pii", Size(records=10**9)).ray
    assert not current().ray
    monkeypatch.setenv(MODE_ENV, "fast")
    with pytest.raises(InputError, match=r"CURATION_ENGINE='fast': use one of auto, local, ray"):
        choose("pii", Size(records=1))
    monkeypatch.setenv(MODE_ENV, "auto")
    monkeypatch.setattr(cluster, "usable_cores", lambda: 1)
    one = choose("export", Size(records=10**9))
    assert not one.ray and one.reason == "one usable core"
    assert not choose("pii", Size(records=1), force=True).ray


def test_loopback_addresses() -> None:
    assert cluster.is_loopback("127.0.0.1:6379") and cluster.is_loopback("localhost:1")
    assert cluster.is_loopback("[::1]:6379")
    assert not cluster.is_loopback("10.1.2.3:6379") and not cluster.is_loopback("head:6379")


def test_ray_address_option_reaches_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    from curation.cli import cli

    monkeypatch.setenv(ADDRESS_ENV, "")  # restored after the test: the option sets it below
    for command in (["validate"], ["redact"], ["dedup"], ["export"], ["worker"]):
        out = CliRunner().invoke(cli, [*command, "--help"])
        assert "--ray-address ADDR" in out.output, command
    path = "/nonexistent/in.jsonl"
    CliRunner().invoke(cli, ["validate", path, "--ray-address", "127.0.0.1:6390"])
    assert os.environ[ADDRESS_ENV] == "127.0.0.1:6390"


# --------------------------------------------------------------------------- the maps


def square(x: int) -> int:
    return x * x


def fails_on_five(x: int) -> int:
    if x == 5:
        raise ValueError("item 5 is bad")
    return x


def dies_on_five(x: int) -> int:
    if x == 5:
        os._exit(3)
    return x


def new_state() -> dict[str, Any]:
    import ray

    return {"pid": os.getpid(), "ray": ray.is_initialized(), "calls": 0}


def use_state(state: dict[str, Any], x: int) -> tuple[int, int, int]:
    state["calls"] += 1
    return x, state["pid"], state["calls"]


def cannot_start() -> None:
    raise RuntimeError("no model here")


def test_in_process_maps_keep_order_and_make_the_state_once() -> None:
    assert list(ordered_map(square, range(7), engine=choice.IN_PROCESS)) == [
        0,
        1,
        4,
        9,
        16,
        25,
        36,
    ]
    made: list[int] = []

    def make() -> dict[str, Any]:
        made.append(1)
        return {"pid": os.getpid(), "calls": 0}

    out = list(actor_map(make, use_state, range(5), engine=choice.IN_PROCESS))
    assert made == [1] and [x for x, _, _ in out] == list(range(5))
    assert {pid for _, pid, _ in out} == {os.getpid()}


def test_ray_tasks_keep_the_order(on_ray: None) -> None:
    engine = choose("import", Size(1))
    assert engine.ray
    assert list(ordered_map(square, range(50), engine=engine)) == [x * x for x in range(50)]
    assert list(ordered_map(square, range(50))) == [x * x for x in range(50)]  # connected


def test_ray_actors_make_their_state_once_each(on_ray: None) -> None:
    engine = choose("pii", Size(1))
    out = list(actor_map(new_state, use_state, range(40), engine=engine, ahead=1))
    assert [x for x, _, _ in out] == list(range(40))
    pids = {pid for _, pid, _ in out}
    assert len(pids) == 2 and os.getpid() not in pids  # one per CPU of the instance
    for pid in pids:  # each actor counted its own calls from 1: made once, used many times
        calls = [c for _, p, c in out if p == pid]
        assert calls == list(range(1, len(calls) + 1))


def test_ray_errors_are_the_functions_own_or_one_line(on_ray: None) -> None:
    engine = choose("import", Size(1))
    with pytest.raises(ValueError, match="item 5 is bad"):
        list(ordered_map(fails_on_five, range(10), engine=engine))
    with pytest.raises(WorkerLostError) as lost:
        list(ordered_map(dies_on_five, range(10), engine=engine))
    assert str(lost.value) == (
        "a worker process stopped unexpectedly (WorkerCrashedError); nothing was written"
    )
    with pytest.raises(WorkerLostError, match=r"^a worker could not start: .*no model here$"):
        list(actor_map(cannot_start, use_state, range(4), engine=engine))
    assert list(ordered_map(square, range(3), engine=engine)) == [0, 1, 4]  # still usable


def test_a_thread_uses_the_connection_this_process_has(on_ray: None) -> None:
    seen: list[Any] = []

    def page() -> None:
        engine = choose("import", Size(1))
        seen.append((engine.ray, list(ordered_map(square, range(5), engine=engine))))

    worker = threading.Thread(target=page)
    worker.start()
    worker.join()
    assert seen == [(True, [0, 1, 4, 9, 16])]


# --------------------------------------------------------------------------- the runner


def test_the_runner_starts_ray_for_a_big_job_and_hands_it_the_address(
    auto: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from curation.jobs.runner import LocalProcessExecutor
    from curation.store import open_workspace

    ws = open_workspace(tmp_path / "ws")
    executor = LocalProcessExecutor(ws.url, ws.folder)
    executor.ws = ws
    path = tmp_path / "in.jsonl"
    path.write_text('{"messages": []}\n' * 10, encoding="utf-8")
    job = SimpleNamespace(id=7, kind="import", params={"path": str(path)})
    started: list[str | None] = []
    monkeypatch.setattr(cluster, "connect", lambda address=None: started.append(address))
    monkeypatch.setattr(cluster, "address", lambda: "127.0.0.1:6390")
    assert executor._ray_for(job) is None and started == []  # 170 bytes: no Ray
    assert executor._ray_for(SimpleNamespace(id=8, kind="sleep", params={})) is None
    monkeypatch.setitem(THRESHOLDS, "import", (Threshold(bytes=100), Threshold(bytes=100)))
    assert executor._ray_for(job) == "127.0.0.1:6390" and started == [None]
    monkeypatch.setenv(ADDRESS_ENV, "10.0.0.5:6379")  # the jobs inherit it: nothing to start
    assert executor._ray_for(job) is None and started == [None]
    ws.dispose()


def test_the_runner_sizes_dedup_and_leakage_jobs_by_their_records_a_recluster_as_nothing(
    auto: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from curation.jobs.kinds import input_size
    from curation.jobs.runner import LocalProcessExecutor
    from curation.store import open_workspace
    from tests.helpers.dedup import chat
    from tests.test_dedup_store import make_dataset

    ws = open_workspace(tmp_path / "ws")
    make_dataset(ws, tmp_path, records=[chat(f"question {i}", f"answer {i}") for i in range(4)])
    assert input_size(ws, "dedup", {"dataset": "d"}) == (4, None)
    assert input_size(ws, "dedup", {"dataset": "d", "run_id": 1}) == (None, None)
    both = {"train_dataset": "d", "valid_dataset": "d"}  # one dataset counted once
    assert input_size(ws, "leakage", both) == (4, None)
    assert input_size(ws, "leakage", {"train_dataset": "d"}) == (None, None)
    executor = LocalProcessExecutor(ws.url, ws.folder)
    executor.ws = ws
    started: list[str | None] = []
    monkeypatch.setattr(cluster, "connect", lambda address=None: started.append(address))
    monkeypatch.setattr(cluster, "address", lambda: "127.0.0.1:6390")
    job = SimpleNamespace(id=9, kind="dedup", params={"dataset": "d"})
    leak = SimpleNamespace(id=10, kind="leakage", params=both)
    assert executor._ray_for(job) is None and executor._ray_for(leak) is None  # 4 records
    assert started == []
    monkeypatch.setitem(THRESHOLDS, "dedup", (Threshold(records=3), Threshold(records=3)))
    assert executor._ray_for(job) == "127.0.0.1:6390" and started == [None]
    assert executor._ray_for(leak) == "127.0.0.1:6390" and started == [None, None]
    ws.dispose()


def test_dedup_asks_the_engine_once_for_both_modes(
    auto: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from curation.dedup.parallel import engine_partitioning

    small = engine_partitioning(Size(records=10_000))
    assert (small.partitions, small.encode, small.where) == (1, None, "in this process")
    assert small.map_fn is map
    assert engine_partitioning(Size(records=10_000), 4).partitions == 4
    big = engine_partitioning(Size(records=1_000_000))  # a file: Size(bytes=…), the same way
    assert big.where == "ray" and big.partitions == 1 and big.encode is not None  # see below
    assert engine_partitioning(Size(bytes=2_000_000_000), 3).partitions == 3
    monkeypatch.setattr(cluster, "is_main_thread", lambda: False)  # a page's thread
    assert engine_partitioning(Size(records=1_000_000)).where == "in this process"


def test_dedup_on_ray_splits_only_with_more_cpus_than_this_machine(
    auto: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Partitions search every record twice: on a local instance (this machine's cores)
    one piece is faster, and is kept; a cluster with more CPUs gets partitions by size."""
    from curation.dedup.parallel import partitioning_on
    from curation.engine.choice import Engine

    attached: list[str | None] = []
    monkeypatch.setattr(cluster, "connect", lambda address=None: attached.append(address))
    cpus = {"n": 2}
    monkeypatch.setattr(cluster, "cpus", lambda: cpus["n"])
    local = Engine(True)
    assert partitioning_on(local).partitions == 1
    assert attached == []  # a local instance is not started to be asked: it has 2 cores
    assert partitioning_on(local, 6).partitions == 6  # a count asked for is kept
    monkeypatch.setattr(cluster, "connected", lambda: True)
    assert partitioning_on(local).partitions == 1  # attached to 2 CPUs: no more than here
    cpus["n"] = 3
    assert partitioning_on(local).partitions is None  # 3 > 2: by size
    assert partitioning_on(local, 1).where == "ray"
    monkeypatch.setattr(cluster, "connected", lambda: False)
    attached.clear()
    remote = Engine(True, "10.0.0.5:6379")
    assert partitioning_on(remote).partitions is None
    assert attached == ["10.0.0.5:6379"]  # attached to count its CPUs
    cpus["n"] = 2
    assert partitioning_on(remote).partitions == 1
    assert partitioning_on(remote, 4).partitions == 4


def test_the_leakage_check_takes_dedups_thresholds(
    auto: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from curation.dedup.parallel import engine_matching
    from curation.dedup.search import search_here

    small = engine_matching(Size(records=10_000))
    assert (small.encode, small.search, small.where) == (None, search_here, "in this process")
    big = engine_matching(Size(records=1_000_000))  # train and validation records together
    assert big.where == "ray" and big.encode is not None and big.search is not search_here
    assert engine_matching(Size(bytes=2_000_000_000)).where == "ray"  # two files
    monkeypatch.setattr(cluster, "is_main_thread", lambda: False)  # a page's thread
    assert engine_matching(Size(records=1_000_000)).where == "in this process"
