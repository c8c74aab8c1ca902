"""Benchmark corpora for dedup, built from the real HH-RLHF dialogues in ../shared/data.

(a) ``hh_variants``: every dialogue once (its chosen side, as OpenAI chat) plus planted
    surface variants of some of them: typos, case, whitespace, punctuation, synonyms, a
    greeting, a trimmed last sentence, an added system prompt.
(b) ``long_corpus``: records of 2–4 exchanges (user turn + answer) drawn from different
    dialogues, so many records share an exchange without being duplicates, plus ~10%
    planted exact copies and surface variants of other records.

Both return the records and the true clusters (lists of record indices); pairs inside
a true cluster are the duplicates a method should find. Base records that happen to be
equal after case/whitespace/punctuation folding are put in one true cluster too.
"""

from __future__ import annotations

import gzip
import itertools
import os
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from curation.dedup.units import normalize_text

ROOT = Path(__file__).resolve().parent.parent
_HH_NAME = Path("shared") / "data" / "hh-rlhf-harmless-base-test.jsonl.gz"


def _hh_path() -> Path:
    """CURATION_BENCH_HH if set, else ../shared/data beside the checkout (from a git worktree
    under ../wt/, two levels up)."""
    if os.environ.get("CURATION_BENCH_HH"):
        return Path(os.environ["CURATION_BENCH_HH"])
    return next(
        (d / _HH_NAME for d in (ROOT.parent, ROOT.parent.parent) if (d / _HH_NAME).exists()),
        ROOT.parent / _HH_NAME,
    )


HH = _hh_path()
_TURN = re.compile(r"\n\n(Human|Assistant): ")

Message = dict[str, Any]
Record = list[Message]

SYNONYMS = {
    "want": "wish",
    "help": "assist",
    "good": "fine",
    "big": "large",
    "quick": "fast",
    "buy": "purchase",
    "think": "believe",
    "get": "obtain",
    "maybe": "perhaps",
    "answer": "reply",
    "start": "begin",
    "end": "finish",
    "show": "display",
    "tell": "inform",
    "use": "utilize",
    "make": "create",
    "find": "locate",
    "need": "require",
    "idea": "notion",
    "people": "folks",
    "important": "crucial",
    "little": "small",
    "really": "truly",
    "very": "extremely",
    "happy": "glad",
}
GREETINGS = ("Hi there! ", "Hello, ", "Hey! ", "Good morning. ")
SYSTEM_PROMPT = "You are a helpful, honest and harmless assistant. Answer concisely."


def hh_dialogues(path: Path = HH) -> list[Record]:
    """Each HH-RLHF line's chosen side as a list of user/assistant messages."""
    out: list[Record] = []
    with gzip.open(path, "rb") as fh:
        for raw in fh:
            obj = orjson.loads(raw)
            parts = _TURN.split("\n\n" + obj["chosen"].lstrip("\n"))
            messages: Record = []
            for role, text in zip(parts[1::2], parts[2::2], strict=False):
                text = text.strip()
                if text:
                    messages.append(
                        {"role": "user" if role == "Human" else "assistant", "content": text}
                    )
            if messages:
                out.append(messages)
    return out


def exchanges(dialogue: Record) -> list[Record]:
    """User turn + its answer pairs (a trailing user turn without answer is dropped)."""
    out = []
    for i in range(len(dialogue) - 1):
        if dialogue[i]["role"] == "user" and dialogue[i + 1]["role"] == "assistant":
            out.append([dialogue[i], dialogue[i + 1]])
    return out


# ----------------------------------------------------------------------------- edits


def _map_text(record: Record, fn: Callable[[str], str], pick: Callable[[int], list[int]]) -> Record:
    out = [dict(m) for m in record]
    for i in pick(len(out)):
        out[i]["content"] = fn(out[i]["content"])
    return out


