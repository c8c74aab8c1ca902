"""Round 3 set `general3`: instruction data with no private data, full of names that are not.

Songs and albums titled with first names, fictional characters, brands and shops named after
people, products, carriers, titles with names, ships, storms, racehorses, famous animals,
places named like people, eponymous terms, public figures, teams, athletes and bands, in
summaries, trivia, code, recipes, lists, essays, SQL, JSON and translations. Every such string
is protected; every record should come out unchanged.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected, rng_for, split_pool
from bench.pii_eval.round3.chats3 import bot, user
from bench.pii_eval.round3.facts3 import FACTS, NOUN, RELATION, Fact
from bench.pii_eval.round3.people3 import SEED3

SIZE = 250


class Item:
    """A fact placed in a record: its strings are recorded as protected."""

    def __init__(self, kind: str, fact: Fact, out: list[Protected]) -> None:
        self.kind, (self.a, self.b) = kind, fact
        out.append(Protected(self.a, kind))
        if self.b:
            out.append(Protected(self.b, "related"))

    @property
    def desc(self) -> str:
        if self.b and self.kind in RELATION:
            return f"{NOUN[self.kind]} " + RELATION[self.kind].format(a=self.a, b=self.b)
        if self.b:
            return f"{NOUN[self.kind]} {self.a} ({self.b})"
        return f"{NOUN[self.kind]} {self.a}"


T = Callable[[Item, Item], list[dict[str, str]]]


def t_trivia(x: Item, _: Item) -> list[dict[str, str]]:
    return [
        user(f"Quick trivia night question: write one multiple-choice question about {x.desc}."),
        bot(f"Question: which of these is connected with {x.a}?\nA) a 1990s sitcom\nB) the right "
            "answer from tonight's round\nC) a breakfast cereal\n\nAnswer: B."),
    ]  # fmt: skip


def t_summary(x: Item, y: Item) -> list[dict[str, str]]:
    text = (
        f"In the pub quiz final, the last two rounds were about {x.desc} and {y.desc}. Most teams "
        f"knew {x.a}, fewer knew {y.a}, and the tie-break went to the team with the best guess."
    )
    return [
        user(f"Summarise in one sentence:\n\n{text}"),
        bot(f"The quiz final came down to {x.a} and {y.a}, and a tie-break settled it."),
    ]


def t_code(x: Item, y: Item) -> list[dict[str, str]]:
    code = (
        "QUIZ = {\n"
        f"    {json.dumps(x.kind)}: {json.dumps(x.a, ensure_ascii=False)},  # {x.desc}\n"
        f"    {json.dumps(y.kind)}: {json.dumps(y.a, ensure_ascii=False)},\n"
        "}\n\n"
        "def answer(kind):\n"
        "    return QUIZ[kind]\n"
    )
    return [
        user(f"Add a docstring and a type hint to this:\n```python\n{code}```"),
        bot(
            "```python\n" + code.replace("def answer(kind):\n", 'def answer(kind: str) -> str:\n'
            f'    """The answer for a question kind, e.g. {json.dumps(x.a, ensure_ascii=False)}."""\n')
            + "```"
        ),
    ]  # fmt: skip


def t_recipe(x: Item, _: Item) -> list[dict[str, str]]:
    return [
        user(f"I'm hosting a watch party themed on {x.a}. Suggest a simple snack recipe."),
        bot(f"A {x.a} party snack: cheese and herb palmiers.\n1. Roll out 320 g puff pastry.\n"
            "2. Spread with 2 tbsp pesto, scatter 80 g grated cheddar.\n3. Roll both sides to the "
            "middle, chill 20 minutes, slice 1 cm thick.\n4. Bake at 200 °C for 12–15 minutes."),
    ]  # fmt: skip


def t_list(x: Item, y: Item) -> list[dict[str, str]]:
    return [
        user(f"List three things a student could research about {x.desc}, and one about {y.a}."),
        bot(f"1. How {x.a} became widely known.\n2. How {x.a} is remembered today.\n3. What "
            f"critics said about {x.a} at first.\n4. Why {y.a} is often mentioned alongside it."),
    ]  # fmt: skip


def t_essay(x: Item, y: Item) -> list[dict[str, str]]:
    return [
        user(f"Outline a 500-word essay comparing {x.desc} with {y.desc}."),
        bot(f"I. Introduction: why {x.a} and {y.a} belong in one essay.\nII. {x.a}: origins and "
            f"reputation.\nIII. {y.a}: origins and reputation.\nIV. What the comparison shows.\n"
            "V. Conclusion."),
    ]  # fmt: skip


def t_translate(x: Item, _: Item) -> list[dict[str, str]]:
    lang, sentence, translated = random.Random(x.a).choice(
        (
            ("French", f"We talked about {x.a} all evening.",
             f"Nous avons parlé de {x.a} toute la soirée."),
            ("Spanish", f"My favourite answer tonight was {x.a}.",
             f"Mi respuesta favorita de esta noche fue {x.a}."),
            ("German", f"Everyone in the office knows {x.a}.", f"Im Büro kennt jeder {x.a}."),
            ("Italian", f"The next question is about {x.a}.",
             f"La prossima domanda riguarda {x.a}."),
        )
    )  # fmt: skip
    return [
        user(f'Translate into {lang}, keep the names as they are: "{sentence}"'),
        bot(f'"{translated}"'),
    ]


def t_json(x: Item, y: Item) -> list[dict[str, str]]:
    rows = [{"kind": x.kind, "name": x.a}, {"kind": y.kind, "name": y.a}]
    return [
        user(f"Turn this into a JSON array of objects with kind and name: {x.kind} {x.a}; "
             f"{y.kind} {y.a}."),
        bot(json.dumps(rows, ensure_ascii=False, indent=2)),
    ]  # fmt: skip


def t_sql(x: Item, _: Item) -> list[dict[str, str]]:
    quoted = x.a.replace("'", "''")
    note = " The apostrophe is doubled inside the SQL string." if "'" in x.a else ""
    return [
        user(f"Write SQL that counts quiz answers equal to {x.a} in the answers table."),
        bot(f"```sql\nSELECT COUNT(*) AS n\nFROM answers\nWHERE answer = '{quoted}';\n```"
            f"\nThis counts the rows whose answer is exactly {x.a}.{note}"),
    ]  # fmt: skip


def t_note(x: Item, y: Item) -> list[dict[str, str]]:
    return [
        user(f"Draft a short note to the book club: next month is about {x.desc}; bring "
             f"anything related to {y.a}."),
        bot(f"Hi all,\n\nNext month we turn to {x.desc}. If you have anything related to {y.a}, "
            "bring it along.\n\nSee you then!"),
    ]  # fmt: skip


def t_classify(x: Item, y: Item) -> list[dict[str, str]]:
    return [
        user(f"Classify each as a song, character, brand, ship, storm, horse, place, team, "
             f"person, band or other: {x.a}; {y.a}."),
        bot(f"- {x.a}: {NOUN[x.kind].removeprefix('the ')}\n- {y.a}: "
            f"{NOUN[y.kind].removeprefix('the ')}"),
    ]  # fmt: skip


TEMPLATES: tuple[T, ...] = (
    t_trivia, t_summary, t_code, t_recipe, t_list, t_essay, t_translate, t_json, t_sql,
    t_note, t_classify,
)  # fmt: skip


def pools(half: str) -> dict[str, list[Fact]]:
    return {k: split_pool(v, half, f"r3:facts:{k}", SEED3) for k, v in FACTS.items()}


def generate(half: str) -> list[Example]:
    rng = rng_for("general3", half, SEED3)
    facts = pools(half)
    kinds = sorted(facts)
    out = []
    for i in range(SIZE):
        protected: list[Protected] = []
        k1 = kinds[i % len(kinds)]
        k2 = rng.choice(kinds)
        f1 = rng.choice(facts[k1])
        f2 = rng.choice([f for f in facts[k2] if f != f1])
        x, y = Item(k1, f1, protected), Item(k2, f2, protected)
        template = TEMPLATES[(i // len(kinds) + i) % len(TEMPLATES)]
        messages = template(x, y)
        text = "\n".join(m["content"] for m in messages)
        kept = [p for p in protected if p.text in text]
        out.append(Example(messages, [], kept))
    return out
