"""Shared fixtures: a fresh workspace per test on SQLite and, when configured, on PostgreSQL.

PostgreSQL tests run when ``CURATION_TEST_POSTGRES_URL`` is set (``.ci/run`` sets it);
each test gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import sqlalchemy as sa
import streamlit as st
from hypothesis import settings as hypothesis_settings

from curation.auth import create_user
from curation.store import Workspace
from tests.helpers.accounts import hashed_once
from tests.helpers.apptest import PASSWORDS, ROLES
from tests.helpers.common import BACKENDS, PG_URL
from tests.helpers.fake_openai import FakeOpenAI, FakeServer, State
from tests.helpers.workspaces import new_pg_workspace, new_sqlite_workspace

# Property tests draw the same examples on every run: a suite that fails by chance is no
# signal (a failure found by exploring belongs in a test of its own).
hypothesis_settings.register_profile("deterministic", derandomize=True, database=None)
hypothesis_settings.load_profile("deterministic")

if TYPE_CHECKING:
    from curation.pii.detect import Detector

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture
def pg_schema() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("CURATION_TEST_POSTGRES_URL is not set")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield schema
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        admin.dispose()


def _make_workspace(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Workspace:
    if backend == "sqlite":
        return new_sqlite_workspace(tmp_path / "ws")
    return new_pg_workspace(tmp_path / "ws", request.getfixturevalue("pg_schema"))


@pytest.fixture(params=BACKENDS)
def ws(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workspace]:
    """A fresh, migrated workspace on each configured backend (a copy of one migrated once
    per test process: tests/helpers/workspaces.py)."""
    workspace = _make_workspace(request.param, tmp_path, request)
    try:
        yield workspace
    finally:
        workspace.dispose()


@pytest.fixture
def sqlite_ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = new_sqlite_workspace(tmp_path / "ws")
    try:
        yield workspace
    finally:
        workspace.dispose()


@pytest.fixture
def app_ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    """A workspace the app will open, with one account per role."""
    folder = tmp_path / "app-ws"
    monkeypatch.setenv("CURATION_WORKSPACE", str(folder))
    monkeypatch.delenv("CURATION_DB_URL", raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    ws = new_sqlite_workspace(folder)
    with hashed_once(), ws.tx() as s:
        for name, role in ROLES.items():
            create_user(s, name, role, PASSWORDS[name], actor="test")
    yield ws
    st.cache_data.clear()
    st.cache_resource.clear()
    ws.dispose()


@pytest.fixture
def fake_openai(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAI]:
    """A running fake service; OPENAI_API_KEY and OPENAI_BASE_URL point at it."""
    state = State()
    server = FakeServer(state)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    monkeypatch.setenv("OPENAI_API_KEY", state.api_key)
    monkeypatch.setenv("OPENAI_BASE_URL", base_url)
    try:
        yield FakeOpenAI(state, base_url)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def wsdir(tmp_path: Path) -> Path:
    """A workspace folder for CLI tests, holding a fresh migrated workspace (as the first
    command would make it; tests of opening new workspaces use their own folders)."""
    folder = tmp_path / "ws"
    new_sqlite_workspace(folder).dispose()
    return folder


@pytest.fixture(scope="session")
def det() -> Detector:
    """The default PII detector, loaded once per test process."""
    from curation.pii.config import PiiConfig
    from curation.pii.detect import get_detector

    return get_detector(PiiConfig())


@pytest.fixture
def fake_models(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dedup's encoders replaced by small deterministic ones (no model files loaded)."""
    from curation.dedup import Encoders
    from tests.helpers.dedup import fake_encoders

    monkeypatch.setattr(
        Encoders, "for_mode", classmethod(lambda cls, mode: fake_encoders(mode == "cascade"))
    )


@pytest.fixture
def ray_engine() -> None:
    """A local 2-CPU Ray instance, shared by the tests that use it (about 4 s to start).

    The tests using Ray run one after another (see ``pytest_collection_modifyitems``) and
    share one instance; it is shut down before the first test that does not use Ray
    (``pytest_runtest_teardown``), so no other test meets a connection."""
    from curation.engine import cluster

    cluster.connect(cpus=2)


@pytest.fixture
def on_ray(ray_engine: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every stage's parallel part on the Ray instance, however small its input."""
    from curation.engine.settings import MODE_ENV

    monkeypatch.setenv(MODE_ENV, "ray")


# --------------------------------------------------------------------------- scheduling

RAY_FIXTURES = frozenset({"ray_engine", "on_ray"})


def _uses_ray(item: pytest.Item | None) -> bool:
    return item is not None and (
        not RAY_FIXTURES.isdisjoint(getattr(item, "fixturenames", ()))
        or item.get_closest_marker("ray") is not None
    )


def _starts_own_ray(item: pytest.Item) -> bool:
    mark = item.get_closest_marker("ray")
    return mark is not None and bool(mark.kwargs.get("own"))


def _has_module_fixture(item: pytest.Item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    return any(d.scope == "module" for defs in info.name2fixturedefs.values() for d in defs)


def _group(item: pytest.Item, name: str, config: pytest.Config) -> None:
    """Send ``item`` to the test process of its group (``--dist loadgroup``).

    xdist reads a group from a ``@name`` suffix of the test's id, which it adds for an
    ``xdist_group`` mark by setting ``item._nodeid``; pytest 9.2 keeps the id in ``item._id``,
    so that suffix is added here (once: a fixed xdist would find it there already)."""
    if not getattr(config.option, "loadgroup", False) or "@" in item.nodeid.rsplit("]", 1)[-1]:
        return
    node_id = getattr(item, "_id", None)
    if node_id is not None and hasattr(node_id, "parse"):
        item._id = node_id.parse(f"{item.nodeid}@{name}")  # type: ignore[attr-defined]
    else:
        item.add_marker(pytest.mark.xdist_group(name))


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests using Ray run last, one after another, on one test process (``--dist
    loadgroup``): one Ray instance for all of them, never two at once on this machine; those
    starting a Ray of their own come after those sharing the local instance. A test using a
    module-scoped fixture (a server, a browser, a built wheel) runs on the process that runs
    the rest of its file, so the fixture is set up once."""
    ray = [item for item in items if _uses_ray(item)]
    ray.sort(key=_starts_own_ray)  # stable: file order kept
    others = [item for item in items if not _uses_ray(item)]
    for item in ray:
        _group(item, "ray", config)
    for item in others:
        if _has_module_fixture(item):
            _group(item, item.nodeid.split("::", 1)[0], config)
    items[:] = others + ray


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    yield
    if _uses_ray(item) and not _uses_ray(nextitem):
        from curation.engine import cluster

        cluster.shutdown()
