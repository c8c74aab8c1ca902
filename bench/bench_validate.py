"""Validation benchmark: our streaming ``validate_file`` against the OpenAI cookbook notebook.

The baseline re-implements "Data preparation and analysis for chat model
fine-tuning": the whole file read into a list with ``json.loads``, the format-error
loop, per-message ``encoding.encode`` with tiktoken o200k_base, then the statistics,
the epoch heuristic and the billed tokens. The one deviation: the notebook calls
``encoding.encode(value)`` on every message value and crashes on tool calls (a list)
and null content, so non-string values are encoded as their JSON text and null as
nothing. Both sides run in fresh subprocesses so each peak RSS (``ru_maxrss`` from
``os.wait4``) is its own.

    python -m bench.bench_validate --sizes 200000,1000000

Targets (from the issue): ours ≤ 0.7× the baseline's wall time and ≤ 0.5× its peak
memory at 200k and 1M records, on two cores.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
from collections import defaultdict
from pathlib import Path
from typing import Any

import orjson

from bench import harness

OUT = harness.OUT
SEED = 20250414
GENERATOR_VERSION = 2
TIME_TARGET = 0.7
MEMORY_TARGET = 0.5

WORDS = [
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "is",
    "you",
    "that",
    "it",
    "for",
    "on",
    "with",
    "as",
    "are",
    "this",
    "be",
    "your",
    "can",
    "have",
    "not",
    "or",
    "by",
    "from",
    "at",
    "we",
    "an",
    "will",
    "if",
    "do",
    "all",
    "which",
    "their",
    "more",
    "one",
    "has",
    "what",
    "about",
    "when",
    "so",
    "there",
    "out",
    "up",
    "customer",
    "account",
    "order",
    "refund",
    "shipping",
    "invoice",
    "payment",
    "subscription",
    "password",
    "reset",
    "error",
    "timeout",
    "request",
    "response",
    "server",
    "client",
    "database",
    "query",
    "index",
    "cluster",
    "node",
    "pod",
    "deploy",
    "kubernetes",
    "docker",
    "container",
    "image",
    "build",
    "pipeline",
    "branch",
    "merge",
    "commit",
    "release",
    "function",
    "variable",
    "return",
    "value",
    "list",
    "dict",
    "string",
    "integer",
    "float",
    "null",
    "true",
    "false",
    "config",
    "please",
    "thanks",
    "sorry",
    "understand",
    "help",
    "issue",
    "problem",
    "solution",
    "step",
    "first",
    "then",
    "next",
    "finally",
    "contract",
    "clause",
    "liability",
    "warranty",
    "agreement",
    "party",
    "notice",
    "termination",
    "jurisdiction",
    "revenue",
    "margin",
    "forecast",
    "quarter",
    "growth",
    "churn",
    "retention",
    "pricing",
    "discount",
    "budget",
    "cost",
    "patient",
    "dose",
    "symptom",
    "diagnosis",
    "treatment",
    "clinic",
    "appointment",
    "insurance",
    "claim",
    "policy",
    "Paris",
    "London",
    "Tokyo",
    "Berlin",
    "Madrid",
    "Monday",
    "Tuesday",
    "January",
    "March",
    "2024",
    "2025",
    "42",
    "3.14",
    "100%",
    "we're",
    "don't",
    "can't",
    "it's",
    "I'll",
    "you'll",
    "here's",
    "let's",
    "e.g.",
    "i.e.",
    "etc.",
    "ok",
    "yes",
    "no",
    "maybe",
    "naïve",
    "café",
    "résumé",
    "–",
    "—",
    "“quoted”",
    "‘single’",
    "東京",
    "데이터",
    "données",
    "über",
    "straße",
]
PUNCT = (
    ". ",
    ", ",
    "? ",
    "! ",
    ": ",
    "; ",
    "\n",
    "\n\n- ",
    " (",
    ") ",
    " `x = 1` ",
    "\n```python\n",
)
SYSTEM_PROMPTS = 24
TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "lookup_order",
            "description": "Find an order by its id",
            "parameters": {
                "type": "object",
                "properties": {"order_id": {"type": "string"}},
                "required": ["order_id"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Current weather for a city",
            "parameters": {
                "type": "object",
                "properties": {"city": {"type": "string"}, "unit": {"type": "string"}},
                "required": ["city"],
            },
        },
    },
]


# --------------------------------------------------------------------------- synthetic data


class _TextSource:
    """Slices of one long pseudo-random text: realistic token mix, cheap to sample."""

    def __init__(self, rng: random.Random, size: int = 4_000_000) -> None:
        pieces: list[str] = []
        total = 0
        while total < size:
            piece = rng.choice(WORDS) + (rng.choice(PUNCT) if rng.random() < 0.12 else " ")
            pieces.append(piece)
            total += len(piece)
        self.text = "".join(pieces)
        self.rng = rng

    def sample(self, low: int, high: int) -> str:
        """A slice whose length is log-uniform in [low, high]: many short, some long."""
        length = int(math.exp(self.rng.uniform(math.log(low), math.log(high))))
        start = self.rng.randrange(0, len(self.text) - length)
        return self.text[start : start + length].strip() or "ok"


def _tool_example(
    src: _TextSource, rng: random.Random, system: str, n_calls: int
) -> dict[str, Any]:
    calls = [
        {
            "id": f"call_{rng.getrandbits(40):x}",
            "type": "function",
            "function": {
                "name": "get_weather",
                "arguments": json.dumps({"city": rng.choice(["Paris", "Tokyo", "Lima"])}),
            },
        }
        for _ in range(n_calls)
    ]
    messages: list[dict[str, Any]] = [
        {"role": "system", "content": system},
        {"role": "user", "content": src.sample(50, 600)},
        {"role": "assistant", "content": None, "tool_calls": calls},
    ]
    messages += [
        {
            "role": "tool",
            "tool_call_id": c["id"],
            "content": json.dumps({"temp_c": rng.randint(-5, 35)}),
        }
        for c in calls
    ]
    messages.append({"role": "assistant", "content": src.sample(50, 1200)})
    return {"messages": messages, "tools": TOOLS, "parallel_tool_calls": n_calls > 1}


def _chat_example(src: _TextSource, rng: random.Random, system: str) -> dict[str, Any]:
    turns = 1 if rng.random() < 0.7 else rng.randint(2, 4)
    messages: list[dict[str, Any]] = [{"role": "system", "content": system}]
    for _ in range(turns):
        messages.append({"role": "user", "content": src.sample(50, 1500)})
        reply: dict[str, Any] = {"role": "assistant", "content": src.sample(50, 2000)}
        if turns > 1 and rng.random() < 0.3:
            reply["weight"] = rng.randint(0, 1)
        messages.append(reply)
    return {"messages": messages}


def generate(path: Path, n: int, seed: int = SEED) -> Path:
    """Write ``n`` chat examples (≈10 % with tool calls, ≈3 % parallel) deterministically."""
    rng = random.Random(seed)
    src = _TextSource(rng)
    systems = [src.sample(50, 400) for _ in range(SYSTEM_PROMPTS)]
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        for _ in range(n):
            system = rng.choice(systems)
            roll = rng.random()
            if roll < 0.07:
                example = _tool_example(src, rng, system, 1)
            elif roll < 0.10:
                example = _tool_example(src, rng, system, rng.randint(2, 3))
            else:
                example = _chat_example(src, rng, system)
            fh.write(orjson.dumps(example) + b"\n")
    os.replace(tmp, path)
    return path


def dataset(n: int) -> Path:
    """The cached synthetic file for ``n`` records (regenerated when the generator changes)."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"chat_{n}_v{GENERATOR_VERSION}_s{SEED}.jsonl"
    if not path.exists():
        generate(path, n)
    return path


