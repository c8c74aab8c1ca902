"""Render conversations readably and safely: user text goes through markdown or code, never raw HTML."""

from __future__ import annotations

import json
import re
from typing import Any

import streamlit as st

from curation.markdown_images import neutralise_images
from curation.records import Message, part_text
from curation.security import external_images_allowed
from curation.ui.resources import workspace

AVATARS = {
    "system": ":material/settings:",
    "developer": ":material/code:",
    "tool": ":material/build:",
    "function": ":material/build:",
}
LONG_MESSAGE = 1200  # characters; longer messages scroll inside a fixed-height box
_DOLLAR = re.compile(r"(?<!\\)\$")


def safe_markdown(text: str, *, images: bool = False) -> str:
    """Markdown for user text: ``$`` would start LaTeX in Streamlit, so escape it; images
    become links (nothing fetched) unless ``images`` (a lead's workspace setting) allows them."""
    if not images:
        text = neutralise_images(text)
    return _DOLLAR.sub(r"\\$", text)


def images_allowed() -> bool:
    """The workspace setting, read on each call so that a lead's change applies at once."""
    with workspace().read() as s:
        return external_images_allowed(s)


def caption(text: str) -> None:
    """A caption that holds content (a name, a source, a part's type): never an image."""
    st.caption(safe_markdown(text))


def render_text(text: str, *, height: int | None = None) -> None:
    box = st.container(height=height, autoscroll=False) if height else st.container()
    with box:
        st.markdown(safe_markdown(text, images="![" in text and images_allowed()))


def render_message(message: Message, *, boxed: bool = True) -> None:
    """One message as a chat bubble; ``boxed=False`` when the caller already scrolls it (a
    long message then does not scroll again in a box of its own)."""
    role = str(message.get("role", "?"))
    with st.chat_message(role, avatar=AVATARS.get(role)):
        label = role
        if message.get("name"):
            label += f" · {message['name']}"
        if message.get("weight") == 0:
            label += " · weight 0 (not trained on)"
        if role not in ("user", "assistant") or label != role:
            caption(label)
        reasoning = message.get("reasoning_content")
        if isinstance(reasoning, str) and reasoning:
            with st.expander("Reasoning (kept apart from the answer)"):
                render_text(reasoning)
        _render_content(message.get("content"), boxed=boxed)
        calls = message.get("tool_calls")
        for call in calls if isinstance(calls, list) else []:
            _render_tool_call(call)
        if isinstance(message.get("function_call"), dict):
            _render_tool_call({"function": message["function_call"]})
        if message.get("tool_call_id"):
            caption(f"result of {message['tool_call_id']}")


def _render_content(content: Any, *, boxed: bool = True) -> None:
    limit = LONG_MESSAGE if boxed else None
    if content is None:
        return
    if isinstance(content, str):
        render_text(content, height=320 if limit and len(content) > limit else None)
        return
    if isinstance(content, list):
        for part in content:
            text = part_text(part)
            if isinstance(part, dict) and part.get("type") not in (None, "text", "input_text"):
                caption(text)
            else:
                render_text(text, height=320 if limit and len(text) > limit else None)
        return
    st.code(json.dumps(content, ensure_ascii=False, indent=2), language="json")


def _render_tool_call(call: Any) -> None:
    fn = call.get("function", {}) if isinstance(call, dict) else {}
    args = fn.get("arguments", "")
    try:
        pretty = (
            json.dumps(json.loads(args), ensure_ascii=False, indent=2)
            if isinstance(args, str)
            else json.dumps(args, indent=2)
        )
    except (ValueError, TypeError):
        pretty = str(args)
    caption(f"tool call: {fn.get('name', '?')}")
    st.code(pretty, language="json")


def render_conversation(messages: list[Message], *, boxed: bool = True) -> None:
    for message in messages:
        render_message(message, boxed=boxed)
