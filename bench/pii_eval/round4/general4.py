"""``general4``: instruction data with no private PII, full of strings that look like names.

Every such string is gold ``protected``; every record should come out unchanged.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected
from bench.pii_eval.round4 import common4 as c4
from bench.pii_eval.round4.chats4 import _chat
from bench.pii_eval.round4.facts4 import CLASS_OF, FACTS, LABELS

Fact = tuple[str, str]


def t_trivia(a: Fact, _b: Fact, _r: random.Random) -> Example:
    msgs = _chat(
        f"Write a pub-quiz question whose answer is {a[0]} ({LABELS[a[1]]}).",
        f"Question: Which answer fits {LABELS[a[1]]} described in tonight's round? Answer: {a[0]}.",
    )
    return Example(msgs)


def t_classify(a: Fact, b: Fact, _r: random.Random) -> Example:
    msgs = _chat(
        f'Classify each: "{a[0]}", "{b[0]}".',
        f'"{a[0]}" is {CLASS_OF[a[1]]}; "{b[0]}" is {CLASS_OF[b[1]]}.',
    )
    return Example(msgs)


def t_translate(a: Fact, _b: Fact, r: random.Random) -> Example:
    lang, text = r.choice(
        [
            ("French", f"J'ai lu un long article sur {a[0]} hier soir."),
            ("Spanish", f"Anoche leí un artículo largo sobre {a[0]}."),
            ("German", f"Gestern Abend habe ich einen langen Artikel über {a[0]} gelesen."),
        ]
    )
    msgs = _chat(f'Translate into {lang}: "Last night I read a long article about {a[0]}."', text)
    return Example(msgs)


def t_json(a: Fact, b: Fact, _r: random.Random) -> Example:
    data = [{"name": a[0], "type": a[1]}, {"name": b[0], "type": b[1]}]
    msgs = _chat(
        "Sort this JSON by name:\n" + json.dumps(data, ensure_ascii=False),
        json.dumps(sorted(data, key=lambda d: d["name"]), ensure_ascii=False, indent=2),
    )
    return Example(msgs)


def t_python(a: Fact, b: Fact, _r: random.Random) -> Example:
    msgs = _chat(
        f'Why does this print nothing?\n\n```python\ntopics = ["{a[0]}", "{b[0]}"]\n'
        "for t in topics:\n    if t.startswith('zz'):\n        print(t)\n```",
        f'Neither "{a[0]}" nor "{b[0]}" starts with \'zz\', so the condition is never true.',
    )
    return Example(msgs)


def t_essay(a: Fact, b: Fact, _r: random.Random) -> Example:
    msgs = _chat(
        f"Give me a three-point essay outline comparing {a[0]} and {b[0]}.",
        f"1. Introduce {a[0]} and {b[0]}.\n2. Contrast how each is remembered.\n3. Conclude with what links them.",
    )
    return Example(msgs)


def t_summary(a: Fact, b: Fact, _r: random.Random) -> Example:
    msgs = _chat(
        f"Summarise in one sentence: \"The museum's new room is devoted to {a[0]}, and the gift shop "
        f'sells mugs about {b[0]}."',
        f"The museum opened a room on {a[0]} and sells {b[0]} mugs.",
    )
    return Example(msgs)


TEMPLATES: list[Callable[[Fact, Fact, random.Random], Example]] = [
    t_trivia,
    t_classify,
    t_translate,
    t_json,
    t_python,
    t_essay,
    t_summary,
]
SIZE = 120


def generate(half: str) -> list[Example]:
    r = c4.rng("general4", half)
    facts: list[Fact] = [
        (text, kind)
        for kind, items in FACTS.items()
        for text in c4.pool(items, half, f"general4:{kind}")
    ]
    order = list(facts)
    r.shuffle(order)
    out: list[Example] = []
    for i in range(SIZE):
        a = order[i % len(order)]
        b = r.choice([f for f in facts if f != a])
        ex = TEMPLATES[i % len(TEMPLATES)](a, b, r)
        text = json.dumps(ex.messages, ensure_ascii=False)
        used = [f for f in (a, b) if f[0] in text]
        ex.protected = [Protected(t, k) for t, k in dict.fromkeys(used)]
        out.append(ex)
    return out
