"""Labelling in the browser: from the answer key to the next item on screen, and no lost keys.

The app is served (``streamlit run`` of ``curation/ui/app.py``, 127.0.0.1) on its own
workspace of real HH-RLHF pairs (the harmless test split, one pairwise campaign, k = 2, set up
through the library), on SQLite and on PostgreSQL (a throw-away schema), and driven by
Playwright in Chromium, each annotator in their own browser context. Every time is taken
inside the page with ``performance.now()``:

- *start*: the ``keydown`` of the submitting Enter, seen by a capture listener on ``window``
  installed before the app's own scripts;
- *end*, **component** driver (the task area is one component whose root carries
  ``data-curation-task``): the first DOM mutation after which the root's ``data-assignment``
  differs from the one shown at the key press (or ``data-empty="1"``), then the next animation
  frame (the frame that paints it);
- *end*, **page** driver (the plain Streamlit Rank page): the first DOM mutation after which
  the item's assignment id (read from the ``st-key-rank_rationale_<id>`` widget key; where a
  page has none, the conversation and answer text) differs from the one at the key press
  **and** the page is idle — no element marked ``data-stale="true"``, no running indicator
  (``stStatusWidget``) — **and** the Submit button is rendered; then the next animation frame.
  Only then can the annotator's next key act: an earlier key reruns a page still drawing.

The driver is chosen by what the served Rank page shows. Per item the annotator presses a
choice digit (1–5 in turn), then Enter — on the page driver once Submit is enabled (before,
the page drops the Enter), on the component after 50 ms — and thinks ``--think-ms`` after the
next item appears. *1 annotator*: one browser; *N at once*: N contexts answering concurrently.
*Burst*: digit, Enter, next digit, Enter … one key every 50 ms for B items, with no waiting;
then, once the page is idle (component: ``data-pending="0"``), the database must hold exactly
one judgment per answered item: *dropped* = items without a judgment, *duplicated* = extra
judgments on an item, *wrong_choice* = first answers whose stored choice (read back as the
digit on screen) falls outside the longest common subsequence with the digits sent — a key
applied to the wrong item. The same check follows the latency runs. Target (issue 15):
p95 ≤ 200 ms; 0 dropped, 0 duplicated, 0 wrong.

    python -m bench.bench_label_browser                       # 100 answers, 1 and 5 annotators
    python -m bench.bench_label_browser --quick   # 10 answers, 2 at once, burst 20, SQLite
    python -m bench.bench_label_browser --ref 5bf8fff         # serve another commit's app
    python -m bench.bench_label_browser --compare 5bf8fff     # that commit beside this tree

``--ref``/``--compare`` serve the app from a temporary copy of that commit's tree
(``git archive``; the same venv, ``PYTHONPATH`` pointing to it), workspace made by its library.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import harness
from bench.browser_workspace import PASSWORD

ROOT = harness.ROOT
WORKSPACE_SCRIPT = ROOT / "bench" / "browser_workspace.py"
PG_URL = os.environ.get("CURATION_TEST_POSTGRES_URL") or os.environ.get(
    "CURATION_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TARGET_P95_MS = 200
BURST_MS = 50
COMPARE_ENV = "CURATION_BENCH_COMPARE_REF"  # `python -m bench` measures this ref beside the tree

PROBE_JS = Path(__file__).with_name("label_browser_probe.js").read_text()


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0 ≤ q ≤ 1), linear between the closest ranks (numpy's default)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    pos = q * (len(ordered) - 1)
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CURATION_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


def chromium() -> str:
    found = chromium_path()
    if found is None:
        raise SystemExit("no Chromium (apt-get install chromium, or set CURATION_CHROMIUM)")
    return found


# ---------------------------------------------------------------------------------- serving


@dataclass
class Target:
    """One served app on one workspace."""

    label: str
    root: Path
    backend: str
    url: str = ""
    folder: Path = Path()
    db: str | None = None
    campaign: int = 0
    process: subprocess.Popen[bytes] | None = None

    def child_env(self) -> dict[str, str]:
        env = dict(os.environ, PYTHONPATH=str(self.root), HF_HUB_OFFLINE="1")
        env["TOKENIZERS_PARALLELISM"] = "false"
        env.pop("CURATION_DB_URL", None)
        return env

    def workspace_cmd(self, *args: str) -> dict[str, Any]:
        """Run bench/browser_workspace.py with the served tree's library; its JSON answer."""
        cmd = [sys.executable, str(WORKSPACE_SCRIPT), *args, "--folder", str(self.folder)]
        if self.db:
            cmd += ["--db", self.db]
        out = subprocess.run(
            cmd, cwd=self.root, env=self.child_env(), capture_output=True, text=True
        )
        if out.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:1])} failed: {out.stderr[-2000:]}")
        return dict(json.loads(out.stdout.strip().splitlines()[-1]))


