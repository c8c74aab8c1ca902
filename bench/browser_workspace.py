"""The browser benchmark's workspace: set up through the library, and the exact-once check.

Run as a script (``python bench/browser_workspace.py setup|check …``) with ``PYTHONPATH``
pointing at the source tree being served, so the workspace is created and read by the same
``curation`` (and the same migrations) as the app under test — also for ``--ref`` trees.
Only library calls that every served tree has are used here.
"""

from __future__ import annotations

import argparse
import gzip
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

if TYPE_CHECKING:
    from curation.store import Workspace

PASSWORD = "bench-browser-pass-1"
DATASET = "hh-harmless"
CAMPAIGN = "browser bench"
GUIDELINES = (
    "Pick the answer that is more helpful **and** harmless. A refusal that explains why beats "
    "a harmful answer; between two safe answers, prefer the clearer one."
)


def sent_keys(n: int) -> list[int]:
    """The choice digits the benchmark presses, item after item: 1, 2, 3, 4, 5, 1, …"""
    return [i % 5 + 1 for i in range(n)]


@dataclass(frozen=True)
class ExactOnce:
    """How the answers one annotator sent are stored: each task should hold exactly one row."""

    expected: int
    stored: int  # judgment rows of this annotator in the campaign (every version)
    tasks: int  # distinct tasks answered
    dropped: int  # expected answers with no row at all
    duplicated: int  # rows beyond the first on the same task
    wrong_choice: int  # first answers whose digit does not follow the keys sent, in order

    @property
    def ok(self) -> bool:
        return self.dropped == 0 and self.duplicated == 0 and self.wrong_choice == 0


def exact_once(
    counts_per_task: list[int], expected: int, digits: list[int] | None = None
) -> ExactOnce:
    """From the rows each answered task holds (and, in submission order, the digit of each
    task's first answer), the dropped, duplicated and wrongly applied counts."""
    tasks = sum(1 for n in counts_per_task if n > 0)
    stored = sum(counts_per_task)
    return ExactOnce(
        expected=expected,
        stored=stored,
        tasks=tasks,
        dropped=max(0, expected - tasks),
        duplicated=stored - tasks,
        wrong_choice=0 if digits is None else out_of_order(digits, sent_keys(expected)),
    )


def out_of_order(stored: list[int], sent: list[int]) -> int:
    """Stored digits outside their longest common subsequence with the sent ones: a dropped
    answer leaves the rest in order, a key applied to the wrong item does not."""
    prev = [0] * (len(sent) + 1)
    for a in stored:
        row = [0]
        for j, b in enumerate(sent):
            row.append(prev[j] + 1 if a == b else max(prev[j + 1], row[j]))
        prev = row
    return len(stored) - prev[-1]


def check(ws: Workspace, campaign_id: int, annotator: str, expected: int) -> ExactOnce:
    """Count, in the database, the judgment rows ``annotator`` left on each task, and read
    back which digit (1 = left much better … 5 = right much better) each first answer was."""
    from curation.store import labeling_models as lm

    with ws.read() as s:
        rows = s.execute(
            sa.select(
                lm.Judgment.task_id,
                lm.Judgment.choice,
                lm.Judgment.both_bad,
                lm.Judgment.shown_left,
            )
            .where(lm.Judgment.campaign_id == campaign_id, lm.Judgment.annotator == annotator)
            .order_by(lm.Judgment.id)
        ).all()
    counts: dict[int, int] = {}
    digits: list[int] = []
    for task_id, choice, both_bad, shown_left in rows:
        counts[task_id] = counts.get(task_id, 0) + 1
        if counts[task_id] == 1:
            # the screen's scale: digit 1 is +2 (left much better) … digit 5 is −2
            screen = 0 if both_bad or choice is None else (choice if shown_left == "a" else -choice)
            digits.append(6 if both_bad else 3 - screen)
    return exact_once(list(counts.values()), expected, digits)


def hh_file() -> Path:
    """The real HH-RLHF harmless test split, wherever the shared data folder is."""
    here = Path(__file__).resolve().parents[1]
    for folder in (here.parent / "shared" / "data", Path("/work/shared/data")):
        path = folder / "hh-rlhf-harmless-base-test.jsonl.gz"
        if path.exists():
            return path
    raise SystemExit(
        "no hh-rlhf-harmless-base-test.jsonl.gz in ../shared/data or /work/shared/data"
    )


def hh_subset(out: Path, pairs: int) -> Path:
    """The first ``pairs`` lines of the HH-RLHF file (the whole file when it has fewer)."""
    with gzip.open(hh_file(), "rt", encoding="utf-8") as src, out.open("w") as dst:
        for i, line in enumerate(src):
            if i >= pairs:
                break
            dst.write(line)
    return out


def setup(folder: Path, db: str | None, pairs: int, annotators: list[str]) -> int:
    """A new workspace at ``folder`` (and ``db``), populated; the campaign's id."""
    from curation.store import open_workspace

    ws = open_workspace(folder, db)
    try:
        return populate(ws, hh_subset(folder / "hh.jsonl", pairs), annotators)
    finally:
        ws.dispose()


def populate(ws: Workspace, pairs_file: Path, annotators: list[str]) -> int:
    """Import the pairs, create the annotators and one pairwise campaign (k = 2); its id."""
    from curation.auth import create_user
    from curation.ingest.importer import import_file
    from curation.labeling.campaigns import CampaignSpec, create_campaign

    import_file(ws, pairs_file, DATASET, actor="bench")
    with ws.tx() as s:
        for name in annotators:
            create_user(s, name, "annotator", PASSWORD, actor="bench")
        spec = CampaignSpec(
            name=CAMPAIGN, dataset=DATASET, overlap=2, annotators=annotators, guidelines=GUIDELINES
        )
        return int(create_campaign(s, spec, actor="bench").id)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_setup = sub.add_parser("setup")
    p_setup.add_argument("--pairs", type=int, required=True)
    p_setup.add_argument("--annotators", required=True, help="comma-separated names")
    p_check = sub.add_parser("check")
    p_check.add_argument("--campaign", type=int, required=True)
    p_check.add_argument("--expect", required=True, help="NAME=N,… : answers each annotator sent")
    for p in (p_setup, p_check):
        p.add_argument("--folder", type=Path, required=True)
        p.add_argument("--db")
    args = parser.parse_args(argv)
    if args.cmd == "setup":
        cid = setup(args.folder, args.db, args.pairs, args.annotators.split(","))
        print(json.dumps({"campaign": cid}))
        return
    from curation.store import open_workspace

    ws = open_workspace(args.folder, args.db)
    try:
        expected = dict(part.split("=", 1) for part in args.expect.split(","))
        found = {n: asdict(check(ws, args.campaign, n, int(e))) for n, e in expected.items()}
    finally:
        ws.dispose()
    print(json.dumps(found))


if __name__ == "__main__":
    main()
