"""The PII page's Rules tab: allow-list, deny-lists per entity and patterns (tried on a sample
before they are added). Each change is logged and used by the next scan."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from curation.errors import CurationError
from curation.pii.config import check_pattern
from curation.pii.rules import Rule, add_rule, remove_rule, set_terms
from curation.store.db import Workspace
from curation.ui import keys


def _notice(text: str) -> None:
    st.session_state[keys.PII_NOTICE] = text


def selected_rows(key: str) -> list[int]:
    """The rows ticked in the dataframe with widget key ``key``."""
    state = st.session_state.get(key)
    try:
        return list(state["selection"]["rows"])  # type: ignore[index]
    except (KeyError, TypeError):
        return []


def rules_tab(ws: Workspace, rules: Sequence[Rule], lead: str) -> None:
    """Draw the tab's widgets and save what the lead ``lead`` changes."""
    allow_terms = [r.value for r in rules if r.kind == "allow" and not r.entity]
    st.markdown("**Allow-list** — product and technical terms that are never PII (one per line)")
    allow_text = st.text_area(
        "Allow-list", value="\n".join(allow_terms), key=keys.PII_ALLOW, label_visibility="collapsed"
    )
    if st.button("Save allow-list", key=keys.PII_SAVE_ALLOW):
        try:
            with ws.tx() as s:
                added, removed = set_terms(s, "allow", "", allow_text.splitlines(), actor=lead)
        except CurationError as exc:
            st.error(str(exc))
        else:
            _notice(f"Allow-list saved: {added} added, {removed} removed. Re-scan to apply it.")
            st.rerun()
    entity_allow = [r for r in rules if r.kind == "allow" and r.entity]
    if entity_allow:
        st.caption(
            "Per-entity allow terms (from per-value rejections): "
            + ", ".join(f"{r.entity}: {r.value}" for r in entity_allow[:50])
        )

    st.markdown("**Deny-list** — values that are always PII (e.g. employee names, customer IDs)")
    d1, d2 = st.columns([1, 3])
    deny_entity = d1.text_input("Entity", value="PERSON", key=keys.PII_DENY_ENTITY).strip().upper()
    deny_terms = [r.value for r in rules if r.kind == "deny" and r.entity == deny_entity]
    deny_text = d2.text_area(
        f"Terms for {deny_entity or '…'}", value="\n".join(deny_terms), key=keys.PII_DENY
    )
    if st.button("Save deny-list", key=keys.PII_SAVE_DENY, disabled=not deny_entity):
        try:
            with ws.tx() as s:
                added, removed = set_terms(
                    s, "deny", deny_entity, deny_text.splitlines(), actor=lead
                )
        except CurationError as exc:
            st.error(str(exc))
        else:
            _notice(f"Deny-list for {deny_entity} saved: {added} added, {removed} removed.")
            st.rerun()

    _patterns(ws, rules, lead)


def _patterns(ws: Workspace, rules: Sequence[Rule], lead: str) -> None:
    st.markdown("**Patterns** — regular expressions for your own identifiers (ticket IDs, …)")
    patterns = [r for r in rules if r.kind == "pattern"]
    if patterns:
        prow = [
            {"id": r.id, "name": r.name, "entity": r.entity, "regex": r.value, "score": r.score}
            for r in patterns
        ]
        st.dataframe(
            pd.DataFrame(prow),
            hide_index=True,
            width="stretch",
            on_select="rerun",
            selection_mode="multi-row",
            key=keys.PII_PATTERNS,
        )
        gone = [int(str(prow[i]["id"])) for i in selected_rows(keys.PII_PATTERNS) if i < len(prow)]
        if st.button(
            f"Remove {len(gone)} selected", key=keys.PII_REMOVE_PATTERNS, disabled=not gone
        ):
            with ws.tx() as s:
                for rid in gone:
                    remove_rule(s, rid, actor=lead)
            _notice(f"Removed {len(gone)} patterns.")
            st.rerun()
    p1, p2, p3, p4 = st.columns([2, 2, 4, 1])
    p_name = p1.text_input("Name", key=keys.PII_PATTERN_NAME, placeholder="ticket")
    p_entity = p2.text_input("Entity", key=keys.PII_PATTERN_ENTITY, placeholder="TICKET_ID")
    p_regex = p3.text_input("Regex", key=keys.PII_PATTERN_REGEX, placeholder=r"\bNW-\d{4}-TK\b")
    p_score = p4.number_input("Score", 0.05, 1.0, 0.9, 0.05, key=keys.PII_PATTERN_SCORE)
    sample = st.text_input("Try it on", key=keys.PII_PATTERN_SAMPLE)
    if p_regex and sample:
        try:
            hits = [m.group() for m in check_pattern(p_regex).finditer(sample)]
        except CurationError as exc:
            st.error(str(exc))
        else:
            st.caption(f"Matches: {', '.join(repr(h) for h in hits) if hits else 'none'}")
    if st.button("Add pattern", key=keys.PII_ADD_PATTERN, disabled=not (p_regex and p_entity)):
        try:
            with ws.tx() as s:
                add_rule(
                    s,
                    "pattern",
                    p_regex,
                    actor=lead,
                    entity=p_entity,
                    name=p_name,
                    score=float(p_score),
                )
        except CurationError as exc:
            st.error(str(exc))
        else:
            _notice(f"Pattern {p_name or p_entity} added. Re-scan to find its matches.")
            st.rerun()
