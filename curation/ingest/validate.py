"""OpenAI fine-tuning file checks, token statistics and a training-cost estimate.

The checks follow the OpenAI cookbook notebook "Data preparation and analysis for
chat model fine-tuning" and keep its error codes (``data_type``,
``missing_messages_list``, ``message_missing_key``, ``message_unrecognized_key``,
``unrecognized_role``, ``missing_content``, ``example_missing_assistant_message``),
so a user who knows the notebook recognises them. The notebook predates tool calling
and rejects valid files, so the rules here are corrected: ``developer`` and ``tool``
roles, assistant messages that only call tools, content-part arrays, ``weight``,
preference (DPO) and reinforcement (RFT) layouts.

A file is read line by line and token counting happens per batch of
``BATCH_SIZE`` examples in a worker thread, so memory does not grow with the file:
parsed examples are held for at most two batches, at most ``max_errors`` issues are
kept (all are counted), and the token statistics are exact value histograms rather
than one int per example (see :class:`Distribution`). Measured on two cores
(``bench/bench_validate.py``), a 1.9 GB file of 10⁶ chat examples validates in about
0.17× the cookbook notebook's time at 0.05× its peak memory.
"""

from __future__ import annotations

import math
from collections import Counter as Tally
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any, Generic, TypeVar

import numpy as np
import orjson

from curation import exitcodes
from curation.errors import InputError
from curation.fileio.items import RawItem
from curation.fileio.jsonl import iter_jsonl
from curation.ingest.tokens import Counter, context_limit, counter_for_model
from curation.records import Message
from curation.wording import plural, verb

DEFAULT_MAX_ERRORS = 10_000
BATCH_SIZE = 4096
HISTOGRAM_BINS = 30
OVER_LIMIT_LINES_KEPT = 20
MIN_EXAMPLES = 10
RECOMMENDED_EXAMPLES = 50

ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
PLAIN_ROLES = frozenset({"system", "developer", "user", "assistant"})
MESSAGE_KEYS = frozenset(
    {"role", "content", "name", "weight", "tool_calls", "tool_call_id", "function_call", "refusal"}
)
CHAT_KEYS = frozenset({"messages", "tools", "parallel_tool_calls", "functions", "metadata"})
PREFERENCE_KEYS = ("preferred_output", "non_preferred_output")
PREFERENCE_REPLY_KEYS = frozenset({"role", "content", "name"})
LAYOUTS = ("chat", "dpo", "rft")

# Cookbook epoch heuristic: 3 epochs, clamped so examples × epochs lies in 100…25,000.
TARGET_EPOCHS = 3
MIN_TARGET_EXAMPLES = 100
MAX_TARGET_EXAMPLES = 25_000
MIN_EPOCHS = 1
MAX_EPOCHS = 25


# --------------------------------------------------------------------------- result types


@dataclass(frozen=True, slots=True)
class Issue:
    """One error on one line; ``message`` starts with the field so the user can find it."""

    line: int
    code: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "code": self.code, "message": self.message}


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

    def summary(self) -> dict[str, float | int | None]:
        if self.n == 0:
            return {"min": None, "median": None, "p90": None, "max": None, "mean": None, "sum": 0}
        values, _ = self._values_counts()
        return {
            "min": int(values[0]),
            "median": self.quantile(0.5),
            "p90": self.quantile(0.9),
            "max": int(values[-1]),
            "mean": self.total / self.n,
            "sum": self.total,
        }

    def histogram(self, bins: int = HISTOGRAM_BINS) -> dict[str, list[float] | list[int]]:
        """Bin counts as ``np.histogram`` would give on the raw values, for the UI's bar chart."""
        if self.n == 0:
            return {"edges": [], "counts": []}
        values, counts = self._values_counts()
        hist, edges = np.histogram(values, bins=bins, weights=counts)
        return {"edges": [float(e) for e in edges], "counts": [int(c) for c in hist]}


