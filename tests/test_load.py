"""A short version of the load benchmark: 20 sessions at once, nothing lost, duplicated or over k."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bench_load import check, drive
from curation.store import Workspace
from tests.helpers.labeling import campaign, pair_dataset, users


@pytest.mark.timeout(300)
def test_twenty_sessions_lose_nothing(ws: Workspace, tmp_path: Path) -> None:
    names = [f"s{i:02d}" for i in range(20)]
    pair_dataset(ws, tmp_path, 400)
    users(ws, names)
    cid = campaign(ws, names, overlap=2)
    out = drive(ws, cid, names, seconds=8, think=(0.0, 0.05))
    assert out["errors"] == []
    assert sum(len(v) for v in out["acked"].values()) > 100
    assert check(ws, cid, out["acked"]) == {
        "lost": 0,
        "duplicated": 0,
        "unexpected": 0,
        "over_k": 0,
        "counter_mismatch": 0,
    }
