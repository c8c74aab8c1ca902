"""A small local HTTP server that speaks the OpenAI endpoints Curation Studio uses.

The tests drive the real ``openai`` client against it: files (upload, retrieve),
fine-tuning jobs (create, retrieve, cancel, events) and chat completions (the AI
judge) and embeddings. It checks the bearer key on every request, keeps every
request for assertions, can answer every request with an error that quotes the key
back (``echo_key_in_errors``, as careless self-hosted servers do), and moves a job one step along (validating → queued → running →
succeeded) each time it is retrieved.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

API_KEY = "sk-test-fake-0123456789abcdef"
JOB_STEPS = ("validating_files", "queued", "running", "succeeded")

Judge = Callable[[list[dict[str, Any]]], str]


def prefer_longer(messages: list[dict[str, Any]]) -> str:
    """A deterministic judge: the longer response wins, strongly when twice as long."""
    text = messages[-1]["content"]
    first = _section(text, "Response A")
    second = _section(text, "Response B")
    if len(first) == len(second):
        choice = "tie"
    elif len(first) > len(second):
        choice = "A>>B" if len(first) >= 2 * len(second) else "A>B"
    else:
        choice = "B>>A" if len(second) >= 2 * len(first) else "B>A"
    return json.dumps({"choice": choice, "both_bad": False, "rationale": f"{choice} by length"})


def always_first(messages: list[dict[str, Any]]) -> str:
    """A position-biased judge: whatever is shown first wins."""
    return json.dumps({"choice": "A>B", "both_bad": False, "rationale": "the first one"})


def _section(text: str, title: str) -> str:
    match = re.search(rf"## {title}\n(.*?)(?=\n## |\Z)", text, re.S)
    return match.group(1).strip() if match else ""


@dataclass
class State:
    api_key: str = API_KEY
    processing_polls: int = 1  # retrievals a file stays "uploaded" before "processed"
    fail_file_processing: bool = False
    advance_jobs: bool = True  # each retrieval moves a job one step along
    judge: Judge = prefer_longer
    echo_key_in_errors: bool = False  # fail every request, quoting the caller's key
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    contents: dict[str, bytes] = field(default_factory=dict)
    jobs: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    requests: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    counter: int = 0

    def next_id(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}-{self.counter:04d}"


class _Handler(BaseHTTPRequestHandler):
    server: FakeServer

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    # -- plumbing
    def _reply(self, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, message: str, code: str = "invalid_request_error") -> None:
        self._reply(status, {"error": {"message": message, "type": code, "code": code}})

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _handle(self, method: str) -> None:
        state = self.server.state
        url = urlparse(self.path)
        body = self._body()
        record: dict[str, Any] = {
            "method": method,
            "path": url.path,
            "query": parse_qs(url.query),
            "authorization": self.headers.get("Authorization", ""),
            "content_type": self.headers.get("Content-Type", ""),
        }
        if self.headers.get("Content-Type", "").startswith("application/json") and body:
            record["json"] = json.loads(body)
        with state.lock:
            state.requests.append(record)
            auth = self.headers.get("Authorization", "")
            if state.echo_key_in_errors:
                key = auth.removeprefix("Bearer ")
                self._error(400, f"quota exceeded for key {key} (request header: {auth})", "quota")
                return
            if auth != f"Bearer {state.api_key}":
                self._error(401, "Incorrect API key provided.", "invalid_api_key")
                return
            route = _route(method, url.path)
            if route is None:
                self._error(404, f"no route for {method} {url.path}", "not_found")
                return
            handler, args = route
            handler(self, state, body, record, *args)

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_DELETE(self) -> None:
        self._handle("DELETE")


class FakeServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: State) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = state


# --------------------------------------------------------------------------- endpoints


def _multipart(body: bytes, content_type: str) -> dict[str, tuple[str | None, bytes]]:
    boundary = content_type.split("boundary=", 1)[1].strip().strip('"').encode()
    parts: dict[str, tuple[str | None, bytes]] = {}
    for chunk in body.split(b"--" + boundary):
        if b"\r\n\r\n" not in chunk:
            continue
        head, _, data = chunk.partition(b"\r\n\r\n")
        name = re.search(rb'name="([^"]+)"', head)
        filename = re.search(rb'filename="([^"]*)"', head)
        if name:
            parts[name.group(1).decode()] = (
                filename.group(1).decode() if filename else None,
                data.removesuffix(b"\r\n"),
            )
    return parts


def upload(h: _Handler, s: State, body: bytes, rec: dict[str, Any]) -> None:
    parts = _multipart(body, h.headers.get("Content-Type", ""))
    if "file" not in parts or "purpose" not in parts:
        h._error(400, "file and purpose are required")
        return
    filename, content = parts["file"]
    purpose = parts["purpose"][1].decode()
    file_id = s.next_id("file")
    s.contents[file_id] = content
    s.files[file_id] = {
        "id": file_id,
        "object": "file",
        "bytes": len(content),
        "created_at": int(time.time()),
        "filename": filename or "upload",
        "purpose": purpose,
        "status": "uploaded",
        "status_details": None,
        "_polls": 0,
    }
    rec["file_id"] = file_id
    h._reply(200, _public(s.files[file_id]))


def retrieve_file(h: _Handler, s: State, body: bytes, rec: dict[str, Any], file_id: str) -> None:
    info = s.files.get(file_id)
    if info is None:
        h._error(404, f"No such File object: {file_id}", "not_found")
        return
    info["_polls"] += 1
    if info["status"] == "uploaded" and info["_polls"] > s.processing_polls:
        if s.fail_file_processing:
            info["status"] = "error"
            info["status_details"] = "Invalid file format for fine-tuning: line 1"
        else:
            info["status"] = "processed"
    h._reply(200, _public(info))


def _public(info: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in info.items() if not k.startswith("_")}


def create_job(h: _Handler, s: State, body: bytes, rec: dict[str, Any]) -> None:
    params = json.loads(body or b"{}")
    for key in ("model", "training_file"):
        if not params.get(key):
            h._error(400, f"missing required parameter: {key}")
            return
    for key in ("training_file", "validation_file"):
        file_id = params.get(key)
        if file_id is None:
            continue
        info = s.files.get(file_id)
        if info is None or info["status"] != "processed":
            h._error(400, f"File {file_id} is not ready (upload and process it first)")
            return
    method = params.get("method") or {"type": "supervised", "supervised": {}}
    job_id = s.next_id("ftjob")
    s.jobs[job_id] = {
        "id": job_id,
        "object": "fine_tuning.job",
        "created_at": int(time.time()),
        "error": None,
        "fine_tuned_model": None,
        "finished_at": None,
        "hyperparameters": {
            "batch_size": "auto",
            "learning_rate_multiplier": "auto",
            "n_epochs": "auto",
        },
        "model": params["model"],
        "organization_id": "org-test",
        "result_files": [],
        "seed": params.get("seed", 1234),
        "status": JOB_STEPS[0],
        "trained_tokens": None,
        "training_file": params["training_file"],
        "validation_file": params.get("validation_file"),
        "method": method,
        "suffix": params.get("suffix"),
    }
    s.events[job_id] = []
    _event(s, job_id, f"Created fine-tuning job: {job_id}")
    _event(s, job_id, "Validating training file")
    h._reply(200, s.jobs[job_id])


def _event(s: State, job_id: str, message: str, level: str = "info") -> None:
    events = s.events[job_id]
    events.append(
        {
            "id": f"ftevent-{job_id}-{len(events) + 1:03d}",
            "object": "fine_tuning.job.event",
            "created_at": int(time.time()) + len(events),
            "level": level,
            "message": message,
            "type": "message",
            "data": {},
        }
    )


def retrieve_job(h: _Handler, s: State, body: bytes, rec: dict[str, Any], job_id: str) -> None:
    job = s.jobs.get(job_id)
    if job is None:
        h._error(404, f"Could not find fine-tune: {job_id}", "not_found")
        return
    if s.advance_jobs and job["status"] in JOB_STEPS[:-1]:
        job["status"] = JOB_STEPS[JOB_STEPS.index(job["status"]) + 1]
        _event(s, job_id, f"Job is {job['status']}")
        if job["status"] == "succeeded":
            job["fine_tuned_model"] = (
                f"ft:{job['model']}:org-test:{job.get('suffix') or ''}:{job_id}"
            )
            job["finished_at"] = int(time.time())
            job["trained_tokens"] = 12345
            _event(s, job_id, "The job has successfully completed")
    h._reply(200, job)


def cancel_job(h: _Handler, s: State, body: bytes, rec: dict[str, Any], job_id: str) -> None:
    job = s.jobs.get(job_id)
    if job is None:
        h._error(404, f"Could not find fine-tune: {job_id}", "not_found")
        return
    if job["status"] in ("succeeded", "failed", "cancelled"):
        h._error(400, f"Job {job_id} has already completed (status {job['status']})")
        return
    job["status"] = "cancelled"
    job["finished_at"] = int(time.time())
    _event(s, job_id, "Job cancelled")
    h._reply(200, job)


def list_events(h: _Handler, s: State, body: bytes, rec: dict[str, Any], job_id: str) -> None:
    if job_id not in s.jobs:
        h._error(404, f"Could not find fine-tune: {job_id}", "not_found")
        return
    limit = int(rec["query"].get("limit", ["20"])[0])
    newest_first = list(reversed(s.events[job_id]))
    page = newest_first[:limit]
    h._reply(200, {"object": "list", "data": page, "has_more": len(newest_first) > len(page)})


def chat(h: _Handler, s: State, body: bytes, rec: dict[str, Any]) -> None:
    params = json.loads(body or b"{}")
    content = s.judge(params.get("messages", []))
    h._reply(
        200,
        {
            "id": s.next_id("chatcmpl"),
            "object": "chat.completion",
            "created": int(time.time()),
            "model": params.get("model", "judge"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                    "logprobs": None,
                }
            ],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
        },
    )


def embeddings(h: _Handler, s: State, body: bytes, rec: dict[str, Any]) -> None:
    params = json.loads(body or b"{}")
    texts = params.get("input", [])
    data = [
        {"object": "embedding", "index": i, "embedding": [float(len(t)), 1.0, 0.0]}
        for i, t in enumerate(texts)
    ]
    h._reply(
        200,
        {
            "object": "list",
            "data": data,
            "model": params.get("model", "embed"),
            "usage": {"prompt_tokens": 1, "total_tokens": 1},
        },
    )


ROUTES: list[tuple[str, re.Pattern[str], Callable[..., None]]] = [
    ("POST", re.compile(r"/v1/files"), upload),
    ("GET", re.compile(r"/v1/files/([^/]+)"), retrieve_file),
    ("POST", re.compile(r"/v1/fine_tuning/jobs"), create_job),
    ("GET", re.compile(r"/v1/fine_tuning/jobs/([^/]+)"), retrieve_job),
    ("POST", re.compile(r"/v1/fine_tuning/jobs/([^/]+)/cancel"), cancel_job),
    ("GET", re.compile(r"/v1/fine_tuning/jobs/([^/]+)/events"), list_events),
    ("POST", re.compile(r"/v1/chat/completions"), chat),
    ("POST", re.compile(r"/v1/embeddings"), embeddings),
]


def _route(method: str, path: str) -> tuple[Callable[..., None], tuple[str, ...]] | None:
    for verb, pattern, handler in ROUTES:
        match = pattern.fullmatch(path)
        if verb == method and match:
            return handler, match.groups()
    return None


# --------------------------------------------------------------------------- fixture


@dataclass
class FakeOpenAI:
    state: State
    base_url: str

    @property
    def api_key(self) -> str:
        return self.state.api_key

    def paths(self) -> list[str]:
        return [f"{r['method']} {r['path']}" for r in self.state.requests]
