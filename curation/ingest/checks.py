"""The per-example checks of an OpenAI fine-tuning file: one example in, its issues out.

The rules follow the OpenAI cookbook notebook and keep its error codes, corrected for
tool calling, content-part arrays, ``weight``, preference (DPO) and reinforcement (RFT)
layouts (see :mod:`curation.ingest.validate` for the whole-file driver). Each problem is an
:class:`Issue` whose message starts with the field, so the user can find it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import orjson

from curation.errors import InputError
from curation.records import Message

ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
PLAIN_ROLES = frozenset({"system", "developer", "user", "assistant"})
MESSAGE_KEYS = frozenset(
    {"role", "content", "name", "weight", "tool_calls", "tool_call_id", "function_call", "refusal"}
)
CHAT_KEYS = frozenset({"messages", "tools", "parallel_tool_calls", "functions", "metadata"})
PREFERENCE_KEYS = ("preferred_output", "non_preferred_output")
PREFERENCE_REPLY_KEYS = frozenset({"role", "content", "name"})
LAYOUTS = ("chat", "dpo", "rft")


@dataclass(frozen=True, slots=True)
class Issue:
    """One error on one line; ``message`` starts with the field so the user can find it."""

    line: int
    code: str
    message: str
    file: str = ""  # the shard it is in, when a sharded corpus is validated

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if not self.file:
            del out["file"]
        return out

    @property
    def where(self) -> str:
        """``line N``, or ``FILE line N`` in a sharded corpus."""
        return f"{self.file} line {self.line}" if self.file else f"line {self.line}"


def validate_example(obj: Any, line: int = 1, *, layout: str | None = None) -> list[Issue]:
    """The errors of one in-memory example; ``layout`` forces chat/dpo/rft instead of guessing."""
    check_layout_name(layout)
    return inspect_example(obj, line, layout).issues


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


def check_layout_name(layout: str | None) -> None:
    """Refuse a layout that is not one of :data:`LAYOUTS` (None means: detect it)."""
    if layout is not None and layout not in LAYOUTS:
        raise InputError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")


@dataclass(slots=True)
class Inspection:
    """One example checked: its layout, its issues, the messages to count, the roles seen."""

    layout: str | None
    issues: list[Issue]
    conversation: list[Message]
    roles: set[str]


def inspect_example(obj: Any, line: int, layout: str | None) -> Inspection:
    """Check one example; on success also return the messages whose tokens are counted."""
    out: list[Issue] = []
    roles: set[str] = set()
    if not isinstance(obj, dict):
        out.append(Issue(line, "data_type", f"example: expected a JSON object, got {_kind(obj)}"))
        return Inspection(None, out, [], roles)
    kind = layout or detect_layout(obj)
    if kind == "dpo":
        conversation = _check_dpo(obj, line, out, roles)
    else:
        conversation = _check_chat(obj, line, out, roles, need_assistant=kind == "chat")
    return Inspection(kind, out, conversation, roles)


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
