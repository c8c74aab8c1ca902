"""Round 3 of the PII evaluation sets: the coverage that was asked for, and name pools of
the halves that share no token. What every round promises (determinism, disjoint halves,
gold true to the records, the ``--round`` flag) is checked for this round too in
``test_pii_eval_rounds.py``.
"""

from __future__ import annotations

from bench.pii_eval.common import record_text
from bench.pii_eval.round3.facts3 import FACTS
from bench.pii_eval.round3.people3 import CULTURES, People, name_tokens
from tests.helpers.pii_eval import half


def test_name_pools_of_the_halves_share_no_token() -> None:
    def tokens(p: People) -> set[str]:
        pools = (*p.given.values(), *p.surname.values(), p.common_given, p.common_surname)
        return {t for pool in pools for name in pool for t in name_tokens(name) if len(t) > 1}

    assert not tokens(People("dev")) & tokens(People("test"))


def test_general3_covers_the_weak_spots() -> None:
    for which in ("dev", "test"):
        gold = half("general3", which).gold
        assert all(g.no_private and g.protected for g in gold)
        kinds = {p.kind for g in gold for p in g.protected}
        assert set(FACTS) <= kinds
    tasks = "\n".join(record_text(r) for r in half("general3", "dev").records)
    for cue in ("```python", "```sql", "Translate into", "recipe", "essay", "Summarise", '"kind"'):
        assert cue in tasks


def test_clean3_has_no_private_data_and_no_names() -> None:
    people = People("dev"), People("test")
    known = {
        t
        for p in people
        for pool in (*p.given.values(), *p.surname.values(), p.common_given, p.common_surname)
        for name in pool
        for t in name_tokens(name)
        if len(t) >= 3
    }
    for which in ("dev", "test"):
        built = half("clean3", which)
        assert all(g.no_private for g in built.gold)
        assert any(g.protected for g in built.gold)
        words = {w.lower().strip(".,:;!?\"'()") for r in built.records
                 for w in record_text(r).split()}  # fmt: skip
        assert not words & known


def test_chats3_covers_cultures_positions_and_ids() -> None:
    chats = half("chats3", "dev")
    people = [p for g in chats.gold for p in g.private if p.category == "person"]
    tags = {p.tag for p in people}
    assert {
        "no_cue", "intro", "next_to_id", "sign_off", "letter", "tool_args", "tool_result",
        "lowercase", "initial", "common_word", "third_party", "first_later", "hyphenated",
        "csv", "email_header",
    } <= tags  # fmt: skip
    pools = People("dev")
    used: set[str] = set().union(*(name_tokens(p.text) for p in people))
    seen = {
        culture
        for culture in CULTURES
        if any(name_tokens(n) & used for n in pools.given[culture] + pools.surname[culture])
    }
    assert len(seen) >= 20
    categories = {p.category for g in chats.gold for p in g.private}
    assert {"person", "email", "phone", "card", "ssn", "iban", "ip"} <= categories
    kinds = {p.kind for g in chats.gold if g.private for p in g.protected}
    assert {"courier", "product", "title"} <= kinds
    clean = sum(g.no_private for g in chats.gold)
    assert 0.05 * len(chats.gold) <= clean <= 0.15 * len(chats.gold)


def test_addresses3_covers_countries_and_couriers() -> None:
    built = half("addresses3", "dev")
    tags = {p.tag for g in built.gold for p in g.private if p.category == "address"}
    new = {"AT", "CH", "BE", "PT", "CZ", "AR", "CO", "PH", "EG", "NZ"}
    assert new | {"military", "po_box"} <= tags
    phones = [p for g in built.gold for p in g.private if p.category == "phone"]
    assert new <= {p.tag for p in phones}
    assert any(p.text.startswith("+") for p in phones)
    assert any(not p.text.startswith("+") for p in phones)
    for g in built.gold:
        if any(p.category == "address" for p in g.private):
            assert any(p.kind == "courier" for p in g.protected), g.id
