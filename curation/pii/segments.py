"""Where the text of a record lives, and how to put redacted text back in the same place.

A record is read as a tree: ``{"messages": [...], "completions": [{"messages": [...]}],
"extra": {...}, "metadata": {...}}`` in the workspace, or the raw JSON object of a file
line. A :class:`Segment` is one string of that tree with its path
(``messages[3].tool_calls[0].function.arguments``, ``extra.reference_answer``); ``detect``
says whether recognisers run on it or only values confirmed elsewhere are looked for.
Every string that is not structure (roles, ids, names of tools, …) is detected on: message
text, grader fields, other top-level keys an import kept, metadata, CSV columns. Tool and
function definitions (``tools``, ``functions``) are schemas, not conversation, and are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from curation.errors import InternalError

PathKey = str | int
Path = tuple[PathKey, ...]

# Keys whose string values are structure, never free text.
STRUCTURAL_KEYS = frozenset(
    {
        "role",
        "type",
        "name",
        "id",
        "tool_call_id",
        "call_id",
        "from",
        "weight",
        "model",
        "image_url",
        "url",
        "detail",
        "format",
        "mime_type",
        "media_type",
        "finish_reason",
        "index",
        "parallel_tool_calls",
    }
)


@dataclass(frozen=True, slots=True)
class Segment:
    path: Path
    text: str
    detect: bool = True

    @property
    def location(self) -> str:
        return render(self.path)


def render(path: Path) -> str:
    """``("messages", 2, "content")`` → ``messages[2].content``."""
    out = ""
    for key in path:
        if isinstance(key, int):
            out += f"[{key}]"
        else:
            out += ("." if out else "") + _quote_key(key)
    return out


_PLAIN_KEY = regex.compile(r"[\w\-]+")


def _quote_key(key: str) -> str:
    return key if _PLAIN_KEY.fullmatch(key) else '"' + key.replace('"', '\\"') + '"'


_TOKEN = regex.compile(r'\[(\d+)\]|\.?"((?:[^"\\]|\\.)*)"|\.?([\w\-]+)')


def parse(location: str) -> Path:
    """The inverse of :func:`render`."""
    out: list[PathKey] = []
    pos = 0
    while pos < len(location):
        m = _TOKEN.match(location, pos)
        if m is None or m.end() == pos:
            raise InternalError(f"{location!r} is not a location such as messages[2].content")
        if m.group(1) is not None:
            out.append(int(m.group(1)))
        elif m.group(2) is not None:
            out.append(m.group(2).replace('\\"', '"'))
        else:
            out.append(m.group(3))
        pos = m.end()
    return tuple(out)


def get_at(root: Any, path: Path) -> Any:
    node = root
    for key in path:
        node = node[key]
    return node


def set_at(root: Any, path: Path, value: Any) -> None:
    node = get_at(root, path[:-1])
    node[path[-1]] = value


# --------------------------------------------------------------------------- messages


def message_strings(message: Any, prefix: Path) -> Iterator[Segment]:
    """The free text of one chat message: content, text parts, tool-call arguments, tool results."""
    if not isinstance(message, dict):
        if isinstance(message, str):  # a completion given as a bare string
            yield Segment(prefix, message)
        return
    content = message.get("content")
    if isinstance(content, str):
        yield Segment((*prefix, "content"), content)
    elif isinstance(content, list):
        for j, part in enumerate(content):
            if isinstance(part, str):
                yield Segment((*prefix, "content", j), part)
            elif isinstance(part, dict) and isinstance(part.get("text"), str):
                yield Segment((*prefix, "content", j, "text"), part["text"])
    calls = message.get("tool_calls")
    for k, call in enumerate(calls if isinstance(calls, list) else []):
        fn = call.get("function") if isinstance(call, dict) else None
        if not isinstance(fn, dict):
            continue
        args = fn.get("arguments")
        where: Path = (*prefix, "tool_calls", k, "function", "arguments")
        if isinstance(args, str):
            yield Segment(where, args)
        elif isinstance(args, dict | list):  # TRL keeps arguments as objects
            yield from all_strings(args, where, detect=True)
    fc = message.get("function_call")
    if isinstance(fc, dict) and isinstance(fc.get("arguments"), str):
        yield Segment((*prefix, "function_call", "arguments"), fc["arguments"])
    for key, value in message.items():
        if key in ("content", "tool_calls", "function_call") or key in STRUCTURAL_KEYS:
            continue
        yield from all_strings(value, (*prefix, key), detect=True)


def messages_strings(messages: Any, prefix: Path) -> Iterator[Segment]:
    if isinstance(messages, list):
        for i, message in enumerate(messages):
            yield from message_strings(message, (*prefix, i))
    elif isinstance(messages, dict | str):
        yield from message_strings(messages, prefix)


def all_strings(value: Any, prefix: Path, *, detect: bool) -> Iterator[Segment]:
    """Every string under ``value`` (dict keys excluded, structural keys skipped)."""
    if isinstance(value, str):
        yield Segment(prefix, value, detect)
    elif isinstance(value, dict):
        for key, child in value.items():
            if key in STRUCTURAL_KEYS and isinstance(child, str | int | float | bool):
                continue
            yield from all_strings(child, (*prefix, key), detect=detect)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from all_strings(child, (*prefix, i), detect=detect)


# Top-level keys of a record's ``extra`` that are schemas or flags, not text.
EXTRA_SCHEMA_KEYS = frozenset({"functions", "parallel_tool_calls", "tools"})


def record_tree(
    messages: list[Any],
    completions: list[list[Any]],
    extra: dict[str, Any] | None = None,
    metadata: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The tree a workspace record's locations are relative to."""
    return {
        "messages": messages,
        "completions": [{"messages": c} for c in completions],
        "extra": {} if extra is None else extra,
        "metadata": {} if metadata is None else metadata,
    }