def _typo(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    for i in rng.sample(long, min(2, len(long))):
        w = words[i]
        k = rng.randrange(1, len(w) - 2)
        words[i] = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
    return " ".join(words)


def _synonyms(text: str) -> str:
    done = 0

    def sub(m: re.Match[str]) -> str:
        nonlocal done
        word = m.group(0)
        if done < 3 and word.lower() in SYNONYMS:
            done += 1
            return SYNONYMS[word.lower()]
        return word

    return re.sub(r"[A-Za-z]+", sub, text)


def _trim(text: str) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    if len(sentences) > 1:
        return " ".join(sentences[:-1])
    words = text.split()
    return " ".join(words[: max(1, len(words) - 4)])


EDITS = ("typo", "case", "whitespace", "punctuation", "synonyms", "greeting", "trim", "system")


def variant(rng: random.Random, record: Record, edit: str) -> Record:
    every = lambda n: list(range(n))  # noqa: E731
    users = [i for i, m in enumerate(record) if m["role"] == "user"]
    if edit == "typo":
        return _map_text(record, lambda t: _typo(rng, t), lambda n: rng.sample(range(n), min(2, n)))
    if edit == "case":
        return _map_text(record, str.lower, lambda _n: users)
    if edit == "whitespace":
        return _map_text(
            record, lambda t: "  " + t.replace(" ", "  ", 3).replace(". ", ".\n\n") + " \n", every
        )
    if edit == "punctuation":
        return _map_text(record, lambda t: re.sub(r"[,.!?;:]", "", t), every)
    if edit == "synonyms":
        return _map_text(record, _synonyms, every)
    if edit == "greeting":
        return _map_text(record, lambda t: rng.choice(GREETINGS) + t, lambda _n: users[:1])
    if edit == "trim":
        last = max(i for i, m in enumerate(record) if m["role"] == "assistant")
        return _map_text(record, _trim, lambda _n: [last])
    if edit == "system":
        return [{"role": "system", "content": SYSTEM_PROMPT}, *[dict(m) for m in record]]
    raise ValueError(edit)


# ----------------------------------------------------------------------------- corpora


def _truth(records: list[Record], planted: dict[int, int]) -> list[list[int]]:
    """True clusters: planted copy → source, plus base records equal after folding."""
    parent = list(range(len(records)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for child, source in planted.items():
        parent[find(child)] = find(source)
    seen: dict[str, int] = {}
    for i, record in enumerate(records):
        key = "\x1d".join(
            normalize_text(m["content"]) for m in record if m["role"] in ("user", "assistant")
        )
        if key in seen:
            parent[find(i)] = find(seen[key])
        else:
            seen[key] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(records)):
        groups.setdefault(find(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def hh_variants(n_variants: int = 800, seed: int = 1) -> tuple[list[Record], list[list[int]]]:
    rng = random.Random(seed)
    base = hh_dialogues()
    records = [list(d) for d in base]
    planted: dict[int, int] = {}
    sources = rng.sample(range(len(base)), min(n_variants, len(base)))
    for k, src in enumerate(sources):
        edit = EDITS[k % len(EDITS)]
        planted[len(records)] = src
        records.append(variant(rng, base[src], edit))
    order = list(range(len(records)))
    rng.shuffle(order)
    return _reorder(records, planted, order)


def _reorder(
    records: list[Record], planted: dict[int, int], order: list[int]
) -> tuple[list[Record], list[list[int]]]:
    where = {old: new for new, old in enumerate(order)}
    shuffled = [records[i] for i in order]
    moved = {where[c]: where[s] for c, s in planted.items()}
    return shuffled, _truth(shuffled, moved)


def long_corpus(
    n: int, seed: int = 2, planted_share: float = 0.10
) -> tuple[list[Record], list[list[int]]]:
    rng = random.Random(seed)
    dialogues = [exchanges(d) for d in hh_dialogues()]
    dialogues = [d for d in dialogues if d]
    n_planted = int(n * planted_share)
    records: list[Record] = []
    for _ in range(n - n_planted):
        k = rng.randint(2, 4)
        record: Record = []
        for d in rng.sample(range(len(dialogues)), k):
            record.extend(rng.choice(dialogues[d]))
        records.append(record)
    planted: dict[int, int] = {}
    base_n = len(records)
    edits = [e for e in EDITS if e != "system"] + ["copy", "copy"]
    for _ in range(n_planted):
        src = rng.randrange(base_n)
        edit = rng.choice(edits)
        planted[len(records)] = src
        records.append(
            [dict(m) for m in records[src]] if edit == "copy" else variant(rng, records[src], edit)
        )
    order = list(range(len(records)))
    rng.shuffle(order)
    return _reorder(records, planted, order)


def _bigram_model() -> tuple[dict[str, dict[str, list[str]]], dict[str, list[str]]]:
    """Word successors per role, learnt from the HH-RLHF turns, and the words that start a turn."""
    follow: dict[str, dict[str, list[str]]] = {"user": {}, "assistant": {}}
    starts: dict[str, list[str]] = {"user": [], "assistant": []}
    for dialogue in hh_dialogues():
        for m in dialogue:
            words = m["content"].split()
            if len(words) < 2:
                continue
            starts[m["role"]].append(words[0])
            table = follow[m["role"]]
            for x, y in itertools.pairwise(words):
                table.setdefault(x, []).append(y)
    return follow, starts


def _babble(rng: random.Random, follow: dict[str, list[str]], starts: list[str], n: int) -> str:
    words = [rng.choice(starts)]
    while len(words) < n:
        nxt = follow.get(words[-1])
        words.append(rng.choice(nxt) if nxt else rng.choice(starts))
    return " ".join(words)


def short_corpus(
    n: int, seed: int = 3, planted_share: float = 0.05
) -> tuple[list[Record], list[list[int]]]:
    """``n`` one-exchange conversations for the scale run, distinct by construction: each turn
    is generated by a word-bigram model of HH-RLHF's user or assistant turns (8–25 words
    asked, 15–60 answered), plus ``planted_share`` copies and surface variants."""
    rng = random.Random(seed)
    follow, starts = _bigram_model()
    n_planted = int(n * planted_share)
    records: list[Record] = []
    for _ in range(n - n_planted):
        records.append(
            [
                {
                    "role": "user",
                    "content": _babble(rng, follow["user"], starts["user"], rng.randint(8, 25)),
                },
                {
                    "role": "assistant",
                    "content": _babble(
                        rng, follow["assistant"], starts["assistant"], rng.randint(15, 60)
                    ),
                },
            ]
        )
    planted: dict[int, int] = {}
    base_n = len(records)
    edits = ["typo", "case", "whitespace", "punctuation", "greeting", "trim", "copy"]
    for _ in range(n_planted):
        src = rng.randrange(base_n)
        edit = rng.choice(edits)
        planted[len(records)] = src
        records.append(
            [dict(m) for m in records[src]] if edit == "copy" else variant(rng, records[src], edit)
        )
    return records, _truth(records, planted)


def pairs_of(clusters: list[list[int]]) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    for c in clusters:
        s = sorted(c)
        for i in range(len(s)):
            for j in range(i + 1, len(s)):
                out.add((s[i], s[j]))
    return out


def prf(predicted: list[list[int]], truth: list[list[int]]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of predicted clusters against the true ones."""
    p, t = pairs_of(predicted), pairs_of(truth)
    tp = len(p & t)
    precision = tp / len(p) if p else 1.0
    recall = tp / len(t) if t else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "predicted_pairs": len(p),
        "true_pairs": len(t),
    }
