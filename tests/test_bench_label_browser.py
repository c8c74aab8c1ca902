"""The browser benchmark's parts that need no browser (quantiles, the exact-once check), and
one short run of the whole benchmark in Chromium (marked e2e)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from bench import browser_workspace as bw
from bench.bench_label_browser import (
    Plan,
    Result,
    chromium_path,
    measure_app,
    pct,
    side_by_side,
)
from curation.labeling import answers, queue
from curation.labeling.answers import Answer
from curation.store import Workspace
from curation.store import labeling_models as lm


def test_pct_interpolates_between_closest_ranks() -> None:
    values = [float(v) for v in range(100, 0, -1)]  # unsorted on purpose
    assert pct(values, 0.5) == pytest.approx(50.5)
    assert pct(values, 0.95) == pytest.approx(95.05)
    assert pct(values, 0.0) == 1.0
    assert pct(values, 1.0) == 100.0
    assert pct([7.0], 0.95) == 7.0
    with pytest.raises(ValueError):
        pct([], 0.5)


def test_exact_once_counts_missing_and_extra_rows() -> None:
    clean = bw.exact_once([1, 1, 1], expected=3, digits=[1, 2, 3])
    assert (clean.dropped, clean.duplicated, clean.wrong_choice, clean.ok) == (0, 0, 0, True)
    lost = bw.exact_once([1, 2, 3], expected=5)
    assert (lost.tasks, lost.stored, lost.dropped, lost.duplicated) == (3, 6, 2, 3)
    assert not lost.ok


def test_a_dropped_answer_keeps_the_order_a_misapplied_key_does_not() -> None:
    sent = bw.sent_keys(7)
    assert sent == [1, 2, 3, 4, 5, 1, 2]
    assert bw.out_of_order([1, 2, 3, 4, 5, 1, 2], sent) == 0
    assert bw.out_of_order([1, 3, 4, 1], sent) == 0  # 2, 5 and the last 2 dropped
    assert bw.out_of_order([1, 5, 1, 2], sent) == 0  # 2, 3, 4 dropped
    assert bw.out_of_order([1, 1, 2, 3], sent) == 1  # no 3 is sent after the second 1, 2
    assert bw.out_of_order([2, 1, 3], sent) == 1  # the 2 went to the first item
    assert bw.out_of_order([5, 4, 3, 2, 1], sent) == 3
    wrong = bw.exact_once([1, 1], expected=2, digits=[2, 1])
    assert (wrong.dropped, wrong.wrong_choice, wrong.ok) == (0, 1, False)


def test_check_reads_the_database(ws: Workspace, tmp_path: Path) -> None:
    cid = bw.populate(ws, bw.hh_subset(tmp_path / "hh.jsonl", 8), ["a1", "a2"])
    sent = []
    for digit in (1, 2, 4):  # the benchmark's first keys would be 1, 2, 3
        item = queue.next_item(ws, cid, "a1")
        assert item is not None
        screen = 3 - digit  # 1 = left much better (+2) … 5 = right much better (−2)
        choice = screen if item.shown_left == "a" else -screen
        answers.submit(ws, item.assignment_id, "a1", Answer(choice=choice))
        sent.append(item.task_id)
    assert bw.check(ws, cid, "a1", expected=2) == bw.exact_once([1, 1, 1], 2, [1, 2, 4])
    assert bw.check(ws, cid, "a1", expected=3).wrong_choice == 1  # 4 where 3 was sent
    assert bw.check(ws, cid, "a1", expected=4).dropped == 1
    assert bw.check(ws, cid, "a2", expected=2).dropped == 2
    with ws.tx() as s:  # the same answer stored twice: a second row on the same task
        first = s.scalars(sa.select(lm.Judgment).where(lm.Judgment.task_id == sent[0])).one()
        s.add(
            lm.Judgment(
                campaign_id=cid,
                task_id=first.task_id,
                pair_id=first.pair_id,
                annotator="a1",
                version=2,
                choice=first.choice,
            )
        )
    found = bw.check(ws, cid, "a1", expected=3)
    assert (found.dropped, found.duplicated, found.stored) == (0, 1, 4)
    assert found.wrong_choice == 1  # the duplicate is not read as a fourth answer


def test_side_by_side_puts_each_app_in_its_own_column() -> None:
    def result(app: str, test: str, p50: float | None, dropped: int) -> Result:
        p95 = None if p50 is None else p50 * 2
        return Result(app, "page", "sqlite", test, 1, 10, p50, p95, p95, dropped, 0, 0, "1.0→1.2")

    text = side_by_side(
        [
            result("old", "1 annotator", 1500, 0),
            result("old", "burst", None, 9),
            result("new", "1 annotator", 40, 0),
        ]
    )
    lines = text.splitlines()
    assert lines[0] == "| backend | test | old: page | new: page |"
    assert "p50 1500 / p95 3000 ms" in lines[2] and "p50 40 / p95 80 ms" in lines[2]
    assert "9 dropped, 0 duplicated, 0 wrong" in lines[3] and lines[3].endswith("| – |")


@pytest.mark.e2e
def test_a_short_run_in_chromium() -> None:
    if chromium_path() is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set CURATION_CHROMIUM)")
    results = measure_app(None, Plan(answers=2, team=1, burst=2, think_ms=0, backends=("sqlite",)))
    answered, bursted = results
    assert answered.test == "1 annotator" and answered.answers == 2
    assert answered.driver in ("page", "component")
    assert (answered.dropped, answered.duplicated, answered.wrong_choice) == (0, 0, 0)
    assert answered.p50_ms is not None and 0 < answered.p50_ms <= (answered.p95_ms or 0)
    assert bursted.test == "burst 2 @ 50 ms"
    assert bursted.duplicated == 0 and bursted.wrong_choice == 0
    assert 0 <= bursted.dropped <= 2


# The component's DOM contract, played by a stand-in page: inside an open shadow root (as a
# Streamlit v2 component with isolated styles), the next item 30 ms after Enter, each answer
# "sent" 100 ms later, nothing left after three items.
FAKE_COMPONENT = """<!doctype html><body><div id="host"></div>
<script>
const shadow = document.getElementById("host").attachShadow({ mode: "open" });
shadow.innerHTML = '<div data-curation-task data-assignment="1">item 1</div>'
  + '<div data-send-status data-pending="0" data-failed="0"></div>';
