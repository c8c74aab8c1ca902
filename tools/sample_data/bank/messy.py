"""Lines of the deliberately messy import file: good short chats mixed with broken lines.

Each entry is ("good", conversation), or (kind, raw_line, expected) for a planted problem, where
``expected`` says where the problem should be caught: by the reader (``read_records`` yields a
``LineError``) or only by chat validation (the reader accepts the line).
"""

from __future__ import annotations

from .common import CALL, RESULT, A, U, conv

MESSY_GOOD = {
    "messy-01": conv(
        "messy-01",
        "billing",
        [
            U("Where can I download last month's invoice as a PDF?"),
            A(
                """
                Under **Billing → Invoices**. Each invoice has a **Download PDF** button; owners and members
                with the Billing role can see them. To have invoices emailed automatically, add the
                address under **Billing → Contacts**.
                """
            ),
        ],
    ),
    "messy-02": conv(
        "messy-02",
        "api",
        [
            U("Does the API support idempotency keys?"),
            A(
                """
                Yes. Send an `Idempotency-Key` header (any unique string, for example a UUID) on `POST`
                requests. If the same key is sent again within 24 hours, the API returns the original
                response instead of performing the action twice, which makes retries after timeouts safe.
                """
            ),
        ],
        negatives=["24 hours"],
    ),
    "messy-03": conv(
        "messy-03",
        "kubernetes",
        [
            U("Can I pick the Kubernetes version when creating an NKS cluster?"),
            A(
                """
                Yes: `nwctl nks cluster create my-cluster --version 1.29.3`, or pick it from the version list
                in the console. Without `--version`, new clusters get the current default (1.29.3).
                """
            ),
        ],
        negatives=["Kubernetes", "1.29.3"],
    ),
    "messy-04": conv(
        "messy-04",
        "storage",
        [
            U("Is Object Storage encrypted at rest?"),
            A(
                """
                Yes. All objects are encrypted at rest with AES-256 using keys managed by Northwind. If you
                need to hold the keys yourself, upload with server-side encryption using customer-provided
                keys (SSE-C); we then never store the key, so losing it means losing the data.
                """
            ),
        ],
    ),
    "messy-05": conv(
        "messy-05",
        "outage",
        [
            U("Is the console down? It keeps showing a spinner."),
            CALL(("check_service_status", {"service": "console", "region": "global"})),
            RESULT(
                {
                    "service": "console",
                    "region": "global",
                    "status": "operational",
                    "incident": None,
                }
            ),
            A(
                """
                The console is operational on our side. A spinner that never finishes is usually a browser
                extension or a stale session: try a private window, or sign out and back in. If it still
                hangs, send me the time and your browser version and I'll check the logs.
                """
            ),
        ],
        tools=["all"],
    ),
    "messy-06": conv(
        "messy-06",
        "postgres",
        [
            U("What port does Managed PostgreSQL listen on?"),
            A(
                """
                Direct connections use port 5432; the built-in PgBouncer pooler listens on port 6432 of the
                same host. Both require TLS (`sslmode=require` or stricter).
                """
            ),
        ],
        negatives=["port 5432", "port 6432"],
    ),
    "messy-07": conv(
        "messy-07",
        "login",
        [
            U("How do I turn on MFA?"),
            A(
                """
                Go to **Settings → Security → Two-factor authentication** and add a security key or an
                authenticator app. Save the recovery codes shown at the end somewhere safe: they're the only
                way back in if you lose the device.
                """
            ),
        ],
    ),
    "messy-08": conv(
        "messy-08",
        "billing",
        [
            U("Do you accept PayPal?"),
            A(
                """
                Not at the moment. We accept major credit and debit cards, SEPA direct debit for EUR
                invoices, and bank transfer for annual plans and Enterprise contracts.
                """
            ),
        ],
    ),
}

# (kind, raw line or None for a good line, what should catch it)
MESSY_LAYOUT: list[tuple[str, str | None, str]] = [
    ("good:messy-01", None, ""),
    ("good:messy-02", None, ""),
    ("blank_line", "", "skipped by the reader (no item)"),
    (
        "invalid_json",
        '{"messages": [{"role": "system", "content": "You are Nova, the customer support assistant for Northwind Cloud."}, {"role": "user", "content": "My invoice shows the wrong VAT num',
        "reader: invalid JSON (truncated line)",
    ),
    ("good:messy-03", None, ""),
    (
        "unknown_role",
        '{"messages": [{"role": "customer", "content": "Hi, can I change my username?"}, {"role": "assistant", "content": "Usernames can\'t be changed, but you can change your display name under Settings → Profile."}]}',
        "validation: unrecognized_role ('customer'); the reader accepts the line",
    ),
    (
        "missing_messages",
        '{"conversation": [{"role": "user", "content": "How do I delete a bucket?"}, {"role": "assistant", "content": "Empty it first, then run nwctl storage bucket delete <name>."}], "metadata": {"topic": "storage"}}',
        "reader: messages missing",
    ),
    (
        "messages_not_list",
        '{"messages": "user: How do I reset my password?\\nassistant: Use Forgot password? on the login page."}',
        "reader: messages is a string, not a list",
    ),
    ("good:messy-04", None, ""),
    (
        "message_missing_content",
        '{"messages": [{"role": "user", "content": "What regions do you have?"}, {"role": "assistant"}]}',
        "reader: messages[1].content missing",
    ),
    ("good:messy-05", None, ""),
    (
        "not_an_object",
        '["user", "How do I add a teammate?"]',
        "reader: a JSON array, not an object",
    ),
    ("good:messy-06", None, ""),
    (
        "no_assistant",
        '{"messages": [{"role": "user", "content": "Can I get a dedicated IP for outbound traffic?"}]}',
        "validation: example_missing_assistant_message; the reader accepts the line",
    ),
    ("good:messy-07", None, ""),
    ("good:messy-08", None, ""),
]
