"""Embedders: windows, normalisation, the static model's cache, an OpenAI-compatible server."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pytest

from curation.dedup import embedders as embed
from curation.dedup.embedders import (
    Encoder,
    OpenAIEncoder,
    OpenAISettings,
    distill_static,
    encode_windowed,
    get_encoder,
    normalize_rows,
    windows,
)
from curation.errors import CurationError, InputError
from tests.helpers.dedup import FakeEncoder


def test_fake_encoder_satisfies_the_protocol() -> None:
    assert isinstance(FakeEncoder(), Encoder)


def test_windows_cut_at_whitespace_and_sample_huge_texts() -> None:
    assert windows("short text") == ["short text"]
    assert windows("   ") == []
    text = " ".join(f"word{i}" for i in range(1000))
    pieces = windows(text, size=200)
    assert all(len(p) <= 200 for p in pieces)
    assert " ".join(pieces) == text  # nothing lost, cuts on spaces
    huge = "x" * 1_000_000  # one 1 MB "word"
    sampled = windows(huge)
    assert len(sampled) == embed.MAX_WINDOWS and all(len(p) <= embed.WINDOW_CHARS for p in sampled)


def test_normalize_rows_keeps_zero_rows_zero() -> None:
    out = normalize_rows(np.array([[3.0, 4.0], [0.0, 0.0]]))
    assert out.dtype == np.float32
    assert np.allclose(out, [[0.6, 0.8], [0.0, 0.0]])
    with pytest.raises(ValueError, match="2-D"):
        normalize_rows(np.zeros(3))


def test_encode_windowed_averages_windows_per_text() -> None:
    seen: list[list[str]] = []

    def pieces(batch: list[str]) -> np.ndarray:
        seen.append(batch)
        return np.array([[1.0, 0.0] if p.startswith("a") else [0.0, 1.0] for p in batch])

    text = "a" * 800 + " " + "b" * 800
    out = encode_windowed([text, "", "aaa"], pieces, 2)
    assert seen == [["a" * 800, "b" * 800, "aaa"]]
    assert np.allclose(out, [[2**-0.5, 2**-0.5], [0, 0], [1, 0]])


def test_static_model_is_distilled_once_from_the_local_minilm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(embed.CACHE_ENV, str(tmp_path))
    calls: list[dict[str, Any]] = []

    class Saved:
        def save_pretrained(self, folder: str) -> None:
            (Path(folder) / "model.safetensors").write_bytes(b"weights")

    def fake_distill(**kwargs: Any) -> Saved:
        calls.append(kwargs)
        return Saved()

    target = distill_static(distill_fn=fake_distill)
    assert target == embed.static_model_dir() and target.is_relative_to(tmp_path)
    assert (target / "model.safetensors").read_bytes() == b"weights"
    assert distill_static(distill_fn=fake_distill) == target
    assert len(calls) == 1
    assert Path(calls[0]["model_name"]).is_dir()  # a local path: nothing fetched
    assert calls[0]["pca_dims"] == embed.STATIC_PCA_DIMS
    assert embed.static_model_ready()
    assert not list(tmp_path.glob("models/.*"))  # no temporary folder left behind


def test_unknown_embedder_is_named() -> None:
    with pytest.raises(InputError, match="'bert'"):
        get_encoder("bert")


# --------------------------------------------------------------------------- openai


class _Embeddings(BaseHTTPRequestHandler):
    fail = False
    requests: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(body)
        if type(self).fail:
            self.send_response(500)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"error": {"message": "model overloaded"}}')
            return
        if body["model"] == "bag-of-words":
            vectors = FakeEncoder(dim=64).encode(body["input"]).tolist()
        else:
            vectors = [[float(len(t)), 1.0, 0.0] for t in body["input"]]
        data = [{"object": "embedding", "index": i, "embedding": v} for i, v in enumerate(vectors)]
        payload = json.dumps(
            {
                "object": "list",
                "data": data[::-1],
                "model": body["model"],
                "usage": {"prompt_tokens": 1, "total_tokens": 1},
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Embeddings.fail = False
    _Embeddings.requests = []
    httpd = HTTPServer(("127.0.0.1", 0), _Embeddings)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/v1"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_openai_compatible_endpoint(server: str) -> None:
    enc = OpenAIEncoder(OpenAISettings(base_url=server, model="local-embed", batch_size=2))
    out = enc.encode(["ab", "abcd", "", "x"])
    assert out.shape == (4, 3) and enc.dim == 3
    assert np.allclose(out[0], normalize_rows(np.array([[2.0, 1.0, 0.0]]))[0])  # order restored
    assert np.allclose(out[2], 0)  # an empty text is never sent
    assert [r["input"] for r in _Embeddings.requests] == [["ab", "abcd"], ["x"]]
    assert _Embeddings.requests[0]["model"] == "local-embed"


def test_openai_errors_are_clear(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _Embeddings.fail = True
    enc = OpenAIEncoder(OpenAISettings(base_url=server, model="m"))
    enc.client = enc.client.with_options(max_retries=0)
    with pytest.raises(
        CurationError,
        match=r"embeddings endpoint at .*127\.0\.0\.1.* \(model 'm'\) failed: HTTP 500: model overloaded",
    ):
        enc.encode(["hello"])
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(InputError, match="OPENAI_API_KEY"):
        OpenAIEncoder(OpenAISettings(base_url=None))


def test_dedup_with_the_openai_embedder_from_the_environment(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from curation.dedup import Settings, find_duplicates, make_item
    from tests.helpers.dedup import TOPICS, chat

    monkeypatch.setenv("CURATION_EMBEDDINGS_BASE_URL", server)
    monkeypatch.setenv("CURATION_EMBEDDINGS_MODEL", "bag-of-words")
    records = [chat(*TOPICS[0]), chat(*TOPICS[1]), chat(TOPICS[0][0] + " thanks", TOPICS[0][1])]
    items = [make_item(r, order=i) for i, r in enumerate(records)]
    result = find_duplicates(items, Settings("openai"))
    assert result.stats["embedder"] == "openai"
    assert [c.members for c in result.clusters] == [[0, 2]]
    assert all(r["model"] == "bag-of-words" for r in _Embeddings.requests)


def tiny_static_model(tmp_path: Path, weights: bool) -> Path:
    """A model2vec model on MiniLM's own tokenizer with random vectors (no distillation)."""
    from model2vec import StaticModel
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(embed.minilm_path() / "tokenizer.json"))
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(tokenizer.get_vocab_size(), 8)).astype(np.float16)
    model = StaticModel(vectors=vectors, tokenizer=tokenizer, normalize=True)
    if weights:
        model.weights = rng.uniform(0.1, 1.0, size=len(vectors)).astype(np.float32)
    model.save_pretrained(str(tmp_path / "model"))
    return tmp_path / "model"


@pytest.mark.parametrize("weights", [False, True])
def test_static_encoder_matches_model2vec_on_batches_with_empty_and_unknown_texts(
    tmp_path: Path, weights: bool
) -> None:
    encoder = embed.StaticEncoder(tiny_static_model(tmp_path, weights))
    encoder.batch_size = 3  # several batches, one holding only an empty text
    texts = ["how do i reset my password", "", "日本語 é ☃", "a", "x " * 300, "", "ok then"]
    ours = encoder.encode(texts)
    theirs = normalize_rows(encoder.model.encode(texts, max_length=None))
    assert ours.shape == (len(texts), 8) and ours.dtype == np.float32
    assert np.allclose(ours, theirs, atol=2e-3)
    assert not ours[1].any() and not ours[5].any()
