"""The command line: exit statuses, JSON output, clean errors with no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers.cli import run
from tests.helpers.common import REPO, write_jsonl

GOOD = json.dumps(
    {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}
)


def test_import_exit_0_when_every_line_imports(wsdir: Path, tmp_path: Path) -> None:
    code, out, _ = run("import", write_jsonl(tmp_path / "a.jsonl", [GOOD]), "-d", "d", "-w", wsdir)
    assert code == 0
    assert "1 imported" in out


def test_import_exit_2_and_line_numbers_when_some_lines_are_bad(
    wsdir: Path, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [GOOD, "{broken", '{"messages": []}'])
    code, out, err = run("import", path, "-d", "d", "-w", wsdir)
    assert code == 2
    assert "line 2: invalid JSON" in err
    assert "line 3: messages: is an empty list" in err
    assert "Traceback" not in out + err


def test_import_exit_1_when_nothing_is_usable_or_unreadable(wsdir: Path, tmp_path: Path) -> None:
    assert (
        run("import", write_jsonl(tmp_path / "a.jsonl", ["{", "[1]"]), "-d", "d", "-w", wsdir)[0]
        == 1
    )
    code, _, err = run("import", tmp_path / "missing.jsonl", "-d", "d", "-w", wsdir)
    assert code == 1
    assert "no such file" in err
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    code, _, err = run("import", empty, "-d", "d", "-w", wsdir)
    assert code == 1 and "Traceback" not in err


def test_import_json_output_and_stats(wsdir: Path, tmp_path: Path) -> None:
    rec = {"messages": [{"role": "user", "content": "Q"}], "completions": ["a", "b", "c"]}
    path = write_jsonl(tmp_path / "n.jsonl", [json.dumps(rec)])
    code, out, _ = run("import", path, "-d", "d", "-w", wsdir, "--json")
    assert code == 0
    assert json.loads(out)[0]["pairs"] == 3
    code, out, _ = run("stats", "-d", "d", "-w", wsdir, "--json")
    stats = json.loads(out)
    assert {k: stats[k] for k in ("records", "completions", "pairs", "messages")} == {
        "records": 1,
        "completions": 3,
        "pairs": 3,
        "messages": 1,
    }
    assert stats["tokens"] > 0


def test_stats_of_an_unknown_dataset_is_a_clear_error(wsdir: Path) -> None:
    code, _, err = run("stats", "-d", "nope", "-w", wsdir)
    assert code == 1
    assert "no dataset named 'nope'" in err


def test_csv_import_with_column_mapping(wsdir: Path, tmp_path: Path) -> None:
    path = tmp_path / "qa.csv"
    path.write_text("q,a,extra\nWhat is 2+2?,4,x\n")
    code, out, _ = run("import", path, "-d", "d", "-w", wsdir, "--columns", "prompt=q,response=a")
    assert code == 0, out
    code, _, err = run(
        "import", path, "-d", "d", "-w", wsdir, "--columns", "prompt=nope,response=a"
    )
    assert code == 1 and "no column named 'nope'" in err


def test_unknown_format_is_named(wsdir: Path, tmp_path: Path) -> None:
    code, _, err = run(
        "import", write_jsonl(tmp_path / "a.jsonl", [GOOD]), "-d", "d", "-w", wsdir, "-f", "xml"
    )
    assert code == 1 and "unknown format 'xml'" in err


def test_validate_exit_status_and_json(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", [GOOD] * 12)
    code, out, _ = run("validate", good, "--json")
    report = json.loads(out)
    assert code == 0
    assert report["examples"] == 12 and report["encoding"] == "o200k_base"
    bad = write_jsonl(
        tmp_path / "bad.jsonl", [GOOD, json.dumps({"messages": [{"role": "bot", "content": "x"}]})]
    )
    code, out, _ = run("validate", bad, "--json")
    assert code == 2
    assert json.loads(out)["errors"][0]["line"] == 2


def test_users_add_and_list(wsdir: Path) -> None:
    code, out, _ = run("users", "add", "ann", "--role", "annotator", "--generate", "-w", wsdir)
    assert code == 0 and "Password (shown once):" in out
    code, out, _ = run(
        "users",
        "add",
        "ann",
        "--role",
        "lead",
        "--password-stdin",
        "-w",
        wsdir,
        input="longenough\n",
    )
    assert code == 1  # the name is taken
    code, out, _ = run("users", "list", "-w", wsdir, "--json")
    assert json.loads(out) == [{"name": "ann", "role": "annotator", "disabled": False}]


def test_demo_builds_and_is_idempotent(wsdir: Path) -> None:
    code, out, _ = run("demo", "-w", wsdir)
    assert code == 0, out
    assert "account lead" in out
    code, out, _ = run("datasets", "-w", wsdir, "--json")
    names = {d["dataset"]: d for d in json.loads(out)}
    assert {"support", "contracts", "sql"} <= set(names)
    assert names["contracts"]["pairs"] >= 40
    code, out, _ = run("pii", "rules", "list", "-w", wsdir, "--json")
    assert code == 0, out
    assert [r["value"] for r in json.loads(out) if r["entity"] == "REFERENCE_ID"] == [
        r"\bNW-\d{4}-TK\b"
    ]
    code, out, _ = run("demo", "-w", wsdir)
    assert code == 0 and "0 imported" in out and "PII pattern" not in out


def test_hh_rlhf_is_never_in_the_demo() -> None:
    for path in (REPO / "curation" / "sample_data").rglob("*"):
        if path.is_file():
            assert "hh-rlhf" not in path.name.lower()


def test_passwords_never_come_from_the_command_line(wsdir: Path) -> None:
    from curation.auth import authenticate
    from curation.store import open_workspace

    code, _, err = run(
        "users", "add", "bob", "--role", "lead", "--password", "longenough", "-w", wsdir
    )
    assert code == 1 and "process list" in err and "--password-stdin" in err
    code, out, _ = run(
        "users", "add", "bob", "--role", "lead", "--password-stdin", "-w", wsdir,
        input="piped in secret\n",
    )  # fmt: skip
    assert code == 0 and "piped in secret" not in out
    code, _, err = run("users", "passwd", "bob", "--password", "another-one", "-w", wsdir)
    assert code == 1 and "process list" in err
    code, _, err = run("users", "add", "eve", "--role", "lead", "-w", wsdir, input="x\n")
    assert code == 1 and "--password-stdin" in err  # no terminal to prompt on
    code, out, _ = run(
        "users", "passwd", "bob", "--password-stdin", "-w", wsdir, input="new secret 2\n"
    )
    assert code == 0 and "logged out" in out
    code, out, _ = run("users", "passwd", "bob", "--generate", "-w", wsdir)
    generated = out.split("Password (shown once): ")[1].strip()
    ws = open_workspace(wsdir)
    with ws.read() as s:
        assert authenticate(s, "bob", generated) is not None
        assert authenticate(s, "bob", "new secret 2") is None
    ws.dispose()


def test_settings_commands_allow_and_remove_import_folders(wsdir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    code, out, _ = run("settings", "allow-import-folder", data, "-w", wsdir)
    assert code == 0 and str(data.resolve()) in out
    code, out, _ = run("settings", "external-images", "on", "-w", wsdir)
    assert code == 0
    code, out, _ = run("settings", "show", "--json", "-w", wsdir)
    shown = json.loads(out)
    assert shown["import_folders"] == [str(data.resolve())] and shown["external_images"] is True
    assert shown["imports_folder"] == str((wsdir / "imports").resolve())
    code, _, err = run("settings", "allow-import-folder", "relative/dir", "-w", wsdir)
    assert code == 1 and "absolute path" in err
    code, out, _ = run("settings", "remove-import-folder", data, "-w", wsdir)
    assert code == 0
    code, out, _ = run("settings", "show", "-w", wsdir)
    assert str(data.resolve()) not in out and "shown as links" not in out


def test_users_unlock_and_settings_trusted_proxies(wsdir: Path) -> None:
    from curation.auth import THROTTLE_LIMIT, LoginThrottled, log_in
    from curation.store import open_workspace

    code, _, _ = run(
        "users", "add", "bob", "--role", "lead", "--password-stdin", "-w", wsdir,
        input="bobs password\n",
    )  # fmt: skip
    assert code == 0
    ws = open_workspace(wsdir)
    try:
        for _ in range(THROTTLE_LIMIT):
            log_in(ws, "bob", "a guess", address="203.0.113.7")
        with pytest.raises(LoginThrottled):
            log_in(ws, "bob", "bobs password")
        code, out, _ = run("users", "unlock", "bob", "--address", "203.0.113.7", "-w", wsdir)
        assert code == 0 and f"{THROTTLE_LIMIT} failed login(s) forgotten" in out
        assert log_in(ws, "bob", "bobs password", address="203.0.113.7") is not None
        for _ in range(THROTTLE_LIMIT):
            log_in(ws, "bob", "a guess")
        code, _, _ = run(
            "users", "passwd", "bob", "--password-stdin", "-w", wsdir, input="reset password\n"
        )
        assert code == 0
        assert log_in(ws, "bob", "reset password") is not None  # a new password unlocks
    finally:
        ws.dispose()
    code, out, _ = run("settings", "show", "-w", wsdir)
    assert "Trusted reverse proxies: 0 (X-Forwarded-For is ignored)" in out
    code, out, _ = run("settings", "trusted-proxies", "1", "-w", wsdir)
    assert code == 0 and "X-Forwarded-For" in out
    code, out, _ = run("settings", "show", "--json", "-w", wsdir)
    assert json.loads(out)["trusted_proxies"] == 1
    code, _, _ = run("settings", "trusted-proxies", "9", "-w", wsdir)
    assert code == 1  # a usage error (out of range): nothing done


def test_a_bug_is_an_unexpected_error_to_report_and_a_user_error_is_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from curation.cli.common import CurationGroup
    from curation.errors import InputError, InternalError

    monkeypatch.delenv("CURATION_DEBUG", raising=False)
    group = CurationGroup()

    @group.command()
    def bug() -> None:
        raise InternalError("a state that cannot happen")

    @group.command()
    def mistake() -> None:
        raise InputError("that file is empty")

    result = CliRunner().invoke(group, ["bug"])
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "Unexpected error: InternalError: a state that cannot happen" in result.stderr
    assert "report it" in result.stderr
    result = CliRunner().invoke(group, ["mistake"])
    assert result.exit_code == 1 and result.stderr.strip() == "Error: that file is empty"
