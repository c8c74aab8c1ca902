"""`curation campaign create --kind thumbs`, thumbs labels in and out, `campaign apply-thumbs`."""

from __future__ import annotations

import json
from pathlib import Path

from curation.store import open_workspace
from tests.helpers.cli import run
from tests.helpers.labeling import users


def test_thumbs_campaign_from_the_command_line(tmp_path: Path) -> None:
    wsdir = tmp_path / "ws"
    data = tmp_path / "answers.jsonl"
    data.write_text(
        "".join(
            json.dumps(
                {
                    "messages": [{"role": "user", "content": f"Q{i}?"}],
                    "completions": [f"A{i}.0", f"A{i}.1"],
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
    code, out, err = run(
        "campaign", "create", "-d", "d", "-n", "t", "--kind", "thumbs", "--annotators", "a1,a2",
        "--min-votes", "2", "--min-share", "0.6", "-w", wsdir,
    )  # fmt: skip
    assert code == 0, err
    assert "4 answers (thumbs)" in out

    code, out, _ = run("campaign", "list", "--json", "-w", wsdir)
    (info,) = json.loads(out)
    assert info["kind"] == "thumbs" and info["thumbs_policy"] == {"min_votes": 2, "min_share": 0.6}

    ws = open_workspace(wsdir)
    with ws.read() as s:
        import sqlalchemy as sa

        from curation.store import models as m

        ids = dict(
            (msgs[0]["content"], cid)
            for cid, msgs in s.execute(sa.select(m.Completion.id, m.Completion.messages))
        )
    ws.dispose()
    labels = tmp_path / "votes.csv"
    rows = ["completion_id,annotator,label,rationale"]
    for annotator in ("a1", "a2"):
        rows += [f"{ids['A0.0']},{annotator},good,", f"{ids['A0.1']},{annotator},bad,too short"]
    rows += [f"{ids['A1.0']},a1,good,", f"{ids['A1.0']},a2,bad,", f"{ids['A1.1']},a1,maybe,"]
    labels.write_text("\n".join(rows) + "\n")
    code, out, err = run("labels", "import", labels, "-c", "t", "-w", wsdir)
    assert code == 2  # one bad row, the rest imported
    assert "6 of 7 judgments imported" in out
    assert "label" in err and "'maybe'" in err

    code, out, _ = run("labels", "export", "-c", "t", "--current", "-w", wsdir)
    exported = [json.loads(line) for line in out.splitlines()]
    assert len(exported) == 6
    assert {(r["completion_id"], r["annotator"], r["label"]) for r in exported} >= {
        (ids["A0.1"], "a1", "bad"),
        (ids["A0.0"], "a2", "good"),
    }
    assert all("pair_id" not in r for r in exported)

    code, out, err = run("campaign", "apply-thumbs", "t", "--json", "-w", wsdir)
    assert code == 0, err
    result = json.loads(out)
    assert (result["good"], result["bad"], result["undecided"]) == (1, 1, 2)
    assert result["undecided_by"] == {"tie": 1, "too_few_votes": 1}

    code, _, err = run(
        "export", "-c", "t", "-f", "trl-kto", "-o", tmp_path / "o.jsonl", "-w", wsdir
    )
    assert code != 0 and "apply-thumbs" in err and "Traceback" not in err
