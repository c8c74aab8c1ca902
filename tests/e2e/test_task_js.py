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
        (folder / f).read_text("utf-8")
        for f in ("markdown.js", "task.js", "ranking.js", "renderers.js")
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


ROOT = "#a [data-curation-task]"


def mounted(chromium: Any, items: list[int], host: str = "a", page: Any = None) -> Any:
    page = page or new_page(chromium)
    page.evaluate(
        "([host, items]) => { window.unmount = mount(document.getElementById(host), { items }); }",
        [host, [item(i) for i in items]],
    )
    return page


def refill(page: Any, items: list[int], **data: Any) -> None:
    page.evaluate(
        "([items, data]) => mount(document.getElementById('a'), { items, ...data })",
        [[item(i) for i in items], data],
    )


def on_screen(page: Any) -> str:
    return str(page.locator(ROOT).get_attribute("data-assignment"))


def last_ops(page: Any) -> list[dict[str, Any]]:
    return list(page.evaluate("() => window.sent[window.sent.length - 1].ops"))


def test_a_refill_without_the_item_on_screen_keeps_it_and_its_draft(chromium: Any) -> None:
    page = mounted(chromium, [1, 2, 3])
    assert on_screen(page) == "1"
    page.locator("#a [data-rationale]").fill("half typed")
    refill(page, [2, 3, 4])  # the server no longer lists item 1
    assert on_screen(page) == "1"
    assert page.locator("#a [data-rationale]").input_value() == "half typed"
    page.keyboard.press("Escape")
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    assert on_screen(page) == "2"
    op = last_ops(page)[-1]
    assert (op["assignment"], op["rationale"]) == (1, "half typed")  # still sent


def test_an_undo_in_flight_names_its_answer_and_a_server_undo_shows_its_item(
    chromium: Any,
) -> None:
    page = mounted(chromium, [1, 2, 3])
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    sent = last_ops(page)
    assert [op["assignment"] for op in sent] == [1]
    page.keyboard.press("u")  # the answer is on its way: the undo names it
    undo = last_ops(page) if page.evaluate("() => window.sent.length") > 1 else None
    task_ops = page.evaluate(f"() => __curationTasks[{json.dumps(STORAGE)}].pending")
    assert task_ops[-1]["kind"] == "undo" and task_ops[-1]["target"] == sent[0]["key"]
    assert undo is None or undo[-1].get("target") == sent[0]["key"]
    # both acknowledged; then item 2 skipped and acknowledged: hidden as done
    keys = [op["key"] for op in task_ops]
    refill(page, [1, 2, 3], acked=keys, seq=None)
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    page.keyboard.press("s")
    pending = page.evaluate(f"() => __curationTasks[{json.dumps(STORAGE)}].pending")
    refill(page, [3], acked=keys + [op["key"] for op in pending])
    page.evaluate(f"() => {{ __curationTasks[{json.dumps(STORAGE)}].history = []; }}")
    page.keyboard.press("u")  # nothing of this page to take back: the server's latest
    plain = page.evaluate(f"() => __curationTasks[{json.dumps(STORAGE)}].pending")[-1]
    assert plain["kind"] == "undo" and "target" not in plain
    # the server reopened item 2 (answered before): shown first, no longer hidden as done
    refill(page, [2, 3], acked=[plain["key"]], reopened={plain["key"]: 2})
    assert on_screen(page) == "2"


def test_two_tabs_keep_each_others_unsent_answers(chromium: Any) -> None:
    context = chromium.new_context()
    tabs = []
    for _ in range(2):
        tab = context.new_page()
        tab.route(
            ORIGIN + "**",
            lambda route: route.fulfill(
                body="<html><body><div id=a></div></body></html>", content_type="text/html"
            ),
        )
        tab.goto(ORIGIN)
        tab.add_script_tag(content=_script())
        tab.add_script_tag(content=HARNESS % {"storage": json.dumps(STORAGE)})
        mounted(chromium, [1, 2, 3] if not tabs else [4, 5, 6], page=tab)
        tabs.append(tab)
    for tab in tabs:
        tab.bring_to_front()
        tab.keyboard.press("2")
        tab.keyboard.press("Enter")
    # a tab sees the other's writes a moment late; whatever the order, both answers end up kept
    tabs[0].wait_for_function(
        "(s) => JSON.parse(localStorage.getItem(s)).pending.map((op) => op.assignment)"
        ".sort().join() === '1,4'",
        arg=STORAGE,
        timeout=5000,
    )
    # one tab's answer acknowledged: only that one leaves the store
    mine = tabs[0].evaluate(f"() => __curationTasks[{json.dumps(STORAGE)}].pending")
    tabs[0].evaluate(
        "(keys) => mount(document.getElementById('a'), { items: [], acked: keys })",
        [op["key"] for op in mine],
    )
    tabs[1].wait_for_function(
        "(s) => JSON.parse(localStorage.getItem(s)).pending.map((op) => op.assignment).join() === '4'",
        arg=STORAGE,
        timeout=5000,
    )
    context.close()