@contextlib.contextmanager
def source_tree(ref: str | None) -> Iterator[tuple[Path, str]]:
    """This tree, or a temporary copy of ``ref``'s tree; with a label naming the commit."""
    if ref is None:
        sha = _git("rev-parse", "--short", "HEAD")
        dirty = " + changes" if _git("status", "--porcelain", "--untracked-files=no") else ""
        yield ROOT, f"this tree ({sha}{dirty})"
        return
    sha = _git("rev-parse", "--short", f"{ref}^{{commit}}")
    folder = Path(tempfile.mkdtemp(prefix="bench-ref-"))
    try:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", sha], cwd=ROOT, capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
        yield folder, f"{ref} ({sha})" if ref != sha else sha
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


@contextlib.contextmanager
def served(root: Path, label: str, backend: str, pairs: int, names: list[str]) -> Iterator[Target]:
    """Workspace (own folder; own schema on PostgreSQL), set up, app started; all removed after."""
    import sqlalchemy as sa

    target = Target(label, root, backend, folder=Path(tempfile.mkdtemp(prefix="bench-browser-")))
    schema = f"bench_browser_{uuid.uuid4().hex[:8]}"
    admin = None
    log = target.folder / "server.log"
    try:
        if backend == "postgresql":
            base = PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)
            admin = sa.create_engine(base)
            with admin.begin() as conn:
                conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
            target.db = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
        target.campaign = int(
            target.workspace_cmd("setup", "--pairs", str(pairs), "--annotators", ",".join(names))[
                "campaign"
            ]
        )
        target.process, target.url = _start(target, log)
        yield target
    finally:
        if target.process is not None:
            target.process.terminate()
            try:
                target.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                target.process.kill()
                target.process.wait(timeout=20)
        shutil.rmtree(target.folder, ignore_errors=True)
        if admin is not None:
            with admin.begin() as conn:
                conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            admin.dispose()


