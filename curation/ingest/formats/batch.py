"""OpenAI Batch API files: request lines ``{"custom_id", "method", "url", "body"}`` joined
to result lines ``{"custom_id", "response": {"status_code", "body"}, "error"}``.

:func:`join_batch` groups the requests whose bodies ask the same thing (same messages,
tools and instructions) and writes one line per group with every result, so several
outputs for one prompt (``n`` > 1, or the same prompt sent under several ids) become the
completions of one record, ready to pair and rank. Chat Completions and Responses
bodies are both read. A request line alone is a record without completions.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from curation.errors import FieldError, InputError
from curation.fileio.atomic import atomic_writer
from curation.fileio.jsonl import iter_jsonl
from curation.ingest.formats.base import Format
from curation.ingest.formats.common import messages_list, require_key, require_object, type_name
from curation.ingest.formats.notes import note
from curation.records import Completion, Message, Record, canonical_json

REQUEST_KEYS = frozenset({"model", "messages", "tools", "input", "instructions"})


class OpenAIBatch(Format):
    name = "openai-batch"
    label = "OpenAI Batch API (requests joined to results by custom_id)"
    rule = "`custom_id` with a request `body` (results joined by `curation import-batch`)"
    example = '{"custom_id":"q1","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4.1","messages":[{"role":"user","content":"Hi"}]}}'
    priority = 10

    def detect(self, obj: dict[str, Any]) -> bool:
        return "custom_id" in obj and ("body" in obj or "response" in obj)

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        if "body" not in obj and "response" in obj:
            raise FieldError(
                "body",
                "a result line has no prompt: import the results with their requests"
                " (curation import-batch REQUESTS RESULTS)",
            )
        body = require_key(obj, "body")
        if not isinstance(body, dict):
            raise FieldError("body", f"expected an object, got {type_name(body)}")
        messages, tools = request_messages(body)
        completions: list[Completion] = []
        for i, result in enumerate(obj.get("results") or []):
            completions.extend(_result_completions(result, f"results[{i}]"))
        metadata: dict[str, Any] = {"custom_id": require_key(obj, "custom_id")}
        if isinstance(body.get("model"), str):
            metadata["model"] = body["model"]
        settings = {k: v for k, v in body.items() if k not in REQUEST_KEYS}
        if settings:
            metadata["request"] = settings
            for key in settings:
                note(key, "requests", "sampling setting: kept in metadata.request")
        return Record(
            messages=messages,
            tools=tools,
            metadata=metadata,
            completions=completions,
            extra={
                k: v
                for k, v in obj.items()
                if k not in ("custom_id", "body", "results", "method", "url")
            },
        )

    def dump(self, record: Record) -> dict[str, Any]:
        body: dict[str, Any] = {"messages": record.messages}
        if record.metadata.get("model"):
            body = {"model": record.metadata["model"], **body}
        if isinstance(record.metadata.get("request"), dict):
            body.update(record.metadata["request"])
        if record.tools:
            body["tools"] = record.tools
        return {
            "custom_id": str(record.metadata.get("custom_id", "")),
            "method": "POST",
            "url": "/v1/chat/completions",
            "body": body,
        }


def request_messages(body: dict[str, Any]) -> tuple[list[Message], list[Any] | None]:
    """The conversation of a Chat Completions or Responses request body."""
    tools = body.get("tools")
    if "messages" in body:
        return messages_list(body["messages"], "body.messages"), tools
    messages: list[Message] = []
    if isinstance(body.get("instructions"), str):
        messages.append({"role": "developer", "content": body["instructions"]})
    inp = require_key(body, "input", "body.")
    if isinstance(inp, str):
        messages.append({"role": "user", "content": inp})
    elif isinstance(inp, list):
        for i, item in enumerate(inp):
            if not isinstance(item, dict) or "role" not in item:
                raise FieldError(f"body.input[{i}]", "expected a message with a role")
            messages.append(
                {"role": item["role"], "content": _responses_content(item.get("content"))}
            )
    else:
        raise FieldError("body.input", f"expected a string or messages, got {type_name(inp)}")
    return messages, tools


def _responses_content(content: Any) -> Any:
    if isinstance(content, list):
        texts = [p.get("text") for p in content if isinstance(p, dict)]
        if all(isinstance(t, str) for t in texts):
            return "\n".join(t for t in texts if isinstance(t, str))
    return content


def _result_completions(result: Any, field: str) -> list[Completion]:
    if not isinstance(result, dict):
        raise FieldError(field, f"expected a result line, got {type_name(result)}")
    source = str(result.get("custom_id", ""))
    response = result.get("response") or {}
    if result.get("error") or (
        isinstance(response, dict) and response.get("status_code", 200) != 200
    ):
        note("error", "batch results", "failed request: no completion")
        return []
    body = response.get("body") if isinstance(response, dict) else None
    if not isinstance(body, dict):
        raise FieldError(f"{field}.response.body", "missing")
    out: list[Completion] = []
    model = body.get("model")
    scores = {"model": model} if isinstance(model, str) else {}
    for i, choice in enumerate(body.get("choices") or []):
        message = choice.get("message") if isinstance(choice, dict) else None
        if not isinstance(message, dict):
            raise FieldError(f"{field}.response.body.choices[{i}].message", "missing")
        kept = {k: v for k, v in message.items() if v is not None or k == "content"}
        for k in ("refusal", "annotations", "audio"):
            if k in kept and not kept[k]:
                kept.pop(k)
        out.append(Completion([kept], source=source, scores=dict(scores)))
    if "output" in body:
        out.append(
            Completion(
                [_responses_output(body["output"], field)], source=source, scores=dict(scores)
            )
        )
    return out


def _responses_output(output: Any, field: str) -> Message:
    if not isinstance(output, list):
        raise FieldError(
            f"{field}.response.body.output", f"expected a list, got {type_name(output)}"
        )
    texts: list[str] = []
    reasoning: list[str] = []
    calls: list[dict[str, Any]] = []
    for item in output:
        if not isinstance(item, dict):
            continue
        kind = item.get("type")
        if kind == "message":
            texts += [
                str(p.get("text", ""))
                for p in item.get("content") or []
                if isinstance(p, dict) and p.get("type") == "output_text"
            ]
        elif kind == "reasoning":
            reasoning += [
                str(s.get("text", "")) for s in item.get("summary") or [] if isinstance(s, dict)
            ]
        elif kind == "function_call":
            calls.append(
                {
                    "id": str(item.get("call_id", item.get("id", ""))),
                    "type": "function",
                    "function": {
                        "name": item.get("name"),
                        "arguments": item.get("arguments", "{}"),
                    },
                }
            )
    message: Message = {"role": "assistant", "content": "\n".join(texts) if texts else None}
    if calls:
        message["tool_calls"] = calls
    if reasoning:
        message["reasoning_content"] = "\n\n".join(reasoning)
    return message


BadLine = tuple[int, str, str, str]
"""A request line that cannot be used: (line number, field, reason, code)."""


def join_batch(
    requests: str | Path,
    results: str | Path,
    dest: str | Path,
    bad_requests: list[BadLine] | None = None,
) -> int:
    """Write ``dest``: one line per distinct request with every result for it; the number of
    result lines whose ``custom_id`` matched no request is returned (they are reported).
    Request lines that cannot be used (not JSON, not an object, no ``custom_id``) are added
    to ``bad_requests`` with their line numbers."""
    by_id: dict[str, str] = {}
    groups: dict[str, dict[str, Any]] = {}
    bad = bad_requests if bad_requests is not None else []
    for item in iter_jsonl(requests):
        if item.error is not None:
            bad.append((item.line, "", item.error, item.code))
            continue
        if not isinstance(item.value, dict):
            bad.append((item.line, "", "expected a request object", "invalid_field"))
            continue
        if "custom_id" not in item.value:
            bad.append((item.line, "custom_id", "missing", "invalid_field"))
            continue
        obj = item.value
        raw_body = obj.get("body")
        body: dict[str, Any] = raw_body if isinstance(raw_body, dict) else {}
        key = canonical_json(
            {k: body.get(k) for k in ("messages", "input", "instructions", "tools")}
        ).decode()
        by_id[str(obj["custom_id"])] = key
        groups.setdefault(key, {**obj, "results": []})
    unmatched = 0
    for item in iter_jsonl(results):
        obj = item.value
        if not isinstance(obj, dict) or str(obj.get("custom_id")) not in by_id:
            unmatched += 1
            continue
        groups[by_id[str(obj["custom_id"])]]["results"].append(obj)
    if not groups:
        raise InputError(f"{requests}: no request line with a custom_id")
    with atomic_writer(dest) as fh:
        for line in _lines(groups.values()):
            fh.write(line)
    return unmatched


def _lines(groups: Any) -> Iterator[bytes]:
    for group in groups:
        yield orjson.dumps(group) + b"\n"
