"""Shared examples and helpers for the format tests (not a conftest: import it explicitly)."""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

from curation.ingest.formats import FORMATS, Parsed, read_records
from curation.records import Record
from tests.helpers.common import SHARED_DATA

HH_RLHF = SHARED_DATA / "hh-rlhf-harmless-base-test.jsonl.gz"

WEATHER_TOOL: dict[str, Any] = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather for a city",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "unit": {"enum": ["c", "f"]}},
            "required": ["city"],
        },
    },
}

OPENAI_CHAT_TOOLS: dict[str, Any] = {
    "messages": [
        {"role": "developer", "content": "You are terse. Use tools when needed."},
        {"role": "user", "content": "What's the weather in Paris?", "name": "alice"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_abc",
                    "type": "function",
                    "function": {
                        "name": "get_weather",
                        "arguments": '{"city": "Paris", "unit": "c"}',
                    },
                }
            ],
            "weight": 0,
        },
        {"role": "tool", "tool_call_id": "call_abc", "content": '{"temp": 18, "sky": "cloudy"}'},
        {"role": "assistant", "content": "18 °C and cloudy in Paris.", "weight": 1},
    ],
    "tools": [WEATHER_TOOL],
    "parallel_tool_calls": False,
}

OPENAI_CHAT_PARTS: dict[str, Any] = {
    "messages": [
        {"role": "system", "content": [{"type": "text", "text": "Describe images."}]},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "What is in this picture?"},
                {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}},
            ],
        },
        {"role": "assistant", "content": "A cat on a windowsill."},
    ]
}

OPENAI_CHAT_SIMPLE: dict[str, Any] = {
    "messages": [
        {"role": "system", "content": "You are helpful."},
        {"role": "user", "content": "2+2?"},
        {"role": "assistant", "content": "4"},
    ]
}

OPENAI_PREFERENCE: dict[str, Any] = {
    "input": {
        "messages": [
            {"role": "user", "content": "Hello, can you tell me how cold San Francisco is today?"}
        ],
        "tools": [],
        "parallel_tool_calls": True,
    },
    "preferred_output": [
        {"role": "assistant", "content": "Today in San Francisco it is not quite cold, 23°C."}
    ],
    "non_preferred_output": [
        {"role": "assistant", "content": "It is not particularly cold in San Francisco today."}
    ],
}

OPENAI_RFT: dict[str, Any] = {
    "messages": [
        {"role": "developer", "content": "Answer with a single number."},
        {"role": "user", "content": "How many legs does a spider have?"},
    ],
    "reference_answer": {"value": 8, "unit": "legs"},
    "grader_hint": "exact",
}

RFT_PAIRS: dict[str, Any] = {
    "messages": [
        {"role": "system", "content": "You are a careful analyst."},
        {"role": "user", "content": "Summarise the quarterly report in one sentence."},
    ],
    "preferred_completion": "Revenue grew 12% while costs stayed flat, lifting margin to 31%.",
    "rejected_completion": {
        "role": "assistant",
        "content": "The report talks about revenue and costs.",
    },
    "metadata": {"quality_delta": [0.4, 0.2], "criteria": ["specificity", "accuracy"]},
}

N_COMPLETIONS: dict[str, Any] = {
    "messages": [{"role": "user", "content": "Write a haiku about autumn."}],
    "completions": [
        "Red leaves drift and fall / the pond holds a colder sky / geese write south in ink",
        {"role": "assistant", "content": "Autumn is a season when leaves fall."},
        [{"role": "assistant", "content": "Crisp air, amber light / ..."}],
        {"content": "Leaves. Fall. Cold. Done."},
    ],
    "quality_scores": [0.92, 0.31, 0.75, 0.12],
    "evaluation_criteria": ["form", "imagery", "originality"],
    "rankings": [[0, 2], [2, 1], [1, 3], [0, 3]],
    "source_id": "haiku-17",
}

TRL_STANDARD_EXPLICIT: dict[str, Any] = {
    "prompt": "The sky is",
    "chosen": " blue.",
    "rejected": " green.",
}
TRL_STANDARD_IMPLICIT: dict[str, Any] = {
    "chosen": "The sky is blue.",
    "rejected": "The sky is green.",
}
TRL_CONV_EXPLICIT: dict[str, Any] = {
    "prompt": [{"role": "user", "content": "What color is the sky?"}],
    "chosen": [{"role": "assistant", "content": "It is blue."}],
    "rejected": [{"role": "assistant", "content": "It is green."}],
}
TRL_CONV_IMPLICIT: dict[str, Any] = {
    "chosen": [
        {"role": "user", "content": "What color is the sky?"},
        {"role": "assistant", "content": "It is blue."},
    ],
    "rejected": [
        {"role": "user", "content": "What color is the sky?"},
        {"role": "assistant", "content": "It is green."},
    ],
}
TRL_TOOLS: dict[str, Any] = {
    "prompt": [{"role": "user", "content": "Weather in Oslo?"}],
    "chosen": [
        {
            "role": "assistant",
            "tool_calls": [
                {
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": {"city": "Oslo", "unit": "c"}},
                }
            ],
        }
    ],
    "rejected": [{"role": "assistant", "content": "I cannot know that."}],
    "tools": [WEATHER_TOOL],
}

