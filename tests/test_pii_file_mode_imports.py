"""File mode never opens a workspace, so ``curation redact SOURCE -o OUT`` must not import
SQLAlchemy or the store: that import was most of a second of its start-up."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import orjson

from tests.helpers.common import REPO

STORE = ("sqlalchemy", "curation.store.db", "curation.store.models", "curation.audit")

IMPORTS = f"STORE = {STORE!r}\n" + textwrap.dedent(
    """
    import sys
    import curation.pii.files, curation.pii.rules, curation.pii.settings
    from curation.pii.file_options import RedactChoices
    from curation.store.location import default_workspace_dir

    options = RedactChoices(entities="PERSON").options(None)
    assert options.config.entities == ("PERSON",), options.config
    default_workspace_dir()
    print(sorted(m for m in sys.modules if m.split(".")[0] == "sqlalchemy" or m in STORE))
    """
)

REDACT = f"STORE = {STORE!r}\n" + textwrap.dedent(
    """
    import atexit, sys
    atexit.register(lambda: print("LOADED", sorted(m for m in STORE if m in sys.modules)))
    from curation.cli import main
    sys.argv = ["curation", "redact", *sys.argv[1:]]
    main()
    """
)


def _run(script: str, *args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    # No workspace given (these variables would make it workspace-backed file mode); the
    # default workspace's folder, which file mode only looks at, is under tmp_path.
    env = {
        k: v for k, v in os.environ.items() if k not in ("CURATION_WORKSPACE", "CURATION_DB_URL")
    }
    env.update(HF_HUB_OFFLINE="1", XDG_DATA_HOME=str(tmp_path / "data"))
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_file_mode_modules_import_without_the_store(tmp_path: Path) -> None:
    proc = _run(IMPORTS, tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip() == "[]"


def test_redact_on_a_file_loads_no_store(tmp_path: Path) -> None:
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    record = {"messages": [{"role": "user", "content": "I'm Maria Gonzalez, maria@example.org"}]}
    source.write_bytes(orjson.dumps(record) + b"\n")
    proc = _run(REDACT, str(source), "-o", str(output), "--quiet", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Maria" not in output.read_text()
    assert proc.stdout.strip().splitlines()[-1] == "LOADED []"