const root = shadow.querySelector("[data-curation-task]");
const status = shadow.querySelector("[data-send-status]");
window.sent = []; let shown = 1, choice = null, pending = 0;
document.addEventListener("keydown", (e) => {
  if ("12345".includes(e.key)) choice = e.key;
  if (e.key !== "Enter" || choice === null || root.dataset.empty === "1") return;
  const answer = [root.dataset.assignment, choice]; choice = null;
  status.dataset.pending = String(++pending);
  setTimeout(() => { window.sent.push(answer); status.dataset.pending = String(--pending); }, 100);
  setTimeout(() => {
    shown += 1;
    if (shown > 3) root.dataset.empty = "1"; else root.dataset.assignment = String(shown);
  }, 30);
});
</script></body>"""


@pytest.mark.e2e
def test_the_component_driver_on_a_stand_in_page() -> None:
    import asyncio

    from playwright.async_api import async_playwright

    from bench.bench_label_browser import CHROMIUM_FLAGS, PROBE_JS, Session, answer_items, burst

    if chromium_path() is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set CURATION_CHROMIUM)")

    async def drive() -> tuple[list[float], str, list[list[str]], list[list[str]]]:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            ctx = await browser.new_context()
            await ctx.add_init_script(PROBE_JS)
            await ctx.route(
                "http://bench.test/",
                lambda r: r.fulfill(body=FAKE_COMPONENT, content_type="text/html"),
            )
            page = await ctx.new_page()
            await page.goto("http://bench.test/")
            s = Session(page, "fake", await page.evaluate("() => window.__benchDriver()"))
            times = await answer_items(s, 10, think_s=0)
            first = await page.evaluate("() => window.sent")
            await page.reload()
            await burst(s, 3)
            second = await page.evaluate("() => window.sent")
            await browser.close()
            return times, s.driver, first, second

    times, driver, answered, bursted = asyncio.run(drive())
    assert driver == "component"
    assert len(times) == 3  # the loop stops once nothing is left
    assert all(t >= 25 for t in times)  # Enter to the item drawn 30 ms later, not to the key
    assert answered == [["1", "1"], ["2", "2"], ["3", "3"]]  # all sent before settle returned
    assert bursted == [["1", "1"], ["2", "2"], ["3", "3"]]
