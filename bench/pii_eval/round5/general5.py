"""``general5``: instruction data with no private data, full of names that are not people's.

Every fact is ``protected`` with its kind; every record should come out unchanged. Tasks:
quiz questions, classification, translation (fr/es/de/it), JSON, Python with names in strings,
comparisons, lists, one-line summaries, crosswords, SQL inserts.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected
from bench.pii_eval.round5.common5 import bot, pool, rng, user
from bench.pii_eval.round5.facts5 import DESCRIBE, FACTS, LABEL

HALF_SIZE = 120
Fact = tuple[str, str]  # (text, kind)


class Ctx:
    def __init__(self, half: str) -> None:
        self.r: random.Random = rng("general5", half)
        self.facts = {k: pool(v, half, f"facts:{k}") for k, v in FACTS.items()}
        self.kinds = sorted(FACTS)

    def fact(self, kind: str | None = None) -> Fact:
        k = kind or self.r.choice(self.kinds)
        return self.r.choice(self.facts[k]), k

    def several(self, n: int) -> list[Fact]:
        kinds = self.r.sample(self.kinds, n)
        return [self.fact(k) for k in kinds]


def _ex(question: str, answer: str, facts: list[Fact]) -> Example:
    protected = [Protected(t, k) for t, k in facts]
    return Example([user(question), bot(answer)], [], protected)


def t_quiz(c: Ctx) -> Example:
    f = c.fact()
    q = f"Write a pub-quiz question whose answer is {DESCRIBE[f[1]]} {f[0]}. Give the answer too."
    a = f"Question: Which {LABEL[f[1]]} is this clue about? Answer: {f[0]}."
    return _ex(q, a, [f])


def t_classify(c: Ctx) -> Example:
    facts = c.several(3)
    q = "Classify each item (person, place, work, brand, other):\n" + "\n".join(
        f"- {t}" for t, _ in facts
    )
    a = "\n".join(f"- {t}: {LABEL[k]}" for t, k in facts)
    return _ex(q, a, facts)


def t_translate(c: Ctx) -> Example:
    f = c.fact()
    lang, template = c.r.choice(
        (
            ("French", "Nous avons parlé de {x} pendant le cours d'aujourd'hui."),
            ("Spanish", "Hoy en clase hablamos de {x}."),
            ("German", "Heute haben wir im Unterricht über {x} gesprochen."),
            ("Italian", "Oggi a lezione abbiamo parlato di {x}."),
        )
    )
    q = f'Translate into {lang}, keeping the name as it is: "Today in class we talked about {f[0]}."'
    return _ex(q, template.format(x=f[0]), [f])


def t_json(c: Ctx) -> Example:
    facts = c.several(3)
    q = "Return JSON grouping these by kind: " + "; ".join(t for t, _ in facts)
    grouped: dict[str, list[str]] = {}
    for t, k in facts:
        grouped.setdefault(LABEL[k], []).append(t)
    return _ex(q, "```json\n" + json.dumps(grouped, ensure_ascii=False, indent=2) + "\n```", facts)


def t_code(c: Ctx) -> Example:
    facts = c.several(2)
    items = ", ".join(json.dumps(t, ensure_ascii=False) for t, _ in facts)
    q = f"Fix this Python:\n```python\nitems = [{items}]\nfor item in items\n    print(item.upper()\n```"
    a = f"```python\nitems = [{items}]\nfor item in items:\n    print(item.upper())\n```\nThe colon and a bracket were missing."
    return _ex(q, a, facts)


def t_compare(c: Ctx) -> Example:
    f, g = c.fact(), c.fact()
    if f == g:
        return t_quiz(c)
    q = f"In two sentences for a school newsletter, say why pupils might enjoy learning about {f[0]} and {g[0]}."
    a = (
        f"{f[0]} is a {LABEL[f[1]]} with a story worth telling. "
        f"{g[0]}, a {LABEL[g[1]]}, makes a good contrast for a class discussion."
    )
    return _ex(q, a, [f, g])


def t_list(c: Ctx) -> Example:
    kind = c.r.choice(c.kinds)
    facts = [(t, kind) for t in c.r.sample(c.facts[kind], min(3, len(c.facts[kind])))]
    q = f"Give me three examples of a {LABEL[kind]}, as a bulleted list."
    a = "\n".join(f"* {t}" for t, _ in facts)
    return _ex(q, a, facts)


def t_summary(c: Ctx) -> Example:
    f = c.fact()
    q = (
        f"Summarise in one line: \"The museum's new audio guide has a section on {f[0]}, "
        'with a map, a timeline and a short quiz at the end."'
    )
    a = f"The audio guide covers {f[0]} with a map, timeline and quiz."
    return _ex(q, a, [f])


def t_crossword(c: Ctx) -> Example:
    f = c.fact()
    letters = sum(ch.isalpha() for ch in f[0])
    q = f"Write a crossword clue for the answer {f[0]} ({letters} letters)."
    a = f"Clue: a well-known {LABEL[f[1]]} ({letters}). Answer: {f[0]}."
    return _ex(q, a, [f])


def t_sql(c: Ctx) -> Example:
    facts = c.several(2)
    values = ",\n  ".join("('" + t.replace("'", "''") + f"', '{k}')" for t, k in facts)
    q = "Write an SQL insert for a table `topics(title, kind)` with: " + " and ".join(
        t for t, _ in facts
    )
    a = f"```sql\nINSERT INTO topics (title, kind) VALUES\n  {values};\n```"
    return _ex(q, a, facts)


TEMPLATES: list[Callable[[Ctx], Example]] = [
    t_quiz,
    t_classify,
    t_translate,
    t_json,
    t_code,
    t_compare,
    t_list,
    t_summary,
    t_crossword,
    t_sql,
]


def generate(half: str) -> list[Example]:
    c = Ctx(half)
    return [TEMPLATES[i % len(TEMPLATES)](c) for i in range(HALF_SIZE)]
