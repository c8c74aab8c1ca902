"""Build the Curation Studio demo data in ``sample_data/`` from the hand-written banks in ``bank/``.

Run from the repository root (stdlib only; deterministic, so re-running rewrites identical files):

    .venv/bin/python tools/sample_data/build_samples.py            # write the files, then verify them
    .venv/bin/python tools/sample_data/build_samples.py --no-check # write only

It writes the data files, ``planted.json`` (machine-readable ground truth: where PII, hard
negatives, near-duplicates, exact duplicates, diverging pairs and bad lines are, by file and
1-based line as reported by ``curation.ingest.formats.read_records``) and ``README.md``.

All content was written for this project and is dedicated to the public domain (CC0 1.0).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import random
import re
import sys
from copy import deepcopy
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# the files ship inside the package; this generator and its content bank do not
SAMPLES = HERE.parent.parent / "curation" / "sample_data"
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parents[1]))  # this checkout's curation, for its atomic writer
sys.dont_write_bytecode = True  # keep sample_data/bank free of __pycache__

from bank.common import assign_call_ids  # noqa: E402
from bank.contracts_a import CONTRACTS_A  # noqa: E402
from bank.contracts_b import CONTRACTS_B  # noqa: E402
from bank.contracts_c import CONTRACTS_C  # noqa: E402
from bank.contracts_common import CONTRACT_SYSTEM  # noqa: E402
from bank.contracts_common import CRITERIA as CONTRACT_CRITERIA  # noqa: E402
from bank.faq import FAQ  # noqa: E402
from bank.messy import MESSY_GOOD, MESSY_LAYOUT  # noqa: E402
from bank.preferences import PREFERENCES  # noqa: E402
from bank.sharegpt import SHAREGPT  # noqa: E402
from bank.sql_a import SQL_A  # noqa: E402
from bank.sql_b import SQL_B  # noqa: E402
from bank.sql_c import SQL_C  # noqa: E402
from bank.sql_common import CRITERIA as SQL_CRITERIA  # noqa: E402
from bank.sql_common import SQL_SYSTEM  # noqa: E402
from bank.support_a import SUPPORT_A  # noqa: E402
from bank.support_b import SUPPORT_B  # noqa: E402
from bank.support_c import SUPPORT_C  # noqa: E402
from bank.support_common import SUPPORT_SYSTEM, SUPPORT_TOOLS  # noqa: E402

from curation.fileio.atomic import atomic_write_text  # noqa: E402  (stdlib only)

SEED = 20240917

FILES = {
    "support": "support_chats.jsonl",
    "contracts": "contract_pairs.jsonl",
    "sql": "sql_rankings.jsonl",
    "sharegpt": "support_sharegpt.json",
    "alpaca": "faq_alpaca.json",
    "csv": "preferences.csv",
    "messy": "messy_import.jsonl",
}
EXPECTED_FORMAT = {
    "support": "openai-chat",
    "contracts": "rft-pairs",
    "sql": "n-completions",
    "sharegpt": "sharegpt",
    "alpaca": "alpaca",
    "csv": "table",
    "messy": "openai-chat",
}

# Near-duplicate variants: (bank id, transformation). Each variant is a surface edit of its source.
SUPPORT_VARIANTS = [
    ("sup-002", "case"),
    ("sup-005", "greeting"),
    ("sup-020", "typo"),
    ("sup-030", "whitespace"),
    ("sup-038", "punctuation"),
    ("sup-041", "trim"),
]
SUPPORT_EXACT = ["sup-013", "sup-047"]  # the same conversation exported twice (new conversation id)
SHAREGPT_COPIES = [
    "sup-007",
    "sup-021",
    "sup-039",
    "sup-050",
]  # identical to the OpenAI-chat records
SHAREGPT_VARIANTS = [("sg-05", "case"), ("sg-17", "greeting")]
CONTRACT_VARIANTS = [
    ("con-05", "whitespace"),
    ("con-13", "typo"),
    ("con-20", "greeting"),
    ("con-30", "trim"),
]
SQL_VARIANTS = [
    ("sql-06", "greeting"),
    ("sql-17", "case"),
    ("sql-21", "typo"),
    ("sql-27", "punctuation"),
]
ALPACA_VARIANTS = [("faq-01", "whitespace"), ("faq-14", "typo")]
CSV_VARIANTS = [("pref-03", "greeting")]

# Pairs that share their opening exchange and then diverge: they must NOT be clustered as duplicates.
DIVERGING = [
    ("sup-008", "sup-011", "same login opening; then a lost MFA device vs. a sign-in lockout"),
    (
        "sup-019",
        "sup-022",
        "same 429 opening; then pacing a Team-plan sync vs. bulk-endpoint cost and a limit increase",
    ),
    (
        "sup-023",
        "sup-028",
        "same first NKS deployment; then HTTPS with an ingress vs. ImagePullBackOff",
    ),
]

# Earlier assistant turns that should not be trained on (weight 0); the final turn gets weight 1.
ZERO_WEIGHT_FIRST = {"sup-001", "sup-006", "sup-017", "sup-031"}

GREETINGS = ["Hi there! ", "Hello, quick question. ", "Hey team, "]


# ---------------------------------------------------------------------------------------------
# Surface transformations for near-duplicates
# ---------------------------------------------------------------------------------------------


def _protected(record: dict[str, Any]) -> list[str]:
    values = [v for vals in record.get("pii", {}).values() for v in vals]
    return values + list(record.get("negatives", []))


def transform_text(text: str, kind: str, protected: list[str], salt: str) -> str:
    """One deterministic surface edit of ``text``."""
    if kind == "case":
        return text.lower()
    if kind == "whitespace":
        out = text.replace(". ", ".  ").replace("\n\n", "\n \n\n")
        return "  " + out.rstrip() + "   \n"
    if kind == "punctuation":
        out = text.replace(",", "").replace("?", "").replace("!", "")
        return out.rstrip(".") if out.endswith(".") else out
    if kind == "greeting":
        rng = random.Random(f"{SEED}:{salt}")
        return rng.choice(GREETINGS) + text
    if kind == "typo":
        words = [
            m
            for m in re.finditer(r"[A-Za-z]{7,}", text)
            if not any(m.group(0) in p for p in protected) and not _inside_code(text, m.start())
        ]
        if not words:
            raise ValueError(f"{salt}: no word to misspell")
        m = words[min(2, len(words) - 1)]
        w = m.group(0)
        i = len(w) // 2
        typo = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
        return text[: m.start()] + typo + text[m.end() :]
    if kind == "trim":
        paragraphs = text.rstrip().split("\n\n")
        if len(paragraphs) > 1:
            return "\n\n".join(paragraphs[:-1])
        sentences = re.split(r"(?<=[.!?])\s+", text.strip())
        if len(sentences) < 2:
            raise ValueError(f"{salt}: nothing to trim")
        return " ".join(sentences[:-1])
    raise ValueError(kind)


def _inside_code(text: str, pos: int) -> bool:
    return text.count("`", 0, pos) % 2 == 1 or text.count("```", 0, pos) % 2 == 1


def variant_messages(record: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """The record's messages with one surface edit: the first user turn, or the last assistant turn for trim."""
    messages = deepcopy(record["messages"])
    protected = _protected(record)
    if kind == "trim":
        target = max(
            i
            for i, m in enumerate(messages)
            if m["role"] == "assistant" and isinstance(m.get("content"), str)
        )
    else:
        target = min(
            i
            for i, m in enumerate(messages)
            if m["role"] == "user" and isinstance(m.get("content"), str)
        )
    messages[target]["content"] = transform_text(
        messages[target]["content"], kind, protected, record["id"]
    )
    return messages


