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
