"""Round 2 of the PII evaluation sets: the coverage that was asked for. What every round
promises (determinism, disjoint halves, gold true to the records, the ``--round`` flag) is
checked for this round too in ``test_pii_eval_rounds.py``.
"""

from __future__ import annotations

from bench.pii_eval.round2.people import CULTURES, People, name_tokens
from tests.helpers.pii_eval import half


def test_sets_cover_what_was_asked() -> None:
    chats = half("chats2", "dev")
    people = [p for g in chats.gold for p in g.private if p.category == "person"]
    tags = {p.tag for p in people}
    assert {
        "no_cue", "next_to_id", "sign_off", "letter", "tool_args", "tool_result", "lowercase",
        "hyphenated", "particle", "apostrophe", "initial", "common_word",
    } <= tags  # fmt: skip
    pools = People("dev")
    used: set[str] = set().union(*(name_tokens(p.text) for p in people))
    seen = {
        culture
        for culture in CULTURES
        if any(name_tokens(n) & used for n in pools.given[culture] + pools.surname[culture])
    }
    assert len(seen) >= 15
    categories = {p.category for g in chats.gold for p in g.private}
    assert {"person", "email", "phone", "card", "ssn", "iban", "ip"} <= categories
    clean = sum(g.no_private for g in chats.gold)
    assert 0.05 * len(chats.gold) <= clean <= 0.15 * len(chats.gold)

    addresses = half("addresses2", "dev")
    countries = {p.tag for g in addresses.gold for p in g.private if p.category == "address"}
    assert {"UK", "DE", "FR", "ES", "IT", "NL", "JP", "IN", "BR", "military", "po_box"} <= countries
    assert len(countries - {"military", "po_box"}) >= 10
    phones = [p.text for g in addresses.gold for p in g.private if p.category == "phone"]
    assert any(p.startswith("+") for p in phones) and any(not p.startswith("+") for p in phones)

    assert all(g.no_private and g.protected for g in half("general2", "dev").gold)

    multi = half("multilingual2", "dev")
    langs = {p.tag for g in multi.gold for p in g.private if p.category == "person"}
    assert {"es", "de", "fr", "pt", "it", "nl", "id", "vi"} <= langs
    assert {p.script for g in multi.gold for p in g.private} >= {"latin", "cjk", "thai"}
