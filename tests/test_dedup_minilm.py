"""The one test on the real MiniLM: the planted sample duplicates, and the look-alikes kept apart."""

from __future__ import annotations

import numpy as np
import pytest

from curation.dedup import Encoders
from curation.dedup.embedders import MiniLMEncoder
from tests.helpers.dedup import check_planted, planted_and_neighbours


@pytest.mark.slow
def test_real_minilm_on_the_planted_sample_data() -> None:
    encoder = MiniLMEncoder()
    vectors = encoder.encode(
        [
            "How do I reset my password?",
            "how can i reset my password",
            "The invoice is overdue.",
            "",
        ]
    )
    assert vectors.shape == (4, 384)
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-5)
    assert np.allclose(vectors[3], 0.0)
    assert vectors[0] @ vectors[1] > 0.9 > vectors[0] @ vectors[2]
    # The planted and diverging pairs with ten other records of each file as look-alikes: the
    # full sample set runs with the fake encoder; here it would take MiniLM a minute.
    check_planted(Encoders(encoder), "minilm", planted_and_neighbours(10))


def test_an_engine_actor_runs_minilm_on_its_own_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ray gives a 1-CPU actor OMP_NUM_THREADS=1; MiniLM then runs on one thread there, not on
    every core (on the busy two-core machine, load 14, two threads took 2.2× as long as one
    for 3,000 exchanges, with the same vectors)."""
    import torch

    from curation.dedup import parallel
    from tests.helpers.dedup import FakeEncoder

    before = torch.get_num_threads()
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    monkeypatch.setattr(parallel, "get_encoder", FakeEncoder)
    torch.set_num_threads(2)
    try:
        assert parallel.worker_encoder("minilm").name == "minilm"
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)