# --------------------------------------------------------------------------- the two contenders


def cookbook_baseline(path: Path) -> dict[str, Any]:  # noqa: C901 -- the cookbook notebook step for step, kept as written to compare against
    """The notebook's analysis, step for step (see the module docstring for the one deviation)."""
    import numpy as np

    from curation.ingest.tokens import context_limit, get_encoding

    with open(path, encoding="utf-8") as f:
        dataset = [json.loads(line) for line in f]

    format_errors: defaultdict[str, int] = defaultdict(int)
    for ex in dataset:
        if not isinstance(ex, dict):
            format_errors["data_type"] += 1
            continue
        messages = ex.get("messages", None)
        if not messages:
            format_errors["missing_messages_list"] += 1
            continue
        for message in messages:
            if "role" not in message or "content" not in message:
                format_errors["message_missing_key"] += 1
            if any(
                k not in ("role", "content", "name", "function_call", "weight") for k in message
            ):
                format_errors["message_unrecognized_key"] += 1
            if message.get("role", None) not in ("system", "user", "assistant", "function"):
                format_errors["unrecognized_role"] += 1
            content = message.get("content", None)
            function_call = message.get("function_call", None)
            if (not content and not function_call) or not isinstance(content, str):
                format_errors["missing_content"] += 1
        if not any(message.get("role", None) == "assistant" for message in messages):
            format_errors["example_missing_assistant_message"] += 1

    encoding = get_encoding("o200k_base")

    def encode_value(value: Any) -> list[int]:
        if isinstance(value, str):
            return list(encoding.encode(value))
        return [] if value is None else list(encoding.encode(json.dumps(value)))

    def num_tokens_from_messages(
        messages: list[dict[str, Any]], tokens_per_message: int = 3, tokens_per_name: int = 1
    ) -> int:
        num_tokens = 0
        for message in messages:
            num_tokens += tokens_per_message
            for key, value in message.items():
                num_tokens += len(encode_value(value))
                if key == "name":
                    num_tokens += tokens_per_name
        num_tokens += 3
        return num_tokens

    def num_assistant_tokens_from_messages(messages: list[dict[str, Any]]) -> int:
        num_tokens = 0
        for message in messages:
            if message["role"] == "assistant":
                num_tokens += len(encode_value(message["content"]))
        return num_tokens

    def distribution(values: list[int]) -> dict[str, float]:
        return {
            "min": min(values),
            "max": max(values),
            "mean": float(np.mean(values)),
            "median": float(np.median(values)),
            "p10": float(np.quantile(values, 0.1)),
            "p90": float(np.quantile(values, 0.9)),
        }

    n_missing_system = 0
    n_missing_user = 0
    n_messages = []
    convo_lens = []
    assistant_message_lens = []
    for ex in dataset:
        messages = ex["messages"]
        if not any(message["role"] == "system" for message in messages):
            n_missing_system += 1
        if not any(message["role"] == "user" for message in messages):
            n_missing_user += 1
        n_messages.append(len(messages))
        convo_lens.append(num_tokens_from_messages(messages))
        assistant_message_lens.append(num_assistant_tokens_from_messages(messages))

    max_tokens_per_example = context_limit("gpt-4.1")
    n_too_long = sum(length > max_tokens_per_example for length in convo_lens)
    n_epochs = 3
    n_train_examples = len(dataset)
    if n_train_examples * 3 < 100:
        n_epochs = min(25, 100 // n_train_examples)
    elif n_train_examples * 3 > 25000:
        n_epochs = max(1, 25000 // n_train_examples)
    n_billing_tokens_in_dataset = sum(min(max_tokens_per_example, length) for length in convo_lens)
    return {
        "examples": n_train_examples,
        "format_errors": dict(format_errors),
        "missing_system": n_missing_system,
        "missing_user": n_missing_user,
        "messages": distribution(n_messages),
        "total_tokens": distribution(convo_lens),
        "assistant_tokens": distribution(assistant_message_lens),
        "too_long": n_too_long,
        "n_epochs": n_epochs,
        "billed_tokens": n_billing_tokens_in_dataset,
    }


def ours(path: Path) -> dict[str, Any]:
    from curation.ingest.validate import validate_file

    report = validate_file(path, model="gpt-4.1", price_per_million=25.0).as_dict()
    return {
        "examples": report["examples"],
        "error_counts": report["error_counts"],
        "total_tokens": report["tokens"]["total"],
        "assistant_tokens": report["tokens"]["assistant"],
        "n_epochs": report["n_epochs"],
        "billed_tokens": report["billed_tokens"],
        "encoding": report["encoding"],
    }


CONTENDERS = {"baseline": cookbook_baseline, "ours": ours}


def measure(which: str, path: Path) -> dict[str, Any]:
    return harness.measure("bench.bench_validate", which, str(path))


def run(sizes: list[int]) -> list[dict[str, Any]]:
    """One row per size: wall time and peak RSS of both, and the ratios ours/baseline."""
    rows = []
    for n in sizes:
        path = dataset(n)
        base = measure("baseline", path)
        mine = measure("ours", path)
        time_ratio = mine["seconds"] / base["seconds"]
        rss_ratio = mine["peak_rss_mb"] / base["peak_rss_mb"]
        rows.append(
            {
                "benchmark": "validate",
                "records": n,
                "file_mb": round(path.stat().st_size / 1e6, 1),
                "cores": os.cpu_count(),
                "baseline_seconds": round(base["seconds"], 2),
                "ours_seconds": round(mine["seconds"], 2),
                "baseline_peak_rss_mb": round(base["peak_rss_mb"], 1),
                "ours_peak_rss_mb": round(mine["peak_rss_mb"], 1),
                "time_ratio": round(time_ratio, 3),
                "rss_ratio": round(rss_ratio, 3),
                "meets_time_target": time_ratio <= TIME_TARGET,
                "meets_memory_target": rss_ratio <= MEMORY_TARGET,
                "baseline_billed_tokens": base["summary"]["billed_tokens"],
                "ours_billed_tokens": mine["summary"]["billed_tokens"],
                "ours_encoding": mine["summary"]["encoding"],
            }
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="200000,1000000", help="comma-separated record counts")
    parser.add_argument("--child", nargs=2, metavar=("WHICH", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        harness.child(CONTENDERS[args.child[0]], Path(args.child[1]))
        return
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    for row in run(sizes):
        print(json.dumps(row))


if __name__ == "__main__":
    main()