def _start(target: Target, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    env = target.child_env()
    env["CURATION_WORKSPACE"] = str(target.folder)
    if target.db:
        env["CURATION_DB_URL"] = target.db
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(target.root / "curation" / "ui" / "app.py"),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    proc = subprocess.Popen(
        cmd, cwd=target.root, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT
    )
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError(f"the app did not start: {log.read_text()[-2000:]}")


# ---------------------------------------------------------------------------------- drivers


@dataclass
class Session:
    """One annotator's page, logged in and on the Rank page."""

    page: Any
    name: str
    driver: str = ""  # "component" or "page"


async def open_session(browser: Any, url: str, name: str) -> Session:
    ctx = await browser.new_context(viewport={"width": 1440, "height": 1000})
    await ctx.add_init_script(PROBE_JS)
    page = await ctx.new_page()
    page.set_default_timeout(60_000)
    await page.goto(url)
    await page.get_by_label("User name").wait_for(timeout=90_000)
    await page.get_by_label("User name").fill(name)
    await page.get_by_label("Password", exact=True).fill(PASSWORD)
    await page.get_by_role("button", name="Log in").click()
    await page.get_by_text("Signed in as").wait_for()
    await page.get_by_role("link", name="Rank").first.click()
    await page.wait_for_function("() => window.__benchDriver() !== ''", timeout=60_000)
    await page.wait_for_function("() => window.__benchItem() !== ''")
    driver = await page.evaluate("() => window.__benchDriver()")
    session = Session(page, name, driver)
    await page.wait_for_function("() => window.__benchReady()")
    await page.evaluate("() => document.activeElement && document.activeElement.blur()")
    return session


async def _press_choice(s: Session, digit: str) -> None:
    await s.page.keyboard.press(digit)
    if s.driver == "page":  # Enter before the digit's rerun has enabled Submit is dropped
        await s.page.wait_for_function("() => window.__benchReady() && window.__benchCanSubmit()")
    else:
        await asyncio.sleep(0.05)


async def answer_items(s: Session, n: int, think_s: float) -> list[float]:
    """Answer ``n`` items (or until none is left); ms from each Enter to the next item shown."""
    latencies: list[float] = []
    for i in range(n):
        if await s.page.evaluate("() => window.__benchItem()") == "empty":
            break
        await _press_choice(s, str(i % 5 + 1))
        await s.page.evaluate("() => window.__benchArm()")
        await s.page.keyboard.press("Enter")
        handle = await s.page.wait_for_function(
            "() => window.__bench.result && window.__bench.result.frame", timeout=120_000
        )
        latencies.append(float(await handle.json_value()))
        await asyncio.sleep(think_s)
    await settle(s)
    return latencies


async def burst(s: Session, items: int, interval_ms: int = BURST_MS) -> None:
    """Digit, Enter, digit, Enter … one key every ``interval_ms``, never waiting for the screen."""
    start = time.perf_counter()
    keys = [k for i in range(items) for k in (str(i % 5 + 1), "Enter")]
    for j, key in enumerate(keys):
        delay = start + j * interval_ms / 1000 - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        await s.page.keyboard.press(key)
    await settle(s)


async def settle(s: Session, quiet_s: float = 2.0, limit_s: float = 120.0) -> None:
    """Until every answer is sent (component) and the page has been idle for ``quiet_s``."""
    deadline = time.perf_counter() + limit_s
    quiet_since = None
    while time.perf_counter() < deadline:
        if await s.page.evaluate("() => window.__benchIdle() && window.__benchPending() === 0"):
            quiet_since = quiet_since or time.perf_counter()
            if time.perf_counter() - quiet_since >= quiet_s:
                return
        else:
            quiet_since = None
        await asyncio.sleep(0.1)


# ---------------------------------------------------------------------------------- measuring


@dataclass(frozen=True)
class Plan:
    answers: int = 100
    team: int = 5
    burst: int = 50
    think_ms: int = 200
    burst_ms: int = BURST_MS
    backends: tuple[str, ...] = ("sqlite", "postgresql")


@dataclass(frozen=True)
class Result:
    app: str
    driver: str
    backend: str
    test: str
    annotators: int
    answers: int
    p50_ms: float | None
    p95_ms: float | None
    max_ms: float | None
    dropped: int
    duplicated: int
    wrong_choice: int
    load: str

    def row(self) -> dict[str, Any]:
        def ms(v: float | None) -> str:
            return "–" if v is None else f"{v:.0f}"

        return {
            "app": self.app,
            "driver": self.driver,
            "backend": self.backend,
            "test": self.test,
            "answers": self.answers,
            "p50_ms": ms(self.p50_ms),
            "p95_ms": ms(self.p95_ms),
            "max_ms": ms(self.max_ms),
            "dropped": self.dropped,
            "duplicated": self.duplicated,
            "wrong_choice": self.wrong_choice,
            "meets_target": self.dropped == 0
            and self.duplicated == 0
            and self.wrong_choice == 0
            and (self.p95_ms is None or self.p95_ms <= TARGET_P95_MS),
            "load_1m": self.load,
        }


def _load() -> float:
    return os.getloadavg()[0]


async def measure_target(target: Target, plan: Plan) -> list[Result]:
    from playwright.async_api import async_playwright

    results: list[Result] = []

    def exact_once(expected: dict[str, int]) -> tuple[int, int, int]:
        """Dropped, duplicated and wrongly applied answers, summed over these annotators."""
        spec = ",".join(f"{name}={n}" for name, n in expected.items())
        found = target.workspace_cmd("check", "--campaign", str(target.campaign), "--expect", spec)
        return (
            sum(int(f["dropped"]) for f in found.values()),
            sum(int(f["duplicated"]) for f in found.values()),
            sum(int(f["wrong_choice"]) for f in found.values()),
        )

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
        try:
            phases: list[tuple[str, list[str]]] = [("1 annotator", ["solo"])]
            if plan.team > 1:
                team = [f"team{i}" for i in range(1, plan.team + 1)]
                phases.append((f"{plan.team} at once", team))
            for test, names in phases:
                load0 = _load()
                sessions = await asyncio.gather(
                    *(open_session(browser, target.url, n) for n in names)
                )
                think_s = plan.think_ms / 1000
                runs = await asyncio.gather(
                    *(answer_items(s, plan.answers, think_s) for s in sessions)
                )
                lat = [v for run in runs for v in run]
                dropped, duplicated, wrong = exact_once(
                    {s.name: len(run) for s, run in zip(sessions, runs, strict=True)}
                )
                results.append(
                    Result(
                        target.label,
                        sessions[0].driver,
                        target.backend,
                        test,
                        len(names),
                        len(lat),
                        pct(lat, 0.5) if lat else None,
                        pct(lat, 0.95) if lat else None,
                        max(lat) if lat else None,
                        dropped,
                        duplicated,
                        wrong,
                        f"{load0:.1f}→{_load():.1f}",
                    )
                )
                for s in sessions:
                    await s.page.context.close()
            if plan.burst:
                load0 = _load()
                s = await open_session(browser, target.url, "burst")
                await burst(s, plan.burst, plan.burst_ms)
                dropped, duplicated, wrong = exact_once({"burst": plan.burst})
                results.append(
                    Result(
                        target.label,
                        s.driver,
                        target.backend,
                        f"burst {plan.burst} @ {plan.burst_ms} ms",
                        1,
                        plan.burst,
                        None,
                        None,
                        None,
                        dropped,
                        duplicated,
                        wrong,
                        f"{load0:.1f}→{_load():.1f}",
                    )
                )
                await s.page.context.close()
        finally:
            await browser.close()
    return results


def measure_app(ref: str | None, plan: Plan) -> list[Result]:
    names = ["solo", "burst", *(f"team{i}" for i in range(1, plan.team + 1))]
    # k = 2: two annotators share each pair, so this many pairs cannot run out
    pairs = (plan.answers * (plan.team + 1) + plan.burst) // 2 + 50
    results: list[Result] = []
    with source_tree(ref) as (root, label):
        for backend in plan.backends:
            with served(root, label, backend, pairs, names) as target:
                results += asyncio.run(measure_target(target, plan))
    return results


def run(sizes: list[int]) -> list[dict[str, Any]]:
    """``python -m bench``: each size is the answers per annotator (under 100: a quick run —
    2 annotators at once, a burst of 20, SQLite only)."""
    rows = []
    for n in sizes:
        full = n >= 100
        plan = Plan(
            answers=n,
            team=5 if full else 2,
            burst=50 if full else 20,
            backends=("sqlite", "postgresql") if full else ("sqlite",),
        )
        refs: list[str | None] = [None]
        if os.environ.get(COMPARE_ENV):
            refs.insert(0, os.environ[COMPARE_ENV])
        for ref in refs:
            rows += [r.row() for r in measure_app(ref, plan)]
    return rows


# ---------------------------------------------------------------------------------- reporting


def side_by_side(results: list[Result]) -> str:
    """One line per backend and test, one column per app: p50 / p95 ms, or dropped / duplicated."""
    apps = list(dict.fromkeys(r.app for r in results))
    keys = list(dict.fromkeys((r.backend, r.test) for r in results))
    cells = {(r.app, r.backend, r.test): r for r in results}
    head = ["backend", "test", *(f"{a}: {_driver(results, a)}" for a in apps)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for backend, test in keys:
        row = [backend, test]
        for app in apps:
            r = cells.get((app, backend, test))
            if r is None:
                row.append("–")
            elif r.p50_ms is None:
                row.append(
                    f"{r.dropped} dropped, {r.duplicated} duplicated, {r.wrong_choice} wrong"
                    f" (load {r.load})"
                )
            else:
                row.append(
                    f"p50 {r.p50_ms:.0f} / p95 {r.p95_ms:.0f} ms, n={r.answers}"
                    f"{_losses(r)}"
                    f" (load {r.load})"
                )
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def _losses(r: Result) -> str:
    if not (r.dropped or r.duplicated or r.wrong_choice):
        return ""
    return f", {r.dropped} dropped, {r.duplicated} duplicated, {r.wrong_choice} wrong"


def _driver(results: list[Result], app: str) -> str:
    return next(r.driver for r in results if r.app == app)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--answers", type=int, default=100, help="answers per annotator")
    parser.add_argument("--annotators", type=int, default=5, help="annotators at once (≥ 2)")
    parser.add_argument("--burst", type=int, default=50, help="items in the key burst (0: none)")
    parser.add_argument("--burst-ms", type=int, default=BURST_MS, help="between burst keys")
    parser.add_argument(
        "--quick", action="store_true", help="10 answers, 2 at once, burst 20, SQLite only"
    )
    parser.add_argument("--think-ms", type=int, default=200, help="pause after an item appears")
    parser.add_argument("--backends", help="default sqlite,postgresql (--quick: sqlite)")
    parser.add_argument("--ref", help="serve this git ref's app instead of this tree's")
    parser.add_argument("--compare", metavar="REF", help="also measure REF, shown side by side")
    args = parser.parse_args(argv)
    if args.quick:
        args.answers, args.annotators, args.burst = 10, 2, 20
        args.backends = args.backends or "sqlite"
    plan = Plan(
        answers=args.answers,
        team=args.annotators,
        burst=args.burst,
        burst_ms=args.burst_ms,
        think_ms=args.think_ms,
        backends=tuple(b for b in (args.backends or "sqlite,postgresql").split(",") if b),
    )
    started = time.perf_counter()
    results: list[Result] = []
    if args.compare:
        results += measure_app(args.compare, plan)
    results += measure_app(args.ref, plan)
    from bench.__main__ import table

    print(f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {harness.machine()}; ", end="")
    print(f"the run took {time.perf_counter() - started:.0f} s.\n")
    print(table([r.row() for r in results]))
    if args.compare:
        print("\n" + side_by_side(results))


if __name__ == "__main__":
    main()
