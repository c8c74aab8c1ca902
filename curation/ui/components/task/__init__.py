"""The Rank page's task area as one browser component that answers at once.

The component holds the item on screen and the next few, all claimed for the annotator
(:func:`curation.labeling.queue.next_items`); every key is handled in the browser, the next
item is shown from that local queue, and answers go to the server in the background, in
order, as one batch of what is not yet acknowledged (the ``batch`` trigger). This module
applies a batch (:func:`curation.labeling.outbox.apply_batch`) in the component's callback,
before the page script runs, and passes back the acknowledged keys with the refilled queue.

Unacknowledged answers also live in the browser's localStorage under a key naming the
workspace, campaign and annotator, so a refresh, a dropped connection or a server restart
loses none: the component sends them again, and the keys make a repeat harmless.

An item the browser was sent before, unchanged, goes as ``{"assignment", "same": digest}``
only: a rerun after each batch re-sends the queue, and most of it the browser holds already.
The browser keeps the items it was sent; one it no longer has (its page state was lost) it
asks for again with ``whole`` in its next batch, and the rerun sends the queue whole.

User content goes to the component as plain strings; task.js puts it on the page with
``textContent`` only (markdown.js turns a small subset of markdown into elements).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

import orjson
import streamlit as st
from streamlit.components.v2 import component

from curation.finetune.judge import ScreenSuggestion, suggestion_for
from curation.labeling import outbox, queue
from curation.labeling.ranking import ranking_payload
from curation.labeling.scale import BOTH_BAD_KEY, SCREEN, SCREEN_HELP
from curation.records import part_text
from curation.store.db import Workspace
from curation.ui.keys import RANK_HELD as HELD

PREFETCH = 4  # the item on screen and the next three (more held only for a fast annotator)
MAX_PREFETCH = 32  # held at most, when answers come faster than the server refills
KINDS = ("pair", "thumbs", "ranking")  # item kinds the component has a renderer for
_ACKS_KEPT = 500  # acknowledged keys repeated to the browser (a late copy of a batch is known)


def _asset(name: str) -> str:
    return (files(__package__) / name).read_text(encoding="utf-8")


# markdown.js and ranking.js define plain functions; renderers.js the component (its default
# export); task.js the Task class they share.
_TASK = component(
    "curation.task",
    html="",
    css=_asset("task.css"),
    js="\n".join(_asset(f) for f in ("markdown.js", "task.js", "ranking.js", "renderers.js")),
    # in the page, not a shadow root: the DOM contract is found by document.querySelector
    isolate_styles=False,
)


@dataclass
class Outbox:
    """What this session has applied for the browser: keys done, keys refused, the last batch."""

    acked: list[str] = field(default_factory=list)
    refused: list[dict[str, Any]] = field(default_factory=list)
    seq: int | None = None
    stopped: str | None = None
    not_done: set[int] = field(default_factory=set)  # items of ops not yet committed
    reopened: dict[str, int] = field(default_factory=dict)  # undo key -> item it brought back
    want: int = PREFETCH  # items to hold, as the browser asked (it knows the annotator's pace)
    sent: dict[int, str] = field(default_factory=dict)  # item -> digest the browser was sent


def storage_key(ws: Workspace, campaign_id: int, annotator: str) -> str:
    """Where the browser keeps unsent answers: one place per workspace, campaign and annotator."""
    where = hashlib.sha256(str(ws.url).encode()).hexdigest()[:12]
    return f"curation.task:{where}:{campaign_id}:{annotator}"


def component_key(campaign_id: int) -> str:
    return f"rank_task_{campaign_id}"


def _outbox_key(campaign_id: int) -> str:
    return f"rank_outbox_{campaign_id}"


def outbox_state(campaign_id: int) -> Outbox:
    box = st.session_state.get(_outbox_key(campaign_id))
    if not isinstance(box, Outbox):
        box = Outbox()
        st.session_state[_outbox_key(campaign_id)] = box
    return box


def release_held(ws: Workspace, annotator: str, campaign_id: int) -> int:
    """Give back the items this session held ahead in a campaign, but those named by answers or
    skips the browser sent that are not stored yet (they stay claimed until they are).

    Returns how many items stay held for unsent answers.
    """
    kept = set(outbox_state(campaign_id).not_done)
    queue.release_claims(ws, annotator, campaign_id, keep=kept)
    return len(kept)


def leave_rank(ws: Workspace, annotator: str) -> None:
    """The annotator opened another page: give back what the Rank page held (cheap when none)."""
    held = st.session_state.pop(HELD, None)
    if isinstance(held, int):
        release_held(ws, annotator, held)


def apply_sent(ws: Workspace, campaign_id: int, annotator: str) -> None:
    """The component's callback: commit the batch the browser just sent, in order."""
    sent = getattr(st.session_state.get(component_key(campaign_id)), "batch", None)
    if not isinstance(sent, dict) or not isinstance(sent.get("ops"), list):
        return
    ops = sent["ops"]
    result = outbox.apply_batch(ws, campaign_id, annotator, ops)
    box = outbox_state(campaign_id)
    box.acked = (box.acked + list(result.acked))[-_ACKS_KEPT:]
    box.refused = (
        box.refused
        + [
            {"key": r.key, "assignment": r.assignment_id, "message": r.message}
            for r in result.refused
        ]
    )[-50:]
    box.seq = sent.get("seq") if isinstance(sent.get("seq"), int) else None
    want = sent.get("want")
    box.want = min(MAX_PREFETCH, max(PREFETCH, want)) if isinstance(want, int) else PREFETCH
    box.stopped = result.stopped
    if sent.get("whole") is True:  # the browser lost items it was sent: send them all again
        box.sent.clear()
    box.reopened = dict(result.reopened)
    done = set(result.acked) | {r.key for r in result.refused}
    box.not_done = {  # answered or skipped in the browser, not yet here: not served again
        op["assignment"]
        for op in ops
        if isinstance(op, dict)
        and op.get("kind") in ("answer", "skip")
        and op.get("key") not in done
        and isinstance(op.get("assignment"), int)
    }


