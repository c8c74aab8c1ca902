"""The task component's JavaScript in Chromium without a server: markdown.js, task.js and
renderers.js loaded into a page of their own (a fake origin, so localStorage works), the
component mounted with hand-made data and its batches caught instead of sent."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

import pytest

from tests.e2e.conftest import CHROMIUM_FLAGS, chromium_path

pytestmark = pytest.mark.e2e

ORIGIN = "http://task.test/"
STORAGE = "curation.task:test:1:a1"


def _script() -> str:
    folder = files("curation.ui.components.task")
    code = "\n".join(
        (folder / f).read_text("utf-8") for f in ("markdown.js", "task.js", "renderers.js")
    )
    return code.replace("export default function", "globalThis.__mount = function")


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if chromium_path() is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set CURATION_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield b
        b.close()


HARNESS = """
window.sent = [];
window.mount = (host, data) => {
  const args = {
    data: { storage: %(storage)s, acked: [], refused: [], seq: null, stopped: null, reopened: {},
            screen: [["1", -2, "L", ""], ["2", -1, "l", ""], ["3", 0, "=", ""], ["4", 1, "r", ""], ["5", 2, "R", ""]],
            both_bad_key: "6", guidelines: "", guideline_version: 1, kinds: ["pair", "thumbs"], ...data },
    parentElement: host,
    setTriggerValue: (name, value) => window.sent.push(value),
  };
  return __mount(args);
};
"""


def new_page(chromium: Any) -> Any:
    context = chromium.new_context()
    page = context.new_page()
    page.route(
        ORIGIN + "**",
        lambda route: route.fulfill(
            body="<html><body><div id=a></div><div id=b></div></body></html>",
            content_type="text/html",
        ),
    )
    page.goto(ORIGIN)
    page.add_script_tag(content=_script())
    page.add_script_tag(content=HARNESS % {"storage": json.dumps(STORAGE)})
    return page


def item(assignment: int, text: str = "") -> dict[str, Any]:
    def msg(role: str, body: str) -> dict[str, Any]:
        return {"role": role, "label": "", "blocks": [{"type": "md", "text": body}]}

    return {
        "assignment": assignment,
        "kind": "pair",
        "messages": [msg("user", text or f"Question {assignment}")],
        "left": [msg("assistant", "left")],
        "right": [msg("assistant", "right")],
        "criteria": [],
        "rationale_required_for": [],
        "guideline_version": 1,
        "flagged": False,
        "suggestion": None,
    }


def test_hostile_markdown_lines_render_without_stalling_the_page(chromium: Any) -> None:
    page = new_page(chromium)
    # 512 KB lines that made the inline pattern quadratic (each "[" scanned the rest of the line
    # for a ")"): seconds each before; the bound is generous, the point is "not quadratic"
    lines = ["[a](" * 131072, "![a](" * 104858, "[" * 524288, "`a" * 32768]
    took = page.evaluate(
        """(lines) => {
          const start = performance.now();
          const host = document.createElement("div");
          for (const line of lines) renderMarkdown(host, line);
          return [performance.now() - start, host.textContent.length];
        }""",
        lines,
    )
    assert took[1] >= sum(len(line) for line in lines) // 2  # the text is on the page
    assert took[0] < 5000, f"hostile lines took {took[0]:.0f} ms"
    # still markdown: a bounded span renders as before
    html = page.evaluate(
        """() => { const d = document.createElement("div");
                   renderMarkdown(d, "**bold** [x](http://e.org) `c`"); return d.innerHTML; }"""
    )
    assert "<strong>bold</strong>" in html and "<code>c</code>" in html and "ct-link" in html
