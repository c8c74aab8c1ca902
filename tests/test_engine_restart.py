"""A local Ray instance starts in a process that was connected before to a cluster without
token authentication (a 3-node ``ray.cluster_utils.Cluster`` test, then a test starting a
local instance, in one pytest worker): Ray's config cached at the first connection must not
stop the new instance's GCS ("Failed to start GCS", a timeout on its port file)."""

from __future__ import annotations

import pytest

from curation.engine import cluster

pytestmark = pytest.mark.ray(own=True)  # not the shared local instance


def one() -> int:
    return 1


def test_a_local_instance_starts_after_a_connection_without_token_auth(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ray

    cluster.shutdown()
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")  # as a test Cluster's nodes run
    cluster.connect(cpus=1)
    cluster.shutdown()
    monkeypatch.delenv("RAY_AUTH_MODE")  # a new local instance: token authentication
    try:
        cluster.connect(cpus=1)
        assert ray.get(ray.remote(one).remote()) == 1
    finally:
        cluster.shutdown()