def still_present(
    record: dict[str, Any], text: str, *, complete: bool = True
) -> tuple[dict[str, list[str]], list[str]]:
    """PII and negatives of ``record`` that occur verbatim in ``text``.

    ``complete`` (originals and copies) requires every planted value to be there; a variant may
    have altered some (a lower-cased name), so it reports only the ones its edit left intact.
    """
    pii = {k: [v for v in vals if v in text] for k, vals in record.get("pii", {}).items()}
    pii = {k: v for k, v in pii.items() if v}
    negatives = [v for v in record.get("negatives", []) if v in text]
    if complete:
        missing = [v for v in _protected(record) if v not in text]
        if missing:
            raise ValueError(f"{record['id']}: planted values not found verbatim: {missing}")
    return pii, negatives


# ---------------------------------------------------------------------------------------------
# Record builders
# ---------------------------------------------------------------------------------------------


def conv_id(key: str) -> str:
    return "conv_" + hashlib.sha1(f"{SEED}:{key}".encode()).hexdigest()[:10]


def support_messages(record: dict[str, Any]) -> list[dict[str, Any]]:
    messages = deepcopy(record["messages"])
    assign_call_ids(record["id"], messages)
    if record["id"] in ZERO_WEIGHT_FIRST:
        texts = [
            m
            for m in messages
            if m["role"] == "assistant" and m.get("content") and not m.get("tool_calls")
        ]
        texts[0]["weight"] = 0
        texts[-1]["weight"] = 1
    return [{"role": "system", "content": SUPPORT_SYSTEM}, *messages]


def support_line(
    record: dict[str, Any], messages: list[dict[str, Any]], key: str
) -> dict[str, Any]:
    out: dict[str, Any] = {"messages": messages}
    if record["tools"]:
        out["tools"] = SUPPORT_TOOLS
        out["parallel_tool_calls"] = False
    out["metadata"] = {
        "conversation_id": conv_id(key),
        "channel": "console-chat",
        "topic": record["topic"],
    }
    return out


def to_sharegpt(
    record: dict[str, Any], messages: list[dict[str, Any]], with_system: bool
) -> dict[str, Any]:
    turns: list[dict[str, str]] = []
    system = None
    for m in messages:
        if m["role"] == "system":
            system = m["content"]
        elif m.get("tool_calls"):
            for call in m["tool_calls"]:
                fn = call["function"]
                turns.append(
                    {
                        "from": "function_call",
                        "value": json.dumps(
                            {"name": fn["name"], "arguments": json.loads(fn["arguments"])},
                            ensure_ascii=False,
                        ),
                    }
                )
        elif m["role"] == "tool":
            turns.append({"from": "observation", "value": m["content"]})
        else:
            turns.append(
                {"from": {"user": "human", "assistant": "gpt"}[m["role"]], "value": m["content"]}
            )
    out: dict[str, Any] = {"conversations": turns}
    if with_system and system is not None:
        out["system"] = system
    if record.get("tools"):
        out["tools"] = json.dumps(SUPPORT_TOOLS, ensure_ascii=False)
    return out


def completion_value(text: str, as_message: bool) -> Any:
    return {"role": "assistant", "content": text} if as_message else text


def contract_line(
    record: dict[str, Any], messages: list[dict[str, Any]], preferred: str, index: int
) -> dict[str, Any]:
    as_message = index % 3 == 2
    return {
        "messages": [{"role": "system", "content": CONTRACT_SYSTEM}, *messages],
        "preferred_completion": completion_value(preferred, as_message),
        "rejected_completion": completion_value(record["rejected"], as_message),
        "metadata": {
            "quality_delta": record["delta"],
            "criteria": CONTRACT_CRITERIA,
            "topic": record["topic"],
        },
    }


