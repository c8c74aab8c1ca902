"""How to deduplicate: the modes, their calibrated thresholds, :class:`Settings` and :class:`Encoders`.

The thresholds and the cascade's verification budget are explained, with their
measurements, in the package docstring of :mod:`curation.dedup`; the comparison rule
stored with every run is :data:`COMPARISON_RULE`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any

from curation.dedup.embedders import Encoder, NamedEncoder, get_encoder
from curation.errors import InputError

MODES = ("cascade", "minilm", "static", "openai")
RULES = ("earliest", "longest", "best-scored")

Tick = Callable[[int, int], None]  # a stage's own counter: (done, total) within that stage

# Calibrated defaults (see the package docstring for how): the threshold on the aligned
# exchange similarity of each mode's final embedder.
DEFAULT_THRESHOLDS: dict[str, float] = {
    "cascade": 0.90,
    "minilm": 0.90,
    "static": 0.94,
    "openai": 0.90,  # not calibrated (no endpoint here): MiniLM's value as a starting point
}
FLOOR_MARGIN = 0.10  # pairs stored down to threshold − this, for re-thresholding

# MiniLM reads ~50 short texts a second on two cores, so the cascade gives it at most this
# many distinct exchanges per run (≈ 20 s). Doubtful pairs are checked from the highest
# static plus lexical score down (verify.check_order); the rest are accepted, unverified,
# only where static vectors and characters both agree (static ≥ the static mode's
# calibrated threshold, see STATIC_MARGIN, and lexical ≥ LEXICAL_SURE), and dropped
# otherwise. 10,000 until 2026-12-08 (≈ 3.5 minutes of a 1M run's 10): on corpus (c), in
# the new order, F1 0.9829 at 1M and 0.9850 at 200k with 1,000 against 0.9869 and 0.9851
# with 10,000 (the package docstring has the table).
VERIFY_BUDGET = 1_000
# IVF lists a record vector's range search probes (of nlist ≈ 4√N) when the corpus is above
# FLAT_MAX records. 8 halves the lists scanned against 16 (the default until 2026-12-07):
# fewer vector candidates, and the pairs they miss are mostly found again by MinHash/LSH.
# Measured on corpus (c) (BENCHMARKS.md, "nprobe 8 as the default"): at 200k the range
# search's CPU 0.51×, F1 0.9851 both; at 1M recall 0.9710 against 0.9709, F1 0.9853 both.
# 16 gives the older, wider search; with LSH off 8 loses more pairs (not measured).
IVF_NPROBE = 8


@dataclass(frozen=True, slots=True)
class Settings:
    """How to deduplicate. ``threshold``/``floor`` default from the embedder's calibration."""

    embedder: str = "cascade"
    threshold: float | None = None
    floor: float | None = None
    rule: str = "earliest"
    include_system: bool = False
    verify_budget: int = VERIFY_BUDGET
    # Lexical candidates (MinHash/LSH on character shingles, :mod:`curation.dedup.lexical`)
    # beside the vector search; off, the candidates are the vector search's alone.
    lsh: bool = True
    # IVF lists probed per query (:data:`IVF_NPROBE`); a tuning knob like the budget.
    nprobe: int = IVF_NPROBE

    def resolved(self) -> Settings:
        """These settings with the defaults filled in; :class:`InputError` if one is unusable."""
        if self.embedder not in MODES:
            raise InputError(
                f"unknown embedder {self.embedder!r}; choose one of: {', '.join(MODES)}"
            )
        if self.rule not in RULES:
            raise InputError(
                f"unknown representative rule {self.rule!r}; choose one of: {', '.join(RULES)}"
            )
        threshold = DEFAULT_THRESHOLDS[self.embedder] if self.threshold is None else self.threshold
        if not 0.0 < threshold <= 1.0:
            raise InputError(f"threshold {threshold} is outside (0, 1]: use e.g. 0.9")
        floor = round(max(0.0, threshold - FLOOR_MARGIN), 4) if self.floor is None else self.floor
        if not 0.0 <= floor <= threshold:
            raise InputError(f"floor {floor} must lie between 0 and the threshold {threshold}")
        if self.verify_budget < 0:
            raise InputError(f"verify budget {self.verify_budget} must be 0 or more")
        if self.nprobe < 1:
            raise InputError(f"nprobe {self.nprobe} must be 1 or more")
        return replace(self, threshold=threshold, floor=floor)

    def choices(self) -> dict[str, Any]:
        """What a user chose (the verify budget is a tuning knob, not a choice)."""
        return {
            "embedder": self.embedder,
            "threshold": self.threshold,
            "floor": self.floor,
            "rule": self.rule,
            "include_system": self.include_system,
            "lsh": self.lsh,
        }

    def as_dict(self) -> dict[str, Any]:
        """The settings as stored with a run, with the comparison rule they imply."""
        return {**asdict(self), "comparison": COMPARISON_RULE}


COMPARISON_RULE = (
    "exchange alignment: a record is its exchanges (a user turn with the assistant/tool"
    " messages answering it; system prompts left out unless include_system). Two exchanges"
    " score the larger of the cosine of their embeddings and the character similarity"
    " (Indel ratio) of their normalised texts. Two records score the sum of their exchange"
    " scores under the best order-preserving one-to-one alignment, divided by the larger"
    " exchange count, so records sharing one exchange of three score about 1/3. Candidates"
    " come from a FAISS search on pooled record vectors (and, unless turned off, from"
    " MinHash/LSH buckets of 5-character shingles) and are all re-scored this way"
    " before they can merge. Exact duplicates (equal after case, whitespace and punctuation"
    " folding) score 1."
)


@dataclass(frozen=True, slots=True)
class Encoders:
    """The encoders a mode uses; tests build one with fakes."""

    candidate: Encoder
    verifier: Encoder | None = None

    @classmethod
    def for_mode(cls, mode: str) -> Encoders:
        """The mode's encoders for this process. The cascade's MiniLM loads on its first
        check, not with the static model: loading it (torch and the model, about 5 s) was
        counted in the embed stage, and a run with no doubtful pair never needs it."""
        if mode == "cascade":
            return cls(get_encoder("static"), NamedEncoder("minilm"))
        return cls(get_encoder(mode))

    @classmethod
    def named(cls, mode: str) -> Encoders:
        """The mode's encoders by name, each loaded on its first use here (on the engine,
        the workers load them: see :mod:`curation.dedup.parallel`)."""
        if mode == "cascade":
            return cls(NamedEncoder("static"), NamedEncoder("minilm"))
        return cls(NamedEncoder(mode))

    @property
    def name(self) -> str:
        if self.verifier is None:
            return self.candidate.name
        return f"cascade({self.candidate.name}→{self.verifier.name})"
