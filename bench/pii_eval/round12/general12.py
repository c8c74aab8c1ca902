"""general12: instruction data with no private data; every public name in it is protected.

Kinds (``facts12.FACTS``): public figures, fictional characters, brands named after people,
products, books, films, songs, places, technical eponyms, job titles and subscription plans.
Tasks: quiz questions, haiku, a translation into Spanish with names kept, JSON for a
``lookup_reference`` tool, YAML lists, one-line explanations, comparisons, a reading list.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.pii_eval.common import Example, Protected
from bench.pii_eval.round12 import common12, facts12
from bench.pii_eval.round12.common12 import assistant, system, tool_call, tool_result, user

SIZE = 120
Facts = dict[str, list[str]]


def _quiz(rng: random.Random, a: tuple[str, str], b: tuple[str, str]) -> list[dict[str, object]]:
    return [
        user(
            rng.choice(
                [
                    "Write a pub-quiz question whose answer is {a}, with {b} as a wrong option.",
                    "Quiz night: make a multiple-choice question, right answer {a}, decoy {b}.",
                ]
            ).format(a=a[1], b=b[1])
        ),
        assistant(
            f"Question: which of these is a {a[0].replace('_', ' ')}? A) {a[1]} B) {b[1]}. Answer: A."
        ),
    ]


def _haiku(rng: random.Random, a: tuple[str, str], b: tuple[str, str]) -> list[dict[str, object]]:
    return [
        user(
            rng.choice(
                ["A haiku that mentions {a} and {b}, please.", "Haiku time: {a}, {b}."]
            ).format(a=a[1], b=b[1])
        ),
        assistant(f"{a[1]} at dusk —\nsomeone hums of {b[1]}\nthe kettle agrees"),
    ]


def _translate(
    rng: random.Random, a: tuple[str, str], b: tuple[str, str]
) -> list[dict[str, object]]:
    return [
        system(
            rng.choice(
                [
                    "Translate into Spanish. Keep proper names exactly as written.",
                    "You translate English to Spanish; names and titles stay untranslated.",
                ]
            )
        ),
        user(f"Yesterday I read about {a[1]} and then talked about {b[1]} for an hour."),
        assistant(f"Ayer leí sobre {a[1]} y luego hablé de {b[1]} durante una hora."),
    ]


def _tool(rng: random.Random, a: tuple[str, str], b: tuple[str, str]) -> list[dict[str, object]]:
    call = f"call_g{rng.randrange(1000, 9999)}"
    return [
        user(f"Look up {a[1]} for my notes."),
        tool_call(call, "lookup_reference", {"query": a[1], "kind": a[0]}),
        tool_result(call, {"title": a[1], "see_also": b[1]}),
        assistant(f"Found an entry for {a[1]}; it also points to {b[1]}."),
    ]


def _yaml(rng: random.Random, a: tuple[str, str], b: tuple[str, str]) -> list[dict[str, object]]:
    return [
        user(
            rng.choice(["Turn this into YAML: ", "As YAML please -> "])
            + f"{a[0]} = {a[1]}; {b[0]} = {b[1]}"
        ),
        assistant(f'```yaml\n{a[0]}: "{a[1]}"\n{b[0]}: "{b[1]}"\n```'),
    ]


def _explain(rng: random.Random, a: tuple[str, str], b: tuple[str, str]) -> list[dict[str, object]]:
    return [
        user(
            rng.choice(
                [
                    "In one line each: what is {a}, and why might someone mention {b} next to it?",
                    "Explain {a} to a twelve-year-old, then say how {b} relates, if at all.",
                ]
            ).format(a=a[1], b=b[1])
        ),
        assistant(
            f"{a[1]} is a well-known {a[0].replace('_', ' ')}; {b[1]} comes up as a point of comparison."
        ),
    ]


def _reading(rng: random.Random, a: tuple[str, str], b: tuple[str, str]) -> list[dict[str, object]]:
    return [
        user(
            f"# {rng.choice(['Club Agenda', 'Quiz League Night', 'Reading Circle'])}\n\n## Topics\n"
            f"- {a[1]}\n- {b[1]}\n\nSuggest a title for the evening."
        ),
        assistant(f'"From {a[1]} to {b[1]}" would work nicely.'),
    ]


TASKS: list[Callable[[random.Random, tuple[str, str], tuple[str, str]], list[dict[str, object]]]] = [
    _quiz, _haiku, _translate, _tool, _yaml, _explain, _reading,
]  # fmt: skip


def generate(half: str) -> list[Example]:
    rng = common12.rng12("general12", half)
    facts: Facts = {k: common12.pool(v, half, f"facts:{k}") for k, v in facts12.FACTS.items()}
    kinds = list(facts)
    out = []
    for i in range(SIZE):
        kind_a = kinds[i % len(kinds)]
        kind_b = kinds[(i * 7 + 3) % len(kinds)]
        first = rng.choice(facts[kind_a])
        second = rng.choice([f for f in facts[kind_b] if f != first])
        a, b = (kind_a, first), (kind_b, second)
        ex = Example(TASKS[i % len(TASKS)](rng, a, b))
        ex.protected += [Protected(first, kind_a), Protected(second, kind_b)]
        out.append(ex)
    return out
