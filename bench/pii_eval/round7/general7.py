"""general7: instruction data with no private data, built on names that are not people's.

Every fact is protected with its kind; every record should come out unchanged.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected
from bench.pii_eval.round7.common7 import assistant, pool, rng, user
from bench.pii_eval.round7.facts7 import FACTS

LABEL = {
    "public_figure": "a public figure", "fictional": "a fictional character", "brand": "a brand",
    "product": "a product", "book": "a novel", "film": "a film", "song": "a song",
    "place": "a place", "eponym": "an eponymous term", "job_title": "a job title",
    "drug": "a medicine", "team": "a sports team", "institution": "an institution",
    "game": "a video game",
}  # fmt: skip
TRANSLATE = {
    "French": "Voici une liste : {items}.",
    "Spanish": "Aquí tienes una lista: {items}.",
    "German": "Hier ist eine Liste: {items}.",
    "Italian": "Ecco un elenco: {items}.",
}


class Ctx:
    def __init__(self, half: str, r: random.Random) -> None:
        self.r = r
        self.facts = {k: pool(v, half, f"facts:{k}") for k, v in FACTS.items()}

    def pick(self, ex: Example, n: int, kinds: list[str] | None = None) -> list[tuple[str, str]]:
        chosen: list[tuple[str, str]] = []
        kinds = kinds or self.r.sample(sorted(self.facts), n)
        for kind in kinds[:n]:
            fact = self.r.choice([f for f in self.facts[kind] if (f, kind) not in chosen])
            chosen.append((fact, kind))
            ex.protected.append(Protected(fact, kind))
        return chosen


def classify(c: Ctx) -> Example:
    ex = Example([])
    items = c.pick(ex, 3)
    listing = "\n".join(f"- {f}" for f, _ in items)
    answer = "\n".join(f"- {f}: {LABEL[k]}" for f, k in items)
    ex.messages = [
        user(f"Classify each item (person, character, brand, title, place…):\n{listing}"),
        assistant(answer),
    ]
    return ex


def quiz(c: Ctx) -> Example:
    ex = Example([])
    ((fact, kind),) = c.pick(ex, 1)
    ex.messages = [
        user(f"Write a pub-quiz question whose answer is {fact}."),
        assistant(f"Q: Name {LABEL[kind]} that most of the room will know. A: {fact}."),
    ]
    return ex


def translate(c: Ctx) -> Example:
    ex = Example([])
    items = c.pick(ex, 2)
    lang = c.r.choice(sorted(TRANSLATE))
    joined = f"{items[0][0]} and {items[1][0]}"
    ex.messages = [
        user(f"Translate into {lang}, keeping the names as they are: Here is a list: {joined}."),
        assistant(TRANSLATE[lang].format(items=f"{items[0][0]}, {items[1][0]}")),
    ]
    return ex


def to_json(c: Ctx) -> Example:
    ex = Example([])
    items = c.pick(ex, 3)
    data = [{"name": f, "kind": k} for f, k in items]
    ex.messages = [
        user(
            "Turn this into JSON with name and kind: " + "; ".join(f"{f} ({k})" for f, k in items)
        ),
        assistant(json.dumps(data, ensure_ascii=False, indent=2)),
    ]
    return ex


def python_list(c: Ctx) -> Example:
    ex = Example([])
    items = c.pick(ex, 3)
    literal = ", ".join(json.dumps(f, ensure_ascii=False) for f, _ in items)
    ex.messages = [
        user(
            f"Why does this print the items unsorted?\n\nitems = [{literal}]\nitems.sorted()\nprint(items)"
        ),
        assistant(
            f"Lists have no .sorted(); use items.sort() or sorted(items):\n\nitems = [{literal}]\nitems.sort()\nprint(items)"
        ),
    ]
    return ex


def true_false(c: Ctx) -> Example:
    ex = Example([])
    ((fact, kind),) = c.pick(ex, 1)
    ex.messages = [
        user(f"True or false: {fact} is {LABEL[kind]}."),
        assistant(f"True: {fact} is {LABEL[kind]}."),
    ]
    return ex


def crossword(c: Ctx) -> Example:
    ex = Example([])
    ((fact, kind),) = c.pick(ex, 1)
    ex.messages = [
        user(f"Give a crossword clue for the answer {fact.upper()} ({kind.replace('_', ' ')})."),
        assistant(
            f"Clue: {LABEL[kind].capitalize()}, in short ({len(fact.replace(' ', ''))}). Answer: {fact}."
        ),
    ]
    ex.protected.append(Protected(fact.upper(), kind))
    return ex


def sql_insert(c: Ctx) -> Example:
    ex = Example([])
    items = c.pick(ex, 2)
    rows = ",\n  ".join("('" + f.replace("'", "''") + f"', '{k}')" for f, k in items)
    ex.messages = [
        user(
            "Write an SQL insert for these into table trivia(name, kind): "
            + ", ".join(f for f, _ in items)
        ),
        assistant(f"INSERT INTO trivia (name, kind) VALUES\n  {rows};"),
    ]
    for f, k in items:
        if "'" in f:
            ex.protected.append(Protected(f.replace("'", "''"), k))
    return ex


def compare(c: Ctx) -> Example:
    ex = Example([])
    kind = c.r.choice(sorted(c.facts))
    items = c.pick(ex, 2, [kind, kind])
    a, b = items[0][0], items[1][0]
    ex.messages = [
        user(f"In one sentence each, what do {a} and {b} have in common?"),
        assistant(
            f"{a} and {b} are both {LABEL[kind].split(' ', 1)[1]}s that people often mention."
        ),
    ]
    return ex


def outline(c: Ctx) -> Example:
    ex = Example([])
    items = c.pick(ex, 3)
    bullets = "\n".join(f"{i + 1}. {f}: why it matters" for i, (f, _) in enumerate(items))
    ex.messages = [
        user("Outline a ten-minute talk touching on " + ", ".join(f for f, _ in items) + "."),
        assistant(f"Outline:\n{bullets}\n4. Wrap-up and questions"),
    ]
    return ex


TEMPLATES: list[Callable[[Ctx], Example]] = [
    classify, quiz, translate, to_json, python_list, true_false, crossword, sql_insert,
    compare, outline,
]  # fmt: skip


def generate(half: str) -> list[Example]:
    r = rng("general7", half)
    c = Ctx(half, r)
    return [TEMPLATES[i % len(TEMPLATES)](c) for i in range(120)]
