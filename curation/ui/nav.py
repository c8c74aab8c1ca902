"""Which pages each role may reach. Only allowed pages run; the URL of any other page opens a
hidden stand-in that says who the page is for, instead of Streamlit's "Page not found"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from curation.auth import Account
from curation.ui.login import render_login


@dataclass(frozen=True, slots=True)
class PageSpec:
    path: str
    title: str
    icon: str
    role: str
    section: str
    default_for: tuple[str, ...] = ()


PAGES: tuple[PageSpec, ...] = (
    PageSpec("views/rank.py", "Rank", ":material/compare:", "annotator", "Label", ("annotator",)),
    PageSpec("views/my_progress.py", "My progress", ":material/trending_up:", "annotator", "Label"),
    PageSpec("views/campaigns.py", "Campaigns", ":material/campaign:", "lead", "Label"),
    PageSpec("views/quality.py", "Quality", ":material/insights:", "lead", "Label"),
    PageSpec(
        "views/datasets.py", "Datasets", ":material/dataset:", "lead", "Data", ("lead", "admin")
    ),
    PageSpec("views/import_data.py", "Import", ":material/upload_file:", "lead", "Data"),
    PageSpec("views/pii.py", "PII", ":material/shield_person:", "lead", "Curate"),
    PageSpec("views/dedup.py", "Deduplicate", ":material/content_copy:", "lead", "Curate"),
    PageSpec("views/export.py", "Export", ":material/download:", "lead", "Export"),
    PageSpec("views/finetune.py", "Fine-tune", ":material/model_training:", "lead", "Export"),
    PageSpec("views/users.py", "Users", ":material/group:", "admin", "Admin"),
    PageSpec("views/settings.py", "Settings", ":material/settings:", "lead", "Admin"),
)


def allowed(account: Account) -> list[PageSpec]:
    return [p for p in PAGES if account.can(p.role)]


def login_page(*, logged_in: bool) -> st.Page:
    def login() -> None:
        render_login(home_page)

    return st.Page(
        login,
        title="Log in",
        icon=":material/login:",
        url_path="login",
        default=not logged_in,
        visibility="hidden" if logged_in else "visible",
    )


ROLE_NAMES = {"annotator": "annotators", "lead": "leads", "admin": "admins"}


def not_for_you(spec: PageSpec, account: Account) -> Callable[[], None]:
    """The stand-in run when ``account`` opens the URL of a page its role may not see."""

    def render() -> None:
        st.title(spec.title)
        st.warning(
            f"This page is for {ROLE_NAMES.get(spec.role, spec.role)}: your account is "
            f"{account.name} ({account.role}). Ask a lead if you need it.",
            icon=":material/lock:",
        )
        home = home_page(account)
        if home:
            st.page_link(home, label="Go to your start page", icon=":material/home:")

    return render


def url_path(spec: PageSpec) -> str:
    """The URL path Streamlit gives a page file (``views/import_data.py`` → ``import_data``)."""
    return Path(spec.path).stem


def pages_for(account: Account | None) -> dict[str, list[st.Page]]:
    """Every page this account may open, by section; only the login page without an account."""
    if account is None:
        return {"": [login_page(logged_in=False)]}
    sections: dict[str, list[st.Page]] = {"": [login_page(logged_in=True)]}
    for spec in PAGES:
        if not account.can(spec.role):
            sections[""].append(
                st.Page(
                    not_for_you(spec, account),
                    title=spec.title,
                    icon=":material/lock:",
                    url_path=url_path(spec),
                    visibility="hidden",
                )
            )
    for spec in allowed(account):
        sections.setdefault(spec.section, []).append(
            st.Page(
                spec.path, title=spec.title, icon=spec.icon, default=spec.path == home_page(account)
            )
        )
    return sections


def home_page(account: Account) -> str | None:
    """The page a role lands on after logging in (None if the role has no page)."""
    pages = allowed(account)
    for spec in pages:
        if account.role in spec.default_for:
            return spec.path
    return pages[0].path if pages else None
