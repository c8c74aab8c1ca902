"""`general9`: instruction data with no private data, built on names that are not people's.

Every fact string is ``protected`` with its kind; every record should come out unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected
from bench.pii_eval.round9.common9 import assistant, example, pool, rng9, user
from bench.pii_eval.round9.facts9 import FACTS

SIZE = 120
KIND_WORDS = {
    "public_figure": "public figure", "fictional_character": "fictional character",
    "brand": "brand", "product": "product", "book": "novel", "film": "film", "song": "song",
    "place": "place", "eponym": "eponym (a term named after a person)", "institution": "institution",
}  # fmt: skip
Fact = tuple[str, str]  # (text, kind)


def _p(*facts: Fact) -> list[Protected]:
    return [Protected(t, k) for t, k in facts]


def t_classify(facts: list[Fact]) -> Example:
    items = "\n".join(f"- {t}" for t, _ in facts)
    answer = "\n".join(f"- {t}: {KIND_WORDS[k]}" for t, k in facts)
    msgs = [user(f"Label each item as a person, character, brand, product, title, place, term or institution:\n{items}"),
            assistant(answer)]  # fmt: skip
    return example(msgs, [], _p(*facts))


def t_quiz(facts: list[Fact]) -> Example:
    (t, k), *_ = facts
    msgs = [user(f"Write a pub-quiz question whose answer is {t}."),
            assistant(f"Q: Which {KIND_WORDS[k].split(' (')[0]} is the answer to tonight's picture round? A: {t}.")]  # fmt: skip
    return example(msgs, [], _p(facts[0]))


def t_translate(facts: list[Fact]) -> Example:
    (a, ka), (b, kb) = facts[:2]
    msgs = [user(f"Translate into Spanish, keeping names as they are: \"I compared {a} with {b} for my essay.\""),
            assistant(f"\"Comparé {a} con {b} para mi ensayo.\"")]  # fmt: skip
    return example(msgs, [], _p((a, ka), (b, kb)))


def t_json(facts: list[Fact]) -> Example:
    data = [{"name": t, "kind": k} for t, k in facts]
    msgs = [user("Return these as a JSON array of objects with name and kind: " + "; ".join(t for t, _ in facts)),
            assistant(json.dumps(data, ensure_ascii=False, indent=2))]  # fmt: skip
    return example(msgs, [], _p(*facts))


def t_true_false(facts: list[Fact]) -> Example:
    (t, k), *_ = facts
    msgs = [user(f"True or false: {t} is a {KIND_WORDS[k].split(' (')[0]}."),
            assistant(f"True. {t} is usually described as a {KIND_WORDS[k].split(' (')[0]}.")]  # fmt: skip
    return example(msgs, [], _p(facts[0]))


def t_outline(facts: list[Fact]) -> Example:
    items = [t for t, _ in facts]
    body = "\n".join(f"{i}. Why {t} still matters" for i, t in enumerate(items, 1))
    msgs = [user("Draft a three-part outline for a library talk on " + ", ".join(items) + "."),
            assistant(body + "\n4. Questions from the audience")]  # fmt: skip
    return example(msgs, [], _p(*facts))


def t_alphabetise(facts: list[Fact]) -> Example:
    items = [t for t, _ in facts]
    msgs = [user("Sort alphabetically, one per line: " + " | ".join(items)),
            assistant("\n".join(sorted(items, key=str.casefold)))]  # fmt: skip
    return example(msgs, [], _p(*facts))


def t_haiku(facts: list[Fact]) -> Example:
    t = facts[0][0]
    msgs = [user(f"Write a haiku that mentions {t}."),
            assistant(f"Evening lamps come on\n{t} in the margin notes\nthe kettle whistles")]  # fmt: skip
    return example(msgs, [], _p(facts[0]))


def t_eli5(facts: list[Fact]) -> Example:
    (a, ka), (b, kb) = facts[:2]
    msgs = [user(f"In one sentence each, for a ten-year-old: what kind of thing are {a} and {b}?"),
            assistant(f"{a} is a {KIND_WORDS[ka].split(' (')[0]}.\n{b} is a {KIND_WORDS[kb].split(' (')[0]}.")]  # fmt: skip
    return example(msgs, [], _p((a, ka), (b, kb)))


def t_sql(facts: list[Fact]) -> Example:
    rows = ",\n".join(f"  ('{t.replace(chr(39), chr(39) * 2)}', '{k}')" for t, k in facts)
    msgs = [user("Write an INSERT for table trivia(name, kind) with: " + "; ".join(t for t, _ in facts)),
            assistant(f"INSERT INTO trivia (name, kind) VALUES\n{rows};")]  # fmt: skip
    prot = [Protected(t, k) for t, k in facts if "'" not in t]
    return example(msgs, [], prot)


TEMPLATES: list[Callable[[list[Fact]], Example]] = [
    t_classify, t_quiz, t_translate, t_json, t_true_false, t_outline, t_alphabetise, t_haiku,
    t_eli5, t_sql,
]  # fmt: skip


def generate(half: str) -> list[Example]:
    rng = rng9("general9", half)
    facts = {k: pool(v, half, f"facts:{k}") for k, v in FACTS.items()}
    kinds = sorted(facts)
    out: list[Example] = []
    for i in range(SIZE):
        n = 3 if i % 3 else 2
        chosen: list[Fact] = []
        for j in range(n):
            k = kinds[(i + j * 3) % len(kinds)]
            t = rng.choice(facts[k])
            if all(t != c for c, _ in chosen):
                chosen.append((t, k))
        while len(chosen) < 2:
            k = rng.choice(kinds)
            t = rng.choice(facts[k])
            if all(t != c for c, _ in chosen):
                chosen.append((t, k))
        out.append(TEMPLATES[i % len(TEMPLATES)](chosen))
    return out