def extra_strings(extra: Any, prefix: Path = ("extra",)) -> Iterator[Segment]:
    """Strings of a record's ``extra`` (grader fields such as ``reference_answer``, other
    top-level keys an import kept), tool schemas left out."""
    if not isinstance(extra, dict):
        return
    for key, value in extra.items():
        if key not in EXTRA_SCHEMA_KEYS:
            yield from all_strings(value, (*prefix, key), detect=True)


def record_segments(
    messages: list[Any],
    completions: list[list[Any]],
    extra: dict[str, Any] | None = None,
    metadata: dict[str, Any] | None = None,
) -> list[Segment]:
    """Text segments of a workspace record: its messages, every completion's messages, the
    strings of its ``extra`` and of its ``metadata``."""
    out = list(messages_strings(messages, ("messages",)))
    for c, msgs in enumerate(completions):
        out.extend(messages_strings(msgs, ("completions", c, "messages")))
    out.extend(extra_strings(extra))
    out.extend(all_strings(metadata or {}, ("metadata",), detect=True))
    return out


# --------------------------------------------------------------------------- raw file objects


def _field(obj: dict[str, Any], key: str, how: str) -> Iterator[Segment]:
    if key not in obj:
        return
    value = obj[key]
    if how == "text":
        yield from all_strings(value, (key,), detect=True)
    elif how == "messages" or how == "completion":
        yield from messages_strings(value, (key,))
    elif how == "completions":
        for i, item in enumerate(value if isinstance(value, list) else []):
            yield from messages_strings(item, (key, i))


# format name → (key, how) of the fields that hold conversation text
FORMAT_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "openai-chat": (("messages", "messages"),),
    "openai-rft": (("messages", "messages"),),
    "rft-pairs": (
        ("messages", "messages"),
        ("preferred_completion", "completion"),
        ("rejected_completion", "completion"),
    ),
    "n-completions": (("messages", "messages"), ("completions", "completions")),
    "trl-preference": (
        ("prompt", "completion"),
        ("chosen", "completion"),
        ("rejected", "completion"),
    ),
    "sharegpt": (("system", "text"),),
    "alpaca": (
        ("instruction", "text"),
        ("input", "text"),
        ("output", "text"),
        ("system", "text"),
        ("history", "text"),
    ),
    "hh-rlhf": (("chosen", "text"), ("rejected", "text")),
    "ultrafeedback": (("instruction", "text"),),
}
# Grader fields of an RFT line are text a model is scored against: scanned too.
RFT_RESERVED = ("messages", "tools", "metadata", "parallel_tool_calls", "functions")


def object_segments(format_name: str, obj: Any) -> list[Segment]:
    """Segments of one raw item of a file: the format's text fields, then every other string
    that is not structure (``metadata``, grader fields, keys the format does not know, CSV
    columns not mapped to a role), all detected on; tool schemas are left out."""
    if not isinstance(obj, dict):
        return list(all_strings(obj, (), detect=True))
    if format_name == "table":
        return [
            seg
            for column, value in obj.items()
            for seg in all_strings(value, (column,), detect=True)
        ]
    found = _format_segments(format_name, obj)
    # Every other string that is not structure or a tool schema.
    detected = {s.path for s in found}
    for seg in all_strings(obj, (), detect=True):
        if seg.path not in detected and not (seg.path and seg.path[0] in EXTRA_SCHEMA_KEYS):
            found.append(seg)
    # A string can be reached twice (a message key and the whole-object walk); keep one.
    unique: dict[Path, Segment] = {}
    for seg in found:
        if seg.path not in unique or (seg.detect and not unique[seg.path].detect):
            unique[seg.path] = seg
    return list(unique.values())


def _format_segments(format_name: str, obj: dict[str, Any]) -> list[Segment]:
    """The text fields a format defines (messages, turns, completions, grader fields)."""
    found: list[Segment] = []
    if format_name == "openai-preference":
        inp = obj.get("input")
        if isinstance(inp, dict):
            found.extend(messages_strings(inp.get("messages"), ("input", "messages")))
        for key in ("preferred_output", "non_preferred_output"):
            found.extend(messages_strings(obj.get(key), (key,)))
    elif format_name == "sharegpt":
        found.extend(_item_strings(obj, "conversations", ("value", "content")))
    elif format_name == "ultrafeedback":
        found.extend(_item_strings(obj, "completions", ("response", "custom_system_prompt")))
    for key, how in FORMAT_FIELDS.get(format_name, ()):
        found.extend(_field(obj, key, how))
    if format_name == "openai-rft":
        for key, value in obj.items():
            if key not in RFT_RESERVED:
                found.extend(all_strings(value, (key,), detect=True))
    return found


def _item_strings(obj: dict[str, Any], list_key: str, keys: tuple[str, ...]) -> list[Segment]:
    """The string ``keys`` of each object in the list ``obj[list_key]``."""
    return [
        Segment((list_key, i, key), item[key])
        for i, item in enumerate(obj.get(list_key) or [])
        if isinstance(item, dict)
        for key in keys
        if isinstance(item.get(key), str)
    ]
