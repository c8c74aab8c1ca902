"""`curation formats` (every layout with an example; a file's detection and field report),
and the field report of `curation import` and `curation validate`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from curation.cli import cli
from curation.ingest.formats import FORMATS

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout


def test_formats_lists_every_layout_with_an_example() -> None:
    code, out = run("formats")
    assert code == 0
    for fmt in FORMATS.values():
        assert fmt.name in out
        assert fmt.example and fmt.example in out
        assert fmt.rule and fmt.rule in out


def test_formats_on_a_file_names_rule_runner_up_and_fields() -> None:
    code, out = run("formats", FIXTURES / "lf_dpo_sharegpt.json", "--json")
    assert code == 0
    [report] = json.loads(out)
    assert report["format"] == "llamafactory-preference"
    assert report["runner_up"] == "trl-preference"
    assert report["records"] == 3 and report["completions"] == 6
    _, out = run("formats", FIXTURES / "lf_kto.json")
    assert "unpaired feedback: 2 desirable, 1 undesirable" in out


def test_import_prints_the_field_report(tmp_path: Path) -> None:
    code, out = run("import", FIXTURES / "lf_v1_sft.jsonl", "-d", "v1", "-w", tmp_path / "ws")
    assert code == 0, out
    assert "`loss_weight` on 7 messages: mapped to weight" in out
    assert "`source` on 1 records: kept with the record, not shown" in out
    code, out = run(
        "import", FIXTURES / "lf_v1_sft.jsonl", "-d", "v2", "-w", tmp_path / "ws", "--json"
    )
    fields = {f["field"]: f["count"] for f in json.loads(out)[0]["fields"]}
    assert fields["loss_weight"] == 7


def test_validate_adds_the_import_view() -> None:
    _, out = run("validate", FIXTURES / "lf_tool_use.jsonl")
    assert "As an import would read it:" in out
    assert "`tools` on 2 records: given as a JSON string: parsed into a list" in out


def test_readme_lists_every_layout_with_its_example() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for fmt in FORMATS.values():
        assert f"`{fmt.name}`" in readme
        assert fmt.example.replace("|", "\\|") in readme, fmt.name


def test_stats_shows_kto_labels(tmp_path: Path) -> None:
    run("import", FIXTURES / "lf_kto.json", "-d", "k", "-w", tmp_path / "ws")
    code, out = run("stats", "-d", "k", "-w", tmp_path / "ws")
    assert code == 0
    assert "KTO labels   2 desirable, 1 undesirable" in out
