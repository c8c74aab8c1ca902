"""The Rank page's task component in Chromium: keys handled in the browser, the next item shown
from the local queue with no server round trip, answers re-sent after a dropped connection or a
refresh and stored once, overlap k held with items claimed ahead, user content as text only."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from curation.auth import create_user
from curation.ingest.importer import import_file
from curation.labeling.campaigns import CampaignSpec, create_campaign
from curation.store import labeling_models as lm
from tests.e2e.conftest import serve
from tests.e2e.server import Server
from tests.e2e.test_security import PAYLOADS, no_script_ran
from tests.e2e.ui import settle
from tests.helpers.common import BACKENDS, PG_URL, pg_schema_url

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module", params=BACKENDS)
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """The app on SQLite and, when configured, on PostgreSQL (a schema of its own)."""
    if request.param == "sqlite":
        with serve(tmp_path_factory) as srv:
            yield srv
        return
    assert PG_URL
    schema = f"e2e_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        with serve(tmp_path_factory, pg_schema_url(schema)) as srv:
            yield srv
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        admin.dispose()


ROOT = "[data-curation-task]"
STATUS = "[data-send-status]"
PASSWORD = "task-pass-1"


@pytest.fixture(scope="module")
def dataset(server: Server, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("task") / "task.jsonl"
    rows = [
        {
            "messages": [
                {"role": "user", "content": f"Question {i}: {PAYLOADS[i % len(PAYLOADS)]}"}
            ],
            "completions": [f"Answer {i} **left or right** {PAYLOADS[i % 4]}", f"Reply {i}"],
        }
        for i in range(12)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    import_file(server.workspace, path, "taskset")
    return "taskset"


@pytest.fixture
def make_campaign(server: Server, dataset: str) -> Iterator[Any]:
    """A campaign of its own per test, with annotators of its own (one campaign each)."""
    made: list[str] = []

    def make(name: str, annotators: list[str], **spec: Any) -> str:
        with server.workspace.tx() as s:
            for who in annotators:
                create_user(s, who, "annotator", PASSWORD, actor="e2e")
            create_campaign(
                s,
                CampaignSpec(name=name, dataset=dataset, annotators=annotators, **spec),
                actor="e2e",
            )
        made.append(name)
        return name

    yield make


def open_rank(page: Any, url: str, name: str) -> None:
    page.goto(url)
    page.get_by_label("User name").wait_for(timeout=90_000)
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_text("Signed in as").wait_for(timeout=60_000)
    page.locator(f"{ROOT}[data-assignment]:not([data-assignment=''])").wait_for(timeout=60_000)
    settle(page)


def shown(page: Any) -> str:
    return str(page.locator(ROOT).get_attribute("data-assignment"))


def next_shown(page: Any, before: str) -> str:
    """The item drawn after ``before`` (waiting while the server sends it)."""
    page.wait_for_function(
        f"() => !['', {json.dumps(before)}].includes("
        f"document.querySelector('{ROOT}').getAttribute('data-assignment'))",
        timeout=60_000,
    )
    return shown(page)


def pending(page: Any) -> int:
    return int(page.locator(STATUS).get_attribute("data-pending"))


def wait_sent(page: Any) -> None:
    page.wait_for_function(
        f"() => document.querySelector('{STATUS}')?.getAttribute('data-pending') === '0'",
        timeout=60_000,
    )


def judgments(
    server: Server, annotator: str
) -> list[tuple[int, int | None, bool, str, str | None]]:
    with server.workspace.read() as s:
        rows = s.execute(
            sa.select(
                lm.Judgment.task_id,
                lm.Judgment.choice,
                lm.Judgment.retracted,
                lm.Judgment.rationale,
                lm.Judgment.client_key,
            )
            .where(lm.Judgment.annotator == annotator)
            .order_by(lm.Judgment.id)
        ).tuples()
        return list(rows.all())


def test_keys_answer_in_the_browser_and_offline_answers_are_sent_later(
    server: Server, pages: dict[str, Any], make_campaign: Any
) -> None:
    make_campaign("task-keys", ["tk1"], guidelines="# Rules\n\nPrefer **correct**.")
    page = pages["open"]("tk1")
    open_rank(page, server.url, "tk1")
    assert "Prefer" in page.locator(ROOT).inner_text()
    first = shown(page)
    # the connection drops: the next item still comes at once, from the local queue
    page.context.set_offline(True)
    page.keyboard.press("2")
    page.keyboard.press("Enter")
    second = shown(page)  # read at once: no waiting for the server
    assert second not in ("", first)
    page.keyboard.press("6")
    page.keyboard.press("Enter")
    third = shown(page)
    assert third not in ("", first, second)
    # an answer not sent yet is undone here, in the browser: it never reaches the server
    page.keyboard.press("4")
    page.keyboard.press("Enter")
    assert shown(page) != third and pending(page) == 3
    page.keyboard.press("u")
    assert shown(page) == third and pending(page) == 2
    page.wait_for_timeout(1500)
    assert judgments(server, "tk1") == []  # nothing reached the server while offline
    assert "not sent yet" in page.locator(STATUS).inner_text() or pending(page) == 2
    page.context.set_offline(False)
    wait_sent(page)
    rows = judgments(server, "tk1")
    assert len(rows) == 2 and all(key for *_, key in rows)
    assert rows[1][1] is None  # both bad
    # undo withdraws the last committed answer and brings its item back first
    page.keyboard.press("u")
    assert shown(page) != first
    wait_sent(page)
    assert judgments(server, "tk1")[-1][2] is True
    # typing in the rationale box types; it does not answer
    page.locator("[data-rationale]").click()
    page.keyboard.type("su 1 6 because")
    assert pending(page) == 0 and page.locator("[data-rationale]").input_value() == "su 1 6 because"
    page.keyboard.press("Escape")
    page.keyboard.press("3")
    page.keyboard.press("Enter")
    wait_sent(page)
    assert judgments(server, "tk1")[-1][3] == "su 1 6 because"


def test_a_key_burst_drops_nothing_and_stores_each_answer_once(
    server: Server, pages: dict[str, Any], make_campaign: Any
) -> None:
    make_campaign("task-burst", ["tb1"])
    page = pages["open"]("tb1")
    open_rank(page, server.url, "tb1")
    seen = [shown(page)]
    for digit in "12345123":
        page.keyboard.press(digit)
        page.wait_for_timeout(50)
        page.keyboard.press("Enter")
        page.wait_for_timeout(50)
        # the next item may still be on its way from the server when the local queue ran dry
        seen.append(next_shown(page, seen[-1]))
    wait_sent(page)
    rows = judgments(server, "tb1")
    assert len(rows) == 8 and len({r[0] for r in rows}) == 8
    assert len(set(seen)) == 9


def test_a_refresh_mid_queue_loses_nothing_and_a_resent_answer_is_stored_once(
    server: Server, pages: dict[str, Any], make_campaign: Any
) -> None:
    make_campaign("task-refresh", ["tr1"])
    page = pages["open"]("tr1")
    open_rank(page, server.url, "tr1")
    # answers leave but their acknowledgements never come back: the browser must keep them
    page.context.set_offline(True)
    for digit in "145":
        page.keyboard.press(digit)
        page.keyboard.press("Enter")
    stored = page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('curation.task:'))"
    )
    assert len(stored) == 1
    kept = json.loads(page.evaluate(f"() => localStorage.getItem({json.dumps(stored[0])})"))
    assert [op["kind"] for op in kept["pending"]] == ["answer"] * 3
    page.context.set_offline(False)
    page.reload()
    page.locator(f"{ROOT}[data-assignment]:not([data-assignment=''])").wait_for(timeout=90_000)
    wait_sent(page)
    rows = judgments(server, "tr1")
    assert len(rows) == 3
    assert sorted(key for *_, key in rows) == sorted(op["key"] for op in kept["pending"])
    # the same batch sent once more (a late copy): recognised, nothing stored twice
    page.evaluate(
        f"() => localStorage.setItem({json.dumps(stored[0])}, {json.dumps(json.dumps(kept))})"
    )
    page.reload()
    page.locator(f"{ROOT}[data-assignment]:not([data-assignment=''])").wait_for(timeout=90_000)
    wait_sent(page)
    assert len(judgments(server, "tr1")) == 3
    assert page.locator(STATUS).get_attribute("data-failed") == "0"


TASK = "Object.values(globalThis.__curationTasks).find((t) => t.root && t.root.isConnected)"


def test_a_page_that_lost_the_items_it_was_sent_is_sent_them_whole_again(
    server: Server, pages: dict[str, Any], make_campaign: Any
) -> None:
    make_campaign("task-whole", ["tw1"])
    page = pages["open"]("tw1")
    open_rank(page, server.url, "tw1")
    page.keyboard.press("2")
    page.keyboard.press("Enter")
    wait_sent(page)
    # the refill named the items held by their digest; the page drew them from its own copies
    assert page.evaluate(f"() => {TASK}.items.every((i) => i.messages && i.digest)")
    page.evaluate(f"() => {{ const t = {TASK}; t.kept.clear(); t.items = []; }}")  # state lost
    page.keyboard.press("3")
    page.keyboard.press("Enter")
    wait_sent(page)
    page.wait_for_function(
        f"() => {{ const t = {TASK}; return !t.wantWhole && t.items.length >= 3"
        " && t.items.every((i) => i.messages); }",
        timeout=60_000,
    )
    for digit in "14":
        before = shown(page)
        page.keyboard.press(digit)
        page.keyboard.press("Enter")
        next_shown(page, before)
    wait_sent(page)
    rows = judgments(server, "tw1")
    assert len(rows) == 4 and len({r[0] for r in rows}) == 4


def test_two_annotators_with_k_1_never_share_an_item(
    server: Server, pages: dict[str, Any], make_campaign: Any
) -> None:
    make_campaign("task-k1", ["kk1", "kk2"], overlap=1)
    one, two = pages["open"]("kk1"), pages["open"]("kk2")
    open_rank(one, server.url, "kk1")
    open_rank(two, server.url, "kk2")
    for _ in range(5):
        for page, key in ((one, "1"), (two, "5")):
            page.locator(f"{ROOT}[data-assignment]:not([data-assignment=''])").wait_for()
            page.keyboard.press(key)
            page.keyboard.press("Enter")
    for page in (one, two):
        wait_sent(page)
    a, b = {r[0] for r in judgments(server, "kk1")}, {r[0] for r in judgments(server, "kk2")}
    assert len(a) == 5 and len(b) == 5 and not a & b
    with server.workspace.read() as s:
        assert s.scalar(sa.select(sa.func.max(lm.Task.n_assigned))) == 1
        assert s.scalar(sa.select(sa.func.max(lm.Task.n_labels))) == 1


def test_thumbs_keys_and_payloads_shown_as_text(
    server: Server, pages: dict[str, Any], make_campaign: Any
) -> None:
    make_campaign("task-thumbs", ["th1"], kind="thumbs", rationale_required_for=["bad"])
    page = pages["open"]("th1")
    open_rank(page, server.url, "th1")
    seen = []
    for _ in range(4):
        page.locator(f"{ROOT}[data-assignment]:not([data-assignment=''])").wait_for()
        seen.append(page.locator(ROOT).inner_text())
        page.keyboard.press("g")
    page.locator(f"{ROOT}[data-assignment]:not([data-assignment=''])").wait_for()
    no_script_ran(page)
    # each payload is on screen as the text it is (a markdown link as its text and address)
    # (the markdown link shows as its text and its address)
    shown_as = {p: p for p in PAYLOADS}
    shown_as[PAYLOADS[2]] = "click me (javascript:window.__xss='link')"
    for text in seen:
        number = re.search(r"Question (\d+):", text)
        assert number, text
        asked = PAYLOADS[int(number.group(1)) % len(PAYLOADS)]
        assert shown_as[asked] in text, text
    assert page.locator(f"{ROOT} script, {ROOT} img, {ROOT} a, {ROOT} iframe").count() == 0
    wait_sent(page)
    first = shown(page)
    page.keyboard.press("b")  # bad needs a reason here: nothing is sent without one
    assert shown(page) == first and pending(page) == 0
    assert "asks for a reason" in page.locator(STATUS).inner_text()
    page.locator("[data-rationale]").fill("Wrong fact.")
    page.locator("[data-action=bad]").click()
    wait_sent(page)
    rows = judgments(server, "th1")
    assert [r[1] for r in rows] == [1, 1, 1, 1, -1] and rows[-1][3] == "Wrong fact."


def test_ratings_flag_skip_and_answers_pending_across_a_server_restart(
    server: Server, pages: dict[str, Any], make_campaign: Any
) -> None:
    make_campaign("task-restart", ["rs1"], criteria=["accuracy"])
    page = pages["open"]("rs1")
    open_rank(page, server.url, "rs1")
    first = shown(page)
    page.locator("[data-criterion=accuracy][data-side=left][data-value='4']").click()
    page.locator("[data-criterion=accuracy][data-side=right][data-value='2']").click()
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    flagged = shown(page)
    page.keyboard.press("f")
    assert "You flagged this item" in page.locator(ROOT).inner_text()
    page.keyboard.press("s")
    assert shown(page) not in (first, flagged)
    wait_sent(page)
    # the next answer is made offline, then the server dies and comes back
    page.context.set_offline(True)
    page.keyboard.press("5")
    page.keyboard.press("Enter")
    assert pending(page) == 1
    server.restart()
    page.context.set_offline(False)
    page.wait_for_function(
        f"() => document.querySelector('{STATUS}')?.getAttribute('data-pending') === '0'",
        timeout=120_000,
    )
    rows = judgments(server, "rs1")
    assert len(rows) == 2
    with server.workspace.read() as s:
        j = s.scalars(
            sa.select(lm.Judgment).where(lm.Judgment.annotator == "rs1").order_by(lm.Judgment.id)
        ).first()
        assert j is not None
        other = "b" if j.shown_left == "a" else "a"
        assert j.criteria == {"accuracy": {j.shown_left: 4, other: 2}}
        assignment = s.get(lm.Assignment, int(flagged))
        assert assignment is not None
        assert (assignment.status, assignment.flagged) == ("skipped", True)