def test_a_browser_that_cannot_keep_answers_says_so(chromium: Any) -> None:
    page = new_page(chromium)
    page.evaluate(
        "() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; }"
    )
    mounted(chromium, [1, 2], page=page)
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    status = page.locator("#a [data-send-status]")
    assert status.get_attribute("data-storage-error") is not None
    assert "will not survive a refresh" in status.inner_text()
    assert "QuotaExceededError" in status.inner_text()


def test_items_sent_before_are_named_by_digest_and_a_lost_one_is_asked_for_whole(
    chromium: Any,
) -> None:
    def whole(i: int) -> dict[str, Any]:
        return {**item(i), "digest": f"d{i}"}

    def same(i: int) -> dict[str, Any]:
        return {"assignment": i, "same": f"d{i}"}

    def send(items: list[dict[str, Any]], **data: Any) -> None:
        page.evaluate(
            "([items, data]) => mount(document.getElementById('a'), { items, ...data })",
            [items, data],
        )

    page = new_page(chromium)
    send([whole(1), whole(2), whole(3)])
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    batch = page.evaluate("() => window.sent[window.sent.length - 1]")
    assert "whole" not in batch and [op["assignment"] for op in batch["ops"]] == [1]
    # the refill names the items held already by their digest: the copies kept here are drawn
    send([same(2), same(3)], acked=[batch["ops"][0]["key"]], seq=batch["seq"])
    assert on_screen(page) == "2" and "Question 2" in page.locator(ROOT).inner_text()
    assert page.evaluate("() => window.sent.length") == 1  # nothing to ask for
    # an item this page never held whole (its state was lost): asked for again, whole
    send([same(2), same(3), same(4)])
    asked = page.evaluate("() => window.sent[window.sent.length - 1]")
    assert asked["whole"] is True and asked["ops"] == []
    assert on_screen(page) == "2"  # meanwhile the items held stay usable
    send([same(2), same(3), whole(4)], seq=asked["seq"])
    page.keyboard.press("S")
    page.keyboard.press("S")
    assert on_screen(page) == "4"
    assert "whole" not in page.evaluate("() => window.sent[window.sent.length - 1]")
    # a digest that no longer matches the copy kept (the item changed) is asked for too
    skips = page.evaluate("() => window.sent[window.sent.length - 1]")
    keys = [op["key"] for op in skips["ops"]]
    send([{"assignment": 4, "same": "other"}], acked=keys, seq=skips["seq"])
    assert page.evaluate("() => window.sent[window.sent.length - 1]").get("whole") is True


def test_a_page_holding_none_of_the_items_named_by_digest_waits_for_them(chromium: Any) -> None:
    page = new_page(chromium)
    # a rerun the page never saw sent these whole: here they come by digest only
    page.evaluate(
        "(items) => mount(document.getElementById('a'), { items })",
        [{"assignment": i, "same": f"d{i}"} for i in (1, 2)],
    )
    asked = page.evaluate("() => window.sent[window.sent.length - 1]")
    assert asked["whole"] is True
    root = page.locator(ROOT)
    assert root.get_attribute("data-empty") is None  # not "nothing left": the items are coming
    assert "Nothing left" not in root.inner_text() and "Loading" in root.inner_text()
    page.evaluate(
        "([items, seq]) => mount(document.getElementById('a'), { items, seq })",
        [[{**item(i), "digest": f"d{i}"} for i in (1, 2)], asked["seq"]],
    )
    assert on_screen(page) == "1"
