"""What a validation found: the issues, the whole-file warnings and the token statistics.

:class:`ValidationReport` is filled while a file is read (by :mod:`curation.ingest.validate`
or by an export writing its files) and then read by the CLI, the Import page and the
export gate; :class:`Distribution` keeps exact token statistics without one int per example.
"""

from __future__ import annotations

import math
from collections import Counter as Tally
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from curation import exitcodes
from curation.ingest.checks import Issue
from curation.ingest.cost import CostEstimate, cost_of
from curation.wording import plural, verb

DEFAULT_MAX_ERRORS = 10_000
HISTOGRAM_BINS = 30
OVER_LIMIT_LINES_KEPT = 20
MIN_EXAMPLES = 10
RECOMMENDED_EXAMPLES = 50


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning about the whole file: training will run, but maybe not as the user hopes."""

    code: str
    message: str
    count: int | None = None
    lines: tuple[int, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.count is not None:
            out["count"] = self.count
        if self.lines:
            out["lines"] = list(self.lines)
        return out


@dataclass(frozen=True, slots=True)
class TokenSummary:
    """Order statistics of the tokens per example (all ``None``, ``sum`` 0, when none was
    counted); :meth:`as_dict` is the ``tokens`` JSON entry."""

    min: int | None = None
    median: float | None = None
    p90: float | None = None
    max: int | None = None
    mean: float | None = None
    sum: int = 0

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "min": self.min,
            "median": self.median,
            "p90": self.p90,
            "max": self.max,
            "mean": self.mean,
            "sum": self.sum,
        }


@dataclass(frozen=True, slots=True)
class Histogram:
    """Bin ``counts`` and their ``edges`` (one more edge than counts; both empty when no
    example was counted); :meth:`as_dict` is the ``histogram`` JSON entry."""

    edges: tuple[float, ...] = ()
    counts: tuple[int, ...] = ()

    def as_dict(self) -> dict[str, list[float] | list[int]]:
        return {"edges": list(self.edges), "counts": list(self.counts)}


@dataclass(slots=True)
class Distribution:
    """Exact order statistics of non-negative ints without keeping one entry per example.

    The exact, streaming choice: values below ``dense_limit`` (four times the largest
    fine-tuning context) are tallied in a numpy array indexed by value, at most 2 MiB
    however many examples there are; the rare larger ones (each already over every
    model's limit) go in a dict. Quantiles use numpy's default linear interpolation,
    so they equal ``np.quantile`` on the raw values, and the histogram equals
    ``np.histogram`` on them. Values must be non-negative (token counts are).
    """

    dense_limit: int = 1 << 18
    n: int = 0
    total: int = 0
    _dense: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    _sparse: Tally[int] = field(default_factory=Tally)

    def add(self, values: np.ndarray) -> None:
        if values.size == 0:
            return
        values = values.astype(np.int64, copy=False)
        big = values >= self.dense_limit
        small = values[~big] if big.any() else values
        if small.size:
            counts = np.bincount(small)
            if counts.size > self._dense.size:
                grown = np.zeros(max(counts.size, 2 * self._dense.size), dtype=np.int64)
                grown[: self._dense.size] = self._dense
                self._dense = grown
            self._dense[: counts.size] += counts
        self._sparse.update(values[big].tolist())
        self.n += int(values.size)
        self.total += int(values.sum())

    def merge(self, other: Distribution) -> None:
        """Add ``other``'s values (the statistics equal those of one run over both inputs)."""
        if other._dense.size > self._dense.size:
            grown = np.zeros(other._dense.size, dtype=np.int64)
            grown[: self._dense.size] = self._dense
            self._dense = grown
        elif not self._dense.flags.writeable:  # a report from Ray: its arrays are read-only
            self._dense = self._dense.copy()
        self._dense[: other._dense.size] += other._dense
        self._sparse.update(other._sparse)
        self.n += other.n
        self.total += other.total

    def _values_counts(self) -> tuple[np.ndarray, np.ndarray]:
        """Distinct values in ascending order and how often each occurred."""
        present = np.flatnonzero(self._dense)
        big = sorted(self._sparse)
        values = np.concatenate([present, np.asarray(big, dtype=np.int64)])
        counts = np.concatenate(
            [self._dense[present], np.asarray([self._sparse[v] for v in big], dtype=np.int64)]
        )
        return values, counts

    def quantile(self, q: float) -> float | None:
        if self.n == 0:
            return None
        values, counts = self._values_counts()
        cumulative = np.cumsum(counts)
        position = (self.n - 1) * q
        lo = math.floor(position)
        hi = min(lo + 1, self.n - 1)
        v_lo = float(values[np.searchsorted(cumulative, lo, side="right")])
        v_hi = float(values[np.searchsorted(cumulative, hi, side="right")])
        frac = position - lo
        return v_lo + (v_hi - v_lo) * frac

    def summary(self) -> TokenSummary:
        if self.n == 0:
            return TokenSummary()
        values, _ = self._values_counts()
        return TokenSummary(
            min=int(values[0]),
            median=self.quantile(0.5),
            p90=self.quantile(0.9),
            max=int(values[-1]),
            mean=self.total / self.n,
            sum=self.total,
        )

    def histogram(self, bins: int = HISTOGRAM_BINS) -> Histogram:
        """Bin counts as ``np.histogram`` would give on the raw values, for the UI's bar chart."""
        if self.n == 0:
            return Histogram()
        values, counts = self._values_counts()
        hist, edges = np.histogram(values, bins=bins, weights=counts)
        return Histogram(edges=tuple(float(e) for e in edges), counts=tuple(int(c) for c in hist))


@dataclass(slots=True)
class ValidationReport:
    """Everything the CLI, the import page and the export gate need to know about a file."""

    model: str
    encoding: str
    encoding_note: str = ""
    context_limit: int = 0
    price_per_million: float | None = None
    max_errors: int = DEFAULT_MAX_ERRORS
    examples: int = 0
    valid_examples: int = 0
    errors: list[Issue] = field(default_factory=list)
    error_counts: Tally[str] = field(default_factory=Tally)
    layouts: Tally[str] = field(default_factory=Tally)
    missing_system: int = 0
    missing_user: int = 0
    over_limit: int = 0
    over_limit_lines: list[int] = field(default_factory=list)
    total_tokens: Distribution = field(default_factory=Distribution)
    assistant_tokens: Distribution = field(default_factory=Distribution)
    billed_tokens: int = 0

    def add_tokens(self, totals: np.ndarray, assistant: np.ndarray) -> np.ndarray:
        """Rows' token counts (total, assistant); the positions of the rows over the limit."""
        self.total_tokens.add(totals)
        self.assistant_tokens.add(assistant)
        self.billed_tokens += int(np.minimum(totals, self.context_limit).sum())
        over = np.flatnonzero(totals > self.context_limit)
        self.over_limit += int(over.size)
        return over

    @property
    def ok(self) -> bool:
        """True when no line has an error (warnings do not count)."""
        return not self.error_counts

    @property
    def exit_code(self) -> int:
        """0 every example valid, 2 some with errors, 1 none valid (or an empty file)."""
        return exitcodes.for_items(self.examples, self.examples - self.valid_examples)

    @property
    def error_total(self) -> int:
        return sum(self.error_counts.values())

    @property
    def cost(self) -> CostEstimate:
        return cost_of(
            self.valid_examples, self.billed_tokens, self.context_limit, self.price_per_million
        )

    @property
    def n_epochs(self) -> int | None:
        return self.cost.n_epochs

    @property
    def training_tokens(self) -> int:
        return self.cost.training_tokens

    @property
    def estimated_cost_usd(self) -> float | None:
        return self.cost.usd

    @property
    def warnings(self) -> list[Notice]:
        return _warnings(self)

    def merge(self, other: ValidationReport) -> None:
        """Add ``other``'s findings (another shard of the same corpus, same model)."""
        self.examples += other.examples
        self.valid_examples += other.valid_examples
        for issue in other.errors[: max(0, self.max_errors - len(self.errors))]:
            self.errors.append(issue)
        self.error_counts.update(other.error_counts)
        self.layouts.update(other.layouts)
        self.missing_system += other.missing_system
        self.missing_user += other.missing_user
        self.over_limit += other.over_limit
        room = OVER_LIMIT_LINES_KEPT - len(self.over_limit_lines)
        self.over_limit_lines.extend(other.over_limit_lines[: max(0, room)])
        self.total_tokens.merge(other.total_tokens)
        self.assistant_tokens.merge(other.assistant_tokens)
        self.billed_tokens += other.billed_tokens

    def add_issue(self, issue: Issue) -> None:
        self.error_counts[issue.code] += 1
        if len(self.errors) < self.max_errors:
            self.errors.append(issue)

    def tokens(self) -> dict[str, Any]:
        return {
            "counted_examples": self.total_tokens.n,
            "total": self.total_tokens.summary().as_dict(),
            "assistant": self.assistant_tokens.summary().as_dict(),
            "histogram": self.total_tokens.histogram().as_dict(),
            "context_limit": self.context_limit,
            "over_limit": self.over_limit,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "model": self.model,
            "examples": self.examples,
            "valid_examples": self.valid_examples,
            "layouts": dict(self.layouts),
            "errors": [e.as_dict() for e in self.errors],
            "error_counts": dict(sorted(self.error_counts.items())),
            "errors_total": self.error_total,
            "errors_truncated": self.error_total > len(self.errors),
            "warnings": [w.as_dict() for w in self.warnings],
            "tokens": self.tokens(),
            "encoding": self.encoding,
            "encoding_note": self.encoding_note,
            "n_epochs": self.n_epochs,
            "billed_tokens": self.billed_tokens,
            "training_tokens": self.training_tokens,
            "price_per_million": self.price_per_million,
            "estimated_cost_usd": self.estimated_cost_usd,
        }

    def render_text(self) -> str:
        return _render_text(self)


def tally_tokens(report: ValidationReport) -> Callable[[np.ndarray, np.ndarray, list[int]], None]:
    """A sink adding a batch's tokens to ``report``; the tags are line numbers."""

    def add(totals: np.ndarray, assistant: np.ndarray, lines: list[int]) -> None:
        over = report.add_tokens(totals, assistant)
        if over.size:
            room = OVER_LIMIT_LINES_KEPT - len(report.over_limit_lines)
            report.over_limit_lines.extend(lines[i] for i in over[:room].tolist())

    return add


def _warnings(report: ValidationReport) -> list[Notice]:
    out: list[Notice] = []
    n = report.examples
    if n < MIN_EXAMPLES:
        out.append(
            Notice(
                "too_few_examples",
                f"fewer than {MIN_EXAMPLES} examples ({n}): OpenAI requires at least {MIN_EXAMPLES}",
                n,
            )
        )
    elif n < RECOMMENDED_EXAMPLES:
        out.append(
            Notice(
                "few_examples", f"only {n} examples: {RECOMMENDED_EXAMPLES}–100 are recommended", n
            )
        )
    if report.missing_system:
        out.append(
            Notice(
                "missing_system_message",
                f"{plural(report.missing_system, 'example')}"
                f" {verb(report.missing_system, 'has', 'have')} no system message",
                report.missing_system,
            )
        )
    if report.missing_user:
        out.append(
            Notice(
                "missing_user_message",
                f"{plural(report.missing_user, 'example')}"
                f" {verb(report.missing_user, 'has', 'have')} no user message",
                report.missing_user,
            )
        )
    if report.over_limit:
        out.append(
            Notice(
                "over_token_limit",
                f"{plural(report.over_limit, 'example')} {verb(report.over_limit, 'exceeds', 'exceed')}"
                f" the {report.context_limit:,}-token limit of "
                f"{report.model} and will be truncated",
                report.over_limit,
                tuple(report.over_limit_lines),
            )
        )
    if len(report.layouts) > 1:
        mix = ", ".join(f"{k} ({v})" for k, v in sorted(report.layouts.items()))
        out.append(
            Notice(
                "mixed_layouts", f"the file mixes layouts: {mix}; a training file holds one kind"
            )
        )
    return out


def _render_text(report: ValidationReport) -> str:
    lines = [
        f"{plural(report.examples, 'example')}, {report.valid_examples:,} valid; "
        f"{plural(report.error_total, 'error')}",
    ]
    for issue in report.errors[:50]:
        lines.append(f"  {issue.where}: [{issue.code}] {issue.message}")
    if report.error_total > min(len(report.errors), 50):
        counts = ", ".join(f"{code}: {n:,}" for code, n in sorted(report.error_counts.items()))
        lines.append(f"  … by code: {counts}")
    for notice in report.warnings:
        lines.append(f"warning: {notice.message}")
    total = report.total_tokens.summary()
    if total.min is not None:
        lines.append(
            f"tokens per example ({report.encoding}): min {total.min:,}, median {total.median:,.0f}, "
            f"p90 {total.p90:,.0f}, max {total.max:,}"
        )
    if report.encoding_note:
        lines.append(f"note: {report.encoding_note}")
    if report.n_epochs is not None:
        lines.append(
            f"~{report.billed_tokens:,} billed tokens × {plural(report.n_epochs, 'epoch')} = "
            f"{report.training_tokens:,} training tokens"
        )
    if report.estimated_cost_usd is not None:
        lines.append(f"estimated cost: ${report.estimated_cost_usd:,.2f}")
    return "\n".join(lines)