def rankings_from(scores: list[float]) -> list[list[int]]:
    pairs = []
    for a in range(len(scores)):
        for b in range(a + 1, len(scores)):
            if scores[a] > scores[b]:
                pairs.append([a, b])
            elif scores[b] > scores[a]:
                pairs.append([b, a])
    return pairs


def sql_line(record: dict[str, Any], messages: list[dict[str, Any]], index: int) -> dict[str, Any]:
    as_message = index % 4 == 3
    return {
        "messages": [{"role": "system", "content": SQL_SYSTEM}, *messages],
        "completions": [completion_value(c, as_message) for c in record["completions"]],
        "quality_scores": record["scores"],
        "evaluation_criteria": SQL_CRITERIA,
        "rankings": rankings_from(record["scores"]),
    }


def record_text(obj: Any) -> str:
    """Every string inside a written record, for checking that planted values are really there."""
    if isinstance(obj, str):
        return obj
    if isinstance(obj, dict):
        return "\n".join(record_text(v) for v in obj.values())
    if isinstance(obj, list):
        return "\n".join(record_text(v) for v in obj)
    return ""


# ---------------------------------------------------------------------------------------------
# Assembly: decide the order of each file, insert variants and duplicates, remember the lines
# ---------------------------------------------------------------------------------------------


class Planted:
    def __init__(self) -> None:
        self.pii: list[dict[str, Any]] = []
        self.negatives: list[dict[str, Any]] = []
        self.near_duplicates: list[dict[str, Any]] = []
        self.exact_duplicates: list[dict[str, Any]] = []
        self.diverging: list[dict[str, Any]] = []
        self.bad_lines: list[dict[str, Any]] = []
        self.zero_weight: list[dict[str, Any]] = []
        self.rejections: list[dict[str, Any]] = []

    def note(
        self, file: str, line: int, source_id: str, pii: dict[str, list[str]], negatives: list[str]
    ) -> None:
        if pii:
            self.pii.append({"file": file, "line": line, "id": source_id, "entities": pii})
        if negatives:
            self.negatives.append(
                {"file": file, "line": line, "id": source_id, "values": negatives}
            )


def interleave(
    base: list[Any], extras: list[tuple[str, Any]], rng: random.Random, after: dict[str, int]
) -> list[Any]:
    """Insert each extra at a seeded random position after its source (never right after it)."""
    out = list(base)
    for source_id, item in extras:
        src = next(i for i, x in enumerate(out) if x[0] == source_id and x[1] == "original")
        lo = min(src + 2, len(out))
        pos = rng.randint(lo, len(out)) if lo < len(out) else len(out)
        out.insert(pos, item)
        after[source_id] = pos
    return out


