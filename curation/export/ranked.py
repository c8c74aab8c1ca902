"""The ranked-list export: one prompt per line with its answers in a ranking campaign's order.

Layout (JSONL), the source article's "N completions" shape with the order made explicit::

    {"messages": [...prompt...], "tools": [...]?,
     "completions": [{"role": "assistant", "content": "best"}, ...],  # best first
     "ranks": [1, 2, 2],                                   # 1 best; equal ranks are ties
     "scores": [0.41, -0.20, -0.21],                       # Bradley–Terry log-strengths, mean 0
     "rankings": [[0, 1], [0, 2]],                         # [better, worse] index pairs
     "metadata": {"rankings": 2, "all_bad": 0, "score": "..."}}

A completion is its assistant message when it is one message, else its message list (as
the "n-completions" import reads it). ``rankings`` lists every pair of differently
ranked answers, so importing the file back (format ``n-completions``) gives the same strict
preferences; ties are not in ``rankings`` (a [better, worse] pair cannot say "equal"), so an
import loses them: only ``ranks`` (equal ranks) records them, beside ``scores``.
"""

from __future__ import annotations

from typing import Any

from curation.export.formats import ExportFormat, Item, _parses_back
from curation.ingest.checks import Issue, validate_example
from curation.ingest.formats.article import NCompletions
from curation.records import Completion, Message, Record


def ranked_items(
    lists: dict[int, list[tuple[int, int, float, int, int]]] | None,
    item: Item,
    completions: dict[int, tuple[int, Completion]],
) -> list[Item]:
    """The row's material: the item's record's ranked answers best first, from ``lists``
    (record id -> (completion id, rank, score, rankings, all bad)); none when it has none."""
    ranked = (lists or {}).get(item.record_id)
    if not ranked or any(cid not in completions for cid, *_ in ranked):
        return []
    item.ranked = [(*completions[cid], rank, score) for cid, rank, score, _, _ in ranked]
    item.rankings, item.all_bad = ranked[0][3], ranked[0][4]
    return [item]


SCORE_NOTE = "Bradley-Terry log-strength per prompt (choix ILSR), mean 0; higher is better"


class RankedListExport(ExportFormat):
    name = "ranked-list"
    label = "Ranked lists JSONL (prompt, answers best first, ranks, Bradley–Terry scores)"
    unit = "ranking"
    single_turn = False
    reads_back_as = "n-completions"
    help = (
        "one prompt per line: messages, completions best first, ranks, Bradley–Terry scores "
        "and [better, worse] pairs, from a ranking campaign"
    )

    def row(self, item: Item) -> dict[str, Any]:
        record = Record(messages=item.messages, tools=item.tools)
        record.completions = [completion for _, completion, _, _ in item.ranked]
        ranks = [rank for _, _, rank, _ in item.ranked]
        record.rankings = [
            (i, j)
            for i in range(len(ranks))
            for j in range(i + 1, len(ranks))
            if ranks[i] < ranks[j]
        ]
        row = NCompletions().dump(record)
        row["ranks"] = ranks
        row["scores"] = [round(score, 6) for _, _, _, score in item.ranked]
        row["metadata"] = {"rankings": item.rankings, "all_bad": item.all_bad, "score": SCORE_NOTE}
        return row

    def check(self, row: dict[str, Any], item: Item) -> list[Issue]:
        issues = _parses_back(NCompletions().parse, row)
        for position, completion, rank, _ in item.ranked:
            example: dict[str, Any] = {"messages": [*item.messages, *completion.messages]}
            if item.tools is not None:
                example["tools"] = item.tools
            for issue in validate_example(example, layout="chat"):
                issues.append(
                    Issue(
                        issue.line, issue.code, f"answer {position} (rank {rank}): {issue.message}"
                    )
                )
        return issues

    def conversation(self, _row: dict[str, Any], item: Item) -> list[Message]:
        out = list(item.messages)
        for _, completion, _, _ in item.ranked:
            out.extend(completion.messages)
        return out
