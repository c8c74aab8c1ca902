"""``general6``: instruction data with no private data, on 15 kinds of names that are not people's.

Every fact string is ``protected`` (kind = its kind); every record should come out unchanged.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected
from bench.pii_eval.round6.common6 import pool, rng
from bench.pii_eval.round6.facts6 import FACTS

N_RECORDS = 120
KIND_WORDS = {
    "public_figure": "public figure", "fictional_character": "fictional character",
    "brand_person": "brand", "product": "product", "book": "book", "film": "film",
    "song": "song", "place": "place", "eponym": "eponymous term", "ship": "ship",
    "storm": "storm", "medicine": "medicine", "sports_team": "sports team",
    "institution": "institution", "job_title": "job title",
}  # fmt: skip

Fact = tuple[str, str, str]  # name, description, kind


class Ctx:
    def __init__(self, half: str) -> None:
        self.r = rng("general6", half)
        self.facts = {k: pool(v, half, f"facts:{k}") for k, v in FACTS.items()}
        self.turn = 0

    def fact(self, ex: Example, kind: str | None = None) -> Fact:
        if kind is None:
            self.turn += 1
            kind = sorted(self.facts)[self.turn % len(self.facts)]
        name, desc = self.r.choice(self.facts[kind])
        ex.protected.append(Protected(name, kind))
        return name, desc, kind

    def distinct(self, ex: Example, n: int) -> list[Fact]:
        kinds = self.r.sample(sorted(self.facts), n)
        return [self.fact(ex, k) for k in kinds]


def _pair(ex: Example, user: str, bot: str) -> Example:
    ex.messages = [{"role": "user", "content": user}, {"role": "assistant", "content": bot}]
    return ex


def quiz(c: Ctx) -> Example:
    ex = Example([])
    name, desc, kind = c.fact(ex)
    return _pair(
        ex,
        f"Write a pub-quiz question whose answer is {name}.",
        f"Q: Which {KIND_WORDS[kind]} is {desc}?\nA: {name}",
    )


def classify(c: Ctx) -> Example:
    ex = Example([])
    facts = c.distinct(ex, 4)
    c.r.shuffle(facts)
    listed = ", ".join(f[0] for f in facts)
    answer = "\n".join(f"{name}: {KIND_WORDS[kind]}" for name, _, kind in facts)
    return _pair(
        ex, f"Classify each of these (person, ship, storm, song, brand…): {listed}", answer
    )


TRANSLATIONS = {
    "French": ("Next week the reading group talks about {name}.", "La semaine prochaine, le groupe de lecture parle de {name}."),
    "Spanish": ("The documentary about {name} starts at nine.", "El documental sobre {name} empieza a las nueve."),
    "German": ("The museum has a new exhibition on {name}.", "Das Museum hat eine neue Ausstellung über {name}."),
    "Italian": ("The article on {name} is very long.", "L'articolo su {name} è molto lungo."),
}  # fmt: skip


def translate(c: Ctx) -> Example:
    ex = Example([])
    name, _, _ = c.fact(ex)
    lang = c.r.choice(sorted(TRANSLATIONS))
    src, dst = TRANSLATIONS[lang]
    return _pair(ex, f'Translate into {lang}: "{src.format(name=name)}"', dst.format(name=name))


def group_json(c: Ctx) -> Example:
    ex = Example([])
    facts = c.distinct(ex, 4)
    grouped: dict[str, list[str]] = {}
    for name, _, kind in facts:
        grouped.setdefault(KIND_WORDS[kind], []).append(name)
    listed = "; ".join(f[0] for f in facts)
    return _pair(
        ex,
        f"Group these by kind and return JSON: {listed}",
        json.dumps(grouped, ensure_ascii=False, indent=2),
    )


def python_fix(c: Ctx) -> Example:
    ex = Example([])
    (a, _, ka), (b, _, kb) = c.distinct(ex, 2)
    code = f'items = {{"{a}": "{ka}", "{b}": "{kb}"}}\nfor name, kind in items.items()\n    print(name, "-", kind)'
    fixed = code.replace("items.items()\n", "items.items():\n")
    return _pair(
        ex,
        f"Why does this fail?\n```python\n{code}\n```",
        f"The `for` line is missing its colon:\n```python\n{fixed}\n```",
    )


def one_line(c: Ctx) -> Example:
    ex = Example([])
    name, desc, _ = c.fact(ex)
    return _pair(ex, f"In one line: what is {name}?", f"{name} is {desc}.")


def compare(c: Ctx) -> Example:
    ex = Example([])
    (a, da, _), (b, db, _) = c.distinct(ex, 2)
    return _pair(
        ex,
        f"Compare {a} and {b} in one sentence.",
        f"{a} is {da}, whereas {b} is {db}.",
    )


def crossword(c: Ctx) -> Example:
    ex = Example([])
    name, desc, _ = c.fact(ex)
    letters = sum(ch.isalpha() for ch in name)
    return _pair(
        ex,
        f"Write a crossword clue for {name}.",
        f"{desc[0].upper()}{desc[1:]} ({letters} letters)",
    )


def sql_insert(c: Ctx) -> Example:
    ex = Example([])
    facts = c.distinct(ex, 3)
    rows = ",\n  ".join(
        "('{}', '{}')".format(name.replace("'", "''"), KIND_WORDS[kind]) for name, _, kind in facts
    )
    listed = ", ".join(f[0] for f in facts)
    return _pair(
        ex,
        f"Write an SQL INSERT into trivia(name, kind) for: {listed}",
        f"INSERT INTO trivia (name, kind) VALUES\n  {rows};",
    )


def outline(c: Ctx) -> Example:
    ex = Example([])
    name, desc, kind = c.fact(ex)
    return _pair(
        ex,
        f"Outline a five-minute school talk about {name}.",
        f"1. What it is: {name}, {desc}.\n2. Why this {KIND_WORDS[kind]} is remembered.\n3. One surprising detail.\n4. A question for the class.",
    )


def true_false(c: Ctx) -> Example:
    ex = Example([])
    name, desc, _ = c.fact(ex)
    return _pair(ex, f"True or false: {name} is {desc}.", f"True: {name} is {desc}.")


def bullets(c: Ctx) -> Example:
    ex = Example([])
    facts = c.distinct(ex, 3)
    lines = "\n".join(f"- {name}: {desc}" for name, desc, _ in facts)
    listed = ", ".join(f[0] for f in facts)
    return _pair(ex, f"Give one bullet each on {listed}.", lines)


TEMPLATES: list[Callable[[Ctx], Example]] = [
    quiz, classify, translate, group_json, python_fix, one_line, compare, crossword, sql_insert,
    outline, true_false, bullets,
]  # fmt: skip


def generate(half: str) -> list[Example]:
    c = Ctx(half)
    order = [TEMPLATES[i % len(TEMPLATES)] for i in range(N_RECORDS)]
    random.Random(f"r6:general6:order:{half}").shuffle(order)
    return [make(c) for make in order]
