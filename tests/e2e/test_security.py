"""Security in a real browser: role gates by URL, logout, inert XSS payloads."""

from __future__ import annotations

import base64
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from curation.ingest.importer import import_file
from curation.labeling.campaigns import CampaignSpec, create_campaign
from tests.e2e.server import Server
from tests.e2e.ui import body_text, login, open_page, settle

pytestmark = pytest.mark.e2e

PAYLOADS = [
    "<script>window.__xss = 'script'</script>",
    "<img src=x onerror=\"window.__xss = 'img'\">",
    "[click me](javascript:window.__xss='link')",
    "<a href=\"javascript:window.__xss='a'\">html link</a>",
    "'; DROP TABLE records; --",
]


@pytest.fixture(scope="module")
def xss_campaign(server: Server, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("xss") / "xss.jsonl"
    rows = [
        {
            "messages": [{"role": "user", "content": f"Payload {i}: {p}"}],
            "completions": [f"Echo: {p}", f"Other {i}"],
        }
        for i, p in enumerate(PAYLOADS)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    import_file(server.workspace, path, "xss")
    with server.workspace.tx() as s:
        create_campaign(
            s,
            CampaignSpec(name="xss-c", dataset="xss", overlap=1, annotators=["ann2"]),
            actor="e2e",
        )
    return "xss-c"


def no_script_ran(page: Any) -> None:
    assert page.evaluate("() => window.__xss === undefined")
    assert page.locator("img[onerror]").count() == 0
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert not [h for h in hrefs if h and h.strip().lower().startswith("javascript:")]


def test_annotator_cannot_open_lead_pages_by_url(server: Server, pages: dict[str, Any]) -> None:
    page = pages["open"]("ann1")
    login(page, server.url, "ann1")
    for path in ("import_data", "datasets", "campaigns", "quality", "users"):
        page.goto(f"{server.url}/{path}")
        page.get_by_text("Signed in as").wait_for(timeout=60_000)
        settle(page)
        text = body_text(page)
        assert "Into dataset" not in text and "Records" not in text and "Krippendorff" not in text
        assert page.get_by_role("link", name="Import").count() == 0


def test_logout_ends_the_session_and_its_cookie(
    server: Server, pages: dict[str, Any], browser: Any
) -> None:
    page = pages["open"]("lead")
    login(page, server.url, "lead")
    cookies = page.context.cookies()
    token = next(c for c in cookies if c["name"] == "curation_session")
    page.get_by_role("button", name="Log out").click()
    page.get_by_label("User name").wait_for()
    page.reload()
    page.get_by_label("User name").wait_for(timeout=60_000)
    # the old token, replayed from another browser, opens nothing
    other = browser.new_context()
    other.add_cookies([{"name": token["name"], "value": token["value"], "url": server.url}])
    replay = other.new_page()
    replay.goto(server.url)
    replay.get_by_label("User name").wait_for(timeout=60_000)
    other.close()


def test_payloads_render_inert_in_browser_and_rank_pages(
    server: Server, pages: dict[str, Any], xss_campaign: str
) -> None:
    lead = pages["open"]("lead")
    login(lead, server.url, "lead")
    open_page(lead, "Datasets")
    summaries = lead.locator("[data-testid='stExpander'] summary")
    for i in range(summaries.count()):
        summaries.nth(i).click()
        settle(lead, 300)
    assert "DROP TABLE records" in body_text(lead)
    no_script_ran(lead)
    ann = pages["open"]("ann2")
    login(ann, server.url, "ann2")
    settle(ann, 1000)
    assert "Payload" in body_text(ann)
    no_script_ran(ann)


def test_sql_looking_content_is_stored_verbatim(server: Server, xss_campaign: str) -> None:
    import sqlalchemy as sa

    from curation.store import models as m

    with server.workspace.read() as s:
        contents = [msgs[0]["content"] for msgs in s.scalars(sa.select(m.Record.messages))]
    assert any(c.endswith("'; DROP TABLE records; --") for c in contents)
    assert any(c.endswith(PAYLOADS[0]) for c in contents)


class _Pixel(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        body = base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR4nGNgYAAAAAMAAWgmWQ0AAAAASUVORK5CYII="
        )
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def pixel_server() -> Iterator[str]:
    _Pixel.hits = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Pixel)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_images_in_imported_content_are_not_fetched_unless_a_lead_allows_them(
    server: Server, pages: dict[str, Any], pixel_server: str, tmp_path: Path
) -> None:
    from curation.security import set_external_images

    row = {
        "messages": [
            {
                "role": "user",
                "content": f"Look at this ![tracker]({pixel_server}/pixel.png?who=reader)",
            },
            {
                "role": "assistant",
                "content": f"Seen. [![badge]({pixel_server}/badge.png)]({pixel_server})",
            },
        ]
    }
    path = tmp_path / "images.jsonl"
    path.write_text(json.dumps(row) + "\n")
    import_file(server.workspace, path, "aaa-images")  # first by name: the Datasets page's focus

    def external_images(page: Any) -> list[str]:
        srcs = page.eval_on_selector_all("img", "els => els.map(e => e.src)")
        return [src for src in srcs if src.startswith(pixel_server)]

    lead = pages["open"]("lead")
    login(lead, server.url, "lead")
    open_page(lead, "Datasets")
    lead.get_by_text("line 1 · openai-chat").click()
    lead.get_by_text("image: tracker").wait_for(timeout=30_000)
    settle(lead, 500)
    assert external_images(lead) == [] and _Pixel.hits == []

    with server.workspace.tx() as s:
        set_external_images(s, True, actor="lead")
    try:
        lead.reload()
        lead.get_by_text("Signed in as").wait_for(timeout=60_000)
        settle(lead)
        lead.get_by_text("line 1 · openai-chat").click()
        lead.get_by_text("Look at this").wait_for(timeout=30_000)
        settle(lead, 1000)
        assert external_images(lead)  # the same page does show images once allowed
        assert _Pixel.hits
    finally:
        with server.workspace.tx() as s:
            set_external_images(s, False, actor="lead")