SHAREGPT: dict[str, Any] = {
    "id": "conv-1",
    "system": "You are a weather bot.",
    "conversations": [
        {"from": "human", "value": "Weather in Rome?"},
        {
            "from": "function_call",
            "value": '{"name": "get_weather", "arguments": {"city": "Rome"}}',
        },
        {"from": "observation", "value": '{"temp": 25}'},
        {"from": "gpt", "value": "It is 25 °C in Rome."},
    ],
    "tools": orjson.dumps([WEATHER_TOOL]).decode(),
}

ALPACA_ROWS: list[dict[str, Any]] = [
    {
        "instruction": "Translate to French.",
        "input": "Good morning",
        "output": "Bonjour",
    },
    {"instruction": "Name three primary colours.", "input": "", "output": "Red, yellow, blue."},
    {"instruction": "Give a synonym for happy.", "output": "Joyful."},
    {
        "instruction": "And for sad?",
        "input": "",
        "output": "Unhappy.",
        "system": "You are a thesaurus.",
        "history": [["Give a synonym for happy.", "Joyful."]],
    },
]

HH_SINGLE: dict[str, Any] = {
    "chosen": "\n\nHuman: What is a good name for a cat?\n\nAssistant: Whiskers is a classic.",
    "rejected": "\n\nHuman: What is a good name for a cat?\n\nAssistant: Dog.",
}
HH_MULTI: dict[str, Any] = {
    "chosen": (
        "\n\nHuman: Hi\n\nAssistant: Hello! How can I help?"
        "\n\nHuman: Tell me a fact.\n\nAssistant: Octopuses have three hearts."
    ),
    "rejected": (
        "\n\nHuman: Hi\n\nAssistant: Hello! How can I help?"
        "\n\nHuman: Tell me a fact.\n\nAssistant: No."
    ),
}
HH_SPANNING: dict[str, Any] = {
    # The transcripts diverge at the second Human turn: the completions span several turns.
    "chosen": (
        "\n\nHuman: Hi\n\nAssistant: Hello!\n\nHuman: Fact please.\n\nAssistant: Bees dance."
    ),
    "rejected": "\n\nHuman: Hi\n\nAssistant: Hello!\n\nHuman: Go away.\n\nAssistant: Bye.",
}

ULTRAFEEDBACK: dict[str, Any] = {
    "source": "evol_instruct",
    "instruction": "Explain recursion to a child.",
    "models": ["gpt-4", "llama-2-7b-chat", "alpaca-7b"],
    "completions": [
        {
            "model": "gpt-4",
            "response": "Recursion is when something is defined using a smaller copy of itself.",
            "annotations": {
                "helpfulness": {"Rating": "5", "Rationale": "clear"},
                "honesty": {"Rating": "4", "Rationale": "confident"},
            },
            "overall_score": 8.5,
        },
        {
            "model": "llama-2-7b-chat",
            "response": "It is a loop.",
            "annotations": {
                "helpfulness": {"Rating": "2", "Rationale": "vague"},
                "honesty": {"Rating": "N/A", "Rationale": "n/a"},
            },
        },
        {
            "model": "alpaca-7b",
            "response": "Recursion is like Russian dolls.",
            "annotations": {
                "helpfulness": {"Rating": "N/A"},
                "honesty": {"Rating": "N/A"},
            },
        },
    ],
}

# One valid record per JSON format (the key is the format name).
EXAMPLES: dict[str, dict[str, Any]] = {
    "openai-chat": OPENAI_CHAT_TOOLS,
    "openai-preference": OPENAI_PREFERENCE,
    "openai-rft": OPENAI_RFT,
    "rft-pairs": RFT_PAIRS,
    "n-completions": N_COMPLETIONS,
    "trl-preference": TRL_CONV_IMPLICIT,
    "sharegpt": SHAREGPT,
    "alpaca": ALPACA_ROWS[0],
    "hh-rlhf": HH_MULTI,
    "ultrafeedback": ULTRAFEEDBACK,
}
# Newer formats carry their own one-line example (shown by ``curation formats``).
EXAMPLES.update(
    {
        name: orjson.loads(fmt.example)
        for name, fmt in FORMATS.items()
        if name not in EXAMPLES and name != "table"
    }
)


def dumps(obj: Any) -> str:
    return orjson.dumps(obj).decode()


def write_jsonl(path: Path, rows: Iterable[Any], *, gz: bool = False) -> Path:
    data = "".join((row if isinstance(row, str) else dumps(row)) + "\n" for row in rows).encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def write_json(path: Path, value: Any, *, indent: bool = True) -> Path:
    option = orjson.OPT_INDENT_2 if indent else 0
    path.write_bytes(orjson.dumps(value, option=option))
    return path


def records(parsed: Iterable[Parsed]) -> list[Record]:
    out = []
    for p in parsed:
        assert p.error is None, f"unexpected error: {p.error}"
        assert p.record is not None
        out.append(p.record)
    return out


def read_all(path: Path, format: str | None = None) -> list[Parsed]:
    return list(read_records(path, format))


def errors(parsed: Iterable[Parsed]) -> list[tuple[int, str]]:
    return [(p.error.line, p.error.field) for p in parsed if p.error is not None]