def show_task(
    ws: Workspace, campaign_id: int, annotator: str, items: list[queue.Item], guidelines: str
) -> None:
    """Mount the component with the refilled queue and what the last batch achieved."""
    box = outbox_state(campaign_id)
    first = items[0] if items else None
    with ws.read() as s:  # one session: the campaign's setting is read once for all items
        suggestions = {
            item.assignment_id: suggestion_for(s, campaign_id, item.task_id, item.shown_left)
            for item in items
            if item.kind == "pair"
        }
    data = {
        "storage": storage_key(ws, campaign_id, annotator),
        "items": _items_to_send(box, items, suggestions),
        "acked": box.acked,
        "refused": box.refused,
        "seq": box.seq,
        "stopped": box.stopped,
        "reopened": box.reopened,
        "screen": [[key, value, label, SCREEN_HELP[value]] for key, value, label in SCREEN],
        "both_bad_key": BOTH_BAD_KEY,
        "guidelines": guidelines,
        "guideline_version": first.guideline_version if first else None,
        "kinds": list(KINDS),
    }
    _TASK(
        key=component_key(campaign_id),
        data=data,
        on_batch_change=lambda: apply_sent(ws, campaign_id, annotator),
        height="content",
    )


def _items_to_send(
    box: Outbox, items: list[queue.Item], suggestions: dict[int, ScreenSuggestion | None]
) -> list[dict[str, Any]]:
    """The queue for the browser: whole items with their digest, or, for an item sent before
    and unchanged (flag, suggestion, text), its assignment and digest only."""
    out: list[dict[str, Any]] = []
    sent: dict[int, str] = {}
    for item in items:
        payload = item_payload(item, suggestions.get(item.assignment_id))
        digest = hashlib.blake2b(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS), digest_size=8)
        sent[item.assignment_id] = same = digest.hexdigest()
        if box.sent.get(item.assignment_id) == same:
            out.append({"assignment": item.assignment_id, "same": same})
        else:
            out.append({**payload, "digest": same})
    box.sent = sent
    return out


def item_payload(item: queue.Item, found: ScreenSuggestion | None = None) -> dict[str, Any]:
    """One item as the browser needs it: text only, sides as shown (A/B never named)."""
    suggestion = None
    if found is not None:  # the AI judge's, when the campaign shows them
        suggestion = {"label": found.label, "model": found.model, "text": found.rationale}
    return {
        "assignment": item.assignment_id,
        "kind": item.kind,
        "messages": [message_payload(m) for m in item.messages],
        "left": [message_payload(m) for m in item.left],
        "right": [message_payload(m) for m in item.right],
        "criteria": list(item.criteria),
        "rationale_required_for": list(item.rationale_required_for),
        "guideline_version": item.guideline_version,
        "flagged": item.flagged,
        "suggestion": suggestion,
        **(ranking_fields(item) if item.kind == "ranking" else {}),
    }


def ranking_fields(item: queue.Item) -> dict[str, Any]:
    """A ranking item's answers by on-screen letter, in the annotator's order (never their
    completion ids), and the worst rank a key may give: ``rank_top`` in a partial ranking."""
    payload = ranking_payload(item)
    return {
        "answers": [
            {"label": a["label"], "messages": [message_payload(m) for m in a["messages"]]}
            for a in payload["answers"]
        ],
        "rank_top": payload["rank_top"],
        "max_rank": payload["max_rank"],
    }


def message_payload(message: Any) -> dict[str, Any]:
    """A message as a role, a label and blocks of markdown, code or caption text."""
    if not isinstance(message, dict):
        return {"role": "?", "label": "", "blocks": [{"type": "md", "text": str(message)}]}
    role = str(message.get("role", "?"))
    label = role
    if message.get("name"):
        label += f" · {message['name']}"
    if message.get("weight") == 0:
        label += " · weight 0 (not trained on)"
    blocks: list[dict[str, str]] = []
    reasoning = message.get("reasoning_content")
    if isinstance(reasoning, str) and reasoning:
        blocks.append({"type": "caption", "text": "Reasoning (kept apart from the answer)"})
        blocks.append({"type": "md", "text": reasoning})
    content = message.get("content")
    if isinstance(content, str):
        blocks.append({"type": "md", "text": content})
    elif isinstance(content, list):
        for part in content:
            kind = part.get("type") if isinstance(part, dict) else None
            text = part_text(part)
            blocks.append(
                {"type": "md" if kind in (None, "text", "input_text") else "caption", "text": text}
            )
    elif content is not None:
        blocks.append({"type": "code", "text": json.dumps(content, ensure_ascii=False, indent=2)})
    calls = message.get("tool_calls")
    for call in calls if isinstance(calls, list) else []:
        fn = call.get("function", {}) if isinstance(call, dict) else {}
        blocks.append({"type": "caption", "text": f"tool call: {fn.get('name', '?')}"})
        blocks.append({"type": "code", "text": _pretty(fn.get("arguments", ""))})
    if message.get("tool_call_id"):
        blocks.append({"type": "caption", "text": f"result of {message['tool_call_id']}"})
    return {
        "role": role,
        "label": label if label != role or role not in ("user", "assistant") else "",
        "blocks": blocks,
    }


def _pretty(args: Any) -> str:
    try:
        value = json.loads(args) if isinstance(args, str) else args
        return json.dumps(value, ensure_ascii=False, indent=2)
    except (ValueError, TypeError):
        return str(args)