def build_support(
    rng: random.Random, planted: Planted
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    bank = {r["id"]: r for r in SUPPORT_A + SUPPORT_B + SUPPORT_C}
    order = list(bank)
    rng.shuffle(order)
    items: list[tuple[str, str, Any]] = [(cid, "original", None) for cid in order]
    extras = [(cid, (cid, "variant", kind)) for cid, kind in SUPPORT_VARIANTS]
    extras += [(cid, (cid, "exact", None)) for cid in SUPPORT_EXACT]
    items = interleave(items, extras, rng, {})
    lines: list[dict[str, Any]] = []
    line_of: dict[str, int] = {}
    for n, (cid, kind, how) in enumerate(items, start=1):
        record = bank[cid]
        messages = support_messages(record)
        if kind == "variant":
            messages = [messages[0], *variant_messages({**record, "messages": messages[1:]}, how)]
            obj = support_line(record, messages, f"{cid}-variant")
            planted.near_duplicates.append(
                {
                    "file": FILES["support"],
                    "line": n,
                    "variant_of": {"file": FILES["support"], "line": line_of[cid]},
                    "id": cid,
                    "edit": how,
                }
            )
        elif kind == "exact":
            obj = support_line(record, messages, f"{cid}-export-2")
            planted.exact_duplicates.append(
                {
                    "file": FILES["support"],
                    "line": n,
                    "duplicate_of": {"file": FILES["support"], "line": line_of[cid]},
                    "id": cid,
                    "note": "same conversation exported twice; only metadata.conversation_id differs",
                }
            )
        else:
            obj = support_line(record, messages, cid)
            line_of[cid] = n
        pii, neg = still_present(record, record_text(obj), complete=kind != "variant")
        planted.note(FILES["support"], n, cid, pii, neg)
        if cid in ZERO_WEIGHT_FIRST or any(m.get("weight") == 0 for m in obj["messages"]):
            planted.zero_weight.append({"file": FILES["support"], "line": n, "id": cid})
        lines.append(obj)
    for a, b, why in DIVERGING:
        planted.diverging.append(
            {
                "a": {"file": FILES["support"], "line": line_of[a], "id": a},
                "b": {"file": FILES["support"], "line": line_of[b], "id": b},
                "note": why,
            }
        )
    return lines, line_of


def build_sharegpt(
    rng: random.Random,
) -> list[tuple[str, str, Any, dict[str, Any], dict[str, Any]]]:
    """(bank id, kind, edit, source record, ShareGPT object) in file order."""
    bank = {r["id"]: r for r in SHAREGPT}
    support_bank = {r["id"]: r for r in SUPPORT_A + SUPPORT_B + SUPPORT_C}
    order = list(bank)
    rng.shuffle(order)
    items: list[tuple[str, str, Any]] = [(cid, "original", None) for cid in order]
    for i, cid in enumerate(SHAREGPT_COPIES):
        items.insert(3 + i * 5, (cid, "copy", None))
    items = interleave(
        items, [(cid, (cid, "variant", kind)) for cid, kind in SHAREGPT_VARIANTS], rng, {}
    )
    out = []
    for cid, kind, how in items:
        if kind == "copy":
            record = support_bank[cid]
            obj = to_sharegpt(record, support_messages(record), with_system=True)
        else:
            record = bank[cid]
            messages = deepcopy(record["messages"])
            assign_call_ids(cid, messages)
            if kind == "variant":
                messages = variant_messages({**record, "messages": messages}, how)
            if record["system"]:
                messages = [{"role": "system", "content": SUPPORT_SYSTEM}, *messages]
            obj = to_sharegpt(record, messages, with_system=True)
        out.append((cid, kind, how, record, obj))
    return out


def build_contracts(rng: random.Random) -> list[tuple[str, str, Any, dict[str, Any]]]:
    bank = {r["id"]: r for r in CONTRACTS_A + CONTRACTS_B + CONTRACTS_C}
    order = list(bank)
    rng.shuffle(order)
    items: list[tuple[str, str, Any]] = [(cid, "original", None) for cid in order]
    items = interleave(
        items, [(cid, (cid, "variant", kind)) for cid, kind in CONTRACT_VARIANTS], rng, {}
    )
    out = []
    for index, (cid, kind, how) in enumerate(items):
        record = bank[cid]
        messages = deepcopy(record["messages"])
        preferred = record["preferred"]
        if kind == "variant":
            if how == "trim":
                preferred = transform_text(preferred, "trim", _protected(record), cid)
            else:
                last_user = max(i for i, m in enumerate(messages) if m["role"] == "user")
                messages[last_user]["content"] = transform_text(
                    messages[last_user]["content"], how, _protected(record), cid
                )
        out.append((cid, kind, how, contract_line(record, messages, preferred, index)))
    return out


def build_sql(rng: random.Random) -> list[tuple[str, str, Any, dict[str, Any]]]:
    bank = {r["id"]: r for r in SQL_A + SQL_B + SQL_C}
    order = list(bank)
    rng.shuffle(order)
    items: list[tuple[str, str, Any]] = [(cid, "original", None) for cid in order]
    items = interleave(
        items, [(cid, (cid, "variant", kind)) for cid, kind in SQL_VARIANTS], rng, {}
    )
    out = []
    for index, (cid, kind, how) in enumerate(items):
        record = bank[cid]
        messages = deepcopy(record["messages"])
        if kind == "variant":
            last_user = max(i for i, m in enumerate(messages) if m["role"] == "user")
            messages[last_user]["content"] = transform_text(
                messages[last_user]["content"], how, _protected(record), cid
            )
        out.append((cid, kind, how, sql_line(record, messages, index)))
    return out


def build_alpaca(rng: random.Random) -> list[tuple[str, str, Any, dict[str, Any]]]:
    bank = {r["id"]: r for r in FAQ}
    order = list(bank)
    rng.shuffle(order)
    items: list[tuple[str, str, Any]] = [(cid, "original", None) for cid in order]
    items = interleave(
        items, [(cid, (cid, "variant", kind)) for cid, kind in ALPACA_VARIANTS], rng, {}
    )
    out = []
    for cid, kind, how in items:
        r = bank[cid]
        instruction = r["instruction"]
        if kind == "variant":
            instruction = transform_text(instruction, how, _protected(r), cid)
        out.append(
            (
                cid,
                kind,
                how,
                {"instruction": instruction, "input": r["input"], "output": r["output"]},
            )
        )
    return out


def build_csv(rng: random.Random) -> list[tuple[str, str, Any, dict[str, Any]]]:
    bank = {r["id"]: r for r in PREFERENCES}
    order = list(bank)
    rng.shuffle(order)
    items: list[tuple[str, str, Any]] = [(cid, "original", None) for cid in order]
    items = interleave(
        items, [(cid, (cid, "variant", kind)) for cid, kind in CSV_VARIANTS], rng, {}
    )
    out = []
    for cid, kind, how in items:
        r = bank[cid]
        prompt = (
            transform_text(r["prompt"], how, _protected(r), cid)
            if kind == "variant"
            else r["prompt"]
        )
        out.append(
            (
                cid,
                kind,
                how,
                {
                    "prompt": prompt,
                    "chosen": r["chosen"],
                    "rejected": r["rejected"],
                    "topic": r["topic"],
                },
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Writers (each returns the 1-based line every record starts on, as the reader reports it)
# ---------------------------------------------------------------------------------------------


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def write_jsonl(path: Path, objs: list[Any]) -> list[int]:
    atomic_write_text(path, "".join(dumps(o) + "\n" for o in objs))
    return list(range(1, len(objs) + 1))


def write_json_array(path: Path, objs: list[Any]) -> list[int]:
    """A pretty-printed JSON array; returns the line on which each element starts."""
    parts = ["[\n"]
    starts = []
    line = 2
    for i, obj in enumerate(objs):
        text = json.dumps(obj, ensure_ascii=False, indent=2)
        text = "\n".join("  " + ln for ln in text.split("\n"))
        starts.append(line)
        parts.append(text + (",\n" if i < len(objs) - 1 else "\n"))
        line += text.count("\n") + 1
    parts.append("]\n")
    atomic_write_text(path, "".join(parts))
    return starts


def write_csv(path: Path, rows: list[dict[str, str]]) -> list[int]:
    """CSV with a header; returns the physical line each row starts on (cells hold newlines)."""
    buf = io.StringIO()
    writer = csv.DictWriter(
        buf, fieldnames=["prompt", "chosen", "rejected", "topic"], lineterminator="\n"
    )
    writer.writeheader()
    starts = []
    for row in rows:
        starts.append(buf.getvalue().count("\n") + 1)
        writer.writerow(row)
    atomic_write_text(path, buf.getvalue())
    return starts


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def build(out_dir: Path) -> dict[str, Any]:
    planted = Planted()
    counts: dict[str, dict[str, int]] = {}

    # OpenAI chat: support conversations
    support, support_line_of = build_support(random.Random(f"{SEED}:support"), planted)
    write_jsonl(out_dir / FILES["support"], support)
    counts["support"] = {"records": len(support)}

    # ShareGPT: more support chats, four copies of OpenAI-chat records, two variants
    sg_items = build_sharegpt(random.Random(f"{SEED}:sharegpt"))
    sg_starts = write_json_array(out_dir / FILES["sharegpt"], [it[4] for it in sg_items])
    sg_line_of: dict[str, int] = {}
    for start, (cid, kind, how, record, obj) in zip(sg_starts, sg_items, strict=True):
        if kind == "original":
            sg_line_of[cid] = start
        elif kind == "copy":
            planted.exact_duplicates.append(
                {
                    "file": FILES["sharegpt"],
                    "line": start,
                    "duplicate_of": {"file": FILES["support"], "line": support_line_of[cid]},
                    "id": cid,
                    "note": "same conversation in ShareGPT form; same content hash, so an import into the same dataset skips it",
                }
            )
        else:
            planted.near_duplicates.append(
                {
                    "file": FILES["sharegpt"],
                    "line": start,
                    "variant_of": {"file": FILES["sharegpt"], "line": sg_line_of[cid]},
                    "id": cid,
                    "edit": how,
                }
            )
        pii, neg = still_present(record, record_text(obj), complete=kind != "variant")
        planted.note(FILES["sharegpt"], start, cid, pii, neg)
    counts["sharegpt"] = {"records": len(sg_items)}

    # Source-article RFT pairs: contract questions
    contracts = build_contracts(random.Random(f"{SEED}:contracts"))
    write_jsonl(out_dir / FILES["contracts"], [c[3] for c in contracts])
    bank_contracts = {r["id"]: r for r in CONTRACTS_A + CONTRACTS_B + CONTRACTS_C}
    con_line_of: dict[str, int] = {}
    for n, (cid, kind, how, obj) in enumerate(contracts, start=1):
        if kind == "original":
            con_line_of[cid] = n
            planted.rejections.append(
                {
                    "file": FILES["contracts"],
                    "line": n,
                    "id": cid,
                    "why_rejected_is_worse": bank_contracts[cid]["why"],
                }
            )
        else:
            planted.near_duplicates.append(
                {
                    "file": FILES["contracts"],
                    "line": n,
                    "variant_of": {"file": FILES["contracts"], "line": con_line_of[cid]},
                    "id": cid,
                    "edit": how,
                }
            )
        pii, neg = still_present(bank_contracts[cid], record_text(obj), complete=kind != "variant")
        planted.note(FILES["contracts"], n, cid, pii, neg)
    counts["contracts"] = {"records": len(contracts), "completions": 2 * len(contracts)}

    # N completions: SQL
    sql = build_sql(random.Random(f"{SEED}:sql"))
    write_jsonl(out_dir / FILES["sql"], [s[3] for s in sql])
    bank_sql = {r["id"]: r for r in SQL_A + SQL_B + SQL_C}
    sql_line_of: dict[str, int] = {}
    for n, (cid, kind, how, obj) in enumerate(sql, start=1):
        if kind == "original":
            sql_line_of[cid] = n
        else:
            planted.near_duplicates.append(
                {
                    "file": FILES["sql"],
                    "line": n,
                    "variant_of": {"file": FILES["sql"], "line": sql_line_of[cid]},
                    "id": cid,
                    "edit": how,
                }
            )
        pii, neg = still_present(bank_sql[cid], record_text(obj), complete=kind != "variant")
        planted.note(FILES["sql"], n, cid, pii, neg)
    counts["sql"] = {"records": len(sql), "completions": sum(len(s[3]["completions"]) for s in sql)}

    # Alpaca FAQ
    alpaca = build_alpaca(random.Random(f"{SEED}:alpaca"))
    al_starts = write_json_array(out_dir / FILES["alpaca"], [a[3] for a in alpaca])
    bank_faq = {r["id"]: r for r in FAQ}
    al_line_of: dict[str, int] = {}
    for start, (cid, kind, how, obj) in zip(al_starts, alpaca, strict=True):
        if kind == "original":
            al_line_of[cid] = start
        else:
            planted.near_duplicates.append(
                {
                    "file": FILES["alpaca"],
                    "line": start,
                    "variant_of": {"file": FILES["alpaca"], "line": al_line_of[cid]},
                    "id": cid,
                    "edit": how,
                }
            )
        pii, neg = still_present(bank_faq[cid], record_text(obj), complete=kind != "variant")
        planted.note(FILES["alpaca"], start, cid, pii, neg)
    counts["alpaca"] = {"records": len(alpaca)}

    # CSV preferences
    rows = build_csv(random.Random(f"{SEED}:csv"))
    csv_lines = write_csv(out_dir / FILES["csv"], [r[3] for r in rows])
    bank_pref = {r["id"]: r for r in PREFERENCES}
    csv_line_of: dict[str, int] = {}
    for line, (cid, kind, how, obj) in zip(csv_lines, rows, strict=True):
        if kind == "original":
            csv_line_of[cid] = line
        else:
            planted.near_duplicates.append(
                {
                    "file": FILES["csv"],
                    "line": line,
                    "variant_of": {"file": FILES["csv"], "line": csv_line_of[cid]},
                    "id": cid,
                    "edit": how,
                }
            )
        pii, neg = still_present(bank_pref[cid], record_text(obj), complete=kind != "variant")
        planted.note(FILES["csv"], line, cid, pii, neg)
    counts["csv"] = {"records": len(rows), "completions": 2 * len(rows)}

    # Messy import
    messy_lines: list[str] = []
    good = 0
    for n, (kind, raw, expected) in enumerate(MESSY_LAYOUT, start=1):
        if kind.startswith("good:"):
            cid = kind.split(":", 1)[1]
            record = MESSY_GOOD[cid]
            messages = deepcopy(record["messages"])
            assign_call_ids(cid, messages)
            obj: dict[str, Any] = {
                "messages": [{"role": "system", "content": SUPPORT_SYSTEM}, *messages]
            }
            if record["tools"]:
                obj["tools"] = SUPPORT_TOOLS
            messy_lines.append(dumps(obj))
            good += 1
            pii, neg = still_present(record, record_text(obj))
            planted.note(FILES["messy"], n, cid, pii, neg)
        else:
            messy_lines.append(raw or "")
            planted.bad_lines.append(
                {
                    "file": FILES["messy"],
                    "line": n,
                    "problem": kind,
                    "caught_by": "reader"
                    if expected.startswith("reader")
                    else ("nothing" if kind == "blank_line" else "validation"),
                    "expected": expected,
                }
            )
    atomic_write_text(out_dir / FILES["messy"], "\n".join(messy_lines) + "\n")
    counts["messy"] = {"lines": len(MESSY_LAYOUT), "good": good}

    manifest = {
        "licence": "CC0-1.0",
        "generator": "tools/sample_data/build_samples.py",
        "seed": SEED,
        "line_numbers": "1-based, as reported by curation.ingest.formats.read_records: the line a record starts on (JSON arrays: the element's first line; CSV: the physical line the row starts on, header = line 1)",
        "formats": {FILES[k]: v for k, v in EXPECTED_FORMAT.items()},
        "counts": {FILES[k]: v for k, v in counts.items()},
        "pii": planted.pii,
        "hard_negatives": planted.negatives,
        "near_duplicates": planted.near_duplicates,
        "exact_duplicates": planted.exact_duplicates,
        "diverging_pairs": planted.diverging,
        "bad_lines": planted.bad_lines,
        "zero_weight_turns": planted.zero_weight,
        "contract_rejections": planted.rejections,
    }
    atomic_write_text(
        out_dir / "planted.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    )
    atomic_write_text(out_dir / "README.md", render_readme(manifest))
    return manifest


# ---------------------------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------------------------


def _loc(entry: dict[str, Any]) -> str:
    return f"`{entry['file']}:{entry['line']}`"


def render_readme(m: dict[str, Any]) -> str:
    c = m["counts"]
    total = sum(v.get("records", v.get("good", 0)) for v in c.values())
    out: list[str] = []
    w = out.append
    w("# Demo data for Curation Studio\n")
    w(
        "Hand-written demo conversations for the import → PII redaction → semantic dedup → preference "
        "labelling → export flow. Three domains: customer support for a fictional cloud company "
        '("Northwind Cloud": billing, login, outages, API rate limits, Kubernetes, refunds), contract '
        "questions answered by a careful assistant that says it isn't giving legal advice, and SQL help "
        "(PostgreSQL and SQLite). Every person, company, address, number and account is invented; "
        "card numbers are public test numbers, IBANs are published example IBANs, IP addresses come "
        "from the documentation ranges, phone numbers from fictional ranges (555, 999, Ofcom's drama "
        "ranges), and email domains end in `.example`, `example.com`, `example.org`, `example.net` or "
        "`example.co.uk`.\n"
    )
    w(
        f"About {total} records over seven files. `curation demo` imports all of them except `messy_import.jsonl`.\n"
    )
    w("## Files\n")
    w("| file | detected format | records | completions | domain |")
    w("|---|---|---|---|---|")
    domains = {
        "support_chats.jsonl": "support, multi-turn, tool calls, `weight: 0` turns",
        "contract_pairs.jsonl": "contracts, preferred vs rejected answer",
        "sql_rankings.jsonl": "SQL, 2-4 ranked answers per question",
        "support_sharegpt.json": "support (older widget export)",
        "faq_alpaca.json": "support FAQ, some SQL",
        "preferences.csv": "all three domains, chosen vs rejected",
        "messy_import.jsonl": "support; deliberately broken lines",
    }
    for name, fmt in m["formats"].items():
        cnt = c[name]
        records = cnt.get("records", f"{cnt.get('good')} good of {cnt.get('lines')} lines")
        w(f"| `{name}` | `{fmt}` | {records} | {cnt.get('completions', '-')} | {domains[name]} |")
    w("")
    w(
        "- **support_chats.jsonl** (OpenAI chat): every record starts with the same long Northwind "
        "system prompt; tool-using records carry `tools` (8 functions), `parallel_tool_calls: false`, "
        "assistant `tool_calls` with JSON-string `arguments`, and `tool` results. One record has user "
        "content as an array of text parts. `metadata` holds a conversation id, channel and topic.\n"
        "- **contract_pairs.jsonl** (source-article RFT pairs): `messages`, `preferred_completion`, "
        "`rejected_completion` (a string, or an assistant message on every third record) and `metadata` "
        "with `quality_delta` (one number per criterion), `criteria` = accuracy, clarity, caveats, and a "
        "topic. Rejected answers are plausibly worse: overconfident, missing caveats, or wrong on a "
        "jurisdiction detail (the reason for each is in `planted.json` → `contract_rejections`).\n"
        "- **sql_rankings.jsonl** (N completions): 2-4 `completions` with `quality_scores` (0-10), "
        "`evaluation_criteria` = correctness, efficiency, explanation, and `rankings` = every "
        "`[better, worse]` pair with different scores.\n"
        "- **support_sharegpt.json** (ShareGPT, one JSON array): `conversations` with human/gpt turns, "
        "optional `system`; two records use `function_call`/`observation` turns and a `tools` JSON string.\n"
        "- **faq_alpaca.json** (Alpaca, one JSON array): `instruction`, `input` (often empty), `output`.\n"
        "- **preferences.csv** (table): columns `prompt`, `chosen`, `rejected`, `topic`; cells contain "
        "newlines, so a row spans several lines (see below).\n"
        "- **messy_import.jsonl**: a small OpenAI chat file with broken lines for the import demo.\n"
    )
    w("## Line numbers\n")
    w(
        "All locations are `file:line` as `curation.ingest.formats.read_records` reports them (`Parsed.line`): "
        "the line number in JSONL files, the line where an element starts in the JSON arrays, and "
        "the physical line a row starts on in the CSV (the header is line 1; cells span several lines). "
        "`planted.json` holds the same information in machine-readable form for tests.\n"
    )
    w("## Planted PII (redaction demo)\n")
    w(
        'Full names whose first name reappears alone later ("Thanks, Maria"), emails, phone numbers '
        "in many formats (+44, (555) 555-0143, 999-555-0172, 0131 496 0018, ...), card numbers with "
        "spaces or dashes, IBANs, IPv4/IPv6 addresses in pasted logs, street addresses, and ticket/order "
        "references such as `NW-4821-TK`. The `REFERENCE_ID` entity is our label for those references.\n"
    )
    w("| location | id | entities |")
    w("|---|---|---|")
    for e in m["pii"]:
        ents = "; ".join(
            f"{k}: {', '.join(f'`{v}`' for v in vals)}" for k, vals in e["entities"].items()
        )
        w(f"| {_loc(e)} | {e['id']} | {ents} |")
    w("")
    w("### Hard negatives (must NOT be redacted)\n")
    w(
        "Technical text that stock PII recognisers tend to damage: ports (`port 8080`, `5432`), "
        "durations (`24 hours`, `15 minutes`), `Kubernetes`, versions (`1.29.3`, `2.4.1`), `HTTP 503`, "
        "region names, and `Port` as the name of a console setting.\n"
    )
    w("| location | id | values |")
    w("|---|---|---|")
    for e in m["hard_negatives"]:
        w(f"| {_loc(e)} | {e['id']} | {', '.join(f'`{v}`' for v in e['values'])} |")
    w("")
    w("## Planted duplicates (dedup demo)\n")
    w("### Near-duplicates: surface variants of another record\n")
    w(
        "Edits: `case` (user turn lower-cased), `whitespace` (extra spaces and blank lines), "
        "`punctuation` (commas, question and exclamation marks removed), `typo` (two letters swapped in "
        "one word), `greeting` (a greeting prepended), `trim` (last paragraph of the final assistant "
        "answer, or of the preferred completion, removed).\n"
    )
    w("| variant | source | id | edit |")
    w("|---|---|---|---|")
    for e in m["near_duplicates"]:
        w(f"| {_loc(e)} | {_loc(e['variant_of'])} | {e['id']} | {e['edit']} |")
    w("")
    w("### Exact duplicates\n")
    w(
        "Identical conversations (same content hash). Imports into one dataset skip them, since "
        "`curation demo` imports `support_chats.jsonl` and `support_sharegpt.json` into the same "
        "`support` dataset.\n"
    )
    w("| duplicate | of | id | note |")
    w("|---|---|---|---|")
    for e in m["exact_duplicates"]:
        w(f"| {_loc(e)} | {_loc(e['duplicate_of'])} | {e['id']} | {e['note']} |")
    w("")
    w("### Same opening, different conversation (NOT duplicates)\n")
    w("| record | record | what differs |")
    w("|---|---|---|")
    for e in m["diverging_pairs"]:
        w(f"| {_loc(e['a'])} ({e['a']['id']}) | {_loc(e['b'])} ({e['b']['id']}) | {e['note']} |")
    w("")
    w("## Bad lines in messy_import.jsonl\n")
    w(
        "Every other line is a valid OpenAI chat record. *caught by*: `reader` means "
        "`read_records` yields a `LineError` for the line; `validation` means the reader accepts the "
        "line and the OpenAI-style chat validation must flag it (error code in the last column); a "
        "blank line produces no item at all.\n"
    )
    w("| line | problem | caught by | expected |")
    w("|---|---|---|---|")
    for e in m["bad_lines"]:
        w(f"| {e['line']} | {e['problem']} | {e['caught_by']} | {e['expected']} |")
    w("")
    w("## Other details\n")
    zw = ", ".join(_loc(e) for e in m["zero_weight_turns"])
    w(f"- Records with an assistant turn of `weight: 0` (the final answer has `weight: 1`): {zw}.")
    w(
        "- The ShareGPT copies carry the same system prompt and turns as their OpenAI-chat originals. "
        "Variants keep the planted values that their edit leaves intact; a `case` edit lower-cases "
        "names, so such a variant lists fewer PII values than its source.\n"
    )
    w("## Regenerating\n")
    w(
        "```\n.venv/bin/python tools/sample_data/build_samples.py\n```\n\n"
        "The script uses only the standard library and fixed seeds, so it rewrites byte-identical "
        "files. Content lives in `tools/sample_data/bank/`; the script decides file order, plants variants "
        "and duplicates, writes every file, `planted.json` and this README, then checks each file with "
        "`curation.ingest.formats.read_records` (skipped with a note if `curation` isn't importable).\n"
    )
    w("## Licence\n")
    w(
        "Written for this project. To the extent possible under law, the authors dedicate all text in "
        "`sample_data/` to the public domain under "
        "[CC0 1.0](https://creativecommons.org/publicdomain/zero/1.0/).\n"
    )
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Verification with the project's own readers
# ---------------------------------------------------------------------------------------------


def verify(out_dir: Path, manifest: dict[str, Any]) -> bool:
    try:
        from curation.ingest.formats import open_source, read_records  # noqa: F401
    except ImportError as exc:
        print(f"verification skipped: curation is not importable ({exc})")
        return True

    bad_expected = {e["line"] for e in manifest["bad_lines"] if e["caught_by"] == "reader"}
    read_ok, records_by_loc = _read_every_file(out_dir, bad_expected)
    ok = _check_planted(manifest, records_by_loc) and read_ok
    print("verification " + ("passed" if ok else "FAILED"))
    return ok


def _read_every_file(
    out_dir: Path, bad_expected: set[int]
) -> tuple[bool, dict[tuple[str, int], Any]]:
    """Read each file back with curation's readers: its format, counts and reader errors."""
    from curation.ingest.formats import open_source, read_records

    ok = True
    records_by_loc: dict[tuple[str, int], Any] = {}
    print(f"{'file':24} {'format':14} {'records':>7} {'completions':>11} {'errors':>6}")
    for key, name in FILES.items():
        path = out_dir / name
        src = open_source(path)
        records = errors = completions = 0
        for parsed in read_records(path):
            if parsed.error is not None:
                errors += 1
                if not (key == "messy" and parsed.line in bad_expected):
                    print(f"  UNEXPECTED {parsed.error}")
                    ok = False
                continue
            assert parsed.record is not None
            records += 1
            completions += len(parsed.record.completions)
            records_by_loc[(name, parsed.line)] = parsed.record
        if src.format.name != EXPECTED_FORMAT[key]:
            print(f"  WRONG FORMAT for {name}: {src.format.name}, expected {EXPECTED_FORMAT[key]}")
            ok = False
        if key == "messy" and errors != len(bad_expected):
            print(f"  messy: {errors} reader errors, expected {len(bad_expected)}")
            ok = False
        print(f"{name:24} {src.format.name:14} {records:>7} {completions:>11} {errors:>6}")
    return ok, records_by_loc


def _check_planted(manifest: dict[str, Any], records_by_loc: dict[tuple[str, int], Any]) -> bool:
    """Every planted value, hard negative, duplicate and diverging pair is where the manifest says."""
    ok = True

    def text_at(file: str, line: int) -> str:
        rec = records_by_loc.get((file, line))
        if rec is None:
            raise AssertionError(f"no record at {file}:{line}")
        return record_text(rec.messages) + "\n" + record_text([c.messages for c in rec.completions])

    for e in manifest["pii"]:
        text = text_at(e["file"], e["line"])
        for vals in e["entities"].values():
            for v in vals:
                if v not in text:
                    print(f"  PII {v!r} not found at {e['file']}:{e['line']}")
                    ok = False
    for e in manifest["hard_negatives"]:
        text = text_at(e["file"], e["line"])
        for v in e["values"]:
            if v not in text:
                print(f"  negative {v!r} not found at {e['file']}:{e['line']}")
                ok = False
    return _check_duplicates(manifest, records_by_loc) and ok


def _check_duplicates(manifest: dict[str, Any], records_by_loc: dict[tuple[str, int], Any]) -> bool:
    ok = True
    for e in manifest["exact_duplicates"]:
        a = records_by_loc[(e["file"], e["line"])]
        b = records_by_loc[(e["duplicate_of"]["file"], e["duplicate_of"]["line"])]
        if a.content_hash() != b.content_hash():
            print(
                f"  exact duplicate {_loc(e)} has a different content hash from {_loc(e['duplicate_of'])}"
            )
            ok = False
    for e in manifest["near_duplicates"]:
        a = records_by_loc[(e["file"], e["line"])]
        b = records_by_loc[(e["variant_of"]["file"], e["variant_of"]["line"])]
        if a.content_hash() == b.content_hash():
            print(f"  near duplicate {_loc(e)} is identical to its source")
            ok = False
    for e in manifest["diverging_pairs"]:
        a = records_by_loc[(e["a"]["file"], e["a"]["line"])].messages
        b = records_by_loc[(e["b"]["file"], e["b"]["line"])].messages
        if a[:3] != b[:3] or a == b:
            print(
                f"  diverging pair {e['a']['id']}/{e['b']['id']} does not share exactly its opening"
            )
            ok = False
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out", type=Path, default=SAMPLES, help="output folder (default: curation/sample_data)"
    )
    parser.add_argument(
        "--no-check", action="store_true", help="skip verification with curation's readers"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    manifest = build(args.out)
    if args.no_check:
        return 0
    return 0 if verify(args.out, manifest) else 1


if __name__ == "__main__":
    raise SystemExit(main())
