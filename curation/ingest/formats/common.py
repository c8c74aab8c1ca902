"""Field checks shared by the format parsers. Each raises FieldError naming the exact field."""

from __future__ import annotations

from typing import Any

import orjson

from curation.errors import FieldError
from curation.fileio.items import MAX_DEPTH, too_deep
from curation.ingest.formats.notes import note
from curation.records import Completion, Message

TEXT_ONLY = "text"


def require_object(value: Any, field: str = "record") -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FieldError(field, f"expected a JSON object, got {type_name(value)}")
    return value


def require_key(obj: dict[str, Any], key: str, where: str = "") -> Any:
    if key not in obj:
        raise FieldError(f"{where}{key}", "missing")
    return obj[key]


def require_str(value: Any, field: str, *, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise FieldError(field, f"expected a string, got {type_name(value)}")
    if not allow_empty and not value.strip():
        raise FieldError(field, "is empty")
    return value


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
    }.get(type(value), type(value).__name__)


def messages_list(
    value: Any, field: str = "messages", *, allow_empty: bool = False
) -> list[Message]:
    """A list of message objects, each with a string role; content is checked loosely."""
    if not isinstance(value, list):
        raise FieldError(field, f"expected a list of messages, got {type_name(value)}")
    if not value and not allow_empty:
        raise FieldError(field, "is an empty list")
    for i, message in enumerate(value):
        check_message(message, f"{field}[{i}]")
    return value


def check_message(message: Any, field: str) -> Message:
    if not isinstance(message, dict):
        raise FieldError(field, f"expected a message object, got {type_name(message)}")
    role = message.get("role")
    if role is None:
        raise FieldError(f"{field}.role", "missing")
    if not isinstance(role, str):
        raise FieldError(f"{field}.role", f"expected a string, got {type_name(role)}")
    content = message.get("content")
    if content is not None and not isinstance(content, str | list):
        raise FieldError(
            f"{field}.content",
            f"expected a string, a list of parts or null, got {type_name(content)}",
        )
    if content is None and "content" not in message and not _has_call(message):
        raise FieldError(f"{field}.content", "missing")
    return message


def _has_call(message: Message) -> bool:
    return bool(message.get("tool_calls") or message.get("function_call"))


def completion_from(value: Any, field: str, *, source: str | None = None) -> Completion:
    """A completion given as a string, an assistant message, or a list of messages."""
    if isinstance(value, str):
        if not value.strip():
            raise FieldError(field, "is empty")
        return Completion([{"role": "assistant", "content": value}], source=source)
    if isinstance(value, dict):
        if "role" not in value:
            if isinstance(value.get("content"), str):
                return Completion([{"role": "assistant", **value}], source=source)
            raise FieldError(
                field, "expected a string or an assistant message with role and content"
            )
        return Completion([check_message(value, field)], source=source)
    if isinstance(value, list):
        return Completion(messages_list(value, field), source=source)
    raise FieldError(
        field, f"expected a string, a message or a list of messages, got {type_name(value)}"
    )


def tools_list(value: Any, field: str = "tools") -> list[Any] | None:
    """``tools`` as a list; a JSON string of one (as LLaMA-Factory writes it) is parsed."""
    if value is None:
        return None
    if isinstance(value, str):
        return parse_tools(value, field)
    if not isinstance(value, list):
        raise FieldError(field, f"expected a list, got {type_name(value)}")
    return value


def parse_tools(value: Any, field: str = "tools") -> list[Any] | None:
    """``tools`` as a list, or as the JSON string LLaMA-Factory writes (``""`` is none)."""
    if value is None:
        return None
    if isinstance(value, str):
        if not value.strip():
            return None
        try:
            value = orjson.loads(value)
        except orjson.JSONDecodeError as exc:
            raise FieldError(field, "is a string but not valid JSON") from exc
        if too_deep(value):
            raise FieldError(field, f"nested more than {MAX_DEPTH} levels deep")
        note(field, "records", "given as a JSON string: parsed into a list")
        if isinstance(value, dict):
            value = [value]
    if not isinstance(value, list):
        raise FieldError(field, f"expected a list or a JSON string, got {type_name(value)}")
    return value


def text_of(value: Any, field: str) -> str:
    """A free-text cell: strings pass, numbers become strings, anything else is an error."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise FieldError(field, f"expected text, got {type_name(value)}")
