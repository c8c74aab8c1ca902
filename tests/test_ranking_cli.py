"""`curation campaign create --kind ranking`, `campaign apply-rankings`, `campaign agreement`,
rankings in `labels export`, and the ranked-list export from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from curation.labeling import answers, queue
from curation.labeling.campaigns import get_campaign
from curation.store import open_workspace
from tests.helpers.cli import run
from tests.helpers.export import set_redaction
from tests.helpers.labeling import users


def test_ranking_campaign_from_the_command_line(tmp_path: Path) -> None:
    wsdir = tmp_path / "ws"
    data = tmp_path / "answers.jsonl"
    data.write_text(
        "".join(
            json.dumps(
                {
                    "messages": [{"role": "user", "content": f"Q{i}?"}],
                    "completions": [f"A{i}.{j}" for j in range(5)],
                }
            )
            + "\n"
            for i in range(2)
        )
    )
    assert run("import", data, "-d", "d", "-w", wsdir)[0] == 0
    ws = open_workspace(wsdir)
    users(ws, ["a1", "a2"])
    ws.dispose()
    code, _, err = run(
        "campaign", "create", "-d", "d", "-n", "bad", "--kind", "ranking", "--max-shown", "6",
        "-w", wsdir,
    )  # fmt: skip
    assert code == 1 and "a ranking shows 3 to 5 answers, not 6" in err
    code, out, err = run(
        "campaign", "create", "-d", "d", "-n", "r", "--kind", "ranking", "--annotators", "a1,a2",
        "--max-shown", "4", "--rank-top", "2", "-w", wsdir,
    )  # fmt: skip
    assert code == 0, err
    assert "2 prompts to rank" in out
    code, out, _ = run("campaign", "list", "--json", "-w", wsdir)
    (info,) = json.loads(out)
    assert info["kind"] == "ranking"
    assert info["ranking_settings"] == {"max_shown": 4, "rank_top": 2}

    code, out, _ = run("campaign", "agreement", "r", "-w", wsdir)
    assert code == 0 and "no prompt has rankings from two annotators yet" in out

    ws = open_workspace(wsdir)
    with ws.read() as s:
        cid = get_campaign(s, "r").id
    for annotator in ("a1", "a2"):
        while (item := queue.next_item(ws, cid, annotator)) is not None:
            # the lowest-numbered answer on screen is best, the next second
            texts = [m[0]["content"] for m in item.answers]
            order = sorted(range(len(texts)), key=lambda i: texts[i])
            ranks = {item.answer_ids[order[0]]: 1, item.answer_ids[order[1]]: 2}
            answers.submit(ws, item.assignment_id, annotator, answers.ranking(ranks))
    ws.dispose()
    set_redaction(open_workspace(wsdir), "clean")

    code, out, err = run("campaign", "agreement", "r", "--json", "-w", wsdir)
    assert code == 0, err
    agreement = json.loads(out)
    assert agreement["kind"] == "ranking" and agreement["tasks"] == 2
    assert agreement["tau"] == 1.0 and agreement["alpha"] == 1.0

    code, out, err = run("campaign", "apply-rankings", "r", "-w", wsdir)
    assert code == 0, err
    assert "r: 2 prompts ranked" in out and "mean Kendall's tau 1.000" in out
    code, out, _ = run(
        "campaign", "apply-rankings", "r", "--min-labels", "3", "--json", "-w", wsdir
    )
    applied = json.loads(out)
    assert applied["ranked"] == 0 and applied["excluded"] == {"too_few_labels": 2}
    run("campaign", "apply-rankings", "r", "-w", wsdir)

    code, out, _ = run("labels", "export", "-c", "r", "--current", "-w", wsdir)
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 4
    assert all(sorted(v for v in r["ranks"].values() if v) == [1, 2] for r in rows)

    imported = tmp_path / "labels.jsonl"
    imported.write_text(out)
    code, _, err = run("labels", "import", imported, "-c", "r", "-w", wsdir)
    assert code == 1 and "importing rankings made elsewhere is not supported yet" in err

    out_file = tmp_path / "ranked.jsonl"
    code, _, err = run("export", "-d", "d", "-f", "ranked-list", "-o", out_file, "-w", wsdir)
    assert code == 0, err
    lines = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert len(lines) == 2
    for line in lines:
        contents = [c["content"] for c in line["completions"]]
        assert contents[:2] == sorted(contents)[:2]
        assert line["ranks"] == [1, 2, 3, 3]
