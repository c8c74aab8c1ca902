"""The one progress protocol ``(stage, done, total)`` and its two adapters: a click bar for
the command line, an ``st.progress`` bar for the pages."""

from __future__ import annotations

import io
from pathlib import Path

import click
import pytest
from streamlit.testing.v1 import AppTest

from curation.cli.common import progress_bar


def _run_bar(quiet: bool, monkeypatch: pytest.MonkeyPatch) -> str:
    err = io.StringIO()
    real = click.progressbar

    def to_buffer(*args: object, **kwargs: object) -> object:
        kwargs["file"] = err
        return real(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(click, "progressbar", to_buffer)
    with progress_bar("Deduplicating", quiet=quiet) as progress:
        progress("embed", 5, 10)
        progress("embed", 10, 10)
        progress("verify", 3, None)
        progress("verify", 8, 8)
    return err.getvalue()


def test_the_cli_bar_names_each_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _run_bar(quiet=False, monkeypatch=monkeypatch)
    assert "Deduplicating: embed" in shown
    assert "Deduplicating: verify" in shown


def test_a_quiet_cli_bar_prints_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run_bar(quiet=True, monkeypatch=monkeypatch) == ""


def test_the_page_bar_shows_stage_and_counts(tmp_path: Path) -> None:
    script = tmp_path / "page.py"
    script.write_text(
        "from curation.ui.progress import progress_bar\n"
        "advance, bar = progress_bar('Scanning…')\n"
        "advance('scan', 30, 120)\n"
        "advance('apply', 7, None)\n"
    )
    at = AppTest.from_file(str(script), default_timeout=30).run()
    assert not at.exception
    (bar,) = at.get("progress")
    assert bar.proto.text == "apply: 7"
    assert bar.proto.value == 0


def test_the_page_bar_fraction(tmp_path: Path) -> None:
    script = tmp_path / "page.py"
    script.write_text(
        "from curation.ui.progress import progress_bar\n"
        "advance, bar = progress_bar('Scanning…')\n"
        "advance('scan', 30, 120)\n"
    )
    at = AppTest.from_file(str(script), default_timeout=30).run()
    (bar,) = at.get("progress")
    assert bar.proto.text == "scan: 30 of 120"
    assert bar.proto.value == 25
