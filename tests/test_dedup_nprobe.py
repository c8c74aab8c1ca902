"""The IVF's probed lists (``Settings.nprobe``): 8 by default, 16 (the older search) on request."""

from __future__ import annotations

import numpy as np
import pytest

from curation.dedup import Settings, make_item
from curation.dedup import search as search_module
from curation.dedup.engine import find_duplicates, find_matches
from curation.dedup.search import build_index, build_self_index, normalize_rows, range_pairs
from curation.dedup.settings import IVF_NPROBE
from curation.errors import InputError
from tests.helpers.dedup import chat, fake_encoders


def grouped_vectors(groups: int, spread: float, seed: int = 3) -> np.ndarray:
    """Triples of near-copies around random directions (``spread``: the noise's scale)."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((groups, 32)).astype(np.float32)
    noise = spread * rng.standard_normal((3 * groups, 32)).astype(np.float32)
    return normalize_rows(np.repeat(centres, 3, axis=0) + noise)


def test_the_default_probes_eight_lists() -> None:
    assert IVF_NPROBE == 8
    assert Settings().nprobe == 8
    assert Settings().resolved().as_dict()["nprobe"] == 8  # stored with every run
    with pytest.raises(InputError, match="nprobe"):
        Settings(nprobe=0).resolved()


@pytest.fixture
def small_ivf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_module, "FLAT_MAX", 1000)  # an IVF from 1,001 vectors


@pytest.mark.usefixtures("small_ivf")
@pytest.mark.parametrize("nprobe", [8, 16])
def test_the_index_probes_the_lists_asked_for(nprobe: int) -> None:
    vectors = grouped_vectors(2000, 0.3)
    index, name, probes = build_self_index(vectors, nprobe)
    assert index.nprobe == nprobe and name.endswith(f"nprobe={nprobe})")
    assert probes is not None and probes.lists.shape == (len(vectors), nprobe)
    assert build_index(vectors, nprobe)[0].nprobe == nprobe


@pytest.mark.usefixtures("small_ivf")
def test_eight_lists_find_a_subset_of_sixteen_and_every_planted_group() -> None:
    """The 8 best lists are the first 8 of the 16 (one coarse search), so nprobe 8 can only
    drop hits; on tight groups (cosine ≈ 0.9 within) it drops none of the planted pairs."""
    vectors = grouped_vectors(2000, 0.05)
    hits: dict[int, set[tuple[int, int]]] = {}
    for nprobe in (8, 16):
        index, _, probes = build_self_index(vectors, nprobe)
        a, b, _ = range_pairs(index, vectors, 0.5, self_search=True, probes=probes)
        hits[nprobe] = set(zip(a.tolist(), b.tolist(), strict=True))
    assert hits[8] <= hits[16]
    loose = grouped_vectors(2000, 0.3)  # copies near the radius: 16 lists find more than 8
    found = []
    for nprobe in (8, 16):
        index, _, probes = build_self_index(loose, nprobe)
        found.append(len(range_pairs(index, loose, 0.5, self_search=True, probes=probes)[0]))
    assert found[0] < found[1]
    planted = {(3 * g + i, 3 * g + j) for g in range(2000) for i, j in ((0, 1), (0, 2), (1, 2))}
    assert planted <= hits[8]


def test_a_run_searches_with_the_settings_nprobe(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a silent fallback to a module constant: the run's index says what it probed, for
    dedup and for the leakage match search, and 16 stays reachable."""
    monkeypatch.setattr(search_module, "FLAT_MAX", 50)  # an IVF on a small corpus
    records = [chat(f"question {i} about topic {i % 37}", f"answer {i}") for i in range(400)]
    items = [make_item(r, order=i) for i, r in enumerate(records)]
    for nprobe in (8, 16):
        settings = Settings("static", 0.9, nprobe=nprobe)
        result = find_duplicates(items, settings, encoders=fake_encoders())
        assert str(result.stats["index"]).endswith(f"nprobe={nprobe})")
        assert result.settings.nprobe == nprobe
    seen: list[int] = []
    real = search_module.build_index

    def spy(vectors: np.ndarray, nprobe: int = IVF_NPROBE) -> tuple[object, str]:
        seen.append(nprobe)
        return real(vectors, nprobe)

    monkeypatch.setattr("curation.dedup.engine.build_index", spy)
    find_matches(
        items[:200],
        items[200:],
        Settings("static", 0.9, nprobe=16),
        encoders=fake_encoders(),
    )
    assert seen == [16]
