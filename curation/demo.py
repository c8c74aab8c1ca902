"""The demo workspace: the files in ``sample_data/`` imported into named datasets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from curation.auth import create_user, list_users
from curation.errors import InputError, InternalError
from curation.ingest.importer import import_file
from curation.labeling.campaigns import CampaignSpec, create_campaign, list_campaigns
from curation.store.db import Workspace
from curation.store.queries import dataset_names

TICKET_PATTERN = r"\bNW-\d{4}-TK\b"  # the demo company's ticket references (sample_data/README.md)
# file → dataset; files not listed (such as the deliberately messy one) are left for the user
DEMO_DATASETS: dict[str, str] = {
    "support_chats.jsonl": "support",
    "support_sharegpt.json": "support",
    "faq_alpaca.json": "support",
    "contract_pairs.jsonl": "contracts",
    "sql_rankings.jsonl": "sql",
    "preferences.csv": "preferences",
}


# Demo accounts, listed in the README. Demo only: change or disable them in a real workspace.
DEMO_USERS: tuple[tuple[str, str, str], ...] = (
    ("admin", "admin", "admin-demo"),
    ("lead", "lead", "lead-demo"),
    ("alice", "annotator", "alice-demo"),
    ("bob", "annotator", "bob-demo"),
    ("carol", "annotator", "carol-demo"),
)


def sample_data_dir() -> Path:
    return Path(__file__).resolve().parent / "sample_data"


def build_demo(ws: Workspace, source: Path | None = None) -> Iterator[str]:
    """Import every demo file; re-running adds nothing because imports skip known content."""
    folder = source or sample_data_dir()
    if not folder.is_dir():
        if source is None:  # the package ships sample_data/: a broken install
            raise InternalError(f"sample data folder not found: {folder}")
        raise InputError(f"sample data folder not found: {folder}")
    yield from _demo_users(ws)
    for name, dataset in DEMO_DATASETS.items():
        path = folder / name
        if not path.exists():
            yield f"skipped {name}: not in {folder}"
            continue
        result = import_file(ws, path, dataset, actor="demo", display_name=name)
        yield result.summary()
    yield from _demo_campaigns(ws)
    yield from _demo_pii_rules(ws)


def _demo_users(ws: Workspace) -> Iterator[str]:
    with ws.tx() as s:
        existing = {u.name for u in list_users(s)}
        for name, role, password in DEMO_USERS:
            if name not in existing:
                create_user(s, name, role, password, actor="demo")
                yield f"account {name} ({role}), password {password}"


DEMO_GUIDELINES = """\
# How to rank

You see a conversation and two candidate answers. Pick the answer you would rather
ship to a customer.

1. **Correctness first.** A wrong legal or technical claim loses, however well written.
2. **Caveats.** Contract answers must say when the user needs a lawyer and which law applies.
3. **Helpfulness.** Prefer the answer that solves the problem with the fewest steps.
4. Use **much better** when one answer is clearly unacceptable; *tie* when you would ship either.
5. **Both bad** when you would ship neither; say why in the rationale.
"""

DEMO_CAMPAIGNS: tuple[tuple[str, str, list[str]], ...] = (
    ("contracts-review", "contracts", ["accuracy", "caveats"]),
    ("sql-answers", "sql", ["correctness", "clarity"]),
)


def _demo_pii_rules(ws: Workspace) -> Iterator[str]:
    """The demo company's ticket references, as a lead would add them on the PII page."""
    from curation.pii.rules import add_rule, list_rules  # loads Presidio: seconds, so only here

    with ws.tx() as s:
        if any(rule.value == TICKET_PATTERN for rule in list_rules(s, "pattern")):
            return
        add_rule(
            s, "pattern", TICKET_PATTERN, actor="demo", entity="REFERENCE_ID", name="ticket ID"
        )
    yield f"PII pattern REFERENCE_ID {TICKET_PATTERN}"


def _demo_campaigns(ws: Workspace) -> Iterator[str]:
    annotators = [name for name, role, _ in DEMO_USERS if role == "annotator"]
    with ws.tx() as s:
        existing = {c.name for c in list_campaigns(s)}
        for name, dataset, criteria in DEMO_CAMPAIGNS:
            if name in existing or dataset not in dataset_names(s):
                continue
            spec = CampaignSpec(
                name=name,
                dataset=dataset,
                overlap=2,
                annotators=annotators,
                criteria=criteria,
                guidelines=DEMO_GUIDELINES,
                rationale_required_for=["both_bad"],
                gold_from_imported=5,
            )
            create_campaign(s, spec, actor="demo")
            yield f"campaign {name} on {dataset} for {', '.join(annotators)}"
