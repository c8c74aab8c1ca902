"""Data and constants shared by the crash-fault benchmark and its disk-full cases."""

from __future__ import annotations

import json
import random
from pathlib import Path

SECRET = "CONFIDENTIAL-CONVERSATION"
LEAKS = ("INSERT", "SELECT", "UPDATE", "[SQL", "parameters", "Traceback", SECRET)
CLI = "from curation.cli import main; main()"
WORDS = (
    "key rotate console client token server deploy cluster backup restore invoice refund "
    "contract clause tenant landlord deposit notice policy claim premium audit ledger tax "
    "schedule meeting agenda budget forecast hiring salary review patch release branch merge "
    "test build cache queue worker timeout retry index query schema table column migration "
    "garden recipe flour oven travel ticket flight hotel visa museum river mountain"
)

# --------------------------------------------------------------------------- data


def chat_lines(n: int, tag: str = "", pii: bool = False, dup_every: int = 0) -> list[str]:
    """``n`` chat conversations; with ``dup_every``, every such line repeats its predecessor
    with one word changed (a near-duplicate)."""
    lines = []
    words = WORDS.split()
    for i in range(n):
        j = i - 1 if dup_every and i % dup_every == 0 and i else i
        pick = random.Random(j)
        topic = " ".join(pick.choice(words) for _ in range(12))
        more = " ".join(pick.choice(words) for _ in range(30))
        who = (
            f"My name is Maria Lopez{j} and my email is maria.lopez{j}@example.com." if pii else ""
        )
        user = f"{SECRET} {tag} question {j}: {topic}? {who}"
        answer = f"{more}. {topic}."
        if j != i:
            answer += "Thanks."
        lines.append(
            json.dumps(
                {
                    "messages": [
                        {"role": "user", "content": user},
                        {"role": "assistant", "content": answer},
                    ]
                }
            )
        )
    return lines


def pair_lines(n: int) -> list[str]:
    return [
        json.dumps(
            {
                "messages": [{"role": "user", "content": f"Question {i}?"}],
                "completions": [f"Answer {i}.a", f"Answer {i}.b"],
            }
        )
        for i in range(n)
    ]


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n")
    return path