@dataclass(frozen=True, slots=True)
class CostEstimate:
    """What training on these examples would bill, with OpenAI's default epoch count."""

    n_examples: int
    n_epochs: int | None
    billed_tokens: int
    training_tokens: int
    context_limit: int
    price_per_million: float | None
    usd: float | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "n_examples": self.n_examples,
            "n_epochs": self.n_epochs,
            "billed_tokens": self.billed_tokens,
            "training_tokens": self.training_tokens,
            "context_limit": self.context_limit,
            "price_per_million": self.price_per_million,
            "estimated_cost_usd": self.usd,
        }


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
        return _cost(
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

    def add_issue(self, issue: Issue) -> None:
        self.error_counts[issue.code] += 1
        if len(self.errors) < self.max_errors:
            self.errors.append(issue)

    def tokens(self) -> dict[str, Any]:
        return {
            "counted_examples": self.total_tokens.n,
            "total": self.total_tokens.summary(),
            "assistant": self.assistant_tokens.summary(),
            "histogram": self.total_tokens.histogram(),
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


# --------------------------------------------------------------------------- public API


def validate_file(
    path: str | Path,
    model: str = "gpt-4.1",
    price_per_million: float | None = None,
    max_errors: int | None = None,
    *,
    layout: str | None = None,
) -> ValidationReport:
    """Check every line of a JSONL file (``.gz``, BOM, CRLF and blank lines accepted).

    Raises :class:`~curation.errors.InputError` only when the file cannot be opened;
    anything wrong inside it becomes an :class:`Issue` on its line.
    """
    return _run(_items_of_file(path), model, price_per_million, max_errors, layout)


def validate_objects(
    items: Iterable[tuple[int, Any]],
    model: str = "gpt-4.1",
    price_per_million: float | None = None,
    max_errors: int | None = None,
    *,
    layout: str | None = None,
) -> ValidationReport:
    """Validate already-decoded examples, each given with the line it should be reported on."""
    return _run(
        (RawItem(line, value) for line, value in items),
        model,
        price_per_million,
        max_errors,
        layout,
    )


def validate_example(obj: Any, line: int = 1, *, layout: str | None = None) -> list[Issue]:
    """The errors of one in-memory example; ``layout`` forces chat/dpo/rft instead of guessing."""
    _check_layout_name(layout)
    return _inspect(obj, line, layout).issues


def detect_layout(obj: dict[str, Any]) -> str:
    """``dpo`` when preference keys are present, ``rft`` when grader keys are, else ``chat``."""
    keys = obj.keys()
    if "messages" in keys:
        if "preferred_output" in keys or "non_preferred_output" in keys:
            return "dpo"
        return "chat" if keys <= CHAT_KEYS else "rft"
    if "input" in keys or "preferred_output" in keys or "non_preferred_output" in keys:
        return "dpo"
    return "chat"


def estimate_cost(
    tokens: Sequence[int] | np.ndarray,
    model: str = "gpt-4.1",
    price_per_million: float | None = None,
) -> CostEstimate:
    """Cost of training on examples of these token counts (each capped at the model's context)."""
    counts = np.asarray(tokens, dtype=np.int64)
    limit = context_limit(model)
    billed = int(np.minimum(counts, limit).sum()) if counts.size else 0
    return _cost(int(counts.size), billed, limit, price_per_million)


def _cost(
    n_examples: int, billed: int, limit: int, price_per_million: float | None
) -> CostEstimate:
    epochs = default_epochs(n_examples)
    training = billed * (epochs or 0)
    usd = None if price_per_million is None else training * price_per_million / 1e6
    return CostEstimate(n_examples, epochs, billed, training, limit, price_per_million, usd)


def default_epochs(n_examples: int) -> int | None:
    """OpenAI's default epoch count for a training file of this size (None when empty)."""
    if n_examples <= 0:
        return None
    if n_examples * TARGET_EPOCHS < MIN_TARGET_EXAMPLES:
        return min(MAX_EPOCHS, math.ceil(MIN_TARGET_EXAMPLES / n_examples))
    if n_examples * TARGET_EPOCHS > MAX_TARGET_EXAMPLES:
        return max(MIN_EPOCHS, MAX_TARGET_EXAMPLES // n_examples)
    return TARGET_EPOCHS


# --------------------------------------------------------------------------- driver


def _items_of_file(path: str | Path) -> Iterator[RawItem]:
    """The file's items, opened now so a missing file fails before encodings load."""
    items = iter_jsonl(path)
    first = next(items, None)
    return iter(()) if first is None else chain((first,), items)


def _run(
    items: Iterable[RawItem],
    model: str,
    price_per_million: float | None,
    max_errors: int | None,
    layout: str | None,
) -> ValidationReport:
    _check_layout_name(layout)
    counter = counter_for_model(model)
    report = ValidationReport(
        model=model,
        encoding=counter.encoding,
        encoding_note=counter.note,
        context_limit=context_limit(model),
        price_per_million=price_per_million,
        max_errors=DEFAULT_MAX_ERRORS if max_errors is None else max(0, max_errors),
    )
    with TokenPipeline(counter, tally_tokens(report), "validate-tokens") as tokens:
        for item in items:
            _take(item, report, tokens, layout)
    return report


def _check_layout_name(layout: str | None) -> None:
    if layout is not None and layout not in LAYOUTS:
        raise InputError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")


def _take(
    item: RawItem, report: ValidationReport, tokens: TokenPipeline[int], layout: str | None
) -> None:
    report.examples += 1
    if item.error is not None:
        report.add_issue(Issue(item.line, item.code, f"line: {item.error}"))
        return
    result = _inspect(item.value, item.line, layout)
    if result.layout is not None:
        report.layouts[result.layout] += 1
    if result.issues:
        for issue in result.issues:
            report.add_issue(issue)
        return
    report.valid_examples += 1
    roles = result.roles
    if "system" not in roles and "developer" not in roles:
        report.missing_system += 1
    if "user" not in roles:
        report.missing_user += 1
    tokens.add(item.line, result.conversation)


Tag = TypeVar("Tag")
# a finished batch: each conversation's total and assistant tokens, and the tags it was added with
BatchSink = Callable[[np.ndarray, np.ndarray, list[Tag]], None]


class TokenPipeline(Generic[Tag]):
    """Counts tokens of conversations a batch at a time, overlapping counting with parsing.

    One worker thread runs :meth:`Counter.conversations` (whose tokenizer releases the
    GIL and uses every core) while the caller's thread parses and checks the next
    batch; at most one batch is in flight, so memory stays at two batches. Each
    finished batch goes to ``sink`` with the tags its conversations were added with.
    """

    def __init__(self, counter: Counter, sink: BatchSink[Tag], thread_name: str = "tokens") -> None:
        self.counter = counter
        self.sink = sink
        self.conversations: list[list[Message]] = []
        self.tags: list[Tag] = []
        self.pending: tuple[Future[tuple[np.ndarray, np.ndarray]], list[Tag]] | None = None
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=thread_name)

    def __enter__(self) -> TokenPipeline[Tag]:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        try:
            if exc_type is None:
                self._submit()
                self._collect()
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def add(self, tag: Tag, conversation: list[Message]) -> None:
        self.conversations.append(conversation)
        self.tags.append(tag)
        if len(self.conversations) >= BATCH_SIZE:
            self._submit()

    def _submit(self) -> None:
        self._collect()
        if not self.conversations:
            return
        future = self.pool.submit(self.counter.conversations, self.conversations)
        self.pending = (future, self.tags)
        self.conversations, self.tags = [], []

    def _collect(self) -> None:
        if self.pending is None:
            return
        future, tags = self.pending
        self.pending = None
        totals, assistant = future.result()
        self.sink(totals, assistant, tags)


def tally_tokens(report: ValidationReport) -> BatchSink[int]:
    """A sink adding a batch's tokens to ``report``; the tags are line numbers."""

    def add(totals: np.ndarray, assistant: np.ndarray, lines: list[int]) -> None:
        over = report.add_tokens(totals, assistant)
        if over.size:
            room = OVER_LIMIT_LINES_KEPT - len(report.over_limit_lines)
            report.over_limit_lines.extend(lines[i] for i in over[:room].tolist())

    return add


# --------------------------------------------------------------------------- checks


@dataclass(slots=True)
class _Inspection:
    layout: str | None
    issues: list[Issue]
    conversation: list[Message]
    roles: set[str]


def _inspect(obj: Any, line: int, layout: str | None) -> _Inspection:
    """Check one example; on success also return the messages whose tokens are counted."""
    out: list[Issue] = []
    roles: set[str] = set()
    if not isinstance(obj, dict):
        out.append(Issue(line, "data_type", f"example: expected a JSON object, got {_kind(obj)}"))
        return _Inspection(None, out, [], roles)
    kind = layout or detect_layout(obj)
    if kind == "dpo":
        conversation = _check_dpo(obj, line, out, roles)
    else:
        conversation = _check_chat(obj, line, out, roles, need_assistant=kind == "chat")
    return _Inspection(kind, out, conversation, roles)


def _check_chat(
    obj: dict[str, Any], line: int, out: list[Issue], roles: set[str], *, need_assistant: bool
) -> list[Message]:
    """SFT and RFT: a message list; only SFT needs an assistant turn to learn from."""
    messages = obj.get("messages")
    if not isinstance(messages, list) or not messages:
        out.append(Issue(line, "missing_messages_list", _missing_list("messages", messages)))
        return []
    _check_messages(messages, "messages", line, out, roles)
    if need_assistant and "assistant" not in roles:
        out.append(
            Issue(
                line,
                "example_missing_assistant_message",
                "messages: no assistant message to train on",
            )
        )
    _check_tools(obj, "", line, out)
    return messages


def _check_dpo(obj: dict[str, Any], line: int, out: list[Issue], roles: set[str]) -> list[Message]:
    """Preference: ``input.messages`` plus one preferred and one non-preferred assistant reply."""
    conversation: list[Message] = []
    inp = obj.get("input")
    if not isinstance(inp, dict):
        reason = (
            "missing"
            if inp is None and "input" not in obj
            else f"expected an object, got {_kind(inp)}"
        )
        out.append(Issue(line, "missing_input", f"input: {reason}"))
    else:
        messages = inp.get("messages")
        if not isinstance(messages, list) or not messages:
            out.append(
                Issue(line, "missing_messages_list", _missing_list("input.messages", messages))
            )
        else:
            _check_messages(messages, "input.messages", line, out, roles)
            conversation.extend(messages)
        _check_tools(inp, "input.", line, out)
    for key in PREFERENCE_KEYS:
        reply = _preference_output(obj, key, line, out)
        if reply is not None:
            conversation.append(reply)
    return conversation


def _preference_output(
    obj: dict[str, Any], key: str, line: int, out: list[Issue]
) -> Message | None:
    """The single assistant reply of ``preferred_output``/``non_preferred_output``, or None."""
    reason = "missing" if key not in obj else _preference_problem(obj[key])
    if reason is not None:
        out.append(Issue(line, "invalid_preference_output", f"{key}: {reason}"))
        return None
    message: Message = obj[key][0]
    return message


def _preference_problem(value: Any) -> str | None:
    if not isinstance(value, list) or len(value) != 1:
        got = f"{len(value)} items" if isinstance(value, list) else _kind(value)
        return f"expected a list holding exactly one assistant message, got {got}"
    reply = value[0]
    if not isinstance(reply, dict):
        return f"expected an assistant message object, got {_kind(reply)}"
    if reply.get("role") != "assistant":
        return f"role must be 'assistant', got {reply.get('role')!r}"
    content = reply.get("content")
    if not isinstance(content, str) or not content:
        shown = "an empty string" if content == "" else _kind(content)
        return f"content must be non-empty text, got {shown}"
    extra = reply.keys() - PREFERENCE_REPLY_KEYS
    if extra:
        return f"a preference output is text only; unexpected key(s) {', '.join(sorted(map(repr, extra)))}"
    return None


def _check_messages(
    messages: list[Any], where: str, line: int, out: list[Issue], roles: set[str]
) -> None:
    """Check each message; ``roles`` collects the valid roles seen (for the warnings)."""
    call_ids: set[str] = set()
    for i, message in enumerate(messages):
        if type(message) is dict and len(message) == 2:
            # Fast path for the common {"role": ..., "content": "text"} message.
            role = message.get("role")
            content = message.get("content")
            if type(content) is str and content and type(role) is str and role in PLAIN_ROLES:
                roles.add(role)
                continue
        field_ = f"{where}[{i}]"
        if not isinstance(message, dict):
            out.append(
                Issue(
                    line, "data_type", f"{field_}: expected a message object, got {_kind(message)}"
                )
            )
            continue
        _check_message(message, field_, line, out, call_ids)
        role = message.get("role")
        if isinstance(role, str) and role in ROLES:
            roles.add(role)


def _check_message(
    message: dict[str, Any], field_: str, line: int, out: list[Issue], call_ids: set[str]
) -> None:
    if not message.keys() <= MESSAGE_KEYS:
        extra = ", ".join(sorted(repr(k) for k in message.keys() - MESSAGE_KEYS))
        out.append(
            Issue(line, "message_unrecognized_key", f"{field_}: unrecognized key(s) {extra}")
        )
    role = message.get("role")
    if role is None:
        out.append(Issue(line, "message_missing_key", f"{field_}.role: missing"))
    elif not isinstance(role, str) or role not in ROLES:
        out.append(Issue(line, "unrecognized_role", f"{field_}.role: unrecognized role {role!r}"))
    calls = role == "assistant" and _check_calls(message, field_, line, out, call_ids)
    _check_content(message, role, field_, line, out, may_be_empty=calls)
    if "weight" in message:
        _check_weight(message["weight"], field_, line, out)
    if role == "tool":
        _check_tool_reply(message, field_, line, out, call_ids)
    elif role == "function" and not isinstance(message.get("name"), str):
        out.append(
            Issue(
                line, "message_missing_key", f"{field_}.name: a function message names its function"
            )
        )
    for key in ("name", "refusal"):
        value = message.get(key)
        if value is not None and not isinstance(value, str):
            out.append(
                Issue(
                    line, "invalid_type", f"{field_}.{key}: expected a string, got {_kind(value)}"
                )
            )
    if role not in ("assistant", None) and ("tool_calls" in message or "function_call" in message):
        out.append(
            Issue(line, "invalid_tool_call", f"{field_}: only assistant messages call tools")
        )


def _check_content(
    message: dict[str, Any],
    role: Any,
    field_: str,
    line: int,
    out: list[Issue],
    *,
    may_be_empty: bool,
) -> None:
    """Text, or an array of parts; may be null/absent only when the assistant calls a tool."""
    if "content" not in message:
        if not may_be_empty:
            out.append(Issue(line, "message_missing_key", f"{field_}.content: missing"))
        return
    content = message["content"]
    if isinstance(content, str):
        if not content and not may_be_empty:
            out.append(Issue(line, "missing_content", f"{field_}.content: is empty"))
    elif content is None:
        if not may_be_empty:
            out.append(Issue(line, "missing_content", f"{field_}.content: is null"))
    elif isinstance(content, list):
        _check_parts(content, role, f"{field_}.content", line, out, may_be_empty=may_be_empty)
    else:
        out.append(
            Issue(
                line,
                "invalid_content_type",
                f"{field_}.content: expected a string or a list of content parts, got {_kind(content)}",
            )
        )


def _check_parts(
    parts: list[Any], role: Any, field_: str, line: int, out: list[Issue], *, may_be_empty: bool
) -> None:
    if not parts and not may_be_empty:
        out.append(Issue(line, "missing_content", f"{field_}: is an empty list"))
    for j, part in enumerate(parts):
        where = f"{field_}[{j}]"
        reason = _part_problem(part, role)
        if reason is not None:
            out.append(Issue(line, "invalid_content_part", f"{where}: {reason}"))


def _part_problem(part: Any, role: Any) -> str | None:
    if not isinstance(part, dict):
        return f"expected a content part object, got {_kind(part)}"
    kind = part.get("type")
    if kind is None:
        return "missing 'type' (text or image_url)"
    if kind == "text":
        return None if isinstance(part.get("text"), str) else "a text part needs a string 'text'"
    if kind == "image_url":
        if role != "user":
            return f"image parts are only allowed in user messages, not {role!r}"
        image = part.get("image_url")
        url = image.get("url") if isinstance(image, dict) else None
        return None if isinstance(url, str) and url else "an image_url part needs image_url.url"
    return f"unknown part type {kind!r} (expected text or image_url)"


def _check_calls(
    message: dict[str, Any], field_: str, line: int, out: list[Issue], call_ids: set[str]
) -> bool:
    """Check tool_calls/function_call; True when the message calls something (content optional)."""
    calls = message.get("tool_calls")
    fn = message.get("function_call")
    if calls is None and fn is None:
        return False
    if calls is not None:
        if not isinstance(calls, list) or not calls:
            out.append(
                Issue(
                    line,
                    "invalid_tool_call",
                    f"{field_}.tool_calls: expected a non-empty list, got {_kind(calls)}",
                )
            )
        else:
            for j, call in enumerate(calls):
                _check_call(call, f"{field_}.tool_calls[{j}]", line, out, call_ids)
    if fn is not None:
        problem = _function_problem(fn)
        if problem:
            out.append(Issue(line, "invalid_tool_call", f"{field_}.function_call{problem}"))
    return True


def _check_call(call: Any, where: str, line: int, out: list[Issue], call_ids: set[str]) -> None:
    if not isinstance(call, dict):
        out.append(
            Issue(line, "invalid_tool_call", f"{where}: expected an object, got {_kind(call)}")
        )
        return
    call_id = call.get("id")
    if not isinstance(call_id, str) or not call_id:
        out.append(
            Issue(
                line,
                "invalid_tool_call",
                f"{where}.id: expected a non-empty string, got {_kind(call_id)}",
            )
        )
    else:
        call_ids.add(call_id)
    if call.get("type", "function") != "function":
        out.append(
            Issue(
                line,
                "invalid_tool_call",
                f"{where}.type: expected 'function', got {call.get('type')!r}",
            )
        )
    problem = _function_problem(call.get("function"))
    if problem:
        out.append(Issue(line, "invalid_tool_call", f"{where}.function{problem}"))


def _function_problem(fn: Any) -> str | None:
    """Why a ``{"name", "arguments"}`` call is wrong, as a field suffix plus reason, or None."""
    if not isinstance(fn, dict):
        return f": expected an object with name and arguments, got {_kind(fn)}"
    if not isinstance(fn.get("name"), str) or not fn["name"]:
        return f".name: expected a non-empty string, got {_kind(fn.get('name'))}"
    args = fn.get("arguments")
    if not isinstance(args, str):
        return f".arguments: expected a JSON string, got {_kind(args)} (serialise the arguments)"
    try:
        orjson.loads(args)
    except orjson.JSONDecodeError:
        return f".arguments: not valid JSON: {_clip(args)!r}"
    return None


def _check_tool_reply(
    message: dict[str, Any], field_: str, line: int, out: list[Issue], call_ids: set[str]
) -> None:
    call_id = message.get("tool_call_id")
    if not isinstance(call_id, str) or not call_id:
        got = "missing" if call_id is None else f"expected a string, got {_kind(call_id)}"
        out.append(Issue(line, "missing_tool_call_id", f"{field_}.tool_call_id: {got}"))
    elif call_id not in call_ids:
        out.append(
            Issue(
                line,
                "missing_tool_call_id",
                f"{field_}.tool_call_id: {call_id!r} answers no earlier tool call",
            )
        )


def _check_weight(weight: Any, field_: str, line: int, out: list[Issue]) -> None:
    if type(weight) is not int or weight not in (0, 1):
        out.append(
            Issue(line, "invalid_weight", f"{field_}.weight: expected 0 or 1, got {weight!r}")
        )


def _check_tools(obj: dict[str, Any], where: str, line: int, out: list[Issue]) -> None:
    tools = obj.get("tools")
    if tools is not None:
        if not isinstance(tools, list):
            out.append(
                Issue(line, "invalid_tools", f"{where}tools: expected a list, got {_kind(tools)}")
            )
        else:
            for j, tool in enumerate(tools):
                problem = _tool_problem(tool)
                if problem:
                    out.append(Issue(line, "invalid_tools", f"{where}tools[{j}]{problem}"))
    parallel = obj.get("parallel_tool_calls")
    if parallel is not None and not isinstance(parallel, bool):
        out.append(
            Issue(
                line,
                "invalid_type",
                f"{where}parallel_tool_calls: expected true or false, got {_kind(parallel)}",
            )
        )


def _tool_problem(tool: Any) -> str | None:
    if not isinstance(tool, dict):
        return f": expected a tool object, got {_kind(tool)}"
    if tool.get("type", "function") != "function":
        return f".type: expected 'function', got {tool.get('type')!r}"
    fn = tool.get("function")
    if not isinstance(fn, dict) or not isinstance(fn.get("name"), str) or not fn["name"]:
        return ".function.name: missing"
    params = fn.get("parameters")
    if params is not None and not isinstance(params, dict):
        return f".function.parameters: expected a JSON schema object, got {_kind(params)}"
    return None


def _missing_list(where: str, value: Any) -> str:
    if value is None:
        return f"{where}: missing"
    if isinstance(value, list):
        return f"{where}: is an empty list"
    return f"{where}: expected a list of messages, got {_kind(value)}"


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _clip(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


# --------------------------------------------------------------------------- warnings and text


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
        lines.append(f"  line {issue.line}: [{issue.code}] {issue.message}")
    if report.error_total > min(len(report.errors), 50):
        counts = ", ".join(f"{code}: {n:,}" for code, n in sorted(report.error_counts.items()))
        lines.append(f"  … by code: {counts}")
    for notice in report.warnings:
        lines.append(f"warning: {notice.message}")
    total = report.total_tokens.summary()
    if total["min"] is not None:
        lines.append(
            f"tokens per example ({report.encoding}): min {total['min']:,}, median {total['median']:,.0f}, "
            f"p90 {total['p90']:,.0f}, max {total['max']:,}"
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
