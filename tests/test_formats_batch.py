"""OpenAI Batch: requests joined to results by custom_id; several results for one prompt
become completions of one record, ready to pair."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from curation.cli import cli
from curation.ingest.formats import get_format, read_records
from curation.ingest.formats.batch import join_batch
from curation.ingest.importer import import_file
from curation.stats import dataset_stats
from curation.store import Workspace

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
REQUESTS = FIXTURES / "batch_requests.jsonl"
RESULTS = FIXTURES / "batch_results.jsonl"


def test_join_groups_same_prompt_and_reports_unmatched(tmp_path: Path) -> None:
    joined = tmp_path / "joined.jsonl"
    assert join_batch(REQUESTS, RESULTS, joined) == 1
    parsed = [p.record for p in read_records(joined)]
    assert all(r is not None for r in parsed)
    haiku, chile, prime = parsed  # type: ignore[misc]
    assert [c.source for c in haiku.completions] == ["q1-b", "q1-a"]  # q1-a and q1-b: one prompt
    assert [c.text for c in chile.completions] == ["Santiago.", "Santiago de Chile."]  # n=2
    assert chile.metadata["request"] == {"n": 2}
    answer = prime.completions[0].messages[0]
    assert answer == {
        "role": "assistant",
        "content": "No: 91 = 7 × 13.",
        "reasoning_content": "91 = 7 x 13.",
    }
    assert prime.messages[0] == {"role": "developer", "content": "Think, then answer."}


def test_import_gives_pairs(ws: Workspace, tmp_path: Path) -> None:
    joined = tmp_path / "joined.jsonl"
    join_batch(REQUESTS, RESULTS, joined)
    result = import_file(ws, joined, "b")
    assert (result.imported, result.completions, result.pairs) == (3, 5, 2)
    with ws.read() as s:
        assert dataset_stats(s, "b").pairs == 2


def test_request_round_trip() -> None:
    fmt = get_format("openai-batch")
    line = json.loads(REQUESTS.read_text().splitlines()[2])
    record = fmt.parse(line)
    again = fmt.parse(fmt.dump(record))
    assert again.hashable() == record.hashable()
    assert again.metadata == record.metadata


def test_a_result_file_alone_says_what_to_do(tmp_path: Path) -> None:
    [parsed, *_] = list(read_records(RESULTS, "openai-batch"))
    assert parsed.error is not None
    assert "import-batch" in parsed.error.reason


def test_cli_import_batch(tmp_path: Path) -> None:
    out = CliRunner().invoke(
        cli,
        ["import-batch", str(REQUESTS), str(RESULTS), "-d", "b", "-w", str(tmp_path / "ws")],
    )
    assert out.exit_code == 2, out.output  # a result matched no request: a look is needed
    assert "3 imported (5 completions, 2 pairs)" in out.output
    assert "1 result line matched no request" in out.output


def test_bad_request_lines_are_rejected_with_their_line_numbers(tmp_path: Path) -> None:
    lines = REQUESTS.read_text().splitlines()
    requests = tmp_path / "requests.jsonl"
    requests.write_text("\n".join([lines[0], "{not json", '{"method": "POST"}', *lines[1:]]))
    results = tmp_path / "results.jsonl"
    # only results that match a request: the bad lines alone must give the status
    known = {json.loads(line)["custom_id"] for line in lines}
    results.write_text(
        "\n".join(
            r for r in RESULTS.read_text().splitlines() if json.loads(r)["custom_id"] in known
        )
    )
    out = CliRunner().invoke(
        cli,
        [
            "import-batch",
            str(requests),
            str(results),
            "-d",
            "b",
            "--json",
            "-w",
            str(tmp_path / "ws"),
        ],
    )
    assert out.exit_code == 2, out.output
    report = json.loads(out.output)
    assert report["unmatched_results"] == 0
    assert report["rejected"] == 2
    assert [(e["line"], e["field"]) for e in report["errors"][:2]] == [
        (2, "requests.jsonl"),
        (3, "requests.jsonl: custom_id"),
    ]
