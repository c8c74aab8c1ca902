"""A wheel built from the repository installs and runs away from the source checkout.

The wheel goes into a fresh virtual environment whose only other path is this venv's
site-packages (for the dependencies); this venv's editable install of the project is not
loaded there, so the app, its pages and the demo's sample files must come from the wheel.
"""

from __future__ import annotations

import os
import shutil
import site
import socket
import subprocess
import sys
import time
import urllib.request
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``bin`` folder of a new venv holding only the wheel (dependencies come by path)."""
    root = tmp_path_factory.mktemp("wheel")
    # Built from a copy: a build writes build/ and *.egg-info into its source folder, and two
    # test workers building in the checkout at once would trip over each other.
    source = root / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(
        REPO / "curation", source / "curation", ignore=shutil.ignore_patterns("__pycache__")
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(root / "dist"),
            str(source),
        ],
        check=True,
        capture_output=True,
        cwd=root,
    )
    wheel = next((root / "dist").glob("curation_studio-*.whl"))
    target = root / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    bin_dir = target / "bin"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(bin_dir / "python"),
            "install",
            "--quiet",
            "--no-deps",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        cwd=root,
        env=_env(root),  # no PYTHONPATH: the checkout's egg-info would read as installed
    )
    purelib = subprocess.run(
        [str(bin_dir / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
        env=_env(root),
    ).stdout.strip()
    # A path line, not addsitedir: the editable install's own .pth is not run there.
    Path(purelib, "dependencies.pth").write_text(site.getsitepackages()[0] + "\n")
    return bin_dir


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CURATION_DB_URL")}
    env["CURATION_WORKSPACE"] = str(tmp / "ws")
    env["HF_HUB_OFFLINE"] = "1"
    return env


def test_the_installed_package_is_not_the_checkout(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [str(installed / "python"), "-c", "import curation; print(curation.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_env(tmp_path),
    ).stdout
    assert str(REPO) not in where and "site-packages" in where
    # the Rank page's task component is package files (its script, renderers and styles)
    assets = subprocess.run(
        [
            str(installed / "python"),
            "-c",
            "from pathlib import Path; import curation; "
            "d = Path(curation.__file__).parent / 'ui' / 'components' / 'task'; "
            "print(sorted(p.name for p in d.iterdir() if p.suffix in ('.js', '.css')))",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_env(tmp_path),
    ).stdout
    assert "['markdown.js', 'ranking.js', 'renderers.js', 'task.css', 'task.js']" in assets


def test_demo_and_serve_run_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    demo = subprocess.run(
        [str(installed / "curation"), "demo"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=600,
    )
    assert demo.returncode == 0, demo.stdout + demo.stderr
    listed = subprocess.run(
        [str(installed / "curation"), "datasets", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert listed.returncode == 0 and '"dataset": "support"' in listed.stdout, (
        listed.stdout + listed.stderr
    )

    # The app script itself, from the installed package: its pages must be there too.
    script = (
        "import sys, os\n"
        "from streamlit.testing.v1 import AppTest\n"
        "from curation.cli import app_script\n"
        "at = AppTest.from_file(str(app_script()), default_timeout=60)\n"
        "at.run()\n"
        "assert not at.exception, at.exception\n"
        "print([w.label for w in at.text_input])\n"
    )
    shown = subprocess.run(
        [str(installed / "python"), "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert "User name" in shown.stdout and "Password" in shown.stdout

    port = _free_port()
    server = subprocess.Popen(
        [str(installed / "curation"), "serve", "--port", str(port), "--host", "127.0.0.1"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        page = ""
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                    pass
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    page = response.read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert server.poll() is None, server.stdout.read() if server.stdout else ""
        assert "<html" in page.lower()
    finally:
        server.terminate()
        server.wait(timeout=30)
