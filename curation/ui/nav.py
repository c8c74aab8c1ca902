"""Which pages each role may reach. Only allowed pages are registered, so others cannot be opened."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from curation.auth import Account


@dataclass(frozen=True, slots=True)
class PageSpec:
    path: str
    title: str
    icon: str
    role: str
    section: str
    default_for: tuple[str, ...] = ()


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/datasets.py", "Datasets", ":material/dataset:", "lead", "Data", ("lead", "admin")),
    PageSpec("pages/import_data.py", "Import", ":material/upload_file:", "lead", "Data"),
    PageSpec("pages/users.py", "Users", ":material/group:", "admin", "Admin"),
)


def allowed(account: Account) -> list[PageSpec]:
    return [p for p in PAGES if account.can(p.role)]


def pages_for(account: Account) -> dict[str, list[st.Page]]:
    sections: dict[str, list[st.Page]] = {}
    for spec in allowed(account):
        sections.setdefault(spec.section, []).append(
            st.Page(spec.path, title=spec.title, icon=spec.icon, default=account.role in spec.default_for)
        )
    return sections
